/* scenpack.h: a scenario as bytes, for another process of the same build
 * (revsim-mpi sends rank 0's scenario to the other ranks, so only rank 0
 * reads files). Everything a run uses is carried: every entity's values,
 * texts and steps, the ranges, correlations and links; where a section was
 * read (rs_entity.file) is not. */
#ifndef RS_SCENPACK_H
#define RS_SCENPACK_H

#include <stddef.h>
#include "model.h"

/* s as *len bytes at *buf (malloc'ed for the caller): RS_S_OK or
 * RS_S_NOMEM. */
rs_status rs_scenario_pack(const rs_scenario *s, unsigned char **buf, size_t *len);

/* Fill dst (rs_scenario_init'ed) from bytes of rs_scenario_pack of the same
 * build: RS_S_OK; RS_S_INPUT for bytes that are not such a scenario,
 * RS_S_NOMEM (dst is released on error). */
rs_status rs_scenario_unpack(rs_scenario *dst, const unsigned char *buf, size_t len);

#endif
