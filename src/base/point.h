/* point.h - observations: a day and a value, and sorted arrays of them. */
#ifndef BT_POINT_H
#define BT_POINT_H

#include <stddef.h>

#include "period.h"

#define BT_DAY_MIN 1 /* 1970-01-02, the first day a series may hold: RRD
                        time stamps are positive */
#define BT_DAY_MAX 47846 /* 2100-12-31, the last day a series may hold: so
                            a ring holds at most 49,152 days and a file at
                            most 393,800 bytes (docs/storage.md) */

/* NULL when a series may hold day d (BT_DAY_MIN..BT_DAY_MAX), else why
 * not, naming the limit (static text). */
const char *bt_day_unstorable(bt_day d);

/* One observation. */
struct bt_point {
    bt_day day;
    double value;
};

/* A growing array of points, sorted by day, each day once. */
struct bt_points {
    struct bt_point *v;
    size_t n, cap;
};
void bt_points_add(struct bt_points *p, bt_day day, double value);
void bt_points_release(struct bt_points *p);

#endif
