/* compare.c: the comparison charts of `revsim compare` (one table row a
 * chart, one draw function each), written into an output set like the run
 * charts, and any chart drawn as SVG text in memory for report.html. The
 * look follows charts.c: the same canvases, fonts, palette, two-line title
 * and key below; user text enters scripts only through rs_gp_cmd's %q. */
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "compare.h"
#include "gp.h"

#define L(c, en_, zh_) ((c)->zh ? (zh_) : (en_))

/* charts.c's palette: ink, greys, and one colour (and marker, for grey
 * prints) a scenario; the baseline is grey. */
#define C_INK "#262626"
#define C_GREY "#7f7f7f"
#define C_SUB "#555555"
#define C_GRID "#dadada"
#define C_RED "#c8553d"
static const char *const scen_colors[] = {"#1f5fa8", "#e69f00", "#2a9d6f", "#cc79a7",
                                          "#56b4e9", "#8c6d31", "#d55e00"};
static const int scen_points[] = {7, 5, 9, 13, 11, 15, 7};
#define NCOLORS ((int)(sizeof scen_colors / sizeof scen_colors[0]))

/* Canvases as in charts.c (a chart looks the same in every format). */
typedef struct {
    const char *term, *ext, *size;
    double font, lw, ps;
} fmt_def;

static const fmt_def fmts[] = {
    [RS_FMT_PNG] = {"pngcairo", "png", "1600,1000", 28, 2.0, 1.7},
    [RS_FMT_SVG] = {"svg", "svg", "960,600", 22.5, 1.2, 0.45},
    [RS_FMT_PDF] = {"pdfcairo", "pdf", "16cm,10cm", 8, 1.15, 0.55},
};
#define PAGE_EM 43.0   /* page width in em of the base font */
#define DIGIT_EM 0.58  /* width of a digit, em */
#define MAX_COM_LINES 10 /* communities drawn in colour with a key entry */

typedef struct cchart cchart;
typedef int (*draw_fn)(cchart *c);

/* Everything a chart reads. Money is shown in c->unit after multiplying
 * by c->k (1, or 1e-4 for 万). */
struct cchart {
    rs_gpbuf *b;
    const rs_cmp_plot_input *in;
    int item;
    rs_cmp_chart kind;
    const fmt_def *fmt;
    int zh;
    double k;
    char unit[96];
    const char *font;
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

/* ---- small helpers (as in charts.c) ------------------------------------- */

__attribute__((format(printf, 3, 4))) static void text(char *buf, size_t n, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(buf, n, fmt, ap);
    va_end(ap);
}

static const char *scen_text(const rs_scenario *s, int k)
{
    const char *t = s->scen.text[k];
    return t ? t : "";
}

static const char *font_spec(const cchart *c, double scale, char *buf, size_t n)
{
    text(buf, n, "%s,%g", c->font, round(c->fmt->font * scale * 2) / 2);
    return buf;
}

static double lw(const cchart *c, double w)
{
    return round(w * c->fmt->lw * 10) / 10;
}

static double ps(const cchart *c, double size)
{
    return round(size * c->fmt->ps * 100) / 100;
}

static int label_chars(const char *t)
{
    int n = 0;
    for (; *t; t++)
        n += ((unsigned char)*t & 0xC0) != 0x80;
    return n;
}

/* Money v (scenario currency) as text with the unit. */
static const char *money(const cchart *c, double v, char *buf, size_t n)
{
    char num[64];
    double x = v * c->k;
    int d = c->zh ? (fabs(x) < 10 ? 2 : fabs(x) < 1000 ? 1 : 0) : 0;
    text(buf, n, "%s%s%s", rs_gp_group(x, d, num, sizeof num), c->zh ? "" : " ", c->unit);
    return buf;
}

static void minmax(const double *v, int n, double *lo, double *hi)
{
    for (int i = 0; i < n; i++)
        if (isfinite(v[i])) {
            if (v[i] < *lo)
                *lo = v[i];
            if (v[i] > *hi)
                *hi = v[i];
        }
}

/* Colour and marker of item i: grey for the baseline, the palette in item
 * order for the others. */
static const char *item_color(const rs_cmp_plot_input *in, int i)
{
    if (i == in->baseline)
        return C_GREY;
    int j = i < in->baseline ? i : i - 1;
    return scen_colors[j % NCOLORS];
}

static int item_point(const rs_cmp_plot_input *in, int i)
{
    if (i == in->baseline)
        return 6;
    int j = i < in->baseline ? i : i - 1;
    return scen_points[j % NCOLORS];
}

/* Key text of item i: its scenario name cut to `cols` columns, with
 * " [id]" when another item has the same name. */
static const char *item_label(const rs_cmp_plot_input *in, int i, int cols, char *buf, size_t n)
{
    const char *name = scen_text(in->items[i].s, SC_NAME);
    int dup = 0;
    for (int j = 0; j < in->n; j++)
        dup |= j != i && strcmp(scen_text(in->items[j].s, SC_NAME), name) == 0;
    char fit[512], idfit[128];
    if (dup) {
        rs_gp_fit(in->items[i].id ? in->items[i].id : "", cols / 2, idfit, sizeof idfit);
        int room = cols - label_chars(idfit) - 3;
        rs_gp_fit(name, room > 8 ? room : 8, fit, sizeof fit);
        text(buf, n, "%s [%s]", fit, idfit);
    } else {
        rs_gp_fit(name, cols, fit, sizeof fit);
        text(buf, n, "%s", fit);
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
        rs_gp_cmd(c->b, "set key font %q spacing 1.0\n", font_spec(c, entries > 8 ? 0.65 : 0.75, f, sizeof f));
}

/* Terminal, style and the two-line title: subject, then `line2`. */
static void head(cchart *c, const char *subject, const char *line2)
{
    char f[160], fit[640];
    const fmt_def *fd = c->fmt;
    rs_gp_cmd(c->b, "# revsim comparison chart: %s\n", charts[c->kind].stem);
    rs_gp_cmd(c->b, "set encoding utf8\n");
    rs_gp_cmd(c->b, "set terminal %s size %s noenhanced font %q fontscale 1 linewidth %g background rgb '#ffffff'\n",
              fd->term, fd->size, font_spec(c, 1.0, f, sizeof f), fd->lw);
    rs_gp_fit(line2 ? line2 : "", 72, fit, sizeof fit);
    rs_gp_cmd(c->b, "set label 1001 %q at screen 0.5, screen 0.955 center font %q textcolor rgb '%s'\n",
              subject, font_spec(c, 1.2, f, sizeof f), C_INK);
    if (fit[0])
        rs_gp_cmd(c->b, "set label 1002 %q at screen 0.5, screen 0.905 center font %q textcolor rgb '%s'\n",
                  fit, font_spec(c, 0.95, f, sizeof f), C_SUB);
    rs_gp_cmd(c->b, "set tmargin at screen %g\n", fit[0] ? 0.855 : 0.9);
    rs_gp_cmd(c->b, "set border 3 linecolor rgb '#404040' linewidth 1\n");
    rs_gp_cmd(c->b, "set grid ytics back linetype 1 linecolor rgb '%s' linewidth 0.5\n", C_GRID);
    rs_gp_cmd(c->b, "set key below center horizontal Left reverse noautotitle samplen 3 spacing 1.1 width 2 height 0.8\n");
    rs_gp_cmd(c->b, "set style fill solid 1.0 noborder\n");
    rs_gp_cmd(c->b, "set tics textcolor rgb '%s'\n", C_INK);
    rs_gp_cmd(c->b, "set xtics nomirror out scale 0.5\nset ytics nomirror out scale 0.5\n");
    rs_gp_cmd(c->b, "set datafile missing 'NaN'\n");
}

/* x axis of programme years 1..Y; `start` labels year 1 when not empty. */
static void year_axis(cchart *c, int years, double pad, const char *start)
{
    int step = years <= 15 ? 1 : years <= 30 ? 2 : years <= 60 ? 5 : 10;
    char lab[256], st[96];
    rs_gp_cmd(c->b, "set xrange [%g:%g]\nset xtics nomirror out scale 0 (", 1 - pad, years + pad);
    for (int y = 1, first = 1; y <= years; y++)
        if (y == 1 || y % step == 0) {
            rs_gp_cmd(c->b, "%s'%d' %d", first ? "" : ", ", y, y);
            first = 0;
        }
    rs_gp_cmd(c->b, ")\n");
    rs_gp_fit(start ? start : "", 24, st, sizeof st);
    if (st[0])
        text(lab, sizeof lab, L(c, "Programme year (year 1 begins %s)", "项目年度（第1年始于%s）"), st);
    else
        text(lab, sizeof lab, "%s", L(c, "Programme year", "项目年度"));
    rs_gp_cmd(c->b, "set xlabel %q\n", lab);
}

/* The start every item shares, or "" when they differ. */
static const char *common_start(const rs_cmp_plot_input *in)
{
    const char *s0 = scen_text(in->items[0].s, SC_START);
    for (int i = 1; i < in->n; i++)
        if (strcmp(scen_text(in->items[i].s, SC_START), s0) != 0)
            return "";
    return s0;
}

static void value_axis(cchart *c, const char *name, double lo, double hi, int target,
                       const char *suffix)
{
    rs_gp_axis a;
    rs_gp_axis_fit(&a, lo, hi, target);
    rs_gp_axis_emit(c->b, name, &a, "nomirror out scale 0.5", suffix);
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
            int k = label_chars(rs_gp_group(a.lo + i * a.step, a.decimals, num, sizeof num));
            chars = k > chars ? k : chars;
        }
        if (target <= 2 || (a.n + 1) * (chars * DIGIT_EM + 1.5) <= frac * PAGE_EM)
            break;
    }
    a.lo = lo;
    a.hi = hi;
    rs_gp_axis_emit(c->b, "x", &a, "nomirror out scale 0.5", "");
}

static void axis_label(cchart *c, const char *axis, const char *what, const char *unit)
{
    char lab[256];
    text(lab, sizeof lab, L(c, "%s (%s)", "%s（%s）"), what, unit);
    rs_gp_cmd(c->b, "set %slabel %q\n", axis, lab);
}

/* "Baseline: NAME" and, when horizons differ, the common years. */
static void baseline_line(cchart *c, char *buf, size_t n)
{
    const rs_cmp_plot_input *in = c->in;
    char name[256];
    int differ = 0;
    for (int i = 0; i < in->n; i++)
        differ |= in->items[i].r->years != in->years;
    rs_gp_fit(scen_text(in->items[in->baseline].s, SC_NAME), differ ? 40 : 56, name, sizeof name);
    if (differ)
        text(buf, n, L(c, "Baseline: %s  ·  the %d years all scenarios have",
                       "基准情景：%s  ·  各情景共有的%d年"), name, in->years);
    else
        text(buf, n, L(c, "Baseline: %s", "基准情景：%s"), name);
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
    rs_gp_cmd(c->b, "$d << EOD\n# year, then each scenario's revenue minus the baseline's\n");
    for (int y = 1; y <= Y; y++) {
        rs_gp_cmd(c->b, "%d", y);
        for (int i = 0; i < in->n; i++) {
            if (i == B)
                continue;
            double g = (in->items[i].r->y_revenue[y - 1] - rb->y_revenue[y - 1]) * c->k;
            rs_gp_cmd(c->b, " %g", g);
            minmax(&g, 1, &lo, &hi);
        }
        rs_gp_cmd(c->b, "\n");
    }
    rs_gp_cmd(c->b, "EOD\n");
    year_axis(c, Y, 0.6, common_start(in));
    double span = hi - lo > 0 ? hi - lo : 1, ylo = lo < 0 ? lo - 0.04 * span : 0,
           yhi = hi > 0 ? hi + 0.04 * span : 0;
    value_axis(c, "y", ylo, yhi > ylo ? yhi : ylo + 1, 6, "");
    axis_label(c, "y", L(c, "Revenue gain per year", "年度收入增量"), c->unit);
    rs_gp_cmd(c->b, "set xzeroaxis linetype 1 linecolor rgb '%s' linewidth 1\n", C_GREY);
    if (m == 0) {
        rs_gp_cmd(c->b, "set label 1000 %q at graph 0.5, graph 0.5 center textcolor rgb '%s'\n",
                  L(c, "No scenario besides the baseline", "除基准情景外没有其他情景"), C_SUB);
        rs_gp_cmd(c->b, "plot NaN notitle\n");
        return RS_OK;
    }
    double group = 0.8, w = group / m;
    rs_gp_cmd(c->b, "set boxwidth %g absolute\n", w * (m > 1 ? 0.9 : 0.7));
    key_rows(c, m);
    rs_gp_cmd(c->b, "plot ");
    for (int i = 0, j = 0; i < in->n; i++) {
        if (i == B)
            continue;
        double off = -group / 2 + (j + 0.5) * w;
        rs_gp_cmd(c->b, "%s$d using ($1+%g):%d with boxes fillcolor rgb '%s' title %q",
                  j ? ", \\\n     " : "", off, j + 2, item_color(in, i),
                  item_label(in, i, 34, lab, sizeof lab));
        j++;
    }
    rs_gp_cmd(c->b, "\n");
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
    rs_gp_cmd(c->b, "$d << EOD\n# year, then coverage %% of each scenario (NaN: no deficit)\n");
    for (int y = 1; y <= Y; y++) {
        rs_gp_cmd(c->b, "%d", y);
        for (int i = 0; i < in->n; i++) {
            double v = 100 * in->items[i].r->y_coverage[y - 1];
            rs_gp_cmd(c->b, " %g", v);
            minmax(&v, 1, &lo, &hi);
        }
        rs_gp_cmd(c->b, "\n");
    }
    rs_gp_cmd(c->b, "EOD\n");
    year_axis(c, Y, 0.3, common_start(in));
    value_axis(c, "y", lo, hi * 1.04, 6, "%");
    rs_gp_cmd(c->b, "set ylabel %q\n", L(c, "Coverage of the deficit (%)", "亏损覆盖率（%）"));
    key_rows(c, in->n + 1);
    rs_gp_cmd(c->b, "plot 100 with lines linecolor rgb '%s' dashtype (2,6) linewidth %g title %q",
              C_RED, lw(c, 1.5), L(c, "100% coverage", "100%覆盖线"));
    for (int i = 0; i < in->n; i++) {
        int any = 0;
        for (int y = 1; y <= Y; y++)
            any |= isfinite(in->items[i].r->y_coverage[y - 1]);
        item_label(in, i, 34, base, sizeof base);
        text(lab, sizeof lab, "%s%s%s", base, any ? "" : L(c, " (no deficit)", "（无亏损）"),
             i == in->baseline ? L(c, " (baseline)", "（基准）") : "");
        rs_gp_cmd(c->b, ", \\\n     $d using 1:%d with linespoints linecolor rgb '%s' linewidth %g "
                  "%s pointtype %d pointsize %g title %q",
                  i + 2, item_color(in, i), lw(c, i == in->baseline ? 1.8 : 2.2),
                  i == in->baseline ? "dashtype (14,9)" : "dashtype solid", item_point(in, i),
                  ps(c, 1.2), lab);
    }
    rs_gp_cmd(c->b, "\n");
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
        for (long r = 0; r < it->mc->runs; r++)
            minmax(&it->mc->npv[r], 1, &a, &b);
        runs = it->mc->runs > runs ? it->mc->runs : runs;
        if (!(a <= b))
            continue;      /* no finite NPV at all */
        if (b - a <= 1e-9 * (fabs(b) > 1 ? fabs(b) : 1)) {
            flat[i] = 1;
            single[i] = a * c->k;
            flo = single[i] < flo ? single[i] : flo;
            fhi = single[i] > fhi ? single[i] : fhi;
        } else {
            lo = a * c->k < lo ? a * c->k : lo;
            hi = b * c->k > hi ? b * c->k : hi;
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
        money(c, bins.step / c->k, step, sizeof step);
        text(line2, sizeof line2, L(c, "%s runs a scenario, same seed  ·  bins of %s",
                                    "每个情景模拟%s次（同一随机种子）  ·  区间宽度%s"), num, step);
    } else {
        text(line2, sizeof line2, L(c, "%s runs a scenario, same seed", "每个情景模拟%s次（同一随机种子）"),
             num);
    }
    head(c, L(c, charts[RS_CMP_NPV].title_en, charts[RS_CMP_NPV].title_zh), line2);
    for (int i = 0; i < in->n; i++) {
        const rs_cmp_plot_item *it = &in->items[i];
        if (!has_mc(it) || flat[i] || !spread)
            continue;
        long n = 0;
        memset(count, 0, ((size_t)bins.n + 1) * sizeof *count);
        for (long r = 0; r < it->mc->runs; r++) {
            double v = it->mc->npv[r] * c->k;
            if (!isfinite(v))
                continue;
            int j = (int)floor((v - bins.lo) / bins.step);
            count[j < 0 ? 0 : j >= bins.n ? (bins.n > 0 ? bins.n - 1 : 0) : j]++;
            n++;
        }
        rs_gp_cmd(c->b, "$h%d << EOD\n# bin_centre share_of_runs_%%\n", i);
        rs_gp_cmd(c->b, "%g 0\n", bins.lo - 0.5 * bins.step);
        for (int j = 0; j < bins.n; j++) {
            double pct = n ? 100.0 * count[j] / n : 0;
            rs_gp_cmd(c->b, "%g %g\n", bins.lo + (j + 0.5) * bins.step, pct);
            top = pct > top ? pct : top;
        }
        rs_gp_cmd(c->b, "%g 0\nEOD\n", bins.hi + 0.5 * bins.step);
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
    axis_label(c, "x", L(c, "Net present value", "净现值"), c->unit);
    if (!(top > 0))
        top = 100;
    value_axis(c, "y", 0, top * 1.15, 5, "%");
    rs_gp_cmd(c->b, "set ylabel %q\n", L(c, "Share of runs", "模拟次数占比"));
    /* P50 (dashed) of the spread ones, the value (solid) of the flat ones */
    int arrow = 1;
    for (int i = 0; i < in->n; i++) {
        const rs_cmp_plot_item *it = &in->items[i];
        if (!has_mc(it))
            continue;
        double x = flat[i] ? single[i] : it->mc->metric[MT_NPV][MC_P50] * c->k;
        if (!isfinite(x))
            continue;
        rs_gp_cmd(c->b, "set arrow %d from %g, graph 0 to %g, graph %g nohead front linecolor rgb '%s' "
                  "dashtype %s linewidth %g\n", arrow++, x, x, flat[i] ? 1.0 : 0.97,
                  item_color(in, i), flat[i] ? "solid" : "(6,4)", lw(c, flat[i] ? 2.5 : 1.6));
    }
    rs_gp_cmd(c->b, "set xzeroaxis linetype 1 linecolor rgb '%s' linewidth 1\n", C_GREY);
    key_rows(c, in->n + 1);
    rs_gp_cmd(c->b, "plot NaN notitle");
    for (int i = 0; i < in->n; i++) {
        const rs_cmp_plot_item *it = &in->items[i];
        if (!has_mc(it))
            continue;
        char name[300], lab[600], amt[96];
        item_label(in, i, 30, name, sizeof name);
        if (flat[i]) {
            text(lab, sizeof lab, L(c, "%s: %s in every run", "%s：每次均为%s"), name,
                 money(c, single[i] / c->k, amt, sizeof amt));
            rs_gp_cmd(c->b, ", \\\n     keyentry with lines linecolor rgb '%s' linewidth %g title %q",
                      item_color(in, i), lw(c, 2.5), lab);
        } else if (spread) {
            double p50 = it->mc->metric[MT_NPV][MC_P50];
            if (isfinite(p50))
                text(lab, sizeof lab, L(c, "%s: P50 %s", "%s：P50 %s"), name,
                     money(c, p50, amt, sizeof amt));
            else
                text(lab, sizeof lab, "%s", name);
            rs_gp_cmd(c->b, ", \\\n     $h%d using 1:2 with histeps linecolor rgb '%s' linewidth %g title %q",
                      i, item_color(in, i), lw(c, 2.2), lab);
        }
    }
    rs_gp_cmd(c->b, ", \\\n     keyentry with lines linecolor rgb '%s' dashtype (6,4) linewidth %g title %q\n",
              C_INK, lw(c, 1.6), L(c, "P50 (median) of each scenario", "各情景中位数（P50）"));
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
    rs_gp_fit(scen_text(s, SC_NAME), 72, name, sizeof name);
    head(c, L(c, charts[RS_CMP_COMMUNITIES].title_en, charts[RS_CMP_COMMUNITIES].title_zh), name);
    rs_gp_cmd(c->b, "$d << EOD\n# year, coverage %% of each community, then of all (NaN: no deficit)\n");
    for (int y = 1; y <= Y; y++) {
        rs_gp_cmd(c->b, "%d", y);
        for (int k = 0; k < C; k++) {
            size_t at = (size_t)k * Y + y - 1;
            double v = 100 * rs_coverage(r->y_com_net[at], r->y_com_cost[at] - r->y_com_fee[at]);
            rs_gp_cmd(c->b, " %g", v);
            minmax(&v, 1, &lo, &hi);
        }
        double v = 100 * r->y_coverage[y - 1];
        rs_gp_cmd(c->b, " %g\n", v);
        minmax(&v, 1, &lo, &hi);
    }
    rs_gp_cmd(c->b, "EOD\n");
    year_axis(c, Y, 0.3, scen_text(s, SC_START));
    value_axis(c, "y", lo, hi * 1.04, 6, "%");
    rs_gp_cmd(c->b, "set ylabel %q\n", L(c, "Coverage of the deficit (%)", "亏损覆盖率（%）"));
    rs_gp_cmd(c->b, "plot 100 with lines linecolor rgb '%s' dashtype (2,6) linewidth %g title %q",
              C_RED, lw(c, 1.5), L(c, "100% coverage", "100%覆盖线"));
    int each = C <= MAX_COM_LINES;
    for (int k = 0; k < C; k++) {
        char fit[128];
        if (each)
            rs_gp_cmd(c->b, ", \\\n     $d using 1:%d with linespoints linecolor rgb '%s' linewidth %g "
                      "pointtype %d pointsize %g title %q",
                      k + 2, scen_colors[k % NCOLORS], lw(c, 2), scen_points[k % NCOLORS], ps(c, 1.1),
                      rs_gp_fit(s->com[k].name, 24, fit, sizeof fit));
        else
            rs_gp_cmd(c->b, ", \\\n     $d using 1:%d with lines linecolor rgb '%s' linewidth %g notitle",
                      k + 2, "#b0b0b0", lw(c, 0.8));
    }
    if (!each) {
        char lab[128];
        text(lab, sizeof lab, L(c, "Each of the %d communities", "%d个小区（逐个）"), C);
        rs_gp_cmd(c->b, ", \\\n     keyentry with lines linecolor rgb '#b0b0b0' linewidth %g title %q",
                  lw(c, 0.8), lab);
    }
    rs_gp_cmd(c->b, ", \\\n     $d using 1:%d with lines linecolor rgb '%s' linewidth %g dashtype (14,9) title %q\n",
              C + 2, C_INK, lw(c, 2.5), L(c, "All communities", "全部小区合计"));
    return RS_OK;
}

/* ---- scripts --------------------------------------------------------------- */

const char *rs_cmp_chart_file(rs_cmp_chart k, const rs_cmp_plot_input *in, int item,
                              rs_plot_format f, char *buf, size_t n)
{
    if ((unsigned)k >= RS_CMP_N || (unsigned)f > RS_FMT_PDF) {
        text(buf, n, "chart");
        return buf;
    }
    if (k == RS_CMP_COMMUNITIES)
        text(buf, n, "%s_%s.%s", charts[k].stem,
             in && item >= 0 && item < in->n && in->items[item].id ? in->items[item].id : "",
             fmts[f].ext);
    else
        text(buf, n, "%s.%s", charts[k].stem, fmts[f].ext);
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

static void set_money_unit(cchart *c)
{
    const char *cur = scen_text(c->in->items[c->in->baseline].s, SC_CURRENCY);
    if (!*cur)
        cur = "CNY";
    if (c->zh) {
        c->k = 1e-4;
        if (strcmp(cur, "CNY") == 0 || strcmp(cur, "RMB") == 0 || strcmp(cur, "元") == 0)
            text(c->unit, sizeof c->unit, "万元");
        else
            text(c->unit, sizeof c->unit, "万%s", cur);
    } else {
        c->k = 1;
        rs_gp_fit(cur, 20, c->unit, sizeof c->unit);
    }
}

int rs_cmp_plot_script(rs_cmp_chart k, const rs_cmp_plot_input *in, int item,
                       const rs_plot_opts *opt, const char *font, char **script,
                       rs_error *err)
{
    static const rs_plot_opts defaults = {RS_FMT_PNG, RS_LANG_EN, NULL};
    *script = NULL;
    if (!opt)
        opt = &defaults;
    if ((unsigned)k >= RS_CMP_N || (unsigned)opt->format > RS_FMT_PDF || !input_ok(in))
        return rs_error_set(err, RS_ESOFTWARE, "comparison chart %d: bad arguments", (int)k);
    if (!rs_cmp_chart_wanted(k, in, item))
        return rs_error_set(err, RS_ESOFTWARE, "%s chart: its results are missing",
                            charts[k].stem);
    rs_gpbuf b;
    rs_gpbuf_init(&b);
    cchart c = {&b, in, item, k, &fmts[opt->format], opt->lang == RS_LANG_ZH, 1, "",
                font ? font : "Sans"};
    set_money_unit(&c);
    int rc = charts[k].draw(&c);
    if (!rc && b.failed)
        rc = RS_ESOFTWARE;
    if (rc) {
        rs_gpbuf_release(&b);
        return rs_error_set(err, rc, "%s chart: out of memory", charts[k].stem);
    }
    *script = b.p;
    return RS_OK;
}

/* ---- running gnuplot ----------------------------------------------------------- */

/* gnuplot to run, or NULL with the warning in err->msg (code left 0). */
static const char *find_gnuplot(const rs_plot_opts *opt, rs_error *err)
{
    const char *prog = opt->gnuplot ? opt->gnuplot : "gnuplot";
    if (rs_gp_available(prog))
        return prog;
    if (!err->code)
        snprintf(err->msg, sizeof err->msg,
                 "gnuplot not found (%s): charts not written; install it with "
                 "'sudo apt-get install gnuplot-nox', or use --no-plots",
                 prog);
    return NULL;
}

/* Font family for lang into buf ("" for English). */
static int pick_font(const rs_plot_opts *opt, char *buf, size_t n, rs_error *err)
{
    buf[0] = '\0';
    if (opt->lang != RS_LANG_ZH)
        return RS_OK;
    if (rs_gp_cjk_font(rs_gp_cjk_fonts, rs_gp_ncjk_fonts, "fc-list", buf, n) != 0)
        return rs_error_set(err, RS_ETOOL,
                            "no Chinese (CJK) font found for --lang zh charts (gnuplot would draw "
                            "empty boxes): install one with 'sudo apt-get install "
                            "fonts-wqy-microhei'");
    return RS_OK;
}

/* The first n bytes of the file at fd hold a chart of format f. */
static int chart_ok(const char *head, size_t n, rs_plot_format f)
{
    switch (f) {
    case RS_FMT_PNG: return n >= 8 && memcmp(head, "\x89PNG\r\n\x1a\n", 8) == 0;
    case RS_FMT_PDF: return n >= 5 && memcmp(head, "%PDF-", 5) == 0;
    default: return strstr(head, "<svg") != NULL;
    }
}

static int check_file(int fd, rs_plot_format f, const char *name, rs_error *err)
{
    char head[512];
    ssize_t n = pread(fd, head, sizeof head - 1, 0);
    if (n < 0)
        return rs_error_set(err, RS_ECANTCREAT, "%s: cannot check the chart: %s", name,
                            strerror(errno));
    head[n] = '\0';
    if (n == 0)
        return rs_error_set(err, RS_ETOOL, "%s: gnuplot wrote an empty file", name);
    if (!chart_ok(head, (size_t)n, f))
        return rs_error_set(err, RS_ETOOL, "%s: gnuplot did not write a %s file", name,
                            f == RS_FMT_PNG ? "PNG" : f == RS_FMT_PDF ? "PDF" : "SVG");
    return RS_OK;
}

/* On failure: delete the charts of this call and take their entries (the
 * set's last ones) out of o again, as plots.c does, so the caller may still
 * commit the CSV files. */
static void drop_from(rs_outset *o, int n0)
{
    while (o->n > n0) {
        o->n--;
        unlink(o->tmp[o->n]);
        free(o->tmp[o->n]);
        free(o->final[o->n]);
        o->tmp[o->n] = o->final[o->n] = NULL;
    }
}

static int draw_file(rs_outset *o, rs_cmp_chart k, const rs_cmp_plot_input *in, int item,
                     const rs_plot_opts *opt, const char *prog, const char *font, rs_error *err)
{
    char name[RS_NAME_MAX + 48], *script = NULL;
    int rc = rs_cmp_plot_script(k, in, item, opt, font, &script, err);
    if (rc)
        return rc;
    rs_cmp_chart_file(k, in, item, opt->format, name, sizeof name);
    const char *path = rs_outset_path(o, name, err);
    if (!path) {
        free(script);
        return err->code;
    }
    int fd = open(path, O_RDWR | O_CREAT | O_TRUNC | O_CLOEXEC, 0666);
    if (fd < 0) {
        rc = rs_error_set(err, RS_ECANTCREAT, "%s/%s: cannot write: %s", o->dir, name,
                          strerror(errno));
        free(script);
        return rc;
    }
    rc = rs_gp_run(prog, script, strlen(script), fd, name, err);
    if (!rc)
        rc = check_file(fd, opt->format, name, err);
    if (close(fd) != 0 && !rc)
        rc = rs_error_set(err, RS_ECANTCREAT, "%s/%s: write failed: %s", o->dir, name,
                          strerror(errno));
    free(script);
    return rc;
}

int rs_plot_compare(rs_outset *o, const rs_cmp_plot_input *in, const rs_plot_opts *opt,
                    int *warned, rs_error *err)
{
    static const rs_plot_opts defaults = {RS_FMT_PNG, RS_LANG_EN, NULL};
    char font[256];
    int n0 = o->n;
    if (warned)
        *warned = 0;
    if (!opt)
        opt = &defaults;
    if (!input_ok(in))
        return rs_error_set(err, RS_ESOFTWARE, "comparison charts: bad arguments");
    const char *prog = find_gnuplot(opt, err);
    if (!prog) {
        if (warned)
            *warned = 1;
        return RS_OK;
    }
    int rc = pick_font(opt, font, sizeof font, err);
    for (int k = 0; k < RS_CMP_N && !rc; k++) {
        int last = k == RS_CMP_COMMUNITIES ? in->n : 1;
        for (int i = 0; i < last && !rc; i++)
            if (rs_cmp_chart_wanted((rs_cmp_chart)k, in, i))
                rc = draw_file(o, (rs_cmp_chart)k, in, i, opt, prog, font[0] ? font : NULL, err);
    }
    if (rc)
        drop_from(o, n0);
    return rc;
}

/* ---- SVG in memory ------------------------------------------------------------ */

int rs_plot_svg_init(rs_plot_svg *p, const rs_plot_opts *opt, int *warned, rs_error *err)
{
    static const rs_plot_opts defaults = {RS_FMT_SVG, RS_LANG_EN, NULL};
    memset(p, 0, sizeof *p);
    if (warned)
        *warned = 0;
    p->opt = opt ? *opt : defaults;
    p->opt.format = RS_FMT_SVG;
    p->prog = find_gnuplot(&p->opt, err);
    if (!p->prog) {
        if (warned)
            *warned = 1;
        return RS_OK;
    }
    return pick_font(&p->opt, p->font, sizeof p->font, err);
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
