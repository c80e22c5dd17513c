/* test_files_analysis.c: sweep, solve and fit on cases worked by hand.
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
    rs_handle h;
    assert_int_equal(rs_scenario_handle(&s, "other:x.income", &h), RS_S_OK);
    assert_int_equal(h.n, 1);
    assert_ptr_equal(h.at[0], &s.lev[0].v[OT_INCOME]);
    assert_rel(h.value, 1000, 0);
    assert_string_equal(h.p->name, "income");
    rs_handle_release(&h);
    assert_int_equal(rs_scenario_handle(&s, "scenario.discount_rate", &h), RS_S_OK);
    assert_ptr_equal(h.at[0], &s.scen.v[SC_DISCOUNT]);
    rs_handle_release(&h);
    assert_int_equal(rs_scenario_handle(&s, "other:y.income", &h), RS_S_INPUT);
    assert_int_equal(rs_scenario_handle(&s, "other:x.incom", &h), RS_S_INPUT);
    assert_int_equal(rs_scenario_handle(&s, "other:x", &h), RS_S_INPUT);
    assert_int_equal(rs_scenario_handle(&s, "other:x.income@3", &h), RS_S_INPUT); /* no step */
    rs_scenario_release(&s);
}

/* A template's row moves every copy: chargers:b like chargers:a (a
 * disabled template), both copies of its price. */
static void test_template_handle(void **state)
{
    (void)state;
    rs_scenario s;
    rs_error err = {0};
    assert_int_equal(rs_test_load_text(&s, rs_test_dir(), "t.csv",
        "section,key,value,low,high\n"
        "community:a,area_m2,1000\ncommunity:a,fee_rate,1\n"
        "community:a,collection_start,0.5\ncommunity:a,cost_annual,20000\n"
        "chargers:tpl,enabled,0\nchargers:tpl,price_per_session,2,1,3\n"
        "chargers:tpl,sessions_target,3\nchargers:tpl,ports,10\n"
        "chargers:b,like,chargers:tpl\nchargers:c,like,tpl\nchargers:c,ports,20\n",
        &err), 0);
    assert_int_equal(s.nlev, 2);
    assert_int_equal(s.nranges, 2);   /* the copies' inherited range: one stream */
    assert_true(s.ranges[0].stream == s.ranges[1].stream);
    assert_string_equal(s.ranges[0].label, "chargers:tpl.price_per_session");
    rs_handle h;
    assert_int_equal(rs_scenario_handle(&s, "chargers:tpl.price_per_session", &h), RS_S_OK);
    assert_int_equal(h.n, 2);
    rs_handle_set(&s, &h, 2.5);
    assert_rel(s.lev[0].v[CH_PPS], 2.5, 0);
    assert_rel(s.lev[1].v[CH_PPS], 2.5, 0);
    rs_handle_release(&h);
    /* a copy's own row moves only that copy */
    assert_int_equal(rs_scenario_handle(&s, "chargers:c.ports", &h), RS_S_OK);
    assert_int_equal(h.n, 1);
    rs_handle_release(&h);
    /* the sweep moves the template's row once, both copies together */
    rs_sweep_row rows[2];
    int n;
    double base;
    assert_int_equal(rs_sweep(&s, MT_REVENUE_YEAR1, rows, &n, &base), RS_S_OK);
    assert_int_equal(n, 1);
    /* revenue = 30 ports x 3 sessions x 365 days x price */
    assert_rel(base, 30 * 3 * 365 * 2.5, 1e-12);
    assert_rel(rows[0].metric_low, 30 * 3 * 365 * 1.0, 1e-12);
    assert_rel(rows[0].metric_high, 30 * 3 * 365 * 3.0, 1e-12);
    rs_scenario_release(&s);
}

static void test_sweep_order(void **state)
{
    (void)state;
    rs_scenario s;
    load(&s);
    rs_sweep_row rows[3];
    double base;
    int n;
    assert_int_equal(rs_sweep(&s, MT_NPV, rows, &n, &base), RS_S_OK);
    assert_int_equal(n, 3);
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
    assert_int_equal(rs_sweep(&s, MT_DEFICIT_YEAR1, rows, &n, &base), RS_S_OK);
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
    rs_handle h;
    assert_int_equal(rs_scenario_handle(&s, "other:x.income", &h), RS_S_OK);
    /* 12 income - 6000 = 0 at income 500; = 12000 at 1500 */
    assert_int_equal(rs_solve(&s, &h, MT_NPV, 0, 100, 2000, &x, &fa, &fb), 0);
    assert_rel(x, 500, 1e-9);
    assert_int_equal(rs_solve(&s, &h, MT_NPV, 12000, 100, 2000, &x, &fa, &fb), 0);
    assert_rel(x, 1500, 1e-9);
    assert_rel(s.lev[0].v[OT_INCOME], 1000, 0);     /* restored */
    /* not bracketed: npv runs from -4800 to 18000 */
    assert_int_equal(rs_solve(&s, &h, MT_NPV, 1e6, 100, 2000, &x, &fa, &fb), 1);
    assert_rel(fa, -4800, 1e-12);
    assert_rel(fb, 18000, 1e-12);
    /* coverage_year1 = 12 income / deficit, deficit = 20000 - 12 * 500 = 14000 */
    assert_int_equal(rs_solve(&s, &h, MT_COVERAGE_YEAR1, 1, 0, 2000, &x, &fa, &fb), 0);
    assert_rel(x, 14000.0 / 12.0, 1e-9);
    rs_handle_release(&h);
    rs_scenario_release(&s);
}

/* A whole-number parameter: the smallest whole value that reaches the
 * target. Ports p at 1 session a day at 1 CNY: revenue year 1 = 365 p;
 * 365 p >= 4000 first at p = 11 (10.96 continuous). */
static void test_solve_whole(void **state)
{
    (void)state;
    rs_scenario s;
    rs_error err = {0};
    assert_int_equal(rs_test_load_text(&s, rs_test_dir(), "w.csv",
        "section,key,value\nscenario,horizon_years,1\n"
        "community:a,area_m2,1000\ncommunity:a,fee_rate,1\n"
        "community:a,collection_start,0.5\ncommunity:a,cost_annual,20000\n"
        "chargers:c,ports,5\nchargers:c,sessions_target,1\nchargers:c,price_per_session,1\n",
        &err), 0);
    rs_handle h;
    assert_int_equal(rs_scenario_handle(&s, "chargers:c.ports", &h), RS_S_OK);
    double x, fa, fb;
    assert_int_equal(rs_solve(&s, &h, MT_REVENUE_YEAR1, 4000, 1, 100, &x, &fa, &fb), 0);
    assert_rel(x, 11, 0);
    /* coverage_year1 = 365 p / 14000 (deficit 20000 - 12 x 500): 0.2 is first
     * reached at p = 8 (7: 0.1825, 8: 0.2086) */
    assert_int_equal(rs_solve(&s, &h, MT_COVERAGE_YEAR1, 0.2, 1, 100, &x, &fa, &fb), 0);
    assert_rel(x, 8, 0);
    assert_rel(s.lev[0].v[CH_PORTS], 5, 0);
    rs_handle_release(&h);
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
        cmocka_unit_test(test_param_lookup), cmocka_unit_test(test_template_handle),
        cmocka_unit_test(test_sweep_order),  cmocka_unit_test(test_solve_whole),
        cmocka_unit_test(test_solve),        cmocka_unit_test(test_fit),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
