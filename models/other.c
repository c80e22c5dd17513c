/* other.c: any other income: venue rental, advertising, neighbourhood centre
 * (docs/model.md other:NAME). */
#include "lever.h"

static const rs_param other_params[] = {
    RS_LEVER_COMMON_PARAMS,
    {"income", "CNY/month", RS_P_NUM, 0, 0, 1e12, RS_P_REQUIRED | RS_P_SCHED, NULL,
     "income at full ramp", "月收入", "growth"},
    {"growth", "1/year", RS_P_NUM, 0, -0.5, 1, 0, NULL, "yearly escalation", "年增长率", NULL},
    RS_RAMP_PARAMS(0),
    {"capex", "CNY", RS_P_NUM, 0, 0, 1e12, 0, NULL, "one-off investment", "投资", NULL},
    {"opex_fixed", "CNY/month", RS_P_NUM, 0, 0, 1e12, 0, NULL, "fixed operating cost",
     "固定运营成本", NULL},
    {"subsidy", "CNY", RS_P_NUM, 0, 0, 1e12, 0, NULL, "one-off subsidy (a lump sum)",
     "一次性补贴", NULL},
    {"optional", "0/1", RS_P_INT, 0, 0, 1, RS_P_FIXED, NULL,
     "revsim optimize: 1 makes the lever a yes/no choice", "可选项目", NULL},
};

static void other_derive(rs_entity *e) { rs_lever_derive_dep(e, 0); }

static void other_linear(const rs_entity *e, int years, rs_lin *lin)
{
    const double *v = e->v;
    rs_lin_init(lin, e, 0, (int)v[OT_RAMP], (int)v[OT_SHAPE]);
    const double keep = rs_lever_keep(e, 0.0);
    double iv[RS_MAX_YEARS], inf[RS_MAX_YEARS];
    rs_sched_fill(e, OT_INCOME, OT_GROWTH, years, iv, inf);
    const double fixed = -v[OT_OPEX_FIXED];
    double *restrict cg = lin->cg, *restrict rg = lin->rg, *restrict cn = lin->cn,
                     *restrict rn = lin->rn;
    for (int y = 0; y < years; y++) {
        cg[y] = 0.0;
        rg[y] = iv[y] * inf[y];
        cn[y] = fixed;
        rn[y] = rg[y] * keep;
    }
    rs_lin_tax(lin, e, years);
    rs_lin_no_kwh_subsidy(lin, years);
    lin->capex = v[OT_CAPEX];
    lin->subsidy = v[OT_SUBSIDY];
}

const rs_section rs_section_other = {
    "other", RS_SEC_LEVER, 1, other_params, OT_N,
    "any other income (venue rental, advertising, neighbourhood centre)", "其他收入",
    OT_RAMP, OT_SHAPE, -1, NULL, other_derive, other_linear,
};
