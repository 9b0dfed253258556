/* csv_read.c - CSV records with line numbers, over libcsv (see csv_read.h).
 *
 * libcsv does not count lines, so the text is fed to it one physical line
 * at a time; a line fed while no record is open is where the next record
 * starts (a quoted field may carry a record over several lines). Plain
 * lines (no quotes) skip libcsv: see simple_line; fuzz_csv checks that both
 * paths read every input alike.
 */
#include "csv_read.h"

#include <csv.h>
#include <stdlib.h>
#include <string.h>

static void on_field(void *s, size_t len, void *data)
{
    struct bt_csv_reader *r = data;
    bt_grow((void **)&r->arena, &r->cap, r->used + len + 1, 1);
    if (r->nfields == r->fcap) {
        bt_grow((void **)&r->offs, &r->fcap, r->nfields + 1, sizeof *r->offs);
        r->lens = bt_xrealloc(r->lens, r->fcap * sizeof *r->lens);
    }
    if (len)
        memcpy(r->arena + r->used, s, len);
    r->arena[r->used + len] = '\0';
    r->offs[r->nfields] = r->used;
    r->lens[r->nfields] = len;
    r->used += len + 1;
    r->nfields++;
}

static void on_record(int c, void *data)
{
    struct bt_csv_reader *r = data;
    (void)c;
    if (!r->stop && r->nfields > 0) {
        bt_grow((void **)&r->fields, &r->fields_cap, r->nfields,
                sizeof *r->fields);
        for (size_t i = 0; i < r->nfields; i++)
            r->fields[i] = (struct bt_field){r->arena + r->offs[i], r->lens[i]};
        r->stop = r->fn(r->ctx, r->start, r->fields, r->nfields);
    }
    r->nfields = 0;
    r->used = 0;
}

static int syntax_error(struct bt_csv_reader *r, struct bt_diags *diags,
                        const char *what)
{
    bt_diags_add(diags, r->start, r->nfields + 1, "%s", what);
    return -1;
}

static int is_space(char c)
{
    return c == ' ' || c == '\t';
}

/* The fast path: a line with no quote and no CR but at its end, read while
 * no record is open, can only mean one thing: fields split at commas, with
 * spaces and tabs around them trimmed, as libcsv reads them. Returns 0 when
 * the line is not of that kind (libcsv then reads it), 1 when done. */
static int simple_line(struct bt_csv_reader *r, const char *s, size_t n)
{
    if (n && s[n - 1] == '\n')
        n--;
    if (n && s[n - 1] == '\r')
        n--;
    size_t i = 0;
    while (i < n && is_space(s[i]))
        i++;
    if (i == n || memchr(s, '"', n) || memchr(s, '\r', n))
        return 0; /* blank, quoted or odd lines: libcsv decides */
    r->nfields = r->used = 0;
    for (size_t start = 0;;) {
        const char *comma = memchr(s + start, ',', n - start);
        size_t end = comma ? (size_t)(comma - s) : n, a = start, b = end;
        while (a < b && is_space(s[a]))
            a++;
        while (b > a && is_space(s[b - 1]))
            b--;
        on_field((void *)(s + a), b - a, r);
        if (!comma)
            break;
        start = end + 1;
    }
    on_record('\n', r);
    return 1;
}

void bt_csv_init(struct bt_csv_reader *r, bt_csv_record_fn fn, void *ctx,
                 struct bt_diags *diags, int fast)
{
    memset(r, 0, sizeof *r);
    r->fn = fn;
    r->ctx = ctx;
    r->diags = diags;
    r->fast = fast;
    r->parser = bt_xmalloc(sizeof(struct csv_parser));
    if (csv_init(r->parser, CSV_STRICT | CSV_STRICT_FINI | CSV_APPEND_NULL) != 0)
        abort();
}

/* Reads one physical line s[0..n) (with its '\n', if any). */
static int feed_line(struct bt_csv_reader *r, const char *s, size_t n)
{
    struct csv_parser *p = r->parser;
    r->line++;
    if (p->pstate == 0) /* no record open: this line starts one */
        r->start = r->line;
    if (r->fast && p->pstate == 0 && simple_line(r, s, n))
        return 0;
    if (csv_parse(p, s, n, on_field, on_record, r) != n)
        return syntax_error(r, r->diags, csv_error(p) == CSV_EPARSE
                                             ? "malformed quote in field"
                                             : "field is too large");
    return 0;
}

int bt_csv_feed(struct bt_csv_reader *r, const char *s, size_t len)
{
    if (r->done)
        return r->done;
    while (len && !r->stop) {
        const char *nl = memchr(s, '\n', len);
        size_t n = nl ? (size_t)(nl - s) + 1 : len;
        if (!nl || r->carry_len) {
            /* a line split between two calls goes through the carry */
            bt_grow((void **)&r->carry, &r->carry_cap, r->carry_len + n, 1);
            memcpy(r->carry + r->carry_len, s, n);
            r->carry_len += n;
            if (nl) {
                size_t cn = r->carry_len;
                r->carry_len = 0;
                if (feed_line(r, r->carry, cn) != 0)
                    return r->done = -1;
            }
        } else if (feed_line(r, s, n) != 0) {
            return r->done = -1;
        }
        s += n;
        len -= n;
    }
    return r->done = r->stop;
}

int bt_csv_finish(struct bt_csv_reader *r)
{
    int rc = r->done;
    if (rc == 0 && r->carry_len) {
        size_t cn = r->carry_len;
        r->carry_len = 0;
        rc = feed_line(r, r->carry, cn) != 0 ? -1 : r->stop;
    }
    if (rc == 0 && csv_fini(r->parser, on_field, on_record, r) != 0)
        /* the only strict-mode error at the end is an open quote */
        rc = syntax_error(r, r->diags, "unterminated quoted field");
    if (rc == 0)
        rc = r->stop;
    bt_csv_release(r);
    return rc;
}

void bt_csv_release(struct bt_csv_reader *r)
{
    csv_free(r->parser);
    free(r->parser);
    free(r->arena);
    free(r->offs);
    free(r->lens);
    free(r->fields);
    free(r->carry);
    memset(r, 0, sizeof *r);
}

/* Reads text record by record; fast: 1 to let plain lines skip libcsv. */
static int read_all(const char *text, size_t len, bt_csv_record_fn fn,
                    void *ctx, struct bt_diags *diags, int fast)
{
    struct bt_csv_reader r;
    bt_csv_init(&r, fn, ctx, diags, fast);
    bt_csv_feed(&r, text, len);
    return bt_csv_finish(&r);
}

int bt_csv_read(const char *text, size_t len, bt_csv_record_fn fn, void *ctx,
                struct bt_diags *diags)
{
    return read_all(text, len, fn, ctx, diags, 1);
}

int bt_csv_read_libcsv(const char *text, size_t len, bt_csv_record_fn fn,
                       void *ctx, struct bt_diags *diags)
{
    return read_all(text, len, fn, ctx, diags, 0);
}

void bt_csv_cell(struct bt_buf *out, const char *s)
{
    size_t n = strlen(s);
    /* reading trims spaces and tabs around an unquoted field */
    if (!strpbrk(s, ",\"\r\n") && !(n && (is_space(s[0]) || is_space(s[n - 1])))) {
        bt_buf_puts(out, s);
        return;
    }
    bt_buf_puts(out, "\"");
    for (; *s; s++) {
        if (*s == '"')
            bt_buf_puts(out, "\"");
        bt_buf_add(out, s, 1);
    }
    bt_buf_puts(out, "\"");
}
