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
 * column, which is not read; so it is in a file whose OBS_VALUE is followed
 * by a column named with a space, which no SDMX id has (Eurostat's
 * "freq,Time frequency,...,OBS_VALUE,Observation value,..." with labels);
 * in one with "ID: Name" headers, every cell
 * "CODE: Label" is read as CODE. The indicator is load --indicator's.
 *
 * With a mapping (one without 'time': docs/formats.md, "With a
 * mapping"), every rule above still holds, and the mapping's statements
 * about dimensions are read against this header, each column named by
 * its id: 'dimension NAME ID' renames a dimension (or makes a label or
 * attribute column one), 'ignore ID' drops a dimension (or leaves an
 * attribute, FREQ or OBS_COMMENT unread), 'keep'/'drop' pass over rows
 * (counted), 'value [ID] OBS_VALUE NAME=VALUE' fixes a dimension and may
 * name the indicator, as 'indicator' does; 'alias', 'scale' (times
 * UNIT_MULT) and 'missing' as in any mapping. Any other statement is an
 * error at its MAP:LINE:COLUMN.
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

/* With a mapping: one dimension of every row, in name order. */
struct dimcol {
    const char *name;  /* into p->dim_name or the mapping */
    size_t col;        /* its column, or NONE: fixed */
    const char *value; /* fixed: the mapping's value */
};

struct sdmx {
    const struct bt_indicator *ind;
    size_t col[R_N];       /* where each role is (R_STRUCTURE: unused) */
    int coded;             /* cells are "CODE: Label" */
    struct bt_buf flag;    /* a row's flag */
    struct bt_buf note;    /* a row's comment, NUL-terminated */
    size_t dimlen[BT_DIM_COLUMNS_MAX + 1];
    const struct bt_mapping *map; /* p->map, or NULL */
    size_t *filter_col;    /* with a mapping: the column of each keep/drop */
    int exp10;             /* with a mapping: its scale, times UNIT_MULT */
    struct dimcol dims[BT_DIM_COLUMNS_MAX + BT_DIMS_MAX];
    size_t ndims;          /* with a mapping: dims[] */
    struct bt_buf cellbuf; /* with a mapping: a dimension's value */
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

/* What a header column is. */
enum kind {
    K_NONE,  /* not read: STRUCTURE..., an empty header, ignored */
    K_ROLE,  /* one of ids[] (st->col) */
    K_DIM,   /* a dimension */
    K_LABEL, /* .Stat Suite's label of the column before it */
    K_ATTR   /* an attribute after OBS_VALUE, not kept */
};

static enum role role_at(const struct sdmx *st, size_t c)
{
    for (enum role r = 0; r < R_N; r++)
        if (r != R_STRUCTURE && st->col[r] == c)
            return r;
    return R_N;
}

/* Column i's dimension name by its id: in lower case, prefixed sdmx_
 * when that is a column name of the long layout. 0, or -1 after a
 * message. */
static int auto_name(struct parser *p, unsigned long line, const char *s,
                     size_t n, size_t i, char out[64])
{
    char name[64];
    const char *why;
    if (bt_dim_name(s, n, name, &why) != 0) {
        bt_diags_add(p->diags, line, i + 1, "dimension '%.*s' %s",
                     (int)(n > 80 ? 80 : n), s, why);
        return -1;
    }
    if (bt_column_find(name, strlen(name)) != BT_COL_N)
        snprintf(out, 64, "sdmx_%.16s", name); /* reserved names are short */
    else
        snprintf(out, 64, "%s", name);
    return 0;
}

/* The columns of f[0..n) that text names: the header or id equal to it
 * (exact), else, label columns aside, the id equal to it in another case
 * (ref_area for REF_AREA). Adds each to *at ("@N, ..."); returns how
 * many, the first in *col. */
static size_t matches(const struct bt_field *f, size_t n, const enum kind *kind,
                      const char *text, int fold, size_t *col, struct bt_buf *at)
{
    size_t count = 0, len = strlen(text);
    for (size_t i = 0; i < n; i++) {
        size_t k = code_len(f[i].s, f[i].len);
        int hit = fold ? kind[i] != K_LABEL && k == len &&
                             strncasecmp(f[i].s, text, len) == 0
                       : (f[i].len == len && memcmp(f[i].s, text, len) == 0) ||
                             (k == len && memcmp(f[i].s, text, len) == 0);
        if (!hit)
            continue;
        if (!count++)
            *col = i;
        if (at->len < 2000)
            bt_buf_addf(at, "%s@%zu", at->len ? ", " : "", i + 1);
    }
    return count;
}

/* The column r names in the SDMX header f[0..n) (@N, or a name as
 * matches() finds it), or NONE after a message at the mapping's word;
 * what and key say which statement wants it. */
static size_t sdmx_column(struct parser *p, const struct bt_field *f, size_t n,
                          const enum kind *kind, const struct bt_map_ref *r,
                          const char *what, const char *key)
{
    const struct bt_mapping *m = p->map;
    char stmt[160];
    snprintf(stmt, sizeof stmt, "%s%s%s%s", what, key ? " '" : "",
             key ? key : "", key ? "'" : "");
    if (r->pos) {
        if (r->pos <= n)
            return r->pos - 1;
        bt_diags_add_in(p->diags, m->path, r->at.line, r->at.col, "column "
                        "@%u of the mapping's %s: the header has %zu columns",
                        r->pos, stmt, n);
        return NONE;
    }
    struct bt_buf at = {0};
    size_t col = NONE, count = matches(f, n, kind, r->name, 0, &col, &at);
    if (!count)
        count = matches(f, n, kind, r->name, 1, &col, &at);
    if (count > 1)
        bt_diags_add_in(p->diags, m->path, r->at.line, r->at.col, "column "
                        "'%s' of the mapping's %s is ambiguous: the header "
                        "has it %zu times, at %s; name one by its id as the "
                        "header writes it, or by its position (@N)", r->name,
                        stmt, count, at.data);
    if (!count) {
        for (size_t i = 0; i < n && at.len < 2000; i++)
            if (f[i].len && kind[i] != K_LABEL)
                bt_buf_addf(&at, "%s'%.*s'", at.len ? ", " : "",
                            (int)code_len(f[i].s, f[i].len), f[i].s);
        bt_diags_add_in(p->diags, m->path, r->at.line, r->at.col, "header "
                        "has no column '%s' named by the mapping's %s; its "
                        "SDMX ids are: %s", r->name, stmt,
                        at.len ? at.data : "(none)");
    }
    bt_buf_release(&at);
    return count == 1 ? col : NONE;
}

/* The statements no mapping of an SDMX-CSV file may say, each an error
 * at its place; 0 or -1. */
static int map_statements(struct parser *p)
{
    const struct bt_mapping *m = p->map;
    int ok = 0;
    for (int k = 0; k < BT_MS_N; k++) {
        struct bt_map_place at = m->said[k];
        if (!at.line || bt_map_stmt_sdmx((enum bt_map_stmt)k))
            continue;
        bt_diags_add_in(p->diags, m->path, at.line, at.col, "'%s' does not "
                        "apply to an SDMX-CSV file: %s",
                        bt_map_stmt_word((enum bt_map_stmt)k),
                        k == BT_MS_TIME ? "its period is its TIME_PERIOD column"
                        : k == BT_MS_NOTE ? "its notes are OBS_COMMENT"
                        : k == BT_MS_FLAG || k == BT_MS_MARKS || k == BT_MS_NORMAL
                            ? "its flags are OBS_STATUS, OBS_FLAG and CONF_STATUS"
                            : "it is read as docs/formats.md says");
        ok = -1;
    }
    if (m->header_first != 1 || m->header_last != 1) {
        bt_diags_add_in(p->diags, m->path, m->said[BT_MS_HEADER].line,
                        m->said[BT_MS_HEADER].col, "an SDMX-CSV file's "
                        "header is its first line");
        ok = -1;
    }
    return ok;
}

/* 'dimension NAME COLUMN': column c becomes dimension NAME (mapped[c]).
 * 0 or -1. */
static int map_dimensions(struct parser *p, const struct bt_field *f, size_t n,
                          enum kind *kind, const char **mapped,
                          struct bt_map_place *mapped_at)
{
    const struct bt_mapping *m = p->map;
    int ok = 0;
    for (size_t i = 0; i < m->ndims; i++) {
        const struct bt_map_column *d = &m->dims[i];
        if (d->nlevels > 1) {
            bt_diags_add_in(p->diags, m->path, d->levels[1].at.line,
                            d->levels[1].at.col, "an SDMX-CSV file has no "
                            "title columns: a dimension is one column");
            ok = -1;
            continue;
        }
        size_t c = sdmx_column(p, f, n, kind, &d->levels[0], "dimension", d->key);
        const char *why = NULL;
        if (c == NONE) {
            ok = -1;
            continue;
        }
        if (kind[c] == K_ROLE || kind[c] == K_NONE)
            why = "SDMX-CSV's own column, not a dimension";
        else if (mapped[c])
            why = "given two dimension names";
        if (why) {
            bt_diags_add_in(p->diags, m->path, d->levels[0].at.line,
                            d->levels[0].at.col, "column @%zu '%.*s%s' of the "
                            "mapping's dimension '%s' is %s", c + 1,
                            BT_SHOWN(f[c].s), d->key, why);
            ok = -1;
            continue;
        }
        kind[c] = K_DIM;
        mapped[c] = d->key;
        mapped_at[c] = d->levels[0].at;
    }
    return ok;
}

/* 'ignore COLUMN...': a dimension, label or attribute column, FREQ,
 * OBS_STATUS, OBS_FLAG, CONF_STATUS or OBS_COMMENT is not read. */
static int map_ignore(struct parser *p, const struct bt_field *f, size_t n,
                      enum kind *kind, const char **mapped)
{
    struct sdmx *st = p->sdmx;
    const struct bt_mapping *m = p->map;
    int ok = 0;
    for (size_t i = 0; i < m->nignored; i++) {
        const struct bt_map_ref *r = &m->ignored[i];
        size_t c = sdmx_column(p, f, n, kind, r, "ignore", NULL);
        if (c == NONE) {
            ok = -1;
            continue;
        }
        enum role role = kind[c] == K_ROLE ? role_at(st, c) : R_N;
        if (mapped[c] || (kind[c] == K_ROLE && (role == R_ACTION ||
                                                role == R_TIME ||
                                                role == R_VALUE ||
                                                role == R_MULT))) {
            bt_diags_add_in(p->diags, m->path, r->at.line, r->at.col,
                            "column @%zu '%.*s%s' cannot be ignored: %s", c + 1,
                            BT_SHOWN(f[c].s), mapped[c]
                                ? "the mapping makes it a dimension"
                                : "an SDMX-CSV file needs it to be read right");
            ok = -1;
            continue;
        }
        if (role != R_N)
            st->col[role] = NONE;
        kind[c] = K_NONE;
    }
    st->filter_col = bt_xcalloc(m->nfilters ? m->nfilters : 1,
                                sizeof *st->filter_col);
    for (size_t i = 0; i < m->nfilters; i++) {
        const struct bt_map_filter *x = &m->filters[i];
        st->filter_col[i] = sdmx_column(p, f, n, kind, &x->column,
                                        x->keep ? "keep" : "drop", NULL);
        if (st->filter_col[i] == NONE)
            ok = -1;
    }
    return ok;
}

/* The mapping's 'value': OBS_VALUE, its scale and fixed dimensions. */
static int map_value(struct parser *p, const struct bt_field *f, size_t n,
                     const enum kind *kind)
{
    struct sdmx *st = p->sdmx;
    const struct bt_mapping *m = p->map;
    int ok = 0;
    st->exp10 = m->exp10;
    for (size_t i = 1; i < m->nvalues; i++) {
        bt_diags_add_in(p->diags, m->path, m->values[i].column.at.line,
                        m->values[i].column.at.col, "an SDMX-CSV file has "
                        "one value column, OBS_VALUE: one 'value' statement");
        ok = -1;
    }
    if (!m->nvalues)
        return ok;
    const struct bt_map_value *v = &m->values[0];
    size_t c = sdmx_column(p, f, n, kind, &v->column, "value", v->indicator);
    if (c != NONE && c != st->col[R_VALUE]) {
        bt_diags_add_in(p->diags, m->path, v->column.at.line, v->column.at.col,
                        "the values of an SDMX-CSV file are its OBS_VALUE "
                        "column, not @%zu '%.*s%s'", c + 1, BT_SHOWN(f[c].s));
        c = NONE;
    }
    const struct bt_map_ref *other = v->flag_column.at.line ? &v->flag_column
                                     : v->note_column.at.line ? &v->note_column
                                                              : NULL;
    if (other)
        bt_diags_add_in(p->diags, m->path, other->at.line, other->at.col,
                        "an SDMX-CSV file's flags and notes are its "
                        "OBS_STATUS, OBS_FLAG, CONF_STATUS and OBS_COMMENT");
    if (v->scaled)
        st->exp10 = v->exp10;
    return c == NONE || other ? -1 : ok;
}

/* With a mapping: every dimension of a row, the columns' (p->dim_name)
 * and the value's fixed ones, in name order; a fixed one named like a
 * column is an error at the value. */
static int map_fixed(struct parser *p)
{
    struct sdmx *st = p->sdmx;
    const struct bt_mapping *m = p->map;
    const struct bt_map_value *v = m->nvalues ? &m->values[0] : NULL;
    size_t nfixed = v ? v->nfixed : 0, i = 0, k = 0;
    int ok = 0;
    st->ndims = 0;
    while (i < p->ndims || k < nfixed) {
        int c = i == p->ndims ? 1 : k == nfixed ? -1
                                  : strcmp(p->dim_name[i], v->fixed[k].name);
        if (c == 0) {
            bt_diags_add_in(p->diags, m->path, v->column.at.line,
                            v->column.at.col, "dimension '%s' is both a "
                            "column (@%zu) and fixed by the value",
                            p->dim_name[i], p->dim_col[i] + 1);
            ok = -1;
            i++;
            continue;
        }
        if (c < 0)
            st->dims[st->ndims++] = (struct dimcol){p->dim_name[i], p->dim_col[i], NULL};
        else
            st->dims[st->ndims++] = (struct dimcol){v->fixed[k].name, NONE,
                                                    v->fixed[k].value};
        c < 0 ? i++ : k++;
    }
    return ok;
}

/* The indicator: the mapping's (its 'value' ID, else 'indicator'), which
 * --indicator may repeat, else --indicator's; NULL after a message. */
static const struct bt_indicator *map_indicator(struct parser *p,
                                                unsigned long line)
{
    const struct bt_mapping *m = p->map;
    const char *id = m->indicator;
    struct bt_map_place at = m->indicator_at;
    if (m->nvalues && m->values[0].indicator)
        id = m->values[0].indicator, at = m->values[0].id_at;
    if (!id)
        return bt_layout_given(p, line, "an SDMX-CSV file (nor its mapping)");
    if (p->indicator && strcmp(p->indicator, id) != 0) {
        bt_diags_add_in(p->diags, m->path, at.line, at.col, "the mapping's "
                        "indicator '%s' is not --indicator's '%s'", id,
                        p->indicator);
        return NULL;
    }
    const struct bt_indicator *ind = bt_catalogue_find(p->cat, id, strlen(id));
    if (!ind)
        bt_diags_add_in(p->diags, m->path, at.line, at.col,
                        "unknown indicator '%s': " BT_NOT_IN_CATALOGUE, id);
    return ind;
}

/* The mapping's statements against the header (kind and mapped per
 * column); 0, or -1 after every problem found. */
static int map_header(struct parser *p, const struct bt_field *f, size_t n,
                      enum kind *kind, const char **mapped,
                      struct bt_map_place *mapped_at)
{
    p->sdmx->map = p->map;
    int ok = map_statements(p);
    ok |= map_dimensions(p, f, n, kind, mapped, mapped_at);
    ok |= map_ignore(p, f, n, kind, mapped);
    ok |= map_value(p, f, n, kind);
    return ok ? -1 : 0;
}

/* Names every dimension column (mapped[i], else by its id) and adds it;
 * a mapped name that another column has is an error at the mapping. */
static int add_dims(struct parser *p, unsigned long line,
                    const struct bt_field *f, size_t n, const enum kind *kind,
                    const char **mapped, const struct bt_map_place *mapped_at)
{
    char (*name)[64] = bt_xcalloc(n ? n : 1, sizeof *name);
    int ok = 0;
    for (size_t i = 0; i < n; i++)
        if (kind[i] == K_DIM && !mapped[i] &&
            auto_name(p, line, f[i].s, code_len(f[i].s, f[i].len), i, name[i]) != 0)
            ok = -1;
    for (size_t i = 0; i < n; i++)
        for (size_t j = 0; mapped[i] && j < n; j++)
            if (j != i && kind[j] == K_DIM && strcmp(mapped[j] ? mapped[j] : name[j],
                                                     mapped[i]) == 0 && (!mapped[j] || j > i)) {
                bt_diags_add_in(p->diags, p->map->path, mapped_at[i].line,
                                mapped_at[i].col, "dimension '%s' is also the "
                                "name of column @%zu '%.*s%s': rename or ignore "
                                "that one", mapped[i], j + 1, BT_SHOWN(f[j].s));
                ok = -1;
            }
    for (size_t i = 0; i < n && ok == 0; i++)
        if (kind[i] == K_DIM)
            ok = bt_layout_add_dim(p, line, i, mapped[i] ? mapped[i] : name[i]);
    free(name);
    return ok;
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
        enum role r = role_of(f[i].s, k);
        labels |= r == R_STRUCTURE && k == 14 &&
                  memcmp(f[i].s, "STRUCTURE_NAME", 14) == 0;
        /* OBS_VALUE followed by a column named with a space, which no
         * SDMX id has: its label ("Observation value", Eurostat's) */
        labels |= r == R_VALUE && i + 1 < n &&
                  role_of(f[i + 1].s, code_len(f[i + 1].s, f[i + 1].len)) == R_N &&
                  memchr(f[i + 1].s, ' ', f[i + 1].len) != NULL;
    }
    labels &= !st->coded;
    enum kind *kind = bt_xcalloc(n ? n : 1, sizeof *kind);
    const char **mapped = bt_xcalloc(n ? n : 1, sizeof *mapped);
    struct bt_map_place *mapped_at = bt_xcalloc(n ? n : 1, sizeof *mapped_at);
    int after_value = 0, paired = 0;
    for (size_t i = 0; i < n; i++) {
        size_t k = code_len(f[i].s, f[i].len);
        enum role r = role_of(f[i].s, k);
        if (paired) { /* .Stat Suite's label column of column i - 1 */
            paired = 0;
            if (r == R_N) {
                kind[i] = K_LABEL;
                continue;
            }
        }
        if (labels && r != R_STRUCTURE && r != R_ACTION)
            paired = 1;
        if (r == R_STRUCTURE || f[i].len == 0)
            continue;
        if (r == R_N) {
            kind[i] = after_value ? K_ATTR : K_DIM;
            continue;
        }
        if (st->col[r] != NONE) {
            bt_diags_add(p->diags, line, i + 1, "column '%.*s' appears twice",
                         (int)k, f[i].s);
            ok = -1;
        }
        kind[i] = K_ROLE;
        st->col[r] = i;
        after_value |= r == R_VALUE;
    }
    if (ok == 0 && (st->col[R_TIME] == NONE || st->col[R_VALUE] == NONE)) {
        bt_diags_add(p->diags, line, 1, "an SDMX-CSV header has TIME_PERIOD "
                     "and OBS_VALUE columns; this one has %s",
                     st->col[R_TIME] == NONE ? "no TIME_PERIOD" : "no OBS_VALUE");
        ok = -1;
    }
    if (ok == 0 && p->map)
        ok = map_header(p, f, n, kind, mapped, mapped_at);
    if (ok == 0)
        ok = add_dims(p, line, f, n, kind, mapped, mapped_at);
    if (ok == 0 && p->map)
        ok = map_fixed(p);
    if (ok == 0 && p->map) {
        const char *names[BT_DIM_COLUMNS_MAX + BT_DIMS_MAX];
        for (size_t i = 0; i < st->ndims; i++)
            names[i] = st->dims[i].name;
        ok = bt_layout_aliases_known(p, names, st->ndims);
    }
    if (ok == 0 && !(st->ind = p->map ? map_indicator(p, line)
                                      : bt_layout_given(p, line, "an SDMX-CSV file")))
        ok = -1;
    p->ds->has_notes = st->col[R_COMMENT] != NONE;
    free(kind);
    free(mapped);
    free(mapped_at);
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
    if (rc == 0 && *day > BT_DAY_MAX) /* before 1970: skipped, as counted */
        rc = -1, why = bt_day_unstorable(*day);
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

/* With a mapping: whether a 'keep' or 'drop' passes over the row (a
 * cell compared by its code). */
static int filtered_out(const struct sdmx *st, const struct bt_field *f)
{
    const struct bt_mapping *m = st->map;
    for (size_t i = 0; i < m->nfilters; i++) {
        const struct bt_map_filter *x = &m->filters[i];
        const char *s;
        size_t n = cell(st, f, st->filter_col[i], &s);
        int in = 0;
        for (size_t k = 0; k < x->nvalues && !in; k++)
            in = strlen(x->values[k]) == n && memcmp(x->values[k], s, n) == 0;
        if (in != x->keep)
            return 1;
    }
    return 0;
}

/* With a mapping: a 'missing' word. */
static int map_missing(const struct bt_mapping *m, const char *s, size_t n)
{
    for (size_t i = 0; i < m->nwords; i++)
        if (m->words[i].missing && strlen(m->words[i].text) == n &&
            memcmp(m->words[i].text, s, n) == 0)
            return 1;
    return 0;
}

/* With a mapping: p->dimkey from st->dims, each cell by its code, each
 * value through the mapping's aliases; 0, or -1 after a message. */
static int map_row_dims(struct parser *p, unsigned long line,
                        const struct bt_field *f)
{
    struct sdmx *st = p->sdmx;
    p->dimkey.len = 0;
    int ok = 0, filled = 0;
    size_t stem = 0;
    for (size_t i = 0; i < st->ndims; i++) {
        const struct dimcol *d = &st->dims[i];
        const char *v = d->value, *why;
        size_t col = d->col == NONE ? st->col[R_VALUE] : d->col;
        size_t n = d->col == NONE ? strlen(v) : cell(st, f, d->col, &v);
        if (!n)
            continue; /* the total over it */
        st->cellbuf.len = 0;
        bt_buf_add(&st->cellbuf, v, n);
        bt_buf_add(&st->cellbuf, "", 1);
        v = bt_mapping_alias(st->map, d->name, st->cellbuf.data);
        n = strlen(v);
        if (!n)
            continue; /* aliased to "": the total over it */
        if (++filled > BT_DIMS_MAX) {
            bt_diags_add(p->diags, line, col + 1, BT_DIMS_TOO_MANY);
            return -1;
        }
        if (bt_dim_value_check(v, n, &why) != 0) {
            bt_diags_add(p->diags, line, col + 1, "%s '%.*s%s' %s", d->name,
                         BT_SHOWN(v), why);
            ok = -1;
            continue;
        }
        stem += bt_dim_stem_len(d->name, v, filled == 1);
        if (bt_stem_check(p->diags, line, col + 1, stem) != 0)
            return -1;
        bt_buf_add(&p->dimkey, d->name, strlen(d->name) + 1);
        bt_buf_add(&p->dimkey, v, n + 1);
    }
    return ok;
}

static void row(struct parser *p, unsigned long line, const struct bt_field *f)
{
    struct sdmx *st = p->sdmx;
    bt_day day = 0;
    int exp10 = 0;
    size_t before = p->diags->n;
    if (st->map && filtered_out(st, f)) { /* not read at all */
        p->ds->skipped[BT_DS_SKIP_FILTERED]++;
        p->ds->rows--;
        return;
    }
    int action = row_action(p, line, f);
    row_freq(p, line, f);
    row_time(p, line, f, &day);
    row_mult(p, line, f, &exp10);
    if (st->map) {
        map_row_dims(p, line, f);
        exp10 += st->exp10;
    } else if (st->coded) {
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
    int rc = is_missing(s, n) || (st->map && map_missing(st->map, s, n))
                 ? 0 : bt_number_parse_scaled(s, n, exp10, &v, &why);
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
    bt_buf_release(&p->sdmx->cellbuf);
    free(p->sdmx->filter_col);
    free(p->sdmx);
    p->sdmx = NULL;
}

const struct bt_layout bt_layout_sdmx = {"sdmx", detect, record, NULL, release};
