/* cmd_export.c - baytrack export: one series as CSV or JSON. */
#include <stdlib.h>
#include <string.h>

#include "../flags.h"
#include "../number.h"
#include "../query.h"
#include "../series.h"
#include "../store_rrd.h"
#include "cli.h"

/* The matching series files, then each one read. */
struct found {
    char **rel;
    size_t n, cap;
};

static int collect(void *ctx, const char *rel)
{
    struct found *f = ctx;
    bt_grow((void **)&f->rel, &f->cap, f->n + 1, sizeof *f->rel);
    f->rel[f->n++] = bt_xstrdup(rel);
    return 0;
}

/* One series as read back. */
struct exported {
    struct bt_series_name name;
    struct bt_points pts;
    struct bt_flags flags;
};

/* The columns of a CSV export: a flag column when any observation has a
 * flag, and every dimension any series has, sorted (load reads the file
 * back: an empty dimension cell is a series without that dimension). */
struct columns {
    int flag;
    const char *dims[64];
    size_t ndims;
};

static void columns_of(const struct exported *x, size_t n, struct columns *c)
{
    memset(c, 0, sizeof *c);
    for (size_t i = 0; i < n; i++) {
        c->flag |= x[i].flags.n > 0;
        for (size_t k = 0; k < x[i].name.ndims; k++) {
            const char *d = x[i].name.dims[k].name;
            size_t j = 0;
            while (j < c->ndims && strcmp(c->dims[j], d) < 0)
                j++;
            if ((j < c->ndims && strcmp(c->dims[j], d) == 0) || c->ndims == 64)
                continue;
            memmove(&c->dims[j + 1], &c->dims[j], (c->ndims - j) * sizeof *c->dims);
            c->dims[j] = d;
            c->ndims++;
        }
    }
}

static void print_csv(const struct bt_indicator *ind, const struct exported *x,
                      size_t n)
{
    struct columns c;
    columns_of(x, n, &c);
    printf("indicator,date,value%s", c.flag ? ",flag" : "");
    for (size_t i = 0; i < c.ndims; i++) {
        putchar(',');
        bt_csv_field(stdout, c.dims[i]);
    }
    putchar('\n');
    for (size_t s = 0; s < n; s++) {
        const struct bt_points *p = &x[s].pts;
        const struct bt_series_name *name = &x[s].name;
        for (size_t k = 0; k < p->n; k++) {
            char date[11], num[32];
            bt_period_format(p->v[k].day, ind->freq, date);
            bt_number_format(p->v[k].value, num);
            printf("%s,%s,%s", ind->id, date, num);
            if (c.flag) {
                const char *flag = bt_flags_find(&x[s].flags, p->v[k].day);
                putchar(',');
                if (flag)
                    bt_csv_field(stdout, flag);
            }
            for (size_t i = 0, j = 0; i < c.ndims; i++) {
                putchar(',');
                if (j < name->ndims && strcmp(name->dims[j].name, c.dims[i]) == 0)
                    bt_csv_field(stdout, name->dims[j++].value);
            }
            putchar('\n');
        }
    }
}

/* One JSON object per series, one per line. */
static void print_json(const struct bt_indicator *ind, const struct exported *x,
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

/* Reads every found series into x[0..f->n). Returns 0 or -1 with *e. */
static int read_all(struct bt_db *db, const struct found *f,
                    struct exported *x, struct bt_error *e)
{
    struct bt_buf path = {0}, fpath = {0};
    int rc = 0;
    for (size_t i = 0; i < f->n && rc == 0; i++) {
        path.len = fpath.len = 0;
        bt_db_path(db, f->rel[i], &path);
        bt_flags_path(path.data, &fpath);
        bt_series_name_parse(f->rel[i], &x[i].name);
        if (bt_store_read(&db->store, path.data, &x[i].pts, e) != 0 ||
            bt_flags_read(fpath.data, &x[i].flags, e) != 0)
            rc = -1;
    }
    bt_buf_release(&path);
    bt_buf_release(&fpath);
    return rc;
}

int bt_cmd_export(struct bt_cli *cli, int argc, char **argv)
{
    static const struct option opts[] = {
        {"where", required_argument, NULL, 'w'},
        {"format", required_argument, NULL, 'f'},
        {"all", no_argument, NULL, 'a'},
        BT_COMMON_OPTIONS};
    struct bt_dim where[BT_DIMS_MAX];
    size_t nwhere = 0;
    int json = 0, all = 0, c, rc;
    while ((c = getopt_long(argc, argv, "w:f:a" BT_COMMON_SHORT, opts, NULL)) != -1) {
        if (c == 'w') {
            if ((rc = bt_cli_where(cli, optarg, where, &nwhere)) != 0)
                return rc;
        } else if (c == 'f') {
            if (strcmp(optarg, "csv") != 0 && strcmp(optarg, "json") != 0)
                return bt_cli_usage(cli, "--format '%s' should be csv or json", optarg);
            json = strcmp(optarg, "json") == 0;
        } else if (c == 'a') {
            all = 1;
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
    struct found f = {0};
    struct exported *x = NULL;
    bt_db_init(&db, cli->db_dir, cli->daemon);
    if (!ind) {
        rc = bt_cli_error(cli, BT_EXIT_NOINPUT, "unknown indicator '%s'", id);
        goto out;
    }
    if (ind->derive) { /* computed, not stored: one series, no flags */
        size_t nseries;
        x = bt_xcalloc(1, sizeof *x);
        x->name.indicator = x->name.storage = bt_xstrdup(id); /* owned by storage */
        if (bt_query_indicator(&db, ind, where, nwhere, &x->pts, &nseries, &e) != 0)
            rc = bt_cli_error(cli, BT_EXIT_IO, "%s", e.msg);
        else if (nseries == 0)
            rc = bt_cli_error(cli, BT_EXIT_NOINPUT, "no stored series of '%s' "
                              "matches: '%s' is derived from it", ind->derive->from, id);
        else {
            (json ? print_json : print_csv)(ind, x, 1);
            rc = BT_EXIT_OK;
        }
        bt_series_name_release(&x->name);
        bt_points_release(&x->pts);
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
    if (f.n > 1 && !all) {
        rc = bt_cli_error(cli, BT_EXIT_USAGE, "%zu series of '%s' match; "
                          "choose one with --where DIM=VALUE ('baytrack "
                          "series %s' lists them), or export them all with "
                          "--all", f.n, id, id);
        goto out;
    }
    x = bt_xcalloc(f.n, sizeof *x);
    if (read_all(&db, &f, x, &e) != 0) {
        rc = bt_cli_error(cli, BT_EXIT_IO, "%s", e.msg);
    } else {
        (json ? print_json : print_csv)(ind, x, f.n);
        rc = BT_EXIT_OK;
    }
out:
    for (size_t i = 0; i < f.n; i++) {
        free(f.rel[i]);
        if (x) {
            bt_series_name_release(&x[i].name);
            bt_points_release(&x[i].pts);
            bt_flags_release(&x[i].flags);
        }
    }
    free(f.rel);
    free(x);
    bt_db_release(&db);
    bt_catalogue_release(&cat);
    return rc;
}
