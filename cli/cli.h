/* cli.h: what main.c and the cmd_*.c files share: option rows that bind
 * their variables (git's OPT_* style) and drive getopt_long, the usage line
 * and --help; the command table row; the one warning function; small
 * helpers (counted nouns, terminal-safe text, the progress bar).
 *
 * A new option is one row in its command's table, bound to a field of the
 * command's file-scope argument struct (which the command resets to its
 * defaults before parsing). A new command is one row in main.c's table and
 * one cmd_*.c holding its table and
 *     int rs_cmd_x(int argc, char **argv, const rs_command *cmd, rs_error *err)
 *     {
 *         x_a = (x_args){defaults};
 *         int at, rc = rs_opt_parse(argc, argv, cmd, &at, err);
 *         if (rc)
 *             return rc;          (RS_HELP or a usage error: main prints it)
 *         ... argv[at] is the first operand; return 0, or a code with err filled
 *     }
 * Commands print results to stdout; warnings only through rs_warn; errors
 * never (main prints err, and the usage line after a usage error). */
#ifndef RS_CLI_H
#define RS_CLI_H

#include <stdio.h>
#include "../base/error.h"

/* Not an exit status: what a command returns when --help was asked; main
 * prints the command's help to stdout and exits 0. */
#define RS_HELP (-1)

/* ------------------------------------------------------------ options */

typedef enum {
    RS_OPTT_END,       /* ends a table */
    RS_OPTT_STRING,    /* value: const char ** (argv's text) */
    RS_OPTT_INT,       /* value: long long *, a whole number in [min, max] */
    RS_OPTT_SET_INT,   /* value: int *, set to `min` (a flag) */
    RS_OPTT_CHOICE,    /* value: int *, the index of the word among `choices` */
    RS_OPTT_CALLBACK   /* cb(opt, arg, err) with `value` as its context;
                        * with `choices`, arg is checked against them first */
} rs_opt_type;

#define RS_OPT_REQUIRED 1u   /* the option must be given (usage shows it unbracketed) */

typedef struct rs_option rs_option;
struct rs_option {
    rs_opt_type type;
    char shrt;              /* short letter, 0: none */
    const char *lng;        /* long name without "--" */
    void *value;            /* the variable the option sets */
    const char *argh;       /* value name in usage and help; NULL: a flag
                             * (CHOICE: NULL shows the choices "a|b|c") */
    const char *help;       /* one line for --help */
    long long min, max;     /* INT: bounds; SET_INT: min is the value set */
    const char *choices;    /* CHOICE (and CALLBACK): "png|svg|pdf" */
    int (*cb)(const rs_option *opt, const char *arg, rs_error *err);
    unsigned flags;         /* RS_OPT_REQUIRED */
};

/* The rows. `v` is a pointer to the variable (types above); a table ends
 * with OPT_END(). -h/--help is added to every table by the parser. */
#define OPT_END() {RS_OPTT_END, 0, NULL, NULL, NULL, NULL, 0, 0, NULL, NULL, 0}
#define OPT_STRING(s, l, v, a, h) {RS_OPTT_STRING, s, l, v, a, h, 0, 0, NULL, NULL, 0}
#define OPT_INT(s, l, v, a, lo, hi, h) {RS_OPTT_INT, s, l, v, a, h, lo, hi, NULL, NULL, 0}
#define OPT_SET_INT(s, l, v, i, h) {RS_OPTT_SET_INT, s, l, v, NULL, h, i, 0, NULL, NULL, 0}
#define OPT_BOOL(s, l, v, h) OPT_SET_INT(s, l, v, 1, h)
#define OPT_CHOICE(s, l, v, ch, h) {RS_OPTT_CHOICE, s, l, v, NULL, h, 0, 0, ch, NULL, 0}
#define OPT_CALLBACK(s, l, v, a, h, f) {RS_OPTT_CALLBACK, s, l, v, a, h, 0, 0, NULL, f, 0}
#define OPT_CALLBACK_CHOICE(s, l, v, ch, h, f) \
    {RS_OPTT_CALLBACK, s, l, v, NULL, h, 0, 0, ch, f, 0}
/* An OPT_STRING that must be given. */
#define OPT_REQUIRED_STRING(s, l, v, a, h) \
    {RS_OPTT_STRING, s, l, v, a, h, 0, 0, NULL, NULL, RS_OPT_REQUIRED}

/* --------------------------------------------------- shared option groups */

/* The Monte Carlo options of `run` and `compare`; -1 where not given. */
typedef struct {
    long long runs, seed, threads;
} rs_mc_args;
#define RS_MC_ARGS_INIT {-1, -1, -1}
#define RS_RUNS_MAX 10000000LL

/* --runs/--seed/--threads bound to the rs_mc_args *mc; `whose` names where
 * the defaults come from ("the scenario's"). */
#define OPT_MC(mc, whose)                                                                \
    OPT_INT('n', "runs", &(mc)->runs, "N", 0, RS_RUNS_MAX,                                \
            "Monte Carlo runs (default: " whose " `runs`; 0 = none)"),                    \
    OPT_INT(0, "seed", &(mc)->seed, "S", 0, 4294967295LL,                                 \
            "Monte Carlo seed (default: " whose " `seed`)"),                              \
    OPT_INT('j', "threads", &(mc)->threads, "N", 1, 1024, "worker threads (default: all cores)")

/* Threads to use: --threads or all cores. */
int rs_mc_threads(const rs_mc_args *a);

/* --excel bound to the int *x (run, compare, sweep). */
#define OPT_EXCEL(x) \
    OPT_BOOL(0, "excel", x, "start CSV files with a UTF-8 BOM so Excel shows Chinese names")

/* --no-xlsx (clears the int *x; the workbook is named `file`) and --strict
 * (sets *x) for the commands that have them. */
#define OPT_NO_XLSX(x, file) OPT_SET_INT(0, "no-xlsx", x, 0, "write no " file)
#define OPT_STRICT(x) \
    OPT_BOOL(0, "strict", x, "treat warnings (values or results far outside their typical " \
             "ranges) as errors")

/* ------------------------------------------------------------- commands */

/* One command: a row of main.c's table. `args` is the usage of its
 * operands ("SCENARIO", "[SECTION]"), of which it takes nmin to nmax (-1:
 * any number). fn gets argv after the command name, returns 0, RS_HELP, or
 * an exit status with err filled; only main prints errors. */
typedef struct rs_command {
    const char *name;
    int (*fn)(int argc, char **argv, const struct rs_command *cmd, rs_error *err);
    const char *args;
    int nmin, nmax;
    const char *summary;
    const rs_option *opts;
} rs_command;

/* Parse argv (argv[0] is the command name) by cmd->opts, setting the bound
 * variables, and check the operand count and required options. RS_OK with
 * *at the index of the first operand; RS_HELP for -h/--help; RS_EUSAGE with
 * err filled ("unknown option '--x'", "option '--runs' takes ..."). */
int rs_opt_parse(int argc, char **argv, const rs_command *cmd, int *at, rs_error *err);

/* The usage line of cmd without "usage: " ("revsim run SCENARIO [-o DIR] ..."). */
void rs_command_usage(FILE *fp, const rs_command *cmd);

/* usage line, summary and one line an option (ending with -h, --help). */
void rs_command_help(FILE *fp, const rs_command *cmd);

/* Index of arg among opt->choices, or RS_EUSAGE with err filled ("option
 * '--format' must be png, svg or pdf, got 'gif'"); *idx set on success. */
int rs_opt_choice(const rs_option *opt, const char *arg, int *idx, rs_error *err);

/* Commands (cmd_*.c) and their option tables. */
int rs_cmd_run(int argc, char **argv, const rs_command *cmd, rs_error *err);
int rs_cmd_check(int argc, char **argv, const rs_command *cmd, rs_error *err);
int rs_cmd_params(int argc, char **argv, const rs_command *cmd, rs_error *err);
int rs_cmd_sweep(int argc, char **argv, const rs_command *cmd, rs_error *err);
int rs_cmd_solve(int argc, char **argv, const rs_command *cmd, rs_error *err);
int rs_cmd_fit(int argc, char **argv, const rs_command *cmd, rs_error *err);
int rs_cmd_compare(int argc, char **argv, const rs_command *cmd, rs_error *err);
int rs_cmd_optimize(int argc, char **argv, const rs_command *cmd, rs_error *err);
extern const rs_option rs_run_opts[], rs_check_opts[], rs_params_opts[], rs_sweep_opts[],
    rs_solve_opts[], rs_fit_opts[], rs_compare_opts[], rs_optimize_opts[];

/* ------------------------------------------------------------- printing */

/* The one way anything but main writes to stderr: "revsim CMD: warning:
 * MESSAGE" (cmd NULL: "revsim: warning: ..."), control characters of the
 * message cleaned. */
void rs_warn(const char *cmd, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* Every warning of a scenario source (rs_source), through rs_warn. */
void rs_print_warnings(const void *src, const char *cmd);

/* With strict set, the first of src's warnings as an error (RS_EDATA):
 * `--strict` makes advice binding. RS_OK otherwise. */
int rs_strict(const void *src, int strict, rs_error *err);

/* The Monte Carlo progress bar: the other writer to stderr, a line
 * redrawn in place (pass it only when stderr is a terminal). */
void rs_progress_bar(long done, long total, void *ctx);

/* A progress line of another long task (optimize), redrawn in place like
 * the progress bar; NULL clears it. Pass only when stderr is a terminal. */
void rs_progress_line(const char *line);

/* "1 community", "3 communities": n and the noun for n, into buf. */
const char *rs_count(long n, const char *one, const char *many, char *buf, size_t sz);

/* s fit for the terminal (rs_utf8_clean: control characters as spaces,
 * invalid UTF-8 as '?'), into buf; "" for NULL. */
const char *rs_tty(const char *s, char *buf, size_t n);

/* Number of online cores (>= 1). */
int rs_default_threads(void);

#endif
