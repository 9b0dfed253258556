/* mem.h - allocation that never fails, and growing arrays.
 *
 * The lowest module: it includes nothing of the project.
 */
#ifndef BT_MEM_H
#define BT_MEM_H

#include <stddef.h>

/* Allocation that never returns NULL: out of memory ends the process with
 * a message, since no caller could do better. */
void *bt_xmalloc(size_t n);
void *bt_xcalloc(size_t n, size_t size);
void *bt_xrealloc(void *p, size_t n);
char *bt_xstrdup(const char *s);
char *bt_xstrndup(const char *s, size_t n);
/* Compares two char * array elements, for bt_qsort. */
int bt_strptr_cmp(const void *a, const void *b);
/* qsort that accepts an empty (NULL) array. */
void bt_qsort(void *v, size_t n, size_t sz,
              int (*cmp)(const void *, const void *));
/* Grows *v (element size sz) so that it holds at least need elements. */
void bt_grow(void **v, size_t *cap, size_t need, size_t sz);

#endif
