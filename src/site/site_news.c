/* site_news.c - the "what's new" page: the loads and the revisions the
 * database logged since a day (see site.h). */
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "site.h"

/* A cell of numbers from a log: rounded by the rule like every figure on
 * the site; "" (a deleted figure) says so. */
static void logged_num(struct bt_buf *b, const char *v, enum bt_lang l)
{
    char *end;
    double x = strtod(v, &end);
    if (!*v || *end)
        site_text(b, *v ? v : bt_word(BT_W_DELETED, l));
    else
        site_num(b, x);
}

/* A file as the page names it: its base name (the path is the
 * operator's, `baytrack log` gives it), as code. */
static void file_cell(struct bt_buf *b, const char *path)
{
    const char *slash = strrchr(path, '/');
    bt_buf_puts(b, "<code>");
    site_text(b, slash && slash[1] ? slash + 1 : path);
    bt_buf_puts(b, "</code>");
}

/* The series, linked to its indicator's page when the catalogue has it. */
static void series_cell(struct bt_buf *b, const struct site *s,
                        const char *label, enum bt_lang l)
{
    size_t n = strcspn(label, "{");
    for (size_t i = 0; i < s->n; i++) {
        const char *id = s->v[i].a->ind->id;
        if (strlen(id) == n && strncmp(id, label, n) == 0) {
            bt_buf_puts(b, "<a href=\"");
            site_page(b, s, id, l);
            bt_buf_puts(b, "\"><code>");
            site_text(b, label);
            bt_buf_puts(b, "</code></a>");
            return;
        }
    }
    bt_buf_puts(b, "<code>");
    site_text(b, label);
    bt_buf_puts(b, "</code>");
}

static void loads_table(struct bt_buf *b, const struct bt_changes *c,
                        enum bt_lang l)
{
    bt_buf_addf(b, "<h2 id=\"loads\">%s</h2>\n", bt_word(BT_W_LOADS, l));
    if (!c->nloads) {
        bt_buf_addf(b, "<p>%s</p>\n", bt_word(BT_W_NO_LOADS, l));
        return;
    }
    site_table_open(b, bt_word(BT_W_LOADS, l), NULL);
    bt_buf_addf(b, "<tr><th scope=\"col\">%s</th><th scope=\"col\">%s</th>"
                   "<th scope=\"col\" class=\"num\">%s</th><th scope=\"col\" "
                   "class=\"num\">%s</th><th scope=\"col\" class=\"num\">%s"
                   "</th></tr>\n",
                bt_word(BT_W_LOADED_AT, l), bt_word(BT_W_FILE, l),
                bt_word(BT_W_ADDED, l), bt_word(BT_W_REVISED, l),
                bt_word(BT_W_FLAGS_CHANGED, l));
    for (size_t i = c->nloads; i-- > 0;) { /* the newest first */
        const struct bt_load_entry *e = &c->loads[i];
        bt_buf_addf(b, "<tr><td>%.10s %.8s</td><td>", e->when, e->when + 11);
        file_cell(b, e->file);
        bt_buf_addf(b, "</td><td class=\"num\">%zu</td><td class=\"num\">%zu"
                       "</td><td class=\"num\">%zu</td></tr>\n",
                    e->added, e->revised + e->deleted, e->flags);
    }
    site_table_close(b);
}

static void revisions_table(struct bt_buf *b, const struct site *s,
                            enum bt_lang l)
{
    const struct bt_changes *c = s->changes;
    bt_buf_addf(b, "<h2 id=\"revisions\">%s</h2>\n", bt_word(BT_W_REVISIONS, l));
    if (!c->nrevisions) {
        bt_buf_addf(b, "<p>%s</p>\n", bt_word(BT_W_NO_REVISIONS, l));
        return;
    }
    site_table_open(b, bt_word(BT_W_REVISIONS, l), NULL);
    bt_buf_addf(b, "<tr><th scope=\"col\">%s</th><th scope=\"col\">%s</th>"
                   "<th scope=\"col\" class=\"num\">%s</th><th scope=\"col\">"
                   "%s</th><th scope=\"col\">%s</th></tr>\n",
                bt_word(BT_W_SERIES, l), bt_word(BT_W_DATE, l),
                bt_word(BT_W_OLD_NEW, l), bt_word(BT_W_FILE, l),
                bt_word(BT_W_LOADED_AT, l));
    for (size_t i = c->nrevisions; i-- > 0;) {
        const struct bt_revision_entry *r = &c->revisions[i];
        bt_buf_puts(b, "<tr><th scope=\"row\">");
        series_cell(b, s, r->series, l);
        bt_buf_addf(b, "</th><td>%s</td><td class=\"num\">", r->date);
        logged_num(b, r->old_value, l);
        bt_buf_puts(b, " → ");
        logged_num(b, r->new_value, l);
        bt_buf_puts(b, "</td><td>");
        file_cell(b, r->file);
        bt_buf_addf(b, "</td><td>%.10s %.8s</td></tr>\n", r->when, r->when + 11);
    }
    site_table_close(b);
}

void site_news(struct bt_buf *b, const struct site *s, enum bt_lang l)
{
    struct bt_buf line = {0}, deflt = {0};
    site_head(b, s, "news", l, bt_word(BT_W_NEWS, l));
    bt_buf_addf(b, "<h1>%s</h1>\n<p>", bt_word(BT_W_NEWS, l));
    bt_buf_addf(&line, bt_word(BT_W_NEWS_SINCE, l), s->since);
    site_text(b, line.data);
    if (s->since_default) {
        char until[11];
        bt_date_format(s->o->as_of, until);
        bt_buf_addf(&deflt, bt_word(BT_W_NEWS_DEFAULT, l), until);
        bt_buf_puts(b, " ");
        site_text(b, deflt.data);
    }
    bt_buf_puts(b, "</p>\n");
    loads_table(b, s->changes, l);
    revisions_table(b, s, l);
    site_foot(b);
    bt_buf_release(&line);
    bt_buf_release(&deflt);
}
