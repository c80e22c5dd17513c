/* community.c: property management of one community (MODEL.md community:NAME). */
#include "community.h"
#include "lever.h"

static const rs_param community_params[] = {
    {"area_m2", "m2", RS_P_NUM, 0, 0, 1e9, RS_P_REQUIRED, NULL, "chargeable floor area"},
    {"fee_rate", "CNY/m2/month", RS_P_NUM, 0, 0, 1000, RS_P_REQUIRED, NULL,
     "property-management fee"},
    {"fee_growth", "1/year", RS_P_NUM, 0, -0.5, 1, 0, NULL, "yearly fee escalation"},
    {"collection_start", "fraction", RS_P_NUM, 0, 0, 1, RS_P_REQUIRED, NULL,
     "share of fees collected today"},
    {"collection_target", "fraction", RS_P_NUM, 0, 0, 1, 0, NULL,
     "share collected at the end of the ramp (default: collection_start)"},
    RS_RAMP_PARAMS(0),
    {"cost_annual", "CNY/year", RS_P_NUM, 0, 0, 1e12, RS_P_REQUIRED, NULL,
     "cost of the management service"},
    {"cost_growth", "1/year", RS_P_NUM, 0, -0.5, 1, 0, NULL, "yearly cost escalation"},
    {"households", "households", RS_P_INT, 0, 0, 1e7, RS_P_FIXED, NULL, "a label"},
};

static int community_finish(rs_entity *e, char *why, size_t n)
{
    (void)why;
    (void)n;
    if (!e->set[CM_COLL_TARGET])
        e->v[CM_COLL_TARGET] = e->v[CM_COLL_START];
    return -1;
}

/* fee = area * fee_rate * growth * (c0 + (c1-c0) T(m)); cost in cn */
static void community_linear(const rs_entity *e, int years, rs_lin *lin)
{
    const double *v = e->v;
    lin->s = 1;
    lin->shift = 0;
    lin->R = (int)v[CM_RAMP];
    lin->shape = (int)v[CM_SHAPE];
    lin->capex = 0.0;
    lin->capex_period = 0;
    const double full = v[CM_AREA] * v[CM_FEE_RATE], c0 = v[CM_COLL_START];
    const double d = v[CM_COLL_TARGET] - c0;
    const double gf1 = 1.0 + v[CM_FEE_GROWTH], gc1 = 1.0 + v[CM_COST_GROWTH];
    double gf = 1.0, gc = 1.0;
    for (int y = 0; y < years; y++, gf *= gf1, gc *= gc1) {
        lin->cg[y] = full * gf * c0;
        lin->rg[y] = full * gf * d;
        lin->cn[y] = v[CM_COST] / 12.0 * gc;
        lin->rn[y] = 0.0;
    }
}

double rs_community_deficit_before(const rs_entity *e)
{
    const double *v = e->v;
    return 12.0 * (v[CM_COST] / 12.0 - v[CM_AREA] * v[CM_FEE_RATE] * v[CM_COLL_START]);
}

const rs_section rs_section_community = {
    "community", RS_SEC_COMMUNITY, 1, community_params, CM_N,
    "property management of one community (小区)",
    community_finish, community_linear,
};
