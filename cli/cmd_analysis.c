/* cmd_analysis.c: `revsim sweep` (one-at-a-time sensitivity, tornado.csv),
 * `revsim solve` (the value of one parameter that makes a metric hit a
 * target) and `revsim fit` (a ramp fitted to observed monthly values). */
#define _POSIX_C_SOURCE 200809L
#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "../models/analysis.h"
#include "../models/draw.h"
#include "cli.h"
#include "../io/csvin.h"
#include "../io/results.h"
#include "../io/workbook.h"
#include "summary.h"
#include "plotopts.h"
#include "../io/scenario.h"

enum { OPT_OUTPUT = 'o', OPT_QUIET = 'q', OPT_METRIC = 4000, OPT_FOR, OPT_TARGET, OPT_BRACKET,
       OPT_SHAPE, OPT_AS, OPT_EXCEL, OPT_NOXLSX };

const rs_opt rs_sweep_opts[] = {
    {"metric", 'm', "NAME", "summary metric to sweep (default npv; see summary.csv)", OPT_METRIC},
    {"output", 'o', "DIR", "output folder for tornado.csv (default out/<scenario stem>/)",
     OPT_OUTPUT},
    RS_PLOT_OPTS,
    {"excel", 0, NULL, "start tornado.csv with a UTF-8 BOM so Excel shows Chinese names",
     OPT_EXCEL},
    {"no-xlsx", 0, NULL, "write no " RS_WORKBOOK_SWEEP_FILE, OPT_NOXLSX},
    {"quiet", 'q', NULL, "print no table", OPT_QUIET},
    {"help", 'h', NULL, "show this help", RS_OPT_HELP},
    {NULL, 0, NULL, NULL, 0},
};

const rs_opt rs_solve_opts[] = {
    {"for", 0, "SECTION.KEY", "the parameter to solve for (e.g. shops:east.rent_uplift)",
     OPT_FOR},
    {"metric", 'm', "NAME", "summary metric to hit (e.g. coverage_stabilized)", OPT_METRIC},
    {"target", 't', "X", "the value the metric must take (a number, may end in %)", OPT_TARGET},
    {"bracket", 0, "A:B", "search interval (default: the parameter's low:high)", OPT_BRACKET},
    {"help", 'h', NULL, "show this help", RS_OPT_HELP},
    {NULL, 0, NULL, NULL, 0},
};

const rs_opt rs_fit_opts[] = {
    {"shape", 0, "SHAPE", "logistic (default) or linear", OPT_SHAPE},
    {"as", 0, "SECTION.QUANTITY",
     "also print scenario rows, e.g. shops:east.occupancy -> occupancy_start, "
     "occupancy_target, ramp_months",
     OPT_AS},
    {"help", 'h', NULL, "show this help", RS_OPT_HELP},
    {NULL, 0, NULL, NULL, 0},
};

typedef struct {
    const char *metric, *outdir, *forp, *bracket, *as;
    const char *target;
    int quiet, shape, excel, xlsx;
    rs_plot_args plot;
} an_args;

static int an_set(int id, const char *arg, void *ctx)
{
    an_args *a = ctx;
    switch (id) {
    case OPT_METRIC: a->metric = arg; break;
    case OPT_OUTPUT: a->outdir = arg; break;
    case OPT_FOR: a->forp = arg; break;
    case OPT_TARGET: a->target = arg; break;
    case OPT_BRACKET: a->bracket = arg; break;
    case OPT_AS: a->as = arg; break;
    case OPT_QUIET: a->quiet = 1; break;
    case OPT_EXCEL: a->excel = 1; break;
    case OPT_NOXLSX: a->xlsx = 0; break;
    case OPT_SHAPE: {
        int k = rs_choice_index("linear|logistic", arg);
        if (k < 0) {
            fprintf(stderr, "revsim fit: --shape must be linear or logistic, got '%s'\n", arg);
            return -1;
        }
        a->shape = k;
        break;
    }
    default:
        return rs_plot_set(&a->plot, id, arg);
    }
    return 0;
}

/* Metric index of name, or -1 after printing the list. */
static int metric_arg(const char *cmd, const char *name)
{
    char low[64];
    size_t n = strlen(name);
    for (size_t i = 0; i <= n && i < sizeof low; i++)
        low[i] = (char)tolower((unsigned char)name[i]);
    low[sizeof low - 1] = '\0';
    int k = rs_metric_find(low);
    if (k >= 0)
        return k;
    fprintf(stderr, "revsim %s: unknown metric '%s'; one of:", cmd, name);
    for (int i = 0; i < MT_N; i++)
        fprintf(stderr, " %s", rs_metrics[i].name);
    fprintf(stderr, "\n");
    return -1;
}

/* Load the one SCENARIO argument; prints errors. */
static int load_one(int argc, char **argv, int at, const rs_command *cmd, rs_scenario *s,
                    rs_source *src, rs_error *err)
{
    rs_scenario_init(s);
    rs_source_init(src);
    const char *path = rs_one_arg(argc, argv, at, cmd);
    int rc = path ? rs_scenario_load(s, src, path, err) : RS_EUSAGE;
    if (!rc)
        rs_print_warnings(src, cmd->name);
    return rc;
}

int rs_cmd_sweep(int argc, char **argv, const rs_command *cmd)
{
    an_args a = {0};
    a.metric = "npv";
    a.xlsx = 1;
    rs_plot_args_init(&a.plot);
    int at = rs_opt_parse(argc, argv, rs_sweep_opts, cmd, an_set, &a);
    if (at == -2)
        return 0;
    if (at < 0)
        return RS_EUSAGE;
    int metric = metric_arg(cmd->name, a.metric);
    if (metric < 0)
        return RS_EUSAGE;
    rs_scenario s;
    rs_source src;
    rs_error err = {0};
    rs_outset o;
    memset(&o, 0, sizeof o);
    rs_sweep_row *rows = NULL;
    rs_tornado_row *bars = NULL;
    char (*labels)[RS_NAME_MAX + 64] = NULL;
    char dirbuf[4096];
    double base = NAN;
    int rc = load_one(argc, argv, at, cmd, &s, &src, &err);
    if (rc)
        goto out;
    if (s.nranges == 0) {
        rc = rs_error_set(&err, RS_EDATA, "%s: no parameter has low/high: nothing to sweep",
                          argv[at]);
        goto out;
    }
    int nrows = 0;
    rows = calloc((size_t)s.nranges, sizeof *rows);
    bars = calloc((size_t)s.nranges, sizeof *bars);
    labels = calloc((size_t)s.nranges, sizeof *labels);
    if (!rows || !bars || !labels || rs_sweep(&s, metric, rows, &nrows, &base) != RS_S_OK) {
        rc = rs_error_set(&err, RS_ESOFTWARE, "out of memory");
        goto out;
    }
    if (!a.outdir) {
        snprintf(dirbuf, sizeof dirbuf, "out/%s", src.stem);
        a.outdir = dirbuf;
    }
    rs_csv c;
    if ((rc = rs_outset_init(&o, a.outdir, a.excel, &err)))
        goto out;
    o.manifest = ".revsim-sweep";
    if ((rc = rs_outset_csv(&o, "tornado.csv", &c, &err)))
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
    if ((rc = rs_csv_close(&c, &o, &err)))
        goto out;
    if (a.xlsx && (rc = rs_workbook_sweep(&o, &s, &src, metric, base, rows, nrows,
                                          a.plot.opts.lang == RS_LANG_ZH, &err)))
        goto out;
    if ((rc = rs_plot_tornado_maybe(&o, &s, metric, base, bars, nrows, &a.plot, &err)))
        goto out;
    if ((rc = rs_outset_commit(&o, &err)))
        goto out;
    if (!a.quiet) {
        char b0[48], v0[48], v1[48], m0[48], m1[48], sw[48];
        printf("%s: %s, base case %s; parameters by swing\n", s.scen.text[SC_NAME],
               rs_metrics[metric].name, rs_fmt_human(base, b0, sizeof b0));
        printf("  %-4s %-38s %-22s %-14s %-14s %s\n", "rank", "parameter", "low .. high",
               "metric at low", "at high", "swing");
        for (int i = 0; i < nrows && i < 20; i++) {
            const rs_range *g = &s.ranges[rows[i].range];
            char range[64];
            snprintf(range, sizeof range, "%s .. %s", rs_fmt_human(g->low, v0, sizeof v0),
                     rs_fmt_human(g->high, v1, sizeof v1));
            printf("  %-4d %-38s %-22s %-14s %-14s %s\n", i + 1, labels[i], range,
                   rs_fmt_human(rows[i].metric_low, m0, sizeof m0),
                   rs_fmt_human(rows[i].metric_high, m1, sizeof m1),
                   rs_fmt_human(rows[i].swing, sw, sizeof sw));
        }
        if (nrows > 20)
            printf("  (%d more in tornado.csv)\n", nrows - 20);
        printf("wrote tornado.csv%s%s to %s/\n", a.xlsx ? ", " RS_WORKBOOK_SWEEP_FILE : "",
               a.plot.enabled ? " and the tornado chart" : "", a.outdir);
    }
out:
    if (rc)
        rs_outset_abort(&o);
    free(rows);
    free(bars);
    free(labels);
    rs_scenario_release(&s);
    rs_source_release(&src);
    return rc ? rs_report(cmd->name, rc, err.msg) : 0;
}

int rs_cmd_solve(int argc, char **argv, const rs_command *cmd)
{
    an_args a = {0};
    rs_plot_args_init(&a.plot);
    int at = rs_opt_parse(argc, argv, rs_solve_opts, cmd, an_set, &a);
    if (at == -2)
        return 0;
    if (at < 0)
        return RS_EUSAGE;
    if (!a.forp || !a.metric || !a.target) {
        fprintf(stderr, "revsim solve: --for, --metric and --target are required\n"
                        "usage: revsim %s\n", cmd->usage);
        return RS_EUSAGE;
    }
    int metric = metric_arg(cmd->name, a.metric);
    double target, lo = NAN, hi = NAN;
    if (metric < 0)
        return RS_EUSAGE;
    if (rs_metrics[metric].unit == RS_U_PROB) {
        fprintf(stderr, "revsim solve: %s is a Monte Carlo probability; solve works on the base "
                        "case, where it is only 0 or 1 (solve for coverage_stabilized = 1 "
                        "instead)\n", rs_metrics[metric].name);
        return RS_EUSAGE;
    }
    if (rs_parse_number(a.target, &target) != 0) {
        fprintf(stderr, "revsim solve: --target '%s' is not a number\n", a.target);
        return RS_EUSAGE;
    }
    if (a.bracket) {
        char buf[128], *colon;
        snprintf(buf, sizeof buf, "%s", a.bracket);
        if (!(colon = strchr(buf, ':')) || (*colon = '\0', rs_parse_number(buf, &lo)) ||
            rs_parse_number(colon + 1, &hi) || !(lo < hi)) {
            fprintf(stderr, "revsim solve: --bracket must be A:B with A < B, got '%s'\n",
                    a.bracket);
            return RS_EUSAGE;
        }
    }
    rs_scenario s;
    rs_source src;
    rs_error err = {0};
    rs_handle h = {0};
    int rc = load_one(argc, argv, at, cmd, &s, &src, &err);
    if (rc)
        goto out;
    rs_status hs = rs_scenario_handle(&s, a.forp, &h);
    if (hs == RS_S_NOMEM) {
        rc = rs_error_set(&err, RS_ESOFTWARE, "out of memory");
        goto out;
    }
    if (hs != RS_S_OK) {
        rc = rs_error_set(&err, RS_EUSAGE, "--for '%s': no such parameter in %s (write "
                          "SECTION.KEY or SECTION.KEY@Y, e.g. shops:east.rent_uplift)", a.forp,
                          argv[at]);
        goto out;
    }
    const rs_param *p = h.p;
    if (p->type != RS_P_NUM && p->type != RS_P_INT) {
        rc = rs_error_set(&err, RS_EUSAGE, "--for '%s': only numeric parameters can be "
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
            rc = rs_error_set(&err, RS_EUSAGE, "--for '%s' has no low/high in %s: give "
                              "--bracket A:B", a.forp, argv[at]);
            goto out;
        }
    }
    if (lo < p->min || hi > p->max) {   /* answers outside the bounds would not read back */
        rc = rs_error_set(&err, RS_EUSAGE, "--bracket %g:%g leaves the bounds of %s (%g to %g)",
                          lo, hi, a.forp, p->min, p->max);
        goto out;
    }
    double x, fa, fb;
    int sr = rs_solve(&s, &h, metric, target, lo, hi, &x, &fa, &fb);
    if (sr == 1)
        rc = rs_error_set(&err, RS_EDATA, "target %s = %g is not bracketed: it is %g at %s = %g "
                          "and %g at %g; widen --bracket", rs_metrics[metric].name, target, fa,
                          a.forp, lo, fb, hi);
    else if (sr == 2)
        rc = rs_error_set(&err, RS_EDATA, "%s is empty at an end of the bracket or the solver "
                          "did not converge (%s = %g at %g, %g at %g)", rs_metrics[metric].name,
                          rs_metrics[metric].name, fa, lo, fb, hi);
    else if (sr < 0)
        rc = rs_error_set(&err, RS_ESOFTWARE, "out of memory");
    if (rc)
        goto out;
    {
        const char *dot = strrchr(a.forp, '.');
        char shown[64];
        snprintf(shown, sizeof shown, p->type == RS_P_INT ? "%.0f" : "%.6g", x);
        printf("%s = %s makes %s %s %g (searched %g .. %g; base value %g%s)\n", a.forp, shown,
               rs_metrics[metric].name, p->type == RS_P_INT ? "reach" : "=", target, lo, hi,
               h.value, h.n > 1 ? "; it moves every section that copies the row" : "");
        printf("scenario row:\n%.*s,%s,%s\n", (int)(dot - a.forp), a.forp, dot + 1, shown);
    }
out:
    rs_handle_release(&h);
    rs_scenario_release(&s);
    rs_source_release(&src);
    return rc ? rs_report(cmd->name, rc, err.msg) : 0;
}

/* Read month,value columns (by header name) of a history file. */
static int read_history(const char *path, double **m, double **v, int *n, rs_error *err)
{
    rs_table t;
    memset(&t, 0, sizeof t);
    int rc = rs_table_read(path, path, &t, err), cm = -1, cv = -1;
    *m = *v = NULL;
    *n = 0;
    if (rc)
        goto out;
    if (t.nrows < 1) {
        rc = rs_error_set(err, RS_EDATA, "%s: empty file (expected month,value)", path);
        goto out;
    }
    for (int k = 0; k < t.nfields[0]; k++) {
        if (strcmp(t.fields[0][k], "month") == 0) cm = k;
        if (strcmp(t.fields[0][k], "value") == 0) cv = k;
    }
    if (cm < 0 || cv < 0) {
        rc = rs_error_set(err, RS_EDATA, "%s:%d: header: need columns 'month' and 'value'", path,
                          t.lines[0]);
        goto out;
    }
    *m = malloc((size_t)t.nrows * sizeof **m);
    *v = malloc((size_t)t.nrows * sizeof **v);
    if (!*m || !*v) {
        rc = rs_error_set(err, RS_ESOFTWARE, "out of memory");
        goto out;
    }
    for (int r = 1; r < t.nrows; r++) {
        const char *ms = cm < t.nfields[r] ? t.fields[r][cm] : "";
        const char *vs = cv < t.nfields[r] ? t.fields[r][cv] : "";
        if (!*ms && !*vs)
            continue;
        double mm, vv;
        if (rs_parse_number(ms, &mm) != 0 || mm < 1 || mm != floor(mm)) {
            rc = rs_error_set(err, RS_EDATA, "%s:%d: month: '%s' is not a month number >= 1",
                              path, t.lines[r], ms);
            goto out;
        }
        if (rs_parse_number(vs, &vv) != 0) {
            rc = rs_error_set(err, RS_EDATA, "%s:%d: value: '%s' is not a number", path,
                              t.lines[r], vs);
            goto out;
        }
        (*m)[*n] = mm;
        (*v)[*n] = vv;
        (*n)++;
    }
out:
    rs_table_release(&t);
    return rc;
}

/* One fitted value as a scenario row with its 90% interval as low/high
 * (normal: low/high are the 5th/95th percentiles), kept in [0, 1] for
 * shares; triangular when clamping makes the interval touch the value. */
static void fit_row(const char *sec, const char *key, double v, double se, int fraction,
                    double r2, const char *path)
{
    if (fraction && v < 0)   /* a share stays in [0, 1] */
        v = 0;
    if (fraction && v > 1)
        v = 1;
    double lo = v - RS_Z95 * se, hi = v + RS_Z95 * se;
    if (lo < 0 && v >= 0)
        lo = 0;
    if (fraction && hi > 1)
        hi = 1;
    const char *dist = lo < v && v < hi ? "normal" : "triangular";
    if (!(se > 0) || !isfinite(se))
        printf("%s,%s,%.6g,,,,,fitted from %s (R^2 %.3f)\n", sec, key, v, path, r2);
    else
        printf("%s,%s,%.6g,%.6g,%.6g,%s,,fitted from %s (R^2 %.3f)\n", sec, key, v, lo, hi,
               dist, path, r2);
}

int rs_cmd_fit(int argc, char **argv, const rs_command *cmd)
{
    an_args a = {0};
    a.shape = RS_SHAPE_LOGISTIC;
    rs_plot_args_init(&a.plot);
    int at = rs_opt_parse(argc, argv, rs_fit_opts, cmd, an_set, &a);
    if (at == -2)
        return 0;
    if (at < 0)
        return RS_EUSAGE;
    if (argc - at != 1) {
        fprintf(stderr, "revsim fit: give one HISTORY.csv file\nusage: revsim %s\n", cmd->usage);
        return RS_EUSAGE;
    }
    const char *path = argv[at];
    char sec[RS_NAME_MAX + 32] = "", qty[64] = "";
    if (a.as) {
        const char *dot = strrchr(a.as, '.');
        if (!dot || dot == a.as || !dot[1] || (size_t)(dot - a.as) >= sizeof sec ||
            strlen(dot + 1) >= sizeof qty) {
            fprintf(stderr, "revsim fit: --as must be SECTION.QUANTITY, e.g. "
                            "shops:east.occupancy, got '%s'\n", a.as);
            return RS_EUSAGE;
        }
        snprintf(sec, sizeof sec, "%.*s", (int)(dot - a.as), a.as);
        snprintf(qty, sizeof qty, "%s", dot + 1);
        size_t ql = strlen(qty), cut = 0;
        if (ql > 6 && strcmp(qty + ql - 6, "_start") == 0)
            cut = 6;
        if (ql > 7 && strcmp(qty + ql - 7, "_target") == 0)
            cut = 7;
        if (cut) {
            fprintf(stderr, "revsim fit: --as takes the quantity without _start/_target, e.g. "
                            "%s.%.*s\n", sec, (int)(ql - cut), qty);
            return RS_EUSAGE;
        }
    }
    rs_error err = {0};
    double *m = NULL, *v = NULL;
    int n = 0;
    rs_fit_result f;
    int rc = read_history(path, &m, &v, &n, &err);
    if (!rc) {
        int fr = rs_fit_ramp(m, v, n, a.shape, &f);
        if (fr == 1)
            rc = rs_error_set(&err, RS_EDATA, "%s: %s", path,
                              n < 4 ? "need at least 4 observations to fit a ramp"
                                    : "no ramp found (the values are flat, or the fit did not "
                                      "converge)");
        else if (fr < 0)
            rc = rs_error_set(&err, RS_ESOFTWARE, "out of memory");
    }
    int fraction = n > 0;   /* every observation in [0, 1]: a share, kept in [0, 1] */
    for (int i = 0; i < n; i++)
        fraction &= v[i] >= 0 && v[i] <= 1;
    free(m);
    free(v);
    if (rc)
        return rs_report(cmd->name, rc, err.msg);
    printf("%s: %d observations, %s ramp (month 1 = the ramp's start month)\n", path, f.n,
           a.shape == RS_SHAPE_LINEAR ? "linear" : "logistic");
    printf("  %-14s %12.6g  (standard error %.3g)\n", "start", f.start, f.se_start);
    printf("  %-14s %12.6g  (standard error %.3g)\n", "target", f.target, f.se_target);
    printf("  %-14s %12.6g  (standard error %.3g; in a scenario: %ld)\n", "ramp_months", f.ramp,
           f.se_ramp, lround(f.ramp));
    printf("  %-14s %12.4f   rmse %.4g\n", "R^2", f.r2, f.rmse);
    if (a.as) {
        char key[96];
        printf("scenario rows (low/high: the 90%% interval from the standard errors):\n"
               "section,key,value,low,high,dist,unit,note\n");
        snprintf(key, sizeof key, "%s_start", qty);
        fit_row(sec, key, f.start, f.se_start, fraction, f.r2, path);
        snprintf(key, sizeof key, "%s_target", qty);
        fit_row(sec, key, f.target, f.se_target, fraction, f.r2, path);
        long R = lround(f.ramp);
        long lo = (long)floor(f.ramp - RS_Z95 * f.se_ramp), hi = (long)ceil(f.ramp + RS_Z95 * f.se_ramp);
        if (lo < 0)
            lo = 0;
        if (lo > R)
            lo = R;
        if (hi < R)
            hi = R;
        printf("%s,ramp_months,%ld,%ld,%ld,triangular,months,fitted: %.2f months from %s\n", sec, R,
               lo, hi, f.ramp, path);
        printf("%s,ramp_shape,%s,,,,,\n", sec, a.shape == RS_SHAPE_LINEAR ? "linear" : "logistic");
    }
    return 0;
}
