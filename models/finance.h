/* finance.h: pure financial functions on monthly cash flows (MODEL.md
 * "Headline metrics"): NPV, IRR, payback. Month m's flow is cf[m-1] and falls
 * at the end of month m. */
#ifndef RS_FINANCE_H
#define RS_FINANCE_H

#include "../base/error.h"

/* sum cf(m) (1+r)^(-m/12), m = 1..n; r annual. */
double rs_npv(const double *cf, int n, double r);

/* What rs_irr_ws_run needs: a GSL Brent solver, allocated once and reused
 * (rs_results holds one, so a model run allocates nothing).
 * rs_irr_ws_alloc returns NULL when out of memory; rs_irr_ws_free(NULL) is
 * a no-op. */
typedef struct rs_irr_ws rs_irr_ws;
rs_irr_ws *rs_irr_ws_alloc(void);
void rs_irr_ws_free(rs_irr_ws *w);

/* Annual rate x with npv(x) = 0 (the caller has called
 * gsl_set_error_handler_off() once at start-up): roots are bracketed on a
 * log-spaced grid of 1+x in [0.01, 1e6] (1000 cells) and refined with
 * GSL's Brent solver in w; the root closest to 0 is returned. NaN when cf
 * never changes sign or no root is found. The cells are not all evaluated:
 * Descartes' rule of signs on the discounted partial sums proves where no
 * cell can change sign, with the same result as scanning every cell
 * (tests/models/test_finance.c checks it bit for bit). Thread-safe with one
 * w a thread. */
double rs_irr_ws_run(rs_irr_ws *w, const double *cf, int n);

/* The same with a solver of its own: RS_S_OK with *irr set (NaN when there
 * is no IRR), RS_S_NOMEM when the solver cannot be allocated (*irr NaN), so
 * that running out of memory is never mistaken for "no IRR". */
rs_status rs_irr(const double *cf, int n, double *irr);

/* Payback in years: first month m with C(m-1) < 0 <= C(m) of the cumulative
 * flow C, interpolated linearly inside month m, /12. 0 when C is never
 * negative (NaN when every flow is 0); NaN when C never comes back to 0. */
double rs_payback(const double *cf, int n);

#endif
