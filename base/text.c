/* text.c: the growing text buffer, its conversion loop, thousands
 * separators and the money unit, shared by the gnuplot script builder and
 * the HTML report. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "fmt.h"
#include "text.h"

void rs_textbuf_init(rs_textbuf *b)
{
    memset(b, 0, sizeof *b);
}

void rs_textbuf_release(rs_textbuf *b)
{
    free(b->p);
    memset(b, 0, sizeof *b);
}

void rs_textbuf_put(rs_textbuf *b, const char *s, size_t n)
{
    if (b->failed)
        return;
    if (b->len + n + 1 > b->cap) {
        size_t cap = b->cap ? b->cap : 4096;
        while (cap < b->len + n + 1)
            cap *= 2;
        char *p = realloc(b->p, cap);
        if (!p) {
            b->failed = 1;
            return;
        }
        b->p = p;
        b->cap = cap;
    }
    memcpy(b->p + b->len, s, n);
    b->len += n;
    b->p[b->len] = '\0';
}

void rs_textbuf_vappend(rs_textbuf *b, const char *fmt, va_list ap, rs_textbuf_conv conv)
{
    va_list aq;          /* a copy, so that conv can be given a va_list * */
    va_copy(aq, ap);
    const char *run = fmt;
    for (const char *f = fmt; *f; f++) {
        if (*f != '%')
            continue;
        rs_textbuf_put(b, run, (size_t)(f - run));
        char num[32];
        int used = 1;
        switch (*++f) {
        case 's': {
            const char *s = va_arg(aq, const char *);
            rs_textbuf_put(b, s, strlen(s));
            break;
        }
        case 'd':
            snprintf(num, sizeof num, "%d", va_arg(aq, int));
            rs_textbuf_put(b, num, strlen(num));
            break;
        case '%':
            rs_textbuf_put(b, "%", 1);
            break;
        default:
            if (!conv || (used = conv(b, f, &aq)) < 1) {
                b->failed = 1;
                va_end(aq);
                return;
            }
        }
        f += used - 1;
        run = f + 1;
    }
    rs_textbuf_put(b, run, strlen(run));
    va_end(aq);
}

const char *rs_text_group(double v, int decimals, char *buf, size_t n)
{
    return rs_fmt_group(v, decimals, RS_FMT_TRUE_MINUS, buf, n);
}

double rs_text_money_unit(const char *currency, int zh, char *unit, size_t n)
{
    return rs_fmt_money_unit(currency, zh, unit, n);
}
