/* test_workbook.c: the error paths of the workbook writer (io/workbook.h)
 * and text that must not break it. The workbook's cells are checked
 * against the CSV files by tests/xlsx.sh (openpyxl); here: a workbook that
 * cannot be written is one error naming it and leaves nothing in the
 * output set; a scenario too wide for a worksheet is refused before
 * anything is written; bytes that are not UTF-8, control characters and
 * text longer than a cell holds are written without error. */
#define _XOPEN_SOURCE 700
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "fix_io.h"
#include "../../io/workbook.h"

/* A hand-built scenario of `nlev` `other` levers (unique names) on one
 * community, run: *r its results. */
static rs_scenario *scenario(int nlev, const char *name, rs_results **r)
{
    rs_scenario *s = rs_test_scenario(2, 0.05, 1, nlev);
    rs_test_scenario_text(s, name, NULL, "2025-03");
    rs_test_community(&s->com[0], "a", 1000, 1, 0.5, 20000);
    for (int l = 0; l < nlev; l++) {
        char nm[32];
        snprintf(nm, sizeof nm, "lever-%d", l);
        rs_test_other(&s->lev[l], nm, 100 + l);
    }
    assert_non_null(*r = rs_results_alloc(s));
    rs_model_run(s, *r);
    return s;
}

static void remove_set(const char *dir)
{
    char path[256];
    snprintf(path, sizeof path, "%s/%s", dir, RS_WORKBOOK_FILE);
    remove(path);
    snprintf(path, sizeof path, "%s/%s", dir, RS_WORKBOOK_SWEEP_FILE);
    remove(path);
    rmdir(dir);
}

/* The folder vanishes before the workbook is written: RS_ECANTCREAT, the
 * message names the file and why, and the set no longer holds it. */
static void test_cannot_write(void **state)
{
    (void)state;
    rs_results *r;
    rs_scenario *s = scenario(2, "x", &r);
    rs_source src;
    rs_source_init(&src);
    char dir[64];
    snprintf(dir, sizeof dir, "%s", rs_test_dir());
    rs_outset o;
    rs_error err = {0};
    assert_int_equal(rs_outset_init(&o, dir, 0, &err), RS_OK);
    assert_int_equal(rmdir(dir), 0);
    assert_int_equal(rs_workbook_run(&o, s, &src, r, NULL, 0, &err), RS_ECANTCREAT);
    assert_non_null(strstr(err.msg, "/results.xlsx: cannot write: No such file or directory"));
    assert_int_equal(o.n, 0);
    rs_outset_abort(&o);
    rs_source_release(&src);
    rs_results_free(r);
    rs_test_scenario_free(s);
}

/* More levers than a worksheet has columns: refused before writing, the
 * message says what to do. */
static void test_too_wide(void **state)
{
    (void)state;
    rs_results *r;
    rs_scenario *s = scenario(16400, "wide", &r);
    rs_source src;
    rs_source_init(&src);
    const char *dir = rs_test_dir();
    rs_outset o;
    rs_error err = {0};
    assert_int_equal(rs_outset_init(&o, dir, 0, &err), RS_OK);
    assert_int_equal(rs_workbook_run(&o, s, &src, r, NULL, 1, &err), RS_ECANTCREAT);
    assert_non_null(strstr(err.msg, "16400 levers need more than 16384 columns; use --no-xlsx"));
    assert_int_equal(o.n, 0);
    rs_outset_abort(&o);
    rmdir(dir);
    rs_source_release(&src);
    rs_results_free(r);
    rs_test_scenario_free(s);
}

/* Names with bytes that are not UTF-8, control characters, a formula, and
 * one longer than a cell holds: written (and committed) without error,
 * in both languages, by run and by sweep. */
static void test_hostile_text(void **state)
{
    (void)state;
    char *huge = malloc(40001);
    assert_non_null(huge);
    for (int i = 0; i < 40000; i++)
        huge[i] = "ab\xe9\x95\xbf"[i % 5];   /* "ab长", cut anywhere */
    huge[40000] = '\0';
    const char *names[] = {"=HYPERLINK(\"http://x/\",\"y\")", "bad \xff\xfe\xc0\x80 bytes",
                           "ctl \x1b[31m\x07\t\r\n end", huge};
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
        for (int zh = 0; zh <= 1; zh++) {
            rs_results *r;
            rs_scenario *s = scenario(3, names[i], &r);
            rs_source src;
            rs_source_init(&src);
            const char *dir = rs_test_dir();
            rs_outset o;
            rs_error err = {0};
            struct stat st;
            char path[256];
            assert_int_equal(rs_outset_init(&o, dir, 0, &err), RS_OK);
            assert_int_equal(rs_workbook_run(&o, s, &src, r, NULL, zh, &err), RS_OK);
            assert_int_equal(rs_outset_commit(&o, &err), RS_OK);
            snprintf(path, sizeof path, "%s/%s", dir, RS_WORKBOOK_FILE);
            assert_int_equal(stat(path, &st), 0);
            assert_true(st.st_size > 1000);
            remove_set(dir);
            rs_source_release(&src);
            rs_results_free(r);
            rs_test_scenario_free(s);
        }
    free(huge);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_cannot_write),
        cmocka_unit_test(test_too_wide),
        cmocka_unit_test(test_hostile_text),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
