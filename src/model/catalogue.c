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
                                             "function", "denominator", "scale"};
static const char *const translation_header[] = {"text", "zh_hans", "zh_hant"};
static const char *const dimension_header[] = {"dimension", "value", "zh_hans",
                                               "zh_hant"};
static const char *const breakdown_header[] = {"indicator", "dimension", "scale",
                                               "compare"};
static const char *const break_header[] = {"indicator", "date", "reason",
                                           "source"};
static const char *const site_header[] = {"text", "en", "zh_hans", "zh_hant"};
static const char *const site_keys[BT_SITE_N] = {"title", "subtitle", "publisher"};
static const char *const release_header[] = {"indicator", "interval_days",
                                             "source"};
static const char *const display_header[] = {"indicator", "language", "divisor",
                                             "unit"};

/* State while reading one catalogue file. */
struct ctx {
    struct bt_catalogue *c;
    const char *path;
    struct bt_diags diags;
    int header_done;
    /* targets.csv: what its header says */
    size_t ncols;           /* fields a row has */
    size_t illustrative;    /* the illustrative column, or 0 when none */
    size_t ndimcols;        /* dimension columns */
    size_t dimcol[BT_DIM_COLUMNS_MAX];        /* each one's field index */
    char dimname[BT_DIM_COLUMNS_MAX][64];     /* and its dimension */
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

/* Why bt_number_parse returned rc (not 1) for a catalogue number: its
 * reason, as load gives it, or that the cell is empty or "missing". */
static const char *number_why(int rc, const char *why)
{
    return rc < 0 ? why : "a number is needed, not a missing value";
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
    in.line = line;
    struct bt_catalogue *c = x->c;
    c->v = bt_xrealloc(c->v, (c->n + 1) * sizeof *c->v);
    c->v[c->n++] = in;
    return 0;
}

/* One column of targets.csv's header after the five fixed ones:
 * illustrative, or a dimension. Returns 0, or -1 with a diagnostic. */
static int target_column(struct ctx *x, unsigned long line,
                         const struct bt_field *f, size_t i)
{
    if (strcmp(f->s, "illustrative") == 0 && !x->illustrative) {
        x->illustrative = i;
        return 0;
    }
    char name[64];
    const char *why;
    if (bt_dim_name(f->s, f->len, name, &why) != 0) {
        bt_diags_add(&x->diags, line, i + 1, "header '%.*s%s': %s", BT_SHOWN(f->s), why);
        return -1;
    }
    int taken = bt_column_find(name, strlen(name)) != BT_COL_N;
    for (size_t k = 0; k < 5; k++)
        taken |= strcmp(name, target_header[k]) == 0;
    for (size_t k = 0; k < x->ndimcols; k++)
        taken |= strcmp(name, x->dimname[k]) == 0;
    if (taken || strcmp(name, "illustrative") == 0) {
        bt_diags_add(&x->diags, line, i + 1,
                     "header '%.*s%s': dimension '%s' is a column already or "
                     "a reserved name", BT_SHOWN(f->s), name);
        return -1;
    }
    if (x->ndimcols == BT_DIM_COLUMNS_MAX) {
        bt_diags_add(&x->diags, line, i + 1, "more than %d dimension columns",
                     BT_DIM_COLUMNS_MAX);
        return -1;
    }
    x->dimcol[x->ndimcols] = i;
    memcpy(x->dimname[x->ndimcols++], name, sizeof name);
    return 0;
}

/* targets.csv's header: indicator,date,value,kind,source, then in any
 * order illustrative and dimension columns. */
static int target_header_ok(struct ctx *x, unsigned long line,
                            const struct bt_field *f, size_t n)
{
    if (n < 5)
        return header_ok(x, line, f, n, target_header, 6, 5);
    for (size_t i = 0; i < 5; i++)
        if (strcmp(f[i].s, target_header[i]) != 0)
            return header_ok(x, line, f, n, target_header, 6, 5);
    for (size_t i = 5; i < n; i++)
        if (target_column(x, line, &f[i], i) != 0)
            return -1;
    x->ncols = n;
    x->header_done = 1;
    return 0;
}

/* The breakdown of a target row f[0..nf) into dims[*n] (borrowed, sorted
 * by name). Returns 0, or -1 with a diagnostic. */
static int target_dims(struct ctx *x, unsigned long line,
                       const struct bt_field *f, size_t nf, struct bt_dim *dims,
                       size_t *n)
{
    const char *why;
    *n = 0;
    for (size_t k = 0; k < x->ndimcols; k++) {
        if (x->dimcol[k] >= nf)
            continue; /* left off the end of the row: empty */
        const struct bt_field *v = &f[x->dimcol[k]];
        if (v->len == 0)
            continue;
        if (bt_dim_value_check(v->s, v->len, &why) != 0) {
            bt_diags_add(&x->diags, line, x->dimcol[k] + 1, "%s '%.*s%s' %s",
                         x->dimname[k], BT_SHOWN(v->s), why);
            return -1;
        }
        if (*n == BT_DIMS_MAX) {
            bt_diags_add(&x->diags, line, x->dimcol[k] + 1,
                         "a breakdown of more than %d dimensions", BT_DIMS_MAX);
            return -1;
        }
        dims[(*n)++] = (struct bt_dim){x->dimname[k], v->s};
    }
    bt_dims_sort(dims, *n);
    return 0;
}

/* Adds t to in's targets, or to those of the breakdown dims[0..n)
 * (borrowed: copied when the breakdown is new). */
static void target_add(struct bt_indicator *in, const struct bt_target *t,
                       const struct bt_dim *dims, size_t n)
{
    struct bt_target **v = &in->targets;
    size_t *nv = &in->ntargets;
    if (n) {
        size_t i = 0;
        while (i < in->nbreakdowns &&
               bt_dims_cmp(in->breakdowns[i].dims, in->breakdowns[i].ndims, dims, n))
            i++;
        if (i == in->nbreakdowns) {
            in->breakdowns = bt_xrealloc(in->breakdowns, (i + 1) * sizeof *in->breakdowns);
            struct bt_breakdown_targets *bd = &in->breakdowns[in->nbreakdowns++];
            memset(bd, 0, sizeof *bd);
            for (size_t k = 0; k < n; k++)
                bd->dims[k] = (struct bt_dim){bt_xstrdup(dims[k].name),
                                              bt_xstrdup(dims[k].value)};
            bd->ndims = n;
        }
        v = &in->breakdowns[i].targets;
        nv = &in->breakdowns[i].ntargets;
    }
    *v = bt_xrealloc(*v, (*nv + 1) * sizeof **v);
    (*v)[(*nv)++] = *t;
}

static int target_row(void *vx, unsigned long line, const struct bt_field *f,
                      size_t n)
{
    struct ctx *x = vx;
    if (!x->header_done)
        return target_header_ok(x, line, f, n);
    if (n < 5 || n > x->ncols) {
        bt_diags_add(&x->diags, line, 0, "expected 5 to %zu fields, found %zu",
                     x->ncols, n);
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
    int rc = bt_number_parse(f[2].s, f[2].len, &t.value, &why);
    if (rc != 1)
        bt_diags_add(&x->diags, line, 3, "value '%.*s%s': %s", BT_SHOWN(f[2].s),
                     number_why(rc, why));
    if (strcmp(f[3].s, "baseline") == 0)
        t.kind = BT_KIND_BASELINE;
    else if (strcmp(f[3].s, "milestone") == 0)
        t.kind = BT_KIND_MILESTONE;
    else if (strcmp(f[3].s, "target") == 0)
        t.kind = BT_KIND_TARGET;
    else
        bt_diags_add(&x->diags, line, 4,
                     "kind '%.*s%s' must be baseline, milestone or target", BT_SHOWN(f[3].s));
    const struct bt_field *il = x->illustrative && x->illustrative < n
                                    ? &f[x->illustrative] : NULL;
    if (il && il->len && strcmp(il->s, "yes") != 0)
        bt_diags_add(&x->diags, line, x->illustrative + 1,
                     "illustrative '%.*s%s' must be yes or empty", BT_SHOWN(il->s));
    struct bt_dim dims[BT_DIMS_MAX];
    size_t ndims;
    target_dims(x, line, f, n, dims, &ndims);
    if (x->diags.n)
        return 0;
    t.source = bt_xstrdup(f[4].s);
    t.illustrative = il && il->len;
    target_add(in, &t, dims, ndims);
    return 0;
}

/* The source (column col) of a derived indicator: another with series
 * of its own. NULL with a diagnostic when it is not. */
static const struct bt_indicator *derive_source(struct ctx *x, unsigned long line,
                                                const struct bt_field *f, size_t col,
                                                const struct bt_indicator *in)
{
    const struct bt_indicator *from = bt_catalogue_find(x->c, f->s, f->len);
    if (!from)
        bt_diags_add(&x->diags, line, col + 1, "unknown indicator '%.*s%s'", BT_SHOWN(f->s));
    else if (from->derive || from == in)
        bt_diags_add(&x->diags, line, col + 1,
                     "'%s' must be an indicator with series of its own", from->id);
    else
        return from;
    return NULL;
}

/* The function's needs: sum and mean a period coarser than the source's
 * frequency; ratio a denominator and a scale; ratio and yoy no period. */
static void derive_check(struct ctx *x, unsigned long line, const struct bt_field *f,
                         size_t n, const struct bt_indicator *from,
                         struct bt_derive *d)
{
    const char *why;
    int aggregate = d->fn == BT_DERIVE_SUM || d->fn == BT_DERIVE_MEAN;
    if (aggregate && from && !bt_derive_coarser(d->period, from->freq))
        bt_diags_add(&x->diags, line, 3, "period '%s' must be longer than the %s "
                     "periods of '%s'", f[2].s, bt_freq_name(from->freq), from->id);
    if (!aggregate && d->period != BT_DERIVE_SAME)
        bt_diags_add(&x->diags, line, 3, "%s keeps the dates of '%s': leave the period empty",
                     f[3].s, f[1].s);
    if (d->fn != BT_DERIVE_RATIO) {
        if (n > 4 && (f[4].len || f[5].len))
            bt_diags_add(&x->diags, line, 5, "only a ratio has a denominator and a scale");
        return;
    }
    if (n < 6 || !f[4].len) {
        bt_diags_add(&x->diags, line, n < 5 ? 0 : 5, "a ratio needs a denominator and a scale");
        return;
    }
    const struct bt_indicator *den = derive_source(x, line, &f[4], 4, NULL);
    int rc = bt_number_parse(f[5].s, f[5].len, &d->scale, &why);
    if (rc != 1)
        bt_diags_add(&x->diags, line, 6, "scale '%.*s%s': %s", BT_SHOWN(f[5].s),
                     number_why(rc, why));
    else if (d->scale == 0)
        bt_diags_add(&x->diags, line, 6, "scale '%.*s%s' must be a number, not 0",
                     BT_SHOWN(f[5].s));
    if (den)
        d->denominator = (char *)den->id; /* copied when the row is taken */
}

static int derived_row(void *vx, unsigned long line, const struct bt_field *f,
                       size_t n)
{
    struct ctx *x = vx;
    if (!x->header_done)
        return header_ok(x, line, f, n, derived_header, 6, 4);
    if (n != 4 && n != 6) {
        bt_diags_add(&x->diags, line, 0, "expected 4 or 6 fields, found %zu", n);
        return 0;
    }
    struct bt_indicator *in =
        (struct bt_indicator *)bt_catalogue_find(x->c, f[0].s, f[0].len);
    struct bt_derive d = {.scale = 1};
    if (!in)
        bt_diags_add(&x->diags, line, 1, "unknown indicator '%.*s%s'", BT_SHOWN(f[0].s));
    else if (in->derive)
        bt_diags_add(&x->diags, line, 1, "indicator '%s' is derived twice", in->id);
    const struct bt_indicator *from = derive_source(x, line, &f[1], 1, in);
    int period_ok = bt_derive_period_parse(f[2].s, &d.period) == 0;
    if (!period_ok)
        bt_diags_add(&x->diags, line, 3, "period '%.*s%s' must be year, quarter, "
                     "month or empty", BT_SHOWN(f[2].s));
    if (bt_derive_fn_parse(f[3].s, &d.fn) != 0)
        bt_diags_add(&x->diags, line, 4, "function '%.*s%s' must be sum, mean, ratio, "
                     "yoy or yoy_pct", BT_SHOWN(f[3].s));
    else if (period_ok)
        derive_check(x, line, f, n, from, &d);
    if (x->diags.n)
        return 0;
    d.from = bt_xstrdup(from->id);
    d.from_freq = from->freq;
    if (d.denominator)
        d.denominator = bt_xstrdup(d.denominator);
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
    int rc = bt_number_parse(f[1].s, f[1].len, &days, &why);
    if (rc != 1)
        bt_diags_add(&x->diags, line, 2, "interval_days '%.*s%s': %s",
                     BT_SHOWN(f[1].s), number_why(rc, why));
    else if (days < 1 || days > 36600 || days != (double)(int)days)
        bt_diags_add(&x->diags, line, 2, "interval_days '%.*s%s' must be a whole "
                     "number of days from 1 to 36600", BT_SHOWN(f[1].s));
    if (f[2].len == 0)
        bt_diags_add(&x->diags, line, 3, "an interval needs its source");
    if (x->diags.n)
        return 0;
    in->release_days = (int)days;
    return 0;
}

/* site.csv's languages row: the codes in f[1] separated by spaces, each
 * once, the first the index's; the cells after it empty. */
static void site_languages(struct ctx *x, unsigned long line,
                           const struct bt_field *f, size_t n)
{
    struct bt_catalogue *c = x->c;
    if (c->nlangs) {
        bt_diags_add(&x->diags, line, 1, "'languages' is given twice");
        return;
    }
    for (size_t k = 2; k < n; k++)
        if (f[k].len) {
            bt_diags_add(&x->diags, line, k + 1, "the languages go in the "
                         "second cell alone (\"en zh-Hans\"): this one must "
                         "be empty");
            return;
        }
    enum bt_lang v[3];
    size_t nv = 0;
    for (const char *p = f[1].s; *p;) {
        size_t len = strcspn(p, " ");
        char code[16];
        enum bt_lang l;
        if (len == 0) {
            p++;
            continue;
        }
        snprintf(code, sizeof code, "%.*s", (int)(len < 15 ? len : 15), p);
        if (len > 15 || bt_lang_parse(code, &l) != 0) {
            bt_diags_add(&x->diags, line, 2, "language '%.*s' must be en, "
                         "zh-Hans or zh-Hant", (int)(len < 40 ? len : 40), p);
            return;
        }
        for (size_t k = 0; k < nv; k++)
            if (v[k] == l) {
                bt_diags_add(&x->diags, line, 2, "language '%s' is given twice",
                             code);
                return;
            }
        v[nv++] = l;
        p += len;
    }
    if (nv == 0) {
        bt_diags_add(&x->diags, line, 2, "no language: give one or more of "
                     "en, zh-Hans and zh-Hant, separated by spaces");
        return;
    }
    memcpy(c->langs, v, nv * sizeof *v);
    c->nlangs = nv;
}

static int site_row(void *vx, unsigned long line, const struct bt_field *f,
                    size_t n)
{
    struct ctx *x = vx;
    if (!x->header_done)
        return header_ok(x, line, f, n, site_header, 4, 4);
    if (n >= 2 && n <= 4 && strcmp(f[0].s, "languages") == 0) {
        site_languages(x, line, f, n);
        return 0;
    }
    if (n != 4) {
        bt_diags_add(&x->diags, line, 0, "expected 4 fields, found %zu", n);
        return 0;
    }
    int k = 0;
    while (k < BT_SITE_N && strcmp(f[0].s, site_keys[k]) != 0)
        k++;
    if (k == BT_SITE_N) {
        bt_diags_add(&x->diags, line, 1, "text '%.*s%s' must be title, subtitle, "
                     "publisher or languages", BT_SHOWN(f[0].s));
        return 0;
    }
    if (x->c->site[k][0]) {
        bt_diags_add(&x->diags, line, 1, "'%s' is given twice", site_keys[k]);
        return 0;
    }
    for (int l = 0; l < 3; l++)
        if (f[1 + l].len == 0) {
            bt_diags_add(&x->diags, line, (size_t)(2 + l), "empty text");
            return 0;
        }
    for (int l = 0; l < 3; l++)
        x->c->site[k][l] = bt_xstrdup(f[1 + l].s);
    return 0;
}

/* display.csv: one indicator's unit in one language. */
static int display_row(void *vx, unsigned long line, const struct bt_field *f,
                       size_t n)
{
    struct ctx *x = vx;
    if (!x->header_done)
        return header_ok(x, line, f, n, display_header, 4, 4);
    if (n != 4) {
        bt_diags_add(&x->diags, line, 0, "expected 4 fields, found %zu", n);
        return 0;
    }
    struct bt_indicator *in =
        (struct bt_indicator *)bt_catalogue_find(x->c, f[0].s, f[0].len);
    enum bt_lang l = BT_LANG_EN;
    double d;
    const char *why;
    if (!in)
        bt_diags_add(&x->diags, line, 1, "unknown indicator '%.*s%s'", BT_SHOWN(f[0].s));
    if (bt_lang_parse(f[1].s, &l) != 0)
        bt_diags_add(&x->diags, line, 2, "language '%.*s%s' must be en, zh-Hans "
                     "or zh-Hant", BT_SHOWN(f[1].s));
    else if (in && in->display_unit[l])
        bt_diags_add(&x->diags, line, 2, "indicator '%s' has a unit in %s already",
                     in->id, f[1].s);
    int rc = bt_number_parse(f[2].s, f[2].len, &d, &why);
    if (rc != 1)
        bt_diags_add(&x->diags, line, 3, "divisor '%.*s%s': %s", BT_SHOWN(f[2].s),
                     number_why(rc, why));
    else if (!(d >= 1e-300 && d <= 1e300))
        bt_diags_add(&x->diags, line, 3, "divisor '%.*s%s' must be a number "
                     "from 1e-300 to 1e300 (10000: 亿元 shown as 万亿元)",
                     BT_SHOWN(f[2].s));
    if (f[3].len == 0)
        bt_diags_add(&x->diags, line, 4, "empty unit");
    if (x->diags.n)
        return 0;
    in->display_unit[l] = bt_xstrdup(f[3].s);
    in->shown_divisor[l] = d;
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
        bt_diags_add(&x->diags, line, 1, "no indicator has the domain or unit '%.*s%s' "
                     "(a dimension's name or value goes in dimensions.csv)",
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

static int dimension_row(void *vx, unsigned long line, const struct bt_field *f,
                         size_t n)
{
    struct ctx *x = vx;
    struct bt_catalogue *c = x->c;
    char name[64];
    const char *why;
    if (!x->header_done)
        return header_ok(x, line, f, n, dimension_header, 4, 4);
    if (n != 4) {
        bt_diags_add(&x->diags, line, 0, "expected 4 fields, found %zu", n);
        return 0;
    }
    if (bt_dim_name(f[0].s, f[0].len, name, &why) != 0 || strcmp(name, f[0].s) != 0) {
        bt_diags_add(&x->diags, line, 1, "dimension '%.*s%s' is not a dimension "
                     "name as loaded (lower case, '_' between words)", BT_SHOWN(f[0].s));
        return 0;
    }
    if (f[1].len && bt_dim_value_check(f[1].s, f[1].len, &why) != 0) {
        bt_diags_add(&x->diags, line, 2, "value '%.*s%s' %s", BT_SHOWN(f[1].s), why);
        return 0;
    }
    for (size_t i = 0; i < c->ndim_words; i += 4)
        if (strcmp(c->dim_words[i], f[0].s) == 0 && strcmp(c->dim_words[i + 1], f[1].s) == 0) {
            bt_diags_add(&x->diags, line, f[1].len ? 2 : 1, "'%.*s%s' is translated twice",
                         BT_SHOWN(f[1].len ? f[1].s : f[0].s));
            return 0;
        }
    for (size_t k = 2; k < 4; k++)
        if (f[k].len == 0) {
            bt_diags_add(&x->diags, line, k + 1, "empty translation");
            return 0;
        }
    bt_grow((void **)&c->dim_words, &c->dim_words_cap, c->ndim_words + 4,
            sizeof *c->dim_words);
    for (size_t k = 0; k < 4; k++)
        c->dim_words[c->ndim_words++] = bt_xstrdup(f[k].s);
    return 0;
}

const char *bt_dim_word(const struct bt_catalogue *c, const char *dim,
                        const char *value, enum bt_lang l)
{
    const char *v = value ? value : "";
    for (size_t i = 0; l != BT_LANG_EN && i < c->ndim_words; i += 4)
        if (strcmp(c->dim_words[i], dim) == 0 && strcmp(c->dim_words[i + 1], v) == 0)
            return c->dim_words[i + 1 + l];
    return value ? value : dim;
}

/* The values of a compare cell ("a;b;c") into in. */
static void compare_values(struct bt_indicator *in, const struct bt_field *f)
{
    for (const char *p = f->s; *p;) {
        size_t len = strcspn(p, ";");
        if (len) {
            in->compare = bt_xrealloc(in->compare, (in->ncompare + 1) * sizeof *in->compare);
            in->compare[in->ncompare++] = bt_xstrndup(p, len);
        }
        p += len + (p[len] == ';');
    }
}

static int breakdown_row(void *vx, unsigned long line, const struct bt_field *f,
                         size_t n)
{
    struct ctx *x = vx;
    char name[64];
    const char *why;
    if (!x->header_done)
        return header_ok(x, line, f, n, breakdown_header, 4, 4);
    if (n != 4) {
        bt_diags_add(&x->diags, line, 0, "expected 4 fields, found %zu", n);
        return 0;
    }
    struct bt_indicator *in =
        (struct bt_indicator *)bt_catalogue_find(x->c, f[0].s, f[0].len);
    if (!in)
        bt_diags_add(&x->diags, line, 1, "unknown indicator '%.*s%s'", BT_SHOWN(f[0].s));
    else if (in->by || in->ncompare || in->shared_scale)
        bt_diags_add(&x->diags, line, 1, "indicator '%s' is given twice", in->id);
    if (f[1].len && (bt_dim_name(f[1].s, f[1].len, name, &why) != 0 ||
                     strcmp(name, f[1].s) != 0))
        bt_diags_add(&x->diags, line, 2, "dimension '%.*s%s' is not a dimension "
                     "name as loaded (lower case, '_' between words)", BT_SHOWN(f[1].s));
    if (f[2].len && strcmp(f[2].s, "shared") != 0 && strcmp(f[2].s, "own") != 0)
        bt_diags_add(&x->diags, line, 3, "scale '%.*s%s' must be shared, own or empty",
                     BT_SHOWN(f[2].s));
    if (x->diags.n)
        return 0;
    in->by = f[1].len ? bt_xstrdup(f[1].s) : NULL;
    in->shared_scale = strcmp(f[2].s, "shared") == 0;
    compare_values(in, &f[3]);
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
    const struct bt_indicator *x = a, *y = b;
    int c = strcmp(x->id, y->id);
    if (c)
        return c;
    return x->line < y->line ? -1 : x->line > y->line; /* a twice defined id */
}

/* After the sort: fails with the second definition of an id that comes
 * earliest in indicators.csv, at its line, naming the first one's. */
static int indicator_twice(const struct bt_catalogue *c, const char *dir,
                           struct bt_error *e)
{
    const struct bt_indicator *second = NULL;
    unsigned long first = 0;
    for (size_t i = 1, start = 0; i < c->n; i++) {
        if (strcmp(c->v[i - 1].id, c->v[i].id) != 0) {
            start = i;
            continue;
        }
        if (!second || c->v[i].line < second->line)
            second = &c->v[i], first = c->v[start].line;
    }
    if (!second)
        return 0;
    return bt_fail(e, "%s/indicators.csv:%lu:1: indicator '%s' is defined "
                   "twice, first on line %lu", dir, second->line, second->id,
                   first);
}

int bt_dims_cmp(const struct bt_dim *a, size_t na, const struct bt_dim *b,
                size_t nb)
{
    for (size_t i = 0; i < na && i < nb; i++) {
        int r = strcmp(a[i].name, b[i].name);
        if (r == 0)
            r = strcmp(a[i].value, b[i].value);
        if (r != 0)
            return r;
    }
    return (na > nb) - (na < nb);
}

static int breakdown_cmp(const void *a, const void *b)
{
    const struct bt_breakdown_targets *x = a, *y = b;
    return bt_dims_cmp(x->dims, x->ndims, y->dims, y->ndims);
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
    if (indicator_twice(c, dir, e) != 0)
        goto fail;
    if (read_file(c, dir, "targets.csv", target_row, e) != 0)
        goto fail;
    for (size_t i = 0; i < c->n; i++) {
        bt_qsort(c->v[i].targets, c->v[i].ntargets, sizeof *c->v[i].targets,
              target_cmp);
        struct bt_indicator *in = &c->v[i];
        for (size_t k = 0; k < in->nbreakdowns; k++)
            bt_qsort(in->breakdowns[k].targets, in->breakdowns[k].ntargets,
                     sizeof *in->breakdowns[k].targets, target_cmp);
        bt_qsort(in->breakdowns, in->nbreakdowns, sizeof *in->breakdowns,
                 breakdown_cmp);
    }
    char path[4096];
    snprintf(path, sizeof path, "%s/derived.csv", dir);
    if (access(path, F_OK) == 0 &&
        read_file(c, dir, "derived.csv", derived_row, e) != 0)
        goto fail;
    snprintf(path, sizeof path, "%s/translations.csv", dir);
    if (access(path, F_OK) == 0 &&
        read_file(c, dir, "translations.csv", translation_row, e) != 0)
        goto fail;
    snprintf(path, sizeof path, "%s/dimensions.csv", dir);
    if (access(path, F_OK) == 0 &&
        read_file(c, dir, "dimensions.csv", dimension_row, e) != 0)
        goto fail;
    snprintf(path, sizeof path, "%s/breakdowns.csv", dir);
    if (access(path, F_OK) == 0 &&
        read_file(c, dir, "breakdowns.csv", breakdown_row, e) != 0)
        goto fail;
    snprintf(path, sizeof path, "%s/breaks.csv", dir);
    if (access(path, F_OK) == 0 &&
        read_file(c, dir, "breaks.csv", break_row, e) != 0)
        goto fail;
    snprintf(path, sizeof path, "%s/site.csv", dir);
    if (access(path, F_OK) == 0 &&
        read_file(c, dir, "site.csv", site_row, e) != 0)
        goto fail;
    snprintf(path, sizeof path, "%s/releases.csv", dir);
    if (access(path, F_OK) == 0 &&
        read_file(c, dir, "releases.csv", release_row, e) != 0)
        goto fail;
    snprintf(path, sizeof path, "%s/display.csv", dir);
    if (access(path, F_OK) == 0 &&
        read_file(c, dir, "display.csv", display_row, e) != 0)
        goto fail;
    for (size_t i = 0; i < c->n; i++)
        bt_qsort(c->v[i].breaks, c->v[i].nbreaks, sizeof *c->v[i].breaks,
                 break_cmp);
    for (size_t i = 0; i < c->n; i++)
        for (int l = 0; l < 3; l++) {
            c->v[i].unit_in[l] = translated(c, c->v[i].unit, (enum bt_lang)l);
            c->v[i].domain_in[l] = translated(c, c->v[i].domain, (enum bt_lang)l);
            c->v[i].shown_unit[l] = c->v[i].display_unit[l]
                                        ? c->v[i].display_unit[l]
                                        : c->v[i].unit_in[l];
            if (!c->v[i].display_unit[l])
                c->v[i].shown_divisor[l] = 1;
        }
    if (!c->nlangs) { /* every language, English the index's */
        for (int l = 0; l < 3; l++)
            c->langs[l] = (enum bt_lang)l;
        c->nlangs = 3;
        c->langs_default = 1;
    }
    return 0;
fail:
    bt_catalogue_release(c);
    return -1;
}

static void targets_free(struct bt_target *t, size_t n)
{
    for (size_t i = 0; i < n; i++)
        free(t[i].source);
    free(t);
}

static void breakdowns_free(struct bt_breakdown_targets *b, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        for (size_t k = 0; k < b[i].ndims; k++) {
            free((char *)b[i].dims[k].name);
            free((char *)b[i].dims[k].value);
        }
        targets_free(b[i].targets, b[i].ntargets);
    }
    free(b);
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
        targets_free(in->targets, in->ntargets);
        breakdowns_free(in->breakdowns, in->nbreakdowns);
        free(in->by);
        for (size_t k = 0; k < in->ncompare; k++)
            free(in->compare[k]);
        free(in->compare);
        for (size_t k = 0; k < in->nbreaks; k++) {
            free(in->breaks[k].reason);
            free(in->breaks[k].source);
        }
        free(in->breaks);
        if (in->derive) {
            free(in->derive->from);
            free(in->derive->denominator);
        }
        free(in->derive);
        for (int k = 0; k < 3; k++)
            free(in->display_unit[k]);
    }
    for (int k = 0; k < BT_SITE_N; k++)
        for (int l = 0; l < 3; l++)
            free(c->site[k][l]);
    for (size_t i = 0; i < c->nwords; i++)
        free(c->words[i]);
    free(c->words);
    for (size_t i = 0; i < c->ndim_words; i++)
        free(c->dim_words[i]);
    free(c->dim_words);
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

double bt_shown_value(const struct bt_indicator *in, enum bt_lang l, double v)
{
    return in->shown_divisor[l] > 0 ? v / in->shown_divisor[l] : v;
}

const char *bt_kind_name(enum bt_target_kind k)
{
    static const char *const names[] = {"baseline", "milestone", "target"};
    return names[k];
}
