/* sketch.h: a mergeable quantile sketch with bounded relative error (a
 * fixed log-bucket histogram, as in DDSketch): each value x with
 * RS_SKETCH_MIN <= |x| <= RS_SKETCH_MAX is counted in the bucket
 * (gamma^(i-1), gamma^i], gamma = (1+a)/(1-a), so a bucket's representative
 * 2 gamma^i/(gamma+1) is within a relative RS_SKETCH_ALPHA of every value in
 * it. |x| < RS_SKETCH_MIN counts as 0; beyond RS_SKETCH_MAX is clamped.
 * Counts are integers, so merging is exact and order-independent: the same
 * values give the same quantiles however the work was split. */
#ifndef RS_SKETCH_H
#define RS_SKETCH_H

#include <stdint.h>

#define RS_SKETCH_ALPHA 0.005
#define RS_SKETCH_MIN 1e-6
#define RS_SKETCH_MAX 1e15

/* Buckets of one sketch (both signs and zero). */
int rs_sketch_size(void);

/* Count x into the sketch `counts` (rs_sketch_size() entries, zeroed). */
void rs_sketch_add(uint32_t *counts, double x);

/* dst += src */
void rs_sketch_merge(uint32_t *dst, const uint32_t *src);

/* Estimate of the q-quantile (0 <= q <= 1): the value of order statistic
 * floor(q (n-1)) (0-based) within RS_SKETCH_ALPHA, interpolated linearly to
 * the next one as gsl_stats_quantile_from_sorted_data does. NaN when empty. */
double rs_sketch_quantile(const uint32_t *counts, double q);

#endif
