/* Unit tests: collect.c's names in done/ and failed/ */
#include <stdlib.h>

#include "check.h"
#include "ingest/collect.h"

/* A file and its companions keep one name, with or without ".csv", and
 * a copy gets its number before the extension. */
static void test_names(void)
{
    static const struct {
        const char *name;
        unsigned k;
        const char *ext, *want;
    } cases[] = {
        {"night.csv", 1, NULL, "night.csv"},
        {"night.csv", 1, ".map", "night.map"},
        {"night.csv", 1, ".err", "night.err"},
        {"night.csv", 2, NULL, "night.2.csv"},
        {"night.csv", 2, ".map", "night.2.map"},
        {"night.csv", 12, ".err", "night.12.err"},
        {"night", 1, NULL, "night"},
        {"night", 1, ".map", "night.map"},
        {"night", 2, NULL, "night.2"},
        {"night", 3, ".err", "night.3.err"},
        {"x.csv.csv", 2, NULL, "x.csv.2.csv"},
        {"a.b.csv", 2, ".err", "a.b.2.err"},
        {"csv", 2, NULL, "csv.2"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        struct bt_buf b = {0};
        bt_spool_name(&b, cases[i].name, cases[i].k, cases[i].ext);
        CHECK_STR(b.data, cases[i].want);
        bt_buf_release(&b);
    }
}

int main(void)
{
    test_names();
    return CHECK_DONE();
}
