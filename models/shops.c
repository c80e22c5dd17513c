/* shops.c: idle shops leased under unified management (MODEL.md shops:NAME). */
#include "lever.h"

static const rs_param shops_params[] = {
    RS_LEVER_COMMON_PARAMS,
    {"count", "shops", RS_P_INT, 0, 0, 1e6, RS_P_REQUIRED, NULL, "number of shops"},
    {"area_m2", "m2", RS_P_NUM, 0, 0, 1e6, RS_P_REQUIRED, NULL, "floor area per shop"},
    {"rent", "CNY/m2/month", RS_P_NUM, 0, 0, 1e5, RS_P_REQUIRED, NULL,
     "street rent before uplift"},
    {"rent_uplift", "fraction", RS_P_NUM, 0, -1, 10, 0, NULL,
     "rent increase from unified management"},
    {"rent_growth", "1/year", RS_P_NUM, 0, -0.5, 1, 0, NULL, "yearly rent escalation"},
    {"occupancy_start", "fraction", RS_P_NUM, 0, 0, 1, 0, NULL, "occupancy when the lever starts"},
    {"occupancy_target", "fraction", RS_P_NUM, 0, 0, 1, RS_P_REQUIRED, NULL,
     "occupancy at the end of the ramp"},
    RS_RAMP_PARAMS(12),
    {"rent_free_months", "months", RS_P_INT, 0, 0, RS_MAX_MONTHS, 0, NULL,
     "rent-free months f: paying occupancy lags occupancy by f months"},
    {"master_rent", "CNY/m2/month", RS_P_NUM, 0, 0, 1e5, 0, NULL,
     "rent paid to shop owners on every shop from the start month"},
    {"master_growth", "1/year", RS_P_NUM, 0, -0.5, 1, 0, NULL, "yearly escalation of master rent"},
    {"fitout_capex", "CNY/shop", RS_P_NUM, 0, 0, 1e9, 0, NULL, "one-off fit-out per shop"},
    {"opex_rate", "fraction", RS_P_NUM, 0, 0, 1, 0, NULL, "operating cost as a share of gross"},
    {"opex_fixed", "CNY/month", RS_P_NUM, 0, 0, 1e9, 0, NULL, "fixed operating cost"},
};

static void shops_eval(const rs_entity *e, int months, double *gross, double *net,
                       double *capex)
{
    const double *v = e->v;
    const int s = (int)v[LV_START], R = (int)v[SH_RAMP], shape = (int)v[SH_SHAPE];
    const int f = (int)v[SH_RENT_FREE];
    const double area = v[SH_COUNT] * v[SH_AREA];
    const double full_rent = area * v[SH_RENT] * (1.0 + v[SH_UPLIFT]);
    const double master = area * v[SH_MASTER];
    const double keep = 1.0 - v[LV_SHARE_OUT];
    const double o0 = v[SH_OCC_START], o1 = v[SH_OCC_TARGET];
    double g_rent = 1.0, g_master = 1.0;
    int year = 0;

    for (int m = 1; m <= months; m++) {
        capex[m - 1] = 0.0;
        if (m < s) {
            gross[m - 1] = net[m - 1] = 0.0;
            continue;
        }
        if (rs_year(m) != year) {
            year = rs_year(m);
            g_rent = rs_growth(v[SH_RENT_GROWTH], year);
            g_master = rs_growth(v[SH_MASTER_GROWTH], year);
        }
        double occ = m - f >= s ? rs_ramp_value(o0, o1, m - f, s, R, shape) : o0;
        double gr = full_rent * occ * g_rent;
        double opex = v[SH_OPEX_RATE] * gr + v[SH_OPEX_FIXED];
        gross[m - 1] = gr;
        net[m - 1] = gr * keep - opex - master * g_master;
    }
    if (s <= months)
        capex[s - 1] = v[SH_COUNT] * v[SH_FITOUT];
}

static int shops_completion(const rs_entity *e)
{
    return rs_lever_completion(e, SH_RAMP, (int)e->v[SH_RENT_FREE]);
}

const rs_section rs_section_shops = {
    "shops", RS_SEC_LEVER, 1, shops_params, SH_N,
    "idle shops leased under unified management (统租统管)",
    NULL, shops_eval, shops_completion,
};
