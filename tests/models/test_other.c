/* test_other.c: models/other.c month by month against values worked by hand
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

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_other),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
