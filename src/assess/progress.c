/* progress.c - progress against targets (see progress.h and
 * docs/methodology.md). */
#include "progress.h"

#include <math.h>
#include <stdint.h>
#include <string.h>

#include "model/breaks.h"

#define DAYS_PER_YEAR 365.2425

double bt_planned_value(const struct bt_indicator *ind, bt_day b, double x_b,
                        bt_day day)
{
    if (day < b)
        return NAN;
    bt_day d0 = b;
    double x0 = x_b;
    int any = 0;
    for (size_t i = 0; i < ind->ntargets; i++) {
        const struct bt_target *t = &ind->targets[i];
        if (t->kind == BT_KIND_BASELINE || t->date <= b)
            continue;
        any = 1;
        if (day <= t->date)
            return x0 + (t->value - x0) * (double)(day - d0) / (double)(t->date - d0);
        d0 = t->date;
        x0 = t->value;
    }
    return any ? x0 : NAN;
}

/* The catalogue's baseline: the latest one on or before the first target;
 * NULL if there is none. */
static const struct bt_target *catalogue_baseline(const struct bt_indicator *ind)
{
    const struct bt_target *base = NULL;
    for (size_t i = 0; i < ind->ntargets; i++) {
        const struct bt_target *t = &ind->targets[i];
        if (t->kind == BT_KIND_BASELINE)
            base = t;
        else if (base)
            break;
    }
    return base;
}

/* The next milestone or target on or after day t (after b), else the last
 * one after b; NULL if none. */
static const struct bt_target *next_target(const struct bt_indicator *ind,
                                           bt_day b, bt_day t)
{
    const struct bt_target *last = NULL;
    for (size_t i = 0; i < ind->ntargets; i++) {
        const struct bt_target *x = &ind->targets[i];
        if (x->kind == BT_KIND_BASELINE || x->date <= b)
            continue;
        if (x->date >= t)
            return x;
        last = x;
    }
    return last;
}

/* The consolidated observations of a dense daily or monthly series into
 * *out: a daily series' complete calendar months, each the mean of its
 * days dated the month's last day; a monthly series' mean of every three
 * consecutive months, dated the third. Returns how, or BT_CONS_NONE (and
 * *out empty) for another frequency or when no period is complete. */
static enum bt_consolidation consolidate(const struct bt_indicator *ind,
                          const struct bt_point *obs, size_t n,
                          struct bt_points *out)
{
    out->n = 0;
    if (ind->freq == BT_FREQ_DAILY) {
        struct bt_derive month = {.period = BT_DERIVE_MONTH, .fn = BT_DERIVE_MEAN,
                                  .from_freq = BT_FREQ_DAILY};
        bt_derive_points(&month, obs, n, out);
        return out->n ? BT_CONS_MONTH_MEAN : BT_CONS_NONE;
    }
    if (ind->freq != BT_FREQ_MONTHLY)
        return BT_CONS_NONE;
    for (size_t i = 2; i < n; i++) {
        int y0, m0, y2, m2, d;
        bt_day_to_civil(obs[i - 2].day, &y0, &m0, &d);
        bt_day_to_civil(obs[i].day, &y2, &m2, &d);
        if ((y2 * 12 + m2) - (y0 * 12 + m0) == 2)
            bt_points_add(out, obs[i].day,
                          (obs[i - 2].value + obs[i - 1].value + obs[i].value) / 3);
    }
    return out->n ? BT_CONS_QUARTER_MEAN : BT_CONS_NONE;
}

static double years(bt_day from, bt_day to)
{
    return (double)(to - from) / DAYS_PER_YEAR;
}

/* Point j of the fit: the baseline (b, x_b) for j = 0, else obs[lo+j-1]. */
static struct bt_point fit_point(const struct bt_point *obs, size_t lo,
                                 bt_day b, double x_b, size_t j)
{
    return j == 0 ? (struct bt_point){b, x_b} : obs[lo + j - 1];
}

/* The actual pace: the annual rate fitted by least squares to the points
 * from the baseline (b, x_b) to the latest observation t, within the last
 * BT_FIT_YEARS before t (at least two): of ln x for growth (returned as a
 * compound rate), of x for linear (per year). Two points give the rate
 * between them. */
static double fitted_rate(const struct bt_point *obs, size_t n, bt_day b,
                          double x_b, bt_day t, int growth)
{
    /* the points: j = 0 the baseline, then obs[lo..hi) (after b, up to t) */
    size_t lo = 0, hi = n;
    while (lo < n && obs[lo].day <= b)
        lo++;
    while (hi > lo && obs[hi - 1].day > t)
        hi--;
    size_t m = 1 + hi - lo, first = 0;
    while (first + 2 < m && (double)(t - fit_point(obs, lo, b, x_b, first).day) >
                                BT_FIT_YEARS * DAYS_PER_YEAR)
        first++;
    double sx = 0, sy = 0, sxx = 0, sxy = 0, k = (double)(m - first);
    for (size_t j = first; j < m; j++) {
        struct bt_point q = fit_point(obs, lo, b, x_b, j);
        double u = years(b, q.day), v = growth ? log(q.value) : q.value;
        sx += u, sy += v, sxx += u * u, sxy += u * v;
    }
    double slope = (k * sxy - sx * sy) / (k * sxx - sx * sx);
    return growth ? expm1(slope) : slope;
}

/* 1 when value is at or beyond the target, in the indicator's direction. */
static int reached(const struct bt_indicator *ind, double value, double target)
{
    return ind->direction == BT_DIR_UP ? value >= target : value <= target;
}

/* Fills pace, method and the rates of *r from obs[0..n), the observations
 * up to the latest. */
static void pace(const struct bt_indicator *ind, const struct bt_point *obs,
                 size_t n, struct bt_progress *r)
{
    double x_b = r->baseline_value, x_t = r->latest_value, x_T = r->target_value;
    int growth = x_b > 0 && x_t > 0 && x_T > 0;
    for (size_t i = 0; growth && i < n; i++)
        growth = obs[i].value > 0 || obs[i].day <= r->baseline_date;
    r->planned = bt_planned_value(ind, r->baseline_date, x_b, r->latest_date);
    r->rate_actual = fitted_rate(obs, n, r->baseline_date, x_b, r->latest_date,
                                 growth);
    if (growth) {
        r->method = BT_PACE_GROWTH;
        r->rate_required =
            pow(x_T / x_b, 1 / years(r->baseline_date, r->target_date)) - 1;
        r->pace = r->rate_actual / r->rate_required;
    } else {
        r->method = BT_PACE_LINEAR;
        double planned = r->latest_date >= r->target_date
                             ? x_T - x_b
                             : r->planned - x_b;
        r->rate_required = planned / years(r->baseline_date, r->latest_date);
        r->pace = planned != 0 && (planned > 0) == (x_T > x_b)
                      ? r->rate_actual / r->rate_required
                      : NAN;
    }
}

/* Projects the day the target is reached at the current pace. */
static void project(const struct bt_indicator *ind, const struct bt_point *obs,
                    size_t n, struct bt_progress *r)
{
    double x_t = r->latest_value, x_T = r->target_value;
    double need; /* years from t */
    if (r->status == BT_ACHIEVED) {
        for (size_t i = 0; i < n; i++) {
            if (obs[i].day >= r->baseline_date && obs[i].day <= r->latest_date &&
                reached(ind, obs[i].value, x_T)) {
                r->projected_date = obs[i].day;
                r->has_projection = 1;
                return;
            }
        }
        return;
    }
    if (r->method == BT_PACE_GROWTH)
        need = log(x_T / x_t) / log1p(r->rate_actual);
    else
        need = (x_T - x_t) / r->rate_actual;
    if (!isfinite(need) || need <= 0 || need > 2000)
        return; /* never at this pace */
    r->projected_date = r->latest_date + (bt_day)ceil(need * DAYS_PER_YEAR);
    r->has_projection = 1;
}

static enum bt_status decide(const struct bt_indicator *ind,
                             const struct bt_progress *r)
{
    if (reached(ind, r->latest_value, r->target_value))
        return BT_ACHIEVED;
    if (r->as_of != INT32_MAX && r->as_of > r->target_date &&
        r->latest_date < r->target_date)
        return BT_DATE_PASSED; /* nothing says whether it was met */
    if (r->target_value == r->baseline_value || r->progress < 0)
        return BT_DETERIORATION;
    if (r->latest_date >= r->target_date)
        return BT_OFF_TRACK; /* the date has passed and the target is not met */
    if (isnan(r->pace))
        return BT_INSUFFICIENT_DATA;
    if (r->pace < 0)
        return BT_DETERIORATION;
    if (r->pace >= BT_PACE_ON_TRACK)
        return BT_ON_TRACK;
    if (r->pace >= BT_PACE_MODERATE)
        return BT_MODERATE_PROGRESS;
    return BT_OFF_TRACK;
}

/* No target: classifies the trend of obs[0..n) (n >= 2) into r. */
static void trend(const struct bt_indicator *ind, const struct bt_point *obs,
                  size_t n, struct bt_progress *r)
{
    size_t s = 0;
    while (s < n - 2 && (double)(obs[n - 1].day - obs[s].day) >
                            BT_TREND_YEARS * DAYS_PER_YEAR)
        s++;
    double x_s = obs[s].value, x_t = obs[n - 1].value;
    double g = x_s > 0 && x_t > 0
                   ? pow(x_t / x_s, 1 / years(obs[s].day, obs[n - 1].day)) - 1
                   : (x_t > x_s) - (x_t < x_s);
    r->has_trend = 1;
    r->trend_date = obs[s].day;
    r->trend_value = x_s;
    r->rate_actual = g;
    if (ind->direction == BT_DIR_DOWN)
        g = -g;
    r->status = g >= BT_TREND_CHANGE    ? BT_IMPROVING
                : g <= -BT_TREND_CHANGE ? BT_WORSENING
                                        : BT_LITTLE_CHANGE;
}

/* The assessment of obs[0..n), the observations up to as_of, into *r
 * (initialised). */
static void assess(const struct bt_indicator *ind, const struct bt_point *obs,
                   size_t n, struct bt_progress *r)
{
    if (n > 0) {
        r->has_latest = 1;
        r->latest_date = obs[n - 1].day;
        r->latest_value = obs[n - 1].value;
    }
    const struct bt_target *base = catalogue_baseline(ind);
    if (base && r->brk && base->date < r->brk->date) {
        r->baseline_set_aside = 1; /* measured before the break */
        base = NULL;
    }
    if (base) {
        r->has_baseline = 1;
        r->baseline_date = base->date;
        r->baseline_value = base->value;
    } else if (n > 0) {
        r->has_baseline = r->baseline_observed = 1;
        r->baseline_date = obs[0].day;
        r->baseline_value = obs[0].value;
    }
    if (!r->has_baseline)
        return;
    r->target = next_target(ind, r->baseline_date,
                            r->has_latest ? r->latest_date : r->baseline_date);
    if (r->target) {
        r->has_target = 1;
        r->target_date = r->target->date;
        r->target_value = r->target->value;
    }
    if (!r->has_target && n >= 2) {
        trend(ind, obs, n, r);
        return;
    }
    if (!r->has_latest || !r->has_target || r->latest_date < r->baseline_date)
        return;
    double x_b = r->baseline_value;
    if (r->target_value != x_b)
        r->progress = (r->latest_value - x_b) / (r->target_value - x_b);
    r->elapsed = (double)(r->latest_date - r->baseline_date) /
                 (double)(r->target_date - r->baseline_date);
    if (r->latest_date == r->baseline_date) {
        /* nothing measured since the baseline: no progress to speak of,
         * but the target may be met already */
        r->progress = NAN;
        if (reached(ind, r->latest_value, r->target_value)) {
            r->status = BT_ACHIEVED;
            project(ind, obs, n, r);
        }
        return;
    }
    pace(ind, obs, n, r);
    r->status = decide(ind, r);
    if (r->status == BT_ACHIEVED || r->target_value != x_b)
        project(ind, obs, n, r);
    if (r->has_projection && r->status != BT_ACHIEVED &&
        r->as_of != INT32_MAX && r->projected_date < r->as_of) {
        r->has_projection = 0; /* a date already past is no projection */
        r->projection_past = 1;
    }
}

void bt_progress_assess(const struct bt_indicator *ind,
                        const struct bt_point *obs, size_t n, bt_day as_of,
                        struct bt_progress *r)
{
    memset(r, 0, sizeof *r);
    r->status = BT_INSUFFICIENT_DATA;
    r->latest_value = r->baseline_value = r->target_value = NAN;
    r->progress = r->elapsed = r->planned = r->pace = NAN;
    r->rate_actual = r->rate_required = NAN;
    r->last_value = NAN;
    r->as_of = as_of;
    while (n > 0 && obs[n - 1].day > as_of)
        n--;
    if (n > 0) {
        r->has_last = 1;
        r->last_date = obs[n - 1].day;
        r->last_value = obs[n - 1].value;
        r->brk = bt_break_last(ind, r->last_date);
    }
    size_t from = 0;
    while (r->brk && from < n && obs[from].day < r->brk->date)
        from++;
    obs += from, n -= from;
    struct bt_points cons = {0};
    r->consolidation = consolidate(ind, obs, n, &cons);
    if (r->consolidation != BT_CONS_NONE)
        obs = cons.v, n = cons.n;
    assess(ind, obs, n, r);
    /* no display contradicts itself: achieved is at least 100 % (a target
     * met at the baseline, or one set on the far side of it) */
    if (r->status == BT_ACHIEVED && !(r->progress >= 1))
        r->progress = 1;
    bt_points_release(&cons);
}

static const char *const status_names[] = {
    "achieved",  "on_track",     "moderate_progress", "off_track",
    "deterioration", "improving", "little_change", "worsening",
    "date_passed", "insufficient_data"};
_Static_assert(sizeof status_names / sizeof *status_names ==
                   BT_INSUFFICIENT_DATA + 1, "one name a status");

static const char *const status_labels[][3] = {
    {"achieved", "已达成", "已達成"},
    {"on track", "进展顺利", "進展順利"},
    {"moderate progress", "进展一般", "進展一般"},
    {"off track", "进展滞后", "進展滯後"},
    {"deterioration", "倒退", "倒退"},
    {"improving (no target)", "向好（无目标）", "向好（無目標）"},
    {"little change (no target)", "变化不大（无目标）", "變化不大（無目標）"},
    {"worsening (no target)", "变差（无目标）", "變差（無目標）"},
    {"target date passed, no figure since", "目标日期已过，此后无数据",
     "目標日期已過，此後無數據"},
    {"insufficient data", "数据不足", "數據不足"},
};
_Static_assert(sizeof status_labels / sizeof *status_labels ==
                   BT_INSUFFICIENT_DATA + 1, "one label a status");

const char *bt_status_symbol(enum bt_status s)
{
    static const char *const symbols[] = {"✔", "▲", "◆", "▼", "✖",
                                          "↑", "→", "↓", "○", "?"};
    _Static_assert(sizeof symbols / sizeof *symbols == BT_INSUFFICIENT_DATA + 1,
                   "one symbol a status");
    return symbols[s];
}

int bt_status_score(enum bt_status s)
{
    static const int scores[] = {5, 3, 1, -2, -5, 2, 0, -3, 0, 0};
    _Static_assert(sizeof scores / sizeof *scores == BT_INSUFFICIENT_DATA + 1,
                   "one score a status");
    return scores[s];
}

const char *bt_status_name(enum bt_status s)
{
    return status_names[s];
}

const char *bt_status_label(enum bt_status s, enum bt_lang l)
{
    return status_labels[s][l];
}
