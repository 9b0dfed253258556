/* Unit tests: csv_read.c and encoding.c */
#include <stdlib.h>

#include "check.h"
#include "base/csv_read.h"
#include "base/encoding.h"
#include "base/fileio.h"

/* Records as "line:field|field|...;" */
static int collect(void *ctx, unsigned long line, const struct bt_field *f,
                   size_t n)
{
    struct bt_buf *b = ctx;
    bt_buf_addf(b, "%lu:", line);
    for (size_t i = 0; i < n; i++)
        bt_buf_addf(b, "%s%s", i ? "|" : "", f[i].s);
    bt_buf_add(b, ";", 1);
    return 0;
}

static void test_records(void)
{
    static const struct {
        const char *in, *want, *diag;
    } cases[] = {
        {"a,b\r\nc,d\r\n", "1:a|b;2:c|d;", NULL},
        {"a,b\nc,d", "1:a|b;2:c|d;", NULL},
        {"a,\"x,y\"\n\n3,4\n", "1:a|x,y;3:3|4;", NULL},
        {"a,\"two\nlines\"\nb,c\n", "1:a|two\nlines;3:b|c;", NULL},
        {"a,\"say \"\"hi\"\"\"\n", "1:a|say \"hi\";", NULL},
        {"a,b,\n", "1:a|b|;", NULL},
        {"a,\"open\nb,c\n", "", "1:2: unterminated quoted field"},
        {"x,y\na,\"bad\"tail\n", "1:x|y;", "2:2: malformed quote in field"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        struct bt_buf got = {0};
        struct bt_diags d = BT_DIAGS_INIT;
        int rc = bt_csv_read(cases[i].in, strlen(cases[i].in), collect, &got, &d);
        CHECK_STR(got.data ? got.data : "", cases[i].want);
        if (cases[i].diag) {
            char msg[256];
            CHECK(rc == -1 && d.n == 1);
            if (d.n) {
                snprintf(msg, sizeof msg, "%lu:%lu: %s", d.v[0].line, d.v[0].column,
                         d.v[0].msg);
                CHECK_STR(msg, cases[i].diag);
            }
        } else {
            CHECK(rc == 0 && d.n == 0);
        }
        bt_buf_release(&got);
        bt_diags_release(&d);
    }
}

/* Every cell bt_csv_cell writes reads back as it was. */
static void test_cells(void)
{
    static const char *const cells[] = {
        "", "plain", "a,b", "say \"hi\"", "two\nlines", "cr\r", " lead",
        "trail ", "\tlead tab", "trail tab\t", " ", "\t", "in side", "a\tb",
        "深圳/前海", "\x01", ",", "\"",
    };
    for (size_t i = 0; i < sizeof cells / sizeof *cells; i++) {
        struct bt_buf text = {0}, got = {0};
        bt_csv_cell(&text, cells[i]);
        bt_buf_puts(&text, ",end\n");
        struct bt_diags d = BT_DIAGS_INIT;
        CHECK(bt_csv_read(text.data, text.len, collect, &got, &d) == 0);
        struct bt_buf want = {0};
        bt_buf_addf(&want, "1:%s|end;", cells[i]);
        CHECK_STR(got.data ? got.data : "", want.data);
        bt_diags_release(&d);
        bt_buf_release(&text);
        bt_buf_release(&got);
        bt_buf_release(&want);
    }
}

/* A reader that keeps the header's width, as dataset.c does; records as
 * "line:n:kept:dropped_bytes:first|...;". */
struct limited {
    struct bt_csv_reader *r;
    struct bt_buf out;
};

static int keep_width(void *ctx, unsigned long line, const struct bt_field *f,
                      size_t n)
{
    struct limited *x = ctx;
    bt_buf_addf(&x->out, "%lu:%zu:%zu:%zu:", line, n, x->r->kept,
                x->r->dropped_bytes);
    for (size_t i = 0; i < x->r->kept; i++)
        bt_buf_addf(&x->out, "%s%s", i ? "|" : "", f[i].s);
    bt_buf_add(&x->out, ";", 1);
    if (line == 1)
        bt_csv_limit(x->r, n);
    return 0;
}

/* Reads text through a limited reader, in pieces of piece bytes (0: at
 * once, which lets the fast path read long lines in place); fast as
 * bt_csv_init. Returns the records, and the first diagnostic in diag. */
static int read_limited(const char *text, size_t len, size_t piece, int fast,
                        struct bt_buf *out, char diag[256], size_t *carry_cap)
{
    struct bt_csv_reader r;
    struct bt_diags d = BT_DIAGS_INIT;
    struct limited x = {&r, {0}};
    bt_csv_init(&r, keep_width, &x, &d, fast);
    for (size_t at = 0; at < len;) {
        size_t n = piece && len - at > piece ? piece : len - at;
        bt_csv_feed(&r, text + at, n);
        at += n;
    }
    *carry_cap = r.carry_cap;
    int rc = bt_csv_finish(&r);
    diag[0] = '\0';
    if (d.n)
        snprintf(diag, 256, "%lu:%lu: %s", d.v[0].line, d.v[0].column, d.v[0].msg);
    *out = x.out;
    bt_diags_release(&d);
    return rc;
}

/* Memory is bounded per record: a row wider than the limit is counted,
 * not kept; a row with no limit and too many fields, or too many bytes,
 * is an error; a long line is not held whole between pieces. Every way
 * of reading (fast path, libcsv, in place, in pieces) reads alike. */
static void test_bounds(void)
{
    static const struct {
        const char *head, *fill, *tail; /* the text: head, fill x count, tail */
        size_t count;
        const char *want, *diag;
    } cases[] = {
        {"a,b,c\n", ",", "\nx,y,z\n", 5, "1:3:3:0:a|b|c;2:6:3:0:||;3:3:3:0:x|y|z;", ""},
        {"a,b\n1,2,", "xy,", "\n", 3, "1:2:2:0:a|b;2:6:2:6:1|2;", ""},
        {"a,b\n1,2,\"", "x\n,", "\"\n3,4\n", 2, "1:2:2:0:a|b;2:3:2:6:1|2;5:2:2:0:3|4;", ""},
        {"a,b\n", ",", "\n", 300000, "1:2:2:0:a|b;2:300001:2:0:|;", ""},
        {"", ",", "\n", 70000, "", "1:65537: more than 65536 fields"},
        {"a,b\n", "x", ",y\n", 9u << 20, "1:2:2:0:a|b;", "2:1: row is longer than 8 MiB"},
        {"a,b\n\"", "x", "\",y\n", 9u << 20, "1:2:2:0:a|b;", "2:1: row is longer than 8 MiB"},
        {"a,b\nq,", "x", "\n", 9u << 20, "1:2:2:0:a|b;", "2:2: row is longer than 8 MiB"},
        {"a\n", "xxxxxxx,", "\nok\n", 160000, "1:1:1:0:a;2:160001:1:1119993:xxxxxxx;3:1:1:0:ok;", ""},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        struct bt_buf text = {0};
        size_t k = strlen(cases[i].fill);
        bt_buf_puts(&text, cases[i].head);
        bt_grow((void **)&text.data, &text.cap, text.len + k * cases[i].count + 1, 1);
        for (size_t j = 0; j < cases[i].count; j++, text.len += k)
            memcpy(text.data + text.len, cases[i].fill, k);
        bt_buf_puts(&text, cases[i].tail);
        static const size_t pieces[] = {0, 1u << 20, 4093};
        for (size_t p = 0; p < 3; p++)
            for (int fast = 0; fast < 2; fast++) {
                struct bt_buf got;
                char diag[256];
                size_t carry_cap;
                int rc = read_limited(text.data, text.len, pieces[p], fast, &got,
                                      diag, &carry_cap);
                CHECK_STR(got.data ? got.data : "", cases[i].want);
                CHECK_STR(diag, cases[i].diag);
                CHECK(rc == (*cases[i].diag ? -1 : 0));
                CHECK(carry_cap <= BT_CSV_CARRY_MAX);
                bt_buf_release(&got);
            }
        bt_buf_release(&text);
    }
}

/* Records with their lengths as "line:len=field|...;" (a field's bytes
 * as they are, so that a field cut short or run on shows). */
static int with_lengths(void *ctx, unsigned long line, const struct bt_field *f,
                        size_t n)
{
    struct bt_buf *b = ctx;
    bt_buf_addf(b, "%lu:", line);
    for (size_t i = 0; i < n; i++) {
        bt_buf_addf(b, "%s%zu=", i ? "|" : "", f[i].len);
        bt_buf_add(b, f[i].s, f[i].len);
        if (f[i].s[f[i].len] != '\0')
            bt_buf_puts(b, "<no NUL>");
    }
    bt_buf_add(b, ";", 1);
    return 0;
}

/* The plain-line fast path (split a block of bytes at a time) reads every
 * line as libcsv does: commas on each side of a block's edge, spaces and
 * tabs to trim, a quote or a CR far into a long line (libcsv then reads
 * it whole), UTF-8 in fields, empty fields and lines of every length
 * around the block sizes. */
static void test_fast_alike(void)
{
    static const char *const lines[] = {
        "a", ",", ",,", "a,b", " a , b ", "\ta\t,\tb", "a,,b,", ",a",
        "0123456789abcdef", "0123456789abcde,", "0123456789abcdef,",
        "0123456789abcdef0,x", "0123456,89abcdef,123456,89abcdef,",
        "synthetic.daily,2015-01-02,3.1,s0000",
        "DATAFLOW,SYNTH:DF_DAILY(1.0),Synthetic daily series,I,D,Daily,s0001,"
        "Series 1,2015-01-02,,3.1,,A,Normal value,0,Units",
        "0123456789abcdef0123456789,\"q\"", "0123456789abcdef0123,x\ry",
        "a,b,c,d,e,f,g,h,i,j,k,l,m,n,o,p,q,r,s,t,u,v,w,x,y,z,\"", "深圳,前海 ,  香港",
        "   x   ,   ", "x,   ,y", "a\rb", "trailing\r",
    };
    for (size_t i = 0; i < sizeof lines / sizeof *lines; i++)
        for (int lf = 0; lf < 3; lf++) {
            struct bt_buf text = {0}, a = {0}, b = {0};
            struct bt_diags da = BT_DIAGS_INIT, db = BT_DIAGS_INIT;
            bt_buf_puts(&text, "h\n");
            bt_buf_puts(&text, lines[i]);
            bt_buf_puts(&text, lf == 0 ? "\n" : lf == 1 ? "\r\nz\n" : "");
            int ra = bt_csv_read(text.data, text.len, with_lengths, &a, &da);
            int rb = bt_csv_read_libcsv(text.data, text.len, with_lengths, &b, &db);
            CHECK(ra == rb && da.n == db.n);
            CHECK_STR(a.data ? a.data : "", b.data ? b.data : "");
            bt_buf_release(&text);
            bt_buf_release(&a);
            bt_buf_release(&b);
            bt_diags_release(&da);
            bt_diags_release(&db);
        }
}

static void test_encoding(void)
{
    struct bt_text t;
    struct bt_diags d = BT_DIAGS_INIT;
    CHECK(bt_text_decode("\xef\xbb\xbf" "a,b", 6, NULL, &t, &d) == 0);
    CHECK(t.len == 3 && memcmp(t.buf, "a,b", 3) == 0);
    CHECK_STR(t.encoding, "UTF-8");
    bt_text_release(&t);
    /* 香港 in GB18030 */
    CHECK(bt_text_decode("\xcf\xe3\xb8\xdb", 4, NULL, &t, &d) == 0);
    CHECK(t.len == 6 && memcmp(t.buf, "香港", 6) == 0);
    CHECK_STR(t.encoding, "GB18030");
    bt_text_release(&t);
    CHECK(bt_text_decode("\xff\xfe" "a\0", 4, NULL, &t, &d) == -1);
    CHECK(bt_text_decode("a,b\n\0c", 6, NULL, &t, &d) == -1);
    CHECK(d.n == 2 && d.v[1].line == 2 && d.v[1].column == 1);
    CHECK(bt_text_decode("\xcf\xe3", 2, "UTF-8", &t, &d) == -1);
    CHECK(bt_text_decode("x", 1, "NO-SUCH-CODE", &t, &d) == -1);
    bt_diags_release(&d);
    CHECK(bt_utf8_valid_prefix("\xed\xa0\x80", 3) == 0); /* a surrogate */
    CHECK(bt_utf8_valid_prefix("\xc0\xaf", 2) == 0);     /* overlong */
    CHECK(bt_utf8_valid_prefix("ab\xe6\xb9", 4) == 2);   /* cut short */
    /* ASCII is taken eight bytes at a time: a bad byte at every place
     * around the words' edges is still found where it is */
    for (size_t at = 0; at < 40; at++) {
        char s[48];
        memset(s, 'a', sizeof s);
        s[at] = '\xff';
        CHECK(bt_utf8_valid_prefix(s, sizeof s) == at);
        memcpy(s + at, "\xe9\xa6\x99", 3); /* 香: valid */
        CHECK(bt_utf8_valid_prefix(s, sizeof s) == sizeof s);
        CHECK(bt_utf8_valid_prefix(s, at + 2) == at); /* cut inside it */
    }
}

int main(void)
{
    test_records();
    test_cells();
    test_bounds();
    test_fast_alike();
    test_encoding();
    return CHECK_DONE();
}
