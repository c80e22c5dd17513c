/* charts.c: the table of run charts (file stem, titles, what each needs,
 * its draw function), which are wanted for an input, one gnuplot script a
 * chart (rs_plot_script), and the helpers the run-chart files share. User
 * text enters scripts only through rs_gp_cmd's %q; data only as numbers in
 * datablocks; the chart comes back on gnuplot's standard output, so no
 * path ever reaches gnuplot. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "chart.h"

typedef int (*draw_fn)(rs_run_chart *c);

/* What a chart needs: results, Monte Carlo runs, sweep rows, and the
 * scenario features without which it is not drawn. */
enum { NEED_R = 1, NEED_MC = 2, NEED_ROWS = 4, NEED_DEBT = 8, NEED_LEVERS = 16,
       NEED_COMS = 32 };

static const struct {
    const char *stem, *title_en, *title_zh;
    int needs;
    draw_fn draw;
} charts[RS_CHART_N] = {
    [RS_CHART_COVERAGE] = {"coverage", "Commercial net income vs. management deficit",
                           "商业净收益与物业亏损", NEED_R, rs_draw_coverage},
    [RS_CHART_REVENUE] = {"revenue_by_lever", "Annual revenue by lever", "各项目年度收入",
                          NEED_R, rs_draw_revenue},
    [RS_CHART_FUND] = {"fund", "Community fund balance by month", "社区基金月末余额", NEED_R,
                       rs_draw_fund},
    [RS_CHART_CASHFLOW] = {"cashflow", "Cumulative programme cash flow", "项目累计现金流",
                           NEED_R, rs_draw_cashflow},
    [RS_CHART_DEBT] = {"debt", "Debt service vs. net income", "还本付息与净收益",
                       NEED_R | NEED_DEBT, rs_draw_debt},
    [RS_CHART_LEVERS] = {"levers", "Lever league: what each lever earns",
                         "各项目收益排名", NEED_R | NEED_LEVERS, rs_draw_levers},
    [RS_CHART_COMMUNITIES] = {"communities", "Coverage of the deficit by community",
                              "各小区物业亏损覆盖率", NEED_R | NEED_COMS,
                              rs_draw_run_communities},
    [RS_CHART_FAN_NET] = {"fan_net_income", "Annual net income: Monte Carlo range",
                          "年度净收益：蒙特卡洛模拟区间", NEED_R | NEED_MC, rs_draw_fan_net},
    [RS_CHART_FAN_COVERAGE] = {"fan_coverage", "Coverage of the deficit: Monte Carlo range",
                               "物业亏损覆盖率：蒙特卡洛模拟区间", NEED_R | NEED_MC,
                               rs_draw_fan_coverage},
    [RS_CHART_NPV_HIST] = {"npv_histogram", "Net present value over Monte Carlo runs",
                           "净现值分布（蒙特卡洛模拟）", NEED_MC, rs_draw_npv_hist},
    [RS_CHART_TORNADO] = {"tornado", "Sensitivity", "敏感性分析", NEED_ROWS, rs_draw_tornado},
};

const char *rs_chart_file(rs_chart k, rs_plot_format f, char *buf, size_t n)
{
    if ((unsigned)k >= RS_CHART_N || (unsigned)f > RS_FMT_PDF)
        snprintf(buf, n, "chart");
    else
        snprintf(buf, n, "%s.%s", charts[k].stem, rs_gp_formats[f].ext);
    return buf;
}

int rs_chart_has_debt(const rs_results *r)
{
    for (int y = 0; r->y_debt_service && y < r->years; y++)
        if (r->y_debt_service[y] > 0)
            return 1;
    return 0;
}

int rs_chart_wanted(rs_chart k, const rs_plot_input *in)
{
    if ((unsigned)k >= RS_CHART_N || !in || !in->s)
        return 0;
    const int needs = charts[k].needs;
    const rs_results *r = in->r;
    const rs_mc_results *mc = in->mc;
    if ((needs & NEED_R) && !r)
        return 0;
    if ((needs & NEED_MC) && (!mc || mc->runs < 1 || !mc->yearly || !mc->npv ||
                              ((needs & NEED_R) && mc->years != r->years)))
        return 0;
    if ((needs & NEED_ROWS) && (in->nrows < 0 || (in->nrows > 0 && !in->rows)))
        return 0;
    if ((needs & NEED_DEBT) && !rs_chart_has_debt(r))
        return 0;
    if ((needs & NEED_LEVERS) && (in->s->nlev < 1 || r->nlev != in->s->nlev || !r->lev_metric))
        return 0;
    if ((needs & NEED_COMS) && (in->s->ncom < 2 || r->ncom != in->s->ncom))
        return 0;
    return 1;
}

/* ---- helpers the chart files share --------------------------------------- */

const char *rs_run_title(const rs_run_chart *c)
{
    return L(c, charts[c->kind].title_en, charts[c->kind].title_zh);
}

void rs_run_head(rs_run_chart *c, const char *subject, const char *note)
{
    rs_gp_head(&c->pen, "revsim chart", charts[c->kind].stem, subject,
               rs_gp_scen_text(c->s, SC_NAME), note);
}

void rs_run_year_axis(rs_run_chart *c, int years, double pad)
{
    rs_gp_year_axis(&c->pen, years, pad, rs_gp_scen_text(c->s, SC_START));
}

void rs_run_elapsed_axis(rs_run_chart *c, int years)
{
    int step = years <= 15 ? 1 : years <= 30 ? 2 : years <= 60 ? 5 : 10;
    char lab[256], start[96], opts[96];
    rs_gp_cmd(c->pen.b, "set xrange [0:%d]\nset xtics %s (", years,
              rs_gp_xtics(&c->pen, 1, opts, sizeof opts));
    for (int y = 0; y <= years; y += step)
        rs_gp_cmd(c->pen.b, "%s'%d' %d", y ? ", " : "", y, y);
    rs_gp_cmd(c->pen.b, ")\n");
    rs_gp_fit(rs_gp_scen_text(c->s, SC_START), 24, start, sizeof start);
    if (start[0])
        rs_gp_text(lab, sizeof lab, L(c, "Years since the start (%s)", "项目启动后年数（%s起）"), start);
    else
        rs_gp_text(lab, sizeof lab, "%s", L(c, "Years since the start", "项目启动后年数"));
    rs_gp_axis_label(&c->pen, "x", lab, NULL);
}

void rs_run_pad_range(double *lo, double *hi, double below, double above)
{
    double span = *hi - *lo;
    if (!(span > 0)) {
        *lo -= 1;
        *hi += 1;
        return;
    }
    *lo -= below * span;
    *hi += above * span;
}

typedef struct {
    double score;
    int i;
} ranked_item;

static int cmp_ranked(const void *a, const void *b)
{
    const ranked_item *x = a, *y = b;
    int fx = isfinite(x->score), fy = isfinite(y->score);
    if (fx != fy)
        return fx ? -1 : 1;
    if (fx && x->score != y->score)
        return x->score > y->score ? -1 : 1;
    return (x->i > y->i) - (x->i < y->i);
}

int rs_chart_rank(const double *score, int n, int *order)
{
    ranked_item *t = malloc((size_t)(n > 0 ? n : 1) * sizeof *t);
    if (!t)
        return RS_ESOFTWARE;
    for (int i = 0; i < n; i++)
        t[i] = (ranked_item){score[i], i};
    qsort(t, (size_t)n, sizeof *t, cmp_ranked);
    for (int i = 0; i < n; i++)
        order[i] = t[i].i;
    free(t);
    return RS_OK;
}

/* ---- scripts ------------------------------------------------------------- */

int rs_plot_script(rs_chart k, const rs_plot_input *in, const rs_plot_opts *opt,
                   const char *font, char **script, rs_error *err)
{
    *script = NULL;
    if (!opt)
        opt = &rs_gp_default_opts;
    if ((unsigned)k >= RS_CHART_N || (unsigned)opt->format > RS_FMT_PDF || !in || !in->s)
        return rs_error_set(err, RS_ESOFTWARE, "chart %d: bad arguments", (int)k);
    if (!rs_chart_wanted(k, in))
        return rs_error_set(err, RS_ESOFTWARE,
                            "%s chart: its results are missing or it does not apply",
                            charts[k].stem);
    rs_gpbuf b;
    rs_gpbuf_init(&b);
    rs_run_chart *c = calloc(1, sizeof *c);
    if (!c)
        return rs_error_set(err, RS_ESOFTWARE, "%s chart: out of memory", charts[k].stem);
    *c = (rs_run_chart){.in = in, .s = in->s, .r = in->r, .mc = in->mc, .kind = k};
    rs_gp_pen_init(&c->pen, &b, opt, font, rs_gp_scen_text(in->s, SC_CURRENCY));
    int rc = charts[k].draw(c);
    free(c);
    return rs_gp_script_done(&b, rc, charts[k].stem, script, err);
}
