/* site_index.c - the site's first page: progress by domain, the status
 * of every indicator, the dashboard (see site.h). */
#include <string.h>

#include "chart_gnuplot.h"
#include "i18n.h"
#include "site.h"

#define NSTATUS (BT_INSUFFICIENT_DATA + 1)

/* One row of the summary: how many indicators in each status. */
static void summary_row(struct bt_buf *b, const char *domain, enum bt_lang l,
                        const size_t count[NSTATUS])
{
    size_t all = 0, scored = 0;
    int score = 0;
    for (int k = 0; k < NSTATUS; k++) {
        all += count[k];
        if (k != BT_INSUFFICIENT_DATA && k != BT_DATE_PASSED) {
            scored += count[k];
            score += bt_status_score((enum bt_status)k) * (int)count[k];
        }
    }
    bt_buf_puts(b, "<tr><th scope=\"row\">");
    site_text_in(b, domain, l);
    bt_buf_addf(b, "</th><td class=\"num\">%zu</td>", all);
    for (int k = 0; k < NSTATUS; k++)
        bt_buf_addf(b, "<td class=\"num\">%.0zu</td>", count[k]);
    if (scored)
        bt_buf_addf(b, "<td class=\"num\">%+.1f</td></tr>\n",
                    (double)score / (double)scored);
    else
        bt_buf_puts(b, "<td class=\"num\"></td></tr>\n");
}

/* Progress by domain, in the order domains first appear; then all. */
static void summary(struct bt_buf *b, const struct site *s, enum bt_lang l)
{
    bt_buf_addf(b, "<h2 id=\"summary\">%s</h2>\n", bt_word(BT_W_SUMMARY, l));
    site_table_open(b, bt_word(BT_W_SUMMARY, l), NULL);
    bt_buf_addf(b, "<tr><th scope=\"col\">%s</th><th scope=\"col\" "
                   "class=\"num\">%s</th>",
                bt_word(BT_W_DOMAIN, l), bt_word(BT_W_INDICATORS, l));
    for (int k = 0; k < NSTATUS; k++)
        bt_buf_addf(b, "<th scope=\"col\" class=\"num\" style=\"border-top:"
                       "8px solid %s\">%s %s</th>",
                    bt_status_color((enum bt_status)k),
                    bt_status_symbol((enum bt_status)k),
                    bt_status_label((enum bt_status)k, l));
    bt_buf_addf(b, "<th scope=\"col\" class=\"num\"><a href=\"");
    site_page(b, s, "methodology", l);
    bt_buf_addf(b, "#roll-up-score\">%s</a></th></tr>\n", bt_word(BT_W_SCORE, l));
    size_t total[NSTATUS] = {0};
    for (size_t i = 0; i < s->n; i++) {
        const char *domain = s->v[i].a->ind->domain;
        const char *shown = s->v[i].a->ind->domain_in[l];
        size_t j = 0;
        while (j < i && strcmp(s->v[j].a->ind->domain, domain) != 0)
            j++;
        total[s->v[i].a->progress.status]++;
        if (j < i)
            continue; /* counted with its first */
        size_t count[NSTATUS] = {0};
        for (size_t k = i; k < s->n; k++)
            if (strcmp(s->v[k].a->ind->domain, domain) == 0)
                count[s->v[k].a->progress.status]++;
        summary_row(b, shown, l, count);
    }
    summary_row(b, bt_word(BT_W_ALL_INDICATORS, l), l, total);
    site_table_close(b);
}

static void status_table(struct bt_buf *b, const struct site *s, enum bt_lang l)
{
    bt_buf_addf(b, "<h2 id=\"status\">%s</h2>\n", bt_word(BT_W_STATUS, l));
    site_table_open(b, bt_word(BT_W_STATUS, l), NULL);
    struct site_col cols[SITE_NCOLUMNS];
    for (size_t k = 0; k < SITE_NCOLUMNS; k++)
        cols[k] = (struct site_col){bt_word(site_columns[k], l), k == 4 || k == 5};
    site_table_head(b, cols, SITE_NCOLUMNS, l);
    for (size_t i = 0; i < s->n; i++) {
        const struct bt_assessment *a = s->v[i].a;
        struct site_cells c;
        site_cells(a, l, &c);
        bt_buf_puts(b, "<tr><th scope=\"row\"><a href=\"");
        site_page(b, s, a->ind->id, l);
        bt_buf_puts(b, "\">");
        site_text_in(b, a->ind->name[l], l);
        bt_buf_puts(b, "</a></th><td>");
        site_text_in(b, a->ind->shown_unit[l], l);
        bt_buf_addf(b, "</td><td>%s</td><td>%s</td><td class=\"num\">%s</td>"
                       "<td class=\"num\">%s</td><td>",
                    c.latest, c.target, c.progress, c.elapsed);
        site_status(b, s, a->progress.status, l);
        if (c.stale[l][0]) {
            bt_buf_puts(b, "<br><span class=\"note\">");
            site_text(b, c.stale[l]);
            bt_buf_puts(b, "</span>");
        }
        bt_buf_addf(b, "</td><td>%s</td></tr>\n", c.projected);
    }
    site_table_close(b);
    bt_buf_addf(b, "<p class=\"note\">%s</p>\n", bt_word(BT_W_ILLUSTRATIVE_NOTE, l));
}

void site_index(struct bt_buf *b, const struct site *s, enum bt_lang l)
{
    const char *title = site_title(s, BT_SITE_TITLE, l);
    const char *subtitle = site_title(s, BT_SITE_SUBTITLE, l);
    const char *publisher = site_title(s, BT_SITE_PUBLISHER, l);
    site_head(b, s, "index", l, title);
    bt_buf_puts(b, "<h1>");
    site_text(b, title);
    bt_buf_puts(b, "</h1>\n");
    if (subtitle) {
        bt_buf_puts(b, "<p>");
        site_text(b, subtitle);
        bt_buf_puts(b, "</p>\n");
    }
    bt_buf_puts(b, "<p>");
    if (publisher) {
        site_text(b, publisher);
        bt_buf_puts(b, " · ");
    }
    /* the newest figure of any indicator; each page has its own */
    bt_buf_addf(b, "%s %s · <a href=\"", bt_word(BT_W_AS_OF, l), s->as_of);
    site_page(b, s, "news", l);
    bt_buf_addf(b, "\">%s</a></p>\n", bt_word(BT_W_NEWS, l));
    summary(b, s, l);
    /* the dashboard at the size it was drawn, one column on a phone */
    struct bt_buf wide = {0}, narrow = {0}, note = {0};
    site_file(&wide, s, "dashboard", l, ".svg");
    site_file(&narrow, s, "dashboard.narrow", l, ".svg");
    bt_buf_addf(b, "<h2 id=\"dashboard\">%s</h2>\n", bt_word(BT_W_DASHBOARD, l));
    if (s->why_dashboard[l]) {
        bt_buf_addf(&note, bt_word(BT_W_CHART_FAILED, l), s->why_dashboard[l]);
        bt_buf_puts(b, "<p class=\"note\">");
        site_text(b, note.data);
        bt_buf_puts(b, "</p>\n");
    } else {
        struct site_figure f = {
            wide.data, narrow.data, BT_GRID_W, bt_grid_height(s->n, BT_GRID_COLS),
            BT_GRID_NARROW_W, bt_grid_height(s->n, 1), bt_word(BT_W_DASHBOARD, l),
            bt_word(BT_W_DASHBOARD_ALT, l), "dashboard-desc", l};
        site_figure(b, &f);
    }
    bt_buf_release(&wide);
    bt_buf_release(&narrow);
    bt_buf_release(&note);
    status_table(b, s, l);
    site_foot(b);
}
