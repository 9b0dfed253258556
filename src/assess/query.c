/* query.c - reading indicators back (see query.h). */
#include "query.h"

#include <stdlib.h>
#include <string.h>

struct sum {
    struct bt_db *db;
    struct bt_points *total;
    struct bt_points one, merged;
    struct bt_error *e;
};

/* Adds one series into the running total (both sorted by day). */
static int add_series(void *ctx, const char *rel)
{
    struct sum *s = ctx;
    if (bt_db_read(s->db, rel, &s->one, s->e) != 0)
        return -1;
    const struct bt_points *a = s->total, *b = &s->one;
    size_t i = 0, k = 0;
    s->merged.n = 0;
    while (i < a->n || k < b->n) {
        if (k == b->n || (i < a->n && a->v[i].day < b->v[k].day))
            bt_points_add(&s->merged, a->v[i].day, a->v[i].value), i++;
        else if (i == a->n || b->v[k].day < a->v[i].day)
            bt_points_add(&s->merged, b->v[k].day, b->v[k].value), k++;
        else
            bt_points_add(&s->merged, a->v[i].day, a->v[i].value + b->v[k].value),
                i++, k++;
    }
    struct bt_points t = *s->total;
    *s->total = s->merged;
    s->merged = t;
    return 0;
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
    struct sum s = {.db = db, .total = out, .e = e};
    out->n = 0;
    int n = bt_db_match(db, indicator, where, nwhere, add_series, &s, e);
    bt_points_release(&s.one);
    bt_points_release(&s.merged);
    *nseries = n > 0 ? (size_t)n : 0;
    return n < 0 ? -1 : 0;
}

int bt_query_indicator(struct bt_db *db, const struct bt_indicator *ind,
                       const struct bt_dim *where, size_t nwhere,
                       struct bt_points *out, size_t *nseries,
                       struct bt_error *e)
{
    if (!ind->derive)
        return bt_query_total(db, ind->id, where, nwhere, out, nseries, e);
    struct bt_points daily = {0};
    int rc = bt_query_total(db, ind->derive->from, where, nwhere, &daily,
                            nseries, e);
    if (rc == 0)
        bt_derive_points(ind->derive, daily.v, daily.n, out);
    bt_points_release(&daily);
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
