/* cmptable.c: the comparison table of report.html: the headline metrics
 * (base case, P10-P90 below) for every scenario, the baseline's column in
 * every part of a table split for many scenarios, then the gains over the
 * baseline, the fund's and coverage's among them. */
#include <math.h>
#include <stdio.h>
#include "page.h"

#define COLS_PER_TABLE 4       /* scenario columns of one table, the baseline's included */

/* The rows in groups, in order (fund_min_month follows fund_min); `when`
 * rows only when some scenario has them. A group is never split across
 * pages; the table may break between groups (its header repeats). */
enum { ALWAYS, WHEN_DEBT, WHEN_TAX, WHEN_RESERVE, GROUP };
static const struct {
    int metric, when;
    const char *en, *zh;       /* GROUP: its heading */
} table_rows[] = {
    {0, GROUP, "Income and coverage", "收入与覆盖"},
    {MT_REVENUE_YEAR1, ALWAYS, 0, 0}, {MT_REVENUE_STAB, ALWAYS, 0, 0}, {MT_NET_STAB, ALWAYS, 0, 0},
    {MT_DEFICIT_BEFORE, ALWAYS, 0, 0}, {MT_DEFICIT_YEAR1, ALWAYS, 0, 0},
    {MT_COVERAGE_YEAR1, ALWAYS, 0, 0}, {MT_COVERAGE_STAB, ALWAYS, 0, 0},
    {MT_P_COVERED_STAB, ALWAYS, 0, 0}, {MT_COVERAGE_LAST, ALWAYS, 0, 0},
    {MT_FIRST_COVERED, ALWAYS, 0, 0}, {MT_YEARS_COVERED, ALWAYS, 0, 0},
    {MT_STAB_YEAR, ALWAYS, 0, 0},
    {0, GROUP, "Investment and return", "投资与回报"},
    {MT_CAPEX_TOTAL, ALWAYS, 0, 0}, {MT_SUBSIDY_TOTAL, WHEN_TAX, 0, 0},
    {MT_TAX_TOTAL, WHEN_TAX, 0, 0}, {MT_INCOME_TAX_TOTAL, WHEN_TAX, 0, 0}, {MT_NPV, ALWAYS, 0, 0},
    {MT_IRR, ALWAYS, 0, 0}, {MT_PAYBACK, ALWAYS, 0, 0}, {MT_DPAYBACK, ALWAYS, 0, 0},
    {MT_DEBT_SERVICE_TOTAL, WHEN_DEBT, 0, 0}, {MT_DSCR_MIN, WHEN_DEBT, 0, 0},
    {MT_P_DSCR_ABOVE_1, WHEN_DEBT, 0, 0}, {MT_DEBT_END, WHEN_DEBT, 0, 0},
    {MT_NPV_EQUITY, WHEN_DEBT, 0, 0},
    {0, GROUP, "The community fund", "社区基金"},
    {MT_FUND_MIN, ALWAYS, 0, 0}, {MT_FUND_MIN_MONTH, ALWAYS, 0, 0}, {MT_FUND_END, ALWAYS, 0, 0},
    {MT_P_FUND_NONNEG, ALWAYS, 0, 0}, {MT_MONTHS_BELOW_RESERVE, WHEN_RESERVE, 0, 0},
};
#define NROWS ((int)(sizeof table_rows / sizeof table_rows[0]))

/* The gains shown: rs_gain_metrics, then the fund's and coverage's. */
static const int gain_rows[] = {MT_REVENUE_YEAR1, MT_REVENUE_STAB, MT_NET_STAB, MT_NPV,
                                MT_FUND_END, MT_COVERAGE_STAB};
#define NGAINS ((int)(sizeof gain_rows / sizeof gain_rows[0]))

static int row_shown(const rp_page *p, int when)
{
    const rs_compare *c = p->c;
    if (when == ALWAYS || when == GROUP)
        return 1;
    for (int i = 0; i < c->n; i++) {
        const rs_cmp_item *it = &c->items[i];
        const double *m = it->r->metric;
        if ((when == WHEN_DEBT && it->s.nloan > 0) ||
            (when == WHEN_TAX && (m[MT_TAX_TOTAL] != 0 || m[MT_SUBSIDY_TOTAL] != 0 ||
                                  m[MT_INCOME_TAX_TOTAL] != 0)) ||
            (when == WHEN_RESERVE && it->s.fund.v[FD_RESERVE] != 0))
            return 1;
    }
    return 0;
}

static int is_prob(int k)
{
    return rs_metrics[k].unit == RS_U_PROB;
}

static void metric_cell(rp_page *p, const rs_cmp_item *it, int k)
{
    char v[RP_NUM], a[RP_NUM], z[RP_NUM];
    rs_textbuf *b = p->b;
    if (is_prob(k)) {
        if (it->mc)
            rp_metric_text(p, k, it->mc->metric[k][MC_MEAN], v, sizeof v);
        else if (isnan(it->r->metric[k]))
            rp_metric_text(p, k, NAN, v, sizeof v);
        else
            snprintf(v, sizeof v, "%s", it->r->metric[k] >= 1 ? TR(p, "yes (base case)", "是（基准情形）")
                                                              : TR(p, "no (base case)", "否（基准情形）"));
        rp_hf(b, "<td class=\"num\"><span class=\"v\">%e</span></td>", v);
        return;
    }
    rp_metric_text(p, k, it->r->metric[k], v, sizeof v);
    /* no programme at all (no capex, no commercial cash flow): nothing to pay back */
    if ((k == MT_PAYBACK || k == MT_DPAYBACK || k == MT_IRR) && isnan(it->r->metric[k]) &&
        it->r->metric[MT_CAPEX_TOTAL] == 0 && it->s.nlev == 0)
        snprintf(v, sizeof v, "%s", TR(p, "n/a (no investment)", "不适用（无投资）"));
    rp_hf(b, "<td class=\"num\"><span class=\"v\">%e</span>", v);
    if (it->mc && k != MT_STAB_YEAR && k != MT_FUND_MIN_MONTH) {
        double lo = it->mc->metric[k][MC_P10], hi = it->mc->metric[k][MC_P90];
        if (!(isnan(lo) && isnan(hi)))
            rp_hf(b, "<span class=\"r\"><span class=\"v\">%e</span> %s<wbr> <span class=\"v\">%e</span></span>",
                  rp_metric_text(p, k, lo, a, sizeof a), RP_DASH, rp_metric_text(p, k, hi, z, sizeof z));
    }
    rp_raw(b, "</td>");
}

static void gain_cell(rp_page *p, int i, int k)
{
    char v[RP_NUM];
    const rs_compare *c = p->c;
    if (i == c->baseline) {
        rp_hf(p->b, "<td class=\"num\">%s</td>", RP_EMDASH);
        return;
    }
    double d = rs_compare_gain(c, i, k);
    if (rs_metrics[k].unit == RS_U_RATIO)
        rp_points(p, d, v, sizeof v);
    else
        rp_money_signed(p, d, v, sizeof v);
    rp_hf(p->b, "<td class=\"num\"><span class=\"v\">%e</span></td>", v);
}

/* One table of the scenarios cols[0..ncols). */
static void one_table(rp_page *p, const int *cols, int ncols, int part)
{
    const rs_compare *c = p->c;
    rs_textbuf *b = p->b;
    char lab[256];
    rp_raw(b, "<table class=\"cmp\">\n<thead><tr><th>");
    rp_raw(b, part > 0 ? TR(p, "Metric (continued)", "指标（续）") : TR(p, "Metric", "指标"));
    rp_raw(b, "</th>");
    for (int j = 0; j < ncols; j++)
        rp_hf(b, "<th class=\"num\">%e%s</th>", rp_scen_name(&c->items[cols[j]]),
              cols[j] == c->baseline ? TR(p, " (baseline)", "（基准）") : "");
    rp_raw(b, "</tr></thead>\n");
    for (int r = 0; r < NROWS; r++) {
        int k = table_rows[r].metric;
        if (!row_shown(p, table_rows[r].when))
            continue;
        if (table_rows[r].when == GROUP) {
            rp_hf(b, "%s<tbody>\n<tr class=\"group\"><th colspan=\"%d\">%s</th></tr>\n",
                  r > 0 ? "</tbody>\n" : "", ncols + 1, TR(p, table_rows[r].en, table_rows[r].zh));
            continue;
        }
        rp_hf(b, "<tr><th>%e</th>", rp_metric_label(p, k, lab, sizeof lab));
        for (int j = 0; j < ncols; j++)
            metric_cell(p, &c->items[cols[j]], k);
        rp_raw(b, "</tr>\n");
    }
    rp_hf(b, "</tbody>\n<tbody>\n<tr class=\"group\"><th colspan=\"%d\">%s</th></tr>\n", ncols + 1,
          TR(p, "Gain over the baseline (base case)", "相对基准情景的增量（基准情形）"));
    for (int g = 0; g < NGAINS; g++) {
        int k = gain_rows[g];
        if (rs_metrics[k].unit == RS_U_RATIO)
            snprintf(lab, sizeof lab, TR(p, "%s (percentage points)", "%s（百分点）"),
                     rp_metric_name(p, k));
        else if (k == MT_FUND_END)
            snprintf(lab, sizeof lab, TR(p, "Fund at the end: public money saved (%s)",
                                         "期末基金：节省的公共资金（%s）"), p->unit);
        else
            rp_metric_label(p, k, lab, sizeof lab);
        rp_hf(b, "<tr><th>%e</th>", lab);
        for (int j = 0; j < ncols; j++)
            gain_cell(p, cols[j], k);
        rp_raw(b, "</tr>\n");
    }
    rp_raw(b, "</tbody>\n</table>\n");
}

/* The heading and how to read the table, inside the first table's block
 * (so they stay on its page). */
static void heading(rp_page *p)
{
    const rs_compare *c = p->c;
    rp_hf(p->b, "<h2 id=\"table\">%s</h2>\n", TR(p, "Comparison table", "比较表"));
    rp_hf(p->b, "<p class=\"small intro\">%s%s</p>\n",
          c->runs > 0
              ? TR(p, "Each cell gives the base case (every parameter at its value) and, below it in "
                      "grey, the range P10" RP_DASH "P90 that 80% of the Monte Carlo runs fall in. "
                      "Probabilities are shares of runs. Gains are the scenario's base case minus "
                      "the baseline's.",
                   "每格上行为基准情形（各参数取设定值），下方灰色为蒙特卡洛模拟的P10" RP_DASH "P90区间（80%"
                   "的模拟结果落在其中）。概率为模拟次数占比。增量为该情景基准情形减去基准情景。")
              : TR(p, "Each cell gives the base case (every parameter at its value). Gains are the "
                      "scenario's base case minus the baseline's.",
                   "每格为基准情形（各参数取设定值）。增量为该情景减去基准情景。"),
          TR(p, " The fund carries the management deficit, so a fund that ends higher than the "
                "baseline's is public money the plan saves.",
             "基金承担物业亏损，期末基金高于基准情景的部分即方案节省的公共资金。"));
}

void rp_comparison_table(rp_page *p)
{
    const rs_compare *c = p->c;
    rp_raw(p->b, "<section class=\"table\">\n");
    /* the baseline, then up to COLS_PER_TABLE - 1 others a table, spread
     * evenly; each table on one page */
    int others = c->n - 1, per = COLS_PER_TABLE - 1;
    int tables = others > 0 ? (others + per - 1) / per : 1;
    int each = others > 0 ? (others + tables - 1) / tables : 0;
    int cols[COLS_PER_TABLE], next = 0;
    for (int t = 0; t < tables; t++) {
        int n = 0;
        cols[n++] = c->baseline;
        for (; next < c->n && n < each + 1; next++)
            if (next != c->baseline)
                cols[n++] = next;
        rp_raw(p->b, "<div class=\"keep\">\n");
        if (t == 0)
            heading(p);
        one_table(p, cols, n, t);
        rp_raw(p->b, "</div>\n");
    }
    rp_raw(p->b, "</section>\n");
}
