/* test_chargers.c: models/chargers.c month by month against values worked by hand
 * from the MODEL.md formulas (the arithmetic is in the comments). Linear
 * ramps keep the arithmetic exact. */
#include <math.h>
#include "fix_models.h"
#include "../../models/community.h"
#include "../../models/lever.h"
#include "../../models/linear.h"

#define M 36
static double g[M], n[M], k[M];
static int done;

static void test_chargers(void **state)
{
    (void)state;
    rs_entity e;
    rs_entity_init(&e, &rs_section_chargers);
    rs_test_set(&e, "ports", 10);
    rs_test_set(&e, "sessions_target", 4);
    rs_test_set(&e, "kwh_per_session", 2);
    rs_test_set(&e, "price_per_session", 1);
    rs_test_set(&e, "price_per_kwh", 0.5);   /* 2 CNY a session */
    rs_test_set(&e, "price_growth", 0.1);
    rs_test_set(&e, "electricity_cost", 0.6);
    rs_test_set(&e, "opex_per_port", 10);
    rs_test_set(&e, "share_out", 0.1);
    rs_test_set(&e, "capex_per_port", 1000);
    rs_test_set(&e, "life_years", 1);
    assert_int_equal(rs_entity_expand(&e, M, g, n, k, &done), 0);
    /* past 100 years (1200 months) is refused, not written past the
     * linear forms' year buffers; g, n, k are not touched */
    assert_int_equal(rs_entity_expand(&e, 1212, g, n, k, &done), -1);
    assert_int_equal(rs_entity_expand(&e, 0, g, n, k, &done), -1);
    /* sessions = 10 * 4 * 365/12 = 1216.666..; gross 2433.33..;
     * energy 1216.66 * 2 * 0.6 = 1460; net = 0.9 gross - 100 - 1460 = 630 */
    const double sessions = 10 * 4 * 365.0 / 12.0;
    assert_rel(g[0], sessions * 2, 1e-14);
    assert_rel(n[0], 630, 1e-12);
    assert_rel(g[12], sessions * 2 * 1.1, 1e-14);
    assert_rel(n[12], sessions * 2 * 1.1 * 0.9 - 100 - 1460, 1e-12);
    /* capex in months 1, 13, 25 (life 1 year) and nowhere else */
    double total = 0;
    for (int m = 0; m < M; m++)
        total += k[m];
    assert_rel(k[0], 10000, 1e-15); assert_rel(k[12], 10000, 1e-15);
    assert_rel(k[24], 10000, 1e-15); assert_rel(total, 30000, 1e-15);

    rs_test_set(&e, "life_years", 1.5);      /* every 18 months: 1, 19 */
    rs_test_set(&e, "start_month", 1);
    assert_int_equal(rs_entity_expand(&e, M, g, n, k, &done), 0);
    assert_rel(k[18], 10000, 1e-15); assert_rel(k[12], 0, 0);
    rs_test_set(&e, "life_years", 0);        /* never renewed */
    rs_test_set(&e, "start_month", 5);
    assert_int_equal(rs_entity_expand(&e, M, g, n, k, &done), 0);
    total = 0;
    for (int m = 0; m < M; m++)
        total += k[m];
    assert_rel(k[4], 10000, 1e-15); assert_rel(total, 10000, 1e-15);
    assert_rel(g[3], 0, 0);
}

static void test_chargers_finish(void **state)
{
    (void)state;
    rs_entity e;
    char why[128];
    rs_entity_init(&e, &rs_section_chargers);
    rs_test_set(&e, "ports", 1);
    rs_test_set(&e, "sessions_target", 1);
    assert_int_equal(rs_section_chargers.check(&e, why, sizeof why), CH_PPK);
    /* priced only from year 2 by a schedule step: accepted */
    rs_step step = {CH_PPS, 2, 1.5};
    e.steps = &step;
    e.nsteps = 1;
    assert_int_equal(rs_section_chargers.check(&e, why, sizeof why), -1);
    e.steps = NULL;
    e.nsteps = 0;
    rs_test_set(&e, "price_per_kwh", 1);
    assert_int_equal(rs_section_chargers.check(&e, why, sizeof why), -1);
    rs_test_set(&e, "life_years", 0.01);
    assert_int_equal(rs_section_chargers.check(&e, why, sizeof why), CH_LIFE);
}

/* Building time, renewals and subsidies: 10 ports at 1,000 CNY, life 1
 * year, start month 2, build 3 months: capex 10,000/3 in months 2, 3, 4;
 * operation from o = 5; renewals of 10,000 in months o+12 = 17 and 29.
 * One-off subsidy 100/port + 7 kW x 50 CNY/kW a port = 4,500 in month
 * o + lag 2 = 7. Per-kWh subsidy: 1 session a port a day of 10 kWh at 0.1
 * CNY/kWh = 10 x 365/12 x 10 x 0.1 = 304.1667 a month in months 5..10
 * (subsidy_years 0.5). Tax 9% on the programme's share (share_out 0.2) of
 * gross: gross = 10 x 365/12 x 1 session x 2 CNY = 608.333; tax = 0.09 x
 * 0.8 x 608.333 = 43.8. Net = 0.8 gross - tax = 442.867. */
static void test_build_subsidy_tax(void **state)
{
    (void)state;
    rs_entity e;
    rs_entity_init(&e, &rs_section_chargers);
    rs_test_set(&e, "ports", 10);
    rs_test_set(&e, "sessions_target", 1);
    rs_test_set(&e, "kwh_per_session", 10);
    rs_test_set(&e, "price_per_session", 2);
    rs_test_set(&e, "capex_per_port", 1000);
    rs_test_set(&e, "life_years", 1);
    rs_test_set(&e, "start_month", 2);
    rs_test_set(&e, "build_months", 3);
    rs_test_set(&e, "subsidy_per_unit", 100);
    rs_test_set(&e, "kw_per_port", 7);
    rs_test_set(&e, "subsidy_per_kw", 50);
    rs_test_set(&e, "subsidy_lag_months", 2);
    rs_test_set(&e, "subsidy_per_kwh", 0.1);
    rs_test_set(&e, "subsidy_years", 0.5);
    rs_test_set(&e, "tax_rate", 0.09);
    rs_test_set(&e, "share_out", 0.2);
    double t[M], sub[M];
    const rs_flows out = {g, n, t, sub, k};
    assert_int_equal(rs_entity_flows(&e, M, &out, &done), 0);
    assert_rel(k[0], 0, 0);
    for (int m = 2; m <= 4; m++)
        assert_rel(k[m - 1], 10000.0 / 3, 1e-15);
    assert_rel(k[4], 0, 0);
    assert_rel(k[16], 10000, 1e-15);
    assert_rel(k[28], 10000, 1e-15);
    assert_rel(g[3], 0, 0);          /* month 4: still building */
    const double gross = 10 * 365.0 / 12.0 * 2;
    assert_rel(g[4], gross, 1e-14);
    assert_rel(t[4], 0.09 * 0.8 * gross, 1e-14);
    assert_rel(n[4], 0.8 * gross - 0.09 * 0.8 * gross, 1e-14);
    const double kwh_sub = 10 * 365.0 / 12.0 * 10 * 0.1;
    assert_rel(sub[4], kwh_sub, 1e-14);
    assert_rel(sub[6], kwh_sub + 4500, 1e-14);   /* month 7: the one-off subsidy too */
    assert_rel(sub[9], kwh_sub, 1e-14);          /* month 10: the last of six */
    assert_rel(sub[10], 0, 0);
    assert_int_equal(done, 5);                  /* o - 1 + max(R, 1) */
    /* a lag beyond the horizon: the one-off subsidy is dropped */
    rs_test_set(&e, "subsidy_lag_months", 40);
    assert_int_equal(rs_entity_flows(&e, M, &out, &done), 0);
    double total = 0;
    for (int m = 0; m < M; m++)
        total += sub[m];
    assert_rel(total, 6 * kwh_sub, 1e-13);
}

/* Schedules: price_per_session 2 with growth 10%, reset to 3 from year 3:
 * year 1: 2, year 2: 2.2, year 3: 3, year 4: 3.3 (growth from the step). */
static void test_schedule(void **state)
{
    (void)state;
    rs_entity e;
    rs_entity_init(&e, &rs_section_chargers);
    rs_test_set(&e, "ports", 1);
    rs_test_set(&e, "sessions_target", 12.0 / 365.0);   /* 1 session a month */
    rs_test_set(&e, "price_per_session", 2);
    rs_test_set(&e, "price_growth", 0.1);
    rs_step step = {CH_PPS, 3, 3};
    e.steps = &step;
    e.nsteps = 1;
    double gg[48];
    const rs_flows out = {gg, NULL, NULL, NULL, NULL};
    assert_int_equal(rs_entity_flows(&e, 48, &out, &done), 0);
    assert_rel(gg[0], 2, 1e-14);
    assert_rel(gg[12], 2.2, 1e-14);
    assert_rel(gg[24], 3, 1e-14);
    assert_rel(gg[36], 3.3, 1e-14);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_build_subsidy_tax),
        cmocka_unit_test(test_schedule),
        cmocka_unit_test(test_chargers),
        cmocka_unit_test(test_chargers_finish),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
