/* query.h - reading an indicator back for reports. */
#ifndef BT_QUERY_H
#define BT_QUERY_H

#include <stddef.h>

#include "model/catalogue.h"
#include "store/db.h"
#include "currency.h"
#include "progress.h"
#include "model/series.h"
#include "base/point.h"

/* The total of a breakdown (where[0..nwhere), names distinct; none for
 * the whole indicator) into *out (emptied first): the stored series whose
 * dimensions are exactly those, when there is one (a publisher's own
 * total, beside its breakdowns), else every series that matches where,
 * summed day by day (a disaggregated indicator, by control point and
 * direction, reads as its total), leaving out the parts of a total coded
 * in the data (a series with sex=M or sex=F when one with SDMX's total
 * code sex=_T is there: the publisher's sum of them). *nseries gets the number of series
 * read. A total one of whose series files was left out as unreadable
 * (bt_db_skip_unreadable) has no data and no series: it is never the sum
 * of the others. Returns 0 or -1. */
int bt_query_total(struct bt_db *db, const char *indicator,
                   const struct bt_dim *where, size_t nwhere,
                   struct bt_points *out, size_t *nseries, struct bt_error *e);

/* One series file that matched a breakdown; owns everything. */
struct bt_match {
    char *rel;                  /* relative to the database */
    struct bt_series_name name; /* its dimensions */
};

/* Every series file of indicator whose dimensions include where[0..nwhere)
 * into *out (*n entries, by file name; free with bt_matches_free).
 * Returns 0 or -1. */
int bt_query_matches(struct bt_db *db, const char *indicator,
                     const struct bt_dim *where, size_t nwhere,
                     struct bt_match **out, size_t *n, struct bt_error *e);
void bt_matches_free(struct bt_match *m, size_t n);

/* The total of the breakdown of nwhere dimensions that m[0..n) all match,
 * by bt_query_total's rule, into *out (emptied first). 0 or -1. */
int bt_query_sum(struct bt_db *db, const struct bt_match *m, size_t n,
                 size_t nwhere, struct bt_points *out, size_t *nseries,
                 struct bt_error *e);

/* As bt_query_total, for a catalogue indicator: a derived one (derive.h)
 * is computed from the total of the indicator it is derived from, with
 * where[] applied to that one; a ratio's denominator is read for the
 * same breakdown when it has series of it, else as its total (a share of
 * the whole). */
int bt_query_indicator(struct bt_db *db, const struct bt_indicator *ind,
                       const struct bt_dim *where, size_t nwhere,
                       struct bt_points *out, size_t *nseries,
                       struct bt_error *e);

/* The series of an indicator summed by the value of one dimension (the
 * first by name, e.g. control_point, summing over direction). */
struct bt_group {
    char *label;           /* "control_point=Airport", owned */
    struct bt_points obs;  /* owned */
};

/* Groups every series of indicator by its first dimension. *out gets *n
 * groups sorted by label (free with bt_groups_free). Returns 0 or -1. */
int bt_query_groups(struct bt_db *db, const char *indicator,
                    struct bt_group **out, size_t *n, struct bt_error *e);
void bt_groups_free(struct bt_group *g, size_t n);

/* One indicator's observations (totalled) and its assessment. */
struct bt_assessment {
    const struct bt_indicator *ind; /* borrowed from the catalogue */
    struct bt_points obs;           /* owned */
    size_t nseries;
    struct bt_progress progress;
    struct bt_currency currency;    /* of the last observation at as_of */
};

/* Reads and assesses every indicator of cat, in catalogue order, ignoring
 * observations after as_of. *out gets cat->n entries (free with
 * bt_assessments_free). Returns 0 or -1. */
int bt_query_assess(struct bt_db *db, const struct bt_catalogue *cat,
                    bt_day as_of, struct bt_assessment **out,
                    struct bt_error *e);
void bt_assessments_free(struct bt_assessment *a, size_t n);

#endif
