/* cmd_series.c - baytrack series: list what the database holds. */
#include <string.h>

#include "model/series.h"
#include "cli.h"

static int print_one(void *ctx, const char *rel)
{
    struct bt_series_name s;
    const char *only = ctx;
    if (bt_series_name_parse(rel, &s) != 0)
        return 0;
    if (!only || strcmp(only, s.indicator) == 0) {
        struct bt_buf label = {0};
        bt_series_label(&label, s.indicator, s.dims, s.ndims);
        puts(label.data);
        bt_buf_release(&label);
    }
    bt_series_name_release(&s);
    return 0;
}

int bt_cmd_series(struct bt_cli *cli, int argc, char **argv)
{
    static const struct option opts[] = {BT_COMMON_OPTIONS};
    int c, rc;
    while ((c = getopt_long(argc, argv, BT_COMMON_SHORT, opts, NULL)) != -1)
        if ((rc = bt_cli_common(cli, c, optarg)) != 0)
            return rc < 0 ? BT_EXIT_OK : rc;
    if (argc - optind > 1)
        return bt_cli_usage(cli, "name at most one indicator");
    struct bt_db db;
    struct bt_error e;
    bt_cli_db_init(cli, &db);
    rc = bt_db_each_series(&db, print_one, optind < argc ? argv[optind] : NULL, &e);
    bt_cli_db_release(cli, &db);
    return rc ? bt_cli_error(cli, BT_EXIT_IO, "%s", e.msg) : BT_EXIT_OK;
}
