/* layout_long.c - the long layout: indicator,date,value in any order, an
 * optional unit and flag, the citation columns, and every other column a
 * dimension named by its header (dataset_read.h). */
#include <stdlib.h>
#include <string.h>

#include "layout.h"
#include "base/point.h"

static int find_column(const struct bt_field *f, size_t n, const char *name)
{
    for (size_t i = 0; i < n; i++)
        if (strcmp(f[i].s, name) == 0)
            return (int)i;
    return -1;
}

/* A header with indicator, date and value. */
static int detect(const struct bt_field *f, size_t n)
{
    return find_column(f, n, bt_columns[BT_COL_INDICATOR]) >= 0 &&
           find_column(f, n, bt_columns[BT_COL_DATE]) >= 0 &&
           find_column(f, n, bt_columns[BT_COL_VALUE]) >= 0;
}

/* Header cell i of a long file, which is none of bt_columns: a dimension
 * named by it (bt_dim_name), unless that name is one of bt_columns ('Flag'
 * is not the flag column, and would export as it). 0 or -1. */
static int header_dim(struct parser *p, unsigned long line,
                      const struct bt_field *f, size_t i)
{
    char name[64];
    const char *why;
    if (bt_dim_name(f[i].s, f[i].len, name, &why) != 0) {
        bt_diags_add(p->diags, line, i + 1, "dimension column '%.*s%s' %s",
                     BT_SHOWN(f[i].s), why);
        return -1;
    }
    if (bt_column_find(name, strlen(name)) != BT_COL_N) {
        bt_diags_add(p->diags, line, i + 1,
                     "dimension column '%.*s%s' would be named '%s', the name "
                     "of a column of the long layout: rename it, or write "
                     "'%s' to make it that column", BT_SHOWN(f[i].s), name, name);
        return -1;
    }
    return bt_layout_add_dim(p, line, i, name);
}

/* A long file's header: each cell one of bt_columns, at most once, or a
 * dimension. */
static int header_long(struct parser *p, unsigned long line,
                       const struct bt_field *f, size_t n)
{
    p->nval = 1;
    p->val_col = bt_xmalloc(sizeof *p->val_col);
    for (size_t i = 0; i < n; i++) {
        if (p->ignored[i])
            continue;
        enum bt_column c = bt_column_find(f[i].s, f[i].len);
        if (c == BT_COL_N) {
            if (header_dim(p, line, f, i) != 0)
                return -1;
        } else if (p->col[c] != SIZE_MAX) {
            bt_diags_add(p->diags, line, i + 1, "column '%s' appears twice",
                         bt_columns[c]);
            return -1;
        } else {
            p->col[c] = i;
        }
    }
    p->val_col[0] = p->col[BT_COL_VALUE];
    p->ds->has_notes = p->col[BT_COL_NOTE] != SIZE_MAX;
    p->ds->has_sources = p->col[BT_COL_SOURCE] != SIZE_MAX ||
                         p->col[BT_COL_OUTLET] != SIZE_MAX ||
                         p->col[BT_COL_PUBLISHED] != SIZE_MAX;
    return 0;
}

static int row_date(struct parser *p, unsigned long line,
                    const struct bt_field *f, bt_day *day)
{
    const struct bt_field *d = &f[p->col[BT_COL_DATE]];
    const char *why;
    int rc = bt_layout_iso_day(d->s, d->len, day) ? 0
             : bt_period_parse(d->s, d->len, day, &why);
    if (rc == 0 && (why = bt_day_unstorable(*day)))
        rc = -1;
    if (rc != 0)
        bt_diags_add(p->diags, line, p->col[BT_COL_DATE] + 1, "date '%.*s%s': %s", BT_SHOWN(d->s), why);
    return rc;
}

/* A unit cell, when the file has one, says the catalogue's unit or
 * nothing: the catalogue defines the unit, the file only repeats it
 * (the report's downloads carry it). Returns 0, or -1 with a diagnostic. */
static int row_unit(struct parser *p, unsigned long line,
                    const struct bt_field *f, const struct bt_indicator *ind)
{
    if (p->col[BT_COL_UNIT] == SIZE_MAX || !ind || !ind->unit || f[p->col[BT_COL_UNIT]].len == 0 ||
        strcmp(f[p->col[BT_COL_UNIT]].s, ind->unit) == 0)
        return 0;
    bt_diags_add(p->diags, line, p->col[BT_COL_UNIT] + 1,
                 "unit '%.*s%s' is not '%s', the unit of %s in the catalogue",
                 BT_SHOWN(f[p->col[BT_COL_UNIT]].s), ind->unit, ind->id);
    return -1;
}

static void row(struct parser *p, unsigned long line, const struct bt_field *f)
{
    bt_day day = 0;
    int dims_ok = bt_layout_row_dims(p, line, f);
    const struct bt_indicator *ind =
        bt_layout_indicator(p, line, f, p->col[BT_COL_INDICATOR]);
    if (row_date(p, line, f, &day) == 0 && dims_ok == 0 &&
        row_unit(p, line, f, ind) == 0)
        bt_layout_value(p, line, f, p->val_col[0], ind, day);
}

static int record(struct parser *p, unsigned long line,
                  const struct bt_field *f, size_t n)
{
    return bt_layout_framed(p, line, f, n, header_long, row);
}

const struct bt_layout bt_layout_long = {"long", detect, record, NULL, NULL};
