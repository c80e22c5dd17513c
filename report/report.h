/* report.h: the proposal pack of `revsim compare`: report.html, one
 * self-contained page (inline CSS and SVG charts, nothing fetched): a
 * one-page decision summary, the planner's notes, the comparison table and
 * charts, levers, communities, financing, risks and their drivers, each
 * scenario's charts, and the assumptions once in an appendix; in English or
 * Chinese, laid out to print on A4. docs/report.md describes it. */
#ifndef RS_REPORT_H
#define RS_REPORT_H

#include <stddef.h>
#include "../io/comparison.h"
#include "../plots/cmpcharts.h"

/* What the page says besides the comparison. Strings are borrowed. */
typedef struct {
    /* who proposes it and why; NULL: the scenarios' `scenario,author`,
     * `scenario,organisation`, `scenario,purpose` (the baseline's, else the
     * first scenario's that has one) */
    const char *author, *organisation, *purpose;
    const char *notes;         /* the planner's text (plain text or Markdown), or NULL */
    int tornado_metric;        /* MT_*: the drivers each scenario's tornado chart shows */
} rs_report_opts;

/* No texts, tornado of coverage_stabilized. */
void rs_report_opts_init(rs_report_opts *o);

/* The page for comparison c (loaded and run) as NUL-terminated text in
 * *html (the caller frees; *len bytes, len may be NULL). ro may be NULL
 * (rs_report_opts_init's). a->opts.lang picks the language; charts are
 * drawn as SVG in memory whatever a->opts.format is, unless a->enabled is 0
 * or gnuplot is missing (then the page says so; nothing is printed). The
 * drivers shown are the sweeps of c (rs_compare_sweep) of coverage, the
 * fund, NPV and ro->tornado_metric, those that were run. The date is
 * today's, or that of $SOURCE_DATE_EPOCH (UTC) when set. RS_OK; RS_ETOOL
 * when gnuplot fails or (zh) no CJK font is installed; RS_ESOFTWARE when out
 * of memory. */
int rs_report_html(const rs_compare *c, const rs_plot_args *a, const rs_report_opts *ro,
                   char **html, size_t *len, rs_error *err);

/* report.html into the output set o (rs_report_html, then the file). On
 * error nothing of the report is left in o, so o may still be committed. */
int rs_report_write(rs_outset *o, const rs_compare *c, const rs_plot_args *a,
                    const rs_report_opts *ro, rs_error *err);

/* Read the notes file `path` (at most RS_NOTES_MAX bytes; a UTF-8 BOM is
 * dropped) into *text (the caller frees). RS_OK; RS_ENOINPUT when it cannot
 * be read, RS_EDATA when it is too long or holds a NUL byte, RS_ESOFTWARE
 * when out of memory; err says which file. */
#define RS_NOTES_MAX (1 << 20)
int rs_notes_load(const char *path, char **text, rs_error *err);

/* s with & < > " ' as entities, control characters (but tab and newline)
 * as spaces and bytes that are not UTF-8 as '?'; NULL as "". Malloc'ed
 * (NULL when out of memory). */
char *rs_html_escape(const char *s);

/* gnuplot's SVG document svg as an element to put inside HTML: the XML
 * prolog, comments and gnuplot's <title>/<desc> dropped; every id, and each
 * reference to one, prefixed with `prefix` (so several charts share a page);
 * the root given class="chart", role="img" and aria-label `label`
 * (escaped); > " ' in text escaped (gnuplot escapes & and <), control
 * characters as spaces and bytes that are not UTF-8 as '?'. Malloc'ed;
 * NULL when svg has no <svg element or memory runs out. */
char *rs_svg_inline(const char *svg, const char *prefix, const char *label);

/* The plots/ view of comparison c: items (c->n of them, caller-owned,
 * borrowing c's ids, scenarios and results) and *in. */
void rs_plot_compare_input(const rs_compare *c, rs_cmp_plot_item *items, rs_cmp_plot_input *in);

#endif
