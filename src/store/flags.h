/* flags.h - the flags and notes of a series' observations, kept beside
 * its file.
 *
 *   DB/INDICATOR/DIMS.flags   "date,flag" then one line per flagged day,
 *                             sorted by date (YYYY-MM-DD, CSV quoting);
 *                             "date,flag,note,source" when a day has a
 *                             note or a source
 *
 * A flag is the publisher's mark on one observation: '#' provisional,
 * '>' a lower bound, 'Missing value; suppressed'... A note is a footnote
 * on it (a series break), a source who published it. RRD files hold only
 * numbers, so these live in this small file, which a load replaces whole
 * through its transaction, together with the series file.
 */
#ifndef BT_FLAGS_H
#define BT_FLAGS_H

#include <stddef.h>

#include "base/error.h"
#include "base/fileio.h"
#include "base/period.h"

struct bt_flag {
    bt_day day;
    char *text;   /* the flag, "" for none; owned */
    char *note;   /* "" for none; owned */
    char *source; /* "" for none; owned */
};

/* Flags sorted by day, each day once. Owns its texts. */
struct bt_flags {
    struct bt_flag *v;
    size_t n, cap;
};

/* Appends to *out the flags file of the series file rel ("x/y.rrd"). */
void bt_flags_path(const char *rel, struct bt_buf *out);

/* Reads the flags file at path into *f (emptied first); a file that is
 * not there, or whose name is too long to be (a series file of 250 or 251
 * bytes), reads as no flags. Returns 0, or -1 with *e. */
int bt_flags_read(const char *path, struct bt_flags *f, struct bt_error *e);

/* The file's text for *f. */
void bt_flags_text(const struct bt_flags *f, struct bt_buf *out);

/* Appends a day's flag, note and source (NULL or "" for none; days must
 * come in order); a day with none of them is not kept. */
void bt_flags_add(struct bt_flags *f, bt_day day, const char *text,
                  const char *note, const char *source);

/* The entry of day, or NULL. */
const struct bt_flag *bt_flags_at(const struct bt_flags *f, bt_day day);
/* The flag of day, or NULL when it has none. */
const char *bt_flags_find(const struct bt_flags *f, bt_day day);
/* 1 when a and b hold the same days with the same flags, notes, sources. */
int bt_flags_equal(const struct bt_flags *a, const struct bt_flags *b);

void bt_flags_release(struct bt_flags *f);

/* The flags files one directory holds, listed once: most series have
 * none, and one listing of an indicator's directory costs less than a
 * failed open a series. Owns its strings; zero-initialised is empty. */
struct bt_flags_dir {
    char *dir;    /* the directory listed, or NULL */
    char **names; /* its *.flags files, sorted */
    size_t n;
};
/* Whether the flags file path may exist: 0 only when its directory,
 * listed in *l (now, if *l holds another or none), has no file of that
 * name; 1 too when the directory cannot be listed. True while no flags
 * file is put there: whoever may put one drops the listing first. */
int bt_flags_dir_has(struct bt_flags_dir *l, const char *path);
void bt_flags_dir_release(struct bt_flags_dir *l);

#endif
