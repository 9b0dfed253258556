/* test_derive.c - derived series (derive.h) against values computed by
 * hand: a quarterly sum of monthly figures, a yearly mean of quarterly
 * ones, complete periods only, a ratio, and the change on a year earlier
 * (absolute and in %), month ends and 29 February included. */
#include <math.h>
#include <stdio.h>

#include "check.h"
#include "model/derive.h"

static bt_day D(int y, int m, int d)
{
    return bt_day_from_civil(y, m, d);
}

/* month m of 2024 (its last day) */
static bt_day M(int m)
{
    return D(2024, m, bt_days_in_month(2024, m));
}

static int has(const struct bt_points *p, size_t i, bt_day day, double v)
{
    return i < p->n && p->v[i].day == day && fabs(p->v[i].value - v) < 1e-9;
}

static void aggregates(void)
{
    struct bt_points out = {0};
    /* January to June at 1..6: Q1 = 1+2+3 = 6, Q2 = 4+5+6 = 15 */
    struct bt_point months[6];
    for (int m = 1; m <= 6; m++)
        months[m - 1] = (struct bt_point){M(m), m};
    struct bt_derive q = {.period = BT_DERIVE_QUARTER, .fn = BT_DERIVE_SUM,
                          .from_freq = BT_FREQ_MONTHLY};
    bt_derive_points(&q, months, 6, &out);
    CHECK(out.n == 2 && has(&out, 0, M(3), 6) && has(&out, 1, M(6), 15));
    /* March missing: Q1 is not complete and has no value */
    struct bt_point gap[5] = {months[0], months[1], months[3], months[4], months[5]};
    bt_derive_points(&q, gap, 5, &out);
    CHECK(out.n == 1 && has(&out, 0, M(6), 15));
    /* a yearly mean of quarters 10, 20, 30, 40: 25; a year of three: none */
    struct bt_point quarters[7] = {{M(3), 10}, {M(6), 20}, {M(9), 30}, {M(12), 40},
                                   {D(2025, 3, 31), 1}, {D(2025, 6, 30), 1},
                                   {D(2025, 9, 30), 1}};
    struct bt_derive y = {.period = BT_DERIVE_YEAR, .fn = BT_DERIVE_MEAN,
                          .from_freq = BT_FREQ_QUARTERLY};
    bt_derive_points(&y, quarters, 7, &out);
    CHECK(out.n == 1 && has(&out, 0, M(12), 25));
    /* a daily month: 29 days of February 2024 at 2 sum to 58 */
    struct bt_point days[29];
    for (int d = 1; d <= 29; d++)
        days[d - 1] = (struct bt_point){D(2024, 2, d), 2};
    struct bt_derive mo = {.period = BT_DERIVE_MONTH, .fn = BT_DERIVE_SUM,
                           .from_freq = BT_FREQ_DAILY};
    bt_derive_points(&mo, days, 29, &out);
    CHECK(out.n == 1 && has(&out, 0, D(2024, 2, 29), 58));
    bt_derive_points(&mo, days, 28, &out);
    CHECK(out.n == 0);
    bt_points_release(&out);
}

static void ratio(void)
{
    struct bt_points out = {0};
    /* per 1,000: 50 / 200 x 1000 = 250 in 2023; 2024's denominator is 0
     * and 2025 has no numerator: neither has a value */
    struct bt_point num[2] = {{D(2023, 12, 31), 50}, {D(2024, 12, 31), 60}};
    struct bt_point den[3] = {{D(2023, 12, 31), 200}, {D(2024, 12, 31), 0},
                              {D(2025, 12, 31), 5}};
    bt_derive_ratio(num, 2, den, 3, 1000, &out);
    CHECK(out.n == 1 && has(&out, 0, D(2023, 12, 31), 250));
    /* a share in %: 1 of 8 is 12.5 */
    struct bt_point part = {D(2023, 12, 31), 1}, whole = {D(2023, 12, 31), 8};
    bt_derive_ratio(&part, 1, &whole, 1, 100, &out);
    CHECK(out.n == 1 && has(&out, 0, D(2023, 12, 31), 12.5));
    bt_points_release(&out);
}

static void year_on_year(void)
{
    struct bt_points out = {0};
    /* yearly: 80 (2022), 100 (2023): +20, +25 % */
    struct bt_point years[2] = {{D(2022, 12, 31), 80}, {D(2023, 12, 31), 100}};
    struct bt_derive yoy = {.period = BT_DERIVE_SAME, .fn = BT_DERIVE_YOY,
                            .from_freq = BT_FREQ_YEARLY};
    bt_derive_points(&yoy, years, 2, &out);
    CHECK(out.n == 1 && has(&out, 0, D(2023, 12, 31), 20));
    yoy.fn = BT_DERIVE_YOY_PCT;
    bt_derive_points(&yoy, years, 2, &out);
    CHECK(out.n == 1 && has(&out, 0, D(2023, 12, 31), 25));
    /* monthly: February 2023 ends on the 28th, February 2024 on the 29th:
     * 100 to 130 is +30 % */
    struct bt_point feb[3] = {{D(2023, 2, 28), 100}, {D(2023, 3, 31), 7},
                              {D(2024, 2, 29), 130}};
    yoy.from_freq = BT_FREQ_MONTHLY;
    bt_derive_points(&yoy, feb, 3, &out);
    CHECK(out.n == 1 && has(&out, 0, D(2024, 2, 29), 30));
    /* daily: 29 February has no day a year before; 1 March has */
    struct bt_point days[4] = {{D(2023, 2, 28), 1}, {D(2023, 3, 1), 4},
                               {D(2024, 2, 29), 2}, {D(2024, 3, 1), 5}};
    yoy.from_freq = BT_FREQ_DAILY;
    yoy.fn = BT_DERIVE_YOY;
    bt_derive_points(&yoy, days, 4, &out);
    CHECK(out.n == 1 && has(&out, 0, D(2024, 3, 1), 1));
    bt_points_release(&out);
}

static void parsing(void)
{
    enum bt_derive_period p;
    enum bt_derive_fn f;
    CHECK(bt_derive_period_parse("quarter", &p) == 0 && p == BT_DERIVE_QUARTER);
    CHECK(bt_derive_period_parse("", &p) == 0 && p == BT_DERIVE_SAME);
    CHECK(bt_derive_period_parse("week", &p) != 0);
    CHECK(bt_derive_fn_parse("yoy_pct", &f) == 0 && f == BT_DERIVE_YOY_PCT);
    CHECK(bt_derive_fn_parse("ratio", &f) == 0 && f == BT_DERIVE_RATIO);
    CHECK(bt_derive_fn_parse("median", &f) != 0);
    CHECK(bt_derive_coarser(BT_DERIVE_QUARTER, BT_FREQ_MONTHLY));
    CHECK(!bt_derive_coarser(BT_DERIVE_QUARTER, BT_FREQ_QUARTERLY));
    CHECK(bt_derive_coarser(BT_DERIVE_YEAR, BT_FREQ_QUARTERLY));
    CHECK(!bt_derive_coarser(BT_DERIVE_MONTH, BT_FREQ_MONTHLY));
}

int main(void)
{
    aggregates();
    ratio();
    year_on_year();
    parsing();
    return CHECK_DONE();
}
