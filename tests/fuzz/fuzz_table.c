/* fuzz_table.c: libFuzzer harness for included tables: the input is the
 * table t.csv that a small valid scenario includes (`scenario,include`);
 * the scenario is loaded and, when valid, run. */
#include "fuzzutil.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const char scenario[] =
    "section,key,value,low,high\n"
    "scenario,include,t.csv\n"
    "scenario,horizon_years,2\n"
    "community:a,area_m2,1000\n"
    "community:a,fee_rate,1\n"
    "community:a,collection_start,0.5\n"
    "community:a,cost_annual,20000\n"
    "other:x,community,a\n"
    "other:x,income,1500,1000,2000\n";

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const char *path;
    if (!path)
        path = rs_fuzz_write(1, "s.csv", (const uint8_t *)scenario, sizeof scenario - 1);
    rs_fuzz_write(0, "t.csv", data, size);
    rs_fuzz_scenario(path);
    return 0;
}
