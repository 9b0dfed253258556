/* store_format.h - an RRD file's header, and where an update writes.
 *
 * librrd updates a file in place: it rewrites the live head, the PDP and
 * CDP preparation areas and the RRA pointers (all in the header), and the
 * rows that the elapsed steps fill in each RRA (rrd_format.h, POS 4 to 7
 * and the data area). To undo an update, the bytes of those ranges are
 * saved first (see rollback.h). This module reads the header with one
 * pread from the start of the file and parses it from that buffer with
 * the structures of rrd_format.h; it checks that the file's size is
 * exactly header plus rows, so a format it does not understand is
 * refused rather than half saved.
 */
#ifndef BT_STORE_FORMAT_H
#define BT_STORE_FORMAT_H

#include <stddef.h>
#include <stdint.h>
#include <time.h>

#include "base/error.h"

/* A byte range of a file. */
struct bt_range {
    uint64_t offset;
    uint64_t len;
};

/* At most 1 header range plus 2 per RRA (a ring wraps once). */
#define BT_RANGES_MAX 33
#define BT_RRD_RRA_MAX ((BT_RANGES_MAX - 1) / 2)
/* Bytes read at once from the start of a file: a header of one data
 * source and a few RRAs (584 bytes for baytrack's layout), and the whole
 * of a file of the smallest ring (3,656 bytes). */
#define BT_RRD_HEAD_READ 4096

/* What an RRD file holds, as its header says: enough to tell a file laid
 * out as baytrack creates it from any other. */
struct bt_rrd_shape {
    unsigned long step, ds_cnt, rra_cnt;
    char ds_type[20];          /* of the first data source */
    unsigned long heartbeat;   /* of the first data source */
    time_t last_up;            /* the last update */
    struct {
        char cf[20];
        unsigned long pdp_cnt, rows;
    } rra[BT_RRD_RRA_MAX];
};

/* An RRD file's header as read by bt_rrd_head_read: its shape, where its
 * parts are, and the bytes read from its start. */
struct bt_rrd_head {
    struct bt_rrd_shape shape;
    int laid_out;          /* the file is exactly header plus rows, and the
                              fields below are filled */
    uint64_t live;         /* where the live head starts */
    uint64_t size;         /* bytes of the header: the rows start here */
    uint64_t row;          /* bytes a row */
    uint64_t file_size;
    unsigned long cur_row[BT_RRD_RRA_MAX]; /* each RRA's newest row */
    unsigned char *bytes;  /* owned: the file's first len bytes */
    size_t len;            /* at least size when laid_out */
};

/* Reads the header of the RRD file open as fd (path is for messages) with
 * one pread of BT_RRD_HEAD_READ bytes (a second one only for a header
 * larger than that), and parses it. Returns 0, or -1 with *e (not an RRD
 * file of this machine, more than BT_RRD_RRA_MAX RRAs, truncated).
 * bt_rrd_head_release frees h->bytes (harmless on a zeroed head). */
int bt_rrd_head_read(int fd, const char *path, struct bt_rrd_head *h,
                     struct bt_error *e);
/* bt_rrd_head_read of a file already known to be file_size bytes long
 * (an fstat the caller made), without one of its own. */
int bt_rrd_head_read_sized(int fd, uint64_t file_size, const char *path,
                           struct bt_rrd_head *h, struct bt_error *e);
void bt_rrd_head_release(struct bt_rrd_head *h);

/* Reads the shape of the RRD file open as fd; path is for messages.
 * Returns 0, or -1 with *e. */
int bt_rrd_shape_read(int fd, const char *path, struct bt_rrd_shape *out,
                      struct bt_error *e);

/* The bytes that an update of a file from its last update up to time
 * `until` can change, as they are before it: rg[0..n) are the header from
 * the live head on, and in each RRA the rows from its current row on, as
 * many as the elapsed primary steps can fill, plus one (a superset of
 * what librrd writes); bytes holds their contents one after another. */
struct bt_rrd_preimage {
    struct bt_range rg[BT_RANGES_MAX];
    size_t n;
    unsigned char *bytes; /* owned */
    size_t len;
};

/* Fills *p for the file open as fd whose header is h (path for
 * messages): the header's part from h->bytes, the rows from h->bytes too
 * when they were read with it, else one pread per range. Returns 0, or
 * -1 with *e (a file not laid out as librrd's format says).
 * bt_rrd_preimage_release frees p->bytes. */
int bt_rrd_preimage_read(int fd, const char *path, const struct bt_rrd_head *h,
                         time_t until, struct bt_rrd_preimage *p,
                         struct bt_error *e);
void bt_rrd_preimage_release(struct bt_rrd_preimage *p);

/* Whether the update that p was read for (up to until) overwrites no
 * known value of the first RRA: every row the elapsed steps fill there
 * holds unknown values (so a ring of observations loses none). Reads
 * nothing: those rows are in p. */
int bt_rrd_preimage_keeps(const struct bt_rrd_head *h,
                          const struct bt_rrd_preimage *p, time_t until);

/* The first RRA of an RRD file, as read by bt_rrd_read_ring. */
struct bt_rrd_ring {
    double *v;           /* owned: its rows, oldest first (the first data
                            source of each) */
    size_t n;            /* rows */
    time_t end;          /* when the newest row's step ends: the last
                            update, rounded down to the step */
    unsigned long step, pdp_cnt, ds_cnt;
};

/* Reads the first RRA of the RRD file open as fd into *out (path is for
 * messages): the rows as they are on disk, without librrd, the header and
 * the rows in one pread each at most. Returns 0, or -1 with *e; out->v is
 * then NULL. The caller frees out->v. */
int bt_rrd_read_ring(int fd, const char *path, struct bt_rrd_ring *out,
                     struct bt_error *e);

#endif
