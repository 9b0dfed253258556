/* progress.h - how far an indicator has come against its targets.
 *
 * The method, with formulas, thresholds and worked examples, is in
 * docs/methodology.md. In short, for baseline (b, x_b), the next target
 * or milestone (T, x_T) and the latest observation (t, x_t):
 *
 *   progress p = (x_t - x_b) / (x_T - x_b)      elapsed e = (t - b) / (T - b)
 *
 * and the pace ratio r compares actual with required pace: the ratio of
 * compound annual growth rates (UN ESCAP, Open SDG) when every value is
 * positive, else of changes a year, the required one being what the
 * planned path (baseline, milestones, target: piecewise linear) asks for
 * by t. The actual rate is fitted by least squares to every point from
 * the baseline to t within the last BT_FIT_YEARS (of ln x for growth):
 * with two points, the rate between them. The projection extends it.
 * achieved when x_t is at or beyond x_T in the indicator's direction;
 * else deterioration when p < 0 or r < 0;
 * on_track when r >= 0.95; moderate_progress when r >= 0.60; else
 * off_track. A target date already past and not reached is off_track.
 * A target date before as_of with no figure on or after it is
 * date_passed ("target date passed, no figure since"), never on_track;
 * a projected date before as_of is not kept as a projection.
 *
 * A series break (breaks.csv) on or before the latest observation starts
 * the assessment anew: observations before it are left out, and a
 * catalogue baseline dated before it is set aside for the first
 * observation after it.
 *
 * An indicator with no target still has a trend when it has two
 * observations (Eurostat's rule for indicators without a quantified
 * target): the compound annual growth from the first observation at most
 * five years before the latest (else the one before the latest), taken in
 * the indicator's direction, is improving at >= +1 %/yr, worsening at
 * <= -1 %/yr, little change between.
 */
#ifndef BT_PROGRESS_H
#define BT_PROGRESS_H

#include <stddef.h>

#include "model/catalogue.h"
#include "base/point.h"

#define BT_PACE_ON_TRACK 0.95
#define BT_PACE_MODERATE 0.60
#define BT_TREND_YEARS 5     /* the trend's window */
#define BT_TREND_CHANGE 0.01 /* 1 %/yr: improving or worsening */
#define BT_FIT_YEARS 5       /* the actual pace's window */

enum bt_status {
    BT_ACHIEVED,
    BT_ON_TRACK,
    BT_MODERATE_PROGRESS,
    BT_OFF_TRACK,
    BT_DETERIORATION,
    BT_IMPROVING,     /* no target: the trend, in the indicator's direction */
    BT_LITTLE_CHANGE,
    BT_WORSENING,
    BT_DATE_PASSED,   /* the target's date is past, no figure since */
    BT_INSUFFICIENT_DATA,
};

enum bt_pace_method { BT_PACE_NONE, BT_PACE_GROWTH, BT_PACE_LINEAR };

/* How a dense series is consolidated before it is assessed, so that one
 * day does not decide its status: a daily series by the mean of each
 * complete calendar month, a monthly one by the mean of three consecutive
 * months. The latest value is then the latest such mean. */
enum bt_consolidation { BT_CONS_NONE, BT_CONS_MONTH_MEAN, BT_CONS_QUARTER_MEAN };

/* One assessment. Values that do not apply are NAN; dates that do not
 * apply have the matching has_ flag 0. */
struct bt_progress {
    enum bt_status status;
    int has_latest, has_baseline, has_target, has_projection;
    bt_day latest_date, baseline_date, target_date, projected_date;
    double latest_value, baseline_value, target_value;
    const struct bt_target *target; /* the catalogue row, or NULL */
    int baseline_observed;  /* 1 when no catalogue baseline: first observation */
    double progress;        /* p */
    double elapsed;         /* e */
    double planned;         /* the planned path's value at t */
    double pace;            /* r */
    enum bt_pace_method method;
    double rate_actual;     /* fitted annual rate: compound growth (growth
                               method, trend) or change a year (linear) */
    double rate_required;   /* the same, required by the plan */
    enum bt_consolidation consolidation;
    int has_trend;          /* no target: the trend's start point */
    bt_day trend_date;
    double trend_value;
    bt_day as_of;           /* the day assessed at; INT32_MAX: none given */
    int has_last;           /* the last single observation up to as_of, */
    bt_day last_date;       /* before any consolidation (latest_* is the */
    double last_value;      /* assessed value: a mean when consolidated) */
    const struct bt_break *brk;  /* the break the assessment starts from,
                                    borrowed from the catalogue; or NULL */
    int baseline_set_aside; /* 1 when the catalogue's baseline precedes brk */
    int projection_past;    /* 1 when the projection fell before as_of and
                               was dropped */
};

/* Assesses ind from its observations obs[0..n) (sorted by day), ignoring
 * those after as_of (INT32_MAX: all, and no date to judge deadlines by). */
void bt_progress_assess(const struct bt_indicator *ind,
                        const struct bt_point *obs, size_t n, bt_day as_of,
                        struct bt_progress *out);

/* The planned path's value on day: piecewise linear through the baseline
 * (b, x_b) and every milestone and target after it; NAN before b or when
 * there is no target. After the last target the path stays flat. */
double bt_planned_value(const struct bt_indicator *ind, bt_day b, double x_b,
                        bt_day day);

const char *bt_status_name(enum bt_status s); /* "on_track", ... */
const char *bt_status_label(enum bt_status s, enum bt_lang l);

/* A symbol for the status, so that colour is never the only cue. */
const char *bt_status_symbol(enum bt_status s);
/* The status on the roll-up's scale from -5 to +5 (docs/methodology.md):
 * achieved 5, on track 3, improving 2, moderate progress 1, little
 * change 0, off track -2, worsening -3, deterioration -5. Insufficient
 * data has none: callers leave it out. */
int bt_status_score(enum bt_status s);

#endif
