/* mapping.c - mapping files (see mapping.h and docs/mapping.md). */
#include "mapping.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/encoding.h"
#include "base/fileio.h"
#include "base/number.h"
#include "base/period.h"

#define MAX_WORDS 64 /* the message in tokenize says 64 */

/* Indexed by enum bt_map_stmt: the keyword, and whether a mapping of an
 * SDMX-CSV file may say it (layout_sdmx.c reads the rest as SDMX-CSV
 * says: its period, flags and notes are its own columns). */
static const struct {
    const char *word;
    int sdmx;
} stmts[] = {
    [BT_MS_HEADER] = {"header", 1},     [BT_MS_NOTES] = {"notes", 0},
    [BT_MS_SKIP] = {"skip", 0},         [BT_MS_INDICATOR] = {"indicator", 1},
    [BT_MS_TIME] = {"time", 0},         [BT_MS_FISCAL] = {"fiscal", 0},
    [BT_MS_ANNUAL] = {"annual", 0},     [BT_MS_DIMENSION] = {"dimension", 1},
    [BT_MS_KEEP] = {"keep", 1},         [BT_MS_DROP] = {"drop", 1},
    [BT_MS_IGNORE] = {"ignore", 1},     [BT_MS_VALUE] = {"value", 1},
    [BT_MS_ALIAS] = {"alias", 1},       [BT_MS_SCALE] = {"scale", 1},
    [BT_MS_MISSING] = {"missing", 1},   [BT_MS_MEANS] = {"means", 0},
    [BT_MS_MARKS] = {"marks", 0},       [BT_MS_FLAG] = {"flag", 0},
    [BT_MS_NOTE] = {"note", 0},         [BT_MS_NORMAL] = {"normal", 0},
};
_Static_assert(sizeof stmts / sizeof *stmts == BT_MS_N,
               "one row per enum bt_map_stmt");

const char *bt_map_stmt_word(enum bt_map_stmt k)
{
    return stmts[k].word;
}

int bt_map_stmt_sdmx(enum bt_map_stmt k)
{
    return stmts[k].sdmx;
}

/* One word of a statement. */
struct word {
    char *s;     /* owned, unescaped */
    size_t col;  /* byte column where it starts */
    int quoted;  /* began with '"': never a keyword nor KEY=VALUE */
    char *value; /* KEY=VALUE: points past the '=' in s (s ends at it) */
    int value_quoted; /* KEY="...": the value is never @N */
};

/* Splits one line into words. Returns their number, or -1 with *why and
 * *col. */
static int tokenize(const char *p, const char *end, struct word *w,
                    size_t *col, const char **why)
{
    const char *start = p;
    int n = 0;
    for (;;) {
        while (p < end && (*p == ' ' || *p == '\t' || *p == '\r'))
            p++;
        if (p == end || *p == '#')
            return n;
        if (n == MAX_WORDS) {
            *why = "too many words (at most 64)";
            *col = (size_t)(p - start) + 1;
            return -1;
        }
        struct bt_buf b = {0};
        struct word *t = &w[n++];
        t->col = (size_t)(p - start) + 1;
        t->quoted = *p == '"';
        long eq = -1;
        while (p < end && *p != ' ' && *p != '\t' && *p != '\r') {
            if (*p != '"') {
                if (*p == '=' && eq < 0 && !t->quoted)
                    eq = (long)b.len;
                bt_buf_add(&b, p++, 1);
                continue;
            }
            if (eq >= 0)
                t->value_quoted = 1;
            const char *open = p++;
            while (p < end && *p != '"') {
                if (*p == '\\' && p + 1 < end && (p[1] == '"' || p[1] == '\\'))
                    p++;
                bt_buf_add(&b, p++, 1);
            }
            if (p == end) {
                bt_buf_release(&b);
                t->s = NULL;
                *why = "unterminated quote";
                *col = (size_t)(open - start) + 1;
                return -1;
            }
            p++;
        }
        bt_buf_add(&b, "", 0); /* an empty quoted word still gets storage */
        t->s = b.data;
        if (eq >= 0) {
            t->s[eq] = '\0';
            t->value = t->s + eq + 1;
        }
    }
}

/* The statement being applied: its words and where a problem is. */
struct stmt {
    struct word *w;
    int n;
    const char *why;
    size_t col;
    unsigned long line;
};

static int bad(struct stmt *st, int i, const char *why)
{
    st->why = why;
    st->col = st->w[i < st->n ? i : st->n - 1].col;
    return -1;
}

static int keyword(const struct word *w, const char *k)
{
    return !w->quoted && !w->value && strcmp(w->s, k) == 0;
}

#define POS_MAX 65536 /* BT_CSV_FIELDS_MAX: no row has more columns */

/* Reads the column reference s, found off bytes into word i, into *r: @N
 * (unless quoted) is column N, anything else a header text. */
static int ref_set(struct stmt *st, int i, const char *s, int quoted,
                   size_t off, struct bt_map_ref *r)
{
    struct bt_map_place at = {st->line, st->w[i].col + off};
    free(r->name);
    *r = (struct bt_map_ref){.at = at};
    if (quoted || s[0] != '@') {
        r->name = bt_xstrdup(s);
        return 0;
    }
    unsigned long v = 0;
    const char *q = s + 1;
    for (; *q >= '0' && *q <= '9' && v <= POS_MAX; q++)
        v = v * 10 + (unsigned long)(*q - '0');
    if (s[1] < '1' || s[1] > '9' || *q || v > POS_MAX) {
        r->at.line = 0;
        bad(st, i, "a column by position is @N, N from 1 to 65536 (in "
                   "quotes, the column of that name)");
        st->col += off;
        return -1;
    }
    r->pos = (unsigned)v;
    return 0;
}

/* Word i as a column. */
static int ref_word(struct stmt *st, int i, struct bt_map_ref *r)
{
    return ref_set(st, i, st->w[i].s, st->w[i].quoted, 0, r);
}

/* The value of word i (KEY=VALUE) as a column. */
static int ref_value(struct stmt *st, int i, struct bt_map_ref *r)
{
    struct word *w = &st->w[i];
    return ref_set(st, i, w->value, w->value_quoted, (size_t)(w->value - w->s), r);
}

static void ref_release(struct bt_map_ref *r)
{
    free(r->name);
    r->name = NULL;
}

/* After ref_word or ref_value: an unquoted 'next' is the column right
 * after each value column (a flag's or note's remark column). */
static void ref_next(struct bt_map_ref *r, int quoted)
{
    if (quoted || !r->name || strcmp(r->name, "next") != 0)
        return;
    ref_release(r);
    r->next = 1;
}

static struct bt_map_place place(const struct stmt *st, int i)
{
    return (struct bt_map_place){st->line, st->w[i].col};
}

static char **strings_add(char **v, size_t *n, const char *s)
{
    v = bt_xrealloc(v, (*n + 1) * sizeof *v);
    v[(*n)++] = bt_xstrdup(s);
    return v;
}

/* A scale: a power of ten written as a number (1e8, 1000, 0.01) or a
 * word (thousand, million, billion, 万, 亿). */
/* What a scale may be (parse_scale). */
#define SCALE_WHY "scale must be a power of ten from 1e-30 to 1e30 (1e8, " \
                  "1000, 0.01) or thousand, million, billion, 万, 亿"

static int parse_scale(const char *s, int *exp10)
{
    static const struct {
        const char *word;
        int exp10;
    } words[] = {{"thousand", 3}, {"million", 6}, {"billion", 9},
                 {"万", 4},       {"亿", 8},       {"百万", 6}};
    for (size_t i = 0; i < sizeof words / sizeof *words; i++)
        if (strcmp(s, words[i].word) == 0) {
            *exp10 = words[i].exp10;
            return 0;
        }
    double v;
    const char *why;
    if (bt_number_parse(s, strlen(s), &v, &why) != 1 || v <= 0)
        return -1;
    double k = round(log10(v));
    if (fabs(k) > 30 || v != pow(10, k))
        return -1;
    *exp10 = (int)k;
    return 0;
}

static int check_id(struct stmt *st, int i)
{
    const char *why;
    if (bt_id_check(st->w[i].s, strlen(st->w[i].s), &why) != 0)
        return bad(st, i, why);
    return 0;
}

static int check_dim_name(struct stmt *st, int i, const char *s)
{
    char name[64];
    const char *why;
    if (bt_dim_name(s, strlen(s), name, &why) != 0 || strcmp(name, s) != 0)
        return bad(st, i, "dimension name must be lowercase letters, digits "
                          "and '_'");
    if (strcmp(s, "scale") == 0 || strcmp(s, "flag") == 0)
        return bad(st, i, "'scale' and 'flag' are options, not dimensions");
    if (bt_column_find(s, strlen(s)) != BT_COL_N)
        return bad(st, i, "the long layout has a column of this name: an "
                          "export would read the dimension back as that column");
    return 0;
}

/* value [ID] COLUMN [scale=N] [flag=COLUMN] [NAME=VALUE]... */
static int st_value(struct bt_mapping *m, struct stmt *st)
{
    struct bt_map_value v = {0};
    int pos[2], npos = 0;
    for (int i = 1; i < st->n; i++) {
        struct word *w = &st->w[i];
        if (!w->value) {
            if (npos == 2)
                return bad(st, i, "a value names at most an indicator and a "
                                  "column; options are KEY=VALUE");
            pos[npos++] = i;
        }
    }
    if (npos == 0)
        return bad(st, 0, "'value' needs a COLUMN (and an ID unless "
                          "'indicator' is given)");
    if (npos == 2 && check_id(st, pos[0]) != 0)
        return -1;
    v.exp10 = 0;
    for (int i = 1; i < st->n; i++) {
        struct word *w = &st->w[i];
        if (!w->value)
            continue;
        if (strcmp(w->s, "scale") == 0) {
            if (parse_scale(w->value, &v.exp10) != 0)
                goto bad_scale;
            v.scaled = 1;
        } else if (strcmp(w->s, "flag") == 0 || strcmp(w->s, "note") == 0) {
            struct bt_map_ref *r = w->s[0] == 'f' ? &v.flag_column
                                                  : &v.note_column;
            if (ref_value(st, i, r) != 0)
                goto fail;
            ref_next(r, w->value_quoted);
        } else {
            const char *why;
            if (check_dim_name(st, i, w->s) != 0)
                goto fail;
            if (bt_dim_value_check(w->value, strlen(w->value), &why) != 0) {
                bad(st, i, why);
                goto fail;
            }
            if (v.nfixed == BT_DIMS_MAX) {
                bad(st, i, "too many dimensions (at most "
                           BT_STRINGIFY(BT_DIMS_MAX) ")");
                goto fail;
            }
            v.fixed[v.nfixed++] = (struct bt_dim){bt_xstrdup(w->s),
                                                  bt_xstrdup(w->value)};
        }
        continue;
    bad_scale:
        bad(st, i, SCALE_WHY);
        goto fail;
    }
    if (ref_word(st, pos[npos - 1], &v.column) != 0)
        goto fail;
    v.indicator = npos == 2 ? bt_xstrdup(st->w[pos[0]].s) : NULL;
    v.id_at = place(st, npos == 2 ? pos[0] : 0);
    m->values = bt_xrealloc(m->values, (m->nvalues + 1) * sizeof *m->values);
    m->values[m->nvalues++] = v;
    return 0;
fail:
    for (size_t k = 0; k < v.nfixed; k++)
        free((char *)v.fixed[k].name), free((char *)v.fixed[k].value);
    ref_release(&v.flag_column);
    ref_release(&v.note_column);
    ref_release(&v.column);
    return -1;
}

/* time COLUMN [PATTERN] | time header | time year=C month=C [day=C] */
static int st_time(struct bt_mapping *m, struct stmt *st)
{
    if (m->has_time)
        return bad(st, 0, "'time' is given twice");
    if (st->n == 2 && keyword(&st->w[1], "header")) {
        m->time = BT_TIME_HEADER;
    } else if (st->w[1].value) {
        m->time = BT_TIME_PARTS;
        for (int i = 1; i < st->n; i++) {
            struct word *w = &st->w[i];
            struct bt_map_ref *slot =
                !w->value ? NULL
                : strcmp(w->s, "year") == 0 ? &m->year_column
                : strcmp(w->s, "month") == 0 ? &m->month_column
                : strcmp(w->s, "day") == 0 ? &m->day_column : NULL;
            if (!slot || slot->at.line)
                return bad(st, i, "expected year=COLUMN, month=COLUMN and "
                                  "day=COLUMN, each once");
            if (ref_value(st, i, slot) != 0)
                return -1;
        }
        if (!m->year_column.at.line ||
            (m->day_column.at.line && !m->month_column.at.line))
            return bad(st, 1, "a split period needs year= (and month= "
                              "before day=)");
    } else if (st->n <= 3) {
        if (st->n == 3 && bt_date_pattern_check(st->w[2].s) != 0)
            return bad(st, 2, "date pattern needs YYYY, MM or M, and DD or D");
        m->time = BT_TIME_COLUMN;
        if (ref_word(st, 1, &m->time_column) != 0)
            return -1;
        m->time_pattern = st->n == 3 ? bt_xstrdup(st->w[2].s) : NULL;
    } else {
        return bad(st, 3, "expected 'time COLUMN [PATTERN]', 'time header' "
                          "or 'time year=COLUMN month=COLUMN [day=COLUMN]'");
    }
    m->has_time = 1;
    return 0;
}

/* The largest line number a mapping may name: a billion lines, a preamble
 * of at least 2 GB, is more than any file has. */
#define LINE_NAMED_MAX 1000000000ULL

/* Reads a line number (digits, from 1 to LINE_NAMED_MAX) at *p and moves
 * *p past it: 0, -1 when it is no line number, -2 when it is too large. */
static int line_number(const char **p, unsigned long *out)
{
    unsigned long long v = 0;
    const char *s = *p;
    if (*s < '1' || *s > '9')
        return -1;
    for (; *s >= '0' && *s <= '9'; s++)
        if (v <= LINE_NAMED_MAX)
            v = v * 10 + (unsigned long long)(*s - '0');
    *p = s;
    *out = (unsigned long)v;
    return v <= LINE_NAMED_MAX ? 0 : -2;
}

/* header LINE | header FIRST-LAST */
static int st_header(struct bt_mapping *m, struct stmt *st)
{
    if (st->n != 2)
        return bad(st, 0, "expected 'header LINE' or 'header FIRST-LAST'");
    const char *s = st->w[1].s, *p = s, *at = p;
    unsigned long a, b;
    int rc = line_number(&p, &a);
    b = a;
    if (rc == 0 && *p == '-') {
        at = ++p;
        rc = line_number(&p, &b);
    }
    if (rc == -2) {
        bad(st, 1, "line number is out of range (at most 1000000000)");
        st->col += (size_t)(at - s);
        return -1;
    }
    if (rc != 0 || *p || b < a || b - a > 9)
        return bad(st, 1, "expected a line number, or two as FIRST-LAST "
                          "(at most 10 header rows)");
    m->header_first = a;
    m->header_last = b;
    return 0;
}

static int st_annual(struct bt_mapping *m, struct stmt *st)
{
    if (st->n == 2 && keyword(&st->w[1], "skip")) {
        m->annual_skip = 1;
        return 0;
    }
    if (st->n != 2 && st->n != 3)
        return bad(st, 0, "expected 'annual ID', 'annual FROM TO' or "
                          "'annual skip'");
    for (int i = 1; i < st->n; i++)
        if (check_id(st, i) != 0)
            return -1;
    m->annual = bt_xrealloc(m->annual, (m->nannual + 1) * sizeof *m->annual);
    m->annual[m->nannual++] = (struct bt_map_alias){
        NULL, st->n == 3 ? bt_xstrdup(st->w[1].s) : NULL,
        bt_xstrdup(st->w[st->n - 1].s), place(st, st->n - 1)};
    return 0;
}

static int st_skip(struct bt_mapping *m, struct stmt *st)
{
    for (int i = 1; i < st->n; i++) {
        if (keyword(&st->w[i], "blank"))
            m->skip |= BT_MAP_SKIP_BLANK;
        else if (keyword(&st->w[i], "short"))
            m->skip |= BT_MAP_SKIP_SHORT;
        else if (keyword(&st->w[i], "invalid"))
            m->skip |= BT_MAP_SKIP_INVALID;
        else
            return bad(st, i, "expected blank, short or invalid");
    }
    return st->n > 1 ? 0 : bad(st, 0, "skip what? blank, short or invalid");
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static int cmp_longest_first(const void *a, const void *b)
{
    size_t x = *(const size_t *)a, y = *(const size_t *)b;
    return (x < y) - (x > y);
}

/* After the last statement: the marks sorted and each once, and their
 * lengths, longest first (bt_mapping_mark). Sorting once, not at each
 * 'marks' statement, keeps many of them linear. */
static void marks_index(struct bt_mapping *m)
{
    bt_qsort(m->marks, m->nmarks, sizeof *m->marks, cmp_str);
    size_t out = 0;
    for (size_t i = 0; i < m->nmarks; i++) {
        if (out && strcmp(m->marks[out - 1], m->marks[i]) == 0) {
            free(m->marks[i]);
            continue;
        }
        m->marks[out++] = m->marks[i];
    }
    m->nmarks = out;
    m->mark_lens = bt_xcalloc(out ? out : 1, sizeof *m->mark_lens);
    for (size_t i = 0; i < out; i++)
        m->mark_lens[i] = strlen(m->marks[i]);
    bt_qsort(m->mark_lens, out, sizeof *m->mark_lens, cmp_longest_first);
    size_t k = 0;
    for (size_t i = 0; i < out; i++)
        if (!k || m->mark_lens[k - 1] != m->mark_lens[i])
            m->mark_lens[k++] = m->mark_lens[i];
    m->nmark_lens = k;
}

/* Whether s[0..n) is one of the (sorted) marks. */
static int is_mark(const struct bt_mapping *m, const char *s, size_t n)
{
    size_t lo = 0, hi = m->nmarks;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        const char *k = m->marks[mid];
        size_t kn = strlen(k);
        int c = memcmp(k, s, kn < n ? kn : n);
        if (c == 0) /* as strcmp orders them: the shorter first */
            c = (kn > n) - (kn < n);
        if (c == 0)
            return 1;
        if (c < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return 0;
}

size_t bt_mapping_mark(const struct bt_mapping *m, const char *s, size_t n,
                       int *after)
{
    for (size_t i = 0; i < m->nmark_lens; i++) {
        size_t k = m->mark_lens[i];
        if (k >= n)
            continue;
        if (is_mark(m, s + n - k, k)) {
            *after = 1;
            return k;
        }
        if (is_mark(m, s, k)) {
            *after = 0;
            return k;
        }
    }
    return 0;
}

/* Checks that words 1.. are texts; 0 or -1. */
static int texts(struct stmt *st)
{
    if (st->n < 2)
        return bad(st, 0, "give at least one text");
    for (int i = 1; i < st->n; i++)
        if (!*st->w[i].s || st->w[i].value)
            return bad(st, i, "expected a text (in quotes if it has spaces "
                              "or '=')");
    return 0;
}

/* notes, marks, normal: a list of texts. */
static int st_texts(struct stmt *st, char ***v, size_t *n)
{
    if (texts(st) != 0)
        return -1;
    for (int i = 1; i < st->n; i++)
        *v = strings_add(*v, n, st->w[i].s);
    return 0;
}

static void word_add(struct bt_mapping *m, const char *text, int missing,
                     double value)
{
    m->words = bt_xrealloc(m->words, (m->nwords + 1) * sizeof *m->words);
    m->words[m->nwords++] = (struct bt_map_word){bt_xstrdup(text), missing, value};
}

static int st_missing(struct bt_mapping *m, struct stmt *st)
{
    if (texts(st) != 0)
        return -1;
    for (int i = 1; i < st->n; i++)
        word_add(m, st->w[i].s, 1, 0);
    return 0;
}

static int st_means(struct bt_mapping *m, struct stmt *st)
{
    double v;
    const char *why;
    if (st->n != 3)
        return bad(st, 0, "expected 'means TEXT NUMBER'");
    if (bt_number_parse(st->w[2].s, strlen(st->w[2].s), &v, &why) != 1)
        return bad(st, 2, "expected a number");
    word_add(m, st->w[1].s, 0, v);
    return 0;
}

/* Statements of one or two plain words. */
static int st_simple(struct bt_mapping *m, struct stmt *st)
{
    const char *k = st->w[0].s;
    if (strcmp(k, "indicator") == 0 && st->n == 2) {
        if (m->indicator)
            return bad(st, 0, "'indicator' is given twice");
        if (check_id(st, 1) != 0)
            return -1;
        m->indicator = bt_xstrdup(st->w[1].s);
        m->indicator_at = place(st, 1);
    } else if (strcmp(k, "alias") == 0 && st->n == 4) {
        m->aliases = bt_xrealloc(m->aliases, (m->naliases + 1) * sizeof *m->aliases);
        m->aliases[m->naliases++] = (struct bt_map_alias){
            bt_xstrdup(st->w[1].s), bt_xstrdup(st->w[2].s), bt_xstrdup(st->w[3].s),
            place(st, 1)};
    } else if (strcmp(k, "scale") == 0 && st->n == 2) {
        if (parse_scale(st->w[1].s, &m->exp10) != 0)
            return bad(st, 1, SCALE_WHY);
    } else if (strcmp(k, "fiscal") == 0 && st->n == 2) {
        int month = bt_month_parse(st->w[1].s, strlen(st->w[1].s));
        if (month < 2)
            return bad(st, 1, "a financial year starts in a month from 2 "
                              "(February) to 12 (December)");
        m->fiscal_start = month;
    } else if ((strcmp(k, "flag") == 0 || strcmp(k, "note") == 0) &&
               st->n == 2) {
        struct bt_map_ref *r = k[0] == 'f' ? &m->flag_column : &m->note_column;
        if (r->at.line)
            return bad(st, 0, k[0] == 'f' ? "'flag' is given twice"
                                          : "'note' is given twice");
        if (st->w[1].value)
            return bad(st, 1, "expected a column or next (in quotes if it "
                              "has '=')");
        if (ref_word(st, 1, r) != 0)
            return -1;
        ref_next(r, st->w[1].quoted);
    } else {
        return 1;
    }
    return 0;
}

/* dimension NAME COLUMN | dimension NAME TITLE1 TITLE2 ... */
static int st_dimension(struct bt_mapping *m, struct stmt *st)
{
    if (st->n < 3)
        return bad(st, 0, "expected 'dimension NAME COLUMN' or 'dimension "
                          "NAME TITLE1 TITLE2...'");
    if (st->n - 2 > BT_MAP_LEVELS_MAX)
        return bad(st, 2 + BT_MAP_LEVELS_MAX, "at most 10 title columns");
    if (check_dim_name(st, 1, st->w[1].s) != 0)
        return -1;
    for (size_t i = 0; i < m->ndims; i++)
        if (strcmp(m->dims[i].key, st->w[1].s) == 0)
            return bad(st, 1, "this dimension is given twice");
    if (m->ndims == BT_DIM_COLUMNS_MAX)
        return bad(st, 1, "too many dimension columns (at most "
                          BT_STRINGIFY(BT_DIM_COLUMNS_MAX) ")");
    struct bt_map_column c = {0};
    for (int i = 2; i < st->n; i++)
        if (st->w[i].value || ref_word(st, i, &c.levels[c.nlevels++]) != 0) {
            if (st->w[i].value)
                bad(st, i, "expected a column (in quotes if it has '=')");
            for (size_t k = 0; k < c.nlevels; k++)
                ref_release(&c.levels[k]);
            return -1;
        }
    c.key = bt_xstrdup(st->w[1].s);
    m->dims[m->ndims++] = c;
    return 0;
}

/* ignore COLUMN... */
static int st_ignore(struct bt_mapping *m, struct stmt *st)
{
    if (st->n < 2)
        return bad(st, 0, "expected 'ignore COLUMN...'");
    for (int i = 1; i < st->n; i++) {
        struct bt_map_ref r = {0};
        if (st->w[i].value)
            return bad(st, i, "expected a column (in quotes if it has '=')");
        if (ref_word(st, i, &r) != 0)
            return -1;
        m->ignored = bt_xrealloc(m->ignored, (m->nignored + 1) * sizeof *m->ignored);
        m->ignored[m->nignored++] = r;
    }
    return 0;
}

/* keep COLUMN VALUE... | drop COLUMN VALUE... */
static int st_filter(struct bt_mapping *m, struct stmt *st, int keep)
{
    if (st->n < 3)
        return bad(st, 0, "expected 'keep COLUMN VALUE...' or 'drop COLUMN "
                          "VALUE...' (\"\" for an empty cell)");
    struct bt_map_filter f = {keep, {0}, NULL, 0};
    for (int i = 2; i < st->n; i++)
        if (st->w[i].value)
            return bad(st, i, "expected a value (in quotes if it has '=')");
    if (ref_word(st, 1, &f.column) != 0)
        return -1;
    for (int i = 2; i < st->n; i++)
        f.values = strings_add(f.values, &f.nvalues, st->w[i].s);
    m->filters = bt_xrealloc(m->filters, (m->nfilters + 1) * sizeof *m->filters);
    m->filters[m->nfilters++] = f;
    return 0;
}

/* Applies one statement; returns 0 or -1 with st->why and st->col. */
static int statement(struct bt_mapping *m, struct stmt *st)
{
    const struct word *k = &st->w[0];
    if (k->quoted || k->value)
        return bad(st, 0, "a statement begins with a keyword");
    const char *s = k->s;
    int rc;
    if (strcmp(s, "value") == 0)
        return st_value(m, st);
    if (strcmp(s, "time") == 0 && st->n >= 2)
        return st_time(m, st);
    if (strcmp(s, "header") == 0)
        return st_header(m, st);
    if (strcmp(s, "dimension") == 0)
        return st_dimension(m, st);
    if (strcmp(s, "ignore") == 0)
        return st_ignore(m, st);
    if (strcmp(s, "keep") == 0 || strcmp(s, "drop") == 0)
        return st_filter(m, st, s[0] == 'k');
    if (strcmp(s, "annual") == 0)
        return st_annual(m, st);
    if (strcmp(s, "skip") == 0)
        return st_skip(m, st);
    if (strcmp(s, "means") == 0)
        return st_means(m, st);
    if (strcmp(s, "notes") == 0)
        return st_texts(st, &m->notes, &m->nnotes);
    if (strcmp(s, "normal") == 0)
        return st_texts(st, &m->normal, &m->nnormal);
    if (strcmp(s, "missing") == 0)
        return st_missing(m, st);
    if (strcmp(s, "marks") == 0)
        return st_texts(st, &m->marks, &m->nmarks);
    if ((rc = st_simple(m, st)) <= 0)
        return rc;
    return bad(st, 0, "unknown statement or wrong number of words; "
                      "docs/mapping.md lists them: header, notes, skip, "
                      "indicator, time, fiscal, annual, dimension, value, "
                      "keep, drop, ignore, alias, scale, missing, means, marks, flag, note, "
                      "normal");
}

const char *bt_mapping_incomplete(const struct bt_mapping *m)
{
    if (!m->has_time)
        return "a 'time' statement";
    if (m->time == BT_TIME_HEADER) {
        if (!m->indicator)
            return "an 'indicator' statement ('time header' melts the "
                   "period columns into one indicator)";
        if (m->nvalues)
            return "no 'value' statement with 'time header' (every column "
                   "not otherwise named is a period)";
        return NULL;
    }
    if (m->nvalues == 0)
        return "a 'value' statement";
    for (size_t i = 0; i < m->nvalues; i++)
        if (!m->values[i].indicator && !m->indicator)
            return "an 'indicator' statement, or an ID in each 'value'";
    if ((m->nannual || m->annual_skip) && !m->month_column.at.line)
        return "'time year=... month=...' for 'annual'";
    return NULL;
}

/* What the whole mapping must say, or NULL: a mapping without 'time'
 * that says only what a mapping of an SDMX-CSV file may is checked
 * against the file instead (bt_mapping_incomplete). */
static const char *incomplete(const struct bt_mapping *m, char *why,
                              size_t size)
{
    if (m->has_time)
        return bt_mapping_incomplete(m);
    for (size_t k = 0; k < BT_MS_N; k++)
        if (!stmts[k].sdmx && m->said[k].line) {
            snprintf(why, size, "a 'time' statement; without one it is a "
                     "mapping for an SDMX-CSV file, where '%s' (line %lu) "
                     "does not apply", stmts[k].word, m->said[k].line);
            return why;
        }
    return NULL;
}

/* Which statement a successful statement's keyword is. */
static void said(struct bt_mapping *m, const struct stmt *st)
{
    for (size_t k = 0; k < BT_MS_N; k++)
        if (strcmp(st->w[0].s, stmts[k].word) == 0) {
            if (!m->said[k].line)
                m->said[k] = place(st, 0);
            return;
        }
}

int bt_mapping_parse_all(struct bt_mapping *m, const char *text, size_t len,
                         const char *path, struct bt_diags *d)
{
    memset(m, 0, sizeof *m);
    m->path = bt_xstrdup(path);
    m->header_first = m->header_last = 1;
    const char *p = text, *end = text + len;
    unsigned long line = 0;
    size_t before = d->n;
    while (p < end) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        const char *eol = nl ? nl : end;
        struct word w[MAX_WORDS] = {{0}};
        struct stmt st = {w, 0, NULL, 1, ++line};
        int n = tokenize(p, eol, w, &st.col, &st.why);
        st.n = n;
        int rc = n > 0 ? statement(m, &st) : n;
        if (rc == 0 && n > 0)
            said(m, &st);
        for (int i = 0; i < MAX_WORDS; i++)
            free(w[i].s);
        if (rc != 0) /* and on to the next statement: every problem told */
            bt_diags_add_in(d, path, line, st.col, "%s", st.why);
        p = nl ? nl + 1 : end;
    }
    marks_index(m);
    m->lines = line ? line : 1;
    char why[200];
    const char *missing = d->n == before ? incomplete(m, why, sizeof why) : NULL;
    if (missing) /* unless a statement failed, which may be why */
        bt_diags_add_in(d, path, line ? line : 1, 1, "mapping needs %s", missing);
    if (d->n == before)
        return 0;
    bt_mapping_release(m);
    return -1;
}

int bt_mapping_parse(struct bt_mapping *m, const char *text, size_t len,
                     const char *path, struct bt_error *e)
{
    struct bt_diags d = BT_DIAGS_INIT;
    int rc = bt_mapping_parse_all(m, text, len, path, &d);
    if (rc != 0) {
        bt_diags_first(&d, path, e);
        if (d.n > 1) {
            size_t k = strlen(e->msg);
            snprintf(e->msg + k, sizeof e->msg - k, " (and %zu more problem%s)",
                     d.n - 1, d.n == 2 ? "" : "s");
        }
    }
    bt_diags_release(&d);
    return rc;
}

int bt_mapping_load(struct bt_mapping *m, const char *path,
                    struct bt_diags *d, struct bt_error *e)
{
    struct bt_text text;
    struct bt_diags enc = BT_DIAGS_INIT;
    memset(m, 0, sizeof *m);
    int rc = bt_text_load(path, NULL, &text, &enc, e);
    if (rc > 0) {
        for (size_t i = 0; i < enc.n; i++)
            bt_diags_add_in(d, path, enc.v[i].line, enc.v[i].column, "%s",
                            enc.v[i].msg);
        rc = 1;
    } else if (rc == 0) {
        rc = bt_mapping_parse_all(m, text.buf, text.len, path, d) != 0;
    }
    bt_diags_release(&enc);
    bt_text_release(&text);
    return rc;
}

static void strings_free(char **v, size_t n)
{
    for (size_t i = 0; i < n; i++)
        free(v[i]);
    free(v);
}

static void aliases_free(struct bt_map_alias *a, size_t n)
{
    for (size_t i = 0; i < n; i++)
        free(a[i].dimension), free(a[i].from), free(a[i].to);
    free(a);
}

void bt_mapping_release(struct bt_mapping *m)
{
    free(m->path);
    free(m->indicator);
    ref_release(&m->time_column);
    free(m->time_pattern);
    ref_release(&m->year_column);
    ref_release(&m->month_column);
    ref_release(&m->day_column);
    ref_release(&m->flag_column);
    ref_release(&m->note_column);
    for (size_t i = 0; i < m->ndims; i++) {
        free(m->dims[i].key);
        for (size_t k = 0; k < m->dims[i].nlevels; k++)
            ref_release(&m->dims[i].levels[k]);
    }
    for (size_t i = 0; i < m->nfilters; i++) {
        ref_release(&m->filters[i].column);
        strings_free(m->filters[i].values, m->filters[i].nvalues);
    }
    free(m->filters);
    for (size_t i = 0; i < m->nignored; i++)
        ref_release(&m->ignored[i]);
    free(m->ignored);
    for (size_t i = 0; i < m->nvalues; i++) {
        struct bt_map_value *v = &m->values[i];
        free(v->indicator);
        ref_release(&v->column);
        ref_release(&v->flag_column);
        ref_release(&v->note_column);
        for (size_t k = 0; k < v->nfixed; k++)
            free((char *)v->fixed[k].name), free((char *)v->fixed[k].value);
    }
    free(m->values);
    for (size_t i = 0; i < m->nwords; i++)
        free(m->words[i].text);
    free(m->words);
    aliases_free(m->aliases, m->naliases);
    aliases_free(m->annual, m->nannual);
    strings_free(m->notes, m->nnotes);
    strings_free(m->marks, m->nmarks);
    free(m->mark_lens);
    strings_free(m->normal, m->nnormal);
    memset(m, 0, sizeof *m);
}

const char *bt_mapping_alias(const struct bt_mapping *m, const char *dim,
                             const char *value)
{
    for (size_t i = 0; i < m->naliases; i++)
        if (strcmp(m->aliases[i].dimension, dim) == 0 &&
            strcmp(m->aliases[i].from, value) == 0)
            return m->aliases[i].to;
    return value;
}

const char *bt_mapping_annual(const struct bt_mapping *m, const char *id)
{
    for (size_t i = 0; i < m->nannual; i++)
        if (!m->annual[i].from || strcmp(m->annual[i].from, id) == 0)
            return m->annual[i].to;
    return NULL;
}
