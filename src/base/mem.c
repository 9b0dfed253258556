/* mem.c - allocation that never fails, growing arrays (see mem.h). */
#include "mem.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void oom(void)
{
    fputs("baytrack: out of memory\n", stderr);
    abort();
}

void *bt_xmalloc(size_t n)
{
    void *p = malloc(n ? n : 1);
    if (!p)
        oom();
    return p;
}

void *bt_xcalloc(size_t n, size_t size)
{
    void *p = calloc(n ? n : 1, size ? size : 1);
    if (!p)
        oom();
    return p;
}

void *bt_xrealloc(void *p, size_t n)
{
    p = realloc(p, n ? n : 1);
    if (!p)
        oom();
    return p;
}

char *bt_xstrdup(const char *s)
{
    return bt_xstrndup(s, strlen(s));
}

char *bt_xstrndup(const char *s, size_t n)
{
    char *p = bt_xmalloc(n + 1);
    memcpy(p, s, n);
    p[n] = '\0';
    return p;
}

int bt_strptr_cmp(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

void bt_qsort(void *v, size_t n, size_t sz,
              int (*cmp)(const void *, const void *))
{
    if (n > 1)
        qsort(v, n, sz, cmp);
}

void bt_grow(void **v, size_t *cap, size_t need, size_t sz)
{
    if (need <= *cap)
        return;
    size_t c = *cap ? *cap : 16;
    while (c < need) {
        if (c > ((size_t)-1) / 2 / sz)
            oom();
        c *= 2;
    }
    *v = bt_xrealloc(*v, c * sz);
    *cap = c;
}
