/* results.c: writing the result files of a run (results.h). Every column
 * comes from rs_series, rs_metrics, rs_lever_series or rs_lever_metrics. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "../base/fmt.h"
#include "results.h"

const char *rs_metric_unit(const rs_scenario *s, int k)
{
    return rs_metrics[k].unit == RS_U_MONEY ? s->scen.text[SC_CURRENCY]
                                            : rs_unit_name(rs_metrics[k].unit);
}

static void header(rs_csv *c, const char *const *names, int n)
{
    for (int k = 0; k < n; k++)
        rs_csv_text(c, names[k]);
}

static void series_header(rs_csv *c, const rs_scenario *s)
{
    char buf[RS_NAME_MAX + 16];
    for (int k = 0; k < SR_N; k++)
        rs_csv_text(c, rs_series[k].name);
    for (int l = 0; l < s->nlev; l++) {
        snprintf(buf, sizeof buf, "revenue:%s", s->lev[l].name);
        rs_csv_text(c, buf);
    }
    rs_csv_endrow(c);
}

static int write_annual(rs_outset *o, const rs_scenario *s, const rs_results *r,
                        rs_error *err)
{
    rs_csv c;
    int rc = rs_outset_csv(o, "annual.csv", &c, err);
    if (rc)
        return rc;
    rs_csv_text(&c, "year");
    series_header(&c, s);
    for (int y = 1; y <= r->years; y++) {
        rs_csv_int(&c, y);
        for (int k = 0; k < SR_N; k++)
            rs_csv_num(&c, rs_series_year(r, k, y));
        for (int l = 0; l < r->nlev; l++)
            rs_csv_num(&c, r->y_lev_revenue[(size_t)l * r->years + y - 1]);
        rs_csv_endrow(&c);
    }
    return rs_csv_close(&c, o, err);
}

static int write_monthly(rs_outset *o, const rs_scenario *s, const rs_results *r,
                         rs_error *err)
{
    rs_csv c;
    int rc = rs_outset_csv(o, "monthly.csv", &c, err);
    if (rc)
        return rc;
    rs_csv_text(&c, "month");
    rs_csv_text(&c, "year");
    series_header(&c, s);
    for (int m = 1; m <= r->months; m++) {
        rs_csv_int(&c, m);
        rs_csv_int(&c, (m - 1) / 12 + 1);
        for (int k = 0; k < SR_N; k++)
            rs_csv_num(&c, rs_series_month(r, k, m));
        for (int l = 0; l < r->nlev; l++)
            rs_csv_num(&c, r->lev_gross[(size_t)l * r->months + m - 1]);
        rs_csv_endrow(&c);
    }
    return rs_csv_close(&c, o, err);
}

void rs_calendar_span(int y0, int m0, int months, int first, int *cy, int *last)
{
    *cy = y0 + (m0 - 1 + first - 1) / 12;
    *last = first;
    while (*last < months && y0 + (m0 - 1 + *last) / 12 == *cy)
        (*last)++;
}

void rs_period_totals(const rs_results *r, int first, int last, double *total, double *lev)
{
    for (int k = 0; k < SR_N; k++) {
        const double *v = rs_series_months(r, k);
        total[k] = 0.0;
        if (!v)
            continue;
        if (rs_series[k].kind == RS_SK_STOCK) {
            total[k] = v[last - 1];
        } else {
            for (int m = first; m <= last; m++)
                total[k] += v[m - 1];
        }
    }
    for (int k = 0; k < SR_N; k++)
        if (rs_series[k].kind == RS_SK_RATIO)
            total[k] = rs_series_ratio(k, total[rs_series[k].num], total[rs_series[k].den]);
    for (int l = 0; lev && l < r->nlev; l++) {
        double acc = 0.0;
        for (int m = first; m <= last; m++)
            acc += r->lev_gross[(size_t)l * r->months + m - 1];
        lev[l] = acc;
    }
}

/* calendar.csv: the columns of annual.csv summed over calendar years
 * (flows), at the last simulated month of each (stocks), or recomputed
 * from the sums (ratios). */
static int write_calendar(rs_outset *o, const rs_scenario *s, const rs_results *r,
                          rs_error *err)
{
    int y0, m0;
    if (rs_fmt_parse_month(s->scen.text[SC_START], &y0, &m0) != 0)
        return RS_OK;
    rs_csv c;
    int rc = rs_outset_csv(o, "calendar.csv", &c, err);
    if (rc)
        return rc;
    rs_csv_text(&c, "calendar_year");
    rs_csv_text(&c, "months");
    series_header(&c, s);
    double *lev = malloc(((size_t)r->nlev + 1) * sizeof *lev);
    if (!lev) {
        rs_csv_close(&c, o, err);
        return rs_error_set(err, RS_ESOFTWARE, "out of memory");
    }
    for (int first = 1, cy, last; first <= r->months; first = last + 1) {
        double total[SR_N];
        rs_calendar_span(y0, m0, r->months, first, &cy, &last);
        rs_period_totals(r, first, last, total, lev);
        rs_csv_int(&c, cy);
        rs_csv_int(&c, last - first + 1);
        for (int k = 0; k < SR_N; k++)
            rs_csv_num(&c, total[k]);
        for (int l = 0; l < r->nlev; l++)
            rs_csv_num(&c, lev[l]);
        rs_csv_endrow(&c);
    }
    free(lev);
    return rs_csv_close(&c, o, err);
}

static int write_communities(rs_outset *o, const rs_scenario *s, const rs_results *r,
                             rs_error *err)
{
    static const char *const head[] = {"community", "year", "revenue", "net_income",
                                       "deficit", "coverage", "fee_income", "mgmt_cost"};
    rs_csv c;
    int rc = rs_outset_csv(o, "communities.csv", &c, err);
    if (rc)
        return rc;
    header(&c, head, (int)(sizeof head / sizeof head[0]));
    rs_csv_endrow(&c);
    for (int i = 0; i < r->ncom; i++)
        for (int y = 1; y <= r->years; y++) {
            size_t at = (size_t)i * r->years + y - 1;
            double deficit = r->y_com_cost[at] - r->y_com_fee[at];
            rs_csv_text(&c, s->com[i].name);
            rs_csv_int(&c, y);
            rs_csv_num(&c, r->y_com_revenue[at]);
            rs_csv_num(&c, r->y_com_net[at]);
            rs_csv_num(&c, deficit);
            rs_csv_num(&c, rs_coverage(r->y_com_net[at], deficit));
            rs_csv_num(&c, r->y_com_fee[at]);
            rs_csv_num(&c, r->y_com_cost[at]);
            rs_csv_endrow(&c);
        }
    return rs_csv_close(&c, o, err);
}

/* lever, kind, community: the first columns of levers.csv and lever_summary.csv */
static void lever_cells(rs_csv *c, const rs_scenario *s, int l)
{
    rs_csv_text(c, s->lev[l].name);
    rs_csv_text(c, s->lev[l].sec->name);
    rs_csv_text(c, s->com[s->lev[l].community].name);
}

static int write_levers(rs_outset *o, const rs_scenario *s, const rs_results *r, rs_error *err)
{
    rs_csv c;
    int rc = rs_outset_csv(o, "levers.csv", &c, err);
    if (rc)
        return rc;
    static const char *const head[] = {"lever", "kind", "community", "year"};
    header(&c, head, 4);
    for (int k = 0; k < LY_N; k++)
        rs_csv_text(&c, rs_lever_series[k].name);
    rs_csv_endrow(&c);
    const int Y = r->years;
    for (int l = 0; l < r->nlev; l++)
        for (int y = 1; y <= Y; y++) {
            lever_cells(&c, s, l);
            rs_csv_int(&c, y);
            for (int k = 0; k < LY_N; k++)
                rs_csv_num(&c, r->y_lev[((size_t)l * LY_N + k) * Y + y - 1]);
            rs_csv_endrow(&c);
        }
    return rs_csv_close(&c, o, err);
}

static int write_lever_summary(rs_outset *o, const rs_scenario *s, const rs_results *r,
                               rs_error *err)
{
    rs_csv c;
    int rc = rs_outset_csv(o, "lever_summary.csv", &c, err);
    if (rc)
        return rc;
    static const char *const head[] = {"lever", "kind", "community"};
    header(&c, head, 3);
    for (int k = 0; k < LM_N; k++)
        rs_csv_text(&c, rs_lever_metrics[k].name);
    rs_csv_endrow(&c);
    for (int l = 0; l < r->nlev; l++) {
        lever_cells(&c, s, l);
        for (int k = 0; k < LM_N; k++)
            rs_csv_num(&c, r->lev_metric[(size_t)l * LM_N + k]);
        rs_csv_endrow(&c);
    }
    return rs_csv_close(&c, o, err);
}

static int write_summary(rs_outset *o, const rs_scenario *s, const rs_results *r,
                         const rs_mc_results *mc, rs_error *err)
{
    static const char *const head[] = {"metric", "unit", "base", "mean", "p10", "p50", "p90"};
    rs_csv c;
    int rc = rs_outset_csv(o, "summary.csv", &c, err);
    if (rc)
        return rc;
    header(&c, head, (int)(sizeof head / sizeof head[0]));
    rs_csv_endrow(&c);
    for (int k = 0; k < MT_N; k++) {
        rs_csv_text(&c, rs_metrics[k].name);
        rs_csv_text(&c, rs_metric_unit(s, k));
        rs_csv_num(&c, r->metric[k]);
        for (int q = 0; q < MC_NSTAT; q++)
            rs_csv_num(&c, mc ? mc->metric[k][q] : NAN);
        rs_csv_endrow(&c);
    }
    return rs_csv_close(&c, o, err);
}

/* mc_annual.csv: per year, mean/p10/p50/p90 of each Monte Carlo series and
 * the probability that the year counts as covered. */
static int write_mc_annual(rs_outset *o, const rs_mc_results *mc, rs_error *err)
{
    static const char *const series[MC_Y_N] = {"revenue", "net_income", "coverage", "fund_end"};
    static const char *const stats[MC_NSTAT] = {"mean", "p10", "p50", "p90"};
    rs_csv c;
    char name[64];
    int rc = rs_outset_csv(o, "mc_annual.csv", &c, err);
    if (rc)
        return rc;
    rs_csv_text(&c, "year");
    for (int k = 0; k < MC_Y_N; k++)
        for (int q = 0; q < MC_NSTAT; q++) {
            snprintf(name, sizeof name, "%s_%s", series[k], stats[q]);
            rs_csv_text(&c, name);
        }
    rs_csv_text(&c, "p_covered");
    rs_csv_endrow(&c);
    for (int y = 1; y <= mc->years; y++) {
        rs_csv_int(&c, y);
        for (int k = 0; k < MC_Y_N; k++)
            for (int q = 0; q < MC_NSTAT; q++)
                rs_csv_num(&c, rs_mc_yearly(mc, k, y, q));
        rs_csv_num(&c, mc->p_covered[y - 1]);
        rs_csv_endrow(&c);
    }
    return rs_csv_close(&c, o, err);
}

int rs_write_results(rs_outset *o, const rs_scenario *s, const rs_results *r,
                     const rs_mc_results *mc, int *nfiles, rs_error *err)
{
    const int n0 = o->n;
    int rc;
    if ((rc = write_annual(o, s, r, err)) || (rc = write_monthly(o, s, r, err)) ||
        (rc = write_communities(o, s, r, err)) || (rc = write_summary(o, s, r, mc, err)) ||
        (rc = write_levers(o, s, r, err)) || (rc = write_lever_summary(o, s, r, err)) ||
        (rc = write_calendar(o, s, r, err)))
        return rc;
    if (mc && (rc = write_mc_annual(o, mc, err)))
        return rc;
    if (nfiles)
        *nfiles = o->n - n0;
    return RS_OK;
}
