/* portfolio.c: one run of the portfolio model (docs/model.md "Portfolio
 * results" and "Headline metrics"): levers and communities summed month by
 * month, loans, fund interest, income tax, the fund, yearly sums, the
 * headline metrics and what each lever earns on its own. */
#include <math.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include "community.h"
#include "finance.h"
#include "linear.h"
#include "loan.h"
#include "model.h"

static void finish(const rs_scenario *s, rs_results *r, int sy);

rs_results *rs_results_alloc(const rs_scenario *s)
{
    return rs_results_alloc_shape(rs_scenario_months(s), s->nlev, s->ncom);
}

rs_results *rs_results_alloc_lean(const rs_scenario *s)
{
    rs_results *r = rs_results_alloc_shape(rs_scenario_months(s), s->nlev > 0 ? 1 : 0, s->ncom);
    if (r) {
        r->nlev = s->nlev;
        r->lean = 1;
    }
    return r;
}

/* monthly portfolio arrays (revenue .. dep) and yearly ones (y_revenue .. y_cf_equity) */
#define NMONTHLY 23
#define NYEARLY 21

rs_results *rs_results_alloc_shape(int months, int L, int C)
{
    rs_results *r = calloc(1, sizeof *r);
    if (!r)
        return NULL;
    const size_t M = (size_t)months, Y = M / 12, Lz = (size_t)L, Cz = (size_t)C;
    r->months = months;
    r->years = (int)Y;
    r->nlev = L;
    r->ncom = C;
    const size_t scratch = (size_t)RS_LIN_ARRAYS * Y + 8 * M + 2;
    size_t n = NMONTHLY * M + Lz * M + 4 * Cz * M + NYEARLY * Y + Lz * Y + Lz * LY_N * Y +
               Lz * LM_N + 4 * Cz * Y + scratch;
    r->block_ = calloc(n ? n : 1, sizeof(double));
    r->irr_ws_ = rs_irr_ws_alloc();
    if (!r->block_ || !r->irr_ws_) {
        rs_results_free(r);
        return NULL;
    }
    double *p = r->block_;
#define TAKE(field, count) (r->field = p, p += (count))
    TAKE(revenue, M); TAKE(net, M); TAKE(capex, M); TAKE(fee, M); TAKE(cost, M);
    TAKE(gap, M); TAKE(cf, M); TAKE(surplus, M); TAKE(fund, M); TAKE(grants, M);
    TAKE(dcf, M);
    TAKE(tax, M); TAKE(subsidy, M); TAKE(income_tax, M); TAKE(fund_interest, M);
    TAKE(draws, M); TAKE(interest, M); TAKE(principal, M); TAKE(debt_service, M);
    TAKE(debt_balance, M); TAKE(cf_equity, M); TAKE(dscr_m, M); TAKE(dep, M);
    TAKE(lev_gross, Lz * M);
    TAKE(com_revenue, Cz * M); TAKE(com_net, Cz * M); TAKE(com_fee, Cz * M);
    TAKE(com_cost, Cz * M);
    TAKE(y_revenue, Y); TAKE(y_net, Y); TAKE(y_capex, Y); TAKE(y_fee, Y);
    TAKE(y_cost, Y); TAKE(y_deficit, Y); TAKE(y_coverage, Y); TAKE(y_surplus, Y);
    TAKE(y_fund_end, Y);
    TAKE(y_tax, Y); TAKE(y_subsidy, Y); TAKE(y_income_tax, Y); TAKE(y_fund_interest, Y);
    TAKE(y_draws, Y); TAKE(y_interest, Y); TAKE(y_principal, Y); TAKE(y_debt_service, Y);
    TAKE(y_debt_balance, Y); TAKE(y_dscr, Y); TAKE(y_cf, Y); TAKE(y_cf_equity, Y);
    TAKE(y_lev_revenue, Lz * Y);
    TAKE(y_lev, Lz * LY_N * Y);
    TAKE(lev_metric, Lz * LM_N);
    TAKE(y_com_revenue, Cz * Y); TAKE(y_com_net, Cz * Y); TAKE(y_com_fee, Cz * Y);
    TAKE(y_com_cost, Cz * Y);
    TAKE(scratch_, scratch);
#undef TAKE
    for (size_t i = 0; i < M; i++)
        r->dscr_m[i] = NAN;
    return r;
}

void rs_results_free(rs_results *r)
{
    if (!r)
        return;
    free(r->block_);
    rs_irr_ws_free(r->irr_ws_);
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

static double sum(const double *v, int n)
{
    double acc = 0.0;
    for (int i = 0; i < n; i++)
        acc += v[i];
    return acc;
}

static void compute_metrics(const rs_scenario *s, rs_results *r, int sy)
{
    const int M = r->months, Y = r->years;
    const double rate = s->scen.v[SC_DISCOUNT];
    double *mt = r->metric;

    sy = sy >= 1 && sy <= Y ? sy : Y;
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
    mt[MT_CAPEX_TOTAL] = sum(r->capex, M);
    mt[MT_NPV] = rs_npv(r->cf, M, rate);
    mt[MT_IRR] = rs_irr_ws_run(r->irr_ws_, r->cf, M);
    mt[MT_PAYBACK] = rs_payback(r->cf, M);
    mt[MT_DPAYBACK] = rs_payback(r->dcf, M);
    int argmin = 0, below = 0;
    const double reserve = s->fund.v[FD_RESERVE];
    for (int m = 0; m < M; m++) {
        if (r->fund[m] < r->fund[argmin])
            argmin = m;
        below += r->fund[m] < reserve;
    }
    mt[MT_FUND_MIN] = r->fund[argmin];
    mt[MT_FUND_MIN_MONTH] = argmin + 1;
    mt[MT_FUND_END] = r->fund[M - 1];
    mt[MT_P_COVERED_STAB] = rs_is_covered(r->y_net[sy - 1], r->y_deficit[sy - 1]);
    mt[MT_P_FUND_NONNEG] = r->fund[argmin] >= 0.0;
    mt[MT_TAX_TOTAL] = sum(r->tax, M);
    mt[MT_SUBSIDY_TOTAL] = sum(r->subsidy, M);
    mt[MT_INCOME_TAX_TOTAL] = sum(r->income_tax, M);
    mt[MT_DEBT_SERVICE_TOTAL] = sum(r->debt_service, M);
    double dmin = NAN;
    for (int y = 0; y < Y; y++)
        if (!isnan(r->y_dscr[y]) && !(r->y_dscr[y] >= dmin))
            dmin = r->y_dscr[y];
    mt[MT_DSCR_MIN] = dmin;
    mt[MT_P_DSCR_ABOVE_1] = isnan(dmin) || dmin >= 1.0;
    mt[MT_DEBT_END] = r->debt_balance[M - 1];
    mt[MT_NPV_EQUITY] = rs_npv(r->cf_equity, M, rate);
    mt[MT_MONTHS_BELOW_RESERVE] = below;
}

/* The flows of lever l into r: its monthly gross (r->lev_gross), its
 * yearly flows and own metrics, and its part of the portfolio and
 * community sums. w: 5 monthly scratch arrays. */
static void add_lever(const rs_scenario *s, rs_results *r, int l, rs_lin *lin, double *T,
                      double *w, int income_tax)
{
    const int M = r->months, Y = r->years;
    const size_t Mz = (size_t)M;
    const rs_entity *e = &s->lev[l];
    const size_t at = r->lean ? 0 : (size_t)l;   /* a lean r keeps one lever's gross */
    double *g = r->lev_gross + at * Mz, *n = w, *k = w + Mz, *t = w + 2 * Mz,
           *sub = w + 3 * Mz, *cf = w + 4 * Mz;
    double *cr = r->com_revenue + e->community * Mz, *cn = r->com_net + e->community * Mz;
    e->sec->linear(e, Y, lin);
    rs_ramp_table(lin->R, lin->shape, M, T);
    const rs_flows out = {g, n, t, sub, k};
    rs_lin_expand(lin, T, M, &out);
    if (income_tax) {
        memset(cf, 0, (Mz + 1) * sizeof(double));   /* cf's room holds the difference array */
        memset(k, 0, Mz * sizeof(double));
        rs_lin_capex(lin, M, k, cf);
        double acc = 0.0;
        for (int m = 0; m < M; m++)
            r->dep[m] += (acc += cf[m]);
    }
    for (int m = 0; m < M; m++) {
        r->revenue[m] += g[m];
        r->net[m] += n[m];
        r->capex[m] += k[m];
        r->tax[m] += t[m];
        r->subsidy[m] += sub[m];
        cr[m] += g[m];
        cn[m] += n[m];
        cf[m] = n[m] - k[m] + sub[m];
    }
    if (r->lean)   /* the lever's own yearly flows and metrics are not kept */
        return;
    sum_years(g, Y, r->y_lev_revenue + (size_t)l * Y);
    double *ly = r->y_lev + (size_t)l * LY_N * Y;
    sum_years(g, Y, ly + LY_REVENUE * (size_t)Y);
    sum_years(t, Y, ly + LY_TAX * (size_t)Y);
    sum_years(n, Y, ly + LY_NET * (size_t)Y);
    sum_years(k, Y, ly + LY_CAPEX * (size_t)Y);
    sum_years(sub, Y, ly + LY_SUBSIDY * (size_t)Y);
    sum_years(cf, Y, ly + LY_CF * (size_t)Y);
    for (int y = 0; y < Y; y++)   /* costs = gross (1 - share_out) - tax - net */
        ly[LY_COSTS * (size_t)Y + y] = ly[LY_REVENUE * (size_t)Y + y] * lin->keep -
                                       ly[LY_TAX * (size_t)Y + y] - ly[LY_NET * (size_t)Y + y];
    double *lm = r->lev_metric + (size_t)l * LM_N;
    lm[LM_CAPEX_TOTAL] = sum(k, M);
    lm[LM_SUBSIDY_TOTAL] = sum(sub, M);
    lm[LM_NPV] = rs_npv(cf, M, s->scen.v[SC_DISCOUNT]);
    lm[LM_IRR] = rs_irr_ws_run(r->irr_ws_, cf, M);
    lm[LM_PAYBACK] = rs_payback(cf, M);
}

void rs_model_run(const rs_scenario *s, rs_results *r)
{
    const int M = r->months, Y = r->years;
    const size_t Mz = (size_t)M;
    const double *zero[] = {r->revenue, r->net, r->capex, r->fee, r->cost, r->tax,
                            r->subsidy, r->dep};
    for (size_t i = 0; i < sizeof zero / sizeof zero[0]; i++)
        memset((double *)zero[i], 0, Mz * sizeof(double));
    const int income_tax = s->scen.v[SC_INCOME_TAX] > 0;

    /* one linear form at a time, in the scratch block */
    rs_lin lin;
    rs_lin_arrays(&lin, r->scratch_, Y);
    double *T = r->scratch_ + (size_t)RS_LIN_ARRAYS * Y, *w = T + M + 1;

    for (int c = 0; c < r->ncom; c++) {
        double *fee = r->com_fee + c * Mz, *cost = r->com_cost + c * Mz;
        s->com[c].sec->linear(&s->com[c], Y, &lin);
        rs_ramp_table(lin.R, lin.shape, M, T);
        const rs_flows out = {fee, cost, NULL, NULL, NULL};
        rs_lin_expand(&lin, T, M, &out);
        memset(r->com_revenue + c * Mz, 0, Mz * sizeof(double));
        memset(r->com_net + c * Mz, 0, Mz * sizeof(double));
        for (int m = 0; m < M; m++) {
            r->fee[m] += fee[m];
            r->cost[m] += cost[m];
        }
    }
    int last = 1;   /* completion months, for a scenario whose stabilized year is not fixed */
    for (int c = 0; c < s->ncom; c++) {
        s->com[c].sec->linear(&s->com[c], Y, &lin);
        last = lin.completion > last ? lin.completion : last;
    }
    for (int l = 0; l < r->nlev; l++) {
        add_lever(s, r, l, &lin, T, w, income_tax);
        last = lin.completion > last ? lin.completion : last;
    }
    const int y = (last - 1 + 11) / 12 + 1;
    finish(s, r, s->stab_year > 0 ? s->stab_year : y);
}

/* Loans, fund interest and income tax with the fund, month by month. */
static void fund_path(const rs_scenario *s, rs_results *r)
{
    const int M = r->months;
    const double ir = s->fund.v[FD_INTEREST] / 12.0, od = s->fund.v[FD_OVERDRAFT] / 12.0;
    const double itr = s->scen.v[SC_INCOME_TAX];
    const double z = pow(1.0 + s->scen.v[SC_DISCOUNT], -1.0 / 12.0);
    double fund = s->fund.v[FD_INITIAL], df = 1.0, profit = 0.0, dep_y = 0.0;
    double loss[6] = {0};   /* loss[k]: what is left of the loss of k years ago (k = 1..5) */
    for (int m = 0; m < M; m++) {
        r->gap[m] = r->cost[m] - r->fee[m];
        r->surplus[m] = r->net[m] - r->gap[m];
        r->debt_service[m] = r->interest[m] + r->principal[m];
        double fi = 0.0;
        if (fund > 0 && ir > 0)
            fi = fund * ir;
        else if (fund < 0 && od > 0)
            fi = fund * od;
        r->fund_interest[m] = fi;
        double tax = 0.0;
        if (itr > 0) {
            profit += r->surplus[m] + r->subsidy[m] + fi - r->interest[m];
            dep_y += r->dep[m];
            if ((m + 1) % 12 == 0) {
                double p = profit - dep_y;
                for (int k = 5; k >= 1 && p > 0; k--) {   /* oldest losses first */
                    double use = loss[k] < p ? loss[k] : p;
                    loss[k] -= use;
                    p -= use;
                }
                for (int k = 5; k >= 2; k--)   /* age the losses; the 5-year-old one expires */
                    loss[k] = loss[k - 1];
                loss[1] = profit - dep_y < 0 ? dep_y - profit : 0.0;
                tax = itr * (p > 0 ? p : 0.0);
                profit = dep_y = 0.0;
            }
        }
        r->income_tax[m] = tax;
        r->cf[m] = r->net[m] - r->capex[m] + r->subsidy[m] - tax;
        r->cf_equity[m] = r->cf[m] + r->draws[m] - r->debt_service[m];
        double flow = r->surplus[m] - r->capex[m] + r->subsidy[m] + r->grants[m] + r->draws[m] -
                      r->debt_service[m] - tax + fi;
        fund += flow;
        r->fund[m] = fund;
        df *= z;
        r->dcf[m] = r->cf[m] * df;
    }
}

void rs_results_finish(const rs_scenario *s, rs_results *r)
{
    finish(s, r, s->stab_year > 0 ? s->stab_year : r->years);
}

static void finish(const rs_scenario *s, rs_results *r, int sy)
{
    const int M = r->months, Y = r->years;
    const size_t Mz = (size_t)M;

    memset(r->grants, 0, Mz * sizeof(double));
    for (int i = 0; i < s->ngrant; i++) {
        int m = (int)s->grant[i].v[GR_MONTH];
        if (m >= 1 && m <= M)
            r->grants[m - 1] += s->grant[i].v[GR_AMOUNT];
    }
    double *loan_arrays[] = {r->draws, r->interest, r->principal, r->debt_balance};
    for (int i = 0; i < 4; i++)
        memset(loan_arrays[i], 0, Mz * sizeof(double));
    for (int i = 0; i < s->nloan; i++)
        rs_loan_add(&s->loan[i], M, r->draws, r->interest, r->principal, r->debt_balance);
    fund_path(s, r);

    const double *src[] = {r->revenue, r->net, r->capex, r->fee, r->cost, r->gap, r->surplus,
                           r->tax, r->subsidy, r->income_tax, r->fund_interest, r->draws,
                           r->interest, r->principal, r->debt_service, r->cf, r->cf_equity};
    double *dst[] = {r->y_revenue, r->y_net, r->y_capex, r->y_fee, r->y_cost, r->y_deficit,
                     r->y_surplus, r->y_tax, r->y_subsidy, r->y_income_tax, r->y_fund_interest,
                     r->y_draws, r->y_interest, r->y_principal, r->y_debt_service, r->y_cf,
                     r->y_cf_equity};
    for (size_t i = 0; i < sizeof src / sizeof src[0]; i++)
        sum_years(src[i], Y, dst[i]);
    for (int y = 0; y < Y; y++) {
        r->y_coverage[y] = rs_coverage(r->y_net[y], r->y_deficit[y]);
        r->y_dscr[y] = rs_series_ratio(SR_DSCR, r->y_net[y], r->y_debt_service[y]);
        r->y_fund_end[y] = r->fund[12 * y + 11];
        r->y_debt_balance[y] = r->debt_balance[12 * y + 11];
    }
    for (int c = 0; c < r->ncom; c++) {
        sum_years(r->com_revenue + c * Mz, Y, r->y_com_revenue + (size_t)c * Y);
        sum_years(r->com_net + c * Mz, Y, r->y_com_net + (size_t)c * Y);
        sum_years(r->com_fee + c * Mz, Y, r->y_com_fee + (size_t)c * Y);
        sum_years(r->com_cost + c * Mz, Y, r->y_com_cost + (size_t)c * Y);
    }
    compute_metrics(s, r, sy);
    sy = (int)r->metric[MT_STAB_YEAR];
    for (int l = 0; l < (r->lean ? 0 : r->nlev); l++) {
        double *lm = r->lev_metric + (size_t)l * LM_N;
        lm[LM_NET_STAB] = r->y_lev[((size_t)l * LY_N + LY_NET) * Y + sy - 1];
        lm[LM_COVERAGE_SHARE] = rs_coverage(lm[LM_NET_STAB], r->y_deficit[sy - 1]);
    }
}
