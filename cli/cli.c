/* cli.c: option tables to getopt_long and --help text, and the small helpers
 * every command shares (numbers in options, threads, progress, errors). */
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "../io/scenario.h"
#include "cli.h"

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
    snprintf(fullshort, sizeof fullshort, ":%s", shorts);   /* ':' reports missing values */
    optind = 1;
    opterr = 0;
    int c;
    while ((c = getopt_long(argc, argv, fullshort, lo, NULL)) != -1) {
        if (c > 0 && c < 256 && c != '?' && c != ':')   /* a short option: its row's id */
            for (int k = 0; t[k].lng; k++)
                if (t[k].shrt == c) {
                    c = t[k].id;
                    break;
                }
        if (c == RS_OPT_HELP) {
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

void rs_command_help(FILE *fp, const rs_command *cmd)
{
    fprintf(fp, "usage: revsim %s\n\n%s\n\noptions:\n", cmd->usage, cmd->summary);
    rs_opt_help(fp, cmd->opts);
}


const char *rs_one_arg(int argc, char **argv, int at, const rs_command *cmd)
{
    if (at < 0)
        return NULL;
    if (argc - at != 1) {
        fprintf(stderr, "revsim %s: %s\nusage: revsim %s\n", cmd->name,
                argc - at < 1 ? "missing SCENARIO file" : "give exactly one SCENARIO file",
                cmd->usage);
        return NULL;
    }
    return argv[at];
}


void rs_mc_args_init(rs_mc_args *a)
{
    a->runs = a->threads = -1;
    a->seed = -1;
}

int rs_mc_set(rs_mc_args *a, int id, const char *arg)
{
    long long v;
    switch (id) {
    case RS_OPT_RUNS:
        if (rs_parse_count("--runs", arg, 0, 10000000, &v))
            return -1;
        a->runs = (long)v;
        return 0;
    case RS_OPT_SEED:
        if (rs_parse_count("--seed", arg, 0, 4294967295LL, &v))
            return -1;
        a->seed = v;
        return 0;
    case RS_OPT_THREADS:
        if (rs_parse_count("--threads", arg, 1, 1024, &v))
            return -1;
        a->threads = (long)v;
        return 0;
    }
    return 1;
}

int rs_mc_threads(const rs_mc_args *a)
{
    return a->threads > 0 ? (int)a->threads : rs_default_threads();
}

int rs_parse_count(const char *opt, const char *arg, long long min, long long max,
                   long long *out)
{
    char *end;
    errno = 0;
    long long v = strtoll(arg, &end, 10);
    if (end == arg || *end || errno || v < min || v > max) {
        fprintf(stderr, "revsim: option '%s' takes a whole number from %lld to %lld, got '%s'\n",
                opt, min, max, arg);
        return -1;
    }
    *out = v;
    return 0;
}

void rs_progress_bar(long done, long total, void *ctx)
{
    (void)ctx;
    int width = 30, fill = (int)(width * done / (total ? total : 1));
    fprintf(stderr, "\rMonte Carlo [%.*s%*s] %3d%%  %ld/%ld runs", fill,
            "##############################", width - fill, "", (int)(100 * done / total), done,
            total);
    if (done >= total)
        fprintf(stderr, "\r%*s\r", 80, "");
    fflush(stderr);
}

int rs_default_threads(void)
{
    long n = sysconf(_SC_NPROCESSORS_ONLN);
    return n > 0 ? (int)n : 1;
}

int rs_report(const char *cmd, int code, const char *msg)
{
    if (msg && *msg)   /* empty: already reported (usage errors) */
        fprintf(stderr, "revsim %s: %s\n", cmd, msg);
    return code;
}


void rs_print_warnings(const void *p, const char *cmd)
{
    const rs_source *src = p;
    for (int i = 0; i < src->nwarn; i++)
        fprintf(stderr, "revsim %s: warning: %s\n", cmd, src->warn[i]);
}

int rs_strict(const void *p, int strict, rs_error *err)
{
    const rs_source *src = p;
    if (!strict || src->nwarn == 0)
        return RS_OK;
    return rs_error_set(err, RS_EDATA, "%s (an error with --strict; %d warning%s in all)",
                        src->warn[0], src->nwarn, src->nwarn == 1 ? "" : "s");
}
