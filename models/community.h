/* community.h: property management of one community (MODEL.md
 * community:NAME): fees with a collection ramp, cost, gap. */
#ifndef RS_COMMUNITY_H
#define RS_COMMUNITY_H

#include "model.h"

/* Write fee(m) and cost(m), m = 1..months, into arrays of `months`. */
void rs_community_eval(const rs_entity *e, int months, double *fee, double *cost);

/* Month the collection ramp completes: max(ramp_months, 1). */
int rs_community_completion(const rs_entity *e);

/* 12 * (cost_annual/12 - area_m2 * fee_rate * collection_start). */
double rs_community_deficit_before(const rs_entity *e);

#endif
