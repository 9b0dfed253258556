/* Unit tests: csv_read.c and encoding.c */
#include <stdlib.h>

#include "check.h"
#include "csv_read.h"
#include "encoding.h"
#include "fileio.h"

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
}

int main(void)
{
    test_records();
    test_cells();
    test_encoding();
    return CHECK_DONE();
}
