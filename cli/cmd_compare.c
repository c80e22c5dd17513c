/* cmd_compare.c: `revsim compare A.csv B.csv ...`: every scenario with the
 * same seed and runs, gains over a baseline, comparison CSVs, charts and
 * the proposal pack. */
#define _POSIX_C_SOURCE 200809L
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "../base/utf8.h"
#include "../base/suggest.h"
#include "cli.h"
#include "../io/comparison.h"
#include "../io/results.h"
#include "../io/workbook.h"
#include "summary.h"
#include "plotopts.h"
#include "../report/report.h"

typedef struct {
    const char *baseline, *outdir, *notes;
    rs_mc_args mc;
    int quiet, report, excel, strict, xlsx;
    rs_plot_args plot;
    rs_report_opts ro;
} cmp_args;
static cmp_args cmp_a;   /* what rs_compare_opts binds; reset by every rs_cmd_compare */

static int tornado_arg(const rs_option *opt, const char *arg, rs_error *err)
{
    int k = rs_metric_find(arg);
    char hint[96];
    if (k < 0)
        return rs_error_set(err, RS_EUSAGE, "option '--%s': unknown metric '%s'%s", opt->lng, arg,
                            *rs_suggest(arg, &rs_metrics[0].name, sizeof rs_metrics[0], MT_N, hint,
                                        sizeof hint) ? hint : " (see summary.csv's names)");
    *(int *)opt->value = k;
    return RS_OK;
}

const rs_option rs_compare_opts[] = {
    OPT_STRING('b', "baseline", &cmp_a.baseline, "FILE",
               "the scenario gains are measured against (default: the first)"),
    OPT_STRING('o', "output", &cmp_a.outdir, "DIR", "output folder (default out/compare/)"),
    OPT_MC(&cmp_a.mc, "the baseline's"),
    OPT_PLOTS(&cmp_a.plot),
    OPT_EXCEL(&cmp_a.excel),
    OPT_SET_INT(0, "no-report", &cmp_a.report, 0, "write no report.html"),
    OPT_STRING(0, "author", &cmp_a.ro.author, "TEXT",
               "the report's author (default: scenario,author)"),
    OPT_STRING(0, "organisation", &cmp_a.ro.organisation, "TEXT",
               "the organisation proposing it (default: scenario,organisation)"),
    OPT_STRING(0, "purpose", &cmp_a.ro.purpose, "TEXT",
               "what the proposal asks for (default: scenario,purpose)"),
    OPT_STRING(0, "notes", &cmp_a.notes, "FILE",
               "the planner's text for the report (plain text or Markdown)"),
    OPT_CALLBACK(0, "tornado-metric", &cmp_a.ro.tornado_metric, "NAME",
                 "the metric each scenario's tornado chart shows (default coverage_stabilized)",
                 tornado_arg),
    OPT_NO_XLSX(&cmp_a.xlsx, RS_WORKBOOK_FILE),
    OPT_STRICT(&cmp_a.strict),
    OPT_BOOL('q', "quiet", &cmp_a.quiet, "print no table"),
    OPT_END(),
};

/* The comparison table: one row a scenario, ids and currency cleaned and
 * padded by display width; empty values in the metric table's words; the
 * P(covered) column only after Monte Carlo. */
static void print_table(const rs_compare *c)
{
    char cur[64], id[160];
    rs_tty(c->items[c->baseline].s.scen.text[SC_CURRENCY], cur, sizeof cur);
    const int mc = c->runs > 0;
    printf("%s %14s %14s %14s %14s %10s%s\n", rs_utf8_pad("scenario", 28, id, sizeof id),
           "revenue stab.", "gain", "npv", "npv gain", "coverage", mc ? " P(covered)" : "");
    for (int i = 0; i < c->n; i++) {
        const rs_cmp_item *it = &c->items[i];
        const double *m = it->r->metric;
        char cov[32], pc[32] = "n/a", rv[48], g[48], npv[48], gn[48];
        if (isnan(m[MT_COVERAGE_STAB]))
            snprintf(cov, sizeof cov, "%s", rs_metrics[MT_COVERAGE_STAB].empty_en);
        else
            snprintf(cov, sizeof cov, "%.1f%%", 100 * m[MT_COVERAGE_STAB]);
        if (it->mc)
            snprintf(pc, sizeof pc, "%.1f%%", 100 * it->mc->metric[MT_P_COVERED_STAB][MC_MEAN]);
        printf("%s %14s %14s %14s %14s %10s", rs_utf8_pad(it->id, 28, id, sizeof id),
               rs_fmt_human(m[MT_REVENUE_STAB], rv, sizeof rv),
               rs_fmt_human(rs_compare_gain(c, i, MT_REVENUE_STAB), g, sizeof g),
               rs_fmt_human(m[MT_NPV], npv, sizeof npv),
               rs_fmt_human(rs_compare_gain(c, i, MT_NPV), gn, sizeof gn), cov);
        if (mc)
            printf(" %10s", pc);
        printf("%s\n", i == c->baseline ? "  (baseline)" : "");
    }
    printf("(amounts in %s; gains over the baseline", cur);
    if (mc) {
        char r[48];
        printf("; Monte Carlo: %s, seed %lu, for every scenario",
               rs_count(c->runs, "run", "runs", r, sizeof r), c->seed);
    }
    printf(")\n");
}

int rs_cmd_compare(int argc, char **argv, const rs_command *cmd, rs_error *err)
{
    cmp_args a = {.mc = RS_MC_ARGS_INIT, .report = 1, .xlsx = 1};
    rs_plot_args_init(&a.plot);
    rs_report_opts_init(&a.ro);
    cmp_a = a;
    int at, rc = rs_opt_parse(argc, argv, cmd, &at, err);
    if (rc)
        return rc;
    a = cmp_a;
    if (argc - at < 1 || (argc - at < 2 && !a.baseline))
        return rs_error_set(err, RS_EUSAGE, "give at least two scenario files");
    rs_compare c;
    rs_outset o;
    memset(&o, 0, sizeof o);
    char *notes = NULL;
    rs_compare_init(&c);
    rc = rs_compare_load(&c, argv + at, argc - at, a.baseline, err);
    if (rc || (a.notes && a.report && (rc = rs_notes_load(a.notes, &notes, err))) ||
        (rc = rs_compare_want_sweep(&c, a.ro.tornado_metric, err)))
        goto out;
    a.ro.notes = notes;
    if (c.n < 2) {
        rc = rs_error_set(err, RS_EUSAGE, "give at least two different scenario files (the "
                          "baseline counts as one)");
        goto out;
    }
    /* amounts in different currencies cannot be subtracted */
    const char *cur = c.items[c.baseline].s.scen.text[SC_CURRENCY];
    for (int i = 0; i < c.n; i++) {
        const char *ci = c.items[i].s.scen.text[SC_CURRENCY];
        if (cur && ci && strcmp(ci, cur) != 0) {
            rc = rs_error_set(err, RS_EDATA, "%s: scenario.currency: '%s' differs from the "
                              "baseline's '%s'; amounts in different currencies cannot be compared",
                              c.items[i].path, ci, cur);
            goto out;
        }
    }
    if (!a.outdir)
        a.outdir = "out/compare";
    if ((rc = rs_outset_init(&o, a.outdir, a.excel, err)))   /* before the long part */
        goto out;
    o.manifest = ".revsim-compare";
    if (a.xlsx && (rc = rs_workbook_compare_fits(&o, &c, err)))   /* before the runs */
        goto out;
    if ((rc = rs_compare_run(&c, a.mc.runs, a.mc.seed, rs_mc_threads(&a.mc),
                             isatty(2) && !a.quiet ? rs_progress_bar : NULL, err)))
        goto out;
    for (int i = 0; i < c.n && !rc; i++)
        rc = rs_strict(&c.items[i].src, a.strict, err);
    if (rc || (rc = rs_compare_write_csv(&o, &c, err)))
        goto out;
    if (a.xlsx && (rc = rs_workbook_compare(&o, &c, a.plot.opts.lang == RS_LANG_ZH, err)))
        goto out;
    /* a chart or the report that fails fails the set: nothing is committed */
    if ((rc = rs_plot_compare_maybe(&o, &c, &a.plot, cmd->name, err)) ||
        (a.report && (rc = rs_report_write(&o, &c, &a.plot, &a.ro, err))))
        goto out;
    if ((rc = rs_outset_commit(&o, err)))
        goto out;
    if (!a.quiet) {
        print_table(&c);
        if (c.horizons_differ)
            printf("note: horizons differ; comparison_annual.csv covers the %d years every "
                   "scenario has\n", c.years);
        char dir[4096];
        printf("wrote comparison.csv, comparison_annual.csv%s%s%s to %s/\n",
               a.xlsx ? ", " RS_WORKBOOK_FILE : "", a.plot.enabled ? ", charts" : "",
               a.report ? ", report.html" : "", rs_tty(a.outdir, dir, sizeof dir));
    }
out:
    if (rc && o.dir)
        rs_outset_abort(&o);
    for (int i = 0; i < c.n && !rc; i++)   /* the reader's and the results' warnings */
        rs_print_warnings(&c.items[i].src, cmd->name);
    rs_compare_release(&c);
    free(notes);
    return rc;
}
