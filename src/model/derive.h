/* derive.h - an indicator computed from another on every read: a sum or
 * mean over a coarser period, a ratio of two indicators, or the change on
 * a year earlier.
 *
 * indicators/derived.csv (optional):
 *     indicator,from,period,function[,denominator,scale]
 *   function sum or mean: over each period (year, quarter or month) of
 *   'from', a daily, monthly or quarterly indicator of a finer frequency.
 *   Only complete periods count: a period with a day (a month, a quarter)
 *   missing has no value rather than a short one. A value is dated by its
 *   period's last day, as a loaded "2023" is.
 *   function ratio: scale x from / denominator on each date both have
 *   (per capita: scale 1; per 1,000: 1000; a share in %: 100); period
 *   empty. The units are the derived indicator's own (indicators.csv).
 *   function yoy, yoy_pct: the change on the same period a year earlier
 *   (absolute, or in % of the earlier value); period empty.
 * The derived indicator is also a row of indicators.csv (names, unit,
 * direction, frequency); it has no series of its own: every read computes
 * it from the totals of 'from' (and of the denominator) for the breakdown
 * asked for (query.h).
 */
#ifndef BT_DERIVE_H
#define BT_DERIVE_H

#include <stddef.h>

#include "base/point.h"

#include "base/period.h"

enum bt_derive_period { BT_DERIVE_YEAR, BT_DERIVE_MONTH, BT_DERIVE_QUARTER,
                        BT_DERIVE_SAME /* ratio, yoy: the source's dates */ };
enum bt_derive_fn { BT_DERIVE_SUM, BT_DERIVE_MEAN, BT_DERIVE_RATIO,
                    BT_DERIVE_YOY, BT_DERIVE_YOY_PCT };

struct bt_derive {
    char *from; /* the source indicator's id, owned */
    enum bt_derive_period period;
    enum bt_derive_fn fn;
    enum bt_freq from_freq; /* the source's frequency (sum, mean: its
                               periods a complete one must hold); a zero
                               initialiser is yearly: give it */
    char *denominator;      /* ratio: the denominator's id, owned; else NULL */
    double scale;           /* ratio: the factor; else unused */
};

/* Parses "year", "quarter", "month" or "" (BT_DERIVE_SAME) and "sum",
 * "mean", "ratio", "yoy", "yoy_pct". Return 0, or -1. */
int bt_derive_period_parse(const char *s, enum bt_derive_period *out);
int bt_derive_fn_parse(const char *s, enum bt_derive_fn *out);
/* 1 when a period is coarser than frequency f (sum, mean need it). */
int bt_derive_coarser(enum bt_derive_period p, enum bt_freq f);

/* The sums or means (d->fn) of the observations in[0..n) of frequency
 * d->from_freq (sorted by day) over each complete period d->period into
 * *out (emptied first). For yoy and yoy_pct, the change of each value on
 * the one a year earlier. Not for ratio (bt_derive_ratio). */
void bt_derive_points(const struct bt_derive *d, const struct bt_point *in,
                      size_t n, struct bt_points *out);

/* scale x num / den on each day both have (den not 0), into *out
 * (emptied first); both sorted by day. */
void bt_derive_ratio(const struct bt_point *num, size_t n,
                     const struct bt_point *den, size_t m, double scale,
                     struct bt_points *out);

#endif
