/* chart_svg.c - gnuplot's SVG made to speak for itself (see chart_svg.h). */
#include "chart_svg.h"

#include <string.h>

/* Whether in[*i..len) starts with lit. */
static int at(const char *in, size_t len, size_t i, const char *lit)
{
    size_t n = strlen(lit);
    return len - i >= n && memcmp(in + i, lit, n) == 0;
}

/* The index just past the first lit at or after i; len when none. */
static size_t past(const char *in, size_t len, size_t i, const char *lit)
{
    size_t n = strlen(lit);
    for (; i + n <= len; i++)
        if (memcmp(in + i, lit, n) == 0)
            return i + n;
    return len;
}

/* Appends s with &<>" escaped for XML text. */
static void xml_text(struct bt_buf *b, const char *s, size_t n)
{
    for (size_t k = 0; k < n; k++) {
        switch (s[k]) {
        case '&': bt_buf_puts(b, "&amp;"); break;
        case '<': bt_buf_puts(b, "&lt;"); break;
        case '>': bt_buf_puts(b, "&gt;"); break;
        case '"': bt_buf_puts(b, "&quot;"); break;
        default: bt_buf_add(b, s + k, 1);
        }
    }
}

/* The cleaning as it goes: where the next series name starts, and the
 * tooltip of the hypertext handler just dropped. */
struct cleaner {
    const struct bt_svg_text *t;
    size_t next;              /* offset in t->series of the next name */
    const char *tip;          /* borrowed from the input; NULL: none */
    size_t tip_len;
};

/* An event attribute (" onNAME=" and its quoted value) at in[i]: appends
 * nothing, remembers a hypertext label's text, and returns the index past
 * it; i when there is none. */
static size_t event_attr(struct cleaner *c, const char *in, size_t len, size_t i)
{
    size_t k = i;
    if (k >= len || (in[k] != ' ' && in[k] != '\t' && in[k] != '\n'))
        return i;
    while (k < len && (in[k] == ' ' || in[k] == '\t' || in[k] == '\n'))
        k++;
    if (!at(in, len, k, "on"))
        return i;
    size_t name = k;
    while (k < len && in[k] >= 'a' && in[k] <= 'z')
        k++;
    if (k == name + 2 || k + 1 >= len || in[k] != '=' ||
        (in[k + 1] != '"' && in[k + 1] != '\''))
        return i;
    char q = in[k + 1];
    const char *v = in + k + 2, *end = memchr(v, q, len - (k + 2));
    if (!end)
        return i;
    static const char hyper[] = "gnuplot_svg.showHypertext(evt,'";
    size_t hn = sizeof hyper - 1;
    if ((size_t)(end - v) > hn + 2 && memcmp(v, hyper, hn) == 0 &&
        end[-1] == ')' && end[-2] == '\'') {
        c->tip = v + hn;
        c->tip_len = (size_t)(end - 2 - c->tip);
    }
    return (size_t)(end - in) + 1;
}

/* A tag from in[i] (at its '<'): copied without its event attributes.
 * Returns the index past it. */
static size_t tag(struct cleaner *c, struct bt_buf *out, const char *in,
                  size_t len, size_t i)
{
    bt_buf_add(out, in + i++, 1);
    while (i < len && in[i] != '>') {
        size_t skip = event_attr(c, in, len, i);
        if (skip != i) {
            i = skip;
        } else if (in[i] == '"' || in[i] == '\'') {
            const char *end = memchr(in + i + 1, in[i], len - i - 1);
            size_t n = end ? (size_t)(end - (in + i)) + 1 : len - i;
            bt_buf_add(out, in + i, n);
            i += n;
        } else {
            bt_buf_add(out, in + i++, 1);
        }
    }
    if (i < len)
        bt_buf_add(out, in + i++, 1);
    return i;
}

/* The index past an empty group at in[i] (gnuplot's "<g ATTRS>\n</g>\n",
 * a style for nothing: about a third of a dashboard's bytes), or i when
 * there is none there. A group with an id, or anything inside, stays. */
static size_t empty_group(const char *in, size_t len, size_t i)
{
    if (!at(in, len, i, "<g "))
        return i;
    size_t k = i + 3;
    while (k < len && in[k] != '>' && in[k] != '<') {
        if (in[k] == '"' || in[k] == '\'') {
            const char *end = memchr(in + k + 1, in[k], len - k - 1);
            if (!end)
                return i;
            k = (size_t)(end - in);
        } else if (at(in, len, k, "id=") && strchr(" \t\n", in[k - 1])) {
            return i;
        }
        k++;
    }
    if (k >= len || in[k] != '>' || in[k - 1] == '/')
        return i;
    if (!at(in, len, k + 1, "\n</g>"))
        return i;
    k += 1 + strlen("\n</g>");
    return k < len && in[k] == '\n' ? k + 1 : k;
}

/* The next series name ("" when the list is done). */
static const char *next_name(struct cleaner *c, size_t *n)
{
    const struct bt_svg_text *t = c->t;
    if (!t->series || c->next >= t->series_len) {
        *n = 0;
        return "";
    }
    const char *s = t->series + c->next;
    *n = strnlen(s, t->series_len - c->next);
    c->next += *n + 1;
    return s;
}

void bt_svg_clean(struct bt_buf *out, const char *in, size_t len,
                  const struct bt_svg_text *t)
{
    struct cleaner c = {t, 0, NULL, 0};
    size_t i = 0;
    while (i < len) {
        if (at(in, len, i, "<title>Gnuplot</title>") && t->title) {
            bt_buf_puts(out, "<title>");
            xml_text(out, t->title, strlen(t->title));
            bt_buf_puts(out, "</title>");
            i += strlen("<title>Gnuplot</title>");
        } else if (at(in, len, i, "<desc>Produced by GNUPLOT") && t->desc) {
            bt_buf_puts(out, "<desc>");
            xml_text(out, t->desc, strlen(t->desc));
            bt_buf_puts(out, "</desc>");
            i = past(in, len, i, "</desc>");
        } else if (at(in, len, i, "<script")) {
            i = past(in, len, i, "</script>");
            while (i < len && in[i] == '\n')
                i++;
        } else if (at(in, len, i, "<title>gnuplot_plot_")) {
            size_t n;
            const char *name = next_name(&c, &n);
            if (n) {
                bt_buf_puts(out, "<title>");
                xml_text(out, name, n);
                bt_buf_puts(out, "</title>");
            }
            i = past(in, len, i, "</title>");
        } else if (at(in, len, i, "<title> </title>") && c.tip) {
            bt_buf_puts(out, "<title>");
            bt_buf_add(out, c.tip, c.tip_len); /* escaped as an attribute */
            bt_buf_puts(out, "</title>");
            c.tip = NULL;
            i += strlen("<title> </title>");
        } else if (empty_group(in, len, i) != i) {
            i = empty_group(in, len, i);
        } else if (in[i] == '<') {
            i = tag(&c, out, in, len, i);
        } else {
            bt_buf_add(out, in + i++, 1);
        }
    }
}

int bt_svg_clean_file(const char *path, const struct bt_svg_text *t,
                      struct bt_error *e)
{
    struct bt_buf in = {0}, out = {0};
    int rc = bt_file_read(path, &in, e);
    if (rc == 0) {
        bt_svg_clean(&out, in.data, in.len, t);
        rc = bt_file_replace(path, out.data, out.len, e);
    }
    bt_buf_release(&in);
    bt_buf_release(&out);
    return rc;
}
