/* fmt.h: every number revsim shows a person (terminal, charts, report,
 * workbook labels) is formatted here: thousands grouping, the minus sign,
 * money in its display unit (万元 in Chinese) with the decimals that unit
 * needs, short parameter values, and calendar months (YYYY-MM). CSV files
 * are machine-readable and use io/csvout.h's %.10g instead. */
#ifndef RS_FMT_H
#define RS_FMT_H

#include <stddef.h>

/* Flags of the formatters below. */
#define RS_FMT_TRUE_MINUS 1u  /* U+2212 (charts, report) instead of ASCII '-' (terminal) */
#define RS_FMT_NA 2u          /* NaN and infinities as "n/a" (else "-") */

/* v with `decimals` decimals (clamped to 0..6), thousands separated by ',';
 * a minus sign only for a value that does not show as zero; NaN and
 * infinities as "-" (or "n/a" with RS_FMT_NA). Into buf (n >= 48). */
const char *rs_fmt_group(double v, int decimals, unsigned flags, char *buf, size_t n);

/* A short value (parameters, terminal figures): grouped without decimals
 * from 1,000 up, else 4 significant digits ("0.35", "12.5"). */
const char *rs_fmt_short(double v, unsigned flags, char *buf, size_t n);

/* Decimals of a money amount already in its display unit: none in English
 * (whole CNY); in Chinese (万元) 2 below 10, 1 below 1,000, none above. */
int rs_fmt_money_decimals(double shown, int zh);

/* The unit money in `currency` ("" or NULL: CNY) is shown in, into unit (n
 * bytes): in Chinese (zh) ten thousands, "万元" for CNY, RMB or 元 and
 * "万CUR" for another currency; otherwise the currency itself. Returns the
 * factor an amount is multiplied by to be shown in it (1e-4 or 1). */
double rs_fmt_money_unit(const char *currency, int zh, char *unit, size_t n);

/* Money v shown in `unit` (from rs_fmt_money_unit, factor k): "1,234 CNY"
 * or "12.3万元" (no space in Chinese); without the unit when unit is NULL. */
const char *rs_fmt_money(double v, double k, const char *unit, int zh, unsigned flags,
                         char *buf, size_t n);

/* Parse "YYYY-MM" (year 1000..9999, month 01..12, nothing after): 0 and the
 * year and month, or -1. */
int rs_fmt_parse_month(const char *text, int *year, int *month);

/* A parameter's unit as a reader sees it, into buf (n bytes): "fraction",
 * "0/1" and "" shown as nothing, "1/year" as "a year" (zh "每年"),
 * otherwise each part between '/' in words ("CNY/m2/month" as
 * "CNY/m²/month", zh "元/m²/月"; "sessions/port/day", zh "次/端口/天").
 * Money is named by `currency` (NULL: CNY; in zh CNY is "元"). */
const char *rs_fmt_unit(const char *unit, const char *currency, int zh, char *buf, size_t n);

/* Calendar month "YYYY-MM" of model month m (1-based) when start parses,
 * else "". */
const char *rs_fmt_calendar(const char *start, int m, char *buf, size_t n);

#endif
