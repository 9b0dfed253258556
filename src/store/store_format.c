/* store_format.c - an RRD file's header, and where an update writes (see
 * store_format.h). */
#include "store_format.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* librrd's opt-in for the structures of its file format (rrd_format.h):
 * they are stable for a file version, which the cookies and the version
 * checked here pin. */
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

/* The stat head and the derived offsets of h->bytes: where the definitions
 * end (the live head), where the RRA pointers are, and the header's size. */
struct offsets {
    stat_head_t sh;
    uint64_t defs, live, ptrs, size;
};

/* Parses the fixed part of h->bytes into *o; 0, or -1 with *e. */
static int parse_offsets(const struct bt_rrd_head *h, const char *path,
                         struct offsets *o, struct bt_error *e)
{
    stat_head_t *sh = &o->sh;
    if (h->len < sizeof *sh)
        return bt_fail(e, "'%s' is not an RRD file of this machine", path);
    memcpy(sh, h->bytes, sizeof *sh);
    if (memcmp(sh->cookie, RRD_COOKIE, 4) != 0 || sh->float_cookie != FLOAT_COOKIE)
        return bt_fail(e, "'%s' is not an RRD file of this machine", path);
    if (sh->rra_cnt > BT_RRD_RRA_MAX || sh->ds_cnt == 0 ||
        sh->ds_cnt > h->file_size / sizeof(ds_def_t))
        return bt_fail(e, "'%s' has %lu RRAs and %lu data sources, which "
                       "baytrack does not write", path, sh->rra_cnt, sh->ds_cnt);
    int v3 = strcmp(sh->version, RRD_VERSION3) >= 0;
    o->defs = sizeof *sh + sh->ds_cnt * sizeof(ds_def_t);
    o->live = o->defs + sh->rra_cnt * sizeof(rra_def_t);
    o->ptrs = o->live + (v3 ? sizeof(live_head_t) : sizeof(time_t)) +
              sh->ds_cnt * sizeof(pdp_prep_t) +
              sh->rra_cnt * sh->ds_cnt * sizeof(cdp_prep_t);
    o->size = o->ptrs + sh->rra_cnt * sizeof(rra_ptr_t);
    return 0;
}

/* Copies the name field src of n bytes, NUL-terminated or not, to dst of
 * 20 bytes, cut to 19 (the shape's fields; librrd's hold 20). */
static void name_copy(char *dst, const char *src, size_t n)
{
    size_t len = strnlen(src, n < 19 ? n : 19);
    memcpy(dst, src, len);
    dst[len] = '\0';
}

/* Fills h's shape and layout from h->bytes (at least o->size bytes when
 * the file holds that many). 0, or -1 with *e. */
static int parse_head(struct bt_rrd_head *h, const struct offsets *o,
                      const char *path, struct bt_error *e)
{
    struct bt_rrd_shape *s = &h->shape;
    const stat_head_t *sh = &o->sh;
    ds_def_t ds;
    if (h->len < o->live + sizeof(time_t))
        return bt_fail(e, "'%s' is truncated", path);
    memcpy(&ds, h->bytes + sizeof *sh, sizeof ds);
    s->step = sh->pdp_step;
    s->ds_cnt = sh->ds_cnt;
    s->rra_cnt = sh->rra_cnt;
    name_copy(s->ds_type, ds.dst, sizeof ds.dst);
    s->heartbeat = ds.par[DS_mrhb_cnt].u_cnt;
    uint64_t rows = 0;
    for (unsigned long i = 0; i < sh->rra_cnt; i++) {
        rra_def_t rra;
        memcpy(&rra, h->bytes + o->defs + i * sizeof rra, sizeof rra);
        name_copy(s->rra[i].cf, rra.cf_nam, sizeof rra.cf_nam);
        s->rra[i].pdp_cnt = rra.pdp_cnt;
        s->rra[i].rows = rra.row_cnt;
        rows += rra.row_cnt;
    }
    memcpy(&s->last_up, h->bytes + o->live, sizeof s->last_up);
    h->live = o->live;
    h->size = o->size;
    h->row = sh->ds_cnt * sizeof(rrd_value_t);
    h->laid_out = sh->rra_cnt > 0 && h->len >= o->size &&
                  rows <= h->file_size / h->row &&
                  h->file_size == o->size + rows * h->row;
    for (unsigned long i = 0; h->laid_out && i < sh->rra_cnt; i++) {
        rra_ptr_t p;
        memcpy(&p, h->bytes + o->ptrs + i * sizeof p, sizeof p);
        h->cur_row[i] = p.cur_row;
        if (s->rra[i].rows == 0 || p.cur_row >= s->rra[i].rows)
            h->laid_out = 0;
    }
    return 0;
}

int bt_rrd_head_read(int fd, const char *path, struct bt_rrd_head *h,
                     struct bt_error *e)
{
    struct stat st;
    memset(h, 0, sizeof *h);
    if (fstat(fd, &st) != 0)
        return bt_fail_errno(e, "cannot read '%s'", path);
    return bt_rrd_head_read_sized(fd, (uint64_t)st.st_size, path, h, e);
}

int bt_rrd_head_read_sized(int fd, uint64_t file_size, const char *path,
                           struct bt_rrd_head *h, struct bt_error *e)
{
    memset(h, 0, sizeof *h);
    h->file_size = file_size;
    h->bytes = bt_xmalloc(BT_RRD_HEAD_READ);
    ssize_t got = pread(fd, h->bytes, BT_RRD_HEAD_READ, 0);
    if (got < 0) {
        bt_rrd_head_release(h);
        return bt_fail_errno(e, "cannot read '%s'", path);
    }
    h->len = (size_t)got;
    struct offsets o;
    memset(&o, 0, sizeof o);
    int rc = parse_offsets(h, path, &o, e);
    if (rc == 0 && o.size > h->len && o.size <= h->file_size) {
        /* a header larger than the first read: read the rest */
        h->bytes = bt_xrealloc(h->bytes, (size_t)o.size);
        if (read_at(fd, h->bytes + h->len, (size_t)o.size - h->len,
                    (off_t)h->len) != 0)
            rc = bt_fail(e, "'%s' is truncated", path);
        else
            h->len = (size_t)o.size;
    }
    if (rc == 0)
        rc = parse_head(h, &o, path, e);
    if (rc != 0)
        bt_rrd_head_release(h);
    return rc;
}

void bt_rrd_head_release(struct bt_rrd_head *h)
{
    free(h->bytes);
    h->bytes = NULL;
    h->len = 0;
}

int bt_rrd_shape_read(int fd, const char *path, struct bt_rrd_shape *out,
                      struct bt_error *e)
{
    struct bt_rrd_head h;
    memset(out, 0, sizeof *out);
    if (bt_rrd_head_read(fd, path, &h, e) != 0)
        return -1;
    *out = h.shape;
    bt_rrd_head_release(&h);
    return 0;
}

/* Says why h cannot be written in place or read as rows. */
static int not_laid_out(const struct bt_rrd_head *h, const char *path,
                        struct bt_error *e)
{
    uint64_t rows = 0;
    if (h->shape.rra_cnt == 0)
        return bt_fail(e, "'%s' has %lu RRAs, which an in-place update "
                       "cannot journal", path, h->shape.rra_cnt);
    for (unsigned long i = 0; i < h->shape.rra_cnt; i++)
        rows += h->shape.rra[i].rows;
    return bt_fail(e, "'%s' is not laid out as librrd's format says (size "
                   "%llu, expected %llu)", path,
                   (unsigned long long)h->file_size,
                   (unsigned long long)(h->size + rows * h->row));
}

/* The primary steps an update from h's last update up to until fills. */
static uint64_t elapsed_steps(const struct bt_rrd_head *h, time_t until)
{
    time_t step = (time_t)h->shape.step, last = h->shape.last_up;
    return until > last ? (uint64_t)(until / step - last / step) : 0;
}

int bt_rrd_preimage_read(int fd, const char *path, const struct bt_rrd_head *h,
                         time_t until, struct bt_rrd_preimage *p,
                         struct bt_error *e)
{
    memset(p, 0, sizeof *p);
    if (!h->laid_out)
        return not_laid_out(h, path, e);
    p->rg[p->n++] = (struct bt_range){h->live, h->size - h->live};
    uint64_t steps = elapsed_steps(h, until), base = h->size;
    for (unsigned long i = 0; i < h->shape.rra_cnt; i++) {
        uint64_t rows = h->shape.rra[i].rows;
        uint64_t count = steps / h->shape.rra[i].pdp_cnt + 2; /* the current row too */
        add_rows(p->rg, &p->n, base, rows, h->row, h->cur_row[i], count);
        base += rows * h->row;
    }
    for (size_t i = 0; i < p->n; i++)
        p->len += (size_t)p->rg[i].len;
    p->bytes = bt_xmalloc(p->len ? p->len : 1);
    size_t at = 0;
    for (size_t i = 0; i < p->n; i++) {
        const struct bt_range *r = &p->rg[i];
        if (r->offset + r->len <= h->len)
            memcpy(p->bytes + at, h->bytes + r->offset, (size_t)r->len);
        else if (read_at(fd, p->bytes + at, (size_t)r->len, (off_t)r->offset))
            break;
        at += (size_t)r->len;
    }
    if (at != p->len) {
        bt_rrd_preimage_release(p);
        return bt_fail(e, "'%s' is truncated", path);
    }
    return 0;
}

void bt_rrd_preimage_release(struct bt_rrd_preimage *p)
{
    free(p->bytes);
    p->bytes = NULL;
    p->len = 0;
}

int bt_rrd_preimage_keeps(const struct bt_rrd_head *h,
                          const struct bt_rrd_preimage *p, time_t until)
{
    /* the first RRA's rows follow the header's range in p->bytes, in ring
     * order from its current row: the rows after it (the oldest) are the
     * ones the update fills */
    uint64_t rows = h->shape.rra[0].rows;
    uint64_t filled = elapsed_steps(h, until) / h->shape.rra[0].pdp_cnt;
    const unsigned char *first = p->bytes + p->rg[0].len;
    size_t per = (size_t)(h->row / sizeof(double));
    for (uint64_t k = 1; k <= filled && k < rows + 1; k++) {
        double v;
        for (size_t d = 0; d < per; d++) {
            memcpy(&v, first + (size_t)((k % rows) * h->row) + d * sizeof v,
                   sizeof v);
            if (!isnan(v))
                return 0;
        }
    }
    return 1;
}

int bt_rrd_read_ring(int fd, const char *path, struct bt_rrd_ring *out,
                     struct bt_error *e)
{
    struct bt_rrd_head h;
    memset(out, 0, sizeof *out);
    if (bt_rrd_head_read(fd, path, &h, e) != 0)
        return -1;
    if (!h.laid_out) {
        not_laid_out(&h, path, e);
        bt_rrd_head_release(&h);
        return -1;
    }
    size_t rows = h.shape.rra[0].rows, per = (size_t)(h.row / sizeof(double));
    size_t bytes = rows * (size_t)h.row;
    unsigned char *raw = h.bytes + h.size;
    unsigned char *own = NULL;
    if (h.size + bytes > h.len) { /* the rows beyond the first read */
        own = raw = bt_xmalloc(bytes);
        if (read_at(fd, raw, bytes, (off_t)h.size) != 0) {
            free(own);
            bt_rrd_head_release(&h);
            return bt_fail(e, "'%s' is truncated", path);
        }
    }
    out->v = bt_xmalloc(rows * sizeof *out->v);
    size_t cur = h.cur_row[0];
    for (size_t i = 0; i < rows; i++) /* the row after the current: oldest */
        memcpy(&out->v[i], raw + ((cur + 1 + i) % rows) * per * sizeof(double),
               sizeof(double));
    free(own);
    out->n = rows;
    out->step = h.shape.step;
    out->pdp_cnt = h.shape.rra[0].pdp_cnt;
    out->ds_cnt = h.shape.ds_cnt;
    time_t step = (time_t)h.shape.step * (time_t)(out->pdp_cnt ? out->pdp_cnt : 1);
    out->end = h.shape.last_up - h.shape.last_up % (step ? step : 1);
    bt_rrd_head_release(&h);
    return 0;
}
