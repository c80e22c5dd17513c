/* test_error.c: base/error.c: the first error wins, and a message is one
 * line of clean UTF-8 whatever it quotes (make fuzz found messages that
 * quoted a newline from a scenario file: two lines on the terminal). */
#include <string.h>
#include "testutil.h"
#include "../../base/error.h"

static void test_first_wins(void **state)
{
    (void)state;
    rs_error err = {0};
    assert_int_equal(rs_error_set(&err, RS_EDATA, "a.csv:%d: first", 3), RS_EDATA);
    assert_int_equal(rs_error_set(&err, RS_ESOFTWARE, "second"), RS_EDATA);
    assert_string_equal(err.msg, "a.csv:3: first");
    assert_int_equal(rs_error_set(NULL, RS_ECANTCREAT, "x"), RS_ECANTCREAT);
}

static void test_one_clean_line(void **state)
{
    (void)state;
    static const struct { const char *quoted, *want; } cases[] = {
        {"x\ny", "t.csv:6: bad name 'x y'"},
        {"a\r\nb\tc", "t.csv:6: bad name 'a  b c'"},
        {"esc\033[31mred", "t.csv:6: bad name 'esc [31mred'"},
        {"caf\xE9", "t.csv:6: bad name 'caf?'"},        /* Latin-1, not UTF-8 */
        {"\xC2\x85next line", "t.csv:6: bad name ' next line'"},   /* C1 NEL */
        {"永丰里", "t.csv:6: bad name '永丰里'"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        rs_error err = {0};
        rs_error_set(&err, RS_EDATA, "t.csv:6: bad name '%s'", cases[i].quoted);
        assert_string_equal(err.msg, cases[i].want);
    }
    /* a message cut at the buffer's end inside a character: no half of it */
    rs_error err = {0};
    char name[sizeof err.msg + 8];
    memset(name, 'a', sizeof err.msg - 2);
    strcpy(name + sizeof err.msg - 2, "永");   /* its first byte is the last that fits */
    rs_error_set(&err, RS_EDATA, "%s", name);
    assert_int_equal(strlen(err.msg), sizeof err.msg - 1);
    assert_int_equal(err.msg[sizeof err.msg - 2], '?');
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_first_wins),
        cmocka_unit_test(test_one_clean_line),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
