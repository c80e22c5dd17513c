/* test_shops.c: models/shops.c month by month against values worked by hand
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

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_shops),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
