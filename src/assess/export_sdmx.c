/* export_sdmx.c - series written as SDMX-CSV 2.0 (see export_sdmx.h). */
#include "export_sdmx.h"

#include <string.h>

#include "base/csv_read.h"
#include "base/number.h"

static const char freq_code[] = {[BT_FREQ_YEARLY] = 'A',
                                 [BT_FREQ_QUARTERLY] = 'Q',
                                 [BT_FREQ_MONTHLY] = 'M',
                                 [BT_FREQ_DAILY] = 'D'};

/* A dimension's column: its name in upper case, without the sdmx_ that
 * the reader puts before an id it would take for one of its columns. */
static void dim_header(struct bt_buf *out, const char *name)
{
    if (strncmp(name, "sdmx_", 5) == 0 &&
        bt_column_find(name + 5, strlen(name + 5)) != BT_COL_N)
        name += 5;
    out->len = 0;
    for (const char *c = name; *c; c++) {
        char u = *c >= 'a' && *c <= 'z' ? (char)(*c - 'a' + 'A') : *c;
        bt_buf_add(out, &u, 1);
    }
    bt_buf_add(out, "", 1);
}

/* TIME_PERIOD: the catalogue's period, with SDMX's dash before Q. */
static void time_period(struct bt_buf *out, bt_day day, enum bt_freq f)
{
    char date[11];
    size_t n = bt_period_format(day, f, date);
    const char *q = memchr(date, 'Q', n);
    if (q) {
        bt_buf_add(out, date, (size_t)(q - date));
        bt_buf_puts(out, "-");
        bt_buf_add(out, q, n - (size_t)(q - date));
    } else {
        bt_buf_add(out, date, n);
    }
}

/* Whether any observation has a flag (1) or a note (2). */
static int annotations(const struct bt_exported *x, size_t n)
{
    int has = 0;
    for (size_t i = 0; i < n; i++)
        for (size_t k = 0; k < x[i].flags.n; k++)
            has |= (*x[i].flags.v[k].text ? 1 : 0) | (*x[i].flags.v[k].note ? 2 : 0);
    return has;
}

void bt_export_sdmx(struct bt_buf *out, const struct bt_indicator *ind,
                    const struct bt_exported *x, size_t n)
{
    struct bt_export_columns c;
    bt_export_columns(x, n, &c);
    int has = annotations(x, n);
    struct bt_buf id = {0}, head = {0};
    bt_buf_puts(&id, "BAYTRACK:");
    for (const char *s = ind->id; *s; s++)
        bt_buf_add(&id, *s == '.' ? "_" : s, 1);
    bt_buf_puts(&id, "(1.0)");
    bt_buf_puts(out, "STRUCTURE,STRUCTURE_ID,ACTION,FREQ");
    for (size_t i = 0; i < c.ndims; i++) {
        dim_header(&head, c.dims[i]);
        bt_buf_puts(out, ",");
        bt_csv_cell(out, head.data);
    }
    bt_buf_puts(out, ",TIME_PERIOD,OBS_VALUE");
    bt_buf_puts(out, has & 1 ? ",OBS_STATUS" : "");
    bt_buf_puts(out, has & 2 ? ",OBS_COMMENT\n" : "\n");
    for (size_t s = 0; s < n; s++) {
        const struct bt_points *p = &x[s].pts;
        const struct bt_series_name *name = &x[s].name;
        for (size_t k = 0; k < p->n; k++) {
            bt_buf_puts(out, "dataflow,");
            bt_csv_cell(out, id.data);
            bt_buf_addf(out, ",I,%c", freq_code[ind->freq]);
            for (size_t i = 0, j = 0; i < c.ndims; i++) {
                bt_buf_puts(out, ",");
                if (j < name->ndims && strcmp(name->dims[j].name, c.dims[i]) == 0)
                    bt_csv_cell(out, name->dims[j++].value);
            }
            char num[32];
            bt_number_format(p->v[k].value, num);
            bt_buf_puts(out, ",");
            time_period(out, p->v[k].day, ind->freq);
            bt_buf_addf(out, ",%s", num);
            const struct bt_flag *a = bt_flags_at(&x[s].flags, p->v[k].day);
            if (has & 1) {
                bt_buf_puts(out, ",");
                bt_csv_cell(out, a ? a->text : "");
            }
            if (has & 2) {
                bt_buf_puts(out, ",");
                bt_csv_cell(out, a ? a->note : "");
            }
            bt_buf_puts(out, "\n");
        }
    }
    bt_buf_release(&id);
    bt_buf_release(&head);
}
