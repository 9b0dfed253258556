/* cmd_status.c - baytrack status: progress of every indicator. */
#include <math.h>
#include <string.h>

#include "assess/assessed.h"
#include "base/number.h"
#include "assess/query.h"
#include "site/i18n.h"
#include "cli.h"

enum format { TEXT, JSON, CSV };

/* Field values of one row as text ("" when they do not apply). */
struct row {
    char latest_date[11], latest_value[32], baseline_date[11],
        baseline_value[32], target_date[11], target_value[32], progress[32],
        elapsed[32], pace[32], projected[11], trend_date[11], growth[32],
        assessed[64], assessed_date[11], assessed_value[32], age[16],
        interval[16], break_date[11], rate_actual[32], rate_required[32];
};

static void fmt_num(char *buf, double v)
{
    if (isnan(v))
        buf[0] = '\0';
    else
        bt_number_format(v, buf);
}

static void fmt_ratio(char *buf, double v)
{
    if (isnan(v))
        buf[0] = '\0';
    else
        snprintf(buf, 32, "%.4f", v);
}

static void fill(struct row *r, const struct bt_assessment *a)
{
    const struct bt_progress *p = &a->progress;
    enum bt_freq f = a->ind->freq;
    memset(r, 0, sizeof *r);
    /* latest: the last single observation; assessed: the value the status
     * is decided on (a mean when consolidated, named) */
    if (p->has_last)
        bt_period_format(p->last_date, f, r->latest_date);
    fmt_num(r->latest_value, p->last_value);
    if (p->has_latest) {
        bt_period_format(p->latest_date, p->consolidation ? BT_FREQ_DAILY : f,
                         r->assessed_date);
        fmt_num(r->assessed_value, bt_progress_shown(p, p->latest_value));
        bt_assessed_label(p, p->latest_date, BT_LANG_EN, r->assessed,
                          sizeof r->assessed);
    }
    if (a->currency.known) {
        snprintf(r->age, sizeof r->age, "%d", a->currency.age_days);
        snprintf(r->interval, sizeof r->interval, "%d", a->currency.allowed_days);
    }
    if (p->brk)
        bt_date_format(p->brk->date, r->break_date);
    if (p->has_baseline)
        bt_period_format(p->baseline_date, f, r->baseline_date);
    if (p->has_target)
        bt_period_format(p->target_date, f, r->target_date);
    if (p->has_projection)
        bt_date_format(p->projected_date, r->projected);
    fmt_num(r->baseline_value, p->baseline_observed
                                   ? bt_progress_shown(p, p->baseline_value)
                                   : p->baseline_value);
    fmt_num(r->target_value, p->target_value);
    fmt_ratio(r->progress, p->progress);
    fmt_ratio(r->elapsed, p->elapsed);
    fmt_ratio(r->pace, p->pace);
    if (!p->has_trend) {
        fmt_ratio(r->rate_actual, p->rate_actual);
        fmt_ratio(r->rate_required, p->rate_required);
    }
    if (p->has_trend) {
        bt_period_format(p->trend_date, f, r->trend_date);
        fmt_ratio(r->growth, p->rate_actual);
    }
}

static void json_field(const char *name, const char *v, int number, int last)
{
    printf("\"%s\":", name);
    if (!*v)
        printf("null");
    else if (number)
        fputs(v, stdout);
    else
        bt_json_string(stdout, v);
    printf(last ? "}" : ",");
}

static void print_json(const struct bt_assessment *a, size_t n, enum bt_lang l)
{
    printf("[");
    for (size_t i = 0; i < n; i++) {
        struct row r;
        const struct bt_progress *p = &a[i].progress;
        fill(&r, &a[i]);
        printf("%s\n{", i ? "," : "");
        json_field("indicator", a[i].ind->id, 0, 0);
        json_field("name", a[i].ind->name[l], 0, 0);
        json_field("unit", a[i].ind->unit, 0, 0);
        json_field("latest_date", r.latest_date, 0, 0);
        json_field("latest_value", r.latest_value, 1, 0);
        json_field("baseline_date", r.baseline_date, 0, 0);
        json_field("baseline_value", r.baseline_value, 1, 0);
        json_field("target_date", r.target_date, 0, 0);
        json_field("target_value", r.target_value, 1, 0);
        json_field("target_kind", p->target ? bt_kind_name(p->target->kind) : "", 0, 0);
        printf("\"target_illustrative\":%s,",
               p->target && p->target->illustrative ? "true" : "false");
        json_field("progress", r.progress, 1, 0);
        json_field("elapsed", r.elapsed, 1, 0);
        json_field("pace", r.pace, 1, 0);
        json_field("rate_actual", r.rate_actual, 1, 0);
        json_field("rate_required", r.rate_required, 1, 0);
        json_field("status", bt_status_name(p->status), 0, 0);
        json_field("projected_date", r.projected, 0, 0);
        json_field("trend_date", r.trend_date, 0, 0);
        json_field("growth", r.growth, 1, 0);
        json_field("assessed_date", r.assessed_date, 0, 0);
        json_field("assessed_value", r.assessed_value, 1, 0);
        json_field("assessed", r.assessed, 0, 0);
        printf("\"stale\":%s,", a[i].currency.stale ? "true" : "false");
        json_field("age_days", r.age, 1, 0);
        json_field("release_interval_days", r.interval, 1, 0);
        json_field("break_date", r.break_date, 0, 0);
        json_field("break_reason", p->brk ? p->brk->reason : "", 0, 0);
        printf("\"series\":%zu}", a[i].nseries);
    }
    printf("\n]\n");
}

static void print_csv(const struct bt_assessment *a, size_t n, enum bt_lang l)
{
    printf("indicator,name,unit,latest_date,latest_value,baseline_date,"
           "baseline_value,target_date,target_value,target_illustrative,"
           "progress,elapsed,pace,status,projected_date,trend_date,growth,"
           "assessed_date,assessed_value,assessed,stale,age_days,"
           "release_interval_days,break_date\n");
    for (size_t i = 0; i < n; i++) {
        struct row r;
        const struct bt_progress *p = &a[i].progress;
        fill(&r, &a[i]);
        printf("%s,", a[i].ind->id);
        bt_csv_field(stdout, a[i].ind->name[l]);
        putchar(',');
        bt_csv_field(stdout, a[i].ind->unit);
        printf(",%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s", r.latest_date,
               r.latest_value, r.baseline_date, r.baseline_value, r.target_date,
               r.target_value, p->target && p->target->illustrative ? "yes" : "",
               r.progress, r.elapsed, r.pace, bt_status_name(p->status),
               r.projected, r.trend_date, r.growth);
        printf(",%s,%s,%s,%s,%s,%s,%s\n", r.assessed_date, r.assessed_value,
               r.assessed, a[i].currency.stale ? "yes" : "", r.age, r.interval,
               r.break_date);
    }
}

/* The notes of one row in l: what is assessed, how old the figure is, the
 * break the assessment starts from, a projection already past. */
static void notes(const struct bt_assessment *a, const struct row *r,
                  enum bt_lang l, struct bt_buf *out)
{
    static const char *const past[] = {"projected date passed",
                                       "预计日期已过", "預計日期已過"};
    const struct bt_progress *p = &a->progress;
    const char *sep = l == BT_LANG_EN ? "; " : "；";
    char text[512];
    out->len = 0;
    bt_buf_puts(out, "");
    if (p->has_latest && p->consolidation) {
        bt_assessed_label(p, p->latest_date, l, text, sizeof text);
        bt_buf_addf(out, "%s %s", text, r->assessed_value);
    }
    bt_stale_label(&a->currency, l, text, sizeof text);
    if (text[0])
        bt_buf_addf(out, "%s%s", out->len ? sep : "", text);
    bt_break_label(p, l, text, sizeof text);
    if (text[0])
        bt_buf_addf(out, "%s%s", out->len ? sep : "", text);
    if (p->projection_past)
        bt_buf_addf(out, "%s%s", out->len ? sep : "", past[l]);
}

/* One aligned line per indicator. */
static void print_text(const struct bt_assessment *a, size_t n, enum bt_lang l)
{
    static const char *const notes_word[] = {"notes", "说明", "說明"};
    size_t wname = 4;
    for (size_t i = 0; i < n; i++) {
        size_t w = bt_text_width(a[i].ind->name[l]);
        wname = w > wname ? w : wname;
    }
    /* the headers in the language, each over its column's cells */
    static const struct {
        enum bt_word w;
        size_t width;
    } head[] = {{BT_W_LATEST, 13}, {BT_W_VALUE, 16}, {BT_W_TARGET, 13},
                {BT_W_VALUE, 16},  {BT_W_PROGRESS, 10}, {BT_W_STATUS, 38},
                {BT_W_PROJECTED, 28}};
    bt_print_padded(stdout, bt_word(BT_W_NAME, l), wname + 2);
    for (size_t k = 0; k < sizeof head / sizeof *head; k++)
        bt_print_padded(stdout, bt_word(head[k].w, l), head[k].width);
    printf("%s\n", notes_word[l]);
    struct bt_buf note = {0};
    for (size_t i = 0; i < n; i++) {
        struct row r;
        const struct bt_progress *p = &a[i].progress;
        char prog[16] = "";
        fill(&r, &a[i]);
        if (!isnan(p->progress))
            snprintf(prog, sizeof prog, "%.0f%%", p->progress * 100);
        bt_print_padded(stdout, a[i].ind->name[l], wname + 2);
        printf("%-12s %14s  %-12s %14s%s %8s  ", r.latest_date, r.latest_value,
               r.target_date, r.target_value,
               p->target && p->target->illustrative ? "*" : " ", prog);
        /* status labels in Chinese take two cells a character */
        bt_print_padded(stdout, bt_status_label(p->status, l), 38);
        notes(&a[i], &r, l, &note);
        if (note.len) {
            bt_print_padded(stdout, r.projected, 28);
            printf("%s\n", note.data);
        } else {
            printf("%s\n", r.projected);
        }
    }
    bt_buf_release(&note);
    for (size_t i = 0; i < n; i++)
        if (a[i].progress.target && a[i].progress.target->illustrative) {
            printf("%s\n", bt_word(BT_W_ILLUSTRATIVE_NOTE, l));
            break;
        }
}

int bt_cmd_status(struct bt_cli *cli, int argc, char **argv)
{
    static const struct option opts[] = {
        {"as-of", required_argument, NULL, 'a'},
        {"lang", required_argument, NULL, 'l'},
        {"json", no_argument, NULL, 'j'},
        {"csv", no_argument, NULL, 'c'},
        BT_COMMON_OPTIONS};
    enum format fmt = TEXT;
    enum bt_lang lang = BT_LANG_EN;
    bt_day as_of = bt_cli_today();
    int c, rc;
    while ((c = getopt_long(argc, argv, "a:l:" BT_COMMON_SHORT, opts, NULL)) != -1) {
        const char *why;
        switch (c) {
        case 'a':
            if (bt_period_parse(optarg, strlen(optarg), &as_of, &why) != 0)
                return bt_cli_usage(cli, "--as-of '%s': %s", optarg, why);
            break;
        case 'l':
            if (bt_lang_parse(optarg, &lang) != 0)
                return bt_cli_usage(cli, "--lang '%s' should be en, zh-Hans or zh-Hant",
                                    optarg);
            break;
        case 'j': fmt = JSON; break;
        case 'c': fmt = CSV; break;
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
    struct bt_db db;
    struct bt_error e;
    struct bt_assessment *a;
    bt_cli_db_init(cli, &db);
    if (bt_query_assess(&db, &cat, as_of, &a, &e) != 0) {
        rc = bt_cli_error(cli, BT_EXIT_IO, "%s", e.msg);
    } else {
        (fmt == JSON ? print_json : fmt == CSV ? print_csv : print_text)(a, cat.n, lang);
        bt_assessments_free(a, cat.n);
    }
    bt_cli_db_release(cli, &db);
    bt_catalogue_release(&cat);
    return rc;
}
