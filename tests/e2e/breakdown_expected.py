#!/usr/bin/env python3
"""Breakdowns assessed by docs/methodology.md, computed from the raw
publisher files with Python and nothing of baytrack's.

  breakdown_expected.py nbs FILE REGION [BASE_YEAR BASE_VALUE TARGET_YEAR TARGET_VALUE]
      one province of the NBS provincial GDP table (GBK, 亿元): with a
      baseline and target, "progress pace status projected_date" (the
      growth method); without, "trend_date growth status" (the trend)
  breakdown_expected.py nbs-order FILE
      every province and its 2017 value in yuan, largest first, then the
      sum of all of them ("total VALUE")
  breakdown_expected.py immd FILE CONTROL_POINT
      the mean of the last complete month of the control point's daily
      totals (both directions), as "YYYY-MM-DD VALUE"
  breakdown_expected.py derived RAW
      from tests/publishers/expected.py's raw lines: M2's change on a year
      earlier in %, M1 as a % of M2, C&SD's quarterly sums of the monthly
      visitor arrivals (complete quarters) and Guangdong's GDP growth, as
      "ID DATE VALUE" lines (dates as periods)
  breakdown_expected.py export FILE...
      baytrack export CSV files as the same lines
"""
import calendar
import csv
import datetime
import io
import math
import sys
from decimal import Decimal

DAYS_PER_YEAR = 365.2425
FIT_YEARS = 5


def day(y, m=12, d=31):
    return datetime.date(y, m, d).toordinal()


def years(a, b):
    return (b - a) / DAYS_PER_YEAR


def nbs_rows(path):
    with open(path, encoding="gb18030", newline="") as f:
        r = list(csv.reader(io.StringIO(f.read())))
    header, out = r[3], {}
    for row in r[4:]:
        if row[0].startswith(("注：", "数据来源：")):
            break
        out[row[0]] = sorted((int(c.rstrip("年")), float(Decimal(v) * 10**8))
                             for c, v in zip(header[1:], row[1:]))
    return out


def fit_growth(points):
    """Least-squares slope of ln x a year through points (day, x), as a
    compound rate; the first point is the baseline."""
    t = points[-1][0]
    first = 0
    while first + 2 < len(points) and t - points[first][0] > FIT_YEARS * DAYS_PER_YEAR:
        first += 1
    pts = points[first:]
    b = points[0][0]
    xs = [years(b, d) for d, _ in pts]
    ys = [math.log(v) for _, v in pts]
    k = len(pts)
    sx, sy = sum(xs), sum(ys)
    sxx = sum(x * x for x in xs)
    sxy = sum(x * y for x, y in zip(xs, ys))
    slope = (k * sxy - sx * sy) / (k * sxx - sx * sx)
    return math.expm1(slope)


def status_of(pace):
    if pace < 0:
        return "deterioration"
    if pace >= 0.95:
        return "on_track"
    if pace >= 0.60:
        return "moderate_progress"
    return "off_track"


def nbs_target(obs, by, bv, ty, tv):
    b, T = day(by), day(ty)
    t, xt = day(obs[-1][0]), obs[-1][1]
    points = [(b, bv)] + [(day(y), v) for y, v in obs if day(y) > b]
    if xt >= tv:
        print("achieved")
        return
    cr = fit_growth(points)
    req = (tv / bv) ** (1 / years(b, T)) - 1
    pace = cr / req
    p = (xt - bv) / (tv - bv)
    need = math.log(tv / xt) / math.log1p(cr)
    proj = datetime.date.fromordinal(t + math.ceil(need * DAYS_PER_YEAR))
    print(f"{p:.4f} {pace:.4f} {status_of(pace)} {proj.isoformat()}")


def nbs_trend(obs):
    pts = [(day(y), v) for y, v in obs]
    t, xt = pts[-1]
    s = 0
    while s < len(pts) - 2 and t - pts[s][0] > 5 * DAYS_PER_YEAR:
        s += 1
    ds, xs = pts[s]
    g = (xt / xs) ** (1 / years(ds, t)) - 1
    st = "improving" if g >= 0.01 else "worsening" if g <= -0.01 else "little_change"
    print(f"{datetime.date.fromordinal(ds).year} {g:.4f} {st}")


def immd(path, cp):
    totals = {}
    with open(path, encoding="utf-8-sig", newline="") as f:
        for row in csv.DictReader(f):
            if row["Control Point"] != cp:
                continue
            d, m, y = map(int, row["Date"].split("-"))
            key = datetime.date(y, m, d)
            totals[key] = totals.get(key, 0) + int(row["Total"])
    months = {}
    for d, v in totals.items():
        months.setdefault((d.year, d.month), []).append(v)
    complete = [k for k, v in months.items()
                if len(v) == calendar.monthrange(*k)[1]]
    y, m = max(complete)
    v = months[(y, m)]
    last = datetime.date(y, m, calendar.monthrange(y, m)[1])
    print(f"{last.isoformat()} {sum(v) / len(v)!r}")


def derived(path):
    series = {}
    for ln in open(path, encoding="utf-8"):
        ind, dims, date, value, _ = ln.rstrip("\n").split("|")
        series.setdefault((ind, dims), {})[date] = float(value)
    m2, m1 = series[("nbs.m2", "")], series[("nbs.m1", "")]
    out = []
    for d, v in m2.items():
        y, m = d.split("-")
        before = f"{int(y) - 1:04d}-{m}"
        if before in m2:
            out.append(("nbs.m2.yoy", d, (v / m2[before] - 1) * 100))
    for d, v in m1.items():
        if d in m2 and m2[d] != 0:
            out.append(("nbs.m1.share", d, 100 * v / m2[d]))
    arr = series[("hk.visitor_arrivals", "")]
    quarters = {}
    for d, v in arr.items():
        y, m = map(int, d.split("-"))
        quarters.setdefault(f"{y}Q{(m - 1) // 3 + 1}", []).append(v)
    for q, v in quarters.items():
        if len(v) == 3:
            out.append(("hk.visitor_arrivals.quarterly", q, sum(v)))
    gd = series[("nbs.gdp.province", "region=广东省")]
    for d, v in gd.items():
        if str(int(d) - 1) in gd:
            out.append(("nbs.gdp.province.growth", d, (v / gd[str(int(d) - 1)] - 1) * 100))
    for ind, d, v in sorted(out):
        print(f"{ind} {d} {v!r}")


def exported(paths):
    out = []
    for p in paths:
        with open(p, encoding="utf-8", newline="") as f:
            for row in list(csv.reader(f))[1:]:
                out.append((row[0], row[1], float(row[2])))
    for ind, d, v in sorted(out):
        print(f"{ind} {d} {v!r}")


def main():
    cmd = sys.argv[1]
    if cmd == "nbs":
        obs = nbs_rows(sys.argv[2])[sys.argv[3]]
        if len(sys.argv) > 4:
            by, bv, ty, tv = sys.argv[4:8]
            nbs_target(obs, int(by), float(bv), int(ty), float(tv))
        else:
            nbs_trend(obs)
    elif cmd == "nbs-order":
        rows = nbs_rows(sys.argv[2])
        last = sorted(((dict(v)[2017], k) for k, v in rows.items()),
                      key=lambda x: (-x[0], x[1]))
        for v, k in last:
            print(f"{k} {v:.0f}")
        print(f"total {sum(v for v, _ in last):.0f}")
    elif cmd == "immd":
        immd(sys.argv[2], sys.argv[3])
    elif cmd == "derived":
        derived(sys.argv[2])
    elif cmd == "export":
        exported(sys.argv[2:])


main()
