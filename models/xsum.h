/* xsum.h: exact sums of doubles. A sum is kept as a fixed-point integer
 * wide enough for every finite double (2^-1074 .. 2^1024), so adding the
 * same values in any order, split over any threads or processes and
 * merged, gives the same sum to the last bit; rs_xsum_value rounds it to
 * the nearest double once. Monte Carlo means use it so that they do not
 * depend on how the runs were split. */
#ifndef RS_XSUM_H
#define RS_XSUM_H

#include <stdint.h>

#define RS_XSUM_DIGITS 68   /* 32-bit digits from 2^-1074 up, with room for carries */

/* Caller-owned and plain data (copy or send it as bytes): zero it with
 * rs_xsum_init. */
typedef struct {
    int64_t d[RS_XSUM_DIGITS];   /* value = sum d[i] 2^(32 i - 1074); |d[i]| < 2^62 */
    int64_t adds;                /* additions since the digits were last normalised */
    int64_t pinf, ninf, nan;     /* +inf, -inf and NaN values added */
} rs_xsum;

void rs_xsum_init(rs_xsum *x);

/* x += v (any double; infinities and NaN are counted apart). */
void rs_xsum_add(rs_xsum *x, double v);

/* x += y. */
void rs_xsum_merge(rs_xsum *x, const rs_xsum *y);

/* The sum rounded to the nearest double (ties to even): NaN when a NaN
 * or both infinities were added, +-inf when one of them was or the sum
 * overflows. */
double rs_xsum_value(const rs_xsum *x);

#endif
