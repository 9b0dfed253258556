/* layout.c - what the layouts share (see layout.h). */
#include "layout.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/number.h"
#include "base/point.h"

/* ---- observations ---------------------------------------------------- */

static int conflict_cmp(const void *a, const void *b)
{
    const struct bt_ds_conflict *x = a, *y = b;
    if (x->series != y->series)
        return x->series < y->series ? -1 : 1;
    return (x->day > y->day) - (x->day < y->day);
}

/* Second reading: reports an occurrence of a conflicting day after its
 * first one with a different value. */
static void locate(struct parser *p, uint32_t idx, bt_day day, double v,
                   unsigned long line, size_t col)
{
    struct bt_ds_conflict key = {.series = idx, .day = day};
    struct bt_ds_conflict *c = bsearch(&key, p->locate, p->nlocate, sizeof key,
                                 conflict_cmp);
    if (!c)
        return;
    if (!c->seen) {
        *c = (struct bt_ds_conflict){idx, day, 1, line, v};
        return;
    }
    if (bt_ds_same(c->value, v))
        return;
    const struct bt_ds_series *s = &p->ds->series[idx];
    char date[11], a[32], b[32];
    struct bt_buf label = {0};
    bt_series_label(&label, s->key, s->dims, s->ndims);
    bt_date_format(day, date);
    if (isnan(v))
        snprintf(a, sizeof a, "deleted");
    else
        bt_number_format(v, a);
    if (isnan(c->value))
        snprintf(b, sizeof b, "deleted");
    else
        bt_number_format(c->value, b);
    bt_diags_add(p->diags, line, col,
                 "conflicting duplicate: '%s' for %s is %s here but %s on "
                 "line %lu", label.data, date, a, b, c->line);
    bt_buf_release(&label);
}

void ds_add_obs(struct parser *p, const struct bt_indicator *ind, bt_day day,
                double v, const char *flag, size_t flaglen, const char *note,
                const char *source, unsigned long line, size_t col)
{
    const char *why = bt_day_unstorable(day); /* each layout says so first */
    if (why) {
        bt_diags_add(p->diags, line, col, "date %s", why);
        return;
    }
    struct bt_dataset *ds = p->ds;
    /* rows of one series usually follow each other: skip the hash then,
     * and the key too when the dimensions are the very ones last seen */
    uint32_t idx = p->last_series;
    const struct bt_ds_series *last = ds->nseries ? &ds->series[idx] : NULL;
    if (!last || last->ind != ind || !p->dims_gen || p->last_gen != p->dims_gen) {
        struct bt_buf *k = &p->key;
        k->len = 0;
        bt_buf_add(k, ind->id, strlen(ind->id) + 1);
        bt_buf_add(k, p->dimkey.data, p->dimkey.len);
        if (!last || last->keylen != k->len ||
            memcmp(last->key, k->data, k->len) != 0)
            idx = p->last_series = bt_dataset_intern(ds, ind, k->data, k->len);
        p->last_gen = p->dims_gen;
    }
    if (p->locate) {
        locate(p, idx, day, v, line, col);
        return;
    }
    bt_dataset_add(ds, idx, day, v, flag, flaglen, note, source, line, col);
}

/* ---- dimensions named by a header ----------------------------------- */

int bt_layout_add_dim(struct parser *p, unsigned long line, size_t col,
                      const char *name)
{
    if (p->ndims == BT_DIM_COLUMNS_MAX) {
        bt_diags_add(p->diags, line, col + 1, "too many dimension columns (at most %d)",
                     BT_DIM_COLUMNS_MAX);
        return -1;
    }
    size_t i = p->ndims++;
    for (; i > 0 && strcmp(p->dim_name[i - 1], name) > 0; i--) {
        memcpy(p->dim_name[i], p->dim_name[i - 1], sizeof p->dim_name[i]);
        p->dim_col[i] = p->dim_col[i - 1];
    }
    for (size_t j = 0; j < p->ndims; j++)
        if (j != i && strcmp(p->dim_name[j], name) == 0) {
            bt_diags_add(p->diags, line, col + 1, "dimension '%s' appears twice",
                         name);
            return -1;
        }
    snprintf(p->dim_name[i], sizeof p->dim_name[i], "%s", name);
    p->dim_col[i] = col;
    return 0;
}

int bt_stem_check(struct bt_diags *diags, unsigned long line, size_t col,
                  size_t stem)
{
    if (stem <= BT_STEM_MAX)
        return 0;
    bt_diags_add(diags, line, col, "the dimensions make a series file name "
                 "of %zu bytes, more than %d ('/', '%%', '=', '+' and control "
                 "characters take 3 bytes each)", stem, BT_STEM_MAX);
    return -1;
}

/* Whether dimension i's cells of this row (f, len as for
 * bt_layout_row_dims_n) are those p->dimraw holds. */
static int same_cells(const struct parser *p, const struct bt_field *f,
                      const size_t *len)
{
    if (p->dimraw.len == 0) /* no dimension column (data NULL) */
        return p->ndims == 0;
    const char *r = p->dimraw.data, *end = r + p->dimraw.len;
    for (size_t i = 0; i < p->ndims; i++) {
        const struct bt_field *c = &f[p->dim_col[i]];
        size_t n = len ? len[i] : c->len, had;
        if ((size_t)(end - r) < sizeof had)
            return 0;
        memcpy(&had, r, sizeof had);
        r += sizeof had;
        if (had != n || (size_t)(end - r) < n || memcmp(r, c->s, n) != 0)
            return 0;
        r += n;
    }
    return r == end;
}

/* Keeps this row's dimension cells in p->dimraw (see same_cells). */
static void keep_cells(struct parser *p, const struct bt_field *f,
                       const size_t *len)
{
    p->dimraw.len = 0;
    for (size_t i = 0; i < p->ndims; i++) {
        const struct bt_field *c = &f[p->dim_col[i]];
        size_t n = len ? len[i] : c->len;
        bt_buf_add(&p->dimraw, &n, sizeof n);
        bt_buf_add(&p->dimraw, c->s, n);
    }
    p->dimraw_ok = 1;
}

int bt_layout_row_dims_n(struct parser *p, unsigned long line,
                         const struct bt_field *f, const size_t *len)
{
    /* the cells of the last row again: the same key, the same checks */
    if (p->dimraw_ok && same_cells(p, f, len))
        return 0;
    p->dimraw_ok = 0;
    p->dims_gen++; /* a new dimkey, whatever comes of it */
    p->dimkey.len = 0;
    int ok = 0, filled = 0;
    size_t stem = 0;
    for (size_t i = 0; i < p->ndims; i++) {
        size_t c = p->dim_col[i];
        const char *v = f[c].s, *why;
        size_t vlen = len ? len[i] : f[c].len;
        if (!vlen)
            continue; /* not broken down by this one: the total over it */
        if (++filled > BT_DIMS_MAX) {
            bt_diags_add(p->diags, line, c + 1, BT_DIMS_TOO_MANY);
            return -1;
        }
        if (bt_dim_value_check(v, vlen, &why) != 0) {
            bt_diags_add(p->diags, line, c + 1, "%s '%.*s%s' %s", p->dim_name[i],
                         BT_SHOWN(v), why);
            ok = -1;
            continue;
        }
        char cut[BT_DIM_MAX + 1];
        if (len && vlen != f[c].len) { /* a part of the cell: checked, so short */
            memcpy(cut, v, vlen);
            cut[vlen] = '\0';
            v = cut;
        }
        stem += bt_dim_stem_len(p->dim_name[i], v, filled == 1);
        if (bt_stem_check(p->diags, line, c + 1, stem) != 0)
            return -1;
        bt_buf_add(&p->dimkey, p->dim_name[i], strlen(p->dim_name[i]) + 1);
        bt_buf_add(&p->dimkey, v, strlen(v) + 1);
    }
    if (ok == 0)
        keep_cells(p, f, len);
    return ok;
}

int bt_layout_row_dims(struct parser *p, unsigned long line,
                       const struct bt_field *f)
{
    return bt_layout_row_dims_n(p, line, f, NULL);
}

/* ---- rows ------------------------------------------------------------ */

/* The number the n digits at s make, or -1 if one is not a digit. */
static int digits_at(const char *s, size_t n)
{
    int v = 0;
    for (size_t i = 0; i < n; i++) {
        if (s[i] < '0' || s[i] > '9')
            return -1;
        v = v * 10 + (s[i] - '0');
    }
    return v;
}

int bt_layout_iso_day(const char *s, size_t n, bt_day *out)
{
    if (n != 10 || s[4] != '-' || s[7] != '-')
        return 0;
    int y = digits_at(s, 4), m = digits_at(s + 5, 2), d = digits_at(s + 8, 2);
    if (y < 0 || m < 0 || d < 0 || !bt_date_valid(y, m, d))
        return 0;
    *out = bt_day_from_civil(y, m, d);
    return 1;
}

const struct bt_indicator *bt_layout_indicator(struct parser *p,
                                               unsigned long line,
                                               const struct bt_field *f,
                                               size_t col)
{
    const struct bt_field *id = &f[col];
    if (p->last_ind && strcmp(p->last_ind->id, id->s) == 0)
        return p->last_ind;
    const struct bt_indicator *ind = bt_catalogue_find(p->cat, id->s, id->len);
    if (!ind) {
        bt_diags_add(p->diags, line, col + 1, "unknown indicator '%.*s%s'",
                     BT_SHOWN(id->s));
        return NULL;
    }
    return p->last_ind = ind;
}

/* A long row's source: its source, outlet and published cells joined by
 * ", " (in p->cite), or NULL when it has none. */
static const char *row_source(struct parser *p, const struct bt_field *f)
{
    p->cite.len = 0;
    static const enum bt_column cited[] = {BT_COL_SOURCE, BT_COL_OUTLET,
                                           BT_COL_PUBLISHED};
    for (size_t k = 0; k < 3; k++) {
        size_t c = p->col[cited[k]];
        if (c == SIZE_MAX || f[c].len == 0)
            continue;
        if (p->cite.len)
            bt_buf_puts(&p->cite, ", ");
        bt_buf_add(&p->cite, f[c].s, f[c].len);
    }
    return p->cite.len ? p->cite.data : NULL;
}

void bt_layout_value(struct parser *p, unsigned long line,
                     const struct bt_field *f, size_t col,
                     const struct bt_indicator *ind, bt_day day)
{
    double v;
    const char *why;
    int rc = bt_number_parse(f[col].s, f[col].len, &v, &why);
    if (rc < 0) {
        bt_diags_add(p->diags, line, col + 1, "value '%.*s%s': %s", BT_SHOWN(f[col].s), why);
    } else if (rc == 0) {
        p->ds->missing++;
    } else if (ind) {
        size_t fc = p->col[BT_COL_FLAG], nc = p->col[BT_COL_NOTE];
        const struct bt_field *flag = fc != SIZE_MAX ? &f[fc] : NULL;
        ds_add_obs(p, ind, day, v, flag ? flag->s : NULL, flag ? flag->len : 0,
                   nc != SIZE_MAX ? f[nc].s : NULL,
                   row_source(p, f), line, col + 1);
    }
}

int bt_layout_aliases_known(struct parser *p, const char *const *names,
                            size_t n)
{
    int ok = 0;
    for (size_t i = 0; i < p->map->naliases; i++) {
        const struct bt_map_alias *a = &p->map->aliases[i];
        size_t k = 0;
        while (k < n && strcmp(names[k], a->dimension) != 0)
            k++;
        if (k == n) {
            bt_diags_add_in(p->diags, p->map->path, a->at.line, a->at.col,
                            "alias names dimension '%s', which this file's "
                            "series do not have", a->dimension);
            ok = -1;
        }
    }
    return ok;
}

const struct bt_indicator *bt_layout_given(struct parser *p,
                                           unsigned long line,
                                           const char *what)
{
    if (!p->indicator) {
        bt_diags_add(p->diags, line, 0, "%s names no indicator: say which "
                     "with --indicator ID", what);
        return NULL;
    }
    const struct bt_indicator *ind =
        bt_catalogue_find(p->cat, p->indicator, strlen(p->indicator));
    if (!ind)
        bt_diags_add(p->diags, line, 0, "unknown indicator '%s' (--indicator): "
                     BT_NOT_IN_CATALOGUE,
                     p->indicator);
    return ind;
}

int bt_layout_framed(struct parser *p, unsigned long line,
                     const struct bt_field *f, size_t n,
                     int (*header)(struct parser *p, unsigned long line,
                                   const struct bt_field *f, size_t n),
                     void (*row)(struct parser *p, unsigned long line,
                                 const struct bt_field *f))
{
    if (!p->header_done) {
        p->ncols = n;
        p->ignored = bt_xcalloc(n, 1);
        for (size_t i = 0; i < n; i++)
            p->ignored[i] = f[i].len == 0;
        p->header_done = header(p, line, f, n) == 0 ? 1 : -1;
        bt_csv_limit(p->csv, n); /* a wider row is an error: no need to keep it */
        return 0;
    }
    if (p->header_done < 0)
        return 1; /* a bad header makes every row meaningless */
    size_t before = p->diags->n;
    p->ds->rows++;
    if (n != p->ncols) {
        bt_diags_add(p->diags, line, (n < p->ncols ? n : p->ncols) + 1,
                     "expected %zu fields, found %zu", p->ncols, n);
        p->ds->bad_rows++;
        return 0;
    }
    for (size_t i = 0; i < n; i++)
        if (p->ignored[i] && f[i].len)
            bt_diags_add(p->diags, line, i + 1,
                         "value '%.*s%s' in a column without a header", BT_SHOWN(f[i].s));
    row(p, line, f);
    if (p->diags->n != before)
        p->ds->bad_rows++;
    return 0;
}
