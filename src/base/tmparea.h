/* tmparea.h - an output directory's own temporary area, DIR/.tmp/.
 *
 * Every file of DIR is written in DIR/.tmp/ and renamed into place, so a
 * reader of DIR sees each file whole, the old one or the new, and a writer
 * killed at any moment leaves its debris in DIR/.tmp/ only: nothing in the
 * system's temporary directory, nothing half-written in DIR. The next
 * writer empties the area first.
 *
 * Writers may share a directory: each holds DIR/.tmp/.lock shared while it
 * works, and only one that gets it exclusively (no other writer alive)
 * empties the area. Names in the area carry the writer's pid and a count,
 * so two writers never meet. Nothing is synced: this is for output that is
 * made again from the database (the report).
 */
#ifndef BT_TMPAREA_H
#define BT_TMPAREA_H

#include <stddef.h>

#include "error.h"
#include "fileio.h"

struct bt_tmparea {
    char *root;         /* owned: DIR */
    char *dir;          /* owned: DIR/.tmp */
    int lock_fd;        /* DIR/.tmp/.lock, held shared; -1 when closed */
    unsigned long seq;  /* names given so far */
};

/* Creates DIR and DIR/.tmp/ if needed, takes the area's lock and, when no
 * other writer holds it, removes what killed writers left there. Returns
 * 0, or -1 (*e). Close *t in every case. */
int bt_tmparea_open(struct bt_tmparea *t, const char *dir, struct bt_error *e);

/* Appends a fresh path in the area, ending in suffix (".svg", "" ...). */
void bt_tmparea_path(struct bt_tmparea *t, const char *suffix,
                     struct bt_buf *out);

/* Writes data to a fresh file of the area, then renames it to path (a
 * file of DIR): a reader sees the old file or the new, whole. */
int bt_tmparea_replace(struct bt_tmparea *t, const char *path,
                       const void *data, size_t len, struct bt_error *e);

/* Renames tmp (a path of the area) to path; tmp is gone either way. A
 * path inside DIR is refused when a directory on its way, or path itself,
 * is a symbolic link (so that nothing is written through a link planted
 * in the output directory). */
int bt_tmparea_commit(const struct bt_tmparea *t, const char *tmp,
                      const char *path, struct bt_error *e);

/* Releases the lock and the memory. The caller has renamed or removed the
 * files it made. */
void bt_tmparea_close(struct bt_tmparea *t);

#endif
