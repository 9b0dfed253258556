/* cli.h - what every baytrack command shares: options, the command table,
 * and printing. The commands parse flags, call the library and print;
 * they hold no logic of their own. */
#ifndef BT_CLI_H
#define BT_CLI_H

#include <getopt.h>
#include <stdio.h>

#include "model/catalogue.h"
#include "store/db.h"
#include "base/error.h"
#include "model/series.h"

/* Options every command takes (also from the environment). */
struct bt_cli {
    const char *db_dir;        /* --db, BAYTRACK_DB, default ./data */
    const char *catalogue_dir; /* --catalogue, BAYTRACK_CATALOGUE, ./indicators */
    const char *daemon;        /* --daemon, RRDCACHED_ADDRESS, or NULL */
    double daemon_timeout;     /* --daemon-timeout, seconds */
    int quiet;                 /* --quiet: errors only */
    int verbose;               /* --verbose: say what is done */
    const char *command;       /* the command's name, for messages */
};

/* One entry of the command table. */
struct bt_command {
    const char *name;
    int (*run)(struct bt_cli *cli, int argc, char **argv);
    const char *args;    /* synopsis after the name */
    const char *summary; /* one line */
    const char *options; /* option lines for --help, "" if none */
};

extern const struct bt_command bt_commands[];

/* Common long options, to end each command's option table with. */
#define BT_COMMON_OPTIONS                                                      \
    {"db", required_argument, NULL, 1001},                                     \
        {"catalogue", required_argument, NULL, 1002},                          \
        {"daemon", required_argument, NULL, 1003},                             \
        {"daemon-timeout", required_argument, NULL, 1004},                     \
        {"quiet", no_argument, NULL, 'q'}, {"verbose", no_argument, NULL, 'v'}, \
        {"help", no_argument, NULL, 'h'}, {NULL, 0, NULL, 0}
#define BT_COMMON_SHORT "qvh"

/* Handles a common option returned by getopt_long. Returns 0 if it was
 * one, 1 if c is not a common option, or an exit code to end with
 * (--help prints the command's help and ends with 0: returns -1). */
int bt_cli_common(struct bt_cli *cli, int c, const char *arg);

/* Prints "baytrack: COMMAND: message" to stderr; returns code. */
int bt_cli_error(const struct bt_cli *cli, int code, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
/* Prints a usage error and the command's synopsis; returns BT_EXIT_USAGE. */
int bt_cli_usage(const struct bt_cli *cli, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
/* Prints help for one command (or all, name NULL) to f. */
void bt_cli_help(FILE *f, const char *name);
/* Writes the man page, from the same command table, to f. */
void bt_cli_man(FILE *f);
/* Reads the catalogue; on failure prints why and returns BT_EXIT_CONFIG. */
int bt_cli_catalogue(const struct bt_cli *cli, struct bt_catalogue *cat);
/* Sets up *db for the command's database, daemon and daemon timeout. */
void bt_cli_db_init(const struct bt_cli *cli, struct bt_db *db);
/* Says once on stderr what recovery of a killed writer's commit did
 * (db->recovered), if anything, and forgets it. bt_cli_db_release calls
 * it too. */
void bt_cli_recovered(const struct bt_cli *cli, struct bt_db *db);
/* Releases *db, first printing its warning if reading found an
 * interrupted commit that could not be finished. */
void bt_cli_db_release(const struct bt_cli *cli, struct bt_db *db);
/* Reports, one line each, the series files db left out as unreadable
 * (bt_db_skip_unreadable); returns BT_EXIT_FAILED when there were any and
 * rc is BT_EXIT_OK, else rc. */
int bt_cli_skipped(const struct bt_cli *cli, const struct bt_db *db, int rc);
/* Warns, one line each, of the breakdowns of cat's targets that no stored
 * series of db matches (bt_breakdown_unmatched); a database that cannot
 * be read is left to the command to report. */
void bt_cli_unmatched_targets(const struct bt_cli *cli, struct bt_db *db,
                              const struct bt_catalogue *cat);
/* Prints file:line:column: message for each problem (at most max). */
void bt_cli_diags(const char *file, struct bt_diags *d, size_t max);
/* Writes s as a JSON string (with quotes). */
void bt_json_string(FILE *f, const char *s);
/* Writes s as a CSV field (quoted when it needs to be). */
void bt_csv_field(FILE *f, const char *s);

/* Terminal cells taken by UTF-8 text s (CJK characters take two). */
size_t bt_text_width(const char *s);
/* Prints s and pads it with spaces to width cells. */
void bt_print_padded(FILE *f, const char *s, size_t width);

/* The gnuplot program: env BAYTRACK_GNUPLOT, else "gnuplot". */
const char *bt_cli_gnuplot(void);
/* Today's civil date in UTC, whatever the TZ: the default --as-of of
 * status and report, so that a stale figure or a passed target date is
 * judged against the day the command runs. */
bt_day bt_cli_today(void);
/* Reports a chart failure; when gnuplot is missing, says what to install.
 * Returns the exit code. */
int bt_cli_chart_error(const struct bt_cli *cli, const struct bt_error *e);
/* Adds "--where DIM=VALUE" (arg is cut in place) to where[*n]; returns 0,
 * or a usage error's exit code. */
int bt_cli_where(const struct bt_cli *cli, char *arg, struct bt_dim *where,
                 size_t *n);

/* The commands, one file each. */
int bt_cmd_load(struct bt_cli *cli, int argc, char **argv);
int bt_cmd_export(struct bt_cli *cli, int argc, char **argv);
int bt_cmd_series(struct bt_cli *cli, int argc, char **argv);
int bt_cmd_log(struct bt_cli *cli, int argc, char **argv);
int bt_cmd_status(struct bt_cli *cli, int argc, char **argv);
int bt_cmd_chart(struct bt_cli *cli, int argc, char **argv);
int bt_cmd_report(struct bt_cli *cli, int argc, char **argv);
int bt_cmd_collect(struct bt_cli *cli, int argc, char **argv);
int bt_cmd_help(struct bt_cli *cli, int argc, char **argv);

#endif
