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

static const char style[] =
    "body{font-family:\"Noto Sans CJK SC\",\"Noto Sans CJK TC\",sans-serif;"
    "margin:1.5em auto;max-width:72em;padding:0 1em;color:#222;line-height:1.45}\n"
    "nav{display:flex;flex-wrap:wrap;gap:1em;font-size:90%;margin-bottom:1em}\n"
    "table{border-collapse:collapse;margin:.5em 0 1.5em}\n"
    "td,th{border:1px solid #ccc;padding:3px 8px;text-align:left;vertical-align:top}\n"
    "th{background:#f2f2f2}td.num,th.num{text-align:right;font-variant-numeric:tabular-nums}\n"
    ".status{font-weight:bold;white-space:nowrap;color:#000}\n"
    ".status a{color:inherit}\n"
    ".note{font-size:85%;color:#555}\n"
    "figure{margin:0 0 1.5em}figure object,figure img{max-width:100%;height:auto}\n"
    "a:focus{outline:3px solid #ff7f0e;outline-offset:2px}\n"
    ".data{max-height:40em;overflow:auto;display:inline-block}\n"
    ".data th,.data td:first-child{white-space:nowrap}\n"
    "pre.md{white-space:pre-wrap;font-family:inherit}\n";

void site_head(struct bt_buf *b, const struct site *s, const char *base,
               enum bt_lang l, const char *title)
{
    bt_buf_addf(b, "<!DOCTYPE html>\n<html lang=\"%s\">\n<head>\n"
                   "<meta charset=\"utf-8\">\n<meta name=\"viewport\" "
                   "content=\"width=device-width\">\n<title>",
                bt_lang_code(l));
    site_text(b, title);
    bt_buf_puts(b, "</title>\n");
    for (int k = 0; k < 3; k++) {
        bt_buf_addf(b, "<link rel=\"alternate\" hreflang=\"%s\" href=\"",
                    bt_lang_code((enum bt_lang)k));
        site_page(b, s, base, (enum bt_lang)k);
        bt_buf_puts(b, "\">\n");
    }
    bt_buf_addf(b, "<style>\n%s</style>\n</head>\n<body>\n<nav aria-label=\"%s\">"
                   "<a href=\"",
                style, bt_word(BT_W_LANGUAGES, l));
    site_page(b, s, "index", l);
    bt_buf_addf(b, "\">%s</a><a href=\"", bt_word(BT_W_ALL_INDICATORS, l));
    site_page(b, s, "methodology", l);
    bt_buf_addf(b, "\">%s</a>", bt_word(BT_W_METHODOLOGY, l));
    for (int k = 0; k < 3; k++) {
        if (k == (int)l)
            continue;
        bt_buf_puts(b, "<a href=\"");
        site_page(b, s, base, (enum bt_lang)k);
        bt_buf_addf(b, "\" hreflang=\"%s\" lang=\"%s\">%s</a>",
                    bt_lang_code((enum bt_lang)k), bt_lang_code((enum bt_lang)k),
                    lang_names[k]);
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

const enum bt_word site_columns[SITE_NCOLUMNS] = {
    BT_W_INDICATOR, BT_W_UNIT,    BT_W_LATEST, BT_W_TARGET,
    BT_W_PROGRESS,  BT_W_ELAPSED, BT_W_STATUS, BT_W_PROJECTED};

void site_cells(const struct bt_assessment *a, struct site_cells *c)
{
    const struct bt_progress *p = &a->progress;
    char date[11], num[BT_NUMFMT_MAX];
    memset(c, 0, sizeof *c);
    if (p->has_last) { /* the last single observation, as status says */
        bt_period_format(p->last_date, a->ind->freq, date);
        bt_num_grouped(bt_num_rounded(p->last_value), num);
        snprintf(c->latest, sizeof c->latest, "%s: %s", date, num);
    }
    bt_stale_label(&a->currency, BT_LANG_EN, c->stale[BT_LANG_EN], sizeof c->stale[0]);
    bt_stale_label(&a->currency, BT_LANG_ZH_HANS, c->stale[BT_LANG_ZH_HANS],
                   sizeof c->stale[0]);
    bt_stale_label(&a->currency, BT_LANG_ZH_HANT, c->stale[BT_LANG_ZH_HANT],
                   sizeof c->stale[0]);
    if (p->has_target) {
        bt_period_format(p->target_date, a->ind->freq, date);
        bt_num_grouped(bt_num_rounded(p->target_value), num);
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
