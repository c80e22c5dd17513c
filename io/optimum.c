/* optimum.c: optimum.csv, optimum_limits.csv and optimum-variant.csv
 * (optimum.h). Numbers as every result file writes them (%.10g). */
#define _XOPEN_SOURCE 700
#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "optimum.h"

int rs_relative_path(const char *dir, const char *target, char *out, size_t n)
{
    char a[PATH_MAX], b[PATH_MAX];
    if (!realpath(dir, a) || !realpath(target, b))
        return -1;
    /* the longest common prefix that ends at a component boundary */
    size_t i = 0, common = 0;
    while (a[i] && a[i] == b[i]) {
        i++;
        if (a[i - 1] == '/')
            common = i;
    }
    if (!a[i] && b[i] == '/')
        common = i + 1;               /* dir itself is a prefix of target */
    size_t used = 0;
    for (const char *p = a + common; *p;) {   /* one ".." per component of dir left */
        if (used + 4 > n)
            return -1;
        memcpy(out + used, "../", 3);
        used += 3;
        const char *q = strchr(p, '/');
        p = q ? q + 1 : p + strlen(p);
    }
    const size_t rest = strlen(b + common);
    if (used + rest + 1 > n)
        return -1;
    memcpy(out + used, b + common, rest + 1);
    return 0;
}

static int write_levers(rs_outset *o, const rs_scenario *s, const rs_mix_result *res,
                        rs_error *err)
{
    static const char *const head[] = {"lever", "kind", "community", "size", "space_m2",
                                       "capex", "npv"};
    rs_csv c;
    int rc = rs_outset_csv(o, "optimum.csv", &c, err);
    if (rc)
        return rc;
    for (size_t k = 0; k < sizeof head / sizeof head[0]; k++)
        rs_csv_text(&c, head[k]);
    rs_csv_endrow(&c);
    for (int i = 0; i < res->nchoice; i++) {
        const rs_mix_choice *ch = &res->choice[i];
        const rs_entity *e = &s->lev[ch->lever];
        rs_csv_text(&c, e->name);
        rs_csv_text(&c, e->sec->name);
        rs_csv_text(&c, e->community >= 0 ? s->com[e->community].name : "");
        rs_csv_num(&c, ch->size);
        rs_csv_num(&c, ch->space_m2);
        rs_csv_num(&c, ch->capex);
        rs_csv_num(&c, ch->npv);
        rs_csv_endrow(&c);
    }
    return rs_csv_close(&c, o, err);
}

static int write_limits(rs_outset *o, const rs_mix_result *res, rs_error *err)
{
    static const char *const head[] = {"name", "value", "limit", "slack", "shadow_price"};
    rs_csv c;
    int rc = rs_outset_csv(o, "optimum_limits.csv", &c, err);
    if (rc)
        return rc;
    for (size_t k = 0; k < sizeof head / sizeof head[0]; k++)
        rs_csv_text(&c, head[k]);
    rs_csv_endrow(&c);
    for (int i = 0; i < res->nlimit; i++) {
        const rs_mix_limit *L = &res->limit[i];
        rs_csv_text(&c, L->name);
        rs_csv_num(&c, L->value);
        rs_csv_num(&c, L->limit);
        rs_csv_num(&c, L->slack);
        rs_csv_num(&c, L->shadow);
        rs_csv_endrow(&c);
    }
    return rs_csv_close(&c, o, err);
}

static void row(rs_csv *c, const char *section, const char *key, const char *text, double v,
                const char *note)
{
    rs_csv_text(c, section);
    rs_csv_text(c, key);
    if (text)
        rs_csv_text(c, text);
    else
        rs_csv_num(c, v);
    rs_csv_text(c, note);
    rs_csv_endrow(c);
}

static int write_variant(rs_outset *o, const rs_scenario *s, const rs_mix_result *res,
                         const char *scenario, rs_error *err)
{
    char base[PATH_MAX], sec[RS_NAME_MAX + 32], note[160], name[512];
    if (rs_relative_path(o->dir, scenario, base, sizeof base) != 0)
        return rs_error_set(err, RS_ECANTCREAT, "%s: cannot name %s relative to it", o->dir,
                            scenario);
    rs_csv c;
    int rc = rs_outset_csv(o, "optimum-variant.csv", &c, err);
    if (rc)
        return rc;
    row(&c, "section", "key", "value", 0, "note");
    row(&c, "scenario", "base", base, 0, "the optimised scenario");
    snprintf(name, sizeof name, "%s (optimum)", s->scen.text[SC_NAME] ? s->scen.text[SC_NAME] : "");
    row(&c, "scenario", "name", name, 0, "written by revsim optimize");
    row(&c, "scenario", "stabilized_year", NULL, res->stab_year,
        "the stabilized year of the optimum (every sized lever at size_max, every optional "
        "lever in), pinned so that levers left out do not move it");
    for (int i = 0; i < res->nchoice; i++) {
        const rs_mix_choice *ch = &res->choice[i];
        const rs_entity *e = &s->lev[ch->lever];
        rs_entity_section(e, sec, sizeof sec);
        if (ch->sized && ch->size >= 1) {
            snprintf(note, sizeof note, "chosen by revsim optimize (%g to %g)", ch->size_min,
                     ch->size_max);
            row(&c, sec, e->sec->params[e->sec->size_param].name, NULL, ch->size, note);
        } else if (ch->size < 1) {
            row(&c, sec, "enabled", NULL, 0,
                ch->sized ? "size 0: left out by revsim optimize"
                          : "optional: left out by revsim optimize");
        }
    }
    return rs_csv_close(&c, o, err);
}

int rs_write_optimum(rs_outset *o, const rs_scenario *s, const rs_mix_result *res,
                     const char *scenario, int *nfiles, rs_error *err)
{
    int rc;
    if ((rc = write_levers(o, s, res, err)) || (rc = write_limits(o, res, err)) ||
        (rc = write_variant(o, s, res, scenario, err)))
        return rc;
    if (nfiles)
        *nfiles = 3;
    return RS_OK;
}
