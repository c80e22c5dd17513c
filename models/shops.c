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

/* paying occupancy = o0 + (o1-o0) T(m - (s-1+f)): T is 0 while m - f < s */
static void shops_linear(const rs_entity *e, int years, rs_lin *lin)
{
    const double *v = e->v;
    rs_lin_init(lin, e, (int)v[SH_RENT_FREE], (int)v[SH_RAMP], (int)v[SH_SHAPE]);
    const double area = v[SH_COUNT] * v[SH_AREA];
    const double full = area * v[SH_RENT] * (1.0 + v[SH_UPLIFT]);
    const double keep = 1.0 - v[LV_SHARE_OUT] - v[SH_OPEX_RATE];
    const double o0 = v[SH_OCC_START], d = v[SH_OCC_TARGET] - o0;
    const double rent_g = 1.0 + v[SH_RENT_GROWTH], master_g = 1.0 + v[SH_MASTER_GROWTH];
    double gr = 1.0, gm = 1.0;
    for (int y = 0; y < years; y++, gr *= rent_g, gm *= master_g) {
        lin->cg[y] = full * gr * o0;
        lin->rg[y] = full * gr * d;
        lin->cn[y] = lin->cg[y] * keep - v[SH_OPEX_FIXED] - area * v[SH_MASTER] * gm;
        lin->rn[y] = lin->rg[y] * keep;
    }
    lin->capex = v[SH_COUNT] * v[SH_FITOUT];
}

const rs_section rs_section_shops = {
    "shops", RS_SEC_LEVER, 1, shops_params, SH_N,
    "idle shops leased under unified management (统租统管)",
    NULL, shops_linear,
};
