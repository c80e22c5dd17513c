/* sketch.h: a mergeable quantile sketch with bounded relative error (a
 * fixed log-bucket histogram, as in DDSketch): each value x with
 * RS_SKETCH_MIN <= |x| <= RS_SKETCH_MAX is counted in the bucket
 * (gamma^(i-1), gamma^i], gamma = (1+a)/(1-a), so a bucket's representative
 * 2 gamma^i/(gamma+1) is within a relative a (the kind's alpha) of every
 * value in it. |x| < RS_SKETCH_MIN counts as 0; beyond RS_SKETCH_MAX is
 * clamped; +-infinity have buckets of their own; NaN is not counted.
 * Counts are integers, so merging is exact and order-independent: the same
 * values give the same quantiles however the work was split. */
#ifndef RS_SKETCH_H
#define RS_SKETCH_H

#include <stdint.h>

#define RS_SKETCH_MIN 1e-6
#define RS_SKETCH_MAX 1e15

/* A sketch's resolution: its relative error and the layout that follows
 * (log gamma, the bucket index of RS_SKETCH_MIN, buckets of one sign). */
typedef struct {
    double alpha, lg;
    int off, nb;
} rs_sketch_kind;

/* Yearly series (mc_annual.csv): 0.5%. */
#define RS_SKETCH_ALPHA 0.005
extern const rs_sketch_kind rs_sketch_yearly;
/* Summary metrics beyond the runs kept for exact percentiles: 0.1%. */
#define RS_SKETCH_METRIC_ALPHA 0.001
extern const rs_sketch_kind rs_sketch_metric;

/* Buckets of one sketch (both signs, zero and the infinities). */
int rs_sketch_size(const rs_sketch_kind *k);

/* Count x into the sketch `counts` (rs_sketch_size() entries, zeroed). */
void rs_sketch_add(const rs_sketch_kind *k, uint32_t *counts, double x);

/* dst += src */
void rs_sketch_merge(const rs_sketch_kind *k, uint32_t *dst, const uint32_t *src);

/* Estimate of the q-quantile (0 <= q <= 1): the value of order statistic
 * floor(q (n-1)) (0-based) within the kind's alpha, interpolated linearly
 * to the next one as gsl_stats_quantile_from_sorted_data does; not
 * finite when an order statistic used is infinite. NaN when empty. */
double rs_sketch_quantile(const rs_sketch_kind *k, const uint32_t *counts, double q);

/* Several quantiles q[0..nq) in increasing order, in one pass: out[j] is
 * rs_sketch_quantile(k, counts, q[j]). */
void rs_sketch_quantiles(const rs_sketch_kind *k, const uint32_t *counts, const double *q,
                         int nq, double *out);

#endif
