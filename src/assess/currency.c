/* currency.c - stale figures (see currency.h). */
#include "currency.h"

#include <stdint.h>
#include <stdio.h>

int bt_release_days_default(enum bt_freq f)
{
    static const int days[] = {
        [BT_FREQ_YEARLY] = 366 + 183,
        [BT_FREQ_QUARTERLY] = 92 + 92,
        [BT_FREQ_MONTHLY] = 31 + 31,
        [BT_FREQ_DAILY] = 1 + 7,
    };
    return days[f];
}

int bt_release_days(const struct bt_indicator *ind)
{
    return ind->release_days ? ind->release_days
                             : bt_release_days_default(ind->freq);
}

void bt_currency_assess(const struct bt_indicator *ind, int has_latest,
                        bt_day latest, bt_day as_of, struct bt_currency *out)
{
    out->known = has_latest && as_of != INT32_MAX;
    out->allowed_days = bt_release_days(ind);
    out->age_days = out->known && as_of > latest ? (int)(as_of - latest) : 0;
    out->stale = out->known && out->age_days > out->allowed_days;
}

void bt_age_format(int days, enum bt_lang l, char *buf, size_t size)
{
    /* days up to two months, months up to two years, then years */
    static const char *const unit[3][3] = {
        {"days", "months", "years"}, {"天", "个月", "年"}, {"天", "個月", "年"}};
    const char *sep = l == BT_LANG_EN ? " " : "";
    if (days < 61)
        snprintf(buf, size, "%d%s%s", days, sep, days == 1 && l == BT_LANG_EN
                                                      ? "day" : unit[l][0]);
    else if (days < 731)
        snprintf(buf, size, "%.0f%s%s", days / 30.436875, sep, unit[l][1]);
    else
        snprintf(buf, size, "%.1f%s%s", days / 365.2425, sep, unit[l][2]);
}
