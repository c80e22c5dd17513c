/* cmd_analysis.c: `revsim sweep` (one-at-a-time sensitivity, tornado.csv),
 * `revsim solve` (the value of one parameter that makes a metric hit a
 * target) and `revsim fit` (a ramp fitted to observed monthly values). */
#define _POSIX_C_SOURCE 200809L
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "../models/analysis.h"
#include "../models/draw.h"
#include "../base/utf8.h"
#include "../base/fmt.h"
#include "../base/suggest.h"
#include "cli.h"
#include "../io/csvout.h"
#include "../io/workbook.h"
#include "../io/csvin.h"
#include "../io/history.h"
#include "../io/results.h"
#include "summary.h"
#include "plotopts.h"
#include "../io/scenario.h"

typedef struct {
    const char *metric, *outdir;
    int quiet, excel, xlsx;
    rs_plot_args plot;
} sweep_args;
static sweep_args sweep_a;   /* what rs_sweep_opts binds; reset by every rs_cmd_sweep */

typedef struct {
    const char *forp, *metric, *target, *bracket;
} solve_args;
static solve_args solve_a;

typedef struct {
    int shape;
    const char *as;
} fit_args;
static fit_args fit_a;

const rs_option rs_sweep_opts[] = {
    OPT_STRING('m', "metric", &sweep_a.metric, "NAME",
               "summary metric to sweep (default npv; see summary.csv)"),
    OPT_STRING('o', "output", &sweep_a.outdir, "DIR",
               "output folder for tornado.csv (default out/<scenario stem>/)"),
    OPT_PLOTS(&sweep_a.plot),
    OPT_EXCEL(&sweep_a.excel),
    OPT_NO_XLSX(&sweep_a.xlsx, RS_WORKBOOK_SWEEP_FILE),
    OPT_BOOL('q', "quiet", &sweep_a.quiet, "print no table"),
    OPT_END(),
};

const rs_option rs_solve_opts[] = {
    OPT_REQUIRED_STRING(0, "for", &solve_a.forp, "SECTION.KEY",
                        "the parameter to solve for (e.g. shops:east.rent_uplift)"),
    OPT_REQUIRED_STRING('m', "metric", &solve_a.metric, "NAME",
                        "summary metric to hit (e.g. coverage_stabilized)"),
    OPT_REQUIRED_STRING('t', "target", &solve_a.target, "X",
                        "the value the metric must take (a number, may end in %)"),
    OPT_STRING(0, "bracket", &solve_a.bracket, "A:B",
               "search interval (default: the parameter's low:high)"),
    OPT_END(),
};

const rs_option rs_fit_opts[] = {
    OPT_CHOICE(0, "shape", &fit_a.shape, "linear|logistic", "ramp shape (default logistic)"),
    OPT_STRING(0, "as", &fit_a.as, "SECTION.QUANTITY",
               "also print the scenario rows, e.g. shops:east.occupancy"),
    OPT_END(),
};

/* Metric index of name (any case), or -1 with err filled (the list). */
static int metric_arg(const char *name, rs_error *err)
{
    int k = rs_metric_find(name);
    if (k >= 0)
        return k;
    char list[900], hint[96];
    size_t j = 0;
    for (int i = 0; i < MT_N && j < sizeof list; i++)
        j += (size_t)snprintf(list + j, sizeof list - j, "%s%s", i ? " " : "", rs_metrics[i].name);
    rs_suggest(name, &rs_metrics[0].name, sizeof rs_metrics[0], MT_N, hint, sizeof hint);
    if (*hint)   /* the likely one, not the list */
        rs_error_set(err, RS_EUSAGE, "unknown metric '%s'%s", name, hint);
    else
        rs_error_set(err, RS_EUSAGE, "unknown metric '%s'; one of: %s", name, list);
    return -1;
}

/* Load SCENARIO into s and src (both initialised here); warnings printed. */
static int load_one(const char *path, const rs_command *cmd, rs_scenario *s, rs_source *src,
                    rs_error *err)
{
    rs_scenario_init(s);
    rs_source_init(src);
    int rc = rs_scenario_load(s, src, path, err);
    if (!rc)
        rs_print_warnings(src, cmd->name);
    return rc;
}

int rs_cmd_sweep(int argc, char **argv, const rs_command *cmd, rs_error *err)
{
    sweep_args a = {.metric = "npv", .xlsx = 1};
    rs_plot_args_init(&a.plot);
    sweep_a = a;
    int at, rc = rs_opt_parse(argc, argv, cmd, &at, err);
    if (rc)
        return rc;
    a = sweep_a;
    int metric = metric_arg(a.metric, err);
    if (metric < 0)
        return err->code;
    rs_scenario s;
    rs_source src;
    rs_outset o;
    memset(&o, 0, sizeof o);
    rs_sweep_row *rows = NULL;
    rs_tornado_row *bars = NULL;
    char (*labels)[RS_NAME_MAX + 64] = NULL;
    char dirbuf[4096];
    double base = NAN;
    rc = load_one(argv[at], cmd, &s, &src, err);
    if (rc)
        goto out;
    if (s.nranges == 0) {
        rc = rs_error_set(err, RS_EDATA, "%s: no parameter has low/high: nothing to sweep",
                          argv[at]);
        goto out;
    }
    int nrows = 0;
    rows = calloc((size_t)s.nranges, sizeof *rows);
    bars = calloc((size_t)s.nranges, sizeof *bars);
    labels = calloc((size_t)s.nranges, sizeof *labels);
    if (!rows || !bars || !labels || rs_sweep(&s, metric, rows, &nrows, &base) != RS_S_OK) {
        rc = rs_error_set(err, RS_ESOFTWARE, "out of memory");
        goto out;
    }
    if (!a.outdir) {
        snprintf(dirbuf, sizeof dirbuf, "out/%s", src.stem);
        a.outdir = dirbuf;
    }
    rs_csv c;
    if ((rc = rs_outset_init(&o, a.outdir, a.excel, err)))
        goto out;
    o.manifest = ".revsim-sweep";
    if ((rc = rs_outset_csv(&o, "tornado.csv", &c, err)))
        goto out;
    static const char *const head[] = {"rank", "parameter", "unit", "value_low", "value_base",
                                       "value_high", "metric", "metric_base", "metric_at_low",
                                       "metric_at_high", "swing"};
    for (size_t k = 0; k < sizeof head / sizeof head[0]; k++)
        rs_csv_text(&c, head[k]);
    rs_csv_endrow(&c);
    for (int i = 0; i < nrows; i++) {
        const rs_range *g = &s.ranges[rows[i].range];
        snprintf(labels[i], sizeof labels[i], "%s", g->label);
        rs_csv_int(&c, i + 1);
        rs_csv_text(&c, labels[i]);
        rs_csv_text(&c, g->e->sec->params[g->param].unit);
        rs_csv_num(&c, g->low);
        rs_csv_num(&c, g->value);
        rs_csv_num(&c, g->high);
        rs_csv_text(&c, rs_metrics[metric].name);
        rs_csv_num(&c, base);
        rs_csv_num(&c, rows[i].metric_low);
        rs_csv_num(&c, rows[i].metric_high);
        rs_csv_num(&c, rows[i].swing);
        rs_csv_endrow(&c);
        /* chart labels drop the section type: lever names are unique anyway */
        const char *colon = strchr(labels[i], ':');
        bars[i].label = colon && colon < strchr(labels[i], '.') ? colon + 1 : labels[i];
        bars[i].low = g->low;
        bars[i].high = g->high;
        bars[i].metric_low = rows[i].metric_low;
        bars[i].metric_high = rows[i].metric_high;
    }
    if ((rc = rs_csv_close(&c, &o, err)))
        goto out;
    if (a.xlsx && (rc = rs_workbook_sweep(&o, &s, &src, metric, base, rows, nrows,
                                          a.plot.opts.lang == RS_LANG_ZH, err)))
        goto out;
    if ((rc = rs_plot_tornado_maybe(&o, &s, metric, base, bars, nrows, &a.plot, cmd->name,
                                    err)))
        goto out;
    if ((rc = rs_outset_commit(&o, err)))
        goto out;
    if (!a.quiet) {
        char b0[48], v0[48], v1[48], m0[48], m1[48], sw[48], name[512], lab[256], dir[4096];
        printf("%s: %s, base case %s; parameters by swing\n",
               rs_tty(s.scen.text[SC_NAME], name, sizeof name), rs_metrics[metric].name,
               rs_fmt_human(base, b0, sizeof b0));
        printf("  %-4s %s %-22s %-14s %-14s %s\n", "rank",
               rs_utf8_pad("parameter", 38, lab, sizeof lab), "low .. high", "metric at low",
               "at high", "swing");
        for (int i = 0; i < nrows && i < 20; i++) {
            const rs_range *g = &s.ranges[rows[i].range];
            char range[64];
            snprintf(range, sizeof range, "%s .. %s", rs_fmt_human(g->low, v0, sizeof v0),
                     rs_fmt_human(g->high, v1, sizeof v1));
            printf("  %-4d %s %-22s %-14s %-14s %s\n", i + 1,
                   rs_utf8_pad(labels[i], 38, lab, sizeof lab), range,
                   rs_fmt_human(rows[i].metric_low, m0, sizeof m0),
                   rs_fmt_human(rows[i].metric_high, m1, sizeof m1),
                   rs_fmt_human(rows[i].swing, sw, sizeof sw));
        }
        if (nrows > 20) {
            char more[64];
            printf("  (%s more in tornado.csv)\n",
                   rs_count(nrows - 20, "parameter", "parameters", more, sizeof more));
        }
        printf("wrote tornado.csv%s%s to %s/\n", a.xlsx ? ", " RS_WORKBOOK_SWEEP_FILE : "",
               a.plot.enabled ? " and the tornado chart" : "", rs_tty(a.outdir, dir, sizeof dir));
    }
out:
    if (rc)
        rs_outset_abort(&o);
    free(rows);
    free(bars);
    free(labels);
    rs_scenario_release(&s);
    rs_source_release(&src);
    return rc;
}

/* Whether unit u is a share or a rate (shown as a percent). */
static int percent_unit(const char *u)
{
    return strcmp(u, "fraction") == 0 || strcmp(u, "1/year") == 0 || strcmp(u, "ratio") == 0 ||
           strcmp(u, "probability") == 0;
}

/* x rounded to the decimals parameter p needs: whole numbers for whole
 * parameters; shares and rates to a hundredth of a percent; money (units
 * in CNY) to the yuan from 1,000 up, else to the fen; anything else to 4
 * significant digits. */
static double param_round(const rs_param *p, double x)
{
    int d;
    if (!isfinite(x) || x == 0)
        return x == 0 ? 0.0 : x;
    if (p->type == RS_P_INT)
        d = 0;
    else if (percent_unit(p->unit))
        d = 4;
    else if (strncmp(p->unit, "CNY", 3) == 0)
        d = fabs(x) >= 1000 ? 0 : 2;
    else
        d = 3 - (int)floor(log10(fabs(x)));
    if (d < 0)
        d = 0;
    if (d > 9)
        d = 9;
    const double k = pow(10, d);
    const double r = round(x * k) / k;
    return r == 0 ? 0.0 : r;
}

/* x for a person, with p's decimals: "15.01%" for shares and rates, else
 * the plain number ("35.5", "1200"). */
static const char *param_text(const rs_param *p, double x, char *buf, size_t n)
{
    x = param_round(p, x);
    if (percent_unit(p->unit) && p->type != RS_P_INT)
        snprintf(buf, n, "%.10g%%", round(x * 1e6) / 1e4);
    else
        snprintf(buf, n, "%.10g", x);
    return buf;
}

int rs_cmd_solve(int argc, char **argv, const rs_command *cmd, rs_error *err)
{
    solve_a = (solve_args){0};
    int at, rc = rs_opt_parse(argc, argv, cmd, &at, err);
    if (rc)
        return rc;
    const solve_args a = solve_a;
    int metric = metric_arg(a.metric, err);
    double target, lo = NAN, hi = NAN;
    if (metric < 0)
        return err->code;
    if (rs_metrics[metric].unit == RS_U_PROB)
        return rs_error_set(err, RS_EUSAGE, "%s is a Monte Carlo probability; solve works on "
                            "the base case, where it is only 0 or 1 (solve for "
                            "coverage_stabilized = 1 instead)", rs_metrics[metric].name);
    if (rs_parse_number(a.target, &target) != 0)
        return rs_error_set(err, RS_EUSAGE, "option '--target': '%s' is not a number",
                            a.target);
    if (a.bracket) {
        char buf[128], *colon;
        snprintf(buf, sizeof buf, "%s", a.bracket);
        if (!(colon = strchr(buf, ':')) || (*colon = '\0', rs_parse_number(buf, &lo)) ||
            rs_parse_number(colon + 1, &hi) || !(lo < hi))
            return rs_error_set(err, RS_EUSAGE, "option '--bracket' must be A:B with A < B, "
                                "got '%s'", a.bracket);
    }
    rs_scenario s;
    rs_source src;
    rs_handle h = {0};
    rc = load_one(argv[at], cmd, &s, &src, err);
    if (rc)
        goto out;
    rs_status hs = rs_scenario_handle(&s, a.forp, &h);
    if (hs == RS_S_NOMEM) {
        rc = rs_error_set(err, RS_ESOFTWARE, "out of memory");
        goto out;
    }
    if (hs != RS_S_OK) {
        rc = rs_error_set(err, RS_EUSAGE, "--for '%s': no such parameter in %s (write "
                          "SECTION.KEY or SECTION.KEY@Y, e.g. shops:east.rent_uplift)", a.forp,
                          argv[at]);
        goto out;
    }
    const rs_param *p = h.p;
    if (p->type != RS_P_NUM && p->type != RS_P_INT) {
        rc = rs_error_set(err, RS_EUSAGE, "--for '%s': only numeric parameters can be "
                          "solved for", a.forp);
        goto out;
    }
    if (!a.bracket) {
        for (int i = 0; i < s.nranges; i++)
            if (strcmp(s.ranges[i].label, a.forp) == 0 ||
                (s.ranges[i].step >= 0 ? &s.step[s.ranges[i].step].value
                                       : &s.ranges[i].e->v[s.ranges[i].param]) == h.at[0]) {
                lo = s.ranges[i].low;
                hi = s.ranges[i].high;
            }
        if (isnan(lo)) {
            rc = rs_error_set(err, RS_EUSAGE, "--for '%s' has no low/high in %s: give "
                              "--bracket A:B", a.forp, argv[at]);
            goto out;
        }
    }
    if (lo < p->min || hi > p->max) {   /* answers outside the bounds would not read back */
        rc = rs_error_set(err, RS_EUSAGE, "--bracket %g:%g leaves the bounds of %s (%g to %g)",
                          lo, hi, a.forp, p->min, p->max);
        goto out;
    }
    double x, fa, fb;
    int sr = rs_solve(&s, &h, metric, target, lo, hi, &x, &fa, &fb);
    if (sr == 1) {
        char t[48], va[48], vb[48], xa[48], xb[48];
        rs_error_set(err, RS_EDATA, "target %s = %s is not bracketed: it is %s at %s = %s and "
                     "%s at %s, %s; widen --bracket%s", rs_metrics[metric].name,
                     rs_fmt_short(target, 0, t, sizeof t), rs_fmt_short(fa, 0, va, sizeof va),
                     a.forp, rs_fmt_short(lo, 0, xa, sizeof xa), rs_fmt_short(fb, 0, vb, sizeof vb),
                     rs_fmt_short(hi, 0, xb, sizeof xb),
                     fa > target && fb > target   ? "both above the target"
                     : fa < target && fb < target ? "both below the target"
                                                  : "with the target not between them",
                     a.bracket ? "" : " (the default bracket is the parameter's low:high)");
        rc = RS_EDATA;
    }
    else if (sr == 2)
        rc = rs_error_set(err, RS_EDATA, "%s is empty at an end of the bracket or the solver "
                          "did not converge (%s = %g at %g, %g at %g)", rs_metrics[metric].name,
                          rs_metrics[metric].name, fa, lo, fb, hi);
    else if (sr < 0)
        rc = rs_error_set(err, RS_ESOFTWARE, "out of memory");
    if (rc)
        goto out;
    {
        const char *dot = strrchr(a.forp, '.');
        char forp[512], tgt[128], shown[64], v0[64], v1[64], vb[64], sec[512];
        rs_tty(a.forp, forp, sizeof forp);
        printf("%s = %s makes %s %s %s (searched %s .. %s; base value %s%s)\n", forp,
               param_text(p, x, shown, sizeof shown), rs_metrics[metric].name,
               p->type == RS_P_INT ? "reach" : "=", rs_tty(a.target, tgt, sizeof tgt),
               param_text(p, lo, v0, sizeof v0), param_text(p, hi, v1, sizeof v1),
               param_text(p, h.value, vb, sizeof vb),
               h.n > 1 ? "; it moves every section that copies the row" : "");
        printf("scenario row:\n");
        rs_csv row = {stdout, 0, 0, -1};
        snprintf(sec, sizeof sec, "%.*s", (int)(dot - a.forp), a.forp);
        rs_csv_text(&row, rs_tty(sec, forp, sizeof forp));
        rs_csv_text(&row, rs_tty(dot + 1, tgt, sizeof tgt));
        rs_csv_num(&row, param_round(p, x));
        rs_csv_endrow(&row);
    }
out:
    rs_handle_release(&h);
    rs_scenario_release(&s);
    rs_source_release(&src);
    return rc;
}

/* What `fit --as SECTION.QUANTITY` writes rows for: the section (with its
 * name) and the table rows of QUANTITY_start, QUANTITY_target, the ramp
 * length and the ramp shape. */
typedef struct {
    char sec[RS_NAME_MAX + 32];
    const rs_param *start, *target, *ramp, *shape;
} fit_rows;

/* The quantity of section type t that a ramp fit gives ("occupancy" for
 * shops: occupancy_start and occupancy_target), into buf; "" when t has
 * none (no ramp, or no _start/_target pair). */
static const char *fit_quantity(const rs_section *t, char *buf, size_t n)
{
    buf[0] = '\0';
    if (!t->named || t->ramp_param < 0 || t->shape_param < 0)
        return buf;
    for (int k = 0; k < t->nparams; k++) {
        const char *name = t->params[k].name;
        size_t len = strlen(name);
        char want[96];
        if (len <= 6 || strcmp(name + len - 6, "_start") != 0 || len - 6 + 8 > sizeof want)
            continue;
        snprintf(want, sizeof want, "%.*s_target", (int)(len - 6), name);
        if (rs_param_find(t->params, t->nparams, want) >= 0) {
            snprintf(buf, n, "%.*s", (int)(len - 6), name);
            return buf;
        }
    }
    return buf;
}

/* "community:NAME.collection, shops:NAME.occupancy, ..." from the tables. */
static const char *fit_choices(char *buf, size_t n)
{
    size_t j = 0;
    buf[0] = '\0';
    for (int i = 0; i < rs_nsections && j < n; i++) {
        char q[64];
        if (*fit_quantity(rs_sections[i], q, sizeof q))
            j += (size_t)snprintf(buf + j, n - j, "%s%s:NAME.%s", j ? ", " : "",
                                  rs_sections[i]->name, q);
    }
    return buf;
}

/* Parse --as into r: RS_OK, or RS_EUSAGE naming what is wrong and what
 * would do (the quantities come from the parameter tables, so every row
 * printed is one `check` accepts). */
static int parse_as(const char *as, fit_rows *r, rs_error *err)
{
    char list[512], q[64], type[64];
    const char *dot = strrchr(as, '.');
    const char *colon = strchr(as, ':');
    if (!dot || dot == as || !dot[1] || (size_t)(dot - as) >= sizeof r->sec)
        return rs_error_set(err, RS_EUSAGE, "option '--as' must be SECTION.QUANTITY, e.g. "
                            "shops:east.occupancy, got '%s'", as);
    const size_t tl = (size_t)((colon && colon < dot ? colon : dot) - as);
    snprintf(type, sizeof type, "%.*s", (int)(tl < sizeof type ? tl : sizeof type - 1), as);
    const rs_section *t = rs_section_find(type);
    if (!t || !*fit_quantity(t, q, sizeof q))
        return rs_error_set(err, RS_EUSAGE, "--as '%s': %s '%s'; fit writes rows for %s", as,
                            t ? "nothing to fit (no QUANTITY_start/_target) in section type"
                              : "unknown section type",
                            type, fit_choices(list, sizeof list));
    if (!colon || colon > dot || colon + 1 == dot)
        return rs_error_set(err, RS_EUSAGE, "--as '%s': name the section, e.g. %s:east.%s", as,
                            t->name, q);
    snprintf(r->sec, sizeof r->sec, "%.*s", (int)(dot - as), as);
    const char *qty = dot + 1;
    size_t ql = strlen(qty), cut = 0;
    if (ql > 6 && strcmp(qty + ql - 6, "_start") == 0)
        cut = 6;
    if (ql > 7 && strcmp(qty + ql - 7, "_target") == 0)
        cut = 7;
    if (cut && strncmp(qty, q, ql - cut) == 0 && strlen(q) == ql - cut)
        return rs_error_set(err, RS_EUSAGE, "--as takes the quantity without _start/_target, "
                            "e.g. %s.%s", r->sec, q);
    if (strcmp(qty, q) != 0)
        return rs_error_set(err, RS_EUSAGE, "--as '%s': %s has no %s_start/%s_target; its "
                            "ramp quantity is %s (--as %s.%s)", as, t->name, qty, qty, q,
                            r->sec, q);
    char key[96];
    snprintf(key, sizeof key, "%s_start", q);
    r->start = &t->params[rs_param_find(t->params, t->nparams, key)];
    snprintf(key, sizeof key, "%s_target", q);
    r->target = &t->params[rs_param_find(t->params, t->nparams, key)];
    r->ramp = &t->params[t->ramp_param];
    r->shape = &t->params[t->shape_param];
    return RS_OK;
}

static double clamp(double v, double lo, double hi)
{
    return v < lo ? lo : v > hi ? hi : v;
}

/* v rounded to 6 significant digits (what a person reads off the fit). */
static double sig6(double v)
{
    char buf[32];
    snprintf(buf, sizeof buf, "%.6g", v);
    return strtod(buf, NULL);
}

/* One fitted value v (standard error se) as the scenario row of parameter
 * p, written with libcsv (a path with a comma or quote stays one cell):
 * low/high the 90% interval of the estimate (normal: the 5th and 95th
 * percentiles), all kept within p's bounds; triangular when a bound makes
 * the interval touch the value. */
static void fit_row(rs_csv *c, const char *sec, const rs_param *p, double v, double se,
                    const char *note)
{
    v = clamp(v, p->min, p->max);
    double lo = clamp(v - RS_Z95 * se, p->min, p->max), hi = clamp(v + RS_Z95 * se, p->min, p->max);
    rs_csv_text(c, sec);
    rs_csv_text(c, p->name);
    rs_csv_num(c, sig6(v));
    if (!(se > 0) || !isfinite(se)) {
        rs_csv_text(c, NULL);
        rs_csv_text(c, NULL);
        rs_csv_text(c, NULL);
    } else {
        rs_csv_num(c, sig6(lo));
        rs_csv_num(c, sig6(hi));
        rs_csv_text(c, lo < v && v < hi ? "normal" : "triangular");
    }
    rs_csv_text(c, p->unit);
    rs_csv_text(c, note);
    rs_csv_endrow(c);
}

int rs_cmd_fit(int argc, char **argv, const rs_command *cmd, rs_error *err)
{
    fit_a = (fit_args){.shape = RS_SHAPE_LOGISTIC};
    int at, rc = rs_opt_parse(argc, argv, cmd, &at, err);
    if (rc)
        return rc;
    const fit_args a = fit_a;
    const char *path = argv[at];
    fit_rows rows;
    if (a.as && (rc = parse_as(a.as, &rows, err)))
        return rc;
    double *m = NULL, *v = NULL;
    int n = 0;
    rs_fit_result f;
    rc = rs_history_read(path, &m, &v, &n, err);
    if (!rc) {
        int fr = rs_fit_ramp(m, v, n, a.shape, &f);
        if (fr == 1)
            rc = rs_error_set(err, RS_EDATA, "%s: %s", path,
                              n < 4 ? "need at least 4 observations to fit a ramp"
                                    : "no ramp found (the values are flat, or the fit did not "
                                      "converge)");
        else if (fr == 2)
            rc = rs_error_set(err, RS_EDATA, "%s: the values give no finite fit (they are "
                              "too large, or they do not determine the ramp length)", path);
        else if (fr < 0)
            rc = rs_error_set(err, RS_ESOFTWARE, "out of memory");
    }
    free(m);
    free(v);
    if (rc)
        return rc;
    char shown[4096], obs[48];
    rs_tty(path, shown, sizeof shown);
    const double ramp = clamp(f.ramp, 0, RS_MAX_MONTHS);
    printf("%s: %s, %s ramp (month 1 = the ramp's start month)\n", shown,
           rs_count(f.n, "observation", "observations", obs, sizeof obs),
           a.shape == RS_SHAPE_LINEAR ? "linear" : "logistic");
    printf("  %-14s %12.6g  (standard error %.3g)\n", "start", f.start, f.se_start);
    printf("  %-14s %12.6g  (standard error %.3g)\n", "target", f.target, f.se_target);
    printf("  %-14s %12.6g  (standard error %.3g; in a scenario: %ld)\n", "ramp_months", f.ramp,
           f.se_ramp, lround(ramp));
    printf("  %-14s %12.4f   rmse %.4g\n", "R^2", f.r2, f.rmse);
    printf("The standard errors measure estimation error: how closely these observations pin\n"
           "down the fitted curve. They are not forecast uncertainty: the future may stray\n"
           "from the curve by much more.\n");
    if (a.as) {
        char note[4200];
        rs_csv c = {stdout, 0, 0, -1};
        printf("scenario rows (low/high: the 90%% interval of the estimation error; widen them "
               "to\nuse them as a forecast range in Monte Carlo):\n"
               "section,key,value,low,high,dist,unit,note\n");
        snprintf(note, sizeof note, "fitted from %s (R^2 %.3f; low/high: estimation error only)",
                 shown, f.r2);
        fit_row(&c, rows.sec, rows.start, f.start, f.se_start, note);
        fit_row(&c, rows.sec, rows.target, f.target, f.se_target, note);
        const rs_param *rp = rows.ramp;
        const double R = clamp(round(ramp), rp->min, rp->max);
        const double lo = clamp(floor(ramp - RS_Z95 * f.se_ramp), rp->min, R);
        const double hi = clamp(ceil(ramp + RS_Z95 * f.se_ramp), R, rp->max);
        snprintf(note, sizeof note, "fitted: %.2f months from %s (low/high: estimation error "
                 "only)", f.ramp, shown);
        rs_csv_text(&c, rows.sec);
        rs_csv_text(&c, rp->name);
        rs_csv_num(&c, R);
        if (isfinite(f.se_ramp) && f.se_ramp > 0) {
            rs_csv_num(&c, lo);
            rs_csv_num(&c, hi);
            rs_csv_text(&c, "triangular");
        } else {
            rs_csv_text(&c, NULL);
            rs_csv_text(&c, NULL);
            rs_csv_text(&c, NULL);
        }
        rs_csv_text(&c, rp->unit);
        rs_csv_text(&c, note);
        rs_csv_endrow(&c);
        rs_csv_text(&c, rows.sec);
        rs_csv_text(&c, rows.shape->name);
        rs_csv_text(&c, a.shape == RS_SHAPE_LINEAR ? "linear" : "logistic");
        for (int k = 0; k < 5; k++)
            rs_csv_text(&c, NULL);
        rs_csv_endrow(&c);
        if (c.failed)
            return rs_error_set(err, RS_ECANTCREAT, "standard output: write failed");
    }
    return 0;
}
