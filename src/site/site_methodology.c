/* site_methodology.c - docs/methodology.md as a page of the site: each
 * heading a heading with an id (its words, lowercased, joined by '-'),
 * the text between headings as it is written (see site.h). */
#include <string.h>

#include "i18n.h"
#include "site.h"

/* Appends the id of a heading: ASCII letters and digits lowercased, every
 * other run of characters one '-'. */
static void slug(struct bt_buf *b, const char *s, size_t n)
{
    int dash = 0;
    size_t start = b->len;
    for (size_t i = 0; i < n; i++) {
        char c = s[i];
        if (c >= 'A' && c <= 'Z')
            c = (char)(c - 'A' + 'a');
        if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
            if (dash && b->len > start)
                bt_buf_puts(b, "-");
            bt_buf_add(b, &c, 1);
            dash = 0;
        } else {
            dash = 1;
        }
    }
}

void site_methodology(struct bt_buf *b, const struct site *s, enum bt_lang l)
{
    site_head(b, s, "methodology", l, bt_word(BT_W_METHODOLOGY, l));
    int in_text = 0;
    struct bt_buf line = {0};
    for (const char *p = bt_methodology_md; *p;) {
        size_t n = strcspn(p, "\n");
        size_t level = strspn(p, "#");
        if (level > 0 && level <= 3 && p[level] == ' ') {
            if (in_text)
                bt_buf_puts(b, "</pre>\n");
            in_text = 0;
            line.len = 0;
            bt_buf_add(&line, p + level + 1, n - level - 1);
            bt_buf_addf(b, "<h%zu id=\"", level);
            slug(b, line.data, line.len);
            bt_buf_puts(b, "\">");
            site_text(b, line.data);
            bt_buf_addf(b, "</h%zu>\n", level);
        } else if (n > 0 || in_text) {
            if (!in_text)
                bt_buf_puts(b, "<pre class=\"md\">");
            in_text = 1;
            line.len = 0;
            bt_buf_add(&line, p, n);
            site_text(b, line.data);
            bt_buf_puts(b, "\n");
        }
        p += n + (p[n] == '\n');
    }
    if (in_text)
        bt_buf_puts(b, "</pre>\n");
    bt_buf_release(&line);
    site_foot(b);
}
