/* buf.c - the string builder (see buf.h). */
#include "buf.h"
#include "mem.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void bt_buf_add(struct bt_buf *b, const void *p, size_t n)
{
    bt_grow((void **)&b->data, &b->cap, b->len + n + 1, 1);
    if (n)
        memcpy(b->data + b->len, p, n);
    b->len += n;
    b->data[b->len] = '\0';
}

void bt_buf_puts(struct bt_buf *b, const char *t)
{
    bt_buf_add(b, t, strlen(t));
}

void bt_buf_addf(struct bt_buf *b, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (n < 0)
        return;
    bt_grow((void **)&b->data, &b->cap, b->len + (size_t)n + 1, 1);
    va_start(ap, fmt);
    vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
    va_end(ap);
    b->len += (size_t)n;
}

void bt_buf_release(struct bt_buf *b)
{
    free(b->data);
    memset(b, 0, sizeof *b);
}
