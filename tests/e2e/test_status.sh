# Statuses a planner can trust, on the shipped datasets: a stale figure
# and a passed target date (joint laboratories), the IMMD reopening of
# 6 February 2023 as a series break (the pace before and after it), what
# "latest" is for a consolidated series, golden lines in three languages,
# bad breaks.csv and releases.csv, and the TZ of the process changing
# nothing.
. "$(dirname "$0")/lib.sh"
cd "$SRC"
"$BAYTRACK" load -q datasets/*.csv

# json_of INDICATOR KEYS...: those fields of that indicator in $T/out
json_of() {
    python3 - "$T/out" "$@" <<'PY'
import json, sys
rows = {r["indicator"]: r for r in json.load(open(sys.argv[1]))}
r = rows[sys.argv[2]]
print(" ".join(f"{k}={json.dumps(r[k], ensure_ascii=False)}" for k in sys.argv[3:]))
PY
}

# joint laboratories: 20 on 2021-10-13 against 40 by 2025
run status --json --as-of 2026-12-01
expect_eq "$RC" 0 "status --json --as-of 2026-12-01"
expect_eq "$(json_of science.joint_labs status projected_date stale age_days release_interval_days)" \
    'status="date_passed" projected_date=null stale=true age_days=1875 release_interval_days=549' \
    "joint laboratories as of 2026-12-01: date passed, stale"
run status --json --as-of 2022-06-30
expect_eq "$(json_of science.joint_labs status projected_date stale age_days)" \
    'status="on_track" projected_date="2022-07-26" stale=false age_days=260' \
    "joint laboratories as of 2022-06-30: on track"
# no status is on track with its target date passed and no figure since,
# and no projection is before the as-of date
for d in 2024-06-30 2025-12-31 2026-12-01 2031-01-01; do
    run status --json --as-of $d
    python3 - "$T/out" $d <<'PY' || fail "as of $d: a passed date on track or a past projection"
import json, sys
d = sys.argv[2]
for r in json.load(open(sys.argv[1])):
    if r["status"] == "on_track" and r["target_date"]:
        # a period's text sorts as its date within a year; compare years
        assert not (r["target_date"][:4] < d[:4] and r["assessed_date"][:4] < r["target_date"][:4]), r
    if r["status"] != "achieved" and r["projected_date"]:
        assert r["projected_date"] >= d, r
PY
done

# the IMMD daily traffic: assessed from after the reopening, not across
# the closure (4,510 a day on 2021-01-01)
run status --json --as-of 2026-12-01
expect_eq "$(json_of immd.passengers.total baseline_date baseline_value rate_actual rate_required pace status projected_date break_date)" \
    'baseline_date="2023-03-31" baseline_value=495992 rate_actual=0.2015 rate_required=0.0907 pace=2.2232 status="on_track" projected_date="2028-02-28" break_date="2023-02-06"' \
    "IMMD total from the break"
mkdir "$T/nobreak"
cp indicators/indicators.csv indicators/targets.csv indicators/derived.csv \
    indicators/translations.csv "$T/nobreak/"
BAYTRACK_CATALOGUE="$T/nobreak" run status --json --as-of 2026-12-01
expect_eq "$(json_of immd.passengers.total baseline_date baseline_value rate_actual pace break_date)" \
    'baseline_date="2021-01-01" baseline_value=4510 rate_actual=3.078 pace=6.5086 break_date=null' \
    "IMMD total across the closure (no breaks.csv)"

# latest is the last single observation; the assessed mean is named
run status --json --as-of 2026-12-01
expect_eq "$(json_of immd.passengers.total latest_date latest_value assessed_date assessed_value assessed stale age_days)" \
    'latest_date="2026-03-08" latest_value=1133880 assessed_date="2026-02-28" assessed_value=1039414 assessed="mean of Feb 2026" stale=true age_days=268' \
    "IMMD total: latest and assessed"
expect_eq "$(json_of immd.passengers.total_monthly_mean latest_date assessed_date assessed)" \
    'latest_date="2026-02" assessed_date="2026-02-28" assessed="mean of Dec 2025–Feb 2026"' \
    "monthly mean: a three-month mean across a new year"

# golden lines in three languages
run status --as-of 2026-12-01
expect_eq "$(grep '^Joint laboratories' "$T/out" | tr -s ' ')" \
    'Joint laboratories with Hong Kong and Macao 2021-10-13 20 2025 40 laboratories 33% target date passed, no figure since stale: figure 5.1 years old; projected date passed' \
    "status line: joint laboratories"
expect_eq "$(grep '^Daily passenger traffic through Hong Kong control points  ' "$T/out" | tr -s ' ')" \
    'Daily passenger traffic through Hong Kong control points 2026-03-08 1133880 2035-12-31 1500000* passengers a day 54% on track 2028-02-28 mean of Feb 2026 1039414; stale: figure 9 months old; series break 2023-02-06: the border reopened in full: all control points open, no daily quota' \
    "status line: IMMD total"
run status --as-of 2026-12-01 --lang zh-Hans
expect_eq "$(grep '^与港澳合作新建联合实验室' "$T/out" | tr -s ' ')" \
    '与港澳合作新建联合实验室 2021-10-13 20 2025 40 个实验室 33% 目标日期已过，此后无数据 数据已过时：5.1年前；预计日期已过' \
    "status line in simplified Chinese"
run status --as-of 2026-12-01 --lang zh-Hant
expect_eq "$(grep '^每日出入境人次：香港居民' "$T/out" | tr -s ' ')" \
    '每日出入境人次：香港居民 2026-03-08 820889 每日旅客人次 向好（無目標） 2026年2月均值 671560；數據已過時：9個月前；序列斷點 2023-02-06：the border reopened in full: all control points open, no daily quota' \
    "status line in traditional Chinese"

# a release interval from releases.csv
cp -r indicators "$T/cat"
printf 'indicator,interval_days,source\nscience.joint_labs,2000,test: a five-yearly census\n' > "$T/cat/releases.csv"
BAYTRACK_CATALOGUE="$T/cat" run status --json --as-of 2026-12-01
expect_eq "$(json_of science.joint_labs stale age_days release_interval_days)" \
    'stale=false age_days=1875 release_interval_days=2000' "releases.csv overrides"
printf 'indicator,interval_days,source\nscience.joint_labs,0,test\n' > "$T/cat/releases.csv"
BAYTRACK_CATALOGUE="$T/cat" run status
expect_eq "$RC" 78 "bad releases.csv: exit code"
expect_eq "$(cat "$T/err")" "baytrack: status: $T/cat/releases.csv:2:2: interval_days '0' must be a whole number of days from 1 to 36600" "bad releases.csv: message"
rm "$T/cat/releases.csv"
printf 'indicator,date,reason,source\nimmd.passengers.total,2023-02-30,reopening,test\n' > "$T/cat/breaks.csv"
BAYTRACK_CATALOGUE="$T/cat" run status
expect_eq "$RC" 78 "bad breaks.csv: exit code"
expect_eq "$(cat "$T/err")" "baytrack: status: $T/cat/breaks.csv:2:2: date '2023-02-30': impossible date" "bad breaks.csv: message"
printf 'indicator,date,reason,source\nimmd.passengers.total,2023-02-06,,test\n' > "$T/cat/breaks.csv"
BAYTRACK_CATALOGUE="$T/cat" run status
expect_eq "$(cat "$T/err")" "baytrack: status: $T/cat/breaks.csv:2:3: a break needs its reason" "a break without a reason"

# a site from someone else's catalogue: its own title, subtitle and
# publisher (site.csv), each page its own date, the stale ones said on the
# index, the break on the IMMD page, and no number with more digits than
# the rule allows
mkdir "$T/two"
python3 - indicators "$T/two" <<'PY'
import csv, sys
src, dst = sys.argv[1], sys.argv[2]
keep = {"science.joint_labs", "immd.passengers.total"}
def copy(name, key, extra=None):
    rows = list(csv.reader(open(f"{src}/{name}", encoding="utf-8")))
    with open(f"{dst}/{name}", "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        w.writerow(rows[0])
        for r in rows[1:]:
            if (extra or (lambda r: r[key] in keep))(r):
                w.writerow(r)
copy("indicators.csv", 0)
copy("targets.csv", 0)
copy("breaks.csv", 0)
used = set()
for r in list(csv.reader(open(f"{dst}/indicators.csv", encoding="utf-8")))[1:]:
    used |= {r[4], r[7]}
copy("translations.csv", 0, lambda r: r[0] in used)
PY
printf 'text,en,zh_hans,zh_hant
title,Two indicators,两个指标,兩個指標
subtitle,A test of site.csv,site.csv 的测试,site.csv 的測試
publisher,The test office,测试办公室,測試辦公室
' > "$T/two/site.csv"
BAYTRACK_CATALOGUE="$T/two" run report -o "$T/site" --as-of 2026-12-01
expect_eq "$RC" 0 "report of a two-indicator catalogue"
grep -qF '<h1>Two indicators</h1>
<p>A test of site.csv</p>
<p>The test office · as of 2026-03-08</p>' "$T/site/index.html" || fail "the index's title from site.csv"
grep -qF '<title>兩個指標</title>' "$T/site/index.zh-Hant.html" || fail "the title in traditional Chinese"
grep -qF '<span class="note">stale: figure 5.1 years old</span>' "$T/site/index.html" || fail "the index says which are stale"
grep -qF '○ target date passed, no figure since' "$T/site/index.html" || fail "the index's date_passed"
grep -qF ' · as of 2021-10-13 · <strong>stale: figure 5.1 years old</strong></p>' "$T/site/science.joint_labs.html" \
    || fail "the joint laboratories' page: its own date"
grep -qF '<th scope="row">series break</th><td>2023-02-06: the border' "$T/site/immd.passengers.total.html" \
    || fail "the IMMD page: its break"
grep -qF 'projected date has passed' "$T/site/science.joint_labs.html" || fail "a projection in the past is not shown"
grep -q "^# Two indicators" "$T/site/report.md" || fail "report.md's title"
python3 "$SRC/tests/e2e/sigdigits.py" "$T/site" > "$T/digits" || fail "too many digits: $(head -3 "$T/digits")"
printf 'text,en,zh_hans,zh_hant
motto,a,b,c
' > "$T/two/site.csv"
BAYTRACK_CATALOGUE="$T/two" run status
expect_eq "$(cat "$T/err")" "baytrack: status: $T/two/site.csv:2:1: text 'motto' must be title, subtitle, publisher or languages" "bad site.csv"

# no status line carries more digits than the rule allows
run status --as-of 2026-12-01
python3 "$SRC/tests/e2e/sigdigits.py" "$T/site" "$T/out" > "$T/digits" || fail "status: too many digits: $(head -3 "$T/digits")"

# the TZ of the process changes nothing, in every format and language
for fmt in --json --csv "--lang zh-Hant"; do
    TZ=UTC "$BAYTRACK" status --as-of 2026-12-01 $fmt > "$T/utc"
    for tz in Asia/Hong_Kong America/Los_Angeles Pacific/Kiritimati Etc/GMT+12; do
        TZ=$tz "$BAYTRACK" status --as-of 2026-12-01 $fmt > "$T/tz"
        cmp -s "$T/utc" "$T/tz" || fail "status $fmt differs under TZ=$tz"
    done
done
# huge and subnormal values: six significant digits in e-notation too, for
# people; --json keeps the value as stored
export BAYTRACK_DB="$T/db-edges"
printf 'indicator,date,value,city\nlegal.gba_lawyers,2024,123456789012345678901234567890,a\nlegal.gba_lawyers,2024,4.94065645841247e-324,b\n' > "$T/edges.csv"
run load "$T/edges.csv"
expect_eq "$RC" 0 "huge and subnormal values load"
"$BAYTRACK" status --as-of 2026-12-01 > "$T/edges"
"$BAYTRACK" status --as-of 2026-12-01 --by city >> "$T/edges"
grep -q ' 1\.23457e+29 ' "$T/edges" || fail "status: 1.23457e+29: $(grep -i lawyers "$T/edges")"
grep -q ' 4\.94066e-324 ' "$T/edges" || fail "status --by: 4.94066e-324: $(grep -A2 -i lawyers "$T/edges")"
python3 "$SRC/tests/e2e/sigdigits.py" "$T/site" "$T/edges" > "$T/digits" || fail "status: too many digits: $(head -3 "$T/digits")"
"$BAYTRACK" status --as-of 2026-12-01 --json | grep -qF '"latest_value":1.2345678901234568e+29' ||
    fail "status --json: the value as stored"

finish
