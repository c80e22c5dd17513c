/* optimize.c: revsim optimize as a mixed-integer linear programme
 * (optimize.h, docs/optimize.md). For each run (the base case, or each of
 * the Monte Carlo samples) the model is run once without the sized and
 * optional levers (the constant part) and each such lever's linear form is
 * expanded at size 1 and size 0 (its part per unit and its fixed part,
 * opex_fixed, paid only when the size is at least 1). The programme's rows
 * are the limits written in those terms; GLPK solves it; the chosen mix is
 * run through the model again for every number reported. */
#define _POSIX_C_SOURCE 200809L
#include <float.h>
#include <glpk.h>
#include <limits.h>
#include <math.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "../base/bytes.h"
#include "../base/fmt.h"
#include "draw.h"
#include "finance.h"
#include "lever.h"
#include "linear.h"
#include "montecarlo.h"
#include "optimize.h"
#include "scenpack.h"

/* Kinds of row: hard limits (every run), soft limits (with samples: in a
 * share of the runs), the fund_min objective's rows and the links between
 * a sized lever's size and its on/off. */
enum { R_SPACE, R_SPACE_COM, R_BUDGET, R_COV, R_COV_EACH, R_FUND, R_DSCR, R_TMIN, R_LINK,
       R_NKIND };
#define SOFT(k) ((k) >= R_COV && (k) <= R_DSCR)
#define HARD(k) ((k) <= R_BUDGET)
#define TOL 1e-9   /* relative tolerance of a limit's check (rounding, not GLPK's) */

/* A sized or optional lever: its columns and bounds. */
typedef struct {
    int lever, sized, com;
    int col, ycol;           /* size (sized) or yes/no (optional); on/off (sized), 0 */
    double lo, hi;
} dec;

/* A row: value(x) = (a.x + base) / scale, kept >= limit (ge) or <= limit.
 * Its coefficients on decision columns are P->rc[at .. at+n). */
typedef struct {
    int kind, run, com, when;    /* when: month (fund, tmin) or year (dscr), 1-based */
    int ge;
    double base, scale, limit;
    double amin;                 /* the smallest a.x over the columns' bounds */
    int at, n;
} orow;

typedef struct {
    int col;
    double v;
} coef;

/* The programme. Decision columns are 1..ncol; a solve adds its own
 * columns (t of fund_min or of a max-min, z of the runs). */
typedef struct {
    const rs_scenario *s;
    int M, Y, sy, J, K, Bm, obj;
    long need;                   /* runs the soft limits must hold in (samples) */
    double conf;
    dec *d;
    int *decof;                  /* [s->nlev]: decision index of a lever, or -1 */
    int ncol;
    int *cint;                   /* column is whole (size) */
    double *clo, *chi, *cobj, obj0;
    orow *row;
    int nrow, caprow;
    coef *rc;
    int nrc, caprc;
    int has[R_NKIND];            /* the scenario sets this limit */
    int space_ranged;            /* a space_per_unit of a decision is ranged */
    int need_fund;               /* rows or objective use the fund month by month */
    struct {                     /* a sample's record (sample_record): offsets in doubles */
        size_t budget, def, ynet, ds, com, fund, npv, npve, space;   /* the constant part */
        size_t pbud, pnety, pfund, pnpv;   /* each decision's parts (2j + p) */
        size_t n;                /* its width */
    } at;
} problem;

/* Buffers for one run's coefficients. */
typedef struct {
    rs_results *rest;            /* the run without the decisions */
    rs_entity *vlev;             /* lever view [s->nlev] */
    double *lin, *T, *f0, *f1, *cf;  /* lin: RS_LIN_ARRAYS*Y; T: M+1; f0, f1: 3*M; cf: M */
} work;

/* ------------------------------------------------------------ helpers */

static void issue_set(rs_mix_issue *is, const rs_entity *e, int param, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
static void issue_set(rs_mix_issue *is, const rs_entity *e, int param, const char *fmt, ...)
{
    va_list ap;
    is->e = e;
    is->param = param;
    va_start(ap, fmt);
    vsnprintf(is->why, sizeof is->why, fmt, ap);
    va_end(ap);
}

static int grow(void **p, int *cap, int need, size_t size)
{
    if (need <= *cap)
        return 0;
    int c = *cap ? *cap : 64;
    while (c < need)
        c *= 2;
    void *q = realloc(*p, (size_t)c * size);
    if (!q)
        return -1;
    *p = q;
    *cap = c;
    return 0;
}

static double objective_metric(int obj, const rs_results *r)
{
    static const int metric[] = {[RS_OBJ_NPV] = MT_NPV, [RS_OBJ_NPV_EQUITY] = MT_NPV_EQUITY,
                                 [RS_OBJ_FUND_END] = MT_FUND_END, [RS_OBJ_FUND_MIN] = MT_FUND_MIN,
                                 [RS_OBJ_NET_STAB] = MT_NET_STAB};
    return r->metric[metric[obj]];
}

/* a >= b within TOL of their size */
static int at_least(double a, double b)
{
    double m = fabs(a) > fabs(b) ? fabs(a) : fabs(b);
    return a >= b - TOL * (m > 1 ? m : 1);
}

void rs_mix_opts_init(rs_mix_opts *o)
{
    memset(o, 0, sizeof *o);
    o->samples = -1;
    o->confidence = -1;
    o->seed = 1;
    o->fresh = 1000;
}

void rs_mix_result_free(rs_mix_result *res)
{
    if (!res)
        return;
    free(res->choice);
    free(res->limit);
    rs_results_free(res->r);
    free(res->r_lever);
    free(res);
}

/* --------------------------------------------------------- the problem */

static void problem_release(problem *P)
{
    free(P->d);
    free(P->decof);
    free(P->cint);
    free(P->clo);
    free(P->chi);
    free(P->cobj);
    free(P->row);
    free(P->rc);
}

/* The sized and optional levers of s, and the keys the programme cannot
 * take. RS_S_INPUT with the issue filled. */
static rs_status problem_levers(problem *P, const rs_scenario *s, rs_mix_issue *is)
{
    P->decof = malloc((size_t)(s->nlev ? s->nlev : 1) * sizeof *P->decof);
    P->d = calloc((size_t)(s->nlev ? s->nlev : 1), sizeof *P->d);
    if (!P->decof || !P->d)
        return RS_S_NOMEM;
    for (int l = 0; l < s->nlev; l++) {
        const rs_entity *e = &s->lev[l];
        const int sized = e->set[LV_SIZE_MAX] != 0;
        const int optional = e->sec == &rs_section_other && e->v[OT_OPTIONAL] != 0;
        P->decof[l] = -1;
        if (sized && e->sec->size_param < 0) {
            issue_set(is, e, LV_SIZE_MAX, "an %s lever has no count, spaces or ports to size; "
                      "optional,1 makes it a yes/no choice", e->sec->name);
            return RS_S_INPUT;
        }
        if (!sized && !optional)
            continue;
        dec *d = &P->d[P->J];
        d->lever = l;
        d->sized = sized;
        d->com = e->community;
        d->lo = sized ? e->v[LV_SIZE_MIN] : 0;
        d->hi = sized ? e->v[LV_SIZE_MAX] : 1;
        P->decof[l] = P->J++;
    }
    if (P->J == 0) {
        issue_set(is, NULL, -1, "no lever to optimise: give a shops, parking or chargers lever "
                  "size_max (its count, spaces or ports is then chosen), or an other lever "
                  "optional,1");
        return RS_S_INPUT;
    }
    /* keys that make the flows non-linear in the sizes */
    static const struct {
        rs_seckind kind;
        int param;
        const char *why;
    } nonlinear[] = {
        {RS_SEC_SCENARIO, SC_INCOME_TAX, "income tax on each year's profit, after the losses "
         "carried forward, is not linear in the sizes"},
        {RS_SEC_FUND, FD_INTEREST, "interest on the fund's balance compounds, so the fund is not "
         "linear in the sizes"},
        {RS_SEC_FUND, FD_OVERDRAFT, "interest on the fund's overdraft compounds, so the fund is "
         "not linear in the sizes"},
    };
    for (size_t i = 0; i < sizeof nonlinear / sizeof nonlinear[0]; i++) {
        int n;
        const rs_entity *e = rs_scenario_entities(s, nonlinear[i].kind, &n);
        const int k = nonlinear[i].param;
        int ranged = 0;
        for (int g = 0; g < s->nranges; g++)
            ranged |= s->ranges[g].e == e && s->ranges[g].param == k &&
                      (s->ranges[g].low != 0 || s->ranges[g].high != 0);
        if (e->v[k] != 0 || (ranged && P->K > 0)) {
            issue_set(is, e, k, "revsim optimize needs %s 0%s: %s", e->sec->params[k].name,
                      e->v[k] != 0 ? "" : " in every run (it is ranged)", nonlinear[i].why);
            return RS_S_INPUT;
        }
    }
    for (int g = 0; g < s->nranges; g++) {
        const rs_entity *e = s->ranges[g].e;
        if (s->ranges[g].param == LV_SPACE_UNIT && e >= s->lev && e < s->lev + s->nlev &&
            P->decof[e - s->lev] >= 0)
            P->space_ranged = 1;
    }
    return RS_S_OK;
}

/* Columns: per decision its size or yes/no, and for a sized lever its
 * on/off y (y <= n <= size_max y: opex_fixed is paid only when n >= 1). */
static rs_status problem_columns(problem *P)
{
    const int n = 2 * P->J + 1;
    P->cint = calloc((size_t)n, sizeof *P->cint);
    P->clo = calloc((size_t)n, sizeof *P->clo);
    P->chi = calloc((size_t)n, sizeof *P->chi);
    P->cobj = calloc((size_t)n, sizeof *P->cobj);
    if (!P->cint || !P->clo || !P->chi || !P->cobj)
        return RS_S_NOMEM;
    for (int j = 0; j < P->J; j++) {
        dec *d = &P->d[j];
        d->col = ++P->ncol;
        P->cint[d->col] = 1;
        P->clo[d->col] = d->lo;
        P->chi[d->col] = d->hi;
        if (d->sized) {
            d->ycol = ++P->ncol;
            P->cint[d->ycol] = 1;
            P->clo[d->ycol] = d->lo >= 1 ? 1 : 0;
            P->chi[d->ycol] = 1;
        }
    }
    return RS_S_OK;
}

/* Rows are built with row_begin, row_add for each coefficient, row_end. */
static int row_begin(problem *P, int kind, int run, int ge, double base, double scale,
                     double limit)
{
    if (grow((void **)&P->row, &P->caprow, P->nrow + 1, sizeof *P->row))
        return -1;
    orow *r = &P->row[P->nrow];
    memset(r, 0, sizeof *r);
    r->kind = kind;
    r->run = run;
    r->com = -1;
    r->ge = ge;
    r->base = base;
    r->scale = scale;
    r->limit = limit;
    r->at = P->nrc;
    return 0;
}

static int row_add(problem *P, int col, double v)
{
    if (col <= 0 || v == 0)
        return 0;
    if (grow((void **)&P->rc, &P->caprc, P->nrc + 1, sizeof *P->rc))
        return -1;
    P->rc[P->nrc++] = (coef){col, v};
    P->row[P->nrow].n++;
    return 0;
}

/* Keep the row unless it holds whatever the columns are (prune). */
static void row_end(problem *P, int prune)
{
    orow *r = &P->row[P->nrow];
    double lo = 0, hi = 0;
    for (int i = r->at; i < r->at + r->n; i++) {
        const coef *c = &P->rc[i];
        double a = c->v * P->clo[c->col], b = c->v * P->chi[c->col];
        lo += a < b ? a : b;
        hi += a < b ? b : a;
    }
    r->amin = lo;
    int always = r->ge ? lo >= r->limit * r->scale - r->base
                       : hi <= r->limit - r->base;
    if (prune && always && r->kind != R_TMIN && r->kind != R_LINK) {
        P->nrc = r->at;
        return;
    }
    P->nrow++;
}

static int problem_links(problem *P)
{
    for (int j = 0; j < P->J; j++) {
        const dec *d = &P->d[j];
        if (!d->sized)
            continue;
        /* n - hi y <= 0 and n - y >= 0 */
        if (row_begin(P, R_LINK, -1, 0, 0, 1, 0) || row_add(P, d->col, 1) ||
            row_add(P, d->ycol, -d->hi))
            return -1;
        row_end(P, 0);
        if (row_begin(P, R_LINK, -1, 1, 0, 1, 0) || row_add(P, d->col, 1) ||
            row_add(P, d->ycol, -1))
            return -1;
        row_end(P, 0);
    }
    return 0;
}

/* ------------------------------------------------------------ one run */

/* Where each number of a sample's record goes (P->at). A record is what
 * emit_run needs of one run: the constant part's budget, deficit, net and
 * debt service by year, each community's net and deficit in the
 * stabilized year, the fund by month (when used), NPVs, each decision's
 * space per unit, and each decision's parts. */
static void record_layout(problem *P)
{
    const size_t M = (size_t)P->M, Y = (size_t)P->Y, J = (size_t)P->J, J2 = 2 * J;
    const size_t FM = P->need_fund ? M : 0;
    size_t n = 0;
    P->at.budget = n++;
    P->at.def = n++;
    P->at.npv = n++;
    P->at.npve = n++;
    P->at.ynet = n, n += Y;
    P->at.ds = n, n += Y;
    P->at.com = n, n += 2 * (size_t)P->s->ncom;
    P->at.fund = n, n += FM;
    P->at.space = n, n += J;
    P->at.pbud = n, n += J2;
    P->at.pnpv = n, n += J2;
    P->at.pnety = n, n += J2 * Y;
    P->at.pfund = n, n += J2 * FM;
    P->at.n = n;
}

static void work_release(work *W)
{
    rs_results_free(W->rest);
    free(W->vlev);
    free(W->lin);
    free(W->T);
    free(W->f0);
    free(W->f1);
    free(W->cf);
}

static int work_init(work *W, const problem *P)
{
    const rs_scenario *s = P->s;
    const size_t M = (size_t)P->M, Y = (size_t)P->Y;
    memset(W, 0, sizeof *W);
    W->rest = rs_results_alloc_shape(P->M, s->nlev - P->J, s->ncom);
    W->vlev = malloc((size_t)(s->nlev ? s->nlev : 1) * sizeof *W->vlev);
    W->lin = malloc((size_t)RS_LIN_ARRAYS * Y * sizeof(double));
    W->T = malloc((M + 1) * sizeof(double));
    W->f0 = malloc(3 * M * sizeof(double));
    W->f1 = malloc(3 * M * sizeof(double));
    W->cf = malloc(M * sizeof(double));
    if (!W->rest || !W->vlev || !W->lin || !W->T || !W->f0 || !W->f1 || !W->cf) {
        work_release(W);
        return -1;
    }
    return 0;
}

/* Monthly net, capex and subsidy of lever e (f: 3 arrays of M), from its
 * linear form expanded as rs_model_run expands it. */
static void lever_flows(const problem *P, work *W, const rs_entity *e, double *f)
{
    const int M = P->M;
    rs_lin lin;
    rs_lin_arrays(&lin, W->lin, P->Y);
    e->sec->linear(e, P->Y, &lin);
    rs_ramp_table(lin.R, lin.shape, M, W->T);
    const rs_flows out = {NULL, f, NULL, f + 2 * M, f + M};
    rs_lin_expand(&lin, W->T, M, &out);
}

/* Coefficients of decision j's part p from its monthly flows f (net,
 * capex, subsidy) into the record: cumulative cash flow (the fund), net
 * income by year, NPV and the budget's capex less subsidy. */
static void part_store(const problem *P, work *W, int j, int p, const double *f, double *rec)
{
    const int M = P->M, Y = P->Y, k = 2 * j + p;
    const double *net = f, *capex = f + M, *sub = f + 2 * M;
    double *fund = P->need_fund ? rec + P->at.pfund + (size_t)k * M : NULL;
    double *nety = rec + P->at.pnety + (size_t)k * Y, acc = 0, b = 0;
    for (int m = 0; m < M; m++) {
        W->cf[m] = net[m] - capex[m] + sub[m];
        acc += W->cf[m];
        if (fund)
            fund[m] = acc;
        if (m < P->Bm)
            b += capex[m] - sub[m];
    }
    for (int y = 0; y < Y; y++) {
        double t = 0;
        for (int m = 12 * y; m < 12 * y + 12; m++)
            t += net[m];
        nety[y] = t;
    }
    rec[P->at.pnpv + (size_t)k] = rs_npv(W->cf, M, P->s->scen.v[SC_DISCOUNT]);
    rec[P->at.pbud + (size_t)k] = b;
}

/* The lever view of sk for a mix: every lever that is not a decision as
 * it is, and decision j at size sz[j] when that is >= 1 (sz NULL: none of
 * them); in sk's order. Shallow copies (text and steps borrowed). `which`
 * (may be NULL) gets each view lever's index in sk. */
static int mix_view(const problem *P, const rs_scenario *sk, const double *sz, rs_entity *out,
                    int *which)
{
    int n = 0;
    for (int l = 0; l < sk->nlev; l++) {
        const int j = P->decof[l];
        if (j >= 0 && (!sz || sz[j] < 1))
            continue;
        out[n] = sk->lev[l];
        if (j >= 0 && P->d[j].sized)
            out[n].v[out[n].sec->size_param] = sz[j];
        if (which)
            which[n] = l;
        n++;
    }
    return n;
}

/* The run sk as a record (P->at.n doubles at rec): its constant part and
 * each decision's parts. */
static void sample_record(const problem *P, work *W, const rs_scenario *sk, double *rec)
{
    const int M = P->M, Y = P->Y, sy = P->sy;
    rs_scenario view = *sk;
    view.lev = W->vlev;
    view.nlev = mix_view(P, sk, NULL, W->vlev, NULL);
    view.stab_year = P->sy;
    rs_model_run(&view, W->rest);
    const rs_results *r = W->rest;
    double b = 0;
    for (int m = 0; m < P->Bm; m++)
        b += r->capex[m] - r->subsidy[m];
    rec[P->at.budget] = b;
    rec[P->at.def] = r->y_deficit[sy - 1];
    rec[P->at.npv] = r->metric[MT_NPV];
    rec[P->at.npve] = r->metric[MT_NPV_EQUITY];
    memcpy(rec + P->at.ynet, r->y_net, (size_t)Y * sizeof *rec);
    memcpy(rec + P->at.ds, r->y_debt_service, (size_t)Y * sizeof *rec);
    for (int c = 0; c < sk->ncom; c++) {
        const size_t at = (size_t)c * Y + (size_t)sy - 1;
        rec[P->at.com + 2 * (size_t)c] = r->y_com_net[at];
        rec[P->at.com + 2 * (size_t)c + 1] = r->y_com_cost[at] - r->y_com_fee[at];
    }
    if (P->need_fund)
        memcpy(rec + P->at.fund, r->fund, (size_t)M * sizeof *rec);
    for (int j = 0; j < P->J; j++) {
        const dec *d = &P->d[j];
        rs_entity e = sk->lev[d->lever];
        rec[P->at.space + (size_t)j] = e.v[LV_SPACE_UNIT];
        if (d->sized) {
            const int k = e.sec->size_param;
            e.v[k] = 0;
            lever_flows(P, W, &e, W->f0);     /* the fixed part */
            e.v[k] = 1;
            lever_flows(P, W, &e, W->f1);
            for (int i = 0; i < 3 * M; i++)
                W->f1[i] -= W->f0[i];         /* the part per unit */
        } else {
            lever_flows(P, W, &e, W->f1);
            memset(W->f0, 0, 3 * (size_t)M * sizeof(double));
        }
        part_store(P, W, j, 0, W->f1, rec);
        part_store(P, W, j, 1, W->f0, rec);
    }
}

/* Column of decision j's part p (0: per unit or yes/no; 1: fixed). */
static int part_col(const dec *d, int p)
{
    return p == 0 ? d->col : d->ycol;
}

/* Add sum over decisions (of community com, or all when com < 0) and
 * parts of v[(2j+p)*stride + at] to the current row. */
static int row_parts(problem *P, const double *v, size_t stride, size_t at, int com)
{
    for (int j = 0; j < P->J; j++) {
        if (com >= 0 && P->d[j].com != com)
            continue;
        for (int p = 0; p < 2; p++)
            if (row_add(P, part_col(&P->d[j], p), v[(size_t)(2 * j + p) * stride + at]))
                return -1;
    }
    return 0;
}

/* Space rows of run k (its record rec): over every sized lever (com < 0)
 * or those of community com. */
static int space_row(problem *P, const double *rec, int kind, int k, int com, double limit)
{
    if (row_begin(P, kind, k, 0, 0, 1, limit))
        return -1;
    P->row[P->nrow].com = com;
    for (int j = 0; j < P->J; j++) {
        const dec *d = &P->d[j];
        if (d->sized && (com < 0 || d->com == com) &&
            row_add(P, d->col, rec[P->at.space + (size_t)j]))
            return -1;
    }
    row_end(P, 1);
    return 0;
}

/* The rows and objective terms of run k (0 for the base case) from its
 * record rec (sample_record). */
static int emit_run(problem *P, const double *rec, int k)
{
    const rs_scenario *s = P->s;
    const int M = P->M, Y = P->Y, sy = P->sy;
    const double *ov = s->opt.v;
    const double w = 1.0 / (P->K > 0 ? P->K : 1);
    const size_t Mz = (size_t)M, Yz = (size_t)Y;
    const double *ynet = rec + P->at.ynet, *fund = rec + P->at.fund;
    const double *pnety = rec + P->at.pnety, *pfund = rec + P->at.pfund;

    if (P->has[R_SPACE] && (k == 0 || P->space_ranged) &&
        space_row(P, rec, R_SPACE, k, -1, ov[OP_SPACE]))
        return -1;
    for (int c = 0; c < s->ncom; c++)
        if (s->com[c].set[CM_SPACE] && (k == 0 || P->space_ranged) &&
            space_row(P, rec, R_SPACE_COM, k, c, s->com[c].v[CM_SPACE]))
            return -1;
    if (P->has[R_BUDGET]) {
        if (row_begin(P, R_BUDGET, k, 0, rec[P->at.budget], 1, ov[OP_BUDGET]) ||
            row_parts(P, rec + P->at.pbud, 1, 0, -1))
            return -1;
        row_end(P, 1);
    }
    const double def = rec[P->at.def];
    if (P->has[R_COV] && def > 0) {
        if (row_begin(P, R_COV, k, 1, ynet[sy - 1], def, ov[OP_MIN_COV]) ||
            row_parts(P, pnety, Yz, (size_t)sy - 1, -1))
            return -1;
        row_end(P, 1);
    }
    for (int c = 0; P->has[R_COV_EACH] && c < s->ncom; c++) {
        const double net = rec[P->at.com + 2 * (size_t)c], dc = rec[P->at.com + 2 * (size_t)c + 1];
        if (dc <= 0)
            continue;
        if (row_begin(P, R_COV_EACH, k, 1, net, dc, ov[OP_MIN_COV_EACH]))
            return -1;
        P->row[P->nrow].com = c;
        if (row_parts(P, pnety, Yz, (size_t)sy - 1, c))
            return -1;
        row_end(P, 1);
    }
    for (int m = 1; P->has[R_FUND] && m <= M; m++) {
        if (row_begin(P, R_FUND, k, 1, fund[m - 1], 1, 0))
            return -1;
        P->row[P->nrow].when = m;
        if (row_parts(P, pfund, Mz, (size_t)m - 1, -1))
            return -1;
        row_end(P, 1);
    }
    for (int y = 1; P->has[R_DSCR] && y <= Y; y++) {
        const double ds = rec[P->at.ds + (size_t)y - 1];
        if (ds <= 0)
            continue;
        if (row_begin(P, R_DSCR, k, 1, ynet[y - 1], ds, ov[OP_MIN_DSCR]))
            return -1;
        P->row[P->nrow].when = y;
        if (row_parts(P, pnety, Yz, (size_t)y - 1, -1))
            return -1;
        row_end(P, 1);
    }
    /* the objective: its constant, and its coefficient on every part */
    const double *v = rec + P->at.pnpv;
    size_t stride = 1, at = 0;
    switch (P->obj) {
    case RS_OBJ_NPV:
        P->obj0 += w * rec[P->at.npv];
        break;
    case RS_OBJ_NPV_EQUITY:
        P->obj0 += w * rec[P->at.npve];
        break;
    case RS_OBJ_FUND_END:
        P->obj0 += w * fund[M - 1];
        v = pfund, stride = Mz, at = Mz - 1;
        break;
    case RS_OBJ_NET_STAB:
        P->obj0 += w * ynet[sy - 1];
        v = pnety, stride = Yz, at = (size_t)sy - 1;
        break;
    default:   /* fund_min: t_k <= fund_k(m) for every month; t_k in the objective */
        for (int m = 1; m <= M; m++) {
            if (row_begin(P, R_TMIN, k, 1, fund[m - 1], 1, 0))
                return -1;
            P->row[P->nrow].when = m;
            if (row_parts(P, pfund, Mz, (size_t)m - 1, -1))
                return -1;
            row_end(P, 0);
        }
        return 0;
    }
    for (int j = 0; j < P->J; j++)
        for (int p = 0; p < 2; p++) {
            const int col = part_col(&P->d[j], p);
            if (col)
                P->cobj[col] += w * v[(size_t)(2 * j + p) * stride + at];
        }
    return 0;
}

/* ---------------------------------------------------------------- GLPK */

/* What one solve asks: which soft limits are constraints, what to
 * maximise, and for the shadow-price LP the binary values to fix. */
enum { G_MAIN, G_MAXMIN, G_MAXSHARE };
typedef struct {
    unsigned soft;               /* bit k: soft kind k is a limit */
    int goal, goal_kind;         /* G_MAXMIN / G_MAXSHARE: of this soft kind */
    int lp;                      /* sizes continuous, binaries fixed to fix[] and zfix[] */
    const double *fix, *zfix;
    double time_limit;           /* seconds, <= 0 none */
    int diagnose;                /* a search for the limit that fails (progress) */
} spec;

enum { SOL_OPT, SOL_FEAS, SOL_INFEAS, SOL_NONE };
typedef struct {
    int status;
    double obj, t;               /* GLPK's objective; the max-min t */
    double bound;                /* the best bound on obj (MILP; NaN unknown) */
    double *x;                   /* [ncol + 1] decision columns */
    double *z;                   /* [K]: 1 when run k must hold (runs without soft rows: 1) */
    double *dual;                /* [nrow]: row duals of the LP (0 for rows left out) */
    double gap, seconds;
    long nodes;
} solution;

/* GLPK calls these: its messages are kept (the last one names a failure),
 * and an abnormal termination jumps back instead of aborting. */
typedef struct {
    jmp_buf jb;
    char msg[256];
} guard;

static int glp_quiet(void *info, const char *s)
{
    guard *g = info;
    size_t n = strlen(g->msg), k = strlen(s);
    if (n + k >= sizeof g->msg)
        n = 0;
    memcpy(g->msg + n, s, k < sizeof g->msg - 1 ? k + 1 : sizeof g->msg - 1);
    g->msg[sizeof g->msg - 1] = '\0';
    return 1;
}

static void glp_fail(void *info)
{
    longjmp(((guard *)info)->jb, 1);
}

typedef struct {
    const rs_mix_opts *o;
    const char *phase;
    double t0, last, gap, bound;
    long nodes;
} cbinfo;

static void glp_progress(glp_tree *T, void *info)
{
    cbinfo *c = info;
    int a, n, t;
    glp_ios_tree_size(T, &a, &n, &t);
    if (t > c->nodes)
        c->nodes = t;
    glp_prob *lp = glp_ios_get_prob(T);
    const int has = glp_mip_status(lp) == GLP_FEAS;
    c->gap = has ? glp_ios_mip_gap(T) : NAN;
    const int best = glp_ios_best_node(T);
    if (best)
        c->bound = glp_ios_node_bound(T, best);
    if (!c->o->progress)
        return;
    const double now = glp_time();
    if (glp_ios_reason(T) != GLP_IBINGO && now - c->last < 250)
        return;
    c->last = now;
    rs_mix_progress p = {c->phase, 0, 0, (now - c->t0) / 1000, c->nodes, has,
                         has ? glp_mip_obj_val(lp) : NAN, best ? c->bound : NAN, c->gap};
    c->o->progress(&p, c->o->ctx);
}

/* A run's soft rows that spec q includes. */
static int row_in(const spec *q, const orow *r)
{
    if (SOFT(r->kind))
        return (q->soft >> r->kind) & 1u;
    if (r->kind == R_TMIN)
        return q->goal == G_MAIN;
    return 1;
}

typedef struct {
    int *zc, *tc, *rowmap;       /* z column of each run, t column, GLPK row of each row */
    int *ia, *ja;
    double *ar;
    int nnz;
} layout;

static void layout_release(layout *L)
{
    free(L->zc);
    free(L->tc);
    free(L->rowmap);
    free(L->ia);
    free(L->ja);
    free(L->ar);
}

/* Count what spec q needs and allocate it (before GLPK runs, so a jump
 * back out of GLPK leaks nothing). */
static int layout_init(layout *L, const problem *P)
{
    const int K = P->K > 0 ? P->K : 1;
    memset(L, 0, sizeof *L);
    L->zc = calloc((size_t)K, sizeof *L->zc);
    L->tc = calloc((size_t)K, sizeof *L->tc);
    L->rowmap = calloc((size_t)(P->nrow ? P->nrow : 1), sizeof *L->rowmap);
    size_t nnz = (size_t)P->K + 1;
    for (int i = 0; i < P->nrow; i++)
        nnz += (size_t)P->row[i].n + 2;
    L->ia = malloc((nnz + 1) * sizeof *L->ia);
    L->ja = malloc((nnz + 1) * sizeof *L->ja);
    L->ar = malloc((nnz + 1) * sizeof *L->ar);
    if (!L->zc || !L->tc || !L->rowmap || !L->ia || !L->ja || !L->ar || nnz > INT_MAX / 2) {
        layout_release(L);
        return -1;
    }
    return 0;
}

static void put(layout *L, int i, int j, double v)
{
    L->nnz++;
    L->ia[L->nnz] = i;
    L->ja[L->nnz] = j;
    L->ar[L->nnz] = v;
}

/* Build spec q of P into lp (inside the guard). */
static void build_lp(const problem *P, const spec *q, layout *L, glp_prob *lp)
{
    const int K = P->K;
    const double w = 1.0 / (K > 0 ? K : 1);
    glp_set_obj_dir(lp, GLP_MAX);
    glp_add_cols(lp, P->ncol);
    for (int c = 1; c <= P->ncol; c++) {
        const int binary = P->cint[c] && P->clo[c] >= 0 && P->chi[c] <= 1;
        if (!q->lp && P->cint[c])   /* before the bounds: GLP_BV would reset them */
            glp_set_col_kind(lp, c, GLP_IV);
        if (q->lp && binary && q->fix)
            glp_set_col_bnds(lp, c, GLP_FX, q->fix[c], q->fix[c]);
        else if (P->clo[c] == P->chi[c])
            glp_set_col_bnds(lp, c, GLP_FX, P->clo[c], P->clo[c]);
        else
            glp_set_col_bnds(lp, c, GLP_DB, P->clo[c], P->chi[c]);
        if (q->goal == G_MAIN)
            glp_set_obj_coef(lp, c, P->cobj[c]);
    }
    if (q->goal == G_MAIN)
        glp_set_obj_coef(lp, 0, P->obj0);
    /* t columns: fund_min's per run, or the one max-min */
    if (q->goal == G_MAIN && P->obj == RS_OBJ_FUND_MIN) {
        for (int k = 0; k < (K > 0 ? K : 1); k++) {
            L->tc[k] = glp_add_cols(lp, 1);
            glp_set_col_bnds(lp, L->tc[k], GLP_FR, 0, 0);
            glp_set_obj_coef(lp, L->tc[k], w);
        }
    } else if (q->goal == G_MAXMIN) {
        L->tc[0] = glp_add_cols(lp, 1);
        glp_set_col_bnds(lp, L->tc[0], GLP_FR, 0, 0);
        glp_set_obj_coef(lp, L->tc[0], 1);
    }
    /* z columns: with samples, one per run that has a soft row here */
    for (int i = 0; K > 0 && i < P->nrow; i++) {
        const orow *r = &P->row[i];
        if (!SOFT(r->kind) || !row_in(q, r) || L->zc[r->run])
            continue;
        L->zc[r->run] = glp_add_cols(lp, 1);
        if (!q->lp)   /* binary: bounds 0..1 */
            glp_set_col_kind(lp, L->zc[r->run], GLP_BV);
        else if (q->zfix)
            glp_set_col_bnds(lp, L->zc[r->run], GLP_FX, q->zfix[r->run], q->zfix[r->run]);
        else
            glp_set_col_bnds(lp, L->zc[r->run], GLP_DB, 0, 1);
        if (q->goal == G_MAXSHARE)
            glp_set_obj_coef(lp, L->zc[r->run], 1);
    }
    int nz = 0;
    for (int k = 0; k < K; k++)
        nz += L->zc[k] != 0;
    /* rows */
    for (int i = 0; i < P->nrow; i++) {
        const orow *r = &P->row[i];
        const int maxmin = q->goal == G_MAXMIN && SOFT(r->kind) && r->kind == q->goal_kind;
        if (!row_in(q, r) && !maxmin)
            continue;
        const int g = glp_add_rows(lp, 1);
        L->rowmap[i] = g;
        for (int c = r->at; c < r->at + r->n; c++)
            put(L, g, P->rc[c].col, P->rc[c].v);
        if (maxmin) {           /* a.x - scale t >= -base */
            put(L, g, L->tc[0], -r->scale);
            glp_set_row_bnds(lp, g, GLP_LO, -r->base, 0);
        } else if (r->kind == R_TMIN) {   /* a.x - t_k >= -base */
            put(L, g, L->tc[r->run], -1);
            glp_set_row_bnds(lp, g, GLP_LO, -r->base, 0);
        } else if (SOFT(r->kind) && K > 0) {   /* a.x - bigM z >= need - bigM */
            const double need = r->limit * r->scale - r->base, big = need - r->amin;
            put(L, g, L->zc[r->run], -big);
            glp_set_row_bnds(lp, g, GLP_LO, need - big, 0);
        } else if (r->ge) {
            glp_set_row_bnds(lp, g, GLP_LO, r->limit * r->scale - r->base, 0);
        } else {
            glp_set_row_bnds(lp, g, GLP_UP, 0, r->limit - r->base);
        }
    }
    const long need = P->need - (K - nz);   /* runs without a soft row hold anyway */
    if (K > 0 && nz > 0 && q->goal != G_MAXSHARE && need > 0) {
        const int g = glp_add_rows(lp, 1);
        for (int k = 0; k < K; k++)
            if (L->zc[k])
                put(L, g, L->zc[k], 1);
        glp_set_row_bnds(lp, g, GLP_LO, (double)need, 0);
    }
    glp_load_matrix(lp, L->nnz, L->ia, L->ja, L->ar);
}

/* What a solve keeps outside its stack frame, so that nothing it reads
 * after a jump back out of GLPK was changed since setjmp. */
typedef struct {
    guard g;
    layout L;
    cbinfo cb;
} solve_state;

/* Solve spec q: a MILP, or (q->lp) the LP with the binaries fixed and its
 * duals. RS_S_OK with sol->status; RS_S_NUMERIC (why filled) when GLPK
 * fails. */
static rs_status solve(const problem *P, const spec *q, const rs_mix_opts *o, solution *sol,
                       rs_mix_issue *is)
{
    solve_state *const st = calloc(1, sizeof *st);
    if (!st)
        return RS_S_NOMEM;
    if (layout_init(&st->L, P)) {
        free(st);
        return RS_S_NOMEM;
    }
    st->cb = (cbinfo){o, q->goal == G_MAIN && !q->diagnose ? "solving" : "diagnosing", 0, 0, NAN,
                      NAN, 0};
    sol->status = SOL_NONE;
    sol->gap = NAN;
    glp_term_out(GLP_OFF);
    glp_term_hook(glp_quiet, &st->g);
    if (setjmp(st->g.jb)) {
        glp_free_env();       /* frees every GLPK object, the problem included */
        issue_set(is, NULL, -1, "GLPK failed: %.200s", st->g.msg[0] ? st->g.msg : "(no message)");
        layout_release(&st->L);
        free(st);
        return RS_S_NUMERIC;
    }
    glp_error_hook(glp_fail, &st->g);
    glp_prob *lp = glp_create_prob();
    build_lp(P, q, &st->L, lp);
    glp_scale_prob(lp, GLP_SF_AUTO);
    const double t0 = glp_time();
    int ret, failed = 0;
    if (q->lp) {
        glp_smcp sp;
        glp_init_smcp(&sp);
        sp.msg_lev = GLP_MSG_OFF;
        if (glp_get_num_rows(lp) > 0)
            glp_adv_basis(lp, 0);
        else
            glp_std_basis(lp);
        ret = glp_simplex(lp, &sp);
        failed = ret != 0 || glp_get_status(lp) != GLP_OPT;
        if (!failed) {
            sol->status = SOL_OPT;
            sol->obj = glp_get_obj_val(lp);
            for (int i = 0; i < P->nrow; i++)
                sol->dual[i] = st->L.rowmap[i] ? glp_get_row_dual(lp, st->L.rowmap[i]) : 0;
        }
    } else {
        glp_iocp ip;
        glp_init_iocp(&ip);
        ip.msg_lev = GLP_MSG_OFF;
        ip.presolve = GLP_ON;
        ip.tol_int = 1e-9;
        ip.tm_lim = q->time_limit > 0 ? (int)fmin(q->time_limit * 1000, INT_MAX / 2) : INT_MAX;
        ip.cb_func = glp_progress;
        ip.cb_info = &st->cb;
        st->cb.t0 = st->cb.last = t0;
        ret = glp_intopt(lp, &ip);
        const int ms = glp_mip_status(lp);
        if ((ret == 0 && ms == GLP_OPT) || (ret == GLP_ETMLIM && ms == GLP_FEAS))
            sol->status = ret == 0 ? SOL_OPT : SOL_FEAS;
        else if (ret == GLP_ENOPFS || (ret == 0 && ms == GLP_NOFEAS))
            sol->status = SOL_INFEAS;
        else if (ret != GLP_ETMLIM)
            failed = 1;
        if (sol->status == SOL_OPT || sol->status == SOL_FEAS) {
            sol->obj = glp_mip_obj_val(lp);
            for (int c = 1; c <= P->ncol; c++)
                sol->x[c] = glp_mip_col_val(lp, c);
            for (int k = 0; k < P->K; k++)
                sol->z[k] = st->L.zc[k] ? glp_mip_col_val(lp, st->L.zc[k]) : 1;
            sol->t = st->L.tc[0] ? glp_mip_col_val(lp, st->L.tc[0]) : NAN;
        }
    }
    sol->seconds = (glp_time() - t0) / 1000;
    sol->nodes = st->cb.nodes;
    sol->gap = sol->status == SOL_OPT ? 0 : st->cb.gap;
    sol->bound = sol->status == SOL_OPT ? sol->obj : st->cb.bound;
    glp_delete_prob(lp);
    glp_error_hook(NULL, NULL);
    glp_term_hook(NULL, NULL);
    if (failed)
        issue_set(is, NULL, -1, "GLPK failed: %s returned %d%s%.200s",
                  q->lp ? "glp_simplex" : "glp_intopt", ret, st->g.msg[0] ? ": " : "",
                  st->g.msg);
    layout_release(&st->L);
    free(st);
    return failed ? RS_S_NUMERIC : RS_S_OK;
}

static void solution_release(solution *sol)
{
    free(sol->x);
    free(sol->z);
    free(sol->dual);
}

static int solution_init(solution *sol, const problem *P)
{
    memset(sol, 0, sizeof *sol);
    sol->x = calloc((size_t)P->ncol + 1, sizeof *sol->x);
    sol->z = calloc((size_t)(P->K > 0 ? P->K : 1), sizeof *sol->z);
    sol->dual = calloc((size_t)(P->nrow ? P->nrow : 1), sizeof *sol->dual);
    if (!sol->x || !sol->z || !sol->dual) {
        solution_release(sol);
        return -1;
    }
    return 0;
}

/* ------------------------------------------------ what cannot be met */

static double row_value(const problem *P, const orow *r, const double *x)
{
    double a = 0;
    for (int c = r->at; c < r->at + r->n; c++)
        a += P->rc[c].v * x[P->rc[c].col];
    return (a + r->base) / r->scale;
}

static const int soft_param[R_NKIND] = {[R_COV] = OP_MIN_COV, [R_COV_EACH] = OP_MIN_COV_EACH,
                                        [R_FUND] = OP_FUND_NONNEG, [R_DSCR] = OP_MIN_DSCR};

/* "12.5 %" style and money text for the issue messages */
static const char *pct(double v, char *buf, size_t n)
{
    snprintf(buf, n, "%.1f %%", 100 * v);
    return buf;
}

/* The hard limits alone cannot be met: say which. */
static void diagnose_hard(const problem *P, rs_mix_issue *is)
{
    const rs_scenario *s = P->s;
    for (int i = 0; i < P->nrow; i++) {
        const orow *r = &P->row[i];
        if (!HARD(r->kind) || at_least(r->limit, r->amin + r->base))
            continue;
        char run[64] = "";
        if (P->K > 0)
            snprintf(run, sizeof run, " in Monte Carlo run %d", r->run + 1);
        if (r->kind == R_BUDGET)
            issue_set(is, &s->opt, OP_BUDGET, "%.0f is less than the %.0f the mix costs at the "
                      "least%s (every sized lever at its size_min, every optional lever out)",
                      r->limit, r->amin + r->base, run);
        else
            issue_set(is, r->kind == R_SPACE ? &s->opt : &s->com[r->com],
                      r->kind == R_SPACE ? OP_SPACE : CM_SPACE,
                      "%g m2 is less than the %g m2 the sized levers%s take at their "
                      "size_min%s", r->limit, r->amin,
                      r->kind == R_SPACE ? "" : " of the community", run);
        return;
    }
    issue_set(is, &s->opt, P->has[R_BUDGET] ? OP_BUDGET : OP_SPACE,
              "the space and budget limits cannot all be met with every sized lever at or "
              "above its size_min");
}

/* How long a diagnosis solve may take: --time-limit, else 10 s. */
#define DIAG_SECONDS 10.0

/* Limits that cannot be met: each soft limit alone against the hard ones
 * and how close the best mix comes (with samples: in how many of them it
 * can hold); else they conflict. A solve stopped by the time limit still
 * proves a limit impossible when its best bound falls short. */
static rs_status diagnose(const problem *P, const rs_mix_opts *o, rs_mix_issue *is)
{
    const rs_scenario *s = P->s;
    const double secs = o->time_limit > 0 ? o->time_limit : DIAG_SECONDS;
    solution sol;
    rs_status rc;
    if (solution_init(&sol, P))
        return RS_S_NOMEM;
    spec q = {0, G_MAIN, 0, 0, NULL, NULL, secs, 1};
    if ((rc = solve(P, &q, o, &sol, is)) != RS_S_OK)
        goto out;
    if (sol.status == SOL_INFEAS) {
        diagnose_hard(P, is);
        rc = RS_S_INPUT;
        goto out;
    }
    char a[64], b[64], names[160] = "";
    int nsoft = 0, unsure = 0, first = -1;
    for (int k = R_COV; k <= R_DSCR; k++) {
        if (!P->has[k])
            continue;
        nsoft++;
        first = first < 0 ? k : first;
        snprintf(names + strlen(names), sizeof names - strlen(names), "%s%s",
                 names[0] ? ", " : "", s->opt.sec->params[soft_param[k]].name);
        long rows = 0, runs = 0;
        for (int i = 0; i < P->nrow; i++)
            if (P->row[i].kind == k) {
                rows++;
                int seen = 0;
                for (int j = 0; j < i && !seen; j++)
                    seen = P->row[j].kind == k && P->row[j].run == P->row[i].run;
                runs += !seen;
            }
        if (!rows)
            continue;    /* holds whatever the sizes */
        const double lim = s->opt.v[soft_param[k]];
        if (P->K > 0) {   /* the most runs it can hold in */
            spec m = {1u << k, G_MAXSHARE, k, 0, NULL, NULL, secs, 1};
            if ((rc = solve(P, &m, o, &sol, is)) != RS_S_OK)
                goto out;
            long most = P->K;
            if (sol.status == SOL_OPT) {
                most = 0;
                for (int r = 0; r < P->K; r++)
                    most += sol.z[r] > 0.5;
            } else if (isfinite(sol.bound)) {
                most = (long)floor(sol.bound + 1e-6) + (P->K - runs);
            }
            unsure |= sol.status != SOL_OPT;
            if (most >= P->need)
                continue;
            issue_set(is, &s->opt, soft_param[k], "%g holds in at most %ld of the %d Monte "
                      "Carlo samples (%s) within the space and budget, short of the confidence "
                      "%s", lim, most, P->K, pct((double)most / P->K, a, sizeof a),
                      pct(P->conf, b, sizeof b));
            rc = RS_S_INPUT;
            goto out;
        }
        spec m = {0, G_MAXMIN, k, 0, NULL, NULL, secs, 1};
        if ((rc = solve(P, &m, o, &sol, is)) != RS_S_OK)
            goto out;
        const double best = sol.status == SOL_OPT ? sol.t : sol.bound;
        unsure |= sol.status != SOL_OPT;
        if (!isfinite(best) || at_least(best, lim))
            continue;
        /* the row that keeps the best mix found from it */
        const orow *worst = NULL;
        double wv = INFINITY;
        for (int i = 0; sol.status != SOL_NONE && i < P->nrow; i++)
            if (P->row[i].kind == k && row_value(P, &P->row[i], sol.x) < wv)
                wv = row_value(P, &P->row[i], sol.x), worst = &P->row[i];
        const char *most = sol.status == SOL_OPT ? "" : "at most ";
        char money[64];
        switch (k) {
        case R_COV:
            issue_set(is, &s->opt, OP_MIN_COV, "%g cannot be met: the best mix within the space "
                      "and budget covers %s%s of the deficit in the stabilized year %d", lim, most,
                      pct(best, a, sizeof a), P->sy);
            break;
        case R_COV_EACH:
            issue_set(is, &s->opt, OP_MIN_COV_EACH, "%g cannot be met: within the space and "
                      "budget the best mix covers community %s's deficit %s%s in the stabilized "
                      "year %d", lim, worst ? s->com[worst->com].name : "?", most,
                      pct(best, a, sizeof a), P->sy);
            break;
        case R_FUND:
            issue_set(is, &s->opt, OP_FUND_NONNEG, "1 cannot be met: whatever the sizes within "
                      "the space and budget, the fund falls to %s%s (month %d)",
                      sol.status == SOL_OPT ? "" : "at least ",
                      rs_fmt_group(best, 0, 0, money, sizeof money), worst ? worst->when : 0);
            break;
        default:
            issue_set(is, &s->opt, OP_MIN_DSCR, "%g cannot be met: the best mix within the space "
                      "and budget reaches a DSCR of %s%.3f (year %d)", lim, most, best,
                      worst ? worst->when : 0);
        }
        rc = RS_S_INPUT;
        goto out;
    }
    const char *together = P->K > 0 ? " in the share confidence of the samples with one mix" : "";
    if (unsure && nsoft == 1 && P->K > 0)
        issue_set(is, &s->opt, soft_param[first], "%g cannot hold in %s of the %d Monte Carlo "
                  "samples with one mix within the space and budget (counting in how many it "
                  "can stopped after %g s)", s->opt.v[soft_param[first]],
                  pct(P->conf, a, sizeof a), P->K, secs);
    else if (unsure && nsoft == 1)
        issue_set(is, &s->opt, soft_param[first], "%g cannot be met within the space and budget "
                  "(how close the best mix comes was not found within %g s)",
                  s->opt.v[soft_param[first]], secs);
    else if (unsure)
        issue_set(is, &s->opt, soft_param[first], "the limits %s cannot be met%s within the "
                  "space and budget (finding which of them fails stopped after %g s)", names,
                  together, secs);
    else if (nsoft > 1)
        issue_set(is, &s->opt, soft_param[first], "the limits %s can each be met%s, but not "
                  "all together within the space and budget", names,
                  P->K > 0 ? " in the share confidence of the samples" : "");
    else
        issue_set(is, &s->opt, soft_param[first], "cannot be met%s within the space and budget",
                  together);
    rc = RS_S_INPUT;
out:
    solution_release(&sol);
    return rc;
}

/* --------------------------------------------------- the chosen mix */

/* Values of the result's limit rows (res->limit) for run sk at sizes sz,
 * its model results in r; 1 when its coverage, fund and DSCR limits hold. */
static int mix_values(const problem *P, const rs_mix_result *res, const rs_scenario *sk,
                      const rs_results *r, const double *sz, double *val)
{
    const int sy = P->sy, Y = P->Y;
    int holds = 1;
    for (int i = 0; i < res->nlimit; i++) {
        const rs_mix_limit *L = &res->limit[i];
        const int c = L->com;
        double v = NAN;
        switch (L->kind) {
        case RS_OL_OBJECTIVE:
            v = objective_metric(P->obj, r);
            break;
        case RS_OL_SPACE:
        case RS_OL_SPACE_COM:
            v = 0;
            for (int j = 0; j < P->J; j++)
                if (P->d[j].sized && (c < 0 || P->d[j].com == c))
                    v += sz[j] * sk->lev[P->d[j].lever].v[LV_SPACE_UNIT];
            break;
        case RS_OL_BUDGET:
            v = 0;
            for (int m = 0; m < P->Bm; m++)
                v += r->capex[m] - r->subsidy[m];
            break;
        case RS_OL_COV:
            v = r->y_coverage[sy - 1];
            break;
        case RS_OL_COV_EACH: {
            const size_t at = (size_t)c * Y + (size_t)sy - 1;
            v = rs_coverage(r->y_com_net[at], r->y_com_cost[at] - r->y_com_fee[at]);
            break;
        }
        case RS_OL_FUND:
            v = r->metric[MT_FUND_MIN];
            break;
        case RS_OL_DSCR:
            v = r->metric[MT_DSCR_MIN];
            break;
        default:
            break;
        }
        if (L->kind >= RS_OL_COV && L->kind <= RS_OL_DSCR && !isnan(v) && !at_least(v, L->limit))
            holds = 0;
        val[i] = v;
    }
    return holds;
}

/* The rows of optimum_limits.csv that s asks for. */
static int limits_init(rs_mix_result *res, const problem *P)
{
    const rs_scenario *s = P->s;
    const double *v = s->opt.v;
    const int n = 10 + 2 * s->ncom;
    res->limit = calloc((size_t)n, sizeof *res->limit);
    if (!res->limit)
        return -1;
    const int soft = P->has[R_COV] || P->has[R_COV_EACH] || P->has[R_FUND] || P->has[R_DSCR];
    struct {
        rs_mix_limit_kind kind;
        int on, per_com;
        const char *name;
        double limit;
    } t[] = {
        {RS_OL_OBJECTIVE, 1, 0, "objective", NAN},
        {RS_OL_SPACE, P->has[R_SPACE], 0, "space_m2", v[OP_SPACE]},
        {RS_OL_SPACE_COM, 1, 1, "space_m2", NAN},
        {RS_OL_BUDGET, P->has[R_BUDGET], 0, "budget", v[OP_BUDGET]},
        {RS_OL_COV, P->has[R_COV], 0, "min_coverage", v[OP_MIN_COV]},
        {RS_OL_COV_EACH, P->has[R_COV_EACH], 1, "min_coverage_each", v[OP_MIN_COV_EACH]},
        {RS_OL_FUND, P->has[R_FUND], 0, "fund_never_negative", 0},
        {RS_OL_DSCR, P->has[R_DSCR], 0, "min_dscr", v[OP_MIN_DSCR]},
        {RS_OL_CONF, P->K > 0 && soft, 0, "confidence", P->conf},
        {RS_OL_CONF_FRESH, P->K > 0 && soft && res->fresh > 0, 0, "confidence_fresh", P->conf},
    };
    for (size_t k = 0; k < sizeof t / sizeof t[0]; k++) {
        if (!t[k].on)
            continue;
        for (int c = 0; c < (t[k].per_com ? s->ncom : 1); c++) {
            if (t[k].kind == RS_OL_SPACE_COM && !s->com[c].set[CM_SPACE])
                continue;
            rs_mix_limit *L = &res->limit[res->nlimit++];
            L->kind = t[k].kind;
            L->com = t[k].per_com ? c : -1;
            L->limit = t[k].kind == RS_OL_SPACE_COM ? s->com[c].v[CM_SPACE] : t[k].limit;
            L->value = L->slack = L->shadow = NAN;
            if (t[k].per_com)
                snprintf(L->name, sizeof L->name, "%s:%s", t[k].name, s->com[c].name);
            else
                snprintf(L->name, sizeof L->name, "%s", t[k].name);
        }
    }
    return 0;
}

static int cmp_desc(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? 1 : x > y ? -1 : 0;
}

/* ------------------------------------------------------------ passes */

/* A pass over the samples (optimize.h): "sampling" gives each sample's
 * record for the programme (sample_record), "checking" the chosen mix's
 * limit values in each sample and fresh run and, last, 1 when its soft
 * limits hold there. rs_mix_run borrows its problem, work and sampler; an
 * unpacked job (another process) owns copies built from the same bytes. */
enum { PASS_SAMPLE, PASS_CHECK };
#define JOB_MAGIC 0x52534d49584a4f31ll   /* "RSMIXJO1" */

struct rs_mix_job {
    int pass;
    long n;                      /* its samples: K, or K + fresh */
    size_t width;                /* doubles per record */
    problem *P;
    rs_mc_sampler *sm;
    unsigned long seed;
    work *W;                     /* sampling */
    const rs_mix_result *res;    /* checking: the limits, and the mix sz */
    const double *sz;
    rs_entity *vlev;             /* checking: the mix's lever view, its results */
    rs_results *rr;
    /* taking: where rs_mix_run runs */
    const rs_mix_opts *o;
    long next;                   /* the next sample to take */
    double *runs;                /* checking: [K][nlimit] */
    long held, held_fresh;
    /* what an unpacked job owns */
    int own;
    rs_scenario s;
    problem Pown;
    work Wown;
    rs_mix_result resown;
    double *szown;
};

static rs_mix_runner runner;
static void *runner_ctx;

void rs_mix_set_runner(rs_mix_runner fn, void *ctx)
{
    runner = fn;
    runner_ctx = ctx;
}

long rs_mix_job_samples(const rs_mix_job *j) { return j->n; }
size_t rs_mix_job_width(const rs_mix_job *j) { return j->width; }

/* Levers of the mix sz's view of s */
static int mix_count(const problem *P, const double *sz)
{
    int n = 0;
    for (int l = 0; l < P->s->nlev; l++)
        n += P->decof[l] < 0 || sz[P->decof[l]] >= 1;
    return n;
}

/* The check pass's own buffers (the mix's view and results). */
static int check_init(rs_mix_job *j)
{
    const int nmix = mix_count(j->P, j->sz);
    j->width = (size_t)j->res->nlimit + 1;
    j->vlev = malloc((size_t)(nmix ? nmix : 1) * sizeof *j->vlev);
    j->rr = rs_results_alloc_shape(j->P->M, nmix, j->P->s->ncom);
    return j->vlev && j->rr ? 0 : -1;
}

static void job_init(rs_mix_job *j, int pass, problem *P, rs_mc_sampler *sm,
                     const rs_mix_opts *o)
{
    memset(j, 0, sizeof *j);
    j->pass = pass;
    j->P = P;
    j->sm = sm;
    j->seed = o->seed;
    j->o = o;
    j->n = P->K;
    j->width = P->at.n;
}

rs_status rs_mix_job_compute(rs_mix_job *j, long k0, long k1, double *rec)
{
    if (k0 < 0 || k1 > j->n || k0 > k1)
        return RS_S_INPUT;
    for (long k = k0; k < k1; k++) {
        double *out = rec + (size_t)(k - k0) * j->width;
        const rs_scenario *sk = rs_mc_sample(j->sm, k);
        if (j->pass == PASS_SAMPLE) {
            sample_record(j->P, j->W, sk, out);
            continue;
        }
        rs_scenario view = *sk;
        view.lev = j->vlev;
        view.nlev = mix_view(j->P, sk, j->sz, j->vlev, NULL);
        view.stab_year = j->P->sy;
        rs_model_run(&view, j->rr);
        out[j->res->nlimit] = mix_values(j->P, j->res, sk, j->rr, j->sz, out);
    }
    return RS_S_OK;
}

rs_status rs_mix_job_take(rs_mix_job *j, long k0, long k1, const double *rec)
{
    if (j->own || k0 != j->next || k1 < k0 || k1 > j->n)
        return RS_S_INPUT;
    const long K = j->P->K;
    const size_t nl = j->res ? (size_t)j->res->nlimit : 0;
    for (long k = k0; k < k1; k++) {
        const double *in = rec + (size_t)(k - k0) * j->width;
        if (j->pass == PASS_SAMPLE) {
            if (emit_run(j->P, in, (int)k))
                return RS_S_NOMEM;
            continue;
        }
        const int h = in[nl] != 0;
        if (k < K) {
            memcpy(j->runs + (size_t)k * nl, in, nl * sizeof *in);
            j->held += h;
        } else {
            j->held_fresh += h;
        }
    }
    j->next = k1;
    if (j->o->progress && k1 > k0) {
        rs_mix_progress p = {j->pass == PASS_SAMPLE ? "sampling" : "checking", k1, j->n,
                             0, 0, 0, NAN, NAN, NAN};
        j->o->progress(&p, j->o->ctx);
    }
    return RS_S_OK;
}

rs_status rs_mix_job_work(rs_mix_job *j, long k0, long k1)
{
    const long chunk = j->pass == PASS_SAMPLE ? 16 : 64;
    double *rec = malloc((size_t)chunk * j->width * sizeof *rec);
    rs_status rc = rec ? RS_S_OK : RS_S_NOMEM;
    for (long a = k0; rc == RS_S_OK && a < k1; a += chunk) {
        const long b = a + chunk < k1 ? a + chunk : k1;
        if ((rc = rs_mix_job_compute(j, a, b, rec)) == RS_S_OK)
            rc = rs_mix_job_take(j, a, b, rec);
    }
    free(rec);
    return rc;
}

/* Run the pass: through the runner when one is set, else here. */
static rs_status job_run(rs_mix_job *j, rs_mix_issue *is)
{
    rs_status rc = runner ? runner(j, runner_ctx) : rs_mix_job_work(j, 0, j->n);
    if (rc == RS_S_OK && j->next != j->n) {
        issue_set(is, NULL, -1, "internal: the %s pass took %ld of %ld samples",
                  j->pass == PASS_SAMPLE ? "sampling" : "checking", j->next, j->n);
        rc = RS_S_NUMERIC;
    }
    return rc;
}

static void put_f64(rs_textbuf *b, double v)
{
    rs_textbuf_put(b, (const char *)&v, sizeof v);
}

rs_status rs_mix_job_pack(const rs_mix_job *j, unsigned char **buf, size_t *len)
{
    unsigned char *sb = NULL;
    size_t sn = 0;
    *buf = NULL;
    *len = 0;
    rs_status rc = rs_scenario_pack(j->P->s, &sb, &sn);
    if (rc != RS_S_OK)
        return rc;
    rs_textbuf o;
    rs_textbuf_init(&o);
    rs_bytes_put_i64(&o, JOB_MAGIC);
    rs_bytes_put_i64(&o, j->pass);
    rs_bytes_put_i64(&o, j->n);
    rs_bytes_put_i64(&o, j->P->K);
    rs_bytes_put_i64(&o, j->res ? j->res->fresh : 0);
    rs_bytes_put_i64(&o, (int64_t)j->seed);
    put_f64(&o, j->P->conf);
    rs_bytes_put_i64(&o, j->sz ? j->P->J : 0);
    for (int i = 0; j->sz && i < j->P->J; i++)
        put_f64(&o, j->sz[i]);
    rs_bytes_put_i64(&o, (int64_t)sn);
    rs_textbuf_put(&o, (const char *)sb, sn);
    free(sb);
    if (o.failed) {
        rs_textbuf_release(&o);
        return RS_S_NOMEM;
    }
    *buf = (unsigned char *)o.p;
    *len = o.len;
    return RS_S_OK;
}

static rs_status problem_setup(problem *P, const rs_scenario *s, const rs_mix_opts *o,
                               rs_mix_issue *is);

rs_status rs_mix_job_unpack(const unsigned char *buf, size_t len, rs_mix_job **out)
{
    rs_bytes_in in = {buf, len, 0, 0};
    *out = NULL;
    if (rs_bytes_get_i64(&in) != JOB_MAGIC)
        return RS_S_INPUT;
    rs_mix_opts o;
    rs_mix_opts_init(&o);
    const int64_t pass = rs_bytes_get_i64(&in), n = rs_bytes_get_i64(&in);
    o.samples = (long)rs_bytes_get_i64(&in);
    o.fresh = (long)rs_bytes_get_i64(&in);
    o.seed = (unsigned long)rs_bytes_get_i64(&in);
    rs_bytes_get(&in, &o.confidence, sizeof o.confidence);
    const int64_t nsz = rs_bytes_get_i64(&in);
    /* the options within what the optimize table and the command allow
     * (samples' own bounds for the fresh runs too) */
    const rs_param *ps = &rs_section_optimize.params[OP_SAMPLES],
                   *pc = &rs_section_optimize.params[OP_CONFIDENCE];
    if (in.bad || (pass != PASS_SAMPLE && pass != PASS_CHECK) || o.samples <= 0 ||
        o.samples > ps->max || o.fresh < 0 || o.fresh > ps->max ||
        !(o.confidence >= pc->min && o.confidence <= pc->max) || nsz < 0 ||
        (size_t)nsz > rs_bytes_left(&in) / sizeof(double) ||
        n != o.samples + (pass == PASS_CHECK ? o.fresh : 0))
        return RS_S_INPUT;
    rs_mix_job *j = calloc(1, sizeof *j);
    if (!j)
        return RS_S_NOMEM;
    j->own = 1;
    j->pass = (int)pass;
    j->n = (long)n;
    j->seed = o.seed;
    j->P = &j->Pown;
    rs_scenario_init(&j->s);
    rs_status rc = RS_S_NOMEM;
    if (nsz && !(j->szown = malloc((size_t)nsz * sizeof *j->szown)))
        goto fail;
    for (int64_t i = 0; i < nsz; i++)
        rs_bytes_get(&in, &j->szown[i], sizeof *j->szown);
    const int64_t sn = rs_bytes_get_i64(&in);
    rc = RS_S_INPUT;
    if (in.bad || sn < 0 || (size_t)sn != rs_bytes_left(&in))
        goto fail;
    if ((rc = rs_scenario_unpack(&j->s, buf + in.at, (size_t)sn)) != RS_S_OK)
        goto fail;
    rs_init();
    rs_mix_issue is;
    if ((rc = problem_setup(&j->Pown, &j->s, &o, &is)) != RS_S_OK)
        goto fail;
    rc = RS_S_INPUT;
    if (j->Pown.K != o.samples || (pass == PASS_CHECK && nsz != j->Pown.J))
        goto fail;
    if ((rc = rs_mc_sampler_alloc(&j->s, o.seed, &j->sm)) != RS_S_OK)
        goto fail;
    rc = RS_S_NOMEM;
    if (pass == PASS_SAMPLE) {
        if (work_init(&j->Wown, &j->Pown))
            goto fail;
        j->W = &j->Wown;
        j->width = j->Pown.at.n;
    } else {
        j->resown.fresh = o.fresh;
        j->res = &j->resown;
        j->sz = j->szown;
        if (limits_init(&j->resown, &j->Pown) || check_init(j))
            goto fail;
    }
    *out = j;
    return RS_S_OK;
fail:
    rs_mix_job_free(j);
    return rc;
}

void rs_mix_job_free(rs_mix_job *j)
{
    if (!j)
        return;
    free(j->vlev);
    rs_results_free(j->rr);
    if (j->own) {
        rs_mc_sampler_free(j->sm);
        if (j->W)
            work_release(j->W);
        free(j->resown.limit);
        free(j->szown);
        problem_release(&j->Pown);
        rs_scenario_release(&j->s);
        free(j);
    }
}

/* The mix sz run through the model: its base case into res (res->r),
 * with samples its value in each run; the limit rows' values and slacks,
 * the shares. Checks that the mix meets what the programme asked.
 * RS_S_NUMERIC (issue filled) when it does not. */
static rs_status evaluate(const problem *P, rs_mc_sampler *sm, const rs_mix_opts *o,
                          const double *sz, double glpk_obj, rs_mix_result *res,
                          rs_mix_issue *is)
{
    const rs_scenario *s = P->s;
    const int nl = res->nlimit, K = P->K;
    rs_status rc = RS_S_NOMEM;
    const int nmix = mix_count(P, sz);
    rs_mix_job jb;
    job_init(&jb, PASS_CHECK, (problem *)P, sm, o);
    jb.n = K + res->fresh;
    jb.res = res;
    jb.sz = sz;
    double *val = malloc((size_t)nl * sizeof *val);
    double *runs = malloc((size_t)nl * (size_t)(K > 0 ? K : 1) * sizeof *runs);
    jb.runs = runs;
    res->r = rs_results_alloc_shape(P->M, nmix, s->ncom);
    res->r_lever = malloc((size_t)(nmix ? nmix : 1) * sizeof *res->r_lever);
    if (!val || !runs || !res->r || !res->r_lever || check_init(&jb))
        goto out;
    if (jb.n > 0 && (rc = job_run(&jb, is)) != RS_S_OK)
        goto out;
    rc = RS_S_NOMEM;
    const long held = jb.held, held_fresh = jb.held_fresh;
    rs_entity *vlev = jb.vlev;
    rs_scenario view;
    if (K > 0)
        res->share = (double)held / K;
    if (res->fresh > 0)
        res->fresh_share = (double)held_fresh / res->fresh;
    /* the base case */
    view = *s;
    view.lev = vlev;
    view.nlev = mix_view(P, s, sz, vlev, res->r_lever);
    view.stab_year = P->sy;
    rs_model_run(&view, res->r);
    mix_values(P, res, s, res->r, sz, val);
    res->base_value = val[0];
    const long need = P->need > 0 ? P->need : 1;
    double *col = malloc((size_t)(K > 0 ? K : 1) * sizeof *col);
    if (!col)
        goto out;
    for (int i = 0; i < nl; i++) {
        rs_mix_limit *L = &res->limit[i];
        if (K > 0 && L->kind <= RS_OL_DSCR) {
            double acc = 0, mx = -INFINITY;
            for (int k = 0; k < K; k++) {
                double v = runs[(size_t)k * nl + i];
                acc += v;
                mx = v > mx ? v : mx;
                col[k] = isnan(v) ? INFINITY : v;
            }
            qsort(col, (size_t)K, sizeof *col, cmp_desc);
            L->value = L->kind == RS_OL_OBJECTIVE ? acc / K
                       : L->kind <= RS_OL_BUDGET  ? mx
                                                  : col[need - 1];
            if (isinf(L->value))
                L->value = NAN;
        } else if (L->kind == RS_OL_CONF) {
            L->value = res->share;
        } else if (L->kind == RS_OL_CONF_FRESH) {
            L->value = res->fresh_share;
        } else {
            L->value = val[i];
        }
        if (L->kind != RS_OL_OBJECTIVE && !isnan(L->value))
            L->slack = L->kind <= RS_OL_BUDGET ? L->limit - L->value : L->value - L->limit;
    }
    free(col);
    res->value = res->limit[0].value;
    /* what the programme promised must be what the model gives */
    rc = RS_S_NUMERIC;
    if (!(fabs(res->value - glpk_obj) <= 1e-6 * fmax(1, fabs(res->value)))) {
        issue_set(is, NULL, -1, "internal: the programme's objective %.10g and the model's "
                  "%.10g differ", glpk_obj, res->value);
        goto out;
    }
    for (int i = 0; i < nl; i++) {
        const rs_mix_limit *L = &res->limit[i];
        const int hard = L->kind >= RS_OL_SPACE && L->kind <= RS_OL_BUDGET;
        const int soft = L->kind >= RS_OL_COV && L->kind <= RS_OL_DSCR;
        int ok = 1;
        if (hard && !isnan(L->value))
            ok = at_least(L->limit, L->value);
        else if (soft && K == 0 && !isnan(L->value))
            ok = at_least(L->value, L->limit);
        else if (L->kind == RS_OL_CONF)
            ok = held >= P->need;
        if (ok)
            continue;
        issue_set(is, NULL, -1, "internal: the chosen mix breaks %s (%.10g against %.10g)",
                  L->name, L->value, L->limit);
        goto out;
    }
    rc = RS_S_OK;
out:
    rs_mix_job_free(&jb);
    free(val);
    free(runs);
    return rc;
}

/* Shadow prices of the space and budget limits: duals of the LP with the
 * yes/no choices (levers in or out, runs that must hold) fixed at the
 * optimum and the sizes free in their bounds. */
static rs_status shadow_prices(const problem *P, const rs_mix_opts *o, const solution *best,
                               rs_mix_result *res, rs_mix_issue *is)
{
    solution sol;
    if (solution_init(&sol, P))
        return RS_S_NOMEM;
    unsigned soft = 0;
    for (int k = R_COV; k <= R_DSCR; k++)
        soft |= (unsigned)P->has[k] << k;
    spec q = {soft, G_MAIN, 0, 1, best->x, best->z, o->time_limit, 0};
    rs_status rc = solve(P, &q, o, &sol, is);
    if (rc != RS_S_OK) {
        solution_release(&sol);
        return rc;
    }
    for (int i = 0; i < res->nlimit; i++) {
        rs_mix_limit *L = &res->limit[i];
        if (L->kind < RS_OL_SPACE || L->kind > RS_OL_BUDGET)
            continue;
        const int kind = L->kind == RS_OL_SPACE ? R_SPACE : L->kind == RS_OL_BUDGET ? R_BUDGET
                                                                                 : R_SPACE_COM;
        double d = 0;
        for (int r = 0; r < P->nrow; r++)
            if (P->row[r].kind == kind && P->row[r].com == L->com)
                d += sol.dual[r];
        L->shadow = d == 0 ? 0 : d;
    }
    solution_release(&sol);
    return RS_S_OK;
}

/* ------------------------------------------------------------ the run */

/* P for s and o: the decisions, columns and links, the record layout. */
static rs_status problem_setup(problem *P, const rs_scenario *s, const rs_mix_opts *o,
                               rs_mix_issue *is)
{
    memset(P, 0, sizeof *P);
    P->s = s;
    P->M = rs_scenario_months(s);
    P->Y = P->M / 12;
    if (s->stab_year >= 1 && s->stab_year <= P->Y) {
        P->sy = s->stab_year;
    } else {   /* a scenario built by hand: the year of every lever in */
        rs_scenario all = *s;
        rs_scenario_fix_stabilized(&all);
        P->sy = all.stab_year;
    }
    P->obj = (int)s->opt.v[OP_OBJECTIVE];
    P->K = (int)(o->samples >= 0 ? o->samples : s->opt.v[OP_SAMPLES]);
    P->conf = o->confidence >= 0 ? o->confidence : s->opt.v[OP_CONFIDENCE];
    P->need = P->K > 0 ? (long)ceil(P->conf * P->K - 1e-9) : 0;
    P->Bm = s->opt.set[OP_BUDGET_YEARS] ? 12 * (int)s->opt.v[OP_BUDGET_YEARS] : P->M;
    if (P->Bm > P->M)
        P->Bm = P->M;
    P->has[R_SPACE] = s->opt.set[OP_SPACE];
    P->has[R_BUDGET] = s->opt.set[OP_BUDGET];
    P->has[R_COV] = s->opt.set[OP_MIN_COV];
    P->has[R_COV_EACH] = s->opt.set[OP_MIN_COV_EACH];
    P->has[R_FUND] = s->opt.v[OP_FUND_NONNEG] != 0;
    P->has[R_DSCR] = s->opt.set[OP_MIN_DSCR];
    for (int c = 0; c < s->ncom; c++)
        P->has[R_SPACE_COM] |= s->com[c].set[CM_SPACE];
    P->need_fund = P->has[R_FUND] || P->obj == RS_OBJ_FUND_END || P->obj == RS_OBJ_FUND_MIN;
    rs_status rc;
    if ((rc = problem_levers(P, s, is)) != RS_S_OK || (rc = problem_columns(P)) != RS_S_OK)
        return rc;
    if (problem_links(P))
        return RS_S_NOMEM;
    record_layout(P);
    return RS_S_OK;
}

rs_status rs_mix_run(const rs_scenario *s, const rs_mix_opts *o, rs_mix_result **out,
                     rs_mix_issue *is)
{
    problem P;
    work W;
    solution best;
    rs_mc_sampler *sm = NULL;
    rs_mix_result *res = NULL;
    double *sz = NULL;
    int have_work = 0, have_sol = 0;
    rs_status rc;
    memset(is, 0, sizeof *is);
    is->param = -1;
    *out = NULL;
    rs_init();

    if ((rc = problem_setup(&P, s, o, is)) != RS_S_OK)
        goto out;
    rc = RS_S_NOMEM;
    if (work_init(&W, &P))
        goto out;
    have_work = 1;
    if (P.K > 0) {   /* the samples' rows: a pass (spread by a runner) */
        if ((rc = rs_mc_sampler_alloc(s, o->seed, &sm)) != RS_S_OK)
            goto out;
        rs_mix_job jb;
        job_init(&jb, PASS_SAMPLE, &P, sm, o);
        jb.W = &W;
        if ((rc = job_run(&jb, is)) != RS_S_OK)
            goto out;
    } else {         /* the base case's */
        double *rec = malloc(P.at.n * sizeof *rec);
        if (!rec)
            goto out;
        sample_record(&P, &W, s, rec);
        const int bad = emit_run(&P, rec, 0);
        free(rec);
        if (bad)
            goto out;
    }
    rc = RS_S_NOMEM;
    if (solution_init(&best, &P))
        goto out;
    have_sol = 1;
    unsigned soft = 0;
    for (int k = R_COV; k <= R_DSCR; k++)
        soft |= (unsigned)P.has[k] << k;
    spec q = {soft, G_MAIN, 0, 0, NULL, NULL, o->time_limit, 0};
    if ((rc = solve(&P, &q, o, &best, is)) != RS_S_OK)
        goto out;
    if (best.status == SOL_INFEAS) {
        rc = diagnose(&P, o, is);
        goto out;
    }
    if (best.status == SOL_NONE) {
        issue_set(is, NULL, -1, "no mix that meets the limits was found within the time limit "
                  "of %g s", o->time_limit);
        rc = RS_S_INPUT;
        goto out;
    }
    /* whole sizes; the binaries as GLPK found them */
    rc = RS_S_NOMEM;
    if (!(sz = malloc((size_t)P.J * sizeof *sz)) || !(res = calloc(1, sizeof *res)) ||
        !(res->choice = calloc((size_t)P.J, sizeof *res->choice)))
        goto out;
    for (int c = 1; c <= P.ncol; c++)
        best.x[c] = round(best.x[c]);
    for (int k = 0; k < P.K; k++)
        best.z[k] = round(best.z[k]);
    for (int j = 0; j < P.J; j++) {
        sz[j] = best.x[P.d[j].col];
        if (sz[j] < P.d[j].lo || sz[j] > P.d[j].hi) {
            issue_set(is, NULL, -1, "internal: GLPK chose size %g outside %g..%g", sz[j],
                      P.d[j].lo, P.d[j].hi);
            rc = RS_S_NUMERIC;
            goto out;
        }
    }
    res->objective = P.obj;
    res->samples = P.K;
    res->fresh = P.K > 0 ? (o->fresh > 0 ? o->fresh : 0) : 0;
    res->confidence = P.conf;
    res->share = res->fresh_share = NAN;
    res->stab_year = P.sy;
    res->time_limited = best.status == SOL_FEAS;
    res->gap = best.gap;
    res->seconds = best.seconds;
    res->nodes = best.nodes;
    if (limits_init(res, &P))
        goto out;
    if ((rc = evaluate(&P, sm, o, sz, best.obj, res, is)) != RS_S_OK ||
        (rc = shadow_prices(&P, o, &best, res, is)) != RS_S_OK)
        goto out;
    for (int j = 0; j < P.J; j++) {
        const dec *d = &P.d[j];
        rs_mix_choice *ch = &res->choice[res->nchoice++];
        ch->lever = d->lever;
        ch->sized = d->sized;
        ch->size = sz[j];
        ch->size_min = d->lo;
        ch->size_max = d->hi;
        ch->space_m2 = d->sized ? sz[j] * s->lev[d->lever].v[LV_SPACE_UNIT] : 0;
        for (int l = 0; l < res->r->nlev; l++)
            if (res->r_lever[l] == d->lever) {
                ch->capex = res->r->lev_metric[(size_t)l * LM_N + LM_CAPEX_TOTAL];
                ch->npv = res->r->lev_metric[(size_t)l * LM_N + LM_NPV];
            }
    }
    *out = res;
    res = NULL;
    rc = RS_S_OK;
out:
    if (rc == RS_S_NOMEM && !is->why[0])
        issue_set(is, NULL, -1, "out of memory");
    rs_mix_result_free(res);
    free(sz);
    if (have_sol)
        solution_release(&best);
    if (have_work)
        work_release(&W);
    rs_mc_sampler_free(sm);
    problem_release(&P);
    glp_free_env();
    return rc;
}
