/* query.c - reading indicators back (see query.h). */
#include "query.h"

#include <stdlib.h>
#include <string.h>

struct sum {
    const struct bt_db *db;
    struct bt_points *total;
    struct bt_points one, merged;
    struct bt_error *e;
};

/* Adds one series into the running total (both sorted by day). */
static int add_series(void *ctx, const char *rel)
{
    struct sum *s = ctx;
    struct bt_buf path = {0};
    bt_db_path(s->db, rel, &path);
    int rc = bt_store_read(&s->db->store, path.data, &s->one, s->e);
    bt_buf_release(&path);
    if (rc != 0)
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

int bt_query_total(const struct bt_db *db, const char *indicator,
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

int bt_query_assess(const struct bt_db *db, const struct bt_catalogue *cat,
                    bt_day as_of, struct bt_assessment **out,
                    struct bt_error *e)
{
    struct bt_assessment *a = bt_xcalloc(cat->n, sizeof *a);
    for (size_t i = 0; i < cat->n; i++) {
        a[i].ind = &cat->v[i];
        if (bt_query_total(db, a[i].ind->id, NULL, 0, &a[i].obs, &a[i].nseries,
                           e) != 0) {
            bt_assessments_free(a, cat->n);
            return -1;
        }
        bt_progress_assess(a[i].ind, a[i].obs.v, a[i].obs.n, as_of,
                           &a[i].progress);
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
