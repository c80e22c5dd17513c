/* parking.c: car or e-bike parking spaces (MODEL.md parking:NAME). */
#include "lever.h"

static const rs_param parking_params[] = {
    RS_LEVER_COMMON_PARAMS,
    {"kind", "", RS_P_ENUM, 0, 0, 0, RS_P_FIXED, "car|ebike", "car or ebike (a label)"},
    {"spaces", "spaces", RS_P_INT, 0, 0, 1e7, RS_P_REQUIRED, NULL, "number of spaces"},
    {"fee", "CNY/space/month", RS_P_NUM, 0, 0, 1e6, RS_P_REQUIRED, NULL,
     "fee per used space"},
    {"fee_growth", "1/year", RS_P_NUM, 0, -0.5, 1, 0, NULL, "yearly fee escalation"},
    {"utilization_start", "fraction", RS_P_NUM, 0, 0, 1, 0, NULL, "utilisation at the start"},
    {"utilization_target", "fraction", RS_P_NUM, 1, 0, 1, 0, NULL,
     "utilisation at the end of the ramp"},
    RS_RAMP_PARAMS(0),
    {"capex_per_space", "CNY/space", RS_P_NUM, 0, 0, 1e9, 0, NULL, "one-off cost per space"},
    {"opex_per_space", "CNY/space/month", RS_P_NUM, 0, 0, 1e6, 0, NULL,
     "operating cost per space"},
    {"opex_rate", "fraction", RS_P_NUM, 0, 0, 1, 0, NULL, "operating cost as a share of gross"},
};

static void parking_eval(const rs_entity *e, int months, double *gross, double *net,
                         double *capex)
{
    const double *v = e->v;
    const int s = (int)v[LV_START], R = (int)v[PK_RAMP], shape = (int)v[PK_SHAPE];
    const double full = v[PK_SPACES] * v[PK_FEE];
    const double fixed = v[PK_SPACES] * v[PK_OPEX_SPACE];
    const double keep = 1.0 - v[LV_SHARE_OUT];
    double g = 1.0;
    int year = 0;

    for (int m = 1; m <= months; m++) {
        capex[m - 1] = 0.0;
        if (m < s) {
            gross[m - 1] = net[m - 1] = 0.0;
            continue;
        }
        if (rs_year(m) != year) {
            year = rs_year(m);
            g = rs_growth(v[PK_FEE_GROWTH], year);
        }
        double u = rs_ramp_value(v[PK_UTIL_START], v[PK_UTIL_TARGET], m, s, R, shape);
        double gr = full * u * g;
        gross[m - 1] = gr;
        net[m - 1] = gr * keep - (v[PK_OPEX_RATE] * gr + fixed);
    }
    if (s <= months)
        capex[s - 1] = v[PK_SPACES] * v[PK_CAPEX];
}

static int parking_completion(const rs_entity *e)
{
    return rs_lever_completion(e, PK_RAMP, 0);
}

const rs_section rs_section_parking = {
    "parking", RS_SEC_LEVER, 1, parking_params, PK_N,
    "car or e-bike parking spaces",
    NULL, parking_eval, parking_completion,
};
