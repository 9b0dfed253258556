/* cmd_log.c - baytrack log: the loads the database logged (DB/loads.csv),
 * as a table or one JSON object a line. */
#include <string.h>

#include "base/period.h"
#include "cli.h"

static void print_text(const struct bt_changes *c)
{
    printf("%-20s  %8s  %8s  %8s  %6s  %s\n", "loaded_at", "added",
           "revised", "deleted", "flags", "file");
    for (size_t i = 0; i < c->nloads; i++) {
        const struct bt_load_entry *l = &c->loads[i];
        printf("%-20s  %8zu  %8zu  %8zu  %6zu  %s\n", l->when, l->added,
               l->revised, l->deleted, l->flags, l->file);
    }
}

static void print_json(const struct bt_changes *c)
{
    for (size_t i = 0; i < c->nloads; i++) {
        const struct bt_load_entry *l = &c->loads[i];
        printf("{\"loaded_at\":\"%s\",\"file\":", l->when);
        bt_json_string(stdout, l->file);
        printf(",\"added\":%zu,\"revised\":%zu,\"deleted\":%zu,\"flags\":%zu}\n",
               l->added, l->revised, l->deleted, l->flags);
    }
}

int bt_cmd_log(struct bt_cli *cli, int argc, char **argv)
{
    static const struct option opts[] = {
        {"since", required_argument, NULL, 's'},
        {"json", no_argument, NULL, 'j'},
        BT_COMMON_OPTIONS};
    bt_day since = 0;
    int c, rc, json = 0;
    const char *why;
    while ((c = getopt_long(argc, argv, BT_COMMON_SHORT, opts, NULL)) != -1) {
        if (c == 's') {
            if (bt_period_parse(optarg, strlen(optarg), &since, &why) != 0)
                return bt_cli_usage(cli, "--since '%s': %s", optarg, why);
        } else if (c == 'j') {
            json = 1;
        } else if ((rc = bt_cli_common(cli, c, optarg)) != 0) {
            return rc < 0 ? BT_EXIT_OK : rc;
        }
    }
    if (optind < argc)
        return bt_cli_usage(cli, "unexpected argument '%s'", argv[optind]);
    struct bt_db db;
    struct bt_error e;
    struct bt_changes ch;
    bt_cli_db_init(cli, &db);
    rc = bt_db_changes(&db, since, &ch, &e);
    bt_cli_db_release(cli, &db);
    if (rc != 0)
        return bt_cli_error(cli, BT_EXIT_IO, "%s", e.msg);
    if (json)
        print_json(&ch);
    else
        print_text(&ch);
    bt_changes_release(&ch);
    return BT_EXIT_OK;
}
