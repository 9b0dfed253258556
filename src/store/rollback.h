/* rollback.h - a rollback journal: the bytes of files about to be changed
 * in place, saved so that the change can be undone (SQLite's idea).
 *
 * The file holds the magic line "baytrack rollback 3\n", then one record
 * per saved range:
 *
 *     u32 path length, path (relative to the database), u64 offset,
 *     u64 length, the bytes as they were
 *
 * or, for a log that is appended to (loads.csv, added.csv, revisions.csv,
 * flags.csv at the top of the database), a cut record: its path, u64 the log's
 * length before, and a length of BT_ROLLBACK_CUT with no bytes (undone by
 * cutting the log back to that length); then an end record (a path
 * length of 0) and a 64-bit checksum of everything before it: FNV-1a
 * over its 8-byte words, each step's product folded as h ^= h >> 32,
 * then byte by byte over the last under 8 bytes; all integers in the
 * machine's byte order (the files it saves are in that order too). A journal is only ever put in place complete and synced, so
 * recovery can trust one that checks out and refuses one that does not.
 * Journals of version 2 (FNV-1a 64 byte by byte) and 1 (that, and no cut
 * record) are undone as well.
 */
#ifndef BT_ROLLBACK_H
#define BT_ROLLBACK_H

#include <stdint.h>
#include <stdio.h>

#include "base/buf.h"

#include "base/error.h"
#include "store_format.h"

struct bt_rollback {
    int fd;        /* the journal being written, or -1 */
    struct bt_buf out; /* owned: bytes not yet written to fd */
    char *path;    /* owned: where it is being written */
    uint64_t sum;  /* checksum of what was written so far */
    size_t ranges; /* ranges saved */
    int finished;  /* bt_rollback_finish wrote it whole and synced it */
};

/* Starts writing a journal at path (replacing any file there). */
int bt_rollback_begin(struct bt_rollback *r, const char *path,
                      struct bt_error *e);

#define BT_ROLLBACK_CUT UINT64_MAX /* the length field of a cut record */

/* Saves the ranges rg[0..n) of the series file rel (relative to the
 * database directory), whose bytes as they are now are bytes[], the
 * ranges' contents one after another (a struct bt_rrd_preimage). */
int bt_rollback_put(struct bt_rollback *r, const char *rel,
                    const struct bt_range *rg, size_t n,
                    const unsigned char *bytes, struct bt_error *e);

/* Saves that the log rel (a file at the top of the database that only
 * grows: bt_rollback_log_ok) is len bytes long now, so that undoing cuts
 * off whatever is appended to it after. */
int bt_rollback_cut(struct bt_rollback *r, const char *rel, uint64_t len,
                    struct bt_error *e);

/* Whether rel names a log a cut record may name. */
int bt_rollback_log_ok(const char *rel);

/* Writes the end record and checksum and fsyncs the journal, then closes
 * it. The caller renames it into place. */
int bt_rollback_finish(struct bt_rollback *r, struct bt_error *e);

/* Closes and deletes an unfinished journal; frees *r. Safe after finish. */
void bt_rollback_release(struct bt_rollback *r);

/* Writes every saved range of the journal at path back into the files
 * under dir, cuts each log back to its saved length, and fsyncs them;
 * before it restores a series file, calls before(ctx, its path) (NULL: no
 * call). Every path the journal names is checked to be a series file (a
 * log, for a cut record) inside dir, reached through no link.
 * Returns 0, or -1 with *e (the journal is damaged, names another file,
 * or a file cannot be written). Repeating it is harmless. */
int bt_rollback_undo(const char *dir, const char *path,
                     void (*before)(void *ctx, const char *path), void *ctx,
                     struct bt_error *e);

#endif
