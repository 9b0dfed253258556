/* Unit tests: series.c and mapping.c */
#include <stdlib.h>

#include "check.h"
#include "ingest/mapping.h"
#include "model/series.h"

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
    /* the long layout's columns: named exactly, never a dimension */
    for (int c = 0; c < BT_COL_N; c++)
        CHECK((int)bt_column_find(bt_columns[c], strlen(bt_columns[c])) == c);
    CHECK(bt_column_find("flag", 4) == BT_COL_FLAG);
    CHECK(bt_column_find("flags", 4) == BT_COL_FLAG); /* (s, n): 4 bytes */
    CHECK(bt_column_find("Flag", 4) == BT_COL_N);
    CHECK(bt_column_find("flags", 5) == BT_COL_N);
    CHECK(bt_column_find("", 0) == BT_COL_N);
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
    CHECK_STR(m.values[0].column.name, "Total \"all\"");
    CHECK_STR(bt_mapping_alias(&m, "control_point", "Macau"), "Macao");
    CHECK_STR(bt_mapping_alias(&m, "control_point", "Airport"), "Airport");
    bt_mapping_release(&m);
    static const struct {
        const char *in, *err;
    } bad[] = {
        {"time Date\nvalue a.b \"x\n", "x.map:2:11: unterminated quote"},
        {"time Date YY\n", "x.map:1:11: date pattern needs YYYY, MM or M, and DD or D"},
        {"value a..x col\ntime d\n", "x.map:1:7: must not contain '..'"},
        {"value ../x col\ntime d\n", "x.map:1:7: must be lowercase letters, "
                                     "digits, '_', '.' and '-', starting with a "
                                     "letter or digit"},
        {"time d\n", "x.map:1:1: mapping needs a 'value' statement"},
        {"frobnicate x\n", "x.map:1:1: unknown statement or wrong number of "
                           "words; docs/mapping.md lists them: header, notes, "
                           "skip, indicator, time, fiscal, annual, dimension, "
                           "value, keep, drop, ignore, alias, scale, missing, "
                           "means, marks, flag, note, normal"},
        {"time @0\nvalue a.b c\n", "x.map:1:6: a column by position is @N, N "
                          "from 1 to 65536 (in quotes, the column of that name)"},
        {"time d\nvalue a.b flag=@x c\n", "x.map:2:16: a column by position "
                          "is @N, N from 1 to 65536 (in quotes, the column of "
                          "that name)"},
        {"time d\nvalue a.b c\nkeep DataType\n", "x.map:3:1: expected 'keep "
                          "COLUMN VALUE...' or 'drop COLUMN VALUE...' (\"\" for "
                          "an empty cell)"},
        {"time d\nvalue a.b c\ndimension t @2 @3 @4 @5 @6 @7 @8 @9 @10 @11 @12\n",
         "x.map:3:45: at most 10 title columns"},
        {"time d\nvalue a.b c\ndimension t A\ndimension t B\n",
         "x.map:4:11: this dimension is given twice"},
        {"time d\nvalue x\n", "x.map:2:1: mapping needs an 'indicator' "
                               "statement, or an ID in each 'value'"},
        {"time header\nindicator a.b\nvalue c\n", "x.map:3:1: mapping needs "
                          "no 'value' statement with 'time header' (every "
                          "column not otherwise named is a period)"},
        {"time d\nvalue a.b c scale=7\n", "x.map:2:13: scale must be a power "
                          "of ten from 1e-30 to 1e30 (1e8, 1000, 0.01) or thousand, million, "
                          "billion, 万, 亿"},
        {"time d\nvalue a.b c flag=x scale=1e8 d\n", "x.map:2:30: a value "
                          "names at most an indicator and a column; options "
                          "are KEY=VALUE"},
        {"header 0\n", "x.map:1:8: expected a line number, or two as "
                       "FIRST-LAST (at most 10 header rows)"},
        {"header 5-3\n", "x.map:1:8: expected a line number, or two as "
                         "FIRST-LAST (at most 10 header rows)"},
        {"skip empty\n", "x.map:1:6: expected blank, short or invalid"},
        {"fiscal 1\n", "x.map:1:8: a financial year starts in a month from 2 "
                       "(February) to 12 (December)"},
        {"means Trace lots\n", "x.map:1:13: expected a number"},
        {"time year=Y\nvalue a.b c\nannual skip\n", "x.map:3:1: mapping needs "
                          "'time year=... month=...' for 'annual'"},
        {"time year=Y month=M week=W\n", "x.map:1:21: expected year=COLUMN, "
                          "month=COLUMN and day=COLUMN, each once"},
        {"time d\nvalue a.b c scale=2 flag=F direction=\"in out\"\n",
         NULL},
        {"time d\nvalue a.b c flag=x\"\n", "x.map:2:19: unterminated quote"},
        {"\"time\" d\n", "x.map:1:1: a statement begins with a keyword"},
        {"time d\ndimension \"Bad Name\" c\n", "x.map:2:11: dimension name must be "
                                              "lowercase letters, digits and '_'"},
    };
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
        if (!bad[i].err) { /* scale=2 is not a power of ten */
            CHECK(bt_mapping_parse(&m, bad[i].in, strlen(bad[i].in), "x.map", &e) != 0);
            continue;
        }
        CHECK(bt_mapping_parse(&m, bad[i].in, strlen(bad[i].in), "x.map", &e) != 0);
        CHECK_STR(e.msg, bad[i].err);
    }
    /* every problem of a mapping, not only the first */
    {
        static const char two[] = "time d\nfrobnicate\nvalue a..b c\nskip x\n";
        struct bt_diags d = BT_DIAGS_INIT;
        struct bt_buf all = {0};
        CHECK(bt_mapping_parse_all(&m, two, strlen(two), "x.map", &d) != 0);
        bt_diags_text(&d, "file.csv", 100, &all);
        CHECK_STR(all.data, "x.map:2:1: unknown statement or wrong number of "
                  "words; docs/mapping.md lists them: header, notes, skip, "
                  "indicator, time, fiscal, annual, dimension, value, keep, "
                  "drop, ignore, alias, scale, missing, means, marks, flag, "
                  "note, normal\n"
                  "x.map:3:7: must not contain '..'\n"
                  "x.map:4:6: expected blank, short or invalid\n");
        CHECK(bt_mapping_parse(&m, two, strlen(two), "x.map", &e) != 0);
        CHECK(strstr(e.msg, "(and 2 more problems)") != NULL);
        bt_buf_release(&all);
        bt_diags_release(&d);
    }
    /* columns by position, keep and drop, title columns */
    {
        static const char rec[] =
            "header 4\nkeep @1 Value\ndrop \"@2\" \"\" N.A.\nindicator a.b\n"
            "dimension item @2 @3 \"Title 3\"\ntime header\n"
            "ignore \"(a)\" @9\n";
        CHECK(bt_mapping_parse(&m, rec, strlen(rec), "x.map", &e) == 0);
        CHECK(m.nfilters == 2 && m.filters[0].keep && !m.filters[1].keep);
        CHECK(m.filters[0].column.pos == 1 && !m.filters[0].column.name);
        CHECK_STR(m.filters[1].column.name, "@2");
        CHECK(m.filters[1].nvalues == 2);
        CHECK_STR(m.filters[1].values[0], "");
        CHECK(m.ndims == 1 && m.dims[0].nlevels == 3);
        CHECK(m.dims[0].levels[1].pos == 3 && m.dims[0].levels[1].at.line == 5);
        CHECK(m.dims[0].levels[1].at.col == 19);
        CHECK_STR(m.dims[0].levels[2].name, "Title 3");
        CHECK(m.nignored == 2 && m.ignored[1].pos == 9);
        bt_mapping_release(&m);
    }
    /* remark columns: 'next', unless quoted */
    {
        static const char rem[] = "time header\nindicator a.b\nflag next\n"
                                  "note \"next\"\n";
        CHECK(bt_mapping_parse(&m, rem, strlen(rem), "x.map", &e) == 0);
        CHECK(m.flag_column.next && !m.flag_column.name && m.flag_column.at.col == 6);
        CHECK(!m.note_column.next);
        CHECK_STR(m.note_column.name, "next");
        bt_mapping_release(&m);
        static const char val[] = "time Y\nvalue a.b V flag=next note=@9\n";
        CHECK(bt_mapping_parse(&m, val, strlen(val), "x.map", &e) == 0);
        CHECK(m.values[0].flag_column.next && m.values[0].note_column.pos == 9);
        bt_mapping_release(&m);
    }
    /* without 'time': a mapping of an SDMX-CSV file, checked against it */
    {
        static const char sdmx[] = "indicator a.b\ndimension region REF_AREA\n"
                                   "keep SEX _T\nignore AGE\nvalue OBS_VALUE x=y\n";
        CHECK(bt_mapping_parse(&m, sdmx, strlen(sdmx), "x.map", &e) == 0);
        CHECK(!m.has_time && m.said[BT_MS_KEEP].line == 3);
        CHECK(m.said[BT_MS_VALUE].line == 5 && !m.said[BT_MS_TIME].line);
        CHECK(m.lines == 5);
        CHECK_STR(bt_mapping_incomplete(&m), "a 'time' statement");
        bt_mapping_release(&m);
        static const char marks[] = "indicator a.b\nmarks \"#\"\nkeep S _T\n";
        CHECK(bt_mapping_parse(&m, marks, strlen(marks), "x.map", &e) != 0);
        CHECK_STR(e.msg, "x.map:3:1: mapping needs a 'time' statement; "
                  "without one it is a mapping for an SDMX-CSV file, where "
                  "'marks' (line 2) does not apply");
    }
    /* the new statements, all at once */
    static const char full[] =
        "header 3-6\nnotes \"注：\" Source:\nskip blank short\n"
        "indicator a.b\ntime year=\"Year\" month=Month\nfiscal April\n"
        "annual c.d\ndimension region \"Country/region\"\n"
        "value \"X / Y\" scale=亿 flag=\"X_INDI\" direction=Arrival\n"
        "value e.f Z\nscale 1e3\nmissing *** N.A. \"[-]\"\nmeans Trace 0\n"
        "marks \"#\" * \"(p)\"\nflag Status\nnormal \"Normal value\"\n";
    if (bt_mapping_parse(&m, full, strlen(full), "x.map", &e) != 0)
        fprintf(stderr, "%s\n", e.msg), exit(1);
    CHECK(m.header_first == 3 && m.header_last == 6);
    CHECK(m.nnotes == 2 && m.skip == (BT_MAP_SKIP_BLANK | BT_MAP_SKIP_SHORT));
    CHECK(m.time == BT_TIME_PARTS && m.fiscal_start == 4);
    CHECK_STR(m.year_column.name, "Year");
    CHECK_STR(m.month_column.name, "Month");
    CHECK_STR(bt_mapping_annual(&m, "a.b"), "c.d");
    CHECK(m.nvalues == 2 && !m.values[0].indicator && m.values[0].exp10 == 8);
    CHECK_STR(m.values[0].column.name, "X / Y");
    CHECK_STR(m.values[0].flag_column.name, "X_INDI");
    CHECK_STR(m.values[0].fixed[0].name, "direction");
    CHECK_STR(m.values[0].fixed[0].value, "Arrival");
    CHECK_STR(m.values[1].indicator, "e.f");
    CHECK(m.exp10 == 3 && m.nwords == 4 && m.words[3].value == 0 &&
          !m.words[3].missing);
    CHECK(m.nmarks == 3);
    CHECK_STR(m.marks[0], "#"); /* sorted by bytes */
    CHECK(m.nmark_lens == 2 && m.mark_lens[0] == 3 && m.mark_lens[1] == 1);
    CHECK_STR(m.flag_column.name, "Status");
    CHECK_STR(m.normal[0], "Normal value");
    bt_mapping_release(&m);
}

/* The mark on a value: the longest that ends or begins the cell and
 * leaves something; of two as long, the one after the number; marks given
 * twice or over several statements count once. */
static void test_marks(void)
{
    static const char map[] =
        "time t\nindicator a.b\nvalue v\nmarks \"#\" * \"(p)\" r\n"
        "marks p) \"#\" > \"(p)\"\n";
    static const struct {
        const char *cell, *mark;
        int after;
    } cases[] = {
        {"123#", "#", 1}, {"#123", "#", 0}, {"123(p)", "(p)", 1},
        {"123p)", "p)", 1}, {">8000", ">", 0}, {"r5#", "#", 1},
        {"#", "", 0}, {"(p)", "p)", 1}, {"12", "", 0}, {"", "", 0},
        {"*5r", "r", 1}, {"12 3", "", 0},
    };
    struct bt_mapping m;
    struct bt_error e;
    if (bt_mapping_parse(&m, map, strlen(map), "x.map", &e) != 0)
        fprintf(stderr, "%s\n", e.msg), exit(1);
    CHECK(m.nmarks == 6);
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        const char *c = cases[i].cell;
        size_t n = strlen(c);
        int after = -1;
        size_t k = bt_mapping_mark(&m, c, n, &after);
        char got[16];
        snprintf(got, sizeof got, "%.*s", (int)k, k ? (after ? c + n - k : c) : "");
        CHECK_STR(got, cases[i].mark);
        CHECK(!k || after == cases[i].after);
    }
    bt_mapping_release(&m);
}

int main(void)
{
    test_ids();
    test_files();
    test_mapping();
    test_marks();
    return CHECK_DONE();
}
