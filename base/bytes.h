/* bytes.h: plain data as bytes and back, for what one process sends
 * another of the same build (Monte Carlo parts, scenarios: revsim-mpi).
 * Written with rs_textbuf (base/text.h), which takes any bytes; read with
 * rs_bytes_in, which never reads past its end. Native byte order: a writer
 * puts a magic number first that a reader of the other order cannot match. */
#ifndef RS_BYTES_H
#define RS_BYTES_H

#include <stddef.h>
#include <stdint.h>
#include "text.h"

/* Append v's 8 bytes. */
void rs_bytes_put_i64(rs_textbuf *b, int64_t v);

/* Bytes being read: `bad` once a read ran past the end (it then reads
 * zeros), or a caller found them wrong. */
typedef struct {
    const unsigned char *b;
    size_t n, at;
    int bad;
} rs_bytes_in;

/* The next n bytes into v. */
void rs_bytes_get(rs_bytes_in *r, void *v, size_t n);
int64_t rs_bytes_get_i64(rs_bytes_in *r);

/* Bytes left to read. */
static inline size_t rs_bytes_left(const rs_bytes_in *r) { return r->n - r->at; }

#endif
