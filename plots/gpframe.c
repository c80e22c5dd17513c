/* gpframe.c: the layout around a chart's plot, done by revsim rather than
 * gnuplot so that PNG, SVG and PDF come out alike (gnuplot's SVG terminal
 * reserves 1.5 em a line where cairo reserves 1.16): text widths estimated
 * from the font's metrics, the plot area fixed in screen coordinates, the
 * axis titles and the key drawn as labels, rectangles and lines at screen
 * positions. */
#include <math.h>
#include <stdio.h>
#include <string.h>
#include "../base/utf8.h"
#include "gpdraw.h"

/* ---- text widths -------------------------------------------------------- */

/* Advance widths of printable ASCII (32..126) in DejaVu Sans, 1/1000 em. */
static const unsigned short ascii_w[95] = {
    318, 401, 460, 838, 636, 950, 780, 275, 390, 390, 500, 838, 318, 361, 318, 337, /* sp..  / */
    636, 636, 636, 636, 636, 636, 636, 636, 636, 636,                               /* 0..9 */
    337, 337, 838, 838, 838, 531, 1000,                                             /* : .. @ */
    684, 686, 698, 770, 632, 575, 775, 752, 295, 295, 656, 557, 863,                /* A..M */
    748, 787, 603, 787, 695, 635, 611, 732, 684, 989, 685, 611, 685,                /* N..Z */
    390, 337, 390, 838, 500, 500,                                                   /* [ .. ` */
    613, 635, 550, 635, 615, 352, 635, 634, 278, 278, 579, 278, 974,                /* a..m */
    634, 612, 635, 635, 411, 521, 392, 634, 592, 818, 592, 592, 525,                /* n..z */
    636, 337, 636, 838,                                                             /* { .. ~ */
};

double rs_gp_text_em(const char *t)
{
    double w = 0;
    const unsigned char *p = (const unsigned char *)(t ? t : "");
    while (*p) {
        unsigned long cp;
        int n = rs_utf8_decode(p, &cp);
        if (n == 0) {       /* drawn as '?' */
            w += 0.531;
            p++;
            continue;
        }
        p += n;
        if (cp >= 32 && cp <= 126)
            w += ascii_w[cp - 32] / 1000.0;
        else if (rs_utf8_columns(cp) == 2)
            w += 1.0;       /* CJK and full-width forms */
        else if (cp == 0x2026 || cp == 0x2014)
            w += 1.0;       /* … — */
        else if (cp == 0x2212 || cp == 0xD7)
            w += 0.838;     /* − × */
        else if (cp == 0xB7)
            w += 0.318;     /* · */
        else if (cp < 32)
            w += 0.318;     /* drawn as a space */
        else
            w += 0.6;
    }
    return w;
}

const char *rs_gp_fit_em(const char *t, double em, int keep_end, char *out, size_t n)
{
    t = t ? t : "";
    int cols = rs_utf8_width(t);
    if (rs_gp_text_em(t) <= em || cols <= 1) {
        (keep_end ? rs_utf8_fit_end : rs_utf8_fit)(t, cols, out, n);
        return out;
    }
    /* the most columns whose cut text fits: the width grows with them */
    int lo = 1, hi = cols - 1;
    while (lo < hi) {
        int mid = (lo + hi + 1) / 2;
        (keep_end ? rs_utf8_fit_end : rs_utf8_fit)(t, mid, out, n);
        if (rs_gp_text_em(out) <= em)
            lo = mid;
        else
            hi = mid - 1;
    }
    (keep_end ? rs_utf8_fit_end : rs_utf8_fit)(t, lo, out, n);
    return out;
}

/* ---- the key -------------------------------------------------------------- */

/* Layout, in em of the base font (the page is PAGE_EM wide, PAGE_EM_H
 * high). */
#define EMX (1.0 / PAGE_EM)
#define EMY (1.0 / PAGE_EM_H)
#define PAD 0.7          /* canvas edge to the key or an axis title */
#define ROW 1.3          /* a key row */
#define SAMPLE 2.2       /* a key sample's width */
#define SAMPLE_GAP 0.5   /* sample to text */
#define COL_GAP 1.8      /* between key columns */
#define KEY_GAP 0.9      /* key to the x title */
#define XTITLE 1.5       /* the x title's line */
#define XTICS 1.9        /* the x axis to below its tick labels */
#define YTITLE 1.6       /* a y title's line */
#define YTIC_GAP 1.3     /* a y axis to its tick labels' near end */
#define KEY_EM (0.93 * PAGE_EM)
#define MIN_PLOT 0.45    /* least height of the plot area (screen) */
#define MAX_COLS 6

void rs_gp_key(rs_gp_pen *p, rs_gp_keykind kind, const char *color, double lw,
               const char *dash, int pt, const char *text)
{
    if (p->nkey >= RS_GP_KEY_MAX)
        return;
    rs_gp_keyent *e = &p->key[p->nkey++];
    e->kind = kind;
    e->color = color;
    e->lw = lw;
    e->dash = dash && dash[0] ? dash : "solid";
    e->pt = pt;
    rs_gp_fit_em(text, KEY_EM / 0.75, 0, e->text, sizeof e->text);
}

/* A key laid out: scale, columns, rows, each column's width (em at scale 1
 * before scaling) and the texts' room (em, 0: whole). */
typedef struct {
    double scale, colw[MAX_COLS], room;
    int cols, rows;
} keylay;

static double entry_em(const rs_gp_keyent *e, double room)
{
    double t = rs_gp_text_em(e->text);
    return SAMPLE + SAMPLE_GAP + (room > 0 && t > room ? room : t);
}

/* Columns' widths (em, unscaled) of n entries in `cols` columns, row
 * major; returns the key's width at scale. */
static double key_width(const rs_gp_pen *p, keylay *k)
{
    double w = 0;
    for (int c = 0; c < k->cols; c++) {
        k->colw[c] = 0;
        for (int i = c; i < p->nkey; i += k->cols) {
            double e = entry_em(&p->key[i], k->room);
            k->colw[c] = e > k->colw[c] ? e : k->colw[c];
        }
        w += k->colw[c] + (c ? COL_GAP : 0);
    }
    return w * k->scale;
}

/* Fewest rows in type as large as possible: scale 1, 0.85, 0.75, the most
 * columns that fit the page; rows within `budget` em. Failing that, scale
 * 0.75 with the texts cut so that enough columns fit. */
static void key_layout(const rs_gp_pen *p, double budget, keylay *k)
{
    static const double scales[] = {1.0, 0.85, 0.75};
    memset(k, 0, sizeof *k);
    if (p->nkey == 0)
        return;
    for (size_t s = 0; s < sizeof scales / sizeof scales[0]; s++) {
        k->scale = scales[s];
        for (k->cols = p->nkey < MAX_COLS ? p->nkey : MAX_COLS; k->cols >= 1; k->cols--) {
            k->rows = (p->nkey + k->cols - 1) / k->cols;
            if (key_width(p, k) <= KEY_EM && k->rows * ROW * k->scale <= budget)
                return;
        }
    }
    k->scale = 0.75;
    int maxrows = (int)floor(budget / (ROW * k->scale));
    maxrows = maxrows < 1 ? 1 : maxrows;
    k->cols = (p->nkey + maxrows - 1) / maxrows;
    k->cols = k->cols > MAX_COLS ? MAX_COLS : k->cols;
    k->rows = (p->nkey + k->cols - 1) / k->cols;
    k->room = (KEY_EM / k->scale - (k->cols - 1) * COL_GAP) / k->cols - SAMPLE - SAMPLE_GAP;
    k->room = k->room > 4 ? k->room : 4;
    key_width(p, k);
}

static double r4(double v)
{
    return round(v * 1e4) / 1e4;
}

/* Entry i of the key at (x, y): its sample and its text (screen). */
static void key_entry(rs_gp_pen *p, int i, double x, double y, const keylay *k)
{
    const rs_gp_keyent *e = &p->key[i];
    char f[160], text[sizeof e->text];
    double w = SAMPLE * k->scale * EMX, h = 0.31 * k->scale * EMY;
    int tag = 3000 + i;
    if (e->kind == RS_KEY_BOX)
        rs_gp_cmd(p->b, "set object %d rect from screen %g, screen %g to screen %g, screen %g "
                  "fillcolor rgb '%s' fillstyle solid 1.0 noborder\n",
                  tag, r4(x), r4(y - h), r4(x + w), r4(y + h), e->color);
    if (e->kind == RS_KEY_LINE || e->kind == RS_KEY_LINEPOINT)
        rs_gp_cmd(p->b, "set arrow %d from screen %g, screen %g to screen %g, screen %g nohead "
                  "linecolor rgb '%s' linewidth %g dashtype %s\n",
                  tag, r4(x), r4(y), r4(x + w), r4(y), e->color, e->lw, e->dash);
    if (e->kind == RS_KEY_POINT || e->kind == RS_KEY_LINEPOINT)
        rs_gp_cmd(p->b, "set label %d '' at screen %g, screen %g point pointtype %d pointsize %g "
                  "linecolor rgb '%s'\n",
                  tag + RS_GP_KEY_MAX, r4(x + w / 2), r4(y), e->pt, rs_gp_ps(p, 1.6), e->color);
    if (k->room > 0)
        rs_gp_fit_em(e->text, k->room, 0, text, sizeof text);
    else
        snprintf(text, sizeof text, "%s", e->text);
    rs_gp_cmd(p->b, "set label %d %q at screen %g, screen %g left font %q textcolor rgb '%s'\n",
              tag, text, r4(x + (SAMPLE + SAMPLE_GAP) * k->scale * EMX), r4(y),
              rs_gp_font_spec(p, k->scale, f, sizeof f), C_INK);
}

double rs_gp_frame(rs_gp_pen *p, double bottom)
{
    const double top = 0.855;  /* the lowest tmargin rs_gp_head sets */
    double fixed = PAD + (p->xlabel[0] ? XTITLE : 0) + XTICS;
    double budget = (top - MIN_PLOT) / EMY - fixed - KEY_GAP;
    budget = budget < 1.5 * ROW ? 1.5 * ROW : budget;
    keylay k;
    key_layout(p, budget, &k);
    double keyh = k.rows * ROW * k.scale;
    double xtitle_y = PAD + keyh + (p->nkey ? KEY_GAP : 0) + XTITLE / 2;
    if (!(bottom > 0))
        bottom = EMY * (fixed + keyh + (p->nkey ? KEY_GAP : 0));
    double lm = p->lm > 0 ? p->lm
                          : EMX * (PAD + (p->ylabel[0] ? YTITLE : 0) + p->ytic_em + YTIC_GAP);
    double rm = p->rm > 0 ? p->rm
                : p->y2 ? 1 - EMX * (PAD + (p->y2label[0] ? YTITLE : 0) + p->y2tic_em + YTIC_GAP)
                        : 1 - EMX * (p->xtic_em / 2 + PAD > 1.9 ? p->xtic_em / 2 + PAD : 1.9);
    rs_gp_cmd(p->b, "set bmargin at screen %g\nset lmargin at screen %g\nset rmargin at screen %g\n",
              r4(bottom), r4(lm), r4(rm));
    if (p->xlabel[0]) {
        /* centred on the plot, moved in (or cut) to stay on the page */
        char xt[sizeof p->xlabel];
        rs_gp_fit_em(p->xlabel, PAGE_EM - 2 * PAD, 0, xt, sizeof xt);
        double half = rs_gp_text_em(xt) / 2 * EMX, cx = (lm + rm) / 2;
        cx = cx + half > 1 - PAD * EMX ? 1 - PAD * EMX - half : cx;
        cx = cx - half < PAD * EMX ? PAD * EMX + half : cx;
        rs_gp_cmd(p->b, "set label 1003 %q at screen %g, screen %g center textcolor rgb '%s'\n",
                  xt, r4(cx), r4(EMY * xtitle_y), C_INK);
    }
    if (p->ylabel[0])
        rs_gp_cmd(p->b, "set label 1004 %q at screen %g, graph 0.5 center rotate by 90 "
                  "textcolor rgb '%s'\n", p->ylabel, r4(EMX * (PAD + YTITLE / 2)), C_INK);
    if (p->y2label[0])
        rs_gp_cmd(p->b, "set label 1005 %q at screen %g, graph 0.5 center rotate by -90 "
                  "textcolor rgb '%s'\n", p->y2label, r4(1 - EMX * (PAD + YTITLE / 2)), C_INK);
    if (p->nkey) {
        double w = 0;
        for (int c = 0; c < k.cols; c++)
            w += (k.colw[c] + (c ? COL_GAP : 0)) * k.scale;
        double x0 = (lm + rm) / 2 / EMX - w / 2;
        x0 = x0 + w > PAGE_EM - PAD ? PAGE_EM - PAD - w : x0;
        x0 = x0 < PAD ? PAD : x0;
        for (int i = 0; i < p->nkey; i++) {
            int row = i / k.cols, col = i % k.cols;
            double x = x0;
            for (int c = 0; c < col; c++)
                x += (k.colw[c] + COL_GAP) * k.scale;
            key_entry(p, i, EMX * x, EMY * (PAD + keyh - (row + 0.5) * ROW * k.scale), &k);
        }
    }
    return bottom;
}
