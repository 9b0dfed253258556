/* i18n.h - the words charts and reports print, in English, simplified and
 * traditional Chinese. Status names are in progress.h. */
#ifndef BT_I18N_H
#define BT_I18N_H

#include "model/catalogue.h"

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
    BT_W_DASHBOARD_ALT,
    BT_W_MULTIPLES_ALT,
    BT_W_PER_YEAR,
    BT_W_DATE,
    BT_W_VALUE,
    BT_W_FLAG,
    BT_W_NOTE,
    BT_W_DATA,
    BT_W_METADATA,
    BT_W_IDENTIFIER,
    BT_W_NAME,
    BT_W_DIRECTION,
    BT_W_HIGHER_BETTER,
    BT_W_LOWER_BETTER,
    BT_W_FREQUENCY,
    BT_W_YEARLY,
    BT_W_QUARTERLY,
    BT_W_MONTHLY,
    BT_W_DAILY_FREQ,
    BT_W_DOMAIN,
    BT_W_TARGETS,
    BT_W_KIND,
    BT_W_ASSESSMENT,
    BT_W_FIRST_OBSERVATION,
    BT_W_METHOD,
    BT_W_GROWTH_METHOD,
    BT_W_LINEAR_METHOD,
    BT_W_ACTUAL_PACE,
    BT_W_REQUIRED_PACE,
    BT_W_PACE_RATIO,
    BT_W_THRESHOLDS,
    BT_W_BREAKDOWN,
    BT_W_DOWNLOADS,
    BT_W_ALL_SERIES,
    BT_W_SUMMARY,
    BT_W_SCORE,
    BT_W_INDICATORS,
    BT_W_ALL_INDICATORS,
    BT_W_CHART_ALT,
    BT_W_CHART_EMPTY,
    BT_W_ASSESSED,
    BT_W_DERIVED_FROM,
    BT_W_TREND_FROM,
    BT_W_GROWTH,
    BT_W_LANGUAGES,
    BT_W_SERIES,
    BT_W_NO_TARGET_RULE,
    BT_W_TARGET_RULE,
    BT_W_FLAG_MORE,
    BT_W_FLAG_LESS,
    BT_W_FLAG_ABOUT,
    BT_W_THREE_MONTH_MEAN,
    BT_W_NOT_DRAWN,    /* on a dashboard panel whose chart failed */
    BT_W_CHART_FAILED, /* "the chart could not be drawn: %s" */
    BT_W_ROWS_SHOWN,   /* "the latest %zu of %zu rows" before the link */
    BT_W_WHOLE_TABLE,  /* the link to the whole table (the CSV) */
    BT_W_UNTRANSLATED, /* a Chinese page's note: the text is in English */
    BT_W_SUBJECT,      /* the breakdown column's header */
    BT_W_TOTAL,        /* the total, as a breakdown */
    BT_W_ALL_ZERO,     /* a small multiple whose values are all zero */
    BT_W_COMPARE_ALT,  /* "%s by %s, compared on one scale: %s." */
    BT_W_BREAKDOWN_STATUS, /* the breakdowns' table heading */
    BT_W_NEWS,         /* the "what's new" page's title */
    BT_W_NEWS_SINCE,   /* "Figures added, revisions and loads logged since %s (UTC)." */
    BT_W_NEWS_DEFAULT, /* "(the 30 days before %s)" */
    BT_W_LOADS,        /* the loads' table heading */
    BT_W_REVISIONS,    /* the revisions' table heading */
    BT_W_LOADED_AT,    /* column: when a file was loaded */
    BT_W_FILE,         /* column: the file */
    BT_W_ADDED,        /* column: figures added */
    BT_W_REVISED,      /* column: figures revised */
    BT_W_FLAGS_CHANGED, /* column: flags changed */
    BT_W_OLD_NEW,      /* column: old -> new */
    BT_W_DELETED,      /* a revision that deleted the figure */
    BT_W_NO_LOADS,     /* no load in the period */
    BT_W_NO_REVISIONS, /* no revision in the period */
    BT_W_LATEST_ADDED, /* the heading of the newest figures added */
    BT_W_LATEST_ADDED_NOTE, /* what that table lists */
    BT_W_NO_ADDED,     /* no figure added in the period */
    BT_W_ADDED_SHOWN,  /* "The newest %zu of %zu." */
    BT_W_SHOWN_IN,     /* "shown in %s: the stored figures divided by %s" */
    BT_W_COUNT_
};

/* The word w in language l (static UTF-8 text). */
const char *bt_word(enum bt_word w, enum bt_lang l);

#endif
