/* strmap.h: a map from strings to ints (open addressing, FNV-1a), for the
 * lookups that would otherwise scan: rows by (section, key), sections and
 * entities by name. Keys are borrowed: they must outlive the map. */
#ifndef RS_STRMAP_H
#define RS_STRMAP_H

#include <stddef.h>
#include <stdint.h>

typedef struct {
    const char **key;   /* NULL: empty slot */
    int *val;
    uint64_t *hash;     /* each slot's key hash */
    size_t cap, n;      /* cap is a power of two */
} rs_strmap;

/* Caller-owned: zero it (or rs_strmap_init), put/get, rs_strmap_release. */
void rs_strmap_init(rs_strmap *m);
void rs_strmap_release(rs_strmap *m);

/* The value of key, or -1 when absent. */
int rs_strmap_get(const rs_strmap *m, const char *key);

/* Set key to val (val >= 0), replacing an old value (and borrowing this
 * key string instead of the old equal one): 0, or -1 when out of memory
 * (the map is unchanged then). */
int rs_strmap_put(rs_strmap *m, const char *key, int val);

#endif
