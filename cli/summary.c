/* summary.c: the terminal summary of a run (summary.h). */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "../base/fmt.h"
#include "../base/utf8.h"
#include "cli.h"
#include "summary.h"

const char *rs_fmt_human(double v, char *buf, size_t n)
{
    return rs_fmt_short(v == 0 ? 0.0 : v, RS_FMT_NA, buf, n);
}

/* Human form of value v of metric d with its unit; an empty value (NaN, or
 * +infinity for a "never" metric in Monte Carlo) in d's own words ("never",
 * "no deficit", "n/a"). */
static void human(const rs_scenario *s, const rs_metric_def *d, double v, char *buf, size_t n)
{
    char num[64], cur[64];
    if (!isfinite(v)) {
        snprintf(buf, n, "%s", d->empty_en ? d->empty_en : "n/a");
        return;
    }
    switch (d->unit) {
    case RS_U_MONEY:
        snprintf(buf, n, "%s %s", rs_fmt_group(v, 0, 0, num, sizeof num),
                 rs_utf8_clean(s->scen.text[SC_CURRENCY], cur, sizeof cur));
        break;
    case RS_U_RATIO:
    case RS_U_RATE:
        snprintf(buf, n, "%.1f %%", 100.0 * v);
        break;
    case RS_U_PROB:
        snprintf(buf, n, "%s", v >= 1.0 ? "yes" : "no");
        break;
    case RS_U_YEARS:
        snprintf(buf, n, "%.1f years", v);
        break;
    case RS_U_TIMES:
        snprintf(buf, n, "%.2f x", v);
        break;
    case RS_U_COUNT:
        snprintf(buf, n, "%g", v);
        break;
    default:
        snprintf(buf, n, "%s %g", rs_unit_name(d->unit), v);
    }
}

/* Whether metric k is worth a line: the financing, subsidy and tax lines
 * only when the scenario has them. */
static int shown(const rs_scenario *s, const rs_results *r, const rs_mc_results *mc, int k)
{
    if (rs_metrics[k].flags & RS_MF_NOSUMMARY)
        return 0;
    switch (k) {
    case MT_DEBT_SERVICE_TOTAL: case MT_DSCR_MIN: case MT_P_DSCR_ABOVE_1: case MT_DEBT_END:
    case MT_NPV_EQUITY:
        return s->nloan > 0;
    case MT_TAX_TOTAL: case MT_SUBSIDY_TOTAL: case MT_INCOME_TAX_TOTAL:
        return r->metric[k] != 0 || (mc && mc->metric[k][MC_MEAN] != 0);
    case MT_MONTHS_BELOW_RESERVE:
        return s->fund.v[FD_RESERVE] != 0;
    default:
        return 1;
    }
}

void rs_print_summary(FILE *fp, const rs_scenario *s, const rs_results *r,
                      const rs_mc_results *mc, const char *path)
{
    char name[512], shown_path[1024], c[3][48], pad[160];
    fprintf(fp, "%s  (%s; %s, %s, %s)\n",
            rs_utf8_clean(s->scen.text[SC_NAME], name, sizeof name),
            rs_utf8_clean(path, shown_path, sizeof shown_path),
            rs_count(r->years, "year", "years", c[0], sizeof c[0]),
            rs_count(r->nlev, "lever", "levers", c[1], sizeof c[1]),
            rs_count(r->ncom, "community", "communities", c[2], sizeof c[2]));
    if (mc)
        fprintf(fp, "  %-36s %-18s %-18s %-18s %s\n", "", "base case", "P10", "P50", "P90");
    for (int k = 0; k < MT_N; k++) {
        char val[96];
        if (!shown(s, r, mc, k))
            continue;
        human(s, &rs_metrics[k], r->metric[k], val, sizeof val);
        if (k == MT_FUND_MIN && !isnan(r->metric[k]) && !mc) {
            size_t used = strlen(val);
            snprintf(val + used, sizeof val - used, "  (month %d)",
                     (int)r->metric[MT_FUND_MIN_MONTH]);
        }
        if (!mc) {
            fprintf(fp, "  %-36s %s\n", rs_metrics[k].label_en, val);
            continue;
        }
        fprintf(fp, "  %-36s %s", rs_metrics[k].label_en, rs_utf8_pad(val, 18, pad, sizeof pad));
        if (rs_metrics[k].unit == RS_U_PROB) {
            fprintf(fp, " probability %.1f %%\n", 100.0 * mc->metric[k][MC_MEAN]);
            continue;
        }
        for (int q = MC_P10; q <= MC_P90; q++) {
            human(s, &rs_metrics[k], mc->metric[k][q], val, sizeof val);
            fprintf(fp, " %s", q < MC_P90 ? rs_utf8_pad(val, 18, pad, sizeof pad) : val);
        }
        fprintf(fp, "\n");
    }
    if (mc)
        fprintf(fp, "  (P10/P50/P90 over %s)\n",
                rs_count(mc->runs, "Monte Carlo run", "Monte Carlo runs", c[0], sizeof c[0]));
    for (int i = 0; i < s->nloan; i++) {
        const double *v = s->loan[i].v;
        char amt[64], nm[128], rep[32], grace[48] = "", cur[64];
        rs_choice_name(s->loan[i].sec->params[LN_REPAY].choices, (int)v[LN_REPAY], rep,
                       sizeof rep);
        if (v[LN_GRACE] > 0)
            snprintf(grace, sizeof grace, ", %g months interest only", v[LN_GRACE]);
        fprintf(fp, "  loan %s: %s %s drawn in month %g at %.2f %% over %g years (%s%s)\n",
                rs_utf8_clean(s->loan[i].name, nm, sizeof nm),
                rs_fmt_group(v[LN_AMOUNT], 0, 0, amt, sizeof amt),
                rs_utf8_clean(s->scen.text[SC_CURRENCY], cur, sizeof cur), v[LN_MONTH],
                100 * v[LN_RATE], v[LN_TERM], rep, grace);
    }
}


typedef struct {
    const rs_results *r;
    int l;
} ranked;

static int cmp_ranked(const void *pa, const void *pb)
{
    const ranked *a = pa, *b = pb;
    double x = a->r->lev_metric[(size_t)a->l * LM_N + LM_NPV];
    double y = b->r->lev_metric[(size_t)b->l * LM_N + LM_NPV];
    if (x != y && !isnan(x) && !isnan(y))
        return x < y ? 1 : -1;
    return a->l - b->l;
}

/* The tables below run after the output set is committed, where an
 * allocation that fails would drop a table silently: they keep their first
 * TOP_MAX rows, in order, on the stack. */
#define TOP_MAX 64

/* Insert x (size bytes) into the sorted rows a[0..have) keeping at most
 * max of them in cmp's order; returns the new count. */
static int top_insert(void *a, int have, int max, const void *x, size_t size,
                      int (*cmp)(const void *, const void *))
{
    unsigned char *rows = a;
    int at = have;
    while (at > 0 && cmp(x, rows + (size_t)(at - 1) * size) < 0)
        at--;
    if (at >= max)
        return have;
    if (have < max)
        have++;
    memmove(rows + (size_t)(at + 1) * size, rows + (size_t)at * size,
            (size_t)(have - 1 - at) * size);
    memcpy(rows + (size_t)at * size, x, size);
    return have;
}

void rs_print_levers(FILE *fp, const rs_scenario *s, const rs_results *r, int max)
{
    if (r->nlev == 0)
        return;
    /* the first n by NPV (top_insert) */
    ranked rk[TOP_MAX];
    if (max > TOP_MAX)
        max = TOP_MAX;
    int have = 0;
    for (int l = 0; l < r->nlev; l++) {
        ranked x = {r, l};
        have = top_insert(rk, have, max, &x, sizeof x, cmp_ranked);
    }
    char name[160], kind[32];
    fprintf(fp, "\n  %s %s %16s %16s %16s %9s %10s\n", rs_utf8_pad("Lever", 24, name, sizeof name),
            rs_utf8_pad("kind", 8, kind, sizeof kind), "capex", "net inc. stab.", "NPV",
            "payback", "covers");
    const int n = r->nlev < max ? r->nlev : max;
    for (int i = 0; i < n; i++) {
        const int l = rk[i].l;
        const double *m = r->lev_metric + (size_t)l * LM_N;
        char c[48], ni[48], npv[48], pb[32], cov[32];
        rs_fmt_group(m[LM_CAPEX_TOTAL], 0, 0, c, sizeof c);
        rs_fmt_group(m[LM_NET_STAB], 0, 0, ni, sizeof ni);
        rs_fmt_group(m[LM_NPV], 0, 0, npv, sizeof npv);
        if (!isfinite(m[LM_PAYBACK]))
            snprintf(pb, sizeof pb, "%s", rs_lever_metrics[LM_PAYBACK].empty_en);
        else
            snprintf(pb, sizeof pb, "%.1f y", m[LM_PAYBACK]);
        if (!isfinite(m[LM_COVERAGE_SHARE]))
            snprintf(cov, sizeof cov, "%s", rs_lever_metrics[LM_COVERAGE_SHARE].empty_en);
        else
            snprintf(cov, sizeof cov, "%.1f %%", 100 * m[LM_COVERAGE_SHARE]);
        fprintf(fp, "  %s %s %16s %16s %16s %9s %10s\n",
                rs_utf8_pad(s->lev[l].name, 24, name, sizeof name),
                rs_utf8_pad(s->lev[l].sec->name, 8, kind, sizeof kind), c, ni, npv, pb, cov);
    }
    if (r->nlev > n) {
        char more[48];
        fprintf(fp, "  (%s more in lever_summary.csv)\n",
                rs_count(r->nlev - n, "lever", "levers", more, sizeof more));
    }
}

typedef struct {
    double shortfall;
    int c;
} short_row;

static int by_shortfall(const void *pa, const void *pb)
{
    const short_row *a = pa, *b = pb;
    if (a->shortfall != b->shortfall)
        return a->shortfall < b->shortfall ? 1 : -1;
    return a->c - b->c;
}

void rs_print_communities(FILE *fp, const rs_scenario *s, const rs_results *r, int max)
{
    if (r->ncom < 2)
        return;
    const int Y = r->years, sy = (int)r->metric[MT_STAB_YEAR];
    short_row rows[TOP_MAX];   /* the largest shortfalls (top_insert) */
    if (max > TOP_MAX)
        max = TOP_MAX;
    int n = 0, have = 0;
    for (int c = 0; c < r->ncom; c++) {
        const size_t at = (size_t)c * Y + sy - 1;
        const double deficit = r->y_com_cost[at] - r->y_com_fee[at], net = r->y_com_net[at];
        if (deficit > 0 && net < deficit) {
            short_row x = {deficit - net, c};
            have = top_insert(rows, have, max, &x, sizeof x, by_shortfall);
            n++;
        }
    }
    char name[160], a[48], b[48], d[48], cov[32];
    if (n == 0) {
        fprintf(fp, "\n  every community's deficit is covered in the stabilized year (year %d)\n", sy);
        return;
    }
    fprintf(fp, "\n  %d of %d communit%s still in deficit in the stabilized year (year %d):\n", n,
            r->ncom, r->ncom == 1 ? "y" : "ies", sy);
    fprintf(fp, "  %s %16s %16s %16s %9s\n", rs_utf8_pad("Community", 24, name, sizeof name),
            "deficit", "net income", "shortfall", "covers");
    for (int i = 0; i < have; i++) {
        const int c = rows[i].c;
        const size_t at = (size_t)c * Y + sy - 1;
        const double deficit = r->y_com_cost[at] - r->y_com_fee[at];
        snprintf(cov, sizeof cov, "%.1f %%", 100 * rs_coverage(r->y_com_net[at], deficit));
        fprintf(fp, "  %s %16s %16s %16s %9s\n", rs_utf8_pad(s->com[c].name, 24, name, sizeof name),
                rs_fmt_group(deficit, 0, 0, a, sizeof a), rs_fmt_group(r->y_com_net[at], 0, 0, b, sizeof b),
                rs_fmt_group(rows[i].shortfall, 0, 0, d, sizeof d), cov);
    }
    if (n > max)
        fprintf(fp, "  (%d more in communities.csv)\n", n - max);
}
