/* layout_nbs.c - an export of the National Bureau of Statistics of China
 * (data.stats.gov.cn), read without a mapping.
 *
 * Such a file opens with a preamble of lines 数据库：..., 指标：...,
 * 地区：... and 时间：... (passed over and counted), then a header whose
 * first cell says what its rows are:
 *   地区 or 指标   one row per region or measure, one column per period
 *                  (2024年, 2022年第一季度, 2021年5月: any bt_period_parse
 *                  form)
 *   时间           one row per period; the columns are measures, or
 *                  regions when the preamble names the measure (指标：)
 * A region is the dimension 'region', a measure the dimension 'measure',
 * each valued by the text the file gives it. After the data, a line that
 * starts with 注： or 数据来源： begins the notes: it and every line after
 * it are passed over and counted; a blank line is counted as blank. The
 * unit of a value is the last parenthesis of its measure, "(亿元)", in
 * its row or column or the preamble's 指标： line: a unit that starts
 * with 万亿, 亿 or 万 scales the value by 10^12, 10^8 or 10^4 (亿元 is
 * stored as yuan), any other is stored as written. Every value is of the
 * indicator load --indicator names; an empty cell is missing.
 */
#include <stdlib.h>
#include <string.h>

#include "layout.h"
#include "base/number.h"
#include "base/point.h"

#define NONE SIZE_MAX

struct nbs {
    const struct bt_indicator *ind;
    int in_notes;
    int by_period;        /* 时间 rows: the columns are dimension values */
    int named_measure;    /* the preamble has 指标：(its measure) */
    int exp10;            /* the preamble measure's unit */
    const char *dim;      /* "region" or "measure" */
    char **label;         /* by_period: each column's header (owned) */
    bt_day *day;          /* otherwise: each column's period */
    int *col_exp10;       /* each column's unit */
};

static int starts(const struct bt_field *f, const char *prefix)
{
    size_t k = strlen(prefix);
    const char *s = f->s;
    size_t n = f->len;
    while (n && (*s == ' ' || *s == '\t'))
        s++, n--;
    return n >= k && memcmp(s, prefix, k) == 0;
}

static int is(const struct bt_field *f, const char *word)
{
    return f->len == strlen(word) && memcmp(f->s, word, f->len) == 0;
}

static int detect(const struct bt_field *f, size_t n)
{
    return n >= 1 && starts(&f[0], "数据库：");
}

/* The power of ten the unit in the last parenthesis of s says: 万亿,
 * 亿 or 万 as its first word, else 0. */
static int unit_exp10(const char *s, size_t n)
{
    const char *open = NULL;
    for (size_t i = 0; i < n; i++)
        if (s[i] == '(' || (i + 3 <= n && memcmp(s + i, "（", 3) == 0))
            open = s + i + (s[i] == '(' ? 1 : 3);
    if (!open)
        return 0;
    size_t rest = (size_t)(s + n - open);
    static const struct {
        const char *word;
        int exp10;
    } words[] = {{"万亿", 12}, {"亿", 8}, {"万", 4}};
    for (size_t i = 0; i < 3; i++) {
        size_t k = strlen(words[i].word);
        if (rest > k && memcmp(open, words[i].word, k) == 0)
            return words[i].exp10;
    }
    return 0;
}

/* Sets p->dimkey to st->dim = value[0..n); 0, or -1 after a message. */
static int set_dim(struct parser *p, unsigned long line, size_t col,
                   const char *value, size_t n)
{
    const char *why, *name = p->nbs->dim;
    p->dimkey.len = 0;
    if (bt_dim_value_check(value, n, &why) != 0) {
        bt_diags_add(p->diags, line, col + 1, "%s '%.*s' %s", name,
                     (int)(n > 80 ? 80 : n), value, why);
        return -1;
    }
    bt_buf_add(&p->dimkey, name, strlen(name) + 1);
    bt_buf_add(&p->dimkey, value, n);
    bt_buf_add(&p->dimkey, "", 1);
    char *v = p->dimkey.data + strlen(name) + 1;
    return bt_stem_check(p->diags, line, col + 1, bt_dim_stem_len(name, v, 1));
}

/* A preamble line: what it says of the measure. */
static void preamble(struct nbs *st, const struct bt_field *f)
{
    if (starts(&f[0], "指标：")) {
        st->named_measure = 1;
        st->exp10 = unit_exp10(f[0].s, f[0].len);
    }
}

static int header(struct parser *p, unsigned long line,
                  const struct bt_field *f, size_t n)
{
    struct nbs *st = p->nbs;
    int ok = 0;
    if (is(&f[0], "时间")) {
        st->by_period = 1;
        st->dim = st->named_measure ? "region" : "measure";
    } else if (is(&f[0], "地区") || is(&f[0], "指标")) {
        st->dim = is(&f[0], "地区") ? "region" : "measure";
    } else {
        bt_diags_add(p->diags, line, 1, "an NBS export's header starts with "
                     "地区, 指标 or 时间, not '%.*s%s'", BT_SHOWN(f[0].s));
        return -1;
    }
    st->label = bt_xcalloc(n, sizeof *st->label);
    st->day = bt_xcalloc(n, sizeof *st->day);
    st->col_exp10 = bt_xcalloc(n, sizeof *st->col_exp10);
    for (size_t i = 1; i < n; i++) {
        const char *why;
        st->col_exp10[i] = st->exp10;
        if (p->ignored[i])
            continue;
        if (st->by_period) {
            st->label[i] = bt_xstrdup(f[i].s);
            if (!st->named_measure)
                st->col_exp10[i] = unit_exp10(f[i].s, f[i].len);
            continue;
        }
        int rc = bt_period_parse(f[i].s, f[i].len, &st->day[i], &why);
        if (rc == 0 && (why = bt_day_unstorable(st->day[i])))
            rc = -1;
        if (rc != 0) {
            bt_diags_add(p->diags, line, i + 1, "column '%.*s%s' is not a "
                         "period (%s)", BT_SHOWN(f[i].s), why);
            ok = -1;
        }
    }
    if (!(st->ind = bt_layout_given(p, line, "an NBS export")))
        ok = -1;
    return ok;
}

static void value(struct parser *p, unsigned long line,
                  const struct bt_field *f, size_t col, int exp10, bt_day day)
{
    double v;
    const char *why;
    int rc = bt_number_parse_scaled(f[col].s, f[col].len, exp10, &v, &why);
    if (rc < 0)
        bt_diags_add(p->diags, line, col + 1, "value '%.*s%s': %s",
                     BT_SHOWN(f[col].s), why);
    else if (rc == 0)
        p->ds->missing++;
    else
        ds_add_obs(p, p->nbs->ind, day, v, NULL, 0, NULL, NULL, line, col + 1);
}

static void row(struct parser *p, unsigned long line, const struct bt_field *f)
{
    struct nbs *st = p->nbs;
    if (st->by_period) {
        bt_day day;
        const char *why;
        int rc = bt_period_parse(f[0].s, f[0].len, &day, &why);
        if (rc == 0 && (why = bt_day_unstorable(day)))
            rc = -1;
        if (rc != 0) {
            bt_diags_add(p->diags, line, 1, "时间 '%.*s%s': %s",
                         BT_SHOWN(f[0].s), why);
            return;
        }
        for (size_t i = 1; i < p->ncols; i++)
            if (st->label[i] &&
                set_dim(p, line, i, st->label[i], strlen(st->label[i])) == 0)
                value(p, line, f, i, st->col_exp10[i], day);
        return;
    }
    if (set_dim(p, line, 0, f[0].s, f[0].len) != 0)
        return;
    int exp10 = st->named_measure || strcmp(st->dim, "region") == 0
                    ? st->exp10 : unit_exp10(f[0].s, f[0].len);
    for (size_t i = 1; i < p->ncols; i++)
        if (!p->ignored[i])
            value(p, line, f, i, exp10, st->day[i]);
}

static int blank(const struct bt_csv_reader *r, const struct bt_field *f)
{
    for (size_t i = 0; i < r->kept; i++)
        if (f[i].len)
            return 0;
    return r->dropped_bytes == 0;
}

static int record(struct parser *p, unsigned long line,
                  const struct bt_field *f, size_t n)
{
    if (!p->nbs)
        p->nbs = bt_xcalloc(1, sizeof *p->nbs);
    struct nbs *st = p->nbs;
    if (!p->header_done && (starts(&f[0], "数据库：") || starts(&f[0], "指标：") ||
                            starts(&f[0], "地区：") || starts(&f[0], "时间："))) {
        preamble(st, f);
        p->ds->skipped[BT_DS_SKIP_PREAMBLE]++;
        return 0;
    }
    if (p->header_done > 0) {
        if (!st->in_notes && (starts(&f[0], "注：") || starts(&f[0], "数据来源：")))
            st->in_notes = 1;
        if (st->in_notes) {
            p->ds->skipped[BT_DS_SKIP_NOTES]++;
            return 0;
        }
        if (blank(p->csv, f)) {
            p->ds->skipped[BT_DS_SKIP_BLANK]++;
            return 0;
        }
    }
    return bt_layout_framed(p, line, f, n, header, row);
}

static void release(struct parser *p)
{
    struct nbs *st = p->nbs;
    if (!st)
        return;
    for (size_t i = 0; st->label && i < p->ncols; i++)
        free(st->label[i]);
    free(st->label);
    free(st->day);
    free(st->col_exp10);
    free(st);
    p->nbs = NULL;
}

const struct bt_layout bt_layout_nbs = {"nbs", detect, record, NULL, release};
