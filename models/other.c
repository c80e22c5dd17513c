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

static void other_eval(const rs_entity *e, int months, double *gross, double *net,
                       double *capex)
{
    const double *v = e->v;
    const int s = (int)v[LV_START], R = (int)v[OT_RAMP], shape = (int)v[OT_SHAPE];
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
            g = rs_growth(v[OT_GROWTH], year);
        }
        double gr = v[OT_INCOME] * rs_ramp_shape(rs_ramp_progress(m, s, R), shape) * g;
        gross[m - 1] = gr;
        net[m - 1] = gr * keep - v[OT_OPEX_FIXED];
    }
    if (s <= months)
        capex[s - 1] = v[OT_CAPEX];
}

static int other_completion(const rs_entity *e)
{
    return rs_lever_completion(e, OT_RAMP, 0);
}

const rs_section rs_section_other = {
    "other", RS_SEC_LEVER, 1, other_params, OT_N,
    "any other income (venue rental, advertising, neighbourhood centre)",
    NULL, other_eval, other_completion,
};
