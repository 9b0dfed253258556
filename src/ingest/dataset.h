/* dataset.h - the checked observations of one input file: its series,
 * each with its days sorted and given once, their flags, notes and
 * sources, and the counts of what was read. The layouts fill it
 * (layout.h), dataset_read.h is how a file becomes one; nothing here
 * reads a file or touches the database: load.c applies the result.
 */
#ifndef BT_DATASET_H
#define BT_DATASET_H

#include <stddef.h>
#include <stdint.h>

#include "model/catalogue.h"
#include "base/error.h"
#include "base/period.h"
#include "model/series.h"

/* One observation: 12 bytes, so that millions fit in little memory. It
 * keeps no place in the file: the rare conflicting duplicate is located
 * by reading the file a second time. */
struct bt_obs {
    double value;
    bt_day day;
} __attribute__((packed));

/* Observations as they are met, in chunks that grow (no slack of a
 * doubled array per series). */
struct bt_obs_chunk {
    struct bt_obs_chunk *next;
    uint32_t n, cap;
    struct bt_obs v[];
};

/* An observation's flag (provisional, estimated, a bound...), note and
 * source (flags.h). */
struct bt_ds_flag {
    uint32_t series;
    bt_day day;
    size_t seq;   /* order met */
    char *text;   /* "" for none; owned */
    char *note;   /* "" for none; owned */
    char *source; /* "" for none; owned */
};

/* Lines a mapping says to pass over, by reason (bt_ds_skip_names). */
enum bt_ds_skip {
    BT_DS_SKIP_PREAMBLE, /* before the header */
    BT_DS_SKIP_NOTES,    /* from a 'notes' line to the end */
    BT_DS_SKIP_BLANK,
    BT_DS_SKIP_SHORT,
    BT_DS_SKIP_INVALID,
    BT_DS_SKIP_ANNUAL,   /* 'annual skip' */
    BT_DS_SKIP_FILTERED, /* 'keep' or 'drop' */
    BT_DS_SKIP_EMPTY,    /* lines with nothing on them (no record) */
    BT_DS_SKIP_N
};
extern const char *const bt_ds_skip_names[BT_DS_SKIP_N];

/* A series met in the file. */
struct bt_ds_series {
    const struct bt_indicator *ind;
    struct bt_dim dims[BT_DIMS_MAX]; /* sorted by name, into key */
    size_t ndims;
    char *key;    /* owned: "indicator" then "\x1fname\x1evalue"... */
    size_t keylen;
    struct bt_obs *obs; /* owned, after reading: sorted by day, each once */
    size_t count;
    struct bt_obs_chunk *head, *tail; /* owned, while parsing */
    const struct bt_ds_flag *flags;   /* borrowed from the dataset: its */
    size_t nflags;                    /* flagged days, sorted */
};

/* Everything read from one file. Owns its memory. */
struct bt_dataset {
    const char *layout; /* the layout's name (dataset_read.h) */
    const char *encoding; /* what the file was read as */
    struct bt_ds_series *series;
    size_t nseries, series_cap;
    uint32_t *table; /* hash of series keys: index + 1, 0 for empty */
    size_t table_cap;
    size_t nobs;     /* observations kept (distinct) */
    size_t rows;     /* data rows read (header excluded) */
    size_t missing;  /* cells marked missing */
    size_t bad_rows; /* rows with at least one problem */
    size_t skipped[BT_DS_SKIP_N]; /* lines passed over, by reason */
    struct bt_ds_flag *flags;     /* owned */
    size_t nflags, flags_cap;
    int has_notes, has_sources;   /* the file gives notes, sources (a long
                                     file's note; source, outlet, published) */
};

/* A day of a series given with different values: the second reading
 * (dataset_read.c) finds its lines. */
struct bt_ds_conflict {
    uint32_t series;
    bt_day day;
    int seen;           /* its first occurrence was met */
    unsigned long line; /* ... on this line */
    double value;       /* ... with this value */
};

/* The index of the series of indicator ind whose key is key[0..n)
 * ("id\0name\0value\0...", dimensions sorted by name), added if new
 * (the key is copied). */
uint32_t bt_dataset_intern(struct bt_dataset *ds, const struct bt_indicator *ind,
                           const char *key, size_t n);

/* Adds the observation (day, v) to series idx; flag (flaglen bytes, 0
 * for none), note and source (NULL or "" for none) are kept beside it. */
void bt_dataset_add(struct bt_dataset *ds, uint32_t idx, bt_day day, double v,
                    const char *flag, size_t flaglen, const char *note,
                    const char *source);

/* After the last observation: sorts each series by day, keeps each day
 * once, counts ds->nobs, and groups the flags (the last given for a day
 * wins). The days given with different values go to *cs (sorted by
 * series and day; the caller frees it), *ncs of them. */
void bt_dataset_group(struct bt_dataset *ds, struct bt_ds_conflict **cs,
                      size_t *ncs);

void bt_dataset_release(struct bt_dataset *ds);

#endif
