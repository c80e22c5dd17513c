/* plotopts.c: the chart options' callbacks and the warning for a missing
 * gnuplot. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "cli.h"
#include "plotopts.h"

int rs_plot_opt_format(const rs_option *opt, const char *arg, rs_error *err)
{
    rs_plot_args *a = opt->value;
    (void)err;
    a->opts.format = (rs_plot_format)rs_choice_index(opt->choices, arg);
    return RS_OK;
}

int rs_plot_opt_lang(const rs_option *opt, const char *arg, rs_error *err)
{
    rs_plot_args *a = opt->value;
    (void)err;
    a->opts.lang = (rs_plot_lang)rs_choice_index(opt->choices, arg);
    return RS_OK;
}

/* A chart call that returned rc: a warning left in err (gnuplot missing)
 * goes to rs_warn and err is cleared. */
static int warn_left(int rc, int warned, const char *cmd, rs_error *err)
{
    if (!rc && warned && err->msg[0]) {
        rs_warn(cmd, "%s", err->msg);
        err->msg[0] = '\0';
    }
    return rc;
}

int rs_plot_run_maybe(rs_outset *o, const rs_scenario *s, const rs_results *r,
                      const rs_mc_results *mc, const rs_plot_args *a, const char *cmd,
                      rs_error *err)
{
    if (!a->enabled)
        return RS_OK;
    int warned = 0;
    int rc = rs_plots_write(o, s, r, mc, &a->opts, &warned, err);
    return warn_left(rc, warned, cmd, err);
}

int rs_plot_tornado_maybe(rs_outset *o, const rs_scenario *s, int metric, double base,
                          const rs_tornado_row *rows, int n, const rs_plot_args *a,
                          const char *cmd, rs_error *err)
{
    if (!a->enabled)
        return RS_OK;
    int rc = rs_plot_tornado(o, s, rs_metrics[metric].name, NULL, base, rows, n, &a->opts, err);
    return warn_left(rc, 1, cmd, err);
}

int rs_plot_compare_maybe(rs_outset *o, const rs_compare *c, const rs_plot_args *a,
                          const char *cmd, rs_error *err)
{
    if (!a->enabled)
        return RS_OK;
    rs_cmp_plot_item *items = calloc((size_t)(c->n > 0 ? c->n : 1), sizeof *items);
    if (!items)
        return rs_error_set(err, RS_ESOFTWARE, "out of memory");
    rs_cmp_plot_input in;
    rs_plot_compare_input(c, items, &in);
    int warned = 0;
    int rc = rs_plot_compare(o, &in, &a->opts, &warned, err);
    free(items);
    return warn_left(rc, warned, cmd, err);
}
