/* utf8.h: UTF-8 text as people see it: decoding, display columns (CJK
 * characters take two), cutting to a width without splitting a character,
 * padding for aligned terminal columns, and cleaning: control characters
 * (terminal escapes) become spaces and bytes that are not UTF-8 '?', so
 * nothing user-supplied reaches a terminal, chart or page raw. */
#ifndef RS_UTF8_H
#define RS_UTF8_H

#include <stddef.h>

/* Length of the UTF-8 sequence at s (1..4) and its code point, or 0 when the
 * bytes are not well-formed UTF-8 (overlong forms and surrogates included). */
int rs_utf8_decode(const unsigned char *s, unsigned long *cp);

/* Display columns of code point cp: 2 for East Asian wide characters. */
int rs_utf8_columns(unsigned long cp);

/* Display columns of s (an invalid byte counts as one). */
int rs_utf8_width(const char *s);

/* Copy s into out (n bytes) cut to at most `cols` display columns, ending in
 * "…" when cut; never splits a character. */
const char *rs_utf8_fit(const char *s, int cols, char *out, size_t n);

/* The same keeping the end: "…" then the last columns (for parameter names,
 * whose end says the most). */
const char *rs_utf8_fit_end(const char *s, int cols, char *out, size_t n);

/* s with control characters (C0, DEL, C1: ESC sequences included) as
 * spaces and bytes that are not UTF-8 as '?', into out (n bytes). */
const char *rs_utf8_clean(const char *s, char *out, size_t n);

/* s cleaned, cut to `cols` columns and padded with spaces to exactly `cols`
 * display columns (for aligned terminal tables). */
const char *rs_utf8_pad(const char *s, int cols, char *out, size_t n);

#endif
