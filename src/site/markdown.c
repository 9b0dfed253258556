/* markdown.c - the Markdown subset of docs/ as HTML (see markdown.h). */
#include "markdown.h"

#include <stdlib.h>
#include <string.h>

#include "base/mem.h"

/* One line, without its newline; borrowed. */
struct line {
    const char *p;
    size_t n;
};

static void esc(struct bt_buf *b, const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        switch (s[i]) {
        case '&': bt_buf_puts(b, "&amp;"); break;
        case '<': bt_buf_puts(b, "&lt;"); break;
        case '>': bt_buf_puts(b, "&gt;"); break;
        case '"': bt_buf_puts(b, "&quot;"); break;
        default: bt_buf_add(b, s + i, 1);
        }
    }
}

/* The index of the first lit in s[from..n), or n. */
static size_t find(const char *s, size_t n, size_t from, const char *lit)
{
    size_t k = strlen(lit);
    for (size_t i = from; i + k <= n; i++)
        if (memcmp(s + i, lit, k) == 0)
            return i;
    return n;
}

/* Whether s[i..n) starts with a Han character or CJK punctuation (U+2E80
 * to U+9FFF, U+FF00 to U+FFEF: three bytes of UTF-8). */
static int han_at(const char *s, size_t n, size_t i)
{
    const unsigned char *p = (const unsigned char *)s + i;
    if (n - i < 3 || (p[0] & 0xf0) != 0xe0)
        return 0;
    unsigned cp = (p[0] & 0x0fu) << 12 | (p[1] & 0x3fu) << 6 | (p[2] & 0x3fu);
    return (cp >= 0x2e80 && cp <= 0x9fff) || (cp >= 0xff00 && cp <= 0xffef);
}

/* The end of a run of Han text from s[i] (digits and spaces inside it
 * belong to it), or i when none starts there. The text of docs/ is
 * English: a Chinese passage in it gets lang="zh". */
static size_t han_run(const char *s, size_t n, size_t i)
{
    size_t end = i;
    for (size_t k = i; k < n;) {
        if (han_at(s, n, k)) {
            k += 3;
            end = k;
        } else if (end > i && ((s[k] >= '0' && s[k] <= '9') || s[k] == ' ')) {
            k++;
        } else {
            break;
        }
    }
    return end;
}

/* Appends the inline text s[0..n): code, strong, emphasis, links. */
static void inline_text(struct bt_buf *b, const char *s, size_t n)
{
    size_t i = 0;
    while (i < n) {
        size_t end;
        if (s[i] == '`' && (end = find(s, n, i + 1, "`")) < n) {
            bt_buf_puts(b, "<code>");
            esc(b, s + i + 1, end - i - 1);
            bt_buf_puts(b, "</code>");
            i = end + 1;
        } else if (n - i > 4 && memcmp(s + i, "**", 2) == 0 && s[i + 2] != ' ' &&
                   (end = find(s, n, i + 2, "**")) < n && end > i + 2) {
            bt_buf_puts(b, "<strong>");
            inline_text(b, s + i + 2, end - i - 2);
            bt_buf_puts(b, "</strong>");
            i = end + 2;
        } else if (s[i] == '*' && i + 2 < n && s[i + 1] != ' ' && s[i + 1] != '*' &&
                   (end = find(s, n, i + 1, "*")) < n && s[end - 1] != ' ') {
            bt_buf_puts(b, "<em>");
            inline_text(b, s + i + 1, end - i - 1);
            bt_buf_puts(b, "</em>");
            i = end + 1;
        } else if (s[i] == '[' && (end = find(s, n, i + 1, "](")) < n &&
                   find(s, n, end + 2, ")") < n) {
            size_t close = find(s, n, end + 2, ")");
            bt_buf_puts(b, "<a href=\"");
            esc(b, s + end + 2, close - end - 2);
            bt_buf_puts(b, "\">");
            inline_text(b, s + i + 1, end - i - 1);
            bt_buf_puts(b, "</a>");
            i = close + 1;
        } else if ((end = han_run(s, n, i)) > i) {
            bt_buf_puts(b, "<span lang=\"zh\">");
            esc(b, s + i, end - i);
            bt_buf_puts(b, "</span>");
            i = end;
        } else {
            esc(b, s + i, 1);
            i++;
        }
    }
}

/* The spaces a line starts with. */
static size_t lead(struct line l)
{
    size_t k = 0;
    while (k < l.n && l.p[k] == ' ')
        k++;
    return k;
}

static int blank(struct line l)
{
    return lead(l) == l.n;
}

/* The width of a list marker at the line's start after its spaces ("* ",
 * "- ", "12. "), or 0. */
static size_t marker(struct line l)
{
    size_t k = lead(l);
    if (k + 1 < l.n && (l.p[k] == '*' || l.p[k] == '-') && l.p[k + 1] == ' ')
        return k + 2;
    size_t d = k;
    while (d < l.n && l.p[d] >= '0' && l.p[d] <= '9')
        d++;
    if (d > k && d + 1 < l.n && l.p[d] == '.' && l.p[d + 1] == ' ')
        return d + 2;
    return 0;
}

static size_t heading(struct line l)
{
    size_t k = 0;
    while (k < l.n && l.p[k] == '#')
        k++;
    return k >= 1 && k <= 6 && k < l.n && l.p[k] == ' ' ? k : 0;
}

/* Whether l is a table's separator row: pipes, dashes, colons, spaces. */
static int separator(struct line l)
{
    if (!l.n || l.p[0] != '|')
        return 0;
    for (size_t k = 0; k < l.n; k++)
        if (!strchr("|-: ", l.p[k]))
            return 0;
    return memchr(l.p, '-', l.n) != NULL;
}

/* Appends the id of a heading: ASCII letters and digits lowercased, every
 * other run of characters one '-'. */
static void slug(struct bt_buf *b, const char *s, size_t n)
{
    int dash = 0, any = 0;
    for (size_t i = 0; i < n; i++) {
        char c = s[i];
        if (c >= 'A' && c <= 'Z')
            c = (char)(c - 'A' + 'a');
        if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
            if (dash && any)
                bt_buf_puts(b, "-");
            bt_buf_add(b, &c, 1);
            dash = 0;
            any = 1;
        } else {
            dash = 1;
        }
    }
}

/* The cells of a table row, each trimmed; returns how many (at most max). */
static size_t cells(struct line l, struct line *out, size_t max)
{
    size_t n = 0, i = l.p[0] == '|';
    size_t end = l.n;
    while (end > i && l.p[end - 1] == ' ')
        end--;
    if (end > i && l.p[end - 1] == '|')
        end--;
    while (i <= end && n < max) {
        size_t j = i;
        while (j < end && l.p[j] != '|')
            j++;
        struct line c = {l.p + i, j - i};
        while (c.n && c.p[0] == ' ')
            c.p++, c.n--;
        while (c.n && c.p[c.n - 1] == ' ')
            c.n--;
        out[n++] = c;
        i = j + 1;
    }
    return n;
}

#define MAX_COLUMNS 16

/* A table from v[0] (its header) and v[1] (its separator); returns the
 * lines it took. */
static size_t table(struct bt_buf *b, const struct line *v, size_t nv)
{
    struct line c[MAX_COLUMNS];
    const char *align[MAX_COLUMNS];
    size_t ncols = cells(v[1], c, MAX_COLUMNS);
    for (size_t k = 0; k < ncols; k++) {
        int left = c[k].n && c[k].p[0] == ':', right = c[k].n && c[k].p[c[k].n - 1] == ':';
        align[k] = right && left ? " style=\"text-align:center\""
                   : right       ? " class=\"num\""
                                 : "";
    }
    bt_buf_puts(b, "<div class=\"wide\"><table>\n<tr>");
    size_t n = cells(v[0], c, MAX_COLUMNS);
    for (size_t k = 0; k < n; k++) {
        bt_buf_addf(b, "<th scope=\"col\"%s>", k < ncols ? align[k] : "");
        inline_text(b, c[k].p, c[k].n);
        bt_buf_puts(b, "</th>");
    }
    bt_buf_puts(b, "</tr>\n");
    size_t i = 2;
    for (; i < nv && v[i].n && v[i].p[0] == '|'; i++) {
        n = cells(v[i], c, MAX_COLUMNS);
        bt_buf_puts(b, "<tr>");
        for (size_t k = 0; k < n; k++) {
            bt_buf_addf(b, "<td%s>", k < ncols ? align[k] : "");
            inline_text(b, c[k].p, c[k].n);
            bt_buf_puts(b, "</td>");
        }
        bt_buf_puts(b, "</tr>\n");
    }
    bt_buf_puts(b, "</table></div>\n");
    return i;
}

/* Appends lines v[0..n) joined by newlines as inline text. */
static void joined(struct bt_buf *b, const struct line *v, size_t n)
{
    struct bt_buf t = {0};
    for (size_t k = 0; k < n; k++) {
        size_t s = lead(v[k]);
        if (k)
            bt_buf_puts(&t, "\n");
        bt_buf_add(&t, v[k].p + s, v[k].n - s);
    }
    inline_text(b, t.data ? t.data : "", t.len);
    bt_buf_release(&t);
}

static void blocks(struct bt_buf *b, const struct line *v, size_t n);

/* A list from v[0]; returns the lines it took. */
static size_t list(struct bt_buf *b, const struct line *v, size_t n)
{
    size_t at = lead(v[0]);
    int ordered = v[0].p[at] >= '0' && v[0].p[at] <= '9';
    bt_buf_puts(b, ordered ? "<ol>\n" : "<ul>\n");
    size_t i = 0;
    while (i < n && marker(v[i]) && lead(v[i]) == at) {
        size_t w = marker(v[i]), start = i++;
        int loose = 0;
        /* the item: indented lines, and blank lines before more of them */
        while (i < n) {
            if (blank(v[i])) {
                size_t k = i;
                while (k < n && blank(v[k]))
                    k++;
                if (k < n && lead(v[k]) >= w) {
                    loose = 1;
                    i = k;
                    continue;
                }
                break;
            }
            if (lead(v[i]) < w && marker(v[i]))
                break;
            i++;
        }
        struct line *item = bt_xcalloc(i - start, sizeof *item);
        for (size_t k = start; k < i; k++) {
            size_t cut = k == start ? w : lead(v[k]) < w ? lead(v[k]) : w;
            item[k - start] = (struct line){v[k].p + cut, v[k].n - cut};
        }
        bt_buf_puts(b, "<li>");
        if (loose)
            blocks(b, item, i - start);
        else
            joined(b, item, i - start);
        bt_buf_puts(b, "</li>\n");
        free(item);
        while (i < n && blank(v[i]) && i + 1 < n && marker(v[i + 1]) &&
               lead(v[i + 1]) == at)
            i++;
    }
    bt_buf_puts(b, ordered ? "</ol>\n" : "</ul>\n");
    return i;
}

/* Appends the blocks of lines v[0..n). */
static void blocks(struct bt_buf *b, const struct line *v, size_t n)
{
    size_t i = 0;
    while (i < n) {
        size_t h;
        if (blank(v[i])) {
            i++;
        } else if (lead(v[i]) >= 4) {
            size_t end = i;
            for (size_t k = i; k < n && (blank(v[k]) || lead(v[k]) >= 4); k++)
                if (!blank(v[k]))
                    end = k + 1;
            bt_buf_puts(b, "<pre tabindex=\"0\"><code>");
            for (size_t k = i; k < end; k++) {
                size_t cut = v[k].n < 4 ? v[k].n : 4;
                esc(b, v[k].p + cut, v[k].n - cut);
                bt_buf_puts(b, "\n");
            }
            bt_buf_puts(b, "</code></pre>\n");
            i = end;
        } else if ((h = heading(v[i])) != 0) {
            bt_buf_addf(b, "<h%zu id=\"", h);
            slug(b, v[i].p + h + 1, v[i].n - h - 1);
            bt_buf_puts(b, "\">");
            inline_text(b, v[i].p + h + 1, v[i].n - h - 1);
            bt_buf_addf(b, "</h%zu>\n", h);
            i++;
        } else if (v[i].p[0] == '|' && i + 1 < n && separator(v[i + 1])) {
            i += table(b, v + i, n - i);
        } else if (marker(v[i])) {
            i += list(b, v + i, n - i);
        } else {
            size_t k = i + 1;
            while (k < n && !blank(v[k]) && !heading(v[k]) && !marker(v[k]) &&
                   !(v[k].p[0] == '|' && k + 1 < n && separator(v[k + 1])))
                k++;
            bt_buf_puts(b, "<p>");
            joined(b, v + i, k - i);
            bt_buf_puts(b, "</p>\n");
            i = k;
        }
    }
}

void bt_markdown_html(struct bt_buf *out, const char *md, size_t len)
{
    size_t n = 0, cap = 0;
    struct line *v = NULL;
    for (size_t i = 0; i < len;) {
        const char *eol = memchr(md + i, '\n', len - i);
        size_t k = eol ? (size_t)(eol - (md + i)) : len - i;
        bt_grow((void **)&v, &cap, n + 1, sizeof *v);
        v[n++] = (struct line){md + i, k};
        i += k + 1;
    }
    blocks(out, v, n);
    free(v);
}
