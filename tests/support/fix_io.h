/* fix_io.h: scenarios loaded from text for the cmocka suites. */
#ifndef RS_FIX_IO_H
#define RS_FIX_IO_H

#include "fix_models.h"
#include "../../io/scenario.h"

/* Write text to dir/name, then load it into s as rs_test_load_file does. */
int rs_test_load_text(rs_scenario *s, const char *dir, const char *name, const char *text,
                      rs_error *err);

/* Load the scenario file at path into s (initialised here; the caller
 * releases it with rs_scenario_release, also on error) with a source of
 * its own. Returns rs_scenario_load's code; err gets its message. */
int rs_test_load_file(rs_scenario *s, const char *path, rs_error *err);

#endif
