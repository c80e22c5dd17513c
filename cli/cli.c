/* cli.c: option rows to getopt_long, usage lines and --help (cli.h); the
 * one warning function, the progress bar and the small helpers every
 * command shares. Nothing here prints an error: that is main's job. */
#define _GNU_SOURCE   /* optind = 0 resets glibc's getopt between parses */
#include <errno.h>
#include <getopt.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "../base/utf8.h"
#include "../io/scenario.h"
#include "cli.h"

#define OPT_MAX 48          /* rows of the longest option table */
#define OPT_ID0 256         /* getopt value of row k: OPT_ID0 + k (above every char) */
#define USAGE_COLS 79       /* usage lines wrap before this column */

static int nrows(const rs_option *t)
{
    int n = 0;
    while (t && t[n].type != RS_OPTT_END)
        n++;
    return n;
}

/* ------------------------------------------------------------- parsing */

/* "png, svg or pdf" from "png|svg|pdf", into buf. */
static const char *choice_list(const char *choices, char *buf, size_t n)
{
    size_t j = 0;
    int count = 1;
    for (const char *p = choices; *p; p++)
        count += *p == '|';
    int seen = 0;
    for (const char *p = choices; *p && j + 5 < n; p++) {
        if (*p != '|') {
            buf[j++] = *p;
            continue;
        }
        seen++;
        const char *glue = seen == count - 1 ? " or " : ", ";
        for (const char *g = glue; *g && j + 1 < n; g++)
            buf[j++] = *g;
    }
    buf[j] = '\0';
    return buf;
}

int rs_opt_choice(const rs_option *opt, const char *arg, int *idx, rs_error *err)
{
    int k = rs_choice_index(opt->choices, arg);
    if (k < 0) {
        char list[256];
        return rs_error_set(err, RS_EUSAGE, "option '--%s' must be %s, got '%s'", opt->lng,
                            choice_list(opt->choices, list, sizeof list), arg);
    }
    *idx = k;
    return RS_OK;
}

/* Set the variable of row o from arg (NULL for flags). */
static int apply(const rs_option *o, const char *arg, rs_error *err)
{
    int k;
    switch (o->type) {
    case RS_OPTT_STRING:
        *(const char **)o->value = arg;
        return RS_OK;
    case RS_OPTT_INT: {
        char *end;
        errno = 0;
        long long v = strtoll(arg, &end, 10);
        if (end == arg || *end || errno || v < o->min || v > o->max)
            return rs_error_set(err, RS_EUSAGE, "option '--%s' takes a whole number from %lld "
                                "to %lld, got '%s'", o->lng, o->min, o->max, arg);
        *(long long *)o->value = v;
        return RS_OK;
    }
    case RS_OPTT_SET_INT:
        *(int *)o->value = (int)o->min;
        return RS_OK;
    case RS_OPTT_CHOICE:
        if (rs_opt_choice(o, arg, &k, err))
            return err->code;
        *(int *)o->value = k;
        return RS_OK;
    case RS_OPTT_CALLBACK:
        if (o->choices && rs_opt_choice(o, arg, &k, err))
            return err->code;
        return o->cb(o, arg, err);
    case RS_OPTT_END:
        break;
    }
    return rs_error_set(err, RS_ESOFTWARE, "option '--%s': bad table row", o->lng);
}

/* Whether row o takes a value. */
static int takes_value(const rs_option *o)
{
    return o->type != RS_OPTT_SET_INT && (o->type != RS_OPTT_CALLBACK || o->argh || o->choices);
}

/* The value name of row o in usage and help ("DIR", "png|svg|pdf"). */
static const char *value_name(const rs_option *o)
{
    return o->argh ? o->argh : o->choices ? o->choices : "VALUE";
}

int rs_opt_parse(int argc, char **argv, const rs_command *cmd, int *at, rs_error *err)
{
    const rs_option *t = cmd->opts;
    const int n = nrows(t);
    struct option lo[OPT_MAX + 2];
    char shorts[2 * OPT_MAX + 4];
    unsigned char given[OPT_MAX];
    size_t j = 0;
    *at = argc;
    if (n > OPT_MAX)
        return rs_error_set(err, RS_ESOFTWARE, "'%s' has more than %d options", cmd->name,
                            OPT_MAX);
    shorts[j++] = ':';   /* a missing value is reported as ':' */
    for (int k = 0; k < n; k++) {
        lo[k] = (struct option){t[k].lng, takes_value(&t[k]) ? required_argument : no_argument,
                                NULL, OPT_ID0 + k};
        if (t[k].shrt == 'h' || strcmp(t[k].lng, "help") == 0)
            return rs_error_set(err, RS_ESOFTWARE, "'%s': -h/--help is every command's own",
                                cmd->name);
        if (t[k].shrt) {
            shorts[j++] = t[k].shrt;
            if (takes_value(&t[k]))
                shorts[j++] = ':';
        }
        given[k] = 0;
    }
    lo[n] = (struct option){"help", no_argument, NULL, 'h'};
    memset(&lo[n + 1], 0, sizeof lo[n + 1]);
    shorts[j++] = 'h';
    shorts[j] = '\0';

    optind = 0;   /* glibc: start afresh (a test may parse several times) */
    opterr = 0;
    int c;
    while ((c = getopt_long(argc, argv, shorts, lo, NULL)) != -1) {
        if (c == 'h')
            return RS_HELP;
        if (c == '?' || c == ':') {
            int k = optopt >= OPT_ID0 ? optopt - OPT_ID0 : -1;
            for (int i = 0; i < n && k < 0 && optopt; i++)
                if (t[i].shrt == optopt)
                    k = i;
            if (c == ':' && k >= 0)
                return rs_error_set(err, RS_EUSAGE, "option '--%s' needs a value (%s)",
                                    t[k].lng, value_name(&t[k]));
            if (k >= 0 && optopt >= OPT_ID0)
                return rs_error_set(err, RS_EUSAGE, "option '--%s' takes no value", t[k].lng);
            if (optopt > 0 && optopt < OPT_ID0)
                return rs_error_set(err, RS_EUSAGE, "unknown option '-%c'", optopt);
            return rs_error_set(err, RS_EUSAGE, "unknown option '%s'", argv[optind - 1]);
        }
        int k = c >= OPT_ID0 ? c - OPT_ID0 : -1;
        for (int i = 0; i < n && k < 0; i++)
            if (t[i].shrt == c)
                k = i;
        if (k < 0)
            return rs_error_set(err, RS_ESOFTWARE, "option value %d has no row", c);
        if (apply(&t[k], optarg, err))
            return err->code;
        given[k] = 1;
    }
    for (int k = 0; k < n; k++)
        if ((t[k].flags & RS_OPT_REQUIRED) && !given[k])
            return rs_error_set(err, RS_EUSAGE, "option '--%s %s' is required", t[k].lng,
                                value_name(&t[k]));
    const int nops = argc - optind;
    if (nops < cmd->nmin)
        return rs_error_set(err, RS_EUSAGE, "missing %s", cmd->args);
    if (cmd->nmax >= 0 && nops > cmd->nmax)
        return rs_error_set(err, RS_EUSAGE, "unexpected argument '%s'", argv[optind + cmd->nmax]);
    *at = optind;
    return RS_OK;
}

/* --------------------------------------------------------- usage, help */

void rs_command_usage(FILE *fp, const rs_command *cmd)
{
    char head[96];
    int col = snprintf(head, sizeof head, "usage: revsim %s", cmd->name);
    const int indent = col + 1;
    fputs(head, fp);
    if (cmd->args && *cmd->args)
        col += fprintf(fp, " %s", cmd->args);
    for (const rs_option *o = cmd->opts; o && o->type != RS_OPTT_END; o++) {
        char word[160];
        const int req = (o->flags & RS_OPT_REQUIRED) != 0;
        if (takes_value(o))
            snprintf(word, sizeof word, "%s--%s %s%s", req ? "" : "[", o->lng, value_name(o),
                     req ? "" : "]");
        else
            snprintf(word, sizeof word, "[--%s]", o->lng);
        const int w = (int)strlen(word);
        if (col + 1 + w > USAGE_COLS) {
            fprintf(fp, "\n%*s%s", indent, "", word);
            col = indent + w;
        } else {
            col += fprintf(fp, " %s", word);
        }
    }
    fputc('\n', fp);
}

/* "-o, --output DIR" of row o, into buf. */
static const char *left_column(const rs_option *o, char *buf, size_t n)
{
    char sh[8] = "    ";
    if (o->shrt)
        snprintf(sh, sizeof sh, "-%c, ", o->shrt);
    if (takes_value(o))
        snprintf(buf, n, "%s--%s %s", sh, o->lng, value_name(o));
    else
        snprintf(buf, n, "%s--%s", sh, o->lng);
    return buf;
}

void rs_command_help(FILE *fp, const rs_command *cmd)
{
    static const rs_option help = OPT_BOOL('h', "help", NULL, "show this help");
    char left[200];
    int width = 24;
    for (const rs_option *o = cmd->opts; o && o->type != RS_OPTT_END; o++) {
        int w = (int)strlen(left_column(o, left, sizeof left));
        if (w > width && w <= 32)
            width = w;
    }
    rs_command_usage(fp, cmd);
    fprintf(fp, "\n%s\n\noptions:\n", cmd->summary);
    for (const rs_option *o = cmd->opts;; o++) {
        const rs_option *row = o->type == RS_OPTT_END ? &help : o;
        left_column(row, left, sizeof left);
        if ((int)strlen(left) > width)
            fprintf(fp, "  %s\n  %*s  %s\n", left, width, "", row->help);
        else
            fprintf(fp, "  %-*s  %s\n", width, left, row->help);
        if (row == &help)
            break;
    }
}

/* ------------------------------------------------------- shared helpers */

int rs_mc_threads(const rs_mc_args *a)
{
    return a->threads > 0 ? (int)a->threads : rs_default_threads();
}

int rs_default_threads(void)
{
    long n = sysconf(_SC_NPROCESSORS_ONLN);
    return n > 0 ? (int)n : 1;
}

const char *rs_count(long n, const char *one, const char *many, char *buf, size_t sz)
{
    snprintf(buf, sz, "%ld %s", n, n == 1 ? one : many);
    return buf;
}

const char *rs_tty(const char *s, char *buf, size_t n)
{
    return rs_utf8_clean(s ? s : "", buf, n);
}

void rs_warn(const char *cmd, const char *fmt, ...)
{
    char msg[2048], clean[2048];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    fprintf(stderr, "revsim%s%s: warning: %s\n", cmd ? " " : "", cmd ? cmd : "",
            rs_utf8_clean(msg, clean, sizeof clean));
}

void rs_print_warnings(const void *p, const char *cmd)
{
    const rs_source *src = p;
    for (int i = 0; i < src->nwarn; i++)
        rs_warn(cmd, "%s", src->warn[i]);
}

void rs_progress_bar(long done, long total, void *ctx)
{
    (void)ctx;
    int width = 30, fill = (int)(width * done / (total ? total : 1));
    fprintf(stderr, "\rMonte Carlo [%.*s%*s] %3d%%  %ld/%ld runs", fill,
            "##############################", width - fill, "",
            (int)(100 * done / (total ? total : 1)), done, total);
    if (done >= total)
        fprintf(stderr, "\r%*s\r", 80, "");
    fflush(stderr);
}

void rs_progress_line(const char *line)
{
    char buf[96];
    if (line)
        snprintf(buf, sizeof buf, "\r%-79.79s", line);
    else
        snprintf(buf, sizeof buf, "\r%79s\r", "");
    fputs(buf, stderr);
    fflush(stderr);
}

int rs_strict(const void *p, int strict, rs_error *err)
{
    const rs_source *src = p;
    const int n = src->nwarn - src->nadvice;   /* the advice on results comes last */
    if (!strict || n <= 0)
        return RS_OK;
    return rs_error_set(err, RS_EDATA, "%s (an error with --strict; %d warning%s in all)",
                        src->warn[0], n, n == 1 ? "" : "s");
}
