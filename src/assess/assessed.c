/* assessed.c - what an assessment's values are (see assessed.h). */
#include "assessed.h"

#include <stdio.h>

static const char *const month_en[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                       "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

/* The months first..last (civil y/m) as l writes them. */
static void months(int y0, int m0, int y1, int m1, enum bt_lang l, char *buf,
                   size_t size)
{
    if (l == BT_LANG_EN) {
        if (y0 == y1 && m0 == m1)
            snprintf(buf, size, "mean of %s %d", month_en[m1 - 1], y1);
        else if (y0 == y1)
            snprintf(buf, size, "mean of %s–%s %d", month_en[m0 - 1],
                     month_en[m1 - 1], y1);
        else
            snprintf(buf, size, "mean of %s %d–%s %d", month_en[m0 - 1], y0,
                     month_en[m1 - 1], y1);
    } else if (y0 == y1 && m0 == m1) {
        snprintf(buf, size, "%d年%d月均值", y1, m1);
    } else if (y0 == y1) {
        snprintf(buf, size, "%d年%d–%d月均值", y1, m0, m1);
    } else {
        snprintf(buf, size, "%d年%d月–%d年%d月均值", y0, m0, y1, m1);
    }
}

void bt_assessed_label(const struct bt_progress *p, bt_day day, enum bt_lang l,
                       char *buf, size_t size)
{
    int y, m, d;
    buf[0] = '\0';
    if (p->consolidation == BT_CONS_NONE)
        return;
    bt_day_to_civil(day, &y, &m, &d);
    if (p->consolidation == BT_CONS_MONTH_MEAN) {
        months(y, m, y, m, l, buf, size);
        return;
    }
    int first = y * 12 + (m - 1) - 2; /* three months ending in m */
    months(first / 12, first % 12 + 1, y, m, l, buf, size);
}

void bt_stale_label(const struct bt_currency *c, enum bt_lang l, char *buf,
                    size_t size)
{
    static const char *const fmt[] = {"stale: figure %s old", "数据已过时：%s前",
                                      "數據已過時：%s前"};
    char age[40];
    buf[0] = '\0';
    if (!c->stale)
        return;
    bt_age_format(c->age_days, l, age, sizeof age);
    snprintf(buf, size, fmt[l], age);
}

void bt_break_label(const struct bt_progress *p, enum bt_lang l, char *buf,
                    size_t size)
{
    static const char *const fmt[] = {"series break %s: %s", "序列断点 %s：%s",
                                      "序列斷點 %s：%s"};
    char date[11];
    buf[0] = '\0';
    if (!p->brk)
        return;
    bt_date_format(p->brk->date, date);
    snprintf(buf, size, fmt[l], date, p->brk->reason);
}

void bt_baseline_label(const struct bt_progress *p, enum bt_lang l, char *buf,
                       size_t size)
{
    static const char *const first[] = {"first observation", "首个观测值",
                                        "首個觀測值"};
    static const char *const after[] = {"first observation after the break",
                                        "断点后首个观测值", "斷點後首個觀測值"};
    buf[0] = '\0';
    if (!p->baseline_observed)
        return;
    const char *what = (p->brk ? after : first)[l];
    char mean[64];
    bt_assessed_label(p, p->baseline_date, l, mean, sizeof mean);
    if (mean[0])
        snprintf(buf, size, l == BT_LANG_EN ? "%s, %s" : "%s，%s", mean, what);
    else
        snprintf(buf, size, "%s", what);
}
