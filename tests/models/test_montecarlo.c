/* test_montecarlo.c: the Monte Carlo engine's parts that need no scenario
 * file: run streams (taus2 state filled from splitmix64) and the quantile
 * sketch's stated error. Monte Carlo on scenario files is in
 * tests/io/test_montecarlo.c. */
#define _XOPEN_SOURCE 700
#include <dirent.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <gsl/gsl_errno.h>
#include <gsl/gsl_randist.h>
#include <gsl/gsl_rng.h>
#include <gsl/gsl_sort.h>
#include <gsl/gsl_sort_ulong.h>
#include <gsl/gsl_statistics_double.h>
#include "fix_models.h"
#include "../../models/draw.h"
#include "../../models/montecarlo.h"
#include "../../models/sketch.h"

/* Random streams: a stream depends only on (seed, run, key), so a
 * parameter draws the same values whatever other parameters exist; the
 * states of many runs and keys are distinct (no 32-bit seed collisions);
 * the generator's doubles lie in [0, 1). */
static void test_run_streams(void **state)
{
    (void)state;
    gsl_rng *a = gsl_rng_alloc(rs_rng_stream), *b = gsl_rng_alloc(rs_rng_stream);
    assert_non_null(a);
    const uint64_t k1 = rs_stream_key("shops:east.rent"), k2 = rs_stream_key("shops:east.rent@3");
    assert_true(k1 != k2);
    /* the same (seed, run, key) gives the same numbers, whatever came before */
    rs_stream_start(a, 7, 12, k1);
    double x[5];
    for (int i = 0; i < 5; i++)
        x[i] = gsl_rng_uniform(a);
    rs_stream_start(b, 7, 11, k2);
    for (int i = 0; i < 100; i++)
        gsl_rng_uniform(b);
    rs_stream_start(b, 7, 12, k1);
    for (int i = 0; i < 5; i++) {
        assert_true(x[i] == gsl_rng_uniform(b));
        assert_true(x[i] >= 0 && x[i] < 1);
    }
    /* 300,000 runs of one key, and 300,000 keys of one run: all states differ */
    const long n = 300000;
    uint64_t *first = malloc(2 * n * sizeof *first);
    char label[48];
    for (long r = 0; r < n; r++) {
        rs_stream_start(a, 1, r, k1);
        first[r] = (uint64_t)gsl_rng_get(a) << 32 | gsl_rng_get(a);
        snprintf(label, sizeof label, "other:o%ld.income", r);
        rs_stream_start(a, 1, 0, rs_stream_key(label));
        first[n + r] = (uint64_t)gsl_rng_get(a) << 32 | gsl_rng_get(a);
    }
    gsl_sort_ulong((unsigned long *)first, 1, 2 * n);
    for (long r = 1; r < 2 * n; r++)
        assert_true(first[r] != first[r - 1]);
    free(first);
    gsl_rng_free(a);
    gsl_rng_free(b);
}

/* the sketch of kind k of n values x: every quantile within the kind's
 * alpha (and RS_SKETCH_MIN) of the exact one; merging halves is exact */
static void check_sketch(const rs_sketch_kind *k, double *x, size_t n)
{
    const size_t size = (size_t)rs_sketch_size(k);
    uint32_t *c = calloc(size, sizeof *c), *h1 = calloc(size, sizeof *h1),
             *h2 = calloc(size, sizeof *h2);
    assert_non_null(c);
    for (size_t i = 0; i < n; i++) {
        rs_sketch_add(k, c, x[i]);
        rs_sketch_add(k, i % 2 ? h1 : h2, x[i]);
    }
    gsl_sort(x, 1, n);
    const double qs[] = {0.01, 0.1, 0.25, 0.5, 0.75, 0.9, 0.99};
    double all[7];
    rs_sketch_quantiles(k, c, qs, 7, all);
    for (size_t j = 0; j < sizeof qs / sizeof qs[0]; j++) {
        double exact = gsl_stats_quantile_from_sorted_data(x, 1, n, qs[j]);
        double est = rs_sketch_quantile(k, c, qs[j]);
        /* between two order statistics of one sign: within alpha of the exact value */
        size_t at = (size_t)floor(qs[j] * (double)(n - 1));
        double bound = k->alpha * (fabs(x[at]) > fabs(x[at + 1]) ? fabs(x[at]) : fabs(x[at + 1]));
        if (!(fabs(est - exact) <= bound * 1.001 + RS_SKETCH_MIN) || est != all[j]) {
            print_error("alpha %g q=%g exact %.10g sketch %.10g (one pass %.10g)\n", k->alpha,
                        qs[j], exact, est, all[j]);
            fail();
        }
    }
    rs_sketch_merge(k, h1, h2);
    assert_memory_equal(h1, c, size * sizeof *c);
    memset(h2, 0, size * sizeof *h2);
    assert_true(isnan(rs_sketch_quantile(k, h2, 0.5)));
    free(c);
    free(h1);
    free(h2);
}

static void test_sketch(void **state)
{
    (void)state;
    /* the layout constants match their definitions */
    const rs_sketch_kind *kinds[2] = {&rs_sketch_yearly, &rs_sketch_metric};
    for (int i = 0; i < 2; i++) {
        const rs_sketch_kind *k = kinds[i];
        double lg = log((1 + k->alpha) / (1 - k->alpha));
        assert_rel(k->lg, lg, 1e-15);
        assert_int_equal(k->off, (int)floor(log(RS_SKETCH_MIN) / lg));
        assert_int_equal(k->nb, (int)ceil(log(RS_SKETCH_MAX) / lg) - k->off + 1);
    }
    assert_true(rs_sketch_yearly.alpha == RS_SKETCH_ALPHA);
    assert_true(rs_sketch_metric.alpha == RS_SKETCH_METRIC_ALPHA);
    gsl_rng *rng = gsl_rng_alloc(gsl_rng_taus2);
    const size_t n = 50000;
    double *x = malloc(n * sizeof *x);
    for (int i = 0; i < 2; i++) {
        for (size_t j = 0; j < n; j++)   /* a mix of signs and scales */
            x[j] = j % 3 ? 2e6 + gsl_ran_gaussian(rng, 1.5e6) : gsl_ran_gaussian(rng, 0.8);
        check_sketch(kinds[i], x, n);
        for (size_t j = 0; j < n; j++)   /* rates and years, as metrics are */
            x[j] = j % 2 ? exp(gsl_ran_gaussian(rng, 1.0)) : 0.05 + gsl_ran_gaussian(rng, 0.03);
        check_sketch(kinds[i], x, n);
    }
    /* infinities have buckets of their own: a "never" payback */
    const rs_sketch_kind *k = &rs_sketch_metric;
    uint32_t *c = calloc((size_t)rs_sketch_size(k), sizeof *c);
    for (int j = 0; j < 10; j++)
        rs_sketch_add(k, c, j < 6 ? 5.0 : INFINITY);
    rs_sketch_add(k, c, NAN);   /* not counted */
    assert_rel(rs_sketch_quantile(k, c, 0.1), 5.0, k->alpha);
    assert_false(isfinite(rs_sketch_quantile(k, c, 0.9)));   /* empty, as "never" is */
    free(c);
    free(x);
    gsl_rng_free(rng);
}

int main(void)
{
    gsl_set_error_handler_off();
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_run_streams),
        cmocka_unit_test(test_sketch),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
