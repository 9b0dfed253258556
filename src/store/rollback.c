/* rollback.c - the rollback journal (see rollback.h). */
#include "rollback.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base/fileio.h"
#include "loadlog.h"
#include "model/series.h"

static const char MAGIC[] = "baytrack rollback 3\n";
static const char MAGIC_V2[] = "baytrack rollback 2\n"; /* byte sum */
static const char MAGIC_V1[] = "baytrack rollback 1\n"; /* no cut record */

#define FNV_BASIS 1469598103934665603ull
#define FNV_PRIME 1099511628211ull
#define OUT_CHUNK 65536 /* bytes written at once */

/* FNV-1a 64 of n bytes, from h: the checksum of journals of version 1
 * and 2, and of the last under 8 bytes of one of version 3. */
static uint64_t fnv(uint64_t h, const void *p, size_t n)
{
    const unsigned char *s = p;
    for (size_t i = 0; i < n; i++)
        h = (h ^ s[i]) * FNV_PRIME;
    return h;
}

/* The checksum of version 3 over n bytes, a multiple of 8, from h: FNV-1a
 * over 8-byte words, each product folded (h ^= h >> 32) so that a change
 * in any bit reaches every later one. Eight times fewer steps than fnv. */
static uint64_t fnv_words(uint64_t h, const unsigned char *p, size_t n)
{
    for (size_t i = 0; i < n; i += 8) {
        uint64_t w;
        memcpy(&w, p + i, 8);
        h = (h ^ w) * FNV_PRIME;
        h ^= h >> 32;
    }
    return h;
}

/* Writes the pending bytes to the journal, all of them when last, else a
 * multiple of 8 of them (the rest stays pending), adding them to the
 * checksum; 0 or -1 (errno). */
static int flush(struct bt_rollback *r, int last)
{
    size_t n = last ? r->out.len : r->out.len & ~(size_t)7;
    size_t words = n & ~(size_t)7;
    r->sum = fnv_words(r->sum, (const unsigned char *)r->out.data, words);
    if (last)
        r->sum = fnv(r->sum, r->out.data + words, n - words);
    if (bt_write_all(r->fd, r->out.data, n) != 0)
        return -1;
    memmove(r->out.data, r->out.data + n, r->out.len - n);
    r->out.len -= n;
    return 0;
}

/* Adds n bytes to the journal (written out in chunks of OUT_CHUNK). */
static int put(struct bt_rollback *r, const void *p, size_t n)
{
    bt_buf_add(&r->out, p, n);
    return r->out.len >= OUT_CHUNK ? flush(r, 0) : 0;
}

int bt_rollback_begin(struct bt_rollback *r, const char *path,
                      struct bt_error *e)
{
    memset(r, 0, sizeof *r);
    r->sum = FNV_BASIS;
    r->path = bt_xstrdup(path);
    r->fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | O_NOFOLLOW, 0644);
    if (r->fd < 0)
        return bt_fail_errno(e, "cannot write '%s'", path);
    put(r, MAGIC, sizeof MAGIC - 1);
    return 0;
}

/* Writes the head of a record: rel, offset and length. */
static int put_record(struct bt_rollback *r, const char *rel, uint64_t off,
                      uint64_t len)
{
    uint32_t n = (uint32_t)strlen(rel);
    return put(r, &n, sizeof n) || put(r, rel, n) || put(r, &off, 8) ||
                   put(r, &len, 8)
               ? -1
               : 0;
}

int bt_rollback_put(struct bt_rollback *r, const char *rel,
                    const struct bt_range *rg, size_t n,
                    const unsigned char *bytes, struct bt_error *e)
{
    for (size_t i = 0; i < n; i++) {
        if (put_record(r, rel, rg[i].offset, rg[i].len) != 0 ||
            put(r, bytes, (size_t)rg[i].len) != 0)
            return bt_fail_errno(e, "cannot write '%s'", r->path);
        bytes += rg[i].len;
        r->ranges++;
    }
    return 0;
}

int bt_rollback_cut(struct bt_rollback *r, const char *rel, uint64_t len,
                    struct bt_error *e)
{
    if (put_record(r, rel, len, BT_ROLLBACK_CUT) != 0)
        return bt_fail_errno(e, "cannot write '%s'", r->path);
    r->ranges++;
    return 0;
}

int bt_rollback_log_ok(const char *rel)
{
    return strcmp(rel, BT_LOADS_LOG) == 0 || strcmp(rel, BT_ADDED_LOG) == 0 ||
           strcmp(rel, BT_REVISIONS_LOG) == 0 || strcmp(rel, BT_FLAGS_LOG) == 0;
}

int bt_rollback_finish(struct bt_rollback *r, struct bt_error *e)
{
    uint32_t end = 0;
    int rc = put(r, &end, sizeof end) == 0 && flush(r, 1) == 0 &&
                     bt_write_all(r->fd, &r->sum, sizeof r->sum) == 0 &&
                     fsync(r->fd) == 0
                 ? 0
                 : -1;
    if (rc != 0)
        bt_fail_errno(e, "cannot write '%s'", r->path);
    if (close(r->fd) != 0 && rc == 0)
        rc = bt_fail_errno(e, "cannot write '%s'", r->path);
    r->fd = -1;
    r->finished = rc == 0;
    return rc;
}

void bt_rollback_release(struct bt_rollback *r)
{
    if (r->path && r->fd >= 0) /* begun (a zeroed one was not) */
        close(r->fd);
    if (r->path && !r->finished) /* never complete: never put in place */
        unlink(r->path);
    bt_buf_release(&r->out);
    free(r->path);
    memset(r, 0, sizeof *r);
    r->fd = -1;
}

/* Reads a value of n bytes at *p if the journal holds it. */
static int take(const char **p, const char *end, void *out, size_t n)
{
    if ((size_t)(end - *p) < n)
        return -1;
    memcpy(out, *p, n);
    *p += n;
    return 0;
}

/* Whether j starts with the magic of a version this build undoes. */
static int known_version(const struct bt_buf *j)
{
    size_t m = sizeof MAGIC - 1;
    return j->len >= m && (memcmp(j->data, MAGIC, m) == 0 ||
                           memcmp(j->data, MAGIC_V2, m) == 0 ||
                           memcmp(j->data, MAGIC_V1, m) == 0);
}

/* Checks the journal's magic and checksum; sets *end to its end record. */
static int check(const struct bt_buf *j, const char **end)
{
    size_t m = sizeof MAGIC - 1, n = j->len - 8;
    uint64_t sum;
    int v3 = j->len >= m && memcmp(j->data, MAGIC, m) == 0;
    if (j->len < m + 4 + 8 || !known_version(j))
        return -1;
    memcpy(&sum, j->data + n, 8);
    *end = j->data + n;
    size_t words = v3 ? n & ~(size_t)7 : 0;
    uint64_t h = fnv_words(FNV_BASIS, (const unsigned char *)j->data, words);
    return fnv(h, j->data + words, n - words) == sum ? 0 : -1;
}

/* fsyncs and closes fd (if open); 0 or -1. */
static int close_synced(int fd, const char *path, struct bt_error *e)
{
    int rc = 0;
    if (fd >= 0 && fsync(fd) != 0)
        rc = bt_fail_errno(e, "cannot sync '%s'", path);
    if (fd >= 0)
        close(fd);
    return rc;
}

/* Cuts the log open as fd back to len bytes (a log never grows back:
 * a shorter one is left as it is). 0, or -1 with *e. */
static int cut(int fd, const char *path, uint64_t len, struct bt_error *e)
{
    struct stat st;
    if (fstat(fd, &st) != 0)
        return bt_fail_errno(e, "cannot restore '%s'", path);
    if ((uint64_t)st.st_size > len && ftruncate(fd, (off_t)len) != 0)
        return bt_fail_errno(e, "cannot restore '%s'", path);
    return 0;
}

/* Opens the next file a journal names, cur (len bytes at p), after the
 * last one is synced and closed: *fd and *file are set to it. A cut
 * record names a log, any other a series file; before is called for a
 * series file. 0, or -1 with *e. */
static int next_file(const char *dir, const char *jpath, const char *p,
                     uint32_t len, int is_cut, char cur[4096], int *fd,
                     struct bt_buf *file,
                     void (*before)(void *ctx, const char *path), void *ctx,
                     struct bt_error *e)
{
    int rc = close_synced(*fd, file->data, e);
    *fd = -1;
    memcpy(cur, p, len);
    cur[len] = '\0';
    file->len = 0;
    bt_buf_addf(file, "%s/%s", dir, cur);
    int named_ok = !memchr(cur, '\0', len) &&
                   (is_cut ? bt_rollback_log_ok(cur) : bt_series_rel_ok(cur));
    if (rc == 0 && !named_ok)
        rc = bt_fail(e, "rollback journal '%s' names '%.*s%s', which is "
                     "not a %s of the database", jpath, BT_SHOWN(cur),
                     is_cut ? "log" : "series file");
    if (rc == 0)
        rc = bt_no_links(dir, cur, e);
    if (rc == 0 && before && !is_cut)
        before(ctx, file->data);
    if (rc == 0 && (*fd = open(file->data, O_WRONLY | O_CLOEXEC | O_NOFOLLOW)) < 0)
        rc = bt_fail_errno(e, "cannot restore '%s'", file->data);
    return rc;
}

int bt_rollback_undo(const char *dir, const char *path,
                     void (*before)(void *ctx, const char *path), void *ctx,
                     struct bt_error *e)
{
    struct bt_buf j, file = {0};
    if (bt_file_read(path, &j, e) != 0)
        return -1;
    const char *end = j.data, *p = j.data + sizeof MAGIC - 1;
    char cur[4096] = "";
    int fd = -1, rc = 0;
    size_t m = sizeof MAGIC - 1; /* "baytrack rollback N\n" */
    int sound = check(&j, &end) == 0;
    if (!sound && j.len >= m && !known_version(&j) &&
        memcmp(j.data, MAGIC, m - 2) == 0) /* a newer baytrack's */
        rc = bt_fail(e, "rollback journal '%s' is of a version this baytrack "
                     "does not know (%.*s): undo it with the baytrack that "
                     "wrote it", path, (int)(m - 1), j.data);
    else if (!sound)
        rc = bt_fail(e, "rollback journal '%s' is damaged; the files it "
                     "names may hold a load half applied", path);
    while (rc == 0) {
        uint32_t len;
        uint64_t off = 0, n = 0;
        const char *name;
        if (take(&p, end, &len, 4) != 0 || len >= sizeof cur ||
            (size_t)(end - p) < len) {
            rc = bt_fail(e, "rollback journal '%s' is damaged", path);
            break;
        }
        if (len == 0)
            break; /* the end record */
        name = p;
        p += len;
        if (take(&p, end, &off, 8) || take(&p, end, &n, 8) ||
            (n != BT_ROLLBACK_CUT && (uint64_t)(end - p) < n)) {
            rc = bt_fail(e, "rollback journal '%s' is damaged", path);
            break;
        }
        int is_cut = n == BT_ROLLBACK_CUT;
        if (fd < 0 || strlen(cur) != len || memcmp(cur, name, len) != 0)
            rc = next_file(dir, path, name, len, is_cut, cur, &fd, &file,
                           before, ctx, e);
        if (rc == 0 && is_cut)
            rc = cut(fd, file.data, off, e);
        else if (rc == 0 && pwrite(fd, p, (size_t)n, (off_t)off) != (ssize_t)n)
            rc = bt_fail_errno(e, "cannot restore '%s'", file.data);
        p += rc == 0 && !is_cut ? n : 0;
    }
    if (close_synced(fd, file.data, e) != 0)
        rc = -1;
    bt_buf_release(&file);
    bt_buf_release(&j);
    return rc;
}
