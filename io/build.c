/* build.c: a validated rs_scenario from the rows of io/source.c. Linear
 * passes with hash lookups: rows are grouped by section; templates (`like`)
 * are resolved once, each copy taking every row of its template but
 * `enabled` and `like` unless it sets the row itself; each row is checked
 * against its section's parameter table (KEY@Y rows become schedule steps);
 * then cross-key rules, communities, correlations, and the split into the
 * scenario's arrays by the kind table. */
#define _XOPEN_SOURCE 700
#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include "../base/fmt.h"
#include "../base/suggest.h"
#include "../models/draw.h"
#include "../models/plausible.h"
#include "scenario.h"

/* ------------------------------------------------------------ sections */

/* One effective row of a section: its own or one its template gives it. */
typedef struct {
    int row;          /* index in src->rows */
    int inherited;    /* 1: copied from a template (the row's section is the origin) */
} eff_row;

/* A section as written, with its rows. */
typedef struct {
    const char *name;           /* "shops:east", as in its rows */
    int *own;                   /* its own rows */
    int nown, capown;
    int like;                   /* template section index, -1 */
    int like_row;
    int copied;                 /* 1 when another section copies it (`like`) */
    int state;                  /* template resolution: 0 new, 1 busy, 2 done */
    eff_row *eff;
    int neff;
    int ent;                    /* entity index, -1 before */
} secinfo;

typedef struct { int ent, param, year, row; double value; } step_b;
typedef struct { int ent, param, year, order, seq; double low, high; rs_dist dist; char label[RS_NAME_MAX + 48]; } range_b;
typedef struct { int ent, param, year; char label[RS_NAME_MAX + 48]; } link_b;

/* Build state. */
typedef struct {
    rs_source *src;
    secinfo *sec;
    int nsec, capsec;
    rs_strmap secmap;           /* section name -> index in sec */
    int *corr_rows;
    int ncorr, capcorr;
    rs_entity *ent;             /* every section's entity, in first-appearance order */
    int (*prow)[RS_MAX_PARAMS]; /* per entity: row index of each parameter, -1 */
    int nent, nbig;             /* entities; communities and levers among them */
    rs_strmap levers, communities; /* names -> entity */
    step_b *step;
    int nstep, capstep;
    rs_step *tmpstep;           /* the steps while checking (steps_for_checks) */
    range_b *rng;
    int nrng, caprng;
    link_b *link;
    int nlink, caplink;
} build;

static int grow(void **p, int *cap, int n, size_t size)
{
    if (n < *cap)
        return 0;
    int c = *cap ? 2 * *cap : 16;
    void *q = realloc(*p, (size_t)c * size);
    if (!q)
        return -1;
    *p = q;
    *cap = c;
    return 0;
}
#define GROW(arr, cap, n) grow((void **)&(arr), &(cap), (n), sizeof *(arr))

static int oom(rs_error *err) { return rs_error_set(err, RS_ESOFTWARE, "out of memory"); }

/* Group the rows by section (first appearance order); correlation rows apart. */
static int group_rows(build *b, rs_error *err)
{
    rs_source *src = b->src;
    for (int i = 0; i < src->nrows; i++) {
        const rs_row *r = &src->rows[i];
        if (strcmp(r->section, "correlation") == 0) {
            if (GROW(b->corr_rows, b->capcorr, b->ncorr))
                return oom(err);
            b->corr_rows[b->ncorr++] = i;
            continue;
        }
        int k = rs_strmap_get(&b->secmap, r->section);
        if (k < 0) {
            if (GROW(b->sec, b->capsec, b->nsec))
                return oom(err);
            k = b->nsec++;
            memset(&b->sec[k], 0, sizeof b->sec[k]);
            b->sec[k].name = r->section;
            b->sec[k].like = b->sec[k].like_row = b->sec[k].ent = -1;
            if (rs_strmap_put(&b->secmap, r->section, k) != 0)
                return oom(err);
        }
        secinfo *si = &b->sec[k];
        if (GROW(si->own, si->capown, si->nown))
            return oom(err);
        si->own[si->nown++] = i;
        if (strcmp(r->key, "like") == 0)
            si->like_row = i;
    }
    return RS_OK;
}

/* The type of section name "shops:east" ("shops") into buf. */
static const char *type_of(const char *name, char *buf, size_t n)
{
    const char *colon = strchr(name, ':');
    size_t tl = colon ? (size_t)(colon - name) : strlen(name);
    if (tl >= n)
        tl = n - 1;
    memcpy(buf, name, tl);
    buf[tl] = '\0';
    return buf;
}

/* Point each `like` at its template (same type, defined in the scenario). */
static int link_templates(build *b, rs_error *err)
{
    for (int k = 0; k < b->nsec; k++) {
        secinfo *si = &b->sec[k];
        if (si->like_row < 0)
            continue;
        const rs_row *r = &b->src->rows[si->like_row];
        char type[64], want[RS_NAME_MAX + 64];
        type_of(si->name, type, sizeof type);
        if (!strchr(si->name, ':'))
            return rs_error_set(err, RS_EDATA, "%s:%d: %s.like: section '%s' has no name, so it "
                                "cannot be a copy", r->file, r->line, si->name, si->name);
        if (strchr(r->value, ':'))
            snprintf(want, sizeof want, "%s", r->value);
        else   /* "like,phase1" means a section of the same type */
            snprintf(want, sizeof want, "%s:%s", type, r->value);
        char wtype[64];
        type_of(want, wtype, sizeof wtype);
        if (strcmp(wtype, type) != 0)
            return rs_error_set(err, RS_EDATA, "%s:%d: %s.like: '%s' is a section of another "
                                "kind; a %s section can only copy a %s section", r->file,
                                r->line, si->name, r->value, type, type);
        int t = rs_strmap_get(&b->secmap, want);
        if (t < 0) {
            const char **names = malloc((size_t)(b->nsec ? b->nsec : 1) * sizeof *names);
            int n = 0;
            char hint[96] = "";
            if (names) {
                for (int j = 0; j < b->nsec; j++)
                    if (j != k && strncmp(b->sec[j].name, type, strlen(type)) == 0)
                        names[n++] = b->sec[j].name;
                rs_suggest(want, names, sizeof names[0], n, hint, sizeof hint);
                free(names);
            }
            return rs_error_set(err, RS_EDATA, "%s:%d: %s.like: no section '%s' to copy%s",
                                r->file, r->line, si->name, want, hint);
        }
        if (t == k)
            return rs_error_set(err, RS_EDATA, "%s:%d: %s.like: a section cannot copy itself",
                                r->file, r->line, si->name);
        si->like = t;
        b->sec[t].copied = 1;
    }
    return RS_OK;
}

/* Resolve section k's effective rows: its own, then its template's (after
 * the template's own `like`) that it does not set itself, except `enabled`
 * and `like`. A cycle is an error naming the chain. */
static int resolve(build *b, int k, rs_error *err)
{
    secinfo *si = &b->sec[k];
    if (si->state == 2)
        return RS_OK;
    if (si->state == 1) {
        const rs_row *r = &b->src->rows[si->like_row];
        char chain[512];
        size_t used = 0;
        int j = k;
        do {
            used += (size_t)snprintf(chain + used, used < sizeof chain ? sizeof chain - used : 0,
                                     "%s -> ", b->sec[j].name);
            j = b->sec[j].like;
        } while (j != k && j >= 0 && used < sizeof chain);
        if (used < sizeof chain)
            snprintf(chain + used, sizeof chain - used, "%s", si->name);
        return rs_error_set(err, RS_EDATA, "%s:%d: %s.like: templates copy each other in a "
                            "cycle: %s", r->file, r->line, si->name, chain);
    }
    si->state = 1;
    int n = si->nown;
    const secinfo *t = NULL;
    if (si->like >= 0) {
        int rc = resolve(b, si->like, err);
        if (rc)
            return rc;
        t = &b->sec[si->like];
        n += t->neff;
    }
    si = &b->sec[k];   /* b->sec does not move while resolving, but be plain */
    if (!(si->eff = malloc((size_t)(n ? n : 1) * sizeof *si->eff)))
        return oom(err);
    for (int i = 0; i < si->nown; i++)
        si->eff[si->neff++] = (eff_row){si->own[i], 0};
    if (t) {
        rs_strmap mine;
        rs_strmap_init(&mine);
        for (int i = 0; i < si->nown; i++)
            if (rs_strmap_put(&mine, b->src->rows[si->own[i]].key, i) != 0) {
                rs_strmap_release(&mine);
                return oom(err);
            }
        for (int i = 0; i < t->neff; i++) {
            const rs_row *r = &b->src->rows[t->eff[i].row];
            if (strcmp(r->key, "enabled") == 0 || strcmp(r->key, "like") == 0 ||
                rs_strmap_get(&mine, r->key) >= 0)
                continue;
            si->eff[si->neff++] = (eff_row){t->eff[i].row, 1};
        }
        rs_strmap_release(&mine);
    }
    si->state = 2;
    return RS_OK;
}

/* --------------------------------------------------------------- rows */

static int section_name_ok(const char *s)
{
    if (!*s || strlen(s) >= RS_NAME_MAX)
        return 0;
    /* ASCII letters, digits, '_' and '-', and non-ASCII UTF-8 (Chinese names) */
    for (; *s; s++)
        if (!((*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z') || (*s >= '0' && *s <= '9') ||
              *s == '_' || *s == '-' || (unsigned char)*s >= 0x80))
            return 0;
    return 1;
}

/* Entity of section k, created on first sight; -1 with err set. */
static int entity_for(build *b, int k, const rs_row *r, rs_error *err)
{
    secinfo *si = &b->sec[k];
    if (si->ent >= 0)
        return si->ent;
    char type[64];
    type_of(si->name, type, sizeof type);
    const char *colon = strchr(si->name, ':');
    const char *name = colon ? colon + 1 : "";
    const rs_section *sec = rs_section_find(type);
    if (!sec) {
        char hint[96];
        const char *names[32];
        int n = 0;
        for (int i = 0; i < rs_nsections && n < 31; i++)
            names[n++] = rs_sections[i]->name;
        names[n++] = "correlation";
        rs_suggest(type, names, sizeof names[0], n, hint, sizeof hint);
        rs_error_set(err, RS_EDATA,
                     "%s:%d: %s.%s: unknown section '%s'%s (see `revsim params` for the list)",
                     r->file, r->line, r->section, r->key, type, hint);
        return -1;
    }
    if (sec->named && !colon) {
        rs_error_set(err, RS_EDATA, "%s:%d: %s.%s: section needs a name: '%s:NAME'", r->file,
                     r->line, r->section, r->key, type);
        return -1;
    }
    if (!sec->named && colon) {
        rs_error_set(err, RS_EDATA, "%s:%d: %s.%s: section '%s' takes no name", r->file,
                     r->line, r->section, r->key, type);
        return -1;
    }
    if (sec->named && !section_name_ok(name)) {
        rs_error_set(err, RS_EDATA,
                     "%s:%d: %s.%s: bad name '%s' (use letters (Chinese too), digits, '_' and '-', "
                     "at most %d bytes)", r->file, r->line, r->section, r->key, name, RS_NAME_MAX - 1);
        return -1;
    }
    if (sec->kind == RS_SEC_LEVER) {   /* lever names are unique across lever kinds */
        int other = rs_strmap_get(&b->levers, name);
        if (other >= 0) {
            rs_error_set(err, RS_EDATA,
                         "%s:%d: %s.%s: lever name '%s' is already used by '%s:%s' (row %d)",
                         r->file, r->line, r->section, r->key, name, b->ent[other].sec->name,
                         b->ent[other].name, b->ent[other].line);
            return -1;
        }
    }
    /* bounds memory: results are (communities + levers) x months */
    const int big = sec->kind == RS_SEC_LEVER || sec->kind == RS_SEC_COMMUNITY;
    if ((big ? b->nbig : b->nent - b->nbig) >= RS_SECTIONS_MAX) {
        rs_error_set(err, RS_EDATA, "%s:%d: %s.%s: more than %d %s (revsim's limit)", r->file,
                     r->line, r->section, r->key, RS_SECTIONS_MAX,
                     big ? "communities and levers together" : "other sections");
        return -1;
    }
    b->nbig += big;
    int cap = 0;
    if (b->nent >= 256 && (b->nent & (b->nent - 1)) == 0) {   /* grow ent and prow together: */
        cap = 2 * b->nent;                                  /* 256, then doubling */
    } else if (b->nent == 0) {
        cap = 256;
    }
    if (cap) {
        rs_entity *ne = realloc(b->ent, (size_t)cap * sizeof *ne);
        if (ne)
            b->ent = ne;
        void *np = ne ? realloc(b->prow, (size_t)cap * sizeof *b->prow) : NULL;
        if (!np) {
            oom(err);
            return -1;
        }
        b->prow = np;
    }
    rs_entity *e = &b->ent[b->nent];
    rs_entity_init(e, sec);
    size_t nl = strlen(name);   /* checked shorter than RS_NAME_MAX above */
    nl = nl < sizeof e->name - 1 ? nl : sizeof e->name - 1;
    memcpy(e->name, name, nl);
    e->name[nl] = '\0';
    e->file = r->file;
    e->line = r->line;
    for (int p = 0; p < RS_MAX_PARAMS; p++)
        b->prow[b->nent][p] = -1;
    /* the maps borrow the name from the rows (entities move as b->ent grows) */
    if ((sec->kind == RS_SEC_LEVER && rs_strmap_put(&b->levers, name, b->nent) != 0) ||
        (sec->kind == RS_SEC_COMMUNITY && rs_strmap_put(&b->communities, name, b->nent) != 0)) {
        oom(err);
        return -1;
    }
    si->ent = b->nent;
    return b->nent++;
}

/* " (write ...)" hints for a value that is not a number. */
static const char *number_hint(const char *text, const rs_param *p)
{
    if (strchr(text, ','))
        return " (write it without thousands separators)";
    if (strstr(text, "万") || strstr(text, "千") || strstr(text, "亿") || strstr(text, "元"))
        return " (write the plain amount in CNY: 1250000, not 125万 or 150元)";
    for (const unsigned char *q = (const unsigned char *)text; q[0]; q++)
        if (q[0] == 0xEF && q[1] == 0xBC && q[2] >= 0x90 && q[2] <= 0x99)
            return " (use ASCII digits 0-9, not full-width ones)";
    (void)p;
    return "";
}

/* Units a value may be written in percent for: shares, rates, ratios (60%
 * = 0.6); not amounts, counts or times (5% of a CNY amount is a slip). */
static int percent_unit(const char *unit)
{
    static const char *const ok[] = {"", "fraction", "1/year", "ratio", "times", "probability"};
    for (size_t i = 0; i < sizeof ok / sizeof ok[0]; i++)
        if (strcmp(unit, ok[i]) == 0)
            return 1;
    return 0;
}

/* Parse a numeric cell of param p; RS_OK or error naming `what`. */
static int number_cell(const rs_row *r, const rs_param *p, const char *what, const char *text,
                       double *out, rs_error *err)
{
    double v;
    if (rs_parse_number(text, &v) != 0)
        return rs_error_set(err, RS_EDATA, "%s:%d: %s.%s: %s '%s' is not a number%s", r->file,
                            r->line, r->section, r->key, what, text, number_hint(text, p));
    if (rs_number_is_percent(text) && !percent_unit(p->unit))
        return rs_error_set(err, RS_EDATA, "%s:%d: %s.%s: %s '%s' is a percentage, but the "
                            "key is in %s: write the amount itself", r->file, r->line,
                            r->section, r->key, what, text, p->unit);
    if (p->type == RS_P_INT && v != floor(v))
        return rs_error_set(err, RS_EDATA, "%s:%d: %s.%s: %s '%s' must be a whole number",
                            r->file, r->line, r->section, r->key, what, text);
    if (v < p->min)
        return rs_error_set(err, RS_EDATA, "%s:%d: %s.%s: %s %s is below the minimum %g%s%s",
                            r->file, r->line, r->section, r->key, what, text, p->min,
                            *p->unit ? " " : "", p->unit);
    if (v > p->max) {
        /* a share or a rate per year written in percent without the sign */
        const int fraction = (strcmp(p->unit, "fraction") == 0 || strcmp(p->unit, "1/year") == 0) &&
                             v <= 100 && !rs_number_is_percent(text);
        char hint[64] = "";
        if (fraction)
            snprintf(hint, sizeof hint, " (did you mean %s%%?)", text);
        return rs_error_set(err, RS_EDATA, "%s:%d: %s.%s: %s %s is above the maximum %g%s%s%s",
                            r->file, r->line, r->section, r->key, what, text, p->max,
                            *p->unit ? " " : "", p->unit, hint);
    }
    *out = v;
    return RS_OK;
}

/* low/high/dist of row r of param p with value v: *ranged 0, or 1 and the
 * range filled. */
static int range_cells(const rs_row *r, const rs_param *p, double v, int *ranged, double *lo,
                       double *hi, rs_dist *dist, rs_error *err)
{
    int has_low = r->low && *r->low, has_high = r->high && *r->high;
    int has_dist = r->dist && *r->dist;
    *ranged = 0;
    if (!has_low && !has_high) {
        if (has_dist)
            return rs_error_set(err, RS_EDATA, "%s:%d: %s.%s: dist '%s' needs low and high",
                                r->file, r->line, r->section, r->key, r->dist);
        return RS_OK;
    }
    if ((p->type != RS_P_NUM && p->type != RS_P_INT) || (p->flags & RS_P_FIXED))
        return rs_error_set(err, RS_EDATA, "%s:%d: %s.%s: this key cannot carry low/high",
                            r->file, r->line, r->section, r->key);
    if (!has_low || !has_high) {
        /* "1,000" unquoted spills its "000" into low */
        int spill = has_low && strlen(r->low) == 3 && isdigit((unsigned char)r->low[0]) &&
                    isdigit((unsigned char)r->low[1]) && isdigit((unsigned char)r->low[2]);
        return rs_error_set(err, RS_EDATA, "%s:%d: %s.%s: give both low and high, or neither%s",
                            r->file, r->line, r->section, r->key,
                            spill ? " (is the value a number written with a thousands "
                                    "separator? write 1000, not 1,000)" : "");
    }
    int rc;
    if ((rc = number_cell(r, p, "low", r->low, lo, err)) ||
        (rc = number_cell(r, p, "high", r->high, hi, err)))
        return rc;
    if (!(*lo <= v && v <= *hi))
        return rs_error_set(err, RS_EDATA, "%s:%d: %s.%s: need low <= value <= high, got "
                            "%s <= %s <= %s", r->file, r->line, r->section, r->key, r->low,
                            r->value, r->high);
    *dist = RS_DIST_TRIANGULAR;
    if (has_dist) {
        char low[32];
        size_t dl = strlen(r->dist);
        for (size_t i = 0; i <= dl && i < sizeof low; i++)
            low[i] = (char)tolower((unsigned char)r->dist[i]);
        low[sizeof low - 1] = '\0';
        int d = rs_choice_index(RS_DIST_CHOICES, low);
        if (d < 0)
            return rs_error_set(err, RS_EDATA, "%s:%d: %s.%s: dist '%s' is not one of %s",
                                r->file, r->line, r->section, r->key, r->dist, RS_DIST_CHOICES);
        *dist = (rs_dist)d;
    }
    if ((*dist == RS_DIST_NORMAL || *dist == RS_DIST_LOGNORMAL) && !(*lo < v && v < *hi))
        return rs_error_set(err, RS_EDATA, "%s:%d: %s.%s: %s needs low < value < high",
                            r->file, r->line, r->section, r->key, r->dist);
    if (*dist == RS_DIST_LOGNORMAL && !(*lo > 0))
        return rs_error_set(err, RS_EDATA, "%s:%d: %s.%s: lognormal needs low > 0", r->file,
                            r->line, r->section, r->key);
    *ranged = 1;
    return RS_OK;
}

/* Apply effective row `row` (inherited: from a template) to entity ei;
 * `order` places its range among the others (the row where it is written). */
static int apply_row(build *b, int ei, int row, int inherited, int order, rs_error *err)
{
    const rs_row *r = &b->src->rows[row];
    rs_entity *e = &b->ent[ei];
    const rs_section *sec = e->sec;
    if (strcmp(r->key, "like") == 0)
        return RS_OK;   /* resolved already */
    char key[128];
    size_t kl = strlen(r->key);
    kl = kl < sizeof key - 1 ? kl : sizeof key - 1;
    memcpy(key, r->key, kl);
    key[kl] = '\0';
    int year = 0;
    char *at = strchr(key, '@');
    if (at) {
        *at = '\0';
        double y;
        if (rs_parse_number(at + 1, &y) != 0 || y != floor(y) || y < 2 || y > RS_MAX_MONTHS / 12)
            return rs_error_set(err, RS_EDATA, "%s:%d: %s.%s: '%s' is not a year of a schedule "
                                "(write KEY@Y with Y a whole year from 2, e.g. fee_rate@3)",
                                r->file, r->line, r->section, r->key, at + 1);
        year = (int)y;
        for (int s = b->nstep - 1; s >= 0 && b->step[s].ent == ei; s--)
            if (b->step[s].param == rs_param_find(sec->params, sec->nparams, key) &&
                b->step[s].year == year) {
                const rs_row *was = &b->src->rows[b->step[s].row];
                return rs_error_set(err, RS_EDATA, "%s:%d: %s.%s: year %d of '%s' is also set "
                                    "by %s:%d", r->file, r->line, r->section, r->key, year, key,
                                    was->file, was->line);
            }
    }
    int pi = rs_param_find(sec->params, sec->nparams, key);
    if (pi < 0) {
        char hint[96];
        rs_suggest(key, &sec->params[0].name, sizeof sec->params[0], sec->nparams, hint,
                sizeof hint);
        if (!*hint && rs_distance(key, "like") <= 1)
            snprintf(hint, sizeof hint, " (did you mean 'like'?)");
        return rs_error_set(err, RS_EDATA,
                            "%s:%d: %s.%s: unknown key '%s' for section '%s'%s "
                            "(see `revsim params %s`)", r->file, r->line, r->section, r->key,
                            key, sec->name, hint, sec->name);
    }
    const rs_param *p = &sec->params[pi];
    if (year && !(p->flags & RS_P_SCHED))
        return rs_error_set(err, RS_EDATA, "%s:%d: %s.%s: '%s' cannot be scheduled by year "
                            "(the keys that can: fee_rate, cost_annual, rent, master_rent, fee, "
                            "price_per_session, price_per_kwh, electricity_cost, income)",
                            r->file, r->line, r->section, r->key, key);
    if (r->unit && (strstr(r->unit, "万") || strstr(r->unit, "千") || strstr(r->unit, "亿")))
        return rs_error_set(err, RS_EDATA, "%s:%d: %s.%s: unit '%s': revsim does not scale "
                            "values; write the amount in %s (e.g. 540000, not 54 万元)",
                            r->file, r->line, r->section, r->key, r->unit,
                            *p->unit ? p->unit : "plain numbers");
    int rc;
    double v = 0.0;
    switch (p->type) {
    case RS_P_NUM:
    case RS_P_INT:
        if ((rc = number_cell(r, p, "value", r->value, &v, err)))
            return rc;
        if (!year)
            e->v[pi] = v;
        break;
    case RS_P_ENUM: {
        int idx = rs_choice_index(p->choices, r->value);
        if (idx < 0)
            return rs_error_set(err, RS_EDATA, "%s:%d: %s.%s: '%s' is not one of %s", r->file,
                                r->line, r->section, r->key, r->value, p->choices);
        e->v[pi] = idx;
        break;
    }
    case RS_P_TEXT:
    case RS_P_REF:
        if (!*r->value && p->type == RS_P_REF)
            return rs_error_set(err, RS_EDATA, "%s:%d: %s.%s: empty value", r->file, r->line,
                                r->section, r->key);
        free(e->text[pi]);
        if (!(e->text[pi] = strdup(r->value)))
            return oom(err);
        break;
    }
    if (year) {
        if (GROW(b->step, b->capstep, b->nstep))
            return oom(err);
        b->step[b->nstep++] = (step_b){ei, pi, year, row, v};
    } else {
        e->set[pi] = 1;
        b->prow[ei][pi] = row;
    }
    char label[RS_NAME_MAX + 48];
    snprintf(label, sizeof label, "%s.%s", r->section, r->key);   /* the origin row */
    if (inherited && (p->type == RS_P_NUM || p->type == RS_P_INT)) {
        if (GROW(b->link, b->caplink, b->nlink))
            return oom(err);
        link_b *l = &b->link[b->nlink++];
        l->ent = ei;
        l->param = pi;
        l->year = year;
        snprintf(l->label, sizeof l->label, "%s", label);
    }
    int ranged;
    double lo, hi;
    rs_dist dist;
    if ((rc = range_cells(r, p, v, &ranged, &lo, &hi, &dist, err)) || !ranged)
        return rc;
    if (GROW(b->rng, b->caprng, b->nrng))
        return oom(err);
    range_b *g = &b->rng[b->nrng++];
    g->ent = ei;
    g->order = order;
    g->seq = b->nrng;
    g->param = pi;
    g->year = year;
    g->low = lo;
    g->high = hi;
    g->dist = dist;
    snprintf(g->label, sizeof g->label, "%s", label);
    return RS_OK;
}

/* 1 when entity e is switched off (enabled 0: a variant's off switch or a
 * template meant only to be copied). */
static int disabled(const rs_entity *e)
{
    return (e->sec->kind == RS_SEC_LEVER && e->v[LV_ENABLED] == 0) ||
           (e->sec->kind == RS_SEC_LOAN && e->v[LN_ENABLED] == 0);
}

/* The row of parameter k of entity i (for messages): file and line. */
static const rs_row *param_row(const build *b, int i, int k)
{
    return b->prow[i][k] >= 0 ? &b->src->rows[b->prow[i][k]] : NULL;
}

/* 1 when entity e has every required key. */
static int complete(const rs_entity *e)
{
    for (int k = 0; k < e->sec->nparams; k++)
        if ((e->sec->params[k].flags & RS_P_REQUIRED) && !e->set[k])
            return 0;
    return 1;
}

/* " (did you mean 'NAME'?)" for the section of entity i's kind whose name
 * is closest to its own (a typo), else "". The first 4096 are looked at;
 * with `whole`, only those that have every required key. */
static const char *similar_entity(const build *b, int i, int whole, char *hint, size_t len)
{
    int cap = b->nent < 4096 ? b->nent : 4096, n = 0;
    const char **names = malloc((size_t)(cap ? cap : 1) * sizeof *names);
    hint[0] = '\0';
    if (!names)
        return hint;
    for (int j = 0; j < b->nent && n < cap; j++)
        if (j != i && b->ent[j].sec == b->ent[i].sec && (!whole || complete(&b->ent[j])))
            names[n++] = b->ent[j].name;
    rs_suggest(b->ent[i].name, names, sizeof names[0], n, hint, len);
    free(names);
    return hint;
}

/* Checks after all rows: required keys, cross-key rules, communities. */
static int finish_entity(build *b, int i, int ncom, int first_com, rs_error *err)
{
    rs_entity *e = &b->ent[i];
    const rs_section *sec = e->sec;
    char sname[RS_NAME_MAX + 32];
    rs_entity_section(e, sname, sizeof sname);
    const int lever = sec->kind == RS_SEC_LEVER;
    if (lever && e->set[LV_ENABLED]) {
        int others = 0;
        for (int k = 0; k < sec->nparams; k++)
            others += e->set[k] && k != LV_ENABLED;
        for (int s = 0; s < b->nstep && !others; s++)
            others += b->step[s].ent == i;
        if (!others) {   /* a variant switching a lever that does not exist: a typo? */
            char hint[96];
            return rs_error_set(err, RS_EDATA, "%s:%d: %s.enabled: no lever '%s' is defined "
                                "(here or in the base)%s", e->file, e->line, sname, sname,
                                similar_entity(b, i, 0, hint, sizeof hint));
        }
    }
    if (sec->derive)
        sec->derive(e);
    /* a switched-off section is left out as if its rows were absent: a template
     * meant only to be copied need not be complete (its keys are still checked) */
    if (disabled(e))
        return RS_OK;
    for (int k = 0; k < sec->nparams; k++)
        if ((sec->params[k].flags & RS_P_REQUIRED) && !e->set[k]) {
            /* a variant's misspelt section starts a new, incomplete one */
            char hint[96], near[2 * sizeof sname + 128] = "";
            int si = rs_strmap_get(&b->secmap, sname);
            if (si >= 0 && b->sec[si].copied && (lever || sec->kind == RS_SEC_LOAN))
                snprintf(near, sizeof near, " (%s is copied with `like`; a template meant only "
                         "to be copied is switched off with `%s,enabled,0`)", sname, sname);
            else if (*similar_entity(b, i, 1, hint, sizeof hint))
                snprintf(near, sizeof near, "; a new section here, or a misspelt name%s", hint);
            return rs_error_set(err, RS_EDATA, "%s:%d: %s.%s: missing required key%s", e->file,
                                e->line, sname, sec->params[k].name, near);
        }
    if (sec->check) {
        char why[256];
        int k = sec->check(e, why, sizeof why);
        if (k >= 0) {
            const rs_row *r = param_row(b, i, k);
            return rs_error_set(err, RS_EDATA, "%s:%d: %s.%s: %s", r ? r->file : e->file,
                                r ? r->line : e->line, sname, sec->params[k].name, why);
        }
    }
    if (!lever)
        return RS_OK;
    if (e->set[LV_SIZE_MAX] && e->v[LV_SIZE_MIN] > e->v[LV_SIZE_MAX]) {
        const rs_row *r = param_row(b, i, LV_SIZE_MIN);
        return rs_error_set(err, RS_EDATA, "%s:%d: %s.size_min: %g is above size_max %g",
                            r ? r->file : e->file, r ? r->line : e->line, sname,
                            e->v[LV_SIZE_MIN], e->v[LV_SIZE_MAX]);
    }
    const char *want = e->text[LV_COMMUNITY];
    if (want && strncmp(want, "community:", 10) == 0)   /* "community:NAME" names it too */
        want += 10;
    if (!want) {
        if (ncom == 1) {
            e->community = first_com;
            return RS_OK;
        }
        return rs_error_set(err, RS_EDATA, "%s:%d: %s.community: missing; the scenario has %d "
                            "communities, so each lever must name one", e->file, e->line,
                            sname, ncom);
    }
    int c = rs_strmap_get(&b->communities, want);
    if (c >= 0) {
        e->community = c;
        return RS_OK;
    }
    const rs_row *r = param_row(b, i, LV_COMMUNITY);
    int cap = b->nent < 4096 ? b->nent : 4096, n = 0;
    const char **names = malloc((size_t)(cap ? cap : 1) * sizeof *names);
    char hint[96] = "";
    if (names) {
        for (int j = 0; j < b->nent && n < cap; j++)
            if (b->ent[j].sec->kind == RS_SEC_COMMUNITY)
                names[n++] = b->ent[j].name;
        rs_suggest(want, names, sizeof names[0], n, hint, sizeof hint);
        free(names);
    }
    return rs_error_set(err, RS_EDATA, "%s:%d: %s.community: names no community '%s'%s",
                        r ? r->file : e->file, r ? r->line : e->line, sname, want, hint);
}

/* Warnings for values far outside their typical range (models/plausible.c):
 * advice, not errors (--strict makes them errors). */
static void typical_values(build *b)
{
    for (int i = 0; i < b->nent; i++) {
        const rs_entity *e = &b->ent[i];
        if (disabled(e))
            continue;
        char sname[RS_NAME_MAX + 32];
        rs_entity_section(e, sname, sizeof sname);
        for (int k = 0; k < e->sec->nparams; k++) {
            const rs_typical *t = b->prow[i][k] >= 0 ? rs_typical_for(e, k) : NULL;
            if (t && rs_typical_outside(t, e->v[k]) && !rs_typical_zero_ok(e, k)) {
                const rs_row *r = &b->src->rows[b->prow[i][k]];
                rs_source_warn(b->src, "%s:%d: %s.%s: %g is outside the typical %g to %g%s%s: "
                               "check the value (typical: %s)", r->file, r->line, sname, r->key,
                               e->v[k], t->low, t->high, *e->sec->params[k].unit ? " " : "",
                               e->sec->params[k].unit, t->source);
            }
        }
    }
    for (int s = 0; s < b->nstep; s++) {
        const step_b *st = &b->step[s];
        const rs_entity *e = &b->ent[st->ent];
        const rs_typical *t = disabled(e) ? NULL : rs_typical_for(e, st->param);
        if (t && rs_typical_outside(t, st->value)) {
            const rs_row *r = &b->src->rows[st->row];
            rs_source_warn(b->src, "%s:%d: %s.%s: %g is outside the typical %g to %g: "
                           "check the value (typical: %s)", r->file, r->line, r->section, r->key, st->value,
                           t->low, t->high, t->source);
        }
    }
}

void rs_scenario_check_results(rs_source *src, const rs_scenario *s, const rs_results *r)
{
    const char *file = src->nfiles ? src->files[0] : "scenario";
    for (int k = 0; k < MT_N; k++) {
        const rs_typical *t = rs_typical_metric(k);
        const double v = r->metric[k];
        if (!t || isnan(v) || !rs_typical_outside(t, v))
            continue;
        if (k == MT_IRR && r->metric[MT_CAPEX_TOTAL] == 0)
            continue;   /* no investment: no rate of return to judge */
        rs_source_warn(src, "%s: result %s = %g is outside the typical %g to %g: %s", file,
                       rs_metrics[k].name, v, t->low, t->high, t->source);
    }
    /* covered in the stabilized year is not covered for good (advice:
     * counted, when kept, in nadvice) */
    const double stab = r->metric[MT_COVERAGE_STAB], last = r->metric[MT_COVERAGE_LAST];
    if (isnan(stab) || stab < 1)
        return;
    const int before = src->nwarn;
    /* a fund below zero while the investment is paid off is usual; below
     * zero after the stabilized year, when income should be refilling it,
     * is not */
    const double fmin = r->metric[MT_FUND_MIN], when = r->metric[MT_FUND_MIN_MONTH];
    const double stab_year = r->metric[MT_STAB_YEAR];
    if (!isnan(fmin) && fmin < 0 && !isnan(when) && !isnan(stab_year) && when > 12 * stab_year) {
        char amount[48];
        rs_fmt_group(fmin, 0, 0, amount, sizeof amount);
        rs_source_warn(src, "%s: result: the stabilized year is covered (%.1f%%) but the fund is "
                       "below zero after it (lowest %s %s, month %.0f); see annual.csv", file,
                       100 * stab, amount, s->scen.text[SC_CURRENCY], when);
    } else if (!isnan(last) && last < 1) {
        rs_source_warn(src, "%s: result: the stabilized year is covered (%.1f%%) but the last year "
                       "is not (%.1f%%): costs outgrow income; see annual.csv", file, 100 * stab,
                       100 * last);
    }
    src->nadvice += src->nwarn - before;
}

/* ---------------------------------------------------------- correlations */

/* Range index of the stream that "SECTION.KEY" names (a template row names
 * itself; an inherited row of a copy names its template's row), or -1;
 * *off is set when it names a parameter of a switched-off section, *row to
 * the row that gives the parameter (NULL when none does). */
static int find_corr_range(build *b, const rs_strmap *by_label, const char *ref, int *off,
                           const rs_row **row)
{
    *off = 0;
    *row = NULL;
    const char *dot = strrchr(ref, '.');
    if (!dot)
        return -1;
    char sec[RS_NAME_MAX + 64];
    snprintf(sec, sizeof sec, "%.*s", (int)(dot - ref), ref);
    int k = rs_strmap_get(&b->secmap, sec);
    if (k < 0)
        return -1;
    const secinfo *si = &b->sec[k];
    for (int i = 0; i < si->neff; i++) {
        const rs_row *r = &b->src->rows[si->eff[i].row];
        if (strcmp(r->key, dot + 1) != 0)
            continue;
        *row = r;
        char label[RS_NAME_MAX + 48];
        snprintf(label, sizeof label, "%s.%s", r->section, r->key);
        int g = rs_strmap_get(by_label, label);
        if (g < 0 && si->ent >= 0 && disabled(&b->ent[si->ent]))
            *off = 1;
        return g;
    }
    return -1;
}

/* `correlation,A|B,rho` rows: both ranged, |rho| <= 1, no pair twice, and a
 * positive semi-definite matrix (the first row that breaks it is named). */
static int resolve_correlations(rs_scenario *s, build *b, rs_error *err)
{
    if (b->ncorr == 0)
        return RS_OK;
    rs_strmap by_label;
    rs_strmap_init(&by_label);
    int rc = RS_OK;
    int *rowof = malloc((size_t)b->ncorr * sizeof *rowof);
    if (!rowof || !(s->corr = calloc((size_t)b->ncorr, sizeof *s->corr))) {
        free(rowof);
        return oom(err);
    }
    for (int i = s->nranges - 1; i >= 0; i--)   /* first range of each stream */
        if (rs_strmap_put(&by_label, s->ranges[i].label, i) != 0) {
            rc = oom(err);
            goto out;
        }
    for (int k = 0; k < b->ncorr && !rc; k++) {
        const rs_row *r = &b->src->rows[b->corr_rows[k]];
        char ref[2][RS_FIELD_MAX + 1];
        const char *bar = strchr(r->key, '|');
        if (!bar || strchr(bar + 1, '|')) {
            rc = rs_error_set(err, RS_EDATA, "%s:%d: correlation.%s: key must be "
                              "'SECTION.KEY|SECTION.KEY'", r->file, r->line, r->key);
            break;
        }
        snprintf(ref[0], sizeof ref[0], "%.*s", (int)(bar - r->key), r->key);
        snprintf(ref[1], sizeof ref[1], "%s", bar + 1);
        int idx[2], off[2];
        const rs_row *given[2];
        for (int j = 0; j < 2; j++)
            idx[j] = find_corr_range(b, &by_label, rs_trim(ref[j]), &off[j], &given[j]);
        if ((idx[0] < 0 && off[0]) || (idx[1] < 0 && off[1]))
            continue;   /* a variant switched the lever off: the correlation goes with it */
        int fixed = -1;   /* a later file's row set it without low/high: it goes too */
        for (int j = 0; j < 2; j++)
            if (idx[j] < 0 && given[j] && strcmp(given[j]->file, r->file) != 0)
                fixed = j;
        if (fixed >= 0) {
            rs_source_warn(b->src, "%s:%d: correlation.%s: dropped, since %s:%d sets %s "
                           "without low/high", r->file, r->line, r->key, given[fixed]->file,
                           given[fixed]->line, ref[fixed]);
            continue;
        }
        for (int j = 0; j < 2 && !rc; j++)
            if (idx[j] < 0)
                rc = rs_error_set(err, RS_EDATA, "%s:%d: correlation.%s: '%s' is not a "
                                  "parameter with low/high (only ranged parameters of "
                                  "enabled sections can be correlated)", r->file, r->line,
                                  r->key, ref[j]);
        if (rc)
            break;
        if (s->ranges[idx[0]].stream == s->ranges[idx[1]].stream) {
            rc = rs_error_set(err, RS_EDATA, "%s:%d: correlation.%s: a parameter cannot be "
                              "correlated with itself", r->file, r->line, r->key);
            break;
        }
        double rho;
        if (rs_parse_number(r->value, &rho) != 0 || rho < -1 || rho > 1) {
            rc = rs_error_set(err, RS_EDATA, "%s:%d: correlation.%s: value '%s' must be a "
                              "number from -1 to 1", r->file, r->line, r->key, r->value);
            break;
        }
        for (int j = 0; j < s->ncorr && !rc; j++)
            if ((s->corr[j].a == idx[0] && s->corr[j].b == idx[1]) ||
                (s->corr[j].a == idx[1] && s->corr[j].b == idx[0]))
                rc = rs_error_set(err, RS_EDATA, "%s:%d: correlation.%s: this pair is "
                                  "already correlated", r->file, r->line, r->key);
        if (rc)
            break;
        rowof[s->ncorr] = b->corr_rows[k];
        s->corr[s->ncorr].a = idx[0];
        s->corr[s->ncorr].b = idx[1];
        s->corr[s->ncorr].rho = rho;
        s->ncorr++;
    }
    if (rc)
        goto out;
    int n;
    double *L;
    int *ix;
    rs_status st = rs_corr_factor(s, &n, &L, &ix);
    free(L);
    free(ix);
    if (st == RS_S_NOT_PD) {   /* the first correlation row that breaks it */
        const int all = s->ncorr;
        int bad = all - 1;
        for (int k = 1; k <= all; k++) {
            s->ncorr = k;
            st = rs_corr_factor(s, &n, &L, &ix);
            free(L);
            free(ix);
            if (st == RS_S_NOT_PD) {
                bad = k - 1;
                break;
            }
        }
        s->ncorr = all;
        const rs_row *r = &b->src->rows[rowof[bad]];
        rc = rs_error_set(err, RS_EDATA, "%s:%d: correlation.%s: with this row the correlations "
                          "are impossible together (the matrix is not positive semi-definite): "
                          "check the signs and sizes of the correlations it closes a loop with",
                          r->file, r->line, r->key);
    } else if (st != RS_S_OK) {
        rc = oom(err);
    }
out:
    free(rowof);
    rs_strmap_release(&by_label);
    return rc;
}

/* ------------------------------------------------------------ assembly */

static int cmp_step(const void *pa, const void *pb)
{
    const step_b *a = pa, *b = pb;
    if (a->ent != b->ent) return a->ent < b->ent ? -1 : 1;
    if (a->param != b->param) return a->param < b->param ? -1 : 1;
    return (a->year > b->year) - (a->year < b->year);
}

/* Index in s->step of entity e's step (param, year), or -1. */
static int step_index(const rs_scenario *s, const rs_entity *e, int param, int year)
{
    for (int i = 0; i < e->nsteps; i++)
        if (e->steps[i].param == param && e->steps[i].year == year)
            return (int)(e->steps - s->step) + i;
    return -1;
}

/* Move the entities into s's arrays by the kind table (switched-off ones
 * are dropped); where[i] gets entity i's place in s (or NULL). */
static int split(rs_scenario *s, build *b, rs_entity **where, rs_error *err)
{
    int count[RS_SEC_NKINDS] = {0};
    int *newidx = malloc((size_t)(b->nent ? b->nent : 1) * sizeof *newidx);
    if (!newidx)
        return oom(err);
    for (int i = 0; i < b->nent; i++)
        if (!disabled(&b->ent[i]))
            count[b->ent[i].sec->kind]++;
    for (int k = 0; k < RS_SEC_NKINDS; k++) {
        if (rs_kinds[k].single)
            continue;
        rs_entity *a = calloc((size_t)(count[k] ? count[k] : 1), sizeof *a);
        if (!a) {
            free(newidx);
            return oom(err);
        }
        char *base = (char *)s;
        memcpy(base + rs_kinds[k].entity, &a, sizeof a);
        int zero = 0;
        memcpy(base + rs_kinds[k].count, &zero, sizeof zero);
    }
    for (int i = 0; i < b->nent; i++) {
        rs_entity *e = &b->ent[i], *dst = NULL;
        const rs_seckind k = e->sec->kind;
        newidx[i] = -1;
        if (!disabled(e)) {
            int n;
            rs_entity *a = rs_scenario_entities(s, k, &n);
            if (rs_kinds[k].single) {
                dst = a;
            } else {
                newidx[i] = n;
                dst = &a[n];
                n++;
                memcpy((char *)s + rs_kinds[k].count, &n, sizeof n);
            }
        }
        where[i] = dst;
        if (dst) {
            *dst = *e;
            dst->steps = NULL;   /* attach() points them into s->step */
            dst->nsteps = 0;
            memset(e->text, 0, sizeof e->text);   /* ownership moved */
        }
    }
    for (int l = 0; l < s->nlev; l++)
        s->lev[l].community = newidx[s->lev[l].community];
    free(newidx);
    return RS_OK;
}

static int cmp_step(const void *pa, const void *pb);

/* ranges in file order; a copy's inherited ones where its `like` row is */
static int cmp_range(const void *pa, const void *pb)
{
    const range_b *a = pa, *b = pb;
    if (a->order != b->order)
        return (a->order > b->order) - (a->order < b->order);
    return (a->seq > b->seq) - (a->seq < b->seq);
}

/* Sort the steps and point each entity at its own (in b->tmpstep), so the
 * cross-key checks see schedules (a charger priced only from year 2). */
static int steps_for_checks(build *b, rs_error *err)
{
    if (b->nstep > 1)   /* qsort(NULL, 0, ...) is undefined */
        qsort(b->step, (size_t)b->nstep, sizeof *b->step, cmp_step);
    if (!(b->tmpstep = malloc((size_t)(b->nstep ? b->nstep : 1) * sizeof *b->tmpstep)))
        return oom(err);
    for (int i = 0; i < b->nstep; i++) {
        rs_entity *e = &b->ent[b->step[i].ent];
        if (!e->steps)
            e->steps = &b->tmpstep[i];
        e->nsteps++;
        b->tmpstep[i] = (rs_step){b->step[i].param, b->step[i].year, b->step[i].value};
    }
    return RS_OK;
}

/* Steps, ranges and links of the entities that stayed. */
static int attach(rs_scenario *s, build *b, rs_entity *const *where, rs_error *err)
{
    if (!(s->step = calloc((size_t)(b->nstep ? b->nstep : 1), sizeof *s->step)) ||
        !(s->ranges = calloc((size_t)(b->nrng ? b->nrng : 1), sizeof *s->ranges)) ||
        !(s->links = calloc((size_t)(b->nlink ? b->nlink : 1), sizeof *s->links)))
        return oom(err);
    for (int i = 0; i < b->nstep; i++) {
        rs_entity *e = where[b->step[i].ent];
        if (!e)
            continue;
        if (!e->steps)
            e->steps = &s->step[s->nstep];
        e->nsteps++;
        s->step[s->nstep++] = (rs_step){b->step[i].param, b->step[i].year, b->step[i].value};
    }
    if (b->nrng > 1)
        qsort(b->rng, (size_t)b->nrng, sizeof *b->rng, cmp_range);
    for (int k = 0; k < b->nrng; k++) {
        rs_entity *e = where[b->rng[k].ent];
        if (!e)
            continue;
        rs_range *g = &s->ranges[s->nranges++];
        g->e = e;
        g->param = b->rng[k].param;
        g->step = b->rng[k].year ? step_index(s, e, g->param, b->rng[k].year) : -1;
        g->low = b->rng[k].low;
        g->high = b->rng[k].high;
        g->value = g->step >= 0 ? s->step[g->step].value : e->v[g->param];
        g->dist = b->rng[k].dist;
        snprintf(g->label, sizeof g->label, "%s", b->rng[k].label);
        g->stream = rs_stream_key(g->label);
    }
    for (int k = 0; k < b->nlink; k++) {
        rs_entity *e = where[b->link[k].ent];
        if (!e)
            continue;
        rs_link *l = &s->links[s->nlinks++];
        l->e = e;
        l->param = b->link[k].param;
        l->step = b->link[k].year ? step_index(s, e, l->param, b->link[k].year) : -1;
        snprintf(l->label, sizeof l->label, "%s", b->link[k].label);
    }
    return RS_OK;
}

static void build_release(build *b)
{
    for (int i = 0; i < b->nsec; i++) {
        free(b->sec[i].own);
        free(b->sec[i].eff);
    }
    free(b->sec);
    rs_strmap_release(&b->secmap);
    free(b->corr_rows);
    for (int i = 0; i < b->nent; i++)
        for (int k = 0; k < RS_MAX_PARAMS; k++)
            free(b->ent[i].text[k]);
    free(b->ent);
    free(b->prow);
    rs_strmap_release(&b->levers);
    rs_strmap_release(&b->communities);
    free(b->step);
    free(b->tmpstep);
    free(b->rng);
    free(b->link);
}

/* Warn when e's month `key` (parameter index k) is after the horizon of M
 * months: `what` says what that means. */
static void after_horizon(rs_source *src, const rs_entity *e, const char *key, int k, int M,
                          const char *what)
{
    if (e->v[k] <= M)
        return;
    char sec[RS_NAME_MAX + 32];
    rs_entity_section(e, sec, sizeof sec);
    int at = rs_source_find(src, sec, key);
    rs_source_warn(src, "%s:%d: %s.%s: month %g is after the horizon (%d months): %s",
                   at >= 0 ? src->rows[at].file : e->file, at >= 0 ? src->rows[at].line : e->line,
                   sec, key, e->v[k], M, what);
}

int rs_scenario_build(rs_scenario *s, rs_source *src, rs_error *err)
{
    build b;
    memset(&b, 0, sizeof b);
    b.src = src;
    rs_entity **where = NULL;
    int rc, ncom = 0, first_com = -1;

    if ((rc = group_rows(&b, err)) || (rc = link_templates(&b, err)))
        goto out;
    for (int k = 0; k < b.nsec && !rc; k++)
        rc = resolve(&b, k, err);
    for (int k = 0; k < b.nsec && !rc; k++)
        for (int i = 0; i < b.sec[k].neff && !rc; i++) {
            const eff_row *er = &b.sec[k].eff[i];
            int ei = entity_for(&b, k, &src->rows[er->row], err);
            const int order = er->inherited ? b.sec[k].like_row : er->row;
            rc = ei < 0 ? err->code : apply_row(&b, ei, er->row, er->inherited, order, err);
        }
    if (rc)
        goto out;
    for (int i = 0; i < b.nent; i++) {
        if (b.ent[i].sec->kind == RS_SEC_COMMUNITY) {
            ncom++;
            if (first_com < 0)
                first_com = i;
        }
    }
    if (ncom == 0) {
        rc = rs_error_set(err, RS_EDATA, "%s: community: the scenario has no community:NAME "
                          "section", src->nfiles ? src->files[0] : "scenario");
        goto out;
    }
    if ((rc = steps_for_checks(&b, err)))
        goto out;
    for (int i = 0; i < b.nent && !rc; i++)
        rc = finish_entity(&b, i, ncom, first_com, err);
    if (rc)
        goto out;
    typical_values(&b);

    if (!(where = malloc((size_t)(b.nent ? b.nent : 1) * sizeof *where))) {
        rc = oom(err);
        goto out;
    }
    if ((rc = split(s, &b, where, err)) || (rc = attach(s, &b, where, err)) ||
        (rc = resolve_correlations(s, &b, err)))
        goto out;

    /* warnings: what starts after the horizon earns, pays or draws nothing */
    const int M = rs_scenario_months(s);
    for (int l = 0; l < s->nlev; l++)
        after_horizon(src, &s->lev[l], "start_month", LV_START, M, "the lever earns nothing");
    for (int i = 0; i < s->ngrant; i++)
        after_horizon(src, &s->grant[i], "month", GR_MONTH, M, "the grant is never paid");
    for (int i = 0; i < s->nloan; i++)
        if (s->loan[i].v[LN_ENABLED] != 0)
            after_horizon(src, &s->loan[i], "month", LN_MONTH, M, "the loan is never drawn");
    const char *start = s->scen.text[SC_START];
    int yy, mm;
    if (start && *start && rs_fmt_parse_month(start, &yy, &mm) != 0) {
        int at = rs_source_find(src, "scenario", "start");
        rc = rs_error_set(err, RS_EDATA, "%s:%d: scenario.start: '%s' is not a month written "
                          "YYYY-MM (e.g. 2025-03)", at >= 0 ? src->rows[at].file : "scenario",
                          at >= 0 ? src->rows[at].line : 0, start);
        goto out;
    }
    if (s->scen.set[SC_STAB_YEAR] && s->scen.v[SC_STAB_YEAR] > s->scen.v[SC_HORIZON]) {
        int at = rs_source_find(src, "scenario", "stabilized_year");
        rc = rs_error_set(err, RS_EDATA, "%s:%d: scenario.stabilized_year: year %g is after the "
                          "horizon (%g years)", at >= 0 ? src->rows[at].file : "scenario",
                          at >= 0 ? src->rows[at].line : 0, s->scen.v[SC_STAB_YEAR],
                          s->scen.v[SC_HORIZON]);
        goto out;
    }
    if (!s->scen.text[SC_NAME] && !(s->scen.text[SC_NAME] = strdup(src->stem ? src->stem : "")))
        rc = oom(err);
    if (!rc && !s->scen.text[SC_CURRENCY] && !(s->scen.text[SC_CURRENCY] = strdup("CNY")))
        rc = oom(err);
    if (!rc) {
        rs_scenario_refresh(s);
        rs_scenario_fix_stabilized(s);
    }
out:
    free(where);
    build_release(&b);
    return rc;
}

int rs_scenario_load(rs_scenario *s, rs_source *src, const char *path, rs_error *err)
{
    int rc = rs_source_read(src, path, err);
    return rc ? rc : rs_scenario_build(s, src, err);
}
