/* csvout.c: CSV files of an output set, cells escaped with libcsv. */
#define _POSIX_C_SOURCE 200809L
#include <csv.h>
#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "csvout.h"

int rs_outset_csv(rs_outset *o, const char *name, rs_csv *c, rs_error *err)
{
    memset(c, 0, sizeof *c);
    const char *tmp = rs_outset_path(o, name, err);
    if (!tmp)
        return err->code;
    c->fp = fopen(tmp, "w");
    if (!c->fp)
        return rs_error_set(err, RS_ECANTCREAT, "%s: cannot write: %s", o->final[o->n - 1],
                            strerror(errno));
    if (o->excel)
        fputs("\xEF\xBB\xBF", c->fp);
    return RS_OK;
}

int rs_csv_close(rs_csv *c, rs_outset *o, rs_error *err)
{
    if (!c->fp)
        return RS_OK;
    int bad = c->failed || ferror(c->fp);
    bad |= fclose(c->fp) != 0;
    c->fp = NULL;
    if (bad)
        return rs_error_set(err, RS_ECANTCREAT, "%s: write failed: %s", o->dir, strerror(errno));
    return RS_OK;
}

static void sep(rs_csv *c)
{
    if (c->col++ > 0 && fputc(',', c->fp) == EOF)
        c->failed = 1;
}

int rs_csv_formula_like(const char *s)
{
    return s && (s[0] == '=' || s[0] == '+' || s[0] == '-' || s[0] == '@' || s[0] == '\t' ||
                 s[0] == '\r');
}

void rs_csv_text(rs_csv *c, const char *s)
{
    sep(c);
    if (!s)
        return;
    int formula = rs_csv_formula_like(s);
    size_t n = strlen(s);
    int quote = formula || strpbrk(s, ",\"\r\n") != NULL || (n && (s[0] == ' ' || s[n - 1] == ' '));
    if (!quote) {
        if (fputs(s, c->fp) == EOF)
            c->failed = 1;
        return;
    }
    if (formula) {
        char *buf = malloc(n + 2);
        if (!buf) {
            c->failed = 1;
            return;
        }
        buf[0] = '\'';
        memcpy(buf + 1, s, n + 1);
        if (csv_fwrite(c->fp, buf, n + 1) != 0)
            c->failed = 1;
        free(buf);
    } else if (csv_fwrite(c->fp, s, n) != 0) {
        c->failed = 1;
    }
}

const char *rs_fmt_num(double v, char *buf)
{
    if (isnan(v))
        buf[0] = '\0';
    else
        snprintf(buf, 32, "%.10g", v == 0.0 ? 0.0 : v);
    return buf;
}

void rs_csv_num(rs_csv *c, double v)
{
    char buf[32];
    sep(c);
    if (fputs(rs_fmt_num(v, buf), c->fp) == EOF)
        c->failed = 1;
}

void rs_csv_int(rs_csv *c, long v)
{
    sep(c);
    if (fprintf(c->fp, "%ld", v) < 0)
        c->failed = 1;
}

void rs_csv_endrow(rs_csv *c)
{
    if (fputc('\n', c->fp) == EOF)
        c->failed = 1;
    c->col = 0;
}
