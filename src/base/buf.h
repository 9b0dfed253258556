/* buf.h - the string builder: a growing byte buffer.
 *
 * Like git's strbuf, it interacts only with other low-level primitives
 * (mem.h), so that every module, errors included, may build text with it.
 */
#ifndef BT_BUF_H
#define BT_BUF_H

#include <stddef.h>

/* A byte buffer that owns its storage. Zero-initialise; release when done. */
struct bt_buf {
    char *data;
    size_t len, cap;
};
void bt_buf_add(struct bt_buf *b, const void *p, size_t n);
/* Appends the NUL-terminated text t. */
void bt_buf_puts(struct bt_buf *b, const char *t);
void bt_buf_addf(struct bt_buf *b, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
void bt_buf_release(struct bt_buf *b);

#endif
