/* fileio.h - whole-file reads and durable, atomic writes. */
#ifndef BT_FILEIO_H
#define BT_FILEIO_H

#include <stddef.h>
#include <stdint.h>

#include "buf.h"
#include "error.h"


/* Reads the whole file at path into *out (NUL-terminated, len excludes it).
 * 0, or -1 with *e and errno: ENOENT when there is no file, EINVAL when it
 * is not a regular one (a FIFO, never waited on). */
int bt_file_read(const char *path, struct bt_buf *out, struct bt_error *e);
/* bt_file_read, refusing a path whose last part is a symbolic link
 * ("'PATH' is not a regular file (a symbolic link)"), for files baytrack
 * finds on its own in a folder others write to (the spool). */
int bt_file_read_nofollow(const char *path, struct bt_buf *out,
                          struct bt_error *e);

/* Writes all len bytes of data to fd (again after EINTR or a short
 * write); 0, or -1 with errno. */
int bt_write_all(int fd, const void *data, size_t len);
/* The same at offset at, with pwrite(2). */
int bt_pwrite_all(int fd, const void *data, size_t len, uint64_t at);

/* Writes data to path atomically and durably: a temporary file beside it,
 * fsync, rename over path, fsync of the directory. */
int bt_file_write_atomic(const char *path, const void *data, size_t len,
                         struct bt_error *e);

/* Writes data to path atomically, not durably: a temporary file renamed
 * over path, so a reader sees the old file or the new one, never half of
 * one; after a power cut either may be there. For output that is made
 * again from the database (the report). */
int bt_file_replace(const char *path, const void *data, size_t len,
                    struct bt_error *e);

/* fsyncs the file at path. */
int bt_fsync_path(const char *path, struct bt_error *e);
/* fsyncs the directory holding path (after a rename or create in it). */
int bt_fsync_parent(const char *path, struct bt_error *e);
/* Fails, saying which, when root/rel or a directory on the way to it
 * below root is a symbolic link (root itself may be one). A missing
 * entry is fine. */
int bt_no_links(const char *root, const char *rel, struct bt_error *e);

/* Creates directory path and its parents (mode 0755); fine if it exists. */
int bt_mkdir_p(const char *path, struct bt_error *e);

#endif
