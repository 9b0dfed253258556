/* cmd_chart.c - baytrack chart: one indicator's progress chart, or its
 * breakdowns compared on one axis. */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "assess/breakdown.h"
#include "assess/query.h"
#include "site/chart_gnuplot.h"
#include "site/chart_svg.h"
#include "site/i18n.h"
#include "cli.h"

/* What chart was asked for. */
struct ask {
    const char *id, *out;
    struct bt_dim where[BT_DIMS_MAX]; /* as given, a name possibly repeated */
    size_t nwhere;
    const char *by;                   /* --by DIM, or NULL */
    size_t top;                       /* --top N: with --by, the largest N */
    int total;                        /* --total: the total's line too */
    enum bt_lang lang;
    enum bt_chart_format fmt;
    bt_day from, to;
    const struct bt_catalogue *cat; /* for dimension names and values */
};

/* The dimension given more than once in --where, or NULL; -1 when two are. */
static int repeated(const struct ask *q, const char **name)
{
    *name = NULL;
    for (size_t i = 0; i < q->nwhere; i++)
        for (size_t k = 0; k < i; k++)
            if (strcmp(q->where[i].name, q->where[k].name) == 0) {
                if (*name && strcmp(*name, q->where[i].name) != 0)
                    return -1;
                *name = q->where[i].name;
            }
    return 0;
}

/* Runs gnuplot on script, then gives an SVG its own words (t); the exit
 * code. */
static int draw(struct bt_cli *cli, const struct ask *q,
                const struct bt_buf *script, const struct bt_svg_text *t)
{
    struct bt_error e;
    int rc = bt_gnuplot_run(bt_cli_gnuplot(), script, NULL, NULL, &e) == 0 &&
                     (q->fmt != BT_CHART_SVG || access(q->out, F_OK) != 0 || /* a stub's */
                      bt_svg_clean_file(q->out, t, &e) == 0)
                 ? BT_EXIT_OK
                 : bt_cli_chart_error(cli, &e);
    if (rc == 0 && cli->verbose)
        printf("%s\n", q->out);
    return rc;
}

/* One breakdown (or the total) with its own targets and status. */
static int chart_one(struct bt_cli *cli, struct bt_db *db,
                     const struct bt_indicator *ind, const struct ask *q)
{
    struct bt_error e;
    struct bt_breakdown_row r;
    if (bt_breakdown_assess(db, ind, q->where, q->nwhere,
                            q->to ? q->to : INT32_MAX, &r, &e) != 0)
        return bt_cli_error(cli, BT_EXIT_IO, "%s", e.msg);
    int rc;
    if (q->nwhere && r.a.nseries == 0) {
        rc = bt_cli_error(cli, BT_EXIT_NOINPUT, "no stored series of '%s' "
                          "matches; 'baytrack series %s' lists them", q->id, q->id);
    } else {
        struct bt_buf script = {0}, sub = {0};
        bt_breakdown_label_in(&sub, q->cat, q->where, q->nwhere, q->lang);
        if (r.a.nseries > 1)
            bt_buf_addf(&sub, "%s", sub.len ? "; " : ""),
                bt_buf_addf(&sub, bt_word(BT_W_TOTAL_OF, q->lang), r.a.nseries);
        struct bt_buf names = {0}, desc = {0};
        struct bt_chart ch = {&r.view, r.a.obs.v, r.a.obs.n, &r.a.progress,
                              sub.len ? sub.data : NULL, q->lang, q->from, q->to,
                              &names};
        bt_chart_script(&script, &ch, q->out, q->fmt, BT_CHART_W, BT_CHART_H);
        const struct bt_progress *p = &r.a.progress;
        bt_buf_addf(&desc, "%s: %s %s", bt_word(BT_W_STATUS, q->lang),
                    bt_status_symbol(p->status), bt_status_label(p->status, q->lang));
        struct bt_svg_text t = {ind->name[q->lang], desc.data, names.data, names.len};
        rc = draw(cli, q, &script, &t);
        bt_buf_release(&names);
        bt_buf_release(&desc);
        bt_buf_release(&script);
        bt_buf_release(&sub);
    }
    bt_breakdown_row_release(&r);
    return rc;
}

/* The breakdowns compared: each value of the repeated --where dimension
 * (or the largest --top values of --by), the other --where dimensions
 * common to all, the total of those first with --total. */
static int chart_compare(struct bt_cli *cli, struct bt_db *db,
                         const struct bt_indicator *ind, const struct ask *q,
                         const char *dim)
{
    struct bt_dim common[BT_DIMS_MAX];
    size_t ncommon = 0;
    for (size_t i = 0; i < q->nwhere; i++)
        if (strcmp(q->where[i].name, dim) != 0)
            common[ncommon++] = q->where[i];
    struct bt_error e;
    struct bt_breakdown_row *rows = NULL;
    size_t n = 0;
    int rc = 0;
    if (bt_breakdown_rows(db, ind, common, ncommon, dim, 0, INT32_MAX, &rows, &n,
                          &e) != 0)
        return bt_cli_error(cli, BT_EXIT_IO, "%s", e.msg);
    /* the lines: --where's values in their order, or --by's largest */
    struct bt_compare_line *lines = bt_xcalloc(n + 2, sizeof *lines);
    size_t nl = 0;
    struct bt_points total = {0};
    size_t nseries = 0;
    if (q->total) {
        if (bt_query_indicator(db, ind, common, ncommon, &total, &nseries, &e) != 0) {
            rc = bt_cli_error(cli, BT_EXIT_IO, "%s", e.msg);
            goto out;
        }
        lines[nl++] = (struct bt_compare_line){bt_word(BT_W_TOTAL, q->lang),
                                               total.v, total.n};
    }
    for (size_t i = 0; i < q->nwhere && !q->by; i++) {
        if (strcmp(q->where[i].name, dim) != 0)
            continue;
        size_t k = 0;
        while (k < n && strcmp(rows[k].value, q->where[i].value) != 0)
            k++;
        if (k == n) {
            rc = bt_cli_error(cli, BT_EXIT_NOINPUT, "no stored series of '%s' "
                              "matches %s=%s; 'baytrack series %s' lists them",
                              q->id, dim, q->where[i].value, q->id);
            goto out;
        }
        lines[nl++] = (struct bt_compare_line){
            bt_dim_word(q->cat, dim, rows[k].value, q->lang), rows[k].a.obs.v,
            rows[k].a.obs.n};
    }
    for (size_t k = 0; q->by && k < n && k < q->top; k++)
        lines[nl++] = (struct bt_compare_line){
            bt_dim_word(q->cat, dim, rows[k].value, q->lang), rows[k].a.obs.v,
            rows[k].a.obs.n};
    if (nl == (size_t)q->total) {
        rc = bt_cli_error(cli, BT_EXIT_NOINPUT, "no stored series of '%s' has "
                          "a dimension '%s'; 'baytrack series %s' lists them",
                          q->id, dim, q->id);
        goto out;
    }
    struct bt_buf script = {0}, sub = {0};
    bt_buf_addf(&sub, "%s %s", bt_word(BT_W_BY, q->lang),
                bt_dim_word(q->cat, dim, NULL, q->lang));
    if (ncommon)
        bt_buf_puts(&sub, "; "),
            bt_breakdown_label_in(&sub, q->cat, common, ncommon, q->lang);
    struct bt_buf names = {0};
    struct bt_compare cmp = {ind, lines, nl, sub.data, q->lang, q->from, q->to,
                             &names};
    bt_compare_script(&script, &cmp, q->out, q->fmt, BT_CHART_W, BT_CHART_H);
    struct bt_svg_text t = {ind->name[q->lang], sub.data, names.data, names.len};
    rc = draw(cli, q, &script, &t);
    bt_buf_release(&names);
    bt_buf_release(&script);
    bt_buf_release(&sub);
out:
    free(lines);
    bt_points_release(&total);
    bt_breakdown_rows_free(rows, n);
    return rc;
}

/* Parses the options into *q; 0, or the exit code to end with. */
static int parse(struct bt_cli *cli, int argc, char **argv, struct ask *q)
{
    static const struct option opts[] = {
        {"where", required_argument, NULL, 'w'},
        {"by", required_argument, NULL, 'b'},
        {"top", required_argument, NULL, 'n'},
        {"total", no_argument, NULL, 'T'},
        {"output", required_argument, NULL, 'o'},
        {"lang", required_argument, NULL, 'l'},
        {"from", required_argument, NULL, 'f'},
        {"to", required_argument, NULL, 't'},
        BT_COMMON_OPTIONS};
    const char *why;
    char *end;
    int c, rc;
    while ((c = getopt_long(argc, argv, "w:o:l:" BT_COMMON_SHORT, opts, NULL)) != -1) {
        switch (c) {
        case 'w':
            if ((rc = bt_cli_where(cli, optarg, q->where, &q->nwhere)) != 0)
                return rc;
            break;
        case 'b': q->by = optarg; break;
        case 'n':
            q->top = strtoul(optarg, &end, 10);
            if (*end || q->top == 0 || q->top > 100)
                return bt_cli_usage(cli, "--top '%s' should be 1 to 100", optarg);
            break;
        case 'T': q->total = 1; break;
        case 'o': q->out = optarg; break;
        case 'l':
            if (bt_lang_parse(optarg, &q->lang) != 0)
                return bt_cli_usage(cli, "--lang '%s' should be en, zh-Hans or zh-Hant", optarg);
            break;
        case 'f':
        case 't':
            if (bt_period_parse(optarg, strlen(optarg), c == 'f' ? &q->from : &q->to, &why) != 0)
                return bt_cli_usage(cli, "--%s '%s': %s", c == 'f' ? "from" : "to",
                                    optarg, why);
            break;
        default:
            if ((rc = bt_cli_common(cli, c, optarg)) != 0)
                return rc < 0 ? -1 : rc;
        }
    }
    if (optind + 1 != argc)
        return bt_cli_usage(cli, "name one indicator");
    if (!q->out || bt_chart_format_of(q->out, &q->fmt) != 0)
        return bt_cli_usage(cli, "give -o FILE.png, FILE.svg or FILE.pdf");
    q->id = argv[optind];
    return 0;
}

int bt_cmd_chart(struct bt_cli *cli, int argc, char **argv)
{
    struct ask q = {.lang = BT_LANG_EN, .top = 8};
    int rc = parse(cli, argc, argv, &q);
    if (rc != 0)
        return rc < 0 ? BT_EXIT_OK : rc;
    const char *dim;
    if (repeated(&q, &dim) != 0)
        return bt_cli_usage(cli, "--where repeats two dimensions: compare the "
                            "values of one");
    for (size_t i = 0; q.by && i < q.nwhere; i++)
        if (strcmp(q.where[i].name, q.by) == 0)
            return bt_cli_usage(cli, "--by '%s' is also given as --where", q.by);
    if (q.by && dim)
        return bt_cli_usage(cli, "--by compares one dimension, repeated --where another");
    if (q.total && !q.by && !dim)
        return bt_cli_usage(cli, "--total adds the total to a comparison: give "
                            "--by DIM or --where DIM=VALUE more than once");
    struct bt_catalogue cat;
    if ((rc = bt_cli_catalogue(cli, &cat)) != 0)
        return rc;
    const struct bt_indicator *ind = bt_catalogue_find(&cat, q.id, strlen(q.id));
    q.cat = &cat;
    struct bt_db db;
    bt_cli_db_init(cli, &db);
    if (!ind)
        rc = bt_cli_error(cli, BT_EXIT_NOINPUT, "unknown indicator '%s'", q.id);
    else if (q.by || dim)
        rc = chart_compare(cli, &db, ind, &q, q.by ? q.by : dim);
    else
        rc = chart_one(cli, &db, ind, &q);
    bt_cli_db_release(cli, &db);
    bt_catalogue_release(&cat);
    return rc;
}
