/* Unit tests: series.c and mapping.c */
#include <stdlib.h>

#include "check.h"
#include "mapping.h"
#include "series.h"

static void test_ids(void)
{
    static const struct {
        const char *id;
        int ok;
    } cases[] = {
        {"immd.passengers.total", 1}, {"a", 1}, {"x-1_y.z", 1},
        {"", 0}, {"..", 0}, {"a..b", 0}, {"../etc", 0}, {"a/b", 0},
        {".hidden", 0}, {"Upper", 0}, {"a b", 0}, {"_x", 0},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        const char *why;
        CHECK((bt_id_check(cases[i].id, strlen(cases[i].id), &why) == 0) ==
              cases[i].ok);
    }
    char name[64];
    const char *why;
    CHECK(bt_dim_name("Arrival / Departure", 19, name, &why) == 0);
    CHECK_STR(name, "arrival_departure");
    CHECK(bt_dim_name("口岸", 6, name, &why) != 0);
    CHECK(bt_dim_value_check("a\tb", 3, &why) != 0);
}

static void test_files(void)
{
    struct bt_dim dims[] = {{"direction", "Arrival"},
                            {"control_point", "Lok Ma Chau/Spur=Line+50%"}};
    bt_dims_sort(dims, 2);
    struct bt_buf b = {0};
    bt_series_file(&b, "immd.passengers.total", dims, 2);
    CHECK_STR(b.data, "immd.passengers.total/control_point=Lok Ma Chau%2FSpur"
                      "%3DLine%2B50%25+direction=Arrival.rrd");
    struct bt_series_name s;
    CHECK(bt_series_name_parse(b.data, &s) == 0);
    CHECK(s.ndims == 2);
    CHECK_STR(s.indicator, "immd.passengers.total");
    CHECK_STR(s.dims[0].value, "Lok Ma Chau/Spur=Line+50%");
    bt_series_name_release(&s);
    b.len = 0;
    bt_series_file(&b, "a.b", NULL, 0);
    CHECK_STR(b.data, "a.b/_.rrd");
    CHECK(bt_series_name_parse(b.data, &s) == 0 && s.ndims == 0);
    bt_series_name_release(&s);
    CHECK(bt_series_name_parse("a.b/.tmp.rrd", &s) != 0);
    CHECK(bt_series_name_parse("../x/_.rrd", &s) != 0);
    CHECK(bt_series_name_parse("a/k=%zz.rrd", &s) != 0);
    bt_buf_release(&b);
}

static void test_mapping(void)
{
    static const char good[] =
        "# comment\n"
        "time \"Date\" DD-MM-YYYY\n"
        "dimension control_point \"Control Point\"\n"
        "value a.b \"Total \\\"all\\\"\"\n"
        "alias control_point \"Macau\" Macao  # trailing comment\n";
    struct bt_mapping m;
    struct bt_error e;
    CHECK(bt_mapping_parse(&m, good, strlen(good), "x.map", &e) == 0);
    CHECK_STR(m.time_pattern, "DD-MM-YYYY");
    CHECK_STR(m.values[0].column, "Total \"all\"");
    CHECK_STR(bt_mapping_alias(&m, "control_point", "Macau"), "Macao");
    CHECK_STR(bt_mapping_alias(&m, "control_point", "Airport"), "Airport");
    bt_mapping_release(&m);
    static const struct {
        const char *in, *err;
    } bad[] = {
        {"time Date\nvalue a.b \"x\n", "x.map:2:11: unterminated quote"},
        {"time Date YY\n", "x.map:1:1: date pattern needs YYYY, MM or M, and DD or D"},
        {"value a..x col\ntime d\n", "x.map:1:1: must not contain '..'"},
        {"value ../x col\ntime d\n", "x.map:1:1: must be lowercase letters, "
                                     "digits, '_', '.' and '-', starting with a "
                                     "letter or digit"},
        {"time d\n", "x.map:1:1: mapping needs a 'value' statement"},
        {"frobnicate x\n", "x.map:1:1: expected 'time COLUMN [PATTERN]', 'dimension "
                           "NAME COLUMN', 'value INDICATOR COLUMN' or 'alias "
                           "DIMENSION FROM TO'"},
        {"time d\ndimension \"Bad Name\" c\n", "x.map:2:1: dimension name must be "
                                              "lowercase letters, digits and '_'"},
    };
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
        CHECK(bt_mapping_parse(&m, bad[i].in, strlen(bad[i].in), "x.map", &e) != 0);
        CHECK_STR(e.msg, bad[i].err);
    }
}

int main(void)
{
    test_ids();
    test_files();
    test_mapping();
    return CHECK_DONE();
}
