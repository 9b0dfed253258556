/* cmd_export.c - baytrack export: one series as CSV, JSON or SDMX-CSV. */
#include <stdlib.h>
#include <string.h>

#include "assess/breakdown.h"
#include "assess/export.h"
#include "assess/export_sdmx.h"
#include "store/flags.h"
#include "base/number.h"
#include "cli.h"

static void print_csv(const struct bt_indicator *ind,
                      const struct bt_exported *x, size_t n, int annotated,
                      int sdmx)
{
    struct bt_buf b = {0};
    if (sdmx)
        bt_export_sdmx(&b, ind, x, n);
    else
        bt_export_csv(&b, ind, x, n, annotated);
    fwrite(b.data, 1, b.len, stdout);
    bt_buf_release(&b);
}

/* One JSON object per series, one per line. */
static void print_json(const struct bt_indicator *ind, const struct bt_exported *x,
                       size_t n)
{
    for (size_t s = 0; s < n; s++) {
        const struct bt_series_name *name = &x[s].name;
        const struct bt_points *p = &x[s].pts;
        printf("{\"indicator\":");
        bt_json_string(stdout, ind->id);
        printf(",\"frequency\":\"%s\",\"dimensions\":{", bt_freq_name(ind->freq));
        for (size_t i = 0; i < name->ndims; i++) {
            if (i)
                putchar(',');
            bt_json_string(stdout, name->dims[i].name);
            putchar(':');
            bt_json_string(stdout, name->dims[i].value);
        }
        printf("},\"observations\":[");
        for (size_t k = 0; k < p->n; k++) {
            char date[11], num[32];
            bt_period_format(p->v[k].day, ind->freq, date);
            bt_number_format(p->v[k].value, num);
            printf("%s{\"date\":\"%s\",\"value\":%s", k ? "," : "", date, num);
            const char *flag = bt_flags_find(&x[s].flags, p->v[k].day);
            if (flag) {
                printf(",\"flag\":");
                bt_json_string(stdout, flag);
            }
            putchar('}');
        }
        printf("]}\n");
    }
}

int bt_cmd_export(struct bt_cli *cli, int argc, char **argv)
{
    static const struct option opts[] = {
        {"where", required_argument, NULL, 'w'},
        {"format", required_argument, NULL, 'f'},
        {"all", no_argument, NULL, 'a'},
        {"annotated", no_argument, NULL, 'n'},
        {"total", no_argument, NULL, 't'},
        BT_COMMON_OPTIONS};
    struct bt_dim where[BT_DIMS_MAX];
    size_t nwhere = 0;
    int json = 0, sdmx = 0, all = 0, annotated = 0, total = 0, c, rc;
    while ((c = getopt_long(argc, argv, "w:f:an" BT_COMMON_SHORT, opts, NULL)) != -1) {
        if (c == 'w') {
            if ((rc = bt_cli_where(cli, optarg, where, &nwhere)) != 0)
                return rc;
        } else if (c == 'f') {
            json = strcmp(optarg, "json") == 0;
            sdmx = strcmp(optarg, "sdmx-csv") == 0;
            if (strcmp(optarg, "csv") != 0 && !json && !sdmx)
                return bt_cli_usage(cli, "--format '%s' should be csv, json "
                                    "or sdmx-csv", optarg);
        } else if (c == 'a') {
            all = 1;
        } else if (c == 'n') {
            annotated = 1;
        } else if (c == 't') {
            total = 1;
        } else if ((rc = bt_cli_common(cli, c, optarg)) != 0) {
            return rc < 0 ? BT_EXIT_OK : rc;
        }
    }
    if (optind + 1 != argc)
        return bt_cli_usage(cli, "name one indicator");
    if (total && all)
        return bt_cli_usage(cli, "--total is one series, --all every one: give one of them");
    struct bt_error e;
    if (bt_breakdown_check(where, nwhere, &e) != 0)
        return bt_cli_usage(cli, "--where: %s", e.msg);
    const char *id = argv[optind];
    struct bt_catalogue cat;
    if ((rc = bt_cli_catalogue(cli, &cat)) != 0)
        return rc;
    const struct bt_indicator *ind = bt_catalogue_find(&cat, id, strlen(id));
    struct bt_db db;
    struct bt_exported *x = NULL;
    size_t nx = 0;
    bt_cli_db_init(cli, &db);
    if (!ind) {
        rc = bt_cli_error(cli, BT_EXIT_NOINPUT, "unknown indicator '%s'", id);
        goto out;
    }
    int read = (total ? bt_export_total : bt_export_read)(&db, ind, where, nwhere,
                                                          &x, &nx, &e);
    bt_db_read_end(&db); /* all read: a writer need not wait for the output */
    if (read != 0) {
        rc = bt_cli_error(cli, BT_EXIT_IO, "%s", e.msg);
    } else if (nx == 0 && ind->derive) {
        rc = bt_cli_error(cli, BT_EXIT_NOINPUT, "no stored series of '%s' "
                          "matches: '%s' is derived from it", ind->derive->from, id);
    } else if (nx == 0) {
        rc = bt_cli_error(cli, BT_EXIT_NOINPUT, "no stored series of '%s' "
                          "matches; 'baytrack series %s' lists them", id, id);
    } else if (nx > 1 && !all) {
        rc = bt_cli_error(cli, BT_EXIT_USAGE, "%zu series of '%s' match; "
                          "choose one with --where DIM=VALUE ('baytrack "
                          "series %s' lists them), export them all with --all, "
                          "or their total with --total", nx, id, id);
    } else {
        if (json)
            print_json(ind, x, nx);
        else
            print_csv(ind, x, nx, annotated, sdmx);
        rc = BT_EXIT_OK;
    }
out:
    bt_exported_free(x, nx);
    bt_cli_db_release(cli, &db);
    bt_catalogue_release(&cat);
    return rc;
}
