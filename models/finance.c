/* finance.c: NPV, IRR (GSL Brent on grid brackets) and payback. */
#include <math.h>
#include <gsl/gsl_errno.h>
#include <gsl/gsl_roots.h>
#include "finance.h"

double rs_npv(const double *cf, int n, double r)
{
    /* (1+r)^(-m/12) = z^m with z = (1+r)^(-1/12): Horner, no pow per month */
    double z = pow(1.0 + r, -1.0 / 12.0), acc = 0.0;
    for (int m = n; m >= 1; m--)
        acc = (acc + cf[m - 1]) * z;
    return acc;
}

typedef struct { const double *cf; int n; } irr_ctx;

/* npv as a function of u = log(1+x); smooth over the whole bracket range */
static double npv_of_u(double u, void *p)
{
    const irr_ctx *c = p;
    return rs_npv(c->cf, c->n, expm1(u));
}

#define IRR_GRID 1000
#define IRR_U0 (-4.605170185988091)  /* log(0.01) */
#define IRR_U1 (13.815510557964274)  /* log(1e6)  */

/* Brent on [ua, ub] (npv changes sign there); NaN if it does not converge. */
static double brent(gsl_root_fsolver *s, gsl_function *F, double ua, double ub)
{
    if (gsl_root_fsolver_set(s, F, ua, ub) != GSL_SUCCESS)
        return NAN;
    for (int it = 0; it < 200; it++) {
        if (gsl_root_fsolver_iterate(s) != GSL_SUCCESS)
            return NAN;
        double lo = gsl_root_fsolver_x_lower(s), hi = gsl_root_fsolver_x_upper(s);
        if (gsl_root_test_interval(lo, hi, 1e-15, 1e-13) != GSL_CONTINUE)
            return expm1(gsl_root_fsolver_root(s));
    }
    return NAN;
}

/* One sign change in cf: npv has exactly one root in x > -1 (Descartes'
 * rule in z = (1+x)^(-1/12)); bracket it by doubling steps away from x = 0. */
static double irr_unique(gsl_root_fsolver *s, gsl_function *F)
{
    double f0 = GSL_FN_EVAL(F, 0.0);
    if (f0 == 0.0)
        return 0.0;
    double prev = 0.0, step = 0.25;
    double f1 = GSL_FN_EVAL(F, IRR_U1);
    int up = (f1 > 0) != (f0 > 0) || f1 == 0.0;          /* the root is above x = 0 */
    for (;;) {
        double u = up ? prev + step : prev - step;
        if (u > IRR_U1) u = IRR_U1;
        if (u < IRR_U0) u = IRR_U0;
        double fu = GSL_FN_EVAL(F, u);
        if (fu == 0.0)
            return expm1(u);
        if ((fu > 0) != (f0 > 0))
            return up ? brent(s, F, prev, u) : brent(s, F, u, prev);
        if (u == IRR_U1 || u == IRR_U0)
            return NAN;
        prev = u;
        step *= 2.0;
    }
}

double rs_irr(const double *cf, int n)
{
    int changes = 0, last = 0;
    for (int i = 0; i < n; i++) {
        int sg = (cf[i] > 0) - (cf[i] < 0);
        if (sg && last && sg != last)
            changes++;
        if (sg)
            last = sg;
    }
    if (changes == 0)
        return NAN;

    irr_ctx ctx = {cf, n};
    gsl_function F = {npv_of_u, &ctx};
    gsl_root_fsolver *s = gsl_root_fsolver_alloc(gsl_root_fsolver_brent);
    double best = NAN;
    if (!s)
        return NAN;
    if (changes == 1) {
        best = irr_unique(s, &F);
        gsl_root_fsolver_free(s);
        return best;
    }
    double ua = IRR_U0, fa = npv_of_u(ua, &ctx);
    for (int i = 1; i <= IRR_GRID; i++) {
        double ub = IRR_U0 + (IRR_U1 - IRR_U0) * i / IRR_GRID, fb = npv_of_u(ub, &ctx);
        double root = NAN;
        if (fa == 0.0)
            root = expm1(ua);
        else if (fa * fb < 0.0)
            root = brent(s, &F, ua, ub);
        if (!isnan(root) && (isnan(best) || fabs(root) < fabs(best)))
            best = root;
        ua = ub;
        fa = fb;
    }
    if (fa == 0.0 && (isnan(best) || fabs(expm1(ua)) < fabs(best)))
        best = expm1(ua);
    gsl_root_fsolver_free(s);
    return best;
}

double rs_payback(const double *cf, int n)
{
    double c = 0.0;
    int went_negative = 0, any = 0;
    for (int m = 1; m <= n; m++) {
        double prev = c;
        c += cf[m - 1];
        any |= cf[m - 1] != 0.0;
        if (c < 0.0)
            went_negative = 1;
        else if (prev < 0.0)
            return ((m - 1) + (-prev) / cf[m - 1]) / 12.0;
    }
    if (!went_negative)
        return any ? 0.0 : NAN;
    return NAN;
}
