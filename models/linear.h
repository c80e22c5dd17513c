/* linear.h: ramp tables and the expansion of a linear form (model.h rs_lin)
 * into monthly series; shared by the base case and Monte Carlo. */
#ifndef RS_LINEAR_H
#define RS_LINEAR_H

#include "model.h"

/* T[k], k = 0..months: T[0] = 0, T[k] = L(min(1, k/R)) (1 when R = 0). */
void rs_ramp_table(int R, int shape, int months, double *T);

/* Monthly gross, net and capex (arrays of `months`) of a linear form with
 * ramp table T (from rs_ramp_table with the form's R and shape). */
void rs_lin_expand(const rs_lin *lin, const double *T, int months, double *gross,
                   double *net, double *capex);

/* Month the ramp completes: shift + max(R, 1). */
static inline int rs_lin_completion(const rs_lin *lin)
{
    return lin->shift + (lin->R > 1 ? lin->R : 1);
}

/* Convenience for tests and one-off use: the linear form of e expanded with
 * scratch memory of its own. Returns 0, or -1 when out of memory. */
int rs_entity_expand(const rs_entity *e, int months, double *gross, double *net,
                     double *capex, int *completion);

#endif
