/* test_draw.c: each distribution's moments and percentiles against its
 * formula (MODEL.md "Uncertainty"), for independent draws (gsl_ran) and for
 * the quantile function used by correlated draws. */
#include <math.h>
#include <stdlib.h>
#include <gsl/gsl_cdf.h>
#include <gsl/gsl_rng.h>
#include <gsl/gsl_sort.h>
#include <gsl/gsl_statistics_double.h>
#include "testutil.h"
#include "../../models/draw.h"
#include "../../models/lever.h"

#define N 200000

static rs_entity ent;   /* a parameter to hang ranges on: other.growth */

static rs_range range(double lo, double v, double hi, rs_dist d)
{
    rs_entity_init(&ent, &rs_section_other);
    rs_range g = {&ent, OT_GROWTH, -1, lo, v, hi, d, 0, "other.growth"};
    return g;
}

/* sample g N times, independently or through the quantile function */
static double *sample(const rs_range *g, int by_quantile)
{
    gsl_rng *rng = gsl_rng_alloc(gsl_rng_taus2);
    gsl_rng_set(rng, 12345);
    double *x = malloc(N * sizeof *x);
    for (int i = 0; i < N; i++)
        x[i] = by_quantile ? rs_draw_quantile(g, gsl_rng_uniform_pos(rng)) : rs_draw(g, rng);
    gsl_rng_free(rng);
    gsl_sort(x, 1, N);
    return x;
}

static void check(const rs_range *g, double mean, double sd, double p05, double p95)
{
    for (int q = 0; q < 2; q++) {
        double *x = sample(g, q);
        /* sampling error: mean sd/sqrt(N) ~ 0.0022 sd; percentiles up to ~0.008 sd
         * in the skewed tails (sqrt(p(1-p)/N)/density): allow about 4-5x */
        assert_true(fabs(gsl_stats_mean(x, 1, N) - mean) < 0.012 * sd);
        assert_rel(gsl_stats_sd(x, 1, N), sd, 0.01);
        assert_true(fabs(gsl_stats_quantile_from_sorted_data(x, 1, N, 0.05) - p05) < 0.03 * sd);
        assert_true(fabs(gsl_stats_quantile_from_sorted_data(x, 1, N, 0.95) - p95) < 0.03 * sd);
        free(x);
    }
}

static void test_triangular(void **state)
{
    (void)state;
    double a = 0.0, c = 0.2, b = 1.0;
    rs_range g = range(a, c, b, RS_DIST_TRIANGULAR);
    double mean = (a + b + c) / 3, var = (a * a + b * b + c * c - a * b - a * c - b * c) / 18;
    /* F(x) = x^2/((b-a)(c-a)) below c: p05 = sqrt(0.05 * 0.2); above c:
     * 1 - (b-x)^2/((b-a)(b-c)): p95 = 1 - sqrt(0.05 * 0.8) */
    check(&g, mean, sqrt(var), sqrt(0.05 * 0.2), 1 - sqrt(0.05 * 0.8));
    assert_rel(rs_draw_quantile(&g, 0.2), 0.2, 1e-14);   /* F(c) = (c-a)/(b-a) */
}

static void test_uniform(void **state)
{
    (void)state;
    rs_range g = range(2, 3, 6, RS_DIST_UNIFORM);
    check(&g, 4, 4 / sqrt(12), 2.2, 5.8);
}

static void test_pert(void **state)
{
    (void)state;
    /* a=0, c=0.25, b=1: alpha = 1 + 4*0.25 = 2, beta = 1 + 4*0.75 = 4;
     * mean (a + 4c + b)/6 = 1/3; var = ab/((a+b)^2(a+b+1)) = 8/(36*7) */
    rs_range g = range(0, 0.25, 1, RS_DIST_PERT);
    /* Beta(2,4) percentiles: I_x(2,4) = 0.05 at x = 0.0764, 0.95 at 0.6574 */
    check(&g, 1.0 / 3.0, sqrt(8.0 / 252.0), 0.07644, 0.65741);
}

/* The PERT quantile (correlated draws) is Beta(a, b)'s inverse CDF: GSL's
 * gsl_cdf_beta_Pinv to within 1e-13 of the smaller of x and 1 - x, over
 * modes across the range and probabilities out to 1e-9 in both tails;
 * increasing in u. */
static void test_pert_quantile(void **state)
{
    (void)state;
    double worst = 0;
    for (double v = 0.001; v < 1; v += 0.0137) {
        rs_range g = range(0.0, v, 1.0, RS_DIST_PERT);
        const double a = 1 + 4 * v, b = 1 + 4 * (1 - v);
        double prev = -1;
        for (double u = 1e-9; u < 1;
             u = u < 1e-3 ? u * 3 : u > 0.999 ? 1 - (1 - u) / 3 : u + 0.00731) {
            double x = rs_draw_quantile(&g, u), ref = gsl_cdf_beta_Pinv(u, a, b);
            double err = fabs(x - ref) / fmax(fmin(ref, 1 - ref), 1e-300);
            worst = err > worst ? err : worst;
            assert_true(x >= prev);
            prev = x;
        }
    }
    if (worst > 1e-13) {
        print_error("worst relative difference from GSL %g\n", worst);
        fail();
    }
    /* low/high scale it: PERT(2, 5, 10) is 2 + 8 Beta(2.5, 3.5) */
    rs_range g = range(2.0, 5.0, 10.0, RS_DIST_PERT);
    assert_rel(rs_draw_quantile(&g, gsl_cdf_beta_P(3.0 / 8.0, 2.5, 3.5)), 5.0, 1e-12);
}

/* Prepared draws: exactly rs_draw's values for every distribution (the
 * same stream), rs_draw_quantile's to 1e-14 for the quantiles. */
static void test_prepared(void **state)
{
    (void)state;
    for (int d = 0; d < 5; d++) {
        rs_range g = range(0.01, 0.03, 0.08, (rs_dist)d);
        rs_draw_prep prep;
        assert_int_equal(rs_draw_prepare(&g, 1, &prep), RS_S_OK);
        gsl_rng *a = gsl_rng_alloc(gsl_rng_taus2), *b = gsl_rng_alloc(gsl_rng_taus2);
        gsl_rng_set(a, 99);
        gsl_rng_set(b, 99);
        for (int i = 0; i < 2000; i++) {
            double x = rs_draw(&g, a), y = rs_draw_prepared(&g, &prep, b);
            assert_memory_equal(&x, &y, sizeof x);
            double u = (i + 0.5) / 2000.0;
            assert_rel(rs_draw_quantile_prepared(&g, &prep, u), rs_draw_quantile(&g, u), 1e-14);
        }
        gsl_rng_free(a);
        gsl_rng_free(b);
        rs_draw_prep_release(&prep);
    }
}

static void test_normal(void **state)
{
    (void)state;
    /* low/high are the 5th/95th percentiles: sd = (high-low)/(2*1.6449) */
    rs_range g = range(0.1, 0.3, 0.5, RS_DIST_NORMAL);
    check(&g, 0.3, 0.2 / 1.6448536269514722, 0.1, 0.5);
    assert_rel(rs_draw_quantile(&g, 0.05), 0.1, 1e-9);
    assert_rel(rs_draw_quantile(&g, 0.95), 0.5, 1e-9);
}

static void test_lognormal(void **state)
{
    (void)state;
    /* median 0.2, 5th/95th 0.1 and 0.4: log sd = ln 2 / 1.6449 */
    rs_range g = range(0.1, 0.2, 0.4, RS_DIST_LOGNORMAL);
    double s = log(2) / 1.6448536269514722;
    check(&g, 0.2 * exp(s * s / 2), 0.2 * sqrt((exp(s * s) - 1) * exp(s * s)), 0.1, 0.4);
    assert_rel(rs_draw_quantile(&g, 0.5), 0.2, 1e-9);
}

static void test_clamp(void **state)
{
    (void)state;
    rs_range g = range(-0.4, 0, 0.4, RS_DIST_NORMAL);   /* growth: bounds -0.5 .. 1 */
    assert_rel(rs_draw_clamp(&g, -0.7), -0.5, 0);
    assert_rel(rs_draw_clamp(&g, 1.3), 1.0, 0);
    rs_range r = {&ent, OT_RAMP, -1, 0, 6, 12, RS_DIST_UNIFORM, 0, "other.ramp_months"}; /* whole */
    assert_rel(rs_draw_clamp(&r, 6.6), 7, 0);
    assert_rel(rs_draw_clamp(&r, 6.4), 6, 0);
    rs_range d = range(0.3, 0.3, 0.3, RS_DIST_TRIANGULAR);     /* degenerate */
    gsl_rng *rng = gsl_rng_alloc(gsl_rng_taus2);
    assert_rel(rs_draw(&d, rng), 0.3, 0);
    gsl_rng_free(rng);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_triangular), cmocka_unit_test(test_uniform),
        cmocka_unit_test(test_pert),       cmocka_unit_test(test_normal),
        cmocka_unit_test(test_lognormal),  cmocka_unit_test(test_clamp),
        cmocka_unit_test(test_pert_quantile), cmocka_unit_test(test_prepared),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
