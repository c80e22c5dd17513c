/* test_loan.c: loan:NAME repayment schedules (models/loan.c) against
 * values worked out by hand from docs/model.md "Financing":
 *   annuity 1,000,000 at 6% over 12 months, drawn in month 1:
 *     i = 0.005, A = 1e6 * 0.005 / (1 - 1.005^-12) = 86,066.43 (to the cent);
 *     month 2: interest 5,000.00, principal 81,066.43, balance 918,933.57;
 *     month 3: interest 4,594.67 (0.005 x 918,933.57); month 13: balance 0;
 *     total interest 12 A - 1e6 = 32,797.16
 *   equal principal 1,200,000 at 12% over 1 year: principal 100,000 a month,
 *     interest 12,000, 11,000, ..., 1,000 (total 78,000)
 *   bullet 500,000 at 4.8% over 2 years drawn in month 3, horizon 2 years:
 *     interest 2,000 in months 4..24, principal after the horizon: debt_end 500,000
 *   annuity 600,000 at 0% over 1 year with 6 grace months: 100,000 in months 8..13
 *   a loan drawn in month 30 of a 24-month horizon: nothing. */
#include <math.h>
#include <string.h>
#include "fix_models.h"
#include "../../models/loan.h"

#define M 24

static void loan(rs_entity *e, double amount, int month, double rate, double term, int grace,
                 int repay)
{
    rs_entity_init(e, &rs_section_loan);
    rs_test_set(e, "amount", amount);
    rs_test_set(e, "month", month);
    rs_test_set(e, "rate", rate);
    rs_test_set(e, "term_years", term);
    rs_test_set(e, "grace_months", grace);
    e->v[LN_REPAY] = repay;
}

typedef struct { double draws[M], interest[M], principal[M], balance[M]; } flows;

static void run(const rs_entity *e, flows *f)
{
    memset(f, 0, sizeof *f);
    rs_loan_add(e, M, f->draws, f->interest, f->principal, f->balance);
}

static double total(const double *v)
{
    double s = 0;
    for (int m = 0; m < M; m++)
        s += v[m];
    return s;
}

static void test_annuity(void **state)
{
    (void)state;
    rs_entity e;
    flows f;
    loan(&e, 1e6, 1, 0.06, 1, 0, RS_REPAY_ANNUITY);
    run(&e, &f);
    assert_rel(f.draws[0], 1e6, 0);
    assert_rel(f.balance[0], 1e6, 0);
    assert_rel(f.interest[1], 5000.00, 1e-12);
    assert_true(fabs(f.interest[1] + f.principal[1] - 86066.43) < 0.005);   /* to the cent */
    assert_true(fabs(f.principal[1] - 81066.43) < 0.005);
    assert_true(fabs(f.balance[1] - 918933.57) < 0.005);
    assert_true(fabs(f.interest[2] - 4594.67) < 0.005);
    for (int m = 2; m <= 12; m++)   /* every payment is the annuity */
        assert_true(fabs(f.interest[m] + f.principal[m] - 86066.43) < 0.005);
    assert_rel(f.balance[12], 0, 0);
    assert_rel(f.balance[13], 0, 0);
    assert_true(fabs(total(f.interest) - 32797.16) < 0.005);
    assert_rel(total(f.principal), 1e6, 1e-12);
}

static void test_equal_principal(void **state)
{
    (void)state;
    rs_entity e;
    flows f;
    loan(&e, 1.2e6, 1, 0.12, 1, 0, RS_REPAY_EQUAL);
    run(&e, &f);
    for (int m = 2; m <= 13; m++) {
        assert_rel(f.principal[m - 1], 100000, 1e-12);
        assert_rel(f.interest[m - 1], 1000.0 * (14 - m), 1e-12);
    }
    assert_rel(total(f.interest), 78000, 1e-12);
    assert_rel(f.balance[12], 0, 0);
}

static void test_bullet_past_horizon(void **state)
{
    (void)state;
    rs_entity e;
    flows f;
    loan(&e, 500000, 3, 0.048, 2, 0, RS_REPAY_BULLET);
    run(&e, &f);
    assert_rel(f.draws[2], 500000, 0);
    for (int m = 4; m <= M; m++) {
        assert_rel(f.interest[m - 1], 2000, 1e-12);
        assert_rel(f.principal[m - 1], 0, 0);
    }
    assert_rel(f.balance[M - 1], 500000, 0);   /* debt_end: repaid in month 27 */
    assert_rel(total(f.interest), 21 * 2000, 1e-12);
}

static void test_grace_zero_rate(void **state)
{
    (void)state;
    rs_entity e;
    flows f;
    loan(&e, 600000, 1, 0, 1, 6, RS_REPAY_ANNUITY);
    run(&e, &f);
    for (int m = 2; m <= 7; m++)   /* grace: interest only (0 here) */
        assert_rel(f.principal[m - 1], 0, 0);
    for (int m = 8; m <= 13; m++)
        assert_rel(f.principal[m - 1], 100000, 1e-12);
    assert_rel(f.balance[6], 600000, 0);
    assert_rel(f.balance[12], 0, 0);
    assert_rel(total(f.interest), 0, 0);
    /* with interest: grace months pay i B, then an annuity on the amount over 6 months */
    loan(&e, 600000, 1, 0.12, 1, 6, RS_REPAY_ANNUITY);
    run(&e, &f);
    for (int m = 2; m <= 7; m++)
        assert_rel(f.interest[m - 1], 6000, 1e-12);
    const double A = 600000 * 0.01 / (1 - pow(1.01, -6));   /* 103,529.02 */
    assert_true(fabs(A - 103529.02) < 0.005);
    assert_rel(f.interest[7] + f.principal[7], A, 1e-12);
}

static void test_after_horizon(void **state)
{
    (void)state;
    rs_entity e;
    flows f;
    loan(&e, 1e6, 30, 0.05, 5, 0, RS_REPAY_ANNUITY);
    run(&e, &f);
    assert_rel(total(f.draws) + total(f.interest) + total(f.principal) + total(f.balance), 0, 0);
}

static void test_checks(void **state)
{
    (void)state;
    rs_entity e;
    char why[128];
    loan(&e, 1e6, 1, 0.05, 1, 12, RS_REPAY_ANNUITY);   /* grace = n */
    assert_int_equal(rs_section_loan.check(&e, why, sizeof why), LN_GRACE);
    loan(&e, 1e6, 1, 0.05, 0.02, 0, RS_REPAY_ANNUITY); /* round(0.24) = 0 months */
    assert_int_equal(rs_section_loan.check(&e, why, sizeof why), LN_TERM);
    loan(&e, 1e6, 1, 0.05, 1, 11, RS_REPAY_ANNUITY);
    assert_int_equal(rs_section_loan.check(&e, why, sizeof why), -1);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_annuity),         cmocka_unit_test(test_equal_principal),
        cmocka_unit_test(test_bullet_past_horizon), cmocka_unit_test(test_grace_zero_rate),
        cmocka_unit_test(test_after_horizon),   cmocka_unit_test(test_checks),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
