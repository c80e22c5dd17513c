/* test_csvout.c: numbers as CSV cells: rs_fmt_num is snprintf("%.10g")
 * (with -0 as 0 and NaN empty) on millions of values of every kind that
 * results hold: money, rates, shares, integers, ties, powers of ten, any
 * bit pattern. */
#define _POSIX_C_SOURCE 200809L
#include <math.h>
#include <stdio.h>
#include <stdint.h>
#include <string.h>
#include "testutil.h"
#include "../../io/csvout.h"

static uint64_t state = 88172645463325252ull;

static uint64_t next(void)
{
    state ^= state >> 12;
    state ^= state << 25;
    state ^= state >> 27;
    return state * 2685821657736338717ull;
}

static double uniform(void) { return (double)(next() >> 11) * 0x1p-53; }

static void test_fmt_num(void **state_)
{
    (void)state_;
    char got[32], want[64];
    long bad = 0;
    for (long i = 0; i < 3000000; i++) {
        double v;
        switch (i % 6) {
        case 0: v = pow(10, 16 * uniform() - 5) * (next() & 1 ? -1 : 1); break;
        case 1: v = floor(uniform() * 1e7) / pow(10, (int)(uniform() * 8)); break;   /* few decimals */
        case 2: v = (double)(int64_t)(next() % 20000000000ull) / 100.0; break;        /* cents */
        case 3: v = (floor(uniform() * 1e9) + 0.5) * pow(10, (int)(uniform() * 12) - 8); break;
        case 4: {   /* any bit pattern */
            uint64_t u = next();
            memcpy(&v, &u, sizeof v);
            if (isnan(v) || isinf(v))
                v = 1.0;
            break;
        }
        default:   /* powers of ten and their neighbours */
            v = nextafter(pow(10, (int)(uniform() * 16) - 5), (next() & 1) ? 0 : INFINITY);
        }
        rs_fmt_num(v, got);
        snprintf(want, sizeof want, "%.10g", v == 0.0 ? 0.0 : v);
        if (strcmp(got, want) != 0 && bad++ < 10)
            print_error("%.17g: '%s', printf '%s'\n", v, got, want);
    }
    assert_int_equal(bad, 0);
    const double cases[] = {0.0, -0.0, 1.0, -1.0, 120000, 0.85, 31507.05236, 1e10, 9999999999.5,
                            9999999999.4, 0.001, 0.0009999, 1e-5, 123456789012.0, 0.5, 2.5e-3};
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        rs_fmt_num(cases[i], got);
        snprintf(want, sizeof want, "%.10g", cases[i] == 0.0 ? 0.0 : cases[i]);
        assert_string_equal(got, want);
    }
    rs_fmt_num(NAN, got);
    assert_string_equal(got, "");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_fmt_num),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
