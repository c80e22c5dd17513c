/* bytes.c: plain data as bytes and back (bytes.h). */
#include <string.h>
#include "bytes.h"

void rs_bytes_put_i64(rs_textbuf *b, int64_t v) { rs_textbuf_put(b, (const char *)&v, sizeof v); }

void rs_bytes_get(rs_bytes_in *r, void *v, size_t n)
{
    if (r->bad || n > r->n - r->at) {
        r->bad = 1;
        if (n)
            memset(v, 0, n);
        return;
    }
    if (n)
        memcpy(v, r->b + r->at, n);
    r->at += n;
}

int64_t rs_bytes_get_i64(rs_bytes_in *r)
{
    int64_t v;
    rs_bytes_get(r, &v, sizeof v);
    return v;
}
