/* suggest.h: "did you mean 'X'?" for misspelt names (keys, sections,
 * metrics, options). */
#ifndef RS_SUGGEST_H
#define RS_SUGGEST_H

#include <stddef.h>

/* Levenshtein distance of a and b, ignoring case (ASCII); strings longer
 * than 63 bytes count as far (99). */
int rs_distance(const char *a, const char *b);

/* " (did you mean 'X'?)" into buf (len bytes) for the closest of n names to
 * word, when within 1 (words up to 4 bytes), 2 (up to 8) or 3 edits; else
 * "". Names are read with a stride of `stride` bytes from `first` (a
 * `const char *` field of a table of structs, or an array of strings).
 * Returns buf. */
const char *rs_suggest(const char *word, const void *first, size_t stride, int n, char *buf,
                       size_t len);

#endif
