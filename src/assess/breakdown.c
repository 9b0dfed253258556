/* breakdown.c - breakdowns as subjects of their own (see breakdown.h). */
#include "breakdown.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

void bt_breakdown_view(const struct bt_indicator *ind, const struct bt_dim *where,
                       size_t nwhere, struct bt_indicator *view)
{
    *view = *ind;
    if (nwhere == 0)
        return;
    struct bt_dim dims[BT_DIMS_MAX];
    size_t n = nwhere < BT_DIMS_MAX ? nwhere : BT_DIMS_MAX;
    if (n)
        memcpy(dims, where, n * sizeof *dims);
    bt_dims_sort(dims, n);
    view->targets = NULL;
    view->ntargets = 0;
    for (size_t i = 0; i < ind->nbreakdowns; i++) {
        const struct bt_breakdown_targets *b = &ind->breakdowns[i];
        if (bt_dims_cmp(b->dims, b->ndims, dims, n) == 0) {
            view->targets = b->targets;
            view->ntargets = b->ntargets;
            return;
        }
    }
}

int bt_breakdown_check(const struct bt_dim *where, size_t nwhere,
                       struct bt_error *e)
{
    for (size_t i = 0; i < nwhere; i++)
        for (size_t k = 0; k < i; k++)
            if (strcmp(where[i].name, where[k].name) == 0)
                return bt_fail(e, "dimension '%s' is given twice: a breakdown "
                               "has one value of each", where[i].name);
    return 0;
}

/* Assesses obs (taken over) as the breakdown where[0..nwhere) into *r. */
static void assess_row(const struct bt_indicator *ind, const struct bt_dim *where,
                       size_t nwhere, bt_day as_of, struct bt_points *obs,
                       size_t nseries, struct bt_breakdown_row *r)
{
    bt_breakdown_view(ind, where, nwhere, &r->view);
    if (nwhere)
        memcpy(r->dims, where, nwhere * sizeof *where);
    r->ndims = nwhere;
    r->a.ind = &r->view;
    r->a.obs = *obs;
    r->a.nseries = nseries;
    *obs = (struct bt_points){0};
    bt_progress_assess(&r->view, r->a.obs.v, r->a.obs.n, as_of, &r->a.progress);
    bt_currency_assess(&r->view, r->a.progress.has_last, r->a.progress.last_date,
                       as_of, &r->a.currency);
}

int bt_breakdown_assess(struct bt_db *db, const struct bt_indicator *ind,
                        const struct bt_dim *where, size_t nwhere, bt_day as_of,
                        struct bt_breakdown_row *out, struct bt_error *e)
{
    struct bt_points obs = {0};
    size_t nseries = 0;
    memset(out, 0, sizeof *out);
    if (bt_breakdown_check(where, nwhere, e) != 0 ||
        bt_query_indicator(db, ind, where, nwhere, &obs, &nseries, e) != 0) {
        bt_points_release(&obs);
        return -1;
    }
    assess_row(ind, where, nwhere, as_of, &obs, nseries, out);
    return 0;
}

/* A matched series and its value of the --by dimension. */
struct keyed {
    const char *value; /* borrowed from the match */
    size_t i;          /* its index among the matches */
};

static int keyed_cmp(const void *a, const void *b)
{
    const struct keyed *x = a, *y = b;
    int r = strcmp(x->value, y->value);
    return r ? r : (x->i > y->i) - (x->i < y->i);
}

/* The value of dimension dim in m's name, or NULL. */
static const char *value_of(const struct bt_match *m, const char *dim)
{
    for (size_t k = 0; k < m->name.ndims; k++)
        if (strcmp(m->name.dims[k].name, dim) == 0)
            return m->name.dims[k].value;
    return NULL;
}

/* The figure a row is ordered by: its latest value as status prints it
 * (the last single observation, before any consolidation: a monthly
 * series is assessed on a 3-month mean, but a reader compares the latest
 * figure); NAN when it has none. */
static double row_latest(const struct bt_breakdown_row *r)
{
    const struct bt_progress *p = &r->a.progress;
    return p->has_last ? p->last_value : p->latest_value;
}

/* Rows by latest value, largest first, NAN last, then by value. */
static int row_cmp(const void *a, const void *b)
{
    const struct bt_breakdown_row *x = a, *y = b;
    double u = row_latest(x), v = row_latest(y);
    if (isnan(u) != isnan(v))
        return isnan(u) ? 1 : -1;
    if (!isnan(u) && u != v)
        return u > v ? -1 : 1;
    return strcmp(x->value, y->value);
}

/* Sums and assesses each run of m[0..n) (sorted by value through key)
 * with the same value into rows[*nrows]. */
static int assess_groups(struct bt_db *db, const struct bt_indicator *ind,
                         const char *dim, const struct bt_dim *where,
                         size_t nwhere, bt_day as_of, struct bt_match *m,
                         const struct keyed *key, size_t n,
                         struct bt_breakdown_row *rows, size_t *nrows,
                         struct bt_error *e)
{
    struct bt_dim sub[BT_DIMS_MAX];
    if (nwhere)
        memcpy(sub, where, nwhere * sizeof *sub);
    struct bt_points total = {0}, derived = {0};
    int rc = 0;
    for (size_t lo = 0, hi; rc == 0 && lo < n; lo = hi) {
        for (hi = lo + 1; hi < n && strcmp(key[hi].value, key[lo].value) == 0; hi++)
            ;
        size_t nseries;
        sub[nwhere] = (struct bt_dim){dim, key[lo].value};
        if (ind->derive && ind->derive->fn == BT_DERIVE_RATIO) {
            /* the denominator's breakdown too: read by query.h's rule */
            if ((rc = bt_query_indicator(db, ind, sub, nwhere + 1, &total,
                                         &nseries, e)) != 0)
                break;
        } else if ((rc = bt_query_sum(db, m + lo, hi - lo, nwhere + 1, &total,
                                      &nseries, e)) != 0) {
            break;
        } else if (ind->derive) {
            bt_derive_points(ind->derive, total.v, total.n, &derived);
            struct bt_points t = total;
            total = derived;
            derived = t;
        }
        struct bt_breakdown_row *r = &rows[(*nrows)++];
        r->value = bt_xstrdup(key[lo].value);
        sub[nwhere] = (struct bt_dim){dim, r->value};
        assess_row(ind, sub, nwhere + 1, as_of, &total, nseries, r);
    }
    bt_points_release(&total);
    bt_points_release(&derived);
    return rc;
}

int bt_breakdown_by(struct bt_db *db, const struct bt_indicator *ind,
                    const char *dim, const struct bt_dim *where, size_t nwhere,
                    bt_day as_of, struct bt_breakdown_row **out, size_t *n,
                    struct bt_error *e)
{
    *out = NULL;
    *n = 0;
    if (bt_breakdown_check(where, nwhere, e) != 0)
        return -1;
    for (size_t i = 0; i < nwhere; i++)
        if (strcmp(where[i].name, dim) == 0)
            return bt_fail(e, "dimension '%s' is both chosen and broken down", dim);
    if (nwhere + 1 > BT_DIMS_MAX)
        return bt_fail(e, "a breakdown of more than %d dimensions", BT_DIMS_MAX);
    const char *source = ind->derive ? ind->derive->from : ind->id;
    struct bt_match *m, *sorted;
    size_t nm, nk = 0;
    if (bt_query_matches(db, source, where, nwhere, &m, &nm, e) != 0)
        return -1;
    struct keyed *key = bt_xcalloc(nm + 1, sizeof *key);
    for (size_t i = 0; i < nm; i++)
        if ((key[nk].value = value_of(&m[i], dim)) != NULL)
            key[nk++].i = i;
    bt_qsort(key, nk, sizeof *key, keyed_cmp);
    /* the matches with dim, in the keys' order, so each value is a run */
    sorted = bt_xcalloc(nk + 1, sizeof *sorted);
    for (size_t k = 0; k < nk; k++)
        sorted[k] = m[key[k].i];
    struct bt_breakdown_row *rows = bt_xcalloc(nk + 1, sizeof *rows);
    size_t nrows = 0;
    int rc = assess_groups(db, ind, dim, where, nwhere, as_of, sorted, key, nk,
                           rows, &nrows, e);
    free(sorted); /* the matches themselves are m's */
    free(key);
    bt_matches_free(m, nm);
    if (rc != 0) {
        bt_breakdown_rows_free(rows, nrows);
        return -1;
    }
    bt_qsort(rows, nrows, sizeof *rows, row_cmp);
    for (size_t i = 0; i < nrows; i++)
        rows[i].a.ind = &rows[i].view; /* moved by the sort */
    *out = rows;
    *n = nrows;
    return 0;
}

int bt_breakdown_rows(struct bt_db *db, const struct bt_indicator *ind,
                      const struct bt_dim *where, size_t nwhere, const char *by,
                      int with_total, bt_day as_of,
                      struct bt_breakdown_row **out, size_t *n,
                      struct bt_error *e)
{
    struct bt_breakdown_row *rows = NULL;
    size_t nrows = 0;
    *out = NULL;
    *n = 0;
    if (by && bt_breakdown_by(db, ind, by, where, nwhere, as_of, &rows, &nrows, e) != 0)
        return -1;
    if (!by || with_total) {
        rows = bt_xrealloc(rows, (nrows + 1) * sizeof *rows);
        memmove(rows + 1, rows, nrows * sizeof *rows);
        if (bt_breakdown_assess(db, ind, where, nwhere, as_of, &rows[0], e) != 0) {
            for (size_t i = 1; i <= nrows; i++)
                bt_breakdown_row_release(&rows[i]);
            free(rows);
            return -1;
        }
        nrows++;
    }
    for (size_t i = 0; i < nrows; i++)
        rows[i].a.ind = &rows[i].view; /* moved */
    *out = rows;
    *n = nrows;
    return 0;
}

void bt_breakdown_row_release(struct bt_breakdown_row *r)
{
    free(r->value);
    bt_points_release(&r->a.obs);
    memset(r, 0, sizeof *r);
}

void bt_breakdown_rows_free(struct bt_breakdown_row *rows, size_t n)
{
    for (size_t i = 0; rows && i < n; i++)
        bt_breakdown_row_release(&rows[i]);
    free(rows);
}

void bt_breakdown_label(struct bt_buf *out, const struct bt_dim *where,
                        size_t nwhere)
{
    for (size_t i = 0; i < nwhere; i++)
        bt_buf_addf(out, "%s%s=%s", i ? ", " : "", where[i].name, where[i].value);
}

void bt_breakdown_label_in(struct bt_buf *out, const struct bt_catalogue *c,
                           const struct bt_dim *where, size_t nwhere,
                           enum bt_lang l)
{
    int zh = l != BT_LANG_EN;
    for (size_t i = 0; i < nwhere; i++)
        bt_buf_addf(out, "%s%s%s%s", i ? (zh ? "，" : ", ") : "",
                    bt_dim_word(c, where[i].name, NULL, l), zh ? "：" : "=",
                    bt_dim_word(c, where[i].name, where[i].value, l));
}

/* How many stored series of indicator id have the dimensions
 * where[0..nwhere) into *n. 0 or -1 with *e. */
static int count_matches(struct bt_db *db, const char *id,
                         const struct bt_dim *where, size_t nwhere, size_t *n,
                         struct bt_error *e)
{
    struct bt_match *m;
    if (bt_query_matches(db, id, where, nwhere, &m, n, e) != 0)
        return -1;
    bt_matches_free(m, *n);
    return 0;
}

int bt_breakdown_unmatched(struct bt_db *db, const struct bt_catalogue *cat,
                           struct bt_buf *out, struct bt_error *e)
{
    for (size_t i = 0; i < cat->n; i++) {
        const struct bt_indicator *ind = &cat->v[i];
        const char *source = ind->derive ? ind->derive->from : ind->id;
        size_t all = 0, some;
        if (ind->nbreakdowns && count_matches(db, source, NULL, 0, &all, e) != 0)
            return -1;
        for (size_t k = 0; all && k < ind->nbreakdowns; k++) {
            const struct bt_breakdown_targets *b = &ind->breakdowns[k];
            if (count_matches(db, source, b->dims, b->ndims, &some, e) != 0)
                return -1;
            if (some)
                continue;
            bt_buf_addf(out, "targets.csv: the targets of '%s' for ", ind->id);
            bt_breakdown_label(out, b->dims, b->ndims);
            bt_buf_addf(out, " match no stored series, so they are not "
                        "assessed (a value must be spelled as loaded: "
                        "'baytrack series %s' lists them)\n", source);
        }
    }
    return 0;
}
