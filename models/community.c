/* community.c: property management of one community (docs/model.md
 * community:NAME). */
#include "community.h"
#include "lever.h"

static const rs_param community_params[] = {
    {"area_m2", "m2", RS_P_NUM, 0, 0, 1e9, RS_P_REQUIRED, NULL, "chargeable floor area",
     "收费面积", NULL},
    {"fee_rate", "CNY/m2/month", RS_P_NUM, 0, 0, 1000, RS_P_REQUIRED | RS_P_SCHED, NULL,
     "property-management fee", "物业费单价", "fee_growth"},
    {"fee_growth", "1/year", RS_P_NUM, 0, -0.5, 1, 0, NULL, "yearly fee escalation",
     "物业费年增长率", NULL},
    {"collection_start", "fraction", RS_P_NUM, 0, 0, 1, RS_P_REQUIRED, NULL,
     "share of fees collected today", "当前收缴率", NULL},
    {"collection_target", "fraction", RS_P_NUM, 0, 0, 1, RS_P_UNSET, NULL,
     "share collected at the end of the ramp (default: collection_start)", "目标收缴率", NULL},
    RS_RAMP_PARAMS(0),
    {"cost_annual", "CNY/year", RS_P_NUM, 0, 0, 1e12, RS_P_REQUIRED | RS_P_SCHED, NULL,
     "cost of the management service", "年度物业成本", "cost_growth"},
    {"cost_growth", "1/year", RS_P_NUM, 0, -0.5, 1, 0, NULL, "yearly cost escalation",
     "物业成本年增长率", NULL},
    {"households", "households", RS_P_INT, 0, 0, 1e7, RS_P_FIXED, NULL, "a label", "户数", NULL},
    {"ramp_start_month", "month", RS_P_INT, 1, 1, RS_MAX_MONTHS, 0, NULL,
     "month the collection ramp begins (collection_start before it)", "收缴率提升起始月份",
     NULL},
    {"space_m2", "m2", RS_P_NUM, 0, 0, 1e9, RS_P_FIXED | RS_P_UNSET, NULL,
     "revsim optimize: freed space the community's sized levers may take (unset: no limit)",
     "可用腾退面积", NULL},
};

static void community_derive(rs_entity *e)
{
    if (!e->set[CM_COLL_TARGET])
        e->v[CM_COLL_TARGET] = e->v[CM_COLL_START];
}

/* fee = area * fee_rate(y) * (c0 + (c1-c0) T(m - (q-1))); cost in cn */
static void community_linear(const rs_entity *e, int years, rs_lin *lin)
{
    const double *v = e->v;
    lin->s = lin->o = 1;
    lin->shift = (int)v[CM_RAMP_START] - 1;
    lin->R = (int)v[CM_RAMP];
    lin->shape = (int)v[CM_SHAPE];
    lin->completion = lin->shift + (lin->R > 1 ? lin->R : 1);
    lin->capex = lin->renew = lin->subsidy = 0.0;
    lin->build = lin->period = 0;
    lin->sub_month = lin->sub_end = 0;
    lin->dep_months = 0;
    lin->keep = 1.0;
    const double c0 = v[CM_COLL_START];
    const double d = v[CM_COLL_TARGET] - c0;
    double fv[RS_MAX_YEARS], ff[RS_MAX_YEARS], kv[RS_MAX_YEARS], kf[RS_MAX_YEARS];
    rs_sched_fill(e, CM_FEE_RATE, CM_FEE_GROWTH, years, fv, ff);
    rs_sched_fill(e, CM_COST, CM_COST_GROWTH, years, kv, kf);
    double raw = 0.0, monthly = 0.0;   /* the monthly cost: one division a step */
    for (int y = 0; y < years; y++) {
        if (y == 0 || kv[y] != raw)
            monthly = (raw = kv[y]) / 12.0;
        kv[y] = monthly;
    }
    double *restrict cg = lin->cg, *restrict rg = lin->rg, *restrict cn = lin->cn;
    for (int y = 0; y < years; y++) {
        const double full = v[CM_AREA] * fv[y] * ff[y];
        cg[y] = full * c0;
        rg[y] = full * d;
        cn[y] = kv[y] * kf[y];
        lin->rn[y] = lin->ct[y] = lin->rt[y] = lin->cs[y] = lin->rs[y] = 0.0;
    }
}

double rs_community_deficit_before(const rs_entity *e)
{
    const double *v = e->v;
    return 12.0 * (v[CM_COST] / 12.0 - v[CM_AREA] * v[CM_FEE_RATE] * v[CM_COLL_START]);
}

const rs_section rs_section_community = {
    "community", RS_SEC_COMMUNITY, 1, community_params, CM_N,
    "property management of one community (小区)", "小区物业",
    CM_RAMP, CM_SHAPE, -1, NULL, community_derive, community_linear,
};
