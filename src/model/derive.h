/* derive.h - an indicator computed from another: a daily series' yearly or
 * monthly sum or mean.
 *
 * indicators/derived.csv (optional): indicator,from,period,function
 *   period is year or month; function is sum or mean. The derived
 *   indicator is also a row of indicators.csv (names, unit, direction);
 *   it has no series of its own: every read computes it from the totals of
 *   'from'. Only complete periods count: a period with a day missing
 *   (not yet published, or a gap) has no value rather than a short one.
 *   A value is dated by its period's last day, as a loaded "2023" is.
 */
#ifndef BT_DERIVE_H
#define BT_DERIVE_H

#include <stddef.h>

#include "base/point.h"

enum bt_derive_period { BT_DERIVE_YEAR, BT_DERIVE_MONTH };
enum bt_derive_fn { BT_DERIVE_SUM, BT_DERIVE_MEAN };

struct bt_derive {
    char *from; /* the daily indicator's id, owned */
    enum bt_derive_period period;
    enum bt_derive_fn fn;
};

/* Parses "year"/"month" and "sum"/"mean". Return 0, or -1. */
int bt_derive_period_parse(const char *s, enum bt_derive_period *out);
int bt_derive_fn_parse(const char *s, enum bt_derive_fn *out);

/* The derived values of the daily observations in[0..n) (sorted by day)
 * into *out (emptied first): one per complete period. */
void bt_derive_points(const struct bt_derive *d, const struct bt_point *in,
                      size_t n, struct bt_points *out);

#endif
