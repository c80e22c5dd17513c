/* outset.c: a set of output files written to temporary names and renamed
 * into place together, with a manifest that removes what an earlier run of
 * the same command wrote and this one does not. */
#define _POSIX_C_SOURCE 200809L
#define _DEFAULT_SOURCE   /* flock */
#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
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

/* Write this commit's list of files to the manifest's temporary file tmp
 * (n bytes; finish_manifest puts it in place): part of the set, so a disk
 * too full for it fails the commit. */
static int write_manifest(const rs_outset *o, char *tmp, size_t n, rs_error *err)
{
    snprintf(tmp, n, "%s/%s.%ld.tmp", o->dir, o->manifest, (long)getpid());
    FILE *fp = fopen(tmp, "w");
    int e = fp ? 0 : errno;
    size_t dl = strlen(o->dir);
    for (int i = 0; i < o->n && fp && !e; i++)
        if (fprintf(fp, "%s\n", o->final[i] + dl + 1) < 0)
            e = errno ? errno : EIO;
    if (fp) {
        errno = 0;
        if (fclose(fp) != 0 && !e)
            e = errno ? errno : EIO;
    }
    if (!e)
        return RS_OK;
    unlink(tmp);
    tmp[0] = '\0';
    if (e == ENOMEM)
        return rs_error_set(err, RS_ESOFTWARE, "out of memory");
    return rs_error_set(err, RS_ECANTCREAT, "%s/%s: cannot write: %s", o->dir, o->manifest,
                        strerror(e));
}

/* Remove what the last commit listed and this one does not write, then put
 * this commit's list (tmp) in its place. Best effort: a failure here loses
 * nothing. */
static void finish_manifest(const rs_outset *o, const char *tmp)
{
    char path[4096], line[512];
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
    if (rename(tmp, path) != 0)
        unlink(tmp);
}

/* Take the folder's commit lock (flock on the folder itself, so no lock
 * file is left), so that two revsims committing into one folder at the
 * same time rename their sets one after the other, not interleaved: the
 * folder ends with one complete set. -1 (no lock, go on) when it cannot be
 * had. */
static int lock_dir(const rs_outset *o)
{
    int fd = open(o->dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0)
        return -1;
    while (flock(fd, LOCK_EX) != 0)
        if (errno != EINTR) {
            close(fd);
            return -1;
        }
    return fd;
}

int rs_outset_commit(rs_outset *o, rs_error *err)
{
    int rc = RS_OK;
    struct stat st;
    const int lock = lock_dir(o);   /* released by close, below */
    char mtmp[4200] = "";
    for (int i = 0; i < o->n && !rc; i++)
        if (lstat(o->final[i], &st) == 0 && !S_ISREG(st.st_mode))
            rc = rs_error_set(err, RS_ECANTCREAT, "%s: is in the way (not a regular file); "
                              "nothing was written", o->final[i]);
    if (!rc && o->manifest)
        rc = write_manifest(o, mtmp, sizeof mtmp, err);
    for (int i = 0; i < o->n && !rc; i++)
        if (rename(o->tmp[i], o->final[i]) != 0)
            rc = rs_error_set(err, RS_ECANTCREAT, "%s: cannot rename into place: %s",
                              o->final[i], strerror(errno));
    if (rc) {
        if (mtmp[0])
            unlink(mtmp);
        if (lock >= 0)
            close(lock);
        rs_outset_abort(o);
        return rc;
    }
    if (o->manifest)
        finish_manifest(o, mtmp);
    if (lock >= 0)
        close(lock);
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

