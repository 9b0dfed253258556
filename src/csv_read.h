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

/* One field of a record: NUL-terminated UTF-8, valid during the callback. */
struct bt_field {
    const char *s;
    size_t len;
};

/* Called once per record. line is the line where the record starts. Return
 * 0 to go on, non-zero to stop reading (bt_csv_read then returns that). */
typedef int (*bt_csv_record_fn)(void *ctx, unsigned long line,
                                const struct bt_field *fields, size_t n);

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

#endif
