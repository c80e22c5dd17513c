/* plotopts.h: the chart options shared by `run`, `sweep` and `compare`
 * (--format, --lang, --no-plots) and the calls into plots/ that print
 * gnuplot's absence as a warning. */
#ifndef RS_PLOTOPTS_H
#define RS_PLOTOPTS_H

#include "../report/report.h"

enum { RS_OPT_FORMAT = 5000, RS_OPT_LANG, RS_OPT_NOPLOTS };

#define RS_PLOT_OPTS                                                                 \
    {"format", 0, "FMT", "chart format: png (default), svg or pdf", RS_OPT_FORMAT},  \
    {"lang", 0, "LANG", "chart language: en (default) or zh (Chinese)", RS_OPT_LANG}, \
    {"no-plots", 0, NULL, "write no charts", RS_OPT_NOPLOTS}

/* Apply option id (RS_OPT_*); prints and returns -1 on a bad value. */
int rs_plot_set(rs_plot_args *a, int id, const char *arg);

/* Charts of a run into o, when enabled. A missing gnuplot is a warning on
 * stderr (RS_OK); a failing gnuplot is RS_ETOOL with err filled. */
int rs_plot_run_maybe(rs_outset *o, const rs_scenario *s, const rs_results *r,
                      const rs_mc_results *mc, const rs_plot_args *a, rs_error *err);

/* Tornado chart of a sweep into o, when enabled (same conventions). */
int rs_plot_tornado_maybe(rs_outset *o, const rs_scenario *s, int metric, double base,
                          const rs_tornado_row *rows, int n, const rs_plot_args *a,
                          rs_error *err);

/* Comparison charts of c into o, when enabled (same conventions as
 * rs_plot_run_maybe: a missing gnuplot is a warning and RS_OK). */
int rs_plot_compare_maybe(rs_outset *o, const rs_compare *c, const rs_plot_args *a,
                          rs_error *err);

#endif
