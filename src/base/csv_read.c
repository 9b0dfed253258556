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
#include <stdint.h>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif
#include <stdlib.h>
#include <string.h>

static int syntax_error(struct bt_csv_reader *r, struct bt_diags *diags,
                        const char *what)
{
    bt_diags_add(diags, r->start, r->nfields + 1, "%s", what);
    return -1;
}

/* A record past a bound: said once, at the field that broke it; the reader
 * then ignores everything until it returns -1. */
static void too_big(struct bt_csv_reader *r, const char *what)
{
    if (!r->failed)
        syntax_error(r, r->diags, what);
    r->failed = 1;
}

#define ROW_MAX_TEXT "row is longer than 8 MiB"
_Static_assert(BT_CSV_ROW_MAX == 8u << 20, "ROW_MAX_TEXT says 8 MiB");

static void on_field(void *s, size_t len, void *data)
{
    struct bt_csv_reader *r = data;
    size_t keep = r->limit ? r->limit : BT_CSV_FIELDS_MAX;
    if (r->failed || r->stop)
        return;
    if (len > BT_CSV_ROW_MAX || (r->nfields < keep &&
                                 r->used + len + 1 > BT_CSV_ROW_MAX)) {
        too_big(r, ROW_MAX_TEXT);
        return;
    }
    if (r->nfields >= keep && !r->limit) {
        too_big(r, "more than 65536 fields");
        return;
    }
    if (r->nfields >= keep) {
        r->dropped_bytes += len; /* counted, not kept */
        r->nfields++;
        return;
    }
    if (r->used + len + 1 > r->cap) /* rarely: most rows fit the arena */
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
_Static_assert(BT_CSV_FIELDS_MAX == 65536, "on_field's message says 65536");

static void on_record(int c, void *data)
{
    struct bt_csv_reader *r = data;
    (void)c;
    if (!r->stop && !r->failed && r->nfields > 0) {
        size_t keep = r->limit ? r->limit : BT_CSV_FIELDS_MAX;
        r->kept = r->nfields < keep ? r->nfields : keep;
        bt_grow((void **)&r->fields, &r->fields_cap, r->kept,
                sizeof *r->fields);
        for (size_t i = 0; i < r->kept; i++)
            r->fields[i] = (struct bt_field){r->arena + r->offs[i], r->lens[i]};
        r->stop = r->fn(r->ctx, r->start, r->fields, r->nfields);
    }
    r->nfields = 0;
    r->used = 0;
    r->kept = 0;
    r->dropped_bytes = 0;
}

/* libcsv's buffer of one field grows through this: past the bound it
 * fails (CSV_ENOMEM), which the reader reports as a row too long. Above
 * BT_CSV_ROW_MAX, so that on_field sees and says it first. */
static void *capped_realloc(void *p, size_t n)
{
    return n > BT_CSV_ROW_MAX + (1u << 20) ? NULL : realloc(p, n);
}

static int is_space(char c)
{
    return c == ' ' || c == '\t';
}

/* The bytes of a line that end a plain field (commas) and those that
 * send it to libcsv (quotes, CRs), found a block of STOP_BLOCK bytes at
 * a time: commas(p, &odd) has bit k << STOP_SHIFT set exactly when byte
 * k at p is a comma, and sets odd non-zero when any byte is a quote or a
 * CR. */
#if defined(__SSE2__)
#define STOP_BLOCK 16
#define STOP_SHIFT 0
static uint64_t commas(const char *p, int *odd)
{
    __m128i v = _mm_loadu_si128((const __m128i *)(const void *)p);
    *odd = _mm_movemask_epi8(_mm_or_si128(
        _mm_cmpeq_epi8(v, _mm_set1_epi8('"')),
        _mm_cmpeq_epi8(v, _mm_set1_epi8('\r'))));
    return (uint64_t)(unsigned)_mm_movemask_epi8(
        _mm_cmpeq_epi8(v, _mm_set1_epi8(',')));
}
#else
/* Eight bytes at a time in a word: the high bit of each byte that is
 * zero after the xor (exact: no carry crosses a byte). */
#define STOP_BLOCK 8
#define STOP_SHIFT 3
#define LOW7 0x7f7f7f7f7f7f7f7full
#define EACH(c) (0x0101010101010101ull * (unsigned char)(c))
static uint64_t zero_bytes(uint64_t x)
{
    return ~(((x & LOW7) + LOW7) | x | LOW7);
}

static uint64_t commas(const char *p, int *odd)
{
    uint64_t w;
    memcpy(&w, p, 8);
    *odd = (zero_bytes(w ^ EACH('"')) | zero_bytes(w ^ EACH('\r'))) != 0;
    return zero_bytes(w ^ EACH(','));
}
#endif

/* Ends field number r->nfields of split_plain's line, s[start..end)
 * trimmed of spaces and tabs as libcsv trims it: kept in r->fields,
 * pointing into the arena's copy of the line, where its end becomes its
 * NUL; or counted, past the limit. Returns -1 when the record has too
 * many fields (diagnosed), else 0. */
static inline int end_field(struct bt_csv_reader *r, const char *s,
                            size_t start, size_t end, size_t keep)
{
    size_t a = start, b = end;
    while (a < b && is_space(s[a]))
        a++;
    while (b > a && is_space(s[b - 1]))
        b--;
    if (r->nfields < keep) {
        r->arena[b] = '\0';
        r->fields[r->nfields++] = (struct bt_field){r->arena + a, b - a};
        return 0;
    }
    if (!r->limit) {
        too_big(r, "more than 65536 fields");
        return -1;
    }
    r->dropped_bytes += b - a; /* counted, not kept */
    r->nfields++;
    return 0;
}

/* Ends split_plain's record: delivered as on_record delivers one. */
static void end_plain(struct bt_csv_reader *r, size_t keep)
{
    if (!r->failed) {
        r->kept = r->nfields < keep ? r->nfields : keep;
        r->stop = r->fn(r->ctx, r->start, r->fields, r->nfields);
    }
    r->nfields = r->used = r->kept = r->dropped_bytes = 0;
}

/* The fast path's common case: s[0..n) (no line end), shorter than
 * BT_CSV_ROW_MAX, copied once into the arena and split in one pass over
 * its bytes, a block at a time. Reads what on_field would read field by
 * field (fields past the limit counted, not kept). Returns 0 when the
 * line holds a quote or a CR (libcsv then reads it), 1 when done. */
static int split_plain(struct bt_csv_reader *r, const char *s, size_t n)
{
    size_t keep = r->limit ? r->limit : BT_CSV_FIELDS_MAX, start = 0;
    /* the copy is scanned, a whole block at a time: zeros after it (no
     * comma, quote or CR) fill its last block */
    bt_grow((void **)&r->arena, &r->cap, n + STOP_BLOCK, 1);
    /* a line of n bytes has at most n + 1 fields */
    bt_grow((void **)&r->fields, &r->fields_cap, keep < n + 1 ? keep : n + 1,
            sizeof *r->fields);
    memcpy(r->arena, s, n);
    memset(r->arena + n, 0, STOP_BLOCK);
    r->used = n + 1;
    r->nfields = 0;
    for (size_t i = 0; i < n; i += STOP_BLOCK) {
        int odd; /* a field's NUL lands at most in the block being read */
        uint64_t m = commas(r->arena + i, &odd);
        if (odd) { /* a quote or a CR */
            r->nfields = r->used = r->dropped_bytes = 0;
            return 0;
        }
        for (; m; m &= m - 1) {
            size_t at = i + ((size_t)__builtin_ctzll(m) >> STOP_SHIFT);
            if (end_field(r, s, start, at, keep) != 0) {
                end_plain(r, keep);
                return 1;
            }
            start = at + 1;
        }
    }
    end_field(r, s, start, n, keep);
    end_plain(r, keep);
    return 1;
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
    if (i == n)
        return 0; /* blank lines: libcsv decides */
    if (n < BT_CSV_ROW_MAX)
        return split_plain(r, s, n);
    if (memchr(s, '"', n) || memchr(s, '\r', n))
        return 0; /* quoted or odd lines: libcsv decides */
    r->nfields = r->used = 0;
    for (size_t start = 0;;) {
        const char *comma = memchr(s + start, ',', n - start);
        size_t end = comma ? (size_t)(comma - s) : n, a = start, b = end;
        while (a < b && is_space(s[a]))
            a++;
        while (b > a && is_space(s[b - 1]))
            b--;
        on_field((void *)(s + a), b - a, r);
        if (!comma || r->failed)
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
    csv_set_realloc_func(r->parser, capped_realloc);
    csv_set_blk_size(r->parser, 64u << 10); /* libcsv grows a field by this */
}

/* Counts the physical line that begins here; a line begun while no
 * record is open starts one. */
static void begin_line(struct bt_csv_reader *r)
{
    r->line++;
    if (((struct csv_parser *)r->parser)->pstate == 0)
        r->start = r->line;
}

/* Passes s[0..n), all or part of a line, to libcsv. */
static int parse_part(struct bt_csv_reader *r, const char *s, size_t n)
{
    struct csv_parser *p = r->parser;
    if (csv_parse(p, s, n, on_field, on_record, r) != n && !r->failed)
        return syntax_error(r, r->diags, csv_error(p) == CSV_EPARSE
                                             ? "malformed quote in field"
                                             : ROW_MAX_TEXT);
    return r->failed ? -1 : 0;
}

/* Reads one whole physical line s[0..n) (with its '\n', if any). */
static int feed_line(struct bt_csv_reader *r, const char *s, size_t n)
{
    begin_line(r);
    if (((struct csv_parser *)r->parser)->pstate == 0 &&
        (n == 0 || (n == 1 && s[0] == '\n') ||
         (n == 2 && s[0] == '\r' && s[1] == '\n')))
        r->empty_lines++; /* no record: libcsv passes over it */
    if (r->fast && ((struct csv_parser *)r->parser)->pstate == 0 &&
        simple_line(r, s, n))
        return r->failed ? -1 : 0;
    return parse_part(r, s, n);
}

/* Reads s[0..n), a piece of text holding at most one line end, at its
 * end: a line split between two calls goes through the carry, unless it
 * is too long to hold; then libcsv reads it in parts. */
static int feed_piece(struct bt_csv_reader *r, const char *s, size_t n, int nl)
{
    if (r->partial) { /* the rest of a long line */
        r->partial = !nl;
        return parse_part(r, s, n);
    }
    if (nl && !r->carry_len)
        return feed_line(r, s, n);
    if (r->carry_len + n > BT_CSV_CARRY_MAX) {
        size_t cn = r->carry_len;
        r->carry_len = 0;
        r->partial = !nl;
        begin_line(r);
        if (parse_part(r, r->carry, cn) != 0)
            return -1;
        return parse_part(r, s, n);
    }
    bt_grow((void **)&r->carry, &r->carry_cap, r->carry_len + n, 1);
    memcpy(r->carry + r->carry_len, s, n);
    r->carry_len += n;
    if (!nl)
        return 0;
    size_t cn = r->carry_len;
    r->carry_len = 0;
    return feed_line(r, r->carry, cn);
}

void bt_csv_limit(struct bt_csv_reader *r, size_t max)
{
    r->limit = max;
}

int bt_csv_feed(struct bt_csv_reader *r, const char *s, size_t len)
{
    if (r->done)
        return r->done;
    while (len && !r->stop) {
        const char *nl = memchr(s, '\n', len);
        size_t n = nl ? (size_t)(nl - s) + 1 : len;
        if (feed_piece(r, s, n, nl != NULL) != 0)
            return r->done = -1;
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
    if (rc == 0 && r->failed)
        rc = -1; /* the last record broke a bound */
    if (rc == 0)
        rc = r->stop;
    size_t empty = r->empty_lines;
    bt_csv_release(r);
    r->empty_lines = empty;
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
