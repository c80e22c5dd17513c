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
     * metrics (p_*) the mean is the probability and the percentiles NaN.
     * Up to RS_MC_EXACT_RUNS runs the percentiles are exact (every run's
     * value is kept); past it they come from a sketch within a relative
     * RS_SKETCH_METRIC_ALPHA (sketch.h), and means are exact sums. */
    double metric[MT_N][MC_NSTAT];
    /* yearly[(series * years + y-1) * MC_NSTAT + stat]. Coverage statistics
     * are over the runs whose year has a deficit (NaN when none has). */
    double *yearly;
    double *p_covered;   /* [years]: share of runs whose year counts as covered */
    /* The first `kept` runs (every run up to RS_MC_EXACT_RUNS, then the
     * first RS_MC_EXACT_RUNS: a fixed-size sample): */
    long kept;
    double *npv;         /* [kept]: each run's NPV, in run order (histograms) */
    double *per_run;     /* [run * MT_N + k]: their metrics, in run order */
    double p_npv_negative; /* share of all runs with a finite NPV whose NPV < 0 */
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

/* Runs per block: the unit of work handed to a thread or a process. */
#define RS_MC_BLOCK 256

/* Runs whose metrics are kept: up to this many runs, summary percentiles
 * are exact; past it they come from a mergeable sketch, and the NPV
 * histogram and per_run hold the first RS_MC_EXACT_RUNS runs, so memory
 * does not grow with runs (about 240 bytes a kept run). */
#define RS_MC_EXACT_RUNS 100000L

/* Run Monte Carlo on s. Each run draws every ranged parameter from a random
 * stream of its own, keyed by (seed, run, the parameter's row), so the same
 * seed gives identical results for any thread (or process) count, and a
 * parameter draws the same values whatever other rows the scenario has.
 * Returns RS_S_OK, RS_S_NOMEM, or RS_S_NOT_PD when the correlation matrix
 * is not positive semi-definite. *out is allocated for the caller
 * (rs_mc_results_free). Memory: about 240 bytes a run up to
 * RS_MC_EXACT_RUNS runs, then nothing more per run. */
rs_status rs_mc_run(const rs_scenario *s, const rs_mc_opts *opt, rs_mc_results **out);

void rs_mc_results_free(rs_mc_results *mc);

/* ---- Distributed runs ---------------------------------------------------
 * rs_mc_run is rs_mc_part_run over every block, then rs_mc_part_finish. A
 * process may instead run some blocks [first_block, end_block) of the
 * rs_mc_blocks(runs) blocks, pack its part into bytes for another process,
 * which merges the parts of every block and finishes them: what a part
 * holds is rows indexed by run or order-independent sums (integer counts,
 * sketches, exact sums, xsum.h), so the results are bit for bit those of
 * rs_mc_run whatever the split. Bytes are in the machine's own byte order
 * (a part packed on a machine of the other order is refused). */
typedef struct rs_mc_part rs_mc_part;

/* Blocks of RS_MC_BLOCK runs in a Monte Carlo of `runs` runs. */
long rs_mc_blocks(long runs);

/* Run blocks [first_block, end_block) of the Monte Carlo opt describes
 * (opt->progress counts this part's runs). exact_max: the exact limit
 * (RS_MC_EXACT_RUNS; tests pass smaller ones). *out is the caller's
 * (rs_mc_part_free). RS_S_INPUT for a block range outside the runs. */
rs_status rs_mc_part_run(const rs_scenario *s, const rs_mc_opts *opt, long exact_max,
                         long first_block, long end_block, rs_mc_part **out);

/* The part as bytes, malloc'ed for the caller: *len bytes at *buf. */
rs_status rs_mc_part_pack(const rs_mc_part *p, unsigned char **buf, size_t *len);

/* Add a packed part of the same Monte Carlo to `into`: RS_S_INPUT (and
 * `into` unchanged but for its rows) when the bytes are not such a part
 * or count a block `into` already has. */
rs_status rs_mc_part_merge(rs_mc_part *into, const unsigned char *buf, size_t len);

/* The results, once every block is in: RS_S_INPUT while one is missing.
 * *out is the caller's (rs_mc_results_free). */
rs_status rs_mc_part_finish(const rs_mc_part *p, rs_mc_results **out);

void rs_mc_part_free(rs_mc_part *p);

/* A process-wide replacement for rs_mc_run (NULL: none, the default):
 * revsim-mpi installs one that splits the blocks over MPI ranks. It must
 * give rs_mc_run's results. */
typedef rs_status (*rs_mc_runner)(const rs_scenario *s, const rs_mc_opts *opt,
                                  rs_mc_results **out, void *ctx);
void rs_mc_set_runner(rs_mc_runner fn, void *ctx);

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
