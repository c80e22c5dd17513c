/* output.c: writing annual.csv, monthly.csv, communities.csv, summary.csv and
 * printing the terminal summary. Columns come from rs_series and rs_metrics. */
#include <math.h>
#include <stdio.h>
#include <string.h>
#include "results.h"

const char *rs_metric_unit(const rs_scenario *s, int k)
{
    const char *u = rs_metrics[k].unit;
    return strcmp(u, "CNY") == 0 ? s->scen.text[SC_CURRENCY] : u;
}

static void lever_header(rs_csv *c, const rs_scenario *s)
{
    char buf[RS_NAME_MAX + 16];
    for (int l = 0; l < s->nlev; l++) {
        snprintf(buf, sizeof buf, "revenue:%s", s->lev[l].name);
        rs_csv_text(c, buf);
    }
}

static int write_annual(rs_outset *o, const rs_scenario *s, const rs_results *r,
                        rs_error *err)
{
    rs_csv c;
    int rc = rs_outset_csv(o, "annual.csv", &c, err);
    if (rc)
        return rc;
    rs_csv_text(&c, "year");
    for (int k = 0; k < SR_N; k++)
        rs_csv_text(&c, rs_series[k].name);
    lever_header(&c, s);
    rs_csv_endrow(&c);
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
    for (int k = 0; k < SR_N; k++)
        rs_csv_text(&c, rs_series[k].name);
    lever_header(&c, s);
    rs_csv_endrow(&c);
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

static int write_communities(rs_outset *o, const rs_scenario *s, const rs_results *r,
                             rs_error *err)
{
    static const char *const head[] = {"community", "year", "revenue", "net_income",
                                       "deficit", "coverage", "fee_income", "mgmt_cost"};
    rs_csv c;
    int rc = rs_outset_csv(o, "communities.csv", &c, err);
    if (rc)
        return rc;
    for (size_t k = 0; k < sizeof head / sizeof head[0]; k++)
        rs_csv_text(&c, head[k]);
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

static int write_summary(rs_outset *o, const rs_scenario *s, const rs_results *r,
                         const rs_mc_results *mc, rs_error *err)
{
    static const char *const head[] = {"metric", "unit", "base", "mean", "p10", "p50", "p90"};
    rs_csv c;
    int rc = rs_outset_csv(o, "summary.csv", &c, err);
    if (rc)
        return rc;
    for (size_t k = 0; k < sizeof head / sizeof head[0]; k++)
        rs_csv_text(&c, head[k]);
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
                     const rs_mc_results *mc, rs_error *err)
{
    int rc;
    if ((rc = write_annual(o, s, r, err)) || (rc = write_monthly(o, s, r, err)) ||
        (rc = write_communities(o, s, r, err)) || (rc = write_summary(o, s, r, mc, err)))
        return rc;
    if (mc && (rc = write_mc_annual(o, mc, err)))
        return rc;
    return RS_OK;
}

static const char *group_digits(double v, char *buf, size_t n);

const char *rs_fmt_human(double v, char *buf, size_t n)
{
    if (isnan(v))
        snprintf(buf, n, "-");
    else if (fabs(v) >= 1000)
        group_digits(v, buf, n);
    else
        snprintf(buf, n, "%.4g", v == 0 ? 0.0 : v);
    return buf;
}

/* v with thousands separators and no decimals, into buf */
static const char *group_digits(double v, char *buf, size_t n)
{
    char raw[64];
    snprintf(raw, sizeof raw, "%.0f", fabs(v));
    size_t len = strlen(raw), j = 0;
    if (v < 0 && strcmp(raw, "0") != 0 && j + 1 < n)
        buf[j++] = '-';
    for (size_t i = 0; i < len && j + 2 < n; i++) {
        if (i > 0 && (len - i) % 3 == 0)
            buf[j++] = ',';
        buf[j++] = raw[i];
    }
    buf[j] = '\0';
    return buf;
}

/* Human form of metric k's value with its unit. */
static void human(const rs_scenario *s, int k, double v, char *buf, size_t n)
{
    const char *unit = rs_metrics[k].unit;
    char num[64];
    if (isnan(v))
        snprintf(buf, n, "-");
    else if (strcmp(unit, "CNY") == 0)
        snprintf(buf, n, "%s %s", group_digits(v, num, sizeof num), s->scen.text[SC_CURRENCY]);
    else if (strcmp(unit, "ratio") == 0 || strcmp(unit, "1/year") == 0)
        snprintf(buf, n, "%.1f %%", 100.0 * v);
    else if (strcmp(unit, "probability") == 0)
        snprintf(buf, n, "%s", v >= 1.0 ? "yes" : "no");
    else if (strcmp(unit, "years") == 0)
        snprintf(buf, n, "%.1f years", v);
    else if (strcmp(unit, "count") == 0)
        snprintf(buf, n, "%g", v);
    else
        snprintf(buf, n, "%s %g", unit, v);
}

void rs_print_summary(FILE *fp, const rs_scenario *s, const rs_results *r,
                      const rs_mc_results *mc, const char *path)
{
    fprintf(fp, "%s  (%s; %d years, %d lever%s, %d communit%s)\n", s->scen.text[SC_NAME],
            path, r->years, r->nlev, r->nlev == 1 ? "" : "s", r->ncom, r->ncom == 1 ? "y" : "ies");
    if (mc)
        fprintf(fp, "  %-36s %-18s %-18s %-18s %s\n", "", "base case", "P10", "P50", "P90");
    for (int k = 0; k < MT_N; k++) {
        char val[96];
        if (k == MT_FUND_MIN_MONTH)
            continue;
        human(s, k, r->metric[k], val, sizeof val);
        if (k == MT_FUND_MIN && !isnan(r->metric[k]) && !mc) {
            size_t used = strlen(val);
            snprintf(val + used, sizeof val - used, "  (month %d)",
                     (int)r->metric[MT_FUND_MIN_MONTH]);
        }
        if (!mc) {
            fprintf(fp, "  %-36s %s\n", rs_metrics[k].label_en, val);
            continue;
        }
        fprintf(fp, "  %-36s %-18s", rs_metrics[k].label_en, val);
        if (strcmp(rs_metrics[k].unit, "probability") == 0) {
            fprintf(fp, " probability %.1f %%\n", 100.0 * mc->metric[k][MC_MEAN]);
            continue;
        }
        for (int q = MC_P10; q <= MC_P90; q++) {
            human(s, k, mc->metric[k][q], val, sizeof val);
            fprintf(fp, q < MC_P90 ? " %-18s" : " %s", val);
        }
        fprintf(fp, "\n");
    }
    if (mc)
        fprintf(fp, "  (P10/P50/P90 over %ld Monte Carlo runs)\n", mc->runs);
}
