/* gprun.c: running gnuplot (and fc-list) without a shell: posix_spawnp, the
 * script through a pipe with SIGPIPE ignored, exit status checked, standard
 * error captured for the message; finding a CJK font for Chinese charts. */
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include "gp.h"

extern char **environ;

const rs_gp_font rs_gp_cjk_fonts[] = {
    {"WenQuanYi Micro Hei", "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"},
    {"WenQuanYi Zen Hei", "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc"},
    {"Noto Sans CJK SC", "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"},
    {"Droid Sans Fallback", "/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf"},
};
const int rs_gp_ncjk_fonts = sizeof rs_gp_cjk_fonts / sizeof rs_gp_cjk_fonts[0];

static int is_exec(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 && S_ISREG(st.st_mode) && access(path, X_OK) == 0;
}

int rs_gp_available(const char *prog)
{
    if (!prog || !*prog)
        return 0;
    if (strchr(prog, '/'))
        return is_exec(prog);
    const char *path = getenv("PATH");
    if (!path)
        path = "/usr/local/bin:/usr/bin:/bin";
    char buf[4096];
    for (const char *p = path;;) {
        const char *colon = strchr(p, ':');
        size_t len = colon ? (size_t)(colon - p) : strlen(p);
        int n = len ? snprintf(buf, sizeof buf, "%.*s/%s", (int)len, p, prog)
                    : snprintf(buf, sizeof buf, "./%s", prog);
        if (n > 0 && (size_t)n < sizeof buf && is_exec(buf))
            return 1;
        if (!colon)
            return 0;
        p = colon + 1;
    }
}

/* fd moved to a number above 2 with close-on-exec set, so that the child's
 * dup2 onto 0, 1, 2 always happens and no other child inherits it; -1 on
 * error (fd is closed either way). */
static int high_cloexec(int fd)
{
    if (fd < 0)
        return -1;
    int h = fcntl(fd, F_DUPFD_CLOEXEC, 3);
    close(fd);
    return h;
}

/* The gist of gnuplot's standard error: its last two meaningful lines (the
 * "gnuplot> command" echo and the "^" marker skipped), control characters
 * replaced, into out. */
static void gist(FILE *fp, char *out, size_t n)
{
    char buf[8192];
    out[0] = '\0';
    if (!fp || fseek(fp, 0, SEEK_SET) != 0)
        return;
    size_t len = fread(buf, 1, sizeof buf - 1, fp);
    buf[len] = '\0';
    const char *keep[2] = {NULL, NULL};
    for (char *line = buf; line && *line;) {
        char *nl = strchr(line, '\n');
        if (nl)
            *nl = '\0';
        while (*line == ' ' || *line == '\t')
            line++;
        if (*line && *line != '^' && strncmp(line, "gnuplot>", 8) != 0) {
            keep[0] = keep[1];
            keep[1] = line;
        }
        line = nl ? nl + 1 : NULL;
    }
    if (snprintf(out, n, "%s%s%s", keep[0] ? keep[0] : "", keep[0] && keep[1] ? "; " : "",
                 keep[1] ? keep[1] : "") < 0)
        out[0] = '\0';
    for (char *p = out; *p; p++)
        if ((unsigned char)*p < 0x20 || *p == 0x7F)
            *p = ' ';
}

/* Start argv[0] without a shell with stdin, stdout, stderr on the fds given;
 * 0 and *pid, or an errno value. */
static int spawn(char *const argv[], int in, int out, int errfd, pid_t *pid)
{
    posix_spawn_file_actions_t fa;
    int rc = posix_spawn_file_actions_init(&fa);
    if (rc)
        return rc;
    if (!(rc = posix_spawn_file_actions_adddup2(&fa, in, 0)) &&
        !(rc = posix_spawn_file_actions_adddup2(&fa, out, 1)) &&
        !(rc = posix_spawn_file_actions_adddup2(&fa, errfd, 2)))
        rc = posix_spawnp(pid, argv[0], &fa, NULL, argv, environ);
    posix_spawn_file_actions_destroy(&fa);
    return rc;
}

/* Milliseconds gnuplot may take for one chart: RS_GP_TIMEOUT_MS, or
 * $REVSIM_GNUPLOT_TIMEOUT seconds (the tests shorten it). */
static long timeout_ms(void)
{
    const char *e = getenv("REVSIM_GNUPLOT_TIMEOUT");
    long s = e && *e ? strtol(e, NULL, 10) : 0;
    return s > 0 ? s * 1000 : RS_GP_TIMEOUT_MS;
}

static long now_ms(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (long)t.tv_sec * 1000 + t.tv_nsec / 1000000;
}

/* Wait for the child until the deadline; then kill it (*killed = 1). */
static int wait_child(pid_t pid, int *status, long deadline, int *killed)
{
    for (;;) {
        pid_t w = waitpid(pid, status, WNOHANG);
        if (w == pid)
            return 0;
        if (w < 0 && errno != EINTR)
            return -1;
        if (now_ms() >= deadline && !*killed) {
            kill(pid, SIGKILL);
            *killed = 1;
        }
        struct timespec nap = {0, 5 * 1000000L};
        nanosleep(&nap, NULL);
    }
}

/* Write all n bytes of buf to fd; 0 or an errno value (ENOSPC, EIO, ...). */
static int write_all(int fd, const char *buf, size_t n)
{
    while (n > 0) {
        ssize_t k = write(fd, buf, n);
        if (k < 0 && errno == EINTR)
            continue;
        if (k <= 0)
            return k < 0 && errno ? errno : EIO;
        buf += k;
        n -= (size_t)k;
    }
    return 0;
}

int rs_gp_run(const char *prog, const char *script, size_t len, int out_fd,
              const char *what, rs_error *err)
{
    int fds[2] = {-1, -1}, ofds[2] = {-1, -1}, rd = -1, wr = -1, ord = -1, owr = -1,
        errfd = -1, rc = RS_OK, status = 0;
    FILE *errfp = NULL;
    pid_t pid;
    char msg[600];
    struct sigaction ign, old;
    int sig_set = 0;

    if (pipe(fds) != 0 || pipe(ofds) != 0) {
        rc = rs_error_set(err, RS_ETOOL, "%s: cannot create a pipe to gnuplot: %s", what,
                          strerror(errno));
        if (fds[0] >= 0) {
            close(fds[0]);
            close(fds[1]);
        }
        goto out;
    }
    rd = high_cloexec(fds[0]);
    wr = high_cloexec(fds[1]);
    ord = high_cloexec(ofds[0]);
    owr = high_cloexec(ofds[1]);
    errfp = tmpfile();
    errfd = errfp ? fcntl(fileno(errfp), F_DUPFD_CLOEXEC, 3) : -1;
    if (rd < 0 || wr < 0 || ord < 0 || owr < 0 || errfd < 0) {
        rc = rs_error_set(err, RS_ETOOL, "%s: cannot set up gnuplot's input and output: %s",
                          what, strerror(errno));
        goto out;
    }
    char *argv[] = {(char *)prog, (char *)"-d", NULL};
    int e = spawn(argv, rd, owr, errfd, &pid);
    close(owr);
    owr = -1;
    close(rd);
    rd = -1;
    if (e) {
        rc = rs_error_set(err, RS_ETOOL, "%s: cannot run '%s': %s", what, prog, strerror(e));
        goto out;
    }

    /* the script goes in and the chart comes out at the same time (either
     * may fill its pipe); revsim writes the chart to out_fd itself, so a
     * full disk is seen at the write that fails (gnuplot exits 0 with a
     * cut-off file when its own writes fail) */
    memset(&ign, 0, sizeof ign);
    ign.sa_handler = SIG_IGN;
    sigemptyset(&ign.sa_mask);
    sig_set = sigaction(SIGPIPE, &ign, &old) == 0;
    int werr = 0, oerr = 0, killed = 0;
    const long deadline = now_ms() + timeout_ms();
    fcntl(wr, F_SETFL, fcntl(wr, F_GETFL) | O_NONBLOCK);
    fcntl(ord, F_SETFL, fcntl(ord, F_GETFL) | O_NONBLOCK);
    size_t off = 0;
    if (len == 0) {
        close(wr);
        wr = -1;
    }
    while (wr >= 0 || ord >= 0) {
        struct pollfd pfd[2] = {{wr, POLLOUT, 0}, {ord, POLLIN, 0}};
        long left = deadline - now_ms();
        if (left <= 0) {
            kill(pid, SIGKILL);   /* not reading its script, or not finishing, in time */
            killed = 1;
            break;
        }
        int np = poll(pfd, 2, (int)(left < 1000 ? left : 1000));
        if (np < 0 && errno == EINTR)
            continue;
        if (np < 0) {
            werr = errno;
            break;
        }
        if (wr >= 0 && (pfd[0].revents & (POLLOUT | POLLERR | POLLHUP))) {
            ssize_t k = write(wr, script + off, len - off);
            if (k < 0 && errno != EINTR && errno != EAGAIN)
                werr = errno;
            else if (k > 0)
                off += (size_t)k;
            if (werr || off == len) {
                if (close(wr) != 0 && !werr && errno != EINTR)
                    werr = errno;
                wr = -1;
            }
        }
        if (ord >= 0 && (pfd[1].revents & (POLLIN | POLLERR | POLLHUP))) {
            char buf[65536];
            ssize_t k = read(ord, buf, sizeof buf);
            if (k < 0 && (errno == EINTR || errno == EAGAIN))
                continue;
            if (k <= 0) {   /* end of the chart (or a read error: as if it ended) */
                close(ord);
                ord = -1;
            } else if (!oerr && (oerr = write_all(out_fd, buf, (size_t)k)) != 0) {
                kill(pid, SIGKILL);   /* nowhere to put the rest */
                close(ord);
                ord = -1;
            }
        }
    }
    if (sig_set)
        sigaction(SIGPIPE, &old, NULL);
    sig_set = 0;

    if (wait_child(pid, &status, deadline, &killed) != 0) {
        rc = rs_error_set(err, RS_ETOOL, "%s: cannot wait for gnuplot: %s", what,
                          strerror(errno));
        goto out;
    }
    gist(errfp, msg, sizeof msg);
    if (oerr)
        rc = rs_error_set(err, RS_ECANTCREAT, "%s: cannot write the chart: %s", what,
                          strerror(oerr));
    else if (killed)
        rc = rs_error_set(err, RS_ETOOL, "%s: gnuplot (%s) did not finish within %ld s and was "
                          "stopped", what, prog, timeout_ms() / 1000);
    else if (WIFSIGNALED(status))
        rc = rs_error_set(err, RS_ETOOL, "%s: gnuplot (%s) died with signal %d%s%s", what, prog,
                          WTERMSIG(status), msg[0] ? ": " : "", msg);
    else if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
        rc = rs_error_set(err, RS_ETOOL, "%s: gnuplot (%s) failed with exit status %d%s%s",
                          what, prog, WIFEXITED(status) ? WEXITSTATUS(status) : -1,
                          msg[0] ? ": " : "", msg);
    else if (werr)
        rc = rs_error_set(err, RS_ETOOL, "%s: writing the script to gnuplot (%s) failed: %s",
                          what, prog, strerror(werr));
out:
    if (sig_set)
        sigaction(SIGPIPE, &old, NULL);
    if (rd >= 0)
        close(rd);
    if (wr >= 0)
        close(wr);
    if (ord >= 0)
        close(ord);
    if (owr >= 0)
        close(owr);
    if (errfd >= 0)
        close(errfd);
    if (errfp)
        fclose(errfp);
    return rc;
}

/* First family fclist lists for :lang=zh, before any ',' alias; -1 if none. */
static int fclist_family(const char *fclist, char *out, size_t n)
{
    int fds[2], rd = -1, wr = -1, devnull = -1, found = -1, status;
    pid_t pid;
    if (!rs_gp_available(fclist) || pipe(fds) != 0)
        return -1;
    rd = high_cloexec(fds[0]);
    wr = high_cloexec(fds[1]);
    devnull = high_cloexec(open("/dev/null", O_RDWR));
    char *argv[] = {(char *)fclist, (char *)":lang=zh", (char *)"family", NULL};
    if (rd >= 0 && wr >= 0 && devnull >= 0 && spawn(argv, devnull, wr, devnull, &pid) == 0) {
        close(wr);
        wr = -1;
        char buf[4096], sink[4096];
        size_t len = 0;
        for (;;) { /* keep the first 4 KiB, drain the rest so fc-list can finish */
            char *to = len < sizeof buf - 1 ? buf + len : sink;
            size_t room = len < sizeof buf - 1 ? sizeof buf - 1 - len : sizeof sink;
            ssize_t k = read(rd, to, room);
            if (k < 0 && errno == EINTR)
                continue;
            if (k <= 0)
                break;
            if (to == buf + len)
                len += (size_t)k;
        }
        buf[len] = '\0';
        close(rd);
        rd = -1;
        int killed = 0;
        if (wait_child(pid, &status, now_ms() + timeout_ms(), &killed) == 0 && !killed &&
            WIFEXITED(status) && WEXITSTATUS(status) == 0) {
            size_t fam = strcspn(buf, ",\n");
            if (fam > 0 && fam < n) {
                memcpy(out, buf, fam);
                out[fam] = '\0';
                found = 0;
            }
        }
    }
    if (rd >= 0)
        close(rd);
    if (wr >= 0)
        close(wr);
    if (devnull >= 0)
        close(devnull);
    return found;
}

int rs_gp_cjk_font(const rs_gp_font *cand, int ncand, const char *fclist, char *out,
                   size_t n)
{
    for (int i = 0; i < ncand; i++)
        if (access(cand[i].file, R_OK) == 0 && strlen(cand[i].family) < n) {
            strcpy(out, cand[i].family);
            return 0;
        }
    return fclist ? fclist_family(fclist, out, n) : -1;
}
