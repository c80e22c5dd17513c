/* history.c: reading the observed monthly values of `revsim fit` (see
 * history.h): columns by header name (English or Chinese), month numbers or
 * calendar months, finite values only. */
#define _POSIX_C_SOURCE 200809L
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include "../models/model.h"
#include "csvin.h"
#include "history.h"
#include "scenario.h"

/* Header names of the two columns (ASCII ones compared in any case). */
static const char *const month_names[] = {"month", "月份", "月", NULL};
static const char *const value_names[] = {"value", "数值", "值", NULL};

static int is_name(const char *field, const char *const *names)
{
    for (int i = 0; names[i]; i++)
        if (strcasecmp(field, names[i]) == 0)
            return 1;
    return 0;
}

/* The ASCII digits at *p (min to max of them) as a number, advancing *p;
 * -1 when there are fewer or more. */
static long digits(const char **p, int min, int max)
{
    long v = 0;
    int k = 0;
    while (**p >= '0' && **p <= '9' && k < max) {
        v = 10 * v + (**p - '0');
        (*p)++;
        k++;
    }
    return k >= min && !(**p >= '0' && **p <= '9') ? v : -1;
}

/* A calendar month "YYYY-MM", "YYYY/MM" or "YYYY年MM月" (month 1 or 2
 * digits) as year * 12 + month - 1; -1 when s is not one. */
static long calendar_month(const char *s)
{
    const char *p = s;
    long y = digits(&p, 4, 4), m;
    if (y < 0)
        return -1;
    if (*p == '-' || *p == '/') {
        p++;
        if ((m = digits(&p, 1, 2)) < 0 || *p)
            return -1;
    } else if (strncmp(p, "年", strlen("年")) == 0) {
        p += strlen("年");
        if ((m = digits(&p, 1, 2)) < 0 || strcmp(p, "月") != 0)
            return -1;
    } else {
        return -1;
    }
    return m >= 1 && m <= 12 ? y * 12 + m - 1 : -1;
}

int rs_history_read(const char *path, double **month, double **value, int *n, rs_error *err)
{
    rs_table t;
    memset(&t, 0, sizeof t);
    double *m = NULL, *v = NULL;
    long *cal = NULL;   /* calendar month of each observation */
    int *at = NULL;     /* its row in t */
    int rc = rs_table_read(path, path, &t, err), cm = -1, cv = -1, h = -1, k = 0;
    int calendar = -1;   /* unknown yet; 0 month numbers, 1 calendar months */
    *month = *value = NULL;
    *n = 0;
    if (rc)
        goto out;
    if ((h = rs_table_header(&t)) < 0) {
        rc = rs_error_set(err, RS_EDATA, "%s: empty file (expected the columns month,value)",
                          path);
        goto out;
    }
    for (int c = 0; c < t.nfields[h]; c++) {
        const char *f = t.fields[h][c];
        int *col = is_name(f, month_names) ? &cm : is_name(f, value_names) ? &cv : NULL;
        if (col && *col >= 0) {
            rc = rs_error_set(err, RS_EDATA, "%s:%d: header: a second %s column ('%s')", path,
                              t.lines[h], col == &cm ? "month" : "value", f);
            goto out;
        }
        if (col)
            *col = c;
    }
    if (cm < 0 || cv < 0) {
        rc = rs_error_set(err, RS_EDATA, "%s:%d: header: need the columns 'month' and 'value' "
                          "(or 月份 and 数值)", path, t.lines[h]);
        goto out;
    }
    const size_t rows = (size_t)(t.nrows - h);
    m = malloc(rows * sizeof *m);
    v = malloc(rows * sizeof *v);
    cal = malloc(rows * sizeof *cal);
    at = malloc(rows * sizeof *at);
    if (!m || !v || !cal || !at) {
        rc = rs_error_set(err, RS_ESOFTWARE, "out of memory");
        goto out;
    }
    long first = 0;   /* the earliest calendar month */
    for (int r = h + 1; r < t.nrows; r++) {
        const char *ms = cm < t.nfields[r] ? rs_trim(t.fields[r][cm]) : "";
        const char *vs = cv < t.nfields[r] ? rs_trim(t.fields[r][cv]) : "";
        if ((!*ms && !*vs) || (t.nfields[r] > 0 && t.fields[r][0][0] == '#'))
            continue;
        long c = calendar_month(ms);
        double mm = NAN, vv;
        if (c < 0 && (rs_parse_number(ms, &mm) != 0 || mm < 1 || mm > RS_MAX_MONTHS ||
                      mm != floor(mm))) {
            rc = rs_error_set(err, RS_EDATA, "%s:%d: month: '%s' is neither a month number "
                              "from 1 to %d nor a calendar month YYYY-MM", path, t.lines[r], ms,
                              RS_MAX_MONTHS);
            goto out;
        }
        if (calendar >= 0 && calendar != (c >= 0)) {
            rc = rs_error_set(err, RS_EDATA, "%s:%d: month: '%s' is %s, but the rows before "
                              "give %s; give every month the same way", path, t.lines[r], ms,
                              c >= 0 ? "a calendar month" : "a month number",
                              calendar ? "calendar months" : "month numbers");
            goto out;
        }
        calendar = c >= 0;
        if (rs_parse_number(vs, &vv) != 0) {
            char *end;
            double x = strtod(vs, &end);
            rc = rs_error_set(err, RS_EDATA, "%s:%d: value: '%s' is %s", path, t.lines[r], vs,
                              *vs && end != vs && !isfinite(x)
                                  ? "not a finite number (NaN and infinity cannot be fitted)"
                                  : "not a number");
            goto out;
        }
        if (c >= 0 && (k == 0 || c < first))
            first = c;
        cal[k] = c;
        at[k] = r;
        m[k] = mm;
        v[k] = vv;
        k++;
    }
    for (int i = 0; i < k && calendar == 1; i++) {   /* month 1 = the earliest one */
        m[i] = (double)(cal[i] - first + 1);
        if (m[i] > RS_MAX_MONTHS) {
            rc = rs_error_set(err, RS_EDATA, "%s:%d: month: '%s' is more than %d months after "
                              "the earliest month of the file", path, t.lines[at[i]],
                              t.fields[at[i]][cm], RS_MAX_MONTHS);
            goto out;
        }
    }
    *n = k;
out:
    rs_table_release(&t);
    free(cal);
    free(at);
    if (rc || k == 0) {
        free(m);
        free(v);
        m = v = NULL;
    }
    *month = m;
    *value = v;
    return rc;
}
