/* flags.h - the flags of a series' observations, kept beside its file.
 *
 *   DB/INDICATOR/DIMS.flags   "date,flag" then one line per flagged day,
 *                             sorted by date (YYYY-MM-DD, CSV quoting)
 *
 * A flag is the publisher's mark on one observation: '#' provisional,
 * '>' a lower bound, 'Missing value; suppressed'... RRD files hold only
 * numbers, so the flags live in this small file, which a load replaces
 * whole through its transaction, together with the series file.
 */
#ifndef BT_FLAGS_H
#define BT_FLAGS_H

#include <stddef.h>

#include "error.h"
#include "fileio.h"
#include "period.h"

struct bt_flag {
    bt_day day;
    char *text; /* owned */
};

/* Flags sorted by day, each day once. Owns its texts. */
struct bt_flags {
    struct bt_flag *v;
    size_t n, cap;
};

/* Appends to *out the flags file of the series file rel ("x/y.rrd"). */
void bt_flags_path(const char *rel, struct bt_buf *out);

/* Reads the flags file at path into *f (emptied first); a file that is
 * not there reads as no flags. Returns 0, or -1 with *e. */
int bt_flags_read(const char *path, struct bt_flags *f, struct bt_error *e);

/* The file's text for *f. */
void bt_flags_text(const struct bt_flags *f, struct bt_buf *out);

/* Appends a flag (days must come in order). */
void bt_flags_add(struct bt_flags *f, bt_day day, const char *text, size_t len);

/* The flag of day, or NULL. */
const char *bt_flags_find(const struct bt_flags *f, bt_day day);

void bt_flags_release(struct bt_flags *f);

#endif
