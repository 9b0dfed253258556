/* cmd_chart.c - baytrack chart: one indicator's progress chart. */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "site/chart_gnuplot.h"
#include "site/chart_svg.h"
#include "site/i18n.h"
#include "assess/query.h"
#include "cli.h"

int bt_cmd_chart(struct bt_cli *cli, int argc, char **argv)
{
    static const struct option opts[] = {
        {"where", required_argument, NULL, 'w'},
        {"output", required_argument, NULL, 'o'},
        {"lang", required_argument, NULL, 'l'},
        {"from", required_argument, NULL, 'f'},
        {"to", required_argument, NULL, 't'},
        BT_COMMON_OPTIONS};
    struct bt_dim where[BT_DIMS_MAX];
    size_t nwhere = 0;
    const char *out = NULL, *why;
    enum bt_lang lang = BT_LANG_EN;
    bt_day from = 0, to = 0;
    int c, rc;
    while ((c = getopt_long(argc, argv, "w:o:l:" BT_COMMON_SHORT, opts, NULL)) != -1) {
        switch (c) {
        case 'w':
            if ((rc = bt_cli_where(cli, optarg, where, &nwhere)) != 0)
                return rc;
            break;
        case 'o': out = optarg; break;
        case 'l':
            if (bt_lang_parse(optarg, &lang) != 0)
                return bt_cli_usage(cli, "--lang '%s' should be en, zh-Hans or zh-Hant", optarg);
            break;
        case 'f':
        case 't':
            if (bt_period_parse(optarg, strlen(optarg), c == 'f' ? &from : &to, &why) != 0)
                return bt_cli_usage(cli, "--%s '%s': %s", c == 'f' ? "from" : "to",
                                    optarg, why);
            break;
        default:
            if ((rc = bt_cli_common(cli, c, optarg)) != 0)
                return rc < 0 ? BT_EXIT_OK : rc;
        }
    }
    enum bt_chart_format fmt;
    if (optind + 1 != argc)
        return bt_cli_usage(cli, "name one indicator");
    if (!out || bt_chart_format_of(out, &fmt) != 0)
        return bt_cli_usage(cli, "give -o FILE.png, FILE.svg or FILE.pdf");
    const char *id = argv[optind];
    struct bt_catalogue cat;
    if ((rc = bt_cli_catalogue(cli, &cat)) != 0)
        return rc;
    const struct bt_indicator *ind = bt_catalogue_find(&cat, id, strlen(id));
    struct bt_db db;
    struct bt_error e;
    struct bt_points obs = {0};
    struct bt_buf script = {0}, sub = {0};
    size_t nseries = 0;
    bt_cli_db_init(cli, &db);
    if (!ind) {
        rc = bt_cli_error(cli, BT_EXIT_NOINPUT, "unknown indicator '%s'", id);
    } else if (bt_query_indicator(&db, ind, where, nwhere, &obs, &nseries, &e) != 0) {
        rc = bt_cli_error(cli, BT_EXIT_IO, "%s", e.msg);
    } else if (nwhere && nseries == 0) {
        rc = bt_cli_error(cli, BT_EXIT_NOINPUT, "no stored series of '%s' "
                          "matches; 'baytrack series %s' lists them", id, id);
    } else {
        struct bt_progress p;
        bt_progress_assess(ind, obs.v, obs.n, to ? to : INT32_MAX, &p);
        for (size_t i = 0; i < nwhere; i++)
            bt_buf_addf(&sub, "%s%s=%s", i ? ", " : "", where[i].name, where[i].value);
        if (nseries > 1)
            bt_buf_addf(&sub, "%s" , sub.len ? "; " : ""),
                bt_buf_addf(&sub, bt_word(BT_W_TOTAL_OF, lang), nseries);
        struct bt_buf names = {0}, desc = {0};
        struct bt_chart ch = {ind, obs.v, obs.n, &p, sub.len ? sub.data : NULL,
                              lang, from, to, &names};
        bt_chart_script(&script, &ch, out, fmt, BT_CHART_W, BT_CHART_H);
        bt_buf_addf(&desc, "%s: %s %s", bt_word(BT_W_STATUS, lang),
                    bt_status_symbol(p.status), bt_status_label(p.status, lang));
        struct bt_svg_text t = {ind->name[lang], desc.data, names.data, names.len};
        rc = bt_gnuplot_run(bt_cli_gnuplot(), &script, NULL, NULL, &e) == 0 &&
                     (fmt != BT_CHART_SVG || access(out, F_OK) != 0 || /* a stub's */
                      bt_svg_clean_file(out, &t, &e) == 0)
                 ? BT_EXIT_OK
                 : bt_cli_chart_error(cli, &e);
        bt_buf_release(&names);
        bt_buf_release(&desc);
        if (rc == 0 && cli->verbose)
            printf("%s\n", out);
    }
    bt_buf_release(&script);
    bt_buf_release(&sub);
    bt_points_release(&obs);
    bt_cli_db_release(cli, &db);
    bt_catalogue_release(&cat);
    return rc;
}
