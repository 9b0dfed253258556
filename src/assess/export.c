/* export.c - series read back and written as CSV (see export.h). */
#include "export.h"

#include <stdlib.h>
#include <string.h>

#include "base/csv_read.h"
#include "base/number.h"
#include "query.h"

/* The matching series files. */
struct found {
    char **rel;
    size_t n, cap;
};

static int collect(void *ctx, const char *rel)
{
    struct found *f = ctx;
    bt_grow((void **)&f->rel, &f->cap, f->n + 1, sizeof *f->rel);
    f->rel[f->n++] = bt_xstrdup(rel);
    return 0;
}

/* A name for ind's breakdown where[0..nwhere), its dimensions sorted by
 * name, every string in its storage. */
static void total_name(struct bt_series_name *name, const struct bt_indicator *ind,
                       const struct bt_dim *where, size_t nwhere)
{
    size_t len = strlen(ind->id) + 1;
    for (size_t i = 0; i < nwhere; i++)
        len += strlen(where[i].name) + strlen(where[i].value) + 2;
    char *p = name->storage = bt_xmalloc(len);
    memset(name->dims, 0, sizeof name->dims);
    name->indicator = strcpy(p, ind->id);
    p += strlen(p) + 1;
    for (size_t i = 0; i < nwhere && i < BT_DIMS_MAX; i++) {
        name->dims[i].name = strcpy(p, where[i].name);
        p += strlen(p) + 1;
        name->dims[i].value = strcpy(p, where[i].value);
        p += strlen(p) + 1;
    }
    name->ndims = nwhere < BT_DIMS_MAX ? nwhere : BT_DIMS_MAX;
    bt_dims_sort(name->dims, name->ndims);
}

int bt_export_total(struct bt_db *db, const struct bt_indicator *ind,
                    const struct bt_dim *where, size_t nwhere,
                    struct bt_exported **out, size_t *n, struct bt_error *e)
{
    struct bt_exported *x = bt_xcalloc(1, sizeof *x);
    size_t nseries = 0;
    *out = NULL;
    *n = 0;
    total_name(&x->name, ind, where, nwhere);
    int rc = bt_query_indicator(db, ind, where, nwhere, &x->pts, &nseries, e);
    if (rc != 0 || nseries == 0) {
        bt_exported_free(x, 1);
        return rc;
    }
    *out = x;
    *n = 1;
    return 0;
}

int bt_export_read(struct bt_db *db, const struct bt_indicator *ind,
                   const struct bt_dim *where, size_t nwhere,
                   struct bt_exported **out, size_t *n, struct bt_error *e)
{
    struct found f = {0};
    *out = NULL;
    *n = 0;
    if (ind->derive)
        return bt_export_total(db, ind, where, nwhere, out, n, e);
    if (bt_db_match(db, ind->id, where, nwhere, collect, &f, e) < 0)
        return -1;
    struct bt_exported *x = bt_xcalloc(f.n ? f.n : 1, sizeof *x);
    struct bt_buf path = {0}, fpath = {0};
    int rc = 0;
    for (size_t i = 0; i < f.n; i++) {
        path.len = fpath.len = 0;
        bt_db_path(db, f.rel[i], &path);
        bt_flags_path(path.data, &fpath);
        bt_series_name_parse(f.rel[i], &x[i].name);
        int got = rc == 0 ? bt_db_read(db, f.rel[i], &x[i].pts, e) : -1;
        if (rc == 0 && (got < 0 || (got == 0 && bt_flags_read(
                                                   fpath.data, &x[i].flags, e) != 0)))
            rc = -1; /* got 1: not there, or left out as unreadable */
        free(f.rel[i]);
    }
    free(f.rel);
    bt_buf_release(&path);
    bt_buf_release(&fpath);
    if (rc != 0) {
        bt_exported_free(x, f.n);
        return -1;
    }
    *out = x;
    *n = f.n;
    return 0;
}

void bt_exported_free(struct bt_exported *x, size_t n)
{
    for (size_t i = 0; x && i < n; i++) {
        bt_series_name_release(&x[i].name);
        bt_points_release(&x[i].pts);
        bt_flags_release(&x[i].flags);
    }
    free(x);
}

void bt_export_columns(const struct bt_exported *x, size_t n,
                       struct bt_export_columns *c)
{
    memset(c, 0, sizeof *c);
    for (size_t i = 0; i < n; i++) {
        for (size_t k = 0; k < x[i].flags.n; k++)
            c->flag |= *x[i].flags.v[k].text != '\0';
        for (size_t k = 0; k < x[i].name.ndims; k++) {
            const char *d = x[i].name.dims[k].name;
            size_t j = 0;
            while (j < c->ndims && strcmp(c->dims[j], d) < 0)
                j++;
            if ((j < c->ndims && strcmp(c->dims[j], d) == 0) || c->ndims == 64)
                continue;
            memmove(&c->dims[j + 1], &c->dims[j], (c->ndims - j) * sizeof *c->dims);
            c->dims[j] = d;
            c->ndims++;
        }
    }
}

void bt_export_csv(struct bt_buf *out, const struct bt_indicator *ind,
                   const struct bt_exported *x, size_t n, int annotated)
{
    struct bt_export_columns c;
    bt_export_columns(x, n, &c);
    const int shown[BT_COL_N] = {
        [BT_COL_INDICATOR] = 1, [BT_COL_DATE] = 1,      [BT_COL_VALUE] = 1,
        [BT_COL_UNIT] = annotated, [BT_COL_FLAG] = c.flag,
        [BT_COL_NOTE] = annotated, [BT_COL_SOURCE] = annotated};
    for (int i = 0, first = 1; i < BT_COL_N; i++)
        if (shown[i]) {
            bt_buf_puts(out, first ? "" : ",");
            bt_buf_puts(out, bt_columns[i]);
            first = 0;
        }
    for (size_t i = 0; i < c.ndims; i++) {
        bt_buf_puts(out, ",");
        bt_csv_cell(out, c.dims[i]);
    }
    bt_buf_puts(out, "\n");
    for (size_t s = 0; s < n; s++) {
        const struct bt_points *p = &x[s].pts;
        const struct bt_series_name *name = &x[s].name;
        for (size_t k = 0; k < p->n; k++) {
            char date[11], num[32];
            bt_period_format(p->v[k].day, ind->freq, date);
            bt_number_format(p->v[k].value, num);
            bt_buf_addf(out, "%s,%s,%s", ind->id, date, num);
            if (annotated) {
                bt_buf_puts(out, ",");
                bt_csv_cell(out, ind->unit);
            }
            const struct bt_flag *a = bt_flags_at(&x[s].flags, p->v[k].day);
            if (c.flag) {
                bt_buf_puts(out, ",");
                bt_csv_cell(out, a ? a->text : "");
            }
            if (annotated) {
                bt_buf_puts(out, ",");
                bt_csv_cell(out, a ? a->note : "");
                bt_buf_puts(out, ",");
                bt_csv_cell(out, a ? a->source : "");
            }
            for (size_t i = 0, j = 0; i < c.ndims; i++) {
                bt_buf_puts(out, ",");
                if (j < name->ndims && strcmp(name->dims[j].name, c.dims[i]) == 0)
                    bt_csv_cell(out, name->dims[j++].value);
            }
            bt_buf_puts(out, "\n");
        }
    }
}
