/* ramp.c: ramp progress and shapes of MODEL.md "Ramps". */
#include <math.h>
#include "model.h"
#include "ramp.h"

double rs_ramp_progress(int m, int s, int R)
{
    if (m < s)
        return 0.0;
    if (R <= 0)
        return 1.0;
    double p = (double)(m - s + 1) / R;
    return p < 1.0 ? p : 1.0;
}

static double sigma(double x) { return 1.0 / (1.0 + exp(-x)); }

double rs_ramp_shape(double p, int shape)
{
    if (shape == RS_SHAPE_LINEAR)
        return p;
    const double k = 10.0;
    const double lo = sigma(-k / 2), hi = sigma(k / 2);
    return (sigma(k * (p - 0.5)) - lo) / (hi - lo);
}

double rs_ramp_value(double start, double target, int m, int s, int R, int shape)
{
    return start + (target - start) * rs_ramp_shape(rs_ramp_progress(m, s, R), shape);
}
