/* xsum.c: exact sums of doubles in a fixed-point integer (xsum.h). */
#include <math.h>
#include <string.h>
#include "xsum.h"

#define BIAS 1074   /* digit 0 holds 2^-1074, the smallest subnormal */

void rs_xsum_init(rs_xsum *x) { memset(x, 0, sizeof *x); }

/* Carry so that every digit but the top one is in [0, 2^32). */
static void normalise(int64_t *d)
{
    for (int i = 0; i + 1 < RS_XSUM_DIGITS; i++) {
        int64_t carry = d[i] >> 32;          /* floor(d / 2^32): arithmetic shift */
        d[i] -= carry * ((int64_t)1 << 32);
        d[i + 1] += carry;
    }
}

static void maybe_normalise(rs_xsum *x)
{
    /* each addition moves a digit by less than 2^32: 2^29 of them are safe */
    if (++x->adds >= ((int64_t)1 << 29)) {
        normalise(x->d);
        x->adds = 0;
    }
}

void rs_xsum_add(rs_xsum *x, double v)
{
    if (v == 0.0)
        return;
    if (!isfinite(v)) {
        if (isnan(v))
            x->nan++;
        else if (v > 0)
            x->pinf++;
        else
            x->ninf++;
        return;
    }
    int e;
    const double f = frexp(fabs(v), &e);          /* |v| = f 2^e, 0.5 <= f < 1 */
    /* |v| = m 2^(e - 53) with m a 53-bit integer; below 2^-1074 nothing is lost
     * (a subnormal's low bits are zero) */
    int64_t m = (int64_t)ldexp(f, 53);
    int p = e - 53 + BIAS;                        /* bit of m's lowest bit */
    if (p < 0) {
        m >>= -p;                                 /* exact: subnormal tail bits are 0 */
        p = 0;
    }
    const int i = p / 32, s = p % 32;
    /* m << s spans at most 85 bits: three digits */
    const uint64_t lo = (uint64_t)m << s;                  /* low 64 bits */
    const uint64_t hi = s ? (uint64_t)m >> (64 - s) : 0;   /* bits 64 .. */
    const int64_t c0 = (int64_t)(lo & 0xffffffffu), c1 = (int64_t)(lo >> 32), c2 = (int64_t)hi;
    if (v > 0) {
        x->d[i] += c0;
        x->d[i + 1] += c1;
        x->d[i + 2] += c2;
    } else {
        x->d[i] -= c0;
        x->d[i + 1] -= c1;
        x->d[i + 2] -= c2;
    }
    maybe_normalise(x);
}

void rs_xsum_merge(rs_xsum *x, const rs_xsum *y)
{
    int64_t t[RS_XSUM_DIGITS];
    memcpy(t, y->d, sizeof t);
    normalise(t);
    normalise(x->d);
    for (int i = 0; i < RS_XSUM_DIGITS; i++)
        x->d[i] += t[i];
    normalise(x->d);
    x->adds = 0;
    x->pinf += y->pinf;
    x->ninf += y->ninf;
    x->nan += y->nan;
}

double rs_xsum_value(const rs_xsum *x)
{
    if (x->nan || (x->pinf && x->ninf))
        return NAN;
    if (x->pinf)
        return INFINITY;
    if (x->ninf)
        return -INFINITY;
    int64_t d[RS_XSUM_DIGITS];
    memcpy(d, x->d, sizeof d);
    normalise(d);
    int neg = d[RS_XSUM_DIGITS - 1] < 0;
    if (neg) {                                    /* |X|: negate and carry again */
        for (int i = 0; i < RS_XSUM_DIGITS; i++)
            d[i] = -d[i];
        normalise(d);
    }
    /* the top digit alone at 2^32 or more is 2^1102 or more: far past
     * overflow (only digits merged from outside can get there; added
     * doubles stay below 2^1024 2^62) and too wide for the 128-bit window */
    if (d[RS_XSUM_DIGITS - 1] >> 32)
        return neg ? -INFINITY : INFINITY;
    int t = RS_XSUM_DIGITS - 1;
    while (t >= 0 && d[t] == 0)
        t--;
    if (t < 0)
        return 0.0;
    /* the top four digits as a 128-bit integer hi:lo, the rest as a sticky bit */
    uint64_t dig[4];
    for (int k = 0; k < 4; k++)
        dig[k] = t - k >= 0 ? (uint64_t)d[t - k] : 0;
    uint64_t hi = dig[0] << 32 | dig[1], lo = dig[2] << 32 | dig[3];
    int sticky = 0;
    for (int i = 0; i < t - 3; i++)
        sticky |= d[i] != 0;
    int scale = 32 * (t - 3) - BIAS;              /* value = (hi:lo) 2^scale */
    /* hi >= 2^32 (the top digit is non-zero): keep its top 53 bits */
    int lead = 63;
    while (!(hi >> lead & 1))
        lead--;
    const int shift = lead + 64 - 52;             /* bits of hi:lo below the mantissa */
    uint64_t mant;
    int round, rest;
    if (shift >= 64) {
        const int s = shift - 64;
        mant = hi >> s;
        round = s ? (int)(hi >> (s - 1) & 1) : (int)(lo >> 63);
        rest = (s > 1 ? (hi & (((uint64_t)1 << (s - 1)) - 1)) != 0 : 0) ||
               (s ? lo != 0 : (lo << 1) != 0) || sticky;
    } else {
        mant = hi << (64 - shift) | lo >> shift;
        round = (int)(lo >> (shift - 1) & 1);
        rest = (shift > 1 && (lo & (((uint64_t)1 << (shift - 1)) - 1)) != 0) || sticky;
    }
    if (round && (rest || (mant & 1)))
        mant++;                                   /* 2^53 after a carry is still exact */
    double v = ldexp((double)mant, scale + shift);
    return neg ? -v : v;
}
