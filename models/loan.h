/* loan.h: money borrowed (bank loans, special bonds 专项债) paid into the
 * fund and repaid from it (docs/model.md loan:NAME). */
#ifndef RS_LOAN_H
#define RS_LOAN_H

#include "model.h"

/* Add loan e's flows over months 1..months to the monthly arrays (index
 * m-1): the draw, interest, principal and the balance at the month's end.
 * A loan drawn after the horizon adds nothing. */
void rs_loan_add(const rs_entity *e, int months, double *draws, double *interest,
                 double *principal, double *balance);

#endif
