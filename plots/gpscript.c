/* gpscript.c: building gnuplot scripts safely: the script buffer, the
 * single-quoted literal every user string goes through, thousands-separated
 * numbers and round axis ticks. The buffer itself is an rs_textbuf. */
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "gp.h"

void rs_gpbuf_init(rs_gpbuf *b)
{
    rs_textbuf_init(b);
}

void rs_gpbuf_release(rs_gpbuf *b)
{
    rs_textbuf_release(b);
}

/* Length of the UTF-8 sequence at s (1..4) and its code point, or 0 when the
 * bytes are not well-formed UTF-8 (overlong forms and surrogates included). */
static int utf8_len(const unsigned char *s, unsigned long *cp)
{
    unsigned c = s[0];
    int n;
    unsigned long v, min;
    if (c < 0x80) {
        *cp = c;
        return 1;
    } else if ((c & 0xE0) == 0xC0) {
        n = 2; v = c & 0x1F; min = 0x80;
    } else if ((c & 0xF0) == 0xE0) {
        n = 3; v = c & 0x0F; min = 0x800;
    } else if ((c & 0xF8) == 0xF0) {
        n = 4; v = c & 0x07; min = 0x10000;
    } else {
        return 0;
    }
    for (int i = 1; i < n; i++) {
        if ((s[i] & 0xC0) != 0x80)
            return 0;
        v = (v << 6) | (s[i] & 0x3F);
    }
    if (v < min || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF))
        return 0;
    *cp = v;
    return n;
}

/* The literal; with `fmt`, '%' doubled as well (gnuplot reads tic labels as
 * formats, and "%%" there is a plain '%'). */
static void quote(rs_gpbuf *b, const char *s, int fmt)
{
    const unsigned char *p = (const unsigned char *)(s ? s : "");
    rs_textbuf_put(b, "'", 1);
    while (*p) {
        unsigned long cp;
        int n = utf8_len(p, &cp);
        if (n == 0) {
            rs_textbuf_put(b, "?", 1);
            p++;
        } else if (cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp < 0xA0)) {
            rs_textbuf_put(b, " ", 1);
            p += n;
        } else if (cp == '\'') {
            rs_textbuf_put(b, "''", 2);
            p++;
        } else if (cp == '%' && fmt) {
            rs_textbuf_put(b, "%%", 2);
            p++;
        } else {
            rs_textbuf_put(b, (const char *)p, (size_t)n);
            p += n;
        }
    }
    rs_textbuf_put(b, "'", 1);
}

void rs_gp_quote(rs_gpbuf *b, const char *s)
{
    quote(b, s, 0);
}

/* rs_gp_cmd's own conversions (rs_textbuf_vappend does %s, %d and %%). */
static int gp_conv(rs_textbuf *b, const char *f, va_list *ap)
{
    char num[64];
    switch (*f) {
    case 'q':
        quote(b, va_arg(*ap, const char *), 0);
        return 1;
    case 'Q':
        quote(b, va_arg(*ap, const char *), 1);
        return 1;
    case 'g': {
        double v = va_arg(*ap, double);
        if (isnan(v) || isinf(v))
            snprintf(num, sizeof num, "NaN");
        else
            snprintf(num, sizeof num, "%.10g", v == 0.0 ? 0.0 : v);
        rs_textbuf_put(b, num, strlen(num));
        return 1;
    }
    default:
        return 0;
    }
}

void rs_gp_cmd(rs_gpbuf *b, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    rs_textbuf_vappend(b, fmt, ap, gp_conv);
    va_end(ap);
}

/* Display columns of code point cp: 2 for East Asian wide characters. */
static int columns(unsigned long cp)
{
    return (cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0xA4CF) ||
                   (cp >= 0xAC00 && cp <= 0xD7A3) || (cp >= 0xF900 && cp <= 0xFAFF) ||
                   (cp >= 0xFE30 && cp <= 0xFE4F) || (cp >= 0xFF00 && cp <= 0xFF60) ||
                   (cp >= 0xFFE0 && cp <= 0xFFE6) || cp >= 0x20000
               ? 2
               : 1;
}

const char *rs_gp_fit(const char *s, int cols, char *out, size_t n)
{
    static const char ell[] = "\xE2\x80\xA6"; /* … , one column */
    const unsigned char *p = (const unsigned char *)(s ? s : "");
    if (n == 0)
        return out;
    int total = 0;
    size_t bytes = 0;
    for (const unsigned char *q = p; *q;) {
        unsigned long cp;
        int k = utf8_len(q, &cp);
        total += columns(k ? cp : '?');
        q += k ? k : 1;
        bytes += k ? (size_t)k : 1;
    }
    int cut = total > cols || bytes + 1 > n;
    size_t o = 0;
    int used = 0;
    while (*p) {
        unsigned long cp;
        int k = utf8_len(p, &cp);
        if (k == 0) {
            k = 1;
            cp = '?';
        }
        int w = columns(cp);
        if (cut && (used + w > cols - 1 || o + (size_t)k + sizeof ell > n))
            break;
        memcpy(out + o, p, (size_t)k);
        o += (size_t)k;
        used += w;
        p += k;
    }
    if (cut && o + sizeof ell <= n) {
        memcpy(out + o, ell, sizeof ell);
        return out;
    }
    out[o] = '\0';
    return out;
}

const char *rs_gp_fit_end(const char *s, int cols, char *out, size_t n)
{
    static const char ell[] = "\xE2\x80\xA6";
    const unsigned char *p = (const unsigned char *)(s ? s : "");
    int total = 0;
    if (n == 0)
        return out;
    for (const unsigned char *q = p; *q;) {
        unsigned long cp;
        int k = utf8_len(q, &cp);
        total += columns(k ? cp : '?');
        q += k ? k : 1;
    }
    size_t o = 0;
    if (total > cols) {
        while (*p && total > cols - 1) { /* drop from the front */
            unsigned long cp;
            int k = utf8_len(p, &cp);
            total -= columns(k ? cp : '?');
            p += k ? k : 1;
        }
        if (n > sizeof ell) {
            memcpy(out, ell, sizeof ell - 1);
            o = sizeof ell - 1;
        }
    }
    size_t rest = strlen((const char *)p);
    if (o + rest + 1 > n)
        rest = n - o - 1; /* only when n is too small for cols; may split */
    memcpy(out + o, p, rest);
    out[o + rest] = '\0';
    return out;
}

const char *rs_gp_group(double v, int decimals, char *buf, size_t n)
{
    if (isnan(v) || isinf(v)) {
        snprintf(buf, n, "n/a");
        return buf;
    }
    if (decimals < 0)
        decimals = 0;
    if (decimals > 6)
        decimals = 6;
    return rs_text_group(v, decimals, buf, n);
}

/* Fewest decimals (0..6) that show step exactly. */
static int step_decimals(double step)
{
    for (int d = 0; d < 6; d++) {
        double x = step * pow(10.0, d);
        if (fabs(x - round(x)) < 1e-6 * x)
            return d;
    }
    return 6;
}

void rs_gp_axis_fit(rs_gp_axis *a, double lo, double hi, int target)
{
    if (!isfinite(lo) || !isfinite(hi) || hi < lo) {
        lo = 0.0;
        hi = 1.0;
    }
    if (hi == lo) {
        double d = lo == 0.0 ? 1.0 : fabs(lo) * 0.1;
        lo -= d;
        hi += d;
    }
    if (target < 2)
        target = 2;
    /* among round steps near (hi-lo)/target giving target-3 .. target+2
     * intervals, the one that widens the range least (a little penalty per
     * interval away from target) */
    static const double nice[] = {1.0, 2.0, 2.5, 5.0};
    double raw = (hi - lo) / target, best = INFINITY;
    int e0 = (int)floor(log10(raw));
    for (int e = e0 - 1; e <= e0 + 1; e++)
        for (size_t i = 0; i < sizeof nice / sizeof nice[0]; i++) {
            double step = nice[i] * pow(10.0, e);
            double l = floor(lo / step + 1e-9) * step, h = ceil(hi / step - 1e-9) * step;
            int n = (int)lround((h - l) / step);
            int lo_n = target - 3 > 2 ? target - 3 : 2;
            if (n < lo_n || n > target + 2)
                continue;
            double score = (h - l) * (1 + 0.04 * abs(n - target));
            if (score < best * (1 - 1e-9)) {
                best = score;
                a->step = step;
                a->lo = l;
                a->hi = h;
                a->n = n;
            }
        }
    if (!isfinite(best)) { /* cannot happen for finite ranges; be safe */
        a->step = (hi - lo) / target;
        a->lo = lo;
        a->hi = hi;
        a->n = target;
    }
    a->decimals = step_decimals(a->step);
}

void rs_gp_axis_emit(rs_gpbuf *b, const char *name, const rs_gp_axis *a, const char *opts,
                     const char *suffix)
{
    rs_gp_cmd(b, "set %srange [%g:%g]\n", name, a->lo, a->hi);
    rs_gp_cmd(b, "set %stics %s (", name, opts);
    long first = (long)ceil(a->lo / a->step - 1e-9), last = (long)floor(a->hi / a->step + 1e-9);
    for (long k = first, i = 0; k <= last; k++, i++) {
        double v = k * a->step;
        char num[64], lab[80];
        snprintf(lab, sizeof lab, "%s%s", rs_gp_group(v, a->decimals, num, sizeof num), suffix);
        rs_gp_cmd(b, "%s%Q %g", i ? ", " : "", lab, v);
    }
    rs_gp_cmd(b, ")\n");
}
