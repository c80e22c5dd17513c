/* optimize.h: revsim optimize (MODEL.md part 2, "Optimising the mix"): the
 * sizes of the sized levers and the yes/no of the optional ones that
 * maximise an objective under the space, budget, coverage, fund and DSCR
 * limits, as a mixed-integer linear programme solved with GLPK
 * (docs/optimize.md). Every coefficient comes from the levers' own linear
 * forms (rs_section.linear, expanded as `run` expands them) at size 1 and
 * size 0, and the constant part from the model run without the chosen
 * levers; the optimum is then run through the model again. Pure
 * computation: no printing, progress through a callback. */
#ifndef RS_OPTIMIZE_H
#define RS_OPTIMIZE_H

#include "model.h"

/* Where the optimiser is, for a progress line. */
typedef struct {
    const char *phase;     /* "sampling", "solving", "diagnosing" (which limit fails), "checking" */
    long done, total;      /* sampling and checking: runs done of total */
    double seconds;        /* since the solve began */
    long nodes;            /* branch-and-bound nodes so far */
    int has_best;          /* a mix that meets the limits is known */
    double best, bound;    /* its objective and the best bound (NaN unknown) */
    double gap;            /* relative gap between the two (NaN unknown) */
} rs_mix_progress;

/* How to optimise. rs_mix_opts_init fills the defaults. */
typedef struct {
    long samples;          /* Monte Carlo runs 1..K the optimum must hold on; < 0: optimize,samples */
    double confidence;     /* share of them; < 0: optimize,confidence */
    unsigned long seed;    /* seed of the runs (`revsim run`'s: the scenario's seed) */
    long fresh;            /* runs K+1..K+fresh on which the share is checked again (1000) */
    double time_limit;     /* seconds for each MILP; <= 0: none */
    void (*progress)(const rs_mix_progress *p, void *ctx);   /* may be NULL */
    void *ctx;
} rs_mix_opts;

/* Defaults: samples and confidence from the scenario, seed 1, 1000 fresh
 * runs, no time limit, no progress. */
void rs_mix_opts_init(rs_mix_opts *o);

/* One sized or optional lever at the optimum. */
typedef struct {
    int lever;             /* index into s->lev */
    int sized;             /* 1: sized (size n); 0: optional (size 0 or 1) */
    double size, size_min, size_max;
    double space_m2;       /* size x space_per_unit (base case) */
    double capex, npv;     /* its capex_total and NPV at that size, base case (0 when left out) */
} rs_mix_choice;

/* Rows of optimum_limits.csv: the objective, then one per limit. */
typedef enum {
    RS_OL_OBJECTIVE, RS_OL_SPACE, RS_OL_SPACE_COM, RS_OL_BUDGET, RS_OL_COV, RS_OL_COV_EACH,
    RS_OL_FUND, RS_OL_DSCR, RS_OL_CONF, RS_OL_CONF_FRESH
} rs_mix_limit_kind;

/* A limit at the optimum: its value, the limit and the slack (how far the
 * value is inside the limit: limit - value for space and budget, value -
 * limit for the others), and for space and budget the shadow price (what
 * one more unit of the limit is worth in the objective). NaN: empty. With
 * samples, space and budget give the largest value over the runs, the
 * coverage, fund and DSCR limits the value reached in the share
 * `confidence` of the runs (the ceil(confidence K)-th best), `confidence`
 * the share of the samples in which they hold together and
 * `confidence_fresh` the share on the fresh runs. */
typedef struct {
    rs_mix_limit_kind kind;
    int com;               /* community of a per-community row, else -1 */
    char name[RS_NAME_MAX + 32];   /* "objective", "space_m2", "space_m2:NAME", ... */
    double value, limit, slack, shadow;
} rs_mix_limit;

/* The optimum. Owned by the caller: rs_mix_result_free. */
typedef struct {
    int objective;         /* RS_OBJ_* */
    double value;          /* the objective: the base case, or the mean over the samples */
    double base_value;     /* the objective of the chosen mix's base case */
    long samples, fresh;
    double confidence;
    double share, fresh_share;   /* runs in which the coverage, fund and DSCR limits hold together (NaN: no samples) */
    int stab_year;         /* the stabilized year the limits and objective use */
    int time_limited;      /* stopped by the time limit with a mix found: */
    double gap;            /* its relative gap to the best bound (0 when optimal) */
    double seconds;        /* time in the solver */
    long nodes;            /* branch-and-bound nodes */
    rs_mix_choice *choice; int nchoice;
    rs_mix_limit *limit;   int nlimit;
    rs_results *r;         /* the chosen mix's base case */
    int *r_lever;          /* [r->nlev]: the s->lev index of each of r's levers */
} rs_mix_result;

void rs_mix_result_free(rs_mix_result *res);

/* Why a scenario cannot be optimised: the parameter of an entity of s that
 * is at fault (e NULL: the scenario as a whole) and a sentence that starts
 * with what is wrong; the caller cites the parameter's row. */
typedef struct {
    const rs_entity *e;
    int param;
    char why[640];
} rs_mix_issue;

/* Optimise s. The stabilized year is s->stab_year (fixed at load: that of
 * every lever in, sizes move no completion month), or when 0 computed so.
 * RS_S_OK with *out. RS_S_INPUT with *issue filled when s has no sized or
 * optional lever, uses a key that is not linear in the sizes, its limits
 * cannot be met (the issue says which and how close the best mix comes),
 * or the time limit ran out before any mix met them. RS_S_NOT_PD for a
 * correlation matrix that is not positive semi-definite (samples),
 * RS_S_NOMEM, RS_S_NUMERIC when GLPK fails (issue->why says how). */
rs_status rs_mix_run(const rs_scenario *s, const rs_mix_opts *o, rs_mix_result **out,
                     rs_mix_issue *issue);

/* Samples spread over processes (revsim-mpi, docs/scale.md). With
 * samples, rs_mix_run makes two passes over them: "sampling" (each
 * sample's coefficients for the programme) and "checking" (the chosen mix
 * in each sample and fresh run). A pass is a job: samples 0..n-1, each
 * giving a record of `width` doubles that depends only on the scenario,
 * the options and the sample. Without a runner rs_mix_run works each pass
 * itself (rs_mix_job_work). A runner must see every record computed, by
 * rs_mix_job_compute here or on another process from the job's bytes, and
 * handed to rs_mix_job_take in sample order; the result is then byte for
 * byte that of a run without it. */
typedef struct rs_mix_job rs_mix_job;
typedef rs_status (*rs_mix_runner)(rs_mix_job *job, void *ctx);

/* Set (fn NULL: clear) the runner of every later pass. */
void rs_mix_set_runner(rs_mix_runner fn, void *ctx);

long rs_mix_job_samples(const rs_mix_job *job);
size_t rs_mix_job_width(const rs_mix_job *job);

/* The records of samples k0..k1-1 into rec (k1 - k0 times width doubles):
 * RS_S_OK, RS_S_INPUT for a range outside 0..n. */
rs_status rs_mix_job_compute(rs_mix_job *job, long k0, long k1, double *rec);

/* rs_mix_run's job only: take the records of samples k0..k1-1, k0 the
 * first not yet taken (RS_S_INPUT otherwise); RS_S_NOMEM. Reports
 * progress. */
rs_status rs_mix_job_take(rs_mix_job *job, long k0, long k1, const double *rec);

/* Compute and take samples k0..k1-1 here, a few at a time. */
rs_status rs_mix_job_work(rs_mix_job *job, long k0, long k1);

/* The job as bytes for another process of the same build (*buf malloc'ed):
 * RS_S_OK or RS_S_NOMEM. */
rs_status rs_mix_job_pack(const rs_mix_job *job, unsigned char **buf, size_t *len);

/* A job from such bytes, to compute records with (not to take):
 * RS_S_OK and *out (rs_mix_job_free), RS_S_INPUT for bytes that are not a
 * job, RS_S_NOT_PD, RS_S_NOMEM. */
rs_status rs_mix_job_unpack(const unsigned char *buf, size_t len, rs_mix_job **out);

/* Free an unpacked job; NULL is a no-op. */
void rs_mix_job_free(rs_mix_job *job);

#endif
