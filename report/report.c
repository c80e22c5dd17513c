/* report.c: report.html, the proposal pack of `revsim compare`: one page
 * with inline CSS and inline SVG charts (nothing is fetched), a title
 * block, the comparison table, the charts, the risks in plain words and
 * every scenario's assumptions with the note saying where each number came
 * from; English or Chinese; laid out to print on A4 (docs/report.md).
 * Every piece of user text goes through esc() or the %e conversion. */
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "report.h"
#include "../base/text.h"

#define L(p, en_, zh_) ((p)->zh ? (zh_) : (en_))
#define MINUS "\xE2\x88\x92"   /* U+2212 */
#define DASH "\xE2\x80\x93"    /* U+2013, ranges */
#define EMDASH "\xE2\x80\x94"  /* U+2014, empty cells */
#define COLS_PER_TABLE 4       /* scenario columns of one comparison table */
#define TORNADO_ROWS 10        /* parameters in a scenario's tornado chart */

/* ---- text: an rs_textbuf (plots/text.h) -------------------------------- */

static void raw(rs_textbuf *b, const char *s)
{
    rs_textbuf_put(b, s, strlen(s));
}

/* s as HTML text (also safe inside a quoted attribute value). */
static void esc(rs_textbuf *b, const char *s)
{
    const unsigned char *p = (const unsigned char *)(s ? s : "");
    const unsigned char *run = p;
    for (; *p; p++) {
        const char *rep = NULL;
        switch (*p) {
        case '&': rep = "&amp;"; break;
        case '<': rep = "&lt;"; break;
        case '>': rep = "&gt;"; break;
        case '"': rep = "&quot;"; break;
        case '\'': rep = "&#39;"; break;
        default:
            if ((*p < 0x20 && *p != '\t' && *p != '\n') || *p == 0x7F)
                rep = " ";
        }
        if (rep) {
            rs_textbuf_put(b, (const char *)run, (size_t)(p - (const unsigned char *)run));
            raw(b, rep);
            run = p + 1;
        }
    }
    rs_textbuf_put(b, (const char *)run, (size_t)(p - run));
}

/* hf's own conversions (rs_textbuf_vappend does %s, %d and %%). */
static int html_conv(rs_textbuf *b, const char *f, va_list *ap)
{
    char num[32];
    switch (*f) {
    case 'e':
        esc(b, va_arg(*ap, const char *));
        return 1;
    case 'l':
        if (f[1] != 'd')
            return 0;
        snprintf(num, sizeof num, "%ld", va_arg(*ap, long));
        raw(b, num);
        return 2;
    default:
        return 0;
    }
}

/* Append markup built from fmt. Conversions: %s trusted markup (revsim's
 * own constants), %e text escaped with esc(), %d int, %ld long, %% '%'.
 * Anything else marks the buffer failed. */
static void hf(rs_textbuf *b, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    rs_textbuf_vappend(b, fmt, ap, html_conv);
    va_end(ap);
}

char *rs_html_escape(const char *s)
{
    rs_textbuf b = {0};
    esc(&b, s);
    if (!b.p && !b.failed)
        rs_textbuf_put(&b, "", 0);
    if (b.failed) {
        free(b.p);
        return NULL;
    }
    return b.p;
}

/* ---- inline SVG -------------------------------------------------------------- */

/* Copy the tag at *pp ('<' ... '>') into b, prefixing ids, href="#..." and
 * url(#...) references with prefix; for the root, add its attributes. */
static const char *svg_tag(rs_textbuf *b, const char *p, const char *prefix, int root,
                           const char *label)
{
    char q = 0;
    rs_textbuf_put(b, p, 1);
    p++;
    if (root) {
        rs_textbuf_put(b, p, 3); /* "svg" */
        p += 3;
        hf(b, " class=\"chart\" role=\"img\" aria-label=\"%e\"", label ? label : "");
    }
    while (*p) {
        /* url(#...) references, inside attribute values or not */
        if (strncmp(p, "url(#", 5) == 0) {
            rs_textbuf_put(b, p, 5);
            raw(b, prefix);
            p += 5;
            continue;
        }
        if (q) {
            if (*p == q)
                q = 0;
            rs_textbuf_put(b, p, 1);
            p++;
            continue;
        }
        if (*p == '>') {
            rs_textbuf_put(b, p, 1);
            return p + 1;
        }
        if (*p == '"' || *p == '\'') {
            q = *p;
            rs_textbuf_put(b, p, 1);
            p++;
            continue;
        }
        /* attribute names: id=, href= / xlink:href= with a '#' value */
        int at_word = p[-1] == ' ' || p[-1] == '\t' || p[-1] == '\n' || p[-1] == ':';
        if (at_word && strncmp(p, "id=", 3) == 0 && (p[3] == '"' || p[3] == '\'')) {
            rs_textbuf_put(b, p, 4);
            raw(b, prefix);
            q = p[3];
            p += 4;
            continue;
        }
        if (at_word && strncmp(p, "href=", 5) == 0 && (p[5] == '"' || p[5] == '\'') &&
            p[6] == '#') {
            rs_textbuf_put(b, p, 7);
            raw(b, prefix);
            q = p[5];
            p += 7;
            continue;
        }
        rs_textbuf_put(b, p, 1);
        p++;
    }
    return p;
}

char *rs_svg_inline(const char *svg, const char *prefix, const char *label)
{
    const char *p = svg ? strstr(svg, "<svg") : NULL;
    if (!p)
        return NULL;
    rs_textbuf b = {0};
    int root = 1;
    while (*p && !b.failed) {
        if (*p == '<') {
            const char *e;
            if (strncmp(p, "<!--", 4) == 0) {
                e = strstr(p + 4, "-->");
                p = e ? e + 3 : p + strlen(p);
            } else if (strncmp(p, "<![CDATA[", 9) == 0) {
                e = strstr(p, "]]>");
                size_t n = e ? (size_t)(e + 3 - p) : strlen(p);
                rs_textbuf_put(&b, p, n);
                p += n;
            } else if (strncmp(p, "<title>Gnuplot</title>", 22) == 0) {
                p += 22;
            } else if (strncmp(p, "<desc>", 6) == 0) {
                e = strstr(p, "</desc>");
                p = e ? e + 7 : p + strlen(p);
            } else {
                p = svg_tag(&b, p, prefix, root, label);
                root = 0;
            }
            continue;
        }
        const char *rep = *p == '>' ? "&gt;" : *p == '"' ? "&quot;" : *p == '\'' ? "&#39;" : NULL;
        if (rep)
            raw(&b, rep);
        else
            rs_textbuf_put(&b, p, 1);
        p++;
    }
    if (b.failed || !b.p) {
        free(b.p);
        return NULL;
    }
    return b.p;
}

/* Everything the page is built from. */
typedef struct {
    rs_textbuf *b;
    const rs_compare *c;
    int zh;
    double k;                  /* money shown as v * k in `unit` */
    char unit[96];
    int charts;                /* 1: charts are drawn */
    const char *nocharts;      /* else why not (trusted text) */
    rs_plot_svg pen;
    rs_cmp_plot_item *items;
    rs_cmp_plot_input in;
    int fig;                   /* figures so far */
    char date[32];
    rs_error *err;
} page;

/* Money v in the page's unit, without the unit. */
static const char *money(const page *p, double v, char *buf, size_t n)
{
    double x = v * p->k;
    int d = p->zh ? (fabs(x) < 10 ? 2 : fabs(x) < 1000 ? 1 : 0) : 0;
    return rs_text_group(x, d, buf, n);
}

/* Money with the unit ("1,234 CNY", "12.3万元"). */
static const char *money_u(const page *p, double v, char *buf, size_t n)
{
    char num[64];
    snprintf(buf, n, "%.40s%s%.48s", money(p, v, num, sizeof num), p->zh ? "" : " ", p->unit);
    return buf;
}

static const char *pct(double v, char *buf, size_t n)
{
    char num[64];
    snprintf(buf, n, "%s%%", rs_text_group(100 * v, 1, num, sizeof num));
    return buf;
}

/* What an empty value of metric k means. */
static const char *empty_word(const page *p, int k)
{
    switch (k) {
    case MT_COVERAGE_YEAR1:
    case MT_COVERAGE_STAB: return L(p, "no deficit", "无亏损");
    case MT_FIRST_COVERED: return L(p, "never", "从未覆盖");
    case MT_PAYBACK:
    case MT_DPAYBACK: return L(p, "never", "期内未回收");
    case MT_IRR: return L(p, "n/a", "无");
    default: return EMDASH;
    }
}

/* Value of metric k as text, in the unit of its row label. */
static const char *metric_text(const page *p, int k, double v, char *buf, size_t n)
{
    const rs_unit u = rs_metrics[k].unit;
    char num[64];
    if (isnan(v))
        snprintf(buf, n, "%s", empty_word(p, k));
    else if (u == RS_U_MONEY)
        money(p, v, buf, n);
    else if (u == RS_U_RATIO || u == RS_U_RATE || u == RS_U_PROB)
        pct(v, buf, n);
    else if (u == RS_U_YEARS || u == RS_U_TIMES)
        snprintf(buf, n, "%s", rs_text_group(v, 1, num, sizeof num));
    else
        snprintf(buf, n, "%s", rs_text_group(v, 0, num, sizeof num));
    return buf;
}

/* Row label of metric k with its unit. */
static const char *metric_label(const page *p, int k, char *buf, size_t n)
{
    const rs_unit u = rs_metrics[k].unit;
    const char *shown;
    if (u == RS_U_MONEY)
        shown = p->unit;
    else if (u == RS_U_RATIO || u == RS_U_RATE || u == RS_U_PROB)
        shown = "%";
    else if (u == RS_U_YEARS)
        shown = L(p, "years", "年");
    else if (u == RS_U_YEAR)
        shown = L(p, "programme year", "项目年度");
    else if (u == RS_U_MONTH)
        shown = L(p, "month", "月");
    else if (u == RS_U_TIMES)
        shown = L(p, "times", "倍");
    else
        shown = k == MT_MONTHS_BELOW_RESERVE ? L(p, "months", "月") : L(p, "years", "年");
    snprintf(buf, n, L(p, "%s (%s)", "%s（%s）"), L(p, rs_metrics[k].label_en, rs_metrics[k].label_zh),
             shown);
    return buf;
}

/* A probability in words (the IPCC's calibrated language). */
static const char *likely(const page *p, double q)
{
    return q >= 0.99   ? L(p, "virtually certain", "几乎可以确定")
           : q >= 0.9  ? L(p, "very likely", "很有可能")
           : q >= 0.66 ? L(p, "likely", "较有可能")
           : q >= 0.33 ? L(p, "about as likely as not", "可能性约为一半")
           : q >= 0.1  ? L(p, "unlikely", "可能性较小")
           : q >= 0.01 ? L(p, "very unlikely", "可能性很小")
                       : L(p, "exceptionally unlikely", "几乎不可能");
}

/* Calendar month "YYYY-MM" of month m of scenario s, or "". */
static const char *calendar(const rs_scenario *s, int m, char *buf, size_t n)
{
    int y0, m0;
    char extra;
    const char *st = s->scen.text[SC_START];
    buf[0] = '\0';
    if (st && sscanf(st, "%4d-%2d%c", &y0, &m0, &extra) == 2 && y0 >= 1000 && m0 >= 1 &&
        m0 <= 12) {
        int t = m0 - 1 + m - 1;
        snprintf(buf, n, "%04d-%02d", y0 + t / 12, t % 12 + 1);
    }
    return buf;
}

static const char *scen_name(const rs_cmp_item *it)
{
    return it->s.scen.text[SC_NAME] ? it->s.scen.text[SC_NAME] : it->id;
}

/* "section:name.key" of ranged parameter g. */
static const char *range_label(const rs_range *g, char *buf, size_t n)
{
    snprintf(buf, n, "%s", g->label);
    return buf;
}

/* A parameter value: grouped when large, else up to 4 significant digits. */
static const char *param_num(double v, char *buf, size_t n)
{
    if (fabs(v) >= 1000)
        return rs_text_group(v, 0, buf, n);
    char tmp[64];
    snprintf(tmp, sizeof tmp, "%.4g", fabs(v));
    snprintf(buf, n, "%s%s", v < 0 && strspn(tmp, "0.") != strlen(tmp) ? MINUS : "", tmp);
    return buf;
}

/* ---- charts ------------------------------------------------------------------- */

/* A figure: the chart's SVG inline, then its caption (trusted markup). */
static int figure(page *p, char *svg, const char *caption_text)
{
    char prefix[32];
    p->fig++;
    snprintf(prefix, sizeof prefix, "f%d-", p->fig);
    char *el = rs_svg_inline(svg, prefix, caption_text);
    free(svg);
    if (!el)
        return rs_error_set(p->err, RS_ESOFTWARE, "report: out of memory for a chart");
    hf(p->b, "<figure id=\"fig%d\">\n", p->fig);
    raw(p->b, el);
    hf(p->b, "\n<figcaption><b>%s%d</b> %e</figcaption>\n</figure>\n", L(p, "Figure ", "图"), p->fig,
       caption_text);
    free(el);
    return RS_OK;
}

static int cmp_figure(page *p, rs_cmp_chart k, int item, const char *caption)
{
    char *svg = NULL;
    int rc = rs_plot_svg_compare(&p->pen, k, &p->in, item, &svg, NULL, p->err);
    return rc ? rc : figure(p, svg, caption);
}

static int run_figure(page *p, rs_chart k, const rs_plot_input *in, const char *caption)
{
    char *svg = NULL;
    int rc = rs_plot_svg_run(&p->pen, k, in, &svg, NULL, p->err);
    return rc ? rc : figure(p, svg, caption);
}

static void no_charts_note(page *p)
{
    hf(p->b, "<p class=\"note\">%s</p>\n", p->nocharts);
}

/* ---- the sections ------------------------------------------------------------ */

static const char *const page_css =
    "@page { size: A4; margin: 15mm 15mm 17mm 15mm; }\n"
    "* { box-sizing: border-box; }\n"
    "html { color: #262626; background: #fff; font-size: 10pt; line-height: 1.45;\n"
    "  -webkit-print-color-adjust: exact; print-color-adjust: exact; }\n"
    "body { margin: 0 auto; padding: 8mm 6mm; max-width: 192mm; }\n"
    "@media print { body { padding: 0; max-width: none; } }\n"
    "html[lang=en] { font-family: \"DejaVu Sans\", \"Noto Sans\", \"Helvetica Neue\", Arial, "
    "\"WenQuanYi Micro Hei\", \"Noto Sans CJK SC\", sans-serif; }\n"
    "html[lang=zh-CN] { font-family: \"WenQuanYi Micro Hei\", \"Noto Sans CJK SC\", "
    "\"Source Han Sans SC\", \"PingFang SC\", \"Microsoft YaHei\", sans-serif; }\n"
    "svg text { font-family: \"DejaVu Sans\", \"WenQuanYi Micro Hei\", \"Noto Sans CJK SC\", "
    "sans-serif; }\n"
    "h1 { font-size: 21pt; line-height: 1.2; margin: 0 0 3mm; }\n"
    "h2 { font-size: 14pt; margin: 7mm 0 3mm; padding-bottom: 1mm; border-bottom: 0.6pt solid #1f5fa8;"
    " color: #1f5fa8; break-after: avoid; page-break-after: avoid; }\n"
    "h3 { font-size: 11.5pt; margin: 5mm 0 2mm; break-after: avoid; page-break-after: avoid; }\n"
    "p, li { orphans: 3; widows: 3; overflow-wrap: anywhere; }\n"
    ".kicker { color: #555; letter-spacing: 0.04em; text-transform: uppercase; font-size: 8.5pt;"
    " margin: 0 0 2mm; }\n"
    ".lead { font-size: 11pt; }\n"
    ".note, .small { color: #555; font-size: 8.5pt; }\n"
    ".src { font-family: \"DejaVu Sans Mono\", monospace; font-size: 6.5pt; color: #666; }\n"
    ".intro { break-after: avoid; page-break-after: avoid; }\n"
    ".off { color: #8a8a8a; }\n"
    "table.rows tr.off td { font-size: 6.5pt; padding-top: 0.4mm; padding-bottom: 0.4mm; }\n"
    "table { border-collapse: collapse; width: 100%; table-layout: fixed; margin: 2mm 0 4mm; }\n"
    "thead { display: table-header-group; }\n"
    "tr, th, td { break-inside: avoid; page-break-inside: avoid; }\n"
    "th, td { padding: 1.2mm 1.6mm; vertical-align: top; text-align: left;"
    " overflow-wrap: anywhere; word-break: break-word; border-bottom: 0.5pt solid #d4d4d4; }\n"
    "thead th { border-bottom: 1pt solid #262626; font-weight: bold; }\n"
    "td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }\n"
    "td.num .v { white-space: nowrap; }\n"
    "td .r { display: block; color: #555; font-size: 7pt; }\n"
    "td .r .v { white-space: nowrap; }\n"
    "tr.group th { background: #eef3f9; border-bottom: 0.5pt solid #9fb6d3; }\n"
    "table.cmp { font-size: 8pt; }\n"
    "table.cmp th, table.cmp td { padding: 0.6mm 1.2mm; line-height: 1.3; }\n"
    "table.cmp th:first-child { width: 31%; }\n"
    "table.facts { font-size: 9pt; break-inside: avoid; page-break-inside: avoid; }\n"
    "table.facts th { width: 24%; font-weight: bold; }\n"
    "table.rows { font-size: 7.5pt; }\n"
    "table.rows col.sec { width: 17%; } table.rows col.key { width: 15%; }\n"
    "table.rows col.val { width: 15%; } table.rows col.rng { width: 15%; }\n"
    "table.rows col.note { width: 38%; }\n"
    "figure { margin: 3mm auto 5mm; max-width: 160mm; break-inside: avoid; page-break-inside: avoid; }\n"
    "figure svg.chart { display: block; width: 100%; height: auto; }\n"
    "figcaption { font-size: 8.5pt; color: #444; margin-top: 1mm; }\n"
    ".risk { break-inside: avoid; page-break-inside: avoid; margin-bottom: 4mm; }\n"
    ".risk h3 { margin-top: 4mm; }\n"
    "section.scenario { break-before: page; page-break-before: always; }\n"
    "section.charts, section.table { break-before: page; page-break-before: always; }\n"
    "nav ol { margin: 1mm 0 0; padding-left: 6mm; }\n"
    "a { color: #1f5fa8; text-decoration: none; }\n";

static void title_block(page *p)
{
    const rs_compare *c = p->c;
    const rs_cmp_item *base = &c->items[c->baseline];
    rs_textbuf *b = p->b;
    char num[64], buf[256];
    hf(b, "<header class=\"cover\">\n<p class=\"kicker\">%s</p>\n<h1>%s</h1>\n",
       L(p, "revsim · proposal pack", "revsim · 方案资料包"),
       L(p, "Comparison of revitalisation scenarios", "存量资产盘活方案比较"));
    hf(b, "<p class=\"lead\">%s<b>%e</b>%s</p>\n",
       L(p, "Gains are measured against the baseline ", "各项增量均相对于基准情景"), scen_name(base),
       L(p, ". Every scenario is run with the same Monte Carlo runs and seed.",
         "计算；所有情景使用相同的蒙特卡洛模拟次数和随机种子。"));
    raw(b, "<table class=\"facts\">\n<tbody>\n");
    hf(b, "<tr><th>%s</th><td><ol>", L(p, "Scenarios", "情景"));
    for (int i = 0; i < c->n; i++) {
        const rs_cmp_item *it = &c->items[i];
        hf(b, "<li><b>%e</b>%s<br><span class=\"small\">%e · %e · ", scen_name(it),
           i == c->baseline ? L(p, " (baseline)", "（基准情景）") : "", it->id, it->path);
        hf(b, L(p, "%d years, %d communities, %d levers", "%d年，%d个小区，%d个项目"),
           (int)it->s.scen.v[SC_HORIZON], it->s.ncom, it->s.nlev);
        raw(b, "</span></li>");
    }
    raw(b, "</ol></td></tr>\n");
    hf(b, "<tr><th>%s</th><td>%e</td></tr>\n", L(p, "Date", "日期"), p->date);
    if (c->runs > 0) {
        rs_text_group((double)c->runs, 0, num, sizeof num);
        snprintf(buf, sizeof buf, L(p, "%s runs a scenario, seed %lu (the same for every "
                                       "scenario)", "每个情景%s次，随机种子%lu（各情景相同）"),
                 num, c->seed);
        hf(b, "<tr><th>%s</th><td>%e</td></tr>\n", L(p, "Monte Carlo", "蒙特卡洛模拟"), buf);
    } else {
        hf(b, "<tr><th>%s</th><td>%s</td></tr>\n", L(p, "Monte Carlo", "蒙特卡洛模拟"),
           L(p, "not run (0 runs): base case only, no ranges or probabilities",
             "未运行（0次）：仅基准情形，无区间和概率"));
    }
    if (c->horizons_differ)
        hf(b, "<tr><th>%s</th><td>%s%d%s</td></tr>\n", L(p, "Horizon", "规划期"),
           L(p, "the horizons differ: yearly comparisons cover the first ",
             "各情景规划期不同：逐年比较只含各情景共有的前"), c->years,
           L(p, " years, which every scenario has; headline metrics use each scenario's own horizon",
             "年；核心指标按各情景自身的规划期计算"));
    else
        hf(b, "<tr><th>%s</th><td>%d%s</td></tr>\n", L(p, "Horizon", "规划期"), c->years,
           L(p, " years", "年"));
    hf(b, "<tr><th>%s</th><td>%e%s</td></tr>\n", L(p, "Amounts", "金额单位"), p->unit,
       L(p, "", "（1万元 = 10,000元）"));
    raw(b, "</tbody>\n</table>\n");
}

static void at_a_glance(page *p)
{
    const rs_compare *c = p->c;
    rs_textbuf *b = p->b;
    char g[192], v[96], cov[64], pc[64], npv[96];
    hf(b, "<h2 id=\"glance\">%s</h2>\n<ul>\n", L(p, "At a glance", "要点"));
    for (int i = 0; i < c->n; i++) {
        const rs_cmp_item *it = &c->items[i];
        const double *m = it->r->metric;
        double gain = rs_compare_gain(c, i, MT_REVENUE_STAB);
        money_u(p, p->zh ? fabs(gain) : gain, v, sizeof v);
        if (p->zh)
            snprintf(g, sizeof g, "%s%s", gain < 0 ? "减少" : "增加", v);
        else
            snprintf(g, sizeof g, "%s%s over the baseline", gain > 0 ? "+" : "", v);
        money_u(p, m[MT_REVENUE_STAB], v, sizeof v);
        if (isnan(m[MT_COVERAGE_STAB]))
            snprintf(cov, sizeof cov, "%s", L(p, "no deficit to cover", "无亏损需覆盖"));
        else
            pct(m[MT_COVERAGE_STAB], cov, sizeof cov);
        money_u(p, m[MT_NPV], npv, sizeof npv);
        hf(b, "<li><b>%e</b>%s", scen_name(it), L(p, ": ", "："));
        if (i != c->baseline)
            hf(b, L(p, "revenue in the stabilized year %e (%e); ", "稳定年收入%e（比基准情景%e）；"),
               v, g);
        else
            hf(b, L(p, "the baseline; revenue in the stabilized year %e; ",
                    "基准情景；稳定年收入%e；"), v);
        hf(b, L(p, "coverage of the deficit %e", "亏损覆盖率%e"), cov);
        if (it->mc) {
            pct(it->mc->metric[MT_P_COVERED_STAB][MC_MEAN], pc, sizeof pc);
            hf(b, L(p, " (covered in %e of runs)", "（%e的模拟可覆盖）"), pc);
        }
        hf(b, L(p, "; net present value %e.", "；净现值%e。"), npv);
        raw(b, "</li>\n");
    }
    raw(b, "</ul>\n");
}

static void contents(page *p)
{
    const rs_compare *c = p->c;
    hf(p->b, "<nav><h2 id=\"contents\">%s</h2><ol>\n", L(p, "Contents", "目录"));
    hf(p->b, "<li><a href=\"#table\">%s</a></li>\n", L(p, "Comparison table", "比较表"));
    hf(p->b, "<li><a href=\"#charts\">%s</a></li>\n", L(p, "Comparison charts", "比较图表"));
    hf(p->b, "<li><a href=\"#risks\">%s</a></li>\n", L(p, "Risks", "风险"));
    for (int i = 0; i < c->n; i++)
        hf(p->b, "<li><a href=\"#s%d\">%s%e</a></li>\n", i + 1,
           L(p, "Scenario: ", "情景："), scen_name(&c->items[i]));
    raw(p->b, "</ol></nav>\n");
}

/* The rows of the comparison table, in order (fund_min_month follows fund_min). */
static const int table_metrics[] = {
    MT_REVENUE_YEAR1, MT_REVENUE_STAB, MT_NET_STAB, MT_DEFICIT_BEFORE, MT_DEFICIT_YEAR1,
    MT_COVERAGE_YEAR1, MT_COVERAGE_STAB, MT_P_COVERED_STAB, MT_COVERAGE_LAST, MT_FIRST_COVERED,
    MT_YEARS_COVERED, MT_STAB_YEAR,
    MT_CAPEX_TOTAL, MT_NPV, MT_IRR, MT_PAYBACK, MT_DPAYBACK, MT_FUND_MIN, MT_FUND_MIN_MONTH,
    MT_FUND_END, MT_P_FUND_NONNEG,
};
#define NTABLE ((int)(sizeof table_metrics / sizeof table_metrics[0]))

static int is_prob(int k)
{
    return k == MT_P_COVERED_STAB || k == MT_P_FUND_NONNEG;
}

static void metric_cell(page *p, const rs_cmp_item *it, int k)
{
    char v[96], a[96], z[96];
    rs_textbuf *b = p->b;
    if (is_prob(k)) {
        if (it->mc)
            metric_text(p, k, it->mc->metric[k][MC_MEAN], v, sizeof v);
        else
            snprintf(v, sizeof v, "%s", it->r->metric[k] >= 1 ? L(p, "yes (base case)", "是（基准情形）")
                                                              : L(p, "no (base case)", "否（基准情形）"));
        hf(b, "<td class=\"num\"><span class=\"v\">%e</span></td>", v);
        return;
    }
    metric_text(p, k, it->r->metric[k], v, sizeof v);
    /* no programme at all (no capex, no commercial cash flow): nothing to pay back */
    if ((k == MT_PAYBACK || k == MT_DPAYBACK || k == MT_IRR) && isnan(it->r->metric[k]) &&
        it->r->metric[MT_CAPEX_TOTAL] == 0 && it->s.nlev == 0)
        snprintf(v, sizeof v, "%s", L(p, "n/a (no investment)", "不适用（无投资）"));
    hf(b, "<td class=\"num\"><span class=\"v\">%e</span>", v);
    if (it->mc && k != MT_STAB_YEAR && k != MT_FUND_MIN_MONTH) {
        double lo = it->mc->metric[k][MC_P10], hi = it->mc->metric[k][MC_P90];
        if (!(isnan(lo) && isnan(hi)))
            hf(b, "<span class=\"r\"><span class=\"v\">%e</span> %s<wbr> <span class=\"v\">%e</span></span>",
               metric_text(p, k, lo, a, sizeof a), DASH, metric_text(p, k, hi, z, sizeof z));
    }
    raw(b, "</td>");
}

static void comparison_table(page *p)
{
    const rs_compare *c = p->c;
    rs_textbuf *b = p->b;
    char lab[256], v[96], num[64];
    hf(b, "<section class=\"table\">\n<h2 id=\"table\">%s</h2>\n",
       L(p, "Comparison table", "比较表"));
    hf(b, "<p class=\"small intro\">%s</p>\n",
       c->runs > 0
           ? L(p, "Each cell gives the base case (every parameter at its value) and, below it in "
                  "grey, the range P10" DASH "P90 that 80% of the Monte Carlo runs fall in. "
                  "Probabilities are shares of runs. Gains are the scenario's base case minus the "
                  "baseline's.",
               "每格上行为基准情形（各参数取设定值），下方灰色为蒙特卡洛模拟的P10" DASH "P90区间（80%"
               "的模拟结果落在其中）。概率为模拟次数占比。增量为该情景基准情形减去基准情景。")
           : L(p, "Each cell gives the base case (every parameter at its value). Gains are the "
                  "scenario's base case minus the baseline's.",
               "每格为基准情形（各参数取设定值）。增量为该情景减去基准情景。"));
    int tables = (c->n + COLS_PER_TABLE - 1) / COLS_PER_TABLE;
    int per = (c->n + tables - 1) / tables;
    for (int t = 0; t < tables; t++) {
        int i0 = t * per, i1 = i0 + per < c->n ? i0 + per : c->n;
        raw(b, "<table class=\"cmp\">\n<thead><tr><th>");
        raw(b, t > 0 ? L(p, "Metric (continued)", "指标（续）") : L(p, "Metric", "指标"));
        raw(b, "</th>");
        for (int i = i0; i < i1; i++)
            hf(b, "<th class=\"num\">%e%s</th>", scen_name(&c->items[i]),
               i == c->baseline ? L(p, " (baseline)", "（基准）") : "");
        raw(b, "</tr></thead>\n<tbody>\n");
        for (int r = 0; r < NTABLE; r++) {
            int k = table_metrics[r];
            hf(b, "<tr><th>%e</th>", metric_label(p, k, lab, sizeof lab));
            for (int i = i0; i < i1; i++)
                metric_cell(p, &c->items[i], k);
            raw(b, "</tr>\n");
        }
        hf(b, "<tr class=\"group\"><th colspan=\"%d\">%s</th></tr>\n", i1 - i0 + 1,
           L(p, "Gain over the baseline (base case)", "相对基准情景的增量（基准情形）"));
        for (int g = 0; g < 4; g++) {
            int k = rs_gain_metrics[g];
            hf(b, "<tr><th>%e</th>", metric_label(p, k, lab, sizeof lab));
            for (int i = i0; i < i1; i++) {
                if (i == c->baseline) {
                    hf(b, "<td class=\"num\">%s</td>", EMDASH);
                    continue;
                }
                double d = rs_compare_gain(c, i, k);
                snprintf(v, sizeof v, "%s%s", d > 0 ? "+" : "", money(p, d, num, sizeof num));
                hf(b, "<td class=\"num\"><span class=\"v\">%e</span></td>", v);
            }
            raw(b, "</tr>\n");
        }
        raw(b, "</tbody>\n</table>\n");
    }
    raw(b, "</section>\n");
}

static int comparison_charts(page *p)
{
    const rs_compare *c = p->c;
    int rc = RS_OK;
    char cap[512];
    hf(p->b, "<section class=\"charts\">\n<h2 id=\"charts\">%s</h2>\n",
       L(p, "Comparison charts", "比较图表"));
    if (!p->charts) {
        no_charts_note(p);
        raw(p->b, "</section>\n");
        return RS_OK;
    }
    snprintf(cap, sizeof cap, L(p, "Yearly revenue of each scenario minus the baseline's, base case, "
                                   "over the %d years every scenario has.",
                                "各情景年度收入减去基准情景年度收入（基准情形），共%d年。"), c->years);
    rc = cmp_figure(p, RS_CMP_GAIN, 0, cap);
    if (!rc) {
        snprintf(cap, sizeof cap, "%s",
                 L(p, "Commercial net income divided by the management deficit, by year (base case). "
                      "Above the dashed 100% line the deficit is covered; no point means no deficit.",
                   "各年商业净收益除以物业亏损（基准情形）。高于100%虚线即覆盖亏损；无点表示当年无亏损。"));
        rc = cmp_figure(p, RS_CMP_COVERAGE, 0, cap);
    }
    if (!rc && rs_cmp_chart_wanted(RS_CMP_NPV, &p->in, 0)) {
        snprintf(cap, sizeof cap, "%s",
                 L(p, "Net present value of every Monte Carlo run, as the share of runs in each bin; "
                      "dashed lines mark each scenario's median (P50).",
                   "每次蒙特卡洛模拟的净现值分布（各区间的模拟次数占比）；虚线为各情景中位数（P50）。"));
        rc = cmp_figure(p, RS_CMP_NPV, 0, cap);
    }
    for (int i = 0; i < c->n && !rc; i++)
        if (rs_cmp_chart_wanted(RS_CMP_COMMUNITIES, &p->in, i)) {
            snprintf(cap, sizeof cap, L(p, "%s: coverage of each community's deficit by the levers "
                                           "attached to it, by year (base case).",
                                        "%s：各小区所属项目净收益对该小区物业亏损的覆盖率（基准情形）。"),
                     scen_name(&c->items[i]));
            rc = cmp_figure(p, RS_CMP_COMMUNITIES, i, cap);
        }
    raw(p->b, "</section>\n");
    return rc;
}

/* The top parameters by NPV swing (finite, > 0), at most `max`. */
static int top_swings(const rs_cmp_item *it, int max)
{
    int n = 0;
    for (int j = 0; j < it->nsweep && n < max; j++) {
        double sw = it->sweep[j].swing;
        if (!(isfinite(sw) && sw > 0))
            break;
        n++;
    }
    return n;
}

static void risks(page *p)
{
    const rs_compare *c = p->c;
    rs_textbuf *b = p->b;
    char a[96], z[96], w[96], q[96], cal[48], lab[RS_NAME_MAX * 2 + 64], num[64];
    hf(b, "<section class=\"risks\">\n<h2 id=\"risks\">%s</h2>\n", L(p, "Risks", "风险"));
    for (int i = 0; i < c->n; i++) {
        const rs_cmp_item *it = &c->items[i];
        const double *m = it->r->metric;
        int stab = (int)m[MT_STAB_YEAR];
        hf(b, "<div class=\"risk\">\n<h3>%e</h3>\n<ul>\n", scen_name(it));
        /* covering the deficit */
        raw(b, "<li>");
        if (it->mc) {
            double pr = it->mc->metric[MT_P_COVERED_STAB][MC_MEAN];
            rs_text_group((double)it->mc->runs, 0, num, sizeof num);
            pct(pr, a, sizeof a);
            if (p->zh)
                hf(b, "在%e次蒙特卡洛模拟中，有<b>%e</b>的模拟在稳定年（第%d年）以商业净收益覆盖了物业亏损，"
                      "%e。", num, a, stab, likely(p, pr));
            else
                hf(b, "Commercial net income covers the management deficit of the stabilized year "
                      "(year %d) in <b>%e</b> of %e Monte Carlo runs: %e. ", stab, a, num,
                   likely(p, pr));
        } else {
            hf(b, "%s", L(p, "Monte Carlo did not run, so there are no probabilities. ",
                          "未进行蒙特卡洛模拟，因此没有概率。"));
        }
        if (isnan(m[MT_COVERAGE_STAB]))
            hf(b, "%s", L(p, "In the base case there is no deficit to cover in the stabilized year.",
                          "基准情形下稳定年没有亏损需要覆盖。"));
        else
            hf(b, L(p, "In the base case coverage is %e, so the deficit is %s.",
                    "基准情形下覆盖率为%e，%s覆盖亏损。"),
               pct(m[MT_COVERAGE_STAB], a, sizeof a),
               m[MT_COVERAGE_STAB] >= 1 ? L(p, "covered", "能够") : L(p, "not covered", "不能"));
        raw(b, "</li>\n<li>");
        /* the fund */
        if (it->mc) {
            double pr = it->mc->metric[MT_P_FUND_NONNEG][MC_MEAN];
            hf(b, L(p, "The community fund never goes below zero in <b>%e</b> of runs: %e. ",
                    "社区基金在<b>%e</b>的模拟中始终不为负，%e。"),
               pct(pr, a, sizeof a), likely(p, pr));
        }
        int mm = (int)m[MT_FUND_MIN_MONTH];
        calendar(&it->s, mm, cal, sizeof cal);
        z[0] = '\0';
        if (cal[0])
            snprintf(z, sizeof z, L(p, " (%s)", "（%s）"), cal);
        hf(b, L(p, "In the base case its lowest balance is %e, in month %d%e.",
                "基准情形下基金最低余额为%e，出现在第%d月%e。"),
           money_u(p, m[MT_FUND_MIN], a, sizeof a), mm, z);
        raw(b, "</li>\n");
        /* NPV below zero */
        if (it->mc && it->mc->npv && it->mc->runs > 0 && it->s.nlev > 0) {
            long neg = 0, n = 0;
            for (long r = 0; r < it->mc->kept; r++)
                if (isfinite(it->mc->npv[r])) {
                    n++;
                    neg += it->mc->npv[r] < 0;
                }
            /* past the runs kept, the share over every run */
            double pneg = it->mc->runs > it->mc->kept ? it->mc->p_npv_negative
                                                      : n ? (double)neg / n : 0;
            hf(b, L(p, "<li>The net present value is below zero in <b>%e</b> of runs "
                       "(P10 %e, P50 %e, P90 %e).</li>\n",
                    "<li>净现值为负的概率为<b>%e</b>（P10 %e，P50 %e，P90 %e）。</li>\n"),
               pct(isnan(pneg) ? 0 : pneg, a, sizeof a),
               money_u(p, it->mc->metric[MT_NPV][MC_P10], z, sizeof z),
               money_u(p, it->mc->metric[MT_NPV][MC_P50], w, sizeof w),
               money_u(p, it->mc->metric[MT_NPV][MC_P90], q, sizeof q));
        }
        /* what moves NPV most */
        int top = top_swings(it, 3);
        if (top == 0) {
            hf(b, "<li>%s</li>\n",
               it->s.nranges == 0
                   ? L(p, "No parameter has a low" DASH "high range, so no sensitivity was computed.",
                       "没有参数设定低值和高值，因此未做敏感性分析。")
                   : L(p, "The net present value does not depend on any parameter with a range.",
                       "净现值不受任何设定区间的参数影响。"));
        } else {
            hf(b, "<li>%s<ol>\n",
               top == 1 ? L(p, "The assumption that moves the net present value most (moved alone "
                               "to its low and its high value):",
                            "对净现值影响最大的假设（单独调到低值和高值）：")
                        : L(p, "The assumptions that move the net present value most (each moved "
                               "alone to its low and its high value):",
                            "对净现值影响最大的几项假设（每次单独调到低值和高值）："));
            for (int j = 0; j < top; j++) {
                const rs_sweep_row *row = &it->sweep[j];
                const rs_range *g = &it->s.ranges[row->range];
                char lo[64], hi[64];
                const char *unit = g->e->sec->params[g->param].unit;
                hf(b, L(p, "<li><b>%e</b> (%e%s%e%s%e): NPV %e at the low value, %e at the high "
                           "value.</li>\n",
                        "<li><b>%e</b>（%e%s%e%s%e）：取低值时净现值%e，取高值时%e。</li>\n"),
                   range_label(g, lab, sizeof lab), param_num(g->low, lo, sizeof lo), " " DASH " ",
                   param_num(g->high, hi, sizeof hi), unit && *unit ? " " : "", unit ? unit : "",
                   money_u(p, row->metric_low, a, sizeof a), money_u(p, row->metric_high, z, sizeof z));
            }
            raw(b, "</ol></li>\n");
        }
        raw(b, "</ul>\n</div>\n");
    }
    raw(b, "</section>\n");
}

/* Unit of a scenario row: its own unit cell, else the parameter table's. */
static const char *row_unit(const rs_row *r)
{
    if (r->unit && *r->unit)
        return r->unit;
    char sec[RS_NAME_MAX + 32];
    snprintf(sec, sizeof sec, "%.*s", (int)strcspn(r->section, ":"), r->section);
    const rs_section *s = rs_section_find(sec);
    if (!s || !r->key)
        return "";
    int k = rs_param_find(s->params, s->nparams, r->key);
    return k >= 0 && s->params[k].unit ? s->params[k].unit : "";
}

/* 1 when the section of row r is a lever the scenario switched off. */
static int row_off(const rs_source *src, const rs_row *r)
{
    for (int i = 0; i < src->nrows; i++) {
        const rs_row *e = &src->rows[i];
        double v;
        if (strcmp(e->section, r->section) == 0 && e->key && strcmp(e->key, "enabled") == 0 &&
            e->value && rs_parse_number(e->value, &v) == 0 && v == 0)
            return 1;
    }
    return 0;
}

/* Order of the assumption rows: sections in order of first appearance,
 * rows of a section in file order, the `enabled` row of a section that is
 * switched off first. */
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

static int assumptions(page *p, const rs_cmp_item *it)
{
    rs_textbuf *b = p->b;
    const rs_source *src = &it->src;
    row_key *order = malloc((size_t)(src->nrows ? src->nrows : 1) * sizeof *order);
    unsigned char *off = calloc((size_t)(src->nrows ? src->nrows : 1), 1);
    int any_off = 0;
    if (!order || !off) {
        free(order);
        free(off);
        return rs_error_set(p->err, RS_ESOFTWARE, "out of memory");
    }
    for (int i = 0; i < src->nrows; i++) {
        const rs_row *r = &src->rows[i];
        int first = i;
        for (int j = 0; j < i; j++)
            if (strcmp(src->rows[j].section, r->section) == 0) {
                first = j;
                break;
            }
        off[i] = (unsigned char)row_off(src, r);
        any_off |= off[i];
        order[i].first = first;
        order[i].pri = off[i] && r->key && strcmp(r->key, "enabled") == 0 ? 0 : 1;
        order[i].idx = i;
    }
    qsort(order, (size_t)src->nrows, sizeof *order, cmp_row_key);
    hf(b, "<h3>%s</h3>\n<p class=\"small intro\">%s%s</p>\n", L(p, "Assumptions", "假设"),
       L(p, "Every row of the scenario file and the files it is based on, as read: the value with "
            "its unit, the low" DASH "high range Monte Carlo draws from, and the note saying where "
            "the number comes from, with its file and row.",
         "情景文件（及其基础文件）的每一行：取值及单位、蒙特卡洛抽样的低值" DASH "高值区间，以及说明"
         "数字来源的备注（附文件和行号）。"),
       any_off ? L(p, " Grey rows belong to levers this scenario switches off (enabled = 0); they "
                      "do not enter its results.",
                   "灰色行属于本情景关闭的项目（enabled = 0），不计入结果。")
               : "");
    hf(b, "<table class=\"rows\">\n<colgroup><col class=\"sec\"><col class=\"key\"><col class=\"val\">"
          "<col class=\"rng\"><col class=\"note\"></colgroup>\n<thead><tr><th>%s</th><th>%s</th>"
          "<th>%s</th><th>%s</th><th>%s</th></tr></thead>\n<tbody>\n",
       L(p, "Section", "部分"), L(p, "Key", "参数"), L(p, "Value", "取值"),
       L(p, "Range (low" DASH "high)", "区间（低" DASH "高）"), L(p, "Source note", "来源说明"));
    for (int o = 0; o < src->nrows; o++) {
        int i = order[o].idx;
        const rs_row *r = &src->rows[i];
        int enabled_row = r->key && strcmp(r->key, "enabled") == 0;
        size_t vlen = r->value ? strlen(r->value) : 0;
        int percent = vlen > 0 && r->value[vlen - 1] == '%';     /* "60%" needs no "fraction" */
        const char *unit = enabled_row || percent ? "" : row_unit(r);
        int has_range = r->low && *r->low && r->high && *r->high;
        hf(b, "<tr%s><td>%e</td><td>%e</td><td>%e%s%e", off[i] ? " class=\"off\"" : "", r->section,
           r->key, r->value ? r->value : "", *unit ? " " : "", unit);
        if (enabled_row && off[i])
            hf(b, " %s", L(p, "(switched off)", "（关闭）"));
        raw(b, "</td><td>");
        if (has_range)
            hf(b, "%e%s<wbr>%e%s%e", r->low, " " DASH " ", r->high, r->dist && *r->dist ? ", " : "",
               r->dist ? r->dist : "");
        const char *file = r->file ? strrchr(r->file, '/') : NULL;
        file = file ? file + 1 : r->file ? r->file : "";
        char where[64];
        snprintf(where, sizeof where, ":%d", r->line);
        raw(b, "</td><td>");
        if (!off[i] || enabled_row)      /* a switched-off lever's numbers do not matter */
            hf(b, "%e ", r->note ? r->note : "");
        hf(b, "<span class=\"src\">%e%e</span></td></tr>\n", file, where);
    }
    raw(b, "</tbody>\n</table>\n");
    free(order);
    free(off);
    return RS_OK;
}

static int scenario_section(page *p, int i)
{
    const rs_compare *c = p->c;
    const rs_cmp_item *it = &c->items[i];
    rs_textbuf *b = p->b;
    int rc = RS_OK;
    char cap[512], (*labels)[RS_NAME_MAX * 2 + 64] = NULL;
    rs_tornado_row *rows = NULL;
    hf(b, "<section class=\"scenario\">\n<h2 id=\"s%d\">%s%e</h2>\n", i + 1,
       L(p, "Scenario: ", "情景："), scen_name(it));
    hf(b, "<p class=\"small\">%e · %e%s</p>\n", it->id, it->path,
       i == c->baseline ? L(p, " · the baseline", " · 基准情景") : "");
    if (!p->charts) {
        no_charts_note(p);
    } else {
        rs_plot_input in = {&it->s, it->r, it->mc, "npv", NULL, it->npv_base, NULL, 0};
        rc = run_figure(p, RS_CHART_COVERAGE, &in,
                        L(p, "Commercial net income and management deficit by year; coverage on the "
                             "right axis (base case).",
                          "各年商业净收益与物业亏损；右轴为覆盖率（基准情形）。"));
        if (!rc && it->s.nlev > 0)
            rc = run_figure(p, RS_CHART_REVENUE, &in,
                            L(p, "Gross revenue of each lever by year (base case).",
                              "各项目年度总收入（基准情形）。"));
        if (!rc && it->s.nlev > 0)
            rc = run_figure(p, RS_CHART_CASHFLOW, &in,
                            L(p, "Cumulative programme cash flow (net income minus investment), plain "
                                 "and discounted; its discounted end is the net present value.",
                              "项目累计现金流（净收益减投资）及其折现值；折现曲线终点即净现值。"));
        if (!rc)
            rc = run_figure(p, RS_CHART_FUND, &in,
                            L(p, "The shared community fund at each month end (base case).",
                              "社区共享基金各月末余额（基准情形）。"));
        if (!rc && it->mc && it->s.nlev > 0)
            rc = run_figure(p, RS_CHART_FAN_COVERAGE, &in,
                            L(p, "Coverage by year over the Monte Carlo runs: P10" DASH "P90 band, "
                                 "median and base case.",
                              "蒙特卡洛模拟下各年覆盖率：P10" DASH "P90区间、中位数与基准情形。"));
        int top = top_swings(it, TORNADO_ROWS);
        if (!rc && top > 0) {
            rows = calloc((size_t)top, sizeof *rows);
            labels = calloc((size_t)top, sizeof *labels);
            if (!rows || !labels) {
                rc = rs_error_set(p->err, RS_ESOFTWARE, "out of memory");
            } else {
                for (int j = 0; j < top; j++) {
                    const rs_range *g = &it->s.ranges[it->sweep[j].range];
                    rows[j].label = range_label(g, labels[j], sizeof labels[j]);
                    rows[j].low = g->low;
                    rows[j].high = g->high;
                    rows[j].metric_low = it->sweep[j].metric_low;
                    rows[j].metric_high = it->sweep[j].metric_high;
                }
                in.rows = rows;
                in.nrows = top;
                snprintf(cap, sizeof cap,
                         L(p, "Net present value with each of the %d most influential parameters "
                              "moved alone to its low and its high value.",
                           "影响最大的%d个参数分别单独取低值和高值时的净现值。"), top);
                rc = run_figure(p, RS_CHART_TORNADO, &in, cap);
            }
        }
    }
    if (!rc)
        rc = assumptions(p, it);
    raw(b, "</section>\n");
    free(rows);
    free(labels);
    return rc;
}

/* ---- the page ------------------------------------------------------------------ */

static void today(char *buf, size_t n)
{
    const char *sde = getenv("SOURCE_DATE_EPOCH");
    time_t t;
    struct tm tm;
    char *end;
    long long e = sde ? strtoll(sde, &end, 10) : 0;
    if (sde && *sde && !*end && e >= 0) {
        t = (time_t)e;
        gmtime_r(&t, &tm);
    } else {
        t = time(NULL);
        localtime_r(&t, &tm);
    }
    strftime(buf, n, "%Y-%m-%d", &tm);
}

static void set_unit(page *p)
{
    p->k = rs_text_money_unit(p->c->items[p->c->baseline].s.scen.text[SC_CURRENCY], p->zh,
                              p->unit, sizeof p->unit);
}

int rs_report_html(const rs_compare *c, const rs_plot_args *a, char **html, size_t *len,
                   rs_error *err)
{
    rs_textbuf b = {0};
    page p;
    memset(&p, 0, sizeof p);
    *html = NULL;
    if (!c || c->n < 1 || c->baseline < 0 || c->baseline >= c->n)
        return rs_error_set(err, RS_ESOFTWARE, "report: nothing to compare");
    p.b = &b;
    p.c = c;
    p.zh = a && a->opts.lang == RS_LANG_ZH;
    p.err = err;
    set_unit(&p);
    today(p.date, sizeof p.date);
    int rc = RS_OK;
    if (!(p.items = calloc((size_t)c->n, sizeof *p.items)))
        return rs_error_set(err, RS_ESOFTWARE, "out of memory");
    rs_plot_compare_input(c, p.items, &p.in);
    if (!a || !a->enabled) {
        p.nocharts = L(&p, "Charts were not drawn (--no-plots).", "未绘制图表（--no-plots）。");
    } else {
        int warned = 0;
        rs_error perr = {0};
        if ((rc = rs_plot_svg_init(&p.pen, &a->opts, &warned, &perr))) {
            rs_error_set(err, rc, "%s", perr.msg);
            goto out;
        }
        if (warned)
            p.nocharts = L(&p, "Charts are missing: gnuplot was not found when this report was made "
                               "(install gnuplot-nox and run again).",
                           "缺少图表：生成本报告时未找到gnuplot（安装gnuplot-nox后重新运行）。");
        else
            p.charts = 1;
    }

    char title[512];
    snprintf(title, sizeof title, "%s%s", L(&p, "Scenario comparison: ", "方案比较："),
             scen_name(&c->items[c->baseline]));
    hf(&b, "<!DOCTYPE html>\n<html lang=\"%s\">\n<head>\n<meta charset=\"utf-8\">\n"
           "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
           "<meta name=\"generator\" content=\"revsim compare\">\n<title>%e</title>\n<style>\n%s"
           "</style>\n</head>\n<body>\n",
       p.zh ? "zh-CN" : "en", title, page_css);
    title_block(&p);
    at_a_glance(&p);
    contents(&p);
    comparison_table(&p);
    if ((rc = comparison_charts(&p)))
        goto out;
    risks(&p);
    for (int i = 0; i < c->n && !rc; i++)
        rc = scenario_section(&p, i);
    if (rc)
        goto out;
    hf(&b, "<footer class=\"note\"><p>%s%e.</p></footer>\n</body>\n</html>\n",
       L(&p, "Made by revsim compare on ", "由 revsim compare 生成于"), p.date);
    if (b.failed)
        rc = rs_error_set(err, RS_ESOFTWARE, "report: out of memory");
out:
    free(p.items);
    if (rc) {
        free(b.p);
        return rc;
    }
    *html = b.p;
    if (len)
        *len = b.len;
    return RS_OK;
}

int rs_report_write(rs_outset *o, const rs_compare *c, const rs_plot_args *a, rs_error *err)
{
    char *html = NULL;
    size_t len = 0;
    int rc = rs_report_html(c, a, &html, &len, err);
    if (rc)
        return rc;
    int n0 = o->n;
    const char *path = rs_outset_path(o, "report.html", err);
    if (!path) {
        free(html);
        return err->code;
    }
    FILE *fp = fopen(path, "wb");
    int bad = !fp;
    if (fp) {
        bad = fwrite(html, 1, len, fp) != len;
        bad |= fclose(fp) != 0;
    }
    free(html);
    if (bad) {
        rc = rs_error_set(err, RS_ECANTCREAT, "%s/report.html: cannot write: %s", o->dir,
                          strerror(errno));
        rs_outset_truncate(o, n0); /* take the report out of the set again */
        return rc;
    }
    return RS_OK;
}
