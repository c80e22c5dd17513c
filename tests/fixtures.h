/* fixtures.h: revsim objects several cmocka suites need: scenarios built by
 * hand or loaded from text, fake Monte Carlo results, and chart checks (a
 * gnuplot script runs nothing, no hostile name ran a command, a file's format). */
#ifndef RS_FIXTURES_H
#define RS_FIXTURES_H

#include "testutil.h"
#include "../models/lever.h"
#include "../models/montecarlo.h"
#include "../plots/plots.h"
#include "../sim/scenario.h"

/* ---- scenarios ------------------------------------------------------------ */

/* A scenario of `years` years at annual discount rate r, with ncom
 * communities and nlev levers allocated (at least one lever slot) and not
 * initialised; for rs_model_run once they are. Free with
 * rs_test_scenario_free. */
rs_scenario *rs_test_scenario(int years, double r, int ncom, int nlev);

/* Release s and free it; NULL is a no-op. */
void rs_test_scenario_free(rs_scenario *s);

/* The scenario's name, currency and start month ("YYYY-MM"), copied;
 * NULL leaves a field unset. */
void rs_test_scenario_text(rs_scenario *s, const char *name, const char *currency,
                           const char *start);

/* e as a community named `name` (NULL: unnamed) of area_m2 at fee_rate
 * CNY/m2 a month, a flat collection rate (start = target) and cost_annual
 * CNY a year. */
void rs_test_community(rs_entity *e, const char *name, double area_m2, double fee_rate,
                       double collection, double cost_annual);

/* e as an `other` lever named `name` (NULL: unnamed) earning income CNY a
 * month, on the first community. */
void rs_test_other(rs_entity *e, const char *name, double income);

/* Write text to dir/name, then load it into s as rs_test_load_file does. */
int rs_test_load_text(rs_scenario *s, const char *dir, const char *name, const char *text,
                      rs_error *err);

/* Load the scenario file at path into s (initialised here; the caller
 * releases it with rs_scenario_release, also on error) with a source of
 * its own. Returns rs_scenario_load's code; err gets its message. */
int rs_test_load_file(rs_scenario *s, const char *path, rs_error *err);

/* ---- Monte Carlo ------------------------------------------------------------ */

/* Monte Carlo results of `runs` runs over `years` years whose NPV runs are
 * npv0 + i * step; every statistic 0 for the caller to fill. Free with
 * rs_mc_results_free. */
rs_mc_results *rs_test_mc(int years, long runs, double npv0, double step);

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

#endif
