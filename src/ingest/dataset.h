/* dataset.h - one input CSV file turned into checked observations.
 *
 * Layouts (chosen from the header, or by a mapping):
 *   long    indicator,date,value[,unit][,flag][,CITATION...][,DIMENSION...]
 *           any order; CITATION is note, source, outlet, published, url
 *           or quote: each observation keeps its note, and its source,
 *           outlet and published joined as its source (url and quote stay
 *           in the file); unit is checked against the catalogue's; every
 *           other column is a dimension named by its header (bt_dim_name),
 *           unless that name is one of these columns (series.h
 *           bt_columns): 'Flag' is refused at its cell, since its export
 *           would read back as the flag column
 *   wide    indicator,PERIOD,PERIOD,...  one row per indicator
 *   mapped  anything a struct bt_mapping describes (layout_mapped.c)
 * Columns with an empty header (a trailing comma) are ignored. A long
 * file's 'flag' column gives each observation's flag. An empty dimension
 * cell leaves that dimension out: the row is the total over it.
 *
 * Nothing here touches the database: read, then load.c applies the
 * result.
 */
#ifndef BT_DATASET_H
#define BT_DATASET_H

#include <stddef.h>
#include <stdint.h>

#include "model/catalogue.h"
#include "base/error.h"
#include "mapping.h"
#include "base/period.h"
#include "model/series.h"

/* One observation: 12 bytes, so that millions fit in little memory. It
 * keeps no place in the file: the rare conflicting duplicate is located
 * by reading the file a second time. */
struct bt_obs {
    double value;
    bt_day day;
} __attribute__((packed));

/* Observations as they are met, in chunks that grow (no slack of a
 * doubled array per series). */
struct bt_obs_chunk {
    struct bt_obs_chunk *next;
    uint32_t n, cap;
    struct bt_obs v[];
};

/* An observation's flag (provisional, estimated, a bound...), note and
 * source (flags.h). */
struct bt_ds_flag {
    uint32_t series;
    bt_day day;
    size_t seq;   /* order met */
    char *text;   /* "" for none; owned */
    char *note;   /* "" for none; owned */
    char *source; /* "" for none; owned */
};

/* Lines a mapping says to pass over, by reason (bt_ds_skip_names). */
enum bt_ds_skip {
    BT_DS_SKIP_PREAMBLE, /* before the header */
    BT_DS_SKIP_NOTES,    /* from a 'notes' line to the end */
    BT_DS_SKIP_BLANK,
    BT_DS_SKIP_SHORT,
    BT_DS_SKIP_INVALID,
    BT_DS_SKIP_ANNUAL,   /* 'annual skip' */
    BT_DS_SKIP_N
};
extern const char *const bt_ds_skip_names[BT_DS_SKIP_N];

/* A series met in the file. */
struct bt_ds_series {
    const struct bt_indicator *ind;
    struct bt_dim dims[BT_DIMS_MAX]; /* sorted by name, into key */
    size_t ndims;
    char *key;    /* owned: "indicator" then "\x1fname\x1evalue"... */
    size_t keylen;
    struct bt_obs *obs; /* owned, after reading: sorted by day, each once */
    size_t count;
    struct bt_obs_chunk *head, *tail; /* owned, while parsing */
    const struct bt_ds_flag *flags;   /* borrowed from the dataset: its */
    size_t nflags;                    /* flagged days, sorted */
};

/* Everything read from one file. Owns its memory. */
struct bt_dataset {
    const char *layout; /* "long", "wide" or "mapped" */
    const char *encoding; /* what the file was read as */
    struct bt_ds_series *series;
    size_t nseries, series_cap;
    uint32_t *table; /* hash of series keys: index + 1, 0 for empty */
    size_t table_cap;
    size_t nobs;     /* observations kept (distinct) */
    size_t rows;     /* data rows read (header excluded) */
    size_t missing;  /* cells marked missing */
    size_t bad_rows; /* rows with at least one problem */
    size_t skipped[BT_DS_SKIP_N]; /* lines passed over, by reason */
    struct bt_ds_flag *flags;     /* owned */
    size_t nflags, flags_cap;
    int has_notes, has_sources;   /* the file gives notes, sources (a long
                                     file's note; source, outlet, published) */
};

/* Reads UTF-8 CSV text: parses every row, then groups the observations of
 * each series by day, dropping exact duplicates and reporting conflicting
 * ones. map selects the mapped layout (NULL: long or wide from the
 * header). Every problem goes to *diags with its line and column; returns
 * 0 when there was none, 1 otherwise. Release *ds in every case. */
int bt_dataset_read_text(struct bt_dataset *ds, const char *text, size_t len,
                         const struct bt_catalogue *cat,
                         const struct bt_mapping *map, struct bt_diags *diags);

/* The same for the file at path, streamed (bt_text_stream: encoding NULL
 * detects it), never held whole. Returns 0, 1 (problems in *diags), or -1
 * when it cannot be read (*e). */
int bt_dataset_read_file(struct bt_dataset *ds, const char *path,
                         const char *encoding, const struct bt_catalogue *cat,
                         const struct bt_mapping *map, struct bt_diags *diags,
                         struct bt_error *e);

void bt_dataset_release(struct bt_dataset *ds);

#endif
