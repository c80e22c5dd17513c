/* plotopts.c: chart options and the warning for a missing gnuplot. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "cli.h"
#include "plotopts.h"

int rs_plot_set(rs_plot_args *a, int id, const char *arg)
{
    int k;
    switch (id) {
    case RS_OPT_FORMAT:
        if ((k = rs_choice_index("png|svg|pdf", arg)) < 0) {
            fprintf(stderr, "revsim: --format must be png, svg or pdf, got '%s'\n", arg);
            return -1;
        }
        a->opts.format = (rs_plot_format)k;
        return 0;
    case RS_OPT_LANG:
        if ((k = rs_choice_index("en|zh", arg)) < 0) {
            fprintf(stderr, "revsim: --lang must be en or zh, got '%s'\n", arg);
            return -1;
        }
        a->opts.lang = (rs_plot_lang)k;
        return 0;
    case RS_OPT_NOPLOTS:
        a->enabled = 0;
        return 0;
    }
    return 0;
}

int rs_plot_run_maybe(rs_outset *o, const rs_scenario *s, const rs_results *r,
                      const rs_mc_results *mc, const rs_plot_args *a, rs_error *err)
{
    if (!a->enabled)
        return RS_OK;
    int warned = 0;
    int rc = rs_plots_write(o, s, r, mc, &a->opts, &warned, err);
    if (!rc && warned) {
        fprintf(stderr, "revsim: warning: %s\n", err->msg);
        err->msg[0] = '\0';
    }
    return rc;
}

int rs_plot_tornado_maybe(rs_outset *o, const rs_scenario *s, int metric, double base,
                          const rs_tornado_row *rows, int n, const rs_plot_args *a,
                          rs_error *err)
{
    if (!a->enabled)
        return RS_OK;
    int rc = rs_plot_tornado(o, s, rs_metrics[metric].name, NULL, base, rows, n, &a->opts, err);
    if (!rc && err->msg[0]) {
        fprintf(stderr, "revsim: warning: %s\n", err->msg);
        err->msg[0] = '\0';
    }
    return rc;
}

int rs_plot_compare_maybe(rs_outset *o, const rs_compare *c, const rs_plot_args *a,
                          rs_error *err)
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
    if (!rc && warned) {
        fprintf(stderr, "revsim: warning: %s\n", err->msg);
        err->msg[0] = '\0';
    }
    free(items);
    return rc;
}
