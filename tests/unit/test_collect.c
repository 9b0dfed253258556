/* Unit tests: collect.c's names in done/ and failed/; SPOOL/rules */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "check.h"
#include "base/fileio.h"
#include "ingest/collect.h"
#include "ingest/spool_rules.h"

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

/* Writes text to DIR/name. */
static void put(const char *dir, const char *name, const char *text)
{
    char path[4096];
    struct bt_error e;
    snprintf(path, sizeof path, "%s/%s", dir, name);
    CHECK(bt_file_write_atomic(path, text, strlen(text), &e) == 0);
}

/* Rules: the first match wins, patterns are fnmatch's (a dot-file never
 * matches '*'), a mapping relative to the spool; every problem at its
 * place, a rule's broken mapping at the mapping's. */
static void test_rules(void)
{
    char dir[] = "/tmp/test_rules.XXXXXX";
    CHECK(mkdtemp(dir) != NULL);
    struct bt_spool_rules r;
    struct bt_diags d = BT_DIAGS_INIT;
    struct bt_error e;
    CHECK(bt_spool_rules_load(&r, dir, NULL, &d, &e) == 0 && r.n == 0); /* none */
    bt_spool_rules_release(&r);
    put(dir, "a.map", "indicator a.b\ntime Year\nvalue V\n");
    put(dir, "rules", "# comment\n\nnbs_*.csv --map a.map # night\n"
                      "nbs_m*.csv --encoding GB18030\n"
                      "\"x y.csv\" --encoding UTF-8 --map /abs.map\n");
    CHECK(bt_spool_rules_load(&r, dir, NULL, &d, &e) == 1); /* /abs.map is missing */
    CHECK(d.n == 1 && d.v[0].line == 5 && d.v[0].column == 34);
    bt_diags_release(&d);
    bt_spool_rules_release(&r);
    put(dir, "rules", "nbs_*.csv --map a.map\nnbs_m*.csv --encoding GB18030\n");
    CHECK(bt_spool_rules_load(&r, dir, NULL, &d, &e) == 0 && r.n == 2);
    const struct bt_spool_rule *x = bt_spool_rules_match(&r, "nbs_m2.csv");
    CHECK(x && x->line == 1 && x->map_path && strstr(x->map_path, "/a.map"));
    CHECK(bt_spool_rules_match(&r, ".nbs_m2.csv") == NULL);
    CHECK(bt_spool_rules_match(&r, "td.csv") == NULL);
    bt_spool_rules_release(&r);
    put(dir, "b.map", "time Year\nvalue V scale=7\n");
    put(dir, "rules", "a --map\nb --map b.map\nc --colour red\nd\n\"e\n"
                      "f --encoding X --encoding Y\n");
    CHECK(bt_spool_rules_load(&r, dir, NULL, &d, &e) == 1);
    struct bt_buf all = {0};
    bt_diags_text(&d, "x", 100, &all);
    char want[4096];
    snprintf(want, sizeof want,
             "%s/b.map:2:9: scale must be a power of ten from 1e-30 to 1e30 (1e8, 1000, 0.01) or "
             "thousand, million, billion, 万, 亿\n"
             "%s/rules:1:3: no value for '--map': a rule takes --map FILE, "
             "--indicator ID and --encoding NAME, each once with its value\n"
             "%s/rules:3:3: unknown option '--colour': a rule takes --map FILE, "
             "--indicator ID and --encoding NAME, each once with its value\n"
             "%s/rules:4:1: a rule is PATTERN OPTION...: give --map FILE, "
             "--indicator ID or --encoding NAME\n"
             "%s/rules:5:1: unterminated quote\n"
             "%s/rules:6:16: repeated option '--encoding': a rule takes --map "
             "FILE, --indicator ID and --encoding NAME, each once with its "
             "value\n",
             dir, dir, dir, dir, dir, dir);
    CHECK_STR(all.data, want);
    bt_buf_release(&all);
    bt_diags_release(&d);
    bt_spool_rules_release(&r);
    const char *names[] = {"a.map", "b.map", "rules"};
    for (size_t i = 0; i < 3; i++) {
        char path[4096];
        snprintf(path, sizeof path, "%s/%s", dir, names[i]);
        unlink(path);
    }
    rmdir(dir);
}

int main(void)
{
    test_names();
    test_rules();
    return CHECK_DONE();
}
