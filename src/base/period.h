/* period.h - civil dates and statistical periods.
 *
 * A date is a civil (proleptic Gregorian) day number: days since 1970-01-01.
 * It never depends on the process's TZ or locale.
 *
 * Convention: a period is dated by its LAST day. 2024 is 2024-12-31,
 * 2024Q2 is 2024-06-30, 2024-06 and 2024年6月 are 2024-06-30. A statistic
 * "for 2024" is known at the end of 2024, and a target "by 2035" is due at
 * the end of 2035, so the last day is the date that compares correctly.
 */
#ifndef BT_PERIOD_H
#define BT_PERIOD_H

#include <stddef.h>
#include <stdint.h>

typedef int32_t bt_day;

enum bt_freq {
    BT_FREQ_YEARLY,
    BT_FREQ_QUARTERLY,
    BT_FREQ_MONTHLY,
    BT_FREQ_DAILY,
};

/* Day number of a valid civil date (no checking: see bt_date_valid). */
bt_day bt_day_from_civil(int y, int m, int d);
/* Civil date of a day number. */
void bt_day_to_civil(bt_day day, int *y, int *m, int *d);
/* 1 if y-m-d is a real date with 1 <= y <= 9999, else 0. */
int bt_date_valid(int y, int m, int d);
int bt_days_in_month(int y, int m);

/* Parses a period as planners write it: 2024, 2024Q2 (or 2024-Q2), 2024-06,
 * 2024-06-30, 2024/6/30, 2024年, 2024年6月, 2024年6月30日, 2024年第二季度,
 * Q2 2024, Jun-2024, June 2024, and the cumulative 2024年1-6月 (January to
 * June, dated like June: by its last day).
 * Surrounding spaces are ignored. Returns 0 and the period's last day in
 * *out, or -1 with a reason ("impossible date", ...) in *why (static text). */
int bt_period_parse(const char *s, size_t n, bt_day *out, const char **why);

/* A month cell: 1 to 12 (01 ...), an English name or its first three
 * letters (Jan, JANUARY), or 6月. Returns 1..12, or -1. */
int bt_month_parse(const char *s, size_t n);

/* A financial year: 2004/05, 2004-05, 2004/2005 or FY2004/05, starting in
 * start_month (2..12) of its first year and dated by its last day: with
 * start_month 4, 2004/05 is 2005-03-31. Returns 0 or -1 with *why. */
int bt_fiscal_parse(const char *s, size_t n, int start_month, bt_day *out,
                    const char **why);

/* Parses a date written to a pattern made of YYYY, MM, M, DD, D and literal
 * characters, e.g. "DD-MM-YYYY" or "YYYYMMDD". M and D accept one or two
 * digits. Same results as bt_period_parse. */
int bt_date_parse_pattern(const char *pattern, const char *s, size_t n,
                          bt_day *out, const char **why);
/* 0 if pattern is usable by bt_date_parse_pattern, else -1. */
int bt_date_pattern_check(const char *pattern);

/* Writes the date as its frequency names it (2024, 2024Q2, 2024-06,
 * 2024-06-30) when the date is the last day of such a period, else as
 * YYYY-MM-DD, so that parsing the text gives the same date back.
 * Returns the length written (buf holds at least 11 bytes). */
size_t bt_period_format(bt_day day, enum bt_freq f, char *buf);
/* Writes YYYY-MM-DD (buf holds at least 11 bytes); returns the length. */
size_t bt_date_format(bt_day day, char *buf);

/* Frequency names: yearly, quarterly, monthly, daily. */
int bt_freq_parse(const char *s, enum bt_freq *out);
const char *bt_freq_name(enum bt_freq f);

#endif
