/* risks.c: the risks of every scenario in plain words (probabilities on
 * the IPCC's scale) and what drives them: the parameters that move
 * coverage, the fund and NPV most in the one-at-a-time sweeps, each with
 * its range as written and the result at its low and high value. */
#include <math.h>
#include <stdio.h>
#include "page.h"
#include "../base/fmt.h"

#define DRIVER_ROWS 3          /* parameters a metric's drivers list */

/* The driver metrics of item it, in order: coverage, the fund and NPV,
 * and the tornado's metric when it is not charted; *n of them. */
static int driver_metrics(const rp_page *p, const rs_cmp_item *it, int *out)
{
    const int want[] = {MT_COVERAGE_STAB, MT_FUND_END, MT_NPV, p->ro.tornado_metric};
    const int charted = p->charts && rp_top_swings(rs_compare_sweep(it, p->ro.tornado_metric), 1) > 0;
    int n = 0;
    for (int k = 0; k < 4; k++) {
        int dup = charted && want[k] == p->ro.tornado_metric;
        for (int j = 0; j < n; j++)
            dup |= out[j] == want[k];
        if (!dup)
            out[n++] = want[k];
    }
    return n;
}

static void probabilities(rp_page *p, const rs_cmp_item *it)
{
    rs_textbuf *b = p->b;
    const double *m = it->r->metric;
    char a[RP_NUM], z[RP_NUM], w[RP_NUM], q[RP_NUM], num[RP_NUM], mon[32];
    int stab = (int)m[MT_STAB_YEAR];
    rp_raw(b, "<ul>\n<li>");
    if (it->mc) {
        double pr = it->mc->metric[MT_P_COVERED_STAB][MC_MEAN];
        rp_count((double)it->mc->runs, num, sizeof num);
        rp_pct(pr, a, sizeof a);
        if (p->zh)
            rp_hf(b, "在%e次蒙特卡洛模拟中，有<b>%e</b>的模拟在稳定年（第%d年）以商业净收益覆盖了物业亏损，"
                     "%e。", num, a, stab, rp_likely(p, pr));
        else
            rp_hf(b, "Commercial net income covers the management deficit of the stabilized year "
                     "(year %d) in <b>%e</b> of %e Monte Carlo runs: %e. ", stab, a, num,
                  rp_likely(p, pr));
    } else {
        rp_raw(b, TR(p, "Monte Carlo did not run, so there are no probabilities. ",
                     "未进行蒙特卡洛模拟，因此没有概率。"));
    }
    if (isnan(m[MT_COVERAGE_STAB]))
        rp_raw(b, TR(p, "In the base case there is no deficit to cover in the stabilized year.",
                     "基准情形下稳定年没有亏损需要覆盖。"));
    else
        rp_hf(b, TR(p, "In the base case coverage is %e, so the deficit is %s.",
                    "基准情形下覆盖率为%e，%s覆盖亏损。"),
              rp_pct(m[MT_COVERAGE_STAB], a, sizeof a),
              m[MT_COVERAGE_STAB] >= 1 ? TR(p, "covered", "能够") : TR(p, "not covered", "不能"));
    rp_raw(b, "</li>\n<li>");
    if (it->mc) {
        double pr = it->mc->metric[MT_P_FUND_NONNEG][MC_MEAN];
        rp_hf(b, TR(p, "The community fund never goes below zero in <b>%e</b> of runs: %e. ",
                    "社区基金在<b>%e</b>的模拟中始终不为负，%e。"),
              rp_pct(pr, a, sizeof a), rp_likely(p, pr));
    }
    int mm = (int)m[MT_FUND_MIN_MONTH];
    char cal[16];
    rs_fmt_calendar(it->s.scen.text[SC_START], mm, cal, sizeof cal);
    mon[0] = '\0';
    if (cal[0])
        snprintf(mon, sizeof mon, TR(p, " (%s)", "（%s）"), cal);
    rp_hf(b, TR(p, "In the base case its lowest balance is %e, in month %d%e.",
                "基准情形下基金最低余额为%e，出现在第%d月%e。"),
          rp_money_u(p, m[MT_FUND_MIN], a, sizeof a), mm, mon);
    rp_raw(b, "</li>\n");
    if (it->mc && it->mc->npv && it->mc->runs > 0 && it->s.nlev > 0) {
        const double neg = it->mc->p_npv_negative;   /* over every run */
        rp_hf(b, TR(p, "<li>The net present value is below zero in <b>%e</b> of runs "
                       "(P10 %e, P50 %e, P90 %e).</li>\n",
                    "<li>净现值为负的概率为<b>%e</b>（P10 %e，P50 %e，P90 %e）。</li>\n"),
              rp_pct(isnan(neg) ? 0 : neg, a, sizeof a),
              rp_money_u(p, it->mc->metric[MT_NPV][MC_P10], z, sizeof z),
              rp_money_u(p, it->mc->metric[MT_NPV][MC_P50], w, sizeof w),
              rp_money_u(p, it->mc->metric[MT_NPV][MC_P90], q, sizeof q));
    }
    if (it->mc && it->s.nloan > 0)
        rp_hf(b, TR(p, "<li>Commercial net income covers the debt service of every year in "
                       "<b>%e</b> of runs.</li>\n",
                    "<li>商业净收益在<b>%e</b>的模拟中每年均可覆盖还本付息。</li>\n"),
              rp_pct(it->mc->metric[MT_P_DSCR_ABOVE_1][MC_MEAN], a, sizeof a));
    rp_raw(b, "</ul>\n");
}

/* A metric value for the drivers table: money with its unit. */
static const char *driver_value(const rp_page *p, int k, double v, char *buf, size_t n)
{
    if (rs_metrics[k].unit == RS_U_MONEY && !isnan(v))
        return rp_money_u(p, v, buf, n);
    return rp_metric_text(p, k, v, buf, n);
}

static void drivers(rp_page *p, const rs_cmp_item *it)
{
    rs_textbuf *b = p->b;
    char lab[RP_LABEL], rng[RP_LABEL], lo[RP_NUM], hi[RP_NUM], base[RP_NUM];
    int metrics[4], nm = driver_metrics(p, it, metrics);
    if (it->s.nranges == 0) {
        rp_hf(b, "<p class=\"small\">%s</p>\n",
              TR(p, "No parameter has a low" RP_DASH "high range, so no sensitivity was computed.",
                 "没有参数设定低值和高值，因此未做敏感性分析。"));
        return;
    }
    rp_hf(b, "<table class=\"drivers\">\n<thead><tr><th>%s</th><th>%s</th><th class=\"num\">%s</th>"
             "<th class=\"num\">%s</th></tr></thead>\n<tbody>\n",
          TR(p, "What moves it most", "主要影响因素"), TR(p, "Range (low" RP_DASH "high)", "区间（低" RP_DASH "高）"),
          TR(p, "At the low value", "取低值时"), TR(p, "At the high value", "取高值时"));
    for (int j = 0; j < nm; j++) {
        const rs_cmp_sweep *sw = rs_compare_sweep(it, metrics[j]);
        if (!sw)
            continue;
        int top = rp_top_swings(sw, DRIVER_ROWS);
        rp_hf(b, TR(p, "<tr class=\"group\"><th colspan=\"4\">%e (base case %e)%s</th></tr>\n",
                    "<tr class=\"group\"><th colspan=\"4\">%e（基准情形%e）%s</th></tr>\n"),
              rp_metric_name(p, metrics[j]), driver_value(p, metrics[j], sw->base, base, sizeof base),
              top == 0 ? TR(p, ": no parameter with a range moves it", "：不受任何设定区间的参数影响")
                       : "");
        for (int r = 0; r < top; r++) {
            const rs_sweep_row *row = &sw->rows[r];
            const rs_range *g = &it->s.ranges[row->range];
            rp_hf(b, "<tr><td>%e</td><td>%e</td><td class=\"num\">%e</td><td class=\"num\">%e</td></tr>\n",
                  rp_range_label(p, g, 0, lab, sizeof lab), rp_range_text(p, it, g, rng, sizeof rng),
                  driver_value(p, metrics[j], row->metric_low, lo, sizeof lo),
                  driver_value(p, metrics[j], row->metric_high, hi, sizeof hi));
        }
    }
    rp_raw(b, "</tbody>\n</table>\n");
}

int rp_risks(rp_page *p)
{
    const rs_compare *c = p->c;
    rs_textbuf *b = p->b;
    rp_raw(b, "<section class=\"risks\">\n");
    rp_heading_keep(p, "risks", TR(p, "Risks and what drives them", "风险及其影响因素"));
    rp_hf(b, "<p class=\"small intro\">%s</p>\n",
          TR(p, "Probabilities are shares of the Monte Carlo runs, in words on the IPCC's scale. "
                "The drivers come from moving each parameter with a range alone to its low and its "
                "high value, the others at their values; the three that move each result most are "
                "listed, and those of the tornado's metric are charted in each scenario's section.",
             "概率为蒙特卡洛模拟次数占比，文字描述采用IPCC的可能性等级。影响因素为每次单独将一个设定区间的参数调到低值和高值"
             "（其余参数取设定值）所得；列出对各结果影响最大的三项，龙卷风图指标的影响因素见各情景一节的图。"));
    int rc = RS_OK;
    if (p->charts && rs_cmp_chart_wanted(RS_CMP_NPV, &p->in, 0)) {
        rp_keep_open(p);
        rc = rp_npv_chart(p);
        rp_keep_close(p);
    }
    for (int i = 0; i < c->n && !rc; i++) {
        const rs_cmp_item *it = &c->items[i];
        rp_keep_open(p);
        rp_hf(b, "<div class=\"risk\">\n<h3>%e</h3>\n", rp_scen_name(it));
        probabilities(p, it);
        drivers(p, it);
        rp_raw(b, "</div>\n");
        rp_keep_close(p);
    }
    rp_keep_flush(p);
    rp_raw(b, "</section>\n");
    return rc;
}
