"""Checks a report site as a reader's browser would meet it, from disk.

usage: sitecheck.py DIR DEFAULT_LANG
Every page: <html lang> matches its file name; links to itself in the
three languages (hreflang); every href, src and data resolves to a file
(and its #fragment to an id there); nothing refers to a network; every
image and chart object has a text alternative; every table has header
cells; no page weighs more than MAX_PAGE with the pictures it shows (the
larger of each <picture>'s sources); every passage in another script than
its element's lang is in an element that says so (Han text on an English
page, a Latin phrase of three words on a Chinese one; code aside). Prints
each problem; exits 1 if any."""
import html.parser
import os
import re
import sys
import urllib.parse

LANGS = ("en", "zh-Hans", "zh-Hant")
MAX_PAGE = 600 * 1024
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta",
        "source", "track", "wbr"}
HAN = re.compile(r"[\u3400-\u9fff]")
LATIN = re.compile(r"[A-Za-z]{2,}[^A-Za-z]+[A-Za-z]{2,}[^A-Za-z]+[A-Za-z]{2,}")


class Page(html.parser.HTMLParser):
    def __init__(self):
        super().__init__()
        self.lang, self.refs, self.ids, self.alternates = None, [], set(), {}
        self.problems, self.tables, self.ths = [], 0, 0
        self.stack, self.shown = [], []  # (tag, lang); [[src, ...] per picture]

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag not in VOID:
            lang = a.get("lang", self.stack[-1][1] if self.stack else None)
            self.stack.append((tag, lang))
        if tag == "picture":
            self.shown.append([])
        if tag in ("img", "source"):
            srcs = [a["src"]] if "src" in a else []
            srcs += [c.split()[0] for c in a.get("srcset", "").split(",") if c.strip()]
            if self.stack and any(t == "picture" for t, _ in self.stack) and self.shown:
                self.shown[-1] += srcs
            elif srcs:
                self.shown.append(srcs)
        if "id" in a:
            self.ids.add(a["id"])
        if tag == "html":
            self.lang = a.get("lang")
        if tag == "link" and a.get("rel") == "alternate":
            self.alternates[a.get("hreflang")] = a.get("href")
        for k in ("href", "src", "data"):
            if k in a:
                self.refs.append(a[k])
        if "srcset" in a:
            self.refs += [c.split()[0] for c in a["srcset"].split(",") if c.strip()]
        if tag == "img" and not a.get("alt"):
            self.problems.append("an <img> without alt: %s" % a.get("src"))
        if tag == "object" and not a.get("aria-label"):
            self.problems.append("an <object> without aria-label: %s" % a.get("data"))
        self.tables += tag == "table"
        self.ths += tag == "th"

    def handle_endtag(self, tag):
        while self.stack:
            if self.stack.pop()[0] == tag:
                break

    def handle_data(self, data):
        if not self.stack or any(t in ("style", "script", "code", "pre", "title")
                                 for t, _ in self.stack):
            return
        lang = self.stack[-1][1] or ""
        if lang.startswith("en") and HAN.search(data):
            self.problems.append("Chinese inside lang=%s: %r" % (lang, data.strip()[:50]))
        if lang.startswith("zh") and not HAN.search(data) and LATIN.search(data):
            self.problems.append("English inside lang=%s: %r" % (lang, data.strip()[:50]))


def lang_of(name, default):
    m = re.match(r".*\.(en|zh-Hans|zh-Hant)\.html$", name)
    return m.group(1) if m else default


def main(root, default):
    pages, problems = {}, []
    for name in sorted(os.listdir(root)):
        if name.endswith(".html"):
            p = Page()
            with open(os.path.join(root, name), encoding="utf-8") as f:
                text = f.read()
            p.feed(text)
            pages[name] = p
            if re.search(r"(src|srcset|href|data)=\"(https?:)?//", text):
                problems.append("%s refers to a network" % name)
    for name, p in pages.items():
        weight = os.path.getsize(os.path.join(root, name))
        for srcs in p.shown:
            sizes = [os.path.getsize(os.path.join(root, urllib.parse.unquote(x)))
                     for x in srcs if os.path.isfile(os.path.join(root, urllib.parse.unquote(x)))]
            weight += max(sizes, default=0)
        if weight > MAX_PAGE:
            problems.append("%s: %d KB with its pictures (at most %d)"
                            % (name, weight // 1024, MAX_PAGE // 1024))
        want = lang_of(name, default)
        if p.lang != want:
            problems.append("%s: <html lang=%s>, want %s" % (name, p.lang, want))
        if sorted(p.alternates) != sorted(LANGS):
            problems.append("%s: hreflang links %s" % (name, sorted(p.alternates)))
        for lang, href in p.alternates.items():
            if lang_of(href, default) != lang:
                problems.append("%s: hreflang %s links %s" % (name, lang, href))
        if p.tables and p.ths < 2:
            problems.append("%s: tables without header cells" % name)
        problems += ["%s: %s" % (name, x) for x in p.problems]
        for ref in p.refs:
            path, _, frag = ref.partition("#")
            path = urllib.parse.unquote(path) if path else name
            if not os.path.isfile(os.path.join(root, path)):
                problems.append("%s: %s does not resolve" % (name, ref))
            elif frag and path.endswith(".html") and frag not in pages[path].ids:
                problems.append("%s: %s has no id %s" % (name, path, frag))
    for x in problems:
        print(x)
    print("%d pages, %d links" % (len(pages), sum(len(p.refs) for p in pages.values())),
          file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2]))
