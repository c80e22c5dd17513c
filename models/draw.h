/* draw.h: the distributions of MODEL.md "Uncertainty" for one ranged
 * parameter: sampling with gsl_ran (independent draws), the inverse CDF (for
 * the Gaussian copula of correlated draws), and the correlation factor. */
#ifndef RS_DRAW_H
#define RS_DRAW_H

#include <gsl/gsl_rng.h>
#include "model.h"

/* z such that P(N(0,1) <= z) = 0.95: low/high of normal and lognormal
 * parameters are their 5th and 95th percentiles. */
#define RS_Z95 1.6448536269514722

/* One independent draw of g (triangular by inverse CDF of a uniform; uniform,
 * PERT (beta, lambda = 4), normal and lognormal with gsl_ran). Not clamped. */
double rs_draw(const rs_range *g, gsl_rng *rng);

/* Quantile function of g's distribution at probability u in (0, 1). */
double rs_draw_quantile(const rs_range *g, double u);

/* Clamp x to the parameter's bounds and round whole-number parameters. */
double rs_draw_clamp(const rs_range *g, double x);

/* Lower Cholesky factor (row-major n*n, n = s->nranges involved in any
 * correlation; `idx` gets their range indices) of the declared correlation
 * matrix. Returns the size n (0 when there are no correlations), or -1 when
 * the matrix is not positive definite, -2 when out of memory. `L` and `idx`
 * are malloc'ed for the caller. */
int rs_corr_factor(const rs_scenario *s, double **L, int **idx);

#endif
