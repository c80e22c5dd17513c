/* cmd_compare.c: `revsim compare A.csv B.csv ...`: every scenario with the
 * same seed and runs, gains over a baseline, comparison CSVs, charts and
 * the proposal pack. */
#define _POSIX_C_SOURCE 200809L
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "cli.h"
#include "../io/comparison.h"
#include "../io/results.h"
#include "summary.h"
#include "plotopts.h"
#include "../report/report.h"

enum { OPT_OUTPUT = 'o', OPT_QUIET = 'q', OPT_BASELINE = 6000, OPT_NOREPORT, OPT_AUTHOR,
       OPT_ORG, OPT_PURPOSE, OPT_NOTES, OPT_TORNADO };

const rs_opt rs_compare_opts[] = {
    {"baseline", 'b', "FILE", "the scenario gains are measured against (default: the first)",
     OPT_BASELINE},
    {"output", 'o', "DIR", "output folder (default out/compare/)", OPT_OUTPUT},
    RS_MC_OPTS("Monte Carlo runs for every scenario (default: the baseline's `runs`)",
               "Monte Carlo seed for every scenario (default: the baseline's `seed`)"),
    RS_PLOT_OPTS,
    {"no-report", 0, NULL, "write no report.html", OPT_NOREPORT},
    {"author", 0, "TEXT", "the report's author (default: scenario,author)", OPT_AUTHOR},
    {"organisation", 0, "TEXT", "the organisation proposing it (default: scenario,organisation)",
     OPT_ORG},
    {"purpose", 0, "TEXT", "what the proposal asks for (default: scenario,purpose)", OPT_PURPOSE},
    {"notes", 0, "FILE", "the planner's text for the report (plain text or Markdown)", OPT_NOTES},
    {"tornado-metric", 0, "NAME", "the metric each scenario's tornado chart shows (default "
     "coverage_stabilized)", OPT_TORNADO},
    {"quiet", 'q', NULL, "print no table", OPT_QUIET},
    {"help", 'h', NULL, "show this help", RS_OPT_HELP},
    {NULL, 0, NULL, NULL, 0},
};

typedef struct {
    const char *baseline, *outdir, *notes;
    rs_mc_args mc;
    int quiet, report;
    rs_plot_args plot;
    rs_report_opts ro;
} cmp_args;

static int cmp_set(int id, const char *arg, void *ctx)
{
    cmp_args *a = ctx;
    switch (id) {
    case OPT_BASELINE: a->baseline = arg; break;
    case OPT_OUTPUT: a->outdir = arg; break;
    case OPT_QUIET: a->quiet = 1; break;
    case OPT_NOREPORT: a->report = 0; break;
    case OPT_AUTHOR: a->ro.author = arg; break;
    case OPT_ORG: a->ro.organisation = arg; break;
    case OPT_PURPOSE: a->ro.purpose = arg; break;
    case OPT_NOTES: a->notes = arg; break;
    case OPT_TORNADO:
        if ((a->ro.tornado_metric = rs_metric_find(arg)) < 0) {
            fprintf(stderr, "revsim compare: --tornado-metric: unknown metric '%s' (see "
                    "summary.csv's names)\n", arg);
            return -1;
        }
        break;
    default: {
        int rc = rs_mc_set(&a->mc, id, arg);
        return rc <= 0 ? rc : rs_plot_set(&a->plot, id, arg);
    }
    }
    return 0;
}

static void print_table(const rs_compare *c)
{
    const char *cur = c->items[c->baseline].s.scen.text[SC_CURRENCY];
    printf("%-28s %14s %14s %14s %14s %9s %10s\n", "scenario", "revenue stab.", "gain",
           "npv", "npv gain", "coverage", "P(covered)");
    for (int i = 0; i < c->n; i++) {
        const rs_cmp_item *it = &c->items[i];
        const double *m = it->r->metric;
        char cov[32], pc[32], rv[48], g[48], npv[48], gn[48];
        if (isnan(m[MT_COVERAGE_STAB]))
            snprintf(cov, sizeof cov, "-");
        else
            snprintf(cov, sizeof cov, "%.1f%%", 100 * m[MT_COVERAGE_STAB]);
        if (it->mc)
            snprintf(pc, sizeof pc, "%.1f%%", 100 * it->mc->metric[MT_P_COVERED_STAB][MC_MEAN]);
        else
            snprintf(pc, sizeof pc, "-");
        printf("%-28.28s %14s %14s %14s %14s %9s %10s%s\n", it->id,
               rs_fmt_human(m[MT_REVENUE_STAB], rv, sizeof rv),
               rs_fmt_human(rs_compare_gain(c, i, MT_REVENUE_STAB), g, sizeof g),
               rs_fmt_human(m[MT_NPV], npv, sizeof npv),
               rs_fmt_human(rs_compare_gain(c, i, MT_NPV), gn, sizeof gn), cov, pc,
               i == c->baseline ? "  (baseline)" : "");
    }
    printf("(amounts in %s; gains over the baseline", cur);
    if (c->runs > 0)
        printf("; Monte Carlo: %ld runs, seed %lu, for every scenario", c->runs, c->seed);
    printf(")\n");
}

int rs_cmd_compare(int argc, char **argv, const rs_command *cmd)
{
    cmp_args a = {0};
    rs_mc_args_init(&a.mc);
    a.report = 1;
    rs_plot_args_init(&a.plot);
    rs_report_opts_init(&a.ro);
    int at = rs_opt_parse(argc, argv, rs_compare_opts, cmd, cmp_set, &a);
    if (at == -2)
        return 0;
    if (at < 0)
        return RS_EUSAGE;
    if (argc - at < 1 || (argc - at < 2 && !a.baseline)) {
        fprintf(stderr, "revsim compare: give at least two scenario files\nusage: revsim %s\n",
                cmd->usage);
        return RS_EUSAGE;
    }
    rs_compare c;
    rs_error err = {0};
    rs_outset o;
    memset(&o, 0, sizeof o);
    char *notes = NULL;
    rs_compare_init(&c);
    int rc = rs_compare_load(&c, argv + at, argc - at, a.baseline, &err);
    if (rc || (a.notes && a.report && (rc = rs_notes_load(a.notes, &notes, &err))) ||
        (rc = rs_compare_want_sweep(&c, a.ro.tornado_metric, &err)))
        goto out;
    a.ro.notes = notes;
    for (int i = 0; i < c.n; i++)
        rs_print_warnings(&c.items[i].src, cmd->name);
    if (c.n < 2) {
        rc = rs_error_set(&err, RS_EUSAGE, "give at least two different scenario files (the "
                          "baseline counts as one)");
        goto out;
    }
    /* amounts in different currencies cannot be subtracted */
    const char *cur = c.items[c.baseline].s.scen.text[SC_CURRENCY];
    for (int i = 0; i < c.n; i++) {
        const char *ci = c.items[i].s.scen.text[SC_CURRENCY];
        if (cur && ci && strcmp(ci, cur) != 0) {
            rc = rs_error_set(&err, RS_EDATA, "%s: scenario.currency: '%s' differs from the "
                              "baseline's '%s'; amounts in different currencies cannot be compared",
                              c.items[i].path, ci, cur);
            goto out;
        }
    }
    if (!a.outdir)
        a.outdir = "out/compare";
    if ((rc = rs_outset_init(&o, a.outdir, 0, &err)))   /* before the long part */
        goto out;
    o.manifest = ".revsim-compare";
    if ((rc = rs_compare_run(&c, a.mc.runs, a.mc.seed, rs_mc_threads(&a.mc),
                             isatty(2) && !a.quiet ? rs_progress_bar : NULL, &err)) ||
        (rc = rs_compare_write_csv(&o, &c, &err)))
        goto out;
    int prc = rs_plot_compare_maybe(&o, &c, &a.plot, &err);
    if (!prc && a.report)
        prc = rs_report_write(&o, &c, &a.plot, &a.ro, &err);
    if ((rc = rs_outset_commit(&o, &err)))
        goto out;
    rc = prc;
    if (rc)
        goto out;
    if (!a.quiet) {
        print_table(&c);
        if (c.horizons_differ)
            printf("note: horizons differ; comparison_annual.csv covers the %d years every "
                   "scenario has\n", c.years);
        printf("wrote comparison.csv, comparison_annual.csv%s%s to %s/\n",
               a.plot.enabled ? ", charts" : "", a.report ? ", report.html" : "", a.outdir);
    }
out:
    if (rc && o.dir)
        rs_outset_abort(&o);
    rs_compare_release(&c);
    free(notes);
    return rc ? rs_report(cmd->name, rc, err.msg) : 0;
}
