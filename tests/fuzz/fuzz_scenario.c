/* fuzz_scenario.c: libFuzzer harness for the scenario reader and the base
 * case: the input is a scenario file (beside it base.csv, a valid scenario,
 * and t.csv, a valid table, so `base` and `include` rows can name them);
 * it is loaded, validated and, when valid, run. */
#include <string.h>
#include "fuzzutil.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static int ready;
    if (!ready) {
        rs_fuzz_write(1, "base.csv", (const uint8_t *)rs_fuzz_base_csv,
                      strlen(rs_fuzz_base_csv));
        rs_fuzz_write(2, "t.csv", (const uint8_t *)rs_fuzz_table_csv,
                      strlen(rs_fuzz_table_csv));
        ready = 1;
    }
    rs_fuzz_scenario(rs_fuzz_write(0, "s.csv", data, size));
    return 0;
}
