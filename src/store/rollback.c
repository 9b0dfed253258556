/* rollback.c - the rollback journal (see rollback.h). */
#include "rollback.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "base/fileio.h"
#include "model/series.h"

static const char MAGIC[] = "baytrack rollback 1\n";

static uint64_t fnv(uint64_t h, const void *p, size_t n)
{
    const unsigned char *s = p;
    for (size_t i = 0; i < n; i++)
        h = (h ^ s[i]) * 1099511628211ull;
    return h;
}

/* Writes n bytes to the journal and adds them to the checksum. */
static int put(struct bt_rollback *r, const void *p, size_t n)
{
    r->sum = fnv(r->sum, p, n);
    return fwrite(p, 1, n, r->f) == n ? 0 : -1;
}

int bt_rollback_begin(struct bt_rollback *r, const char *path,
                      struct bt_error *e)
{
    memset(r, 0, sizeof *r);
    r->sum = 1469598103934665603ull;
    r->path = bt_xstrdup(path);
    int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (fd < 0 || !(r->f = fdopen(fd, "wb"))) {
        if (fd >= 0)
            close(fd);
        return bt_fail_errno(e, "cannot write '%s'", path);
    }
    if (put(r, MAGIC, sizeof MAGIC - 1) != 0)
        return bt_fail_errno(e, "cannot write '%s'", path);
    return 0;
}

int bt_rollback_save(struct bt_rollback *r, const char *rel, int fd,
                     const struct bt_range *rg, size_t n, struct bt_error *e)
{
    char buf[8192];
    uint32_t len = (uint32_t)strlen(rel);
    for (size_t i = 0; i < n; i++) {
        if (put(r, &len, sizeof len) || put(r, rel, len) ||
            put(r, &rg[i].offset, 8) || put(r, &rg[i].len, 8))
            return bt_fail_errno(e, "cannot write '%s'", r->path);
        for (uint64_t done = 0; done < rg[i].len;) {
            size_t k = rg[i].len - done < sizeof buf ? (size_t)(rg[i].len - done)
                                                     : sizeof buf;
            if (pread(fd, buf, k, (off_t)(rg[i].offset + done)) != (ssize_t)k)
                return bt_fail(e, "cannot read %zu bytes of '%s' at %llu", k,
                               rel, (unsigned long long)(rg[i].offset + done));
            if (put(r, buf, k) != 0)
                return bt_fail_errno(e, "cannot write '%s'", r->path);
            done += k;
        }
        r->ranges++;
    }
    return 0;
}

int bt_rollback_finish(struct bt_rollback *r, struct bt_error *e)
{
    uint32_t end = 0;
    int rc = put(r, &end, sizeof end);
    uint64_t sum = r->sum;
    if (rc == 0)
        rc = fwrite(&sum, sizeof sum, 1, r->f) == 1 ? 0 : -1;
    if (rc == 0)
        rc = fflush(r->f) == 0 && fsync(fileno(r->f)) == 0 ? 0 : -1;
    if (rc != 0)
        bt_fail_errno(e, "cannot write '%s'", r->path);
    if (fclose(r->f) != 0 && rc == 0)
        rc = bt_fail_errno(e, "cannot write '%s'", r->path);
    r->f = NULL;
    return rc;
}

void bt_rollback_release(struct bt_rollback *r)
{
    if (r->f) {
        fclose(r->f);
        unlink(r->path);
    }
    free(r->path);
    memset(r, 0, sizeof *r);
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

/* Checks the journal's magic and checksum; sets *end to its end record. */
static int check(const struct bt_buf *j, const char **end)
{
    size_t m = sizeof MAGIC - 1;
    uint64_t sum;
    if (j->len < m + 4 + 8 || memcmp(j->data, MAGIC, m) != 0)
        return -1;
    memcpy(&sum, j->data + j->len - 8, 8);
    *end = j->data + j->len - 8;
    return fnv(1469598103934665603ull, j->data, j->len - 8) == sum ? 0 : -1;
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
    if (check(&j, &end) != 0)
        rc = bt_fail(e, "rollback journal '%s' is damaged; the files it "
                     "names may hold a load half applied", path);
    while (rc == 0) {
        uint32_t len;
        uint64_t off = 0, n = 0;
        if (take(&p, end, &len, 4) != 0 || len >= sizeof cur ||
            (size_t)(end - p) < len) {
            rc = bt_fail(e, "rollback journal '%s' is damaged", path);
            break;
        }
        if (len == 0)
            break; /* the end record */
        if (strlen(cur) != len || memcmp(cur, p, len) != 0) {
            /* the next file: the last one's bytes are back, sync it */
            rc = close_synced(fd, file.data, e);
            fd = -1;
            memcpy(cur, p, len);
            cur[len] = '\0';
            file.len = 0;
            bt_buf_addf(&file, "%s/%s", dir, cur);
            if (rc == 0 && (memchr(cur, '\0', len) || !bt_series_rel_ok(cur)))
                rc = bt_fail(e, "rollback journal '%s' names '%.*s%s', which is "
                             "not a series file of the database", path,
                             BT_SHOWN(cur));
            if (rc == 0)
                rc = bt_no_links(dir, cur, e);
            if (rc == 0 && before)
                before(ctx, file.data);
            if (rc == 0 && (fd = open(file.data, O_WRONLY | O_CLOEXEC |
                                                 O_NOFOLLOW)) < 0)
                rc = bt_fail_errno(e, "cannot restore '%s'", file.data);
        }
        p += len;
        if (rc == 0 && (take(&p, end, &off, 8) || take(&p, end, &n, 8) ||
                        (uint64_t)(end - p) < n))
            rc = bt_fail(e, "rollback journal '%s' is damaged", path);
        if (rc == 0 && pwrite(fd, p, (size_t)n, (off_t)off) != (ssize_t)n)
            rc = bt_fail_errno(e, "cannot restore '%s'", file.data);
        p += rc == 0 ? n : 0;
    }
    if (close_synced(fd, file.data, e) != 0)
        rc = -1;
    bt_buf_release(&file);
    bt_buf_release(&j);
    return rc;
}
