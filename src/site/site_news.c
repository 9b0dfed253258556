/* site_news.c - the "what's new" page: the newest figures added, the
 * revisions and the loads the database logged since a day (see site.h). */
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "numfmt.h"
#include "site.h"

/* A cell of numbers from a log: in ind's display unit for l when the
 * catalogue knows the series (display.csv, as every page shows it; ind
 * NULL: as stored), rounded by the rule like every figure on the site;
 * "" (a deleted figure) says so. */
static void logged_num(struct bt_buf *b, const struct bt_indicator *ind,
                       const char *v, enum bt_lang l)
{
    char *end;
    double x = strtod(v, &end);
    if (!*v || *end)
        site_text(b, *v ? v : bt_word(BT_W_DELETED, l));
    else if (ind)
        site_shown(b, ind, l, x);
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

/* The indicator a series label ("ID" or "ID{dims}") belongs to, among
 * the site's; NULL when the catalogue has it not. */
static const struct bt_indicator *indicator_of(const struct site *s,
                                               const char *label)
{
    size_t n = strcspn(label, "{");
    for (size_t i = 0; i < s->n; i++) {
        const struct bt_indicator *ind = s->v[i].a->ind;
        if (strlen(ind->id) == n && strncmp(ind->id, label, n) == 0)
            return ind;
    }
    return NULL;
}

/* A count, grouped as every number of the site (exact: a count is not
 * rounded). */
static void count_cell(struct bt_buf *b, size_t n)
{
    char num[BT_NUMFMT_MAX];
    bt_num_grouped((double)n, num);
    bt_buf_addf(b, "<td class=\"num\">%s</td>", num);
}

/* The time a log line was written, "YYYY-MM-DD HH:MM:SS" (UTC). */
static void when_cell(struct bt_buf *b, const char *when)
{
    bt_buf_addf(b, "<td>%.10s %.8s</td>", when, when + 11);
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
    const struct site_col cols[] = {
        {bt_word(BT_W_LOADED_AT, l), 0}, {bt_word(BT_W_FILE, l), 0},
        {bt_word(BT_W_ADDED, l), 1}, {bt_word(BT_W_REVISED, l), 1},
        {bt_word(BT_W_FLAGS_CHANGED, l), 1}};
    site_table_head(b, cols, sizeof cols / sizeof *cols, l);
    for (size_t i = c->nloads; i-- > 0;) { /* the newest first */
        const struct bt_load_entry *e = &c->loads[i];
        bt_buf_puts(b, "<tr>");
        when_cell(b, e->when);
        bt_buf_puts(b, "<td>");
        file_cell(b, e->file);
        bt_buf_puts(b, "</td>");
        count_cell(b, e->added);
        count_cell(b, e->revised + e->deleted);
        count_cell(b, e->flags);
        bt_buf_puts(b, "</tr>\n");
    }
    site_table_close(b);
}

/* The newest figure each load added to each series (DB/added.csv), the
 * newest load first, at most SITE_ADDED_MAX rows. */
#define SITE_ADDED_MAX 400
static void added_table(struct bt_buf *b, const struct site *s, enum bt_lang l)
{
    const struct bt_changes *c = s->changes;
    bt_buf_addf(b, "<h2 id=\"added\">%s</h2>\n", bt_word(BT_W_LATEST_ADDED, l));
    if (!c->nadded) {
        bt_buf_addf(b, "<p>%s</p>\n", bt_word(BT_W_NO_ADDED, l));
        return;
    }
    bt_buf_addf(b, "<p class=\"note\">%s", bt_word(BT_W_LATEST_ADDED_NOTE, l));
    size_t shown = c->nadded < SITE_ADDED_MAX ? c->nadded : SITE_ADDED_MAX;
    if (shown < c->nadded) {
        bt_buf_puts(b, " ");
        bt_buf_addf(b, bt_word(BT_W_ADDED_SHOWN, l), shown, c->nadded);
    }
    bt_buf_puts(b, "</p>\n");
    site_table_open(b, bt_word(BT_W_LATEST_ADDED, l), NULL);
    const struct site_col cols[] = {
        {bt_word(BT_W_INDICATOR, l), 0}, {bt_word(BT_W_DATE, l), 0},
        {bt_word(BT_W_VALUE, l), 1}, {bt_word(BT_W_UNIT, l), 0},
        {bt_word(BT_W_FILE, l), 0}};
    site_table_head(b, cols, sizeof cols / sizeof *cols, l);
    for (size_t i = c->nadded; i-- > c->nadded - shown;) {
        const struct bt_added_entry *a = &c->added[i];
        const struct bt_indicator *ind = indicator_of(s, a->series);
        const char *dims = strchr(a->series, '{');
        bt_buf_puts(b, "<tr><th scope=\"row\">");
        if (ind) { /* its name, linked to its page */
            bt_buf_puts(b, "<a href=\"");
            site_page(b, s, ind->id, l);
            bt_buf_puts(b, "\">");
            site_text_in(b, ind->name[l], l);
            bt_buf_puts(b, "</a>");
        } else {
            site_text(b, a->series);
        }
        /* the series under it: its dimensions (none: the indicator's one),
         * so that a phone shows the figure beside it */
        if (dims && dims[1]) {
            struct bt_buf d = {0};
            bt_buf_add(&d, dims + 1, strlen(dims + 1) - (dims[strlen(dims) - 1] == '}'));
            bt_buf_add(&d, "", 1);
            bt_buf_puts(b, "<br><code>");
            site_text(b, d.data);
            bt_buf_puts(b, "</code>");
            bt_buf_release(&d);
        }
        bt_buf_addf(b, "</th><td style=\"white-space:nowrap\">%s</td><td class=\"num\">",
                    a->date);
        logged_num(b, ind, a->value, l);
        bt_buf_puts(b, "</td><td>");
        if (ind)
            site_text_in(b, ind->shown_unit[l], l);
        bt_buf_puts(b, "</td><td>");
        file_cell(b, a->file);
        bt_buf_puts(b, "</td></tr>\n");
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
    const struct site_col cols[] = {
        {bt_word(BT_W_SERIES, l), 0}, {bt_word(BT_W_DATE, l), 0},
        {bt_word(BT_W_OLD_NEW, l), 1}, {bt_word(BT_W_FILE, l), 0},
        {bt_word(BT_W_LOADED_AT, l), 0}};
    site_table_head(b, cols, sizeof cols / sizeof *cols, l);
    for (size_t i = c->nrevisions; i-- > 0;) {
        const struct bt_revision_entry *r = &c->revisions[i];
        const struct bt_indicator *ind = indicator_of(s, r->series);
        bt_buf_puts(b, "<tr><th scope=\"row\">");
        series_cell(b, s, r->series, l);
        bt_buf_addf(b, "</th><td>%s</td><td class=\"num\">", r->date);
        logged_num(b, ind, r->old_value, l);
        bt_buf_puts(b, " → ");
        logged_num(b, ind, r->new_value, l);
        if (ind && ind->display_unit[l]) { /* figures not as stored: say so */
            bt_buf_puts(b, " ");
            site_text_in(b, ind->shown_unit[l], l);
        }
        bt_buf_puts(b, "</td><td>");
        file_cell(b, r->file);
        bt_buf_puts(b, "</td>");
        when_cell(b, r->when);
        bt_buf_puts(b, "</tr>\n");
    }
    site_table_close(b);
}

/* What the page holds, each part linked: "1 revision · 12 figures added
 * · 5 loads", the counts grouped. */
static void contents(struct bt_buf *b, const struct bt_changes *c,
                     enum bt_lang l)
{
    const struct {
        size_t n;
        const char *id;
        enum bt_word w;
    } parts[] = {{c->nrevisions, "revisions", BT_W_REVISIONS},
                 {c->nadded, "added", BT_W_LATEST_ADDED},
                 {c->nloads, "loads", BT_W_LOADS}};
    bt_buf_addf(b, "<ul class=\"note\">");
    for (size_t k = 0; k < sizeof parts / sizeof *parts; k++) {
        char num[BT_NUMFMT_MAX];
        bt_num_grouped((double)parts[k].n, num);
        bt_buf_addf(b, "<li><a href=\"#%s\">%s</a>: %s</li>", parts[k].id,
                    bt_word(parts[k].w, l), num);
    }
    bt_buf_puts(b, "</ul>\n");
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
    contents(b, s->changes, l);
    revisions_table(b, s, l);
    added_table(b, s, l);
    loads_table(b, s->changes, l);
    site_foot(b);
    bt_buf_release(&line);
    bt_buf_release(&deflt);
}
