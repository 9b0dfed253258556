/* fileio.c - whole-file reads and durable, atomic writes (see fileio.h). */
#include "fileio.h"

#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* bt_file_read, with extra open flags (O_NOFOLLOW or 0). */
static int read_whole(const char *path, int flags, struct bt_buf *out,
                      struct bt_error *e)
{
    memset(out, 0, sizeof *out);
    int fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK | flags); /* a FIFO: refused below, never waited on */
    if (fd < 0 && errno == ELOOP && (flags & O_NOFOLLOW))
        return bt_fail(e, "'%s' is not a regular file (a symbolic link)", path);
    if (fd < 0)
        return bt_fail_errno(e, "cannot open '%s'", path);
    struct stat st;
    if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
        close(fd);
        errno = EINVAL; /* not an earlier call's: a caller may test it */
        return bt_fail(e, "'%s' is not a regular file", path);
    }
    bt_grow((void **)&out->data, &out->cap, (size_t)st.st_size + 1, 1);
    for (;;) {
        if (out->len + 1 >= out->cap)
            bt_grow((void **)&out->data, &out->cap, out->cap * 2, 1);
        ssize_t n = read(fd, out->data + out->len, out->cap - out->len - 1);
        if (n == 0)
            break;
        if (n < 0) {
            if (errno == EINTR)
                continue;
            bt_fail_errno(e, "cannot read '%s'", path);
            close(fd);
            bt_buf_release(out);
            return -1;
        }
        out->len += (size_t)n;
    }
    out->data[out->len] = '\0';
    close(fd);
    return 0;
}

int bt_file_read(const char *path, struct bt_buf *out, struct bt_error *e)
{
    return read_whole(path, 0, out, e);
}

int bt_file_read_nofollow(const char *path, struct bt_buf *out,
                          struct bt_error *e)
{
    return read_whole(path, O_NOFOLLOW, out, e);
}

int bt_fsync_path(const char *path, struct bt_error *e)
{
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return bt_fail_errno(e, "cannot open '%s'", path);
    int rc = fsync(fd);
    close(fd);
    return rc == 0 ? 0 : bt_fail_errno(e, "cannot sync '%s'", path);
}

int bt_fsync_parent(const char *path, struct bt_error *e)
{
    char dir[4096];
    snprintf(dir, sizeof dir, "%s", path);
    char *slash = strrchr(dir, '/');
    if (!slash)
        strcpy(dir, ".");
    else if (slash == dir)
        dir[1] = '\0';
    else
        *slash = '\0';
    return bt_fsync_path(dir, e);
}

/* Writes all len bytes of data to fd, at offset at with pwrite, or with
 * write when at is negative; again after EINTR or a short write. */
static int write_loop(int fd, const void *data, size_t len, int64_t at)
{
    const char *p = data;
    while (len > 0) {
        ssize_t n = at < 0 ? write(fd, p, len) : pwrite(fd, p, len, (off_t)at);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0) {
            if (n == 0)
                errno = EIO;
            return -1;
        }
        p += n;
        len -= (size_t)n;
        at += at < 0 ? 0 : n;
    }
    return 0;
}

int bt_write_all(int fd, const void *data, size_t len)
{
    return write_loop(fd, data, len, -1);
}

int bt_pwrite_all(int fd, const void *data, size_t len, uint64_t at)
{
    return write_loop(fd, data, len, (int64_t)at);
}

/* Writes a temporary file beside path and renames it over path; with
 * durable, fsyncs the file before and the directory after. */
static int write_replace(const char *path, const void *data, size_t len,
                         int durable, struct bt_error *e)
{
    char tmp[4200];
    snprintf(tmp, sizeof tmp, "%s.tmp.%ld", path, (long)getpid());
    int fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (fd < 0)
        return bt_fail_errno(e, "cannot create '%s'", tmp);
    if (bt_write_all(fd, data, len) != 0) {
        bt_fail_errno(e, "cannot write '%s'", tmp);
        goto fail;
    }
    if (durable && fsync(fd) != 0) {
        bt_fail_errno(e, "cannot sync '%s'", tmp);
        goto fail;
    }
    if (close(fd) != 0) {
        fd = -1;
        bt_fail_errno(e, "cannot write '%s'", tmp);
        goto fail;
    }
    if (rename(tmp, path) != 0) {
        bt_fail_errno(e, "cannot rename '%s' to '%s'", tmp, path);
        unlink(tmp);
        return -1;
    }
    return durable ? bt_fsync_parent(path, e) : 0;
fail:
    if (fd >= 0)
        close(fd);
    unlink(tmp);
    return -1;
}

int bt_file_write_atomic(const char *path, const void *data, size_t len,
                         struct bt_error *e)
{
    return write_replace(path, data, len, 1, e);
}

int bt_file_replace(const char *path, const void *data, size_t len,
                    struct bt_error *e)
{
    return write_replace(path, data, len, 0, e);
}

int bt_no_links(const char *root, const char *rel, struct bt_error *e)
{
    struct bt_buf path = {0};
    bt_buf_addf(&path, "%s/%s", root, rel);
    int rc = 0;
    for (char *p = path.data + strlen(root) + 1; rc == 0 && p;) {
        char *slash = strchr(p, '/');
        if (slash)
            *slash = '\0';
        struct stat st;
        if (lstat(path.data, &st) != 0) {
            if (errno != ENOENT)
                rc = bt_fail_errno(e, "cannot read '%s'", path.data);
            break;
        }
        if (S_ISLNK(st.st_mode))
            rc = bt_fail(e, "'%s' is a symbolic link: baytrack follows no "
                         "link inside the database or the site it "
                         "writes (put the file or directory itself there)", path.data);
        if (slash)
            *slash = '/';
        p = slash ? slash + 1 : NULL;
    }
    bt_buf_release(&path);
    return rc;
}

int bt_mkdir_p(const char *path, struct bt_error *e)
{
    char buf[4096];
    size_t n = strlen(path);
    if (n >= sizeof buf)
        return bt_fail(e, "path '%s' is too long (more than %zu bytes)",
                       path, sizeof buf - 1);
    memcpy(buf, path, n + 1);
    for (char *p = buf + 1; *p; p++) {
        if (*p != '/')
            continue;
        *p = '\0';
        if (mkdir(buf, 0755) != 0 && errno != EEXIST)
            return bt_fail_errno(e, "cannot create directory '%s'", buf);
        *p = '/';
    }
    if (mkdir(buf, 0755) != 0 && errno != EEXIST)
        return bt_fail_errno(e, "cannot create directory '%s'", buf);
    return 0;
}
