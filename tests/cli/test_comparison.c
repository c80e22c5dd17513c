/* test_compare.c: sim/compare.c and its chart hook in sim/plotopts.c:
 * loading (baseline first, unique ids, common years, bad input), gains
 * worked by hand, Monte Carlo with the same draws as a separate run,
 * comparison.csv and comparison_annual.csv, and the translation into the
 * plots/ input. */
#define _XOPEN_SOURCE 700
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "testutil.h"
#include "../../io/comparison.h"
#include "../../cli/plotopts.h"

/* fee 1000 m2 * 1 * 0.5 = 500/month, cost 20,000 a year: deficit 14,000 a
 * year; A earns 1,000 a month for 6,000 of capex, B 1,500 for 3,000; r = 0 */
#define TINY_A "section,key,value,low,high\nscenario,name,Tiny A\nscenario,horizon_years,2\n" \
    "scenario,discount_rate,0\nscenario,runs,32\nscenario,seed,9\n"                        \
    "community:c,area_m2,1000\ncommunity:c,fee_rate,1\ncommunity:c,collection_start,0.5\n"  \
    "community:c,cost_annual,20000\nother:x,income,1000,800,1300\nother:x,capex,6000\n"
#define TINY_B "section,key,value,low,high\nscenario,base,a.csv\nscenario,name,Tiny B\n" \
    "other:x,income,1500,1000,1800\nother:x,capex,3000\n"

static char dir[256], a_csv[512], b_csv[512], c_csv[512];

/* In an ASan build, let a huge calloc return NULL as libc's does. */
const char *__asan_default_options(void);
const char *__asan_default_options(void) { return "allocator_may_return_null=1"; }

static int setup(void **state)
{
    (void)state;
    snprintf(dir, sizeof dir, "%s", rs_test_dir());
    snprintf(a_csv, sizeof a_csv, "%s", rs_test_file(dir, "a.csv", TINY_A));
    snprintf(b_csv, sizeof b_csv, "%s", rs_test_file(dir, "b.csv", TINY_B));
    snprintf(c_csv, sizeof c_csv, "%s",
             rs_test_file(dir, "c.csv", "section,key,value\nscenario,base,b.csv\n"
                                        "scenario,name,Tiny C\nscenario,horizon_years,3\n"));
    return 0;
}

static int load(rs_compare *c, const char *const *paths, int n, const char *baseline,
                rs_error *err)
{
    rs_compare_init(c);
    return rs_compare_load(c, (char **)paths, n, baseline, err);
}

static void test_load_order(void **state)
{
    (void)state;
    rs_compare c;
    rs_error err = {0};
    const char *ab[] = {a_csv, b_csv};
    assert_int_equal(load(&c, ab, 2, NULL, &err), RS_OK);
    assert_int_equal(c.n, 2);
    assert_int_equal(c.baseline, 0);
    assert_string_equal(c.items[0].id, "a");
    assert_string_equal(c.items[1].id, "b");
    assert_string_equal(c.items[1].s.scen.text[SC_NAME], "Tiny B");
    assert_int_equal(c.years, 2);
    assert_false(c.horizons_differ);
    rs_compare_release(&c);
    /* --baseline among the files: it comes first */
    assert_int_equal(load(&c, ab, 2, b_csv, &err), RS_OK);
    assert_int_equal(c.n, 2);
    assert_string_equal(c.items[0].id, "b");
    assert_string_equal(c.items[1].id, "a");
    rs_compare_release(&c);
    /* --baseline not among them: one more scenario, first */
    const char *b[] = {b_csv};
    assert_int_equal(load(&c, b, 1, a_csv, &err), RS_OK);
    assert_int_equal(c.n, 2);
    assert_string_equal(c.items[0].id, "a");
    rs_compare_release(&c);
}

static void test_unique_ids(void **state)
{
    (void)state;
    char d2[512], d3[512];
    snprintf(d2, sizeof d2, "%s/two", dir);
    snprintf(d3, sizeof d3, "%s/three", dir);
    const char *paths[] = {a_csv, rs_test_file(d2, "a.csv", TINY_A),
                           rs_test_file(d3, "a.csv", TINY_A)};
    rs_compare c;
    rs_error err = {0};
    assert_int_equal(load(&c, paths, 3, NULL, &err), RS_OK);
    assert_string_equal(c.items[0].id, "a");
    assert_string_equal(c.items[1].id, "a-2");
    assert_string_equal(c.items[2].id, "a-3");
    rs_compare_release(&c);
}

static void test_horizons(void **state)
{
    (void)state;
    const char *ac[] = {c_csv, a_csv};
    rs_compare c;
    rs_error err = {0};
    assert_int_equal(load(&c, ac, 2, NULL, &err), RS_OK);
    assert_int_equal(c.years, 2);
    assert_true(c.horizons_differ);
    assert_int_equal(rs_compare_run(&c, 0, 1, 1, NULL, &err), RS_OK);
    assert_int_equal(c.items[0].r->years, 3);    /* each keeps its own horizon */
    /* C: 3 years of 1,500 less 3,000; A: 2 years of 1,000 less 6,000 */
    assert_rel(c.items[0].r->metric[MT_NPV], 51000, 1e-12);
    assert_rel(rs_compare_gain(&c, 1, MT_NPV), 18000 - 51000, 1e-12);
    rs_compare_release(&c);
}

static void test_bad_input(void **state)
{
    (void)state;
    char none[600];
    const char *bad = rs_test_file(dir, "bad.csv", TINY_A "other:y,rnet,3\n");
    snprintf(none, sizeof none, "%s/none.csv", dir);
    const char *paths[] = {a_csv, bad};
    rs_compare c;
    rs_error err = {0};
    assert_int_equal(load(&c, paths, 2, NULL, &err), RS_EDATA);
    assert_non_null(strstr(err.msg, "bad.csv:13: other:y.rnet: unknown key"));
    rs_compare_release(&c);
    rs_error err2 = {0};
    const char *missing[] = {a_csv, none};
    assert_int_equal(load(&c, missing, 2, NULL, &err2), RS_ENOINPUT);
    assert_non_null(strstr(err2.msg, "none.csv"));
    rs_compare_release(&c);
    rs_error err3 = {0};
    assert_int_equal(load(&c, paths, 1, bad, &err3), RS_EDATA);   /* a bad baseline */
    rs_compare_release(&c);
}

static void test_gains_by_hand(void **state)
{
    (void)state;
    const char *ab[] = {a_csv, b_csv};
    rs_compare c;
    rs_error err = {0};
    assert_int_equal(load(&c, ab, 2, NULL, &err), RS_OK);
    assert_int_equal(rs_compare_run(&c, 0, -1, 1, NULL, &err), RS_OK);
    assert_int_equal(c.runs, 0);
    assert_null(c.items[0].mc);
    assert_null(c.items[1].mc);
    static const struct {
        int metric;
        double gain;
    } want[] = {{MT_REVENUE_YEAR1, 6000}, {MT_REVENUE_STAB, 6000}, {MT_NET_STAB, 6000},
                {MT_NPV, 33000 - 18000}};
    for (size_t k = 0; k < sizeof want / sizeof want[0]; k++) {
        assert_int_equal(rs_gain_metrics[k], want[k].metric);
        assert_rel(rs_compare_gain(&c, 1, want[k].metric), want[k].gain, 1e-12);
        assert_rel(rs_compare_gain(&c, 0, want[k].metric), 0, 1e-12);
    }
    /* the NPV sweep: income moves NPV most, 24 per CNY/month over 2 years */
    assert_int_equal(c.items[1].s.nranges, 1);
    const rs_cmp_sweep *sw = rs_compare_sweep(&c.items[1], MT_NPV);
    assert_non_null(sw);
    assert_int_equal(sw->nrows, 1);
    assert_rel(sw->rows[0].metric_low, 24 * 1000 - 3000, 1e-12);
    assert_rel(sw->rows[0].metric_high, 24 * 1800 - 3000, 1e-12);
    assert_rel(sw->base, 33000, 1e-12);
    /* and the default drivers of coverage and the fund: the deficit is
     * 14,000 a year, income 12 x 1,000 / 1,800 of it; the fund ends at 24
     * months of income less the 28,000 deficit and 3,000 of capex */
    sw = rs_compare_sweep(&c.items[1], MT_COVERAGE_STAB);
    assert_non_null(sw);
    assert_rel(sw->base, 18000.0 / 14000, 1e-12);
    assert_rel(sw->rows[0].metric_low, 12000.0 / 14000, 1e-12);
    assert_rel(sw->rows[0].metric_high, 21600.0 / 14000, 1e-12);
    sw = rs_compare_sweep(&c.items[1], MT_FUND_END);
    assert_non_null(sw);
    assert_rel(sw->base, 36000 - 31000, 1e-12);
    assert_rel(sw->rows[0].metric_low, 24000 - 31000, 1e-12);
    assert_rel(sw->rows[0].metric_high, 43200 - 31000, 1e-12);
    assert_null(rs_compare_sweep(&c.items[1], MT_IRR));
    rs_compare_release(&c);
}

/* The metrics swept: the three defaults, one more asked for (once however
 * often it is asked), no fifth, no metric that is not one. */
static void test_want_sweep(void **state)
{
    (void)state;
    const char *ab[] = {a_csv, b_csv};
    rs_compare c;
    rs_error err = {0};
    assert_int_equal(load(&c, ab, 2, NULL, &err), RS_OK);
    assert_int_equal(c.nsweep_metric, 3);
    assert_int_equal(rs_compare_want_sweep(&c, MT_NPV, &err), RS_OK);
    assert_int_equal(c.nsweep_metric, 3);
    assert_int_equal(rs_compare_want_sweep(&c, MT_REVENUE_STAB, &err), RS_OK);
    assert_int_equal(rs_compare_want_sweep(&c, MT_REVENUE_STAB, &err), RS_OK);
    assert_int_equal(c.nsweep_metric, 4);
    assert_int_equal(rs_compare_want_sweep(&c, MT_IRR, &err), RS_EUSAGE);
    assert_non_null(strstr(err.msg, "at most 4 metrics"));
    assert_int_equal(rs_compare_want_sweep(&c, MT_N, &err), RS_EUSAGE);
    assert_int_equal(rs_compare_want_sweep(&c, -1, &err), RS_EUSAGE);
    assert_int_equal(rs_compare_run(&c, 0, -1, 1, NULL, &err), RS_OK);
    const rs_cmp_sweep *sw = rs_compare_sweep(&c.items[1], MT_REVENUE_STAB);
    assert_non_null(sw);
    assert_int_equal(c.items[1].nsweep, 4);
    assert_rel(sw->base, 18000, 1e-12);
    assert_rel(sw->rows[0].metric_low, 12000, 1e-12);
    assert_rel(sw->rows[0].metric_high, 21600, 1e-12);
    rs_compare_release(&c);
}

/* Same runs and seed as a separate Monte Carlo run of each scenario: the
 * same numbers. Runs and seed default to the baseline's. */
static void test_same_draws(void **state)
{
    (void)state;
    const char *ab[] = {a_csv, b_csv};
    rs_compare c;
    rs_error err = {0};
    assert_int_equal(load(&c, ab, 2, NULL, &err), RS_OK);
    assert_int_equal(rs_compare_run(&c, -1, -1, 2, NULL, &err), RS_OK);
    assert_int_equal(c.runs, 32);
    assert_int_equal(c.seed, 9);
    for (int i = 0; i < c.n; i++) {
        rs_mc_results *mc = NULL;
        rs_mc_opts o = {32, 9, 1, NULL, NULL};
        assert_int_equal(rs_mc_run(&c.items[i].s, &o, &mc), 0);
        assert_non_null(c.items[i].mc);
        for (int k = 0; k < MT_N; k++)
            for (int q = 0; q < MC_NSTAT; q++)
                assert_rel(c.items[i].mc->metric[k][q], mc->metric[k][q], 0);
        for (long r = 0; r < 32; r++)
            assert_rel(c.items[i].mc->npv[r], mc->npv[r], 0);
        rs_mc_results_free(mc);
    }
    rs_compare_release(&c);
    /* explicit runs and seed win */
    assert_int_equal(load(&c, ab, 2, NULL, &err), RS_OK);
    assert_int_equal(rs_compare_run(&c, 8, 3, 1, NULL, &err), RS_OK);
    assert_int_equal(c.runs, 8);
    assert_int_equal(c.seed, 3);
    assert_int_equal(c.items[1].mc->runs, 8);
    rs_compare_release(&c);
}

static void test_write_csv(void **state)
{
    (void)state;
    const char *ab[] = {a_csv, b_csv};
    rs_compare c;
    rs_error err = {0};
    rs_outset o;
    char out[600], path[700];
    snprintf(out, sizeof out, "%s/csv", dir);
    assert_int_equal(load(&c, ab, 2, NULL, &err), RS_OK);
    assert_int_equal(rs_compare_run(&c, 0, 1, 1, NULL, &err), RS_OK);
    assert_int_equal(rs_outset_init(&o, out, 0, &err), RS_OK);
    assert_int_equal(rs_compare_write_csv(&o, &c, &err), RS_OK);
    assert_int_equal(rs_outset_commit(&o, &err), RS_OK);
    snprintf(path, sizeof path, "%s/comparison.csv", out);
    char *csv = rs_test_slurp(path, NULL);
    assert_non_null(csv);
    assert_memory_equal(csv, "scenario,name,file,baseline,horizon_years,revenue_year1,"
                             "revenue_year1_p10,revenue_year1_p50,revenue_year1_p90,", 85);
    char row[700];
    snprintf(row, sizeof row, "\nb,Tiny B,%s,no,2,18000,,,,", b_csv);
    assert_non_null(strstr(csv, row));
    assert_non_null(strstr(csv, ",6000,6000,6000,15000\n"));
    assert_non_null(strstr(csv, ",0,0,0,0\n"));
    free(csv);
    snprintf(path, sizeof path, "%s/comparison_annual.csv", out);
    csv = rs_test_slurp(path, NULL);
    assert_string_equal(csv, "year,revenue:a,revenue:b,net_income:a,net_income:b,coverage:a,"
                             "coverage:b\n1,12000,18000,12000,18000,0.8571428571,1.285714286\n"
                             "2,12000,18000,12000,18000,0.8571428571,1.285714286\n");
    free(csv);
    rs_compare_release(&c);
}

static void test_plot_input(void **state)
{
    (void)state;
    const char *ab[] = {a_csv, b_csv};
    rs_compare c;
    rs_error err = {0};
    assert_int_equal(load(&c, ab, 2, b_csv, &err), RS_OK);
    assert_int_equal(rs_compare_run(&c, 4, 1, 1, NULL, &err), RS_OK);
    rs_cmp_plot_item items[2];
    rs_cmp_plot_input in;
    rs_plot_compare_input(&c, items, &in);
    assert_int_equal(in.n, 2);
    assert_int_equal(in.baseline, 0);
    assert_int_equal(in.years, 2);
    assert_ptr_equal(in.items, items);
    for (int i = 0; i < 2; i++) {
        assert_string_equal(items[i].id, c.items[i].id);
        assert_ptr_equal(items[i].s, &c.items[i].s);
        assert_ptr_equal(items[i].r, c.items[i].r);
        assert_ptr_equal(items[i].mc, c.items[i].mc);
    }
    /* charts off: nothing; gnuplot missing: a warning, RS_OK, nothing */
    rs_plot_args a;
    rs_plot_args_init(&a);
    a.enabled = 0;
    rs_outset o;
    char out[600];
    snprintf(out, sizeof out, "%s/plots", dir);
    assert_int_equal(rs_outset_init(&o, out, 0, &err), RS_OK);
    assert_int_equal(rs_plot_compare_maybe(&o, &c, &a, "compare", &err), RS_OK);
    assert_int_equal(o.n, 0);
    a.enabled = 1;
    a.opts.gnuplot = "/nonexistent/gnuplot";
    assert_int_equal(rs_plot_compare_maybe(&o, &c, &a, "compare", &err), RS_OK);
    assert_int_equal(o.n, 0);
    assert_int_equal(err.code, 0);
    assert_string_equal(err.msg, "");
    rs_outset_abort(&o);
    rs_compare_release(&c);
}

/* Issue 9, item 4: when the calloc of the items failed, the count was
 * already set and releasing the comparison walked items that did not exist
 * (a segfault). A count of 2^30 makes that calloc fail. */
static void test_items_calloc_fails(void **state)
{
    (void)state;
    rs_compare c;
    rs_error err = {0};
    char *paths[1] = {a_csv};
    rs_compare_init(&c);
    assert_int_equal(rs_compare_load(&c, paths, 1 << 30, NULL, &err), RS_ESOFTWARE);
    assert_string_equal(err.msg, "out of memory");
    assert_int_equal(c.n, 0);
    rs_compare_release(&c);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_load_order),
        cmocka_unit_test(test_unique_ids),
        cmocka_unit_test(test_horizons),
        cmocka_unit_test(test_bad_input),
        cmocka_unit_test(test_gains_by_hand),
        cmocka_unit_test(test_want_sweep),
        cmocka_unit_test(test_same_draws),
        cmocka_unit_test(test_write_csv),
        cmocka_unit_test(test_plot_input),
        cmocka_unit_test(test_items_calloc_fails),
    };
    return cmocka_run_group_tests(tests, setup, NULL);
}
