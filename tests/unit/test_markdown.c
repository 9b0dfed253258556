/* Unit tests: markdown.c, the Markdown subset of docs/ as HTML */
#include <string.h>

#include "check.h"
#include "site/markdown.h"

static void test_blocks(void)
{
    static const struct {
        const char *in, *out;
    } cases[] = {
        {"# How it works\n", "<h1 id=\"how-it-works\">How it works</h1>\n"},
        {"## Roll-up score\n", "<h2 id=\"roll-up-score\">Roll-up score</h2>\n"},
        {"#not a heading", "<p>#not a heading</p>\n"},
        /* a paragraph's lines join; inline code, strong, emphasis, links */
        {"a `x < 1` and\n**b** *c* [d](e.html)\n\nnext",
         "<p>a <code>x &lt; 1</code> and\n<strong>b</strong> <em>c</em> "
         "<a href=\"e.html\">d</a></p>\n<p>next</p>\n"},
        /* a lone star, a star in code and x_b stay text */
        {"2 * 3 `*` x_b", "<p>2 * 3 <code>*</code> x_b</p>\n"},
        {"<script>&\"", "<p>&lt;script&gt;&amp;&quot;</p>\n"},
        /* a tight list with continued items */
        {"* **one** (b):\n  more\n* two\n",
         "<ul>\n<li><strong>one</strong> (b):\nmore</li>\n<li>two</li>\n</ul>\n"},
        {"1. first\n   more\n2. second\n",
         "<ol>\n<li>first\nmore</li>\n<li>second</li>\n</ol>\n"},
        /* a loose item holding code */
        {"* growth:\n\n      r = CR / CR*\n\n* linear\n",
         "<ul>\n<li><p>growth:</p>\n<pre tabindex=\"0\"><code>r = CR / CR*\n"
         "</code></pre>\n</li>\n<li>linear</li>\n</ul>\n"},
        /* a code block keeps its lines, blank ones inside too */
        {"text\n\n    a = 1\n\n      b < 2\n\nafter",
         "<p>text</p>\n<pre tabindex=\"0\"><code>a = 1\n\n  b &lt; 2\n</code></pre>\n"
         "<p>after</p>\n"},
        /* a table with its alignment */
        {"| year | sum |\n| --- | ---: |\n| 2022 | 5,262 |\nafter",
         "<div class=\"wide\"><table>\n<tr><th scope=\"col\">year</th>"
         "<th scope=\"col\" class=\"num\">sum</th></tr>\n<tr><td>2022</td>"
         "<td class=\"num\">5,262</td></tr>\n</table></div>\n<p>after</p>\n"},
        /* Chinese in English text is marked */
        {"published: 約530萬 people", "<p>published: <span lang=\"zh\">約530萬</span> people</p>\n"},
        {"", ""},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        struct bt_buf out = {0};
        bt_markdown_html(&out, cases[i].in, strlen(cases[i].in));
        bt_buf_add(&out, "", 1);
        CHECK_STR(out.data, cases[i].out);
        bt_buf_release(&out);
    }
}

int main(void)
{
    test_blocks();
    return CHECK_DONE();
}
