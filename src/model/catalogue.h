/* catalogue.h - the indicators and their targets (indicators/ directory).
 *
 * indicators.csv: id,name_en,name_zh_hans,name_zh_hant,unit,direction,
 *                 frequency,domain,source
 * targets.csv:    indicator,date,value,kind,source[,illustrative]
 *   kind is baseline, milestone or target; illustrative is "yes" for a
 *   target no source states (added to show the method), empty otherwise.
 * derived.csv (optional): indicator,from,period,function  (derive.h)
 * translations.csv (optional): text,zh_hans,zh_hant
 *   a domain or unit of indicators.csv in simplified and traditional
 *   Chinese (names have their own columns).
 * breaks.csv (optional): indicator,date,reason,source
 *   a series break (a closure, a reopening, a change of definition): the
 *   assessment starts anew on that date (breaks.h).
 * releases.csv (optional): indicator,interval_days,source
 *   the longest age a figure may reach before the next one is due, when
 *   the frequency's default does not fit (currency.h).
 */
#ifndef BT_CATALOGUE_H
#define BT_CATALOGUE_H

#include <stddef.h>

#include "derive.h"
#include "base/error.h"
#include "base/period.h"

enum bt_lang { BT_LANG_EN, BT_LANG_ZH_HANS, BT_LANG_ZH_HANT };
enum bt_direction { BT_DIR_UP, BT_DIR_DOWN }; /* which way is better */
enum bt_target_kind { BT_KIND_BASELINE, BT_KIND_MILESTONE, BT_KIND_TARGET };

struct bt_target {
    bt_day date;
    double value;
    enum bt_target_kind kind;
    char *source;     /* citation, owned */
    int illustrative; /* 1 when no source states this target */
};

/* A series break: observations before date are not comparable with those
 * on or after it. */
struct bt_break {
    bt_day date;   /* the first day of the new regime */
    char *reason;  /* owned */
    char *source;  /* citation, owned */
};

struct bt_indicator {
    char *id;
    char *name[3];    /* indexed by enum bt_lang */
    char *unit;
    enum bt_direction direction;
    enum bt_freq freq;
    char *domain;
    char *source;
    struct bt_target *targets; /* sorted by date; owned */
    size_t ntargets;
    struct bt_derive *derive;  /* NULL, or how it is computed; owned */
    const char *unit_in[3];    /* the unit in each language (translations.csv,
                                  else unit); borrowed from the catalogue */
    const char *domain_in[3];  /* the same for the domain */
    struct bt_break *breaks;   /* sorted by date; owned */
    size_t nbreaks;
    int release_days;          /* releases.csv's interval, 0 for the
                                  frequency's default (currency.h) */
};

/* All indicators, sorted by id. Owns everything it points to. */
struct bt_catalogue {
    struct bt_indicator *v;
    size_t n;
    char **words; /* translations.csv: text, zh_hans, zh_hant per row */
    size_t nwords, words_cap;
};

/* Reads DIR/indicators.csv, DIR/targets.csv, and DIR/derived.csv and
 * DIR/translations.csv when there are, into *c. On failure returns
 * -1 and *e says FILE:LINE:COLUMN: what is wrong (the first problem). */
int bt_catalogue_load(struct bt_catalogue *c, const char *dir,
                      struct bt_error *e);
void bt_catalogue_release(struct bt_catalogue *c);

/* The indicator with id id[0..len), or NULL. */
const struct bt_indicator *bt_catalogue_find(const struct bt_catalogue *c,
                                             const char *id, size_t len);

int bt_lang_parse(const char *s, enum bt_lang *out);
const char *bt_lang_code(enum bt_lang l); /* "en", "zh-Hans", "zh-Hant" */
const char *bt_kind_name(enum bt_target_kind k);

#endif
