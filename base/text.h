/* text.h: what gnuplot scripts (plots/) and report.html (sim/report.c) are
 * both built with: a growing NUL-terminated text buffer with a printf-like
 * append, each user deciding how user text is escaped through conversions
 * of its own; numbers with thousands separators; the unit money is shown
 * in. */
#ifndef RS_TEXT_H
#define RS_TEXT_H

#include <stdarg.h>
#include <stddef.h>

/* Text being built. Caller-owned: zero it (rs_textbuf_init, or = {0}),
 * append, then take p (the caller's to free) or rs_textbuf_release. p stays
 * NULL until the first append. `failed` is set, and further appends are
 * ignored, when memory runs out or a format is bad. */
typedef struct {
    char *p;
    size_t len, cap;
    int failed;
} rs_textbuf;

void rs_textbuf_init(rs_textbuf *b);
void rs_textbuf_release(rs_textbuf *b);

/* Append the n bytes at s (n may be 0: then p is allocated, empty). */
void rs_textbuf_put(rs_textbuf *b, const char *s, size_t n);

/* A caller's own conversions for rs_textbuf_vappend: f points just after
 * the '%'; append the value taken from *ap and return how many characters
 * of the format it used (1 for "%e", 2 for "%ld"), or 0 when it does not
 * know the conversion. */
typedef int (*rs_textbuf_conv)(rs_textbuf *b, const char *f, va_list *ap);

/* Append fmt with its conversions: %s a trusted string written as is, %d
 * an int, %% a percent sign, anything else through conv (may be NULL). A
 * conversion nobody knows marks b failed and ends the append there. */
void rs_textbuf_vappend(rs_textbuf *b, const char *fmt, va_list ap, rs_textbuf_conv conv);

/* v with `decimals` decimals (0..6 make sense), thousands separated by ',',
 * a true minus sign (U+2212) for negatives but never for a value that shows
 * as zero, into buf (n >= 48). Not for NaN or infinities, which come out as
 * printf writes them ("nan", "inf"); the charts' rs_gp_group writes "n/a". */
const char *rs_text_group(double v, int decimals, char *buf, size_t n);

/* The unit money in `currency` ("" or NULL: CNY) is shown in, into unit (n
 * bytes): in Chinese (zh) ten thousands, "万元" for CNY, RMB or 元 and
 * "万CUR" for another currency; otherwise the currency itself. Returns the
 * factor an amount is multiplied by to be shown in it (1e-4 or 1). */
double rs_text_money_unit(const char *currency, int zh, char *unit, size_t n);

#endif
