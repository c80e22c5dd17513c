/* test_levers.c: shops, parking, chargers, other and community month by
 * month against values worked by hand from the MODEL.md formulas (the
 * arithmetic is in the comments). Linear ramps keep the arithmetic exact. */
#include <math.h>
#include "testutil.h"
#include "../../models/community.h"
#include "../../models/lever.h"
#include "../../models/linear.h"

#define M 36
static double g[M], n[M], k[M];
static int done;

static void test_shops(void **state)
{
    (void)state;
    rs_entity e;
    rs_entity_init(&e, &rs_section_shops);
    rs_test_set(&e, "count", 2);
    rs_test_set(&e, "area_m2", 50);          /* 100 m2 */
    rs_test_set(&e, "rent", 40);
    rs_test_set(&e, "rent_uplift", 0.5);     /* 60 CNY/m2: 6000 at full occupancy */
    rs_test_set(&e, "rent_growth", 0.1);
    rs_test_set(&e, "occupancy_start", 0.2);
    rs_test_set(&e, "occupancy_target", 1.0);
    rs_test_set(&e, "ramp_months", 4);
    rs_test_set(&e, "ramp_shape", RS_SHAPE_LINEAR);
    rs_test_set(&e, "start_month", 3);
    rs_test_set(&e, "rent_free_months", 2);
    rs_test_set(&e, "master_rent", 10);      /* 1000 a month */
    rs_test_set(&e, "opex_rate", 0.1);
    rs_test_set(&e, "opex_fixed", 100);
    rs_test_set(&e, "share_out", 0.2);
    rs_test_set(&e, "fitout_capex", 5000);
    assert_int_equal(rs_entity_expand(&e, M, g, n, k, &done), 0);

    assert_rel(g[0], 0, 0); assert_rel(n[1], 0, 0); assert_rel(k[1], 0, 0);
    /* m3: m-f = 1 < s: occupancy_start 0.2 pays: 1200; net 960-220-1000 */
    assert_rel(g[2], 1200, 1e-14); assert_rel(n[2], -260, 1e-14);
    assert_rel(k[2], 10000, 1e-14);
    assert_rel(g[3], 1200, 1e-14);           /* m4: m-f = 2 < 3 */
    /* m5: occupancy(3): p = 1/4, 0.2 + 0.8/4 = 0.4: 2400; 1920-340-1000 */
    assert_rel(g[4], 2400, 1e-14); assert_rel(n[4], 580, 1e-14);
    assert_rel(g[5], 3600, 1e-14); assert_rel(n[5], 1420, 1e-14);   /* p = 1/2 */
    assert_rel(g[7], 6000, 1e-14); assert_rel(n[7], 3100, 1e-14);   /* p = 1 */
    /* m13, year 2: 6000 * 1.1 = 6600; 5280 - 760 - 1000 */
    assert_rel(g[12], 6600, 1e-14); assert_rel(n[12], 3520, 1e-14);
    assert_rel(g[24], 7260, 1e-14);          /* year 3: 6000 * 1.21 */
    assert_rel(k[3], 0, 0);
    /* completion: s - 1 + R + f = 2 + 4 + 2 */
    assert_int_equal(done, 8);
}

static void test_parking(void **state)
{
    (void)state;
    rs_entity e;
    rs_entity_init(&e, &rs_section_parking);
    rs_test_set(&e, "spaces", 10);
    rs_test_set(&e, "fee", 150);
    rs_test_set(&e, "fee_growth", 0.05);
    rs_test_set(&e, "utilization_start", 0.5);
    rs_test_set(&e, "utilization_target", 0.9);
    rs_test_set(&e, "ramp_months", 2);
    rs_test_set(&e, "ramp_shape", RS_SHAPE_LINEAR);
    rs_test_set(&e, "capex_per_space", 2000);
    rs_test_set(&e, "opex_per_space", 5);
    rs_test_set(&e, "opex_rate", 0.1);
    assert_int_equal(rs_entity_expand(&e, M, g, n, k, &done), 0);
    /* m1: u = 0.5 + 0.4/2 = 0.7: 1050; net 1050 - 105 - 50 */
    assert_rel(g[0], 1050, 1e-14); assert_rel(n[0], 895, 1e-14);
    assert_rel(k[0], 20000, 1e-14);
    assert_rel(g[1], 1350, 1e-14); assert_rel(n[1], 1165, 1e-14);
    /* year 2: 1350 * 1.05 = 1417.5; net 1417.5 - 141.75 - 50 */
    assert_rel(g[12], 1417.5, 1e-14); assert_rel(n[12], 1225.75, 1e-14);
    assert_rel(k[12], 0, 0);
    assert_int_equal(done, 2);

    /* defaults: utilisation 0 -> 1 with no ramp: full from s */
    rs_entity d;
    rs_entity_init(&d, &rs_section_parking);
    rs_test_set(&d, "spaces", 4);
    rs_test_set(&d, "fee", 100);
    rs_test_set(&d, "start_month", 2);
    assert_int_equal(rs_entity_expand(&d, M, g, n, k, &done), 0);
    assert_rel(g[0], 0, 0); assert_rel(g[1], 400, 1e-15); assert_rel(n[1], 400, 1e-15);
    assert_int_equal(done, 2);
}

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
    assert_int_equal(rs_section_chargers.finish(&e, why, sizeof why), CH_PPK);
    rs_test_set(&e, "price_per_kwh", 1);
    assert_int_equal(rs_section_chargers.finish(&e, why, sizeof why), -1);
    rs_test_set(&e, "life_years", 0.01);
    assert_int_equal(rs_section_chargers.finish(&e, why, sizeof why), CH_LIFE);
}

static void test_other(void **state)
{
    (void)state;
    rs_entity e;
    rs_entity_init(&e, &rs_section_other);
    rs_test_set(&e, "income", 1000);
    rs_test_set(&e, "ramp_months", 4);
    rs_test_set(&e, "ramp_shape", RS_SHAPE_LINEAR);
    rs_test_set(&e, "start_month", 2);
    rs_test_set(&e, "capex", 500);
    rs_test_set(&e, "opex_fixed", 50);
    rs_test_set(&e, "growth", 0.02);
    assert_int_equal(rs_entity_expand(&e, M, g, n, k, &done), 0);
    assert_rel(g[0], 0, 0); assert_rel(n[0], 0, 0); assert_rel(k[0], 0, 0);
    assert_rel(g[1], 250, 1e-15); assert_rel(n[1], 200, 1e-15);  /* p = 1/4 */
    assert_rel(k[1], 500, 1e-15);
    assert_rel(g[4], 1000, 1e-15); assert_rel(n[4], 950, 1e-15);
    assert_rel(g[12], 1020, 1e-14);          /* year 2 */
    assert_int_equal(done, 5);
}

static void test_community(void **state)
{
    (void)state;
    rs_entity e;
    char why[64];
    rs_entity_init(&e, &rs_section_community);
    rs_test_set(&e, "area_m2", 1000);
    rs_test_set(&e, "fee_rate", 1.0);
    rs_test_set(&e, "collection_start", 0.5);
    rs_test_set(&e, "collection_target", 0.9);
    rs_test_set(&e, "ramp_months", 4);
    rs_test_set(&e, "ramp_shape", RS_SHAPE_LINEAR);
    rs_test_set(&e, "cost_annual", 24000);
    rs_test_set(&e, "cost_growth", 0.1);
    rs_test_set(&e, "fee_growth", 0.05);
    double fee[M], cost[M];
    assert_int_equal(rs_entity_expand(&e, M, fee, cost, k, &done), 0);
    assert_rel(fee[0], 600, 1e-14);          /* 0.5 + 0.4/4 */
    assert_rel(fee[3], 900, 1e-14);
    assert_rel(fee[12], 945, 1e-14);         /* 900 * 1.05 */
    assert_rel(cost[0], 2000, 1e-15);
    assert_rel(cost[12], 2200, 1e-14);
    assert_rel(cost[24], 2420, 1e-14);
    assert_rel(rs_community_deficit_before(&e), 12 * (2000 - 500), 1e-15);
    assert_int_equal(done, 4);

    /* collection_target defaults to collection_start */
    rs_entity d;
    rs_entity_init(&d, &rs_section_community);
    rs_test_set(&d, "collection_start", 0.3);
    assert_int_equal(rs_section_community.finish(&d, why, sizeof why), -1);
    assert_rel(d.v[CM_COLL_TARGET], 0.3, 0);
    assert_int_equal(rs_entity_expand(&d, M, fee, cost, k, &done), 0);
    assert_int_equal(done, 1);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_shops),  cmocka_unit_test(test_parking),
        cmocka_unit_test(test_chargers), cmocka_unit_test(test_chargers_finish),
        cmocka_unit_test(test_other),  cmocka_unit_test(test_community),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
