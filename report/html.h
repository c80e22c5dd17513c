/* html.h: writing HTML into a text buffer (report/ only): user text
 * escaped, markup built with a printf-like call whose %e conversion
 * escapes. */
#ifndef RS_REPORT_HTML_H
#define RS_REPORT_HTML_H

#include "../base/text.h"

/* s as is (revsim's own markup and constants only). */
void rp_raw(rs_textbuf *b, const char *s);

/* s as HTML text, also safe inside a quoted attribute value: & < > " ' as
 * entities; control characters (C0 but tab and newline, DEL, C1) as
 * spaces; bytes that are not UTF-8 as '?'. NULL as "". */
void rp_esc(rs_textbuf *b, const char *s);

/* The first n bytes of s escaped as rp_esc does (a sequence cut at the end
 * counts as not UTF-8). */
void rp_esc_n(rs_textbuf *b, const char *s, size_t n);

/* Append markup built from fmt. Conversions: %s trusted markup (revsim's
 * own constants), %e text escaped with rp_esc, %d int, %ld long, %% '%'.
 * Anything else marks the buffer failed. */
void rp_hf(rs_textbuf *b, const char *fmt, ...);

#endif
