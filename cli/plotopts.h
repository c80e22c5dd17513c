/* plotopts.h: the chart options shared by `run`, `sweep` and `compare`
 * (--format, --lang, --no-plots: one definition, OPT_PLOTS) and the calls
 * into plots/ that turn gnuplot's absence into a warning. */
#ifndef RS_PLOTOPTS_H
#define RS_PLOTOPTS_H

#include "../report/report.h"
#include "cli.h"

/* --format, --lang and --no-plots bound to the rs_plot_args *pa (which the
 * command sets to rs_plot_args_init's defaults before parsing). */
#define OPT_PLOTS(pa)                                                                      \
    OPT_CALLBACK_CHOICE(0, "format", pa, "png|svg|pdf", "chart format (default png)",       \
                        rs_plot_opt_format),                                               \
    OPT_CALLBACK_CHOICE(0, "lang", pa, "en|zh",                                            \
                        "language of the charts (and report.html): en (default) or zh",       \
                        rs_plot_opt_lang),                                                 \
    OPT_SET_INT(0, "no-plots", &(pa)->enabled, 0, "write no charts")

/* Their callbacks: set opt->value's format or language from arg (already
 * one of the row's choices). */
int rs_plot_opt_format(const rs_option *opt, const char *arg, rs_error *err);
int rs_plot_opt_lang(const rs_option *opt, const char *arg, rs_error *err);

/* Charts of a run into o, when enabled. A missing gnuplot is a warning
 * (rs_warn, for command cmd) and RS_OK; a failing gnuplot is RS_ETOOL with
 * err filled. */
int rs_plot_run_maybe(rs_outset *o, const rs_scenario *s, const rs_results *r,
                      const rs_mc_results *mc, const rs_plot_args *a, const char *cmd,
                      rs_error *err);

/* Tornado chart of a sweep into o, when enabled (same conventions). */
int rs_plot_tornado_maybe(rs_outset *o, const rs_scenario *s, int metric, double base,
                          const rs_tornado_row *rows, int n, const rs_plot_args *a,
                          const char *cmd, rs_error *err);

/* Comparison charts of c into o, when enabled (same conventions as
 * rs_plot_run_maybe: a missing gnuplot is a warning and RS_OK). */
int rs_plot_compare_maybe(rs_outset *o, const rs_compare *c, const rs_plot_args *a,
                          const char *cmd, rs_error *err);

#endif
