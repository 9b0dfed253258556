/* dataset.h - one input CSV file turned into checked observations.
 *
 * Layouts (chosen from the header, or by a mapping):
 *   long    indicator,date,value[,note][,DIMENSION...]  any order; every
 *           other column is a dimension named by its header
 *   wide    indicator,PERIOD,PERIOD,...  one row per indicator
 *   mapped  anything a struct bt_mapping describes
 * Columns with an empty header (a trailing comma) are ignored.
 *
 * Nothing here touches the database: parse, then group, then load.c
 * applies the result.
 */
#ifndef BT_DATASET_H
#define BT_DATASET_H

#include <stddef.h>
#include <stdint.h>

#include "catalogue.h"
#include "error.h"
#include "mapping.h"
#include "period.h"
#include "series.h"

/* One observation as read, with its place in the file. */
struct bt_obs {
    uint32_t series; /* index into bt_dataset.series */
    bt_day day;
    double value;
    uint32_t line, column;
};

/* A series met in the file. */
struct bt_ds_series {
    const struct bt_indicator *ind;
    struct bt_dim dims[BT_DIMS_MAX]; /* sorted by name, into key */
    size_t ndims;
    char *key;    /* owned: "indicator" then "\x1fname\x1evalue"... */
    size_t keylen;
    size_t first, count; /* its observations in obs[], after grouping */
};

/* Everything read from one file. Owns its memory. */
struct bt_dataset {
    const char *layout; /* "long", "wide" or "mapped" */
    struct bt_ds_series *series;
    size_t nseries, series_cap;
    uint32_t *table; /* hash of series keys: index + 1, 0 for empty */
    size_t table_cap;
    struct bt_obs *obs;
    size_t nobs, obs_cap;
    size_t rows;     /* data rows read (header excluded) */
    size_t missing;  /* cells marked missing */
    size_t bad_rows; /* rows with at least one problem */
};

/* Parses UTF-8 CSV text. map selects the mapped layout (NULL: long or wide
 * from the header). Every problem goes to *diags with its line and column;
 * returns 0 when there was none, 1 otherwise. */
int bt_dataset_parse(struct bt_dataset *ds, const char *text, size_t len,
                     const struct bt_catalogue *cat,
                     const struct bt_mapping *map, struct bt_diags *diags);

/* Sorts the observations by series and day, drops exact duplicates and
 * reports conflicting ones to *diags; fills each series' first and count.
 * Returns 0, or 1 when a conflict was found. */
int bt_dataset_group(struct bt_dataset *ds, struct bt_diags *diags);

void bt_dataset_release(struct bt_dataset *ds);

#endif
