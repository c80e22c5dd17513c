/* csvin.c: CSV files to rows of fields (see csvin.h). */
#define _XOPEN_SOURCE 700
#include <csv.h>
#include <errno.h>
#include <iconv.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include "csvin.h"

/* The whole file at path into a buffer allocated for it (NUL-terminated):
 * a regular file's size and one byte more (to see it grew), a pipe's in
 * doubling steps; never more than RS_FILE_MAX + 2 bytes. */
static int read_all(const char *path, char **out, size_t *len, rs_error *err)
{
    FILE *fp = fopen(path, "rb");
    if (!fp && errno == ENOMEM)
        return rs_error_set(err, RS_ESOFTWARE, "%s: out of memory", path);
    if (!fp)
        return rs_error_set(err, RS_ENOINPUT, "%s: cannot open: %s", path, strerror(errno));
    struct stat st;
    size_t cap = 64 * 1024, n = 0;
    if (fstat(fileno(fp), &st) == 0 && S_ISREG(st.st_mode))
        cap = st.st_size < (off_t)RS_FILE_MAX ? (size_t)st.st_size + 2 : RS_FILE_MAX + 2;
    char *buf = malloc(cap);
    int rc = RS_OK;
    while (buf) {
        n += fread(buf + n, 1, cap - 1 - n, fp);
        if (n < cap - 1 || cap >= RS_FILE_MAX + 2 || ferror(fp))
            break;
        size_t grow = 2 * cap < RS_FILE_MAX + 2 ? 2 * cap : RS_FILE_MAX + 2;
        char *nb = realloc(buf, grow);
        if (!nb) {
            free(buf);
            buf = NULL;
            break;
        }
        buf = nb;
        cap = grow;
    }
    if (!buf)
        rc = rs_error_set(err, RS_ESOFTWARE, "%s: out of memory", path);
    else if (ferror(fp))
        rc = rs_error_set(err, RS_ENOINPUT, "%s: read error: %s", path, strerror(errno));
    else if (n > RS_FILE_MAX)
        rc = rs_error_set(err, RS_EDATA, "%s: file is larger than %u MiB", path,
                          RS_FILE_MAX >> 20);
    fclose(fp);
    if (rc) {
        free(buf);
        return rc;
    }
    buf[n] = '\0';
    *out = buf;
    *len = n;
    return RS_OK;
}

/* 1 when buf[0..n) is well-formed UTF-8 */
static int valid_utf8(const unsigned char *s, size_t n)
{
    size_t i = 0;
    while (i < n) {
        unsigned c = s[i];
        size_t k;
        unsigned min;
        if (c < 0x80) { i++; continue; }
        else if ((c & 0xE0) == 0xC0) { k = 1; min = 0x80; c &= 0x1F; }
        else if ((c & 0xF0) == 0xE0) { k = 2; min = 0x800; c &= 0x0F; }
        else if ((c & 0xF8) == 0xF0) { k = 3; min = 0x10000; c &= 0x07; }
        else return 0;
        for (size_t j = 1; j <= k; j++) {
            if (i + j >= n || (s[i + j] & 0xC0) != 0x80)
                return 0;
            c = (c << 6) | (s[i + j] & 0x3F);
        }
        if (c < min || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF))
            return 0;
        i += k + 1;
    }
    return 1;
}

/* Make buf UTF-8: drop a BOM; convert from GB18030 (a superset of GBK, what
 * Chinese Excel saves) when it is not UTF-8 already. */
static int to_utf8(const char *path, char **buf, size_t *len, rs_error *err)
{
    if (*len >= 2 && ((unsigned char)(*buf)[0] == 0xFF || (unsigned char)(*buf)[0] == 0xFE) &&
        ((unsigned char)(*buf)[1] == 0xFE || (unsigned char)(*buf)[1] == 0xFF))
        return rs_error_set(err, RS_EDATA, "%s: UTF-16 text (Excel's \"Unicode text\"): save "
                            "it as \"CSV UTF-8\" or plain CSV instead", path);
    if (*len >= 3 && memcmp(*buf, "\xEF\xBB\xBF", 3) == 0) {
        memmove(*buf, *buf + 3, *len - 3 + 1);
        *len -= 3;
    }
    if (valid_utf8((const unsigned char *)*buf, *len))
        return RS_OK;
    iconv_t cd = iconv_open("UTF-8", "GB18030");
    if (cd == (iconv_t)-1)
        return rs_error_set(err, RS_ESOFTWARE, "%s: no GBK converter (iconv): %s", path,
                            strerror(errno));
    size_t cap = *len * 2 + 4;   /* GB18030 -> UTF-8 grows at most 2x */
    char *out = malloc(cap), *in = *buf, *o = out;
    size_t inleft = *len, outleft = cap - 1;
    int rc = RS_OK;
    if (!out)
        rc = rs_error_set(err, RS_ESOFTWARE, "%s: out of memory", path);
    else if (iconv(cd, &in, &inleft, &o, &outleft) == (size_t)-1)
        rc = rs_error_set(err, RS_EDATA,
                          "%s: text is neither UTF-8 nor GBK (bad byte at offset %zu)",
                          path, (size_t)(in - *buf));
    iconv_close(cd);
    if (rc) {
        free(out);
        return rc;
    }
    *o = '\0';
    free(*buf);
    *buf = out;
    *len = (size_t)(o - out);
    return RS_OK;
}

/* -------------------------------------------------------------- CSV rows */

void rs_table_release(rs_table *t)
{
    for (int r = 0; r < t->nrows; r++) {
        for (int c = 0; c < t->nfields[r]; c++)
            free(t->fields[r][c]);
        free(t->fields[r]);
    }
    for (int c = 0; c < t->ncur; c++)
        free(t->cur[c]);
    free(t->fields);
    free(t->nfields);
    free(t->lines);
    memset(t, 0, sizeof *t);
}

static void on_field(void *s, size_t len, void *ctx)
{
    rs_table *t = ctx;
    if (t->bad)
        return;
    if (t->ncur == 0)
        t->row_line = t->line;
    if (len > RS_FIELD_MAX) {
        t->bad = rs_error_set(t->err, RS_EDATA, "%s:%d: field longer than %d bytes",
                              t->path, t->line, RS_FIELD_MAX);
        return;
    }
    if (t->ncur >= RS_COLS_MAX) {
        t->bad = rs_error_set(t->err, RS_EDATA, "%s:%d: more than %d columns", t->path,
                              t->line, RS_COLS_MAX);
        return;
    }
    char *f = malloc(len + 1);
    if (!f) {
        t->bad = rs_error_set(t->err, RS_ESOFTWARE, "out of memory");
        return;
    }
    if (len)
        memcpy(f, s, len);
    f[len] = '\0';
    t->cur[t->ncur++] = f;
}

static void on_row(int c, void *ctx)
{
    (void)c;
    rs_table *t = ctx;
    if (t->bad)
        return;
    if (t->nrows >= RS_ROWS_MAX) {
        t->bad = rs_error_set(t->err, RS_EDATA, "%s:%d: more than %d rows", t->path,
                              t->line, RS_ROWS_MAX);
        return;
    }
    if (t->nrows == t->cap) {
        int cap = t->cap ? 2 * t->cap : 64;
        char ***f = realloc(t->fields, (size_t)cap * sizeof *f);
        if (f) t->fields = f;
        int *n = f ? realloc(t->nfields, (size_t)cap * sizeof *n) : NULL;
        if (n) t->nfields = n;
        int *l = n ? realloc(t->lines, (size_t)cap * sizeof *l) : NULL;
        if (l) t->lines = l;
        if (!l) {
            t->bad = rs_error_set(t->err, RS_ESOFTWARE, "out of memory");
            return;
        }
        t->cap = cap;
    }
    char **row = malloc((size_t)(t->ncur ? t->ncur : 1) * sizeof *row);
    if (!row) {
        t->bad = rs_error_set(t->err, RS_ESOFTWARE, "out of memory");
        return;
    }
    memcpy(row, t->cur, (size_t)t->ncur * sizeof *row);
    t->fields[t->nrows] = row;
    t->nfields[t->nrows] = t->ncur;
    t->lines[t->nrows] = t->row_line ? t->row_line : t->line;
    t->nrows++;
    t->ncur = 0;
    t->row_line = 0;
}

/* The error for libcsv's failure at `line`: a misplaced quote said in a
 * planner's words rather than libcsv's. */
static int csv_failed(struct csv_parser *p, const char *path, int line, rs_error *err)
{
    const int e = csv_error(p);
    if (e == CSV_ENOMEM)
        return rs_error_set(err, RS_ESOFTWARE, "%s: out of memory", path);
    if (e == CSV_EPARSE)
        return rs_error_set(err, RS_EDATA, "%s:%d: malformed CSV: a double quote out of place "
                            "(a field with a quote in it is quoted as a whole and its quotes "
                            "doubled: \"12 \"\"A\"\" Street\"), or a quoted field that never ends",
                            path, line);
    return rs_error_set(err, RS_EDATA, "%s:%d: malformed CSV: %s", path, line, csv_strerror(e));
}

/* Parse UTF-8 text into t, one line at a time so rows know their line. */
static int parse_csv(const char *path, const char *text, size_t len, rs_table *t,
                     rs_error *err)
{
    struct csv_parser p;
    if (csv_init(&p, CSV_STRICT | CSV_STRICT_FINI) != 0)
        return rs_error_set(err, RS_ESOFTWARE, "out of memory");
    t->path = path;
    t->err = err;
    size_t pos = 0;
    int rc = RS_OK;
    while (pos < len && !t->bad) {
        const char *nl = memchr(text + pos, '\n', len - pos);
        size_t n = nl ? (size_t)(nl - (text + pos)) + 1 : len - pos;
        t->line++;
        if (csv_parse(&p, text + pos, n, on_field, on_row, t) != n && !t->bad) {
            rc = csv_failed(&p, path, t->line, err);
            break;
        }
        pos += n;
    }
    if (!rc && !t->bad && csv_fini(&p, on_field, on_row, t) != 0)
        rc = csv_failed(&p, path, t->line, err);
    csv_free(&p);
    return rc ? rc : t->bad;
}


int rs_table_read(const char *path, const char *shown, rs_table *t, rs_error *err)
{
    char *buf = NULL;
    size_t len = 0;
    int rc = read_all(path, &buf, &len, err);
    if (!rc)
        rc = to_utf8(shown, &buf, &len, err);
    if (!rc && !memchr(buf, '\n', len))   /* old Mac line ends (CR only): count lines */
        for (size_t i = 0; i < len; i++)
            if (buf[i] == '\r')
                buf[i] = '\n';
    if (!rc)
        rc = parse_csv(shown, buf, len, t, err);
    free(buf);
    return rc;
}
