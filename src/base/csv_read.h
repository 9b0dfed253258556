/* csv_read.h - reading CSV text record by record, with line numbers.
 *
 * RFC 4180 as spreadsheets write it (libcsv in strict mode): fields
 * separated by commas, optionally in double quotes, "" for a quote inside
 * quotes, CRLF or LF line ends, blank lines skipped, spaces around unquoted
 * fields trimmed. Columns in messages count fields from 1.
 *
 * Memory is bounded per record, whatever the input: a line too long to
 * carry between two pieces (BT_CSV_CARRY_MAX) is read by libcsv in parts;
 * a record keeps at most BT_CSV_FIELDS_MAX fields (or the caller's
 * bt_csv_limit, past which fields are only counted) and BT_CSV_ROW_MAX
 * bytes of them; a row past those is an error at its line and column, and
 * reading stops there.
 */
#ifndef BT_CSV_READ_H
#define BT_CSV_READ_H

#include <stddef.h>

#include "error.h"
#include "fileio.h"

/* One field of a record: NUL-terminated UTF-8, valid during the callback. */
struct bt_field {
    const char *s;
    size_t len;
};

/* Bounds of one record (see above). */
#define BT_CSV_FIELDS_MAX 65536         /* fields kept without a limit */
#define BT_CSV_ROW_MAX (8u << 20)       /* bytes of the fields kept */
#define BT_CSV_CARRY_MAX (1u << 20)     /* a line held whole across pieces */

/* Called once per record. line is the line where the record starts; n is
 * its number of fields. With a limit (bt_csv_limit) smaller than n, only
 * fields[0..limit) are filled in: the others were counted, not kept (the
 * reader's kept and dropped_bytes say so). Return 0 to go on, non-zero to
 * stop reading (bt_csv_read then returns that). */
typedef int (*bt_csv_record_fn)(void *ctx, unsigned long line,
                                const struct bt_field *fields, size_t n);

/* A reader fed text piece by piece (any split, even inside a line or a
 * UTF-8 sequence): only the current line and record are held. Owns its
 * buffers until bt_csv_finish. */
struct bt_csv_reader {
    bt_csv_record_fn fn;
    void *ctx;
    struct bt_diags *diags;
    int fast;             /* plain lines skip libcsv */
    void *parser;         /* owned: libcsv's struct csv_parser */
    char *arena;          /* the current record's fields, NUL-separated */
    size_t used, cap;
    size_t *offs;         /* start of each field in arena */
    size_t *lens;
    size_t nfields, fcap; /* fields of the current record (kept or not) */
    size_t limit;         /* fields kept a record; 0: BT_CSV_FIELDS_MAX,
                             past which the record is an error */
    size_t kept;          /* fields of the record delivered, in fields[] */
    size_t dropped_bytes; /* bytes of its fields past the limit */
    struct bt_field *fields;
    size_t fields_cap;
    char *carry;          /* a line begun in one piece, ended in the next */
    size_t carry_len, carry_cap;
    unsigned long line;   /* physical line being fed */
    unsigned long start;  /* line where the current record started */
    int partial;          /* 1: a long line is being read in parts */
    int failed;           /* 1: a record broke a bound (diagnosed) */
    int stop;             /* callback's non-zero result */
    int done;             /* non-zero once reading stopped */
    size_t empty_lines;   /* lines with nothing on them outside quotes,
                             which make no record (kept by bt_csv_finish) */
};

/* Starts reading; fast as for bt_csv_read (1) or bt_csv_read_libcsv (0). */
void bt_csv_init(struct bt_csv_reader *r, bt_csv_record_fn fn, void *ctx,
                 struct bt_diags *diags, int fast);
/* From the next record on, keeps at most max fields of each record (see
 * bt_csv_record_fn); 0 goes back to BT_CSV_FIELDS_MAX. A callback may set
 * it, e.g. to the header's width. */
void bt_csv_limit(struct bt_csv_reader *r, size_t max);
/* Reads the next piece of text. Returns 0 to go on, the callback's
 * non-zero value, or -1 after a syntax error (then reading has stopped). */
int bt_csv_feed(struct bt_csv_reader *r, const char *text, size_t len);
/* Reads the last line and ends the reader (releasing its buffers);
 * returns as bt_csv_read does. */
int bt_csv_finish(struct bt_csv_reader *r);

/* Ends the reader without reading what is left (releasing its buffers). */
void bt_csv_release(struct bt_csv_reader *r);

/* Reads all records of text[0..len) and calls fn for each. A malformed
 * quote or an unterminated quoted field is added to *diags with its line
 * and column, and reading stops there. Returns 0, the callback's non-zero
 * value, or -1 after a syntax error. */
int bt_csv_read(const char *text, size_t len, bt_csv_record_fn fn, void *ctx,
                struct bt_diags *diags);

/* The same, reading every line through libcsv (no fast path for plain
 * lines): the fuzzer checks that both read every input alike. */
int bt_csv_read_libcsv(const char *text, size_t len, bt_csv_record_fn fn,
                       void *ctx, struct bt_diags *diags);

/* Appends s as one CSV cell that reads back as s: as it is, or in double
 * quotes (inner quotes doubled) when it holds a comma, a quote, a line
 * break, or a space or tab at an edge (which reading trims). */
void bt_csv_cell(struct bt_buf *out, const char *s);

#endif
