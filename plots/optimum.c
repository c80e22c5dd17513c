/* optimum.c: the chart of `revsim optimize` (optimum.h): one horizontal
 * bar a lever, the chosen size as a share of its maximum over a pale bar
 * of the whole range, "chosen / max" at the end; the objective in the
 * title. Drawn like the run charts (gpdraw.h); its own entry point. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "gpdraw.h"
#include "optimum.h"

#define STEM "optimum"
#define C_RANGE "#e3e3e3"

typedef struct {
    rs_gp_pen pen;   /* L() reads it */
} ochart;

const char *rs_optimum_chart_file(rs_plot_format f, char *buf, size_t n)
{
    rs_gp_text(buf, n, "%s.%s", STEM, rs_gp_formats[(unsigned)f <= RS_FMT_PDF ? f : 0].ext);
    return buf;
}

/* A lever's kind in a few characters, for a chart's row labels (the
 * section's label_zh is a description, too long to sit by a name). */
static const char *kind_zh(const char *kind)
{
    static const char *const map[][2] = {
        {"shops", "商铺"}, {"parking", "停车"}, {"chargers", "充电"}, {"other", "其他"}};
    for (size_t i = 0; i < sizeof map / sizeof map[0]; i++)
        if (strcmp(kind, map[i][0]) == 0)
            return map[i][1];
    return kind;
}

/* "NPV 14,473,885 CNY" (mean over K runs) for the second title line */
static void objective_line(const ochart *c, const rs_scenario *s, const rs_mix_result *res,
                           char *buf, size_t n)
{
    static const char *const en[] = {"NPV", "equity NPV", "fund at the end", "lowest fund",
                                     "net income in the stabilized year"};
    static const char *const zh[] = {"净现值", "权益净现值", "期末基金余额", "基金最低余额",
                                     "稳定年净收益"};
    const int k = res->objective >= 0 && res->objective <= RS_OBJ_NET_STAB ? res->objective : 0;
    char money[96], name[256], runs[64] = "";
    rs_gp_money(&c->pen, res->value, money, sizeof money);
    rs_gp_fit(rs_gp_scen_text(s, SC_NAME), 40, name, sizeof name);
    if (res->samples > 0)
        rs_gp_text(runs, sizeof runs, L(c, " (mean of %ld runs)", "（%ld次模拟均值）"), res->samples);
    rs_gp_text(buf, n, L(c, "%s  ·  best %s: %s%s", "%s  ·  最优%s：%s%s"), name,
               L(c, en[k], zh[k]), money, runs);
}

static int draw(ochart *c, const rs_scenario *s, const rs_mix_result *res)
{
    const int n = res->nchoice < RS_OPTIMUM_MAX ? res->nchoice : RS_OPTIMUM_MAX;
    char line2[512], f[160];
    objective_line(c, s, res, line2, sizeof line2);
    if (res->nchoice > n) {
        char more[128];
        rs_gp_text(more, sizeof more, L(c, "  ·  the first %d of %d levers", "  ·  前%d个项目（共%d个）"),
                   n, res->nchoice);
        strncat(line2, more, sizeof line2 - strlen(line2) - 1);
    }
    rs_gp_head(&c->pen, "revsim optimize chart", STEM,
               L(c, "Chosen sizes against their maxima", "各项目最优规模与上限"), line2, NULL);
    rs_gp_cmd(c->pen.b, "$bars << EOD\n# x_mid y x_from x_to y_from y_to: the range, then the "
              "chosen share (%%)\n");
    for (int i = 0; i < n; i++)
        rs_gp_cmd(c->pen.b, "50 %d 0 100 %g %g\n", n - i, n - i - 0.36, n - i + 0.36);
    rs_gp_cmd(c->pen.b, "EOD\n$chosen << EOD\n");
    for (int i = 0; i < n; i++) {
        const rs_mix_choice *ch = &res->choice[i];
        double pct = ch->size_max > 0 ? 100 * ch->size / ch->size_max : 0;
        rs_gp_cmd(c->pen.b, "%g %d 0 %g %g %g\n", pct / 2, n - i, pct, n - i - 0.36,
                  n - i + 0.36);
    }
    rs_gp_cmd(c->pen.b, "EOD\n");
    /* lever names fill the left of the page, the sizes the right */
    const double tscale = n > 12 ? fmax(0.45, 0.85 * 12.0 / n) : 0.85;   /* rows get thinner */
    const int cols = (int)(0.34 * PAGE_EM / DIGIT_EM * 0.95 / tscale);
    rs_gp_cmd(c->pen.b, "set lmargin at screen 0.36\nset rmargin at screen 0.74\n");
    rs_gp_cmd(c->pen.b, "set yrange [0.4:%g]\nset ytics nomirror scale 0 font %q (", n + 0.6,
              rs_gp_font_spec(&c->pen, tscale, f, sizeof f));
    for (int i = 0; i < n; i++) {
        const rs_entity *e = &s->lev[res->choice[i].lever];
        char lab[300], fit[300];
        rs_gp_text(lab, sizeof lab, L(c, "%s (%s)", "%s（%s）"), e->name,
                   L(c, e->sec->name, kind_zh(e->sec->name)));
        rs_gp_fit_end(lab, cols, fit, sizeof fit);
        rs_gp_cmd(c->pen.b, "%s%Q %d", i ? ", " : "", fit, n - i);
    }
    rs_gp_cmd(c->pen.b, ")\n");
    rs_gp_cmd(c->pen.b, "set xrange [0:100]\nset xtics nomirror out scale 0.5 (");
    for (int t = 0; t <= 100; t += 25) {
        char tic[16];
        rs_gp_text(tic, sizeof tic, "%d%%", t);
        rs_gp_cmd(c->pen.b, "%s%Q %d", t ? ", " : "", tic, t);
    }
    rs_gp_cmd(c->pen.b, ")\nset xlabel %q\n",
              L(c, "Chosen size as a share of size_max", "最优规模占上限比例"));
    rs_gp_cmd(c->pen.b, "set grid noytics xtics back linetype 1 linecolor rgb '%s' linewidth 0.5\n",
              C_GRID);
    rs_gp_cmd(c->pen.b, "set border 1 linecolor rgb '#404040' linewidth 1\n");
    /* the key on one line under the axis label, drawn as two swatches (gnuplot
     * wraps a key below a plot this narrow) */
    rs_gp_cmd(c->pen.b, "set bmargin at screen 0.25\nunset key\n");
    const struct {
        double x;
        const char *color, *en, *zh;
    } sw[2] = {{0.36, C_BLUE, "Chosen size", "最优规模"}, {0.58, C_RANGE, "Up to size_max", "至上限"}};
    for (int k = 0; k < 2; k++) {
        rs_gp_cmd(c->pen.b, "set object %d rect from screen %g, screen 0.025 to screen %g, screen "
                  "0.06 fillcolor rgb '%s' fillstyle solid 1.0 noborder\n", k + 1, sw[k].x,
                  sw[k].x + 0.04, sw[k].color);
        rs_gp_cmd(c->pen.b, "set label %d %q at screen %g, screen 0.0425 left font %q textcolor "
                  "rgb '%s'\n", 900 + k, L(c, sw[k].en, sw[k].zh), sw[k].x + 0.05,
                  rs_gp_font_spec(&c->pen, 0.9, f, sizeof f), C_INK);
    }
    for (int i = 0; i < n; i++) {
        const rs_mix_choice *ch = &res->choice[i];
        char a[64], b[64], m2[64], txt[200];
        if (ch->sized && ch->space_m2 > 0)
            rs_gp_text(txt, sizeof txt, "%s / %s  (%s m²)", rs_gp_group(ch->size, 0, a, sizeof a),
                       rs_gp_group(ch->size_max, 0, b, sizeof b),
                       rs_gp_group(ch->space_m2, 0, m2, sizeof m2));
        else if (ch->sized)
            rs_gp_text(txt, sizeof txt, "%s / %s", rs_gp_group(ch->size, 0, a, sizeof a),
                       rs_gp_group(ch->size_max, 0, b, sizeof b));
        else
            rs_gp_text(txt, sizeof txt, "%s", ch->size >= 1 ? L(c, "in", "采用") : L(c, "out", "不采用"));
        rs_gp_cmd(c->pen.b, "set label %d %q at 100, %d left offset 1, 0 font %q textcolor rgb '%s'\n",
                  i + 1, txt, n - i, rs_gp_font_spec(&c->pen, tscale, f, sizeof f), C_INK);
    }
    rs_gp_cmd(c->pen.b,
              "plot $bars using 1:2:3:4:5:6 with boxxyerror fillcolor rgb '%s' notitle, \\\n"
              "     $chosen using 1:2:3:4:5:6 with boxxyerror fillcolor rgb '%s' notitle\n",
              C_RANGE, C_BLUE);
    return RS_OK;
}

int rs_optimum_plot_script(const rs_scenario *s, const rs_mix_result *res,
                           const rs_plot_opts *opt, const char *font, char **script,
                           rs_error *err)
{
    *script = NULL;
    if (!opt)
        opt = &rs_gp_default_opts;
    if (!s || !res || res->nchoice < 1 || (unsigned)opt->format > RS_FMT_PDF)
        return rs_error_set(err, RS_ESOFTWARE, "%s chart: its results are missing", STEM);
    rs_gpbuf b;
    rs_gpbuf_init(&b);
    ochart c;
    rs_gp_pen_init(&c.pen, &b, opt, font, rs_gp_scen_text(s, SC_CURRENCY));
    return rs_gp_script_done(&b, draw(&c, s, res), STEM, script, err);
}

int rs_plot_optimum(rs_outset *o, const rs_scenario *s, const rs_mix_result *res,
                    const rs_plot_opts *opt, int *warned, rs_error *err)
{
    char font[256], name[32], *script = NULL;
    const char *prog;
    const int n0 = o->n;
    if (!opt)
        opt = &rs_gp_default_opts;
    int rc = rs_gp_setup(opt, &prog, font, sizeof font, warned, err);
    if (rc || !prog)
        return rc;
    rc = rs_optimum_plot_script(s, res, opt, font[0] ? font : NULL, &script, err);
    if (!rc)
        rc = rs_gp_draw(o, rs_optimum_chart_file(opt->format, name, sizeof name), script, prog,
                        opt->format, err);
    free(script);
    if (rc)
        rs_outset_truncate(o, n0);
    return rc;
}
