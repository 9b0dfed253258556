/* Unit tests: chart_gnuplot.c's quoting */
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

int main(void)
{
    test_quote();
    return CHECK_DONE();
}
