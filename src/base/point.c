/* point.c - arrays of observations (see point.h). */
#include "point.h"
#include "mem.h"

#include <stdlib.h>
#include <string.h>

void bt_points_add(struct bt_points *p, bt_day day, double value)
{
    bt_grow((void **)&p->v, &p->cap, p->n + 1, sizeof *p->v);
    p->v[p->n++] = (struct bt_point){day, value};
}

void bt_points_release(struct bt_points *p)
{
    free(p->v);
    memset(p, 0, sizeof *p);
}

const char *bt_day_unstorable(bt_day d)
{
    if (d < BT_DAY_MIN)
        return "before 1970-01-02, which RRD files cannot hold";
    if (d > BT_DAY_MAX)
        return "after 2100-12-31, the last day a series may hold "
               "(docs/storage.md)";
    return NULL;
}
