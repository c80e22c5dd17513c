/* params.h: the parameter-table types that every model declares its inputs
 * with. One table row per parameter is the single source of truth for the
 * reader, the validator, `revsim params`, docs/parameters.md and the
 * Chinese labels of charts, workbook and report. */
#ifndef RS_PARAMS_H
#define RS_PARAMS_H

#include <stddef.h>

typedef enum {
    RS_P_NUM,  /* real number, may carry low/high/dist */
    RS_P_INT,  /* whole number, may carry low/high/dist (drawn values rounded) */
    RS_P_ENUM, /* one of `choices` ("a|b|c"), stored as its index */
    RS_P_TEXT, /* free text (names, dates, file names) */
    RS_P_REF   /* name of another section (a lever's community, a template) */
} rs_ptype;

#define RS_P_REQUIRED 1u /* no default: the scenario must give it */
#define RS_P_FIXED 2u    /* may not carry low/high (structural) */
#define RS_P_SCHED 4u    /* may be reset from a year on by KEY@Y rows */
#define RS_P_UNSET 8u    /* the default is "not given" (no limit, derived): see doc */
#define RS_P_MULTI 16u   /* the row may appear several times (scenario,include) */

typedef struct {
    const char *name;
    const char *unit;   /* "" when dimensionless */
    rs_ptype type;
    double def;         /* default (enum: index of default choice) */
    double min, max;    /* inclusive bounds for numbers */
    unsigned flags;
    const char *choices;/* RS_P_ENUM: "linear|logistic" */
    const char *doc;    /* one line */
    const char *label_zh; /* Chinese label (charts, workbook, report) */
    const char *growth; /* RS_P_SCHED: the key of its yearly growth rate, or NULL */
} rs_param;

/* Index of `name` in table `t` of `n` rows, or -1. */
int rs_param_find(const rs_param *t, int n, const char *name);

/* Index of `word` among the '|'-separated `choices`, or -1. */
int rs_choice_index(const char *choices, const char *word);

/* Write the `idx`-th choice into buf (NUL-terminated); returns buf. */
const char *rs_choice_name(const char *choices, int idx, char *buf, size_t n);

#endif
