/* store_format.c - where an RRD update writes (see store_format.h). */
#include "store_format.h"

#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* librrd's opt-in for the structures of its file format (rrd_format.h):
 * they are stable for a file version, which bt_rrd_update_ranges checks. */
#define RRD_EXPORT_DEPRECATED
#include <rrd.h>

/* Reads exactly len bytes at off; 0 or -1. */
static int read_at(int fd, void *buf, size_t len, off_t off)
{
    return pread(fd, buf, len, off) == (ssize_t)len ? 0 : -1;
}

/* Adds the rows [first, first + count) of a ring of rows rows, each of
 * size bytes, starting at byte base; a range that wraps becomes two. */
static void add_rows(struct bt_range *out, size_t *n, uint64_t base,
                     uint64_t rows, uint64_t size, uint64_t first,
                     uint64_t count)
{
    if (count > rows)
        count = rows;
    first %= rows;
    uint64_t tail = rows - first < count ? rows - first : count;
    out[(*n)++] = (struct bt_range){base + first * size, tail * size};
    if (count > tail)
        out[(*n)++] = (struct bt_range){base, (count - tail) * size};
}

int bt_rrd_shape_read(int fd, const char *path, struct bt_rrd_shape *out,
                      struct bt_error *e)
{
    stat_head_t sh;
    ds_def_t ds;
    rra_def_t rra;
    memset(out, 0, sizeof *out);
    if (read_at(fd, &sh, sizeof sh, 0) != 0 ||
        memcmp(sh.cookie, RRD_COOKIE, 4) != 0 || sh.float_cookie != FLOAT_COOKIE)
        return bt_fail(e, "'%s' is not an RRD file of this machine", path);
    if (sh.rra_cnt > sizeof out->rra / sizeof *out->rra || sh.ds_cnt == 0 ||
        read_at(fd, &ds, sizeof ds, sizeof sh) != 0)
        return bt_fail(e, "'%s' has %lu RRAs and %lu data sources, which "
                       "baytrack does not write", path, sh.rra_cnt, sh.ds_cnt);
    out->step = sh.pdp_step;
    out->ds_cnt = sh.ds_cnt;
    out->rra_cnt = sh.rra_cnt;
    snprintf(out->ds_type, sizeof out->ds_type, "%.19s", ds.dst);
    out->heartbeat = ds.par[DS_mrhb_cnt].u_cnt;
    off_t at = (off_t)(sizeof sh + sh.ds_cnt * sizeof(ds_def_t));
    for (unsigned long i = 0; i < sh.rra_cnt; i++, at += (off_t)sizeof rra) {
        if (read_at(fd, &rra, sizeof rra, at) != 0)
            return bt_fail(e, "'%s' is truncated", path);
        snprintf(out->rra[i].cf, sizeof out->rra[i].cf, "%.19s", rra.cf_nam);
        out->rra[i].pdp_cnt = rra.pdp_cnt;
        out->rra[i].rows = rra.row_cnt;
    }
    return 0;
}

int bt_rrd_update_ranges(int fd, const char *path, time_t until,
                         struct bt_range *out, size_t *n, struct bt_error *e)
{
    stat_head_t sh;
    rra_def_t rra[(BT_RANGES_MAX - 1) / 2];
    struct stat st;
    *n = 0;
    if (fstat(fd, &st) != 0 || read_at(fd, &sh, sizeof sh, 0) != 0 ||
        memcmp(sh.cookie, RRD_COOKIE, 4) != 0 || sh.float_cookie != FLOAT_COOKIE)
        return bt_fail(e, "'%s' is not an RRD file of this machine", path);
    if (sh.rra_cnt == 0 || sh.rra_cnt > sizeof rra / sizeof *rra || sh.ds_cnt == 0)
        return bt_fail(e, "'%s' has %lu RRAs, which an in-place update "
                       "cannot journal", path, sh.rra_cnt);
    off_t at = (off_t)(sizeof sh + sh.ds_cnt * sizeof(ds_def_t));
    if (read_at(fd, rra, sh.rra_cnt * sizeof *rra, at) != 0)
        return bt_fail(e, "'%s' is truncated", path);
    int v3 = strcmp(sh.version, RRD_VERSION3) >= 0;
    off_t live = at + (off_t)(sh.rra_cnt * sizeof *rra);
    off_t ptrs = live + (off_t)(v3 ? sizeof(live_head_t) : sizeof(time_t)) +
                 (off_t)(sh.ds_cnt * sizeof(pdp_prep_t)) +
                 (off_t)(sh.rra_cnt * sh.ds_cnt * sizeof(cdp_prep_t));
    uint64_t header = (uint64_t)ptrs + sh.rra_cnt * sizeof(rra_ptr_t);
    uint64_t row = sh.ds_cnt * sizeof(rrd_value_t), rows = 0;
    for (unsigned long i = 0; i < sh.rra_cnt; i++)
        rows += rra[i].row_cnt;
    time_t last;
    rra_ptr_t cur[(BT_RANGES_MAX - 1) / 2];
    if ((uint64_t)st.st_size != header + rows * row ||
        read_at(fd, &last, sizeof last, live) != 0 ||
        read_at(fd, cur, sh.rra_cnt * sizeof *cur, ptrs) != 0)
        return bt_fail(e, "'%s' is not laid out as librrd's format says "
                       "(size %lld, expected %llu)", path,
                       (long long)st.st_size,
                       (unsigned long long)(header + rows * row));
    out[(*n)++] = (struct bt_range){(uint64_t)live, header - (uint64_t)live};
    uint64_t steps = until > last ? (uint64_t)(until / (time_t)sh.pdp_step -
                                               last / (time_t)sh.pdp_step)
                                  : 0;
    uint64_t base = header;
    for (unsigned long i = 0; i < sh.rra_cnt; i++) {
        uint64_t count = steps / rra[i].pdp_cnt + 2; /* the current row too */
        add_rows(out, n, base, rra[i].row_cnt, row, cur[i].cur_row, count);
        base += rra[i].row_cnt * row;
    }
    return 0;
}
