/* cmd_export.c - baytrack export: one series as CSV or JSON. */
#include <stdlib.h>
#include <string.h>

#include "../number.h"
#include "../series.h"
#include "../store_rrd.h"
#include "cli.h"

/* Collects the matching series files. */
struct found {
    char *rel[6];
    size_t n;
};

static int collect(void *ctx, const char *rel)
{
    struct found *f = ctx;
    if (f->n < 6)
        f->rel[f->n] = bt_xstrdup(rel);
    f->n++;
    return 0;
}

static void print_csv(const struct bt_indicator *ind,
                      const struct bt_series_name *s, const struct bt_points *p)
{
    printf("indicator,date,value");
    for (size_t i = 0; i < s->ndims; i++) {
        putchar(',');
        bt_csv_field(stdout, s->dims[i].name);
    }
    putchar('\n');
    for (size_t k = 0; k < p->n; k++) {
        char date[11], num[32];
        bt_period_format(p->v[k].day, ind->freq, date);
        bt_number_format(p->v[k].value, num);
        printf("%s,%s,%s", ind->id, date, num);
        for (size_t i = 0; i < s->ndims; i++) {
            putchar(',');
            bt_csv_field(stdout, s->dims[i].value);
        }
        putchar('\n');
    }
}

static void print_json(const struct bt_indicator *ind,
                       const struct bt_series_name *s, const struct bt_points *p)
{
    printf("{\"indicator\":");
    bt_json_string(stdout, ind->id);
    printf(",\"frequency\":\"%s\",\"dimensions\":{", bt_freq_name(ind->freq));
    for (size_t i = 0; i < s->ndims; i++) {
        if (i)
            putchar(',');
        bt_json_string(stdout, s->dims[i].name);
        putchar(':');
        bt_json_string(stdout, s->dims[i].value);
    }
    printf("},\"observations\":[");
    for (size_t k = 0; k < p->n; k++) {
        char date[11], num[32];
        bt_period_format(p->v[k].day, ind->freq, date);
        bt_number_format(p->v[k].value, num);
        printf("%s{\"date\":\"%s\",\"value\":%s}", k ? "," : "", date, num);
    }
    printf("]}\n");
}

int bt_cmd_export(struct bt_cli *cli, int argc, char **argv)
{
    static const struct option opts[] = {
        {"where", required_argument, NULL, 'w'},
        {"format", required_argument, NULL, 'f'},
        BT_COMMON_OPTIONS};
    struct bt_dim where[BT_DIMS_MAX];
    size_t nwhere = 0;
    int json = 0, c, rc;
    while ((c = getopt_long(argc, argv, "w:f:" BT_COMMON_SHORT, opts, NULL)) != -1) {
        if (c == 'w') {
            if ((rc = bt_cli_where(cli, optarg, where, &nwhere)) != 0)
                return rc;
        } else if (c == 'f') {
            if (strcmp(optarg, "csv") != 0 && strcmp(optarg, "json") != 0)
                return bt_cli_usage(cli, "--format '%s' should be csv or json", optarg);
            json = strcmp(optarg, "json") == 0;
        } else if ((rc = bt_cli_common(cli, c, optarg)) != 0) {
            return rc < 0 ? BT_EXIT_OK : rc;
        }
    }
    if (optind + 1 != argc)
        return bt_cli_usage(cli, "name one indicator");
    const char *id = argv[optind];
    struct bt_catalogue cat;
    if ((rc = bt_cli_catalogue(cli, &cat)) != 0)
        return rc;
    const struct bt_indicator *ind = bt_catalogue_find(&cat, id, strlen(id));
    struct bt_db db;
    struct bt_error e;
    struct found f = {{0}, 0};
    bt_db_init(&db, cli->db_dir, cli->daemon);
    if (!ind) {
        rc = bt_cli_error(cli, BT_EXIT_NOINPUT, "unknown indicator '%s'", id);
        goto out;
    }
    if (bt_db_match(&db, id, where, nwhere, collect, &f, &e) < 0) {
        rc = bt_cli_error(cli, BT_EXIT_IO, "%s", e.msg);
        goto out;
    }
    if (f.n == 0) {
        rc = bt_cli_error(cli, BT_EXIT_NOINPUT, "no stored series of '%s' "
                          "matches; 'baytrack series %s' lists them", id, id);
        goto out;
    }
    if (f.n > 1) {
        rc = bt_cli_error(cli, BT_EXIT_USAGE, "%zu series of '%s' match; "
                          "choose one with --where DIM=VALUE ('baytrack "
                          "series %s' lists them)", f.n, id, id);
        goto out;
    }
    struct bt_buf path = {0};
    struct bt_points pts = {0};
    struct bt_series_name name;
    bt_db_path(&db, f.rel[0], &path);
    bt_series_name_parse(f.rel[0], &name);
    if (bt_store_read(&db.store, path.data, &pts, &e) != 0) {
        rc = bt_cli_error(cli, BT_EXIT_IO, "%s", e.msg);
    } else {
        (json ? print_json : print_csv)(ind, &name, &pts);
        rc = BT_EXIT_OK;
    }
    bt_series_name_release(&name);
    bt_points_release(&pts);
    bt_buf_release(&path);
out:
    for (size_t i = 0; i < f.n && i < 6; i++)
        free(f.rel[i]);
    bt_db_release(&db);
    bt_catalogue_release(&cat);
    return rc;
}
