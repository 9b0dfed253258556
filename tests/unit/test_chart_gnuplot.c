/* Unit tests: chart_gnuplot.c's quoting and small multiples */
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

int main(void)
{
    test_quote();
    test_panels();
    return CHECK_DONE();
}
