/* gpdraw.h: private to plots/: what the run charts (charts.c, plots.c) and
 * the comparison charts (compare.c) share: the canvas of each format, the
 * palette, the pen every chart function draws with and the helpers that
 * write a chart's head, axes and labels with it; finding gnuplot and a CJK
 * font; drawing a script into a checked file of an output set. */
#ifndef RS_GPDRAW_H
#define RS_GPDRAW_H

#include <stddef.h>
#include "gp.h"
#include "plots.h"

/* The palette every chart uses (colour-blind safe, prints in grey). */
#define C_BLUE "#1f5fa8"
#define C_RED "#c8553d"
#define C_INK "#262626"
#define C_GREY "#7f7f7f"
#define C_SUB "#555555"
#define C_GRID "#dadada"
#define C_BLUE_FILL "#c6dbef"
#define C_RED_FILL "#f3cdc2"
#define C_LOW_HEX "56a0d3"
#define C_HIGH_HEX "e69f00"
#define C_LOW "#" C_LOW_HEX
#define C_HIGH "#" C_HIGH_HEX

/* Series colours in order: a lever takes any of the RS_GP_NCOLORS, a
 * scenario one of the first RS_GP_NCOLORS - 1 (the last, grey, is the
 * baseline's). */
extern const char *const rs_gp_colors[];
#define RS_GP_NCOLORS 8

/* Output formats (indexed by rs_plot_format): terminal, extension, canvas
 * (16:10), base font size, line width and point size factors, chosen (by
 * measuring renders) so that a chart looks the same in each: capitals 2.7%
 * of the height, the page about 43 em wide, lines 0.5% and markers 3% of
 * the height at lw(2.5) and ps(2.4). PNG is a 16 cm wide figure at 250 dpi,
 * the PDF 16 cm itself. */
typedef struct {
    const char *term, *ext, *size;
    double font, lw, ps;
} rs_gp_format;

extern const rs_gp_format rs_gp_formats[];
#define PAGE_EM 43.0   /* page width in em of the base font */
#define DIGIT_EM 0.58  /* width of a digit or an average character, em */

/* PNG, English, gnuplot on PATH: what a NULL rs_plot_opts means. */
extern const rs_plot_opts rs_gp_default_opts;

/* What every chart function draws with: the script, the canvas, the
 * language and the money unit. Money is shown in `unit` after multiplying
 * by k (1, or 1e-4 for 万). A chart context holds one as its member `pen`. */
typedef struct {
    rs_gpbuf *b;
    const rs_gp_format *fmt;
    int zh;
    double k;
    char unit[96];
    const char *font;
} rs_gp_pen;

/* English or Chinese text of chart context c (one with a `pen`), chosen
 * where it is used; both are literals, so the compiler checks formats
 * against both. */
#define L(c, en_, zh_) ((c)->pen.zh ? (zh_) : (en_))

/* Set up p to draw into b with opt's format and language, terminal font
 * family `font` (NULL: "Sans"), money in the unit rs_text_money_unit
 * picks for `currency` (in English cut to 20 columns). */
void rs_gp_pen_init(rs_gp_pen *p, rs_gpbuf *b, const rs_plot_opts *opt, const char *font,
                    const char *currency);

/* End a chart script drawn into b with result rc: RS_OK with b's text in
 * *script (the caller's); else b released and rc (RS_ESOFTWARE when rc is
 * 0 but memory ran out) with "STEM chart: out of memory" in err. */
int rs_gp_script_done(rs_gpbuf *b, int rc, const char *stem, char **script, rs_error *err);

/* snprintf into a label buffer; a label too long for it is cut. */
__attribute__((format(printf, 3, 4))) void rs_gp_text(char *buf, size_t n, const char *fmt,
                                                      ...);

/* Text k (SC_NAME, SC_START, ...) of scenario s, "" when unset. */
const char *rs_gp_scen_text(const rs_scenario *s, int k);

/* Characters (not bytes) of a UTF-8 label. */
int rs_gp_label_chars(const char *t);

/* Widen [*lo, *hi] to take the finite values among v[0..n-1]. */
void rs_gp_minmax(const double *v, int n, double *lo, double *hi);

/* Font spec "family,size" at `scale` times the base size, into buf. */
const char *rs_gp_font_spec(const rs_gp_pen *p, double scale, char *buf, size_t n);

/* Line width w and point size `size` scaled for the format. */
double rs_gp_lw(const rs_gp_pen *p, double w);
double rs_gp_ps(const rs_gp_pen *p, double size);

/* Money amount v (in the scenario currency) as text with its unit. */
const char *rs_gp_money(const rs_gp_pen *p, double v, char *buf, size_t n);

/* Terminal, common style and the two-line title centred on the page:
 * `subject`, then line2 (none when NULL or ""), the script opening with
 * the comment "# WHAT: STEM". The plot's top is fixed below the title, so
 * every chart lines up. */
void rs_gp_head(const rs_gp_pen *p, const char *what, const char *stem, const char *subject,
                const char *line2);

/* x axis of programme years 1..years, `pad` beyond each end; `start` (cut
 * to 24 columns) labels year 1 when not empty. */
void rs_gp_year_axis(const rs_gp_pen *p, int years, double pad, const char *start);

/* y (or y2, x) axis NAME from lo to hi with about `target` round ticks,
 * labels ending in suffix; returns the axis. */
rs_gp_axis rs_gp_value_axis(const rs_gp_pen *p, const char *name, double lo, double hi,
                            int target, const char *suffix);

/* The label "what (unit)" of axis `axis` ("x", "y", "y2"). */
void rs_gp_axis_label(const rs_gp_pen *p, const char *axis, const char *what,
                      const char *unit);

/* Find gnuplot (opt->gnuplot, else on PATH) into *prog and, for Chinese, an
 * installed CJK font family into font (n bytes; "" in English, where
 * cairo's "Sans" is used). *warned is set to 0 (warned may be NULL). When
 * gnuplot is missing: RS_OK, *prog NULL, *warned 1 and the warning in
 * err->msg with err->code left 0 (unless err already holds an error).
 * RS_ETOOL when no CJK font is installed. */
int rs_gp_setup(const rs_plot_opts *opt, const char **prog, char *font, size_t n, int *warned,
                rs_error *err);

/* Draw `script` with gnuplot `prog` into `name` of the set o (reserved with
 * rs_outset_path) and check that the file is a non-empty chart of format
 * f. On error the file stays reserved in o: the caller takes its charts
 * out again with rs_outset_truncate. RS_ETOOL when gnuplot fails or writes
 * nothing or not format f; RS_ECANTCREAT when the file cannot be written. */
int rs_gp_draw(rs_outset *o, const char *name, const char *script, const char *prog,
               rs_plot_format f, rs_error *err);

#endif
