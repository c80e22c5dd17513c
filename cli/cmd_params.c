/* cmd_params.c: `revsim params`: every section's parameters from the model
 * tables, as aligned text (with the Chinese labels under --lang zh) or as
 * the Markdown of docs/parameters.md. */
#include <stdio.h>
#include <string.h>
#include "../base/error.h"
#include "../base/utf8.h"
#include "../models/model.h"
#include "cli.h"

typedef struct {
    int markdown, lang;   /* lang: 0 en, 1 zh */
} params_args;
static params_args params_a;   /* what rs_params_opts binds; reset by every rs_cmd_params */

const rs_option rs_params_opts[] = {
    OPT_BOOL(0, "markdown", &params_a.markdown,
             "print Markdown (docs/parameters.md is made from this)"),
    OPT_CHOICE(0, "lang", &params_a.lang, "en|zh",
               "zh: each key's Chinese label (label_zh) next to it"),
    OPT_END(),
};

/* A bound or default: whole numbers in full up to 1e10 ("4294967295"),
 * else 6 significant digits ("0.0833333", "1e+13"). */
static const char *num(double v, char *buf, size_t n)
{
    if (v == (double)(long long)v && v > -1e10 && v < 1e10)
        snprintf(buf, n, "%lld", (long long)v);
    else
        snprintf(buf, n, "%.6g", v);
    return buf;
}

static void fmt_default(const rs_param *p, char *buf, size_t n)
{
    if (p->flags & RS_P_REQUIRED)
        snprintf(buf, n, "required");
    else if (p->flags & RS_P_UNSET)
        snprintf(buf, n, "unset");
    else if (p->type == RS_P_ENUM)
        rs_choice_name(p->choices, (int)p->def, buf, n);
    else if (p->type == RS_P_TEXT || p->type == RS_P_REF)
        snprintf(buf, n, "-");
    else
        num(p->def, buf, n);
}

/* The range column; in Markdown the '|' of choices is escaped. */
static void fmt_range(const rs_param *p, int md, char *buf, size_t n)
{
    if (p->type == RS_P_ENUM) {
        size_t j = 0;
        for (const char *c = p->choices; *c && j + 3 < n; c++) {
            if (md && *c == '|')
                buf[j++] = '\\';
            buf[j++] = *c;
        }
        buf[j] = '\0';
    } else if (p->type == RS_P_TEXT) {
        snprintf(buf, n, "text");
    } else if (p->type == RS_P_REF) {
        snprintf(buf, n, "community name");
    } else {
        char lo[32], hi[32];
        snprintf(buf, n, "%s%s .. %s", p->type == RS_P_INT ? "whole " : "",
                 num(p->min, lo, sizeof lo), num(p->max, hi, sizeof hi));
    }
}

/* Widest cell (in bytes: every cell here is ASCII) of one text column, at
 * most `cap`. */
static int width_of(const rs_section *sec, int col, int cap)
{
    int w = col == 0 ? 3 : 1;
    for (int i = 0; i < sec->nparams; i++) {
        const rs_param *p = &sec->params[i];
        char buf[160];
        switch (col) {
        case 0: snprintf(buf, sizeof buf, "%s", p->name); break;
        case 1: snprintf(buf, sizeof buf, "%s", *p->unit ? p->unit : "-"); break;
        case 2: fmt_default(p, buf, sizeof buf); break;
        default: fmt_range(p, 0, buf, sizeof buf); break;
        }
        int l = (int)strlen(buf);
        if (l > w)
            w = l > cap ? cap : l;
    }
    return w;
}

static void print_section(const rs_section *sec, int md, int zh)
{
    const char *name = sec->named ? ":NAME" : "";
    if (md)
        printf("## `%s%s`\n\n%s (%s).%s\n\n| key | unit | default | range | low/high | KEY@Y "
               "| 中文 | meaning |\n|---|---|---|---|---|---|---|---|\n", sec->name, name, sec->doc,
               sec->label_zh, sec->named ? " Also `like,OTHER`: copy every row of section OTHER "
               "of the same kind (docs/model.md, Templates)." : "");
    else if (zh)
        printf("%s%s  %s  -  %s\n", sec->name, name, sec->label_zh ? sec->label_zh : "", sec->doc);
    else
        printf("%s%s  -  %s\n", sec->name, name, sec->doc);
    const int wk = width_of(sec, 0, 24), wu = width_of(sec, 1, 18), wd = width_of(sec, 2, 10),
              wr = width_of(sec, 3, 26);
    int wz = 4;
    for (int i = 0; zh && i < sec->nparams; i++)
        if (sec->params[i].label_zh && rs_utf8_width(sec->params[i].label_zh) > wz)
            wz = rs_utf8_width(sec->params[i].label_zh);
    if (wz > 24)
        wz = 24;
    for (int i = 0; i < sec->nparams; i++) {
        const rs_param *p = &sec->params[i];
        char def[64], range[160], zhbuf[160];
        fmt_default(p, def, sizeof def);
        fmt_range(p, md, range, sizeof range);
        int rangeable = (p->type == RS_P_NUM || p->type == RS_P_INT) && !(p->flags & RS_P_FIXED);
        if (md)
            printf("| `%s` | %s | %s | %s | %s | %s | %s | %s |\n", p->name, *p->unit ? p->unit : "",
                   def, range, rangeable ? "yes" : "no", p->flags & RS_P_SCHED ? "yes" : "",
                   p->label_zh ? p->label_zh : "", p->doc);
        else
            printf("  %-*s %s%s%-*s %-*s %-*s %s\n", wk, p->name,
                   zh ? rs_utf8_pad(p->label_zh ? p->label_zh : "", wz, zhbuf, sizeof zhbuf) : "",
                   zh ? " " : "", wu, *p->unit ? p->unit : "-", wd, def, wr, range, p->doc);
    }
    printf("\n");
}

int rs_cmd_params(int argc, char **argv, const rs_command *cmd, rs_error *err)
{
    params_a = (params_args){0};
    int at, rc = rs_opt_parse(argc, argv, cmd, &at, err);
    if (rc)
        return rc;
    const int md = params_a.markdown, zh = params_a.lang == 1;
    const rs_section *only = NULL;
    char want[64] = "";
    if (argc - at == 1) {   /* "loan" or "loan:east": the section type */
        snprintf(want, sizeof want, "%s", argv[at]);
        char *colon = strchr(want, ':');
        if (colon)
            *colon = '\0';
    }
    int corr_only = strcmp(want, "correlation") == 0;
    if (*want && !corr_only && !(only = rs_section_find(want))) {
        char list[512];
        size_t j = 0;
        for (int i = 0; i < rs_nsections && j < sizeof list; i++)
            j += (size_t)snprintf(list + j, sizeof list - j, "%s ", rs_sections[i]->name);
        return rs_error_set(err, RS_EUSAGE, "unknown section '%s'; sections: %scorrelation",
                            argv[at], list);
    }
    if (md && !only)
        printf("# Scenario parameters\n\nGenerated by `revsim params --markdown` from the "
               "models' parameter tables; do not edit by hand (`make docs`).\n\n"
               "Every numeric parameter marked *ranges: yes* may carry `low` and `high` "
               "(and `dist`) for Monte Carlo. A share, rate or ratio may end in `%%` (60%% = 0.6).\n\n");
    for (int i = 0; i < rs_nsections && !corr_only; i++)
        if (!only || only == rs_sections[i])
            print_section(rs_sections[i], md, zh);
    if (!only) {
        if (md)
            printf("## `correlation`\n\nCorrelation between two parameters that have "
                   "low/high (of their Gaussian copula), one row a pair: `correlation,SECTION.KEY|SECTION.KEY,RHO` with "
                   "RHO from -1 to 1, e.g. `correlation,shops:east.rent|shops:east."
                   "occupancy_target,0.6`. Applied through a Gaussian copula; see "
                   "[uncertainty.md](uncertainty.md).\n");
        else
            printf("correlation%s  -  one row a pair: correlation,SECTION.KEY|SECTION.KEY,RHO "
                   "(RHO from -1 to 1;\n  both parameters need low/high), e.g.\n"
                   "  correlation,shops:east.rent|shops:east.occupancy_target,0.6\n",
                   zh ? "  相关性" : "");
    }
    return 0;
}
