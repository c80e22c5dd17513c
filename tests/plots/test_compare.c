/* test_compare.c: the comparison charts of plots/compare.c: which charts are
 * drawn, their data worked by hand, hostile scenario names, ids and
 * community names quoted so that gnuplot draws them literally and runs
 * nothing, real renders in PNG, SVG and PDF and in Chinese, SVG drawn into
 * memory, and the missing and failing gnuplot paths. */
#define _POSIX_C_SOURCE 200809L
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "fix_plots.h"
#include "../../models/lever.h"
#include "../../plots/cmpcharts.h"
#include "../../plots/gp.h"

/* ---- fixtures ---------------------------------------------------------------- */

/* A scenario of `ncom` communities (named com[k]) over `years` years, r = 0,
 * with one lever `other:x` of `income` a month on the first community. Each
 * community: fee 500/month, cost 20,000 a year: a deficit of 14,000 a year. */
static rs_scenario *make(const char *name, int years, double income, int ncom,
                         const char *const *com)
{
    rs_scenario *s = rs_test_scenario(years, 0, ncom, income > 0);
    rs_test_scenario_text(s, name, "CNY", "2025-01");
    for (int k = 0; k < ncom; k++)
        rs_test_community(&s->com[k], com ? com[k] : "c", 1000, 1, 0.5, 20000);
    if (income > 0)
        rs_test_other(&s->lev[0], "x", income);
    return s;
}

/* Monte Carlo results whose NPV runs are a + i * step (step 0: all equal). */
static rs_mc_results *fake_mc(int years, long runs, double a, double step)
{
    rs_mc_results *mc = rs_test_mc(years, runs, a, step);
    mc->metric[MT_NPV][MC_P10] = a + step * 0.1 * (double)runs;
    mc->metric[MT_NPV][MC_P50] = a + step * 0.5 * (double)runs;
    mc->metric[MT_NPV][MC_P90] = a + step * 0.9 * (double)runs;
    return mc;
}

/* A comparison of up to 3 scenarios, item 0 the baseline. */
typedef struct {
    rs_scenario *s[3];
    rs_results *r[3];
    rs_mc_results *mc[3];
    rs_cmp_plot_item items[3];
    rs_cmp_plot_input in;
} fixture;

static void fixture_add(fixture *f, int i, const char *id, rs_scenario *s, int with_mc)
{
    f->s[i] = s;
    f->r[i] = rs_results_alloc(s);
    rs_model_run(s, f->r[i]);
    f->mc[i] = with_mc ? fake_mc(f->r[i]->years, 40, 1000.0 * i, i == 0 ? 0 : 500) : NULL;
    f->items[i] = (rs_cmp_plot_item){id, s, f->r[i], f->mc[i]};
    f->in.items = f->items;
    f->in.n = i + 1;
    f->in.baseline = 0;
    f->in.years = f->in.years && f->in.years < f->r[i]->years ? f->in.years : f->r[i]->years;
}

static void fixture_free(fixture *f)
{
    for (int i = 0; i < f->in.n; i++) {
        rs_mc_results_free(f->mc[i]);
        rs_results_free(f->r[i]);
        rs_test_scenario_free(f->s[i]);
    }
    memset(f, 0, sizeof *f);
}

/* status quo (no lever), 1000/month, 1500/month over 3 years; two
 * communities in the third; Monte Carlo when with_mc. */
static void standard(fixture *f, int with_mc)
{
    static const char *const two[] = {"north", "south"};
    memset(f, 0, sizeof *f);
    fixture_add(f, 0, "quo", make("Status quo", 3, 0, 1, NULL), with_mc);
    fixture_add(f, 1, "small", make("Small plan", 3, 1000, 1, NULL), with_mc);
    fixture_add(f, 2, "big", make("Big plan", 3, 1500, 2, two), with_mc);
}

#define datablock rs_test_datablock

/* ---- which charts, file names ----------------------------------------------------- */

static void test_wanted(void **state)
{
    (void)state;
    fixture f;
    standard(&f, 0);
    assert_true(rs_cmp_chart_wanted(RS_CMP_GAIN, &f.in, 0));
    assert_true(rs_cmp_chart_wanted(RS_CMP_COVERAGE, &f.in, 0));
    assert_false(rs_cmp_chart_wanted(RS_CMP_NPV, &f.in, 0));        /* no Monte Carlo */
    assert_false(rs_cmp_chart_wanted(RS_CMP_COMMUNITIES, &f.in, 1)); /* one community */
    assert_true(rs_cmp_chart_wanted(RS_CMP_COMMUNITIES, &f.in, 2));
    assert_false(rs_cmp_chart_wanted(RS_CMP_COMMUNITIES, &f.in, 3));
    char *script = NULL;
    rs_error err = {0};
    assert_int_equal(rs_cmp_plot_script(RS_CMP_NPV, &f.in, 0, NULL, NULL, &script, &err),
                     RS_ESOFTWARE);
    assert_null(script);
    assert_non_null(strstr(err.msg, "compare_npv"));
    /* a broken input is refused, not drawn */
    rs_cmp_plot_input bad = f.in;
    bad.baseline = 5;
    rs_error err2 = {0};
    assert_int_equal(rs_cmp_plot_script(RS_CMP_GAIN, &bad, 0, NULL, NULL, &script, &err2),
                     RS_ESOFTWARE);
    assert_false(rs_cmp_chart_wanted(RS_CMP_GAIN, &bad, 0));
    bad = f.in;
    bad.years = 4;      /* more than the scenarios have */
    assert_false(rs_cmp_chart_wanted(RS_CMP_COVERAGE, &bad, 0));

    char buf[128];
    assert_string_equal(rs_cmp_chart_file(RS_CMP_GAIN, &f.in, 0, RS_FMT_PNG, buf, sizeof buf),
                        "compare_revenue_gain.png");
    assert_string_equal(rs_cmp_chart_file(RS_CMP_COVERAGE, &f.in, 0, RS_FMT_SVG, buf, sizeof buf),
                        "compare_coverage.svg");
    assert_string_equal(rs_cmp_chart_file(RS_CMP_NPV, &f.in, 0, RS_FMT_PDF, buf, sizeof buf),
                        "compare_npv.pdf");
    assert_string_equal(rs_cmp_chart_file(RS_CMP_COMMUNITIES, &f.in, 2, RS_FMT_PNG, buf, sizeof buf),
                        "communities_big.png");
    fixture_free(&f);
}

/* ---- data worked by hand ------------------------------------------------------------------ */

static void test_data(void **state)
{
    (void)state;
    fixture f;
    standard(&f, 1);
    char *script = NULL, data[4096];
    rs_error err = {0};
    /* gains: 12,000 and 18,000 a year over a baseline with no revenue */
    assert_int_equal(rs_cmp_plot_script(RS_CMP_GAIN, &f.in, 0, NULL, NULL, &script, &err), RS_OK);
    assert_string_equal(datablock(script, "$d", data, sizeof data),
                        "# year, then each scenario's revenue minus the baseline's\n"
                        "1 12000 18000\n2 12000 18000\n3 12000 18000\n");
    assert_non_null(strstr(script, "'Small plan' at screen"));  /* key entries */
    assert_null(strstr(script, "'Status quo' at screen"));  /* the baseline has no bar */
    free(script);
    /* coverage %: 0, 12000/14000, and 18000/28000 for the two-community plan */
    assert_int_equal(rs_cmp_plot_script(RS_CMP_COVERAGE, &f.in, 0, NULL, NULL, &script, &err), RS_OK);
    datablock(script, "$d", data, sizeof data);
    assert_non_null(strstr(data, "\n1 0 85.71428571 64.28571429\n"));
    assert_non_null(strstr(script, "(baseline)"));
    free(script);
    /* communities: north has the lever (18000/14000), south none (0) */
    assert_int_equal(rs_cmp_plot_script(RS_CMP_COMMUNITIES, &f.in, 2, NULL, NULL, &script, &err),
                     RS_OK);
    datablock(script, "$d", data, sizeof data);
    assert_non_null(strstr(data, "\n1 128.5714286 0 64.28571429\n"));
    assert_non_null(strstr(script, "'north' at screen"));
    assert_non_null(strstr(script, "'south' at screen"));
    free(script);
    /* NPV: the flat baseline is one line, the others outlines with P50 */
    assert_int_equal(rs_cmp_plot_script(RS_CMP_NPV, &f.in, 0, NULL, NULL, &script, &err), RS_OK);
    assert_non_null(strstr(script, "Status quo: 0 CNY in every run"));
    assert_non_null(strstr(script, "$h1 << EOD"));
    assert_non_null(strstr(script, "$h2 << EOD"));
    assert_null(strstr(script, "$h0 << EOD"));
    assert_non_null(strstr(script, "Small plan: P50 11,000 CNY"));
    /* every run counted once: the shares of $h1 add up to 100% */
    datablock(script, "$h1", data, sizeof data);
    double sum = 0, x, pct;
    for (const char *p = data; (p = strchr(p, '\n')) && p[1]; p++)
        if (sscanf(p + 1, "%lf %lf", &x, &pct) == 2)
            sum += pct;
    assert_rel(sum, 100, 1e-9);
    free(script);
    /* Chinese: 万元 */
    rs_plot_opts zh = {RS_FMT_PNG, RS_LANG_ZH, NULL};
    assert_int_equal(rs_cmp_plot_script(RS_CMP_GAIN, &f.in, 0, &zh, "WenQuanYi Micro Hei", &script,
                                        &err), RS_OK);
    datablock(script, "$d", data, sizeof data);
    assert_non_null(strstr(data, "\n1 1.2 1.8\n"));
    assert_non_null(strstr(script, "万元"));
    assert_non_null(strstr(script, "font 'WenQuanYi Micro Hei,"));
    free(script);
    fixture_free(&f);
}

/* Horizons that differ: the yearly charts stop at the common years and the
 * subtitle says so. */
static void test_common_years(void **state)
{
    (void)state;
    fixture f;
    memset(&f, 0, sizeof f);
    fixture_add(&f, 0, "a", make("A", 2, 1000, 1, NULL), 0);
    fixture_add(&f, 1, "b", make("B", 4, 1500, 1, NULL), 0);
    assert_int_equal(f.in.years, 2);
    char *script = NULL, data[1024];
    rs_error err = {0};
    assert_int_equal(rs_cmp_plot_script(RS_CMP_GAIN, &f.in, 0, NULL, NULL, &script, &err), RS_OK);
    assert_string_equal(datablock(script, "$d", data, sizeof data),
                        "# year, then each scenario's revenue minus the baseline's\n1 6000\n2 6000\n");
    assert_non_null(strstr(script, "the 2 years all scenarios have"));
    free(script);
    fixture_free(&f);
}

/* The NPV chart: a share axis that stops at 100% when one bin holds
 * nearly every run; enough x ticks across 0 .. 2.9 million; scenario names
 * of 50 characters whole in the key. */
static void test_npv_chart(void **state)
{
    (void)state;
    fixture f;
    memset(&f, 0, sizeof f);
    static const char *const names[] = {"Status quo of the four old estates (fund only) now",
                                        "Shops, parking and chargers in all four estates ok"};
    fixture_add(&f, 0, "quo", make(names[0], 3, 0, 1, NULL), 1);
    fixture_add(&f, 1, "plan", make(names[1], 3, 1000, 1, NULL), 1);
    /* 39 of 40 runs at 1,000, one at 5,000: one bin holds 97.5% */
    for (long i = 0; i < 40; i++)
        f.mc[1]->npv[i] = i < 39 ? 1000 : 5000;
    char *script = NULL;
    rs_error err = {0};
    assert_int_equal(rs_cmp_plot_script(RS_CMP_NPV, &f.in, 0, NULL, NULL, &script, &err), RS_OK);
    assert_gp_inert(script, 0);
    assert_non_null(strstr(script, "set yrange [0:100]\n"));
    assert_non_null(strstr(script, "'Status quo of the four old estates (fund only) now: 0 CNY in every run'"));
    assert_non_null(strstr(script, "'Shops, parking and chargers in all four estates ok: P50 "));
    free(script);
    /* NPV 0 .. 2,900,000 (and the baseline's 0): ticks 0 .. 3,000,000, as many
     * as fit side by side (7 at 500,000 take 44 em of the 38 there are) */
    for (long i = 0; i < 40; i++)
        f.mc[1]->npv[i] = 2.9e6 * (double)i / 39;
    assert_int_equal(rs_cmp_plot_script(RS_CMP_NPV, &f.in, 0, NULL, NULL, &script, &err), RS_OK);
    const char *xt = strstr(script, "set xtics nomirror out scale 0.5 (");
    assert_non_null(xt);
    char line[1024];
    snprintf(line, sizeof line, "%.*s", (int)strcspn(xt, "\n"), xt);
    assert_non_null(strstr(line, "('0' 0, '1,000,000' 1000000, '2,000,000' 2000000, "
                                 "'3,000,000' 3000000)"));
    assert_null(strstr(script, "'120%%'"));
    free(script);
    fixture_free(&f);
}

/* ---- hostile text ------------------------------------------------------------------------- */

/* Names that would run `touch DIR/mN` if gnuplot expanded them, and HTML
 * that must stay text in an SVG. */
static void hostile(const char *dir, char *name, size_t n, char *com, char *id)
{
    snprintf(name, n,
             "<script>x</script>&\"q\" it's `touch %s/m1` system(\"touch %s/m2\") |touch %s/m3\n"
             "!touch %s/m4\nset output '%s/m5'\nEOD\n@x %%s",
             dir, dir, dir, dir, dir);
    snprintf(com, RS_NAME_MAX, "c'`touch %s/m6`", dir);
    snprintf(id, RS_NAME_MAX, "id'`touch m7`");
}

static void no_markers(const char *dir)
{
    assert_no_markers(dir, 7);
    if (access("m7", F_OK) == 0) {
        print_error("m7 exists: a hostile id ran a command\n");
        fail();
    }
}

static void hostile_fixture(fixture *f, const char *dir, char *name, size_t n)
{
    char com[RS_NAME_MAX], id[RS_NAME_MAX];
    static char ids[2][RS_NAME_MAX];
    hostile(dir, name, n, com, id);
    const char *coms[2] = {com, "EOD"};
    snprintf(ids[0], sizeof ids[0], "%s", id);
    snprintf(ids[1], sizeof ids[1], "plain");
    memset(f, 0, sizeof *f);
    fixture_add(f, 0, ids[0], make(name, 3, 500, 2, coms), 1);
    fixture_add(f, 1, ids[1], make(name, 3, 1000, 2, coms), 1);  /* the same name twice */
}

static void test_hostile_script(void **state)
{
    (void)state;
    const char *dir = rs_test_dir();
    char name[1024];
    fixture f;
    hostile_fixture(&f, dir, name, sizeof name);
    for (int lang = 0; lang < 2; lang++)
        for (int k = 0; k < RS_CMP_N; k++)
            for (int i = 0; i < f.in.n; i++) {
                if (!rs_cmp_chart_wanted((rs_cmp_chart)k, &f.in, i))
                    continue;
                rs_plot_opts opt = {RS_FMT_SVG, (rs_plot_lang)lang, NULL};
                rs_error err = {0};
                char *script = NULL;
                assert_int_equal(rs_cmp_plot_script((rs_cmp_chart)k, &f.in, i, &opt, "Sans", &script,
                                                    &err), RS_OK);
                /* as in test_plots.c, but a '"' outside a literal fails too */
                assert_gp_inert(script, 0);
                assert_null(strstr(script, "\nEOD\n@x"));
                /* drawn literally: quotes doubled, newlines as spaces */
                assert_non_null(strstr(script, "'<script>x</"));
                if (k == RS_CMP_COMMUNITIES || k == RS_CMP_GAIN)
                    assert_non_null(strstr(script, "<script>x</script>&\"q\" it''s `touch "));
                if (k == RS_CMP_COMMUNITIES)
                    assert_non_null(strstr(script, "'c''`touch "));
                if (k == RS_CMP_COVERAGE || k == RS_CMP_NPV) /* same names: told apart by ids */
                    assert_non_null(strstr(script, "[id''`touch m7`]"));
                free(script);
            }
    no_markers(dir);
    fixture_free(&f);
}

/* Real gnuplot: every chart drawn, names appear literally (the SVG text
 * escapes them), no command ran. */
static void test_hostile_render(void **state)
{
    (void)state;
    if (!rs_gp_available("gnuplot"))
        skip();
    const char *dir = rs_test_dir();
    char name[1024], out[1024];
    fixture f;
    hostile_fixture(&f, dir, name, sizeof name);
    snprintf(out, sizeof out, "%s/out' `touch %s/m5` |x", dir, dir);
    rs_outset o;
    rs_error err = {0};
    int warned = -1;
    rs_plot_opts opt = {RS_FMT_SVG, RS_LANG_EN, NULL};
    assert_int_equal(rs_outset_init(&o, out, 0, &err), RS_OK);
    assert_int_equal(rs_plot_compare(&o, &f.in, &opt, &warned, &err), RS_OK);
    assert_int_equal(warned, 0);
    assert_int_equal(rs_outset_commit(&o, &err), RS_OK);
    assert_int_equal(rs_test_dir_count(out), 5);   /* gain, coverage, npv, two community charts */
    char path[2048], file[256];
    snprintf(path, sizeof path, "%s/%s", out,
             rs_cmp_chart_file(RS_CMP_COMMUNITIES, &f.in, 0, RS_FMT_SVG, file, sizeof file));
    char *svg = rs_test_slurp(path, NULL);
    assert_non_null(svg);
    assert_non_null(strstr(svg, "c'`touch "));
    assert_non_null(strstr(svg, "&lt;script>x&lt;/script>&amp;\"q\" it's `touch "));
    assert_null(strstr(svg, "<script>"));
    free(svg);
    snprintf(path, sizeof path, "%s/compare_coverage.svg", out);
    svg = rs_test_slurp(path, NULL);
    assert_non_null(svg);
    assert_non_null(strstr(svg, "&lt;script>x&lt;/script>&amp;"));
    assert_non_null(strstr(svg, "[id'`touch m7`]"));
    assert_null(strstr(svg, "<script>"));
    free(svg);
    no_markers(dir);
    fixture_free(&f);
}

/* ---- renders ------------------------------------------------------------------------------ */

static void render(rs_plot_format fmt, rs_plot_lang lang)
{
    const char *dir = rs_test_dir();
    fixture f;
    standard(&f, 1);
    rs_outset o;
    rs_error err = {0};
    rs_plot_opts opt = {fmt, lang, NULL};
    assert_int_equal(rs_outset_init(&o, dir, 0, &err), RS_OK);
    if (rs_plot_compare(&o, &f.in, &opt, NULL, &err) != RS_OK) {
        print_error("%s\n", err.msg);
        fail();
    }
    assert_int_equal(rs_outset_commit(&o, &err), RS_OK);
    assert_int_equal(rs_test_dir_count(dir), 4);
    static const rs_cmp_chart kinds[] = {RS_CMP_GAIN, RS_CMP_COVERAGE, RS_CMP_NPV, RS_CMP_COMMUNITIES};
    for (size_t k = 0; k < 4; k++) {
        char file[128], path[512];
        snprintf(path, sizeof path, "%s/%s", dir,
                 rs_cmp_chart_file(kinds[k], &f.in, 2, fmt, file, sizeof file));
        if (!rs_test_is_chart(path, fmt)) {
            print_error("%s: missing or not the right format\n", path);
            fail();
        }
    }
    fixture_free(&f);
}

static void test_render_png(void **state)
{
    (void)state;
    if (!rs_gp_available("gnuplot"))
        skip();
    render(RS_FMT_PNG, RS_LANG_EN);
}

static void test_render_svg_pdf(void **state)
{
    (void)state;
    if (!rs_gp_available("gnuplot"))
        skip();
    render(RS_FMT_SVG, RS_LANG_EN);
    render(RS_FMT_PDF, RS_LANG_EN);
}

static void test_render_zh(void **state)
{
    (void)state;
    char fam[256];
    if (!rs_gp_available("gnuplot") ||
        rs_gp_cjk_font(rs_gp_cjk_fonts, rs_gp_ncjk_fonts, "fc-list", fam, sizeof fam) != 0)
        skip();
    render(RS_FMT_PNG, RS_LANG_ZH);
}

/* Many communities: the band across them and the ones in deficit; many
 * years; flat and empty NPVs (one run, all NaN) still draw. */
static void test_render_edges(void **state)
{
    (void)state;
    if (!rs_gp_available("gnuplot"))
        skip();
    static const char *const names[] = {"c1", "c2", "c3", "c4", "c5", "c6",
                                        "c7", "c8", "c9", "c10", "c11", "c12"};
    fixture f;
    memset(&f, 0, sizeof f);
    fixture_add(&f, 0, "a", make("A", 40, 0, 12, names), 1);
    fixture_add(&f, 1, "b", make("B", 40, 0, 12, names), 1);
    for (long i = 0; i < f.mc[1]->runs; i++)
        f.mc[1]->npv[i] = NAN;
    f.mc[1]->metric[MT_NPV][MC_P50] = NAN;
    char *script = NULL;
    rs_error err = {0};
    assert_int_equal(rs_cmp_plot_script(RS_CMP_COMMUNITIES, &f.in, 0, NULL, NULL, &script, &err),
                     RS_OK);
    assert_non_null(strstr(script, "'P10–P90 of the communities with a deficit'"));
    free(script);
    const char *dir = rs_test_dir();
    rs_outset o;
    assert_int_equal(rs_outset_init(&o, dir, 0, &err), RS_OK);
    if (rs_plot_compare(&o, &f.in, NULL, NULL, &err) != RS_OK) {
        print_error("%s\n", err.msg);
        fail();
    }
    assert_int_equal(rs_outset_commit(&o, &err), RS_OK);
    assert_int_equal(rs_test_dir_count(dir), 5);
    fixture_free(&f);
}

/* ---- SVG into memory; gnuplot missing or failing ---------------------------------------------- */

static void test_svg_memory(void **state)
{
    (void)state;
    fixture f;
    standard(&f, 1);
    rs_plot_svg pen;
    rs_error err = {0};
    int warned = -1;
    rs_plot_opts missing = {RS_FMT_PNG, RS_LANG_EN, "/nonexistent/gnuplot"};
    assert_int_equal(rs_plot_svg_init(&pen, &missing, &warned, &err), RS_OK);
    assert_int_equal(warned, 1);
    assert_int_equal(err.code, 0);
    assert_non_null(strstr(err.msg, "gnuplot not found"));
    char *svg = NULL;
    rs_error err2 = {0};
    assert_int_equal(rs_plot_svg_compare(&pen, RS_CMP_GAIN, &f.in, 0, &svg, NULL, &err2), RS_ETOOL);
    assert_null(svg);
    if (rs_gp_available("gnuplot")) {
        rs_error err3 = {0};
        rs_plot_opts png = {RS_FMT_PNG, RS_LANG_EN, NULL};  /* format is forced to SVG */
        assert_int_equal(rs_plot_svg_init(&pen, &png, &warned, &err3), RS_OK);
        assert_int_equal(warned, 0);
        size_t len = 0;
        assert_int_equal(rs_plot_svg_compare(&pen, RS_CMP_COVERAGE, &f.in, 0, &svg, &len, &err3),
                         RS_OK);
        assert_true(len > 1000 && len == strlen(svg));
        assert_non_null(strstr(svg, "<svg"));
        assert_non_null(strstr(svg, "Big plan"));
        free(svg);
        rs_plot_input in = {f.s[1], f.r[1], f.mc[1], "npv", NULL, 0, NULL, 0};
        assert_int_equal(rs_plot_svg_run(&pen, RS_CHART_COVERAGE, &in, &svg, NULL, &err3), RS_OK);
        assert_non_null(strstr(svg, "</svg>"));
        free(svg);
        /* a failing gnuplot */
        rs_plot_opts fails = {RS_FMT_SVG, RS_LANG_EN, "/bin/false"};
        rs_error err4 = {0};
        assert_int_equal(rs_plot_svg_init(&pen, &fails, &warned, &err4), RS_OK);
        assert_int_equal(rs_plot_svg_compare(&pen, RS_CMP_GAIN, &f.in, 0, &svg, NULL, &err4),
                         RS_ETOOL);
        assert_null(svg);
        assert_non_null(strstr(err4.msg, "compare_revenue_gain.svg"));
    }
    fixture_free(&f);
}

static void test_missing_and_failing(void **state)
{
    (void)state;
    fixture f;
    standard(&f, 1);
    const char *dir = rs_test_dir();
    rs_outset o;
    rs_error err = {0};
    int warned = 0;
    rs_plot_opts missing = {RS_FMT_PNG, RS_LANG_EN, "revsim-no-such-gnuplot"};
    assert_int_equal(rs_outset_init(&o, dir, 0, &err), RS_OK);
    assert_int_equal(rs_plot_compare(&o, &f.in, &missing, &warned, &err), RS_OK);
    assert_int_equal(warned, 1);
    assert_int_equal(err.code, 0);
    assert_non_null(strstr(err.msg, "revsim-no-such-gnuplot"));
    assert_int_equal(o.n, 0);
    /* failing: this call's charts are deleted and out of the set; a CSV stays */
    rs_error err2 = {0};
    assert_int_equal(rs_test_outset_file(&o, "kept.csv", "kept\n", &err2), RS_OK);
    rs_plot_opts fails = {RS_FMT_PNG, RS_LANG_EN, "/bin/false"};
    assert_int_equal(rs_plot_compare(&o, &f.in, &fails, &warned, &err2), RS_ETOOL);
    assert_int_equal(warned, 0);
    assert_non_null(strstr(err2.msg, "compare_revenue_gain.png"));
    assert_int_equal(o.n, 1);
    assert_int_equal(rs_test_dir_count(dir), 1);
    assert_int_equal(rs_outset_commit(&o, &err2), RS_OK);
    assert_int_equal(rs_test_dir_count(dir), 1);
    fixture_free(&f);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_wanted),
        cmocka_unit_test(test_data),
        cmocka_unit_test(test_common_years),
        cmocka_unit_test(test_npv_chart),
        cmocka_unit_test(test_hostile_script),
        cmocka_unit_test(test_hostile_render),
        cmocka_unit_test(test_render_png),
        cmocka_unit_test(test_render_svg_pdf),
        cmocka_unit_test(test_render_zh),
        cmocka_unit_test(test_render_edges),
        cmocka_unit_test(test_svg_memory),
        cmocka_unit_test(test_missing_and_failing),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
