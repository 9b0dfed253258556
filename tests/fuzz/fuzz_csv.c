/* libFuzzer target: bytes -> decoding -> CSV records -> a whole dataset
 * (every layout; SDMX-CSV and NBS with an --indicator), against a small
 * catalogue. Nothing may crash, leak or
 * hang, every problem must have a line, and the plain-line fast path must
 * read exactly what libcsv reads. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "base/csv_read.h"
#include "ingest/dataset_read.h"
#include "base/encoding.h"
#include "base/fileio.h"
#include "ingest/mapping.h"

/* Records as "line:len:field|..." so that any difference shows. */
static int keep(void *ctx, unsigned long line, const struct bt_field *f, size_t n)
{
    struct bt_buf *b = ctx;
    bt_buf_addf(b, "%lu:", line);
    for (size_t i = 0; i < n; i++) {
        bt_buf_addf(b, "%zu:", f[i].len);
        bt_buf_add(b, f[i].s, f[i].len);
    }
    bt_buf_add(b, "\n", 1);
    return 0;
}

static void same_both_ways(const char *text, size_t len)
{
    struct bt_buf a = {0}, b = {0};
    struct bt_diags da = BT_DIAGS_INIT, db = BT_DIAGS_INIT;
    int ra = bt_csv_read(text, len, keep, &a, &da);
    int rb = bt_csv_read_libcsv(text, len, keep, &b, &db);
    if (ra != rb || a.len != b.len || (a.len && memcmp(a.data, b.data, a.len)) ||
        da.n != db.n)
        abort(); /* the fast path read differently */
    bt_buf_release(&a);
    bt_buf_release(&b);
    bt_diags_release(&da);
    bt_diags_release(&db);
}

static struct bt_indicator inds[] = {
    {.id = "a.x", .freq = BT_FREQ_YEARLY},
    {.id = "b.y", .freq = BT_FREQ_DAILY},
};
static const struct bt_catalogue cat = {.v = inds, .n = 2};

/* The mapped layouts the input is also read through: a wide table with a
 * preamble and notes, a period split over columns with annual rows,
 * flags, marks, words and scales, a record-typed table (filters,
 * columns by position, title columns as one dimension), one with remark
 * columns ('next'), and a mapping of an SDMX-CSV file's dimensions. */
static const char *const map_texts[] = {
    "header 2\nnotes \"注：\" Source:\nskip blank short\nindicator a.x\n"
    "dimension region r\ntime header\nscale 亿\n",
    "header 1-2\nskip invalid\nindicator b.y\ntime year=Year month=Month "
    "day=Day\nannual a.x\nvalue \"v / n\" region=East\nvalue w\n"
    "dimension where \"w / n\"\n",
    "time date\nfiscal 4\nvalue a.x v flag=f scale=1e3\nvalue b.y w\n"
    "missing *** N.A.\nmeans Trace 0\nmarks \"#\" > \"(p)\"\n"
    "flag s\nnormal \"Normal value\"\n",
    "header 4\nkeep @1 Value \"\"\ndrop @2 Skip\nindicator a.x\n"
    "dimension item @2 @3 @4\ntime header\nignore \"(a)\" @9\nmissing N.A.\n"
    "scale thousand\n",
    "time @1\nvalue a.x @2 flag=@3\ndimension t @4 @5 \"T 3\"\nkeep @6 Value\n"
    "drop @7 \"\"\nskip blank short\n",
    "header 4\nkeep @1 Value\nindicator a.x\ndimension item @2 @3\n"
    "time header\nflag next\nnote next\nnormal Remark\nmissing N.A.\n",
    "indicator a.x\ndimension region REF_AREA\nkeep sex _T \"\"\ndrop @5 X\n"
    "ignore AGE OBS_STATUS\nvalue OBS_VALUE fixed=1 scale=1000\n"
    "alias region ISL Iceland\nmissing NA\n",
};
#define NMAPS (sizeof map_texts / sizeof *map_texts)
static struct bt_mapping maps[NMAPS];
static int maps_ready;

static void read_mapped(const char *text, size_t len)
{
    struct bt_error e;
    if (!maps_ready) {
        for (size_t i = 0; i < NMAPS; i++)
            if (bt_mapping_parse(&maps[i], map_texts[i], strlen(map_texts[i]),
                                 "m", &e) != 0)
                abort();
        maps_ready = 1;
    }
    for (size_t i = 0; i < NMAPS; i++) {
        struct bt_diags diags = BT_DIAGS_INIT;
        struct bt_dataset ds;
        bt_dataset_read_text(&ds, text, len, &cat, &maps[i], NULL, &diags);
        for (size_t k = 0; k < diags.n; k++)
            if (diags.v[k].line == 0)
                abort(); /* every problem has a place */
        bt_dataset_release(&ds);
        bt_diags_release(&diags);
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    struct bt_text text;
    struct bt_diags diags = BT_DIAGS_INIT;
    if (bt_text_decode((const char *)data, size, NULL, &text, &diags) == 0) {
        same_both_ways(text.buf, text.len);
        /* without --indicator (long, wide), and with it (SDMX, NBS) */
        for (int given = 0; given < 2; given++) {
            struct bt_dataset ds;
            bt_diags_truncate(&diags, 0);
            bt_dataset_read_text(&ds, text.buf, text.len, &cat, NULL,
                                 given ? "a.x" : NULL, &diags);
            for (size_t i = 0; i < diags.n; i++)
                if (diags.v[i].line == 0)
                    abort(); /* every problem has a place */
            bt_dataset_release(&ds);
        }
        read_mapped(text.buf, text.len);
    }
    bt_text_release(&text);
    bt_diags_release(&diags);
    return 0;
}
