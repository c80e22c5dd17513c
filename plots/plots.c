/* plots.c: the entry points: find gnuplot (and for Chinese a CJK font),
 * draw each chart into a temporary file of the output set through gnuplot's
 * standard output (rs_gp_draw checks it), and remove this call's charts
 * on error. */
#include <stdlib.h>
#include <string.h>
#include "gpdraw.h"

/* Draw the wanted charts among first..last of in into o. On failure this call's chart files
 * are deleted and their entries (the set's last ones) taken out again, so
 * that no half-written chart is ever renamed into place (the commands
 * abort the whole set then). */
static int draw_charts(rs_outset *o, const rs_plot_input *in, rs_chart first, rs_chart last,
                       const rs_plot_opts *opt, int *warned, rs_error *err)
{
    char font[256], name[32];
    const char *prog;
    int n0 = o->n;
    if (!opt)
        opt = &rs_gp_default_opts;
    int rc = rs_gp_setup(opt, &prog, font, sizeof font, warned, err);
    if (rc || !prog)
        return rc;
    for (int k = first; k <= (int)last && !rc; k++) {
        char *script = NULL;
        if (!rs_chart_wanted((rs_chart)k, in))
            continue;
        rc = rs_plot_script((rs_chart)k, in, opt, font[0] ? font : NULL, &script, err);
        if (!rc)
            rc = rs_gp_draw(o, rs_chart_file((rs_chart)k, opt->format, name, sizeof name), script,
                            prog, opt->format, err);
        free(script);
    }
    if (rc)
        rs_outset_truncate(o, n0);
    return rc;
}

int rs_plots_write(rs_outset *o, const rs_scenario *s, const rs_results *r,
                   const rs_mc_results *mc, const rs_plot_opts *opt, int *warned,
                   rs_error *err)
{
    rs_plot_input in = {s, r, mc, NULL, NULL, 0, NULL, 0};
    return draw_charts(o, &in, RS_CHART_COVERAGE, RS_CHART_NPV_HIST, opt, warned, err);
}

int rs_plot_tornado(rs_outset *o, const rs_scenario *s, const char *metric_name,
                    const char *metric_label, double base, const rs_tornado_row *rows, int n,
                    const rs_plot_opts *opt, rs_error *err)
{
    rs_plot_input in = {s, NULL, NULL, metric_name, metric_label, base, rows, n};
    return draw_charts(o, &in, RS_CHART_TORNADO, RS_CHART_TORNADO, opt, NULL, err);
}

void rs_plot_args_init(rs_plot_args *a)
{
    memset(a, 0, sizeof *a);
    a->enabled = 1;
    a->opts.format = RS_FMT_PNG;
    a->opts.lang = RS_LANG_EN;
    const char *g = getenv("REVSIM_GNUPLOT");
    a->opts.gnuplot = g && *g ? g : NULL;
}
