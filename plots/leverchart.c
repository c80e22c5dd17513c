/* leverchart.c: the lever league (levers.png): what each lever earns on its
 * own, ranked by net present value: its NPV as a bar on the left, the share
 * of the management deficit it covers in the stabilized year on the right
 * (two panels of one chart), the levers beyond the top ones as one row. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "chart.h"

#define ROW_SCALE 0.85     /* type of the row labels and values */
#define NAME_ROOM (0.30 * PAGE_EM)
#define PANEL_A_END 0.62   /* right edge of the NPV panel (screen) */
#define PANEL_B 0.69       /* left edge of the coverage panel */

/* One row of the league: a lever, or the rest together. */
typedef struct {
    char label[RS_NAME_MAX + 48];
    double npv, share;    /* NPV shown (times k), share in percent (NaN: no deficit) */
    int other;
} league_row;

/* Rows of the league into rows (n + 1 of them): the levers by NPV, then the
 * rest summed beyond RS_CHART_TOP_LEVERS + 1. Returns the number, or -1
 * when out of memory. */
static int league(const rs_run_chart *c, league_row *rows)
{
    const rs_results *r = c->r;
    const int NL = r->nlev;
    double *npv = calloc((size_t)NL + 1, sizeof *npv);
    int *order = calloc((size_t)NL + 1, sizeof *order);
    if (!npv || !order) {
        free(npv);
        free(order);
        return -1;
    }
    for (int l = 0; l < NL; l++)
        npv[l] = r->lev_metric[(size_t)l * LM_N + LM_NPV];
    int rc = rs_chart_rank(npv, NL, order);
    int shown = NL <= RS_CHART_TOP_LEVERS + 1 ? NL : RS_CHART_TOP_LEVERS, n = 0;
    for (int i = 0; !rc && i < NL; i++) {
        const double *m = &r->lev_metric[(size_t)order[i] * LM_N];
        if (i < shown) {
            league_row *w = &rows[n++];
            snprintf(w->label, sizeof w->label, "%s", c->s->lev[order[i]].name);
            w->npv = m[LM_NPV] * c->pen.k;
            w->share = 100 * m[LM_COVERAGE_SHARE];
            w->other = 0;
            continue;
        }
        if (i == shown) {
            league_row *w = &rows[n++];
            char num[64];
            rs_gp_text(w->label, sizeof w->label, L(c, "The other %s levers", "其余%s个项目"),
                       rs_gp_group(NL - shown, 0, num, sizeof num));
            w->npv = 0;
            w->share = NAN;
            w->other = 1;
        }
        league_row *w = &rows[n - 1];
        if (isfinite(m[LM_NPV]))
            w->npv += m[LM_NPV] * c->pen.k;
        if (isfinite(m[LM_COVERAGE_SHARE]))
            w->share = (isfinite(w->share) ? w->share : 0) + 100 * m[LM_COVERAGE_SHARE];
    }
    free(npv);
    free(order);
    return rc ? -1 : n;
}

/* Value of row r in a panel: its NPV (shown), or its share (%). */
static double row_value(const league_row *r, int share)
{
    return share ? r->share : r->npv;
}

/* One panel: its value axis fitted to the levers shown one by one (the
 * "other" row, a sum, may run past the end: its bar stops there with its
 * value written inside), its bars as datablock `name` and the values at
 * the bar ends (label tags from 1). */
static void panel(rs_run_chart *c, const league_row *rows, int n, int share, const char *name,
                  const char *suffix)
{
    double lo = 0, hi = 0;
    int own = 0;
    for (int i = 0; i < n; i++)
        own += !rows[i].other;
    for (int i = 0; i < n; i++)
        if (!rows[i].other || !own) {
            double v = row_value(&rows[i], share);
            rs_gp_minmax(&v, 1, &lo, &hi);
        }
    if (!(hi > lo))
        hi = lo + (share ? 100 : 1);
    double span = hi - lo, xlo = lo < 0 ? lo - 0.3 * span : 0,
           xhi = hi > 0 ? hi + 0.3 * span : 0.05 * span;
    rs_gp_x_value_axis(&c->pen, xlo, xhi, 5, c->pen.rm - c->pen.lm, suffix, 1);
    rs_gp_cmd(c->pen.b, "%s << EOD\n# row x_from x_to y_from y_to colour (bars cut at the axis ends)\n",
              name);
    for (int i = 0; i < n; i++) {
        double v = row_value(&rows[i], share), y = n - i;
        if (!isfinite(v))
            continue;
        double cut = v < xlo ? xlo : v > xhi ? xhi : v;
        rs_gp_cmd(c->pen.b, "%g %g %g %g %g %s\n", y, cut < 0 ? cut : 0, cut < 0 ? 0 : cut, y - 0.34,
                  y + 0.34, rows[i].other ? "0x7f7f7f" : share ? "0x2a9d6f" : v < 0 ? "0xc8553d"
                                                                              : "0x1f5fa8");
    }
    rs_gp_cmd(c->pen.b, "EOD\n");
    char f[160], txt[96], num[64];
    for (int i = 0; i < n; i++) {
        double v = row_value(&rows[i], share);
        if (!isfinite(v)) {
            rs_gp_cmd(c->pen.b, "set label %d %q at 0, %d left offset 0.5, 0 font %q textcolor rgb '%s'\n",
                      i + 1, L(c, "no deficit", "无亏损"), n - i,
                      rs_gp_font_spec(&c->pen, ROW_SCALE * 0.9, f, sizeof f), C_SUB);
            continue;
        }
        if (share)
            rs_gp_text(txt, sizeof txt, "%s%%", rs_gp_group(v, fabs(v) < 10 ? 1 : 0, num, sizeof num));
        else
            rs_gp_amount(&c->pen, v, txt, sizeof txt);
        int past = v > xhi || v < xlo, left = v < 0;
        double at = v > xhi ? xhi : v < xlo ? xlo : v;
        /* past the end: inside the bar, in white */
        rs_gp_cmd(c->pen.b, "set label %d %q at %g, %d %s offset %g, 0 font %q textcolor rgb '%s' front\n",
                  i + 1, txt, at, n - i, left != past ? "right" : "left",
                  left != past ? -0.5 : 0.5, rs_gp_font_spec(&c->pen, ROW_SCALE * 0.9, f, sizeof f),
                  past ? "#ffffff" : C_INK);
    }
}

int rs_draw_levers(rs_run_chart *c)
{
    const int NL = c->r->nlev, sy = c->s->stab_year > 0 ? c->s->stab_year
                                                        : (int)c->r->metric[MT_STAB_YEAR];
    league_row *rows = calloc((size_t)NL + 1, sizeof *rows);
    if (!rows)
        return RS_ESOFTWARE;
    int n = league(c, rows);
    if (n < 0) {
        free(rows);
        return RS_ESOFTWARE;
    }
    char f[160], lab[sizeof rows->label], share_title[160];
    rs_run_head(c, rs_run_title(c), L(c, "ranked by net present value", "按净现值排序"));
    int any_share = 0;
    for (int i = 0; i < n; i++)
        any_share |= isfinite(rows[i].share);
    double widest = 0;
    for (int i = 0; i < n; i++) {
        rs_gp_fit_em(rows[i].label, NAME_ROOM / ROW_SCALE, 0, lab, sizeof lab);
        snprintf(rows[i].label, sizeof rows[i].label, "%s", lab);
        double w = rs_gp_text_em(lab) * ROW_SCALE;
        widest = w > widest ? w : widest;
    }
    c->pen.lm = (widest + 1.6) / PAGE_EM;
    c->pen.rm = PANEL_A_END;
    rs_gp_cmd(c->pen.b, "set multiplot\n");
    rs_gp_cmd(c->pen.b, "set border 1 linecolor rgb '#404040' linewidth 1\n");
    rs_gp_cmd(c->pen.b, "set grid noytics xtics back linetype 1 linecolor rgb '%s' linewidth 0.5\n", C_GRID);
    rs_gp_cmd(c->pen.b, "set yrange [0.4:%g]\nunset ytics\n", n + 0.6);
    for (int i = 0; i < n; i++)  /* as text: tic labels with '%' are cut at 50 bytes */
        rs_gp_cmd(c->pen.b, "set label %d %q at screen %g, first %d right font %q textcolor rgb '%s'\n",
                  500 + i, rows[i].label, round((c->pen.lm - 0.6 / PAGE_EM) * 1e4) / 1e4, n - i,
                  rs_gp_font_spec(&c->pen, ROW_SCALE, f, sizeof f), C_INK);
    /* panel 1: NPV */
    rs_gp_axis_label(&c->pen, "x", L(c, rs_lever_metrics[LM_NPV].label_en,
                                     rs_lever_metrics[LM_NPV].label_zh), c->pen.unit);
    panel(c, rows, n, 0, "$npv", "");
    rs_gp_cmd(c->pen.b, "set arrow 1 from 0, graph 0 to 0, graph 1 nohead front linecolor rgb '%s' "
              "linewidth %g\n", C_INK, rs_gp_lw(&c->pen, 1));
    double bottom = rs_gp_frame(&c->pen, 0);
    rs_gp_cmd(c->pen.b, "plot $npv using ($2+$3)/2:1:2:3:4:5:6 with boxxyerror linecolor rgb variable "
              "notitle\n");
    /* panel 2: share of the deficit covered */
    rs_gp_cmd(c->pen.b, "unset label\nunset arrow\nunset object\n");
    c->pen.lm = PANEL_B;
    c->pen.rm = 0.95;
    if (sy > 0)
        rs_gp_text(share_title, sizeof share_title,
                   L(c, "Deficit covered, year %d (%%)", "第%d年（稳定年）亏损覆盖份额（%%）"), sy);
    else
        rs_gp_text(share_title, sizeof share_title, "%s",
                   L(c, "Deficit covered (%)", "亏损覆盖份额（%）"));
    rs_gp_axis_label(&c->pen, "x", share_title, NULL);
    panel(c, rows, n, 1, "$share", "%");
    if (!any_share)
        rs_gp_cmd(c->pen.b, "unset label\nset label 1 %q at graph 0.5, graph 0.5 center textcolor rgb '%s'\n",
                  L(c, "No deficit to cover", "无亏损需覆盖"), C_SUB);
    rs_gp_frame(&c->pen, bottom);
    rs_gp_cmd(c->pen.b, "plot $share using ($2+$3)/2:1:2:3:4:5:6 with boxxyerror linecolor rgb "
              "variable notitle\n");
    rs_gp_cmd(c->pen.b, "unset multiplot\n");
    free(rows);
    return RS_OK;
}
