/* flags.c - observation flags beside a series file (see flags.h). */
#include "flags.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "csv_read.h"

void bt_flags_path(const char *rel, struct bt_buf *out)
{
    size_t n = strlen(rel);
    if (n > 4 && strcmp(rel + n - 4, ".rrd") == 0)
        n -= 4;
    bt_buf_add(out, rel, n);
    bt_buf_puts(out, ".flags");
}

void bt_flags_add(struct bt_flags *f, bt_day day, const char *text, size_t len)
{
    bt_grow((void **)&f->v, &f->cap, f->n + 1, sizeof *f->v);
    char *t = bt_xmalloc(len + 1);
    memcpy(t, text, len);
    t[len] = '\0';
    f->v[f->n++] = (struct bt_flag){day, t};
}

/* One line of the file; the header and malformed lines are passed over
 * (the file is baytrack's own, written whole). */
static int on_line(void *ctx, unsigned long line, const struct bt_field *fl,
                   size_t n)
{
    struct bt_flags *f = ctx;
    bt_day day;
    const char *why;
    if (line > 1 && n == 2 && fl[1].len &&
        bt_period_parse(fl[0].s, fl[0].len, &day, &why) == 0 &&
        (!f->n || f->v[f->n - 1].day < day))
        bt_flags_add(f, day, fl[1].s, fl[1].len);
    return 0;
}

int bt_flags_read(const char *path, struct bt_flags *f, struct bt_error *e)
{
    bt_flags_release(f);
    struct bt_buf text = {0};
    if (bt_file_read(path, &text, e) != 0) {
        bt_buf_release(&text);
        return errno == ENOENT ? 0 : -1;
    }
    struct bt_diags diags = BT_DIAGS_INIT;
    bt_csv_read(text.data, text.len, on_line, f, &diags);
    bt_diags_release(&diags);
    bt_buf_release(&text);
    return 0;
}

/* Appends s as one CSV field. */
static void field(struct bt_buf *out, const char *s)
{
    size_t n = strlen(s);
    if (n && !strpbrk(s, ",\"\r\n") && s[0] != ' ' && s[n - 1] != ' ') {
        bt_buf_puts(out, s);
        return;
    }
    bt_buf_add(out, "\"", 1);
    for (; *s; s++)
        bt_buf_add(out, *s == '"' ? "\"\"" : s, *s == '"' ? 2 : 1);
    bt_buf_add(out, "\"", 1);
}

void bt_flags_text(const struct bt_flags *f, struct bt_buf *out)
{
    bt_buf_puts(out, "date,flag\n");
    for (size_t i = 0; i < f->n; i++) {
        char date[11];
        bt_date_format(f->v[i].day, date);
        bt_buf_addf(out, "%s,", date);
        field(out, f->v[i].text);
        bt_buf_add(out, "\n", 1);
    }
}

const char *bt_flags_find(const struct bt_flags *f, bt_day day)
{
    size_t lo = 0, hi = f->n;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (f->v[mid].day < day)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < f->n && f->v[lo].day == day ? f->v[lo].text : NULL;
}

void bt_flags_release(struct bt_flags *f)
{
    for (size_t i = 0; i < f->n; i++)
        free(f->v[i].text);
    free(f->v);
    memset(f, 0, sizeof *f);
}
