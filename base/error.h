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

typedef struct {
    int code;
    char msg[1024];
} rs_error;

/* Record code and a printf-style message (first error wins); returns code. */
int rs_error_set(rs_error *err, int code, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

#endif
