/* chargers.c: e-bike and EV charging ports with capex renewal (MODEL.md
 * chargers:NAME). */
#include <stdio.h>
#include "lever.h"

static const rs_param chargers_params[] = {
    RS_LEVER_COMMON_PARAMS,
    {"kind", "", RS_P_ENUM, 0, 0, 0, RS_P_FIXED, "ebike|ev_ac|ev_dc",
     "ebike, ev_ac or ev_dc (a label)"},
    {"ports", "ports", RS_P_INT, 0, 0, 1e7, RS_P_REQUIRED, NULL, "charging ports"},
    {"sessions_start", "sessions/port/day", RS_P_NUM, 0, 0, 1000, 0, NULL,
     "sessions per port per day at the start"},
    {"sessions_target", "sessions/port/day", RS_P_NUM, 0, 0, 1000, RS_P_REQUIRED, NULL,
     "sessions per port per day at the end of the ramp"},
    RS_RAMP_PARAMS(0),
    {"kwh_per_session", "kWh", RS_P_NUM, 0, 0, 1000, 0, NULL, "energy per session"},
    {"price_per_session", "CNY", RS_P_NUM, 0, 0, 1e4, 0, NULL, "price per session"},
    {"price_per_kwh", "CNY/kWh", RS_P_NUM, 0, 0, 100, 0, NULL, "price per kWh"},
    {"price_growth", "1/year", RS_P_NUM, 0, -0.5, 1, 0, NULL, "yearly price escalation"},
    {"electricity_cost", "CNY/kWh", RS_P_NUM, 0, 0, 100, 0, NULL, "electricity bought"},
    {"electricity_growth", "1/year", RS_P_NUM, 0, -0.5, 1, 0, NULL,
     "yearly escalation of electricity cost"},
    {"capex_per_port", "CNY/port", RS_P_NUM, 0, 0, 1e9, 0, NULL, "cost per port"},
    {"life_years", "years", RS_P_NUM, 0, 0, 100, 0, NULL,
     "0 = never renewed; else capex recurs every life_years*12 months (rounded)"},
    {"opex_per_port", "CNY/port/month", RS_P_NUM, 0, 0, 1e6, 0, NULL,
     "operating cost per port"},
    {"opex_rate", "fraction", RS_P_NUM, 0, 0, 1, 0, NULL, "operating cost as a share of gross"},
};

#define DAYS_PER_MONTH (365.0 / 12.0)

/* Renewal period in months, 0 when never renewed. */
static int renewal_months(const rs_entity *e)
{
    return (int)lround(e->v[CH_LIFE] * 12.0);
}

static int chargers_finish(rs_entity *e, char *why, size_t n)
{
    if (!(e->v[CH_PPS] > 0) && !(e->v[CH_PPK] > 0)) {
        snprintf(why, n, "price_per_session or price_per_kwh must be > 0");
        return CH_PPK;
    }
    if (e->v[CH_LIFE] > 0 && renewal_months(e) < 1) {
        snprintf(why, n, "life_years must be 0 or at least 1/12 (one month), got %g",
                 e->v[CH_LIFE]);
        return CH_LIFE;
    }
    return -1;
}

/* sessions(m) = ports * sessions_per_day(m) * days_per_month; gross and
 * energy are both proportional to sessions */
static void chargers_linear(const rs_entity *e, int years, rs_lin *lin)
{
    const double *v = e->v;
    rs_lin_init(lin, e, 0, (int)v[CH_RAMP], (int)v[CH_SHAPE]);
    const double per_day = v[CH_PORTS] * DAYS_PER_MONTH;
    const double s0 = per_day * v[CH_SESS_START], d = per_day * (v[CH_SESS_TARGET] - v[CH_SESS_START]);
    const double price = v[CH_PPS] + v[CH_KWH] * v[CH_PPK];
    const double energy = v[CH_KWH] * v[CH_ELEC];
    const double fixed = v[CH_PORTS] * v[CH_OPEX_PORT];
    const double keep = 1.0 - v[LV_SHARE_OUT] - v[CH_OPEX_RATE];
    const double gp1 = 1.0 + v[CH_PRICE_GROWTH], ge1 = 1.0 + v[CH_ELEC_GROWTH];
    double gp = 1.0, ge = 1.0;
    for (int y = 0; y < years; y++, gp *= gp1, ge *= ge1) {
        const double per_session_net = price * gp * keep - energy * ge;
        lin->cg[y] = s0 * price * gp;
        lin->rg[y] = d * price * gp;
        lin->cn[y] = s0 * per_session_net - fixed;
        lin->rn[y] = d * per_session_net;
    }
    lin->capex = v[CH_PORTS] * v[CH_CAPEX];
    lin->capex_period = renewal_months(e);
}

const rs_section rs_section_chargers = {
    "chargers", RS_SEC_LEVER, 1, chargers_params, CH_N,
    "e-bike and EV charging ports",
    chargers_finish, chargers_linear,
};
