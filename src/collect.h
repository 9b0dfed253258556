/* collect.h - loading a spool directory, for cron.
 *
 *   SPOOL/incoming/NAME.csv   files to load (NAME.map beside: its mapping)
 *   SPOOL/done/               files that loaded (with their mapping)
 *   SPOOL/failed/             files that did not, each with NAME.err
 *
 * Dot-files and files modified less than min_age seconds ago are being
 * written and are left for the next run. A file is moved only after its
 * load committed, so a crash in between loads it again next time, which
 * changes nothing.
 */
#ifndef BT_COLLECT_H
#define BT_COLLECT_H

#include "catalogue.h"
#include "db.h"
#include "load.h"

struct bt_collect_opts {
    double min_age;       /* seconds a file must be left alone before */
    const char *encoding; /* as for load; NULL: detect */
};

/* What happened to one spool file. */
struct bt_collect_file {
    const char *path;              /* where it was in incoming/ */
    const char *moved_to;          /* where it is now, or NULL if left */
    enum bt_load_result result;
    const struct bt_load_stats *stats;
    const char *why;               /* failures: the text of NAME.err */
    int young;                     /* 1: left alone, still being written */
};

typedef void (*bt_collect_fn)(void *ctx, const struct bt_collect_file *f);

/* Loads every ready file of SPOOL/incoming in name order, moving each to
 * done/ or failed/; calls fn for each file seen. The database lock must be
 * held. *nfailed counts the files that failed. Returns 0, or -1 when the
 * spool itself cannot be used (*e). */
int bt_collect(struct bt_db *db, const struct bt_catalogue *cat,
               const char *spool, const struct bt_collect_opts *o,
               bt_collect_fn fn, void *ctx, size_t *nfailed,
               struct bt_error *e);

#endif
