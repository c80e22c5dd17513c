/* comchart.c: coverage of the deficit by year per community, the chart of a
 * run (communities.png) and of each portfolio scenario of a comparison
 * (communities_ID.png). Up to COM_LINES communities are a line each; beyond,
 * the spread is a P10-P90 band with the median, and the communities still in
 * deficit in the stabilized year (the worst COM_WORST by shortfall) are
 * drawn on their own, so 70 or 7,000 communities read alike and draw as
 * fast. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "chart.h"

#define COM_LINES 8   /* communities drawn one line each */
#define COM_WORST 6   /* communities in deficit drawn on their own beyond that */

/* English or Chinese text of pen p (both literals, checked as formats). */
#define T(en_, zh_) (p->zh ? (zh_) : (en_))

/* Coverage (%) of community k in year y (1-based); NaN without a deficit. */
static double com_cov(const rs_results *r, int k, int y)
{
    size_t at = (size_t)k * r->years + (size_t)(y - 1);
    return 100 * rs_coverage(r->y_com_net[at], r->y_com_cost[at] - r->y_com_fee[at]);
}

/* Shortfall of community k in year y: deficit not covered (0 when covered). */
static double com_short(const rs_results *r, int k, int y)
{
    size_t at = (size_t)k * r->years + (size_t)(y - 1);
    double def = r->y_com_cost[at] - r->y_com_fee[at], net = r->y_com_net[at];
    return rs_is_covered(net, def) ? 0 : def - net;
}

static int cmp_num(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

/* Quantile q of v[0..n-1] (sorted), linear between order statistics. */
static double quantile(const double *v, int n, double q)
{
    if (n <= 0)
        return NAN;
    double h = q * (n - 1);
    int i = (int)floor(h);
    return i + 1 < n ? v[i] + (h - i) * (v[i + 1] - v[i]) : v[n - 1];
}

int rs_gp_draw_communities(rs_gp_pen *p, const rs_scenario *s, const rs_results *r,
                           const char *what, const char *stem, const char *subject,
                           const char *name)
{
    const int Y = r->years, C = r->ncom, each = C <= COM_LINES;
    int sy = s->stab_year >= 1 && s->stab_year <= Y ? s->stab_year : (int)r->metric[MT_STAB_YEAR];
    sy = sy >= 1 && sy <= Y ? sy : Y;
    double *v = calloc((size_t)C + 1, sizeof *v), *shortfall = calloc((size_t)C + 1, sizeof *shortfall);
    int *order = calloc((size_t)C + 1, sizeof *order);
    if (!v || !shortfall || !order) {
        free(v);
        free(shortfall);
        free(order);
        return RS_ESOFTWARE;
    }
    int ndef = 0;
    for (int k = 0; k < C; k++) {
        shortfall[k] = com_short(r, k, sy);
        ndef += shortfall[k] > 0;
    }
    int rc = rs_chart_rank(shortfall, C, order);
    int worst = each ? 0 : ndef < COM_WORST ? ndef : COM_WORST;
    char note[256], nd[64], nc[64];
    rs_gp_group(ndef, 0, nd, sizeof nd);
    rs_gp_group(C, 0, nc, sizeof nc);
    if (ndef && p->zh)
        rs_gp_text(note, sizeof note, "稳定年（第%d年）%s个小区仍有亏损（共%s个）", sy, nd, nc);
    else if (ndef)
        rs_gp_text(note, sizeof note, "%s of %s in deficit in year %d (stabilized)", nd, nc, sy);
    else
        rs_gp_text(note, sizeof note, T("all covered in year %d (stabilized)",
                                        "稳定年（第%d年）各小区亏损均已覆盖"), sy);
    rs_gp_head(p, what, stem, subject, name, C > 1 ? note : NULL);
    double lo = 0, hi = 120;
    if (each)
        rs_gp_cmd(p->b, "$d << EOD\n# year, coverage %% of each community, then of all (NaN: no deficit)\n");
    else
        rs_gp_cmd(p->b, "$d << EOD\n# year, coverage %% of the communities with a deficit: P10 P50 P90, "
                  "of all, then of the %d in deficit in year %d with the largest shortfall\n", worst, sy);
    for (int y = 1; !rc && y <= Y; y++) {
        rs_gp_cmd(p->b, "%d", y);
        if (each) {
            for (int k = 0; k < C; k++) {
                double x = com_cov(r, k, y);
                rs_gp_cmd(p->b, " %g", x);
                rs_gp_minmax(&x, 1, &lo, &hi);
            }
        } else {
            int n = 0;
            for (int k = 0; k < C; k++) {
                double x = com_cov(r, k, y);
                if (isfinite(x))
                    v[n++] = x;
            }
            qsort(v, (size_t)n, sizeof *v, cmp_num);
            double q[3] = {quantile(v, n, 0.1), quantile(v, n, 0.5), quantile(v, n, 0.9)};
            rs_gp_cmd(p->b, " %g %g %g", q[0], q[1], q[2]);
            rs_gp_minmax(q, 3, &lo, &hi);
        }
        double x = 100 * r->y_coverage[y - 1];
        rs_gp_cmd(p->b, " %g", x);
        rs_gp_minmax(&x, 1, &lo, &hi);
        for (int i = 0; i < worst; i++) {
            x = com_cov(r, order[i], y);
            rs_gp_cmd(p->b, " %g", x);
            rs_gp_minmax(&x, 1, &lo, &hi);
        }
        rs_gp_cmd(p->b, "\n");
    }
    rs_gp_cmd(p->b, "EOD\n");
    rs_gp_year_axis(p, Y, 0.3, rs_gp_scen_text(s, SC_START));
    rs_gp_value_axis(p, "y", lo, hi * 1.04, 6, "%");
    rs_gp_axis_label(p, "y", T("Coverage of the deficit (%)", "亏损覆盖率（%）"), NULL);
    rs_gp_cmd(p->b, "set arrow 1 from %d, graph 0 to %d, graph 1 nohead back linecolor rgb '%s' "
              "linewidth %g dashtype %s\n", sy, sy, C_GRID, rs_gp_lw(p, 1.5), DASH_LONG);
    char f[160];
    rs_gp_cmd(p->b, "set label 1 %q at %d, graph 0.97 %s offset %s, 0 font %q textcolor rgb '%s'\n",
              T("stabilized year", "稳定年"), sy, sy > 0.8 * Y ? "right" : "left",
              sy > 0.8 * Y ? "-0.4" : "0.4", rs_gp_font_spec(p, 0.75, f, sizeof f), C_SUB);
    /* key and plot: 100% line, the communities, the portfolio */
    rs_gp_key(p, RS_KEY_LINE, C_RED, rs_gp_lw(p, 1.5), DASH_FULL, 0, T("100% coverage", "100%覆盖线"));
    if (!each)
        rs_gp_key(p, RS_KEY_BOX, C_BLUE_FILL, 0, NULL, 0,
                  T("P10–P90 of the communities with a deficit", "有亏损小区的P10–P90区间"));
    for (int k = 0; k < (each ? C : worst); k++) {
        const int c = each ? k : order[k];
        char lab[256], fit[128], amt[96];
        rs_gp_fit(s->com[c].name, 24, fit, sizeof fit);
        if (each || !(shortfall[c] > 0))
            snprintf(lab, sizeof lab, "%s", fit);
        else
            rs_gp_text(lab, sizeof lab, T("%s: %s short", "%s：缺口%s"), fit,
                       rs_gp_money(p, shortfall[c], amt, sizeof amt));
        rs_gp_key(p, RS_KEY_LINEPOINT, rs_gp_colors[(k + !each) % (RS_GP_NCOLORS - 1)],
                  rs_gp_lw(p, 2), NULL, 7, lab);
    }
    rs_gp_key(p, RS_KEY_LINE, C_INK, rs_gp_lw(p, 2.5), DASH_LONG, 0, T("All communities", "全部小区合计"));
    rs_gp_frame(p, 0);
    rs_gp_cmd(p->b, "set clip two\n");
    if (each)
        rs_gp_cmd(p->b, "plot 100 with lines linecolor rgb '%s' dashtype %s linewidth %g notitle",
                  C_RED, DASH_FULL, rs_gp_lw(p, 1.5));
    else
        rs_gp_cmd(p->b, "plot $d using 1:2:4 with filledcurves fillcolor rgb '%s' notitle, \\\n"
                  "     $d using 1:3 with lines linecolor rgb '%s' linewidth %g notitle, \\\n"
                  "     100 with lines linecolor rgb '%s' dashtype %s linewidth %g notitle",
                  C_BLUE_FILL, C_BLUE, rs_gp_lw(p, 1), C_RED, DASH_FULL, rs_gp_lw(p, 1.5));
    const int total_col = each ? C + 2 : 5;
    for (int k = 0; k < (each ? C : worst); k++)
        rs_gp_cmd(p->b, ", \\\n     $d using 1:%d with linespoints linecolor rgb '%s' linewidth %g "
                  "pointtype 7 pointsize %g notitle",
                  each ? k + 2 : total_col + 1 + k, rs_gp_colors[(k + !each) % (RS_GP_NCOLORS - 1)],
                  rs_gp_lw(p, 2), rs_gp_ps(p, 1.1));
    rs_gp_cmd(p->b, ", \\\n     $d using 1:%d with lines linecolor rgb '%s' linewidth %g dashtype %s notitle\n",
              total_col, C_INK, rs_gp_lw(p, 2.5), DASH_LONG);
    free(v);
    free(shortfall);
    free(order);
    return rc;
}

int rs_draw_run_communities(rs_run_chart *c)
{
    return rs_gp_draw_communities(&c->pen, c->s, c->r, "revsim chart", "communities",
                                  rs_run_title(c), rs_gp_scen_text(c->s, SC_NAME));
}
