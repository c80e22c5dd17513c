/* sections.c: the table of section types (one row a model), the scenario,
 * fund and grant tables, and entity / scenario lifecycles. */
#include <stdlib.h>
#include <string.h>
#include "lever.h"

static const rs_param scenario_params[] = {
    {"name", "", RS_P_TEXT, 0, 0, 0, RS_P_FIXED, NULL,
     "scenario name for titles (default: file name)"},
    {"start", "YYYY-MM", RS_P_TEXT, 0, 0, 0, RS_P_FIXED, NULL, "calendar month of month 1, for labels"},
    {"horizon_years", "years", RS_P_INT, 10, 1, RS_MAX_MONTHS / 12, RS_P_FIXED, NULL,
     "years simulated"},
    {"discount_rate", "1/year", RS_P_NUM, 0.08, -0.5, 1, 0, NULL, "annual discount rate r"},
    {"currency", "", RS_P_TEXT, 0, 0, 0, RS_P_FIXED, NULL, "currency label (default CNY)"},
    {"runs", "runs", RS_P_INT, 1000, 0, 1e7, RS_P_FIXED, NULL, "Monte Carlo runs"},
    {"seed", "", RS_P_INT, 1, 0, 4294967295.0, RS_P_FIXED, NULL, "Monte Carlo seed"},
    {"base", "file", RS_P_TEXT, 0, 0, 0, RS_P_FIXED, NULL,
     "scenario file loaded first; this file's rows override it"},
};

static const rs_param fund_params[] = {
    {"initial", "CNY", RS_P_NUM, 0, -1e12, 1e12, 0, NULL, "fund balance before month 1"},
};

static const rs_param grant_params[] = {
    {"amount", "CNY", RS_P_NUM, 0, -1e12, 1e12, RS_P_REQUIRED, NULL,
     "money paid into the fund"},
    {"month", "month", RS_P_INT, 1, 1, RS_MAX_MONTHS, 0, NULL, "month it is paid"},
};

static const rs_section section_scenario = {
    "scenario", RS_SEC_SCENARIO, 0, scenario_params, SC_N, "scenario settings",
    NULL, NULL};
static const rs_section section_fund = {
    "fund", RS_SEC_FUND, 0, fund_params, FD_N, "the shared community fund",
    NULL, NULL};
static const rs_section section_grant = {
    "grant", RS_SEC_GRANT, 1, grant_params, GR_N, "money paid into the fund",
    NULL, NULL};

/* Every section type, in the order `revsim params` lists them. */
const rs_section *const rs_sections[] = {
    &section_scenario, &rs_section_community, &rs_section_shops, &rs_section_parking,
    &rs_section_chargers, &rs_section_other, &section_fund, &section_grant,
};
const int rs_nsections = sizeof rs_sections / sizeof rs_sections[0];

const rs_section *rs_section_find(const char *name)
{
    for (int i = 0; i < rs_nsections; i++)
        if (strcmp(rs_sections[i]->name, name) == 0)
            return rs_sections[i];
    return NULL;
}

int rs_param_find(const rs_param *t, int n, const char *name)
{
    for (int i = 0; i < n; i++)
        if (strcmp(t[i].name, name) == 0)
            return i;
    return -1;
}

int rs_choice_index(const char *choices, const char *word)
{
    size_t wl = strlen(word);
    int idx = 0;
    for (const char *p = choices; p; idx++) {
        const char *bar = strchr(p, '|');
        size_t len = bar ? (size_t)(bar - p) : strlen(p);
        if (len == wl && strncmp(p, word, wl) == 0)
            return idx;
        p = bar ? bar + 1 : NULL;
    }
    return -1;
}

const char *rs_choice_name(const char *choices, int idx, char *buf, size_t n)
{
    const char *p = choices;
    for (int i = 0; i < idx && p; i++) {
        p = strchr(p, '|');
        if (p)
            p++;
    }
    if (!p || n == 0) {
        if (n)
            buf[0] = '\0';
        return buf;
    }
    const char *bar = strchr(p, '|');
    size_t len = bar ? (size_t)(bar - p) : strlen(p);
    if (len >= n)
        len = n - 1;
    memcpy(buf, p, len);
    buf[len] = '\0';
    return buf;
}

void rs_entity_init(rs_entity *e, const rs_section *sec)
{
    memset(e, 0, sizeof *e);
    e->sec = sec;
    e->community = -1;
    for (int i = 0; i < sec->nparams; i++)
        e->v[i] = sec->params[i].def;
}

static void entity_release(rs_entity *e)
{
    for (int i = 0; i < RS_MAX_PARAMS; i++) {
        free(e->text[i]);
        e->text[i] = NULL;
    }
}

void rs_scenario_init(rs_scenario *s)
{
    memset(s, 0, sizeof *s);
    rs_entity_init(&s->scen, &section_scenario);
    rs_entity_init(&s->fund, &section_fund);
}

void rs_scenario_release(rs_scenario *s)
{
    entity_release(&s->scen);
    entity_release(&s->fund);
    for (int i = 0; i < s->ncom; i++)
        entity_release(&s->com[i]);
    for (int i = 0; i < s->nlev; i++)
        entity_release(&s->lev[i]);
    for (int i = 0; i < s->ngrant; i++)
        entity_release(&s->grant[i]);
    free(s->com);
    free(s->lev);
    free(s->grant);
    free(s->ranges);
    free(s->corr);
    memset(s, 0, sizeof *s);
}
