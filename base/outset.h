/* outset.h: output files written into one folder as a set: each to a
 * temporary file, renamed into place together only when all are complete,
 * so a failed run leaves no partial output. */
#ifndef RS_OUTSET_H
#define RS_OUTSET_H

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

/* Start a set in dir (created with parents when missing). */
int rs_outset_init(rs_outset *o, const char *dir, int excel, rs_error *err);

/* Reserve a temporary path for a non-CSV file (e.g. a chart) written by
 * someone else; the path is valid until commit/abort. NULL on error. */
const char *rs_outset_path(rs_outset *o, const char *name, rs_error *err);

/* Take back every file added after the first n: remove its temporary file
 * and forget it (a drawing step that failed undoes its own files). */
void rs_outset_truncate(rs_outset *o, int n);

/* Rename every temporary file into place (after checking that none of the
 * targets is a folder or other non-file, so a failure renames nothing),
 * remove the stale files of the manifest; then release o. */
int rs_outset_commit(rs_outset *o, rs_error *err);

/* Remove every temporary file; release o. Safe after commit. */
void rs_outset_abort(rs_outset *o);

#endif
