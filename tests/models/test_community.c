/* test_community.c: models/community.c month by month against values worked by hand
 * from the MODEL.md formulas (the arithmetic is in the comments). Linear
 * ramps keep the arithmetic exact. */
#include <math.h>
#include "fix_models.h"
#include "../../models/community.h"
#include "../../models/lever.h"
#include "../../models/linear.h"

#define M 36
static double k[M];
static int done;

static void test_community(void **state)
{
    (void)state;
    rs_entity e;
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
    rs_section_community.derive(&d);
    assert_rel(d.v[CM_COLL_TARGET], 0.3, 0);
    assert_int_equal(rs_entity_expand(&d, M, fee, cost, k, &done), 0);
    assert_int_equal(done, 1);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_community),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
