/* store_format.c - where an RRD update writes (see store_format.h). */
#include "store_format.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* librrd's opt-in for the structures of its file format (rrd_format.h):
 * they are stable for a file version, which bt_rrd_update_ranges checks. */
#define RRD_EXPORT_DEPRECATED
#include <rrd.h>

#include "base/mem.h"

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
    if (read_at(fd, &out->last_up, sizeof out->last_up, at) != 0)
        return bt_fail(e, "'%s' is truncated", path);
    return 0;
}

/* Where the parts of an RRD file are, from its header. */
struct layout {
    stat_head_t sh;
    rra_def_t rra[(BT_RANGES_MAX - 1) / 2];
    rra_ptr_t cur[(BT_RANGES_MAX - 1) / 2];
    off_t live;      /* the live head */
    uint64_t header; /* its size: the first RRA's rows start here */
    uint64_t row;    /* bytes a row */
    time_t last;     /* the last update */
};

/* Reads the layout of the RRD file open as fd into *l, checking that the
 * file is exactly header plus rows. 0, or -1 with *e. */
static int read_layout(int fd, const char *path, struct layout *l,
                       struct bt_error *e)
{
    struct stat st;
    stat_head_t *sh = &l->sh;
    if (fstat(fd, &st) != 0 || read_at(fd, sh, sizeof *sh, 0) != 0 ||
        memcmp(sh->cookie, RRD_COOKIE, 4) != 0 || sh->float_cookie != FLOAT_COOKIE)
        return bt_fail(e, "'%s' is not an RRD file of this machine", path);
    if (sh->rra_cnt == 0 || sh->rra_cnt > sizeof l->rra / sizeof *l->rra ||
        sh->ds_cnt == 0)
        return bt_fail(e, "'%s' has %lu RRAs, which an in-place update "
                       "cannot journal", path, sh->rra_cnt);
    off_t at = (off_t)(sizeof *sh + sh->ds_cnt * sizeof(ds_def_t));
    if (read_at(fd, l->rra, sh->rra_cnt * sizeof *l->rra, at) != 0)
        return bt_fail(e, "'%s' is truncated", path);
    int v3 = strcmp(sh->version, RRD_VERSION3) >= 0;
    l->live = at + (off_t)(sh->rra_cnt * sizeof *l->rra);
    off_t ptrs = l->live + (off_t)(v3 ? sizeof(live_head_t) : sizeof(time_t)) +
                 (off_t)(sh->ds_cnt * sizeof(pdp_prep_t)) +
                 (off_t)(sh->rra_cnt * sh->ds_cnt * sizeof(cdp_prep_t));
    l->header = (uint64_t)ptrs + sh->rra_cnt * sizeof(rra_ptr_t);
    l->row = sh->ds_cnt * sizeof(rrd_value_t);
    uint64_t rows = 0;
    for (unsigned long i = 0; i < sh->rra_cnt; i++)
        rows += l->rra[i].row_cnt;
    if ((uint64_t)st.st_size != l->header + rows * l->row ||
        read_at(fd, &l->last, sizeof l->last, l->live) != 0 ||
        read_at(fd, l->cur, sh->rra_cnt * sizeof *l->cur, ptrs) != 0)
        return bt_fail(e, "'%s' is not laid out as librrd's format says "
                       "(size %lld, expected %llu)", path,
                       (long long)st.st_size,
                       (unsigned long long)(l->header + rows * l->row));
    return 0;
}

/* The primary steps an update from l's last update up to until fills. */
static uint64_t elapsed_steps(const struct layout *l, time_t until)
{
    time_t step = (time_t)l->sh.pdp_step;
    return until > l->last ? (uint64_t)(until / step - l->last / step) : 0;
}

int bt_rrd_update_ranges(int fd, const char *path, time_t until,
                         struct bt_range *out, size_t *n, struct bt_error *e)
{
    struct layout l;
    *n = 0;
    if (read_layout(fd, path, &l, e) != 0)
        return -1;
    out[(*n)++] = (struct bt_range){(uint64_t)l.live,
                                    l.header - (uint64_t)l.live};
    uint64_t steps = elapsed_steps(&l, until), base = l.header;
    for (unsigned long i = 0; i < l.sh.rra_cnt; i++) {
        uint64_t count = steps / l.rra[i].pdp_cnt + 2; /* the current row too */
        add_rows(out, n, base, l.rra[i].row_cnt, l.row, l.cur[i].cur_row, count);
        base += l.rra[i].row_cnt * l.row;
    }
    return 0;
}

int bt_rrd_ring_keeps(int fd, const char *path, time_t until, int *keeps,
                      struct bt_error *e)
{
    struct layout l;
    *keeps = 0;
    if (read_layout(fd, path, &l, e) != 0)
        return -1;
    uint64_t rows = l.rra[0].row_cnt, filled = elapsed_steps(&l, until) /
                                               l.rra[0].pdp_cnt;
    struct bt_range rg[2];
    size_t n = 0;
    /* the rows after the current one, the oldest, are the ones filled */
    if (filled > 0)
        add_rows(rg, &n, l.header, rows, l.row, l.cur[0].cur_row + 1, filled);
    double buf[512];
    for (size_t i = 0; i < n; i++) {
        for (uint64_t off = 0; off < rg[i].len; off += sizeof buf) {
            size_t len = rg[i].len - off < sizeof buf ? (size_t)(rg[i].len - off)
                                                       : sizeof buf;
            if (read_at(fd, buf, len, (off_t)(rg[i].offset + off)) != 0)
                return bt_fail(e, "'%s' is truncated", path);
            for (size_t k = 0; k < len / sizeof *buf; k++)
                if (!isnan(buf[k]))
                    return 0;
        }
    }
    *keeps = 1;
    return 0;
}

int bt_rrd_read_ring(int fd, const char *path, struct bt_rrd_ring *out,
                     struct bt_error *e)
{
    struct layout l;
    memset(out, 0, sizeof *out);
    if (read_layout(fd, path, &l, e) != 0)
        return -1;
    size_t rows = l.rra[0].row_cnt, per = (size_t)(l.row / sizeof(double));
    double *raw = bt_xmalloc((rows ? rows : 1) * (size_t)l.row);
    if (read_at(fd, raw, rows * (size_t)l.row, (off_t)l.header) != 0) {
        free(raw);
        return bt_fail(e, "'%s' is truncated", path);
    }
    out->v = bt_xmalloc((rows ? rows : 1) * sizeof *out->v);
    size_t cur = l.cur[0].cur_row % (rows ? rows : 1);
    for (size_t i = 0; i < rows; i++) /* the row after the current: oldest */
        out->v[i] = raw[((cur + 1 + i) % rows) * per];
    free(raw);
    out->n = rows;
    out->step = l.sh.pdp_step;
    out->pdp_cnt = l.rra[0].pdp_cnt;
    out->ds_cnt = l.sh.ds_cnt;
    time_t step = (time_t)l.sh.pdp_step * (time_t)(out->pdp_cnt ? out->pdp_cnt : 1);
    out->end = l.last - l.last % step;
    return 0;
}
