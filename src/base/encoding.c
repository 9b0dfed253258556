/* encoding.c - input bytes to UTF-8 (see encoding.h). */
#include "encoding.h"
#include "fileio.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <unistd.h>
#include <iconv.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

size_t bt_utf8_valid_prefix(const char *str, size_t n)
{
    const unsigned char *s = (const unsigned char *)str;
    size_t i = 0;
    while (i < n) {
        /* ASCII, most of a CSV file, eight bytes at a time */
        while (n - i >= 8) {
            uint64_t w;
            memcpy(&w, s + i, 8);
            if (w & 0x8080808080808080ull)
                break;
            i += 8;
        }
        if (i == n)
            break;
        unsigned c = s[i];
        if (c < 0x80) {
            i++;
            continue;
        }
        size_t k;
        unsigned min;
        if (c >= 0xc2 && c <= 0xdf)
            k = 1, min = 0x80;
        else if (c >= 0xe0 && c <= 0xef)
            k = 2, min = 0x800;
        else if (c >= 0xf0 && c <= 0xf4)
            k = 3, min = 0x10000;
        else
            return i;
        if (n - i <= k)
            return i;
        unsigned cp = c & (0x3fu >> k);
        for (size_t j = 1; j <= k; j++) {
            if ((s[i + j] & 0xc0) != 0x80)
                return i;
            cp = cp << 6 | (s[i + j] & 0x3f);
        }
        if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff))
            return i;
        i += k + 1;
    }
    return i;
}

/* Line and column (in bytes, from 1) of offset off in s. */
static void where(const char *s, size_t off, unsigned long *line,
                  unsigned long *col)
{
    *line = 1;
    size_t start = 0;
    for (size_t i = 0; i < off; i++)
        if (s[i] == '\n')
            (*line)++, start = i + 1;
    *col = (unsigned long)(off - start + 1);
}

static int convert(const char *data, size_t len, const char *from,
                   struct bt_text *out, struct bt_diags *diags)
{
    iconv_t cd = iconv_open("UTF-8", from);
    if (cd == (iconv_t)-1) {
        bt_diags_add(diags, 1, 0, "unknown encoding '%s'", from);
        return -1;
    }
    size_t cap = len * 2 + 16;
    char *buf = bt_xmalloc(cap);
    char *in = (char *)data, *o = buf;
    size_t inleft = len, outleft = cap;
    while (inleft > 0) {
        if (iconv(cd, &in, &inleft, &o, &outleft) != (size_t)-1)
            continue;
        if (errno == E2BIG) {
            size_t used = (size_t)(o - buf);
            cap *= 2;
            buf = bt_xrealloc(buf, cap);
            o = buf + used;
            outleft = cap - used;
            continue;
        }
        unsigned long line, col;
        where(data, (size_t)(in - data), &line, &col);
        iconv_close(cd);
        free(buf);
        bt_diags_add(diags, line, col, "bytes are not valid %s", from);
        return -1;
    }
    iconv_close(cd);
    out->buf = out->owned = buf;
    out->len = (size_t)(o - buf);
    out->encoding = from;
    return 0;
}

int bt_text_decode(const char *data, size_t len, const char *encoding,
                   struct bt_text *out, struct bt_diags *diags)
{
    memset(out, 0, sizeof *out);
    if (len >= 2 && ((data[0] == '\xff' && data[1] == '\xfe') ||
                     (data[0] == '\xfe' && data[1] == '\xff'))) {
        bt_diags_add(diags, 1, 1, "file is UTF-16; save it as UTF-8");
        return -1;
    }
    const char *nul = memchr(data, '\0', len);
    if (nul) {
        unsigned long line, col;
        where(data, (size_t)(nul - data), &line, &col);
        bt_diags_add(diags, line, col,
                     "NUL byte: a binary or UTF-16 file, not CSV text");
        return -1;
    }
    if (encoding && strcasecmp(encoding, "UTF-8") != 0 &&
        strcasecmp(encoding, "UTF8") != 0)
        return convert(data, len, encoding, out, diags);
    if (len >= 3 && memcmp(data, "\xef\xbb\xbf", 3) == 0)
        data += 3, len -= 3;
    size_t ok = bt_utf8_valid_prefix(data, len);
    if (ok == len) {
        out->buf = data;
        out->len = len;
        out->encoding = "UTF-8";
        return 0;
    }
    if (encoding) {
        unsigned long line, col;
        where(data, ok, &line, &col);
        bt_diags_add(diags, line, col, "bytes are not valid UTF-8");
        return -1;
    }
    return convert(data, len, "GB18030", out, diags);
}

int bt_text_load(const char *path, const char *encoding, struct bt_text *out,
                 struct bt_diags *diags, struct bt_error *e)
{
    struct bt_buf raw;
    memset(out, 0, sizeof *out);
    if (bt_file_read(path, &raw, e) != 0)
        return -1;
    int rc = bt_text_decode(raw.data, raw.len, encoding, out, diags) ? 1 : 0;
    out->raw = raw.data;
    return rc;
}

void bt_text_release(struct bt_text *t)
{
    free(t->owned);
    free(t->raw);
    memset(t, 0, sizeof *t);
}

/* ---- streaming ------------------------------------------------------- */

#define PIECE (1u << 20) /* bytes read at a time */

/* A file read piece by piece, with the offset of its next byte. Lines
 * are not counted as it is read: a problem's line and column are found
 * by reading the file again up to it (stream_diag), which only a file
 * with a problem pays for. */
struct stream {
    int fd;
    const char *path;
    char *buf;                /* PIECE bytes, plus room for a carry */
    off_t base;               /* the file offset of offset 0 (after a BOM) */
    unsigned long long off;   /* offset of the next byte */
};

/* Adds "what" at the byte k bytes after the next one, with its line and
 * column (in bytes, from 1) counted from the file itself. */
static void stream_diag(const struct stream *st, size_t k,
                        struct bt_diags *diags, const char *what)
{
    unsigned long long target = st->off + k, at = 0, start = 0;
    unsigned long line = 1;
    char *chunk = bt_xmalloc(1u << 16);
    while (at < target) {
        size_t want = target - at < (1u << 16) ? (size_t)(target - at) : 1u << 16;
        ssize_t n = pread(st->fd, chunk, want, st->base + (off_t)at);
        if (n <= 0)
            break; /* changed under us: the line counted so far */
        for (const char *p = chunk, *end = chunk + n;
             (p = memchr(p, '\n', (size_t)(end - p))); p++) {
            line++;
            start = at + (unsigned long long)(p - chunk) + 1;
        }
        at += (unsigned long long)n;
    }
    free(chunk);
    bt_diags_add(diags, line, (unsigned long)(target - start + 1), "%s", what);
}

/* Reads the next piece after the carry of `have` bytes at the start of
 * st->buf; returns the bytes now in the buffer (0 at the end), or -1. */
static ssize_t refill(struct stream *st, size_t have, struct bt_error *e)
{
    ssize_t n;
    do
        n = read(st->fd, st->buf + have, PIECE);
    while (n < 0 && errno == EINTR);
    if (n < 0)
        return bt_fail_errno(e, "cannot read '%s'", st->path);
    return (ssize_t)have + n;
}

/* Starts over from the first byte, skipping skip bytes (a BOM). */
static int rewind_stream(struct stream *st, off_t skip, struct bt_error *e)
{
    st->off = 0;
    st->base = skip;
    if (lseek(st->fd, skip, SEEK_SET) != skip)
        return bt_fail_errno(e, "cannot read '%s'", st->path);
    return 0;
}

/* The text after the BOM as UTF-8, read once: each piece is checked (no
 * NUL, valid UTF-8; a sequence cut by the piece's end waits for the
 * next) before fn gets it. fn may stop early (non-zero): the rest is
 * still checked, as if the file had been checked first. At a problem,
 * fn(ctx, NULL, 0) voids what it was given; then returns 1 for a NUL or,
 * when strict, any bad byte (reported in *diags), NOT_UTF8 for bytes
 * that are not UTF-8 when not strict (unreported: the caller reads the
 * file in another encoding). Returns 0 or fn's non-zero value when the
 * whole file is UTF-8, -1 on a read error. */
#define NOT_UTF8 (-2) /* none of fn's values, which are positive */
static int pass_utf8(struct stream *st, int strict, bt_text_fn fn, void *ctx,
                     struct bt_diags *diags, struct bt_error *e)
{
    size_t have = 0;
    int rc = 0, given = 0;
    for (;;) {
        ssize_t n = refill(st, have, e);
        if (n < 0)
            return -1;
        size_t len = (size_t)n, ok = bt_utf8_valid_prefix(st->buf, len);
        const char *nul = memchr(st->buf, '\0', ok);
        int end = len == have;
        int bad = nul || (ok < len && (end || len - ok >= 4));
        if (bad && given)
            fn(ctx, NULL, 0);
        if (nul) {
            stream_diag(st, (size_t)(nul - st->buf), diags,
                        "NUL byte: a binary or UTF-16 file, not CSV text");
            return 1;
        }
        if (bad) {
            if (!strict)
                return NOT_UTF8;
            stream_diag(st, ok, diags, "bytes are not valid UTF-8");
            return 1;
        }
        if (end)
            return rc;
        if (rc == 0 && ok) {
            rc = fn(ctx, st->buf, ok);
            given = 1;
        }
        st->off += ok;
        have = len - ok; /* a sequence cut by the piece waits */
        memmove(st->buf, st->buf + ok, have);
    }
}

/* Converts from encoding `from` through iconv, piece by piece. */
static int pass_iconv(struct stream *st, const char *from, bt_text_fn fn,
                      void *ctx, struct bt_diags *diags, struct bt_error *e)
{
    iconv_t cd = iconv_open("UTF-8", from);
    if (cd == (iconv_t)-1) {
        bt_diags_add(diags, 1, 0, "unknown encoding '%s'", from);
        return 1;
    }
    char *out = bt_xmalloc(PIECE * 4);
    size_t have = 0;
    int rc = 0;
    while (rc == 0) {
        ssize_t n = refill(st, have, e);
        if (n < 0) {
            rc = -1;
            break;
        }
        size_t len = (size_t)n;
        int end = len == have;
        const char *nul = memchr(st->buf + have, '\0', len - have);
        if (nul) {
            stream_diag(st, (size_t)(nul - st->buf), diags,
                        "NUL byte: a binary or UTF-16 file, not CSV text");
            rc = 1;
            break;
        }
        char *in = st->buf, *o = out;
        size_t inleft = len, outleft = PIECE * 4;
        size_t r = iconv(cd, &in, &inleft, &o, &outleft);
        size_t used = (size_t)(in - st->buf);
        if (r == (size_t)-1 && (errno == EILSEQ || (errno == EINVAL && end))) {
            char what[64];
            snprintf(what, sizeof what, "bytes are not valid %s", from);
            stream_diag(st, used, diags, what);
            rc = 1;
            break;
        }
        if (o > out)
            rc = fn(ctx, out, (size_t)(o - out));
        if (end)
            break;
        st->off += used; /* EINVAL: a sequence cut by the piece */
        have = len - used;
        memmove(st->buf, st->buf + used, have);
    }
    iconv_close(cd);
    free(out);
    return rc;
}

int bt_text_stream(const char *path, const char *encoding, bt_text_fn fn,
                   void *ctx, const char **used, struct bt_diags *diags,
                   struct bt_error *e)
{
    struct stream st = {.path = path};
    *used = encoding ? encoding : "UTF-8";
    if ((st.fd = open(path, O_RDONLY | O_CLOEXEC)) < 0)
        return bt_fail_errno(e, "cannot open '%s'", path);
    st.buf = bt_xmalloc(PIECE + 8);
    char head[3];
    ssize_t h = pread(st.fd, head, 3, 0);
    int rc, utf8 = !encoding || strcasecmp(encoding, "UTF-8") == 0 ||
                   strcasecmp(encoding, "UTF8") == 0;
    off_t bom = utf8 && h == 3 && memcmp(head, "\xef\xbb\xbf", 3) == 0 ? 3 : 0;
    if (h < 0) {
        rc = bt_fail_errno(e, "cannot read '%s'", path);
    } else if (h >= 2 && ((head[0] == '\xff' && head[1] == '\xfe') ||
                          (head[0] == '\xfe' && head[1] == '\xff'))) {
        bt_diags_add(diags, 1, 1, "file is UTF-16; save it as UTF-8");
        rc = 1;
    } else if (!utf8) {
        rc = pass_iconv(&st, encoding, fn, ctx, diags, e);
    } else if ((rc = rewind_stream(&st, bom, e)) == 0 &&
               (rc = pass_utf8(&st, encoding != NULL, fn, ctx, diags, e)) == NOT_UTF8) {
        /* not UTF-8: GB18030 (a superset of GBK and GB2312) */
        *used = "GB18030";
        rc = rewind_stream(&st, 0, e);
        if (rc == 0)
            rc = pass_iconv(&st, "GB18030", fn, ctx, diags, e);
    }
    close(st.fd);
    free(st.buf);
    return rc;
}
