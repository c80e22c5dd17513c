/* xlsx.c: the workbooks of workbook.h, written with libxlsxwriter. Every
 * data sheet has two header rows, the labels in the chosen language and
 * then the CSV column names, and below them the cells of its CSV file in
 * the same order; a cell that other cells of the workbook give (annual sums
 * of months, deficit, coverage, surplus, cash flows, totals, gains) is that
 * formula with the computed value cached. Text from a scenario is cleaned
 * (control characters, bytes that are not UTF-8) and written as a string,
 * after a ' when it would look like a formula, as in the CSV files. */
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include <xlsxwriter.h>
#include "../base/fmt.h"
#include "../base/strmap.h"
#include "../base/utf8.h"
#include "results.h"
#include "workbook.h"

#define HDR 2                /* header rows: labels, then CSV column names */
#define XL_ROWS 1048576      /* rows of a worksheet */
#define XL_COLS 16384        /* columns of a worksheet */
#define XL_SERIES 255        /* series of one chart */
#define XL_TEXT 32767        /* bytes of a cell's text */
#define TORNADO_BARS 20      /* bars of the tornado chart (plots/ draws as many) */
#define W_NUM 14             /* column widths, in characters */
#define W_ID 18
#define W_LABEL 36
#define W_NOTE 60

/* Sheets, in the order of their tabs. */
enum { WS_COMPARISON, WS_CMP_ANNUAL, WS_TORNADO, WS_SUMMARY, WS_CHARTS, WS_ANNUAL, WS_MONTHLY,
       WS_CALENDAR, WS_COMMUNITIES, WS_LEVERS, WS_LEVER_SUMMARY, WS_MC, WS_ASSUMPTIONS,
       WS_N };

static const struct {
    const char *en, *zh;
} sheet_names[WS_N] = {
    [WS_COMPARISON] = {"Comparison", "方案比较"},
    [WS_CMP_ANNUAL] = {"Comparison by year", "逐年比较"},
    [WS_TORNADO] = {"Tornado", "敏感性分析"},
    [WS_SUMMARY] = {"Summary", "汇总"},
    [WS_CHARTS] = {"Charts", "图表"},
    [WS_ANNUAL] = {"Annual", "年度"},
    [WS_MONTHLY] = {"Monthly", "月度"},
    [WS_CALENDAR] = {"Calendar years", "日历年度"},
    [WS_COMMUNITIES] = {"Communities", "小区"},
    [WS_LEVERS] = {"Levers", "项目"},
    [WS_LEVER_SUMMARY] = {"Lever summary", "项目汇总"},
    [WS_MC] = {"Monte Carlo", "蒙特卡洛"},
    [WS_ASSUMPTIONS] = {"Assumptions", "假设"},
};

/* One scenario of a workbook and where its rows start on each sheet. */
typedef struct {
    const char *id;              /* compare: the scenario id */
    const rs_scenario *s;
    const rs_source *src;
    const rs_results *r;
    const rs_mc_results *mc;
    int *lev;                    /* workbook lever column of each of its levers */
    int y0, m0;                  /* start year and month (calendar years), y0 0 if none */
    int ncal;                    /* calendar years */
    int row[WS_N];               /* first data row of its block */
} item;

typedef struct {
    lxw_workbook *wb;
    const char *file;            /* final path (messages) */
    rs_error *err;
    int rc;                      /* first failure */
    int zh, multi;               /* multi: a Scenario column leads the long sheets */
    item *it;
    int n;
    const char **lev;            /* every lever name, first appearance, once */
    int nlev;
    char money[32];              /* display unit of money: CNY, 万元 */
    const char *sheet[WS_N];
    char *props[4];              /* document properties (cleaned copies) */
    time_t created;              /* document property: made at */
    lxw_format *head, *name, *title, *plain, *general, *integer;
    lxw_format *unit[RS_U_TIMES + 1];
    lxw_format *pct[7];          /* percentages with 0..6 decimals (assumption values) */
} wbk;

#define L(w, e, z) ((w)->zh ? (z) : (e))

/* ------------------------------------------------------------ errors */

static void fail_oom(wbk *w)
{
    if (!w->rc)
        w->rc = rs_error_set(w->err, RS_ESOFTWARE, "out of memory");
}

/* libxlsxwriter's setters return nothing, and several of its functions
 * go on when an allocation inside them fails, reporting success: errno is
 * then ENOMEM (malloc sets it; nothing that succeeds in between clears it).
 * oom_if, after such calls and in every check, turns that into the error. */
static void oom_if(wbk *w)
{
    if (errno == ENOMEM)
        fail_oom(w);
}

/* Record a libxlsxwriter error (the first one wins). */
static void check(wbk *w, lxw_error e)
{
    if (w->rc)
        return;
    if (e == LXW_NO_ERROR) {
        oom_if(w);
        return;
    }
    if (e == LXW_ERROR_MEMORY_MALLOC_FAILED)
        fail_oom(w);
    else
        w->rc = rs_error_set(w->err, RS_ECANTCREAT, "%s: cannot write the workbook: %s", w->file,
                             lxw_strerror(e));
}

/* ------------------------------------------------------------ cells */

/* Column name ("A", "AB") of 0-based col into buf (>= 4 bytes). */
static const char *colname(int col, char *buf)
{
    char tmp[4];
    int n = 0;
    for (col++; col > 0 && n < 3; col = (col - 1) / 26)
        tmp[n++] = (char)('A' + (col - 1) % 26);
    for (int i = 0; i < n; i++)
        buf[i] = tmp[n - 1 - i];
    buf[n] = '\0';
    return buf;
}

/* "'Sheet'!C3" (sheet >= 0) or "C3" (sheet < 0) of 0-based row, col; with
 * abs "$C$3". Into buf (>= 128 bytes). */
static const char *ref(const wbk *w, int sheet, int row, int col, int abs, char *buf)
{
    char c[4];
    snprintf(buf, 128, "%s%s%s%s%s%d", sheet >= 0 ? "'" : "", sheet >= 0 ? w->sheet[sheet] : "",
             sheet >= 0 ? "'!" : "", abs ? "$" : "", colname(col, c), row + 1);
    if (abs) {   /* $C3 -> $C$3 */
        char *d = buf + strlen(buf);
        while (d > buf && d[-1] >= '0' && d[-1] <= '9')
            d--;
        memmove(d + 1, d, strlen(d) + 1);
        *d = '$';
    }
    return buf;
}

/* "'Sheet'!C3:C14" (or without the sheet for sheet < 0), into buf (>= 260). */
static const char *range(const wbk *w, int sheet, int r0, int c0, int r1, int c1, int abs,
                         char *buf)
{
    char a[128], b[128];
    ref(w, sheet, r0, c0, abs, a);
    ref(w, -1, r1, c1, abs, b);
    snprintf(buf, 260, "%s:%s", a, b);
    return buf;
}

static void put_num(wbk *w, lxw_worksheet *ws, int row, int col, double v, lxw_format *f)
{
    if (!w->rc && isfinite(v))
        check(w, worksheet_write_number(ws, (lxw_row_t)row, (lxw_col_t)col, v, f));
}

/* Text as a string cell: cleaned, cut to Excel's limit at a character
 * boundary, after a ' when it would look like a formula. */
static void put_text(wbk *w, lxw_worksheet *ws, int row, int col, const char *s, lxw_format *f)
{
    if (w->rc || !s || !*s)
        return;
    size_t n = strlen(s);
    if (n > XL_TEXT - 2)   /* room for the ' */
        n = XL_TEXT - 2;
    char *buf = malloc(n + 2);
    if (!buf) {
        fail_oom(w);
        return;
    }
    rs_utf8_clean(s, buf + 1, n + 1);
    const char *t = buf + 1;
    if (rs_csv_formula_like(t)) {
        buf[0] = '\'';
        t = buf;
    }
    check(w, worksheet_write_string(ws, (lxw_row_t)row, (lxw_col_t)col, t, f));
    free(buf);
}

/* A formula (printf-style) with its computed value v cached: a number, or
 * "" when v is NaN (the CSV files' empty cell). */
static void put_formula(wbk *w, lxw_worksheet *ws, int row, int col, lxw_format *f, double v,
                        const char *fmt, ...) __attribute__((format(printf, 7, 8)));
static void put_formula(wbk *w, lxw_worksheet *ws, int row, int col, lxw_format *f, double v,
                        const char *fmt, ...)
{
    char buf[1024];
    va_list ap;
    va_start(ap, fmt);
    int k = vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    if (w->rc)
        return;
    if (k < 0 || (size_t)k >= sizeof buf) {
        w->rc = rs_error_set(w->err, RS_ESOFTWARE, "%s: a formula is too long", w->file);
        return;
    }
    check(w, isfinite(v) ? worksheet_write_formula_num(ws, (lxw_row_t)row, (lxw_col_t)col, buf,
                                                       f, v)
                         : worksheet_write_formula_str(ws, (lxw_row_t)row, (lxw_col_t)col, buf,
                                                       f, ""));
}

/* The shortest text of v that reads back as v (for numbers in formulas),
 * into buf (>= 32 bytes). */
static const char *num_text(double v, char *buf)
{
    for (int p = 15; p <= 17; p++) {
        snprintf(buf, 32, "%.*g", p, v);
        if (strtod(buf, NULL) == v)
            break;
    }
    return buf;
}

/* A formula that sums the cells of one column, rows r0..r1 of sheet. */
static void put_sum(wbk *w, lxw_worksheet *ws, int row, int col, lxw_format *f, double v,
                    int sheet, int r0, int c0, int r1, int c1)
{
    char rg[260];
    put_formula(w, ws, row, col, f, v, "=SUM(%s)", range(w, sheet, r0, c0, r1, c1, 0, rg));
}

/* num / den of two cells of the row, "" when den <= 0 (a ratio series). */
static void put_ratio(wbk *w, lxw_worksheet *ws, int row, int col, lxw_format *f, double v,
                      int sheet, int nrow, int ncol, int drow, int dcol)
{
    char a[128], b[128];
    ref(w, sheet, drow, dcol, 0, b);
    put_formula(w, ws, row, col, f, v, "=IF(%s>0,%s/%s,\"\")", b, ref(w, sheet, nrow, ncol, 0, a),
                b);
}

/* ------------------------------------------------------------ formats and labels */

static lxw_format *new_format(wbk *w, const char *num)
{
    if (w->rc)
        return NULL;
    lxw_format *f = workbook_add_format(w->wb);
    if (!f)
        fail_oom(w);
    else if (num)
        format_set_num_format(f, num);
    oom_if(w);
    return f;
}

/* Money in CNY (whole yuan, grouped) or, in Chinese, in 万元 with one
 * decimal: Excel can only scale by thousands (a trailing comma), so the
 * format divides by 1,000 and puts a literal '.' before the last digit. The
 * cell keeps the amount in yuan, as in the CSV files. */
#define MONEY_EN "#,##0"
#define MONEY_ZH "0\\.0,"

static void formats(wbk *w)
{
    w->head = new_format(w, NULL);
    w->name = new_format(w, NULL);
    w->title = new_format(w, NULL);
    w->plain = new_format(w, NULL);
    w->general = new_format(w, "General");
    w->integer = new_format(w, "0");
    static const char *const unit_fmt[RS_U_TIMES + 1] = {
        [RS_U_MONEY] = MONEY_EN, [RS_U_RATIO] = "0.0%", [RS_U_RATE] = "0.0%",
        [RS_U_PROB] = "0.0%", [RS_U_YEAR] = "0", [RS_U_YEARS] = "0.00", [RS_U_MONTH] = "0",
        [RS_U_COUNT] = "0", [RS_U_TIMES] = "0.00",
    };
    for (int u = 0; u <= RS_U_TIMES; u++)
        w->unit[u] = new_format(w, u == RS_U_MONEY && w->zh ? MONEY_ZH : unit_fmt[u]);
    static const char *const pct[7] = {"0%", "0.0%", "0.00%", "0.000%", "0.0000%", "0.00000%",
                                       "0.000000%"};
    for (int d = 0; d < 7; d++)
        w->pct[d] = new_format(w, pct[d]);
    if (w->rc)
        return;
    format_set_bold(w->head);
    format_set_text_wrap(w->head);
    format_set_align(w->head, LXW_ALIGN_VERTICAL_TOP);
    format_set_bg_color(w->head, 0xDDEBF7);
    format_set_font_color(w->name, 0x7F7F7F);
    format_set_italic(w->name);
    format_set_font_size(w->name, 9);
    format_set_bottom(w->name, LXW_BORDER_THIN);
    format_set_bg_color(w->name, 0xDDEBF7);
    format_set_bold(w->title);
    format_set_font_size(w->title, 14);
}

/* label + the money unit: "Revenue (CNY)", "收入（万元）". Into buf (n). */
static const char *money_label(const wbk *w, const char *label, char *buf, size_t n)
{
    snprintf(buf, n, w->zh ? "%s（%s）" : "%s (%s)", label, w->money);
    return buf;
}

/* The header label of a quantity of unit u called en/zh. */
static const char *unit_label(const wbk *w, rs_unit u, const char *en, const char *zh, char *buf,
                              size_t n)
{
    const char *label = L(w, en, zh);
    if (u == RS_U_MONEY)
        return money_label(w, label, buf, n);
    snprintf(buf, n, "%s", label);
    return buf;
}

/* The unit a value of unit u is shown in (Summary's Unit column). */
static const char *unit_shown(const wbk *w, rs_unit u)
{
    switch (u) {
    case RS_U_MONEY: return w->money;
    case RS_U_RATIO: case RS_U_RATE: case RS_U_PROB: return "%";
    case RS_U_YEAR: return L(w, "year", "年度");
    case RS_U_YEARS: return L(w, "years", "年");
    case RS_U_MONTH: return L(w, "month", "月");
    case RS_U_TIMES: return L(w, "times", "倍");
    case RS_U_COUNT: return "";
    }
    return "";
}

/* One header column: its label (row 1), its CSV name (row 2; NULL for a
 * column the CSV files do not have) and width. */
static void head(wbk *w, lxw_worksheet *ws, int col, const char *label, const char *name,
                 double width)
{
    if (w->rc)
        return;
    put_text(w, ws, 0, col, label, w->head);
    if (name)
        put_text(w, ws, 1, col, name, w->name);
    else
        check(w, worksheet_write_blank(ws, 1, (lxw_col_t)col, w->name));
    if (!w->rc)
        check(w, worksheet_set_column(ws, (lxw_col_t)col, (lxw_col_t)col, width, NULL));
}

/* A new sheet with its header rows and the first `cols` columns frozen. */
/* Sheet k added to the workbook, or NULL after an error. */
static lxw_worksheet *add_sheet(wbk *w, int k)
{
    if (w->rc)
        return NULL;
    lxw_worksheet *ws = workbook_add_worksheet(w->wb, w->sheet[k]);
    if (!ws) {
        oom_if(w);
        if (!w->rc)
            w->rc = rs_error_set(w->err, RS_ESOFTWARE, "%s: cannot add sheet '%s'", w->file,
                                 w->sheet[k]);
    }
    return ws;
}

static lxw_worksheet *sheet(wbk *w, int k, int cols)
{
    lxw_worksheet *ws = add_sheet(w, k);
    if (!ws)
        return NULL;
    worksheet_freeze_panes(ws, HDR, (lxw_col_t)cols);
    oom_if(w);
    check(w, worksheet_set_row(ws, 0, 45, NULL));
    /* a formula among values of its column is meant so: no green marks */
    check(w, worksheet_ignore_errors(ws, LXW_IGNORE_FORMULA_DIFFERS, "A1:XFD1048576"));
    return ws;
}

/* Autofilter on the CSV names row over rows..cols of a long sheet. */
static void filter(wbk *w, lxw_worksheet *ws, int rows, int cols)
{
    if (!w->rc && rows > HDR && cols > 0)
        check(w, worksheet_autofilter(ws, 1, 0, (lxw_row_t)(rows - 1), (lxw_col_t)(cols - 1)));
}

/* The Scenario column of a long sheet (compare). */
static int lead_head(wbk *w, lxw_worksheet *ws)
{
    if (w->multi)
        head(w, ws, 0, L(w, "Scenario", "情景"), "scenario", W_ID);
    return w->multi;
}

static void lead(wbk *w, lxw_worksheet *ws, int row, const item *it)
{
    if (w->multi)
        put_text(w, ws, row, 0, it->id, NULL);
}

/* A metric's value: a number in its unit's format, or (NaN) the words for
 * what an empty value means. */
static void put_metric(wbk *w, lxw_worksheet *ws, int row, int col, const rs_metric_def *d,
                       double v)
{
    if (isfinite(v))
        put_num(w, ws, row, col, v, w->unit[d->unit]);
    else
        put_text(w, ws, row, col, L(w, d->empty_en, d->empty_zh), NULL);
}

/* ------------------------------------------------------------ series sheets */

/* Columns of Monthly, Annual and Calendar years: the identity columns
 * (month and year; year; calendar year and months), then rs_series, then
 * the revenue of every lever. */
static int lead_cols(int sheet)
{
    return sheet == WS_ANNUAL ? 1 : 2;
}

static int scol(const wbk *w, int sheet, int k)
{
    return w->multi + lead_cols(sheet) + k;
}

static int lcol(const wbk *w, int sheet, int j)
{
    return scol(w, sheet, SR_N) + j;
}

/* Series of a month given by other series of its row (MODEL.md "Portfolio
 * results"): the sum of the terms with their signs. */
static const struct {
    int series, n;
    int term[4], sign[4];
} derived[] = {
    {SR_DEFICIT, 2, {SR_COST, SR_FEE}, {1, -1}},
    {SR_SURPLUS, 2, {SR_NET, SR_DEFICIT}, {1, -1}},
    {SR_DEBT_SERVICE, 2, {SR_INTEREST, SR_PRINCIPAL}, {1, 1}},
    {SR_CF, 4, {SR_NET, SR_CAPEX, SR_SUBSIDY, SR_INCOME_TAX}, {1, -1, 1, -1}},
    {SR_CF_EQUITY, 3, {SR_CF, SR_DRAWS, SR_DEBT_SERVICE}, {1, 1, -1}},
};

static int derived_index(int k)
{
    for (size_t i = 0; i < sizeof derived / sizeof derived[0]; i++)
        if (derived[i].series == k)
            return (int)i;
    return -1;
}

static void series_heads(wbk *w, lxw_worksheet *ws, int sheet)
{
    char buf[RS_NAME_MAX * 3 + 64], name[RS_NAME_MAX + 16];
    for (int k = 0; k < SR_N; k++)
        head(w, ws, scol(w, sheet, k),
             unit_label(w, rs_series[k].unit, rs_series[k].label_en, rs_series[k].label_zh, buf,
                        sizeof buf),
             rs_series[k].name, W_NUM);
    for (int j = 0; j < w->nlev; j++) {
        char lab[RS_NAME_MAX + 32];
        snprintf(lab, sizeof lab, w->zh ? "收入：%s" : "Revenue, %s", w->lev[j]);
        snprintf(name, sizeof name, "revenue:%s", w->lev[j]);
        head(w, ws, lcol(w, sheet, j), money_label(w, lab, buf, sizeof buf), name, W_NUM);
    }
}

static void sheet_monthly(wbk *w)
{
    lxw_worksheet *ws = sheet(w, WS_MONTHLY, w->multi + 2);
    int c0 = lead_head(w, ws), last = HDR;
    head(w, ws, c0, L(w, "Month", "月份"), "month", 8);
    head(w, ws, c0 + 1, L(w, "Year", "年度"), "year", 8);
    series_heads(w, ws, WS_MONTHLY);
    for (int i = 0; i < w->n && !w->rc; i++) {
        const item *it = &w->it[i];
        const rs_results *r = it->r;
        for (int m = 1; m <= r->months && !w->rc; m++) {
            const int row = it->row[WS_MONTHLY] + m - 1;
            char a[128], expr[512];
            lead(w, ws, row, it);
            put_num(w, ws, row, c0, m, w->integer);
            put_num(w, ws, row, c0 + 1, (m - 1) / 12 + 1, w->integer);
            for (int k = 0; k < SR_N; k++) {
                const rs_series_def *d = &rs_series[k];
                const int col = scol(w, WS_MONTHLY, k);
                const double v = rs_series_month(r, k, m);
                int di = derived_index(k);
                lxw_format *f = w->unit[d->unit];
                if (k == SR_REVENUE && w->nlev > 0) {
                    put_sum(w, ws, row, col, f, v, -1, row, lcol(w, WS_MONTHLY, 0), row,
                            lcol(w, WS_MONTHLY, w->nlev - 1));
                } else if (di >= 0) {
                    size_t at = 0;
                    for (int t = 0; t < derived[di].n; t++)
                        at += (size_t)snprintf(expr + at, sizeof expr - at, "%s%s",
                                               derived[di].sign[t] < 0 ? "-" : t ? "+" : "",
                                               ref(w, -1, row, scol(w, WS_MONTHLY,
                                                                    derived[di].term[t]), 0, a));
                    put_formula(w, ws, row, col, f, v, "=%s", expr);
                } else if (d->kind == RS_SK_RATIO) {
                    if (d->monthly_ratio)
                        put_ratio(w, ws, row, col, f, v, -1, row, scol(w, WS_MONTHLY, d->num),
                                  row, scol(w, WS_MONTHLY, d->den));
                } else {
                    put_num(w, ws, row, col, v, f);
                }
            }
            for (int l = 0; l < r->nlev; l++)
                put_num(w, ws, row, lcol(w, WS_MONTHLY, it->lev[l]),
                        r->lev_gross[(size_t)l * r->months + m - 1], w->unit[RS_U_MONEY]);
            last = row + 1;
        }
    }
    filter(w, ws, last, lcol(w, WS_MONTHLY, w->nlev));
}

/* One row of Annual or Calendar years: months first..last of item it,
 * computed values v[SR_N] and lev[it's levers]. Flows are sums of the
 * months, stocks the last month, ratios num / den of the row. */
static void period_row(wbk *w, lxw_worksheet *ws, int sheet, int row, const item *it, int first,
                       int last, const double *v, const double *lev)
{
    const int m0 = it->row[WS_MONTHLY] + first - 1, m1 = it->row[WS_MONTHLY] + last - 1;
    char a[128];
    for (int k = 0; k < SR_N; k++) {
        const rs_series_def *d = &rs_series[k];
        const int col = scol(w, sheet, k), mc = scol(w, WS_MONTHLY, k);
        lxw_format *f = w->unit[d->unit];
        if (d->kind == RS_SK_FLOW)
            put_sum(w, ws, row, col, f, v[k], WS_MONTHLY, m0, mc, m1, mc);
        else if (d->kind == RS_SK_STOCK)
            put_formula(w, ws, row, col, f, v[k], "=%s", ref(w, WS_MONTHLY, m1, mc, 0, a));
        else
            put_ratio(w, ws, row, col, f, v[k], -1, row, scol(w, sheet, d->num), row,
                      scol(w, sheet, d->den));
    }
    for (int l = 0; l < it->r->nlev; l++) {
        const int mc = lcol(w, WS_MONTHLY, it->lev[l]);
        put_sum(w, ws, row, lcol(w, sheet, it->lev[l]), w->unit[RS_U_MONEY], lev[l], WS_MONTHLY,
                m0, mc, m1, mc);
    }
}

static void sheet_annual(wbk *w)
{
    lxw_worksheet *ws = sheet(w, WS_ANNUAL, w->multi + 1);
    int c0 = lead_head(w, ws), last = HDR;
    head(w, ws, c0, L(w, "Year", "年度"), "year", 8);
    series_heads(w, ws, WS_ANNUAL);
    double v[SR_N];
    for (int i = 0; i < w->n && !w->rc; i++) {
        const item *it = &w->it[i];
        const rs_results *r = it->r;
        double *lev = malloc(((size_t)r->nlev + 1) * sizeof *lev);
        if (!lev) {
            fail_oom(w);
            return;
        }
        for (int y = 1; y <= r->years; y++) {
            const int row = it->row[WS_ANNUAL] + y - 1;
            for (int k = 0; k < SR_N; k++)
                v[k] = rs_series_year(r, k, y);
            for (int l = 0; l < r->nlev; l++)
                lev[l] = r->y_lev_revenue[(size_t)l * r->years + y - 1];
            lead(w, ws, row, it);
            put_num(w, ws, row, c0, y, w->integer);
            period_row(w, ws, WS_ANNUAL, row, it, 12 * (y - 1) + 1, 12 * y, v, lev);
            last = row + 1;
        }
        free(lev);
    }
    filter(w, ws, last, lcol(w, WS_ANNUAL, w->nlev));
}

static int any_calendar(const wbk *w)
{
    for (int i = 0; i < w->n; i++)
        if (w->it[i].ncal > 0)
            return 1;
    return 0;
}

static void sheet_calendar(wbk *w)
{
    if (!any_calendar(w))
        return;
    lxw_worksheet *ws = sheet(w, WS_CALENDAR, w->multi + 2);
    int c0 = lead_head(w, ws), last = HDR;
    head(w, ws, c0, L(w, "Calendar year", "日历年"), "calendar_year", 10);
    head(w, ws, c0 + 1, L(w, "Months", "月数"), "months", 8);
    series_heads(w, ws, WS_CALENDAR);
    double v[SR_N];
    for (int i = 0; i < w->n && !w->rc; i++) {
        const item *it = &w->it[i];
        const rs_results *r = it->r;
        if (it->ncal == 0)
            continue;
        double *lev = malloc(((size_t)r->nlev + 1) * sizeof *lev);
        if (!lev) {
            fail_oom(w);
            return;
        }
        int row = it->row[WS_CALENDAR];
        for (int first = 1, cy, end; first <= r->months; first = end + 1, row++) {
            rs_calendar_span(it->y0, it->m0, r->months, first, &cy, &end);
            rs_period_totals(r, first, end, v, lev);
            lead(w, ws, row, it);
            put_num(w, ws, row, c0, cy, w->integer);
            put_num(w, ws, row, c0 + 1, end - first + 1, w->integer);
            period_row(w, ws, WS_CALENDAR, row, it, first, end, v, lev);
            last = row + 1;
        }
        free(lev);
    }
    filter(w, ws, last, lcol(w, WS_CALENDAR, w->nlev));
}

/* ------------------------------------------------------------ summary */

/* How a headline metric follows from the Annual and Monthly sheets
 * (MODEL.md "Headline metrics"); metrics not listed are values. */
typedef enum { F_NONE, F_YEAR1, F_STAB, F_LAST, F_SUM, F_MIN_YEAR, F_MIN_MONTH, F_NPV,
               F_BELOW } metric_formula;

static const struct {
    int metric, series;
    metric_formula f;
} metric_formulas[] = {
    {MT_REVENUE_YEAR1, SR_REVENUE, F_YEAR1},
    {MT_REVENUE_STAB, SR_REVENUE, F_STAB},
    {MT_NET_STAB, SR_NET, F_STAB},
    {MT_DEFICIT_YEAR1, SR_DEFICIT, F_YEAR1},
    {MT_COVERAGE_YEAR1, SR_COVERAGE, F_YEAR1},
    {MT_COVERAGE_STAB, SR_COVERAGE, F_STAB},
    {MT_COVERAGE_LAST, SR_COVERAGE, F_LAST},
    {MT_CAPEX_TOTAL, SR_CAPEX, F_SUM},
    {MT_NPV, SR_CF, F_NPV},
    {MT_FUND_MIN, SR_FUND_END, F_MIN_MONTH},
    {MT_FUND_END, SR_FUND_END, F_LAST},
    {MT_TAX_TOTAL, SR_TAX, F_SUM},
    {MT_SUBSIDY_TOTAL, SR_SUBSIDY, F_SUM},
    {MT_INCOME_TAX_TOTAL, SR_INCOME_TAX, F_SUM},
    {MT_DEBT_SERVICE_TOTAL, SR_DEBT_SERVICE, F_SUM},
    {MT_DSCR_MIN, SR_DSCR, F_MIN_YEAR},
    {MT_DEBT_END, SR_DEBT_BALANCE, F_LAST},
    {MT_NPV_EQUITY, SR_CF_EQUITY, F_NPV},
    {MT_MONTHS_BELOW_RESERVE, SR_FUND_END, F_BELOW},
};

static void summary_base(wbk *w, lxw_worksheet *ws, int row, int col, const item *it, int k)
{
    const rs_metric_def *d = &rs_metrics[k];
    const double v = it->r->metric[k];
    size_t i = 0;
    while (i < sizeof metric_formulas / sizeof metric_formulas[0] && metric_formulas[i].metric != k)
        i++;
    if (!isfinite(v) || i == sizeof metric_formulas / sizeof metric_formulas[0]) {
        put_metric(w, ws, row, col, d, v);
        return;
    }
    const int Y = it->r->years, M = it->r->months, sr = metric_formulas[i].series;
    const int sy = (int)it->r->metric[MT_STAB_YEAR];
    const int a0 = it->row[WS_ANNUAL], m0 = it->row[WS_MONTHLY];
    const int ac = scol(w, WS_ANNUAL, sr), mc = scol(w, WS_MONTHLY, sr);
    lxw_format *f = w->unit[d->unit];
    char a[260], x[32];
    switch (metric_formulas[i].f) {
    case F_YEAR1:
    case F_STAB:
    case F_LAST: {
        const int y = metric_formulas[i].f == F_YEAR1 ? 1 : metric_formulas[i].f == F_STAB ? sy : Y;
        put_formula(w, ws, row, col, f, v, "=%s", ref(w, WS_ANNUAL, a0 + y - 1, ac, 0, a));
        break;
    }
    case F_SUM:
        put_sum(w, ws, row, col, f, v, WS_ANNUAL, a0, ac, a0 + Y - 1, ac);
        break;
    case F_MIN_YEAR:
        put_formula(w, ws, row, col, f, v, "=MIN(%s)",
                    range(w, WS_ANNUAL, a0, ac, a0 + Y - 1, ac, 0, a));
        break;
    case F_MIN_MONTH:
        put_formula(w, ws, row, col, f, v, "=MIN(%s)",
                    range(w, WS_MONTHLY, m0, mc, m0 + M - 1, mc, 0, a));
        break;
    case F_NPV:   /* monthly cash flows discounted at (1+r)^(1/12)-1: (1+r)^(-m/12) */
        put_formula(w, ws, row, col, f, v, "=NPV((1+%s)^(1/12)-1,%s)",
                    num_text(it->s->scen.v[SC_DISCOUNT], x),
                    range(w, WS_MONTHLY, m0, mc, m0 + M - 1, mc, 0, a));
        break;
    case F_BELOW:
        put_formula(w, ws, row, col, f, v, "=COUNTIF(%s,\"<%s\")",
                    range(w, WS_MONTHLY, m0, mc, m0 + M - 1, mc, 0, a),
                    num_text(it->s->fund.v[FD_RESERVE], x));
        break;
    case F_NONE:
        put_metric(w, ws, row, col, d, v);
        break;
    }
}

static void sheet_summary(wbk *w)
{
    static const char *const stat_name[MC_NSTAT] = {"mean", "p10", "p50", "p90"};
    lxw_worksheet *ws = sheet(w, WS_SUMMARY, w->multi + 1);
    int c0 = lead_head(w, ws), last = HDR;
    head(w, ws, c0, L(w, "Metric", "指标"), NULL, W_LABEL);
    head(w, ws, c0 + 1, L(w, "Name", "名称"), "metric", 26);
    head(w, ws, c0 + 2, L(w, "Unit", "单位"), NULL, 8);
    head(w, ws, c0 + 3, L(w, "Base case", "基准情形"), "base", W_NUM);
    const char *stat_label[MC_NSTAT] = {L(w, "Mean (Monte Carlo)", "均值（蒙特卡洛）"), "P10", "P50",
                                        "P90"};
    for (int q = 0; q < MC_NSTAT; q++)
        head(w, ws, c0 + 4 + q, stat_label[q], stat_name[q], W_NUM);
    for (int i = 0; i < w->n && !w->rc; i++) {
        const item *it = &w->it[i];
        for (int k = 0; k < MT_N; k++) {
            const rs_metric_def *d = &rs_metrics[k];
            const int row = it->row[WS_SUMMARY] + k;
            lead(w, ws, row, it);
            put_text(w, ws, row, c0, L(w, d->label_en, d->label_zh), NULL);
            put_text(w, ws, row, c0 + 1, d->name, NULL);
            put_text(w, ws, row, c0 + 2, unit_shown(w, d->unit), NULL);
            summary_base(w, ws, row, c0 + 3, it, k);
            for (int q = 0; it->mc && q < MC_NSTAT; q++)
                put_metric(w, ws, row, c0 + 4 + q, d, it->mc->metric[k][q]);
            last = row + 1;
        }
    }
    filter(w, ws, last, c0 + 4 + MC_NSTAT);
}

/* ------------------------------------------------------------ communities, levers */

static void sheet_communities(wbk *w)
{
    static const char *const name[] = {"community", "year", "revenue", "net_income", "deficit",
                                       "coverage", "fee_income", "mgmt_cost"};
    static const int series[] = {-1, -1, SR_REVENUE, SR_NET, SR_DEFICIT, SR_COVERAGE, SR_FEE,
                                 SR_COST};
    lxw_worksheet *ws = sheet(w, WS_COMMUNITIES, w->multi + 2);
    int c0 = lead_head(w, ws), last = HDR;
    char buf[128];
    head(w, ws, c0, L(w, "Community", "小区"), name[0], W_ID);
    head(w, ws, c0 + 1, L(w, "Year", "年度"), name[1], 8);
    for (int k = 2; k < 8; k++) {
        const rs_series_def *d = &rs_series[series[k]];
        head(w, ws, c0 + k, unit_label(w, d->unit, d->label_en, d->label_zh, buf, sizeof buf),
             name[k], W_NUM);
    }
    lxw_format *money = w->unit[RS_U_MONEY];
    for (int i = 0; i < w->n && !w->rc; i++) {
        const item *it = &w->it[i];
        const rs_results *r = it->r;
        for (int c = 0; c < r->ncom; c++)
            for (int y = 1; y <= r->years; y++) {
                const size_t at = (size_t)c * r->years + y - 1;
                const int row = it->row[WS_COMMUNITIES] + c * r->years + y - 1;
                const double deficit = r->y_com_cost[at] - r->y_com_fee[at];
                char a[128], b[128];
                lead(w, ws, row, it);
                put_text(w, ws, row, c0, it->s->com[c].name, NULL);
                put_num(w, ws, row, c0 + 1, y, w->integer);
                put_num(w, ws, row, c0 + 2, r->y_com_revenue[at], money);
                put_num(w, ws, row, c0 + 3, r->y_com_net[at], money);
                put_formula(w, ws, row, c0 + 4, money, deficit, "=%s-%s",
                            ref(w, -1, row, c0 + 7, 0, a), ref(w, -1, row, c0 + 6, 0, b));
                put_ratio(w, ws, row, c0 + 5, w->unit[RS_U_RATIO],
                          rs_coverage(r->y_com_net[at], deficit), -1, row, c0 + 3, row, c0 + 4);
                put_num(w, ws, row, c0 + 6, r->y_com_fee[at], money);
                put_num(w, ws, row, c0 + 7, r->y_com_cost[at], money);
                last = row + 1;
            }
    }
    filter(w, ws, last, c0 + 8);
}

/* lever, kind, community: the first columns of Levers and Lever summary */
static int lever_heads(wbk *w, lxw_worksheet *ws)
{
    int c0 = lead_head(w, ws);
    head(w, ws, c0, L(w, "Lever", "项目"), "lever", W_ID);
    head(w, ws, c0 + 1, L(w, "Kind", "类型"), "kind", 10);
    head(w, ws, c0 + 2, L(w, "Community", "小区"), "community", W_ID);
    return c0 + 3;
}

static void lever_cells(wbk *w, lxw_worksheet *ws, int row, const item *it, int l)
{
    const int c0 = w->multi;
    const rs_entity *e = &it->s->lev[l];
    lead(w, ws, row, it);
    put_text(w, ws, row, c0, e->name, NULL);
    put_text(w, ws, row, c0 + 1, e->sec->name, NULL);
    put_text(w, ws, row, c0 + 2, it->s->com[e->community].name, NULL);
}

static void metric_heads(wbk *w, lxw_worksheet *ws, int c, const rs_metric_def *d, int n)
{
    char buf[128];
    for (int k = 0; k < n; k++)
        head(w, ws, c + k, unit_label(w, d[k].unit, d[k].label_en, d[k].label_zh, buf, sizeof buf),
             d[k].name, W_NUM);
}

static void sheet_levers(wbk *w)
{
    lxw_worksheet *ws = sheet(w, WS_LEVERS, w->multi + 1);
    const int c = lever_heads(w, ws) + 1;   /* after the year */
    int last = HDR;
    head(w, ws, c - 1, L(w, "Year", "年度"), "year", 8);
    metric_heads(w, ws, c, rs_lever_series, LY_N);
    lxw_format *money = w->unit[RS_U_MONEY];
    for (int i = 0; i < w->n && !w->rc; i++) {
        const item *it = &w->it[i];
        const rs_results *r = it->r;
        const int Y = r->years;
        for (int l = 0; l < r->nlev; l++)
            for (int y = 1; y <= Y; y++) {
                const int row = it->row[WS_LEVERS] + l * Y + y - 1;
                const double *v = r->y_lev + (size_t)l * LY_N * Y + y - 1;
                char a[128], b[128], d[128];
                lever_cells(w, ws, row, it, l);
                put_num(w, ws, row, c - 1, y, w->integer);
                for (int k = 0; k < LY_N; k++)
                    if (k != LY_CF)
                        put_num(w, ws, row, c + k, v[(size_t)k * Y], money);
                put_formula(w, ws, row, c + LY_CF, money, v[(size_t)LY_CF * Y], "=%s-%s+%s",
                            ref(w, -1, row, c + LY_NET, 0, a), ref(w, -1, row, c + LY_CAPEX, 0, b),
                            ref(w, -1, row, c + LY_SUBSIDY, 0, d));
                last = row + 1;
            }
    }
    filter(w, ws, last, c + LY_N);
}

static void sheet_lever_summary(wbk *w)
{
    lxw_worksheet *ws = sheet(w, WS_LEVER_SUMMARY, w->multi + 1);
    const int c = lever_heads(w, ws);
    int last = HDR;
    metric_heads(w, ws, c, rs_lever_metrics, LM_N);
    const int lc = w->multi + 4;   /* Levers' first series column */
    for (int i = 0; i < w->n && !w->rc; i++) {
        const item *it = &w->it[i];
        const rs_results *r = it->r;
        const int Y = r->years, sy = (int)r->metric[MT_STAB_YEAR];
        for (int l = 0; l < r->nlev; l++) {
            const int row = it->row[WS_LEVER_SUMMARY] + l, r0 = it->row[WS_LEVERS] + l * Y;
            const double *v = r->lev_metric + (size_t)l * LM_N;
            char a[128], b[128];
            lever_cells(w, ws, row, it, l);
            for (int k = 0; k < LM_N; k++) {
                const int col = c + k;
                lxw_format *f = w->unit[rs_lever_metrics[k].unit];
                if (k == LM_CAPEX_TOTAL || k == LM_SUBSIDY_TOTAL) {
                    const int sc = lc + (k == LM_CAPEX_TOTAL ? LY_CAPEX : LY_SUBSIDY);
                    put_sum(w, ws, row, col, f, v[k], WS_LEVERS, r0, sc, r0 + Y - 1, sc);
                } else if (k == LM_NET_STAB) {
                    put_formula(w, ws, row, col, f, v[k], "=%s",
                                ref(w, WS_LEVERS, r0 + sy - 1, lc + LY_NET, 0, a));
                } else if (k == LM_COVERAGE_SHARE) {
                    ref(w, WS_ANNUAL, it->row[WS_ANNUAL] + sy - 1, scol(w, WS_ANNUAL, SR_DEFICIT), 0,
                        b);
                    put_formula(w, ws, row, col, f, v[k], "=IF(%s>0,%s/%s,\"\")", b,
                                ref(w, -1, row, c + LM_NET_STAB, 0, a), b);
                } else {
                    put_metric(w, ws, row, col, &rs_lever_metrics[k], v[k]);
                }
            }
            last = row + 1;
        }
    }
    filter(w, ws, last, c + LM_N);
}

/* ------------------------------------------------------------ Monte Carlo */

/* rs_series of each Monte Carlo yearly series */
static const int mc_series[MC_Y_N] = {SR_REVENUE, SR_NET, SR_COVERAGE, SR_FUND_END};

static int mc_col(const wbk *w, int k, int q)
{
    return w->multi + 1 + k * MC_NSTAT + q;
}

static void sheet_mc(wbk *w)
{
    static const char *const stat[MC_NSTAT] = {"mean", "p10", "p50", "p90"};
    int any = 0;
    for (int i = 0; i < w->n; i++)
        any |= w->it[i].mc != NULL;
    if (!any)
        return;
    lxw_worksheet *ws = sheet(w, WS_MC, w->multi + 1);
    int c0 = lead_head(w, ws), last = HDR;
    head(w, ws, c0, L(w, "Year", "年度"), "year", 8);
    const char *stat_label[MC_NSTAT] = {L(w, "mean", "均值"), "P10", "P50", "P90"};
    for (int k = 0; k < MC_Y_N; k++)
        for (int q = 0; q < MC_NSTAT; q++) {
            const rs_series_def *d = &rs_series[mc_series[k]];
            char lab[96], buf[128], name[64];
            snprintf(lab, sizeof lab, w->zh ? "%s%s" : "%s, %s", L(w, d->label_en, d->label_zh),
                     stat_label[q]);
            snprintf(name, sizeof name, "%s_%s", d->name, stat[q]);
            head(w, ws, mc_col(w, k, q), unit_label(w, d->unit, lab, lab, buf, sizeof buf), name,
                 W_NUM);
        }
    const int pc = mc_col(w, MC_Y_N, 0);
    head(w, ws, pc, L(w, "Share of runs with the deficit covered", "覆盖亏损的模拟占比"), "p_covered",
         W_NUM);
    for (int i = 0; i < w->n && !w->rc; i++) {
        const item *it = &w->it[i];
        const rs_mc_results *mc = it->mc;
        for (int y = 1; mc && y <= mc->years; y++) {
            const int row = it->row[WS_MC] + y - 1;
            lead(w, ws, row, it);
            put_num(w, ws, row, c0, y, w->integer);
            for (int k = 0; k < MC_Y_N; k++)
                for (int q = 0; q < MC_NSTAT; q++)
                    put_num(w, ws, row, mc_col(w, k, q), rs_mc_yearly(mc, k, y, q),
                            w->unit[rs_series[mc_series[k]].unit]);
            put_num(w, ws, row, pc, mc->p_covered[y - 1], w->unit[RS_U_PROB]);
            last = row + 1;
        }
    }
    filter(w, ws, last, pc + 1);
}

/* ------------------------------------------------------------ assumptions */

/* The parameter a row sets, or NULL (correlations, unknown keys). */
static const rs_param *row_param(const rs_row *rw)
{
    char type[64], key[128];
    if (!rw->section || !rw->key)
        return NULL;
    size_t n = strcspn(rw->section, ":");
    if (n >= sizeof type)
        return NULL;
    snprintf(type, sizeof type, "%.*s", (int)n, rw->section);
    snprintf(key, sizeof key, "%.*s", (int)strcspn(rw->key, "@"), rw->key);
    const rs_section *sec = rs_section_find(type);
    int k = sec ? rs_param_find(sec->params, sec->nparams, key) : -1;
    return k >= 0 ? &sec->params[k] : NULL;
}

/* A value as written: a number when it reads as one ("60%" as 0.6 shown
 * with as many decimals as written), else the text. */
static void put_value(wbk *w, lxw_worksheet *ws, int row, int col, const char *text)
{
    double v;
    if (!text || !*text)
        return;
    if (rs_parse_number(text, &v) != 0) {
        put_text(w, ws, row, col, text, NULL);
        return;
    }
    size_t n = strlen(text);
    if (text[n - 1] != '%') {
        put_num(w, ws, row, col, v, w->general);
        return;
    }
    const char *dot = strchr(text, '.');
    int d = dot ? (int)(text + n - 1 - dot - 1) : 0;
    put_num(w, ws, row, col, v, w->pct[d < 0 ? 0 : d > 6 ? 6 : d]);
}

static void sheet_assumptions(wbk *w)
{
    lxw_worksheet *ws = sheet(w, WS_ASSUMPTIONS, w->multi + 2);
    int c0 = lead_head(w, ws), last = HDR;
    static const char *const name[] = {"section", "key", NULL, "value", "unit", "low", "high",
                                       "dist", "note", "source"};
    const char *label[] = {L(w, "Section", "部分"), L(w, "Key", "参数"), L(w, "Meaning", "含义"),
                           L(w, "Value", "取值"), L(w, "Unit", "单位"), L(w, "Low", "低值"),
                           L(w, "High", "高值"), L(w, "Distribution", "分布"),
                           L(w, "Note", "说明"), L(w, "Source (file:row)", "来源（文件:行）")};
    static const double width[] = {W_ID, W_ID, W_LABEL, W_NUM, 12, W_NUM, W_NUM, 10, W_NOTE,
                                   W_LABEL};
    for (int k = 0; k < 10; k++)
        head(w, ws, c0 + k, label[k], name[k], width[k]);
    for (int i = 0; i < w->n && !w->rc; i++) {
        const item *it = &w->it[i];
        for (int j = 0; j < it->src->nrows && !w->rc; j++) {
            const rs_row *rw = &it->src->rows[j];
            const rs_param *p = row_param(rw);
            const int row = it->row[WS_ASSUMPTIONS] + j;
            char src[4200];
            lead(w, ws, row, it);
            put_text(w, ws, row, c0, rw->section, NULL);
            put_text(w, ws, row, c0 + 1, rw->key, NULL);
            if (p)
                put_text(w, ws, row, c0 + 2, w->zh && p->label_zh ? p->label_zh : p->doc, NULL);
            put_value(w, ws, row, c0 + 3, rw->value);
            put_text(w, ws, row, c0 + 4, rw->unit, NULL);
            put_value(w, ws, row, c0 + 5, rw->low);
            put_value(w, ws, row, c0 + 6, rw->high);
            put_text(w, ws, row, c0 + 7, rw->dist, NULL);
            put_text(w, ws, row, c0 + 8, rw->note, NULL);
            snprintf(src, sizeof src, "%s:%d", rw->file ? rw->file : "", rw->line);
            put_text(w, ws, row, c0 + 9, src, NULL);
            last = row + 1;
        }
    }
    filter(w, ws, last, c0 + 10);
}

/* ------------------------------------------------------------ charts */

static lxw_chart *chart_new(wbk *w, uint8_t type, const char *title)
{
    if (w->rc)
        return NULL;
    lxw_chart *c = workbook_add_chart(w->wb, type);
    if (!c) {
        fail_oom(w);
        return NULL;
    }
    chart_title_set_name(c, title);   /* ours only: a title starting with = is a reference */
    chart_legend_set_position(c, LXW_CHART_LEGEND_BOTTOM);
    oom_if(w);
    return c;
}

/* A series of chart c: categories rows r0..r1 of column ccol of sheet cs,
 * values the same rows of column vcol of sheet vs, named by the cell
 * (nrow, ncol) of sheet ns. NULL after an error. */
static lxw_chart_series *chart_series(wbk *w, lxw_chart *c, int cs, int ccol, int vs, int vcol,
                                      int r0, int r1, int ns, int nrow, int ncol)
{
    if (w->rc || !c)
        return NULL;
    char cat[270], val[270], a[260];
    snprintf(cat, sizeof cat, "=%s", range(w, cs, r0, ccol, r1, ccol, 1, a));
    snprintf(val, sizeof val, "=%s", range(w, vs, r0, vcol, r1, vcol, 1, a));
    lxw_chart_series *s = chart_add_series(c, cat, val);
    if (!s) {
        fail_oom(w);
        return NULL;
    }
    chart_series_set_name_range(s, w->sheet[ns], (lxw_row_t)nrow, (lxw_col_t)ncol);
    oom_if(w);
    return s;
}

/* The value axis of c (a bar chart's is horizontal: libxlsxwriter's
 * x_axis) in unit u, named after it. */
static void value_axis(wbk *w, lxw_chart *c, rs_unit u)
{
    static const char *const fmt[RS_U_TIMES + 1] = {
        [RS_U_MONEY] = MONEY_EN, [RS_U_RATIO] = "0%", [RS_U_RATE] = "0%", [RS_U_PROB] = "0%",
        [RS_U_YEAR] = "0", [RS_U_YEARS] = "0.0", [RS_U_MONTH] = "0", [RS_U_COUNT] = "0",
        [RS_U_TIMES] = "0.00",
    };
    if (w->rc || !c)
        return;
    lxw_chart_axis *axis = c->type == LXW_CHART_BAR ? c->x_axis : c->y_axis;
    chart_axis_set_num_format(axis, u == RS_U_MONEY && w->zh ? MONEY_ZH : fmt[u]);
    if (u == RS_U_MONEY)
        chart_axis_set_name(axis, w->money);
    oom_if(w);
}

static void place(wbk *w, lxw_worksheet *ws, lxw_chart *c, int row, int col)
{
    if (w->rc || !c)
        return;
    lxw_chart_options o = {0, 0, 1.6, 1.25, LXW_OBJECT_MOVE_DONT_SIZE, NULL, 0};
    check(w, worksheet_insert_chart_opt(ws, (lxw_row_t)row, (lxw_col_t)col, c, &o));
}

#define CHART_ROWS 20   /* rows a placed chart takes, with a gap */
#define CHART_COL 4     /* charts start in column E of the Charts sheet */

/* The Charts sheet's title and its chart data: year, the 100% line and
 * (run) coverage with #N/A for a year without a deficit, so that no
 * chart draws it as 0. Returns the sheet. */
static lxw_worksheet *charts_sheet(wbk *w, const char *title, int years, const item *run)
{
    lxw_worksheet *ws = add_sheet(w, WS_CHARTS);
    if (!ws)
        return NULL;
    put_text(w, ws, 0, 0, title, w->title);
    put_text(w, ws, 1, 0,
             L(w, "The charts read the data sheets: restyle, copy or change them freely. "
                  "Chart data:",
               "图表直接引用各数据表，可自由修改样式或复制。图表数据："),
             NULL);
    put_text(w, ws, 3, 0, L(w, "Year", "年度"), w->head);
    put_text(w, ws, 3, 1, L(w, "100% line", "100%线"), w->head);
    if (run)
        put_text(w, ws, 3, 2, L(w, "Coverage", "覆盖率"), w->head);
    char a[128];
    for (int y = 1; y <= years; y++) {
        put_num(w, ws, 3 + y, 0, y, w->integer);
        put_num(w, ws, 3 + y, 1, 1.0, w->unit[RS_U_RATIO]);
        if (!run)
            continue;
        const double v = run->r->y_coverage[y - 1];
        ref(w, WS_ANNUAL, run->row[WS_ANNUAL] + y - 1, scol(w, WS_ANNUAL, SR_COVERAGE), 0, a);
        if (isfinite(v))
            put_formula(w, ws, 3 + y, 2, w->unit[RS_U_RATIO], v, "=IF(ISNUMBER(%s),%s,NA())", a, a);
        else if (!w->rc)
            check(w, worksheet_write_formula_str(ws, (lxw_row_t)(3 + y), 2,
                                                 "=NA()", w->unit[RS_U_RATIO], "#N/A"));
    }
    if (!w->rc)
        check(w, worksheet_set_column(ws, 0, 2, 12, NULL));
    return ws;
}

/* The 100% line of the Charts sheet as a dashed series of c. */
static void line_100(wbk *w, lxw_chart *c, int years)
{
    lxw_chart_series *s = chart_series(w, c, WS_CHARTS, 0, WS_CHARTS, 1, 4, 3 + years, WS_CHARTS,
                                       3, 1);
    if (!s)
        return;
    lxw_chart_line line = {0};
    line.color = 0x7F7F7F;
    line.dash_type = LXW_CHART_LINE_DASH_DASH;
    line.width = 1.25;
    chart_series_set_line(s, &line);
}

static void charts_run(wbk *w, lxw_worksheet *ws, const item *it)
{
    const rs_results *r = it->r;
    const int Y = r->years, a0 = it->row[WS_ANNUAL], a1 = a0 + Y - 1;
    const int yc = w->multi;   /* Annual's year column */
    int at = 0;
    lxw_chart *c;
    if (r->nlev > 0) {   /* revenue by lever, stacked (Excel draws at most 255 series) */
        c = chart_new(w, LXW_CHART_COLUMN_STACKED, L(w, "Annual revenue by lever", "各项目年度收入"));
        for (int l = 0; l < r->nlev && l < XL_SERIES; l++)
            chart_series(w, c, WS_ANNUAL, yc, WS_ANNUAL, lcol(w, WS_ANNUAL, it->lev[l]), a0, a1,
                         WS_LEVER_SUMMARY, it->row[WS_LEVER_SUMMARY] + l, w->multi);
        value_axis(w, c, RS_U_MONEY);
        place(w, ws, c, at, CHART_COL);
        at += CHART_ROWS;
    }
    /* coverage and the 100% line */
    c = chart_new(w, LXW_CHART_LINE, L(w, "Coverage of the management deficit", "物业亏损覆盖率"));
    lxw_chart_series *s = chart_series(w, c, WS_CHARTS, 0, WS_CHARTS, 2, 4, 3 + Y, WS_CHARTS, 3, 2);
    if (s)
        chart_series_set_marker_type(s, LXW_CHART_MARKER_CIRCLE);
    line_100(w, c, Y);
    value_axis(w, c, RS_U_RATIO);
    place(w, ws, c, at, CHART_COL);
    at += CHART_ROWS;
    /* fund balance at each month end */
    const int m0 = it->row[WS_MONTHLY], fc = scol(w, WS_MONTHLY, SR_FUND_END);
    c = chart_new(w, LXW_CHART_LINE, L(w, "Community fund balance", "社区基金余额"));
    chart_series(w, c, WS_MONTHLY, w->multi, WS_MONTHLY, fc, m0, m0 + r->months - 1, WS_MONTHLY, 0,
                 fc);
    value_axis(w, c, RS_U_MONEY);
    if (c && !w->rc)
        chart_axis_set_interval_unit(c->x_axis, 12);
    place(w, ws, c, at, CHART_COL);
    at += CHART_ROWS;
    /* fan of coverage over the Monte Carlo runs */
    if (!it->mc)
        return;
    const int q0 = it->row[WS_MC], q1 = q0 + it->mc->years - 1;
    c = chart_new(w, LXW_CHART_LINE,
                  L(w, "Coverage over the Monte Carlo runs (P10, P50, P90)",
                    "蒙特卡洛模拟覆盖率（P10、P50、P90）"));
    for (int q = MC_P10; q <= MC_P90; q++) {
        const int col = mc_col(w, MC_Y_COVERAGE, q);
        s = chart_series(w, c, WS_MC, w->multi, WS_MC, col, q0, q1, WS_MC, 0, col);
        if (s && q != MC_P50) {
            lxw_chart_line line = {0};
            line.color = 0x9DC3E6;
            chart_series_set_line(s, &line);
        }
    }
    line_100(w, c, Y);
    value_axis(w, c, RS_U_RATIO);
    place(w, ws, c, at, CHART_COL);
}

/* ------------------------------------------------------------ layout */

/* Lever columns (the union of lever names) and where each item's rows
 * start on each sheet; an error when a sheet would pass Excel's limits. */
static int layout(wbk *w)
{
    int total = 0;
    for (int i = 0; i < w->n; i++)
        total += w->it[i].r->nlev;
    if (!(w->lev = malloc(((size_t)total + 1) * sizeof *w->lev))) {
        fail_oom(w);
        return w->rc;
    }
    w->nlev = 0;
    rs_strmap names;   /* lever name -> its column */
    rs_strmap_init(&names);
    int next[WS_N];
    for (int k = 0; k < WS_N; k++)
        next[k] = HDR;
    for (int i = 0; i < w->n; i++) {
        item *it = &w->it[i];
        const rs_results *r = it->r;
        if (!(it->lev = malloc(((size_t)r->nlev + 1) * sizeof *it->lev))) {
            fail_oom(w);
            break;
        }
        for (int l = 0; l < r->nlev && !w->rc; l++) {
            const char *name = it->s->lev[l].name;
            int j = rs_strmap_get(&names, name);
            if (j < 0 && rs_strmap_put(&names, name, j = w->nlev) != 0)
                fail_oom(w);
            else if (j == w->nlev)
                w->lev[w->nlev++] = name;
            it->lev[l] = j;
        }
        if (w->rc)
            break;
        it->ncal = 0;
        if (rs_fmt_parse_month(it->s->scen.text[SC_START], &it->y0, &it->m0) == 0)
            for (int first = 1, cy, last; first <= r->months; first = last + 1, it->ncal++)
                rs_calendar_span(it->y0, it->m0, r->months, first, &cy, &last);
        const long rows[WS_N] = {
            [WS_SUMMARY] = MT_N, [WS_ANNUAL] = r->years, [WS_MONTHLY] = r->months,
            [WS_CALENDAR] = it->ncal, [WS_COMMUNITIES] = (long)r->ncom * r->years,
            [WS_LEVERS] = (long)r->nlev * r->years, [WS_LEVER_SUMMARY] = r->nlev,
            [WS_MC] = it->mc ? it->mc->years : 0, [WS_ASSUMPTIONS] = it->src->nrows,
        };
        for (int k = 0; k < WS_N && !w->rc; k++) {
            it->row[k] = next[k];
            if (next[k] + rows[k] > XL_ROWS)
                w->rc = rs_error_set(w->err, RS_ECANTCREAT, "%s: sheet '%s' would need more "
                                     "than %d rows; use --no-xlsx", w->file, sheet_names[k].en,
                                     XL_ROWS);
            next[k] += (int)rows[k];
        }
        if (w->rc)
            break;
    }
    rs_strmap_release(&names);
    if (!w->rc && lcol(w, WS_MONTHLY, w->nlev) > XL_COLS)
        w->rc = rs_error_set(w->err, RS_ECANTCREAT, "%s: %d levers need more than %d columns; "
                             "use --no-xlsx", w->file, w->nlev, XL_COLS);
    return w->rc;
}

/* ------------------------------------------------------------ the workbook */

/* The workbook's creation time: SOURCE_DATE_EPOCH (seconds since 1970, the
 * reproducible-builds convention) when set, so that two runs give the same
 * bytes; otherwise now. */
static time_t created_time(void)
{
    const char *e = getenv("SOURCE_DATE_EPOCH");
    if (e && *e) {
        char *end;
        errno = 0;
        long long t = strtoll(e, &end, 10);
        if (!*end && !errno && t > 0)
            return (time_t)t;
    }
    return time(NULL);
}

/* Start a workbook in w, to be written to the temporary file tmp of the
 * output file `file` (reserved by in_writer). */
static int book_open(wbk *w, const char *tmp, const char *file, item *it, int n, int multi,
                     const rs_scenario *s, int zh, time_t created, rs_error *err)
{
    memset(w, 0, sizeof *w);
    w->created = created;
    w->err = err;
    w->zh = zh;
    w->multi = multi;
    w->it = it;
    w->n = n;
    for (int k = 0; k < WS_N; k++)
        w->sheet[k] = zh ? sheet_names[k].zh : sheet_names[k].en;
    rs_fmt_money_unit(s->scen.text[SC_CURRENCY], zh, w->money, sizeof w->money);
    w->file = file;
    /* libxlsxwriter opens the file only at the end, and prints its own
     * message when it cannot: find out first */
    FILE *fp = fopen(tmp, "wb");
    if (!fp || fclose(fp) != 0)
        return w->rc = rs_error_set(err, RS_ECANTCREAT, "%s: cannot write: %s", w->file,
                                    strerror(errno));
    errno = 0;   /* for oom_if */
    if (!(w->wb = workbook_new(tmp))) {
        fail_oom(w);
        return w->rc;
    }
    formats(w);
    /* document properties: the scenario's name, purpose, author and organisation */
    const int keys[4] = {SC_NAME, SC_PURPOSE, SC_AUTHOR, SC_ORG};
    for (int k = 0; k < 4 && !w->rc; k++) {
        const char *t = s->scen.text[keys[k]];
        if (!t)
            continue;
        size_t len = strlen(t) + 1;
        if (!(w->props[k] = malloc(len)))
            fail_oom(w);
        else
            rs_utf8_clean(t, w->props[k], len);
    }
    if (!w->rc) {
        lxw_doc_properties p = {0};
        p.title = multi ? (char *)L(w, "Scenario comparison", "方案比较") : w->props[0];
        p.subject = w->props[1];
        p.author = w->props[2];
        p.company = w->props[3];
        p.comments = "revsim";
        p.created = w->created;
        check(w, workbook_set_properties(w->wb, &p));
    }
    return w->rc;
}

/* Write the file (or, after an error, drop it: in_writer takes it out of
 * the set). */
static int book_close(wbk *w)
{
    if (w->wb) {
        if (!w->rc)
            oom_if(w);
        if (!w->rc) {
            errno = 0;
            lxw_error e = workbook_close(w->wb);
            /* a full disk: the zip layer's error code hides the reason, errno keeps it */
            if (errno == ENOMEM)
                fail_oom(w);
            else if (e != LXW_NO_ERROR && e != LXW_ERROR_MEMORY_MALLOC_FAILED && errno)
                w->rc = rs_error_set(w->err, RS_ECANTCREAT, "%s: cannot write: %s", w->file,
                                     strerror(errno));
            else
                check(w, e);
        } else {
            lxw_workbook_free(w->wb);
        }
        w->wb = NULL;
    }
    for (int i = 0; i < w->n; i++) {
        free(w->it[i].lev);
        w->it[i].lev = NULL;
    }
    for (int k = 0; k < 4; k++)
        free(w->props[k]);
    free(w->lev);
    return w->rc;
}

/* The data sheets of a run (after Summary and Charts). */
static void run_sheets(wbk *w)
{
    sheet_annual(w);
    sheet_monthly(w);
    sheet_calendar(w);
    sheet_communities(w);
    sheet_levers(w);
    sheet_lever_summary(w);
    sheet_mc(w);
    sheet_assumptions(w);
}

/* What the three workbooks are made of (in_writer's argument). */
typedef struct {
    const rs_scenario *s;
    const rs_source *src;
    const rs_results *r;
    const rs_mc_results *mc;
    const rs_compare *c;
    int metric;
    double base;
    const rs_sweep_row *rows;
    int n;
    int zh;
    time_t created;   /* the document's time, the same in both copies */
} book_args;

static int build_run(const char *tmp, const char *file, const book_args *a, rs_error *err)
{
    const rs_scenario *s = a->s;
    const rs_results *r = a->r;
    item it = {NULL, s, a->src, r, a->mc, NULL, 0, 0, 0, {0}};
    wbk w;
    if (!book_open(&w, tmp, file, &it, 1, 0, s, a->zh, a->created, err) && !layout(&w)) {
        sheet_summary(&w);
        lxw_worksheet *ws = charts_sheet(&w, s->scen.text[SC_NAME], r->years, &it);
        run_sheets(&w);
        charts_run(&w, ws, &it);
    }
    return book_close(&w);
}

/* The items of comparison c's workbook, one a scenario (it: c->n of them). */
static void compare_items(const rs_compare *c, item *it)
{
    for (int i = 0; i < c->n; i++) {
        const rs_cmp_item *ci = &c->items[i];
        it[i].id = ci->id;
        it[i].s = &ci->s;
        it[i].src = &ci->src;
        it[i].r = ci->r;
        it[i].mc = ci->mc;
    }
}

/* Whether a workbook of items it[0..n) would fit Excel's limits: layout
 * without a workbook, so that a run or comparison too large for one fails
 * before its Monte Carlo rather than after it. */
static int fits(const rs_outset *o, item *it, int n, int multi, rs_error *err)
{
    char file[4096];
    snprintf(file, sizeof file, "%s/%s", o->dir ? o->dir : ".", RS_WORKBOOK_FILE);
    wbk w;
    memset(&w, 0, sizeof w);
    w.err = err;
    w.it = it;
    w.n = n;
    w.multi = multi;
    w.file = file;
    int rc = layout(&w);
    for (int i = 0; i < n; i++) {
        free(it[i].lev);
        it[i].lev = NULL;
    }
    free(w.lev);
    return rc;
}

int rs_workbook_run_fits(const rs_outset *o, const rs_scenario *s, const rs_source *src,
                         const rs_results *r, rs_error *err)
{
    item it = {NULL, s, src, r, NULL, NULL, 0, 0, 0, {0}};
    return fits(o, &it, 1, 0, err);
}

int rs_workbook_compare_fits(const rs_outset *o, const rs_compare *c, rs_error *err)
{
    const size_t n = (size_t)(c->n > 0 ? c->n : 1);
    item *it = calloc(n, sizeof *it);
    rs_results *shape = calloc(n, sizeof *shape);   /* layout reads only the sizes */
    int rc = RS_OK;
    if (!it || !shape)
        rc = rs_error_set(err, RS_ESOFTWARE, "out of memory");
    if (!rc) {
        compare_items(c, it);
        for (int i = 0; i < c->n; i++) {   /* not run yet: the sizes its results will have */
            const rs_scenario *s = &c->items[i].s;
            shape[i].months = rs_scenario_months(s);
            shape[i].years = shape[i].months / 12;
            shape[i].nlev = s->nlev;
            shape[i].ncom = s->ncom;
            it[i].r = &shape[i];
            it[i].mc = NULL;
        }
        rc = fits(o, it, c->n, 1, err);
    }
    free(shape);
    free(it);
    return rc;
}

/* ------------------------------------------------------------ comparison */

static void sheet_comparison(wbk *w, const rs_compare *c)
{
    static const char *const q[MC_NSTAT] = {"mean", "p10", "p50", "p90"};
    lxw_worksheet *ws = sheet(w, WS_COMPARISON, 1);
    char lab[160], buf[192], name[96], a[128], b[128];
    head(w, ws, 0, L(w, "Scenario", "情景"), "scenario", W_ID);
    head(w, ws, 1, L(w, "Name", "名称"), "name", W_LABEL);
    head(w, ws, 2, L(w, "File", "文件"), "file", W_LABEL);
    head(w, ws, 3, L(w, "Baseline", "基准"), "baseline", 9);
    head(w, ws, 4, L(w, "Horizon (years)", "规划期（年）"), "horizon_years", 9);
    for (int k = 0; k < MT_N; k++) {
        const rs_metric_def *d = &rs_metrics[k];
        head(w, ws, 5 + 4 * k, unit_label(w, d->unit, d->label_en, d->label_zh, buf, sizeof buf),
             d->name, W_NUM);
        for (int s = MC_P10; s <= MC_P90; s++) {
            snprintf(lab, sizeof lab, "%s %s", L(w, d->label_en, d->label_zh), s == MC_P10 ? "P10"
                                                                             : s == MC_P50 ? "P50"
                                                                                           : "P90");
            snprintf(name, sizeof name, "%s_%s", d->name, q[s]);
            head(w, ws, 5 + 4 * k + s, unit_label(w, d->unit, lab, lab, buf, sizeof buf), name,
                 W_NUM);
        }
    }
    const int g0 = 5 + 4 * MT_N;
    for (int g = 0; g < 4; g++) {
        const rs_metric_def *d = &rs_metrics[rs_gain_metrics[g]];
        snprintf(lab, sizeof lab, w->zh ? "增量：%s" : "Gain: %s", L(w, d->label_en, d->label_zh));
        snprintf(name, sizeof name, "gain_%s", d->name);
        head(w, ws, g0 + g, money_label(w, lab, buf, sizeof buf), name, W_NUM);
    }
    const int brow = HDR + c->baseline;
    for (int i = 0; i < c->n && !w->rc; i++) {
        const rs_cmp_item *it = &c->items[i];
        const int row = HDR + i;
        put_text(w, ws, row, 0, it->id, NULL);
        put_text(w, ws, row, 1, it->s.scen.text[SC_NAME], NULL);
        put_text(w, ws, row, 2, it->file, NULL);
        put_text(w, ws, row, 3, i == c->baseline ? "yes" : "no", NULL);
        put_num(w, ws, row, 4, it->s.scen.v[SC_HORIZON], w->integer);
        for (int k = 0; k < MT_N; k++) {
            lxw_format *f = w->unit[rs_metrics[k].unit];
            put_num(w, ws, row, 5 + 4 * k, it->r->metric[k], f);
            for (int s = MC_P10; s <= MC_P90 && it->mc; s++)
                put_num(w, ws, row, 5 + 4 * k + s, it->mc->metric[k][s], f);
        }
        for (int g = 0; g < 4; g++) {
            const int col = 5 + 4 * rs_gain_metrics[g];
            put_formula(w, ws, row, g0 + g, w->unit[RS_U_MONEY],
                        rs_compare_gain(c, i, rs_gain_metrics[g]), "=%s-%s",
                        ref(w, -1, row, col, 0, a), ref(w, -1, brow, col, 1, b));
        }
    }
    filter(w, ws, HDR + c->n, g0 + 4);
}

/* Comparison by year: year, then revenue, net income and coverage of each
 * scenario (comparison_annual.csv). Column of series k, scenario i: */
static int cmp_col(const rs_compare *c, int k, int i)
{
    return 1 + k * c->n + i;
}

static void sheet_cmp_annual(wbk *w, const rs_compare *c)
{
    static const int series[3] = {SR_REVENUE, SR_NET, SR_COVERAGE};
    lxw_worksheet *ws = sheet(w, WS_CMP_ANNUAL, 1);
    head(w, ws, 0, L(w, "Year", "年度"), "year", 8);
    for (int k = 0; k < 3; k++)
        for (int i = 0; i < c->n; i++) {
            const rs_series_def *d = &rs_series[series[k]];
            char lab[RS_NAME_MAX + 64], buf[RS_NAME_MAX + 96], name[RS_NAME_MAX + 32];
            snprintf(lab, sizeof lab, w->zh ? "%s：%s" : "%s, %s", L(w, d->label_en, d->label_zh),
                     c->items[i].id);
            snprintf(name, sizeof name, "%s:%s", d->name, c->items[i].id);
            head(w, ws, cmp_col(c, k, i), unit_label(w, d->unit, lab, lab, buf, sizeof buf), name,
                 W_NUM);
        }
    for (int y = 1; y <= c->years && !w->rc; y++) {
        const int row = HDR + y - 1;
        put_num(w, ws, row, 0, y, w->integer);
        for (int k = 0; k < 3; k++)
            for (int i = 0; i < c->n; i++)
                put_num(w, ws, row, cmp_col(c, k, i),
                        rs_series_year(c->items[i].r, series[k], y),
                        w->unit[rs_series[series[k]].unit]);
    }
}

static void charts_compare(wbk *w, lxw_worksheet *ws, const rs_compare *c)
{
    const int r0 = HDR, r1 = HDR + c->years - 1, n = c->n < XL_SERIES ? c->n : XL_SERIES;
    /* gains over the baseline, one bar a scenario */
    lxw_chart *ch = chart_new(w, LXW_CHART_COLUMN,
                              L(w, "Gains over the baseline", "相对基准情景的增量"));
    const int g0 = 5 + 4 * MT_N;
    for (int g = 1; g < 4; g += 2)   /* revenue in the stabilized year, NPV */
        chart_series(w, ch, WS_COMPARISON, 0, WS_COMPARISON, g0 + g, HDR, HDR + c->n - 1,
                     WS_COMPARISON, 0, g0 + g);
    value_axis(w, ch, RS_U_MONEY);
    place(w, ws, ch, 0, CHART_COL);
    /* revenue by year, one bar a scenario */
    ch = chart_new(w, LXW_CHART_COLUMN, L(w, "Annual revenue", "年度收入"));
    for (int i = 0; i < n; i++)
        chart_series(w, ch, WS_CMP_ANNUAL, 0, WS_CMP_ANNUAL, cmp_col(c, 0, i), r0, r1,
                     WS_COMPARISON, HDR + i, 0);
    value_axis(w, ch, RS_U_MONEY);
    place(w, ws, ch, CHART_ROWS, CHART_COL);
    /* coverage by year, one line a scenario, and the 100% line */
    ch = chart_new(w, LXW_CHART_LINE, L(w, "Coverage of the management deficit", "物业亏损覆盖率"));
    for (int i = 0; i < n; i++) {
        lxw_chart_series *s = chart_series(w, ch, WS_CMP_ANNUAL, 0, WS_CMP_ANNUAL,
                                           cmp_col(c, 2, i), r0, r1, WS_COMPARISON, HDR + i, 0);
        if (s)
            chart_series_set_marker_type(s, LXW_CHART_MARKER_CIRCLE);
    }
    line_100(w, ch, c->years);
    value_axis(w, ch, RS_U_RATIO);
    place(w, ws, ch, 2 * CHART_ROWS, CHART_COL);
}

static int build_compare(const char *tmp, const char *file, const book_args *a, rs_error *err)
{
    const rs_compare *c = a->c;
    const int zh = a->zh;
    item *it = calloc((size_t)(c->n > 0 ? c->n : 1), sizeof *it);
    if (!it)
        return rs_error_set(err, RS_ESOFTWARE, "out of memory");
    compare_items(c, it);
    wbk w;
    if (!book_open(&w, tmp, file, it, c->n, 1, &c->items[c->baseline].s, zh, a->created, err) &&
        !layout(&w)) {
        sheet_comparison(&w, c);
        sheet_cmp_annual(&w, c);
        lxw_worksheet *ws = charts_sheet(&w, L(&w, "Scenario comparison", "方案比较"), c->years,
                                         NULL);
        charts_compare(&w, ws, c);
        sheet_summary(&w);
        run_sheets(&w);
    }
    int rc = book_close(&w);
    free(it);
    return rc;
}

/* ------------------------------------------------------------ sweep */

static int build_sweep(const char *tmp, const char *file, const book_args *args, rs_error *err)
{
    const rs_scenario *s = args->s;
    const rs_source *src = args->src;
    const int metric = args->metric, n = args->n, zh = args->zh;
    const double base = args->base;
    const rs_sweep_row *rows = args->rows;
    static const char *const name[] = {"rank", "parameter", NULL, "unit", "value_low",
                                       "value_base", "value_high", "metric", "metric_base",
                                       "metric_at_low", "metric_at_high", "swing",
                                       "change_at_low", "change_at_high"};
    enum { C_RANK, C_PARAM, C_MEANING, C_UNIT, C_LOW, C_BASE, C_HIGH, C_METRIC, C_MBASE, C_MLOW,
           C_MHIGH, C_SWING, C_DLOW, C_DHIGH, C_N };
    item it = {NULL, s, src, NULL, NULL, NULL, 0, 0, 0, {0}};
    it.row[WS_ASSUMPTIONS] = HDR;
    wbk w;
    if (book_open(&w, tmp, file, &it, 1, 0, s, zh, args->created, err))
        return book_close(&w);
    if (HDR + (long)src->nrows > XL_ROWS || HDR + (long)n > XL_ROWS) {
        w.rc = rs_error_set(err, RS_ECANTCREAT, "%s: too many rows for a worksheet", w.file);
        return book_close(&w);
    }
    const rs_metric_def *md = &rs_metrics[metric];
    const char *label[C_N] = {
        L(&w, "Rank", "排名"), L(&w, "Parameter", "参数"), L(&w, "Meaning", "含义"),
        L(&w, "Unit", "单位"), L(&w, "Low", "低值"), L(&w, "Value", "设定值"),
        L(&w, "High", "高值"), L(&w, "Metric", "指标"), NULL, NULL, NULL, NULL, NULL, NULL};
    char lab[6][192];
    /* "%s at low" and "取低值时%s" as text before and after the metric's label */
    static const char *const mlab[6][4] = {
        {"", ", base case", "基准情形", ""}, {"", " at low", "取低值时", ""},
        {"", " at high", "取高值时", ""}, {"Swing of ", "", "", "摆幅"},
        {"Change of ", " at low", "取低值时", "变化"}, {"Change of ", " at high", "取高值时", "变化"}};
    for (int k = 0; k < 6; k++) {
        char t[160];
        snprintf(t, sizeof t, "%s%s%s", mlab[k][2 * w.zh], L(&w, md->label_en, md->label_zh),
                 mlab[k][2 * w.zh + 1]);
        unit_label(&w, md->unit, t, t, lab[k], sizeof lab[k]);
        label[C_MBASE + k] = lab[k];
    }
    static const double width[C_N] = {6, W_LABEL, W_LABEL, 12, W_NUM, W_NUM, W_NUM, 18, W_NUM,
                                      W_NUM, W_NUM, W_NUM, W_NUM, W_NUM};
    lxw_worksheet *ws = sheet(&w, WS_TORNADO, 2);
    for (int k = 0; k < C_N; k++)
        head(&w, ws, k, label[k], name[k], width[k]);
    lxw_format *f = w.unit[md->unit];
    for (int i = 0; i < n && !w.rc; i++) {
        const rs_range *g = &s->ranges[rows[i].range];
        const rs_param *p = &g->e->sec->params[g->param];
        const int row = HDR + i;
        char a[128], b[128];
        put_num(&w, ws, row, C_RANK, i + 1, w.integer);
        put_text(&w, ws, row, C_PARAM, g->label, NULL);
        put_text(&w, ws, row, C_MEANING, w.zh && p->label_zh ? p->label_zh : p->doc, NULL);
        put_text(&w, ws, row, C_UNIT, p->unit, NULL);
        put_num(&w, ws, row, C_LOW, g->low, w.general);
        put_num(&w, ws, row, C_BASE, g->value, w.general);
        put_num(&w, ws, row, C_HIGH, g->high, w.general);
        put_text(&w, ws, row, C_METRIC, md->name, NULL);
        put_num(&w, ws, row, C_MBASE, base, f);
        put_num(&w, ws, row, C_MLOW, rows[i].metric_low, f);
        put_num(&w, ws, row, C_MHIGH, rows[i].metric_high, f);
        put_formula(&w, ws, row, C_SWING, f, rows[i].swing, "=ABS(%s-%s)",
                    ref(&w, -1, row, C_MHIGH, 0, a), ref(&w, -1, row, C_MLOW, 0, b));
        put_formula(&w, ws, row, C_DLOW, f, rows[i].metric_low - base, "=%s-%s",
                    ref(&w, -1, row, C_MLOW, 0, a), ref(&w, -1, row, C_MBASE, 0, b));
        put_formula(&w, ws, row, C_DHIGH, f, rows[i].metric_high - base, "=%s-%s",
                    ref(&w, -1, row, C_MHIGH, 0, a), ref(&w, -1, row, C_MBASE, 0, b));
    }
    /* the tornado: the change at low and at high of the largest swings, rank 1 on top */
    const int bars = n < TORNADO_BARS ? n : TORNADO_BARS;
    if (bars > 0) {
        lxw_chart *c = chart_new(&w, LXW_CHART_BAR, L(&w, "Sensitivity (tornado)", "敏感性（龙卷风图）"));
        for (int k = C_DLOW; k <= C_DHIGH; k++)
            chart_series(&w, c, WS_TORNADO, C_PARAM, WS_TORNADO, k, HDR, HDR + bars - 1,
                         WS_TORNADO, 0, k);
        value_axis(&w, c, md->unit);
        if (c && !w.rc) {
            chart_set_series_overlap(c, 100);
            chart_set_series_gap(c, 60);
            /* the category axis (y_axis in a bar chart) from the top, the values below */
            chart_axis_set_reverse(c->y_axis);
            chart_axis_set_crossing_max(c->y_axis);
            chart_axis_set_label_position(c->y_axis, LXW_CHART_AXIS_LABEL_POSITION_LOW);
        }
        place(&w, ws, c, HDR, C_N + 1);
    }
    sheet_assumptions(&w);
    return book_close(&w);
}

/* ------------------------------------------------------------ the writer process */

/* libxlsxwriter 1.1.4 does not survive a failed allocation: it goes on with
 * a NULL row or string and crashes later, frees its document properties
 * twice, or leaves a cell out and reports success, and it prints its own
 * lines on stderr ("[ERROR][src/worksheet.c:824]: Memory allocation
 * failed.", file names unescaped). So a workbook is built in a child
 * process whose stderr is a pipe to the parent: the parent reserves the
 * file in the set, the child writes it and sends its error record, if any,
 * through a second pipe. The workbook counts as written only when the child
 * exits 0 and the library said nothing; otherwise (an error, a line from
 * the library, a crash) the parent ends with one message and takes the file
 * out of the set. When no child can be had (pipe or fork fails) the
 * workbook is built here.
 *
 * Some of the library's losses print nothing and leave errno clear (inside
 * workbook_close: a chart's cached values, a frozen pane). So the workbook
 * is built twice, the second copy into a file of its own by a second
 * child at the same time (on two cores it costs CPU, not time), and kept
 * only when the two are the same bytes: an allocation that fails in one
 * build leaves the other whole, and the difference shows. */
typedef int (*book_fn)(const char *tmp, const char *file, const book_args *a, rs_error *err);

static void write_all(int fd, const void *buf, size_t n)
{
    const char *p = buf;
    while (n > 0) {
        ssize_t k = write(fd, p, n);
        if (k < 0 && errno == EINTR)
            continue;
        if (k <= 0)
            return;
        p += k;
        n -= (size_t)k;
    }
}

/* Read up to n bytes of fd into buf, fewer only at its end. */
static size_t read_all_n(int fd, char *buf, size_t n)
{
    size_t got = 0;
    while (got < n) {
        ssize_t k = read(fd, buf + got, n - got);
        if (k < 0 && errno == EINTR)
            continue;
        if (k <= 0)
            break;
        got += (size_t)k;
    }
    return got;
}

/* Read fd to its end, keeping the first n bytes in buf; the number of
 * bytes read (all of them, kept or not). */
static size_t read_all(int fd, char *buf, size_t n)
{
    size_t got = read_all_n(fd, buf, n), k;
    char skip[512];
    while (got >= n && (k = read_all_n(fd, skip, sizeof skip)) > 0)
        got += k;
    return got;
}

/* 1 when files a and b hold the same bytes. */
static int same_bytes(const char *a, const char *b)
{
    int fa = open(a, O_RDONLY | O_CLOEXEC), fb = open(b, O_RDONLY | O_CLOEXEC), same = 0;
    if (fa >= 0 && fb >= 0) {
        char ba[8192], bb[8192];
        for (;;) {
            size_t na = read_all_n(fa, ba, sizeof ba), nb = read_all_n(fb, bb, sizeof bb);
            if (na != nb || memcmp(ba, bb, na) != 0)
                break;
            if (na < sizeof ba) {
                same = 1;
                break;
            }
        }
    }
    if (fa >= 0)
        close(fa);
    if (fb >= 0)
        close(fb);
    return same;
}

static void close_pair(int *fd)
{
    for (int i = 0; i < 2; i++)
        if (fd[i] >= 0)
            close(fd[i]);
}

/* The parent's verdict on a child that exited with status st, sent got
 * bytes of its error record e and printed nsaid bytes on stderr (the first
 * of them in said, a string). */
static int verdict(const char *file, int st, rs_error *e, size_t got, char *said, size_t nsaid,
                   rs_error *err)
{
    if (WIFEXITED(st) && WEXITSTATUS(st) == 0 && nsaid == 0)
        return RS_OK;
    if (WIFEXITED(st) && got == sizeof *e && e->code != RS_OK) {
        e->msg[sizeof e->msg - 1] = '\0';
        return rs_error_set(err, e->code, "%s", e->msg);
    }
    if (WIFSIGNALED(st))
        return rs_error_set(err, RS_ESOFTWARE,
                            "%s: the workbook writer (libxlsxwriter) stopped on signal %d, as it "
                            "can when memory runs out",
                            file, WTERMSIG(st));
    said[strcspn(said, "\n")] = '\0';
    if (strstr(said, "Memory allocation failed"))
        return rs_error_set(err, RS_ESOFTWARE, "out of memory");
    const char *line = strstr(said, "]: ");   /* after "[ERROR][src/file.c:12]" */
    line = line ? line + 3 : said;
    return rs_error_set(err, RS_ECANTCREAT, "%s: cannot write the workbook: libxlsxwriter: %s",
                        file, *line ? line : "failed");
}

/* A child building one copy: its pid and the read ends of its pipes. */
typedef struct {
    pid_t pid;
    int rec, talk;
} writer;

/* Start a child that builds the copy of slot k of o; -1 when none can be
 * had (nothing started). */
static int spawn(writer *wr, const rs_outset *o, int k, const char *file, book_fn fn,
                 const book_args *a)
{
    int rec[2] = {-1, -1}, talk[2] = {-1, -1};
    wr->pid = -1;
    if (pipe(rec) != 0 || pipe(talk) != 0 || (wr->pid = fork()) < 0) {
        close_pair(rec);
        close_pair(talk);
        return -1;
    }
    if (wr->pid == 0) {
        close(rec[0]);
        close(talk[0]);
        dup2(talk[1], 2);
        close(talk[1]);
        rs_error e = {0};
        if (fn(o->tmp[k], file, a, &e) == RS_OK)
            _exit(0);
        write_all(rec[1], &e, sizeof e);   /* within a pipe's buffer: no waiting */
        _exit(1);
    }
    close(rec[1]);
    close(talk[1]);
    wr->rec = rec[0];
    wr->talk = talk[0];
    return 0;
}

/* Wait for the child of wr and give the verdict on its copy. */
static int reap(writer *wr, const char *file, rs_error *err)
{
    char said[512];
    size_t nsaid = read_all(wr->talk, said, sizeof said - 1);   /* to the child's exit */
    said[nsaid < sizeof said - 1 ? nsaid : sizeof said - 1] = '\0';
    rs_error e = {0};
    size_t got = read_all(wr->rec, (char *)&e, sizeof e);
    close(wr->rec);
    close(wr->talk);
    int st = 0;
    while (waitpid(wr->pid, &st, 0) < 0 && errno == EINTR)
        ;
    return verdict(file, st, &e, got, said, nsaid, err);
}

/* Reserve file (and its second copy) in o and build both copies, each in
 * a child of its own when one can be had (both at once), else here. The
 * first error recorded is the one reported. */
static int in_writer(rs_outset *o, const char *file, book_fn fn, book_args *a, rs_error *err)
{
    const int n0 = o->n;
    char check_name[64];
    snprintf(check_name, sizeof check_name, "%s.check", file);
    if (!rs_outset_path(o, file, err) || !rs_outset_path(o, check_name, err)) {
        rs_outset_truncate(o, n0);
        return err->code;
    }
    const int slot = n0;
    const char *final = o->final[slot];
    a->created = created_time();
    fflush(NULL);   /* the children leave with _exit: nothing buffered is written twice */
    writer wr[2];
    int child[2], failed = 0;
    for (int k = 0; k < 2; k++) {
        child[k] = spawn(&wr[k], o, slot + k, final, fn, a) == 0;
        if (!child[k])
            failed |= fn(o->tmp[slot + k], final, a, err) != RS_OK;
    }
    for (int k = 0; k < 2; k++)
        if (child[k])
            failed |= reap(&wr[k], final, err) != RS_OK;
    int rc = failed ? err->code : RS_OK;
    if (!rc && !same_bytes(o->tmp[slot], o->tmp[slot + 1]))
        rc = rs_error_set(err, RS_ESOFTWARE,
                          "%s: the workbook writer (libxlsxwriter) made two different files of "
                          "the same results, as it can when memory runs out",
                          final);
    rs_outset_truncate(o, rc ? n0 : n0 + 1);   /* the second copy goes in any case */
    return rc;
}

int rs_workbook_run(rs_outset *o, const rs_scenario *s, const rs_source *src,
                    const rs_results *r, const rs_mc_results *mc, int zh, rs_error *err)
{
    book_args a = {.s = s, .src = src, .r = r, .mc = mc, .zh = zh};
    return in_writer(o, RS_WORKBOOK_FILE, build_run, &a, err);
}

int rs_workbook_compare(rs_outset *o, const rs_compare *c, int zh, rs_error *err)
{
    book_args a = {.c = c, .zh = zh};
    return in_writer(o, RS_WORKBOOK_FILE, build_compare, &a, err);
}

int rs_workbook_sweep(rs_outset *o, const rs_scenario *s, const rs_source *src, int metric,
                      double base, const rs_sweep_row *rows, int n, int zh, rs_error *err)
{
    book_args a = {.s = s, .src = src, .metric = metric, .base = base, .rows = rows, .n = n,
                   .zh = zh};
    return in_writer(o, RS_WORKBOOK_SWEEP_FILE, build_sweep, &a, err);
}
