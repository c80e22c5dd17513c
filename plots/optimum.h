/* optimum.h: the chart of `revsim optimize`: the size chosen for each sized
 * or optional lever against its maximum (optimum.png), drawn by gnuplot
 * with the run charts' machinery (gpdraw.h). plots/ reads only result
 * structs: the scenario and the optimum. */
#ifndef RS_PLOTS_OPTIMUM_H
#define RS_PLOTS_OPTIMUM_H

#include "../models/optimize.h"
#include "plots.h"

/* Most levers the chart shows (the first ones, in the scenario's order). */
#define RS_OPTIMUM_MAX 24

/* File name of the chart in format f ("optimum.png") into buf (n >= 16). */
const char *rs_optimum_chart_file(rs_plot_format f, char *buf, size_t n);

/* The gnuplot script of the chart (written to gnuplot's standard output)
 * in *script, the caller's to free; `font` as rs_plot_script's. User text
 * only as single-quoted literals, data only as numbers. RS_ESOFTWARE when
 * out of memory or res has no lever. */
int rs_optimum_plot_script(const rs_scenario *s, const rs_mix_result *res,
                           const rs_plot_opts *opt, const char *font, char **script,
                           rs_error *err);

/* Draw the chart into o (rs_outset_path), with the conventions of
 * rs_plots_write: RS_OK; RS_ETOOL with the chart deleted and taken out of
 * o when gnuplot fails or (zh) no CJK font is installed; when gnuplot is
 * missing RS_OK, nothing reserved, *warned = 1 (warned may be NULL) and
 * the warning in err->msg with err->code 0. */
int rs_plot_optimum(rs_outset *o, const rs_scenario *s, const rs_mix_result *res,
                    const rs_plot_opts *opt, int *warned, rs_error *err);

#endif
