/* page.h: what the sections of report.html share (report/ only): the page
 * being built, the words and numbers it shows (words.c: every number goes
 * through base/fmt.h), figures (figures.c) and the sections, one function
 * each, in the files named below. */
#ifndef RS_REPORT_PAGE_H
#define RS_REPORT_PAGE_H

#include <stddef.h>
#include "report.h"
#include "html.h"

/* English or Chinese text for page p. */
#define TR(p, en_, zh_) ((p)->zh ? (zh_) : (en_))
#define RP_MINUS "\xE2\x88\x92"   /* U+2212 */
#define RP_DASH "\xE2\x80\x93"    /* U+2013, ranges */
#define RP_EMDASH "\xE2\x80\x94"  /* U+2014, empty cells */
#define RP_ARROW "\xE2\x86\x92"   /* U+2192 */
#define RP_NUM 96                 /* room for one number as text, with its unit */
#define RP_LABEL (RS_NAME_MAX * 2 + 160) /* room for a parameter's label */

/* Everything the page is built from. */
typedef struct {
    rs_textbuf *b;
    const rs_compare *c;
    rs_report_opts ro;         /* the options, with the scenario's texts filled in */
    int zh;
    double k;                  /* money shown as v * k in `unit` */
    char unit[96];
    int charts;                /* 1: charts are drawn */
    const char *nocharts;      /* else why not (trusted text) */
    rs_plot_svg pen;
    rs_cmp_plot_item *items;
    rs_cmp_plot_input in;
    int fig;                   /* figures so far */
    int borrows;               /* 1 when any scenario has a loan */
    int keep_pending;          /* a heading's block is open for the next block */
    char date[32];
    rs_error *err;
} rp_page;

/* ---- words.c: numbers and words ---------------------------------------- */

/* Money v in the page's unit: without it, with it, and with a sign (+/−)
 * for a gain. Into buf (n >= RP_NUM). */
const char *rp_money(const rp_page *p, double v, char *buf, size_t n);
const char *rp_money_u(const rp_page *p, double v, char *buf, size_t n);
const char *rp_money_signed(const rp_page *p, double v, char *buf, size_t n);

/* A fraction as percent with one decimal ("70.2%"); a difference of
 * fractions in percentage points ("+12.3 pp", "+12.3个百分点"). */
const char *rp_pct(double v, char *buf, size_t n);
const char *rp_points(const rp_page *p, double v, char *buf, size_t n);

/* A whole count with thousands separators. */
const char *rp_count(double v, char *buf, size_t n);

/* Value of metric k (rs_metrics) as text in the unit its label names; an
 * empty value in the metric's own words ("no deficit", "never"). */
const char *rp_metric_text(const rp_page *p, int k, double v, char *buf, size_t n);

/* Label of metric k with its unit: "Net present value (CNY)". */
const char *rp_metric_label(const rp_page *p, int k, char *buf, size_t n);

/* The label of metric k alone, in the page's language. */
const char *rp_metric_name(const rp_page *p, int k);

/* A probability in words (the IPCC's calibrated scale). */
const char *rp_likely(const rp_page *p, double q);

/* A scenario's name (its id when it has none). */
const char *rp_scen_name(const rs_cmp_item *it);

/* A ranged parameter as people read it: the section's name without its
 * type and the key, in Chinese its label ("car-spaces: fee",
 * "car-spaces 车位月费"; with key_only the key or label alone), "from year
 * Y" for a schedule step. */
const char *rp_range_label(const rp_page *p, const rs_range *g, int key_only, char *buf,
                           size_t n);

/* A parameter table's unit in the page's language (rs_fmt_unit, with the
 * baseline's currency): "CNY/m2/month" as "元/m²/月" in Chinese, a
 * fraction as nothing, "1/year" as "a year". Into buf. */
const char *rp_unit(const rp_page *p, const char *unit, char *buf, size_t n);

/* The low – high range of g as written in the scenario file (so "30%"
 * stays 30%), with the parameter's unit (rp_unit) unless written with '%'. */
const char *rp_range_text(const rp_page *p, const rs_cmp_item *it, const rs_range *g,
                          char *buf, size_t n);

/* 1 when g's row writes its low or high with '%'. */
int rp_range_percent(const rs_cmp_item *it, const rs_range *g);

/* The scenario row of ranged parameter g, or NULL. */
const rs_row *rp_range_row(const rs_cmp_item *it, const rs_range *g);

/* The top rows of a sweep whose swing is finite and > 0, at most max. */
int rp_top_swings(const rs_cmp_sweep *sw, int max);

/* ---- report.c: blocks kept on one page --------------------------------- */

/* A section's heading (<h2 id=ID>TITLE</h2>, the title escaped) that stays on
 * the page of the block after it: rp_keep_open joins it, rp_keep_flush
 * closes it when no block followed. */
void rp_heading_keep(rp_page *p, const char *id, const char *title);

/* Open a block never split across pages (or join the heading's); close it. */
void rp_keep_open(rp_page *p);
void rp_keep_close(rp_page *p);
void rp_keep_flush(rp_page *p);

/* ---- figures.c --------------------------------------------------------- */

/* A chart as a numbered figure: svg (taken and freed) inline, then the
 * caption (escaped). RS_OK or RS_ESOFTWARE. */
int rp_figure(rp_page *p, char *svg, const char *caption);

/* The note saying why there are no charts. */
void rp_no_charts(rp_page *p);

/* The comparison charts section; each scenario's figures. */
int rp_comparison_charts(rp_page *p);
int rp_npv_chart(rp_page *p);            /* the NPV of every run, when Monte Carlo ran */
int rp_scenario_figures(rp_page *p, int i);

/* 1 when the community chart of scenario i is drawn (several communities
 * and some lever income: a status quo's would be all zero); the chart. */
int rp_communities_chart_wanted(const rp_page *p, int i);
int rp_communities_chart(rp_page *p, int i);

/* ---- the sections, one a file ------------------------------------------ */

void rp_decision_summary(rp_page *p);   /* decision.c: page 1 */
void rp_comparison_table(rp_page *p);   /* cmptable.c */
int rp_programme(rp_page *p);           /* programme.c: levers, communities, financing */
int rp_risks(rp_page *p);               /* risks.c: probabilities and drivers */
void rp_warnings(rp_page *p);           /* programme.c: each scenario's warnings */
int rp_appendix(rp_page *p);            /* appendix.c: assumptions once */
void rp_notes_html(rs_textbuf *b, const char *text); /* notes.c */

/* css.c: the page's style sheet, in parts, NULL after the last. */
extern const char *const rp_page_css[];

#endif
