/* sketch.c: log-bucket quantile sketch (see sketch.h). */
#include <math.h>
#include "sketch.h"

/* layout: [0, nb) negative buckets (largest |x| first), nb: zero,
 * (nb, 2nb] positive buckets (smallest first) */
#define LG 0.010000083334583179   /* log((1+a)/(1-a)); checked by the tests */
#define OFF (-1382)                /* floor(log(RS_SKETCH_MIN)/LG) */
#define NB 4837                    /* ceil(log(RS_SKETCH_MAX)/LG) - OFF + 1 */

static double lg(void) { return LG; }
static int offset(void) { return OFF; }
static int nbuckets(void) { return NB; }

int rs_sketch_size(void) { return 2 * NB + 1; }

void rs_sketch_add(uint32_t *counts, double x)
{
    const double inv_lg = 1.0 / LG;
    const int off = OFF, nb = NB;
    double a = fabs(x);
    if (isnan(x))
        return;
    if (a < RS_SKETCH_MIN) {
        counts[nb]++;
        return;
    }
    int i = (int)ceil(log(a) * inv_lg) - off;
    if (i < 1)
        i = 1;
    if (i > nb)
        i = nb;
    if (x > 0)
        counts[nb + i]++;
    else
        counts[nb - i]++;
}

void rs_sketch_merge(uint32_t *dst, const uint32_t *src)
{
    int n = rs_sketch_size();
    for (int i = 0; i < n; i++)
        dst[i] += src[i];
}

/* Representative value of bucket b of the layout above. */
static double bucket_value(int b, int nb)
{
    if (b == nb)
        return 0.0;
    int i = b > nb ? b - nb : nb - b;
    double g = (1 + RS_SKETCH_ALPHA) / (1 - RS_SKETCH_ALPHA);
    double v = 2.0 * exp((i + offset()) * lg()) / (g + 1.0);
    return b > nb ? v : -v;
}

/* Value of the k-th smallest counted value (0-based). */
static double order_stat(const uint32_t *counts, int n, int nb, uint64_t k)
{
    uint64_t seen = 0;
    for (int b = 0; b < n; b++) {
        seen += counts[b];
        if (seen > k)
            return bucket_value(b, nb);
    }
    return NAN;
}

double rs_sketch_quantile(const uint32_t *counts, double q)
{
    const int n = rs_sketch_size(), nb = nbuckets();
    uint64_t total = 0;
    for (int b = 0; b < n; b++)
        total += counts[b];
    if (total == 0)
        return NAN;
    double pos = q * (double)(total - 1);
    uint64_t k = (uint64_t)floor(pos);
    double frac = pos - (double)k;
    double lo = order_stat(counts, n, nb, k);
    if (frac == 0.0 || k + 1 >= total)
        return lo;
    double hi = order_stat(counts, n, nb, k + 1);
    return lo + frac * (hi - lo);
}
