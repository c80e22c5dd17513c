/* linear.h: ramp tables and the expansion of a linear form (model.h rs_lin)
 * into monthly series; shared by the base case, Monte Carlo and the
 * optimiser. */
#ifndef RS_LINEAR_H
#define RS_LINEAR_H

#include "model.h"

/* T[k], k = 0..months: T[0] = 0, T[k] = L(min(1, k/R)) (1 when R = 0). */
void rs_ramp_table(int R, int shape, int months, double *T);

/* Monthly flows of one lever or community; a NULL array is not written. */
typedef struct {
    double *gross, *net, *tax, *subsidy, *capex;
} rs_flows;

/* The monthly flows (arrays of `months`, overwritten) of a linear form with
 * ramp table T (from rs_ramp_table with the form's R and shape): gross,
 * net, tax, subsidy (the one-off subsidy and the per-kWh one) and capex. */
void rs_lin_expand(const rs_lin *lin, const double *T, int months, const rs_flows *out);

/* Add the form's capex to capex[0..months) and, when dep_diff is not NULL,
 * its depreciation as a difference array: an amount c paid in month t adds
 * c/N to months t..t+N-1 (N = dep_months), so dep_diff[t-1] += c/N and
 * dep_diff[t-1+N] -= c/N (dep_diff has months + 1 entries; the caller sums
 * it). Capex after the horizon is dropped. */
void rs_lin_capex(const rs_lin *lin, int months, double *capex, double *dep_diff);

/* Month the ramp completes (rs_lin.completion). */
static inline int rs_lin_completion(const rs_lin *lin) { return lin->completion; }

/* Convenience for tests and one-off use: the flows of e expanded with
 * scratch memory of its own. Returns 0, or -1 when out of memory or when
 * months is outside 1 .. RS_MAX_MONTHS (the linear forms' year buffers
 * hold RS_MAX_MONTHS / 12 years). */
int rs_entity_flows(const rs_entity *e, int months, const rs_flows *out, int *completion);

/* The same with gross, net and capex only. */
int rs_entity_expand(const rs_entity *e, int months, double *gross, double *net,
                     double *capex, int *completion);

#endif
