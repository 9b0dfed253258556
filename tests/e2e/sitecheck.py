"""Checks a report site as a reader's browser would meet it, from disk.

usage: sitecheck.py DIR DEFAULT_LANG
Every page: <html lang> matches its file name; links to itself in the
three languages (hreflang); every href, src and data resolves to a file
(and its #fragment to an id there); nothing refers to a network; every
image and chart object has a text alternative; every table has header
cells. Prints each problem; exits 1 if any."""
import html.parser
import os
import re
import sys
import urllib.parse

LANGS = ("en", "zh-Hans", "zh-Hant")


class Page(html.parser.HTMLParser):
    def __init__(self):
        super().__init__()
        self.lang, self.refs, self.ids, self.alternates = None, [], set(), {}
        self.problems, self.tables, self.ths = [], 0, 0

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
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
