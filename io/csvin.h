/* csvin.h: reading a CSV file into rows of text fields with libcsv (strict
 * mode), counting the line each row starts on (libcsv has none), dropping a
 * UTF-8 BOM and converting GBK (as saved by Chinese Excel) to UTF-8. Sizes
 * are bounded so hostile input cannot eat memory. */
#ifndef RS_CSVIN_H
#define RS_CSVIN_H

#include <stddef.h>
#include "../base/error.h"

#define RS_FILE_MAX (8u << 20)   /* largest CSV file read, bytes */
#define RS_FIELD_MAX 4096        /* longest field, bytes */
#define RS_ROWS_MAX 200000       /* most rows */
#define RS_COLS_MAX 512          /* most fields in a row (wide tables) */

/* Rows as parsed: fields[row][col] (NUL-terminated UTF-8), nfields[row],
 * lines[row] (1-based line the row starts on). Caller-owned: zero it, fill
 * with rs_table_read, free with rs_table_release. */
typedef struct rs_table {
    char ***fields;
    int *nfields, *lines;
    int nrows, cap;
    /* parser state */
    char *cur[RS_COLS_MAX];
    int ncur, line, row_line, bad;
    const char *path;
    rs_error *err;
} rs_table;

/* Read `path` (named `shown` in messages) into t. RS_OK or a code with err
 * filled ("FILE:LINE: what is wrong"). */
int rs_table_read(const char *path, const char *shown, rs_table *t, rs_error *err);

void rs_table_release(rs_table *t);

#endif
