/* draw.c: sampling ranged parameters (triangular, uniform, PERT, normal,
 * lognormal) and the Cholesky factor of declared correlations. */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <gsl/gsl_cdf.h>
#include <gsl/gsl_eigen.h>
#include <gsl/gsl_errno.h>
#include <gsl/gsl_linalg.h>
#include <gsl/gsl_randist.h>
#include "draw.h"

/* PERT shape parameters (lambda = 4) */
static void pert_ab(const rs_range *g, double *a, double *b)
{
    double w = g->high - g->low;
    *a = 1.0 + 4.0 * (g->value - g->low) / w;
    *b = 1.0 + 4.0 * (g->high - g->value) / w;
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
        return g->low + (g->high - g->low) * gsl_cdf_beta_Pinv(u, a, b);
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

double rs_draw_clamp(const rs_range *g, double x)
{
    const rs_param *p = &g->e->sec->params[g->param];
    if (p->type == RS_P_INT)
        x = round(x);   /* half away from zero, as every rounding of the model */
    if (x < p->min)
        x = p->min;
    if (x > p->max)
        x = p->max;
    return x;
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
