/* test_optimum.c: the chart of `revsim optimize` (plots/optimum.c): the
 * bars and labels of an optimum worked by hand, hostile lever names quoted
 * so that gnuplot draws them literally and runs nothing, the share axis's
 * '%' escaped, a cut to the first RS_OPTIMUM_MAX levers, real renders in
 * PNG, SVG, PDF and Chinese, and the missing and failing gnuplot paths. */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "fix_plots.h"
#include "../../plots/gp.h"
#include "../../plots/optimum.h"

/* An optimum of n levers: lever i is sized (size i of max 10, 2 m2 a unit)
 * except the last, an optional lever that is in. Names: name0, lever1, ... */
typedef struct {
    rs_scenario *s;
    rs_mix_result res;
    rs_mix_choice choice[40];
} fixture;

static void fixture_init(fixture *f, int n, const char *name0)
{
    memset(f, 0, sizeof *f);
    f->s = rs_test_scenario(2, 0, 1, n);
    rs_test_scenario_text(f->s, "Optimum test", "CNY", NULL);
    rs_test_community(&f->s->com[0], "c", 1000, 1, 1, 24000);
    for (int i = 0; i < n; i++) {
        rs_entity *e = &f->s->lev[i];
        rs_entity_init(e, i + 1 < n ? &rs_section_parking : &rs_section_other);
        e->community = 0;
        if (i == 0 && name0)
            snprintf(e->name, sizeof e->name, "%s", name0);
        else
            snprintf(e->name, sizeof e->name, "lever%d", i);
        rs_mix_choice *c = &f->choice[i];
        c->lever = i;
        c->sized = i + 1 < n;
        c->size = c->sized ? i : 1;
        c->size_min = 0;
        c->size_max = c->sized ? 10 : 1;
        c->space_m2 = c->sized ? 2 * c->size : 0;
    }
    f->res.objective = RS_OBJ_NPV;
    f->res.value = 1234567;
    f->res.choice = f->choice;
    f->res.nchoice = n;
}

static char *script(const fixture *f, rs_plot_lang lang)
{
    rs_plot_opts opt = {RS_FMT_PNG, lang, NULL};
    rs_error err = {0};
    char *sc = NULL;
    assert_int_equal(rs_optimum_plot_script(f->s, &f->res, &opt, NULL, &sc, &err), RS_OK);
    assert_non_null(sc);
    return sc;
}

/* Bars of size / max: lever 3 at 3 of 10 is 30 % (x from 0 to 30, its mid
 * 15) in row n - 3; the optional lever fills its row and says "in". */
static void test_data(void **state)
{
    (void)state;
    fixture f;
    fixture_init(&f, 5, "first");
    char *sc = script(&f, RS_LANG_EN);
    assert_non_null(strstr(sc, "\n15 2 0 30 1.64 2.36\n"));      /* lever 3: row 5 - 3 */
    assert_non_null(strstr(sc, "\n50 1 0 100 0.64 1.36\n"));     /* the optional lever */
    assert_non_null(strstr(sc, "'3 / 10  (6 m²)'"));
    assert_non_null(strstr(sc, "'0 / 10'"));                    /* no space taken: no m² */
    assert_non_null(strstr(sc, "'in'"));
    assert_non_null(strstr(sc, "'first (parking)' 5"));
    assert_non_null(strstr(sc, "'lever4 (other)' 1"));
    assert_non_null(strstr(sc, "'100%%' 100"));                 /* a tic label is a format */
    assert_non_null(strstr(sc, "best NPV: 1,234,567 CNY"));
    assert_gp_inert(sc, 0);
    free(sc);
    f.res.samples = 50;
    f.res.choice[4].size = 0;
    sc = script(&f, RS_LANG_ZH);
    assert_non_null(strstr(sc, "（50次模拟均值）"));
    assert_non_null(strstr(sc, "'不采用'"));
    assert_non_null(strstr(sc, "最优规模占上限比例"));
    free(sc);
    rs_test_scenario_free(f.s);
}

/* A hostile name is one quoted literal; more levers than the chart holds:
 * the first RS_OPTIMUM_MAX and a note. */
static void test_hostile_and_cut(void **state)
{
    (void)state;
    fixture f;
    fixture_init(&f, 30, "x';system('touch m1')#`touch m2`");
    char *sc = script(&f, RS_LANG_EN);
    assert_non_null(strstr(sc, "'x'';system(''touch m1'')#`touch m2` (parking)'"));
    assert_gp_inert(sc, 0);
    char note[64];
    snprintf(note, sizeof note, "the first %d of 30 levers", RS_OPTIMUM_MAX);
    assert_non_null(strstr(sc, note));
    assert_null(strstr(sc, "lever29"));
    free(sc);
    rs_test_scenario_free(f.s);
}

/* Real renders when gnuplot is installed; a missing gnuplot is a warning
 * with nothing reserved; a failing one leaves no chart in the set. */
static void test_render(void **state)
{
    (void)state;
    fixture f;
    fixture_init(&f, 4, "car-spaces");
    const char *dir = rs_test_dir();
    char path[4096];
    rs_error err = {0};
    int warned = 0;
    rs_outset o;
    rs_plot_opts missing = {RS_FMT_PNG, RS_LANG_EN, "revsim-no-such-gnuplot"};
    assert_int_equal(rs_outset_init(&o, dir, 0, &err), RS_OK);
    assert_int_equal(rs_plot_optimum(&o, f.s, &f.res, &missing, &warned, &err), RS_OK);
    assert_int_equal(warned, 1);
    assert_int_equal(o.n, 0);
    rs_plot_opts fails = {RS_FMT_PNG, RS_LANG_EN, "/bin/false"};
    rs_error err2 = {0};
    assert_int_equal(rs_plot_optimum(&o, f.s, &f.res, &fails, &warned, &err2), RS_ETOOL);
    assert_int_equal(o.n, 0);
    rs_outset_abort(&o);
    if (!rs_gp_available("gnuplot")) {
        rs_test_scenario_free(f.s);
        skip();
    }
    const rs_plot_format fmt[] = {RS_FMT_PNG, RS_FMT_SVG, RS_FMT_PDF, RS_FMT_PNG};
    for (int k = 0; k < 4; k++) {
        rs_plot_opts opt = {fmt[k], k == 3 ? RS_LANG_ZH : RS_LANG_EN, NULL};
        rs_error e = {0};
        assert_int_equal(rs_outset_init(&o, dir, 0, &e), RS_OK);
        assert_int_equal(rs_plot_optimum(&o, f.s, &f.res, &opt, &warned, &e), RS_OK);
        assert_int_equal(rs_outset_commit(&o, &e), RS_OK);
        char name[32];
        snprintf(path, sizeof path, "%s/%s", dir, rs_optimum_chart_file(fmt[k], name, sizeof name));
        assert_true(rs_test_is_chart(path, fmt[k]));
    }
    rs_test_scenario_free(f.s);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_data),
        cmocka_unit_test(test_hostile_and_cut),
        cmocka_unit_test(test_render),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
