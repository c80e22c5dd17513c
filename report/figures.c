/* figures.c: the charts of report.html, drawn by plots/ as SVG in memory
 * and put inline as numbered figures: the comparison charts and, from one
 * table, each scenario's charts. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "page.h"

#define TORNADO_ROWS 10        /* parameters in a scenario's tornado chart */

int rp_figure(rp_page *p, char *svg, const char *caption)
{
    char prefix[32];
    p->fig++;
    snprintf(prefix, sizeof prefix, "f%d-", p->fig);
    char *el = rs_svg_inline(svg, prefix, caption);
    free(svg);
    if (!el)
        return rs_error_set(p->err, RS_ESOFTWARE, "report: out of memory for a chart");
    rp_keep_open(p);              /* with a heading left open for it */
    rp_hf(p->b, "<figure id=\"fig%d\">\n", p->fig);
    rp_raw(p->b, el);
    rp_hf(p->b, "\n<figcaption><b>%s%d</b> %e</figcaption>\n</figure>\n", TR(p, "Figure ", "图"),
          p->fig, caption);
    rp_keep_close(p);
    free(el);
    return RS_OK;
}

static int cmp_figure(rp_page *p, rs_cmp_chart k, int item, const char *caption)
{
    char *svg = NULL;
    int rc = rs_plot_svg_compare(&p->pen, k, &p->in, item, &svg, NULL, p->err);
    return rc ? rc : rp_figure(p, svg, caption);
}

static int run_figure(rp_page *p, rs_chart k, const rs_plot_input *in, const char *caption)
{
    char *svg = NULL;
    int rc = rs_plot_svg_run(&p->pen, k, in, &svg, NULL, p->err);
    return rc ? rc : rp_figure(p, svg, caption);
}

void rp_no_charts(rp_page *p)
{
    rp_hf(p->b, "<p class=\"note\">%s</p>\n", p->nocharts);
}

int rp_comparison_charts(rp_page *p)
{
    const rs_compare *c = p->c;
    int rc = RS_OK;
    char cap[512];
    rp_raw(p->b, "<section class=\"charts\">\n");
    rp_heading_keep(p, "charts", TR(p, "Comparison charts", "比较图表"));
    if (!p->charts) {
        rp_no_charts(p);
        rp_keep_flush(p);
        rp_raw(p->b, "</section>\n");
        return RS_OK;
    }
    snprintf(cap, sizeof cap, TR(p, "Yearly revenue of each scenario minus the baseline's, base case, "
                                    "over the %d years every scenario has.",
                                 "各情景年度收入减去基准情景年度收入（基准情形），共%d年。"), c->years);
    rc = cmp_figure(p, RS_CMP_GAIN, 0, cap);
    if (!rc)
        rc = cmp_figure(p, RS_CMP_COVERAGE, 0,
                        TR(p, "Commercial net income divided by the management deficit, by year "
                              "(base case). Above the dashed 100% line the deficit is covered; no "
                              "point means no deficit.",
                           "各年商业净收益除以物业亏损（基准情形）。高于100%虚线即覆盖亏损；无点表示当年无亏损。"));
    rp_keep_flush(p);
    rp_raw(p->b, "</section>\n");
    return rc;
}

int rp_npv_chart(rp_page *p)
{
    if (!p->charts || !rs_cmp_chart_wanted(RS_CMP_NPV, &p->in, 0))
        return RS_OK;
    return cmp_figure(p, RS_CMP_NPV, 0,
                      TR(p, "Net present value of every Monte Carlo run, as the share of runs in "
                            "each bin; dashed lines mark each scenario's median (P50).",
                         "每次蒙特卡洛模拟的净现值分布（各区间的模拟次数占比）；虚线为各情景中位数（P50）。"));
}

/* 1 when a community chart of item i shows something: several communities
 * and some lever income (a status quo's chart is all zero). */
int rp_communities_chart_wanted(const rp_page *p, int i)
{
    const rs_results *r = p->c->items[i].r;
    if (!p->charts || !rs_cmp_chart_wanted(RS_CMP_COMMUNITIES, &p->in, i))
        return 0;
    for (int k = 0; k < r->ncom * r->years; k++)
        if (r->y_com_net[k] != 0)
            return 1;
    return 0;
}

int rp_communities_chart(rp_page *p, int i)
{
    char cap[512];
    snprintf(cap, sizeof cap, TR(p, "%s: coverage of each community's deficit by the levers "
                                    "attached to it, by year (base case).",
                                 "%s：各小区所属项目净收益对该小区物业亏损的覆盖率（基准情形）。"),
             rp_scen_name(&p->c->items[i]));
    return cmp_figure(p, RS_CMP_COMMUNITIES, i, cap);
}

/* ---- each scenario's charts --------------------------------------------- */

typedef int (*fig_wanted)(const rp_page *p, const rs_cmp_item *it);

static int when_no_levers(const rp_page *p, const rs_cmp_item *it)
{
    (void)p;
    return it->s.nlev == 0;
}

static int when_always(const rp_page *p, const rs_cmp_item *it)
{
    (void)p;
    (void)it;
    return 1;
}

/* the chart applies (plots/ decides: the debt chart when the scenario
 * borrows) */
static int when_chart(rs_chart k, const rs_cmp_item *it)
{
    rs_plot_input in = {&it->s, it->r, it->mc, "npv", NULL, NAN, NULL, 0};
    return rs_chart_wanted(k, &in);
}

static int when_debt(const rp_page *p, const rs_cmp_item *it)
{
    (void)p;
    return when_chart(RS_CHART_DEBT, it);
}

static int when_drivers(const rp_page *p, const rs_cmp_item *it)
{
    return rp_top_swings(rs_compare_sweep(it, p->ro.tornado_metric), 1) > 0;
}

/* The figure list: each scenario's charts, in order, when `wanted`. The
 * tornado's caption is made with its metric and rows (tornado_input). */
static const struct {
    rs_chart kind;
    fig_wanted wanted;
    const char *cap_en, *cap_zh;
} scenario_figures[] = {
    {RS_CHART_COVERAGE, when_no_levers,
     "The management deficit by year, which the fund carries without commercial income "
     "(base case).",
     "各年物业亏损（基准情形）；没有商业收入时由基金承担。"},
    {RS_CHART_FUND, when_always, "The shared community fund at each month end (base case).",
     "社区共享基金各月末余额（基准情形）。"},
    {RS_CHART_DEBT, when_debt,
     "Commercial net income and debt service by year, and the debt-service cover ratio "
     "(DSCR, right axis) they give (base case).",
     "各年商业净收益与还本付息额，及二者之比偿债覆盖率（DSCR，右轴；基准情形）。"},
    /* the communities chart is drawn by rp_communities_chart beside the
     * table of communities; RS_CHART_LEVERS repeats the lever league's
     * table, and RS_CHART_REVENUE, RS_CHART_CASHFLOW and
     * RS_CHART_FAN_COVERAGE are left to `revsim run` (the comparison
     * charts and the risks give their figures) to keep the pack within 14
     * A4 pages */
    {RS_CHART_TORNADO, when_drivers, NULL, NULL},
};
#define NFIGURES ((int)(sizeof scenario_figures / sizeof scenario_figures[0]))

/* The tornado of item it: rows and labels (caller frees both) into in. */
static int tornado_input(rp_page *p, const rs_cmp_item *it, rs_plot_input *in,
                         rs_tornado_row **rows, char (**labels)[RP_LABEL])
{
    const rs_cmp_sweep *sw = rs_compare_sweep(it, p->ro.tornado_metric);
    int top = rp_top_swings(sw, TORNADO_ROWS);
    *rows = calloc((size_t)(top ? top : 1), sizeof **rows);
    *labels = calloc((size_t)(top ? top : 1), sizeof **labels);
    if (!*rows || !*labels)
        return rs_error_set(p->err, RS_ESOFTWARE, "out of memory");
    for (int j = 0; j < top; j++) {
        const rs_range *g = &it->s.ranges[sw->rows[j].range];
        /* a range written in percent is charted in percent */
        double scale = rp_range_percent(it, g) ? 100 : 1;
        /* the key alone when no other row shown has it (labels are cut
         * from the left when long) */
        int alone = 1;
        for (int k = 0; k < top && alone; k++) {
            const rs_range *h = &it->s.ranges[sw->rows[k].range];
            alone = k == j || strcmp(h->e->sec->params[h->param].name, g->e->sec->params[g->param].name) != 0;
        }
        rp_range_label(p, g, alone, (*labels)[j], sizeof (*labels)[j]);
        if (scale != 1)
            strncat((*labels)[j], " (%)", sizeof (*labels)[j] - strlen((*labels)[j]) - 1);
        (*rows)[j].label = (*labels)[j];
        (*rows)[j].low = g->low * scale;
        (*rows)[j].high = g->high * scale;
        (*rows)[j].metric_low = sw->rows[j].metric_low;
        (*rows)[j].metric_high = sw->rows[j].metric_high;
    }
    in->metric_name = rs_metrics[sw->metric].name;
    in->metric_label = NULL;
    in->base = sw->base;
    in->rows = *rows;
    in->nrows = top;
    return RS_OK;
}

int rp_scenario_figures(rp_page *p, int i)
{
    const rs_cmp_item *it = &p->c->items[i];
    int rc = RS_OK;
    if (!p->charts) {
        rp_no_charts(p);
        rp_keep_flush(p);
        return RS_OK;
    }
    for (int f = 0; f < NFIGURES && !rc; f++) {
        if (!scenario_figures[f].wanted(p, it))
            continue;
        rs_plot_input in = {&it->s, it->r, it->mc, "npv", NULL, NAN, NULL, 0};
        rs_tornado_row *rows = NULL;
        char(*labels)[RP_LABEL] = NULL;
        char cap[512];
        if (scenario_figures[f].kind == RS_CHART_TORNADO) {
            rc = tornado_input(p, it, &in, &rows, &labels);
            snprintf(cap, sizeof cap,
                     TR(p, "%s with each of the %d most influential parameters moved alone to "
                           "its low and its high value.",
                        "%s：影响最大的%d个参数分别单独取低值和高值时的结果。"),
                     rp_metric_name(p, p->ro.tornado_metric), in.nrows);
        } else {
            snprintf(cap, sizeof cap, "%s",
                     TR(p, scenario_figures[f].cap_en, scenario_figures[f].cap_zh));
        }
        if (!rc)
            rc = run_figure(p, scenario_figures[f].kind, &in, cap);
        free(rows);
        free(labels);
    }
    rp_keep_flush(p);
    return rc;
}
