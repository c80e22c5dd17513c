/* suggest.c: "did you mean" for a misspelt name: the closest of a list by
 * edit distance, within a distance that grows with the word's length. */
#include <ctype.h>
#include <stdio.h>
#include <string.h>
#include "suggest.h"

/* Levenshtein distance of a and b (short strings; larger ones count as far). */
int rs_distance(const char *a, const char *b)
{
    size_t la = strlen(a), lb = strlen(b);
    if (la > 63 || lb > 63)
        return 99;
    int d[64][64];
    for (size_t i = 0; i <= la; i++)
        d[i][0] = (int)i;
    for (size_t j = 0; j <= lb; j++)
        d[0][j] = (int)j;
    for (size_t i = 1; i <= la; i++)
        for (size_t j = 1; j <= lb; j++) {
            int best = d[i - 1][j - 1] + (tolower((unsigned char)a[i - 1]) !=
                                          tolower((unsigned char)b[j - 1]));
            if (d[i - 1][j] + 1 < best) best = d[i - 1][j] + 1;
            if (d[i][j - 1] + 1 < best) best = d[i][j - 1] + 1;
            d[i][j] = best;
        }
    return d[la][lb];
}

/* 1 when word (3 bytes or more) is within name, ignoring case */
static int within(const char *word, const char *name)
{
    size_t lw = strlen(word), ln = strlen(name);
    if (lw < 3)
        return 0;
    for (size_t i = 0; i + lw <= ln; i++) {
        size_t j = 0;
        while (j < lw && tolower((unsigned char)name[i + j]) == tolower((unsigned char)word[j]))
            j++;
        if (j == lw)
            return 1;
    }
    return 0;
}

/* The closest name within the limit; failing that, the shortest name the
 * word is part of (p_dscr: p_dscr_above_1). */
const char *rs_suggest(const char *word, const void *first, size_t stride, int n, char *buf,
                       size_t len)
{
    int best = 99;
    const char *pick = NULL, *part = NULL;
    for (int i = 0; i < n; i++) {
        const char *name = *(const char *const *)((const char *)first + (size_t)i * stride);
        int dd = rs_distance(word, name);
        if (dd < best) {
            best = dd;
            pick = name;
        }
        if (within(word, name) && (!part || strlen(name) < strlen(part)))
            part = name;
    }
    int limit = strlen(word) <= 4 ? 1 : strlen(word) <= 8 ? 2 : 3;
    if (!pick || best > limit)
        pick = part;
    if (pick)
        snprintf(buf, len, " (did you mean '%s'?)", pick);
    else
        buf[0] = '\0';
    return buf;
}
