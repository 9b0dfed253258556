/* cmd_load.c - baytrack load: CSV files into the database. */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "ingest/load.h"
#include "cli.h"

/* A progress bar on stderr (a terminal), redrawn when the percentage
 * changes. */
struct bar {
    const char *file;
    int shown; /* last percentage drawn, -1 for none */
};

static void draw_bar(void *ctx, size_t done, size_t total)
{
    struct bar *b = ctx;
    int pct = total ? (int)(done * 100 / total) : 100;
    if (pct == b->shown || total < 50)
        return; /* small files need no bar */
    b->shown = pct;
    char fill[41];
    memset(fill, '#', sizeof fill);
    memset(fill + pct * 40 / 100, '.', (size_t)(40 - pct * 40 / 100));
    fill[40] = '\0';
    fprintf(stderr, "\r%s [%s] %3d%% (%zu/%zu series)", b->file, fill, pct, done,
            total);
}

static void clear_bar(struct bar *b)
{
    if (b->shown >= 0)
        fputs("\r\033[K", stderr);
    b->shown = -1;
}

/* Says which lines a mapping passed over, and why, and the flags that
 * changed: never silently. */
static void print_skipped(const char *file, const struct bt_load_stats *st)
{
    size_t total = 0;
    for (int i = 0; i < BT_DS_SKIP_N; i++)
        total += st->skipped[i];
    if (total) {
        printf("%s: skipped %zu line%s:", file, total, total == 1 ? "" : "s");
        const char *sep = " ";
        for (int i = 0; i < BT_DS_SKIP_N; i++)
            if (st->skipped[i]) {
                printf("%s%zu %s", sep, st->skipped[i], bt_ds_skip_names[i]);
                sep = ", ";
            }
        putchar('\n');
    }
    if (st->flags_changed)
        printf("%s: %zu flag%s set, changed or cleared (logged in flags.csv)\n",
               file, st->flags_changed, st->flags_changed == 1 ? "" : "s");
}

/* Prints what one file did (stdout) or why it was rejected (stderr). */
static void report(const struct bt_cli *cli, const char *file,
                   enum bt_load_result res, const struct bt_load_opts *o,
                   const struct bt_load_stats *st, struct bt_diags *diags,
                   const struct bt_error *e)
{
    if (res == BT_LOAD_FAILED) {
        struct bt_buf what = {0};
        bt_cli_error(cli, 0, "%s", e->msg);
        bt_load_failure(file, st, &what);
        fputs(what.data, stderr);
        bt_buf_release(&what);
        return;
    }
    if (res == BT_LOAD_REJECTED && st->map_invalid) {
        bt_cli_diags(file, diags, 100);
        fprintf(stderr, "%s: rejected: its mapping is not valid; nothing "
                "written\n", file);
        return;
    }
    if (res == BT_LOAD_REJECTED) {
        bt_cli_diags(file, diags, 100);
        if (st->rows)
            fprintf(stderr, "%s: rejected: %zu of %zu rows have problems; "
                    "nothing written\n", file, st->rejected, st->rows);
        else
            fprintf(stderr, "%s: rejected: no data rows could be read; nothing "
                    "written\n", file);
        return;
    }
    if (cli->quiet)
        return;
    if (cli->verbose && st->map_path[0])
        printf("%s: read through mapping %s\n", file, st->map_path);
    char deleted[48] = ""; /* only said when a file deletes (SDMX) */
    if (st->deleted)
        snprintf(deleted, sizeof deleted, "%zu deleted, ", st->deleted);
    printf("%s: %zu rows (%s layout): %zu added, %zu revised, %s%zu unchanged, "
           "%zu missing, 0 rejected%s\n",
           file, st->rows, st->layout, st->added, st->revised, deleted,
           st->unchanged, st->missing,
           o->dry_run ? " (dry run: nothing written)" : "");
    print_skipped(file, st);
}

int bt_cmd_load(struct bt_cli *cli, int argc, char **argv)
{
    static const struct option opts[] = {
        {"map", required_argument, NULL, 'm'},
        {"indicator", required_argument, NULL, 'i'},
        {"dry-run", no_argument, NULL, 'n'},
        {"encoding", required_argument, NULL, 'e'},
        {"wait", required_argument, NULL, 'w'},
        BT_COMMON_OPTIONS};
    struct bt_load_opts o = {0};
    double wait = 0;
    int c;
    while ((c = getopt_long(argc, argv, "m:i:ne:w:" BT_COMMON_SHORT, opts, NULL)) != -1) {
        char *end;
        switch (c) {
        case 'm': o.map_path = optarg; break;
        case 'i': o.indicator = optarg; break;
        case 'n': o.dry_run = 1; break;
        case 'e': o.encoding = optarg; break;
        case 'w':
            wait = strtod(optarg, &end);
            if (*end || wait < 0)
                return bt_cli_usage(cli, "--wait '%s' is not a number of seconds (0 or more)",
                                    optarg);
            break;
        default: {
            int rc = bt_cli_common(cli, c, optarg);
            if (rc)
                return rc < 0 ? BT_EXIT_OK : rc;
        }
        }
    }
    if (optind == argc)
        return bt_cli_usage(cli, "no file to load");
    struct bt_catalogue cat;
    int rc = bt_cli_catalogue(cli, &cat);
    if (rc)
        return rc;
    struct bt_db db;
    struct bt_error e;
    bt_cli_db_init(cli, &db);
    enum bt_exit code = BT_EXIT_OK;
    if (!o.dry_run && bt_db_lock(&db, wait, &code, &e) != 0) {
        rc = bt_cli_error(cli, code, "%s", e.msg);
        goto out;
    }
    bt_cli_recovered(cli, &db); /* before the summaries */
    struct bar bar = {NULL, -1};
    if (!cli->quiet && isatty(STDERR_FILENO)) {
        o.progress = draw_bar;
        o.progress_ctx = &bar;
    }
    for (int i = optind; i < argc; i++) {
        struct bt_load_stats st;
        struct bt_diags diags = BT_DIAGS_INIT;
        bar.file = argv[i];
        enum bt_load_result res = bt_load_file(&db, &cat, argv[i], &o, &st,
                                               &diags, &e);
        clear_bar(&bar);
        report(cli, argv[i], res, &o, &st, &diags, &e);
        if (res == BT_LOAD_FAILED)
            rc = st.busy ? BT_EXIT_LOCKED : BT_EXIT_IO;
        else if (res == BT_LOAD_REJECTED && rc == 0)
            rc = BT_EXIT_DATA;
        bt_diags_release(&diags);
    }
out:
    bt_cli_db_release(cli, &db);
    bt_catalogue_release(&cat);
    return rc;
}
