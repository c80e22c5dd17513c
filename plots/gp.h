/* gp.h: private helpers of plots/: a growing gnuplot script buffer whose
 * only way to take user text is a single-quoted, sanitised literal; nice
 * axis ticks; running gnuplot
 * without a shell; finding a CJK font. */
#ifndef RS_GP_H
#define RS_GP_H

#include <stddef.h>
#include "../base/error.h"
#include "../base/fmt.h"
#include "../base/text.h"
#include "../base/utf8.h"

/* A NUL-terminated script being built: an rs_textbuf (p, len, failed).
 * Caller-owned: rs_gpbuf_init, then rs_gpbuf_release. `failed` is set (and
 * further appends ignored) when memory runs out. */
typedef rs_textbuf rs_gpbuf;

void rs_gpbuf_init(rs_gpbuf *b);
void rs_gpbuf_release(rs_gpbuf *b);

/* Append a gnuplot command built from fmt. Conversions:
 *   %q  const char *: user text as one single-quoted gnuplot literal
 *       (rs_gp_quote); the only way user text may enter a script
 *   %Q  the same for text gnuplot reads as a format, i.e. tic labels: '%'
 *       is doubled too
 *   %s  const char *: trusted text written as is (revsim's own constants)
 *   %d  int;  %g  double as %.10g (NaN as NaN);  %%  a percent sign
 * Nothing else is accepted (an unknown conversion marks the buffer failed). */
void rs_gp_cmd(rs_gpbuf *b, const char *fmt, ...);

/* Append s as a gnuplot single-quoted string: ' is doubled, control
 * characters (C0, DEL, C1) become spaces, bytes that are not UTF-8 become
 * '?'. Inside single quotes gnuplot expands neither backquotes, macros (@)
 * nor backslash escapes, so the text is drawn literally and runs nothing. */
void rs_gp_quote(rs_gpbuf *b, const char *s);

/* Text cut to a width: base/utf8.h (rs_utf8_fit, rs_utf8_fit_end). */
#define rs_gp_fit rs_utf8_fit
#define rs_gp_fit_end rs_utf8_fit_end

/* v with `decimals` decimals as every chart shows numbers: base/fmt.h's
 * rs_fmt_group with a true minus sign (U+2212) and "n/a" for NaN and
 * infinities (buf: n >= 48). */
#define rs_gp_group(v, decimals, buf, n) \
    rs_fmt_group((v), (decimals), RS_FMT_TRUE_MINUS | RS_FMT_NA, (buf), (n))

/* A linear axis with round ticks: lo + i*step for i = 0..n. */
typedef struct {
    double lo, hi, step;
    int n, decimals;
} rs_gp_axis;

/* Fit round ticks (1, 2, 2.5 or 5 times a power of ten) around [lo, hi]
 * with about `target` intervals (target-3 .. target+2), widening the range
 * least; an empty or non-finite range becomes [0, 1]. */
void rs_gp_axis_fit(rs_gp_axis *a, double lo, double hi, int target);

/* Emit `set NAMErange [lo:hi]` and `set NAMEtics` at the multiples of step
 * inside it, labels formatted by rs_gp_group plus `suffix` ("%" or "").
 * `opts` are tics options. (A caller may narrow lo and hi after fitting.) */
void rs_gp_axis_emit(rs_gpbuf *b, const char *name, const rs_gp_axis *a, const char *opts,
                     const char *suffix);

/* 1 when prog can be started: a name without '/' found as an executable on
 * PATH, or an executable path. */
int rs_gp_available(const char *prog);

/* Longest gnuplot may take for one chart before it is stopped (ms). */
#define RS_GP_TIMEOUT_MS 120000

/* Run `prog -d` (no init file) without a shell: script on its standard
 * input through a pipe (SIGPIPE ignored meanwhile), its standard output
 * through another pipe copied to out_fd (every write checked), standard
 * error captured. RS_ETOOL with err naming `what` when it cannot start, the
 * script cannot be written, it exits non-zero or dies, or it takes longer
 * than RS_GP_TIMEOUT_MS ($REVSIM_GNUPLOT_TIMEOUT seconds) and is stopped;
 * RS_ECANTCREAT when writing to out_fd fails ("what: cannot write the
 * chart: No space left on device"; gnuplot is stopped). */
int rs_gp_run(const char *prog, const char *script, size_t len, int out_fd,
              const char *what, rs_error *err);

/* A CJK font candidate: fontconfig family and a file that proves it is
 * installed. */
typedef struct {
    const char *family, *file;
} rs_gp_font;

/* Family of an installed CJK font into out: the first candidate whose file
 * exists, else the first family `fclist :lang=zh family` lists (run without
 * a shell; NULL fclist skips that). 0 when found, -1 when none. */
int rs_gp_cjk_font(const rs_gp_font *cand, int ncand, const char *fclist, char *out,
                   size_t n);

/* The candidates revsim tries, WenQuanYi Micro Hei (fonts-wqy-microhei) first. */
extern const rs_gp_font rs_gp_cjk_fonts[];
extern const int rs_gp_ncjk_fonts;

#endif
