/* export.h - an indicator's stored series read back whole, and written as
 * CSV in the form `load` reads back unchanged:
 *
 *   indicator,date,value[,unit][,flag][,note,source][,DIM...]
 *
 * annotated, the unit (the catalogue's: load checks it and stores nothing
 * of it), and each observation's note and source (flags.h); a flag column
 * when any observation has a flag; a column for every
 * dimension any series has, sorted by name (an empty cell is a series
 * without that dimension). Dates are written as the indicator's periods.
 * The column names are series.h's bt_columns, which no dimension may
 * have (load refuses them), so that no dimension reads back as one. */
#ifndef BT_EXPORT_H
#define BT_EXPORT_H

#include <stddef.h>

#include "model/catalogue.h"
#include "store/db.h"
#include "store/flags.h"
#include "model/series.h"
#include "base/point.h"

/* One stored series as read back; owns everything. */
struct bt_exported {
    struct bt_series_name name;
    struct bt_points pts;
    struct bt_flags flags;
};

/* Reads every stored series of ind matching where[0..nwhere) into *out
 * (*n entries, in file name order; free with bt_exported_free). A derived
 * indicator reads as one series computed from its source (derive.h), or
 * none when no series of the source matches. Returns 0 or -1 with *e. */
int bt_export_read(struct bt_db *db, const struct bt_indicator *ind,
                   const struct bt_dim *where, size_t nwhere,
                   struct bt_exported **out, size_t *n, struct bt_error *e);
void bt_exported_free(struct bt_exported *x, size_t n);

/* The total of ind's breakdown where[0..nwhere) (the whole indicator when
 * nwhere is 0), as status assesses it (query.h's rule; a derived
 * indicator computed from its source), as one series named by those
 * dimensions and without flags, into *out: *n is 1, or 0 when no series
 * matches. Returns 0 or -1 with *e. */
int bt_export_total(struct bt_db *db, const struct bt_indicator *ind,
                    const struct bt_dim *where, size_t nwhere,
                    struct bt_exported **out, size_t *n, struct bt_error *e);

/* The columns x[0..n) need: a flag column when any observation has a
 * flag, and every dimension any series has, sorted by name (the names
 * are borrowed from x; at most 64). */
struct bt_export_columns {
    int flag;
    const char *dims[64];
    size_t ndims;
};
void bt_export_columns(const struct bt_exported *x, size_t n,
                       struct bt_export_columns *c);

/* Appends the CSV of x[0..n), series of ind, to *out; annotated, with
 * the unit, note and source columns. */
void bt_export_csv(struct bt_buf *out, const struct bt_indicator *ind,
                   const struct bt_exported *x, size_t n, int annotated);

#endif
