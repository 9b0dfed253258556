/* site_methodology.c - docs/methodology.md as a page of the site, in
 * HTML (markdown.h): each heading with an id. It is written in English:
 * a Chinese page says so in Chinese and holds it as lang="en" (see
 * site.h). */
#include <string.h>

#include "i18n.h"
#include "markdown.h"
#include "site.h"

void site_methodology(struct bt_buf *b, const struct site *s, enum bt_lang l)
{
    site_head(b, s, "methodology", l, bt_word(BT_W_METHODOLOGY, l));
    if (l != BT_LANG_EN)
        bt_buf_addf(b, "<p class=\"note\">%s</p>\n<div lang=\"en\">\n",
                    bt_word(BT_W_UNTRANSLATED, l));
    bt_markdown_html(b, bt_methodology_md, strlen(bt_methodology_md));
    if (l != BT_LANG_EN)
        bt_buf_puts(b, "</div>\n");
    site_foot(b);
}
