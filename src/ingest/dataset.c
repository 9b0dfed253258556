/* dataset.c - one CSV file into checked observations (see dataset.h). */
#include "dataset.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dataset_parser.h"
#include "base/encoding.h"
#include "base/fileio.h"
#include "base/number.h"
#include "base/point.h"
#include "base/point.h"

const char *const bt_ds_skip_names[BT_DS_SKIP_N] = {
    "before the header", "notes after the data", "blank", "short",
    "unreadable", "annual (annual skip)"};

/* A day of a series with different values in the file; the second reading
 * finds its lines. */
struct conflict {
    uint32_t series;
    bt_day day;
    int seen;              /* its first occurrence was met */
    unsigned long line;    /* ... on this line */
    double value;          /* ... with this value */
};

/* ---- series table ---------------------------------------------------- */

static uint64_t hash(const char *s, size_t n)
{
    uint64_t h = 1469598103934665603ull;
    for (size_t i = 0; i < n; i++)
        h = (h ^ (unsigned char)s[i]) * 1099511628211ull;
    return h;
}

static void table_put(struct bt_dataset *ds, uint32_t idx)
{
    const struct bt_ds_series *s = &ds->series[idx];
    size_t mask = ds->table_cap - 1, i = hash(s->key, s->keylen) & mask;
    while (ds->table[i])
        i = (i + 1) & mask;
    ds->table[i] = idx + 1;
}

static void table_grow(struct bt_dataset *ds)
{
    free(ds->table);
    ds->table_cap = ds->table_cap ? ds->table_cap * 2 : 64;
    ds->table = bt_xcalloc(ds->table_cap, sizeof *ds->table);
    for (size_t i = 0; i < ds->nseries; i++)
        table_put(ds, (uint32_t)i);
}

/* The index of the series with key[0..n) ("id\0name\0value\0..."), added
 * if new. */
static uint32_t intern(struct bt_dataset *ds, const struct bt_indicator *ind,
                       const char *key, size_t n)
{
    if (ds->nseries * 2 >= ds->table_cap)
        table_grow(ds);
    size_t mask = ds->table_cap - 1, i = hash(key, n) & mask;
    for (; ds->table[i]; i = (i + 1) & mask) {
        const struct bt_ds_series *s = &ds->series[ds->table[i] - 1];
        if (s->keylen == n && memcmp(s->key, key, n) == 0)
            return ds->table[i] - 1;
    }
    bt_grow((void **)&ds->series, &ds->series_cap, ds->nseries + 1,
            sizeof *ds->series);
    struct bt_ds_series *s = &ds->series[ds->nseries];
    memset(s, 0, sizeof *s);
    s->ind = ind;
    s->key = bt_xmalloc(n);
    memcpy(s->key, key, n);
    s->keylen = n;
    for (const char *p = s->key + strlen(s->key) + 1; p < s->key + n;) {
        const char *name = p;
        const char *value = name + strlen(name) + 1;
        s->dims[s->ndims++] = (struct bt_dim){name, value};
        p = value + strlen(value) + 1;
    }
    ds->table[i] = (uint32_t)ds->nseries + 1;
    return (uint32_t)ds->nseries++;
}

/* Appends one observation to series idx's chunks. */
static void series_add(struct bt_ds_series *s, bt_day day, double v)
{
    struct bt_obs_chunk *c = s->tail;
    if (!c || c->n == c->cap) {
        uint32_t cap = c ? (c->cap < 4096 ? c->cap * 2 : 4096) : 8;
        struct bt_obs_chunk *fresh = bt_xmalloc(sizeof *fresh + cap * sizeof fresh->v[0]);
        fresh->next = NULL;
        fresh->n = 0;
        fresh->cap = cap;
        if (c)
            c->next = fresh;
        else
            s->head = fresh;
        s->tail = c = fresh;
    }
    c->v[c->n++] = (struct bt_obs){v, day};
    s->count++;
}

static int conflict_cmp(const void *a, const void *b)
{
    const struct conflict *x = a, *y = b;
    if (x->series != y->series)
        return x->series < y->series ? -1 : 1;
    return (x->day > y->day) - (x->day < y->day);
}

/* Second reading: reports an occurrence of a conflicting day after its
 * first one with a different value. */
static void locate(struct parser *p, uint32_t idx, bt_day day, double v,
                   unsigned long line, size_t col)
{
    struct conflict key = {.series = idx, .day = day};
    struct conflict *c = bsearch(&key, p->locate, p->nlocate, sizeof key,
                                 conflict_cmp);
    if (!c)
        return;
    if (!c->seen) {
        *c = (struct conflict){idx, day, 1, line, v};
        return;
    }
    if (c->value == v)
        return;
    const struct bt_ds_series *s = &p->ds->series[idx];
    char date[11], a[32], b[32];
    struct bt_buf label = {0};
    bt_series_label(&label, s->key, s->dims, s->ndims);
    bt_date_format(day, date);
    bt_number_format(v, a);
    bt_number_format(c->value, b);
    bt_diags_add(p->diags, line, col,
                 "conflicting duplicate: '%s' for %s is %s here but %s on "
                 "line %lu", label.data, date, a, b, c->line);
    bt_buf_release(&label);
}

/* Keeps the flag, note and source of series idx on day (the last one
 * given wins). */
static void flag_add(struct bt_dataset *ds, uint32_t idx, bt_day day,
                     const char *flag, size_t len, const char *note,
                     const char *source)
{
    bt_grow((void **)&ds->flags, &ds->flags_cap, ds->nflags + 1,
            sizeof *ds->flags);
    char *text = bt_xmalloc(len + 1);
    memcpy(text, flag, len);
    text[len] = '\0';
    ds->flags[ds->nflags++] = (struct bt_ds_flag){
        idx, day, 0, text, bt_xstrdup(note ? note : ""),
        bt_xstrdup(source ? source : "")};
}

void ds_add_obs(struct parser *p, const struct bt_indicator *ind, bt_day day,
                double v, const char *flag, size_t flaglen, const char *note,
                const char *source, unsigned long line, size_t col)
{
    struct bt_buf *k = &p->key;
    k->len = 0;
    bt_buf_add(k, ind->id, strlen(ind->id) + 1);
    bt_buf_add(k, p->dimkey.data, p->dimkey.len);
    struct bt_dataset *ds = p->ds;
    /* rows of one series usually follow each other: skip the hash then */
    uint32_t idx = p->last_series;
    const struct bt_ds_series *last = ds->nseries ? &ds->series[idx] : NULL;
    if (!last || last->keylen != k->len || memcmp(last->key, k->data, k->len) != 0)
        idx = p->last_series = intern(ds, ind, k->data, k->len);
    if (p->locate) {
        locate(p, idx, day, v, line, col);
        return;
    }
    series_add(&ds->series[idx], day, v);
    if (flaglen || (note && *note) || (source && *source))
        flag_add(ds, idx, day, flag ? flag : "", flaglen, note, source);
}

/* ---- header ---------------------------------------------------------- */

static int find_column(const struct bt_field *f, size_t n, const char *name)
{
    for (size_t i = 0; i < n; i++)
        if (strcmp(f[i].s, name) == 0)
            return (int)i;
    return -1;
}

/* Adds a dimension column; keeps dim_name sorted (insertion). */
static int add_dim(struct parser *p, unsigned long line, size_t col,
                   const char *name)
{
    if (p->ndims == BT_DIM_COLUMNS_MAX) {
        bt_diags_add(p->diags, line, col + 1, "too many dimension columns");
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

/* Header cell i of a long file, which is none of bt_columns: a dimension
 * named by it (bt_dim_name), unless that name is one of bt_columns ('Flag'
 * is not the flag column, and would export as it). 0 or -1. */
static int header_dim(struct parser *p, unsigned long line,
                      const struct bt_field *f, size_t i)
{
    char name[64];
    const char *why;
    if (bt_dim_name(f[i].s, f[i].len, name, &why) != 0) {
        bt_diags_add(p->diags, line, i + 1, "dimension column '%.*s%s' %s",
                     BT_SHOWN(f[i].s), why);
        return -1;
    }
    if (bt_column_find(name, strlen(name)) != BT_COL_N) {
        bt_diags_add(p->diags, line, i + 1,
                     "dimension column '%.*s%s' would be named '%s', the name "
                     "of a column of the long layout: rename it, or write "
                     "'%s' to make it that column", BT_SHOWN(f[i].s), name, name);
        return -1;
    }
    return add_dim(p, line, i, name);
}

/* A long file's header: each cell one of bt_columns, at most once, or a
 * dimension. */
static int header_long(struct parser *p, unsigned long line,
                       const struct bt_field *f, size_t n)
{
    p->nval = 1;
    p->val_col = bt_xmalloc(sizeof *p->val_col);
    for (size_t i = 0; i < n; i++) {
        if (p->ignored[i])
            continue;
        enum bt_column c = bt_column_find(f[i].s, f[i].len);
        if (c == BT_COL_N) {
            if (header_dim(p, line, f, i) != 0)
                return -1;
        } else if (p->col[c] != SIZE_MAX) {
            bt_diags_add(p->diags, line, i + 1, "column '%s' appears twice",
                         bt_columns[c]);
            return -1;
        } else {
            p->col[c] = i;
        }
    }
    p->val_col[0] = p->col[BT_COL_VALUE];
    p->ds->has_notes = p->col[BT_COL_NOTE] != SIZE_MAX;
    p->ds->has_sources = p->col[BT_COL_SOURCE] != SIZE_MAX ||
                         p->col[BT_COL_OUTLET] != SIZE_MAX ||
                         p->col[BT_COL_PUBLISHED] != SIZE_MAX;
    return 0;
}

static int header_wide(struct parser *p, unsigned long line,
                       const struct bt_field *f, size_t n)
{
    p->col[BT_COL_INDICATOR] = 0;
    p->col_day = bt_xcalloc(n, sizeof *p->col_day);
    p->val_col = bt_xcalloc(n, sizeof *p->val_col);
    int ok = 0;
    for (size_t i = 1; i < n; i++) {
        const char *why;
        if (p->ignored[i])
            continue;
        int bad = bt_period_parse(f[i].s, f[i].len, &p->col_day[i], &why);
        if (!bad && p->col_day[i] < BT_DAY_MIN) {
            why = "before 1970-01-02, which RRD files cannot hold";
            bad = 1;
        }
        if (bad) {
            bt_diags_add(p->diags, line, i + 1,
                         "column '%.*s%s' is not a period (%s); a wide file has "
                         "'indicator' then one column per period", BT_SHOWN(f[i].s), why);
            ok = -1;
        }
        p->val_col[p->nval++] = i;
    }
    return ok;
}

static int on_header(struct parser *p, unsigned long line,
                     const struct bt_field *f, size_t n)
{
    p->ncols = n;
    p->ignored = bt_xcalloc(n, 1);
    for (size_t i = 0; i < n; i++)
        p->ignored[i] = f[i].len == 0;
    int rc;
    const char *ind = bt_columns[BT_COL_INDICATOR];
    if (find_column(f, n, ind) >= 0 &&
        find_column(f, n, bt_columns[BT_COL_DATE]) >= 0 &&
        find_column(f, n, bt_columns[BT_COL_VALUE]) >= 0) {
        p->layout = LONG;
        rc = header_long(p, line, f, n);
    } else if (n >= 2 && strcmp(f[0].s, ind) == 0) {
        p->layout = WIDE;
        rc = header_wide(p, line, f, n);
    } else {
        bt_diags_add(p->diags, line, 1,
                     "unknown layout: the header should be 'indicator,date,"
                     "value' (long) or 'indicator,PERIOD,...' (wide), or give "
                     "a mapping with --map");
        rc = -1;
    }
    p->ds->layout = p->layout == LONG ? "long" : "wide";
    p->header_done = rc == 0 ? 1 : -1;
    bt_csv_limit(p->csv, n); /* a wider row is an error: no need to keep it */
    return 0;
}

/* ---- rows ------------------------------------------------------------ */

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

/* Builds p->dimkey from the row's dimension cells; 0 or -1. */
static int row_dims(struct parser *p, unsigned long line,
                    const struct bt_field *f)
{
    p->dimkey.len = 0;
    int ok = 0, filled = 0;
    size_t stem = 0;
    for (size_t i = 0; i < p->ndims; i++) {
        size_t c = p->dim_col[i];
        const char *v = f[c].s, *why;
        if (!f[c].len)
            continue; /* not broken down by this one: the total over it */
        if (++filled > BT_DIMS_MAX) {
            bt_diags_add(p->diags, line, c + 1, "more than %d dimensions "
                         "filled in one row", BT_DIMS_MAX);
            return -1;
        }
        if (bt_dim_value_check(v, strlen(v), &why) != 0) {
            bt_diags_add(p->diags, line, c + 1, "%s '%.*s%s' %s", p->dim_name[i],
                         BT_SHOWN(v), why);
            ok = -1;
            continue;
        }
        stem += bt_dim_stem_len(p->dim_name[i], v, filled == 1);
        if (bt_stem_check(p->diags, line, c + 1, stem) != 0)
            return -1;
        bt_buf_add(&p->dimkey, p->dim_name[i], strlen(p->dim_name[i]) + 1);
        bt_buf_add(&p->dimkey, v, strlen(v) + 1);
    }
    return ok;
}

static const struct bt_indicator *row_indicator(struct parser *p,
                                                unsigned long line,
                                                const struct bt_field *f)
{
    const struct bt_field *id = &f[p->col[BT_COL_INDICATOR]];
    if (p->last_ind && strcmp(p->last_ind->id, id->s) == 0)
        return p->last_ind;
    const struct bt_indicator *ind = bt_catalogue_find(p->cat, id->s, id->len);
    if (!ind) {
        bt_diags_add(p->diags, line, p->col[BT_COL_INDICATOR] + 1, "unknown indicator '%.*s%s'",
                     BT_SHOWN(id->s));
        return NULL;
    }
    return p->last_ind = ind;
}

static int row_date(struct parser *p, unsigned long line,
                    const struct bt_field *f, bt_day *day)
{
    const struct bt_field *d = &f[p->col[BT_COL_DATE]];
    const char *why;
    int rc = bt_period_parse(d->s, d->len, day, &why);
    if (rc == 0 && *day < BT_DAY_MIN) {
        why = "before 1970-01-02, which RRD files cannot hold";
        rc = -1;
    }
    if (rc != 0)
        bt_diags_add(p->diags, line, p->col[BT_COL_DATE] + 1, "date '%.*s%s': %s", BT_SHOWN(d->s), why);
    return rc;
}

/* A unit cell, when the file has one, says the catalogue's unit or
 * nothing: the catalogue defines the unit, the file only repeats it
 * (the report's downloads carry it). Returns 0, or -1 with a diagnostic. */
static int row_unit(struct parser *p, unsigned long line,
                    const struct bt_field *f, const struct bt_indicator *ind)
{
    if (p->col[BT_COL_UNIT] == SIZE_MAX || !ind || !ind->unit || f[p->col[BT_COL_UNIT]].len == 0 ||
        strcmp(f[p->col[BT_COL_UNIT]].s, ind->unit) == 0)
        return 0;
    bt_diags_add(p->diags, line, p->col[BT_COL_UNIT] + 1,
                 "unit '%.*s%s' is not '%s', the unit of %s in the catalogue",
                 BT_SHOWN(f[p->col[BT_COL_UNIT]].s), ind->unit, ind->id);
    return -1;
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

/* Parses one value cell into an observation (or counts it missing). */
static void row_value(struct parser *p, unsigned long line,
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

static int on_record(void *vp, unsigned long line, const struct bt_field *f,
                     size_t n)
{
    struct parser *p = vp;
    if (p->map)
        return bt_mapped_record(p, line, f, n);
    if (!p->header_done)
        return on_header(p, line, f, n);
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
    const struct bt_indicator *ind = NULL;
    bt_day day = 0;
    int dims_ok = row_dims(p, line, f);
    switch (p->layout) {
    case LONG:
        ind = row_indicator(p, line, f);
        if (row_date(p, line, f, &day) == 0 && dims_ok == 0 &&
            row_unit(p, line, f, ind) == 0)
            row_value(p, line, f, p->val_col[0], ind, day);
        break;
    case WIDE:
        ind = row_indicator(p, line, f);
        for (size_t i = 0; i < p->nval; i++)
            row_value(p, line, f, p->val_col[i], ind, p->col_day[p->val_col[i]]);
        break;
    case MAPPED:
        break;
    }
    if (p->diags->n != before)
        p->ds->bad_rows++;
    return 0;
}

/* Where the text comes from: a buffer, or a file streamed. */
struct source {
    const char *text;
    size_t len;
    const char *path;     /* NULL for text */
    const char *encoding; /* for path: NULL to detect */
};

static int feed_csv(void *r, const char *text, size_t len)
{
    return bt_csv_feed(r, text, len) != 0 ? 2 : 0;
}

/* Reads every record of src through the parser p. Returns 0, 1 when the
 * bytes are not text (in *diags), -1 when they cannot be read (*e). */
static int parse(struct parser *p, const struct source *src, struct bt_error *e)
{
    struct bt_csv_reader r;
    bt_csv_init(&r, on_record, p, p->diags, 1);
    p->csv = &r;
    int rc = 0;
    if (src->path)
        rc = bt_text_stream(src->path, src->encoding, feed_csv, &r,
                            &p->ds->encoding, p->diags, e);
    else
        bt_csv_feed(&r, src->text, src->len);
    if (rc == 0 || rc == 2) {
        bt_csv_finish(&r);
        bt_mapped_finish(p);
        rc = 0;
    } else {
        bt_csv_release(&r);
    }
    free(p->val_col);
    free(p->col_day);
    free(p->ignored);
    bt_mapped_release(p);
    bt_buf_release(&p->dimkey);
    bt_buf_release(&p->key);
    bt_buf_release(&p->cite);
    return rc;
}

static int obs_cmp(const void *a, const void *b)
{
    const struct bt_obs *x = a, *y = b;
    return (x->day > y->day) - (x->day < y->day);
}

/* Turns series i's chunks into one array sorted by day with each day
 * once; adds each day with different values to *cs. */
static void group_series(struct bt_dataset *ds, uint32_t i, struct conflict **cs,
                         size_t *ncs, size_t *cscap)
{
    struct bt_ds_series *s = &ds->series[i];
    struct bt_obs *o = bt_xmalloc((s->count ? s->count : 1) * sizeof *o);
    size_t n = 0;
    int sorted = 1;
    for (struct bt_obs_chunk *c = s->head, *next; c; c = next) {
        for (uint32_t k = 0; k < c->n; k++, n++) {
            o[n] = c->v[k];
            if (n && o[n].day < o[n - 1].day)
                sorted = 0;
        }
        next = c->next;
        free(c);
    }
    s->head = s->tail = NULL;
    if (!sorted)
        bt_qsort(o, n, sizeof *o, obs_cmp);
    size_t out = 0;
    for (size_t k = 0; k < n; k++) {
        if (out && o[out - 1].day == o[k].day) {
            if (o[out - 1].value != o[k].value &&
                (!*ncs || (*cs)[*ncs - 1].series != i ||
                 (*cs)[*ncs - 1].day != o[k].day)) {
                bt_grow((void **)cs, cscap, *ncs + 1, sizeof **cs);
                (*cs)[(*ncs)++] = (struct conflict){.series = i, .day = o[k].day};
            }
            continue;
        }
        o[out++] = o[k];
    }
    s->obs = bt_xrealloc(o, (out ? out : 1) * sizeof *o);
    s->count = out;
    ds->nobs += out;
}

static int flag_cmp(const void *a, const void *b)
{
    const struct bt_ds_flag *x = a, *y = b;
    if (x->series != y->series)
        return x->series < y->series ? -1 : 1;
    return (x->day > y->day) - (x->day < y->day);
}

/* Sorts the flags by series and day (stable: the last given for a day
 * wins) and gives each series its run of them. */
static void group_flags(struct bt_dataset *ds)
{
    if (!ds->nflags)
        return;
    /* stable: order of arrival breaks ties, then keep the last of a day */
    for (size_t i = 0; i < ds->nflags; i++)
        ds->flags[i].seq = i;
    bt_qsort(ds->flags, ds->nflags, sizeof *ds->flags, flag_cmp);
    size_t out = 0;
    for (size_t i = 0; i < ds->nflags; i++) {
        if (out && ds->flags[out - 1].series == ds->flags[i].series &&
            ds->flags[out - 1].day == ds->flags[i].day) {
            struct bt_ds_flag *keep = &ds->flags[out - 1];
            struct bt_ds_flag *drop = &ds->flags[i];
            if (drop->seq > keep->seq) {
                struct bt_ds_flag t = *keep;
                *keep = *drop;
                *drop = t;
            }
            free(drop->text);
            free(drop->note);
            free(drop->source);
            continue;
        }
        ds->flags[out++] = ds->flags[i];
    }
    ds->nflags = out;
    for (size_t i = 0; i < out; i++) {
        struct bt_ds_series *s = &ds->series[ds->flags[i].series];
        if (!s->nflags)
            s->flags = &ds->flags[i];
        s->nflags++;
    }
}

static void parser_init(struct parser *p, struct bt_dataset *ds,
                        const struct bt_catalogue *cat,
                        const struct bt_mapping *map, struct bt_diags *diags)
{
    *p = (struct parser){.ds = ds, .cat = cat, .map = map, .diags = diags};
    for (size_t c = 0; c < BT_COL_N; c++)
        p->col[c] = SIZE_MAX;
}

/* Reads src into ds (see bt_dataset_read_text). */
static int read_source(struct bt_dataset *ds, const struct source *src,
                       const struct bt_catalogue *cat,
                       const struct bt_mapping *map, struct bt_diags *diags,
                       struct bt_error *e)
{
    memset(ds, 0, sizeof *ds);
    ds->encoding = "UTF-8";
    struct parser p;
    parser_init(&p, ds, cat, map, diags);
    size_t before = diags->n;
    int rc = parse(&p, src, e);
    if (rc != 0)
        return rc;
    if (!p.header_done && diags->n == before)
        bt_diags_add(diags, 1, 0, "file is empty: no header");
    if (diags->n != before)
        return 1;
    struct conflict *cs = NULL;
    size_t ncs = 0, cscap = 0;
    for (uint32_t i = 0; i < ds->nseries; i++)
        group_series(ds, i, &cs, &ncs, &cscap);
    group_flags(ds);
    if (ncs) {
        /* read again, only to say where each conflict is */
        struct parser q;
        parser_init(&q, ds, cat, map, diags);
        q.locate = cs;
        q.nlocate = ncs;
        size_t rows = ds->rows, missing = ds->missing;
        size_t skipped[BT_DS_SKIP_N];
        memcpy(skipped, ds->skipped, sizeof skipped);
        rc = parse(&q, src, e); /* counts the rows it reports as bad */
        ds->rows = rows;
        ds->missing = missing;
        memcpy(ds->skipped, skipped, sizeof skipped);
        free(cs);
        return rc != 0 ? rc : 1;
    }
    return 0;
}

int bt_dataset_read_text(struct bt_dataset *ds, const char *text, size_t len,
                         const struct bt_catalogue *cat,
                         const struct bt_mapping *map, struct bt_diags *diags)
{
    struct source src = {.text = text, .len = len};
    return read_source(ds, &src, cat, map, diags, NULL);
}

int bt_dataset_read_file(struct bt_dataset *ds, const char *path,
                         const char *encoding, const struct bt_catalogue *cat,
                         const struct bt_mapping *map, struct bt_diags *diags,
                         struct bt_error *e)
{
    struct source src = {.path = path, .encoding = encoding};
    return read_source(ds, &src, cat, map, diags, e);
}

void bt_dataset_release(struct bt_dataset *ds)
{
    for (size_t i = 0; i < ds->nseries; i++) {
        struct bt_ds_series *s = &ds->series[i];
        for (struct bt_obs_chunk *c = s->head, *next; c; c = next) {
            next = c->next;
            free(c);
        }
        free(s->obs);
        free(s->key);
    }
    for (size_t i = 0; i < ds->nflags; i++) {
        free(ds->flags[i].text);
        free(ds->flags[i].note);
        free(ds->flags[i].source);
    }
    free(ds->flags);
    free(ds->series);
    free(ds->table);
    memset(ds, 0, sizeof *ds);
}
