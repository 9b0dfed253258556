# Charts: the exact gnuplot script, real PNG/SVG/PDF from the real gnuplot,
# hostile text that must stay text, and a clear error without gnuplot.
. "$(dirname "$0")/lib.sh"
cd "$T"
"$BAYTRACK" load -q "$SRC/datasets/seeds_soft_connectivity.csv"

# the script a chart produces, pinned (TZ and locale pinned by lib.sh)
CAPTURE="$T/script.gp" BAYTRACK_GNUPLOT="$SRC/tests/e2e/capture-gnuplot" \
    "$BAYTRACK" chart clearance.macao_hengqin_commute -o chart.png
if ! cmp -s "$T/script.gp" "$SRC/tests/e2e/golden/chart_clearance.gp"; then
    fail "the gnuplot script differs from tests/e2e/golden/chart_clearance.gp"
    diff "$SRC/tests/e2e/golden/chart_clearance.gp" "$T/script.gp" >&2 || true
fi
# the same script under another TZ
CAPTURE="$T/script2.gp" BAYTRACK_GNUPLOT="$SRC/tests/e2e/capture-gnuplot" TZ=Asia/Macau \
    "$BAYTRACK" chart clearance.macao_hengqin_commute -o chart.png
cmp -s "$T/script.gp" "$T/script2.gp" || fail "TZ changes the chart script"

# real gnuplot: an 800x450 PNG with the observed line (blue) and the
# target marker (red)
run chart clearance.macao_hengqin_commute -o chart.png --lang zh-Hans
expect_eq "$RC" 0 "chart exits 0"
set -- $(python3 "$SRC/tests/e2e/pngcolors.py" chart.png 1f77b4 d62728)
expect_eq "$1x$2" "800x450" "PNG size"
[ "$3" -gt 100 ] || fail "no observed line in the chart ($3 blue pixels)"
[ "$4" -gt 20 ] || fail "no target marker in the chart ($4 red pixels)"
run chart clearance.macao_hengqin_commute -o chart.svg
head -c 5 chart.svg | grep -q '<?xml' || fail "SVG output"
# the SVG speaks for itself: its title and status, its series by name, a
# <title> tooltip on each point, no script and no event handler
python3 - chart.svg <<'PY' || fail "the SVG's own words"
import re, sys, xml.dom.minidom as m
text = open(sys.argv[1], encoding="utf-8").read()
m.parseString(text)
titles = re.findall(r"<title>([^<]*)</title>", text)
assert titles[0] == "Single-trip clearance time, Macao–Hengqin commuters", titles[0]
assert re.search(r"<desc>status: ▲ on track</desc>", text), "desc"
for name in ("planned path", "observed", "projection", "baseline", "target"):
    assert name in titles, (name, titles)
assert "2020: 45" in titles and "2024: 25" in titles, titles
assert not re.search(r"gnuplot_plot_\d+</title>|<script|\bon[a-z]+=|Produced by GNUPLOT", text)
PY
grep -q '澳门' chart.svg && fail "English SVG has Chinese name"
run chart clearance.macao_hengqin_commute -o chart.svg --lang zh-Hant
grep -q '澳門—橫琴通勤單程通關時間' chart.svg || fail "traditional Chinese title in SVG"
run chart clearance.macao_hengqin_commute -o chart.pdf
head -c 5 chart.pdf | grep -q '%PDF' || fail "PDF output"
run chart clearance.macao_hengqin_commute -o chart.gif
expect_eq "$RC" 64 "unknown chart format"

# hostile names from a catalogue and a data file chart literally, run nothing
mkdir -p cat
cp "$SRC/indicators/indicators.csv" "$SRC/indicators/targets.csv" cat/
printf 'evil.one,2030,5,target,"`touch CANARY9`'"'"'.system(""touch CANARY9"").'"'"'",yes\n' >> cat/targets.csv
cat >> cat/indicators.csv <<'CSV'
evil.one,"x`touch CANARY1`","'.system(""touch CANARY2"").'","@evil; system('touch CANARY3')",`touch CANARY4`,up,yearly,test,"a
system(""touch CANARY5"")"
CSV
printf 'indicator,date,value,city\nevil.one,2020,1,"$(touch CANARY6)`touch CANARY7`'"'"'.system(""touch CANARY8"").'"'"'"\nevil.one,2021,2,"$(touch CANARY6)`touch CANARY7`'"'"'.system(""touch CANARY8"").'"'"'"\n' > evil.csv
export BAYTRACK_CATALOGUE="$T/cat"
run load evil.csv
expect_eq "$RC" 0 "hostile dimension value loads as text"
for lang in en zh-Hans zh-Hant; do
    run chart evil.one -o evil.png --lang $lang
    expect_eq "$RC" 0 "hostile chart ($lang) exits 0: $(cat "$T/err")"
done
run chart evil.one -o evil.svg --where 'city=$(touch CANARY6)`touch CANARY7`'"'"'.system("touch CANARY8").'"'"
expect_eq "$RC" 0 "hostile --where chart exits 0: $(cat "$T/err")"
grep -q 'x`touch CANARY1`' evil.svg || fail "the hostile name is drawn literally"
# markup in a name, a unit and a dimension value
printf 'indicator,date,value,city\nevil.one,2022,3,"</td><script>document.title=1</script><img src=x onerror=alert(1)>"\n' > markup.csv
run load markup.csv
expect_eq "$RC" 0 "a dimension value with markup loads as text"
run report -o rep
expect_eq "$RC" 0 "report with hostile names exits 0"
ls CANARY* 2>/dev/null && fail "a hostile name ran a command"
# in the site the hostile names are text: escaped in HTML, no script or
# image of theirs in any page or chart, every link still resolves
for f in rep/*.html; do
    grep -q '<script\|<img src=x' "$f" && fail "$f: markup from a name became HTML"
done
grep -qF 'x`touch CANARY1`' rep/evil.one.html || fail "the hostile name is shown as text"
grep -qF '&lt;/td&gt;&lt;script&gt;document.title=1&lt;/script&gt;' rep/evil.one.html \
    || fail "the markup of a dimension value is shown as text"
for f in rep/charts/evil.one.*.svg; do
    python3 -c "import sys, xml.dom.minidom as m; m.parse(sys.argv[1])" "$f" \
        || fail "$f is not well-formed XML"
    [ "$(grep -c '<script' "$f")" = "$(grep -c '<script' rep/charts/legal.gba_lawyers.en.svg)" ] \
        || fail "$f: a script of a name's"
    grep -q '<img src=x\|<script>document' "$f" && fail "$f: markup from a name became SVG"
done
python3 "$SRC/tests/e2e/sitecheck.py" rep en > "$T/site" 2>&1 || fail "site with hostile names: $(head -3 "$T/site")"
export BAYTRACK_CATALOGUE="$SRC/indicators"

# figures a load accepts chart with the real gnuplot, whatever their size:
# denormals, the largest accepted (1e303) either way, mixed magnitudes,
# all equal, one point; no nan or inf reaches the script
mkdir -p xcat
cp "$SRC/indicators/indicators.csv" "$SRC/indicators/targets.csv" xcat/
printf 't.d,Test daily,测试,測試,things,up,daily,test,synthetic\nt.m,Test monthly,测试月,測試月,things,up,monthly,test,synthetic\n' >> xcat/indicators.csv
export BAYTRACK_CATALOGUE="$T/xcat" BAYTRACK_DB="$T/xdb"
for values in "4.9e-324 4.9e-324" "1e303 1e303" "-1e303 -1e303" "1e303 -1e303" \
              "1e303 1.2e29 0.3 4.9e-324" "7 7" "1e303"; do
    rm -rf "$T/xdb"
    printf 'indicator,date,value\n' > x.csv
    day=1
    for v in $values; do
        printf 't.d,2024-01-%02d,%s\n' $day "$v" >> x.csv
        day=$((day + 1))
    done
    "$BAYTRACK" load -q x.csv
    run chart t.d -o x.svg
    expect_eq "$RC" 0 "chart of $values exits 0: $(cat "$T/err")"
    CAPTURE="$T/x.gp" BAYTRACK_GNUPLOT="$SRC/tests/e2e/capture-gnuplot" \
        "$BAYTRACK" chart t.d -o x.svg
    grep -qw 'nan\|inf' "$T/x.gp" && fail "chart of $values: nan or inf in the script"
done
# breakdowns of mixed magnitudes on one axis
rm -rf "$T/xdb"
printf 'indicator,date,value,city\n' > x.csv
for m in 01 02 03; do
    printf 't.m,2024-%s,1e303,a\nt.m,2024-%s,1.2e29,b\nt.m,2024-%s,0.3,c\nt.m,2024-%s,4.9e-324,d\n' $m $m $m $m >> x.csv
done
"$BAYTRACK" load -q x.csv
run chart t.m --by city -o x.svg
expect_eq "$RC" 0 "--by chart of mixed magnitudes exits 0: $(cat "$T/err")"
# daily breakdowns of three weeks, no month complete: drawn day by day
# (a longer line is drawn as its monthly means)
rm -rf "$T/xdb"
printf 'indicator,date,value,city\n' > x.csv
for d in $(seq 5 25); do
    printf 't.d,2024-01-%02d,%d,a\nt.d,2024-01-%02d,%d,b\n' $d $d $d $((d * 2)) >> x.csv
done
"$BAYTRACK" load -q x.csv
CAPTURE="$T/x.gp" BAYTRACK_GNUPLOT="$SRC/tests/e2e/capture-gnuplot" \
    "$BAYTRACK" chart t.d --by city -o x.svg
expect_eq "$(grep -c '^2024-01-' "$T/x.gp")" 42 "--by chart of three weeks: both lines, day by day"
run chart t.d --by city -o x.svg
expect_eq "$RC" 0 "--by chart of three weeks exits 0: $(cat "$T/err")"
# 65 days, one month complete: the days, not one monthly mean, with a
# tic a month
rm -rf "$T/xdb"
printf 'indicator,date,value\n' > x.csv
python3 -c "
import datetime
for i in range(65):
    print('t.d,%s,%d' % (datetime.date(2024, 1, 5) + datetime.timedelta(i), i))" >> x.csv
"$BAYTRACK" load -q x.csv
CAPTURE="$T/x.gp" BAYTRACK_GNUPLOT="$SRC/tests/e2e/capture-gnuplot" "$BAYTRACK" chart t.d -o x.svg
grep -q '^\$months' "$T/x.gp" && fail "65 days: no monthly means of one month"
grep -q "set xtics ('2024-02' '2024-02-01', '2024-03' '2024-03-01')" "$T/x.gp" || fail "65 days: a tic a month: $(grep xtics "$T/x.gp")"
export BAYTRACK_CATALOGUE="$SRC/indicators" BAYTRACK_DB="$T/db"

# without gnuplot: a clear error, and status still works
BAYTRACK_GNUPLOT=/nonexistent/gnuplot run chart legal.gba_lawyers -o x.png
expect_eq "$RC" 70 "no gnuplot: exit code"
expect_eq "$(cat "$T/err")" "baytrack: chart: '/nonexistent/gnuplot' is not installed (or not in PATH); install gnuplot (Debian: apt-get install gnuplot-nox); 'baytrack status' works without it" "no gnuplot: message"
BAYTRACK_GNUPLOT=/nonexistent/gnuplot run status
expect_eq "$RC" 0 "status works without gnuplot"
finish
