/* test_montecarlo.c: the Monte Carlo engine: with no ranged parameter every
 * run equals the base case (the grouped fast path agrees with rs_model_run
 * on every example scenario); the same seed gives identical results for 1,
 * 2 and 3 threads; declared correlations show up as the rank correlation a
 * Gaussian copula gives (6/pi asin(rho/2)); blocks split over parts (as
 * MPI ranks split them) give the same results, below the exact limit and
 * past it, where percentiles are within the sketch's stated error (scenario
 * files loaded through io/, so this suite sits in tests/io/). */
#define _XOPEN_SOURCE 700
#include <dirent.h>
#include <limits.h>
#include <math.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <gsl/gsl_errno.h>
#include <gsl/gsl_randist.h>
#include <gsl/gsl_rng.h>
#include <gsl/gsl_sort.h>
#include <gsl/gsl_sort_ulong.h>
#include <gsl/gsl_statistics_double.h>
#include "fix_io.h"
#include "../../models/draw.h"
#include "../../models/sketch.h"
#include "../../models/montecarlo.h"
#include "../../models/scenpack.h"
#include "../../io/scenario.h"

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

/* Call fn on every example scenario (the .csv files of scenarios/); how many. */
static int each_example(void (*fn)(const char *path))
{
    DIR *d = opendir("scenarios");
    assert_non_null(d);
    struct dirent *de;
    int files = 0;
    while ((de = readdir(d))) {
        if (!strstr(de->d_name, ".csv"))
            continue;
        char path[512];
        snprintf(path, sizeof path, "scenarios/%s", de->d_name);
        fn(path);
        files++;
    }
    closedir(d);
    return files;
}

static void fast_path_one(const char *path)
{
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
        if (rs_metrics[k].unit == RS_U_PROB) {
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
}

static void test_fast_path_equals_base(void **state)
{
    (void)state;
    assert_true(each_example(fast_path_one) >= 3);
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
         "corr.csv:8: correlation.other:x.income|other:x.growth: with this row the "
         "correlations are impossible together"},   /* with row 7 it needs cost-growth != 0 */
        /* rho = 1 is accepted: perfectly correlated */
        {"correlation,other:x.income|community:a.cost_annual,1\n", NULL},
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
        if (!cases[i].want ? rc != RS_OK : rc != RS_EDATA || !strstr(err.msg, cases[i].want)) {
            print_error("case %zu: %d '%s'\n  want '%s'\n", i, rc, err.msg,
                        cases[i].want ? cases[i].want : "(no error)");
            fail();
        }
        rs_scenario_release(&s);
    }
}

/* The per-run values of metric k over `runs` runs of the scenario text. */
static double *per_run(const char *name, const char *text, long runs, int k)
{
    rs_scenario s;
    assert_int_equal(load(rs_test_file(rs_test_dir(), name, text), &s), 0);
    rs_mc_opts o = {runs, 11, 2, NULL, NULL};
    rs_mc_results *mc;
    assert_int_equal(rs_mc_run(&s, &o, &mc), 0);
    double *v = malloc((size_t)runs * sizeof *v);
    for (long i = 0; i < runs; i++)
        v[i] = mc->per_run[i * MT_N + k];
    rs_mc_results_free(mc);
    rs_scenario_release(&s);
    return v;
}

/* Variants are paired on every parameter they share: adding an unrelated
 * ranged lever (before the community, in another order) and an unrelated
 * correlation leaves the community's draws, and so deficit_before,
 * identical in every run. */
static void test_pairing(void **state)
{
    (void)state;
    static const char *com =
        "community:a,area_m2,1000,800,1200\ncommunity:a,fee_rate,1\n"
        "community:a,collection_start,0.5,0.3,0.7,pert\ncommunity:a,cost_annual,20000,15000,30000\n";
    char a[1024], b[2048];
    snprintf(a, sizeof a, "section,key,value,low,high,dist\n%sother:x,income,1000,500,2000\n", com);
    snprintf(b, sizeof b, "section,key,value,low,high,dist\n"
             "shops:s,count,3\nshops:s,area_m2,40\nshops:s,rent,30,20,40,normal\n"
             "shops:s,occupancy_target,0.8,0.6,0.9\nshops:s,community,a\n"
             "%sother:x,income,1000,500,2000\n"
             "correlation,shops:s.rent|shops:s.occupancy_target,0.7\n", com);
    const long n = 600;
    double *x = per_run("pa.csv", a, n, MT_DEFICIT_BEFORE);
    double *y = per_run("pb.csv", b, n, MT_DEFICIT_BEFORE);
    for (long i = 0; i < n; i++)
        if (x[i] != y[i]) {
            print_error("run %ld: deficit_before %.17g vs %.17g\n", i, x[i], y[i]);
            fail();
        }
    free(x);
    free(y);
}

/* A template and its copy share inherited draws exactly: one charger lever
 * of 100 ports, and the same as two levers of 50 ports, the second `like`
 * the first, give the same percentiles of every metric to 1e-9. */
static void test_template_draws(void **state)
{
    (void)state;
    static const char *head =
        "section,key,value,low,high,dist\nscenario,horizon_years,8\n"
        "community:a,area_m2,50000\ncommunity:a,fee_rate,0.8\n"
        "community:a,collection_start,0.6,0.4,0.8\ncommunity:a,cost_annual,500000,400000,600000\n"
        "chargers:c,sessions_target,3,2,5,pert\nchargers:c,price_per_kwh,1.2,0.9,1.5\n"
        "chargers:c,kwh_per_session,2\nchargers:c,electricity_cost,0.6,0.5,0.8,uniform\n"
        "chargers:c,capex_per_port,1500,1200,2000\nchargers:c,life_years,5\n"
        "chargers:c,ramp_months,18,12,24\n";
    char one[2048], two[2048];
    snprintf(one, sizeof one, "%schargers:c,ports,100\n", head);
    snprintf(two, sizeof two, "%schargers:c,ports,50\nchargers:d,like,chargers:c\n", head);
    rs_scenario s1, s2;
    assert_int_equal(load(rs_test_file(rs_test_dir(), "one.csv", one), &s1), 0);
    assert_int_equal(load(rs_test_file(rs_test_dir(), "two.csv", two), &s2), 0);
    assert_int_equal(s2.nlev, 2);
    rs_mc_opts o = {2000, 5, 2, NULL, NULL};
    rs_mc_results *m1, *m2;
    assert_int_equal(rs_mc_run(&s1, &o, &m1), 0);
    assert_int_equal(rs_mc_run(&s2, &o, &m2), 0);
    for (int k = 0; k < MT_N; k++)
        for (int q = 0; q < MC_NSTAT; q++)
            same(m2->metric[k][q], m1->metric[k][q], 1e-9, rs_metrics[k].name, "two levers");
    rs_mc_results_free(m1);
    rs_mc_results_free(m2);
    rs_scenario_release(&s1);
    rs_scenario_release(&s2);
}

/* rs_mc_run's results bit for bit */
static void same_results(const rs_mc_results *a, const rs_mc_results *b)
{
    assert_int_equal(a->runs, b->runs);
    assert_int_equal(a->kept, b->kept);
    assert_memory_equal(a->metric, b->metric, sizeof a->metric);
    assert_memory_equal(a->per_run, b->per_run, (size_t)a->kept * MT_N * sizeof(double));
    assert_memory_equal(a->npv, b->npv, (size_t)a->kept * sizeof(double));
    assert_memory_equal(a->yearly, b->yearly, (size_t)MC_Y_N * a->years * MC_NSTAT * sizeof(double));
    assert_memory_equal(a->p_covered, b->p_covered, (size_t)a->years * sizeof(double));
    assert_memory_equal(&a->p_npv_negative, &b->p_npv_negative, sizeof(double));
}

/* The linear forms of communities and levers that no range touches are
 * worked out once per Monte Carlo call, not per run. Give every such
 * entity a range that cannot move (low = high = its value): each run then
 * works its form out again, and the results must be the same bits. The
 * file below: two communities and four levers (a renewed charger with a
 * per-kWh subsidy, parking with a build time, an other income), of which
 * one community and the shops are ranged. */
static const char fixed_text[] =
    "section,key,value,low,high,dist\n"
    "scenario,horizon_years,15\n"
    "scenario,income_tax_rate,0.25\n"
    "community:a,area_m2,20000\n"
    "community:a,fee_rate,0.6\n"
    "community:a,collection_start,0.45\n"
    "community:a,collection_target,0.85\n"
    "community:a,ramp_months,12\n"
    "community:a,cost_annual,228000\n"
    "community:b,area_m2,15000\n"
    "community:b,fee_rate,0.7,0.6,0.8,pert\n"
    "community:b,collection_start,0.5\n"
    "community:b,ramp_months,18\n"
    "community:b,cost_annual,200000,180000,230000,normal\n"
    "shops:s,community,a\n"
    "shops:s,count,4\n"
    "shops:s,area_m2,35\n"
    "shops:s,rent,28,22.4,33.6,triangular\n"
    "shops:s,occupancy_start,0.3\n"
    "shops:s,occupancy_target,0.88\n"
    "shops:s,ramp_months,12\n"
    "shops:s,fitout_capex,30000\n"
    "shops:s,tax_rate,0.09\n"
    "chargers:e,community,a\n"
    "chargers:e,ports,30\n"
    "chargers:e,start_month,7\n"
    "chargers:e,sessions_start,0.5\n"
    "chargers:e,sessions_target,2.5\n"
    "chargers:e,ramp_months,18\n"
    "chargers:e,kwh_per_session,1.2\n"
    "chargers:e,price_per_session,0.3\n"
    "chargers:e,price_per_kwh,1.1\n"
    "chargers:e,electricity_cost,0.62\n"
    "chargers:e,capex_per_port,1500\n"
    "chargers:e,life_years,5\n"
    "chargers:e,subsidy_per_kwh,0.2\n"
    "chargers:e,subsidy_years,3\n"
    "chargers:e,tax_rate,0.06\n"
    "parking:p,community,b\n"
    "parking:p,spaces,20\n"
    "parking:p,fee,150\n"
    "parking:p,utilization_start,0.3\n"
    "parking:p,utilization_target,0.8\n"
    "parking:p,ramp_months,12\n"
    "parking:p,capex_per_space,3000\n"
    "parking:p,build_months,3\n"
    "parking:p,tax_rate,0.09\n"
    "other:o,community,b\n"
    "other:o,income,2000\n"
    "other:o,growth,0.03\n"
    "other:o,capex,10000\n";

static void test_fixed_forms(void **state)
{
    (void)state;
    const char *files[] = {rs_test_file(rs_test_dir(), "fixed.csv", fixed_text)};
    for (size_t f = 0; f < sizeof files / sizeof files[0]; f++) {
        rs_scenario s;
        assert_int_equal(load(files[f], &s), 0);
        rs_mc_opts o = {600, 5, 2, NULL, NULL};
        rs_mc_results *once, *each;
        assert_int_equal(rs_mc_run(&s, &o, &once), 0);
        const int n = s.ncom + s.nlev;
        rs_range *g = realloc(s.ranges, (size_t)(s.nranges + n) * sizeof *g);
        assert_non_null(g);
        s.ranges = g;
        int added = 0;
        for (int i = 0; i < n; i++) {
            rs_entity *e = i < s.ncom ? &s.com[i] : &s.lev[i - s.ncom];
            int moved = 0;
            for (int k = 0; k < s.nranges; k++)
                moved |= s.ranges[k].e == e;
            if (moved || e->sec->ramp_param < 0)
                continue;
            rs_range *r = &s.ranges[s.nranges + added++];
            memset(r, 0, sizeof *r);
            r->e = e;
            r->param = e->sec->ramp_param;
            r->step = -1;
            r->low = r->value = r->high = e->v[r->param];
            snprintf(r->label, sizeof r->label, "fixed.%d", i);
            r->stream = rs_stream_key(r->label);
        }
        if (added == 0) {   /* the file must have entities without a range */
            print_error("%s: every entity is ranged\n", files[f]);
            fail();
        }
        s.nranges += added;
        assert_int_equal(rs_mc_run(&s, &o, &each), 0);
        same_results(once, each);
        assert_true(once->metric[MT_NPV][MC_P10] < once->metric[MT_NPV][MC_P90]);
        rs_mc_results_free(once);
        rs_mc_results_free(each);
        rs_scenario_release(&s);
    }
}

/* The blocks split as `ranks` processes split them, each part packed and
 * merged into the first: the results of one process. */
static rs_mc_results *split_run(const rs_scenario *s, const rs_mc_opts *o, long exact_max,
                                int ranks)
{
    const long nb = rs_mc_blocks(o->runs);
    rs_mc_part *first = NULL;
    for (int r = 0; r < ranks; r++) {
        rs_mc_part *p;
        assert_int_equal(rs_mc_part_run(s, o, exact_max, nb * r / ranks, nb * (r + 1) / ranks, &p),
                         RS_S_OK);
        if (!first) {
            first = p;
            continue;
        }
        unsigned char *buf;
        size_t len;
        assert_int_equal(rs_mc_part_pack(p, &buf, &len), RS_S_OK);
        assert_int_equal(rs_mc_part_merge(first, buf, len), RS_S_OK);
        /* a part counted twice, or cut short, is refused */
        assert_int_equal(rs_mc_part_merge(first, buf, len), RS_S_INPUT);
        free(buf);
        rs_mc_part_free(p);
    }
    rs_mc_results *mc;
    assert_int_equal(rs_mc_part_finish(first, &mc), RS_S_OK);
    rs_mc_part_free(first);
    return mc;
}

/* Two blocks of a 400-run Monte Carlo (runs 0..255, 256..399): the
 * results of one process, part a (block 0) and part b (block 1), and b's
 * bytes. */
typedef struct {
    rs_scenario s;
    rs_mc_results *one;
    rs_mc_part *a, *b;
    unsigned char *buf;
    size_t len;
} two_parts;

static void two_parts_make(two_parts *t)
{
    assert_int_equal(load("scenarios/qingyang-old-estates.csv", &t->s), 0);
    rs_mc_opts o = {400, 3, 1, NULL, NULL};
    assert_int_equal(rs_mc_run(&t->s, &o, &t->one), 0);
    assert_int_equal(rs_mc_part_run(&t->s, &o, 0, 0, 1, &t->a), RS_S_OK);
    assert_int_equal(rs_mc_part_run(&t->s, &o, 0, 1, 2, &t->b), RS_S_OK);
    assert_int_equal(rs_mc_part_pack(t->b, &t->buf, &t->len), RS_S_OK);
}

/* b's true bytes merge into a (whatever was refused before changed
 * nothing) and give the one-process results; then free everything. */
static void two_parts_check(two_parts *t)
{
    assert_int_equal(rs_mc_part_merge(t->a, t->buf, t->len), RS_S_OK);
    rs_mc_results *two;
    assert_int_equal(rs_mc_part_finish(t->a, &two), RS_S_OK);
    same_results(t->one, two);
    rs_mc_results_free(two);
    free(t->buf);
    rs_mc_part_free(t->a);
    rs_mc_part_free(t->b);
    rs_mc_results_free(t->one);
    rs_scenario_release(&t->s);
}

/* A part's bytes that are refused change nothing: here bytes cut short by
 * one byte whose rows claim to be block 0's (the merging part's own) and
 * are all NaN. Before the rows were taken only after the whole buffer was
 * read, such bytes overwrote block 0's rows before being refused. */
static void test_merge_refused(void **state)
{
    (void)state;
    two_parts t;
    two_parts_make(&t);
    /* magic, runs, years, kept, MT_N; the span 1..2 and -1; row0, nrows; rows */
    const size_t at_row0 = 8 * 8, at_rows = 10 * 8, rows = (size_t)RS_MC_BLOCK * MT_N * 8;
    int64_t v;
    memcpy(&v, t.buf + 5 * 8, 8);
    assert_true(v == 1);
    memcpy(&v, t.buf + at_row0, 8);
    assert_true(v == RS_MC_BLOCK);              /* block 1's rows, as packed */
    assert_true(t.len > at_rows + rows);
    unsigned char *bad = malloc(t.len);
    assert_non_null(bad);
    memcpy(bad, t.buf, t.len);
    v = 0;
    memcpy(bad + at_row0, &v, 8);
    memset(bad + at_rows, 0xFF, rows);
    assert_int_equal(rs_mc_part_merge(t.a, bad, t.len - 1), RS_S_INPUT);
    free(bad);
    two_parts_check(&t);
}

/* A copy of buf with the 8 bytes at `at` set to v, merged into `into`. */
static rs_status merge_with(rs_mc_part *into, const unsigned char *buf, size_t len, size_t at,
                            const void *v)
{
    unsigned char *t = malloc(len);
    assert_non_null(t);
    memcpy(t, buf, len);
    memcpy(t + at, v, 8);
    rs_status rc = rs_mc_part_merge(into, t, len);
    free(t);
    return rc;
}

/* Parts whose bytes are whole but lie: rows that are not its blocks' runs
 * (they would overwrite another part's rows or leave its own at zero),
 * counts of infinities or runs that are negative or more than its runs.
 * Each is refused and leaves the part as it was. */
static void test_merge_forged(void **state)
{
    (void)state;
    two_parts t;
    two_parts_make(&t);
    rs_mc_part *a = t.a;
    const unsigned char *buf = t.buf;
    const size_t len = t.len;
    /* magic, runs, years, kept, MT_N; the span 1..2 and -1; row0, nrows */
    int64_t v, row0, nrows, years;
    memcpy(&years, buf + 2 * 8, 8);
    memcpy(&row0, buf + 8 * 8, 8);
    memcpy(&nrows, buf + 9 * 8, 8);
    assert_true(row0 == 256 && nrows == 144);
    v = 0;                                          /* rows said to be runs 0..143 */
    assert_int_equal(merge_with(a, buf, len, 8 * 8, &v), RS_S_INPUT);
    assert_int_equal(merge_with(a, buf, len, 9 * 8, &v), RS_S_INPUT);   /* no rows */
    /* the first yearly sketch span and sum: lo, len, counts; lo, len, digits, +inf */
    size_t at = 10 * 8 + (size_t)nrows * MT_N * 8;
    int64_t n;
    memcpy(&n, buf + at + 8, 8);
    at += 16 + (size_t)n * 4;
    memcpy(&n, buf + at + 8, 8);
    at += 16 + (size_t)n * 8;
    const size_t at_pinf = at;
    v = INT64_MAX;                                  /* would wrap when added to */
    assert_int_equal(merge_with(a, buf, len, at_pinf, &v), RS_S_INPUT);
    v = -1;
    assert_int_equal(merge_with(a, buf, len, at_pinf + 16, &v), RS_S_INPUT);   /* NaNs */
    v = 145;                                        /* more infinities than runs */
    assert_int_equal(merge_with(a, buf, len, at_pinf + 8, &v), RS_S_INPUT);
    /* the last two numbers: runs with NPV below 0 and with a finite NPV */
    const double more = 145.0, half = 0.5, neg = -1.0;
    assert_int_equal(merge_with(a, buf, len, len - 8, &more), RS_S_INPUT);
    assert_int_equal(merge_with(a, buf, len, len - 16, &half), RS_S_INPUT);
    double fin;
    memcpy(&fin, buf + len - 8, 8);
    const double over = fin + 1;                    /* more below 0 than finite */
    assert_int_equal(merge_with(a, buf, len, len - 16, &over), RS_S_INPUT);
    /* the covered-year counts come right before (exact: no metric sketches) */
    assert_int_equal(merge_with(a, buf, len, len - 16 - (size_t)years * 8, &neg), RS_S_INPUT);
    two_parts_check(&t);
}

/* Packed scenario bytes whose counts the bytes cannot hold are refused
 * before anything of that size is allocated. */
static void test_unpack_counts(void **state)
{
    (void)state;
    rs_scenario s, d;
    assert_int_equal(load("scenarios/qingyang-old-estates.csv", &s), 0);
    unsigned char *buf;
    size_t len;
    assert_int_equal(rs_scenario_pack(&s, &buf, &len), RS_S_OK);
    rs_scenario_init(&d);
    assert_int_equal(rs_scenario_unpack(&d, buf, len), RS_S_OK);   /* as packed */
    assert_int_equal(d.nlev, s.nlev);
    /* five numbers, then the scenario's own struct: counts that would
     * need 64 GB before the bytes run out */
    const int huge = INT_MAX;
    const size_t at[4] = {offsetof(rs_scenario, ncom), offsetof(rs_scenario, nlev),
                          offsetof(rs_scenario, ngrant), offsetof(rs_scenario, nloan)};
    for (int i = 0; i < 4; i++)
        memcpy(buf + 5 * 8 + at[i], &huge, sizeof huge);
    assert_int_equal(rs_scenario_unpack(&d, buf, len), RS_S_INPUT);
    free(buf);
    rs_scenario_release(&d);
    rs_scenario_release(&s);
}

/* The number at byte `at` of a packing set to v: unpacked, refused. */
static void refused_with(const unsigned char *buf, size_t len, size_t at, const void *v, size_t n)
{
    unsigned char *t = malloc(len);
    assert_non_null(t);
    memcpy(t, buf, len);
    memcpy(t + at, v, n);
    rs_scenario d;
    rs_scenario_init(&d);
    assert_int_equal(rs_scenario_unpack(&d, t, len), RS_S_INPUT);
    rs_scenario_release(&d);
    free(t);
}

/* Values a validated scenario cannot have are refused: a range of a
 * parameter its section does not have, an unknown distribution, an
 * entity's place that is not one (horizons: pack_one, every example). */
static void test_unpack_values(void **state)
{
    (void)state;
    /* a range's parameter and distribution: the ranges come after the
     * entities and steps, each followed by its entity's place (8 bytes) */
    rs_scenario s;
    assert_int_equal(load("scenarios/qingyang-old-estates.csv", &s), 0);
    assert_true(s.nranges > 0);
    unsigned char *buf;
    size_t len;
    assert_int_equal(rs_scenario_pack(&s, &buf, &len), RS_S_OK);
    size_t at = 0;   /* the first range: its bytes as they are in s */
    for (size_t i = 0; i + sizeof(rs_range) <= len; i++)
        if (memcmp(buf + i + offsetof(rs_range, label), s.ranges[0].label,
                   strlen(s.ranges[0].label) + 1) == 0 &&
            memcmp(buf + i + offsetof(rs_range, param), &s.ranges[0].param, sizeof(int)) == 0) {
            at = i;
            break;
        }
    assert_true(at > 0);
    const int bad_param = RS_MAX_PARAMS - 1, bad_dist = 5;
    refused_with(buf, len, at + offsetof(rs_range, param), &bad_param, sizeof(int));
    refused_with(buf, len, at + offsetof(rs_range, dist), &bad_dist, sizeof(int));
    /* the ranges' entities follow the ranges: (kind << 32) | index; an
     * index with its top bit set is negative as an int, not a place
     * (fuzz_bytes, crash-range-entity-negative: read before the array) */
    const size_t at_ref = at + (size_t)s.nranges * sizeof(rs_range);
    int64_t ref;
    memcpy(&ref, buf + at_ref, 8);
    assert_true(ref >> 32 == RS_SEC_COMMUNITY || ref >> 32 == RS_SEC_LEVER);
    ref = (ref >> 32) << 32 | 0xafafafafu;
    refused_with(buf, len, at_ref, &ref, 8);
    free(buf);
    rs_scenario_release(&s);
}

/* Processes (ranks) and threads: any split gives the results of one, below
 * the exact limit and past it (a limit of 300 runs here). */
static void test_parts_identical(void **state)
{
    (void)state;
    rs_scenario s;
    assert_int_equal(load("scenarios/qingyang-old-estates.csv", &s), 0);
    rs_mc_opts o = {1000, 42, 2, NULL, NULL};
    rs_mc_results *whole;
    assert_int_equal(rs_mc_run(&s, &o, &whole), 0);
    for (int ranks = 2; ranks <= 5; ranks += 3) {
        rs_mc_results *mc = split_run(&s, &o, RS_MC_EXACT_RUNS, ranks);
        same_results(whole, mc);
        rs_mc_results_free(mc);
    }
    rs_mc_results_free(whole);
    /* past the exact limit: sketches and exact sums merge exactly too */
    rs_mc_results *ref = split_run(&s, &o, 300, 1);
    assert_int_equal(ref->kept, 300);
    for (int t = 1; t <= 3; t += 2) {
        rs_mc_opts ot = {1000, 42, t, NULL, NULL};
        rs_mc_results *mc = split_run(&s, &ot, 300, 3);
        same_results(ref, mc);
        rs_mc_results_free(mc);
    }
    rs_mc_results_free(ref);
    /* a part whose blocks are not all in cannot finish; bytes that are not a part */
    rs_mc_part *p;
    assert_int_equal(rs_mc_part_run(&s, &o, RS_MC_EXACT_RUNS, 0, 2, &p), RS_S_OK);
    rs_mc_results *none;
    assert_int_equal(rs_mc_part_finish(p, &none), RS_S_INPUT);
    unsigned char junk[64] = {1, 2, 3};
    assert_int_equal(rs_mc_part_merge(p, junk, sizeof junk), RS_S_INPUT);
    unsigned char *buf;
    size_t len;
    assert_int_equal(rs_mc_part_pack(p, &buf, &len), RS_S_OK);
    rs_mc_part *q;
    assert_int_equal(rs_mc_part_run(&s, &o, RS_MC_EXACT_RUNS, 2, 4, &q), RS_S_OK);
    assert_int_equal(rs_mc_part_merge(q, buf, len - 1), RS_S_INPUT);   /* cut short */
    assert_int_equal(rs_mc_part_merge(q, buf, len), RS_S_OK);
    rs_mc_part *bad;
    assert_int_equal(rs_mc_part_run(&s, &o, RS_MC_EXACT_RUNS, 3, 9, &bad), RS_S_INPUT);
    free(buf);
    rs_mc_part_free(p);
    rs_mc_part_free(q);
    rs_scenario_release(&s);
}

/* Past the exact limit the summary's percentiles come from the metric
 * sketch: within its stated relative error of the exact ones; means from
 * exact sums; the first runs kept as they are. */
static void test_sketch_regime(void **state)
{
    (void)state;
    rs_scenario s;
    assert_int_equal(load("scenarios/qingyang-old-estates.csv", &s), 0);
    rs_mc_opts o = {4000, 5, 2, NULL, NULL};
    rs_mc_results *exact = split_run(&s, &o, RS_MC_EXACT_RUNS, 1);
    rs_mc_results *sk = split_run(&s, &o, 512, 2);
    assert_int_equal(exact->kept, 4000);
    assert_int_equal(sk->kept, 512);
    assert_memory_equal(sk->per_run, exact->per_run, 512 * MT_N * sizeof(double));
    assert_memory_equal(sk->yearly, exact->yearly,
                        (size_t)MC_Y_N * exact->years * MC_NSTAT * sizeof(double));
    assert_memory_equal(&sk->p_npv_negative, &exact->p_npv_negative, sizeof(double));
    int compared = 0;
    for (int k = 0; k < MT_N; k++) {
        const double *a = exact->metric[k], *b = sk->metric[k];
        same(b[MC_MEAN], a[MC_MEAN], 1e-12, rs_metrics[k].name, "mean");
        /* each percentile lies between two order statistics x_i <= x_j; the
         * sketch's is within alpha of a value between them */
        double *v = malloc(4000 * sizeof *v);
        size_t n = 0;
        for (long r = 0; r < 4000; r++) {
            double x = exact->per_run[r * MT_N + k];
            if (isnan(x) && (rs_metrics[k].flags & RS_MF_NEVER))
                x = INFINITY;
            if (!isnan(x))
                v[n++] = x;
        }
        gsl_sort(v, 1, n);
        for (int q = MC_P10; q <= MC_P90; q++) {
            if (isnan(a[q])) {
                assert_true(isnan(b[q]));
                continue;
            }
            const double qs[] = {0, 0.1, 0.5, 0.9};
            size_t i = (size_t)floor(qs[q] * (double)(n - 1)), j = i + 1 < n ? i + 1 : i;
            double tol = RS_SKETCH_METRIC_ALPHA * fmax(fabs(v[i]), fabs(v[j])) + RS_SKETCH_MIN;
            if (!(fabs(b[q] - a[q]) <= tol * 1.0001)) {
                print_error("%s p%d: sketch %.10g, exact %.10g\n", rs_metrics[k].name,
                            q == MC_P10 ? 10 : q == MC_P50 ? 50 : 90, b[q], a[q]);
                fail();
            }
            compared++;
        }
        free(v);
    }
    assert_true(compared > 30);
    rs_mc_results_free(exact);
    rs_mc_results_free(sk);
    rs_scenario_release(&s);
}

/* A scenario sent as bytes (as revsim-mpi sends it to other ranks) runs the
 * same Monte Carlo and base case: every example scenario. */
static void pack_one(const char *path)
{
    rs_scenario s, t;
    assert_int_equal(load(path, &s), 0);
    unsigned char *buf;
    size_t len;
    assert_int_equal(rs_scenario_pack(&s, &buf, &len), RS_S_OK);
    rs_scenario_init(&t);
    assert_int_equal(rs_scenario_unpack(&t, buf, len), RS_S_OK);
    rs_scenario bad;
    rs_scenario_init(&bad);
    assert_int_equal(rs_scenario_unpack(&bad, buf, len - 3), RS_S_INPUT);   /* cut short */
    /* horizons a validated scenario cannot have: 101 years (the year
     * loops' buffers hold 100), a fraction, none; five numbers come first,
     * then the scenario struct, its own entity first */
    const size_t at_h = 5 * 8 + offsetof(rs_scenario, scen) + offsetof(rs_entity, v) +
                        SC_HORIZON * sizeof(double);
    const double bad_h[3] = {101, 10.5, 0};
    for (int i = 0; i < 3; i++)
        refused_with(buf, len, at_h, &bad_h[i], sizeof(double));
    buf[len / 2] ^= 0x5a;   /* damaged bytes are refused or give a valid scenario */
    if (rs_scenario_unpack(&bad, buf, len) == RS_S_OK)
        rs_scenario_release(&bad);
    free(buf);
    rs_results *a = rs_results_alloc(&s), *b = rs_results_alloc(&t);
    rs_model_run(&s, a);
    rs_model_run(&t, b);
    assert_memory_equal(a->metric, b->metric, sizeof a->metric);
    assert_memory_equal(a->cf, b->cf, (size_t)a->months * sizeof(double));
    rs_mc_opts o = {300, 3, 2, NULL, NULL};
    rs_mc_results *ma, *mb;
    assert_int_equal(rs_mc_run(&s, &o, &ma), 0);
    assert_int_equal(rs_mc_run(&t, &o, &mb), 0);
    same_results(ma, mb);
    rs_mc_results_free(ma);
    rs_mc_results_free(mb);
    rs_results_free(a);
    rs_results_free(b);
    rs_scenario_release(&s);
    rs_scenario_release(&t);
}

static void test_scenario_pack(void **state)
{
    (void)state;
    assert_true(each_example(pack_one) >= 3);
}

int main(void)
{
    gsl_set_error_handler_off();
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_fast_path_equals_base), cmocka_unit_test(test_threads_identical),
        cmocka_unit_test(test_correlation),           cmocka_unit_test(test_correlation_errors),
        cmocka_unit_test(test_pairing),               cmocka_unit_test(test_template_draws),
        cmocka_unit_test(test_parts_identical),       cmocka_unit_test(test_sketch_regime),
        cmocka_unit_test(test_scenario_pack),         cmocka_unit_test(test_fixed_forms),
        cmocka_unit_test(test_merge_refused),         cmocka_unit_test(test_unpack_counts),
        cmocka_unit_test(test_merge_forged),           cmocka_unit_test(test_unpack_values),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
