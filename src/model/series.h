/* series.h - naming series and the files that hold them.
 *
 * A series is an indicator and zero or more dimensions (name=value), for
 * example immd.passengers.total with control_point=Airport and
 * direction=Arrival. Its file, relative to the database directory, is
 *
 *     INDICATOR/NAME=VALUE+NAME=VALUE.rrd     (dimensions sorted by name)
 *     INDICATOR/_.rrd                         (no dimensions)
 *
 * Values keep their UTF-8 text; the bytes '/', '%', '=', '+', control
 * characters and a leading '.' are written as %XX, so a file name can
 * always be read back and never leaves the indicator's directory.
 */
#ifndef BT_SERIES_H
#define BT_SERIES_H

#include <stddef.h>

#include "base/error.h"
#include "base/fileio.h"

#define BT_ID_MAX 100    /* bytes in an indicator id */
#define BT_DIM_MAX 200   /* bytes in a dimension value */
#define BT_DIMS_MAX 16   /* dimensions in a series (an OECD national
                            accounts dataflow has 11, UN SDG's 15) */
#define BT_DIM_COLUMNS_MAX 32 /* dimension columns in a file (Open SDG has
                                 15); a row fills at most BT_DIMS_MAX */

/* A dimension; the strings are borrowed. */
struct bt_dim {
    const char *name;
    const char *value;
};

/* Checks an indicator id: 1 to BT_ID_MAX bytes of [a-z0-9_.-], starting
 * with a letter or digit, without "..". Returns 0, or -1 with *why. */
int bt_id_check(const char *s, size_t n, const char **why);

/* Turns a column header into a dimension name: ASCII letters lowercased,
 * digits kept, every other run of ASCII characters one '_' ("Control Point"
 * becomes control_point). out holds at least 64 bytes. Returns 0, or -1
 * with *why when the header is empty, too long or not ASCII. */
int bt_dim_name(const char *s, size_t n, char *out, const char **why);

/* The columns of a long file (dataset.h) and of an export (export.h), in
 * the order an export writes them: one table for the reader and the
 * writer. No dimension may be named like one of them, or its export would
 * read back as that column. */
enum bt_column {
    BT_COL_INDICATOR,
    BT_COL_DATE,
    BT_COL_VALUE,
    BT_COL_UNIT,
    BT_COL_FLAG,
    BT_COL_NOTE,
    BT_COL_SOURCE,
    BT_COL_OUTLET,
    BT_COL_PUBLISHED,
    BT_COL_URL,
    BT_COL_QUOTE,
    BT_COL_N
};
extern const char *const bt_columns[BT_COL_N];

/* The column named exactly s[0..n) ("flag": BT_COL_FLAG), or BT_COL_N when
 * s is no such name (then it may name a dimension). */
enum bt_column bt_column_find(const char *s, size_t n);

/* Checks a dimension value: 1 to BT_DIM_MAX bytes, no control character
 * (C0, DEL, C1) and no U+2028 or U+2029, which break a line in some
 * readers of the files and pages it reaches. */
int bt_dim_value_check(const char *s, size_t n, const char **why);

/* The longest stem of a series file name ("NAME=VALUE+..." without its
 * extension): NAME_MAX less ".flags", the longer of the two files a series
 * has. A row whose dimensions escape to more is refused when it is read,
 * so that no rename after a commit can fail on the name. */
#define BT_STEM_MAX (255 - 6)

/* The bytes that "name=value", escaped as in bt_series_file, adds to a
 * stem, the '+' before it included when it is not the first. */
size_t bt_dim_stem_len(const char *name, const char *value, int first);

/* Appends the series' relative file name to *out. dims must be sorted by
 * name (see bt_dims_sort). */
void bt_series_file(struct bt_buf *out, const char *indicator,
                    const struct bt_dim *dims, size_t ndims);
void bt_dims_sort(struct bt_dim *dims, size_t ndims);

/* Whether rel, a path relative to the database, names a file of a series
 * ("INDICATOR/NAME": a valid id, then a name that neither starts with '.'
 * nor holds '/'), so that it cannot reach outside the database. Journal
 * and rollback entries are checked with it before they are acted on. */
int bt_series_rel_ok(const char *rel);

/* A series read back from its file name. Owns its strings. */
struct bt_series_name {
    char *indicator;
    struct bt_dim dims[BT_DIMS_MAX];
    size_t ndims;
    char *storage;
};

/* Reads "INDICATOR/DIMS.rrd" back into *out. Returns -1 for a name that
 * is not a series file (temporary files, strays). */
int bt_series_name_parse(const char *relpath, struct bt_series_name *out);
void bt_series_name_release(struct bt_series_name *s);
/* Writes "indicator" or "indicator{name=value,name=value}" to *out. */
void bt_series_label(struct bt_buf *out, const char *indicator,
                     const struct bt_dim *dims, size_t ndims);

#endif
