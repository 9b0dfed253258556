/* query.c - reading indicators back (see query.h). */
#include "query.h"

#include <stdlib.h>
#include <string.h>

/* Adds the series file rel into *total (both sorted by day), using
 * *one and *merged as scratch. 0; 1 when the file was left out as
 * unreadable (bt_db_skip_unreadable); -1. */
static int add_series(struct bt_db *db, const char *rel, struct bt_points *total,
                      struct bt_points *one, struct bt_points *merged,
                      struct bt_error *e)
{
    int rc = bt_db_read(db, rel, one, e);
    if (rc != 0)
        return rc;
    const struct bt_points *a = total, *b = one;
    size_t i = 0, k = 0;
    merged->n = 0;
    while (i < a->n || k < b->n) {
        if (k == b->n || (i < a->n && a->v[i].day < b->v[k].day))
            bt_points_add(merged, a->v[i].day, a->v[i].value), i++;
        else if (i == a->n || b->v[k].day < a->v[i].day)
            bt_points_add(merged, b->v[k].day, b->v[k].value), k++;
        else
            bt_points_add(merged, a->v[i].day, a->v[i].value + b->v[k].value),
                i++, k++;
    }
    struct bt_points t = *total;
    *total = *merged;
    *merged = t;
    return 0;
}

struct collect {
    struct bt_match *v;
    size_t n, cap;
};

static int add_match(void *ctx, const char *rel)
{
    struct collect *c = ctx;
    struct bt_match m;
    if (bt_series_name_parse(rel, &m.name) != 0) {
        bt_series_name_release(&m.name);
        return 0;
    }
    m.rel = bt_xstrdup(rel);
    bt_grow((void **)&c->v, &c->cap, c->n + 1, sizeof *c->v);
    c->v[c->n++] = m;
    return 0;
}

int bt_query_matches(struct bt_db *db, const char *indicator,
                     const struct bt_dim *where, size_t nwhere,
                     struct bt_match **out, size_t *n, struct bt_error *e)
{
    struct collect c = {0};
    int rc = bt_db_match(db, indicator, where, nwhere, add_match, &c, e);
    if (rc < 0) {
        bt_matches_free(c.v, c.n);
        return -1;
    }
    *out = c.v;
    *n = c.n;
    return 0;
}

void bt_matches_free(struct bt_match *m, size_t n)
{
    for (size_t i = 0; m && i < n; i++) {
        free(m[i].rel);
        bt_series_name_release(&m[i].name);
    }
    free(m);
}

/* BT_TOTAL_CODE: SDMX's code for "the total of this dimension" (the
 * publisher's own sum of the dimension's other values). */
#define BT_TOTAL_CODE "_T"

/* m's value of dimension name, or NULL when it has not the dimension. */
static const char *dim_value(const struct bt_match *m, const char *name)
{
    for (size_t k = 0; k < m->name.ndims; k++)
        if (strcmp(m->name.dims[k].name, name) == 0)
            return m->name.dims[k].value;
    return NULL;
}

/* Whether m is a part of a total the matches all[0..n) also hold: in some
 * dimension it has a value other than BT_TOTAL_CODE where another match
 * has that code (SDMX's sex=M beside sex=_T), so adding it to that total
 * would count it twice. */
static int is_part(const struct bt_match *m, const struct bt_match *all,
                   size_t n)
{
    for (size_t k = 0; k < m->name.ndims; k++) {
        const struct bt_dim *d = &m->name.dims[k];
        if (strcmp(d->value, BT_TOTAL_CODE) == 0)
            continue;
        for (size_t j = 0; j < n; j++) {
            const char *v = dim_value(&all[j], d->name);
            if (v && strcmp(v, BT_TOTAL_CODE) == 0)
                return 1;
        }
    }
    return 0;
}

int bt_query_sum(struct bt_db *db, const struct bt_match *m, size_t n,
                 size_t nwhere, struct bt_points *out, size_t *nseries,
                 struct bt_error *e)
{
    struct bt_points one = {0}, merged = {0};
    size_t exact = n;
    for (size_t i = 0; i < n && exact == n; i++)
        if (m[i].name.ndims == nwhere)
            exact = i;
    out->n = 0;
    *nseries = 0;
    int rc = 0, left_out = 0;
    for (size_t i = exact < n ? exact : 0; rc == 0 && i < n; i++) {
        if (exact == n && is_part(&m[i], m, n))
            continue;
        rc = add_series(db, m[i].rel, out, &one, &merged, e);
        left_out |= rc == 1;
        rc = rc == 1 ? 0 : rc;
        ++*nseries;
        if (exact < n)
            break;
    }
    if (left_out) /* never the sum of the rest: no data, and said why */
        out->n = *nseries = 0;
    bt_points_release(&one);
    bt_points_release(&merged);
    return rc;
}

/* Collects the distinct values of the first dimension. */
struct firsts {
    char **v;
    size_t n, cap;
};

static int add_first(void *ctx, const char *rel)
{
    struct firsts *f = ctx;
    struct bt_series_name name;
    if (bt_series_name_parse(rel, &name) != 0 || name.ndims == 0) {
        bt_series_name_release(&name);
        return 0;
    }
    struct bt_buf label = {0};
    bt_buf_addf(&label, "%s=%s", name.dims[0].name, name.dims[0].value);
    bt_series_name_release(&name);
    for (size_t i = 0; i < f->n; i++)
        if (strcmp(f->v[i], label.data) == 0) {
            bt_buf_release(&label);
            return 0;
        }
    bt_grow((void **)&f->v, &f->cap, f->n + 1, sizeof *f->v);
    f->v[f->n++] = label.data;
    return 0;
}

int bt_query_groups(struct bt_db *db, const char *indicator,
                    struct bt_group **out, size_t *n, struct bt_error *e)
{
    struct firsts f = {0};
    *out = NULL;
    *n = 0;
    if (bt_db_match(db, indicator, NULL, 0, add_first, &f, e) < 0)
        return -1;
    struct bt_group *g = bt_xcalloc(f.n, sizeof *g);
    int rc = 0;
    for (size_t i = 0; i < f.n; i++) {
        char *eq = strchr(f.v[i], '=');
        *eq = '\0';
        struct bt_dim where = {f.v[i], eq + 1};
        size_t nseries;
        if (rc == 0)
            rc = bt_query_total(db, indicator, &where, 1, &g[i].obs, &nseries, e);
        *eq = '=';
        g[i].label = f.v[i];
    }
    free(f.v);
    if (rc != 0) {
        bt_groups_free(g, f.n);
        return -1;
    }
    *out = g;
    *n = f.n;
    return 0;
}

void bt_groups_free(struct bt_group *g, size_t n)
{
    for (size_t i = 0; g && i < n; i++) {
        free(g[i].label);
        bt_points_release(&g[i].obs);
    }
    free(g);
}

int bt_query_total(struct bt_db *db, const char *indicator,
                   const struct bt_dim *where, size_t nwhere,
                   struct bt_points *out, size_t *nseries, struct bt_error *e)
{
    struct bt_match *m;
    size_t n;
    out->n = 0;
    *nseries = 0;
    if (bt_query_matches(db, indicator, where, nwhere, &m, &n, e) != 0)
        return -1;
    int rc = bt_query_sum(db, m, n, nwhere, out, nseries, e);
    bt_matches_free(m, n);
    return rc;
}

/* A ratio's denominator for the breakdown where[0..nwhere): its own
 * series of that breakdown when it has any, else its total. */
static int denominator(struct bt_db *db, const char *id, const struct bt_dim *where,
                       size_t nwhere, struct bt_points *out, struct bt_error *e)
{
    size_t n = 0;
    if (bt_query_total(db, id, where, nwhere, out, &n, e) != 0)
        return -1;
    return n || !nwhere ? 0 : bt_query_total(db, id, NULL, 0, out, &n, e);
}

int bt_query_indicator(struct bt_db *db, const struct bt_indicator *ind,
                       const struct bt_dim *where, size_t nwhere,
                       struct bt_points *out, size_t *nseries,
                       struct bt_error *e)
{
    if (!ind->derive)
        return bt_query_total(db, ind->id, where, nwhere, out, nseries, e);
    const struct bt_derive *d = ind->derive;
    struct bt_points from = {0}, den = {0};
    int rc = bt_query_total(db, d->from, where, nwhere, &from, nseries, e);
    if (rc == 0 && d->fn == BT_DERIVE_RATIO)
        rc = denominator(db, d->denominator, where, nwhere, &den, e);
    if (rc == 0 && d->fn == BT_DERIVE_RATIO)
        bt_derive_ratio(from.v, from.n, den.v, den.n, d->scale, out);
    else if (rc == 0)
        bt_derive_points(d, from.v, from.n, out);
    bt_points_release(&from);
    bt_points_release(&den);
    return rc;
}

int bt_query_assess(struct bt_db *db, const struct bt_catalogue *cat,
                    bt_day as_of, struct bt_assessment **out,
                    struct bt_error *e)
{
    struct bt_assessment *a = bt_xcalloc(cat->n, sizeof *a);
    for (size_t i = 0; i < cat->n; i++) {
        a[i].ind = &cat->v[i];
        if (bt_query_indicator(db, a[i].ind, NULL, 0, &a[i].obs, &a[i].nseries,
                               e) != 0) {
            bt_assessments_free(a, cat->n);
            return -1;
        }
        bt_progress_assess(a[i].ind, a[i].obs.v, a[i].obs.n, as_of,
                           &a[i].progress);
        bt_currency_assess(a[i].ind, a[i].progress.has_last,
                           a[i].progress.last_date, as_of, &a[i].currency);
    }
    *out = a;
    return 0;
}

void bt_assessments_free(struct bt_assessment *a, size_t n)
{
    for (size_t i = 0; a && i < n; i++)
        bt_points_release(&a[i].obs);
    free(a);
}
