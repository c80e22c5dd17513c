/* report.c: report.html, the proposal pack of `revsim compare` (report.h):
 * the page and the order of its sections. Each section is a function of
 * its own file (page.h); escaping is html.c's, charts figures.c's, words
 * and numbers words.c's, the style sheet css.c's (docs/report.md). */
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "page.h"
#include "../base/fmt.h"

void rs_report_opts_init(rs_report_opts *o)
{
    memset(o, 0, sizeof *o);
    o->tornado_metric = MT_COVERAGE_STAB;
}

/* The text of scenario key k: the baseline's, else the first scenario's
 * that has one. */
static const char *scenario_text(const rs_compare *c, int k)
{
    const char *t = c->items[c->baseline].s.scen.text[k];
    for (int i = 0; i < c->n && !(t && *t); i++)
        t = c->items[i].s.scen.text[k];
    return t && *t ? t : NULL;
}

void rp_heading_keep(rp_page *p, const char *id, const char *title)
{
    rp_keep_flush(p);
    rp_hf(p->b, "<div class=\"keep\">\n<h2 id=\"%s\">%e</h2>\n", id, title);
    p->keep_pending = 1;
}

void rp_keep_open(rp_page *p)
{
    if (p->keep_pending)
        p->keep_pending = 0;
    else
        rp_raw(p->b, "<div class=\"keep\">\n");
}

void rp_keep_close(rp_page *p)
{
    rp_raw(p->b, "</div>\n");
}

void rp_keep_flush(rp_page *p)
{
    if (p->keep_pending)
        rp_keep_close(p);
    p->keep_pending = 0;
}

static void page_date(char *buf, size_t n)
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

static void contents(rp_page *p)
{
    const rs_compare *c = p->c;
    rs_textbuf *b = p->b;
    rp_hf(b, "<nav><h2 id=\"contents\">%s</h2><ol>\n", TR(p, "Contents", "目录"));
    rp_hf(b, "<li><a href=\"#decision\">%s</a></li>\n", TR(p, "Decision summary", "决策摘要"));
    rp_hf(b, "<li><a href=\"#scenarios\">%s</a></li>\n", TR(p, "The scenarios, checks and warnings",
                                                              "参与比较的情景、检查与提示"));
    if (p->ro.notes)
        rp_hf(b, "<li><a href=\"#notes\">%s</a></li>\n", TR(p, "Background", "背景说明"));
    rp_hf(b, "<li><a href=\"#table\">%s</a></li>\n", TR(p, "Comparison table", "比较表"));
    rp_hf(b, "<li><a href=\"#charts\">%s</a></li>\n", TR(p, "Comparison charts", "比较图表"));
    rp_hf(b, "<li><a href=\"#programme\">%s</a></li>\n",
          TR(p, "Levers, communities and financing", "项目、小区与融资"));
    rp_hf(b, "<li><a href=\"#risks\">%s</a></li>\n", TR(p, "Risks and what drives them", "风险及其影响因素"));
    for (int i = 0; i < c->n; i++)
        rp_hf(b, "<li><a href=\"#s%d\">%s%e</a></li>\n", i + 1, TR(p, "Scenario: ", "情景："),
              rp_scen_name(&c->items[i]));
    rp_hf(b, "<li><a href=\"#assumptions\">%s</a></li>\n", TR(p, "Appendix: assumptions", "附录：假设"));
    rp_raw(b, "</ol></nav>\n");
}

/* The scenarios compared: name, file, size. */
static void scenarios(rp_page *p)
{
    const rs_compare *c = p->c;
    rs_textbuf *b = p->b;
    rp_hf(b, "<h2 id=\"scenarios\">%s</h2>\n<table class=\"scen\">\n<thead><tr><th class=\"no\">%s</th><th>%s</th><th>%s</th>"
             "<th class=\"num\">%s</th><th class=\"num\">%s</th><th class=\"num\">%s</th></tr></thead>\n<tbody>\n",
          TR(p, "The scenarios", "参与比较的情景"), TR(p, "No.", "编号"), TR(p, "Scenario", "情景"),
          TR(p, "File", "文件"),
          TR(p, "Years", "年数"), TR(p, "Communities", "小区"), TR(p, "Levers", "项目"));
    for (int i = 0; i < c->n; i++) {
        const rs_cmp_item *it = &c->items[i];
        rp_hf(b, "<tr><td class=\"no\">%d</td><td><b>%e</b>%s</td><td><span class=\"src\">%e</span></td>"
                 "<td class=\"num\">%d</td><td class=\"num\">%d</td><td class=\"num\">%d</td></tr>\n",
              i + 1, rp_scen_name(it), i == c->baseline ? TR(p, " (baseline)", "（基准情景）") : "", it->path,
              (int)it->s.scen.v[SC_HORIZON], it->s.ncom, it->s.nlev);
    }
    rp_raw(b, "</tbody>\n</table>\n");
    if (c->horizons_differ)
        rp_hf(b, TR(p, "<p class=\"small\">The horizons differ: yearly comparisons cover the first "
                       "%d years, which every scenario has; headline metrics use each scenario's "
                       "own horizon.</p>\n",
                    "<p class=\"small\">各情景规划期不同：逐年比较只含各情景共有的前%d年；核心指标按各情景自身的规划期计算。</p>\n"),
              c->years);
}

static void notes(rp_page *p)
{
    if (!p->ro.notes)
        return;
    rp_hf(p->b, "<section class=\"notes\">\n<h2 id=\"notes\">%s</h2>\n", TR(p, "Background", "背景说明"));
    rp_notes_html(p->b, p->ro.notes);
    rp_raw(p->b, "</section>\n");
}

static int scenario_section(rp_page *p, int i)
{
    const rs_compare *c = p->c;
    const rs_cmp_item *it = &c->items[i];
    rs_textbuf *b = p->b;
    char id[16], title[RS_NAME_MAX * 4];
    snprintf(id, sizeof id, "s%d", i + 1);
    snprintf(title, sizeof title, "%s%s", TR(p, "Scenario: ", "情景："), rp_scen_name(it));
    rp_raw(b, "<section class=\"scenario\">\n");
    rp_heading_keep(p, id, title);
    int rc = rp_scenario_figures(p, i);
    rp_raw(b, "</section>\n");
    return rc;
}

/* Charts: on, off (--no-plots) or missing (no gnuplot). */
static int charts_setup(rp_page *p, const rs_plot_args *a)
{
    if (!a || !a->enabled) {
        p->nocharts = TR(p, "Charts were not drawn (--no-plots).", "未绘制图表（--no-plots）。");
        return RS_OK;
    }
    int warned = 0;
    rs_error perr = {0};
    int rc = rs_plot_svg_init(&p->pen, &a->opts, &warned, &perr);
    if (rc)
        return rs_error_set(p->err, rc, "%s", perr.msg);
    if (warned)
        p->nocharts = TR(p, "Charts are missing: gnuplot was not found when this report was made "
                            "(install gnuplot-nox and run again).",
                         "缺少图表：生成本报告时未找到gnuplot（安装gnuplot-nox后重新运行）。");
    else
        p->charts = 1;
    return RS_OK;
}

int rs_report_html(const rs_compare *c, const rs_plot_args *a, const rs_report_opts *ro,
                   char **html, size_t *len, rs_error *err)
{
    rs_textbuf b = {0};
    rp_page p;
    memset(&p, 0, sizeof p);
    *html = NULL;
    if (!c || c->n < 1 || c->baseline < 0 || c->baseline >= c->n)
        return rs_error_set(err, RS_ESOFTWARE, "report: nothing to compare");
    p.b = &b;
    p.c = c;
    p.zh = a && a->opts.lang == RS_LANG_ZH;
    p.err = err;
    if (ro)
        p.ro = *ro;
    else
        rs_report_opts_init(&p.ro);
    if (p.ro.tornado_metric < 0 || p.ro.tornado_metric >= MT_N)
        p.ro.tornado_metric = MT_COVERAGE_STAB;
    if (!p.ro.author)
        p.ro.author = scenario_text(c, SC_AUTHOR);
    if (!p.ro.organisation)
        p.ro.organisation = scenario_text(c, SC_ORG);
    if (!p.ro.purpose)
        p.ro.purpose = scenario_text(c, SC_PURPOSE);
    for (int i = 0; i < c->n; i++)
        p.borrows |= c->items[i].s.nloan > 0;
    p.k = rs_fmt_money_unit(c->items[c->baseline].s.scen.text[SC_CURRENCY], p.zh, p.unit,
                            sizeof p.unit);
    page_date(p.date, sizeof p.date);
    if (!(p.items = calloc((size_t)c->n, sizeof *p.items)))
        return rs_error_set(err, RS_ESOFTWARE, "out of memory");
    rs_plot_compare_input(c, p.items, &p.in);
    int rc = charts_setup(&p, a);
    if (rc)
        goto out;

    char title[512];
    snprintf(title, sizeof title, "%s%s", TR(&p, "Scenario comparison: ", "方案比较："),
             rp_scen_name(&c->items[c->baseline]));
    rp_hf(&b, "<!DOCTYPE html>\n<html lang=\"%s\">\n<head>\n<meta charset=\"utf-8\">\n"
              "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
              "<meta name=\"generator\" content=\"revsim compare\">\n<title>%e</title>\n<style>\n",
          p.zh ? "zh-CN" : "en", title);
    for (int k = 0; rp_page_css[k]; k++)
        rp_raw(&b, rp_page_css[k]);
    rp_raw(&b, "</style>\n</head>\n<body>\n");
    rp_decision_summary(&p);
    contents(&p);
    scenarios(&p);
    rp_warnings(&p);
    notes(&p);
    rp_comparison_table(&p);
    if ((rc = rp_comparison_charts(&p)) || (rc = rp_programme(&p)))
        goto out;
    if ((rc = rp_risks(&p)))
        goto out;
    for (int i = 0; i < c->n && !rc; i++)
        rc = scenario_section(&p, i);
    if (rc)
        goto out;
    if ((rc = rp_appendix(&p)))
        goto out;
    rp_hf(&b, "<footer class=\"note\"><p>%s%e%s</p></footer>\n</body>\n</html>\n",
          TR(&p, "Made by revsim compare on ", "由 revsim compare 生成于"), p.date, TR(&p, ".", "。"));
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

int rs_report_write(rs_outset *o, const rs_compare *c, const rs_plot_args *a,
                    const rs_report_opts *ro, rs_error *err)
{
    char *html = NULL;
    size_t len = 0;
    int rc = rs_report_html(c, a, ro, &html, &len, err);
    if (rc)
        return rc;
    int n0 = o->n;
    const char *path = rs_outset_path(o, "report.html", err);
    if (!path) {
        free(html);
        return err->code;
    }
    FILE *fp = fopen(path, "wb");
    int e = fp ? 0 : errno;   /* the first failure's errno: ENOSPC when the disk is full */
    if (fp) {
        errno = 0;
        if (fwrite(html, 1, len, fp) != len)
            e = errno ? errno : EIO;
        errno = 0;
        if (fclose(fp) != 0 && !e)
            e = errno ? errno : EIO;
    }
    free(html);
    if (e) {
        rc = rs_error_set(err, e == ENOMEM ? RS_ESOFTWARE : RS_ECANTCREAT,
                          "%s/report.html: cannot write: %s", o->dir, strerror(e));
        rs_outset_truncate(o, n0); /* take the report out of the set again */
        return rc;
    }
    return RS_OK;
}
