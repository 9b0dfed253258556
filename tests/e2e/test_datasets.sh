# The bundled data: every observation cited, enough real series and plan
# targets, the full IMMD daily file summing to the Immigration
# Department's published yearly figures, and derived series (yearly sum,
# monthly mean) computed from complete periods only, whatever the TZ.
. "$(dirname "$0")/lib.sh"
cd "$SRC"

# every row of a long file carries its citation; the catalogue's targets
python3 - <<'PY' || fail "citations and coverage"
import csv, glob, collections
per = collections.Counter()
for path in sorted(glob.glob("datasets/*.csv")):
    rows = list(csv.DictReader(open(path, encoding="utf-8-sig")))
    if "indicator" not in rows[0]:
        continue  # a publisher's file, cited by its mapping
    for n, r in enumerate(rows, 2):
        for k in ("source", "outlet", "published", "quote"):
            assert r.get(k, "").strip(), f"{path}:{n}: no {k}"
        assert r["flag"] in ("", ">", "<", "~"), f"{path}:{n}: flag {r['flag']!r}"
        per[r["indicator"]] += 1
three = sorted(i for i, c in per.items() if c >= 3)
assert len(three) >= 12, three
plan = [r for r in csv.DictReader(open("indicators/targets.csv", encoding="utf-8"))
        if r["kind"] in ("target", "milestone") and not r["illustrative"]
        and ("规划" in r["source"] or "plan" in r["source"])]
assert len(plan) >= 5, len(plan)
m = open("datasets/immd_passenger_traffic.map", encoding="utf-8").read()
assert "Immigration Department" in m and "data.gov.hk" in m
PY

"$BAYTRACK" load -q datasets/*.csv

# the yearly sums of the daily file against the published yearly figures,
# each within one unit of its last stated digit (and above a "more than")
run export immd.passengers.total_yearly
expect_eq "$RC" 0 "export of a derived indicator"
cp "$T/out" "$T/yearly.csv"
python3 - "$T/yearly.csv" <<'PY' || fail "yearly sums equal the published figures"
import csv, sys
got = {r["date"]: float(r["value"]) for r in csv.DictReader(open(sys.argv[1]))}
pub = {r["date"]: r for r in csv.DictReader(open("datasets/published_figures.csv", encoding="utf-8"))
       if r["indicator"] == "hk.control_points.passengers"}
for year in ("2022", "2023", "2024"):
    v = pub[year]["value"]
    unit = 10 ** (len(v) - len(v.rstrip("0")))
    diff = got[year] - float(v)
    assert abs(diff) < unit, (year, got[year], v)
    assert pub[year]["flag"] != ">" or diff > 0, year
    print(f"{year}: daily file {got[year]:.0f}, published {v} ({pub[year]['flag']}) "
          f"{pub[year]['outlet']}: {pub[year]['quote'][:60]}...")
assert "2026" not in got, "an incomplete year has no sum"
PY

# the monthly mean of a complete month, from the raw file; the month in
# progress has none
run export immd.passengers.total_monthly_mean
cp "$T/out" "$T/monthly.csv"
python3 - "$T/monthly.csv" <<'PY' || fail "monthly mean"
import csv, sys, collections
days = collections.Counter()
for r in csv.DictReader(open("datasets/immd_passenger_traffic.csv", encoding="utf-8-sig")):
    d, m, y = r["Date"].split("-")
    if (y, m) == ("2024", "02"):
        days[d] += int(r["Total"])
want = sum(days.values()) / 29
got = {r["date"]: float(r["value"]) for r in csv.DictReader(open(sys.argv[1]))}
assert len(days) == 29 and abs(got["2024-02"] - want) < 1e-6 * want, (got["2024-02"], want)
last = max(got)
assert last == "2026-02", last
PY
TZ=Pacific/Kiritimati "$BAYTRACK" export immd.passengers.total_yearly > "$T/yearly.tz"
cmp -s "$T/yearly.csv" "$T/yearly.tz" || fail "TZ changes a derived series"

# fewer than a third of the indicators lack data for a status
run status --json
python3 - "$T/out" <<'PY' || fail "too many indicators with insufficient data"
import json, sys
rows = json.load(open(sys.argv[1]))
grey = [r["indicator"] for r in rows if r["status"] == "insufficient_data"]
print(f"{len(grey)} of {len(rows)} with insufficient data")
assert 3 * len(grey) < len(rows), grey
PY

# a derived.csv that sums a source over periods no longer than its own is
# refused with its place
cp -r "$SRC/indicators" "$T/cat"
echo "legal.gba_lawyers,standards.bay_area,month,sum" >> "$T/cat/derived.csv"
BAYTRACK_CATALOGUE="$T/cat" run status
expect_eq "$RC" 78 "bad derived.csv: exit code (a catalogue error)"
expect_eq "$(cat "$T/err")" "baytrack: status: $T/cat/derived.csv:4:3: period 'month' must be longer than the monthly periods of 'standards.bay_area'" "bad derived.csv: message"

# translations.csv: every domain and unit of the catalogue is translated,
# and a text no indicator uses is refused with its place
python3 - "$SRC/indicators" <<'PY' || fail "a domain or unit without translation"
import csv, sys
inds = list(csv.DictReader(open(sys.argv[1] + "/indicators.csv", encoding="utf-8")))
tr = {r["text"] for r in csv.DictReader(open(sys.argv[1] + "/translations.csv", encoding="utf-8"))}
missing = sorted({r[k] for r in inds for k in ("domain", "unit")} - tr)
assert not missing, missing
PY
cp "$SRC/indicators/derived.csv" "$T/cat/derived.csv"
printf 'furlongs,浪,浪\n' >> "$T/cat/translations.csv"
BAYTRACK_CATALOGUE="$T/cat" run status
expect_eq "$RC" 78 "bad translations.csv: exit code"
expect_eq "$(cat "$T/err")" "baytrack: status: $T/cat/translations.csv:28:1: no indicator has the domain or unit 'furlongs' (a dimension's name or value goes in dimensions.csv)" "bad translations.csv: message"
finish
