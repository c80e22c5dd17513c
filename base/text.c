/* text.c: the growing text buffer, its conversion loop, thousands
 * separators and the money unit, shared by the gnuplot script builder and
 * the HTML report. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
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
    char digits[64];
    snprintf(digits, sizeof digits, "%.*f", decimals, fabs(v));
    int neg = v < 0 && strspn(digits, "0.") != strlen(digits); /* no "−0" */
    const char *dot = strchr(digits, '.');
    size_t ilen = dot ? (size_t)(dot - digits) : strlen(digits);
    char tmp[96];
    size_t o = 0;
    if (neg) {
        memcpy(tmp, "\xE2\x88\x92", 3); /* − */
        o = 3;
    }
    for (size_t i = 0; i < ilen && o < sizeof tmp - 8; i++) {
        if (i > 0 && (ilen - i) % 3 == 0)
            tmp[o++] = ',';
        tmp[o++] = digits[i];
    }
    tmp[o] = '\0';
    snprintf(buf, n, "%s%s", tmp, dot ? dot : "");
    return buf;
}

double rs_text_money_unit(const char *currency, int zh, char *unit, size_t n)
{
    const char *cur = currency && *currency ? currency : "CNY";
    if (!zh) {
        snprintf(unit, n, "%s", cur);
        return 1;
    }
    if (strcmp(cur, "CNY") == 0 || strcmp(cur, "RMB") == 0 || strcmp(cur, "元") == 0)
        snprintf(unit, n, "万元");
    else
        snprintf(unit, n, "万%s", cur);
    return 1e-4;
}
