/* collect.c - a spool directory for cron (see collect.h). */
#include "collect.h"

#include <dirent.h>
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "base/fileio.h"
#include "mapping.h"

/* Whether name ends in ".csv", in any case (".CSV" too). */
static int has_csv(const char *name, size_t len)
{
    return len >= 4 && strncasecmp(name + len - 4, ".csv", 4) == 0;
}

/* The names of SPOOL/incoming/ *.csv (any case), sorted; dot-files left
 * out. */
static int ready_names(const char *incoming, char ***names, size_t *n,
                       struct bt_error *e)
{
    size_t cap = 0;
    *names = NULL;
    *n = 0;
    DIR *d = opendir(incoming);
    if (!d)
        return bt_fail_errno(e, "cannot open spool '%s'", incoming);
    for (struct dirent *de; (de = readdir(d));) {
        size_t len = strlen(de->d_name);
        if (de->d_name[0] == '.' || len < 5 || !has_csv(de->d_name, len))
            continue; /* .csv in any case: NIGHT.CSV too */
        bt_grow((void **)names, &cap, *n + 1, sizeof **names);
        (*names)[(*n)++] = bt_xstrdup(de->d_name);
    }
    closedir(d);
    bt_qsort(*names, *n, sizeof **names, bt_strptr_cmp);
    return 0;
}

/* Test hook, as db.c's: BAYTRACK_TEST_CRASH=POINT kills the process at
 * that point (collect-loading, collect-journaled, collect-moved-one), as a
 * power cut would, so the tests can show that no file is lost. */
static void crash_point(const char *point)
{
    const char *want = getenv("BAYTRACK_TEST_CRASH");
    if (want && strcmp(want, point) == 0)
        raise(SIGKILL);
}

#define JOURNAL ".moving"   /* the moves under way (collect.h) */
#define ERR_NEW ".err.new"  /* a failure's .err before it is moved */
#define MAP_NEW ".map.new"  /* a copied mapping before it is moved */
#define LOADING ".loading"  /* "DEATHS NAME" of the file being loaded */


void bt_spool_name(struct bt_buf *out, const char *name, unsigned k,
                   const char *ext)
{
    size_t len = strlen(name);
    int csv = has_csv(name, len);
    bt_buf_add(out, name, csv ? len - 4 : len);
    if (k > 1)
        bt_buf_addf(out, ".%u", k);
    if (ext)
        bt_buf_puts(out, ext);
    else if (csv)
        bt_buf_add(out, name + len - 4, 4); /* as it was: .csv or .CSV */
}

static int exists(const char *path)
{
    struct stat st;
    return lstat(path, &st) == 0;
}

/* Whether the CSV incoming/name has its own mapping beside it: STEM.map,
 * else STEM.MAP (so NIGHT.CSV may come with NIGHT.MAP). *rel gets its
 * path in the spool ("incoming/STEM.map"), emptied first. */
static int own_map(const char *spool, const char *name, struct bt_buf *rel)
{
    static const char *const exts[] = {".map", ".MAP", ".Map"};
    struct bt_buf path = {0};
    int found = 0;
    for (size_t i = 0; i < 3 && !found && has_csv(name, strlen(name)); i++) {
        rel->len = path.len = 0;
        bt_buf_puts(rel, "incoming/");
        bt_spool_name(rel, name, 1, exts[i]);
        bt_buf_addf(&path, "%s/%s", spool, rel->data);
        found = exists(path.data);
    }
    bt_buf_release(&path);
    return found;
}

/* Whether SPOOL/dir/ has any of copy k's names (CSV, .map, .err). */
static int taken(const char *spool, const char *dir, const char *name,
                 unsigned k)
{
    static const char *const exts[] = {NULL, ".map", ".err"};
    int any = 0;
    for (size_t i = 0; i < 3 && !any; i++) {
        struct bt_buf p = {0};
        bt_buf_addf(&p, "%s/%s/", spool, dir);
        bt_spool_name(&p, name, k, exts[i]);
        any = exists(p.data);
        bt_buf_release(&p);
    }
    return any;
}

/* The first copy k (from 1) whose names are all free in SPOOL/dir/. */
static unsigned free_copy(const char *spool, const char *dir, const char *name)
{
    unsigned k = 1;
    while (taken(spool, dir, name, k))
        k++;
    return k;
}

/* A journal entry is a path in the spool that collect writes: the .err
 * before its move, incoming/NAME, done/NAME or failed/NAME, NAME neither
 * a dot-file nor a path. */
static int valid_entry(const char *rel, int target)
{
    static const char *const sources[] = {"incoming/", NULL};
    static const char *const targets[] = {"done/", "failed/", NULL};
    if (!target && (strcmp(rel, ERR_NEW) == 0 || strcmp(rel, MAP_NEW) == 0))
        return 1;
    for (const char *const *d = target ? targets : sources; *d; d++) {
        size_t n = strlen(*d);
        const char *base = rel + n;
        if (strncmp(rel, *d, n) == 0 && *base && *base != '.' &&
            !strchr(base, '/'))
            return 1;
    }
    return 0;
}

/* Does the renames of the journal text[0..len) (pairs of NUL-terminated
 * paths in the spool, FROM then TO) in order: a FROM already gone was
 * moved before; a TO already there is never replaced. Then syncs the
 * directories and removes the journal. */
static int finish_moves(const char *spool, const char *text, size_t len,
                        struct bt_error *e)
{
    const char *p = text, *end = text + len;
    int rc = 0;
    while (rc == 0 && p < end) {
        const char *from = p, *nul = memchr(p, '\0', (size_t)(end - p));
        const char *to = nul ? nul + 1 : end;
        const char *nul2 = to < end ? memchr(to, '\0', (size_t)(end - to)) : NULL;
        if (!nul2 || !valid_entry(from, 0) || !valid_entry(to, 1))
            return bt_fail(e, "spool journal '%s/%s' is damaged; finish its "
                           "moves by hand and remove it", spool, JOURNAL);
        struct bt_buf a = {0}, b = {0};
        bt_buf_addf(&a, "%s/%s", spool, from);
        bt_buf_addf(&b, "%s/%s", spool, to);
        if (exists(a.data)) { /* else it was moved before a kill */
            if (exists(b.data))
                rc = bt_fail(e, "cannot move '%s': '%s' exists", a.data, b.data);
            else if (rename(a.data, b.data) != 0)
                rc = bt_fail_errno(e, "cannot move '%s' to '%s'", a.data, b.data);
            else if (p == text)
                crash_point("collect-moved-one");
        }
        if (rc == 0)
            rc = bt_fsync_parent(b.data, e);
        if (rc == 0)
            rc = bt_fsync_parent(a.data, e);
        bt_buf_release(&a);
        bt_buf_release(&b);
        p = nul2 + 1;
    }
    struct bt_buf j = {0};
    bt_buf_addf(&j, "%s/%s", spool, JOURNAL);
    if (rc == 0 && unlink(j.data) != 0)
        rc = bt_fail_errno(e, "cannot remove '%s'", j.data);
    if (rc == 0)
        rc = bt_fsync_parent(j.data, e);
    bt_buf_release(&j);
    return rc;
}

/* How many runs died loading incoming/name: SPOOL/.loading names the file
 * being loaded (collect.h). */
static unsigned deaths(const char *spool, const char *name)
{
    struct bt_buf path = {0}, text;
    struct bt_error ignored;
    unsigned n = 0;
    bt_buf_addf(&path, "%s/%s", spool, LOADING);
    if (bt_file_read_nofollow(path.data, &text, &ignored) == 0) {
        const char *sp = memchr(text.data, ' ', text.len);
        if (sp && strcmp(sp + 1, name) == 0)
            n = (unsigned)strtoul(text.data, NULL, 10);
        bt_buf_release(&text);
    }
    bt_buf_release(&path);
    return n;
}

/* Writes (died >= 0) or removes (died < 0) SPOOL/.loading for name. Not
 * synced: a power cut forgets a death, which only costs a retry. */
static int mark_loading(const char *spool, const char *name, int died,
                        struct bt_error *e)
{
    struct bt_buf path = {0}, text = {0};
    bt_buf_addf(&path, "%s/%s", spool, LOADING);
    int rc = 0;
    if (died < 0) {
        if (unlink(path.data) != 0 && errno != ENOENT)
            rc = bt_fail_errno(e, "cannot remove '%s'", path.data);
    } else {
        bt_buf_addf(&text, "%d %s", died, name);
        rc = bt_file_replace(path.data, text.data, text.len, e);
    }
    bt_buf_release(&path);
    bt_buf_release(&text);
    return rc;
}

/* What a killed run left: the moves in SPOOL/.moving are finished; a
 * .loading whose file has left incoming/ (its load ended, the kill came
 * after) is forgotten. */
static int recover(const char *spool, struct bt_error *e)
{
    struct bt_buf j = {0}, text, path = {0};
    bt_buf_addf(&j, "%s/%s", spool, JOURNAL);
    /* a planted link is refused, never read through */
    int rc = bt_no_links(spool, JOURNAL, e) != 0 ||
                     bt_no_links(spool, LOADING, e) != 0
                 ? -1 : 0;
    if (rc == 0 && exists(j.data)) {
        rc = bt_file_read_nofollow(j.data, &text, e);
        if (rc == 0)
            rc = finish_moves(spool, text.data, text.len, e);
        bt_buf_release(&text);
    }
    bt_buf_addf(&path, "%s/%s", spool, LOADING);
    if (rc == 0 && exists(path.data) &&
        bt_file_read_nofollow(path.data, &text, e) == 0) {
        const char *sp = memchr(text.data, ' ', text.len);
        path.len = 0;
        bt_buf_addf(&path, "%s/incoming/%s", spool, sp ? sp + 1 : "");
        if (!sp || !exists(path.data))
            rc = mark_loading(spool, "", -1, e);
        bt_buf_release(&text);
    }
    bt_buf_release(&path);
    bt_buf_release(&j);
    return rc;
}

/* Appends the journal pair FROM, TO (paths in the spool). */
static void journal_add(struct bt_buf *j, const char *from, const char *to)
{
    bt_buf_add(j, from, strlen(from) + 1);
    bt_buf_add(j, to, strlen(to) + 1);
}

/* Moves SPOOL/incoming/name, its .map (else, map_text not NULL, a copy
 * of the mapping it was read through) and (why not NULL) its error text
 * into dir under copy k's names, k the first whose names are all free;
 * *moved gets the CSV's new path. The order is collect.h's. */
static int move_into(const char *spool, const char *dir, const char *name,
                     const char *why, const struct bt_buf *map_text,
                     struct bt_buf *moved, struct bt_error *e)
{
    unsigned k = free_copy(spool, dir, name);
    struct bt_buf j = {0}, from = {0}, to = {0}, path = {0};
    int rc = 0;
    if (why) {
        bt_buf_addf(&path, "%s/%s", spool, ERR_NEW);
        rc = bt_file_write_atomic(path.data, why, strlen(why), e);
        bt_buf_addf(&to, "%s/", dir);
        bt_spool_name(&to, name, k, ".err");
        journal_add(&j, ERR_NEW, to.data);
    }
    path.len = from.len = to.len = 0;
    if (own_map(spool, name, &from)) {
        bt_buf_addf(&to, "%s/", dir);
        bt_spool_name(&to, name, k, ".map");
        journal_add(&j, from.data, to.data);
    } else if (map_text && rc == 0) {
        path.len = 0;
        bt_buf_addf(&path, "%s/%s", spool, MAP_NEW);
        rc = bt_file_write_atomic(path.data, map_text->data, map_text->len, e);
        bt_buf_addf(&to, "%s/", dir);
        bt_spool_name(&to, name, k, ".map");
        journal_add(&j, MAP_NEW, to.data);
    }
    from.len = to.len = 0;
    bt_buf_addf(&from, "incoming/%s", name);
    bt_buf_addf(&to, "%s/", dir);
    bt_spool_name(&to, name, k, NULL);
    journal_add(&j, from.data, to.data);
    moved->len = 0;
    bt_buf_addf(moved, "%s/%s", spool, to.data);
    path.len = 0;
    bt_buf_addf(&path, "%s/%s", spool, JOURNAL);
    if (rc == 0) {
        crash_point("collect-staged");
        rc = bt_file_write_atomic(path.data, j.data, j.len, e);
    }
    if (rc == 0) {
        crash_point("collect-journaled");
        rc = finish_moves(spool, j.data, j.len, e);
    }
    bt_buf_release(&j);
    bt_buf_release(&from);
    bt_buf_release(&to);
    bt_buf_release(&path);
    return rc;
}

/* What load_one's progress hook needs. */
struct checked {
    const char *spool, *name;
};

/* bt_load_opts.progress: called first once the file has been read and
 * checked whole, before anything is written. From here a death is not
 * the file's (it read and checked fine; writing does not depend on what
 * it holds), so SPOOL/.loading counts none for it: a run killed while
 * writing or moving the file retries it, never sets it aside. */
static void file_checked(void *ctx, size_t done, size_t total)
{
    const struct checked *c = ctx;
    struct bt_error ignored; /* not written: a later death counts, at worst */
    (void)total;
    if (done == 0)
        mark_loading(c->spool, c->name, 0, &ignored);
}

/* Loads incoming/name into *res, unless BT_COLLECT_DEATHS runs died
 * reading and checking it (file_checked); says why it failed in *why. Returns 0, or -1 when the spool
 * cannot be written (*e). */
static int load_one(struct bt_db *db, const struct bt_catalogue *cat,
                    const char *spool, const char *name,
                    const struct bt_load_opts *lo, enum bt_load_result *res,
                    struct bt_load_stats *st, struct bt_buf *why,
                    struct bt_error *e)
{
    unsigned died = deaths(spool, name);
    memset(st, 0, sizeof *st);
    *res = BT_LOAD_FAILED;
    if (died >= BT_COLLECT_DEATHS) {
        bt_buf_addf(why, "%s: %u runs of collect died while loading this "
                    "file (out of memory, a crash or a kill); set aside "
                    "without loading it again\n", name, died);
        return 0;
    }
    if (mark_loading(spool, name, (int)died + 1, e) != 0)
        return -1;
    crash_point("collect-loading");
    struct bt_buf path = {0}, done = {0};
    struct bt_diags diags = BT_DIAGS_INIT;
    struct bt_error le;
    bt_buf_addf(&path, "%s/incoming/%s", spool, name);
    /* the logs name the file where it will be kept: done/NAME.K.csv */
    bt_buf_addf(&done, "%s/done/", spool);
    bt_spool_name(&done, name, free_copy(spool, "done", name), NULL);
    struct checked c = {spool, name};
    struct bt_load_opts o = *lo;
    o.progress = file_checked;
    o.progress_ctx = &c;
    o.record_as = done.data;
    *res = bt_load_file(db, cat, path.data, &o, st, &diags, &le);
    if (*res == BT_LOAD_FAILED)
        bt_buf_addf(why, "%s\n", le.msg);
    bt_diags_text(&diags, name, 100, why);
    if (*res == BT_LOAD_FAILED)
        bt_load_failure(name, st, why);
    else if (*res != BT_LOAD_OK)
        bt_buf_addf(why, "%s: not loaded; nothing written\n", name);
    bt_diags_release(&diags);
    bt_buf_release(&path);
    bt_buf_release(&done);
    return 0;
}

/* How incoming/name is to be loaded (collect.h): *lo, and in *map_text
 * the mapping it is read through (its own, in *own, is moved with it; any
 * other is kept beside it as a copy); *how says where the mapping came
 * from, *rule the rule that matched ("RULES:LINE"; empty: none).
 * Returns 0, or 1 when the
 * mapping cannot be read (in *why: the file fails). */
static int plan(const char *spool, const char *name,
                const struct bt_collect_opts *o,
                const struct bt_spool_rules *rules, struct bt_load_opts *lo,
                struct bt_buf *map_text, struct bt_buf *how, struct bt_buf *why,
                struct bt_buf *own, struct bt_buf *rule)
{
    const struct bt_spool_rule *r = bt_spool_rules_match(rules, name);
    struct bt_buf rel = {0};
    *lo = (struct bt_load_opts){
        .encoding = r && r->encoding ? r->encoding : o->encoding,
        .indicator = r ? r->indicator : NULL};
    how->len = own->len = rule->len = 0;
    if (r)
        bt_buf_addf(rule, "%s:%lu", rules->path, r->line);
    if (own_map(spool, name, &rel)) /* named: NIGHT.CSV's NIGHT.MAP too */
        bt_buf_addf(own, "%s/%s", spool, rel.data),
        lo->map_path = own->data, bt_buf_puts(how, "its own");
    else if (r && r->map_path)
        lo->map_path = r->map_path,
        bt_buf_addf(how, "rule %s:%lu", rules->path, r->line);
    else if (o->map_path)
        lo->map_path = o->map_path, bt_buf_puts(how, "--map");
    bt_buf_release(&rel);
    struct bt_error e;
    /* its own mapping is the spool's: a link there is never read through
     * (bt_collect refused it already; this closes the window after) */
    if (lo->map_path && (own->len ? bt_file_read_nofollow(lo->map_path, map_text, &e)
                                  : bt_file_read(lo->map_path, map_text, &e)) != 0) {
        bt_buf_addf(why, "%s: %s\n%s: not loaded; nothing written\n", name,
                    e.msg, name);
        return 1;
    }
    return 0;
}

/* Loads one ready file and moves it with its companions; tells fn. */
static int collect_one(struct bt_db *db, const struct bt_catalogue *cat,
                       const char *spool, const char *name,
                       const struct bt_collect_opts *o,
                       const struct bt_spool_rules *rules, bt_collect_fn fn,
                       void *ctx, size_t *nfailed, struct bt_error *e)
{
    struct bt_buf path = {0}, moved = {0}, why = {0}, map_text = {0}, how = {0},
                  own = {0}, rule = {0};
    struct bt_load_stats st;
    struct bt_load_opts lo;
    enum bt_load_result res = BT_LOAD_FAILED;
    memset(&st, 0, sizeof st);
    if (plan(spool, name, o, rules, &lo, &map_text, &how, &why, &own,
             &rule) == 0 &&
        load_one(db, cat, spool, name, &lo, &res, &st, &why, e) != 0) {
        bt_buf_release(&why);
        bt_buf_release(&map_text);
        bt_buf_release(&how);
        bt_buf_release(&own);
        bt_buf_release(&rule);
        return -1;
    }
    if (res == BT_LOAD_FAILED && bt_db_daemon_down(db, NULL)) {
        /* not the file's fault: it stays for the next run, and so does
         * every file after it */
        mark_loading(spool, name, -1, e);
        bt_db_daemon_down(db, e);
        bt_buf_release(&why);
        bt_buf_release(&map_text);
        bt_buf_release(&how);
        bt_buf_release(&own);
        bt_buf_release(&rule);
        return 1;
    }
    if (res != BT_LOAD_OK)
        (*nfailed)++;
    int rc = move_into(spool, res == BT_LOAD_OK ? "done" : "failed", name,
                       res == BT_LOAD_OK ? NULL : why.data,
                       lo.map_path ? &map_text : NULL, &moved, e);
    if (rc == 0)
        rc = mark_loading(spool, name, -1, e);
    bt_buf_addf(&path, "%s/incoming/%s", spool, name);
    struct bt_collect_file f = {path.data, rc == 0 ? moved.data : NULL, res,
                                &st, why.data, 0, how.len ? how.data : NULL,
                                rule.len ? rule.data : NULL};
    fn(ctx, &f);
    bt_buf_release(&rule);
    bt_buf_release(&path);
    bt_buf_release(&moved);
    bt_buf_release(&why);
    bt_buf_release(&map_text);
    bt_buf_release(&how);
    bt_buf_release(&own);
    return rc;
}

/* Whether incoming/name has its own mapping and it is not a regular file
 * (a link, a FIFO, a directory); *map gets its path (emptied first). */
static int map_not_regular(const char *spool, const char *name,
                           struct bt_buf *map)
{
    struct bt_buf rel = {0};
    struct stat st;
    map->len = 0;
    int bad = own_map(spool, name, &rel);
    if (bad) {
        bt_buf_addf(map, "%s/%s", spool, rel.data);
        bad = lstat(map->data, &st) == 0 && !S_ISREG(st.st_mode);
    }
    bt_buf_release(&rel);
    return bad;
}

/* Reads SPOOL/rules (each --indicator checked in cat) and checks the
 * --map mapping: 0, 1 (problems in
 * *d), -1 (*e). */
static int configure(const char *spool, const struct bt_catalogue *cat,
                     const struct bt_collect_opts *o,
                     struct bt_spool_rules *rules, struct bt_diags *d,
                     struct bt_error *e)
{
    int rc = bt_spool_rules_load(rules, spool, cat, d, e);
    if (rc >= 0 && o->map_path) {
        struct bt_mapping m;
        int mrc = bt_mapping_load(&m, o->map_path, d, e);
        if (mrc == 0)
            bt_mapping_release(&m);
        else if (mrc < 0)
            bt_diags_add_in(d, o->map_path, 1, 0, "%s", e->msg);
        if (mrc != 0)
            rc = 1;
    }
    return rc;
}

/* Reports incoming file path, which is not a regular file (a symbolic
 * link, a FIFO, a directory), or whose own mapping map (not NULL) is
 * not: failed, both left where they are and never opened, so that no
 * link is followed and no FIFO blocks the run. */
static void not_regular(const char *path, const char *map, bt_collect_fn fn,
                        void *ctx)
{
    struct bt_buf why = {0};
    if (map)
        bt_buf_addf(&why, "%s: not a regular file (a symbolic link, a FIFO or "
                    "a directory): left in incoming/ with '%s', neither "
                    "read; put the file itself there\n", map, path);
    else
        bt_buf_addf(&why, "%s: not a regular file (a symbolic link, a FIFO or a "
                    "directory): left in incoming/ and not read; put the file "
                    "itself there\n", path);
    struct bt_collect_file f = {path, NULL, BT_LOAD_FAILED, NULL, why.data,
                                0, NULL, NULL};
    fn(ctx, &f);
    bt_buf_release(&why);
}

int bt_collect(struct bt_db *db, const struct bt_catalogue *cat,
               const char *spool, const struct bt_collect_opts *o,
               bt_collect_fn fn, void *ctx, size_t *nfailed,
               struct bt_diags *diags, struct bt_error *e)
{
    static const char *const dirs[] = {"incoming", "done", "failed"};
    struct bt_buf dir = {0};
    *nfailed = 0;
    for (int i = 0; i < 3; i++) {
        dir.len = 0;
        bt_buf_addf(&dir, "%s/%s", spool, dirs[i]);
        if (bt_mkdir_p(dir.data, e) != 0 || bt_no_links(spool, dirs[i], e) != 0 ||
            (i == 0 && bt_no_links(spool, "rules", e) != 0)) {
            bt_buf_release(&dir);
            return -1;
        }
    }
    if (recover(spool, e) != 0) {
        bt_buf_release(&dir);
        return -1;
    }
    struct bt_spool_rules rules;
    int conf = configure(spool, cat, o, &rules, diags, e);
    if (conf != 0) {
        bt_spool_rules_release(&rules);
        bt_buf_release(&dir);
        return conf;
    }
    dir.len = 0;
    bt_buf_addf(&dir, "%s/incoming", spool);
    char **names;
    size_t n;
    int rc = ready_names(dir.data, &names, &n, e);
    time_t now = time(NULL);
    size_t left = 0;
    for (size_t i = 0; i < n; i++) {
        struct bt_buf path = {0}, map = {0};
        struct stat st;
        bt_buf_addf(&path, "%s/%s", dir.data, names[i]);
        int got = rc == 0 ? lstat(path.data, &st) : -1;
        if (got == 0 && !S_ISREG(st.st_mode)) {
            not_regular(path.data, NULL, fn, ctx);
            ++*nfailed;
        } else if (got == 0 && map_not_regular(spool, names[i], &map)) {
            not_regular(path.data, map.data, fn, ctx);
            ++*nfailed;
        } else if (got == 0 && difftime(now, st.st_mtime) < o->min_age) {
            struct bt_collect_file f = {path.data, NULL, BT_LOAD_OK, NULL,
                                        NULL, 1, NULL, NULL};
            fn(ctx, &f);
        } else if (rc == 0) {
            rc = collect_one(db, cat, spool, names[i], o, &rules, fn, ctx,
                             nfailed, e);
            left = rc == 1 ? n - i : 0;
        }
        bt_buf_release(&path);
        bt_buf_release(&map);
        free(names[i]);
    }
    free(names);
    bt_buf_release(&dir);
    bt_spool_rules_release(&rules);
    if (rc == 1) {
        struct bt_error why = *e;
        return bt_fail(e, "%s; stopped: %zu file%s left in incoming/ for "
                       "the next run", why.msg, left, left == 1 ? "" : "s");
    }
    return rc;
}
