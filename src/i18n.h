/* i18n.h - the words charts and reports print, in English, simplified and
 * traditional Chinese. Status names are in progress.h. */
#ifndef BT_I18N_H
#define BT_I18N_H

#include "catalogue.h"

enum bt_word {
    BT_W_OBSERVED,
    BT_W_BASELINE,
    BT_W_PLANNED,
    BT_W_TARGET,
    BT_W_MILESTONE,
    BT_W_PROJECTION,
    BT_W_ILLUSTRATIVE,
    BT_W_PROGRESS,
    BT_W_ELAPSED,
    BT_W_STATUS,
    BT_W_SOURCE,
    BT_W_LATEST,
    BT_W_PROJECTED,
    BT_W_INDICATOR,
    BT_W_UNIT,
    BT_W_REPORT_TITLE,
    BT_W_DASHBOARD,
    BT_W_METHODOLOGY,
    BT_W_SOURCES,
    BT_W_TOTAL_OF,     /* "total of %zu series" */
    BT_W_BY,           /* "by" before a dimension name */
    BT_W_NO_DATA,
    BT_W_AS_OF,
    BT_W_ILLUSTRATIVE_NOTE,
    BT_W_DAILY,
    BT_W_MONTHLY_MEAN,
    BT_W_COUNT_
};

/* The word w in language l (static UTF-8 text). */
const char *bt_word(enum bt_word w, enum bt_lang l);

#endif
