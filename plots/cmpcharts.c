/* compare.c: the comparison charts of `revsim compare` (one table row a
 * chart, one draw function each), written into an output set like the run
 * charts, and any chart drawn as SVG text in memory for report.html. The
 * look is charts.c's, drawn with the same machinery (gpdraw.h): canvases,
 * fonts, palette, two-line title and key below; user text enters scripts
 * only through rs_gp_cmd's %q. */
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "cmpcharts.h"
#include "gpdraw.h"

/* Scenario colours (the palette without its grey, the baseline's) and
 * markers, for grey prints. */
#define NSCEN (RS_GP_NCOLORS - 1)
static const int scen_points[NSCEN] = {7, 5, 9, 13, 11, 15, 7};
#define MAX_COM_LINES 10 /* communities drawn in colour with a key entry */

typedef struct cchart cchart;
typedef int (*draw_fn)(cchart *c);

/* Everything a chart reads: the pen (script, canvas, language, money unit)
 * and the comparison. */
struct cchart {
    rs_gp_pen pen;
    const rs_cmp_plot_input *in;
    int item;
    rs_cmp_chart kind;
};

static int draw_gain(cchart *c);
static int draw_coverage(cchart *c);
static int draw_npv(cchart *c);
static int draw_communities(cchart *c);

static const struct {
    const char *stem, *title_en, *title_zh;
    draw_fn draw;
} charts[RS_CMP_N] = {
    [RS_CMP_GAIN] = {"compare_revenue_gain", "Annual revenue gain over the baseline",
                     "相对基准情景的年度收入增量", draw_gain},
    [RS_CMP_COVERAGE] = {"compare_coverage", "Coverage of the management deficit by year",
                         "各情景历年物业亏损覆盖率", draw_coverage},
    [RS_CMP_NPV] = {"compare_npv", "Net present value over Monte Carlo runs",
                    "各情景净现值分布（蒙特卡洛模拟）", draw_npv},
    [RS_CMP_COMMUNITIES] = {"communities", "Coverage of the deficit by community",
                            "各小区物业亏损覆盖率", draw_communities},
};

/* ---- small helpers --------------------------------------------------------- */

/* Colour and marker of item i: grey for the baseline, the palette in item
 * order for the others. */
static const char *item_color(const rs_cmp_plot_input *in, int i)
{
    if (i == in->baseline)
        return C_GREY;
    int j = i < in->baseline ? i : i - 1;
    return rs_gp_colors[j % NSCEN];
}

static int item_point(const rs_cmp_plot_input *in, int i)
{
    if (i == in->baseline)
        return 6;
    int j = i < in->baseline ? i : i - 1;
    return scen_points[j % NSCEN];
}

/* Key text of item i: its scenario name cut to `cols` columns, with
 * " [id]" when another item has the same name. */
static const char *item_label(const rs_cmp_plot_input *in, int i, int cols, char *buf, size_t n)
{
    const char *name = rs_gp_scen_text(in->items[i].s, SC_NAME);
    int dup = 0;
    for (int j = 0; j < in->n; j++)
        dup |= j != i && strcmp(rs_gp_scen_text(in->items[j].s, SC_NAME), name) == 0;
    char fit[512], idfit[128];
    if (dup) {
        rs_gp_fit(in->items[i].id ? in->items[i].id : "", cols / 2, idfit, sizeof idfit);
        int room = cols - rs_gp_label_chars(idfit) - 3;
        rs_gp_fit(name, room > 8 ? room : 8, fit, sizeof fit);
        rs_gp_text(buf, n, "%s [%s]", fit, idfit);
    } else {
        rs_gp_fit(name, cols, fit, sizeof fit);
        rs_gp_text(buf, n, "%s", fit);
    }
    return buf;
}

/* More than four scenarios: the key's `entries` (one a line below the
 * plot) in a smaller font, so that the plot keeps most of its height. Two
 * columns do not fit: the names are up to 34 columns wide. */
static void key_rows(cchart *c, int entries)
{
    char f[160];
    if (c->in->n > 4 && entries > 5)
        rs_gp_cmd(c->pen.b, "set key font %q spacing 1.0\n",
                  rs_gp_font_spec(&c->pen, entries > 8 ? 0.65 : 0.75, f, sizeof f));
}

/* The head (rs_gp_head) with the two-line title: subject, then `line2`. */
static void head(cchart *c, const char *subject, const char *line2)
{
    char fit[640];
    rs_gp_fit(line2 ? line2 : "", 72, fit, sizeof fit);
    rs_gp_head(&c->pen, "revsim comparison chart", charts[c->kind].stem, subject, fit);
}

/* The start every item shares, or "" when they differ. */
static const char *common_start(const rs_cmp_plot_input *in)
{
    const char *s0 = rs_gp_scen_text(in->items[0].s, SC_START);
    for (int i = 1; i < in->n; i++)
        if (strcmp(rs_gp_scen_text(in->items[i].s, SC_START), s0) != 0)
            return "";
    return s0;
}

/* x value axis whose tick labels fit side by side in `frac` of the width
 * (fewer ticks until they do); the range is [lo, hi] itself. */
static void x_value_axis(cchart *c, double lo, double hi, int target, double frac)
{
    rs_gp_axis a;
    for (;; target--) {
        rs_gp_axis_fit(&a, lo, hi, target);
        int chars = 0;
        for (int i = 0; i <= a.n; i++) {
            char num[64];
            int k = rs_gp_label_chars(rs_gp_group(a.lo + i * a.step, a.decimals, num, sizeof num));
            chars = k > chars ? k : chars;
        }
        if (target <= 2 || (a.n + 1) * (chars * DIGIT_EM + 1.5) <= frac * PAGE_EM)
            break;
    }
    a.lo = lo;
    a.hi = hi;
    rs_gp_axis_emit(c->pen.b, "x", &a, "nomirror out scale 0.5", "");
}

/* "Baseline: NAME" and, when horizons differ, the common years. */
static void baseline_line(cchart *c, char *buf, size_t n)
{
    const rs_cmp_plot_input *in = c->in;
    char name[256];
    int differ = 0;
    for (int i = 0; i < in->n; i++)
        differ |= in->items[i].r->years != in->years;
    rs_gp_fit(rs_gp_scen_text(in->items[in->baseline].s, SC_NAME), differ ? 40 : 56, name, sizeof name);
    if (differ)
        rs_gp_text(buf, n, L(c, "Baseline: %s  ·  the %d years all scenarios have",
                             "基准情景：%s  ·  各情景共有的%d年"), name, in->years);
    else
        rs_gp_text(buf, n, L(c, "Baseline: %s", "基准情景：%s"), name);
}

/* ---- the charts ------------------------------------------------------------ */

/* Yearly revenue of each scenario minus the baseline's, grouped by year. */
static int draw_gain(cchart *c)
{
    const rs_cmp_plot_input *in = c->in;
    const int Y = in->years, B = in->baseline, m = in->n - 1;
    const rs_results *rb = in->items[B].r;
    double lo = 0, hi = 0;
    char line2[512], lab[512];
    baseline_line(c, line2, sizeof line2);
    head(c, L(c, charts[RS_CMP_GAIN].title_en, charts[RS_CMP_GAIN].title_zh), line2);
    rs_gp_cmd(c->pen.b, "$d << EOD\n# year, then each scenario's revenue minus the baseline's\n");
    for (int y = 1; y <= Y; y++) {
        rs_gp_cmd(c->pen.b, "%d", y);
        for (int i = 0; i < in->n; i++) {
            if (i == B)
                continue;
            double g = (in->items[i].r->y_revenue[y - 1] - rb->y_revenue[y - 1]) * c->pen.k;
            rs_gp_cmd(c->pen.b, " %g", g);
            rs_gp_minmax(&g, 1, &lo, &hi);
        }
        rs_gp_cmd(c->pen.b, "\n");
    }
    rs_gp_cmd(c->pen.b, "EOD\n");
    rs_gp_year_axis(&c->pen, Y, 0.6, common_start(in));
    double span = hi - lo > 0 ? hi - lo : 1, ylo = lo < 0 ? lo - 0.04 * span : 0,
           yhi = hi > 0 ? hi + 0.04 * span : 0;
    rs_gp_value_axis(&c->pen, "y", ylo, yhi > ylo ? yhi : ylo + 1, 6, "");
    rs_gp_axis_label(&c->pen, "y", L(c, "Revenue gain per year", "年度收入增量"), c->pen.unit);
    rs_gp_cmd(c->pen.b, "set xzeroaxis linetype 1 linecolor rgb '%s' linewidth 1\n", C_GREY);
    if (m == 0) {
        rs_gp_cmd(c->pen.b, "set label 1000 %q at graph 0.5, graph 0.5 center textcolor rgb '%s'\n",
                  L(c, "No scenario besides the baseline", "除基准情景外没有其他情景"), C_SUB);
        rs_gp_cmd(c->pen.b, "plot NaN notitle\n");
        return RS_OK;
    }
    double group = 0.8, w = group / m;
    rs_gp_cmd(c->pen.b, "set boxwidth %g absolute\n", w * (m > 1 ? 0.9 : 0.7));
    key_rows(c, m);
    rs_gp_cmd(c->pen.b, "plot ");
    for (int i = 0, j = 0; i < in->n; i++) {
        if (i == B)
            continue;
        double off = -group / 2 + (j + 0.5) * w;
        rs_gp_cmd(c->pen.b, "%s$d using ($1+%g):%d with boxes fillcolor rgb '%s' title %q",
                  j ? ", \\\n     " : "", off, j + 2, item_color(in, i),
                  item_label(in, i, 34, lab, sizeof lab));
        j++;
    }
    rs_gp_cmd(c->pen.b, "\n");
    return RS_OK;
}

/* Coverage (%) of every scenario by year, the 100% line. */
static int draw_coverage(cchart *c)
{
    const rs_cmp_plot_input *in = c->in;
    const int Y = in->years;
    double lo = 0, hi = 120;
    char line2[512], lab[600], base[512];
    baseline_line(c, line2, sizeof line2);
    head(c, L(c, charts[RS_CMP_COVERAGE].title_en, charts[RS_CMP_COVERAGE].title_zh), line2);
    rs_gp_cmd(c->pen.b, "$d << EOD\n# year, then coverage %% of each scenario (NaN: no deficit)\n");
    for (int y = 1; y <= Y; y++) {
        rs_gp_cmd(c->pen.b, "%d", y);
        for (int i = 0; i < in->n; i++) {
            double v = 100 * in->items[i].r->y_coverage[y - 1];
            rs_gp_cmd(c->pen.b, " %g", v);
            rs_gp_minmax(&v, 1, &lo, &hi);
        }
        rs_gp_cmd(c->pen.b, "\n");
    }
    rs_gp_cmd(c->pen.b, "EOD\n");
    rs_gp_year_axis(&c->pen, Y, 0.3, common_start(in));
    rs_gp_value_axis(&c->pen, "y", lo, hi * 1.04, 6, "%");
    rs_gp_cmd(c->pen.b, "set ylabel %q\n", L(c, "Coverage of the deficit (%)", "亏损覆盖率（%）"));
    key_rows(c, in->n + 1);
    rs_gp_cmd(c->pen.b, "plot 100 with lines linecolor rgb '%s' dashtype (2,6) linewidth %g title %q",
              C_RED, rs_gp_lw(&c->pen, 1.5), L(c, "100% coverage", "100%覆盖线"));
    for (int i = 0; i < in->n; i++) {
        int any = 0;
        for (int y = 1; y <= Y; y++)
            any |= isfinite(in->items[i].r->y_coverage[y - 1]);
        item_label(in, i, 34, base, sizeof base);
        rs_gp_text(lab, sizeof lab, "%s%s%s", base, any ? "" : L(c, " (no deficit)", "（无亏损）"),
                   i == in->baseline ? L(c, " (baseline)", "（基准）") : "");
        rs_gp_cmd(c->pen.b, ", \\\n     $d using 1:%d with linespoints linecolor rgb '%s' linewidth %g "
                  "%s pointtype %d pointsize %g title %q",
                  i + 2, item_color(in, i), rs_gp_lw(&c->pen, i == in->baseline ? 1.8 : 2.2),
                  i == in->baseline ? "dashtype (14,9)" : "dashtype solid", item_point(in, i),
                  rs_gp_ps(&c->pen, 1.2), lab);
    }
    rs_gp_cmd(c->pen.b, "\n");
    return RS_OK;
}

static int has_mc(const rs_cmp_plot_item *it)
{
    return it->mc && it->mc->runs > 0 && it->mc->npv;
}

/* Bins of a round width (1, 2, 2.5 or 5 times a power of ten) at least
 * (hi - lo)/30, so 15 to 30 of them cover [lo, hi]; hi > lo. */
static void npv_bins(rs_gp_axis *a, double lo, double hi)
{
    static const double nice[] = {1.0, 2.0, 2.5, 5.0, 10.0};
    double raw = (hi - lo) / 30, mag = pow(10.0, floor(log10(raw)));
    a->step = 10 * mag;
    for (size_t i = 0; i < sizeof nice / sizeof nice[0]; i++)
        if (nice[i] * mag >= raw * (1 - 1e-12)) {
            a->step = nice[i] * mag;
            break;
        }
    a->lo = floor(lo / a->step) * a->step;
    a->n = (int)ceil((hi - a->lo) / a->step - 1e-9);
    if (a->n < 1)
        a->n = 1;
    if (a->lo + a->n * a->step <= hi)
        a->n++;       /* hi falls in the last bin, not past it */
    a->hi = a->lo + a->n * a->step;
    a->decimals = 0;
}

/* Histogram outline of each scenario's NPV over its runs on common bins
 * (share of runs a bin), its P50 dashed; a scenario whose NPV is the same
 * in every run (e.g. a status quo with no investment) is one solid line. */
static int draw_npv(cchart *c)
{
    const rs_cmp_plot_input *in = c->in;
    double lo = INFINITY, hi = -INFINITY, top = 0;
    long runs = 0;
    int *flat = calloc((size_t)in->n, sizeof *flat);
    double *single = calloc((size_t)in->n, sizeof *single);
    int *count = NULL, rc = RS_OK;
    if (!flat || !single) {
        rc = RS_ESOFTWARE;
        goto out;
    }
    /* which are flat; the range of the rest */
    double flo = INFINITY, fhi = -INFINITY;
    for (int i = 0; i < in->n; i++) {
        const rs_cmp_plot_item *it = &in->items[i];
        if (!has_mc(it))
            continue;
        double a = INFINITY, b = -INFINITY;
        for (long r = 0; r < it->mc->kept; r++)
            rs_gp_minmax(&it->mc->npv[r], 1, &a, &b);
        runs = it->mc->runs > runs ? it->mc->runs : runs;
        if (!(a <= b))
            continue;      /* no finite NPV at all */
        if (b - a <= 1e-9 * (fabs(b) > 1 ? fabs(b) : 1)) {
            flat[i] = 1;
            single[i] = a * c->pen.k;
            flo = single[i] < flo ? single[i] : flo;
            fhi = single[i] > fhi ? single[i] : fhi;
        } else {
            lo = a * c->pen.k < lo ? a * c->pen.k : lo;
            hi = b * c->pen.k > hi ? b * c->pen.k : hi;
        }
    }
    int spread = lo <= hi;
    rs_gp_axis bins = {0, 1, 1, 1, 0};
    if (spread)
        npv_bins(&bins, lo, hi);
    if (!(count = calloc((size_t)bins.n + 1, sizeof *count))) {
        rc = RS_ESOFTWARE;
        goto out;
    }
    char line2[512], num[64], step[96];
    rs_gp_group((double)runs, 0, num, sizeof num);
    if (spread) {
        rs_gp_money(&c->pen, bins.step / c->pen.k, step, sizeof step);
        rs_gp_text(line2, sizeof line2, L(c, "%s runs a scenario, same seed  ·  bins of %s",
                                          "每个情景模拟%s次（同一随机种子）  ·  区间宽度%s"), num, step);
    } else {
        rs_gp_text(line2, sizeof line2, L(c, "%s runs a scenario, same seed", "每个情景模拟%s次（同一随机种子）"),
                   num);
    }
    head(c, L(c, charts[RS_CMP_NPV].title_en, charts[RS_CMP_NPV].title_zh), line2);
    for (int i = 0; i < in->n; i++) {
        const rs_cmp_plot_item *it = &in->items[i];
        if (!has_mc(it) || flat[i] || !spread)
            continue;
        long n = 0;
        memset(count, 0, ((size_t)bins.n + 1) * sizeof *count);
        for (long r = 0; r < it->mc->kept; r++) {
            double v = it->mc->npv[r] * c->pen.k;
            if (!isfinite(v))
                continue;
            int j = (int)floor((v - bins.lo) / bins.step);
            count[j < 0 ? 0 : j >= bins.n ? (bins.n > 0 ? bins.n - 1 : 0) : j]++;
            n++;
        }
        rs_gp_cmd(c->pen.b, "$h%d << EOD\n# bin_centre share_of_runs_%%\n", i);
        rs_gp_cmd(c->pen.b, "%g 0\n", bins.lo - 0.5 * bins.step);
        for (int j = 0; j < bins.n; j++) {
            double pct = n ? 100.0 * count[j] / n : 0;
            rs_gp_cmd(c->pen.b, "%g %g\n", bins.lo + (j + 0.5) * bins.step, pct);
            top = pct > top ? pct : top;
        }
        rs_gp_cmd(c->pen.b, "%g 0\nEOD\n", bins.hi + 0.5 * bins.step);
    }
    /* x range: the bins and every flat value, with a margin */
    double xlo = spread ? bins.lo : flo, xhi = spread ? bins.hi : fhi;
    if (flo < xlo)
        xlo = flo;
    if (fhi > xhi)
        xhi = fhi;
    if (!(xlo <= xhi)) {
        xlo = 0;
        xhi = 1;
    }
    double span = xhi - xlo > 0 ? xhi - xlo : (fabs(xlo) > 0 ? fabs(xlo) : 1);
    xlo -= 0.05 * span;
    xhi += 0.05 * span;
    x_value_axis(c, xlo, xhi, 6, 0.8);
    rs_gp_axis_label(&c->pen, "x", L(c, "Net present value", "净现值"), c->pen.unit);
    if (!(top > 0))
        top = 100;
    rs_gp_value_axis(&c->pen, "y", 0, top * 1.15, 5, "%");
    rs_gp_cmd(c->pen.b, "set ylabel %q\n", L(c, "Share of runs", "模拟次数占比"));
    /* P50 (dashed) of the spread ones, the value (solid) of the flat ones */
    int arrow = 1;
    for (int i = 0; i < in->n; i++) {
        const rs_cmp_plot_item *it = &in->items[i];
        if (!has_mc(it))
            continue;
        double x = flat[i] ? single[i] : it->mc->metric[MT_NPV][MC_P50] * c->pen.k;
        if (!isfinite(x))
            continue;
        rs_gp_cmd(c->pen.b, "set arrow %d from %g, graph 0 to %g, graph %g nohead front linecolor rgb '%s' "
                  "dashtype %s linewidth %g\n", arrow++, x, x, flat[i] ? 1.0 : 0.97,
                  item_color(in, i), flat[i] ? "solid" : "(6,4)", rs_gp_lw(&c->pen, flat[i] ? 2.5 : 1.6));
    }
    rs_gp_cmd(c->pen.b, "set xzeroaxis linetype 1 linecolor rgb '%s' linewidth 1\n", C_GREY);
    key_rows(c, in->n + 1);
    rs_gp_cmd(c->pen.b, "plot NaN notitle");
    for (int i = 0; i < in->n; i++) {
        const rs_cmp_plot_item *it = &in->items[i];
        if (!has_mc(it))
            continue;
        char name[300], lab[600], amt[96];
        item_label(in, i, 30, name, sizeof name);
        if (flat[i]) {
            rs_gp_text(lab, sizeof lab, L(c, "%s: %s in every run", "%s：每次均为%s"), name,
                       rs_gp_money(&c->pen, single[i] / c->pen.k, amt, sizeof amt));
            rs_gp_cmd(c->pen.b, ", \\\n     keyentry with lines linecolor rgb '%s' linewidth %g title %q",
                      item_color(in, i), rs_gp_lw(&c->pen, 2.5), lab);
        } else if (spread) {
            double p50 = it->mc->metric[MT_NPV][MC_P50];
            if (isfinite(p50))
                rs_gp_text(lab, sizeof lab, L(c, "%s: P50 %s", "%s：P50 %s"), name,
                           rs_gp_money(&c->pen, p50, amt, sizeof amt));
            else
                rs_gp_text(lab, sizeof lab, "%s", name);
            rs_gp_cmd(c->pen.b, ", \\\n     $h%d using 1:2 with histeps linecolor rgb '%s' linewidth %g title %q",
                      i, item_color(in, i), rs_gp_lw(&c->pen, 2.2), lab);
        }
    }
    rs_gp_cmd(c->pen.b, ", \\\n     keyentry with lines linecolor rgb '%s' dashtype (6,4) linewidth %g title %q\n",
              C_INK, rs_gp_lw(&c->pen, 1.6),
              L(c, "P50 (median) of each scenario", "各情景中位数（P50）"));
out:
    free(flat);
    free(single);
    free(count);
    return rc;
}

/* Coverage of every community of one scenario by year (the scenario's whole
 * horizon), the portfolio dashed, the 100% line. Beyond MAX_COM_LINES
 * communities they are thin grey lines without key entries. */
static int draw_communities(cchart *c)
{
    const rs_cmp_plot_item *it = &c->in->items[c->item];
    const rs_results *r = it->r;
    const rs_scenario *s = it->s;
    const int Y = r->years, C = r->ncom;
    double lo = 0, hi = 120;
    char name[512];
    rs_gp_fit(rs_gp_scen_text(s, SC_NAME), 72, name, sizeof name);
    head(c, L(c, charts[RS_CMP_COMMUNITIES].title_en, charts[RS_CMP_COMMUNITIES].title_zh), name);
    rs_gp_cmd(c->pen.b, "$d << EOD\n# year, coverage %% of each community, then of all (NaN: no deficit)\n");
    for (int y = 1; y <= Y; y++) {
        rs_gp_cmd(c->pen.b, "%d", y);
        for (int k = 0; k < C; k++) {
            size_t at = (size_t)k * Y + y - 1;
            double v = 100 * rs_coverage(r->y_com_net[at], r->y_com_cost[at] - r->y_com_fee[at]);
            rs_gp_cmd(c->pen.b, " %g", v);
            rs_gp_minmax(&v, 1, &lo, &hi);
        }
        double v = 100 * r->y_coverage[y - 1];
        rs_gp_cmd(c->pen.b, " %g\n", v);
        rs_gp_minmax(&v, 1, &lo, &hi);
    }
    rs_gp_cmd(c->pen.b, "EOD\n");
    rs_gp_year_axis(&c->pen, Y, 0.3, rs_gp_scen_text(s, SC_START));
    rs_gp_value_axis(&c->pen, "y", lo, hi * 1.04, 6, "%");
    rs_gp_cmd(c->pen.b, "set ylabel %q\n", L(c, "Coverage of the deficit (%)", "亏损覆盖率（%）"));
    rs_gp_cmd(c->pen.b, "plot 100 with lines linecolor rgb '%s' dashtype (2,6) linewidth %g title %q",
              C_RED, rs_gp_lw(&c->pen, 1.5), L(c, "100% coverage", "100%覆盖线"));
    int each = C <= MAX_COM_LINES;
    for (int k = 0; k < C; k++) {
        char fit[128];
        if (each)
            rs_gp_cmd(c->pen.b, ", \\\n     $d using 1:%d with linespoints linecolor rgb '%s' linewidth %g "
                      "pointtype %d pointsize %g title %q",
                      k + 2, rs_gp_colors[k % NSCEN], rs_gp_lw(&c->pen, 2), scen_points[k % NSCEN],
                      rs_gp_ps(&c->pen, 1.1),
                      rs_gp_fit(s->com[k].name, 24, fit, sizeof fit));
        else
            rs_gp_cmd(c->pen.b, ", \\\n     $d using 1:%d with lines linecolor rgb '%s' linewidth %g notitle",
                      k + 2, "#b0b0b0", rs_gp_lw(&c->pen, 0.8));
    }
    if (!each) {
        char lab[128];
        rs_gp_text(lab, sizeof lab, L(c, "Each of the %d communities", "%d个小区（逐个）"), C);
        rs_gp_cmd(c->pen.b, ", \\\n     keyentry with lines linecolor rgb '#b0b0b0' linewidth %g title %q",
                  rs_gp_lw(&c->pen, 0.8), lab);
    }
    rs_gp_cmd(c->pen.b, ", \\\n     $d using 1:%d with lines linecolor rgb '%s' linewidth %g dashtype (14,9) title %q\n",
              C + 2, C_INK, rs_gp_lw(&c->pen, 2.5), L(c, "All communities", "全部小区合计"));
    return RS_OK;
}

/* ---- scripts --------------------------------------------------------------- */

const char *rs_cmp_chart_file(rs_cmp_chart k, const rs_cmp_plot_input *in, int item,
                              rs_plot_format f, char *buf, size_t n)
{
    if ((unsigned)k >= RS_CMP_N || (unsigned)f > RS_FMT_PDF) {
        rs_gp_text(buf, n, "chart");
        return buf;
    }
    if (k == RS_CMP_COMMUNITIES)
        rs_gp_text(buf, n, "%s_%s.%s", charts[k].stem,
                   in && item >= 0 && item < in->n && in->items[item].id ? in->items[item].id : "",
             rs_gp_formats[f].ext);
    else
        rs_gp_text(buf, n, "%s.%s", charts[k].stem, rs_gp_formats[f].ext);
    return buf;
}

static int input_ok(const rs_cmp_plot_input *in)
{
    if (!in || !in->items || in->n < 1 || in->baseline < 0 || in->baseline >= in->n ||
        in->years < 1)
        return 0;
    for (int i = 0; i < in->n; i++)
        if (!in->items[i].s || !in->items[i].r || in->items[i].r->years < in->years)
            return 0;
    return 1;
}

int rs_cmp_chart_wanted(rs_cmp_chart k, const rs_cmp_plot_input *in, int item)
{
    if (!input_ok(in))
        return 0;
    switch (k) {
    case RS_CMP_GAIN:
    case RS_CMP_COVERAGE:
        return 1;
    case RS_CMP_NPV:
        for (int i = 0; i < in->n; i++)
            if (has_mc(&in->items[i]))
                return 1;
        return 0;
    case RS_CMP_COMMUNITIES:
        return item >= 0 && item < in->n && in->items[item].r->ncom > 1 &&
               in->items[item].r->ncom == in->items[item].s->ncom;
    default:
        return 0;
    }
}

int rs_cmp_plot_script(rs_cmp_chart k, const rs_cmp_plot_input *in, int item,
                       const rs_plot_opts *opt, const char *font, char **script,
                       rs_error *err)
{
    *script = NULL;
    if (!opt)
        opt = &rs_gp_default_opts;
    if ((unsigned)k >= RS_CMP_N || (unsigned)opt->format > RS_FMT_PDF || !input_ok(in))
        return rs_error_set(err, RS_ESOFTWARE, "comparison chart %d: bad arguments", (int)k);
    if (!rs_cmp_chart_wanted(k, in, item))
        return rs_error_set(err, RS_ESOFTWARE, "%s chart: its results are missing",
                            charts[k].stem);
    rs_gpbuf b;
    rs_gpbuf_init(&b);
    cchart c = {.in = in, .item = item, .kind = k};
    rs_gp_pen_init(&c.pen, &b, opt, font,
                   rs_gp_scen_text(in->items[in->baseline].s, SC_CURRENCY));
    return rs_gp_script_done(&b, charts[k].draw(&c), charts[k].stem, script, err);
}

/* ---- running gnuplot ----------------------------------------------------------- */

/* Comparison chart k (of item) into the set: its script, then the file. */
static int draw_file(rs_outset *o, rs_cmp_chart k, const rs_cmp_plot_input *in, int item,
                     const rs_plot_opts *opt, const char *prog, const char *font, rs_error *err)
{
    char name[RS_NAME_MAX + 48], *script = NULL;
    int rc = rs_cmp_plot_script(k, in, item, opt, font, &script, err);
    if (!rc)
        rc = rs_gp_draw(o, rs_cmp_chart_file(k, in, item, opt->format, name, sizeof name),
                        script, prog, opt->format, err);
    free(script);
    return rc;
}

int rs_plot_compare(rs_outset *o, const rs_cmp_plot_input *in, const rs_plot_opts *opt,
                    int *warned, rs_error *err)
{
    char font[256];
    const char *prog;
    int n0 = o->n;
    if (warned)
        *warned = 0;
    if (!opt)
        opt = &rs_gp_default_opts;
    if (!input_ok(in))
        return rs_error_set(err, RS_ESOFTWARE, "comparison charts: bad arguments");
    int rc = rs_gp_setup(opt, &prog, font, sizeof font, warned, err);
    if (rc || !prog)
        return rc;
    for (int k = 0; k < RS_CMP_N && !rc; k++) {
        int last = k == RS_CMP_COMMUNITIES ? in->n : 1;
        for (int i = 0; i < last && !rc; i++)
            if (rs_cmp_chart_wanted((rs_cmp_chart)k, in, i))
                rc = draw_file(o, (rs_cmp_chart)k, in, i, opt, prog, font[0] ? font : NULL, err);
    }
    if (rc)
        rs_outset_truncate(o, n0); /* so the caller may still commit the CSV files */
    return rc;
}

/* ---- SVG in memory ------------------------------------------------------------ */

int rs_plot_svg_init(rs_plot_svg *p, const rs_plot_opts *opt, int *warned, rs_error *err)
{
    memset(p, 0, sizeof *p);
    p->opt = opt ? *opt : rs_gp_default_opts;
    p->opt.format = RS_FMT_SVG;
    return rs_gp_setup(&p->opt, &p->prog, p->font, sizeof p->font, warned, err);
}

/* Run script through gnuplot into a temporary file and read it back. */
static int svg_of(const rs_plot_svg *p, const char *script, const char *what, char **svg,
                  size_t *len, rs_error *err)
{
    *svg = NULL;
    if (!p->prog)
        return rs_error_set(err, RS_ETOOL, "%s: gnuplot is not available", what);
    FILE *fp = tmpfile();
    if (!fp)
        return rs_error_set(err, RS_ECANTCREAT, "%s: cannot create a temporary file: %s", what,
                            strerror(errno));
    int fd = fileno(fp), rc = rs_gp_run(p->prog, script, strlen(script), fd, what, err);
    char *buf = NULL;
    if (!rc) {
        off_t end = lseek(fd, 0, SEEK_END);
        if (end < 0) {
            rc = rs_error_set(err, RS_ECANTCREAT, "%s: cannot read the chart: %s", what,
                              strerror(errno));
        } else if (!(buf = malloc((size_t)end + 1))) {
            rc = rs_error_set(err, RS_ESOFTWARE, "out of memory");
        } else {
            size_t got = 0;
            while (got < (size_t)end) {
                ssize_t k = pread(fd, buf + got, (size_t)end - got, (off_t)got);
                if (k < 0 && errno == EINTR)
                    continue;
                if (k <= 0)
                    break;
                got += (size_t)k;
            }
            buf[got] = '\0';
            if (got == 0)
                rc = rs_error_set(err, RS_ETOOL, "%s: gnuplot wrote an empty file", what);
            else if (!strstr(buf, "<svg") || !strstr(buf, "</svg>"))
                rc = rs_error_set(err, RS_ETOOL, "%s: gnuplot did not write an SVG file", what);
            else if (len)
                *len = got;
        }
    }
    fclose(fp);
    if (rc)
        free(buf);
    else
        *svg = buf;
    return rc;
}

int rs_plot_svg_run(const rs_plot_svg *p, rs_chart k, const rs_plot_input *in, char **svg,
                    size_t *len, rs_error *err)
{
    char *script = NULL, name[32];
    *svg = NULL;
    int rc = rs_plot_script(k, in, &p->opt, p->font[0] ? p->font : NULL, &script, err);
    if (rc)
        return rc;
    rc = svg_of(p, script, rs_chart_file(k, RS_FMT_SVG, name, sizeof name), svg, len, err);
    free(script);
    return rc;
}

int rs_plot_svg_compare(const rs_plot_svg *p, rs_cmp_chart k, const rs_cmp_plot_input *in,
                        int item, char **svg, size_t *len, rs_error *err)
{
    char *script = NULL, name[RS_NAME_MAX + 48];
    *svg = NULL;
    int rc = rs_cmp_plot_script(k, in, item, &p->opt, p->font[0] ? p->font : NULL, &script, err);
    if (rc)
        return rc;
    rc = svg_of(p, script, rs_cmp_chart_file(k, in, item, RS_FMT_SVG, name, sizeof name), svg,
                len, err);
    free(script);
    return rc;
}
