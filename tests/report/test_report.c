/* test_report.c: report.html (sim/report.c): HTML escaping, gnuplot's SVG
 * made inline (ids prefixed, text escaped), and the page: self-contained,
 * structured to print on A4, every user string escaped (also inside the
 * charts), every assumption row with its note, the risks in words, English
 * and Chinese, and writing it into an output set. Rendering in a browser is
 * tests/report/render.sh. */
#define _XOPEN_SOURCE 700
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "testutil.h"
#include "../../plots/gp.h"
#include "../../report/report.h"

/* A pair with hostile names and notes, ranges on both, 2 years, r = 0. */
#define HOSTILE_NAME "<script>alert(1)</script> & \"q\" 'x'"
#define SCEN_A                                                                               \
    "section,key,value,low,high,dist,unit,note\n"                                          \
    "scenario,name,\"<script>alert(1)</script> & \"\"q\"\" 'x'\",,,,,\"named <b>here</b>\"\n" \
    "scenario,horizon_years,2\nscenario,discount_rate,0\nscenario,start,2025-03\n"          \
    "community:c,area_m2,1000,,,,,\"area & <i>surveyed</i>\"\n"                             \
    "community:c,fee_rate,1\ncommunity:c,collection_start,0.5\n"                            \
    "community:c,cost_annual,20000,18000,22000,,CNY/year,\"ledger 'p. 3'\"\n"               \
    "other:x,income,1000,800,1300,pert,,\"quote \"\"a > b\"\"\"\n"                          \
    "other:x,capex,6000\n"                                                                   \
    "other:kiosk,income,200\n"
#define SCEN_B                                                                               \
    "section,key,value,low,high,dist,unit,note\nscenario,base,a.csv\n"                     \
    "scenario,name,B </text><script>alert(3)</script>\n"                                    \
    "other:x,income,1500,1000,1800\nother:x,capex,3000\nother:kiosk,enabled,0,,,,,kiosk closed\n"

static char dir[256], a_csv[512], b_csv[512];

static int setup(void **state)
{
    (void)state;
    snprintf(dir, sizeof dir, "%s", rs_test_dir());
    snprintf(a_csv, sizeof a_csv, "%s", rs_test_file(dir, "a.csv", SCEN_A));
    snprintf(b_csv, sizeof b_csv, "%s", rs_test_file(dir, "b.csv", SCEN_B));
    setenv("SOURCE_DATE_EPOCH", "1700000000", 1);    /* 2023-11-14 UTC */
    return 0;
}

static void compare(rs_compare *c, long runs)
{
    const char *paths[] = {a_csv, b_csv};
    rs_error err = {0};
    rs_compare_init(c);
    if (rs_compare_load(c, (char **)paths, 2, NULL, &err) != RS_OK ||
        rs_compare_run(c, runs, 5, 1, NULL, &err) != RS_OK) {
        print_error("%s\n", err.msg);
        fail();
    }
}

static char *page(const rs_compare *c, int lang, int charts, rs_error *err)
{
    rs_plot_args a;
    rs_plot_args_init(&a);
    a.enabled = charts;
    a.opts.lang = (rs_plot_lang)lang;
    a.opts.format = RS_FMT_PDF;        /* the report draws SVG whatever --format is */
    char *html = NULL;
    size_t len = 0;
    int rc = rs_report_html(c, &a, &html, &len, err);
    if (rc) {
        print_error("%s\n", err->msg);
        fail();
    }
    assert_int_equal(len, strlen(html));
    return html;
}

static int count(const char *hay, const char *needle)
{
    int n = 0;
    for (const char *p = hay; (p = strstr(p, needle)); p += strlen(needle))
        n++;
    return n;
}

/* ---- escaping ---------------------------------------------------------------------- */

static void test_escape(void **state)
{
    (void)state;
    static const struct {
        const char *in, *want;
    } cases[] = {
        {"plain", "plain"},
        {"&<>\"'", "&amp;&lt;&gt;&quot;&#39;"},
        {"<script>alert(1)</script>", "&lt;script&gt;alert(1)&lt;/script&gt;"},
        {"&amp;", "&amp;amp;"},
        {"a\tb\nc\rd\x01" "e\x7f", "a\tb\nc d e "},
        {"\xE6\xB1\xA0\xE5\xBA\x97 50%", "\xE6\xB1\xA0\xE5\xBA\x97 50%"},
        {"", ""},
        {NULL, ""},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char *got = rs_html_escape(cases[i].in);
        assert_non_null(got);
        assert_string_equal(got, cases[i].want);
        free(got);
    }
}

static void test_svg_inline(void **state)
{
    (void)state;
    static const char svg[] =
        "<?xml version=\"1.0\" encoding=\"utf-8\"  standalone=\"no\"?>\n"
        "<svg \n width=\"960\" height=\"600\"\n viewBox=\"0 0 960 600\"\n"
        " xmlns=\"http://www.w3.org/2000/svg\"\n xmlns:xlink=\"http://www.w3.org/1999/xlink\"\n>\n\n"
        "<title>Gnuplot</title>\n<desc>Produced by GNUPLOT 5.4 patchlevel 4 </desc>\n"
        "<!-- a comment with id=\"x\" -->\n"
        "<g id=\"gnuplot_canvas\">\n<defs>\n\t<circle id='gpDot' r='0.5'/>\n"
        "\t<use xlink:href='#gpDot' id='gpPt6' fill='currentColor'/>\n"
        "\t<filter id='textbox' x='0'/>\n</defs>\n"
        "<g style=\"filter:url(#textbox)\" grid=\"id='no'\"><text>a &lt;b> \"c\" 'd' &amp; e id=\"t\"</text></g>\n"
        "<g id=\"gnuplot_plot_1\" ><title>k &lt;i> 'x'</title></g>\n"
        "</g>\n</svg>\n";
    char *got = rs_svg_inline(svg, "f7-", "Chart \"1\" <b>");
    assert_non_null(got);
    assert_memory_equal(got, "<svg class=\"chart\" role=\"img\" aria-label=\"Chart &quot;1&quot; "
                             "&lt;b&gt;\" \n width=\"960\"", 76);
    assert_null(strstr(got, "<?xml"));
    assert_null(strstr(got, "Gnuplot</title>"));
    assert_null(strstr(got, "<desc>"));
    assert_null(strstr(got, "<!--"));
    assert_non_null(strstr(got, "<g id=\"f7-gnuplot_canvas\">"));
    assert_non_null(strstr(got, "<circle id='f7-gpDot'"));
    assert_non_null(strstr(got, "<use xlink:href='#f7-gpDot' id='f7-gpPt6'"));
    assert_non_null(strstr(got, "style=\"filter:url(#f7-textbox)\""));
    assert_non_null(strstr(got, "grid=\"id='no'\""));            /* inside a value: kept */
    assert_non_null(strstr(got, "<text>a &lt;b&gt; &quot;c&quot; &#39;d&#39; &amp; e id=&quot;t&quot;</text>"));
    assert_non_null(strstr(got, "<title>k &lt;i&gt; &#39;x&#39;</title>"));
    assert_non_null(strstr(got, "</svg>"));
    free(got);
    assert_null(rs_svg_inline("<html>no chart</html>", "p-", "x"));
    assert_null(rs_svg_inline(NULL, "p-", "x"));
}

/* ---- the page -------------------------------------------------------------------------- */

/* Every row of every scenario: section, key and note, escaped. */
static void check_rows(const rs_compare *c, const char *html)
{
    for (int i = 0; i < c->n; i++)
        for (int r = 0; r < c->items[i].src.nrows; r++) {
            const rs_row *row = &c->items[i].src.rows[r];
            const char *parts[] = {row->section, row->key, row->note};
            for (int k = 0; k < 3; k++) {
                if (!parts[k] || !*parts[k])
                    continue;
                char *e = rs_html_escape(parts[k]);
                if (!strstr(html, e)) {
                    print_error("row %s.%s: '%s' not in the page\n", row->section, row->key, e);
                    fail();
                }
                free(e);
            }
        }
}

/* Nothing is fetched: no scripts, links, images, frames, imports; "http"
 * only in SVG namespace declarations. */
static void check_self_contained(const char *html)
{
    static const char *const banned[] = {"<script", "<link", "<img", "<iframe", "<object",
                                         "<embed", "src=", "@import", "url(http", "<base"};
    for (size_t k = 0; k < sizeof banned / sizeof banned[0]; k++)
        if (strstr(html, banned[k])) {
            print_error("the page holds '%s'\n", banned[k]);
            fail();
        }
    for (const char *p = html; (p = strstr(p, "http")); p += 4)
        if (!(p >= html + 7 && strncmp(p - 7, "xmlns=\"", 7) == 0) &&
            !(p >= html + 13 && strncmp(p - 13, "xmlns:xlink=\"", 13) == 0)) {
            print_error("network address in the page: %.40s\n", p);
            fail();
        }
}

static void test_page_en(void **state)
{
    (void)state;
    rs_compare c;
    compare(&c, 64);
    rs_error err = {0};
    char *html = page(&c, RS_LANG_EN, 0, &err);
    /* one document, print rules */
    assert_memory_equal(html, "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">", 60);
    assert_int_equal(count(html, "<html"), 1);
    assert_int_equal(count(html, "</html>"), 1);
    assert_non_null(strstr(html, "@page { size: A4; margin:"));
    assert_non_null(strstr(html, "thead { display: table-header-group; }"));
    assert_non_null(strstr(html, "tr, th, td { break-inside: avoid;"));
    assert_non_null(strstr(html, "figure { margin: 3mm auto 5mm; max-width: 160mm; break-inside: avoid;"));
    assert_non_null(strstr(html, "figure svg.chart { display: block; width: 100%; height: auto; }"));
    assert_non_null(strstr(html, "table-layout: fixed"));
    assert_non_null(strstr(html, "overflow-wrap: anywhere"));
    /* every data table repeats its header */
    assert_int_equal(count(html, "<table class=\"cmp\">\n<thead>"), 1);
    assert_int_equal(count(html, "<table class=\"rows\">"), 2);
    assert_int_equal(count(html, "</colgroup>\n<thead>"), 2);
    check_self_contained(html);
    /* sections and the title block */
    static const char *const ids[] = {"id=\"glance\"", "id=\"contents\"", "id=\"table\"",
                                      "id=\"charts\"", "id=\"risks\"", "id=\"s1\"", "id=\"s2\""};
    for (size_t k = 0; k < sizeof ids / sizeof ids[0]; k++)
        assert_int_equal(count(html, ids[k]), 1);
    assert_non_null(strstr(html, "<td>2023-11-14</td>"));
    assert_non_null(strstr(html, "64 runs a scenario, seed 5 (the same for every scenario)"));
    assert_non_null(strstr(html, "Charts were not drawn (--no-plots)."));
    /* hostile text shows as text */
    char *e = rs_html_escape(HOSTILE_NAME);
    assert_true(count(html, e) >= 6);
    free(e);
    assert_non_null(strstr(html, "B &lt;/text&gt;&lt;script&gt;alert(3)&lt;/script&gt;"));
    assert_non_null(strstr(html, "named &lt;b&gt;here&lt;/b&gt;"));
    assert_non_null(strstr(html, "quote &quot;a &gt; b&quot;"));
    /* the table: base case, P10-P90, gains by hand: A earns 1,000 + 200 a
     * month, B 1,500 (its kiosk is off): 3,600 a year more */
    assert_non_null(strstr(html, "<th>Revenue, year 1 (CNY)</th><td class=\"num\"><span class=\"v\">14,400</span>"));
    assert_non_null(strstr(html, "<td class=\"num\"><span class=\"v\">+3,600</span></td>"));
    assert_non_null(strstr(html, "<th>Net present value (CNY)</th>"));
    /* assumptions: every row, units from the table when the row has none,
     * the switched-off lever grey with its enabled row first */
    check_rows(&c, html);
    assert_non_null(strstr(html, "<td>community:c</td><td>area_m2</td><td>1000 m2</td>"));
    assert_non_null(strstr(html, "<td>community:c</td><td>cost_annual</td><td>20000 CNY/year</td>"
                                 "<td>18000 \xE2\x80\x93 <wbr>22000</td>"));
    assert_non_null(strstr(html, "<td>800 \xE2\x80\x93 <wbr>1300, pert</td>"));
    const char *kiosk_on = strstr(html, "<tr class=\"off\"><td>other:kiosk</td><td>enabled</td><td>0 (switched off)");
    const char *kiosk_income = strstr(html, "<tr class=\"off\"><td>other:kiosk</td><td>income</td>");
    assert_non_null(kiosk_on);
    assert_non_null(kiosk_income);
    assert_true(kiosk_on < kiosk_income);
    assert_non_null(strstr(html, "<span class=\"src\">a.csv:6</span>"));
    /* risks in words */
    assert_non_null(strstr(html, "of 64 Monte Carlo runs"));
    assert_non_null(strstr(html, "The community fund never goes below zero in <b>"));
    assert_non_null(strstr(html, "<b>other:x.income</b> (1,000 \xE2\x80\x93 1,800 CNY/month): NPV 21,000 CNY at the low value, 40,200 CNY at the high value."));
    assert_true(strstr(html, "its lowest balance is \xE2\x88\x92" "5,967 CNY, in month 1 (2025-03).") != NULL);
    free(html);
    rs_compare_release(&c);
}

static void test_page_zh(void **state)
{
    (void)state;
    rs_compare c;
    compare(&c, 16);
    rs_error err = {0};
    char *html = page(&c, RS_LANG_ZH, 0, &err);
    assert_non_null(strstr(html, "<html lang=\"zh-CN\">"));
    static const char *const words[] = {"存量资产盘活方案比较", "比较表", "比较图表", "风险",
                                        "假设", "万元", "相对基准情景的增量", "来源说明",
                                        "未绘制图表（--no-plots）。"};
    for (size_t k = 0; k < sizeof words / sizeof words[0]; k++)
        if (!strstr(html, words[k])) {
            print_error("'%s' not in the Chinese page\n", words[k]);
            fail();
        }
    assert_non_null(strstr(html, "<span class=\"v\">+0.36</span>"));   /* 3,600 CNY = 0.36万元 */
    check_rows(&c, html);
    check_self_contained(html);
    free(html);
    rs_compare_release(&c);
}

/* No Monte Carlo: no ranges or probabilities, and the page says so. */
static void test_page_no_runs(void **state)
{
    (void)state;
    rs_compare c;
    compare(&c, 0);
    rs_error err = {0};
    char *html = page(&c, RS_LANG_EN, 0, &err);
    assert_non_null(strstr(html, "not run (0 runs): base case only"));
    assert_non_null(strstr(html, "Monte Carlo did not run, so there are no probabilities."));
    assert_non_null(strstr(html, "yes (base case)"));
    assert_null(strstr(html, "<span class=\"r\">"));
    free(html);
    rs_compare_release(&c);
}

/* With gnuplot: every chart inline, ids unique in the page, hostile names
 * escaped inside the SVG text too. */
static void test_page_charts(void **state)
{
    (void)state;
    if (!rs_gp_available("gnuplot"))
        skip();
    rs_compare c;
    compare(&c, 32);
    rs_error err = {0};
    char *html = page(&c, RS_LANG_EN, 1, &err);
    /* 3 comparison charts; per scenario coverage, revenue, cash flow, fund,
     * Monte Carlo coverage and tornado */
    assert_int_equal(count(html, "<figure id=\"fig"), 15);
    assert_int_equal(count(html, "<svg class=\"chart\" role=\"img\" aria-label=\""), 15);
    assert_int_equal(count(html, "</svg>"), 15);
    assert_null(strstr(html, "<?xml"));
    check_self_contained(html);
    /* ids unique across the page */
    int n = 0, cap = 4096;
    char **seen = calloc((size_t)cap, sizeof *seen);
    for (const char *p = html; (p = strstr(p, " id=")); p += 4) {
        char q = p[4];
        if (q != '"' && q != '\'')
            continue;
        const char *end = strchr(p + 5, q);
        assert_non_null(end);
        char *id = strndup(p + 5, (size_t)(end - p - 5));
        for (int k = 0; k < n; k++)
            if (strcmp(seen[k], id) == 0) {
                print_error("id '%s' twice\n", id);
                fail();
            }
        assert_true(n < cap);
        seen[n++] = id;
    }
    assert_true(n > 100);
    for (int k = 0; k < n; k++)
        free(seen[k]);
    free(seen);
    /* inside the charts' text */
    assert_non_null(strstr(html, "<text>Baseline: &lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;q&quot; &#39;x&#39;</text>"));
    assert_non_null(strstr(html, "<text>B &lt;/text&gt;&lt;script&gt;alert(3)&lt;/script&gt;</text>"));
    free(html);
    rs_compare_release(&c);
}

static void test_write(void **state)
{
    (void)state;
    rs_compare c;
    compare(&c, 8);
    rs_plot_args a;
    rs_plot_args_init(&a);
    a.enabled = 0;
    rs_outset o;
    rs_error err = {0};
    char out[600], path[700];
    snprintf(out, sizeof out, "%s/write", dir);
    assert_int_equal(rs_outset_init(&o, out, 0, &err), RS_OK);
    assert_int_equal(rs_report_write(&o, &c, &a, &err), RS_OK);
    assert_int_equal(o.n, 1);
    assert_int_equal(rs_outset_commit(&o, &err), RS_OK);
    snprintf(path, sizeof path, "%s/report.html", out);
    FILE *fp = fopen(path, "rb");
    assert_non_null(fp);
    char head[16] = {0};
    assert_int_equal(fread(head, 1, 15, fp), 15);
    assert_string_equal(head, "<!DOCTYPE html>");
    fclose(fp);
    /* a failing gnuplot: RS_ETOOL, nothing of the report in the set */
    a.enabled = 1;
    a.opts.gnuplot = "/bin/false";
    rs_error err2 = {0};
    snprintf(out, sizeof out, "%s/fails", dir);
    assert_int_equal(rs_outset_init(&o, out, 0, &err2), RS_OK);
    assert_int_equal(rs_report_write(&o, &c, &a, &err2), RS_ETOOL);
    assert_int_equal(o.n, 0);
    assert_non_null(strstr(err2.msg, "gnuplot"));
    rs_outset_abort(&o);
    /* gnuplot missing: the report, saying the charts are missing */
    a.opts.gnuplot = "/nonexistent/gnuplot";
    char *html = NULL;
    rs_error err3 = {0};
    assert_int_equal(rs_report_html(&c, &a, &html, NULL, &err3), RS_OK);
    assert_int_equal(err3.code, 0);
    assert_non_null(strstr(html, "Charts are missing: gnuplot was not found"));
    free(html);
    rs_compare_release(&c);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_escape),
        cmocka_unit_test(test_svg_inline),
        cmocka_unit_test(test_page_en),
        cmocka_unit_test(test_page_zh),
        cmocka_unit_test(test_page_no_runs),
        cmocka_unit_test(test_page_charts),
        cmocka_unit_test(test_write),
    };
    return cmocka_run_group_tests(tests, setup, NULL);
}
