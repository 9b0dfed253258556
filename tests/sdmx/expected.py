#!/usr/bin/env python3
"""What baytrack must store from an SDMX-CSV file, computed from the raw
file without baytrack, and the same read from baytrack's export, both as
sorted lines "DIMS|DATE|VALUE|FLAG|NOTE" so that a diff shows every figure
that differs.

usage: expected.py raw FILE FREQ [RULE...]   (FREQ: yearly quarterly monthly daily)
       expected.py export FILE        (export --all --annotated output)
       expected.py compare WANT GOT   (exit 1 on any difference)

The rules are docs/formats.md's, written again here on their own: ids cut
at ": ", .Stat Suite's label columns (a file with STRUCTURE_NAME and no
"ID: Name" headers pairs each column after ACTION with its label),
dimensions named by their ids in lower case (sdmx_ before a reserved one),
TIME_PERIOD dated by the period's last day, values times 10^UNIT_MULT in
exact decimal arithmetic rounded once, ':' / NaN / empty missing, rows
before 1970-01-02 left out, and the flag the OBS_STATUS, OBS_FLAG and
CONF_STATUS codes that say something (not A, not F) joined by a space.

A mapping's dimension statements, as docs/formats.md ("With a mapping")
says they act, are given as RULEs, each column by its SDMX id in any
case: keep:ID=V1,V2 and drop:ID=V1 (rows whose code is, or is not, one
of the Vs are left out), rename:ID=NAME (the dimension's name),
ignore:ID (no dimension), fix:NAME=VALUE (a dimension every row has),
scale:N (values times 10^N, on top of UNIT_MULT)."""
import calendar
import csv
import datetime
import decimal
import os
import re
import sys

STRUCTURE = {"STRUCTURE", "STRUCTURE_ID", "STRUCTURE_NAME", "DATAFLOW",
             "LAST UPDATE"}
SPECIAL = STRUCTURE | {"ACTION", "FREQ", "TIME_PERIOD", "OBS_VALUE",
                       "UNIT_MULT", "OBS_STATUS", "OBS_FLAG", "CONF_STATUS",
                       "OBS_COMMENT"}
RESERVED = {"indicator", "date", "value", "unit", "flag", "note", "source",
            "outlet", "published", "url", "quote"}


def cut(s):
    i = s.find(": ")
    return s[:i] if i >= 0 else s


def last_day(p):
    """The last day of an SDMX period, as a datetime.date."""
    m = re.fullmatch(r"(\d{4})-([ASTQMWD])(\d+)", p)
    if m:
        y, kind, k = int(m[1]), m[2], int(m[3])
        if kind == "W":
            return datetime.date.fromisocalendar(y, k, 7)
        if kind == "D":
            return datetime.date(y, 1, 1) + datetime.timedelta(days=k - 1)
        month = k * 12 // {"A": 1, "S": 2, "T": 3, "Q": 4, "M": 12}[kind]
        return datetime.date(y, month, calendar.monthrange(y, month)[1])
    if re.fullmatch(r"\d{4}", p):
        return datetime.date(int(p), 12, 31)
    if re.fullmatch(r"\d{4}-\d{2}", p):
        y, mo = int(p[:4]), int(p[5:])
        return datetime.date(y, mo, calendar.monthrange(y, mo)[1])
    return datetime.date.fromisoformat(p[:10])


def as_period(d, freq):
    """The date as baytrack's export writes it for the frequency."""
    end_of_month = d.day == calendar.monthrange(d.year, d.month)[1]
    if freq == "yearly" and d.month == 12 and d.day == 31:
        return str(d.year)
    if freq == "quarterly" and d.month % 3 == 0 and end_of_month:
        return "%dQ%d" % (d.year, d.month // 3)
    if freq == "monthly" and end_of_month:
        return "%d-%02d" % (d.year, d.month)
    return d.isoformat()


def rules(opts):
    r = {"keep": [], "drop": [], "rename": {}, "ignore": set(), "fix": {},
         "scale": 0}
    for o in opts:
        kind, _, arg = o.partition(":")
        left, _, right = arg.partition("=")
        if kind in ("keep", "drop"):
            r[kind].append((left.upper(), right.split(",")))
        elif kind == "rename":
            r["rename"][left.upper()] = right
        elif kind == "ignore":
            r["ignore"].add(left.upper())
        elif kind == "fix":
            r["fix"][left] = right
        elif kind == "scale":
            r["scale"] = int(arg)
        else:
            sys.exit("unknown rule " + o)
    return r


def raw(path, freq, opts=()):
    rule = rules(opts)
    rows = list(csv.reader(open(path, encoding="utf-8-sig", newline="")))
    head = rows[0]
    ids = [cut(h) for h in head]
    coded = any(cut(h) != h for h in head)
    labels = "STRUCTURE_NAME" in ids and not coded
    role = {}
    dims = []
    seen_value = False
    skip_next = False
    where = {}  # id in upper case -> column, label columns aside
    for i, c in enumerate(ids):
        if skip_next:
            skip_next = False
            if c.upper() not in SPECIAL:
                continue
        where[c.upper()] = i
        if labels and c not in STRUCTURE and c != "ACTION":
            skip_next = True
        u = c.upper()
        if u in STRUCTURE or c == "":
            continue
        if u in SPECIAL:
            role[u] = i
            seen_value |= u == "OBS_VALUE"
        elif not seen_value and u not in rule["ignore"]:
            name = re.sub(r"[^a-z0-9]+", "_", c.lower())
            name = "sdmx_" + name if name in RESERVED else name
            dims.append((rule["rename"].get(u, name), i))
    out = []
    for r in rows[1:]:
        get = lambda k: (cut(r[role[k]]) if coded else r[role[k]]) if k in role else ""
        code = lambda k: cut(r[where[k]]) if coded else r[where[k]]
        if any(code(k) not in vs for k, vs in rule["keep"]) or \
                any(code(k) in vs for k, vs in rule["drop"]):
            continue
        d = last_day(get("TIME_PERIOD"))
        v = get("OBS_VALUE")
        if d < datetime.date(1970, 1, 2) or v in ("", ":") or v.lower() == "nan":
            continue
        mult = int(get("UNIT_MULT") or 0) + rule["scale"]
        value = float(decimal.Decimal(v).scaleb(mult))
        flag = " ".join(c for k, normal in (("OBS_STATUS", "A"), ("OBS_FLAG", ""),
                                            ("CONF_STATUS", "F"))
                        for c in [get(k)] if c not in ("", normal))
        cells = [(n, cut(r[i]) if coded else r[i]) for n, i in dims if r[i] != ""]
        key = ";".join("%s=%s" % nv for nv in sorted(cells + list(rule["fix"].items())))
        out.append("|".join([key, as_period(d, freq), repr(value), flag,
                             get("OBS_COMMENT")]))
    return out


def exported(path):
    rows = list(csv.DictReader(open(path, encoding="utf-8", newline="")))
    out = []
    for r in rows:
        dims = sorted(k for k in r if k not in RESERVED and r[k] != "")
        key = ";".join("%s=%s" % (k, r[k]) for k in dims)
        out.append("|".join([key, r["date"], repr(float(r["value"])),
                             r.get("flag") or "", r.get("note") or ""]))
    return out


def compare(want_path, got_path):
    """tests/publishers/expected.py's comparison, the value in field 2."""
    sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "publishers"))
    import expected as publishers
    return publishers.compare(want_path, got_path, field=2)


if __name__ == "__main__":
    if sys.argv[1] == "compare":
        sys.exit(compare(sys.argv[2], sys.argv[3]))
    lines = raw(sys.argv[2], sys.argv[3], sys.argv[4:]) if sys.argv[1] == "raw" else exported(sys.argv[2])
    print("\n".join(sorted(lines)))
