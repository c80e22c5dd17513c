/* linear.c: ramp tables and linear-form expansion (see model.h rs_lin). */
#include <stdlib.h>
#include "linear.h"
#include "ramp.h"

void rs_ramp_table(int R, int shape, int months, double *T)
{
    T[0] = 0.0;
    for (int k = 1; k <= months; k++)
        T[k] = R <= 0 || k >= R ? 1.0 : rs_ramp_shape((double)k / R, shape);
}

void rs_lin_expand(const rs_lin *lin, const double *T, int months, double *gross,
                   double *net, double *capex)
{
    const int s = lin->s;
    for (int m = 1; m <= months; m++) {
        capex[m - 1] = 0.0;
        if (m < s) {
            gross[m - 1] = net[m - 1] = 0.0;
            continue;
        }
        const int y = (m - 1) / 12, k = m - lin->shift;
        const double t = k > 0 ? T[k] : 0.0;
        gross[m - 1] = lin->cg[y] + lin->rg[y] * t;
        net[m - 1] = lin->cn[y] + lin->rn[y] * t;
    }
    for (int m = s; m <= months; m += lin->capex_period > 0 ? lin->capex_period : months + 1)
        if (m >= 1)
            capex[m - 1] = lin->capex;
}

int rs_entity_expand(const rs_entity *e, int months, double *gross, double *net,
                     double *capex, int *completion)
{
    const int years = (months + 11) / 12;
    double *buf = calloc(4 * (size_t)years + (size_t)months + 1, sizeof(double));
    if (!buf)
        return -1;
    rs_lin lin = {0};
    lin.cg = buf;
    lin.rg = buf + years;
    lin.cn = buf + 2 * years;
    lin.rn = buf + 3 * years;
    double *T = buf + 4 * years;
    e->sec->linear(e, years, &lin);
    rs_ramp_table(lin.R, lin.shape, months, T);
    rs_lin_expand(&lin, T, months, gross, net, capex);
    if (completion)
        *completion = rs_lin_completion(&lin);
    free(buf);
    return 0;
}
