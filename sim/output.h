/* output.h: the result files of MODEL.md "Outputs" (annual.csv, monthly.csv,
 * communities.csv, summary.csv) and the terminal summary. */
#ifndef RS_OUTPUT_H
#define RS_OUTPUT_H

#include <stdio.h>
#include "../models/model.h"
#include "csvout.h"

/* Optional Monte Carlo columns of summary.csv: [metric][mean,p10,p50,p90],
 * NaN where empty. NULL: all empty. */
typedef double rs_mc_summary[MT_N][4];

/* Write the four CSV files of one run into the set o. */
int rs_write_results(rs_outset *o, const rs_scenario *s, const rs_results *r,
                     const rs_mc_summary *mc, rs_error *err);

/* Print the headline metrics, aligned, with units. */
void rs_print_summary(FILE *fp, const rs_scenario *s, const rs_results *r,
                      const char *path);

/* Unit of metric k for scenario s ("CNY" becomes the scenario currency). */
const char *rs_metric_unit(const rs_scenario *s, int k);

#endif
