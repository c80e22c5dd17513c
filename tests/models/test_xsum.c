/* test_xsum.c: exact sums: the correctly rounded sum of every case, the
 * same value in any order and when split and merged. */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "testutil.h"
#include "../../models/xsum.h"

static unsigned long long state = 0x9E3779B97F4A7C15ull;

static uint64_t next(void)
{
    state ^= state >> 12;
    state ^= state << 25;
    state ^= state >> 27;
    return state * 2685821657736338717ull;
}

static double sum_of(const double *v, int n)
{
    rs_xsum x;
    rs_xsum_init(&x);
    for (int i = 0; i < n; i++)
        rs_xsum_add(&x, v[i]);
    return rs_xsum_value(&x);
}

static void same_bits(double a, double b)
{
    if (memcmp(&a, &b, sizeof a) != 0) {
        print_error("%.17g != %.17g\n", a, b);
        fail();
    }
}

/* hand cases: cancellation, 0.1 ten times, signs, subnormals, overflow */
static void test_cases(void **state_)
{
    (void)state_;
    const double big[] = {1e100, 1.0, -1e100};
    same_bits(sum_of(big, 3), 1.0);
    double tenth[10];
    for (int i = 0; i < 10; i++)
        tenth[i] = 0.1;
    same_bits(sum_of(tenth, 10), 1.0);   /* 10 x 0.1000000000000000055... rounds to 1 */
    const double neg[] = {-3.5, 1.25, -0.75};
    same_bits(sum_of(neg, 3), -3.0);
    const double sub[] = {4.9406564584124654e-324, 4.9406564584124654e-324, -1e-310, 1e-310};
    same_bits(sum_of(sub, 4), 9.8813129168249309e-324);
    const double half[] = {1.0, 0x1p-53};   /* a tie: to even (1) */
    same_bits(sum_of(half, 2), 1.0);
    const double above[] = {1.0, 0x1p-53, 0x1p-80};   /* just above the tie: up */
    same_bits(sum_of(above, 3), 1.0 + 0x1p-52);
    const double huge[] = {1.7e308, 1.7e308};
    assert_true(isinf(sum_of(huge, 2)) && sum_of(huge, 2) > 0);
    const double back[] = {1.7e308, 1.7e308, -1.7e308};
    same_bits(sum_of(back, 3), 1.7e308);
    assert_true(sum_of(NULL, 0) == 0.0);
    const double inf[] = {1.0, INFINITY};
    assert_true(isinf(sum_of(inf, 2)));
    const double nan_[] = {1.0, NAN};
    assert_true(isnan(sum_of(nan_, 2)));
    const double both[] = {INFINITY, -INFINITY};
    assert_true(isnan(sum_of(both, 2)));
}

/* integers below 2^50, scaled by powers of two: the exact sum is known */
static void test_exact(void **state_)
{
    (void)state_;
    enum { N = 1000 };
    static double v[N];
    for (int t = 0; t < 200; t++) {
        int64_t exact = 0;
        const int k = (int)(next() % 1950) - 1010;   /* scales from 2^-1010 to 2^939 */
        for (int i = 0; i < N; i++) {
            int64_t a = (int64_t)(next() >> 14) - ((int64_t)1 << 49);
            exact += a;
            v[i] = ldexp((double)a, k);
        }
        double want = ldexp((double)exact, k);   /* int64 -> double rounds to nearest */
        same_bits(sum_of(v, N), want);
    }
}

/* any order, any split: the same bits */
static void test_order(void **state_)
{
    (void)state_;
    enum { N = 5000 };
    static double v[N];
    for (int i = 0; i < N; i++) {
        double m = (double)(next() >> 11) * 0x1p-53;
        v[i] = (next() & 1 ? -1 : 1) * ldexp(m, (int)(next() % 120) - 60);
    }
    const double want = sum_of(v, N);
    for (int t = 0; t < 20; t++) {
        for (int i = N - 1; i > 0; i--) {   /* shuffle */
            int j = (int)(next() % (uint64_t)(i + 1));
            double x = v[i];
            v[i] = v[j];
            v[j] = x;
        }
        same_bits(sum_of(v, N), want);
        rs_xsum a, b;   /* split at a random point, merged */
        rs_xsum_init(&a);
        rs_xsum_init(&b);
        int cut = (int)(next() % N);
        for (int i = 0; i < N; i++)
            rs_xsum_add(i < cut ? &a : &b, v[i]);
        rs_xsum_merge(&b, &a);
        same_bits(rs_xsum_value(&b), want);
    }
}

/* digits set as plain data (as a part merged from another process sets
 * them): a top digit of 2^32 or more is past overflow, not a garbled
 * value (fuzz_bytes found 2^32 there read as a shift by -1) */
static void test_wide_top(void **state_)
{
    (void)state_;
    rs_xsum x;
    rs_xsum_init(&x);
    x.d[RS_XSUM_DIGITS - 1] = (int64_t)1 << 32;   /* 2^(32*67 + 32 - 1074) = 2^1134 */
    double v = rs_xsum_value(&x);
    assert_true(isinf(v) && v > 0);
    x.d[RS_XSUM_DIGITS - 1] = -((int64_t)1 << 40);
    v = rs_xsum_value(&x);
    assert_true(isinf(v) && v < 0);
    rs_xsum_init(&x);
    x.d[RS_XSUM_DIGITS - 2] = (int64_t)1 << 40;   /* carries 2^8 into the top digit */
    x.d[0] = 1;
    v = rs_xsum_value(&x);
    assert_true(isinf(v) && v > 0);
    rs_xsum_init(&x);                          /* 2^32 - 1 at digit 33: 2^(1056-1074) (2^32-1) */
    x.d[33] = ((int64_t)1 << 32) - 1;
    same_bits(rs_xsum_value(&x), ldexp(4294967295.0, 32 * 33 - 1074));
    rs_xsum y;                                  /* and merged the same way */
    rs_xsum_init(&y);
    y.d[RS_XSUM_DIGITS - 1] = (int64_t)1 << 32;
    rs_xsum_merge(&x, &y);
    v = rs_xsum_value(&x);
    assert_true(isinf(v) && v > 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_cases),
        cmocka_unit_test(test_exact),
        cmocka_unit_test(test_order),
        cmocka_unit_test(test_wide_top),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
