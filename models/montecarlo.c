/* montecarlo.c: Monte Carlo runs of a scenario, spread over threads in fixed
 * blocks of runs. Each run draws its ranged parameters, builds the portfolio
 * monthly series from the models' linear forms grouped by ramp (levers with
 * the same ramp table share one monthly pass), and finishes with the same
 * code as the base case (rs_results_finish). Per-run metrics are kept (for
 * exact percentiles); yearly series go into block sums and quantile
 * sketches, so memory grows with runs but never with runs x months. */
#define _POSIX_C_SOURCE 200809L
#include <math.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <gsl/gsl_cdf.h>
#include <gsl/gsl_randist.h>
#include <gsl/gsl_rng.h>
#include <gsl/gsl_sort.h>
#include <gsl/gsl_statistics_double.h>
#include "analysis.h"
#include "draw.h"
#include "linear.h"
#include "montecarlo.h"
#include "sketch.h"

enum { GROUP_LEVER, GROUP_COMMUNITY };

/* What every worker shares: the scenario, ramp tables, correlation factor,
 * and the per-run / per-block outputs (each slot written by one worker). */
typedef struct {
    const rs_scenario *s;
    int M, Y;
    long runs, nblocks;
    unsigned long seed;
    const double *table[2][RS_MAX_MONTHS + 1];
    double *tables;
    double *L;          /* nc x nc lower Cholesky factor */
    int *cidx, nc;      /* range index of each copula dimension */
    int *in_corr;       /* per range: copula dimension or -1 */
    double *metrics;    /* runs x MT_N */
    double *bsum, *bcnt;/* nblocks x MC_Y_N x Y */
    double *bcov;       /* nblocks x Y */
    atomic_long next_block, done;
    const rs_mc_opts *opt;
} plan;

/* One worker's private state: a copy of the scenario's entities whose ranged
 * values it overwrites, and every buffer a run needs. */
typedef struct {
    plan *p;
    rs_scenario copy;
    rs_range *ranges;   /* the scenario's ranges, pointing into copy */
    rs_results *r;      /* portfolio totals only */
    gsl_rng *rng;
    double *lin;        /* 4 x Y */
    int cap, nslot, hmask;
    int *key_R, *key_shape, *key_shift, *key_group, *hash;
    double *Dg, *Dn;    /* cap x Y */
    double *step;       /* 4 x (M + 2): revenue, net, fee, cost */
    uint32_t *sketch;   /* MC_Y_N x Y sketches */
    double *z;          /* 2 x nc */
    pthread_t tid;
} worker;

/* taus2's state (GSL rng/taus.c): three 32-bit words with s1 >= 2, s2 >= 8,
 * s3 >= 16. gsl_rng_set takes only a 32-bit seed, and 2^32 seeds collide
 * within ~10^5 runs (birthday bound), so each run's state is filled with 96
 * bits of splitmix64 instead, then warmed up by 6 draws as taus2_set does.
 * The layout is checked against gsl_rng_set in the tests. */
typedef struct {
    unsigned long s1, s2, s3;
} taus_state;

static uint64_t splitmix64(uint64_t *x)
{
    uint64_t z = (*x += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
}

void rs_mc_seed_run(gsl_rng *rng, unsigned long seed, long run)
{
    uint64_t x = (uint64_t)seed * 0xD1B54A32D192ED03ull ^ (uint64_t)run;
    uint64_t a = splitmix64(&x), b = splitmix64(&x);
    taus_state *st = gsl_rng_state(rng);
    st->s1 = (unsigned long)(a & 0xffffffffu);
    st->s2 = (unsigned long)(a >> 32);
    st->s3 = (unsigned long)(b & 0xffffffffu);
    if (st->s1 < 2) st->s1 += 2;
    if (st->s2 < 8) st->s2 += 8;
    if (st->s3 < 16) st->s3 += 16;
    for (int i = 0; i < 6; i++)
        gsl_rng_get(rng);
}

/* ------------------------------------------------------------------ plan */

static void mark_ramp(char (*need)[RS_MAX_MONTHS + 1], const rs_entity *e, int shape_idx,
                      int ramp_idx)
{
    need[(int)e->v[shape_idx]][(int)e->v[ramp_idx]] = 1;
}

/* Index of the ramp and shape parameters of a section, or -1. */
static void ramp_params(const rs_section *sec, int *ramp, int *shape)
{
    *ramp = rs_param_find(sec->params, sec->nparams, "ramp_months");
    *shape = rs_param_find(sec->params, sec->nparams, "ramp_shape");
}

static int plan_tables(plan *p)
{
    const rs_scenario *s = p->s;
    char (*need)[RS_MAX_MONTHS + 1] = calloc(2, sizeof *need);
    if (!need)
        return -1;
    int ramp, shape;
    for (int c = 0; c < s->ncom; c++) {
        ramp_params(s->com[c].sec, &ramp, &shape);
        mark_ramp(need, &s->com[c], shape, ramp);
    }
    for (int l = 0; l < s->nlev; l++) {
        ramp_params(s->lev[l].sec, &ramp, &shape);
        mark_ramp(need, &s->lev[l], shape, ramp);
    }
    for (int i = 0; i < s->nranges; i++) {
        const rs_range *g = &s->ranges[i];
        ramp_params(g->e->sec, &ramp, &shape);
        if (g->param != ramp)
            continue;
        int lo = (int)floor(g->low), hi = (int)ceil(g->high);
        /* normal/lognormal draws can leave [low, high]: allow the bounds */
        if (g->dist == RS_DIST_NORMAL || g->dist == RS_DIST_LOGNORMAL) {
            lo = 0;
            hi = RS_MAX_MONTHS;
        }
        for (int R = lo < 0 ? 0 : lo; R <= hi && R <= RS_MAX_MONTHS; R++)
            need[(int)g->e->v[shape]][R] = 1;
    }
    size_t count = 0;
    for (int sh = 0; sh < 2; sh++)
        for (int R = 0; R <= RS_MAX_MONTHS; R++)
            count += need[sh][R];
    p->tables = malloc(count * (size_t)(p->M + 1) * sizeof(double));
    if (!p->tables) {
        free(need);
        return -1;
    }
    double *t = p->tables;
    for (int sh = 0; sh < 2; sh++)
        for (int R = 0; R <= RS_MAX_MONTHS; R++)
            if (need[sh][R]) {
                rs_ramp_table(R, sh, p->M, t);
                p->table[sh][R] = t;
                t += p->M + 1;
            }
    free(need);
    return 0;
}

/* ---------------------------------------------------------------- worker */

static rs_entity *remap(const rs_scenario *from, rs_scenario *to, const rs_entity *e)
{
    if (e == &from->scen) return &to->scen;
    if (e == &from->fund) return &to->fund;
    if (e >= from->com && e < from->com + from->ncom) return to->com + (e - from->com);
    if (e >= from->lev && e < from->lev + from->nlev) return to->lev + (e - from->lev);
    return to->grant + (e - from->grant);
}

static void worker_release(worker *w)
{
    free(w->copy.com);
    free(w->copy.lev);
    free(w->copy.grant);
    free(w->ranges);
    rs_results_free(w->r);
    gsl_rng_free(w->rng);
    free(w->lin);
    free(w->key_R);
    free(w->key_shape);
    free(w->key_shift);
    free(w->key_group);
    free(w->hash);
    free(w->Dg);
    free(w->Dn);
    free(w->step);
    free(w->sketch);
    free(w->z);
}

static int worker_init(worker *w, plan *p)
{
    const rs_scenario *s = p->s;
    const int Y = p->Y, M = p->M;
    memset(w, 0, sizeof *w);
    w->p = p;
    w->copy = *s;
    w->copy.com = malloc((size_t)(s->ncom ? s->ncom : 1) * sizeof(rs_entity));
    w->copy.lev = malloc((size_t)(s->nlev ? s->nlev : 1) * sizeof(rs_entity));
    w->copy.grant = malloc((size_t)(s->ngrant ? s->ngrant : 1) * sizeof(rs_entity));
    w->ranges = malloc((size_t)(s->nranges ? s->nranges : 1) * sizeof(rs_range));
    w->cap = s->ncom + s->nlev + 1;
    int hsize = 1;
    while (hsize < 2 * w->cap)
        hsize <<= 1;
    w->hmask = hsize - 1;
    w->key_R = malloc((size_t)w->cap * sizeof(int));
    w->key_shape = malloc((size_t)w->cap * sizeof(int));
    w->key_shift = malloc((size_t)w->cap * sizeof(int));
    w->key_group = malloc((size_t)w->cap * sizeof(int));
    w->hash = malloc((size_t)hsize * sizeof(int));
    w->Dg = malloc((size_t)w->cap * Y * sizeof(double));
    w->Dn = malloc((size_t)w->cap * Y * sizeof(double));
    w->step = malloc(4 * (size_t)(M + 2) * sizeof(double));
    w->lin = malloc(4 * (size_t)Y * sizeof(double));
    w->sketch = calloc((size_t)MC_Y_N * Y * rs_sketch_size(), sizeof(uint32_t));
    w->z = malloc((size_t)(2 * p->nc + 1) * sizeof(double));
    w->r = rs_results_alloc_shape(M, 0, 0);
    w->rng = gsl_rng_taus2->size == sizeof(taus_state) ? gsl_rng_alloc(gsl_rng_taus2) : NULL;
    if (!w->copy.com || !w->copy.lev || !w->copy.grant || !w->ranges || !w->key_R ||
        !w->key_shape || !w->key_shift || !w->key_group || !w->hash || !w->Dg || !w->Dn ||
        !w->step || !w->lin || !w->sketch || !w->z || !w->r || !w->rng) {
        worker_release(w);
        return -1;
    }
    memcpy(w->copy.com, s->com, (size_t)s->ncom * sizeof(rs_entity));
    memcpy(w->copy.lev, s->lev, (size_t)s->nlev * sizeof(rs_entity));
    memcpy(w->copy.grant, s->grant, (size_t)s->ngrant * sizeof(rs_entity));
    for (int i = 0; i < s->nranges; i++) {
        w->ranges[i] = s->ranges[i];
        w->ranges[i].e = remap(s, &w->copy, s->ranges[i].e);
    }
    w->copy.ranges = w->ranges;
    for (int i = 0; i < hsize; i++)
        w->hash[i] = -1;
    return 0;
}

/* Draw every ranged parameter of run `run` into the worker's copy. */
static void draw_run(worker *w, long run)
{
    plan *p = w->p;
    rs_mc_seed_run(w->rng, p->seed, run);
    double *n = w->z, *u = w->z + p->nc;
    for (int i = 0; i < p->nc; i++)
        n[i] = gsl_ran_ugaussian(w->rng);
    for (int i = 0; i < p->nc; i++) {   /* correlated normals: L n, then uniforms */
        double acc = 0.0;
        for (int j = 0; j <= i; j++)
            acc += p->L[i * p->nc + j] * n[j];
        u[i] = gsl_cdf_ugaussian_P(acc);
        if (u[i] < 1e-15) u[i] = 1e-15;
        if (u[i] > 1 - 1e-15) u[i] = 1 - 1e-15;
    }
    for (int i = 0; i < w->copy.nranges; i++) {
        rs_range *g = &w->ranges[i];
        int c = p->in_corr[i];
        double x = c < 0 ? rs_draw(g, w->rng) : rs_draw_quantile(g, u[c]);
        g->e->v[g->param] = rs_draw_clamp(g, x);
    }
    rs_scenario_refresh(&w->copy);   /* derived defaults follow drawn sources */
}

/* Slot of ramp key (R, shape, shift, group), created on first use. */
static int slot_of(worker *w, const rs_lin *lin, int group)
{
    unsigned h = (unsigned)lin->R * 2654435761u ^ (unsigned)lin->shift * 40503u ^
                 (unsigned)(lin->shape * 2 + group) * 97u;
    for (int i = (int)(h & (unsigned)w->hmask);; i = (i + 1) & w->hmask) {
        int k = w->hash[i];
        if (k < 0) {
            k = w->nslot++;
            w->hash[i] = k;
            w->key_R[k] = lin->R;
            w->key_shape[k] = lin->shape;
            w->key_shift[k] = lin->shift;
            w->key_group[k] = group;
            memset(w->Dg + (size_t)k * w->p->Y, 0, (size_t)w->p->Y * sizeof(double));
            memset(w->Dn + (size_t)k * w->p->Y, 0, (size_t)w->p->Y * sizeof(double));
            return k;
        }
        if (w->key_R[k] == lin->R && w->key_shift[k] == lin->shift &&
            w->key_shape[k] == lin->shape && w->key_group[k] == group)
            return k;
    }
}

/* Add the constant part c[y] to months max(s, first month of y) .. end of y. */
static void add_steps(double *step, const double *c, int s, int Y)
{
    for (int y = (s - 1) / 12; y < Y; y++) {
        int from = 12 * y + 1 > s ? 12 * y + 1 : s;
        step[from] += c[y];
        step[12 * y + 13] -= c[y];
    }
}

/* Build the portfolio's monthly totals for the drawn values; returns the
 * latest completion month. */
static int build_run(worker *w)
{
    plan *p = w->p;
    const int M = p->M, Y = p->Y;
    rs_results *r = w->r;
    double *st_rev = w->step, *st_net = st_rev + M + 2, *st_fee = st_net + M + 2,
           *st_cost = st_fee + M + 2;
    rs_lin lin;
    lin.cg = w->lin;
    lin.rg = lin.cg + Y;
    lin.cn = lin.rg + Y;
    lin.rn = lin.cn + Y;
    int last = 1;

    for (int i = 0; i <= w->hmask; i++)   /* forget the last run's keys */
        w->hash[i] = -1;
    w->nslot = 0;
    memset(w->step, 0, 4 * (size_t)(M + 2) * sizeof(double));
    memset(r->capex, 0, (size_t)M * sizeof(double));

    for (int c = 0; c < w->copy.ncom; c++) {
        const rs_entity *e = &w->copy.com[c];
        e->sec->linear(e, Y, &lin);
        int done = rs_lin_completion(&lin);
        last = done > last ? done : last;
        int k = slot_of(w, &lin, GROUP_COMMUNITY);
        double *dg = w->Dg + (size_t)k * Y;
        for (int y = 0; y < Y; y++)
            dg[y] += lin.rg[y];
        add_steps(st_fee, lin.cg, 1, Y);
        add_steps(st_cost, lin.cn, 1, Y);
    }
    for (int l = 0; l < w->copy.nlev; l++) {
        const rs_entity *e = &w->copy.lev[l];
        e->sec->linear(e, Y, &lin);
        int done = rs_lin_completion(&lin);
        last = done > last ? done : last;
        if (lin.s > M)
            continue;
        int k = slot_of(w, &lin, GROUP_LEVER);
        double *dg = w->Dg + (size_t)k * Y, *dn = w->Dn + (size_t)k * Y;
        for (int y = 0; y < Y; y++) {
            dg[y] += lin.rg[y];
            dn[y] += lin.rn[y];
        }
        add_steps(st_rev, lin.cg, lin.s, Y);
        add_steps(st_net, lin.cn, lin.s, Y);
        for (int m = lin.s; m <= M; m += lin.capex_period > 0 ? lin.capex_period : M + 1)
            r->capex[m - 1] += lin.capex;
    }

    double a_rev = 0, a_net = 0, a_fee = 0, a_cost = 0;
    for (int m = 1; m <= M; m++) {
        a_rev += st_rev[m];
        a_net += st_net[m];
        a_fee += st_fee[m];
        a_cost += st_cost[m];
        r->revenue[m - 1] = a_rev;
        r->net[m - 1] = a_net;
        r->fee[m - 1] = a_fee;
        r->cost[m - 1] = a_cost;
    }
    for (int k = 0; k < w->nslot; k++) {
        const double *T = p->table[w->key_shape[k]][w->key_R[k]];
        const int shift = w->key_shift[k];
        const double *dg = w->Dg + (size_t)k * Y, *dn = w->Dn + (size_t)k * Y;
        const int from = shift + 1 > 1 ? shift + 1 : 1;
        if (w->key_group[k] == GROUP_COMMUNITY) {
            for (int m = from; m <= M; m++)
                r->fee[m - 1] += dg[(m - 1) / 12] * T[m - shift];
        } else {
            for (int m = from; m <= M; m++) {
                const double t = T[m - shift];
                r->revenue[m - 1] += dg[(m - 1) / 12] * t;
                r->net[m - 1] += dn[(m - 1) / 12] * t;
            }
        }
    }
    return last;
}

static void record_run(worker *w, long run, long block)
{
    plan *p = w->p;
    const int Y = p->Y;
    const rs_results *r = w->r;
    memcpy(p->metrics + (size_t)run * MT_N, r->metric, MT_N * sizeof(double));
    double *sum = p->bsum + (size_t)block * MC_Y_N * Y, *cnt = p->bcnt + (size_t)block * MC_Y_N * Y;
    double *cov = p->bcov + (size_t)block * Y;
    const size_t sk = (size_t)rs_sketch_size();
    for (int y = 0; y < Y; y++) {
        const double v[MC_Y_N] = {r->y_revenue[y], r->y_net[y], r->y_coverage[y],
                                  r->y_fund_end[y]};
        for (int k = 0; k < MC_Y_N; k++) {
            if (isnan(v[k]))
                continue;
            sum[k * Y + y] += v[k];
            cnt[k * Y + y] += 1.0;
            rs_sketch_add(w->sketch + ((size_t)k * Y + y) * sk, v[k]);
        }
        cov[y] += rs_is_covered(r->y_net[y], r->y_deficit[y]);
    }
}

static void work(worker *w, int reporter)
{
    plan *p = w->p;
    for (;;) {
        long b = atomic_fetch_add(&p->next_block, 1);
        if (b >= p->nblocks)
            break;
        long end = (b + 1) * RS_MC_BLOCK < p->runs ? (b + 1) * RS_MC_BLOCK : p->runs;
        for (long run = b * RS_MC_BLOCK; run < end; run++) {
            draw_run(w, run);
            int last = build_run(w);
            rs_results_finish(&w->copy, w->r, last);
            record_run(w, run, b);
        }
        long done = atomic_fetch_add(&p->done, end - b * RS_MC_BLOCK) + (end - b * RS_MC_BLOCK);
        if (reporter && p->opt->progress)
            p->opt->progress(done, p->runs, p->opt->progress_ctx);
    }
}

static void *thread_main(void *arg)
{
    work(arg, 0);
    return NULL;
}

/* ------------------------------------------------------------ statistics */

enum { KIND_PLAIN, KIND_NEVER, KIND_PROB };

static int metric_kind(int k)
{
    switch (k) {
    case MT_PAYBACK: case MT_DPAYBACK: case MT_FIRST_COVERED: return KIND_NEVER;
    case MT_P_COVERED_STAB: case MT_P_FUND_NONNEG: return KIND_PROB;
    default: return KIND_PLAIN;
    }
}

/* mean, p10, p50, p90 of column k of the runs x MT_N matrix. "Never"
 * metrics (payback, first covered year) count an empty run as +infinity:
 * a percentile that lands there is empty, and so is the mean. Other empty
 * values (IRR, coverage without deficit) are left out. */
static void metric_stats(const double *met, long runs, int k, double *tmp, double out[MC_NSTAT])
{
    const int kind = metric_kind(k);
    size_t n = 0;
    for (long i = 0; i < runs; i++) {
        double v = met[(size_t)i * MT_N + k];
        if (isnan(v) && kind == KIND_NEVER)
            v = INFINITY;
        if (!isnan(v))
            tmp[n++] = v;
    }
    for (int q = 0; q < MC_NSTAT; q++)
        out[q] = NAN;
    if (n == 0)
        return;
    double mean = gsl_stats_mean(tmp, 1, n);
    out[MC_MEAN] = isfinite(mean) ? mean : NAN;
    if (kind == KIND_PROB)
        return;
    gsl_sort(tmp, 1, n);
    const double qs[3] = {0.1, 0.5, 0.9};
    for (int q = 0; q < 3; q++) {
        double v = gsl_stats_quantile_from_sorted_data(tmp, 1, n, qs[q]);
        out[MC_P10 + q] = isfinite(v) ? v : NAN;
    }
}

void rs_mc_results_free(rs_mc_results *mc)
{
    if (!mc)
        return;
    free(mc->yearly);
    free(mc->p_covered);
    free(mc->npv);
    free(mc->per_run);
    free(mc);
}

static void aggregate(plan *p, worker *ws, int nw, rs_mc_results *mc, double *tmp)
{
    const int Y = p->Y;
    for (int k = 0; k < MT_N; k++)
        metric_stats(p->metrics, p->runs, k, tmp, mc->metric[k]);
    for (long i = 0; i < p->runs; i++)
        mc->npv[i] = p->metrics[(size_t)i * MT_N + MT_NPV];
    const size_t sk = (size_t)rs_sketch_size();
    for (int w = 1; w < nw; w++)
        for (size_t j = 0; j < (size_t)MC_Y_N * Y; j++)
            rs_sketch_merge(ws[0].sketch + j * sk, ws[w].sketch + j * sk);
    for (int k = 0; k < MC_Y_N; k++)
        for (int y = 0; y < Y; y++) {
            double sum = 0.0, cnt = 0.0;
            for (long b = 0; b < p->nblocks; b++) {   /* block order: deterministic */
                sum += p->bsum[((size_t)b * MC_Y_N + k) * Y + y];
                cnt += p->bcnt[((size_t)b * MC_Y_N + k) * Y + y];
            }
            double *o = mc->yearly + ((size_t)k * Y + y) * MC_NSTAT;
            const uint32_t *sketch = ws[0].sketch + ((size_t)k * Y + y) * sk;
            o[MC_MEAN] = cnt > 0 ? sum / cnt : NAN;
            o[MC_P10] = rs_sketch_quantile(sketch, 0.1);
            o[MC_P50] = rs_sketch_quantile(sketch, 0.5);
            o[MC_P90] = rs_sketch_quantile(sketch, 0.9);
        }
    for (int y = 0; y < Y; y++) {
        double c = 0.0;
        for (long b = 0; b < p->nblocks; b++)
            c += p->bcov[(size_t)b * Y + y];
        mc->p_covered[y] = c / (double)p->runs;
    }
}

int rs_mc_run(const rs_scenario *s, const rs_mc_opts *opt, rs_mc_results **out)
{
    plan p;
    memset(&p, 0, sizeof p);
    worker *ws = NULL;
    rs_mc_results *mc = NULL;
    double *tmp = NULL;
    int nw = opt->threads > 0 ? opt->threads : 1, started = 0, rc = -1;
    *out = NULL;

    p.s = s;
    p.M = rs_scenario_months(s);
    p.Y = p.M / 12;
    p.runs = opt->runs > 0 ? opt->runs : 1;
    p.nblocks = (p.runs + RS_MC_BLOCK - 1) / RS_MC_BLOCK;
    p.seed = opt->seed;
    p.opt = opt;
    if (nw > p.nblocks)
        nw = (int)p.nblocks;
    atomic_init(&p.next_block, 0);
    atomic_init(&p.done, 0);

    int nc = rs_corr_factor(s, &p.L, &p.cidx);
    if (nc == -1) {
        rc = -2;
        goto out;
    }
    if (nc < 0)
        goto out;
    p.nc = nc;
    p.in_corr = malloc((size_t)(s->nranges ? s->nranges : 1) * sizeof(int));
    p.metrics = malloc((size_t)p.runs * MT_N * sizeof(double));
    p.bsum = calloc((size_t)p.nblocks * MC_Y_N * p.Y, sizeof(double));
    p.bcnt = calloc((size_t)p.nblocks * MC_Y_N * p.Y, sizeof(double));
    p.bcov = calloc((size_t)p.nblocks * p.Y, sizeof(double));
    mc = calloc(1, sizeof *mc);
    ws = calloc((size_t)nw, sizeof *ws);
    if (!p.in_corr || !p.metrics || !p.bsum || !p.bcnt || !p.bcov || !mc || !ws ||
        plan_tables(&p) != 0)
        goto out;
    for (int i = 0; i < s->nranges; i++)
        p.in_corr[i] = -1;
    for (int i = 0; i < nc; i++)
        p.in_corr[p.cidx[i]] = i;
    mc->runs = p.runs;
    mc->years = p.Y;
    mc->yearly = malloc((size_t)MC_Y_N * p.Y * MC_NSTAT * sizeof(double));
    mc->p_covered = malloc((size_t)p.Y * sizeof(double));
    mc->npv = malloc((size_t)p.runs * sizeof(double));
    if (!mc->yearly || !mc->p_covered || !mc->npv)
        goto out;

    for (; started < nw; started++)
        if (worker_init(&ws[started], &p) != 0)
            goto out;
    int spawned = 1;
    for (; spawned < nw; spawned++)
        if (pthread_create(&ws[spawned].tid, NULL, thread_main, &ws[spawned]) != 0)
            break;
    work(&ws[0], 1);
    for (int i = 1; i < spawned; i++)
        pthread_join(ws[i].tid, NULL);
    if (opt->progress)   /* the last blocks may have been another thread's */
        opt->progress(p.runs, p.runs, opt->progress_ctx);

    if (!(tmp = malloc((size_t)p.runs * sizeof(double))))
        goto out;
    aggregate(&p, ws, nw, mc, tmp);
    mc->per_run = p.metrics;
    p.metrics = NULL;
    *out = mc;
    mc = NULL;
    rc = 0;
out:
    for (int i = 0; i < started; i++)
        worker_release(&ws[i]);
    free(ws);
    free(tmp);
    rs_mc_results_free(mc);
    free(p.tables);
    free(p.L);
    free(p.cidx);
    free(p.in_corr);
    free(p.metrics);
    free(p.bsum);
    free(p.bcnt);
    free(p.bcov);
    return rc;
}
