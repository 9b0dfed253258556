/* Unit tests: chart_gnuplot.c's quoting and small multiples */
#include <float.h>
#include <math.h>
#include <stdlib.h>

#include "site/chart_gnuplot.h"
#include "check.h"

/* Text stays text (control characters become spaces); a file name is
 * kept exactly, its control characters as octal escapes in double quotes
 * of their own. */
static void test_quote(void)
{
    static const struct {
        const char *in, *text, *path;
    } cases[] = {
        {"a.svg", "'a.svg'", "'a.svg'"},
        {"it's", "'it'.\"'\".'s'", "'it'.\"'\".'s'"},
        {"r\nx.svg", "'r x.svg'", "'r'.\"\\012\".'x.svg'"},
        {"\t`id`@x", "' `id`@x'", "''.\"\\011\".'`id`@x'"},
        {"del\x7f", "'del '", "'del'.\"\\177\".''"},
        {"$(x) \"q\"", "'$(x) \"q\"'", "'$(x) \"q\"'"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        struct bt_buf t = {0}, p = {0};
        bt_gnuplot_quote(&t, cases[i].in);
        bt_gnuplot_quote_path(&p, cases[i].in);
        CHECK_STR(t.data, cases[i].text);
        CHECK_STR(p.data, cases[i].path);
        bt_buf_release(&t);
        bt_buf_release(&p);
    }
}

/* The number of times needle occurs in hay. */
static size_t count(const char *hay, const char *needle)
{
    size_t n = 0;
    for (const char *p = hay; (p = strstr(p, needle)) != NULL; p++)
        n++;
    return n;
}

/* Small multiples: on one y scale when shared (the largest panel's), each
 * on its own otherwise; an all-zero panel says so and draws no line. */
static void test_panels(void)
{
    struct bt_point big[2] = {{20000, 100}, {20365, 20000}};
    struct bt_point small[2] = {{20000, 50}, {20365, 800}};
    struct bt_point zero[2] = {{20000, 0}, {20365, 0}};
    struct bt_panel p[3] = {{"big", big, 2, NULL, NULL, NULL, 0, 0},
                            {"small", small, 2, NULL, NULL, NULL, 0, 0},
                            {"zero", zero, 2, NULL, NULL, NULL, 0, 0}};
    struct bt_buf own = {0}, shared = {0};
    bt_panels_script(&own, p, 3, 4, "t", BT_LANG_EN, "x.svg", BT_CHART_SVG, 800,
                     300, NULL);
    for (size_t i = 0; i < 3; i++)
        p[i].shared_y = 1;
    bt_panels_script(&shared, p, 3, 4, "t", BT_LANG_EN, "x.svg", BT_CHART_SVG, 800,
                     300, NULL);
    CHECK(count(own.data, "set yrange [0:25000]") == 1);
    CHECK(count(own.data, "set yrange [0:1000]") == 1);
    CHECK(count(shared.data, "set yrange [0:25000]") == 3);
    CHECK(count(own.data, "'no data: every value is 0'") == 1);
    CHECK(count(own.data, " with linespoints ") == 2); /* not the zero one */
    CHECK(count(own.data, "unset ytics") == 1 && count(shared.data, "unset ytics") == 0);
    bt_buf_release(&own);
    bt_buf_release(&shared);
}

/* Any figures give a finite y axis: no nan or inf reaches the script
 * (gnuplot stops at an undefined variable nan), at the extremes of a
 * double, for denormals, equal values, one point and none. */
static void test_extreme_axes(void)
{
    static const double cases[][2] = {
        {4.9e-324, 4.9e-324}, {DBL_MIN, DBL_MIN / 4}, {1e308, 1e308},
        {-1e308, -1e308},     {1e308, -1e308},        {DBL_MAX, DBL_MAX},
        {-DBL_MAX, DBL_MAX},  {1e303, 4.9e-324},      {0, 0},
        {5, 5},               {-5, -5},               {INFINITY, -INFINITY},
        {NAN, 1},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        for (size_t n = 0; n <= 2; n++) {
            struct bt_point pts[2] = {{20000, cases[i][0]}, {20001, cases[i][1]}};
            struct bt_panel p = {"x", pts, n, NULL, NULL, NULL, 0, 0};
            struct bt_buf s = {0};
            bt_panels_script(&s, &p, 1, 1, "t", BT_LANG_EN, "x.svg", BT_CHART_SVG,
                             800, 300, NULL);
            const char *y = strstr(s.data, "set yrange [");
            CHECK(y != NULL);
            const char *end = y ? strstr(y, "\nset ytics (") : NULL;
            CHECK(end != NULL);
            if (end)
                end = strchr(end + 12, '\n');
            if (y && end) {
                char axis[2048];
                size_t len = (size_t)(end - y) < sizeof axis - 1 ? (size_t)(end - y)
                                                                 : sizeof axis - 1;
                memcpy(axis, y, len);
                axis[len] = 0;
                if (strstr(axis, "nan") || strstr(axis, "inf"))
                    fprintf(stderr, "case %zu (%zu points): %s\n", i, n, axis);
                CHECK(!strstr(axis, "nan") && !strstr(axis, "inf"));
                CHECK(count(axis, "', ") <= 12); /* about five tics */
            }
            bt_buf_release(&s);
        }
    }
}

int main(void)
{
    test_extreme_axes();
    test_quote();
    test_panels();
    return CHECK_DONE();
}
