/* catalogue.c - reading indicators/ (see catalogue.h). */
#include "catalogue.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "base/csv_read.h"
#include "base/encoding.h"
#include "base/number.h"
#include "series.h"

static const char *const indicator_header[] = {
    "id", "name_en", "name_zh_hans", "name_zh_hant", "unit",
    "direction", "frequency", "domain", "source"};
static const char *const target_header[] = {"indicator", "date", "value",
                                            "kind", "source", "illustrative"};
static const char *const derived_header[] = {"indicator", "from", "period",
                                             "function"};
static const char *const translation_header[] = {"text", "zh_hans", "zh_hant"};
static const char *const break_header[] = {"indicator", "date", "reason",
                                           "source"};
static const char *const release_header[] = {"indicator", "interval_days",
                                             "source"};

/* State while reading one catalogue file. */
struct ctx {
    struct bt_catalogue *c;
    const char *path;
    struct bt_diags diags;
    int header_done;
};

static int header_ok(struct ctx *x, unsigned long line,
                     const struct bt_field *f, size_t n,
                     const char *const *want, size_t nwant, size_t nreq)
{
    if (n < nreq || n > nwant) {
        bt_diags_add(&x->diags, line, 0, "header must be '%s'...", want[0]);
        return -1;
    }
    for (size_t i = 0; i < n; i++)
        if (strcmp(f[i].s, want[i]) != 0) {
            bt_diags_add(&x->diags, line, i + 1, "header '%s' should be '%s'",
                         f[i].s, want[i]);
            return -1;
        }
    x->header_done = 1;
    return 0;
}

static int indicator_row(void *vx, unsigned long line, const struct bt_field *f,
                         size_t n)
{
    struct ctx *x = vx;
    if (!x->header_done)
        return header_ok(x, line, f, n, indicator_header, 9, 9);
    if (n != 9) {
        bt_diags_add(&x->diags, line, 0, "expected 9 fields, found %zu", n);
        return 0;
    }
    struct bt_indicator in = {0};
    const char *why;
    if (bt_id_check(f[0].s, f[0].len, &why) != 0)
        bt_diags_add(&x->diags, line, 1, "indicator id '%.*s%s' %s", BT_SHOWN(f[0].s), why);
    if (strcmp(f[5].s, "up") == 0)
        in.direction = BT_DIR_UP;
    else if (strcmp(f[5].s, "down") == 0)
        in.direction = BT_DIR_DOWN;
    else
        bt_diags_add(&x->diags, line, 6, "direction '%.*s%s' must be up or down",
                     BT_SHOWN(f[5].s));
    if (bt_freq_parse(f[6].s, &in.freq) != 0)
        bt_diags_add(&x->diags, line, 7,
                     "frequency '%.*s%s' must be yearly, quarterly, monthly or daily",
                     BT_SHOWN(f[6].s));
    if (x->diags.n)
        return 0;
    in.id = bt_xstrdup(f[0].s);
    for (int i = 0; i < 3; i++)
        in.name[i] = bt_xstrdup(f[1 + i].s);
    in.unit = bt_xstrdup(f[4].s);
    in.domain = bt_xstrdup(f[7].s);
    in.source = bt_xstrdup(f[8].s);
    struct bt_catalogue *c = x->c;
    c->v = bt_xrealloc(c->v, (c->n + 1) * sizeof *c->v);
    c->v[c->n++] = in;
    return 0;
}

static int target_row(void *vx, unsigned long line, const struct bt_field *f,
                      size_t n)
{
    struct ctx *x = vx;
    if (!x->header_done)
        return header_ok(x, line, f, n, target_header, 6, 5);
    if (n != 5 && n != 6) {
        bt_diags_add(&x->diags, line, 0, "expected 5 or 6 fields, found %zu", n);
        return 0;
    }
    struct bt_indicator *in =
        (struct bt_indicator *)bt_catalogue_find(x->c, f[0].s, f[0].len);
    struct bt_target t = {0};
    const char *why;
    if (!in)
        bt_diags_add(&x->diags, line, 1, "unknown indicator '%.*s%s'", BT_SHOWN(f[0].s));
    if (bt_period_parse(f[1].s, f[1].len, &t.date, &why) != 0)
        bt_diags_add(&x->diags, line, 2, "date '%.*s%s': %s", BT_SHOWN(f[1].s), why);
    if (bt_number_parse(f[2].s, f[2].len, &t.value, &why) != 1)
        bt_diags_add(&x->diags, line, 3, "value '%.*s%s' is not a number", BT_SHOWN(f[2].s));
    if (strcmp(f[3].s, "baseline") == 0)
        t.kind = BT_KIND_BASELINE;
    else if (strcmp(f[3].s, "milestone") == 0)
        t.kind = BT_KIND_MILESTONE;
    else if (strcmp(f[3].s, "target") == 0)
        t.kind = BT_KIND_TARGET;
    else
        bt_diags_add(&x->diags, line, 4,
                     "kind '%.*s%s' must be baseline, milestone or target", BT_SHOWN(f[3].s));
    if (n == 6 && f[5].len && strcmp(f[5].s, "yes") != 0)
        bt_diags_add(&x->diags, line, 6, "illustrative '%.*s%s' must be yes or empty",
                     BT_SHOWN(f[5].s));
    if (x->diags.n)
        return 0;
    t.source = bt_xstrdup(f[4].s);
    t.illustrative = n == 6 && f[5].len;
    in->targets = bt_xrealloc(in->targets, (in->ntargets + 1) * sizeof *in->targets);
    in->targets[in->ntargets++] = t;
    return 0;
}

static int derived_row(void *vx, unsigned long line, const struct bt_field *f,
                       size_t n)
{
    struct ctx *x = vx;
    if (!x->header_done)
        return header_ok(x, line, f, n, derived_header, 4, 4);
    if (n != 4) {
        bt_diags_add(&x->diags, line, 0, "expected 4 fields, found %zu", n);
        return 0;
    }
    struct bt_indicator *in =
        (struct bt_indicator *)bt_catalogue_find(x->c, f[0].s, f[0].len);
    const struct bt_indicator *from = bt_catalogue_find(x->c, f[1].s, f[1].len);
    struct bt_derive d = {0};
    if (!in)
        bt_diags_add(&x->diags, line, 1, "unknown indicator '%.*s%s'", BT_SHOWN(f[0].s));
    else if (in->derive)
        bt_diags_add(&x->diags, line, 1, "indicator '%s' is derived twice", in->id);
    if (!from)
        bt_diags_add(&x->diags, line, 2, "unknown indicator '%.*s%s'", BT_SHOWN(f[1].s));
    else if (from->freq != BT_FREQ_DAILY || from->derive || from == in)
        bt_diags_add(&x->diags, line, 2,
                     "'%s' must be a daily indicator with series of its own", from->id);
    if (bt_derive_period_parse(f[2].s, &d.period) != 0)
        bt_diags_add(&x->diags, line, 3, "period '%.*s%s' must be year or month",
                     BT_SHOWN(f[2].s));
    if (bt_derive_fn_parse(f[3].s, &d.fn) != 0)
        bt_diags_add(&x->diags, line, 4, "function '%.*s%s' must be sum or mean",
                     BT_SHOWN(f[3].s));
    if (x->diags.n)
        return 0;
    d.from = bt_xstrdup(from->id);
    in->derive = bt_xmalloc(sizeof *in->derive);
    *in->derive = d;
    return 0;
}

static int break_row(void *vx, unsigned long line, const struct bt_field *f,
                     size_t n)
{
    struct ctx *x = vx;
    if (!x->header_done)
        return header_ok(x, line, f, n, break_header, 4, 4);
    if (n != 4) {
        bt_diags_add(&x->diags, line, 0, "expected 4 fields, found %zu", n);
        return 0;
    }
    struct bt_indicator *in =
        (struct bt_indicator *)bt_catalogue_find(x->c, f[0].s, f[0].len);
    struct bt_break k = {0};
    const char *why;
    if (!in)
        bt_diags_add(&x->diags, line, 1, "unknown indicator '%.*s%s'", BT_SHOWN(f[0].s));
    if (bt_period_parse(f[1].s, f[1].len, &k.date, &why) != 0)
        bt_diags_add(&x->diags, line, 2, "date '%.*s%s': %s", BT_SHOWN(f[1].s), why);
    if (f[2].len == 0)
        bt_diags_add(&x->diags, line, 3, "a break needs its reason");
    if (f[3].len == 0)
        bt_diags_add(&x->diags, line, 4, "a break needs its source");
    if (x->diags.n)
        return 0;
    for (size_t i = 0; i < in->nbreaks; i++)
        if (in->breaks[i].date == k.date) {
            bt_diags_add(&x->diags, line, 2, "indicator '%s' has a break on "
                         "this date already", in->id);
            return 0;
        }
    k.reason = bt_xstrdup(f[2].s);
    k.source = bt_xstrdup(f[3].s);
    in->breaks = bt_xrealloc(in->breaks, (in->nbreaks + 1) * sizeof *in->breaks);
    in->breaks[in->nbreaks++] = k;
    return 0;
}

static int release_row(void *vx, unsigned long line, const struct bt_field *f,
                       size_t n)
{
    struct ctx *x = vx;
    if (!x->header_done)
        return header_ok(x, line, f, n, release_header, 3, 3);
    if (n != 3) {
        bt_diags_add(&x->diags, line, 0, "expected 3 fields, found %zu", n);
        return 0;
    }
    struct bt_indicator *in =
        (struct bt_indicator *)bt_catalogue_find(x->c, f[0].s, f[0].len);
    double days;
    const char *why;
    if (!in)
        bt_diags_add(&x->diags, line, 1, "unknown indicator '%.*s%s'", BT_SHOWN(f[0].s));
    else if (in->release_days)
        bt_diags_add(&x->diags, line, 1, "indicator '%s' has an interval already",
                     in->id);
    if (bt_number_parse(f[1].s, f[1].len, &days, &why) != 1 || days < 1 ||
        days > 36600 || days != (double)(int)days)
        bt_diags_add(&x->diags, line, 2, "interval_days '%.*s%s' must be a whole "
                     "number of days from 1 to 36600", BT_SHOWN(f[1].s));
    if (f[2].len == 0)
        bt_diags_add(&x->diags, line, 3, "an interval needs its source");
    if (x->diags.n)
        return 0;
    in->release_days = (int)days;
    return 0;
}

static int break_cmp(const void *a, const void *b)
{
    const struct bt_break *x = a, *y = b;
    return (x->date > y->date) - (x->date < y->date);
}

/* 1 when text is the domain or unit of some indicator. */
static int in_use(const struct bt_catalogue *c, const char *text)
{
    for (size_t i = 0; i < c->n; i++)
        if (strcmp(c->v[i].unit, text) == 0 || strcmp(c->v[i].domain, text) == 0)
            return 1;
    return 0;
}

static int translation_row(void *vx, unsigned long line,
                           const struct bt_field *f, size_t n)
{
    struct ctx *x = vx;
    struct bt_catalogue *c = x->c;
    if (!x->header_done)
        return header_ok(x, line, f, n, translation_header, 3, 3);
    if (n != 3) {
        bt_diags_add(&x->diags, line, 0, "expected 3 fields, found %zu", n);
        return 0;
    }
    if (!in_use(c, f[0].s)) {
        bt_diags_add(&x->diags, line, 1, "no indicator has the domain or unit '%.*s%s'",
                     BT_SHOWN(f[0].s));
        return 0;
    }
    for (size_t i = 0; i < c->nwords; i += 3)
        if (strcmp(c->words[i], f[0].s) == 0) {
            bt_diags_add(&x->diags, line, 1, "'%.*s%s' is translated twice",
                         BT_SHOWN(f[0].s));
            return 0;
        }
    for (size_t k = 1; k < 3; k++)
        if (f[k].len == 0) {
            bt_diags_add(&x->diags, line, k + 1, "empty translation");
            return 0;
        }
    bt_grow((void **)&c->words, &c->words_cap, c->nwords + 3, sizeof *c->words);
    for (size_t k = 0; k < 3; k++)
        c->words[c->nwords++] = bt_xstrdup(f[k].s);
    return 0;
}

/* The text in language l: its translation, else itself. */
static const char *translated(const struct bt_catalogue *c, const char *text,
                              enum bt_lang l)
{
    for (size_t i = 0; l != BT_LANG_EN && i < c->nwords; i += 3)
        if (strcmp(c->words[i], text) == 0)
            return c->words[i + l];
    return text;
}

static int indicator_cmp(const void *a, const void *b)
{
    return strcmp(((const struct bt_indicator *)a)->id,
                  ((const struct bt_indicator *)b)->id);
}

static int target_cmp(const void *a, const void *b)
{
    const struct bt_target *x = a, *y = b;
    if (x->date != y->date)
        return x->date < y->date ? -1 : 1;
    return (int)x->kind - (int)y->kind;
}

/* Reads one catalogue file through fn; fails with the first problem. */
static int read_file(struct bt_catalogue *c, const char *dir, const char *name,
                     bt_csv_record_fn fn, struct bt_error *e)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    struct bt_text text;
    struct ctx x = {.c = c, .path = path, .diags = BT_DIAGS_INIT};
    int rc = bt_text_load(path, NULL, &text, &x.diags, e);
    if (rc == 0) {
        bt_csv_read(text.buf, text.len, fn, &x, &x.diags);
        if (!x.header_done && x.diags.n == 0)
            bt_diags_add(&x.diags, 1, 0, "file is empty");
    }
    if (rc >= 0 && x.diags.n)
        rc = bt_diags_first(&x.diags, path, e);
    bt_diags_release(&x.diags);
    bt_text_release(&text);
    return rc;
}

int bt_catalogue_load(struct bt_catalogue *c, const char *dir,
                      struct bt_error *e)
{
    memset(c, 0, sizeof *c);
    if (read_file(c, dir, "indicators.csv", indicator_row, e) != 0)
        goto fail;
    bt_qsort(c->v, c->n, sizeof *c->v, indicator_cmp);
    for (size_t i = 1; i < c->n; i++)
        if (strcmp(c->v[i - 1].id, c->v[i].id) == 0) {
            bt_fail(e, "%s/indicators.csv: indicator '%s' is defined twice",
                    dir, c->v[i].id);
            goto fail;
        }
    if (read_file(c, dir, "targets.csv", target_row, e) != 0)
        goto fail;
    for (size_t i = 0; i < c->n; i++)
        bt_qsort(c->v[i].targets, c->v[i].ntargets, sizeof *c->v[i].targets,
              target_cmp);
    char path[4096];
    snprintf(path, sizeof path, "%s/derived.csv", dir);
    if (access(path, F_OK) == 0 &&
        read_file(c, dir, "derived.csv", derived_row, e) != 0)
        goto fail;
    snprintf(path, sizeof path, "%s/translations.csv", dir);
    if (access(path, F_OK) == 0 &&
        read_file(c, dir, "translations.csv", translation_row, e) != 0)
        goto fail;
    snprintf(path, sizeof path, "%s/breaks.csv", dir);
    if (access(path, F_OK) == 0 &&
        read_file(c, dir, "breaks.csv", break_row, e) != 0)
        goto fail;
    snprintf(path, sizeof path, "%s/releases.csv", dir);
    if (access(path, F_OK) == 0 &&
        read_file(c, dir, "releases.csv", release_row, e) != 0)
        goto fail;
    for (size_t i = 0; i < c->n; i++)
        bt_qsort(c->v[i].breaks, c->v[i].nbreaks, sizeof *c->v[i].breaks,
                 break_cmp);
    for (size_t i = 0; i < c->n; i++)
        for (int l = 0; l < 3; l++) {
            c->v[i].unit_in[l] = translated(c, c->v[i].unit, (enum bt_lang)l);
            c->v[i].domain_in[l] = translated(c, c->v[i].domain, (enum bt_lang)l);
        }
    return 0;
fail:
    bt_catalogue_release(c);
    return -1;
}

void bt_catalogue_release(struct bt_catalogue *c)
{
    for (size_t i = 0; i < c->n; i++) {
        struct bt_indicator *in = &c->v[i];
        free(in->id);
        for (int k = 0; k < 3; k++)
            free(in->name[k]);
        free(in->unit);
        free(in->domain);
        free(in->source);
        for (size_t t = 0; t < in->ntargets; t++)
            free(in->targets[t].source);
        free(in->targets);
        for (size_t k = 0; k < in->nbreaks; k++) {
            free(in->breaks[k].reason);
            free(in->breaks[k].source);
        }
        free(in->breaks);
        if (in->derive)
            free(in->derive->from);
        free(in->derive);
    }
    for (size_t i = 0; i < c->nwords; i++)
        free(c->words[i]);
    free(c->words);
    free(c->v);
    memset(c, 0, sizeof *c);
}

const struct bt_indicator *bt_catalogue_find(const struct bt_catalogue *c,
                                             const char *id, size_t len)
{
    size_t lo = 0, hi = c->n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        const char *k = c->v[mid].id;
        int r = strncmp(k, id, len);
        if (r == 0)
            r = k[len] != '\0'; /* k is longer than id */
        if (r == 0)
            return &c->v[mid];
        if (r < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return NULL;
}

static const char *const lang_codes[] = {"en", "zh-Hans", "zh-Hant"};

int bt_lang_parse(const char *s, enum bt_lang *out)
{
    for (int i = 0; i < 3; i++)
        if (strcmp(s, lang_codes[i]) == 0) {
            *out = (enum bt_lang)i;
            return 0;
        }
    return -1;
}

const char *bt_lang_code(enum bt_lang l)
{
    return lang_codes[l];
}

const char *bt_kind_name(enum bt_target_kind k)
{
    static const char *const names[] = {"baseline", "milestone", "target"};
    return names[k];
}
