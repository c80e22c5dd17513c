/* workbook.h: the Excel workbooks of `run`, `compare` and `sweep`
 * (docs/workbook.md): sheets that hold the same cells as the CSV files,
 * totals and derived columns as formulas carrying their computed values,
 * native charts, English or Chinese labels. Written with libxlsxwriter
 * into an output set, so a workbook is committed or removed with the CSVs. */
#ifndef RS_WORKBOOK_H
#define RS_WORKBOOK_H

#include "../models/analysis.h"
#include "comparison.h"

#define RS_WORKBOOK_FILE "results.xlsx"        /* run, compare */
#define RS_WORKBOOK_SWEEP_FILE "tornado.xlsx"  /* sweep (beside run's results.xlsx) */

/* results.xlsx of one run into o: Summary, Charts, Annual, Monthly,
 * Calendar years (when scenario start is given), Communities, Levers,
 * Lever summary, Monte Carlo (when mc != NULL) and Assumptions (the rows of
 * src). zh: Chinese sheet names, headers and 万元. RS_OK, or a code with
 * err filled (the file is then taken out of o again). */
int rs_workbook_run(rs_outset *o, const rs_scenario *s, const rs_source *src,
                    const rs_results *r, const rs_mc_results *mc, int zh, rs_error *err);

/* RS_OK when the workbook of run r fits Excel's limits (rows and columns
 * of a sheet), else a code with err filled naming o's results.xlsx: to call
 * before the Monte Carlo, so that a run too large for a workbook fails at
 * once. */
int rs_workbook_run_fits(const rs_outset *o, const rs_scenario *s, const rs_source *src,
                         const rs_results *r, rs_error *err);

/* The same for the workbook of comparison c (loaded, not yet run). */
int rs_workbook_compare_fits(const rs_outset *o, const rs_compare *c, rs_error *err);

/* results.xlsx of comparison c (loaded and run) into o: Comparison,
 * Comparison by year, Charts, then the sheets of a run with a leading
 * Scenario column and the rows of every scenario. Returns like
 * rs_workbook_run. */
int rs_workbook_compare(rs_outset *o, const rs_compare *c, int zh, rs_error *err);

/* tornado.xlsx of a sweep into o: the rows of tornado.csv (rows[0..n),
 * sorted as rs_sweep sorts them, base the metric of the base case) with the
 * changes from the base case and a tornado chart, and Assumptions. Returns
 * like rs_workbook_run. */
int rs_workbook_sweep(rs_outset *o, const rs_scenario *s, const rs_source *src, int metric,
                      double base, const rs_sweep_row *rows, int n, int zh, rs_error *err);

#endif
