/* mpi_main.c: revsim-mpi, the revsim command line with its Monte Carlo runs
 * spread over MPI ranks (docs/scale.md). Rank 0 runs the command exactly as
 * revsim does: it reads the files and writes every output. Each Monte Carlo
 * it starts (run, compare: rs_mc_run) sends the scenario as bytes to the
 * other ranks; every rank runs its share of the blocks of runs and sends
 * its part back; rank 0 merges the parts. revsim optimize's passes over its
 * samples (rs_mix_job) go the same way: each rank computes the records of
 * a share of the samples, and rank 0 takes them in sample order. Parts hold rows by run and
 * order-independent sums, so the outputs are byte for byte those of revsim
 * with the same seed, for any number of ranks. The other ranks never read
 * a file or print: they serve until rank 0 says the command is over.
 * Built by `make mpi` only (mpicc); the normal build has no MPI in it.
 * REVSIM_MPI_STATS=1 prints, from rank 0, what each Monte Carlo sent. */
#define _POSIX_C_SOURCE 200809L
#include <limits.h>
#include <mpi.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "../models/montecarlo.h"
#include "../models/optimize.h"
#include "../models/scenpack.h"

/* cli/main.c's main, compiled under this name for revsim-mpi (Makefile) */
int rs_cli_main(int argc, char **argv);

enum { JOB_RUN = 1, JOB_SKIP = 2, JOB_END = 3, JOB_MIX = 4 };
enum { TAG_PART = 7 };

/* What rank 0 broadcasts before each Monte Carlo. */
typedef struct {
    int64_t kind, runs, seed, threads, nbytes;
} job;

static int nranks = 1;
static int stats;   /* REVSIM_MPI_STATS set: print traffic and times from rank 0 */

static double now(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + 1e-9 * (double)t.tv_nsec;
}

/* Items [*a, *b) of n for rank r: an equal share, in rank order. */
static void split(long n, int r, long *a, long *b)
{
    *a = n * r / nranks;
    *b = n * (r + 1) / nranks;
}

/* Blocks [*b0, *b1) of a Monte Carlo's runs for rank r. */
static void share(long runs, int r, long *b0, long *b1)
{
    split(rs_mc_blocks(runs), r, b0, b1);
}

/* Rank 0: rank r's next message (*n bytes), malloc'ed; NULL when memory
 * ran out (the message is taken and dropped: rank r's share runs here). */
static void *recv_part(int r, int *n)
{
    MPI_Status st;
    MPI_Probe(r, TAG_PART, MPI_COMM_WORLD, &st);
    MPI_Get_count(&st, MPI_BYTE, n);
    void *buf = malloc(*n > 0 ? (size_t)*n : 1);
    MPI_Recv(buf, buf ? *n : 0, MPI_BYTE, r, TAG_PART, MPI_COMM_WORLD, MPI_STATUS_IGNORE);
    return buf;
}

/* Ranks 1..: the nbytes rank 0 broadcasts after a job, malloc'ed (out of
 * memory aborts: the bytes must still be taken off the broadcast). */
static unsigned char *bcast_take(int rank, int64_t nbytes)
{
    unsigned char *b = malloc(nbytes > 0 ? (size_t)nbytes : 1);
    if (!b) {
        fprintf(stderr, "revsim-mpi: rank %d: out of memory\n", rank);
        MPI_Abort(MPI_COMM_WORLD, 70);
    }
    MPI_Bcast(b, (int)nbytes, MPI_BYTE, 0, MPI_COMM_WORLD);
    return b;
}

/* Ranks 1..: the share's len bytes to rank 0 when ok, else the 1-byte
 * message that says rank 0 must do this share itself. */
static void send_part(const void *buf, size_t len, int ok)
{
    if (ok && len <= INT_MAX) {
        MPI_Send(buf, (int)len, MPI_BYTE, 0, TAG_PART, MPI_COMM_WORLD);
    } else {
        unsigned char failed = 1;
        MPI_Send(&failed, 1, MPI_BYTE, 0, TAG_PART, MPI_COMM_WORLD);
    }
}

/* Rank r's part, run here (when rank r could not): merged into `into`. */
static rs_status run_here(const rs_scenario *s, const rs_mc_opts *opt, int r, rs_mc_part *into)
{
    long b0, b1;
    share(opt->runs, r, &b0, &b1);
    rs_mc_opts o = *opt;
    o.progress = NULL;
    rs_mc_part *p;
    rs_status rc = rs_mc_part_run(s, &o, RS_MC_EXACT_RUNS, b0, b1, &p);
    unsigned char *buf = NULL;
    size_t len = 0;
    if (rc == RS_S_OK)
        rc = rs_mc_part_pack(p, &buf, &len);
    if (rc == RS_S_OK)
        rc = rs_mc_part_merge(into, buf, len);
    free(buf);
    rs_mc_part_free(p);
    return rc;
}

/* rs_mc_run on rank 0: the scenario to every rank, rank 0's share here, the
 * others' parts merged as they come. */
static rs_status root_runner(const rs_scenario *s, const rs_mc_opts *opt, rs_mc_results **out,
                             void *ctx)
{
    (void)ctx;
    const double t0 = now();
    unsigned char *sb = NULL;
    size_t sn = 0;
    rs_status rc = rs_scenario_pack(s, &sb, &sn);
    job j = {JOB_RUN, opt->runs > 0 ? opt->runs : 1, (int64_t)opt->seed, opt->threads,
             (int64_t)sn};
    if (rc != RS_S_OK || sn > INT_MAX)
        j.kind = JOB_SKIP;   /* the others sit this one out: all of it runs here */
    MPI_Bcast(&j, 5, MPI_INT64_T, 0, MPI_COMM_WORLD);
    if (j.kind == JOB_RUN)
        MPI_Bcast(sb, (int)sn, MPI_BYTE, 0, MPI_COMM_WORLD);
    free(sb);
    const double t1 = now();

    rs_mc_opts o = *opt;
    o.runs = (long)j.runs;
    long b0, b1;
    share(o.runs, 0, &b0, &b1);
    rs_mc_part *part = NULL;
    rc = rs_mc_part_run(s, &o, RS_MC_EXACT_RUNS, b0, b1, &part);
    const double t2 = now();
    long received = 0;
    for (int r = 1; r < nranks; r++) {
        int n = 0;
        unsigned char *buf = NULL;
        if (j.kind == JOB_RUN) {
            buf = recv_part(r, &n);
            received += n;
        }
        if (rc == RS_S_OK) {
            /* a 1-byte message says rank r failed; then (or on a bad part) run it here */
            if (!buf || n <= 1 || rs_mc_part_merge(part, buf, (size_t)n) != RS_S_OK)
                rc = run_here(s, &o, r, part);
        }
        free(buf);
    }
    if (rc == RS_S_OK)
        rc = rs_mc_part_finish(part, out);
    rs_mc_part_free(part);
    if (stats)
        fprintf(stderr, "revsim-mpi: %ld runs on %d ranks: scenario %ld bytes to each rank "
                "(%.3f s), rank 0's share %.3f s, parts received %ld bytes "
                "(%.0f a rank), wait and merge %.3f s\n",
                (long)j.runs, nranks, (long)j.nbytes, t1 - t0, t2 - t1, received,
                nranks > 1 ? (double)received / (nranks - 1) : 0.0, now() - t2);
    return rc;
}

/* An optimize pass on rank 0: the job to every rank, rank 0's share here,
 * then each rank's records taken in rank (and so sample) order. */
static rs_status mix_root(rs_mix_job *jb, void *ctx)
{
    (void)ctx;
    const double t0 = now();
    const long n = rs_mix_job_samples(jb);
    const size_t w = rs_mix_job_width(jb);
    unsigned char *sb = NULL;
    size_t sn = 0;
    rs_status rc = rs_mix_job_pack(jb, &sb, &sn);
    if (rc != RS_S_OK || sn > INT_MAX) {   /* the others wait for the next job */
        free(sb);
        return rs_mix_job_work(jb, 0, n);
    }
    job j = {JOB_MIX, n, 0, 0, (int64_t)sn};
    MPI_Bcast(&j, 5, MPI_INT64_T, 0, MPI_COMM_WORLD);
    MPI_Bcast(sb, (int)sn, MPI_BYTE, 0, MPI_COMM_WORLD);
    free(sb);
    long k0, k1;
    split(n, 0, &k0, &k1);
    rc = rs_mix_job_work(jb, k0, k1);
    const double t1 = now();
    long received = 0;
    for (int r = 1; r < nranks; r++) {
        int got = 0;
        double *rec = recv_part(r, &got);
        received += got;
        split(n, r, &k0, &k1);
        if (rc == RS_S_OK) {
            /* a 1-byte message (or one of the wrong size) says rank r failed: its share runs here */
            if (rec && (size_t)got == (size_t)(k1 - k0) * w * sizeof(double))
                rc = rs_mix_job_take(jb, k0, k1, rec);
            else
                rc = rs_mix_job_work(jb, k0, k1);
        }
        free(rec);
    }
    if (stats)
        fprintf(stderr, "revsim-mpi: optimize pass of %ld samples on %d ranks: job %ld bytes to "
                "each rank, rank 0's share %.3f s, records received %ld bytes (%.0f a rank), "
                "wait and take %.3f s\n", n, nranks, (long)sn, t1 - t0, received,
                nranks > 1 ? (double)received / (nranks - 1) : 0.0, now() - t1);
    return rc;
}

/* Ranks 1..: an optimize pass's share of the samples, records to rank 0. */
static void mix_serve(int rank, const job *j)
{
    unsigned char *sb = bcast_take(rank, j->nbytes);
    rs_mix_job *jb = NULL;
    rs_status rc = rs_mix_job_unpack(sb, (size_t)j->nbytes, &jb);
    free(sb);
    double *rec = NULL;
    size_t len = 0;
    if (rc == RS_S_OK) {
        long k0, k1;
        split(rs_mix_job_samples(jb), rank, &k0, &k1);
        const size_t nd = (size_t)(k1 - k0) * rs_mix_job_width(jb);
        len = nd * sizeof *rec;
        rec = malloc(nd ? len : 1);
        rc = !rec ? RS_S_NOMEM : rs_mix_job_compute(jb, k0, k1, rec);
    }
    rs_mix_job_free(jb);
    send_part(rec, len, rc == RS_S_OK);
    free(rec);
}

/* Ranks 1..: run a share of every Monte Carlo rank 0 starts, until it ends. */
static void serve(int rank)
{
    for (;;) {
        job j;
        MPI_Bcast(&j, 5, MPI_INT64_T, 0, MPI_COMM_WORLD);
        if (j.kind == JOB_END)
            return;
        if (j.kind == JOB_MIX) {
            mix_serve(rank, &j);
            continue;
        }
        if (j.kind != JOB_RUN)
            continue;
        unsigned char *sb = bcast_take(rank, j.nbytes);
        rs_scenario s;
        rs_scenario_init(&s);
        rs_status rc = rs_scenario_unpack(&s, sb, (size_t)j.nbytes);
        free(sb);
        unsigned char *buf = NULL;
        size_t len = 0;
        if (rc == RS_S_OK) {
            rs_mc_opts o = {(long)j.runs, (unsigned long)j.seed, (int)j.threads, NULL, NULL};
            long b0, b1;
            share(o.runs, rank, &b0, &b1);
            rs_mc_part *p;
            rc = rs_mc_part_run(&s, &o, RS_MC_EXACT_RUNS, b0, b1, &p);
            if (rc == RS_S_OK)
                rc = rs_mc_part_pack(p, &buf, &len);
            rs_mc_part_free(p);
        }
        rs_scenario_release(&s);
        send_part(buf, len, rc == RS_S_OK && len > 1);
        free(buf);
    }
}

int main(int argc, char **argv)
{
    int provided = 0, rank = 0;
    if (MPI_Init_thread(&argc, &argv, MPI_THREAD_FUNNELED, &provided) != MPI_SUCCESS) {
        fprintf(stderr, "revsim-mpi: MPI_Init failed\n");
        return 70;
    }
    MPI_Comm_rank(MPI_COMM_WORLD, &rank);
    MPI_Comm_size(MPI_COMM_WORLD, &nranks);
    const char *st = getenv("REVSIM_MPI_STATS");
    stats = st && *st && strcmp(st, "0") != 0;
    int rc = 0;
    if (rank == 0) {
        if (nranks > 1) {
            rs_mc_set_runner(root_runner, NULL);
            rs_mix_set_runner(mix_root, NULL);
        }
        rc = rs_cli_main(argc, argv);
        fflush(stdout);
        if (nranks > 1) {
            job end = {JOB_END, 0, 0, 0, 0};
            MPI_Bcast(&end, 5, MPI_INT64_T, 0, MPI_COMM_WORLD);
        }
    } else {
        serve(rank);
    }
    MPI_Finalize();
    return rc;
}
