/* site.h - the pages of the report's static site (report.h writes them).
 *
 * Every page exists in the three languages: NAME.html in the report's
 * language, NAME.LANG.html in the other two (index.zh-Hant.html), each
 * with <html lang> and hreflang links to the other two. All files sit in
 * one directory, so relative links are the same on every page:
 *   index*.html, methodology*.html, ID*.html (one page per indicator),
 *   charts/ID.LANG.svg, charts/ID.by.LANG.svg (small multiples), each
 *   with a narrow twin for a phone (charts/ID.narrow.LANG.svg,
 *   charts/ID.by.narrow.LANG.svg), charts/ID.cmp.LANG.svg and
 *   charts/ID.cmp.narrow.LANG.svg (breakdowns compared), dashboard*.svg,
 *   dashboard.narrow*.svg,
 *   data/ID.csv (the whole indicator: every series, with its dimensions).
 *
 * Every page fits a phone's width (390 CSS pixels): a table scrolls in a
 * container of its own, a chart is shown at the width it was drawn for
 * (<picture>: the narrow twin below the wide one's width), so its text
 * stays at BT_CHART_TEXT_MIN pixels or near it. A chart is an <img>
 * (no tab stop of its own) linked to its file, where its points have
 * tooltips; its alt text is its title, its long description the
 * figcaption it names with aria-describedby.
 * Every text from the catalogue or the database goes through site_text. */
#ifndef BT_SITE_H
#define BT_SITE_H

#include "assess/breakdown.h"
#include "assess/export.h"
#include "base/fileio.h"
#include "i18n.h"
#include "assess/query.h"
#include "report.h"

/* One indicator as its page shows it; all borrowed. */
struct site_indicator {
    const struct bt_assessment *a;
    const struct bt_exported *series; /* its stored (or derived) series */
    size_t nseries;
    const char *by;                   /* the dimension of its breakdowns
                                         (breakdowns.csv, else the first) */
    const struct bt_breakdown_row *rows; /* each value of by assessed on its
                                            own targets, largest first */
    size_t nrows;                     /* 0: no breakdowns shown */
    const char *why_chart[3];         /* by language: why its chart, its */
    const char *why_multiples[3];     /* small multiples, its comparison */
    const char *why_compare[3];       /* were not drawn; NULL when they were */
};

/* The whole site. */
struct site {
    const struct bt_report_opts *o;
    const struct bt_catalogue *cat;   /* dimension names and values, and
                                         its site.csv texts (site_title) */
    const struct site_indicator *v;
    size_t n;
    char as_of[11];
    const char *why_dashboard[3]; /* by language: why it was not drawn */
    const struct bt_changes *changes; /* logged since `since` (db.h) */
    char since[11];
    int since_default;            /* since is the 30 days before as_of */
};

/* The site's text k in l: the catalogue's site.csv row, else for the
 * title baytrack's own (BT_W_REPORT_TITLE), else NULL. */
const char *site_title(const struct site *s, enum bt_site_text k,
                       enum bt_lang l);

/* Appends s with &<>"' escaped: text and attribute values. */
void site_text(struct bt_buf *b, const char *s);
/* Appends a relative URL for file name s: bytes outside [A-Za-z0-9._~/-]
 * percent-encoded (a series file's "%2F" becomes "%252F"). */
void site_href(struct bt_buf *b, const char *s);
/* Appends the file name of base ("index", an indicator id, "dashboard")
 * in l: BASE.EXT in the report's language, BASE.LANG.EXT in the others
 * (URL-encoded, as site_href). site_page is the .html one. */
void site_file(struct bt_buf *b, const struct site *s, const char *base,
               enum bt_lang l, const char *ext);
void site_page(struct bt_buf *b, const struct site *s, const char *base,
               enum bt_lang l);
/* Appends the opening of a page: head, title, style, the language links
 * and the navigation. */
void site_head(struct bt_buf *b, const struct site *s, const char *base,
               enum bt_lang l, const char *title);
void site_foot(struct bt_buf *b);
/* Opens and closes a table's scrolling container: a region named label,
 * reachable by keyboard (it scrolls). */
void site_table_open(struct bt_buf *b, const char *label, const char *cls);
void site_table_close(struct bt_buf *b);
/* One column of a table's head row: its heading (our word or the
 * catalogue's, escaped and tagged by site_text_in) and whether it holds
 * numbers (class="num", aligned right). */
struct site_col {
    const char *head;
    int num;
};
/* Appends the head row of a table: a <th scope="col"> a column. */
void site_table_head(struct bt_buf *b, const struct site_col *cols, size_t n,
                     enum bt_lang l);
/* Appends a chart or the dashboard as a figure: link and <picture> of
 * wide (ww x wh pixels), narrow (nw x nh) on a screen narrower than
 * wide; alt its short text, caption its description (id cap_id). */
struct site_figure {
    const char *wide, *narrow; /* relative URLs, encoded */
    int ww, wh, nw, nh;
    const char *alt, *caption, *cap_id;
    enum bt_lang lang;         /* the page's */
};
void site_figure(struct bt_buf *b, const struct site_figure *f);
/* Appends the path of one of an indicator's charts: charts/ID.KINDLANG.svg
 * (kind "", "narrow.", "by.", "by.narrow.", "cmp." or "cmp.narrow."). */
void site_chart_file(struct bt_buf *b, const char *id, const char *kind,
                     enum bt_lang l);
/* Appends text, in a <span lang> when it is written in a script other
 * than that of l (Han characters on an English page, a Latin sentence on
 * a Chinese one). */
void site_text_in(struct bt_buf *b, const char *s, enum bt_lang l);
/* Appends a status as symbol and word on its colour, linked to the
 * methodology's statuses. */
void site_status(struct bt_buf *b, const struct site *s, enum bt_status st,
                 enum bt_lang l);
/* Appends v formatted for a table: rounded by the rule (bt_num_rounded),
 * with thousands separators. */
void site_num(struct bt_buf *b, double v);
/* Appends ind's stored figure v as shown in l: in its display unit
 * (display.csv, bt_shown_value), then as site_num. */
void site_shown(struct bt_buf *b, const struct bt_indicator *ind,
                enum bt_lang l, double v);

/* The columns of the status table (index.html, report.md). */
#define SITE_NCOLUMNS 8
extern const enum bt_word site_columns[SITE_NCOLUMNS];

/* The text of one assessment's cells in the status table. */
struct site_cells {
    char latest[80], target[80], progress[16], elapsed[16], projected[11];
    char stale[3][96]; /* by language: "stale: figure 5.1 years old", or "" */
};
/* The figures are in the unit shown in l (bt_indicator.shown_unit). */
void site_cells(const struct bt_assessment *a, enum bt_lang l,
                struct site_cells *c);


/* Appends the text alternative of x's chart and of its small multiples:
 * what they show, and the latest value. */
void site_chart_alt(struct bt_buf *b, const struct site_indicator *x,
                    enum bt_lang l);
void site_multiples_alt(struct bt_buf *b, const struct site *s,
                        const struct site_indicator *x, enum bt_lang l);
/* The comparison's: the breakdowns it draws (compare_picked). */
void site_compare_alt(struct bt_buf *b, const struct site *s,
                      const struct site_indicator *x, enum bt_lang l);
/* Whether breakdown k of x is drawn in its comparison: one the catalogue
 * picks (breakdowns.csv), else one of the BT_COMPARE_TOP largest. */
int site_compare_picked(const struct site_indicator *x, size_t k);

void site_index(struct bt_buf *b, const struct site *s, enum bt_lang l);
void site_indicator(struct bt_buf *b, const struct site *s,
                    const struct site_indicator *x, enum bt_lang l);
/* The "what's new" page (news*.html): the loads and the revisions
 * logged since s->since (site_news.c). */
void site_news(struct bt_buf *b, const struct site *s, enum bt_lang l);
void site_methodology(struct bt_buf *b, const struct site *s, enum bt_lang l);

#endif
