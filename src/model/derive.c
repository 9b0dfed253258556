/* derive.c - yearly or monthly sums and means of daily series (derive.h). */
#include "derive.h"

#include <string.h>

int bt_derive_period_parse(const char *s, enum bt_derive_period *out)
{
    if (strcmp(s, "year") == 0)
        *out = BT_DERIVE_YEAR;
    else if (strcmp(s, "month") == 0)
        *out = BT_DERIVE_MONTH;
    else
        return -1;
    return 0;
}

int bt_derive_fn_parse(const char *s, enum bt_derive_fn *out)
{
    if (strcmp(s, "sum") == 0)
        *out = BT_DERIVE_SUM;
    else if (strcmp(s, "mean") == 0)
        *out = BT_DERIVE_MEAN;
    else
        return -1;
    return 0;
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
    } else {
        *first = bt_day_from_civil(y, m, 1);
        *last = bt_day_from_civil(y, m, bt_days_in_month(y, m));
    }
}

void bt_derive_points(const struct bt_derive *d, const struct bt_point *in,
                      size_t n, struct bt_points *out)
{
    out->n = 0;
    for (size_t i = 0; i < n;) {
        bt_day first, last;
        period_of(d->period, in[i].day, &first, &last);
        double sum = 0;
        size_t j = i;
        for (; j < n && in[j].day <= last; j++)
            sum += in[j].value;
        size_t days = (size_t)(last - first) + 1;
        if (j - i == days) /* sorted, one point a day: every day is there */
            bt_points_add(out, last, d->fn == BT_DERIVE_SUM ? sum : sum / (double)days);
        i = j;
    }
}
