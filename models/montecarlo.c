/* montecarlo.c: Monte Carlo runs of a scenario, spread over threads (and,
 * through rs_mc_part, over processes) in fixed blocks of runs. Each run
 * draws its ranged parameters (each from a random stream of its own),
 * builds the portfolio monthly series from the models' linear forms grouped
 * by ramp (levers with the same ramp table share one monthly pass), and
 * finishes with the same code as the base case (rs_results_finish). What a
 * run leaves behind is either indexed by run (the metrics of the first
 * RS_MC_EXACT_RUNS runs, for exact percentiles and the NPV histogram) or a
 * sum that does not depend on the order it is taken in (integer counts,
 * quantile sketches, exact sums), so results are the same for any split of
 * the work, and memory does not grow with runs beyond RS_MC_EXACT_RUNS. */
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
#include "../base/bytes.h"
#include "draw.h"
#include "linear.h"
#include "montecarlo.h"
#include "sketch.h"
#include "xsum.h"

/* What a slot of linear forms accumulates: levers (gross, net, tax),
 * communities (fee) or per-kWh subsidies (until the slot's end month). */
enum { GROUP_LEVER, GROUP_COMMUNITY, GROUP_SUBSIDY };

/* ------------------------------------------------------------------ parts */

/* The results of some blocks of runs (montecarlo.h). Every field is a sum
 * over runs that merging adds up, or rows indexed by run. */
struct rs_mc_part {
    long runs, nblocks, kept;  /* of the whole Monte Carlo; kept: runs whose metrics are rows */
    int years, exact;          /* exact: every run is kept (runs <= the exact limit) */
    long row0, nrows;          /* metrics rows held: runs row0 .. row0 + nrows - 1 */
    double *metrics;           /* nrows x MT_N */
    unsigned char *done;       /* [nblocks]: 1 for each block counted in */
    uint32_t *ysk;             /* MC_Y_N x Y sketches (rs_sketch_yearly) */
    rs_xsum *ysum;             /* MC_Y_N x Y: sums of the yearly values */
    double *ycnt;              /* MC_Y_N x Y: runs with a value */
    double *ycov;              /* Y: runs whose year counts as covered */
    uint32_t *msk;             /* MT_N sketches (rs_sketch_metric); NULL when exact */
    rs_xsum msum[MT_N];        /* metric sums (a "never" counts as +infinity) */
    double mcnt[MT_N];         /* runs with a value of each metric */
    double npv_neg, npv_fin;   /* runs whose NPV is below 0, and is finite */
};

long rs_mc_blocks(long runs) { return runs > 0 ? (runs + RS_MC_BLOCK - 1) / RS_MC_BLOCK : 1; }

/* The end of block b's runs (b * RS_MC_BLOCK .. end - 1) in a Monte Carlo of `runs`. */
static long block_end(long runs, long b)
{
    return (b + 1) * RS_MC_BLOCK < runs ? (b + 1) * RS_MC_BLOCK : runs;
}

void rs_mc_part_free(rs_mc_part *p)
{
    if (!p)
        return;
    free(p->metrics);
    free(p->done);
    free(p->ysk);
    free(p->ysum);
    free(p->ycnt);
    free(p->ycov);
    free(p->msk);
    free(p);
}

/* An empty part of a Monte Carlo of `runs` runs over `years`, holding the
 * metrics rows row0 .. row0 + nrows - 1 (clipped to the kept runs). */
static rs_mc_part *part_alloc(long runs, int years, long exact_max, long row0, long nrows)
{
    rs_mc_part *p = calloc(1, sizeof *p);
    if (!p)
        return NULL;
    p->runs = runs > 0 ? runs : 1;
    p->nblocks = rs_mc_blocks(p->runs);
    p->years = years;
    p->exact = p->runs <= exact_max;
    p->kept = p->exact ? p->runs : exact_max;
    if (row0 > p->kept)
        row0 = p->kept;
    if (nrows > p->kept - row0)
        nrows = p->kept - row0;
    p->row0 = row0;
    p->nrows = nrows > 0 ? nrows : 0;
    const size_t ny = (size_t)MC_Y_N * (size_t)years;
    p->metrics = malloc((size_t)(p->nrows ? p->nrows : 1) * MT_N * sizeof(double));
    p->done = calloc((size_t)p->nblocks, 1);
    p->ysk = calloc(ny * (size_t)rs_sketch_size(&rs_sketch_yearly) + 1, sizeof(uint32_t));
    p->ysum = calloc(ny + 1, sizeof(rs_xsum));
    p->ycnt = calloc(ny + 1, sizeof(double));
    p->ycov = calloc((size_t)years + 1, sizeof(double));
    if (!p->exact)
        p->msk = calloc((size_t)MT_N * (size_t)rs_sketch_size(&rs_sketch_metric), sizeof(uint32_t));
    if (!p->metrics || !p->done || !p->ysk || !p->ysum || !p->ycnt || !p->ycov ||
        (!p->exact && !p->msk)) {
        rs_mc_part_free(p);
        return NULL;
    }
    return p;
}

/* dst += src for everything but the rows and blocks (which the caller
 * handles): counts, sketches and exact sums. */
static void part_add_sums(rs_mc_part *dst, const rs_mc_part *src)
{
    const size_t ny = (size_t)MC_Y_N * (size_t)dst->years;
    const size_t yk = (size_t)rs_sketch_size(&rs_sketch_yearly);
    for (size_t j = 0; j < ny; j++) {
        rs_sketch_merge(&rs_sketch_yearly, dst->ysk + j * yk, src->ysk + j * yk);
        rs_xsum_merge(&dst->ysum[j], &src->ysum[j]);
        dst->ycnt[j] += src->ycnt[j];
    }
    for (int y = 0; y < dst->years; y++)
        dst->ycov[y] += src->ycov[y];
    if (!dst->exact) {
        const size_t mk = (size_t)rs_sketch_size(&rs_sketch_metric);
        for (int k = 0; k < MT_N; k++) {
            rs_sketch_merge(&rs_sketch_metric, dst->msk + k * mk, src->msk + k * mk);
            rs_xsum_merge(&dst->msum[k], &src->msum[k]);
            dst->mcnt[k] += src->mcnt[k];
        }
    }
    dst->npv_neg += src->npv_neg;
    dst->npv_fin += src->npv_fin;
}

/* What every worker shares: the scenario, ramp tables, correlation factor,
 * the blocks to run and the part they fill. */
typedef struct {
    const rs_scenario *s;
    int M, Y;
    long runs, first_block, end_block;
    unsigned long seed;
    const double *table[2][RS_MAX_MONTHS + 1];
    double *tables;
    double *L;          /* nc x nc correlation factor */
    int *lrow, *lcol;   /* its non-zeros by row: columns lcol[lrow[i] .. lrow[i+1]) */
    double *lval;
    int *cidx, nc;      /* first range of each copula dimension */
    int *in_corr;       /* per range: copula dimension or -1 */
    rs_draw_prep *prep; /* per range: its distribution prepared for draws */
    int *touched, ntouched; /* entities with a ranged value (re-derived each run) */
    const rs_lin **com_lin, **lev_lin; /* per community / lever: its linear form when
                                        * no run changes it (worked out once), else NULL */
    rs_lin *lins;       /* those forms, and their coefficient arrays: */
    double *lin_arrays;
    rs_mc_part *part;   /* rows written by the worker of the run's block */
    atomic_long next_block, done;
    const rs_mc_opts *opt;
} plan;

/* One worker's private state: a clone of the scenario whose ranged values
 * it overwrites, every buffer a run needs, and its own sums. */
typedef struct {
    plan *p;
    rs_scenario copy;
    int cloned;
    rs_results *r;      /* portfolio totals only */
    gsl_rng *rng;
    double *lin;        /* RS_LIN_ARRAYS x Y */
    int cap, nslot, hmask;
    int *key_R, *key_shape, *key_shift, *key_end, *key_group, *key_cell, *hash;
    double *D;          /* cap x 3 x Y: ramp coefficients of each slot */
    double *step;       /* 6 x (M + 2): revenue, net, fee, cost, tax, subsidy:
                         * partial-year constants as difference arrays */
    double *yc;         /* 6 x Y: constants of whole years, the same six */
    double *depd;       /* M + 1: depreciation difference array */
    rs_mc_part *acc;    /* this worker's counts, sketches and sums */
    double *z;          /* 2 x nc */
    int failed;         /* out of memory in a run */
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
static int cmp_entity_range(const void *a, const void *b)
{
    const uintptr_t *x = a, *y = b;
    return x[0] != y[0] ? (x[0] < y[0] ? -1 : 1) : (x[1] < y[1] ? -1 : x[1] > y[1]);
}

static int cmp_int(const void *a, const void *b)
{
    const int x = *(const int *)a, y = *(const int *)b;
    return (x > y) - (x < y);
}

static int plan_touched(plan *p)
{
    const rs_scenario *s = p->s;
    const int n = s->nranges;
    p->touched = malloc((size_t)(n ? n : 1) * sizeof *p->touched);
    uintptr_t *er = malloc((size_t)(n ? n : 1) * 2 * sizeof *er);   /* (entity, range) */
    if (!p->touched || !er) {
        free(er);
        return -1;
    }
    for (int i = 0; i < n; i++) {
        er[2 * i] = (uintptr_t)s->ranges[i].e;
        er[2 * i + 1] = (uintptr_t)i;
    }
    qsort(er, (size_t)n, 2 * sizeof *er, cmp_entity_range);
    p->ntouched = 0;
    for (int i = 0; i < n; i++)
        if ((i == 0 || er[2 * i] != er[2 * i - 2]) && s->ranges[er[2 * i + 1]].e->sec->derive)
            p->touched[p->ntouched++] = (int)er[2 * i + 1];   /* the first range of each entity */
    qsort(p->touched, (size_t)p->ntouched, sizeof *p->touched, cmp_int);
    free(er);
    return 0;
}

/* The linear forms of the communities and levers no range touches: the
 * same in every run, so worked out once here and read by build_run in
 * place of the section's linear(). Up to LIN_CACHE_BYTES of them (a
 * province-scale portfolio keeps the rest computed per run). */
#define LIN_CACHE_BYTES (32u << 20)

static int plan_static(plan *p)
{
    const rs_scenario *s = p->s;
    const int Y = p->Y, n = s->ncom + s->nlev;
    p->com_lin = calloc((size_t)(n ? n : 1), sizeof *p->com_lin);
    char *moved = calloc((size_t)(n ? n : 1), 1);
    if (!p->com_lin || !moved) {
        free(moved);
        return -1;
    }
    p->lev_lin = p->com_lin + s->ncom;
    for (int i = 0; i < s->nranges; i++) {
        const rs_entity *e = s->ranges[i].e;
        if (s->ncom && e >= s->com && e < s->com + s->ncom)
            moved[e - s->com] = 1;
        else if (s->nlev && e >= s->lev && e < s->lev + s->nlev)
            moved[s->ncom + (e - s->lev)] = 1;
    }
    const size_t each = sizeof(rs_lin) + (size_t)RS_LIN_ARRAYS * Y * sizeof(double);
    int nfix = 0;
    for (int i = 0; i < n; i++)
        nfix += !moved[i] && (size_t)(nfix + 1) * each <= LIN_CACHE_BYTES;
    p->lins = malloc((size_t)(nfix ? nfix : 1) * sizeof *p->lins);
    p->lin_arrays = malloc((size_t)(nfix ? nfix : 1) * RS_LIN_ARRAYS * Y * sizeof(double));
    if (!p->lins || !p->lin_arrays) {
        free(moved);
        return -1;
    }
    for (int i = 0, k = 0; i < n && k < nfix; i++) {
        if (moved[i])
            continue;
        const rs_entity *e = i < s->ncom ? &s->com[i] : &s->lev[i - s->ncom];
        rs_lin *lin = &p->lins[k];
        rs_lin_arrays(lin, p->lin_arrays + (size_t)k * RS_LIN_ARRAYS * Y, Y);
        e->sec->linear(e, Y, lin);
        p->com_lin[i] = lin;
        k++;
    }
    free(moved);
    return 0;
}

/* The correlation factor's non-zeros row by row, and each range's copula
 * dimension (its stream's). */
static int plan_corr(plan *p)
{
    const rs_scenario *s = p->s;
    const int nc = p->nc;
    int nz = 0;
    for (int i = 0; i < nc * nc; i++)
        nz += p->L[i] != 0.0;
    p->lrow = malloc((size_t)(nc + 1) * sizeof *p->lrow);
    p->lcol = malloc((size_t)(nz ? nz : 1) * sizeof *p->lcol);
    p->lval = malloc((size_t)(nz ? nz : 1) * sizeof *p->lval);
    p->in_corr = malloc((size_t)(s->nranges ? s->nranges : 1) * sizeof *p->in_corr);
    if (!p->lrow || !p->lcol || !p->lval || !p->in_corr)
        return -1;
    nz = 0;
    for (int i = 0; i < nc; i++) {
        p->lrow[i] = nz;
        for (int j = 0; j < nc; j++)
            if (p->L[i * nc + j] != 0.0) {
                p->lcol[nz] = j;
                p->lval[nz++] = p->L[i * nc + j];
            }
    }
    p->lrow[nc] = nz;
    for (int i = 0; i < s->nranges; i++) {
        p->in_corr[i] = -1;
        for (int d = 0; d < nc; d++)
            if (s->ranges[p->cidx[d]].stream == s->ranges[i].stream)
                p->in_corr[i] = d;
    }
    if (!(p->prep = calloc((size_t)(s->nranges ? s->nranges : 1), sizeof *p->prep)))
        return -1;
    for (int i = 0; i < s->nranges; i++)
        if (rs_draw_prepare(&s->ranges[i], p->in_corr[i] >= 0, &p->prep[i]) != RS_S_OK)
            return -1;
    return 0;
}

static void plan_release(plan *p)
{
    for (int i = 0; p->prep && i < p->s->nranges; i++)
        rs_draw_prep_release(&p->prep[i]);
    free(p->prep);
    free(p->tables);
    free(p->L);
    free(p->lrow);
    free(p->lcol);
    free(p->lval);
    free(p->cidx);
    free(p->in_corr);
    free(p->touched);
    free(p->com_lin);
    free(p->lins);
    free(p->lin_arrays);
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
    free(w->key_cell);
    free(w->hash);
    free(w->D);
    free(w->step);
    free(w->yc);
    free(w->depd);
    rs_mc_part_free(w->acc);
    free(w->z);
}

/* Room for cap slots (the key arrays and D grow as slots are added). */
static int worker_slots(worker *w, int cap)
{
    const size_t Y = (size_t)w->p->Y;
    int **keys[6] = {&w->key_R, &w->key_shape, &w->key_shift, &w->key_end, &w->key_group,
                     &w->key_cell};
    for (int i = 0; i < 6; i++) {
        int *k = realloc(*keys[i], (size_t)cap * sizeof(int));
        if (!k)
            return -1;
        *keys[i] = k;
    }
    double *D = realloc(w->D, (size_t)cap * 3 * Y * sizeof(double));
    if (!D)
        return -1;
    w->D = D;
    w->cap = cap;
    return 0;
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
    /* at most one slot per community and two per lever: a hash of twice that */
    const long most = 2L * (s->ncom + s->nlev) + 1;
    int hsize = 1;
    while (hsize < 2 * most)
        hsize <<= 1;
    w->hmask = hsize - 1;
    w->hash = malloc((size_t)hsize * sizeof(int));
    w->step = malloc(6 * (size_t)(M + 2) * sizeof(double));
    w->yc = malloc(6 * (size_t)Y * sizeof(double));
    w->depd = malloc((size_t)(M + 1) * sizeof(double));
    w->lin = malloc((size_t)RS_LIN_ARRAYS * Y * sizeof(double));
    w->acc = part_alloc(p->part->runs, Y, p->part->exact ? p->part->runs : p->part->kept, 0, 0);
    w->z = malloc((size_t)(2 * p->nc + 1) * sizeof(double));
    w->r = rs_results_alloc_shape(M, 0, 0);
    w->rng = gsl_rng_alloc(rs_rng_stream);
    if (!w->hash || !w->step || !w->yc || !w->depd || !w->lin || !w->acc || !w->z || !w->r ||
        !w->rng || worker_slots(w, most < 64 ? (int)most : 64) != 0) {
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
        for (int j = p->lrow[i]; j < p->lrow[i + 1]; j++)   /* L's non-zeros, by column */
            acc += p->lval[j] * n[p->lcol[j]];
        u[i] = gsl_cdf_ugaussian_P(acc);
        if (u[i] < 1e-15) u[i] = 1e-15;
        if (u[i] > 1 - 1e-15) u[i] = 1 - 1e-15;
    }
    for (int i = 0; i < c->nranges; i++) {
        rs_range *g = &c->ranges[i];
        int d = p->in_corr[i];
        double x;
        if (d >= 0) {
            x = rs_draw_quantile_prepared(g, &p->prep[i], u[d]);
        } else {
            rs_stream_start(w->rng, p->seed, run, g->stream);
            x = rs_draw_prepared(g, &p->prep[i], w->rng);
        }
        *range_target(c, g) = rs_draw_clamp_prepared(&p->prep[i], x);
    }
    for (int i = 0; i < p->ntouched; i++) {   /* derived defaults follow drawn sources */
        rs_entity *e = c->ranges[p->touched[i]].e;
        e->sec->derive(e);
    }
}

/* Slot of ramp key (R, shape, shift, end, group), created on first use;
 * -1 when out of memory. */
static int slot_of(worker *w, const rs_lin *lin, int end, int group)
{
    unsigned h = (unsigned)lin->R * 2654435761u ^ (unsigned)lin->shift * 40503u ^
                 (unsigned)(lin->shape * 3 + group) * 97u ^ (unsigned)end * 2246822519u;
    for (int i = (int)(h & (unsigned)w->hmask);; i = (i + 1) & w->hmask) {
        int k = w->hash[i];
        if (k < 0) {
            if (w->nslot == w->cap && worker_slots(w, 2 * w->cap) != 0)
                return -1;
            k = w->nslot++;
            w->hash[i] = k;
            w->key_R[k] = lin->R;
            w->key_shape[k] = lin->shape;
            w->key_shift[k] = lin->shift;
            w->key_end[k] = end;
            w->key_group[k] = group;
            w->key_cell[k] = i;
            memset(w->D + (size_t)k * 3 * w->p->Y, 0, 3 * (size_t)w->p->Y * sizeof(double));
            return k;
        }
        if (w->key_R[k] == lin->R && w->key_shift[k] == lin->shift &&
            w->key_shape[k] == lin->shape && w->key_group[k] == group && w->key_end[k] == end)
            return k;
    }
}

/* a[0..n) += b[0..n) */
static inline void add_to(double *restrict a, const double *restrict b, int n)
{
    for (int i = 0; i < n; i++)
        a[i] += b[i];
}

/* The constant parts c[y] of up to three series (k of them: yc[j], st[j],
 * c[j]) over months s .. end: a whole year adds to that year's constant,
 * a part of one (the first or last year) to the difference array of
 * months. */
static inline void add_consts(int k, double *const yc[3], double *const st[3],
                              const double *const c[3], int s, int end)
{
    const int y0 = (s - 1) / 12, ye = (end - 1) / 12;
    int first = y0, last = ye;                    /* the whole years */
    if (s != 12 * y0 + 1 || (y0 == ye && end != 12 * ye + 12)) {
        const int to = y0 == ye ? end : 12 * y0 + 12;
        for (int j = 0; j < k; j++) {
            st[j][s] += c[j][y0];
            st[j][to + 1] -= c[j][y0];
        }
        first = y0 + 1;
    }
    if (ye >= first && end != 12 * ye + 12) {
        for (int j = 0; j < k; j++) {
            st[j][12 * ye + 1] += c[j][ye];
            st[j][end + 1] -= c[j][ye];
        }
        last = ye - 1;
    }
    for (int j = 0; j < k && first <= last; j++)
        add_to(yc[j] + first, c[j] + first, last - first + 1);
}

/* Build the portfolio's monthly totals for the drawn values: 0, or -1
 * when out of memory (a slot could not be added). */
static int build_run(worker *w)
{
    plan *p = w->p;
    const int M = p->M, Y = p->Y;
    rs_results *r = w->r;
    const rs_scenario *c = &w->copy;
    double *st_rev = w->step, *st_net = st_rev + M + 2, *st_fee = st_net + M + 2,
           *st_cost = st_fee + M + 2, *st_tax = st_cost + M + 2, *st_sub = st_tax + M + 2;
    double *yc_rev = w->yc, *yc_net = yc_rev + Y, *yc_fee = yc_net + Y, *yc_cost = yc_fee + Y,
           *yc_tax = yc_cost + Y, *yc_sub = yc_tax + Y;
    const int income_tax = c->scen.v[SC_INCOME_TAX] > 0;
    rs_lin lin;
    rs_lin_arrays(&lin, w->lin, Y);

    for (int k = 0; k < w->nslot; k++)   /* forget the last run's keys */
        w->hash[w->key_cell[k]] = -1;
    w->nslot = 0;
    memset(w->step, 0, 6 * (size_t)(M + 2) * sizeof(double));
    memset(w->yc, 0, 6 * (size_t)Y * sizeof(double));
    memset(r->capex, 0, (size_t)M * sizeof(double));
    memset(r->subsidy, 0, (size_t)M * sizeof(double));
    if (income_tax)
        memset(w->depd, 0, (size_t)(M + 1) * sizeof(double));

    for (int i = 0; i < c->ncom; i++) {
        const rs_lin *L = p->com_lin[i];
        if (!L) {
            c->com[i].sec->linear(&c->com[i], Y, &lin);
            L = &lin;
        }
        int k = slot_of(w, L, M, GROUP_COMMUNITY);
        if (k < 0)
            return -1;
        add_to(w->D + (size_t)k * 3 * Y, L->rg, Y);
        double *const yc2[3] = {yc_fee, yc_cost, NULL}, *const st2[3] = {st_fee, st_cost, NULL};
        const double *const c2[3] = {L->cg, L->cn, NULL};
        add_consts(2, yc2, st2, c2, 1, M);
    }
    for (int l = 0; l < c->nlev; l++) {
        const rs_lin *L = p->lev_lin[l];
        if (!L) {
            c->lev[l].sec->linear(&c->lev[l], Y, &lin);
            L = &lin;
        }
        if (L->s > M)
            continue;
        rs_lin_capex(L, M, r->capex, income_tax ? w->depd : NULL);
        if (L->subsidy != 0.0 && L->sub_month >= 1 && L->sub_month <= M)
            r->subsidy[L->sub_month - 1] += L->subsidy;
        if (L->o > M)
            continue;
        int k = slot_of(w, L, M, GROUP_LEVER);
        if (k < 0)
            return -1;
        double *dg = w->D + (size_t)k * 3 * Y;
        add_to(dg, L->rg, Y);
        add_to(dg + Y, L->rn, Y);
        add_to(dg + 2 * Y, L->rt, Y);
        double *const yc3[3] = {yc_rev, yc_net, yc_tax}, *const st3[3] = {st_rev, st_net, st_tax};
        const double *const c3[3] = {L->cg, L->cn, L->ct};
        add_consts(3, yc3, st3, c3, L->o, M);
        if (L->sub_end >= L->o) {
            const int end = L->sub_end < M ? L->sub_end : M;
            int ks = slot_of(w, L, end, GROUP_SUBSIDY);
            if (ks < 0)
                return -1;
            add_to(w->D + (size_t)ks * 3 * Y, L->rs, Y);
            double *const yc1[3] = {yc_sub, NULL, NULL}, *const st1[3] = {st_sub, NULL, NULL};
            const double *const c1[3] = {L->cs, NULL, NULL};
            add_consts(1, yc1, st1, c1, L->o, end);
        }
    }

    double a_rev = 0, a_net = 0, a_fee = 0, a_cost = 0, a_tax = 0, a_sub = 0, a_dep = 0;
    for (int m = 1; m <= M; m++) {
        const int y = (m - 1) / 12;
        a_rev += st_rev[m];
        a_net += st_net[m];
        a_fee += st_fee[m];
        a_cost += st_cost[m];
        a_tax += st_tax[m];
        a_sub += st_sub[m];
        r->revenue[m - 1] = yc_rev[y] + a_rev;
        r->net[m - 1] = yc_net[y] + a_net;
        r->fee[m - 1] = yc_fee[y] + a_fee;
        r->cost[m - 1] = yc_cost[y] + a_cost;
        r->tax[m - 1] = yc_tax[y] + a_tax;
        r->subsidy[m - 1] += yc_sub[y] + a_sub;
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
    return 0;
}

/* Count run `run`'s results in: its metrics row (when kept), the yearly
 * sums and sketches, and past the exact limit the metric sums and
 * sketches. */
static void record_run(worker *w, long run)
{
    plan *p = w->p;
    rs_mc_part *part = p->part, *a = w->acc;
    const int Y = p->Y;
    const rs_results *r = w->r;
    const double *mt = r->metric;
    if (run >= part->row0 && run < part->row0 + part->nrows)
        memcpy(part->metrics + (size_t)(run - part->row0) * MT_N, mt, MT_N * sizeof(double));
    const size_t yk = (size_t)rs_sketch_size(&rs_sketch_yearly);
    for (int y = 0; y < Y; y++) {
        const double v[MC_Y_N] = {r->y_revenue[y], r->y_net[y], r->y_coverage[y],
                                  r->y_fund_end[y]};
        for (int k = 0; k < MC_Y_N; k++) {
            if (isnan(v[k]))
                continue;
            const size_t j = (size_t)k * Y + y;
            rs_xsum_add(&a->ysum[j], v[k]);
            a->ycnt[j] += 1.0;
            rs_sketch_add(&rs_sketch_yearly, a->ysk + j * yk, v[k]);
        }
        a->ycov[y] += rs_is_covered(r->y_net[y], r->y_deficit[y]);
    }
    if (isfinite(mt[MT_NPV])) {
        a->npv_fin += 1.0;
        a->npv_neg += mt[MT_NPV] < 0.0;
    }
    if (!a->exact) {
        const size_t mk = (size_t)rs_sketch_size(&rs_sketch_metric);
        for (int k = 0; k < MT_N; k++) {
            double v = mt[k];
            if (isnan(v) && (rs_metrics[k].flags & RS_MF_NEVER))
                v = INFINITY;
            if (isnan(v))
                continue;
            rs_xsum_add(&a->msum[k], v);
            a->mcnt[k] += 1.0;
            if (rs_metrics[k].unit != RS_U_PROB)
                rs_sketch_add(&rs_sketch_metric, a->msk + k * mk, v);
        }
    }
}

static void work(worker *w, int reporter)
{
    plan *p = w->p;
    const long total = (p->end_block - p->first_block) * (long)RS_MC_BLOCK;
    for (;;) {
        long b = atomic_fetch_add(&p->next_block, 1);
        if (b >= p->end_block || w->failed)
            break;
        const long end = block_end(p->runs, b);
        for (long run = b * RS_MC_BLOCK; run < end && !w->failed; run++) {
            draw_run(w, run);
            if (build_run(w) != 0) {
                w->failed = 1;
                break;
            }
            rs_results_finish(&w->copy, w->r);
            record_run(w, run);
        }
        p->part->done[b] = 1;   /* one worker per block: no other writer */
        long done = atomic_fetch_add(&p->done, end - b * RS_MC_BLOCK) + (end - b * RS_MC_BLOCK);
        if (reporter && p->opt->progress)
            p->opt->progress(done, total < p->runs ? total : p->runs, p->opt->progress_ctx);
    }
}

static void *thread_main(void *arg)
{
    work(arg, 0);
    return NULL;
}

rs_status rs_mc_part_run(const rs_scenario *s, const rs_mc_opts *opt, long exact_max,
                         long first_block, long end_block, rs_mc_part **out)
{
    plan p;
    memset(&p, 0, sizeof p);
    worker *ws = NULL;
    int nw = opt->threads > 0 ? opt->threads : 1, started = 0;
    rs_status rc = RS_S_NOMEM;
    *out = NULL;
    rs_init();

    p.s = s;
    p.M = rs_scenario_months(s);
    p.Y = p.M / 12;
    p.runs = opt->runs > 0 ? opt->runs : 1;
    const long nblocks = rs_mc_blocks(p.runs);
    if (exact_max <= 0)
        exact_max = RS_MC_EXACT_RUNS;
    if (first_block < 0 || end_block > nblocks || first_block > end_block)
        return RS_S_INPUT;
    p.first_block = first_block;
    p.end_block = end_block;
    p.seed = opt->seed;
    p.opt = opt;
    if (nw > end_block - first_block)
        nw = (int)(end_block - first_block > 0 ? end_block - first_block : 1);
    atomic_init(&p.next_block, first_block);
    atomic_init(&p.done, 0);

    rs_status crc = rs_corr_factor(s, &p.nc, &p.L, &p.cidx);
    if (crc != RS_S_OK) {
        rc = crc;
        goto out;
    }
    p.part = part_alloc(p.runs, p.Y, exact_max, first_block * RS_MC_BLOCK,
                        (end_block - first_block) * RS_MC_BLOCK);
    ws = calloc((size_t)nw, sizeof *ws);
    if (!p.part || !ws || plan_tables(&p) != 0 || plan_touched(&p) != 0 ||
        plan_static(&p) != 0 || plan_corr(&p) != 0)
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
    for (int i = 0; i < nw; i++) {
        if (ws[i].failed)
            goto out;
        part_add_sums(p.part, ws[i].acc);   /* order-independent */
    }
    if (opt->progress)   /* the last blocks may have been another thread's */
        opt->progress(p.runs, p.runs, opt->progress_ctx);
    *out = p.part;
    p.part = NULL;
    rc = RS_S_OK;
out:
    for (int i = 0; i < started; i++)
        worker_release(&ws[i]);
    free(ws);
    rs_mc_part_free(p.part);
    plan_release(&p);
    return rc;
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

/* Past the exact limit: mean from the exact sum, p10/p50/p90 from the
 * sketch, with metric_stats' rules ("never" is +infinity: a percentile
 * there is empty, and so is the mean; probabilities get their mean). */
static void metric_sketch_stats(const rs_mc_part *p, int k, double out[MC_NSTAT])
{
    for (int q = 0; q < MC_NSTAT; q++)
        out[q] = NAN;
    if (p->mcnt[k] <= 0)
        return;
    double mean = rs_xsum_value(&p->msum[k]) / p->mcnt[k];
    out[MC_MEAN] = isfinite(mean) ? mean : NAN;
    if (rs_metrics[k].unit == RS_U_PROB)
        return;
    const double qs[3] = {0.1, 0.5, 0.9};
    double v[3];
    const size_t mk = (size_t)rs_sketch_size(&rs_sketch_metric);
    rs_sketch_quantiles(&rs_sketch_metric, p->msk + k * mk, qs, 3, v);
    for (int q = 0; q < 3; q++)
        out[MC_P10 + q] = isfinite(v[q]) ? v[q] : NAN;
}

rs_status rs_mc_part_finish(const rs_mc_part *p, rs_mc_results **out)
{
    *out = NULL;
    for (long b = 0; b < p->nblocks; b++)
        if (!p->done[b])
            return RS_S_INPUT;            /* a block of runs is missing */
    if (p->row0 != 0 || p->nrows != p->kept)
        return RS_S_INPUT;
    const int Y = p->years;
    rs_mc_results *mc = calloc(1, sizeof *mc);
    double *tmp = NULL;
    if (!mc)
        return RS_S_NOMEM;
    mc->runs = p->runs;
    mc->kept = p->kept;
    mc->years = Y;
    mc->yearly = malloc((size_t)MC_Y_N * (Y ? Y : 1) * MC_NSTAT * sizeof(double));
    mc->p_covered = malloc((size_t)(Y ? Y : 1) * sizeof(double));
    mc->npv = malloc((size_t)p->kept * sizeof(double));
    mc->per_run = malloc((size_t)p->kept * MT_N * sizeof(double));
    tmp = malloc((size_t)p->kept * sizeof(double));
    if (!mc->yearly || !mc->p_covered || !mc->npv || !mc->per_run || !tmp) {
        free(tmp);
        rs_mc_results_free(mc);
        return RS_S_NOMEM;
    }
    memcpy(mc->per_run, p->metrics, (size_t)p->kept * MT_N * sizeof(double));
    for (int k = 0; k < MT_N; k++) {
        if (p->exact)
            metric_stats(p->metrics, p->runs, k, tmp, mc->metric[k]);
        else
            metric_sketch_stats(p, k, mc->metric[k]);
    }
    for (long i = 0; i < p->kept; i++)
        mc->npv[i] = p->metrics[(size_t)i * MT_N + MT_NPV];
    mc->p_npv_negative = p->npv_fin > 0 ? p->npv_neg / p->npv_fin : NAN;
    const size_t yk = (size_t)rs_sketch_size(&rs_sketch_yearly);
    for (int k = 0; k < MC_Y_N; k++)
        for (int y = 0; y < Y; y++) {
            const size_t j = (size_t)k * Y + y;
            double *o = mc->yearly + j * MC_NSTAT;
            const double qs[3] = {0.1, 0.5, 0.9};
            o[MC_MEAN] = p->ycnt[j] > 0 ? rs_xsum_value(&p->ysum[j]) / p->ycnt[j] : NAN;
            rs_sketch_quantiles(&rs_sketch_yearly, p->ysk + j * yk, qs, 3, o + MC_P10);
        }
    for (int y = 0; y < Y; y++)
        mc->p_covered[y] = p->ycov[y] / (double)p->runs;
    free(tmp);
    *out = mc;
    return RS_S_OK;
}

/* ------------------------------------------------------ packing a part */

typedef rs_textbuf bytes;   /* any bytes: base/text.h */

static void put(bytes *o, const void *v, size_t n)
{
    if (n)   /* v may be NULL then */
        rs_textbuf_put(o, (const char *)v, n);
}

static void put_i64(bytes *o, int64_t v) { rs_bytes_put_i64(o, v); }

/* The non-zero span of a[0..n): its first index and length, then the span. */
static void put_u32_span(bytes *o, const uint32_t *a, size_t n)
{
    size_t lo = 0, hi = n;
    while (lo < hi && a[lo] == 0)
        lo++;
    while (hi > lo && a[hi - 1] == 0)
        hi--;
    put_i64(o, (int64_t)lo);
    put_i64(o, (int64_t)(hi - lo));
    put(o, a + lo, (hi - lo) * sizeof *a);
}

static void put_xsum(bytes *o, const rs_xsum *x)
{
    rs_xsum t;
    rs_xsum_init(&t);
    rs_xsum_merge(&t, x);                /* normalised digits */
    int lo = 0, hi = RS_XSUM_DIGITS;
    while (lo < hi && t.d[lo] == 0)
        lo++;
    while (hi > lo && t.d[hi - 1] == 0)
        hi--;
    put_i64(o, lo);
    put_i64(o, hi - lo);
    put(o, t.d + lo, (size_t)(hi - lo) * sizeof t.d[0]);
    put_i64(o, t.pinf);
    put_i64(o, t.ninf);
    put_i64(o, t.nan);
}

#define PART_MAGIC 0x5253504152543031ll   /* "RSPART01", also checks byte order */

rs_status rs_mc_part_pack(const rs_mc_part *p, unsigned char **buf, size_t *len)
{
    bytes o;
    rs_textbuf_init(&o);
    *buf = NULL;
    *len = 0;
    put_i64(&o, PART_MAGIC);
    put_i64(&o, p->runs);
    put_i64(&o, p->years);
    put_i64(&o, p->kept);
    put_i64(&o, MT_N);
    /* the blocks counted in, as spans */
    for (long b = 0; b < p->nblocks;) {
        if (!p->done[b]) {
            b++;
            continue;
        }
        long e = b;
        while (e < p->nblocks && p->done[e])
            e++;
        put_i64(&o, b);
        put_i64(&o, e);
        b = e;
    }
    put_i64(&o, -1);
    put_i64(&o, p->row0);
    put_i64(&o, p->nrows);
    put(&o, p->metrics, (size_t)p->nrows * MT_N * sizeof(double));
    const size_t ny = (size_t)MC_Y_N * (size_t)p->years;
    const size_t yk = (size_t)rs_sketch_size(&rs_sketch_yearly);
    for (size_t j = 0; j < ny; j++) {
        put_u32_span(&o, p->ysk + j * yk, yk);
        put_xsum(&o, &p->ysum[j]);
    }
    put(&o, p->ycnt, ny * sizeof(double));
    put(&o, p->ycov, (size_t)p->years * sizeof(double));
    if (!p->exact) {
        const size_t mk = (size_t)rs_sketch_size(&rs_sketch_metric);
        for (int k = 0; k < MT_N; k++) {
            put_u32_span(&o, p->msk + k * mk, mk);
            put_xsum(&o, &p->msum[k]);
        }
        put(&o, p->mcnt, sizeof p->mcnt);
    }
    put(&o, &p->npv_neg, sizeof(double));
    put(&o, &p->npv_fin, sizeof(double));
    if (o.failed) {
        rs_textbuf_release(&o);
        return RS_S_NOMEM;
    }
    *buf = (unsigned char *)o.p;
    *len = o.len;
    return RS_S_OK;
}

typedef rs_bytes_in reader;

static void get(reader *r, void *v, size_t n) { rs_bytes_get(r, v, n); }

static int64_t get_i64(reader *r) { return rs_bytes_get_i64(r); }

/* Add a span of counts (put_u32_span) to a[0..n). */
static void add_u32_span(reader *r, uint32_t *a, size_t n)
{
    const int64_t lo = get_i64(r), len = get_i64(r);
    if (lo < 0 || len < 0 || (uint64_t)lo + (uint64_t)len > n) {
        r->bad = 1;
        return;
    }
    for (int64_t i = 0; i < len && !r->bad; i++) {
        uint32_t c;
        get(r, &c, sizeof c);
        a[lo + i] += c;
    }
}

/* The end of block b's kept runs (its metrics rows) in part p. */
static long block_kept_end(const rs_mc_part *p, long b)
{
    const long end = block_end(p->runs, b);
    return end < p->kept ? end : p->kept;
}

/* A count of runs read from a part: a whole number in [0, n] (n: the
 * part's runs). */
static int bad_count(double c, long n) { return !(c >= 0 && c <= (double)n && c == floor(c)); }

static void add_xsum(reader *r, rs_xsum *x, long n)
{
    const int64_t lo = get_i64(r), len = get_i64(r);
    rs_xsum t;
    rs_xsum_init(&t);
    if (lo < 0 || len < 0 || lo > RS_XSUM_DIGITS || len > RS_XSUM_DIGITS - lo) {
        r->bad = 1;
        return;
    }
    get(r, t.d + lo, (size_t)len * sizeof t.d[0]);
    t.pinf = get_i64(r);
    t.ninf = get_i64(r);
    t.nan = get_i64(r);
    if (t.pinf < 0 || t.pinf > n || t.ninf < 0 || t.ninf > n || t.nan < 0 || t.nan > n)
        r->bad = 1;                      /* infinities and NaNs: counts of runs */
    for (int i = 0; i < RS_XSUM_DIGITS; i++)
        if (t.d[i] < -((int64_t)1 << 40) || t.d[i] > ((int64_t)1 << 40))
            r->bad = 1;                  /* normalised digits only */
    if (!r->bad)
        rs_xsum_merge(x, &t);
}

rs_status rs_mc_part_merge(rs_mc_part *into, const unsigned char *buf, size_t len)
{
    reader r = {buf, len, 0, 0};
    if (get_i64(&r) != PART_MAGIC || get_i64(&r) != into->runs || get_i64(&r) != into->years ||
        get_i64(&r) != into->kept || get_i64(&r) != MT_N)
        return RS_S_INPUT;
    /* blocks: none counted twice */
    unsigned char *mark = calloc((size_t)into->nblocks, 1);
    if (!mark)
        return RS_S_NOMEM;
    for (;;) {
        int64_t b = get_i64(&r);
        if (b < 0 || r.bad)
            break;
        int64_t e = get_i64(&r);
        if (e <= b || e > into->nblocks) {
            r.bad = 1;
            break;
        }
        for (int64_t i = b; i < e; i++)
            if (into->done[i] || mark[i])
                r.bad = 1;
            else
                mark[i] = 1;
    }
    const int64_t row0 = get_i64(&r), nrows = get_i64(&r);
    if (r.bad || row0 < 0 || nrows < 0 || row0 > into->kept || nrows > into->kept - row0 ||
        (size_t)nrows * MT_N > rs_bytes_left(&r) / sizeof(double)) {
        free(mark);
        return RS_S_INPUT;
    }
    /* the part's runs, and its rows: every kept run of its blocks */
    long nruns = 0;
    for (long b = 0; b < into->nblocks; b++) {
        if (!mark[b])
            continue;
        const long lo = b * RS_MC_BLOCK, khi = block_kept_end(into, b);
        nruns += block_end(into->runs, b) - lo;
        if (lo < khi && (lo < row0 || khi > row0 + nrows)) {
            free(mark);
            return RS_S_INPUT;
        }
    }
    const size_t rows_at = r.at;   /* the rows are copied once the rest is read */
    r.at += (size_t)nrows * MT_N * sizeof(double);
    /* the sums: into a scratch part first, so a bad buffer changes nothing */
    rs_mc_part *t = part_alloc(into->runs, into->years, into->exact ? into->runs : into->kept, 0, 0);
    if (!t) {
        free(mark);
        return RS_S_NOMEM;
    }
    const size_t ny = (size_t)MC_Y_N * (size_t)into->years;
    const size_t yk = (size_t)rs_sketch_size(&rs_sketch_yearly);
    for (size_t j = 0; j < ny && !r.bad; j++) {
        add_u32_span(&r, t->ysk + j * yk, yk);
        add_xsum(&r, &t->ysum[j], nruns);
    }
    get(&r, t->ycnt, ny * sizeof(double));
    get(&r, t->ycov, (size_t)into->years * sizeof(double));
    if (!into->exact) {
        const size_t mk = (size_t)rs_sketch_size(&rs_sketch_metric);
        for (int k = 0; k < MT_N && !r.bad; k++) {
            add_u32_span(&r, t->msk + k * mk, mk);
            add_xsum(&r, &t->msum[k], nruns);
        }
        get(&r, t->mcnt, sizeof t->mcnt);
    }
    get(&r, &t->npv_neg, sizeof(double));
    get(&r, &t->npv_fin, sizeof(double));
    for (size_t j = 0; j < ny; j++)
        r.bad |= bad_count(t->ycnt[j], nruns);
    for (int y = 0; y < into->years; y++)
        r.bad |= bad_count(t->ycov[y], nruns);
    for (int k = 0; k < MT_N && !into->exact; k++)
        r.bad |= bad_count(t->mcnt[k], nruns);
    r.bad |= bad_count(t->npv_neg, nruns) || bad_count(t->npv_fin, nruns) ||
             t->npv_neg > t->npv_fin;
    rs_status rc = RS_S_INPUT;
    if (!r.bad && r.at == len && (into->row0 != 0 || into->nrows != into->kept)) {
        /* rows: the part that merges holds every kept run's from now on */
        double *m = calloc((size_t)(into->kept ? into->kept : 1) * MT_N, sizeof *m);
        if (m) {
            memcpy(m + (size_t)into->row0 * MT_N, into->metrics,
                   (size_t)into->nrows * MT_N * sizeof *m);
            free(into->metrics);
            into->metrics = m;
            into->row0 = 0;
            into->nrows = into->kept;
        } else {
            rc = RS_S_NOMEM;
            r.bad = 1;
        }
    }
    if (!r.bad && r.at == len) {
        for (long b = 0; b < into->nblocks; b++) {   /* only its blocks' rows */
            const long lo = b * RS_MC_BLOCK, hi = block_kept_end(into, b);
            if (mark[b] && lo < hi)
                memcpy(into->metrics + (size_t)lo * MT_N,
                       buf + rows_at + (size_t)(lo - row0) * MT_N * sizeof(double),
                       (size_t)(hi - lo) * MT_N * sizeof(double));
        }
        part_add_sums(into, t);
        for (long b = 0; b < into->nblocks; b++)
            into->done[b] |= mark[b];
        rc = RS_S_OK;
    }
    rs_mc_part_free(t);
    free(mark);
    return rc;
}

/* ------------------------------------------------------------ rs_mc_run */

static rs_mc_runner runner;
static void *runner_ctx;

void rs_mc_set_runner(rs_mc_runner fn, void *ctx)
{
    runner = fn;
    runner_ctx = ctx;
}

rs_status rs_mc_run(const rs_scenario *s, const rs_mc_opts *opt, rs_mc_results **out)
{
    *out = NULL;
    if (runner)
        return runner(s, opt, out, runner_ctx);
    rs_mc_part *p;
    rs_status rc = rs_mc_part_run(s, opt, RS_MC_EXACT_RUNS, 0,
                                  rs_mc_blocks(opt->runs > 0 ? opt->runs : 1), &p);
    if (rc != RS_S_OK)
        return rc;
    rc = rs_mc_part_finish(p, out);
    rs_mc_part_free(p);
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
    rs_status rc = rs_corr_factor(s, &sm->p.nc, &sm->p.L, &sm->p.cidx);
    if (rc == RS_S_OK) {   /* the draws' plan exactly as rs_mc_part_run makes it */
        rc = RS_S_NOMEM;
        if (plan_touched(&sm->p) == 0 && plan_corr(&sm->p) == 0 &&
            rs_scenario_clone(&sm->w.copy, s) == RS_S_OK) {
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
    plan_release(&sm->p);
    free(sm);
}
