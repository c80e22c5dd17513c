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

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_chargers),
        cmocka_unit_test(test_chargers_finish),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
