/* test_optimize.c: models/optimize.c on scenarios built by hand whose
 * optimum is worked out by hand (the arithmetic is in the comments): one
 * lever under a budget or a space limit (with the shadow prices of the LP
 * at the chosen yes/no), opex_fixed paid only from size 1, an optional
 * lever in and out, the fund_min objective, every lever at its maximum
 * with slack limits, limits that cannot be met (and what the message
 * says), keys that are not linear, and a chance constraint over samples
 * checked against thresholds computed from the same draws.
 *
 * The common scenario: one year, discount rate 0, one community with fee
 * 1,000 and cost 2,000 a month (a deficit of 12,000 in year 1). */
#include <math.h>
#include <string.h>
#include "fix_models.h"
#include "../../models/draw.h"
#include "../../models/montecarlo.h"
#include "../../models/optimize.h"

/* A one-year scenario with `nlev` levers (set up by the caller). */
static rs_scenario *scenario(int nlev)
{
    rs_scenario *s = rs_test_scenario(1, 0.0, 1, nlev);
    rs_test_community(&s->com[0], "c", 1000, 1, 1, 24000);
    s->stab_year = 1;
    return s;
}

/* Parking spaces sized 0..max: fee 100 a space a month, all used from
 * month 1, capex 500 and opex 10 a space: per space and year net 1,080,
 * cash flow 580 (= NPV at r = 0). */
static void parking(rs_entity *e, const char *name, double max)
{
    rs_entity_init(e, &rs_section_parking);
    snprintf(e->name, sizeof e->name, "%s", name);
    e->community = 0;
    rs_test_set(e, "spaces", 3);
    rs_test_set(e, "fee", 100);
    rs_test_set(e, "utilization_target", 1);
    rs_test_set(e, "capex_per_space", 500);
    rs_test_set(e, "opex_per_space", 10);
    rs_test_set(e, "size_max", max);
}

/* Shops sized 0..max: 10 m2 at 10 CNY/m2 fully let from month 1, 100 a
 * shop a month, and an opex_fixed of 250 a month paid from the first shop:
 * over the year NPV(n) = 1,200 n - 3,000 for n >= 1, 0 for n = 0. */
static void shops(rs_entity *e, const char *name, double max)
{
    rs_entity_init(e, &rs_section_shops);
    snprintf(e->name, sizeof e->name, "%s", name);
    e->community = 0;
    rs_test_set(e, "count", 1);
    rs_test_set(e, "area_m2", 10);
    rs_test_set(e, "rent", 10);
    rs_test_set(e, "occupancy_start", 1);
    rs_test_set(e, "occupancy_target", 1);
    rs_test_set(e, "ramp_months", 0);
    rs_test_set(e, "opex_fixed", 250);
    rs_test_set(e, "size_max", max);
}

static rs_mix_result *optimize(const rs_scenario *s, rs_status want, rs_mix_issue *is)
{
    rs_mix_opts o;
    rs_mix_opts_init(&o);
    rs_mix_result *res = NULL;
    rs_status st = rs_mix_run(s, &o, &res, is);
    if (st != want)
        print_error("status %d (want %d): %s\n", st, want, is->why);
    assert_int_equal(st, want);
    if (want == RS_S_OK)
        assert_non_null(res);
    else
        assert_null(res);
    return res;
}

static const rs_mix_limit *limit(const rs_mix_result *res, const char *name)
{
    for (int i = 0; i < res->nlimit; i++)
        if (strcmp(res->limit[i].name, name) == 0)
            return &res->limit[i];
    print_error("no limit row %s\n", name);
    fail();
    return NULL;
}

/* Budget 3,000 at 500 a space: 6 spaces, NPV 6 x 580 = 3,480. In the LP
 * the budget binds at 6 spaces too: one more CNY buys 1/500 space, worth
 * 580/500 = 1.16. */
static void test_budget(void **state)
{
    (void)state;
    rs_scenario *s = scenario(1);
    parking(&s->lev[0], "p", 10);
    rs_test_set(&s->opt, "budget", 3000);
    rs_mix_issue is;
    rs_mix_result *res = optimize(s, RS_S_OK, &is);
    assert_int_equal(res->nchoice, 1);
    assert_rel(res->choice[0].size, 6, 0);
    assert_rel(res->value, 3480, 1e-12);
    assert_rel(res->base_value, 3480, 1e-12);
    assert_rel(res->choice[0].capex, 3000, 1e-12);
    assert_rel(res->choice[0].npv, 3480, 1e-12);
    const rs_mix_limit *b = limit(res, "budget");
    assert_rel(b->value, 3000, 1e-12);
    assert_rel(b->slack, 0, 1e-9);
    assert_rel(b->shadow, 1.16, 1e-9);
    assert_string_equal(res->limit[0].name, "objective");
    assert_int_equal(res->time_limited, 0);
    assert_rel(res->r->metric[MT_NPV], 3480, 1e-12);
    rs_mix_result_free(res);
    rs_test_scenario_free(s);
}

/* Space 130 m2 at 25 m2 a space: 5 spaces (5.2 do not exist), 125 m2
 * used, slack 5; NPV 2,900. The LP takes 5.2 spaces: one more m2 is 1/25
 * space, worth 580/25 = 23.2. */
static void test_space(void **state)
{
    (void)state;
    rs_scenario *s = scenario(1);
    parking(&s->lev[0], "p", 10);
    rs_test_set(&s->lev[0], "space_per_unit", 25);
    rs_test_set(&s->opt, "space_m2", 130);
    rs_mix_issue is;
    rs_mix_result *res = optimize(s, RS_S_OK, &is);
    assert_rel(res->choice[0].size, 5, 0);
    assert_rel(res->choice[0].space_m2, 125, 1e-12);
    assert_rel(res->value, 2900, 1e-12);
    const rs_mix_limit *sp = limit(res, "space_m2");
    assert_rel(sp->value, 125, 1e-12);
    assert_rel(sp->limit, 130, 0);
    assert_rel(sp->slack, 5, 1e-12);
    assert_rel(sp->shadow, 23.2, 1e-9);
    rs_mix_result_free(res);
    rs_test_scenario_free(s);
}

/* Shops whose opex_fixed is paid from the first shop (shops()): up to 2
 * shops, none (2 shops lose 600); up to 4, all 4 (1,800). */
static void test_opex_fixed(void **state)
{
    (void)state;
    const double max[2] = {2, 4}, size[2] = {0, 4}, npv[2] = {0, 1800};
    for (int i = 0; i < 2; i++) {
        rs_scenario *s = scenario(1);
        shops(&s->lev[0], "sh", max[i]);
        rs_mix_issue is;
        rs_mix_result *res = optimize(s, RS_S_OK, &is);
        assert_rel(res->choice[0].size, size[i], 0);
        assert_rel(res->value, npv[i], 1e-12);
        assert_int_equal(res->r->nlev, size[i] > 0 ? 1 : 0);
        rs_mix_result_free(res);
        rs_test_scenario_free(s);
    }
}

/* An optional other lever: 1,000 a month for a capex of 15,000 loses
 * 3,000 over the year (left out); for 10,000 it gains 2,000 (taken). */
static void test_optional(void **state)
{
    (void)state;
    const double capex[2] = {15000, 10000}, size[2] = {0, 1}, npv[2] = {0, 2000};
    for (int i = 0; i < 2; i++) {
        rs_scenario *s = scenario(1);
        rs_test_other(&s->lev[0], "o", 1000);
        rs_test_set(&s->lev[0], "capex", capex[i]);
        rs_test_set(&s->lev[0], "optional", 1);
        rs_mix_issue is;
        rs_mix_result *res = optimize(s, RS_S_OK, &is);
        assert_int_equal(res->choice[0].sized, 0);
        assert_rel(res->choice[0].size, size[i], 0);
        assert_rel(res->value, npv[i], 1e-12);
        rs_mix_result_free(res);
        rs_test_scenario_free(s);
    }
}

/* fund_min: fund(m) = -1,000 m + n (90 m - 500), linear in m, so its
 * minimum is at m = 1 (-1,000 - 410 n) or m = 12 (-12,000 + 580 n); for
 * n <= 10 the second is lower and rises with n: n = 10, fund_min -6,200. */
static void test_fund_min(void **state)
{
    (void)state;
    rs_scenario *s = scenario(1);
    parking(&s->lev[0], "p", 10);
    rs_test_set(&s->opt, "objective", RS_OBJ_FUND_MIN);
    rs_mix_issue is;
    rs_mix_result *res = optimize(s, RS_S_OK, &is);
    assert_rel(res->choice[0].size, 10, 0);
    assert_rel(res->value, -6200, 1e-12);
    assert_rel(res->r->metric[MT_FUND_MIN], -6200, 1e-12);
    rs_mix_result_free(res);
    rs_test_scenario_free(s);
}

/* Two levers, limits that leave room: both at their maximum. Parking 10
 * spaces (5,800) and 4 shops (1,800, as above): NPV 7,600; space 10 x 2 +
 * 4 x 30 = 140 of 1,000 m2 (slack 860), budget 5,000 of 1,000,000;
 * net income 10,800 (parking) + 4,800 - 3,000 (shops) = 12,600 of a
 * 12,000 deficit: coverage 105 %, 5 points above the limit of 1. Neither
 * space nor budget binds: both shadow prices are 0. */
static void test_all_at_max(void **state)
{
    (void)state;
    rs_scenario *s = scenario(2);
    parking(&s->lev[0], "p", 10);
    rs_test_set(&s->lev[0], "space_per_unit", 2);
    shops(&s->lev[1], "sh", 4);
    rs_test_set(&s->lev[1], "space_per_unit", 30);
    rs_test_set(&s->opt, "space_m2", 1000);
    rs_test_set(&s->opt, "budget", 1e6);
    rs_test_set(&s->opt, "min_coverage", 1);
    rs_mix_issue is;
    rs_mix_result *res = optimize(s, RS_S_OK, &is);
    assert_rel(res->choice[0].size, 10, 0);
    assert_rel(res->choice[1].size, 4, 0);
    assert_rel(res->value, 7600, 1e-12);
    assert_rel(limit(res, "space_m2")->slack, 860, 1e-12);
    assert_rel(limit(res, "space_m2")->shadow, 0, 0);
    assert_rel(limit(res, "budget")->slack, 995000, 1e-12);
    assert_rel(limit(res, "budget")->shadow, 0, 0);
    assert_rel(limit(res, "min_coverage")->value, 1.05, 1e-12);
    assert_rel(limit(res, "min_coverage")->slack, 0.05, 1e-9);
    rs_mix_result_free(res);
    rs_test_scenario_free(s);
}

/* Coverage 1 cannot be met: 10 spaces net 10,800 of a 12,000 deficit, at
 * best 90 %. A budget below the least the mix costs: size_min 4 spaces
 * cost 2,000. */
static void test_infeasible(void **state)
{
    (void)state;
    rs_scenario *s = scenario(1);
    parking(&s->lev[0], "p", 10);
    rs_test_set(&s->opt, "min_coverage", 1);
    rs_mix_issue is;
    optimize(s, RS_S_INPUT, &is);
    assert_ptr_equal(is.e, &s->opt);
    assert_int_equal(is.param, OP_MIN_COV);
    assert_non_null(strstr(is.why, "covers 90.0 %"));
    rs_test_set(&s->opt, "min_coverage", 0.5);
    rs_test_set(&s->opt, "budget", 1500);
    rs_test_set(&s->lev[0], "size_min", 4);
    optimize(s, RS_S_INPUT, &is);
    assert_int_equal(is.param, OP_BUDGET);
    assert_non_null(strstr(is.why, "1500 is less than the 2000"));
    rs_test_scenario_free(s);
}

/* No lever to choose; a sized other lever; income tax and fund interest. */
static void test_refused(void **state)
{
    (void)state;
    rs_scenario *s = scenario(1);
    rs_test_other(&s->lev[0], "o", 1000);
    rs_mix_issue is;
    optimize(s, RS_S_INPUT, &is);
    assert_null(is.e);
    assert_non_null(strstr(is.why, "no lever to optimise"));
    rs_test_set(&s->lev[0], "size_max", 3);
    optimize(s, RS_S_INPUT, &is);
    assert_ptr_equal(is.e, &s->lev[0]);
    assert_int_equal(is.param, LV_SIZE_MAX);
    rs_test_scenario_free(s);

    s = scenario(1);
    parking(&s->lev[0], "p", 10);
    rs_test_set(&s->scen, "income_tax_rate", 0.25);
    optimize(s, RS_S_INPUT, &is);
    assert_ptr_equal(is.e, &s->scen);
    assert_int_equal(is.param, SC_INCOME_TAX);
    assert_non_null(strstr(is.why, "not linear"));
    rs_test_set(&s->scen, "income_tax_rate", 0);
    rs_test_set(&s->fund, "overdraft_rate", 0.05);
    optimize(s, RS_S_INPUT, &is);
    assert_ptr_equal(is.e, &s->fund);
    assert_int_equal(is.param, FD_OVERDRAFT);
    rs_test_scenario_free(s);
}

/* Samples: the fee is uniform on [50, 150]. In run k a size n covers the
 * deficit when n x 12 x (fee_k - 10) >= 12,000, i.e. n >= t_k = 1,000 /
 * (fee_k - 10). Capex is so high that every space loses money, so the
 * optimum is the least n that covers in the share 0.75 of the 40 runs:
 * ceil of the 30th smallest t_k. The fees come from the same sampler. */
static void test_chance(void **state)
{
    (void)state;
    rs_scenario *s = scenario(1);
    parking(&s->lev[0], "p", 60);
    rs_test_set(&s->lev[0], "capex_per_space", 5000);
    rs_test_set(&s->opt, "min_coverage", 1);
    s->ranges = calloc(1, sizeof *s->ranges);
    s->nranges = 1;
    rs_range *g = &s->ranges[0];
    g->e = &s->lev[0];
    g->param = PK_FEE;
    g->step = -1;
    g->low = 50, g->value = 100, g->high = 150;
    g->dist = RS_DIST_UNIFORM;
    snprintf(g->label, sizeof g->label, "parking:p.fee");
    g->stream = rs_stream_key(g->label);
    rs_mc_sampler *sm;
    assert_int_equal(rs_mc_sampler_alloc(s, 7, &sm), RS_S_OK);
    double t[40];
    for (int k = 0; k < 40; k++) {
        const rs_scenario *c = rs_mc_sample(sm, k);
        t[k] = 1000 / (c->lev[0].v[PK_FEE] - 10);
    }
    rs_mc_sampler_free(sm);
    for (int i = 0; i < 40; i++)   /* sort */
        for (int j = i + 1; j < 40; j++)
            if (t[j] < t[i]) {
                double x = t[i];
                t[i] = t[j], t[j] = x;
            }
    rs_mix_opts o;
    rs_mix_opts_init(&o);
    o.samples = 40;
    o.confidence = 0.75;
    o.seed = 7;
    o.fresh = 200;
    rs_mix_result *res = NULL;
    rs_mix_issue is;
    assert_int_equal(rs_mix_run(s, &o, &res, &is), RS_S_OK);
    assert_rel(res->choice[0].size, ceil(t[29]), 0);
    assert_true(res->share >= 0.75);
    assert_true(res->share < 0.75 + 1.0 / 40 * 4);
    assert_true(res->fresh_share > 0.5 && res->fresh_share < 0.95);
    assert_rel(limit(res, "confidence")->value, res->share, 0);
    assert_rel(limit(res, "confidence_fresh")->value, res->fresh_share, 0);
    rs_mix_result_free(res);
    rs_test_scenario_free(s);
}

/* A runner as revsim-mpi's, in one process: the job through its bytes,
 * the records of three shares computed last share first, then taken in
 * order; a share taken out of order or bytes cut short are refused. */
static int runner_calls;

static rs_status split_runner(rs_mix_job *jb, void *ctx)
{
    (void)ctx;
    runner_calls++;
    unsigned char *buf;
    size_t len;
    assert_int_equal(rs_mix_job_pack(jb, &buf, &len), RS_S_OK);
    rs_mix_job *far = NULL;
    assert_int_equal(rs_mix_job_unpack(buf, len / 2, &far), RS_S_INPUT);
    assert_null(far);
    /* options outside what the command allows are refused: the header is
     * magic, pass, n, samples, fresh, seed, confidence (8 bytes each) */
    unsigned char *bad = malloc(len);
    assert_non_null(bad);
    const double conf[3] = {NAN, -0.5, 1.5};
    for (int i = 0; i < 3; i++) {
        memcpy(bad, buf, len);
        memcpy(bad + 6 * 8, &conf[i], 8);
        assert_int_equal(rs_mix_job_unpack(bad, len, &far), RS_S_INPUT);
    }
    int64_t many;
    memcpy(&many, buf + 3 * 8, 8);
    assert_true(many == 40);   /* the samples, as packed */
    many = 100001;             /* past optimize,samples' range */
    int64_t n_all;             /* n: the samples (and the fresh runs) */
    memcpy(&n_all, buf + 2 * 8, 8);
    n_all += many - 40;
    memcpy(bad, buf, len);
    memcpy(bad + 2 * 8, &n_all, 8);
    memcpy(bad + 3 * 8, &many, 8);
    assert_int_equal(rs_mix_job_unpack(bad, len, &far), RS_S_INPUT);
    free(bad);
    assert_null(far);
    assert_int_equal(rs_mix_job_unpack(buf, len, &far), RS_S_OK);
    free(buf);
    const long n = rs_mix_job_samples(jb);
    const size_t w = rs_mix_job_width(jb);
    assert_int_equal(rs_mix_job_samples(far), n);
    assert_int_equal(rs_mix_job_width(far), w);
    double *rec = malloc((size_t)n * w * sizeof *rec);
    assert_non_null(rec);
    const long cut[4] = {0, n / 3, 2 * n / 3, n};
    for (int r = 2; r >= 0; r--)
        assert_int_equal(rs_mix_job_compute(far, cut[r], cut[r + 1], rec + (size_t)cut[r] * w),
                         RS_S_OK);
    assert_int_equal(rs_mix_job_compute(far, 0, n + 1, rec), RS_S_INPUT);
    rs_mix_job_free(far);
    assert_int_equal(rs_mix_job_take(jb, cut[1], cut[2], rec + (size_t)cut[1] * w), RS_S_INPUT);
    for (int r = 0; r < 3; r++)
        assert_int_equal(rs_mix_job_take(jb, cut[r], cut[r + 1], rec + (size_t)cut[r] * w),
                         RS_S_OK);
    free(rec);
    return RS_S_OK;
}

/* test_chance's programme with a budget and the fund_min objective (the
 * fund by month in each record): the same result, bit for bit, with the
 * samples worked by a runner in three shares. */
static void test_runner(void **state)
{
    (void)state;
    rs_scenario *s = scenario(2);
    parking(&s->lev[0], "p", 60);
    rs_test_set(&s->lev[0], "capex_per_space", 5000);
    shops(&s->lev[1], "s", 8);
    rs_test_set(&s->opt, "min_coverage", 1);
    rs_test_set(&s->opt, "budget", 400000);
    rs_test_set(&s->opt, "objective", RS_OBJ_FUND_MIN);
    s->ranges = calloc(2, sizeof *s->ranges);
    s->nranges = 2;
    for (int i = 0; i < 2; i++) {
        rs_range *g = &s->ranges[i];
        g->e = &s->lev[i];
        g->param = i == 0 ? PK_FEE : SH_RENT;
        g->step = -1;
        g->low = i == 0 ? 50 : 5, g->value = i == 0 ? 100 : 10, g->high = i == 0 ? 150 : 15;
        g->dist = RS_DIST_UNIFORM;
        snprintf(g->label, sizeof g->label, i == 0 ? "parking:p.fee" : "shops:s.rent");
        g->stream = rs_stream_key(g->label);
    }
    rs_mix_opts o;
    rs_mix_opts_init(&o);
    o.samples = 40;
    o.confidence = 0.75;
    o.seed = 7;
    o.fresh = 50;
    rs_mix_result *a = NULL, *b = NULL;
    rs_mix_issue is;
    assert_int_equal(rs_mix_run(s, &o, &a, &is), RS_S_OK);
    rs_mix_set_runner(split_runner, NULL);
    runner_calls = 0;
    rs_status st = rs_mix_run(s, &o, &b, &is);
    rs_mix_set_runner(NULL, NULL);
    assert_int_equal(st, RS_S_OK);
    assert_int_equal(runner_calls, 2);   /* sampling, checking */
    assert_true(a->choice[0].size >= 1);
    assert_int_equal(a->nchoice, b->nchoice);
    for (int j = 0; j < a->nchoice; j++)
        assert_true(a->choice[j].size == b->choice[j].size);
    assert_true(a->value == b->value && a->share == b->share &&
                a->fresh_share == b->fresh_share);
    assert_int_equal(a->nlimit, b->nlimit);
    for (int i = 0; i < a->nlimit; i++)
        assert_true(memcmp(&a->limit[i], &b->limit[i], sizeof a->limit[i]) == 0);
    rs_mix_result_free(a);
    rs_mix_result_free(b);
    rs_test_scenario_free(s);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_budget),       cmocka_unit_test(test_space),
        cmocka_unit_test(test_opex_fixed),   cmocka_unit_test(test_optional),
        cmocka_unit_test(test_fund_min),     cmocka_unit_test(test_all_at_max),
        cmocka_unit_test(test_infeasible),   cmocka_unit_test(test_refused),
        cmocka_unit_test(test_chance),       cmocka_unit_test(test_runner),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
