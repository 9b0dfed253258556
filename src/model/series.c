/* series.c - series names and their files (see series.h). */
#include "series.h"

#include <stdlib.h>
#include <string.h>

_Static_assert(BT_ID_MAX == 100 && BT_DIM_MAX == 200, "the messages below");

int bt_id_check(const char *s, size_t n, const char **why)
{
    if (n == 0 || n > BT_ID_MAX) {
        *why = n ? "is too long (more than 100 bytes)" : "is empty";
        return -1;
    }
    for (size_t i = 0; i < n; i++) {
        char c = s[i];
        int alnum = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
        if (!alnum && (i == 0 || (c != '_' && c != '.' && c != '-'))) {
            *why = "must be lowercase letters, digits, '_', '.' and '-', "
                   "starting with a letter or digit";
            return -1;
        }
        if (c == '.' && i + 1 < n && s[i + 1] == '.') {
            *why = "must not contain '..'";
            return -1;
        }
    }
    return 0;
}

int bt_dim_name(const char *s, size_t n, char *out, const char **why)
{
    size_t o = 0;
    int gap = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c >= 0x80) {
            *why = "must be ASCII";
            return -1;
        }
        if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
            (c >= 'A' && c <= 'Z')) {
            if (gap && o > 0)
                out[o++] = '_';
            gap = 0;
            out[o++] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
        } else {
            gap = 1;
        }
        if (o >= 60) {
            *why = "is too long (more than 59 letters, digits and '_')";
            return -1;
        }
    }
    if (o == 0) {
        *why = "is empty";
        return -1;
    }
    out[o] = '\0';
    return 0;
}

const char *const bt_columns[BT_COL_N] = {
    [BT_COL_INDICATOR] = "indicator", [BT_COL_DATE] = "date",
    [BT_COL_VALUE] = "value",         [BT_COL_UNIT] = "unit",
    [BT_COL_FLAG] = "flag",           [BT_COL_NOTE] = "note",
    [BT_COL_SOURCE] = "source",       [BT_COL_OUTLET] = "outlet",
    [BT_COL_PUBLISHED] = "published", [BT_COL_URL] = "url",
    [BT_COL_QUOTE] = "quote"};

enum bt_column bt_column_find(const char *s, size_t n)
{
    for (int i = 0; i < BT_COL_N; i++)
        if (strlen(bt_columns[i]) == n && memcmp(s, bt_columns[i], n) == 0)
            return (enum bt_column)i;
    return BT_COL_N;
}

int bt_dim_value_check(const char *s, size_t n, const char **why)
{
    if (n == 0 || n > BT_DIM_MAX) {
        *why = n ? "is too long (more than 200 bytes)" : "is empty";
        return -1;
    }
    const unsigned char *u = (const unsigned char *)s;
    for (size_t i = 0; i < n; i++) {
        /* C0 and DEL; C1 (U+0080-U+009F: NEL breaks a line in some
         * readers); U+2028 and U+2029, the line and paragraph separators */
        int c1 = u[i] == 0xc2 && i + 1 < n && u[i + 1] >= 0x80 && u[i + 1] <= 0x9f;
        int sep = u[i] == 0xe2 && i + 2 < n && u[i + 1] == 0x80 &&
                  (u[i + 2] == 0xa8 || u[i + 2] == 0xa9);
        if (u[i] < 0x20 || u[i] == 0x7f || c1 || sep) {
            *why = sep ? "contains a line separator (U+2028 or U+2029)"
                       : "contains a control character";
            return -1;
        }
    }
    return 0;
}

/* Whether byte c is written as %XX in a file name (first: it starts
 * the name, where a '.' would hide the file). strchr would match the
 * NUL that ends "/%=+": c is never NUL here. */
static int needs_escape(unsigned char c, int first)
{
    return c < 0x20 || c == 0x7f || strchr("/%=+", c) || (first && c == '.');
}

static void add_escaped(struct bt_buf *out, const char *s, int leading)
{
    static const char hex[] = "0123456789ABCDEF";
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        if (needs_escape(*p, leading && p == (const unsigned char *)s)) {
            char h[3] = {'%', hex[*p >> 4], hex[*p & 15]};
            bt_buf_add(out, h, 3);
        } else {
            bt_buf_add(out, p, 1);
        }
    }
}

/* Bytes add_escaped writes for s. */
static size_t escaped_len(const char *s, int leading)
{
    size_t n = 0;
    for (const unsigned char *p = (const unsigned char *)s; *p; p++)
        n += needs_escape(*p, leading && p == (const unsigned char *)s) ? 3 : 1;
    return n;
}

size_t bt_dim_stem_len(const char *name, const char *value, int first)
{
    return !first + escaped_len(name, first) + 1 + escaped_len(value, 0);
}

static int dim_cmp(const void *a, const void *b)
{
    return strcmp(((const struct bt_dim *)a)->name,
                  ((const struct bt_dim *)b)->name);
}

void bt_dims_sort(struct bt_dim *dims, size_t ndims)
{
    bt_qsort(dims, ndims, sizeof *dims, dim_cmp);
}

void bt_series_file(struct bt_buf *out, const char *indicator,
                    const struct bt_dim *dims, size_t ndims)
{
    bt_buf_add(out, indicator, strlen(indicator));
    bt_buf_add(out, "/", 1);
    if (ndims == 0)
        bt_buf_add(out, "_", 1);
    for (size_t i = 0; i < ndims; i++) {
        if (i)
            bt_buf_add(out, "+", 1);
        add_escaped(out, dims[i].name, i == 0);
        bt_buf_add(out, "=", 1);
        add_escaped(out, dims[i].value, 0);
    }
    bt_buf_add(out, ".rrd", 4);
}

int bt_series_rel_ok(const char *rel)
{
    const char *slash = strchr(rel, '/'), *why;
    return slash && bt_id_check(rel, (size_t)(slash - rel), &why) == 0 &&
           slash[1] && slash[1] != '.' && !strchr(slash + 1, '/');
}

static int unhex(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

/* Decodes %XX in place; returns -1 on a bad escape. */
static int unescape(char *s)
{
    char *o = s;
    for (char *p = s; *p; p++) {
        if (*p != '%') {
            *o++ = *p;
            continue;
        }
        int h = unhex(p[1]), l = h >= 0 ? unhex(p[2]) : -1;
        if (l < 0)
            return -1;
        *o++ = (char)(h << 4 | l);
        p += 2;
    }
    *o = '\0';
    return 0;
}

int bt_series_name_parse(const char *relpath, struct bt_series_name *out)
{
    memset(out, 0, sizeof *out);
    size_t n = strlen(relpath);
    const char *slash = strchr(relpath, '/');
    const char *why;
    if (!slash || n < 5 || strcmp(relpath + n - 4, ".rrd") != 0 ||
        bt_id_check(relpath, (size_t)(slash - relpath), &why) != 0)
        return -1;
    char *st = out->storage = bt_xstrndup(relpath, n - 4);
    st[slash - relpath] = '\0';
    out->indicator = st;
    char *rest = st + (slash - relpath) + 1;
    if (strcmp(rest, "_") == 0)
        return 0;
    for (char *tok = rest; tok;) {
        char *next = strchr(tok, '+');
        if (next)
            *next++ = '\0';
        char *eq = strchr(tok, '=');
        if (!eq || out->ndims == BT_DIMS_MAX)
            goto bad;
        *eq = '\0';
        if (unescape(tok) != 0 || unescape(eq + 1) != 0)
            goto bad;
        out->dims[out->ndims++] = (struct bt_dim){tok, eq + 1};
        tok = next;
    }
    return 0;
bad:
    bt_series_name_release(out);
    return -1;
}

void bt_series_name_release(struct bt_series_name *s)
{
    free(s->storage);
    memset(s, 0, sizeof *s);
}

void bt_series_label(struct bt_buf *out, const char *indicator,
                     const struct bt_dim *dims, size_t ndims)
{
    bt_buf_add(out, indicator, strlen(indicator));
    for (size_t i = 0; i < ndims; i++) {
        bt_buf_add(out, i ? "," : "{", 1);
        bt_buf_addf(out, "%s=%s", dims[i].name, dims[i].value);
    }
    if (ndims)
        bt_buf_add(out, "}", 1);
}
