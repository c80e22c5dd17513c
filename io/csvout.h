/* csvout.h: CSV files of an output set (base/outset.h), cells escaped with
 * libcsv; text that a spreadsheet would run as a formula is neutralised. */
#ifndef RS_CSVOUT_H
#define RS_CSVOUT_H

#include <stdio.h>
#include "../base/outset.h"

/* One CSV file of a set. */
typedef struct {
    FILE *fp;
    int col;          /* cells written on the current row */
    int failed;       /* errno of the first write that failed, else 0 */
    int slot;         /* the file's index in its set (for messages) */
} rs_csv;

/* Open `name` of the set as a temporary file. */
int rs_outset_csv(rs_outset *o, const char *name, rs_csv *c, rs_error *err);

/* Close c (flushing); RS_ECANTCREAT "DIR/NAME: cannot write: No space left
 * on device" (the first failure's errno) if any write or the close failed. */
int rs_csv_close(rs_csv *c, rs_outset *o, rs_error *err);

/* Cells: a text cell (quoted by libcsv when needed; a leading = + - @ is
 * neutralised with ' so spreadsheets never run it), a number (%.10g, empty
 * for NaN), and the end of a row. */
void rs_csv_text(rs_csv *c, const char *s);
void rs_csv_num(rs_csv *c, double v);
void rs_csv_int(rs_csv *c, long v);
void rs_csv_endrow(rs_csv *c);

/* 1 when a spreadsheet would run text s as a formula (it starts with
 * = + - @, tab or carriage return): such text is written after a ' (CSV
 * files and workbooks alike). */
int rs_csv_formula_like(const char *s);

/* Text form of a number as written to CSV ("" for NaN) into buf[32]. */
const char *rs_fmt_num(double v, char *buf);

#endif
