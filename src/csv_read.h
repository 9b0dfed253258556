/* csv_read.h - reading CSV text record by record, with line numbers.
 *
 * RFC 4180 as spreadsheets write it (libcsv in strict mode): fields
 * separated by commas, optionally in double quotes, "" for a quote inside
 * quotes, CRLF or LF line ends, blank lines skipped, spaces around unquoted
 * fields trimmed. Columns in messages count fields from 1.
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

/* Called once per record. line is the line where the record starts. Return
 * 0 to go on, non-zero to stop reading (bt_csv_read then returns that). */
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
    size_t nfields, fcap;
    struct bt_field *fields;
    size_t fields_cap;
    char *carry;          /* a line begun in one piece, ended in the next */
    size_t carry_len, carry_cap;
    unsigned long line;   /* physical line being fed */
    unsigned long start;  /* line where the current record started */
    int stop;             /* callback's non-zero result */
    int done;             /* non-zero once reading stopped */
};

/* Starts reading; fast as for bt_csv_read (1) or bt_csv_read_libcsv (0). */
void bt_csv_init(struct bt_csv_reader *r, bt_csv_record_fn fn, void *ctx,
                 struct bt_diags *diags, int fast);
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
