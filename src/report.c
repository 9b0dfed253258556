/* report.c - the progress report (see report.h). */
#include "report.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "chart_gnuplot.h"
#include "fileio.h"
#include "i18n.h"
#include "number.h"
#include "progress.h"
#include "query.h"

#define CHART_W 800
#define CHART_H 450

/* The text of one assessment's cells, shared by HTML and Markdown. */
struct cells {
    char latest[64], target[64], progress[16], elapsed[16], projected[11];
};

static void cells(const struct bt_assessment *a, struct cells *c)
{
    const struct bt_progress *p = &a->progress;
    char date[11], num[32];
    memset(c, 0, sizeof *c);
    if (p->has_latest) {
        bt_period_format(p->latest_date, a->ind->freq, date);
        bt_number_format(p->latest_value, num);
        snprintf(c->latest, sizeof c->latest, "%s: %s", date, num);
    }
    if (p->has_target) {
        bt_period_format(p->target_date, a->ind->freq, date);
        bt_number_format(p->target_value, num);
        snprintf(c->target, sizeof c->target, "%s: %s%s", date, num,
                 p->target->illustrative ? "*" : "");
    }
    if (!isnan(p->progress))
        snprintf(c->progress, sizeof c->progress, "%.0f%%", p->progress * 100);
    if (!isnan(p->elapsed))
        snprintf(c->elapsed, sizeof c->elapsed, "%.0f%%", p->elapsed * 100);
    if (p->has_projection)
        bt_date_format(p->projected_date, c->projected);
}

static void html_text(struct bt_buf *b, const char *s)
{
    for (; *s; s++) {
        switch (*s) {
        case '&': bt_buf_puts(b, "&amp;"); break;
        case '<': bt_buf_puts(b, "&lt;"); break;
        case '>': bt_buf_puts(b, "&gt;"); break;
        case '"': bt_buf_puts(b, "&quot;"); break;
        case '\'': bt_buf_puts(b, "&#39;"); break;
        default: bt_buf_add(b, s, 1);
        }
    }
}

/* Markdown table cell: no pipes, no line breaks. */
static void md_text(struct bt_buf *b, const char *s)
{
    for (; *s; s++) {
        if (*s == '|')
            bt_buf_puts(b, "\\|");
        else if (*s == '\n')
            bt_buf_puts(b, " ");
        else
            bt_buf_add(b, s, 1);
    }
}

/* Whether an indicator gets small multiples: several series of its own
 * (a derived one is drawn from another's total). */
static int has_multiples(const struct bt_assessment *a)
{
    return a->nseries > 1 && !a->ind->derive;
}

/* The columns of the status table, shared by the HTML and the Markdown. */
static const enum bt_word columns[] = {
    BT_W_INDICATOR, BT_W_UNIT,    BT_W_LATEST, BT_W_TARGET,
    BT_W_PROGRESS,  BT_W_ELAPSED, BT_W_STATUS, BT_W_PROJECTED};
#define NCOLUMNS (sizeof columns / sizeof *columns)

/* Appends the gnuplot commands of every chart; counts them. */
static int charts_script(struct bt_db *db, struct bt_assessment *a,
                         size_t n, const struct bt_report_opts *o,
                         struct bt_buf *s, size_t *count, struct bt_error *e)
{
    struct bt_buf path = {0}, sub = {0};
    int rc = 0;
    for (size_t i = 0; i < n && rc == 0; i++) {
        const struct bt_indicator *ind = a[i].ind;
        path.len = sub.len = 0;
        bt_buf_addf(&path, "%s/charts/%s.png", o->dir, ind->id);
        if (a[i].nseries > 1)
            bt_buf_addf(&sub, bt_word(BT_W_TOTAL_OF, o->lang), a[i].nseries);
        struct bt_chart c = {ind, a[i].obs.v, a[i].obs.n, &a[i].progress,
                             sub.len ? sub.data : NULL, o->lang, 0, 0};
        bt_chart_script(s, &c, path.data, BT_CHART_PNG, CHART_W, CHART_H);
        (*count)++;
        if (!has_multiples(&a[i]))
            continue;
        /* small multiples, by the first dimension */
        struct bt_group *g;
        size_t ng;
        if ((rc = bt_query_groups(db, ind->id, &g, &ng, e)) != 0 || ng < 2) {
            bt_groups_free(g, ng);
            continue;
        }
        struct bt_panel *panels = bt_xcalloc(ng, sizeof *panels);
        for (size_t k = 0; k < ng; k++)
            panels[k] = (struct bt_panel){strchr(g[k].label, '=') + 1,
                                          g[k].obs.v, g[k].obs.n, NULL, NULL};
        path.len = sub.len = 0;
        bt_buf_addf(&path, "%s/charts/%s.by.png", o->dir, ind->id);
        bt_buf_addf(&sub, "%s (%s %.*s)", ind->name[o->lang],
                    bt_word(BT_W_BY, o->lang),
                    (int)strcspn(g[0].label, "="), g[0].label);
        bt_panels_script(s, panels, ng, sub.data, o->lang, path.data, 1200,
                         (int)(260 * ((ng + 3) / 4) + 60));
        (*count)++;
        free(panels);
        bt_groups_free(g, ng);
    }
    bt_buf_release(&path);
    bt_buf_release(&sub);
    return rc;
}

static void dashboard_script(struct bt_assessment *a, size_t n,
                             const struct bt_report_opts *o, struct bt_buf *s)
{
    struct bt_panel *panels = bt_xcalloc(n, sizeof *panels);
    struct bt_buf *titles = bt_xcalloc(n, sizeof *titles);
    for (size_t i = 0; i < n; i++) {
        enum bt_status st = a[i].progress.status;
        bt_buf_addf(&titles[i], "%s [%s]", a[i].ind->name[o->lang],
                    bt_status_label(st, o->lang));
        panels[i] = (struct bt_panel){titles[i].data, a[i].obs.v, a[i].obs.n,
                                      a[i].ind, bt_status_color(st)};
    }
    struct bt_buf path = {0};
    bt_buf_addf(&path, "%s/dashboard.png", o->dir);
    size_t rows = (n + 3) / 4;
    bt_panels_script(s, panels, n, bt_word(BT_W_REPORT_TITLE, o->lang), o->lang,
                     path.data, 1400, (int)(240 * (rows ? rows : 1) + 60));
    for (size_t i = 0; i < n; i++)
        bt_buf_release(&titles[i]);
    free(titles);
    free(panels);
    bt_buf_release(&path);
}

static void html_row(struct bt_buf *b, const struct bt_assessment *a,
                     enum bt_lang l)
{
    struct cells c;
    cells(a, &c);
    enum bt_status st = a->progress.status;
    bt_buf_puts(b, "<tr><td><a href=\"#");
    html_text(b, a->ind->id);
    bt_buf_puts(b, "\">");
    html_text(b, a->ind->name[l]);
    bt_buf_puts(b, "</a></td><td>");
    html_text(b, a->ind->unit);
    bt_buf_addf(b, "</td><td>%s</td><td>%s</td><td class=\"num\">%s</td>"
                   "<td class=\"num\">%s</td><td class=\"status\" "
                   "style=\"background:%s\">%s</td><td>%s</td></tr>\n",
                c.latest, c.target, c.progress, c.elapsed, bt_status_color(st),
                bt_status_label(st, l), c.projected);
}

static void html_figure(struct bt_buf *b, const struct bt_assessment *a,
                        enum bt_lang l)
{
    const struct bt_indicator *ind = a->ind;
    bt_buf_puts(b, "<section id=\"");
    html_text(b, ind->id);
    bt_buf_puts(b, "\"><h3>");
    html_text(b, ind->name[l]);
    bt_buf_puts(b, "</h3>\n<img src=\"charts/");
    html_text(b, ind->id);
    bt_buf_puts(b, ".png\" alt=\"");
    html_text(b, ind->name[l]);
    bt_buf_puts(b, "\" width=\"800\" height=\"450\">\n");
    if (has_multiples(a)) {
        bt_buf_puts(b, "<img src=\"charts/");
        html_text(b, ind->id);
        bt_buf_puts(b, ".by.png\" alt=\"\" class=\"multiples\">\n");
    }
    bt_buf_addf(b, "<p class=\"source\">%s: ", bt_word(BT_W_SOURCE, l));
    html_text(b, ind->source);
    for (size_t k = 0; k < ind->ntargets; k++) {
        const struct bt_target *t = &ind->targets[k];
        char date[11], num[32];
        bt_period_format(t->date, ind->freq, date);
        bt_number_format(t->value, num);
        bt_buf_addf(b, "<br>%s %s: %s%s — ", bt_kind_name(t->kind), date, num,
                    t->illustrative ? "*" : "");
        html_text(b, t->source);
    }
    bt_buf_puts(b, "</p></section>\n");
}

static void html_page(struct bt_buf *b, struct bt_assessment *a, size_t n,
                      const struct bt_report_opts *o, const char *as_of)
{
    enum bt_lang l = o->lang;
    bt_buf_addf(b, "<!DOCTYPE html>\n<html lang=\"%s\">\n<head>\n<meta charset="
                   "\"utf-8\">\n<title>%s</title>\n<style>\n"
                   "body{font-family:\"Noto Sans CJK SC\",\"Noto Sans CJK TC\","
                   "sans-serif;margin:2em;color:#222}\n"
                   "table{border-collapse:collapse}td,th{border:1px solid #ccc;"
                   "padding:4px 8px;text-align:left}\n"
                   ".num{text-align:right}.status{font-weight:bold}\n"
                   ".source{font-size:80%%;color:#555}img{max-width:100%%;"
                   "height:auto}\nimg.multiples{display:block}\n</style>\n"
                   "</head>\n<body>\n<h1>%s</h1>\n<p>%s %s · <a href=\""
                   "methodology.html\">%s</a></p>\n",
                bt_lang_code(l), bt_word(BT_W_REPORT_TITLE, l),
                bt_word(BT_W_REPORT_TITLE, l), bt_word(BT_W_AS_OF, l), as_of,
                bt_word(BT_W_METHODOLOGY, l));
    bt_buf_puts(b, "<table id=\"status\">\n<tr>");
    for (size_t k = 0; k < NCOLUMNS; k++)
        bt_buf_addf(b, "<th>%s</th>", bt_word(columns[k], l));
    bt_buf_puts(b, "</tr>\n");
    for (size_t i = 0; i < n; i++)
        html_row(b, &a[i], l);
    bt_buf_addf(b, "</table>\n<p class=\"source\">%s</p>\n<h2>%s</h2>\n"
                   "<img src=\"dashboard.png\" alt=\"%s\">\n<h2>%s</h2>\n",
                bt_word(BT_W_ILLUSTRATIVE_NOTE, l), bt_word(BT_W_DASHBOARD, l),
                bt_word(BT_W_DASHBOARD, l), bt_word(BT_W_SOURCES, l));
    for (size_t i = 0; i < n; i++)
        html_figure(b, &a[i], l);
    bt_buf_puts(b, "</body>\n</html>\n");
}

static void markdown(struct bt_buf *b, struct bt_assessment *a, size_t n,
                     const struct bt_report_opts *o, const char *as_of)
{
    enum bt_lang l = o->lang;
    bt_buf_addf(b, "# %s\n\n%s %s · [%s](methodology.html)\n\n|",
                bt_word(BT_W_REPORT_TITLE, l), bt_word(BT_W_AS_OF, l), as_of,
                bt_word(BT_W_METHODOLOGY, l));
    for (size_t k = 0; k < NCOLUMNS; k++)
        bt_buf_addf(b, " %s |", bt_word(columns[k], l));
    bt_buf_puts(b, "\n|---|---|---|---|--:|--:|---|---|\n");
    for (size_t i = 0; i < n; i++) {
        struct cells c;
        cells(&a[i], &c);
        bt_buf_puts(b, "| ");
        md_text(b, a[i].ind->name[l]);
        bt_buf_puts(b, " | ");
        md_text(b, a[i].ind->unit);
        bt_buf_addf(b, " | %s | %s | %s | %s | %s | %s |\n", c.latest, c.target,
                    c.progress, c.elapsed,
                    bt_status_label(a[i].progress.status, l), c.projected);
    }
    bt_buf_addf(b, "\n%s\n\n![%s](dashboard.png)\n\n", bt_word(BT_W_ILLUSTRATIVE_NOTE, l),
                bt_word(BT_W_DASHBOARD, l));
    for (size_t i = 0; i < n; i++) {
        bt_buf_puts(b, "## ");
        md_text(b, a[i].ind->name[l]);
        bt_buf_addf(b, "\n\n![](charts/%s.png)\n\n%s: ", a[i].ind->id,
                    bt_word(BT_W_SOURCE, l));
        md_text(b, a[i].ind->source);
        bt_buf_puts(b, "\n\n");
    }
}

/* Writes DIR/name from buffer b, atomically. */
static int put(const struct bt_report_opts *o, const char *name,
               const struct bt_buf *b, struct bt_error *e)
{
    struct bt_buf path = {0};
    bt_buf_addf(&path, "%s/%s", o->dir, name);
    int rc = bt_file_write_atomic(path.data, b->data, b->len, e);
    bt_buf_release(&path);
    return rc;
}

static int pages(struct bt_assessment *a, size_t n,
                 const struct bt_report_opts *o, struct bt_error *e)
{
    char as_of[11];
    bt_day last = 0;
    for (size_t i = 0; i < n; i++)
        if (a[i].progress.has_latest && a[i].progress.latest_date > last)
            last = a[i].progress.latest_date;
    bt_date_format(o->as_of < last ? o->as_of : last, as_of);
    struct bt_buf b = {0};
    html_page(&b, a, n, o, as_of);
    int rc = put(o, "index.html", &b, e);
    b.len = 0;
    markdown(&b, a, n, o, as_of);
    if (rc == 0)
        rc = put(o, "report.md", &b, e);
    b.len = 0;
    bt_buf_addf(&b, "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
                    "<title>methodology</title></head><body><pre style=\""
                    "white-space:pre-wrap;font-family:sans-serif;max-width:60em\">");
    html_text(&b, bt_methodology_md);
    bt_buf_puts(&b, "</pre><p><a href=\"index.html\">←</a></p></body></html>\n");
    if (rc == 0)
        rc = put(o, "methodology.html", &b, e);
    bt_buf_release(&b);
    return rc;
}

int bt_report_write(struct bt_db *db, const struct bt_catalogue *cat,
                    const struct bt_report_opts *o, struct bt_report_stats *st,
                    struct bt_error *e)
{
    struct bt_assessment *a;
    memset(st, 0, sizeof *st);
    if (bt_query_assess(db, cat, o->as_of, &a, e) != 0)
        return -1;
    struct bt_buf dir = {0}, script = {0};
    bt_buf_addf(&dir, "%s/charts", o->dir);
    int rc = bt_mkdir_p(dir.data, e);
    if (rc == 0)
        rc = charts_script(db, a, cat->n, o, &script, &st->charts, e);
    if (rc == 0) {
        dashboard_script(a, cat->n, o, &script);
        st->charts++;
        rc = bt_gnuplot_run(o->gnuplot, &script, e);
    }
    if (rc == 0)
        rc = pages(a, cat->n, o, e);
    st->indicators = cat->n;
    bt_buf_release(&dir);
    bt_buf_release(&script);
    bt_assessments_free(a, cat->n);
    return rc;
}
