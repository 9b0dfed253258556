/* store_rrd.h - one series in one RRD file, through librrd.
 *
 * Layout (docs/storage.md): step 1 day; one DS "value", GAUGE, heartbeat
 * 1 day, no bounds; one RRA LAST:0.5:1:R, a ring of R days sized to the
 * series (bt_store_ring_rows of the days from its first observation to
 * its last). Files of earlier releases (a ring of BT_RRD_ROWS_V1 days
 * and a weekly AVERAGE:0.5:7:BT_RRD_WEEKS_V1) are read, and rebuilt in
 * the current layout the first time a load changes them.
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
#include "store_format.h"

#define BT_RRD_STEP 86400
#define BT_RRD_ROWS_V1 21915 /* earlier releases: 60 years of days */
#define BT_RRD_WEEKS_V1 3131 /* and of weeks */
#define BT_RING_MIN 384      /* the smallest ring: the file fits one 4 KiB
                                block (584 bytes of header, 8 a row) */

/* The rows of the ring of a new file whose observations span `days` days
 * (the last minus the first, plus one): the smallest of BT_RING_MIN and
 * the ladder q * 2^k (q = 4..7, a quarter of an octave) that is at least
 * days. So a file holds at most 25% of unknown days beyond BT_RING_MIN,
 * and a ring outgrown by appends is rebuilt into the next rung (14-25%
 * larger). A function of the span alone: a file appended to has the
 * ring a rebuild of the same observations would have. */
unsigned long bt_store_ring_rows(unsigned long days);


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
    char *head_path;    /* owned, or NULL: the file whose header
                           bt_store_last read last, kept for the append
                           that usually follows (bt_store_head) */
    int head_fd;        /* that file, open read-only */
    struct bt_rrd_head head; /* its header */
};


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
 * in *last, reading only its header (one pread). The file is kept open
 * with its header, for bt_store_head, until the next call,
 * bt_store_head_drop or bt_store_forget. Returns 0; 1 when the file does
 * not exist; -1 on error. */
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

/* The series file path open read-only in *fd, and its header in *h: the
 * ones bt_store_last kept if they are path's (nothing is read again),
 * else opened as bt_store_last opens it (never through a link, a
 * regular file) and read now. The caller owns both:
 * close(*fd), bt_rrd_head_release(h). Valid while the writers' lock is
 * held and the file not yet written (a transaction writes at commit).
 * 0, or -1 with *e. */
int bt_store_head(struct bt_store *s, const char *path, int *fd,
                  struct bt_rrd_head *h, struct bt_error *e);
/* Closes what bt_store_last kept (harmless when nothing is kept). */
void bt_store_head_drop(struct bt_store *s);

/* Whether pts[0..n) (sorted, all after the file's last observation) can
 * be appended in place to the RRD file open as fd (named path) whose
 * header is h, and, when it can, the bytes the append will change, in
 * *p (read with the rows the new days fill, which must hold no known
 * value; the caller releases *p): it has
 * exactly the current layout, so that an append can neither fail
 * half-way nor drop what a different ring holds, and its ring has room
 * for them, so that the append overwrites no observation. Returns 0 when
 * it can, 1 when the series must be rebuilt instead (a file of an earlier
 * release, or a ring the new days outgrow), or -1 with *e naming the file
 * (a layout baytrack does not write, or a file it cannot read). */
int bt_store_can_append_head(int fd, const char *path,
                             const struct bt_rrd_head *h,
                             const struct bt_point *pts, size_t n,
                             struct bt_rrd_preimage *p, struct bt_error *e);
/* The same, reading the header of fd itself and keeping no pre-image. */
int bt_store_can_append(int fd, const char *path, const struct bt_point *pts,
                        size_t n, struct bt_error *e);

/* After path was replaced by rename or restored from the rollback
 * journal: tells the daemon (if any) to drop what it caches or queued for
 * it. Best effort: a daemon that is down has nothing to drop that could
 * be written over a newer file. */
void bt_store_forget(struct bt_store *s, const char *path);

#endif
