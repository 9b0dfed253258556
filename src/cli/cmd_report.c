/* cmd_report.c - baytrack report: status table, charts and dashboard. */
#include <string.h>

#include "site/report.h"
#include "cli.h"

int bt_cmd_report(struct bt_cli *cli, int argc, char **argv)
{
    static const struct option opts[] = {
        {"output", required_argument, NULL, 'o'},
        {"lang", required_argument, NULL, 'l'},
        {"as-of", required_argument, NULL, 'a'},
        {"since", required_argument, NULL, 's'},
        BT_COMMON_OPTIONS};
    struct bt_report_opts o = {"plots", BT_LANG_EN, bt_cli_today(),
                                bt_cli_gnuplot(), 0};
    const char *why;
    int c, rc, lang_given = 0;
    while ((c = getopt_long(argc, argv, "o:l:" BT_COMMON_SHORT, opts, NULL)) != -1) {
        switch (c) {
        case 'o': o.dir = optarg; break;
        case 'l':
            if (bt_lang_parse(optarg, &o.lang) != 0)
                return bt_cli_usage(cli, "--lang '%s' should be en, zh-Hans or zh-Hant", optarg);
            lang_given = 1;
            break;
        case 'a':
            if (bt_period_parse(optarg, strlen(optarg), &o.as_of, &why) != 0)
                return bt_cli_usage(cli, "--as-of '%s': %s", optarg, why);
            break;
        case 's':
            if (bt_period_parse(optarg, strlen(optarg), &o.since, &why) != 0)
                return bt_cli_usage(cli, "--since '%s': %s", optarg, why);
            break;
        default:
            if ((rc = bt_cli_common(cli, c, optarg)) != 0)
                return rc < 0 ? BT_EXIT_OK : rc;
        }
    }
    if (optind != argc)
        return bt_cli_usage(cli, "unexpected argument '%s'", argv[optind]);
    struct bt_catalogue cat;
    if ((rc = bt_cli_catalogue(cli, &cat)) != 0)
        return rc;
    /* the site's languages are the catalogue's (site.csv), the first at
     * index.html unless --lang picks another of them */
    int known = !lang_given;
    for (size_t k = 0; lang_given && k < cat.nlangs; k++)
        known |= cat.langs[k] == o.lang;
    if (!known) {
        rc = bt_cli_usage(cli, "--lang '%s' is not a language of the site "
                          "(site.csv's languages row)", bt_lang_code(o.lang));
        bt_catalogue_release(&cat);
        return rc;
    }
    if (!lang_given)
        o.lang = cat.langs[0];
    struct bt_db db;
    struct bt_error e;
    struct bt_report_stats st;
    bt_cli_db_init(cli, &db);
    bt_db_skip_unreadable(&db); /* one bad file never hides the rest */
    bt_cli_unmatched_targets(cli, &db, &cat);
    if (bt_report_write(&db, &cat, &o, &st, &e) != 0) {
        rc = bt_cli_chart_error(cli, &e);
    } else {
        /* one chart gnuplot failed on: every other file is written */
        for (const char *p = st.failures.data; p && *p; p = strchr(p, '\n') + 1)
            fprintf(stderr, "baytrack: report: %.*s\n", (int)strcspn(p, "\n"), p);
        if (!cli->quiet) {
            printf("%s/index.html: %zu indicators, %zu charts, %zu pages in %zu "
                   "language%s", o.dir, st.indicators, st.charts, st.pages,
                   cat.nlangs, cat.nlangs > 1 ? "s" : "");
            if (st.failed)
                printf("; %zu charts not drawn", st.failed);
            printf("\n");
        }
        rc = st.failed ? BT_EXIT_FAILED : BT_EXIT_OK;
    }
    rc = bt_cli_skipped(cli, &db, rc);
    bt_report_stats_release(&st);
    bt_cli_db_release(cli, &db);
    bt_catalogue_release(&cat);
    return rc;
}
