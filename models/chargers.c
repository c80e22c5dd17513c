/* chargers.c: e-bike and EV charging ports with capex renewal and charger
 * subsidies (docs/model.md chargers:NAME). */
#include <limits.h>
#include <stdio.h>
#include "lever.h"

static const rs_param chargers_params[] = {
    RS_LEVER_COMMON_PARAMS,
    {"kind", "", RS_P_ENUM, 0, 0, 0, RS_P_FIXED, "ebike|ev_ac|ev_dc",
     "ebike, ev_ac or ev_dc (a label)", "类型", NULL},
    {"ports", "ports", RS_P_INT, 0, 0, 1e7, RS_P_REQUIRED, NULL, "charging ports", "充电端口数",
     NULL},
    {"sessions_start", "sessions/port/day", RS_P_NUM, 0, 0, 1000, 0, NULL,
     "sessions per port per day when operation starts", "初始日均单口充电次数", NULL},
    {"sessions_target", "sessions/port/day", RS_P_NUM, 0, 0, 1000, RS_P_REQUIRED, NULL,
     "sessions per port per day at the end of the ramp", "目标日均单口充电次数", NULL},
    RS_RAMP_PARAMS(0),
    {"kwh_per_session", "kWh", RS_P_NUM, 0, 0, 1000, 0, NULL, "energy per session",
     "单次充电量", NULL},
    {"price_per_session", "CNY", RS_P_NUM, 0, 0, 1e4, RS_P_SCHED, NULL, "price per session",
     "单次服务费", "price_growth"},
    {"price_per_kwh", "CNY/kWh", RS_P_NUM, 0, 0, 100, RS_P_SCHED, NULL, "price per kWh",
     "每度电价格", "price_growth"},
    {"price_growth", "1/year", RS_P_NUM, 0, -0.5, 1, 0, NULL, "yearly price escalation",
     "价格年增长率", NULL},
    {"electricity_cost", "CNY/kWh", RS_P_NUM, 0, 0, 100, RS_P_SCHED, NULL,
     "electricity bought", "购电成本", "electricity_growth"},
    {"electricity_growth", "1/year", RS_P_NUM, 0, -0.5, 1, 0, NULL,
     "yearly escalation of electricity cost", "购电成本年增长率", NULL},
    {"capex_per_port", "CNY/port", RS_P_NUM, 0, 0, 1e9, 0, NULL, "cost per port",
     "单口投资", NULL},
    {"life_years", "years", RS_P_NUM, 0, 0, 100, 0, NULL,
     "0 = never renewed; else capex recurs every life_years*12 months (rounded)",
     "设备寿命（年）", NULL},
    {"opex_per_port", "CNY/port/month", RS_P_NUM, 0, 0, 1e6, 0, NULL,
     "operating cost per port", "单口运营成本", NULL},
    {"opex_rate", "fraction", RS_P_NUM, 0, 0, 1, 0, NULL, "operating cost as a share of gross",
     "运营成本率", NULL},
    {"subsidy_per_unit", "CNY/port", RS_P_NUM, 0, 0, 1e9, 0, NULL,
     "one-off subsidy per port", "单口建设补贴", NULL},
    {"kw_per_port", "kW", RS_P_NUM, 0, 0, 1e4, 0, NULL, "charging power per port",
     "单口功率", NULL},
    {"subsidy_per_kw", "CNY/kW", RS_P_NUM, 0, 0, 1e6, 0, NULL,
     "one-off subsidy per kW installed (ports x kw_per_port)", "每千瓦建设补贴", NULL},
    {"subsidy_per_kwh", "CNY/kWh", RS_P_NUM, 0, 0, 100, 0, NULL,
     "operating subsidy per kWh delivered", "每度电运营补贴", NULL},
    {"subsidy_years", "years", RS_P_NUM, 0, 0, 100, 0, NULL,
     "years the per-kWh subsidy is paid from operation start (0: every year)",
     "运营补贴年限", NULL},
};

#define DAYS_PER_MONTH (365.0 / 12.0)

/* Renewal period in months, 0 when never renewed. */
static int renewal_months(const rs_entity *e)
{
    return (int)lround(e->v[CH_LIFE] * 12.0);
}

/* 1 when a price is > 0 in its plain row or one of its schedule steps */
static int priced(const rs_entity *e)
{
    if (e->v[CH_PPS] > 0 || e->v[CH_PPK] > 0)
        return 1;
    for (int i = 0; i < e->nsteps; i++)
        if ((e->steps[i].param == CH_PPS || e->steps[i].param == CH_PPK) && e->steps[i].value > 0)
            return 1;
    return 0;
}

static int chargers_check(const rs_entity *e, char *why, size_t n)
{
    if (!priced(e)) {
        snprintf(why, n, "price_per_session or price_per_kwh must be > 0");
        return e->set[CH_PPS] && !e->set[CH_PPK] ? CH_PPS : CH_PPK;
    }
    if (e->v[CH_LIFE] > 0 && renewal_months(e) < 1) {
        snprintf(why, n, "life_years must be 0 or at least 1/24 (it rounds to at least one "
                 "month), got %g", e->v[CH_LIFE]);
        return CH_LIFE;
    }
    return -1;
}

static void chargers_derive(rs_entity *e) { rs_lever_derive_dep(e, e->v[CH_LIFE]); }

/* sessions(m) = ports * sessions_per_day(m) * days_per_month; gross, energy
 * and the per-kWh subsidy are all proportional to sessions */
static void chargers_linear(const rs_entity *e, int years, rs_lin *lin)
{
    const double *v = e->v;
    rs_lin_init(lin, e, 0, (int)v[CH_RAMP], (int)v[CH_SHAPE]);
    const double per_day = v[CH_PORTS] * DAYS_PER_MONTH;
    const double s0 = per_day * v[CH_SESS_START], d = per_day * (v[CH_SESS_TARGET] - v[CH_SESS_START]);
    const double fixed = v[CH_PORTS] * v[CH_OPEX_PORT];
    const double keep = rs_lever_keep(e, v[CH_OPEX_RATE]);
    rs_sched pps, ppk, elec;
    rs_sched_begin(&pps, e, CH_PPS, CH_PRICE_GROWTH);
    rs_sched_begin(&ppk, e, CH_PPK, CH_PRICE_GROWTH);
    rs_sched_begin(&elec, e, CH_ELEC, CH_ELEC_GROWTH);
    for (int y = 0; y < years; y++) {
        rs_sched_next(&pps, y + 1);
        rs_sched_next(&ppk, y + 1);
        rs_sched_next(&elec, y + 1);
        /* price = pb * f: one growth factor when both prices grow alike */
        const int alike = pps.f == ppk.f;
        const double pb = alike ? pps.v + v[CH_KWH] * ppk.v
                                : pps.v * pps.f + v[CH_KWH] * ppk.v * ppk.f;
        const double f = alike ? pps.f : 1.0;
        const double energy = v[CH_KWH] * elec.v;
        const double per_session_net = pb * f * keep - energy * elec.f;
        lin->cg[y] = s0 * pb * f;
        lin->rg[y] = d * pb * f;
        lin->cn[y] = s0 * per_session_net - fixed;
        lin->rn[y] = d * per_session_net;
    }
    rs_lin_tax(lin, e, years);
    const double per_kwh = v[CH_KWH] * v[CH_SUB_KWH];
    for (int y = 0; y < years; y++) {
        lin->cs[y] = s0 * per_kwh;
        lin->rs[y] = d * per_kwh;
    }
    if (per_kwh > 0) {   /* subsidy_years 0: every month from o */
        const long k = lround(12.0 * v[CH_SUB_YEARS]);
        lin->sub_end = v[CH_SUB_YEARS] > 0 ? lin->o - 1 + (int)(k < INT_MAX / 2 ? k : INT_MAX / 2)
                                           : INT_MAX;
    }
    lin->capex = v[CH_PORTS] * v[CH_CAPEX];
    lin->renew = lin->capex;
    lin->period = renewal_months(e);
    lin->subsidy = v[CH_PORTS] * v[CH_SUB_UNIT] + v[CH_PORTS] * v[CH_KW] * v[CH_SUB_KW];
}

const rs_section rs_section_chargers = {
    "chargers", RS_SEC_LEVER, 1, chargers_params, CH_N,
    "e-bike and EV charging ports", "电动自行车及汽车充电桩",
    CH_RAMP, CH_SHAPE, CH_PORTS, chargers_check, chargers_derive, chargers_linear,
};
