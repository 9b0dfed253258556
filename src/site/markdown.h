/* markdown.h - the Markdown subset docs/ is written in, as HTML.
 *
 * Blocks: headings (# to ######, each with an id: its ASCII letters and
 * digits lowercased, every other run of characters one '-'), paragraphs
 * (lines joined), lists ("* ", "- " or "N. " items, continued by indented
 * lines, holding paragraphs and code), code blocks (indented 4 spaces past
 * their container; <pre tabindex=0>, which scrolls by keyboard too) and
 * tables ("| a | b |" over "| --- | ---: |"; in a <div class="wide">).
 * Inline: `code`, **strong**, *emphasis*, [text](url). Everything else is
 * text, escaped; nothing in the input becomes markup of its own.
 */
#ifndef BT_MARKDOWN_H
#define BT_MARKDOWN_H

#include <stddef.h>

#include "base/buf.h"

/* Appends md[0..len) as HTML to out. */
void bt_markdown_html(struct bt_buf *out, const char *md, size_t len);

#endif
