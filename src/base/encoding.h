/* encoding.h - turning the bytes of an input file into UTF-8 text. */
#ifndef BT_ENCODING_H
#define BT_ENCODING_H

#include <stddef.h>

#include "error.h"

/* Decoded text. buf points either into the caller's bytes or to owned
 * storage (released by bt_text_release). */
struct bt_text {
    const char *buf;      /* UTF-8, without byte-order mark */
    size_t len;
    const char *encoding; /* "UTF-8", "GB18030" or the name asked for */
    char *owned;          /* storage to free, or NULL */
    char *raw;            /* the file's bytes (bt_text_load), or NULL */
};

/* Decodes data[0..len). With encoding NULL: a UTF-8 byte-order mark is
 * dropped; valid UTF-8 is used as is; otherwise the bytes are read as
 * GB18030 (a superset of GBK and GB2312) if they convert. With an encoding
 * name, iconv converts from it. UTF-16/UTF-32 and binary files (NUL bytes)
 * are refused. On failure returns -1 and adds the problem, with its line
 * and column (in bytes), to *diags. */
int bt_text_decode(const char *data, size_t len, const char *encoding,
                   struct bt_text *out, struct bt_diags *diags);
void bt_text_release(struct bt_text *t);

/* Reads the file at path and decodes it as bt_text_decode does. Returns 0;
 * 1 when its bytes are not text (problem in *diags); -1 when it cannot be
 * read (*e). Release *out with bt_text_release in every case. */
int bt_text_load(const char *path, const char *encoding, struct bt_text *out,
                 struct bt_diags *diags, struct bt_error *e);

/* Receives decoded UTF-8 text piece by piece (a piece may end inside a
 * line or a character); returns 0 to go on, a positive value to stop.
 * Called with text NULL (and len 0): what it was given so far is void
 * (the bytes turned out not to be text, or not UTF-8: the file is then
 * given again from its start, decoded otherwise); it starts over, and
 * drops what it made of them, its problems too. */
typedef int (*bt_text_fn)(void *ctx, const char *text, size_t len);

/* Reads the file at path in pieces of 1 MiB and passes its text to fn,
 * decoded exactly as bt_text_load decodes the whole file, never holding
 * more than a piece. UTF-8 is checked as it is passed, in one reading;
 * bytes found not to be UTF-8 void what was passed (see bt_text_fn), and
 * with encoding NULL the file is then read again as GB18030. Every byte
 * is checked even when fn stops early, so the outcome is as if the file
 * had been checked first. *used gets the encoding. Returns 0; 1 when its
 * bytes are not text (problem in *diags, with line and column); -1 when
 * it cannot be read (*e); or fn's positive value. */
int bt_text_stream(const char *path, const char *encoding, bt_text_fn fn,
                   void *ctx, const char **used, struct bt_diags *diags,
                   struct bt_error *e);

/* Length of the valid UTF-8 prefix of s[0..n). */
size_t bt_utf8_valid_prefix(const char *s, size_t n);

#endif
