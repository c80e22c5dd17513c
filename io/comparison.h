/* compare.h: several scenarios run with the same seed and runs, compared to
 * a baseline: the data behind comparison.csv, comparison_annual.csv, the
 * comparison charts and the proposal pack (report.html). */
#ifndef RS_COMPARE_H
#define RS_COMPARE_H

#include "../models/analysis.h"
#include "../models/montecarlo.h"
#include "csvout.h"
#include "scenario.h"

/* One scenario of a comparison. */
typedef struct {
    const char *path;
    char id[RS_NAME_MAX];      /* file stem, made unique ("-2" appended) */
    rs_source src;             /* its rows (assumptions, with unit and note) */
    rs_scenario s;
    rs_results *r;             /* base case */
    rs_mc_results *mc;         /* NULL when runs = 0 */
    rs_sweep_row *sweep;       /* nsweep rows by NPV swing (largest first) */
    int nsweep;
    double npv_base;
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
} rs_compare;

void rs_compare_init(rs_compare *c);
void rs_compare_release(rs_compare *c);

/* Read and validate every scenario; `baseline` (may be NULL: the first) is
 * one of paths or an extra file, then put first. Nothing runs yet. */
int rs_compare_load(rs_compare *c, char **paths, int n, const char *baseline, rs_error *err);

/* Run every scenario: base case, NPV sweep, and Monte Carlo with the same
 * runs and seed (runs < 0 / seed < 0: the baseline scenario's). */
int rs_compare_run(rs_compare *c, long runs, long long seed, int threads,
                   void (*progress)(long, long, void *), rs_error *err);

/* Gains of item i over the baseline (base case), for the metrics below. */
extern const int rs_gain_metrics[4];
double rs_compare_gain(const rs_compare *c, int i, int metric);

/* comparison.csv and comparison_annual.csv into o. */
int rs_compare_write_csv(rs_outset *o, const rs_compare *c, rs_error *err);

#endif
