/* testutil.h: helpers for the cmocka suites: doubles compared with a relative
 * tolerance (cmocka 1.1.5 has none), NaN-aware; temporary files and folders,
 * files read back. Fixtures made of revsim's own objects are in fixtures.h. */
#ifndef RS_TESTUTIL_H
#define RS_TESTUTIL_H

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>


/* Fail unless |got - want| <= rtol*|want| (or <= rtol when want is 0);
 * a NaN want requires a NaN got. */
void rs_check_rel(double got, double want, double rtol, const char *desc,
                  const char *file, int line);
#define assert_rel(got, want, rtol) \
    rs_check_rel((got), (want), (rtol), #got, __FILE__, __LINE__)

/* Write text to a new temporary file in dir (created if missing) and
 * return its path (static buffer per call slot 0..7); fails the test when
 * the file cannot be written. */
const char *rs_test_file(const char *dir, const char *name, const char *text);

/* A fresh empty temporary folder (static buffer). */
const char *rs_test_dir(void);

/* The whole file at path, NUL-terminated, allocated for the caller (free);
 * NULL when it cannot be opened. *len, when len is not NULL, gets its size
 * in bytes. */
char *rs_test_slurp(const char *path, size_t *len);

/* Number of entries in dir other than . and ..; -1 when it cannot be opened. */
int rs_test_dir_count(const char *dir);

#endif
