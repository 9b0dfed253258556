/* layout.h - what the layouts share (internal to the reading of a file).
 *
 * A layout turns the records of one CSV file into observations of a
 * struct bt_dataset. dataset_read.c, the one reader, feeds the records
 * and picks the layout from the file's first record (or the mapping);
 * each layout lives in its own file:
 *   layout_long.c    indicator,date,value[,...]: one observation a row
 *   layout_wide.c    indicator,PERIOD,PERIOD,...: one row per indicator
 *   layout_mapped.c  anything a struct bt_mapping describes
 *   layout_sdmx.c    SDMX-CSV 1.0 and 2.0, with or without a mapping (of
 *                    its dimensions: one without 'time')
 *   layout_nbs.c     the exports of the National Bureau of Statistics
 * layout.c holds the helpers they share: dimensions named by a header,
 * the frame of a row under a one-line header, and the adding of an
 * observation (which, on the second reading, locates conflicts instead).
 */
#ifndef BT_LAYOUT_H
#define BT_LAYOUT_H

#include "base/csv_read.h"
#include "dataset.h"
#include "base/fileio.h"
#include "mapping.h"

/* What an error about an indicator the catalogue lacks adds. */
#define BT_NOT_IN_CATALOGUE                                                \
    "not in the catalogue's indicators.csv (--catalogue or "              \
    "BAYTRACK_CATALOGUE; docs/catalogue.md says how to add one)"

/* The error at the cell of a row that fills one dimension too many. */
#define BT_DIMS_TOO_MANY                                                   \
    "more than " BT_STRINGIFY(BT_DIMS_MAX) " dimensions filled in one "    \
    "row; a mapping's 'ignore COLUMN' leaves one out (docs/mapping.md)"

enum layout { LONG, WIDE, MAPPED, SDMX, NBS, LAYOUT_N };

struct mapped; /* layout_mapped.c */
struct sdmx;   /* layout_sdmx.c */
struct nbs;    /* layout_nbs.c */

/* The reading of one file: what the header says about each column. */
struct parser {
    struct bt_dataset *ds;
    const struct bt_catalogue *cat;
    const struct bt_mapping *map;
    const char *indicator; /* load --indicator: the id of every value, or
                              NULL (the SDMX and NBS layouts need it) */
    struct bt_diags *diags;
    struct bt_csv_reader *csv; /* the reader: rows past the header's width
                                  are counted, not kept (bt_csv_limit) */
    enum layout layout;
    int chosen;            /* the layout was picked (by the first record) */
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
    struct bt_buf dimraw;  /* the cells dimkey was last made from by
                              bt_layout_row_dims_n, each as its length
                              and bytes: consecutive rows of one series
                              reuse it unchecked */
    int dimraw_ok;         /* dimraw holds the cells of dimkey */
    unsigned long dims_gen; /* bumped when bt_layout_row_dims_n makes a
                               new dimkey (0: it never did) */
    unsigned long last_gen; /* dims_gen when last_series was looked up */
    struct bt_buf key;
    uint32_t last_series;  /* the series of the previous observation */
    struct bt_ds_conflict *locate; /* second reading: where conflicts are */
    size_t nlocate;
    struct mapped *mapped; /* owned: the mapped layout's state */
    struct sdmx *sdmx;     /* owned: the SDMX layout's state */
    struct nbs *nbs;       /* owned: the NBS layout's state */
};

/* One layout: how the reader recognises and drives it. */
struct bt_layout {
    const char *name; /* the load summary's "(NAME layout)" */
    /* 1 when the file's first record f[0..n) opens this layout (NULL:
     * only a mapping selects it) */
    int (*detect)(const struct bt_field *f, size_t n);
    /* every record, the first one included: 0 to go on, 1 to stop */
    int (*record)(struct parser *p, unsigned long line,
                  const struct bt_field *f, size_t n);
    void (*finish)(struct parser *p);  /* after the last record, or NULL */
    void (*release)(struct parser *p); /* frees its state, or NULL */
};

extern const struct bt_layout bt_layout_long, bt_layout_wide, bt_layout_sdmx,
    bt_layout_nbs;

/* Adds one observation of ind with the dimensions in p->dimkey; flag
 * (flaglen bytes, 0 for none), note and source (NULL or "" for none) are
 * kept beside it. On the second reading (p->locate) it reports the
 * conflicting duplicates instead. */
void ds_add_obs(struct parser *p, const struct bt_indicator *ind, bt_day day,
                double v, const char *flag, size_t flaglen, const char *note,
                const char *source, unsigned long line, size_t col);

/* Reports at line:col, and returns -1, when a row's dimensions so far
 * (stem bytes, bt_dim_stem_len) make a series file name too long. */
int bt_stem_check(struct bt_diags *diags, unsigned long line, size_t col,
                  size_t stem);

/* Adds column col, named name, to the dimension columns (kept sorted);
 * reports at line:col+1 and returns -1 when there are too many or the
 * name is taken. */
/* Fails, at each one's place in the mapping, when an 'alias' names a
 * dimension not among names[0..n) (a misspelt name would alias nothing). */
int bt_layout_aliases_known(struct parser *p, const char *const *names,
                            size_t n);

int bt_layout_add_dim(struct parser *p, unsigned long line, size_t col,
                      const char *name);

/* Builds p->dimkey from the row's dimension cells (an empty cell: the
 * total over it); 0, or -1 after a message. */
int bt_layout_row_dims(struct parser *p, unsigned long line,
                       const struct bt_field *f);
/* The same where dimension i's value is the first len[i] bytes of its
 * cell (len NULL: the whole cell). */
int bt_layout_row_dims_n(struct parser *p, unsigned long line,
                         const struct bt_field *f, const size_t *len);

/* The common date cell at once: 1 and its day in *out when s[0..n) is a
 * valid YYYY-MM-DD (the day bt_period_parse gives it), else 0 (the
 * caller's parser reads it). */
int bt_layout_iso_day(const char *s, size_t n, bt_day *out);

/* The indicator named by cell f[col], or NULL after a message. */
const struct bt_indicator *bt_layout_indicator(struct parser *p,
                                               unsigned long line,
                                               const struct bt_field *f,
                                               size_t col);

/* The indicator of load --indicator, or NULL after a message on line
 * (what names the kind of file that needs it). */
const struct bt_indicator *bt_layout_given(struct parser *p,
                                           unsigned long line,
                                           const char *what);

/* Parses value cell f[col] into an observation of ind on day (or counts
 * it missing), with the flag, note and citation cells p->col names (the
 * long layout's; SIZE_MAX for none); a bad cell is reported. */
void bt_layout_value(struct parser *p, unsigned long line,
                     const struct bt_field *f, size_t col,
                     const struct bt_indicator *ind, bt_day day);

/* A layout with a one-line header: the first record goes to header
 * (which returns 0 or -1 after a message; the reader then stops there),
 * every later one is a data row, counted, checked to be as wide as the
 * header, with nothing in a column without a header, then given to row;
 * a row with any problem is counted bad. Returns what a record function
 * returns. */
int bt_layout_framed(struct parser *p, unsigned long line,
                     const struct bt_field *f, size_t n,
                     int (*header)(struct parser *p, unsigned long line,
                                   const struct bt_field *f, size_t n),
                     void (*row)(struct parser *p, unsigned long line,
                                 const struct bt_field *f));

/* The mapped layout: called for every record; returns 0 to go on. */
int bt_mapped_record(struct parser *p, unsigned long line,
                     const struct bt_field *f, size_t n);
/* After the last record: reports a header never met. */
void bt_mapped_finish(struct parser *p);
void bt_mapped_release(struct parser *p);

#endif
