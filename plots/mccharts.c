/* mccharts.c: the run charts of Monte Carlo results: the fans of yearly net
 * income and coverage (P10-P90 band, median, base case) and the histogram
 * of the runs' NPV. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "chart.h"

static double mc_stat(const rs_mc_results *mc, int series, int y, int stat)
{
    return mc->yearly[((size_t)series * mc->years + (size_t)(y - 1)) * MC_NSTAT + stat];
}

static const char *runs_note(const rs_run_chart *c, char *buf, size_t n)
{
    char num[64];
    rs_gp_group((double)c->mc->runs, 0, num, sizeof num);
    rs_gp_text(buf, n, L(c, "%s Monte Carlo runs", "蒙特卡洛模拟%s次"), num);
    return buf;
}

/* P10-P90 band, P50 line and base case of yearly series `series`. */
static void fan_data(rs_run_chart *c, int series, double scale, const double *base)
{
    const int Y = c->mc->years;
    rs_gp_cmd(c->pen.b, "$d << EOD\n# year p10 p50 p90 base\n");
    for (int y = 1; y <= Y; y++)
        rs_gp_cmd(c->pen.b, "%d %g %g %g %g\n", y, mc_stat(c->mc, series, y, MC_P10) * scale,
                  mc_stat(c->mc, series, y, MC_P50) * scale,
                  mc_stat(c->mc, series, y, MC_P90) * scale, base[y - 1] * scale);
    rs_gp_cmd(c->pen.b, "EOD\n");
}

static void fan_range(const rs_run_chart *c, int series, double scale, const double *base,
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
static void fan_plot(rs_run_chart *c, int full)
{
    rs_gp_key(&c->pen, RS_KEY_BOX, C_BLUE_FILL, 0, NULL, 0, L(c, "P10–P90 range", "P10–P90区间"));
    rs_gp_key(&c->pen, RS_KEY_LINEPOINT, C_BLUE, rs_gp_lw(&c->pen, 2.5), NULL, 7,
              L(c, "Median (P50)", "中位数（P50）"));
    rs_gp_key(&c->pen, RS_KEY_LINE, C_INK, rs_gp_lw(&c->pen, 1.5), DASH_LONG, 0,
              L(c, "Base case", "基准情景"));
    if (full)
        rs_gp_key(&c->pen, RS_KEY_LINE, C_RED, rs_gp_lw(&c->pen, 1.5), DASH_FULL, 0,
                  L(c, "100% coverage", "100%覆盖线"));
    rs_gp_frame(&c->pen, 0);
    rs_gp_cmd(c->pen.b,
              "plot $d using 1:2:4 with filledcurves fillcolor rgb '%s' notitle, \\\n"
              "     $d using 1:3 with linespoints linecolor rgb '%s' linewidth %g pointtype 7 "
              "pointsize %g notitle, \\\n"
              "     $d using 1:5 with lines linecolor rgb '%s' linewidth %g dashtype %s notitle",
              C_BLUE_FILL, C_BLUE, rs_gp_lw(&c->pen, 2.5), rs_gp_ps(&c->pen, 1.2), C_INK,
              rs_gp_lw(&c->pen, 1.5), DASH_LONG);
    if (full)
        rs_gp_cmd(c->pen.b, ", \\\n     100 with lines linecolor rgb '%s' dashtype %s linewidth %g notitle",
                  C_RED, DASH_FULL, rs_gp_lw(&c->pen, 1.5));
    rs_gp_cmd(c->pen.b, "\n");
}

int rs_draw_fan_net(rs_run_chart *c)
{
    char note[128];
    double lo = 0, hi = 0;
    rs_run_head(c, rs_run_title(c), runs_note(c, note, sizeof note));
    fan_data(c, MC_Y_NET, c->pen.k, c->r->y_net);
    fan_range(c, MC_Y_NET, c->pen.k, c->r->y_net, &lo, &hi);
    rs_run_year_axis(c, c->mc->years, 0.3);
    rs_run_pad_range(&lo, &hi, 0, 0.04);
    rs_gp_value_axis(&c->pen, "y", lo, hi, 6, "");
    rs_gp_axis_label(&c->pen, "y", L(c, "Net income per year", "年度净收益"), c->pen.unit);
    rs_gp_cmd(c->pen.b, "set xzeroaxis linetype 1 linecolor rgb '%s' linewidth 1\n", C_GREY);
    fan_plot(c, 0);
    return RS_OK;
}

int rs_draw_fan_coverage(rs_run_chart *c)
{
    char note[128];
    double lo = 0, hi = 120;
    rs_run_head(c, rs_run_title(c), runs_note(c, note, sizeof note));
    fan_data(c, MC_Y_COVERAGE, 100, c->r->y_coverage);
    fan_range(c, MC_Y_COVERAGE, 100, c->r->y_coverage, &lo, &hi);
    rs_run_year_axis(c, c->mc->years, 0.3);
    rs_gp_value_axis(&c->pen, "y", lo, hi * 1.04, 6, "%");
    rs_gp_axis_label(&c->pen, "y", L(c, "Coverage of the deficit (%)", "亏损覆盖率（%）"), NULL);
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
int rs_draw_npv_hist(rs_run_chart *c)
{
    const rs_mc_results *mc = c->mc;
    char note[400], f[160];
    double *v = malloc((size_t)(mc->kept ? mc->kept : 1) * sizeof *v);
    int *count = NULL;
    long n = 0, nneg = 0;
    if (!v)
        return RS_ESOFTWARE;
    for (long i = 0; i < mc->kept; i++)   /* the first runs kept: a sample past the limit */
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
    rs_run_head(c, rs_run_title(c), runs_note(c, runs, sizeof runs));
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
    rs_gp_x_value_axis(&c->pen, bins.lo, bins.hi, 6, 0.8, "", 1);
    rs_gp_axis_label(&c->pen, "x", L(c, "Net present value", "净现值"), c->pen.unit);
    /* no share above 100% */
    double ytop = top * 1.45;
    if (ytop >= 100 || !(ytop > 0)) {
        rs_gp_axis a = {0, 100, 20, 5, 0};
        rs_gp_pen_axis(&c->pen, "y", &a, "%");
    } else {
        rs_gp_value_axis(&c->pen, "y", 0, ytop, 5, "%");
    }
    rs_gp_axis_label(&c->pen, "y", L(c, "Share of runs", "模拟次数占比"), NULL);
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
        rs_gp_text(part, sizeof part, "%s%s %s", pvals[0] ? L(c, ", ", "，") : "", pname[i],
                   rs_gp_amount(&c->pen, p, amt, sizeof amt));
        strncat(pvals, part, sizeof pvals - strlen(pvals) - 1);
        rs_gp_cmd(c->pen.b, "set arrow %d from %g, graph 0 to %g, graph %g nohead front linecolor rgb '%s' "
                  "dashtype %s linewidth %g\n", i + 1, p, p, 0.93 - 0.07 * i, C_INK, DASH_LONG,
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
    rs_gp_key(&c->pen, RS_KEY_BOX, C_RED, 0, NULL, 0, kneg);
    rs_gp_key(&c->pen, RS_KEY_BOX, C_BLUE, 0, NULL, 0, kpos);
    if (pvals[0])
        rs_gp_key(&c->pen, RS_KEY_LINE, C_INK, rs_gp_lw(&c->pen, 1.2), DASH_LONG, 0, note);
    rs_gp_frame(&c->pen, 0);
    rs_gp_cmd(c->pen.b, "plot $neg using 1:2 with boxes fillcolor rgb '%s' notitle, \\\n"
              "     $pos using 1:2 with boxes fillcolor rgb '%s' notitle\n", C_RED, C_BLUE);
    free(v);
    free(count);
    return RS_OK;
}
