/* testutil.c: shared cmocka helpers. */
#define _XOPEN_SOURCE 700
#include <dirent.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include "testutil.h"

void rs_check_rel(double got, double want, double rtol, const char *desc,
                  const char *file, int line)
{
    int ok;
    if (isnan(want))
        ok = isnan(got);
    else
        ok = !isnan(got) && fabs(got - want) <= rtol * (want == 0 ? 1.0 : fabs(want));
    if (!ok) {
        print_error("%s = %.17g, expected %.17g (rtol %g)\n", desc, got, want, rtol);
        _fail(file, line);
    }
}

const char *rs_test_file(const char *dir, const char *name, const char *text)
{
    static char paths[8][512];
    static int slot;
    char *p = paths[slot++ % 8];
    mkdir(dir, 0777);
    snprintf(p, 512, "%s/%s", dir, name);
    FILE *fp = fopen(p, "wb");
    if (!fp) {
        print_error("cannot write %s\n", p);
        fail();
    }
    fputs(text, fp);
    fclose(fp);
    return p;
}

const char *rs_test_dir(void)
{
    static char buf[64];
    snprintf(buf, sizeof buf, "/tmp/revsim-test-XXXXXX");
    return mkdtemp(buf);
}

char *rs_test_slurp(const char *path, size_t *len)
{
    FILE *fp = fopen(path, "rb");
    if (!fp)
        return NULL;
    fseek(fp, 0, SEEK_END);
    long n = ftell(fp);
    fseek(fp, 0, SEEK_SET);
    char *buf = malloc((size_t)n + 1);
    size_t got = fread(buf, 1, (size_t)n, fp);
    buf[got] = '\0';
    fclose(fp);
    if (len)
        *len = got;
    return buf;
}

int rs_test_dir_count(const char *dir)
{
    DIR *d = opendir(dir);
    int n = 0;
    struct dirent *e;
    if (!d)
        return -1;
    while ((e = readdir(d)))
        n += strcmp(e->d_name, ".") != 0 && strcmp(e->d_name, "..") != 0;
    closedir(d);
    return n;
}
