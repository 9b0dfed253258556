/* dataset.c - the checked observations of one file (see dataset.h). */
#include "dataset.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/fileio.h"

const char *const bt_ds_skip_names[BT_DS_SKIP_N] = {
    "before the header", "notes after the data", "blank", "short",
    "unreadable", "annual (annual skip)", "filtered out (keep, drop)",
    "empty"};

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

uint32_t bt_dataset_intern(struct bt_dataset *ds, const struct bt_indicator *ind,
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

void bt_dataset_add(struct bt_dataset *ds, uint32_t idx, bt_day day, double v,
                    const char *flag, size_t flaglen, const char *note,
                    const char *source)
{
    series_add(&ds->series[idx], day, v);
    if (flaglen || (note && *note) || (source && *source))
        flag_add(ds, idx, day, flag ? flag : "", flaglen, note, source);
}

static int obs_cmp(const void *a, const void *b)
{
    const struct bt_obs *x = a, *y = b;
    return (x->day > y->day) - (x->day < y->day);
}

/* Turns series i's chunks into one array sorted by day with each day
 * once; adds each day with different values to *cs. */
static void group_series(struct bt_dataset *ds, uint32_t i,
                         struct bt_ds_conflict **cs,
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
                (*cs)[(*ncs)++] = (struct bt_ds_conflict){.series = i, .day = o[k].day};
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

void bt_dataset_group(struct bt_dataset *ds, struct bt_ds_conflict **cs,
                      size_t *ncs)
{
    size_t cap = 0;
    *cs = NULL;
    *ncs = 0;
    for (uint32_t i = 0; i < ds->nseries; i++)
        group_series(ds, i, cs, ncs, &cap);
    group_flags(ds);
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
