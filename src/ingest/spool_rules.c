/* spool_rules.c - SPOOL/rules (see spool_rules.h). */
#include "spool_rules.h"

#include <errno.h>
#include <fnmatch.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "base/buf.h"
#include "base/fileio.h"
#include "base/mem.h"
#include "mapping.h"
#include "model/catalogue.h"

#define RULE_WORDS 16 /* the message in split says 16 */

/* One word of a rule line and where it starts (byte column from 1). */
struct rword {
    struct bt_buf s;
    size_t col;
};

/* Splits line[0..n) into words; returns how many, or -1 with *col and
 * *why (an open quote, too many words). */
static int split(const char *line, size_t n, struct rword *w, size_t *col,
                 const char **why)
{
    size_t i = 0;
    int k = 0;
    for (;;) {
        while (i < n && (line[i] == ' ' || line[i] == '\t' || line[i] == '\r'))
            i++;
        if (i == n || line[i] == '#')
            return k;
        if (k == RULE_WORDS) {
            *col = i + 1, *why = "too many words (at most 16)";
            return -1;
        }
        struct rword *t = &w[k++];
        t->col = i + 1;
        while (i < n && line[i] != ' ' && line[i] != '\t' && line[i] != '\r') {
            if (line[i] != '"') {
                bt_buf_add(&t->s, &line[i++], 1);
                continue;
            }
            size_t open = i++;
            while (i < n && line[i] != '"')
                bt_buf_add(&t->s, &line[i++], 1);
            if (i == n) {
                *col = open + 1, *why = "unterminated quote";
                return -1;
            }
            i++;
        }
        bt_buf_add(&t->s, "", 0);
    }
}

/* FILE as a rule names it: relative to the spool unless absolute. */
static char *spool_path(const char *spool, const char *file)
{
    struct bt_buf p = {0};
    if (file[0] == '/')
        bt_buf_puts(&p, file);
    else
        bt_buf_addf(&p, "%s/%s", spool, file);
    return p.data;
}

/* Reads one rule from words w[0..k) of line into *out; problems go to *d.
 * Returns 0 or -1. */
static int rule(const struct bt_spool_rules *r, const char *spool,
                const struct bt_catalogue *cat, unsigned long line,
                struct rword *w, int k, struct bt_spool_rule *out,
                struct bt_diags *d, struct bt_error *e)
{
    *out = (struct bt_spool_rule){.pattern = bt_xstrdup(w[0].s.data),
                                  .line = line};
    size_t map_col = 0, ind_col = 0;
    if (k == 1) {
        bt_diags_add_in(d, r->path, line, w[0].col, "a rule is PATTERN "
                        "OPTION...: give --map FILE, --indicator ID or "
                        "--encoding NAME");
        return -1;
    }
    for (int i = 1; i < k; i += 2) {
        const char *opt = w[i].s.data;
        char **slot = strcmp(opt, "--map") == 0         ? &out->map_path
                      : strcmp(opt, "--encoding") == 0  ? &out->encoding
                      : strcmp(opt, "--indicator") == 0 ? &out->indicator
                                                        : NULL;
        if (!slot || *slot || i + 1 == k) {
            bt_diags_add_in(d, r->path, line, w[i].col, "%s '%s': a rule "
                            "takes --map FILE, --indicator ID and --encoding "
                            "NAME, each once "
                            "with its value", !slot ? "unknown option"
                            : *slot ? "repeated option" : "no value for",
                            opt);
            return -1;
        }
        if (slot == &out->map_path)
            map_col = w[i + 1].col;
        if (slot == &out->indicator)
            ind_col = w[i + 1].col;
        *slot = i + 1 < k ? (slot == &out->map_path
                                 ? spool_path(spool, w[i + 1].s.data)
                                 : bt_xstrdup(w[i + 1].s.data))
                          : NULL;
    }
    if (out->indicator && cat &&
        !bt_catalogue_find(cat, out->indicator, strlen(out->indicator))) {
        bt_diags_add_in(d, r->path, line, ind_col, "unknown indicator '%s'",
                        out->indicator);
        return -1;
    }
    if (out->map_path) {
        struct bt_mapping m;
        int rc = bt_mapping_load(&m, out->map_path, d, e);
        if (rc == 0)
            bt_mapping_release(&m);
        if (rc < 0)
            bt_diags_add_in(d, r->path, line, map_col, "%s", e->msg);
        if (rc != 0)
            return -1;
    }
    return 0;
}

int bt_spool_rules_load(struct bt_spool_rules *r, const char *spool,
                        const struct bt_catalogue *cat, struct bt_diags *d,
                        struct bt_error *e)
{
    memset(r, 0, sizeof *r);
    struct bt_buf path = {0}, text;
    bt_buf_addf(&path, "%s/rules", spool);
    r->path = path.data;
    struct stat st;
    if (stat(r->path, &st) != 0 && errno == ENOENT)
        return 0;
    if (bt_file_read(r->path, &text, e) != 0)
        return -1;
    size_t before = d->n;
    const char *p = text.data, *end = text.data + text.len;
    for (unsigned long line = 1; p < end; line++) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        size_t n = (size_t)((nl ? nl : end) - p);
        struct rword w[RULE_WORDS] = {{{0}, 0}};
        size_t col = 0;
        const char *why = NULL;
        int k = split(p, n, w, &col, &why);
        if (k < 0) {
            bt_diags_add_in(d, r->path, line, col, "%s", why);
        } else if (k > 0) {
            struct bt_spool_rule x;
            r->v = bt_xrealloc(r->v, (r->n + 1) * sizeof *r->v);
            rule(r, spool, cat, line, w, k, &x, d, e);
            r->v[r->n++] = x;
        }
        for (int i = 0; i < RULE_WORDS; i++)
            bt_buf_release(&w[i].s);
        p = nl ? nl + 1 : end;
    }
    bt_buf_release(&text);
    return d->n != before;
}

const struct bt_spool_rule *bt_spool_rules_match(const struct bt_spool_rules *r,
                                                 const char *name)
{
    for (size_t i = 0; i < r->n; i++)
        if (fnmatch(r->v[i].pattern, name, FNM_PERIOD) == 0)
            return &r->v[i];
    return NULL;
}

void bt_spool_rules_release(struct bt_spool_rules *r)
{
    for (size_t i = 0; i < r->n; i++) {
        free(r->v[i].pattern);
        free(r->v[i].map_path);
        free(r->v[i].encoding);
        free(r->v[i].indicator);
    }
    free(r->v);
    free(r->path);
    memset(r, 0, sizeof *r);
}
