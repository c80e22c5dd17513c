/* csvout.h: CSV output files written with libcsv into temporary files and
 * renamed into place together, so a failed run leaves no partial output. */
#ifndef RS_CSVOUT_H
#define RS_CSVOUT_H

#include <stdio.h>
#include "error.h"

#define RS_OUT_MAX 256

/* A set of output files being written into one folder. Caller-owned:
 * rs_outset_init, then rs_outset_commit or rs_outset_abort. */
typedef struct {
    char *dir;
    char *tmp[RS_OUT_MAX], *final[RS_OUT_MAX];
    int n;
    int excel;        /* write a UTF-8 BOM first (for Excel) */
    /* When set (e.g. ".revsim-run"): a file in the folder that lists what
     * the last commit of this command wrote; files it listed that this
     * commit does not write are removed, so no stale chart or CSV of an
     * earlier run stays beside new ones. Only files revsim wrote go. */
    const char *manifest;
} rs_outset;

/* One CSV file of a set. */
typedef struct {
    FILE *fp;
    int col;          /* cells written on the current row */
    int failed;
} rs_csv;

/* Start a set in dir (created with parents when missing). */
int rs_outset_init(rs_outset *o, const char *dir, int excel, rs_error *err);

/* Open `name` of the set as a temporary file. */
int rs_outset_csv(rs_outset *o, const char *name, rs_csv *c, rs_error *err);

/* Reserve a temporary path for a non-CSV file (e.g. a chart) written by
 * someone else; the path is valid until commit/abort. NULL on error. */
const char *rs_outset_path(rs_outset *o, const char *name, rs_error *err);

/* Close c (flushing); error if any write failed. */
int rs_csv_close(rs_csv *c, rs_outset *o, rs_error *err);

/* Take back every file added after the first n: remove its temporary file
 * and forget it (a drawing step that failed undoes its own files). */
void rs_outset_truncate(rs_outset *o, int n);

/* Rename every temporary file into place (after checking that none of the
 * targets is a folder or other non-file, so a failure renames nothing),
 * remove the stale files of the manifest; then release o. */
int rs_outset_commit(rs_outset *o, rs_error *err);

/* Remove every temporary file; release o. Safe after commit. */
void rs_outset_abort(rs_outset *o);

/* Cells: a text cell (quoted by libcsv when needed; a leading = + - @ is
 * neutralised with ' so spreadsheets never run it), a number (%.10g, empty
 * for NaN), and the end of a row. */
void rs_csv_text(rs_csv *c, const char *s);
void rs_csv_num(rs_csv *c, double v);
void rs_csv_int(rs_csv *c, long v);
void rs_csv_endrow(rs_csv *c);

/* Text form of a number as written to CSV ("" for NaN) into buf[32]. */
const char *rs_fmt_num(double v, char *buf);

#endif
