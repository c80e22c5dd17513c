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

static void chargers_eval(const rs_entity *e, int months, double *gross, double *net,
                          double *capex)
{
    const double *v = e->v;
    const int s = (int)v[LV_START], R = (int)v[CH_RAMP], shape = (int)v[CH_SHAPE];
    const int P = renewal_months(e);
    const double ports = v[CH_PORTS];
    const double price = v[CH_PPS] + v[CH_KWH] * v[CH_PPK];
    const double energy_per = v[CH_KWH] * v[CH_ELEC];
    const double fixed = ports * v[CH_OPEX_PORT];
    const double keep = 1.0 - v[LV_SHARE_OUT];
    double gp = 1.0, ge = 1.0;
    int year = 0;

    for (int m = 1; m <= months; m++) {
        capex[m - 1] = 0.0;
        if (m < s) {
            gross[m - 1] = net[m - 1] = 0.0;
            continue;
        }
        if (rs_year(m) != year) {
            year = rs_year(m);
            gp = rs_growth(v[CH_PRICE_GROWTH], year);
            ge = rs_growth(v[CH_ELEC_GROWTH], year);
        }
        double spd = rs_ramp_value(v[CH_SESS_START], v[CH_SESS_TARGET], m, s, R, shape);
        double sessions = ports * spd * DAYS_PER_MONTH;
        double gr = sessions * price * gp;
        double energy = sessions * energy_per * ge;
        gross[m - 1] = gr;
        net[m - 1] = gr * keep - (v[CH_OPEX_RATE] * gr + fixed) - energy;
        if (m == s || (P > 0 && (m - s) % P == 0))
            capex[m - 1] = ports * v[CH_CAPEX];
    }
}

static int chargers_completion(const rs_entity *e)
{
    return rs_lever_completion(e, CH_RAMP, 0);
}

const rs_section rs_section_chargers = {
    "chargers", RS_SEC_LEVER, 1, chargers_params, CH_N,
    "e-bike and EV charging ports",
    chargers_finish, chargers_eval, chargers_completion,
};
