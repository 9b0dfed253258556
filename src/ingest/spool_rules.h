/* spool_rules.h - SPOOL/rules: the load options a night's file gets, so
 * that a file a downloader leaves in incoming/ needs no companion .map.
 *
 * One rule a line: PATTERN OPTION...  '#' starts a comment (at the start
 * of a word); blank lines are ignored; words are separated by spaces or
 * tabs (a word with spaces goes in double quotes). PATTERN is a shell
 * pattern (fnmatch: '*', '?', '[...]') on the file's name in incoming/;
 * the first rule that matches applies. OPTIONs:
 *   --map FILE        read the file through this mapping (relative to
 *                     the spool directory unless absolute)
 *   --encoding NAME   the file's encoding
 * Every rule's mapping is read and checked when the rules are read, so a
 * broken rule stops the run before any file is loaded or moved.
 */
#ifndef BT_SPOOL_RULES_H
#define BT_SPOOL_RULES_H

#include <stddef.h>

#include "base/error.h"

struct bt_spool_rule {
    char *pattern;       /* owned */
    char *map_path;      /* owned; NULL: no --map */
    char *encoding;      /* owned; NULL: no --encoding */
    char *indicator;     /* owned; NULL: no --indicator (SDMX-CSV, NBS) */
    unsigned long line;  /* in the rules file */
};

/* The rules of one spool; owns everything. */
struct bt_spool_rules {
    char *path;          /* SPOOL/rules */
    struct bt_spool_rule *v;
    size_t n;
};

struct bt_catalogue;

/* Reads SPOOL/rules into *r (no file: no rule) and checks each rule's
 * mapping and (cat not NULL) that its --indicator is in cat. Returns 0, 1 with every problem in *d (at RULES:LINE:COLUMN,
 * or the mapping's MAP:LINE:COLUMN), or -1 when the file cannot be read
 * (*e). Release *r in every case. */
int bt_spool_rules_load(struct bt_spool_rules *r, const char *spool,
                        const struct bt_catalogue *cat, struct bt_diags *d,
                        struct bt_error *e);

/* The first rule whose pattern matches the file name, or NULL. */
const struct bt_spool_rule *bt_spool_rules_match(const struct bt_spool_rules *r,
                                                 const char *name);

void bt_spool_rules_release(struct bt_spool_rules *r);

#endif
