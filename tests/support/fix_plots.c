/* fix_plots.c: chart checks for the cmocka suites (fix_plots.h). */
#define _XOPEN_SOURCE 700
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "fix_plots.h"

/* line (len bytes) into bare with each quoted literal replaced by a space;
 * 0 when a literal does not close on its line */
static int strip_literals(const char *line, size_t len, int dquotes, char *bare)
{
    size_t o = 0;
    for (size_t i = 0; i < len; i++) {
        if (line[i] == '\'' || (dquotes && line[i] == '"')) {
            char q = line[i];
            for (i++; i < len; i++) {
                if (line[i] == q && q == '\'' && i + 1 < len && line[i + 1] == '\'') {
                    i++;          /* '' inside a single-quoted literal */
                    continue;
                }
                if (line[i] == '\\' && q == '"') {
                    i++;          /* escape inside double quotes: only our "\n" */
                    continue;
                }
                if (line[i] == q)
                    break;
            }
            if (i >= len)
                return 0;
            bare[o++] = ' ';
            continue;
        }
        bare[o++] = line[i];
    }
    bare[o] = '\0';
    return 1;
}

void rs_check_gp_inert(const char *script, int dquotes, const char *file, int line_no)
{
    static const char *const words[] = {"system", "load", "call", "shell", "cd ", "pipe",
                                        "set output", "save", "print", "pause", "eval", "exit",
                                        "import", "fit "};
    const char *shell_chars = dquotes ? "`!|@" : "`!|@\"";
    int in_data = 0;
    const char *p = script;
    while (*p) {
        const char *nl = strchr(p, '\n');
        size_t len = nl ? (size_t)(nl - p) : strlen(p);
        char line[8192], bare[8192];
        if (len >= sizeof line) {
            print_error("script line of %zu bytes: %.60s\n", len, p);
            _fail(file, line_no);
            return;
        }
        memcpy(line, p, len);
        line[len] = '\0';
        p += len + (nl != NULL);
        if (in_data) {
            if (strcmp(line, "EOD") == 0) {
                in_data = 0;
                continue;
            }
            if (line[0] == '#')
                continue;
            for (char *tok = strtok(line, " "); tok; tok = strtok(NULL, " ")) {
                char *end;
                strtod(tok, &end);
                if (*end) {
                    print_error("datablock token not a number: %s\n", tok);
                    _fail(file, line_no);
                }
            }
            continue;
        }
        if (!strip_literals(line, len, dquotes, bare)) {
            print_error("literal not closed on its line: %s\n", line);
            _fail(file, line_no);
        }
        if (line[0] == '#')
            continue;
        if (strpbrk(bare, shell_chars) != NULL) {
            print_error("shell character outside a literal: %s\n", line);
            _fail(file, line_no);
        }
        for (size_t w = 0; w < sizeof words / sizeof words[0]; w++)
            if (strstr(bare, words[w])) {
                print_error("'%s' outside a literal: %s\n", words[w], line);
                _fail(file, line_no);
            }
        if (len >= 6 && strcmp(line + len - 6, "<< EOD") == 0)
            in_data = 1;
    }
    if (in_data) {
        print_error("datablock not closed by EOD\n");
        _fail(file, line_no);
    }
}

void rs_check_no_markers(const char *dir, int n, const char *file, int line)
{
    for (int i = 1; i <= n; i++) {
        char m[512];
        snprintf(m, sizeof m, "%s/m%d", dir, i);
        if (access(m, F_OK) == 0) {
            print_error("%s exists: a hostile name ran a command\n", m);
            _fail(file, line);
        }
    }
}

int rs_test_is_chart(const char *path, rs_plot_format fmt)
{
    size_t len;
    char *buf = rs_test_slurp(path, &len);
    int ok = buf && len > 0 &&
             (fmt == RS_FMT_PNG   ? len > 8 && memcmp(buf, "\x89PNG\r\n\x1a\n", 8) == 0
              : fmt == RS_FMT_PDF ? len >= 5 && memcmp(buf, "%PDF-", 5) == 0
                                  : strstr(buf, "<svg") != NULL);
    free(buf);
    return ok;
}

int rs_test_outset_file(rs_outset *o, const char *name, const char *text, rs_error *err)
{
    const char *path = rs_outset_path(o, name, err);
    if (!path)
        return err->code;
    FILE *fp = fopen(path, "w");
    if (!fp || fputs(text, fp) == EOF || fclose(fp) != 0)
        return rs_error_set(err, RS_ECANTCREAT, "%s: cannot write", path);
    return RS_OK;
}

const char *rs_test_datablock(const char *script, const char *name, char *out, size_t n)
{
    char head[32];
    snprintf(head, sizeof head, "%s << EOD\n", name);
    const char *p = strstr(script, head), *e;
    out[0] = '\0';
    if (!p || !(e = strstr(p, "\nEOD\n")))
        return out;
    p = strchr(p, '\n') + 1;
    size_t len = (size_t)(e - p) + 1;
    snprintf(out, n, "%.*s", (int)(len < n ? len : n - 1), p);
    return out;
}

int rs_test_count(const char *s, const char *needle)
{
    int k = 0;
    size_t len = strlen(needle);
    for (const char *p = s; len && (p = strstr(p, needle)); p += len)
        k++;
    return k;
}
