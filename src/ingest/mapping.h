/* mapping.h - how to read a CSV layout that is neither long nor wide.
 *
 * A mapping file has one statement per line; '#' starts a comment; a word
 * with spaces goes in double quotes (\" and \\ inside them), also after
 * KEY= (flag="A B"). A word in quotes is never a keyword. A COLUMN is a
 * header text, which must name exactly one column, or @N, the Nth. docs/mapping.md
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
 *   dimension NAME COL1 COL2...        title columns, top level first: one
 *                                      dimension, the path of the titles
 *   ignore COLUMN...                   columns never read (with 'time
 *                                      header': not periods)
 *   keep COLUMN VALUE... | drop COLUMN VALUE...
 *                                      read only the rows whose cell is
 *                                      (keep) or is not (drop) a VALUE
 *   value [ID] COLUMN [scale=N] [flag=COLUMN|next] [note=COLUMN|next]
 *         [NAME=VALUE]...
 *                                      a column of values
 *   alias DIMENSION FROM TO            a label written two ways
 *   scale N                            every value is in units of N (10^k)
 *   missing TEXT...                    cells that mean "no value"
 *   means TEXT NUMBER                  a word that stands for a number
 *   marks TEXT...                      flags written on the value (123#)
 *   flag COLUMN | flag next            the column holding each row's flag;
 *                                      next: the column right after each
 *                                      value column (its remark column)
 *   note COLUMN | note next            the same for each value's note
 *   normal TEXT...                     flag texts that mean "no flag"
 *
 * A mapping without 'time' is for an SDMX-CSV file (layout_sdmx.c): it
 * may only say what bt_map_stmt_sdmx allows, and names the file's
 * columns by their SDMX ids (docs/formats.md, "With a mapping").
 */
#ifndef BT_MAPPING_H
#define BT_MAPPING_H

#include <stddef.h>

#include "base/error.h"
#include "model/series.h"


/* Where a word of the mapping is: line and byte column from 1. */
struct bt_map_place {
    unsigned long line; /* 0: not given */
    size_t col;
};

/* A column as the mapping names it: by its header text, or by position
 * (@N, unquoted). A name must match exactly one column of the header. */
struct bt_map_ref {
    char *name;             /* owned header text; NULL: by position or next */
    unsigned pos;           /* @N: column N, from 1; 0: by name */
    int next;               /* 'next' (flag, note): the column right after
                               each value column */
    struct bt_map_place at; /* at.line 0: no column given */
};

#define BT_MAP_LEVELS_MAX 10 /* title columns of one hierarchical dimension */

/* A dimension: one column, or title columns from the top level down
 * (Title1 Title2 ...), whose value is the path of a row's titles. */
struct bt_map_column {
    char *key; /* dimension name */
    struct bt_map_ref levels[BT_MAP_LEVELS_MAX];
    size_t nlevels;
};

struct bt_map_alias {
    char *dimension, *from, *to;
    struct bt_map_place at; /* 'annual': where TO is; 'alias': DIMENSION */
};

/* A value column. */
struct bt_map_value {
    char *indicator;   /* NULL: the mapping's 'indicator' */
    struct bt_map_place id_at; /* where indicator is */
    struct bt_map_ref column;
    struct bt_dim fixed[BT_DIMS_MAX]; /* owned strings: name=value words */
    size_t nfixed;
    int exp10;         /* the column's unit is 10^exp10 */
    int scaled;        /* 1 when scale= was given (else the file's) */
    struct bt_map_ref flag_column; /* at.line 0: the mapping's 'flag' */
    struct bt_map_ref note_column; /* at.line 0: the mapping's 'note' */
};

/* keep COLUMN VALUE... / drop COLUMN VALUE...: a row is read only when
 * every keep's cell is one of its values and no drop's cell is one of
 * its. A cell past the row's end is empty. */
struct bt_map_filter {
    int keep;          /* 1: keep, 0: drop */
    struct bt_map_ref column;
    char **values;     /* owned; "" allowed */
    size_t nvalues;
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

/* The statements, in docs/mapping.md's order. */
enum bt_map_stmt {
    BT_MS_HEADER, BT_MS_NOTES, BT_MS_SKIP, BT_MS_INDICATOR, BT_MS_TIME,
    BT_MS_FISCAL, BT_MS_ANNUAL, BT_MS_DIMENSION, BT_MS_KEEP, BT_MS_DROP,
    BT_MS_IGNORE, BT_MS_VALUE, BT_MS_ALIAS, BT_MS_SCALE, BT_MS_MISSING,
    BT_MS_MEANS, BT_MS_MARKS, BT_MS_FLAG, BT_MS_NOTE, BT_MS_NORMAL, BT_MS_N
};

/* The keyword of statement k ("header" ...). */
const char *bt_map_stmt_word(enum bt_map_stmt k);
/* 1 when statement k may be said in a mapping of an SDMX-CSV file
 * (header, indicator, dimension, keep, drop, ignore, value, alias,
 * scale, missing), which reads the rest as SDMX-CSV says. */
int bt_map_stmt_sdmx(enum bt_map_stmt k);

/* A parsed mapping; owns all its strings. */
struct bt_mapping {
    char *path;         /* the mapping's file, for messages */
    unsigned long lines; /* lines in the mapping (its last, for messages) */
    struct bt_map_place said[BT_MS_N]; /* where each kind of statement is
                                          first said; line 0: never */
    unsigned long header_first, header_last; /* physical lines, from 1 */
    char **notes;
    size_t nnotes;
    unsigned skip; /* enum bt_map_skip bits */
    char *indicator;
    struct bt_map_place indicator_at;
    enum bt_map_time time;
    int has_time;
    struct bt_map_ref time_column; /* BT_TIME_COLUMN */
    char *time_pattern; /* NULL: any period form */
    struct bt_map_ref year_column, month_column, day_column; /* BT_TIME_PARTS */
    int fiscal_start;   /* 0, or the month financial years start in */
    struct bt_map_alias *annual; /* from -> to (from NULL: every one) */
    size_t nannual;
    int annual_skip;
    struct bt_map_column dims[BT_DIM_COLUMNS_MAX]; /* a row's non-empty ones */
    size_t ndims;                               /* are at most BT_DIMS_MAX */
    struct bt_map_value *values;
    size_t nvalues;
    struct bt_map_filter *filters;
    size_t nfilters;
    struct bt_map_ref *ignored; /* 'ignore': a name means every column of
                                   that name */
    size_t nignored;
    struct bt_map_alias *aliases;
    size_t naliases;
    int exp10;          /* 'scale' */
    struct bt_map_word *words;
    size_t nwords;
    char **marks;       /* sorted by bytes (strcmp), each once */
    size_t nmarks;
    size_t *mark_lens;  /* the marks' lengths, each once, longest first */
    size_t nmark_lens;
    struct bt_map_ref flag_column;
    struct bt_map_ref note_column; /* 'note' */
    char **normal;
    size_t nnormal;
};

/* Parses mapping text; path is kept for messages. Every problem is added
 * to *d as "PATH:LINE:COLUMN: message" (bt_diags_add_in; COLUMN counts
 * bytes), not only the first; returns 0, or -1 after at least one. */
int bt_mapping_parse_all(struct bt_mapping *m, const char *text, size_t len,
                         const char *path, struct bt_diags *d);
/* The same, with the first problem in *e (and how many more there are). */
int bt_mapping_parse(struct bt_mapping *m, const char *text, size_t len,
                     const char *path, struct bt_error *e);
/* Reads and parses the mapping file at path: 0, 1 when the text is not a
 * valid mapping (every problem in *d, at PATH:LINE:COLUMN), -1 when it
 * cannot be read (*e). */
int bt_mapping_load(struct bt_mapping *m, const char *path,
                    struct bt_diags *d, struct bt_error *e);
void bt_mapping_release(struct bt_mapping *m);

/* What a mapping for a table (not SDMX-CSV) lacks, as "a 'time'
 * statement", or NULL when it is complete. The parse checks it unless
 * the mapping could be one for an SDMX-CSV file (no 'time', and only
 * statements bt_map_stmt_sdmx allows); the reader checks it again when
 * the file is not SDMX-CSV. */
const char *bt_mapping_incomplete(const struct bt_mapping *m);

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
