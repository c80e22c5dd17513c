/* params.h: the parameter-table types that every model declares its inputs
 * with. One table row per parameter is the single source of truth for the
 * reader, the validator, `revsim params` and docs/parameters.md. */
#ifndef RS_PARAMS_H
#define RS_PARAMS_H

#include <stddef.h>

typedef enum {
    RS_P_NUM,  /* real number, may carry low/high/dist */
    RS_P_INT,  /* whole number, may carry low/high/dist (drawn values rounded) */
    RS_P_ENUM, /* one of `choices` ("a|b|c"), stored as its index */
    RS_P_TEXT, /* free text (names, dates, file names) */
    RS_P_REF   /* name of another section (a lever's community) */
} rs_ptype;

#define RS_P_REQUIRED 1u /* no default: the scenario must give it */
#define RS_P_FIXED 2u    /* may not carry low/high (structural) */

typedef struct {
    const char *name;
    const char *unit;   /* "" when dimensionless */
    rs_ptype type;
    double def;         /* default (enum: index of default choice) */
    double min, max;    /* inclusive bounds for numbers */
    unsigned flags;
    const char *choices;/* RS_P_ENUM: "linear|logistic" */
    const char *doc;    /* one line */
} rs_param;

/* Index of `name` in table `t` of `n` rows, or -1. */
int rs_param_find(const rs_param *t, int n, const char *name);

/* Index of `word` among the '|'-separated `choices`, or -1. */
int rs_choice_index(const char *choices, const char *word);

/* Write the `idx`-th choice into buf (NUL-terminated); returns buf. */
const char *rs_choice_name(const char *choices, int idx, char *buf, size_t n);

#endif
