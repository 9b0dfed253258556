/* flags.c - observation flags beside a series file (see flags.h). */
#include "flags.h"

#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "base/csv_read.h"

void bt_flags_path(const char *rel, struct bt_buf *out)
{
    size_t n = strlen(rel);
    if (n > 4 && strcmp(rel + n - 4, ".rrd") == 0)
        n -= 4;
    bt_buf_add(out, rel, n);
    bt_buf_puts(out, ".flags");
}

void bt_flags_add(struct bt_flags *f, bt_day day, const char *text,
                  const char *note, const char *source)
{
    if (!(text && *text) && !(note && *note) && !(source && *source))
        return; /* nothing to say of this day */
    bt_grow((void **)&f->v, &f->cap, f->n + 1, sizeof *f->v);
    f->v[f->n++] = (struct bt_flag){day, bt_xstrdup(text ? text : ""),
                                    bt_xstrdup(note ? note : ""),
                                    bt_xstrdup(source ? source : "")};
}

/* One line of the file; the header and malformed lines are passed over
 * (the file is baytrack's own, written whole). */
static int on_line(void *ctx, unsigned long line, const struct bt_field *fl,
                   size_t n)
{
    struct bt_flags *f = ctx;
    bt_day day;
    const char *why;
    if (line > 1 && (n == 2 || n == 4) &&
        bt_period_parse(fl[0].s, fl[0].len, &day, &why) == 0 &&
        (!f->n || f->v[f->n - 1].day < day))
        bt_flags_add(f, day, fl[1].s, n == 4 ? fl[2].s : NULL,
                     n == 4 ? fl[3].s : NULL);
    return 0;
}

int bt_flags_read(const char *path, struct bt_flags *f, struct bt_error *e)
{
    bt_flags_release(f);
    struct bt_buf text = {0};
    if (bt_file_read(path, &text, e) != 0) {
        bt_buf_release(&text);
        /* a name too long to exist (the series file's is 2 bytes shorter)
         * is no file either */
        return errno == ENOENT || errno == ENAMETOOLONG ? 0 : -1;
    }
    struct bt_diags diags = BT_DIAGS_INIT;
    bt_csv_read(text.data, text.len, on_line, f, &diags);
    bt_diags_release(&diags);
    bt_buf_release(&text);
    return 0;
}

void bt_flags_text(const struct bt_flags *f, struct bt_buf *out)
{
    int notes = 0;
    for (size_t i = 0; i < f->n; i++)
        notes |= *f->v[i].note || *f->v[i].source;
    bt_buf_puts(out, notes ? "date,flag,note,source\n" : "date,flag\n");
    for (size_t i = 0; i < f->n; i++) {
        char date[11];
        bt_date_format(f->v[i].day, date);
        bt_buf_addf(out, "%s,", date);
        bt_csv_cell(out, f->v[i].text);
        if (notes) {
            bt_buf_add(out, ",", 1);
            bt_csv_cell(out, f->v[i].note);
            bt_buf_add(out, ",", 1);
            bt_csv_cell(out, f->v[i].source);
        }
        bt_buf_add(out, "\n", 1);
    }
}

int bt_flags_equal(const struct bt_flags *a, const struct bt_flags *b)
{
    if (a->n != b->n)
        return 0;
    for (size_t i = 0; i < a->n; i++)
        if (a->v[i].day != b->v[i].day || strcmp(a->v[i].text, b->v[i].text) ||
            strcmp(a->v[i].note, b->v[i].note) || strcmp(a->v[i].source, b->v[i].source))
            return 0;
    return 1;
}

const char *bt_flags_find(const struct bt_flags *f, bt_day day)
{
    const struct bt_flag *x = bt_flags_at(f, day);
    return x && *x->text ? x->text : NULL;
}

const struct bt_flag *bt_flags_at(const struct bt_flags *f, bt_day day)
{
    size_t lo = 0, hi = f->n;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (f->v[mid].day < day)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < f->n && f->v[lo].day == day ? &f->v[lo] : NULL;
}

void bt_flags_release(struct bt_flags *f)
{
    for (size_t i = 0; i < f->n; i++) {
        free(f->v[i].text);
        free(f->v[i].note);
        free(f->v[i].source);
    }
    free(f->v);
    memset(f, 0, sizeof *f);
}

static int name_cmp(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Lists in *l (released first) the *.flags files of dir (len bytes of
 * path): 0, or -1 when it cannot be listed (*l is left empty). */
static int list_flags(struct bt_flags_dir *l, const char *path, size_t len)
{
    bt_flags_dir_release(l);
    char *dir = bt_xstrndup(path, len);
    DIR *d = opendir(len ? dir : path[0] == '/' ? "/" : ".");
    if (!d) {
        free(dir);
        return -1;
    }
    size_t cap = 0;
    struct dirent *de;
    for (errno = 0; (de = readdir(d)); errno = 0) {
        size_t n = strlen(de->d_name);
        if (n > 6 && strcmp(de->d_name + n - 6, ".flags") == 0) {
            bt_grow((void **)&l->names, &cap, l->n + 1, sizeof *l->names);
            l->names[l->n++] = bt_xstrdup(de->d_name);
        }
    }
    int failed = errno != 0; /* a listing cut short is no listing */
    closedir(d);
    l->dir = dir;
    if (failed) {
        bt_flags_dir_release(l);
        return -1;
    }
    if (l->n) /* names is NULL when there are none */
        qsort(l->names, l->n, sizeof *l->names, name_cmp);
    return 0;
}

int bt_flags_dir_has(struct bt_flags_dir *l, const char *path)
{
    const char *slash = strrchr(path, '/');
    size_t len = slash ? (size_t)(slash - path) : 0;
    const char *name = slash ? slash + 1 : path;
    if (!(l->dir && strlen(l->dir) == len && memcmp(l->dir, path, len) == 0) &&
        list_flags(l, path, len) != 0)
        return 1;
    return l->n &&
           bsearch(&name, l->names, l->n, sizeof *l->names, name_cmp) != NULL;
}

void bt_flags_dir_release(struct bt_flags_dir *l)
{
    for (size_t i = 0; i < l->n; i++)
        free(l->names[i]);
    free(l->names);
    free(l->dir);
    memset(l, 0, sizeof *l);
}
