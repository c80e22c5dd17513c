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

static void parking_linear(const rs_entity *e, int years, rs_lin *lin)
{
    const double *v = e->v;
    rs_lin_init(lin, e, 0, (int)v[PK_RAMP], (int)v[PK_SHAPE]);
    const double full = v[PK_SPACES] * v[PK_FEE];
    const double fixed = v[PK_SPACES] * v[PK_OPEX_SPACE];
    const double keep = 1.0 - v[LV_SHARE_OUT] - v[PK_OPEX_RATE];
    const double u0 = v[PK_UTIL_START], d = v[PK_UTIL_TARGET] - u0, g1 = 1.0 + v[PK_FEE_GROWTH];
    double g = 1.0;
    for (int y = 0; y < years; y++, g *= g1) {
        lin->cg[y] = full * g * u0;
        lin->rg[y] = full * g * d;
        lin->cn[y] = lin->cg[y] * keep - fixed;
        lin->rn[y] = lin->rg[y] * keep;
    }
    lin->capex = v[PK_SPACES] * v[PK_CAPEX];
}

const rs_section rs_section_parking = {
    "parking", RS_SEC_LEVER, 1, parking_params, PK_N,
    "car or e-bike parking spaces",
    NULL, parking_linear,
};
