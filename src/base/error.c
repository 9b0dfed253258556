/* error.c - errors as values and diagnostics lists (see error.h). */
#include "error.h"
#include "buf.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Length of the escape that stands for the character at s (0: copied as
 * it is), written into esc (8 bytes) when not 0. *adv is set to
 * the input bytes it stands for. */
static size_t escape_of(const unsigned char *s, char esc[8], size_t *adv)
{
    *adv = 1;
    if (*s == '\n')
        return memcpy(esc, "\\n", 2), 2;
    if (*s == '\t')
        return memcpy(esc, "\\t", 2), 2;
    if (*s < 0x20 || *s == 0x7f)
        return (size_t)snprintf(esc, 5, "\\x%02x", *s);
    if (*s == 0xc2 && s[1] >= 0x80 && s[1] <= 0x9f) { /* C1: U+0080-U+009F */
        *adv = 2;
        return (size_t)snprintf(esc, 5, "\\x%02x", s[1]);
    }
    if (*s == 0xe2 && s[1] == 0x80 && (s[2] == 0xa8 || s[2] == 0xa9)) {
        *adv = 3; /* U+2028, U+2029: they break a line too */
        return memcpy(esc, s[2] == 0xa8 ? "\\u2028" : "\\u2029", 6), 6;
    }
    return 0;
}

void bt_msg_escape(char *out, size_t cap, const char *in)
{
    const unsigned char *s = (const unsigned char *)in;
    size_t n = 0;
    if (cap == 0)
        return;
    while (*s) {
        char esc[8];
        size_t adv, k = escape_of(s, esc, &adv);
        if (k == 0) { /* a whole UTF-8 character or nothing */
            size_t len = 1;
            while (s[len] && (s[len] & 0xc0) == 0x80 && len < 4)
                len++;
            if (*s < 0xc0)
                len = 1;
            if (n + len >= cap)
                break;
            memcpy(out + n, s, len);
            n += len, s += len;
            continue;
        }
        if (n + k >= cap)
            break;
        memcpy(out + n, esc, k);
        n += k, s += adv;
    }
    out[n] = '\0';
}

int bt_fail(struct bt_error *e, const char *fmt, ...)
{
    if (e) {
        char raw[sizeof e->msg];
        va_list ap;
        va_start(ap, fmt);
        vsnprintf(raw, sizeof raw, fmt, ap);
        va_end(ap);
        bt_msg_escape(e->msg, sizeof e->msg, raw);
    }
    return -1;
}

int bt_fail_errno(struct bt_error *e, const char *fmt, ...)
{
    int saved = errno;
    if (e) {
        char raw[sizeof e->msg];
        va_list ap;
        va_start(ap, fmt);
        int n = vsnprintf(raw, sizeof raw, fmt, ap);
        va_end(ap);
        if (n >= 0 && (size_t)n < sizeof raw)
            snprintf(raw + n, sizeof raw - (size_t)n, ": %s", strerror(saved));
        bt_msg_escape(e->msg, sizeof e->msg, raw);
    }
    errno = saved;
    return -1;
}

int bt_shown_len(const char *s)
{
    size_t n = strnlen(s, BT_SHOWN_MAX + 1);
    if (n <= BT_SHOWN_MAX)
        return (int)n;
    n = BT_SHOWN_MAX;
    while (n > 0 && ((unsigned char)s[n] & 0xc0) == 0x80)
        n--; /* back to the start of a UTF-8 character */
    return (int)n;
}

const char *bt_shown_more(const char *s)
{
    return strnlen(s, BT_SHOWN_MAX + 1) > BT_SHOWN_MAX ? "…" : "";
}

static void diag_push(struct bt_diags *d, const char *file, unsigned long line,
                      unsigned long column, const char *fmt, va_list ap)
{
    char raw[1024], buf[4096];
    vsnprintf(raw, sizeof raw, fmt, ap);
    bt_msg_escape(buf, sizeof buf, raw);
    bt_grow((void **)&d->v, &d->cap, d->n + 1, sizeof *d->v);
    d->v[d->n] = (struct bt_diag){line, column, d->n, bt_xstrdup(buf),
                                  file ? bt_xstrdup(file) : NULL};
    d->n++;
}

void bt_diags_add(struct bt_diags *d, unsigned long line, unsigned long column,
                  const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    diag_push(d, NULL, line, column, fmt, ap);
    va_end(ap);
}

void bt_diags_add_in(struct bt_diags *d, const char *file, unsigned long line,
                     unsigned long column, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    diag_push(d, file, line, column, fmt, ap);
    va_end(ap);
}

static int diag_cmp(const void *a, const void *b)
{
    const struct bt_diag *x = a, *y = b;
    if (!x->file != !y->file)
        return x->file ? -1 : 1;
    int c = x->file ? strcmp(x->file, y->file) : 0;
    if (c)
        return c;
    if (x->line != y->line)
        return x->line < y->line ? -1 : 1;
    if (x->column != y->column)
        return x->column < y->column ? -1 : 1;
    return x->seq < y->seq ? -1 : x->seq > y->seq; /* stable */
}

void bt_diags_sort(struct bt_diags *d)
{
    bt_qsort(d->v, d->n, sizeof *d->v, diag_cmp);
}

void bt_diags_truncate(struct bt_diags *d, size_t n)
{
    while (d->n > n) {
        d->n--;
        free(d->v[d->n].msg);
        free(d->v[d->n].file);
    }
}

void bt_diags_release(struct bt_diags *d)
{
    for (size_t i = 0; i < d->n; i++)
        free(d->v[i].msg), free(d->v[i].file);
    free(d->v);
    *d = (struct bt_diags)BT_DIAGS_INIT;
}

int bt_diags_first(struct bt_diags *d, const char *file, struct bt_error *e)
{
    bt_diags_sort(d);
    if (d->n == 0)
        return bt_fail(e, "%s: invalid", file);
    const struct bt_diag *v = &d->v[0];
    return bt_fail(e, "%s:%lu:%lu: %s", v->file ? v->file : file, v->line,
                   v->column, v->msg);
}

void bt_diags_text(struct bt_diags *d, const char *file, size_t max,
                   struct bt_buf *out)
{
    bt_diags_sort(d);
    for (size_t i = 0; i < d->n && i < max; i++) {
        const struct bt_diag *v = &d->v[i];
        const char *f = v->file ? v->file : file;
        if (v->column)
            bt_buf_addf(out, "%s:%lu:%lu: %s\n", f, v->line, v->column, v->msg);
        else
            bt_buf_addf(out, "%s:%lu: %s\n", f, v->line, v->msg);
    }
    if (d->n > max)
        bt_buf_addf(out, "%s: ... and %zu more problems\n", file, d->n - max);
}
