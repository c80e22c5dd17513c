/* scenario.h: reading scenario CSV files (MODEL.md "Scenario file") into a
 * validated rs_scenario, keeping every row with its file and line so later
 * stages (reports, Monte Carlo) can cite where a number came from. */
#ifndef RS_SCENARIO_H
#define RS_SCENARIO_H

#include <stdio.h>
#include "../models/model.h"
#include "../base/error.h"

#include "csvin.h"

#define RS_BASE_DEPTH 16
#define RS_SECTIONS_MAX 5000     /* most levers (and communities, grants) in a scenario */         /* deepest chain of `scenario,base` */

/* One scenario row as written (UTF-8, trimmed); NULL for an absent column. */
typedef struct {
    char *section, *key, *value, *low, *high, *dist, *unit, *note;
    const char *file; /* display path, owned by rs_source */
    int line;         /* 1-based line of the row in its file */
} rs_row;

/* The merged rows of a scenario and its bases, in first-appearance order. */
typedef struct {
    rs_row *rows;
    int nrows, cap;
    char **files;
    int nfiles;
    char *stem;       /* file name of the top scenario without .csv */
    char **warn;      /* things worth a look that are not errors ("FILE:ROW: ...") */
    int nwarn;
} rs_source;

void rs_source_init(rs_source *src);
void rs_source_release(rs_source *src);

/* Read `path` (and its bases) into src. RS_OK, or a code with err filled
 * ("FILE:ROW: section.key: what is wrong"). */
int rs_source_read(rs_source *src, const char *path, rs_error *err);

/* Build and validate a scenario from rows; `s` must be rs_scenario_init'ed
 * and is filled (release it on error too). */
int rs_scenario_build(rs_scenario *s, rs_source *src, rs_error *err);

/* Print src's warnings to fp, one line each, after "revsim CMD: warning: ". */
void rs_source_print_warnings(const rs_source *src, const char *cmd, FILE *fp);

/* rs_source_read + rs_scenario_build. */
int rs_scenario_load(rs_scenario *s, rs_source *src, const char *path, rs_error *err);

/* Parse a number as the reader does: optional '%' suffix (/100), no NaN/inf.
 * Returns 0 on success. */
int rs_parse_number(const char *text, double *out);

#endif
