/* chart_gnuplot.h - progress charts drawn by gnuplot.
 *
 * This module writes gnuplot scripts; subprocess.h runs gnuplot on them
 * (one process for any number of charts). Data goes inline as datablocks
 * of dates and numbers. Every text from a catalogue or data file goes
 * through bt_gnuplot_quote: a single-quoted gnuplot string, in which
 * gnuplot does no backquote substitution, no macro expansion and no
 * escapes. A quote in the text closes the string, is added as the constant
 * "'" and the string reopens ('a'."'".'b'): gnuplot's own '' escape is not
 * used, because it misparses at the start of a string. Control characters
 * become spaces, but in a file name (bt_gnuplot_quote_path) are kept, as
 * escapes. So a name stays text and runs nothing (tests/e2e/test_chart.sh),
 * and an output file gets exactly its name.
 */
#ifndef BT_CHART_GNUPLOT_H
#define BT_CHART_GNUPLOT_H

#include <stddef.h>

#include "model/catalogue.h"
#include "base/error.h"
#include "base/fileio.h"
#include "assess/progress.h"
#include "base/point.h"

enum bt_chart_format { BT_CHART_PNG, BT_CHART_SVG, BT_CHART_PDF };

/* The format named by path's extension (.png, .svg, .pdf); -1 if none. */
int bt_chart_format_of(const char *path, enum bt_chart_format *out);

/* One progress chart. All pointers are borrowed. */
struct bt_chart {
    const struct bt_indicator *ind;
    const struct bt_point *obs;         /* sorted by day */
    size_t nobs;
    const struct bt_progress *progress; /* its assessment */
    const char *subtitle;               /* e.g. "total of 32 series", or NULL */
    enum bt_lang lang;
    bt_day from, to;                    /* x range; 0 for automatic */
};

/* Appends the commands that draw c into the file output. */
void bt_chart_script(struct bt_buf *s, const struct bt_chart *c,
                     const char *output, enum bt_chart_format fmt, int width,
                     int height);

/* One line of a comparison chart: a breakdown's observations. */
struct bt_compare_line {
    const char *label;          /* the legend's text: "广东省" */
    const struct bt_point *obs; /* sorted by day */
    size_t nobs;
};

/* Breakdowns of one indicator on one axis, with one scale and a legend
 * below the plot, four entries a row: a colour each (bt_compare_colour),
 * solid for the first ten, then the colours again with dashes. A daily
 * line is drawn as the means of its complete months, so that lines do not
 * hide each other under daily noise. All pointers are borrowed. */
struct bt_compare {
    const struct bt_indicator *ind;
    const struct bt_compare_line *lines;
    size_t nlines;
    const char *subtitle; /* e.g. "by region", or NULL */
    enum bt_lang lang;
    bt_day from, to;      /* x range; 0 for automatic */
};

/* Appends the commands that draw c into output. */
void bt_compare_script(struct bt_buf *s, const struct bt_compare *c,
                       const char *output, enum bt_chart_format fmt, int width,
                       int height);
/* The colour of line i of a comparison ("#rrggbb"), one of
 * BT_COMPARE_COLOURS, which repeat with another dash pattern. */
#define BT_COMPARE_COLOURS 10
const char *bt_compare_colour(size_t i);

/* One small chart of a grid (dashboard, small multiples). */
struct bt_panel {
    const char *title;
    const struct bt_point *obs;
    size_t nobs;
    const struct bt_indicator *ind; /* draws its targets when not NULL */
    const char *background;         /* "#rrggbb" or NULL */
    const char *empty;              /* said when nobs is 0; NULL: no data */
};

/* Appends the commands that draw panels in a grid into output, each on
 * its own y scale, or with shared_y all on one (so that a large and a
 * small breakdown are drawn at their true sizes). A panel whose values
 * are all zero says so instead of drawing a flat line on a made-up
 * scale. */
void bt_panels_script(struct bt_buf *s, const struct bt_panel *p, size_t n,
                      const char *title, enum bt_lang lang, const char *output,
                      enum bt_chart_format fmt, int width, int height,
                      int shared_y);

/* The dashboard: four panels a row, 240 pixels each, and its title. */
#define BT_DASHBOARD_W 1400
static inline int bt_dashboard_height(size_t rows)
{
    return 240 * (int)(rows ? rows : 1) + 60;
}

/* Appends text as a safe single-quoted gnuplot string. */
void bt_gnuplot_quote(struct bt_buf *s, const char *text);
/* Appends a file name as a safe gnuplot string that names exactly that
 * file: as bt_gnuplot_quote, but each control character (a newline in a
 * name) is kept, joined as an octal escape in a double-quoted string that
 * holds nothing else ('r'."\012".'x.svg'), where no substitution can
 * happen. */
void bt_gnuplot_quote_path(struct bt_buf *s, const char *path);

/* The colour of a status ("#rrggbb"). */
const char *bt_status_color(enum bt_status s);

/* Runs program (normally "gnuplot") on the script, written to a file in
 * tmpdir (NULL: $TMPDIR, else /tmp) and removed after; gnuplot stops at
 * the script's first error. *err (NULL: not kept) gets what gnuplot wrote
 * on its standard error, where 'print' writes. Returns 0, or -1 with *e
 * saying why (gnuplot's first error and its command). */
int bt_gnuplot_run(const char *program, const struct bt_buf *script,
                   const char *tmpdir, struct bt_buf *err, struct bt_error *e);

#endif
