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
#include "output.h"
#include "scenario.h"

#ifndef RS_VERSION
#define RS_VERSION "0.1.0"
#endif

/* ---------------------------------------------------------------- options */

const char *rs_opt_optstring(const rs_opt *t, char *buf, size_t n, struct option *lo)
{
    size_t j = 0;
    int k = 0;
    for (; t[k].lng; k++) {
        lo[k].name = t[k].lng;
        lo[k].has_arg = t[k].arg ? required_argument : no_argument;
        lo[k].flag = NULL;
        lo[k].val = t[k].id;
        if (t[k].shrt && j + 3 < n) {
            buf[j++] = t[k].shrt;
            if (t[k].arg)
                buf[j++] = ':';
        }
    }
    memset(&lo[k], 0, sizeof lo[k]);
    buf[j] = '\0';
    return buf;
}

void rs_opt_help(FILE *fp, const rs_opt *t)
{
    for (int k = 0; t[k].lng; k++) {
        char left[64];
        if (t[k].shrt)
            snprintf(left, sizeof left, "-%c, --%s%s%s", t[k].shrt, t[k].lng,
                     t[k].arg ? " " : "", t[k].arg ? t[k].arg : "");
        else
            snprintf(left, sizeof left, "    --%s%s%s", t[k].lng, t[k].arg ? " " : "",
                     t[k].arg ? t[k].arg : "");
        fprintf(fp, "  %-26s %s\n", left, t[k].help);
    }
}

/* Parse argv with table t, calling set(id, optarg, ctx) for each option.
 * Returns optind, or -1 after printing a usage error (or -2 for --help). */
int rs_opt_parse(int argc, char **argv, const rs_opt *t, const rs_command *cmd,
                 int (*set)(int id, const char *arg, void *ctx), void *ctx)
{
    char shorts[128];
    struct option lo[32];
    rs_opt_optstring(t, shorts, sizeof shorts, lo);
    char fullshort[160];
    snprintf(fullshort, sizeof fullshort, "h%s", shorts);
    optind = 1;
    opterr = 0;
    int c;
    while ((c = getopt_long(argc, argv, fullshort, lo, NULL)) != -1) {
        if (c == 'h' || c == RS_OPT_HELP) {
            rs_command_help(stdout, cmd);
            return -2;
        }
        if (c == '?' || c == ':') {
            if (optopt && optopt < 256 && optopt != '?')
                fprintf(stderr, "revsim %s: option '-%c' %s\n", cmd->name, optopt,
                        c == ':' ? "needs a value" : "is unknown");
            else
                fprintf(stderr, "revsim %s: option '%s' is unknown or needs a value\n",
                        cmd->name, argv[optind - 1]);
            fprintf(stderr, "usage: revsim %s\n", cmd->usage);
            return -1;
        }
        if (set(c, optarg, ctx) != 0)
            return -1;
    }
    return optind;
}

/* ------------------------------------------------------------- commands */

static const rs_command commands[] = {
    {"run", rs_cmd_run, "run SCENARIO [-o DIR] [--excel] [-q]",
     "run a scenario: summary to the terminal, CSV files to the output folder",
     rs_run_opts},
    {"check", rs_cmd_check, "check SCENARIO", "validate a scenario file; write nothing",
     rs_check_opts},
    {"params", rs_cmd_params, "params [SECTION] [--markdown]",
     "list every section and parameter with unit, default, range and meaning",
     rs_params_opts},
};
static const int ncommands = sizeof commands / sizeof commands[0];

void rs_command_help(FILE *fp, const rs_command *cmd)
{
    fprintf(fp, "usage: revsim %s\n\n%s\n\noptions:\n", cmd->usage, cmd->summary);
    rs_opt_help(fp, cmd->opts);
    fprintf(fp, "  %-26s %s\n", "-h, --help", "show this help");
}

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
