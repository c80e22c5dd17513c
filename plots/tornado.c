/* tornado.c: the tornado chart of `revsim sweep` (and of the report): one
 * bar a parameter from the base-case metric to the metric at the
 * parameter's low and high, the largest swing on top, each row labelled
 * "NAME · KEY  low – high" with the key in Chinese when the chart is. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "chart.h"

/* How a metric is shown: money (scaled, in the pen's unit), percent, or
 * plain. */
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

static double show_scale(const rs_run_chart *c, int show)
{
    return show == SHOW_MONEY ? c->pen.k : show == SHOW_PERCENT ? 100 : 1;
}

/* The section a row label's NAME belongs to: the section type itself for
 * an unnamed one ("scenario", "fund"), else the section of the entity of
 * that name in s (the label of `revsim sweep` drops the type). */
static const rs_section *section_of(const rs_scenario *s, const char *name)
{
    const rs_section *sec = rs_section_find(name);
    if (sec && !sec->named)
        return sec;
    for (int k = 0; k < RS_SEC_NKINDS; k++) {
        int n = 0;
        const rs_entity *e = rs_scenario_entities(s, (rs_seckind)k, &n);
        if (rs_kinds[k].single)
            continue;
        for (int i = 0; e && i < n; i++)
            if (e[i].sec && strcmp(e[i].name, name) == 0)
                return e[i].sec;
    }
    return NULL;
}

/* A sweep row's label ("shops:east.rent", "east.rent@3",
 * "scenario.discount_rate") as the chart shows it: the name (for an
 * unnamed section its type, in Chinese when zh) and the key (its Chinese
 * label when zh, with the step's year), and whether the parameter is a
 * fraction or a rate shown in percent. */
static void param_label(const rs_run_chart *c, const char *label, char *name, size_t nn,
                        char *key, size_t kn, int *percent)
{
    char sec_name[RS_NAME_MAX + 32] = "", ent[RS_NAME_MAX + 48] = "", k[RS_NAME_MAX + 48];
    *percent = 0;
    label = label ? label : "";
    const char *dot = strrchr(label, '.'), *colon = strchr(label, ':');
    if (!dot) {
        snprintf(name, nn, "%s", "");
        snprintf(key, kn, "%s", label);
        return;
    }
    if (colon && colon < dot) {
        snprintf(sec_name, sizeof sec_name, "%.*s", (int)(colon - label), label);
        snprintf(ent, sizeof ent, "%.*s", (int)(dot - colon - 1), colon + 1);
    } else {
        snprintf(ent, sizeof ent, "%.*s", (int)(dot - label), label);
    }
    snprintf(k, sizeof k, "%s", dot + 1);
    int step = 0;
    char *at = strchr(k, '@');
    if (at) {
        step = atoi(at + 1);
        *at = '\0';
    }
    const rs_section *sec = sec_name[0] ? rs_section_find(sec_name) : section_of(c->s, ent);
    int p = sec ? rs_param_find(sec->params, sec->nparams, k) : -1;
    const char *kshow = p >= 0 && c->pen.zh && sec->params[p].label_zh ? sec->params[p].label_zh : k;
    if (sec && !sec->named && !sec_name[0])  /* "scenario.discount_rate" */
        snprintf(name, nn, "%s", c->pen.zh && sec->label_zh ? sec->label_zh : sec->name);
    else
        snprintf(name, nn, "%s", ent);
    if (step > 0)
        rs_gp_text(key, kn, L(c, "%s from year %d", "%s（第%d年起）"), kshow, step);
    else
        snprintf(key, kn, "%s", kshow);
    if (p >= 0)
        *percent = strcmp(sec->params[p].unit, "fraction") == 0 ||
                   strcmp(sec->params[p].unit, "1/year") == 0;
}

/* Row label "NAME · KEY  low – high" within `room` em: the name is cut
 * first (down to 4 em), then the key; the values always stay. */
static void row_label(const rs_run_chart *c, const rs_tornado_row *row, double room, char *out,
                      size_t n)
{
    char name[RS_NAME_MAX + 48], key[RS_NAME_MAX + 96], lo[64], hi[64], tail[200];
    char fname[sizeof name], fkey[sizeof key];
    int pct;
    param_label(c, row->label, name, sizeof name, key, sizeof key, &pct);
    rs_fmt_short(pct ? 100 * row->low : row->low, RS_GP_NUM, lo, sizeof lo);
    rs_fmt_short(pct ? 100 * row->high : row->high, RS_GP_NUM, hi, sizeof hi);
    rs_gp_text(tail, sizeof tail, "  %s%s – %s%s", lo, pct ? "%" : "", hi, pct ? "%" : "");
    const char *sep = name[0] ? " · " : "";
    double fixed = rs_gp_text_em(sep) + rs_gp_text_em(tail);
    double name_room = room - fixed - rs_gp_text_em(key);
    if (!name[0] || name_room >= rs_gp_text_em(name)) {
        snprintf(fname, sizeof fname, "%s", name);
        snprintf(fkey, sizeof fkey, "%s", key);
    } else if (name_room >= 4) {
        rs_gp_fit_em(name, name_room, 0, fname, sizeof fname);
        snprintf(fkey, sizeof fkey, "%s", key);
    } else {
        rs_gp_fit_em(name, 4, 0, fname, sizeof fname);
        double key_room = room - fixed - rs_gp_text_em(fname);
        rs_gp_fit_em(key, key_room > 3 ? key_room : 3, 0, fkey, sizeof fkey);
    }
    char whole[600];
    rs_gp_text(whole, sizeof whole, "%s%s%s%s", fname, sep, fkey, tail);
    rs_gp_fit_em(whole, room, 1, out, n);  /* a last resort: very little room */
}

typedef struct {
    const rs_tornado_row *row;
    double swing;
} ranked_row;

static int cmp_swing(const void *a, const void *b)
{
    const ranked_row *x = a, *y = b;
    double sx = isfinite(x->swing) ? x->swing : -1, sy = isfinite(y->swing) ? y->swing : -1;
    if (sx != sy)
        return sx < sy ? 1 : -1;
    return x->row < y->row ? -1 : x->row > y->row; /* stable: input order */
}

/* Widest room the row labels may take (em at full size) and the least. */
#define LABEL_ROOM (0.42 * PAGE_EM)
#define LABEL_ROOM_MIN (0.22 * PAGE_EM)

int rs_draw_tornado(rs_run_chart *c)
{
    const rs_plot_input *in = c->in;
    int n = in->nrows, shown = n < RS_TORNADO_MAX ? n : RS_TORNADO_MAX;
    ranked_row *rk = malloc((size_t)(n ? n : 1) * sizeof *rk);
    char (*labels)[400] = calloc((size_t)(shown ? shown : 1), sizeof *labels);
    if (!rk || !labels) {
        free(rk);
        free(labels);
        return RS_ESOFTWARE;
    }
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
    char title[320], note[160], f[160], num[96];
    rs_gp_text(title, sizeof title, L(c, "Sensitivity: %s", "%s敏感性分析"), mlabel);
    if (shown < n)
        rs_gp_text(note, sizeof note, L(c, "the %d largest of %s parameters", "摆幅最大的%d个参数（共%s个）"),
                   shown, rs_gp_group(n, 0, num, sizeof num));
    rs_run_head(c, title, shown < n ? note : NULL);

    /* row labels: as long as they need, up to LABEL_ROOM; the plot takes
     * the rest of the page */
    double tscale = shown > 12 ? 0.7 : 0.85, widest = 0;
    for (int i = 0; i < shown; i++) {
        row_label(c, rk[i].row, LABEL_ROOM / tscale, labels[i], sizeof labels[i]);
        double w = rs_gp_text_em(labels[i]) * tscale;
        widest = w > widest ? w : widest;
    }
    widest = widest > LABEL_ROOM_MIN ? widest : LABEL_ROOM_MIN;
    c->pen.lm = (widest + 1.6) / PAGE_EM;
    c->pen.rm = 0.93;

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
    rs_gp_x_value_axis(&c->pen, lo - 0.3 * span, hi + 0.3 * span, 5, c->pen.rm - c->pen.lm,
                       show == SHOW_PERCENT ? "%" : "", 1);
    rs_gp_axis_label(&c->pen, "x", mlabel, unit);
    rs_gp_cmd(c->pen.b, "set grid noytics xtics back linetype 1 linecolor rgb '%s' linewidth 0.5\n", C_GRID);
    rs_gp_cmd(c->pen.b, "set border 1 linecolor rgb '#404040' linewidth 1\n");
    rs_gp_cmd(c->pen.b, "set tmargin at screen 0.82\n");
    /* row labels as text, not tic labels: gnuplot reads a tic label with a
     * '%' as a format and cuts it at 50 bytes */
    rs_gp_cmd(c->pen.b, "unset ytics\n");
    if (shown == 0) {
        rs_gp_cmd(c->pen.b, "set yrange [0:1]\n");
        rs_gp_cmd(c->pen.b, "set label 1000 %q at graph 0.5, graph 0.5 center textcolor rgb '%s'\n",
                  L(c, "No parameter has a low and a high value", "没有设定低值和高值的参数"),
                  C_SUB);
    } else {
        rs_gp_cmd(c->pen.b, "set yrange [0.4:%g]\n", shown + 0.6);
    }
    for (int i = 0; i < shown; i++)
        rs_gp_cmd(c->pen.b, "set label %d %q at screen %g, first %d right font %q textcolor rgb '%s'\n",
                  500 + i, labels[i], round((c->pen.lm - 0.6 / PAGE_EM) * 1e4) / 1e4, shown - i,
                  rs_gp_font_spec(&c->pen, tscale, f, sizeof f), C_INK);
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
            if (show == SHOW_MONEY)
                rs_gp_amount(&c->pen, m[j], txt, sizeof txt);
            else
                rs_gp_group(m[j], show == SHOW_PERCENT ? 1 : 2, txt, sizeof txt);
            if (show == SHOW_PERCENT)
                strcat(txt, "%");
            int left = m[j] < base || (m[j] == base && j == 0);
            rs_gp_cmd(c->pen.b, "set label %d %q at %g, %d %s offset %g, 0 font %q textcolor rgb '%s'\n",
                      lab++, txt, m[j], shown - i, left ? "right" : "left", left ? -0.5 : 0.5,
                      rs_gp_font_spec(&c->pen, tscale * 0.9, f, sizeof f), C_INK);
        }
    }
    char basetxt[160];
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
    rs_gp_key(&c->pen, RS_KEY_BOX, C_LOW, 0, NULL, 0, L(c, "Parameter at its low value", "参数取低值"));
    rs_gp_key(&c->pen, RS_KEY_BOX, C_HIGH, 0, NULL, 0, L(c, "Parameter at its high value", "参数取高值"));
    rs_gp_frame(&c->pen, 0);
    rs_gp_cmd(c->pen.b, "plot $bars using 1:2:3:4:5:6:7 with boxxyerror linecolor rgb variable notitle\n");
    free(rk);
    free(labels);
    return RS_OK;
}
