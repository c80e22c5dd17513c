/* main.c: the revsim command line. One table row per command; each command's
 * option table drives both getopt_long and its --help. Only this file prints
 * errors and picks the exit status. */
#define _POSIX_C_SOURCE 200809L
#include <getopt.h>
#include <gsl/gsl_errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "cli.h"
#include "../io/results.h"
#include "../io/scenario.h"

#ifndef RS_VERSION
#define RS_VERSION "0.1.0"
#endif

/* ------------------------------------------------------------- commands */

static const rs_command commands[] = {
    {"run", rs_cmd_run,
     "run SCENARIO [-o DIR] [--runs N] [--seed S] [--threads N] [--format png|svg|pdf] "
     "[--lang en|zh] [--no-plots] [--excel] [-q]",
     "run a scenario: summary to the terminal, CSV files to the output folder",
     rs_run_opts},
    {"check", rs_cmd_check, "check SCENARIO", "validate a scenario file; write nothing",
     rs_check_opts},
    {"sweep", rs_cmd_sweep, "sweep SCENARIO [--metric NAME] [-o DIR]",
     "move each ranged parameter to its low and high: tornado.csv and chart", rs_sweep_opts},
    {"solve", rs_cmd_solve, "solve SCENARIO --for SECTION.KEY --metric NAME --target X "
     "[--bracket A:B]", "find the value of one parameter that makes a metric hit a target",
     rs_solve_opts},
    {"fit", rs_cmd_fit, "fit HISTORY.csv [--shape logistic|linear] [--as SECTION.QUANTITY]",
     "fit a ramp (start, target, ramp_months) to observed monthly values", rs_fit_opts},
    {"compare", rs_cmd_compare, "compare A.csv B.csv ... [--baseline A.csv] [-o DIR] [--runs N] "
     "[--seed S] [--lang en|zh] [--no-report]",
     "compare scenarios (same runs and seed): gains over a baseline, charts, report.html",
     rs_compare_opts},
    {"optimize", rs_cmd_optimize, "optimize SCENARIO [-o DIR] [--samples K] [--confidence A] "
     "[--time-limit S] [--format png|svg|pdf] [--lang en|zh] [--no-plots] [-q]",
     "the best sizes of the sized levers under space, budget and coverage limits (GLPK)",
     rs_optimize_opts},
    {"params", rs_cmd_params, "params [SECTION] [--markdown]",
     "list every section and parameter with unit, default, range and meaning",
     rs_params_opts},
};
static const int ncommands = sizeof commands / sizeof commands[0];

static void usage(FILE *fp)
{
    fprintf(fp, "usage: revsim COMMAND [OPTIONS] [ARGS]\n\n"
                "revsim simulates how commercial income from revitalised idle assets\n"
                "(shops, parking, chargers) covers the property-management deficit of\n"
                "old residential communities. See README.md and docs/.\n\ncommands:\n");
    for (int i = 0; i < ncommands; i++)
        fprintf(fp, "  %-8s %s\n", commands[i].name, commands[i].summary);
    fprintf(fp, "\n`revsim COMMAND --help` shows a command's options.\n"
                "  -h, --help      show this help\n"
                "  -V, --version   show the version\n"
                "exit status: 0 ok, 2 usage, 65 bad scenario data, 66 input missing,\n"
                "             69 a helper tool failed, 70 internal error, 73 output not writable\n");
}

int main(int argc, char **argv)
{
    gsl_set_error_handler_off();
    if (argc < 2) {
        usage(stderr);
        return RS_EUSAGE;
    }
    const char *name = argv[1];
    if (strcmp(name, "-h") == 0 || strcmp(name, "--help") == 0 || strcmp(name, "help") == 0) {
        usage(stdout);
        return RS_OK;
    }
    if (strcmp(name, "-V") == 0 || strcmp(name, "--version") == 0) {
        printf("revsim %s\n", RS_VERSION);
        return RS_OK;
    }
    for (int i = 0; i < ncommands; i++)
        if (strcmp(commands[i].name, name) == 0)
            return commands[i].fn(argc - 1, argv + 1, &commands[i]);
    fprintf(stderr, "revsim: '%s' is not a command; see 'revsim --help'\n", name);
    return RS_EUSAGE;
}
