/* sketch.c: log-bucket quantile sketch (see sketch.h). */
#include <math.h>
#include "sketch.h"

/* layout: [0] -inf, [1, nb] negative buckets (largest |x| first), nb + 1:
 * zero, [nb + 2, 2 nb + 1] positive buckets (smallest first), 2 nb + 2: +inf.
 * lg = log((1+a)/(1-a)), off = floor(log(RS_SKETCH_MIN)/lg),
 * nb = ceil(log(RS_SKETCH_MAX)/lg) - off + 1 (checked by the tests) */
const rs_sketch_kind rs_sketch_yearly = {RS_SKETCH_ALPHA, 0.010000083334583179, -1382, 4837};
const rs_sketch_kind rs_sketch_metric = {RS_SKETCH_METRIC_ALPHA, 0.0020000006666670215, -6908,
                                         24179};

int rs_sketch_size(const rs_sketch_kind *k) { return 2 * k->nb + 3; }

void rs_sketch_add(const rs_sketch_kind *k, uint32_t *counts, double x)
{
    const int nb = k->nb, zero = nb + 1;
    if (isnan(x))
        return;
    if (isinf(x)) {
        counts[x > 0 ? 2 * nb + 2 : 0]++;
        return;
    }
    double a = fabs(x);
    if (a < RS_SKETCH_MIN) {
        counts[zero]++;
        return;
    }
    int i = (int)ceil(log(a) * (1.0 / k->lg)) - k->off;
    if (i < 1)
        i = 1;
    if (i > nb)
        i = nb;
    if (x > 0)
        counts[zero + i]++;
    else
        counts[zero - i]++;
}

void rs_sketch_merge(const rs_sketch_kind *k, uint32_t *dst, const uint32_t *src)
{
    int n = rs_sketch_size(k);
    for (int i = 0; i < n; i++)
        dst[i] += src[i];
}

/* Representative value of bucket b of the layout above. */
static double bucket_value(const rs_sketch_kind *k, int b)
{
    const int nb = k->nb, zero = nb + 1;
    if (b == zero)
        return 0.0;
    if (b == 0)
        return -INFINITY;
    if (b == 2 * nb + 2)
        return INFINITY;
    int i = b > zero ? b - zero : zero - b;
    double g = (1 + k->alpha) / (1 - k->alpha);
    double v = 2.0 * exp((i + k->off) * k->lg) / (g + 1.0);
    return b > zero ? v : -v;
}

void rs_sketch_quantiles(const rs_sketch_kind *k, const uint32_t *counts, const double *q,
                         int nq, double *out)
{
    enum { MAXQ = 16 };
    const int n = rs_sketch_size(k);
    uint64_t total = 0;
    for (int b = 0; b < n; b++)
        total += counts[b];
    if (nq > MAXQ)
        nq = MAXQ;
    /* the order statistics wanted: floor(q (n-1)) and the next of each q */
    uint64_t want[2 * MAXQ];
    double frac[MAXQ], val[2 * MAXQ];
    int order[2 * MAXQ];
    for (int j = 0; j < nq; j++) {
        if (total == 0) {
            out[j] = NAN;
            continue;
        }
        double pos = q[j] * (double)(total - 1);
        want[2 * j] = (uint64_t)floor(pos);
        frac[j] = pos - (double)want[2 * j];
        want[2 * j + 1] = want[2 * j] + 1 < total ? want[2 * j] + 1 : want[2 * j];
    }
    if (total == 0)
        return;
    for (int i = 0; i < 2 * nq; i++) {   /* insertion sort of their indices */
        int j = i;
        for (; j > 0 && want[order[j - 1]] > want[i]; j--)
            order[j] = order[j - 1];
        order[j] = i;
    }
    uint64_t seen = 0;
    int next = 0;
    for (int b = 0; b < n && next < 2 * nq; b++) {
        seen += counts[b];
        while (next < 2 * nq && seen > want[order[next]])
            val[order[next++]] = bucket_value(k, b);
    }
    for (int j = 0; j < nq; j++) {
        double lo = val[2 * j], hi = val[2 * j + 1];
        out[j] = frac[j] == 0.0 || want[2 * j + 1] == want[2 * j] ? lo : lo + frac[j] * (hi - lo);
    }
}

double rs_sketch_quantile(const rs_sketch_kind *k, const uint32_t *counts, double q)
{
    double v;
    rs_sketch_quantiles(k, counts, &q, 1, &v);
    return v;
}
