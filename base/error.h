/* error.h: the error record functions fill and only main prints. Codes are
 * the process exit statuses (sysexits.h names where one fits). */
#ifndef RS_ERROR_H
#define RS_ERROR_H

enum {
    RS_OK = 0,
    RS_EUSAGE = 2,       /* bad command line */
    RS_EDATA = 65,       /* EX_DATAERR: bad scenario data */
    RS_ENOINPUT = 66,    /* EX_NOINPUT: input missing or unreadable */
    RS_ESOFTWARE = 70,   /* EX_SOFTWARE: internal error, out of memory */
    RS_ECANTCREAT = 73,  /* EX_CANTCREAT: output cannot be written */
    RS_ETOOL = 69        /* EX_UNAVAILABLE: a helper tool (gnuplot) failed */
};

/* Status of a models/ function (pure computation: no messages, no exit
 * codes). The caller turns it into an rs_error with rs_strerror. */
typedef enum {
    RS_S_OK = 0,
    RS_S_NOMEM,          /* out of memory */
    RS_S_NOT_PD,         /* a correlation matrix is not positive definite */
    RS_S_NUMERIC,        /* a numerical routine (GSL) failed */
    RS_S_INPUT           /* the input breaks the function's contract */
} rs_status;

/* One line saying what status s means ("out of memory", ...). */
const char *rs_strerror(rs_status s);

/* The exit code (RS_E*) that fits status s: RS_ESOFTWARE, or RS_EDATA for
 * a matrix that is not positive definite. */
int rs_status_code(rs_status s);

typedef struct {
    int code;
    char msg[1024];
} rs_error;

/* Record code and a printf-style message (first error wins), cleaned to one
 * line (rs_utf8_clean: control characters as spaces, bytes that are not
 * UTF-8 as '?'); returns code. */
int rs_error_set(rs_error *err, int code, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

#endif
