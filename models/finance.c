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

double rs_irr(const double *cf, int n)
{
    int pos = 0, neg = 0;
    for (int i = 0; i < n; i++) {
        pos |= cf[i] > 0;
        neg |= cf[i] < 0;
    }
    if (!pos || !neg)
        return NAN;

    irr_ctx ctx = {cf, n};
    gsl_function F = {npv_of_u, &ctx};
    gsl_root_fsolver *s = gsl_root_fsolver_alloc(gsl_root_fsolver_brent);
    double best = NAN;
    if (!s)
        goto out;

    const double u0 = log(0.01), u1 = log(1e6);
    double ua = u0, fa = npv_of_u(ua, &ctx);
    for (int i = 1; i <= IRR_GRID; i++) {
        double ub = u0 + (u1 - u0) * i / IRR_GRID, fb = npv_of_u(ub, &ctx);
        double root = NAN;
        if (fa == 0.0) {
            root = expm1(ua);
        } else if (fa * fb < 0.0 && gsl_root_fsolver_set(s, &F, ua, ub) == GSL_SUCCESS) {
            for (int it = 0; it < 200; it++) {
                if (gsl_root_fsolver_iterate(s) != GSL_SUCCESS)
                    break;
                double lo = gsl_root_fsolver_x_lower(s), hi = gsl_root_fsolver_x_upper(s);
                if (gsl_root_test_interval(lo, hi, 1e-15, 1e-13) != GSL_CONTINUE) {
                    root = expm1(gsl_root_fsolver_root(s));
                    break;
                }
            }
        }
        if (!isnan(root) && (isnan(best) || fabs(root) < fabs(best)))
            best = root;
        ua = ub;
        fa = fb;
    }
    if (fa == 0.0 && (isnan(best) || fabs(expm1(ua)) < fabs(best)))
        best = expm1(ua);
out:
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
