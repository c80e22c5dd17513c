/* words.c: the numbers and words of report.html (page.h). Every number
 * goes through base/fmt.h; empty values are said in rs_metrics' words. */
#include <math.h>
#include <stdio.h>
#include <string.h>
#include "page.h"
#include "../base/fmt.h"

#define FMT RS_FMT_TRUE_MINUS

const char *rp_money(const rp_page *p, double v, char *buf, size_t n)
{
    return rs_fmt_money(v, p->k, NULL, p->zh, FMT, buf, n);
}

const char *rp_money_u(const rp_page *p, double v, char *buf, size_t n)
{
    return rs_fmt_money(v, p->k, p->unit, p->zh, FMT, buf, n);
}

const char *rp_money_signed(const rp_page *p, double v, char *buf, size_t n)
{
    char num[RP_NUM];
    rs_fmt_money(v, p->k, NULL, p->zh, FMT, num, sizeof num);
    int zero = strspn(num, "0.,") == strlen(num);
    snprintf(buf, n, "%s%s", isfinite(v) && v > 0 && !zero ? "+" : "", num);
    return buf;
}

const char *rp_pct(double v, char *buf, size_t n)
{
    char num[RP_NUM];
    snprintf(buf, n, "%s%%", rs_fmt_group(100 * v, 1, FMT, num, sizeof num));
    return buf;
}

const char *rp_points(const rp_page *p, double v, char *buf, size_t n)
{
    char num[RP_NUM];
    rs_fmt_group(100 * v, 1, FMT, num, sizeof num);
    if (!isfinite(v))
        snprintf(buf, n, "%s", RP_EMDASH);
    else
        snprintf(buf, n, "%s%s%s", v > 0 && strspn(num, "0.,") != strlen(num) ? "+" : "", num,
                 TR(p, " pp", "个百分点"));
    return buf;
}

const char *rp_count(double v, char *buf, size_t n)
{
    return rs_fmt_group(v, 0, FMT, buf, n);
}

static int is_percent_unit(rs_unit u)
{
    return u == RS_U_RATIO || u == RS_U_RATE || u == RS_U_PROB;
}

const char *rp_metric_text(const rp_page *p, int k, double v, char *buf, size_t n)
{
    const rs_metric_def *m = &rs_metrics[k];
    if (isnan(v)) {
        const char *w = TR(p, m->empty_en, m->empty_zh);
        snprintf(buf, n, "%s", w ? w : RP_EMDASH);
    } else if (m->unit == RS_U_MONEY) {
        rp_money(p, v, buf, n);
    } else if (is_percent_unit(m->unit)) {
        rp_pct(v, buf, n);
    } else if (m->unit == RS_U_YEARS || m->unit == RS_U_TIMES) {
        rs_fmt_group(v, m->unit == RS_U_TIMES ? 2 : 1, FMT, buf, n);
    } else {
        rs_fmt_group(v, 0, FMT, buf, n);
    }
    return buf;
}

const char *rp_metric_name(const rp_page *p, int k)
{
    return TR(p, rs_metrics[k].label_en, rs_metrics[k].label_zh);
}

const char *rp_metric_label(const rp_page *p, int k, char *buf, size_t n)
{
    const char *shown;
    switch (rs_metrics[k].unit) {
    case RS_U_MONEY: shown = p->unit; break;
    case RS_U_RATIO:
    case RS_U_RATE:
    case RS_U_PROB: shown = "%"; break;
    case RS_U_YEARS: shown = TR(p, "years", "年"); break;
    case RS_U_YEAR: shown = TR(p, "programme year", "项目年度"); break;
    case RS_U_MONTH: shown = TR(p, "month", "月"); break;
    case RS_U_TIMES: shown = TR(p, "times", "倍"); break;
    default: shown = k == MT_MONTHS_BELOW_RESERVE ? TR(p, "months", "月") : TR(p, "years", "年");
    }
    snprintf(buf, n, TR(p, "%s (%s)", "%s（%s）"), rp_metric_name(p, k), shown);
    return buf;
}

const char *rp_likely(const rp_page *p, double q)
{
    return q >= 0.99   ? TR(p, "virtually certain", "几乎可以确定")
           : q >= 0.9  ? TR(p, "very likely", "很有可能")
           : q >= 0.66 ? TR(p, "likely", "较有可能")
           : q >= 0.33 ? TR(p, "about as likely as not", "可能性约为一半")
           : q >= 0.1  ? TR(p, "unlikely", "可能性较小")
           : q >= 0.01 ? TR(p, "very unlikely", "可能性很小")
                       : TR(p, "exceptionally unlikely", "几乎不可能");
}

const char *rp_scen_name(const rs_cmp_item *it)
{
    const char *n = it->s.scen.text[SC_NAME];
    return n && *n ? n : it->id;
}

const char *rp_range_label(const rp_page *p, const rs_range *g, int key_only, char *buf, size_t n)
{
    const rs_entity *e = g->e;
    const rs_param *par = &e->sec->params[g->param];
    const char *who = e->sec->named && e->name[0] ? e->name
                      : p->zh && e->sec->label_zh ? e->sec->label_zh
                                                  : e->sec->name;
    const char *what = p->zh && par->label_zh ? par->label_zh : par->name;
    char step[48] = "";
    if (g->step >= 0) {
        const char *at = strrchr(g->label, '@');
        if (at)
            snprintf(step, sizeof step, TR(p, " from year %s", "（第%s年起）"), at + 1);
    }
    if (key_only)
        snprintf(buf, n, "%s%s", what, step);
    else
        snprintf(buf, n, "%s%s%s%s", who, p->zh ? " " : ": ", what, step);
    return buf;
}

const rs_row *rp_range_row(const rs_cmp_item *it, const rs_range *g)
{
    const char *dot = strrchr(g->label, '.');
    if (!dot)
        return NULL;
    char sec[sizeof g->label];
    snprintf(sec, sizeof sec, "%.*s", (int)(dot - g->label), g->label);
    int k = rs_source_find(&it->src, sec, dot + 1);
    return k >= 0 ? &it->src.rows[k] : NULL;
}

static int ends_percent(const char *s)
{
    size_t n = s ? strlen(s) : 0;
    return n > 0 && s[n - 1] == '%';
}

int rp_range_percent(const rs_cmp_item *it, const rs_range *g)
{
    const rs_row *r = rp_range_row(it, g);
    return r && (ends_percent(r->low) || ends_percent(r->high));
}

const char *rp_unit(const rp_page *p, const char *unit, char *buf, size_t n)
{
    return rs_fmt_unit(unit, p->c->items[p->c->baseline].s.scen.text[SC_CURRENCY], p->zh, buf, n);
}

const char *rp_range_text(const rp_page *p, const rs_cmp_item *it, const rs_range *g,
                          char *buf, size_t n)
{
    const rs_row *r = rp_range_row(it, g);
    char lo[RP_NUM], hi[RP_NUM];
    if (r && r->low && *r->low && r->high && *r->high) {
        /* as written (60%), but large whole amounts grouped: 1,250,000 */
        const char *t[2] = {r->low, r->high};
        const double v[2] = {g->low, g->high};
        char *out[2] = {lo, hi};
        for (int k = 0; k < 2; k++)
            if (!rs_number_is_percent(t[k]) && fabs(v[k]) >= 10000 && v[k] == floor(v[k]))
                rs_fmt_short(v[k], FMT, out[k], RP_NUM);
            else
                snprintf(out[k], RP_NUM, "%s", t[k]);
    } else {
        rs_fmt_short(g->low, FMT, lo, sizeof lo);
        rs_fmt_short(g->high, FMT, hi, sizeof hi);
    }
    char ub[64];
    const char *unit = rp_unit(p, g->e->sec->params[g->param].unit, ub, sizeof ub);
    int pc = rp_range_percent(it, g);
    snprintf(buf, n, "%s " RP_DASH " %s%s%s", lo, hi, !pc && unit && *unit ? " " : "",
             !pc && unit ? unit : "");
    return buf;
}

int rp_top_swings(const rs_cmp_sweep *sw, int max)
{
    int n = 0;
    for (int j = 0; sw && j < sw->nrows && n < max; j++) {
        double s = sw->rows[j].swing;
        if (!(isfinite(s) && s > 0))
            break;
        n++;
    }
    return n;
}
