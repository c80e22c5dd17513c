/* strmap.c: string -> int map (strmap.h). */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "strmap.h"

static uint64_t hash(const char *s)
{
    uint64_t h = 0xcbf29ce484222325ull;
    for (const unsigned char *p = (const unsigned char *)s; *p; p++)
        h = (h ^ *p) * 0x100000001b3ull;
    return h;
}

void rs_strmap_init(rs_strmap *m) { memset(m, 0, sizeof *m); }

void rs_strmap_release(rs_strmap *m)
{
    free(m->key);
    free(m->val);
    memset(m, 0, sizeof *m);
}

static size_t slot(const char *const *keys, size_t cap, const char *key)
{
    size_t i = (size_t)hash(key) & (cap - 1);
    while (keys[i] && strcmp(keys[i], key) != 0)
        i = (i + 1) & (cap - 1);
    return i;
}

int rs_strmap_get(const rs_strmap *m, const char *key)
{
    if (!m->cap)
        return -1;
    size_t i = slot(m->key, m->cap, key);
    return m->key[i] ? m->val[i] : -1;
}

static int grow(rs_strmap *m)
{
    size_t cap = m->cap ? 2 * m->cap : 64;
    const char **k = calloc(cap, sizeof *k);
    int *v = malloc(cap * sizeof *v);
    if (!k || !v) {
        free(k);
        free(v);
        return -1;
    }
    for (size_t i = 0; i < m->cap; i++)
        if (m->key[i]) {
            size_t j = slot(k, cap, m->key[i]);
            k[j] = m->key[i];
            v[j] = m->val[i];
        }
    free(m->key);
    free(m->val);
    m->key = k;
    m->val = v;
    m->cap = cap;
    return 0;
}

int rs_strmap_put(rs_strmap *m, const char *key, int val)
{
    if ((m->n + 1) * 2 > m->cap && grow(m) != 0)
        return -1;
    size_t i = slot(m->key, m->cap, key);
    if (!m->key[i])
        m->n++;
    m->key[i] = key;   /* an equal key replacing an old one: borrow the new string */
    m->val[i] = val;
    return 0;
}
