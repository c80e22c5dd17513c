/* ramp.h: ramped quantities of MODEL.md "Ramps" (progress, linear and
 * logistic shapes) and yearly growth factors. */
#ifndef RS_RAMP_H
#define RS_RAMP_H

/* Progress p(m) of a ramp starting in month s over R months, in [0, 1]. */
double rs_ramp_progress(int m, int s, int R);

/* Shape L(p): RS_SHAPE_LINEAR or RS_SHAPE_LOGISTIC (k = 10, normalised). */
double rs_ramp_shape(double p, int shape);

/* value(m) = start + (target - start) * L(p(m)). */
double rs_ramp_value(double start, double target, int m, int s, int R, int shape);

/* year(m) = floor((m-1)/12) + 1 */
static inline int rs_year(int m) { return (m - 1) / 12 + 1; }

#endif
