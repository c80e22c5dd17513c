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

/* ---- part 2: income tax, fund interest, financing ------------------------ */

/* A scenario of `years` years at r = 0 with one community that has neither
 * fees nor cost (so surplus = net income) and one `other` lever. */
static rs_scenario *flat(int years)
{
    rs_scenario *s = rs_test_scenario(years, 0, 1, 1);
    rs_test_community(&s->com[0], NULL, 1000, 0, 0, 0);
    rs_test_other(&s->lev[0], NULL, 0);
    return s;
}

/* Income tax 25% with a loss carried forward five years and then lost:
 * opex 10 a month; income 0 in year 1 (loss 120), 11 in years 2..6 (profit
 * 12 a year, each using 12 of year 1's loss: 108, 96, 84, 72, 60 left), 20
 * from year 7 (profit 120). Year 1's loss may reduce years 2..6 only, so the
 * 60 left is lost and year 7 pays 0.25 x 120 = 30, as does year 8. */
static void test_income_tax_losses(void **state)
{
    (void)state;
    rs_scenario *s = flat(8);
    s->scen.v[SC_INCOME_TAX] = 0.25;
    rs_test_set(&s->lev[0], "opex_fixed", 10);
    s->step = calloc(2, sizeof *s->step);
    s->nstep = 2;
    s->step[0] = (rs_step){OT_INCOME, 2, 11};
    s->step[1] = (rs_step){OT_INCOME, 7, 20};
    s->lev[0].steps = s->step;
    s->lev[0].nsteps = 2;
    rs_results *r = rs_results_alloc(s);
    rs_model_run(s, r);
    assert_rel(r->y_net[0], -120, 1e-12);
    assert_rel(r->y_net[1], 12, 1e-12);
    assert_rel(r->y_net[6], 120, 1e-12);
    for (int y = 1; y <= 6; y++)
        assert_rel(r->y_income_tax[y - 1], 0, 0);
    assert_rel(r->income_tax[83], 30, 1e-12);   /* paid in month 12 y */
    assert_rel(r->y_income_tax[6], 30, 1e-12);
    assert_rel(r->y_income_tax[7], 30, 1e-12);
    assert_rel(r->metric[MT_INCOME_TAX_TOTAL], 60, 1e-12);
    /* the fund pays it: -120 + 5 x 12 + 2 x 120 - 60 */
    assert_rel(r->metric[MT_FUND_END], 120, 1e-12);
    assert_rel(r->cf[83], 10 - 30, 1e-12);
    rs_results_free(r);
    rs_test_scenario_free(s);
}

/* Depreciation across the horizon's end: capex 1,200 in month 1 over 2
 * years (50 a month), horizon 1 year: 600 deducted. Income 200 a month:
 * profit 2,400 - 600 = 1,800, tax 25% = 450 in month 12. */
static void test_depreciation_horizon(void **state)
{
    (void)state;
    rs_scenario *s = flat(1);
    s->scen.v[SC_INCOME_TAX] = 0.25;
    rs_test_set(&s->lev[0], "income", 200);
    rs_test_set(&s->lev[0], "capex", 1200);
    rs_test_set(&s->lev[0], "depreciation_years", 2);
    rs_results *r = rs_results_alloc(s);
    rs_model_run(s, r);
    assert_rel(r->dep[0], 50, 1e-12);
    assert_rel(r->dep[11], 50, 1e-12);
    assert_rel(r->income_tax[11], 450, 1e-12);
    assert_rel(r->cf[11], 200 - 450, 1e-12);
    assert_rel(r->metric[MT_INCOME_TAX_TOTAL], 450, 1e-12);
    /* the lever's own cf carries no income tax */
    assert_rel(r->y_lev[LY_CF * 1], 2400 - 1200, 1e-12);
    rs_results_free(r);
    rs_test_scenario_free(s);
}

/* Fund interest 12% (1% a month) on 12,000: 120 in month 1 (fund 12,120),
 * 121.20 in month 2 (12,241.20); overdraft 12% on -1,000: -10 (-1,010),
 * then -10.10 (-1,020.10). With a reserve of -1,015 the months below it are
 * months 2..12: 11. */
static void test_fund_interest(void **state)
{
    (void)state;
    rs_scenario *s = rs_test_scenario(1, 0, 1, 0);
    rs_test_community(&s->com[0], NULL, 1000, 0, 0, 0);
    s->fund.v[FD_INITIAL] = 12000;
    s->fund.v[FD_INTEREST] = 0.12;
    s->fund.v[FD_OVERDRAFT] = 0.12;
    rs_results *r = rs_results_alloc(s);
    rs_model_run(s, r);
    assert_rel(r->fund_interest[0], 120, 1e-12);
    assert_rel(r->fund[0], 12120, 1e-12);
    assert_rel(r->fund_interest[1], 121.2, 1e-12);
    assert_rel(r->fund[1], 12241.2, 1e-12);
    assert_rel(r->metric[MT_FUND_END], 12000 * pow(1.01, 12), 1e-12);
    s->fund.v[FD_INITIAL] = -1000;
    s->fund.v[FD_RESERVE] = -1015;
    rs_model_run(s, r);
    assert_rel(r->fund_interest[0], -10, 1e-12);
    assert_rel(r->fund[0], -1010, 1e-12);
    assert_rel(r->fund_interest[1], -10.1, 1e-12);
    assert_rel(r->fund[1], -1020.1, 1e-12);
    assert_rel(r->metric[MT_MONTHS_BELOW_RESERVE], 11, 0);
    rs_results_free(r);
    rs_test_scenario_free(s);
}

/* A loan of 120,000 at 0% over one year (10,000 a month in months 2..13)
 * and income 20,000 a month, horizon 2 years, r = 0:
 *   year 1: debt service 11 x 10,000, dscr 240,000 / 110,000 = 2.1818...;
 *   year 2: 10,000 (month 13), dscr 24; dscr_min = 2.1818...;
 *   cf_equity = cf + 120,000 in month 1 - debt service; npv_equity (r = 0)
 *   = 480,000 + 120,000 - 120,000 = 480,000; debt_end 0; the fund gets the
 *   draw and pays the service. */
static void test_financing(void **state)
{
    (void)state;
    rs_scenario *s = flat(2);
    rs_test_set(&s->lev[0], "income", 20000);
    s->loan = calloc(1, sizeof *s->loan);
    s->nloan = 1;
    rs_entity_init(&s->loan[0], &rs_section_loan);
    rs_test_set(&s->loan[0], "amount", 120000);
    rs_test_set(&s->loan[0], "term_years", 1);
    rs_results *r = rs_results_alloc(s);
    rs_model_run(s, r);
    assert_rel(r->y_debt_service[0], 110000, 1e-12);
    assert_rel(r->y_dscr[0], 240000.0 / 110000.0, 1e-12);
    assert_rel(r->y_dscr[1], 24, 1e-12);
    assert_rel(r->metric[MT_DSCR_MIN], 240000.0 / 110000.0, 1e-12);
    assert_rel(r->metric[MT_P_DSCR_ABOVE_1], 1, 0);
    assert_rel(r->cf_equity[0], 20000 + 120000, 1e-12);
    assert_rel(r->cf_equity[1], 20000 - 10000, 1e-12);
    assert_rel(r->metric[MT_NPV_EQUITY], 480000, 1e-12);
    assert_rel(r->metric[MT_NPV], 480000, 1e-12);
    assert_rel(r->metric[MT_DEBT_END], 0, 0);
    assert_rel(r->metric[MT_DEBT_SERVICE_TOTAL], 120000, 1e-12);
    assert_rel(r->fund[0], 140000, 1e-12);
    assert_rel(r->metric[MT_FUND_END], 480000, 1e-12);
    assert_true(isnan(rs_series_month(r, SR_DSCR, 5)));   /* monthly dscr: empty */
    /* no debt service: dscr empty, the probability metric 1 */
    s->nloan = 0;
    rs_model_run(s, r);
    assert_true(isnan(r->metric[MT_DSCR_MIN]));
    assert_rel(r->metric[MT_P_DSCR_ABOVE_1], 1, 0);
    s->nloan = 1;
    rs_results_free(r);
    rs_test_scenario_free(s);
}

/* A pinned stabilized year is used whatever the completion months say. */
static void test_pinned_year(void **state)
{
    (void)state;
    rs_scenario *s = make();
    s->stab_year = 2;
    rs_test_set(&s->lev[0], "income", 600);
    rs_results *r = rs_results_alloc(s);
    rs_model_run(s, r);
    assert_rel(r->metric[MT_STAB_YEAR], 2, 0);
    assert_rel(r->metric[MT_REVENUE_STAB], 7200, 1e-15);
    /* the lever's share of the deficit in that year: 7,200 / 12,000 */
    assert_rel(r->lev_metric[LM_COVERAGE_SHARE], 0.6, 1e-15);
    assert_rel(r->lev_metric[LM_NET_STAB], 7200, 1e-15);
    rs_results_free(r);
    rs_test_scenario_free(s);
}

/* Lean results (revsim check): one lever's room, the same portfolio. Three
 * levers of 1200, 300 and 50 a month, capex 6000 in the first, income tax
 * 25%: stabilized revenue (1200 + 300 + 50) x 12 = 18,600 by hand; every
 * metric and monthly series bit for bit those of full results. */
static void test_lean(void **state)
{
    (void)state;
    rs_scenario *s = rs_test_scenario(2, 0.10, 1, 3);
    s->scen.v[SC_INCOME_TAX] = 0.25;
    rs_test_community(&s->com[0], NULL, 1000, 1, 0.5, 18000);
    const double inc[3] = {1200, 300, 50};
    for (int l = 0; l < 3; l++)
        rs_test_other(&s->lev[l], NULL, inc[l]);
    rs_test_set(&s->lev[0], "capex", 6000);
    rs_results *full = rs_results_alloc(s), *lean = rs_results_alloc_lean(s);
    assert_non_null(full);
    assert_non_null(lean);
    assert_int_equal(lean->nlev, 3);
    rs_model_run(s, full);
    rs_model_run(s, lean);
    assert_rel(lean->metric[MT_REVENUE_STAB], 18600, 1e-15);
    assert_memory_equal(lean->metric, full->metric, sizeof full->metric);
    const size_t M = (size_t)full->months * sizeof(double);
    assert_memory_equal(lean->fund, full->fund, M);
    assert_memory_equal(lean->cf, full->cf, M);
    assert_memory_equal(lean->income_tax, full->income_tax, M);
    assert_memory_equal(lean->com_revenue, full->com_revenue, M);
    rs_results_free(lean);
    rs_results_free(full);
    rs_test_scenario_free(s);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_series),
        cmocka_unit_test(test_metrics),
        cmocka_unit_test(test_stabilized_and_uncovered),
        cmocka_unit_test(test_income_tax_losses),
        cmocka_unit_test(test_depreciation_horizon),
        cmocka_unit_test(test_fund_interest),
        cmocka_unit_test(test_financing),
        cmocka_unit_test(test_pinned_year),
        cmocka_unit_test(test_lean),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
