/* dataset_read.h - one input CSV file read into a struct bt_dataset.
 *
 * One reader drives every layout (layout.h); the file's first record
 * picks it, unless a mapping is given:
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
 *   sdmx    SDMX-CSV 1.0 (DATAFLOW,...) and 2.0 (STRUCTURE,...): every
 *           rule in layout_sdmx.c
 *   nbs     an export of the National Bureau of Statistics (数据库：...):
 *           layout_nbs.c
 * Columns with an empty header (a trailing comma) are ignored. A long
 * file's 'flag' column gives each observation's flag. An empty dimension
 * cell leaves that dimension out: the row is the total over it.
 *
 * The file is read once, streamed; only when a day of a series is given
 * twice with different values is it read again, to say where.
 */
#ifndef BT_DATASET_READ_H
#define BT_DATASET_READ_H

#include <stddef.h>

#include "model/catalogue.h"
#include "dataset.h"
#include "base/error.h"
#include "mapping.h"

/* Reads UTF-8 CSV text: parses every row, then groups the observations of
 * each series by day, dropping exact duplicates and reporting conflicting
 * ones. map selects the mapped layout, except for an SDMX-CSV file, which
 * the SDMX layout reads with the mapping's dimension statements (NULL:
 * the layout the first record shows); indicator (load --indicator, or NULL) is the indicator of an
 * SDMX-CSV or NBS file, and an error with any other layout. Every problem goes to *diags with its line and column; returns
 * 0 when there was none, 1 otherwise. Release *ds in every case. */
int bt_dataset_read_text(struct bt_dataset *ds, const char *text, size_t len,
                         const struct bt_catalogue *cat,
                         const struct bt_mapping *map, const char *indicator,
                         struct bt_diags *diags);

/* The same for the file at path, streamed (bt_text_stream: encoding NULL
 * detects it), never held whole. Returns 0, 1 (problems in *diags), or -1
 * when it cannot be read (*e). */
int bt_dataset_read_file(struct bt_dataset *ds, const char *path,
                         const char *encoding, const struct bt_catalogue *cat,
                         const struct bt_mapping *map, const char *indicator,
                         struct bt_diags *diags, struct bt_error *e);

#endif
