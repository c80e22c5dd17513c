/* cmd_run.c: `revsim run` and `revsim check`: read, validate, run the base
 * case, write the result files atomically, print the summary. */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "cli.h"
#include "../io/results.h"
#include "../io/workbook.h"
#include "summary.h"
#include "plotopts.h"
#include "../io/scenario.h"

enum { OPT_OUTPUT = 'o', OPT_QUIET = 'q', OPT_EXCEL = 2000, OPT_STRICT, OPT_NOXLSX };

const rs_opt rs_run_opts[] = {
    {"output", 'o', "DIR", "output folder (default out/<scenario file stem>/)", OPT_OUTPUT},
    RS_MC_OPTS("Monte Carlo runs (default: the scenario's `runs`, 1000; 0 = none)",
               "Monte Carlo seed (default: the scenario's `seed`, 1)"),
    RS_PLOT_OPTS,
    {"excel", 0, NULL, "start CSV files with a UTF-8 BOM so Excel shows Chinese names",
     OPT_EXCEL},
    {"no-xlsx", 0, NULL, "write no results.xlsx", OPT_NOXLSX},
    {"quiet", 'q', NULL, "print no summary", OPT_QUIET},
    {"strict", 0, NULL, "treat warnings (values or results far outside their typical ranges) "
     "as errors", OPT_STRICT},
    {"help", 'h', NULL, "show this help", RS_OPT_HELP},
    {NULL, 0, NULL, NULL, 0},
};

const rs_opt rs_check_opts[] = {
    {"strict", 0, NULL, "treat warnings as errors", OPT_STRICT},
    {"help", 'h', NULL, "show this help", RS_OPT_HELP},
    {NULL, 0, NULL, NULL, 0},
};

typedef struct {
    const char *outdir;
    int quiet, excel, strict, xlsx;
    rs_mc_args mc;
    rs_plot_args plot;
} run_args;

static int run_set(int id, const char *arg, void *ctx)
{
    run_args *a = ctx;
    switch (id) {
    case OPT_OUTPUT: a->outdir = arg; break;
    case OPT_QUIET: a->quiet = 1; break;
    case OPT_EXCEL: a->excel = 1; break;
    case OPT_STRICT: a->strict = 1; break;
    case OPT_NOXLSX: a->xlsx = 0; break;
    default: {
        int rc = rs_mc_set(&a->mc, id, arg);
        return rc <= 0 ? rc : rs_plot_set(&a->plot, id, arg);
    }
    }
    return 0;
}

int rs_cmd_run(int argc, char **argv, const rs_command *cmd)
{
    run_args a = {0};
    a.xlsx = 1;
    rs_mc_args_init(&a.mc);
    rs_plot_args_init(&a.plot);
    int at = rs_opt_parse(argc, argv, rs_run_opts, cmd, run_set, &a);
    if (at == -2)
        return 0;
    const char *path = rs_one_arg(argc, argv, at, cmd);
    if (!path)
        return RS_EUSAGE;

    rs_error err = {0};
    rs_scenario s;
    rs_source src;
    rs_results *r = NULL;
    rs_mc_results *mc = NULL;
    rs_outset o;
    memset(&o, 0, sizeof o);
    char dirbuf[4096];
    int rc;

    rs_scenario_init(&s);
    rs_source_init(&src);
    if ((rc = rs_scenario_load(&s, &src, path, &err)))
        goto out;
    if (!(r = rs_results_alloc(&s))) {
        rc = rs_error_set(&err, RS_ESOFTWARE, "out of memory");
        goto out;
    }
    if (!a.outdir) {
        snprintf(dirbuf, sizeof dirbuf, "out/%s", src.stem);
        a.outdir = dirbuf;
    }
    /* the folder is checked before a long Monte Carlo, not after it */
    if ((rc = rs_outset_init(&o, a.outdir, a.excel, &err)))
        goto out;
    o.manifest = ".revsim-run";
    rs_model_run(&s, r);
    rs_scenario_check_results(&src, &s, r);
    if ((rc = rs_strict(&src, a.strict, &err)))   /* then one error line, no warnings */
        goto out;
    long runs = a.mc.runs >= 0 ? a.mc.runs : (long)s.scen.v[SC_RUNS];
    if (runs > 0) {
        rs_mc_opts mo = {runs,
                         a.mc.seed >= 0 ? (unsigned long)a.mc.seed
                                        : (unsigned long)s.scen.v[SC_SEED],
                         rs_mc_threads(&a.mc), isatty(2) && !a.quiet ? rs_progress_bar : NULL,
                         NULL};
        rs_status st = rs_mc_run(&s, &mo, &mc);
        if (st != RS_S_OK) {
            rc = rs_error_set(&err, rs_status_code(st), "Monte Carlo: %s", rs_strerror(st));
            goto out;
        }
    }
    int ncsv = 0;
    if ((rc = rs_write_results(&o, &s, r, mc, &ncsv, &err)))
        goto out;
    if (a.xlsx && (rc = rs_workbook_run(&o, &s, &src, r, mc, a.plot.opts.lang == RS_LANG_ZH,
                                        &err)))
        goto out;
    /* a failing gnuplot leaves no chart, but the CSV files are still written */
    const int n0 = o.n;
    int prc = rs_plot_run_maybe(&o, &s, r, mc, &a.plot, &err);
    const int ncharts = o.n - n0;
    if ((rc = rs_outset_commit(&o, &err)))
        goto out;
    rc = prc;
    if (rc)
        goto out;
    if (!a.quiet) {
        rs_print_summary(stdout, &s, r, mc, path);
        rs_print_levers(stdout, &s, r, 20);
        rs_print_communities(stdout, &s, r, 20);
        printf("wrote %d CSV files%s", ncsv, a.xlsx ? ", " RS_WORKBOOK_FILE : "");
        if (ncharts > 0)
            printf(" and %d charts", ncharts);
        printf(" to %s/\n", a.outdir);
    }
out:
    if (rc)
        rs_outset_abort(&o);
    else   /* a failed run says one thing: its error */
        rs_print_warnings(&src, cmd->name);
    rs_results_free(r);
    rs_mc_results_free(mc);
    rs_scenario_release(&s);
    rs_source_release(&src);
    return rc ? rs_report(cmd->name, rc, err.msg) : 0;
}

static int check_set(int id, const char *arg, void *ctx)
{
    (void)arg;
    if (id == OPT_STRICT)
        *(int *)ctx = 1;
    return 0;
}

int rs_cmd_check(int argc, char **argv, const rs_command *cmd)
{
    int strict = 0;
    int at = rs_opt_parse(argc, argv, rs_check_opts, cmd, check_set, &strict);
    if (at == -2)
        return 0;
    const char *path = rs_one_arg(argc, argv, at, cmd);
    if (!path)
        return RS_EUSAGE;
    rs_error err = {0};
    rs_scenario s;
    rs_source src;
    rs_scenario_init(&s);
    rs_source_init(&src);
    int rc = rs_scenario_load(&s, &src, path, &err);
    rs_results *r = rc ? NULL : rs_results_alloc(&s);
    if (!rc && !r)
        rc = rs_error_set(&err, RS_ESOFTWARE, "out of memory");
    if (!rc) {   /* the base case, for the results' plausibility */
        r->no_lever_irr = 1;
        rs_model_run(&s, r);
        rs_scenario_check_results(&src, &s, r);
        if (!(rc = rs_strict(&src, strict, &err)))
            rs_print_warnings(&src, cmd->name);
    }
    rs_results_free(r);
    if (!rc)
        printf("%s: ok (%s; %d communities, %d levers, %d ranged parameters, %d correlations, "
               "%d years)\n", path, s.scen.text[SC_NAME], s.ncom, s.nlev, s.nranges, s.ncorr,
               (int)s.scen.v[SC_HORIZON]);
    rs_scenario_release(&s);
    rs_source_release(&src);
    return rc ? rs_report(cmd->name, rc, err.msg) : 0;
}
