/* model.h: the revsim portfolio model (docs/model.md) as pure data and
 * functions: the section and kind tables, the scenario a reader fills, the
 * results the model writes, and the metric and series tables every output
 * reads. No I/O, no printing, no exit. */
#ifndef RS_MODEL_H
#define RS_MODEL_H

#include <stdint.h>
#include "../base/error.h"
#include "params.h"

#define RS_NAME_MAX 64      /* bytes of a section name after the colon, incl. NUL */
#define RS_MAX_PARAMS 40    /* rows of the longest parameter table */
#define RS_MAX_MONTHS 1200  /* 100 years */

/* Kinds of section: where their entities live in rs_scenario (rs_kinds). */
typedef enum {
    RS_SEC_SCENARIO, RS_SEC_COMMUNITY, RS_SEC_LEVER, RS_SEC_FUND, RS_SEC_GRANT,
    RS_SEC_LOAN, RS_SEC_OPTIMIZE, RS_SEC_NKINDS
} rs_seckind;

/* Parameter indices. Every lever table starts with the common rows. */
enum { SC_NAME, SC_START, SC_HORIZON, SC_DISCOUNT, SC_CURRENCY, SC_RUNS, SC_SEED,
       SC_BASE, SC_INCLUDE, SC_STAB_YEAR, SC_INCOME_TAX, SC_AUTHOR, SC_ORG, SC_PURPOSE,
       SC_N };
enum { CM_AREA, CM_FEE_RATE, CM_FEE_GROWTH, CM_COLL_START, CM_COLL_TARGET,
       CM_RAMP, CM_SHAPE, CM_COST, CM_COST_GROWTH, CM_HOUSEHOLDS, CM_RAMP_START,
       CM_SPACE, CM_N };
enum { LV_COMMUNITY, LV_START, LV_SHARE_OUT, LV_ENABLED, LV_BUILD, LV_TAX, LV_SUB_LAG,
       LV_DEP_YEARS, LV_SIZE_MIN, LV_SIZE_MAX, LV_SPACE_UNIT, LV_NCOMMON };
enum { SH_COUNT = LV_NCOMMON, SH_AREA, SH_RENT, SH_UPLIFT, SH_RENT_GROWTH,
       SH_OCC_START, SH_OCC_TARGET, SH_RAMP, SH_SHAPE, SH_RENT_FREE, SH_MASTER,
       SH_MASTER_GROWTH, SH_FITOUT, SH_OPEX_RATE, SH_OPEX_FIXED, SH_SUB_UNIT, SH_N };
enum { PK_KIND = LV_NCOMMON, PK_SPACES, PK_FEE, PK_FEE_GROWTH, PK_UTIL_START,
       PK_UTIL_TARGET, PK_RAMP, PK_SHAPE, PK_CAPEX, PK_OPEX_SPACE, PK_OPEX_RATE,
       PK_SUB_UNIT, PK_N };
enum { CH_KIND = LV_NCOMMON, CH_PORTS, CH_SESS_START, CH_SESS_TARGET, CH_RAMP,
       CH_SHAPE, CH_KWH, CH_PPS, CH_PPK, CH_PRICE_GROWTH, CH_ELEC, CH_ELEC_GROWTH,
       CH_CAPEX, CH_LIFE, CH_OPEX_PORT, CH_OPEX_RATE, CH_SUB_UNIT, CH_KW, CH_SUB_KW,
       CH_SUB_KWH, CH_SUB_YEARS, CH_N };
enum { OT_INCOME = LV_NCOMMON, OT_GROWTH, OT_RAMP, OT_SHAPE, OT_CAPEX,
       OT_OPEX_FIXED, OT_SUBSIDY, OT_OPTIONAL, OT_N };
enum { FD_INITIAL, FD_INTEREST, FD_OVERDRAFT, FD_RESERVE, FD_N };
enum { GR_AMOUNT, GR_MONTH, GR_N };
enum { LN_AMOUNT, LN_MONTH, LN_RATE, LN_TERM, LN_GRACE, LN_REPAY, LN_ENABLED, LN_N };
enum { RS_REPAY_ANNUITY, RS_REPAY_EQUAL, RS_REPAY_BULLET };
enum { OP_SPACE, OP_BUDGET, OP_BUDGET_YEARS, OP_OBJECTIVE, OP_MIN_COV, OP_MIN_COV_EACH,
       OP_FUND_NONNEG, OP_MIN_DSCR, OP_SAMPLES, OP_CONFIDENCE, OP_N };
enum { RS_OBJ_NPV, RS_OBJ_NPV_EQUITY, RS_OBJ_FUND_END, RS_OBJ_FUND_MIN, RS_OBJ_NET_STAB };

/* Ramp shapes, in the order of the "linear|logistic" choice strings. */
enum { RS_SHAPE_LINEAR, RS_SHAPE_LOGISTIC };

struct rs_section;

/* A step of a schedule: `KEY@YEAR,VALUE` resets parameter `param` from
 * `year` (>= 2) on. An entity's steps are sorted by (param, year). */
typedef struct {
    int param, year;
    double value;
} rs_step;

/* One section of a scenario (`shops:east`, `fund`, ...). Values of every
 * parameter are in v[], by the section table's index; text and references
 * are in text[] (owned by the entity, freed by rs_scenario_release); its
 * schedule steps are steps[0..nsteps) (borrowed from rs_scenario.step). */
typedef struct {
    const struct rs_section *sec;
    char name[RS_NAME_MAX];
    double v[RS_MAX_PARAMS];
    char *text[RS_MAX_PARAMS];
    unsigned char set[RS_MAX_PARAMS]; /* 1 when the scenario gave the key */
    int community;                    /* levers: index into rs_scenario.com */
    rs_step *steps;
    int nsteps;
    const char *file;                 /* where the section first appears */
    int line;
} rs_entity;

/* The linear form of a lever or community over `years` years. For months
 * m >= o of year y (before o: nothing but capex),
 *     gross(m)   = cg[y] + rg[y] * T(m - shift)
 *     net(m)     = cn[y] + rn[y] * T(m - shift)
 *     tax(m)     = ct[y] + rt[y] * T(m - shift)
 *     subsidy(m) = cs[y] + rs[y] * T(m - shift)   only for m <= sub_end
 * where T(k) = L(min(1, k/R)) for k >= 1 (1 when R = 0) and 0 for k <= 0 is
 * the ramp table of (R, shape). Capex: `capex` spread evenly over the
 * `build` months from s (all in month s when build = 0), and `renew` every
 * `period` months from o (period 0: never); the one-off `subsidy` falls in
 * month sub_month. For a community, gross is the fee income and cn the
 * monthly cost. The coefficient arrays (one double per year) are the
 * caller's; rs_lin_arrays lays them out. */
typedef struct {
    int s, o, shift, R, shape, completion;
    double *cg, *rg, *cn, *rn, *ct, *rt, *cs, *rs;
    int sub_end;
    double capex, renew, subsidy;
    int build, period, sub_month;
    double dep_months;    /* capex depreciates over this many months */
    double keep;          /* 1 - share_out */
} rs_lin;

#define RS_LIN_ARRAYS 8   /* coefficient arrays of an rs_lin */

/* Point lin's coefficient arrays into buf (RS_LIN_ARRAYS * years doubles). */
void rs_lin_arrays(rs_lin *lin, double *buf, int years);

/* A section type: one table row in rs_sections[]. */
typedef struct rs_section {
    const char *name;
    rs_seckind kind;
    int named;                 /* 1: written `name:NAME` */
    const rs_param *params;
    int nparams;
    const char *doc;
    const char *label_zh;      /* Chinese name of the section type */
    int ramp_param, shape_param; /* their indices, -1 when the section has no ramp */
    int size_param;            /* the size the optimiser chooses (count, spaces, ports), -1 */
    /* Check across keys after every row is read; on error return the
     * offending parameter index and write why; else -1. May be NULL. */
    int (*check)(const rs_entity *e, char *why, size_t n);
    /* Fill defaults that follow other parameters (a community's
     * collection_target follows collection_start unless set). Run after
     * reading and after every change of values (Monte Carlo draws, sweep,
     * solve). May be NULL. */
    void (*derive)(rs_entity *e);
    /* Levers and communities: the linear form over `years` years. */
    void (*linear)(const rs_entity *e, int years, rs_lin *lin);
} rs_section;

extern const rs_section *const rs_sections[];
extern const int rs_nsections;

/* Section type called `name` (the part before ':'), or NULL. */
const rs_section *rs_section_find(const char *name);

/* Set every parameter of e to its table default (text to NULL). */
void rs_entity_init(rs_entity *e, const rs_section *sec);

/* "shops:east" or "fund": the section e was written as, into buf. */
const char *rs_entity_section(const rs_entity *e, char *buf, size_t n);

/* Monte Carlo distribution of a ranged parameter. */
typedef enum { RS_DIST_TRIANGULAR, RS_DIST_UNIFORM, RS_DIST_PERT,
               RS_DIST_NORMAL, RS_DIST_LOGNORMAL } rs_dist;
#define RS_DIST_CHOICES "triangular|uniform|pert|normal|lognormal"

/* A parameter with low/high: the value it sets (parameter `param` of e, or
 * its schedule step `step` when >= 0), its distribution, and `stream`, the
 * key of its random stream: a hash of the row it was written in (for a row
 * a section inherits with `like`, the template's row), so a parameter draws
 * the same values whatever other rows exist, and a template and its copies
 * draw together. `label` is that row: "shops:east.rent", "shops:east.rent@3". */
typedef struct {
    rs_entity *e;
    int param, step;
    double low, value, high;
    rs_dist dist;
    uint64_t stream;
    char label[RS_NAME_MAX + 48];
} rs_range;

/* A declared correlation between two ranged parameters (indices into
 * rs_scenario.ranges), applied through a Gaussian copula. */
typedef struct {
    int a, b;
    double rho;
} rs_corr;

/* A value a section inherits with `like`: parameter `param` (or step `step`)
 * of e comes from the row `label` ("chargers:tpl.price_per_kwh") of its
 * template, so moving that row (solve, sweep) moves e too. */
typedef struct {
    rs_entity *e;
    int param, step;
    char label[RS_NAME_MAX + 48];
} rs_link;

/* A validated scenario, ready to run. Owned by the caller:
 * rs_scenario_init before filling, rs_scenario_release after. The entity
 * arrays hold enabled sections only. */
typedef struct {
    rs_entity scen, fund, opt;
    rs_entity *com;   int ncom;
    rs_entity *lev;   int nlev;
    rs_entity *grant; int ngrant;
    rs_entity *loan;  int nloan;
    rs_step *step;    int nstep;   /* every entity's schedule steps */
    rs_range *ranges; int nranges;
    rs_corr *corr;    int ncorr;
    rs_link *links;   int nlinks;
    int stab_year;    /* the stabilized year: pinned, or from the base case */
} rs_scenario;

/* The kind table: for each section kind, where its entities are in
 * rs_scenario. Single kinds (scenario, fund, optimize) are one embedded
 * entity; the others an array and a count. Every function that walks all
 * entities of a scenario goes through it. */
typedef struct {
    rs_seckind kind;
    const char *plural;        /* "communities", "levers" (messages) */
    int single;
    size_t entity;             /* single: offsetof the entity; else of the array pointer */
    size_t count;              /* offsetof the count (unused when single) */
} rs_kind_def;

extern const rs_kind_def rs_kinds[RS_SEC_NKINDS];

/* The entities of kind k in s: a pointer and their number in *n. */
rs_entity *rs_scenario_entities(const rs_scenario *s, rs_seckind k, int *n);

void rs_scenario_init(rs_scenario *s);
void rs_scenario_release(rs_scenario *s);

/* A deep copy of src into dst (every array, text, step, range and link,
 * pointers remapped into the copy): RS_S_OK or RS_S_NOMEM (dst released). */
rs_status rs_scenario_clone(rs_scenario *dst, const rs_scenario *src);

/* The entity of dst at the place e has in src (e an entity of src), or NULL. */
rs_entity *rs_scenario_remap(const rs_scenario *src, rs_scenario *dst, const rs_entity *e);

/* Re-derive the defaults of every entity (rs_section.derive) after values
 * changed. */
void rs_scenario_refresh(rs_scenario *s);

/* Fix s->stab_year: the pinned scenario.stabilized_year, else the first
 * year whose first month is at or after every completion month of the base
 * case (the last year if none). Every run, sweep and solve reports the
 * stabilized metrics of this year. */
void rs_scenario_fix_stabilized(rs_scenario *s);

static inline int rs_scenario_months(const rs_scenario *s)
{
    return 12 * (int)s->scen.v[SC_HORIZON];
}

/* ------------------------------------------------------------ metrics */

/* Units of metrics and series. */
typedef enum {
    RS_U_MONEY,    /* the scenario's currency */
    RS_U_RATIO,    /* a fraction shown as percent (coverage) */
    RS_U_RATE,     /* 1/year, shown as percent (IRR) */
    RS_U_PROB,     /* a probability (Monte Carlo share of runs) */
    RS_U_YEAR,     /* a programme year (1 = first) */
    RS_U_YEARS,    /* a duration in years */
    RS_U_MONTH,    /* a month of the programme */
    RS_U_COUNT,    /* a count */
    RS_U_TIMES     /* a multiple (DSCR: 1.3 = 130% cover) */
} rs_unit;

/* The unit's name in summary.csv ("CNY" for money is the caller's currency). */
const char *rs_unit_name(rs_unit u);

#define RS_MF_NEVER 1u    /* empty means "never": Monte Carlo counts it as +infinity */
#define RS_MF_NOSUMMARY 2u/* a detail the terminal summary leaves out */

/* Headline metrics (summary.csv rows, in this order). NaN means "empty". */
enum {
    MT_REVENUE_YEAR1, MT_REVENUE_STAB, MT_NET_STAB, MT_DEFICIT_BEFORE,
    MT_DEFICIT_YEAR1, MT_COVERAGE_YEAR1, MT_COVERAGE_STAB, MT_COVERAGE_LAST,
    MT_FIRST_COVERED, MT_YEARS_COVERED, MT_STAB_YEAR, MT_CAPEX_TOTAL, MT_NPV, MT_IRR,
    MT_PAYBACK, MT_DPAYBACK, MT_FUND_MIN, MT_FUND_MIN_MONTH, MT_FUND_END,
    MT_P_COVERED_STAB, MT_P_FUND_NONNEG,
    MT_TAX_TOTAL, MT_SUBSIDY_TOTAL, MT_INCOME_TAX_TOTAL, MT_DEBT_SERVICE_TOTAL,
    MT_DSCR_MIN, MT_P_DSCR_ABOVE_1, MT_DEBT_END, MT_NPV_EQUITY, MT_MONTHS_BELOW_RESERVE,
    MT_N
};

typedef struct {
    const char *name;
    rs_unit unit;
    unsigned flags;
    const char *label_en, *label_zh;
    const char *empty_en, *empty_zh;   /* what an empty value means */
} rs_metric_def;

extern const rs_metric_def rs_metrics[MT_N];

/* Index of metric `name` (any case), or -1. */
int rs_metric_find(const char *name);

/* What each lever earns on its own (lever_summary.csv columns after lever,
 * kind, community), and its yearly flows (levers.csv columns after lever,
 * kind, community, year). Their labels in the same form as rs_metrics. */
enum { LM_CAPEX_TOTAL, LM_SUBSIDY_TOTAL, LM_NET_STAB, LM_NPV, LM_IRR, LM_PAYBACK,
       LM_COVERAGE_SHARE, LM_N };
enum { LY_REVENUE, LY_TAX, LY_COSTS, LY_NET, LY_CAPEX, LY_SUBSIDY, LY_CF, LY_N };
extern const rs_metric_def rs_lever_metrics[LM_N];
extern const rs_metric_def rs_lever_series[LY_N];

/* ------------------------------------------------------------ results */

struct rs_irr_ws;

/* Results of one run. Monthly series are arrays of `months` (index m-1 holds
 * month m); per-community monthly series are [c*months + m-1]; yearly series
 * are [years], per lever or community [k*years + y-1]. Allocated once by
 * rs_results_alloc for a scenario shape and reused for any number of runs;
 * rs_model_run allocates nothing (not even the IRR's solver). Memory: 8 bytes x (months x (40 + levers
 * + 4 communities) + years x (30 + 8 levers + 4 communities) + 8 levers). */
typedef struct {
    int months, years, nlev, ncom;
    int lean;           /* rs_results_alloc_lean: the portfolio's series and metrics only */
    /* monthly portfolio series */
    double *revenue, *net, *capex, *fee, *cost, *gap, *cf, *surplus, *fund,
           *grants, *dcf;
    double *tax, *subsidy, *income_tax, *fund_interest, *draws, *interest, *principal,
           *debt_service, *debt_balance, *cf_equity, *dscr_m, *dep;
    /* monthly per lever (gross), per community */
    double *lev_gross;
    double *com_revenue, *com_net, *com_fee, *com_cost;
    /* yearly portfolio series; coverage NaN when deficit <= 0, dscr when
     * there is no debt service */
    double *y_revenue, *y_net, *y_capex, *y_fee, *y_cost, *y_deficit,
           *y_coverage, *y_surplus, *y_fund_end;
    double *y_tax, *y_subsidy, *y_income_tax, *y_fund_interest, *y_draws, *y_interest,
           *y_principal, *y_debt_service, *y_debt_balance, *y_dscr, *y_cf, *y_cf_equity;
    double *y_lev_revenue;                 /* [lever*years + y-1] */
    double *y_lev;                         /* [(lever*LY_N + k)*years + y-1] */
    double *lev_metric;                    /* [lever*LM_N + k] */
    double *y_com_revenue, *y_com_net, *y_com_fee, *y_com_cost; /* [c*years+y-1] */
    double metric[MT_N];
    double *scratch_;                      /* RS_LIN_ARRAYS*years + 8*months + 2 */
    double *block_;                        /* the one allocation of the arrays */
    struct rs_irr_ws *irr_ws_;             /* the IRR solver (models/finance.h) */
} rs_results;

/* Allocate results for a scenario's shape (with the IRR solver every run
 * reuses); NULL when out of memory. */
rs_results *rs_results_alloc(const rs_scenario *s);
void rs_results_free(rs_results *r);

/* Results of s's base case without what each lever earns on its own:
 * lev_gross holds one lever at a time and each lever's yearly flows and
 * metrics (y_lev_revenue, y_lev, lev_metric, its IRR) are not worked out,
 * so memory does not grow with levers past the scenario itself; the portfolio's and the
 * communities' series and every metric are the same as rs_results_alloc's
 * to the bit. For `revsim check` (its result warnings read the metrics
 * only). NULL when out of memory. */
rs_results *rs_results_alloc_lean(const rs_scenario *s);

/* Results for `months` with per-lever arrays for L levers and per-community
 * arrays for C communities (0 and 0: portfolio totals only). */
rs_results *rs_results_alloc_shape(int months, int L, int C);

/* Run the base case of s into r (allocated for s). Pure; allocates nothing.
 * The stabilized year is s->stab_year, or (a scenario built by hand, never
 * fixed) the one of this run's completion months. */
void rs_model_run(const rs_scenario *s, rs_results *r);

/* Given r's monthly revenue, net, capex, fee, cost, tax, subsidy and (when
 * s has an income tax) dep, fill grants, loans, fund interest, income tax,
 * gap, cf, cf_equity, surplus, fund, dcf, the yearly series (per community
 * when r->ncom > 0), the metrics (the stabilized ones of year s->stab_year)
 * and, when r->nlev > 0, the levers' coverage shares. */
void rs_results_finish(const rs_scenario *s, rs_results *r);

/* Columns of annual.csv and monthly.csv, in order (one table for CSV
 * headers, units, chart and workbook labels). A flow's year is the sum of
 * its months; a stock's (fund, debt balance) the value of its last month; a
 * ratio is num / den of the period's sums (coverage: empty when the deficit
 * is <= 0; dscr: empty when there is no debt service, and in months). */
typedef enum { RS_SK_FLOW, RS_SK_STOCK, RS_SK_RATIO } rs_series_kind;

typedef struct {
    const char *name;
    rs_unit unit;
    const char *label_en, *label_zh;
    size_t monthly, yearly;   /* offsetof the rs_results fields */
    rs_series_kind kind;
    int num, den;             /* ratios: the series they divide */
    int monthly_ratio;        /* ratios: 1 when defined for a month */
} rs_series_def;

enum { SR_REVENUE, SR_NET, SR_CAPEX, SR_FEE, SR_COST, SR_DEFICIT, SR_COVERAGE,
       SR_SURPLUS, SR_FUND_END, SR_TAX, SR_SUBSIDY, SR_INCOME_TAX, SR_FUND_INTEREST,
       SR_DRAWS, SR_INTEREST, SR_PRINCIPAL, SR_DEBT_SERVICE, SR_DEBT_BALANCE, SR_DSCR,
       SR_CF, SR_CF_EQUITY, SR_N };
extern const rs_series_def rs_series[SR_N];

/* The monthly or yearly array of series k of r (NULL for ratios). */
const double *rs_series_months(const rs_results *r, int k);
const double *rs_series_years(const rs_results *r, int k);

/* Value of series k in month m (1-based) or year y of r. */
double rs_series_month(const rs_results *r, int k, int m);
double rs_series_year(const rs_results *r, int k, int y);

/* A ratio series' value from its period sums: num / den, NaN when den <= 0. */
double rs_series_ratio(int k, double num, double den);

/* Coverage of a year: net / deficit, NaN when deficit <= 0. */
double rs_coverage(double net, double deficit);

/* 1 when a year with this net income and deficit counts as covered
 * (coverage >= 1, or no deficit to cover); docs/model.md. */
int rs_is_covered(double net, double deficit);

#endif
