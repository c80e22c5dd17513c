/* finance.c: NPV, IRR (GSL Brent on grid brackets) and payback. */
#include <math.h>
#include <string.h>
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

static double grid_u(int i) { return IRR_U0 + (IRR_U1 - IRR_U0) * i / IRR_GRID; }

/* npv at grid point i, computed once */
static double grid_f(double *fv, unsigned char *have, int i, irr_ctx *ctx)
{
    if (!have[i]) {
        fv[i] = npv_of_u(grid_u(i), ctx);
        have[i] = 1;
    }
    return fv[i];
}

/* Smallest |x| = |e^u - 1| over grid cell c (0 when it contains x = 0). */
static double cell_distance(int c)
{
    double a = grid_u(c), b = grid_u(c + 1);
    if (a <= 0.0 && b >= 0.0)
        return 0.0;
    return fmin(fabs(expm1(a)), fabs(expm1(b)));
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
    /* Cells [u_c, u_c+1] of the grid, visited outward from x = 0 in order of
     * their smallest |x|; stop once no unvisited cell can hold a root closer
     * to 0 than the best one. Same brackets and roots as scanning every
     * cell, but typically a few dozen npv evaluations instead of 1001. */
    double fv[IRR_GRID + 1];
    unsigned char have[IRR_GRID + 1];
    memset(have, 0, sizeof have);
    const int c0 = (int)floor((0.0 - IRR_U0) / (IRR_U1 - IRR_U0) * IRR_GRID);
    int left = c0, right = c0 + 1;
    for (;;) {
        double dl = left >= 0 ? cell_distance(left) : INFINITY;
        double dr = right < IRR_GRID ? cell_distance(right) : INFINITY;
        double d = dl < dr ? dl : dr;
        if (isinf(d) || (!isnan(best) && d > fabs(best)))
            break;
        int c = dl < dr ? left-- : right++;
        double ua = grid_u(c), ub = grid_u(c + 1);
        double fa = grid_f(fv, have, c, &ctx), fb = grid_f(fv, have, c + 1, &ctx);
        double root = NAN;
        if (fa == 0.0)
            root = expm1(ua);
        else if (fa * fb < 0.0)
            root = brent(s, &F, ua, ub);
        else if (fb == 0.0 && c + 1 == IRR_GRID)
            root = expm1(ub);
        if (!isnan(root) && (isnan(best) || fabs(root) < fabs(best)))
            best = root;
    }
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
