/* fix_io.c: scenarios loaded from text for the cmocka suites (fix_io.h). */
#define _XOPEN_SOURCE 700
#include <stdio.h>
#include "fix_io.h"

int rs_test_load_text(rs_scenario *s, const char *dir, const char *name, const char *text,
                      rs_error *err)
{
    return rs_test_load_file(s, rs_test_file(dir, name, text), err);
}

int rs_test_load_file(rs_scenario *s, const char *path, rs_error *err)
{
    rs_source src;
    rs_source_init(&src);
    rs_scenario_init(s);
    int rc = rs_scenario_load(s, &src, path, err);
    rs_source_release(&src);
    return rc;
}

