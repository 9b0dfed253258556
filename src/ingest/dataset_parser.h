/* dataset_parser.h - what the layouts of dataset.c share (internal). */
#ifndef BT_DATASET_PARSER_H
#define BT_DATASET_PARSER_H

#include "base/csv_read.h"
#include "dataset.h"
#include "base/fileio.h"

enum layout { LONG, WIDE, MAPPED };

struct mapped; /* layout_mapped.c */

/* The reading of one file: what the header says about each column. */
struct parser {
    struct bt_dataset *ds;
    const struct bt_catalogue *cat;
    const struct bt_mapping *map;
    struct bt_diags *diags;
    struct bt_csv_reader *csv; /* the reader: rows past the header's width
                                  are counted, not kept (bt_csv_limit) */
    enum layout layout;
    int header_done;       /* 1 after a usable header, -1 after a bad one */
    size_t ncols;          /* fields every row must have */
    size_t col[BT_COL_N];  /* long: where each of bt_columns is, or
                              SIZE_MAX; wide: the indicator's (0) */
    struct bt_buf cite;    /* a row's source, outlet and published joined */
    size_t ndims;          /* dimension columns, sorted by name */
    size_t dim_col[BT_DIM_COLUMNS_MAX];
    char dim_name[BT_DIM_COLUMNS_MAX][64];
    size_t nval;           /* value columns (long: 1) */
    size_t *val_col;
    bt_day *col_day;       /* wide: the period of each column */
    unsigned char *ignored; /* columns with an empty header */
    const struct bt_indicator *last_ind; /* cache for the long layout */
    struct bt_buf dimkey;  /* the current row's "name\0value\0..." part */
    struct bt_buf key;
    uint32_t last_series;  /* the series of the previous observation */
    struct conflict *locate; /* second reading: where conflicts are */
    size_t nlocate;
    struct mapped *mapped; /* owned: the mapped layout's state */
};

/* Adds one observation of ind with the dimensions in p->dimkey; flag
 * (flaglen bytes, 0 for none), note and source (NULL or "" for none) are
 * kept beside it. */
void ds_add_obs(struct parser *p, const struct bt_indicator *ind, bt_day day,
                double v, const char *flag, size_t flaglen, const char *note,
                const char *source, unsigned long line, size_t col);

/* Reports at line:col, and returns -1, when a row's dimensions so far
 * (stem bytes, bt_dim_stem_len) make a series file name too long. */
int bt_stem_check(struct bt_diags *diags, unsigned long line, size_t col,
                  size_t stem);

/* The mapped layout: called for every record; returns 0 to go on. */
int bt_mapped_record(struct parser *p, unsigned long line,
                     const struct bt_field *f, size_t n);
/* After the last record: reports a header never met. */
void bt_mapped_finish(struct parser *p);
void bt_mapped_release(struct parser *p);

#endif
