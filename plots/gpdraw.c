/* gpdraw.c: the drawing machinery the run charts and the comparison charts
 * share: formats, palette, the pen and its head, axis and label helpers
 * (the layout around the plot is gpframe.c's), finding gnuplot and a CJK
 * font, and drawing a script into a checked chart file of an output set. */
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
#include "gpdraw.h"

const char *const rs_gp_colors[RS_GP_NCOLORS] = {
    "#1f5fa8", "#e69f00", "#2a9d6f", "#cc79a7", "#56b4e9", "#8c6d31",
    "#d55e00", "#6a3d9a", "#f0e442", "#882255", "#999933", C_GREY,
};

const rs_gp_format rs_gp_formats[] = {
    [RS_FMT_PNG] = {"pngcairo", "png", "1600,1000", 28, 2.0, 1.7, 0, 0},
    [RS_FMT_SVG] = {"svg", "svg", "960,600", 22.5, 1.2, 0.45, 0.12, 0.31},
    [RS_FMT_PDF] = {"pdfcairo", "pdf", "16cm,10cm", 8, 1.15, 0.55, 0, 0},
};

const rs_plot_opts rs_gp_default_opts = {RS_FMT_PNG, RS_LANG_EN, NULL};

/* ---- the pen ----------------------------------------------------------- */

void rs_gp_pen_init(rs_gp_pen *p, rs_gpbuf *b, const rs_plot_opts *opt, const char *font,
                    const char *currency)
{
    memset(p, 0, sizeof *p);
    p->b = b;
    p->fmt = &rs_gp_formats[opt->format];
    p->zh = opt->lang == RS_LANG_ZH;
    p->font = font ? font : "Sans";
    p->k = rs_fmt_money_unit(currency, p->zh, p->unit, sizeof p->unit);
    if (!p->zh) { /* a chart has room for 20 columns of a currency name */
        char whole[sizeof p->unit];
        memcpy(whole, p->unit, sizeof whole);
        rs_gp_fit(whole, 20, p->unit, sizeof p->unit);
    }
}

int rs_gp_script_done(rs_gpbuf *b, int rc, const char *stem, char **script, rs_error *err)
{
    if (!rc && b->failed)
        rc = RS_ESOFTWARE;
    if (rc) {
        rs_gpbuf_release(b);
        return rs_error_set(err, rc, "%s chart: out of memory", stem);
    }
    *script = b->p;
    return RS_OK;
}

/* ---- small helpers ----------------------------------------------------- */

void rs_gp_text(char *buf, size_t n, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(buf, n, fmt, ap);
    va_end(ap);
}

const char *rs_gp_scen_text(const rs_scenario *s, int k)
{
    const char *t = s->scen.text[k];
    return t ? t : "";
}

void rs_gp_minmax(const double *v, int n, double *lo, double *hi)
{
    for (int i = 0; i < n; i++)
        if (isfinite(v[i])) {
            if (v[i] < *lo)
                *lo = v[i];
            if (v[i] > *hi)
                *hi = v[i];
        }
}

const char *rs_gp_font_spec(const rs_gp_pen *p, double scale, char *buf, size_t n)
{
    rs_gp_text(buf, n, "%s,%g", p->font, round(p->fmt->font * scale * 2) / 2);
    return buf;
}

double rs_gp_lw(const rs_gp_pen *p, double w)
{
    return round(w * p->fmt->lw * 10) / 10;
}

double rs_gp_ps(const rs_gp_pen *p, double size)
{
    return round(size * p->fmt->ps * 100) / 100;
}

const char *rs_gp_money(const rs_gp_pen *p, double v, char *buf, size_t n)
{
    return rs_fmt_money(v, p->k, p->unit, p->zh, RS_GP_NUM, buf, n);
}

const char *rs_gp_amount(const rs_gp_pen *p, double shown, char *buf, size_t n)
{
    return rs_gp_group(shown, rs_fmt_money_decimals(shown, p->zh), buf, n);
}

/* ---- head and axes ----------------------------------------------------- */

/* The subtitle's widest line (em of the base font), its usual scale and
 * the smallest it may take before its name is cut. */
#define SUB_EM (0.94 * PAGE_EM)
#define SUB_SCALE 0.95
#define SUB_SCALE_MIN 0.8

void rs_gp_head(rs_gp_pen *p, const char *what, const char *stem, const char *subject,
                const char *name, const char *note)
{
    char f[160], line2[1024], fit[640];
    const rs_gp_format *fd = p->fmt;
    const char *sep = "  \xC2\xB7  ";
    name = name ? name : "";
    note = note ? note : "";
    rs_gp_text(line2, sizeof line2, "%s%s%s", name, name[0] && note[0] ? sep : "", note);
    int two = line2[0] != '\0';
    double scale = SUB_SCALE, em = rs_gp_text_em(line2);
    if (em * scale > SUB_EM) {
        scale = floor(20 * SUB_EM / em) / 20;
        scale = scale > SUB_SCALE_MIN ? scale : SUB_SCALE_MIN;
    }
    if (em * scale > SUB_EM && name[0]) {
        double tail = note[0] ? rs_gp_text_em(sep) + rs_gp_text_em(note) : 0;
        double room = SUB_EM / scale - tail;
        rs_gp_fit_em(name, room > 12 ? room : 12, 0, fit, sizeof fit);
        rs_gp_text(line2, sizeof line2, "%s%s%s", fit, note[0] ? sep : "", note);
    }
    rs_gp_cmd(p->b, "# %s: %s\n", what, stem);
    rs_gp_cmd(p->b, "set encoding utf8\n");
    rs_gp_cmd(p->b, "set terminal %s size %s noenhanced font %q fontscale 1 linewidth %g background rgb '#ffffff'\n",
              fd->term, fd->size, rs_gp_font_spec(p, 1.0, f, sizeof f), fd->lw);
    rs_gp_cmd(p->b, "set label 1001 %q at screen 0.5, screen 0.955 center font %q textcolor rgb '%s'\n",
              subject, rs_gp_font_spec(p, 1.2, f, sizeof f), C_INK);
    if (two)
        rs_gp_cmd(p->b, "set label 1002 %q at screen 0.5, screen 0.905 center font %q textcolor rgb '%s'\n",
                  line2, rs_gp_font_spec(p, scale, f, sizeof f), C_SUB);
    rs_gp_cmd(p->b, "set tmargin at screen %g\n", two ? 0.855 : 0.9);
    rs_gp_cmd(p->b, "set border 3 linecolor rgb '#404040' linewidth 1\n");
    rs_gp_cmd(p->b, "set grid ytics back linetype 1 linecolor rgb '%s' linewidth 0.5\n", C_GRID);
    rs_gp_cmd(p->b, "unset key\n");
    rs_gp_cmd(p->b, "set style fill solid 1.0 noborder\n");
    rs_gp_cmd(p->b, "set tics textcolor rgb '%s'\n", C_INK);
    rs_gp_cmd(p->b, "set xtics nomirror out scale 0.5\nset ytics nomirror out scale 0.5\n");
    rs_gp_cmd(p->b, "set datafile missing 'NaN'\n");
}

const char *rs_gp_xtics(const rs_gp_pen *p, int marks, char *buf, size_t n)
{
    double dy = marks ? p->fmt->xtic_dy : p->fmt->xtic_dy0;
    if (dy > 0)
        rs_gp_text(buf, n, "nomirror out scale %s offset 0, %g", marks ? "0.5" : "0", dy);
    else
        rs_gp_text(buf, n, "nomirror out scale %s", marks ? "0.5" : "0");
    return buf;
}

void rs_gp_year_axis(rs_gp_pen *p, int years, double pad, const char *start)
{
    int step = years <= 15 ? 1 : years <= 30 ? 2 : years <= 60 ? 5 : 10;
    char lab[256], st[96], opts[96];
    rs_gp_cmd(p->b, "set xrange [%g:%g]\nset xtics %s (", 1 - pad, years + pad,
              rs_gp_xtics(p, 0, opts, sizeof opts));
    for (int y = 1, first = 1; y <= years; y++)
        if (y == 1 || y % step == 0) {
            rs_gp_cmd(p->b, "%s'%d' %d", first ? "" : ", ", y, y);
            first = 0;
        }
    rs_gp_cmd(p->b, ")\n");
    rs_gp_fit(start ? start : "", 24, st, sizeof st);
    if (st[0])
        rs_gp_text(lab, sizeof lab,
                   p->zh ? "项目年度（第1年始于%s）" : "Programme year (year 1 begins %s)", st);
    else
        rs_gp_text(lab, sizeof lab, "%s", p->zh ? "项目年度" : "Programme year");
    rs_gp_axis_label(p, "x", lab, NULL);
}

/* Widest tick label of axis a in [lo, hi] with `suffix`, in em. */
static double ticks_em(const rs_gp_axis *a, double lo, double hi, const char *suffix)
{
    long k0 = (long)ceil(lo / a->step - 1e-9), k1 = (long)floor(hi / a->step + 1e-9);
    double w = 0;
    for (long k = k0; k <= k1; k++) {
        char num[64], lab[96];
        rs_gp_text(lab, sizeof lab, "%s%s", rs_gp_group(k * a->step, a->decimals, num, sizeof num),
                   suffix);
        double e = rs_gp_text_em(lab);
        w = e > w ? e : w;
    }
    return w;
}

void rs_gp_pen_axis(rs_gp_pen *p, const char *name, const rs_gp_axis *a, const char *suffix)
{
    char opts[96];
    rs_gp_axis_emit(p->b, name, a,
                    strcmp(name, "x") == 0 ? rs_gp_xtics(p, 1, opts, sizeof opts)
                                           : "nomirror out scale 0.5",
                    suffix);
    double w = ticks_em(a, a->lo, a->hi, suffix);
    if (strcmp(name, "x") == 0) {
        p->xtic_em = w;
    } else if (strcmp(name, "y") == 0) {
        p->ytic_em = w;
    } else if (strcmp(name, "y2") == 0) {
        p->y2tic_em = w;
        p->y2 = 1;
    }
}

rs_gp_axis rs_gp_value_axis(rs_gp_pen *p, const char *name, double lo, double hi,
                            int target, const char *suffix)
{
    rs_gp_axis a;
    rs_gp_axis_fit(&a, lo, hi, target);
    rs_gp_pen_axis(p, name, &a, suffix);
    return a;
}

void rs_gp_x_value_axis(rs_gp_pen *p, double lo, double hi, int target, double frac,
                        const char *suffix, int exact)
{
    rs_gp_axis a;
    for (;; target--) {
        rs_gp_axis_fit(&a, lo, hi, target);
        /* the labels drawn: every tick, or with `exact` those in [lo, hi] */
        double from = exact ? lo : a.lo, to = exact ? hi : a.hi;
        long k0 = (long)ceil(from / a.step - 1e-9), k1 = (long)floor(to / a.step + 1e-9);
        if (target <= 2 || (k1 - k0 + 1) * (ticks_em(&a, from, to, suffix) + 1.2) <= frac * PAGE_EM)
            break;
    }
    if (exact) {
        a.lo = lo;
        a.hi = hi;
    }
    rs_gp_pen_axis(p, "x", &a, suffix);
}

void rs_gp_axis_label(rs_gp_pen *p, const char *axis, const char *what, const char *unit)
{
    char *to = strcmp(axis, "x") == 0 ? p->xlabel : strcmp(axis, "y") == 0 ? p->ylabel : p->y2label;
    if (unit && unit[0])
        rs_gp_text(to, sizeof p->xlabel, p->zh ? "%s（%s）" : "%s (%s)", what, unit);
    else
        rs_gp_text(to, sizeof p->xlabel, "%s", what);
    if (to == p->y2label)
        p->y2 = 1;
}

/* ---- gnuplot and the chart files -------------------------------------- */

int rs_gp_setup(const rs_plot_opts *opt, const char **prog, char *font, size_t n, int *warned,
                rs_error *err)
{
    if (warned)
        *warned = 0;
    font[0] = '\0';
    *prog = opt->gnuplot ? opt->gnuplot : "gnuplot";
    if (!rs_gp_available(*prog)) {
        if (!err->code)
            snprintf(err->msg, sizeof err->msg,
                     "gnuplot not found (%s): charts not written; install it with "
                     "'sudo apt-get install gnuplot-nox', or use --no-plots",
                     *prog);
        *prog = NULL;
        if (warned)
            *warned = 1;
        return RS_OK;
    }
    /* Chinese needs a CJK font pinned: gnuplot draws boxes without one */
    if (opt->lang == RS_LANG_ZH &&
        rs_gp_cjk_font(rs_gp_cjk_fonts, rs_gp_ncjk_fonts, "fc-list", font, n) != 0)
        return rs_error_set(err, RS_ETOOL,
                            "no Chinese (CJK) font found for --lang zh charts (gnuplot would draw "
                            "empty boxes): install one with 'sudo apt-get install "
                            "fonts-wqy-microhei'");
    return RS_OK;
}

/* 1 when the m bytes of `what` occur in the n bytes of buf. */
static int holds(const unsigned char *buf, size_t n, const char *what, size_t m)
{
    for (size_t i = 0; i + m <= n; i++)
        if (memcmp(buf + i, what, m) == 0)
            return 1;
    return 0;
}

/* The file at fd holds a non-empty, whole chart of format f. */
static int check_chart(int fd, rs_plot_format f, const char *name, rs_error *err)
{
    struct stat st;
    unsigned char head[512];
    if (fstat(fd, &st) != 0)
        return rs_error_set(err, RS_ECANTCREAT, "%s: cannot check the chart: %s", name,
                            strerror(errno));
    if (st.st_size == 0)
        return rs_error_set(err, RS_ETOOL, "%s: gnuplot wrote an empty file", name);
    ssize_t n = pread(fd, head, sizeof head - 1, 0);
    if (n < 0)
        return rs_error_set(err, RS_ECANTCREAT, "%s: cannot check the chart: %s", name,
                            strerror(errno));
    head[n] = '\0';
    int ok;
    switch (f) {
    case RS_FMT_PNG: ok = n >= 8 && memcmp(head, "\x89PNG\r\n\x1a\n", 8) == 0; break;
    case RS_FMT_PDF: ok = n >= 5 && memcmp(head, "%PDF-", 5) == 0; break;
    default: ok = strstr((const char *)head, "<svg") != NULL; break;
    }
    if (!ok)
        return rs_error_set(err, RS_ETOOL, "%s: gnuplot did not write a %s file", name,
                            f == RS_FMT_PNG ? "PNG" : f == RS_FMT_PDF ? "PDF" : "SVG");
    /* and a whole one: a chart cut off (gnuplot's own writes failed, it was
     * stopped) does not end as its format ends */
    unsigned char tail[65];
    off_t at = st.st_size > 64 ? st.st_size - 64 : 0;
    n = pread(fd, tail, (size_t)(st.st_size - at), at);
    if (n < 0)
        return rs_error_set(err, RS_ECANTCREAT, "%s: cannot check the chart: %s", name,
                            strerror(errno));
    tail[n] = '\0';
    static const unsigned char iend[12] = {0, 0, 0, 0, 'I', 'E', 'N', 'D', 0xAE, 0x42, 0x60, 0x82};
    switch (f) {
    case RS_FMT_PNG: ok = n >= 12 && memcmp(tail + n - 12, iend, 12) == 0; break;
    case RS_FMT_PDF: ok = holds(tail, (size_t)n, "%%EOF", 5); break;
    default: ok = holds(tail, (size_t)n, "</svg>", 6); break;
    }
    if (!ok)
        return rs_error_set(err, RS_ETOOL, "%s: the chart gnuplot wrote is cut off (no end of "
                            "the %s file)", name,
                            f == RS_FMT_PNG ? "PNG" : f == RS_FMT_PDF ? "PDF" : "SVG");
    return RS_OK;
}

int rs_gp_draw(rs_outset *o, const char *name, const char *script, const char *prog,
               rs_plot_format f, rs_error *err)
{
    const char *path = rs_outset_path(o, name, err);
    if (!path)
        return err->code;
    int fd = open(path, O_RDWR | O_CREAT | O_TRUNC | O_CLOEXEC, 0666);
    if (fd < 0)
        return rs_error_set(err, RS_ECANTCREAT, "%s/%s: cannot write: %s", o->dir, name,
                            strerror(errno));
    int rc = rs_gp_run(prog, script, strlen(script), fd, name, err);
    if (!rc)
        rc = check_chart(fd, f, name, err);
    if (close(fd) != 0 && !rc)
        rc = rs_error_set(err, RS_ECANTCREAT, "%s/%s: write failed: %s", o->dir, name,
                          strerror(errno));
    return rc;
}
