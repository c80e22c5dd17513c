/* linear.c: ramp tables and linear-form expansion (see model.h rs_lin). */
#include <stdlib.h>
#include <string.h>
#include "linear.h"
#include "ramp.h"

void rs_ramp_table(int R, int shape, int months, double *T)
{
    T[0] = 0.0;
    for (int k = 1; k <= months; k++)
        T[k] = R <= 0 || k >= R ? 1.0 : rs_ramp_shape((double)k / R, shape);
}

void rs_lin_expand(const rs_lin *lin, const double *T, int months, const rs_flows *out)
{
    const int o = lin->o;
    for (int m = 1; m <= months; m++) {
        double g = 0.0, n = 0.0, t = 0.0, sub = 0.0;
        if (m >= o) {
            const int y = (m - 1) / 12, k = m - lin->shift;
            const double x = k > 0 ? T[k] : 0.0;
            g = lin->cg[y] + lin->rg[y] * x;
            n = lin->cn[y] + lin->rn[y] * x;
            t = lin->ct[y] + lin->rt[y] * x;
            if (m <= lin->sub_end)
                sub = lin->cs[y] + lin->rs[y] * x;
        }
        if (out->gross) out->gross[m - 1] = g;
        if (out->net) out->net[m - 1] = n;
        if (out->tax) out->tax[m - 1] = t;
        if (out->subsidy) out->subsidy[m - 1] = sub;
    }
    if (out->subsidy && lin->subsidy != 0.0 && lin->sub_month >= 1 && lin->sub_month <= months)
        out->subsidy[lin->sub_month - 1] += lin->subsidy;
    if (out->capex) {
        memset(out->capex, 0, (size_t)months * sizeof(double));
        rs_lin_capex(lin, months, out->capex, NULL);
    }
}

/* one capex amount c in month t */
static inline void pay(double c, int t, int months, double N, double *capex, double *dep)
{
    if (t < 1 || t > months)
        return;
    capex[t - 1] += c;
    if (dep && N >= 1) {
        dep[t - 1] += c / N;
        if ((double)(t - 1) + N < months)
            dep[t - 1 + (int)N] -= c / N;
    }
}

void rs_lin_capex(const rs_lin *lin, int months, double *capex, double *dep)
{
    if (lin->capex != 0.0) {
        if (lin->build > 0) {
            const double part = lin->capex / lin->build;
            for (int t = lin->s; t < lin->s + lin->build && t <= months; t++)
                pay(part, t, months, lin->dep_months, capex, dep);
        } else {
            pay(lin->capex, lin->s, months, lin->dep_months, capex, dep);
        }
    }
    if (lin->period > 0 && lin->renew != 0.0)
        for (int t = lin->o + lin->period; t <= months; t += lin->period)
            pay(lin->renew, t, months, lin->dep_months, capex, dep);
}

int rs_entity_flows(const rs_entity *e, int months, const rs_flows *out, int *completion)
{
    if (months < 1 || months > RS_MAX_MONTHS)
        return -1;
    const int years = (months + 11) / 12;
    double *buf = calloc((size_t)RS_LIN_ARRAYS * years + (size_t)months + 1, sizeof(double));
    if (!buf)
        return -1;
    rs_lin lin;
    memset(&lin, 0, sizeof lin);
    rs_lin_arrays(&lin, buf, years);
    double *T = buf + (size_t)RS_LIN_ARRAYS * years;
    e->sec->linear(e, years, &lin);
    rs_ramp_table(lin.R, lin.shape, months, T);
    rs_lin_expand(&lin, T, months, out);
    if (completion)
        *completion = lin.completion;
    free(buf);
    return 0;
}

int rs_entity_expand(const rs_entity *e, int months, double *gross, double *net,
                     double *capex, int *completion)
{
    const rs_flows out = {gross, net, NULL, NULL, capex};
    return rs_entity_flows(e, months, &out, completion);
}
