/* Unit tests: dataset.c, the three layouts and every kind of bad row. */
#include <stdlib.h>

#include "check.h"
#include "ingest/dataset_read.h"

static struct bt_indicator inds[] = {
    {.id = "a.x", .freq = BT_FREQ_YEARLY},
    {.id = "b.y", .freq = BT_FREQ_DAILY},
};
static const struct bt_catalogue cat = {.v = inds, .n = 2};

/* Parses text; returns the problems as "L:C: msg\n" lines, and the
 * observations as "series@date=value;" in *obs. */
static void parse(const char *text, const struct bt_mapping *map,
                  struct bt_buf *diag, struct bt_buf *obs)
{
    struct bt_dataset ds;
    struct bt_diags d = BT_DIAGS_INIT;
    diag->len = obs->len = 0;
    bt_buf_add(diag, "", 0);
    bt_buf_add(obs, "", 0);
    bt_dataset_read_text(&ds, text, strlen(text), &cat, map, NULL, &d);
    bt_diags_sort(&d);
    for (size_t i = 0; i < d.n; i++)
        bt_buf_addf(diag, "%lu:%lu: %s\n", d.v[i].line, d.v[i].column, d.v[i].msg);
    for (size_t i = 0; i < ds.nseries && d.n == 0; i++) {
        const struct bt_ds_series *s = &ds.series[i];
        struct bt_buf label = {0};
        bt_series_label(&label, s->ind->id, s->dims, s->ndims);
        for (size_t k = 0; k < s->count; k++) {
            char date[11];
            bt_date_format(s->obs[k].day, date);
            bt_buf_addf(obs, "%s@%s=%g;", label.data, date, s->obs[k].value);
        }
        bt_buf_release(&label);
    }
    bt_diags_release(&d);
    bt_dataset_release(&ds);
}

int main(void)
{
    static const struct {
        const char *in, *obs, *diag;
    } cases[] = {
        {"indicator,date,value\na.x,2021,1\na.x,2020,\"1,186\"\n",
         "a.x@2020-12-31=1186;a.x@2021-12-31=1;", ""},
        {"date,value,indicator,note,City\n2024年6月,5,a.x,hi,广州\n",
         "a.x{city=广州}@2024-06-30=5;", ""},
        {"indicator,date,value\na.x,2020,-\na.x,2021,N/A\n", "", ""},
        {"indicator,2020,2021Q2\na.x,1,2\nb.y,,3\n",
         "a.x@2020-12-31=1;a.x@2021-06-30=2;b.y@2021-06-30=3;", ""},
        {"indicator,date,value\na.x,2020,1\na.x,2020,1\n", "a.x@2020-12-31=1;", ""},
        /* every kind of bad row, with its place */
        {"indicator,date,value\nz.z,2020,1\n", "", "2:1: unknown indicator 'z.z'\n"},
        {"indicator,date,value\na.x,2020,abc\n", "", "2:3: value 'abc': not a number\n"},
        {"indicator,date,value\na.x,2023-02-29,1\n", "",
         "2:2: date '2023-02-29': impossible date\n"},
        {"indicator,date,value\na.x,someday,1\n", "",
         "2:2: date 'someday': not a date or period\n"},
        {"indicator,date,value\na.x,2020\n", "", "2:3: expected 3 fields, found 2\n"},
        {"indicator,date,value\na.x,2020,1,9\n", "", "2:4: expected 3 fields, found 4\n"},
        {"indicator,date,value\na.x,2020,\"1\n", "", "2:3: unterminated quoted field\n"},
        {"indicator,date,value\na.x,2020,1\na.x,2020,2\n", "",
         "3:3: conflicting duplicate: 'a.x' for 2020-12-31 is 2 here but 1 on line 2\n"},
        {"indicator,date,value,\na.x,2020,1,x\n", "",
         "2:4: value 'x' in a column without a header\n"},
        {"what,ever\n1,2\n", "",
         "1:1: unknown layout: the header should be 'indicator,date,value' (long), "
         "'indicator,PERIOD,...' (wide), SDMX-CSV (STRUCTURE,... or DATAFLOW,...) "
         "or an NBS export (数据库：...), or give a mapping with --map\n"},
        {"indicator,2020,total\na.x,1,2\n", "",
         "1:3: column 'total' is not a period (not a date or period); a wide "
         "file has 'indicator' then one column per period\n"},
        {"indicator,date,value,city\na.x,2020,1,\n", "a.x@2020-12-31=1;", ""},
        /* rows of a series reuse the last row's dimensions: not across
         * another series, another indicator or a total between */
        {"indicator,date,value,city\na.x,2020,1,A\na.x,2021,2,A\na.x,2020,3,B\n"
         "b.y,2020-01-01,4,B\na.x,2022,5,A\na.x,2023,6,\na.x,2024,7,A\n",
         "a.x{city=A}@2020-12-31=1;a.x{city=A}@2021-12-31=2;"
         "a.x{city=A}@2022-12-31=5;a.x{city=A}@2024-12-31=7;"
         "a.x{city=B}@2020-12-31=3;b.y{city=B}@2020-01-01=4;a.x@2023-12-31=6;", ""},
        /* ... nor hide a bad cell given twice, or one after a good row */
        {"indicator,date,value,city\na.x,2020,1,\x01\na.x,2021,1,\x01\n"
         "a.x,2022,1,A\na.x,2023,1,A\x7f\n", "",
         "2:4: city '\\x01' contains a control character\n"
         "3:4: city '\\x01' contains a control character\n"
         "5:4: city 'A\\x7f' contains a control character\n"},
        /* C1 (NEL) and the line separator are refused as well */
        {"indicator,date,value,city\na.x,2020,1,A\xc2\x85Z\na.x,2021,1,A\xe2\x80\xa8Z\n"
         "a.x,2022,1,A\xe2\x80\xa7Z\n", "",
         "2:4: city 'A\\x85Z' contains a control character\n"
         "3:4: city 'A\\u2028Z' contains a line separator (U+2028 or U+2029)\n"},
        /* U+2027, beside them, is no separator */
        {"indicator,date,value,city\na.x,2022,1,A\xe2\x80\xa7Z\n",
         "a.x{city=A\xe2\x80\xa7Z}@2022-12-31=1;", ""},
        {"", "", "1:0: file is empty: no header\n"},
        {"indicator,date,value\na.x,1969,1\n", "",
         "2:2: date '1969': before 1970-01-02, which RRD files cannot hold\n"},
    };
    struct bt_buf diag = {0}, obs = {0};
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        parse(cases[i].in, NULL, &diag, &obs);
        CHECK_STR(diag.data, cases[i].diag);
        CHECK_STR(obs.data, cases[i].obs);
    }

    static const char map_text[] =
        "time \"Date\" DD-MM-YYYY\n"
        "dimension control_point \"Control Point\"\n"
        "value b.y \"Total\"\n"
        "alias control_point \"Macau\" \"Macao\"\n";
    struct bt_mapping m;
    struct bt_error e;
    CHECK(bt_mapping_parse(&m, map_text, strlen(map_text), "m", &e) == 0);
    parse("Date,Control Point,Total,\n31-12-2025,Macau,5,\n01-01-2026,Macao,6,\n",
          &m, &diag, &obs);
    CHECK_STR(diag.data, "");
    CHECK_STR(obs.data, "b.y{control_point=Macao}@2025-12-31=5;"
                        "b.y{control_point=Macao}@2026-01-01=6;");
    parse("Date,Where,Total\n", &m, &diag, &obs);
    CHECK_STR(diag.data, "2:25: header has no column 'Control Point' named by the "
                         "mapping's dimension 'control_point'; its columns "
                         "are: 'Date', 'Where', 'Total'\n");
    parse("Date,Control Point,Total\n2026-01-01,Macao,6\n", &m, &diag, &obs);
    CHECK_STR(diag.data, "2:1: date '2026-01-01': date does not match the "
                         "mapping's format\n");
    bt_mapping_release(&m);
    bt_buf_release(&diag);
    bt_buf_release(&obs);
    return CHECK_DONE();
}
