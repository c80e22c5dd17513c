/* cmpcharts.c: the comparison charts of `revsim compare` (one table row a
 * chart, one draw function each), written into an output set like the run
 * charts. The look is the run charts', drawn with the same machinery
 * (gpdraw.h): canvases, fonts, palette, two-line title, key below laid out
 * by rs_gp_frame; the community chart is the run's (comchart.c). User text
 * enters scripts only through rs_gp_cmd's %q. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "chart.h"
#include "cmpcharts.h"

/* Scenario colours (the palette without its grey, the baseline's) and
 * markers, for grey prints. */
#define NSCEN (RS_GP_NCOLORS - 1)
static const int scen_points[] = {7, 5, 9, 13, 11, 15};
#define NPOINTS ((int)(sizeof scen_points / sizeof scen_points[0]))

typedef struct cchart cchart;
typedef int (*cmp_draw_fn)(cchart *c);

/* Everything a chart reads: the pen (script, canvas, language, money unit)
 * and the comparison. */
struct cchart {
    rs_gp_pen pen;
    const rs_cmp_plot_input *in;
    int item;
    rs_cmp_chart kind;
};

static int draw_cmp_gain(cchart *c);
static int draw_cmp_coverage(cchart *c);
static int draw_cmp_npv(cchart *c);
static int draw_cmp_communities(cchart *c);

static const struct {
    const char *stem, *title_en, *title_zh;
    cmp_draw_fn draw;
} cmp_charts[RS_CMP_N] = {
    [RS_CMP_GAIN] = {"compare_revenue_gain", "Annual revenue gain over the baseline",
                     "相对基准情景的年度收入增量", draw_cmp_gain},
    [RS_CMP_COVERAGE] = {"compare_coverage", "Coverage of the management deficit by year",
                         "各情景历年物业亏损覆盖率", draw_cmp_coverage},
    [RS_CMP_NPV] = {"compare_npv", "Net present value over Monte Carlo runs",
                    "各情景净现值分布（蒙特卡洛模拟）", draw_cmp_npv},
    [RS_CMP_COMMUNITIES] = {"communities", "Coverage of the deficit by community",
                            "各小区物业亏损覆盖率", draw_cmp_communities},
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
    return scen_points[j % NPOINTS];
}

/* Key text of item i: its scenario name cut to `em`, with " [id]" when
 * another item has the same name. */
static const char *item_label(const rs_cmp_plot_input *in, int i, double em, char *buf, size_t n)
{
    const char *name = rs_gp_scen_text(in->items[i].s, SC_NAME);
    int dup = 0;
    for (int j = 0; j < in->n; j++)
        dup |= j != i && strcmp(rs_gp_scen_text(in->items[j].s, SC_NAME), name) == 0;
    char fit[512], idfit[128];
    if (dup) {
        rs_gp_fit_em(in->items[i].id ? in->items[i].id : "", em / 2, 0, idfit, sizeof idfit);
        double room = em - rs_gp_text_em(idfit) - 1.5;
        rs_gp_fit_em(name, room > 5 ? room : 5, 0, fit, sizeof fit);
        rs_gp_text(buf, n, "%s [%s]", fit, idfit);
    } else {
        rs_gp_fit_em(name, em, 0, fit, sizeof fit);
        rs_gp_text(buf, n, "%s", fit);
    }
    return buf;
}

/* Room for a key text beside its sample, less `tail` (em of the base
 * font): a key of five entries or more is drawn smaller (rs_gp_frame). */
static double key_room(const cchart *c, const char *tail)
{
    double scale = c->in->n + 1 >= 5 ? 0.85 : 1;
    return (0.92 * PAGE_EM - 3.0) / scale - (tail ? rs_gp_text_em(tail) : 0);
}

/* The head (rs_gp_head) with the two-line title: subject, then `line2` and
 * `note`. */
static void cmp_head(cchart *c, const char *subject, const char *line2, const char *note)
{
    rs_gp_head(&c->pen, "revsim comparison chart", cmp_charts[c->kind].stem, subject, line2, note);
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

/* "Baseline: NAME" into buf and, when horizons differ, the common years
 * into note (else ""). */
static void baseline_line(cchart *c, char *buf, size_t n, char *note, size_t nn)
{
    const rs_cmp_plot_input *in = c->in;
    int differ = 0;
    for (int i = 0; i < in->n; i++)
        differ |= in->items[i].r->years != in->years;
    rs_gp_text(buf, n, L(c, "Baseline: %s", "基准情景：%s"),
               rs_gp_scen_text(in->items[in->baseline].s, SC_NAME));
    if (differ)
        rs_gp_text(note, nn, L(c, "the %d years all scenarios have", "各情景共有的%d年"), in->years);
    else
        note[0] = '\0';
}

/* ---- the charts ------------------------------------------------------------ */

/* Yearly revenue of each scenario minus the baseline's, grouped by year. */
static int draw_cmp_gain(cchart *c)
{
    const rs_cmp_plot_input *in = c->in;
    const int Y = in->years, B = in->baseline, m = in->n - 1;
    const rs_results *rb = in->items[B].r;
    double lo = 0, hi = 0;
    char line2[512], note[128], lab[512];
    baseline_line(c, line2, sizeof line2, note, sizeof note);
    cmp_head(c, L(c, cmp_charts[RS_CMP_GAIN].title_en, cmp_charts[RS_CMP_GAIN].title_zh), line2, note);
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
        rs_gp_frame(&c->pen, 0);
        rs_gp_cmd(c->pen.b, "plot NaN notitle\n");
        return RS_OK;
    }
    double group = 0.8, w = group / m;
    rs_gp_cmd(c->pen.b, "set boxwidth %g absolute\n", w * (m > 1 ? 0.9 : 0.7));
    for (int i = 0; i < in->n; i++)
        if (i != B)
            rs_gp_key(&c->pen, RS_KEY_BOX, item_color(in, i), 0, NULL, 0,
                      item_label(in, i, key_room(c, NULL), lab, sizeof lab));
    rs_gp_frame(&c->pen, 0);
    rs_gp_cmd(c->pen.b, "plot ");
    for (int i = 0, j = 0; i < in->n; i++) {
        if (i == B)
            continue;
        double off = -group / 2 + (j + 0.5) * w;
        rs_gp_cmd(c->pen.b, "%s$d using ($1+%g):%d with boxes fillcolor rgb '%s' notitle",
                  j ? ", \\\n     " : "", off, j + 2, item_color(in, i));
        j++;
    }
    rs_gp_cmd(c->pen.b, "\n");
    return RS_OK;
}

/* Coverage (%) of every scenario by year, the 100% line. */
static int draw_cmp_coverage(cchart *c)
{
    const rs_cmp_plot_input *in = c->in;
    const int Y = in->years;
    double lo = 0, hi = 120;
    char line2[512], note[128], lab[600], base[512];
    baseline_line(c, line2, sizeof line2, note, sizeof note);
    cmp_head(c, L(c, cmp_charts[RS_CMP_COVERAGE].title_en, cmp_charts[RS_CMP_COVERAGE].title_zh),
             line2, note);
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
    rs_gp_axis_label(&c->pen, "y", L(c, "Coverage of the deficit (%)", "亏损覆盖率（%）"), NULL);
    rs_gp_key(&c->pen, RS_KEY_LINE, C_RED, rs_gp_lw(&c->pen, 1.5), DASH_FULL, 0,
              L(c, "100% coverage", "100%覆盖线"));
    for (int i = 0; i < in->n; i++) {
        int any = 0;
        for (int y = 1; y <= Y; y++)
            any |= isfinite(in->items[i].r->y_coverage[y - 1]);
        const char *tail = any ? "" : L(c, " (no deficit)", "（无亏损）");
        const char *bl = i == in->baseline ? L(c, " (baseline)", "（基准）") : "";
        char tails[128];
        rs_gp_text(tails, sizeof tails, "%s%s", tail, bl);
        item_label(in, i, key_room(c, tails), base, sizeof base);
        rs_gp_text(lab, sizeof lab, "%s%s", base, tails);
        rs_gp_key(&c->pen, RS_KEY_LINEPOINT, item_color(in, i),
                  rs_gp_lw(&c->pen, i == in->baseline ? 1.8 : 2.2),
                  i == in->baseline ? DASH_LONG : "solid", item_point(in, i), lab);
    }
    rs_gp_frame(&c->pen, 0);
    rs_gp_cmd(c->pen.b, "plot 100 with lines linecolor rgb '%s' dashtype %s linewidth %g notitle",
              C_RED, DASH_FULL, rs_gp_lw(&c->pen, 1.5));
    for (int i = 0; i < in->n; i++)
        rs_gp_cmd(c->pen.b, ", \\\n     $d using 1:%d with linespoints linecolor rgb '%s' linewidth %g "
                  "dashtype %s pointtype %d pointsize %g notitle",
                  i + 2, item_color(in, i), rs_gp_lw(&c->pen, i == in->baseline ? 1.8 : 2.2),
                  i == in->baseline ? DASH_LONG : "solid", item_point(in, i), rs_gp_ps(&c->pen, 1.2));
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
static int draw_cmp_npv(cchart *c)
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
    char line2[512], note[160], num[64], step[96];
    rs_gp_group((double)runs, 0, num, sizeof num);
    rs_gp_text(line2, sizeof line2, L(c, "%s runs a scenario, same seed", "每个情景模拟%s次（同一随机种子）"),
               num);
    note[0] = '\0';
    if (spread)
        rs_gp_text(note, sizeof note, L(c, "bins of %s", "区间宽度%s"),
                   rs_gp_money(&c->pen, bins.step / c->pen.k, step, sizeof step));
    cmp_head(c, L(c, cmp_charts[RS_CMP_NPV].title_en, cmp_charts[RS_CMP_NPV].title_zh), line2, note);
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
    rs_gp_x_value_axis(&c->pen, xlo, xhi, 7, 0.88, "", 1);
    rs_gp_axis_label(&c->pen, "x", L(c, "Net present value", "净现值"), c->pen.unit);
    /* a share of runs is at most 100% */
    if (!(top > 0) || top * 1.15 >= 100) {
        rs_gp_axis a = {0, 100, 20, 5, 0};
        rs_gp_pen_axis(&c->pen, "y", &a, "%");
    } else {
        rs_gp_value_axis(&c->pen, "y", 0, top * 1.15, 5, "%");
    }
    rs_gp_axis_label(&c->pen, "y", L(c, "Share of runs", "模拟次数占比"), NULL);
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
                  item_color(in, i), flat[i] ? "solid" : DASH_FULL,
                  rs_gp_lw(&c->pen, flat[i] ? 2.5 : 1.6));
    }
    rs_gp_cmd(c->pen.b, "set xzeroaxis linetype 1 linecolor rgb '%s' linewidth 1\n", C_GREY);
    for (int i = 0; i < in->n; i++) {
        const rs_cmp_plot_item *it = &in->items[i];
        if (!has_mc(it))
            continue;
        char name[300], lab[600], amt[96], tail[160];
        if (flat[i]) {
            rs_gp_text(tail, sizeof tail, L(c, ": %s in every run", "：每次均为%s"),
                       rs_gp_money(&c->pen, single[i] / c->pen.k, amt, sizeof amt));
            item_label(in, i, key_room(c, tail), name, sizeof name);
            rs_gp_text(lab, sizeof lab, "%s%s", name, tail);
            rs_gp_key(&c->pen, RS_KEY_LINE, item_color(in, i), rs_gp_lw(&c->pen, 2.5), NULL, 0, lab);
        } else if (spread) {
            double p50 = it->mc->metric[MT_NPV][MC_P50];
            if (isfinite(p50))
                rs_gp_text(tail, sizeof tail, L(c, ": P50 %s", "：P50 %s"),
                           rs_gp_money(&c->pen, p50, amt, sizeof amt));
            else
                tail[0] = '\0';
            item_label(in, i, key_room(c, tail), name, sizeof name);
            rs_gp_text(lab, sizeof lab, "%s%s", name, tail);
            rs_gp_key(&c->pen, RS_KEY_LINE, item_color(in, i), rs_gp_lw(&c->pen, 2.2), NULL, 0, lab);
        }
    }
    rs_gp_key(&c->pen, RS_KEY_LINE, C_INK, rs_gp_lw(&c->pen, 1.6), DASH_FULL, 0,
              L(c, "P50 (median) of each scenario", "各情景中位数（P50）"));
    rs_gp_frame(&c->pen, 0);
    rs_gp_cmd(c->pen.b, "plot NaN notitle");
    for (int i = 0; i < in->n; i++)
        if (has_mc(&in->items[i]) && !flat[i] && spread)
            rs_gp_cmd(c->pen.b, ", \\\n     $h%d using 1:2 with histeps linecolor rgb '%s' linewidth %g notitle",
                      i, item_color(in, i), rs_gp_lw(&c->pen, 2.2));
    rs_gp_cmd(c->pen.b, "\n");
out:
    free(flat);
    free(single);
    free(count);
    return rc;
}

/* Coverage of every community of one scenario by year (the scenario's whole
 * horizon): the run chart communities.png (comchart.c). */
static int draw_cmp_communities(cchart *c)
{
    const rs_cmp_plot_item *it = &c->in->items[c->item];
    return rs_gp_draw_communities(&c->pen, it->s, it->r, "revsim comparison chart",
                                  cmp_charts[RS_CMP_COMMUNITIES].stem,
                                  L(c, cmp_charts[RS_CMP_COMMUNITIES].title_en,
                                    cmp_charts[RS_CMP_COMMUNITIES].title_zh),
                                  rs_gp_scen_text(it->s, SC_NAME));
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
        rs_gp_text(buf, n, "%s_%s.%s", cmp_charts[k].stem,
                   in && item >= 0 && item < in->n && in->items[item].id ? in->items[item].id : "",
             rs_gp_formats[f].ext);
    else
        rs_gp_text(buf, n, "%s.%s", cmp_charts[k].stem, rs_gp_formats[f].ext);
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
                            cmp_charts[k].stem);
    rs_gpbuf b;
    rs_gpbuf_init(&b);
    cchart c = {.in = in, .item = item, .kind = k};
    rs_gp_pen_init(&c.pen, &b, opt, font,
                   rs_gp_scen_text(in->items[in->baseline].s, SC_CURRENCY));
    return rs_gp_script_done(&b, cmp_charts[k].draw(&c), cmp_charts[k].stem, script, err);
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
        rs_outset_truncate(o, n0); /* no half-written chart stays in the set */
    return rc;
}
