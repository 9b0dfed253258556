/* currency.h - whether an indicator's latest figure is still current.
 *
 * Each indicator has a release interval: the longest age its latest
 * figure may reach, counted from the day the figure is dated (a period's
 * last day) to --as-of, before the next figure is due. By default it is
 * one period of the frequency plus the usual delay of publication:
 *
 *   yearly    366 + 183 = 549 days  (next year's figure within half a year)
 *   quarterly  92 +  92 = 184 days
 *   monthly    31 +  31 =  62 days
 *   daily       1 +   7 =   8 days
 *
 * and indicators/releases.csv overrides it for an indicator whose source
 * publishes otherwise (catalogue.h). A figure older than its interval is
 * stale: the status still says what the figure shows, and every display
 * says how old it is (docs/methodology.md, "Currency of data").
 */
#ifndef BT_CURRENCY_H
#define BT_CURRENCY_H

#include "model/catalogue.h"
#include "base/period.h"

/* The frequency's default release interval, in days. */
int bt_release_days_default(enum bt_freq f);
/* The indicator's release interval: releases.csv's, else the default. */
int bt_release_days(const struct bt_indicator *ind);

/* The currency of one latest figure at one date. */
struct bt_currency {
    int known;         /* 0 when there is no figure or no as-of date */
    int stale;         /* 1 when age_days > allowed_days */
    int age_days;      /* as_of - the figure's date (0 when in the future) */
    int allowed_days;  /* bt_release_days */
};

/* The currency at as_of of ind's latest figure dated latest (has_latest
 * 0 when there is none). as_of INT32_MAX means no date: unknown. */
void bt_currency_assess(const struct bt_indicator *ind, int has_latest,
                        bt_day latest, bt_day as_of, struct bt_currency *out);

/* Writes the age as people read it, in l: "5 days", "7 months",
 * "5.1 years" (buf holds at least 40 bytes). */
void bt_age_format(int days, enum bt_lang l, char *buf, size_t size);

#endif
