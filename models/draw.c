/* draw.c: sampling ranged parameters (triangular, uniform, PERT, normal,
 * lognormal) and the Cholesky factor of declared correlations. */
#include <float.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <gsl/gsl_cdf.h>
#include <gsl/gsl_eigen.h>
#include <gsl/gsl_errno.h>
#include <gsl/gsl_linalg.h>
#include <gsl/gsl_randist.h>
#include <gsl/gsl_sf_gamma.h>
#include "draw.h"

/* PERT shape parameters (lambda = 4) */
static void pert_ab(const rs_range *g, double *a, double *b)
{
    double w = g->high - g->low;
    *a = 1.0 + 4.0 * (g->value - g->low) / w;
    *b = 1.0 + 4.0 * (g->high - g->value) / w;
}

/* The continued fraction of the regularized incomplete beta function
 * I_x(a, b) (DLMF 8.17.22), by the modified Lentz method; converges fast
 * for x < (a + 1) / (a + b + 2). */
static double beta_cf(double x, double a, double b)
{
    const double tiny = 1e-300;
    double c = 1.0, d = 1.0 - (a + b) * x / (a + 1.0);
    d = 1.0 / (fabs(d) < tiny ? tiny : d);
    double h = d;
    for (int m = 1; m <= 500; m++) {
        for (int odd = 0; odd < 2; odd++) {
            const double aa = odd ? -(a + m) * (a + b + m) * x / ((a + 2 * m) * (a + 2 * m + 1))
                                  : m * (b - m) * x / ((a + 2 * m - 1) * (a + 2 * m));
            d = 1.0 + aa * d;
            c = 1.0 + aa / c;
            d = 1.0 / (fabs(d) < tiny ? tiny : d);
            c = fabs(c) < tiny ? tiny : c;
            h *= d * c;
            if (odd && fabs(d * c - 1.0) <= 1e-16)
                return h;
        }
    }
    return h;
}

/* I_x(a, b) for 0 < x < 1, with lnb = ln B(a, b), lx = log(x) and
 * l1x = log1p(-x) (the caller's, who needs them too). */
static double beta_P(double x, double a, double b, double lnb, double lx, double l1x)
{
    const double front = exp(a * lx + b * l1x - lnb);
    if (x < (a + 1.0) / (a + b + 2.0))
        return front * beta_cf(x, a, b) / a;
    return 1.0 - front * beta_cf(1.0 - x, b, a) / b;
}

/* x with I_x(a, b) = p, 0 < p <= 0.5 (the lower tail, where p is known to
 * full precision): Halley's method from a tail or normal approximation,
 * kept inside a bracket that bisection falls back on. */
static double beta_inv_lower(double p, double a, double b, double lnb, double guess)
{
    const double mean = a / (a + b), sd = sqrt(a * b / ((a + b) * (a + b) * (a + b + 1.0)));
    double x = guess;
    if (!(x > 0.0 && x < 1.0)) {
        x = exp((log(p) + log(a) + lnb) / a);   /* I_x ~ x^a / (a B) near 0 */
        if (!(x < mean))
            x = mean + sd * gsl_cdf_ugaussian_Pinv(p);
    }
    if (!(x > 0.0 && x < 1.0))
        x = mean;
    double lo = 0.0, hi = 1.0;
    for (int it = 0; it < 100; it++) {
        const double lx = log(x), l1x = log1p(-x);
        const double f = beta_P(x, a, b, lnb, lx, l1x) - p;
        if (f == 0.0)
            break;
        if (f < 0.0)
            lo = x;
        else
            hi = x;
        const double pdf = exp((a - 1.0) * lx + (b - 1.0) * l1x - lnb);
        const double t = f / pdf, k = 0.5 * t * ((a - 1.0) / x - (b - 1.0) / (1.0 - x));
        double next = x - (fabs(k) < 1.0 ? t / (1.0 - k) : t);
        if (!(next > lo && next < hi))
            next = 0.5 * (lo + hi);
        const double dx = fabs(next - x);
        x = next;
        if (dx <= 4.0 * DBL_EPSILON * x || hi - lo <= 4.0 * DBL_EPSILON * hi)
            break;
    }
    return x;
}

/* The quantile of Beta(a, b) at u in (0, 1), each tail solved where it is
 * small (I_x(a, b) = 1 - I_{1-x}(b, a)). GSL's gsl_cdf_beta_Pinv gives the
 * same values to about 1e-13 (tests/models/test_draw.c) at a tenth of the
 * cost: Monte Carlo calls it for every correlated PERT parameter of every
 * run. */
static double beta_quantile(double u, double a, double b)
{
    const double lnb = gsl_sf_lnbeta(a, b);
    if (u <= 0.5)
        return beta_inv_lower(u, a, b, lnb, -1.0);
    return 1.0 - beta_inv_lower(1.0 - u, b, a, lnb, -1.0);
}

static double triangular_quantile(double lo, double mode, double hi, double u)
{
    double w = hi - lo, fc = (mode - lo) / w;
    return u < fc ? lo + sqrt(u * w * (mode - lo)) : hi - sqrt((1.0 - u) * w * (hi - mode));
}

double rs_draw(const rs_range *g, gsl_rng *rng)
{
    if (g->high <= g->low)
        return g->value;
    switch (g->dist) {
    case RS_DIST_UNIFORM:
        return gsl_ran_flat(rng, g->low, g->high);
    case RS_DIST_PERT: {
        double a, b;
        pert_ab(g, &a, &b);
        return g->low + (g->high - g->low) * gsl_ran_beta(rng, a, b);
    }
    case RS_DIST_NORMAL:
        return g->value + gsl_ran_gaussian(rng, (g->high - g->low) / (2 * RS_Z95));
    case RS_DIST_LOGNORMAL:
        return gsl_ran_lognormal(rng, log(g->value), (log(g->high) - log(g->low)) / (2 * RS_Z95));
    case RS_DIST_TRIANGULAR:
    default:
        return triangular_quantile(g->low, g->value, g->high, gsl_rng_uniform_pos(rng));
    }
}

double rs_draw_quantile(const rs_range *g, double u)
{
    if (g->high <= g->low)
        return g->value;
    switch (g->dist) {
    case RS_DIST_UNIFORM:
        return g->low + (g->high - g->low) * u;
    case RS_DIST_PERT: {
        double a, b;
        pert_ab(g, &a, &b);
        return g->low + (g->high - g->low) * beta_quantile(u, a, b);
    }
    case RS_DIST_NORMAL:
        return g->value + gsl_cdf_gaussian_Pinv(u, (g->high - g->low) / (2 * RS_Z95));
    case RS_DIST_LOGNORMAL:
        return gsl_cdf_lognormal_Pinv(u, log(g->value),
                                      (log(g->high) - log(g->low)) / (2 * RS_Z95));
    case RS_DIST_TRIANGULAR:
    default:
        return triangular_quantile(g->low, g->value, g->high, u);
    }
}

/* ---- prepared draws: what does not change between runs, worked out once */

rs_status rs_draw_prepare(const rs_range *g, int quantile, rs_draw_prep *p)
{
    memset(p, 0, sizeof *p);
    const rs_param *par = &g->e->sec->params[g->param];
    p->whole = par->type == RS_P_INT;
    p->min = par->min;
    p->max = par->max;
    if (g->high <= g->low)
        return RS_S_OK;
    if (g->dist == RS_DIST_LOGNORMAL) {
        p->mu = log(g->value);
        p->sigma = (log(g->high) - log(g->low)) / (2 * RS_Z95);
    } else if (g->dist == RS_DIST_PERT) {
        pert_ab(g, &p->a, &p->b);
        p->lnb = gsl_sf_lnbeta(p->a, p->b);
        if (quantile) {   /* Beta's quantiles on a grid of u: the starting points of Halley */
            if (!(p->q = malloc((RS_DRAW_QN + 1) * sizeof *p->q)))
                return RS_S_NOMEM;
            p->q[0] = 0.0;
            p->q[RS_DRAW_QN] = 1.0;
            for (int k = 1; k < RS_DRAW_QN; k++)
                p->q[k] = beta_quantile((double)k / RS_DRAW_QN, p->a, p->b);
        }
    }
    return RS_S_OK;
}

void rs_draw_prep_release(rs_draw_prep *p)
{
    free(p->q);
    p->q = NULL;
}

double rs_draw_prepared(const rs_range *g, const rs_draw_prep *p, gsl_rng *rng)
{
    if (g->high > g->low && g->dist == RS_DIST_LOGNORMAL)
        return gsl_ran_lognormal(rng, p->mu, p->sigma);   /* rs_draw's arguments, kept */
    return rs_draw(g, rng);
}

double rs_draw_quantile_prepared(const rs_range *g, const rs_draw_prep *p, double u)
{
    if (!(g->high > g->low && g->dist == RS_DIST_PERT && p->q))
        return rs_draw_quantile(g, u);
    /* Halley from the grid's linear interpolation: one or two steps; the
     * outer cells, where the quantile is steep, as rs_draw_quantile */
    const double pos = u * RS_DRAW_QN;
    const int k = (int)pos;
    if (k < 1 || k >= RS_DRAW_QN - 1)
        return rs_draw_quantile(g, u);
    const double guess = p->q[k] + (pos - k) * (p->q[k + 1] - p->q[k]);
    const double x = u <= 0.5 ? beta_inv_lower(u, p->a, p->b, p->lnb, guess)
                              : 1.0 - beta_inv_lower(1.0 - u, p->b, p->a, p->lnb, 1.0 - guess);
    return g->low + (g->high - g->low) * x;
}

double rs_draw_clamp(const rs_range *g, double x)
{
    const rs_param *p = &g->e->sec->params[g->param];
    return rs_clamp_value(x, p->min, p->max, p->type == RS_P_INT);
}

/* a symmetric PSD factor by eigendecomposition: L = V diag(sqrt(max(l, 0)));
 * -1 when an eigenvalue is clearly negative */
static int eigen_factor(double *C, int n, double *L)
{
    int rc = -1;
    gsl_matrix_view m = gsl_matrix_view_array(C, (size_t)n, (size_t)n);
    gsl_vector *eval = gsl_vector_alloc((size_t)n);
    gsl_matrix *evec = gsl_matrix_alloc((size_t)n, (size_t)n);
    gsl_eigen_symmv_workspace *w = gsl_eigen_symmv_alloc((size_t)n);
    if (!eval || !evec || !w)
        goto out;
    rc = -2;
    if (gsl_eigen_symmv(&m.matrix, eval, evec, w) != GSL_SUCCESS)
        goto out;
    for (int j = 0; j < n; j++)
        if (gsl_vector_get(eval, (size_t)j) < -1e-9)
            goto out;
    for (int i = 0; i < n; i++)
        for (int j = 0; j < n; j++) {
            double l = gsl_vector_get(eval, (size_t)j);
            L[i * n + j] = gsl_matrix_get(evec, (size_t)i, (size_t)j) * sqrt(l > 0 ? l : 0);
        }
    rc = 0;
out:
    gsl_vector_free(eval);
    gsl_matrix_free(evec);
    gsl_eigen_symmv_free(w);
    return rc;
}

rs_status rs_corr_factor(const rs_scenario *s, int *nout, double **Lout, int **idxout)
{
    *nout = 0;
    *Lout = NULL;
    *idxout = NULL;
    if (s->ncorr == 0)
        return RS_S_OK;
    rs_init();
    /* one dimension per random stream: a template's row and its copies' are one */
    int *pos = malloc((size_t)s->nranges * sizeof *pos);
    int *idx = malloc((size_t)s->nranges * sizeof *idx);
    int n = 0;
    rs_status rc = RS_S_NOMEM;
    double *L = NULL, *C = NULL;
    if (!pos || !idx)
        goto out;
    for (int i = 0; i < s->nranges; i++)
        pos[i] = -1;
    for (int k = 0; k < s->ncorr; k++) {
        int ab[2] = {s->corr[k].a, s->corr[k].b};
        for (int j = 0; j < 2; j++) {
            if (pos[ab[j]] >= 0)
                continue;
            for (int d = 0; d < n && pos[ab[j]] < 0; d++)
                if (s->ranges[idx[d]].stream == s->ranges[ab[j]].stream)
                    pos[ab[j]] = d;
            if (pos[ab[j]] < 0) {
                pos[ab[j]] = n;
                idx[n++] = ab[j];
            }
        }
    }
    if (!(L = calloc((size_t)n * n, sizeof *L)) || !(C = calloc((size_t)n * n, sizeof *C)))
        goto out;
    for (int i = 0; i < n; i++)
        L[i * n + i] = 1.0;
    for (int k = 0; k < s->ncorr; k++) {
        int i = pos[s->corr[k].a], j = pos[s->corr[k].b];
        L[i * n + j] = L[j * n + i] = s->corr[k].rho;
    }
    memcpy(C, L, (size_t)n * n * sizeof *C);
    gsl_matrix_view m = gsl_matrix_view_array(L, (size_t)n, (size_t)n);
    if (gsl_linalg_cholesky_decomp1(&m.matrix) == GSL_SUCCESS) {
        for (int i = 0; i < n; i++)           /* keep the lower triangle only */
            for (int j = i + 1; j < n; j++)
                L[i * n + j] = 0.0;
    } else {   /* perfectly correlated pairs (rho = +-1) make it only semi-definite */
        int e = eigen_factor(C, n, L);
        if (e == -1)
            goto out;
        if (e < 0) {
            rc = RS_S_NOT_PD;
            goto out;
        }
    }
    *nout = n;
    *Lout = L;
    *idxout = idx;
    L = NULL;
    idx = NULL;
    rc = RS_S_OK;
out:
    free(pos);
    free(idx);
    free(L);
    free(C);
    return rc;
}

/* ---- random streams ------------------------------------------------------ */

static uint64_t splitmix64(uint64_t *x)
{
    uint64_t z = (*x += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
}

static void stream_set(void *state, unsigned long seed) { *(uint64_t *)state = seed; }
static unsigned long stream_get(void *state) { return (unsigned long)(splitmix64(state) >> 32); }
static double stream_get_double(void *state)
{
    return (double)(splitmix64(state) >> 11) * 0x1.0p-53;
}

static const gsl_rng_type stream_type = {"revsim-stream", 0xffffffffUL, 0, sizeof(uint64_t),
                                         &stream_set, &stream_get, &stream_get_double};
const gsl_rng_type *rs_rng_stream = &stream_type;

uint64_t rs_stream_key(const char *label)
{
    uint64_t h = 0xcbf29ce484222325ull;   /* FNV-1a */
    for (const unsigned char *p = (const unsigned char *)label; *p; p++)
        h = (h ^ *p) * 0x100000001b3ull;
    return h;
}

void rs_stream_start(gsl_rng *rng, unsigned long seed, long run, uint64_t stream)
{
    uint64_t x = (uint64_t)seed * 0xD1B54A32D192ED03ull ^ stream;
    uint64_t a = splitmix64(&x);
    x = a ^ ((uint64_t)run * 0x9E3779B97F4A7C15ull + 0x632BE59BD9B4E019ull);
    *(uint64_t *)gsl_rng_state(rng) = splitmix64(&x);
}
