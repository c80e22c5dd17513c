/* test_options.c: cli/cli.c's option rows: every row type sets its bound
 * variable; every usage error is one message (code RS_EUSAGE, nothing
 * printed); operands are counted; usage lines and --help are generated
 * from the table, complete, and wrapped; counted nouns. */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "testutil.h"
#include "../../cli/cli.h"
#include "../../cli/plotopts.h"

/* ---- a table with a row of every type ----------------------------------- */

static struct {
    const char *out, *name;
    long long count;
    int quiet, off, colour, cb_calls;
    char cb_seen[32];
} v;

static int on_mode(const rs_option *opt, const char *arg, rs_error *err)
{
    (void)err;
    int *calls = opt->value;
    (*calls)++;
    snprintf(v.cb_seen, sizeof v.cb_seen, "%s", arg);
    return RS_OK;
}

static const rs_option rows[] = {
    OPT_STRING('o', "output", &v.out, "DIR", "output folder"),
    OPT_REQUIRED_STRING(0, "name", &v.name, "NAME", "a required name"),
    OPT_INT('n', "count", &v.count, "N", 0, 100, "how many"),
    OPT_BOOL('q', "quiet", &v.quiet, "say nothing"),
    OPT_SET_INT(0, "no-thing", &v.off, 0, "switch the thing off"),
    OPT_CHOICE(0, "colour", &v.colour, "red|green|blue", "a colour"),
    OPT_CALLBACK_CHOICE(0, "mode", &v.cb_calls, "fast|slow", "a mode", on_mode),
    OPT_END(),
};
static const rs_command cmd = {"demo", NULL, "FILE", 1, 1, "a demo command", rows};

static void reset(void)
{
    memset(&v, 0, sizeof v);
    v.count = -1;
    v.off = 1;
    v.colour = -1;
}

/* Parse the words of line (split at spaces) as argv after "demo". */
static int parse(const char *line, int *at, rs_error *err)
{
    static char buf[512];
    static char *argv[32];
    int argc = 0;
    snprintf(buf, sizeof buf, "demo %s", line);
    for (char *w = strtok(buf, " "); w && argc < 31; w = strtok(NULL, " "))
        argv[argc++] = w;
    argv[argc] = NULL;
    memset(err, 0, sizeof *err);
    reset();
    return rs_opt_parse(argc, argv, &cmd, at, err);
}

static void test_rows_set_their_variables(void **state)
{
    (void)state;
    rs_error err;
    int at;
    assert_int_equal(parse("-o out --name x -n 7 -q --no-thing --colour blue --mode slow f.csv",
                           &at, &err), RS_OK);
    assert_string_equal(v.out, "out");
    assert_string_equal(v.name, "x");
    assert_int_equal(v.count, 7);
    assert_int_equal(v.quiet, 1);
    assert_int_equal(v.off, 0);
    assert_int_equal(v.colour, 2);
    assert_int_equal(v.cb_calls, 1);
    assert_string_equal(v.cb_seen, "slow");
    assert_int_equal(at, 13);
    assert_string_equal(err.msg, "");
    /* defaults stay when not given; options after the operand; --opt=value */
    assert_int_equal(parse("f.csv --name=y --count=100", &at, &err), RS_OK);
    assert_null(v.out);
    assert_int_equal(v.count, 100);
    assert_int_equal(v.quiet, 0);
    assert_int_equal(v.off, 1);
    assert_int_equal(v.colour, -1);
    assert_int_equal(v.cb_calls, 0);
    /* a second parse starts afresh (getopt's state is reset) */
    assert_int_equal(parse("-qn3 --name z g.csv", &at, &err), RS_OK);
    assert_int_equal(v.quiet, 1);
    assert_int_equal(v.count, 3);
}

static void test_usage_errors(void **state)
{
    (void)state;
    static const struct {
        const char *line, *msg;
    } cases[] = {
        {"--name x", "missing FILE"},
        {"--name x a b", "unexpected argument 'b'"},
        {"f.csv", "option '--name NAME' is required"},
        {"--name x --bogus f", "unknown option '--bogus'"},
        {"--name x -z f", "unknown option '-z'"},
        {"--name x f -o", "option '--output' needs a value (DIR)"},
        {"--name x f --count", "option '--count' needs a value (N)"},
        {"--name x f --quiet=1", "option '--quiet' takes no value"},
        {"--name x f -n 101", "option '--count' takes a whole number from 0 to 100, got '101'"},
        {"--name x f -n 1.5", "option '--count' takes a whole number from 0 to 100, got '1.5'"},
        {"--name x f -n many", "option '--count' takes a whole number from 0 to 100, got 'many'"},
        {"--name x f --colour pink",
         "option '--colour' must be red, green or blue, got 'pink'"},
        {"--name x f --mode medium", "option '--mode' must be fast or slow, got 'medium'"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        rs_error err;
        int at;
        int rc = parse(cases[i].line, &at, &err);
        if (rc != RS_EUSAGE || strcmp(err.msg, cases[i].msg) != 0)
            fail_msg("'%s': rc %d, message '%s', want '%s'", cases[i].line, rc, err.msg,
                     cases[i].msg);
    }
    rs_error err;
    int at;
    assert_int_equal(parse("--mode medium f --name x", &at, &err), RS_EUSAGE);
    assert_int_equal(v.cb_calls, 0);   /* a bad choice never reaches the callback */
}

static void test_help(void **state)
{
    (void)state;
    rs_error err;
    int at;
    assert_int_equal(parse("--help", &at, &err), RS_HELP);
    assert_int_equal(parse("f.csv -h --bogus", &at, &err), RS_HELP);
    char *text = NULL;
    size_t len = 0;
    FILE *fp = open_memstream(&text, &len);
    rs_command_help(fp, &cmd);
    fclose(fp);
    assert_string_equal(text,
        "usage: revsim demo FILE [--output DIR] --name NAME [--count N] [--quiet]\n"
        "                   [--no-thing] [--colour red|green|blue] [--mode fast|slow]\n"
        "\n"
        "a demo command\n"
        "\n"
        "options:\n"
        "  -o, --output DIR             output folder\n"
        "      --name NAME              a required name\n"
        "  -n, --count N                how many\n"
        "  -q, --quiet                  say nothing\n"
        "      --no-thing               switch the thing off\n"
        "      --colour red|green|blue  a colour\n"
        "      --mode fast|slow         a mode\n"
        "  -h, --help                   show this help\n");
    free(text);
}

/* The usage line of a real command names every option of its table (the
 * bug this replaces: compare's lacked --format, --threads, --no-plots, -q). */
static void test_real_usage_complete(void **state)
{
    (void)state;
    static const struct {
        const char *name;
        const rs_option *opts;
    } t[] = {
        {"run", rs_run_opts}, {"check", rs_check_opts}, {"sweep", rs_sweep_opts},
        {"solve", rs_solve_opts}, {"fit", rs_fit_opts}, {"compare", rs_compare_opts},
        {"params", rs_params_opts},
    };
    for (size_t i = 0; i < sizeof t / sizeof t[0]; i++) {
        rs_command c = {t[i].name, NULL, "X", 1, 1, "", t[i].opts};
        char *text = NULL;
        size_t len = 0;
        FILE *fp = open_memstream(&text, &len);
        rs_command_usage(fp, &c);
        fclose(fp);
        for (const rs_option *o = t[i].opts; o->type != RS_OPTT_END; o++) {
            char want[64];
            snprintf(want, sizeof want, "--%s", o->lng);
            if (!strstr(text, want))
                fail_msg("usage of %s lacks %s: %s", t[i].name, want, text);
        }
        for (char *line = text; *line;) {   /* wrapped before column 80 */
            char *nl = strchr(line, '\n');
            assert_non_null(nl);
            assert_true(nl - line < 80);
            line = nl + 1;
        }
        free(text);
    }
    rs_command c = {"compare", NULL, "A.csv B.csv ...", 0, -1, "", rs_compare_opts};
    char *text = NULL;
    size_t len = 0;
    FILE *fp = open_memstream(&text, &len);
    rs_command_usage(fp, &c);
    fclose(fp);
    const char *want[] = {"--format png|svg|pdf", "--threads N", "--no-plots", "--quiet",
                          "--excel", "--baseline FILE"};
    for (size_t k = 0; k < sizeof want / sizeof want[0]; k++)
        if (!strstr(text, want[k]))
            fail_msg("compare usage lacks %s: %s", want[k], text);
    free(text);
}

/* The shared groups: one definition, bound to each command's variables. */
static void test_groups(void **state)
{
    (void)state;
    static rs_mc_args mc;
    static rs_plot_args plot;
    static int excel;
    static const rs_option t[] = {OPT_MC(&mc, "the scenario's"), OPT_PLOTS(&plot),
                                  OPT_EXCEL(&excel), OPT_END()};
    const rs_command c = {"g", NULL, "", 0, 0, "", t};
    char *argv[] = {"g", "-n", "20", "--seed", "4294967295", "-j", "2", "--format", "svg",
                    "--lang", "zh", "--no-plots", "--excel", NULL};
    rs_error err = {0};
    int at;
    mc = (rs_mc_args)RS_MC_ARGS_INIT;
    rs_plot_args_init(&plot);
    assert_int_equal(rs_opt_parse(13, argv, &c, &at, &err), RS_OK);
    assert_int_equal(mc.runs, 20);
    assert_int_equal(mc.seed, 4294967295LL);
    assert_int_equal(mc.threads, 2);
    assert_int_equal(rs_mc_threads(&mc), 2);
    assert_int_equal(plot.opts.format, RS_FMT_SVG);
    assert_int_equal(plot.opts.lang, RS_LANG_ZH);
    assert_int_equal(plot.enabled, 0);
    assert_int_equal(excel, 1);
    char *bad[] = {"g", "--threads", "0", NULL};
    assert_int_equal(rs_opt_parse(3, bad, &c, &at, &err), RS_EUSAGE);
    assert_string_equal(err.msg, "option '--threads' takes a whole number from 1 to 1024, got '0'");
}

static void test_count_and_tty(void **state)
{
    (void)state;
    char buf[64];
    assert_string_equal(rs_count(1, "community", "communities", buf, sizeof buf), "1 community");
    assert_string_equal(rs_count(0, "community", "communities", buf, sizeof buf),
                        "0 communities");
    assert_string_equal(rs_count(2, "lever", "levers", buf, sizeof buf), "2 levers");
    assert_string_equal(rs_tty("a\x1b[31mb\x7f", buf, sizeof buf), "a [31mb ");
    assert_string_equal(rs_tty(NULL, buf, sizeof buf), "");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_rows_set_their_variables),
        cmocka_unit_test(test_usage_errors),
        cmocka_unit_test(test_help),
        cmocka_unit_test(test_real_usage_complete),
        cmocka_unit_test(test_groups),
        cmocka_unit_test(test_count_and_tty),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
