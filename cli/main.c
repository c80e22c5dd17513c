/* main.c: the revsim command line. One table row per command (name,
 * function, operands, summary, option table); usage lines and --help are
 * generated from the option tables. Only this file prints errors and picks
 * the exit status (warnings: rs_warn in cli.c). */
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <gsl/gsl_errno.h>
#include <stdio.h>
#include <string.h>
#include "../base/utf8.h"
#include "../base/suggest.h"
#include "cli.h"

#ifndef RS_VERSION
#define RS_VERSION "0.1.0"
#endif

/* ------------------------------------------------------------- commands */

static const rs_command commands[] = {
    {"run", rs_cmd_run, "SCENARIO", 1, 1,
     "run a scenario: summary to the terminal, CSV files to the output folder", rs_run_opts},
    {"check", rs_cmd_check, "SCENARIO", 1, 1, "validate a scenario file; write nothing",
     rs_check_opts},
    {"sweep", rs_cmd_sweep, "SCENARIO", 1, 1,
     "move each ranged parameter to its low and high: tornado.csv and chart", rs_sweep_opts},
    {"solve", rs_cmd_solve, "SCENARIO", 1, 1,
     "find the value of one parameter that makes a metric hit a target", rs_solve_opts},
    {"fit", rs_cmd_fit, "HISTORY.csv", 1, 1,
     "fit a ramp (start, target, ramp_months) to observed monthly values", rs_fit_opts},
    {"compare", rs_cmd_compare, "A.csv B.csv ...", 0, -1,
     "compare scenarios (same runs and seed): gains over a baseline, charts, report.html",
     rs_compare_opts},
    {"optimize", rs_cmd_optimize, "SCENARIO", 1, 1,
     "the best sizes of the sized levers under space, budget and coverage limits (GLPK)",
     rs_optimize_opts},
    {"params", rs_cmd_params, "[SECTION]", 0, 1,
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

/* Print the error of command cmd ("revsim CMD: MESSAGE", cleaned for the
 * terminal; a usage error adds the usage line) and return its code. */
static int report(const rs_command *cmd, int rc, const rs_error *err)
{
    char clean[sizeof err->msg + 8];
    const char *msg = err->msg[0] ? rs_utf8_clean(err->msg, clean, sizeof clean)
                                  : "internal error: a failure left no message";
    fprintf(stderr, "revsim %s: %s\n", cmd->name, msg);
    if (rc == RS_EUSAGE)
        rs_command_usage(stderr, cmd);
    return rc;
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
        if (strcmp(commands[i].name, name) == 0) {
            rs_error err = {0};
            int rc = commands[i].fn(argc - 1, argv + 1, &commands[i], &err);
            if (rc == RS_HELP) {
                rs_command_help(stdout, &commands[i]);
                rc = RS_OK;
            } else if (rc) {
                rc = report(&commands[i], rc, &err);
            }
            /* what was printed must have arrived (stdout on a full disk) */
            errno = 0;
            if (fflush(stdout) != 0 || ferror(stdout)) {
                fprintf(stderr, "revsim %s: standard output: %s\n", name,
                        strerror(errno ? errno : EIO));
                return rc ? rc : RS_ECANTCREAT;
            }
            return rc;
        }
    char clean[256], hint[96];
    rs_suggest(name, &commands[0].name, sizeof commands[0], ncommands, hint, sizeof hint);
    fprintf(stderr, "revsim: '%s' is not a command%s; see 'revsim --help'\n",
            rs_utf8_clean(name, clean, sizeof clean), hint);
    return RS_EUSAGE;
}
