/* test_parking.c: models/parking.c month by month against values worked by hand
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

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_parking),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
