/* shops.c: idle shops leased under unified management (docs/model.md
 * shops:NAME). */
#include "lever.h"

static const rs_param shops_params[] = {
    RS_LEVER_COMMON_PARAMS,
    {"count", "shops", RS_P_INT, 0, 0, 1e6, RS_P_REQUIRED, NULL, "number of shops", "商铺数量",
     NULL},
    {"area_m2", "m2", RS_P_NUM, 0, 0, 1e6, RS_P_REQUIRED, NULL, "floor area per shop",
     "单铺面积", NULL},
    {"rent", "CNY/m2/month", RS_P_NUM, 0, 0, 1e5, RS_P_REQUIRED | RS_P_SCHED, NULL,
     "street rent before uplift", "租金", "rent_growth"},
    {"rent_uplift", "fraction", RS_P_NUM, 0, -1, 10, 0, NULL,
     "rent increase from unified management", "统管租金提升", NULL},
    {"rent_growth", "1/year", RS_P_NUM, 0, -0.5, 1, 0, NULL, "yearly rent escalation",
     "租金年增长率", NULL},
    {"occupancy_start", "fraction", RS_P_NUM, 0, 0, 1, 0, NULL,
     "occupancy when operation starts", "初始出租率", NULL},
    {"occupancy_target", "fraction", RS_P_NUM, 0, 0, 1, RS_P_REQUIRED, NULL,
     "occupancy at the end of the ramp", "目标出租率", NULL},
    RS_RAMP_PARAMS(12),
    {"rent_free_months", "months", RS_P_INT, 0, 0, RS_MAX_MONTHS, 0, NULL,
     "rent-free months f: paying occupancy lags occupancy by f months", "免租期（月）", NULL},
    {"master_rent", "CNY/m2/month", RS_P_NUM, 0, 0, 1e5, RS_P_SCHED, NULL,
     "rent paid to shop owners on every shop from operation start", "包租成本",
     "master_growth"},
    {"master_growth", "1/year", RS_P_NUM, 0, -0.5, 1, 0, NULL,
     "yearly escalation of master rent", "包租成本年增长率", NULL},
    {"fitout_capex", "CNY/shop", RS_P_NUM, 0, 0, 1e9, 0, NULL, "one-off fit-out per shop",
     "单铺装修投资", NULL},
    {"opex_rate", "fraction", RS_P_NUM, 0, 0, 1, 0, NULL, "operating cost as a share of gross",
     "运营成本率", NULL},
    {"opex_fixed", "CNY/month", RS_P_NUM, 0, 0, 1e9, 0, NULL, "fixed operating cost",
     "固定运营成本", NULL},
    {"subsidy_per_unit", "CNY/shop", RS_P_NUM, 0, 0, 1e9, 0, NULL,
     "one-off subsidy per shop", "单铺补贴", NULL},
};

static void shops_derive(rs_entity *e) { rs_lever_derive_dep(e, 0); }

/* paying occupancy = o0 + (o1-o0) T(m - (o-1+f)): T is 0 while m - f < o */
static void shops_linear(const rs_entity *e, int years, rs_lin *lin)
{
    const double *v = e->v;
    rs_lin_init(lin, e, (int)v[SH_RENT_FREE], (int)v[SH_RAMP], (int)v[SH_SHAPE]);
    const double area = v[SH_COUNT] * v[SH_AREA];
    const double keep = rs_lever_keep(e, v[SH_OPEX_RATE]);
    const double o0 = v[SH_OCC_START], d = v[SH_OCC_TARGET] - o0;
    const double up = 1.0 + v[SH_UPLIFT], fixed = v[SH_OPEX_FIXED];
    double rv[RS_MAX_YEARS], rf[RS_MAX_YEARS], mv[RS_MAX_YEARS], mf[RS_MAX_YEARS];
    rs_sched_fill(e, SH_RENT, SH_RENT_GROWTH, years, rv, rf);
    rs_sched_fill(e, SH_MASTER, SH_MASTER_GROWTH, years, mv, mf);
    double *restrict cg = lin->cg, *restrict rg = lin->rg, *restrict cn = lin->cn,
                     *restrict rn = lin->rn;
    for (int y = 0; y < years; y++) {
        const double full = area * rv[y] * up * rf[y];
        cg[y] = full * o0;
        rg[y] = full * d;
        cn[y] = cg[y] * keep - fixed - area * mv[y] * mf[y];
        rn[y] = rg[y] * keep;
    }
    rs_lin_tax(lin, e, years);
    rs_lin_no_kwh_subsidy(lin, years);
    lin->capex = v[SH_COUNT] * v[SH_FITOUT];
    lin->subsidy = v[SH_COUNT] * v[SH_SUB_UNIT];
}

const rs_section rs_section_shops = {
    "shops", RS_SEC_LEVER, 1, shops_params, SH_N,
    "idle shops leased under unified management (统租统管)", "闲置商铺统租统管",
    SH_RAMP, SH_SHAPE, SH_COUNT, NULL, shops_derive, shops_linear,
};
