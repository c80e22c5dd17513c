/* chart.h: private to plots/: the context a run chart is drawn with, the
 * helpers the run-chart files share (charts.c), and each chart's draw
 * function (flowcharts.c, leverchart.c, comchart.c, mccharts.c,
 * tornado.c). */
#ifndef RS_CHART_H
#define RS_CHART_H

#include "gpdraw.h"

/* Everything a run chart function reads: the pen (script, canvas, language,
 * money unit, layout) and the input. */
typedef struct {
    rs_gp_pen pen;
    const rs_plot_input *in;
    const rs_scenario *s;
    const rs_results *r;
    const rs_mc_results *mc;
    rs_chart kind;
} rs_run_chart;

/* Title of chart c's kind in its language (the chart table's). */
const char *rs_run_title(const rs_run_chart *c);

/* The head (rs_gp_head) with the two-line title: subject, then the
 * scenario name and `note` (NULL: none, e.g. the number of runs). */
void rs_run_head(rs_run_chart *c, const char *subject, const char *note);

/* x axis of yearly charts: programme years 1..Y, `pad` beyond each end. */
void rs_run_year_axis(rs_run_chart *c, int years, double pad);

/* x axis of monthly charts: years elapsed, 0..Y. */
void rs_run_elapsed_axis(rs_run_chart *c, int years);

/* Widen [*lo, *hi] by `below` and `above` times its span; an empty range
 * (all values equal, e.g. all zero) becomes one unit either side. */
void rs_run_pad_range(double *lo, double *hi, double below, double above);

/* The draw function of each chart: RS_OK, or RS_ESOFTWARE when out of
 * memory. */
int rs_draw_coverage(rs_run_chart *c);
int rs_draw_revenue(rs_run_chart *c);
int rs_draw_fund(rs_run_chart *c);
int rs_draw_cashflow(rs_run_chart *c);
int rs_draw_debt(rs_run_chart *c);
int rs_draw_levers(rs_run_chart *c);
int rs_draw_run_communities(rs_run_chart *c);
int rs_draw_fan_net(rs_run_chart *c);
int rs_draw_fan_coverage(rs_run_chart *c);
int rs_draw_npv_hist(rs_run_chart *c);
int rs_draw_tornado(rs_run_chart *c);

/* The indices 0..n-1 into order, sorted by score, largest first (NaN
 * last, ties in index order). RS_OK or RS_ESOFTWARE when out of memory. */
int rs_chart_rank(const double *score, int n, int *order);

/* Most levers the revenue and lever charts show one by one; beyond, the
 * rest is one "other" entry (so 5,000 levers draw as fast as 12). */
#define RS_CHART_TOP_LEVERS 10

/* Coverage of the deficit by year of every community of s (results r):
 * each one a line when there are few, else the spread as a band with the
 * ones still in deficit in the stabilized year drawn on their own; the
 * whole portfolio and the 100% line. The title is `subject`, the subtitle
 * `name`. Shared by the run chart communities.png and the comparison's
 * communities_ID.png. */
int rs_gp_draw_communities(rs_gp_pen *p, const rs_scenario *s, const rs_results *r,
                           const char *what, const char *stem, const char *subject,
                           const char *name);

/* 1 when r has a debt service in some year. */
int rs_chart_has_debt(const rs_results *r);

#endif
