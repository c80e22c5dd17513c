/* analysis.h: questions asked of the base case by moving parameters:
 * one-at-a-time sensitivity (tornado), solving for the value of one
 * parameter that makes a metric hit a target (GSL Brent), and fitting a
 * ramp to observed monthly values (gsl_multifit_nlinear). */
#ifndef RS_ANALYSIS_H
#define RS_ANALYSIS_H

#include "model.h"

/* A parameter that sweep and solve move: every value that comes from one
 * row of the scenario. "SECTION.KEY" or "SECTION.KEY@Y" names it; a
 * template's row moves the template (when enabled) and every copy that
 * inherits the row. `p` is its table row (unit, bounds, type), `value` its
 * value now; at[0..n) are the values it sets. Caller-owned:
 * rs_scenario_handle, then rs_handle_release. */
typedef struct {
    char label[RS_NAME_MAX + 96];
    const rs_param *p;
    double value;
    double **at;
    int n;
} rs_handle;

/* The handle of `ref` in s: RS_S_OK, RS_S_INPUT when no value of s comes
 * from that row, RS_S_NOMEM. */
rs_status rs_scenario_handle(rs_scenario *s, const char *ref, rs_handle *h);
void rs_handle_release(rs_handle *h);

/* Set every value of h to v and re-derive defaults. */
void rs_handle_set(rs_scenario *s, const rs_handle *h, double v);

/* One row of a sensitivity sweep: the (first) range it moves, the metric
 * with it at its low and at its high (the rest at value), swing = |high -
 * low| (NaN when either is empty). */
typedef struct {
    int range;
    double metric_low, metric_high, swing;
} rs_sweep_row;

/* Sweep every ranged parameter of s for metric (MT_*): one row per random
 * stream (a template's ranged row moves with its copies), into rows (room
 * for s->nranges), *nrows of them, sorted by swing, largest first, empty
 * swings last; *base is the base value. s's values are restored. */
rs_status rs_sweep(rs_scenario *s, int metric, rs_sweep_row *rows, int *nrows, double *base);

/* Value x of parameter h in [a, b] at which `metric` equals target (Brent);
 * for a whole-number parameter, the smallest whole value at or past the
 * crossing (bisection). Returns 0 with *x set; 1 when the target is not
 * bracketed (f(a), f(b) in *fa, *fb); 2 when a metric is empty at an end or
 * Brent does not converge; -1 out of memory. h's values are restored. */
int rs_solve(rs_scenario *s, const rs_handle *h, int metric, double target, double a,
             double b, double *x, double *fa, double *fb);

/* A ramp fitted to observations (month m >= 1 counted from the ramp's start
 * month, value): value(m) = start + (target - start) L(min(1, m/R)). */
typedef struct {
    double start, target, ramp;          /* ramp in months (continuous) */
    double se_start, se_target, se_ramp; /* standard errors */
    double r2, rmse;
    int n, iterations;
} rs_fit_result;

/* A fitted ramp, and its ramp length widened by 4 standard errors, stay
 * within this many months (callers round them to whole months). */
#define RS_FIT_MONTHS_MAX 1e6

/* Fit (start, target, R) by nonlinear least squares. Returns 0 with every
 * field of *out finite and |ramp| + 4 se_ramp <= RS_FIT_MONTHS_MAX; 1 when
 * there are too few points (< 4), the values are flat or the fit fails to
 * converge; 2 when an input is not finite or the data give no finite fit
 * (values so large that the sums overflow, or a ramp length they do not
 * determine); -1 out of memory. */
int rs_fit_ramp(const double *month, const double *value, int n, int shape,
                rs_fit_result *out);

#endif
