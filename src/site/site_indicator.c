/* site_indicator.c - one indicator's page: chart, status with its
 * arithmetic, targets, metadata, breakdowns, downloads and data (see
 * site.h). */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "assess/assessed.h"
#include "chart_gnuplot.h"
#include "i18n.h"
#include "numfmt.h"
#include "site.h"

/* The words of enum bt_target_kind. */
static const enum bt_word kind_words[] = {BT_W_BASELINE, BT_W_MILESTONE,
                                          BT_W_TARGET};

/* Appends "<tr><th scope=row>WORD</th><td>" (the caller closes it). */
static void row(struct bt_buf *b, enum bt_word w, enum bt_lang l)
{
    bt_buf_addf(b, "<tr><th scope=\"row\">%s</th><td>", bt_word(w, l));
}

/* Appends "PERIOD: VALUE" of an observation or target. */
static void dated(struct bt_buf *b, const struct bt_indicator *ind, bt_day d,
                  double v, enum bt_lang l)
{
    char date[11];
    bt_period_format(d, ind->freq, date);
    bt_buf_addf(b, "%s: ", date);
    site_shown(b, ind, l, v);
}

/* In place of a chart gnuplot could not draw: why, and its text
 * alternative. */
static void not_drawn(struct bt_buf *b, const char *why, const char *alt,
                      enum bt_lang l)
{
    struct bt_buf note = {0};
    bt_buf_addf(&note, bt_word(BT_W_CHART_FAILED, l), why);
    bt_buf_puts(b, "<p class=\"note\">");
    site_text(b, note.data);
    bt_buf_puts(b, "</p>\n<p class=\"note\">");
    site_text_in(b, alt, l);
    bt_buf_puts(b, "</p>\n");
    bt_buf_release(&note);
}

/* The latest rows a page shows of its data; the download has them all. */
#define DATA_ROWS 400

void site_chart_alt(struct bt_buf *b, const struct site_indicator *x,
                    enum bt_lang l)
{
    const struct bt_assessment *a = x->a;
    const struct bt_indicator *ind = a->ind;
    struct bt_buf alt = {0};
    if (a->obs.n) {
        char from[11], to[11], num[BT_NUMFMT_MAX];
        const struct bt_point *last = &a->obs.v[a->obs.n - 1];
        bt_period_format(a->obs.v[0].day, ind->freq, from);
        bt_period_format(last->day, ind->freq, to);
        bt_num_grouped(bt_num_rounded(bt_shown_value(ind, l, last->value)), num);
        bt_buf_addf(&alt, bt_word(BT_W_CHART_ALT, l), ind->name[l], a->obs.n,
                    from, to, num, ind->shown_unit[l], to);
    } else {
        bt_buf_addf(&alt, bt_word(BT_W_CHART_EMPTY, l), ind->name[l]);
    }
    bt_buf_add(b, alt.data, alt.len);
    bt_buf_release(&alt);
}

void site_multiples_alt(struct bt_buf *b, const struct site *s,
                        const struct site_indicator *x, enum bt_lang l)
{
    bt_buf_addf(b, bt_word(BT_W_MULTIPLES_ALT, l), x->a->ind->name[l],
                x->by ? bt_dim_word(s->cat, x->by, NULL, l) : "", x->nrows);
}

int site_compare_picked(const struct site_indicator *x, size_t k)
{
    const struct bt_indicator *ind = x->a->ind;
    for (size_t c = 0; c < ind->ncompare; c++)
        if (strcmp(ind->compare[c], x->rows[k].value) == 0)
            return 1;
    return !ind->ncompare && k < BT_COMPARE_TOP;
}

void site_compare_alt(struct bt_buf *b, const struct site *s,
                      const struct site_indicator *x, enum bt_lang l)
{
    struct bt_buf picked = {0};
    size_t shown = 0;
    bt_buf_addf(&picked, "%s", "");
    for (size_t k = 0; k < x->nrows; k++)
        if (site_compare_picked(x, k))
            bt_buf_addf(&picked, "%s%s", shown++ ? (l == BT_LANG_EN ? ", " : "、") : "",
                        bt_dim_word(s->cat, x->by, x->rows[k].value, l));
    bt_buf_addf(b, bt_word(BT_W_COMPARE_ALT, l), x->a->ind->name[l],
                bt_dim_word(s->cat, x->by, NULL, l), picked.data);
    bt_buf_release(&picked);
}

/* Appends one of x's charts as a figure, wide and narrow: its chart
 * (multiples 0), small multiples (1) or comparison (2). */
static void chart_figure(struct bt_buf *b, const struct site_indicator *x,
                         int multiples, const char *desc, enum bt_lang l)
{
    const struct bt_indicator *ind = x->a->ind;
    struct bt_buf wide = {0}, narrow = {0}, alt = {0};
    static const char *const kinds[][2] = {{"", "narrow."},
                                           {"by.", "by.narrow."},
                                           {"cmp.", "cmp.narrow."}};
    site_chart_file(&wide, ind->id, kinds[multiples][0], l);
    site_chart_file(&narrow, ind->id, kinds[multiples][1], l);
    bt_buf_addf(&alt, "%s: %s %s", ind->name[l],
                bt_status_symbol(x->a->progress.status),
                bt_status_label(x->a->progress.status, l));
    struct site_figure f = {wide.data, narrow.data, BT_CHART_W, BT_CHART_H,
                            BT_CHART_NARROW_W, BT_CHART_NARROW_H, alt.data, desc,
                            multiples == 2 ? "compare-desc"
                            : multiples ? "breakdown-desc" : "chart-desc", l};
    if (multiples == 1) {
        f.ww = BT_GRID_W;
        f.wh = bt_grid_height(x->nrows, BT_GRID_COLS);
        f.nw = BT_GRID_NARROW_W;
        f.nh = bt_grid_height(x->nrows, 1);
    }
    site_figure(b, &f);
    bt_buf_release(&wide);
    bt_buf_release(&narrow);
    bt_buf_release(&alt);
}

/* The chart and its text alternative: what it shows and the latest value. */
static void chart(struct bt_buf *b, const struct site_indicator *x,
                  enum bt_lang l)
{
    struct bt_buf alt = {0};
    site_chart_alt(&alt, x, l);
    if (x->why_chart[l])
        not_drawn(b, x->why_chart[l], alt.data, l);
    else
        chart_figure(b, x, 0, alt.data, l);
    bt_buf_release(&alt);
}

/* A rate a year: "+7.2 %/yr" (growth) or "+1,234/yr" (linear, in the
 * unit ind's figures are shown in). */
static void rate(struct bt_buf *b, const struct bt_indicator *ind, double r,
                 int growth, enum bt_lang l)
{
    if (growth && fabs(r * 100) < 9999.995) /* six digits at most */
        bt_buf_addf(b, "%+.2f %%%s", r * 100, bt_word(BT_W_PER_YEAR, l));
    else if (growth) { /* the rule: whole, grouped (+100,968 %/yr) */
        char num[BT_NUMFMT_MAX];
        bt_num_grouped(bt_num_rounded(r * 100), num);
        bt_buf_addf(b, "%s%s %%%s", r > 0 ? "+" : "", num, bt_word(BT_W_PER_YEAR, l));
    } else {
        char num[BT_NUMFMT_MAX];
        r = bt_shown_value(ind, l, r);
        bt_num_short(r, l, num);
        bt_buf_addf(b, "%s%s%s", r > 0 ? "+" : "", num, bt_word(BT_W_PER_YEAR, l));
    }
}

/* The status and every input of its arithmetic. */
static const char *const currency_word[] = {"currency", "时效", "時效"};
static const char *const break_word[] = {"series break", "序列断点", "序列斷點"};
static const char *const set_aside_word[] = {
    "the catalogue's baseline, before the break, is set aside",
    "目录中的基线早于断点，不予采用", "目錄中的基線早於斷點，不予採用"};
static const char *const past_word[] = {
    "the projected date has passed: no figure shows the target met",
    "预计日期已过：无数据显示目标已达成", "預計日期已過：無數據顯示目標已達成"};

/* Appends "DATE: VALUE" of an assessed value: a consolidated one dated by
 * its day and rounded as people read it. */
static void consolidated(struct bt_buf *b, const struct bt_indicator *ind,
                         const struct bt_progress *p, bt_day d, double v,
                         enum bt_lang l)
{
    if (p->consolidation == BT_CONS_NONE || !p->baseline_observed) {
        dated(b, ind, d, v, l);
        return;
    }
    char date[11];
    bt_date_format(d, date);
    bt_buf_addf(b, "%s: ", date);
    site_shown(b, ind, l, v);
}

static void assessment(struct bt_buf *b, const struct site *s,
                       const struct site_indicator *x, enum bt_lang l)
{
    const struct bt_indicator *ind = x->a->ind;
    const struct bt_progress *p = &x->a->progress;
    bt_buf_addf(b, "<h2 id=\"assessment\">%s</h2>\n", bt_word(BT_W_ASSESSMENT, l));
    site_table_open(b, bt_word(BT_W_ASSESSMENT, l), "prose");
    row(b, BT_W_STATUS, l);
    site_status(b, s, p->status, l);
    bt_buf_puts(b, "</td></tr>\n");
    char note[512];
    bt_stale_label(&x->a->currency, l, note, sizeof note);
    if (note[0]) {
        bt_buf_addf(b, "<tr><th scope=\"row\">%s</th><td>", currency_word[l]);
        site_text(b, note);
        bt_buf_puts(b, "</td></tr>\n");
    }
    if (p->brk) {
        char date[11];
        bt_date_format(p->brk->date, date);
        bt_buf_addf(b, "<tr><th scope=\"row\">%s</th><td>%s%s", break_word[l],
                    date, l == BT_LANG_EN ? ": " : "：");
        site_text_in(b, p->brk->reason, l);
        bt_buf_puts(b, " (");
        site_text_in(b, p->brk->source, l);
        bt_buf_puts(b, ")</td></tr>\n");
    }
    if (p->has_baseline && !p->has_trend) { /* a trend has its own start */
        row(b, BT_W_BASELINE, l);
        consolidated(b, ind, p, p->baseline_date, p->baseline_value, l);
        bt_baseline_label(p, l, note, sizeof note);
        if (note[0]) {
            bt_buf_puts(b, " (");
            site_text(b, note);
            bt_buf_puts(b, ")");
        }
        if (p->baseline_set_aside) {
            bt_buf_puts(b, l == BT_LANG_EN ? "; " : "；");
            site_text(b, set_aside_word[l]);
        }
        bt_buf_puts(b, "</td></tr>\n");
    }
    if (p->has_last) {
        row(b, BT_W_LATEST, l);
        dated(b, ind, p->last_date, p->last_value, l);
        bt_buf_puts(b, "</td></tr>\n");
    }
    if (p->has_latest && p->consolidation != BT_CONS_NONE) {
        row(b, BT_W_ASSESSED, l);
        bt_assessed_label(p, p->latest_date, l, note, sizeof note);
        site_text(b, note);
        bt_buf_puts(b, ": ");
        site_shown(b, ind, l, p->latest_value);
        bt_buf_puts(b, "</td></tr>\n");
    }
    if (p->has_target) {
        row(b, BT_W_TARGET, l);
        dated(b, ind, p->target_date, p->target_value, l);
        bt_buf_addf(b, "%s (%s)</td></tr>\n", p->target->illustrative ? "*" : "",
                    bt_word(kind_words[p->target->kind], l));
    }
    if (!isnan(p->progress))
        bt_buf_addf(b, "<tr><th scope=\"row\">%s p</th><td>%.1f %%</td></tr>\n",
                    bt_word(BT_W_PROGRESS, l), p->progress * 100);
    if (!isnan(p->elapsed))
        bt_buf_addf(b, "<tr><th scope=\"row\">%s e</th><td>%.1f %%</td></tr>\n",
                    bt_word(BT_W_ELAPSED, l), p->elapsed * 100);
    int growth = p->method == BT_PACE_GROWTH || p->has_trend;
    if (p->method != BT_PACE_NONE && p->status != BT_ACHIEVED) {
        /* the pace decides every status but achieved */
        row(b, BT_W_METHOD, l);
        bt_buf_puts(b, bt_word(growth ? BT_W_GROWTH_METHOD : BT_W_LINEAR_METHOD, l));
        bt_buf_puts(b, "</td></tr>\n");
        row(b, BT_W_ACTUAL_PACE, l);
        rate(b, ind, p->rate_actual, growth, l);
        bt_buf_puts(b, "</td></tr>\n");
        row(b, BT_W_REQUIRED_PACE, l);
        rate(b, ind, p->rate_required, growth, l);
        bt_buf_puts(b, "</td></tr>\n");
        if (!isnan(p->pace))
            bt_buf_addf(b, "<tr><th scope=\"row\">%s r</th><td>%.3f</td></tr>\n",
                        bt_word(BT_W_PACE_RATIO, l), p->pace);
    }
    if (p->has_trend) {
        row(b, BT_W_TREND_FROM, l);
        dated(b, ind, p->trend_date, p->trend_value, l);
        bt_buf_puts(b, "</td></tr>\n");
        row(b, BT_W_GROWTH, l);
        rate(b, ind, p->rate_actual, 1, l);
        bt_buf_puts(b, "</td></tr>\n");
    }
    if (p->has_projection) {
        char date[11];
        bt_date_format(p->projected_date, date);
        row(b, BT_W_PROJECTED, l);
        bt_buf_addf(b, "%s</td></tr>\n", date);
    } else if (p->projection_past) {
        row(b, BT_W_PROJECTED, l);
        bt_buf_addf(b, "%s</td></tr>\n", past_word[l]);
    }
    row(b, BT_W_THRESHOLDS, l);
    bt_buf_puts(b, bt_word(p->has_target ? BT_W_TARGET_RULE : BT_W_NO_TARGET_RULE, l));
    bt_buf_puts(b, " · <a href=\"");
    site_page(b, s, "methodology", l);
    bt_buf_addf(b, "#status\">%s</a></td></tr>\n", bt_word(BT_W_METHODOLOGY, l));
    site_table_close(b);
}

static void targets(struct bt_buf *b, const struct bt_indicator *ind,
                    enum bt_lang l)
{
    if (!ind->ntargets)
        return;
    bt_buf_addf(b, "<h2 id=\"targets\">%s</h2>\n", bt_word(BT_W_TARGETS, l));
    site_table_open(b, bt_word(BT_W_TARGETS, l), NULL);
    struct bt_buf value = {0};
    bt_buf_addf(&value, "%s (%s)", bt_word(BT_W_VALUE, l), ind->shown_unit[l]);
    const struct site_col cols[] = {
        {bt_word(BT_W_KIND, l), 0}, {bt_word(BT_W_DATE, l), 0},
        {value.data, 1}, {bt_word(BT_W_SOURCE, l), 0}};
    site_table_head(b, cols, sizeof cols / sizeof *cols, l);
    bt_buf_release(&value);
    for (size_t k = 0; k < ind->ntargets; k++) {
        const struct bt_target *t = &ind->targets[k];
        char date[11];
        bt_period_format(t->date, ind->freq, date);
        bt_buf_addf(b, "<tr><td>%s</td><td>%s</td><td class=\"num\">",
                    bt_word(kind_words[t->kind], l), date);
        site_shown(b, ind, l, t->value);
        bt_buf_addf(b, "%s</td><td>", t->illustrative ? "*" : "");
        site_text_in(b, t->source, l);
        bt_buf_puts(b, "</td></tr>\n");
    }
    site_table_close(b);
    bt_buf_addf(b, "<p class=\"note\">%s</p>\n", bt_word(BT_W_ILLUSTRATIVE_NOTE, l));
}

/* The indicator's metadata: its name in each of the site's languages,
 * unit (and the one it is shown in), direction, frequency, domain. */
static void metadata(struct bt_buf *b, const struct site *s,
                     const struct bt_indicator *ind, enum bt_lang l)
{
    static const enum bt_word freqs[] = {BT_W_YEARLY, BT_W_QUARTERLY,
                                         BT_W_MONTHLY, BT_W_DAILY_FREQ};
    bt_buf_addf(b, "<h2 id=\"metadata\">%s</h2>\n", bt_word(BT_W_METADATA, l));
    site_table_open(b, bt_word(BT_W_METADATA, l), "prose");
    row(b, BT_W_IDENTIFIER, l);
    bt_buf_puts(b, "<code>");
    site_text(b, ind->id);
    bt_buf_puts(b, "</code>");
    for (size_t li = 0; li < s->cat->nlangs; li++) {
        enum bt_lang k = s->cat->langs[li];
        bt_buf_addf(b, "</td></tr>\n<tr><th scope=\"row\">%s (%s)</th><td lang=\"%s\">",
                    bt_word(BT_W_NAME, l), bt_lang_code(k), bt_lang_code(k));
        site_text_in(b, ind->name[k], k);
    }
    bt_buf_puts(b, "</td></tr>\n");
    row(b, BT_W_UNIT, l);
    site_text_in(b, ind->unit_in[l], l);
    if (ind->display_unit[l]) { /* display.csv: how the page shows it */
        char div[BT_NUMFMT_MAX];
        struct bt_buf shown = {0};
        bt_num_grouped(ind->shown_divisor[l], div);
        bt_buf_addf(&shown, bt_word(BT_W_SHOWN_IN, l), ind->display_unit[l], div);
        bt_buf_puts(b, l == BT_LANG_EN ? "; " : "；");
        site_text_in(b, shown.data, l);
        bt_buf_release(&shown);
    }
    bt_buf_puts(b, "</td></tr>\n");
    row(b, BT_W_DIRECTION, l);
    bt_buf_addf(b, "%s</td></tr>\n", bt_word(ind->direction == BT_DIR_UP
                                                 ? BT_W_HIGHER_BETTER
                                                 : BT_W_LOWER_BETTER, l));
    row(b, BT_W_FREQUENCY, l);
    bt_buf_addf(b, "%s</td></tr>\n", bt_word(freqs[ind->freq], l));
    row(b, BT_W_DOMAIN, l);
    site_text_in(b, ind->domain_in[l], l);
    bt_buf_puts(b, "</td></tr>\n");
    if (ind->derive) {
        row(b, BT_W_DERIVED_FROM, l);
        bt_buf_puts(b, "<code>");
        site_text(b, ind->derive->from);
        bt_buf_puts(b, "</code>");
        bt_buf_puts(b, "</td></tr>\n");
    }
    row(b, BT_W_SOURCE, l);
    site_text_in(b, ind->source, l);
    bt_buf_puts(b, "</td></tr>\n");
    site_table_close(b);
}

/* One row of the breakdowns' table: value, status, latest, target,
 * progress, projected. */
static void breakdown_row(struct bt_buf *b, const struct site *s,
                          const struct site_indicator *x,
                          const struct bt_breakdown_row *w, enum bt_lang l)
{
    struct site_cells c;
    site_cells(&w->a, l, &c);
    bt_buf_puts(b, "<tr><th scope=\"row\">");
    site_text_in(b, bt_dim_word(s->cat, x->by, w->value, l), l);
    bt_buf_puts(b, "</th><td>");
    site_status(b, s, w->a.progress.status, l);
    bt_buf_puts(b, "</td><td class=\"num\">");
    site_text(b, c.latest);
    bt_buf_puts(b, "</td><td class=\"num\">");
    site_text(b, c.target);
    bt_buf_addf(b, "</td><td class=\"num\">%s</td><td>%s</td></tr>\n", c.progress,
                c.projected);
}

/* The breakdowns: every value of the dimension with its status (on its
 * own targets, else its trend), largest latest value first; those the
 * catalogue picks (or the largest) compared on one axis; and small
 * multiples in the same order, each with its own targets. */
static void breakdowns(struct bt_buf *b, const struct site *s,
                       const struct site_indicator *x, enum bt_lang l)
{
    if (x->nrows < 2)
        return;
    const char *dim = bt_dim_word(s->cat, x->by, NULL, l);
    struct bt_buf alt = {0};
    bt_buf_addf(b, "<h2 id=\"breakdown\">%s ", bt_word(BT_W_BREAKDOWN_STATUS, l));
    site_text_in(b, dim, l);
    bt_buf_puts(b, "</h2>\n");
    bt_buf_addf(&alt, "%s %s", bt_word(BT_W_BREAKDOWN_STATUS, l), dim);
    site_table_open(b, alt.data, "breakdowns");
    alt.len = 0;
    const struct site_col cols[] = {
        {dim, 0}, {bt_word(BT_W_STATUS, l), 0}, {bt_word(BT_W_LATEST, l), 1},
        {bt_word(BT_W_TARGET, l), 1}, {bt_word(BT_W_PROGRESS, l), 1},
        {bt_word(BT_W_PROJECTED, l), 0}};
    site_table_head(b, cols, sizeof cols / sizeof *cols, l);
    for (size_t k = 0; k < x->nrows; k++)
        breakdown_row(b, s, x, &x->rows[k], l);
    site_table_close(b);
    site_compare_alt(&alt, s, x, l);
    if (x->why_compare[l])
        not_drawn(b, x->why_compare[l], alt.data, l);
    else
        chart_figure(b, x, 2, alt.data, l);
    alt.len = 0;
    site_multiples_alt(&alt, s, x, l);
    if (x->why_multiples[l])
        not_drawn(b, x->why_multiples[l], alt.data, l);
    else
        chart_figure(b, x, 1, alt.data, l);
    bt_buf_release(&alt);
}

static void downloads(struct bt_buf *b, const struct site_indicator *x,
                      enum bt_lang l)
{
    const struct bt_indicator *ind = x->a->ind;
    if (x->nseries == 0)
        return;
    bt_buf_addf(b, "<h2 id=\"downloads\">%s</h2>\n<ul>\n<li><a href=\"data/",
                bt_word(BT_W_DOWNLOADS, l));
    site_href(b, ind->id);
    bt_buf_addf(b, ".csv\" download>%s (%zu %s)</a></li>\n</ul>\n",
                bt_word(BT_W_ALL_SERIES, l), x->nseries, bt_word(BT_W_SERIES, l));
}

/* The meaning of the flags load reads from published figures. */
static const char *flag_note(const char *flag, enum bt_lang l)
{
    if (strcmp(flag, ">") == 0)
        return bt_word(BT_W_FLAG_MORE, l);
    if (strcmp(flag, "<") == 0)
        return bt_word(BT_W_FLAG_LESS, l);
    if (strcmp(flag, "~") == 0)
        return bt_word(BT_W_FLAG_ABOUT, l);
    return "";
}

/* The latest DATA_ROWS observations, newest first, with unit, flag, note
 * and source (the observation's, else the indicator's), and a link to the
 * whole table when there are more. Flags and notes belong to one series:
 * a total of several shows none. */
static void data_table(struct bt_buf *b, const struct site_indicator *x,
                       enum bt_lang l)
{
    const struct bt_indicator *ind = x->a->ind;
    const struct bt_flags *flags = x->nseries == 1 ? &x->series[0].flags : NULL;
    bt_buf_addf(b, "<h2 id=\"data\">%s</h2>\n", bt_word(BT_W_DATA, l));
    size_t n = x->a->obs.n, shown = n < DATA_ROWS ? n : DATA_ROWS;
    if (shown < n && x->nseries) {
        bt_buf_puts(b, "<p>");
        bt_buf_addf(b, bt_word(BT_W_ROWS_SHOWN, l), shown, n);
        bt_buf_puts(b, "<a href=\"data/");
        site_href(b, ind->id);
        bt_buf_addf(b, ".csv\" download>%s</a></p>\n", bt_word(BT_W_WHOLE_TABLE, l));
    }
    site_table_open(b, bt_word(BT_W_DATA, l), "data");
    const struct site_col cols[] = {
        {bt_word(BT_W_DATE, l), 0}, {bt_word(BT_W_VALUE, l), 1},
        {bt_word(BT_W_UNIT, l), 0}, {bt_word(BT_W_FLAG, l), 0},
        {bt_word(BT_W_NOTE, l), 0}, {bt_word(BT_W_SOURCE, l), 0}};
    site_table_head(b, cols, sizeof cols / sizeof *cols, l);
    struct bt_buf unit = {0}, source = {0};
    site_text_in(&unit, ind->shown_unit[l], l);
    site_text_in(&source, ind->source, l);
    for (size_t k = n; k-- > n - shown;) {
        const struct bt_point *o = &x->a->obs.v[k];
        const struct bt_flag *a = flags ? bt_flags_at(flags, o->day) : NULL;
        char date[11];
        bt_period_format(o->day, ind->freq, date);
        bt_buf_addf(b, "<tr><td>%s</td><td class=\"num\">", date);
        site_shown(b, ind, l, o->value);
        bt_buf_addf(b, "</td><td>%s</td><td>", unit.data);
        if (a)
            site_text(b, a->text);
        bt_buf_puts(b, "</td><td>");
        if (a && *a->text)
            bt_buf_addf(b, "%s%s", flag_note(a->text, l), *a->note ? "; " : "");
        if (a)
            site_text_in(b, a->note, l);
        bt_buf_puts(b, "</td><td>");
        if (a && *a->source)
            site_text_in(b, a->source, l);
        else
            bt_buf_puts(b, source.data);
        bt_buf_puts(b, "</td></tr>\n");
    }
    site_table_close(b);
    bt_buf_release(&unit);
    bt_buf_release(&source);
}

void site_indicator(struct bt_buf *b, const struct site *s,
                    const struct site_indicator *x, enum bt_lang l)
{
    const struct bt_indicator *ind = x->a->ind;
    site_head(b, s, ind->id, l, ind->name[l]);
    bt_buf_puts(b, "<h1>");
    site_text_in(b, ind->name[l], l);
    bt_buf_puts(b, "</h1>\n<p>");
    site_status(b, s, x->a->progress.status, l);
    /* this indicator's own date: its last observation up to --as-of */
    char date[11] = "";
    if (x->a->progress.has_last)
        bt_period_format(x->a->progress.last_date, ind->freq, date);
    bt_buf_addf(b, " · %s %s", bt_word(BT_W_AS_OF, l), date[0] ? date : s->as_of);
    char stale[128];
    bt_stale_label(&x->a->currency, l, stale, sizeof stale);
    if (stale[0]) {
        bt_buf_puts(b, " · <strong>");
        site_text(b, stale);
        bt_buf_puts(b, "</strong>");
    }
    bt_buf_puts(b, "</p>\n");
    chart(b, x, l);
    assessment(b, s, x, l);
    targets(b, ind, l);
    breakdowns(b, s, x, l);
    downloads(b, x, l);
    metadata(b, s, ind, l);
    data_table(b, x, l);
    site_foot(b);
}
