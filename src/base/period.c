/* period.c - civil dates and statistical periods (see period.h). */
#include "period.h"

#include <stdio.h>
#include <string.h>

/* Day count from 1970-01-01 with March-based years, so that the leap day is
 * the last day of its year and every other month has a fixed length. */
bt_day bt_day_from_civil(int y, int m, int d)
{
    y -= m <= 2;
    int era = (y >= 0 ? y : y - 399) / 400;
    int yoe = y - era * 400;                            /* [0, 399] */
    int doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1; /* [0, 365] */
    int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;    /* [0, 146096] */
    return (bt_day)(era * 146097 + doe - 719468);
}

void bt_day_to_civil(bt_day day, int *y, int *m, int *d)
{
    int z = day + 719468;
    int era = (z >= 0 ? z : z - 146096) / 146097;
    int doe = z - era * 146097;
    int yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    int doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    int mp = (5 * doy + 2) / 153;
    *d = doy - (153 * mp + 2) / 5 + 1;
    *m = mp < 10 ? mp + 3 : mp - 9;
    *y = yoe + era * 400 + (*m <= 2);
}

static int is_leap(int y)
{
    return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

int bt_days_in_month(int y, int m)
{
    static const int len[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return m == 2 && is_leap(y) ? 29 : len[m - 1];
}

int bt_date_valid(int y, int m, int d)
{
    return y >= 1 && y <= 9999 && m >= 1 && m <= 12 && d >= 1 &&
           d <= bt_days_in_month(y, m);
}

/* A cursor over the text being parsed. */
struct cur {
    const char *p, *end;
};

/* Reads between min and max ASCII digits; returns the number or -1. */
static int digits(struct cur *c, int min, int max)
{
    int v = 0, n = 0;
    while (c->p < c->end && n < max && *c->p >= '0' && *c->p <= '9') {
        v = v * 10 + (*c->p++ - '0');
        n++;
    }
    return n >= min ? v : -1;
}

/* Consumes the literal lit if it comes next; returns 1 if it did. */
static int eat(struct cur *c, const char *lit)
{
    size_t n = strlen(lit);
    if ((size_t)(c->end - c->p) >= n && memcmp(c->p, lit, n) == 0) {
        c->p += n;
        return 1;
    }
    return 0;
}

static int finish(int y, int m, int d, bt_day *out, const char **why)
{
    if (y < 1 || m < 1 || m > 12) {
        *why = "impossible date";
        return -1;
    }
    if (d == 0)
        d = bt_days_in_month(y, m);
    if (!bt_date_valid(y, m, d)) {
        *why = "impossible date";
        return -1;
    }
    *out = bt_day_from_civil(y, m, d);
    return 0;
}

/* Quarter written in Chinese: 第一季度, 一季度, 第1季度, 1季度. */
static int chinese_quarter(struct cur *c)
{
    static const char *const num[4] = {"一", "二", "三", "四"};
    struct cur saved = *c;
    eat(c, "第");
    int q = -1;
    for (int i = 0; i < 4 && q < 0; i++)
        if (eat(c, num[i]))
            q = i + 1;
    if (q < 0)
        q = digits(c, 1, 1);
    if (q >= 1 && q <= 4 && eat(c, "季度"))
        return q;
    *c = saved; /* not a quarter: leave the text for the month */
    return -1;
}

static const char *const month_names[12] = {
    "january", "february", "march", "april", "may", "june", "july",
    "august", "september", "october", "november", "december"};

/* An English month name, whole or its first three letters, any case:
 * returns 1 to 12 and moves past it, or -1. */
static int month_name(struct cur *c)
{
    for (int i = 0; i < 12; i++) {
        size_t len = strlen(month_names[i]), k = 0;
        while (c->p + k < c->end && k < len &&
               (c->p[k] | 0x20) == month_names[i][k])
            k++;
        if (k == len || (k == 3 && (c->p + k == c->end ||
                                    !((c->p[k] | 0x20) >= 'a' && (c->p[k] | 0x20) <= 'z')))) {
            c->p += k;
            return i + 1;
        }
    }
    return -1;
}

/* Trims spaces and tabs from both ends of the cursor. */
static void trim(struct cur *c)
{
    while (c->p < c->end && (*c->p == ' ' || *c->p == '\t'))
        c->p++;
    while (c->end > c->p && (c->end[-1] == ' ' || c->end[-1] == '\t'))
        c->end--;
}

/* Forms that begin with a quarter or a month name: Q1 2023, Q1-2023,
 * Jan-2023, Jan 2023, January 2023. Returns 0, or -1 (not one of them). */
static int period_word_first(struct cur *c, bt_day *out, const char **why)
{
    int m;
    if (*c->p == 'Q' || *c->p == 'q') {
        c->p++;
        int q = digits(c, 1, 1);
        if (q < 1 || q > 4) {
            *why = "quarter must be Q1 to Q4";
            return -1;
        }
        m = q * 3;
    } else if ((m = month_name(c)) < 0) {
        return -1;
    }
    if (c->p < c->end && (*c->p == ' ' || *c->p == '-'))
        c->p++;
    int y = digits(c, 4, 4);
    if (y < 0 || c->p != c->end)
        return -1;
    return finish(y, m, 0, out, why);
}

int bt_period_parse(const char *s, size_t n, bt_day *out, const char **why)
{
    struct cur c = {s, s + n};
    trim(&c);
    *why = "not a date or period";
    if (c.p < c.end && !(*c.p >= '0' && *c.p <= '9'))
        return period_word_first(&c, out, why);
    int y = digits(&c, 4, 4), m = 12, d = 0;
    if (y < 0)
        return -1;
    if (eat(&c, "年")) {
        if (c.p == c.end)
            return finish(y, 12, 0, out, why);
        int q = chinese_quarter(&c);
        if (q > 0) {
            m = q * 3;
        } else {
            if ((m = digits(&c, 1, 2)) < 0)
                return -1;
            /* 2023年1-6月: January to June, dated by its last day */
            if (eat(&c, "-") || eat(&c, "－") || eat(&c, "至")) {
                int to = digits(&c, 1, 2);
                if (to < m) {
                    *why = "the months of a cumulative period must run forward";
                    return -1;
                }
                m = to;
            }
            if (!eat(&c, "月"))
                return -1;
            if (c.p < c.end && ((d = digits(&c, 1, 2)) < 1 || !eat(&c, "日")))
                return -1;
        }
    } else if (c.p < c.end) {
        char sep = *c.p;
        if (sep == '-' || sep == '/' || sep == ' ')
            c.p++;
        if (c.p < c.end && (*c.p == 'Q' || *c.p == 'q')) {
            c.p++;
            int q = digits(&c, 1, 1);
            if (q < 1 || q > 4) {
                *why = "quarter must be Q1 to Q4";
                return -1;
            }
            m = q * 3;
        } else {
            if (sep != '-' && sep != '/')
                return -1;
            if ((m = digits(&c, 1, 2)) < 0)
                return -1;
            if (c.p < c.end) {
                if (*c.p++ != sep || (d = digits(&c, 1, 2)) < 1)
                    return -1;
            }
        }
    }
    if (c.p != c.end)
        return -1;
    return finish(y, m, d, out, why);
}

int bt_date_pattern_check(const char *pattern)
{
    int y = 0, m = 0, d = 0;
    for (const char *p = pattern; *p; p++) {
        if (*p == 'Y')
            y++;
        else if (*p == 'M')
            m++;
        else if (*p == 'D')
            d++;
    }
    return y == 4 && (m == 1 || m == 2) && d <= 2 ? 0 : -1;
}

int bt_date_parse_pattern(const char *pattern, const char *s, size_t n,
                          bt_day *out, const char **why)
{
    struct cur c = {s, s + n};
    int y = -1, m = 12, d = 0;
    *why = "date does not match the mapping's format";
    for (const char *p = pattern; *p;) {
        size_t run = strspn(p, (char[]){*p, 0});
        if (*p == 'Y' || *p == 'M' || *p == 'D') {
            /* MM and DD take exactly two digits, M and D one or two */
            int v = digits(&c, run == 1 ? 1 : (int)run, (int)(run == 1 ? 2 : run));
            if (v < 0)
                return -1;
            if (*p == 'Y')
                y = v;
            else if (*p == 'M')
                m = v;
            else
                d = v;
        } else if (c.end - c.p < (long)run || memcmp(c.p, p, run) != 0) {
            return -1;
        } else {
            c.p += run;
        }
        p += run;
    }
    if (c.p != c.end || y < 0)
        return -1;
    if (d == 0 && strchr(pattern, 'D')) {
        *why = "impossible date";
        return -1;
    }
    return finish(y, m, d, out, why);
}

int bt_month_parse(const char *s, size_t n)
{
    struct cur c = {s, s + n};
    trim(&c);
    int m = c.p < c.end && *c.p >= '0' && *c.p <= '9' ? digits(&c, 1, 2)
                                                       : month_name(&c);
    eat(&c, "月");
    return c.p == c.end && m >= 1 && m <= 12 ? m : -1;
}

int bt_fiscal_parse(const char *s, size_t n, int start_month, bt_day *out,
                    const char **why)
{
    struct cur c = {s, s + n};
    trim(&c);
    *why = "not a financial year such as 2004/05";
    eat(&c, "FY");
    int y = digits(&c, 4, 4);
    if (y < 0 || !(eat(&c, "/") || eat(&c, "-")))
        return -1;
    const char *second = c.p;
    int y2 = digits(&c, 2, 4);
    if (y2 < 0 || c.p != c.end)
        return -1;
    if (c.p - second == 2 ? y2 != (y + 1) % 100 : y2 != y + 1) {
        *why = "a financial year's second year must follow its first";
        return -1;
    }
    return finish(y + 1, start_month - 1, 0, out, why);
}

size_t bt_date_format(bt_day day, char *buf)
{
    int y, m, d;
    bt_day_to_civil(day, &y, &m, &d);
    if (y < 0 || y > 9999)
        return (size_t)snprintf(buf, 11, "%04d-%02d-%02d", y, m, d);
    /* the common case, digit by digit: a log line per observation */
    char *p = buf;
    *p++ = (char)('0' + y / 1000);
    *p++ = (char)('0' + y / 100 % 10);
    *p++ = (char)('0' + y / 10 % 10);
    *p++ = (char)('0' + y % 10);
    *p++ = '-';
    *p++ = (char)('0' + m / 10);
    *p++ = (char)('0' + m % 10);
    *p++ = '-';
    *p++ = (char)('0' + d / 10);
    *p++ = (char)('0' + d % 10);
    *p = '\0';
    return 10;
}

size_t bt_period_format(bt_day day, enum bt_freq f, char *buf)
{
    int y, m, d;
    bt_day_to_civil(day, &y, &m, &d);
    int last = d == bt_days_in_month(y, m);
    if (f == BT_FREQ_YEARLY && last && m == 12)
        return (size_t)snprintf(buf, 11, "%04d", y);
    if (f == BT_FREQ_QUARTERLY && last && m % 3 == 0)
        return (size_t)snprintf(buf, 11, "%04dQ%d", y, m / 3);
    if (f == BT_FREQ_MONTHLY && last)
        return (size_t)snprintf(buf, 11, "%04d-%02d", y, m);
    return bt_date_format(day, buf);
}

static const char *const freq_names[] = {"yearly", "quarterly", "monthly",
                                         "daily"};

int bt_freq_parse(const char *s, enum bt_freq *out)
{
    for (int i = 0; i < 4; i++)
        if (strcmp(s, freq_names[i]) == 0) {
            *out = (enum bt_freq)i;
            return 0;
        }
    return -1;
}

const char *bt_freq_name(enum bt_freq f)
{
    return freq_names[f];
}
