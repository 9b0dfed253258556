/* cmd_status.c - baytrack status: progress of every indicator. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "assess/assessed.h"
#include "assess/breakdown.h"
#include "base/number.h"
#include "assess/query.h"
#include "site/i18n.h"
#include "site/numfmt.h"
#include "cli.h"

enum format { TEXT, JSON, CSV };

/* One line of the output: an indicator, or one of its breakdowns. */
struct line {
    const struct bt_assessment *a;
    const struct bt_breakdown_row *row; /* NULL without --where or --by */
    int first;                          /* the indicator's first line */
};

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

/* v as fmt_num writes it; for people with at most six significant digits
 * in e-notation too (bt_num_people). buf holds 32 bytes. */
static void fmt_shown(char *buf, int for_people, double v)
{
    if (for_people && !isnan(v))
        bt_num_people(v, buf);
    else
        fmt_num(buf, v);
}

/* Figure v of a as a row shows it. For people (the text table): in the
 * indicator's display unit in l (display.csv) and rounded by the one rule
 * (numfmt.h). For programs (--json, --csv): as stored, exactly, but a
 * computed figure (computed: a consolidated mean; or any figure of a
 * derived indicator) rounded by the rule. */
static double shown(const struct bt_assessment *a, int for_people,
                    enum bt_lang l, int computed, double v)
{
    if (for_people)
        return bt_num_rounded(bt_shown_value(a->ind, l, v));
    return computed || a->ind->derive ? bt_num_rounded(v) : v;
}

static void fmt_ratio(char *buf, double v)
{
    if (isnan(v))
        buf[0] = '\0';
    else
        snprintf(buf, 32, "%.4f", v);
}

/* Fills r from a, its figures as shown() says (in l for people). */
static void fill(struct row *r, const struct bt_assessment *a, int for_people,
                 enum bt_lang l)
{
    const struct bt_progress *p = &a->progress;
    enum bt_freq f = a->ind->freq;
    memset(r, 0, sizeof *r);
    /* latest: the last single observation; assessed: the value the status
     * is decided on (a mean when consolidated, named) */
    if (p->has_last)
        bt_period_format(p->last_date, f, r->latest_date);
    fmt_shown(r->latest_value, for_people, shown(a, for_people, l, 0, p->last_value));
    if (p->has_latest) {
        bt_period_format(p->latest_date, p->consolidation ? BT_FREQ_DAILY : f,
                         r->assessed_date);
        fmt_shown(r->assessed_value, for_people, shown(a, for_people, l, 1, p->latest_value));
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
    fmt_shown(r->baseline_value, for_people,
              shown(a, for_people, l, p->baseline_observed && p->consolidation,
                  p->baseline_value));
    fmt_shown(r->target_value, for_people, shown(a, for_people, l, 0, p->target_value));
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

/* "breakdown":{"name":"value",...}, */
static void json_breakdown(const struct bt_breakdown_row *row)
{
    printf("\"breakdown\":{");
    for (size_t k = 0; k < row->ndims; k++) {
        printf("%s", k ? "," : "");
        bt_json_string(stdout, row->dims[k].name);
        putchar(':');
        bt_json_string(stdout, row->dims[k].value);
    }
    printf("},");
}

static void print_json(const struct line *ln, size_t n,
                       const struct bt_catalogue *cat, enum bt_lang l)
{
    (void)cat; /* programs get dimensions as loaded */
    printf("[");
    for (size_t i = 0; i < n; i++) {
        struct row r;
        const struct bt_assessment *a = ln[i].a;
        const struct bt_progress *p = &a->progress;
        fill(&r, a, 0, l);
        printf("%s\n{", i ? "," : "");
        json_field("indicator", a->ind->id, 0, 0);
        if (ln[i].row)
            json_breakdown(ln[i].row);
        json_field("name", a->ind->name[l], 0, 0);
        json_field("unit", a->ind->unit, 0, 0);
        /* how a person is shown the figures in --lang (display.csv); the
         * figures here stay as stored */
        json_field("display_unit", a->ind->shown_unit[l], 0, 0);
        char div[32];
        fmt_num(div, a->ind->shown_divisor[l]);
        json_field("display_divisor", div, 1, 0);
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
        printf("\"stale\":%s,", a->currency.stale ? "true" : "false");
        json_field("age_days", r.age, 1, 0);
        json_field("release_interval_days", r.interval, 1, 0);
        json_field("break_date", r.break_date, 0, 0);
        json_field("break_reason", p->brk ? p->brk->reason : "", 0, 0);
        printf("\"series\":%zu}", a->nseries);
    }
    printf("\n]\n");
}

/* The breakdown as "name=value, name=value" into *b (emptied first). */
static void label(struct bt_buf *b, const struct bt_breakdown_row *row)
{
    b->len = 0;
    bt_buf_addf(b, "%s", "");
    bt_breakdown_label(b, row->dims, row->ndims);
}

static void print_csv(const struct line *ln, size_t n,
                      const struct bt_catalogue *cat, enum bt_lang l)
{
    (void)cat; /* programs get dimensions as loaded */
    int breakdowns = n && ln[0].row;
    struct bt_buf b = {0};
    printf("indicator,%sname,unit,latest_date,latest_value,baseline_date,"
           "baseline_value,target_date,target_value,target_illustrative,"
           "progress,elapsed,pace,status,projected_date,trend_date,growth,"
           "assessed_date,assessed_value,assessed,stale,age_days,"
           "release_interval_days,break_date\n", breakdowns ? "breakdown," : "");
    for (size_t i = 0; i < n; i++) {
        struct row r;
        const struct bt_assessment *a = ln[i].a;
        const struct bt_progress *p = &a->progress;
        fill(&r, a, 0, l);
        printf("%s,", a->ind->id);
        if (ln[i].row) {
            label(&b, ln[i].row);
            bt_csv_field(stdout, b.data);
            putchar(',');
        }
        bt_csv_field(stdout, a->ind->name[l]);
        putchar(',');
        bt_csv_field(stdout, a->ind->unit);
        printf(",%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s", r.latest_date,
               r.latest_value, r.baseline_date, r.baseline_value, r.target_date,
               r.target_value, p->target && p->target->illustrative ? "yes" : "",
               r.progress, r.elapsed, r.pace, bt_status_name(p->status),
               r.projected, r.trend_date, r.growth);
        printf(",%s,%s,%s,%s,%s,%s,%s\n", r.assessed_date, r.assessed_value,
               r.assessed, a->currency.stale ? "yes" : "", r.age, r.interval,
               r.break_date);
    }
    bt_buf_release(&b);
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

/* The text of a line's breakdown in language l into *b: the total, or
 * "name=value, ..." translated by the catalogue. */
static const char *text_label(struct bt_buf *b, const struct line *ln,
                              const struct bt_catalogue *cat, enum bt_lang l)
{
    if (!ln->row->ndims)
        return bt_word(BT_W_TOTAL, l);
    b->len = 0;
    bt_buf_addf(b, "%s", "");
    bt_breakdown_label_in(b, cat, ln->row->dims, ln->row->ndims, l);
    return b->data;
}

/* One aligned line per indicator (and per breakdown, after its name). */
static void print_text(const struct line *ln, size_t n,
                       const struct bt_catalogue *cat, enum bt_lang l)
{
    static const char *const notes_word[] = {"notes", "说明", "說明"};
    int breakdowns = n && ln[0].row;
    struct bt_buf b = {0};
    size_t wname = 4, wsub = bt_text_width(bt_word(BT_W_SUBJECT, l));
    size_t wunit = bt_text_width(bt_word(BT_W_UNIT, l));
    for (size_t i = 0; i < n; i++) {
        size_t w = bt_text_width(ln[i].a->ind->name[l]);
        wname = w > wname ? w : wname;
        w = bt_text_width(ln[i].a->ind->shown_unit[l]);
        wunit = w > wunit ? w : wunit;
        if (breakdowns && (w = bt_text_width(text_label(&b, &ln[i], cat, l))) > wsub)
            wsub = w;
    }
    /* the headers in the language, each over its column's cells */
    static const struct {
        enum bt_word w;
        size_t width;
    } head[] = {{BT_W_LATEST, 13}, {BT_W_VALUE, 16}, {BT_W_TARGET, 13},
                {BT_W_VALUE, 16},  {BT_W_PROGRESS, 10}, {BT_W_STATUS, 38},
                {BT_W_PROJECTED, 28}};
    bt_print_padded(stdout, bt_word(BT_W_NAME, l), wname + 2);
    if (breakdowns)
        bt_print_padded(stdout, bt_word(BT_W_SUBJECT, l), wsub + 2);
    for (size_t k = 0; k < sizeof head / sizeof *head; k++) {
        if (k == 4) /* the unit the figures are in, after them */
            bt_print_padded(stdout, bt_word(BT_W_UNIT, l), wunit + 2);
        bt_print_padded(stdout, bt_word(head[k].w, l), head[k].width);
    }
    printf("%s\n", notes_word[l]);
    struct bt_buf note = {0};
    for (size_t i = 0; i < n; i++) {
        struct row r;
        const struct bt_assessment *a = ln[i].a;
        const struct bt_progress *p = &a->progress;
        char prog[16] = "";
        fill(&r, a, 1, l);
        if (!isnan(p->progress))
            snprintf(prog, sizeof prog, "%.0f%%", p->progress * 100);
        /* a breakdown's indicator is named on its first line only */
        bt_print_padded(stdout, ln[i].first ? a->ind->name[l] : "", wname + 2);
        if (breakdowns)
            bt_print_padded(stdout, text_label(&b, &ln[i], cat, l), wsub + 2);
        printf("%-12s %14s  %-12s %14s%s ", r.latest_date, r.latest_value,
               r.target_date, r.target_value,
               p->target && p->target->illustrative ? "*" : " ");
        bt_print_padded(stdout, a->ind->shown_unit[l], wunit + 2);
        printf("%8s  ", prog);
        /* status labels in Chinese take two cells a character */
        bt_print_padded(stdout, bt_status_label(p->status, l), 38);
        notes(a, &r, l, &note);
        if (note.len) {
            bt_print_padded(stdout, r.projected, 28);
            printf("%s\n", note.data);
        } else {
            printf("%s\n", r.projected);
        }
    }
    bt_buf_release(&note);
    for (size_t i = 0; i < n; i++)
        if (ln[i].a->progress.target && ln[i].a->progress.target->illustrative) {
            printf("%s\n", bt_word(BT_W_ILLUSTRATIVE_NOTE, l));
            break;
        }
    bt_buf_release(&b);
}

/* What status was asked for. */
struct ask {
    char **ids;                      /* the indicators named, or all */
    size_t nids;
    struct bt_dim where[BT_DIMS_MAX]; /* --where: the breakdown */
    size_t nwhere;
    const char *by;                  /* --by DIM, or NULL */
    int total;                       /* --total */
    bt_day as_of;
    enum format fmt;
    enum bt_lang lang;
};

/* Every indicator of cat (or those named), each assessed as a whole. */
static int status_totals(struct bt_cli *cli, struct bt_db *db,
                         const struct bt_catalogue *cat, const struct ask *q)
{
    struct bt_error e;
    struct bt_assessment *a;
    if (bt_query_assess(db, cat, q->as_of, &a, &e) != 0)
        return bt_cli_error(cli, BT_EXIT_IO, "%s", e.msg);
    struct line *ln = bt_xcalloc(cat->n + 1, sizeof *ln);
    size_t n = 0;
    for (size_t i = 0; i < cat->n; i++) {
        int named = q->nids == 0;
        for (size_t k = 0; k < q->nids; k++)
            named |= strcmp(q->ids[k], cat->v[i].id) == 0;
        if (named)
            ln[n++] = (struct line){&a[i], NULL, 1};
    }
    (q->fmt == JSON ? print_json : q->fmt == CSV ? print_csv : print_text)(ln, n, cat, q->lang);
    free(ln);
    bt_assessments_free(a, cat->n);
    return BT_EXIT_OK;
}

/* The breakdowns of one indicator asked for, appended to *rows[*nrows]
 * (each a block of its own, *nblocks of them). A named indicator with
 * nothing that matches is an error; others are left out. */
static int indicator_rows(struct bt_cli *cli, struct bt_db *db,
                          const struct bt_indicator *ind, const struct ask *q,
                          int named, struct bt_breakdown_row ***blocks,
                          size_t **sizes, size_t *nblocks)
{
    struct bt_error e;
    struct bt_breakdown_row *r;
    size_t n;
    if (bt_breakdown_rows(db, ind, q->where, q->nwhere, q->by, q->total,
                          q->as_of, &r, &n, &e) != 0)
        return bt_cli_error(cli, BT_EXIT_IO, "%s", e.msg);
    size_t matched = 0;
    for (size_t i = 0; i < n; i++)
        matched += r[i].a.nseries > 0 || r[i].view.ntargets > 0;
    if (matched == 0 || (q->by && n == (size_t)q->total)) {
        bt_breakdown_rows_free(r, n);
        if (!named)
            return 0;
        struct bt_buf w = {0};
        bt_breakdown_label(&w, q->where, q->nwhere);
        int rc = q->by ? bt_cli_error(cli, BT_EXIT_NOINPUT,
                                      "no stored series of '%s'%s%s has a "
                                      "dimension '%s'; 'baytrack series %s' "
                                      "lists them", ind->id, w.len ? " with " : "",
                                      w.len ? w.data : "", q->by, ind->id)
                       : bt_cli_error(cli, BT_EXIT_NOINPUT,
                                      "no stored series of '%s' matches %s; "
                                      "'baytrack series %s' lists them",
                                      ind->id, w.data, ind->id);
        bt_buf_release(&w);
        return rc;
    }
    *blocks = bt_xrealloc(*blocks, (*nblocks + 1) * sizeof **blocks);
    *sizes = bt_xrealloc(*sizes, (*nblocks + 1) * sizeof **sizes);
    (*blocks)[*nblocks] = r;
    (*sizes)[(*nblocks)++] = n;
    return 0;
}

/* --where or --by: each indicator's breakdowns, one line each. */
static int status_breakdowns(struct bt_cli *cli, struct bt_db *db,
                             const struct bt_catalogue *cat, const struct ask *q)
{
    struct bt_breakdown_row **blocks = NULL;
    size_t *sizes = NULL, nblocks = 0, nlines = 0;
    int rc = 0;
    for (size_t i = 0; rc == 0 && i < cat->n; i++) {
        int named = 0;
        for (size_t k = 0; k < q->nids; k++)
            named |= strcmp(q->ids[k], cat->v[i].id) == 0;
        if (named || q->nids == 0)
            rc = indicator_rows(cli, db, &cat->v[i], q, named, &blocks, &sizes,
                                &nblocks);
    }
    for (size_t b = 0; b < nblocks; b++)
        nlines += sizes[b];
    if (rc == 0 && nlines == 0) {
        struct bt_buf w = {0};
        bt_breakdown_label(&w, q->where, q->nwhere);
        rc = q->by ? bt_cli_error(cli, BT_EXIT_NOINPUT, "no stored series has a "
                                  "dimension '%s'", q->by)
                   : bt_cli_error(cli, BT_EXIT_NOINPUT, "no stored series "
                                  "matches %s", w.data);
        bt_buf_release(&w);
    }
    if (rc == 0) {
        struct line *ln = bt_xcalloc(nlines, sizeof *ln);
        size_t n = 0;
        for (size_t b = 0; b < nblocks; b++)
            for (size_t k = 0; k < sizes[b]; k++)
                ln[n++] = (struct line){&blocks[b][k].a, &blocks[b][k], k == 0};
        (q->fmt == JSON ? print_json : q->fmt == CSV ? print_csv : print_text)(ln, n, cat, q->lang);
        free(ln);
    }
    for (size_t b = 0; b < nblocks; b++)
        bt_breakdown_rows_free(blocks[b], sizes[b]);
    free(blocks);
    free(sizes);
    return rc;
}

int bt_cmd_status(struct bt_cli *cli, int argc, char **argv)
{
    static const struct option opts[] = {
        {"as-of", required_argument, NULL, 'a'},
        {"lang", required_argument, NULL, 'l'},
        {"json", no_argument, NULL, 'j'},
        {"csv", no_argument, NULL, 'c'},
        {"where", required_argument, NULL, 'w'},
        {"by", required_argument, NULL, 'b'},
        {"total", no_argument, NULL, 't'},
        BT_COMMON_OPTIONS};
    struct ask q = {.as_of = bt_cli_today(), .fmt = TEXT, .lang = BT_LANG_EN};
    int c, rc;
    struct bt_error e;
    while ((c = getopt_long(argc, argv, "a:l:w:" BT_COMMON_SHORT, opts, NULL)) != -1) {
        const char *why;
        switch (c) {
        case 'a':
            if (bt_period_parse(optarg, strlen(optarg), &q.as_of, &why) != 0)
                return bt_cli_usage(cli, "--as-of '%s': %s", optarg, why);
            break;
        case 'l':
            if (bt_lang_parse(optarg, &q.lang) != 0)
                return bt_cli_usage(cli, "--lang '%s' should be en, zh-Hans or zh-Hant",
                                    optarg);
            break;
        case 'j': q.fmt = JSON; break;
        case 'c': q.fmt = CSV; break;
        case 'w':
            if ((rc = bt_cli_where(cli, optarg, q.where, &q.nwhere)) != 0)
                return rc;
            break;
        case 'b': q.by = optarg; break;
        case 't': q.total = 1; break;
        default:
            if ((rc = bt_cli_common(cli, c, optarg)) != 0)
                return rc < 0 ? BT_EXIT_OK : rc;
        }
    }
    if (bt_breakdown_check(q.where, q.nwhere, &e) != 0)
        return bt_cli_usage(cli, "--where: %s", e.msg);
    for (size_t i = 0; q.by && i < q.nwhere; i++)
        if (strcmp(q.where[i].name, q.by) == 0)
            return bt_cli_usage(cli, "--by '%s' is also given as --where", q.by);
    if (q.total && q.nwhere && !q.by)
        return bt_cli_usage(cli, "--total is the total over every breakdown: "
                            "give it without --where, or with --by");
    q.ids = argv + optind;
    q.nids = (size_t)(argc - optind);
    struct bt_catalogue cat;
    if ((rc = bt_cli_catalogue(cli, &cat)) != 0)
        return rc;
    for (size_t k = 0; k < q.nids; k++)
        if (!bt_catalogue_find(&cat, q.ids[k], strlen(q.ids[k]))) {
            bt_catalogue_release(&cat);
            return bt_cli_error(cli, BT_EXIT_NOINPUT, "unknown indicator '%s'",
                                q.ids[k]);
        }
    struct bt_db db;
    bt_cli_db_init(cli, &db);
    bt_db_skip_unreadable(&db); /* one bad file never hides the rest */
    bt_cli_unmatched_targets(cli, &db, &cat);
    rc = q.nwhere || q.by ? status_breakdowns(cli, &db, &cat, &q)
                          : status_totals(cli, &db, &cat, &q);
    rc = bt_cli_skipped(cli, &db, rc);
    bt_cli_db_release(cli, &db);
    bt_catalogue_release(&cat);
    return rc;
}
