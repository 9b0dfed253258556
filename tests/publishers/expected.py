#!/usr/bin/env python3
"""What each publisher file holds, computed from the raw file with Python's
csv module and nothing of baytrack's, and what baytrack exported, both as
sorted lines "indicator|dims|date|value|flag".

  expected.py raw DIR        the five files in DIR (../shared/data/publishers)
  expected.py export FILE... baytrack export --all output files
  expected.py compare WANT GOT  equal but for values one ulp apart
"""
import calendar
import csv
import io
import sys
from decimal import Decimal


def line(ind, dims, date, value, flag=""):
    key = ";".join(f"{k}={v}" for k, v in sorted(dims.items()) if v)
    return f"{ind}|{key}|{date}|{float(value)!r}|{flag}"


def rows(path, encoding):
    with open(path, encoding=encoding, newline="") as f:
        return list(csv.reader(io.StringIO(f.read())))


def nbs_annual(d):
    r = rows(f"{d}/nbs_province_gdp_annual_1993_2017_gbk.csv", "gb18030")
    header, out = r[3], []
    for row in r[4:]:
        if row[0].startswith(("注：", "数据来源：")):
            break
        for col, cell in zip(header[1:], row[1:]):
            year = col.rstrip("年")
            out.append(line("nbs.gdp.province", {"region": row[0]}, year,
                            Decimal(cell) * 10**8))
    return out


def nbs_monthly(d):
    r = rows(f"{d}/nbs_money_supply_monthly_1999_2021_gbk.csv", "gb18030")
    ids = ["nbs.m2", "nbs.m2.growth", "nbs.m1", "nbs.m1.growth", "nbs.m0",
           "nbs.m0.growth"]
    out = []
    for row in r[3:]:
        if row[0].startswith(("注：", "数据来源：")):
            break
        y, m = row[0].rstrip("月").split("年")
        for ind, head, cell in zip(ids, r[2][1:], row[1:]):
            v = Decimal(cell) * (10**8 if "亿元" in head else 1)
            out.append(line(ind, {}, f"{int(y):04d}-{int(m):02d}", v))
    return out


def td(d):
    r = rows(f"{d}/hk_td_mttd_table11_annual_indicators_utf8bom.csv", "utf-8-sig")
    ids = ["td.passenger_trips", "td.road_length", "td.road_per_population",
           "td.vehicles_per_population", "td.private_cars_per_population",
           "td.killed_per_population", "td.injured_per_population",
           "td.killed_per_vehicles", "td.injured_per_vehicles"]
    out = []
    for row in r[1:]:
        for i, ind in enumerate(ids):
            out.append(line(ind, {}, row[0], Decimal(row[1 + 2 * i]),
                            row[2 + 2 * i]))
    return out


def censtatd(d):
    r = rows(f"{d}/hk_censtatd_table_650-80001_visitor_arrivals_multiheader_crlf.csv",
             "utf-8")
    regions = r[4][2:]
    months = {m: i for i, m in enumerate(calendar.month_abbr) if m}
    out = []
    for row in r[6:]:
        if not row[0].strip(" \u00a0"):
            break  # the blank line before the source
        for region, cell in zip(regions, row[2:]):
            dims = {} if region == "Total" else {"region": region}
            if row[1]:
                date = f"{row[0]}-{months[row[1]]:02d}"
                out.append(line("hk.visitor_arrivals", dims, date, Decimal(cell)))
            else:
                out.append(line("hk.visitor_arrivals.annual", dims, row[0],
                                Decimal(cell)))
    return out


def opensdg(d):
    with open(f"{d}/opensdg_uk_indicator_5-2-1_crlf.csv", encoding="utf-8",
              newline="") as f:
        r = list(csv.DictReader(f))
    names = {"Series": "series", "Type of partner abuse": "abuse_type",
             "Abuse sub-category": "abuse_subcategory", "Age": "age",
             "Ethnicity": "ethnicity", "Ethnic group": "ethnic_group",
             "Disability status": "disability", "Country of birth": "birth_country",
             "Region": "region", "Urban or Rural": "urban_rural",
             "Sexual orientation": "sexual_orientation",
             "Gender identity": "gender_identity",
             "Highest qualification": "qualification",
             "Household income": "household_income", "GeoCode": "geocode"}
    out = []
    for row in r:
        if not row["Value"]:
            continue
        first = int(row["Year"][:4])  # 2004/05: April 2004 to March 2005
        flag = "" if row["Observation status"] == "Normal value" else row["Observation status"]
        out.append(line("uk.sdg.5-2-1", {v: row[k] for k, v in names.items()},
                        f"{first + 1}-03-31", Decimal(row["Value"]), flag))
    return out


def exported(paths):
    out = []
    for p in paths:
        with open(p, encoding="utf-8", newline="") as f:
            for row in csv.DictReader(f):
                dims = {k: v for k, v in row.items()
                        if k not in ("indicator", "date", "value", "flag")}
                out.append(line(row["indicator"], dims, row["date"],
                                float(row["value"]), row.get("flag") or ""))
    return out


def compare(want_path, got_path, field=3):
    """Equal line by line ('|'-separated, the value in field), except that
    a value may differ by four ulps at most (librrd's own reading of
    numbers and its area-over-step arithmetic, docs/storage.md). Prints
    the differences beyond that and the counts. tests/sdmx/expected.py
    uses it too."""
    import math
    want = open(want_path).read().splitlines()
    got = open(got_path).read().splitlines()
    if len(want) != len(got):
        print(f"{len(want)} figures expected, {len(got)} read back")
        return 1
    bad = ulp = 0
    for w, g in zip(want, got):
        if w == g:
            continue
        wf, gf = w.split("|"), g.split("|")
        a, b = float(wf[field]), float(gf[field])
        near = [a]
        for _ in range(4):
            near.append(math.nextafter(near[-1], b))
        if wf[:field] + wf[field + 1:] == gf[:field] + gf[field + 1:] and b in near:
            ulp += 1
            continue
        bad += 1
        print(f"want {w}\ngot  {g}")
    print(f"{len(want) - bad - ulp} exact, {ulp} within four ulps, {bad} wrong")
    return 1 if bad else 0


if __name__ == "__main__":
    if sys.argv[1] == "compare":
        sys.exit(compare(sys.argv[2], sys.argv[3]))
    if sys.argv[1] == "raw":
        d = sys.argv[2]
        got = nbs_annual(d) + nbs_monthly(d) + td(d) + censtatd(d) + opensdg(d)
    else:
        got = exported(sys.argv[2:])
    print("\n".join(sorted(got)))
