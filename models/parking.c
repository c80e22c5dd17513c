/* parking.c: car or e-bike parking spaces (docs/model.md parking:NAME). */
#include "lever.h"

static const rs_param parking_params[] = {
    RS_LEVER_COMMON_PARAMS,
    {"kind", "", RS_P_ENUM, 0, 0, 0, RS_P_FIXED, "car|ebike", "car or ebike (a label)", "类型",
     NULL},
    {"spaces", "spaces", RS_P_INT, 0, 0, 1e7, RS_P_REQUIRED, NULL, "number of spaces", "车位数",
     NULL},
    {"fee", "CNY/space/month", RS_P_NUM, 0, 0, 1e6, RS_P_REQUIRED | RS_P_SCHED, NULL,
     "fee per used space", "车位月费", "fee_growth"},
    {"fee_growth", "1/year", RS_P_NUM, 0, -0.5, 1, 0, NULL, "yearly fee escalation",
     "车位费年增长率", NULL},
    {"utilization_start", "fraction", RS_P_NUM, 0, 0, 1, 0, NULL,
     "utilisation when operation starts", "初始使用率", NULL},
    {"utilization_target", "fraction", RS_P_NUM, 1, 0, 1, 0, NULL,
     "utilisation at the end of the ramp", "目标使用率", NULL},
    RS_RAMP_PARAMS(0),
    {"capex_per_space", "CNY/space", RS_P_NUM, 0, 0, 1e9, 0, NULL, "one-off cost per space",
     "单位车位投资", NULL},
    {"opex_per_space", "CNY/space/month", RS_P_NUM, 0, 0, 1e6, 0, NULL,
     "operating cost per space", "单位车位运营成本", NULL},
    {"opex_rate", "fraction", RS_P_NUM, 0, 0, 1, 0, NULL, "operating cost as a share of gross",
     "运营成本率", NULL},
    {"subsidy_per_unit", "CNY/space", RS_P_NUM, 0, 0, 1e9, 0, NULL,
     "one-off subsidy per space", "单位车位补贴", NULL},
};

static void parking_derive(rs_entity *e) { rs_lever_derive_dep(e, 0); }

static void parking_linear(const rs_entity *e, int years, rs_lin *lin)
{
    const double *v = e->v;
    rs_lin_init(lin, e, 0, (int)v[PK_RAMP], (int)v[PK_SHAPE]);
    const double fixed = v[PK_SPACES] * v[PK_OPEX_SPACE];
    const double keep = rs_lever_keep(e, v[PK_OPEX_RATE]);
    const double u0 = v[PK_UTIL_START], d = v[PK_UTIL_TARGET] - u0;
    double fv[RS_MAX_YEARS], ff[RS_MAX_YEARS];
    rs_sched_fill(e, PK_FEE, PK_FEE_GROWTH, years, fv, ff);
    double *restrict cg = lin->cg, *restrict rg = lin->rg, *restrict cn = lin->cn,
                     *restrict rn = lin->rn;
    for (int y = 0; y < years; y++) {
        const double full = v[PK_SPACES] * fv[y] * ff[y];
        cg[y] = full * u0;
        rg[y] = full * d;
        cn[y] = cg[y] * keep - fixed;
        rn[y] = rg[y] * keep;
    }
    rs_lin_tax(lin, e, years);
    rs_lin_no_kwh_subsidy(lin, years);
    lin->capex = v[PK_SPACES] * v[PK_CAPEX];
    lin->subsidy = v[PK_SPACES] * v[PK_SUB_UNIT];
}

const rs_section rs_section_parking = {
    "parking", RS_SEC_LEVER, 1, parking_params, PK_N,
    "car or e-bike parking spaces", "机动车及电动自行车停车位",
    PK_RAMP, PK_SHAPE, PK_SPACES, NULL, parking_derive, parking_linear,
};
