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
    char label[32];
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

static void test_sketch(void **state)
{
    (void)state;
    /* the layout constants match their definitions */
    assert_rel(log((1 + RS_SKETCH_ALPHA) / (1 - RS_SKETCH_ALPHA)), 0.010000083334583179, 1e-15);
    assert_int_equal(rs_sketch_size(), 2 * 4837 + 1);
    gsl_rng *rng = gsl_rng_alloc(gsl_rng_taus2);
    const size_t n = 50000;
    double *x = malloc(n * sizeof *x);
    uint32_t *c = calloc((size_t)rs_sketch_size(), sizeof *c);
    for (size_t i = 0; i < n; i++) {   /* a mix of signs and scales */
        x[i] = i % 3 ? 2e6 + gsl_ran_gaussian(rng, 1.5e6) : gsl_ran_gaussian(rng, 0.8);
        rs_sketch_add(c, x[i]);
    }
    gsl_sort(x, 1, n);
    const double qs[] = {0.01, 0.1, 0.25, 0.5, 0.75, 0.9, 0.99};
    for (size_t k = 0; k < sizeof qs / sizeof qs[0]; k++) {
        double exact = gsl_stats_quantile_from_sorted_data(x, 1, n, qs[k]);
        double est = rs_sketch_quantile(c, qs[k]);
        if (!(fabs(est - exact) <= RS_SKETCH_ALPHA * fabs(exact) * 1.001 + 1e-6)) {
            print_error("q=%g exact %.10g sketch %.10g\n", qs[k], exact, est);
            fail();
        }
    }
    /* merging two halves gives the same counts as one sketch */
    uint32_t *h1 = calloc((size_t)rs_sketch_size(), sizeof *h1);
    uint32_t *h2 = calloc((size_t)rs_sketch_size(), sizeof *h2);
    for (size_t i = 0; i < n; i++)
        rs_sketch_add(i % 2 ? h1 : h2, x[i]);
    rs_sketch_merge(h1, h2);
    assert_memory_equal(h1, c, (size_t)rs_sketch_size() * sizeof *c);
    assert_true(isnan(rs_sketch_quantile(h2 + 0, 0.5)) == 0);
    uint32_t *empty = calloc((size_t)rs_sketch_size(), sizeof *empty);
    assert_true(isnan(rs_sketch_quantile(empty, 0.5)));
    free(empty);
    free(h1);
    free(h2);
    free(x);
    free(c);
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
