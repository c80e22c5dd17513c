/* history.h: the observed monthly values `revsim fit` fits a ramp to: a
 * CSV file with a month column and a value column, found by header name
 * (docs/uncertainty.md "Fit"). */
#ifndef RS_HISTORY_H
#define RS_HISTORY_H

#include "../base/error.h"

/* Read the history file at `path`. The header names the columns (any
 * order, other columns ignored): `month` or 月份 (also 月) and `value` or
 * 数值 (also 值); ASCII names in any case. Months are either all whole
 * numbers from 1 to RS_MAX_MONTHS (month 1 = the ramp's start month) or
 * all calendar months YYYY-MM (also YYYY/MM and YYYY年MM月), numbered from
 * the earliest one (month 1). Values are finite numbers (a '%' suffix
 * divides by 100). Blank rows and rows whose month and value are both
 * empty are skipped.
 *
 * On RS_OK, *month and *value are two arrays of *n entries in file order,
 * allocated for the caller (free both; both NULL when *n is 0). Otherwise
 * a code with err filled ("FILE:ROW: month: ..."), *month and *value NULL
 * and *n 0. */
int rs_history_read(const char *path, double **month, double **value, int *n, rs_error *err);

#endif
