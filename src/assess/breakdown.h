/* breakdown.h - a breakdown of an indicator (a city, a port, any set of
 * dimension values) as a subject of its own: read, given its own targets
 * and assessed by the method of progress.h, as the total is.
 *
 * A breakdown is a set of dimensions name=value (region=广东省;
 * control_point=Lo Wu, direction=Arrival), at most one value a name; the
 * total is the breakdown of none. Its observations are its total by
 * query.h's rule (its own stored series when there is one, else the sum
 * of every series that matches it); a derived indicator's (derive.h) are
 * computed from the same breakdown of its source. Its targets are the rows
 * of targets.csv set for exactly that breakdown (catalogue.h); a breakdown
 * without any is assessed on its trend (docs/methodology.md), never on the
 * total's targets.
 */
#ifndef BT_BREAKDOWN_H
#define BT_BREAKDOWN_H

#include <stddef.h>

#include "model/catalogue.h"
#include "model/series.h"
#include "query.h"
#include "store/db.h"

/* The indicator ind seen as the breakdown where[0..nwhere) (any order):
 * *view is *ind with the targets set for exactly that breakdown (none
 * when it has none; ind's own for the total). view borrows from ind. */
void bt_breakdown_view(const struct bt_indicator *ind, const struct bt_dim *where,
                       size_t nwhere, struct bt_indicator *view);

/* Checks that where[0..nwhere) names each dimension once. Returns 0, or
 * -1 with *e naming the dimension given twice. */
int bt_breakdown_check(const struct bt_dim *where, size_t nwhere,
                       struct bt_error *e);

/* One breakdown assessed. Owns everything except what view borrows. */
struct bt_breakdown_row {
    char *value;              /* the --by dimension's value; NULL for one
                                 breakdown assessed alone */
    struct bt_dim dims[BT_DIMS_MAX]; /* the breakdown (as asked, then the
                                        --by value): borrowed from the
                                        caller's where and from value */
    size_t ndims;
    struct bt_indicator view; /* the indicator with this breakdown's targets */
    struct bt_assessment a;   /* a.ind is &view: do not copy a row */
};

/* Reads and assesses the breakdown where[0..nwhere) of ind, ignoring
 * observations after as_of, into *out (release with
 * bt_breakdown_row_release). out->a.nseries is 0 when no stored series
 * matches. Returns 0 or -1. */
int bt_breakdown_assess(struct bt_db *db, const struct bt_indicator *ind,
                        const struct bt_dim *where, size_t nwhere, bt_day as_of,
                        struct bt_breakdown_row *out, struct bt_error *e);

/* Every value of dimension dim among the series of ind that match
 * where[0..nwhere) (dim not among them), each assessed as the breakdown
 * where + dim=value, in one pass over the series: *out gets *n rows
 * ordered by the latest value (the last observation as status prints it,
 * not a consolidated mean), largest first (those without one last), ties
 * by value (free with bt_breakdown_rows_free). Series without
 * dim are left out. Returns 0 or -1. */
int bt_breakdown_by(struct bt_db *db, const struct bt_indicator *ind,
                    const char *dim, const struct bt_dim *where, size_t nwhere,
                    bt_day as_of, struct bt_breakdown_row **out, size_t *n,
                    struct bt_error *e);
void bt_breakdown_row_release(struct bt_breakdown_row *r);
/* The lines status prints for ind: the breakdown where[0..nwhere) (the
 * total when nwhere is 0) unless by is set, then, when by is set, one
 * line per value of dimension by (as bt_breakdown_by), preceded by the
 * breakdown where itself when with_total. *out gets *n rows (free with
 * bt_breakdown_rows_free). Returns 0 or -1. */
int bt_breakdown_rows(struct bt_db *db, const struct bt_indicator *ind,
                      const struct bt_dim *where, size_t nwhere, const char *by,
                      int with_total, bt_day as_of,
                      struct bt_breakdown_row **out, size_t *n,
                      struct bt_error *e);
/* Releases rows[0..n) and frees rows. */
void bt_breakdown_rows_free(struct bt_breakdown_row *rows, size_t n);

/* Appends to *out one line for each breakdown of cat's targets that no
 * stored series matches (a value or a dimension spelled otherwise than
 * loaded, or a dimension the indicator has not) while the indicator has
 * series (before its first load, nothing is said), so that a target is
 * never ignored unsaid. Returns 0 or -1 with *e. */
int bt_breakdown_unmatched(struct bt_db *db, const struct bt_catalogue *cat,
                           struct bt_buf *out, struct bt_error *e);

/* Appends "name=value, name=value" for where[0..nwhere) to *out. */
void bt_breakdown_label(struct bt_buf *out, const struct bt_dim *where,
                        size_t nwhere);

/* The same for people reading language l: each name and value as
 * dimensions.csv translates it (else as loaded), "name=value" in English,
 * "名：值" in Chinese, joined by ", " or "，". */
void bt_breakdown_label_in(struct bt_buf *out, const struct bt_catalogue *c,
                           const struct bt_dim *where, size_t nwhere,
                           enum bt_lang l);

#endif
