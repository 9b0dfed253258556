/* tmparea.c - an output directory's own temporary area (see tmparea.h). */
#include "tmparea.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <unistd.h>

/* Removes every file of the area but its lock (what killed writers left). */
static int empty_area(const char *dir, struct bt_error *e)
{
    DIR *d = opendir(dir);
    if (!d)
        return bt_fail_errno(e, "cannot open '%s'", dir);
    int rc = 0;
    struct bt_buf path = {0};
    for (struct dirent *de; rc == 0 && (de = readdir(d));) {
        if (strcmp(de->d_name, ".") == 0 || strcmp(de->d_name, "..") == 0 ||
            strcmp(de->d_name, ".lock") == 0)
            continue;
        path.len = 0;
        bt_buf_addf(&path, "%s/%s", dir, de->d_name);
        if (unlink(path.data) != 0 && errno != ENOENT)
            rc = bt_fail_errno(e, "cannot remove '%s'", path.data);
    }
    closedir(d);
    bt_buf_release(&path);
    return rc;
}

int bt_tmparea_open(struct bt_tmparea *t, const char *dir, struct bt_error *e)
{
    struct bt_buf path = {0};
    memset(t, 0, sizeof *t);
    t->lock_fd = -1;
    bt_buf_addf(&path, "%s/.tmp", dir);
    t->root = bt_xstrdup(dir);
    t->dir = bt_xstrdup(path.data);
    int rc = bt_mkdir_p(t->dir, e);
    if (rc == 0) /* a linked area would be emptied elsewhere */
        rc = bt_no_links(dir, ".tmp", e);
    bt_buf_puts(&path, "/.lock");
    if (rc == 0) {
        t->lock_fd = open(path.data, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0644);
        if (t->lock_fd < 0)
            rc = bt_fail_errno(e, "cannot open '%s'", path.data);
    }
    if (rc == 0 && flock(t->lock_fd, LOCK_EX | LOCK_NB) == 0)
        rc = empty_area(t->dir, e); /* alone: what is there is debris */
    while (rc == 0 && flock(t->lock_fd, LOCK_SH) != 0)
        if (errno != EINTR)
            rc = bt_fail_errno(e, "cannot lock '%s'", path.data);
    bt_buf_release(&path);
    return rc;
}

void bt_tmparea_path(struct bt_tmparea *t, const char *suffix,
                     struct bt_buf *out)
{
    bt_buf_addf(out, "%s/%ld-%lu%s", t->dir, (long)getpid(), ++t->seq, suffix);
}

int bt_tmparea_commit(const struct bt_tmparea *t, const char *tmp,
                      const char *path, struct bt_error *e)
{
    size_t n = strlen(t->root);
    int inside = strncmp(path, t->root, n) == 0 && path[n] == '/';
    if (inside && bt_no_links(t->root, path + n + 1, e) != 0) {
        unlink(tmp);
        return -1;
    }
    if (rename(tmp, path) == 0)
        return 0;
    bt_fail_errno(e, "cannot rename '%s' to '%s'", tmp, path);
    unlink(tmp);
    return -1;
}

int bt_tmparea_replace(struct bt_tmparea *t, const char *path,
                       const void *data, size_t len, struct bt_error *e)
{
    struct bt_buf tmp = {0};
    bt_tmparea_path(t, "", &tmp);
    int rc = 0;
    int fd = open(tmp.data, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | O_NOFOLLOW, 0644);
    if (fd < 0)
        rc = bt_fail_errno(e, "cannot create '%s'", tmp.data);
    for (const char *p = data; rc == 0 && len > 0;) {
        ssize_t n = write(fd, p, len);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            rc = bt_fail_errno(e, "cannot write '%s'", tmp.data);
        else
            p += n, len -= (size_t)n;
    }
    if (fd >= 0 && close(fd) != 0 && rc == 0)
        rc = bt_fail_errno(e, "cannot write '%s'", tmp.data);
    if (rc == 0)
        rc = bt_tmparea_commit(t, tmp.data, path, e);
    else if (fd >= 0)
        unlink(tmp.data);
    bt_buf_release(&tmp);
    return rc;
}

void bt_tmparea_close(struct bt_tmparea *t)
{
    if (t->lock_fd >= 0)
        close(t->lock_fd);
    free(t->root);
    free(t->dir);
    memset(t, 0, sizeof *t);
    t->lock_fd = -1;
}
