/* summary.h: what `revsim run` prints: the headline metrics (with P10, P50,
 * P90 after Monte Carlo), the financing lines when the scenario borrows,
 * and the lever league table. Everything user-supplied is cleaned of
 * control characters and aligned by display width (CJK = 2 columns). */
#ifndef RS_SUMMARY_H
#define RS_SUMMARY_H

#include <stdio.h>
#include "../models/model.h"
#include "../models/montecarlo.h"

/* Print the headline metrics, aligned, with units. */
void rs_print_summary(FILE *fp, const rs_scenario *s, const rs_results *r,
                      const rs_mc_results *mc, const char *path);

/* Print the lever league: capex, net income in the stabilized year, NPV,
 * payback and share of the deficit covered, by NPV (at most `max` rows). */
void rs_print_levers(FILE *fp, const rs_scenario *s, const rs_results *r, int max);

/* Print the communities still in deficit in the stabilized year, by
 * shortfall (deficit - net income), at most `max` rows; one line when every
 * community is covered; nothing for a single community. */
void rs_print_communities(FILE *fp, const rs_scenario *s, const rs_results *r, int max);

/* v for a terminal: thousands separators from 1,000 up, else 4 significant
 * digits; "n/a" for NaN. Returns buf. */
const char *rs_fmt_human(double v, char *buf, size_t n);

#endif
