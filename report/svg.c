/* svg.c: gnuplot's SVG documents made into elements of report.html
 * (rs_svg_inline, report.h): prolog, comments, <title>Gnuplot</title> and
 * <desc> dropped, ids prefixed per figure, text escaped and cleaned. */
#include <stdlib.h>
#include <string.h>
#include "html.h"
#include "report.h"
#include "../base/utf8.h"

/* The character at p (inside the document) as it may stand in HTML: a
 * well-formed UTF-8 sequence as is, a control character (but tab, newline
 * and carriage return) as a space, a byte that is not UTF-8 as '?'. Returns
 * the bytes used. */
static size_t svg_char(rs_textbuf *b, const char *p)
{
    const unsigned char *u = (const unsigned char *)p;
    unsigned long cp;
    if ((*u < 0x20 && *u != '\t' && *u != '\n' && *u != '\r') || *u == 0x7F) {
        rp_raw(b, " ");
        return 1;
    }
    if (*u < 0x80) {
        rs_textbuf_put(b, p, 1);
        return 1;
    }
    int n = rs_utf8_decode(u, &cp);
    if (n == 0) {
        rp_raw(b, "?");
        return 1;
    }
    if (cp <= 0x9F)
        rp_raw(b, " ");
    else
        rs_textbuf_put(b, p, (size_t)n);
    return (size_t)n;
}

/* Copy the tag at p ('<' ... '>') into b, prefixing ids, href="#..." and
 * url(#...) references with prefix; for the root, add its attributes.
 * Returns the first character after the tag. */
static const char *svg_tag(rs_textbuf *b, const char *p, const char *prefix, int root,
                           const char *label)
{
    char q = 0;
    rs_textbuf_put(b, p, 1);
    p++;
    if (root) {
        rs_textbuf_put(b, p, 3); /* "svg" */
        p += 3;
        rp_hf(b, " class=\"chart\" role=\"img\" aria-label=\"%e\"", label ? label : "");
    }
    while (*p) {
        /* url(#...) references, inside attribute values or not */
        if (strncmp(p, "url(#", 5) == 0) {
            rs_textbuf_put(b, p, 5);
            rp_raw(b, prefix);
            p += 5;
            continue;
        }
        if (q) {
            if (*p == q)
                q = 0;
            p += svg_char(b, p);
            continue;
        }
        if (*p == '>') {
            rs_textbuf_put(b, p, 1);
            return p + 1;
        }
        if (*p == '"' || *p == '\'') {
            q = *p;
            rs_textbuf_put(b, p, 1);
            p++;
            continue;
        }
        /* attribute names: id=, href= / xlink:href= with a '#' value */
        int at_word = p[-1] == ' ' || p[-1] == '\t' || p[-1] == '\n' || p[-1] == ':';
        if (at_word && strncmp(p, "id=", 3) == 0 && (p[3] == '"' || p[3] == '\'')) {
            rs_textbuf_put(b, p, 4);
            rp_raw(b, prefix);
            q = p[3];
            p += 4;
            continue;
        }
        if (at_word && strncmp(p, "href=", 5) == 0 && (p[5] == '"' || p[5] == '\'') &&
            p[6] == '#') {
            rs_textbuf_put(b, p, 7);
            rp_raw(b, prefix);
            q = p[5];
            p += 7;
            continue;
        }
        p += svg_char(b, p);
    }
    return p;
}

char *rs_svg_inline(const char *svg, const char *prefix, const char *label)
{
    const char *p = svg ? strstr(svg, "<svg") : NULL;
    if (!p)
        return NULL;
    rs_textbuf b = {0};
    int root = 1;
    while (*p && !b.failed) {
        if (*p == '<') {
            const char *e;
            if (strncmp(p, "<!--", 4) == 0) {
                e = strstr(p + 4, "-->");
                p = e ? e + 3 : p + strlen(p);
            } else if (strncmp(p, "<![CDATA[", 9) == 0) {
                e = strstr(p, "]]>");
                size_t n = e ? (size_t)(e + 3 - p) : strlen(p);
                rs_textbuf_put(&b, p, n);
                p += n;
            } else if (strncmp(p, "<title>Gnuplot</title>", 22) == 0) {
                p += 22;
            } else if (strncmp(p, "<desc>", 6) == 0) {
                e = strstr(p, "</desc>");
                p = e ? e + 7 : p + strlen(p);
            } else {
                p = svg_tag(&b, p, prefix, root, label);
                root = 0;
            }
            continue;
        }
        const char *rep = *p == '>' ? "&gt;" : *p == '"' ? "&quot;" : *p == '\'' ? "&#39;" : NULL;
        if (rep) {
            rp_raw(&b, rep);
            p++;
        } else {
            p += svg_char(&b, p);
        }
    }
    if (b.failed || !b.p) {
        free(b.p);
        return NULL;
    }
    return b.p;
}
