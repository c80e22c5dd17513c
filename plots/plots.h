/* plots.h: the charts of a run (coverage, revenue by lever, fund, cash
 * flow, debt service, lever league, communities, Monte Carlo fans and NPV
 * histogram) and of a sweep (tornado), drawn
 * by gnuplot run without a shell, the script written to its standard input
 * and the chart read from its standard output. docs/charts.md shows them. */
#ifndef RS_PLOTS_H
#define RS_PLOTS_H

#include "../models/model.h"
#include "../models/montecarlo.h"
#include "../base/outset.h"
#include "../base/error.h"

typedef enum { RS_FMT_PNG, RS_FMT_SVG, RS_FMT_PDF } rs_plot_format;
typedef enum { RS_LANG_EN, RS_LANG_ZH } rs_plot_lang;

typedef struct {
    rs_plot_format format;   /* pngcairo / svg / pdfcairo */
    rs_plot_lang lang;
    const char *gnuplot;     /* program to run; NULL = "gnuplot" found on PATH */
} rs_plot_opts;

/* Whether to draw charts, and how. */
typedef struct {
    int enabled;
    rs_plot_opts opts;
} rs_plot_args;

/* Defaults: charts on, PNG, English, gnuplot from $REVSIM_GNUPLOT or PATH. */
void rs_plot_args_init(rs_plot_args *a);

/* Write the run charts (coverage, revenue by lever, fund, cumulative cash flow;
 * debt service, lever league and communities when rs_chart_wanted says so;
 * and when mc != NULL the fan charts of yearly net income and coverage and the
 * NPV histogram) into the output set o via rs_outset_path() (so they are renamed
 * into place with the CSVs, or removed on failure). opt NULL means PNG, English,
 * gnuplot on PATH. Returns RS_OK; RS_ETOOL with err filled when gnuplot fails,
 * dies, writes an empty file or not the format asked for, or (lang zh) no CJK
 * font is installed; the chart files of this call are then already deleted
 * and taken out of o, so o may still be committed (CSVs without charts) or
 * aborted.
 * When gnuplot is not installed returns RS_OK, reserves and writes no chart
 * and sets *warned to 1 with the warning text in err->msg but err->code left
 * 0 (the caller prints it). *warned is set to 0 otherwise (warned may be NULL). */
int rs_plots_write(rs_outset *o, const rs_scenario *s, const rs_results *r,
                   const rs_mc_results *mc, const rs_plot_opts *opt, int *warned,
                   rs_error *err);

/* One parameter of a sweep: its label (e.g. "shops:east.rent"), its low and
 * high values, and the metric with the parameter at low and at high. */
typedef struct {
    const char *label;
    double low, high;
    double metric_low, metric_high;
} rs_tornado_row;

/* Most rows a tornado chart shows (the largest swings). */
#define RS_TORNADO_MAX 20

/* Tornado chart for `revsim sweep` into o as tornado.EXT: one bar per row
 * around `base` (the metric of the base case), sorted by swing
 * |metric_high - metric_low|, largest first (rows need not be sorted; at
 * most RS_TORNADO_MAX are drawn). metric_name is an rs_metrics name (its unit
 * picks the number format); metric_label its axis text (NULL: the metric's
 * label in opt->lang). Returns like rs_plots_write; when gnuplot is not
 * installed, RS_OK with no chart and the warning in err->msg, err->code left
 * 0 (this entry point has no `warned`: test err->msg[0]). */
int rs_plot_tornado(rs_outset *o, const rs_scenario *s, const char *metric_name,
                    const char *metric_label, double base, const rs_tornado_row *rows, int n,
                    const rs_plot_opts *opt, rs_error *err);

/* Chart kinds, in the order rs_plots_write draws them (the tornado is
 * rs_plot_tornado's). */
typedef enum {
    RS_CHART_COVERAGE, RS_CHART_REVENUE, RS_CHART_FUND, RS_CHART_CASHFLOW,
    RS_CHART_DEBT, RS_CHART_LEVERS, RS_CHART_COMMUNITIES,
    RS_CHART_FAN_NET, RS_CHART_FAN_COVERAGE, RS_CHART_NPV_HIST, RS_CHART_TORNADO,
    RS_CHART_N
} rs_chart;

/* File name of chart k in format f ("coverage.png") into buf (n >= 32). */
const char *rs_chart_file(rs_chart k, rs_plot_format f, char *buf, size_t n);

/* Everything a chart is drawn from: s always; r for the run charts and the
 * fans' base case; mc for the fans and the histogram; the rest for the
 * tornado (see rs_plot_tornado). Pointers are borrowed. */
typedef struct {
    const rs_scenario *s;
    const rs_results *r;
    const rs_mc_results *mc;
    const char *metric_name, *metric_label;
    double base;
    const rs_tornado_row *rows;
    int nrows;
} rs_plot_input;

/* The gnuplot script of chart k (it writes the chart to gnuplot's standard
 * output) as a NUL-terminated string in *script, which the caller frees.
 * `font` is the terminal's font family (NULL: "Sans"; rs_plots_write passes
 * the CJK font it found for zh). User text (names, currency, start, labels)
 * appears only as single-quoted literals; data only as numbers in
 * datablocks. RS_ESOFTWARE when out of memory or the input lacks what chart
 * k needs. Used by rs_plots_write and rs_plot_tornado, and by the golden
 * tests. */
int rs_plot_script(rs_chart k, const rs_plot_input *in, const rs_plot_opts *opt,
                   const char *font, char **script, rs_error *err);

/* 1 when chart k is drawn for in: coverage, revenue by lever, fund and
 * cash flow with r; the debt chart when r has debt service in some year;
 * the lever league when the scenario has levers; the community chart when
 * it has more than one community; the fans and the histogram with Monte
 * Carlo runs over r's years; the tornado with rows (none is a chart that
 * says so). rs_plot_script refuses a chart that is not wanted. */
int rs_chart_wanted(rs_chart k, const rs_plot_input *in);

#endif
