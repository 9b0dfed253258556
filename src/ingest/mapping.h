/* mapping.h - how to read a CSV layout that is neither long nor wide.
 *
 * A mapping file has one statement per line; '#' starts a comment; a word
 * with spaces goes in double quotes (\" and \\ inside them), also after
 * KEY= (flag="A B"). A word in quotes is never a keyword. docs/mapping.md
 * gives every statement with an example; in short:
 *
 *   header LINE | header FIRST-LAST    where the header is (default: line 1);
 *                                      lines before it are the preamble
 *   notes PREFIX...                    a row whose first cell starts with
 *                                      PREFIX begins the notes: it and every
 *                                      row after it are skipped
 *   skip blank|short|invalid...        skip (and count) rows that are blank,
 *                                      have fewer fields, or cannot be read
 *   indicator ID                       the indicator of every value
 *   time COLUMN [PATTERN]              the period column
 *   time year=COL month=COL [day=COL]  a period split over columns
 *   time header                        the periods are the value columns'
 *                                      headers (a wide table, melted)
 *   fiscal MONTH                       periods are financial years (2004/05)
 *                                      starting in MONTH
 *   annual ID | annual FROM TO | annual skip
 *                                      rows with an empty month are annual
 *   dimension NAME COLUMN              a column naming part of the series
 *   value [ID] COLUMN [scale=N] [flag=COLUMN] [NAME=VALUE]...
 *                                      a column of values
 *   alias DIMENSION FROM TO            a label written two ways
 *   scale N                            every value is in units of N (10^k)
 *   missing TEXT...                    cells that mean "no value"
 *   means TEXT NUMBER                  a word that stands for a number
 *   marks TEXT...                      flags written on the value (123#)
 *   flag COLUMN                        the column holding each row's flag
 *   normal TEXT...                     flag texts that mean "no flag"
 */
#ifndef BT_MAPPING_H
#define BT_MAPPING_H

#include <stddef.h>

#include "base/error.h"
#include "model/series.h"


struct bt_map_column {
    char *key;    /* dimension name or indicator id */
    char *column; /* header text */
};

struct bt_map_alias {
    char *dimension, *from, *to;
};

/* A value column. */
struct bt_map_value {
    char *indicator;   /* NULL: the mapping's 'indicator' */
    char *column;
    struct bt_dim fixed[BT_DIMS_MAX]; /* owned strings: name=value words */
    size_t nfixed;
    int exp10;         /* the column's unit is 10^exp10 */
    int scaled;        /* 1 when scale= was given (else the file's) */
    char *flag_column; /* NULL: the mapping's 'flag' */
};

enum bt_map_time { BT_TIME_COLUMN, BT_TIME_PARTS, BT_TIME_HEADER };

enum bt_map_skip {
    BT_MAP_SKIP_BLANK = 1,
    BT_MAP_SKIP_SHORT = 2,
    BT_MAP_SKIP_INVALID = 4,
};

/* A word that stands for a value: missing, or a number. */
struct bt_map_word {
    char *text;
    int missing;
    double value;
};

/* A parsed mapping; owns all its strings. */
struct bt_mapping {
    unsigned long header_first, header_last; /* physical lines, from 1 */
    char **notes;
    size_t nnotes;
    unsigned skip; /* enum bt_map_skip bits */
    char *indicator;
    enum bt_map_time time;
    int has_time;
    char *time_column;  /* BT_TIME_COLUMN */
    char *time_pattern; /* NULL: any period form */
    char *year_column, *month_column, *day_column; /* BT_TIME_PARTS */
    int fiscal_start;   /* 0, or the month financial years start in */
    struct bt_map_alias *annual; /* from -> to (from NULL: every one) */
    size_t nannual;
    int annual_skip;
    struct bt_map_column dims[BT_DIM_COLUMNS_MAX]; /* a row's non-empty ones */
    size_t ndims;                               /* are at most BT_DIMS_MAX */
    struct bt_map_value *values;
    size_t nvalues;
    struct bt_map_alias *aliases;
    size_t naliases;
    int exp10;          /* 'scale' */
    struct bt_map_word *words;
    size_t nwords;
    char **marks;       /* sorted by bytes (strcmp), each once */
    size_t nmarks;
    size_t *mark_lens;  /* the marks' lengths, each once, longest first */
    size_t nmark_lens;
    char *flag_column;
    char **normal;
    size_t nnormal;
};

/* Parses mapping text; path is only used in messages. On failure returns
 * -1 with "PATH:LINE:COLUMN: message" in *e (COLUMN counts bytes). */
int bt_mapping_parse(struct bt_mapping *m, const char *text, size_t len,
                     const char *path, struct bt_error *e);
/* Reads and parses the mapping file at path: 0, 1 when the text is not a
 * valid mapping (*e says where and why), -1 when it cannot be read. */
int bt_mapping_load(struct bt_mapping *m, const char *path, struct bt_error *e);
void bt_mapping_release(struct bt_mapping *m);

/* The label that value (as the file writes it) stands for in dimension
 * dim: the alias target, or value itself. */
const char *bt_mapping_alias(const struct bt_mapping *m, const char *dim,
                             const char *value);

/* The mark written on the value cell s[0..n) (trimmed), if any: the
 * longest declared mark that ends the cell or begins it and leaves
 * something else; of two as long, the one after the number. Returns its
 * length (0 for none); *after is 1 when it ends the cell. Costs a binary
 * search per mark length shorter than the cell, whatever the number of
 * marks. */
size_t bt_mapping_mark(const struct bt_mapping *m, const char *s, size_t n,
                       int *after);

/* The indicator a row with an empty month gives for indicator id: the
 * 'annual' target, or NULL when there is none. */
const char *bt_mapping_annual(const struct bt_mapping *m, const char *id);

#endif
