/* scenpack.c: a scenario as bytes and back (scenpack.h). The structs are
 * copied as they are and their pointers written as indices: a section as
 * its place in rs_sections, an entity as (kind, index), steps as an offset
 * into rs_scenario.step, texts as strings. */
#define _POSIX_C_SOURCE 200809L
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "../base/bytes.h"
#include "scenpack.h"

#define PACK_MAGIC 0x5253534345433031ll   /* "RSSCEC01", also checks byte order */

typedef rs_textbuf out;   /* any bytes: base/text.h */

static void put(out *o, const void *v, size_t n)
{
    if (n)   /* v may be NULL then */
        rs_textbuf_put(o, (const char *)v, n);
}

static void put_i64(out *o, int64_t v) { rs_bytes_put_i64(o, v); }

static int section_index(const rs_section *sec)
{
    for (int i = 0; i < rs_nsections; i++)
        if (rs_sections[i] == sec)
            return i;
    return -1;
}

/* (kind, index) of entity e of s, as kind * 2^32 + index; -1 for none */
static int64_t entity_ref(const rs_scenario *s, const rs_entity *e)
{
    for (int k = 0; e && k < RS_SEC_NKINDS; k++) {
        int n;
        const rs_entity *a = rs_scenario_entities(s, (rs_seckind)k, &n);
        if (a && e >= a && e < a + n)
            return (int64_t)k << 32 | (int64_t)(e - a);
    }
    return -1;
}

static void put_entity(out *o, const rs_scenario *s, const rs_entity *e)
{
    put_i64(o, section_index(e->sec));
    put_i64(o, e->steps ? (int64_t)(e->steps - s->step) : -1);
    for (int p = 0; p < RS_MAX_PARAMS; p++) {
        size_t n = e->text[p] ? strlen(e->text[p]) : 0;
        put_i64(o, e->text[p] ? (int64_t)n : -1);
        put(o, e->text[p], n);
    }
}

rs_status rs_scenario_pack(const rs_scenario *s, unsigned char **buf, size_t *len)
{
    out o;
    rs_textbuf_init(&o);
    *buf = NULL;
    *len = 0;
    put_i64(&o, PACK_MAGIC);
    put_i64(&o, (int64_t)sizeof(rs_scenario));
    put_i64(&o, (int64_t)sizeof(rs_entity));
    put_i64(&o, (int64_t)sizeof(rs_range));
    put_i64(&o, rs_nsections);
    put(&o, s, sizeof *s);
    for (int k = 0; k < RS_SEC_NKINDS; k++) {
        int n;
        const rs_entity *a = rs_scenario_entities(s, (rs_seckind)k, &n);
        if (!rs_kinds[k].single)
            put(&o, a, (size_t)n * sizeof *a);
        for (int i = 0; i < n; i++)
            put_entity(&o, s, &a[i]);
    }
    put(&o, s->step, (size_t)s->nstep * sizeof *s->step);
    put(&o, s->ranges, (size_t)s->nranges * sizeof *s->ranges);
    for (int i = 0; i < s->nranges; i++)
        put_i64(&o, entity_ref(s, s->ranges[i].e));
    put(&o, s->corr, (size_t)s->ncorr * sizeof *s->corr);
    put(&o, s->links, (size_t)s->nlinks * sizeof *s->links);
    for (int i = 0; i < s->nlinks; i++)
        put_i64(&o, entity_ref(s, s->links[i].e));
    if (o.failed) {
        rs_textbuf_release(&o);
        return RS_S_NOMEM;
    }
    *buf = (unsigned char *)o.p;
    *len = o.len;
    return RS_S_OK;
}

typedef rs_bytes_in in;

static void get(in *r, void *v, size_t n) { rs_bytes_get(r, v, n); }

static int64_t get_i64(in *r) { return rs_bytes_get_i64(r); }

/* an array of n elements of `size` bytes from r (at least one byte) */
static void *get_array(in *r, int n, size_t size, int *nomem)
{
    if (n < 0 || (size_t)n > (r->n - r->at) / (size ? size : 1)) {
        r->bad = 1;
        return NULL;
    }
    void *p = malloc(n ? (size_t)n * size : 1);
    if (!p) {
        *nomem = 1;
        return NULL;
    }
    get(r, p, (size_t)n * size);
    return p;
}

static rs_entity *entity_at(const rs_scenario *s, int64_t ref)
{
    if (ref < 0)
        return NULL;
    int k = (int)(ref >> 32), i = (int)(ref & 0xffffffff), n;
    if (k >= RS_SEC_NKINDS)
        return NULL;
    rs_entity *a = rs_scenario_entities(s, (rs_seckind)k, &n);
    return a && i >= 0 && i < n ? a + i : NULL;
}

/* A number of parameter p of a section: its default, or a value its table
 * allows (whole for integers, a choice's index for an enumeration). */
static int value_ok(const rs_param *p, double v)
{
    if (p->type == RS_P_TEXT || p->type == RS_P_REF || v == p->def)
        return 1;
    double lo = p->min, hi = p->max;
    if (p->type == RS_P_ENUM) {
        lo = 0;
        hi = 0;
        for (const char *c = p->choices; c && *c; c++)
            hi += *c == '|';
    }
    return v >= lo && v <= hi && (p->type == RS_P_NUM || v == (double)(int64_t)v);
}

/* The values of an unpacked scenario: those a scenario read and validated
 * can have, so that nothing sized or indexed by them (the horizon, months,
 * ramp lengths, the parameter a range or step sets) leaves its bounds. */
static int values_ok(const rs_scenario *s)
{
    const double h = s->scen.v[SC_HORIZON];
    if (!(h >= 1 && h <= RS_MAX_MONTHS / 12 && h == (double)(int)h))
        return 0;
    for (int k = 0; k < RS_SEC_NKINDS; k++) {
        int n;
        const rs_entity *a = rs_scenario_entities(s, (rs_seckind)k, &n);
        for (int i = 0; a && i < n; i++) {
            const rs_section *sec = a[i].sec;
            const int com_lo = k == RS_SEC_LEVER ? 0 : -1;
            if ((int)sec->kind != k || !memchr(a[i].name, 0, sizeof a[i].name) ||
                a[i].community < com_lo || a[i].community >= s->ncom)
                return 0;
            for (int p = 0; p < sec->nparams; p++)
                if (!value_ok(&sec->params[p], a[i].v[p]))
                    return 0;
            for (int j = 0; j < a[i].nsteps; j++) {
                const rs_step *st = &a[i].steps[j];
                if (st->param < 0 || st->param >= sec->nparams || st->year < 1 || st->year > h ||
                    !value_ok(&sec->params[st->param], st->value))
                    return 0;
            }
            char why[8];
            if (sec->check && sec->check(&a[i], why, sizeof why) >= 0)
                return 0;
        }
    }
    for (int i = 0; i < s->nranges; i++) {
        const rs_range *g = &s->ranges[i];
        if (g->param < 0 || g->param >= g->e->sec->nparams || g->step < -1 ||
            g->step >= s->nstep || !isfinite(g->low) || !isfinite(g->value) ||
            !isfinite(g->high) || (int)g->dist < RS_DIST_TRIANGULAR ||
            (int)g->dist > RS_DIST_LOGNORMAL || !memchr(g->label, 0, sizeof g->label))
            return 0;
    }
    for (int i = 0; i < s->nlinks; i++) {
        const rs_link *l = &s->links[i];
        if (l->param < 0 || l->param >= l->e->sec->nparams || l->step < -1 ||
            l->step >= s->nstep || !memchr(l->label, 0, sizeof l->label))
            return 0;
    }
    for (int i = 0; i < s->ncorr; i++)
        if (!(s->corr[i].rho >= -1 && s->corr[i].rho <= 1))
            return 0;
    return 1;
}

rs_status rs_scenario_unpack(rs_scenario *dst, const unsigned char *buf, size_t len)
{
    in r = {buf, len, 0, 0};
    int nomem = 0;
    if (get_i64(&r) != PACK_MAGIC || get_i64(&r) != (int64_t)sizeof(rs_scenario) ||
        get_i64(&r) != (int64_t)sizeof(rs_entity) || get_i64(&r) != (int64_t)sizeof(rs_range) ||
        get_i64(&r) != rs_nsections)
        return RS_S_INPUT;
    rs_scenario_release(dst);
    get(&r, dst, sizeof *dst);
    /* no pointer of the sender's is kept: clear them before anything can fail */
    for (int k = 0; k < RS_SEC_NKINDS; k++) {
        int n;
        rs_entity *a = rs_scenario_entities(dst, (rs_seckind)k, &n);
        if (rs_kinds[k].single) {
            memset(a->text, 0, sizeof a->text);
            a->steps = NULL;
            a->file = NULL;
        } else {
            rs_entity *none = NULL;
            memcpy((char *)dst + rs_kinds[k].entity, &none, sizeof none);
            if (n < 0)
                r.bad = 1;
        }
    }
    dst->step = NULL;
    dst->ranges = NULL;
    dst->corr = NULL;
    dst->links = NULL;
    int counts[RS_SEC_NKINDS];
    for (int k = 0; k < RS_SEC_NKINDS; k++) {   /* counts read, arrays not yet */
        int n = 0;
        if (!rs_kinds[k].single)
            memcpy(&n, (char *)dst + rs_kinds[k].count, sizeof n);
        counts[k] = n;
        if (!rs_kinds[k].single) {
            int zero = 0;
            memcpy((char *)dst + rs_kinds[k].count, &zero, sizeof zero);
        }
    }
    /* every entity's step offset, fixed up once dst->step is read; counts
     * the bytes cannot hold are refused before anything is allocated */
    int64_t nent = 0;
    for (int k = 0; k < RS_SEC_NKINDS; k++) {
        if (!rs_kinds[k].single && (size_t)counts[k] > (r.n - r.at) / sizeof(rs_entity))
            r.bad = 1;
        nent += rs_kinds[k].single ? 1 : counts[k] > 0 ? counts[k] : 0;
    }
    int64_t *soff = r.bad ? NULL : malloc((size_t)(nent ? nent : 1) * sizeof *soff), at = 0;
    if (!soff && !r.bad)
        nomem = 1;
    for (int k = 0; k < RS_SEC_NKINDS && !r.bad && !nomem; k++) {
        int n = 1;
        rs_entity *a;
        if (rs_kinds[k].single) {
            a = rs_scenario_entities(dst, (rs_seckind)k, &n);
        } else {
            n = counts[k];
            if (!(a = get_array(&r, n, sizeof *a, &nomem)))
                break;
            for (int i = 0; i < n; i++) {
                memset(a[i].text, 0, sizeof a[i].text);
                a[i].steps = NULL;
                a[i].file = NULL;
            }
            memcpy((char *)dst + rs_kinds[k].entity, &a, sizeof a);
            memcpy((char *)dst + rs_kinds[k].count, &n, sizeof n);
        }
        for (int i = 0; i < n && !r.bad && !nomem; i++) {
            int64_t sec = get_i64(&r), step = get_i64(&r);
            a[i].sec = sec >= 0 && sec < rs_nsections ? rs_sections[sec] : NULL;
            if (!a[i].sec || step < -1 || step >= dst->nstep ||
                (step < 0 ? a[i].nsteps != 0
                          : a[i].nsteps < 0 || step + a[i].nsteps > dst->nstep))
                r.bad = 1;
            soff[at++] = step;
            for (int p = 0; p < RS_MAX_PARAMS && !r.bad; p++) {
                int64_t tn = get_i64(&r);
                if (tn < 0)
                    continue;
                if ((uint64_t)tn > r.n - r.at) {
                    r.bad = 1;
                    break;
                }
                if (!(a[i].text[p] = malloc((size_t)tn + 1))) {
                    nomem = 1;
                    break;
                }
                get(&r, a[i].text[p], (size_t)tn);
                a[i].text[p][tn] = '\0';
            }
        }
    }
    if (!r.bad && !nomem && (dst->step = get_array(&r, dst->nstep, sizeof *dst->step, &nomem))) {
        at = 0;
        for (int k = 0; k < RS_SEC_NKINDS; k++) {
            int n;
            rs_entity *a = rs_scenario_entities(dst, (rs_seckind)k, &n);
            for (int i = 0; a && i < n; i++, at++)
                a[i].steps = soff[at] >= 0 ? dst->step + soff[at] : NULL;
        }
    }
    free(soff);
    if (!r.bad && !nomem && (dst->ranges = get_array(&r, dst->nranges, sizeof *dst->ranges, &nomem)))
        for (int i = 0; i < dst->nranges; i++)
            if (!(dst->ranges[i].e = entity_at(dst, get_i64(&r))))
                r.bad = 1;
    if (!r.bad && !nomem)
        dst->corr = get_array(&r, dst->ncorr, sizeof *dst->corr, &nomem);
    if (!r.bad && !nomem && (dst->links = get_array(&r, dst->nlinks, sizeof *dst->links, &nomem)))
        for (int i = 0; i < dst->nlinks; i++)
            if (!(dst->links[i].e = entity_at(dst, get_i64(&r))))
                r.bad = 1;
    for (int i = 0; !r.bad && dst->corr && i < dst->ncorr; i++)
        if (dst->corr[i].a < 0 || dst->corr[i].a >= dst->nranges || dst->corr[i].b < 0 ||
            dst->corr[i].b >= dst->nranges)
            r.bad = 1;
    if (!r.bad && !nomem && r.at == len && dst->step && dst->ranges && dst->corr && dst->links &&
        !values_ok(dst))
        r.bad = 1;
    if (r.bad || nomem || r.at != len || !dst->step || !dst->ranges || !dst->corr || !dst->links) {
        /* release frees what was allocated (entity arrays, texts, arrays) */
        if (!dst->ranges)
            dst->nranges = 0;
        if (!dst->corr)
            dst->ncorr = 0;
        if (!dst->links)
            dst->nlinks = 0;
        rs_scenario_release(dst);
        return nomem ? RS_S_NOMEM : RS_S_INPUT;
    }
    return RS_S_OK;
}
