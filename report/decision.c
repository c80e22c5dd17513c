/* decision.c: page 1 of report.html: who proposes what and why, then the
 * decision summary (决策摘要): the key figures of every scenario, each
 * scenario at a glance (gain, coverage and its probability, investment,
 * payback, NPV and next to it the fund's path) and the top risks. */
#include <math.h>
#include <stdio.h>
#include <string.h>
#include "page.h"
#include "../base/fmt.h"

/* " (2026-03)" for month m of item it, or "" without a start month. */
static const char *month_note(const rp_page *p, const rs_cmp_item *it, int m, char *buf, size_t n)
{
    char cal[16];
    rs_fmt_calendar(it->s.scen.text[SC_START], m, cal, sizeof cal);
    if (cal[0])
        snprintf(buf, n, TR(p, " (%s)", "（%s）"), cal);
    else
        buf[0] = '\0';
    return buf;
}

static void cover(rp_page *p)
{
    const rs_compare *c = p->c;
    rs_textbuf *b = p->b;
    char num[RP_NUM];
    rp_hf(b, "<header class=\"cover\">\n<p class=\"kicker\">%s</p>\n<h1>%s</h1>\n",
          TR(p, "revsim · proposal pack", "revsim · 方案资料包"),
          TR(p, "Comparison of revitalisation scenarios", "存量资产盘活方案比较"));
    rp_raw(b, "<dl class=\"meta\">\n");
    if (p->ro.organisation && *p->ro.organisation)
        rp_hf(b, "<div><dt>%s</dt><dd>%e</dd></div>\n", TR(p, "Organisation", "编制单位"),
              p->ro.organisation);
    if (p->ro.author && *p->ro.author)
        rp_hf(b, "<div><dt>%s</dt><dd>%e</dd></div>\n", TR(p, "Author", "编制人"), p->ro.author);
    rp_hf(b, "<div><dt>%s</dt><dd>%e</dd></div>\n", TR(p, "Date", "日期"), p->date);
    if (c->runs > 0)
        rp_hf(b, TR(p, "<div><dt>Monte Carlo</dt><dd>%e runs, seed %ld, for every scenario</dd></div>\n",
                    "<div><dt>蒙特卡洛模拟</dt><dd>各情景均%e次，随机种子%ld</dd></div>\n"),
              rp_count((double)c->runs, num, sizeof num), (long)c->seed);
    else
        rp_hf(b, "<div><dt>%s</dt><dd>%s</dd></div>\n", TR(p, "Monte Carlo", "蒙特卡洛模拟"),
              TR(p, "not run (0 runs): base case only, no ranges or probabilities",
                 "未运行（0次）：仅基准情形，无区间和概率"));
    rp_hf(b, "<div><dt>%s</dt><dd>%e%s</dd></div>\n", TR(p, "Amounts", "金额单位"), p->unit,
          TR(p, "", "（1万元 = 10,000元）"));
    rp_raw(b, "</dl>\n");
    if (p->ro.purpose && *p->ro.purpose)
        rp_hf(b, "<p class=\"purpose\"><b>%s</b>%e</p>\n", TR(p, "Purpose: ", "目的："), p->ro.purpose);
    rp_raw(b, "</header>\n");
}

/* The key figures: a row a scenario. */
static void key_figures(rp_page *p)
{
    const rs_compare *c = p->c;
    rs_textbuf *b = p->b;
    char v[RP_NUM], w[RP_NUM + 64], z[RP_NUM];
    rp_hf(b, "<table class=\"keyfig%s\">\n<thead><tr><th>%s</th><th class=\"num\">%s</th>"
             "<th class=\"num\">%s</th><th class=\"num\">%s</th><th class=\"num\">%s</th>"
             "<th class=\"num\">%s</th><th class=\"num\">%s</th><th class=\"num\">%s</th>",
          p->borrows ? " wide" : "", TR(p, "Scenario", "情景"),
          TR(p, "Investment", "总投资"), TR(p, "Revenue, stabilized year", "稳定年收入"),
          TR(p, "Coverage, stabilized year", "稳定年覆盖率"), TR(p, "Fund, lowest", "基金最低余额"),
          TR(p, "Fund at the end", "期末基金余额"), TR(p, "Net present value", "净现值"),
          TR(p, "Payback", "投资回收期"));
    if (p->borrows)
        rp_hf(b, "<th class=\"num\">%s</th>", TR(p, "Debt cover, lowest year", "最低偿债覆盖率"));
    rp_hf(b, "</tr></thead>\n<tbody>\n");
    for (int i = 0; i < c->n; i++) {
        const rs_cmp_item *it = &c->items[i];
        const double *m = it->r->metric;
        int base = i == c->baseline;
        rp_hf(b, "<tr%s><th>%e%s</th>", base ? " class=\"base\"" : "", rp_scen_name(it),
              base ? TR(p, "<span class=\"r\">baseline</span>", "<span class=\"r\">基准情景</span>")
                   : "");
        rp_hf(b, "<td class=\"num\">%e</td>", rp_money(p, m[MT_CAPEX_TOTAL], v, sizeof v));
        rp_hf(b, "<td class=\"num\">%e", rp_money(p, m[MT_REVENUE_STAB], v, sizeof v));
        if (!base)
            rp_hf(b, "<span class=\"r\">%e</span>",
                  rp_money_signed(p, rs_compare_gain(c, i, MT_REVENUE_STAB), v, sizeof v));
        rp_hf(b, "</td><td class=\"num\">%e", rp_metric_text(p, MT_COVERAGE_STAB, m[MT_COVERAGE_STAB],
                                                              v, sizeof v));
        if (it->mc) {
            rp_pct(it->mc->metric[MT_P_COVERED_STAB][MC_MEAN], z, sizeof z);
            snprintf(w, sizeof w, TR(p, "%s of runs", "%s的模拟"), z);
            rp_hf(b, "<span class=\"r\">%e</span>", w);
        }
        rp_hf(b, "</td><td class=\"num\">%e", rp_money(p, m[MT_FUND_MIN], v, sizeof v));
        char cal[16];
        rs_fmt_calendar(it->s.scen.text[SC_START], (int)m[MT_FUND_MIN_MONTH], cal, sizeof cal);
        if (cal[0])
            rp_hf(b, "<span class=\"r\">%e</span>", cal);
        else
            rp_hf(b, TR(p, "<span class=\"r\">month %d</span>", "<span class=\"r\">第%d月</span>"),
                  (int)m[MT_FUND_MIN_MONTH]);
        rp_hf(b, "</td><td class=\"num\">%e", rp_money(p, m[MT_FUND_END], v, sizeof v));
        if (!base) {
            rp_hf(b, "<span class=\"r\">%e</span>",
                  rp_money_signed(p, rs_compare_gain(c, i, MT_FUND_END), z, sizeof z));
        }
        rp_hf(b, "</td><td class=\"num\">%e</td>", rp_money(p, m[MT_NPV], v, sizeof v));
        if (isnan(m[MT_PAYBACK]) && m[MT_CAPEX_TOTAL] == 0 && it->s.nlev == 0) {
            snprintf(v, sizeof v, "%s", TR(p, "no investment", "无投资"));
        } else {
            rp_metric_text(p, MT_PAYBACK, m[MT_PAYBACK], z, sizeof z);
            snprintf(w, sizeof w, "%s%s", z, isnan(m[MT_PAYBACK]) ? "" : TR(p, " years", "年"));
            snprintf(v, sizeof v, "%.*s", (int)sizeof v - 1, w);
        }
        rp_hf(b, "<td class=\"num\">%e</td>", v);
        if (p->borrows)
            rp_hf(b, "<td class=\"num\">%e</td>",
                  rp_metric_text(p, MT_DSCR_MIN, m[MT_DSCR_MIN], v, sizeof v));
        rp_raw(b, "</tr>\n");
    }
    rp_hf(b, "</tbody>\n</table>\n<p class=\"small\">%s%e%s</p>\n",
          c->runs > 0
              ? TR(p, "Base case (every parameter at its value); in small print the gains over the "
                      "baseline, the month of the fund's lowest balance and the share of Monte "
                      "Carlo runs in which the deficit of the stabilized year is covered. Amounts in ",
                   "基准情形（各参数取设定值）；小字为相对基准情景的增量、基金最低余额的月份及稳定年亏损获覆盖的模拟占比。金额单位：")
              : TR(p, "Base case (every parameter at its value); in small print the gains over the "
                      "baseline. Amounts in ",
                   "基准情形（各参数取设定值）；小字为相对基准情景的增量。金额单位："),
          p->unit, TR(p, ".", "。"));
}

/* The fund's path: "0 → −12,741,411 CNY at the end" or "0 → lowest
 * −5,967 CNY (2025-03) → 1,234 CNY at the end". */
static void fund_course(rp_page *p, const rs_cmp_item *it)
{
    const double *m = it->r->metric;
    char a[RP_NUM], z[RP_NUM], e[RP_NUM], mon[32];
    double start = it->s.fund.v[FD_INITIAL];
    int mm = (int)m[MT_FUND_MIN_MONTH];
    rp_money(p, start, a, sizeof a);
    rp_money_u(p, m[MT_FUND_MIN], z, sizeof z);
    rp_money_u(p, m[MT_FUND_END], e, sizeof e);
    month_note(p, it, mm, mon, sizeof mon);
    if (m[MT_FUND_MIN] >= start || mm >= it->r->months)
        rp_hf(p->b, TR(p, "%e " RP_ARROW " %e at the end", "%e " RP_ARROW " 期末%e"), a, e);
    else
        rp_hf(p->b, TR(p, "%e " RP_ARROW " lowest %e%e " RP_ARROW " %e at the end",
                       "%e " RP_ARROW " 最低%e%e " RP_ARROW " 期末%e"),
              a, z, mon, e);
}

/* Coverage of year y as "70.2% in year 3". */
static void coverage_in(rp_page *p, const rs_results *r, int y)
{
    char v[RP_NUM];
    double cov = r->y_coverage[y - 1];
    if (isnan(cov))
        rp_hf(p->b, TR(p, "no deficit in year %d", "第%d年无亏损"), y);
    else if (p->zh)
        rp_hf(p->b, "第%d年%e", y, rp_pct(cov, v, sizeof v));
    else
        rp_hf(p->b, "%e in year %d", rp_pct(cov, v, sizeof v), y);
}

static void at_a_glance(rp_page *p)
{
    const rs_compare *c = p->c;
    rs_textbuf *b = p->b;
    char v[RP_NUM], pc[RP_NUM];
    rp_hf(b, "<h3 id=\"glance\">%s</h3>\n<p class=\"small\">%s</p>\n<ul class=\"glance\">\n",
          TR(p, "At a glance", "要点"),
          TR(p, "NPV is the programme's own cash flow (net income less investment); the fund also "
                "carries the management deficit. A positive NPV and a falling fund are no "
                "contradiction: the income repays the investment but not the whole deficit.",
             "净现值是项目自身的现金流（净收益减投资）；基金还承担物业亏损。净现值为正而基金下降并不矛盾："
             "项目收益足以收回投资，但不足以覆盖全部亏损。"));
    for (int i = 0; i < c->n; i++) {
        const rs_cmp_item *it = &c->items[i];
        const rs_results *r = it->r;
        const double *m = r->metric;
        int stab = (int)m[MT_STAB_YEAR], last = r->years;
        rp_hf(b, "<li><b>%e</b>%s", rp_scen_name(it), TR(p, ": ", "："));
        if (i == c->baseline) {
            rp_money_u(p, r->y_deficit[stab - 1], v, sizeof v);
            if (p->zh)
                rp_hf(b, "基准情景；第%d年物业亏损%e", stab, v);
            else
                rp_hf(b, "the baseline; management deficit %e in year %d", v, stab);
        } else {
            rp_money_signed(p, rs_compare_gain(c, i, MT_REVENUE_STAB), v, sizeof v);
            if (p->zh)
                rp_hf(b, "稳定年（第%d年）收入比基准情景%e%e", stab, v, p->unit);
            else
                rp_hf(b, "revenue %e %e a year over the baseline (year %d)", v, p->unit, stab);
        }
        rp_raw(b, TR(p, "; covers ", "；覆盖亏损："));
        coverage_in(p, r, stab);
        if (it->mc) {
            double q = it->mc->metric[MT_P_COVERED_STAB][MC_MEAN];
            rp_hf(b, TR(p, " (%e of runs: %e)", "（%e的模拟可覆盖，%e）"), rp_pct(q, pc, sizeof pc),
                  rp_likely(p, q));
        }
        if (last != stab) {
            rp_raw(b, TR(p, ", ", "，"));
            coverage_in(p, r, last);
        }
        rp_raw(b, TR(p, ". ", "。"));
        if (m[MT_CAPEX_TOTAL] > 0 || it->s.nlev > 0) {
            rp_hf(b, TR(p, "Invests %e", "投资%e"), rp_money_u(p, m[MT_CAPEX_TOTAL], v, sizeof v));
            if (!isnan(m[MT_PAYBACK]))
                rp_hf(b, TR(p, ", paid back in %e years", "，%e年回收"),
                      rp_metric_text(p, MT_PAYBACK, m[MT_PAYBACK], pc, sizeof pc));
            else
                rp_raw(b, TR(p, ", not paid back within the horizon", "，规划期内未回收"));
            rp_hf(b, TR(p, "; NPV %e. ", "；净现值%e。"), rp_money_u(p, m[MT_NPV], v, sizeof v));
        }
        rp_raw(b, TR(p, "Fund: ", "基金："));
        fund_course(p, it);
        if (i != c->baseline) {
            double gain = rs_compare_gain(c, i, MT_FUND_END);
            rp_money_u(p, fabs(gain), v, sizeof v);
            if (p->zh)
                rp_hf(b, "，比基准情景%s%e%s", gain >= 0 ? "多" : "少", v,
                      gain > 0 ? "，即节省的公共资金" : "");
            else
                rp_hf(b, ", %e %s the baseline%s", v, gain >= 0 ? "above" : "below",
                      gain > 0 ? " (public money saved)" : "");
        }
        rp_raw(b, TR(p, ".</li>\n", "。</li>\n"));
    }
    rp_raw(b, "</ul>\n");
}

/* The driver of metric k that moves it most in item it, as a cell. */
static void driver_cell(rp_page *p, const rs_cmp_item *it, int k)
{
    char lo[RP_NUM], hi[RP_NUM], lab[RP_LABEL], rng[RP_LABEL];
    const rs_cmp_sweep *sw = rs_compare_sweep(it, k);
    if (rp_top_swings(sw, 1) < 1) {
        rp_hf(p->b, "<td class=\"small\">%s</td>", it->s.nranges == 0 ? TR(p, "no ranges", "无区间")
                                                                     : TR(p, "none", "无"));
        return;
    }
    const rs_range *g = &it->s.ranges[sw->rows[0].range];
    rp_metric_text(p, k, sw->rows[0].metric_low, lo, sizeof lo);
    rp_metric_text(p, k, sw->rows[0].metric_high, hi, sizeof hi);
    rp_hf(p->b, "<td><i>%e</i><span class=\"r\">%e " RP_ARROW " %e " RP_DASH " %e</span></td>",
          rp_range_label(p, g, 0, lab, sizeof lab), rp_range_text(p, it, g, rng, sizeof rng), lo, hi);
}

/* A probability cell: the share of runs, or a dash without Monte Carlo. */
static void share_cell(rp_page *p, const rs_cmp_item *it, double q)
{
    char v[RP_NUM];
    if (!it->mc)
        rp_hf(p->b, "<td class=\"num\">%s</td>", RP_EMDASH);
    else
        rp_hf(p->b, "<td class=\"num\">%e<span class=\"r\">%e</span></td>", rp_pct(q, v, sizeof v),
              rp_likely(p, q));
}

/* The top risks: a row a scenario. */
static void top_risks(rp_page *p)
{
    const rs_compare *c = p->c;
    rs_textbuf *b = p->b;
    rp_hf(b, "<h3 id=\"toprisks\">%s</h3>\n<table class=\"risktab\">\n<thead><tr><th>%s</th>"
             "<th class=\"num\">%s</th><th class=\"num\">%s</th><th class=\"num\">%s</th>"
             "<th>%s</th><th>%s</th></tr></thead>\n<tbody>\n",
          TR(p, "Top risks", "主要风险"), TR(p, "Scenario", "情景"),
          TR(p, "Deficit not covered", "不能覆盖亏损"), TR(p, "Fund below zero", "基金出现负值"),
          TR(p, "NPV below zero", "净现值为负"), TR(p, "Coverage moves most with", "对覆盖率影响最大"),
          TR(p, "The fund moves most with", "对期末基金影响最大"));
    for (int i = 0; i < c->n; i++) {
        const rs_cmp_item *it = &c->items[i];
        rp_hf(b, "<tr><th>%e</th>", rp_scen_name(it));
        double unc = it->mc ? 1 - it->mc->metric[MT_P_COVERED_STAB][MC_MEAN] : NAN;
        double neg = it->mc ? 1 - it->mc->metric[MT_P_FUND_NONNEG][MC_MEAN] : NAN;
        share_cell(p, it, unc);
        share_cell(p, it, neg);
        if (it->mc && it->mc->npv && it->s.nlev > 0) {
            const double below = it->mc->p_npv_negative;   /* over every run */
            share_cell(p, it, isnan(below) ? 0 : below);
        } else {
            rp_hf(b, "<td class=\"num\">%s</td>", RP_EMDASH);
        }
        driver_cell(p, it, MT_COVERAGE_STAB);
        driver_cell(p, it, MT_FUND_END);
        rp_raw(b, "</tr>\n");
    }
    rp_hf(b, "</tbody>\n</table>\n<p class=\"small\">%s</p>\n",
          c->runs > 0
              ? TR(p, "Shares of the Monte Carlo runs, in words on the IPCC's scale; the drivers "
                      "from moving each parameter alone to its low and high value (the range and "
                      "the result at both ends below it); \u201cRisks and what drives them\u201d lists more.",
                   "概率为蒙特卡洛模拟次数占比（文字采用IPCC可能性等级）；影响因素为单独将各参数调到低值和高值所得"
                   "（其下为区间及两端的结果）；详见\u201c风险及其影响因素\u201d一节。")
              : TR(p, "Monte Carlo did not run: no probabilities. The drivers come from moving each "
                      "parameter alone to its low and high value.",
                   "未进行蒙特卡洛模拟，因此没有概率。影响因素为单独将各参数调到低值和高值所得。"));
}

void rp_decision_summary(rp_page *p)
{
    cover(p);
    rp_hf(p->b, "<section class=\"decision\">\n<h2 id=\"decision\">%s</h2>\n",
          TR(p, "Decision summary", "决策摘要"));
    key_figures(p);
    at_a_glance(p);
    top_risks(p);
    rp_raw(p->b, "</section>\n");
}
