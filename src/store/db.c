/* db.c - the database directory (see db.h). */
#define _GNU_SOURCE /* syncfs */
#include "db.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "base/csv_read.h"
#include "base/number.h"
#include "base/parallel.h"
#include "model/series.h"
#include "loadlog.h"
#include "rollback.h"
#include "rrd_number.h"
#include "store_format.h"
#include "store_rrd.h"

/* Test hook: BAYTRACK_TEST_CRASH=POINT kills the process at that point of
 * a commit (staged, journaled, logged, appended-half, appended,
 * committed, renamed-one; docs/storage.md), as a power cut would, so the tests can
 * show that recovery rolls back or forward. */
static void crash_point(const char *point)
{
    const char *want = getenv("BAYTRACK_TEST_CRASH");
    if (want && strcmp(want, point) == 0)
        bt_parallel_die(SIGKILL);
}

/* Test hook: BAYTRACK_TEST_FAIL=rename makes every rename of a journal
 * fail, and BAYTRACK_TEST_FAIL=append every append in place from the
 * middle of a load's on, as a full or broken disk would, so that the
 * tests can show what a commit that cannot put everything in place
 * leaves. 0, or -1 with *e. */
static int fail_point(const char *point, const char *path, struct bt_error *e)
{
    const char *want = getenv("BAYTRACK_TEST_FAIL");
    if (want && strcmp(want, point) == 0)
        return bt_fail(e, "cannot %s '%s': BAYTRACK_TEST_FAIL=%s", point,
                       path, point);
    return 0;
}

void bt_db_init(struct bt_db *db, const char *dir, const char *daemon)
{
    db->dir = bt_xstrdup(dir);
    db->store = bt_xcalloc(1, sizeof *db->store);
    db->store->daemon = daemon;
    db->store->root = db->dir;
    db->lock_fd = db->read_fd = -1;
    db->store->timeout = BT_DAEMON_TIMEOUT;
    db->store->cached = 1;
    db->wait = 0;
    db->warned = 0;
    db->recovered = (struct bt_buf){0};
    db->skip_unreadable = 0;
    db->skipped = (struct bt_buf){0};
    db->nskipped = 0;
    db->flags_listed = (struct bt_flags_dir){0};
    db->nstaged = 0;
}

void bt_db_skip_unreadable(struct bt_db *db)
{
    db->skip_unreadable = 1;
}

/* In skip mode (bt_db_skip_unreadable), records that rel could not be
 * read, *e saying why (once per file), and returns 1; else returns -1. */
static int skip_unreadable(struct bt_db *db, const char *rel,
                           const struct bt_error *e)
{
    if (!db->skip_unreadable || db->store->down)
        return -1;
    size_t n = strlen(rel);
    for (const char *p = db->skipped.data; p && *p; p = strchr(p, '\n') + 1)
        if (strncmp(p, rel, n) == 0 && p[n] == '\t')
            return 1;
    bt_buf_addf(&db->skipped, "%s\t%s\n", rel, e->msg);
    db->nskipped++;
    return 1;
}

void bt_db_release(struct bt_db *db)
{
    bt_db_unlock(db);
    if (db->read_fd >= 0)
        close(db->read_fd);
    db->read_fd = -1;
    free(db->dir);
    db->dir = NULL;
    bt_store_head_drop(db->store);
    free(db->store);
    db->store = NULL;
    bt_buf_release(&db->skipped);
    bt_buf_release(&db->recovered);
}

void bt_db_set_daemon_timeout(struct bt_db *db, double seconds)
{
    db->store->timeout = seconds;
}

int bt_db_daemon_down(const struct bt_db *db, struct bt_error *why)
{
    if (db->store->down && why)
        *why = db->store->why_down;
    return db->store->down;
}

/* The path of DB/rel, in *out (emptied first). */
static const char *series_path(const struct bt_db *db, const char *rel,
                               struct bt_buf *out)
{
    out->len = 0;
    bt_db_path(db, rel, out);
    return out->data;
}

int bt_db_last(struct bt_db *db, const char *rel, bt_day *last,
               struct bt_error *e)
{
    struct bt_buf path = {0};
    int rc = bt_store_last(db->store, series_path(db, rel, &path), last, e);
    bt_buf_release(&path);
    return rc;
}

int bt_db_read(struct bt_db *db, const char *rel, struct bt_points *out,
               struct bt_error *e)
{
    struct bt_buf path = {0};
    int rc = bt_store_read(db->store, series_path(db, rel, &path), out, e);
    bt_buf_release(&path);
    if (rc < 0 && (rc = skip_unreadable(db, rel, e)) > 0)
        out->n = 0;
    return rc;
}

int bt_db_read_range(struct bt_db *db, const char *rel, bt_day from,
                     bt_day to, struct bt_points *out, struct bt_error *e)
{
    struct bt_buf path = {0};
    int rc = bt_store_read_range(db->store, series_path(db, rel, &path), from,
                                 to, out, e);
    bt_buf_release(&path);
    return rc;
}

int bt_db_flags(struct bt_db *db, const char *rel, struct bt_flags *f,
                struct bt_error *e)
{
    struct bt_buf frel = {0}, path = {0};
    bt_flags_path(rel, &frel);
    bt_db_path(db, frel.data, &path);
    int rc = 0;
    if (db->lock_fd >= 0 && !bt_flags_dir_has(&db->flags_listed, path.data))
        bt_flags_release(f); /* none there */
    else
        rc = bt_flags_read(path.data, f, e);
    bt_buf_release(&frel);
    bt_buf_release(&path);
    return rc;
}

double bt_db_kept(double v)
{
    return bt_rrd_kept(v);
}

int bt_db_same_value(double stored, double v, double *kept)
{
    /* either v is the stored double, or storing v gives it, or both
     * settle on the same kept value (a value an earlier release stored
     * may not be one librrd keeps as itself) */
    if (stored == v)
        return 1;
    double s = bt_rrd_stored(v);
    if (s == stored)
        return 1;
    *kept = bt_rrd_kept(s);
    return bt_rrd_kept(stored) == *kept;
}

void bt_db_path(const struct bt_db *db, const char *rel, struct bt_buf *out)
{
    bt_buf_puts(out, db->dir); /* no printf: a few times a series */
    bt_buf_add(out, "/", 1);
    bt_buf_puts(out, rel);
}

/* Whether name is one bt_txn_add gives a staged file: PID-N.rrd. */
static int staged_name(const char *name)
{
    const char *p = name;
    size_t pid = strspn(p, "0123456789");
    if (pid == 0 || p[pid] != '-')
        return 0;
    p += pid + 1;
    size_t n = strspn(p, "0123456789");
    return n > 0 && strcmp(p + n, ".rrd") == 0;
}

/* Whether a journal line "tmp<TAB>final" is one a commit writes: a
 * file staged in .tmp/ under a name bt_txn_add gives, renamed to a
 * series' file or a log at the top. */
static int journal_line_ok(const char *tmp, const char *final)
{
    return strncmp(tmp, ".tmp/", 5) == 0 && staged_name(tmp + 5) &&
           (bt_series_rel_ok(final) ||
            (*final && *final != '.' && !strchr(final, '/')));
}

/* Whether s holds no control character (a journal is text). */
static int is_text(const char *s)
{
    for (const unsigned char *p = (const unsigned char *)s; *p; p++)
        if (*p < 0x20 || *p == 0x7f)
            return 0;
    return 1;
}

/* Whether s holds no control character but tabs (a journal line). */
static int is_text_line(const char *s)
{
    for (const unsigned char *p = (const unsigned char *)s; *p; p++)
        if ((*p < 0x20 && *p != '\t') || *p == 0x7f)
            return 0;
    return 1;
}

/* Checks journal text[0..len) whole before anything is acted on: it
 * must be lines "STAGED<TAB>FILE\n", each text (no NUL or control
 * byte) and one a commit writes (journal_line_ok), at least one. So a
 * journal baytrack did not write is refused, never taken for a
 * committed load. Returns 0, or -1 with *e naming the journal. */
static int journal_parses(struct bt_db *db, const char *text, size_t len,
                          struct bt_error *e)
{
    if (len == 0 || text[len - 1] != '\n')
        return bt_fail(e, "journal '%s/.journal' is %s: baytrack did not "
                       "write it", db->dir, len ? "cut in the middle of a "
                       "line" : "empty");
    unsigned long no = 1;
    for (const char *p = text, *end = text + len; p < end; no++) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        size_t n = (size_t)(nl - p);
        struct bt_buf line = {0};
        bt_buf_add(&line, p, n);
        const char *tab = memchr(p, '\t', n);
        int bad = memchr(p, '\0', n) || !is_text_line(line.data);
        int rc = 0;
        if (bad)
            rc = bt_fail(e, "journal '%s/.journal' holds a line that is not "
                         "text: baytrack did not write it", db->dir);
        else if (!tab || memchr(tab + 1, '\t', (size_t)(nl - tab - 1)))
            rc = bt_fail(e, "journal '%s/.journal':%lu: not 'STAGED<TAB>FILE': "
                         "baytrack did not write it", db->dir, no);
        else {
            line.data[tab - p] = '\0';
            if (!journal_line_ok(line.data, line.data + (tab - p) + 1))
                rc = bt_fail(e, "journal '%s/.journal' renames '%.*s%s' to "
                             "'%.*s%s', which is not a file of the database",
                             db->dir, BT_SHOWN(line.data),
                             BT_SHOWN(line.data + (tab - p) + 1));
        }
        bt_buf_release(&line);
        if (rc != 0)
            return rc;
        p = nl + 1;
    }
    return 0;
}

/* Renames DB/tmp to DB/final, creating final's directory. A missing tmp
 * means the rename was done before (recovery may repeat a journal). */
static int apply_rename(struct bt_db *db, const char *tmp,
                        const char *final, struct bt_error *e)
{
    if (!is_text(tmp) || !is_text(final))
        return bt_fail(e, "journal '%s/.journal' holds a line that is not "
                       "text: baytrack did not write it", db->dir);
    if (!journal_line_ok(tmp, final))
        return bt_fail(e, "journal '%s/.journal' renames '%.*s%s' to "
                       "'%.*s%s', which is not a file of the database",
                       db->dir, BT_SHOWN(tmp), BT_SHOWN(final));
    if (bt_no_links(db->dir, final, e) != 0)
        return -1;
    struct bt_buf from = {0}, to = {0};
    struct stat st;
    bt_db_path(db, tmp, &from);
    if (lstat(from.data, &st) == 0 && !S_ISREG(st.st_mode)) {
        bt_buf_release(&from);
        return bt_fail(e, "journal '%s/.journal' renames '%s', which is not "
                       "a file baytrack staged", db->dir, tmp);
    }
    bt_db_path(db, final, &to);
    int rc = 0;
    char *slash = strrchr(to.data, '/');
    *slash = '\0';
    rc = bt_mkdir_p(to.data, e);
    *slash = '/';
    if (rc == 0 && rename(from.data, to.data) != 0 && errno != ENOENT)
        rc = bt_fail_errno(e, "cannot rename '%s' to '%s'", from.data, to.data);
    if (rc == 0)
        bt_store_forget(db->store, to.data);
    bt_buf_release(&from);
    bt_buf_release(&to);
    return rc;
}

/* fsyncs DB/dir (relative), the directory a rename went into. */
static int sync_dir(struct bt_db *db, const char *dir, struct bt_error *e)
{
    struct bt_buf path = {0};
    bt_db_path(db, dir, &path);
    int rc = bt_fsync_path(path.data, e);
    bt_buf_release(&path);
    return rc;
}

/* Performs every rename listed in journal text j (tab-separated lines),
 * then makes them durable: each directory is fsynced once after the last
 * rename into it (renames into one directory usually come together). */
static int apply_journal(struct bt_db *db, char *j, struct bt_error *e)
{
    char dir[4096] = "";
    for (char *line = j; line && *line;) {
        char *next = strchr(line, '\n');
        if (next)
            *next++ = '\0';
        char *tab = strchr(line, '\t');
        if (tab) {
            *tab = '\0';
            const char *final = tab + 1, *slash = strrchr(final, '/');
            size_t n = slash ? (size_t)(slash - final) : 1;
            const char *d = slash ? final : ".";
            if (strlen(dir) != n || strncmp(dir, d, n) != 0) {
                if (*dir && sync_dir(db, dir, e) != 0)
                    return -1;
                snprintf(dir, sizeof dir, "%.*s", (int)n, d);
            }
            if (fail_point("rename", final, e) != 0 ||
                apply_rename(db, line, final, e) != 0)
                return -1;
            crash_point("renamed-one");
        }
        line = next;
    }
    return *dir ? sync_dir(db, dir, e) : 0;
}

/* Removes DB/rel if it exists and syncs its directory; 0 or -1. */
static int remove_synced(struct bt_db *db, const char *rel,
                         struct bt_error *e)
{
    struct bt_buf path = {0};
    bt_db_path(db, rel, &path);
    int rc = 0;
    if (unlink(path.data) == 0)
        rc = bt_fsync_parent(path.data, e);
    else if (errno != ENOENT)
        rc = bt_fail_errno(e, "cannot remove '%s'", path.data);
    bt_buf_release(&path);
    return rc;
}

/* bt_rollback_undo's hook: the daemon drops what it queued for a file
 * about to be restored, so that it cannot write it over the old bytes;
 * the files restored are counted. */
struct restored {
    struct bt_store *store;
    size_t n;
};

static void forget_restored(void *ctx, const char *path)
{
    struct restored *r = ctx;
    bt_store_forget(r->store, path);
    r->n++;
}

/* The time DB/rel was last modified, UTC, in when ("" when unknown). */
static void modified_at(struct bt_db *db, const char *rel, char when[32])
{
    struct bt_buf path = {0};
    struct stat st;
    struct tm tm;
    bt_db_path(db, rel, &path);
    when[0] = '\0';
    if (lstat(path.data, &st) == 0)
        strftime(when, 32, "%Y-%m-%dT%H:%M:%SZ", gmtime_r(&st.st_mtime, &tm));
    bt_buf_release(&path);
}

/* Writes back the bytes saved in DB/.rollback and removes it; 0 or -1.
 * *nfiles (if not NULL) gets the number of files restored. */
static int roll_back_counted(struct bt_db *db, size_t *nfiles,
                             struct bt_error *e)
{
    struct bt_buf path = {0};
    struct restored r = {db->store, 0};
    bt_db_path(db, ".rollback", &path);
    int rc = bt_rollback_undo(db->dir, path.data, forget_restored, &r, e);
    if (nfiles)
        *nfiles = r.n;
    if (rc == 0)
        rc = remove_synced(db, ".rollback", e);
    bt_buf_release(&path);
    return rc;
}

static int roll_back(struct bt_db *db, struct bt_error *e)
{
    return roll_back_counted(db, NULL, e);
}

/* The file named by the last line of the staged load log a journal puts
 * in place (its "tmp<TAB>loads.csv" line), or of loads.csv itself when
 * the journal stages none (the load appended its line in place, synced
 * before the commit point), appended to *out as " of 'FILE'"; nothing
 * when there is none. */
static void journal_load_file(struct bt_db *db, const char *j,
                              struct bt_buf *out)
{
    const char *hit = NULL;
    for (const char *p = j; p && *p; p = strchr(p, '\n') ? strchr(p, '\n') + 1 : NULL) {
        const char *tab = strchr(p, '\t'), *end = strchr(p, '\n');
        if (tab && end && tab < end && (size_t)(end - tab - 1) == strlen(BT_LOADS_LOG) &&
            memcmp(tab + 1, BT_LOADS_LOG, strlen(BT_LOADS_LOG)) == 0)
            hit = p;
    }
    struct bt_buf rel = {0}, path = {0}, log = {0};
    struct bt_error ignored;
    if (hit)
        bt_buf_add(&rel, hit, (size_t)(strchr(hit, '\t') - hit));
    else /* a load that appended in place: its line is in the log itself */
        bt_buf_puts(&rel, BT_LOADS_LOG);
    bt_db_path(db, rel.data, &path);
    if (bt_file_read(path.data, &log, &ignored) == 0 && log.len > 1) {
        /* the last line: WHEN,FILE,ADDED,REVISED,DELETED,FLAGS */
        size_t end = log.len - 1, start = end;
        while (start > 0 && log.data[start - 1] != '\n')
            start--;
        const char *a = memchr(log.data + start, ',', end - start);
        const char *b = log.data + end;
        for (int k = 0; k < 4 && b > a; k++)
            while (--b > a && *b != ',')
                ;
        struct bt_buf name = {0};
        if (a && b > a + 1)
            bt_buf_add(&name, a + 1, (size_t)(b - a - 1));
        if (name.len && is_text(name.data)) /* a log's bytes, checked */
            bt_buf_addf(out, name.data[0] == '"' ? " of %s" : " of '%s'",
                        name.data); /* as loads.csv quotes it */
        bt_buf_release(&name);
    }
    bt_buf_release(&rel);
    bt_buf_release(&path);
    bt_buf_release(&log);
}

/* Whether DB/rel exists. */
static int db_has(struct bt_db *db, const char *rel)
{
    struct bt_buf path = {0};
    bt_db_path(db, rel, &path);
    int yes = access(path.data, F_OK) == 0;
    bt_buf_release(&path);
    return yes;
}

/* Rolls an interrupted transaction forward (a journal: it committed) or
 * back (only .rollback: it did not). Lock held. */
static int finish_interrupted(struct bt_db *db, const char *by,
                              struct bt_error *e)
{
    if (bt_no_links(db->dir, ".journal", e) != 0 ||
        bt_no_links(db->dir, ".rollback", e) != 0)
        return -1;
    struct bt_buf path = {0}, journal = {0}, what = {0};
    char when[32];
    int rc = 0;
    if (db_has(db, ".journal")) {
        modified_at(db, ".journal", when);
        bt_db_path(db, ".journal", &path);
        /* read and checked whole first: a journal that does not parse
         * is refused with .rollback and every file as they are */
        rc = bt_file_read_nofollow(path.data, &journal, e);
        if (rc == 0)
            rc = journal_parses(db, journal.data, journal.len, e);
        if (rc == 0)
            rc = remove_synced(db, ".rollback", e);
        size_t n = 0;
        for (const char *p = rc == 0 ? journal.data : NULL; p && *p; p++)
            n += *p == '\n';
        if (rc == 0)
            journal_load_file(db, journal.data, &what);
        if (rc == 0)
            rc = apply_journal(db, journal.data, e);
        if (rc == 0)
            rc = remove_synced(db, ".journal", e);
        if (rc == 0)
            bt_buf_addf(&db->recovered, "recovered: the load%s, committed "
                        "at %s by %s before it had put it all in place, is "
                        "finished: %zu file%s renamed into place\n",
                        what.len ? what.data : "", when, by, n,
                        n == 1 ? "" : "s");
    } else if (db_has(db, ".rollback")) {
        size_t n = 0;
        modified_at(db, ".rollback", when);
        rc = roll_back_counted(db, &n, e);
        if (rc == 0)
            bt_buf_addf(&db->recovered, "recovered: a load killed before "
                        "its commit point (appending in place since %s) is "
                        "undone: %zu series file%s restored byte for byte; "
                        "that load is not in the database\n", when, n, n == 1 ? "" : "s");
    }
    bt_buf_release(&what);
    bt_buf_release(&path);
    bt_buf_release(&journal);
    return rc;
}

/* Says why an interrupted commit cannot be finished and what to do. */
static int unfinished(struct bt_db *db, struct bt_error *e)
{
    struct bt_error why = *e;
    return bt_fail(e, "cannot finish the interrupted commit in '%s': %s; "
                   "its journal is kept for the next command to try again "
                   "(doing so twice is harmless): fix the cause, or move "
                   "'.journal' and '.rollback' out of the database to keep "
                   "it as it is (docs/reliability.md)", db->dir, why.msg);
}

/* Finishes an interrupted transaction and empties .tmp/. Lock held. */
static int recover(struct bt_db *db, struct bt_error *e)
{
    struct bt_buf path = {0};
    int rc = finish_interrupted(db, "a command killed or stopped by an error", e);
    if (rc != 0)
        unfinished(db, e);
    if (rc == 0)
        rc = bt_no_links(db->dir, ".tmp", e);
    bt_db_path(db, ".tmp", &path);
    if (rc == 0)
        rc = bt_mkdir_p(path.data, e);
    DIR *d = rc == 0 ? opendir(path.data) : NULL;
    if (rc == 0 && !d)
        rc = bt_fail_errno(e, "cannot open '%s'", path.data);
    size_t removed = 0;
    time_t newest = 0;
    for (struct dirent *de; d && (de = readdir(d));) {
        struct stat st;
        if (strcmp(de->d_name, ".") == 0 || strcmp(de->d_name, "..") == 0)
            continue;
        if (fstatat(dirfd(d), de->d_name, &st, AT_SYMLINK_NOFOLLOW) != 0)
            continue; /* gone already */
        if (!S_ISREG(st.st_mode) && !S_ISLNK(st.st_mode)) {
            /* never staged by baytrack: left as it is (a link is removed,
             * never followed) */
            const char *name = is_text(de->d_name) ? de->d_name : "?";
            bt_buf_addf(&db->recovered, "warning: left '%s/%.*s%s' alone: "
                        "not a file baytrack stages (a directory, a FIFO or "
                        "a device); remove it\n", path.data, BT_SHOWN(name));
            continue;
        }
        if (st.st_mtime > newest)
            newest = st.st_mtime;
        if (unlinkat(dirfd(d), de->d_name, 0) != 0 && errno != ENOENT) {
            rc = bt_fail_errno(e, "cannot remove '%s/%s'", path.data, de->d_name);
            break;
        }
        removed++;
    }
    if (d)
        closedir(d);
    if (removed && !strstr(db->recovered.data ? db->recovered.data : "",
                           "recovered: ")) {
        char when[32];
        struct tm tm;
        strftime(when, sizeof when, "%Y-%m-%dT%H:%M:%SZ", gmtime_r(&newest, &tm));
        bt_buf_addf(&db->recovered, "recovered: removed %zu file%s that a "
                    "load killed before its commit point staged in '%s' "
                    "(the last at %s); that load is not in the database\n",
                    removed, removed == 1 ? "" : "s", path.data, when);
    }
    bt_buf_release(&path);
    return rc;
}

/* Takes flock(how) on fd, trying every 0.1 s for up to wait seconds
 * (a negative wait: for as long as it takes). 0, or -1 with errno
 * EWOULDBLOCK when the time ran out. */
static int flock_within(int fd, int how, double wait)
{
    struct timespec pause = {0, 100 * 1000 * 1000};
    if (wait < 0)
        return flock(fd, how);
    for (double waited = 0; flock(fd, how | LOCK_NB) != 0; waited += 0.1) {
        if ((errno != EWOULDBLOCK && errno != EINTR) || waited >= wait)
            return -1;
        nanosleep(&pause, NULL);
    }
    return 0;
}

/* Opens DB/name (never through a link) and takes flock(how) on it within
 * wait seconds (flock_within); returns the fd (closing it releases the
 * lock), -1 with *e, -2 when a reader finds no such file in a database
 * it may not write (no writer was ever there), or -3 with *e when the
 * time ran out. */
static int lock_file(struct bt_db *db, const char *name, int how,
                     double wait, struct bt_error *e)
{
    struct bt_buf path = {0};
    bt_db_path(db, name, &path);
    int fd = open(path.data, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0644);
    if (fd < 0 && how == LOCK_SH && (errno == EACCES || errno == EROFS))
        fd = open(path.data, O_RDONLY | O_CLOEXEC | O_NOFOLLOW); /* a reader */
    if (fd < 0 && errno == ENOENT && how == LOCK_SH) {
        fd = -2;
    } else if (fd < 0) {
        if (errno == ELOOP)
            bt_fail(e, "'%s' is a symbolic link: baytrack follows no link "
                    "inside the database", path.data);
        else
            bt_fail_errno(e, "cannot open lock '%s'", path.data);
    } else if (flock_within(fd, how, wait) != 0) {
        int busy = errno == EWOULDBLOCK;
        if (busy)
            bt_fail(e, "database '%s' is busy ('%s' stayed locked); gave up "
                    "after %.0f s (see --wait)", db->dir, name, wait);
        else
            bt_fail_errno(e, "cannot lock '%s'", path.data);
        close(fd);
        fd = busy ? -3 : -1;
    }
    bt_buf_release(&path);
    return fd;
}

/* .commit for readers (shared) or a committing writer (exclusive),
 * through the gate DB/.gate so that a writer is not starved by readers
 * that keep arriving: a writer holds the gate exclusively while it waits
 * for .commit, and a reader passes the gate (shared, for a moment) before
 * it takes .commit, so new readers queue behind a waiting writer. */
static int commit_lock(struct bt_db *db, int how, struct bt_error *e)
{
    double wait = how == LOCK_EX ? db->wait : -1;
    int gate = lock_file(db, ".gate", how, wait, e);
    if (gate == -1 || gate == -3)
        return gate;
    int fd = lock_file(db, ".commit", how, wait, e);
    if (gate >= 0)
        close(gate);
    return fd;
}

static int take_lock(struct bt_db *db, double wait_seconds, enum bt_exit *code,
                     struct bt_error *e);

/* What whoever takes the writers' lock does first: finish an interrupted
 * commit, and (through a daemon) mark the database. 0, or -1 with *e. */
static int after_lock(struct bt_db *db, struct bt_error *e)
{
    return recover(db, e) != 0 ||
                   (db->store->daemon && bt_store_mark(db->store, e) != 0)
               ? -1
               : 0;
}

int bt_db_read_begin(struct bt_db *db, struct bt_error *e)
{
    if (db->read_fd >= 0 || db->lock_fd >= 0)
        return 0; /* already reading, or the writer itself */
    if (access(db->dir, F_OK) != 0) /* a typo in --db, or no load yet */
        return bt_fail(e, "database '%s' does not exist: give --db DIR (or "
                       "BAYTRACK_DB) of a database, or load a file into it "
                       "first", db->dir);
    if (db_has(db, ".journal") || db_has(db, ".rollback")) {
        /* a killed writer's commit: finish it if no writer is alive */
        enum bt_exit code;
        struct bt_error why;
        if (take_lock(db, 0, &code, &why) != 0) {
            if (code != BT_EXIT_LOCKED) { /* read what is there, say so */
                db->warned = 1;
                bt_fail(&db->warning, "a load was interrupted and cannot be "
                        "finished now (%s), so what is read may hold part of "
                        "it; any command run where the database can be "
                        "written finishes it", why.msg);
            }
        } else {
            if (after_lock(db, &db->warning) != 0)
                db->warned = 1; /* read what is there, and say so */
            bt_db_unlock(db);
        }
    }
    int fd = commit_lock(db, LOCK_SH, e);
    if (fd == -1 || fd == -3)
        return -1;
    db->read_fd = fd;
    return 0;
}

void bt_db_read_end(struct bt_db *db)
{
    if (db->read_fd >= 0)
        close(db->read_fd);
    db->read_fd = -1;
}

/* Takes the writers' lock, as bt_db_lock does, without recovering. */
static int take_lock(struct bt_db *db, double wait_seconds, enum bt_exit *code,
                     struct bt_error *e)
{
    *code = BT_EXIT_IO;
    /* the longest path a series has: DB/ID/STEM.flags */
    if (strlen(db->dir) + 1 + BT_ID_MAX + 1 + BT_STEM_MAX + 6 >= PATH_MAX)
        return bt_fail(e, "database path '%s' is too long: series paths "
                       "would exceed %d bytes", db->dir, PATH_MAX);
    if (bt_mkdir_p(db->dir, e) != 0)
        return -1;
    db->wait = wait_seconds > 0 ? wait_seconds : BT_READERS_WAIT;
    int fd = lock_file(db, ".lock", LOCK_EX, wait_seconds, e);
    if (fd < 0) {
        if (fd == -3) {
            *code = BT_EXIT_LOCKED;
            bt_fail(e, "database '%s' is locked by another writer; gave up "
                    "after %.0f s (see --wait)", db->dir, wait_seconds);
        }
        return -1;
    }
    db->lock_fd = fd;
    return 0;
}

int bt_db_lock(struct bt_db *db, double wait_seconds, enum bt_exit *code,
               struct bt_error *e)
{
    *code = BT_EXIT_IO;
    if (db->lock_fd >= 0)
        return 0;
    if (take_lock(db, wait_seconds, code, e) != 0)
        return -1;
    if (after_lock(db, e) != 0) {
        bt_db_unlock(db);
        return -1;
    }
    return 0;
}

void bt_db_unlock(struct bt_db *db)
{
    bt_flags_dir_release(&db->flags_listed);
    if (db->lock_fd >= 0)
        close(db->lock_fd); /* releases the flock */
    db->lock_fd = -1;
}

/* Appends "sub/name" for each *.rrd file in DB/sub to *names. */
static void list_dir(struct bt_db *db, const char *sub, char ***names,
                     size_t *n, size_t *cap)
{
    struct bt_buf path = {0};
    bt_db_path(db, sub, &path);
    DIR *d = opendir(path.data);
    for (struct dirent *de; d && (de = readdir(d));) {
        size_t len = strlen(de->d_name);
        if (de->d_name[0] == '.' || len < 5 ||
            strcmp(de->d_name + len - 4, ".rrd") != 0)
            continue;
        bt_grow((void **)names, cap, *n + 1, sizeof **names);
        struct bt_buf rel = {0};
        bt_buf_addf(&rel, "%s/%s", sub, de->d_name);
        (*names)[(*n)++] = rel.data;
    }
    if (d)
        closedir(d);
    bt_buf_release(&path);
}

int bt_db_each_series(struct bt_db *db, bt_db_series_fn fn, void *ctx,
                      struct bt_error *e)
{
    if (bt_db_read_begin(db, e) != 0)
        return -1;
    DIR *d = opendir(db->dir);
    if (!d) {
        if (errno == ENOENT)
            return 0; /* an empty database */
        return bt_fail_errno(e, "cannot open database '%s'", db->dir);
    }
    char **names = NULL;
    size_t n = 0, cap = 0;
    const char *why;
    int rc = 0;
    for (struct dirent *de; rc == 0 && (de = readdir(d));)
        if (bt_id_check(de->d_name, strlen(de->d_name), &why) == 0 &&
            (rc = bt_no_links(db->dir, de->d_name, e)) == 0)
            list_dir(db, de->d_name, &names, &n, &cap);
    closedir(d);
    bt_qsort(names, n, sizeof *names, bt_strptr_cmp);
    for (size_t i = 0; i < n; i++) {
        if (rc == 0)
            rc = fn(ctx, names[i]);
        free(names[i]);
    }
    free(names);
    return rc;
}

static int has_dims(const struct bt_series_name *s, const struct bt_dim *where,
                    size_t nwhere)
{
    for (size_t i = 0; i < nwhere; i++) {
        size_t k = 0;
        while (k < s->ndims && (strcmp(s->dims[k].name, where[i].name) != 0 ||
                                strcmp(s->dims[k].value, where[i].value) != 0))
            k++;
        if (k == s->ndims)
            return 0;
    }
    return 1;
}

int bt_db_match(struct bt_db *db, const char *indicator,
                const struct bt_dim *where, size_t nwhere, bt_db_series_fn fn,
                void *ctx, struct bt_error *e)
{
    const char *why;
    if (bt_db_read_begin(db, e) != 0)
        return -1;
    if (bt_id_check(indicator, strlen(indicator), &why) != 0)
        return bt_fail(e, "indicator id '%s' %s", indicator, why);
    if (bt_no_links(db->dir, indicator, e) != 0)
        return skip_unreadable(db, indicator, e) > 0 ? 0 : -1;
    char **names = NULL;
    size_t n = 0, cap = 0;
    list_dir(db, indicator, &names, &n, &cap);
    bt_qsort(names, n, sizeof *names, bt_strptr_cmp);
    int matches = 0;
    for (size_t i = 0; i < n; i++) {
        struct bt_series_name s;
        if (matches >= 0 && bt_series_name_parse(names[i], &s) == 0) {
            if (has_dims(&s, where, nwhere))
                matches = fn(ctx, names[i]) == 0 ? matches + 1 : -1;
            bt_series_name_release(&s);
        }
        free(names[i]);
    }
    free(names);
    return matches; /* -1: fn failed and said why in its own error */
}

void bt_txn_begin(struct bt_txn *t, struct bt_db *db)
{
    memset(t, 0, sizeof *t);
    t->db = db;
}

void bt_txn_add(struct bt_txn *t, const char *rel, struct bt_buf *tmp)
{
    char name[64];
    /* numbered for the command, not the transaction: a later load of the
     * same command must never stage over (or abort) what an earlier one
     * committed and left for recovery to put in place */
    snprintf(name, sizeof name, ".tmp/%ld-%zu.rrd", (long)getpid(),
             t->db->nstaged++);
    bt_buf_addf(&t->renames, "%s\t%s\n", name, rel);
    tmp->len = 0;
    bt_db_path(t->db, name, tmp);
}

int bt_txn_write(struct bt_txn *t, const char *rel, const struct bt_point *pts,
                 size_t n, struct bt_error *e)
{
    struct bt_buf tmp = {0};
    bt_txn_add(t, rel, &tmp);
    int rc = bt_store_write(t->db->store, tmp.data, pts, n, e);
    bt_buf_release(&tmp);
    return rc;
}

int bt_txn_put(struct bt_txn *t, const char *rel, const void *data,
               size_t len, struct bt_error *e)
{
    struct bt_buf tmp = {0};
    bt_txn_add(t, rel, &tmp);
    int rc = bt_file_write_atomic(tmp.data, data, len, e);
    bt_buf_release(&tmp);
    return rc;
}

/* Stages DB/name: the old log (or header, for a new one) plus lines. */
static int stage_log(struct bt_txn *t, const char *name, const char *header,
                     const struct bt_buf *lines, struct bt_error *e)
{
    struct bt_buf path = {0}, log = {0};
    int rc = 0;
    bt_db_path(t->db, name, &path);
    if (bt_file_read(path.data, &log, e) != 0) {
        if (errno != ENOENT)
            rc = -1;
        log = (struct bt_buf){0};
        bt_buf_puts(&log, header);
    }
    bt_buf_add(&log, lines->data, lines->len);
    if (rc == 0)
        rc = bt_txn_put(t, name, log.data, log.len, e);
    bt_buf_release(&path);
    bt_buf_release(&log);
    return rc;
}

/* Adds lines to the log DB/name (header: its first line when new). In a
 * transaction that appends in place, a log that exists is appended to in
 * place as well, with one write after the rollback journal is in place
 * (write_logs): its length now is saved in the journal, so that undoing
 * cuts it back. Otherwise (no append, or no log yet) the log is staged
 * whole and renamed at commit. Never through a link. 0, or -1 with *e. */
static int add_log(struct bt_txn *t, const char *name, const char *header,
                   const struct bt_buf *lines, struct bt_error *e)
{
    if (!t->nappends || !t->rollback)
        return stage_log(t, name, header, lines, e);
    if (bt_no_links(t->db->dir, name, e) != 0)
        return -1;
    struct bt_buf path = {0};
    struct stat st;
    bt_db_path(t->db, name, &path);
    /* O_NONBLOCK: a FIFO planted there is not waited on */
    int fd = open(path.data, O_WRONLY | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK);
    int rc = 0;
    if (fd < 0 && errno == ENOENT)
        rc = stage_log(t, name, header, lines, e); /* the first line */
    else if (fd < 0 && lstat(path.data, &st) == 0 && !S_ISREG(st.st_mode))
        rc = bt_fail(e, "'%s' is not a file: baytrack writes its log there",
                     path.data);
    else if (fd < 0 || fstat(fd, &st) != 0)
        rc = bt_fail_errno(e, "cannot write '%s'", path.data);
    else if (!S_ISREG(st.st_mode))
        rc = bt_fail(e, "'%s' is not a file: baytrack writes its log there",
                     path.data);
    else
        rc = bt_rollback_cut(t->rollback, name, (uint64_t)st.st_size, e);
    if (fd >= 0 && rc == 0) {
        t->logs[t->nlogs++] = (struct bt_txn_log){fd, (uint64_t)st.st_size, lines, name};
        fd = -1;
    }
    if (fd >= 0)
        close(fd);
    bt_buf_release(&path);
    return rc;
}

/* Appends the lines of each log kept by add_log, one write each. */
static int write_logs(struct bt_txn *t, struct bt_error *e)
{
    for (size_t i = 0; i < t->nlogs; i++) {
        const struct bt_txn_log *l = &t->logs[i];
        if (bt_pwrite_all(l->fd, l->lines->data, l->lines->len, l->at) != 0) {
            struct bt_buf path = {0};
            bt_db_path(t->db, l->name, &path);
            bt_fail_errno(e, "cannot write '%s'", path.data);
            bt_buf_release(&path);
            return -1;
        }
    }
    return 0;
}

/* Checks that the directory of the series file rel is no link, once for
 * the appends to one indicator's files in a row (the transaction keeps
 * the lock, so no link can be planted in between). 0, or -1 with *e. */
static int dir_no_link(struct bt_txn *t, const char *rel, struct bt_error *e)
{
    const char *slash = strrchr(rel, '/');
    size_t len = slash ? (size_t)(slash - rel) : 0;
    if (t->checked_dir && strlen(t->checked_dir) == len &&
        memcmp(t->checked_dir, rel, len) == 0)
        return 0;
    free(t->checked_dir);
    t->checked_dir = NULL;
    char *dir = bt_xstrndup(rel, len);
    int rc = len ? bt_no_links(t->db->dir, dir, e) : 0;
    if (rc == 0)
        t->checked_dir = dir;
    else
        free(dir);
    return rc;
}

int bt_txn_append(struct bt_txn *t, const char *rel, bt_day last_day,
                  const struct bt_point *pts, size_t n, struct bt_error *e)
{
    struct bt_buf path = {0};
    struct bt_rrd_head h = {0};
    struct bt_rrd_preimage pre = {0};
    int fd = -1;
    bt_db_path(t->db, rel, &path);
    int rc = dir_no_link(t, rel, e); /* the file itself: bt_store_head */
    if (rc == 0) /* the header bt_db_last read, most often */
        rc = bt_store_head(t->db->store, path.data, &fd, &h, e);
    if (rc == 0) /* 1: rebuild */
        rc = bt_store_can_append_head(fd, path.data, &h, pts, n, &pre, e);
    if (fd >= 0)
        close(fd);
    if (rc == 0 && !t->rollback) {
        struct bt_buf rpath = {0};
        bt_db_path(t->db, ".tmp/rollback", &rpath);
        t->rollback = bt_xcalloc(1, sizeof *t->rollback);
        rc = bt_rollback_begin(t->rollback, rpath.data, e);
        bt_buf_release(&rpath);
    }
    if (rc == 0)
        rc = bt_rollback_put(t->rollback, rel, pre.rg, pre.n, pre.bytes, e);
    bt_rrd_preimage_release(&pre);
    bt_rrd_head_release(&h);
    bt_buf_release(&path);
    if (rc != 0)
        return rc;
    bt_grow((void **)&t->appends, &t->appends_cap, t->nappends + 1,
            sizeof *t->appends);
    t->appends[t->nappends++] = (struct bt_txn_append){
        bt_xstrdup(rel), last_day, t->points.n, n};
    for (size_t i = 0; i < n; i++)
        bt_points_add(&t->points, pts[i].day, pts[i].value);
    return 0;
}

/* Makes every staged file (and the rollback journal) durable with one
 * syncfs: cheaper than an fsync per file when a load writes thousands. */
static int sync_db(struct bt_db *db, struct bt_error *e)
{
    int dfd = open(db->dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    int rc = dfd >= 0 && syncfs(dfd) == 0 ? 0 : -1;
    if (rc != 0)
        bt_fail_errno(e, "cannot sync database '%s'", db->dir);
    if (dfd >= 0)
        close(dfd);
    return rc;
}

/* Writes back the bytes saved in DB/.rollback, if it is there, and
 * removes it: the in-place appends of a transaction that failed before
 * its commit point are undone at once. */
static void roll_back_now(struct bt_db *db)
{
    struct bt_error ignored; /* what is left, the next writer finishes */
    if (db_has(db, ".rollback"))
        roll_back(db, &ignored);
}

/* Makes append i of the transaction ctx: bt_parallel_fn. */
static int append_one(void *ctx, size_t i, struct bt_error *e)
{
    const struct bt_txn *t = ctx;
    const struct bt_txn_append *a = &t->appends[i];
    struct bt_buf path = {0};
    bt_db_path(t->db, a->rel, &path);
    int rc = i >= t->nappends / 2 ? fail_point("append", path.data, e) : 0;
    if (rc == 0)
        rc = bt_store_append(t->db->store, path.data, a->last,
                             t->points.v + a->first, a->count, e);
    bt_buf_release(&path);
    if (rc == 0 && i + 1 == (t->nappends + 1) / 2)
        crash_point("appended-half");
    return rc;
}

/* Makes every queued append in place, the files on several cores at once
 * (each append is its own file, and every one's bytes are in .rollback);
 * the first failure, or a process of them that dies, stops it, and the
 * error names the file. 0, or -1 with *e. */
static int write_appends(struct bt_txn *t, struct bt_error *e)
{
    size_t at;
    int rc = bt_parallel_run(t->nappends, append_one, t, &at, e);
    if (rc == -2) { /* append_one's own errors name the file */
        struct bt_error how = *e;
        struct bt_buf path = {0};
        if (at < t->nappends) {
            bt_db_path(t->db, t->appends[at].rel, &path);
            bt_fail(e, "cannot append '%s': %s", path.data, how.msg);
        } else {
            bt_fail(e, "cannot append: %s", how.msg);
        }
        bt_buf_release(&path);
    }
    return rc == 0 ? 0 : -1;
}

/* Puts the rollback journal in place, then makes every queued append in
 * place and syncs. On failure, writes the saved bytes back. */
static int append_in_place(struct bt_txn *t, struct bt_error *e)
{
    struct bt_buf staged = {0}, final = {0};
    bt_db_path(t->db, ".tmp/rollback", &staged);
    bt_db_path(t->db, ".rollback", &final);
    int rc = 0;
    if (rename(staged.data, final.data) != 0)
        rc = bt_fail_errno(e, "cannot put '%s' in place", final.data);
    if (rc == 0)
        rc = bt_fsync_parent(final.data, e);
    if (rc == 0)
        crash_point("journaled");
    if (rc == 0 && t->nlogs) {
        rc = write_logs(t, e);
        if (rc == 0)
            crash_point("logged");
    }
    if (rc == 0)
        rc = write_appends(t, e);
    if (rc == 0)
        rc = sync_db(t->db, e);
    if (rc == 0)
        crash_point("appended");
    else
        roll_back_now(t->db);
    bt_buf_release(&staged);
    bt_buf_release(&final);
    return rc;
}

/* Checks, before the commit point, that no file a rename will replace
 * (nor its directory) is a link, so that no rename after it can fail on
 * one. 0, or -1 with *e. */
static int check_targets(struct bt_txn *t, struct bt_error *e)
{
    int rc = 0;
    for (const char *line = t->renames.data; rc == 0 && line && *line;) {
        const char *tab = strchr(line, '\t'), *end = strchr(line, '\n');
        char final[4096];
        snprintf(final, sizeof final, "%.*s", (int)(end - tab - 1), tab + 1);
        rc = bt_no_links(t->db->dir, final, e);
        line = end + 1;
    }
    return rc;
}

/* The commit point of a transaction that only appends in place (every
 * append made and synced): removing .rollback, so that recovery has
 * nothing to roll back. Sets t->outcome. 0, or -1 with *e. */
static int commit_appends(struct bt_txn *t, struct bt_error *e)
{
    struct bt_buf path = {0};
    bt_db_path(t->db, ".rollback", &path);
    int rc = 0;
    if (unlink(path.data) != 0) {
        rc = bt_fail_errno(e, "cannot commit: cannot remove '%s'", path.data);
        roll_back_now(t->db); /* not committed */
    } else {
        t->outcome = BT_TXN_COMMITTED;
        crash_point("committed");
        rc = bt_fsync_parent(path.data, e);
        if (rc == 0)
            t->outcome = BT_TXN_NOTHING; /* and all of it is in place */
    }
    bt_buf_release(&path);
    return rc;
}

int bt_txn_commit(struct bt_txn *t, struct bt_error *e)
{
    int rc = 0, cfd = -1;
    struct bt_buf staged = {0}, journal = {0};
    bt_store_head_drop(t->db->store); /* no file is read from here on */
    bt_flags_dir_release(&t->db->flags_listed); /* flags files renamed in */
    if (t->renames.len == 0 && t->nappends == 0)
        goto out; /* nothing changed: nothing is touched */
    /* an earlier load of this command committed but could not put it all
     * in place: finished first, never replaced by this commit's journal */
    if ((db_has(t->db, ".journal") || db_has(t->db, ".rollback")) &&
        finish_interrupted(t->db, "this command", e) != 0) {
        unfinished(t->db, e);
        goto fail;
    }
    if (t->revisions.len &&
        add_log(t, BT_REVISIONS_LOG, BT_REVISIONS_HEADER, &t->revisions, e) != 0)
        goto fail;
    if (t->flag_log.len &&
        add_log(t, BT_FLAGS_LOG, BT_FLAGS_HEADER, &t->flag_log, e) != 0)
        goto fail;
    if (t->load_log.len &&
        add_log(t, BT_LOADS_LOG, BT_LOADS_HEADER, &t->load_log, e) != 0)
        goto fail;
    if (t->added_log.len &&
        add_log(t, BT_ADDED_LOG, BT_ADDED_HEADER, &t->added_log, e) != 0)
        goto fail;
    if (t->nappends && bt_rollback_finish(t->rollback, e) != 0)
        goto fail; /* fsynced: durable before the first in-place write */
    /* the staged files: with appends, the one syncfs after them covers
     * these too, before the commit point */
    if (!t->nappends && sync_db(t->db, e) != 0)
        goto fail;
    if (check_targets(t, e) != 0)
        goto fail;
    crash_point("staged");
    /* from the first in-place write to the last rename, no reader reads */
    if ((cfd = commit_lock(t->db, LOCK_EX, e)) < 0) {
        t->busy = cfd == -3;
        goto fail;
    }
    if (t->nappends && append_in_place(t, e) != 0)
        goto fail;
    if (t->renames.len == 0) { /* appends alone: no journal to write */
        rc = commit_appends(t, e);
        goto out;
    }
    bt_db_path(t->db, ".tmp/journal", &staged);
    bt_db_path(t->db, ".journal", &journal);
    rc = bt_file_write_atomic(staged.data, t->renames.data, t->renames.len, e);
    if (rc == 0 && rename(staged.data, journal.data) != 0)
        rc = bt_fail_errno(e, "cannot commit '%s'", journal.data);
    if (rc == 0)
        rc = bt_fsync_parent(journal.data, e); /* the commit point */
    if (rc != 0) {
        roll_back_now(t->db); /* not committed */
        goto out;
    }
    /* Committed: from here a failure leaves the staged files to the next
     * recovery, so abort must not delete them. */
    char *renames = t->renames.data;
    t->renames = (struct bt_buf){0};
    t->outcome = BT_TXN_COMMITTED;
    crash_point("committed");
    if (t->nappends)
        rc = remove_synced(t->db, ".rollback", e);
    if (rc == 0)
        rc = apply_journal(t->db, renames, e); /* NULL: no renames */
    free(renames);
    if (rc == 0)
        rc = remove_synced(t->db, ".journal", e);
    if (rc == 0)
        t->outcome = BT_TXN_NOTHING; /* and all of it is in place */
    goto out;
fail:
    rc = -1;
out:
    if (cfd >= 0)
        close(cfd);
    bt_buf_release(&staged);
    bt_buf_release(&journal);
    bt_txn_abort(t);
    return rc;
}

void bt_txn_abort(struct bt_txn *t)
{
    /* unlink the temporary files still listed (none after a commit) */
    char *text = t->renames.len ? t->renames.data : NULL;
    for (char *line = text; line && *line;) {
        char *next = strchr(line, '\n');
        if (next)
            *next++ = '\0';
        char *tab = strchr(line, '\t');
        if (tab) {
            *tab = '\0';
            struct bt_buf p = {0};
            bt_db_path(t->db, line, &p);
            unlink(p.data);
            bt_buf_release(&p);
        }
        line = next;
    }
    bt_buf_release(&t->renames);
    bt_buf_release(&t->revisions);
    bt_buf_release(&t->flag_log);
    bt_buf_release(&t->load_log);
    bt_buf_release(&t->added_log);
    for (size_t i = 0; i < t->nlogs; i++)
        close(t->logs[i].fd);
    t->nlogs = 0;
    if (t->rollback)
        bt_rollback_release(t->rollback);
    free(t->rollback);
    for (size_t i = 0; i < t->nappends; i++)
        free(t->appends[i].rel);
    free(t->appends);
    free(t->checked_dir);
    bt_points_release(&t->points);
    struct bt_txn kept = *t; /* what a failed commit left is kept */
    memset(t, 0, sizeof *t);
    t->db = kept.db;
    t->outcome = kept.outcome;
    t->busy = kept.busy;
}
