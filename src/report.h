/* report.h - the progress report: a static site that opens from disk
 * without a network, in English, simplified and traditional Chinese
 * (site.h: an index with progress by domain and every status, a page per
 * indicator with its chart, arithmetic, targets, breakdowns, data and CSV
 * downloads, the methodology), a dashboard and report.md. */
#ifndef BT_REPORT_H
#define BT_REPORT_H

#include "catalogue.h"
#include "db.h"
#include "error.h"

struct bt_report_opts {
    const char *dir;     /* output directory, created if needed */
    enum bt_lang lang;   /* the language of index.html and report.md */
    bt_day as_of;        /* ignore observations after it */
    const char *gnuplot; /* the gnuplot program */
};

struct bt_report_stats {
    size_t indicators;
    size_t charts; /* chart files drawn, the dashboard included */
    size_t pages;  /* HTML pages written */
};

/* Writes the site into o->dir (site.h), the dashboards (one PNG a
 * language) and DIR/report.md; one gnuplot process draws every chart. */
int bt_report_write(struct bt_db *db, const struct bt_catalogue *cat,
                    const struct bt_report_opts *o, struct bt_report_stats *st,
                    struct bt_error *e);

/* The text of docs/methodology.md, compiled in. */
extern const char bt_methodology_md[];

#endif
