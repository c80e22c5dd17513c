/* sections.c: the table of section types (one row a model), the kind table
 * (where each kind's entities live in rs_scenario), the scenario, fund,
 * grant and optimize tables, and entity / scenario lifecycles: init,
 * release, clone, refresh and the stabilized year. */
#define _POSIX_C_SOURCE 200809L
#include <math.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include "draw.h"
#include "lever.h"

static const rs_param scenario_params[] = {
    {"name", "", RS_P_TEXT, 0, 0, 0, RS_P_FIXED, NULL,
     "scenario name for titles (default: file name)", "方案名称", NULL},
    {"start", "YYYY-MM", RS_P_TEXT, 0, 0, 0, RS_P_FIXED, NULL,
     "calendar month of month 1 (labels, calendar.csv)", "起始年月", NULL},
    {"horizon_years", "years", RS_P_INT, 10, 1, RS_MAX_MONTHS / 12, RS_P_FIXED, NULL,
     "years simulated", "测算年限", NULL},
    {"discount_rate", "1/year", RS_P_NUM, 0.08, -0.5, 1, 0, NULL, "annual discount rate r",
     "折现率", NULL},
    {"currency", "", RS_P_TEXT, 0, 0, 0, RS_P_FIXED, NULL, "currency label (default CNY)",
     "货币", NULL},
    {"runs", "runs", RS_P_INT, 1000, 0, 1e7, RS_P_FIXED, NULL, "Monte Carlo runs",
     "蒙特卡洛模拟次数", NULL},
    {"seed", "", RS_P_INT, 1, 0, 4294967295.0, RS_P_FIXED, NULL, "Monte Carlo seed",
     "随机种子", NULL},
    {"base", "file", RS_P_TEXT, 0, 0, 0, RS_P_FIXED, NULL,
     "scenario file loaded first; this file's rows override it", "基础方案文件", NULL},
    {"include", "file", RS_P_TEXT, 0, 0, 0, RS_P_FIXED | RS_P_MULTI, NULL,
     "a table of sections, one a row (any number of include rows)", "引入数据表", NULL},
    {"stabilized_year", "year", RS_P_INT, 0, 1, RS_MAX_MONTHS / 12, RS_P_FIXED | RS_P_UNSET,
     NULL, "pins the stabilized year (default: from the base case's completion months)",
     "稳定年", NULL},
    {"income_tax_rate", "fraction", RS_P_NUM, 0, 0, 1, 0, NULL,
     "tax on the programme's yearly profit, paid in month 12y", "所得税率", NULL},
    {"author", "", RS_P_TEXT, 0, 0, 0, RS_P_FIXED, NULL, "author of the proposal (report)",
     "编制人", NULL},
    {"organisation", "", RS_P_TEXT, 0, 0, 0, RS_P_FIXED, NULL,
     "organisation proposing it (report)", "编制单位", NULL},
    {"purpose", "", RS_P_TEXT, 0, 0, 0, RS_P_FIXED, NULL, "what the proposal asks for (report)",
     "报告用途", NULL},
};

static const rs_param fund_params[] = {
    {"initial", "CNY", RS_P_NUM, 0, -1e13, 1e13, 0, NULL, "fund balance before month 1",
     "基金期初余额", NULL},
    {"interest_rate", "1/year", RS_P_NUM, 0, 0, 1, 0, NULL,
     "annual interest earned on a positive balance", "存款年利率", NULL},
    {"overdraft_rate", "1/year", RS_P_NUM, 0, 0, 1, 0, NULL,
     "annual interest paid on a negative balance", "透支年利率", NULL},
    {"reserve", "CNY", RS_P_NUM, 0, -1e13, 1e13, 0, NULL,
     "balance the fund should keep (months_below_reserve counts the months below)",
     "基金最低储备", NULL},
};

static const rs_param grant_params[] = {
    {"amount", "CNY", RS_P_NUM, 0, -1e13, 1e13, RS_P_REQUIRED, NULL,
     "money paid into the fund", "拨款金额", NULL},
    {"month", "month", RS_P_INT, 1, 1, RS_MAX_MONTHS, 0, NULL, "month it is paid", "拨款月份",
     NULL},
};

static const rs_param optimize_params[] = {
    {"space_m2", "m2", RS_P_NUM, 0, 0, 1e12, RS_P_FIXED | RS_P_UNSET, NULL,
     "freed space all sized levers may take (unset: no limit)", "可用腾退面积", NULL},
    {"budget", "CNY", RS_P_NUM, 0, 0, 1e15, RS_P_FIXED | RS_P_UNSET, NULL,
     "capex less subsidies over the budget years (unset: no limit)", "投资预算", NULL},
    {"budget_years", "years", RS_P_INT, 0, 1, RS_MAX_MONTHS / 12, RS_P_FIXED | RS_P_UNSET, NULL,
     "years the budget counts (default: the horizon)", "预算年限", NULL},
    {"objective", "", RS_P_ENUM, RS_OBJ_NPV, 0, 0, RS_P_FIXED,
     "npv|npv_equity|fund_end|fund_min|net_income_stabilized", "what to maximise",
     "优化目标", NULL},
    {"min_coverage", "ratio", RS_P_NUM, 0, 0, 100, RS_P_FIXED | RS_P_UNSET, NULL,
     "coverage in the stabilized year at least this", "最低覆盖率", NULL},
    {"min_coverage_each", "ratio", RS_P_NUM, 0, 0, 100, RS_P_FIXED | RS_P_UNSET, NULL,
     "the same for every community with a deficit", "各小区最低覆盖率", NULL},
    {"fund_never_negative", "0/1", RS_P_INT, 0, 0, 1, RS_P_FIXED, NULL,
     "1: the fund may not go below 0 in any month", "基金不得为负", NULL},
    {"min_dscr", "times", RS_P_NUM, 0, 0, 100, RS_P_FIXED | RS_P_UNSET, NULL,
     "debt-service cover at least this in every year with debt service", "最低偿债覆盖率",
     NULL},
    {"samples", "runs", RS_P_INT, 0, 0, 100000, RS_P_FIXED, NULL,
     "Monte Carlo runs the optimum must hold on (0: base case only)", "不确定性样本数", NULL},
    {"confidence", "probability", RS_P_NUM, 0.9, 0, 1, RS_P_FIXED, NULL,
     "share of the samples the limits must hold in together", "置信水平", NULL},
};

const rs_section rs_section_scenario = {
    "scenario", RS_SEC_SCENARIO, 0, scenario_params, SC_N, "scenario settings", "方案设置",
    -1, -1, -1, NULL, NULL, NULL};
const rs_section rs_section_fund = {
    "fund", RS_SEC_FUND, 0, fund_params, FD_N, "the shared community fund", "社区基金",
    -1, -1, -1, NULL, NULL, NULL};
const rs_section rs_section_grant = {
    "grant", RS_SEC_GRANT, 1, grant_params, GR_N, "money paid into the fund", "拨款",
    -1, -1, -1, NULL, NULL, NULL};
const rs_section rs_section_optimize = {
    "optimize", RS_SEC_OPTIMIZE, 0, optimize_params, OP_N,
    "revsim optimize: limits and objective of the best mix", "组合优化设置",
    -1, -1, -1, NULL, NULL, NULL};

/* Every section type, in the order `revsim params` lists them. */
const rs_section *const rs_sections[] = {
    &rs_section_scenario, &rs_section_community, &rs_section_shops, &rs_section_parking,
    &rs_section_chargers, &rs_section_other, &rs_section_fund, &rs_section_grant,
    &rs_section_loan, &rs_section_optimize,
};
const int rs_nsections = sizeof rs_sections / sizeof rs_sections[0];

#define SINGLE(k, pl, f) {k, pl, 1, offsetof(rs_scenario, f), 0}
#define MANY(k, pl, a, n) {k, pl, 0, offsetof(rs_scenario, a), offsetof(rs_scenario, n)}
const rs_kind_def rs_kinds[RS_SEC_NKINDS] = {
    [RS_SEC_SCENARIO] = SINGLE(RS_SEC_SCENARIO, "scenario", scen),
    [RS_SEC_COMMUNITY] = MANY(RS_SEC_COMMUNITY, "communities", com, ncom),
    [RS_SEC_LEVER] = MANY(RS_SEC_LEVER, "levers", lev, nlev),
    [RS_SEC_FUND] = SINGLE(RS_SEC_FUND, "fund", fund),
    [RS_SEC_GRANT] = MANY(RS_SEC_GRANT, "grants", grant, ngrant),
    [RS_SEC_LOAN] = MANY(RS_SEC_LOAN, "loans", loan, nloan),
    [RS_SEC_OPTIMIZE] = SINGLE(RS_SEC_OPTIMIZE, "optimize", opt),
};
#undef SINGLE
#undef MANY

rs_entity *rs_scenario_entities(const rs_scenario *s, rs_seckind k, int *n)
{
    const rs_kind_def *d = &rs_kinds[k];
    char *base = (char *)s;
    if (d->single) {
        *n = 1;
        return (rs_entity *)(base + d->entity);
    }
    rs_entity *a;
    memcpy(&a, base + d->entity, sizeof a);
    memcpy(n, base + d->count, sizeof *n);
    return a;
}

/* Set kind k's array and count (not for single kinds). */
static void set_entities(rs_scenario *s, rs_seckind k, rs_entity *a, int n)
{
    char *base = (char *)s;
    memcpy(base + rs_kinds[k].entity, &a, sizeof a);
    memcpy(base + rs_kinds[k].count, &n, sizeof n);
}

const rs_section *rs_section_find(const char *name)
{
    for (int i = 0; i < rs_nsections; i++)
        if (strcmp(rs_sections[i]->name, name) == 0)
            return rs_sections[i];
    return NULL;
}

int rs_param_find(const rs_param *t, int n, const char *name)
{
    for (int i = 0; i < n; i++)   /* the first byte first: most names differ there */
        if (t[i].name[0] == name[0] && strcmp(t[i].name, name) == 0)
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

/* append src to buf[*at .. n), cut to fit (readers build 100,000 of these) */
static void append(char *buf, size_t n, size_t *at, const char *src)
{
    size_t l = strlen(src);
    if (*at + l >= n)
        l = n - 1 - *at;
    memcpy(buf + *at, src, l);
    *at += l;
    buf[*at] = '\0';
}

const char *rs_entity_section(const rs_entity *e, char *buf, size_t n)
{
    size_t at = 0;
    if (n == 0)
        return buf;
    buf[0] = '\0';
    append(buf, n, &at, e->sec->name);
    if (e->sec->named) {
        append(buf, n, &at, ":");
        append(buf, n, &at, e->name);
    }
    return buf;
}

void rs_lin_arrays(rs_lin *lin, double *buf, int years)
{
    double **a[RS_LIN_ARRAYS] = {&lin->cg, &lin->rg, &lin->cn, &lin->rn,
                                 &lin->ct, &lin->rt, &lin->cs, &lin->rs};
    for (int i = 0; i < RS_LIN_ARRAYS; i++)
        *a[i] = buf + (size_t)i * years;
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
    rs_init();
    memset(s, 0, sizeof *s);
    rs_entity_init(&s->scen, &rs_section_scenario);
    rs_entity_init(&s->fund, &rs_section_fund);
    rs_entity_init(&s->opt, &rs_section_optimize);
}

void rs_scenario_release(rs_scenario *s)
{
    for (int k = 0; k < RS_SEC_NKINDS; k++) {
        int n;
        rs_entity *a = rs_scenario_entities(s, (rs_seckind)k, &n);
        for (int i = 0; a && i < n; i++)
            entity_release(&a[i]);
        if (!rs_kinds[k].single)
            free(a);
    }
    free(s->step);
    free(s->ranges);
    free(s->corr);
    free(s->links);
    memset(s, 0, sizeof *s);
}

rs_entity *rs_scenario_remap(const rs_scenario *src, rs_scenario *dst, const rs_entity *e)
{
    for (int k = 0; k < RS_SEC_NKINDS; k++) {
        int n, m;
        rs_entity *a = rs_scenario_entities(src, (rs_seckind)k, &n);
        rs_entity *b = rs_scenario_entities(dst, (rs_seckind)k, &m);
        if (a && e >= a && e < a + n && e - a < m)
            return b + (e - a);
    }
    return NULL;
}

/* dup of n elements of `size` bytes (at least one byte allocated) */
static void *dup_array(const void *p, size_t n, size_t size)
{
    void *q = malloc(n ? n * size : 1);
    if (q && n)
        memcpy(q, p, n * size);
    return q;
}

rs_status rs_scenario_clone(rs_scenario *dst, const rs_scenario *src)
{
    /* a shallow copy, detached from everything src owns; then every owned
     * pointer is either NULL or dst's own, so release works at any point */
    *dst = *src;
    for (int k = 0; k < RS_SEC_NKINDS; k++) {
        int n;
        rs_entity *a = rs_scenario_entities(dst, (rs_seckind)k, &n);
        if (rs_kinds[k].single)
            memset(a->text, 0, sizeof a->text);
        else
            set_entities(dst, (rs_seckind)k, NULL, 0);
    }
    dst->step = NULL;
    dst->ranges = NULL;
    dst->corr = NULL;
    dst->links = NULL;
    for (int k = 0; k < RS_SEC_NKINDS; k++) {
        int n;
        rs_entity *a = rs_scenario_entities(src, (rs_seckind)k, &n);
        if (rs_kinds[k].single)
            continue;
        rs_entity *b = dup_array(a, (size_t)n, sizeof *a);
        if (!b)
            goto fail;
        for (int i = 0; i < n; i++)
            memset(b[i].text, 0, sizeof b[i].text);
        set_entities(dst, (rs_seckind)k, b, n);
    }
    if (!(dst->step = dup_array(src->step, (size_t)src->nstep, sizeof *src->step)) ||
        !(dst->ranges = dup_array(src->ranges, (size_t)src->nranges, sizeof *src->ranges)) ||
        !(dst->corr = dup_array(src->corr, (size_t)src->ncorr, sizeof *src->corr)) ||
        !(dst->links = dup_array(src->links, (size_t)src->nlinks, sizeof *src->links)))
        goto fail;
    for (int k = 0; k < RS_SEC_NKINDS; k++) {
        int n, m;
        const rs_entity *a = rs_scenario_entities(src, (rs_seckind)k, &n);
        rs_entity *b = rs_scenario_entities(dst, (rs_seckind)k, &m);
        for (int i = 0; i < n; i++) {
            for (int p = 0; p < RS_MAX_PARAMS; p++)
                if (a[i].text[p] && !(b[i].text[p] = strdup(a[i].text[p])))
                    goto fail;
            if (a[i].steps)
                b[i].steps = dst->step + (a[i].steps - src->step);
        }
    }
    for (int i = 0; i < src->nranges; i++)
        dst->ranges[i].e = rs_scenario_remap(src, dst, src->ranges[i].e);
    for (int i = 0; i < src->nlinks; i++)
        dst->links[i].e = rs_scenario_remap(src, dst, src->links[i].e);
    return RS_S_OK;
fail:
    rs_scenario_release(dst);
    return RS_S_NOMEM;
}

void rs_scenario_refresh(rs_scenario *s)
{
    for (int k = 0; k < RS_SEC_NKINDS; k++) {
        int n;
        rs_entity *a = rs_scenario_entities(s, (rs_seckind)k, &n);
        for (int i = 0; a && i < n; i++)
            if (a[i].sec && a[i].sec->derive)
                a[i].sec->derive(&a[i]);
    }
}

void rs_scenario_fix_stabilized(rs_scenario *s)
{
    const int M = rs_scenario_months(s), Y = M / 12;
    if (s->scen.set[SC_STAB_YEAR]) {
        int y = (int)s->scen.v[SC_STAB_YEAR];
        s->stab_year = y < 1 ? 1 : y > Y ? Y : y;
        return;
    }
    int last = 1;
    /* on the stack (6 KiB): an allocation that failed here gave a wrong
     * stabilized year, silently */
    double buf[RS_LIN_ARRAYS * (RS_MAX_MONTHS / 12)];
    rs_lin lin;
    rs_lin_arrays(&lin, buf, Y);
    const rs_seckind kinds[2] = {RS_SEC_COMMUNITY, RS_SEC_LEVER};
    for (int k = 0; k < 2; k++) {
        int n;
        rs_entity *a = rs_scenario_entities(s, kinds[k], &n);
        for (int i = 0; i < n; i++) {
            a[i].sec->linear(&a[i], Y, &lin);
            last = lin.completion > last ? lin.completion : last;
        }
    }
    /* first year whose first month 12(y-1)+1 is at or after `last` */
    int y = (last - 1 + 11) / 12 + 1;
    s->stab_year = y <= Y ? y : Y;
}
