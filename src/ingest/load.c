/* load.c - one CSV file into the database (see load.h). */
#include "load.h"

#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "dataset_read.h"
#include "store/flags.h"
#include "mapping.h"
#include "model/series.h"

/* Merges the new observations o[0..n) into the stored points *old,
 * writing the result to *merged (new values as librrd keeps them); counts
 * into *st; logs revisions into txn unless it is NULL. A deletion (NaN,
 * dataset.h) removes the stored day, logged as a revision to nothing; of
 * a day not stored it does nothing. *newest (NULL: not kept) gets the
 * last point added, when one is. */
static void merge(const struct bt_points *old, const struct bt_point *o,
                  size_t n, struct bt_points *merged, struct bt_load_stats *st,
                  struct bt_txn *txn, const char *label, const char *file,
                  struct bt_point *newest)
{
    size_t i = 0, k = 0;
    merged->n = 0;
    while (i < old->n || k < n) {
        if (k == n || (i < old->n && old->v[i].day < o[k].day)) {
            bt_points_add(merged, old->v[i].day, old->v[i].value);
            i++;
        } else if (i == old->n || o[k].day < old->v[i].day) {
            if (!isnan(o[k].value)) {
                bt_points_add(merged, o[k].day, bt_db_kept(o[k].value));
                st->added++;
                if (newest)
                    *newest = merged->v[merged->n - 1];
            }
            k++;
        } else if (isnan(o[k].value)) {
            st->deleted++;
            if (txn)
                bt_txn_revision(txn, label, o[k].day, old->v[i].value,
                                BT_DS_DELETED, file);
            i++;
            k++;
        } else {
            double kept;
            if (bt_db_same_value(old->v[i].value, o[k].value, &kept)) {
                bt_points_add(merged, old->v[i].day, old->v[i].value);
                st->unchanged++;
            } else {
                bt_points_add(merged, o[k].day, kept);
                st->revised++;
                if (txn)
                    bt_txn_revision(txn, label, o[k].day, old->v[i].value,
                                    kept, file);
            }
            i++;
            k++;
        }
    }
}

/* State shared by the series of one load. */
struct applier {
    struct bt_db *db;
    struct bt_txn *txn; /* NULL for a dry run */
    const char *file;
    struct bt_load_stats *st;
    struct bt_diags *diags;
    struct bt_error *e;
    const struct bt_ds_series *s; /* the series being applied */
    struct bt_points old, merged;
    struct bt_buf rel, label;
    struct bt_flags flags, kept;
    int notes, sources; /* the file gives notes, sources (bt_dataset) */
};

/* Tries to apply o[0..n) to the existing file as an append: the days up
 * to its last observation must be stored already with the same values
 * (only those rows are read), and the rest come after it. Returns 0 when
 * done (appended, queued or nothing new), 1 when the series needs a
 * rebuild (revised or late data, a file of an earlier release, or a ring
 * the new days outgrow: bt_txn_append), -1 on error. */
static int try_append(struct applier *a, bt_day last, const struct bt_point *o,
                      size_t n)
{
    struct bt_load_stats before = *a->st;
    size_t k = 0;
    while (k < n && o[k].day <= last)
        k++;
    if (k > 0) {
        if (bt_db_read_range(a->db, a->rel.data, o[0].day, last, &a->old,
                             a->e) != 0)
            return -1;
        merge(&a->old, o, k, &a->merged, a->st, NULL, NULL, NULL, NULL);
        if (a->st->added != before.added || a->st->revised != before.revised ||
            a->st->deleted != before.deleted) {
            *a->st = before; /* counted again by the rebuild */
            return 1;
        }
    }
    size_t fresh = 0; /* the new days, deletions of days not stored aside */
    for (size_t j = k; j < n; j++)
        fresh += isnan(o[j].value) ? 0 : 1;
    if (fresh == 0)
        return 0; /* nothing new: the file is not touched */
    a->st->added += fresh;
    a->st->series++;
    if (!a->txn)
        return 0;
    struct bt_points *add = &a->merged; /* o[k..n) as librrd keeps them */
    add->n = 0;
    for (; k < n; k++)
        if (!isnan(o[k].value))
            bt_points_add(add, o[k].day, bt_db_kept(o[k].value));
    int rc = bt_txn_append(a->txn, a->rel.data, last, add->v, add->n, a->e);
    if (rc == 1)
        *a->st = before; /* counted again by the rebuild */
    if (rc == 0) /* the newest figure added, for what's new */
        bt_txn_added(a->txn, a->label.data, add->v[add->n - 1].day,
                     add->v[add->n - 1].value, a->file);
    return rc;
}

/* Reads the whole stored series (exists: 0 for a file not there yet),
 * merges o[0..n) and stages a new file, its ring sized to the merged
 * span. Returns 0, 2 when it would leave the series empty (every day
 * deleted: reported in a->diags), or -1. */
static int rebuild(struct applier *a, int exists, const struct bt_point *o,
                   size_t n)
{
    a->old.n = 0;
    if (exists && bt_db_read(a->db, a->rel.data, &a->old, a->e) < 0)
        return -1;
    size_t changed = a->st->added + a->st->revised + a->st->deleted;
    size_t added = a->st->added;
    struct bt_point newest = {0, 0};
    merge(&a->old, o, n, &a->merged, a->st, a->txn, a->label.data, a->file,
          &newest);
    if (a->st->added + a->st->revised + a->st->deleted == changed)
        return 0; /* nothing new: the file is not touched */
    if (a->merged.n == 0) { /* every day deleted: a file cannot be empty */
        bt_diags_add(a->diags, a->s->deleted_line, a->s->deleted_col, "this "
                     "row deletes the last stored observation of '%s'; a "
                     "series cannot be left empty", a->label.data);
        return 2;
    }
    a->st->series++;
    if (!a->txn)
        return 0;
    if (a->st->added > added) /* the newest figure added, for what's new */
        bt_txn_added(a->txn, a->label.data, newest.day, newest.value, a->file);
    return bt_txn_write(a->txn, a->rel.data, a->merged.v, a->merged.n, a->e);
}

/* The observation of o[0..n) (sorted) on day, or NULL. */
static const struct bt_point *find_day(const struct bt_point *o, size_t n,
                                       bt_day day)
{
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (o[mid].day < day)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < n && o[lo].day == day ? &o[lo] : NULL;
}

/* Logs (and counts) each day whose flag differs between x and y (notes
 * and sources are replaced, not logged). */
static void flag_changes(struct applier *a, const struct bt_flags *x,
                         const struct bt_flags *y)
{
    size_t i = 0, k = 0;
    while (i < x->n || k < y->n) {
        const struct bt_flag *p = i < x->n ? &x->v[i] : NULL;
        const struct bt_flag *q = k < y->n ? &y->v[k] : NULL;
        bt_day day = !q || (p && p->day < q->day) ? p->day : q->day;
        const char *old = p && p->day == day ? p->text : NULL;
        const char *now = q && q->day == day ? q->text : NULL;
        i += old != NULL;
        k += now != NULL;
        old = old && *old ? old : NULL; /* a day with a note only has no flag */
        now = now && *now ? now : NULL;
        if (!old && !now)
            continue;
        if (old && now && strcmp(old, now) == 0)
            continue;
        a->st->flags_changed++;
        if (a->txn)
            bt_txn_flag(a->txn, a->label.data, day, old, now, a->file);
    }
}

/* The file gives the flag of each of its days o[0..n) (none: no flag),
 * and their notes and sources when it has such columns; other days keep
 * theirs. Replaces the series' flags file if that changes any. */
static int apply_flags(struct applier *a, const struct bt_ds_series *s,
                       const struct bt_point *o, size_t n)
{
    int rc = bt_db_flags(a->db, a->rel.data, &a->flags, a->e);
    if (rc == 0 && (a->flags.n || s->nflags)) {
        bt_flags_release(&a->kept);
        size_t i = 0, k = 0;
        const struct bt_point *at;
        while (i < a->flags.n || k < s->nflags) {
            const struct bt_flag *old = i < a->flags.n ? &a->flags.v[i] : NULL;
            const struct bt_ds_flag *new = k < s->nflags ? &s->flags[k] : NULL;
            if (new && (!old || new->day <= old->day)) {
                int same = old && old->day == new->day;
                bt_flags_add(&a->kept, new->day, new->text,
                             a->notes ? new->note : same ? old->note : NULL,
                             a->sources ? new->source : same ? old->source : NULL);
                k++;
                i += (size_t)same;
            } else if (!(at = find_day(o, n, old->day))) {
                bt_flags_add(&a->kept, old->day, old->text, old->note, old->source);
                i++;
            } else if (isnan(at->value)) { /* deleted: flag, note and source go */
                i++;
            } else { /* a day of the file's without flag, note or source */
                bt_flags_add(&a->kept, old->day, NULL, a->notes ? NULL : old->note,
                             a->sources ? NULL : old->source);
                i++;
            }
        }
        flag_changes(a, &a->flags, &a->kept);
        if (!bt_flags_equal(&a->flags, &a->kept) && a->txn) {
            struct bt_buf text = {0}, frel = {0};
            bt_flags_path(a->rel.data, &frel);
            bt_flags_text(&a->kept, &text);
            rc = bt_txn_put(a->txn, frel.data, text.data, text.len, a->e);
            bt_buf_release(&text);
            bt_buf_release(&frel);
        }
    }
    return rc;
}

/* Applies one series' new observations o[0..n) (sorted, each day once):
 * appended in place when they only add days after the stored ones,
 * otherwise merged and rebuilt. */
static int apply_series(struct applier *a, const struct bt_ds_series *s,
                        const struct bt_point *o, size_t n)
{
    a->s = s;
    a->rel.len = a->label.len = 0;
    bt_series_file(&a->rel, s->ind->id, s->dims, s->ndims);
    bt_series_label(&a->label, s->ind->id, s->dims, s->ndims);
    bt_day last;
    int rc = bt_db_last(a->db, a->rel.data, &last, a->e);
    if (rc == 1) /* a new series */
        rc = rebuild(a, 0, o, n);
    else if (rc == 0 && (rc = try_append(a, last, o, n)) == 1)
        rc = rebuild(a, 1, o, n);
    return rc != 0 ? rc : apply_flags(a, s, o, n);
}

/* Applies (or, without txn, counts) every series of ds. Returns 0, 2
 * when a series cannot be stored (in *diags: a deletion of its every
 * day), or -1 with *e. */
static int apply(struct bt_db *db, const struct bt_dataset *ds,
                 const char *file, struct bt_txn *txn,
                 const struct bt_load_opts *o, struct bt_load_stats *st,
                 struct bt_diags *diags, struct bt_error *e)
{
    struct applier a = {.db = db, .txn = txn, .file = file, .st = st,
                        .diags = diags, .e = e,
                        .notes = ds->has_notes, .sources = ds->has_sources};
    struct bt_points fresh = {0};
    int rc = 0;
    for (size_t i = 0; i < ds->nseries && rc == 0; i++) {
        const struct bt_ds_series *s = &ds->series[i];
        if (o->progress)
            o->progress(o->progress_ctx, i, ds->nseries);
        fresh.n = 0;
        for (size_t k = 0; k < s->count; k++)
            bt_points_add(&fresh, s->obs[k].day, s->obs[k].value);
        rc = apply_series(&a, s, fresh.v, fresh.n);
    }
    bt_points_release(&fresh);
    bt_points_release(&a.old);
    bt_points_release(&a.merged);
    bt_buf_release(&a.rel);
    bt_buf_release(&a.label);
    bt_flags_release(&a.flags);
    bt_flags_release(&a.kept);
    return rc;
}

/* Chooses and reads the mapping: o->map_path, else FILE.map beside a
 * FILE.csv. Returns 0 with *have set, 1 when it is not a valid mapping,
 * or -1 when it cannot be read (*e in both cases). */
static int pick_mapping(const char *path, const struct bt_load_opts *o,
                        struct bt_mapping *m, int *have,
                        struct bt_load_stats *st, struct bt_diags *diags,
                        struct bt_error *e)
{
    *have = 0;
    if (o->map_path) {
        snprintf(st->map_path, sizeof st->map_path, "%s", o->map_path);
    } else {
        size_t n = strlen(path);
        if (n < 4 || n >= sizeof st->map_path || strcmp(path + n - 4, ".csv"))
            return 0;
        snprintf(st->map_path, sizeof st->map_path, "%.*s.map", (int)(n - 4),
                 path);
        if (access(st->map_path, F_OK) != 0) {
            st->map_path[0] = '\0';
            return 0;
        }
    }
    int rc = bt_mapping_load(m, st->map_path, diags, e);
    *have = rc == 0;
    st->map_invalid = rc == 1;
    return rc;
}

void bt_load_failure(const char *file, const struct bt_load_stats *st,
                     struct bt_buf *out)
{
    switch (st->outcome) {
    case BT_TXN_NOTHING:
        bt_buf_addf(out, "%s: not loaded; nothing written\n", file);
        break;
    case BT_TXN_COMMITTED:
        bt_buf_addf(out, "%s: loaded, but not yet all in place: the next "
                    "command on the database puts the rest in place\n", file);
        break;
    }
}

enum bt_load_result bt_load_file(struct bt_db *db,
                                 const struct bt_catalogue *cat,
                                 const char *path,
                                 const struct bt_load_opts *o,
                                 struct bt_load_stats *st,
                                 struct bt_diags *diags, struct bt_error *e)
{
    memset(st, 0, sizeof *st);
    struct bt_mapping map;
    int have_map;
    int picked = pick_mapping(path, o, &map, &have_map, st, diags, e);
    if (picked != 0)
        return picked > 0 ? BT_LOAD_REJECTED : BT_LOAD_FAILED;
    struct bt_dataset ds = {0};
    enum bt_load_result res = BT_LOAD_REJECTED;
    int rc = bt_dataset_read_file(&ds, path, o->encoding, cat,
                                  have_map ? &map : NULL, o->indicator, diags,
                                  e);
    st->layout = ds.layout;
    st->rows = ds.rows;
    st->missing = ds.missing;
    st->rejected = ds.bad_rows;
    memcpy(st->skipped, ds.skipped, sizeof st->skipped);
    if (rc < 0)
        res = BT_LOAD_FAILED;
    if (rc != 0)
        goto out;
    st->observations = ds.nobs;
    struct bt_txn txn;
    bt_txn_begin(&txn, db);
    const char *as = o->record_as ? o->record_as : path;
    rc = apply(db, &ds, as, o->dry_run ? NULL : &txn, o, st, diags, e);
    if (rc == 0 && !o->dry_run)
        bt_txn_load(&txn, as, st->added, st->revised, st->deleted,
                    st->flags_changed);
    if (rc != 0 || (!o->dry_run && bt_txn_commit(&txn, e) != 0)) {
        bt_txn_abort(&txn);
        res = rc == 2 ? BT_LOAD_REJECTED : BT_LOAD_FAILED;
        st->rejected += rc == 2;
        st->outcome = txn.outcome;
        st->busy = txn.busy;
        goto out;
    }
    res = BT_LOAD_OK;
out:
    if (res != BT_LOAD_OK)
        st->added = st->revised = st->deleted = st->unchanged = st->series = 0;
    bt_dataset_release(&ds);
    if (have_map)
        bt_mapping_release(&map);
    return res;
}
