/* Unit tests: progress.c, golden cases for every status (see
 * docs/methodology.md for the same cases worked by hand). */
#include <math.h>

#include "check.h"
#include "assess/currency.h"
#include "assess/progress.h"

static bt_day Y(int y) /* a year's period date: its last day */
{
    return bt_day_from_civil(y, 12, 31);
}

struct tcase {
    const char *name;
    enum bt_direction dir;
    struct bt_target targets[4];
    size_t ntargets;
    struct bt_point obs[4];
    size_t nobs;
    enum bt_status want;
    double progress; /* NAN: not checked */
    int projected_year; /* 0: no projection expected */
};

static void run(const struct tcase *c)
{
    struct bt_indicator ind = {.id = (char *)c->name, .direction = c->dir,
                               .targets = (struct bt_target *)c->targets,
                               .ntargets = c->ntargets};
    struct bt_progress p;
    bt_progress_assess(&ind, c->obs, c->nobs, INT32_MAX, &p);
    if (p.status != c->want)
        fprintf(stderr, "%s: status %s, want %s\n", c->name,
                bt_status_name(p.status), bt_status_name(c->want));
    CHECK(p.status == c->want);
    if (!isnan(c->progress) && fabs(p.progress - c->progress) > 1e-9) {
        fprintf(stderr, "%s: progress %.6f, want %.6f\n", c->name, p.progress,
                c->progress);
        CHECK(!"progress");
    }
    int y = 0, m, d;
    if (p.has_projection)
        bt_day_to_civil(p.projected_date, &y, &m, &d);
    if (y != c->projected_year)
        fprintf(stderr, "%s: projected %d, want %d\n", c->name, y,
                c->projected_year);
    CHECK(y == c->projected_year);
}

#define B(y, v) {Y(y), v, BT_KIND_BASELINE, NULL, 0}
#define M(y, v) {Y(y), v, BT_KIND_MILESTONE, NULL, 0}
#define T(y, v) {Y(y), v, BT_KIND_TARGET, NULL, 0}
#define O(y, v) {Y(y), v}

/* A dense daily series is assessed on the mean of its last complete
 * month: a one-day peak on 29 February and a lone 1 March change nothing
 * but that month's mean. */
static void consolidated_daily(void)
{
    struct bt_target t[2] = {{bt_day_from_civil(2024, 1, 1), 100, BT_KIND_BASELINE, NULL, 0},
                             {bt_day_from_civil(2030, 12, 31), 400, BT_KIND_TARGET, NULL, 0}};
    struct bt_indicator ind = {.id = "daily", .freq = BT_FREQ_DAILY,
                               .targets = t, .ntargets = 2};
    struct bt_point obs[61];
    bt_day d = bt_day_from_civil(2024, 1, 1);
    for (int i = 0; i < 61; i++) /* January 100 a day, February 200 */
        obs[i] = (struct bt_point){d + i, i < 31 ? 100 : 200};
    obs[59].value = 5000; /* 29 February */
    obs[60].value = 1;    /* 1 March: a month not complete */
    struct bt_progress p;
    bt_progress_assess(&ind, obs, 61, INT32_MAX, &p);
    CHECK(p.consolidation == BT_CONS_MONTH_MEAN);
    CHECK(p.latest_date == bt_day_from_civil(2024, 2, 29));
    CHECK(fabs(p.latest_value - (200.0 * 28 + 5000) / 29) < 1e-9);
    /* as of 31 January, February is not complete */
    bt_progress_assess(&ind, obs, 61, bt_day_from_civil(2024, 2, 28), &p);
    CHECK(p.latest_date == bt_day_from_civil(2024, 1, 31) && p.latest_value == 100);
}

/* A monthly series is assessed on the mean of its last three consecutive
 * months: 100, 100, 400 reads 200, dated the third. */
static void consolidated_monthly(void)
{
    struct bt_target t[2] = {{bt_day_from_civil(2023, 12, 31), 100, BT_KIND_BASELINE, NULL, 0},
                             {bt_day_from_civil(2030, 12, 31), 400, BT_KIND_TARGET, NULL, 0}};
    struct bt_indicator ind = {.id = "monthly", .freq = BT_FREQ_MONTHLY,
                               .targets = t, .ntargets = 2};
    struct bt_point obs[3] = {{bt_day_from_civil(2024, 1, 31), 100},
                              {bt_day_from_civil(2024, 2, 29), 100},
                              {bt_day_from_civil(2024, 3, 31), 400}};
    struct bt_progress p;
    bt_progress_assess(&ind, obs, 3, INT32_MAX, &p);
    CHECK(p.consolidation == BT_CONS_QUARTER_MEAN);
    CHECK(p.latest_date == bt_day_from_civil(2024, 3, 31) && p.latest_value == 200);
    /* two months: not consolidated, the latest month as it is */
    bt_progress_assess(&ind, obs, 2, INT32_MAX, &p);
    CHECK(p.consolidation == BT_CONS_NONE && p.latest_value == 100);
}

/* The actual pace is fitted to every point within five years: 100, 110,
 * 121, 133.1 is 10 %/yr exactly; a last point of 160 moves the fitted rate
 * less than the two-point rate from the baseline. */
static void fitted_pace(void)
{
    struct bt_target t[2] = {B(2020, 100), T(2030, 300)};
    struct bt_indicator ind = {.id = "fit", .targets = t, .ntargets = 2};
    struct bt_point obs[3] = {O(2021, 110), O(2022, 121), O(2023, 133.1)};
    struct bt_progress p;
    bt_progress_assess(&ind, obs, 3, INT32_MAX, &p);
    CHECK(p.method == BT_PACE_GROWTH && fabs(p.rate_actual - 0.10) < 1e-4);
    obs[2].value = 160;
    bt_progress_assess(&ind, obs, 3, INT32_MAX, &p);
    double two_point = pow(1.6, 1 / 3.0) - 1;
    CHECK(fabs(p.rate_actual - 0.1625) < 1e-3 && p.rate_actual < two_point);
}

/* Joint laboratories as shipped: 10 (2020), 20 (2021-10-13), target 40
 * by 2025. Assessed as of 2026-12-01 the 2025 date has passed with no
 * figure since: never on track, no projection in the past, and the
 * figure (1,875 days old against a yearly 549) is stale. Assessed as of
 * 2022-06-30 it is on track, its projection (2022-07-26) still ahead. */
static void joint_labs(void)
{
    struct bt_target t[1] = {T(2025, 40)};
    struct bt_indicator ind = {.id = "science.joint_labs", .freq = BT_FREQ_YEARLY,
                               .targets = t, .ntargets = 1};
    struct bt_point obs[2] = {O(2020, 10), {bt_day_from_civil(2021, 10, 13), 20}};
    struct bt_progress p;
    struct bt_currency cur;
    bt_day as_of = bt_day_from_civil(2026, 12, 1);
    bt_progress_assess(&ind, obs, 2, as_of, &p);
    CHECK(p.status == BT_DATE_PASSED);
    CHECK(!p.has_projection && p.projection_past);
    bt_currency_assess(&ind, p.has_last, p.last_date, as_of, &cur);
    CHECK(cur.known && cur.stale && cur.age_days == 1875 && cur.allowed_days == 549);
    as_of = bt_day_from_civil(2022, 6, 30);
    bt_progress_assess(&ind, obs, 2, as_of, &p);
    CHECK(p.status == BT_ON_TRACK);
    CHECK(p.has_projection && p.projected_date == bt_day_from_civil(2022, 7, 26));
    bt_currency_assess(&ind, p.has_last, p.last_date, as_of, &cur);
    CHECK(cur.known && !cur.stale && cur.age_days == 260);
    /* no as-of date: nothing to judge the deadline or the age by */
    bt_progress_assess(&ind, obs, 2, INT32_MAX, &p);
    CHECK(p.status == BT_ON_TRACK);
    bt_currency_assess(&ind, p.has_last, p.last_date, INT32_MAX, &cur);
    CHECK(!cur.known && !cur.stale);
    /* releases.csv's interval replaces the frequency's */
    ind.release_days = 2000;
    bt_currency_assess(&ind, 1, obs[1].day, bt_day_from_civil(2026, 12, 1), &cur);
    CHECK(!cur.stale && cur.allowed_days == 2000);
}

/* A passed deadline: a figure on or after the date decides as the method
 * says (met: achieved; not met: off track); none since: date_passed,
 * whatever the pace before it, and a target met before the date stays
 * achieved. */
static void passed_deadline(void)
{
    struct bt_target t[2] = {B(2015, 100), T(2020, 200)};
    struct bt_indicator ind = {.id = "deadline", .targets = t, .ntargets = 2};
    struct bt_point obs[3] = {O(2018, 170), O(2020, 190), O(2021, 210)};
    struct bt_progress p;
    bt_day as_of = Y(2023);
    bt_progress_assess(&ind, obs, 1, as_of, &p);
    CHECK(p.status == BT_DATE_PASSED && p.progress > 0.69 && p.progress < 0.71);
    bt_progress_assess(&ind, obs, 2, as_of, &p);
    CHECK(p.status == BT_OFF_TRACK);
    bt_progress_assess(&ind, obs, 3, as_of, &p);
    CHECK(p.status == BT_ACHIEVED);
    /* as of the day before the target's date, 2018's figure is on track */
    bt_progress_assess(&ind, obs, 1, Y(2020) - 1, &p);
    CHECK(p.status == BT_ON_TRACK);
    /* achieved before the date: stays achieved after it */
    struct bt_point early[1] = {O(2018, 205)};
    bt_progress_assess(&ind, early, 1, as_of, &p);
    CHECK(p.status == BT_ACHIEVED);
}

/* A break starts the assessment anew: a series that fell from 100 to 5
 * (a closure) and recovered to 80 has grown over 100 %/yr since its 2021
 * trough when assessed across the break (on track for 200 by 2030), 10 %/yr
 * after it (moderate progress: 14.8 %/yr needed from 66 in 2022); the
 * catalogue's baseline in the closure is set aside for the first figure
 * after the break. */
static void series_break(void)
{
    struct bt_target t[2] = {B(2021, 5), T(2030, 200)};
    struct bt_indicator ind = {.id = "break", .targets = t, .ntargets = 2};
    struct bt_point obs[4] = {O(2021, 5), O(2022, 66.1157), O(2023, 72.7273),
                              O(2024, 80)};
    struct bt_progress p;
    bt_progress_assess(&ind, obs, 4, Y(2024), &p);
    CHECK(!p.brk && p.rate_actual > 1.0 && p.status == BT_ON_TRACK);
    struct bt_break k = {bt_day_from_civil(2022, 2, 6), "reopening", "test"};
    ind.breaks = &k;
    ind.nbreaks = 1;
    bt_progress_assess(&ind, obs, 4, Y(2024), &p);
    CHECK(p.brk == &k && p.baseline_set_aside && p.baseline_observed);
    CHECK(p.baseline_date == Y(2022) && fabs(p.baseline_value - 66.1157) < 1e-9);
    CHECK(fabs(p.rate_actual - 0.10) < 1e-4);
    CHECK(p.status == BT_MODERATE_PROGRESS); /* 14.8 %/yr needed from 2022 */
    /* as of before the break, the break does not apply */
    bt_progress_assess(&ind, obs, 4, Y(2021), &p);
    CHECK(!p.brk && !p.baseline_set_aside);
}

int main(void)
{
    joint_labs();
    passed_deadline();
    series_break();
    consolidated_daily();
    consolidated_monthly();
    fitted_pace();
    const struct tcase cases[] = {
        /* up, growth method: 100 -> 200 over 10 years needs 7.18 %/yr */
        {"achieved_up", BT_DIR_UP, {B(2015, 100), T(2025, 200)}, 2,
         {O(2020, 150), O(2022, 210)}, 2, BT_ACHIEVED, 1.1, 2022},
        {"on_track_up", BT_DIR_UP, {B(2015, 100), T(2025, 200)}, 2,
         {O(2020, 145)}, 1, BT_ON_TRACK, 0.45, 2025},
        {"moderate_up", BT_DIR_UP, {B(2015, 100), T(2025, 200)}, 2,
         {O(2020, 125)}, 1, BT_MODERATE_PROGRESS, 0.25, 2031},
        {"off_track_up", BT_DIR_UP, {B(2015, 100), T(2025, 200)}, 2,
         {O(2020, 110)}, 1, BT_OFF_TRACK, 0.1, 2052},
        {"deterioration_up", BT_DIR_UP, {B(2015, 100), T(2025, 200)}, 2,
         {O(2020, 90)}, 1, BT_DETERIORATION, -0.1, 0},
        {"insufficient_no_target", BT_DIR_UP, {B(2015, 100)}, 1,
         {O(2020, 150)}, 1, BT_INSUFFICIENT_DATA, NAN, 0},
        {"insufficient_no_data", BT_DIR_UP, {B(2015, 100), T(2025, 200)}, 2,
         {{0, 0}}, 0, BT_INSUFFICIENT_DATA, NAN, 0},
        /* down: 45 -> 20 minutes; 25 by 2024 is ahead of the path */
        {"on_track_down", BT_DIR_DOWN, {B(2020, 45), T(2035, 20)}, 2,
         {O(2024, 25)}, 1, BT_ON_TRACK, 0.8, 2026},
        {"achieved_down", BT_DIR_DOWN, {B(2020, 45), T(2035, 20)}, 2,
         {O(2024, 19)}, 1, BT_ACHIEVED, 1.04, 2024},
        {"deterioration_down", BT_DIR_DOWN, {B(2020, 45), T(2035, 20)}, 2,
         {O(2024, 50)}, 1, BT_DETERIORATION, -0.2, 0},
        /* zero baseline: growth rates break, the linear rule decides:
         * 0 -> 100 over 10 years; 31 after 5 years (1827 of 3653 days) is
         * 0.62 of the pace */
        {"zero_baseline_moderate", BT_DIR_UP, {B(2015, 0), T(2025, 100)}, 2,
         {O(2020, 31)}, 1, BT_MODERATE_PROGRESS, 0.31, 2032},
        {"zero_baseline_on_track", BT_DIR_UP, {B(2015, 0), T(2025, 100)}, 2,
         {O(2020, 50)}, 1, BT_ON_TRACK, 0.5, 2026},
        /* the target date has passed and the target is not met */
        {"past_target", BT_DIR_UP, {B(2010, 100), T(2020, 200)}, 2,
         {O(2023, 190)}, 1, BT_OFF_TRACK, 0.9, 2025},
        /* several milestones: path 0 (2015) -> 10 (2020) -> 20 (2022)
         * -> 100 (2035); the next milestone after 2021 is 20 (2022), the
         * path asks for 15 by 2021: 14.5 is 0.725 against 0.75 needed */
        {"milestones_on_track", BT_DIR_UP,
         {B(2015, 0), M(2020, 10), M(2022, 20), T(2035, 100)}, 4,
         {O(2021, 14.5)}, 1, BT_ON_TRACK, 0.725, 2024},
        {"milestones_off_track", BT_DIR_UP,
         {B(2015, 0), M(2020, 10), M(2022, 20), T(2035, 100)}, 4,
         {O(2021, 5)}, 1, BT_OFF_TRACK, 0.25, 2040},
        /* without a catalogue baseline the first observation is one */
        {"observed_baseline", BT_DIR_UP, {T(2030, 200)}, 1,
         {O(2020, 100), O(2025, 150)}, 2, BT_ON_TRACK, 0.5, 2029},
        /* no target: the trend over at most five years (Eurostat's rule) */
        {"trend_improving", BT_DIR_UP, {{0}}, 0,
         {O(2020, 100), O(2022, 110)}, 2, BT_IMPROVING, NAN, 0},
        {"trend_little_change", BT_DIR_UP, {{0}}, 0,
         {O(2020, 100), O(2024, 101)}, 2, BT_LITTLE_CHANGE, NAN, 0},
        {"trend_worsening_down", BT_DIR_DOWN, {{0}}, 0,
         {O(2020, 100), O(2021, 110)}, 2, BT_WORSENING, NAN, 0},
        /* 2010 is more than five years before 2021: 2020 starts the trend */
        {"trend_window", BT_DIR_UP, {{0}}, 0,
         {O(2010, 1), O(2020, 100), O(2021, 98)}, 3, BT_WORSENING, NAN, 0},
        /* a baseline with no target is not a trend's start */
        {"trend_baseline_only", BT_DIR_UP, {B(2015, 100)}, 1,
         {O(2020, 150), O(2021, 150)}, 2, BT_LITTLE_CHANGE, NAN, 0},
        /* a route already under a down target is achieved */
        {"already_there", BT_DIR_DOWN, {T(2035, 60)}, 1, {O(2024, 47)}, 1,
         BT_ACHIEVED, NAN, 2024},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++)
        run(&cases[i]);

    /* the planned path is piecewise linear and flat after the last target */
    struct bt_target t[] = {B(2015, 0), M(2020, 10), M(2022, 20), T(2035, 100)};
    struct bt_indicator ind = {.targets = t, .ntargets = 4};
    CHECK(fabs(bt_planned_value(&ind, Y(2015), 0, Y(2021)) - 14.99) < 0.02);
    CHECK(bt_planned_value(&ind, Y(2015), 0, Y(2040)) == 100);
    CHECK(isnan(bt_planned_value(&ind, Y(2015), 0, Y(2010))));
    return CHECK_DONE();
}
