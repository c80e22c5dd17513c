/* lever.h: what every lever model shares: the common parameter rows that
 * open each lever table, and the per-year growth factor. Private to models/. */
#ifndef RS_LEVER_H
#define RS_LEVER_H

#include <math.h>
#include "model.h"
#include "ramp.h"
#include "linear.h"

#define RS_SHAPE_CHOICES "linear|logistic"

/* The first LV_NCOMMON rows of every lever table (indices LV_*). */
#define RS_LEVER_COMMON_PARAMS                                                 \
    {"community", "", RS_P_REF, 0, 0, 0, RS_P_FIXED, NULL,                     \
     "community the lever belongs to; may be omitted when there is one"},      \
    {"start_month", "month", RS_P_INT, 1, 1, RS_MAX_MONTHS, 0, NULL,           \
     "month s the lever starts; nothing is earned before, capex falls in s"},  \
    {"share_out", "fraction", RS_P_NUM, 0, 0, 1, 0, NULL,                      \
     "fraction of gross paid to an outside party (owners, operator)"},         \
    {"enabled", "0/1", RS_P_INT, 1, 0, 1, RS_P_FIXED, NULL,                    \
     "0 switches the lever off (revsim extension, for variants)"}

/* A ramp-shape row with the given default ramp length. */
#define RS_RAMP_PARAMS(def_months)                                             \
    {"ramp_months", "months", RS_P_INT, def_months, 0, RS_MAX_MONTHS, 0, NULL, \
     "months from start to target"},                                          \
    {"ramp_shape", "", RS_P_ENUM, RS_SHAPE_LOGISTIC, 0, 0, RS_P_FIXED,         \
     RS_SHAPE_CHOICES, "linear or logistic (k = 10)"}

/* Yearly growth factors: g[y-1] = (1+rate)^(y-1) by repeated products
 * (exact to a few ulps; no pow per year in the hot path). */
static inline void rs_growth_fill(double rate, int years, double *g)
{
    double f = 1.0;
    for (int y = 0; y < years; y++, f *= 1.0 + rate)
        g[y] = f;
}

/* Fill the common part of a lever's linear form. */
static inline void rs_lin_init(rs_lin *lin, const rs_entity *e, int shift_extra, int R,
                               int shape)
{
    lin->s = (int)e->v[LV_START];
    lin->shift = lin->s - 1 + shift_extra;
    lin->R = R;
    lin->shape = shape;
    lin->capex = 0.0;
    lin->capex_period = 0;
}

extern const rs_section rs_section_shops, rs_section_parking,
    rs_section_chargers, rs_section_other, rs_section_community;

#endif
