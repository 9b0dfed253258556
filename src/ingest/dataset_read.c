/* dataset_read.c - the one reader of every layout (see dataset_read.h). */
#include "dataset_read.h"

#include <stdlib.h>
#include <string.h>

#include "base/encoding.h"
#include "layout.h"

static const struct bt_layout bt_layout_mapped = {
    "mapped", NULL, bt_mapped_record, bt_mapped_finish, bt_mapped_release};

/* Indexed by enum layout. */
static const struct bt_layout *const layouts[] = {
    [LONG] = &bt_layout_long, [WIDE] = &bt_layout_wide,
    [MAPPED] = &bt_layout_mapped, [SDMX] = &bt_layout_sdmx,
    [NBS] = &bt_layout_nbs};
_Static_assert(sizeof layouts / sizeof *layouts == LAYOUT_N,
               "one layout per enum layout");

/* The layouts the first record may show, in the order they are tried. */
static const enum layout detected[] = {SDMX, NBS, LONG, WIDE};

/* Picks the layout at the first record: the mapping's, else the first
 * that recognises the record; 0, or -1 after a message. */
static int choose(struct parser *p, unsigned long line,
                  const struct bt_field *f, size_t n)
{
    p->chosen = 1;
    p->layout = MAPPED;
    if (p->map && layouts[SDMX]->detect(f, n)) {
        p->layout = SDMX; /* which reads the mapping's dimension statements */
    } else if (p->map && bt_mapping_incomplete(p->map)) {
        bt_diags_add_in(p->diags, p->map->path, p->map->lines, 1, "mapping "
                        "needs %s (a mapping without one is for an SDMX-CSV "
                        "file, and this file is not one)",
                        bt_mapping_incomplete(p->map));
        p->header_done = -1;
        p->ds->layout = "mapped";
        return -1;
    } else if (!p->map) {
        size_t i = 0, nd = sizeof detected / sizeof *detected;
        while (i < nd && !layouts[detected[i]]->detect(f, n))
            i++;
        if (i == nd) {
            bt_diags_add(p->diags, line, 1,
                         "unknown layout: the header should be 'indicator,date,"
                         "value' (long), 'indicator,PERIOD,...' (wide), SDMX-CSV "
                         "(STRUCTURE,... or DATAFLOW,...) or an NBS export "
                         "(数据库：...), or give a mapping with --map");
            p->chosen = 0;
            p->header_done = -1;
            p->ds->layout = "long";
            return -1;
        }
        p->layout = detected[i];
    }
    p->ds->layout = layouts[p->layout]->name;
    if (p->indicator && p->layout != SDMX && p->layout != NBS) {
        bt_diags_add(p->diags, line, 0, "--indicator names the indicator of "
                     "an SDMX-CSV or NBS file; a %s file names its own",
                     p->ds->layout);
        p->header_done = -1;
        return -1;
    }
    return 0;
}

static int on_record(void *vp, unsigned long line, const struct bt_field *f,
                     size_t n)
{
    struct parser *p = vp;
    if (!p->chosen && choose(p, line, f, n) != 0)
        return 1; /* no layout: every row is meaningless */
    return layouts[p->layout]->record(p, line, f, n);
}

/* Where the text comes from: a buffer, or a file streamed. */
struct source {
    const char *text;
    size_t len;
    const char *path;     /* NULL for text */
    const char *encoding; /* for path: NULL to detect */
};

static void parser_init(struct parser *p, struct bt_dataset *ds,
                        const struct bt_catalogue *cat,
                        const struct bt_mapping *map, const char *indicator,
                        struct bt_diags *diags);

/* One reading of a file: its parser, its CSV reader, and the problems
 * there were before it. */
struct reading {
    struct parser *p;
    struct bt_csv_reader r;
    size_t diags_at;
    struct bt_dataset counts; /* the dataset's counts before it */
};

/* Frees what the parser p holds for one reading (not p->ds). */
static void release_parser(struct parser *p)
{
    free(p->val_col);
    free(p->col_day);
    free(p->ignored);
    if (p->chosen && layouts[p->layout]->release)
        layouts[p->layout]->release(p);
    bt_buf_release(&p->dimkey);
    bt_buf_release(&p->dimraw);
    bt_buf_release(&p->key);
    bt_buf_release(&p->cite);
}

/* What was read is void (bt_text_fn): the reading starts over, with no
 * observation, count or problem of its own. A second reading keeps the
 * dataset and forgets the conflicts it had met. */
static void start_over(struct reading *rd)
{
    struct parser *p = rd->p;
    bt_csv_release(&rd->r);
    release_parser(p);
    if (p->locate) {
        for (size_t i = 0; i < p->nlocate; i++)
            p->locate[i].seen = 0;
        p->ds->rows = rd->counts.rows;
        p->ds->missing = rd->counts.missing;
        p->ds->bad_rows = rd->counts.bad_rows;
        memcpy(p->ds->skipped, rd->counts.skipped, sizeof p->ds->skipped);
    } else {
        bt_dataset_release(p->ds);
        p->ds->encoding = "UTF-8";
    }
    bt_diags_truncate(p->diags, rd->diags_at);
    struct parser fresh;
    parser_init(&fresh, p->ds, p->cat, p->map, p->indicator, p->diags);
    fresh.locate = p->locate;
    fresh.nlocate = p->nlocate;
    *p = fresh;
    bt_csv_init(&rd->r, on_record, p, p->diags, 1);
    p->csv = &rd->r;
}

static int feed_csv(void *ctx, const char *text, size_t len)
{
    struct reading *rd = ctx;
    if (!text) {
        start_over(rd);
        return 0;
    }
    return bt_csv_feed(&rd->r, text, len) != 0 ? 2 : 0;
}

/* Reads every record of src through the parser p. Returns 0, 1 when the
 * bytes are not text (in *diags), -1 when they cannot be read (*e). */
static int parse(struct parser *p, const struct source *src, struct bt_error *e)
{
    struct reading rd = {.p = p, .diags_at = p->diags->n, .counts = *p->ds};
    struct bt_csv_reader *r = &rd.r;
    bt_csv_init(r, on_record, p, p->diags, 1);
    p->csv = r;
    int rc = 0;
    if (src->path)
        rc = bt_text_stream(src->path, src->encoding, feed_csv, &rd,
                            &p->ds->encoding, p->diags, e);
    else
        bt_csv_feed(r, src->text, src->len);
    if (rc == 0 || rc == 2) {
        bt_csv_finish(r);
        p->ds->skipped[BT_DS_SKIP_EMPTY] += r->empty_lines;
        if (p->chosen && layouts[p->layout]->finish)
            layouts[p->layout]->finish(p);
        rc = 0;
    } else {
        bt_csv_release(r);
    }
    release_parser(p);
    return rc;
}

static void parser_init(struct parser *p, struct bt_dataset *ds,
                        const struct bt_catalogue *cat,
                        const struct bt_mapping *map, const char *indicator,
                        struct bt_diags *diags)
{
    *p = (struct parser){.ds = ds, .cat = cat, .map = map,
                         .indicator = indicator, .diags = diags};
    for (size_t c = 0; c < BT_COL_N; c++)
        p->col[c] = SIZE_MAX;
}

/* Reads src into ds (see bt_dataset_read_text). */
static int read_source(struct bt_dataset *ds, const struct source *src,
                       const struct bt_catalogue *cat,
                       const struct bt_mapping *map, const char *indicator,
                       struct bt_diags *diags, struct bt_error *e)
{
    memset(ds, 0, sizeof *ds);
    ds->encoding = "UTF-8";
    struct parser p;
    parser_init(&p, ds, cat, map, indicator, diags);
    size_t before = diags->n;
    int rc = parse(&p, src, e);
    if (rc != 0)
        return rc;
    if (!p.header_done && diags->n == before)
        bt_diags_add(diags, 1, 0, "file is empty: no header");
    if (diags->n != before)
        return 1;
    struct bt_ds_conflict *cs;
    size_t ncs;
    bt_dataset_group(ds, &cs, &ncs);
    if (ncs) {
        /* read again, only to say where each conflict is */
        struct parser q;
        parser_init(&q, ds, cat, map, indicator, diags);
        q.locate = cs;
        q.nlocate = ncs;
        size_t rows = ds->rows, missing = ds->missing;
        size_t skipped[BT_DS_SKIP_N];
        memcpy(skipped, ds->skipped, sizeof skipped);
        rc = parse(&q, src, e); /* counts the rows it reports as bad */
        ds->rows = rows;
        ds->missing = missing;
        memcpy(ds->skipped, skipped, sizeof skipped);
        free(cs);
        return rc != 0 ? rc : 1;
    }
    return 0;
}

int bt_dataset_read_text(struct bt_dataset *ds, const char *text, size_t len,
                         const struct bt_catalogue *cat,
                         const struct bt_mapping *map, const char *indicator,
                         struct bt_diags *diags)
{
    struct source src = {.text = text, .len = len};
    return read_source(ds, &src, cat, map, indicator, diags, NULL);
}

int bt_dataset_read_file(struct bt_dataset *ds, const char *path,
                         const char *encoding, const struct bt_catalogue *cat,
                         const struct bt_mapping *map, const char *indicator,
                         struct bt_diags *diags, struct bt_error *e)
{
    struct source src = {.path = path, .encoding = encoding};
    return read_source(ds, &src, cat, map, indicator, diags, e);
}
