/* collect.c - a spool directory for cron (see collect.h). */
#include "collect.h"

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "fileio.h"

/* The names of SPOOL/incoming/ *.csv, sorted; dot-files left out. */
static int ready_names(const char *incoming, char ***names, size_t *n,
                       struct bt_error *e)
{
    size_t cap = 0;
    *names = NULL;
    *n = 0;
    DIR *d = opendir(incoming);
    if (!d)
        return bt_fail_errno(e, "cannot open spool '%s'", incoming);
    for (struct dirent *de; (de = readdir(d));) {
        size_t len = strlen(de->d_name);
        if (de->d_name[0] == '.' || len < 5 ||
            strcmp(de->d_name + len - 4, ".csv") != 0)
            continue;
        bt_grow((void **)names, &cap, *n + 1, sizeof **names);
        (*names)[(*n)++] = bt_xstrdup(de->d_name);
    }
    closedir(d);
    bt_qsort(*names, *n, sizeof **names, bt_strptr_cmp);
    return 0;
}

/* Moves SPOOL/incoming/name (and its .map) into dir, never over a file
 * already there: a second file of the same name gets ".2", ".3"... */
static int move_into(const char *spool, const char *dir, const char *name,
                     struct bt_buf *moved, struct bt_error *e)
{
    struct bt_buf from = {0}, map_from = {0}, map_to = {0};
    bt_buf_addf(&from, "%s/incoming/%s", spool, name);
    for (int k = 1;; k++) {
        moved->len = 0;
        bt_buf_addf(moved, "%s/%s/%s", spool, dir, name);
        if (k > 1)
            bt_buf_addf(moved, ".%d", k);
        if (access(moved->data, F_OK) != 0)
            break;
    }
    int rc = 0;
    if (rename(from.data, moved->data) != 0)
        rc = bt_fail_errno(e, "cannot move '%s' to '%s'", from.data, moved->data);
    size_t stem = strlen(name) - 4;
    bt_buf_addf(&map_from, "%s/incoming/%.*s.map", spool, (int)stem, name);
    bt_buf_addf(&map_to, "%.*s.map", (int)(moved->len - 4), moved->data);
    if (rc == 0 && access(map_from.data, F_OK) == 0 &&
        rename(map_from.data, map_to.data) != 0)
        rc = bt_fail_errno(e, "cannot move '%s'", map_from.data);
    if (rc == 0)
        rc = bt_fsync_parent(moved->data, e);
    bt_buf_release(&from);
    bt_buf_release(&map_from);
    bt_buf_release(&map_to);
    return rc;
}

/* Loads one ready file and moves it; fills *f for the caller. */
static int collect_one(struct bt_db *db, const struct bt_catalogue *cat,
                       const char *spool, const char *name,
                       const struct bt_collect_opts *o, bt_collect_fn fn,
                       void *ctx, size_t *nfailed, struct bt_error *e)
{
    struct bt_buf path = {0}, moved = {0}, why = {0}, err_path = {0};
    struct bt_load_opts lo = {NULL, o->encoding, 0, NULL, NULL};
    struct bt_load_stats st;
    struct bt_diags diags = BT_DIAGS_INIT;
    struct bt_error le;
    bt_buf_addf(&path, "%s/incoming/%s", spool, name);
    enum bt_load_result res = bt_load_file(db, cat, path.data, &lo, &st, &diags, &le);
    int rc;
    if (res == BT_LOAD_OK) {
        rc = move_into(spool, "done", name, &moved, e);
    } else {
        (*nfailed)++;
        if (res == BT_LOAD_FAILED)
            bt_buf_addf(&why, "%s\n", le.msg);
        bt_diags_text(&diags, name, 100, &why);
        if (res == BT_LOAD_FAILED)
            bt_load_failure(name, &st, &why);
        else
            bt_buf_addf(&why, "%s: not loaded; nothing written\n", name);
        rc = move_into(spool, "failed", name, &moved, e);
        bt_buf_addf(&err_path, "%.*s.err", (int)(moved.len - 4), moved.data);
        if (rc == 0)
            rc = bt_file_write_atomic(err_path.data, why.data, why.len, e);
    }
    struct bt_collect_file f = {path.data, rc == 0 ? moved.data : NULL, res,
                                &st, why.data, 0};
    fn(ctx, &f);
    bt_diags_release(&diags);
    bt_buf_release(&path);
    bt_buf_release(&moved);
    bt_buf_release(&why);
    bt_buf_release(&err_path);
    return rc;
}

int bt_collect(struct bt_db *db, const struct bt_catalogue *cat,
               const char *spool, const struct bt_collect_opts *o,
               bt_collect_fn fn, void *ctx, size_t *nfailed,
               struct bt_error *e)
{
    static const char *const dirs[] = {"incoming", "done", "failed"};
    struct bt_buf dir = {0};
    *nfailed = 0;
    for (int i = 0; i < 3; i++) {
        dir.len = 0;
        bt_buf_addf(&dir, "%s/%s", spool, dirs[i]);
        if (bt_mkdir_p(dir.data, e) != 0) {
            bt_buf_release(&dir);
            return -1;
        }
    }
    dir.len = 0;
    bt_buf_addf(&dir, "%s/incoming", spool);
    char **names;
    size_t n;
    int rc = ready_names(dir.data, &names, &n, e);
    time_t now = time(NULL);
    for (size_t i = 0; i < n; i++) {
        struct bt_buf path = {0};
        struct stat st;
        bt_buf_addf(&path, "%s/%s", dir.data, names[i]);
        if (rc == 0 && stat(path.data, &st) == 0 &&
            difftime(now, st.st_mtime) < o->min_age) {
            struct bt_collect_file f = {path.data, NULL, BT_LOAD_OK, NULL, NULL, 1};
            fn(ctx, &f);
        } else if (rc == 0) {
            rc = collect_one(db, cat, spool, names[i], o, fn, ctx, nfailed, e);
        }
        bt_buf_release(&path);
        free(names[i]);
    }
    free(names);
    bt_buf_release(&dir);
    return rc;
}
