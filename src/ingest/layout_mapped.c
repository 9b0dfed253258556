/* layout_mapped.c - reading a file the way its mapping says (mapping.h,
 * docs/mapping.md): preamble, header rows, notes, skipped rows, periods
 * in a column, split over columns or in the header, value cells with
 * scales, words, markers and flags. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "layout.h"
#include "base/number.h"
#include "base/point.h"

#define NONE SIZE_MAX
#define NEXT (SIZE_MAX - 1) /* 'next': the column after the value column */

/* One column of values: where it is and what its cells are. */
struct vcol {
    size_t col;
    const struct bt_indicator *ind;
    const struct bt_indicator *annual; /* rows with an empty month */
    const struct bt_map_value *v;      /* NULL for a period column */
    bt_day day;                        /* 'time header': its period */
    int exp10;
    size_t flag_col;                   /* NONE: no flag column */
    size_t note_col;                   /* NONE: no note column */
    const char *flag_head, *note_head; /* 'next': the remark its header
                                          gives the whole column, or NULL */
};

/* One value cell as read. */
struct cell {
    int has;          /* 0: missing */
    double value;
    const char *flag; /* into the row or the mapping; flaglen bytes */
    size_t flaglen;
    const char *note; /* into the row; notelen bytes (NULL: none) */
    size_t notelen;
};

struct mapped {
    struct bt_buf *names;  /* per column: the header rows' cells joined */
    size_t nnames;
    int header_rows;       /* header rows met */
    int in_notes;
    size_t c_time, c_year, c_month, c_day, c_flag, c_note; /* or NEXT */
    size_t dim_col[BT_DIM_COLUMNS_MAX][BT_MAP_LEVELS_MAX]; /* in the
                                          mapping's order, top title first */
    struct bt_buf title[BT_DIM_COLUMNS_MAX][BT_MAP_LEVELS_MAX]; /* the last
                                          title met at each level */
    struct bt_buf path[BT_DIM_COLUMNS_MAX]; /* the row's path of titles */
    size_t row_stem;       /* the file name the row's dimensions make */
    size_t *filter_col;    /* per 'keep' or 'drop' */
    struct vcol *vals;
    size_t nvals;
    struct cell *cells;
    struct bt_dim dims[2 * BT_DIMS_MAX]; /* a row's, then a value's */
    struct bt_buf flag, note; /* an observation's, joined from remarks */
};

/* ---- cells --------------------------------------------------------- */

/* Leading and trailing blanks: space, tab, no-break space (U+00A0),
 * ideographic space (U+3000). */
static void trim(const char **s, size_t *n)
{
    for (;;) {
        if (*n && (**s == ' ' || **s == '\t'))
            (*s)++, (*n)--;
        else if (*n >= 2 && memcmp(*s, "\xc2\xa0", 2) == 0)
            *s += 2, *n -= 2;
        else if (*n >= 3 && memcmp(*s, "\xe3\x80\x80", 3) == 0)
            *s += 3, *n -= 3;
        else
            break;
    }
    for (;;) {
        const char *e = *s + *n;
        if (*n && (e[-1] == ' ' || e[-1] == '\t'))
            (*n)--;
        else if (*n >= 2 && memcmp(e - 2, "\xc2\xa0", 2) == 0)
            *n -= 2;
        else if (*n >= 3 && memcmp(e - 3, "\xe3\x80\x80", 3) == 0)
            *n -= 3;
        else
            break;
    }
}

static int is_blank(const struct bt_field *f)
{
    const char *s = f->s;
    size_t n = f->len;
    trim(&s, &n);
    return n == 0;
}

static int equals(const char *s, size_t n, const char *lit)
{
    return strlen(lit) == n && memcmp(s, lit, n) == 0;
}

/* Reads one value cell into *c: a declared word, a number with an
 * optional flag mark before or after it, or missing. Returns 0 or -1 with
 * *why. */
static int read_cell(const struct bt_mapping *m, const struct vcol *vc,
                     const struct bt_field *f, struct cell *c, const char **why)
{
    const char *s = f->s;
    size_t n = f->len;
    trim(&s, &n);
    *c = (struct cell){0};
    for (size_t i = 0; i < m->nwords; i++)
        if (equals(s, n, m->words[i].text)) {
            c->has = !m->words[i].missing;
            c->value = m->words[i].value;
            return 0;
        }
    int after;
    size_t k = bt_mapping_mark(m, s, n, &after);
    if (k) {
        c->flag = after ? s + n - k : s, c->flaglen = k;
        if (!after)
            s += k;
        n -= k;
        trim(&s, &n);
    }
    int rc = bt_number_parse_scaled(s, n, vc->exp10, &c->value, why);
    if (rc == -1) /* out of range (-2): the number's own reason */
        *why = m->nwords || m->nmarks
                   ? "not a number, nor a word or mark the mapping declares"
                   : "not a number (declare words with 'missing' or 'means', "
                     "flag marks with 'marks')";
    c->has = rc == 1;
    return rc < 0 ? -1 : 0;
}

/* The flag a flag cell gives: its text unless blank or 'normal'. */
static void read_flag(const struct bt_mapping *m, const struct bt_field *f,
                      struct cell *c)
{
    const char *s = f->s;
    size_t n = f->len;
    trim(&s, &n);
    for (size_t i = 0; i < m->nnormal; i++)
        if (equals(s, n, m->normal[i]))
            return;
    if (n) /* with a mark as well, the column says more */
        c->flag = s, c->flaglen = n;
}

/* ---- header -------------------------------------------------------- */

/* Adds a header row: each cell joins its column's name with " / ". */
static void header_row(struct mapped *st, const struct bt_field *f, size_t n)
{
    if (n > st->nnames) {
        st->names = bt_xrealloc(st->names, n * sizeof *st->names);
        memset(st->names + st->nnames, 0, (n - st->nnames) * sizeof *st->names);
        st->nnames = n;
    }
    for (size_t i = 0; i < n; i++) {
        const char *s = f[i].s;
        size_t len = f[i].len;
        trim(&s, &len);
        if (!len)
            continue;
        if (st->names[i].len)
            bt_buf_add(&st->names[i], " / ", 3);
        bt_buf_add(&st->names[i], s, len);
    }
    st->header_rows++;
}

static const char *name_of(const struct mapped *st, size_t i)
{
    return st->names[i].len ? st->names[i].data : "";
}

/* The column r names, or NONE after a message at the mapping's word:
 * a name must match exactly one column (the message lists every column,
 * or the candidates as @N); what and key say which statement wants it. */
static size_t column(struct parser *p, const struct bt_map_ref *r,
                     const char *what, const char *key)
{
    struct mapped *st = p->mapped;
    const struct bt_mapping *m = p->map;
    if (r->pos) {
        if (r->pos <= st->nnames)
            return r->pos - 1;
        bt_diags_add_in(p->diags, m->path, r->at.line, r->at.col, "column "
                        "@%u of the mapping's %s%s%s%s: the header has %zu "
                        "columns", r->pos, what, key ? " '" : "",
                        key ? key : "", key ? "'" : "", st->nnames);
        return NONE;
    }
    size_t found = NONE, count = 0;
    struct bt_buf all = {0};
    for (size_t i = 0; i < st->nnames; i++)
        if (strcmp(name_of(st, i), r->name) == 0) {
            if (!count++)
                found = i;
            if (all.len < 2000)
                bt_buf_addf(&all, "%s@%zu", all.len ? ", " : "", i + 1);
        }
    if (count == 1) {
        bt_buf_release(&all);
        return found;
    }
    if (count > 1) {
        bt_diags_add_in(p->diags, m->path, r->at.line, r->at.col, "column "
                        "'%s' of the mapping's %s%s%s%s is ambiguous: the "
                        "header has it %zu times, at %s; name one by its "
                        "position (@N)", r->name, what, key ? " '" : "",
                        key ? key : "", key ? "'" : "", count, all.data);
        bt_buf_release(&all);
        return NONE;
    }
    for (size_t i = 0; i < st->nnames && all.len < 2000; i++)
        if (st->names[i].len)
            bt_buf_addf(&all, "%s'%s'", all.len ? ", " : "", name_of(st, i));
    bt_diags_add_in(p->diags, m->path, r->at.line, r->at.col, "header has "
                    "no column '%s' named by the mapping's %s%s%s%s; its "
                    "columns are: %s", r->name, what, key ? " '" : "",
                    key ? key : "", key ? "'" : "",
                    all.len ? all.data : "(none)");
    bt_buf_release(&all);
    return NONE;
}

/* An indicator of the catalogue, or NULL after a message. */
static const struct bt_indicator *indicator(struct parser *p,
                                            struct bt_map_place at,
                                            const char *id)
{
    const struct bt_indicator *ind = bt_catalogue_find(p->cat, id, strlen(id));
    if (!ind)
        bt_diags_add_in(p->diags, p->map->path, at.line, at.col,
                        "unknown indicator '%s': " BT_NOT_IN_CATALOGUE, id);
    return ind;
}

static struct vcol *add_vcol(struct mapped *st)
{
    st->vals = bt_xrealloc(st->vals, (st->nvals + 1) * sizeof *st->vals);
    struct vcol *vc = &st->vals[st->nvals++];
    *vc = (struct vcol){.col = NONE, .flag_col = st->c_flag,
                        .note_col = st->c_note};
    return vc;
}

/* Whether a header text is a flag text that means "no flag". */
static int is_normal(const struct bt_mapping *m, const char *s)
{
    for (size_t i = 0; i < m->nnormal; i++)
        if (strcmp(s, m->normal[i]) == 0)
            return 1;
    return 0;
}

/* Where the mapping says 'next' for vc's flag (what 'f') or note. */
static struct bt_map_place next_at(const struct bt_mapping *m,
                                   const struct vcol *vc, int what)
{
    const struct bt_map_ref *own = !vc->v ? NULL
                                   : what == 'f' ? &vc->v->flag_column
                                                 : &vc->v->note_column;
    if (own && own->next)
        return own->at;
    return what == 'f' ? m->flag_column.at : m->note_column.at;
}

/* Binds vc's 'next' flag and note to the column after vc->col, its
 * remark column, with the remark its header gives the whole column
 * (C&SD's '(a)' over provisional years); *used marks it, unless NULL.
 * 0, or -1 after a message at the mapping's 'next'. */
static int bind_next(struct parser *p, struct vcol *vc, unsigned char *used)
{
    struct mapped *st = p->mapped;
    const struct bt_mapping *m = p->map;
    size_t k = vc->col + 1;
    if (vc->flag_col != NEXT && vc->note_col != NEXT)
        return 0;
    if (k >= st->nnames) {
        struct bt_map_place at = next_at(m, vc, vc->flag_col == NEXT ? 'f' : 'n');
        bt_diags_add_in(p->diags, m->path, at.line, at.col, "the column "
                        "after value column @%zu ('%s'), its remark by the "
                        "mapping's 'next', is past the header's last column",
                        vc->col + 1, name_of(st, vc->col));
        vc->flag_col = vc->note_col = NONE;
        return -1;
    }
    const char *head = name_of(st, k);
    head = *head && !is_normal(m, head) ? head : NULL;
    if (vc->flag_col == NEXT)
        vc->flag_col = k, vc->flag_head = head;
    if (vc->note_col == NEXT)
        vc->note_col = k, vc->note_head = head;
    if (used)
        used[k] = 1;
    return 0;
}

/* 'time header' with 'next': the column after period column vc is its
 * remark, not a period; one whose header is a period is an error (a
 * table without remark columns), as is one another statement names. */
static int next_remark(struct parser *p, struct vcol *vc, unsigned char *used)
{
    struct mapped *st = p->mapped;
    size_t k = vc->col + 1;
    int next = vc->flag_col == NEXT ? 'f' : vc->note_col == NEXT ? 'n' : 0;
    if (!next || k >= st->nnames)
        return bind_next(p, vc, used);
    const char *s = name_of(st, k), *why;
    bt_day day;
    int period = *s && (p->map->fiscal_start
                            ? bt_fiscal_parse(s, strlen(s), p->map->fiscal_start,
                                              &day, &why)
                            : bt_period_parse(s, strlen(s), &day, &why)) == 0;
    if (period || used[k]) {
        struct bt_map_place at = next_at(p->map, vc, next);
        bt_diags_add_in(p->diags, p->map->path, at.line, at.col, "with "
                        "'next', the column after period '%s' (@%zu) is its "
                        "remark, but @%zu is %s '%s'", name_of(st, vc->col),
                        vc->col + 1, k + 1, period ? "the period" :
                        "named by another statement:", s);
        vc->flag_col = vc->flag_col == NEXT ? NONE : vc->flag_col;
        vc->note_col = vc->note_col == NEXT ? NONE : vc->note_col;
        return -1;
    }
    return bind_next(p, vc, used);
}

/* 'time header': every column the mapping does not otherwise name is a
 * period holding values of the mapping's indicator. */
static int period_columns(struct parser *p, unsigned long line,
                          unsigned char *used)
{
    struct mapped *st = p->mapped;
    const struct bt_mapping *m = p->map;
    const struct bt_indicator *ind = indicator(p, m->indicator_at, m->indicator);
    int ok = ind ? 0 : -1;
    for (size_t i = 0; i < st->nnames; i++) {
        if (used[i] || !st->names[i].len)
            continue;
        const char *s = name_of(st, i), *why;
        struct vcol *vc = add_vcol(st);
        vc->col = i;
        vc->ind = ind;
        vc->exp10 = m->exp10;
        int rc = m->fiscal_start
                     ? bt_fiscal_parse(s, strlen(s), m->fiscal_start, &vc->day, &why)
                     : bt_period_parse(s, strlen(s), &vc->day, &why);
        if (rc == 0 && (why = bt_day_unstorable(vc->day)))
            rc = -1;
        if (rc != 0) {
            bt_diags_add(p->diags, line, i + 1, "column '%s' is not a period "
                         "(%s); with 'time header' every column the mapping "
                         "does not name is one", s, why);
            ok = -1;
        }
        if (rc == 0 && next_remark(p, vc, used) != 0)
            ok = -1;
    }
    return ok;
}

/* Where the mapping names the 'annual' target of indicator id. */
static struct bt_map_place annual_at(const struct bt_mapping *m, const char *id)
{
    for (size_t i = 0; i < m->nannual; i++)
        if (!m->annual[i].from || strcmp(m->annual[i].from, id) == 0)
            return m->annual[i].at;
    return (struct bt_map_place){0, 0};
}

/* The mapping's value columns. */
static int value_columns(struct parser *p)
{
    struct mapped *st = p->mapped;
    const struct bt_mapping *m = p->map;
    int ok = 0;
    for (size_t i = 0; i < m->nvalues; i++) {
        const struct bt_map_value *v = &m->values[i];
        const char *id = v->indicator ? v->indicator : m->indicator;
        struct vcol *vc = add_vcol(st);
        vc->v = v;
        vc->exp10 = v->scaled ? v->exp10 : m->exp10;
        if ((vc->col = column(p, &v->column, "value", id)) == NONE)
            ok = -1;
        if (v->flag_column.next)
            vc->flag_col = NEXT;
        else if (v->flag_column.at.line &&
                 (vc->flag_col = column(p, &v->flag_column, "flag= of", id)) == NONE)
            ok = -1;
        if (v->note_column.next)
            vc->note_col = NEXT;
        else if (v->note_column.at.line &&
                 (vc->note_col = column(p, &v->note_column, "note= of", id)) == NONE)
            ok = -1;
        if (vc->col != NONE && bind_next(p, vc, NULL) != 0)
            ok = -1;
        if (!(vc->ind = indicator(p, v->indicator ? v->id_at : m->indicator_at,
                                  id)))
            ok = -1;
        const char *annual = bt_mapping_annual(m, id);
        if (annual && !(vc->annual = indicator(p, annual_at(m, id), annual)))
            ok = -1;
        for (size_t k = 0; k < v->nfixed; k++)
            for (size_t j = 0; j < m->ndims; j++)
                if (strcmp(v->fixed[k].name, m->dims[j].key) == 0) {
                    bt_diags_add_in(p->diags, m->path, v->column.at.line,
                                    v->id_at.col, "dimension '%s' is both a "
                                    "column and fixed by a value",
                                    m->dims[j].key);
                    ok = -1;
                }
    }
    /* a remark column ('next') is no value column */
    for (size_t i = 0; i < st->nvals; i++)
        for (size_t j = 0; j < st->nvals; j++) {
            const struct vcol *a = &st->vals[i], *b = &st->vals[j];
            int fl = a->v->flag_column.next || m->flag_column.next;
            if (a->col == NONE || b->col != a->col + 1 ||
                (a->flag_col != b->col && a->note_col != b->col))
                continue;
            struct bt_map_place at = next_at(m, a, fl && a->flag_col == b->col
                                                       ? 'f' : 'n');
            bt_diags_add_in(p->diags, m->path, at.line, at.col, "with "
                            "'next', the column after value column @%zu is "
                            "its remark, but @%zu is a value column too",
                            a->col + 1, b->col + 1);
            ok = -1;
        }
    return ok;
}

/* Marks the columns r names as used: column @N, or every column of
 * r's name (none is an error, as for any name). */
static int ignore(struct parser *p, const struct bt_map_ref *r,
                  unsigned char *used)
{
    struct mapped *st = p->mapped;
    int any = 0;
    for (size_t i = 0; r->name && i < st->nnames; i++)
        if (strcmp(name_of(st, i), r->name) == 0)
            used[i] = 1, any = 1;
    if (any)
        return 0;
    size_t c = column(p, r, "ignore", NULL);
    if (c == NONE)
        return -1;
    used[c] = 1;
    return 0;
}

/* Resolves every name of the mapping against the header rows; problems
 * are reported on line (the header's first). */
static int resolve(struct parser *p, unsigned long line)
{
    struct mapped *st = p->mapped;
    const struct bt_mapping *m = p->map;
    int ok = 0;
    if (!st->header_rows) {
        bt_diags_add(p->diags, m->header_first, 0, "no header: the mapping "
                     "puts it on line %lu", m->header_first);
        return -1;
    }
    p->ncols = st->nnames;
    bt_csv_limit(p->csv, p->ncols ? p->ncols : 1);
    unsigned char *used = bt_xcalloc(st->nnames ? st->nnames : 1, 1);
    size_t *slots[] = {&st->c_time, &st->c_year, &st->c_month, &st->c_day,
                       &st->c_flag, &st->c_note};
    const struct bt_map_ref *refs[] = {
        m->time == BT_TIME_COLUMN ? &m->time_column : NULL, &m->year_column,
        &m->month_column, &m->day_column, &m->flag_column, &m->note_column};
    static const char *const what[] = {"'time'", "'time'", "'time'", "'time'",
                                       "'flag'", "'note'"};
    for (size_t i = 0; i < 6; i++) {
        *slots[i] = NONE;
        if (!refs[i] || !refs[i]->at.line)
            continue;
        if (refs[i]->next)
            *slots[i] = NEXT;
        else if ((*slots[i] = column(p, refs[i], what[i], NULL)) == NONE)
            ok = -1;
        else
            used[*slots[i]] = 1;
    }
    const char *names[BT_DIM_COLUMNS_MAX];
    for (size_t i = 0; i < m->ndims; i++)
        names[i] = m->dims[i].key;
    if (bt_layout_aliases_known(p, names, m->ndims) != 0)
        ok = -1;
    for (size_t i = 0; i < m->ndims; i++)
        for (size_t k = 0; k < m->dims[i].nlevels; k++) {
            size_t c = column(p, &m->dims[i].levels[k], "dimension",
                              m->dims[i].key);
            st->dim_col[i][k] = c;
            if (c == NONE)
                ok = -1;
            else
                used[c] = 1;
        }
    st->filter_col = bt_xcalloc(m->nfilters ? m->nfilters : 1,
                                sizeof *st->filter_col);
    for (size_t i = 0; i < m->nfilters; i++) {
        size_t c = column(p, &m->filters[i].column,
                          m->filters[i].keep ? "keep" : "drop", NULL);
        st->filter_col[i] = c;
        if (c == NONE)
            ok = -1;
        else
            used[c] = 1;
    }
    for (size_t i = 0; i < m->nignored; i++)
        if (ignore(p, &m->ignored[i], used) != 0)
            ok = -1;
    /* every problem of the mapping's names at once: values too */
    if (m->time == BT_TIME_HEADER) {
        if (ok == 0)
            ok = period_columns(p, line, used);
    } else if (value_columns(p) != 0) {
        ok = -1;
    }
    free(used);
    st->cells = bt_xcalloc(st->nvals ? st->nvals : 1, sizeof *st->cells);
    for (size_t i = 0; i < st->nvals; i++)
        p->ds->has_notes |= st->vals[i].note_col != NONE;
    return ok;
}

/* ---- rows ---------------------------------------------------------- */

/* A cell of 1 to max digits (spaces around allowed): its number, or -1. */
static int int_cell(const struct bt_field *f, size_t max)
{
    const char *s = f->s;
    size_t n = f->len;
    trim(&s, &n);
    int v = 0;
    if (n == 0 || n > max)
        return -1;
    for (size_t i = 0; i < n; i++) {
        if (s[i] < '0' || s[i] > '9')
            return -1;
        v = v * 10 + (s[i] - '0');
    }
    return v;
}

/* The row's period (all but 'time header'): 0, 1 for an annual row
 * (empty month), or -1 after a message. */
static int row_period(struct parser *p, unsigned long line,
                      const struct bt_field *f, bt_day *day)
{
    struct mapped *st = p->mapped;
    const struct bt_mapping *m = p->map;
    const char *why = "not a date or period";
    size_t col = st->c_time;
    int rc;
    if (m->time == BT_TIME_COLUMN) {
        const struct bt_field *c = &f[col];
        rc = m->time_pattern
                 ? bt_date_parse_pattern(m->time_pattern, c->s, c->len, day, &why)
             : m->fiscal_start
                 ? bt_fiscal_parse(c->s, c->len, m->fiscal_start, day, &why)
                 : bt_period_parse(c->s, c->len, day, &why);
    } else {
        int year = int_cell(&f[st->c_year], 4), month = 12, d = 0;
        col = st->c_year;
        rc = year >= 1000 ? 0 : -1;
        why = "year must be four digits";
        if (rc == 0 && st->c_month != NONE && is_blank(&f[st->c_month])) {
            if (st->c_day != NONE && !is_blank(&f[st->c_day])) {
                col = st->c_month, rc = -1, why = "a day without a month";
            } else if (!m->nannual && !m->annual_skip) {
                col = st->c_month, rc = -1;
                why = "month is empty: an annual row? say 'annual ID' or "
                      "'annual skip' in the mapping";
            } else {
                *day = bt_day_from_civil(year, 12, 31);
                if (!(why = bt_day_unstorable(*day)))
                    return 1;
                rc = -1; /* reported below, at the year */
            }
        } else if (rc == 0 && st->c_month != NONE) {
            const struct bt_field *mc = &f[st->c_month];
            col = st->c_month;
            month = bt_month_parse(mc->s, mc->len);
            rc = month < 0 ? -1 : 0;
            why = "not a month (1 to 12, Jan, January or 1月)";
        }
        if (rc == 0 && st->c_day != NONE) {
            col = st->c_day;
            d = int_cell(&f[st->c_day], 2);
            rc = d >= 1 ? 0 : -1;
            why = "not a day of the month";
        }
        if (rc == 0 && !(year >= 1 && (d ? bt_date_valid(year, month, d)
                                         : bt_date_valid(year, month, 1)))) {
            rc = -1, why = "impossible date";
        }
        if (rc == 0)
            *day = bt_day_from_civil(year, month, d ? d : bt_days_in_month(year, month));
    }
    if (rc == 0 && (why = bt_day_unstorable(*day))) {
        rc = -1;
        col = m->time == BT_TIME_PARTS ? st->c_year : col;
    }
    if (rc != 0) {
        const struct bt_field *c = &f[col];
        bt_diags_add(p->diags, line, col + 1, "date '%.*s%s': %s",
                     BT_SHOWN(c->s), why);
    }
    return rc;
}

static int dim_cmp(const void *a, const void *b)
{
    return strcmp(((const struct bt_dim *)a)->name,
                  ((const struct bt_dim *)b)->name);
}

/* Dimension i's value in the row, or NULL for an empty cell (the row is
 * the total over it); *col gets its cell. One column: its cell. Title
 * columns: the path of titles from the top down to the deepest non-empty
 * one, joined with " / ", a level left empty taking the title last met
 * at that level (a part row under its total), the levels below it
 * forgotten. */
static const char *dim_value(struct parser *p, size_t i,
                             const struct bt_field *f, size_t *col)
{
    struct mapped *st = p->mapped;
    const struct bt_map_column *d = &p->map->dims[i];
    size_t deepest = NONE;
    for (size_t k = 0; k < d->nlevels; k++)
        if (!is_blank(&f[st->dim_col[i][k]]))
            deepest = k;
    if (deepest == NONE)
        return NULL;
    *col = st->dim_col[i][deepest];
    if (d->nlevels == 1)
        return f[*col].s;
    struct bt_buf *path = &st->path[i];
    path->len = 0;
    for (size_t k = 0; k < d->nlevels; k++) {
        struct bt_buf *t = &st->title[i][k];
        const struct bt_field *c = &f[st->dim_col[i][k]];
        if (k > deepest) {
            t->len = 0;
            continue;
        }
        if (!is_blank(c)) {
            const char *s = c->s;
            size_t n = c->len;
            trim(&s, &n);
            t->len = 0;
            bt_buf_add(t, s, n);
        }
        if (!t->len) /* a level never given: left out of the path */
            continue;
        if (path->len)
            bt_buf_add(path, " / ", 3);
        bt_buf_add(path, t->data, t->len);
    }
    bt_buf_add(path, "", 0);
    path->len--;
    return path->data;
}

/* The row's dimension cells into st->dims (an empty cell: the row is the
 * total over that dimension, which is left out). Returns how many, or -1
 * after a message. */
static int row_dims(struct parser *p, unsigned long line,
                    const struct bt_field *f)
{
    struct mapped *st = p->mapped;
    const struct bt_mapping *m = p->map;
    int n = 0, ok = 0;
    size_t stem = 0;
    for (size_t i = 0; i < m->ndims; i++) {
        size_t col = 0;
        const char *cell = dim_value(p, i, f, &col);
        if (!cell)
            continue;
        const char *v = bt_mapping_alias(m, m->dims[i].key, cell), *why;
        if (!*v)
            continue; /* aliased to "": the total over it */
        if (n == BT_DIMS_MAX) {
            bt_diags_add(p->diags, line, col + 1, BT_DIMS_TOO_MANY);
            return -1;
        }
        if (bt_dim_value_check(v, strlen(v), &why) != 0) {
            bt_diags_add(p->diags, line, col + 1, "%s '%.*s%s' %s",
                         m->dims[i].key, BT_SHOWN(v), why);
            ok = -1;
            continue;
        }
        stem += bt_dim_stem_len(m->dims[i].key, v, n == 0);
        if (bt_stem_check(p->diags, line, col + 1, stem) != 0)
            return -1;
        st->dims[n++] = (struct bt_dim){m->dims[i].key, v};
    }
    st->row_stem = stem;
    return ok ? -1 : n;
}

/* Sets p->dimkey to the row's dimensions plus vc's fixed ones; 0, or -1
 * after a message at vc's cell when together they are too many or make
 * too long a file name (the row's own were checked alone). */
static int value_key(struct parser *p, unsigned long line, int nrow,
                     const struct vcol *vc)
{
    struct mapped *st = p->mapped;
    size_t n = (size_t)nrow, stem = st->row_stem;
    for (size_t k = 0; vc->v && k < vc->v->nfixed; k++) {
        const struct bt_dim *d = &vc->v->fixed[k];
        stem += bt_dim_stem_len(d->name, d->value, n == 0);
        st->dims[n++] = *d;
    }
    if (n > BT_DIMS_MAX) {
        bt_diags_add(p->diags, line, vc->col + 1, BT_DIMS_TOO_MANY);
        return -1;
    }
    struct bt_dim sorted[2 * BT_DIMS_MAX];
    memcpy(sorted, st->dims, n * sizeof *sorted);
    qsort(sorted, n, sizeof *sorted, dim_cmp);
    p->dimkey.len = 0;
    for (size_t i = 0; i < n; i++) {
        bt_buf_add(&p->dimkey, sorted[i].name, strlen(sorted[i].name) + 1);
        bt_buf_add(&p->dimkey, sorted[i].value, strlen(sorted[i].value) + 1);
    }
    return bt_stem_check(p->diags, line, vc->col + 1, stem);
}

/* Whether the row's cell in column col is one of values[0..n) (a cell
 * past the row's end, or not kept, is empty). */
static int cell_in(struct parser *p, const struct bt_field *f, size_t col,
                   char *const *values, size_t n)
{
    const char *s = "";
    size_t len = 0;
    if (col < p->csv->kept) {
        s = f[col].s;
        len = f[col].len;
        trim(&s, &len);
    }
    for (size_t i = 0; i < n; i++)
        if (equals(s, len, values[i]))
            return 1;
    return 0;
}

/* Whether a 'keep' or 'drop' passes over the row. */
static int filtered_out(struct parser *p, const struct bt_field *f)
{
    const struct bt_mapping *m = p->map;
    for (size_t i = 0; i < m->nfilters; i++) {
        const struct bt_map_filter *x = &m->filters[i];
        if (cell_in(p, f, p->mapped->filter_col[i], x->values, x->nvalues) !=
            x->keep)
            return 1;
    }
    return 0;
}

/* Which kind of line this is before it is read as data: a reason to skip
 * it, -2 to read it, -1 after a message. */
static int classify(struct parser *p, unsigned long line,
                    const struct bt_field *f, size_t n)
{
    struct mapped *st = p->mapped;
    const struct bt_mapping *m = p->map;
    if (st->in_notes)
        return BT_DS_SKIP_NOTES;
    const char *s = f[0].s;
    size_t len = f[0].len;
    trim(&s, &len);
    for (size_t i = 0; i < m->nnotes; i++) {
        size_t k = strlen(m->notes[i]);
        if (len >= k && memcmp(s, m->notes[i], k) == 0) {
            st->in_notes = 1;
            return BT_DS_SKIP_NOTES;
        }
    }
    if (filtered_out(p, f))
        return BT_DS_SKIP_FILTERED;
    /* a row wider than the header keeps only its first ncols fields; the
     * rest are blank when they were empty */
    int blank = p->csv->dropped_bytes == 0;
    for (size_t i = 0; i < p->csv->kept && blank; i++)
        blank = is_blank(&f[i]);
    if (blank && (m->skip & BT_MAP_SKIP_BLANK))
        return BT_DS_SKIP_BLANK;
    if (n < p->ncols && (m->skip & BT_MAP_SKIP_SHORT))
        return BT_DS_SKIP_SHORT;
    if (n != p->ncols) {
        bt_diags_add(p->diags, line, (n < p->ncols ? n : p->ncols) + 1,
                     "expected %zu fields, found %zu%s", p->ncols, n,
                     n < p->ncols ? " (notes after the data? see 'notes' and "
                                    "'skip short' in docs/mapping.md)" : "");
        return -1;
    }
    if (blank) {
        bt_diags_add(p->diags, line, 0, "blank row (say 'skip blank' in the "
                     "mapping to pass over such rows)");
        return -1;
    }
    return -2;
}

/* Reads every value cell of the row into st->cells; 0 or -1. */
static int row_cells(struct parser *p, unsigned long line,
                     const struct bt_field *f)
{
    struct mapped *st = p->mapped;
    int ok = 0;
    for (size_t i = 0; i < st->nvals; i++) {
        const struct vcol *vc = &st->vals[i];
        const char *why;
        if (read_cell(p->map, vc, &f[vc->col], &st->cells[i], &why) != 0) {
            const struct bt_field *c = &f[vc->col];
            bt_diags_add(p->diags, line, vc->col + 1, "value '%.*s%s': %s",
                         BT_SHOWN(c->s), why);
            ok = -1;
        } else {
            if (vc->flag_col != NONE)
                read_flag(p->map, &f[vc->flag_col], &st->cells[i]);
            if (vc->note_col != NONE) {
                struct cell *c = &st->cells[i];
                c->note = f[vc->note_col].s, c->notelen = f[vc->note_col].len;
                trim(&c->note, &c->notelen);
            }
        }
    }
    return ok;
}

/* head and s[0..n) joined by a space into b, NUL-terminated; either may
 * be missing (NULL, 0). Returns b's text, or NULL when both are. */
static const char *joined(struct bt_buf *b, const char *head, const char *s,
                          size_t n)
{
    b->len = 0;
    if (head)
        bt_buf_puts(b, head);
    if (head && n)
        bt_buf_add(b, " ", 1);
    bt_buf_add(b, s, n);
    bt_buf_add(b, "", 1);
    b->len--;
    return b->len ? b->data : NULL;
}

/* A data row: the period, the dimensions, then every value. */
static void data_row(struct parser *p, unsigned long line,
                     const struct bt_field *f)
{
    struct mapped *st = p->mapped;
    const struct bt_mapping *m = p->map;
    size_t before = p->diags->n;
    bt_day day = 0;
    int annual = m->time == BT_TIME_HEADER ? 0 : row_period(p, line, f, &day);
    int ndims = row_dims(p, line, f);
    row_cells(p, line, f);
    if (p->diags->n != before) {
        if (m->skip & BT_MAP_SKIP_INVALID) {
            bt_diags_truncate(p->diags, before);
            p->ds->skipped[BT_DS_SKIP_INVALID]++;
            p->ds->rows--;
        } else {
            p->ds->bad_rows++;
        }
        return;
    }
    if (annual == 1 && m->annual_skip) {
        p->ds->skipped[BT_DS_SKIP_ANNUAL]++;
        p->ds->rows--;
        return;
    }
    for (size_t i = 0; i < st->nvals; i++) {
        const struct vcol *vc = &st->vals[i];
        const struct cell *c = &st->cells[i];
        if (!c->has) {
            p->ds->missing++;
            continue;
        }
        if (value_key(p, line, ndims, vc) != 0) {
            p->ds->bad_rows++;
            return;
        }
        const char *flag = c->flag, *note = NULL;
        size_t flaglen = c->flaglen;
        if (vc->flag_head) {
            flag = joined(&st->flag, vc->flag_head, c->flag, c->flaglen);
            flaglen = st->flag.len;
        }
        if (vc->note_col != NONE)
            note = joined(&st->note, vc->note_head, c->note, c->notelen);
        ds_add_obs(p, annual == 1 ? vc->annual : vc->ind,
                   m->time == BT_TIME_HEADER ? vc->day : day, c->value,
                   flag, flaglen, note, NULL, line, vc->col + 1);
    }
    if (p->diags->n != before) /* a conflicting duplicate */
        p->ds->bad_rows++;
}

int bt_mapped_record(struct parser *p, unsigned long line,
                     const struct bt_field *f, size_t n)
{
    const struct bt_mapping *m = p->map;
    if (!p->mapped) {
        p->mapped = bt_xcalloc(1, sizeof *p->mapped);
        p->layout = MAPPED;
        p->ds->layout = "mapped";
    }
    struct mapped *st = p->mapped;
    if (p->header_done < 0)
        return 1; /* a bad header makes every row meaningless */
    if (!p->header_done) {
        if (line < m->header_first) {
            p->ds->skipped[BT_DS_SKIP_PREAMBLE]++;
            return 0;
        }
        if (line <= m->header_last) {
            header_row(st, f, p->csv->kept);
            if (line == m->header_last) /* data rows are no wider */
                bt_csv_limit(p->csv, st->nnames);
            return 0;
        }
        p->header_done = resolve(p, m->header_first) == 0 ? 1 : -1;
        if (p->header_done < 0)
            return 1;
    }
    int kind = classify(p, line, f, n);
    if (kind >= 0) {
        p->ds->skipped[kind]++;
        return 0;
    }
    p->ds->rows++;
    if (kind == -1)
        p->ds->bad_rows++;
    else
        data_row(p, line, f);
    return 0;
}

void bt_mapped_finish(struct parser *p)
{
    if (p->map && !p->header_done && p->mapped)
        p->header_done = resolve(p, p->map->header_first) == 0 ? 1 : -1;
}

void bt_mapped_release(struct parser *p)
{
    struct mapped *st = p->mapped;
    if (!st)
        return;
    for (size_t i = 0; i < st->nnames; i++)
        bt_buf_release(&st->names[i]);
    free(st->names);
    for (size_t i = 0; i < BT_DIM_COLUMNS_MAX; i++) {
        bt_buf_release(&st->path[i]);
        for (size_t k = 0; k < BT_MAP_LEVELS_MAX; k++)
            bt_buf_release(&st->title[i][k]);
    }
    free(st->filter_col);
    bt_buf_release(&st->flag);
    bt_buf_release(&st->note);
    free(st->vals);
    free(st->cells);
    free(st);
    p->mapped = NULL;
}
