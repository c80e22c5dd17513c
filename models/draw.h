/* draw.h: the distributions of MODEL.md "Uncertainty" for one ranged
 * parameter: sampling with gsl_ran (independent draws), the inverse CDF (for
 * the Gaussian copula of correlated draws), and the correlation factor. */
#ifndef RS_DRAW_H
#define RS_DRAW_H

#include <math.h>
#include <stdint.h>
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

/* A range's distribution prepared for many draws: what does not change
 * between runs (a lognormal's mu and sigma, a PERT's a, b and ln B(a, b),
 * and for quantiles a grid of Beta quantiles that Halley's method starts
 * from) worked out once. rs_draw_prepared gives exactly rs_draw's values;
 * rs_draw_quantile_prepared rs_draw_quantile's to about 1e-15. */
#define RS_DRAW_QN 64
typedef struct {
    double mu, sigma;      /* lognormal */
    double a, b, lnb;      /* PERT */
    double *q;             /* PERT quantiles at u = k / RS_DRAW_QN, or NULL */
    double min, max;       /* the parameter's bounds (rs_draw_clamp) */
    int whole;             /* a whole-number parameter */
} rs_draw_prep;

/* Fill p for g (quantile: also the grid for rs_draw_quantile_prepared):
 * RS_S_OK or RS_S_NOMEM. Release with rs_draw_prep_release. */
rs_status rs_draw_prepare(const rs_range *g, int quantile, rs_draw_prep *p);
void rs_draw_prep_release(rs_draw_prep *p);
double rs_draw_prepared(const rs_range *g, const rs_draw_prep *p, gsl_rng *rng);
double rs_draw_quantile_prepared(const rs_range *g, const rs_draw_prep *p, double u);

/* x rounded when whole and clamped to [min, max]: rs_draw_clamp's rule. */
static inline double rs_clamp_value(double x, double min, double max, int whole)
{
    if (whole)
        x = nearbyint(x);
    if (x < min)
        x = min;
    if (x > max)
        x = max;
    return x;
}

/* rs_draw_clamp(g, x) for the range p was prepared for. */
static inline double rs_draw_clamp_prepared(const rs_draw_prep *p, double x)
{
    return rs_clamp_value(x, p->min, p->max, p->whole);
}

/* Clamp x to the parameter's bounds and round whole-number parameters. */
double rs_draw_clamp(const rs_range *g, double x);

/* A factor L (row-major n*n) of the declared correlation matrix, so that
 * L z has that correlation for independent standard normals z: its lower
 * Cholesky factor, or for a matrix that is only positive semi-definite
 * (a correlation of +-1) one from its eigendecomposition. One dimension per
 * random stream (rs_range.stream) involved in a correlation; idx[d] is the
 * first range of dimension d. RS_S_OK with *n (0 when there are no
 * correlations), RS_S_NOT_PD when the matrix is not positive semi-definite,
 * RS_S_NOMEM. `L` and `idx` are malloc'ed for the caller. */
rs_status rs_corr_factor(const rs_scenario *s, int *n, double **L, int **idx);

/* Random streams: every ranged parameter draws from a stream of its own,
 * keyed by (seed, run, stream key), so its values do not depend on which
 * other rows the scenario has. rs_rng_stream is a gsl_rng type (splitmix64,
 * 64 bits of state) whose state rs_stream_start sets directly. */
extern const gsl_rng_type *rs_rng_stream;

/* The stream key of a row label ("shops:east.rent", "shops:east.rent@3"). */
uint64_t rs_stream_key(const char *label);

/* Put rng (of type rs_rng_stream) at the start of the stream `stream` of
 * run `run` under `seed`. */
void rs_stream_start(gsl_rng *rng, unsigned long seed, long run, uint64_t stream);

/* Switch GSL's abort-on-error handler off, once for the process (every
 * models/ entry point that calls GSL does it first): a GSL failure is a
 * status, never an abort. */
void rs_init(void);

#endif
