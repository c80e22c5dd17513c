/* draw.c: sampling ranged parameters (triangular, uniform, PERT, normal,
 * lognormal) and the Cholesky factor of declared correlations. */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <gsl/gsl_cdf.h>
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
        x = nearbyint(x);
    if (x < p->min)
        x = p->min;
    if (x > p->max)
        x = p->max;
    return x;
}

int rs_corr_factor(const rs_scenario *s, double **Lout, int **idxout)
{
    *Lout = NULL;
    *idxout = NULL;
    if (s->ncorr == 0)
        return 0;
    int *pos = malloc((size_t)s->nranges * sizeof *pos);
    int *idx = malloc((size_t)s->nranges * sizeof *idx);
    int n = 0, rc = -2;
    double *L = NULL;
    if (!pos || !idx)
        goto out;
    for (int i = 0; i < s->nranges; i++)
        pos[i] = -1;
    for (int k = 0; k < s->ncorr; k++) {
        int ab[2] = {s->corr[k].a, s->corr[k].b};
        for (int j = 0; j < 2; j++)
            if (pos[ab[j]] < 0) {
                pos[ab[j]] = n;
                idx[n++] = ab[j];
            }
    }
    if (!(L = calloc((size_t)n * n, sizeof *L)))
        goto out;
    for (int i = 0; i < n; i++)
        L[i * n + i] = 1.0;
    for (int k = 0; k < s->ncorr; k++) {
        int i = pos[s->corr[k].a], j = pos[s->corr[k].b];
        L[i * n + j] = L[j * n + i] = s->corr[k].rho;
    }
    gsl_matrix_view m = gsl_matrix_view_array(L, (size_t)n, (size_t)n);
    if (gsl_linalg_cholesky_decomp1(&m.matrix) != GSL_SUCCESS) {
        rc = -1;
        goto out;
    }
    for (int i = 0; i < n; i++)           /* keep the lower triangle only */
        for (int j = i + 1; j < n; j++)
            L[i * n + j] = 0.0;
    *Lout = L;
    *idxout = idx;
    L = NULL;
    idx = NULL;
    rc = n;
out:
    free(pos);
    free(idx);
    free(L);
    return rc;
}
