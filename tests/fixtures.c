/* fixtures.c: revsim objects shared by the cmocka suites (fixtures.h). */
#define _XOPEN_SOURCE 700
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "fixtures.h"

rs_scenario *rs_test_scenario(int years, double r, int ncom, int nlev)
{
    rs_scenario *s = calloc(1, sizeof *s);
    rs_scenario_init(s);
    s->scen.v[SC_HORIZON] = years;
    s->scen.v[SC_DISCOUNT] = r;
    s->com = calloc((size_t)ncom, sizeof *s->com);
    s->lev = calloc((size_t)(nlev > 0 ? nlev : 1), sizeof *s->lev);
    s->ncom = ncom;
    s->nlev = nlev;
    return s;
}

void rs_test_scenario_free(rs_scenario *s)
{
    if (!s)
        return;
    rs_scenario_release(s);
    free(s);
}

void rs_test_scenario_text(rs_scenario *s, const char *name, const char *currency,
                           const char *start)
{
    const char *v[] = {name, currency, start};
    const int k[] = {SC_NAME, SC_CURRENCY, SC_START};
    for (int i = 0; i < 3; i++)
        if (v[i])
            s->scen.text[k[i]] = strdup(v[i]);
}

void rs_test_community(rs_entity *e, const char *name, double area_m2, double fee_rate,
                       double collection, double cost_annual)
{
    rs_entity_init(e, &rs_section_community);
    if (name)
        snprintf(e->name, sizeof e->name, "%s", name);
    rs_test_set(e, "area_m2", area_m2);
    rs_test_set(e, "fee_rate", fee_rate);
    rs_test_set(e, "collection_start", collection);
    rs_test_set(e, "collection_target", collection);
    rs_test_set(e, "cost_annual", cost_annual);
}

void rs_test_other(rs_entity *e, const char *name, double income)
{
    rs_entity_init(e, &rs_section_other);
    if (name)
        snprintf(e->name, sizeof e->name, "%s", name);
    rs_test_set(e, "income", income);
    e->community = 0;
}

int rs_test_load_text(rs_scenario *s, const char *dir, const char *name, const char *text,
                      rs_error *err)
{
    return rs_test_load_file(s, rs_test_file(dir, name, text), err);
}

int rs_test_load_file(rs_scenario *s, const char *path, rs_error *err)
{
    rs_source src;
    rs_source_init(&src);
    rs_scenario_init(s);
    int rc = rs_scenario_load(s, &src, path, err);
    rs_source_release(&src);
    return rc;
}

rs_mc_results *rs_test_mc(int years, long runs, double npv0, double step)
{
    rs_mc_results *mc = calloc(1, sizeof *mc);
    mc->runs = runs;
    mc->years = years;
    mc->yearly = calloc((size_t)MC_Y_N * years * MC_NSTAT, sizeof(double));
    mc->p_covered = calloc((size_t)years, sizeof(double));
    mc->npv = calloc((size_t)runs, sizeof(double));
    for (long i = 0; i < runs; i++)
        mc->npv[i] = npv0 + step * (double)i;
    return mc;
}

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
