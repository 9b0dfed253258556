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
    struct bt_buf *series;              /* when not NULL, gets the name of
                                           each plot in order, each followed
                                           by a NUL ("" for one unnamed), for
                                           bt_svg_clean */
};

/* The smallest text of a chart, in pixels of its drawing: every label,
 * tic and key. A chart shown at its own width, or a narrow one at a
 * phone's (BT_CHART_NARROW_W in 358 CSS pixels), keeps it at 9 pixels
 * or more. */
#define BT_CHART_TEXT_MIN 10
/* The widths of the site's charts: wide for a screen, narrow for a phone
 * (laid out for the width: the title wrapped, the key in rows). */
#define BT_CHART_W 800
#define BT_CHART_H 450
#define BT_CHART_NARROW_W 360
#define BT_CHART_NARROW_H 420

/* Appends the commands that draw c into the file output. A chart narrower
 * than 600 pixels is laid out for a phone. */
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
 * below the plot: a colour each (bt_compare_colour), solid for the first
 * ten, then the colours again with dashes. A daily line of more than 60
 * days is drawn as the means of its complete months, so that lines do
 * not hide each other under daily noise; a shorter one, or one of no
 * complete month, day by day. All pointers are borrowed. */
struct bt_compare {
    const struct bt_indicator *ind;
    const struct bt_compare_line *lines;
    size_t nlines;
    const char *subtitle;  /* e.g. "by region", or NULL */
    enum bt_lang lang;
    bt_day from, to;       /* x range; 0 for automatic */
    struct bt_buf *series; /* as bt_chart's: the name of each plot */
};

/* Appends the commands that draw c into output (narrower than 600
 * pixels: the legend in fewer columns). */
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
    int daily;                      /* a daily series: a long one is drawn
                                       as the means of its months */
    int shared_y;                   /* 1: on the y scale shared by every
                                       panel that has it (small multiples
                                       at their true sizes); 0: its own */
};

/* Appends the commands that draw panels in a grid of cols columns into
 * output; series (NULL: not kept) gets the name of each plot, as
 * bt_chart's. A panel whose values are all zero says so (and, on its own
 * scale, shows none) instead of drawing a flat line on a made-up scale. */
void bt_panels_script(struct bt_buf *s, const struct bt_panel *p, size_t n,
                      size_t cols, const char *title, enum bt_lang lang,
                      const char *output, enum bt_chart_format fmt, int width,
                      int height, struct bt_buf *series);

/* A grid of panels (dashboard, small multiples): four columns of 275
 * pixels for a screen, or one column for a phone. */
#define BT_GRID_W 1100
#define BT_GRID_COLS 4
#define BT_GRID_NARROW_W BT_CHART_NARROW_W
/* The height of a grid of n panels in cols columns. */
static inline int bt_grid_height(size_t n, size_t cols)
{
    size_t rows = (n + cols - 1) / cols;
    return (cols > 1 ? 250 : 200) * (int)(rows ? rows : 1) + 60;
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
