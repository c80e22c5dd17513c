/* source.c: the rows of a scenario. libcsv (io/csvin.c) parses each file;
 * this file finds the header columns, follows `scenario,base,FILE` with
 * cycle detection and `scenario,include,FILE` tables (one section a row),
 * and merges them by precedence: the base (with its own tables), then the
 * tables this file includes, then this file's own rows. Rows are found by
 * a hash of (section, key), so loading is linear in the number of rows. */
#define _XOPEN_SOURCE 700
#include <ctype.h>
#include <errno.h>
#include <float.h>
#include <limits.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>
#include "scenario.h"

/* ---------------------------------------------------------------- sources */

void rs_source_init(rs_source *src) { memset(src, 0, sizeof *src); }

static void row_free(rs_row *r)
{
    free(r->section); free(r->key); free(r->value); free(r->low);
    free(r->high); free(r->dist); free(r->unit); free(r->note); free(r->id);
    memset(r, 0, sizeof *r);
}

void rs_source_warn(rs_source *src, const char *fmt, ...)
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

void rs_source_release(rs_source *src)
{
    for (int i = 0; i < src->nwarn; i++)
        free(src->warn[i]);
    free(src->warn);
    for (int i = 0; i < src->nrows; i++)
        row_free(&src->rows[i]);
    free(src->rows);
    rs_strmap_release(&src->index);
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

int rs_source_find(const rs_source *src, const char *section, const char *key)
{
    char id[2 * RS_FIELD_MAX + 2];
    snprintf(id, sizeof id, "%s\x1f%s", section, key);
    return rs_strmap_get(&src->index, id);
}

/* ----------------------------------------------------------- row lists */

/* A growing list of rows with an index by id (one file's rows, or one
 * file's tables). */
typedef struct {
    rs_row *r;
    int n, cap;
    rs_strmap index;
} rowlist;

static void rowlist_release(rowlist *l)
{
    for (int i = 0; i < l->n; i++)
        row_free(&l->r[i]);
    free(l->r);
    rs_strmap_release(&l->index);
    memset(l, 0, sizeof *l);
}

/* Give r its id; RS_OK or out of memory. */
static int row_id(rs_row *r, rs_error *err)
{
    const size_t ns = strlen(r->section), nk = strlen(r->key);
    if (!(r->id = malloc(ns + nk + 2)))
        return rs_error_set(err, RS_ESOFTWARE, "out of memory");
    memcpy(r->id, r->section, ns);   /* "section\x1fkey" */
    r->id[ns] = '\x1f';
    memcpy(r->id + ns + 1, r->key, nk + 1);
    return RS_OK;
}

/* Append r (taking it over) to l; a second row with the same id is an error
 * naming `what` ("duplicate row", "also in table ..."). */
static int rowlist_add(rowlist *l, rs_row *r, rs_error *err)
{
    int rc = r->id ? RS_OK : row_id(r, err);
    if (rc) {
        row_free(r);
        return rc;
    }
    int at = rs_strmap_get(&l->index, r->id);
    if (at >= 0) {
        const rs_row *was = &l->r[at];
        if (was->file == r->file)
            rc = rs_error_set(err, RS_EDATA, "%s:%d: %s.%s: duplicate row (first at row %d)",
                              r->file, r->line, r->section, r->key, was->line);
        else
            rc = rs_error_set(err, RS_EDATA, "%s:%d: %s.%s: also given by the included "
                              "table %s:%d (two tables may not set the same key)",
                              r->file, r->line, r->section, r->key, was->file, was->line);
        row_free(r);
        return rc;
    }
    if (l->n == l->cap) {
        int cap = l->cap ? 2 * l->cap : 64;
        rs_row *nr = realloc(l->r, (size_t)cap * sizeof *nr);
        if (!nr) {
            row_free(r);
            return rs_error_set(err, RS_ESOFTWARE, "out of memory");
        }
        l->r = nr;
        l->cap = cap;
    }
    l->r[l->n] = *r;
    memset(r, 0, sizeof *r);   /* taken over, also when the index fails next */
    if (rs_strmap_put(&l->index, l->r[l->n].id, l->n) != 0) {
        row_free(&l->r[l->n]);
        return rs_error_set(err, RS_ESOFTWARE, "out of memory");
    }
    l->n++;
    return RS_OK;
}

/* Merge l into src: a row with the id of an earlier one replaces it in its
 * place (warning when that drops a range), others are appended. l is left
 * empty. */
static int merge(rs_source *src, rowlist *l, int warn_ranges, rs_error *err)
{
    for (int j = 0; j < l->n; j++) {
        rs_row *r = &l->r[j];
        int at = rs_strmap_get(&src->index, r->id);
        if (at >= 0) {
            rs_row *was = &src->rows[at];
            if (warn_ranges && ((was->low && *was->low) || (was->high && *was->high)) &&
                !(r->low && *r->low) && !(r->high && *r->high))
                rs_source_warn(src, "%s:%d: %s.%s: overrides %s:%d, which had low/high; this "
                               "row has none, so the value is no longer uncertain", r->file,
                               r->line, r->section, r->key, was->file, was->line);
            /* the index borrows the id: point it at the new row's before freeing */
            if (rs_strmap_put(&src->index, r->id, at) != 0)
                return rs_error_set(err, RS_ESOFTWARE, "out of memory");
            row_free(was);
            *was = *r;
        } else {
            if (src->nrows >= RS_ROWS_MAX)
                return rs_error_set(err, RS_EDATA, "%s:%d: more than %d rows", r->file, r->line,
                                    RS_ROWS_MAX);
            if (src->nrows == src->cap) {
                int cap = src->cap ? 2 * src->cap : 64;
                rs_row *nr = realloc(src->rows, (size_t)cap * sizeof *nr);
                if (!nr)
                    return rs_error_set(err, RS_ESOFTWARE, "out of memory");
                src->rows = nr;
                src->cap = cap;
            }
            src->rows[src->nrows] = *r;
            if (rs_strmap_put(&src->index, src->rows[src->nrows].id, src->nrows) != 0) {
                memset(&src->rows[src->nrows], 0, sizeof *r);
                return rs_error_set(err, RS_ESOFTWARE, "out of memory");
            }
            src->nrows++;
        }
        memset(r, 0, sizeof *r);
    }
    l->n = 0;
    rs_strmap_release(&l->index);
    return RS_OK;
}

/* ------------------------------------------------------------- reading */

char *rs_trim(char *s)
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

/* FILE named in row r of file `path`, relative to that file, into full. */
static int relative_path(const char *path, const rs_row *r, char *full, size_t n, rs_error *err)
{
    if (!r->value || !*r->value)
        return rs_error_set(err, RS_EDATA, "%s:%d: scenario.%s: empty file name", path, r->line,
                            r->key);
    char dir[PATH_MAX];
    dir_of(path, dir, sizeof dir);
    /* a file in the current folder names its neighbours plainly, not "./x.csv" */
    int w = r->value[0] == '/' || strcmp(dir, ".") == 0 ? snprintf(full, n, "%s", r->value)
                                                         : snprintf(full, n, "%s/%s", dir, r->value);
    if (w < 0 || (size_t)w >= n)
        return rs_error_set(err, RS_EDATA, "%s:%d: scenario.%s: path too long", path, r->line,
                            r->key);
    return RS_OK;
}

typedef struct {
    char *real[RS_BASE_DEPTH + 1];
    const char *shown[RS_BASE_DEPTH + 1];
    int depth;
} include_stack;

int rs_table_header(rs_table *t)
{
    for (int h = 0; h < t->nrows; h++) {
        int any = 0;
        for (int c = 0; c < t->nfields[h]; c++)
            any |= *rs_trim(t->fields[h][c]) != '\0';
        if (any && t->fields[h][0][0] != '#')
            return h;
    }
    return -1;
}

/* 1 when row i of t is blank or a comment (section starting with '#'). */
static int skipped(const rs_table *t, int i, int section_col)
{
    int blank = 1;
    for (int c = 0; c < t->nfields[i]; c++)
        blank &= *rs_trim(t->fields[i][c]) == '\0';
    if (blank)
        return 1;
    return section_col >= 0 && section_col < t->nfields[i] && t->fields[i][section_col][0] == '#';
}

/* Fields beyond the last named header column must be empty. */
static int check_width(const rs_table *t, int i, int ncols, const char *shown, rs_error *err)
{
    for (int k = ncols; k < t->nfields[i]; k++)
        if (*rs_trim(t->fields[i][k]))
            return rs_error_set(err, RS_EDATA,
                                "%s:%d: row has %d fields but the header names %d columns "
                                "(a value with a comma, such as 1,000 or 0,6, must be written "
                                "1000 or 0.6, or quoted)", shown, t->lines[i], t->nfields[i],
                                ncols);
    return RS_OK;
}

static char *take(char **f)
{
    char *s = *f;
    *f = NULL;
    return s;
}

enum { COL_SECTION, COL_KEY, COL_VALUE, COL_LOW, COL_HIGH, COL_DIST, COL_UNIT,
       COL_NOTE, NCOL };
static const char *const col_names[NCOL] = {"section", "key", "value", "low",
                                            "high", "dist", "unit", "note"};

/* The rows of scenario file t (named `shown`) into l. */
static int scenario_rows(rs_table *t, const char *shown, rowlist *l, rs_error *err)
{
    int h = rs_table_header(t), map[NCOL];
    if (h < 0)
        return rs_error_set(err, RS_EDATA, "%s: no header row (expected section,key,value,...)",
                            shown);
    for (int c = 0; c < NCOL; c++) {
        map[c] = -1;
        for (int k = 0; k < t->nfields[h]; k++)
            if (strcasecmp(rs_trim(t->fields[h][k]), col_names[c]) == 0) {
                if (map[c] >= 0)
                    return rs_error_set(err, RS_EDATA, "%s:%d: header: column '%s' appears twice",
                                        shown, t->lines[h], col_names[c]);
                map[c] = k;
            }
        if (map[c] < 0 && c <= COL_VALUE) {
            const char *f0 = t->fields[h][0];
            const char *hint = strchr(f0, ';') ? "; columns must be separated by commas, not ';'"
                               : strchr(f0, '\t') ? "; columns must be separated by commas, not tabs"
                                                  : "";
            return rs_error_set(err, RS_EDATA,
                                "%s:%d: header: missing column '%s' (need section,key,value)%s",
                                shown, t->lines[h], col_names[c], hint);
        }
    }
    int ncols = 0;   /* fields a row may have: up to the last named header column */
    for (int k = 0; k < t->nfields[h]; k++)
        if (*t->fields[h][k])
            ncols = k + 1;
    for (int i = h + 1; i < t->nrows; i++) {
        int rc = check_width(t, i, ncols, shown, err);
        if (rc)
            return rc;
        if (skipped(t, i, map[COL_SECTION]))
            continue;
        rs_row r;
        memset(&r, 0, sizeof r);
        char **dst[NCOL] = {&r.section, &r.key, &r.value, &r.low, &r.high, &r.dist, &r.unit,
                            &r.note};
        for (int c = 0; c < NCOL; c++)
            if (map[c] >= 0 && map[c] < t->nfields[i])
                *dst[c] = rs_trim(take(&t->fields[i][map[c]]));
        r.file = shown;
        r.line = t->lines[i];
        if (!r.section || !*r.section || !r.key || !*r.key) {
            rc = rs_error_set(err, RS_EDATA, "%s:%d: %s: row has no %s", shown, r.line,
                              r.section && *r.section ? r.section : "(no section)",
                              r.section && *r.section ? "key" : "section");
            row_free(&r);
            return rc;
        }
        if (!r.value && !(r.value = strdup(""))) {
            row_free(&r);
            return rs_error_set(err, RS_ESOFTWARE, "out of memory");
        }
        if (strcmp(r.section, "scenario") == 0 && strcmp(r.key, "include") == 0) {
            /* include rows are directives, kept apart (there may be several) */
            char *f = r.value;
            r.value = NULL;
            row_free(&r);
            char key[32];
            snprintf(key, sizeof key, "include\x1e%d", l->n);
            rs_row inc = {0};
            if (!(inc.section = strdup("scenario")) || !(inc.key = strdup(key))) {
                free(f);
                row_free(&inc);
                return rs_error_set(err, RS_ESOFTWARE, "out of memory");
            }
            inc.value = f;
            inc.file = shown;
            inc.line = t->lines[i];
            if ((rc = rowlist_add(l, &inc, err)))
                return rc;
            continue;
        }
        if ((rc = rowlist_add(l, &r, err)))
            return rc;
    }
    return RS_OK;
}

/* The rows of an included table t (named `shown`) into l: a header
 * `section,KEY,KEY.low,...` and one section a row. */
static int table_rows(rs_table *t, const char *shown, rowlist *l, rs_error *err)
{
    int h = rs_table_header(t);
    if (h < 0)
        return rs_error_set(err, RS_EDATA, "%s: no header row (expected section,KEY,...)", shown);
    const int nh = t->nfields[h];
    if (strcasecmp(rs_trim(t->fields[h][0]), "section") != 0)
        return rs_error_set(err, RS_EDATA, "%s:%d: header: the first column must be 'section' "
                            "(an included table has one section a row), got '%s'", shown,
                            t->lines[h], t->fields[h][0]);
    if (nh >= 3 && strcasecmp(rs_trim(t->fields[h][1]), "key") == 0 &&
        strcasecmp(rs_trim(t->fields[h][2]), "value") == 0)
        return rs_error_set(err, RS_EDATA, "%s:%d: header: this is a scenario file (section,key,"
                            "value), not a table; an included table has one section a row and "
                            "a column a key (docs/model.md 1.4); a scenario file is read "
                            "with scenario,base", shown, t->lines[h]);
    /* column c: key (NULL for an empty header) and what it gives */
    enum { V, LOW, HIGH, DIST, NOTE, UNIT };
    char **key = calloc((size_t)nh, sizeof *key);
    int *what = calloc((size_t)nh, sizeof *what), *of = calloc((size_t)nh, sizeof *of);
    int rc = RS_OK, ncols = 0;
    if (!key || !what || !of) {
        rc = rs_error_set(err, RS_ESOFTWARE, "out of memory");
        goto out;
    }
    static const char *const suffix[] = {"", ".low", ".high", ".dist", ".note", ".unit"};
    for (int c = 1; c < nh; c++) {
        char *k = rs_trim(t->fields[h][c]);
        of[c] = -1;
        if (!*k)
            continue;   /* a column without a header must stay empty (checked per row) */
        ncols = c + 1;
        key[c] = k;
        what[c] = V;
        for (int s = LOW; s <= UNIT; s++) {
            size_t kl = strlen(k), sl = strlen(suffix[s]);
            if (kl > sl && strcasecmp(k + kl - sl, suffix[s]) == 0) {
                what[c] = s;
                k[kl - sl] = '\0';
            }
        }
        if (strcasecmp(k, "section") == 0) {
            rc = rs_error_set(err, RS_EDATA, "%s:%d: header: a second 'section' column",
                              shown, t->lines[h]);
            goto out;
        }
        for (int d = 1; d < c; d++)
            if (key[d] && what[d] == what[c] && strcmp(key[d], k) == 0) {
                rc = rs_error_set(err, RS_EDATA, "%s:%d: header: column '%s%s' appears twice",
                                  shown, t->lines[h], k, suffix[what[c]]);
                goto out;
            }
    }
    for (int c = 1; c < nh; c++)   /* KEY.low etc. belong to the column KEY */
        if (key[c] && what[c] != V) {
            for (int d = 1; d < nh; d++)
                if (key[d] && what[d] == V && strcmp(key[d], key[c]) == 0)
                    of[c] = d;
            if (of[c] < 0) {
                rc = rs_error_set(err, RS_EDATA, "%s:%d: header: column '%s%s' has no column "
                                  "'%s' beside it", shown, t->lines[h], key[c], suffix[what[c]],
                                  key[c]);
                goto out;
            }
        }
    for (int i = h + 1; i < t->nrows && !rc; i++) {
        if ((rc = check_width(t, i, ncols, shown, err)))
            break;
        if (skipped(t, i, 0))
            continue;
        const char *sec = t->fields[i][0];
        if (!*sec) {
            rc = rs_error_set(err, RS_EDATA, "%s:%d: row has no section (first column)", shown,
                              t->lines[i]);
            break;
        }
        if (strcmp(sec, "scenario") == 0)
            for (int c = 1; c < nh && c < t->nfields[i] && !rc; c++)
                if (key[c] && what[c] == V && (strcmp(key[c], "base") == 0 ||
                                               strcmp(key[c], "include") == 0) &&
                    *rs_trim(t->fields[i][c]))
                    rc = rs_error_set(err, RS_EDATA, "%s:%d: scenario.%s: a table holds no "
                                      "base or include", shown, t->lines[i], key[c]);
        for (int c = 1; c < nh && c < t->nfields[i] && !rc; c++) {
            if (!key[c]) {
                if (*rs_trim(t->fields[i][c]))
                    rc = rs_error_set(err, RS_EDATA, "%s:%d: %s: a value in column %d, which "
                                      "has no key in the header", shown, t->lines[i], sec, c + 1);
                continue;
            }
            const char *cell = rs_trim(t->fields[i][c]);
            if (what[c] != V) {
                int d = of[c];
                if (*cell && (d >= t->nfields[i] || !*rs_trim(t->fields[i][d])))
                    rc = rs_error_set(err, RS_EDATA, "%s:%d: %s.%s: column '%s%s' is given but "
                                      "'%s' is empty", shown, t->lines[i], sec, key[c], key[c],
                                      suffix[what[c]], key[c]);
                continue;
            }
            if (!*cell)
                continue;
            rs_row r;
            memset(&r, 0, sizeof r);
            r.file = shown;
            r.line = t->lines[i];
            r.column = key[c];
            int ok = (r.section = strdup(sec)) && (r.key = strdup(key[c])) &&
                     (r.value = strdup(cell));
            for (int e = 1; e < nh && ok; e++)
                if (of[e] == c && e < t->nfields[i] && *rs_trim(t->fields[i][e])) {
                    char **slot = what[e] == LOW ? &r.low : what[e] == HIGH ? &r.high
                                : what[e] == DIST ? &r.dist : what[e] == NOTE ? &r.note : &r.unit;
                    ok = (*slot = strdup(t->fields[i][e])) != NULL;
                }
            if (!ok) {
                row_free(&r);
                rc = rs_error_set(err, RS_ESOFTWARE, "out of memory");
                break;
            }
            rc = rowlist_add(l, &r, err);
        }
    }
out:
    /* keys point into t's fields, which the caller releases after us */
    free(key);
    free(what);
    free(of);
    return rc;
}

static int read_file(rs_source *src, const char *path, include_stack *st, const char *from_file,
                     int from_line, const char *how, rs_error *err);

/* Read table `path` (included by row inc) into l. */
static int read_table(rs_source *src, const char *from, const rs_row *inc, rowlist *l,
                      rs_error *err)
{
    char full[PATH_MAX];
    int rc = relative_path(from, inc, full, sizeof full, err);
    if (rc)
        return rc;
    if (access(full, R_OK) != 0)   /* name the row that asked for it */
        return rs_error_set(err, RS_ENOINPUT, "%s:%d: scenario.include: cannot open '%s': %s",
                            from, inc->line, full, strerror(errno));
    rs_table t;
    memset(&t, 0, sizeof t);
    const char *shown = source_intern_file(src, full);
    if (!shown)
        return rs_error_set(err, RS_ESOFTWARE, "out of memory");
    rc = rs_table_read(full, shown, &t, err);
    if (!rc)
        rc = table_rows(&t, shown, l, err);
    rs_table_release(&t);
    return rc;
}

static int read_file(rs_source *src, const char *path, include_stack *st, const char *from_file,
                     int from_line, const char *how, rs_error *err)
{
    char *real = NULL;
    rs_table t;
    memset(&t, 0, sizeof t);
    rowlist own = {0}, tables = {0};
    int rc = RS_OK;

    errno = 0;
    real = realpath(path, NULL);
    if (!real) {
        if (errno == ENOMEM)
            rc = rs_error_set(err, RS_ESOFTWARE, "out of memory");
        else if (from_file)
            rc = rs_error_set(err, RS_ENOINPUT, "%s:%d: scenario.%s: cannot open '%s': %s",
                              from_file, from_line, how, path, strerror(errno));
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
    if ((rc = rs_table_read(path, shown, &t, err)) || (rc = scenario_rows(&t, shown, &own, err)))
        goto out;
    rs_table_release(&t);

    /* the base first, then this file's tables, then its own rows */
    int base = rs_strmap_get(&own.index, "scenario\x1f" "base");
    if (base >= 0) {
        char full[PATH_MAX];
        if ((rc = relative_path(shown, &own.r[base], full, sizeof full, err)))
            goto out;
        st->real[st->depth] = real;
        st->shown[st->depth] = shown;
        st->depth++;
        rc = read_file(src, full, st, shown, own.r[base].line, "base", err);
        st->depth--;
        if (rc)
            goto out;
    }
    int ninc = 0;
    for (int j = 0; j < own.n; j++)
        if (strcmp(own.r[j].section, "scenario") == 0 && strncmp(own.r[j].key, "include\x1e", 8) == 0) {
            if (++ninc > RS_INCLUDES_MAX) {
                rc = rs_error_set(err, RS_EDATA, "%s:%d: scenario.include: more than %d tables",
                                  shown, own.r[j].line, RS_INCLUDES_MAX);
                goto out;
            }
            if ((rc = read_table(src, shown, &own.r[j], &tables, err)))
                goto out;
        }
    if ((rc = merge(src, &tables, 1, err)))
        goto out;
    /* own rows: the include directives stay behind */
    rowlist keep = {0};
    for (int j = 0; j < own.n && !rc; j++) {
        if (strcmp(own.r[j].section, "scenario") == 0 && strncmp(own.r[j].key, "include\x1e", 8) == 0)
            continue;
        rc = rowlist_add(&keep, &own.r[j], err);
    }
    if (!rc)
        rc = merge(src, &keep, 1, err);
    rowlist_release(&keep);
out:
    rowlist_release(&own);
    rowlist_release(&tables);
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
    return read_file(src, path, &st, NULL, 0, NULL, err);
}

int rs_number_is_percent(const char *text)
{
    return strchr(text, '%') || strstr(text, "\xEF\xBC\x85");
}

int rs_parse_number(const char *text, double *out)
{
    if (!text || !*text)
        return -1;
    char *end;
    errno = 0;
    double v = strtod(text, &end);
    if (end == text || (errno == ERANGE && (v == HUGE_VAL || v == -HUGE_VAL)))
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
    /* a subnormal (below DBL_MIN, e.g. 4.9e-324, or 1e-320%) is a number,
     * and zero for every purpose here: read as 0, so no result or chart
     * carries values gnuplot cannot scale */
    *out = fabs(v) < DBL_MIN ? 0.0 : v;
    return 0;
}
