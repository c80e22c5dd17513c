/* utf8.c: UTF-8 text as people see it (utf8.h). */
#include <string.h>
#include "utf8.h"

/* Length of the UTF-8 sequence at s (1..4) and its code point, or 0 when the
 * bytes are not well-formed UTF-8 (overlong forms and surrogates included). */
int rs_utf8_decode(const unsigned char *s, unsigned long *cp)
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

/* Display columns of code point cp: 2 for East Asian wide characters. */
int rs_utf8_columns(unsigned long cp)
{
    return (cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0xA4CF) ||
                   (cp >= 0xAC00 && cp <= 0xD7A3) || (cp >= 0xF900 && cp <= 0xFAFF) ||
                   (cp >= 0xFE30 && cp <= 0xFE4F) || (cp >= 0xFF00 && cp <= 0xFF60) ||
                   (cp >= 0xFFE0 && cp <= 0xFFE6) || cp >= 0x20000
               ? 2
               : 1;
}

const char *rs_utf8_fit(const char *s, int cols, char *out, size_t n)
{
    static const char ell[] = "\xE2\x80\xA6"; /* … , one column */
    const unsigned char *p = (const unsigned char *)(s ? s : "");
    if (n == 0)
        return out;
    int total = 0;
    size_t bytes = 0;
    for (const unsigned char *q = p; *q;) {
        unsigned long cp;
        int k = rs_utf8_decode(q, &cp);
        total += rs_utf8_columns(k ? cp : '?');
        q += k ? k : 1;
        bytes += k ? (size_t)k : 1;
    }
    int cut = total > cols || bytes + 1 > n;
    size_t o = 0;
    int used = 0;
    while (*p) {
        unsigned long cp;
        int k = rs_utf8_decode(p, &cp);
        if (k == 0) {
            k = 1;
            cp = '?';
        }
        int w = rs_utf8_columns(cp);
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

const char *rs_utf8_fit_end(const char *s, int cols, char *out, size_t n)
{
    static const char ell[] = "\xE2\x80\xA6";
    const unsigned char *p = (const unsigned char *)(s ? s : "");
    int total = 0;
    if (n == 0)
        return out;
    for (const unsigned char *q = p; *q;) {
        unsigned long cp;
        int k = rs_utf8_decode(q, &cp);
        total += rs_utf8_columns(k ? cp : '?');
        q += k ? k : 1;
    }
    size_t o = 0;
    if (total > cols) {
        while (*p && total > cols - 1) { /* drop from the front */
            unsigned long cp;
            int k = rs_utf8_decode(p, &cp);
            total -= rs_utf8_columns(k ? cp : '?');
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


int rs_utf8_width(const char *s)
{
    int total = 0;
    for (const unsigned char *q = (const unsigned char *)(s ? s : ""); *q;) {
        unsigned long cp;
        int k = rs_utf8_decode(q, &cp);
        total += rs_utf8_columns(k ? cp : '?');
        q += k ? k : 1;
    }
    return total;
}

const char *rs_utf8_clean(const char *s, char *out, size_t n)
{
    const unsigned char *p = (const unsigned char *)(s ? s : "");
    size_t o = 0;
    if (n == 0)
        return out;
    while (*p) {
        unsigned long cp;
        int k = rs_utf8_decode(p, &cp);
        const char *rep = NULL;
        if (k == 0) {
            rep = "?";
            k = 1;
        } else if (cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp < 0xA0)) {
            rep = " ";
        }
        size_t len = rep ? 1 : (size_t)k;
        if (o + len + 1 > n)
            break;
        memcpy(out + o, rep ? rep : (const char *)p, len);
        o += len;
        p += k;
    }
    out[o] = '\0';
    return out;
}

const char *rs_utf8_pad(const char *s, int cols, char *out, size_t n)
{
    char tmp[1024];
    rs_utf8_fit(rs_utf8_clean(s, tmp, sizeof tmp), cols, out, n);
    size_t o = strlen(out);
    for (int w = rs_utf8_width(out); w < cols && o + 1 < n; w++)
        out[o++] = ' ';
    out[o] = '\0';
    return out;
}
