/* strmap.c: string -> int map (strmap.h). Each slot keeps its key's hash,
 * so probing compares strings only on a hash match and growing never
 * reads the keys again. */
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
    free(m->hash);
    memset(m, 0, sizeof *m);
}

/* the slot of key (hash h): where it is, or the empty slot it would take */
static size_t slot(const rs_strmap *m, const char *key, uint64_t h)
{
    size_t i = (size_t)h & (m->cap - 1);
    while (m->key[i] && (m->hash[i] != h || strcmp(m->key[i], key) != 0))
        i = (i + 1) & (m->cap - 1);
    return i;
}

int rs_strmap_get(const rs_strmap *m, const char *key)
{
    if (!m->cap)
        return -1;
    size_t i = slot(m, key, hash(key));
    return m->key[i] ? m->val[i] : -1;
}

static int grow(rs_strmap *m)
{
    size_t cap = m->cap ? 2 * m->cap : 64;
    const char **k = calloc(cap, sizeof *k);
    int *v = malloc(cap * sizeof *v);
    uint64_t *h = malloc(cap * sizeof *h);
    if (!k || !v || !h) {
        free(k);
        free(v);
        free(h);
        return -1;
    }
    for (size_t i = 0; i < m->cap; i++)
        if (m->key[i]) {
            size_t j = (size_t)m->hash[i] & (cap - 1);
            while (k[j])
                j = (j + 1) & (cap - 1);
            k[j] = m->key[i];
            v[j] = m->val[i];
            h[j] = m->hash[i];
        }
    free(m->key);
    free(m->val);
    free(m->hash);
    m->key = k;
    m->val = v;
    m->hash = h;
    m->cap = cap;
    return 0;
}

int rs_strmap_put(rs_strmap *m, const char *key, int val)
{
    if ((m->n + 1) * 2 > m->cap && grow(m) != 0)
        return -1;
    const uint64_t h = hash(key);
    size_t i = slot(m, key, h);
    if (!m->key[i])
        m->n++;
    m->key[i] = key;   /* an equal key replacing an old one: borrow the new string */
    m->val[i] = val;
    m->hash[i] = h;
    return 0;
}
