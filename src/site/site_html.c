/* site_html.c - what every page of the site shares (see site.h). */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "assess/assessed.h"
#include "chart_gnuplot.h"
#include "i18n.h"
#include "numfmt.h"
#include "site.h"

void site_text(struct bt_buf *b, const char *s)
{
    for (; *s; s++) {
        switch (*s) {
        case '&': bt_buf_puts(b, "&amp;"); break;
        case '<': bt_buf_puts(b, "&lt;"); break;
        case '>': bt_buf_puts(b, "&gt;"); break;
        case '"': bt_buf_puts(b, "&quot;"); break;
        case '\'': bt_buf_puts(b, "&#39;"); break;
        default: bt_buf_add(b, s, 1);
        }
    }
}

void site_href(struct bt_buf *b, const char *s)
{
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
            (*p >= '0' && *p <= '9') || strchr("._~/-", *p))
            bt_buf_add(b, p, 1);
        else
            bt_buf_addf(b, "%%%02X", *p);
    }
}

void site_file(struct bt_buf *b, const struct site *s, const char *base,
               enum bt_lang l, const char *ext)
{
    site_href(b, base);
    if (l != s->o->lang)
        bt_buf_addf(b, ".%s", bt_lang_code(l));
    bt_buf_puts(b, ext);
}

void site_page(struct bt_buf *b, const struct site *s, const char *base,
               enum bt_lang l)
{
    site_file(b, s, base, l, ".html");
}

static const char *const lang_names[] = {"English", "简体中文", "繁體中文"};

/* The one style sheet. A page never scrolls sideways: tables scroll in
 * their .wide container (the row headers stay in sight), pictures and
 * long words are kept to the width (a key-value table, .prose, wraps
 * its long sources and addresses instead of scrolling). Chinese column headers break between
 * words, not between every character. The focus ring (#1a4f9c) is 8:1
 * on white and 3:1 or more on every status colour's tint. */
static const char style[] =
    "body{font-family:\"Noto Sans CJK SC\",\"Noto Sans CJK TC\",sans-serif;"
    "margin:1.5em auto;max-width:72em;padding:0 1em;color:#222;line-height:1.45;"
    "overflow-wrap:break-word}\n"
    "h1{font-size:1.7em;line-height:1.25}\n"
    "nav{display:flex;flex-wrap:wrap;gap:.4em 1em;font-size:90%;margin-bottom:1em}\n"
    "table{border-collapse:collapse}\n"
    ".wide{overflow-x:auto;max-width:100%;margin:.5em 0 1.5em}\n"
    "td,th{border:1px solid #ccc;padding:3px 8px;text-align:left;vertical-align:top}\n"
    "th{background:#f2f2f2}td.num,th.num{text-align:right;font-variant-numeric:tabular-nums}\n"
    ".wide th[scope=row]{position:sticky;left:0;z-index:1;min-width:8em}\n"
    ":lang(zh) th[scope=col]{word-break:keep-all}\n"
    ".status{font-weight:bold;white-space:nowrap;color:#000}\n"
    ".status a{color:inherit}\n"
    ".note{font-size:85%;color:#555}\n"
    "figure{margin:0 0 1.5em}img,picture,svg{max-width:100%;height:auto}\n"
    "figure a{display:inline-block;max-width:100%}\n"
    "li a,.prose td{overflow-wrap:anywhere}\n"
    ":focus-visible{outline:3px solid #1a4f9c;outline-offset:2px}\n"
    ".data{max-height:40em;overflow:auto}\n"
    ".data th,.data td:first-child{white-space:nowrap}\n"
    "pre{overflow-x:auto;background:#f6f6f6;padding:.5em .75em;line-height:1.35}\n"
    "code{font-family:\"Noto Sans Mono CJK SC\",monospace;font-size:95%}\n"
    "@media (max-width:30em){body{margin-top:.75em}td,th{padding:3px 5px}}\n";

void site_table_open(struct bt_buf *b, const char *label, const char *cls)
{
    bt_buf_addf(b, "<div class=\"wide%s%s\" role=\"region\" tabindex=\"0\" "
                   "aria-label=\"", cls ? " " : "", cls ? cls : "");
    site_text(b, label);
    bt_buf_puts(b, "\"><table>\n");
}

void site_table_close(struct bt_buf *b)
{
    bt_buf_puts(b, "</table></div>\n");
}

void site_table_head(struct bt_buf *b, const struct site_col *cols, size_t n,
                     enum bt_lang l)
{
    bt_buf_puts(b, "<tr>");
    for (size_t k = 0; k < n; k++) {
        bt_buf_addf(b, "<th scope=\"col\"%s>", cols[k].num ? " class=\"num\"" : "");
        site_text_in(b, cols[k].head, l);
        bt_buf_puts(b, "</th>");
    }
    bt_buf_puts(b, "</tr>\n");
}

void site_figure(struct bt_buf *b, const struct site_figure *f)
{
    bt_buf_addf(b, "<figure>\n<a href=\"%s\"><picture><source media=\"(max-width:"
                   " %dpx)\" srcset=\"%s\" width=\"%d\" height=\"%d\">"
                   "<img src=\"%s\" width=\"%d\" height=\"%d\" alt=\"",
                f->wide, f->ww + 31, f->narrow, f->nw, f->nh, f->wide, f->ww,
                f->wh);
    site_text(b, f->alt);
    bt_buf_addf(b, "\" aria-describedby=\"%s\"></picture></a>\n"
                   "<figcaption class=\"note\" id=\"%s\">", f->cap_id, f->cap_id);
    site_text_in(b, f->caption, f->lang);
    bt_buf_puts(b, "</figcaption>\n</figure>\n");
}

void site_chart_file(struct bt_buf *b, const char *id, const char *kind,
                     enum bt_lang l)
{
    bt_buf_puts(b, "charts/");
    site_href(b, id);
    bt_buf_addf(b, ".%s%s.svg", kind, bt_lang_code(l));
}

/* The length of the UTF-8 character at p, and whether it is Han or CJK
 * punctuation (U+2E80 to U+9FFF, U+F900 to U+FAFF, U+FF00 to U+FFEF). */
static size_t cjk_char(const unsigned char *p, int *han)
{
    size_t n = 1;
    while ((p[n] & 0xc0) == 0x80)
        n++;
    unsigned cp = 0;
    if (n == 3 && (p[0] & 0xf0) == 0xe0)
        cp = (p[0] & 0x0fu) << 12 | (p[1] & 0x3fu) << 6 | (p[2] & 0x3fu);
    *han = (cp >= 0x2e80 && cp <= 0x9fff) || (cp >= 0xf900 && cp <= 0xfaff) ||
           (cp >= 0xff00 && cp <= 0xffef);
    return n;
}

/* Whether s has no Han character and two words of Latin letters. */
static int latin_text(const char *s)
{
    int words = 0, letters = 0;
    for (const unsigned char *p = (const unsigned char *)s; *p;) {
        int han;
        size_t n = cjk_char(p, &han);
        if (han)
            return 0;
        if ((*p | 0x20) >= 'a' && (*p | 0x20) <= 'z') {
            letters++;
        } else {
            words += letters >= 2;
            letters = 0;
        }
        p += n;
    }
    return words + (letters >= 2) >= 2;
}

void site_text_in(struct bt_buf *b, const char *s, enum bt_lang l)
{
    if (l != BT_LANG_EN) {
        int en = latin_text(s);
        if (en)
            bt_buf_puts(b, "<span lang=\"en\">");
        site_text(b, s);
        if (en)
            bt_buf_puts(b, "</span>");
        return;
    }
    /* each run of Han text (with the spaces inside it) a span of its own */
    struct bt_buf run = {0};
    for (const unsigned char *p = (const unsigned char *)s; *p;) {
        int han;
        size_t n = cjk_char(p, &han);
        if (!han) {
            bt_buf_add(&run, p, n);
            p += n;
            continue;
        }
        bt_buf_add(&run, "", 1);
        site_text(b, run.data);
        run.len = 0;
        bt_buf_puts(b, "<span lang=\"zh\">");
        for (;;) {
            bt_buf_add(&run, p, n);
            p += n;
            const unsigned char *q = p;
            while (*q == ' ')
                q++;
            if (!*q)
                break;
            n = cjk_char(q, &han);
            if (!han)
                break;
            bt_buf_add(&run, p, (size_t)(q - p));
            p = q;
        }
        bt_buf_add(&run, "", 1);
        site_text(b, run.data);
        run.len = 0;
        bt_buf_puts(b, "</span>");
    }
    bt_buf_add(&run, "", 1);
    site_text(b, run.data);
    bt_buf_release(&run);
}

void site_head(struct bt_buf *b, const struct site *s, const char *base,
               enum bt_lang l, const char *title)
{
    bt_buf_addf(b, "<!DOCTYPE html>\n<html lang=\"%s\">\n<head>\n"
                   "<meta charset=\"utf-8\">\n<meta name=\"viewport\" "
                   "content=\"width=device-width\">\n<title>",
                bt_lang_code(l));
    site_text(b, title);
    bt_buf_puts(b, "</title>\n");
    for (size_t li = 0; li < s->cat->nlangs; li++) {
        enum bt_lang k = s->cat->langs[li];
        bt_buf_addf(b, "<link rel=\"alternate\" hreflang=\"%s\" href=\"",
                    bt_lang_code(k));
        site_page(b, s, base, k);
        bt_buf_puts(b, "\">\n");
    }
    bt_buf_addf(b, "<style>\n%s</style>\n</head>\n<body>\n<nav aria-label=\"%s\">"
                   "<a href=\"",
                style, bt_word(BT_W_LANGUAGES, l));
    site_page(b, s, "index", l);
    bt_buf_addf(b, "\">%s</a><a href=\"", bt_word(BT_W_ALL_INDICATORS, l));
    site_page(b, s, "methodology", l);
    bt_buf_addf(b, "\">%s</a>", bt_word(BT_W_METHODOLOGY, l));
    for (size_t li = 0; li < s->cat->nlangs; li++) { /* the site's others */
        enum bt_lang k = s->cat->langs[li];
        if (k == l)
            continue;
        bt_buf_puts(b, "<a href=\"");
        site_page(b, s, base, k);
        bt_buf_addf(b, "\" hreflang=\"%s\" lang=\"%s\">%s</a>",
                    bt_lang_code(k), bt_lang_code(k), lang_names[k]);
    }
    bt_buf_puts(b, "</nav>\n<main>\n");
}

void site_foot(struct bt_buf *b)
{
    bt_buf_puts(b, "</main>\n</body>\n</html>\n");
}

void site_status(struct bt_buf *b, const struct site *s, enum bt_status st,
                 enum bt_lang l)
{
    bt_buf_addf(b, "<span class=\"status\" style=\"background:%s33;"
                   "border-left:6px solid %s;padding:0 4px\"><a href=\"",
                bt_status_color(st), bt_status_color(st));
    site_page(b, s, "methodology", l);
    bt_buf_addf(b, "#status\">%s %s</a></span>", bt_status_symbol(st),
                bt_status_label(st, l));
}

const char *site_title(const struct site *s, enum bt_site_text k,
                       enum bt_lang l)
{
    if (s->cat && s->cat->site[k][l])
        return s->cat->site[k][l];
    return k == BT_SITE_TITLE ? bt_word(BT_W_REPORT_TITLE, l) : NULL;
}

void site_num(struct bt_buf *b, double v)
{
    char num[BT_NUMFMT_MAX];
    bt_num_grouped(bt_num_rounded(v), num);
    bt_buf_puts(b, num);
}

void site_shown(struct bt_buf *b, const struct bt_indicator *ind,
                enum bt_lang l, double v)
{
    site_num(b, bt_shown_value(ind, l, v));
}

const enum bt_word site_columns[SITE_NCOLUMNS] = {
    BT_W_INDICATOR, BT_W_UNIT,    BT_W_LATEST, BT_W_TARGET,
    BT_W_PROGRESS,  BT_W_ELAPSED, BT_W_STATUS, BT_W_PROJECTED};

void site_cells(const struct bt_assessment *a, enum bt_lang l,
                struct site_cells *c)
{
    const struct bt_progress *p = &a->progress;
    char date[11], num[BT_NUMFMT_MAX];
    memset(c, 0, sizeof *c);
    if (p->has_last) { /* the last single observation, as status says */
        bt_period_format(p->last_date, a->ind->freq, date);
        bt_num_grouped(bt_num_rounded(bt_shown_value(a->ind, l, p->last_value)), num);
        snprintf(c->latest, sizeof c->latest, "%s: %s", date, num);
    }
    bt_stale_label(&a->currency, BT_LANG_EN, c->stale[BT_LANG_EN], sizeof c->stale[0]);
    bt_stale_label(&a->currency, BT_LANG_ZH_HANS, c->stale[BT_LANG_ZH_HANS],
                   sizeof c->stale[0]);
    bt_stale_label(&a->currency, BT_LANG_ZH_HANT, c->stale[BT_LANG_ZH_HANT],
                   sizeof c->stale[0]);
    if (p->has_target) {
        bt_period_format(p->target_date, a->ind->freq, date);
        bt_num_grouped(bt_num_rounded(bt_shown_value(a->ind, l, p->target_value)),
                       num);
        snprintf(c->target, sizeof c->target, "%s: %s%s", date, num,
                 p->target->illustrative ? "*" : "");
    }
    if (!isnan(p->progress))
        snprintf(c->progress, sizeof c->progress, "%.0f%%", p->progress * 100);
    if (!isnan(p->elapsed))
        snprintf(c->elapsed, sizeof c->elapsed, "%.0f%%", p->elapsed * 100);
    if (p->has_projection)
        bt_date_format(p->projected_date, c->projected);
}
