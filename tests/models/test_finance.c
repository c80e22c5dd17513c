/* test_finance.c: NPV, IRR and payback against independently known values. */
#include <math.h>
#include <string.h>
#include "testutil.h"
#include "../../models/finance.h"

static void test_npv(void **state)
{
    (void)state;
    double cf[24] = {0};
    cf[11] = 110.0;   /* 110 at the end of year 1 at 10%: 100 */
    assert_rel(rs_npv(cf, 24, 0.10), 100.0, 1e-12);
    cf[23] = 121.0;   /* + 121 at the end of year 2: another 100 */
    assert_rel(rs_npv(cf, 24, 0.10), 200.0, 1e-12);
    assert_rel(rs_npv(cf, 24, 0.0), 231.0, 1e-14);
    double one[1] = {100.0}; /* one month at 12.68250301%/yr = 1%/month */
    assert_rel(rs_npv(one, 1, pow(1.01, 12) - 1), 100.0 / 1.01, 1e-12);
}

static void test_irr_exact(void **state)
{
    (void)state;
    double cf[24] = {0};
    cf[11] = -1000.0;
    cf[23] = 1100.0;  /* -1000 (1+x)^-1 + 1100 (1+x)^-2 = 0  =>  x = 10% */
    assert_rel(rs_irr(cf, 24), 0.10, 1e-9);

    /* monthly: -100 then 1%/month on 101 => (1.01)^12 - 1 */
    double m[2] = {-100.0, 101.0};
    assert_rel(rs_irr(m, 2), pow(1.01, 12) - 1, 1e-9);

    /* a loss: -100 then 90 a year later => -10% */
    double loss[24] = {0};
    loss[0] = -100.0;
    loss[12] = 90.0;
    assert_rel(rs_irr(loss, 24), -0.10, 1e-9);
}

static void test_irr_two_roots(void **state)
{
    (void)state;
    /* -100 v + 230 v^2 - 132 v^3 = 0 at v = 1/1.1 and 1/1.2: roots 10% and
     * 20%; the one closest to 0 is reported */
    double cf[36] = {0};
    cf[11] = -100.0;
    cf[23] = 230.0;
    cf[35] = -132.0;
    assert_rel(rs_irr(cf, 36), 0.10, 1e-9);
}

static void test_irr_empty(void **state)
{
    (void)state;
    double pos[3] = {1, 2, 3}, neg[3] = {-1, 0, -3}, zero[3] = {0, 0, 0};
    assert_true(isnan(rs_irr(pos, 3)));
    assert_true(isnan(rs_irr(neg, 3)));
    assert_true(isnan(rs_irr(zero, 3)));
}

static void test_payback(void **state)
{
    (void)state;
    /* C: -100 -70 -40 -10 20 => month 5 at 4 + 10/30 months */
    double a[5] = {-100, 30, 30, 30, 30};
    assert_rel(rs_payback(a, 5), (4.0 + 10.0 / 30.0) / 12.0, 1e-14);
    /* exactly reaching 0 at the end of month 4 */
    double b[5] = {-90, 30, 30, 30, 30};
    assert_rel(rs_payback(b, 5), 4.0 / 12.0, 1e-14);
    /* never pays back */
    double c[3] = {-100, 30, 30};
    assert_true(isnan(rs_payback(c, 3)));
    /* never negative: nothing to pay back */
    double d[3] = {0, 5, 5};
    assert_rel(rs_payback(d, 3), 0.0, 0);
    /* no flows at all */
    double e[3] = {0, 0, 0};
    assert_true(isnan(rs_payback(e, 3)));
    /* late start: zeros, then investment in month 3 */
    double f[6] = {0, 0, -60, 20, 20, 40};
    assert_rel(rs_payback(f, 6), (5.0 + 20.0 / 40.0) / 12.0, 1e-14);
    /* first crossing counts even if it dips again (renewal) */
    double g[5] = {-10, 20, -30, 5, 5};
    assert_rel(rs_payback(g, 5), (1.0 + 10.0 / 20.0) / 12.0, 1e-14);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_npv),         cmocka_unit_test(test_irr_exact),
        cmocka_unit_test(test_irr_two_roots), cmocka_unit_test(test_irr_empty),
        cmocka_unit_test(test_payback),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
