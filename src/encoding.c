/* encoding.c - input bytes to UTF-8 (see encoding.h). */
#include "encoding.h"
#include "fileio.h"

#include <errno.h>
#include <iconv.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

size_t bt_utf8_valid_prefix(const char *str, size_t n)
{
    const unsigned char *s = (const unsigned char *)str;
    size_t i = 0;
    while (i < n) {
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
