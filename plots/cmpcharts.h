/* cmpcharts.h: the charts of `revsim compare` (revenue gain over the
 * baseline, coverage by year, NPV distributions, coverage by community),
 * drawn by gnuplot like the run charts (svg.h draws any chart as SVG text
 * in memory, for report.html). plots/ reads only result structs: the
 * caller translates its comparison into rs_cmp_plot_input. */
#ifndef RS_PLOTS_COMPARE_H
#define RS_PLOTS_COMPARE_H

#include "plots.h"

/* One scenario of a comparison. Pointers are borrowed. */
typedef struct {
    const char *id;              /* short unique id (file stem); names chart files */
    const rs_scenario *s;
    const rs_results *r;         /* base case */
    const rs_mc_results *mc;     /* NULL when Monte Carlo did not run */
} rs_cmp_plot_item;

/* The comparison: items, which one is the baseline, and the number of
 * years every scenario has (the yearly charts stop there). */
typedef struct {
    const rs_cmp_plot_item *items;
    int n, baseline, years;
} rs_cmp_plot_input;

/* Comparison chart kinds. RS_CMP_COMMUNITIES is drawn once per scenario
 * with more than one community (`item` names it). */
typedef enum {
    RS_CMP_GAIN, RS_CMP_COVERAGE, RS_CMP_NPV, RS_CMP_COMMUNITIES, RS_CMP_N
} rs_cmp_chart;

/* File name of chart k (of item `item` for RS_CMP_COMMUNITIES) in format f:
 * "compare_revenue_gain.png", "compare_coverage.png", "compare_npv.png",
 * "communities_ID.png"; into buf (n >= 32; longer ids need more). */
const char *rs_cmp_chart_file(rs_cmp_chart k, const rs_cmp_plot_input *in, int item,
                              rs_plot_format f, char *buf, size_t n);

/* 1 when chart k (of item for RS_CMP_COMMUNITIES) is drawn for in: the gain
 * and coverage charts always, the NPV chart when any scenario has Monte
 * Carlo runs, the community chart for a scenario with ncom > 1. */
int rs_cmp_chart_wanted(rs_cmp_chart k, const rs_cmp_plot_input *in, int item);

/* The gnuplot script of chart k, as rs_plot_script does for the run
 * charts: user text only as single-quoted literals, data only as numbers
 * in datablocks, the chart written to standard output. *script is the
 * caller's to free. RS_ESOFTWARE when out of memory or the chart is not
 * wanted for in. */
int rs_cmp_plot_script(rs_cmp_chart k, const rs_cmp_plot_input *in, int item,
                       const rs_plot_opts *opt, const char *font, char **script,
                       rs_error *err);

/* Write every wanted comparison chart into o (rs_outset_path), with the
 * conventions of rs_plots_write: RS_OK; RS_ETOOL with this call's charts
 * deleted and taken out of o when gnuplot fails or (zh) no CJK font is
 * installed; when gnuplot is missing RS_OK, nothing reserved, *warned = 1
 * (warned may be NULL) and the warning in err->msg with err->code 0. */
int rs_plot_compare(rs_outset *o, const rs_cmp_plot_input *in, const rs_plot_opts *opt,
                    int *warned, rs_error *err);

/* The in-memory SVG backend (rs_plot_svg_*), which draws these charts and
 * the run charts for report.html. */
#include "svg.h"

#endif
