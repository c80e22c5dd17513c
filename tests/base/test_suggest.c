/* test_suggest.c: base/suggest.c, edit distances counted by hand and the
 * "did you mean" rule: within 1, 2 or 3 edits by the word's length, else
 * the shortest name the word is part of, else nothing. */
#include <string.h>
#include "testutil.h"
#include "../../base/suggest.h"

static void test_distance(void **state)
{
    (void)state;
    assert_int_equal(rs_distance("", ""), 0);
    assert_int_equal(rs_distance("npv", ""), 3);
    assert_int_equal(rs_distance("kitten", "sitting"), 3);   /* k->s, e->i, +g */
    assert_int_equal(rs_distance("dscr_mn", "dscr_min"), 1);
    assert_int_equal(rs_distance("NPV", "npv"), 0);          /* case is ignored */
    assert_int_equal(rs_distance("abc", "cab"), 2);
    char longer[80];
    memset(longer, 'a', sizeof longer - 1);
    longer[sizeof longer - 1] = '\0';
    assert_int_equal(rs_distance(longer, "a"), 99);          /* too long: far */
}

static void test_suggest(void **state)
{
    (void)state;
    static const char *const names[] = {"npv", "npv_equity", "dscr_min", "p_dscr_above_1",
                                        "idle-shops"};
    const int n = (int)(sizeof names / sizeof names[0]);
    char buf[96];
    assert_string_equal(rs_suggest("npvv", names, sizeof names[0], n, buf, sizeof buf),
                        " (did you mean 'npv'?)");
    assert_string_equal(rs_suggest("idle-shop", names, sizeof names[0], n, buf, sizeof buf),
                        " (did you mean 'idle-shops'?)");
    /* 6 edits from dscr_min, 8 from p_dscr_above_1: the name it is part of */
    assert_string_equal(rs_suggest("p_dscr", names, sizeof names[0], n, buf, sizeof buf),
                        " (did you mean 'p_dscr_above_1'?)");
    /* part of npv and npv_equity: the shorter; a 2-byte word is too short */
    assert_string_equal(rs_suggest("PV", names, sizeof names[0], n, buf, sizeof buf),
                        " (did you mean 'npv'?)");   /* 1 edit from npv */
    assert_string_equal(rs_suggest("zz", names, sizeof names[0], n, buf, sizeof buf), "");
    assert_string_equal(rs_suggest("revenue", names, sizeof names[0], n, buf, sizeof buf), "");
    /* a 4-byte word allows 1 edit: "ndpx" is 2 from npv */
    assert_string_equal(rs_suggest("ndpx", names, sizeof names[0], n, buf, sizeof buf), "");
    assert_string_equal(rs_suggest("x", names, sizeof names[0], 0, buf, sizeof buf), "");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_distance),
        cmocka_unit_test(test_suggest),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
