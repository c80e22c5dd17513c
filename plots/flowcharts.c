/* flowcharts.c: the run charts of money over time: coverage of the deficit
 * and revenue by lever (yearly), the fund with its debt and reserve and the
 * cumulative cash flow (monthly), debt service against net income with the
 * DSCR (yearly). */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "chart.h"

/* The key and plot of a yearly chart of two bars a year: columns 2 (blue,
 * `blue`) and 3 (red, `red`) of $d side by side, the value `ref` of the
 * right axis as a grey dashed line (`ref_label`), and column `col` (0:
 * none) as a line with points on the right axis (`col_label`). */
static void plot_pair(rs_run_chart *c, const char *blue, const char *red, double ref,
                      const char *ref_label, int col, const char *col_label)
{
    rs_gp_cmd(c->pen.b, "set boxwidth 0.36 absolute\n");
    rs_gp_key(&c->pen, RS_KEY_BOX, C_BLUE, 0, NULL, 0, blue);
    rs_gp_key(&c->pen, RS_KEY_BOX, C_RED, 0, NULL, 0, red);
    rs_gp_key(&c->pen, RS_KEY_LINE, C_GREY, rs_gp_lw(&c->pen, 1.5), DASH_LONG, 0, ref_label);
    if (col)
        rs_gp_key(&c->pen, RS_KEY_LINEPOINT, C_INK, rs_gp_lw(&c->pen, 2), NULL, 7, col_label);
    rs_gp_frame(&c->pen, 0);
    rs_gp_cmd(c->pen.b,
              "plot $d using ($1-0.19):2 with boxes fillcolor rgb '%s' notitle, \\\n"
              "     $d using ($1+0.19):3 with boxes fillcolor rgb '%s' notitle, \\\n"
              "     %g axes x1y2 with lines linecolor rgb '%s' dashtype %s linewidth %g notitle",
              C_BLUE, C_RED, ref, C_GREY, DASH_LONG, rs_gp_lw(&c->pen, 1.5));
    if (col)
        rs_gp_cmd(c->pen.b,
                  ", \\\n     $d using 1:%d axes x1y2 with linespoints linecolor rgb '%s' "
                  "linewidth %g pointtype 7 pointsize %g notitle",
                  col, C_INK, rs_gp_lw(&c->pen, 2), rs_gp_ps(&c->pen, 1.3));
    rs_gp_cmd(c->pen.b, "\n");
}

/* Yearly net income and deficit as bars, coverage on the right axis with
 * the 100% line. */
int rs_draw_coverage(rs_run_chart *c)
{
    const rs_results *r = c->r;
    const int Y = r->years;
    double lo = 0, hi = 0, clo = 0, chi = 120;
    int ncov = 0;
    rs_run_head(c, rs_run_title(c), NULL);
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
    rs_run_year_axis(c, Y, 0.6);
    rs_gp_value_axis(&c->pen, "y", lo, hi + 0.04 * (hi - lo), 6, "");
    rs_gp_axis_label(&c->pen, "y", L(c, "Amount per year", "年度金额"), c->pen.unit);
    rs_gp_value_axis(&c->pen, "y2", clo, chi * 1.04, 6, "%");
    rs_gp_axis_label(&c->pen, "y2", L(c, "Coverage of the deficit (%)", "亏损覆盖率（%）"), NULL);
    plot_pair(c, L(c, "Commercial net income", "商业净收益"),
              L(c, rs_series[SR_DEFICIT].label_en, rs_series[SR_DEFICIT].label_zh), 100,
              L(c, "100% coverage", "100%覆盖线"), ncov ? 4 : 0,
              L(c, "Coverage (right axis)", "覆盖率（右轴）"));
    return RS_OK;
}

/* Gross revenue of each lever stacked by year, the largest (over the
 * horizon) at the bottom; beyond RS_CHART_TOP_LEVERS + 1 levers the rest
 * as one grey "other" layer. Totals above the bars. */
int rs_draw_revenue(rs_run_chart *c)
{
    const rs_results *r = c->r;
    const int Y = r->years, NL = r->nlev;
    const int shown = NL <= RS_CHART_TOP_LEVERS + 1 ? NL : RS_CHART_TOP_LEVERS,
              other = NL - shown, layers = shown + (other > 0);
    double hi = 0, *sum = calloc((size_t)NL + 1, sizeof *sum), *tot = calloc((size_t)Y, sizeof *tot);
    int *order = malloc(((size_t)NL + 1) * sizeof *order);
    if (!sum || !tot || !order) {
        free(sum);
        free(tot);
        free(order);
        return RS_ESOFTWARE;
    }
    for (int l = 0; l < NL; l++)
        for (int y = 0; y < Y; y++) {
            double v = r->y_lev_revenue[(size_t)l * Y + y];
            sum[l] += v > 0 ? v : 0;
        }
    if (rs_chart_rank(sum, NL, order) != RS_OK) {
        free(sum);
        free(tot);
        free(order);
        return RS_ESOFTWARE;
    }
    rs_run_head(c, rs_run_title(c), NULL);
    rs_gp_cmd(c->pen.b, "$d << EOD\n# year, then the revenue of the %d largest levers summed "
              "from the largest, k = 1..%d%s\n", shown, shown, other ? ", then all levers" : "");
    for (int y = 1; y <= Y; y++) {
        double cum = 0;
        rs_gp_cmd(c->pen.b, "%d", y);
        for (int i = 0; i < NL; i++) {
            double v = r->y_lev_revenue[(size_t)order[i] * Y + y - 1];
            cum += (v > 0 ? v : 0) * c->pen.k;
            if (i < shown || i == NL - 1)
                rs_gp_cmd(c->pen.b, " %g", cum);
        }
        rs_gp_cmd(c->pen.b, "\n");
        tot[y - 1] = cum;
        hi = cum > hi ? cum : hi;
    }
    rs_gp_cmd(c->pen.b, "EOD\n");
    rs_run_year_axis(c, Y, 0.6);
    /* totals above the bars, every `every` years so that they do not touch:
     * a year is 0.78 * PAGE_EM / (Y + 1.2) em wide (the plot is about 78%
     * of the page), at the labels' 0.72 scale */
    char f[160], num[64];
    double width = 0;
    for (int y = 1; y <= Y; y++) {
        double w = rs_gp_text_em(rs_gp_amount(&c->pen, tot[y - 1], num, sizeof num)) * 0.72;
        width = w > width ? w : width;
    }
    double slot = 0.78 * PAGE_EM / (Y + 1.2);
    int every = (int)ceil(width / (0.85 * slot));
    int totals = every <= 3 && NL > 0;
    if (NL > 0) {
        rs_gp_value_axis(&c->pen, "y", 0, hi * (totals ? 1.1 : 1.02), 6, "");
    } else {
        rs_gp_cmd(c->pen.b, "set yrange [0:1]\nset ytics ('0' 0)\n");
        rs_gp_cmd(c->pen.b, "set label 1000 %q at graph 0.5, graph 0.5 center textcolor rgb '%s'\n",
                  L(c, "No levers: no commercial revenue", "没有经营项目，无商业收入"), C_SUB);
    }
    rs_gp_axis_label(&c->pen, "y", L(c, "Revenue per year", "年度收入"), c->pen.unit);
    for (int y = 1; totals && y <= Y; y++)
        if ((y - 1) % every == 0)
            rs_gp_cmd(c->pen.b, "set label %d %q at %d, %g center offset 0, 0.7 font %q textcolor rgb '%s'\n",
                      y, rs_gp_amount(&c->pen, tot[y - 1], num, sizeof num), y, tot[y - 1],
                      rs_gp_font_spec(&c->pen, 0.72, f, sizeof f), C_INK);
    rs_gp_cmd(c->pen.b, "set boxwidth 0.7 absolute\n");
    for (int i = 0; i < shown; i++)
        rs_gp_key(&c->pen, RS_KEY_BOX, rs_gp_colors[i], 0, NULL, 0, c->s->lev[order[i]].name);
    if (other) {
        char lab[128];
        rs_gp_text(lab, sizeof lab, L(c, "The other %s levers", "其余%s个项目"),
                   rs_gp_group(other, 0, num, sizeof num));
        rs_gp_key(&c->pen, RS_KEY_BOX, C_GREY, 0, NULL, 0, lab);
    }
    rs_gp_frame(&c->pen, 0);
    if (NL == 0) {
        rs_gp_cmd(c->pen.b, "plot NaN notitle\n");
    } else {
        rs_gp_cmd(c->pen.b, "plot ");
        for (int k = layers - 1; k >= 0; k--)  /* tallest (all levers) first */
            rs_gp_cmd(c->pen.b, "$d using 1:%d with boxes fillcolor rgb '%s' notitle%s", k + 2,
                      k < shown ? rs_gp_colors[k] : C_GREY, k ? ", \\\n     " : "\n");
    }
    free(sum);
    free(tot);
    free(order);
    return RS_OK;
}

/* Where a note about point (x, y) of an x range [x0, x1] goes: the side with
 * room. Writes "left|right|center" and the x offset in characters. */
static const char *note_side(double x, double x0, double x1, double *dx)
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

/* The start of a monthly chart's plot command: column 2 of $d as a blue
 * line over an area shaded blue above zero and red below. */
static void plot_area(rs_run_chart *c)
{
    rs_gp_cmd(c->pen.b,
              "plot $d using 1:2 with filledcurves above y=0 fillcolor rgb '%s' notitle, \\\n"
              "     $d using 1:2 with filledcurves below y=0 fillcolor rgb '%s' notitle, \\\n"
              "     $d using 1:2 with lines linecolor rgb '%s' linewidth %g notitle",
              C_BLUE_FILL, C_RED_FILL, C_BLUE, rs_gp_lw(&c->pen, 2.5));
}

/* 1 when the fund chart draws the debt balance: the scenario has loans and
 * some month owes. */
static int fund_has_debt(const rs_run_chart *c)
{
    if (c->s->nloan < 1 || !c->r->debt_balance)
        return 0;
    for (int m = 0; m < c->r->months; m++)
        if (c->r->debt_balance[m] > 0)
            return 1;
    return 0;
}

/* Fund balance at each month end (month 0: the initial fund), shaded above
 * and below zero, the minimum marked; the debt still owed when the
 * scenario borrows, the reserve when it sets one. */
int rs_draw_fund(rs_run_chart *c)
{
    const rs_results *r = c->r;
    const int M = r->months, Y = r->years, debt = fund_has_debt(c);
    const double reserve = c->s->fund.v[FD_RESERVE] * c->pen.k;
    const int with_reserve = (c->s->fund.set[FD_RESERVE] || reserve != 0) && isfinite(reserve);
    double init = c->s->fund.v[FD_INITIAL] * c->pen.k, lo = init < 0 ? init : 0,
           hi = init > 0 ? init : 0;
    rs_run_head(c, rs_run_title(c), NULL);
    rs_gp_cmd(c->pen.b, "$d << EOD\n# years balance%s\n0 %g%s\n", debt ? " debt_balance" : "", init,
              debt ? " 0" : "");
    for (int m = 1; m <= M; m++) {
        double v = r->fund[m - 1] * c->pen.k;
        rs_gp_cmd(c->pen.b, "%g %g", m / 12.0, v);
        rs_gp_minmax(&v, 1, &lo, &hi);
        if (debt) {
            double d = r->debt_balance[m - 1] * c->pen.k;
            rs_gp_cmd(c->pen.b, " %g", d);
            rs_gp_minmax(&d, 1, &lo, &hi);
        }
        rs_gp_cmd(c->pen.b, "\n");
    }
    rs_gp_cmd(c->pen.b, "EOD\n");
    if (with_reserve)
        rs_gp_minmax(&reserve, 1, &lo, &hi);
    double fmin = r->metric[MT_FUND_MIN], mmin = r->metric[MT_FUND_MIN_MONTH];
    int have_min = isfinite(fmin) && isfinite(mmin) && mmin >= 1 && mmin <= M;
    rs_run_elapsed_axis(c, Y);
    rs_run_pad_range(&lo, &hi, have_min ? 0.2 : 0.03, 0.04);
    rs_gp_value_axis(&c->pen, "y", lo, hi, 6, "");
    rs_gp_axis_label(&c->pen, "y", L(c, "Fund balance", "基金余额"), c->pen.unit);
    rs_gp_cmd(c->pen.b, "set xzeroaxis linetype 1 linecolor rgb '%s' linewidth 1\n", C_GREY);
    const char *minlab = L(c, rs_metrics[MT_FUND_MIN].label_en, rs_metrics[MT_FUND_MIN].label_zh);
    if (have_min) {
        int m = (int)mmin;
        char amt[96], cal[16], note[320], f[160];
        double dx, x = m / 12.0;
        const char *just = note_side(x, 0, Y, &dx);
        rs_gp_money(&c->pen, fmin, amt, sizeof amt);
        rs_fmt_calendar(rs_gp_scen_text(c->s, SC_START), m, cal, sizeof cal);
        if (cal[0])
            rs_gp_text(note, sizeof note, L(c, "%s: %s (month %d, %s)", "%s：%s（第%d月，%s）"),
                       minlab, amt, m, cal);
        else
            rs_gp_text(note, sizeof note, L(c, "%s: %s (month %d)", "%s：%s（第%d月）"), minlab, amt,
                       m);
        rs_gp_cmd(c->pen.b, "$min << EOD\n%g %g\nEOD\n", x, fmin * c->pen.k);
        rs_gp_cmd(c->pen.b, "set label 1 %q at %g, %g %s offset %g, -1.1 font %q textcolor rgb '%s' front\n",
                  note, x, fmin * c->pen.k, just, dx, rs_gp_font_spec(&c->pen, 0.85, f, sizeof f), C_RED);
    }
    rs_gp_key(&c->pen, RS_KEY_LINE, C_BLUE, rs_gp_lw(&c->pen, 2.5), NULL, 0,
              L(c, "Balance at month end", "月末余额"));
    if (debt)
        rs_gp_key(&c->pen, RS_KEY_LINE, C_HIGH, rs_gp_lw(&c->pen, 2.2), NULL, 0,
                  L(c, "Debt owed (loans)", "未偿还借款余额"));
    if (with_reserve) {
        char amt[96], lab[256];
        rs_gp_text(lab, sizeof lab, L(c, "Reserve: %s", "储备金：%s"),
                   rs_gp_money(&c->pen, c->s->fund.v[FD_RESERVE], amt, sizeof amt));
        rs_gp_key(&c->pen, RS_KEY_LINE, C_INK, rs_gp_lw(&c->pen, 1.5), DASH_LONG, 0, lab);
    }
    if (have_min)
        rs_gp_key(&c->pen, RS_KEY_POINT, C_RED, 0, NULL, 7, minlab);
    rs_gp_frame(&c->pen, 0);
    plot_area(c);
    if (debt)
        rs_gp_cmd(c->pen.b, ", \\\n     $d using 1:3 with lines linecolor rgb '%s' linewidth %g notitle",
                  C_HIGH, rs_gp_lw(&c->pen, 2.2));
    if (with_reserve)
        rs_gp_cmd(c->pen.b, ", \\\n     %g with lines linecolor rgb '%s' linewidth %g dashtype (14,9) notitle",
                  reserve, C_INK, rs_gp_lw(&c->pen, 1.5));
    if (have_min)
        rs_gp_cmd(c->pen.b,
                  ", \\\n     $min using 1:2 with points pointtype 7 pointsize %g "
                  "linecolor rgb '%s' notitle",
                  rs_gp_ps(&c->pen, 2.4), C_RED);
    rs_gp_cmd(c->pen.b, "\n");
    return RS_OK;
}

/* Cumulative programme cash flow (and discounted), payback marked. */
int rs_draw_cashflow(rs_run_chart *c)
{
    const rs_results *r = c->r;
    const int M = r->months, Y = r->years;
    double lo = 0, hi = 0, cum = 0, dcum = 0, rate = c->s->scen.v[SC_DISCOUNT];
    rs_run_head(c, rs_run_title(c), NULL);
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
    rs_run_elapsed_axis(c, Y);
    rs_run_pad_range(&lo, &hi, 0.03, 0.06);
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
    rs_gp_key(&c->pen, RS_KEY_LINE, C_BLUE, rs_gp_lw(&c->pen, 2.5), NULL, 0,
              L(c, "Cumulative cash flow", "累计现金流"));
    rs_gp_key(&c->pen, RS_KEY_LINE, C_INK, rs_gp_lw(&c->pen, 1.5), DASH_LONG, 0, note);
    if (have_pb)
        rs_gp_key(&c->pen, RS_KEY_POINT, C_RED, 0, NULL, 7, pbl);
    rs_gp_frame(&c->pen, 0);
    plot_area(c);
    rs_gp_cmd(c->pen.b, ", \\\n     $d using 1:3 with lines linecolor rgb '%s' linewidth %g dashtype %s notitle",
              C_INK, rs_gp_lw(&c->pen, 1.5), DASH_LONG);
    if (have_pb)
        rs_gp_cmd(c->pen.b, ", \\\n     $pb using 1:2 with points pointtype 7 pointsize %g "
                  "linecolor rgb '%s' notitle", rs_gp_ps(&c->pen, 2.4), C_RED);
    rs_gp_cmd(c->pen.b, "\n");
    return RS_OK;
}

/* The DSCR axis stops here when a year's DSCR is far above it; such years
 * are drawn at the top with their value written. */
#define DSCR_CAP 5.0

/* Yearly net income and debt service as bars, the debt-service cover
 * (DSCR = net income / debt service) on the right axis with the 1.0 line. */
int rs_draw_debt(rs_run_chart *c)
{
    const rs_results *r = c->r;
    const int Y = r->years;
    double lo = 0, hi = 0, dmax = 0;
    char note[256], num[64], f[160];
    const char *times = L(c, "×", "倍");
    for (int y = 0; y < Y; y++)
        if (isfinite(r->y_dscr[y]) && r->y_dscr[y] > dmax)
            dmax = r->y_dscr[y];
    double cap = dmax > DSCR_CAP * 1.2 ? DSCR_CAP : 0;
    double dmin = r->metric[MT_DSCR_MIN];
    int ymin = 0;
    for (int y = 1; y <= Y && isfinite(dmin); y++)
        if (r->y_dscr[y - 1] == dmin) {
            ymin = y;
            break;
        }
    if (ymin) {
        rs_gp_group(dmin, 2, num, sizeof num);
        rs_gp_text(note, sizeof note, L(c, "lowest DSCR %s%s in year %d", "最低偿债覆盖率%s%s（第%d年）"),
                   num, times, ymin);
    }
    rs_run_head(c, rs_run_title(c), ymin ? note : NULL);
    rs_gp_cmd(c->pen.b, "$d << EOD\n# year net_income debt_service dscr%s\n",
              cap > 0 ? " dscr_drawn" : "");
    for (int y = 1; y <= Y; y++) {
        double net = r->y_net[y - 1] * c->pen.k, ds = r->y_debt_service[y - 1] * c->pen.k,
               d = r->y_dscr[y - 1];
        rs_gp_cmd(c->pen.b, "%d %g %g %g", y, net, ds, d);
        if (cap > 0)
            rs_gp_cmd(c->pen.b, " %g", d > cap ? cap : d);
        rs_gp_cmd(c->pen.b, "\n");
        rs_gp_minmax(&net, 1, &lo, &hi);
        rs_gp_minmax(&ds, 1, &lo, &hi);
    }
    rs_gp_cmd(c->pen.b, "EOD\n");
    rs_run_year_axis(c, Y, 0.6);
    rs_run_pad_range(&lo, &hi, lo < 0 ? 0.04 : 0, 0.06);
    rs_gp_value_axis(&c->pen, "y", lo, hi, 6, "");
    rs_gp_axis_label(&c->pen, "y", L(c, "Amount per year", "年度金额"), c->pen.unit);
    double dtop = cap > 0 ? cap : dmax > 1.5 ? dmax : 1.5;
    rs_gp_axis da;
    rs_gp_axis_fit(&da, 0, dtop * (cap > 0 ? 1 : 1.08), 5);
    if (cap > 0)
        da.hi = cap;
    rs_gp_pen_axis(&c->pen, "y2", &da, times);
    rs_gp_axis_label(&c->pen, "y2", L(c, rs_series[SR_DSCR].label_en, rs_series[SR_DSCR].label_zh),
                     times);
    rs_gp_cmd(c->pen.b, "set xzeroaxis linetype 1 linecolor rgb '%s' linewidth 1\n", C_GREY);
    for (int y = 1; cap > 0 && y <= Y; y++)
        if (r->y_dscr[y - 1] > cap) {
            char lab[96];
            rs_gp_text(lab, sizeof lab, "%s%s", rs_gp_group(r->y_dscr[y - 1], 1, num, sizeof num), times);
            int right = y > 0.8 * Y;   /* beside the point, away from the line */
            rs_gp_cmd(c->pen.b, "set label %d %q at %d, second %g %s offset %s, 0 font %q "
                      "textcolor rgb '%s' front\n", y, lab, y, cap, right ? "right" : "left",
                      right ? "-1.1" : "1.1", rs_gp_font_spec(&c->pen, 0.72, f, sizeof f), C_INK);
        }
    plot_pair(c, L(c, rs_series[SR_NET].label_en, rs_series[SR_NET].label_zh),
              L(c, rs_series[SR_DEBT_SERVICE].label_en, rs_series[SR_DEBT_SERVICE].label_zh), 1,
              L(c, "DSCR = 1: just covered", "覆盖率1倍：刚够还本付息"), cap > 0 ? 5 : 4,
              L(c, "Debt-service cover, DSCR (right axis)", "偿债覆盖率（右轴）"));
    return RS_OK;
}
