/* csvout.c: CSV files of an output set, cells quoted as libcsv quotes them;
 * every write checked, the first failure's errno kept for the message. */
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "csvout.h"

/* Record the first failed write (its errno, EIO when it set none). */
static void failed(rs_csv *c)
{
    if (!c->failed)
        c->failed = errno ? errno : EIO;
}

int rs_outset_csv(rs_outset *o, const char *name, rs_csv *c, rs_error *err)
{
    memset(c, 0, sizeof *c);
    const char *tmp = rs_outset_path(o, name, err);
    if (!tmp)
        return err->code;
    c->slot = o->n - 1;
    c->fp = fopen(tmp, "w");
    if (!c->fp)
        return rs_error_set(err, errno == ENOMEM ? RS_ESOFTWARE : RS_ECANTCREAT,
                            "%s: cannot write: %s", o->final[c->slot], strerror(errno));
    if (o->excel && fputs("\xEF\xBB\xBF", c->fp) == EOF)
        failed(c);
    return RS_OK;
}

int rs_csv_close(rs_csv *c, rs_outset *o, rs_error *err)
{
    if (!c->fp)
        return RS_OK;
    errno = 0;
    if (!c->failed && ferror(c->fp))
        failed(c);
    errno = 0;
    if (fclose(c->fp) != 0)
        failed(c);
    c->fp = NULL;
    if (c->failed)   /* ENOSPC: "No space left on device" */
        return rs_error_set(err, c->failed == ENOMEM ? RS_ESOFTWARE : RS_ECANTCREAT,
                            "%s: cannot write: %s", o->final[c->slot], strerror(c->failed));
    return RS_OK;
}

static void put(rs_csv *c, int ch)
{
    if (fputc(ch, c->fp) == EOF)
        failed(c);
}

static void sep(rs_csv *c)
{
    if (c->col++ > 0)
        put(c, ',');
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
            failed(c);
        return;
    }
    /* quoted as libcsv's csv_fwrite quotes (the whole cell, '"' doubled),
     * after a ' that keeps a spreadsheet from running a formula */
    put(c, '"');
    if (formula)
        put(c, '\'');
    for (; *s; s++) {
        if (*s == '"')
            put(c, '"');
        put(c, (unsigned char)*s);
    }
    put(c, '"');
}

/* "%.10g" of v without printf's multi-precision arithmetic, for the values
 * that fill result files (1e-3 <= |v| < 1e10): the ten significant digits
 * are round(|v| 10^k), k = 9 - floor(log10 |v|), from one multiplication
 * by an exact power of ten, whose error (at most half an ulp, below 2e-6)
 * decides the rounding unless the product lies within 1e-5 of a half:
 * then, and outside that range, NULL (printf is used). Tested against
 * snprintf on millions of values (tests/io/test_csvout.c). */
static const char *fast_g10(double v, char *buf)
{
    static const double p10[] = {1e-3, 1e-2, 1e-1, 1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6,
                                 1e7,  1e8,  1e9,  1e10, 1e11, 1e12};
    const double a = fabs(v);
    if (!(a >= 1e-3 && a < 1e10))
        return NULL;
    int e = -3;
    while (e < 9 && a >= p10[e + 4])
        e++;
    const double t = a * p10[(9 - e) + 3];   /* 10^(9-e), exact for 9 - e <= 12 */
    if (fabs(t - floor(t) - 0.5) < 1e-5)
        return NULL;                            /* too near a tie to be sure */
    double n = floor(t + 0.5);                  /* t + 0.5 is exact: ulp(t) <= 2^-19 */
    int x = e;                                  /* the decimal exponent after rounding */
    if (n >= 1e10) {
        n = 1e9;
        x = e + 1;
    } else if (n < 1e9) {                       /* e one too high (a power of ten) */
        return NULL;
    }
    if (x >= 10)
        return NULL;
    char dig[11];
    long long d = (long long)n;
    for (int i = 9; i >= 0; i--, d /= 10)
        dig[i] = (char)('0' + d % 10);
    dig[10] = '\0';
    int last = 9;                               /* %g drops trailing zeros */
    while (last > 0 && dig[last] == '0' && last > x)
        last--;
    char *o = buf;
    if (v < 0)
        *o++ = '-';
    if (x >= 0) {
        for (int i = 0; i <= x; i++)
            *o++ = dig[i];
        if (last > x) {
            *o++ = '.';
            for (int i = x + 1; i <= last; i++)
                *o++ = dig[i];
        }
    } else {
        *o++ = '0';
        *o++ = '.';
        for (int i = x; i < -1; i++)
            *o++ = '0';
        for (int i = 0; i <= last; i++)
            *o++ = dig[i];
    }
    *o = '\0';
    return buf;
}

const char *rs_fmt_num(double v, char *buf)
{
    if (isnan(v))
        buf[0] = '\0';
    else if (v == 0.0)
        memcpy(buf, "0", 2);
    else if (!fast_g10(v, buf))
        snprintf(buf, 32, "%.10g", v);
    return buf;
}

void rs_csv_num(rs_csv *c, double v)
{
    char buf[32];
    sep(c);
    if (fputs(rs_fmt_num(v, buf), c->fp) == EOF)
        failed(c);
}

void rs_csv_int(rs_csv *c, long v)
{
    sep(c);
    if (fprintf(c->fp, "%ld", v) < 0)
        failed(c);
}

void rs_csv_endrow(rs_csv *c)
{
    put(c, '\n');
    c->col = 0;
}
