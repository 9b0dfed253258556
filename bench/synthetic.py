"""Writes SYNTHETIC benchmark inputs (never real data; never in datasets/).

usage:
  synthetic.py catalogue DIR               a catalogue: one daily indicator
                                           and 100 yearly ones with targets
  synthetic.py load N M FILE               N series x M days, long layout
  synthetic.py revise N M FILE             1 % of those values changed and
                                           a week of new days per series
  synthetic.py night N M FILE              day M of each of N series: the
                                           nightly append after M days
  synthetic.py sdmx N M FILE               the load file's observations as
                                           SDMX-CSV 2.0, as export writes it
  synthetic.py sdmx-labels N M FILE        the same with labels, as the
                                           .Stat Suite writes it
  synthetic.py yearly FILE                 100 yearly indicators, 2010-2024
  synthetic.py daily FILE                  20 daily indicators, 10 years each
  synthetic.py breakdowns N FILE           the 100 yearly indicators, 2010-2024,
                                           each in N breakdowns (region=rNN)
Values are a deterministic function of (series, day): the floor program
(bench/floor.c) computes the same ones.
"""
import csv
import sys
from datetime import date, timedelta

START = date(2015, 1, 1)
DAILY = 20  # daily indicators of the chart benchmark


def value(s, d):
    # the same formula as floor.c: v(s, d) = ((s * 7919 + d * 31) % 100000) / 10
    return ((s * 7919 + d * 31) % 100000) / 10


def fmt(v):
    return ("%.1f" % v).rstrip("0").rstrip(".")


def catalogue(out):
    with open(out + "/indicators.csv", "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["id", "name_en", "name_zh_hans", "name_zh_hant", "unit", "direction",
                    "frequency", "domain", "source"])
        w.writerow(["synthetic.daily", "Synthetic daily series", "合成日序列", "合成日序列",
                    "count", "up", "daily", "benchmark", "synthetic (bench/synthetic.py)"])
        for i in range(100):
            w.writerow(["synthetic.y%03d" % i, "Synthetic yearly indicator %d" % i,
                        "合成年度指标 %d" % i, "合成年度指標 %d" % i, "count",
                        "up" if i % 3 else "down", "yearly", "benchmark",
                        "synthetic (bench/synthetic.py)"])
        for i in range(DAILY):
            w.writerow(["synthetic.d%03d" % i, "Synthetic daily indicator %d" % i,
                        "合成日指标 %d" % i, "合成日指標 %d" % i, "count", "up", "daily",
                        "benchmark", "synthetic (bench/synthetic.py)"])
    with open(out + "/targets.csv", "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["indicator", "date", "value", "kind", "source", "illustrative"])
        for i in range(100):
            up = i % 3 != 0
            w.writerow(["synthetic.y%03d" % i, "2010", "100", "baseline", "synthetic", "yes"])
            w.writerow(["synthetic.y%03d" % i, "2022", "140" if up else "70", "milestone", "synthetic", "yes"])
            w.writerow(["synthetic.y%03d" % i, "2035", "200" if up else "40", "target", "synthetic", "yes"])
        for i in range(DAILY):
            w.writerow(["synthetic.d%03d" % i, "2015-01-01", "5000", "baseline", "synthetic", "yes"])
            w.writerow(["synthetic.d%03d" % i, "2030-12-31", "20000", "target", "synthetic", "yes"])


def load(n, m, out, revise=False):
    with open(out, "w") as f:
        f.write("indicator,date,value,series\n")
        for s in range(n):
            days = range(m, m + 7) if revise else range(m)
            if revise:  # 1 % of the old values, changed
                days = [d for d in range(m) if (s * m + d) % 100 == 0] + list(days)
            for d in days:
                v = value(s, d) + (1 if revise and d < m else 0)
                f.write("synthetic.daily,%s,%s,s%04d\n" % (START + timedelta(days=d), fmt(v), s))


def sdmx(n, m, out):
    with open(out, "w") as f:
        f.write("STRUCTURE,STRUCTURE_ID,ACTION,FREQ,SERIES,TIME_PERIOD,OBS_VALUE\n")
        for s in range(n):
            for d in range(m):
                f.write("dataflow,BAYTRACK:synthetic_daily(1.0),I,D,s%04d,%s,%s\n" % (
                    s, START + timedelta(days=d), fmt(value(s, d))))


def sdmx_labels(n, m, out):
    with open(out, "w") as f:
        f.write("STRUCTURE,STRUCTURE_ID,STRUCTURE_NAME,ACTION,FREQ,Frequency,SERIES,Series,"
                "TIME_PERIOD,Time period,OBS_VALUE,Observation value,OBS_STATUS,"
                "Observation status,UNIT_MULT,Unit multiplier\n")
        for s in range(n):
            for d in range(m):
                f.write("DATAFLOW,SYNTH:DF_DAILY(1.0),Synthetic daily series,I,D,Daily,"
                        "s%04d,Series %d,%s,,%s,,A,Normal value,0,Units\n" % (
                            s, s, START + timedelta(days=d), fmt(value(s, d))))


def night(n, m, out):
    with open(out, "w") as f:
        f.write("indicator,date,value,series\n")
        for s in range(n):
            f.write("synthetic.daily,%s,%s,s%04d\n" % (START + timedelta(days=m), fmt(value(s, m)), s))


def yearly(out):
    with open(out, "w") as f:
        f.write("indicator,date,value\n")
        for i in range(100):
            for y in range(2010, 2025):
                step = (1 + i % 7) * (1 if i % 3 else -0.5)
                f.write("synthetic.y%03d,%d,%s\n" % (i, y, fmt(100 + step * (y - 2010))))


def daily(out):
    with open(out, "w") as f:
        f.write("indicator,date,value\n")
        for i in range(DAILY):
            for d in range(3650):
                f.write("synthetic.d%03d,%s,%s\n" % (i, START + timedelta(days=d), fmt(value(i, d))))


def breakdowns(n, out):
    with open(out, "w") as f:
        f.write("indicator,date,value,region\n")
        for i in range(100):
            for r in range(n):
                for y in range(2010, 2025):
                    step = (1 + (i + r) % 7) * (1 if i % 3 else -0.5)
                    f.write("synthetic.y%03d,%d,%s,r%02d\n" % (
                        i, y, fmt(100 + r + step * (y - 2010)), r))


cmd = sys.argv[1]
if cmd == "catalogue":
    catalogue(sys.argv[2])
elif cmd in ("load", "revise"):
    load(int(sys.argv[2]), int(sys.argv[3]), sys.argv[4], cmd == "revise")
elif cmd == "sdmx":
    sdmx(int(sys.argv[2]), int(sys.argv[3]), sys.argv[4])
elif cmd == "sdmx-labels":
    sdmx_labels(int(sys.argv[2]), int(sys.argv[3]), sys.argv[4])
elif cmd == "night":
    night(int(sys.argv[2]), int(sys.argv[3]), sys.argv[4])
elif cmd == "yearly":
    yearly(sys.argv[2])
elif cmd == "breakdowns":
    breakdowns(int(sys.argv[2]), sys.argv[3])
elif cmd == "daily":
    daily(sys.argv[2])
else:
    sys.exit(__doc__)
