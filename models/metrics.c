/* metrics.c: the metric table (summary.csv rows, terminal, charts,
 * workbook and report all read it), the lever metric and lever series
 * tables, and the series table of annual.csv and monthly.csv. */
#include <math.h>
#include <stddef.h>
#include <string.h>
#include <strings.h>
#include "model.h"

#define NONE NULL, NULL
const rs_metric_def rs_metrics[MT_N] = {
    [MT_REVENUE_YEAR1] = {"revenue_year1", RS_U_MONEY, 0, "Revenue, year 1", "第1年收入", NONE},
    [MT_REVENUE_STAB] = {"revenue_stabilized", RS_U_MONEY, 0, "Revenue, stabilized year",
                         "稳定年收入", NONE},
    [MT_NET_STAB] = {"net_income_stabilized", RS_U_MONEY, 0, "Net income, stabilized year",
                     "稳定年净收益", NONE},
    [MT_DEFICIT_BEFORE] = {"deficit_before", RS_U_MONEY, 0, "Management deficit before",
                           "改造前物业亏损", NONE},
    [MT_DEFICIT_YEAR1] = {"deficit_year1", RS_U_MONEY, 0, "Management deficit, year 1",
                          "第1年物业亏损", NONE},
    [MT_COVERAGE_YEAR1] = {"coverage_year1", RS_U_RATIO, 0, "Coverage, year 1", "第1年覆盖率",
                           "no deficit", "无亏损"},
    [MT_COVERAGE_STAB] = {"coverage_stabilized", RS_U_RATIO, 0, "Coverage, stabilized year",
                          "稳定年覆盖率", "no deficit", "无亏损"},
    [MT_COVERAGE_LAST] = {"coverage_last_year", RS_U_RATIO, 0, "Coverage, last year",
                          "末年覆盖率", "no deficit", "无亏损"},
    [MT_FIRST_COVERED] = {"first_covered_year", RS_U_YEAR, RS_MF_NEVER, "First covered year",
                          "首个覆盖年份", "never", "从未覆盖"},
    [MT_YEARS_COVERED] = {"years_covered", RS_U_COUNT, 0, "Years with the deficit covered",
                          "亏损获覆盖年数", NONE},
    [MT_STAB_YEAR] = {"stabilized_year", RS_U_YEAR, 0, "Stabilized year", "稳定年",
                      NONE},
    [MT_CAPEX_TOTAL] = {"capex_total", RS_U_MONEY, 0, "Investment (capex) total", "总投资",
                        NONE},
    [MT_NPV] = {"npv", RS_U_MONEY, 0, "Net present value", "净现值", NONE},
    [MT_IRR] = {"irr", RS_U_RATE, 0, "Internal rate of return", "内部收益率", "n/a", "无"},
    [MT_PAYBACK] = {"payback_years", RS_U_YEARS, RS_MF_NEVER, "Payback", "投资回收期", "never",
                    "期内未回收"},
    [MT_DPAYBACK] = {"discounted_payback_years", RS_U_YEARS, RS_MF_NEVER, "Discounted payback",
                     "动态回收期", "never", "期内未回收"},
    [MT_FUND_MIN] = {"fund_min", RS_U_MONEY, 0, "Fund minimum", "基金最低余额", NONE},
    [MT_FUND_MIN_MONTH] = {"fund_min_month", RS_U_MONTH, RS_MF_NOSUMMARY,
                           "Month of fund minimum", "基金最低余额月份", NONE},
    [MT_FUND_END] = {"fund_end", RS_U_MONEY, 0, "Fund at the end", "期末基金余额", NONE},
    [MT_P_COVERED_STAB] = {"p_covered_stabilized", RS_U_PROB, 0,
                           "Deficit covered in stabilized year", "稳定年覆盖亏损概率", NONE},
    [MT_P_FUND_NONNEG] = {"p_fund_never_negative", RS_U_PROB, 0, "Fund never negative",
                          "基金始终非负概率", NONE},
    [MT_TAX_TOTAL] = {"tax_total", RS_U_MONEY, 0, "Turnover taxes total", "流转税合计", NONE},
    [MT_SUBSIDY_TOTAL] = {"subsidy_total", RS_U_MONEY, 0, "Subsidies total", "补贴合计", NONE},
    [MT_INCOME_TAX_TOTAL] = {"income_tax_total", RS_U_MONEY, 0, "Income tax total",
                             "所得税合计", NONE},
    [MT_DEBT_SERVICE_TOTAL] = {"debt_service_total", RS_U_MONEY, 0, "Debt service total",
                               "还本付息合计", NONE},
    [MT_DSCR_MIN] = {"dscr_min", RS_U_TIMES, 0, "Debt-service cover, lowest year",
                     "最低偿债覆盖率", "no debt", "无债务"},
    [MT_P_DSCR_ABOVE_1] = {"p_dscr_above_1", RS_U_PROB, 0, "Debt service covered every year",
                           "偿债覆盖率始终不低于1的概率", NONE},
    [MT_DEBT_END] = {"debt_end", RS_U_MONEY, 0, "Debt owed at the end", "期末负债", NONE},
    [MT_NPV_EQUITY] = {"npv_equity", RS_U_MONEY, 0, "Net present value after financing",
                       "融资后净现值", NONE},
    [MT_MONTHS_BELOW_RESERVE] = {"months_below_reserve", RS_U_COUNT, 0,
                                 "Months below the fund reserve", "基金低于储备的月数", NONE},
};

const rs_metric_def rs_lever_metrics[LM_N] = {
    [LM_CAPEX_TOTAL] = {"capex_total", RS_U_MONEY, 0, "Investment", "投资", NONE},
    [LM_SUBSIDY_TOTAL] = {"subsidy_total", RS_U_MONEY, 0, "Subsidies", "补贴", NONE},
    [LM_NET_STAB] = {"net_income_stabilized", RS_U_MONEY, 0, "Net income, stabilized year",
                     "稳定年净收益", NONE},
    [LM_NPV] = {"npv", RS_U_MONEY, 0, "Net present value", "净现值", NONE},
    [LM_IRR] = {"irr", RS_U_RATE, 0, "Internal rate of return", "内部收益率", "n/a", "无"},
    [LM_PAYBACK] = {"payback_years", RS_U_YEARS, RS_MF_NEVER, "Payback", "投资回收期", "never",
                    "期内未回收"},
    [LM_COVERAGE_SHARE] = {"coverage_share", RS_U_RATIO, 0, "Share of the deficit covered",
                           "覆盖亏损份额", "no deficit", "无亏损"},
};

const rs_metric_def rs_lever_series[LY_N] = {
    [LY_REVENUE] = {"revenue", RS_U_MONEY, 0, "Revenue", "收入", NONE},
    [LY_TAX] = {"tax", RS_U_MONEY, 0, "Turnover taxes", "流转税", NONE},
    [LY_COSTS] = {"costs", RS_U_MONEY, 0, "Costs (opex, master rent, energy)", "成本", NONE},
    [LY_NET] = {"net_income", RS_U_MONEY, 0, "Net income", "净收益", NONE},
    [LY_CAPEX] = {"capex", RS_U_MONEY, 0, "Investment", "投资", NONE},
    [LY_SUBSIDY] = {"subsidy", RS_U_MONEY, 0, "Subsidies", "补贴", NONE},
    [LY_CF] = {"cf", RS_U_MONEY, 0, "Cash flow", "现金流", NONE},
};
#undef NONE

const char *rs_unit_name(rs_unit u)
{
    static const char *const names[] = {
        [RS_U_MONEY] = "CNY", [RS_U_RATIO] = "ratio", [RS_U_RATE] = "1/year",
        [RS_U_PROB] = "probability", [RS_U_YEAR] = "year", [RS_U_YEARS] = "years",
        [RS_U_MONTH] = "month", [RS_U_COUNT] = "count", [RS_U_TIMES] = "times",
    };
    return (unsigned)u < sizeof names / sizeof names[0] ? names[u] : "";
}

int rs_metric_find(const char *name)
{
    for (int i = 0; i < MT_N; i++)
        if (strcasecmp(rs_metrics[i].name, name) == 0)
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

#define F(f) offsetof(rs_results, f)
#define FLOW(k, n, u, en, zh, m, y) [k] = {n, u, en, zh, F(m), F(y), RS_SK_FLOW, 0, 0, 0}
#define STOCK(k, n, u, en, zh, m, y) [k] = {n, u, en, zh, F(m), F(y), RS_SK_STOCK, 0, 0, 0}
const rs_series_def rs_series[SR_N] = {
    FLOW(SR_REVENUE, "revenue", RS_U_MONEY, "Revenue", "收入", revenue, y_revenue),
    FLOW(SR_NET, "net_income", RS_U_MONEY, "Net income", "净收益", net, y_net),
    FLOW(SR_CAPEX, "capex", RS_U_MONEY, "Investment", "投资", capex, y_capex),
    FLOW(SR_FEE, "fee_income", RS_U_MONEY, "Fee income", "物业费收入", fee, y_fee),
    FLOW(SR_COST, "mgmt_cost", RS_U_MONEY, "Management cost", "物业成本", cost, y_cost),
    FLOW(SR_DEFICIT, "deficit", RS_U_MONEY, "Management deficit", "物业亏损", gap, y_deficit),
    [SR_COVERAGE] = {"coverage", RS_U_RATIO, "Coverage", "覆盖率", 0, F(y_coverage),
                     RS_SK_RATIO, SR_NET, SR_DEFICIT, 1},
    FLOW(SR_SURPLUS, "surplus", RS_U_MONEY, "Surplus", "盈余", surplus, y_surplus),
    STOCK(SR_FUND_END, "fund_end", RS_U_MONEY, "Fund balance", "基金余额", fund, y_fund_end),
    FLOW(SR_TAX, "tax", RS_U_MONEY, "Turnover taxes", "流转税", tax, y_tax),
    FLOW(SR_SUBSIDY, "subsidy", RS_U_MONEY, "Subsidies", "补贴", subsidy, y_subsidy),
    FLOW(SR_INCOME_TAX, "income_tax", RS_U_MONEY, "Income tax", "所得税", income_tax,
         y_income_tax),
    FLOW(SR_FUND_INTEREST, "fund_interest", RS_U_MONEY, "Fund interest", "基金利息",
         fund_interest, y_fund_interest),
    FLOW(SR_DRAWS, "draws", RS_U_MONEY, "Loans drawn", "借款到账", draws, y_draws),
    FLOW(SR_INTEREST, "interest", RS_U_MONEY, "Interest paid", "利息支出", interest, y_interest),
    FLOW(SR_PRINCIPAL, "principal", RS_U_MONEY, "Principal repaid", "本金偿还", principal,
         y_principal),
    FLOW(SR_DEBT_SERVICE, "debt_service", RS_U_MONEY, "Debt service", "还本付息", debt_service,
         y_debt_service),
    STOCK(SR_DEBT_BALANCE, "debt_balance", RS_U_MONEY, "Debt balance", "负债余额", debt_balance,
          y_debt_balance),
    [SR_DSCR] = {"dscr", RS_U_TIMES, "Debt-service cover", "偿债覆盖率", 0, F(y_dscr),
                 RS_SK_RATIO, SR_NET, SR_DEBT_SERVICE, 0},
    FLOW(SR_CF, "cf", RS_U_MONEY, "Cash flow before financing", "融资前现金流", cf, y_cf),
    FLOW(SR_CF_EQUITY, "cf_equity", RS_U_MONEY, "Cash flow after financing", "融资后现金流",
         cf_equity, y_cf_equity),
};
#undef FLOW
#undef STOCK
#undef F

static const double *field(const rs_results *r, size_t off)
{
    const double *p;
    memcpy(&p, (const char *)r + off, sizeof p);
    return p;
}

const double *rs_series_months(const rs_results *r, int k)
{
    return rs_series[k].kind == RS_SK_RATIO ? NULL : field(r, rs_series[k].monthly);
}

const double *rs_series_years(const rs_results *r, int k)
{
    return field(r, rs_series[k].yearly);
}

double rs_series_ratio(int k, double num, double den)
{
    (void)k;
    return den > 0 ? num / den : NAN;
}

double rs_series_month(const rs_results *r, int k, int m)
{
    const rs_series_def *d = &rs_series[k];
    if (d->kind == RS_SK_RATIO)
        return d->monthly_ratio ? rs_series_ratio(k, rs_series_months(r, d->num)[m - 1],
                                                  rs_series_months(r, d->den)[m - 1])
                                : NAN;
    return field(r, d->monthly)[m - 1];
}

double rs_series_year(const rs_results *r, int k, int y)
{
    return field(r, rs_series[k].yearly)[y - 1];
}
