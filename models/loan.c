/* loan.c: loan:NAME, its parameter table and its repayment schedule:
 * annuity, equal principal or bullet after interest-only grace months. */
#include <math.h>
#include <stdio.h>
#include "lever.h"
#include "loan.h"

static const rs_param loan_params[] = {
    {"amount", "CNY", RS_P_NUM, 0, 1e-9, 1e13, RS_P_REQUIRED, NULL,
     "amount borrowed (> 0), paid into the fund", "借款金额", NULL},
    {"month", "month", RS_P_INT, 1, 1, RS_MAX_MONTHS, 0, NULL,
     "month d it is drawn (at the end of the month)", "放款月份", NULL},
    {"rate", "1/year", RS_P_NUM, 0, 0, 1, 0, NULL, "annual nominal interest rate (monthly rate/12)",
     "年利率", NULL},
    {"term_years", "years", RS_P_NUM, 0, 1.0 / 12, 100, RS_P_REQUIRED, NULL,
     "term after the draw, grace included (n = round(12 term) months)", "期限（年）", NULL},
    {"grace_months", "months", RS_P_INT, 0, 0, RS_MAX_MONTHS, 0, NULL,
     "first months after the draw with interest only (< n)", "宽限期（月）", NULL},
    {"repayment", "", RS_P_ENUM, RS_REPAY_ANNUITY, 0, 0, RS_P_FIXED,
     "annuity|equal_principal|bullet", "annuity, equal_principal or bullet", "还款方式", NULL},
    {"enabled", "0/1", RS_P_INT, 1, 0, 1, RS_P_FIXED, NULL,
     "0 leaves the loan out of every result (variants)", "是否启用", NULL},
};

static int loan_months(const rs_entity *e) { return (int)lround(12.0 * e->v[LN_TERM]); }

static int loan_check(const rs_entity *e, char *why, size_t n)
{
    if (loan_months(e) < 1) {
        snprintf(why, n, "term_years %g is less than a month", e->v[LN_TERM]);
        return LN_TERM;
    }
    if (e->v[LN_GRACE] >= loan_months(e)) {
        snprintf(why, n, "grace_months %g must be less than the term (%d months)",
                 e->v[LN_GRACE], loan_months(e));
        return LN_GRACE;
    }
    return -1;
}

void rs_loan_add(const rs_entity *e, int months, double *draws, double *interest,
                 double *principal, double *balance)
{
    const double *v = e->v;
    const int d = (int)v[LN_MONTH], n = loan_months(e), g = (int)v[LN_GRACE];
    const int repay = (int)v[LN_REPAY];
    const double i = v[LN_RATE] / 12.0;
    if (d < 1 || d > months)
        return;
    double B = v[LN_AMOUNT], A = 0.0;
    draws[d - 1] += B;
    balance[d - 1] += B;
    const int last = d + n < months ? d + n : months, k = n - g;
    for (int m = d + 1; m <= last; m++) {
        const double in = i * B;
        double pr = 0.0;
        if (m == d + g + 1)   /* B(d+g) is the amount: grace months pay interest only */
            A = repay == RS_REPAY_ANNUITY
                    ? (i > 0 ? B * i / (1.0 - pow(1.0 + i, -(double)k)) : B / k)
                    : B / k;
        if (m > d + g) {
            if (m == d + n)   /* the last payment repays what is left, exactly */
                pr = B;
            else if (repay == RS_REPAY_ANNUITY)
                pr = A - in;
            else if (repay == RS_REPAY_EQUAL)
                pr = A;
        }
        B -= pr;
        interest[m - 1] += in;
        principal[m - 1] += pr;
        balance[m - 1] += B;
    }
}

const rs_section rs_section_loan = {
    "loan", RS_SEC_LOAN, 1, loan_params, LN_N,
    "money borrowed (bank loan, special bond 专项债): paid into the fund, repaid from it",
    "借款（银行贷款、专项债）", -1, -1, -1, loan_check, NULL, NULL,
};
