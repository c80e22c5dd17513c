/* charts.c: one gnuplot script a chart (rs_plot_script, from the chart
 * table below) and the entry points that run gnuplot on each into an output
 * set. User text enters scripts only through rs_gp_cmd's %q; data only as
 * numbers in datablocks; the chart comes back on gnuplot's standard output,
 * so no path ever reaches gnuplot. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "gpdraw.h"

typedef struct chart chart;
typedef int (*draw_fn)(chart *c);

/* Everything a chart function reads: the pen (script, canvas, language,
 * money unit) and the input. */
struct chart {
    rs_gp_pen pen;
    const rs_plot_input *in;
    const rs_scenario *s;
    const rs_results *r;
    const rs_mc_results *mc;
    rs_chart kind;
};

static int draw_coverage(chart *c);
static int draw_revenue(chart *c);
static int draw_fund(chart *c);
static int draw_cashflow(chart *c);
static int draw_fan_net(chart *c);
static int draw_fan_coverage(chart *c);
static int draw_npv(chart *c);
static int draw_tornado(chart *c);

/* The charts: file stem, title, what they need, how they are drawn. */
enum { NEED_R = 1, NEED_MC = 2, NEED_ROWS = 4 };
static const struct {
    const char *stem, *title_en, *title_zh;
    int needs;
    draw_fn draw;
} charts[RS_CHART_N] = {
    [RS_CHART_COVERAGE] = {"coverage", "Commercial net income vs. management deficit",
                           "商业净收益与物业亏损", NEED_R, draw_coverage},
    [RS_CHART_REVENUE] = {"revenue_by_lever", "Annual revenue by lever", "各项目年度收入",
                          NEED_R, draw_revenue},
    [RS_CHART_FUND] = {"fund", "Community fund balance by month", "社区基金月末余额", NEED_R,
                       draw_fund},
    [RS_CHART_CASHFLOW] = {"cashflow", "Cumulative programme cash flow", "项目累计现金流",
                           NEED_R, draw_cashflow},
    [RS_CHART_FAN_NET] = {"fan_net_income", "Annual net income: Monte Carlo range",
                          "年度净收益：蒙特卡洛模拟区间", NEED_R | NEED_MC, draw_fan_net},
    [RS_CHART_FAN_COVERAGE] = {"fan_coverage", "Coverage of the deficit: Monte Carlo range",
                               "物业亏损覆盖率：蒙特卡洛模拟区间", NEED_R | NEED_MC,
                               draw_fan_coverage},
    [RS_CHART_NPV_HIST] = {"npv_histogram", "Net present value over Monte Carlo runs",
                           "净现值分布（蒙特卡洛模拟）", NEED_MC, draw_npv},
    [RS_CHART_TORNADO] = {"tornado", "Sensitivity", "敏感性分析", NEED_ROWS, draw_tornado},
};

const char *rs_chart_file(rs_chart k, rs_plot_format f, char *buf, size_t n)
{
    snprintf(buf, n, "%s.%s", charts[k].stem, rs_gp_formats[f].ext);
    return buf;
}

/* ---- small helpers ---------------------------------------------------- */

/* Calendar "YYYY-MM" of month m (1-based) when the scenario's start parses,
 * else "". */
static const char *calendar(const chart *c, int m, char *buf, size_t n)
{
    int y0, m0;
    char extra;
    buf[0] = '\0';
    if (sscanf(rs_gp_scen_text(c->s, SC_START), "%4d-%2d%c", &y0, &m0, &extra) == 2 && y0 >= 1000 &&
        m0 >= 1 && m0 <= 12) {
        int t = m0 - 1 + m - 1;
        rs_gp_text(buf, n, "%04d-%02d", y0 + t / 12, t % 12 + 1);
    }
    return buf;
}

/* The head (rs_gp_head) with the two-line title: subject, then the
 * scenario name (and `note`, e.g. the number of runs). */
static void head(chart *c, const char *subject, const char *note)
{
    char name[512], line2[640];
    /* the page holds about 72 columns at the subtitle's size */
    int room = note ? 72 - 5 - rs_gp_label_chars(note) : 72;
    rs_gp_fit(rs_gp_scen_text(c->s, SC_NAME), room > 20 ? room : 20, name, sizeof name);
    rs_gp_text(line2, sizeof line2, "%s%s%s", name, name[0] && note ? "  ·  " : "", note ? note : "");
    rs_gp_head(&c->pen, "revsim chart", charts[c->kind].stem, subject, line2);
}

/* x axis of yearly charts: programme years 1..Y, `pad` beyond each end. */
static void year_axis(chart *c, int years, double pad)
{
    rs_gp_year_axis(&c->pen, years, pad, rs_gp_scen_text(c->s, SC_START));
}

/* x axis of monthly charts: years elapsed, 0..Y. */
static void elapsed_axis(chart *c, int years)
{
    int step = years <= 15 ? 1 : years <= 30 ? 2 : years <= 60 ? 5 : 10;
    char lab[256];
    rs_gp_cmd(c->pen.b, "set xrange [0:%d]\nset xtics nomirror out scale 0.5 (", years);
    for (int y = 0; y <= years; y += step)
        rs_gp_cmd(c->pen.b, "%s'%d' %d", y ? ", " : "", y, y);
    rs_gp_cmd(c->pen.b, ")\n");
    char start[96];
    rs_gp_fit(rs_gp_scen_text(c->s, SC_START), 24, start, sizeof start);
    if (start[0])
        rs_gp_text(lab, sizeof lab, L(c, "Years since the start (%s)", "项目启动后年数（%s起）"), start);
    else
        rs_gp_text(lab, sizeof lab, "%s", L(c, "Years since the start", "项目启动后年数"));
    rs_gp_cmd(c->pen.b, "set xlabel %q\n", lab);
}

/* x axis from lo to hi whose tick labels fit side by side in `frac` of the
 * width: fewer ticks until they do.
 * With `exact` the range is [lo, hi] itself, not widened to round ticks. */
static void x_value_axis(chart *c, double lo, double hi, int target, double frac,
                         const char *suffix, int exact)
{
    rs_gp_axis a;
    for (;; target--) {
        rs_gp_axis_fit(&a, lo, hi, target);
        /* the labels drawn: every tick, or with `exact` those in [lo, hi] */
        double from = exact ? lo : a.lo, to = exact ? hi : a.hi;
        long k0 = (long)ceil(from / a.step - 1e-9), k1 = (long)floor(to / a.step + 1e-9);
        int chars = 0;
        for (long k = k0; k <= k1; k++) {
            char num[64];
            int len = rs_gp_label_chars(rs_gp_group(k * a.step, a.decimals, num, sizeof num)) +
                      (int)strlen(suffix);
            chars = len > chars ? len : chars;
        }
        if (target <= 2 || (k1 - k0 + 1) * (chars * DIGIT_EM + 1.5) <= frac * PAGE_EM)
            break;
    }
    if (exact) {
        a.lo = lo;
        a.hi = hi;
    }
    rs_gp_axis_emit(c->pen.b, "x", &a, "nomirror out scale 0.5", suffix);
}

/* Widen [*lo, *hi] by `below` and `above` times its span; an empty range
 * (all values equal, e.g. all zero) becomes one unit either side. */
static void pad_range(double *lo, double *hi, double below, double above)
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

static double mc_stat(const rs_mc_results *mc, int series, int y, int stat)
{
    return mc->yearly[((size_t)series * mc->years + (size_t)(y - 1)) * MC_NSTAT + stat];
}

static const char *runs_note(const chart *c, char *buf, size_t n)
{
    char num[64];
    rs_gp_group((double)c->mc->runs, 0, num, sizeof num);
    rs_gp_text(buf, n, L(c, "%s Monte Carlo runs", "蒙特卡洛模拟%s次"), num);
    return buf;
}

/* ---- the charts --------------------------------------------------------- */

/* Yearly net income and deficit as bars, coverage on the right axis with
 * the 100% line. */
static int draw_coverage(chart *c)
{
    const rs_results *r = c->r;
    const int Y = r->years;
    double lo = 0, hi = 0, clo = 0, chi = 120;
    int ncov = 0;
    head(c, L(c, charts[RS_CHART_COVERAGE].title_en, charts[RS_CHART_COVERAGE].title_zh), NULL);
    rs_gp_cmd(c->pen.b, "$d << EOD\n# year net_income deficit coverage_%%\n");
    for (int y = 1; y <= Y; y++) {
        double net = r->y_net[y - 1] * c->pen.k, def = r->y_deficit[y - 1] * c->pen.k,
               cov = 100 * r->y_coverage[y - 1];
        rs_gp_cmd(c->pen.b, "%d %g %g %g\n", y, net, def, cov);
        rs_gp_minmax(&net, 1, &lo, &hi);
        rs_gp_minmax(&def, 1, &lo, &hi);
        if (isfinite(cov)) {
            ncov++;
            rs_gp_minmax(&cov, 1, &clo, &chi);
        }
    }
    rs_gp_cmd(c->pen.b, "EOD\n");
    year_axis(c, Y, 0.6);
    rs_gp_value_axis(&c->pen, "y", lo, hi + 0.04 * (hi - lo), 6, "");
    rs_gp_axis_label(&c->pen, "y", L(c, "Amount per year", "年度金额"), c->pen.unit);
    rs_gp_axis ca;
    rs_gp_axis_fit(&ca, clo, chi * 1.04, 6);
    rs_gp_axis_emit(c->pen.b, "y2", &ca, "nomirror out scale 0.5", "%");
    rs_gp_cmd(c->pen.b, "set y2label %q\n", L(c, "Coverage of the deficit (%)", "亏损覆盖率（%）"));
    rs_gp_cmd(c->pen.b, "set boxwidth 0.36 absolute\n");
    rs_gp_cmd(c->pen.b,
              "plot $d using ($1-0.19):2 with boxes fillcolor rgb '%s' title %q, \\\n"
              "     $d using ($1+0.19):3 with boxes fillcolor rgb '%s' title %q, \\\n"
              "     100 axes x1y2 with lines linecolor rgb '%s' dashtype (14,9) linewidth %g title %q",
              C_BLUE, L(c, "Commercial net income", "商业净收益"), C_RED,
              L(c, rs_series[SR_DEFICIT].label_en, rs_series[SR_DEFICIT].label_zh), C_GREY,
              rs_gp_lw(&c->pen, 1.5), L(c, "100% coverage", "100%覆盖线"));
    if (ncov)
        rs_gp_cmd(c->pen.b,
                  ", \\\n     $d using 1:4 axes x1y2 with linespoints linecolor rgb '%s' "
                  "linewidth %g pointtype 7 pointsize %g title %q",
                  C_INK, rs_gp_lw(&c->pen, 2), rs_gp_ps(&c->pen, 1.3),
                  L(c, "Coverage (right axis)", "覆盖率（右轴）"));
    rs_gp_cmd(c->pen.b, "\n");
    return RS_OK;
}

/* Gross revenue of each lever stacked by year, totals above the bars. */
static int draw_revenue(chart *c)
{
    const rs_results *r = c->r;
    const rs_scenario *s = c->s;
    const int Y = r->years, NL = r->nlev;
    double hi = 0;
    head(c, L(c, charts[RS_CHART_REVENUE].title_en, charts[RS_CHART_REVENUE].title_zh), NULL);
    rs_gp_cmd(c->pen.b, "$d << EOD\n# year, then revenue of levers 1..k summed, k = 1..%d\n", NL);
    for (int y = 1; y <= Y; y++) {
        double cum = 0;
        rs_gp_cmd(c->pen.b, "%d", y);
        for (int l = 0; l < NL; l++) {
            double v = r->y_lev_revenue[(size_t)l * Y + y - 1];
            cum += (v > 0 ? v : 0) * c->pen.k;
            rs_gp_cmd(c->pen.b, " %g", cum);
        }
        rs_gp_cmd(c->pen.b, "\n");
        hi = cum > hi ? cum : hi;
    }
    rs_gp_cmd(c->pen.b, "EOD\n");
    year_axis(c, Y, 0.6);
    /* totals above the bars, every `every` years so that they do not touch:
     * a year is 0.78 * PAGE_EM / (Y + 1.2) em wide (the plot is about 78%
     * of the page), at the labels' 0.72 scale */
    char f[160], num[64];
    double tot[RS_MAX_MONTHS / 12];
    int chars = 1;
    for (int y = 1; y <= Y; y++) {
        tot[y - 1] = 0;
        for (int l = 0; l < NL; l++) {
            double v = r->y_lev_revenue[(size_t)l * Y + y - 1];
            tot[y - 1] += (v > 0 ? v : 0) * c->pen.k;
        }
        int len = (int)strlen(rs_gp_group(tot[y - 1], c->pen.zh ? (tot[y - 1] < 10 ? 2 : 1) : 0, num,
                                          sizeof num));
        chars = len > chars ? len : chars;
    }
    double slot = 0.78 * PAGE_EM / (Y + 1.2), width = chars * DIGIT_EM * 0.72;
    int every = (int)ceil(width / (0.85 * slot));
    int totals = every <= 3 && NL > 0;
    rs_gp_value_axis(&c->pen, "y", 0, hi * (totals ? 1.1 : 1.02), 6, "");
    rs_gp_axis_label(&c->pen, "y", L(c, "Revenue per year", "年度收入"), c->pen.unit);
    for (int y = 1; totals && y <= Y; y++)
        if ((y - 1) % every == 0) {
            rs_gp_group(tot[y - 1], c->pen.zh ? (tot[y - 1] < 10 ? 2 : 1) : 0, num, sizeof num);
            rs_gp_cmd(c->pen.b, "set label %d %q at %d, %g center offset 0, 0.7 font %q textcolor rgb '%s'\n",
                      y, num, y, tot[y - 1], rs_gp_font_spec(&c->pen, 0.72, f, sizeof f), C_INK);
        }
    rs_gp_cmd(c->pen.b, "set boxwidth 0.7 absolute\n");
    if (NL == 0) {
        rs_gp_cmd(c->pen.b, "plot NaN notitle\n");
        return RS_OK;
    }
    rs_gp_cmd(c->pen.b, "plot ");
    for (int l = NL - 1; l >= 0; l--)  /* tallest (all levers) first */
        rs_gp_cmd(c->pen.b, "$d using 1:%d with boxes fillcolor rgb '%s' notitle, \\\n     ", l + 2,
                  rs_gp_colors[l % RS_GP_NCOLORS]);
    for (int l = 0; l < NL; l++)
        rs_gp_cmd(c->pen.b, "keyentry with boxes fillcolor rgb '%s' title %q%s",
                  rs_gp_colors[l % RS_GP_NCOLORS], s->lev[l].name, l + 1 < NL ? ", \\\n     " : "\n");
    return RS_OK;
}

/* Where a note about point (x, y) of an x range [x0, x1] goes: the side with
 * room. Writes "left|right|center" and the x offset in characters. */
static const char *side(double x, double x0, double x1, double *dx)
{
    double f = (x - x0) / (x1 - x0);
    if (f < 0.3) {
        *dx = 1;
        return "left";
    }
    if (f > 0.7) {
        *dx = -1;
        return "right";
    }
    *dx = 0;
    return "center";
}

/* Fund balance at each month end (month 0: the initial fund), shaded above
 * and below zero, the minimum marked. */
static int draw_fund(chart *c)
{
    const rs_results *r = c->r;
    const int M = r->months, Y = r->years;
    double init = c->s->fund.v[FD_INITIAL] * c->pen.k, lo = init < 0 ? init : 0,
           hi = init > 0 ? init : 0;
    head(c, L(c, charts[RS_CHART_FUND].title_en, charts[RS_CHART_FUND].title_zh), NULL);
    rs_gp_cmd(c->pen.b, "$d << EOD\n# years balance\n0 %g\n", init);
    for (int m = 1; m <= M; m++) {
        double v = r->fund[m - 1] * c->pen.k;
        rs_gp_cmd(c->pen.b, "%g %g\n", m / 12.0, v);
        rs_gp_minmax(&v, 1, &lo, &hi);
    }
    rs_gp_cmd(c->pen.b, "EOD\n");
    double fmin = r->metric[MT_FUND_MIN], mmin = r->metric[MT_FUND_MIN_MONTH];
    int have_min = isfinite(fmin) && isfinite(mmin) && mmin >= 1 && mmin <= M;
    elapsed_axis(c, Y);
    pad_range(&lo, &hi, have_min ? 0.2 : 0.03, 0.04);
    rs_gp_value_axis(&c->pen, "y", lo, hi, 6, "");
    rs_gp_axis_label(&c->pen, "y", L(c, "Fund balance", "基金余额"), c->pen.unit);
    rs_gp_cmd(c->pen.b, "set xzeroaxis linetype 1 linecolor rgb '%s' linewidth 1\n", C_GREY);
    if (have_min) {
        int m = (int)mmin;
        char amt[96], cal[16], note[320], f[160];
        double dx, x = m / 12.0;
        const char *just = side(x, 0, Y, &dx);
        rs_gp_money(&c->pen, fmin, amt, sizeof amt);
        calendar(c, m, cal, sizeof cal);
        if (cal[0])
            rs_gp_text(note, sizeof note, L(c, "%s: %s (month %d, %s)", "%s：%s（第%d月，%s）"),
                       L(c, rs_metrics[MT_FUND_MIN].label_en, rs_metrics[MT_FUND_MIN].label_zh), amt,
                       m, cal);
        else
            rs_gp_text(note, sizeof note, L(c, "%s: %s (month %d)", "%s：%s（第%d月）"),
                       L(c, rs_metrics[MT_FUND_MIN].label_en, rs_metrics[MT_FUND_MIN].label_zh), amt,
                       m);
        rs_gp_cmd(c->pen.b, "$min << EOD\n%g %g\nEOD\n", x, fmin * c->pen.k);
        rs_gp_cmd(c->pen.b, "set label 1 %q at %g, %g %s offset %g, -1.1 font %q textcolor rgb '%s' front\n",
                  note, x, fmin * c->pen.k, just, dx, rs_gp_font_spec(&c->pen, 0.85, f, sizeof f), C_RED);
    }
    rs_gp_cmd(c->pen.b,
              "plot $d using 1:2 with filledcurves above y=0 fillcolor rgb '%s' notitle, \\\n"
              "     $d using 1:2 with filledcurves below y=0 fillcolor rgb '%s' notitle, \\\n"
              "     $d using 1:2 with lines linecolor rgb '%s' linewidth %g title %q",
              C_BLUE_FILL, C_RED_FILL, C_BLUE, rs_gp_lw(&c->pen, 2.5),
              L(c, "Balance at month end", "月末余额"));
    if (have_min)
        rs_gp_cmd(c->pen.b,
                  ", \\\n     $min using 1:2 with points pointtype 7 pointsize %g "
                  "linecolor rgb '%s' title %q",
                  rs_gp_ps(&c->pen, 2.4), C_RED,
                  L(c, rs_metrics[MT_FUND_MIN].label_en, rs_metrics[MT_FUND_MIN].label_zh));
    rs_gp_cmd(c->pen.b, "\n");
    return RS_OK;
}

/* Cumulative programme cash flow (and discounted), payback marked. */
static int draw_cashflow(chart *c)
{
    const rs_results *r = c->r;
    const int M = r->months, Y = r->years;
    double lo = 0, hi = 0, cum = 0, dcum = 0, rate = c->s->scen.v[SC_DISCOUNT];
    head(c, L(c, charts[RS_CHART_CASHFLOW].title_en, charts[RS_CHART_CASHFLOW].title_zh), NULL);
    rs_gp_cmd(c->pen.b, "$d << EOD\n# years cumulative discounted\n0 0 0\n");
    for (int m = 1; m <= M; m++) {
        cum += r->cf[m - 1];
        dcum += r->dcf[m - 1];
        double a = cum * c->pen.k, b = dcum * c->pen.k;
        rs_gp_cmd(c->pen.b, "%g %g %g\n", m / 12.0, a, b);
        rs_gp_minmax(&a, 1, &lo, &hi);
        rs_gp_minmax(&b, 1, &lo, &hi);
    }
    rs_gp_cmd(c->pen.b, "EOD\n");
    elapsed_axis(c, Y);
    pad_range(&lo, &hi, 0.03, 0.06);
    rs_gp_value_axis(&c->pen, "y", lo, hi, 6, "");
    rs_gp_axis_label(&c->pen, "y", L(c, "Cumulative cash flow", "累计现金流"), c->pen.unit);
    rs_gp_cmd(c->pen.b, "set xzeroaxis linetype 1 linecolor rgb '%s' linewidth 1\n", C_GREY);
    double pb = r->metric[MT_PAYBACK];
    char note[256], f[160], num[64];
    const char *pbl = L(c, rs_metrics[MT_PAYBACK].label_en, rs_metrics[MT_PAYBACK].label_zh);
    int have_pb = isfinite(pb) && pb >= 0 && pb <= Y;
    if (have_pb) {
        rs_gp_group(pb, 1, num, sizeof num);
        rs_gp_text(note, sizeof note, L(c, "%s: %s years", "%s：%s年"), pbl, num);
        rs_gp_cmd(c->pen.b, "$pb << EOD\n%g 0\nEOD\n", pb);
        rs_gp_cmd(c->pen.b, "set arrow 1 from %g, graph 0 to %g, graph 1 nohead back linecolor rgb '%s' "
                  "dashtype (14,9) linewidth %g\n", pb, pb, C_RED, rs_gp_lw(&c->pen, 1.2));
        if (pb > 0.3 * Y) /* above left of the point: the curves are below zero there */
            rs_gp_cmd(c->pen.b, "set label 1 %q at %g, 0 right offset -0.8, 1.2 font %q textcolor rgb '%s' front\n",
                      note, pb, rs_gp_font_spec(&c->pen, 0.85, f, sizeof f), C_RED);
        else
            rs_gp_cmd(c->pen.b, "set label 1 %q at %g, graph 0.93 left offset 0.8, 0 font %q textcolor rgb '%s' front\n",
                      note, pb, rs_gp_font_spec(&c->pen, 0.85, f, sizeof f), C_RED);
    } else {
        rs_gp_text(note, sizeof note, L(c, "No payback within %d year%s", "%d年内未收回投资%s"), Y,
                   c->pen.zh || Y == 1 ? "" : "s");
        rs_gp_cmd(c->pen.b, "set label 1 %q at graph 0.02, graph 0.93 left font %q textcolor rgb '%s' front\n",
                  note, rs_gp_font_spec(&c->pen, 0.85, f, sizeof f), C_RED);
    }
    rs_gp_group(100 * rate, 100 * rate == round(100 * rate) ? 0 : 1, num, sizeof num);
    rs_gp_text(note, sizeof note, L(c, "Discounted at %s%% a year", "按年折现率%s%%折现"), num);
    rs_gp_cmd(c->pen.b,
              "plot $d using 1:2 with filledcurves above y=0 fillcolor rgb '%s' notitle, \\\n"
              "     $d using 1:2 with filledcurves below y=0 fillcolor rgb '%s' notitle, \\\n"
              "     $d using 1:2 with lines linecolor rgb '%s' linewidth %g title %q, \\\n"
              "     $d using 1:3 with lines linecolor rgb '%s' linewidth %g dashtype (14,9) title %q",
              C_BLUE_FILL, C_RED_FILL, C_BLUE, rs_gp_lw(&c->pen, 2.5),
              L(c, "Cumulative cash flow", "累计现金流"), C_INK, rs_gp_lw(&c->pen, 1.5), note);
    if (have_pb)
        rs_gp_cmd(c->pen.b, ", \\\n     $pb using 1:2 with points pointtype 7 pointsize %g "
                  "linecolor rgb '%s' title %q", rs_gp_ps(&c->pen, 2.4), C_RED, pbl);
    rs_gp_cmd(c->pen.b, "\n");
    return RS_OK;
}

/* P10-P90 band, P50 line and base case of yearly series `series`. */
static void fan(chart *c, int series, double scale, const double *base)
{
    const int Y = c->mc->years;
    rs_gp_cmd(c->pen.b, "$d << EOD\n# year p10 p50 p90 base\n");
    for (int y = 1; y <= Y; y++)
        rs_gp_cmd(c->pen.b, "%d %g %g %g %g\n", y, mc_stat(c->mc, series, y, MC_P10) * scale,
                  mc_stat(c->mc, series, y, MC_P50) * scale,
                  mc_stat(c->mc, series, y, MC_P90) * scale, base[y - 1] * scale);
    rs_gp_cmd(c->pen.b, "EOD\n");
}

static void fan_range(const chart *c, int series, double scale, const double *base,
                      double *lo, double *hi)
{
    for (int y = 1; y <= c->mc->years; y++) {
        double v[4] = {mc_stat(c->mc, series, y, MC_P10) * scale,
                       mc_stat(c->mc, series, y, MC_P50) * scale,
                       mc_stat(c->mc, series, y, MC_P90) * scale, base[y - 1] * scale};
        rs_gp_minmax(v, 4, lo, hi);
    }
}

/* The fan: band, median, base case, and the 100% line when `full`. */
static void fan_plot(chart *c, int full)
{
    rs_gp_cmd(c->pen.b,
              "plot $d using 1:2:4 with filledcurves fillcolor rgb '%s' title %q, \\\n"
              "     $d using 1:3 with linespoints linecolor rgb '%s' linewidth %g pointtype 7 "
              "pointsize %g title %q, \\\n"
              "     $d using 1:5 with lines linecolor rgb '%s' linewidth %g dashtype (14,9) title %q",
              C_BLUE_FILL, L(c, "P10–P90 range", "P10–P90区间"), C_BLUE, rs_gp_lw(&c->pen, 2.5),
              rs_gp_ps(&c->pen, 1.2),
              L(c, "Median (P50)", "中位数（P50）"), C_INK, rs_gp_lw(&c->pen, 1.5),
              L(c, "Base case", "基准情景"));
    if (full)
        rs_gp_cmd(c->pen.b, ", \\\n     100 with lines linecolor rgb '%s' dashtype (2,6) linewidth %g title %q",
                  C_RED, rs_gp_lw(&c->pen, 1.5), L(c, "100% coverage", "100%覆盖线"));
    rs_gp_cmd(c->pen.b, "\n");
}

static int draw_fan_net(chart *c)
{
    char note[128];
    double lo = 0, hi = 0;
    head(c, L(c, charts[RS_CHART_FAN_NET].title_en, charts[RS_CHART_FAN_NET].title_zh),
         runs_note(c, note, sizeof note));
    fan(c, MC_Y_NET, c->pen.k, c->r->y_net);
    fan_range(c, MC_Y_NET, c->pen.k, c->r->y_net, &lo, &hi);
    year_axis(c, c->mc->years, 0.3);
    pad_range(&lo, &hi, 0, 0.04);
    rs_gp_value_axis(&c->pen, "y", lo, hi, 6, "");
    rs_gp_axis_label(&c->pen, "y", L(c, "Net income per year", "年度净收益"), c->pen.unit);
    rs_gp_cmd(c->pen.b, "set xzeroaxis linetype 1 linecolor rgb '%s' linewidth 1\n", C_GREY);
    fan_plot(c, 0);
    return RS_OK;
}

static int draw_fan_coverage(chart *c)
{
    char note[128];
    double lo = 0, hi = 120;
    head(c, L(c, charts[RS_CHART_FAN_COVERAGE].title_en, charts[RS_CHART_FAN_COVERAGE].title_zh),
         runs_note(c, note, sizeof note));
    fan(c, MC_Y_COVERAGE, 100, c->r->y_coverage);
    fan_range(c, MC_Y_COVERAGE, 100, c->r->y_coverage, &lo, &hi);
    year_axis(c, c->mc->years, 0.3);
    rs_gp_value_axis(&c->pen, "y", lo, hi * 1.04, 6, "%");
    rs_gp_cmd(c->pen.b, "set ylabel %q\n", L(c, "Coverage of the deficit (%)", "亏损覆盖率（%）"));
    fan_plot(c, 1);
    return RS_OK;
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

/* Histogram of the runs' NPV (share of runs a bin, negative bins red),
 * with P10, P50 and P90 marked. */
static int draw_npv(chart *c)
{
    const rs_mc_results *mc = c->mc;
    char note[400], f[160];
    double *v = malloc((size_t)(mc->kept ? mc->kept : 1) * sizeof *v);
    int *count = NULL;
    long n = 0, nneg = 0;
    if (!v)
        return RS_ESOFTWARE;
    for (long i = 0; i < mc->kept; i++)
        if (isfinite(mc->npv[i]))
            v[n++] = mc->npv[i] * c->pen.k;
    qsort(v, (size_t)n, sizeof *v, cmp_double);
    rs_gp_axis bins;
    rs_gp_axis_fit(&bins, n ? v[0] : 0, n ? v[n - 1] : 1, 24);
    if (!(count = calloc((size_t)bins.n + 1, sizeof *count))) {
        free(v);
        return RS_ESOFTWARE;
    }
    for (long i = 0; i < n; i++) {
        int j = (int)floor((v[i] - bins.lo) / bins.step);
        count[j < 0 ? 0 : j >= bins.n ? (bins.n > 0 ? bins.n - 1 : 0) : j]++;
        nneg += v[i] < 0;
    }
    char runs[128];
    head(c, L(c, charts[RS_CHART_NPV_HIST].title_en, charts[RS_CHART_NPV_HIST].title_zh),
         runs_note(c, runs, sizeof runs));
    double top = 0;
    for (int sign = 0; sign < 2; sign++) {
        rs_gp_cmd(c->pen.b, "%s << EOD\n# bin_centre share_of_runs_%%\n", sign ? "$pos" : "$neg");
        for (int j = 0; j < bins.n; j++) {
            double x = bins.lo + (j + 0.5) * bins.step, pct = n ? 100.0 * count[j] / n : 0;
            if ((x < 0) == (sign == 0) && count[j] > 0) {
                rs_gp_cmd(c->pen.b, "%g %g\n", x, pct);
                top = pct > top ? pct : top;
            }
        }
        rs_gp_cmd(c->pen.b, "EOD\n");
    }
    x_value_axis(c, bins.lo, bins.hi, 6, 0.8, "", 1);
    rs_gp_axis_label(&c->pen, "x", L(c, "Net present value", "净现值"), c->pen.unit);
    rs_gp_value_axis(&c->pen, "y", 0, top * 1.45, 5, "%");
    rs_gp_cmd(c->pen.b, "set ylabel %q\n", L(c, "Share of runs", "模拟次数占比"));
    rs_gp_cmd(c->pen.b, "set boxwidth %g absolute\n", bins.step);
    rs_gp_cmd(c->pen.b, "set style fill solid 1.0 border linecolor rgb '#ffffff'\n");
    /* short tags on the lines, staggered; the values go in the key */
    static const char *const pname[] = {"P10", "P50", "P90"};
    static const int pstat[] = {MC_P10, MC_P50, MC_P90};
    char pvals[320] = "";
    for (int i = 0; i < 3; i++) {
        double p = mc->metric[MT_NPV][pstat[i]] * c->pen.k;
        if (!isfinite(p))
            continue;
        char amt[96], part[128];
        rs_gp_group(p, c->pen.zh ? (fabs(p) < 10 ? 2 : fabs(p) < 1000 ? 1 : 0) : 0, amt, sizeof amt);
        rs_gp_text(part, sizeof part, "%s%s %s", pvals[0] ? L(c, ", ", "，") : "", pname[i], amt);
        strncat(pvals, part, sizeof pvals - strlen(pvals) - 1);
        rs_gp_cmd(c->pen.b, "set arrow %d from %g, graph 0 to %g, graph %g nohead front linecolor rgb '%s' "
                  "dashtype (14,9) linewidth %g\n", i + 1, p, p, 0.93 - 0.07 * i, C_INK,
                  rs_gp_lw(&c->pen, 1.2));
        rs_gp_cmd(c->pen.b, "set label %d %q at %g, graph %g center offset 0, 0.6 font %q textcolor rgb '%s' front\n",
                  i + 1, pname[i], p, 0.93 - 0.07 * i, rs_gp_font_spec(&c->pen, 0.8, f, sizeof f), C_INK);
    }
    rs_gp_text(note, sizeof note, L(c, "%s (%s)", "%s（%s）"), pvals, c->pen.unit);
    char pneg[64], ppos[64], kneg[160], kpos[160];
    double sneg = n ? 100.0 * nneg / n : 0, spos = n ? 100.0 * (n - nneg) / n : 0;
    if (mc->runs > mc->kept && !isnan(mc->p_npv_negative)) {   /* over every run */
        sneg = 100.0 * mc->p_npv_negative;
        spos = 100.0 - sneg;
    }
    rs_gp_group(sneg, 1, pneg, sizeof pneg);
    rs_gp_group(spos, 1, ppos, sizeof ppos);
    rs_gp_text(kneg, sizeof kneg, L(c, "NPV < 0: %s%% of runs", "净现值<0：占%s%%"), pneg);
    rs_gp_text(kpos, sizeof kpos, L(c, "NPV ≥ 0: %s%% of runs", "净现值≥0：占%s%%"), ppos);
    rs_gp_cmd(c->pen.b, "plot $neg using 1:2 with boxes fillcolor rgb '%s' title %q, \\\n"
              "     $pos using 1:2 with boxes fillcolor rgb '%s' title %q, \\\n"
              "     keyentry with lines linecolor rgb '%s' dashtype (14,9) linewidth %g title %q\n",
              C_RED, kneg, C_BLUE, kpos, C_INK, rs_gp_lw(&c->pen, 1.2), note);
    free(v);
    free(count);
    return RS_OK;
}

/* How a metric is shown: money (scaled, in c->pen.unit), percent, or plain. */
enum { SHOW_MONEY, SHOW_PERCENT, SHOW_PLAIN };

static int metric_show(const char *name)
{
    int k = name ? rs_metric_find(name) : -1;
    if (k < 0)
        return SHOW_PLAIN;
    const rs_unit u = rs_metrics[k].unit;
    if (u == RS_U_MONEY)
        return SHOW_MONEY;
    if (u == RS_U_RATIO || u == RS_U_PROB || u == RS_U_RATE)
        return SHOW_PERCENT;
    return SHOW_PLAIN;
}

static double show_scale(const chart *c, int show)
{
    return show == SHOW_MONEY ? c->pen.k : show == SHOW_PERCENT ? 100 : 1;
}

/* A parameter value as short text: grouped when large, else 4 significant
 * digits; a true minus sign either way. */
static const char *short_num(double v, char *buf, size_t n)
{
    if (fabs(v) >= 1000 || !isfinite(v))
        return rs_gp_group(v, 0, buf, n);
    char tmp[64];
    snprintf(tmp, sizeof tmp, "%.4g", fabs(v));
    rs_gp_text(buf, n, "%s%s", v < 0 && strspn(tmp, "0.") != strlen(tmp) ? "\xE2\x88\x92" : "", tmp);
    return buf;
}

typedef struct {
    const rs_tornado_row *row;
    double swing;
} ranked;

static int cmp_swing(const void *a, const void *b)
{
    const ranked *x = a, *y = b;
    double sx = isfinite(x->swing) ? x->swing : -1, sy = isfinite(y->swing) ? y->swing : -1;
    if (sx != sy)
        return sx < sy ? 1 : -1;
    return x->row < y->row ? -1 : x->row > y->row; /* stable: input order */
}

/* One horizontal bar a parameter from the base value to the metric at the
 * parameter's low and high, the largest swing on top. */
static int draw_tornado(chart *c)
{
    const rs_plot_input *in = c->in;
    int n = in->nrows, shown = n < RS_TORNADO_MAX ? n : RS_TORNADO_MAX;
    ranked *rk = malloc((size_t)(n ? n : 1) * sizeof *rk);
    if (!rk)
        return RS_ESOFTWARE;
    for (int i = 0; i < n; i++) {
        rk[i].row = &in->rows[i];
        rk[i].swing = fabs(in->rows[i].metric_high - in->rows[i].metric_low);
    }
    qsort(rk, (size_t)n, sizeof *rk, cmp_swing);

    int show = metric_show(in->metric_name), km = in->metric_name ? rs_metric_find(in->metric_name) : -1;
    double sc = show_scale(c, show);
    const char *mlabel = in->metric_label ? in->metric_label
                         : km >= 0        ? L(c, rs_metrics[km].label_en, rs_metrics[km].label_zh)
                         : in->metric_name ? in->metric_name
                                           : "";
    const char *unit = show == SHOW_MONEY ? c->pen.unit : show == SHOW_PERCENT ? "%" : "";
    char title[320], note[160], f[160];
    rs_gp_text(title, sizeof title, L(c, "Sensitivity: %s", "%s敏感性分析"), mlabel);
    if (shown < n)
        rs_gp_text(note, sizeof note, L(c, "the %d largest of %d parameters", "摆幅最大的%d个参数（共%d个）"),
                   shown, n);
    head(c, title, shown < n ? note : NULL);

    /* bars: per row the longer one first, so the shorter stays visible
     * when both lie on the same side of the base */
    double base = in->base * sc, lo = base, hi = base;
    rs_gp_cmd(c->pen.b, "$bars << EOD\n# x_mid y x_from x_to y_from y_to colour\n");
    for (int pass = 0; pass < 2; pass++)
        for (int i = 0; i < shown; i++) {
            double y = shown - i, m[2] = {rk[i].row->metric_low * sc, rk[i].row->metric_high * sc};
            int longer = !(fabs(m[1] - base) <= fabs(m[0] - base)) && isfinite(m[1]);
            int j = pass == 0 ? longer : !longer;
            if (!isfinite(m[j]))
                continue;
            double a = m[j] < base ? m[j] : base, b = m[j] < base ? base : m[j];
            rs_gp_cmd(c->pen.b, "%g %g %g %g %g %g %s\n", (a + b) / 2, y, a, b, y - 0.34, y + 0.34,
                      j ? "0x" C_HIGH_HEX : "0x" C_LOW_HEX);
            if (pass == 0)
                rs_gp_minmax(m, 2, &lo, &hi);
        }
    rs_gp_cmd(c->pen.b, "EOD\n");
    double span = hi - lo > 0 ? hi - lo : (fabs(base) > 0 ? fabs(base) * 0.1 : 1);
    x_value_axis(c, lo - 0.3 * span, hi + 0.3 * span, 5, 0.5, show == SHOW_PERCENT ? "%" : "", 1);
    if (unit[0])
        rs_gp_axis_label(&c->pen, "x", mlabel, unit);
    else
        rs_gp_cmd(c->pen.b, "set xlabel %q\n", mlabel);
    rs_gp_cmd(c->pen.b, "set grid noytics xtics back linetype 1 linecolor rgb '%s' linewidth 0.5\n", C_GRID);
    rs_gp_cmd(c->pen.b, "set border 1 linecolor rgb '#404040' linewidth 1\n");
    /* parameter labels fill the left 0.42 of the page: 0.42 * PAGE_EM /
     * DIGIT_EM columns at full size, less a margin */
    rs_gp_cmd(c->pen.b, "set lmargin at screen 0.44\nset rmargin at screen 0.93\n");
    rs_gp_cmd(c->pen.b, "set tmargin at screen 0.82\n");
    double tscale = shown > 12 ? 0.7 : 0.85;
    int cols = (int)(0.42 * PAGE_EM / DIGIT_EM * 0.95 / tscale);
    if (shown == 0) {
        rs_gp_cmd(c->pen.b, "set yrange [0:1]\nunset ytics\n");
        rs_gp_cmd(c->pen.b, "set label 1000 %q at graph 0.5, graph 0.5 center textcolor rgb '%s'\n",
                  L(c, "No parameter has a low and a high value", "没有设定低值和高值的参数"),
                  C_SUB);
    } else {
        rs_gp_cmd(c->pen.b, "set yrange [0.4:%g]\nset ytics nomirror scale 0 font %q (", shown + 0.6,
                  rs_gp_font_spec(&c->pen, tscale, f, sizeof f));
    }
    for (int i = 0; i < shown; i++) {
        char a[64], b2[64], lab[600], fit[600];
        rs_gp_text(lab, sizeof lab, "%s  %s – %s", rk[i].row->label ? rk[i].row->label : "",
                   short_num(rk[i].row->low, a, sizeof a), short_num(rk[i].row->high, b2, sizeof b2));
        rs_gp_fit_end(lab, cols, fit, sizeof fit);
        rs_gp_cmd(c->pen.b, "%s%Q %d", i ? ", " : "", fit, shown - i);
    }
    if (shown > 0)
        rs_gp_cmd(c->pen.b, ")\n");
    /* metric values beyond the bar ends; when both ends lie on one side of
     * the base only the farther is labelled */
    int lab = 1;
    for (int i = 0; i < shown; i++) {
        double m[2] = {rk[i].row->metric_low * sc, rk[i].row->metric_high * sc};
        int same = isfinite(m[0]) && isfinite(m[1]) && (m[0] - base) * (m[1] - base) > 0;
        for (int j = 0; j < 2; j++) {
            if (!isfinite(m[j]) || (same && fabs(m[j] - base) < fabs(m[!j] - base)))
                continue;
            char txt[96];
            int d = show == SHOW_PERCENT ? 1
                    : show == SHOW_MONEY ? (c->pen.zh ? (fabs(m[j]) < 10 ? 2 : fabs(m[j]) < 1000 ? 1 : 0) : 0)
                                         : 2;
            rs_gp_group(m[j], d, txt, sizeof txt);
            if (show == SHOW_PERCENT)
                strcat(txt, "%");
            int left = m[j] < base || (m[j] == base && j == 0);
            rs_gp_cmd(c->pen.b, "set label %d %q at %g, %d %s offset %g, 0 font %q textcolor rgb '%s'\n",
                      lab++, txt, m[j], shown - i, left ? "right" : "left", left ? -0.5 : 0.5,
                      rs_gp_font_spec(&c->pen, tscale * 0.9, f, sizeof f), C_INK);
        }
    }
    char basetxt[160], num[96];
    if (show == SHOW_MONEY) {
        rs_gp_money(&c->pen, in->base, num, sizeof num);
    } else {
        rs_gp_group(base, show == SHOW_PERCENT ? 1 : 2, num, sizeof num);
        if (show == SHOW_PERCENT)
            strcat(num, "%");
    }
    rs_gp_text(basetxt, sizeof basetxt, L(c, "Base case: %s", "基准情景：%s"), num);
    if (shown > 0)
        rs_gp_cmd(c->pen.b, "set arrow 1 from %g, graph 0 to %g, graph 1 nohead front linecolor rgb '%s' "
                  "linewidth %g\n", base, base, C_INK, rs_gp_lw(&c->pen, 1.5));
    rs_gp_cmd(c->pen.b, "set label %d %q at %g, graph 1 center offset 0, 0.8 font %q textcolor rgb '%s'\n",
              lab, basetxt, base, rs_gp_font_spec(&c->pen, 0.85, f, sizeof f), C_INK);
    rs_gp_cmd(c->pen.b,
              "plot $bars using 1:2:3:4:5:6:7 with boxxyerror linecolor rgb variable notitle, \\\n"
              "     keyentry with boxes fillcolor rgb '%s' title %q, \\\n"
              "     keyentry with boxes fillcolor rgb '%s' title %q\n",
              C_LOW, L(c, "Parameter at its low value", "参数取低值"), C_HIGH,
              L(c, "Parameter at its high value", "参数取高值"));
    free(rk);
    return RS_OK;
}

/* ---- scripts and files ------------------------------------------------- */

int rs_plot_script(rs_chart k, const rs_plot_input *in, const rs_plot_opts *opt,
                   const char *font, char **script, rs_error *err)
{
    *script = NULL;
    if (!opt)
        opt = &rs_gp_default_opts;
    if ((unsigned)k >= RS_CHART_N || (unsigned)opt->format > RS_FMT_PDF || !in || !in->s)
        return rs_error_set(err, RS_ESOFTWARE, "chart %d: bad arguments", (int)k);
    int needs = charts[k].needs;
    if (((needs & NEED_R) && !in->r) ||
        ((needs & NEED_MC) && (!in->mc || in->mc->runs < 1 || !in->mc->yearly || !in->mc->npv)) ||
        ((needs & NEED_R) && (needs & NEED_MC) && in->mc->years != in->r->years) ||
        ((needs & NEED_ROWS) && in->nrows > 0 && !in->rows) || ((needs & NEED_ROWS) && in->nrows < 0))
        return rs_error_set(err, RS_ESOFTWARE, "%s chart: its results are missing", charts[k].stem);
    rs_gpbuf b;
    rs_gpbuf_init(&b);
    chart c = {.in = in, .s = in->s, .r = in->r, .mc = in->mc, .kind = k};
    rs_gp_pen_init(&c.pen, &b, opt, font, rs_gp_scen_text(in->s, SC_CURRENCY));
    return rs_gp_script_done(&b, charts[k].draw(&c), charts[k].stem, script, err);
}
