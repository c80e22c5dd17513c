/* gpscript.c: building gnuplot scripts safely: the script buffer, the
 * single-quoted literal every user string goes through, and round axis
 * ticks. The buffer itself is an rs_textbuf. */
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "../base/utf8.h"
#include "gp.h"

void rs_gpbuf_init(rs_gpbuf *b)
{
    rs_textbuf_init(b);
}

void rs_gpbuf_release(rs_gpbuf *b)
{
    rs_textbuf_release(b);
}

/* The literal; with `fmt`, '%' doubled as well (gnuplot reads tic labels as
 * formats, and "%%" there is a plain '%'). */
static void quote(rs_gpbuf *b, const char *s, int fmt)
{
    const unsigned char *p = (const unsigned char *)(s ? s : "");
    rs_textbuf_put(b, "'", 1);
    while (*p) {
        unsigned long cp;
        int n = rs_utf8_decode(p, &cp);
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
    /* values below 1e-9 (subnormal inputs, say) are zero on every chart, and
     * a range that narrow is none: gnuplot treats |x| < 1e-8 as zero and
     * steps of 1e-324 underflow to 0 */
    if (fabs(lo) < 1e-9)
        lo = 0.0;
    if (fabs(hi) < 1e-9)
        hi = 0.0;
    if (hi - lo < 1e-9 * fmax(fabs(lo), fabs(hi)))
        hi = lo;
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
