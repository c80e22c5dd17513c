/* analysis.h: questions asked of the base case by moving parameters:
 * one-at-a-time sensitivity (tornado), solving for the value of one
 * parameter that makes a metric hit a target (GSL Brent), and fitting a
 * ramp to observed monthly values (gsl_multifit_nlinear). */
#ifndef RS_ANALYSIS_H
#define RS_ANALYSIS_H

#include "model.h"

/* Parameter named "SECTION.KEY" (e.g. "shops:east.rent", "scenario.discount_rate")
 * of s: its entity and parameter index; -1 when there is none. */
int rs_scenario_param(rs_scenario *s, const char *ref, rs_entity **e, int *param);

/* Re-derive defaults that follow other parameters after values changed
 * (a community's collection_target follows collection_start when unset). */
void rs_scenario_refresh(rs_scenario *s);

/* One row of a sensitivity sweep: range index, the metric with the parameter
 * at its low and at its high (the rest at value), swing = |high - low|
 * (NaN when either is empty). */
typedef struct {
    int range;
    double metric_low, metric_high, swing;
} rs_sweep_row;

/* Sweep every ranged parameter of s for metric (MT_*): rows (s->nranges of
 * them) sorted by swing, largest first, empty swings last; *base is the base
 * value. s's values are restored. Returns 0, or -1 when out of memory. */
int rs_sweep(rs_scenario *s, int metric, rs_sweep_row *rows, double *base);

/* Value x of parameter `param` of e in [a, b] at which `metric` equals
 * target (Brent). Returns 0 with *x set; 1 when the target is not bracketed
 * (f(a), f(b) in *fa, *fb); 2 when a metric is empty at an end or Brent does
 * not converge; -1 out of memory. e's value is restored. */
int rs_solve(rs_scenario *s, rs_entity *e, int param, int metric, double target, double a,
             double b, double *x, double *fa, double *fb);

/* A ramp fitted to observations (month m >= 1 counted from the ramp's start
 * month, value): value(m) = start + (target - start) L(min(1, m/R)). */
typedef struct {
    double start, target, ramp;          /* ramp in months (continuous) */
    double se_start, se_target, se_ramp; /* standard errors */
    double r2, rmse;
    int n, iterations;
} rs_fit_result;

/* Fit (start, target, R) by nonlinear least squares. Returns 0, 1 when there
 * are too few points (< 4) or the fit fails to converge, -1 out of memory. */
int rs_fit_ramp(const double *month, const double *value, int n, int shape,
                rs_fit_result *out);

#endif
