/* chart_svg.h - an SVG chart from gnuplot made to speak for itself.
 *
 * gnuplot's svg terminal titles every file "Gnuplot", describes it as
 * "Produced by GNUPLOT", names its series gnuplot_plot_N and, for
 * hypertext labels, calls a script that a file without gnuplot's mouse
 * script lacks. bt_svg_clean puts the chart's own title and description
 * in their place, names each series after what it shows, turns each
 * hypertext label into a plain <title> tooltip and drops every script and
 * event handler, so the file is a picture that a browser, a screen reader
 * and a search index read the same way. It drops the empty groups gnuplot
 * writes (a style opened and closed around nothing), a third of the bytes
 * of a grid of panels.
 */
#ifndef BT_CHART_SVG_H
#define BT_CHART_SVG_H

#include <stddef.h>

#include "base/error.h"
#include "base/fileio.h"

/* What a chart says of itself; all borrowed, UTF-8 text (escaped here). */
struct bt_svg_text {
    const char *title;  /* the document's <title> */
    const char *desc;   /* its <desc>: what it shows, the latest value */
    const char *series; /* the name of each plot in gnuplot's order, each
                           followed by a NUL; "" leaves a plot unnamed;
                           NULL: none named */
    size_t series_len;  /* bytes of series */
};

/* Appends to out the SVG in[0..len) cleaned as above. Text it does not
 * recognise is copied unchanged. */
void bt_svg_clean(struct bt_buf *out, const char *in, size_t len,
                  const struct bt_svg_text *t);

/* Cleans the SVG file at path in place (written atomically). */
int bt_svg_clean_file(const char *path, const struct bt_svg_text *t,
                      struct bt_error *e);

#endif
