/* plots.c: the entry points: find gnuplot (and for Chinese a CJK font),
 * draw each chart into a temporary file of the output set through gnuplot's
 * standard output, check the file, and remove this call's charts on error. */
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "gp.h"
#include "plots.h"

/* The charts of one call: the set's size before it, the temporary paths
 * written so far. */
typedef struct {
    int n0;
    const char *path[RS_CHART_N];
    int n;
} drawn;

/* On failure: delete this call's chart files and take their entries out of
 * the set again (they are its last ones), so that a caller that still
 * commits the set (keeping the CSVs) neither renames a half-written chart
 * into place nor trips over a missing one. */
static void remove_drawn(rs_outset *o, drawn *d)
{
    rs_outset_truncate(o, d->n0);
    d->n = 0;
}

/* The file at fd holds a non-empty chart of format f. */
static int check_chart(int fd, rs_plot_format f, const char *name, rs_error *err)
{
    struct stat st;
    unsigned char head[512];
    if (fstat(fd, &st) != 0)
        return rs_error_set(err, RS_ECANTCREAT, "%s: cannot check the chart: %s", name,
                            strerror(errno));
    if (st.st_size == 0)
        return rs_error_set(err, RS_ETOOL, "%s: gnuplot wrote an empty file", name);
    ssize_t n = pread(fd, head, sizeof head - 1, 0);
    if (n < 0)
        return rs_error_set(err, RS_ECANTCREAT, "%s: cannot check the chart: %s", name,
                            strerror(errno));
    head[n] = '\0';
    int ok;
    switch (f) {
    case RS_FMT_PNG: ok = n >= 8 && memcmp(head, "\x89PNG\r\n\x1a\n", 8) == 0; break;
    case RS_FMT_PDF: ok = n >= 5 && memcmp(head, "%PDF-", 5) == 0; break;
    default: ok = strstr((const char *)head, "<svg") != NULL; break;
    }
    if (!ok)
        return rs_error_set(err, RS_ETOOL, "%s: gnuplot did not write a %s file", name,
                            f == RS_FMT_PNG ? "PNG" : f == RS_FMT_PDF ? "PDF" : "SVG");
    return RS_OK;
}

/* Draw chart k into the set: script, temporary path, gnuplot, checks. */
static int draw(rs_outset *o, rs_chart k, const rs_plot_input *in, const rs_plot_opts *opt,
                const char *prog, const char *font, drawn *d, rs_error *err)
{
    char name[32], *script = NULL;
    int rc = rs_plot_script(k, in, opt, font, &script, err);
    if (rc)
        return rc;
    rs_chart_file(k, opt->format, name, sizeof name);
    const char *path = rs_outset_path(o, name, err);
    if (!path) {
        free(script);
        return err->code;
    }
    int fd = open(path, O_RDWR | O_CREAT | O_TRUNC | O_CLOEXEC, 0666);
    if (fd < 0) {
        rc = rs_error_set(err, RS_ECANTCREAT, "%s/%s: cannot write: %s", o->dir, name,
                          strerror(errno));
        free(script);
        return rc;
    }
    d->path[d->n++] = path;
    rc = rs_gp_run(prog, script, strlen(script), fd, name, err);
    if (!rc)
        rc = check_chart(fd, opt->format, name, err);
    if (close(fd) != 0 && !rc)
        rc = rs_error_set(err, RS_ECANTCREAT, "%s/%s: write failed: %s", o->dir, name,
                          strerror(errno));
    free(script);
    return rc;
}

/* Program to run, or NULL with the warning in err->msg (code left 0). */
static const char *find_gnuplot(const rs_plot_opts *opt, rs_error *err)
{
    const char *prog = opt->gnuplot ? opt->gnuplot : "gnuplot";
    if (rs_gp_available(prog))
        return prog;
    if (!err->code)
        snprintf(err->msg, sizeof err->msg,
                 "gnuplot not found (%s): charts not written; install it with "
                 "'sudo apt-get install gnuplot-nox', or use --no-plots",
                 prog);
    return NULL;
}

/* Terminal font family: NULL (cairo's "Sans") in English; for Chinese an
 * installed CJK font, pinned because gnuplot draws boxes without one. */
static int pick_font(const rs_plot_opts *opt, char *buf, size_t n, const char **font,
                     rs_error *err)
{
    *font = NULL;
    if (opt->lang != RS_LANG_ZH)
        return RS_OK;
    if (rs_gp_cjk_font(rs_gp_cjk_fonts, rs_gp_ncjk_fonts, "fc-list", buf, n) != 0)
        return rs_error_set(err, RS_ETOOL,
                            "no Chinese (CJK) font found for --lang zh charts (gnuplot would draw "
                            "empty boxes): install one with 'sudo apt-get install "
                            "fonts-wqy-microhei'");
    *font = buf;
    return RS_OK;
}

static const rs_plot_opts default_opts = {RS_FMT_PNG, RS_LANG_EN, NULL};

int rs_plots_write(rs_outset *o, const rs_scenario *s, const rs_results *r,
                   const rs_mc_results *mc, const rs_plot_opts *opt, int *warned,
                   rs_error *err)
{
    char fontbuf[256];
    const char *font;
    drawn d = {o->n, {NULL}, 0};
    if (warned)
        *warned = 0;
    if (!opt)
        opt = &default_opts;
    const char *prog = find_gnuplot(opt, err);
    if (!prog) {
        if (warned)
            *warned = 1;
        return RS_OK;
    }
    int rc = pick_font(opt, fontbuf, sizeof fontbuf, &font, err);
    if (rc)
        return rc;
    rs_plot_input in = {s, r, mc, NULL, NULL, 0, NULL, 0};
    int with_mc = mc && mc->runs > 0 && mc->yearly && mc->npv;
    for (int k = RS_CHART_COVERAGE; k <= RS_CHART_NPV_HIST && !rc; k++) {
        if (k >= RS_CHART_FAN_NET && !with_mc)
            break;
        rc = draw(o, (rs_chart)k, &in, opt, prog, font, &d, err);
    }
    if (rc)
        remove_drawn(o, &d);
    return rc;
}

int rs_plot_tornado(rs_outset *o, const rs_scenario *s, const char *metric_name,
                    const char *metric_label, double base, const rs_tornado_row *rows, int n,
                    const rs_plot_opts *opt, rs_error *err)
{
    char fontbuf[256];
    const char *font;
    drawn d = {o->n, {NULL}, 0};
    if (!opt)
        opt = &default_opts;
    const char *prog = find_gnuplot(opt, err);
    if (!prog)
        return RS_OK;
    int rc = pick_font(opt, fontbuf, sizeof fontbuf, &font, err);
    if (rc)
        return rc;
    rs_plot_input in = {s, NULL, NULL, metric_name, metric_label, base, rows, n};
    rc = draw(o, RS_CHART_TORNADO, &in, opt, prog, font, &d, err);
    if (rc)
        remove_drawn(o, &d);
    return rc;
}
