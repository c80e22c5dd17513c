/* montecarlo.h: Monte Carlo over a scenario's ranged parameters (MODEL.md
 * "Uncertainty"): draws, per-run metrics, and the aggregated results that
 * summary.csv, mc_annual.csv and the charts read. */
#ifndef RS_MONTECARLO_H
#define RS_MONTECARLO_H

#include <gsl/gsl_rng.h>
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
    double *per_run;     /* [run * MT_N + k]: every run's metrics, in run order */
} rs_mc_results;

/* How to run: runs, seed, worker threads (>= 1), and an optional progress
 * callback called from the calling thread only. */
typedef struct {
    long runs;
    unsigned long seed;
    int threads;
    void (*progress)(long done, long total, void *ctx);
    void *progress_ctx;
} rs_mc_opts;

/* Runs per block: the unit of work handed to a thread and of partial sums,
 * fixed so that results do not depend on the number of threads. */
#define RS_MC_BLOCK 256

/* Run Monte Carlo on s. Each run draws every ranged parameter from a random
 * stream of its own, keyed by (seed, run, the parameter's row), so the same
 * seed gives identical results for any thread count, and a parameter draws
 * the same values whatever other rows the scenario has. Returns RS_S_OK,
 * RS_S_NOMEM, or RS_S_NOT_PD when the correlation matrix is not positive
 * semi-definite. *out is allocated for the caller (rs_mc_results_free). */
rs_status rs_mc_run(const rs_scenario *s, const rs_mc_opts *opt, rs_mc_results **out);

void rs_mc_results_free(rs_mc_results *mc);

/* Value of yearly statistic `stat` of series `series` in year y (1-based). */
static inline double rs_mc_yearly(const rs_mc_results *mc, int series, int y, int stat)
{
    return mc->yearly[((size_t)series * mc->years + (size_t)(y - 1)) * MC_NSTAT + stat];
}

/* Single runs drawn on demand, for a caller that evaluates them itself
 * (revsim optimize): rs_mc_sample puts into the sampler's copy of s exactly
 * the parameters run `run` (0-based, the numbering of rs_mc_run; `revsim
 * run` reports it as run run+1) draws under `seed`, so the caller sees the
 * draws of `revsim run` with that seed. s must outlive the sampler. */
typedef struct rs_mc_sampler rs_mc_sampler;

/* RS_S_OK and *out (rs_mc_sampler_free), RS_S_NOT_PD when the correlation
 * matrix is not positive semi-definite, RS_S_NOMEM. */
rs_status rs_mc_sampler_alloc(const rs_scenario *s, unsigned long seed, rs_mc_sampler **out);

/* The sampler's copy of s with run `run` drawn into it (owned by the
 * sampler; overwritten by the next call). */
rs_scenario *rs_mc_sample(rs_mc_sampler *sm, long run);

/* Free sm; NULL is a no-op. */
void rs_mc_sampler_free(rs_mc_sampler *sm);

#endif
