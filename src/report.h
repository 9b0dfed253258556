/* report.h - the progress report: a status table, a chart per indicator,
 * small multiples for disaggregated ones and a dashboard, as HTML that
 * opens from disk without a network, and as Markdown. */
#ifndef BT_REPORT_H
#define BT_REPORT_H

#include "catalogue.h"
#include "db.h"
#include "error.h"

struct bt_report_opts {
    const char *dir;     /* output directory, created if needed */
    enum bt_lang lang;
    bt_day as_of;        /* ignore observations after it */
    const char *gnuplot; /* the gnuplot program */
};

struct bt_report_stats {
    size_t indicators;
    size_t charts; /* PNG files drawn, the dashboard included */
};

/* Writes DIR/index.html, DIR/report.md, DIR/methodology.html,
 * DIR/dashboard.png and DIR/charts/ (one gnuplot process draws them all). */
int bt_report_write(struct bt_db *db, const struct bt_catalogue *cat,
                    const struct bt_report_opts *o, struct bt_report_stats *st,
                    struct bt_error *e);

/* The text of docs/methodology.md, compiled in. */
extern const char bt_methodology_md[];

#endif
