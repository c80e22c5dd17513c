/* html.c: HTML escaping and the markup printf of report.html (html.h), and
 * rs_html_escape (report.h). Every piece of user text on the page passes
 * through rp_esc_n. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "html.h"
#include "report.h"
#include "../base/utf8.h"

void rp_raw(rs_textbuf *b, const char *s)
{
    rs_textbuf_put(b, s, strlen(s));
}

void rp_esc_n(rs_textbuf *b, const char *s, size_t n)
{
    const unsigned char *p = (const unsigned char *)(s ? s : ""), *end = p + (s ? n : 0);
    const unsigned char *run = p;
    while (p < end) {
        const char *rep = NULL;
        size_t k = 1;
        switch (*p) {
        case '&': rep = "&amp;"; break;
        case '<': rep = "&lt;"; break;
        case '>': rep = "&gt;"; break;
        case '"': rep = "&quot;"; break;
        case '\'': rep = "&#39;"; break;
        default:
            if ((*p < 0x20 && *p != '\t' && *p != '\n') || *p == 0x7F) {
                rep = " ";
            } else if (*p >= 0x80) {
                unsigned long cp;
                int len = rs_utf8_decode(p, &cp);
                if (len == 0 || p + len > end)
                    rep = "?";                 /* not UTF-8 */
                else {
                    k = (size_t)len;
                    if (cp <= 0x9F)            /* C1 controls */
                        rep = " ";
                }
            }
        }
        if (rep) {
            rs_textbuf_put(b, (const char *)run, (size_t)(p - run));
            rp_raw(b, rep);
            run = p + k;
        }
        p += k;
    }
    rs_textbuf_put(b, (const char *)run, (size_t)(p - run));
}

void rp_esc(rs_textbuf *b, const char *s)
{
    rp_esc_n(b, s, s ? strlen(s) : 0);
}

/* rp_hf's own conversions (rs_textbuf_vappend does %s, %d and %%). */
static int html_conv(rs_textbuf *b, const char *f, va_list *ap)
{
    char num[32];
    switch (*f) {
    case 'e':
        rp_esc(b, va_arg(*ap, const char *));
        return 1;
    case 'l':
        if (f[1] != 'd')
            return 0;
        snprintf(num, sizeof num, "%ld", va_arg(*ap, long));
        rp_raw(b, num);
        return 2;
    default:
        return 0;
    }
}

void rp_hf(rs_textbuf *b, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    rs_textbuf_vappend(b, fmt, ap, html_conv);
    va_end(ap);
}

char *rs_html_escape(const char *s)
{
    rs_textbuf b = {0};
    rp_esc(&b, s);
    if (!b.p && !b.failed)
        rs_textbuf_put(&b, "", 0);
    if (b.failed) {
        free(b.p);
        return NULL;
    }
    return b.p;
}
