/* init.c: what the models library needs once per process: GSL's
 * abort-on-error handler switched off, so a failing GSL routine returns a
 * status that the caller checks instead of killing the process. */
#include <pthread.h>
#include <gsl/gsl_errno.h>
#include "draw.h"

static pthread_once_t once = PTHREAD_ONCE_INIT;

static void init_once(void) { gsl_set_error_handler_off(); }

void rs_init(void) { pthread_once(&once, init_once); }
