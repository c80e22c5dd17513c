/* plausible.c: the table of typical ranges (plausible.h). The ranges are
 * wide on purpose: they catch slips (a rent per shop written as a rent per
 * m², 40 sessions a port a day, a fee of 15 CNY/m²), not unusual but real
 * values. Each row says where its range comes from; docs/model.md lists
 * them. */
#include <string.h>
#include "plausible.h"

#define FIELD "Jinjiang 2024 field reports (../shared/reports)"
#define MARKET "revsim's reading of typical Chinese community figures (2023-2025); adjust to local data"

const rs_typical rs_typicals[] = {
    /* community management */
    {"community", "fee_rate", NULL, 0, 5, "old estates charge 0.3-1.5 CNY/m2/month, new ones up to "
     "about 4 (" MARKET ")"},
    {"community", "collection_start", NULL, 0, 1, MARKET},
    /* shops */
    {"shops", "rent", NULL, 5, 300, "street shops in county towns rent for 20-120 CNY/m2/month (" MARKET ")"},
    {"shops", "rent_uplift", NULL, -0.3, 1.0, "unified leasing raised rents by 60% at Yongfengli (" FIELD ")"},
    {"shops", "area_m2", NULL, 5, 2000, "floor area of one shop (" MARKET ")"},
    {"shops", "occupancy_target", NULL, 0.3, 1, "occupancy rose by 80 points at Yongfengli (" FIELD ")"},
    /* parking */
    {"parking", "fee", "car", 30, 800, "a car space rents for 100-400 CNY/month in community car parks (" MARKET ")"},
    {"parking", "fee", "ebike", 3, 80, "an e-bike space costs 10-30 CNY/month (" MARKET ")"},
    {"parking", "utilization_target", NULL, 0.2, 1, MARKET},
    {"parking", "capex_per_space", "car", 500, 300000, "a marked surface space costs about 2,000-10,000 CNY, a "
     "garage space far more (" MARKET ")"},
    {"parking", "capex_per_space", "ebike", 50, 5000, "an e-bike space with a shelter costs 300-1,500 CNY (" MARKET ")"},
    /* chargers */
    {"chargers", "sessions_target", "ebike", 0.2, 4, "community e-bike ports see about 1-2 sessions a day (" MARKET ")"},
    {"chargers", "sessions_target", "ev_ac", 0.1, 3, "residential AC piles see about 0.5-1.5 sessions a day (" MARKET ")"},
    {"chargers", "sessions_target", "ev_dc", 1, 15, "public DC piles see about 3-8 sessions a day (" MARKET ")"},
    {"chargers", "kwh_per_session", "ebike", 0.2, 3, "an e-bike battery takes about 0.5-1.5 kWh (" MARKET ")"},
    {"chargers", "kwh_per_session", "ev_ac", 3, 70, "an EV takes about 10-40 kWh a session (" MARKET ")"},
    {"chargers", "kwh_per_session", "ev_dc", 5, 100, "an EV takes about 20-50 kWh a fast session (" MARKET ")"},
    {"chargers", "price_per_kwh", NULL, 0.3, 2.5, "electricity plus service fee is about 0.8-1.6 CNY/kWh (" MARKET ")"},
    {"chargers", "price_per_session", "ebike", 0.3, 6, "an e-bike charge costs about 1-3 CNY (" MARKET ")"},
    {"chargers", "capex_per_port", "ebike", 50, 3000, "e-bike charging ports cost about 200-800 CNY each (" MARKET ")"},
    {"chargers", "capex_per_port", "ev_ac", 1000, 30000, "a 7 kW AC pile costs about 2,000-6,000 CNY installed (" MARKET ")"},
    {"chargers", "capex_per_port", "ev_dc", 10000, 300000, "a DC pile costs about 30,000-120,000 CNY a gun (" MARKET ")"},
    {"chargers", "subsidy_per_kw", "ev_ac", 0, 300, "Fujian 2023: 47.1 CNY/kW for AC piles in residential communities (issue 10)"},
    {"chargers", "subsidy_per_kw", "ev_dc", 0, 500, "Fujian 2023: 180-270 CNY/kW for DC piles (issue 10)"},
    {"chargers", "subsidy_per_kwh", NULL, 0, 0.6, "Fujian 2023: 0.2 CNY/kWh for operation (issue 10)"},
    /* taxes and loans */
    {"shops", "tax_rate", NULL, 0, 0.25, "VAT 9% (5% or 3% simple method), surcharges 12% of VAT, property tax "
     "12% of rent (issue 10)"},
    {"parking", "tax_rate", NULL, 0, 0.15, "VAT 9% (5% or 3% simple method) and surcharges (issue 10)"},
    {"loan", "rate", NULL, 0, 0.1, "special bonds: 2.29% (2024), 2.02% (2025) (issue 10)"},
    {"loan", "term_years", NULL, 1, 30, "special bonds: 14.4 (2024) and 17.7 (2025) years on average (issue 10)"},
    /* results */
    {NULL, "coverage_stabilized", NULL, 0, 10, "commercial income rarely covers more than ten times the "
     "management deficit; check the deficit's inputs"},
    {NULL, "irr", NULL, -0.5, 1.0, "an internal rate of return beyond 100% a year usually means capex is missing"},
};
const int rs_ntypicals = sizeof rs_typicals / sizeof rs_typicals[0];

/* the lever's `kind` label, or NULL */
static const char *kind_of(const rs_entity *e, char *buf, size_t n)
{
    int k = rs_param_find(e->sec->params, e->sec->nparams, "kind");
    if (k < 0 || e->sec->params[k].type != RS_P_ENUM || !e->set[k])
        return NULL;
    return rs_choice_name(e->sec->params[k].choices, (int)e->v[k], buf, n);
}

const rs_typical *rs_typical_for(const rs_entity *e, int param)
{
    char kb[32];
    const char *kind = NULL;
    int have_kind = 0;   /* the kind is looked up only for a row that names one */
    const char *key = e->sec->params[param].name;
    for (int i = 0; i < rs_ntypicals; i++) {
        const rs_typical *t = &rs_typicals[i];
        if (!t->section || strcmp(t->key, key) != 0 || strcmp(t->section, e->sec->name) != 0)
            continue;
        if (t->kind && !have_kind) {
            kind = kind_of(e, kb, sizeof kb);
            have_kind = 1;
        }
        if (t->kind && (!kind || strcmp(t->kind, kind) != 0))
            continue;
        return t;
    }
    return NULL;
}

int rs_typical_zero_ok(const rs_entity *e, int param)
{
    if (strcmp(e->sec->name, "chargers") != 0 || e->v[param] != 0)
        return 0;
    return (param == CH_PPK && e->v[CH_PPS] > 0) ||
           (param == CH_PPS && e->v[CH_PPK] > 0);
}

const rs_typical *rs_typical_metric(int k)
{
    for (int i = 0; i < rs_ntypicals; i++)
        if (!rs_typicals[i].section && strcmp(rs_typicals[i].key, rs_metrics[k].name) == 0)
            return &rs_typicals[i];
    return NULL;
}
