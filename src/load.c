/* load.c - one CSV file into the database (see load.h). */
#include "load.h"

#include <math.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "dataset.h"
#include "encoding.h"
#include "mapping.h"
#include "series.h"
#include "store_rrd.h"

/* Two values are the same observation when they print the same: a value
 * read back from RRD may differ from the parsed one in the last bit. */
static int same_value(double a, double b)
{
    return a == b || fabs(a - b) <= 1e-13 * fmax(fabs(a), fabs(b));
}

/* Merges the new observations o[0..n) into the stored points *old,
 * writing the result to *merged; counts into *st; logs revisions. */
static void merge(const struct bt_points *old, const struct bt_obs *o, size_t n,
                  struct bt_points *merged, struct bt_load_stats *st,
                  struct bt_txn *txn, const char *label, const char *file)
{
    size_t i = 0, k = 0;
    merged->n = 0;
    while (i < old->n || k < n) {
        if (k == n || (i < old->n && old->v[i].day < o[k].day)) {
            bt_points_add(merged, old->v[i].day, old->v[i].value);
            i++;
        } else if (i == old->n || o[k].day < old->v[i].day) {
            bt_points_add(merged, o[k].day, o[k].value);
            st->added++;
            k++;
        } else {
            if (same_value(old->v[i].value, o[k].value)) {
                bt_points_add(merged, old->v[i].day, old->v[i].value);
                st->unchanged++;
            } else {
                bt_points_add(merged, o[k].day, o[k].value);
                st->revised++;
                if (txn)
                    bt_txn_revision(txn, label, o[k].day, old->v[i].value,
                                    o[k].value, file);
            }
            i++;
            k++;
        }
    }
}

/* Merges and (unless txn is NULL) stages every series of ds. */
static int apply(struct bt_db *db, const struct bt_dataset *ds,
                 const char *file, struct bt_txn *txn,
                 const struct bt_load_opts *o, struct bt_load_stats *st,
                 struct bt_error *e)
{
    struct bt_points old = {0}, merged = {0};
    struct bt_buf rel = {0}, path = {0}, tmp = {0}, label = {0};
    int rc = 0;
    for (size_t i = 0; i < ds->nseries && rc == 0; i++) {
        const struct bt_ds_series *s = &ds->series[i];
        if (o->progress)
            o->progress(o->progress_ctx, i, ds->nseries);
        rel.len = path.len = label.len = 0;
        bt_series_file(&rel, s->ind->id, s->dims, s->ndims);
        bt_db_path(db, rel.data, &path);
        bt_series_label(&label, s->ind->id, s->dims, s->ndims);
        if (bt_store_read(&db->store, path.data, &old, e) < 0) {
            rc = -1;
            break;
        }
        size_t added = st->added, revised = st->revised;
        const struct bt_obs *obs = ds->obs + s->first;
        merge(&old, obs, s->count, &merged, st, txn, label.data, file);
        if (st->added + st->revised == added + revised || !txn)
            continue; /* nothing new: the file is not touched */
        st->series++;
        if (db->store.daemon && old.n && st->revised == revised &&
            obs[0].day > old.v[old.n - 1].day) {
            /* only new dates after the last: appended through the daemon */
            rc = bt_store_append(&db->store, path.data, old.v[old.n - 1].day,
                                 merged.v + old.n, merged.n - old.n, e);
            continue;
        }
        bt_txn_add(txn, rel.data, &tmp);
        rc = bt_store_write(&db->store, tmp.data, merged.v, merged.n, e);
    }
    bt_points_release(&old);
    bt_points_release(&merged);
    bt_buf_release(&rel);
    bt_buf_release(&path);
    bt_buf_release(&tmp);
    bt_buf_release(&label);
    return rc;
}

/* Chooses and reads the mapping: o->map_path, else FILE.map beside a
 * FILE.csv. Returns 0 with *have set, or -1. */
static int pick_mapping(const char *path, const struct bt_load_opts *o,
                        struct bt_mapping *m, int *have,
                        struct bt_load_stats *st, struct bt_error *e)
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
    if (bt_mapping_load(m, st->map_path, e) != 0)
        return -1;
    *have = 1;
    return 0;
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
    if (pick_mapping(path, o, &map, &have_map, st, e) != 0)
        return BT_LOAD_FAILED;
    struct bt_text text;
    struct bt_dataset ds = {0};
    enum bt_load_result res = BT_LOAD_REJECTED;
    int rc = bt_text_load(path, o->encoding, &text, diags, e);
    if (rc < 0) {
        res = BT_LOAD_FAILED;
        goto out;
    }
    if (rc > 0)
        goto out;
    rc = bt_dataset_parse(&ds, text.buf, text.len, cat,
                          have_map ? &map : NULL, diags);
    st->layout = ds.layout;
    st->rows = ds.rows;
    st->missing = ds.missing;
    st->rejected = ds.bad_rows;
    if (rc != 0)
        goto out;
    size_t before = diags->n;
    if (bt_dataset_group(&ds, diags) != 0) {
        st->rejected += diags->n - before;
        goto out;
    }
    st->observations = ds.nobs;
    struct bt_txn txn;
    bt_txn_begin(&txn, db);
    if (apply(db, &ds, path, o->dry_run ? NULL : &txn, o, st, e) != 0 ||
        (!o->dry_run && bt_txn_commit(&txn, e) != 0)) {
        bt_txn_abort(&txn);
        res = BT_LOAD_FAILED;
        goto out;
    }
    res = BT_LOAD_OK;
out:
    if (res != BT_LOAD_OK)
        st->added = st->revised = st->unchanged = st->series = 0;
    bt_dataset_release(&ds);
    bt_text_release(&text);
    if (have_map)
        bt_mapping_release(&map);
    return res;
}
