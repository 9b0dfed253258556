/* report.c - the progress report: reads and assesses every indicator,
 * draws the charts (one gnuplot process), writes the downloads and the
 * pages of the site in three languages, and report.md (see report.h). */
#include "report.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "assess/assessed.h"
#include "chart_gnuplot.h"
#include "chart_svg.h"
#include "i18n.h"
#include "site.h"
#include "base/tmparea.h"

/* One chart file: gnuplot draws it in the temporary area, and it is
 * renamed into place once drawn. */
struct chart_file {
    char *tmp;          /* owned: a path of the area */
    char *final;        /* owned: its path in the site */
    struct bt_buf cmds; /* the gnuplot commands that draw it */
    size_t ind;         /* its indicator's index; SIZE_MAX: the dashboard */
    enum bt_lang lang;
    int multiples;      /* 1: the small multiples (ID.by.LANG.svg), 2: the
                           comparison (ID.cmp.LANG.svg); of the dashboard,
                           1 is its narrow one */
    int state;          /* 0: to draw, 1: drawn, -1: not drawn */
    char *why;          /* not drawn: gnuplot's message (owned) */
    struct bt_buf series, title, desc; /* an SVG's own words (chart_svg.h) */
};

/* A report being written: every file goes through the output directory's
 * temporary area (tmparea.h), so a kill at any moment leaves each file of
 * the site whole, old or new, and nothing outside it. */
struct run {
    struct site s;
    struct bt_tmparea area;
    const char *gnuplot;
    struct chart_file *charts; /* owned */
    size_t ncharts, charts_cap;
};

/* Adds the chart file final; returns it, its commands to be written. */
static struct chart_file *add_chart(struct run *r, const char *final,
                                    size_t ind, enum bt_lang l, int multiples)
{
    struct bt_buf tmp = {0};
    const char *dot = strrchr(final, '.');
    bt_tmparea_path(&r->area, dot ? dot : "", &tmp);
    bt_grow((void **)&r->charts, &r->charts_cap, r->ncharts + 1,
            sizeof *r->charts);
    struct chart_file *c = &r->charts[r->ncharts++];
    *c = (struct chart_file){tmp.data, bt_xstrdup(final), {0}, ind, l,
                             multiples, 0, NULL, {0}, {0}, {0}};
    return c;
}

/* The title and description of an indicator's SVG chart: its name and
 * status, and what its text alternative says. */
static void chart_words(const struct run *r, struct chart_file *f,
                        const struct site_indicator *x, enum bt_lang l)
{
    const struct bt_assessment *a = x->a;
    bt_buf_addf(&f->title, "%s: %s %s", a->ind->name[l],
                bt_status_symbol(a->progress.status),
                bt_status_label(a->progress.status, l));
    if (f->multiples == 2)
        site_compare_alt(&f->desc, &r->s, x, l);
    else if (f->multiples)
        site_multiples_alt(&f->desc, &r->s, x, l);
    else
        site_chart_alt(&f->desc, x, l);
}

/* A breakdown's value as the site shows it in l. */
static const char *value_in(const struct run *r, const struct site_indicator *x,
                            const char *value, enum bt_lang l)
{
    return bt_dim_word(r->s.cat, x->by, value, l);
}

/* The small multiples of indicator i's breakdowns (largest first, each
 * with its own targets and its status symbol, on one y scale when the
 * catalogue says so) and their comparison (site_compare_picked) on one
 * axis, wide and narrow. */
static void breakdown_charts(struct run *r, size_t i, enum bt_lang l)
{
    const struct site_indicator *x = &r->s.v[i];
    const struct bt_indicator *ind = x->a->ind;
    struct bt_panel *panels = bt_xcalloc(x->nrows, sizeof *panels);
    struct bt_buf *titles = bt_xcalloc(x->nrows, sizeof *titles);
    struct bt_compare_line *lines = bt_xcalloc(x->nrows, sizeof *lines);
    size_t nl = 0;
    for (size_t k = 0; k < x->nrows; k++) {
        const struct bt_breakdown_row *w = &x->rows[k];
        bt_buf_addf(&titles[k], "%s %s", bt_status_symbol(w->a.progress.status),
                    value_in(r, x, w->value, l));
        panels[k] = (struct bt_panel){titles[k].data, w->a.obs.v, w->a.obs.n,
                                      &w->view, NULL, NULL,
                                      ind->freq == BT_FREQ_DAILY, ind->shared_scale};
    }
    /* the catalogue's picks in its order, else the largest */
    for (size_t c = 0; c < ind->ncompare; c++)
        for (size_t k = 0; k < x->nrows; k++)
            if (strcmp(x->rows[k].value, ind->compare[c]) == 0)
                lines[nl++] = (struct bt_compare_line){
                    value_in(r, x, x->rows[k].value, l), x->rows[k].a.obs.v,
                    x->rows[k].a.obs.n};
    for (size_t k = 0; !ind->ncompare && k < x->nrows && k < BT_COMPARE_TOP; k++)
        lines[nl++] = (struct bt_compare_line){value_in(r, x, x->rows[k].value, l),
                                               x->rows[k].a.obs.v, x->rows[k].a.obs.n};
    struct bt_buf path = {0}, sub = {0}, by = {0};
    const char *dim = bt_dim_word(r->s.cat, x->by, NULL, l);
    bt_buf_addf(&sub, "%s (%s %s)", ind->name[l], bt_word(BT_W_BY, l), dim);
    bt_buf_addf(&by, "%s %s", bt_word(BT_W_BY, l), dim);
    for (int narrow = 0; narrow < 2; narrow++) {
        path.len = 0;
        bt_buf_addf(&path, "%s/", r->s.o->dir);
        site_chart_file(&path, ind->id, narrow ? "by.narrow." : "by.", l);
        struct chart_file *f = add_chart(r, path.data, i, l, 1);
        size_t cols = narrow ? 1 : BT_GRID_COLS;
        bt_panels_script(&f->cmds, panels, x->nrows, cols, sub.data, l, f->tmp,
                         BT_CHART_SVG, narrow ? BT_GRID_NARROW_W : BT_GRID_W,
                         bt_grid_height(x->nrows, cols), &f->series);
        chart_words(r, f, x, l);
        path.len = 0;
        bt_buf_addf(&path, "%s/", r->s.o->dir);
        site_chart_file(&path, ind->id, narrow ? "cmp.narrow." : "cmp.", l);
        f = add_chart(r, path.data, i, l, 2);
        struct bt_compare cmp = {ind, lines, nl, by.data, l, 0, 0, &f->series};
        bt_compare_script(&f->cmds, &cmp, f->tmp, BT_CHART_SVG,
                          narrow ? BT_CHART_NARROW_W : BT_CHART_W,
                          narrow ? BT_CHART_NARROW_H : BT_CHART_H);
        chart_words(r, f, x, l);
    }
    for (size_t k = 0; k < x->nrows; k++)
        bt_buf_release(&titles[k]);
    free(titles);
    free(panels);
    free(lines);
    bt_buf_release(&path);
    bt_buf_release(&sub);
    bt_buf_release(&by);
}

/* Appends the commands of one indicator's charts in language l. */
static void indicator_charts(struct run *r, size_t i, enum bt_lang l)
{
    const struct site_indicator *x = &r->s.v[i];
    const struct bt_assessment *a = x->a;
    const struct bt_indicator *ind = a->ind;
    struct bt_buf path = {0}, sub = {0};
    if (a->nseries > 1)
        bt_buf_addf(&sub, bt_word(BT_W_TOTAL_OF, l), a->nseries);
    for (int narrow = 0; narrow < 2; narrow++) {
        path.len = 0;
        bt_buf_addf(&path, "%s/", r->s.o->dir);
        site_chart_file(&path, ind->id, narrow ? "narrow." : "", l);
        struct chart_file *f = add_chart(r, path.data, i, l, 0);
        struct bt_chart c = {ind, a->obs.v, a->obs.n, &a->progress,
                             sub.len ? sub.data : NULL, l, 0, 0, &f->series};
        bt_chart_script(&f->cmds, &c, f->tmp, BT_CHART_SVG,
                        narrow ? BT_CHART_NARROW_W : BT_CHART_W,
                        narrow ? BT_CHART_NARROW_H : BT_CHART_H);
        chart_words(r, f, x, l);
    }
    if (x->nrows >= 2)
        breakdown_charts(r, i, l);
    bt_buf_release(&path);
    bt_buf_release(&sub);
}

/* Whether a chart of indicator i was not drawn. */
static int indicator_failed(const struct run *r, size_t i)
{
    for (size_t k = 0; k < r->ncharts; k++)
        if (r->charts[k].ind == i && r->charts[k].state < 0)
            return 1;
    return 0;
}

/* Writes the dashboard in l into f, an SVG (drawn ten times faster than
 * a PNG of its size, whose encoding was most of the site's drawing):
 * every indicator small, on its status colour, its title led by the
 * status symbol; an indicator whose chart was not drawn is shown without
 * its data (which gnuplot failed on). */
static void dashboard(struct run *r, struct chart_file *f, enum bt_lang l,
                      int narrow)
{
    const struct site *s = &r->s;
    struct bt_panel *panels = bt_xcalloc(s->n ? s->n : 1, sizeof *panels);
    struct bt_buf *titles = bt_xcalloc(s->n ? s->n : 1, sizeof *titles);
    for (size_t i = 0; i < s->n; i++) {
        const struct bt_assessment *a = s->v[i].a;
        enum bt_status st = a->progress.status;
        bt_buf_addf(&titles[i], "%s %s [%s]", bt_status_symbol(st),
                    a->ind->name[l], bt_status_label(st, l));
        char stale[128];
        bt_stale_label(&a->currency, l, stale, sizeof stale);
        if (stale[0]) /* the dashboard says it too */
            bt_buf_addf(&titles[i], " [%s]", stale);
        panels[i] = (struct bt_panel){titles[i].data, a->obs.v, a->obs.n,
                                      a->ind, bt_status_color(st), NULL,
                                      a->ind->freq == BT_FREQ_DAILY, 0};
        if (indicator_failed(r, i))
            panels[i] = (struct bt_panel){titles[i].data, NULL, 0, NULL,
                                          bt_status_color(st),
                                          bt_word(BT_W_NOT_DRAWN, l), 0, 0};
    }
    f->cmds.len = f->series.len = f->title.len = f->desc.len = 0;
    size_t cols = narrow ? 1 : BT_GRID_COLS;
    const char *title = site_title(s, BT_SITE_TITLE, l);
    bt_panels_script(&f->cmds, panels, s->n, cols, title, l, f->tmp,
                     BT_CHART_SVG, narrow ? BT_GRID_NARROW_W : BT_GRID_W,
                     bt_grid_height(s->n, cols), &f->series);
    bt_buf_puts(&f->title, title);
    bt_buf_puts(&f->desc, bt_word(BT_W_DASHBOARD_ALT, l));
    for (size_t i = 0; i < s->n; i++)
        bt_buf_release(&titles[i]);
    free(titles);
    free(panels);
}

/* The chart whose commands gnuplot began last: its marker, printed to
 * stderr before them, is "bt-chart K"; SIZE_MAX when none was printed. */
static size_t last_begun(const struct bt_buf *err)
{
    size_t k = SIZE_MAX;
    for (const char *p = err->data; p && *p;) {
        unsigned long v;
        char end;
        if (sscanf(p, "bt-chart %lu%c", &v, &end) == 2 && end == '\n')
            k = v;
        p = strchr(p, '\n');
        p = p ? p + 1 : NULL;
    }
    return k;
}

/* Draws every chart still to draw, in one gnuplot. gnuplot stops at its
 * first error: the charts before the one it failed on are drawn, that one
 * is marked not drawn (its message kept), and the others go to the next
 * gnuplot, until none is left. Returns 0, or -1 when gnuplot failed before
 * beginning any chart (not installed, for one). */
static int draw(struct run *r, struct bt_error *e)
{
    for (;;) {
        struct bt_buf script = {0}, err = {0};
        for (size_t k = 0; k < r->ncharts; k++)
            if (r->charts[k].state == 0) {
                bt_buf_addf(&script, "print 'bt-chart %zu'\n", k);
                bt_buf_add(&script, r->charts[k].cmds.data, r->charts[k].cmds.len);
            }
        if (!script.len)
            return 0;
        int rc = bt_gnuplot_run(r->gnuplot, &script, r->area.dir, &err, e);
        size_t failed = rc == 0 ? SIZE_MAX : last_begun(&err);
        bt_buf_release(&script);
        bt_buf_release(&err);
        if (rc != 0 && (failed >= r->ncharts || r->charts[failed].state != 0))
            return -1;
        for (size_t k = 0; k < r->ncharts; k++) {
            struct chart_file *c = &r->charts[k];
            if (c->state == 0 && k < failed)
                c->state = 1;
            else if (c->state == 0 && k == failed) {
                c->state = -1;
                c->why = bt_xstrdup(e->msg);
                unlink(c->tmp);
            }
        }
    }
}

/* Builds and draws every chart; when an indicator's chart was not drawn,
 * the dashboards that were not either are drawn again without it. */
static int draw_charts(struct run *r, struct bt_error *e)
{
    size_t n = r->s.n;
    for (size_t li = 0; li < r->s.cat->nlangs; li++) { /* the site's */
        enum bt_lang k = r->s.cat->langs[li];
        for (size_t i = 0; i < n; i++)
            indicator_charts(r, i, k);
        for (int narrow = 0; narrow < 2; narrow++) {
            struct bt_buf path = {0};
            bt_buf_addf(&path, "%s/", r->s.o->dir);
            site_file(&path, &r->s, narrow ? "dashboard.narrow" : "dashboard",
                      k, ".svg");
            dashboard(r, add_chart(r, path.data, SIZE_MAX, k, narrow), k, narrow);
            bt_buf_release(&path);
        }
    }
    if (draw(r, e) != 0)
        return -1;
    int again = 0;
    for (size_t k = 0; k < r->ncharts; k++) {
        struct chart_file *c = &r->charts[k];
        if (c->ind == SIZE_MAX && c->state < 0) {
            dashboard(r, c, c->lang, c->multiples);
            free(c->why);
            c->why = NULL;
            c->state = 0;
            again = 1;
        }
    }
    return again ? draw(r, e) : 0;
}

/* Renames every chart drawn into place and removes from the site the old
 * file of each one not drawn (its page says why instead); counts them and
 * lists them in st. */
static int place_charts(struct run *r, struct bt_report_stats *st,
                        struct bt_error *e)
{
    int rc = 0;
    struct site_indicator *v = (struct site_indicator *)r->s.v;
    for (size_t k = 0; k < r->ncharts && rc == 0; k++) {
        struct chart_file *c = &r->charts[k];
        if (c->state > 0) {
            if (c->title.len) {
                struct bt_svg_text t = {c->title.data, c->desc.data,
                                        c->series.data, c->series.len};
                rc = bt_svg_clean_file(c->tmp, &t, e);
            }
            if (rc == 0)
                rc = bt_tmparea_commit(&r->area, c->tmp, c->final, e);
            st->charts++;
            continue;
        }
        unlink(c->final);
        st->failed++;
        if (c->ind == SIZE_MAX) {
            r->s.why_dashboard[c->lang] = c->why;
            bt_buf_addf(&st->failures, "dashboard (%s) not drawn: %s\n",
                        c->final, c->why);
            continue;
        }
        const char **why = c->multiples == 2 ? v[c->ind].why_compare
                           : c->multiples ? v[c->ind].why_multiples
                                          : v[c->ind].why_chart;
        why[c->lang] = c->why;
        bt_buf_addf(&st->failures, "chart of '%s' (%s) not drawn: %s\n",
                    r->s.v[c->ind].a->ind->id, c->final, c->why);
    }
    return rc;
}

/* Removes the PNG dashboards an earlier release drew (the site's are SVG
 * now), so that none is left showing old figures. */
static void remove_old_dashboards(const struct run *r)
{
    struct bt_buf path = {0};
    for (int k = 0; k < 3; k++)
        for (int narrow = 0; narrow < 2; narrow++) {
            path.len = 0;
            bt_buf_addf(&path, "%s/", r->s.o->dir);
            site_file(&path, &r->s, narrow ? "dashboard.narrow" : "dashboard",
                      (enum bt_lang)k, ".png");
            unlink(path.data); /* a link itself, never what it names */
        }
    bt_buf_release(&path);
}

/* Releases the chart list, removing the files not placed. */
static void release_charts(struct run *r)
{
    for (size_t k = 0; k < r->ncharts; k++) {
        struct chart_file *c = &r->charts[k];
        unlink(c->tmp); /* placed: gone already */
        free(c->tmp);
        free(c->final);
        free(c->why);
        bt_buf_release(&c->cmds);
        bt_buf_release(&c->series);
        bt_buf_release(&c->title);
        bt_buf_release(&c->desc);
    }
    free(r->charts);
    r->charts = NULL;
    r->ncharts = r->charts_cap = 0;
}

/* Writes DIR/name from b through the temporary area (tmparea.h: the
 * report is made again from the database, so it is not synced). */
static int put(struct run *r, const char *name, const struct bt_buf *b,
               struct bt_error *e)
{
    struct bt_buf path = {0};
    bt_buf_addf(&path, "%s/%s", r->s.o->dir, name);
    int rc = bt_tmparea_replace(&r->area, path.data, b->data, b->len, e);
    bt_buf_release(&path);
    return rc;
}

/* The CSV download of one indicator: all its series in one file, each
 * row with its series' dimensions (a file a series would add holds
 * nothing the whole does not). */
static int downloads(struct run *r, const struct site_indicator *x,
                     struct bt_error *e)
{
    const struct bt_indicator *ind = x->a->ind;
    if (x->nseries == 0)
        return 0; /* nothing stored: no download */
    struct bt_buf b = {0}, name = {0};
    bt_export_csv(&b, ind, x->series, x->nseries, 1);
    bt_buf_addf(&name, "data/%s.csv", ind->id);
    int rc = put(r, name.data, &b, e);
    bt_buf_release(&b);
    bt_buf_release(&name);
    return rc;
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

/* report.md: the status table and the charts, in the report's language. */
static void markdown(struct bt_buf *b, const struct site *s)
{
    enum bt_lang l = s->o->lang;
    bt_buf_addf(b, "# %s\n\n%s %s · [%s](methodology.html)\n\n|",
                site_title(s, BT_SITE_TITLE, l), bt_word(BT_W_AS_OF, l), s->as_of,
                bt_word(BT_W_METHODOLOGY, l));
    for (size_t k = 0; k < SITE_NCOLUMNS; k++)
        bt_buf_addf(b, " %s |", bt_word(site_columns[k], l));
    bt_buf_puts(b, "\n|---|---|---|---|--:|--:|---|---|\n");
    for (size_t i = 0; i < s->n; i++) {
        const struct bt_assessment *a = s->v[i].a;
        struct site_cells c;
        site_cells(a, l, &c);
        bt_buf_addf(b, "| [");
        md_text(b, a->ind->name[l]);
        bt_buf_addf(b, "](%s.html) | ", a->ind->id);
        md_text(b, a->ind->shown_unit[l]);
        bt_buf_addf(b, " | %s | %s | %s | %s | %s %s%s%s | %s |\n", c.latest,
                    c.target, c.progress, c.elapsed,
                    bt_status_symbol(a->progress.status),
                    bt_status_label(a->progress.status, l),
                    c.stale[l][0] ? " · " : "", c.stale[l], c.projected);
    }
    bt_buf_addf(b, "\n%s\n\n![%s](dashboard.svg)\n\n",
                bt_word(BT_W_ILLUSTRATIVE_NOTE, l), bt_word(BT_W_DASHBOARD_ALT, l));
    for (size_t i = 0; i < s->n; i++) {
        const struct bt_indicator *ind = s->v[i].a->ind;
        bt_buf_puts(b, "## ");
        md_text(b, ind->name[l]);
        bt_buf_addf(b, "\n\n![](charts/%s.%s.svg)\n\n%s: ", ind->id,
                    bt_lang_code(l), bt_word(BT_W_SOURCE, l));
        md_text(b, ind->source);
        bt_buf_puts(b, "\n\n");
    }
}

/* Every page in each of the site's languages, and report.md. */
static int pages(struct run *r, size_t *count, struct bt_error *e)
{
    const struct site *s = &r->s;
    struct bt_buf b = {0}, name = {0};
    int rc = 0;
    for (size_t li = 0; li < s->cat->nlangs && rc == 0; li++) {
        enum bt_lang l = s->cat->langs[li]; /* the site's (site.csv) */
        for (size_t i = 0; i <= s->n + 2 && rc == 0; i++) {
            b.len = name.len = 0;
            if (i == s->n + 2) {
                site_news(&b, s, l);
                site_page(&name, s, "news", l);
            } else if (i == s->n) {
                site_index(&b, s, l);
                site_page(&name, s, "index", l);
            } else if (i == s->n + 1) {
                site_methodology(&b, s, l);
                site_page(&name, s, "methodology", l);
            } else {
                site_indicator(&b, s, &s->v[i], l);
                bt_buf_puts(&name, s->v[i].a->ind->id);
                if (l != s->o->lang)
                    bt_buf_addf(&name, ".%s", bt_lang_code(l));
                bt_buf_puts(&name, ".html");
            }
            rc = put(r, name.data, &b, e);
            (*count)++;
        }
    }
    b.len = 0;
    markdown(&b, s);
    if (rc == 0)
        rc = put(r, "report.md", &b, e);
    bt_buf_release(&b);
    bt_buf_release(&name);
    return rc;
}

/* The dimension indicator a's breakdowns are shown by: the catalogue's,
 * else the first dimension of its first series. NULL when it has none. */
static const char *shown_by(const struct bt_assessment *a,
                            const struct bt_exported *series, size_t n)
{
    if (a->ind->by)
        return a->ind->by;
    for (size_t k = 0; k < n; k++)
        if (series[k].name.ndims)
            return series[k].name.dims[0].name;
    return NULL;
}

/* Reads each indicator's series and breakdowns (each assessed, as of
 * limit) into x[0..n). */
static int read_site(struct bt_db *db, const struct bt_assessment *a, size_t n,
                     bt_day limit, struct site_indicator *x, struct bt_error *e)
{
    for (size_t i = 0; i < n; i++) {
        x[i].a = &a[i];
        struct bt_exported *series;
        struct bt_breakdown_row *rows = NULL;
        if (bt_export_read(db, a[i].ind, NULL, 0, &series, &x[i].nseries, e) != 0)
            return -1;
        x[i].series = series;
        /* several stored series: breakdowns (a derived one is drawn from
         * another's total) */
        x[i].by = x[i].nseries > 1 && !a[i].ind->derive
                      ? shown_by(&a[i], series, x[i].nseries) : NULL;
        if (x[i].by && bt_breakdown_by(db, a[i].ind, x[i].by, NULL, 0, limit,
                                       &rows, &x[i].nrows, e) != 0)
            return -1;
        x[i].rows = rows;
    }
    return 0;
}

static void release_site(struct site_indicator *x, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        bt_exported_free((struct bt_exported *)x[i].series, x[i].nseries);
        bt_breakdown_rows_free((struct bt_breakdown_row *)x[i].rows, x[i].nrows);
    }
    free(x);
}

/* The day the report speaks of: the latest observation up to --as-of. */
static void as_of(const struct bt_assessment *a, size_t n, bt_day limit,
                  char out[11])
{
    bt_day last = 0;
    for (size_t i = 0; i < n; i++)
        for (size_t k = a[i].obs.n; k-- > 0;)
            if (a[i].obs.v[k].day <= limit) {
                last = a[i].obs.v[k].day > last ? a[i].obs.v[k].day : last;
                break;
            }
    bt_date_format(last, out);
}

int bt_report_write(struct bt_db *db, const struct bt_catalogue *cat,
                    const struct bt_report_opts *o, struct bt_report_stats *st,
                    struct bt_error *e)
{
    struct bt_assessment *a;
    memset(st, 0, sizeof *st);
    if (bt_query_assess(db, cat, o->as_of, &a, e) != 0)
        return -1;
    struct site_indicator *x = bt_xcalloc(cat->n ? cat->n : 1, sizeof *x);
    struct run r = {.s = {o, cat, x, cat->n, "", {NULL}}, .gnuplot = o->gnuplot};
    as_of(a, cat->n, o->as_of, r.s.as_of);
    struct bt_changes changes = {0};
    bt_day since = o->since ? o->since : o->as_of - 30;
    r.s.since_default = !o->since;
    bt_date_format(since, r.s.since);
    r.s.changes = &changes;
    struct bt_buf dir = {0};
    int rc = bt_tmparea_open(&r.area, o->dir, e);
    if (rc == 0)
        rc = read_site(db, a, cat->n, o->as_of, x, e);
    if (rc == 0)
        rc = bt_db_changes(db, since, &changes, e);
    bt_db_read_end(db); /* all read: writers need not wait for the drawing */
    for (const char *const *sub = (const char *const[]){"charts", "data", NULL};
         *sub && rc == 0; sub++) {
        dir.len = 0;
        bt_buf_addf(&dir, "%s/%s", o->dir, *sub);
        rc = bt_mkdir_p(dir.data, e);
    }
    if (rc == 0)
        rc = draw_charts(&r, e);
    if (rc == 0)
        rc = place_charts(&r, st, e);
    if (rc == 0)
        remove_old_dashboards(&r);
    for (size_t i = 0; i < cat->n && rc == 0; i++)
        rc = downloads(&r, &x[i], e);
    if (rc == 0)
        rc = pages(&r, &st->pages, e);
    st->indicators = cat->n;
    release_charts(&r);
    bt_tmparea_close(&r.area);
    bt_buf_release(&dir);
    release_site(x, cat->n);
    bt_changes_release(&changes);
    bt_assessments_free(a, cat->n);
    return rc;
}

void bt_report_stats_release(struct bt_report_stats *st)
{
    bt_buf_release(&st->failures);
}
