/* chart_gnuplot.c - progress charts as gnuplot scripts (see
 * chart_gnuplot.h). */
#include "chart_gnuplot.h"

#include <errno.h>
#include <stdio.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "i18n.h"
#include "base/number.h"
#include "numfmt.h"
#include "base/subprocess.h"

#define FOOTNOTE_MAX 200 /* bytes of a source citation under a chart */

int bt_chart_format_of(const char *path, enum bt_chart_format *out)
{
    const char *dot = strrchr(path, '.');
    if (!dot)
        return -1;
    if (strcmp(dot, ".png") == 0)
        *out = BT_CHART_PNG;
    else if (strcmp(dot, ".svg") == 0)
        *out = BT_CHART_SVG;
    else if (strcmp(dot, ".pdf") == 0)
        *out = BT_CHART_PDF;
    else
        return -1;
    return 0;
}

/* The quoting of chart_gnuplot.h; a control character becomes a space,
 * or with exact its octal escape in a double-quoted string of its own. */
static void quote(struct bt_buf *s, const char *text, int exact)
{
    bt_buf_puts(s, "'");
    for (const unsigned char *p = (const unsigned char *)text; *p; p++) {
        if (*p == '\'')
            bt_buf_puts(s, "'.\"'\".'"); /* close, a quote, reopen */
        else if ((*p < 0x20 || *p == 0x7f) && exact)
            bt_buf_addf(s, "'.\"\\%03o\".'", *p); /* close, "\ooo", reopen */
        else if (*p < 0x20 || *p == 0x7f)
            bt_buf_puts(s, " ");
        else
            bt_buf_add(s, p, 1);
    }
    bt_buf_puts(s, "'");
}

void bt_gnuplot_quote(struct bt_buf *s, const char *text)
{
    quote(s, text, 0);
}

void bt_gnuplot_quote_path(struct bt_buf *s, const char *path)
{
    quote(s, path, 1);
}

/* The columns a UTF-8 character starting at p takes: 2 for the wide
 * scripts (CJK, from U+2E80 on, lead bytes 0xE2 0xBA and up), else 1. */
static int columns(const unsigned char *p)
{
    return p[0] >= 0xe3 || (p[0] == 0xe2 && p[1] >= 0xba) ? 2 : 1;
}

/* The columns (quote_wrapped's) of text at size points in width pixels:
 * about 0.55 em a column, a wide character two; cairo (PNG, PDF) draws
 * a point as 4/3 of a pixel, the SVG terminal as one. */
static int text_cols(double width, int size, enum bt_chart_format f)
{
    return (int)(width / (0.55 * size * (f == BT_CHART_SVG ? 1 : 4.0 / 3)));
}

/* Quotes text as lines of at most cols columns, joined by "\n": broken
 * at a space, or between two wide characters, or (a word longer than a
 * line) where the line is full. Returns the number of lines. */
static int quote_wrapped(struct bt_buf *s, const char *text, int cols)
{
    struct bt_buf line = {0};
    int lines = 1, used = 0;
    size_t brk = 0; /* where line may break: after a space or wide char */
    for (const unsigned char *p = (const unsigned char *)text; *p;) {
        size_t n = 1;
        while ((p[n] & 0xc0) == 0x80)
            n++;
        int w = columns(p);
        if (used + w > cols && line.len) {
            size_t cut = brk ? brk : line.len;
            struct bt_buf rest = {0};
            bt_buf_add(&rest, line.data + cut, line.len - cut);
            line.len = cut;
            while (line.len && line.data[line.len - 1] == ' ')
                line.len--;
            bt_buf_add(&line, "", 1);
            bt_gnuplot_quote(s, line.data);
            bt_buf_puts(s, ".\"\\n\".");
            lines++;
            line.len = 0;
            used = 0;
            for (size_t k = 0; k < rest.len; k += 1)
                if ((rest.data[k] & 0xc0) != 0x80)
                    used += columns((const unsigned char *)rest.data + k);
            if (rest.len)
                bt_buf_add(&line, rest.data, rest.len);
            bt_buf_release(&rest);
            brk = 0;
        }
        if (*p == ' ' && used == 0) {
            p++; /* no space at the start of a line */
            continue;
        }
        bt_buf_add(&line, p, n);
        used += w;
        if (*p == ' ' || w == 2)
            brk = line.len;
        p += n;
    }
    bt_buf_add(&line, "", 1);
    bt_gnuplot_quote(s, line.data ? line.data : "");
    bt_buf_release(&line);
    return lines;
}

/* Appends at most max bytes of text (NUL-terminated), cut on a character
 * boundary and then marked with an ellipsis. */
static void cut_text(struct bt_buf *out, const char *text, size_t max)
{
    size_t n = strlen(text);
    if (n <= max) {
        bt_buf_add(out, text, n + 1);
        return;
    }
    while (max > 0 && ((unsigned char)text[max] & 0xc0) == 0x80)
        max--; /* back to the start of a UTF-8 character */
    bt_buf_add(out, text, max);
    bt_buf_add(out, "…", strlen("…") + 1);
}

const char *bt_status_color(enum bt_status s)
{
    static const char *const colors[] = {
        "#1a9850", "#66bd63", "#fdae61", "#f46d43", "#d73027",
        "#4575b4", "#91bfdb", "#8073ac", "#bf812d", "#969696"};
    _Static_assert(sizeof colors / sizeof *colors == BT_INSUFFICIENT_DATA + 1,
                   "one colour a status");
    return colors[s];
}

static const char *font(enum bt_lang l)
{
    return l == BT_LANG_ZH_HANT ? "Noto Sans CJK TC" : "Noto Sans CJK SC";
}

static void terminal(struct bt_buf *s, enum bt_chart_format f, enum bt_lang l,
                     int w, int h, int size)
{
    /* no mouse script: bt_svg_clean makes each tooltip a <title> */
    static const char *const names[] = {"pngcairo", "svg standalone",
                                        "pdfcairo"};
    bt_buf_addf(s, "set terminal %s noenhanced font '%s,%d' ", names[f],
                font(l), size);
    if (f == BT_CHART_PDF)
        bt_buf_addf(s, "size %.2fin,%.2fin\n", w / 100.0, h / 100.0);
    else
        bt_buf_addf(s, "size %d,%d\n", w, h);
}

/* "YYYY-MM-DD value" lines of a datablock. */
static void point(struct bt_buf *s, bt_day day, double v)
{
    char date[11], num[32];
    bt_date_format(day, date);
    bt_number_format(v, num);
    bt_buf_addf(s, "%s %s\n", date, num);
}

static void datablock(struct bt_buf *s, const char *name,
                      const struct bt_point *p, size_t n)
{
    bt_buf_addf(s, "$%s << EOD\n", name);
    for (size_t i = 0; i < n; i++)
        point(s, p[i].day, p[i].value);
    bt_buf_puts(s, "EOD\n");
}

/* The milestones and targets of ind (not baselines), at most max. */
static size_t target_marks(const struct bt_indicator *ind, struct bt_point *out,
                           size_t max)
{
    size_t n = 0;
    for (size_t i = 0; i < ind->ntargets && n < max; i++)
        if (ind->targets[i].kind != BT_KIND_BASELINE)
            out[n++] = (struct bt_point){ind->targets[i].date,
                                         ind->targets[i].value};
    return n;
}

/* The planned path: baseline, then every milestone and target after it. */
static void plan_block(struct bt_buf *s, const struct bt_indicator *ind,
                       const struct bt_progress *p)
{
    bt_buf_puts(s, "$plan << EOD\n");
    if (p->has_baseline && p->has_target) {
        point(s, p->baseline_date, p->baseline_value);
        for (size_t i = 0; i < ind->ntargets; i++)
            if (ind->targets[i].kind != BT_KIND_BASELINE &&
                ind->targets[i].date > p->baseline_date)
                point(s, ind->targets[i].date, ind->targets[i].value);
    }
    bt_buf_puts(s, "EOD\n");
}

static void widen(bt_day d, bt_day *lo, bt_day *hi)
{
    if (d < *lo)
        *lo = d;
    if (d > *hi)
        *hi = d;
}

/* Sets the x range [lo, hi] with a margin, and tics a reader can use: one
 * label a year (or every few years) on long ranges, months on short ones,
 * days (the first with its year, then month and day) on a few weeks.
 * A yearly series' tic sits on its year's last day, where its values are
 * dated. An empty range (lo > hi) shows the plan's horizon; a single day,
 * two years either side. Returns the middle of the range. */
static bt_day time_axis(struct bt_buf *s, bt_day lo, bt_day hi, int year_end)
{
    if (lo > hi)
        lo = bt_day_from_civil(2015, 1, 1), hi = bt_day_from_civil(2035, 12, 31);
    if (lo == hi)
        lo -= 730, hi += 730;
    bt_day margin = (hi - lo) / 25 + 1, from = lo - margin, to = hi + margin;
    char a[11], b[11];
    bt_date_format(from, a);
    bt_date_format(to, b);
    bt_buf_addf(s, "set xrange ['%s':'%s']\nset xtics (", a, b);
    double years = (hi - lo) / 365.25;
    int y, m, d, first = 1;
    bt_day_to_civil(from, &y, &m, &d);
    if (to - from < 70) { /* weeks: a tic every few days, by its date */
        bt_day step = (to - from) / 6 + 1;
        for (bt_day t = from + step / 2; t <= to; t += step) {
            bt_date_format(t, a);
            bt_buf_addf(s, "%s'%s' '%s'", first ? "" : ", ", first ? a : a + 5, a);
            first = 0;
        }
    } else if (years < 2) { /* monthly up to half a year, then every few */
        int step = years * 12 <= 6 ? 1 : (int)ceil(years * 12 / 6) * 2;
        for (bt_day t = bt_day_from_civil(y, m, 1); t <= to;
             m += step, y += (m - 1) / 12, m = (m - 1) % 12 + 1,
             t = bt_day_from_civil(y, m, 1)) {
            if (t < from)
                continue;
            bt_date_format(t, a);
            bt_buf_addf(s, "%s'%.7s' '%s'", first ? "" : ", ", a, a);
            first = 0;
        }
    } else {
        int step = (int)ceil(years / 6);
        step = step <= 2 ? step : step <= 5 ? 5 : 10;
        for (y -= y % step; ; y += step) {
            bt_day t = year_end ? bt_day_from_civil(y, 12, 31)
                                : bt_day_from_civil(y, 1, 1);
            if (t > to)
                break;
            if (t < from)
                continue;
            bt_date_format(t, a);
            bt_buf_addf(s, "%s'%d' '%s'", first ? "" : ", ", y, a);
            first = 0;
        }
    }
    bt_buf_puts(s, ")\n");
    return lo + (hi - lo) / 2;
}

/* The largest magnitude an axis reaches, in the figures shown: far beyond
 * what a load accepts (1e303), small enough that the headroom, the tics
 * and the range's width stay finite. */
#define Y_AXIS_MAX 1e306
/* The smallest span an axis shows: below it the figures print as 0 and a
 * tenth of a span underflows (denormals). */
#define Y_AXIS_MIN_SPAN 1e-290

/* v kept within [-Y_AXIS_MAX, Y_AXIS_MAX]; NaN becomes dflt. */
static double axis_clamp(double v, double dflt)
{
    if (isnan(v))
        return dflt;
    return fmax(-Y_AXIS_MAX, fmin(Y_AXIS_MAX, v));
}

/* Sets the y range from lo (at most 0: quantities are read against zero)
 * to hi with headroom for labels, and about five tics labelled for people
 * (1.2 M, 120万) in the unit they are shown in: the tics are placed and
 * labelled in stored figures divided by div (display.csv), at stored
 * positions. Any lo and hi give finite figures (never nan or inf in the
 * script): a span of nothing (all values equal, one point, denormals)
 * becomes one of at least 1 reaching to 0, and magnitudes beyond
 * Y_AXIS_MAX are cut to it. */
static void y_axis(struct bt_buf *s, double lo, double hi, enum bt_lang l,
                   double div)
{
    if (!(div > 0) || !isfinite(div))
        div = 1;
    lo = axis_clamp(fmin(lo, 0) / div, 0);
    hi = axis_clamp(hi / div, lo);
    double raw = hi / 5 - lo / 5; /* (hi - lo) / 5 without overflow */
    if (!(raw >= Y_AXIS_MIN_SPAN) ||
        raw < 1e-13 * fmax(fabs(lo), fabs(hi))) { /* a span of nothing */
        if (fabs(lo) < Y_AXIS_MIN_SPAN)
            lo = 0;
        hi = lo + fmax(fabs(lo), 1);
        raw = hi / 5 - lo / 5;
    }
    double mag = pow(10, floor(log10(raw)));
    double f = raw / mag;
    double step = (f <= 1 ? 1 : f <= 2 ? 2 : f <= 2.5 ? 2.5 : f <= 5 ? 5 : 10) * mag;
    double bottom = floor(lo / step) * step;
    double top = ceil(hi / step + raw / 2 / step) * step; /* 10% headroom */
    char num[BT_NUMFMT_MAX], v[32];
    bt_number_format(bottom * div, num);
    bt_number_format(top * div, v);
    bt_buf_addf(s, "set yrange [%s:%s]\nset ytics (", num, v);
    int n = (int)llround((top - bottom) / step);
    for (int i = 0; i <= n; i++) {
        double t = bottom + step * i;
        bt_num_short(fabs(t) < step / 2 ? 0 : t, l, num);
        bt_number_format(t * div, v);
        bt_buf_addf(s, "%s'%s' %s", i ? ", " : "", num, v);
    }
    bt_buf_puts(s, ")\n");
}

/* Widens [*lo, *hi] by the values of p[0..n). */
static void span(const struct bt_point *p, size_t n, double *lo, double *hi)
{
    for (size_t i = 0; i < n; i++) {
        *lo = fmin(*lo, p[i].value);
        *hi = fmax(*hi, p[i].value);
    }
}

/* The x range of a chart: everything drawn, or --from and --to. */
static bt_day x_range(struct bt_buf *s, const struct bt_chart *c)
{
    const struct bt_progress *p = c->progress;
    bt_day lo = INT32_MAX, hi = INT32_MIN;
    if (c->nobs) {
        widen(c->obs[0].day, &lo, &hi);
        widen(c->obs[c->nobs - 1].day, &lo, &hi);
    }
    if (p->has_baseline)
        widen(p->baseline_date, &lo, &hi);
    for (size_t i = 0; i < c->ind->ntargets; i++)
        widen(c->ind->targets[i].date, &lo, &hi);
    if (p->has_projection && p->projected_date - hi < 365 * 20)
        widen(p->projected_date, &lo, &hi);
    if (c->from)
        lo = c->from;
    if (c->to)
        hi = c->to;
    return time_axis(s, lo, hi, c->ind->freq == BT_FREQ_YEARLY);
}

/* The title: the indicator's name (and subtitle), then its status line,
 * in dark text (a status colour on white is too faint to read); the
 * status colour is a band along the top of the chart. Narrow, the name
 * is wrapped to the width. */
static void title(struct bt_buf *s, const struct bt_chart *c,
                  enum bt_chart_format fmt, int width, int height)
{
    const struct bt_progress *p = c->progress;
    enum bt_lang l = c->lang;
    struct bt_buf line = {0};
    bt_buf_addf(&line, "%s: %s", bt_word(BT_W_STATUS, l),
                bt_status_label(p->status, l));
    if (!isnan(p->progress))
        bt_buf_addf(&line, " · %s %.0f%%", bt_word(BT_W_PROGRESS, l),
                    p->progress * 100);
    if (!isnan(p->elapsed))
        bt_buf_addf(&line, " · %s %.0f%%", bt_word(BT_W_ELAPSED, l),
                    p->elapsed * 100);
    if (p->target && p->target->illustrative)
        bt_buf_addf(&line, " · %s*", bt_word(BT_W_ILLUSTRATIVE, l));
    struct bt_buf name = {0};
    bt_buf_puts(&name, c->ind->name[l]);
    if (c->subtitle)
        bt_buf_addf(&name, " (%s)", c->subtitle);
    /* about 0.6 em a column at the title's size */
    int cols = text_cols(width - 16, BT_CHART_TEXT_MIN + 1, fmt);
    bt_buf_puts(s, "set title ");
    quote_wrapped(s, name.data, cols);
    bt_buf_puts(s, ".\"\\n\".");
    quote_wrapped(s, line.data, cols);
    bt_buf_addf(s, " font ',%d' tc rgb '#222222'\n", BT_CHART_TEXT_MIN + 1);
    bt_buf_addf(s, "set object 90 rectangle from screen 0,1 to screen 1,%.4f "
                   "fc rgb '%s' fs solid noborder front\n",
                1 - 6.0 / height, bt_status_color(p->status));
    bt_buf_release(&name);
    bt_buf_release(&line);
}

/* Labels beside the baseline, each milestone and target ("target 2035:
 * 20*"): to the right of a point in the left half, to its left otherwise,
 * so that none is cut at the edge; a label within a fifth of the chart's
 * time from the one before sits a line higher, so that they do not
 * overlap. */
static void target_labels(struct bt_buf *s, const struct bt_chart *c,
                          const struct bt_progress *p, bt_day mid)
{
    bt_day lo = INT32_MAX, hi = INT32_MIN;
    for (size_t i = 0; i < c->ind->ntargets; i++)
        widen(c->ind->targets[i].date, &lo, &hi);
    if (c->nobs) {
        widen(c->obs[0].day, &lo, &hi);
        widen(c->obs[c->nobs - 1].day, &lo, &hi);
    }
    int level = 0;
    for (size_t i = 0; i < c->ind->ntargets; i++) {
        const struct bt_target *t = &c->ind->targets[i];
        char date[11], num[BT_NUMFMT_MAX], v[32];
        if (t->kind == BT_KIND_BASELINE && p->baseline_set_aside &&
            t->date < p->brk->date)
            continue; /* measured before the break: not the baseline */
        if (i > 0 && (double)(t->date - c->ind->targets[i - 1].date) <
                         (double)(hi - lo) / 5)
            level = level < 3 ? level + 1 : 0;
        else
            level = 0;
        struct bt_buf text = {0};
        bt_period_format(t->date, c->ind->freq, date);
        bt_num_short(bt_shown_value(c->ind, c->lang, t->value), c->lang, num);
        bt_number_format(t->value, v);
        bt_buf_addf(&text, "%s %s: %s%s",
                    bt_word(t->kind == BT_KIND_BASELINE ? BT_W_BASELINE
                            : t->kind == BT_KIND_MILESTONE ? BT_W_MILESTONE
                                                           : BT_W_TARGET,
                            c->lang),
                    date, num, t->illustrative ? "*" : "");
        bt_date_format(t->date, date);
        bt_buf_puts(s, "set label ");
        bt_gnuplot_quote(s, text.data);
        bt_buf_addf(s, " at '%s',%s %s offset %s0.5,%.1f font ',%d' boxed front\n",
                    date, v, t->date < mid ? "left" : "right",
                    t->date < mid ? "" : "-", 1 + 1.4 * level,
                    BT_CHART_TEXT_MIN);
        bt_buf_release(&text);
    }
}

/* A series break the assessment starts from (breaks.h): a dotted upright
 * line on its day, labelled "series break DATE" at the top. */
static void break_mark(struct bt_buf *s, const struct bt_progress *p,
                       enum bt_lang l)
{
    static const char *const word[] = {"series break", "序列断点", "序列斷點"};
    if (!p->brk)
        return;
    char date[11];
    struct bt_buf text = {0};
    bt_date_format(p->brk->date, date);
    bt_buf_addf(&text, "%s %s", word[l], date);
    bt_buf_addf(s, "set arrow from first '%s', graph 0 to first '%s', graph 1 "
                   "nohead dt 3 lw 1.5 lc rgb '#8c564b' front\n", date, date);
    bt_buf_puts(s, "set label ");
    bt_gnuplot_quote(s, text.data);
    bt_buf_addf(s, " at first '%s', graph 0.96 left offset 0.5,0 font ',%d' "
                   "tc rgb '#8c564b' front\n", date, BT_CHART_TEXT_MIN);
    bt_buf_release(&text);
}

/* The tooltips of an SVG chart: "date: value" over each point (numbers
 * and dates only, so no catalogue text reaches the SVG's script), the
 * value divided by div (the unit shown, display.csv). */
static void tips_block(struct bt_buf *s, const struct bt_point *p, size_t n,
                       enum bt_freq f, double div)
{
    if (!(div > 0))
        div = 1; /* figures as stored */
    bt_buf_puts(s, "$tips << EOD\n");
    for (size_t i = 0; i < n; i++) {
        char date[11], period[11], num[BT_NUMFMT_MAX], v[32];
        bt_date_format(p[i].day, date);
        bt_period_format(p[i].day, f, period);
        bt_num_grouped(bt_num_rounded(p[i].value / div), num); /* the tooltip */
        bt_number_format(p[i].value, v);
        bt_buf_addf(s, "%s %s \"%s: %s\"\n", date, v, period, num);
    }
    bt_buf_puts(s, "EOD\n");
}

/* Adds name (NULL: unnamed) to the plots' names, when they are kept. */
static void name_plot(struct bt_buf *names, const char *name)
{
    if (names)
        bt_buf_add(names, name ? name : "", strlen(name ? name : "") + 1);
}

/* Appends ", DATA using 1:2 with ... title 'WORD'" to the plot command. */
static void curve(struct bt_buf *s, const struct bt_chart *c, const char *data,
                  const char *style, enum bt_word w)
{
    bt_buf_addf(s, ", %s using 1:2 with %s title ", data, style);
    bt_gnuplot_quote(s, bt_word(w, c->lang));
    name_plot(c->series, bt_word(w, c->lang));
}

/* The fewest complete months a daily line is drawn as the means of;
 * with fewer, its days are drawn. */
#define MONTHS_MIN 3

void bt_chart_script(struct bt_buf *s, const struct bt_chart *c,
                     const char *output, enum bt_chart_format fmt, int width,
                     int height)
{
    const struct bt_progress *p = c->progress;
    enum bt_lang l = c->lang;
    /* a long daily series: the means of its complete months (dated their
     * last day, as the status takes them) over a faint daily trace */
    struct bt_points months = {0};
    if (c->ind->freq == BT_FREQ_DAILY && c->nobs > 60) {
        struct bt_derive month = {.period = BT_DERIVE_MONTH, .fn = BT_DERIVE_MEAN,
                                  .from_freq = BT_FREQ_DAILY};
        bt_derive_points(&month, c->obs, c->nobs, &months);
    }
    int daily = months.n >= MONTHS_MIN;
    int narrow = width < 600;
    bt_buf_puts(s, "reset\n");
    terminal(s, fmt, l, width, height, BT_CHART_TEXT_MIN);
    bt_buf_puts(s, "set output ");
    bt_gnuplot_quote_path(s, output);
    bt_buf_addf(s, "\nset encoding utf8\nset xdata time\nset timefmt '%%Y-%%m-%%d'\n"
                   "set grid\nset key outside top center horizontal %s "
                   "font ',%d' samplen 1.5 width -1\n"
                   "set style textbox opaque noborder\n",
                narrow ? "maxcols 2" : "maxrows 1", BT_CHART_TEXT_MIN);
    bt_day mid = x_range(s, c);
    title(s, c, fmt, width, height);
    bt_buf_puts(s, "set ylabel ");
    bt_gnuplot_quote(s, c->ind->shown_unit[l]);
    bt_buf_puts(s, "\nset label 100 ");
    struct bt_buf foot = {0}, cut = {0};
    bt_buf_addf(&foot, "%s: %s", bt_word(BT_W_SOURCE, l), c->ind->source);
    cut_text(&cut, foot.data, FOOTNOTE_MAX);
    /* the footnote's lines under the axis, as many as the width needs */
    int lines = 1;
    if (narrow)
        lines = quote_wrapped(s, cut.data,
                              text_cols(width - 8, BT_CHART_TEXT_MIN, fmt));
    else
        bt_gnuplot_quote(s, cut.data);
    bt_buf_release(&foot);
    bt_buf_release(&cut);
    bt_buf_addf(s, " at screen 0.01,%.4f font ',%d' front\nset bmargin %.1f\n",
                (7.0 + 1.6 * BT_CHART_TEXT_MIN * (lines - 1)) / height,
                BT_CHART_TEXT_MIN, 3.0 + 1.2 * lines);
    target_labels(s, c, p, mid);
    break_mark(s, p, l);

    /* a baseline taken from the first observation is drawn only when
     * progress is measured from it */
    int base_shown = p->has_baseline && (p->has_target || !p->baseline_observed);
    int proj_shown = p->has_projection && p->status != BT_ACHIEVED;
    datablock(s, "obs", c->obs, c->nobs);
    if (daily)
        datablock(s, "months", months.v, months.n);
    plan_block(s, c->ind, p);
    struct bt_point proj[2] = {{p->latest_date, p->latest_value},
                               {p->projected_date, p->target_value}};
    datablock(s, "proj", proj, proj_shown ? 2 : 0);
    struct bt_point marks[8], base = {p->baseline_date, p->baseline_value};
    size_t nmarks = target_marks(c->ind, marks, 8);
    datablock(s, "marks", marks, nmarks);
    datablock(s, "base", &base, base_shown ? 1 : 0);
    if (fmt == BT_CHART_SVG)
        tips_block(s, daily ? months.v : c->obs, daily ? months.n : c->nobs,
                   daily ? BT_FREQ_MONTHLY : c->ind->freq,
                   c->ind->shown_divisor[l]); /* in the unit shown */

    if (c->nobs == 0) {
        bt_buf_puts(s, "set label 101 ");
        bt_gnuplot_quote(s, bt_word(BT_W_NO_DATA, l));
        bt_buf_puts(s, " at graph 0.5,0.5 center\n");
    }
    double lo = 0, hi = -INFINITY;
    span(c->obs, c->nobs, &lo, &hi);
    span(marks, nmarks, &lo, &hi);
    span(&base, base_shown ? 1 : 0, &lo, &hi);
    y_axis(s, lo, hi, l, c->ind->shown_divisor[l]);
    /* gnuplot refuses to plot nothing: NaN keeps an empty chart drawable */
    bt_buf_puts(s, "plot NaN notitle");
    name_plot(c->series, NULL);
    if (p->has_baseline && p->has_target)
        curve(s, c, "$plan", "lines dt 2 lw 2 lc rgb '#777777'", BT_W_PLANNED);
    if (daily) {
        curve(s, c, "$obs", "lines lw 1 lc rgb '#c6dbef'", BT_W_DAILY);
        curve(s, c, "$months", "lines lw 2 lc rgb '#1f77b4'", BT_W_MONTHLY_MEAN);
    } else if (c->nobs) {
        curve(s, c, "$obs", c->nobs > 60 ? "lines lw 2 lc rgb '#1f77b4'"
                            : "linespoints lw 2 pt 7 ps 0.8 lc rgb '#1f77b4'",
              BT_W_OBSERVED);
    }
    if (proj_shown)
        curve(s, c, "$proj", "lines dt 3 lw 2 lc rgb '#ff7f0e'", BT_W_PROJECTION);
    if (base_shown)
        curve(s, c, "$base", "points pt 5 ps 1.2 lc rgb '#555555'", BT_W_BASELINE);
    if (nmarks)
        curve(s, c, "$marks", "points pt 9 ps 1.8 lc rgb '#d62728'", BT_W_TARGET);
    if (fmt == BT_CHART_SVG && (daily ? months.n : c->nobs)) {
        bt_buf_puts(s, ", $tips using 1:2:3 with labels hypertext point pt 7 "
                       "ps 0.6 lc rgb '#1f77b4' notitle");
        name_plot(c->series, bt_word(daily ? BT_W_MONTHLY_MEAN : BT_W_OBSERVED, l));
    }
    bt_buf_puts(s, "\nunset output\n");
    bt_points_release(&months);
}

/* The x and y ranges of one panel: its observations and targets. */
static void panel_axes(struct bt_buf *s, const struct bt_panel *q,
                       const struct bt_point *marks, size_t nmarks,
                       const double *shared, enum bt_lang l)
{
    bt_day lo = INT32_MAX, hi = INT32_MIN;
    double ylo = 0, yhi = -INFINITY;
    for (size_t k = 0; k < q->nobs; k++)
        widen(q->obs[k].day, &lo, &hi);
    for (size_t k = 0; k < nmarks; k++)
        widen(marks[k].day, &lo, &hi);
    if (shared) {
        ylo = shared[0];
        yhi = shared[1];
    } else {
        span(q->obs, q->nobs, &ylo, &yhi);
        span(marks, nmarks, &ylo, &yhi);
    }
    time_axis(s, lo, hi, q->ind && q->ind->freq == BT_FREQ_YEARLY);
    y_axis(s, ylo, yhi, l, q->ind ? q->ind->shown_divisor[l] : 1);
}

/* Widens [r[0], r[1]] by the values and targets of every panel that
 * shares the y scale. */
static void shared_span(const struct bt_panel *p, size_t n, double r[2])
{
    for (size_t i = 0; i < n; i++) {
        struct bt_point marks[8];
        size_t nmarks = p[i].ind ? target_marks(p[i].ind, marks, 8) : 0;
        if (!p[i].shared_y)
            continue;
        span(p[i].obs, p[i].nobs, &r[0], &r[1]);
        span(marks, nmarks, &r[0], &r[1]);
    }
}

/* 1 when q has observations and every one is zero. */
static int all_zero(const struct bt_panel *q)
{
    for (size_t k = 0; k < q->nobs; k++)
        if (q->obs[k].value != 0)
            return 0;
    return q->nobs > 0;
}

const char *bt_compare_colour(size_t i)
{
    /* Tableau 10: distinct in hue and lightness */
    static const char *const colours[BT_COMPARE_COLOURS] = {
        "#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f",
        "#edc948", "#b07aa1", "#ff9da7", "#9c755f", "#bab0ac"};
    return colours[i % BT_COMPARE_COLOURS];
}

/* The points a comparison draws of line q into *out: a long daily
 * series' monthly means (as bt_chart_script draws one), else its
 * observations: a line of a few weeks, or of no complete month, is drawn
 * day by day rather than not at all. */
static void compare_points(const struct bt_compare *c,
                           const struct bt_compare_line *q, struct bt_points *out)
{
    out->n = 0;
    if (c->ind->freq == BT_FREQ_DAILY && q->nobs > 60) {
        struct bt_derive month = {.period = BT_DERIVE_MONTH, .fn = BT_DERIVE_MEAN,
                                  .from_freq = BT_FREQ_DAILY};
        bt_derive_points(&month, q->obs, q->nobs, out);
        if (out->n >= MONTHS_MIN)
            return;
        out->n = 0;
    }
    for (size_t i = 0; i < q->nobs; i++)
        bt_points_add(out, q->obs[i].day, q->obs[i].value);
}

void bt_compare_script(struct bt_buf *s, const struct bt_compare *c,
                       const char *output, enum bt_chart_format fmt, int width,
                       int height)
{
    enum bt_lang l = c->lang;
    int fsize = BT_CHART_TEXT_MIN;
    struct bt_points *pts = bt_xcalloc(c->nlines + 1, sizeof *pts);
    bt_day lo = INT32_MAX, hi = INT32_MIN;
    double ylo = 0, yhi = -INFINITY;
    for (size_t i = 0; i < c->nlines; i++) {
        compare_points(c, &c->lines[i], &pts[i]);
        for (size_t k = 0; k < pts[i].n; k++)
            widen(pts[i].v[k].day, &lo, &hi);
        span(pts[i].v, pts[i].n, &ylo, &yhi);
    }
    if (c->from)
        lo = c->from;
    if (c->to)
        hi = c->to;
    size_t cols = width < 600 ? 2 : 4; /* the legend's columns */
    size_t rows = (c->nlines + cols - 1) / cols;
    bt_buf_puts(s, "reset\n");
    terminal(s, fmt, l, width, height + 18 * (int)(rows > 1 ? rows - 1 : 0), fsize);
    bt_buf_puts(s, "set output ");
    bt_gnuplot_quote_path(s, output);
    bt_buf_addf(s, "\nset encoding utf8\nset xdata time\nset timefmt '%%Y-%%m-%%d'\n"
                   "set grid\nset key outside bottom center horizontal maxcols %zu "
                   "font ',%d' samplen 3 width 1\nset bmargin %zu\n",
                cols, fsize, 4 + rows);
    time_axis(s, lo, hi, c->ind->freq == BT_FREQ_YEARLY);
    struct bt_buf head = {0};
    bt_buf_addf(&head, "%s%s%s", c->ind->name[l], c->subtitle ? " · " : "",
                c->subtitle ? c->subtitle : "");
    bt_buf_puts(s, "set title ");
    quote_wrapped(s, head.data, text_cols(width - 16, fsize + 2, fmt));
    bt_buf_addf(s, " font ',%d'\nset ylabel ", fsize + 2);
    bt_buf_release(&head);
    bt_gnuplot_quote(s, c->ind->shown_unit[l]);
    bt_buf_puts(s, "\n");
    y_axis(s, ylo, yhi, l, c->ind->shown_divisor[l]);
    for (size_t i = 0; i < c->nlines; i++) {
        char name[32];
        snprintf(name, sizeof name, "line%zu", i);
        datablock(s, name, pts[i].v, pts[i].n);
    }
    bt_buf_puts(s, "plot NaN notitle");
    name_plot(c->series, NULL);
    for (size_t i = 0; i < c->nlines; i++) {
        struct bt_buf cut = {0};
        cut_text(&cut, c->lines[i].label, 60);
        bt_buf_addf(s, ", $line%zu using 1:2 with %s lw 2 dt %zu pt 7 ps 0.6 "
                       "lc rgb '%s' title ", i,
                    pts[i].n > 40 ? "lines" : "linespoints",
                    i / BT_COMPARE_COLOURS % 4 + 1, bt_compare_colour(i));
        bt_gnuplot_quote(s, cut.data);
        name_plot(c->series, cut.data);
        bt_buf_release(&cut);
    }
    bt_buf_puts(s, "\nunset output\n");
    for (size_t i = 0; i < c->nlines; i++)
        bt_points_release(&pts[i]);
    free(pts);
}

void bt_panels_script(struct bt_buf *s, const struct bt_panel *p, size_t n,
                      size_t cols, const char *title, enum bt_lang lang,
                      const char *output, enum bt_chart_format fmt, int width,
                      int height, struct bt_buf *series)
{
    cols = n < cols ? (n ? n : 1) : cols ? cols : 1;
    size_t rows = (n + cols - 1) / cols;
    int fsize = BT_CHART_TEXT_MIN;
    bt_buf_puts(s, "reset\n");
    terminal(s, fmt, lang, width, height, fsize);
    bt_buf_puts(s, "set output ");
    bt_gnuplot_quote_path(s, output);
    bt_buf_addf(s, "\nset encoding utf8\nset multiplot layout %zu,%zu title ",
                rows ? rows : 1, cols);
    quote_wrapped(s, title, text_cols(width - 16, fsize + 3, fmt));
    bt_buf_addf(s, " font ',%d'\nset xdata time\nset timefmt '%%Y-%%m-%%d'\n"
                   "set xtics font ',%d'\nset ytics font ',%d'\n"
                   "set key off\nset grid\n", fsize + 3, fsize, fsize);
    double shared[2] = {0, -INFINITY};
    shared_span(p, n, shared);
    /* a panel's title: two lines at most */
    int title_cols = text_cols((double)width / (double)cols, fsize, fmt) - 2;
    size_t title_max = (size_t)title_cols * 2;
    for (size_t i = 0; i < n; i++) {
        const struct bt_panel *q = &p[i];
        struct bt_point marks[8];
        size_t nmarks = q->ind ? target_marks(q->ind, marks, 8) : 0;
        struct bt_points months = {0};
        if (q->daily && q->nobs > 60) {
            struct bt_derive month = {.period = BT_DERIVE_MONTH, .fn = BT_DERIVE_MEAN,
                                  .from_freq = BT_FREQ_DAILY};
            bt_derive_points(&month, q->obs, q->nobs, &months);
        }
        if (months.n < MONTHS_MIN)
            months.n = 0; /* a month or two: the days themselves */
        const struct bt_point *obs = months.n ? months.v : q->obs;
        size_t nobs = months.n ? months.n : q->nobs;
        bt_buf_puts(s, "unset object\nunset label\nset title ");
        struct bt_buf cut = {0};
        cut_text(&cut, q->title, title_max);
        quote_wrapped(s, cut.data, title_cols);
        bt_buf_release(&cut);
        bt_buf_addf(s, " font ',%d'\n", fsize);
        if (q->background)
            bt_buf_addf(s, "set object 1 rectangle from graph 0,0 to graph 1,1 "
                           "behind fc rgb '%s' fs solid 0.25 noborder\n",
                        q->background);
        struct bt_panel shown = *q;
        shown.obs = obs;
        shown.nobs = nobs;
        int zero = all_zero(q);
        if (zero)
            nobs = 0; /* nothing but zeros: said, not drawn */
        panel_axes(s, &shown, marks, nmarks, q->shared_y ? shared : NULL, lang);
        datablock(s, "obs", obs, nobs);
        datablock(s, "marks", marks, nmarks);
        if (nobs == 0) {
            if (!q->shared_y)
                bt_buf_puts(s, "unset ytics\n"); /* a scale of nothing */
            bt_buf_puts(s, "set label 1 ");
            bt_gnuplot_quote(s, zero ? bt_word(BT_W_ALL_ZERO, lang)
                                : q->empty ? q->empty : bt_word(BT_W_NO_DATA, lang));
            bt_buf_addf(s, " at graph 0.5,0.5 center font ',%d'\n", fsize);
        }
        bt_buf_puts(s, "plot NaN notitle");
        name_plot(series, NULL);
        if (nobs) {
            bt_buf_addf(s, ", $obs using 1:2 with %s lw 1.5 pt 7 ps 0.5 lc rgb '#1f77b4' notitle",
                        nobs > 60 ? "lines" : "linespoints");
            name_plot(series, q->title);
        }
        if (nmarks) {
            bt_buf_puts(s, ", $marks using 1:2 with points pt 9 ps 1 lc rgb '#d62728' notitle");
            name_plot(series, bt_word(BT_W_TARGET, lang));
        }
        bt_buf_puts(s, "\n");
        bt_points_release(&months);
    }
    bt_buf_puts(s, "unset multiplot\nunset output\n");
}

/* The first line of gnuplot's stderr that names an error ("line N:", or
 * '"script" line N:' from a file, whose name is dropped; warnings are
 * passed over), with the command before it when gnuplot echoed it. */
static void first_error(const char *err, struct bt_buf *out)
{
    const char *cmd = NULL;
    for (const char *p = err; p && *p;) {
        const char *eol = strchr(p, '\n');
        size_t n = eol ? (size_t)(eol - p) : strlen(p);
        const char *t = p;
        while (t < p + n && *t == ' ')
            t++;
        if (*t == '"' && memchr(t + 1, '"', (size_t)(p + n - t - 1))) {
            t = memchr(t + 1, '"', (size_t)(p + n - t - 1)) + 1;
            while (t < p + n && *t == ' ')
                t++;
        }
        const char *colon = memchr(t, ':', (size_t)(p + n - t));
        if (strncmp(t, "gnuplot> ", 9) == 0)
            cmd = t + 9;
        else if (strncmp(t, "line ", 5) == 0 && colon &&
                 strncmp(colon, ": warning:", 10) == 0)
            cmd = NULL; /* a warning, not what stopped gnuplot */
        else if (strncmp(t, "line ", 5) == 0) {
            bt_buf_add(out, t, (size_t)(p + n - t));
            if (cmd)
                bt_buf_addf(out, " in '%.*s'", (int)strcspn(cmd, "\n"), cmd);
            return;
        }
        p = eol ? eol + 1 : NULL;
    }
}

/* Writes all of data to fd; 0 or -1 (*e names path). */
static int write_fd(int fd, const char *path, const char *data, size_t len,
                    struct bt_error *e)
{
    while (len > 0) {
        ssize_t n = write(fd, data, len);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return bt_fail_errno(e, "cannot write '%s'", path);
        data += n;
        len -= (size_t)n;
    }
    return 0;
}

int bt_gnuplot_run(const char *program, const struct bt_buf *script,
                   const char *tmpdir, struct bt_buf *errout, struct bt_error *e)
{
    /* gnuplot reads a pipe a byte at a time: from a file it reads a long
     * script three times faster */
    if (!tmpdir || !*tmpdir)
        tmpdir = getenv("TMPDIR");
    struct bt_buf path = {0}, err = {0}, why = {0};
    bt_buf_addf(&path, "%s/baytrack-XXXXXX", tmpdir && *tmpdir ? tmpdir : "/tmp");
    int fd = mkstemp(path.data);
    if (fd < 0) {
        bt_fail_errno(e, "cannot create '%s'", path.data);
        bt_buf_release(&path);
        return -1;
    }
    int rc = write_fd(fd, path.data, script->data ? script->data : "",
                      script->len, e);
    if (close(fd) != 0 && rc == 0)
        rc = bt_fail_errno(e, "cannot write '%s'", path.data);
    if (rc == 0) {
        const char *argv[] = {program, path.data, NULL};
        rc = bt_spawn_stdin(argv, "", 0, &err, e);
    }
    unlink(path.data);
    if (rc != 0 && err.len) {
        /* gnuplot stops at the first error and exits 1 */
        first_error(err.data, &why);
        if (why.len)
            bt_fail(e, "gnuplot: %s", why.data);
    }
    if (errout) {
        bt_buf_release(errout);
        *errout = err;
    } else {
        bt_buf_release(&err);
    }
    bt_buf_release(&path);
    bt_buf_release(&why);
    return rc;
}
