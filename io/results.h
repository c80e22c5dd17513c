/* results.h: the result files of a run (docs/model.md "Outputs"):
 * annual.csv, monthly.csv, communities.csv, summary.csv, levers.csv,
 * lever_summary.csv, calendar.csv (when the scenario has a start month) and,
 * after Monte Carlo, mc_annual.csv. Columns come from the models' series
 * and metric tables; headers are English in every language. */
#ifndef RS_RESULTS_H
#define RS_RESULTS_H

#include "../models/model.h"
#include "../models/montecarlo.h"
#include "csvout.h"

/* Write the CSV files of one run into the set o; with Monte Carlo results
 * (mc != NULL) also fill summary.csv's mean..p90 and write mc_annual.csv.
 * *nfiles (may be NULL) gets how many files were written. */
int rs_write_results(rs_outset *o, const rs_scenario *s, const rs_results *r,
                     const rs_mc_results *mc, int *nfiles, rs_error *err);

/* Unit of metric k for scenario s as summary.csv writes it (money in the
 * scenario's currency). */
const char *rs_metric_unit(const rs_scenario *s, int k);

/* Calendar years of a run that starts in month m0 (1..12) of year y0: the
 * calendar year *cy that programme month `first` (1-based) falls in, and
 * its last month *last (at most `months`). */
void rs_calendar_span(int y0, int m0, int months, int first, int *cy, int *last);

/* The columns of annual.csv after `year` over months first..last of r
 * (calendar.csv's rule): flows summed, stocks at month `last`, ratios from
 * the sums, into total[SR_N]; each lever's revenue summed into
 * lev[r->nlev] (lev may be NULL). */
void rs_period_totals(const rs_results *r, int first, int last, double *total, double *lev);

#endif
