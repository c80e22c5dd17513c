/* lever.h: what every lever model shares: the common parameter rows that
 * open each lever table, the schedule iterator (KEY@Y steps with growth),
 * and the parts of the linear form every lever fills the same way. Private
 * to models/. */
#ifndef RS_LEVER_H
#define RS_LEVER_H

#include <math.h>
#include "model.h"
#include "ramp.h"
#include "linear.h"

#define RS_SHAPE_CHOICES "linear|logistic"

/* The first LV_NCOMMON rows of every lever table (indices LV_*). */
#define RS_LEVER_COMMON_PARAMS                                                         \
    {"community", "", RS_P_REF, 0, 0, 0, RS_P_FIXED, NULL,                             \
     "community the lever belongs to; may be omitted when there is one", "所属小区",  \
     NULL},                                                                            \
    {"start_month", "month", RS_P_INT, 1, 1, RS_MAX_MONTHS, 0, NULL,                   \
     "month s the lever starts (building begins, capex falls)", "启动月份", NULL},      \
    {"share_out", "fraction", RS_P_NUM, 0, 0, 1, 0, NULL,                              \
     "fraction of gross paid to an outside party (owners, operator)", "外部分成比例",   \
     NULL},                                                                            \
    {"enabled", "0/1", RS_P_INT, 1, 0, 1, RS_P_FIXED, NULL,                            \
     "0 leaves the lever out of every result (variants, templates)", "是否启用", NULL}, \
    {"build_months", "months", RS_P_INT, 0, 0, RS_MAX_MONTHS, 0, NULL,                 \
     "months of building b: operation starts in o = s + b, capex spread over s..o-1",  \
     "建设期（月）", NULL},                                                             \
    {"tax_rate", "fraction", RS_P_NUM, 0, 0, 1, 0, NULL,                               \
     "turnover taxes (VAT, surcharges, property tax) on the programme's share of gross", \
     "流转税率", NULL},                                                                 \
    {"subsidy_lag_months", "months", RS_P_INT, 0, 0, RS_MAX_MONTHS, 0, NULL,           \
     "the one-off subsidy is paid this many months after operation starts",            \
     "补贴到账滞后（月）", NULL},                                                       \
    {"depreciation_years", "years", RS_P_NUM, 10, 1.0 / 12, 100, RS_P_UNSET, NULL,     \
     "years capex is depreciated over for income tax (default: life_years of a "       \
     "renewed charger, else 10)", "折旧年限", NULL},                                     \
    {"size_min", "units", RS_P_INT, 0, 0, 1e7, RS_P_FIXED, NULL,                       \
     "revsim optimize: the smallest size it may choose", "最小规模", NULL},             \
    {"size_max", "units", RS_P_INT, 0, 1, 1e7, RS_P_FIXED | RS_P_UNSET, NULL,          \
     "revsim optimize: sizes the lever (shops, spaces or ports) up to this; "          \
     "unset: the size is fixed", "最大规模", NULL},                                      \
    {"space_per_unit", "m2", RS_P_NUM, 0, 0, 1e6, 0, NULL,                             \
     "revsim optimize: freed space one unit takes", "单位占地面积", NULL}

/* A ramp-shape row with the given default ramp length. */
#define RS_RAMP_PARAMS(def_months)                                                    \
    {"ramp_months", "months", RS_P_INT, def_months, 0, RS_MAX_MONTHS, 0, NULL,        \
     "months from start to target", "爬坡期（月）", NULL},                            \
    {"ramp_shape", "", RS_P_ENUM, RS_SHAPE_LOGISTIC, 0, 0, RS_P_FIXED,                \
     RS_SHAPE_CHOICES, "linear or logistic (k = 10)", "爬坡曲线", NULL}

/* A scheduled value year by year: value(y) = v * f with v the step in force
 * (the plain value in year 1, else the latest KEY@Y row with Y <= y) and f =
 * (1+g)^(y - Y) its growth since that step, kept as a running product so a
 * key without steps gives exactly (1+g)^(y-1) as repeated products.
 * rs_sched_begin, then rs_sched_next once per year from year 1. */
typedef struct {
    const rs_step *step;   /* this key's steps, by year */
    int nstep, next;
    double g1, v, f;
    int started;
} rs_sched;

static inline void rs_sched_begin(rs_sched *it, const rs_entity *e, int param, int growth)
{
    it->step = NULL;
    it->nstep = it->next = 0;
    for (int i = 0; i < e->nsteps; i++)
        if (e->steps[i].param == param) {
            if (!it->step)
                it->step = &e->steps[i];
            it->nstep++;
        }
    it->g1 = 1.0 + (growth >= 0 ? e->v[growth] : 0.0);
    it->v = e->v[param];
    it->f = 1.0;
    it->started = 0;
}

/* Advance to year y (1, 2, ... in turn). */
static inline void rs_sched_next(rs_sched *it, int y)
{
    if (it->started)
        it->f *= it->g1;
    it->started = 1;
    while (it->next < it->nstep && it->step[it->next].year <= y) {
        it->v = it->step[it->next].value;
        it->f = 1.0;
        it->next++;
    }
}

/* The values and growth factors of years 1..years, as rs_sched_next gives
 * them in turn: val[y - 1] and fac[y - 1] (arrays of `years`). Filled
 * first, so that a linear form's loop over years is one of plain
 * arithmetic the compiler vectorises. */
static inline void rs_sched_fill(const rs_entity *e, int param, int growth, int years,
                                 double *restrict val, double *restrict fac)
{
    rs_sched it;
    rs_sched_begin(&it, e, param, growth);
    double v = it.v, f = 1.0;
    for (int y = 0, next = 0; y < years; y++) {
        if (y > 0)
            f *= it.g1;
        for (; next < it.nstep && it.step[next].year <= y + 1; next++) {
            v = it.step[next].value;
            f = 1.0;
        }
        val[y] = v;
        fac[y] = f;
    }
}

#define RS_MAX_YEARS (RS_MAX_MONTHS / 12)

/* Fill the common part of a lever's linear form: s, o = s + b, the ramp,
 * the build months, the subsidy month, the depreciation and keep. The
 * caller adds capex, subsidies and the coefficients. */
static inline void rs_lin_init(rs_lin *lin, const rs_entity *e, int shift_extra, int R,
                               int shape)
{
    const double *v = e->v;
    lin->s = (int)v[LV_START];
    lin->build = (int)v[LV_BUILD];
    lin->o = lin->s + lin->build;
    lin->shift = lin->o - 1 + shift_extra;
    lin->R = R;
    lin->shape = shape;
    lin->completion = lin->shift + (R > 1 ? R : 1);
    lin->capex = lin->renew = lin->subsidy = 0.0;
    lin->period = 0;
    lin->sub_month = lin->o + (int)v[LV_SUB_LAG];
    lin->sub_end = 0;
    lin->dep_months = (double)lround(12.0 * v[LV_DEP_YEARS]);
    lin->keep = 1.0 - v[LV_SHARE_OUT];
}

/* The share of gross the programme keeps after share_out, opex_rate and
 * turnover tax: 1 - share_out - opex_rate - tax_rate (1 - share_out). */
static inline double rs_lever_keep(const rs_entity *e, double opex_rate)
{
    const double *v = e->v;
    return 1.0 - v[LV_SHARE_OUT] - opex_rate - v[LV_TAX] * (1.0 - v[LV_SHARE_OUT]);
}

/* Fill ct/rt from cg/rg: tax = tax_rate (1 - share_out) gross. */
static inline void rs_lin_tax(rs_lin *lin, const rs_entity *e, int years)
{
    const double k = e->v[LV_TAX] * (1.0 - e->v[LV_SHARE_OUT]);
    for (int y = 0; y < years; y++) {
        lin->ct[y] = k * lin->cg[y];
        lin->rt[y] = k * lin->rg[y];
    }
}

/* No per-kWh subsidy: cs = rs = 0. */
static inline void rs_lin_no_kwh_subsidy(rs_lin *lin, int years)
{
    for (int y = 0; y < years; y++)
        lin->cs[y] = lin->rs[y] = 0.0;
}

/* The derived default of depreciation_years: life_years of a renewed
 * charger (life > 0), else 10, unless the scenario gave it. */
static inline void rs_lever_derive_dep(rs_entity *e, double life)
{
    if (!e->set[LV_DEP_YEARS])
        e->v[LV_DEP_YEARS] = life > 0 ? life : 10.0;
}

extern const rs_section rs_section_shops, rs_section_parking,
    rs_section_chargers, rs_section_other, rs_section_community, rs_section_loan,
    rs_section_scenario, rs_section_fund, rs_section_grant, rs_section_optimize;

#endif
