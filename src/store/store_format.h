/* store_format.h - where in an RRD file an update writes.
 *
 * librrd updates a file in place: it rewrites the live head, the PDP and
 * CDP preparation areas and the RRA pointers (all in the header), and the
 * rows that the elapsed steps fill in each RRA (rrd_format.h, POS 4 to 7
 * and the data area). To undo an update, the bytes of those ranges are
 * saved first (see rollback.h). This module reads the header with the
 * structures of rrd_format.h and checks that the file's size is exactly
 * header plus rows, so a format it does not understand is refused rather
 * than half saved.
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
    } rra[(BT_RANGES_MAX - 1) / 2];
};

/* Reads the shape of the RRD file open as fd; path is for messages.
 * Returns 0, or -1 with *e. */
int bt_rrd_shape_read(int fd, const char *path, struct bt_rrd_shape *out,
                      struct bt_error *e);

/* Fills out[0..*n) with every byte range of the RRD file open as fd that
 * an update from its last update time up to time `until` can change: the
 * header from the live head on, and in each RRA the rows from its current
 * row on, as many as the elapsed primary steps can fill, plus one. The
 * ranges are a superset of what librrd writes. path is for messages.
 * Returns 0, or -1 with *e (not an RRD file, or a layout with more than 16
 * RRAs). */
int bt_rrd_update_ranges(int fd, const char *path, time_t until,
                         struct bt_range *out, size_t *n, struct bt_error *e);

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
 * messages): the rows as they are on disk, without librrd. Returns 0, or
 * -1 with *e; out->v is then NULL. The caller frees out->v. */
int bt_rrd_read_ring(int fd, const char *path, struct bt_rrd_ring *out,
                     struct bt_error *e);

/* Sets *keeps to 1 when an update of the RRD file open as fd, from its
 * last update up to time `until`, overwrites no known value of its first
 * RRA: every row the elapsed steps fill there held unknown values (so a
 * ring of observations loses none), else to 0. path is for messages.
 * Returns 0, or -1 with *e. */
int bt_rrd_ring_keeps(int fd, const char *path, time_t until, int *keeps,
                      struct bt_error *e);

#endif
