/* community.h: property management of one community (MODEL.md
 * community:NAME): fees with a collection ramp, cost, gap. */
#ifndef RS_COMMUNITY_H
#define RS_COMMUNITY_H

#include "model.h"

/* 12 * (cost_annual/12 - area_m2 * fee_rate * collection_start). */
double rs_community_deficit_before(const rs_entity *e);

#endif
