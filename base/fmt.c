/* fmt.c: numbers and months as people read them (fmt.h). */
#include <math.h>
#include <stdio.h>
#include <string.h>
#include "fmt.h"

#define MINUS_TRUE "\xE2\x88\x92" /* U+2212 */

static const char *not_a_number(unsigned flags, char *buf, size_t n)
{
    snprintf(buf, n, "%s", flags & RS_FMT_NA ? "n/a" : "-");
    return buf;
}

const char *rs_fmt_group(double v, int decimals, unsigned flags, char *buf, size_t n)
{
    if (!isfinite(v))
        return not_a_number(flags, buf, n);
    decimals = decimals < 0 ? 0 : decimals > 6 ? 6 : decimals;
    char digits[400];
    snprintf(digits, sizeof digits, "%.*f", decimals, fabs(v));
    const int neg = v < 0 && strspn(digits, "0.") != strlen(digits); /* no "-0" */
    const char *dot = strchr(digits, '.');
    const size_t ilen = dot ? (size_t)(dot - digits) : strlen(digits);
    char tmp[560];
    size_t o = 0;
    if (neg) {
        const char *m = flags & RS_FMT_TRUE_MINUS ? MINUS_TRUE : "-";
        memcpy(tmp, m, strlen(m));
        o = strlen(m);
    }
    for (size_t i = 0; i < ilen && o < sizeof tmp - 8; i++) {
        if (i > 0 && (ilen - i) % 3 == 0)
            tmp[o++] = ',';
        tmp[o++] = digits[i];
    }
    tmp[o] = '\0';
    snprintf(buf, n, "%s%s", tmp, dot ? dot : "");
    return buf;
}

const char *rs_fmt_short(double v, unsigned flags, char *buf, size_t n)
{
    if (!isfinite(v))
        return not_a_number(flags, buf, n);
    if (fabs(v) >= 1000)
        return rs_fmt_group(v, 0, flags, buf, n);
    char tmp[64];
    snprintf(tmp, sizeof tmp, "%.4g", fabs(v));
    const int neg = v < 0 && strspn(tmp, "0.") != strlen(tmp);
    snprintf(buf, n, "%s%s", neg ? (flags & RS_FMT_TRUE_MINUS ? MINUS_TRUE : "-") : "", tmp);
    return buf;
}

int rs_fmt_money_decimals(double shown, int zh)
{
    if (!zh)
        return 0;
    const double a = fabs(shown);
    return a < 10 ? 2 : a < 1000 ? 1 : 0;
}

double rs_fmt_money_unit(const char *currency, int zh, char *unit, size_t n)
{
    const char *cur = currency && *currency ? currency : "CNY";
    if (!zh) {
        snprintf(unit, n, "%s", cur);
        return 1;
    }
    if (strcmp(cur, "CNY") == 0 || strcmp(cur, "RMB") == 0 || strcmp(cur, "元") == 0)
        snprintf(unit, n, "万元");
    else
        snprintf(unit, n, "万%s", cur);
    return 1e-4;
}

const char *rs_fmt_money(double v, double k, const char *unit, int zh, unsigned flags,
                         char *buf, size_t n)
{
    char num[80];
    const double x = v * k;
    rs_fmt_group(x, rs_fmt_money_decimals(x, zh), flags, num, sizeof num);
    if (!unit || !isfinite(v))
        snprintf(buf, n, "%s", num);
    else
        snprintf(buf, n, "%s%s%s", num, zh ? "" : " ", unit);
    return buf;
}

int rs_fmt_parse_month(const char *t, int *year, int *month)
{
    if (!t || strlen(t) != 7 || t[4] != '-')
        return -1;
    for (int i = 0; i < 7; i++)
        if (i != 4 && (t[i] < '0' || t[i] > '9'))
            return -1;
    const int y = (t[0] - '0') * 1000 + (t[1] - '0') * 100 + (t[2] - '0') * 10 + (t[3] - '0');
    const int m = (t[5] - '0') * 10 + (t[6] - '0');
    if (y < 1000 || m < 1 || m > 12)
        return -1;
    *year = y;
    *month = m;
    return 0;
}

const char *rs_fmt_unit(const char *unit, const char *currency, int zh, char *buf, size_t n)
{
    static const struct {
        const char *part, *en, *zh;
    } words[] = {
        {"m2", "m\xC2\xB2", "m\xC2\xB2"}, {"month", "month", "\xE6\x9C\x88"},
        {"months", "months", "\xE4\xB8\xAA\xE6\x9C\x88"}, {"year", "year", "\xE5\xB9\xB4"},
        {"years", "years", "\xE5\xB9\xB4"}, {"day", "day", "\xE5\xA4\xA9"},
        {"space", "space", "\xE8\xBD\xA6\xE4\xBD\x8D"},
        {"spaces", "spaces", "\xE4\xB8\xAA\xE8\xBD\xA6\xE4\xBD\x8D"},
        {"port", "port", "\xE7\xAB\xAF\xE5\x8F\xA3"},
        {"ports", "ports", "\xE4\xB8\xAA\xE7\xAB\xAF\xE5\x8F\xA3"},
        {"shop", "shop", "\xE9\x93\xBA"}, {"shops", "shops", "\xE9\x97\xB4"},
        {"session", "session", "\xE6\xAC\xA1"}, {"sessions", "sessions", "\xE6\xAC\xA1"},
        {"households", "households", "\xE6\x88\xB7"}, {"times", "times", "\xE5\x80\x8D"},
        {"runs", "runs", "\xE6\xAC\xA1"},
    };
    if (n == 0)
        return buf;
    buf[0] = '\0';
    if (!unit || !*unit || strcmp(unit, "fraction") == 0 || strcmp(unit, "0/1") == 0)
        return buf;
    if (strcmp(unit, "1/year") == 0) {
        snprintf(buf, n, "%s", zh ? "\xE6\xAF\x8F\xE5\xB9\xB4" : "a year");
        return buf;
    }
    const char *cur = currency && *currency ? currency : "CNY";
    size_t used = 0;
    for (const char *q = unit; *q && used < n;) {
        size_t len = strcspn(q, "/");
        const char *shown = NULL;
        char part[32];
        snprintf(part, sizeof part, "%.*s", (int)(len < sizeof part ? len : sizeof part - 1), q);
        if (strcmp(part, "CNY") == 0)
            shown = zh && (strcmp(cur, "CNY") == 0 || strcmp(cur, "RMB") == 0) ? "\xE5\x85\x83" : cur;
        for (size_t w = 0; !shown && w < sizeof words / sizeof words[0]; w++)
            if (strcmp(part, words[w].part) == 0)
                shown = zh ? words[w].zh : words[w].en;
        used += (size_t)snprintf(buf + used, n - used, "%s%s", q == unit ? "" : "/",
                                 shown ? shown : part);
        q += len;
        if (*q == '/')
            q++;
    }
    return buf;
}

const char *rs_fmt_calendar(const char *start, int m, char *buf, size_t n)
{
    int y0, m0;
    if (n)
        buf[0] = '\0';
    if (rs_fmt_parse_month(start, &y0, &m0) == 0 && m >= 1) {
        const int t = m0 - 1 + m - 1;
        snprintf(buf, n, "%04d-%02d", y0 + t / 12, t % 12 + 1);
    }
    return buf;
}
