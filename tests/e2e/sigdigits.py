"""sigdigits.py DIR [FILE...]: no number a person reads carries more
significant digits than the rule allows (numfmt.h, bt_num_rounded): at
most six, never fewer than the integer digits, so a number with a
fractional part has at most six, and one in e-notation (1.23457e+29) at most
six in its mantissa. Reads every .html and .md page of the
site DIR but the methodology (text only: tags, attributes and scripts left out) and each FILE
(plain text, e.g. the output of status); prints each offender as
FILE: NUMBER and exits 1 if there is one."""
import html.parser
import pathlib
import re
import sys

NUMBER = re.compile(r"(?<![\w.])-?\d[\d,]*(\.\d+)?([eE][+-]?\d+)?(?![\w.])")


class Text(html.parser.HTMLParser):
    def __init__(self):
        super().__init__()
        self.parts, self.skip = [], 0

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style"):
            self.skip += 1

    def handle_endtag(self, tag):
        if tag in ("script", "style"):
            self.skip -= 1

    def handle_data(self, data):
        if not self.skip:
            self.parts.append(data)


def offenders(text):
    for m in NUMBER.finditer(text):
        if not m.group(1) and not m.group(2):
            continue  # an integer: all its digits are allowed
        mantissa = m.group()[: m.start(2) - m.start()] if m.group(2) else m.group()
        digits = mantissa.replace(",", "").replace("-", "").replace(".", "")
        if len(digits.lstrip("0")) > 6:
            yield m.group()


def main():
    bad = 0
    site = pathlib.Path(sys.argv[1])
    # the methodology quotes the rule's own examples, unrounded on purpose
    files = [f for f in sorted(site.glob("*.html")) + sorted(site.glob("*.md"))
             if not f.name.startswith("methodology")]
    for path in files + [pathlib.Path(f) for f in sys.argv[2:]]:
        text = path.read_text(encoding="utf-8")
        if path.suffix == ".html":
            p = Text()
            p.feed(text)
            text = " ".join(p.parts)
        for n in offenders(text):
            print(f"{path}: {n}")
            bad += 1
    if not files:
        print(f"{site}: no pages")
        bad += 1
    return 1 if bad else 0


sys.exit(main())
