/* svg.c: any chart (a run's or a comparison's) drawn as SVG text in
 * memory, for a page that embeds it (report.html): gnuplot found once, the
 * chart's script run into a temporary file and read back. */
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "gpdraw.h"
#include "svg.h"

int rs_plot_svg_init(rs_plot_svg *p, const rs_plot_opts *opt, int *warned, rs_error *err)
{
    memset(p, 0, sizeof *p);
    p->opt = opt ? *opt : rs_gp_default_opts;
    p->opt.format = RS_FMT_SVG;
    return rs_gp_setup(&p->opt, &p->prog, p->font, sizeof p->font, warned, err);
}

/* Run script through gnuplot into a temporary file and read it back. */
static int svg_of(const rs_plot_svg *p, const char *script, const char *what, char **svg,
                  size_t *len, rs_error *err)
{
    *svg = NULL;
    if (!p->prog)
        return rs_error_set(err, RS_ETOOL, "%s: gnuplot is not available", what);
    FILE *fp = tmpfile();
    if (!fp)
        return rs_error_set(err, RS_ECANTCREAT, "%s: cannot create a temporary file: %s", what,
                            strerror(errno));
    int fd = fileno(fp), rc = rs_gp_run(p->prog, script, strlen(script), fd, what, err);
    char *buf = NULL;
    if (!rc) {
        off_t end = lseek(fd, 0, SEEK_END);
        if (end < 0) {
            rc = rs_error_set(err, RS_ECANTCREAT, "%s: cannot read the chart: %s", what,
                              strerror(errno));
        } else if (!(buf = malloc((size_t)end + 1))) {
            rc = rs_error_set(err, RS_ESOFTWARE, "out of memory");
        } else {
            size_t got = 0;
            while (got < (size_t)end) {
                ssize_t k = pread(fd, buf + got, (size_t)end - got, (off_t)got);
                if (k < 0 && errno == EINTR)
                    continue;
                if (k <= 0)
                    break;
                got += (size_t)k;
            }
            buf[got] = '\0';
            if (got == 0)
                rc = rs_error_set(err, RS_ETOOL, "%s: gnuplot wrote an empty file", what);
            else if (!strstr(buf, "<svg") || !strstr(buf, "</svg>"))
                rc = rs_error_set(err, RS_ETOOL, "%s: gnuplot did not write an SVG file", what);
            else if (len)
                *len = got;
        }
    }
    fclose(fp);
    if (rc)
        free(buf);
    else
        *svg = buf;
    return rc;
}

int rs_plot_svg_run(const rs_plot_svg *p, rs_chart k, const rs_plot_input *in, char **svg,
                    size_t *len, rs_error *err)
{
    char *script = NULL, name[32];
    *svg = NULL;
    int rc = rs_plot_script(k, in, &p->opt, p->font[0] ? p->font : NULL, &script, err);
    if (rc)
        return rc;
    rc = svg_of(p, script, rs_chart_file(k, RS_FMT_SVG, name, sizeof name), svg, len, err);
    free(script);
    return rc;
}

int rs_plot_svg_compare(const rs_plot_svg *p, rs_cmp_chart k, const rs_cmp_plot_input *in,
                        int item, char **svg, size_t *len, rs_error *err)
{
    char *script = NULL, name[RS_NAME_MAX + 48];
    *svg = NULL;
    int rc = rs_cmp_plot_script(k, in, item, &p->opt, p->font[0] ? p->font : NULL, &script, err);
    if (rc)
        return rc;
    rc = svg_of(p, script, rs_cmp_chart_file(k, in, item, RS_FMT_SVG, name, sizeof name), svg,
                len, err);
    free(script);
    return rc;
}
