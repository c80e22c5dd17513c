/* svg.h: any chart of plots/ (a run's, rs_plot_script; a comparison's,
 * rs_cmp_plot_script) drawn as one SVG document in memory, for a page that
 * embeds it (report/). */
#ifndef RS_PLOTS_SVG_H
#define RS_PLOTS_SVG_H

#include "cmpcharts.h"

/* gnuplot found once, set up to draw charts as SVG text in memory (for a
 * page that embeds them). Caller-owned; nothing to release. */
typedef struct {
    rs_plot_opts opt;            /* format is always SVG */
    const char *prog;
    char font[256];              /* "" for English (cairo's Sans) */
} rs_plot_svg;

/* Find gnuplot (opt->gnuplot or PATH) and, for Chinese, a CJK font. RS_OK;
 * when gnuplot is missing RS_OK with *warned = 1 and the warning in
 * err->msg (err->code 0): draw nothing then. RS_ETOOL when no CJK font. */
int rs_plot_svg_init(rs_plot_svg *p, const rs_plot_opts *opt, int *warned, rs_error *err);

/* Run chart k of a run (rs_plot_script's input) or comparison chart k as
 * one NUL-terminated SVG document in *svg (the caller frees; *len bytes
 * without the NUL, len may be NULL). RS_ETOOL when gnuplot fails or does
 * not write SVG, RS_ESOFTWARE when out of memory. */
int rs_plot_svg_run(const rs_plot_svg *p, rs_chart k, const rs_plot_input *in, char **svg,
                    size_t *len, rs_error *err);
int rs_plot_svg_compare(const rs_plot_svg *p, rs_cmp_chart k, const rs_cmp_plot_input *in,
                        int item, char **svg, size_t *len, rs_error *err);

#endif
