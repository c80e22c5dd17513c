/* portfolio.c: one run of the portfolio model (MODEL.md "Portfolio results"
 * and "Headline metrics"): levers and communities summed month by month, the
 * fund, yearly sums and the headline metrics. */
#include <math.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include "community.h"
#include "finance.h"
#include "model.h"
#include "linear.h"
#include "ramp.h"

const rs_metric_def rs_metrics[MT_N] = {
    [MT_REVENUE_YEAR1] = {"revenue_year1", "CNY", "Revenue, year 1", "第1年收入"},
    [MT_REVENUE_STAB] = {"revenue_stabilized", "CNY", "Revenue, stabilized year", "稳定年收入"},
    [MT_NET_STAB] = {"net_income_stabilized", "CNY", "Net income, stabilized year",
                     "稳定年净收益"},
    [MT_DEFICIT_BEFORE] = {"deficit_before", "CNY", "Management deficit before", "改造前物业亏损"},
    [MT_DEFICIT_YEAR1] = {"deficit_year1", "CNY", "Management deficit, year 1", "第1年物业亏损"},
    [MT_COVERAGE_YEAR1] = {"coverage_year1", "ratio", "Coverage, year 1", "第1年覆盖率"},
    [MT_COVERAGE_STAB] = {"coverage_stabilized", "ratio", "Coverage, stabilized year",
                          "稳定年覆盖率"},
    [MT_COVERAGE_LAST] = {"coverage_last_year", "ratio", "Coverage, last year", "末年覆盖率"},
    [MT_FIRST_COVERED] = {"first_covered_year", "year", "First covered year", "首个覆盖年份"},
    [MT_YEARS_COVERED] = {"years_covered", "count", "Years with the deficit covered",
                          "亏损获覆盖年数"},
    [MT_STAB_YEAR] = {"stabilized_year", "year", "Stabilized year", "稳定年"},
    [MT_CAPEX_TOTAL] = {"capex_total", "CNY", "Investment (capex) total", "总投资"},
    [MT_NPV] = {"npv", "CNY", "Net present value", "净现值"},
    [MT_IRR] = {"irr", "1/year", "Internal rate of return", "内部收益率"},
    [MT_PAYBACK] = {"payback_years", "years", "Payback", "投资回收期"},
    [MT_DPAYBACK] = {"discounted_payback_years", "years", "Discounted payback",
                     "动态回收期"},
    [MT_FUND_MIN] = {"fund_min", "CNY", "Fund minimum", "基金最低余额"},
    [MT_FUND_MIN_MONTH] = {"fund_min_month", "month", "Month of fund minimum",
                           "基金最低余额月份"},
    [MT_FUND_END] = {"fund_end", "CNY", "Fund at the end", "期末基金余额"},
    [MT_P_COVERED_STAB] = {"p_covered_stabilized", "probability",
                           "Deficit covered in stabilized year", "稳定年覆盖亏损概率"},
    [MT_P_FUND_NONNEG] = {"p_fund_never_negative", "probability", "Fund never negative",
                          "基金始终非负概率"},
};

int rs_metric_find(const char *name)
{
    for (int i = 0; i < MT_N; i++)
        if (strcmp(rs_metrics[i].name, name) == 0)
            return i;
    return -1;
}

double rs_coverage(double net, double deficit)
{
    return deficit > 0 ? net / deficit : NAN;
}

int rs_is_covered(double net, double deficit)
{
    return deficit <= 0 || net / deficit >= 1.0;
}

rs_results *rs_results_alloc(const rs_scenario *s)
{
    return rs_results_alloc_shape(rs_scenario_months(s), s->nlev, s->ncom);
}

rs_results *rs_results_alloc_shape(int months, int L, int C)
{
    rs_results *r = calloc(1, sizeof *r);
    if (!r)
        return NULL;
    const int M = months, Y = M / 12;
    r->months = M;
    r->years = Y;
    r->nlev = L;
    r->ncom = C;
    size_t n = 11 * (size_t)M + 3 * (size_t)L * M + 4 * (size_t)C * M + 9 * (size_t)Y
               + (size_t)L * Y + 4 * (size_t)C * Y + 4 * (size_t)Y + 2 * (size_t)M + 1;
    r->block_ = calloc(n ? n : 1, sizeof(double));
    if (!r->block_) {
        free(r);
        return NULL;
    }
    double *p = r->block_;
#define TAKE(field, count) (r->field = p, p += (count))
    TAKE(revenue, M); TAKE(net, M); TAKE(capex, M); TAKE(fee, M); TAKE(cost, M);
    TAKE(gap, M); TAKE(cf, M); TAKE(surplus, M); TAKE(fund, M); TAKE(grants, M);
    TAKE(dcf, M);
    TAKE(lev_gross, (size_t)L * M); TAKE(lev_net, (size_t)L * M);
    TAKE(lev_capex, (size_t)L * M);
    TAKE(com_revenue, (size_t)C * M); TAKE(com_net, (size_t)C * M);
    TAKE(com_fee, (size_t)C * M); TAKE(com_cost, (size_t)C * M);
    TAKE(y_revenue, Y); TAKE(y_net, Y); TAKE(y_capex, Y); TAKE(y_fee, Y);
    TAKE(y_cost, Y); TAKE(y_deficit, Y); TAKE(y_coverage, Y); TAKE(y_surplus, Y);
    TAKE(y_fund_end, Y);
    TAKE(y_lev_revenue, (size_t)L * Y);
    TAKE(y_com_revenue, (size_t)C * Y); TAKE(y_com_net, (size_t)C * Y);
    TAKE(y_com_fee, (size_t)C * Y); TAKE(y_com_cost, (size_t)C * Y);
    TAKE(scratch_, 4 * (size_t)Y + 2 * (size_t)M + 1);
#undef TAKE
    return r;
}

void rs_results_free(rs_results *r)
{
    if (!r)
        return;
    free(r->block_);
    free(r);
}

/* out[y-1] = sum of in[m-1] over the months of year y */
static void sum_years(const double *in, int years, double *out)
{
    for (int y = 0; y < years; y++) {
        double acc = 0.0;
        for (int k = 0; k < 12; k++)
            acc += in[12 * y + k];
        out[y] = acc;
    }
}

/* Stabilized year: first year whose first month (12(y-1)+1) is at or after
 * the last completion month; the last year if none. */
static int stabilized_year(int last_completion, int years)
{
    int y = (last_completion - 1 + 11) / 12 + 1;
    return y <= years ? y : years;
}

static void compute_metrics(const rs_scenario *s, rs_results *r, int last_completion)
{
    const int M = r->months, Y = r->years;
    const double rate = s->scen.v[SC_DISCOUNT];
    double *mt = r->metric;

    int sy = stabilized_year(last_completion, Y);
    mt[MT_STAB_YEAR] = sy;
    mt[MT_REVENUE_YEAR1] = r->y_revenue[0];
    mt[MT_REVENUE_STAB] = r->y_revenue[sy - 1];
    mt[MT_NET_STAB] = r->y_net[sy - 1];
    double before = 0.0;
    for (int c = 0; c < s->ncom; c++)
        before += rs_community_deficit_before(&s->com[c]);
    mt[MT_DEFICIT_BEFORE] = before;
    mt[MT_DEFICIT_YEAR1] = r->y_deficit[0];
    mt[MT_COVERAGE_YEAR1] = r->y_coverage[0];
    mt[MT_COVERAGE_STAB] = r->y_coverage[sy - 1];
    mt[MT_COVERAGE_LAST] = r->y_coverage[Y - 1];
    mt[MT_FIRST_COVERED] = NAN;
    mt[MT_YEARS_COVERED] = 0;
    for (int y = 1; y <= Y; y++)
        if (rs_is_covered(r->y_net[y - 1], r->y_deficit[y - 1])) {
            if (isnan(mt[MT_FIRST_COVERED]))
                mt[MT_FIRST_COVERED] = y;
            mt[MT_YEARS_COVERED]++;
        }
    double capex = 0.0;
    for (int m = 0; m < M; m++)
        capex += r->capex[m];
    mt[MT_CAPEX_TOTAL] = capex;
    mt[MT_NPV] = rs_npv(r->cf, M, rate);
    mt[MT_IRR] = rs_irr(r->cf, M);
    mt[MT_PAYBACK] = rs_payback(r->cf, M);
    mt[MT_DPAYBACK] = rs_payback(r->dcf, M);
    int argmin = 0;
    for (int m = 1; m < M; m++)
        if (r->fund[m] < r->fund[argmin])
            argmin = m;
    mt[MT_FUND_MIN] = r->fund[argmin];
    mt[MT_FUND_MIN_MONTH] = argmin + 1;
    mt[MT_FUND_END] = r->fund[M - 1];
    mt[MT_P_COVERED_STAB] = rs_is_covered(r->y_net[sy - 1], r->y_deficit[sy - 1]);
    mt[MT_P_FUND_NONNEG] = r->fund[argmin] >= 0.0;
}

void rs_model_run(const rs_scenario *s, rs_results *r)
{
    const int M = r->months, Y = r->years;
    const size_t Mz = (size_t)M;

    memset(r->revenue, 0, Mz * sizeof(double));
    memset(r->net, 0, Mz * sizeof(double));
    memset(r->capex, 0, Mz * sizeof(double));
    memset(r->fee, 0, Mz * sizeof(double));
    memset(r->cost, 0, Mz * sizeof(double));

    /* one linear form at a time, in the scratch block */
    rs_lin lin;
    lin.cg = r->scratch_;
    lin.rg = lin.cg + Y;
    lin.cn = lin.rg + Y;
    lin.rn = lin.cn + Y;
    double *T = lin.rn + Y, *spare = T + M + 1;
    int last = 1;

    for (int c = 0; c < r->ncom; c++) {
        double *fee = r->com_fee + c * Mz, *cost = r->com_cost + c * Mz;
        s->com[c].sec->linear(&s->com[c], Y, &lin);
        rs_ramp_table(lin.R, lin.shape, M, T);
        rs_lin_expand(&lin, T, M, fee, cost, spare);
        int done = rs_lin_completion(&lin);
        last = done > last ? done : last;
        memset(r->com_revenue + c * Mz, 0, Mz * sizeof(double));
        memset(r->com_net + c * Mz, 0, Mz * sizeof(double));
        for (int m = 0; m < M; m++) {
            r->fee[m] += fee[m];
            r->cost[m] += cost[m];
        }
    }
    for (int l = 0; l < r->nlev; l++) {
        const rs_entity *e = &s->lev[l];
        double *g = r->lev_gross + l * Mz, *n = r->lev_net + l * Mz,
               *k = r->lev_capex + l * Mz;
        double *cr = r->com_revenue + e->community * Mz, *cn = r->com_net + e->community * Mz;
        e->sec->linear(e, Y, &lin);
        rs_ramp_table(lin.R, lin.shape, M, T);
        rs_lin_expand(&lin, T, M, g, n, k);
        int done = rs_lin_completion(&lin);
        last = done > last ? done : last;
        for (int m = 0; m < M; m++) {
            r->revenue[m] += g[m];
            r->net[m] += n[m];
            r->capex[m] += k[m];
            cr[m] += g[m];
            cn[m] += n[m];
        }
        sum_years(g, Y, r->y_lev_revenue + (size_t)l * Y);
    }
    rs_results_finish(s, r, last);
}

void rs_results_finish(const rs_scenario *s, rs_results *r, int last)
{
    const int M = r->months, Y = r->years;
    const size_t Mz = (size_t)M;

    memset(r->grants, 0, Mz * sizeof(double));
    for (int i = 0; i < s->ngrant; i++) {
        int m = (int)s->grant[i].v[GR_MONTH];
        if (m >= 1 && m <= M)
            r->grants[m - 1] += s->grant[i].v[GR_AMOUNT];
    }

    const double z = pow(1.0 + s->scen.v[SC_DISCOUNT], -1.0 / 12.0);
    double fund = s->fund.v[FD_INITIAL], df = 1.0;
    for (int m = 0; m < M; m++) {
        r->gap[m] = r->cost[m] - r->fee[m];
        r->cf[m] = r->net[m] - r->capex[m];
        r->surplus[m] = r->net[m] - r->gap[m];
        fund += r->surplus[m] - r->capex[m] + r->grants[m];
        r->fund[m] = fund;
        df *= z;
        r->dcf[m] = r->cf[m] * df;
    }

    sum_years(r->revenue, Y, r->y_revenue);
    sum_years(r->net, Y, r->y_net);
    sum_years(r->capex, Y, r->y_capex);
    sum_years(r->fee, Y, r->y_fee);
    sum_years(r->cost, Y, r->y_cost);
    sum_years(r->gap, Y, r->y_deficit);
    sum_years(r->surplus, Y, r->y_surplus);
    for (int y = 0; y < Y; y++) {
        r->y_coverage[y] = rs_coverage(r->y_net[y], r->y_deficit[y]);
        r->y_fund_end[y] = r->fund[12 * y + 11];
    }
    for (int c = 0; c < r->ncom; c++) {
        sum_years(r->com_revenue + c * Mz, Y, r->y_com_revenue + (size_t)c * Y);
        sum_years(r->com_net + c * Mz, Y, r->y_com_net + (size_t)c * Y);
        sum_years(r->com_fee + c * Mz, Y, r->y_com_fee + (size_t)c * Y);
        sum_years(r->com_cost + c * Mz, Y, r->y_com_cost + (size_t)c * Y);
    }
    compute_metrics(s, r, last);
}

#define SERIES(f) offsetof(rs_results, f)
const rs_series_def rs_series[SR_N] = {
    [SR_REVENUE] = {"revenue", "CNY", "Revenue", "收入", SERIES(revenue), SERIES(y_revenue)},
    [SR_NET] = {"net_income", "CNY", "Net income", "净收益", SERIES(net), SERIES(y_net)},
    [SR_CAPEX] = {"capex", "CNY", "Investment", "投资", SERIES(capex), SERIES(y_capex)},
    [SR_FEE] = {"fee_income", "CNY", "Fee income", "物业费收入", SERIES(fee), SERIES(y_fee)},
    [SR_COST] = {"mgmt_cost", "CNY", "Management cost", "物业成本", SERIES(cost), SERIES(y_cost)},
    [SR_DEFICIT] = {"deficit", "CNY", "Management deficit", "物业亏损", SERIES(gap),
                    SERIES(y_deficit)},
    [SR_COVERAGE] = {"coverage", "ratio", "Coverage", "覆盖率", 0, 0},
    [SR_SURPLUS] = {"surplus", "CNY", "Surplus", "盈余", SERIES(surplus), SERIES(y_surplus)},
    [SR_FUND_END] = {"fund_end", "CNY", "Fund balance", "基金余额", SERIES(fund),
                     SERIES(y_fund_end)},
};

static const double *series_ptr(const rs_results *r, size_t off)
{
    const double *p;
    memcpy(&p, (const char *)r + off, sizeof p);
    return p;
}

double rs_series_month(const rs_results *r, int k, int m)
{
    if (k == SR_COVERAGE)
        return rs_coverage(r->net[m - 1], r->gap[m - 1]);
    return series_ptr(r, rs_series[k].monthly)[m - 1];
}

double rs_series_year(const rs_results *r, int k, int y)
{
    if (k == SR_COVERAGE)
        return r->y_coverage[y - 1];
    return series_ptr(r, rs_series[k].yearly)[y - 1];
}
