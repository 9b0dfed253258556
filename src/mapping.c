/* mapping.c - mapping files (see mapping.h). */
#include "mapping.h"

#include <stdlib.h>
#include <string.h>

#include "encoding.h"
#include "fileio.h"
#include "period.h"

#define MAX_TOKENS 4

/* Splits one line into at most MAX_TOKENS words. Returns the number of
 * words, or -1 with *why and *col (byte column of the problem). */
static int tokenize(const char *p, const char *end, char **tok, size_t *col,
                    const char **why)
{
    const char *start = p;
    int n = 0;
    for (;;) {
        while (p < end && (*p == ' ' || *p == '\t' || *p == '\r'))
            p++;
        if (p == end || *p == '#')
            return n;
        if (n == MAX_TOKENS) {
            *why = "too many words";
            *col = (size_t)(p - start) + 1;
            return -1;
        }
        struct bt_buf w = {0};
        if (*p == '"') {
            const char *open = p++;
            while (p < end && *p != '"') {
                if (*p == '\\' && p + 1 < end && (p[1] == '"' || p[1] == '\\'))
                    p++;
                bt_buf_add(&w, p++, 1);
            }
            if (p == end) {
                bt_buf_release(&w);
                *why = "unterminated quote";
                *col = (size_t)(open - start) + 1;
                return -1;
            }
            p++;
        } else {
            const char *s = p;
            while (p < end && *p != ' ' && *p != '\t' && *p != '\r' && *p != '"')
                p++;
            bt_buf_add(&w, s, (size_t)(p - s));
        }
        bt_buf_add(&w, "", 0); /* an empty quoted word still gets storage */
        tok[n++] = w.data;
    }
}

/* Applies one statement; returns 0 or -1 with *why. */
static int statement(struct bt_mapping *m, char **tok, int n, const char **why)
{
    char name[64];
    if (strcmp(tok[0], "time") == 0 && (n == 2 || n == 3)) {
        if (m->time_column) {
            *why = "'time' is given twice";
            return -1;
        }
        if (n == 3 && bt_date_pattern_check(tok[2]) != 0) {
            *why = "date pattern needs YYYY, MM or M, and DD or D";
            return -1;
        }
        m->time_column = bt_xstrdup(tok[1]);
        m->time_pattern = n == 3 ? bt_xstrdup(tok[2]) : NULL;
        return 0;
    }
    if (strcmp(tok[0], "dimension") == 0 && n == 3) {
        if (bt_dim_name(tok[1], strlen(tok[1]), name, why) != 0 ||
            strcmp(name, tok[1]) != 0) {
            *why = "dimension name must be lowercase letters, digits and '_'";
            return -1;
        }
        if (m->ndims == BT_DIMS_MAX) {
            *why = "too many dimensions";
            return -1;
        }
        m->dims[m->ndims++] = (struct bt_map_column){bt_xstrdup(tok[1]),
                                                     bt_xstrdup(tok[2])};
        return 0;
    }
    if (strcmp(tok[0], "value") == 0 && n == 3) {
        if (bt_id_check(tok[1], strlen(tok[1]), why) != 0)
            return -1;
        m->values = bt_xrealloc(m->values, (m->nvalues + 1) * sizeof *m->values);
        m->values[m->nvalues++] = (struct bt_map_column){bt_xstrdup(tok[1]),
                                                         bt_xstrdup(tok[2])};
        return 0;
    }
    if (strcmp(tok[0], "alias") == 0 && n == 4) {
        m->aliases = bt_xrealloc(m->aliases, (m->naliases + 1) * sizeof *m->aliases);
        m->aliases[m->naliases++] = (struct bt_map_alias){
            bt_xstrdup(tok[1]), bt_xstrdup(tok[2]), bt_xstrdup(tok[3])};
        return 0;
    }
    *why = "expected 'time COLUMN [PATTERN]', 'dimension NAME COLUMN', "
           "'value INDICATOR COLUMN' or 'alias DIMENSION FROM TO'";
    return -1;
}

int bt_mapping_parse(struct bt_mapping *m, const char *text, size_t len,
                     const char *path, struct bt_error *e)
{
    memset(m, 0, sizeof *m);
    const char *p = text, *end = text + len;
    unsigned long line = 0;
    while (p < end) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        const char *eol = nl ? nl : end;
        char *tok[MAX_TOKENS] = {0};
        size_t col = 1;
        const char *why = NULL;
        line++;
        int n = tokenize(p, eol, tok, &col, &why);
        int rc = n > 0 ? statement(m, tok, n, &why) : n;
        for (int i = 0; i < MAX_TOKENS; i++)
            free(tok[i]);
        if (rc != 0) {
            bt_fail(e, "%s:%lu:%zu: %s", path, line, col, why);
            bt_mapping_release(m);
            return -1;
        }
        p = nl ? nl + 1 : end;
    }
    const char *missing = !m->time_column ? "a 'time' statement"
                          : m->nvalues == 0 ? "a 'value' statement" : NULL;
    if (missing) {
        bt_fail(e, "%s:%lu:1: mapping needs %s", path, line ? line : 1, missing);
        bt_mapping_release(m);
        return -1;
    }
    return 0;
}

int bt_mapping_load(struct bt_mapping *m, const char *path, struct bt_error *e)
{
    struct bt_text text;
    struct bt_diags diags = BT_DIAGS_INIT;
    memset(m, 0, sizeof *m);
    int rc = bt_text_load(path, NULL, &text, &diags, e);
    if (rc > 0)
        rc = bt_diags_first(&diags, path, e);
    else if (rc == 0)
        rc = bt_mapping_parse(m, text.buf, text.len, path, e);
    bt_diags_release(&diags);
    bt_text_release(&text);
    return rc;
}

void bt_mapping_release(struct bt_mapping *m)
{
    free(m->time_column);
    free(m->time_pattern);
    for (size_t i = 0; i < m->ndims; i++)
        free(m->dims[i].key), free(m->dims[i].column);
    for (size_t i = 0; i < m->nvalues; i++)
        free(m->values[i].key), free(m->values[i].column);
    for (size_t i = 0; i < m->naliases; i++)
        free(m->aliases[i].dimension), free(m->aliases[i].from),
            free(m->aliases[i].to);
    free(m->values);
    free(m->aliases);
    memset(m, 0, sizeof *m);
}

const char *bt_mapping_alias(const struct bt_mapping *m, const char *dim,
                             const char *value)
{
    for (size_t i = 0; i < m->naliases; i++)
        if (strcmp(m->aliases[i].dimension, dim) == 0 &&
            strcmp(m->aliases[i].from, value) == 0)
            return m->aliases[i].to;
    return value;
}
