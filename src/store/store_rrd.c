/* store_rrd.c - series in RRD files through librrd (see store_rrd.h). */
#define _GNU_SOURCE /* sigaction, setitimer */
#include "store_rrd.h"

#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <sys/time.h>
#include <unistd.h>

#include <rrd.h>
#include <rrd_client.h>

#include "base/fileio.h"
#include "base/mem.h"
#include "base/number.h"
#include "rrd_number.h"
#include "store_format.h"

unsigned long bt_store_ring_rows(unsigned long days)
{
    if (days <= BT_RING_MIN)
        return BT_RING_MIN;
    unsigned long p = 1; /* the octave: 4p < days <= 8p */
    while (p * 8 < days)
        p *= 2;
    unsigned long q = 4;
    while (q * p < days)
        q++;
    return q * p;
}

/* Copies librrd's error into *e, prefixed with what was being done. */
static int rrd_failed(struct bt_error *e, const char *what, const char *path)
{
    const char *msg = rrd_test_error() ? rrd_get_error() : "unknown error";
    bt_fail(e, "%s '%s': %s", what, path, msg);
    rrd_clear_error();
    return -1;
}

/* A failed write: librrd often leaves no message (and errno is its own
 * last one), so a full disk is recognised from the free space left. */
static int write_failed(struct bt_error *e, const char *what, const char *path)
{
    struct statvfs fs;
    char dir[4096];
    snprintf(dir, sizeof dir, "%s", path);
    char *slash = strrchr(dir, '/');
    if (slash)
        *slash = '\0';
    if (statvfs(slash ? dir : ".", &fs) == 0 &&
        (unsigned long long)fs.f_bavail * fs.f_frsize < 4ull * BT_RRD_ROWS_V1 * 8) {
        bt_fail(e, "%s '%s': No space left on device (%llu KiB free)", what,
                path, (unsigned long long)fs.f_bavail * fs.f_frsize / 1024);
        rrd_clear_error();
        return -1;
    }
    return rrd_failed(e, what, path);
}

/* The daemon's name for path, in *out. librrd resolves names itself for a
 * daemon on a unix socket (so they are made absolute) and sends them as
 * they are to a remote one, which takes them relative to its base
 * directory: the database directory. */
static const char *daemon_name(struct bt_store *s, const char *path,
                               struct bt_buf *out)
{
    char cwd[4096];
    size_t n = strlen(s->root);
    out->len = 0;
    if (strncmp(s->daemon, "unix:", 5) == 0 || s->daemon[0] == '/') {
        if (path[0] != '/' && getcwd(cwd, sizeof cwd))
            bt_buf_addf(out, "%s/", cwd);
        bt_buf_puts(out, path);
    } else if (strncmp(path, s->root, n) == 0 && path[n] == '/') {
        bt_buf_puts(out, path + n + 1);
    } else {
        bt_buf_puts(out, path);
    }
    return out->data;
}

/* Set when the timer of a daemon operation rang. A signal handler has no
 * context to write to: this flag is the one piece of state of the module
 * outside struct bt_store, and only op_begin and op_end read it. */
static volatile sig_atomic_t alarm_rang;

/* SIGALRM interrupts a daemon call blocked on its socket. */
static void on_alarm(int sig)
{
    (void)sig;
    alarm_rang = 1;
}

/* Starts a daemon operation: a one-shot timer of s->timeout seconds whose
 * signal (no SA_RESTART) makes librrd's blocked read or write fail; it
 * rings again each second after, so librrd's retry cannot block either. */
static void op_begin(const struct bt_store *s)
{
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_alarm;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGALRM, &sa, NULL);
    struct itimerval it = {{1, 0}, {(time_t)s->timeout,
        (suseconds_t)((s->timeout - (double)(time_t)s->timeout) * 1e6)}};
    alarm_rang = 0;
    setitimer(ITIMER_REAL, &it, NULL);
    rrd_clear_error();
}

/* Ends the operation op on path, which returned rc (0 for
 * success): disarms the timer; on failure fills *e with the daemon's
 * address, the operation and why, and, when the daemon itself failed
 * (timed out, unreachable, dropped the connection), marks it down.
 * Returns 0 or -1. */
static int op_end(struct bt_store *s, int rc, const char *op,
                  const char *path, struct bt_error *e)
{
    struct itimerval off;
    memset(&off, 0, sizeof off);
    setitimer(ITIMER_REAL, &off, NULL);
    if (rc == 0)
        return 0;
    int timed_out = alarm_rang;
    const char *msg = rrd_test_error() ? rrd_get_error() : "no answer";
    if (timed_out)
        bt_fail(e, "rrdcached at '%s' did not answer within %g s to %s "
                "'%s' (see --daemon-timeout)", s->daemon, s->timeout, op, path);
    else
        bt_fail(e, "rrdcached at '%s': cannot %s '%s': %s", s->daemon, op,
                path, msg);
    rrd_clear_error();
    if (timed_out || !rrdc_is_connected(s->daemon)) {
        rrdc_disconnect(); /* a half-read answer must not be read later */
        s->down = 1;
        s->why_down = *e;
    }
    return -1;
}

/* The marker's path, in *out. */
static void marker_path(const struct bt_store *s, struct bt_buf *out)
{
    out->len = 0;
    bt_buf_addf(out, "%s/.marker.rrd", s->root);
}

int bt_store_mark(struct bt_store *s, struct bt_error *e)
{
    struct bt_buf path = {0};
    marker_path(s, &path);
    int rc = 0;
    if (access(path.data, F_OK) != 0) {
        /* a stamp of this database's own: any second in 2001..2029 */
        struct timespec now;
        clock_gettime(CLOCK_REALTIME, &now);
        unsigned long long x = (unsigned long long)now.tv_nsec * 2654435761u ^
                               (unsigned long long)getpid() << 20 ^
                               (unsigned long long)now.tv_sec;
        time_t stamp = (time_t)(1000000000 + x % 900000000);
        /* step 1 s: the daemon reports a last update in whole steps */
        const char *args[] = {"DS:marker:GAUGE:2:U:U", "RRA:LAST:0.5:1:1"};
        struct bt_buf tmp = {0};
        bt_buf_addf(&tmp, "%s/.tmp/marker-%ld.rrd", s->root, (long)getpid());
        rrd_clear_error();
        if (rrd_create_r(tmp.data, 1, stamp, 2, args) != 0)
            rc = write_failed(e, "cannot create", tmp.data);
        if (rc == 0 && rename(tmp.data, path.data) != 0)
            rc = bt_fail_errno(e, "cannot create '%s'", path.data);
        if (rc == 0)
            rc = bt_fsync_parent(path.data, e);
        unlink(tmp.data);
        bt_buf_release(&tmp);
    }
    bt_buf_release(&path);
    return rc;
}

/* Asks the daemon how many files it holds anything for (STATS,
 * TreeNodesNumber) into s->cached: none, and no file needs asking about
 * before baytrack writes it. 0, or -1 with *e. */
static int count_cached(struct bt_store *s, struct bt_error *e)
{
    rrdc_stats_t *stats = NULL;
    op_begin(s);
    int rc = op_end(s, rrdc_stats_get(&stats), "read the statistics of",
                    s->root, e);
    s->cached = 1; /* unknown: ask about each file */
    for (rrdc_stats_t *x = stats; x; x = x->next)
        if (strcmp(x->name, "TreeNodesNumber") == 0)
            s->cached = x->type == RRDC_STATS_TYPE_GAUGE ? x->value.gauge > 0
                                                         : x->value.counter > 0;
    if (stats)
        rrdc_stats_free(stats);
    return rc;
}

/* Checks that the daemon sees the marker as this process does: same last
 * update, so it serves this very database. A database with no marker yet
 * (only ever read) has nothing to check. 0, or -1 with *e. */
static int verify(struct bt_store *s, struct bt_error *e)
{
    struct bt_buf path = {0}, nb = {0};
    marker_path(s, &path);
    rrd_clear_error();
    time_t here = access(path.data, F_OK) == 0 ? rrd_last_r(path.data) : -1;
    rrd_clear_error();
    int rc = 0;
    if (here > 0) {
        op_begin(s);
        time_t there = rrdc_last(daemon_name(s, path.data, &nb));
        rc = op_end(s, there > 0 ? 0 : -1, "read", path.data, e);
        if (!s->down && there != here)
            rc = bt_fail(e, "rrdcached at '%s' does not serve the database "
                         "'%s': it %s marker '.marker.rrd' (start the "
                         "daemon with -b on this database directory)",
                         s->daemon, s->root, there > 0 ? "sees another" :
                         "cannot read its");
        if (rc != 0) {
            s->down = 1;
            s->why_down = *e;
        }
    }
    s->verified = rc == 0;
    if (rc == 0)
        rc = count_cached(s, e);
    bt_buf_release(&path);
    bt_buf_release(&nb);
    return rc;
}

/* Connects to the daemon (once per process) and, the first time, checks
 * that it serves this database; 0 or -1. */
static int daemon_connect(struct bt_store *s, struct bt_error *e)
{
    if (s->down) {
        *e = s->why_down;
        return -1;
    }
    if (!rrdc_is_connected(s->daemon)) {
        op_begin(s);
        int rc = rrdc_connect(s->daemon);
        if (rc == 0 && !rrdc_is_connected(s->daemon))
            rc = -1;
        if (op_end(s, rc, "connect for", s->root, e) != 0) {
            s->down = 1; /* unreachable: no point in trying each file */
            s->why_down = *e;
            return -1;
        }
    }
    return s->verified ? 0 : verify(s, e);
}

/* Reads the observations of days from..to into *out (emptied first)
 * through the open name (the daemon's name or the path). A read that
 * misses part of the range is an error: a rebuild from it would drop what
 * it missed. */
static int fetch(struct bt_store *s, const char *path, const char *name,
                 bt_day from, bt_day to, struct bt_points *out,
                 struct bt_error *e)
{
    out->n = 0;
    if (from < BT_DAY_MIN)
        from = BT_DAY_MIN; /* rrdcached reads a negative time as "now -" */
    time_t want = (time_t)from * BT_RRD_STEP, last = (time_t)(to + 1) * BT_RRD_STEP;
    time_t start = want, end = last;
    unsigned long step = 0, nds = 0;
    char **names = NULL;
    rrd_value_t *data = NULL;
    int rc;
    if (s->daemon) {
        if (daemon_connect(s, e) != 0)
            return -1;
        op_begin(s);
        rc = rrdc_fetch(name, "LAST", &start, &end, &step, &nds, &names, &data);
        if (op_end(s, rc, "fetch", path, e) != 0)
            return -1;
    } else {
        rrd_clear_error();
        rc = rrd_fetch_r(path, "LAST", &start, &end, &step, &nds, &names, &data);
        if (rc != 0)
            return rrd_failed(e, "cannot read", path);
    }
    int ok = step == BT_RRD_STEP && nds == 1 && start <= want && end >= last;
    if (!ok) {
        bt_fail(e, "'%s' is not a baytrack series or could not be read whole "
                "(step %lu, %lu data sources, %lld..%lld for %lld..%lld)",
                path, step, nds, (long long)start, (long long)end,
                (long long)want, (long long)last);
    } else {
        /* row i holds the day that ends at start + (i+1) * step */
        size_t rows = (size_t)((end - start) / (time_t)step);
        for (size_t i = 0; i < rows; i++) {
            bt_day day = (bt_day)((start / (time_t)step) + (time_t)i);
            if (!isnan(data[i]) && day >= from && day <= to)
                bt_points_add(out, day, data[i]);
        }
    }
    for (unsigned long i = 0; i < nds; i++)
        rrd_freemem(names[i]);
    rrd_freemem(names);
    rrd_freemem(data);
    return ok ? 0 : -1;
}

/* Why path, a link or not a regular file (mode), is no series file:
 * -1 with *e. */
static int not_series_file(const char *path, mode_t mode, struct bt_error *e)
{
    return bt_fail(e, "'%s' is %s, not a series file: baytrack follows no "
                   "link inside the database", path,
                   S_ISLNK(mode) ? "a symbolic link" : "not a file");
}

/* Whether path is a series file: 0; 1 when there is none; -1 with *e
 * when it is a link or not a regular file (never followed). */
static int series_file(const char *path, struct bt_error *e)
{
    struct stat st;
    if (lstat(path, &st) != 0) {
        if (errno == ENOENT)
            return 1;
        return bt_fail_errno(e, "cannot read '%s'", path);
    }
    return S_ISREG(st.st_mode) ? 0 : not_series_file(path, st.st_mode, e);
}

/* Opens the series file path to read, in *fd, checked as series_file
 * checks it but in one open: a link is not followed (O_NOFOLLOW), a FIFO
 * is not waited on (O_NONBLOCK), and what opens must be a regular file.
 * 0; 1 when there is none; -1 with *e. */
static int open_series(const char *path, int *fd, uint64_t *size,
                       struct bt_error *e)
{
    *fd = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK);
    if (*fd < 0 && errno == ENOENT)
        return 1;
    struct stat st;
    if (*fd < 0) { /* a link, a socket, a loop on the way: lstat tells */
        int err = errno;
        if (lstat(path, &st) == 0 && !S_ISREG(st.st_mode))
            return not_series_file(path, st.st_mode, e);
        errno = err;
        return bt_fail_errno(e, "cannot read '%s'", path);
    }
    int rc = fstat(*fd, &st) != 0 ? bt_fail_errno(e, "cannot read '%s'", path)
             : !S_ISREG(st.st_mode) ? not_series_file(path, st.st_mode, e)
                                    : 0;
    *size = rc == 0 ? (uint64_t)st.st_size : 0;
    if (rc != 0) {
        close(*fd);
        *fd = -1;
    }
    return rc;
}

/* The shape of the file path, read from its header (one open, no
 * mmap); 0 or -1. */
static int file_shape(const char *path, struct bt_rrd_shape *sh,
                      struct bt_error *e)
{
    int fd = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
    if (fd < 0)
        return bt_fail_errno(e, "cannot read '%s'", path);
    int rc = bt_rrd_shape_read(fd, path, sh, e);
    close(fd);
    if (rc == 0 && sh->last_up < BT_RRD_STEP)
        rc = bt_fail(e, "cannot read '%s': no update", path);
    return rc;
}

void bt_store_head_drop(struct bt_store *s)
{
    if (!s->head_path)
        return;
    close(s->head_fd);
    bt_rrd_head_release(&s->head);
    free(s->head_path);
    s->head_path = NULL;
}

/* The last update of the series file path itself, read from its header
 * (one open, one pread), in *last; the file and its header are kept in s
 * for bt_store_head. 0, 1 when there is no such file, or -1. */
static int file_last(struct bt_store *s, const char *path, time_t *last,
                     struct bt_error *e)
{
    bt_store_head_drop(s);
    *last = 0;
    uint64_t size;
    int fd, rc = open_series(path, &fd, &size, e);
    if (rc != 0)
        return rc;
    if (bt_rrd_head_read_sized(fd, size, path, &s->head, e) != 0) {
        close(fd);
        return -1;
    }
    if (s->head.shape.last_up < BT_RRD_STEP) {
        close(fd);
        bt_rrd_head_release(&s->head);
        return bt_fail(e, "cannot read '%s': no update", path);
    }
    *last = s->head.shape.last_up;
    s->head_fd = fd;
    s->head_path = bt_xstrdup(path);
    return 0;
}

int bt_store_head(struct bt_store *s, const char *path, int *fd,
                  struct bt_rrd_head *h, struct bt_error *e)
{
    if (s->head_path && strcmp(s->head_path, path) == 0) {
        *fd = s->head_fd; /* handed over */
        *h = s->head;
        free(s->head_path);
        s->head_path = NULL;
        return 0;
    }
    memset(h, 0, sizeof *h);
    uint64_t size;
    int rc = open_series(path, fd, &size, e);
    if (rc != 0)
        return rc > 0 ? bt_fail(e, "cannot open '%s': no such file", path) : -1;
    if (bt_rrd_head_read_sized(*fd, size, path, h, e) != 0) {
        close(*fd);
        *fd = -1;
        return -1;
    }
    return 0;
}

/* Reads the observations of days from..to (every one with all) of the
 * series file path into *out (emptied first) from the file itself: one
 * open, the ring read as it is on disk (store_format.h), no librrd. A
 * day outside the ring holds nothing (the ring covers the series' span).
 * Returns 0, 1 when the file does not exist, or -1. */
static int read_local(const char *path, int all, bt_day from, bt_day to,
                      struct bt_points *out, struct bt_error *e)
{
    out->n = 0;
    int rc = series_file(path, e);
    if (rc != 0)
        return rc;
    int fd = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
    if (fd < 0)
        return bt_fail_errno(e, "cannot read '%s'", path);
    struct bt_rrd_ring r;
    rc = bt_rrd_read_ring(fd, path, &r, e);
    close(fd);
    if (rc != 0)
        return -1;
    if (r.step != BT_RRD_STEP || r.ds_cnt != 1 || r.pdp_cnt != 1 ||
        r.end < BT_RRD_STEP)
        rc = bt_fail(e, "'%s' is not a baytrack series (step %lu, %lu data "
                     "sources, %lu steps a row)", path, r.step, r.ds_cnt,
                     r.pdp_cnt);
    /* the newest row holds the day that ends at r.end */
    bt_day first = (bt_day)(r.end / BT_RRD_STEP) - (bt_day)r.n;
    for (size_t i = 0; rc == 0 && i < r.n; i++) {
        bt_day day = first + (bt_day)i;
        if (!isnan(r.v[i]) && (all || (day >= from && day <= to)))
            bt_points_add(out, day, r.v[i]);
    }
    free(r.v);
    return rc;
}

/* The last update time of path (through a daemon: see the comment inside), in
 * *last; 0, 1 when the file does not exist, -1. *nb receives the daemon's
 * name for the file. */
static int last_update(struct bt_store *s, const char *path,
                       time_t *last, struct bt_buf *nb, struct bt_error *e)
{
    if (!s->daemon)
        return file_last(s, path, last, e);
    int rc = series_file(path, e);
    if (rc != 0)
        return rc;
    /* The daemon's LAST counts what it holds for the file: when it is the
     * file's own, the daemon has nothing unwritten (one round trip, the
     * nightly append's only one a series); otherwise it writes what it
     * holds and forgets the file, so that baytrack's own write that may
     * follow cannot be crossed by a stale cache. */
    const char *name = daemon_name(s, path, nb);
    if (daemon_connect(s, e) != 0)
        return -1;
    if (!s->cached) /* it holds nothing for any file */
        return file_last(s, path, last, e);
    op_begin(s);
    time_t there = rrdc_last(name);
    if (op_end(s, there < BT_RRD_STEP ? -1 : 0, "read the last update of",
               path, e) != 0)
        return -1;
    rrd_clear_error();
    *last = rrd_last_r(path);
    if (*last == there)
        return 0;
    rrd_clear_error();
    op_begin(s);
    if (op_end(s, rrdc_flush(name), "flush", path, e) != 0)
        return -1;
    bt_store_forget(s, path);
    return file_last(s, path, last, e);
}

int bt_store_last(struct bt_store *s, const char *path, bt_day *last,
                  struct bt_error *e)
{
    struct bt_buf nb = {0};
    time_t t = 0;
    int rc = last_update(s, path, &t, &nb, e);
    bt_buf_release(&nb);
    *last = rc == 0 ? (bt_day)(t / BT_RRD_STEP) - 1 : 0;
    return rc;
}

int bt_store_read_range(struct bt_store *s, const char *path,
                        bt_day from, bt_day to, struct bt_points *out,
                        struct bt_error *e)
{
    if (!s->daemon) {
        int rc = read_local(path, 0, from, to, out, e);
        return rc == 1 ? bt_fail(e, "cannot read '%s': no such file", path) : rc;
    }
    struct bt_buf nb = {0};
    int rc = fetch(s, path, daemon_name(s, path, &nb), from, to, out, e);
    bt_buf_release(&nb);
    return rc;
}

int bt_store_read(struct bt_store *s, const char *path,
                  struct bt_points *out, struct bt_error *e)
{
    out->n = 0;
    if (!s->daemon)
        return read_local(path, 1, 0, 0, out, e);
    struct bt_buf nb = {0};
    time_t last = 0;
    struct bt_rrd_shape sh;
    int rc = last_update(s, path, &last, &nb, e);
    if (rc == 0)
        rc = file_shape(path, &sh, e); /* its ring's length */
    if (rc == 0) {
        bt_day to = (bt_day)(last / BT_RRD_STEP) - 1;
        bt_day rows = sh.rra_cnt ? (bt_day)sh.rra[0].rows : 1;
        rc = fetch(s, path, nb.data, to - rows + 1, to,
                   out, e);
    }
    bt_buf_release(&nb);
    return rc;
}

/* Appends "T:V" (or "T:U" for a NaN value) and a NUL to *b, written in
 * place. This runs for every point written: no printf for the time, and
 * bt_rrd_text gives text that librrd reads as exactly the value
 * (rrd_number.h). */
static void add_update(struct bt_buf *b, long long t, double v)
{
    /* the time's 20 digits at most, ':', bt_rrd_text's 80 bytes, a NUL */
    bt_grow((void **)&b->data, &b->cap, b->len + 104, 1);
    char digits[24], *end = digits + sizeof digits, *p = end;
    unsigned long long x = (unsigned long long)t;
    do
        *--p = (char)('0' + x % 10);
    while ((x /= 10) > 0);
    char *out = b->data + b->len;
    size_t n = (size_t)(end - p);
    memcpy(out, p, n);
    out[n++] = ':';
    if (isnan(v))
        out[n++] = 'U';
    else
        n += bt_rrd_text(v, out + n);
    out[n++] = '\0'; /* the NUL that ends the argument */
    b->len += n;
}

/* The updates that store pts[0..n) after day prev (the file's last
 * observation): NUL-separated "T:V" arguments in *text, their count in
 * *nargs. A day that does not follow the one before is preceded by "T:U",
 * so the days between stay unknown. */
static void updates(struct bt_buf *text, size_t *nargs, bt_day prev,
                    const struct bt_point *pts, size_t n)
{
    bt_grow((void **)&text->data, &text->cap, text->len + n * 48, 1);
    for (size_t i = 0; i < n; i++) {
        long long t = (long long)pts[i].day * BT_RRD_STEP;
        if (pts[i].day != prev + 1) {
            add_update(text, t, NAN);
            ++*nargs;
        }
        add_update(text, t + BT_RRD_STEP, pts[i].value);
        ++*nargs;
        prev = pts[i].day;
    }
}

/* Points argv[0..nargs) at the arguments in text; the caller frees it. */
static const char **split_args(const struct bt_buf *text, size_t nargs)
{
    const char **argv = bt_xmalloc((nargs ? nargs : 1) * sizeof *argv);
    const char *p = text->data;
    for (size_t i = 0; i < nargs; i++) {
        argv[i] = p;
        p += strlen(p) + 1;
    }
    return argv;
}

/* Runs the updates in text on path directly through librrd (one call:
 * librrd opens the file once). */
static int update_file(const char *path, const struct bt_buf *text,
                       size_t nargs, struct bt_error *e)
{
    const char **argv = split_args(text, nargs);
    rrd_clear_error();
    int rc = rrd_updatex_r(path, NULL, 0, (int)nargs, argv);
    free(argv);
    return rc == 0 ? 0 : write_failed(e, "cannot write", path);
}

int bt_store_write(struct bt_store *s, const char *path,
                   const struct bt_point *pts, size_t n, struct bt_error *e)
{
    (void)s;
    if (n == 0)
        return bt_fail(e, "no observations to write to '%s'", path);
    unsigned long rows = bt_store_ring_rows(
        (unsigned long)(pts[n - 1].day - pts[0].day) + 1);
    char ds[64], rra_last[64];
    snprintf(ds, sizeof ds, "DS:value:GAUGE:%d:U:U", BT_RRD_STEP);
    snprintf(rra_last, sizeof rra_last, "RRA:LAST:0.5:1:%lu", rows);
    const char *args[] = {ds, rra_last};
    unlink(path);
    rrd_clear_error();
    time_t first = (time_t)pts[0].day * BT_RRD_STEP;
    if (rrd_create_r(path, BT_RRD_STEP, first, 2, args) != 0)
        return write_failed(e, "cannot create", path);
    struct bt_buf text = {0};
    size_t nargs = 0;
    updates(&text, &nargs, pts[0].day - 1, pts, n);
    int rc = update_file(path, &text, nargs, e);
    bt_buf_release(&text);
    return rc;
}

int bt_store_append(struct bt_store *s, const char *path,
                    bt_day last_day, const struct bt_point *pts, size_t n,
                    struct bt_error *e)
{
    struct bt_buf text = {0};
    size_t nargs = 0;
    updates(&text, &nargs, last_day, pts, n);
    (void)s; /* written here, through a daemon too (store_rrd.h) */
    int rc = update_file(path, &text, nargs, e);
    bt_buf_release(&text);
    return rc;
}

/* Whether sh is the layout of an earlier release's files. */
static int layout_v1(const struct bt_rrd_shape *sh)
{
    return sh->rra_cnt == 2 && strcmp(sh->rra[0].cf, "LAST") == 0 &&
           sh->rra[0].pdp_cnt == 1 && sh->rra[0].rows == BT_RRD_ROWS_V1 &&
           strcmp(sh->rra[1].cf, "AVERAGE") == 0 && sh->rra[1].pdp_cnt == 7 &&
           sh->rra[1].rows == BT_RRD_WEEKS_V1;
}

int bt_store_can_append_head(int fd, const char *path,
                             const struct bt_rrd_head *h,
                             const struct bt_point *pts, size_t n,
                             struct bt_rrd_preimage *p, struct bt_error *e)
{
    const struct bt_rrd_shape *sh = &h->shape;
    memset(p, 0, sizeof *p);
    int base = sh->step == BT_RRD_STEP && sh->ds_cnt == 1 &&
               strcmp(sh->ds_type, "GAUGE") == 0 && sh->heartbeat == BT_RRD_STEP;
    int now = base && sh->rra_cnt == 1 && strcmp(sh->rra[0].cf, "LAST") == 0 &&
              sh->rra[0].pdp_cnt == 1 &&
              bt_store_ring_rows(sh->rra[0].rows) == sh->rra[0].rows;
    if (base && layout_v1(sh))
        return 1; /* rebuilt in the current layout */
    if (!now)
        return bt_fail(e, "'%s' is not laid out as baytrack creates series "
                       "files (step %lu s, %lu data sources, %lu RRAs, first "
                       "ring %lu rows): baytrack does not write into it; "
                       "move it out of the database", path, sh->step,
                       sh->ds_cnt, sh->rra_cnt, sh->rra_cnt ? sh->rra[0].rows : 0);
    time_t until = ((time_t)pts[n - 1].day + 1) * BT_RRD_STEP;
    if (bt_rrd_preimage_read(fd, path, h, until, p, e) != 0)
        return -1;
    if (bt_rrd_preimage_keeps(h, p, until))
        return 0;
    bt_rrd_preimage_release(p);
    return 1; /* outgrown: rebuilt into a larger ring */
}

int bt_store_can_append(int fd, const char *path, const struct bt_point *pts,
                        size_t n, struct bt_error *e)
{
    struct bt_rrd_head h;
    struct bt_rrd_preimage p;
    if (bt_rrd_head_read(fd, path, &h, e) != 0)
        return -1;
    int rc = bt_store_can_append_head(fd, path, &h, pts, n, &p, e);
    if (rc == 0)
        bt_rrd_preimage_release(&p);
    bt_rrd_head_release(&h);
    return rc;
}

void bt_store_forget(struct bt_store *s, const char *path)
{
    bt_store_head_drop(s);
    struct bt_error ignored; /* a daemon that held nothing for the file */
    if (!s->daemon || daemon_connect(s, &ignored) != 0)
        return;
    struct bt_buf nb = {0};
    op_begin(s);
    int rc = rrdc_forget(daemon_name(s, path, &nb));
    if (rc != 0 && !rrdc_is_connected(s->daemon))
        op_end(s, rc, "forget", path, &ignored);
    else
        op_end(s, 0, "forget", path, &ignored);
    bt_buf_release(&nb);
}
