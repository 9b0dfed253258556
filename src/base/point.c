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
