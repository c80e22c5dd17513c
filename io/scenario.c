/* scenario.c: scenario CSV reader. libcsv in strict mode parses; this file
 * counts lines (libcsv has none), converts GBK to UTF-8 with iconv, follows
 * `scenario,base,FILE` with cycle detection, and validates every row against
 * the models' parameter tables. */
#define _XOPEN_SOURCE 700
#include <ctype.h>
#include <errno.h>
#include <limits.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include "csvin.h"
#include "scenario.h"
#include "../models/draw.h"

/* ---------------------------------------------------------------- sources */

void rs_source_init(rs_source *src) { memset(src, 0, sizeof *src); }

static void row_free(rs_row *r)
{
    free(r->section); free(r->key); free(r->value); free(r->low);
    free(r->high); free(r->dist); free(r->unit); free(r->note);
}

/* Add a warning (dropped silently when out of memory: it is only advice). */
static void warn(rs_source *src, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void warn(rs_source *src, const char *fmt, ...)
{
    char buf[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    char **w = src->nwarn < 100 ? realloc(src->warn, (size_t)(src->nwarn + 1) * sizeof *w) : NULL;
    if (!w)
        return;
    src->warn = w;
    if ((w[src->nwarn] = strdup(buf)))
        src->nwarn++;
}

void rs_source_print_warnings(const rs_source *src, const char *cmd, FILE *fp)
{
    for (int i = 0; i < src->nwarn; i++)
        fprintf(fp, "revsim %s: warning: %s\n", cmd, src->warn[i]);
}

void rs_source_release(rs_source *src)
{
    for (int i = 0; i < src->nwarn; i++)
        free(src->warn[i]);
    free(src->warn);
    for (int i = 0; i < src->nrows; i++)
        row_free(&src->rows[i]);
    free(src->rows);
    for (int i = 0; i < src->nfiles; i++)
        free(src->files[i]);
    free(src->files);
    free(src->stem);
    memset(src, 0, sizeof *src);
}

static const char *source_intern_file(rs_source *src, const char *path)
{
    char **f = realloc(src->files, (size_t)(src->nfiles + 1) * sizeof *f);
    if (!f)
        return NULL;
    src->files = f;
    if (!(f[src->nfiles] = strdup(path)))
        return NULL;
    return f[src->nfiles++];
}

/* ----------------------------------------------------------- rows, bases */

enum { COL_SECTION, COL_KEY, COL_VALUE, COL_LOW, COL_HIGH, COL_DIST, COL_UNIT,
       COL_NOTE, NCOL };
static const char *const col_names[NCOL] = {"section", "key", "value", "low",
                                            "high", "dist", "unit", "note"};

/* Trim ASCII white space in place; returns s. */
static char *trim(char *s)
{
    char *b = s;
    while (*b == ' ' || *b == '\t' || *b == '\r' || *b == '\n')
        b++;
    size_t n = strlen(b);
    while (n && (b[n - 1] == ' ' || b[n - 1] == '\t' || b[n - 1] == '\r' || b[n - 1] == '\n'))
        n--;
    memmove(s, b, n);
    s[n] = '\0';
    return s;
}

static int find_row(const rs_source *src, const char *section, const char *key)
{
    for (int i = 0; i < src->nrows; i++)
        if (strcmp(src->rows[i].section, section) == 0 && strcmp(src->rows[i].key, key) == 0)
            return i;
    return -1;
}

/* Take (and own) one row of fields by column map into an rs_row. */
static void take_row(rs_row *r, char **f, int nf, const int *map)
{
    char **dst[NCOL] = {&r->section, &r->key, &r->value, &r->low, &r->high, &r->dist,
                        &r->unit, &r->note};
    for (int c = 0; c < NCOL; c++) {
        *dst[c] = NULL;
        if (map[c] >= 0 && map[c] < nf) {
            *dst[c] = trim(f[map[c]]);
            f[map[c]] = NULL;
        }
    }
}

/* Folder part of path ("." when none), into buf. */
static void dir_of(const char *path, char *buf, size_t n)
{
    const char *slash = strrchr(path, '/');
    if (!slash)
        snprintf(buf, n, ".");
    else if (slash == path)
        snprintf(buf, n, "/");
    else
        snprintf(buf, n, "%.*s", (int)(slash - path), path);
}

typedef struct {
    char *real[RS_BASE_DEPTH + 1];
    const char *shown[RS_BASE_DEPTH + 1];
    int depth;
} include_stack;

static int read_file(rs_source *src, const char *path, include_stack *st,
                     const char *from_file, int from_line, rs_error *err);

/* Load the base named by row `r` (of file `path`) into src. */
static int load_base(rs_source *src, const char *path, const rs_row *r, include_stack *st,
                     rs_error *err)
{
    if (!r->value || !*r->value)
        return rs_error_set(err, RS_EDATA, "%s:%d: scenario.base: empty file name", path,
                            r->line);
    char dir[PATH_MAX], full[PATH_MAX];
    dir_of(path, dir, sizeof dir);
    int w = r->value[0] == '/' ? snprintf(full, sizeof full, "%s", r->value)
                               : snprintf(full, sizeof full, "%s/%s", dir, r->value);
    if (w < 0 || (size_t)w >= sizeof full)
        return rs_error_set(err, RS_EDATA, "%s:%d: scenario.base: path too long", path,
                            r->line);
    return read_file(src, full, st, path, r->line, err);
}

static int read_file(rs_source *src, const char *path, include_stack *st,
                     const char *from_file, int from_line, rs_error *err)
{
    char *real = NULL;
    rs_table t;
    memset(&t, 0, sizeof t);
    rs_row *local = NULL;
    int nlocal = 0, rc = RS_OK;

    real = realpath(path, NULL);
    if (!real) {
        if (from_file)
            rc = rs_error_set(err, RS_ENOINPUT, "%s:%d: scenario.base: cannot open '%s': %s",
                              from_file, from_line, path, strerror(errno));
        else
            rc = rs_error_set(err, RS_ENOINPUT, "%s: cannot open: %s", path, strerror(errno));
        goto out;
    }
    for (int i = 0; i < st->depth; i++)
        if (strcmp(st->real[i], real) == 0) {
            char chain[768] = "";
            size_t used = 0;
            for (int j = i; j < st->depth && used < sizeof chain; j++)
                used += (size_t)snprintf(chain + used, sizeof chain - used, "%s -> ",
                                         st->shown[j]);
            rc = rs_error_set(err, RS_EDATA, "%s:%d: scenario.base: base cycle: %s%s",
                              from_file, from_line, chain, path);
            goto out;
        }
    if (st->depth >= RS_BASE_DEPTH) {
        rc = rs_error_set(err, RS_EDATA, "%s:%d: scenario.base: bases nested deeper than %d",
                          from_file, from_line, RS_BASE_DEPTH);
        goto out;
    }
    const char *shown = source_intern_file(src, path);
    if (!shown) {
        rc = rs_error_set(err, RS_ESOFTWARE, "out of memory");
        goto out;
    }
    if ((rc = rs_table_read(path, shown, &t, err)))
        goto out;

    /* header: the first row with any non-empty field */
    int h = 0, map[NCOL];
    for (; h < t.nrows; h++) {
        int any = 0;
        for (int c = 0; c < t.nfields[h]; c++)
            any |= *trim(t.fields[h][c]) != '\0';
        if (any && t.fields[h][0][0] != '#')   /* comment rows may precede the header */
            break;
    }
    if (h == t.nrows) {
        rc = rs_error_set(err, RS_EDATA, "%s: no header row (expected section,key,value,...)",
                          shown);
        goto out;
    }
    for (int c = 0; c < NCOL; c++) {
        map[c] = -1;
        for (int k = 0; k < t.nfields[h]; k++)
            if (strcasecmp(trim(t.fields[h][k]), col_names[c]) == 0) {
                if (map[c] >= 0) {
                    rc = rs_error_set(err, RS_EDATA, "%s:%d: header: column '%s' appears twice",
                                      shown, t.lines[h], col_names[c]);
                    goto out;
                }
                map[c] = k;
            }
        if (map[c] < 0 && c <= COL_VALUE) {
            const char *f0 = t.fields[h][0];
            const char *hint = strchr(f0, ';') ? "; columns must be separated by commas, not ';'"
                               : strchr(f0, '\t') ? "; columns must be separated by commas, not tabs"
                                                  : "";
            rc = rs_error_set(err, RS_EDATA,
                              "%s:%d: header: missing column '%s' (need section,key,value)%s",
                              shown, t.lines[h], col_names[c], hint);
            goto out;
        }
    }
    int ncols = 0;   /* fields a row may have: up to the last named header column */
    for (int k = 0; k < t.nfields[h]; k++)
        if (*t.fields[h][k])
            ncols = k + 1;

    local = calloc((size_t)(t.nrows ? t.nrows : 1), sizeof *local);
    if (!local) {
        rc = rs_error_set(err, RS_ESOFTWARE, "out of memory");
        goto out;
    }
    int base_row = -1;
    for (int i = h + 1; i < t.nrows; i++) {
        for (int k = ncols; k < t.nfields[i]; k++)
            if (*trim(t.fields[i][k])) {
                rc = rs_error_set(err, RS_EDATA,
                                  "%s:%d: row has %d fields but the header names %d columns "
                                  "(a value with a comma, such as 1,000 or 0,6, must be written "
                                  "1000 or 0.6, or quoted)", shown, t.lines[i], t.nfields[i], ncols);
                goto out;
            }
        rs_row r;
        take_row(&r, t.fields[i], t.nfields[i], map);
        r.file = shown;
        r.line = t.lines[i];
        int blank = 1;
        for (int c = 0; c < t.nfields[i]; c++)
            blank &= !t.fields[i][c] || *trim(t.fields[i][c]) == '\0';
        blank &= (!r.section || !*r.section) && (!r.key || !*r.key) && (!r.value || !*r.value);
        if (blank || (r.section && r.section[0] == '#')) {
            row_free(&r);
            continue;
        }
        if (!r.section || !*r.section || !r.key || !*r.key) {
            rc = rs_error_set(err, RS_EDATA, "%s:%d: %s: row has no %s", shown, r.line,
                              r.section && *r.section ? r.section : "(no section)",
                              r.section && *r.section ? "key" : "section");
            row_free(&r);
            goto out;
        }
        for (int j = 0; j < nlocal; j++)
            if (strcmp(local[j].section, r.section) == 0 && strcmp(local[j].key, r.key) == 0) {
                rc = rs_error_set(err, RS_EDATA, "%s:%d: %s.%s: duplicate row (first at row %d)",
                                  shown, r.line, r.section, r.key, local[j].line);
                row_free(&r);
                goto out;
            }
        if (!r.value)
            r.value = strdup("");
        if (!r.value) {
            rc = rs_error_set(err, RS_ESOFTWARE, "out of memory");
            row_free(&r);
            goto out;
        }
        if (strcmp(r.section, "scenario") == 0 && strcmp(r.key, "base") == 0)
            base_row = nlocal;
        local[nlocal++] = r;
    }

    if (base_row >= 0) {
        st->real[st->depth] = real;
        st->shown[st->depth] = shown;
        st->depth++;
        rc = load_base(src, shown, &local[base_row], st, err);
        st->depth--;
        if (rc)
            goto out;
    }

    /* this file's rows override its base's */
    for (int j = 0; j < nlocal; j++) {
        int at = find_row(src, local[j].section, local[j].key);
        if (at >= 0) {
            const rs_row *was = &src->rows[at];
            if (((was->low && *was->low) || (was->high && *was->high)) &&
                !(local[j].low && *local[j].low) && !(local[j].high && *local[j].high))
                warn(src, "%s:%d: %s.%s: overrides %s:%d, which had low/high; this row has "
                     "none, so the value is no longer uncertain", local[j].file, local[j].line,
                     local[j].section, local[j].key, was->file, was->line);
            row_free(&src->rows[at]);
            src->rows[at] = local[j];
        } else {
            if (src->nrows >= RS_ROWS_MAX) {
                rc = rs_error_set(err, RS_EDATA, "%s:%d: more than %d rows", shown,
                                  local[j].line, RS_ROWS_MAX);
                goto out;
            }
            if (src->nrows == src->cap) {
                int cap = src->cap ? 2 * src->cap : 64;
                rs_row *nr = realloc(src->rows, (size_t)cap * sizeof *nr);
                if (!nr) {
                    rc = rs_error_set(err, RS_ESOFTWARE, "out of memory");
                    goto out;
                }
                src->rows = nr;
                src->cap = cap;
            }
            src->rows[src->nrows++] = local[j];
        }
        memset(&local[j], 0, sizeof local[j]);
    }
out:
    if (local) {
        for (int j = 0; j < nlocal; j++)
            row_free(&local[j]);
        free(local);
    }
    rs_table_release(&t);
    free(real);
    return rc;
}

int rs_source_read(rs_source *src, const char *path, rs_error *err)
{
    include_stack st;
    memset(&st, 0, sizeof st);
    const char *slash = strrchr(path, '/');
    const char *name = slash ? slash + 1 : path;
    size_t n = strlen(name);
    if (n > 4 && strcmp(name + n - 4, ".csv") == 0)
        n -= 4;
    src->stem = strndup(name, n);
    if (!src->stem)
        return rs_error_set(err, RS_ESOFTWARE, "out of memory");
    return read_file(src, path, &st, NULL, 0, err);
}

/* ------------------------------------------------------------ validation */

int rs_parse_number(const char *text, double *out)
{
    if (!text || !*text)
        return -1;
    char *end;
    errno = 0;
    double v = strtod(text, &end);
    if (end == text || errno == ERANGE)
        return -1;
    while (*end == ' ')
        end++;
    if (*end == '%') {
        v /= 100.0;
        end++;
    } else if (strncmp(end, "\xEF\xBC\x85", 3) == 0) {   /* full-width ％ */
        v /= 100.0;
        end += 3;
    }
    if (*end != '\0' || !isfinite(v))
        return -1;
    *out = v;
    return 0;
}

/* Build state: all entities in first-appearance order, ranges by index. */
typedef struct {
    rs_entity *ent;
    int nent, cap;
    const rs_row **first;     /* first row of each entity */
    struct { int ent, param; double low, high; rs_dist dist; } *rng;
    int nrng;
    const rs_row **corr;      /* `correlation` rows, resolved after ranges */
    int ncorr;
} build;

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

/* Levenshtein distance of a and b (short strings; larger ones count as far). */
static int distance(const char *a, const char *b)
{
    size_t la = strlen(a), lb = strlen(b);
    if (la > 63 || lb > 63)
        return 99;
    int d[64][64];
    for (size_t i = 0; i <= la; i++)
        d[i][0] = (int)i;
    for (size_t j = 0; j <= lb; j++)
        d[0][j] = (int)j;
    for (size_t i = 1; i <= la; i++)
        for (size_t j = 1; j <= lb; j++) {
            int best = d[i - 1][j - 1] + (tolower((unsigned char)a[i - 1]) !=
                                          tolower((unsigned char)b[j - 1]));
            if (d[i - 1][j] + 1 < best) best = d[i - 1][j] + 1;
            if (d[i][j - 1] + 1 < best) best = d[i][j - 1] + 1;
            d[i][j] = best;
        }
    return d[la][lb];
}

/* " (did you mean 'X'?)" for the closest of names[0..n) within a small
 * distance of word, else "". names are read with a stride of `stride` bytes
 * from `first` (a field of a table of structs). */
static const char *suggest(const char *word, const void *first, size_t stride, int n,
                           char *buf, size_t len)
{
    int best = 99;
    const char *pick = NULL;
    for (int i = 0; i < n; i++) {
        const char *name = *(const char *const *)((const char *)first + (size_t)i * stride);
        int dd = distance(word, name);
        if (dd < best) {
            best = dd;
            pick = name;
        }
    }
    int limit = strlen(word) <= 4 ? 1 : strlen(word) <= 8 ? 2 : 3;
    if (pick && best <= limit)
        snprintf(buf, len, " (did you mean '%s'?)", pick);
    else
        buf[0] = '\0';
    return buf;
}

/* Entity for the row's section, created on first sight; -1 with err set. */
static int entity_for(build *b, const rs_row *r, rs_error *err)
{
    char type[64];
    const char *colon = strchr(r->section, ':');
    const char *name = colon ? colon + 1 : "";
    size_t tl = colon ? (size_t)(colon - r->section) : strlen(r->section);
    if (tl >= sizeof type)
        tl = sizeof type - 1;
    memcpy(type, r->section, tl);
    type[tl] = '\0';
    const rs_section *sec = rs_section_find(type);
    if (!sec) {
        char hint[96];
        const char *names[16];
        int n = 0;
        for (int i = 0; i < rs_nsections && n < 15; i++)
            names[n++] = rs_sections[i]->name;
        names[n++] = "correlation";
        suggest(type, names, sizeof names[0], n, hint, sizeof hint);
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
    for (int i = 0; i < b->nent; i++) {
        rs_entity *e = &b->ent[i];
        if (e->sec == sec && strcmp(e->name, name) == 0)
            return i;
        if (sec->kind == RS_SEC_LEVER && e->sec->kind == RS_SEC_LEVER &&
            strcmp(e->name, name) == 0) {
            rs_error_set(err, RS_EDATA,
                         "%s:%d: %s.%s: lever name '%s' is already used by '%s:%s' (row %d)",
                         r->file, r->line, r->section, r->key, name, e->sec->name, e->name,
                         b->first[i]->line);
            return -1;
        }
    }
    int same_kind = 0;
    for (int i = 0; i < b->nent; i++)
        same_kind += b->ent[i].sec->kind == sec->kind;
    if (same_kind >= RS_SECTIONS_MAX) {   /* bounds memory: results are sections x months */
        rs_error_set(err, RS_EDATA, "%s:%d: %s.%s: more than %d sections of this kind (revsim's "
                     "limit)", r->file, r->line, r->section, r->key, RS_SECTIONS_MAX);
        return -1;
    }
    if (b->nent == b->cap) {
        int cap = b->cap ? 2 * b->cap : 16;
        rs_entity *ne = realloc(b->ent, (size_t)cap * sizeof *ne);
        if (ne) b->ent = ne;
        const rs_row **nf = ne ? realloc(b->first, (size_t)cap * sizeof *nf) : NULL;
        if (!nf) {
            rs_error_set(err, RS_ESOFTWARE, "out of memory");
            return -1;
        }
        b->first = nf;
        b->cap = cap;
    }
    rs_entity *e = &b->ent[b->nent];
    rs_entity_init(e, sec);
    snprintf(e->name, sizeof e->name, "%s", name);
    e->file = r->file;
    e->line = r->line;
    b->first[b->nent] = r;
    return b->nent++;
}

/* Parse a numeric cell of param p; RS_OK or error naming `what`. */
static int number_cell(const rs_row *r, const rs_param *p, const char *what, const char *text,
                       double *out, rs_error *err)
{
    double v;
    if (rs_parse_number(text, &v) != 0)
        return rs_error_set(err, RS_EDATA, "%s:%d: %s.%s: %s '%s' is not a number%s", r->file,
                            r->line, r->section, r->key, what, text,
                            strchr(text, ',') ? " (write it without thousands separators)" : "");
    if (p->type == RS_P_INT && v != floor(v))
        return rs_error_set(err, RS_EDATA, "%s:%d: %s.%s: %s '%s' must be a whole number",
                            r->file, r->line, r->section, r->key, what, text);
    if (v < p->min)
        return rs_error_set(err, RS_EDATA, "%s:%d: %s.%s: %s %s is below the minimum %g%s%s",
                            r->file, r->line, r->section, r->key, what, text, p->min,
                            *p->unit ? " " : "", p->unit);
    if (v > p->max)
        return rs_error_set(err, RS_EDATA, "%s:%d: %s.%s: %s %s is above the maximum %g%s%s",
                            r->file, r->line, r->section, r->key, what, text, p->max,
                            *p->unit ? " " : "", p->unit);
    *out = v;
    return RS_OK;
}

static int apply_row(build *b, const rs_row *r, rs_error *err)
{
    if (strcmp(r->section, "correlation") == 0) {
        const rs_row **nc = realloc(b->corr, (size_t)(b->ncorr + 1) * sizeof *nc);
        if (!nc)
            return rs_error_set(err, RS_ESOFTWARE, "out of memory");
        b->corr = nc;
        b->corr[b->ncorr++] = r;
        return RS_OK;
    }
    int ei = entity_for(b, r, err);
    if (ei < 0)
        return err->code;
    rs_entity *e = &b->ent[ei];
    const rs_section *sec = e->sec;
    int pi = rs_param_find(sec->params, sec->nparams, r->key);
    if (pi < 0) {
        char hint[96];
        suggest(r->key, &sec->params[0].name, sizeof sec->params[0], sec->nparams, hint,
                sizeof hint);
        return rs_error_set(err, RS_EDATA,
                            "%s:%d: %s.%s: unknown key '%s' for section '%s'%s "
                            "(see `revsim params %s`)", r->file, r->line, r->section, r->key,
                            r->key, sec->name, hint, sec->name);
    }
    const rs_param *p = &sec->params[pi];
    if (r->unit && (strstr(r->unit, "万") || strstr(r->unit, "千") || strstr(r->unit, "亿")))
        return rs_error_set(err, RS_EDATA, "%s:%d: %s.%s: unit '%s': revsim does not scale "
                            "values; write the amount in %s (e.g. 540000, not 54 万元)",
                            r->file, r->line, r->section, r->key, r->unit,
                            *p->unit ? p->unit : "plain numbers");
    int has_low = r->low && *r->low, has_high = r->high && *r->high;
    int has_dist = r->dist && *r->dist;
    int rc;

    switch (p->type) {
    case RS_P_NUM:
    case RS_P_INT:
        if ((rc = number_cell(r, p, "value", r->value, &e->v[pi], err)))
            return rc;
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
            return rs_error_set(err, RS_ESOFTWARE, "out of memory");
        break;
    }
    e->set[pi] = 1;

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
    double lo, hi, v = e->v[pi];
    if ((rc = number_cell(r, p, "low", r->low, &lo, err)) ||
        (rc = number_cell(r, p, "high", r->high, &hi, err)))
        return rc;
    if (!(lo <= v && v <= hi))
        return rs_error_set(err, RS_EDATA, "%s:%d: %s.%s: need low <= value <= high, got "
                            "%s <= %s <= %s", r->file, r->line, r->section, r->key, r->low,
                            r->value, r->high);
    rs_dist dist = RS_DIST_TRIANGULAR;
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
        dist = (rs_dist)d;
    }
    if ((dist == RS_DIST_NORMAL || dist == RS_DIST_LOGNORMAL) && !(lo < v && v < hi))
        return rs_error_set(err, RS_EDATA, "%s:%d: %s.%s: %s needs low < value < high",
                            r->file, r->line, r->section, r->key, r->dist);
    if (dist == RS_DIST_LOGNORMAL && !(lo > 0))
        return rs_error_set(err, RS_EDATA, "%s:%d: %s.%s: lognormal needs low > 0", r->file,
                            r->line, r->section, r->key);
    void *nr = realloc(b->rng, (size_t)(b->nrng + 1) * sizeof *b->rng);
    if (!nr)
        return rs_error_set(err, RS_ESOFTWARE, "out of memory");
    b->rng = nr;
    b->rng[b->nrng].ent = ei;
    b->rng[b->nrng].param = pi;
    b->rng[b->nrng].low = lo;
    b->rng[b->nrng].high = hi;
    b->rng[b->nrng].dist = dist;
    b->nrng++;
    return RS_OK;
}

/* Checks after all rows: required keys, cross-key rules, communities. */
static int finish_entity(build *b, int i, int ncom, rs_error *err)
{
    rs_entity *e = &b->ent[i];
    const rs_section *sec = e->sec;
    const char *sname = b->first[i]->section;
    if (sec->kind == RS_SEC_LEVER && e->set[LV_ENABLED]) {
        int others = 0;
        for (int k = 0; k < sec->nparams; k++)
            others += e->set[k] && k != LV_ENABLED;
        if (!others) {   /* a variant switching a lever that does not exist: a typo? */
            const char *names[256];
            int n = 0;
            for (int j = 0; j < b->nent && n < 256; j++)
                if (j != i && b->ent[j].sec == sec)
                    names[n++] = b->ent[j].name;
            char hint[96];
            suggest(e->name, names, sizeof names[0], n, hint, sizeof hint);
            return rs_error_set(err, RS_EDATA, "%s:%d: %s.enabled: no lever '%s' is defined "
                                "(here or in the base)%s", e->file, e->line, sname, sname, hint);
        }
    }
    for (int k = 0; k < sec->nparams; k++)
        if ((sec->params[k].flags & RS_P_REQUIRED) && !e->set[k])
            return rs_error_set(err, RS_EDATA, "%s:%d: %s.%s: missing required key", e->file,
                                e->line, sname, sec->params[k].name);
    if (sec->finish) {
        char why[256];
        int k = sec->finish(e, why, sizeof why);
        if (k >= 0)
            return rs_error_set(err, RS_EDATA, "%s:%d: %s.%s: %s", e->file, e->line, sname,
                                sec->params[k].name, why);
    }
    if (sec->kind != RS_SEC_LEVER)
        return RS_OK;
    const char *want = e->text[LV_COMMUNITY];
    if (want && strncmp(want, "community:", 10) == 0)   /* "community:NAME" names it too */
        want += 10;
    if (!want) {
        if (ncom == 1) {
            for (int j = 0; j < b->nent; j++)
                if (b->ent[j].sec->kind == RS_SEC_COMMUNITY)
                    e->community = j;
            return RS_OK;
        }
        return rs_error_set(err, RS_EDATA, "%s:%d: %s.community: missing; the scenario has %d "
                            "communities, so each lever must name one", e->file, e->line,
                            sname, ncom);
    }
    for (int j = 0; j < b->nent; j++)
        if (b->ent[j].sec->kind == RS_SEC_COMMUNITY && strcmp(b->ent[j].name, want) == 0) {
            e->community = j;
            return RS_OK;
        }
    return rs_error_set(err, RS_EDATA, "%s:%d: %s.community: names no community '%s'",
                        e->file, e->line, sname, want);
}

/* Range index of "section.key" (e.g. "shops:east.rent"), or -1. */
static int find_range(const rs_scenario *s, const char *ref)
{
    const char *dot = strrchr(ref, '.');
    if (!dot)
        return -1;
    for (int i = 0; i < s->nranges; i++) {
        const rs_entity *e = s->ranges[i].e;
        char sec[RS_NAME_MAX + 32];
        if (e->sec->named)
            snprintf(sec, sizeof sec, "%s:%s", e->sec->name, e->name);
        else
            snprintf(sec, sizeof sec, "%s", e->sec->name);
        if (strlen(sec) == (size_t)(dot - ref) && strncmp(sec, ref, (size_t)(dot - ref)) == 0 &&
            strcmp(e->sec->params[s->ranges[i].param].name, dot + 1) == 0)
            return i;
    }
    return -1;
}

/* 1 when ref ("shops:east.rent") names a parameter of a lever switched off
 * with enabled,0. */
static int names_disabled_lever(const build *b, const char *ref)
{
    const char *dot = strrchr(ref, '.');
    if (!dot)
        return 0;
    for (int i = 0; i < b->nent; i++) {
        const rs_entity *e = &b->ent[i];
        if (e->sec->kind != RS_SEC_LEVER || e->v[LV_ENABLED] != 0)
            continue;
        const char *sec = b->first[i]->section;
        if (strlen(sec) == (size_t)(dot - ref) && strncmp(sec, ref, (size_t)(dot - ref)) == 0)
            return 1;
    }
    return 0;
}

/* `correlation,A|B,rho` rows: both ranged, |rho| <= 1, no pair twice, and a
 * positive definite matrix (checked with the Cholesky factor). */
static int resolve_correlations(rs_scenario *s, build *b, rs_error *err)
{
    if (b->ncorr == 0)
        return RS_OK;
    if (!(s->corr = calloc((size_t)b->ncorr, sizeof *s->corr)))
        return rs_error_set(err, RS_ESOFTWARE, "out of memory");
    for (int k = 0; k < b->ncorr; k++) {
        const rs_row *r = b->corr[k];
        char ref[2][RS_FIELD_MAX + 1];
        const char *bar = strchr(r->key, '|');
        if (!bar || strchr(bar + 1, '|'))
            return rs_error_set(err, RS_EDATA, "%s:%d: correlation.%s: key must be "
                                "'SECTION.KEY|SECTION.KEY'", r->file, r->line, r->key);
        snprintf(ref[0], sizeof ref[0], "%.*s", (int)(bar - r->key), r->key);
        snprintf(ref[1], sizeof ref[1], "%s", bar + 1);
        int idx[2], off = 0;
        for (int j = 0; j < 2; j++)
            off |= names_disabled_lever(b, trim(ref[j]));
        if (off)   /* a variant switched the lever off: the correlation goes with it */
            continue;
        for (int j = 0; j < 2; j++)
            if ((idx[j] = find_range(s, ref[j])) < 0)
                return rs_error_set(err, RS_EDATA, "%s:%d: correlation.%s: '%s' is not a "
                                    "parameter with low/high (only ranged parameters of "
                                    "enabled sections can be correlated)", r->file, r->line,
                                    r->key, ref[j]);
        if (idx[0] == idx[1])
            return rs_error_set(err, RS_EDATA, "%s:%d: correlation.%s: a parameter cannot be "
                                "correlated with itself", r->file, r->line, r->key);
        double rho;
        if (rs_parse_number(r->value, &rho) != 0 || rho < -1 || rho > 1)
            return rs_error_set(err, RS_EDATA, "%s:%d: correlation.%s: value '%s' must be a "
                                "number from -1 to 1", r->file, r->line, r->key, r->value);
        for (int j = 0; j < s->ncorr; j++)
            if ((s->corr[j].a == idx[0] && s->corr[j].b == idx[1]) ||
                (s->corr[j].a == idx[1] && s->corr[j].b == idx[0]))
                return rs_error_set(err, RS_EDATA, "%s:%d: correlation.%s: this pair is "
                                    "already correlated", r->file, r->line, r->key);
        s->corr[s->ncorr].a = idx[0];
        s->corr[s->ncorr].b = idx[1];
        s->corr[s->ncorr].rho = rho;
        s->ncorr++;
    }
    double *L;
    int *ix;
    int n = rs_corr_factor(s, &L, &ix);
    free(L);
    free(ix);
    if (n == -1)
        return rs_error_set(err, RS_EDATA, "%s:%d: correlation.%s: the correlation matrix is "
                            "not positive definite (check signs and sizes of the "
                            "correlations)", b->corr[0]->file, b->corr[0]->line, b->corr[0]->key);
    if (n < 0)
        return rs_error_set(err, RS_ESOFTWARE, "out of memory");
    return RS_OK;
}

int rs_scenario_build(rs_scenario *s, rs_source *src, rs_error *err)
{
    build b;
    memset(&b, 0, sizeof b);
    int rc = RS_OK, ncom = 0;
    int *newidx = NULL;

    for (int i = 0; i < src->nrows && !rc; i++)
        rc = apply_row(&b, &src->rows[i], err);
    if (rc)
        goto out;
    for (int i = 0; i < b.nent; i++)
        ncom += b.ent[i].sec->kind == RS_SEC_COMMUNITY;
    if (ncom == 0) {
        rc = rs_error_set(err, RS_EDATA, "%s: community: the scenario has no community:NAME "
                          "section", src->nfiles ? src->files[0] : "scenario");
        goto out;
    }
    for (int i = 0; i < b.nent && !rc; i++)
        rc = finish_entity(&b, i, ncom, err);
    if (rc)
        goto out;

    /* split into the scenario's arrays; disabled levers are dropped */
    int nlev = 0, ngr = 0;
    for (int i = 0; i < b.nent; i++) {
        nlev += b.ent[i].sec->kind == RS_SEC_LEVER;
        ngr += b.ent[i].sec->kind == RS_SEC_GRANT;
    }
    s->com = calloc((size_t)ncom, sizeof *s->com);
    s->lev = calloc((size_t)(nlev ? nlev : 1), sizeof *s->lev);
    s->grant = calloc((size_t)(ngr ? ngr : 1), sizeof *s->grant);
    s->ranges = calloc((size_t)(b.nrng ? b.nrng : 1), sizeof *s->ranges);
    newidx = malloc((size_t)b.nent * sizeof *newidx);
    if (!s->com || !s->lev || !s->grant || !s->ranges || !newidx) {
        rc = rs_error_set(err, RS_ESOFTWARE, "out of memory");
        goto out;
    }
    rs_entity **where = malloc((size_t)b.nent * sizeof *where);
    if (!where) {
        rc = rs_error_set(err, RS_ESOFTWARE, "out of memory");
        goto out;
    }
    for (int i = 0; i < b.nent; i++) {
        rs_entity *e = &b.ent[i], *dst = NULL;
        newidx[i] = -1;
        switch (e->sec->kind) {
        case RS_SEC_SCENARIO: dst = &s->scen; break;
        case RS_SEC_FUND: dst = &s->fund; break;
        case RS_SEC_COMMUNITY: newidx[i] = s->ncom; dst = &s->com[s->ncom++]; break;
        case RS_SEC_GRANT: dst = &s->grant[s->ngrant++]; break;
        case RS_SEC_LEVER:
            if (e->v[LV_ENABLED] != 0)
                dst = &s->lev[s->nlev++];
            break;
        }
        where[i] = dst;
        if (dst) {
            *dst = *e;
            memset(e->text, 0, sizeof e->text);   /* ownership moved */
        }
    }
    for (int l = 0; l < s->nlev; l++)
        s->lev[l].community = newidx[s->lev[l].community];
    for (int k = 0; k < b.nrng; k++)
        if (where[b.rng[k].ent]) {
            rs_range *g = &s->ranges[s->nranges++];
            g->e = where[b.rng[k].ent];
            g->param = b.rng[k].param;
            g->low = b.rng[k].low;
            g->high = b.rng[k].high;
            g->value = g->e->v[g->param];
            g->dist = b.rng[k].dist;
        }
    free(where);

    if ((rc = resolve_correlations(s, &b, err)))
        goto out;

    /* text defaults (a grant after the horizon is outside the period: ignored) */
    const int M = rs_scenario_months(s);
    for (int l = 0; l < s->nlev; l++)
        if (s->lev[l].v[LV_START] > M) {
            char sec[RS_NAME_MAX + 32];
            snprintf(sec, sizeof sec, "%s:%s", s->lev[l].sec->name, s->lev[l].name);
            int at = find_row(src, sec, "start_month");
            warn(src, "%s:%d: %s.start_month: month %g is after the horizon (%d months): "
                 "the lever earns nothing", at >= 0 ? src->rows[at].file : s->lev[l].file,
                 at >= 0 ? src->rows[at].line : s->lev[l].line, sec, s->lev[l].v[LV_START], M);
        }
    const char *start = s->scen.text[SC_START];
    if (start && *start && !(strlen(start) == 7 && isdigit((unsigned char)start[0]) &&
                             isdigit((unsigned char)start[1]) && isdigit((unsigned char)start[2]) &&
                             isdigit((unsigned char)start[3]) && start[4] == '-' &&
                             ((start[5] == '0' && start[6] >= '1' && start[6] <= '9') ||
                              (start[5] == '1' && start[6] >= '0' && start[6] <= '2')))) {
        int at = find_row(src, "scenario", "start");
        rc = rs_error_set(err, RS_EDATA, "%s:%d: scenario.start: '%s' is not a month written "
                          "YYYY-MM (e.g. 2025-03)", at >= 0 ? src->rows[at].file : "scenario",
                          at >= 0 ? src->rows[at].line : 0, start);
        goto out;
    }
    if (!s->scen.text[SC_NAME] && !(s->scen.text[SC_NAME] = strdup(src->stem ? src->stem : "")))
        rc = rs_error_set(err, RS_ESOFTWARE, "out of memory");
    if (!rc && !s->scen.text[SC_CURRENCY] && !(s->scen.text[SC_CURRENCY] = strdup("CNY")))
        rc = rs_error_set(err, RS_ESOFTWARE, "out of memory");
out:
    for (int i = 0; i < b.nent; i++)
        for (int k = 0; k < RS_MAX_PARAMS; k++)
            free(b.ent[i].text[k]);
    free(b.ent);
    free(b.first);
    free(b.rng);
    free(b.corr);
    free(newidx);
    return rc;
}

int rs_scenario_load(rs_scenario *s, rs_source *src, const char *path, rs_error *err)
{
    int rc = rs_source_read(src, path, err);
    return rc ? rc : rs_scenario_build(s, src, err);
}
