/* fuzz_history.c: libFuzzer harness for `revsim fit`: the input is a
 * history file, read by rs_history_read and, when valid, fitted with both
 * ramp shapes. A fit that succeeds must give finite results that can be
 * rounded to whole months (what `fit` prints). */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include "fuzzutil.h"
#include "../../io/history.h"
#include "../../models/analysis.h"
#include "../../models/model.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *path = rs_fuzz_write(0, "h.csv", data, size);
    double *m, *v;
    int n;
    rs_error err = {0};
    if (rs_history_read(path, &m, &v, &n, &err) != RS_OK)
        return 0;
    for (int i = 0; i < n; i++)
        if (!isfinite(m[i]) || !isfinite(v[i]) || m[i] < 1 || m[i] > RS_MAX_MONTHS)
            abort();
    for (int shape = RS_SHAPE_LINEAR; shape <= RS_SHAPE_LOGISTIC; shape++) {
        rs_fit_result f;
        if (rs_fit_ramp(m, v, n, shape, &f) == 0) {
            const double all[] = {f.start, f.target, f.ramp, f.se_start, f.se_target,
                                  f.se_ramp, f.r2, f.rmse};
            for (size_t k = 0; k < sizeof all / sizeof all[0]; k++)
                if (!isfinite(all[k]))
                    abort();
            if (fabs(f.ramp) + 4 * f.se_ramp > RS_FIT_MONTHS_MAX)
                abort();
        }
    }
    free(m);
    free(v);
    return 0;
}
