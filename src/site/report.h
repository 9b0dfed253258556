/* report.h - the progress report: a static site that opens from disk
 * without a network, in English, simplified and traditional Chinese
 * (site.h: an index with progress by domain and every status, a page per
 * indicator with its chart, arithmetic, targets, breakdowns, data and CSV
 * downloads, the methodology), a dashboard and report.md. */
#ifndef BT_REPORT_H
#define BT_REPORT_H

#include "model/catalogue.h"
#include "store/db.h"
#include "base/error.h"
#include "base/fileio.h"

struct bt_report_opts {
    const char *dir;     /* output directory, created if needed */
    enum bt_lang lang;   /* the language of index.html and report.md */
    bt_day as_of;        /* ignore observations after it */
    const char *gnuplot; /* the gnuplot program */
    bt_day since;        /* the "what's new" page lists loads and revisions
                            logged on or after it; 0: the 30 days before
                            as_of */
};

/* What a report wrote. Owns failures: bt_report_stats_release. */
struct bt_report_stats {
    size_t indicators;
    size_t charts;         /* chart files drawn, the dashboards included */
    size_t pages;          /* HTML pages written */
    size_t failed;         /* charts gnuplot could not draw */
    struct bt_buf failures; /* one line each: which chart, and why */
};

/* Writes the site into o->dir (site.h), the dashboards (SVG, wide and
 * narrow, one a language; an earlier release's dashboard PNGs removed)
 * and DIR/report.md; one gnuplot process draws every chart.
 * A chart gnuplot fails on is left out (st->failed, st->failures; its
 * page says why) and the others drawn by the next gnuplot, so one bad
 * series never stops the site: every page is written. Returns 0 (check
 * st->failed), or -1 (*e) when the site could not be written or gnuplot
 * failed before any chart. Release *st in every case. */
int bt_report_write(struct bt_db *db, const struct bt_catalogue *cat,
                    const struct bt_report_opts *o, struct bt_report_stats *st,
                    struct bt_error *e);

void bt_report_stats_release(struct bt_report_stats *st);

/* The text of docs/methodology.md, compiled in. */
extern const char bt_methodology_md[];

#endif
