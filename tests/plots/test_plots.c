/* test_plots.c: the charts of plots/: gnuplot text of a small result against
 * a golden file, quoting of hostile names (drawn literally, nothing run),
 * real renders of every chart kind in PNG, SVG and PDF, the missing,
 * failing and dying gnuplot paths, and the helpers (numbers, ticks, fits).
 * Golden file: tests/plots/golden/small.gp; after a reviewed change of the
 * charts rewrite it with RS_UPDATE_GOLDEN=1 build/tests/plots/test_plots. */
#define _POSIX_C_SOURCE 200809L
#include <fcntl.h>
#include <math.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "fix_plots.h"
#include "../../models/lever.h"
#include "../../plots/gp.h"
#include "../../plots/gpdraw.h"
#include "../../plots/plots.h"

#define GOLDEN "tests/plots/golden/small.gp"

/* ---- fixtures ------------------------------------------------------------ */

/* A loan of `amount` drawn in month 1 at `rate`, repaid in equal
 * principal over `term` years, as the scenario's only loan. */
static void add_loan(rs_scenario *s, double amount, double rate, double term)
{
    s->loan = calloc(1, sizeof *s->loan);
    assert_non_null(s->loan);
    rs_entity_init(&s->loan[0], &rs_section_loan);
    snprintf(s->loan[0].name, sizeof s->loan[0].name, "bond");
    rs_test_set(&s->loan[0], "amount", amount);
    rs_test_set(&s->loan[0], "rate", rate);
    rs_test_set(&s->loan[0], "term_years", term);
    rs_test_set(&s->loan[0], "repayment", RS_REPAY_EQUAL);
    s->nloan = 1;
}

/* The small portfolio of test_portfolio.c (2 years) with a second lever,
 * named as given, a second community, a loan and a fund reserve, so that
 * every run chart is drawn; text fields strdup'ed (the scenario owns
 * them). */
static rs_scenario *make(const char *name, const char *currency, const char *start,
                         const char *lev1, const char *lev2)
{
    rs_scenario *s = rs_test_scenario(2, 0.10, 2, 2);
    rs_test_scenario_text(s, name, currency, start);
    s->fund.v[FD_INITIAL] = 1000;
    rs_test_set(&s->fund, "reserve", 2000);
    rs_test_community(&s->com[0], "a", 1000, 1, 0.5, 18000);
    rs_test_set(&s->com[0], "cost_growth", 0.5);
    rs_test_community(&s->com[1], "b", 800, 1, 0.5, 12000);
    rs_test_other(&s->lev[0], lev1, 1200);
    rs_test_set(&s->lev[0], "capex", 6000);
    rs_test_other(&s->lev[1], lev2, 300);
    rs_test_set(&s->lev[1], "ramp_months", 6);
    rs_test_set(&s->lev[1], "start_month", 4);
    add_loan(s, 6000, 0.06, 1.5);
    return s;
}

/* Numbers worked by hand: 2 years at r = 0; two communities with a fee of
 * 1,000 m2 x 1 CNY x 0.5 = 500 a month (6,000 a year) and a cost of 20,000
 * a year, so a deficit of 14,000 a year each (28,000 together); on the
 * first, lever x earning 1,000 a month (12,000 a year) and lever y 500 a
 * month (6,000 a year) with a capex of 3,000 in month 1; a loan of 12,000
 * drawn in month 1 at 0%, repaid in equal principal over 1 year: 1,000 in
 * each of months 2..13. */
static rs_scenario *make_simple(void)
{
    rs_scenario *s = rs_test_scenario(2, 0, 2, 2);
    rs_test_scenario_text(s, "Simple", "CNY", "2025-01");
    rs_test_community(&s->com[0], "north", 1000, 1, 0.5, 20000);
    rs_test_community(&s->com[1], "south", 1000, 1, 0.5, 20000);
    rs_test_other(&s->lev[0], "x", 1000);
    rs_test_other(&s->lev[1], "y", 500);
    rs_test_set(&s->lev[1], "capex", 3000);
    add_loan(s, 12000, 0, 1);
    return s;
}

/* Number of charts rs_plots_write draws for in. */
static int wanted_run(const rs_plot_input *in)
{
    int n = 0;
    for (int k = 0; k < RS_CHART_N; k++)
        n += k != RS_CHART_TORNADO && rs_chart_wanted((rs_chart)k, in);
    return n;
}

/* A fake Monte Carlo result with simple exact numbers. */
static rs_mc_results *fake_mc(int years)
{
    rs_mc_results *mc = rs_test_mc(years, 40, -5000, 1000); /* NPV -5,000 .. 34,000 */
    for (int k = 0; k < MC_Y_N; k++)
        for (int y = 0; y < years; y++) {
            double *st = mc->yearly + ((size_t)k * years + y) * MC_NSTAT;
            double base = k == MC_Y_COVERAGE ? 0.8 + 0.3 * y : 10000 + 5000 * y;
            st[MC_MEAN] = base;
            st[MC_P10] = base * 0.8;
            st[MC_P50] = base;
            st[MC_P90] = base * 1.25;
        }
    mc->metric[MT_NPV][MC_P10] = -1000;
    mc->metric[MT_NPV][MC_P50] = 14500;
    mc->metric[MT_NPV][MC_P90] = 30000;
    return mc;
}

static const rs_tornado_row tornado_rows[] = {
    {"other:kiosk.income", 200, 400, 18000, 22000},
    {"other:shops.income", 900, 1500, 12000, 30000},
    {"scenario.discount_rate", 0.05, 0.12, 21000, 19000},
    {"community:a.cost_annual", 15000, 21000, NAN, 20164},
};

static int file_exists(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0;
}

/* ---- helpers: numbers, ticks, fitting ------------------------------------ */

static void test_group(void **state)
{
    (void)state;
    static const struct {
        double v;
        int d;
        const char *want;
    } cases[] = {
        {0, 0, "0"},
        {999, 0, "999"},
        {1000, 0, "1,000"},
        {1234567.4, 0, "1,234,567"},
        {-1234567.6, 0, "\xE2\x88\x92" "1,234,568"},
        {-1234.5, 1, "\xE2\x88\x92" "1,234.5"},
        {-0.04, 1, "0.0"},      /* no minus on a rounded zero */
        {999.96, 1, "1,000.0"},
        {12.346, 2, "12.35"},
        {NAN, 0, "n/a"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char buf[64];
        assert_string_equal(rs_gp_group(cases[i].v, cases[i].d, buf, sizeof buf), cases[i].want);
    }
}

static void test_axis(void **state)
{
    (void)state;
    static const double ranges[][2] = {
        {0, 802320}, {-1299337, 0}, {-12741411, 500000}, {0.15, 1.6}, {-0.27, 1.9},
        {5, 5}, {0, 0}, {-3e9, 7e9}, {0.001, 0.0013},
        /* ranges too narrow to draw (issue 9, item 7): a step of 1e-325 was 0 */
        {0, 4.9e-324}, {-4.9e-324, 1e-323}, {0, 1e-20}, {1e6, 1e6 + 1e-4},
    };
    for (size_t i = 0; i < sizeof ranges / sizeof ranges[0]; i++) {
        rs_gp_axis a;
        rs_gp_axis_fit(&a, ranges[i][0], ranges[i][1], 6);
        assert_true(a.lo <= ranges[i][0] && a.hi >= ranges[i][1]);
        assert_true(a.hi > a.lo);
        assert_in_range(a.n, 3, 8);
        assert_rel(a.lo + a.n * a.step, a.hi, 1e-9);
        double m = a.step / pow(10, floor(log10(a.step)));
        assert_true(fabs(m - 1) < 1e-9 || fabs(m - 2) < 1e-9 || fabs(m - 2.5) < 1e-9 ||
                    fabs(m - 5) < 1e-9);
    }
    rs_gp_axis a;
    rs_gp_axis_fit(&a, 0, 802320, 6);
    assert_rel(a.step, 200000, 0);
    assert_rel(a.hi, 1000000, 0);
    rs_gpbuf b;
    rs_gpbuf_init(&b);
    rs_gp_axis_emit(&b, "y2", &a, "nomirror", "%");
    assert_string_equal(b.p, "set y2range [0:1000000]\n"
                             "set y2tics nomirror ('0%%' 0, '200,000%%' 200000, "
                             "'400,000%%' 400000, '600,000%%' 600000, '800,000%%' 800000, "
                             "'1,000,000%%' 1000000)\n");
    rs_gpbuf_release(&b);
}

static void test_fit(void **state)
{
    (void)state;
    char out[64];
    assert_string_equal(rs_gp_fit("short", 10, out, sizeof out), "short");
    assert_string_equal(rs_gp_fit("abcdefghijkl", 6, out, sizeof out), "abcde\xE2\x80\xA6");
    /* CJK counts two columns and is never split */
    assert_string_equal(rs_gp_fit("\xE6\xB0\xB8\xE4\xB8\xB0\xE9\x87\x8C", 4, out, sizeof out),
                        "\xE6\xB0\xB8\xE2\x80\xA6");
    assert_string_equal(rs_gp_fit_end("shops:east.rent_uplift", 8, out, sizeof out),
                        "\xE2\x80\xA6" "_uplift");
    assert_string_equal(rs_gp_fit_end("a.b", 8, out, sizeof out), "a.b");
    /* a small buffer cuts at a character boundary */
    char small[8];
    rs_gp_fit("\xE6\xB0\xB8\xE4\xB8\xB0\xE9\x87\x8C", 40, small, sizeof small);
    assert_true(strlen(small) < sizeof small);
}

/* ---- quoting ------------------------------------------------------------- */

static void test_quote(void **state)
{
    (void)state;
    static const struct {
        const char *in, *want;
    } cases[] = {
        {"plain", "'plain'"},
        {"it's", "'it''s'"},
        {"''", "''''''"},
        {"a\nb\tc\rd", "'a b c d'"},
        {"`touch /tmp/x`", "'`touch /tmp/x`'"},
        {"system(\"id\")", "'system(\"id\")'"},
        {"|cmd !cmd @macro \\' \\n", "'|cmd !cmd @macro \\'' \\n'"},
        {"\xff\xfe ok", "'?? ok'"},            /* not UTF-8 */
        {"\xc0\xaf", "'?\?'"},                  /* overlong '/' */
        {"\xed\xa0\x80", "'?\?\?'"},             /* a surrogate */
        {"x\xc2\x85y\x7f", "'x y '"},          /* C1 NEL, DEL */
        {"\xE6\xB0\xB8\xE4\xB8\xB0\xE9\x87\x8C 50%", "'\xE6\xB0\xB8\xE4\xB8\xB0\xE9\x87\x8C 50%'"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        rs_gpbuf b;
        rs_gpbuf_init(&b);
        rs_gp_quote(&b, cases[i].in);
        assert_false(b.failed);
        assert_string_equal(b.p, cases[i].want);
        rs_gpbuf_release(&b);
    }
    rs_gpbuf b;
    rs_gpbuf_init(&b);
    rs_gp_cmd(&b, "set title %q; set ytics (%Q 1) # %s %d %g %g %%\n", "a'b", "50% of `x`", "raw", -3,
              0.5, NAN);
    assert_string_equal(b.p, "set title 'a''b'; set ytics ('50%% of `x`' 1) # raw -3 0.5 NaN %\n");
    rs_gp_quote(&b, NULL);
    assert_string_equal(b.p + strlen(b.p) - 2, "''");
    rs_gp_cmd(&b, "%x");            /* unknown conversion: refused */
    assert_true(b.failed);
    rs_gpbuf_release(&b);
}

/* Hostile text: each piece would run `touch MARKER` if gnuplot expanded it. */
static void hostile_names(const char *dir, char *name, size_t n, char *lev1, char *lev2,
                          char *cur, char *start, char *label)
{
    snprintf(name, n,
             "it's `touch %s/m1` system(\"touch %s/m2\") |touch %s/m3\n"
             "!touch %s/m4\nset output '%s/m5'\nEOD\n@x %%s %%d \\' end",
             dir, dir, dir, dir, dir);
    snprintf(lev1, RS_NAME_MAX, "l1'`touch %s/m6`", dir);
    snprintf(lev2, RS_NAME_MAX, "EOD");
    snprintf(cur, 128, "C'`touch %s/m7`", dir);
    snprintf(start, 128, "2024-07'\n!touch %s/m8\n'", dir);
    snprintf(label, 256, "rent 50%% `touch %s/m9` |x !y '", dir);
}

static void test_hostile_script(void **state)
{
    (void)state;
    const char *dir = rs_test_dir();
    char name[1024], lev1[RS_NAME_MAX], lev2[RS_NAME_MAX], cur[128], start[128], label[256];
    hostile_names(dir, name, sizeof name, lev1, lev2, cur, start, label);
    rs_scenario *s = make(name, cur, start, lev1, lev2);
    rs_results *r = rs_results_alloc(s);
    rs_model_run(s, r);
    rs_mc_results *mc = fake_mc(r->years);
    rs_tornado_row rows[3] = {{label, 1, 2, 10, 20}, {name, 50, 60, 15, 18},
                              {"p 50% s%d `true`", 3, 4, 12, 13}};
    rs_plot_input in = {s, r, mc, "npv", label, 14, rows, 3};
    for (int k = 0; k < RS_CHART_N; k++) /* the fixture has every chart */
        assert_true(rs_chart_wanted((rs_chart)k, &in));
    for (int lang = 0; lang < 2; lang++)
        for (int k = 0; k < RS_CHART_N; k++) {
            rs_plot_opts opt = {RS_FMT_PNG, (rs_plot_lang)lang, NULL};
            rs_error err = {0};
            char *script = NULL;
            assert_int_equal(rs_plot_script((rs_chart)k, &in, &opt, "Sans", &script, &err), RS_OK);
            /* single- and double-quoted literals allowed */
            assert_gp_inert(script, 1);
            /* the name is drawn literally: quote doubled, newlines as spaces */
            assert_non_null(strstr(script, "'it''s `touch "));
            assert_null(strstr(script, "\nEOD\n@x"));
            if (k == RS_CHART_REVENUE || k == RS_CHART_LEVERS) /* key text, row label */
                assert_non_null(strstr(script, "'l1''`touch "));
            if (k == RS_CHART_TORNADO) /* a label, not a tic label (no format) */
                assert_non_null(strstr(script, "'p 50% s%d `true`  3 – 4'"));
            free(script);
        }
    assert_no_markers(dir, 9);
    rs_mc_results_free(mc);
    rs_results_free(r);
    rs_test_scenario_free(s);
}

/* Real gnuplot, hostile names and a hostile output folder: every chart is
 * drawn, the text appears literally in the SVG, no command ran. */
static void test_hostile_render(void **state)
{
    (void)state;
    if (!rs_gp_available("gnuplot"))
        skip();
    const char *dir = rs_test_dir();
    char name[1024], lev1[RS_NAME_MAX], lev2[RS_NAME_MAX], cur[128], start[128], label[256];
    hostile_names(dir, name, sizeof name, lev1, lev2, cur, start, label);
    char out[1024];
    snprintf(out, sizeof out, "%s/out' `touch %s/m9` |x !y $(id)", dir, dir);
    rs_scenario *s = make(name, cur, start, lev1, lev2);
    rs_results *r = rs_results_alloc(s);
    rs_model_run(s, r);
    rs_mc_results *mc = fake_mc(r->years);
    rs_outset o;
    rs_error err = {0};
    int warned = -1;
    rs_plot_opts opt = {RS_FMT_SVG, RS_LANG_EN, NULL};
    rs_tornado_row rows[2] = {{label, 1, 2, 10, 20}, {"p 50% s%d `true`", 3, 4, 12, 13}};
    assert_int_equal(rs_outset_init(&o, out, 0, &err), RS_OK);
    assert_int_equal(rs_plots_write(&o, s, r, mc, &opt, &warned, &err), RS_OK);
    assert_int_equal(warned, 0);
    assert_int_equal(rs_plot_tornado(&o, s, "npv", NULL, 14, rows, 2, &opt, &err), RS_OK);
    assert_int_equal(rs_outset_commit(&o, &err), RS_OK);
    assert_int_equal(rs_test_dir_count(out), RS_CHART_N);   /* every chart */
    char path[2048];
    snprintf(path, sizeof path, "%s/coverage.svg", out);
    char *svg = rs_test_slurp(path, NULL);
    assert_non_null(svg);
    assert_non_null(strstr(svg, "/m1` system("));
    free(svg);
    snprintf(path, sizeof path, "%s/tornado.svg", out);
    svg = rs_test_slurp(path, NULL);
    assert_non_null(strstr(svg, "p 50% s%d `true`"));
    assert_non_null(strstr(svg, "/m9` |x !y"));
    free(svg);
    assert_no_markers(dir, 9);
    rs_mc_results_free(mc);
    rs_results_free(r);
    rs_test_scenario_free(s);
}

/* ---- golden text ------------------------------------------------------- */

static void test_golden(void **state)
{
    (void)state;
    rs_scenario *s = make("Test estate (\xE6\xB5\x8B\xE8\xAF\x95)", "CNY", "2024-07", "shops",
                          "kiosk");
    rs_results *r = rs_results_alloc(s);
    rs_model_run(s, r);
    rs_mc_results *mc = fake_mc(r->years);
    rs_plot_input in = {s, r, mc, "npv", NULL, 20164.9, tornado_rows,
                        (int)(sizeof tornado_rows / sizeof tornado_rows[0])};
    rs_gpbuf all;
    rs_gpbuf_init(&all);
    static const struct {
        rs_plot_format f;
        rs_plot_lang lang;
        const char *font;
    } variants[] = {{RS_FMT_PNG, RS_LANG_EN, NULL}, {RS_FMT_PDF, RS_LANG_ZH, "WenQuanYi Micro Hei"}};
    for (size_t v = 0; v < sizeof variants / sizeof variants[0]; v++)
        for (int k = 0; k < RS_CHART_N; k++) {
            rs_plot_opts opt = {variants[v].f, variants[v].lang, NULL};
            rs_error err = {0};
            char *script = NULL, file[32];
            assert_int_equal(rs_plot_script((rs_chart)k, &in, &opt, variants[v].font, &script, &err),
                             RS_OK);
            rs_gp_cmd(&all, "#### %s %s\n", rs_chart_file((rs_chart)k, opt.format, file, sizeof file),
                      variants[v].lang == RS_LANG_ZH ? "zh" : "en");
            rs_gp_cmd(&all, "%s", script);
            free(script);
        }
    assert_false(all.failed);
    if (getenv("RS_UPDATE_GOLDEN")) {
        FILE *fp = fopen(GOLDEN, "wb");
        assert_non_null(fp);
        fputs(all.p, fp);
        fclose(fp);
    }
    size_t len;
    char *want = rs_test_slurp(GOLDEN, &len);
    if (!want) {
        print_error("%s missing: run RS_UPDATE_GOLDEN=1 on this test and review it\n", GOLDEN);
        fail();
    }
    if (strcmp(want, all.p) != 0) {
        size_t i = 0;
        while (want[i] && want[i] == all.p[i])
            i++;
        int line = 1;
        for (size_t j = 0; j < i; j++)
            line += want[j] == '\n';
        print_error("%s differs from the generated text at line %d\n", GOLDEN, line);
        fail();
    }
    free(want);
    rs_gpbuf_release(&all);
    rs_mc_results_free(mc);
    rs_results_free(r);
    rs_test_scenario_free(s);
}

/* Tornado rows come out largest swing first, an undefined swing last. */
static void test_tornado_order(void **state)
{
    (void)state;
    rs_scenario *s = make("t", "CNY", NULL, "a", "b");
    rs_plot_input in = {s, NULL, NULL, "npv", NULL, 20000, tornado_rows, 4};
    rs_error err = {0};
    char *script = NULL;
    assert_int_equal(rs_plot_script(RS_CHART_TORNADO, &in, NULL, NULL, &script, &err), RS_OK);
    /* labels "NAME · KEY  low – high", rates in percent */
    const char *a = strstr(script, "'shops · income  900 – 1,500'"),
               *b = strstr(script, "'kiosk · income  200 – 400'"),
               *c = strstr(script, "'scenario · discount_rate  5% – 12%'"),
               *d = strstr(script, "'a · cost_annual  15,000 – 21,000'");
    assert_true(a && b && c && d);
    assert_true(a < b && b < c && c < d);
    free(script);
    /* no rows, no results: still a script; a fan without Monte Carlo: error */
    in.nrows = 0;
    assert_int_equal(rs_plot_script(RS_CHART_TORNADO, &in, NULL, NULL, &script, &err), RS_OK);
    free(script);
    assert_int_equal(rs_plot_script(RS_CHART_FAN_NET, &in, NULL, NULL, &script, &err), RS_ESOFTWARE);
    assert_null(script);
    assert_non_null(strstr(err.msg, "fan_net_income"));
    rs_test_scenario_free(s);
}

/* s run into new results (the caller frees them), and the input of its
 * charts (no Monte Carlo, no sweep rows) into in. */
static rs_results *run(rs_scenario *s, rs_plot_input *in)
{
    rs_results *r = rs_results_alloc(s);
    assert_non_null(r);
    rs_model_run(s, r);
    *in = (rs_plot_input){s, r, NULL, "npv", NULL, 0, NULL, 0};
    return r;
}

/* The script of chart k for in with opt (NULL: PNG, English), checked to
 * run nothing; the caller frees it. */
static char *script_of(const rs_plot_input *in, rs_chart k, const rs_plot_opts *opt)
{
    char *script = NULL;
    rs_error err = {0};
    if (rs_plot_script(k, in, opt, opt && opt->lang == RS_LANG_ZH ? "WenQuanYi Micro Hei" : NULL,
                       &script, &err) != RS_OK) {
        print_error("chart %d: %s\n", (int)k, err.msg);
        fail();
    }
    assert_gp_inert(script, 0);
    return script;
}

/* Free a test's script, results and scenario. */
static void done(rs_scenario *s, rs_results *r, char *script)
{
    free(script);
    rs_results_free(r);
    rs_test_scenario_free(s);
}

/* ---- layout helpers ------------------------------------------------------ */

static void test_text_em(void **state)
{
    (void)state;
    char out[64];
    /* DejaVu Sans: digits 0.636 em, ',' 0.318: 4 x 0.636 + 0.318 */
    assert_rel(rs_gp_text_em("1,000"), 2.862, 1e-12);
    assert_rel(rs_gp_text_em("\xE6\xB0\xB8\xE4\xB8\xB0\xE9\x87\x8C"), 3.0, 1e-12); /* 永丰里 */
    /* A .684 + b .635 + space .318 + c .550 */
    assert_rel(rs_gp_text_em("Ab c"), 2.187, 1e-12);
    /* a b c = 1.798 em and "…" 1 em fit in 3; "abcd…" (3.433) does not */
    assert_string_equal(rs_gp_fit_em("abcdefghij", 3.0, 0, out, sizeof out), "abc\xE2\x80\xA6");
    /* "…t_uplift" = 1 + .392 + .5 + u .634 p .635 l .278 i .278 f .352 t .392
     * = 4.461 fits 5 em; one more character (n .634) does not */
    assert_string_equal(rs_gp_fit_em("shops:east.rent_uplift", 5.0, 1, out, sizeof out),
                        "\xE2\x80\xA6t_uplift");
    assert_string_equal(rs_gp_fit_em("short", 40, 0, out, sizeof out), "short");
}

/* Which run charts are drawn: the debt chart only with debt service, the
 * lever league with levers, the community chart with more than one
 * community, the Monte Carlo ones with runs; a chart not wanted has no
 * script. */
static void test_wanted(void **state)
{
    (void)state;
    rs_scenario *s = make_simple();
    rs_plot_input in;
    rs_results *r = run(s, &in);
    static const rs_chart yes[] = {RS_CHART_COVERAGE, RS_CHART_REVENUE, RS_CHART_FUND,
                                   RS_CHART_CASHFLOW, RS_CHART_DEBT, RS_CHART_LEVERS,
                                   RS_CHART_COMMUNITIES, RS_CHART_TORNADO};
    for (size_t i = 0; i < sizeof yes / sizeof yes[0]; i++)
        assert_true(rs_chart_wanted(yes[i], &in));
    assert_false(rs_chart_wanted(RS_CHART_FAN_NET, &in));
    assert_false(rs_chart_wanted(RS_CHART_NPV_HIST, &in));
    assert_int_equal(wanted_run(&in), 7);
    char *script = NULL;
    rs_error err = {0};
    /* without the loan: no debt service, no debt chart, no debt on the fund */
    s->nloan = 0;
    rs_model_run(s, r);
    assert_false(rs_chart_wanted(RS_CHART_DEBT, &in));
    assert_int_equal(rs_plot_script(RS_CHART_DEBT, &in, NULL, NULL, &script, &err), RS_ESOFTWARE);
    assert_null(script);
    assert_non_null(strstr(err.msg, "debt chart"));
    script = script_of(&in, RS_CHART_FUND, NULL);
    assert_null(strstr(script, "debt_balance"));
    assert_null(strstr(script, "Reserve"));
    free(script);
    s->nloan = 1;
    /* one community, no levers */
    s->ncom = 1;
    assert_false(rs_chart_wanted(RS_CHART_COMMUNITIES, &in));
    s->ncom = 2;
    s->nlev = 0;
    assert_false(rs_chart_wanted(RS_CHART_LEVERS, &in));
    s->nlev = 2;
    rs_results_free(r);
    rs_test_scenario_free(s);
}

/* The new charts' data against the numbers of make_simple worked by hand. */
static void test_debt_fund_data(void **state)
{
    (void)state;
    rs_scenario *s = make_simple();
    rs_test_set(&s->fund, "reserve", 5000);
    rs_plot_input in;
    rs_results *r = run(s, &in);
    char *script = NULL, data[16384];
    /* net income 12,000 + 6,000 = 18,000 a year; debt service 11 x 1,000 in
     * year 1 (months 2..12), 1,000 in year 2 (month 13); DSCR 18,000 /
     * 11,000 = 1.636363636 and 18,000 / 1,000 = 18, drawn at the axis top 5
     * (18 > 1.2 x 5) with its value written */
    script = script_of(&in, RS_CHART_DEBT, NULL);
    assert_string_equal(rs_test_datablock(script, "$d", data, sizeof data),
                        "# year net_income debt_service dscr dscr_drawn\n"
                        "1 18000 11000 1.636363636 1.636363636\n2 18000 1000 18 5\n");
    assert_non_null(strstr(script, "'18.0×' at 2, second 5"));
    assert_non_null(strstr(script, "lowest DSCR 1.64× in year 1"));
    assert_non_null(strstr(script, "set y2range [0:5]"));
    free(script);
    /* fund: the balance owed is 12,000 after the draw, 12,000 - 1,000 (m-1)
     * at the end of month m <= 13, then 0; the reserve line at 5,000 */
    script = script_of(&in, RS_CHART_FUND, NULL);
    rs_test_datablock(script, "$d", data, sizeof data);
    assert_non_null(strstr(data, "# years balance debt_balance\n0 0 0\n"));
    int lines = 0;
    for (const char *p = strchr(data, '\n') + 1; p && *p; p = strchr(p, '\n') ? strchr(p, '\n') + 1 : NULL) {
        double t, bal, debt;
        if (sscanf(p, "%lf %lf %lf", &t, &bal, &debt) != 3)
            continue;
        int m = (int)lround(t * 12);
        double want = m < 1 ? 0 : m <= 13 ? 12000 - 1000.0 * (m - 1) : 0;
        assert_rel(debt, want, 1e-12);
        lines++;
    }
    assert_int_equal(lines, 25);   /* months 0..24 */
    assert_non_null(strstr(script, "'Reserve: 5,000 CNY'"));
    assert_non_null(strstr(script, "5000 with lines"));
    free(script);
    /* in Chinese: 万元, the reserve 0.50万元 */
    rs_plot_opts zh = {RS_FMT_PNG, RS_LANG_ZH, NULL};
    script = script_of(&in, RS_CHART_FUND, &zh);
    assert_non_null(strstr(script, "'储备金：0.50万元'"));
    assert_non_null(strstr(script, "0.5 with lines"));
    done(s, r, script);
}

static void test_levers_data(void **state)
{
    (void)state;
    rs_scenario *s = make_simple();
    rs_plot_input in;
    rs_results *r = run(s, &in);
    char *script = NULL, data[4096];
    /* NPV at r = 0: x 2 x 12,000 = 24,000, y 2 x 6,000 - 3,000 = 9,000; x
     * first. Share of the 28,000 deficit: 12,000 / 28,000 = 42.86% and
     * 6,000 / 28,000 = 21.43%. */
    script = script_of(&in, RS_CHART_LEVERS, NULL);
    assert_string_equal(rs_test_datablock(script, "$npv", data, sizeof data),
                        "# row x_from x_to y_from y_to colour (bars cut at the axis ends)\n"
                        "2 0 24000 1.66 2.34 0x1f5fa8\n1 0 9000 0.66 1.34 0x1f5fa8\n");
    assert_string_equal(rs_test_datablock(script, "$share", data, sizeof data),
                        "# row x_from x_to y_from y_to colour (bars cut at the axis ends)\n"
                        "2 0 42.85714286 1.66 2.34 0x2a9d6f\n1 0 21.42857143 0.66 1.34 0x2a9d6f\n");
    assert_non_null(strstr(script, "set label 500 'x' at screen"));
    assert_non_null(strstr(script, "set label 501 'y' at screen"));
    assert_non_null(strstr(script, "'24,000' at 24000, 2"));
    assert_non_null(strstr(script, "'43%' at 42.85714286, 2"));
    assert_non_null(strstr(script, "set multiplot"));
    assert_non_null(strstr(script, "unset multiplot"));
    done(s, r, script);
}

/* Coverage by community: a line each for few; for many, the P10-P90 band
 * and median over the communities, the six with the largest shortfall. */
static void test_communities_data(void **state)
{
    (void)state;
    rs_scenario *s = make_simple();
    rs_plot_input in;
    rs_results *r = run(s, &in);
    char *script = NULL, data[4096];
    /* north has both levers: 18,000 / 14,000; south none; all 18,000 / 28,000 */
    script = script_of(&in, RS_CHART_COMMUNITIES, NULL);
    rs_test_datablock(script, "$d", data, sizeof data);
    assert_non_null(strstr(data, "\n1 128.5714286 0 64.28571429\n2 128.5714286 0 64.28571429\n"));
    assert_non_null(strstr(script, "'north' at screen"));
    assert_non_null(strstr(script, "'south' at screen"));
    assert_non_null(strstr(script, "1 of 2 in deficit in year 1 (stabilized)"));
    free(script);
    rs_results_free(r);
    rs_test_scenario_free(s);

    /* 12 communities with a deficit of 14,000 each; lever k on community k
     * earns 100 k a month: coverage 1,200 k / 14,000 = 8.571428571 k % */
    static char names[12][16];
    s = rs_test_scenario(1, 0, 12, 12);
    rs_test_scenario_text(s, "Twelve", "CNY", NULL);
    for (int k = 0; k < 12; k++) {
        snprintf(names[k], sizeof names[k], "c%d", k);
        rs_test_community(&s->com[k], names[k], 1000, 1, 0.5, 20000);
        rs_test_other(&s->lev[k], names[k], 100.0 * k);
        s->lev[k].community = k;
    }
    r = run(s, &in);
    script = script_of(&in, RS_CHART_COMMUNITIES, NULL);
    /* sorted 8.571428571 k, k = 0..11: P10 at 1.1 -> 9.428571429, P50 at
     * 5.5 -> 47.14285714, P90 at 9.9 -> 84.85714286; all 1,200 x 66 /
     * 168,000 = 47.14285714; the worst six are c0..c5 (shortfall 14,000 -
     * 1,200 k) */
    assert_string_equal(rs_test_datablock(script, "$d", data, sizeof data),
                        "# year, coverage % of the communities with a deficit: P10 P50 P90, of all, "
                        "then of the 6 in deficit in year 1 with the largest shortfall\n"
                        "1 9.428571429 47.14285714 84.85714286 47.14285714 0 8.571428571 "
                        "17.14285714 25.71428571 34.28571429 42.85714286\n");
    assert_non_null(strstr(script, "'c0: 14,000 CNY short'"));
    assert_non_null(strstr(script, "'c5: 8,000 CNY short'"));
    assert_null(strstr(script, "'c6: "));
    assert_non_null(strstr(script, "12 of 12 in deficit in year 1 (stabilized)"));
    done(s, r, script);
}

/* 14 levers: the 10 largest one by one, each its own colour, the other 4
 * as one grey layer. */
static void test_revenue_grouped(void **state)
{
    (void)state;
    static char names[14][64];
    rs_scenario *s = rs_test_scenario(1, 0, 1, 14);
    rs_test_scenario_text(s, "Fourteen", "CNY", NULL);
    rs_test_community(&s->com[0], "a", 1000, 1, 0.5, 20000);
    for (int i = 0; i < 14; i++) {
        /* long names: the key must still leave the plot its room */
        snprintf(names[i], sizeof names[i], "L%d a long lever name for the key to cut", i + 1);
        rs_test_other(&s->lev[i], names[i], 100.0 * (i + 1));
    }
    rs_plot_input in;
    rs_results *r = run(s, &in);
    char *script = NULL, data[4096];
    script = script_of(&in, RS_CHART_REVENUE, NULL);
    /* lever i earns 1,200 i a year; from L14 down: 16,800, + 15,600 =
     * 32,400, ... + 6,000 (L5) = 114,000; all: + 1,200 x (1+2+3+4) = 126,000 */
    assert_string_equal(rs_test_datablock(script, "$d", data, sizeof data),
                        "# year, then the revenue of the 10 largest levers summed from the largest, "
                        "k = 1..10, then all levers\n"
                        "1 16800 32400 46800 60000 72000 82800 92400 100800 108000 114000 126000\n");
    assert_non_null(strstr(script, "'The other 4 levers'"));
    assert_int_equal(rs_test_count(script, "with boxes fillcolor"), 11);
    /* eleven colours, none twice */
    for (int i = 0; i < RS_GP_NCOLORS; i++)
        for (int j = i + 1; j < RS_GP_NCOLORS; j++)
            assert_string_not_equal(rs_gp_colors[i], rs_gp_colors[j]);
    for (int i = 0; i < 10; i++) {
        char clause[64];
        snprintf(clause, sizeof clause, "with boxes fillcolor rgb '%s'", rs_gp_colors[i]);
        assert_int_equal(rs_test_count(script, clause), 1);
    }
    /* the plot keeps at least 45% of the height: its bottom at most 0.405 */
    const char *bm = strstr(script, "set bmargin at screen ");
    assert_non_null(bm);
    assert_true(atof(bm + strlen("set bmargin at screen ")) <= 0.855 - 0.45 + 1e-9);
    done(s, r, script);
}

/* 5,000 levers draw like 11: the scripts stay small. */
static void test_many_levers(void **state)
{
    (void)state;
    const int NL = 5000;
    rs_scenario *s = rs_test_scenario(2, 0.05, 2, NL);
    static char names[5000][24];
    rs_test_scenario_text(s, "Many", "CNY", NULL);
    rs_test_community(&s->com[0], "a", 1000, 1, 0.5, 20000);
    rs_test_community(&s->com[1], "b", 1000, 1, 0.5, 20000);
    for (int i = 0; i < NL; i++) {
        snprintf(names[i], sizeof names[i], "lever%d", i);
        rs_test_other(&s->lev[i], names[i], 10.0 + i % 97);
        s->lev[i].community = i % 2;
    }
    rs_plot_input in;
    rs_results *r = run(s, &in);
    static const rs_chart kinds[] = {RS_CHART_REVENUE, RS_CHART_LEVERS, RS_CHART_COMMUNITIES};
    for (size_t k = 0; k < sizeof kinds / sizeof kinds[0]; k++) {
        char *script = NULL;
        rs_error err = {0};
        assert_int_equal(rs_plot_script(kinds[k], &in, NULL, NULL, &script, &err), RS_OK);
        assert_true(strlen(script) < 20000);
        if (kinds[k] == RS_CHART_REVENUE)
            assert_int_equal(rs_test_count(script, "with boxes fillcolor"), 11);
        if (kinds[k] == RS_CHART_LEVERS)   /* 10 levers and "the other 4,990" */
            assert_non_null(strstr(script, "set label 510 'The other 4,990 levers'"));
        free(script);
    }
    rs_results_free(r);
    rs_test_scenario_free(s);
}

/* Every screen position of a chart's layout (margins, titles, key) is the
 * same in PNG, SVG and PDF. */
static void screen_positions(const char *script, char *out, size_t n)
{
    size_t o = 0;
    out[0] = '\0';
    for (const char *p = script; (p = strstr(p, "screen ")); p += 7) {
        double v = atof(p + 7);
        int k = snprintf(out + o, n - o, "%g ", v);
        if (k < 0 || (size_t)k >= n - o)
            break;
        o += (size_t)k;
    }
}

static void test_layout_formats(void **state)
{
    (void)state;
    rs_scenario *s = make("Layout \xE6\xB5\x8B\xE8\xAF\x95", "CNY", "2024-07", "shops", "kiosk");
    rs_results *r = rs_results_alloc(s);
    rs_model_run(s, r);
    rs_mc_results *mc = fake_mc(r->years);
    rs_plot_input in = {s, r, mc, "npv", NULL, 20164.9, tornado_rows, 4};
    static char pos[3][8192];
    for (int k = 0; k < RS_CHART_N; k++) {
        for (int f = 0; f < 3; f++) {
            rs_plot_opts opt = {(rs_plot_format)f, RS_LANG_EN, NULL};
            char *script = NULL;
            rs_error err = {0};
            assert_int_equal(rs_plot_script((rs_chart)k, &in, &opt, NULL, &script, &err), RS_OK);
            assert_non_null(strstr(script, "unset key"));
            assert_null(strstr(script, " title '"));   /* no gnuplot key entry */
            screen_positions(script, pos[f], sizeof pos[f]);
            free(script);
        }
        assert_true(strlen(pos[0]) > 20);
        assert_string_equal(pos[0], pos[1]);
        assert_string_equal(pos[0], pos[2]);
    }
    rs_mc_results_free(mc);
    rs_results_free(r);
    rs_test_scenario_free(s);
}

/* A histogram whose runs all fall in one bin: the share axis stops at 100%. */
static void test_share_axis(void **state)
{
    (void)state;
    rs_scenario *s = make("h", "CNY", NULL, "a", "b");
    rs_results *r = rs_results_alloc(s);
    rs_model_run(s, r);
    rs_mc_results *mc = rs_test_mc(r->years, 40, 5000, 0);   /* NPV 5,000 in every run */
    mc->metric[MT_NPV][MC_P50] = 5000;
    rs_plot_input in = {s, r, mc, "npv", NULL, 0, NULL, 0};
    char *script = NULL;
    script = script_of(&in, RS_CHART_NPV_HIST, NULL);
    assert_non_null(strstr(script, "set yrange [0:100]\n"));
    assert_null(strstr(script, "'120%%'"));
    free(script);
    rs_mc_results_free(mc);
    rs_results_free(r);
    rs_test_scenario_free(s);
}

/* Tornado rows "NAME · KEY  low – high": no section type, the key in
 * Chinese with zh (steps too), fractions and rates in percent, a long name
 * cut so the key and the values stay. */
static void test_tornado_labels(void **state)
{
    (void)state;
    rs_scenario *s = rs_test_scenario(2, 0.1, 1, 2);
    rs_test_scenario_text(s, "t", "CNY", NULL);
    rs_test_community(&s->com[0], "a", 1000, 1, 0.5, 18000);
    rs_entity_init(&s->lev[0], &rs_section_shops);
    snprintf(s->lev[0].name, sizeof s->lev[0].name, "east");
    rs_test_other(&s->lev[1], "kiosk", 100);
    const rs_tornado_row rows[] = {
        {"shops:east.rent", 20, 32, 100, 300},
        {"east.rent@3", 25, 30, 150, 250},            /* `revsim sweep` drops the type */
        {"scenario.discount_rate", 0.05, 0.12, 160, 240},
        {"shops:a-very-long-lever-name-that-goes-on-and-on-and-on.rent_uplift", 0.2, 0.6, 170, 230},
    };
    rs_plot_input in = {s, NULL, NULL, "npv", NULL, 200, rows, 4};
    char *script = NULL;
    rs_error err = {0};
    script = script_of(&in, RS_CHART_TORNADO, NULL);
    assert_non_null(strstr(script, "'east · rent  20 – 32'"));
    assert_non_null(strstr(script, "'east · rent from year 3  25 – 30'"));
    assert_non_null(strstr(script, "'scenario · discount_rate  5% – 12%'"));
    const char *cut = strstr(script, "'a-very-long-");
    assert_non_null(cut);
    const char *end = strstr(cut, "\xE2\x80\xA6 · rent_uplift  20% – 60%'");
    assert_non_null(end);
    assert_true(strchr(cut + 1, '\'') == end + strlen("\xE2\x80\xA6 · rent_uplift  20% – 60%"));
    assert_null(strstr(script, "shops:"));
    free(script);
    rs_plot_opts zh = {RS_FMT_PNG, RS_LANG_ZH, NULL};
    assert_int_equal(rs_plot_script(RS_CHART_TORNADO, &in, &zh, "WenQuanYi Micro Hei", &script, &err),
                     RS_OK);
    assert_non_null(strstr(script, "'east · 租金  20 – 32'"));
    assert_non_null(strstr(script, "'east · 租金（第3年起）  25 – 30'"));
    assert_non_null(strstr(script, "'方案设置 · 折现率  5% – 12%'"));
    assert_non_null(strstr(script, " · 统管租金提升  20% – 60%'"));
    free(script);
    rs_test_scenario_free(s);
}

/* ---- real renders ------------------------------------------------------ */

static void render_all(rs_plot_format f, rs_plot_lang lang)
{
    const char *dir = rs_test_dir();
    rs_scenario *s = make("Render \xE6\xB5\x8B\xE8\xAF\x95", "CNY", "2024-07", "shops", "kiosk");
    rs_results *r = rs_results_alloc(s);
    rs_model_run(s, r);
    rs_mc_results *mc = fake_mc(r->years);
    rs_outset o;
    rs_error err = {0};
    int warned = -1;
    rs_plot_opts opt = {f, lang, NULL};
    assert_int_equal(rs_outset_init(&o, dir, 0, &err), RS_OK);
    assert_int_equal(rs_plots_write(&o, s, r, mc, &opt, &warned, &err), RS_OK);
    assert_int_equal(warned, 0);
    assert_int_equal(rs_plot_tornado(&o, s, "npv", NULL, 20164.9, tornado_rows, 4, &opt, &err),
                     RS_OK);
    assert_int_equal(rs_outset_commit(&o, &err), RS_OK);
    for (int k = 0; k < RS_CHART_N; k++) {
        char file[32], path[512];
        snprintf(path, sizeof path, "%s/%s", dir, rs_chart_file((rs_chart)k, f, file, sizeof file));
        if (!rs_test_is_chart(path, f)) {
            print_error("%s: missing, empty or not the right format\n", path);
            fail();
        }
    }
    assert_int_equal(rs_test_dir_count(dir), RS_CHART_N);
    rs_mc_results_free(mc);
    rs_results_free(r);
    rs_test_scenario_free(s);
}

static void test_render_png(void **state)
{
    (void)state;
    if (!rs_gp_available("gnuplot"))
        skip();
    render_all(RS_FMT_PNG, RS_LANG_EN);
}

static void test_render_svg(void **state)
{
    (void)state;
    if (!rs_gp_available("gnuplot"))
        skip();
    render_all(RS_FMT_SVG, RS_LANG_EN);
}

static void test_render_pdf(void **state)
{
    (void)state;
    if (!rs_gp_available("gnuplot"))
        skip();
    render_all(RS_FMT_PDF, RS_LANG_EN);
}

/* Chinese needs a CJK font: with one, the charts render; the search fails
 * cleanly when there is none. */
static void test_render_zh(void **state)
{
    (void)state;
    char fam[256];
    static const rs_gp_font none[] = {{"Nope", "/nonexistent/font.ttc"}};
    assert_int_equal(rs_gp_cjk_font(none, 1, "/nonexistent/fc-list", fam, sizeof fam), -1);
    assert_int_equal(rs_gp_cjk_font(none, 1, NULL, fam, sizeof fam), -1);
    if (!rs_gp_available("gnuplot"))
        skip();
    if (rs_gp_cjk_font(rs_gp_cjk_fonts, rs_gp_ncjk_fonts, "fc-list", fam, sizeof fam) != 0) {
        rs_scenario *s = make("x", "CNY", NULL, "a", "b");
        rs_results *r = rs_results_alloc(s);
        rs_model_run(s, r);
        rs_outset o;
        rs_error err = {0};
        rs_plot_opts opt = {RS_FMT_PNG, RS_LANG_ZH, NULL};
        assert_int_equal(rs_outset_init(&o, rs_test_dir(), 0, &err), RS_OK);
        assert_int_equal(rs_plots_write(&o, s, r, NULL, &opt, NULL, &err), RS_ETOOL);
        assert_non_null(strstr(err.msg, "fonts-wqy-microhei"));
        rs_outset_abort(&o);
        rs_results_free(r);
        rs_test_scenario_free(s);
        return;
    }
    render_all(RS_FMT_PNG, RS_LANG_ZH);
}

/* Degenerate results still draw: no levers, no deficit (coverage empty
 * everywhere), no payback, every run alike, undefined percentiles; and a
 * long horizon. */
static void test_render_edges(void **state)
{
    (void)state;
    if (!rs_gp_available("gnuplot"))
        skip();
    for (int variant = 0; variant < 2; variant++) {
        const char *dir = rs_test_dir();
        rs_scenario *s = make("edge", "USD", variant ? "1999-12" : "not a date", "a", "b");
        if (variant == 0) {
            s->nlev = 0;                       /* levers stay allocated, unused */
            rs_test_set(&s->com[0], "cost_annual", 0);
            s->scen.v[SC_HORIZON] = 1;
        } else {
            s->scen.v[SC_HORIZON] = 40;
        }
        rs_results *r = rs_results_alloc(s);
        rs_model_run(s, r);
        rs_mc_results *mc = fake_mc(r->years);
        for (long i = 0; i < mc->runs; i++)
            mc->npv[i] = variant ? mc->npv[i] : 0;
        for (size_t i = 0; variant == 0 && i < (size_t)MC_Y_N * r->years * MC_NSTAT; i++)
            mc->yearly[i] = NAN;
        mc->metric[MT_NPV][MC_P50] = NAN;
        rs_outset o;
        rs_error err = {0};
        rs_plot_opts opt = {RS_FMT_PNG, RS_LANG_EN, NULL};
        assert_int_equal(rs_outset_init(&o, dir, 0, &err), RS_OK);
        if (rs_plots_write(&o, s, r, mc, &opt, NULL, &err) != RS_OK) {
            print_error("variant %d: %s\n", variant, err.msg);
            fail();
        }
        assert_int_equal(rs_plot_tornado(&o, s, "coverage_stabilized", NULL, 0.5, NULL, 0, &opt,
                                         &err), RS_OK);
        assert_int_equal(rs_outset_commit(&o, &err), RS_OK);
        /* without levers no lever league; every other chart */
        assert_int_equal(rs_test_dir_count(dir), variant ? RS_CHART_N : RS_CHART_N - 1);
        rs_mc_results_free(mc);
        rs_results_free(r);
        rs_test_scenario_free(s);
    }
}

/* ---- gnuplot missing, failing, dying ------------------------------------ */

static void test_missing_gnuplot(void **state)
{
    (void)state;
    static const char *const progs[] = {"/nonexistent/gnuplot", "revsim-no-such-gnuplot"};
    for (size_t i = 0; i < 2; i++) {
        const char *dir = rs_test_dir();
        rs_scenario *s = make("m", "CNY", NULL, "a", "b");
        rs_results *r = rs_results_alloc(s);
        rs_model_run(s, r);
        rs_mc_results *mc = fake_mc(r->years);
        rs_outset o;
        rs_error err = {0};
        int warned = 0;
        rs_plot_opts opt = {RS_FMT_PNG, RS_LANG_EN, progs[i]};
        assert_int_equal(rs_outset_init(&o, dir, 0, &err), RS_OK);
        assert_int_equal(rs_plots_write(&o, s, r, mc, &opt, &warned, &err), RS_OK);
        assert_int_equal(warned, 1);
        assert_int_equal(err.code, 0);
        assert_non_null(strstr(err.msg, "gnuplot not found"));
        assert_non_null(strstr(err.msg, progs[i]));
        assert_int_equal(o.n, 0);          /* nothing reserved */
        rs_error err2 = {0};
        assert_int_equal(rs_plot_tornado(&o, s, "npv", NULL, 1, tornado_rows, 4, &opt, &err2),
                         RS_OK);
        assert_int_equal(err2.code, 0);
        assert_non_null(strstr(err2.msg, "gnuplot not found"));
        assert_int_equal(rs_outset_commit(&o, &err), RS_OK);
        assert_int_equal(rs_test_dir_count(dir), 0);
        rs_mc_results_free(mc);
        rs_results_free(r);
        rs_test_scenario_free(s);
    }
}

/* A script standing in for gnuplot, in dir. */
static const char *fake_gnuplot(const char *dir, const char *name, const char *body)
{
    const char *p = rs_test_file(dir, name, body);
    chmod(p, 0755);
    return p;
}

static void test_failing_gnuplot(void **state)
{
    (void)state;
    const char *bin = rs_test_dir();
    static char progs[6][512];
    /* /bin/true may exit before it has read the script: a failed write */
    static const char *const want[][2] = {{"exit status 1", NULL},
                                          {"empty file", "writing the script"},
                                          {"did not write a PNG", NULL},
                                          {"died with signal 9", NULL},
                                          {"exit status 3", NULL},
                                          {"cut off (no end of the PNG file)", NULL}};
    snprintf(progs[0], sizeof progs[0], "/bin/false");
    snprintf(progs[1], sizeof progs[1], "/bin/true");
    snprintf(progs[2], sizeof progs[2], "%s", fake_gnuplot(bin, "echoes", "#!/bin/sh\ncat\n"));
    snprintf(progs[3], sizeof progs[3], "%s",
             fake_gnuplot(bin, "dies", "#!/bin/sh\nhead -c 100 >/dev/null\nkill -9 $$\n"));
    snprintf(progs[4], sizeof progs[4], "%s",
             fake_gnuplot(bin, "halfway",
                          "#!/bin/sh\nhead -c 200 >/dev/null\nprintf '\\211PNG\\r\\n'\n"
                          "echo 'gnuplot> plot x' >&2\necho '         line 0: undefined "
                          "variable: x' >&2\nexit 3\n"));
    /* exit 0 with a chart cut off (as gnuplot does when its writes fail) */
    snprintf(progs[5], sizeof progs[5], "%s",
             fake_gnuplot(bin, "cutoff", "#!/bin/sh\ncat >/dev/null\n"
                          "printf '\\211PNG\\r\\n\\032\\n\\0\\0\\0\\rIHDR'\nexit 0\n"));
    struct sigaction before, after;
    sigaction(SIGPIPE, NULL, &before);
    for (int i = 0; i < 6; i++) {
        const char *dir = rs_test_dir();
        rs_scenario *s = make("f", "CNY", NULL, "a", "b");
        rs_results *r = rs_results_alloc(s);
        rs_model_run(s, r);
        rs_outset o;
        rs_error err = {0};
        int warned = -1;
        rs_plot_opts opt = {RS_FMT_PNG, RS_LANG_EN, progs[i]};
        assert_int_equal(rs_outset_init(&o, dir, 0, &err), RS_OK);
        assert_int_equal(rs_test_outset_file(&o, "a.csv", "kept\n", &err), RS_OK);
        assert_int_equal(rs_plots_write(&o, s, r, NULL, &opt, &warned, &err), RS_ETOOL);
        assert_int_equal(warned, 0);
        assert_int_equal(err.code, RS_ETOOL);
        int match = strstr(err.msg, want[i][0]) || (want[i][1] && strstr(err.msg, want[i][1]));
        if (!match || !strstr(err.msg, "coverage.png")) {
            print_error("%s: message '%s', expected '%s'\n", progs[i], err.msg, want[i][0]);
            fail();
        }
        if (i == 4)
            assert_non_null(strstr(err.msg, "undefined variable: x"));
        /* the half-written chart is gone, and out of the set: committing
         * keeps the CSV only, aborting removes everything */
        assert_int_equal(o.n, 1);
        assert_int_equal(rs_test_dir_count(dir), 1);
        if (i % 2 == 0) {
            rs_error err2 = {0};
            assert_int_equal(rs_outset_commit(&o, &err2), RS_OK);
            char kept[512];
            snprintf(kept, sizeof kept, "%s/a.csv", dir);
            assert_true(file_exists(kept));
            assert_int_equal(rs_test_dir_count(dir), 1);
        } else {
            rs_outset_abort(&o);
            assert_int_equal(rs_test_dir_count(dir), 0);
        }
        rs_results_free(r);
        rs_test_scenario_free(s);
    }
    sigaction(SIGPIPE, NULL, &after);
    assert_true(before.sa_handler == after.sa_handler);
}

/* gnuplot gone before reading a script larger than a pipe holds: the write
 * fails with EPIPE (no SIGPIPE kills us) and that is an error. */
static void test_broken_pipe(void **state)
{
    (void)state;
    size_t n = 1 << 20;
    char *script = malloc(n + 1);
    memset(script, '#', n);
    script[n] = '\0';
    FILE *fp = tmpfile();
    rs_error err = {0};
    assert_int_equal(rs_gp_run("/bin/true", script, n, fileno(fp), "x.png", &err), RS_ETOOL);
    assert_non_null(strstr(err.msg, "writing the script"));
    fclose(fp);
    free(script);
    rs_error err2 = {0};
    fp = tmpfile();
    assert_int_equal(rs_gp_run("/nonexistent/gp", "x", 1, fileno(fp), "y.png", &err2), RS_ETOOL);
    assert_non_null(strstr(err2.msg, "cannot run"));
    fclose(fp);
}

/* Disk full: the chart comes through revsim, whose write fails with
 * ENOSPC (/dev/full): an output error naming the device's message, not a
 * cut-off chart (gnuplot itself exits 0 when its writes fail). */
static void test_chart_disk_full(void **state)
{
    (void)state;
    const char *echoes = fake_gnuplot(rs_test_dir(), "echoes2", "#!/bin/sh\ncat\n");
    int fd = open("/dev/full", O_WRONLY);
    if (fd < 0)
        skip();
    rs_error err = {0};
    assert_int_equal(rs_gp_run(echoes, "plot x\n", 7, fd, "x.png", &err), RS_ECANTCREAT);
    assert_string_equal(err.msg, "x.png: cannot write the chart: No space left on device");
    close(fd);
}

/* A gnuplot that hangs (reads nothing, or reads and never exits) is stopped
 * after the timeout ($REVSIM_GNUPLOT_TIMEOUT seconds here) with an error. */
static void test_hung_gnuplot(void **state)
{
    (void)state;
    const char *bin = rs_test_dir();
    const char *sleeper = fake_gnuplot(bin, "sleeper", "#!/bin/sh\nexec sleep 30\n");
    const char *reader = fake_gnuplot(bin, "reader", "#!/bin/sh\ncat >/dev/null\nexec sleep 30\n");
    setenv("REVSIM_GNUPLOT_TIMEOUT", "1", 1);
    size_t n = 1 << 20;   /* more than a pipe holds: the write must not block forever */
    char *script = malloc(n + 1);
    memset(script, '#', n);
    script[n] = '\0';
    const char *progs[2] = {sleeper, reader};
    for (int i = 0; i < 2; i++) {
        FILE *fp = tmpfile();
        rs_error err = {0};
        assert_int_equal(rs_gp_run(progs[i], script, n, fileno(fp), "x.png", &err), RS_ETOOL);
        if (!strstr(err.msg, "did not finish within 1 s")) {
            print_error("%s: '%s'\n", progs[i], err.msg);
            fail();
        }
        fclose(fp);
    }
    unsetenv("REVSIM_GNUPLOT_TIMEOUT");
    free(script);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_group),
        cmocka_unit_test(test_axis),
        cmocka_unit_test(test_fit),
        cmocka_unit_test(test_quote),
        cmocka_unit_test(test_hostile_script),
        cmocka_unit_test(test_hostile_render),
        cmocka_unit_test(test_golden),
        cmocka_unit_test(test_tornado_order),
        cmocka_unit_test(test_text_em),
        cmocka_unit_test(test_wanted),
        cmocka_unit_test(test_debt_fund_data),
        cmocka_unit_test(test_levers_data),
        cmocka_unit_test(test_communities_data),
        cmocka_unit_test(test_revenue_grouped),
        cmocka_unit_test(test_many_levers),
        cmocka_unit_test(test_layout_formats),
        cmocka_unit_test(test_share_axis),
        cmocka_unit_test(test_tornado_labels),
        cmocka_unit_test(test_render_png),
        cmocka_unit_test(test_render_svg),
        cmocka_unit_test(test_render_pdf),
        cmocka_unit_test(test_render_zh),
        cmocka_unit_test(test_render_edges),
        cmocka_unit_test(test_missing_gnuplot),
        cmocka_unit_test(test_failing_gnuplot),
        cmocka_unit_test(test_broken_pipe),
        cmocka_unit_test(test_hung_gnuplot),
        cmocka_unit_test(test_chart_disk_full),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
