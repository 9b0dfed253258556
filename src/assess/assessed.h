/* assessed.h - what an assessment's values are, said in words.
 *
 * A dense series is assessed on consolidated values (progress.h): a daily
 * one on monthly means, a monthly one on three-month means. Every display
 * of such a value names it beside the last single observation:
 *
 *   en       mean of Feb 2026      mean of Jun–Aug 2018
 *   zh-Hans  2026年2月均值          2018年6–8月均值
 *   zh-Hant  2026年2月均值          2018年6–8月均值
 *
 * (a three-month mean across a new year: "mean of Nov 2017–Jan 2018",
 * 2017年11月–2018年1月均值). The texts here are the ones status, the
 * pages and the charts share.
 */
#ifndef BT_ASSESSED_H
#define BT_ASSESSED_H

#include <stddef.h>

#include "model/catalogue.h"
#include "currency.h"
#include "progress.h"

/* Writes what the consolidated value dated day is ("mean of Feb 2026"),
 * or "" when p's values are single observations. */
void bt_assessed_label(const struct bt_progress *p, bt_day day, enum bt_lang l,
                       char *buf, size_t size);

/* Writes "stale: figure 5.1 years old" (the age from currency.h) in l,
 * or "" when c is not stale. */
void bt_stale_label(const struct bt_currency *c, enum bt_lang l, char *buf,
                    size_t size);

/* Writes "break 2023-02-06: REASON" in l, or "" when p has no break. */
void bt_break_label(const struct bt_progress *p, enum bt_lang l, char *buf,
                    size_t size);

/* The note on a baseline: "first observation", "first observation after
 * the break" or, consolidated, "mean of Jan–Mar 2011, first three months"
 * (see bt_assessed_label); "" for a catalogue baseline. */
void bt_baseline_label(const struct bt_progress *p, enum bt_lang l, char *buf,
                       size_t size);

#endif
