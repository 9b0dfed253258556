/* store_rrd.h - one series in one RRD file, through librrd.
 *
 * Layout (docs/storage.md): step 1 day; one DS "value", GAUGE, heartbeat
 * 1 day, no bounds; RRA LAST:0.5:1:BT_RRD_ROWS (one row a day, 60 years)
 * and RRA AVERAGE:0.5:7:BT_RRD_WEEKS (weekly means for long charts).
 * The observation for civil day d is the update (d+1)*86400:value, preceded
 * by d*86400:U when the day before holds no observation, so exactly one
 * primary data point holds it and the days between stay unknown.
 *
 * This is the only module that calls librrd. Every call clears librrd's
 * error first and copies its message into a struct bt_error at once.
 */
#ifndef BT_STORE_RRD_H
#define BT_STORE_RRD_H

#include <stddef.h>

#include "base/error.h"
#include "base/period.h"
#include "base/point.h"

#define BT_RRD_STEP 86400
#define BT_RRD_ROWS 21915  /* 60 years of days */
#define BT_RRD_WEEKS 3131  /* 60 years of weeks */
#define BT_SPAN_MAX BT_RRD_ROWS /* days from a series' first to its last,
                                   exclusive: what its ring holds */


/* Where the RRD files are read and written: directly, or through a
 * running rrdcached (daemon is its address, NULL for none: "unix:PATH" or
 * "HOST:PORT"). Through the daemon, reads fetch through it (it writes
 * what it holds for the file first), and baytrack writes its own files:
 * before a file is appended to, the daemon's last update for it must be
 * the file's own, or the daemon writes what it holds and forgets the
 * file (no file is asked about when the daemon holds none); a file replaced on disk or restored from the rollback journal is
 * forgotten by it. So a load is journalled and synced by baytrack as
 * without a daemon, and the daemon's cache never crosses it. The daemon
 * is given names relative to the database directory, which must be its
 * base directory (rrdcached -b DB), so collectors on other hosts may
 * mount the database anywhere; that it is, the marker file
 * DB/.marker.rrd shows (bt_store_mark). Every daemon
 * operation is bounded by timeout; one that fails for want of the daemon
 * (unreachable, dropped, silent) marks it down, and every later one fails
 * at once with the same message. librrd keeps one daemon connection per
 * process. */
struct bt_store {
    const char *daemon; /* borrowed */
    const char *root;   /* the database directory, borrowed */
    double timeout;     /* seconds a daemon operation may take */
    int verified;       /* the daemon was shown to serve root */
    int cached;         /* it held something for some file when first
                           asked (else no file needs asking about) */
    int down;           /* the daemon failed: why_down says how */
    struct bt_error why_down;
};

#define BT_DAEMON_TIMEOUT 30 /* seconds: the default timeout */

/* Makes sure the database has its marker, an RRD file whose last update
 * is a stamp of its own, so that a daemon serving another directory is
 * told apart (a writer calls it, lock held, after recovery: the marker is
 * made in DB/.tmp/, which recovery empties, and renamed into place).
 * 0, or -1 with *e. */
int bt_store_mark(struct bt_store *s, struct bt_error *e);

/* Reads every observation in the RRD file at path into *out (emptied
 * first). Returns 0; 1 when the file does not exist (*out stays empty);
 * -1 on error. */
int bt_store_read(struct bt_store *s, const char *path,
                  struct bt_points *out, struct bt_error *e);

/* Reads the observations of days from..to (inclusive) of the existing
 * file path into *out (emptied first); reads only those rows. 0 or -1. */
int bt_store_read_range(struct bt_store *s, const char *path,
                        bt_day from, bt_day to, struct bt_points *out,
                        struct bt_error *e);

/* The day of the last observation of the file path (its last update),
 * in *last, reading only its header. Returns 0; 1 when the file does not
 * exist; -1 on error. */
int bt_store_last(struct bt_store *s, const char *path, bt_day *last,
                  struct bt_error *e);

/* Creates the RRD file path (replacing any file there) holding exactly
 * pts[0..n), which are sorted by day with each day once. Used on
 * temporary files that a transaction syncs and renames into place. */
int bt_store_write(struct bt_store *s, const char *path,
                   const struct bt_point *pts, size_t n, struct bt_error *e);

/* Appends pts[0..n) (sorted, all after last_day, the file's last
 * observation) to the existing file path in place: one batch update
 * through librrd, or through the daemon when there is one. Its cost
 * depends on n and the days covered, not on the file's history. */
int bt_store_append(struct bt_store *s, const char *path,
                    bt_day last_day, const struct bt_point *pts, size_t n,
                    struct bt_error *e);

/* Checks that the RRD file open as fd (named path) has exactly the layout
 * above, so that an append in place can neither fail half-way nor drop
 * what a different ring holds. 0, or -1 with *e naming the file. */
int bt_store_check_layout(int fd, const char *path, struct bt_error *e);

/* After path was replaced by rename or restored from the rollback
 * journal: tells the daemon (if any) to drop what it caches or queued for
 * it. Best effort: a daemon that is down has nothing to drop that could
 * be written over a newer file. */
void bt_store_forget(struct bt_store *s, const char *path);

#endif
