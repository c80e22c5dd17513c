/* failmalloc.c: an LD_PRELOAD library that makes allocations fail on
 * purpose (SQLite's habit), for tests/failmalloc.sh.
 *   FAILMALLOC_N=N       the N-th call (1-based) of malloc, calloc, realloc,
 *                        strdup or strndup in this process returns NULL with
 *                        errno ENOMEM (counted over every thread, libraries
 *                        included: stdio, GSL, libcsv, iconv, ...; and over
 *                        the children it forks without exec, such as the
 *                        workbook writer: they share one count)
 *   FAILMALLOC_MODE=all  every call from the N-th on fails (default: only
 *                        the N-th, "once")
 *   FAILMALLOC_COUNT=F   at exit, write the number of calls made to file F
 *   FAILMALLOC_TRACE=1   print the stack of the failing call to standard
 *                        error (to find the caller; not for the sweep);
 *                        FAILMALLOC_TRACE=FILE: append it to FILE instead
 *                        (a child's stderr may not reach the terminal)
 * The variables are read once and removed from the environment, so programs
 * started by the process under test (gnuplot) allocate normally. Not for
 * ASan builds: ASan brings its own allocator. */
#define _GNU_SOURCE
#include <errno.h>
#include <execinfo.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

extern void *__libc_malloc(size_t n);
extern void *__libc_calloc(size_t n, size_t size);
extern void *__libc_realloc(void *p, size_t n);

static long fail_at;        /* 0: never */
static int fail_all;
static char count_file[512];
static int trace;          /* 0: no trace; else the descriptor to write it to */
static long own_calls;
static long *calls = &own_calls;   /* updated atomically; shared with forked children */

__attribute__((constructor)) static void failmalloc_init(void)
{
    const char *n = getenv("FAILMALLOC_N"), *m = getenv("FAILMALLOC_MODE"),
               *c = getenv("FAILMALLOC_COUNT");
    fail_at = n ? strtol(n, NULL, 10) : 0;
    fail_all = m && strcmp(m, "all") == 0;
    const char *t = getenv("FAILMALLOC_TRACE");
    if (t) {
        trace = strcmp(t, "1") == 0 ? 2 : open(t, O_WRONLY | O_CREAT | O_APPEND, 0644);
        if (trace < 0)
            trace = 2;
        void *f[2];
        backtrace(f, 2);   /* loads what backtrace needs now, not at the failing call */
    }
    if (c && strlen(c) < sizeof count_file)
        strcpy(count_file, c);
    unsetenv("FAILMALLOC_N");
    unsetenv("FAILMALLOC_MODE");
    unsetenv("FAILMALLOC_COUNT");
    unsetenv("FAILMALLOC_TRACE");
    void *shared = mmap(NULL, sizeof *calls, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS,
                        -1, 0);
    if (shared != MAP_FAILED)
        calls = shared;
    /* the calls before main (the loader, constructors) are not counted */
    __atomic_store_n(calls, 0, __ATOMIC_SEQ_CST);
}

__attribute__((destructor)) static void failmalloc_done(void)
{
    if (!count_file[0])
        return;
    char buf[32];
    int len = snprintf(buf, sizeof buf, "%ld\n", __atomic_load_n(calls, __ATOMIC_SEQ_CST));
    int fd = open(count_file, O_WRONLY | O_CREAT | O_TRUNC, 0644);
    if (fd >= 0) {
        if (write(fd, buf, (size_t)len) != len)
            perror(count_file);
        close(fd);
    }
}

/* 1 when this call is to fail */
static int fails(void)
{
    long k = __atomic_add_fetch(calls, 1, __ATOMIC_SEQ_CST);
    if (fail_at > 0 && (k == fail_at || (fail_all && k > fail_at))) {
        if (trace && k == fail_at) {
            void *f[32];
            backtrace_symbols_fd(f, backtrace(f, 32), trace);
        }
        errno = ENOMEM;
        return 1;
    }
    return 0;
}

void *malloc(size_t n)
{
    return fails() ? NULL : __libc_malloc(n);
}

void *calloc(size_t n, size_t size)
{
    return fails() ? NULL : __libc_calloc(n, size);
}

void *realloc(void *p, size_t n)
{
    return fails() ? NULL : __libc_realloc(p, n);
}

char *strdup(const char *s)
{
    size_t n = strlen(s) + 1;
    char *d = fails() ? NULL : __libc_malloc(n);
    return d ? memcpy(d, s, n) : NULL;
}

char *strndup(const char *s, size_t max)
{
    size_t n = strnlen(s, max);
    char *d = fails() ? NULL : __libc_malloc(n + 1);
    if (d) {
        memcpy(d, s, n);
        d[n] = '\0';
    }
    return d;
}
