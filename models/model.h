/* model.h: the revsim portfolio model of ../shared/MODEL.md as pure data and
 * functions: section tables, the scenario a reader fills, the results the
 * model writes, and the headline metrics. No I/O, no printing, no exit. */
#ifndef RS_MODEL_H
#define RS_MODEL_H

#include "params.h"

#define RS_NAME_MAX 64      /* bytes of a section name after the colon, incl. NUL */
#define RS_MAX_PARAMS 32    /* rows of the longest parameter table */
#define RS_MAX_MONTHS 1200  /* 100 years */

typedef enum {
    RS_SEC_SCENARIO, RS_SEC_COMMUNITY, RS_SEC_LEVER, RS_SEC_FUND, RS_SEC_GRANT
} rs_seckind;

/* Parameter indices. Every lever table starts with the common rows. */
enum { SC_NAME, SC_START, SC_HORIZON, SC_DISCOUNT, SC_CURRENCY, SC_RUNS, SC_SEED,
       SC_BASE, SC_N };
enum { CM_AREA, CM_FEE_RATE, CM_FEE_GROWTH, CM_COLL_START, CM_COLL_TARGET,
       CM_RAMP, CM_SHAPE, CM_COST, CM_COST_GROWTH, CM_HOUSEHOLDS, CM_N };
enum { LV_COMMUNITY, LV_START, LV_SHARE_OUT, LV_ENABLED, LV_NCOMMON };
enum { SH_COUNT = LV_NCOMMON, SH_AREA, SH_RENT, SH_UPLIFT, SH_RENT_GROWTH,
       SH_OCC_START, SH_OCC_TARGET, SH_RAMP, SH_SHAPE, SH_RENT_FREE, SH_MASTER,
       SH_MASTER_GROWTH, SH_FITOUT, SH_OPEX_RATE, SH_OPEX_FIXED, SH_N };
enum { PK_KIND = LV_NCOMMON, PK_SPACES, PK_FEE, PK_FEE_GROWTH, PK_UTIL_START,
       PK_UTIL_TARGET, PK_RAMP, PK_SHAPE, PK_CAPEX, PK_OPEX_SPACE, PK_OPEX_RATE,
       PK_N };
enum { CH_KIND = LV_NCOMMON, CH_PORTS, CH_SESS_START, CH_SESS_TARGET, CH_RAMP,
       CH_SHAPE, CH_KWH, CH_PPS, CH_PPK, CH_PRICE_GROWTH, CH_ELEC, CH_ELEC_GROWTH,
       CH_CAPEX, CH_LIFE, CH_OPEX_PORT, CH_OPEX_RATE, CH_N };
enum { OT_INCOME = LV_NCOMMON, OT_GROWTH, OT_RAMP, OT_SHAPE, OT_CAPEX,
       OT_OPEX_FIXED, OT_N };
enum { FD_INITIAL, FD_N };
enum { GR_AMOUNT, GR_MONTH, GR_N };

/* Ramp shapes, in the order of the "linear|logistic" choice strings. */
enum { RS_SHAPE_LINEAR, RS_SHAPE_LOGISTIC };

struct rs_section;

/* One section of a scenario (`shops:east`, `fund`, ...). Values of every
 * parameter are in v[], by the section table's index; text and references
 * are in text[] (owned by the entity, freed by rs_scenario_release). */
typedef struct {
    const struct rs_section *sec;
    char name[RS_NAME_MAX];
    double v[RS_MAX_PARAMS];
    char *text[RS_MAX_PARAMS];
    unsigned char set[RS_MAX_PARAMS]; /* 1 when the scenario gave the key */
    int community;                    /* levers: index into rs_scenario.com */
    const char *file;                 /* where the section first appears */
    int line;
} rs_entity;

/* The linear form of a lever or community: every model of MODEL.md is, for
 * months m >= s of year y,
 *     gross(m) = cg[y] + rg[y] * T(m - shift)
 *     net(m)   = cn[y] + rn[y] * T(m - shift)
 * where T(k) = L(min(1, k/R)) for k >= 1 (1 when R = 0) and 0 for k <= 0 is
 * the ramp table of (R, shape), and everything is 0 before s. Capex `capex`
 * falls in month s and, when capex_period > 0, every capex_period months
 * after. For a community, gross is the fee income and cn the monthly cost
 * (rn = 0). The coefficient arrays (one double per year) are the caller's. */
typedef struct {
    int s, shift, R, shape;
    double capex;
    int capex_period;
    double *cg, *rg, *cn, *rn;
} rs_lin;

/* A section type: one table row in rs_sections[]. */
typedef struct rs_section {
    const char *name;
    rs_seckind kind;
    int named;                 /* 1: written `name:NAME` */
    const rs_param *params;
    int nparams;
    const char *doc;
    /* Fill derived defaults and check across keys; on error return the
     * offending parameter index and write why; else -1. May be NULL. */
    int (*finish)(rs_entity *e, char *why, size_t n);
    /* Levers and communities: the linear form over `years` years. */
    void (*linear)(const rs_entity *e, int years, rs_lin *lin);
} rs_section;

extern const rs_section *const rs_sections[];
extern const int rs_nsections;

/* Section type called `name` (the part before ':'), or NULL. */
const rs_section *rs_section_find(const char *name);

/* Set every parameter of e to its table default (text to NULL). */
void rs_entity_init(rs_entity *e, const rs_section *sec);

/* Monte Carlo distribution of a ranged parameter. */
typedef enum { RS_DIST_TRIANGULAR, RS_DIST_UNIFORM, RS_DIST_PERT,
               RS_DIST_NORMAL, RS_DIST_LOGNORMAL } rs_dist;
#define RS_DIST_CHOICES "triangular|uniform|pert|normal|lognormal"

/* A parameter with low/high: entity pointer and parameter index. */
typedef struct {
    rs_entity *e;
    int param;
    double low, value, high;
    rs_dist dist;
} rs_range;

/* A declared correlation between two ranged parameters (indices into
 * rs_scenario.ranges), applied through a Gaussian copula. */
typedef struct {
    int a, b;
    double rho;
} rs_corr;

/* A validated scenario, ready to run. Owned by the caller:
 * rs_scenario_init before filling, rs_scenario_release after. */
typedef struct {
    rs_entity scen, fund;
    rs_entity *com;   int ncom;
    rs_entity *lev;   int nlev;   /* enabled levers only */
    rs_entity *grant; int ngrant;
    rs_range *ranges; int nranges;
    rs_corr *corr;    int ncorr;
} rs_scenario;

void rs_scenario_init(rs_scenario *s);
void rs_scenario_release(rs_scenario *s);
static inline int rs_scenario_months(const rs_scenario *s)
{
    return 12 * (int)s->scen.v[SC_HORIZON];
}

/* Headline metrics (summary.csv rows). NaN means "empty". */
enum {
    MT_REVENUE_YEAR1, MT_REVENUE_STAB, MT_NET_STAB, MT_DEFICIT_BEFORE,
    MT_DEFICIT_YEAR1, MT_COVERAGE_YEAR1, MT_COVERAGE_STAB, MT_COVERAGE_LAST,
    MT_FIRST_COVERED, MT_YEARS_COVERED, MT_STAB_YEAR, MT_CAPEX_TOTAL, MT_NPV, MT_IRR, MT_PAYBACK, MT_DPAYBACK,
    MT_FUND_MIN, MT_FUND_MIN_MONTH, MT_FUND_END, MT_P_COVERED_STAB,
    MT_P_FUND_NONNEG, MT_N
};

typedef struct {
    const char *name;
    const char *unit;     /* "CNY" means the scenario's currency */
    const char *label_en;
    const char *label_zh;
} rs_metric_def;

extern const rs_metric_def rs_metrics[MT_N];

/* Index of metric `name`, or -1. */
int rs_metric_find(const char *name);

/* Results of one run. Monthly series are arrays of `months` (index m-1 holds
 * month m); per-lever and per-community series are [k*months + m-1]; yearly
 * series are [years]. Allocated once by rs_results_alloc for a scenario
 * shape and reused for any number of runs; rs_model_run allocates nothing. */
typedef struct {
    int months, years, nlev, ncom;
    /* monthly portfolio series */
    double *revenue, *net, *capex, *fee, *cost, *gap, *cf, *surplus, *fund,
           *grants, *dcf;
    /* monthly per lever, per community */
    double *lev_gross, *lev_net, *lev_capex;
    double *com_revenue, *com_net, *com_fee, *com_cost;
    /* yearly portfolio series; coverage NaN when deficit <= 0 */
    double *y_revenue, *y_net, *y_capex, *y_fee, *y_cost, *y_deficit,
           *y_coverage, *y_surplus, *y_fund_end;
    double *y_lev_revenue;                 /* [lever*years + y-1] */
    double *y_com_revenue, *y_com_net, *y_com_fee, *y_com_cost; /* [c*years+y-1] */
    double metric[MT_N];
    double *scratch_;                      /* 4*years + 2*months + 1 */
    double *block_;                        /* the one allocation */
} rs_results;

/* Allocate results for a scenario's shape; NULL when out of memory. */
rs_results *rs_results_alloc(const rs_scenario *s);
void rs_results_free(rs_results *r);

/* Results for `months` with per-lever arrays for L levers and per-community
 * arrays for C communities (0 and 0: portfolio totals only). */
rs_results *rs_results_alloc_shape(int months, int L, int C);

/* Run the base case of s into r (allocated for s). Pure; allocates nothing. */
void rs_model_run(const rs_scenario *s, rs_results *r);

/* Given r's monthly revenue, net, capex, fee and cost, fill grants, gap, cf,
 * surplus, fund, dcf, the yearly series (per community when r->ncom > 0)
 * and the metrics; `last` is the latest completion month. */
void rs_results_finish(const rs_scenario *s, rs_results *r, int last);

/* Columns of annual.csv and monthly.csv (one table for CSV headers, units
 * and chart labels). Monthly values are in the rs_results field at
 * `monthly`, yearly ones at `yearly` (byte offsets of double* fields);
 * coverage (offset 0) is derived from net and deficit. */
typedef struct {
    const char *name, *unit, *label_en, *label_zh;
    size_t monthly, yearly;
} rs_series_def;

enum { SR_REVENUE, SR_NET, SR_CAPEX, SR_FEE, SR_COST, SR_DEFICIT, SR_COVERAGE,
       SR_SURPLUS, SR_FUND_END, SR_N };
extern const rs_series_def rs_series[SR_N];

/* Value of series k in month m (1-based) or year y of r. */
double rs_series_month(const rs_results *r, int k, int m);
double rs_series_year(const rs_results *r, int k, int y);

/* Coverage of a year: net / deficit, NaN when deficit <= 0. */
double rs_coverage(double net, double deficit);

/* 1 when a year with this net income and deficit counts as covered
 * (coverage >= 1, or no deficit to cover); docs/model-notes.md. */
int rs_is_covered(double net, double deficit);

#endif
