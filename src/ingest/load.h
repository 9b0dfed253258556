/* load.h - loading one CSV file into the database, all or nothing. */
#ifndef BT_LOAD_H
#define BT_LOAD_H

#include <stddef.h>

#include "model/catalogue.h"
#include "dataset.h"
#include "store/db.h"
#include "base/error.h"

struct bt_load_opts {
    const char *map_path; /* NULL: FILE's sibling NAME.map if present */
    const char *encoding; /* NULL: detect (UTF-8, else GB18030) */
    int dry_run;          /* check and count, write nothing */
    /* called as series are merged (done of total), or NULL */
    void (*progress)(void *ctx, size_t done, size_t total);
    void *progress_ctx;
    const char *indicator; /* the indicator of an SDMX-CSV or NBS file
                              (load --indicator), or NULL */
    const char *record_as; /* the file's name in the logs (loads, revisions,
                              flags), or NULL: path (collect gives the
                              name it gets in done/) */
};

/* What one load did (or, for a dry run, would do). */
struct bt_load_stats {
    const char *layout;   /* "long", "wide", "mapped", "sdmx", "nbs" */
    char map_path[4096];  /* the mapping used, or "" */
    int map_invalid;      /* BT_LOAD_REJECTED: the mapping has problems
                             (in *diags, at MAP:LINE:COLUMN) */
    size_t rows;          /* data rows read */
    size_t observations;  /* distinct observations in the file */
    size_t added, revised, unchanged;
    size_t deleted;       /* stored days a file deleted (SDMX ACTION D) */
    size_t missing;       /* cells marked missing */
    size_t rejected;      /* rows with a problem */
    size_t series;        /* series files written */
    size_t skipped[BT_DS_SKIP_N]; /* lines passed over, by reason */
    size_t flags_changed; /* observations whose flag was set, changed or cleared */
    enum bt_txn_outcome outcome; /* BT_LOAD_FAILED: what the load left */
    int busy;             /* BT_LOAD_FAILED: the database stayed busy */
};

enum bt_load_result {
    BT_LOAD_OK = 0,
    BT_LOAD_REJECTED = 1, /* problems in *diags; nothing written */
    BT_LOAD_FAILED = -1,  /* could not read or write (*e); st->outcome
                             says what was left */
};

/* Appends to *out the line that says what a failed load of file left
 * (st->outcome): "FILE: not loaded; nothing written" only when so. */
void bt_load_failure(const char *file, const struct bt_load_stats *st,
                     struct bt_buf *out);

/* Loads the CSV file at path. Every row is checked first; a file with any
 * problem is rejected whole. Otherwise every series it touches is merged
 * with what is stored (new dates added, changed values revised and logged)
 * and rewritten in one transaction. Unless dry_run, the caller holds the
 * database lock. */
enum bt_load_result bt_load_file(struct bt_db *db,
                                 const struct bt_catalogue *cat,
                                 const char *path,
                                 const struct bt_load_opts *o,
                                 struct bt_load_stats *st,
                                 struct bt_diags *diags, struct bt_error *e);

#endif
