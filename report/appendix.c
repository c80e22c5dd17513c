/* appendix.c: the assumptions of report.html, once: every row of one
 * scenario (and the files it is based on) in full, and for each scenario
 * close to it only the rows in which it differs, with the value it
 * replaces. Rows that do not enter the results (a switched-off lever's,
 * a correlation dropped with it) are grey and say so; in Chinese the keys
 * carry the parameter tables' Chinese labels. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include "page.h"

#define DIFF_MIN 15            /* a scenario differing in at most this many rows ... */
#define DIFF_SHARE 0.5         /* ... or this share of its rows is shown as differences */

static int same_text(const char *a, const char *b)
{
    return strcmp(a ? a : "", b ? b : "") == 0;
}

/* 1 when rows a and b say the same (notes aside). */
static int same_row(const rs_row *a, const rs_row *b)
{
    return same_text(a->value, b->value) && same_text(a->low, b->low) &&
           same_text(a->high, b->high) && same_text(a->dist, b->dist) &&
           same_text(a->unit, b->unit);
}

/* The parameter table row of scenario row r (KEY@Y: KEY's), or NULL. */
static const rs_param *row_param(const rs_row *r)
{
    char sec[RS_NAME_MAX + 32], key[RS_NAME_MAX + 32];
    if (!r->section || !r->key)
        return NULL;
    snprintf(sec, sizeof sec, "%.*s", (int)strcspn(r->section, ":"), r->section);
    snprintf(key, sizeof key, "%.*s", (int)strcspn(r->key, "@"), r->key);
    const rs_section *s = rs_section_find(sec);
    int k = s ? rs_param_find(s->params, s->nparams, key) : -1;
    return k >= 0 ? &s->params[k] : NULL;
}

/* Unit of a scenario row: its own unit cell as written when it is not the
 * parameter table's, else the table's in the page's language (rp_unit);
 * none after a value written with '%' and for `enabled`. */
static const char *row_unit(const rp_page *p, const rs_row *r, char *buf, size_t n)
{
    size_t vlen = r->value ? strlen(r->value) : 0;
    if ((vlen > 0 && r->value[vlen - 1] == '%') || (r->key && strcmp(r->key, "enabled") == 0))
        return "";
    const rs_param *par = row_param(r);
    if (r->unit && *r->unit && !(par && par->unit && strcmp(r->unit, par->unit) == 0))
        return r->unit;   /* a unit of the writer's own */
    return par && par->unit ? rp_unit(p, par->unit, buf, n) : "";
}

/* 1 when section `section` is switched off in src (`enabled,0`). */
static int section_off(const rs_source *src, const char *section)
{
    int k = rs_source_find(src, section, "enabled");
    double v;
    return k >= 0 && src->rows[k].value && rs_parse_number(src->rows[k].value, &v) == 0 && v == 0;
}

/* 1 when an entity of s is written `section`. */
static int section_enabled(const rs_scenario *s, const char *section)
{
    char name[RS_NAME_MAX + 32];
    for (int k = 0; k < RS_SEC_NKINDS; k++) {
        int n;
        const rs_entity *e = rs_scenario_entities(s, (rs_seckind)k, &n);
        for (int j = 0; e && j < n; j++)
            if (strcmp(rs_entity_section(&e[j], name, sizeof name), section) == 0)
                return 1;
    }
    return 0;
}

/* 1 when row r of item it enters no result: a row of a switched-off
 * section, or a correlation naming one (it is dropped with it). */
static int row_inactive(const rs_cmp_item *it, const rs_row *r)
{
    if (strcmp(r->section, "correlation") != 0)
        return section_off(&it->src, r->section);
    const char *bar = r->key ? strchr(r->key, '|') : NULL;
    if (!bar)
        return 0;
    for (int j = 0; j < 2; j++) {
        const char *ref = j == 0 ? r->key : bar + 1;
        size_t len = j == 0 ? (size_t)(bar - r->key) : strlen(bar + 1);
        char sec[RS_NAME_MAX * 2 + 64];
        snprintf(sec, sizeof sec, "%.*s", (int)len, ref);
        char *dot = strrchr(sec, '.');
        if (dot)
            *dot = '\0';
        char *t = sec;
        while (*t == ' ')
            t++;
        if (!section_enabled(&it->s, t))
            return 1;
    }
    return 0;
}

/* The key as shown (with_section: after its section, "parking:x.fee"):
 * in Chinese the parameter's label, the key after it. */
static void key_cell(rp_page *p, const rs_row *r, int with_section)
{
    const rs_param *par = row_param(r);
    const char *at = r->key ? strchr(r->key, '@') : NULL;
    rp_raw(p->b, "<td>");
    if (with_section)
        rp_hf(p->b, "<span class=\"sec\">%e.</span>", r->section);
    if (p->zh && par && par->label_zh) {
        rp_esc(p->b, par->label_zh);
        if (at)
            rp_hf(p->b, "（第%e年起）", at + 1);
        rp_hf(p->b, "<span class=\"k\">%e</span>", r->key);
    } else {
        rp_esc(p->b, r->key);
    }
    rp_raw(p->b, "</td>");
}

static void value_text(rp_page *p, const rs_row *r)
{
    char ub[64];
    const char *unit = row_unit(p, r, ub, sizeof ub);
    rp_hf(p->b, "%e%s%e", r->value ? r->value : "", *unit ? " " : "", unit);
}

/* A distribution's name in the page's language (as written when unknown). */
static const char *dist_name(const rp_page *p, const char *d)
{
    static const char *const zh[][2] = {
        {"uniform", "均匀分布"}, {"triangular", "三角分布"}, {"pert", "PERT分布"},
        {"normal", "正态分布"}, {"lognormal", "对数正态分布"},
    };
    for (size_t i = 0; p->zh && i < sizeof zh / sizeof zh[0]; i++)
        if (strcasecmp(d, zh[i][0]) == 0)
            return zh[i][1];
    return d;
}

static void range_text(rp_page *p, const rs_row *r)
{
    if (r->low && *r->low && r->high && *r->high)
        rp_hf(p->b, "%e%s<wbr>%e%s%e", r->low, " " RP_DASH " ", r->high,
              r->dist && *r->dist ? TR(p, ", ", "，") : "",
              r->dist ? dist_name(p, r->dist) : "");
}

static void source(rp_page *p, const rs_row *r)
{
    const char *file = r->file ? strrchr(r->file, '/') : NULL;
    char where[32];
    file = file ? file + 1 : r->file ? r->file : "";
    snprintf(where, sizeof where, ":%d", r->line);
    rp_hf(p->b, "<span class=\"src\">%e%e</span>", file, where);
}

/* "parking:car-spaces", in Chinese with the section type's label. */
static void section_head(rp_page *p, const char *section, int cols, const char *extra)
{
    char type[RS_NAME_MAX + 32];
    snprintf(type, sizeof type, "%.*s", (int)strcspn(section, ":"), section);
    const rs_section *s = rs_section_find(type);
    rp_hf(p->b, "<tr class=\"group\"><th colspan=\"%d\">%e", cols, section);
    if (p->zh && s && s->label_zh)
        rp_hf(p->b, " <span class=\"k\">%e</span>", s->label_zh);
    rp_hf(p->b, "%s</th></tr>\n", extra);
}

/* Order of the rows of a full table: sections in order of first
 * appearance, rows of a section in file order, the `enabled` row of a
 * switched-off section first. */
typedef struct {
    int first, pri, idx;
} row_key;

static int cmp_row_key(const void *a, const void *b)
{
    const row_key *x = a, *y = b;
    if (x->first != y->first)
        return x->first < y->first ? -1 : 1;
    if (x->pri != y->pri)
        return x->pri < y->pri ? -1 : 1;
    return (x->idx > y->idx) - (x->idx < y->idx);
}

static int full_table(rp_page *p, const rs_cmp_item *it)
{
    rs_textbuf *b = p->b;
    const rs_source *src = &it->src;
    int n = src->nrows;
    row_key *order = malloc((size_t)(n ? n : 1) * sizeof *order);
    if (!order)
        return rs_error_set(p->err, RS_ESOFTWARE, "out of memory");
    for (int i = 0; i < n; i++) {
        const rs_row *r = &src->rows[i];
        order[i].first = i;
        for (int j = 0; j < i; j++)
            if (strcmp(src->rows[j].section, r->section) == 0) {
                order[i].first = order[j].first;
                break;
            }
        order[i].pri = r->key && strcmp(r->key, "enabled") == 0 && section_off(src, r->section) ? 0 : 1;
        order[i].idx = i;
    }
    qsort(order, (size_t)n, sizeof *order, cmp_row_key);
    rp_hf(b, "<table class=\"rows\">\n<colgroup><col class=\"key\"><col class=\"val\">"
             "<col class=\"note\"></colgroup>\n<thead><tr><th>%s</th><th>%s</th>"
             "<th>%s</th></tr></thead>\n<tbody>\n",
          TR(p, "Key", "参数"), TR(p, "Value, range (low" RP_DASH "high)", "取值、区间（低" RP_DASH "高）"),
          TR(p, "Source note", "来源说明"));
    const char *cur = NULL;
    for (int o = 0; o < n; o++) {
        const rs_row *r = &src->rows[order[o].idx];
        int off = row_inactive(it, r), enabled_row = r->key && strcmp(r->key, "enabled") == 0;
        if (!cur || strcmp(cur, r->section) != 0) {
            cur = r->section;
            section_head(p, cur, 3,
                         strcmp(cur, "correlation") != 0 && section_off(src, cur)
                             ? TR(p, " (switched off)", "（关闭）") : "");
        }
        rp_raw(b, off ? "<tr class=\"off\">" : "<tr>");
        key_cell(p, r, 0);
        rp_raw(b, "<td>");
        value_text(p, r);
        if (off && strcmp(r->section, "correlation") == 0)
            rp_hf(b, " %s", TR(p, "(dropped: it names a switched-off lever)", "（未生效：涉及已关闭的项目）"));
        if (r->low && *r->low && r->high && *r->high) {
            rp_raw(b, "<span class=\"r\">");
            range_text(p, r);
            rp_raw(b, "</span>");
        }
        rp_raw(b, "</td><td>");
        if (!off || enabled_row || strcmp(r->section, "correlation") == 0)
            rp_hf(b, "%e ", r->note ? r->note : "");
        source(p, r);
        rp_raw(b, "</td></tr>\n");
    }
    rp_raw(b, "</tbody>\n</table>\n");
    free(order);
    return RS_OK;
}

/* 1 when r is a correlation that it drops (a switched-off section's rows
 * need no mark of their own: the section's `enabled` row differs). */
static int row_dropped(const rs_cmp_item *it, const rs_row *r)
{
    return strcmp(r->section, "correlation") == 0 && row_inactive(it, r);
}

/* How many rows of a and b differ (content or whether they enter the
 * results); the rows of a only and of b only count too. */
static int rows_apart(const rs_cmp_item *a, const rs_cmp_item *b)
{
    int d = 0;
    for (int i = 0; i < a->src.nrows; i++) {
        const rs_row *r = &a->src.rows[i];
        int k = rs_source_find(&b->src, r->section, r->key);
        if (k < 0 || !same_row(r, &b->src.rows[k]) ||
            row_dropped(a, r) != row_dropped(b, &b->src.rows[k]))
            d++;
    }
    for (int k = 0; k < b->src.nrows; k++)
        if (rs_source_find(&a->src, b->src.rows[k].section, b->src.rows[k].key) < 0)
            d++;
    return d;
}

/* The most rows in which `it` may differ from another scenario and still
 * be shown as its differences. */
static int diff_limit(const rs_cmp_item *it)
{
    int limit = (int)(DIFF_SHARE * it->src.nrows);
    return limit > DIFF_MIN ? limit : DIFF_MIN;
}

/* The rows of it that differ from ref's. */
static void diff_table(rp_page *p, const rs_cmp_item *it, const rs_cmp_item *ref)
{
    rs_textbuf *b = p->b;
    rp_hf(b, "<table class=\"rows diff\">\n<colgroup><col class=\"key\"><col class=\"val\">"
             "<col class=\"was\"><col class=\"note\"></colgroup>\n<thead><tr><th>%s</th><th>%s</th>"
             "<th>%s</th><th>%s</th></tr></thead>\n<tbody>\n",
          TR(p, "Key", "参数"), TR(p, "This scenario", "本情景"),
          TR(p, "Instead of", "替代"), TR(p, "Source note", "来源说明"));
    int shown = 0;
    for (int pass = 0; pass < 2; pass++) {
        const rs_cmp_item *from = pass == 0 ? it : ref, *other = pass == 0 ? ref : it;
        for (int i = 0; i < from->src.nrows; i++) {
            const rs_row *r = &from->src.rows[i];
            int k = rs_source_find(&other->src, r->section, r->key);
            const rs_row *o = k >= 0 ? &other->src.rows[k] : NULL;
            if (pass == 1 && o)
                continue;        /* rows of both: seen in pass 0 */
            int act = !row_dropped(from, r), oact = o && !row_dropped(other, o);
            if (pass == 0 && o && same_row(r, o) && act == oact)
                continue;
            shown++;
            rp_raw(b, "<tr>");
            key_cell(p, r, 1);
            rp_raw(b, "<td>");
            if (pass == 1) {
                rp_raw(b, TR(p, "not set (the default)", "未设定（取默认值）"));
            } else {
                value_text(p, r);
                if (r->low && *r->low && r->high && *r->high) {
                    rp_raw(b, "<span class=\"r\">");
                    range_text(p, r);
                    rp_raw(b, "</span>");
                }
                if (!act && strcmp(r->section, "correlation") == 0)
                    rp_hf(b, " %s", TR(p, "(dropped: it names a switched-off lever)",
                                      "（未生效：涉及已关闭的项目）"));
            }
            rp_raw(b, "</td><td>");
            const rs_row *was = pass == 0 ? o : r;
            if (was && (pass == 1 || !same_row(r, o))) {
                value_text(p, was);
                if (was->low && *was->low && was->high && *was->high) {
                    rp_raw(b, "<span class=\"r\">");
                    range_text(p, was);
                    rp_raw(b, "</span>");
                }
            } else if (!was) {
                rp_raw(b, TR(p, "not set", "未设定"));
            } else if (oact) {
                rp_raw(b, TR(p, "the same, in effect there", "取值相同，在该情景中生效"));
            } else {
                rp_raw(b, TR(p, "the same, dropped there", "取值相同，在该情景中未生效"));
            }
            rp_raw(b, "</td><td>");
            rp_hf(b, "%e ", r->note ? r->note : "");
            source(p, r);
            rp_raw(b, "</td></tr>\n");
        }
    }
    if (!shown)
        rp_hf(b, "<tr><td colspan=\"4\">%s</td></tr>\n",
              TR(p, "No row differs.", "没有不同的行。"));
    rp_raw(b, "</tbody>\n</table>\n");
}

int rp_appendix(rp_page *p)
{
    const rs_compare *c = p->c;
    rs_textbuf *b = p->b;
    int n = c->n, rc = RS_OK;
    int *ref = malloc((size_t)n * sizeof *ref), *dist = calloc((size_t)n * (size_t)n, sizeof *dist);
    if (!ref || !dist) {
        free(ref);
        free(dist);
        return rs_error_set(p->err, RS_ESOFTWARE, "out of memory");
    }
    for (int i = 0; i < n; i++)
        for (int j = 0; j < n; j++)
            dist[i * n + j] = i == j ? 0 : rows_apart(&c->items[i], &c->items[j]);
    /* one scenario is shown in full: the one most others are close to,
     * then the one with the fewest rows that do not enter its results (a
     * base file rather than a variant that switches levers off), then the
     * closest to all; each other one as its differences from the nearest
     * full one when close enough, else in full itself */
    int first = 0;
    long best[3] = {-1, 0, 0};
    for (int i = 0; i < n; i++) {
        long close = 0, idle = 0, sum = 0;
        for (int j = 0; j < n; j++) {
            close += j != i && dist[i * n + j] <= diff_limit(&c->items[j]);
            sum += dist[i * n + j];
        }
        for (int r = 0; r < c->items[i].src.nrows; r++)
            idle += row_inactive(&c->items[i], &c->items[i].src.rows[r]);
        long key[3] = {close, -idle, -sum};
        if (best[0] < 0 || key[0] > best[0] || (key[0] == best[0] && (key[1] > best[1] ||
                                                (key[1] == best[1] && key[2] > best[2])))) {
            memcpy(best, key, sizeof best);
            first = i;
        }
    }
    for (int i = 0; i < n; i++)
        ref[i] = i == first ? -1 : -2;       /* -1: in full; -2: not decided */
    for (int i = 0; i < n; i++) {
        if (ref[i] != -2)
            continue;
        int near = -1;
        for (int j = 0; j < n; j++)
            if (ref[j] == -1 && (near < 0 || dist[i * n + j] < dist[i * n + near]))
                near = j;
        ref[i] = near >= 0 && dist[i * n + near] <= diff_limit(&c->items[i]) ? near : -1;
    }
    rp_hf(b, "<section class=\"appendix\">\n<h2 id=\"assumptions\">%s</h2>\n<p class=\"small intro\">%s</p>\n",
          TR(p, "Appendix: assumptions", "附录：假设"),
          TR(p, "Every row of the scenario files as read, once: the value with its unit, the "
                "low" RP_DASH "high range Monte Carlo draws from, and the note saying where the "
                "number comes from, with its file and row. A scenario close to one shown in full "
                "lists only the rows in which it differs. Grey rows do not enter the results: "
                "they belong to a lever the scenario switches off (enabled = 0).",
             "情景文件的每一行只列一次：取值及单位、蒙特卡洛抽样的低值" RP_DASH "高值区间，以及说明数字来源的备注"
             "（附文件和行号）。与已完整列出的情景相近的情景只列出不同的行。灰色行不计入结果：它们属于本情景关闭的项目"
             "（enabled = 0）。"));
    int letter = 0;
    for (int f = 0; f < n && !rc; f++) {
        int i = f == 0 ? first : f - (f <= first);   /* the first full one, then in order */
        if (ref[i] != -1)
            continue;
        const rs_cmp_item *it = &c->items[i];
        rp_hf(b, "<h3 id=\"a%d\">A.%d %e</h3>\n<p class=\"small\">%s%e%s</p>\n", i + 1, ++letter,
              rp_scen_name(it), TR(p, "Every row (", "全部行（"), it->path, TR(p, ").", "）。"));
        rc = full_table(p, it);
        for (int j = 0; j < n && !rc; j++) {
            if (ref[j] != i)
                continue;
            const rs_cmp_item *jt = &c->items[j];
            rp_hf(b, "<h3 id=\"a%d\">A.%d %e</h3>\n<p class=\"small\">", j + 1, ++letter,
                  rp_scen_name(jt));
            rp_hf(b, TR(p, "The rows in which it (%e) differs from %e; every other row is as "
                           "there.",
                        "仅列出本情景（%e）与%e不同的行；其余各行与之相同。"),
                  jt->path, rp_scen_name(it));
            rp_raw(b, "</p>\n");
            diff_table(p, jt, it);
        }
    }
    rp_raw(b, "</section>\n");
    free(ref);
    free(dist);
    return rc;
}
