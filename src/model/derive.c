/* derive.c - sums and means over coarser periods, ratios and changes on a
 * year earlier (derive.h). */
#include "derive.h"

#include <string.h>

int bt_derive_period_parse(const char *s, enum bt_derive_period *out)
{
    static const char *const names[] = {"year", "month", "quarter", ""};
    for (int i = 0; i < 4; i++)
        if (strcmp(s, names[i]) == 0) {
            *out = (enum bt_derive_period)i;
            return 0;
        }
    return -1;
}

int bt_derive_fn_parse(const char *s, enum bt_derive_fn *out)
{
    static const char *const names[] = {"sum", "mean", "ratio", "yoy", "yoy_pct"};
    for (int i = 0; i < 5; i++)
        if (strcmp(s, names[i]) == 0) {
            *out = (enum bt_derive_fn)i;
            return 0;
        }
    return -1;
}

int bt_derive_coarser(enum bt_derive_period p, enum bt_freq f)
{
    switch (p) {
    case BT_DERIVE_YEAR: return f != BT_FREQ_YEARLY;
    case BT_DERIVE_QUARTER: return f == BT_FREQ_MONTHLY || f == BT_FREQ_DAILY;
    case BT_DERIVE_MONTH: return f == BT_FREQ_DAILY;
    default: return 0;
    }
}

/* The first and last day of the period that holds day. */
static void period_of(enum bt_derive_period p, bt_day day, bt_day *first,
                      bt_day *last)
{
    int y, m, d;
    bt_day_to_civil(day, &y, &m, &d);
    if (p == BT_DERIVE_YEAR) {
        *first = bt_day_from_civil(y, 1, 1);
        *last = bt_day_from_civil(y, 12, 31);
    } else if (p == BT_DERIVE_QUARTER) {
        int q0 = (m - 1) / 3 * 3 + 1;
        *first = bt_day_from_civil(y, q0, 1);
        *last = bt_day_from_civil(y, q0 + 2, bt_days_in_month(y, q0 + 2));
    } else {
        *first = bt_day_from_civil(y, m, 1);
        *last = bt_day_from_civil(y, m, bt_days_in_month(y, m));
    }
}

/* How many observations of frequency f a complete period [first, last]
 * holds: one a day, a month or a quarter. */
static size_t expected(enum bt_freq f, bt_day first, bt_day last)
{
    int y0, m0, y1, m1, d;
    bt_day_to_civil(first, &y0, &m0, &d);
    bt_day_to_civil(last, &y1, &m1, &d);
    size_t months = (size_t)((y1 - y0) * 12 + (m1 - m0) + 1);
    if (f == BT_FREQ_MONTHLY)
        return months;
    if (f == BT_FREQ_QUARTERLY)
        return months / 3;
    return (size_t)(last - first) + 1;
}

/* The sums or means of each complete period. */
static void aggregate(const struct bt_derive *d, const struct bt_point *in,
                      size_t n, struct bt_points *out)
{
    for (size_t i = 0; i < n;) {
        bt_day first, last;
        period_of(d->period, in[i].day, &first, &last);
        double sum = 0;
        size_t j = i;
        for (; j < n && in[j].day <= last; j++)
            sum += in[j].value;
        size_t k = expected(d->from_freq, first, last);
        if (j - i == k) /* sorted, one point a period: every one is there */
            bt_points_add(out, last, d->fn == BT_DERIVE_SUM ? sum : sum / (double)k);
        i = j;
    }
}

/* The day a year before day, for a series of frequency f: the same
 * period's last day (2024-02-29's month a year earlier ends on the 28th),
 * or for a daily one the same date (none for 29 February: -1). */
static bt_day year_before(bt_day day, enum bt_freq f)
{
    int y, m, d;
    bt_day_to_civil(day, &y, &m, &d);
    if (f != BT_FREQ_DAILY)
        return bt_day_from_civil(y - 1, m, bt_days_in_month(y - 1, m));
    if (d > bt_days_in_month(y - 1, m))
        return -1;
    return bt_day_from_civil(y - 1, m, d);
}

/* The value on day among in[0..n) (sorted), found from *at onwards. */
static const struct bt_point *find(const struct bt_point *in, size_t n,
                                   size_t *at, bt_day day)
{
    while (*at < n && in[*at].day < day)
        (*at)++;
    return *at < n && in[*at].day == day ? &in[*at] : NULL;
}

/* Each value's change on the one a year earlier. */
static void year_on_year(const struct bt_derive *d, const struct bt_point *in,
                         size_t n, struct bt_points *out)
{
    size_t at = 0;
    for (size_t i = 0; i < n; i++) {
        bt_day before = year_before(in[i].day, d->from_freq);
        const struct bt_point *p = before < 0 ? NULL : find(in, n, &at, before);
        if (!p)
            continue;
        if (d->fn == BT_DERIVE_YOY)
            bt_points_add(out, in[i].day, in[i].value - p->value);
        else if (p->value != 0)
            bt_points_add(out, in[i].day, (in[i].value / p->value - 1) * 100);
    }
}

void bt_derive_points(const struct bt_derive *d, const struct bt_point *in,
                      size_t n, struct bt_points *out)
{
    out->n = 0;
    if (d->fn == BT_DERIVE_YOY || d->fn == BT_DERIVE_YOY_PCT)
        year_on_year(d, in, n, out);
    else if (d->fn != BT_DERIVE_RATIO)
        aggregate(d, in, n, out);
}

void bt_derive_ratio(const struct bt_point *num, size_t n,
                     const struct bt_point *den, size_t m, double scale,
                     struct bt_points *out)
{
    size_t at = 0;
    out->n = 0;
    for (size_t i = 0; i < n; i++) {
        const struct bt_point *q = find(den, m, &at, num[i].day);
        if (q && q->value != 0)
            bt_points_add(out, num[i].day, scale * num[i].value / q->value);
    }
}
