/* fix_models.c: scenarios built by hand and fake Monte Carlo results for
 * the cmocka suites (fix_models.h). */
#define _XOPEN_SOURCE 700
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "fix_models.h"

rs_scenario *rs_test_scenario(int years, double r, int ncom, int nlev)
{
    rs_scenario *s = calloc(1, sizeof *s);
    rs_scenario_init(s);
    s->scen.v[SC_HORIZON] = years;
    s->scen.v[SC_DISCOUNT] = r;
    s->com = calloc((size_t)ncom, sizeof *s->com);
    s->lev = calloc((size_t)(nlev > 0 ? nlev : 1), sizeof *s->lev);
    s->ncom = ncom;
    s->nlev = nlev;
    return s;
}

void rs_test_scenario_free(rs_scenario *s)
{
    if (!s)
        return;
    rs_scenario_release(s);
    free(s);
}

void rs_test_scenario_text(rs_scenario *s, const char *name, const char *currency,
                           const char *start)
{
    const char *v[] = {name, currency, start};
    const int k[] = {SC_NAME, SC_CURRENCY, SC_START};
    for (int i = 0; i < 3; i++)
        if (v[i])
            s->scen.text[k[i]] = strdup(v[i]);
}

void rs_test_community(rs_entity *e, const char *name, double area_m2, double fee_rate,
                       double collection, double cost_annual)
{
    rs_entity_init(e, &rs_section_community);
    if (name)
        snprintf(e->name, sizeof e->name, "%s", name);
    rs_test_set(e, "area_m2", area_m2);
    rs_test_set(e, "fee_rate", fee_rate);
    rs_test_set(e, "collection_start", collection);
    rs_test_set(e, "collection_target", collection);
    rs_test_set(e, "cost_annual", cost_annual);
}

void rs_test_other(rs_entity *e, const char *name, double income)
{
    rs_entity_init(e, &rs_section_other);
    if (name)
        snprintf(e->name, sizeof e->name, "%s", name);
    rs_test_set(e, "income", income);
    e->community = 0;
}

rs_mc_results *rs_test_mc(int years, long runs, double npv0, double step)
{
    rs_mc_results *mc = calloc(1, sizeof *mc);
    mc->runs = runs;
    mc->kept = runs;
    mc->years = years;
    mc->yearly = calloc((size_t)MC_Y_N * years * MC_NSTAT, sizeof(double));
    mc->p_covered = calloc((size_t)years, sizeof(double));
    mc->npv = calloc((size_t)runs, sizeof(double));
    for (long i = 0; i < runs; i++)
        mc->npv[i] = npv0 + step * (double)i;
    return mc;
}

void rs_test_set(rs_entity *e, const char *key, double v)
{
    int k = rs_param_find(e->sec->params, e->sec->nparams, key);
    if (k < 0) {
        print_error("unknown key %s.%s\n", e->sec->name, key);
        fail();
    }
    e->v[k] = v;
    e->set[k] = 1;
}
