/* output.h: the result files of MODEL.md "Outputs" (annual.csv, monthly.csv,
 * communities.csv, summary.csv) and the terminal summary. */
#ifndef RS_OUTPUT_H
#define RS_OUTPUT_H

#include <stdio.h>
#include "../models/model.h"
#include "../models/montecarlo.h"
#include "csvout.h"

/* Write the four CSV files of one run into the set o; with Monte Carlo
 * results (mc != NULL) also fill summary.csv's mean..p90 and write
 * mc_annual.csv. */
int rs_write_results(rs_outset *o, const rs_scenario *s, const rs_results *r,
                     const rs_mc_results *mc, rs_error *err);

/* Print the headline metrics, aligned, with units. */
void rs_print_summary(FILE *fp, const rs_scenario *s, const rs_results *r,
                      const rs_mc_results *mc, const char *path);

/* v for a terminal: thousands separators from 1,000 up, else 4 significant
 * digits; "-" for NaN. Returns buf. */
const char *rs_fmt_human(double v, char *buf, size_t n);

/* Unit of metric k for scenario s ("CNY" becomes the scenario currency). */
const char *rs_metric_unit(const rs_scenario *s, int k);

#endif
