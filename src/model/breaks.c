/* breaks.c - series breaks (see breaks.h). */
#include "breaks.h"

const struct bt_break *bt_break_last(const struct bt_indicator *ind,
                                     bt_day day)
{
    const struct bt_break *last = NULL;
    for (size_t i = 0; i < ind->nbreaks && ind->breaks[i].date <= day; i++)
        last = &ind->breaks[i];
    return last;
}
