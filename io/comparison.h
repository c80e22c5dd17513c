/* compare.h: several scenarios run with the same seed and runs, compared to
 * a baseline: the data behind comparison.csv, comparison_annual.csv, the
 * comparison charts and the proposal pack (report.html). */
#ifndef RS_COMPARE_H
#define RS_COMPARE_H

#include "../models/analysis.h"
#include "../models/montecarlo.h"
#include "csvout.h"
#include "scenario.h"

/* Most metrics a comparison sweeps (rs_compare_want_sweep). */
#define RS_CMP_SWEEPS 4

/* The one-at-a-time sensitivity of one metric (rs_sweep): nrows rows by
 * swing, largest first, and the metric's base-case value. */
typedef struct {
    int metric;                /* MT_* */
    rs_sweep_row *rows;
    int nrows;
    double base;
} rs_cmp_sweep;

/* One scenario of a comparison. */
typedef struct {
    const char *path;
    char *file;                /* path as shown: rs_utf8_clean'ed (owned) */
    char id[RS_NAME_MAX];      /* file stem, cleaned the same way, made unique ("-2" appended) */
    rs_source src;             /* its rows (assumptions, with unit and note) */
    rs_scenario s;
    rs_results *r;             /* base case */
    rs_mc_results *mc;         /* NULL when runs = 0 */
    rs_cmp_sweep sweep[RS_CMP_SWEEPS]; /* one per metric of rs_compare.sweep_metric */
    int nsweep;
} rs_cmp_item;

/* Caller-owned: rs_compare_init, rs_compare_load, rs_compare_run, then
 * rs_compare_release. */
typedef struct {
    rs_cmp_item *items;
    int n;
    int baseline;              /* index into items */
    int years;                 /* years every scenario has (annual comparison) */
    int horizons_differ;
    long runs;
    unsigned long seed;
    int sweep_metric[RS_CMP_SWEEPS]; /* metrics rs_compare_run sweeps */
    int nsweep_metric;
} rs_compare;

/* rs_compare_init sets the metrics to sweep to coverage_stabilized,
 * fund_end and npv: what drives coverage, the fund and the value. */
void rs_compare_init(rs_compare *c);
void rs_compare_release(rs_compare *c);

/* Read and validate every scenario; `baseline` (may be NULL: the first) is
 * one of paths or an extra file, then put first. Nothing runs yet. */
int rs_compare_load(rs_compare *c, char **paths, int n, const char *baseline, rs_error *err);

/* Sweep metric (MT_*) too, before rs_compare_run: RS_OK (also when it is
 * swept already); RS_EUSAGE with err filled for a metric that is not one
 * or when RS_CMP_SWEEPS metrics are swept already. */
int rs_compare_want_sweep(rs_compare *c, int metric, rs_error *err);

/* The sweep of `metric` of item it, or NULL when it was not swept. */
const rs_cmp_sweep *rs_compare_sweep(const rs_cmp_item *it, int metric);

/* Run every scenario: base case, the sweeps, and Monte Carlo with the same
 * runs and seed (runs < 0 / seed < 0: the baseline scenario's). */
int rs_compare_run(rs_compare *c, long runs, long long seed, int threads,
                   void (*progress)(long, long, void *), rs_error *err);

/* Gains of item i over the baseline (base case), for the metrics below. */
extern const int rs_gain_metrics[4];
double rs_compare_gain(const rs_compare *c, int i, int metric);

/* comparison.csv and comparison_annual.csv into o. */
int rs_compare_write_csv(rs_outset *o, const rs_compare *c, rs_error *err);

#endif
