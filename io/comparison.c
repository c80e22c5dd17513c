/* compare.c: loading, running and tabulating a comparison of scenarios. */
#define _XOPEN_SOURCE 700
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "../base/utf8.h"
#include "comparison.h"
#include "csvout.h"

const int rs_gain_metrics[4] = {MT_REVENUE_YEAR1, MT_REVENUE_STAB, MT_NET_STAB, MT_NPV};

void rs_compare_init(rs_compare *c)
{
    static const int drivers[] = {MT_COVERAGE_STAB, MT_FUND_END, MT_NPV};
    memset(c, 0, sizeof *c);
    for (int k = 0; k < (int)(sizeof drivers / sizeof drivers[0]); k++)
        c->sweep_metric[c->nsweep_metric++] = drivers[k];
}

int rs_compare_want_sweep(rs_compare *c, int metric, rs_error *err)
{
    if (metric < 0 || metric >= MT_N)
        return rs_error_set(err, RS_EUSAGE, "sweep: metric %d is not one", metric);
    for (int k = 0; k < c->nsweep_metric; k++)
        if (c->sweep_metric[k] == metric)
            return RS_OK;
    if (c->nsweep_metric >= RS_CMP_SWEEPS)
        return rs_error_set(err, RS_EUSAGE, "sweep: at most %d metrics", RS_CMP_SWEEPS);
    c->sweep_metric[c->nsweep_metric++] = metric;
    return RS_OK;
}

const rs_cmp_sweep *rs_compare_sweep(const rs_cmp_item *it, int metric)
{
    for (int k = 0; k < it->nsweep; k++)
        if (it->sweep[k].metric == metric)
            return &it->sweep[k];
    return NULL;
}

void rs_compare_release(rs_compare *c)
{
    for (int i = 0; i < c->n; i++) {
        rs_cmp_item *it = &c->items[i];
        rs_results_free(it->r);
        rs_mc_results_free(it->mc);
        for (int k = 0; k < it->nsweep; k++)
            free(it->sweep[k].rows);
        free(it->file);
        rs_scenario_release(&it->s);
        rs_source_release(&it->src);
    }
    free(c->items);
    memset(c, 0, sizeof *c);
}

/* 1 when a and b are the same file, 0 when not (or one is missing: its
 * load fails later); -1 when out of memory, with err set. */
static int same_file(const char *a, const char *b, rs_error *err)
{
    errno = 0;
    char *ra = realpath(a, NULL);
    int nomem = !ra && errno == ENOMEM;
    errno = 0;
    char *rb = nomem ? NULL : realpath(b, NULL);
    nomem |= !nomem && !rb && errno == ENOMEM;
    int same = ra && rb && strcmp(ra, rb) == 0;
    free(ra);
    free(rb);
    if (nomem)
        return rs_error_set(err, RS_ESOFTWARE, "out of memory"), -1;
    return same;
}

int rs_compare_load(rs_compare *c, char **paths, int n, const char *baseline, rs_error *err)
{
    int extra = baseline != NULL, base_at = 0;
    if (baseline) {
        for (int i = 0; i < n; i++) {
            int same = same_file(paths[i], baseline, err);
            if (same < 0)
                return err->code;
            if (same) {
                extra = 0;
                base_at = i;
            }
        }
    }
    /* c->n counts items only once they exist: release walks c->n items */
    if (!(c->items = calloc((size_t)(n + extra), sizeof *c->items)))
        return rs_error_set(err, RS_ESOFTWARE, "out of memory");
    /* the baseline first, then the others in the order given */
    int k = 0;
    if (extra)
        c->items[k++].path = baseline;
    else
        c->items[k++].path = paths[base_at];
    for (int i = 0; i < n; i++) {
        int dup = 0;   /* the same file twice is compared once */
        for (int j = 0; j < k && !dup; j++)
            if ((dup = same_file(paths[i], c->items[j].path, err)) < 0) {
                free(c->items);   /* nothing in them to release yet */
                c->items = NULL;
                return err->code;
            }
        if (!dup && (extra || i != base_at))
            c->items[k++].path = paths[i];
    }
    c->baseline = 0;
    for (int i = 0; i < k; i++) {
        rs_cmp_item *it = &c->items[i];
        rs_scenario_init(&it->s);
        rs_source_init(&it->src);
    }
    c->n = k;
    c->years = 0;
    for (int i = 0; i < c->n; i++) {
        rs_cmp_item *it = &c->items[i];
        int rc = rs_scenario_load(&it->s, &it->src, it->path, err);
        if (rc)
            return rc;
        /* the path as shown (comparison.csv, report): bytes that are not
         * UTF-8 as '?', control characters as spaces (never longer) */
        if (!(it->file = malloc(strlen(it->path) + 1)))
            return rs_error_set(err, RS_ESOFTWARE, "out of memory");
        rs_utf8_clean(it->path, it->file, strlen(it->path) + 1);
        /* ids are file stems, cleaned the same way (at most 40 bytes, cut at
         * a character boundary), made unique with a counter */
        char stem[4 * RS_NAME_MAX];
        rs_utf8_clean(it->src.stem, stem, sizeof stem);
        int cut = (int)strlen(stem);
        if (cut > 40)
            for (cut = 40; cut > 0 && ((unsigned char)stem[cut] & 0xC0) == 0x80; cut--)
                ;
        snprintf(it->id, sizeof it->id, "%.*s", cut, stem);
        for (int j = 0, dup = 1; j < i; j++)
            if (strcmp(c->items[j].id, it->id) == 0) {
                snprintf(it->id, sizeof it->id, "%.*s-%d", cut, stem, ++dup % 1000000);
                j = -1;
            }
        int y = (int)it->s.scen.v[SC_HORIZON];
        if (i > 0 && y != c->years)
            c->horizons_differ = 1;
        if (i == 0 || y < c->years)
            c->years = y;
    }
    return RS_OK;
}

int rs_compare_run(rs_compare *c, long runs, long long seed, int threads,
                   void (*progress)(long, long, void *), rs_error *err)
{
    const rs_scenario *b = &c->items[c->baseline].s;
    c->runs = runs >= 0 ? runs : (long)b->scen.v[SC_RUNS];
    c->seed = seed >= 0 ? (unsigned long)seed : (unsigned long)b->scen.v[SC_SEED];
    for (int i = 0; i < c->n; i++) {
        rs_cmp_item *it = &c->items[i];
        if (!(it->r = rs_results_alloc(&it->s)))
            return rs_error_set(err, RS_ESOFTWARE, "out of memory");
        rs_model_run(&it->s, it->r);
        rs_scenario_check_results(&it->src, &it->s, it->r);
        for (int k = 0; k < c->nsweep_metric; k++) {
            rs_cmp_sweep *sw = &it->sweep[k];
            sw->metric = c->sweep_metric[k];
            if (!(sw->rows = calloc((size_t)(it->s.nranges ? it->s.nranges : 1), sizeof *sw->rows)))
                return rs_error_set(err, RS_ESOFTWARE, "out of memory");
            it->nsweep = k + 1;
            if (rs_sweep(&it->s, sw->metric, sw->rows, &sw->nrows, &sw->base) != RS_S_OK)
                return rs_error_set(err, RS_ESOFTWARE, "out of memory");
        }
        if (c->runs > 0) {
            rs_mc_opts o = {c->runs, c->seed, threads, progress, NULL};
            rs_status st = rs_mc_run(&it->s, &o, &it->mc);
            if (st != RS_S_OK)
                return rs_error_set(err, rs_status_code(st), "%s: Monte Carlo: %s", it->path,
                                    rs_strerror(st));
        }
    }
    return RS_OK;
}

double rs_compare_gain(const rs_compare *c, int i, int metric)
{
    return c->items[i].r->metric[metric] - c->items[c->baseline].r->metric[metric];
}

int rs_compare_write_csv(rs_outset *o, const rs_compare *c, rs_error *err)
{
    static const char *const q[MC_NSTAT] = {"mean", "p10", "p50", "p90"};
    char name[96];
    rs_csv f;
    int rc = rs_outset_csv(o, "comparison.csv", &f, err);
    if (rc)
        return rc;
    rs_csv_text(&f, "scenario");
    rs_csv_text(&f, "name");
    rs_csv_text(&f, "file");
    rs_csv_text(&f, "baseline");
    rs_csv_text(&f, "horizon_years");
    for (int k = 0; k < MT_N; k++) {
        rs_csv_text(&f, rs_metrics[k].name);
        for (int s = MC_P10; s <= MC_P90; s++) {
            snprintf(name, sizeof name, "%s_%s", rs_metrics[k].name, q[s]);
            rs_csv_text(&f, name);
        }
    }
    for (int g = 0; g < 4; g++) {
        snprintf(name, sizeof name, "gain_%s", rs_metrics[rs_gain_metrics[g]].name);
        rs_csv_text(&f, name);
    }
    rs_csv_endrow(&f);
    for (int i = 0; i < c->n; i++) {
        const rs_cmp_item *it = &c->items[i];
        rs_csv_text(&f, it->id);
        rs_csv_text(&f, it->s.scen.text[SC_NAME]);
        rs_csv_text(&f, it->file);
        rs_csv_text(&f, i == c->baseline ? "yes" : "no");
        rs_csv_int(&f, (long)it->s.scen.v[SC_HORIZON]);
        for (int k = 0; k < MT_N; k++) {
            rs_csv_num(&f, it->r->metric[k]);
            for (int s = MC_P10; s <= MC_P90; s++)
                rs_csv_num(&f, it->mc ? it->mc->metric[k][s] : NAN);
        }
        for (int g = 0; g < 4; g++)
            rs_csv_num(&f, rs_compare_gain(c, i, rs_gain_metrics[g]));
        rs_csv_endrow(&f);
    }
    if ((rc = rs_csv_close(&f, o, err)))
        return rc;

    /* year x scenario, over the years every scenario has */
    if ((rc = rs_outset_csv(o, "comparison_annual.csv", &f, err)))
        return rc;
    static const char *const series[3] = {"revenue", "net_income", "coverage"};
    rs_csv_text(&f, "year");
    for (int k = 0; k < 3; k++)
        for (int i = 0; i < c->n; i++) {
            snprintf(name, sizeof name, "%s:%s", series[k], c->items[i].id);
            rs_csv_text(&f, name);
        }
    rs_csv_endrow(&f);
    for (int y = 1; y <= c->years; y++) {
        rs_csv_int(&f, y);
        for (int k = 0; k < 3; k++)
            for (int i = 0; i < c->n; i++) {
                const rs_results *r = c->items[i].r;
                rs_csv_num(&f, k == 0 ? r->y_revenue[y - 1]
                               : k == 1 ? r->y_net[y - 1] : r->y_coverage[y - 1]);
            }
        rs_csv_endrow(&f);
    }
    return rs_csv_close(&f, o, err);
}
