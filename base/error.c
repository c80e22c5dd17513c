/* error.c: filling an rs_error (always one clean line); what a models/
 * status means. */
#include <stdarg.h>
#include <stdio.h>
#include "error.h"
#include "utf8.h"

int rs_error_set(rs_error *err, int code, const char *fmt, ...)
{
    if (!err || err->code)
        return err ? err->code : code;
    char buf[sizeof err->msg];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    /* one line of text whatever the message quotes (a name with a quoted
     * newline, an escape, bytes that are not UTF-8, a character cut at the
     * end): control characters as spaces, bad bytes as '?' */
    rs_utf8_clean(buf, err->msg, sizeof err->msg);
    err->code = code;
    return code;
}

const char *rs_strerror(rs_status s)
{
    static const char *const text[] = {
        [RS_S_OK] = "no error",
        [RS_S_NOMEM] = "out of memory",
        [RS_S_NOT_PD] = "the correlation matrix is not positive definite",
        [RS_S_NUMERIC] = "a numerical routine failed",
        [RS_S_INPUT] = "invalid input",
    };
    return (unsigned)s < sizeof text / sizeof text[0] && text[s] ? text[s] : "unknown error";
}

int rs_status_code(rs_status s)
{
    return s == RS_S_OK ? RS_OK : s == RS_S_NOT_PD ? RS_EDATA : RS_ESOFTWARE;
}
