/* optimum.h: the result files of `revsim optimize` (docs/optimize.md):
 * optimum.csv (a row per sized or optional lever), optimum_limits.csv (the
 * objective, then each limit with its value, slack and shadow price) and
 * optimum-variant.csv, a variant of the scenario with the chosen sizes
 * that `revsim run` turns into the reported objective. */
#ifndef RS_IO_OPTIMUM_H
#define RS_IO_OPTIMUM_H

#include "../models/optimize.h"
#include "csvout.h"

/* Write the three files of res (the optimum of s, read from the file
 * `scenario`) into the set o; the variant's `base` is `scenario` relative
 * to o's folder. *nfiles (may be NULL) gets how many were written. */
int rs_write_optimum(rs_outset *o, const rs_scenario *s, const rs_mix_result *res,
                     const char *scenario, int *nfiles, rs_error *err);

/* The path of file `target` relative to folder `dir` (both must exist;
 * links resolved) into out: "../scenarios/x.csv". -1 when either cannot be
 * resolved or out is too small. */
int rs_relative_path(const char *dir, const char *target, char *out, size_t n);

#endif
