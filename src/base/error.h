/* error.h - errors as values.
 *
 * The library never prints and never exits. A function that can fail returns
 * 0 on success and -1 on failure, and fills a caller-owned struct bt_error
 * with one line of text (lowercase, no full stop, the subject quoted).
 *
 * Input problems that belong to a place in a file are collected in a
 * struct bt_diags, so that a whole file can be checked and every problem
 * reported at once as FILE:LINE:COLUMN: message.
 */
#ifndef BT_ERROR_H
#define BT_ERROR_H

#include <stddef.h>

#include "mem.h" /* every module that fails also allocates */

/* Exit codes of the baytrack program (sysexits.h values, documented in the
 * README and the man page). */
enum bt_exit {
    BT_EXIT_OK = 0,       /* everything done */
    BT_EXIT_FAILED = 1,   /* collect: at least one spool file failed;
                             report: a chart could not be drawn; status,
                             report: a series file was left out unread */
    BT_EXIT_USAGE = 64,   /* bad command line */
    BT_EXIT_DATA = 65,    /* an input file was rejected; nothing written */
    BT_EXIT_NOINPUT = 66, /* an input file or series does not exist */
    BT_EXIT_SOFTWARE = 70,/* internal error */
    BT_EXIT_IO = 74,      /* reading or writing the database failed */
    BT_EXIT_LOCKED = 75,  /* the database lock was not obtained in time */
    BT_EXIT_CONFIG = 78,  /* the catalogue or a mapping file is invalid */
};

/* The text of a macro's value, for messages that name a limit:
 * "at most " BT_STRINGIFY(BT_DIMS_MAX) gives "at most 16". */
#define BT_STRINGIFY_(x) #x
#define BT_STRINGIFY(x) BT_STRINGIFY_(x)

/* One error message, owned by the caller. */
struct bt_error {
    char msg[1024];
};

/* Formats the message into *e (if e is not NULL) and returns -1. */
int bt_fail(struct bt_error *e, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

/* Same as bt_fail, with the text of errno appended as ": strerror". */
int bt_fail_errno(struct bt_error *e, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

/* One problem at a place in an input file. line and column count from 1;
 * column 0 means the whole line. */
struct bt_diag {
    unsigned long line;
    unsigned long column;
    size_t seq; /* order of arrival, keeps the sort stable */
    char *msg;  /* owned */
    char *file; /* owned; NULL: the file being read, else another one (the
                   mapping it is read through), reported first */
};

/* A growing list of problems found in one file. Initialise with
 * BT_DIAGS_INIT; release with bt_diags_release. */
struct bt_diags {
    struct bt_diag *v;
    size_t n, cap;
};
#define BT_DIAGS_INIT {NULL, 0, 0}

/* Appends one problem; aborts on out-of-memory like every allocation here. */
void bt_diags_add(struct bt_diags *d, unsigned long line, unsigned long column,
                  const char *fmt, ...) __attribute__((format(printf, 4, 5)));
/* The same for a problem in another file than the one being read (a
 * mapping): it is reported as file:LINE:COLUMN, before the others. */
void bt_diags_add_in(struct bt_diags *d, const char *file, unsigned long line,
                     unsigned long column, const char *fmt, ...)
    __attribute__((format(printf, 5, 6)));
/* Sorts the problems by file (another file first), line, then column
 * (stable). */
void bt_diags_sort(struct bt_diags *d);
void bt_diags_release(struct bt_diags *d);
/* Drops every problem after the first n (a row skipped on purpose). */
void bt_diags_truncate(struct bt_diags *d, size_t n);
/* Appends "file:LINE:COLUMN: message" lines for the first max problems
 * (sorted) to *out, and "file: ... and N more problems" past that.
 * out is a struct bt_buf (buf.h). */
struct bt_buf;
void bt_diags_text(struct bt_diags *d, const char *file, size_t max,
                   struct bt_buf *out);
/* Formats the first problem (after sorting) as "file:LINE:COLUMN: message"
 * into *e and returns -1. */
int bt_diags_first(struct bt_diags *d, const char *file, struct bt_error *e);

/* Quoting input in messages: at most BT_SHOWN_MAX bytes of it, cut on a
 * UTF-8 boundary, then "…". Use as "'%.*s%s'" with BT_SHOWN(s). */
#define BT_SHOWN_MAX 80
int bt_shown_len(const char *s);
const char *bt_shown_more(const char *s);
#define BT_SHOWN(s) bt_shown_len(s), (s), bt_shown_more(s)

/* Every message (bt_fail, bt_fail_errno, bt_diags_add*) passes through
 * bt_msg_escape, so that quoted input cannot break the line or reach the
 * terminal as an escape sequence: control characters (C0, DEL and the C1
 * U+0080-U+009F) become \xHH, a newline \n and a tab \t; other UTF-8 text
 * is kept. Writes at most cap bytes including the NUL into out, cut on a
 * character boundary. */
void bt_msg_escape(char *out, size_t cap, const char *in);


#endif
