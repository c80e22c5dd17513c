/* cli.h: command and option tables shared by main.c and the cmd_*.c files. */
#ifndef RS_CLI_H
#define RS_CLI_H

#include <getopt.h>
#include <stdio.h>

#define RS_OPT_HELP 1000

/* One option: long name, short letter (0: none), value name (NULL: a flag),
 * help line, and the id passed to the command's setter. */
typedef struct {
    const char *lng;
    char shrt;
    const char *arg;
    const char *help;
    int id;
} rs_opt;

typedef struct rs_command {
    const char *name;
    int (*fn)(int argc, char **argv, const struct rs_command *cmd);
    const char *usage;
    const char *summary;
    const rs_opt *opts;
} rs_command;

int rs_opt_parse(int argc, char **argv, const rs_opt *t, const rs_command *cmd,
                 int (*set)(int id, const char *arg, void *ctx), void *ctx);
void rs_opt_help(FILE *fp, const rs_opt *t);
void rs_command_help(FILE *fp, const rs_command *cmd);
const char *rs_opt_optstring(const rs_opt *t, char *buf, size_t n, struct option *lo);

/* Commands (cmd_*.c) and their option tables. */
int rs_cmd_run(int argc, char **argv, const rs_command *cmd);
int rs_cmd_check(int argc, char **argv, const rs_command *cmd);
int rs_cmd_params(int argc, char **argv, const rs_command *cmd);
int rs_cmd_sweep(int argc, char **argv, const rs_command *cmd);
int rs_cmd_solve(int argc, char **argv, const rs_command *cmd);
int rs_cmd_fit(int argc, char **argv, const rs_command *cmd);
int rs_cmd_compare(int argc, char **argv, const rs_command *cmd);
extern const rs_opt rs_run_opts[], rs_check_opts[], rs_params_opts[], rs_sweep_opts[],
    rs_solve_opts[], rs_fit_opts[], rs_compare_opts[];

/* `revsim optimize` (cmd_optimize.c). */
int rs_cmd_optimize(int argc, char **argv, const rs_command *cmd);
extern const rs_opt rs_optimize_opts[];

/* The one SCENARIO argument after options (at = rs_opt_parse's result), or
 * NULL after printing a usage error (also when at < 0). */
const char *rs_one_arg(int argc, char **argv, int at, const rs_command *cmd);

/* Parse a whole-number option value in [min, max]; prints and returns -1. */
int rs_parse_count(const char *opt, const char *arg, long long min, long long max,
                   long long *out);

/* Number of online cores (>= 1). */
int rs_default_threads(void);

/* The Monte Carlo options shared by `run` and `compare`. */
enum { RS_OPT_RUNS = 5100, RS_OPT_SEED, RS_OPT_THREADS };
#define RS_MC_OPTS(runs_help, seed_help)                                       \
    {"runs", 'n', "N", runs_help, RS_OPT_RUNS},                                 \
    {"seed", 0, "S", seed_help, RS_OPT_SEED},                                   \
    {"threads", 'j', "N", "worker threads (default: all cores)", RS_OPT_THREADS}

/* Their values; -1 where not given. */
typedef struct {
    long runs, threads;
    long long seed;
} rs_mc_args;

void rs_mc_args_init(rs_mc_args *a);

/* Apply option id: 0 when applied, -1 on a bad value (printed), 1 when id is
 * not a Monte Carlo option. */
int rs_mc_set(rs_mc_args *a, int id, const char *arg);

/* Threads to use: --threads or all cores. */
int rs_mc_threads(const rs_mc_args *a);

/* A progress bar on stderr (pass it only when stderr is a terminal). */
void rs_progress_bar(long done, long total, void *ctx);

/* Print src's warnings, one line each: "revsim CMD: warning: ...". */
void rs_print_warnings(const void *src, const char *cmd);

/* Print "revsim: MESSAGE" for err to stderr and return its code. */
int rs_report(const char *cmd, int code, const char *msg);

#endif
