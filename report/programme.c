/* programme.c: what report.html says about the programme's parts: the
 * lever league (what each lever earns and covers), the communities that
 * stay in deficit in the stabilized year, the financing when a scenario
 * borrows, and each scenario's warnings. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "page.h"
#include "../base/fmt.h"
#include "../base/strmap.h"

#define COMMUNITY_ROWS 15      /* communities in deficit listed per scenario */
#define LEVER_ROWS 20          /* levers listed per scenario */

/* The indices of the (at most max) largest of key[0..n) that are > 0 or,
 * with all = 1, any, largest first, into top; returns how many; *more
 * counts those left out. */
static int top_n(const double *key, int n, int all, int *top, int max, int *more)
{
    int k = 0;
    *more = 0;
    for (int i = 0; i < n; i++) {
        if (!(all ? !isnan(key[i]) : key[i] > 0))
            continue;
        int at = k < max ? k++ : max;
        if (at == max) {
            ++*more;
            if (!(key[i] > key[top[max - 1]]))
                continue;
            at = max - 1;
        }
        while (at > 0 && key[top[at - 1]] < key[i]) {
            top[at] = top[at - 1];
            at--;
        }
        top[at] = i;
    }
    return k;
}

static const char *kind_name(const rp_page *p, const rs_section *sec)
{
    return p->zh && sec->label_zh ? sec->label_zh : sec->name;
}

/* ---- the lever league ----------------------------------------------------- */

/* A lever metric as text: money in the page's unit, shares in percent. */
static const char *lever_value(const rp_page *p, int k, double x, char *buf, size_t n)
{
    const rs_metric_def *m = &rs_lever_metrics[k];
    const char *empty = TR(p, m->empty_en, m->empty_zh);
    if (isnan(x))
        snprintf(buf, n, "%s", empty ? empty : RP_EMDASH);
    else if (m->unit == RS_U_MONEY)
        rp_money(p, x, buf, n);
    else if (m->unit == RS_U_RATIO || m->unit == RS_U_RATE)
        rp_pct(x, buf, n);
    else
        rs_fmt_group(x, 1, RS_FMT_TRUE_MINUS, buf, n);
    return buf;
}

/* One row of the league: a lever as it is in the scenarios marked in[]. */
typedef struct {
    int item, lev;
    char key[RS_NAME_MAX + 32];   /* "parking:car-spaces" */
} league_row;

/* 1 when lever l of a and lever m of b earn the same (a variant's copy). */
static int same_lever(const rs_results *a, int l, const rs_results *b, int m)
{
    for (int k = 0; k < LM_N; k++) {
        double x = a->lev_metric[l * LM_N + k], y = b->lev_metric[m * LM_N + k];
        if (!(x == y || (isnan(x) && isnan(y)) || fabs(x - y) <= 1e-9 * fmax(fabs(x), fabs(y))))
            return 0;
    }
    return 1;
}

/* "2, 3" or "2–4": the numbers of the scenarios marked in in[0..n). */
static void scenario_numbers(rs_textbuf *b, const unsigned char *in, int n)
{
    int first = 1;
    for (int i = 0; i < n; i++) {
        if (!in[i])
            continue;
        int j = i;
        while (j + 1 < n && in[j + 1])
            j++;
        if (j >= i + 2)
            rp_hf(b, "%s%d" RP_DASH "%d", first ? "" : ", ", i + 1, j + 1);
        else if (j == i + 1)
            rp_hf(b, "%s%d, %d", first ? "" : ", ", i + 1, j + 1);
        else
            rp_hf(b, "%s%d", first ? "" : ", ", i + 1);
        first = 0;
        i = j;
    }
}

/* The distinct levers of the comparison (a lever a variant copies counts
 * once), the largest NPV first. */
static int lever_rows(rp_page *p, int many_com)
{
    static const int cols[] = {LM_CAPEX_TOTAL, LM_NET_STAB, LM_NPV, LM_PAYBACK, LM_COVERAGE_SHARE};
    const rs_compare *c = p->c;
    rs_textbuf *b = p->b;
    char v[RP_NUM];
    int total = 0, n = 0, rc = RS_OK;
    for (int i = 0; i < c->n; i++)
        total += c->items[i].r->lev_metric ? c->items[i].s.nlev : 0;
    league_row *rows = malloc((size_t)(total ? total : 1) * sizeof *rows);
    unsigned char *in = calloc((size_t)(total ? total : 1) * (size_t)c->n, 1);
    double *npv = malloc((size_t)(total ? total : 1) * sizeof *npv);
    rs_strmap by_key;
    rs_strmap_init(&by_key);
    if (!rows || !in || !npv) {
        rc = rs_error_set(p->err, RS_ESOFTWARE, "out of memory");
        goto out;
    }
    for (int i = 0; i < c->n; i++) {
        const rs_cmp_item *it = &c->items[i];
        for (int l = 0; it->r->lev_metric && l < it->s.nlev; l++) {
            league_row *r = &rows[n];
            rs_entity_section(&it->s.lev[l], r->key, sizeof r->key);
            int k = rs_strmap_get(&by_key, r->key);
            if (k >= 0 && same_lever(c->items[rows[k].item].r, rows[k].lev, it->r, l)) {
                in[(size_t)k * c->n + i] = 1;
                continue;
            }
            r->item = i;
            r->lev = l;
            in[(size_t)n * c->n + i] = 1;
            npv[n] = it->r->lev_metric[l * LM_N + LM_NPV];
            if (k < 0 && rs_strmap_put(&by_key, r->key, n) != 0) {
                rc = rs_error_set(p->err, RS_ESOFTWARE, "out of memory");
                goto out;
            }
            n++;
        }
    }
    int top[LEVER_ROWS], more;
    int shown = top_n(npv, n, 1, top, LEVER_ROWS, &more);
    for (int o = 0; o < shown; o++) {
        const league_row *r = &rows[top[o]];
        const rs_cmp_item *it = &c->items[r->item];
        const rs_entity *e = &it->s.lev[r->lev];
        const double *lm = &it->r->lev_metric[r->lev * LM_N];
        rp_hf(b, "<tr><td>%e</td><td>%e</td>", e->name, kind_name(p, e->sec));
        if (many_com)
            rp_hf(b, "<td>%e</td>", e->community >= 0 && e->community < it->s.ncom
                                        ? it->s.com[e->community].name : "");
        rp_raw(b, "<td>");
        scenario_numbers(b, &in[(size_t)top[o] * c->n], c->n);
        rp_raw(b, "</td>");
        for (int k = 0; k < 5; k++)
            rp_hf(b, "<td class=\"num\">%e</td>", lever_value(p, cols[k], lm[cols[k]], v, sizeof v));
        rp_raw(b, "</tr>\n");
    }
    if (more > 0)
        rp_hf(b, TR(p, "<tr><td colspan=\"%d\" class=\"small\">and %d more levers</td></tr>\n",
                    "<tr><td colspan=\"%d\" class=\"small\">另有%d个项目</td></tr>\n"),
              many_com ? 9 : 8, more);
out:
    rs_strmap_release(&by_key);
    free(rows);
    free(in);
    free(npv);
    return rc;
}

static int lever_league(rp_page *p)
{
    static const int cols[] = {LM_CAPEX_TOTAL, LM_NET_STAB, LM_NPV, LM_PAYBACK, LM_COVERAGE_SHARE};
    const rs_compare *c = p->c;
    rs_textbuf *b = p->b;
    int any = 0, many_com = 0;
    for (int i = 0; i < c->n; i++) {
        any |= c->items[i].s.nlev > 0 && c->items[i].r->lev_metric;
        many_com |= c->items[i].s.ncom > 1;
    }
    if (!any)
        return RS_OK;
    rp_keep_open(p);
    rp_hf(b, "<h3 id=\"levers\">%s</h3>\n<p class=\"small intro\">%s</p>\n",
          TR(p, "The lever league", "各项目收益排行"),
          TR(p, "What each lever earns on its own (base case): its investment, its net income in "
                "the stabilized year, its net present value and payback, and the share of the "
                "management deficit its net income covers; largest NPV first. A lever that "
                "several scenarios share is listed once, with their numbers from \xE2\x80\x9CThe "
                "scenarios\xE2\x80\x9D.",
             "各项目单独计算（基准情形）：投资、稳定年净收益、净现值、回收期，以及其净收益覆盖物业亏损的份额；"
             "按净现值从高到低排列。多个情景共有的项目只列一次，并注明其情景编号（见“参与比较的情景”）。"));
    rp_hf(b, "<table class=\"league%s\">\n<thead><tr><th>%s</th><th>%s</th>", many_com ? " com" : "",
          TR(p, "Lever", "项目"), TR(p, "Kind", "类型"));
    if (many_com)
        rp_hf(b, "<th>%s</th>", TR(p, "Community", "小区"));
    rp_hf(b, "<th>%s</th>", TR(p, "In scenarios", "所在情景"));
    for (int k = 0; k < 5; k++) {
        const rs_metric_def *m = &rs_lever_metrics[cols[k]];
        rp_hf(b, "<th class=\"num\">%e</th>", TR(p, m->label_en, m->label_zh));
    }
    rp_raw(b, "</tr></thead>\n<tbody>\n");
    int rc = lever_rows(p, many_com);
    rp_hf(b, "</tbody>\n</table>\n<p class=\"small\">%s%e%s</p>\n",
          TR(p, "Amounts in ", "金额单位："), p->unit,
          TR(p, "; payback in years.", "；回收期以年计。"));
    rp_keep_close(p);
    return rc;
}

/* ---- communities that stay in deficit -------------------------------------- */

static int community_rows(rp_page *p, const rs_cmp_item *it)
{
    const rs_results *r = it->r;
    rs_textbuf *b = p->b;
    char d[RP_NUM], n[RP_NUM], cov[RP_NUM], s[RP_NUM];
    const int y = (int)r->metric[MT_STAB_YEAR], Y = r->years, C = r->ncom;
    rp_hf(b, "<tr class=\"group\"><th colspan=\"5\">%e", rp_scen_name(it));
    if (!r->y_com_net || C != it->s.ncom || C < 1 || y < 1 || y > Y) {
        rp_raw(b, "</th></tr>\n");
        return RS_OK;
    }
    double *gap = malloc((size_t)C * sizeof *gap), total = 0;
    if (!gap)
        return rs_error_set(p->err, RS_ESOFTWARE, "out of memory");
    for (int k = 0; k < C; k++) {
        size_t at = (size_t)k * Y + y - 1;
        double deficit = r->y_com_cost[at] - r->y_com_fee[at];
        gap[k] = deficit > 0 ? deficit - r->y_com_net[at] : 0;
        total += gap[k] > 0 ? gap[k] : 0;
    }
    int top[COMMUNITY_ROWS], more;
    int ntop = top_n(gap, C, 0, top, COMMUNITY_ROWS, &more);
    if (ntop == 0)
        rp_hf(b, "%s</th></tr>\n", TR(p, ": every community's deficit is covered", "：各小区亏损均已覆盖"));
    else
        rp_hf(b, TR(p, ": %d of %d in deficit, %e to cover</th></tr>\n",
                    "：%d/%d个小区仍有亏损，缺口%e</th></tr>\n"),
              ntop + more, C, rp_money_u(p, total, s, sizeof s));
    for (int t = 0; t < ntop; t++) {
        size_t at = (size_t)top[t] * Y + y - 1;
        double deficit = r->y_com_cost[at] - r->y_com_fee[at], net = r->y_com_net[at];
        rp_hf(b, "<tr><td>%e</td><td class=\"num\">%e</td><td class=\"num\">%e</td>"
                 "<td class=\"num\">%e</td><td class=\"num\">%e</td></tr>\n",
              it->s.com[top[t]].name, rp_money(p, deficit, d, sizeof d), rp_money(p, net, n, sizeof n),
              rp_pct(net / deficit, cov, sizeof cov), rp_money(p, gap[top[t]], s, sizeof s));
    }
    if (more > 0)
        rp_hf(b, TR(p, "<tr><td colspan=\"5\" class=\"small\">and %d more communities in "
                       "deficit</td></tr>\n",
                    "<tr><td colspan=\"5\" class=\"small\">另有%d个小区仍有亏损</td></tr>\n"),
              more);
    free(gap);
    return RS_OK;
}

static int communities(rp_page *p)
{
    const rs_compare *c = p->c;
    rs_textbuf *b = p->b;
    int rc = RS_OK;
    rp_keep_open(p);
    rp_hf(b, "<h3 id=\"communities\">%s</h3>\n<p class=\"small intro\">%s</p>\n",
          TR(p, "Communities that stay in deficit", "仍有亏损的小区"),
          TR(p, "Per community in the stabilized year (base case): its management deficit (cost "
                "minus fee income), the net income of the levers attached to it, its coverage and "
                "what is still to be covered from the fund; the largest gaps first.",
             "稳定年各小区（基准情形）：物业亏损（成本减物业费收入）、所属项目净收益、覆盖率及仍需基金补足的缺口，缺口大者在前。"));
    rp_hf(b, "<table class=\"coms\">\n<thead><tr><th>%s</th><th class=\"num\">%s</th>"
             "<th class=\"num\">%s</th><th class=\"num\">%s</th><th class=\"num\">%s</th></tr></thead>\n<tbody>\n",
          TR(p, "Community", "小区"), TR(p, "Deficit", "物业亏损"),
          TR(p, "Levers' net income", "项目净收益"), TR(p, "Coverage", "覆盖率"),
          TR(p, "Still to cover", "缺口"));
    for (int i = 0; i < c->n && !rc; i++)
        rc = community_rows(p, &c->items[i]);
    rp_hf(b, "</tbody>\n</table>\n<p class=\"small\">%s%e%s</p>\n",
          TR(p, "Amounts in ", "金额单位："), p->unit, TR(p, ".", "。"));
    rp_keep_close(p);
    for (int i = 0; i < c->n && !rc; i++)
        if (rp_communities_chart_wanted(p, i))
            rc = rp_communities_chart(p, i);
    return rc;
}

/* ---- financing ---------------------------------------------------------------- */

static void financing(rp_page *p)
{
    const rs_compare *c = p->c;
    rs_textbuf *b = p->b;
    char v[RP_NUM], w[RP_NUM], z[RP_NUM], e[RP_NUM], rep[32];
    rp_keep_open(p);
    rp_hf(b, "<h3 id=\"financing\">%s</h3>\n<p class=\"small intro\">%s</p>\n",
          TR(p, "Financing", "融资"),
          TR(p, "Loans and bonds are paid into the fund and repaid from it. Debt-service cover "
                "(DSCR) is a year's commercial net income divided by its debt service; below 1 the "
                "levers do not earn their repayments. The net present value after financing adds "
                "the draws and subtracts the debt service.",
             "借款和债券资金进入基金并由基金偿还。偿债覆盖率（DSCR）为当年商业净收益除以当年还本付息；低于1即项目收益不足以还款。"
             "融资后净现值计入放款并扣除还本付息。"));
    rp_hf(b, "<table class=\"loans\">\n<thead><tr><th>%s</th><th class=\"num\">%s</th>"
             "<th class=\"num\">%s</th><th class=\"num\">%s</th><th class=\"num\">%s</th>"
             "<th class=\"num\">%s</th><th>%s</th></tr></thead>\n<tbody>\n",
          TR(p, "Loan", "借款"), TR(p, "Amount", "金额"), TR(p, "Drawn in month", "放款月份"),
          TR(p, "Rate", "年利率"), TR(p, "Term", "期限"), TR(p, "Grace", "宽限期"),
          TR(p, "Repayment", "还款方式"));
    for (int i = 0; i < c->n; i++) {
        const rs_cmp_item *it = &c->items[i];
        const rs_results *r = it->r;
        const double *m = r->metric;
        if (it->s.nloan == 0)
            continue;
        rp_hf(b, "<tr class=\"group\"><th colspan=\"7\">%e</th></tr>\n", rp_scen_name(it));
        for (int j = 0; j < it->s.nloan; j++) {
            const rs_entity *l = &it->s.loan[j];
            const rs_param *rp = &l->sec->params[LN_REPAY];
            static const char *const rep_zh[] = {"等额本息", "等额本金", "到期一次还本"};
            const int ri = (int)l->v[LN_REPAY];
            if (p->zh && ri >= 0 && ri < (int)(sizeof rep_zh / sizeof rep_zh[0]))
                snprintf(rep, sizeof rep, "%s", rep_zh[ri]);
            else
                rs_choice_name(rp->choices, ri, rep, sizeof rep);
            rp_hf(b, "<tr><td>%e</td><td class=\"num\">%e</td><td class=\"num\">%d</td>"
                     "<td class=\"num\">%e</td>",
                  l->name, rp_money(p, l->v[LN_AMOUNT], v, sizeof v), (int)l->v[LN_MONTH],
                  rs_fmt_group(100 * l->v[LN_RATE], 2, RS_FMT_TRUE_MINUS, w, sizeof w));
            rp_hf(b, TR(p, "<td class=\"num\">%e years</td><td class=\"num\">%d months</td>",
                        "<td class=\"num\">%e年</td><td class=\"num\">%d个月</td>"),
                  rs_fmt_short(l->v[LN_TERM], RS_FMT_TRUE_MINUS, z, sizeof z), (int)l->v[LN_GRACE]);
            rp_hf(b, "<td>%e</td></tr>\n", rep);
        }
        /* the lowest year of debt-service cover */
        int low = 0;
        for (int y = 1; y <= r->years; y++)
            if (!isnan(r->y_dscr[y - 1]) && (low == 0 || r->y_dscr[y - 1] < r->y_dscr[low - 1]))
                low = y;
        rp_raw(b, "<tr><td colspan=\"7\" class=\"small\">");
        rp_hf(b, TR(p, "Debt service %e in all; ", "还本付息合计%e；"),
              rp_money_u(p, m[MT_DEBT_SERVICE_TOTAL], v, sizeof v));
        if (low > 0)
            rp_hf(b, TR(p, "debt-service cover lowest in year %d: %e; ", "偿债覆盖率最低为第%d年的%e；"),
                  low, rs_fmt_group(r->y_dscr[low - 1], 2, RS_FMT_TRUE_MINUS, w, sizeof w));
        if (it->mc)
            rp_hf(b, TR(p, "covered every year in %e of runs; ", "%e的模拟每年均可覆盖；"),
                  rp_pct(it->mc->metric[MT_P_DSCR_ABOVE_1][MC_MEAN], z, sizeof z));
        rp_hf(b, TR(p, "owed at the end %e; net present value after financing %e.",
                    "期末负债%e；融资后净现值%e。"),
              rp_money_u(p, m[MT_DEBT_END], z, sizeof z), rp_money_u(p, m[MT_NPV_EQUITY], e, sizeof e));
        rp_raw(b, "</td></tr>\n");
    }
    rp_hf(b, "</tbody>\n</table>\n<p class=\"small\">%s%e%s</p>\n",
          TR(p, "Amounts in ", "金额单位："), p->unit,
          TR(p, "; rates a year, in percent.", "；利率为年利率（%）。"));
    rp_keep_close(p);
}

int rp_programme(rp_page *p)
{
    rp_raw(p->b, "<section class=\"programme\">\n");
    rp_heading_keep(p, "programme", TR(p, "Levers, communities and financing", "项目、小区与融资"));
    int rc = lever_league(p);
    if (!rc)
        rc = communities(p);
    if (!rc && p->borrows)
        financing(p);
    rp_keep_flush(p);
    rp_raw(p->b, "</section>\n");
    return rc;
}

void rp_warnings(rp_page *p)
{
    const rs_compare *c = p->c;
    rs_textbuf *b = p->b;
    int any = 0;
    for (int i = 0; i < c->n; i++)
        any += c->items[i].src.nwarn;
    rp_hf(b, "<section class=\"warnings\">\n<h3 id=\"warnings\">%s</h3>\n",
          TR(p, "Checks and warnings", "检查与提示"));
    if (!any) {
        rp_hf(b, "<p>%s</p>\n</section>\n",
              TR(p, "Reading the scenarios raised no warning: every value is within the ranges "
                    "revsim checks.",
                 "读取情景时没有提示：各项取值均在revsim检查的范围内。"));
        return;
    }
    rp_hf(b, "<p class=\"small intro\">%s</p>\n",
          TR(p, "Things worth a look that are not errors: values or results far from what is "
                "usual, each with the file and row it comes from.",
             "值得留意但并非错误的事项：明显偏离常见范围的取值或结果，附文件和行号。"));
    for (int i = 0; i < c->n; i++) {
        const rs_source *src = &c->items[i].src;
        rp_hf(b, "<h4>%e</h4>\n", rp_scen_name(&c->items[i]));
        if (src->nwarn == 0) {
            rp_hf(b, "<p class=\"small\">%s</p>\n", TR(p, "No warnings.", "无提示。"));
            continue;
        }
        rp_raw(b, "<ul class=\"warn\">\n");
        for (int k = 0; k < src->nwarn; k++)
            rp_hf(b, "<li>%e</li>\n", src->warn[k]);
        rp_raw(b, "</ul>\n");
    }
    rp_raw(b, "</section>\n");
}
