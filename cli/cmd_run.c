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

typedef struct {
    const char *outdir;
    int quiet, excel, strict, xlsx;
    rs_mc_args mc;
    rs_plot_args plot;
} run_args;
static run_args run_a;   /* what rs_run_opts binds; reset by every rs_cmd_run */

const rs_option rs_run_opts[] = {
    OPT_STRING('o', "output", &run_a.outdir, "DIR",
               "output folder (default out/<scenario file stem>/)"),
    OPT_MC(&run_a.mc, "the scenario's"),
    OPT_PLOTS(&run_a.plot),
    OPT_EXCEL(&run_a.excel),
    OPT_NO_XLSX(&run_a.xlsx, RS_WORKBOOK_FILE),
    OPT_STRICT(&run_a.strict),
    OPT_BOOL('q', "quiet", &run_a.quiet, "print no summary"),
    OPT_END(),
};

static int check_strict;   /* what rs_check_opts binds */

const rs_option rs_check_opts[] = {
    OPT_BOOL(0, "strict", &check_strict, "treat warnings as errors"),
    OPT_END(),
};

int rs_cmd_run(int argc, char **argv, const rs_command *cmd, rs_error *err)
{
    run_args a = {.mc = RS_MC_ARGS_INIT, .xlsx = 1};
    rs_plot_args_init(&a.plot);
    run_a = a;
    int at, rc = rs_opt_parse(argc, argv, cmd, &at, err);
    if (rc)
        return rc;
    a = run_a;
    const char *path = argv[at];

    rs_scenario s;
    rs_source src;
    rs_results *r = NULL;
    rs_mc_results *mc = NULL;
    rs_outset o;
    memset(&o, 0, sizeof o);
    char dirbuf[4096];

    rs_scenario_init(&s);
    rs_source_init(&src);
    if ((rc = rs_scenario_load(&s, &src, path, err)))
        goto out;
    if (!(r = rs_results_alloc(&s))) {
        rc = rs_error_set(err, RS_ESOFTWARE, "out of memory");
        goto out;
    }
    if (!a.outdir) {
        snprintf(dirbuf, sizeof dirbuf, "out/%s", src.stem);
        a.outdir = dirbuf;
    }
    /* the folder is checked before a long Monte Carlo, not after it */
    if ((rc = rs_outset_init(&o, a.outdir, a.excel, err)))
        goto out;
    o.manifest = ".revsim-run";
    rs_model_run(&s, r);
    rs_scenario_check_results(&src, &s, r);
    if ((rc = rs_strict(&src, a.strict, err)))   /* then one error line, no warnings */
        goto out;
    if (a.xlsx && (rc = rs_workbook_run_fits(&o, &s, &src, r, err)))
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
            rc = rs_error_set(err, rs_status_code(st), "Monte Carlo: %s", rs_strerror(st));
            goto out;
        }
    }
    int ncsv = 0;
    if ((rc = rs_write_results(&o, &s, r, mc, &ncsv, err)))
        goto out;
    if (a.xlsx && (rc = rs_workbook_run(&o, &s, &src, r, mc, a.plot.opts.lang == RS_LANG_ZH,
                                        err)))
        goto out;
    /* a chart that fails (gnuplot, a full disk) fails the set: nothing is committed */
    const int n0 = o.n;
    if ((rc = rs_plot_run_maybe(&o, &s, r, mc, &a.plot, cmd->name, err)))
        goto out;
    const int ncharts = o.n - n0;
    if ((rc = rs_outset_commit(&o, err)))
        goto out;
    if (!a.quiet) {
        rs_print_summary(stdout, &s, r, mc, path);
        rs_print_levers(stdout, &s, r, 20);
        rs_print_communities(stdout, &s, r, 20);
        char n1[48], n2[48], dir[4096];
        printf("wrote %s%s", rs_count(ncsv, "CSV file", "CSV files", n1, sizeof n1),
               a.xlsx ? ", " RS_WORKBOOK_FILE : "");
        if (ncharts > 0)
            printf(" and %s", rs_count(ncharts, "chart", "charts", n2, sizeof n2));
        printf(" to %s/\n", rs_tty(a.outdir, dir, sizeof dir));
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
    return rc;
}

int rs_cmd_check(int argc, char **argv, const rs_command *cmd, rs_error *err)
{
    check_strict = 0;
    int at, rc = rs_opt_parse(argc, argv, cmd, &at, err);
    if (rc)
        return rc;
    const char *path = argv[at];
    const int strict = check_strict;
    rs_scenario s;
    rs_source src;
    rs_scenario_init(&s);
    rs_source_init(&src);
    rc = rs_scenario_load(&s, &src, path, err);
    rs_results *r = rc ? NULL : rs_results_alloc_lean(&s);
    if (!rc && !r)
        rc = rs_error_set(err, RS_ESOFTWARE, "out of memory");
    if (!rc) {   /* the base case, for the results' plausibility */
        rs_model_run(&s, r);
        rs_scenario_check_results(&src, &s, r);
        if (!(rc = rs_strict(&src, strict, err)))
            rs_print_warnings(&src, cmd->name);
    }
    rs_results_free(r);
    if (!rc) {
        char p[4096], name[512], c[5][64];
        printf("%s: ok (%s; %s, %s, %s, %s, %s)\n", rs_tty(path, p, sizeof p),
               rs_tty(s.scen.text[SC_NAME], name, sizeof name),
               rs_count(s.ncom, "community", "communities", c[0], sizeof c[0]),
               rs_count(s.nlev, "lever", "levers", c[1], sizeof c[1]),
               rs_count(s.nranges, "ranged parameter", "ranged parameters", c[2], sizeof c[2]),
               rs_count(s.ncorr, "correlation", "correlations", c[3], sizeof c[3]),
               rs_count((long)s.scen.v[SC_HORIZON], "year", "years", c[4], sizeof c[4]));
    }
    rs_scenario_release(&s);
    rs_source_release(&src);
    return rc;
}
