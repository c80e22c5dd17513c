/* plausible.h: typical ranges of inputs and results, with where each comes
 * from, so a value far outside them is flagged for a second look (a warning,
 * or an error with --strict) without being refused: a planner's e-bike
 * charger with 40 sessions a port a day, or a coverage of 3,000%, is more
 * often a slip than a fact. */
#ifndef RS_PLAUSIBLE_H
#define RS_PLAUSIBLE_H

#include "model.h"

/* One typical range: an input (section type and key, optionally only for a
 * `kind` label such as "ebike") or, with section NULL, a result metric. */
typedef struct {
    const char *section;   /* "chargers", ...; NULL for a result metric */
    const char *key;       /* parameter or metric name */
    const char *kind;      /* the lever's kind label it applies to, or NULL */
    double low, high;      /* typical, in the parameter's or metric's unit */
    const char *source;    /* where the range comes from */
} rs_typical;

extern const rs_typical rs_typicals[];
extern const int rs_ntypicals;

/* The typical range for parameter `param` of e (its kind label counted), or
 * NULL when there is none. */
const rs_typical *rs_typical_for(const rs_entity *e, int param);

/* 1 when parameter `param` of e at 0 is a choice, not a slip: a charger
 * priced by the session alone (price_per_kwh 0) or by the kWh alone. */
int rs_typical_zero_ok(const rs_entity *e, int param);

/* The typical range of metric k, or NULL. */
const rs_typical *rs_typical_metric(int k);

/* 1 when v lies outside t's range. */
static inline int rs_typical_outside(const rs_typical *t, double v)
{
    return v < t->low || v > t->high;
}

#endif
