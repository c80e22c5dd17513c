/* test_portfolio.c: portfolio sums, fund, yearly results and headline
 * metrics of a small portfolio worked by hand from MODEL.md:
 *   community: 1000 m2 at 1 CNY, collection 0.5, cost 18000/yr
 *     => fee 500, cost 1500, gap 1000 a month; deficit 12000 a year
 *   other: 1200 a month from month 1, capex 6000 in month 1
 *     => cf: -4800, then 1200 a month; surplus 200 a month
 *   fund 1000, grant 500 in month 3, horizon 2 years, r = 10%. */
#include <math.h>
#include <stdlib.h>
#include "fix_models.h"
#include "../../models/lever.h"

static rs_scenario *make(void)
{
    rs_scenario *s = rs_test_scenario(2, 0.10, 1, 1);
    s->fund.v[FD_INITIAL] = 1000;
    rs_test_community(&s->com[0], NULL, 1000, 1, 0.5, 18000);
    rs_test_other(&s->lev[0], NULL, 1200);
    rs_test_set(&s->lev[0], "capex", 6000);
    s->grant = calloc(1, sizeof *s->grant);
    s->ngrant = 1;
    rs_entity_init(&s->grant[0], rs_section_find("grant"));
    rs_test_set(&s->grant[0], "amount", 500);
    rs_test_set(&s->grant[0], "month", 3);
    return s;
}

static void test_series(void **state)
{
    (void)state;
    rs_scenario *s = make();
    rs_results *r = rs_results_alloc(s);
    assert_non_null(r);
    rs_model_run(s, r);
    assert_int_equal(r->months, 24);
    assert_rel(r->gap[0], 1000, 1e-15);
    assert_rel(r->cf[0], -4800, 1e-15);
    assert_rel(r->cf[1], 1200, 1e-15);
    assert_rel(r->surplus[5], 200, 1e-15);
    /* fund(m) = 1000 + 200 m - 6000 + 500 [m >= 3] */
    assert_rel(r->fund[0], -4800, 1e-15);
    assert_rel(r->fund[1], -4600, 1e-15);
    assert_rel(r->fund[2], -3900, 1e-15);
    assert_rel(r->fund[23], 300, 1e-14);
    assert_rel(r->y_revenue[0], 14400, 1e-15);
    assert_rel(r->y_deficit[1], 12000, 1e-15);
    assert_rel(r->y_coverage[0], 1.2, 1e-15);
    assert_rel(r->y_surplus[0], 2400, 1e-15);
    assert_rel(r->y_fund_end[0], 1000 + 2400 - 6000 + 500, 1e-15);
    assert_rel(r->y_lev_revenue[1], 14400, 1e-15);
    assert_rel(r->y_com_net[0], 14400, 1e-15);
    assert_rel(rs_series_month(r, SR_COVERAGE, 1), 1.2, 1e-15);
    rs_results_free(r);
    rs_test_scenario_free(s);
}

static void test_metrics(void **state)
{
    (void)state;
    rs_scenario *s = make();
    rs_results *r = rs_results_alloc(s);
    rs_model_run(s, r);
    const double *mt = r->metric;
    assert_rel(mt[MT_REVENUE_YEAR1], 14400, 1e-15);
    assert_rel(mt[MT_STAB_YEAR], 1, 0);
    assert_rel(mt[MT_REVENUE_STAB], 14400, 1e-15);
    assert_rel(mt[MT_NET_STAB], 14400, 1e-15);
    assert_rel(mt[MT_DEFICIT_BEFORE], 12000, 1e-15);
    assert_rel(mt[MT_DEFICIT_YEAR1], 12000, 1e-15);
    assert_rel(mt[MT_COVERAGE_YEAR1], 1.2, 1e-15);
    assert_rel(mt[MT_COVERAGE_STAB], 1.2, 1e-15);
    assert_rel(mt[MT_FIRST_COVERED], 1, 0);
    assert_rel(mt[MT_YEARS_COVERED], 2, 0);            /* 14400 >= 12000 both years */
    assert_rel(mt[MT_COVERAGE_LAST], 1.2, 1e-15);
    assert_rel(mt[MT_CAPEX_TOTAL], 6000, 1e-15);
    /* npv = -6000 z + 1200 sum z^m, z = 1.1^(-1/12), m = 1..24 */
    assert_rel(mt[MT_NPV], 20164.9475483302, 1e-12);
    /* found by bisection of the same sum, independently */
    assert_rel(mt[MT_IRR], 13.3413253802973, 1e-9);
    /* C: -4800, -3600, -2400, -1200, 0 => 5 months */
    assert_rel(mt[MT_PAYBACK], 5.0 / 12.0, 1e-14);
    assert_rel(mt[MT_DPAYBACK], 0.423472236291069, 1e-12);
    assert_rel(mt[MT_FUND_MIN], -4800, 1e-15);
    assert_rel(mt[MT_FUND_MIN_MONTH], 1, 0);
    assert_rel(mt[MT_FUND_END], 300, 1e-14);
    assert_rel(mt[MT_P_COVERED_STAB], 1, 0);
    assert_rel(mt[MT_P_FUND_NONNEG], 0, 0);
    rs_results_free(r);
    rs_test_scenario_free(s);
}

static void test_stabilized_and_uncovered(void **state)
{
    (void)state;
    rs_scenario *s = make();
    /* income 500 only, ramp 14 months from month 3: completion 3-1+14 = 16
     * => year 3 would be first (month 25 >= 16)? no: year 2 starts at 13 < 16,
     * year 3 is beyond a 2-year horizon => the last year, 2 */
    rs_test_set(&s->lev[0], "income", 500);
    rs_test_set(&s->lev[0], "ramp_months", 14);
    rs_test_set(&s->lev[0], "start_month", 3);
    rs_results *r = rs_results_alloc(s);
    rs_model_run(s, r);
    assert_rel(r->metric[MT_STAB_YEAR], 2, 0);
    assert_true(isnan(r->metric[MT_FIRST_COVERED]));   /* 500/1000 < 1 */
    assert_rel(r->metric[MT_YEARS_COVERED], 0, 0);
    assert_rel(r->metric[MT_P_COVERED_STAB], 0, 0);
    /* community with no deficit: coverage empty, the year counts as covered */
    rs_test_set(&s->com[0], "cost_annual", 1000);
    rs_model_run(s, r);
    assert_true(isnan(r->metric[MT_COVERAGE_YEAR1]));
    assert_true(isnan(r->metric[MT_COVERAGE_LAST]));
    assert_rel(r->metric[MT_FIRST_COVERED], 1, 0);
    assert_rel(r->metric[MT_YEARS_COVERED], 2, 0);
    rs_results_free(r);
    rs_test_scenario_free(s);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_series),
        cmocka_unit_test(test_metrics),
        cmocka_unit_test(test_stabilized_and_uncovered),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
