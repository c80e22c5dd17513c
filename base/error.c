/* error.c: filling an rs_error. */
#include <stdarg.h>
#include <stdio.h>
#include "error.h"

int rs_error_set(rs_error *err, int code, const char *fmt, ...)
{
    if (!err || err->code)
        return err ? err->code : code;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(err->msg, sizeof err->msg, fmt, ap);
    va_end(ap);
    err->code = code;
    return code;
}
