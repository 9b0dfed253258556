/* collect.h - loading a spool directory, for cron.
 *
 *   SPOOL/incoming/NAME.csv   files to load (NAME.map beside: its mapping)
 *   SPOOL/rules               which mapping or encoding a file gets by its
 *                             name (spool_rules.h), optional
 *   SPOOL/done/               files that loaded, each with its mapping
 *   SPOOL/failed/             files that did not, each with its mapping
 *                             and NAME.err saying why
 *   SPOOL/.moving             the moves of one file under way (a journal)
 *   SPOOL/.loading            the file being loaded, and how many runs
 *                             died loading it
 *
 * A file's mapping: NAME.map beside it, else the mapping of the first
 * rule matching its name, else the run's --map, else none (long or wide).
 * A mapping that is not the file's own is copied beside it in done/ or
 * failed/ (as NAME.map, the text read before the load), so every
 * processed file keeps the mapping it was read through.
 *
 * Dot-files and files modified less than min_age seconds ago are being
 * written and are left for the next run. A file is moved only after its
 * load committed, so a crash in between loads it again next time, which
 * changes nothing.
 *
 * Names: a file and its companions keep one name in done/ or failed/:
 * night.csv, night.map, night.err; when any of those is taken, the first
 * free number: night.2.csv, night.2.map, night.2.err (bt_spool_name).
 * Nothing there is ever replaced.
 *
 * Moves, crash-safe: the .err is written to SPOOL/.err.new and a copied
 * mapping to SPOOL/.map.new (each synced); the journal SPOOL/.moving
 * lists every rename (the .err, the mapping, the CSV last) and is synced
 * into place; the renames are done and synced; the
 * journal is removed. A run that finds a journal finishes it first (a
 * rename whose source is gone was done), so a kill between two moves
 * loses no file and never parts a CSV from its mapping or its error.
 *
 * A file whose load killed BT_COLLECT_DEATHS runs (out of memory, a crash,
 * a kill) while it was read and checked is moved to failed/ by the next
 * one without loading it again, so that one file never blocks the spool.
 * A run that dies after the file was checked whole (while its load is
 * written or committed, or while it is moved) counts no death: the next
 * run loads it again (which changes nothing if it committed) or finishes
 * its moves, however often that happens.
 */
#ifndef BT_COLLECT_H
#define BT_COLLECT_H

#include "model/catalogue.h"
#include "store/db.h"
#include "base/fileio.h"
#include "load.h"
#include "spool_rules.h"

#define BT_COLLECT_DEATHS 2

struct bt_collect_opts {
    double min_age;       /* seconds a file must be left alone before */
    const char *encoding; /* as for load; NULL: detect */
    const char *map_path; /* --map: the mapping of files with none of
                             their own and no rule; NULL: none */
};

/* What happened to one spool file. */
struct bt_collect_file {
    const char *path;              /* where it was in incoming/ */
    const char *moved_to;          /* where it is now, or NULL if left */
    enum bt_load_result result;
    const struct bt_load_stats *stats;
    const char *why;               /* failures: the text of NAME.err */
    int young;                     /* 1: left alone, still being written */
    const char *map_how;           /* where its mapping came from ("its
                                      own", "rule RULES:LINE", "--map"),
                                      or NULL for none */
    const char *rule;              /* "RULES:LINE" of the rule it matched,
                                      or NULL */
};

typedef void (*bt_collect_fn)(void *ctx, const struct bt_collect_file *f);

/* Loads every ready file of SPOOL/incoming in name order, moving each to
 * done/ or failed/; calls fn for each file seen. The database lock must be
 * held. *nfailed counts the files that failed. Returns 0; 1 when SPOOL/rules
 * or the --map mapping has a problem (every one in *diags, each at its
 * file's line and column), before any file is touched; or -1 when the
 * spool itself cannot be used or rrdcached failed (*e): a file that could
 * not be loaded for want of the daemon, and every file after it, stay in
 * incoming/ for the next run. */
int bt_collect(struct bt_db *db, const struct bt_catalogue *cat,
               const char *spool, const struct bt_collect_opts *o,
               bt_collect_fn fn, void *ctx, size_t *nfailed,
               struct bt_diags *diags, struct bt_error *e);

/* Appends the name of copy k (from 1) of the spool file name, with
 * extension ext (".map", ".err"; NULL: name's own): name less a final
 * ".csv", then ".K" when k > 1, then ext or ".csv" if name had it.
 * "night.csv", 2, ".map" gives "night.2.map"; "night", 2, NULL "night.2". */
void bt_spool_name(struct bt_buf *out, const char *name, unsigned k,
                   const char *ext);

#endif
