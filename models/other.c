/* other.c: any other income: venue rental, advertising, neighbourhood centre
 * (MODEL.md other:NAME). */
#include "lever.h"

static const rs_param other_params[] = {
    RS_LEVER_COMMON_PARAMS,
    {"income", "CNY/month", RS_P_NUM, 0, 0, 1e12, RS_P_REQUIRED, NULL,
     "income at full ramp"},
    {"growth", "1/year", RS_P_NUM, 0, -0.5, 1, 0, NULL, "yearly escalation"},
    RS_RAMP_PARAMS(0),
    {"capex", "CNY", RS_P_NUM, 0, 0, 1e12, 0, NULL, "one-off investment in the start month"},
    {"opex_fixed", "CNY/month", RS_P_NUM, 0, 0, 1e12, 0, NULL, "fixed operating cost"},
};

static void other_linear(const rs_entity *e, int years, rs_lin *lin)
{
    const double *v = e->v;
    rs_lin_init(lin, e, 0, (int)v[OT_RAMP], (int)v[OT_SHAPE]);
    const double keep = 1.0 - v[LV_SHARE_OUT], g1 = 1.0 + v[OT_GROWTH];
    double g = 1.0;
    for (int y = 0; y < years; y++, g *= g1) {
        lin->cg[y] = 0.0;
        lin->rg[y] = v[OT_INCOME] * g;
        lin->cn[y] = -v[OT_OPEX_FIXED];
        lin->rn[y] = lin->rg[y] * keep;
    }
    lin->capex = v[OT_CAPEX];
}

const rs_section rs_section_other = {
    "other", RS_SEC_LEVER, 1, other_params, OT_N,
    "any other income (venue rental, advertising, neighbourhood centre)",
    NULL, other_linear,
};
