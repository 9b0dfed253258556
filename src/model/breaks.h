/* breaks.h - series breaks (indicators/breaks.csv, catalogue.h).
 *
 * A break is a day from which a series is not comparable with what came
 * before: a border closure or reopening, a change of definition. The
 * assessment (progress.h) starts anew on the latest break on or before
 * the latest observation: the fit, the observed baseline and the trend
 * use only observations on or after it, and the chart marks it.
 */
#ifndef BT_BREAKS_H
#define BT_BREAKS_H

#include "catalogue.h"

/* The latest break of ind on or before day, or NULL; borrowed from the
 * catalogue. */
const struct bt_break *bt_break_last(const struct bt_indicator *ind,
                                     bt_day day);

#endif
