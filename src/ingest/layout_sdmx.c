/* layout_sdmx.c - SDMX-CSV 1.0 and 2.0, read without a mapping.
 *
 * Recognised by its first header cell: STRUCTURE (2.0) or DATAFLOW (1.0).
 * Every column is named by its SDMX id (a header "ID: Name" is read as
 * ID), and
 *   STRUCTURE, STRUCTURE_ID, STRUCTURE_NAME, DATAFLOW, LAST UPDATE
 *                      say which dataflow: ignored
 *   ACTION             I, A, R, M (or empty) load the row; D deletes
 *                      the stored observation of its series and period
 *                      (whatever its value and attribute cells hold)
 *   FREQ               checked against the catalogue's frequency (A, Q,
 *                      M, D; other codes are not checked), not stored
 *   TIME_PERIOD        the period, in any SDMX form (sdmx_period); a
 *                      row before 1970-01-02, which no RRD file holds,
 *                      is passed over and counted
 *   OBS_VALUE          the value; empty, ':' or NaN is missing
 *   UNIT_MULT          the value is in units of 10^UNIT_MULT: scaled
 *                      exactly, as a mapping's 'scale' does
 *   OBS_STATUS, OBS_FLAG, CONF_STATUS
 *                      the observation's flag: their codes joined by a
 *                      space, leaving out OBS_STATUS A (normal value)
 *                      and CONF_STATUS F (free)
 *   OBS_COMMENT        the observation's note
 * any other column before OBS_VALUE is a dimension named by its id in
 * lower case (bt_dim_name); an id that would be one of the long layout's
 * columns (INDICATOR, UNIT ...) is prefixed: sdmx_indicator. Any other
 * column after OBS_VALUE is an attribute baytrack does not keep. In a
 * file with STRUCTURE_NAME and no "ID: Name" headers (.Stat Suite's
 * "with labels"), each column after ACTION is followed by its label
 * column, which is not read; in one with "ID: Name" headers, every cell
 * "CODE: Label" is read as CODE. The indicator is load --indicator's.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "layout.h"
#include "base/number.h"
#include "base/point.h"

#define NONE SIZE_MAX

/* The columns an SDMX header names, by role. */
enum role {
    R_STRUCTURE, R_ACTION, R_FREQ, R_TIME, R_VALUE, R_MULT, R_STATUS,
    R_FLAG, R_CONF, R_COMMENT, R_N
};

static const struct {
    const char *id;
    enum role role;
} ids[] = {
    {"STRUCTURE", R_STRUCTURE}, {"STRUCTURE_ID", R_STRUCTURE},
    {"STRUCTURE_NAME", R_STRUCTURE}, {"DATAFLOW", R_STRUCTURE},
    {"LAST UPDATE", R_STRUCTURE}, {"ACTION", R_ACTION}, {"FREQ", R_FREQ},
    {"TIME_PERIOD", R_TIME}, {"OBS_VALUE", R_VALUE}, {"UNIT_MULT", R_MULT},
    {"OBS_STATUS", R_STATUS}, {"OBS_FLAG", R_FLAG}, {"CONF_STATUS", R_CONF},
    {"OBS_COMMENT", R_COMMENT},
};

struct sdmx {
    const struct bt_indicator *ind;
    size_t col[R_N];       /* where each role is (R_STRUCTURE: unused) */
    int coded;             /* cells are "CODE: Label" */
    struct bt_buf flag;    /* a row's flag */
    struct bt_buf note;    /* a row's comment, NUL-terminated */
    size_t dimlen[BT_DIM_COLUMNS_MAX + 1];
};

/* The id a header cell or a coded cell gives: up to ": ". */
static size_t code_len(const char *s, size_t n)
{
    const char *c = memchr(s, ':', n);
    return c && c + 1 < s + n && c[1] == ' ' ? (size_t)(c - s) : n;
}

static enum role role_of(const char *s, size_t n)
{
    for (size_t i = 0; i < sizeof ids / sizeof *ids; i++)
        if (strlen(ids[i].id) == n && strncasecmp(ids[i].id, s, n) == 0)
            return ids[i].role;
    return R_N;
}

static int detect(const struct bt_field *f, size_t n)
{
    if (n < 3)
        return 0;
    size_t k = code_len(f[0].s, f[0].len);
    return (k == 9 && memcmp(f[0].s, "STRUCTURE", 9) == 0) ||
           (k == 8 && memcmp(f[0].s, "DATAFLOW", 8) == 0);
}

/* ---- periods ------------------------------------------------------- */

static int digits(const char *s, size_t n, int *v)
{
    *v = 0;
    for (size_t i = 0; i < n; i++) {
        if (s[i] < '0' || s[i] > '9')
            return -1;
        *v = *v * 10 + (s[i] - '0');
    }
    return n ? 0 : -1;
}

/* The last day of ISO week w of year y (a Sunday), or -1. */
static bt_day week_end(int y, int w)
{
    bt_day jan4 = bt_day_from_civil(y, 1, 4);
    int wd = (int)(((jan4 % 7) + 7 + 3) % 7); /* 0 = Monday (1970-01-01 was a Thursday) */
    bt_day monday1 = jan4 - wd;
    bt_day dec28 = bt_day_from_civil(y, 12, 28); /* always in the last week */
    int last = (int)((dec28 - monday1) / 7) + 1;
    return w >= 1 && w <= last ? monday1 + 7 * (w - 1) + 6 : -1;
}

/* An SDMX reporting period YYYY-Xn (X one of A S T Q M W D) by its last
 * day: 0, 1 when s is not one, -1 with *why when it is one that cannot
 * be. */
static int reporting_period(const char *s, size_t n, bt_day *out,
                            const char **why)
{
    int y, k;
    if (n < 7 || s[4] != '-' || digits(s, 4, &y) != 0 || y < 1)
        return 1;
    char x = s[5];
    static const char kinds[] = "ASTQMWD";
    if (!memchr(kinds, x, 7) || digits(s + 6, n - 6, &k) != 0)
        return 1;
    static const int per_year[] = {1, 2, 3, 4, 12};
    const char *at = strchr(kinds, x);
    *why = "no such period in the year";
    if (x == 'W') {
        bt_day d = week_end(y, k);
        if (d < 0)
            return -1;
        *out = d;
        return 0;
    }
    if (x == 'D') {
        int len = bt_date_valid(y, 2, 29) ? 366 : 365;
        if (k < 1 || k > len)
            return -1;
        *out = bt_day_from_civil(y, 1, 1) + k - 1;
        return 0;
    }
    int parts = per_year[at - kinds];
    if (k < 1 || k > parts)
        return -1;
    int month = k * (12 / parts);
    *out = bt_day_from_civil(y, month, bt_days_in_month(y, month));
    return 0;
}

/* TIME_PERIOD: 2024, 2024-Q1, 2024-S1, 2024-T1, 2024-A1, 2024-M01,
 * 2024-W05, 2024-D032, 2024-01, 2024-01-31 (a time after T is ignored:
 * the day is the date), dated by the period's last day; any other form
 * bt_period_parse reads. 0, or -1 with *why. */
static int sdmx_period(const char *s, size_t n, bt_day *out, const char **why)
{
    if (bt_layout_iso_day(s, n, out)) /* 2024-01-31: the common case */
        return 0;
    int rc = reporting_period(s, n, out, why);
    if (rc <= 0)
        return rc;
    const char *t = memchr(s, 'T', n);
    if (t && t - s == 10) /* 2024-01-31T00:00:00 */
        n = 10;
    return bt_period_parse(s, n, out, why);
}

/* ---- header -------------------------------------------------------- */

/* Column i names a dimension: its id in lower case, prefixed sdmx_ when
 * that is a column name of the long layout. */
static int header_dim(struct parser *p, unsigned long line, const char *s,
                      size_t n, size_t i)
{
    char name[64], prefixed[64];
    const char *why;
    if (bt_dim_name(s, n, name, &why) != 0) {
        bt_diags_add(p->diags, line, i + 1, "dimension '%.*s' %s",
                     (int)(n > 80 ? 80 : n), s, why);
        return -1;
    }
    if (bt_column_find(name, strlen(name)) != BT_COL_N) {
        snprintf(prefixed, sizeof prefixed, "sdmx_%s", name);
        return bt_layout_add_dim(p, line, i, prefixed);
    }
    return bt_layout_add_dim(p, line, i, name);
}

static int header(struct parser *p, unsigned long line,
                  const struct bt_field *f, size_t n)
{
    struct sdmx *st = p->sdmx = bt_xcalloc(1, sizeof *p->sdmx);
    for (size_t r = 0; r < R_N; r++)
        st->col[r] = NONE;
    int labels = 0, ok = 0;
    for (size_t i = 0; i < n; i++) {
        size_t k = code_len(f[i].s, f[i].len);
        st->coded |= k != f[i].len;
        labels |= role_of(f[i].s, k) == R_STRUCTURE &&
                  k == 14 && memcmp(f[i].s, "STRUCTURE_NAME", 14) == 0;
    }
    labels &= !st->coded;
    int after_value = 0, paired = 0;
    for (size_t i = 0; i < n && ok == 0; i++) {
        size_t k = code_len(f[i].s, f[i].len);
        enum role r = role_of(f[i].s, k);
        if (paired) { /* .Stat Suite's label column of column i - 1 */
            paired = 0;
            if (r == R_N)
                continue;
        }
        if (labels && r != R_STRUCTURE && r != R_ACTION)
            paired = 1;
        if (r == R_STRUCTURE || (r == R_N && after_value) || f[i].len == 0)
            continue;
        if (r == R_N) {
            ok = header_dim(p, line, f[i].s, k, i);
            continue;
        }
        if (st->col[r] != NONE) {
            bt_diags_add(p->diags, line, i + 1, "column '%.*s' appears twice",
                         (int)k, f[i].s);
            ok = -1;
        }
        st->col[r] = i;
        after_value |= r == R_VALUE;
    }
    if (ok == 0 && (st->col[R_TIME] == NONE || st->col[R_VALUE] == NONE)) {
        bt_diags_add(p->diags, line, 1, "an SDMX-CSV header has TIME_PERIOD "
                     "and OBS_VALUE columns; this one has %s",
                     st->col[R_TIME] == NONE ? "no TIME_PERIOD" : "no OBS_VALUE");
        ok = -1;
    }
    if (ok == 0 && !(st->ind = bt_layout_given(p, line, "an SDMX-CSV file")))
        ok = -1;
    p->ds->has_notes = st->col[R_COMMENT] != NONE;
    return ok;
}

/* ---- rows ---------------------------------------------------------- */

/* Cell f[col] (NONE: empty) as its code: *s and its length. */
static size_t cell(const struct sdmx *st, const struct bt_field *f, size_t col,
                   const char **s)
{
    if (col == NONE) {
        *s = "";
        return 0;
    }
    *s = f[col].s;
    return st->coded ? code_len(f[col].s, f[col].len) : f[col].len;
}

/* Frequency codes the catalogue can say. */
static int freq_code(enum bt_freq fr)
{
    static const char code[] = {[BT_FREQ_YEARLY] = 'A',
                                [BT_FREQ_QUARTERLY] = 'Q',
                                [BT_FREQ_MONTHLY] = 'M', [BT_FREQ_DAILY] = 'D'};
    return code[fr];
}

/* The row's action: 0 to load it, 1 to delete, -1 after a message. */
static int row_action(struct parser *p, unsigned long line,
                      const struct bt_field *f)
{
    const char *s;
    size_t n = cell(p->sdmx, f, p->sdmx->col[R_ACTION], &s);
    if (n == 0 || (n == 1 && (*s == 'I' || *s == 'A' || *s == 'R' || *s == 'M')))
        return 0;
    if (n == 1 && *s == 'D')
        return 1;
    bt_diags_add(p->diags, line, p->sdmx->col[R_ACTION] + 1, "ACTION '%.*s' "
                 "is not I, A, R, M (load) or D (delete)", (int)(n > 40 ? 40 : n), s);
    return -1;
}

static int row_freq(struct parser *p, unsigned long line,
                    const struct bt_field *f)
{
    struct sdmx *st = p->sdmx;
    const char *s;
    size_t n = cell(st, f, st->col[R_FREQ], &s);
    if (n != 1 || *s == freq_code(st->ind->freq) || !memchr("AQMD", *s, 4))
        return 0;
    bt_diags_add(p->diags, line, st->col[R_FREQ] + 1, "FREQ '%c' is not the "
                 "frequency of %s in the catalogue (%s, '%c')", *s,
                 st->ind->id, bt_freq_name(st->ind->freq),
                 freq_code(st->ind->freq));
    return -1;
}

static int row_time(struct parser *p, unsigned long line,
                    const struct bt_field *f, bt_day *day)
{
    const char *s, *why;
    size_t c = p->sdmx->col[R_TIME], n = cell(p->sdmx, f, c, &s);
    int rc = sdmx_period(s, n, day, &why);
    if (rc != 0)
        bt_diags_add(p->diags, line, c + 1, "TIME_PERIOD '%.*s%s': %s",
                     BT_SHOWN(f[c].s), why);
    return rc;
}

/* UNIT_MULT: an integer from -300 to 300, empty for 0. 0 or -1. */
static int row_mult(struct parser *p, unsigned long line,
                    const struct bt_field *f, int *exp10)
{
    const char *s;
    size_t c = p->sdmx->col[R_MULT], n = cell(p->sdmx, f, c, &s);
    int neg = n && *s == '-', v = 0;
    *exp10 = 0;
    if (n == 0)
        return 0;
    if (n - (size_t)neg <= 3 && digits(s + neg, n - (size_t)neg, &v) == 0 &&
        v <= 300) {
        *exp10 = neg ? -v : v;
        return 0;
    }
    bt_diags_add(p->diags, line, c + 1, "UNIT_MULT '%.*s%s' is not a power of "
                 "ten from -300 to 300", BT_SHOWN(f[c].s));
    return -1;
}

/* The row's flag into st->flag: the status codes that say something. */
static void row_flag(struct sdmx *st, const struct bt_field *f)
{
    st->flag.len = 0;
    static const enum role roles[] = {R_STATUS, R_FLAG, R_CONF};
    static const char *const normal[] = {"A", "", "F"};
    for (size_t i = 0; i < 3; i++) {
        const char *s;
        size_t n = cell(st, f, st->col[roles[i]], &s);
        if (n == 0 || (strlen(normal[i]) == n && memcmp(s, normal[i], n) == 0))
            continue;
        if (st->flag.len)
            bt_buf_add(&st->flag, " ", 1);
        bt_buf_add(&st->flag, s, n);
    }
}

static int is_missing(const char *s, size_t n)
{
    return n == 0 || (n == 1 && *s == ':') ||
           (n == 3 && strncasecmp(s, "nan", 3) == 0);
}

static void row(struct parser *p, unsigned long line, const struct bt_field *f)
{
    struct sdmx *st = p->sdmx;
    bt_day day = 0;
    int exp10 = 0;
    size_t before = p->diags->n;
    int action = row_action(p, line, f);
    row_freq(p, line, f);
    row_time(p, line, f, &day);
    row_mult(p, line, f, &exp10);
    if (st->coded) {
        for (size_t i = 0; i < p->ndims; i++)
            st->dimlen[i] = cell(st, f, p->dim_col[i], &(const char *){0});
        bt_layout_row_dims_n(p, line, f, st->dimlen);
    } else {
        bt_layout_row_dims(p, line, f);
    }
    if (p->diags->n != before)
        return;
    if (day < BT_DAY_MIN) { /* well formed, but no RRD file holds it */
        p->ds->skipped[BT_DS_SKIP_EARLY]++;
        p->ds->rows--;
        return;
    }
    if (action == 1) { /* whatever else the row holds */
        ds_add_obs(p, st->ind, day, BT_DS_DELETED, NULL, 0, NULL, NULL, line,
                   st->col[R_ACTION] + 1);
        return;
    }
    const char *s, *why;
    size_t c = st->col[R_VALUE], n = cell(st, f, c, &s);
    double v = 0;
    int rc = is_missing(s, n) ? 0 : bt_number_parse_scaled(s, n, exp10, &v, &why);
    if (rc < 0) {
        bt_diags_add(p->diags, line, c + 1, "OBS_VALUE '%.*s%s': %s",
                     BT_SHOWN(f[c].s), why);
        return;
    }
    if (rc == 0) {
        p->ds->missing++;
        return;
    }
    row_flag(st, f);
    const char *note = NULL;
    if (st->col[R_COMMENT] != NONE) {
        st->note.len = 0;
        size_t k = cell(st, f, st->col[R_COMMENT], &note);
        bt_buf_add(&st->note, note, k);
        bt_buf_add(&st->note, "", 1);
        note = st->note.data;
    }
    ds_add_obs(p, st->ind, day, v, st->flag.data, st->flag.len, note, NULL,
               line, c + 1);
}

static int record(struct parser *p, unsigned long line,
                  const struct bt_field *f, size_t n)
{
    return bt_layout_framed(p, line, f, n, header, row);
}

static void release(struct parser *p)
{
    if (!p->sdmx)
        return;
    bt_buf_release(&p->sdmx->flag);
    bt_buf_release(&p->sdmx->note);
    free(p->sdmx);
    p->sdmx = NULL;
}

const struct bt_layout bt_layout_sdmx = {"sdmx", detect, record, NULL, release};
