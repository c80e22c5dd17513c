/* cmd_optimize.c: `revsim optimize`: read and validate a scenario, find the
 * best mix of its sized and optional levers (models/optimize.c), write
 * optimum.csv, optimum_limits.csv, optimum-variant.csv and the chart
 * atomically, print the table (docs/optimize.md). */
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "../base/fmt.h"
#include "../base/utf8.h"
#include "../io/optimum.h"
#include "../io/scenario.h"
#include "../plots/optimum.h"
#include "cli.h"
#include "plotopts.h"

typedef struct {
    const char *outdir;
    int quiet;
    long long samples;
    double confidence, time_limit;
    rs_plot_args plot;
} opt_args;
static opt_args opt_a;   /* what rs_optimize_opts binds; reset by every rs_cmd_optimize */

/* a real option value in [lo, hi]; `open`: lo itself excluded */
static int real_arg(const rs_option *opt, const char *arg, double lo, double hi, int open,
                    rs_error *err)
{
    char *end;
    errno = 0;
    double v = strtod(arg, &end);
    if (end == arg || *end || errno || !isfinite(v) || v < lo || (open && v == lo) || v > hi)
        return rs_error_set(err, RS_EUSAGE, "option '--%s' takes a number %s %g to %g, got '%s'",
                            opt->lng, open ? "above" : "from", lo, hi, arg);
    *(double *)opt->value = v;
    return RS_OK;
}

static int confidence_arg(const rs_option *opt, const char *arg, rs_error *err)
{
    return real_arg(opt, arg, 0, 1, 0, err);
}

static int time_arg(const rs_option *opt, const char *arg, rs_error *err)
{
    return real_arg(opt, arg, 0, 1e6, 1, err);
}

const rs_option rs_optimize_opts[] = {
    OPT_STRING('o', "output", &opt_a.outdir, "DIR",
               "output folder (default out/<scenario file stem>/)"),
    OPT_INT(0, "samples", &opt_a.samples, "K", 0, 100000,
            "Monte Carlo runs 1..K the optimum must hold on (default: the scenario's "
            "optimize,samples, 0 = base case only)"),
    OPT_CALLBACK(0, "confidence", &opt_a.confidence, "A",
                 "share of those runs the limits must hold in together (default: "
                 "optimize,confidence, 0.9)", confidence_arg),
    OPT_CALLBACK(0, "time-limit", &opt_a.time_limit, "S",
                 "stop after S seconds with the best mix found and its gap", time_arg),
    OPT_PLOTS(&opt_a.plot),
    OPT_BOOL('q', "quiet", &opt_a.quiet, "print no table and no progress"),
    OPT_END(),
};

/* The progress line (rs_progress_line; only on a terminal). */
static void progress(const rs_mix_progress *p, void *ctx)
{
    char line[200], best[48] = "-", gap[32] = "-";
    int *shown = ctx;
    if (strcmp(p->phase, "solving") == 0 || strcmp(p->phase, "diagnosing") == 0) {
        if (p->has_best)
            rs_fmt_group(p->best, 0, 0, best, sizeof best);
        if (p->has_best && isfinite(p->gap))
            snprintf(gap, sizeof gap, "%.2f %%", 100 * p->gap);
        snprintf(line, sizeof line, "optimize: %s, %.1f s, %ld nodes, best %s, gap %s",
                 p->phase[0] == 's' ? "solving" : "finding the limit that fails", p->seconds,
                 p->nodes, best, gap);
    } else {
        snprintf(line, sizeof line, "optimize: %s Monte Carlo runs, %ld of %ld", p->phase,
                 p->done, p->total);
    }
    rs_progress_line(line);
    *shown = 1;
}

/* The error for an issue: "FILE:ROW: SECTION.KEY: why", citing the row
 * that sets the parameter at fault. */
static int issue_error(const rs_source *src, const char *path, rs_status st,
                       const rs_mix_issue *is, rs_error *err)
{
    if (st == RS_S_NOT_PD)
        return rs_error_set(err, RS_EDATA, "%s: Monte Carlo: %s", path, rs_strerror(st));
    if (st != RS_S_INPUT)
        return rs_error_set(err, RS_ESOFTWARE, "%s", is->why[0] ? is->why : rs_strerror(st));
    if (!is->e || is->param < 0)
        return rs_error_set(err, RS_EDATA, "%s: %s", path, is->why);
    char sec[RS_NAME_MAX + 32];
    rs_entity_section(is->e, sec, sizeof sec);
    const char *key = is->e->sec->params[is->param].name;
    const int i = rs_source_find(src, sec, key);
    const char *file = i >= 0 ? src->rows[i].file : is->e->file ? is->e->file : path;
    const int line = i >= 0 ? src->rows[i].line : is->e->file ? is->e->line : 0;
    if (line > 0)
        return rs_error_set(err, RS_EDATA, "%s:%d: %s.%s: %s", file, line, sec, key, is->why);
    return rs_error_set(err, RS_EDATA, "%s: %s.%s: %s", file, sec, key, is->why);
}

static const char *objective_label(int obj)
{
    static const char *const t[] = {"NPV", "equity NPV", "fund at the end", "lowest fund",
                                    "net income, stabilized year"};
    return obj >= 0 && obj <= RS_OBJ_NET_STAB ? t[obj] : "objective";
}

/* A limit's value, limit or slack as text in the limit's unit. */
static const char *limit_text(const rs_scenario *s, const rs_mix_limit *L, double v, char *buf,
                              size_t n)
{
    char num[64], cur[64];
    if (isnan(v))
        return snprintf(buf, n, "-"), buf;
    switch (L->kind) {
    case RS_OL_SPACE:
    case RS_OL_SPACE_COM:
        snprintf(buf, n, "%s m2", rs_fmt_group(v, 0, 0, num, sizeof num));
        break;
    case RS_OL_COV:
    case RS_OL_COV_EACH:
    case RS_OL_CONF:
    case RS_OL_CONF_FRESH:
        snprintf(buf, n, "%.1f %%", 100 * v);
        break;
    case RS_OL_DSCR:
        snprintf(buf, n, "%.2f x", v);
        break;
    default:
        snprintf(buf, n, "%s %s", rs_fmt_group(v, 0, 0, num, sizeof num),
                 rs_utf8_clean(s->scen.text[SC_CURRENCY], cur, sizeof cur));
    }
    return buf;
}

static void print_table(FILE *fp, const rs_scenario *s, const rs_mix_result *res,
                        const char *path)
{
    char name[512], p[1024], cur[64], a[64], b[64], c[64], d[64], lev[160], kind[32], com[96];
    rs_utf8_clean(s->scen.text[SC_CURRENCY], cur, sizeof cur);
    fprintf(fp, "%s  (%s): the best mix by %s\n",
            rs_utf8_clean(s->scen.text[SC_NAME], name, sizeof name),
            rs_utf8_clean(path, p, sizeof p), objective_label(res->objective));
    fprintf(fp, "  %s %s %s %10s %10s %12s %16s %16s\n", rs_utf8_pad("lever", 24, lev, sizeof lev),
            rs_utf8_pad("kind", 8, kind, sizeof kind), rs_utf8_pad("community", 16, com, sizeof com),
            "size", "of max", "space m2", "capex", "NPV");
    for (int i = 0; i < res->nchoice; i++) {
        const rs_mix_choice *ch = &res->choice[i];
        const rs_entity *e = &s->lev[ch->lever];
        char size[32], max[32];
        if (ch->sized) {
            rs_fmt_group(ch->size, 0, 0, size, sizeof size);
            rs_fmt_group(ch->size_max, 0, 0, max, sizeof max);
        } else {
            snprintf(size, sizeof size, "%s", ch->size >= 1 ? "in" : "out");
            snprintf(max, sizeof max, "optional");
        }
        fprintf(fp, "  %s %s %s %10s %10s %12s %16s %16s\n",
                rs_utf8_pad(e->name, 24, lev, sizeof lev), rs_utf8_pad(e->sec->name, 8, kind, sizeof kind),
                rs_utf8_pad(e->community >= 0 ? s->com[e->community].name : "", 16, com, sizeof com),
                size, max, ch->sized ? rs_fmt_group(ch->space_m2, 0, 0, a, sizeof a) : "-",
                rs_fmt_group(ch->capex, 0, 0, b, sizeof b), rs_fmt_group(ch->npv, 0, 0, c, sizeof c));
    }
    fprintf(fp, "\n  %s %s %s", objective_label(res->objective),
            rs_fmt_group(res->value, 0, 0, a, sizeof a), cur);
    if (res->samples > 0)
        fprintf(fp, " (mean of Monte Carlo runs 1..%ld; base case of this mix %s %s)",
                res->samples, rs_fmt_group(res->base_value, 0, 0, b, sizeof b), cur);
    if (res->time_limited)
        fprintf(fp, "  time limit reached: best mix found, within %.2f %% of the best bound\n",
                100 * res->gap);
    else
        fprintf(fp, "  optimal\n");
    fprintf(fp, "  %s %16s %16s %16s  %s\n", rs_utf8_pad("limit", 28, lev, sizeof lev), "value",
            "limit", "slack", "shadow price");
    for (int i = 1; i < res->nlimit; i++) {
        const rs_mix_limit *L = &res->limit[i];
        char sh[256] = "";
        if (!isnan(L->shadow))
            snprintf(sh, sizeof sh, "%s %s per %s", rs_fmt_short(L->shadow, 0, d, sizeof d), cur,
                     L->kind == RS_OL_BUDGET ? cur : "m2");
        fprintf(fp, "  %s %16s %16s %16s  %s\n", rs_utf8_pad(L->name, 28, lev, sizeof lev),
                limit_text(s, L, L->value, a, sizeof a), limit_text(s, L, L->limit, b, sizeof b),
                limit_text(s, L, L->slack, c, sizeof c), sh);
    }
    for (int i = 1; i < res->nlimit; i++) {
        const rs_mix_limit *L = &res->limit[i];
        if (isnan(L->shadow))
            continue;
        if (L->kind == RS_OL_BUDGET)
            fprintf(fp, "  one more %s of budget is worth %s %s of %s\n", cur,
                    rs_fmt_short(L->shadow, 0, d, sizeof d), cur, objective_label(res->objective));
        else
            fprintf(fp, "  one more m2 of %s is worth %s %s of %s\n",
                    L->kind == RS_OL_SPACE ? "freed space" : L->name,
                    rs_fmt_short(L->shadow, 0, d, sizeof d), cur, objective_label(res->objective));
    }
    if (res->samples > 0 && !isnan(res->share)) {
        fprintf(fp, "  the coverage, fund and DSCR limits hold together in %.1f %% of runs 1..%ld "
                "(confidence %.1f %%)", 100 * res->share, res->samples, 100 * res->confidence);
        if (!isnan(res->fresh_share))
            fprintf(fp, " and in %.1f %% of the fresh runs %ld..%ld", 100 * res->fresh_share,
                    res->samples + 1, res->samples + res->fresh);
        fprintf(fp, "\n");
    }
}

int rs_cmd_optimize(int argc, char **argv, const rs_command *cmd, rs_error *err)
{
    opt_args a = {.samples = -1, .confidence = -1};
    rs_plot_args_init(&a.plot);
    opt_a = a;
    int at, rc = rs_opt_parse(argc, argv, cmd, &at, err);
    if (rc)
        return rc;
    a = opt_a;
    const char *path = argv[at];

    rs_scenario s;
    rs_source src;
    rs_mix_result *res = NULL;
    rs_outset o;
    memset(&o, 0, sizeof o);
    char dirbuf[4096];
    int shown = 0;

    rs_scenario_init(&s);
    rs_source_init(&src);
    if ((rc = rs_scenario_load(&s, &src, path, err)))
        goto out;
    if (!a.outdir) {
        snprintf(dirbuf, sizeof dirbuf, "out/%s", src.stem);
        a.outdir = dirbuf;
    }
    if ((rc = rs_outset_init(&o, a.outdir, 0, err)))
        goto out;
    o.manifest = ".revsim-optimize";
    rs_mix_opts oo;
    rs_mix_opts_init(&oo);
    oo.samples = (long)a.samples;
    oo.confidence = a.confidence;
    oo.time_limit = a.time_limit;
    oo.seed = (unsigned long)s.scen.v[SC_SEED];
    if (isatty(2) && !a.quiet) {
        oo.progress = progress;
        oo.ctx = &shown;
    }
    rs_mix_issue is;
    rs_status st = rs_mix_run(&s, &oo, &res, &is);
    if (shown)
        rs_progress_line(NULL);
    if (st != RS_S_OK) {
        rc = issue_error(&src, path, st, &is, err);
        goto out;
    }
    if ((rc = rs_write_optimum(&o, &s, res, path, NULL, err)))
        goto out;
    const int n0 = o.n;
    int prc = RS_OK;
    if (a.plot.enabled) {
        int warned = 0;
        prc = rs_plot_optimum(&o, &s, res, &a.plot.opts, &warned, err);
        if (!prc && warned) {
            rs_warn(cmd->name, "%s", err->msg);
            err->msg[0] = '\0';
        }
    }
    const int ncharts = o.n - n0;
    if ((rc = rs_outset_commit(&o, err)))
        goto out;
    if ((rc = prc))
        goto out;
    if (!a.quiet) {
        print_table(stdout, &s, res, path);
        printf("wrote optimum.csv, optimum_limits.csv, optimum-variant.csv");
        if (ncharts > 0)
            printf(" and %d chart%s", ncharts, ncharts == 1 ? "" : "s");
        char dir[4096];
        printf(" to %s/\n", rs_tty(a.outdir, dir, sizeof dir));
    }
out:
    if (rc)
        rs_outset_abort(&o);
    else
        rs_print_warnings(&src, cmd->name);
    rs_mix_result_free(res);
    rs_scenario_release(&s);
    rs_source_release(&src);
    return rc;
}
