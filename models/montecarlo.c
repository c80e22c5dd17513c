/* montecarlo.c: Monte Carlo runs of a scenario, spread over threads in fixed
 * blocks of runs. Each run draws its ranged parameters (each from a random
 * stream of its own), builds the portfolio monthly series from the models'
 * linear forms grouped by ramp (levers with the same ramp table share one
 * monthly pass), and finishes with the same code as the base case
 * (rs_results_finish). Per-run metrics are kept (for exact percentiles);
 * yearly series go into block sums and quantile sketches, so memory grows
 * with runs but never with runs x months. */
#define _POSIX_C_SOURCE 200809L
#include <limits.h>
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
#include "draw.h"
#include "linear.h"
#include "montecarlo.h"
#include "sketch.h"

/* What a slot of linear forms accumulates: levers (gross, net, tax),
 * communities (fee) or per-kWh subsidies (until the slot's end month). */
enum { GROUP_LEVER, GROUP_COMMUNITY, GROUP_SUBSIDY };

/* What every worker shares: the scenario, ramp tables, correlation factor,
 * and the per-run / per-block outputs (each slot written by one worker). */
typedef struct {
    const rs_scenario *s;
    int M, Y;
    long runs, nblocks;
    unsigned long seed;
    const double *table[2][RS_MAX_MONTHS + 1];
    double *tables;
    double *L;          /* nc x nc correlation factor */
    int *cidx, nc;      /* first range of each copula dimension */
    int *in_corr;       /* per range: copula dimension or -1 */
    int *touched, ntouched; /* entities with a ranged value (re-derived each run) */
    double *metrics;    /* runs x MT_N */
    double *bsum, *bcnt;/* nblocks x MC_Y_N x Y */
    double *bcov;       /* nblocks x Y */
    atomic_long next_block, done;
    const rs_mc_opts *opt;
} plan;

/* One worker's private state: a clone of the scenario whose ranged values
 * it overwrites, and every buffer a run needs. */
typedef struct {
    plan *p;
    rs_scenario copy;
    int cloned;
    rs_results *r;      /* portfolio totals only */
    gsl_rng *rng;
    double *lin;        /* RS_LIN_ARRAYS x Y */
    int cap, nslot, hmask;
    int *key_R, *key_shape, *key_shift, *key_end, *key_group, *hash;
    double *D;          /* cap x 3 x Y: ramp coefficients of each slot */
    double *step;       /* 6 x (M + 2): revenue, net, fee, cost, tax, subsidy */
    double *depd;       /* M + 1: depreciation difference array */
    uint32_t *sketch;   /* MC_Y_N x Y sketches */
    double *z;          /* 2 x nc */
    pthread_t tid;
} worker;

/* ------------------------------------------------------------------ plan */

static int plan_tables(plan *p)
{
    const rs_scenario *s = p->s;
    char (*need)[RS_MAX_MONTHS + 1] = calloc(2, sizeof *need);
    if (!need)
        return -1;
    const rs_seckind kinds[2] = {RS_SEC_COMMUNITY, RS_SEC_LEVER};
    for (int k = 0; k < 2; k++) {
        int n;
        const rs_entity *a = rs_scenario_entities(s, kinds[k], &n);
        for (int i = 0; i < n; i++) {
            const rs_section *sec = a[i].sec;
            if (sec->ramp_param >= 0 && sec->shape_param >= 0)
                need[(int)a[i].v[sec->shape_param]][(int)a[i].v[sec->ramp_param]] = 1;
        }
    }
    for (int i = 0; i < s->nranges; i++) {
        const rs_range *g = &s->ranges[i];
        const rs_section *sec = g->e->sec;
        if (sec->ramp_param < 0 || g->param != sec->ramp_param || sec->shape_param < 0)
            continue;
        int lo = (int)floor(g->low), hi = (int)ceil(g->high);
        /* normal/lognormal draws can leave [low, high]: allow the bounds */
        if (g->dist == RS_DIST_NORMAL || g->dist == RS_DIST_LOGNORMAL) {
            lo = 0;
            hi = RS_MAX_MONTHS;
        }
        for (int R = lo < 0 ? 0 : lo; R <= hi && R <= RS_MAX_MONTHS; R++)
            need[(int)g->e->v[sec->shape_param]][R] = 1;
    }
    size_t count = 0;
    for (int sh = 0; sh < 2; sh++)
        for (int R = 0; R <= RS_MAX_MONTHS; R++)
            count += need[sh][R];
    p->tables = malloc((count ? count : 1) * (size_t)(p->M + 1) * sizeof(double));
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

/* The entities whose values a run draws and that derive defaults from
 * them: the index of the first range of each (its entity is re-derived
 * after every draw; nothing else is). */
static int plan_touched(plan *p)
{
    const rs_scenario *s = p->s;
    p->touched = malloc((size_t)(s->nranges ? s->nranges : 1) * sizeof *p->touched);
    if (!p->touched)
        return -1;
    p->ntouched = 0;
    for (int i = 0; i < s->nranges; i++) {
        const rs_entity *e = s->ranges[i].e;
        int dup = 0;
        for (int j = 0; j < i && !dup; j++)
            dup = s->ranges[j].e == e;
        if (!dup && e->sec->derive)
            p->touched[p->ntouched++] = i;   /* the first range of each entity */
    }
    return 0;
}

/* What drawing a run needs: the correlation factor, each range's copula
 * dimension, the entities to re-derive. RS_S_OK, RS_S_NOT_PD or RS_S_NOMEM. */
static rs_status plan_draws(plan *p)
{
    const rs_scenario *s = p->s;
    rs_status rc = rs_corr_factor(s, &p->nc, &p->L, &p->cidx);
    if (rc != RS_S_OK)
        return rc;
    p->in_corr = malloc((size_t)(s->nranges ? s->nranges : 1) * sizeof(int));
    if (!p->in_corr || plan_touched(p) != 0)
        return RS_S_NOMEM;
    for (int i = 0; i < s->nranges; i++) {   /* a range's dimension is its stream's */
        p->in_corr[i] = -1;
        for (int d = 0; d < p->nc; d++)
            if (s->ranges[p->cidx[d]].stream == s->ranges[i].stream)
                p->in_corr[i] = d;
    }
    return RS_S_OK;
}

/* ---------------------------------------------------------------- worker */

static void worker_release(worker *w)
{
    if (w->cloned)
        rs_scenario_release(&w->copy);
    rs_results_free(w->r);
    gsl_rng_free(w->rng);
    free(w->lin);
    free(w->key_R);
    free(w->key_shape);
    free(w->key_shift);
    free(w->key_end);
    free(w->key_group);
    free(w->hash);
    free(w->D);
    free(w->step);
    free(w->depd);
    free(w->sketch);
    free(w->z);
}

static int worker_init(worker *w, plan *p)
{
    const rs_scenario *s = p->s;
    const int Y = p->Y, M = p->M;
    memset(w, 0, sizeof *w);
    w->p = p;
    if (rs_scenario_clone(&w->copy, s) != RS_S_OK)
        return -1;
    w->cloned = 1;
    w->cap = 2 * (s->ncom + s->nlev) + 1;
    int hsize = 1;
    while (hsize < 2 * w->cap)
        hsize <<= 1;
    w->hmask = hsize - 1;
    w->key_R = malloc((size_t)w->cap * sizeof(int));
    w->key_shape = malloc((size_t)w->cap * sizeof(int));
    w->key_shift = malloc((size_t)w->cap * sizeof(int));
    w->key_end = malloc((size_t)w->cap * sizeof(int));
    w->key_group = malloc((size_t)w->cap * sizeof(int));
    w->hash = malloc((size_t)hsize * sizeof(int));
    w->D = malloc((size_t)w->cap * 3 * Y * sizeof(double));
    w->step = malloc(6 * (size_t)(M + 2) * sizeof(double));
    w->depd = malloc((size_t)(M + 1) * sizeof(double));
    w->lin = malloc((size_t)RS_LIN_ARRAYS * Y * sizeof(double));
    w->sketch = calloc((size_t)MC_Y_N * Y * rs_sketch_size(), sizeof(uint32_t));
    w->z = malloc((size_t)(2 * p->nc + 1) * sizeof(double));
    w->r = rs_results_alloc_shape(M, 0, 0);
    w->rng = gsl_rng_alloc(rs_rng_stream);
    if (!w->key_R || !w->key_shape || !w->key_shift || !w->key_end || !w->key_group ||
        !w->hash || !w->D || !w->step || !w->depd || !w->lin || !w->sketch || !w->z || !w->r ||
        !w->rng) {
        worker_release(w);
        return -1;
    }
    for (int i = 0; i < hsize; i++)
        w->hash[i] = -1;
    return 0;
}

static double *range_target(rs_scenario *s, const rs_range *g)
{
    return g->step >= 0 ? &s->step[g->step].value : &g->e->v[g->param];
}

/* Draw every ranged parameter of run `run` into the worker's copy: each
 * from its own stream; correlated ones through the copula, from the
 * normals of their dimensions' streams. */
static void draw_run(worker *w, long run)
{
    plan *p = w->p;
    rs_scenario *c = &w->copy;
    double *n = w->z, *u = w->z + p->nc;
    for (int i = 0; i < p->nc; i++) {
        rs_stream_start(w->rng, p->seed, run, c->ranges[p->cidx[i]].stream);
        n[i] = gsl_ran_ugaussian(w->rng);
    }
    for (int i = 0; i < p->nc; i++) {   /* correlated normals: L n, then uniforms */
        double acc = 0.0;
        for (int j = 0; j < p->nc; j++)
            acc += p->L[i * p->nc + j] * n[j];
        u[i] = gsl_cdf_ugaussian_P(acc);
        if (u[i] < 1e-15) u[i] = 1e-15;
        if (u[i] > 1 - 1e-15) u[i] = 1 - 1e-15;
    }
    for (int i = 0; i < c->nranges; i++) {
        rs_range *g = &c->ranges[i];
        int d = p->in_corr[i];
        double x;
        if (d >= 0) {
            x = rs_draw_quantile(g, u[d]);
        } else {
            rs_stream_start(w->rng, p->seed, run, g->stream);
            x = rs_draw(g, w->rng);
        }
        *range_target(c, g) = rs_draw_clamp(g, x);
    }
    for (int i = 0; i < p->ntouched; i++) {   /* derived defaults follow drawn sources */
        rs_entity *e = c->ranges[p->touched[i]].e;
        e->sec->derive(e);
    }
}

/* Slot of ramp key (R, shape, shift, end, group), created on first use. */
static int slot_of(worker *w, const rs_lin *lin, int end, int group)
{
    unsigned h = (unsigned)lin->R * 2654435761u ^ (unsigned)lin->shift * 40503u ^
                 (unsigned)(lin->shape * 3 + group) * 97u ^ (unsigned)end * 2246822519u;
    for (int i = (int)(h & (unsigned)w->hmask);; i = (i + 1) & w->hmask) {
        int k = w->hash[i];
        if (k < 0) {
            k = w->nslot++;
            w->hash[i] = k;
            w->key_R[k] = lin->R;
            w->key_shape[k] = lin->shape;
            w->key_shift[k] = lin->shift;
            w->key_end[k] = end;
            w->key_group[k] = group;
            memset(w->D + (size_t)k * 3 * w->p->Y, 0, 3 * (size_t)w->p->Y * sizeof(double));
            return k;
        }
        if (w->key_R[k] == lin->R && w->key_shift[k] == lin->shift &&
            w->key_shape[k] == lin->shape && w->key_group[k] == group && w->key_end[k] == end)
            return k;
    }
}

/* Add the constant part c[y] to months max(s, first month of y) ..
 * min(end, last month of y). */
static void add_steps(double *step, const double *c, int s, int end, int Y)
{
    for (int y = (s - 1) / 12; y < Y; y++) {
        int from = 12 * y + 1 > s ? 12 * y + 1 : s, to = 12 * y + 12 < end ? 12 * y + 12 : end;
        if (to < from)
            break;
        step[from] += c[y];
        step[to + 1] -= c[y];
    }
}

/* Build the portfolio's monthly totals for the drawn values. */
static void build_run(worker *w)
{
    plan *p = w->p;
    const int M = p->M, Y = p->Y;
    rs_results *r = w->r;
    const rs_scenario *c = &w->copy;
    double *st_rev = w->step, *st_net = st_rev + M + 2, *st_fee = st_net + M + 2,
           *st_cost = st_fee + M + 2, *st_tax = st_cost + M + 2, *st_sub = st_tax + M + 2;
    const int income_tax = c->scen.v[SC_INCOME_TAX] > 0;
    rs_lin lin;
    rs_lin_arrays(&lin, w->lin, Y);

    for (int i = 0; i <= w->hmask; i++)   /* forget the last run's keys */
        w->hash[i] = -1;
    w->nslot = 0;
    memset(w->step, 0, 6 * (size_t)(M + 2) * sizeof(double));
    memset(r->capex, 0, (size_t)M * sizeof(double));
    memset(r->subsidy, 0, (size_t)M * sizeof(double));
    if (income_tax)
        memset(w->depd, 0, (size_t)(M + 1) * sizeof(double));

    for (int i = 0; i < c->ncom; i++) {
        const rs_entity *e = &c->com[i];
        e->sec->linear(e, Y, &lin);
        int k = slot_of(w, &lin, M, GROUP_COMMUNITY);
        double *dg = w->D + (size_t)k * 3 * Y;
        for (int y = 0; y < Y; y++)
            dg[y] += lin.rg[y];
        add_steps(st_fee, lin.cg, 1, M, Y);
        add_steps(st_cost, lin.cn, 1, M, Y);
    }
    for (int l = 0; l < c->nlev; l++) {
        const rs_entity *e = &c->lev[l];
        e->sec->linear(e, Y, &lin);
        if (lin.s > M)
            continue;
        rs_lin_capex(&lin, M, r->capex, income_tax ? w->depd : NULL);
        if (lin.subsidy != 0.0 && lin.sub_month >= 1 && lin.sub_month <= M)
            r->subsidy[lin.sub_month - 1] += lin.subsidy;
        if (lin.o > M)
            continue;
        int k = slot_of(w, &lin, M, GROUP_LEVER);
        double *dg = w->D + (size_t)k * 3 * Y, *dn = dg + Y, *dt = dn + Y;
        for (int y = 0; y < Y; y++) {
            dg[y] += lin.rg[y];
            dn[y] += lin.rn[y];
            dt[y] += lin.rt[y];
        }
        add_steps(st_rev, lin.cg, lin.o, M, Y);
        add_steps(st_net, lin.cn, lin.o, M, Y);
        add_steps(st_tax, lin.ct, lin.o, M, Y);
        if (lin.sub_end >= lin.o) {
            const int end = lin.sub_end < M ? lin.sub_end : M;
            int ks = slot_of(w, &lin, end, GROUP_SUBSIDY);
            double *ds = w->D + (size_t)ks * 3 * Y;
            for (int y = 0; y < Y; y++)
                ds[y] += lin.rs[y];
            add_steps(st_sub, lin.cs, lin.o, end, Y);
        }
    }

    double a_rev = 0, a_net = 0, a_fee = 0, a_cost = 0, a_tax = 0, a_sub = 0, a_dep = 0;
    for (int m = 1; m <= M; m++) {
        a_rev += st_rev[m];
        a_net += st_net[m];
        a_fee += st_fee[m];
        a_cost += st_cost[m];
        a_tax += st_tax[m];
        a_sub += st_sub[m];
        r->revenue[m - 1] = a_rev;
        r->net[m - 1] = a_net;
        r->fee[m - 1] = a_fee;
        r->cost[m - 1] = a_cost;
        r->tax[m - 1] = a_tax;
        r->subsidy[m - 1] += a_sub;
        if (income_tax)
            r->dep[m - 1] = (a_dep += w->depd[m - 1]);
    }
    for (int k = 0; k < w->nslot; k++) {
        const double *T = p->table[w->key_shape[k]][w->key_R[k]];
        const int shift = w->key_shift[k], end = w->key_end[k];
        const double *dg = w->D + (size_t)k * 3 * Y, *dn = dg + Y, *dt = dn + Y;
        const int from = shift + 1 > 1 ? shift + 1 : 1;
        switch (w->key_group[k]) {
        case GROUP_COMMUNITY:
            for (int m = from; m <= M; m++)
                r->fee[m - 1] += dg[(m - 1) / 12] * T[m - shift];
            break;
        case GROUP_SUBSIDY:
            for (int m = from; m <= end; m++)
                r->subsidy[m - 1] += dg[(m - 1) / 12] * T[m - shift];
            break;
        default:
            for (int m = from; m <= M; m++) {
                const double t = T[m - shift];
                r->revenue[m - 1] += dg[(m - 1) / 12] * t;
                r->net[m - 1] += dn[(m - 1) / 12] * t;
                r->tax[m - 1] += dt[(m - 1) / 12] * t;
            }
        }
    }
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
            build_run(w);
            rs_results_finish(&w->copy, w->r);
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

/* mean, p10, p50, p90 of column k of the runs x MT_N matrix. "Never"
 * metrics (payback, first covered year) count an empty run as +infinity:
 * a percentile that lands there is empty, and so is the mean. Other empty
 * values (IRR, coverage without deficit) are left out. Probabilities get
 * their mean only. */
static void metric_stats(const double *met, long runs, int k, double *tmp, double out[MC_NSTAT])
{
    const int never = (rs_metrics[k].flags & RS_MF_NEVER) != 0;
    size_t n = 0;
    for (long i = 0; i < runs; i++) {
        double v = met[(size_t)i * MT_N + k];
        if (isnan(v) && never)
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
    if (rs_metrics[k].unit == RS_U_PROB)
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

rs_status rs_mc_run(const rs_scenario *s, const rs_mc_opts *opt, rs_mc_results **out)
{
    plan p;
    memset(&p, 0, sizeof p);
    worker *ws = NULL;
    rs_mc_results *mc = NULL;
    double *tmp = NULL;
    int nw = opt->threads > 0 ? opt->threads : 1, started = 0;
    rs_status rc = RS_S_NOMEM;
    *out = NULL;
    rs_init();

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

    rs_status crc = plan_draws(&p);
    if (crc != RS_S_OK) {
        rc = crc;
        goto out;
    }
    p.metrics = malloc((size_t)p.runs * MT_N * sizeof(double));
    p.bsum = calloc((size_t)p.nblocks * MC_Y_N * p.Y, sizeof(double));
    p.bcnt = calloc((size_t)p.nblocks * MC_Y_N * p.Y, sizeof(double));
    p.bcov = calloc((size_t)p.nblocks * p.Y, sizeof(double));
    mc = calloc(1, sizeof *mc);
    ws = calloc((size_t)nw, sizeof *ws);
    if (!p.metrics || !p.bsum || !p.bcnt || !p.bcov || !mc || !ws || plan_tables(&p) != 0)
        goto out;
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
    rc = RS_S_OK;
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
    free(p.touched);
    free(p.metrics);
    free(p.bsum);
    free(p.bcnt);
    free(p.bcov);
    return rc;
}

/* -------------------------------------------------------------- sampler */

/* A plan that only draws, and one worker that holds the drawn copy. */
struct rs_mc_sampler {
    plan p;
    worker w;
};

rs_status rs_mc_sampler_alloc(const rs_scenario *s, unsigned long seed, rs_mc_sampler **out)
{
    *out = NULL;
    rs_init();
    rs_mc_sampler *sm = calloc(1, sizeof *sm);
    if (!sm)
        return RS_S_NOMEM;
    sm->p.s = s;
    sm->p.seed = seed;
    sm->w.p = &sm->p;
    rs_status rc = plan_draws(&sm->p);
    if (rc == RS_S_OK) {
        rc = RS_S_NOMEM;
        if (rs_scenario_clone(&sm->w.copy, s) == RS_S_OK) {
            sm->w.cloned = 1;
            sm->w.rng = gsl_rng_alloc(rs_rng_stream);
            sm->w.z = malloc((size_t)(2 * sm->p.nc + 1) * sizeof(double));
            if (sm->w.rng && sm->w.z)
                rc = RS_S_OK;
        }
    }
    if (rc != RS_S_OK) {
        rs_mc_sampler_free(sm);
        return rc;
    }
    *out = sm;
    return RS_S_OK;
}

rs_scenario *rs_mc_sample(rs_mc_sampler *sm, long run)
{
    draw_run(&sm->w, run);
    return &sm->w.copy;
}

void rs_mc_sampler_free(rs_mc_sampler *sm)
{
    if (!sm)
        return;
    worker_release(&sm->w);
    free(sm->p.L);
    free(sm->p.cidx);
    free(sm->p.in_corr);
    free(sm->p.touched);
    free(sm);
}
