# status --json, and the report: files, links that resolve on disk, no
# network, and headless Chromium showing the charts.
. "$(dirname "$0")/lib.sh"
cd "$T"
"$BAYTRACK" load -q "$SRC"/datasets/*.csv

# status --json: every field of every indicator, exact values for two
run status --json
expect_eq "$RC" 0 "status --json exits 0"
python3 - "$T/out" <<'PY' || fail "status --json fields"
import json, sys
rows = json.load(open(sys.argv[1]))
need = ["indicator", "name", "unit", "latest_date", "latest_value", "baseline_date",
        "baseline_value", "target_date", "target_value", "progress", "elapsed",
        "status", "projected_date"]
assert len(rows) == 36, len(rows)
for r in rows:
    missing = [k for k in need if k not in r]
    assert not missing, (r["indicator"], missing)
    assert r["status"] in ("achieved", "on_track", "moderate_progress", "off_track",
                           "deterioration", "improving", "little_change", "worsening",
                           "insufficient_data"), r["status"]
PY
expect_eq "$(grep '"clearance.macao_hengqin_commute"' "$T/out")" '{"indicator":"clearance.macao_hengqin_commute","name":"Single-trip clearance time, Macao–Hengqin commuters","unit":"minutes","latest_date":"2024","latest_value":25,"baseline_date":"2020","baseline_value":45,"target_date":"2035","target_value":20,"target_kind":"target","target_illustrative":true,"progress":0.8000,"elapsed":0.2667,"pace":2.5964,"status":"on_track","projected_date":"2026-07-09","trend_date":null,"growth":null,"series":1},' "status --json: clearance"
expect_eq "$(grep '"transport.one_hour_circle"' "$T/out")" '{"indicator":"transport.one_hour_circle","name":"Travel time between the main cities (one-hour circle)","unit":"minutes","latest_date":"2024","latest_value":47,"baseline_date":"2024","baseline_value":47,"target_date":"2035","target_value":60,"target_kind":"target","target_illustrative":false,"progress":1.0000,"elapsed":0.0000,"pace":null,"status":"achieved","projected_date":"2024-12-31","trend_date":null,"growth":null,"series":1},' "status --json: one-hour circle"
# no target: the trend from the first observation within five years
expect_eq "$(grep '"legal.gba_lawyers"' "$T/out")" '{"indicator":"legal.gba_lawyers","name":"Greater Bay Area lawyers licensed (Hong Kong and Macao)","unit":"people","latest_date":"2025-12-05","latest_value":630,"baseline_date":"2020-08","baseline_value":0,"target_date":null,"target_value":null,"target_kind":null,"target_illustrative":false,"progress":null,"elapsed":null,"pace":null,"status":"improving","projected_date":null,"trend_date":"2022-07-06","growth":3.3960,"series":1},' "status --json: a trend without a target"
run status --csv --lang zh-Hant
expect_eq "$(sed -n 1p "$T/out")" "indicator,name,unit,latest_date,latest_value,baseline_date,baseline_value,target_date,target_value,target_illustrative,progress,elapsed,pace,status,projected_date,trend_date,growth" "status --csv header"
grep -q '^legal.gba_lawyers,獲頒大灣區律師執業證的港澳律師,' "$T/out" || fail "status --csv in traditional Chinese"
# --as-of: before the 2024 observation, only the 2020 baseline is known
run status --json --as-of 2023
grep '"clearance.macao_hengqin_commute"' "$T/out" | grep -q '"latest_date":"2020".*"status":"insufficient_data"' || fail "status --as-of"

# the report
run report -o rep --lang zh-Hans
expect_eq "$RC" 0 "report exits 0"
expect_eq "$(cat "$T/out")" "rep/index.html: 36 indicators, 41 charts" "report summary"
for f in index.html report.md methodology.html dashboard.png charts/immd.passengers.total.by.png; do
    [ -s "rep/$f" ] || fail "report: no $f"
done
expect_eq "$(ls rep/charts | wc -l)" 40 "one chart per indicator and 4 small multiples"
# every local reference resolves; nothing is fetched from a network
grep -o 'src="[^"]*"\|href="[^"#]*"' rep/index.html | cut -d'"' -f2 | sort -u | while read -r ref; do
    [ -e "rep/$ref" ] || echo "missing $ref"
done > "$T/missing"
expect_eq "$(cat "$T/missing")" "" "every reference in index.html exists"
grep -q 'https\?://' rep/index.html && fail "index.html refers to the network"
grep -q '<html lang="zh-Hans">' rep/index.html || fail "report language"
grep -q '进展顺利' rep/index.html || fail "status labels in Chinese"
grep -q 'methodology.html' rep/index.html || fail "link to the methodology"

# headless Chromium renders the page from disk; the screenshot shows the
# charts (the observed line's blue) and the status colours (on track green)
command -v chromium >/dev/null || { echo "SKIP: chromium not installed"; exit 77; }
shot() { # shot PNG: a screenshot of rep/index.html
    timeout 120 chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
        --disable-background-networking --disable-component-update --disable-sync \
        --user-data-dir="$T/chromium" --hide-scrollbars --window-size=1300,4000 \
        --screenshot="$1" "file://$T/rep/index.html" >/dev/null 2>&1 || fail "chromium screenshot"
}
shot "$T/shot.png"
set -- $(python3 "$SRC/tests/e2e/pngcolors.py" "$T/shot.png" 1f77b4 66bd63 1a9850)
[ "$3" -gt 300 ] || fail "the screenshot shows no chart lines ($3 blue pixels)"
[ "$4" -gt 500 ] || fail "the screenshot shows no on-track status ($4 pixels)"
[ "$5" -gt 500 ] || fail "the screenshot shows no achieved status ($5 pixels)"
[ -n "${KEEP_SHOT:-}" ] && cp "$T/shot.png" "$KEEP_SHOT"
# control: without the images the same page has (almost) none of that blue
mv rep/charts rep/charts.away && mv rep/dashboard.png rep/dashboard.away
shot "$T/bare.png"
set -- $(python3 "$SRC/tests/e2e/pngcolors.py" "$T/bare.png" 1f77b4)
[ "$3" -lt 50 ] || fail "the blue of the charts is found without them ($3 pixels)"
finish
