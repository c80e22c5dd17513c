/* test_fmt.c: base/fmt.c, every formatter against values written out by
 * hand: grouping and both minus signs, no "-0", short values, the Chinese
 * money rule (2 decimals below 10 万元, 1 below 1,000, none above), money
 * units, and calendar months with their edge cases. */
#include <math.h>
#include <string.h>
#include "testutil.h"
#include "../../base/fmt.h"

static void test_group(void **state)
{
    (void)state;
    static const struct { double v; int d; unsigned f; const char *want; } cases[] = {
        {0, 0, 0, "0"},
        {999, 0, 0, "999"},
        {1000, 0, 0, "1,000"},
        {1234567.891, 2, 0, "1,234,567.89"},
        {-1234567.891, 0, 0, "-1,234,568"},
        {-1234567.891, 0, RS_FMT_TRUE_MINUS, "\xE2\x88\x92" "1,234,568"},
        {-0.004, 2, 0, "0.00"},            /* shows as zero: no minus */
        {-0.004, 2, RS_FMT_TRUE_MINUS, "0.00"},
        {12.5, 9, 0, "12.500000"},         /* decimals clamped to 6 */
        {12.5, -3, 0, "12"},               /* and to 0 (%.0f rounds half to even) */
        {NAN, 0, 0, "-"},
        {INFINITY, 0, RS_FMT_NA, "n/a"},
    };
    char buf[64];
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        rs_fmt_group(cases[i].v, cases[i].d, cases[i].f, buf, sizeof buf);
        assert_string_equal(buf, cases[i].want);
    }
}

static void test_short(void **state)
{
    (void)state;
    char buf[64];
    assert_string_equal(rs_fmt_short(0.35, 0, buf, sizeof buf), "0.35");
    assert_string_equal(rs_fmt_short(12.3456, 0, buf, sizeof buf), "12.35");
    assert_string_equal(rs_fmt_short(-0.00001, 0, buf, sizeof buf), "-1e-05");
    assert_string_equal(rs_fmt_short(999.94, 0, buf, sizeof buf), "999.9");
    assert_string_equal(rs_fmt_short(25000, 0, buf, sizeof buf), "25,000");
    assert_string_equal(rs_fmt_short(-2.5, RS_FMT_TRUE_MINUS, buf, sizeof buf), "\xE2\x88\x92" "2.5");
    assert_string_equal(rs_fmt_short(NAN, 0, buf, sizeof buf), "-");
}

static void test_money(void **state)
{
    (void)state;
    char unit[32], buf[64];
    assert_int_equal(rs_fmt_money_decimals(9.99, 1), 2);
    assert_int_equal(rs_fmt_money_decimals(-9.99, 1), 2);
    assert_int_equal(rs_fmt_money_decimals(10, 1), 1);
    assert_int_equal(rs_fmt_money_decimals(999.9, 1), 1);
    assert_int_equal(rs_fmt_money_decimals(1000, 1), 0);
    assert_int_equal(rs_fmt_money_decimals(5, 0), 0);
    double k = rs_fmt_money_unit(NULL, 1, unit, sizeof unit);
    assert_true(k == 1e-4);
    assert_string_equal(unit, "万元");
    assert_string_equal(rs_fmt_money(802320, k, unit, 1, 0, buf, sizeof buf), "80.2万元");
    assert_string_equal(rs_fmt_money(35000, k, unit, 1, 0, buf, sizeof buf), "3.50万元");
    assert_string_equal(rs_fmt_money(46528000, k, unit, 1, 0, buf, sizeof buf), "4,653万元");
    assert_string_equal(rs_fmt_money(802320, k, NULL, 1, 0, buf, sizeof buf), "80.2");
    k = rs_fmt_money_unit("USD", 1, unit, sizeof unit);
    assert_string_equal(unit, "万USD");
    k = rs_fmt_money_unit("CNY", 0, unit, sizeof unit);
    assert_true(k == 1);
    assert_string_equal(rs_fmt_money(-802320.4, k, unit, 0, 0, buf, sizeof buf), "-802,320 CNY");
}

static void test_months(void **state)
{
    (void)state;
    int y, m;
    char buf[16];
    assert_int_equal(rs_fmt_parse_month("2025-03", &y, &m), 0);
    assert_int_equal(y, 2025);
    assert_int_equal(m, 3);
    const char *bad[] = {"2025-3", "2025-13", "2025-00", "0999-01", "2025-03x", "2025/03", "", NULL};
    for (int i = 0; i < 8; i++)
        assert_int_equal(rs_fmt_parse_month(bad[i], &y, &m), -1);
    assert_string_equal(rs_fmt_calendar("2025-11", 1, buf, sizeof buf), "2025-11");
    assert_string_equal(rs_fmt_calendar("2025-11", 2, buf, sizeof buf), "2025-12");
    assert_string_equal(rs_fmt_calendar("2025-11", 3, buf, sizeof buf), "2026-01");
    assert_string_equal(rs_fmt_calendar("2025-11", 122, buf, sizeof buf), "2035-12");
    assert_string_equal(rs_fmt_calendar("nonsense", 3, buf, sizeof buf), "");
    assert_string_equal(rs_fmt_calendar(NULL, 3, buf, sizeof buf), "");
}

static void test_unit(void **state)
{
    (void)state;
    static const struct { const char *unit, *cur; int zh; const char *want; } cases[] = {
        {"fraction", NULL, 0, ""}, {"0/1", NULL, 1, ""}, {"", NULL, 0, ""}, {NULL, NULL, 0, ""},
        {"1/year", NULL, 0, "a year"}, {"1/year", NULL, 1, "\xE6\xAF\x8F\xE5\xB9\xB4"},
        {"CNY/m2/month", NULL, 0, "CNY/m\xC2\xB2/month"},
        {"CNY/m2/month", NULL, 1, "\xE5\x85\x83/m\xC2\xB2/\xE6\x9C\x88"},           /* 元/m²/月 */
        {"CNY/space/month", "USD", 1, "USD/\xE8\xBD\xA6\xE4\xBD\x8D/\xE6\x9C\x88"}, /* USD/车位/月 */
        {"sessions/port/day", NULL, 1, "\xE6\xAC\xA1/\xE7\xAB\xAF\xE5\x8F\xA3/\xE5\xA4\xA9"},
        {"kWh", NULL, 1, "kWh"}, {"CNY/kWh", NULL, 1, "\xE5\x85\x83/kWh"},
        {"months", NULL, 0, "months"}, {"YYYY-MM", NULL, 1, "YYYY-MM"},
    };
    char buf[64];
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
        assert_string_equal(rs_fmt_unit(cases[i].unit, cases[i].cur, cases[i].zh, buf, sizeof buf),
                            cases[i].want);
    char small[6];   /* cut, never overrun */
    rs_fmt_unit("CNY/m2/month", NULL, 0, small, sizeof small);
    assert_true(strlen(small) < sizeof small);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_group), cmocka_unit_test(test_short),
        cmocka_unit_test(test_money), cmocka_unit_test(test_months),
        cmocka_unit_test(test_unit),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
