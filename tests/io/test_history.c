/* test_history.c: the history file of `revsim fit` (io/history.c): headers
 * in English and Chinese, month numbers and calendar months, every error
 * with its row; and rs_fit_ramp refusing data that give no finite fit. */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "testutil.h"
#include "../../io/history.h"
#include "../../models/analysis.h"
#include "../../models/model.h"

typedef struct {
    const char *text;
    int rc;
    const char *msg;        /* substring of the message after "FILE" */
    int n;
    double month[4], value[4];
} hcase;

static const hcase cases[] = {
    {"month,value\n1,0.2\n2,0.3\n", 0, NULL, 2, {1, 2}, {0.2, 0.3}},
    /* columns by name, in any order, any case, other columns ignored */
    {"note,Value,MONTH\nx,10%,3\n,0.5,4\n", 0, NULL, 2, {3, 4}, {0.1, 0.5}},
    /* a Chinese header; a BOM; blank and comment rows */
    {"\xEF\xBB\xBF月份,数值\n\n1,5\n# a comment\n2,6\n", 0, NULL, 2, {1, 2}, {5, 6}},
    {"月,值\n1,5\n", 0, NULL, 1, {1}, {5}},
    /* calendar months numbered from the earliest (rows need not be sorted) */
    {"month,value\n2023-11,1\n2023-12,2\n2024/1,3\n2023年10月,0\n", 0, NULL, 4, {2, 3, 4, 1},
     {1, 2, 3, 0}},
    {"month,value\n", 0, NULL, 0, {0}, {0}},
    {"month,value\n1,0\n2,nan\n", RS_EDATA, ":3: value: 'nan' is not a finite number", 0, {0},
     {0}},
    {"month,value\n1,-inf\n", RS_EDATA, ":2: value: '-inf' is not a finite number", 0, {0}, {0}},
    {"month,value\n1,1e999\n", RS_EDATA, ":2: value: '1e999' is not a finite number", 0, {0},
     {0}},
    {"month,value\n1,abc\n", RS_EDATA, ":2: value: 'abc' is not a number", 0, {0}, {0}},
    {"month,value\n1,\n", RS_EDATA, ":2: value: '' is not a number", 0, {0}, {0}},
    {"month,value\n0,1\n", RS_EDATA, ":2: month: '0' is neither a month number from 1 to 1200",
     0, {0}, {0}},
    {"month,value\n1.5,1\n", RS_EDATA, ":2: month: '1.5' is neither", 0, {0}, {0}},
    {"month,value\n1201,1\n", RS_EDATA, ":2: month: '1201' is neither", 0, {0}, {0}},
    {"month,value\n2023-13,1\n", RS_EDATA, ":2: month: '2023-13' is neither", 0, {0}, {0}},
    {"month,value\n2023-01,1\n2,1\n", RS_EDATA,
     ":3: month: '2' is a month number, but the rows before give calendar months", 0, {0}, {0}},
    {"month,value\n2023-01,1\n2123-02,1\n", RS_EDATA,
     ":3: month: '2123-02' is more than 1200 months after the earliest", 0, {0}, {0}},
    {"when,value\n1,1\n", RS_EDATA, ":1: header: need the columns 'month' and 'value'", 0, {0},
     {0}},
    {"month,value,月份\n1,1,2\n", RS_EDATA, ":1: header: a second month column ('月份')", 0,
     {0}, {0}},
    {"", RS_EDATA, ": empty file", 0, {0}, {0}},
};

static void test_history_cases(void **state)
{
    (void)state;
    const char *dir = rs_test_dir();
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        const hcase *c = &cases[i];
        const char *path = rs_test_file(dir, "h.csv", c->text);
        double *m = (double *)1, *v = (double *)1;
        int n = -1;
        rs_error err = {0};
        int rc = rs_history_read(path, &m, &v, &n, &err);
        if (rc != c->rc || (c->msg && !strstr(err.msg, c->msg)))
            fail_msg("case %zu: rc %d, message '%s'", i, rc, err.msg);
        if (c->msg)
            assert_int_equal(strncmp(err.msg, path, strlen(path)), 0);   /* names the file */
        assert_int_equal(n, c->n);
        if (n == 0) {
            assert_null(m);
            assert_null(v);
        }
        for (int k = 0; k < n; k++) {
            assert_rel(m[k], c->month[k], 0);
            assert_rel(v[k], c->value[k], 1e-15);
        }
        free(m);
        free(v);
    }
}

static void test_history_missing(void **state)
{
    (void)state;
    double *m, *v;
    int n;
    rs_error err = {0};
    assert_int_equal(rs_history_read("/nonexistent/h.csv", &m, &v, &n, &err), RS_ENOINPUT);
    assert_null(m);
    assert_null(v);
    assert_int_equal(n, 0);
}

/* Issue 9, item 3: values whose sums overflow gave R^2 NaN and a ramp whose
 * interval was cast to long from NaN; now the fit says it has no result. */
static void test_fit_not_finite(void **state)
{
    (void)state;
    double m[] = {1, 6, 7, 8}, v[] = {0, 2, 0, 1e308};
    rs_fit_result f;
    assert_int_equal(rs_fit_ramp(m, v, 4, RS_SHAPE_LOGISTIC, &f), 2);
    assert_int_equal(rs_fit_ramp(m, v, 4, RS_SHAPE_LINEAR, &f), 2);
    double vn[] = {0, 2, NAN, 1}, mi[] = {1, 2, INFINITY, 4}, w[] = {0, 1, 2, 3};
    assert_int_equal(rs_fit_ramp(m, vn, 4, RS_SHAPE_LOGISTIC, &f), 2);
    assert_int_equal(rs_fit_ramp(mi, w, 4, RS_SHAPE_LOGISTIC, &f), 2);
    /* a good fit keeps every field finite and the ramp within bounds */
    double gm[] = {1, 2, 3, 4, 5, 6, 7, 8}, gv[] = {0.2, 0.3, 0.45, 0.6, 0.7, 0.72, 0.73, 0.73};
    assert_int_equal(rs_fit_ramp(gm, gv, 8, RS_SHAPE_LOGISTIC, &f), 0);
    const double all[] = {f.start, f.target, f.ramp, f.se_start, f.se_target, f.se_ramp, f.r2,
                          f.rmse};
    for (size_t k = 0; k < sizeof all / sizeof all[0]; k++)
        assert_true(isfinite(all[k]));
    assert_true(fabs(f.ramp) + 4 * f.se_ramp <= RS_FIT_MONTHS_MAX);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_history_cases),
        cmocka_unit_test(test_history_missing),
        cmocka_unit_test(test_fit_not_finite),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
