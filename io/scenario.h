/* scenario.h: reading scenario CSV files (docs/model.md "Scenario file")
 * into a validated rs_scenario. Two stages: io/source.c reads the rows of a
 * file, its `base` and its `include` tables, keeping every row with its file
 * and line (reports and Monte Carlo cite where a number came from);
 * io/build.c resolves templates (`like`) and schedules (KEY@Y) and builds
 * and validates the scenario from the rows. */
#ifndef RS_SCENARIO_H
#define RS_SCENARIO_H

#include "../base/error.h"
#include "../base/strmap.h"
#include "../models/model.h"
#include "csvin.h"

#define RS_BASE_DEPTH 16         /* deepest chain of `scenario,base` */
#define RS_SECTIONS_MAX 100000   /* most communities and levers together in a scenario */
#define RS_INCLUDES_MAX 64       /* most `scenario,include` rows in one file */

/* One scenario row as written (UTF-8, trimmed); NULL for an absent column. */
typedef struct {
    char *section, *key, *value, *low, *high, *dist, *unit, *note;
    char *id;         /* "section\x1fkey": the row's identity */
    const char *file; /* display path, owned by rs_source */
    int line;         /* 1-based line of the row in its file */
    const char *column; /* a table's row: the column key (messages), else NULL */
} rs_row;

/* The merged rows of a scenario, its bases and its tables, in
 * first-appearance order (a row that overrides another takes its place). */
typedef struct {
    rs_row *rows;
    int nrows, cap;
    rs_strmap index;  /* row id -> index in rows */
    char **files;
    int nfiles;
    char *stem;       /* file name of the top scenario without .csv */
    char **warn;      /* things worth a look that are not errors ("FILE:ROW: ...") */
    int nwarn;
    int nadvice;      /* the last nadvice of warn are about the plan's results (a
                       * fund that runs dry), not its data: --strict lets them be */
} rs_source;

void rs_source_init(rs_source *src);
void rs_source_release(rs_source *src);

/* Read `path` (its bases and tables) into src. RS_OK, or a code with err
 * filled ("FILE:ROW: section.key: what is wrong"). */
int rs_source_read(rs_source *src, const char *path, rs_error *err);

/* Index of the row (section, key) in src, or -1. */
int rs_source_find(const rs_source *src, const char *section, const char *key);

/* Add a warning "FILE:ROW: ..." to src (kept for the caller to show;
 * dropped when out of memory: it is only advice). */
void rs_source_warn(rs_source *src, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* Build and validate a scenario from rows; `s` must be rs_scenario_init'ed
 * and is filled (release it on error too). Warnings go to src. */
int rs_scenario_build(rs_scenario *s, rs_source *src, rs_error *err);

/* Warnings for results far outside their typical range (a coverage of
 * 3,000%, an IRR of 500% a year), added to src like the reader's own; then
 * advice on the results (covered in the stabilized year, not for good),
 * counted in src->nadvice. */
void rs_scenario_check_results(rs_source *src, const rs_scenario *s, const rs_results *r);

/* rs_source_read + rs_scenario_build. */
int rs_scenario_load(rs_scenario *s, rs_source *src, const char *path, rs_error *err);

/* Parse a number as the reader does: optional '%' suffix (/100), no NaN/inf
 * (nor overflow); a subnormal one (4.9e-324) reads as 0. Returns 0 on
 * success. */
int rs_parse_number(const char *text, double *out);

/* 1 when text is written in percent (a '%' or a full-width '％'). */
int rs_number_is_percent(const char *text);

/* Index of the header of t: its first row with a non-empty field that is
 * not a comment ('#' first); -1 when there is none. Trims the fields it
 * looks at. */
int rs_table_header(rs_table *t);

/* s without leading and trailing ASCII white space (in place); returns s. */
char *rs_trim(char *s);

#endif
