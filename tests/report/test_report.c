/* test_report.c: report.html (report/): HTML escaping (also of bytes that
 * are not UTF-8), gnuplot's SVG made inline, the notes renderer, and the
 * page: self-contained, structured to print on A4, the decision summary
 * first with the figures worked out by hand, the proposal's author,
 * organisation and purpose from the scenario or the options, the gains in
 * the fund and coverage, the lever league, the communities in deficit, the
 * financing, the drivers of coverage and the fund, the warnings, the
 * assumptions once (a variant as its differences, a dropped correlation
 * marked), English and Chinese, and writing it into an output set.
 * Rendering in a browser is tests/report/render.sh. */
#define _XOPEN_SOURCE 700
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "testutil.h"
#include "../../base/utf8.h"
#include "../../plots/gp.h"
#include "../../report/report.h"

/* A, B and C: 2 years, r = 0, one community with a fee income of 500 a
 * month (1,000 m2 x 1 x 50%) and a cost of 20,000 a year: a deficit of
 * 14,000 a year. A: lever x earns 1,000 a month for 6,000 of capex, the
 * kiosk 200; B: x earns 1,500 for 3,000, the kiosk is off; C: nothing (x
 * and the kiosk off), its cost row without a range (a warning), so the
 * correlation of x with the cost is dropped. Hostile names and notes. */
#define HOSTILE_NAME "<script>alert(1)</script> & \"q\" 'x'"
#define SCEN_A                                                                               \
    "section,key,value,low,high,dist,unit,note\n"                                          \
    "scenario,name,\"<script>alert(1)</script> & \"\"q\"\" 'x'\",,,,,\"named <b>here</b>\"\n" \
    "scenario,horizon_years,2\nscenario,discount_rate,0\nscenario,start,2025-03\n"          \
    "scenario,author,Ann <b>Author</b>\nscenario,organisation,Town & Co\n"                  \
    "scenario,purpose,Decide 'now'\n"                                                       \
    "community:c,area_m2,1000,,,,,\"area & <i>surveyed</i>\"\n"                             \
    "community:c,fee_rate,1\ncommunity:c,collection_start,50%,40%,60%\n"                    \
    "community:c,cost_annual,20000,18000,22000,,CNY/year,\"ledger 'p. 3'\"\n"               \
    "other:x,income,1000,800,1300,pert,,\"quote \"\"a > b\"\"\"\n"                          \
    "other:x,capex,6000\n"                                                                   \
    "other:kiosk,income,200\n"                                                               \
    "correlation,other:x.income|community:c.cost_annual,0.5,,,,,both follow the economy\n"
#define SCEN_B                                                                               \
    "section,key,value,low,high,dist,unit,note\nscenario,base,a.csv\n"                     \
    "scenario,name,B </text><script>alert(3)</script>\n"                                    \
    "other:x,income,1500,1000,1800\nother:x,capex,3000\nother:kiosk,enabled,0,,,,,kiosk closed\n"
#define SCEN_C                                                                               \
    "section,key,value,low,high,dist,unit,note\nscenario,base,a.csv\n"                     \
    "scenario,name,C status quo\nother:x,enabled,0,,,,,no x\nother:kiosk,enabled,0\n"       \
    "community:c,cost_annual,20000,,,,,fixed\n"
/* B with a bullet loan: 4,800 at 0% drawn in month 1, repaid in month 13 */
#define SCEN_L                                                                               \
    "section,key,value\nscenario,base,b.csv\nscenario,name,B borrows\n"                     \
    "loan:bank,amount,4800\nloan:bank,month,1\nloan:bank,term_years,1\n"                    \
    "loan:bank,repayment,bullet\n"
/* two communities p and q, each with a lever, and the same with the
 * levers off */
#define SCEN_P                                                                               \
    "section,key,value\nscenario,name,Two estates\nscenario,horizon_years,2\n"              \
    "scenario,discount_rate,0\n"                                                             \
    "community:p,area_m2,1000\ncommunity:p,fee_rate,1\ncommunity:p,collection_start,0.5\n"  \
    "community:p,cost_annual,20000\n"                                                        \
    "community:q,area_m2,1000\ncommunity:q,fee_rate,1\ncommunity:q,collection_start,0.5\n"  \
    "community:q,cost_annual,20000\n"                                                        \
    "other:kp,community,p\nother:kp,income,1000\nother:kq,community,q\nother:kq,income,2000\n"
#define SCEN_Q                                                                               \
    "section,key,value\nscenario,base,p.csv\nscenario,name,Two estates as they are\n"       \
    "other:kp,enabled,0\nother:kq,enabled,0\n"

static char dir[256], a_csv[512], b_csv[512], c_csv[512], l_csv[512], p_csv[512], q_csv[512];

static int setup(void **state)
{
    (void)state;
    snprintf(dir, sizeof dir, "%s", rs_test_dir());
    snprintf(a_csv, sizeof a_csv, "%s", rs_test_file(dir, "a.csv", SCEN_A));
    snprintf(b_csv, sizeof b_csv, "%s", rs_test_file(dir, "b.csv", SCEN_B));
    snprintf(c_csv, sizeof c_csv, "%s", rs_test_file(dir, "c.csv", SCEN_C));
    snprintf(l_csv, sizeof l_csv, "%s", rs_test_file(dir, "l.csv", SCEN_L));
    snprintf(p_csv, sizeof p_csv, "%s", rs_test_file(dir, "p.csv", SCEN_P));
    snprintf(q_csv, sizeof q_csv, "%s", rs_test_file(dir, "q.csv", SCEN_Q));
    setenv("SOURCE_DATE_EPOCH", "1700000000", 1);    /* 2023-11-14 UTC */
    return 0;
}

static void compare_files(rs_compare *c, const char *const *paths, int n, long runs,
                          int extra_sweep)
{
    rs_error err = {0};
    rs_compare_init(c);
    if (rs_compare_load(c, (char **)paths, n, NULL, &err) != RS_OK ||
        (extra_sweep >= 0 && rs_compare_want_sweep(c, extra_sweep, &err) != RS_OK) ||
        rs_compare_run(c, runs, 5, 1, NULL, &err) != RS_OK) {
        print_error("%s\n", err.msg);
        fail();
    }
}

static void compare(rs_compare *c, long runs)
{
    const char *paths[] = {a_csv, b_csv, c_csv};
    compare_files(c, paths, 3, runs, -1);
}

static char *page_with(const rs_compare *c, int lang, int charts, const rs_report_opts *ro)
{
    rs_plot_args a;
    rs_plot_args_init(&a);
    a.enabled = charts;
    a.opts.lang = (rs_plot_lang)lang;
    a.opts.format = RS_FMT_PDF;        /* the report draws SVG whatever --format is */
    char *html = NULL;
    size_t len = 0;
    rs_error err = {0};
    int rc = rs_report_html(c, &a, ro, &html, &len, &err);
    if (rc) {
        print_error("%s\n", err.msg);
        fail();
    }
    assert_int_equal(len, strlen(html));
    return html;
}

static char *page(const rs_compare *c, int lang, int charts)
{
    return page_with(c, lang, charts, NULL);
}

static int count(const char *hay, const char *needle)
{
    int n = 0;
    for (const char *p = hay; (p = strstr(p, needle)); p += strlen(needle))
        n++;
    return n;
}

/* Fail unless every needle is in hay, saying which is not. */
static void has_all(const char *hay, const char *const *needles, size_t n)
{
    for (size_t k = 0; k < n; k++)
        if (!strstr(hay, needles[k])) {
            print_error("not in the page: '%s'\n", needles[k]);
            fail();
        }
}
#define HAS_ALL(hay, ...)                                                                   \
    do {                                                                                   \
        static const char *const want_[] = {__VA_ARGS__};                                  \
        has_all((hay), want_, sizeof want_ / sizeof want_[0]);                             \
    } while (0)

/* The page between the element with id `id` and the next <h2, or to the end. */
static char *part(const char *html, const char *id)
{
    char key[64];
    snprintf(key, sizeof key, "id=\"%s\"", id);
    const char *from = strstr(html, key);
    assert_non_null(from);
    const char *to = strstr(from + 1, "<h2");
    size_t n = to ? (size_t)(to - from) : strlen(from);
    char *s = malloc(n + 1);
    assert_non_null(s);
    memcpy(s, from, n);
    s[n] = '\0';
    return s;
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
        /* not UTF-8: a stray byte, a cut sequence, an overlong '<', a surrogate */
        {"bad\xff.csv", "bad?.csv"},
        {"cut\xE6\xB1", "cut??"},
        {"\xC0\xBCscript", "??script"},
        {"\xED\xA0\x80x", "???x"},
        /* C1 controls (U+0085, U+009B: the 8-bit escape introducer) */
        {"a\xC2\x85" "b\xC2\x9B" "c", "a b c"},
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
        "<text>bad\xff name\x1b[31m \xE6\xB1\xA0</text>\n"
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
    assert_non_null(strstr(got, "<text>bad? name [31m \xE6\xB1\xA0</text>"));  /* cleaned */
    assert_non_null(strstr(got, "</svg>"));
    free(got);
    assert_null(rs_svg_inline("<html>no chart</html>", "p-", "x"));
    assert_null(rs_svg_inline(NULL, "p-", "x"));
}

/* ---- notes ------------------------------------------------------------------------- */

/* The notes section of a page made with `notes`. */
static char *notes_html(const rs_compare *c, const char *notes)
{
    rs_report_opts ro;
    rs_report_opts_init(&ro);
    ro.notes = notes;
    char *html = page_with(c, RS_LANG_EN, 0, &ro);
    const char *from = strstr(html, "<section class=\"notes\">");
    assert_non_null(from);
    const char *to = strstr(from, "</section>");
    char *s = strndup(from, (size_t)(to - from));
    free(html);
    return s;
}

static void test_notes(void **state)
{
    (void)state;
    rs_compare c;
    compare(&c, 0);
    static const struct {
        const char *md, *want;
    } cases[] = {
        {"One line.", "<p>One line.</p>"},
        {"Two\nlines\n\nand another", "<p>Two lines</p>\n<p>and another</p>"},
        {"\xE4\xB8\xAD\xE6\x96\x87\n\xE6\xAE\xB5\xE8\x90\xBD", "<p>\xE4\xB8\xAD\xE6\x96\x87\xE6\xAE\xB5\xE8\x90\xBD</p>"},
        {"# Title\ntext", "<h3>Title</h3>\n<p>text</p>"},
        {"## Sub ##\n### Third", "<h4>Sub</h4>\n<h5>Third</h5>"},
        {"#hashtag", "<p>#hashtag</p>"},
        {"- a\n- b\n\nafter", "<ul>\n<li>a</li>\n<li>b</li>\n</ul>\n<p>after</p>"},
        {"* a\n  goes on\n+ b", "<ul>\n<li>a goes on</li>\n<li>b</li>\n</ul>"},
        {"1. one\n2) two", "<ol>\n<li>one</li>\n<li>two</li>\n</ol>"},
        {"- a\n1. b", "<ul>\n<li>a</li>\n</ul>\n<ol>\n<li>b</li>\n</ol>"},
        {"**bold** and __bold__", "<p><b>bold</b> and <b>bold</b></p>"},
        {"*it* and _it_", "<p><i>it</i> and <i>it</i></p>"},
        {"***both***", "<p><b><i>both</i></b></p>"},
        {"**bold *in* it**", "<p><b>bold <i>in</i> it</b></p>"},
        {"snake_case_word and 2 * 3 * 4", "<p>snake_case_word and 2 * 3 * 4</p>"},
        {"**open and *open", "<p>**open and *open</p>"},
        {"`a <b> *c*`", "<p><code>a &lt;b&gt; *c*</code></p>"},
        {"\\*not it\\*", "<p>*not it*</p>"},
        {"<script>alert(1)</script> & 'q'", "<p>&lt;script&gt;alert(1)&lt;/script&gt; &amp; &#39;q&#39;</p>"},
        {"**<img src=x>**", "<p><b>&lt;img src=x&gt;</b></p>"},
        {"crlf\r\nline\r\n", "<p>crlf line</p>"},
        {"bad\xff byte", "<p>bad? byte</p>"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char *got = notes_html(&c, cases[i].md);
        if (!strstr(got, cases[i].want)) {
            print_error("notes '%s': want '%s' in\n%s\n", cases[i].md, cases[i].want, got);
            fail();
        }
        assert_null(strstr(got, "<script"));
        free(got);
    }
    /* a pathological line is still linear: 200,000 unmatched delimiters */
    size_t n = 200000;
    char *big = malloc(n + 1);
    for (size_t k = 0; k < n; k++)
        big[k] = "*_`"[k % 3];
    big[n] = '\0';
    char *got = notes_html(&c, big);
    assert_non_null(strstr(got, "<p>"));
    free(got);
    free(big);
    rs_compare_release(&c);
}

static void test_notes_load(void **state)
{
    (void)state;
    rs_error err = {0};
    char *text = NULL;
    const char *f = rs_test_file(dir, "notes.md", "\xEF\xBB\xBF# Why\ntext\n");
    assert_int_equal(rs_notes_load(f, &text, &err), RS_OK);
    assert_string_equal(text, "# Why\ntext\n");
    free(text);
    char missing[600];
    snprintf(missing, sizeof missing, "%s/none.md", dir);
    assert_int_equal(rs_notes_load(missing, &text, &err), RS_ENOINPUT);
    assert_null(text);
    assert_non_null(strstr(err.msg, "none.md: cannot read the notes"));
    char path[600];
    snprintf(path, sizeof path, "%s/nul.md", dir);
    FILE *fp = fopen(path, "wb");
    fwrite("a\0b", 1, 3, fp);
    fclose(fp);
    rs_error err2 = {0};
    assert_int_equal(rs_notes_load(path, &text, &err2), RS_EDATA);
    assert_non_null(strstr(err2.msg, "NUL byte"));
    snprintf(path, sizeof path, "%s/long.md", dir);
    fp = fopen(path, "wb");
    for (int k = 0; k <= RS_NOTES_MAX; k++)
        fputc('x', fp);
    fclose(fp);
    rs_error err3 = {0};
    assert_int_equal(rs_notes_load(path, &text, &err3), RS_EDATA);
    assert_non_null(strstr(err3.msg, "longer than"));
}

/* ---- the page -------------------------------------------------------------------------- */

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

/* Every byte of the page is well-formed UTF-8. */
static void check_utf8(const char *html)
{
    for (const unsigned char *p = (const unsigned char *)html; *p;) {
        unsigned long cp;
        int n = rs_utf8_decode(p, &cp);
        if (n == 0) {
            print_error("not UTF-8 at byte %ld\n", (long)(p - (const unsigned char *)html));
            fail();
        }
        p += n;
    }
}

static void test_page_en(void **state)
{
    (void)state;
    rs_compare c;
    compare(&c, 64);
    char *html = page(&c, RS_LANG_EN, 0);
    /* one document, print rules */
    assert_memory_equal(html, "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">", 60);
    assert_int_equal(count(html, "<html"), 1);
    assert_int_equal(count(html, "</html>"), 1);
    HAS_ALL(html, "@page { size: A4; margin:", "thead { display: table-header-group; }",
            "tr, th, td { break-inside: avoid;", "section.decision { break-after: page;",
            "table.cmp tbody { break-inside: avoid;", "figure svg.chart { display: block; width: 100%;",
            "table-layout: fixed", "overflow-wrap: anywhere", "section.appendix { break-before: page;");
    check_self_contained(html);
    check_utf8(html);
    /* the decision summary comes first, then the sections in order */
    static const char *const order[] = {
        "id=\"decision\"", "id=\"glance\"", "id=\"toprisks\"", "id=\"contents\"", "id=\"scenarios\"",
        "id=\"warnings\"", "id=\"table\"", "id=\"charts\"", "id=\"programme\"", "id=\"levers\"",
        "id=\"communities\"", "id=\"risks\"", "id=\"s1\"", "id=\"s2\"", "id=\"s3\"",
        "id=\"assumptions\""};
    const char *at = html;
    for (size_t k = 0; k < sizeof order / sizeof order[0]; k++) {
        const char *next = strstr(at, order[k]);
        if (!next) {
            print_error("'%s' missing or out of order\n", order[k]);
            fail();
        }
        assert_int_equal(count(html, order[k]), 1);
        at = next;
    }
    assert_true(strstr(html, "<h2") == strstr(html, "<h2 id=\"decision\">Decision summary</h2>"));
    assert_null(strstr(html, "id=\"notes\""));        /* no notes given */
    assert_null(strstr(html, "id=\"financing\""));    /* nobody borrows */
    /* the proposal's who and why, from scenario,author / organisation / purpose */
    HAS_ALL(html, "<dt>Organisation</dt><dd>Town &amp; Co</dd>",
            "<dt>Author</dt><dd>Ann &lt;b&gt;Author&lt;/b&gt;</dd>", "<dt>Date</dt><dd>2023-11-14</dd>",
            "<b>Purpose: </b>Decide &#39;now&#39;</p>", "64 runs, seed 5, for every scenario");
    /* key figures by hand: coverage 14,400 / 14,000 = 102.9% (A) and 18,000 /
     * 14,000 = 128.6% (B); the fund ends at 2 x (income - 14,000) - capex:
     * -5,200 (A), 5,000 (B, +10,200), -28,000 (C); lowest in month 1: 1,200
     * - 1,166.67 - 6,000 = -5,967 (A); NPV 28,800 - 6,000 = 22,800 (A),
     * 33,000 (B); payback 5 months = 0.4 years (A) */
    char *dec = part(html, "decision");
    HAS_ALL(dec, "<td class=\"num\">6,000</td><td class=\"num\">14,400</td><td class=\"num\">102.9%",
            "<td class=\"num\">3,000</td><td class=\"num\">18,000<span class=\"r\">+3,600</span>",
            "128.6%<span class=\"r\">", "<td class=\"num\">\xE2\x88\x92" "5,967<span class=\"r\">2025-03</span>",
            "<td class=\"num\">5,000<span class=\"r\">+10,200</span>", "<td class=\"num\">22,800</td>",
            "<td class=\"num\">0.4 years</td>", "<td class=\"num\">no investment</td>",
            "<td class=\"num\">\xE2\x88\x92" "28,000<span class=\"r\">2027-02</span>");
    /* at a glance: coverage with its probability, the fund's path next to NPV */
    HAS_ALL(dec, "the baseline; management deficit 14,000 CNY in year 1; covers 102.9% in year 1 (",
            "Invests 6,000 CNY, paid back in 0.4 years; NPV 22,800 CNY. Fund: 0 \xE2\x86\x92 lowest "
            "\xE2\x88\x92" "5,967 CNY (2025-03) \xE2\x86\x92 \xE2\x88\x92" "5,200 CNY at the end.",
            "revenue +3,600 CNY a year over the baseline (year 1); covers 128.6% in year 1 (",
            "5,000 CNY at the end, 10,200 CNY above the baseline (public money saved).",
            "\xE2\x88\x92" "28,000 CNY at the end, 22,800 CNY below the baseline.",
            "A positive NPV and a falling fund are no contradiction");
    /* top risks: the drivers of coverage and of the fund (x's income 800 -
     * 1,300 a month: coverage 12 x 800 + 2,400 = 12,000 / 14,000 = 85.7% to
     * 18,000 / 14,000 = 128.6%; the fund 2 x (12,000 - 14,000) - 6,000 =
     * -10,000 to 2,000) */
    HAS_ALL(dec, "<td><i>x: income</i><span class=\"r\">800 \xE2\x80\x93 1300 CNY/month \xE2\x86\x92 85.7% \xE2\x80\x93 128.6%</span></td>",
            "<td><i>x: income</i><span class=\"r\">800 \xE2\x80\x93 1300 CNY/month \xE2\x86\x92 \xE2\x88\x92" "10,000 \xE2\x80\x93 2,000</span></td>",
            /* C: nothing moves coverage; collection 40% - 60% as written, not 0.4 */
            "<i>c: collection_start</i><span class=\"r\">40% \xE2\x80\x93 60% \xE2\x86\x92");
    free(dec);
    /* hostile text shows as text */
    char *e = rs_html_escape(HOSTILE_NAME);
    assert_true(count(html, e) >= 8);
    free(e);
    HAS_ALL(html, "B &lt;/text&gt;&lt;script&gt;alert(3)&lt;/script&gt;", "named &lt;b&gt;here&lt;/b&gt;",
            "quote &quot;a &gt; b&quot;");
    /* the comparison table: base case, P10-P90, the gains, the fund's and
     * coverage's among them (128.6% - 102.9% = +25.7 points) */
    char *tab = part(html, "table");
    HAS_ALL(tab, "<th>Revenue, year 1 (CNY)</th><td class=\"num\"><span class=\"v\">14,400</span>",
            "<tr class=\"group\"><th colspan=\"4\">Income and coverage</th></tr>",
            "<tr class=\"group\"><th colspan=\"4\">The community fund</th></tr>",
            "<th>Fund at the end: public money saved (CNY)</th><td class=\"num\">\xE2\x80\x94</td>"
            "<td class=\"num\"><span class=\"v\">+10,200</span></td><td class=\"num\"><span class=\"v\">\xE2\x88\x92" "22,800</span>",
            "<th>Coverage, stabilized year (percentage points)</th><td class=\"num\">\xE2\x80\x94</td>"
            "<td class=\"num\"><span class=\"v\">+25.7 pp</span></td><td class=\"num\"><span class=\"v\">\xE2\x88\x92" "102.9 pp</span>",
            "<td class=\"num\"><span class=\"v\">+3,600</span></td>", "n/a (no investment)");
    assert_int_equal(count(tab, "<table class=\"cmp\">"), 1);
    free(tab);
    /* the lever league: each lever once with its scenarios, largest NPV first
     * (B's x: 24 x 1,500 - 3,000 = 33,000, covering 18,000 / 14,000; A's x
     * 18,000 and 85.7%; the kiosk 4,800 and 2,400 / 14,000 = 17.1%) */
    char *lev = part(html, "programme");
    const char *bx = strstr(lev, "<tr><td>x</td><td>other</td><td>2</td><td class=\"num\">3,000</td>"
                                 "<td class=\"num\">18,000</td><td class=\"num\">33,000</td><td class=\"num\">0.2</td>"
                                 "<td class=\"num\">128.6%</td></tr>");
    const char *ax = strstr(lev, "<tr><td>x</td><td>other</td><td>1</td><td class=\"num\">6,000</td>"
                                 "<td class=\"num\">12,000</td><td class=\"num\">18,000</td><td class=\"num\">0.5</td>"
                                 "<td class=\"num\">85.7%</td></tr>");
    const char *kiosk = strstr(lev, "<tr><td>kiosk</td><td>other</td><td>1</td><td class=\"num\">0</td>"
                                    "<td class=\"num\">2,400</td><td class=\"num\">4,800</td>");
    assert_non_null(bx);
    assert_non_null(ax);
    assert_non_null(kiosk);
    assert_true(bx < ax && ax < kiosk);
    assert_non_null(strstr(lev, "<td class=\"num\">17.1%</td>"));
    /* communities in deficit in the stabilized year: only C's */
    HAS_ALL(lev, "C status quo: 1 of 1 in deficit, 14,000 CNY to cover</th></tr>\n<tr><td>c</td>"
                 "<td class=\"num\">14,000</td><td class=\"num\">0</td><td class=\"num\">0.0%</td>"
                 "<td class=\"num\">14,000</td></tr>",
            "B &lt;/text&gt;&lt;script&gt;alert(3)&lt;/script&gt;: every community's deficit is covered");
    free(lev);
    rs_compare_release(&c);
    free(html);
}

/* What the table of communities says: covered, or in deficit by how much. */
static void test_communities(void **state)
{
    (void)state;
    rs_compare c;
    const char *paths[] = {p_csv, q_csv};
    compare_files(&c, paths, 2, 0, -1);
    char *html = page(&c, RS_LANG_EN, 0);
    char *com = part(html, "programme");
    /* p: deficit 14,000, its lever earns 12,000: 85.7%, 2,000 short; q:
     * 24,000 covers it; with the levers off both are 14,000 short */
    HAS_ALL(com, "<tr class=\"group\"><th colspan=\"5\">Two estates: 1 of 2 in deficit, 2,000 CNY to cover</th></tr>\n"
                 "<tr><td>p</td><td class=\"num\">14,000</td><td class=\"num\">12,000</td><td class=\"num\">85.7%</td>"
                 "<td class=\"num\">2,000</td></tr>",
            "Two estates as they are: 2 of 2 in deficit, 28,000 CNY to cover</th></tr>\n"
            "<tr><td>p</td><td class=\"num\">14,000</td><td class=\"num\">0</td><td class=\"num\">0.0%</td>"
            "<td class=\"num\">14,000</td></tr>\n<tr><td>q</td>",
            /* the league has a community column */
            "<tr><td>kq</td><td>other</td><td>q</td><td>1</td>");
    free(com);
    /* no capex, no ranges, nothing unusual: nothing to warn of */
    char *warn = part(html, "warnings");
    assert_non_null(strstr(warn, "raised no warning"));
    assert_int_equal(count(warn, "<ul class=\"warn\">"), 0);
    free(warn);
    free(html);
    /* the community chart: drawn for the plan, not for the all-zero status quo */
    if (rs_gp_available("gnuplot")) {
        html = page(&c, RS_LANG_EN, 1);
        /* caption and aria-label */
        assert_int_equal(count(html, "coverage of each community&#39;s deficit by the levers"), 2);
        assert_non_null(strstr(html, "Two estates: coverage of each community"));
        assert_null(strstr(html, "Two estates as they are: coverage of each community"));
        free(html);
    }
    rs_compare_release(&c);
    /* beside C, which has one, P says it has none */
    const char *mixed[] = {p_csv, c_csv};
    compare_files(&c, mixed, 2, 0, -1);
    html = page(&c, RS_LANG_EN, 0);
    warn = part(html, "warnings");
    HAS_ALL(warn, "<h4>Two estates</h4>\n<p class=\"small\">No warnings.</p>",
            "<h4>C status quo</h4>\n<ul class=\"warn\">");
    free(warn);
    free(html);
    rs_compare_release(&c);
}

static void test_warnings_and_appendix(void **state)
{
    (void)state;
    rs_compare c;
    compare(&c, 16);
    char *html = page(&c, RS_LANG_EN, 0);
    /* C's warning, escaped, with its file and row; A's result warning
     * (6,000 of capex earning 14,400 a year: an IRR far beyond 100%) with
     * its file, from the plausibility table */
    char *warn = part(html, "warnings");
    HAS_ALL(warn, "<h4>C status quo</h4>\n<ul class=\"warn\">\n<li>", "c.csv:6: community:c.cost_annual: "
                  "overrides ", "a.csv: result irr = ", "is outside the typical -0.5 to 1");
    free(warn);
    /* the assumptions once: A in full, B and C as their differences */
    char *app = part(html, "assumptions");
    assert_int_equal(count(app, "<table class=\"rows\">"), 1);
    assert_int_equal(count(app, "<table class=\"rows diff\">"), 2);
    assert_int_equal(count(app, ">area_m2<"), 1);          /* A's rows are not repeated */
    assert_int_equal(count(app, "area &amp; &lt;i&gt;surveyed&lt;/i&gt;"), 1);
    HAS_ALL(app, "<tr class=\"group\"><th colspan=\"3\">community:c</th></tr>",
            "<tr><td>cost_annual</td><td>20000 CNY/year<span class=\"r\">18000 \xE2\x80\x93 <wbr>22000</span></td>"
            "<td>ledger &#39;p. 3&#39; <span class=\"src\">a.csv:12</span></td></tr>",
            "<tr><td>collection_start</td><td>50%<span class=\"r\">40% \xE2\x80\x93 <wbr>60%</span>",
            "<span class=\"r\">800 \xE2\x80\x93 <wbr>1300, pert</span>",
            /* B: x's new income with the one it replaces, the kiosk switched off */
            "<tr><td><span class=\"sec\">other:x.</span>income</td><td>1500 CNY/month<span class=\"r\">1000 "
            "\xE2\x80\x93 <wbr>1800</span></td><td>1000 CNY/month<span class=\"r\">800 \xE2\x80\x93 <wbr>1300, pert</span></td>",
            "<tr><td><span class=\"sec\">other:kiosk.</span>enabled</td><td>0</td><td>not set</td><td>kiosk closed "
            "<span class=\"src\">b.csv:6</span>",
            "The rows in which it (", "differs from &lt;script&gt;");
    /* the correlation: active in A, dropped in C (its lever x is off) */
    const char *in_a = strstr(app, "other:x.income|community:c.cost_annual</td><td>0.5</td>");
    assert_non_null(in_a);
    const char *in_c = strstr(app, "<span class=\"sec\">correlation.</span>other:x.income|community:c.cost_annual</td>"
                                   "<td>0.5 (dropped: it names a switched-off lever)</td><td>the same, in effect there</td>");
    assert_non_null(in_c);
    assert_int_equal(count(app, "(dropped: it names a switched-off lever)"), 1);
    free(app);
    free(html);
    rs_compare_release(&c);
}

static void test_page_zh(void **state)
{
    (void)state;
    rs_compare c;
    compare(&c, 16);
    char *html = page(&c, RS_LANG_ZH, 0);
    assert_non_null(strstr(html, "<html lang=\"zh-CN\">"));
    /* units from the parameter tables and distributions in Chinese, also a
     * unit cell that repeats the table's (CNY/year on cost_annual) */
    HAS_ALL(html, "<td>1000 元/月<span class=\"r\">800 \xE2\x80\x93 <wbr>1300，PERT分布</span>",
            "<td>20000 元/年<span class=\"r\">");
    HAS_ALL(html, "存量资产盘活方案比较", "决策摘要", "要点", "主要风险", "比较表", "比较图表",
            "风险及其影响因素", "附录：假设", "万元", "相对基准情景的增量", "来源说明",
            "未绘制图表（--no-plots）。", "<dt>编制单位</dt><dd>Town &amp; Co</dd>",
            "<dt>编制人</dt>", "<b>目的：</b>",
            /* 3,600 CNY = 0.36万元, with its sign; 10,200 = 1.02万元 */
            "<span class=\"r\">+0.36</span>", "比基准情景多1.02万元，即节省的公共资金",
            /* Chinese parameter labels: in the appendix with the key, in the drivers */
            "<td>年度物业成本<span class=\"k\">cost_annual</span></td>", "<i>x 月收入</i>",
            "c 当前收缴率", "+25.7个百分点", "（未生效：涉及已关闭的项目）");
    check_self_contained(html);
    check_utf8(html);
    free(html);
    rs_compare_release(&c);
}

/* No Monte Carlo: no ranges or probabilities, and the page says so. */
static void test_page_no_runs(void **state)
{
    (void)state;
    rs_compare c;
    compare(&c, 0);
    char *html = page(&c, RS_LANG_EN, 0);
    HAS_ALL(html, "not run (0 runs): base case only", "Monte Carlo did not run, so there are no probabilities.",
            "yes (base case)", "Monte Carlo did not run: no probabilities.");
    assert_null(strstr(html, "<span class=\"r\"><span class=\"v\">"));
    free(html);
    rs_compare_release(&c);
}

/* Options override the scenario's texts; the tornado's metric is swept and
 * listed among the drivers; notes come after the scenarios. */
static void test_options(void **state)
{
    (void)state;
    rs_compare c;
    const char *paths[] = {a_csv, b_csv};
    compare_files(&c, paths, 2, 0, MT_REVENUE_STAB);
    rs_report_opts ro;
    rs_report_opts_init(&ro);
    assert_int_equal(ro.tornado_metric, MT_COVERAGE_STAB);
    ro.author = "Option <author>";
    ro.purpose = "";
    ro.tornado_metric = MT_REVENUE_STAB;
    ro.notes = "# Why\nBecause.";
    char *html = page_with(&c, RS_LANG_EN, 0, &ro);
    HAS_ALL(html, "<dt>Author</dt><dd>Option &lt;author&gt;</dd>", "<dt>Organisation</dt><dd>Town &amp; Co</dd>",
            "<section class=\"notes\">\n<h2 id=\"notes\">Background</h2>\n<h3>Why</h3>\n<p>Because.</p>",
            "<a href=\"#notes\">Background</a>",
            /* revenue moved by x's income alone: 12 x 800 + 2,400 and 12 x 1,300 + 2,400 */
            "Revenue, stabilized year (base case 14,400 CNY)</th></tr>\n<tr><td>x: income</td>"
            "<td>800 \xE2\x80\x93 1300 CNY/month</td><td class=\"num\">12,000 CNY</td>"
            "<td class=\"num\">18,000 CNY</td>");
    assert_null(strstr(html, "Purpose: "));       /* "" says: no purpose */
    assert_true(strstr(html, "id=\"warnings\"") < strstr(html, "id=\"notes\""));
    assert_true(strstr(html, "id=\"notes\"") < strstr(html, "id=\"table\""));
    free(html);
    rs_compare_release(&c);
}

/* A loan: the financing section, by hand: 4,800 at 0% drawn in month 1
 * and repaid in month 13, so year 2 carries all the debt service: DSCR
 * 18,000 / 4,800 = 3.75; nothing owed at the end; NPV after financing =
 * NPV + 4,800 - 4,800. */
static void test_financing(void **state)
{
    (void)state;
    rs_compare c;
    const char *paths[] = {a_csv, b_csv, l_csv};
    compare_files(&c, paths, 3, 0, -1);
    char *html = page(&c, RS_LANG_EN, 0);
    char *fin = part(html, "programme");
    HAS_ALL(fin, "<h3 id=\"financing\">Financing</h3>",
            "<tr class=\"group\"><th colspan=\"7\">B borrows</th></tr>\n<tr><td>bank</td><td class=\"num\">4,800</td>"
            "<td class=\"num\">1</td><td class=\"num\">0.00</td><td class=\"num\">1 years</td>"
            "<td class=\"num\">0 months</td><td>bullet</td></tr>",
            "Debt service 4,800 CNY in all; debt-service cover lowest in year 2: 3.75; owed at the end 0 CNY; "
            "net present value after financing 33,000 CNY.");
    assert_int_equal(count(fin, "<tr class=\"group\"><th colspan=\"7\">"), 1);   /* only who borrows */
    free(fin);
    /* the key figures and the comparison table gain the debt columns and rows */
    HAS_ALL(html, "<th class=\"num\">Debt cover, lowest year</th>", "<td class=\"num\">3.75</td>",
            "<th>Debt-service cover, lowest year (times)</th>", "<th>Net present value after financing (CNY)</th>");
    free(html);
    /* the debt chart: once, for B borrows, the only one that borrows */
    if (rs_gp_available("gnuplot")) {
        html = page(&c, RS_LANG_EN, 1);
        assert_int_equal(count(html, "Commercial net income and debt service by year"), 2); /* caption, aria-label */
        const char *at = strstr(html, "Commercial net income and debt service by year");
        const char *l_head = strstr(html, "Scenario: B borrows");
        assert_non_null(l_head);
        assert_true(at > l_head);
        free(html);
    }
    rs_compare_release(&c);
}

/* A file name that is not UTF-8 does not reach the page raw. */
static void test_bad_file_name(void **state)
{
    (void)state;
    char bad[600];
    snprintf(bad, sizeof bad, "%s/bad\xff" "name.csv", dir);
    FILE *fp = fopen(bad, "w");
    assert_non_null(fp);
    fputs("section,key,value\nscenario,base,b.csv\n", fp);   /* no name: the id is shown */
    fclose(fp);
    rs_compare c;
    const char *paths[] = {a_csv, bad};
    compare_files(&c, paths, 2, 8, -1);
    for (int charts = 0; charts < 2; charts++) {
        if (charts && !rs_gp_available("gnuplot"))
            break;
        char *html = page(&c, RS_LANG_EN, charts);
        check_utf8(html);
        assert_non_null(strstr(html, "bad?name"));
        free(html);
    }
    rs_compare_release(&c);
}

/* With gnuplot: every chart inline, ids unique in the page, hostile names
 * escaped inside the SVG text too, the tornado of the chosen metric with
 * percent ranges in percent. */
static void test_page_charts(void **state)
{
    (void)state;
    if (!rs_gp_available("gnuplot"))
        skip();
    rs_compare c;
    compare(&c, 32);
    char *html = page(&c, RS_LANG_EN, 1);
    /* 3 comparison charts (gain, coverage, NPV); per scenario the fund and,
     * when something moves coverage, its tornado; C without levers also its
     * deficit */
    assert_int_equal(count(html, "<figure id=\"fig"), 3 + 2 + 2 + 2);
    assert_int_equal(count(html, "<svg class=\"chart\" role=\"img\" aria-label=\""), 9);
    assert_int_equal(count(html, "</svg>"), 9);
    assert_int_equal(count(html, "Coverage, stabilized year with each of the"), 2 * 2);
    assert_null(strstr(html, "<?xml"));
    check_self_contained(html);
    check_utf8(html);
    /* ids unique across the page */
    int n = 0, cap = 8192;
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
    HAS_ALL(html, "<text>Baseline: &lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;q&quot; &#39;x&#39;</text>",
            "<text>B &lt;/text&gt;&lt;script&gt;alert(3)&lt;/script&gt;</text>",
            /* the tornado's rows: the key alone when no other row has it,
             * collection written in percent charted in percent */
            "preserve\">collection_start (%)  40 \xE2\x80\x93 60</text>", "preserve\">income  800 \xE2\x80\x93 1,300</text>");
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
    assert_int_equal(rs_report_write(&o, &c, &a, NULL, &err), RS_OK);
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
    assert_int_equal(rs_report_write(&o, &c, &a, NULL, &err2), RS_ETOOL);
    assert_int_equal(o.n, 0);
    assert_non_null(strstr(err2.msg, "gnuplot"));
    rs_outset_abort(&o);
    /* gnuplot missing: the report, saying the charts are missing */
    a.opts.gnuplot = "/nonexistent/gnuplot";
    char *html = NULL;
    rs_error err3 = {0};
    assert_int_equal(rs_report_html(&c, &a, NULL, &html, NULL, &err3), RS_OK);
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
        cmocka_unit_test(test_notes),
        cmocka_unit_test(test_notes_load),
        cmocka_unit_test(test_page_en),
        cmocka_unit_test(test_communities),
        cmocka_unit_test(test_warnings_and_appendix),
        cmocka_unit_test(test_page_zh),
        cmocka_unit_test(test_page_no_runs),
        cmocka_unit_test(test_options),
        cmocka_unit_test(test_financing),
        cmocka_unit_test(test_bad_file_name),
        cmocka_unit_test(test_page_charts),
        cmocka_unit_test(test_write),
    };
    return cmocka_run_group_tests(tests, setup, NULL);
}
