/* point.h - observations: a day and a value, and sorted arrays of them. */
#ifndef BT_POINT_H
#define BT_POINT_H

#include <stddef.h>

#include "period.h"

#define BT_DAY_MIN 1 /* 1970-01-02, the first day a series may hold: RRD
                        time stamps are positive */

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
