/* test_finance.c: NPV, IRR and payback against independently known values;
 * rs_irr against the implementation it replaced (kept below as the
 * reference) on many random flows: the same root, bit for bit. */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <gsl/gsl_errno.h>
#include <gsl/gsl_roots.h>
#include "testutil.h"
#include "../../models/finance.h"

/* ---- the reference: rs_irr as it was (every grid cell outward from 0) ---- */
typedef struct { const double *cf; int n; } ref_irr_ctx;

/* npv as a function of u = log(1+x); smooth over the whole bracket range */
static double ref_npv_of_u(double u, void *p)
{
    const ref_irr_ctx *c = p;
    return rs_npv(c->cf, c->n, expm1(u));
}

#define REF_GRID 1000
#define REF_U0 (-4.605170185988091)  /* log(0.01) */
#define REF_U1 (13.815510557964274)  /* log(1e6)  */

/* Brent on [ua, ub] (npv changes sign there); NaN if it does not converge. */
static double ref_brent(gsl_root_fsolver *s, gsl_function *F, double ua, double ub)
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
static double ref_irr_unique(gsl_root_fsolver *s, gsl_function *F)
{
    double f0 = GSL_FN_EVAL(F, 0.0);
    if (f0 == 0.0)
        return 0.0;
    double prev = 0.0, step = 0.25;
    double f1 = GSL_FN_EVAL(F, REF_U1);
    int up = (f1 > 0) != (f0 > 0) || f1 == 0.0;          /* the root is above x = 0 */
    for (;;) {
        double u = up ? prev + step : prev - step;
        if (u > REF_U1) u = REF_U1;
        if (u < REF_U0) u = REF_U0;
        double fu = GSL_FN_EVAL(F, u);
        if (fu == 0.0)
            return expm1(u);
        if ((fu > 0) != (f0 > 0))
            return up ? ref_brent(s, F, prev, u) : ref_brent(s, F, u, prev);
        if (u == REF_U1 || u == REF_U0)
            return NAN;
        prev = u;
        step *= 2.0;
    }
}

static double ref_grid_u(int i) { return REF_U0 + (REF_U1 - REF_U0) * i / REF_GRID; }

/* npv at grid point i, computed once */
static double ref_grid_f(double *fv, unsigned char *have, int i, ref_irr_ctx *ctx)
{
    if (!have[i]) {
        fv[i] = ref_npv_of_u(ref_grid_u(i), ctx);
        have[i] = 1;
    }
    return fv[i];
}

/* Smallest |x| = |e^u - 1| over grid cell c (0 when it contains x = 0). */
static double ref_cell_distance(int c)
{
    double a = ref_grid_u(c), b = ref_grid_u(c + 1);
    if (a <= 0.0 && b >= 0.0)
        return 0.0;
    return fmin(fabs(expm1(a)), fabs(expm1(b)));
}

static double ref_irr(const double *cf, int n)
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

    ref_irr_ctx ctx = {cf, n};
    gsl_function F = {ref_npv_of_u, &ctx};
    gsl_root_fsolver *s = gsl_root_fsolver_alloc(gsl_root_fsolver_brent);
    double best = NAN;
    if (!s)
        return NAN;
    if (changes == 1) {
        best = ref_irr_unique(s, &F);
        gsl_root_fsolver_free(s);
        return best;
    }
    /* Cells [u_c, u_c+1] of the grid, visited outward from x = 0 in order of
     * their smallest |x|; stop once no unvisited cell can hold a root closer
     * to 0 than the best one. Same brackets and roots as scanning every
     * cell, but typically a few dozen npv evaluations instead of 1001. */
    double fv[REF_GRID + 1];
    unsigned char have[REF_GRID + 1];
    memset(have, 0, sizeof have);
    const int c0 = (int)floor((0.0 - REF_U0) / (REF_U1 - REF_U0) * REF_GRID);
    int left = c0, right = c0 + 1;
    for (;;) {
        double dl = left >= 0 ? ref_cell_distance(left) : INFINITY;
        double dr = right < REF_GRID ? ref_cell_distance(right) : INFINITY;
        double d = dl < dr ? dl : dr;
        if (isinf(d) || (!isnan(best) && d > fabs(best)))
            break;
        int c = dl < dr ? left-- : right++;
        double ua = ref_grid_u(c), ub = ref_grid_u(c + 1);
        double fa = ref_grid_f(fv, have, c, &ctx), fb = ref_grid_f(fv, have, c + 1, &ctx);
        double root = NAN;
        if (fa == 0.0)
            root = expm1(ua);
        else if (fa * fb < 0.0)
            root = ref_brent(s, &F, ua, ub);
        else if (fb == 0.0 && c + 1 == REF_GRID)
            root = expm1(ub);
        if (!isnan(root) && (isnan(best) || fabs(root) < fabs(best)))
            best = root;
    }
    gsl_root_fsolver_free(s);
    return best;
}

/* ---- random flows ---------------------------------------------------------- */

#ifndef IRR_SEED
#define IRR_SEED 88172645463325252ull
#endif
static unsigned long long rng_state = IRR_SEED;

static double urand(void)   /* xorshift64*: uniform in [0, 1) */
{
    rng_state ^= rng_state >> 12;
    rng_state ^= rng_state << 25;
    rng_state ^= rng_state >> 27;
    return (double)((rng_state * 2685821657736338717ull) >> 11) * 0x1.0p-53;
}

static int irand(int n) { return (int)(urand() * n); }

/* A programme's monthly flow: capex over the first months, income that
 * ramps up, renewals every `period` months, noise; sometimes a late loss. */
static void programme_flow(double *cf, int n)
{
    const double capex = 1e5 + 1e7 * urand(), income = capex * (0.003 + 0.03 * urand());
    const int build = 1 + irand(18), ramp = irand(36), period = 24 + irand(120);
    const double renew = capex * (0.2 + 1.5 * urand()), noise = 0.3 * urand();
    for (int m = 0; m < n; m++) {
        double v = m < build ? -capex / build : income * (ramp ? fmin(1.0, (double)(m - build) / ramp) : 1.0);
        if (m >= build && (m - build) % period == period - 1)
            v -= renew;
        v *= 1.0 + noise * (2 * urand() - 1);
        cf[m] = v;
    }
    if (urand() < 0.2)   /* a closing cost or a decline */
        for (int m = n - 1 - irand(n / 3 + 1); m < n; m++)
            cf[m] -= income * (0.5 + 2 * urand());
}

/* Year-end flows with roots 1+x_k chosen: the coefficients of
 * prod (v - 1/(1+x_k)) in v = (1+x)^-1, times a random scale. */
static void rooted_flow(double *cf, int n)
{
    const int years = n / 12, nroots = 2 + irand(years < 5 ? years - 1 : 4);
    double poly[12] = {1.0};
    int deg = 0;
    for (int k = 0; k < nroots && deg + 1 < years && deg < 10; k++) {
        double x = urand() < 0.5 ? -0.6 + 1.2 * urand() : exp(6 * urand() - 3) - 0.9;
        double r = 1.0 / (1.0 + x);
        poly[deg + 1] = 0.0;
        for (int j = deg + 1; j >= 1; j--)   /* (v - r) * poly */
            poly[j] = poly[j - 1] - r * poly[j];
        poly[0] *= -r;
        deg++;
    }
    memset(cf, 0, (size_t)n * sizeof *cf);
    double scale = 1e3 * exp(8 * urand());
    for (int j = 0; j <= deg; j++)   /* v^(j+1): the end of year j+1 */
        cf[12 * (j + 1) - 1] = scale * poly[j];
}

/* Values of random sign and magnitude, a few months apart. */
static void noisy_flow(double *cf, int n)
{
    memset(cf, 0, (size_t)n * sizeof *cf);
    const int k = 2 + irand(12);
    for (int i = 0; i < k; i++)
        cf[irand(n)] += (urand() < 0.5 ? -1 : 1) * exp(10 * urand());
}

#ifndef IRR_FLOWS
#define IRR_FLOWS 30000   /* more for a long check: -DIRR_FLOWS=1000000 */
#endif

static int same_double(double a, double b)
{
    return (isnan(a) && isnan(b)) || memcmp(&a, &b, sizeof a) == 0;
}

static void test_irr_matches_reference(void **state)
{
    (void)state;
    gsl_set_error_handler_off();
    enum { FLOWS = IRR_FLOWS };
    static double cf[1200];
    int roots = 0, several = 0;
    rs_irr_ws *w = rs_irr_ws_alloc();   /* one solver for all, as a Monte Carlo worker */
    assert_non_null(w);
    for (int t = 0; t < FLOWS; t++) {
        int n = 12 * (1 + irand(t % 10 == 0 ? 100 : 30));
        static double prev[1200];
        static int prev_n;
        switch (t % 4) {
        case 0: programme_flow(cf, n); break;
        case 1: rooted_flow(cf, n); break;
        case 2: noisy_flow(cf, n); break;
        default:   /* like the last flow (a Monte Carlo run after another) */
            n = prev_n;
            for (int m = 0; m < n; m++)
                cf[m] = prev[m] * (1.0 + 0.05 * (2 * urand() - 1));
        }
        memcpy(prev, cf, (size_t)n * sizeof *cf);
        prev_n = n;
        double want = ref_irr(cf, n), got = rs_irr_ws_run(w, cf, n);
        if (!same_double(got, want)) {
            print_error("flow %d (kind %d, %d months): rs_irr %.17g, reference %.17g\n", t,
                        t % 4, n, got, want);
            fail();
        }
        roots += !isnan(want);
        int changes = 0, last = 0;
        for (int m = 0; m < n; m++) {
            int sg = (cf[m] > 0) - (cf[m] < 0);
            changes += sg && last && sg != last;
            last = sg ? sg : last;
        }
        several += changes > 1;
    }
    rs_irr_ws_free(w);
    /* the flows exercise both paths and both outcomes */
    assert_true(roots > FLOWS / 3);
    assert_true(several > FLOWS / 2);
}

static void test_npv(void **state)
{
    (void)state;
    double cf[24] = {0};
    cf[11] = 110.0;   /* 110 at the end of year 1 at 10%: 100 */
    assert_rel(rs_npv(cf, 24, 0.10), 100.0, 1e-12);
    cf[23] = 121.0;   /* + 121 at the end of year 2: another 100 */
    assert_rel(rs_npv(cf, 24, 0.10), 200.0, 1e-12);
    assert_rel(rs_npv(cf, 24, 0.0), 231.0, 1e-14);
    double one[1] = {100.0}; /* one month at 12.68250301%/yr = 1%/month */
    assert_rel(rs_npv(one, 1, pow(1.01, 12) - 1), 100.0 / 1.01, 1e-12);
}

/* rs_irr's value, which must be computed (RS_S_OK); the same as with a
 * workspace reused for every call */
static double irr(const double *cf, int n)
{
    double x;
    assert_int_equal(rs_irr(cf, n, &x), RS_S_OK);
    rs_irr_ws *w = rs_irr_ws_alloc();
    assert_non_null(w);
    const double y = rs_irr_ws_run(w, cf, n);
    rs_irr_ws_free(w);
    assert_true(isnan(x) ? isnan(y) : x == y);
    return x;
}

static void test_irr_exact(void **state)
{
    (void)state;
    double cf[24] = {0};
    cf[11] = -1000.0;
    cf[23] = 1100.0;  /* -1000 (1+x)^-1 + 1100 (1+x)^-2 = 0  =>  x = 10% */
    assert_rel(irr(cf, 24), 0.10, 1e-9);

    /* monthly: -100 then 1%/month on 101 => (1.01)^12 - 1 */
    double m[2] = {-100.0, 101.0};
    assert_rel(irr(m, 2), pow(1.01, 12) - 1, 1e-9);

    /* a loss: -100 then 90 a year later => -10% */
    double loss[24] = {0};
    loss[0] = -100.0;
    loss[12] = 90.0;
    assert_rel(irr(loss, 24), -0.10, 1e-9);
}

static void test_irr_two_roots(void **state)
{
    (void)state;
    /* -100 v + 230 v^2 - 132 v^3 = 0 at v = 1/1.1 and 1/1.2: roots 10% and
     * 20%; the one closest to 0 is reported */
    double cf[36] = {0};
    cf[11] = -100.0;
    cf[23] = 230.0;
    cf[35] = -132.0;
    assert_rel(irr(cf, 36), 0.10, 1e-9);
}

static void test_irr_empty(void **state)
{
    (void)state;
    double pos[3] = {1, 2, 3}, neg[3] = {-1, 0, -3}, zero[3] = {0, 0, 0};
    assert_true(isnan(irr(pos, 3)));
    assert_true(isnan(irr(neg, 3)));
    assert_true(isnan(irr(zero, 3)));
}

static void test_payback(void **state)
{
    (void)state;
    /* C: -100 -70 -40 -10 20 => month 5 at 4 + 10/30 months */
    double a[5] = {-100, 30, 30, 30, 30};
    assert_rel(rs_payback(a, 5), (4.0 + 10.0 / 30.0) / 12.0, 1e-14);
    /* exactly reaching 0 at the end of month 4 */
    double b[5] = {-90, 30, 30, 30, 30};
    assert_rel(rs_payback(b, 5), 4.0 / 12.0, 1e-14);
    /* never pays back */
    double c[3] = {-100, 30, 30};
    assert_true(isnan(rs_payback(c, 3)));
    /* never negative: nothing to pay back */
    double d[3] = {0, 5, 5};
    assert_rel(rs_payback(d, 3), 0.0, 0);
    /* no flows at all */
    double e[3] = {0, 0, 0};
    assert_true(isnan(rs_payback(e, 3)));
    /* late start: zeros, then investment in month 3 */
    double f[6] = {0, 0, -60, 20, 20, 40};
    assert_rel(rs_payback(f, 6), (5.0 + 20.0 / 40.0) / 12.0, 1e-14);
    /* first crossing counts even if it dips again (renewal) */
    double g[5] = {-10, 20, -30, 5, 5};
    assert_rel(rs_payback(g, 5), (1.0 + 10.0 / 20.0) / 12.0, 1e-14);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_npv),         cmocka_unit_test(test_irr_exact),
        cmocka_unit_test(test_irr_two_roots), cmocka_unit_test(test_irr_empty),
        cmocka_unit_test(test_payback),     cmocka_unit_test(test_irr_matches_reference),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
