/* montecarlo.h: Monte Carlo over a scenario's ranged parameters (MODEL.md
 * "Uncertainty"): draws, per-run metrics, and the aggregated results that
 * summary.csv, mc_annual.csv and the charts read. */
#ifndef RS_MONTECARLO_H
#define RS_MONTECARLO_H

#include "model.h"

/* Yearly series aggregated over runs (mc_annual.csv, fan charts). */
enum { MC_Y_REVENUE, MC_Y_NET, MC_Y_COVERAGE, MC_Y_FUND_END, MC_Y_N };
/* Statistics columns. */
enum { MC_MEAN, MC_P10, MC_P50, MC_P90, MC_NSTAT };

/* Results of a Monte Carlo run. Owned by the caller: rs_mc_results_alloc /
 * rs_mc_results_free. NaN marks an empty statistic. */
typedef struct {
    long runs;
    int years;
    /* summary.csv columns: metric[k][MC_MEAN..MC_P90]. For the probability
     * metrics (p_*) the mean is the probability and the percentiles NaN. */
    double metric[MT_N][MC_NSTAT];
    /* yearly[(series * years + y-1) * MC_NSTAT + stat]. Coverage statistics
     * are over the runs whose year has a deficit (NaN when none has). */
    double *yearly;
    double *p_covered;   /* [years]: share of runs whose year counts as covered */
    double *npv;         /* [runs]: each run's NPV, in run order (histograms) */
} rs_mc_results;

#endif
