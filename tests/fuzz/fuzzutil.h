/* fuzzutil.h: what the libFuzzer harnesses share: a private temporary
 * folder (removed at exit) with fixed companion files, inputs written into
 * it, and a scenario loaded and run the way `revsim run` does. */
#ifndef RS_FUZZUTIL_H
#define RS_FUZZUTIL_H

#include <stddef.h>
#include <stdint.h>

/* The harness's own folder, made on first use (aborts when it cannot be). */
const char *rs_fuzz_dir(void);

/* Write data to NAME in the folder; the file's path (static buffer per
 * name slot, slots 0..3). */
const char *rs_fuzz_write(int slot, const char *name, const uint8_t *data, size_t n);

/* Load the scenario at path and, when it is valid, run its base case and a
 * two-run Monte Carlo on one thread; everything released. Errors are
 * expected (the input is random): crashes, leaks, UB and an error message
 * that is not one clean line count (abort). */
void rs_fuzz_scenario(const char *path);

/* A valid scenario and a valid included table, for the companions. */
extern const char rs_fuzz_base_csv[], rs_fuzz_table_csv[];

#endif
