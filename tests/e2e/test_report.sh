# status --json, and the report: files, links that resolve on disk, no
# network, and headless Chromium showing the charts.
. "$(dirname "$0")/lib.sh"
cd "$T"
"$BAYTRACK" load -q "$SRC"/datasets/*.csv

# status --json: every field of every indicator, exact values for two,
# as of the last day of the IMMD file (the default is today)
run status --json --as-of 2026-03-08
expect_eq "$RC" 0 "status --json exits 0"
python3 - "$T/out" <<'PY' || fail "status --json fields"
import json, sys
rows = json.load(open(sys.argv[1]))
need = ["indicator", "name", "unit", "latest_date", "latest_value", "baseline_date",
        "baseline_value", "target_date", "target_value", "progress", "elapsed",
        "status", "projected_date", "assessed_date", "assessed_value", "assessed",
        "stale", "age_days", "release_interval_days", "break_date"]
assert len(rows) == 36, len(rows)
for r in rows:
    missing = [k for k in need if k not in r]
    assert not missing, (r["indicator"], missing)
    assert r["status"] in ("achieved", "on_track", "moderate_progress", "off_track",
                           "deterioration", "improving", "little_change", "worsening",
                           "date_passed", "insufficient_data"), r["status"]
PY
expect_eq "$(grep '"clearance.macao_hengqin_commute"' "$T/out")" '{"indicator":"clearance.macao_hengqin_commute","name":"Single-trip clearance time, Macao–Hengqin commuters","unit":"minutes","display_unit":"minutes","display_divisor":1,"latest_date":"2024","latest_value":25,"baseline_date":"2020","baseline_value":45,"target_date":"2035","target_value":20,"target_kind":"target","target_illustrative":true,"progress":0.8000,"elapsed":0.2667,"pace":2.5964,"rate_actual":-0.1367,"rate_required":-0.0526,"status":"on_track","projected_date":"2026-07-09","trend_date":null,"growth":null,"assessed_date":"2024","assessed_value":25,"assessed":null,"stale":false,"age_days":432,"release_interval_days":549,"break_date":null,"break_reason":null,"series":1},' "status --json: clearance"
expect_eq "$(grep '"transport.one_hour_circle"' "$T/out")" '{"indicator":"transport.one_hour_circle","name":"Travel time between the main cities (one-hour circle)","unit":"minutes","display_unit":"minutes","display_divisor":1,"latest_date":"2024","latest_value":47,"baseline_date":"2024","baseline_value":47,"target_date":"2035","target_value":60,"target_kind":"target","target_illustrative":false,"progress":1.0000,"elapsed":0.0000,"pace":null,"rate_actual":null,"rate_required":null,"status":"achieved","projected_date":"2024-12-31","trend_date":null,"growth":null,"assessed_date":"2024","assessed_value":47,"assessed":null,"stale":false,"age_days":432,"release_interval_days":549,"break_date":null,"break_reason":null,"series":1},' "status --json: one-hour circle"
# no target: the trend from the first observation within five years
expect_eq "$(grep '"legal.gba_lawyers"' "$T/out")" '{"indicator":"legal.gba_lawyers","name":"Greater Bay Area lawyers licensed (Hong Kong and Macao)","unit":"people","display_unit":"people","display_divisor":1,"latest_date":"2025-12-05","latest_value":630,"baseline_date":"2020-08","baseline_value":0,"target_date":null,"target_value":null,"target_kind":null,"target_illustrative":false,"progress":null,"elapsed":null,"pace":null,"rate_actual":null,"rate_required":null,"status":"improving","projected_date":null,"trend_date":"2022-07-06","growth":3.3960,"assessed_date":"2025-12-05","assessed_value":630,"assessed":null,"stale":true,"age_days":93,"release_interval_days":62,"break_date":null,"break_reason":null,"series":1},' "status --json: a trend without a target"
run status --csv --lang zh-Hant --as-of 2026-03-08
expect_eq "$(sed -n 1p "$T/out")" "indicator,name,unit,latest_date,latest_value,baseline_date,baseline_value,target_date,target_value,target_illustrative,progress,elapsed,pace,status,projected_date,trend_date,growth,assessed_date,assessed_value,assessed,stale,age_days,release_interval_days,break_date" "status --csv header"
grep -q '^legal.gba_lawyers,獲頒大灣區律師執業證的港澳律師,' "$T/out" || fail "status --csv in traditional Chinese"
# --as-of: before the 2024 observation, only the 2020 baseline is known
run status --json --as-of 2023
grep '"clearance.macao_hengqin_commute"' "$T/out" | grep -q '"latest_date":"2020".*"status":"insufficient_data"' || fail "status --as-of"

# status in traditional Chinese: the headers too
run status --lang zh-Hant --as-of 2026-03-08
expect_eq "$(sed -n 1p "$T/out" | tr -s ' ')" "名稱 最新 數值 目標 數值 單位 進度 狀態 預計達標 說明" "status headers in traditional Chinese"

# the report: a site in three languages, zh-Hans at index.html
run report -o rep --lang zh-Hans --as-of 2026-03-08
expect_eq "$RC" 0 "report exits 0"
expect_eq "$(cat "$T/out")" "rep/index.html: 36 indicators, 270 charts, 117 pages in 3 languages" "report summary"
for f in index.html index.en.html index.zh-Hant.html report.md methodology.html \
         methodology.en.html dashboard.svg charts/immd.passengers.total.by.zh-Hant.svg \
         immd.passengers.total.html immd.passengers.total.en.html \
         data/immd.passengers.total.csv; do
    [ -s "rep/$f" ] || fail "report: no $f"
done
expect_eq "$(ls rep/charts | wc -l)" 264 "a chart per indicator, 4 small multiples and 4 comparisons, in 3 languages, wide and narrow"
# every link resolves, lang and hreflang, text alternatives, header cells
python3 "$SRC/tests/e2e/sitecheck.py" rep zh-Hans > "$T/site" 2>&1 || fail "site check: $(head -5 "$T/site")"
grep -q '进展顺利' rep/index.html || fail "status labels in simplified Chinese"
grep -q '<th scope="row">通關</th>' rep/index.zh-Hant.html || fail "domains in traditional Chinese"
grep -q '<th scope="row">单位</th><td>每日旅客人次</td>' rep/immd.passengers.total.html || fail "units in simplified Chinese"
grep -q '進展順利' rep/index.zh-Hant.html || fail "status labels in traditional Chinese"
grep -q '>▲ on track<' rep/index.en.html || fail "status as symbol and word"
# an indicator page shows its status arithmetic (clearance: 45 to 20 minutes)
p=rep/clearance.macao_hengqin_commute.en.html
for want in '<th scope="row">baseline</th><td>2020: 45</td>' \
            '<th scope="row">target</th><td>2035: 20* (target)</td>' \
            '<th scope="row">pace ratio r</th><td>2.596</td>' \
            'Chart of Single-trip clearance time, Macao–Hengqin commuters: 2 observations from 2020 to 2024; latest 25 minutes (2024).'; do
    grep -qF "$want" "$p" || fail "$p lacks: $want"
done
# a daily series is assessed on its last complete month's mean, named,
# beside its last single observation
grep -qF '<th scope="row">assessed value</th><td>mean of Feb 2026: 1,039,414</td>' rep/immd.passengers.total.en.html \
    || fail "the daily series' assessed value"
grep -qF '<th scope="row">latest</th><td>2026-03-08: 1,133,880</td>' rep/immd.passengers.total.en.html \
    || fail "the daily series' last observation"
# the reopening as a break, and the baseline after it
grep -qF '<th scope="row">baseline</th><td>2023-03-31: 495,992 (mean of Mar 2023, first observation after the break); the catalogue&#39;s baseline, before the break, is set aside</td>' rep/immd.passengers.total.en.html \
    || fail "the IMMD page's baseline after the break"
grep -qF '<th scope="row">series break</th><td>2023-02-06: the border reopened in full' rep/immd.passengers.total.en.html \
    || fail "the IMMD page's break"
# each page has its own date; a stale figure says so on its page and the index
grep -qF ' · as of 2021-10-13 · <strong>stale: figure 4.4 years old</strong></p>' rep/science.joint_labs.en.html \
    || fail "the joint laboratories' own date and staleness"
grep -qF ' · as of 2026-03-08</p>' rep/immd.passengers.total.en.html || fail "the IMMD page's own date"
grep -qF '<span class="note">stale: figure 4.4 years old</span>' rep/index.en.html || fail "the index says which are stale"
grep -qF '<span class="note">数据已过时：4.4年前</span>' rep/index.html || fail "the index says which are stale, in Chinese"
# breakdowns: every control point's status, largest first, the bridge on
# its own (illustrative) target, the others on their trend; Chinese pages
# name dimensions and values in Chinese (indicators/dimensions.csv)
p=rep/immd.passengers.total.en.html
grep -qF '<h2 id="breakdown">progress by control_point</h2>' "$p" || fail "breakdowns: heading"
expect_eq "$(sed -n '/<div class="wide breakdowns"/,/<\/table>/p' "$p" | grep -o '<tr><th scope="row">[^<]*</th><td><span class="status"' | sed 's/<tr><th scope="row">//; s/<.*//' | head -3 | tr '\n' ';')" \
    "Lo Wu;Lok Ma Chau Spur Line;Shenzhen Bay;" "breakdowns: largest latest value first"
grep -o '<tr><th scope="row">Hong Kong-Zhuhai-Macao Bridge</th>.*</tr>' "$p" | grep -qF '2030-12-31: 150,000*' \
    || fail "breakdowns: the bridge's own target"
expect_eq "$(grep -c '(no target)</a></span></td>' "$p")" 15 "breakdowns: the other 15 on their trend"
grep -qF 'charts/immd.passengers.total.cmp.en.svg' "$p" || fail "breakdowns: the comparison chart"
grep -qF 'charts/immd.passengers.total.cmp.narrow.en.svg' "$p" || fail "breakdowns: the comparison chart for a phone"
for f in rep/immd.passengers.total.zh-Hant.html rep/immd.passengers.total.html; do
    grep -qF '管制站' "$f" || fail "$f: the dimension's name in Chinese"
    grep -q '<tr><th scope="row">港珠澳大[桥橋]</th>' "$f" || fail "$f: a control point in Chinese"
    # (file names in links keep the series' names)
    expect_eq "$(sed 's/href="[^"]*"//g' "$f" | grep -c 'control_point\|Lo Wu')" 0 "$f: no English dimension or value"
done

# the roll-up: all 36, 25 with a score
grep -q '<th scope="row">全部指标</th><td class="num">36</td>' rep/index.html || fail "roll-up row"

# TZ changes nothing: the same pages, charts and downloads
TZ=Pacific/Kiritimati "$BAYTRACK" report -q -o rep.tz --lang zh-Hans --as-of 2026-03-08 || fail "report under another TZ"
diff -r -x '*.png' rep rep.tz > "$T/tzdiff" || fail "TZ changes the report: $(head -5 "$T/tzdiff")"
rm -rf rep.tz

# every CSV download loads into an empty database and exports the same
# (derived indicators are computed on read, so their CSV has no stored twin)
derived=$(cut -d, -f1 "$SRC/indicators/derived.csv" | tail -n +2)
n=0
find rep/data -name '*.csv' | sort > "$T/downloads"
while read -r f; do
    id=$(sed -n 2p "$f" | cut -d, -f1)
    echo "$derived" | grep -qx "$id" && continue
    n=$((n + 1))
    "$BAYTRACK" load -q --db "$T/rt$n" "$f" || { fail "download $f does not load"; continue; }
    "$BAYTRACK" export --all --annotated --db "$T/rt$n" "$id" > "$T/rt.csv" || fail "export of $f"
    cmp -s "$f" "$T/rt.csv" || fail "download $f exports differently"
    rm -rf "$T/rt$n"
done < "$T/downloads"
[ "$n" -gt 30 ] || fail "only $n downloads checked"
# one download an indicator: its series are rows of the whole, not files again
[ ! -e rep/data/immd.passengers.total ] || fail "per-series downloads beside the whole"
# downloads carry the unit, and each observation's note and source
expect_eq "$(sed -n 1p rep/data/hzmb.zhuhai_port.passengers.csv)" \
    "indicator,date,value,unit,flag,note,source" "download header"
expect_eq "$(sed -n 3p rep/data/hzmb.zhuhai_port.passengers.csv)" \
    'hzmb.zhuhai_port.passengers,2024,27000000,passenger trips a year,>,,"Hong Kong-Zhuhai-Macao Bridge border inspection station, Xinhua, 2025-01-04"' \
    "a download carries unit, flag and source"
# and so does the page's data table, with the flag's meaning, in the
# indicator's display unit (indicators/display.csv: millions)
grep -qF '<tr><td>2024</td><td class="num">27</td><td>million passenger trips a year</td><td>&gt;</td><td>more than</td><td>Hong Kong-Zhuhai-Macao Bridge border inspection station, Xinhua, 2025-01-04</td></tr>' \
    rep/hzmb.zhuhai_port.passengers.en.html || fail "the data table's flag, note and source"
grep -qF '<td>middle of 40–50; year not given, dated before the policies the speaker credits</td>' \
    rep/clearance.macao_hengqin_commute.en.html || fail "an observation's note on its page"
# a unit that is not the catalogue's is an error, where it is
sed '2s/,minutes,/,hours,/' rep/data/clearance.macao_hengqin_commute.csv > "$T/hours.csv"
run load --db "$T/hours" "$T/hours.csv"
expect_eq "$RC" 65 "a wrong unit is rejected"
grep -qF "hours.csv:2:4: unit 'hours' is not 'minutes', the unit of clearance.macao_hengqin_commute in the catalogue" "$T/err" \
    || fail "wrong unit message: $(cat "$T/err")"

# headless Chromium renders the pages from disk in each language; the
# screenshots show the charts (the observed line's blue) and the statuses
command -v chromium >/dev/null || { echo "SKIP: chromium not installed"; exit 77; }
shot() { # shot PAGE PNG HEIGHT
    timeout 120 chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
        --disable-background-networking --disable-component-update --disable-sync \
        --user-data-dir="$T/chromium" --hide-scrollbars --window-size=1300,"$3" \
        --screenshot="$2" "file://$T/rep/$1" >/dev/null 2>&1 || fail "chromium screenshot of $1"
}
for lang in zh-Hans en zh-Hant; do
    x=.$lang
    [ $lang = zh-Hans ] && x=
    # the dashboard, and an indicator page's charts: the observed line's
    # blue; the summary's statuses by colour too (on track, achieved)
    for page in "index$x.html" "immd.passengers.total$x.html"; do
        # the summary's ten status columns push the dashboard down
        shot "$page" "$T/shot.png" $(case $page in index*) echo 1900 ;; *) echo 1500 ;; esac)
        set -- $(python3 "$SRC/tests/e2e/pngcolors.py" "$T/shot.png" 1f77b4 66bd63 1a9850)
        [ "$3" -gt 300 ] || fail "$page: the screenshot shows no chart lines ($3 blue pixels)"
        [ "$4" -gt 100 ] || fail "$page: the screenshot shows no on-track status ($4 pixels)"
        case $page in index*)
            [ "$5" -gt 100 ] || fail "$page: the screenshot shows no achieved status ($5 pixels)"
        esac
        [ -n "${KEEP_SHOT:-}" ] && cp "$T/shot.png" "$KEEP_SHOT/$page.png"
    done
done
# the comparison chart: the five control points the catalogue picks, each
# line in its own colour (the first three of the palette seen)
shot charts/immd.passengers.total.cmp.zh-Hant.svg "$T/cmp.png" 500
set -- $(python3 "$SRC/tests/e2e/pngcolors.py" "$T/cmp.png" 4e79a7 f28e2b e15759)
[ "$3" -gt 200 ] && [ "$4" -gt 200 ] && [ "$5" -gt 200 ] ||
    fail "the comparison chart shows fewer than three coloured lines ($3, $4, $5 pixels)"
[ -n "${KEEP_SHOT:-}" ] && cp "$T/cmp.png" "$KEEP_SHOT/cmp.png"
# with scripts off everything shows: the pages have no script at all, and
# a chart's script only adds its tooltips to the drawing
expect_eq "$(grep -l '<script' rep/*.html | wc -l)" 0 "no page needs a script"
# control: without the charts the same page has (almost) none of that blue
mv rep/charts rep/charts.away
shot immd.passengers.total.en.html "$T/bare.png" 1500
set -- $(python3 "$SRC/tests/e2e/pngcolors.py" "$T/bare.png" 1f77b4)
[ "$3" -lt 50 ] || fail "the blue of the charts is found without them ($3 pixels)"
finish
