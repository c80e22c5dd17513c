/* test_ramp.c: ramp progress and shapes against MODEL.md "Ramps", values
 * worked by hand (logistic ones from the formula with a calculator). */
#include "testutil.h"
#include "../../models/model.h"
#include "../../models/ramp.h"

static void test_progress_edges(void **state)
{
    (void)state;
    static const struct { int m, s, R; double want; } cases[] = {
        {1, 1, 0, 1.0},   /* ramp 0: full from s */
        {0, 1, 0, 0.0},
        {4, 5, 0, 0.0},   /* before s */
        {5, 5, 0, 1.0},
        {1, 1, 1, 1.0},   /* ramp 1: full in s */
        {3, 3, 1, 1.0},
        {2, 3, 1, 0.0},
        {1, 1, 4, 0.25},
        {2, 1, 4, 0.5},
        {4, 1, 4, 1.0},
        {9, 1, 4, 1.0},   /* capped at 1 */
        {7, 5, 4, 0.75},  /* start_month 5: (7-5+1)/4 */
        {4, 5, 4, 0.0},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
        assert_rel(rs_ramp_progress(cases[i].m, cases[i].s, cases[i].R), cases[i].want, 1e-15);
}

static void test_shapes(void **state)
{
    (void)state;
    assert_rel(rs_ramp_shape(0.3, RS_SHAPE_LINEAR), 0.3, 1e-15);
    assert_rel(rs_ramp_shape(0.0, RS_SHAPE_LOGISTIC), 0.0, 1e-15);
    assert_rel(rs_ramp_shape(1.0, RS_SHAPE_LOGISTIC), 1.0, 1e-15);
    assert_rel(rs_ramp_shape(0.5, RS_SHAPE_LOGISTIC), 0.5, 1e-15);
    /* (s(-2.5) - s(-5)) / (s(5) - s(-5)), s(x) = 1/(1+e^-x) */
    assert_rel(rs_ramp_shape(0.25, RS_SHAPE_LOGISTIC), 0.0701037165451081, 1e-12);
    assert_rel(rs_ramp_shape(0.75, RS_SHAPE_LOGISTIC), 0.929896283454892, 1e-12);
    assert_rel(rs_ramp_shape(1.0 / 3.0, RS_SHAPE_LOGISTIC), 0.154240876340182, 1e-12);
}

static void test_value(void **state)
{
    (void)state;
    /* 0.2 -> 1.0 over 4 months from month 3, linear: month 4 is p = 0.5 */
    assert_rel(rs_ramp_value(0.2, 1.0, 4, 3, 4, RS_SHAPE_LINEAR), 0.6, 1e-15);
    assert_rel(rs_ramp_value(0.2, 1.0, 2, 3, 4, RS_SHAPE_LINEAR), 0.2, 1e-15);
    /* falling ramp, logistic, p = 0.25 */
    assert_rel(rs_ramp_value(1.0, 0.0, 1, 1, 4, RS_SHAPE_LOGISTIC), 1.0 - 0.0701037165451081,
               1e-12);
    assert_int_equal(rs_year(1), 1);
    assert_int_equal(rs_year(12), 1);
    assert_int_equal(rs_year(13), 2);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_progress_edges),
        cmocka_unit_test(test_shapes),
        cmocka_unit_test(test_value),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
