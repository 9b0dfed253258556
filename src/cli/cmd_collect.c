/* cmd_collect.c - baytrack collect: the spool, for cron. Quiet unless
 * something failed (or --verbose); log lines carry a UTC time stamp. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "ingest/collect.h"
#include "cli.h"

/* Prints one "TIME collect: ..." line to f. */
static void logf_(FILE *f, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void logf_(FILE *f, const char *fmt, ...)
{
    char when[32];
    time_t now = time(NULL);
    struct tm tm;
    strftime(when, sizeof when, "%Y-%m-%dT%H:%M:%SZ", gmtime_r(&now, &tm));
    fprintf(f, "%s collect: ", when);
    va_list ap;
    va_start(ap, fmt);
    vfprintf(f, fmt, ap);
    va_end(ap);
    fputc('\n', f);
}

/* The --verbose line of one file, as load's summary says it: its rows
 * and layout, what it added, revised, deleted, left unchanged, found
 * missing and rejected, the lines a mapping skipped, the flags changed,
 * the mapping used and where it came from, and where the file went. */
static void summary(const struct bt_collect_file *f)
{
    const struct bt_load_stats *st = f->stats;
    struct bt_buf more = {0};
    for (int i = 0; i < BT_DS_SKIP_N; i++)
        if (st->skipped[i])
            bt_buf_addf(&more, "%s%zu %s", more.len ? ", " : "; skipped ",
                        st->skipped[i], bt_ds_skip_names[i]);
    if (st->flags_changed)
        bt_buf_addf(&more, "; %zu flag%s changed", st->flags_changed,
                    st->flags_changed == 1 ? "" : "s");
    if (f->map_how)
        bt_buf_addf(&more, "; mapping %s (%s)", st->map_path, f->map_how);
    if (f->rule && (!f->map_how || strncmp(f->map_how, "rule ", 5) != 0))
        bt_buf_addf(&more, "; rule %s", f->rule); /* --indicator, --encoding */
    char deleted[48] = ""; /* only said when a file deletes (SDMX) */
    if (st->deleted)
        snprintf(deleted, sizeof deleted, "%zu deleted, ", st->deleted);
    logf_(stdout, "%s: %zu rows (%s layout): %zu added, %zu revised, %s%zu "
          "unchanged, %zu missing, %zu rejected%s; %s%s%s", f->path, st->rows,
          st->layout ? st->layout : "no", st->added, st->revised, deleted,
          st->unchanged, st->missing, st->rejected, more.len ? more.data : "",
          f->result == BT_LOAD_OK ? "" : "not loaded; ",
          f->moved_to ? "moved to " : "not moved", f->moved_to ? f->moved_to : "");
    bt_buf_release(&more);
}

static void on_file(void *ctx, const struct bt_collect_file *f)
{
    const struct bt_cli *cli = ctx;
    if (f->young) {
        if (cli->verbose)
            logf_(stdout, "%s: left for the next run (modified just now)", f->path);
        return;
    }
    if (f->result != BT_LOAD_OK) {
        if (f->moved_to)
            logf_(stderr, "%s: failed, moved to %s", f->path, f->moved_to);
        else
            logf_(stderr, "%s: failed, left in incoming/", f->path);
        fputs(f->why, stderr);
    }
    if (cli->verbose && f->stats)
        summary(f);
}

int bt_cmd_collect(struct bt_cli *cli, int argc, char **argv)
{
    static const struct option opts[] = {
        {"wait", required_argument, NULL, 'w'},
        {"min-age", required_argument, NULL, 'm'},
        {"encoding", required_argument, NULL, 'e'},
        {"map", required_argument, NULL, 'M'},
        BT_COMMON_OPTIONS};
    struct bt_collect_opts o = {5, NULL, NULL};
    double wait = 60;
    int c, rc;
    while ((c = getopt_long(argc, argv, "w:e:" BT_COMMON_SHORT, opts, NULL)) != -1) {
        char *end;
        switch (c) {
        case 'w':
        case 'm': {
            double v = strtod(optarg, &end);
            if (*end || v < 0)
                return bt_cli_usage(cli, "'%s' is not a number of seconds (0 or more)", optarg);
            *(c == 'w' ? &wait : &o.min_age) = v;
            break;
        }
        case 'e': o.encoding = optarg; break;
        case 'M': o.map_path = optarg; break;
        default:
            if ((rc = bt_cli_common(cli, c, optarg)) != 0)
                return rc < 0 ? BT_EXIT_OK : rc;
        }
    }
    if (optind + 1 != argc)
        return bt_cli_usage(cli, "name one spool directory");
    struct bt_catalogue cat;
    if ((rc = bt_cli_catalogue(cli, &cat)) != 0)
        return rc;
    struct bt_db db;
    struct bt_error e;
    enum bt_exit code;
    size_t failed = 0;
    struct bt_diags diags = BT_DIAGS_INIT;
    bt_cli_db_init(cli, &db);
    if (bt_db_lock(&db, wait, &code, &e) != 0) {
        rc = bt_cli_error(cli, code, "%s", e.msg);
    } else if (bt_cli_recovered(cli, &db), ((rc = bt_collect(&db, &cat, argv[optind], &o, on_file, cli,
                                &failed, &diags, &e)) > 0)) {
        bt_cli_diags(argv[optind], &diags, 100);
        rc = bt_cli_error(cli, BT_EXIT_CONFIG, "%s: the spool's rules or "
                          "--map mapping have problems; no file loaded or "
                          "moved", argv[optind]);
    } else if (rc < 0) {
        rc = bt_cli_error(cli, BT_EXIT_IO, "%s", e.msg);
    } else {
        rc = failed ? BT_EXIT_FAILED : BT_EXIT_OK;
    }
    bt_diags_release(&diags);
    bt_cli_db_release(cli, &db);
    bt_catalogue_release(&cat);
    return rc;
}
