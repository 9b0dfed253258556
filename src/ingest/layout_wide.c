/* layout_wide.c - the wide layout: indicator, then one column per
 * period, one row per indicator, as yearbooks print (dataset_read.h). */
#include <stdlib.h>
#include <string.h>

#include "layout.h"
#include "base/point.h"

/* A header whose first cell is 'indicator', with a column after it. */
static int detect(const struct bt_field *f, size_t n)
{
    return n >= 2 && strcmp(f[0].s, bt_columns[BT_COL_INDICATOR]) == 0;
}

static int header_wide(struct parser *p, unsigned long line,
                       const struct bt_field *f, size_t n)
{
    p->col[BT_COL_INDICATOR] = 0;
    p->col_day = bt_xcalloc(n, sizeof *p->col_day);
    p->val_col = bt_xcalloc(n, sizeof *p->val_col);
    int ok = 0;
    for (size_t i = 1; i < n; i++) {
        const char *why;
        if (p->ignored[i])
            continue;
        int bad = bt_period_parse(f[i].s, f[i].len, &p->col_day[i], &why);
        if (!bad && (why = bt_day_unstorable(p->col_day[i])))
            bad = 1;
        if (bad) {
            bt_diags_add(p->diags, line, i + 1,
                         "column '%.*s%s' is not a period (%s); a wide file has "
                         "'indicator' then one column per period", BT_SHOWN(f[i].s), why);
            ok = -1;
        }
        p->val_col[p->nval++] = i;
    }
    return ok;
}

static void row(struct parser *p, unsigned long line, const struct bt_field *f)
{
    bt_layout_row_dims(p, line, f);
    const struct bt_indicator *ind = bt_layout_indicator(p, line, f, 0);
    for (size_t i = 0; i < p->nval; i++)
        bt_layout_value(p, line, f, p->val_col[i], ind,
                        p->col_day[p->val_col[i]]);
}

static int record(struct parser *p, unsigned long line,
                  const struct bt_field *f, size_t n)
{
    return bt_layout_framed(p, line, f, n, header_wide, row);
}

const struct bt_layout bt_layout_wide = {"wide", detect, record, NULL, NULL};
