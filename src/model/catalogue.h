/* catalogue.h - the indicators and their targets (indicators/ directory).
 *
 * indicators.csv: id,name_en,name_zh_hans,name_zh_hant,unit,direction,
 *                 frequency,domain,source
 * targets.csv:    indicator,date,value,kind,source[,illustrative][,DIM...]
 *   kind is baseline, milestone or target; illustrative is "yes" for a
 *   target no source states (added to show the method), empty otherwise.
 *   Any other column names a dimension (its header as a loaded file's:
 *   "Control Point" is control_point): a row with a value in it belongs
 *   to that breakdown (region=广东省), a row with every such cell empty to
 *   the total. Each breakdown is assessed on its own targets (breakdown.h).
 *   A row may leave off cells at its end (empty: the total's, not
 *   illustrative), as a row without the illustrative cell always could.
 * derived.csv (optional): indicator,from,period,function  (derive.h)
 * translations.csv (optional): text,zh_hans,zh_hant
 *   a domain or unit of indicators.csv in simplified and traditional
 *   Chinese (names have their own columns).
 * dimensions.csv (optional): dimension,value,zh_hans,zh_hant
 *   a dimension's name (value empty) or one of its values (a loaded
 *   file's text, "Lo Wu") in simplified and traditional Chinese; a name
 *   or value without a row is shown as it was loaded.
 * breakdowns.csv (optional): indicator,dimension,scale,compare
 *   how the site shows an indicator's breakdowns: by dimension (else the
 *   first of its series' dimensions), its small multiples on one y scale
 *   (scale "shared") or each on its own ("own" or empty), and the values
 *   its comparison chart draws (compare: values separated by ';', or
 *   empty for the BT_COMPARE_TOP largest).
 * breaks.csv (optional): indicator,date,reason,source
 *   a series break (a closure, a reopening, a change of definition): the
 *   assessment starts anew on that date (breaks.h).
 * site.csv (optional): text,en,zh_hans,zh_hant
 *   the report site's own words in each language: a row "title" (the
 *   default is baytrack's own, i18n.h), "subtitle" and "publisher"; a
 *   row "languages,en zh-Hans" (the codes in its second cell, the others
 *   empty or left off): the site's languages, the first the index's.
 * display.csv (optional): indicator,language,divisor,unit
 *   the unit a person reads an indicator's figures in, by language: a
 *   figure shown in that language is the stored one divided by divisor,
 *   next to unit (亿元 stored, 万亿元 shown: divisor 10000). What is
 *   stored, exported and written by --json and --csv never changes.
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
#include "series.h"

enum bt_lang { BT_LANG_EN, BT_LANG_ZH_HANS, BT_LANG_ZH_HANT };
enum bt_direction { BT_DIR_UP, BT_DIR_DOWN }; /* which way is better */
enum bt_target_kind { BT_KIND_BASELINE, BT_KIND_MILESTONE, BT_KIND_TARGET };
enum bt_site_text { BT_SITE_TITLE, BT_SITE_SUBTITLE, BT_SITE_PUBLISHER, BT_SITE_N };

struct bt_target {
    bt_day date;
    double value;
    enum bt_target_kind kind;
    char *source;     /* citation, owned */
    int illustrative; /* 1 when no source states this target */
};

/* The targets set for one breakdown of an indicator (the rows of
 * targets.csv with its values in their dimension columns). */
struct bt_breakdown_targets {
    struct bt_dim dims[BT_DIMS_MAX]; /* sorted by name; strings owned */
    size_t ndims;                    /* at least 1 */
    struct bt_target *targets;       /* sorted by date; owned */
    size_t ntargets;
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
    unsigned long line; /* its row in indicators.csv */
    struct bt_target *targets; /* the total's, sorted by date; owned */
    size_t ntargets;
    struct bt_breakdown_targets *breakdowns; /* the breakdowns with targets
                                                of their own, in the order
                                                of bt_dims_cmp; owned */
    size_t nbreakdowns;
    struct bt_derive *derive;  /* NULL, or how it is computed; owned */
    const char *unit_in[3];    /* the unit in each language (translations.csv,
                                  else unit); borrowed from the catalogue */
    const char *domain_in[3];  /* the same for the domain */
    /* breakdowns.csv: how the site shows its breakdowns */
    char *by;                  /* the dimension, or NULL: the first; owned */
    int shared_scale;          /* 1: small multiples on one y scale */
    char **compare;            /* values the comparison draws; owned */
    size_t ncompare;           /* 0: the BT_COMPARE_TOP largest */
    struct bt_break *breaks;   /* sorted by date; owned */
    size_t nbreaks;
    int release_days;          /* releases.csv's interval, 0 for the
                                  frequency's default (currency.h) */
    /* display.csv: the unit figures are shown in, by language */
    double shown_divisor[3];   /* a stored figure over it is the figure
                                  shown (1 without a row) */
    const char *shown_unit[3]; /* the unit shown: display_unit[l], else
                                  unit_in[l]; borrowed */
    char *display_unit[3];     /* display.csv's unit, or NULL; owned */
};

/* The figure v (stored) of in as shown to a person in l: v divided by
 * the display unit's divisor (display.csv), v itself without one. */
double bt_shown_value(const struct bt_indicator *in, enum bt_lang l, double v);

#define BT_COMPARE_TOP 5 /* lines of a comparison the catalogue leaves open */

/* All indicators, sorted by id. Owns everything it points to. */
struct bt_catalogue {
    struct bt_indicator *v;
    size_t n;
    char **words; /* translations.csv: text, zh_hans, zh_hant per row */
    char *site[BT_SITE_N][3]; /* site.csv, by enum bt_site_text and
                                 language; NULL when not given */
    enum bt_lang langs[3];    /* site.csv's languages, the first the
                                 index's; without a row all three, English
                                 first */
    size_t nlangs;            /* 1 to 3 */
    int langs_default;        /* 1: no languages row */
    size_t nwords, words_cap;
    char **dim_words; /* dimensions.csv: dimension, value ("" for the
                         name), zh_hans, zh_hant per row; owned */
    size_t ndim_words, dim_words_cap;
};

/* The name of dimension dim (value NULL) or its value in language l:
 * dimensions.csv's translation, else the text itself. Borrowed. */
const char *bt_dim_word(const struct bt_catalogue *c, const char *dim,
                        const char *value, enum bt_lang l);

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
/* The order of breakdowns: compares a[0..na) with b[0..nb) (each sorted
 * by name) by name, then value, in turn; a prefix comes first. <0, 0 (the
 * same breakdown) or >0. */
int bt_dims_cmp(const struct bt_dim *a, size_t na, const struct bt_dim *b,
                size_t nb);

#endif
