/* test_montecarlo.c: the Monte Carlo engine: with no ranged parameter every
 * run equals the base case (the grouped fast path agrees with rs_model_run
 * on every example scenario); the same seed gives identical results for 1,
 * 2 and 3 threads; declared correlations show up as the rank correlation a
 * Gaussian copula gives (6/pi asin(rho/2)); the quantile sketch keeps its
 * stated error. */
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
#include "fixtures.h"
#include "../../models/montecarlo.h"
#include "../../models/sketch.h"
#include "../../sim/scenario.h"

static int load(const char *path, rs_scenario *s)
{
    rs_error err = {0};
    int rc = rs_test_load_file(s, path, &err);
    if (rc)
        print_error("%s\n", err.msg);
    return rc;
}

static void same(double got, double want, double rtol, const char *what, const char *file)
{
    if (isnan(want) ? !isnan(got) : !(fabs(got - want) <= rtol * fmax(1.0, fabs(want)))) {
        print_error("%s: %s = %.17g, base %.17g\n", file, what, got, want);
        fail();
    }
}

static void test_fast_path_equals_base(void **state)
{
    (void)state;
    DIR *d = opendir("scenarios");
    assert_non_null(d);
    struct dirent *de;
    int files = 0;
    while ((de = readdir(d))) {
        if (!strstr(de->d_name, ".csv"))
            continue;
        char path[512];
        snprintf(path, sizeof path, "scenarios/%s", de->d_name);
        rs_scenario s;
        assert_int_equal(load(path, &s), 0);
        s.nranges = 0;     /* nothing drawn: every run is the base case */
        s.ncorr = 0;
        rs_results *r = rs_results_alloc(&s);
        rs_model_run(&s, r);
        rs_mc_opts o = {5, 1, 2, NULL, NULL};
        rs_mc_results *mc;
        assert_int_equal(rs_mc_run(&s, &o, &mc), 0);
        for (int k = 0; k < MT_N; k++) {
            if (strcmp(rs_metrics[k].unit, "probability") == 0) {
                same(mc->metric[k][MC_MEAN], r->metric[k], 0, rs_metrics[k].name, path);
                continue;
            }
            for (int q = MC_P10; q <= MC_P90; q++)
                same(mc->metric[k][q], r->metric[k], 1e-9, rs_metrics[k].name, path);
            for (int run = 0; run < 5; run++)
                same(mc->per_run[run * MT_N + k], r->metric[k], 1e-9, rs_metrics[k].name, path);
        }
        for (int y = 1; y <= r->years; y++) {
            same(rs_mc_yearly(mc, MC_Y_REVENUE, y, MC_MEAN), r->y_revenue[y - 1], 1e-9,
                 "yearly revenue mean", path);
            same(rs_mc_yearly(mc, MC_Y_NET, y, MC_MEAN), r->y_net[y - 1], 1e-9,
                 "yearly net mean", path);
            same(rs_mc_yearly(mc, MC_Y_FUND_END, y, MC_P50), r->y_fund_end[y - 1],
                 RS_SKETCH_ALPHA, "yearly fund p50 (sketch)", path);
            same(mc->p_covered[y - 1], rs_is_covered(r->y_net[y - 1], r->y_deficit[y - 1]), 0,
                 "p_covered", path);
        }
        rs_mc_results_free(mc);
        rs_results_free(r);
        rs_scenario_release(&s);
        files++;
    }
    closedir(d);
    assert_true(files >= 3);
}

static void test_threads_identical(void **state)
{
    (void)state;
    rs_scenario s;
    assert_int_equal(load("scenarios/qingyang-old-estates.csv", &s), 0);
    assert_true(s.nranges > 10);
    rs_mc_results *mc[3];
    for (int t = 0; t < 3; t++) {
        rs_mc_opts o = {1000, 42, t + 1, NULL, NULL};   /* 4 blocks, 1..3 threads */
        assert_int_equal(rs_mc_run(&s, &o, &mc[t]), 0);
    }
    const size_t ny = (size_t)MC_Y_N * mc[0]->years * MC_NSTAT;
    for (int t = 1; t < 3; t++) {
        assert_memory_equal(mc[0]->metric, mc[t]->metric, sizeof mc[0]->metric);
        assert_memory_equal(mc[0]->per_run, mc[t]->per_run, 1000 * MT_N * sizeof(double));
        assert_memory_equal(mc[0]->yearly, mc[t]->yearly, ny * sizeof(double));
        assert_memory_equal(mc[0]->p_covered, mc[t]->p_covered, mc[0]->years * sizeof(double));
    }
    /* another seed gives other draws; the runs really vary */
    rs_mc_opts o = {1000, 43, 2, NULL, NULL};
    rs_mc_results *other;
    assert_int_equal(rs_mc_run(&s, &o, &other), 0);
    assert_true(other->metric[MT_NPV][MC_MEAN] != mc[0]->metric[MT_NPV][MC_MEAN]);
    assert_true(mc[0]->metric[MT_NPV][MC_P10] < mc[0]->metric[MT_NPV][MC_P90]);
    /* the first 256 runs do not depend on how many runs follow */
    rs_mc_opts o2 = {300, 42, 2, NULL, NULL};
    rs_mc_results *shorter;
    assert_int_equal(rs_mc_run(&s, &o2, &shorter), 0);
    assert_memory_equal(shorter->per_run, mc[0]->per_run, 300 * MT_N * sizeof(double));
    rs_mc_results_free(shorter);
    rs_mc_results_free(other);
    for (int t = 0; t < 3; t++)
        rs_mc_results_free(mc[t]);
    rs_scenario_release(&s);
}

/* revenue_year1 = 12 income and deficit_before = cost - 12 fee: their rank
 * correlation over runs is that of the two drawn parameters */
static double run_correlation(const char *dir, const char *corr_row)
{
    char text[1024];
    snprintf(text, sizeof text,
             "section,key,value,low,high,dist\n"
             "community:a,area_m2,1000\ncommunity:a,fee_rate,1\n"
             "community:a,collection_start,0.5\ncommunity:a,cost_annual,20000,15000,30000\n"
             "other:x,income,1000,500,2000,pert\n%s", corr_row);
    const char *path = rs_test_file(dir, "corr.csv", text);
    rs_scenario s;
    assert_int_equal(load(path, &s), 0);
    const long n = 20000;
    rs_mc_opts o = {n, 7, 2, NULL, NULL};
    rs_mc_results *mc;
    assert_int_equal(rs_mc_run(&s, &o, &mc), 0);
    double *a = malloc(n * sizeof *a), *b = malloc(n * sizeof *b), *work = malloc(2 * n * sizeof *work);
    for (long i = 0; i < n; i++) {
        a[i] = mc->per_run[i * MT_N + MT_REVENUE_YEAR1];
        b[i] = mc->per_run[i * MT_N + MT_DEFICIT_BEFORE];
    }
    double rho = gsl_stats_spearman(a, 1, b, 1, n, work);
    free(a);
    free(b);
    free(work);
    rs_mc_results_free(mc);
    rs_scenario_release(&s);
    return rho;
}

static void test_correlation(void **state)
{
    (void)state;
    const char *dir = rs_test_dir();
    double r0 = run_correlation(dir, "");
    double r8 = run_correlation(dir, "correlation,other:x.income|community:a.cost_annual,0.8\n");
    double rn = run_correlation(dir, "correlation,community:a.cost_annual|other:x.income,-0.5\n");
    assert_true(fabs(r0) < 0.03);
    assert_rel(r8, 6 / M_PI * asin(0.4), 0.03);
    assert_rel(rn, 6 / M_PI * asin(-0.25), 0.05);
}

static void test_correlation_errors(void **state)
{
    (void)state;
    const char *dir = rs_test_dir();
    static const struct { const char *rows, *want; } cases[] = {
        {"correlation,other:x.income|community:a.fee_rate,0.5\n",
         "corr.csv:7: correlation.other:x.income|community:a.fee_rate: 'community:a.fee_rate' "
         "is not a parameter with low/high"},
        {"correlation,other:x.income|other:x.income,0.5\n", "correlated with itself"},
        {"correlation,other:x.income|community:a.cost_annual,1.5\n", "from -1 to 1"},
        {"correlation,other:x.income,0.5\n", "key must be 'SECTION.KEY|SECTION.KEY'"},
        {"correlation,other:x.income|community:a.cost_annual,0.9\n"
         "correlation,other:x.income|other:x.growth,0.9\n"
         "correlation,community:a.cost_annual|other:x.growth,-0.9\n",
         "corr.csv:7: correlation.other:x.income|community:a.cost_annual: the correlation "
         "matrix is not positive definite"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char text[1024];
        snprintf(text, sizeof text,
                 "section,key,value,low,high\ncommunity:a,area_m2,1000\ncommunity:a,fee_rate,1\n"
                 "community:a,collection_start,0.5\ncommunity:a,cost_annual,20000,15000,30000\n"
                 "other:x,income,1000,500,2000\n%sother:x,growth,0.02,0,0.04\n", cases[i].rows);
        rs_scenario s;
        rs_error err = {0};
        int rc = rs_test_load_text(&s, dir, "corr.csv", text, &err);
        if (rc != RS_EDATA || !strstr(err.msg, cases[i].want)) {
            print_error("case %zu: %d '%s'\n  want '%s'\n", i, rc, err.msg, cases[i].want);
            fail();
        }
        rs_scenario_release(&s);
    }
}

/* taus2's state layout is what rs_mc_seed_run assumes: filling it as GSL's
 * own taus2_set does gives the same numbers as gsl_rng_set; and the streams
 * of many runs start in distinct states (32-bit seeds would collide). */
static void test_run_streams(void **state)
{
    (void)state;
    gsl_rng *a = gsl_rng_alloc(gsl_rng_taus2), *b = gsl_rng_alloc(gsl_rng_taus2);
    assert_int_equal(gsl_rng_taus2->size, 3 * sizeof(unsigned long));
    gsl_rng_set(a, 12345);
    unsigned long *st = gsl_rng_state(b);
    st[0] = (69069UL * 12345UL) & 0xffffffffUL;
    st[1] = (69069UL * st[0]) & 0xffffffffUL;
    st[2] = (69069UL * st[1]) & 0xffffffffUL;
    for (int i = 0; i < 6; i++)
        gsl_rng_get(b);
    for (int i = 0; i < 5; i++)
        assert_int_equal(gsl_rng_get(a), gsl_rng_get(b));
    /* 300,000 runs: their first two draws (64 bits) are all different */
    const long n = 300000;
    uint64_t *first = malloc(n * sizeof *first);
    for (long r = 0; r < n; r++) {
        rs_mc_seed_run(a, 1, r);
        first[r] = (uint64_t)gsl_rng_get(a) << 32 | gsl_rng_get(a);
    }
    gsl_sort_ulong((unsigned long *)first, 1, n);
    for (long r = 1; r < n; r++)
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
        cmocka_unit_test(test_fast_path_equals_base), cmocka_unit_test(test_threads_identical),
        cmocka_unit_test(test_correlation),           cmocka_unit_test(test_correlation_errors),
        cmocka_unit_test(test_run_streams),  cmocka_unit_test(test_sketch),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
