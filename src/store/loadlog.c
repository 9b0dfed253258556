/* loadlog.c - the lines a transaction logs (loads.csv, added.csv,
 * revisions.csv, flags.csv), and reading them back: what changed since a
 * day (db.h). */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "base/csv_read.h"
#include "base/mem.h"
#include "base/number.h"
#include "base/period.h"
#include "db.h"
#include "loadlog.h"

/* Starts a line of log: the time, UTC, and a comma. The time is
 * formatted once a second, not once a line (an append night logs a
 * line a series). */
static void line_start(struct bt_txn *t, struct bt_buf *log)
{
    time_t now = time(NULL);
    if (!t->logged[0] || now != t->logged_at) {
        struct tm tm;
        strftime(t->logged, sizeof t->logged, "%Y-%m-%dT%H:%M:%SZ",
                 gmtime_r(&now, &tm));
        t->logged_at = now;
    }
    bt_buf_puts(log, t->logged);
    bt_buf_add(log, ",", 1);
}

void bt_txn_load(struct bt_txn *t, const char *file, size_t added,
                 size_t revised, size_t deleted, size_t flags)
{
    line_start(t, &t->load_log);
    bt_csv_cell(&t->load_log, file);
    bt_buf_addf(&t->load_log, ",%zu,%zu,%zu,%zu\n", added, revised, deleted,
                flags);
}

void bt_txn_added(struct bt_txn *t, const char *series_label, bt_day day,
                  double value, const char *file)
{
    char date[11], v[32];
    size_t nd = bt_date_format(day, date), n = bt_number_format(value, v);
    line_start(t, &t->added_log);
    bt_csv_cell(&t->added_log, series_label);
    bt_buf_add(&t->added_log, ",", 1);
    bt_buf_add(&t->added_log, date, nd);
    bt_buf_add(&t->added_log, ",", 1);
    bt_buf_add(&t->added_log, v, n);
    bt_buf_add(&t->added_log, ",", 1);
    bt_csv_cell(&t->added_log, file);
    bt_buf_add(&t->added_log, "\n", 1);
}

void bt_txn_flag(struct bt_txn *t, const char *series_label, bt_day day,
                 const char *old_flag, const char *new_flag, const char *file)
{
    char date[11];
    bt_date_format(day, date);
    line_start(t, &t->flag_log);
    bt_csv_cell(&t->flag_log, series_label);
    bt_buf_addf(&t->flag_log, ",%s,", date);
    bt_csv_cell(&t->flag_log, old_flag ? old_flag : "");
    bt_buf_add(&t->flag_log, ",", 1);
    bt_csv_cell(&t->flag_log, new_flag ? new_flag : "");
    bt_buf_add(&t->flag_log, ",", 1);
    bt_csv_cell(&t->flag_log, file);
    bt_buf_add(&t->flag_log, "\n", 1);
}

void bt_txn_revision(struct bt_txn *t, const char *series_label, bt_day day,
                     double old_value, double new_value, const char *file)
{
    char date[11], o[32], n[32];
    bt_date_format(day, date);
    bt_number_format(old_value, o);
    if (isnan(new_value))
        n[0] = '\0'; /* deleted */
    else
        bt_number_format(new_value, n);
    line_start(t, &t->revisions);
    bt_csv_cell(&t->revisions, series_label);
    bt_buf_addf(&t->revisions, ",%s,%s,%s,", date, o, n);
    bt_csv_cell(&t->revisions, file);
    bt_buf_add(&t->revisions, "\n", 1);
}

/* Reading one log: its name, the day from which lines are kept, where
 * they go, and the first malformed line (0: none). */
struct reading {
    const char *name;
    bt_day since;
    struct bt_changes *out;
    size_t loads_cap, revisions_cap, added_cap;
    unsigned long bad_line, bad_column;
    const char *why;
    char why_buf[64]; /* a why that is formatted */
};

/* The UTC day of a log time "YYYY-MM-DDTHH:MM:SSZ", or -1. */
static long when_day(const char *s, size_t len)
{
    int y, m, d;
    if (len != 20 || sscanf(s, "%4d-%2d-%2d", &y, &m, &d) != 3 ||
        s[10] != 'T' || s[19] != 'Z' || !bt_date_valid(y, m, d))
        return -1;
    return (long)bt_day_from_civil(y, m, d);
}

/* A count cell: digits only. */
static int count_cell(const struct bt_field *f, size_t *out)
{
    char *end;
    if (f->len == 0 || f->s[0] < '0' || f->s[0] > '9')
        return -1;
    errno = 0;
    unsigned long long v = strtoull(f->s, &end, 10);
    *out = (size_t)v;
    return *end || errno ? -1 : 0;
}

/* Records the first malformed line: at its column, for why (static). */
static int bad(struct reading *r, unsigned long line, unsigned long column,
               const char *why)
{
    r->bad_line = line;
    r->bad_column = column;
    r->why = why;
    return 1;
}

/* A row of n fields where want are needed: at the first missing or the
 * first extra field, "expected WANT fields, found N". */
static int bad_count(struct reading *r, unsigned long line, size_t n,
                     size_t want)
{
    snprintf(r->why_buf, sizeof r->why_buf, "expected %zu fields, found %zu",
             want, n);
    return bad(r, line, (n < want ? n : want) + 1, r->why_buf);
}

static int load_line(void *ctx, unsigned long line, const struct bt_field *f,
                     size_t n)
{
    struct reading *r = ctx;
    if (line == 1)
        return 0; /* the header */
    struct bt_load_entry le = {0};
    long day = n == 6 ? when_day(f[0].s, f[0].len) : -1;
    if (n != 6)
        return bad_count(r, line, n, 6);
    if (day < 0)
        return bad(r, line, 1, "not a time YYYY-MM-DDTHH:MM:SSZ");
    size_t *counts[] = {&le.added, &le.revised, &le.deleted, &le.flags};
    for (size_t k = 0; k < 4; k++)
        if (count_cell(&f[2 + k], counts[k]))
            return bad(r, line, 3 + k, "a count is not a whole number");
    if (day < r->since)
        return 0;
    memcpy(le.when, f[0].s, 21);
    le.file = bt_xstrdup(f[1].s);
    struct bt_changes *c = r->out;
    bt_grow((void **)&c->loads, &r->loads_cap, c->nloads + 1, sizeof *c->loads);
    c->loads[c->nloads++] = le;
    return 0;
}

/* The checks a dated log line shares (revisions.csv, added.csv): want
 * fields, a time in field 1 and a date in field 3. Returns 0 when the line
 * is to be kept, -1 when it is skipped (the header, or a line before
 * --since), or bad()'s 1. */
static int dated_line(struct reading *r, unsigned long line,
                      const struct bt_field *f, size_t n, size_t want)
{
    if (line == 1)
        return -1;
    if (n != want)
        return bad_count(r, line, n, want);
    long day = when_day(f[0].s, f[0].len);
    if (day < 0)
        return bad(r, line, 1, "not a time YYYY-MM-DDTHH:MM:SSZ");
    if (f[2].len != 10)
        return bad(r, line, 3, "not a date YYYY-MM-DD");
    return day < r->since ? -1 : 0;
}

static int revision_line(void *ctx, unsigned long line,
                         const struct bt_field *f, size_t n)
{
    struct reading *r = ctx;
    int rc = dated_line(r, line, f, n, 6);
    if (rc != 0)
        return rc < 0 ? 0 : rc;
    struct bt_revision_entry re = {0};
    memcpy(re.when, f[0].s, 21);
    memcpy(re.date, f[2].s, 11);
    re.series = bt_xstrdup(f[1].s);
    re.old_value = bt_xstrdup(f[3].s);
    re.new_value = bt_xstrdup(f[4].s);
    re.file = bt_xstrdup(f[5].s);
    struct bt_changes *c = r->out;
    bt_grow((void **)&c->revisions, &r->revisions_cap, c->nrevisions + 1,
            sizeof *c->revisions);
    c->revisions[c->nrevisions++] = re;
    return 0;
}

static int added_line(void *ctx, unsigned long line, const struct bt_field *f,
                      size_t n)
{
    struct reading *r = ctx;
    int rc = dated_line(r, line, f, n, 5);
    if (rc != 0)
        return rc < 0 ? 0 : rc;
    struct bt_added_entry ae = {0};
    memcpy(ae.when, f[0].s, 21);
    memcpy(ae.date, f[2].s, 11);
    ae.series = bt_xstrdup(f[1].s);
    ae.value = bt_xstrdup(f[3].s);
    ae.file = bt_xstrdup(f[4].s);
    struct bt_changes *c = r->out;
    bt_grow((void **)&c->added, &r->added_cap, c->nadded + 1, sizeof *c->added);
    c->added[c->nadded++] = ae;
    return 0;
}

/* Reads DB/r->name through fn. 0 (a missing log too), or -1 with *e. */
static int read_log(struct bt_db *db, struct reading *r, bt_csv_record_fn fn,
                    struct bt_error *e)
{
    struct bt_buf path = {0}, text = {0};
    struct bt_diags diags = {0};
    bt_db_path(db, r->name, &path);
    int rc = 0;
    if (bt_file_read(path.data, &text, e) != 0) {
        rc = errno == ENOENT ? 0 : -1;
    } else {
        int got = bt_csv_read(text.data, text.len, fn, r, &diags);
        if (got < 0)
            rc = bt_fail(e, "%s: not CSV (%s)", path.data,
                         diags.n ? diags.v[0].msg : "syntax error");
        else if (got)
            rc = bt_fail(e, "%s:%lu:%lu: %s", path.data, r->bad_line,
                         r->bad_column, r->why);
    }
    bt_diags_release(&diags);
    bt_buf_release(&path);
    bt_buf_release(&text);
    return rc;
}

int bt_db_changes(struct bt_db *db, bt_day since, struct bt_changes *out,
                  struct bt_error *e)
{
    memset(out, 0, sizeof *out);
    if (bt_db_read_begin(db, e) != 0)
        return -1;
    struct reading r = {.name = BT_LOADS_LOG, .since = since, .out = out};
    int rc = read_log(db, &r, load_line, e);
    r.name = BT_REVISIONS_LOG;
    if (rc == 0)
        rc = read_log(db, &r, revision_line, e);
    r.name = BT_ADDED_LOG;
    if (rc == 0)
        rc = read_log(db, &r, added_line, e);
    if (rc != 0)
        bt_changes_release(out);
    return rc;
}

void bt_changes_release(struct bt_changes *c)
{
    for (size_t i = 0; i < c->nloads; i++)
        free(c->loads[i].file);
    for (size_t i = 0; i < c->nrevisions; i++) {
        free(c->revisions[i].series);
        free(c->revisions[i].old_value);
        free(c->revisions[i].new_value);
        free(c->revisions[i].file);
    }
    for (size_t i = 0; i < c->nadded; i++) {
        free(c->added[i].series);
        free(c->added[i].value);
        free(c->added[i].file);
    }
    free(c->loads);
    free(c->revisions);
    free(c->added);
    memset(c, 0, sizeof *c);
}
