/* outset.c: a set of output files written to temporary names and renamed
 * into place together, with a manifest that removes what an earlier run of
 * the same command wrote and this one does not. */
#define _POSIX_C_SOURCE 200809L
#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "outset.h"

static int mkdir_p(const char *dir)
{
    char buf[4096];
    size_t n = strlen(dir);
    if (n == 0 || n >= sizeof buf) {
        errno = n ? ENAMETOOLONG : EINVAL;
        return -1;
    }
    memcpy(buf, dir, n + 1);
    for (size_t i = 1; i <= n; i++)
        if (buf[i] == '/' || buf[i] == '\0') {
            char c = buf[i];
            buf[i] = '\0';
            if (mkdir(buf, 0777) != 0 && errno != EEXIST)
                return -1;
            buf[i] = c;
        }
    struct stat st;
    if (stat(dir, &st) != 0 || !S_ISDIR(st.st_mode)) {
        errno = ENOTDIR;
        return -1;
    }
    return 0;
}

/* Remove temporary files ".NAME.PID.tmp" left by a revsim that was killed
 * (its PID no longer runs). */
static void sweep_orphans(const char *dir)
{
    DIR *d = opendir(dir);
    struct dirent *de;
    if (!d)
        return;
    while ((de = readdir(d))) {
        const char *n = de->d_name;
        size_t len = strlen(n);
        if (n[0] != '.' || len < 7 || strcmp(n + len - 4, ".tmp") != 0)
            continue;
        const char *dot = n + len - 5;          /* the '.' before ".tmp" ends the PID */
        while (dot > n && isdigit((unsigned char)*dot))
            dot--;
        if (*dot != '.' || dot == n + len - 5)
            continue;
        long pid = strtol(dot + 1, NULL, 10);
        if (pid <= 0 || pid == (long)getpid() || kill((pid_t)pid, 0) == 0 || errno != ESRCH)
            continue;
        char path[4096];
        snprintf(path, sizeof path, "%s/%s", dir, n);
        unlink(path);
    }
    closedir(d);
}

int rs_outset_init(rs_outset *o, const char *dir, int excel, rs_error *err)
{
    memset(o, 0, sizeof *o);
    o->excel = excel;
    if (mkdir_p(dir) != 0)
        return rs_error_set(err, RS_ECANTCREAT, "%s: cannot create output folder: %s", dir,
                            strerror(errno));
    if (access(dir, W_OK) != 0)
        return rs_error_set(err, RS_ECANTCREAT, "%s: output folder is not writable: %s", dir,
                            strerror(errno));
    if (!(o->dir = strdup(dir)))
        return rs_error_set(err, RS_ESOFTWARE, "out of memory");
    sweep_orphans(dir);
    return RS_OK;
}

const char *rs_outset_path(rs_outset *o, const char *name, rs_error *err)
{
    if (o->n >= RS_OUT_MAX) {
        rs_error_set(err, RS_ESOFTWARE, "too many output files");
        return NULL;
    }
    size_t n = strlen(o->dir) + strlen(name) + 64;
    char *fin = malloc(n), *tmp = malloc(n);
    if (!fin || !tmp) {
        free(fin);
        free(tmp);
        rs_error_set(err, RS_ESOFTWARE, "out of memory");
        return NULL;
    }
    snprintf(fin, n, "%s/%s", o->dir, name);
    snprintf(tmp, n, "%s/.%s.%ld.tmp", o->dir, name, (long)getpid());
    o->final[o->n] = fin;
    o->tmp[o->n] = tmp;
    o->n++;
    return tmp;
}

static void release(rs_outset *o)
{
    for (int i = 0; i < o->n; i++) {
        free(o->tmp[i]);
        free(o->final[i]);
    }
    free(o->dir);
    memset(o, 0, sizeof *o);
}

/* 1 when name (no folder part) is among the set's final files. */
static int in_set(const rs_outset *o, const char *name)
{
    size_t dl = strlen(o->dir);
    for (int i = 0; i < o->n; i++)
        if (strcmp(o->final[i] + dl + 1, name) == 0)
            return 1;
    return 0;
}

/* Remove what the last commit listed and this one does not write; list
 * this commit's files. Best effort: a failure here loses nothing. */
static void update_manifest(const rs_outset *o)
{
    char path[4096], tmp[4200], line[512];
    snprintf(path, sizeof path, "%s/%s", o->dir, o->manifest);
    FILE *fp = fopen(path, "r");
    if (fp) {
        while (fgets(line, sizeof line, fp)) {
            line[strcspn(line, "\r\n")] = '\0';
            if (!*line || line[0] == '.' || strchr(line, '/') || in_set(o, line))
                continue;
            char old[4700];
            struct stat st;
            snprintf(old, sizeof old, "%s/%s", o->dir, line);
            if (lstat(old, &st) == 0 && S_ISREG(st.st_mode))
                unlink(old);
        }
        fclose(fp);
    }
    snprintf(tmp, sizeof tmp, "%s.%ld.tmp", path, (long)getpid());
    if (!(fp = fopen(tmp, "w")))
        return;
    size_t dl = strlen(o->dir);
    for (int i = 0; i < o->n; i++)
        fprintf(fp, "%s\n", o->final[i] + dl + 1);
    if (fclose(fp) == 0)
        rename(tmp, path);
    else
        unlink(tmp);
}

int rs_outset_commit(rs_outset *o, rs_error *err)
{
    int rc = RS_OK;
    struct stat st;
    for (int i = 0; i < o->n && !rc; i++)
        if (lstat(o->final[i], &st) == 0 && !S_ISREG(st.st_mode))
            rc = rs_error_set(err, RS_ECANTCREAT, "%s: is in the way (not a regular file); "
                              "nothing was written", o->final[i]);
    for (int i = 0; i < o->n && !rc; i++)
        if (rename(o->tmp[i], o->final[i]) != 0)
            rc = rs_error_set(err, RS_ECANTCREAT, "%s: cannot rename into place: %s",
                              o->final[i], strerror(errno));
    if (rc) {
        rs_outset_abort(o);
        return rc;
    }
    if (o->manifest)
        update_manifest(o);
    release(o);
    return RS_OK;
}

void rs_outset_truncate(rs_outset *o, int n)
{
    while (o->n > n && o->n > 0) {
        o->n--;
        unlink(o->tmp[o->n]);
        free(o->tmp[o->n]);
        free(o->final[o->n]);
        o->tmp[o->n] = o->final[o->n] = NULL;
    }
}

void rs_outset_abort(rs_outset *o)
{
    for (int i = 0; i < o->n; i++)
        unlink(o->tmp[i]);
    release(o);
}

