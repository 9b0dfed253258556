/* main.c - baytrack's entry point and its one command table. */
#include <signal.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "assess/breakdown.h"
#include "cli.h"

#define COMMON_HELP                                                            \
    "  --db DIR            database directory (env BAYTRACK_DB, default ./data)\n" \
    "  --catalogue DIR     catalogue directory (env BAYTRACK_CATALOGUE, default ./indicators)\n" \
    "  --daemon ADDRESS    read and write through rrdcached (env RRDCACHED_ADDRESS)\n" \
    "  --daemon-timeout SECONDS  give up on a silent rrdcached after this long (default 30)\n" \
    "  -q, --quiet         print errors only\n"                               \
    "  -v, --verbose       say what is being done\n"

const struct bt_command bt_commands[] = {
    {"load", bt_cmd_load, "[--map FILE] [--indicator ID] [--dry-run] [--encoding NAME] [--wait SECONDS] FILE...",
     "load CSV files into the database, each file all or nothing",
     "  --map FILE          read the files through this mapping\n"
     "  --indicator ID      the indicator of an SDMX-CSV or NBS file (docs/formats.md)\n"
     "  --dry-run           check and count, write nothing\n"
     "  --encoding NAME     the files' encoding (default: UTF-8, else GB18030)\n"
     "  --wait SECONDS      wait this long for another writer, and for readers at commit (default 0: no wait for a writer, up to 30 s for readers)\n"},
    {"collect", bt_cmd_collect, "[--wait SECONDS] [--min-age SECONDS] [--map FILE] SPOOL",
     "load SPOOL/incoming/*.csv for cron, moving each to done/ or failed/",
     "  --wait SECONDS      wait this long for another writer, and for readers at each commit (default 60)\n"
     "  --min-age SECONDS   leave files younger than this (default 5)\n"
     "  --map FILE          the mapping of files with no NAME.map of their own and no rule in SPOOL/rules\n"
     "  --encoding NAME     the files' encoding (default: UTF-8, else GB18030)\n"},
    {"export", bt_cmd_export, "INDICATOR [--where DIM=VALUE]... [--all|--total] [--annotated] [--format csv|json|sdmx-csv]",
     "print a series (or all of them), with flags, in a form that loads back unchanged",
     "  --where DIM=VALUE   choose the series by a dimension value\n"
     "  --all               every matching series in one file\n"
     "  --total             the matching series' total, as status assesses it, as one series\n"
     "  --format FORMAT     csv (default), json (one line per series) or sdmx-csv (SDMX-CSV 2.0, loads back with --indicator)\n"},
    {"series", bt_cmd_series, "[INDICATOR]",
     "list the series in the database", ""},
    {"status", bt_cmd_status, "[INDICATOR...] [--where DIM=VALUE]... [--by DIM [--total]] [--as-of DATE] [--lang en|zh-Hans|zh-Hant] [--json|--csv]",
     "show every indicator's progress against its targets",
     "  INDICATOR...        only these indicators (default every one)\n"
     "  --where DIM=VALUE   assess this breakdown (on its own targets), not the total\n"
     "  --by DIM            one line per value of DIM, largest latest value first\n"
     "  --total             with --by, the total first (alone: the default, the total)\n"
     "  --as-of DATE        ignore observations after DATE\n"
     "  --lang LANG         names in en, zh-Hans or zh-Hant (default en)\n"
     "  --json, --csv       machine-readable output\n"},
    {"chart", bt_cmd_chart,
     "INDICATOR [--where DIM=VALUE]... [--by DIM [--top N]] [--total] -o FILE.png|FILE.svg|FILE.pdf [--lang LANG] [--from DATE] [--to DATE]",
     "draw one indicator's progress chart with gnuplot, or its breakdowns compared",
     "  --where DIM=VALUE   chart this breakdown, on its own targets (else the total);\n"
     "                      one dimension given more than once: its values compared\n"
     "  --by DIM            compare the values of DIM with the largest latest value\n"
     "  --top N             with --by, how many (default 8)\n"
     "  --total             in a comparison, the total's line too\n"
     "  -o, --output FILE   the chart; its extension picks PNG, SVG or PDF\n"
     "  --lang LANG         labels in en, zh-Hans or zh-Hant (default en)\n"
     "  --from, --to DATE   the time range shown (--to also ends the assessment)\n"},
    {"report", bt_cmd_report, "[-o DIR] [--lang LANG] [--as-of DATE] [--since DATE]",
     "write the progress report: index.html, report.md, charts, dashboard, what's new",
     "  -o, --output DIR    where to write it (default plots)\n"
     "  --lang LANG         en, zh-Hans or zh-Hant (default en)\n"
     "  --as-of DATE        ignore observations after DATE\n"
     "  --since DATE        the what's new page lists loads and revisions from DATE (UTC; default the 30 days before --as-of)\n"},
    {"log", bt_cmd_log, "[--since DATE] [--json]",
     "list the loads that changed the database: when, file, added, revised, deleted, flags",
     "  --since DATE        only loads on or after DATE (UTC)\n"
     "  --json              one JSON object a line\n"},
    {"help", bt_cmd_help, "[COMMAND | --man]",
     "show help for a command, or write the man page", ""},
    {NULL, NULL, NULL, NULL, NULL},
};

/* The exit codes, for help and the man page (values in error.h). */
static const struct {
    int code;
    const char *meaning;
} exit_codes[] = {
    {BT_EXIT_OK, "done"},
    {BT_EXIT_FAILED, "collect: at least one spool file failed; report: a "
                     "chart could not be drawn (every other file is written); "
                     "status, report: a series file could not be read (left "
                     "out and named, the rest printed or written)"},
    {BT_EXIT_USAGE, "bad command line"},
    {BT_EXIT_DATA, "an input file was rejected; nothing of it was written"},
    {BT_EXIT_NOINPUT, "no such indicator or series"},
    {BT_EXIT_SOFTWARE, "gnuplot is missing or failed"},
    {BT_EXIT_IO, "a file or the database could not be read or written"},
    {BT_EXIT_LOCKED, "the database lock, or readers' release of .commit, was not obtained within --wait"},
    {BT_EXIT_CONFIG, "the catalogue is invalid"},
};

/* Writes s with troff's special characters escaped. */
static void troff(FILE *f, const char *s)
{
    for (; *s; s++) {
        if (*s == '\\' || *s == '-')
            fputc('\\', f);
        fputc(*s, f);
    }
}

/* Writes one command's option lines ("  --x ARG   text") as .TP items. */
static void man_options(FILE *f, const char *options)
{
    for (const char *p = options; *p;) {
        const char *eol = strchr(p, '\n');
        size_t n = eol ? (size_t)(eol - p) : strlen(p);
        char line[256];
        snprintf(line, sizeof line, "%.*s", (int)n, p);
        char *text = strstr(line + 2, "  ");
        if (text) {
            *text = '\0';
            text += strspn(text + 1, " ") + 1;
            fputs(".TP\n.B ", f);
            troff(f, line + 2);
            fputc('\n', f);
            troff(f, text);
            fputc('\n', f);
        }
        p = eol ? eol + 1 : p + n;
    }
}

void bt_cli_man(FILE *f)
{
    fputs(".TH BAYTRACK 1 \"\" \"baytrack\" \"User Commands\"\n"
          ".SH NAME\nbaytrack \\- track statistical indicators against a plan's "
          "targets\n.SH SYNOPSIS\n.B baytrack\n[\\fIOPTIONS\\fR] \\fICOMMAND\\fR "
          "[\\fIARGS\\fR]\n.SH DESCRIPTION\nbaytrack loads CSV series into RRD "
          "files (one per series) and reports how far each indicator has come "
          "against its baseline, milestones and targets, with gnuplot charts.\n"
          ".SH COMMANDS\n", f);
    for (const struct bt_command *c = bt_commands; c->name; c++) {
        fputs(".SS ", f);
        troff(f, c->name);
        fputs("\n.B baytrack ", f);
        troff(f, c->name);
        fputc(' ', f);
        troff(f, c->args);
        fputs("\n.PP\n", f);
        troff(f, c->summary);
        fputc('\n', f);
        man_options(f, c->options);
    }
    fputs(".SH OPTIONS\nEvery command takes these, before or after its name:\n", f);
    man_options(f, COMMON_HELP);
    fputs(".SH ENVIRONMENT\n.TP\n.B BAYTRACK_DB\nthe database directory\n"
          ".TP\n.B BAYTRACK_CATALOGUE\nthe catalogue directory\n"
          ".TP\n.B RRDCACHED_ADDRESS\nread and write through this rrdcached\n"
          ".TP\n.B BAYTRACK_GNUPLOT\nthe gnuplot program\n"
          ".SH EXIT STATUS\n", f);
    for (size_t i = 0; i < sizeof exit_codes / sizeof *exit_codes; i++) {
        fprintf(f, ".TP\n.B %d\n", exit_codes[i].code);
        troff(f, exit_codes[i].meaning);
        fputc('\n', f);
    }
    fputs(".SH FILES\n.TP\n.B DB/INDICATOR/DIMS.rrd\none series\n"
          ".TP\n.B DB/revisions.csv\nevery revised value\n"
          ".TP\n.B DB/loads.csv\none line per load that changed the database\n"
          ".TP\n.B DB/.lock\nthe writers' lock\n"
          ".SH SEE ALSO\n.BR rrdtool (1),\n.BR rrdcached (1),\n.BR gnuplot (1)\n", f);
}

void bt_cli_help(FILE *f, const char *name)
{
    if (!name) {
        fprintf(f, "usage: baytrack COMMAND [OPTIONS] [ARGS]\n\n"
                   "Tracks statistical indicators against a plan's targets.\n\n"
                   "commands:\n");
        for (const struct bt_command *c = bt_commands; c->name; c++)
            fprintf(f, "  %-10s %s\n", c->name, c->summary);
        fprintf(f, "\noptions of every command:\n" COMMON_HELP "\nexit codes:\n");
        for (size_t i = 0; i < sizeof exit_codes / sizeof *exit_codes; i++)
            fprintf(f, "  %-3d %s\n", exit_codes[i].code, exit_codes[i].meaning);
        fprintf(f, "\nRun 'baytrack help COMMAND' for a command's options.\n");
        return;
    }
    for (const struct bt_command *c = bt_commands; c->name; c++)
        if (strcmp(c->name, name) == 0) {
            fprintf(f, "usage: baytrack %s %s\n\n%s\n", c->name, c->args,
                    c->summary);
            if (*c->options)
                fprintf(f, "\noptions:\n%s", c->options);
            fprintf(f, "\noptions of every command:\n" COMMON_HELP);
        }
}

int bt_cli_common(struct bt_cli *cli, int c, const char *arg)
{
    switch (c) {
    case 1001: cli->db_dir = arg; return 0;
    case 1002: cli->catalogue_dir = arg; return 0;
    case 1003: cli->daemon = arg; return 0;
    case 1004: {
        char *end;
        double t = strtod(arg, &end);
        if (*end || !(t > 0 && t <= 86400)) {
            fprintf(stderr, "baytrack: %s: --daemon-timeout '%s' is not a "
                    "number of seconds (more than 0, at most 86400)\n",
                    cli->command, arg);
            return BT_EXIT_USAGE;
        }
        cli->daemon_timeout = t;
        return 0;
    }
    case 'q': cli->quiet = 1; return 0;
    case 'v': cli->verbose = 1; return 0;
    case 'h': bt_cli_help(stdout, cli->command); return -1;
    case '?': return BT_EXIT_USAGE; /* getopt has said what is wrong */
    default: return 1;
    }
}

int bt_cli_error(const struct bt_cli *cli, int code, const char *fmt, ...)
{
    va_list ap;
    fprintf(stderr, "baytrack: %s: ", cli->command);
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fputc('\n', stderr);
    return code;
}

int bt_cli_usage(const struct bt_cli *cli, const char *fmt, ...)
{
    va_list ap;
    fprintf(stderr, "baytrack: %s: ", cli->command);
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    for (const struct bt_command *c = bt_commands; c->name; c++)
        if (strcmp(c->name, cli->command) == 0)
            fprintf(stderr, "\nusage: baytrack %s %s\n", c->name, c->args);
    return BT_EXIT_USAGE;
}

void bt_cli_db_init(const struct bt_cli *cli, struct bt_db *db)
{
    bt_db_init(db, cli->db_dir, cli->daemon);
    bt_db_set_daemon_timeout(db, cli->daemon_timeout);
}

void bt_cli_recovered(const struct bt_cli *cli, struct bt_db *db)
{
    for (const char *p = db->recovered.data; p && *p; p = strchr(p, '\n') + 1)
        fprintf(stderr, "baytrack: %s: %.*s\n", cli->command,
                (int)strcspn(p, "\n"), p);
    db->recovered.len = 0;
    if (db->recovered.data)
        db->recovered.data[0] = '\0';
}

void bt_cli_db_release(const struct bt_cli *cli, struct bt_db *db)
{
    bt_cli_recovered(cli, db);
    if (db->warned)
        fprintf(stderr, "baytrack: %s: warning: %s\n", cli->command,
                db->warning.msg);
    bt_db_release(db);
}

int bt_cli_skipped(const struct bt_cli *cli, const struct bt_db *db, int rc)
{
    for (const char *p = db->skipped.data; p && *p;) {
        const char *tab = strchr(p, '\t'), *end = strchr(tab, '\n');
        fprintf(stderr, "baytrack: %s: error: '%.*s' left out, its indicator "
                "shown without data: %.*s\n", cli->command, (int)(tab - p), p,
                (int)(end - tab - 1), tab + 1);
        p = end + 1;
    }
    return db->nskipped && rc == BT_EXIT_OK ? BT_EXIT_FAILED : rc;
}

void bt_cli_unmatched_targets(const struct bt_cli *cli, struct bt_db *db,
                              const struct bt_catalogue *cat)
{
    struct bt_buf w = {0};
    struct bt_error e;
    if (bt_breakdown_unmatched(db, cat, &w, &e) == 0)
        for (const char *p = w.data; p && *p; p = strchr(p, '\n') + 1)
            fprintf(stderr, "baytrack: %s: warning: %.*s\n", cli->command,
                    (int)strcspn(p, "\n"), p);
    bt_buf_release(&w);
}

int bt_cli_catalogue(const struct bt_cli *cli, struct bt_catalogue *cat)
{
    struct bt_error e;
    if (bt_catalogue_load(cat, cli->catalogue_dir, &e) != 0)
        return bt_cli_error(cli, BT_EXIT_CONFIG, "%s", e.msg);
    return 0;
}

int bt_cmd_help(struct bt_cli *cli, int argc, char **argv)
{
    if (argc > 1 && strcmp(argv[1], "--man") == 0) {
        bt_cli_man(stdout);
        return BT_EXIT_OK;
    }
    if (argc > 1 && (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0))
        argv[1] = (char *)"help";
    const struct bt_command *c = bt_commands;
    while (argc > 1 && c->name && strcmp(c->name, argv[1]) != 0)
        c++;
    if (argc > 1 && !c->name)
        return bt_cli_usage(cli, "no command '%s'", argv[1]);
    bt_cli_help(stdout, argc > 1 ? argv[1] : NULL);
    return BT_EXIT_OK;
}

bt_day bt_cli_today(void)
{
    time_t now = time(NULL);
    return (bt_day)(now / 86400 - (now % 86400 < 0));
}

const char *bt_cli_gnuplot(void)
{
    const char *g = getenv("BAYTRACK_GNUPLOT");
    return g && *g ? g : "gnuplot";
}

/* Reads the options every command takes when they come before the
 * command's name; returns the index of the name, or -1. */
static int global_options(struct bt_cli *cli, int argc, char **argv)
{
    static const struct {
        const char *name;
        int code;
    } with_arg[] = {{"--db", 1001}, {"--catalogue", 1002}, {"--daemon", 1003},
                    {"--daemon-timeout", 1004}};
    const size_t nwith = sizeof with_arg / sizeof *with_arg;
    int i = 1;
    for (; i < argc && argv[i][0] == '-'; i++) {
        const char *a = argv[i];
        if (!strcmp(a, "-q") || !strcmp(a, "--quiet") || !strcmp(a, "-v") ||
            !strcmp(a, "--verbose")) {
            bt_cli_common(cli, a[1] == 'q' || a[2] == 'q' ? 'q' : 'v', NULL);
            continue;
        }
        size_t k = 0;
        while (k < nwith && strcmp(a, with_arg[k].name) != 0)
            k++;
        if (k == nwith || i + 1 == argc) {
            fprintf(stderr, "baytrack: unknown option '%s' before the command; "
                            "run 'baytrack help'\n", a);
            return -1;
        }
        if (bt_cli_common(cli, with_arg[k].code, argv[++i]) != 0)
            return -1;
    }
    return i;
}

static const char *env_or(const char *name, const char *fallback)
{
    const char *v = getenv(name);
    return v && *v ? v : fallback;
}

int main(int argc, char **argv)
{
    struct bt_cli cli = {
        .db_dir = env_or("BAYTRACK_DB", "./data"),
        .catalogue_dir = env_or("BAYTRACK_CATALOGUE", "./indicators"),
        .daemon = env_or("RRDCACHED_ADDRESS", NULL),
        .daemon_timeout = BT_DAEMON_TIMEOUT,
        .command = "baytrack",
    };
    /* a dropped daemon connection or a closed pipe is an error to report,
     * not a silent death */
    signal(SIGPIPE, SIG_IGN);
    if (argc < 2 || strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0) {
        bt_cli_help(argc < 2 ? stderr : stdout, NULL);
        return argc < 2 ? BT_EXIT_USAGE : BT_EXIT_OK;
    }
    int first = global_options(&cli, argc, argv);
    if (first < 0)
        return BT_EXIT_USAGE;
    if (first == argc) {
        bt_cli_help(stderr, NULL);
        return BT_EXIT_USAGE;
    }
    const struct bt_command *cmd = bt_commands;
    while (cmd->name && strcmp(cmd->name, argv[first]) != 0)
        cmd++;
    if (!cmd->name) {
        fprintf(stderr, "baytrack: unknown command '%s'; run 'baytrack help'\n",
                argv[first]);
        return BT_EXIT_USAGE;
    }
    cli.command = cmd->name;
    int rc = cmd->run(&cli, argc - first, argv + first);
    if (fflush(stdout) != 0 || ferror(stdout)) {
        fprintf(stderr, "baytrack: %s: cannot write output\n", cmd->name);
        return BT_EXIT_IO;
    }
    return rc;
}
