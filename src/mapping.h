/* mapping.h - how to read a CSV layout that is neither long nor wide.
 *
 * A mapping file has one statement per line; '#' starts a comment; a word
 * with spaces goes in double quotes (\" and \\ inside them):
 *
 *   time      "Date" DD-MM-YYYY      the date column and its pattern
 *                                    (pattern optional: periods as usual)
 *   dimension control_point "Control Point"
 *                                    a column naming part of the series
 *   value     immd.passengers.total "Total"
 *                                    a column of values for an indicator
 *   alias     control_point "Macau Ferry Terminal" "Macao Ferry Terminal"
 *                                    a label written two ways: the first
 *                                    is stored as the second
 *
 * Column names match the file's header exactly.
 */
#ifndef BT_MAPPING_H
#define BT_MAPPING_H

#include <stddef.h>

#include "error.h"
#include "series.h"

struct bt_map_column {
    char *key;    /* dimension name or indicator id */
    char *column; /* header text */
};

struct bt_map_alias {
    char *dimension, *from, *to;
};

/* A parsed mapping; owns all its strings. */
struct bt_mapping {
    char *time_column;
    char *time_pattern; /* NULL: any period form */
    struct bt_map_column dims[BT_DIMS_MAX];
    size_t ndims;
    struct bt_map_column *values;
    size_t nvalues;
    struct bt_map_alias *aliases;
    size_t naliases;
};

/* Parses mapping text; path is only used in messages. On failure returns
 * -1 with "PATH:LINE:COLUMN: message" in *e (COLUMN counts bytes here). */
int bt_mapping_parse(struct bt_mapping *m, const char *text, size_t len,
                     const char *path, struct bt_error *e);
/* Reads and parses the mapping file at path. */
int bt_mapping_load(struct bt_mapping *m, const char *path, struct bt_error *e);
void bt_mapping_release(struct bt_mapping *m);

/* The label that value (as the file writes it) stands for in dimension
 * dim: the alias target, or value itself. */
const char *bt_mapping_alias(const struct bt_mapping *m, const char *dim,
                             const char *value);

#endif
