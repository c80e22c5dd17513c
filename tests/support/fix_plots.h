/* fix_plots.h: chart checks for the cmocka suites: a gnuplot script runs
 * nothing, no hostile name ran a command, a file has the format asked for. */
#ifndef RS_FIX_PLOTS_H
#define RS_FIX_PLOTS_H

#include "fix_models.h"
#include "../../plots/plots.h"

/* ---- charts ------------------------------------------------------------------- */

/* Fail unless, outside its quoted literals, no line of a gnuplot script holds
 * one of gnuplot's ways to run a command (` ! | @ and words such as system,
 * load, set output) and datablock lines hold only numbers. Single-quoted
 * literals ('' inside) are always allowed; double-quoted ones (\ escapes)
 * only when dquotes is nonzero, otherwise a '"' outside a literal fails. */
#define assert_gp_inert(script, dquotes) \
    rs_check_gp_inert((script), (dquotes), __FILE__, __LINE__)
void rs_check_gp_inert(const char *script, int dquotes, const char *file, int line);

/* Fail when any of dir/m1 .. dir/mN exists: the markers that hostile names
 * `touch` if a command ran. */
#define assert_no_markers(dir, n) rs_check_no_markers((dir), (n), __FILE__, __LINE__)
void rs_check_no_markers(const char *dir, int n, const char *file, int line);

/* 1 when path is a non-empty chart of format fmt (PNG or PDF by its magic
 * bytes, SVG by an <svg element), else 0. */
int rs_test_is_chart(const char *path, rs_plot_format fmt);

/* The lines of datablock `name` ("$d") of a gnuplot script (without its
 * "<< EOD" line and the closing "EOD"), into out (n bytes); "" when the
 * script has none. */
const char *rs_test_datablock(const char *script, const char *name, char *out, size_t n);

/* Count of non-overlapping occurrences of needle in s. */
int rs_test_count(const char *s, const char *needle);

/* Add a file `name` holding text to the output set o (as a CSV writer
 * would): RS_OK, or the outset's error. */
int rs_test_outset_file(rs_outset *o, const char *name, const char *text, rs_error *err);

#endif
