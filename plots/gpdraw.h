/* gpdraw.h: private to plots/: what the run charts and the comparison
 * charts share: the canvas of each format, the palette, the pen every chart
 * function draws with and the helpers that write a chart's head, axes,
 * labels and key with it (gpdraw.c, gpframe.c); finding gnuplot and a CJK
 * font; drawing a script into a checked file of an output set. */
#ifndef RS_GPDRAW_H
#define RS_GPDRAW_H

#include <stddef.h>
#include "../base/fmt.h"
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

/* Dash patterns: the base case and the discounted or reference lines are
 * dashed long (DASH_LONG), the 100% coverage line (red) and medians dashed
 * shorter (DASH_FULL): both read as dashes, not dots, in every format. */
#define DASH_LONG "(14,9)"
#define DASH_FULL "(12,6)"

/* Series colours in order: eleven that stay apart on screen and in grey
 * print, then grey (C_GREY): a lever or community takes one of the first
 * RS_GP_NCOLORS - 1 and grey marks "other" (the levers grouped beyond the
 * ones shown), a scenario one of the first RS_GP_NCOLORS - 1 (grey is the
 * baseline's). */
extern const char *const rs_gp_colors[];
#define RS_GP_NCOLORS 12

/* Output formats (indexed by rs_plot_format): terminal, extension, canvas
 * (16:10), base font size, line width and point size factors, chosen (by
 * measuring renders) so that a chart looks the same in each: capitals 2.7%
 * of the height, the page about 43 em wide, lines 0.5% and markers 3% of
 * the height at lw(2.5) and ps(2.4). PNG is a 16 cm wide figure at 250 dpi,
 * the PDF 16 cm itself. gnuplot's own text metrics differ between the
 * terminals (its SVG terminal reserves 1.5 em a line, cairo 1.16 em), so
 * margins, axis titles and the key are placed by revsim (rs_gp_frame), in
 * screen coordinates, the same in every format. */
typedef struct {
    const char *term, *ext, *size;
    double font, lw, ps;
    /* x tick labels moved up (character heights of the terminal) to where
     * cairo puts them: with tick marks, and without (scale 0) */
    double xtic_dy0, xtic_dy;
} rs_gp_format;

extern const rs_gp_format rs_gp_formats[];
#define PAGE_EM 43.0   /* page width in em of the base font */
#define PAGE_EM_H 26.9 /* page height in em (16:10) */
#define DIGIT_EM 0.58  /* width of a digit or an average character, em */

/* PNG, English, gnuplot on PATH: what a NULL rs_plot_opts means. */
extern const rs_plot_opts rs_gp_default_opts;

/* The number format of every chart (base/fmt.h): a true minus sign, "n/a"
 * for NaN and infinities. */
#define RS_GP_NUM (RS_FMT_TRUE_MINUS | RS_FMT_NA)

/* What a key (legend) entry shows before its text. */
typedef enum { RS_KEY_BOX, RS_KEY_LINE, RS_KEY_POINT, RS_KEY_LINEPOINT } rs_gp_keykind;

/* One key entry: its sample (colour, line width already scaled by rs_gp_lw,
 * dash pattern as gnuplot text such as "solid" or "(14,9)", point type) and
 * its text (user text allowed: it is quoted when drawn). Colours and dash
 * patterns are revsim's own constants. */
typedef struct {
    rs_gp_keykind kind;
    const char *color, *dash;
    double lw;
    int pt;
    char text[224];
} rs_gp_keyent;

#define RS_GP_KEY_MAX 16   /* key entries a chart may have */

/* What every chart function draws with: the script, the canvas, the
 * language and the money unit (money is shown in `unit` after multiplying
 * by k: 1, or 1e-4 for 万), and what rs_gp_frame lays out before the plot
 * command: the key entries, the axis titles and the widest tick label of
 * each y axis. A chart context holds one as its member `pen`. */
typedef struct {
    rs_gpbuf *b;
    const rs_gp_format *fmt;
    int zh;
    double k;
    char unit[96];
    const char *font;
    rs_gp_keyent key[RS_GP_KEY_MAX];
    int nkey;
    char xlabel[320], ylabel[320], y2label[320];
    double xtic_em, ytic_em, y2tic_em; /* widest tick label of x, y, y2 (em), 0: none */
    double lm, rm;             /* left and right plot edge (screen) when > 0: fixed */
    int y2;                    /* 1 when the chart has a y2 axis */
} rs_gp_pen;

/* English or Chinese text of chart context c (one with a `pen`), chosen
 * where it is used; both are literals, so the compiler checks formats
 * against both. */
#define L(c, en_, zh_) ((c)->pen.zh ? (zh_) : (en_))

/* Set up p to draw into b with opt's format and language, terminal font
 * family `font` (NULL: "Sans"), money in the unit rs_fmt_money_unit picks
 * for `currency` (in English cut to 20 columns). */
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

/* Widen [*lo, *hi] to take the finite values among v[0..n-1]. */
void rs_gp_minmax(const double *v, int n, double *lo, double *hi);

/* Font spec "family,size" at `scale` times the base size, into buf. */
const char *rs_gp_font_spec(const rs_gp_pen *p, double scale, char *buf, size_t n);

/* Line width w and point size `size` scaled for the format. */
double rs_gp_lw(const rs_gp_pen *p, double w);
double rs_gp_ps(const rs_gp_pen *p, double size);

/* Money amount v (in the scenario currency) as text with its unit
 * (rs_fmt_money in the pen's unit). */
const char *rs_gp_money(const rs_gp_pen *p, double v, char *buf, size_t n);

/* A money amount already multiplied by the pen's k, without its unit, with
 * the decimals its size needs (rs_fmt_money_decimals). */
const char *rs_gp_amount(const rs_gp_pen *p, double shown, char *buf, size_t n);

/* Terminal, common style and the two-line title centred on the page:
 * `subject`, then the subtitle `name` followed by "  ·  note" (no subtitle
 * when both are NULL or ""), the script opening with the comment "# WHAT:
 * STEM". The subtitle takes a smaller font before its name is cut, and the
 * name is cut (its end replaced by "…") only when even that does not fit;
 * the note is kept whole. The plot's top is fixed below the title, so
 * every chart lines up. No gnuplot key: rs_gp_frame draws it. */
void rs_gp_head(rs_gp_pen *p, const char *what, const char *stem, const char *subject,
                const char *name, const char *note);

/* Options of `set xtics`: no mirror, outward marks (none unless `marks`),
 * the labels where cairo puts them in every format. Into buf. */
const char *rs_gp_xtics(const rs_gp_pen *p, int marks, char *buf, size_t n);

/* x axis of programme years 1..years, `pad` beyond each end; `start` (cut
 * to 24 columns) labels year 1 when not empty. */
void rs_gp_year_axis(rs_gp_pen *p, int years, double pad, const char *start);

/* y (or y2, x) axis NAME from lo to hi with about `target` round ticks,
 * labels ending in suffix; returns the axis. */
rs_gp_axis rs_gp_value_axis(rs_gp_pen *p, const char *name, double lo, double hi,
                            int target, const char *suffix);

/* Emit axis a as axis NAME (rs_gp_axis_emit) and remember how wide its
 * tick labels are, for the margins. */
void rs_gp_pen_axis(rs_gp_pen *p, const char *name, const rs_gp_axis *a, const char *suffix);

/* x axis from lo to hi whose tick labels fit side by side in `frac` of the
 * page width: fewer ticks until they do (no fewer than 3 when the range
 * allows). With `exact` the range is [lo, hi] itself, not widened to round
 * ticks. */
void rs_gp_x_value_axis(rs_gp_pen *p, double lo, double hi, int target, double frac,
                        const char *suffix, int exact);

/* Title "what (unit)" of axis `axis` ("x", "y", "y2"); with unit NULL or
 * "" the title is `what` alone. Drawn by rs_gp_frame. */
void rs_gp_axis_label(rs_gp_pen *p, const char *axis, const char *what, const char *unit);

/* ---- layout (gpframe.c) ------------------------------------------------ */

/* Estimated width of text t in em of the base font (DejaVu Sans metrics:
 * narrow and wide Latin letters, digits, spaces, CJK at 1 em). */
double rs_gp_text_em(const char *t);

/* t cut to at most `em` (rs_gp_text_em) into out (n bytes): its end
 * replaced by "…" (rs_utf8_fit), or with keep_end its start
 * (rs_utf8_fit_end). */
const char *rs_gp_fit_em(const char *t, double em, int keep_end, char *out, size_t n);

/* Add a key entry (ignored beyond RS_GP_KEY_MAX; text cut to fit the
 * entry). lw: rs_gp_lw-scaled width for lines, pt: gnuplot point type for
 * points. */
void rs_gp_key(rs_gp_pen *p, rs_gp_keykind kind, const char *color, double lw,
               const char *dash, int pt, const char *text);

/* Lay the chart out and draw everything around the plot, just before its
 * plot command: the plot area fixed in screen coordinates (left edge after
 * the y title and tick labels, right edge before the y2 ones, bottom above
 * the x tick labels, x title and key), the axis titles, and the key below
 * the plot in as many columns as fit the page (smaller type, then shorter
 * texts, when it would otherwise take more than a third of the height, so
 * the plot keeps at least 45% of it). `bottom` > 0 fixes the plot bottom
 * instead. Returns the plot's bottom edge (screen). */
double rs_gp_frame(rs_gp_pen *p, double bottom);

/* ---- gnuplot and the chart files ------------------------------------- */

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
 * nothing, not format f, or a chart cut off (no end of its format);
 * RS_ECANTCREAT when the file cannot be written (disk full). */
int rs_gp_draw(rs_outset *o, const char *name, const char *script, const char *prog,
               rs_plot_format f, rs_error *err);

#endif
