/* test_analysis.c: sweep, solve and fit on cases worked by hand.
 * The scenario: one community, one `other` lever with income 1000 (500 ..
 * 2000) and capex 6000 (3000 .. 9000), one year, discount rate 0, so
 *   npv = 12 income - capex = 6000 at the base case;
 *   income at 500 / 2000: npv 0 / 18000 (swing 18000);
 *   capex at 3000 / 9000: npv 9000 / 3000 (swing 6000). */
#include <math.h>
#include <stdlib.h>
#include <gsl/gsl_randist.h>
#include <gsl/gsl_rng.h>
#include "fix_io.h"
#include "../../models/analysis.h"
#include "../../models/ramp.h"
#include "../../io/scenario.h"

static const char *text =
    "section,key,value,low,high\n"
    "scenario,horizon_years,1\nscenario,discount_rate,0\n"
    "community:a,area_m2,1000\ncommunity:a,fee_rate,1\n"
    "community:a,collection_start,0.5,0.4,0.6\ncommunity:a,cost_annual,20000\n"
    "other:x,capex,6000,3000,9000\nother:x,income,1000,500,2000\n";

static void load(rs_scenario *s)
{
    rs_error err = {0};
    assert_int_equal(rs_test_load_text(s, rs_test_dir(), "a.csv", text, &err), 0);
}

static void test_param_lookup(void **state)
{
    (void)state;
    rs_scenario s;
    load(&s);
    rs_entity *e;
    int k;
    assert_int_equal(rs_scenario_param(&s, "other:x.income", &e, &k), 0);
    assert_ptr_equal(e, &s.lev[0]);
    assert_int_equal(k, OT_INCOME);
    assert_int_equal(rs_scenario_param(&s, "scenario.discount_rate", &e, &k), 0);
    assert_ptr_equal(e, &s.scen);
    assert_int_equal(rs_scenario_param(&s, "other:y.income", &e, &k), -1);
    assert_int_equal(rs_scenario_param(&s, "other:x.incom", &e, &k), -1);
    assert_int_equal(rs_scenario_param(&s, "other:x", &e, &k), -1);
    rs_scenario_release(&s);
}

static void test_sweep_order(void **state)
{
    (void)state;
    rs_scenario s;
    load(&s);
    rs_sweep_row rows[3];
    double base;
    assert_int_equal(rs_sweep(&s, MT_NPV, rows, &base), 0);
    assert_rel(base, 6000, 1e-12);
    /* income (range 2), capex (range 1), then collection_start: no npv swing */
    assert_int_equal(rows[0].range, 2);
    assert_rel(rows[0].metric_low, 0, 1e-9);
    assert_rel(rows[0].metric_high, 18000, 1e-12);
    assert_rel(rows[0].swing, 18000, 1e-12);
    assert_int_equal(rows[1].range, 1);
    assert_rel(rows[1].metric_low, 9000, 1e-12);
    assert_rel(rows[1].metric_high, 3000, 1e-12);
    assert_int_equal(rows[2].range, 0);
    assert_rel(rows[2].swing, 0, 0);
    /* values restored */
    assert_rel(s.lev[0].v[OT_INCOME], 1000, 0);
    assert_rel(s.com[0].v[CM_COLL_TARGET], 0.5, 0);
    /* deficit_before = 20000 - 12000 collection_start: 0.4 -> 15200, 0.6 -> 12800;
     * collection_target follows collection_start while unset */
    assert_int_equal(rs_sweep(&s, MT_DEFICIT_YEAR1, rows, &base), 0);
    assert_rel(base, 14000, 1e-12);
    assert_int_equal(rows[0].range, 0);
    assert_rel(rows[0].metric_low, 15200, 1e-12);
    assert_rel(rows[0].metric_high, 12800, 1e-12);
    rs_scenario_release(&s);
}

static void test_solve(void **state)
{
    (void)state;
    rs_scenario s;
    load(&s);
    double x, fa, fb;
    /* 12 income - 6000 = 0 at income 500; = 12000 at 1500 */
    assert_int_equal(rs_solve(&s, &s.lev[0], OT_INCOME, MT_NPV, 0, 100, 2000, &x, &fa, &fb), 0);
    assert_rel(x, 500, 1e-9);
    assert_int_equal(rs_solve(&s, &s.lev[0], OT_INCOME, MT_NPV, 12000, 100, 2000, &x, &fa, &fb),
                     0);
    assert_rel(x, 1500, 1e-9);
    assert_rel(s.lev[0].v[OT_INCOME], 1000, 0);     /* restored */
    /* not bracketed: npv runs from -4800 to 18000 */
    assert_int_equal(rs_solve(&s, &s.lev[0], OT_INCOME, MT_NPV, 1e6, 100, 2000, &x, &fa, &fb), 1);
    assert_rel(fa, -4800, 1e-12);
    assert_rel(fb, 18000, 1e-12);
    /* coverage_year1 = 12 income / deficit, deficit = 20000 - 12 * 500 = 14000 */
    assert_int_equal(
        rs_solve(&s, &s.lev[0], OT_INCOME, MT_COVERAGE_YEAR1, 1, 0, 2000, &x, &fa, &fb), 0);
    assert_rel(x, 14000.0 / 12.0, 1e-9);
    rs_scenario_release(&s);
}

static void fit_case(int shape, double start, double target, double R, double noise, int n)
{
    gsl_rng *rng = gsl_rng_alloc(gsl_rng_taus2);
    gsl_rng_set(rng, 99);
    double *m = malloc(n * sizeof *m), *v = malloc(n * sizeof *v);
    for (int i = 0; i < n; i++) {
        m[i] = i + 1;
        v[i] = rs_ramp_value(start, target, i + 1, 1, (int)R, shape) +
               (noise > 0 ? gsl_ran_gaussian(rng, noise) : 0);
    }
    rs_fit_result f;
    assert_int_equal(rs_fit_ramp(m, v, n, shape, &f), 0);
    if (noise == 0) {
        assert_rel(f.start, start, 1e-6);
        assert_rel(f.target, target, 1e-6);
        assert_rel(f.ramp, R, 1e-6);
        assert_rel(f.r2, 1, 1e-9);
    } else {
        /* within 4 standard errors, and the standard errors are small: under
         * 2% of the rise and under a month */
        const double rise = fabs(target - start);
        assert_true(fabs(f.start - start) < 4 * f.se_start && f.se_start < 0.02 * rise);
        assert_true(fabs(f.target - target) < 4 * f.se_target && f.se_target < 0.02 * rise);
        assert_true(fabs(f.ramp - R) < 4 * f.se_ramp && f.se_ramp < 1.0);
        assert_true(f.r2 > 0.99);
    }
    free(m);
    free(v);
    gsl_rng_free(rng);
}

static void test_fit(void **state)
{
    (void)state;
    fit_case(RS_SHAPE_LOGISTIC, 0.2, 0.9, 14, 0, 36);
    fit_case(RS_SHAPE_LINEAR, 0.35, 0.85, 24, 0, 40);
    fit_case(RS_SHAPE_LOGISTIC, 0.2, 0.9, 14, 0.01, 36);
    fit_case(RS_SHAPE_LOGISTIC, 120, 40, 10, 2.0, 30);   /* a falling ramp, sessions-like */
    double m[3] = {1, 2, 3}, v[3] = {1, 2, 3};
    rs_fit_result f;
    assert_int_equal(rs_fit_ramp(m, v, 3, RS_SHAPE_LINEAR, &f), 1);   /* too few */
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_param_lookup), cmocka_unit_test(test_sweep_order),
        cmocka_unit_test(test_solve),        cmocka_unit_test(test_fit),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
