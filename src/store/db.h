/* db.h - the database directory: series files, the lock, transactions.
 *
 *   DB/INDICATOR/DIMS.rrd   one RRD file per series (see series.h)
 *   DB/INDICATOR/DIMS.flags the flags of its observations (flags.h)
 *   DB/revisions.csv        every revised value: when, series, date, old,
 *                           new, file
 *   DB/flags.csv            every flag set, changed or cleared: when,
 *                           series, date, old, new, file
 *   DB/loads.csv            one line per committed load: when, file,
 *                           added, revised, deleted, flags (loadlog.c)
 *   DB/added.csv            the newest figure each load added to each
 *                           series: when, series, date, value, file
 *   DB/.lock                writers hold flock(LOCK_EX) on it
 *   DB/.gate                a writer waiting for .commit holds it, so that
 *                           arriving readers queue behind it
 *   DB/.commit              writers hold it exclusively while they rename,
 *                           readers hold it shared while they read
 *   DB/.tmp/                files being written; emptied by recovery
 *   DB/.rollback            present only while files are changed in place:
 *                           the bytes they held before (rollback.h)
 *   DB/.journal             present only while a transaction commits
 *   DB/.marker.rrd          through rrdcached: shows the daemon serves DB
 *
 * A transaction changes series two ways: a rebuilt file is written
 * complete into .tmp/ and renamed into place; an append is written into
 * the file in place, after the bytes it will change were saved in
 * .rollback. The order (docs/storage.md): stage and sync the new files
 * and the rollback journal, put .rollback in place, append in place and
 * sync, then write the journal (the list of renames) atomically: that is
 * the commit point. .rollback is then removed, the renames follow, and
 * the journal goes. Whoever next takes the lock rolls forward a journal
 * left by a killed process (dropping .rollback), or else rolls back a
 * .rollback (writing the saved bytes back), and deletes whatever .tmp/
 * holds, so a load is all there or not at all. A reader that finds either
 * and no writer recovers the same way before reading, and readers never
 * see a load half applied: the writer holds .commit from the first
 * in-place write to the last rename.
 */
#ifndef BT_DB_H
#define BT_DB_H

#include <stddef.h>
#include <stdint.h>
#include <time.h>

#include "base/error.h"
#include "base/fileio.h"
#include "base/period.h"
#include "base/point.h"
#include "model/series.h"
#include "flags.h"

/* The store's own parts, opaque above it: how series files are reached
 * (store_rrd.h) and the rollback journal (rollback.h). */
struct bt_store;
struct bt_rollback;

#define BT_READERS_WAIT 30 /* seconds a commit waits for readers at --wait 0 */
#define BT_DAEMON_TIMEOUT 30 /* seconds a daemon operation may take, unless
                                bt_db_set_daemon_timeout says otherwise */

struct bt_db {
    char *dir;             /* owned */
    struct bt_store *store; /* owned: how RRD files are reached */
    int lock_fd;           /* -1 unless the writers' lock is held */
    int read_fd;           /* -1 unless .commit is held shared */
    double wait;           /* seconds a commit waits for readers */
    int warned;            /* 1 when warning says why the database was read
                              with an interrupted commit it cannot finish */
    struct bt_error warning;
    struct bt_buf recovered; /* what recovery of a killed writer's
                              commit did, one line each, for the command
                              to say once (then it empties it) */
    int skip_unreadable;   /* bt_db_skip_unreadable */
    struct bt_buf skipped; /* "REL\tWHY\n" per series file left out */
    size_t nskipped;
    struct bt_flags_dir flags_listed; /* a writer's listing (bt_db_flags) */
    size_t nstaged;        /* files staged by this command (bt_txn_add) */
};

/* Sets up *db for dir (nothing is touched on disk). daemon (borrowed),
 * the address of an rrdcached to read and write through, may be NULL. */
void bt_db_init(struct bt_db *db, const char *dir, const char *daemon);
void bt_db_release(struct bt_db *db); /* unlocks if needed */

/* Bounds every daemon operation to seconds (default BT_DAEMON_TIMEOUT). */
void bt_db_set_daemon_timeout(struct bt_db *db, double seconds);
/* Whether the daemon failed (unreachable, dropped, silent) in this
 * command: then every later operation fails at once, and *why (if not
 * NULL) says how. */
int bt_db_daemon_down(const struct bt_db *db, struct bt_error *why);

/* Makes readers that cover the whole database (status, report) go on
 * past a series file they cannot read (a symbolic link, a file that is not
 * an RRD file of this machine, a read error) and past an indicator
 * directory that is a link: bt_db_read then returns 1, as for a series
 * not stored, and bt_db_match finds no series, and each such file is
 * recorded once in db->skipped (its path relative to DB, a tab, why) for
 * the command to report. A daemon that failed is never skipped over. */
void bt_db_skip_unreadable(struct bt_db *db);

/* Reading a stored series, the file rel (relative to DB; see series.h),
 * through the daemon if there is one. Each returns 0; 1 when the series
 * is not stored (nothing is read); -1 with *e. *out is emptied first.
 *
 * bt_db_last: the day of its last observation, from the file's header.
 * bt_db_read: every observation.
 * bt_db_read_range: the observations of days from..to (inclusive), reading
 * only those rows. */
int bt_db_last(struct bt_db *db, const char *rel, bt_day *last,
               struct bt_error *e);
int bt_db_read(struct bt_db *db, const char *rel, struct bt_points *out,
               struct bt_error *e);
int bt_db_read_range(struct bt_db *db, const char *rel, bt_day from,
                     bt_day to, struct bt_points *out, struct bt_error *e);

/* Reads the flags of the series file rel (flags.h) into *f (emptied
 * first); a series without a flags file has none. A writer holding the
 * lock lists an indicator's flags files once (one readdir) instead of
 * opening one a series; the listing is dropped at commit and unlock.
 * Returns 0, or -1 with *e. */
int bt_db_flags(struct bt_db *db, const char *rel, struct bt_flags *f,
                struct bt_error *e);

/* What the store keeps of a value v: what reading it back gives, once a
 * load has written it (rrd_number.h). A load writes only kept values. */
double bt_db_kept(double v);
/* Whether stored, a value read back, is what the store keeps of v (then
 * storing v again changes nothing). Compared exactly: else *kept is what
 * the store keeps of v, and the difference is a revision. */
int bt_db_same_value(double stored, double v, double *kept);

/* Creates the directory if needed, takes the writers' lock, waiting up to
 * wait_seconds (0: do not wait), then recovers from any interrupted
 * transaction, saying in db->recovered what it did (a journal rolled
 * forward, a rollback journal rolled back, staged files removed) and from
 * when. Fails with BT_EXIT_LOCKED in *code when the lock stays busy.
 * The same wait bounds the wait for readers to finish (.commit) when a
 * transaction commits; with a wait of 0 (do not queue behind another
 * writer), readers are waited for up to BT_READERS_WAIT. Recovery
 * refuses a database whose entries are symbolic links and a journal that
 * names a file outside it, saying how to recover. */
int bt_db_lock(struct bt_db *db, double wait_seconds, enum bt_exit *code,
               struct bt_error *e);
void bt_db_unlock(struct bt_db *db);

/* Starts reading (once per command; bt_db_release ends it): finishes an
 * interrupted commit when no writer is alive, then holds .commit shared so
 * that no load is renamed in while the command reads. A database that does
 * not exist is an error naming it (only writers create it). A commit that cannot be finished does not
 * stop reading: db->warned is set and db->warning says why and what to do.
 * bt_db_match and bt_db_each_series call it. */
int bt_db_read_begin(struct bt_db *db, struct bt_error *e);
/* Ends reading before the command ends, once everything it needs is read
 * (into memory): releases .commit so that a waiting writer commits while
 * the command goes on formatting, printing or drawing. What was read is
 * one snapshot; a read after this starts again and may see a later load.
 * Harmless when not reading. */
void bt_db_read_end(struct bt_db *db);

/* Appends DB/rel to *out. */
void bt_db_path(const struct bt_db *db, const char *rel, struct bt_buf *out);

/* Calls fn for every series file (path relative to DB), sorted by name. */
typedef int (*bt_db_series_fn)(void *ctx, const char *relpath);
int bt_db_each_series(struct bt_db *db, bt_db_series_fn fn, void *ctx,
                      struct bt_error *e);

/* Calls fn for each series file of indicator whose dimensions include
 * every name=value of where[0..nwhere) (sorted by file name). Returns the
 * number of matches, or -1 if fn failed (fn reports its own error). */
int bt_db_match(struct bt_db *db, const char *indicator,
                const struct bt_dim *where, size_t nwhere, bt_db_series_fn fn,
                void *ctx, struct bt_error *e);

/* An in-place append queued in a transaction. */
struct bt_txn_append {
    char *rel;           /* owned: the series file, relative to DB */
    bt_day last;         /* its last observation before the append */
    size_t first, count; /* the points, in bt_txn.points */
};

/* A log appended to in place at commit (db.c add_log). */
struct bt_txn_log {
    int fd;                     /* the log, open for writing: owned */
    uint64_t at;                /* its length before the append */
    const struct bt_buf *lines; /* what is appended: the transaction's */
    const char *name;           /* its name in the database: static */
};

/* What a commit that failed left in the database. */
enum bt_txn_outcome {
    BT_TXN_NOTHING,   /* nothing changed: the database is as it was */
    BT_TXN_COMMITTED, /* the commit point was passed: the load is in, and
                         the next command finishes putting it in place */
};

/* A set of series files replaced or appended to together. The lock must
 * be held. */
struct bt_txn {
    struct bt_db *db;
    struct bt_buf renames;   /* "tmp\tfinal\n" lines, relative to DB */
    struct bt_buf revisions; /* new revisions.csv lines */
    struct bt_buf flag_log;  /* new flags.csv lines */
    struct bt_buf load_log;  /* new loads.csv lines */
    struct bt_buf added_log; /* new added.csv lines */
    struct bt_rollback *rollback;    /* owned, once an append is queued */
    struct bt_txn_append *appends;   /* owned */
    size_t nappends, appends_cap;
    struct bt_points points;         /* every appended point, owned */
    time_t logged_at;                /* the time of the log lines, */
    char logged[32];                 /* and its text (loadlog.c) */
    char *checked_dir;               /* owned: the directory of the last
                                        append, checked to be no link */
    struct bt_txn_log logs[4];       /* loads, added, revisions, flags */
    size_t nlogs;
    enum bt_txn_outcome outcome;     /* after bt_txn_commit failed */
    int busy;                        /* .commit stayed locked past --wait */
};

void bt_txn_begin(struct bt_txn *t, struct bt_db *db);
/* Gives in *tmp (emptied first) a fresh temporary path to write the new
 * version of the file rel into, and records the rename. */
void bt_txn_add(struct bt_txn *t, const char *rel, struct bt_buf *tmp);
/* Stages the series file rel rebuilt to hold exactly pts[0..n) (sorted,
 * each day once; n > 0), its ring sized to their span; it replaces the
 * file at commit. Returns 0, or -1 with *e. */
int bt_txn_write(struct bt_txn *t, const char *rel, const struct bt_point *pts,
                 size_t n, struct bt_error *e);
/* Queues the in-place append of pts[0..n) (copied; sorted, all after
 * last_day, the file's last observation) to the existing series file rel,
 * and saves now, in the rollback journal, every byte the append will
 * change. Returns 0; 1 when the file cannot take it in place and the
 * series must be rebuilt instead (bt_store_can_append: a file of an
 * earlier release, or a ring the new days outgrow; nothing is queued);
 * or -1 with *e. */
int bt_txn_append(struct bt_txn *t, const char *rel, bt_day last_day,
                  const struct bt_point *pts, size_t n, struct bt_error *e);
/* Stages data as the new content of DB/rel (replaced at commit). */
int bt_txn_put(struct bt_txn *t, const char *rel, const void *data,
               size_t len, struct bt_error *e);
/* Records one flag change (NULL: no flag) for DB/flags.csv. */
void bt_txn_flag(struct bt_txn *t, const char *series_label, bt_day day,
                 const char *old_flag, const char *new_flag, const char *file);
/* Records one revision for the log; new_value NaN: the day was deleted
 * (written as an empty cell). */
void bt_txn_revision(struct bt_txn *t, const char *series_label, bt_day day,
                     double old_value, double new_value, const char *file);
/* Records the load of file for DB/loads.csv: what it added, revised,
 * deleted and how many flags it changed. The line is written only if the
 * transaction commits a change (a load that changes nothing is not
 * logged), in the same commit as the files, so it is all or nothing with
 * them (loadlog.c). */
void bt_txn_load(struct bt_txn *t, const char *file, size_t added,
                 size_t revised, size_t deleted, size_t flags);
/* Records, for DB/added.csv, the newest figure (day, value as stored)
 * that this load added to a series; once a series a load. Written with
 * the other logs, all or nothing with the load. */
void bt_txn_added(struct bt_txn *t, const char *series_label, bt_day day,
                  double value, const char *file);
/* Makes every recorded file and revision durable and visible at once.
 * Appends are written here, through rrdcached too (bt_db_init), under
 * .commit and synced before the commit point, so that a commit that
 * returns 0 is on disk and no reader sees half of it. On failure,
 * t->outcome says what was left (kept until the next bt_txn_begin). */
int bt_txn_commit(struct bt_txn *t, struct bt_error *e);
/* Drops the transaction and its temporary files (nothing was changed in
 * place before commit). */
void bt_txn_abort(struct bt_txn *t);

/* One line of DB/loads.csv; strings owned. */
struct bt_load_entry {
    char when[21]; /* UTC: YYYY-MM-DDTHH:MM:SSZ */
    char *file;
    size_t added, revised, deleted, flags;
};
/* One line of DB/revisions.csv; strings owned (new_value "": deleted). */
struct bt_revision_entry {
    char when[21];
    char *series, *old_value, *new_value, *file;
    char date[11];
};
/* One line of DB/added.csv; strings owned. */
struct bt_added_entry {
    char when[21];
    char *series, *value, *file;
    char date[11];
};
/* What changed since a day: loads, revisions and the newest figures
 * added, in the order logged. */
struct bt_changes {
    struct bt_load_entry *loads;
    size_t nloads;
    struct bt_revision_entry *revisions;
    size_t nrevisions;
    struct bt_added_entry *added;
    size_t nadded;
};
/* Reads (as a reader, bt_db_read_begin) the loads, revisions and added
 * figures logged on
 * or after the UTC day since (0: all) into *out. A log that is not there
 * reads as empty. Returns 0, or -1 with *e (a malformed line named as
 * DB/NAME:LINE). */
int bt_db_changes(struct bt_db *db, bt_day since, struct bt_changes *out,
                  struct bt_error *e);
void bt_changes_release(struct bt_changes *c);

#endif
