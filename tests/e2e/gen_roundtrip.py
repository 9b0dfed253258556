#!/usr/bin/env python3
"""gen_roundtrip.py - the round-trip property test (issue 18): whatever
`load` accepts, `export --all --annotated` gives back and a reload keeps.

Synthetic data only. Each seed makes one long-layout file for the
indicators of tests/roundtrip/indicators: indicator, date, value, random
dimension columns (ASCII headers in any spelling, UTF-8 values with Chinese,
quotes, commas, '%', '/', '+', '=', a leading '.', up to BT_DIM_MAX bytes),
optional flag, note, source, outlet, published, url, quote and unit columns,
values from the whole double range up to 1e300 in every form load reads,
and dates in every form docs/mapping.md lists. One file in four carries one
deliberate fault (a reserved dimension name, a control character, a
conflicting duplicate...), which load must refuse with its message, writing
nothing. For every other file:

  1. load it into an empty database: exit 0, the summary counts as expected;
  2. export --all --annotated each indicator: every series, day, flag, note
     and source as generated, every value the very double of its text;
  3. load those exports into a second empty database, export again: the
     same bytes.

Known classes the test counts and lets pass (KNOWN below): librrd does
not store every double exactly, so a value may come back a few ulps away
(MAX_ULPS), and a reload may move it again. A file with a series whose
file name would be longer than NAME_MAX is refused at that row.

usage: gen_roundtrip.py WORKDIR          run the test (BAYTRACK: the program;
                                         ROUNDTRIP_SEEDS, ROUNDTRIP_FIRST)
       gen_roundtrip.py --write SEED FILE  write one seed's file, to look at
"""
import calendar
import csv
import datetime
import os
import random
import re
import shutil
import struct
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
CATALOGUE = os.path.join(HERE, "..", "roundtrip", "indicators")

BT_DIM_MAX = 200        # src/model/series.h: bytes in a dimension value
BT_DIMS_MAX = 16        # dimensions filled in one row
NAME_MAX = 255          # a file name, in bytes
# KNOWN: librrd does not store every double exactly (docs/storage.md, "How
# exact": up to 4 ulps, for 15 to 17 significant digits). Seen here: one
# value in five moves, whatever its digits (-54925.19733628 by 1 ulp), and
# the more so the further its exponent is from 0: up to 10 ulps beyond
# +-200 in 3,000 files (-7.86e+291 comes back as -7.860000000000005e+291).
# Reported; store_rrd.c is not this test's to fix. Up to MAX_ULPS (the
# neighbours store_rrd.c tries) is counted, not failed; DOC_ULPS is what
# docs/storage.md says.
MAX_ULPS = 32  # 25 seen near 1e-307, where librrd's kept values are sparser
DOC_ULPS = 4
RESERVED = ["indicator", "date", "value", "unit", "flag", "note", "source",
            "outlet", "published", "url", "quote"]  # series.h bt_columns
MISSING = ["", "-", "--", "\u2014", "\u2026", "...", "N/A", "n/a", "NA",
           "n.a."]
EPOCH = datetime.date(1970, 1, 1)
MONTHS = [calendar.month_name[m] for m in range(13)]
CN_NUM = "零一二三四"

CHINESE = "深圳前海澳门香港广州珠海东莞中山江门惠州肇庆佛山口岸旅客人次万亿年月日"
PUNCT = " .,;:'\"%/+=-_()[]&#@!?*<>$`\\|~^{}"
EXOTIC = ["\u00a0", "\u3000", "\u201c", "\u201d", "\u3001", "\uff0c",
          "\u3002", "\U0001F600", "\u00e9", "\u0301", "\ufeff"]


# ---- what baytrack does, modelled -------------------------------------

def dim_name(header):
    """bt_dim_name: (name, None) or (None, why)."""
    out, gap = "", False
    for b in header.encode():
        if b >= 0x80:
            return None, "must be ASCII"
        c = chr(b)
        if c.isascii() and c.isalnum():
            if gap and out:
                out += "_"
            gap = False
            out += c.lower()
        else:
            gap = True
        if len(out) >= 60:
            return None, "is too long"
    return (out, None) if out else (None, "is empty")


def escaped_len(s, leading=False):
    """Bytes of s in a series file name (series.c add_escaped)."""
    n = 0
    for i, b in enumerate(s.encode()):
        esc = b < 0x20 or b == 0x7f or chr(b) in "/%=+" or \
            (leading and i == 0 and chr(b) == ".")
        n += 3 if esc else 1
    return n


def stem_len(dims):
    """Bytes of the series file name without '.rrd' (bt_series_file)."""
    if not dims:
        return 1
    items = sorted(dims.items())
    return sum(escaped_len(k, i == 0) + 1 + escaped_len(v)
               for i, (k, v) in enumerate(items)) + len(items) - 1


def day_of(y, m, d):
    return (datetime.date(y, m, d) - EPOCH).days


def civil(day):
    return EPOCH + datetime.timedelta(days=day)


def last_of_month(y, m):
    return calendar.monthrange(y, m)[1]


def export_day(text):
    """A date as export writes it (bt_period_format) to its day."""
    m = re.fullmatch(r"(\d{4})(?:Q(\d)|-(\d\d)(?:-(\d\d))?)?", text)
    if not m:
        raise ValueError("export date '%s'" % text)
    y, q, mo, d = m.group(1, 2, 3, 4)
    y = int(y)
    if q:
        return day_of(y, 3 * int(q), last_of_month(y, 3 * int(q)))
    if not mo:
        return day_of(y, 12, 31)
    mo = int(mo)
    return day_of(y, mo, int(d) if d else last_of_month(y, mo))


def read_csv(text):
    """Records as baytrack reads them (csv_read.c): fields of unquoted
    cells trimmed of spaces and tabs, blank lines skipped."""
    records, i, n = [], 0, len(text)
    while i < n:
        if text[i] == "\n" or text.startswith("\r\n", i):
            i += 1 if text[i] == "\n" else 2
            continue
        fields = []
        while True:
            j = i
            while j < n and text[j] in " \t":
                j += 1
            if j < n and text[j] == '"':
                i, buf = j + 1, []
                while True:
                    k = text.index('"', i)
                    buf.append(text[i:k])
                    if text.startswith('""', k):
                        buf.append('"')
                        i = k + 2
                    else:
                        i = k + 1
                        break
                field = "".join(buf)
                while i < n and text[i] in " \t":
                    i += 1
            else:
                k = i
                while k < n and text[k] not in ",\n":
                    k += 1
                field = text[i:k].rstrip("\r").strip(" \t")
                if '"' in field:
                    raise ValueError("a quote in an unquoted field")
                i = k
            fields.append(field)
            if i < n and text[i] == ",":
                i += 1
                continue
            if text.startswith("\r\n", i):
                i += 2
            elif i < n and text[i] == "\n":
                i += 1
            elif i < n:
                raise ValueError("text after a quoted field")
            break
        records.append(fields)
    return records


def ulps(a, b):
    """How many doubles apart a and b are."""
    def key(x):
        i = struct.unpack("<q", struct.pack("<d", x))[0]
        return i if i >= 0 else -(i & 0x7fffffffffffffff)
    return abs(key(a) - key(b))


# ---- random text ------------------------------------------------------

def rand_text(r, lo, hi, alphabet):
    return "".join(r.choice(alphabet) for _ in range(r.randint(lo, hi)))


def cut_bytes(s, n):
    """s cut to at most n bytes on a character boundary."""
    b = s.encode()[:n]
    return b.decode(errors="ignore")


def gen_dim_header(r):
    k = r.random()
    if k < 0.4:
        return r.choice(["city", "Control Point", "direction", "sex",
                         "Region / Area", "age_group", "2nd", "Type of abuse",
                         "SOURCE ID", "flags", "Notes", "unit_price",
                         "value2", "Dated", "quoted", "INDICATORS", "x"])
    if k < 0.9:
        return rand_text(r, 1, 12, "abcxyzABCXYZ019 _-./()%+=,\"'")
    return rand_text(r, 40, 70, "abcdefghijklmnopqrstuvwxyz_ ")


def gen_dim_value(r):
    alphabet = (["a", "b", "Z", "0", "9"] * 6 + list(PUNCT) +
                list(CHINESE) * 2 + EXOTIC)
    k = r.random()
    if k < 0.1:
        return r.choice([".hidden", ".", "..", "a/b", "100%", "a=b+c",
                         "Lok Ma Chau/Spur=Line+50%", ' "q" ', "深圳/前海",
                         ",", "_", "+", "%2F", "..%", "Macao Ferry Terminal"])
    if k < 0.9:
        s = rand_text(r, 1, 12, alphabet)
    elif k < 0.98:
        s = rand_text(r, 13, 60, alphabet)
    else:
        s = cut_bytes(rand_text(r, 70, 200, alphabet), BT_DIM_MAX)
        s += "x" * (BT_DIM_MAX - len(s.encode()))
    return cut_bytes(s, BT_DIM_MAX)


def gen_annotation(r, kind):
    """A flag, note or source cell's text ("" most often)."""
    if r.random() < 0.55:
        return ""
    if kind == "flag" and r.random() < 0.5:
        return r.choice(["#", "p", "r", ">", "e", "(p)", "*", "初步", "修订",
                         "Missing value; suppressed", "provisional, revised"])
    alphabet = (["a", "b", "Z", "0"] * 6 + list(PUNCT) + list(CHINESE) +
                EXOTIC + ["\t", "\n", "\r\n", "\x01", " "])
    s = rand_text(r, 1, 30 if kind == "flag" else 80, alphabet)
    if r.random() < 0.1:
        s = r.choice([" ", "\t"]) + s + r.choice([" ", "\t", ""])
    return s


def digits(r, n):
    return "".join(r.choice("0123456789") for _ in range(n))


def group3(s):
    """Thousands separators in the integer part of s."""
    head, dot, tail = s.partition(".")
    sign = head[:1] if head[:1] in "+-" else ""
    head = head[len(sign):]
    parts = []
    while len(head) > 3:
        parts.insert(0, head[-3:])
        head = head[:-3]
    return sign + ",".join([head] + parts) + dot + tail


def gen_value(r):
    """(text, kind): a value cell that load reads, within +-1e300."""
    while True:
        sign = r.choice(["", "", "-", "+"]) if r.random() < 0.4 else ""
        k = r.random()
        if k < 0.05:
            return r.choice(MISSING), "missing"
        if k < 0.2:
            t, kind = str(r.randint(0, 10 ** r.randint(1, 12))), "integer"
        elif k < 0.3:
            t, kind = str(r.randrange(2 ** 53, 10 ** r.randint(16, 22))), "big integer"
        elif k < 0.45:
            t = str(r.randint(1, 10 ** r.randint(1, 14)))
            p = r.randint(-3, len(t) - 1)
            t = "0." + "0" * -p + t if p <= 0 else t[:p] + "." + t[p:]
            kind = "short decimal"
        elif k < 0.6:
            t, kind = repr(r.uniform(0, 10 ** r.randint(-5, 15))), "17 digits"
        elif k < 0.7:
            t, kind = digits(r, r.randint(1, 6)) + "." + digits(r, r.randint(12, 40)), "many digits"
        elif k < 0.8:
            e = r.randint(100, 299)
            t = "%s.%s%s%s%d" % (r.randint(1, 9), digits(r, r.randint(0, 17)),
                                 r.choice("eE"), r.choice(["", "+"]), e)
            kind = "huge"
        elif k < 0.9:
            e = r.randint(290, 330)
            t = "%s.%se-%d" % (r.randint(1, 9), digits(r, r.randint(0, 17)), e)
            kind = "tiny" if e < 308 else "subnormal"
        else:
            t = r.choice(["0", "-0", "0.0", ".5", "5.", "007", "-.25e-3",
                          "1e0", "+0e+0", "4.9e-324", "2.2250738585072014e-308",
                          "1e300", "9007199254740993", "123456789012345678901234567890",
                          "0.1", "1e-330"])
            kind, sign = "odd", ""
        if r.random() < 0.1 and "e" not in t.lower():
            t, kind = group3(t), kind + ", separators"
        t = sign + t
        v = float(t.replace(",", ""))
        underflows = v == 0 and any(c in "123456789" for c in t.lower().split("e")[0])
        if len(t) < 64 and abs(v) <= 1e300 and not underflows:
            return t, kind


def date_forms(day, r):
    """The texts that name day as a period (its last day)."""
    d = civil(day)
    y, m = d.year, d.month
    forms = ["%04d-%02d-%02d" % (y, m, d.day), "%d/%d/%d" % (y, m, d.day),
             "%d年%d月%d日" % (y, m, d.day)]
    if d.day == last_of_month(y, m):
        forms = ["%04d-%02d" % (y, m), "%d/%d" % (y, m), "%d年%d月" % (y, m),
                 "%s-%d" % (MONTHS[m][:3], y), "%s %d" % (MONTHS[m][:3], y),
                 "%s %d" % (MONTHS[m], y)] + (["%d年1-%d月" % (y, m)] if m > 1
                                              else []) + forms
        if m % 3 == 0:
            q = m // 3
            forms = ["%dQ%d" % (y, q), "%d-Q%d" % (y, q), "Q%d %d" % (q, y),
                     "Q%d-%d" % (q, y), "%d年第%s季度" % (y, CN_NUM[q]),
                     "%d年%d季度" % (y, q)] + forms
        if m == 12:
            forms = ["%d" % y, "%d年" % y] + forms
    return forms


DAY_MAX = 47846  # 2100-12-31, the last day a series may hold (point.h)


def gen_days(r, freq, n, base):
    """n distinct days of one series, within the 50 years from base, from
    1970-01-02 (a series spans at most 60 years: BT_RRD_ROWS)."""
    days = set()
    consecutive = freq == "daily" and r.random() < 0.3
    start = day_of(base, 1, 2) + r.randint(0, 400)
    while len(days) < n:
        if consecutive:
            day = start + len(days)
        else:
            y = base + r.randint(0, 49)
            m = r.randint(1, 12)
            if freq == "yearly" and r.random() < 0.9:
                m = 12
            elif freq == "quarterly" and r.random() < 0.9:
                m = 3 * r.randint(1, 4)
            if freq == "daily" or r.random() < 0.1:
                d = r.randint(1, last_of_month(y, m))
            else:
                d = last_of_month(y, m)
            day = day_of(y, m, d)
        if 1 <= day <= DAY_MAX:
            days.add(day)
    return sorted(days)


# ---- one file -----------------------------------------------------------

FAULTS = {  # fault: what load says of it
    "reserved dimension": "would be named",
    "dimension name twice": "appears twice",
    "column twice": "appears twice",
    "non-ASCII header": "must be ASCII",
    "too long header": "is too long",
    "control character": "contains a control character",
    "too long value": "is too long",
    "too many dimensions": "dimensions filled in one row",
    "before 1970-01-02": "before 1970-01-02",
    "too long number": "number is too long",
    "conflicting duplicate": "conflicting duplicate",
    "wrong unit": "the unit of",
    "unknown indicator": "unknown indicator",
}


class Case:
    """One generated file and what load should make of it."""

    def __init__(self, seed, indicators):
        r = self.r = random.Random(seed)
        self.fault = r.choice(sorted(FAULTS)) if r.random() < 0.25 else None
        self.indicators = indicators
        self.series = {}   # (id, dims) -> {day: (text, value)}
        self.notes = {}    # (id, dims) -> {day: (flag, note, source)}
        self.rows = 0
        self.missing = 0
        self.stem = 0      # the longest series file name without '.rrd'
        self.flagged_stem = 0  # ... of a series with flags or notes
        self.kinds = {}
        self.used = {}     # (id, dims) -> (first year, days given a value)
        self.text = self.make()

    def header(self):
        r = self.r
        names, cols = set(), []
        for _ in range(r.choice([0, 1, 1, 2, 2, 3, 4, 6, 9, 12, 18])):
            for _ in range(50):
                h = gen_dim_header(r)
                n = dim_name(h)[0]
                if n and n not in names and n not in RESERVED and h.strip(" \t"):
                    break
            else:
                continue
            names.add(n)
            cols.append(("dim", h, n))
        fault = self.fault
        if fault == "too many dimensions" and len(cols) <= BT_DIMS_MAX:
            fault = self.fault = None
        extra = [c for c in RESERVED[3:] if r.random() < 0.25]
        if fault == "wrong unit" and "unit" not in extra:
            extra.append("unit")
        for c in extra:
            cols.append((c, c, c))
        bad = {"reserved dimension": r.choice(["Flag", "NOTE", "Unit.", "_source",
                                                "Outlet", "URL", "Quote ", "Published",
                                                "Indicator", "Date", "VALUE"]),
               "non-ASCII header": "城市",
               "too long header": "a" * 60}
        if fault in bad:
            cols.append(("bad", bad[fault], None))
        elif fault == "dimension name twice":
            if not cols or cols[0][0] != "dim":
                cols.insert(0, ("dim", "city", "city"))
            cols.append(("bad", cols[0][1].upper() + " ", None))
        elif fault == "column twice":
            cols.append(("bad", r.choice(RESERVED[:3] + extra), None))
        cols += [("indicator", "indicator", "indicator"), ("date", "date", "date"),
                 ("value", "value", "value")]
        r.shuffle(cols)
        if r.random() < 0.05:
            cols.insert(r.randint(0, len(cols)), ("ignored", "", None))
        return cols

    def make(self):
        r = self.r
        cols = self.header()
        self.columns = {c[1] for c in cols if c[0] in RESERVED}
        dimcols = [c for c in cols if c[0] == "dim"]
        rows = []
        for ind in r.sample(self.indicators, r.randint(1, 3)):
            for _ in range(r.choice([1, 1, 2, 3, 5, 8])):
                rows += self.series_rows(ind, dimcols)
        self.dedup_rows(rows)
        self.inject(rows, cols, dimcols)
        if self.fault is None:
            self.expect(rows)
        out = ["\ufeff" if r.random() < 0.1 else ""]
        eol = "\r\n" if r.random() < 0.2 else "\n"
        out.append(",".join(self.cell(c[1]) for c in cols) + eol)
        for row in rows:
            cells = [row["dims"].get(c[2], "") if c[0] == "dim" else
                     row.get(c[1], "") for c in cols]
            out.append(",".join(self.cell(x) for x in cells) + eol)
            if r.random() < 0.02:
                out.append(eol)
        text = "".join(out)
        if r.random() < 0.1:
            text = text[:-len(eol)]
        self.rows = len(rows)
        return text

    def series_rows(self, ind, dimcols):
        """The rows of one new series of ind (dims drawn at random)."""
        r = self.r
        dims = {}
        filled = [c for c in dimcols if r.random() < 0.4][:BT_DIMS_MAX]
        for c in filled:
            dims[c[2]] = gen_dim_value(r)
        n = r.choice([1, 2, 3, 5, 10, 20, 40])
        if ind["frequency"] == "daily" and r.random() < 0.2:
            n = r.randint(100, 400)
        key = (ind["id"], tuple(sorted(dims.items())))
        base, used = self.used.setdefault(key, (r.randint(1970, 2050), set()))
        days = [d for d in gen_days(r, ind["frequency"], n, base) if d not in used]
        used.update(days)
        return [self.row(ind, dims, day) for day in days]

    def row(self, ind, dims, day):
        r = self.r
        text, kind = gen_value(r)
        row = {"indicator": ind["id"], "date": r.choice(date_forms(day, r)),
               "value": text, "_day": day, "dims": dims, "_kind": kind}
        for c in RESERVED[3:]:
            if c != "unit":
                row[c] = gen_annotation(r, c)
        row["unit"] = ind["unit"] if r.random() < 0.7 else ""
        return row

    def dedup_rows(self, rows):
        """Some rows again, as exact duplicates: another date form, the
        same value (and maybe other annotations: the last row that has any
        gives them)."""
        r = self.r
        for _ in range(r.choice([0, 0, 1, 3])):
            if not rows:
                break
            dup = dict(r.choice(rows))
            dup["date"] = r.choice(date_forms(dup["_day"], r))
            if r.random() < 0.5:
                for c in ("flag", "note", "source"):
                    dup[c] = gen_annotation(r, c)
            rows.insert(r.randint(0, len(rows)), dup)

    def inject(self, rows, cols, dimcols):
        """The file's fault, in its rows."""
        r, fault = self.r, self.fault
        if not rows or (fault in ("control character", "too long value") and
                        not dimcols):
            self.fault = None
            return
        row = r.choice(rows)
        if fault in ("control character", "too long value"):
            c = r.choice(dimcols)[2]
            row["dims"] = dict(row["dims"])
            row["dims"][c] = "a\x01b" if fault == "control character" else "x" * 201
        elif fault == "too many dimensions":
            row["dims"] = {c[2]: row["dims"].get(c[2], "v") for c in dimcols}
        elif fault == "before 1970-01-02":
            row["date"] = r.choice(["1970-01-01", "1969", "1969-12", "1900Q1"])
        elif fault == "too long number":
            row["value"] = "1." + "0" * 70
        elif fault == "conflicting duplicate":
            dup = dict(row)
            if dup["value"] in MISSING:
                dup["value"] = "1"
            row["value"] = "2" if float(dup["value"].replace(",", "")) != 2 else "3"
            rows.insert(rows.index(row) + 1, dup)
        elif fault == "wrong unit":
            row["unit"] = row["indicator"] + " units"
        elif fault == "unknown indicator":
            row["indicator"] = "rt.no_such"

    def expect(self, rows):
        """What load keeps of rows (a file without fault)."""
        def given(row, c):
            return row[c] if c in self.columns else ""

        for row in rows:
            text = row["value"]
            if text in MISSING:
                self.missing += 1
                continue
            key = (row["indicator"], tuple(sorted(row["dims"].items())))
            value = float(text.replace(",", ""))
            self.series.setdefault(key, {})[row["_day"]] = (text, value)
            self.kinds[text] = row["_kind"]
            src = ", ".join(given(row, c) for c in ("source", "outlet",
                                                    "published") if given(row, c))
            ann = (given(row, "flag"), given(row, "note"), src)
            if any(ann):
                self.notes.setdefault(key, {})[row["_day"]] = ann
        for key in self.series:
            n = stem_len(dict(key[1]))
            self.stem = max(self.stem, n)
            if key in self.notes:
                self.flagged_stem = max(self.flagged_stem, n)

    def cell(self, s):
        needs = any(c in s for c in ',"\r\n') or s[:1] in (" ", "\t") or \
            s[-1:] in (" ", "\t")
        if needs or (s and self.r.random() < 0.1):
            return '"' + s.replace('"', '""') + '"'
        return s

    def name_too_long(self):
        """A series whose flags file name would be over NAME_MAX: load
        refuses it while it reads the file (series.h BT_STEM_MAX)."""
        return self.stem + len(".flags") > NAME_MAX


# ---- running baytrack ---------------------------------------------------

class Failure(Exception):
    pass


class Runner:
    def __init__(self, work):
        self.work = work
        self.prog = os.environ.get("BAYTRACK", "baytrack")
        self.stats = {"files": 0, "loaded": 0, "rows": 0, "series": 0,
                      "observations": 0, "exact": 0, "ulps": 0, "reload_ulps": 0,
                      "long names": 0, "beyond doc": 0}
        self.refused = {}
        self.max_ulps = 0

    def run(self, db, *args):
        env = dict(os.environ, BAYTRACK_DB=db, BAYTRACK_CATALOGUE=CATALOGUE,
                   TZ="UTC", LC_ALL="C.UTF-8")
        p = subprocess.run([self.prog] + list(args), env=env, cwd=self.work,
                           capture_output=True)
        return p.returncode, p.stdout.decode(errors="replace"), \
            p.stderr.decode(errors="replace")

    def check(self, seed, indicators):
        case = Case(seed, indicators)
        st = self.stats
        st["files"] += 1
        st["rows"] += case.rows
        db1 = os.path.join(self.work, "db1")
        db2 = os.path.join(self.work, "db2")
        for d in (db1, db2):
            shutil.rmtree(d, ignore_errors=True)
        path = os.path.join(self.work, "in.csv")
        with open(path, "w", encoding="utf-8", newline="") as f:
            f.write(case.text)
        rc, out, err = self.run(db1, "load", "in.csv")
        longest = [int(n) for n in re.findall(r"series file name of (\d+) bytes", err)]
        if case.name_too_long() or longest:
            # a row's dimensions (of any row, a faulty or empty one too)
            # that escape to more than BT_STEM_MAX are refused at that row
            if rc != 65 or not longest or min(longest) <= NAME_MAX - len(".flags"):
                raise Failure("a too long file name should be refused, exit "
                              "65; got exit %d: %s" % (rc, err.strip()))
            st["long names"] += 1
            return
        if case.fault:
            want = FAULTS[case.fault]
            if rc != 65 or want not in err:
                raise Failure("the file's fault (%s) should be refused with "
                              "'%s', exit 65; got exit %d: %s" %
                              (case.fault, want, rc, err.strip()))
            self.refused[case.fault] = self.refused.get(case.fault, 0) + 1
            rc, out, err = self.run(db1, "series")
            if out:
                raise Failure("a refused file wrote series: " + out)
            return
        if rc != 0:
            raise Failure("load refused a file without fault: exit %d: %s" %
                          (rc, err.strip()))
        self.check_summary(case, out)
        st["loaded"] += 1
        st["series"] += len(case.series)
        st["observations"] += sum(len(v) for v in case.series.values())
        ids = sorted({k[0] for k in case.series})
        if not ids:
            return  # every value missing: nothing to export
        first = self.export_all(db1, ids)
        for i in ids:
            self.compare(case, i, first[i])
        names = []
        for i in ids:
            names.append("export-%s.csv" % i)
            with open(os.path.join(self.work, names[-1]), "w",
                      encoding="utf-8", newline="") as f:
                f.write(first[i])
        rc, out, err = self.run(db2, "load", *names)
        if rc != 0:
            raise Failure("the exports do not load into an empty database: "
                          "exit %d: %s" % (rc, err.strip()))
        second = self.export_all(db2, ids)
        for i in ids:
            self.same_export(first[i], second[i])

    def check_summary(self, case, out):
        m = re.search(r": (\d+) rows \(long layout\): (\d+) added, 0 revised, "
                      r"0 unchanged, (\d+) missing, 0 rejected", out)
        obs = sum(len(v) for v in case.series.values())
        want = (case.rows, obs, case.missing)
        if not m or tuple(int(x) for x in m.groups()) != want:
            raise Failure("summary '%s', expected %d rows, %d added, %d "
                          "missing" % (out.strip(), *want))

    def export_all(self, db, ids):
        texts = {}
        for i in ids:
            rc, out, err = self.run(db, "export", "--all", "--annotated", i)
            if rc != 0:
                raise Failure("export %s: exit %d: %s" % (i, rc, err.strip()))
            texts[i] = out
        return texts

    def compare(self, case, ind, text):
        """The export of ind against what was generated."""
        rec = read_csv(text)
        head = rec[0]
        fixed = [c for c in RESERVED if c in head]
        if head[:len(fixed)] != fixed:
            raise Failure("export header '%s'" % ",".join(head))
        got, notes = {}, {}
        unit = next(x["unit"] for x in case.indicators if x["id"] == ind)
        for row in rec[1:]:
            if len(row) != len(head):
                raise Failure("export row %r has %d fields" % (row, len(row)))
            cell = dict(zip(head, row))
            dims = tuple(sorted((h, v) for h, v in zip(head[len(fixed):],
                                row[len(fixed):]) if v))
            key = (cell["indicator"], dims)
            day = export_day(cell["date"])
            if cell["unit"] != unit:
                raise Failure("unit '%s' for %s" % (cell["unit"], ind))
            got.setdefault(key, {})[day] = cell["value"]
            ann = (cell.get("flag", ""), cell["note"], cell["source"])
            if any(ann):
                notes.setdefault(key, {})[day] = ann
        want = {k: v for k, v in case.series.items() if k[0] == ind}
        if set(got) != set(want):
            raise Failure("series of %s: exported %s, generated %s" % (
                ind, sorted(set(got) - set(want))[:3],
                sorted(set(want) - set(got))[:3]))
        for key, days in want.items():
            if set(days) != set(got[key]):
                raise Failure("days of %s differ" % (key,))
            for day, (text, value) in days.items():
                self.same_value(text, value, got[key][day], key, day, case)
            wn = case.notes.get(key, {})
            if wn != notes.get(key, {}):
                bad = [(civil(d).isoformat(), wn.get(d), notes.get(key, {}).get(d))
                       for d in sorted(set(wn) | set(notes.get(key, {})))
                       if wn.get(d) != notes.get(key, {}).get(d)]
                raise Failure("flags, notes or sources of %s: generated, "
                              "exported: %r" % (key, bad[:3]))

    def same_value(self, text, value, exported, key, day, case):
        back = float(exported)
        if back == value:
            self.stats["exact"] += 1
            return
        n = ulps(back, value)
        # KNOWN: librrd moves some values by a few ulps (MAX_ULPS above); a
        # value further away is a bug
        if n > MAX_ULPS:
            raise Failure("value '%s' (%s) of %s on %s exported as %s, %d "
                          "ulps away" % (text, case.kinds.get(text), key,
                                         civil(day), exported, n))
        self.stats["ulps"] += 1
        self.stats["beyond doc"] += n > DOC_ULPS
        self.max_ulps = max(self.max_ulps, n)

    def same_export(self, a, b):
        """The export of the reload: the same bytes, but for values that
        librrd moved again by a few ulps (KNOWN, as above)."""
        if a == b:
            return
        ra, rb = read_csv(a), read_csv(b)
        if len(ra) != len(rb) or ra[0] != rb[0]:
            raise Failure("the reload's export differs:\n%s\n%s" % (a[:500], b[:500]))
        v, moved = ra[0].index("value"), 0
        for x, y in zip(ra, rb):
            if x[:v] + x[v + 1:] != y[:v] + y[v + 1:]:
                raise Failure("the reload's export differs: %r, %r" % (x, y))
            if x[v] != y[v]:
                if ulps(float(x[v]), float(y[v])) > MAX_ULPS:
                    raise Failure("the reload moved %s to %s" % (x[v], y[v]))
                moved += 1
        if not moved:
            raise Failure("the reload's export has the same records in other bytes")
        self.stats["reload_ulps"] += moved


def catalogue():
    with open(os.path.join(CATALOGUE, "indicators.csv"), encoding="utf-8") as f:
        return list(csv.DictReader(f))


def main(argv):
    if len(argv) == 4 and argv[1] == "--write":
        with open(argv[3], "w", encoding="utf-8", newline="") as f:
            f.write(Case(int(argv[2]), catalogue()).text)
        return 0
    if len(argv) != 2:
        print(__doc__.strip(), file=sys.stderr)
        return 64
    work = argv[1]
    os.makedirs(work, exist_ok=True)
    seeds = int(os.environ.get("ROUNDTRIP_SEEDS", "300"))  # about 20 s alone
    first = int(os.environ.get("ROUNDTRIP_FIRST", "1"))
    runner, indicators = Runner(work), catalogue()
    started, failed = time.time(), 0
    for seed in range(first, first + seeds):
        try:
            runner.check(seed, indicators)
        except Failure as e:
            failed += 1
            print("FAIL: seed %d: %s\n  to look at it: gen_roundtrip.py --write "
                  "%d FILE.csv" % (seed, e, seed), file=sys.stderr)
    st = runner.stats
    refused = sum(runner.refused.values())
    print("round trip: %d seeds from %d in %.1f s: %d files, %d rows; %d loaded "
          "(%d series, %d observations), %d refused as meant (%s), %d with a "
          "file name over NAME_MAX" % (
              seeds, first, time.time() - started, st["files"], st["rows"],
              st["loaded"], st["series"], st["observations"], refused,
              ", ".join("%s %d" % kv for kv in sorted(runner.refused.items())),
              st["long names"]))
    print("values: %d exact, %d moved by librrd by at most %d ulps (%d beyond "
          "the %d of docs/storage.md), %d moved again by the reload" % (
              st["exact"], st["ulps"], runner.max_ulps, st["beyond doc"],
              DOC_ULPS, st["reload_ulps"]))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
