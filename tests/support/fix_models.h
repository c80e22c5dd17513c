/* fix_models.h: revsim model objects several cmocka suites need: scenarios
 * built by hand and fake Monte Carlo results. */
#ifndef RS_FIX_MODELS_H
#define RS_FIX_MODELS_H

#include "testutil.h"
#include "../../models/lever.h"
#include "../../models/montecarlo.h"

/* ---- scenarios ------------------------------------------------------------ */

/* A scenario of `years` years at annual discount rate r, with ncom
 * communities and nlev levers allocated (at least one lever slot) and not
 * initialised; for rs_model_run once they are. Free with
 * rs_test_scenario_free. */
rs_scenario *rs_test_scenario(int years, double r, int ncom, int nlev);

/* Release s and free it; NULL is a no-op. */
void rs_test_scenario_free(rs_scenario *s);

/* The scenario's name, currency and start month ("YYYY-MM"), copied;
 * NULL leaves a field unset. */
void rs_test_scenario_text(rs_scenario *s, const char *name, const char *currency,
                           const char *start);

/* e as a community named `name` (NULL: unnamed) of area_m2 at fee_rate
 * CNY/m2 a month, a flat collection rate (start = target) and cost_annual
 * CNY a year. */
void rs_test_community(rs_entity *e, const char *name, double area_m2, double fee_rate,
                       double collection, double cost_annual);

/* e as an `other` lever named `name` (NULL: unnamed) earning income CNY a
 * month, on the first community. */
void rs_test_other(rs_entity *e, const char *name, double income);

/* ---- Monte Carlo ------------------------------------------------------------ */

/* Monte Carlo results of `runs` runs over `years` years whose NPV runs are
 * npv0 + i * step; every statistic 0 for the caller to fill. Free with
 * rs_mc_results_free. */
rs_mc_results *rs_test_mc(int years, long runs, double npv0, double step);

/* Set parameter `key` of e (fails the test on an unknown key). */
void rs_test_set(rs_entity *e, const char *key, double v);
#endif
