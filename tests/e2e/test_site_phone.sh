# The report site as a reader meets it in headless Chromium, on a phone
# (390 CSS pixels) and on a screen (1,300): no page scrolls sideways, no
# chart text shows below 9 pixels, every tab stop has a focus ring of 3:1,
# every passage in another language says so, and axe-core finds no
# violation of WCAG 2.1 A/AA (sitephone.py); and, from
# disk, page weight and the lang of parts (sitecheck.py). The pages: the
# index, an indicator with breakdowns and a long daily series, one with a
# data table, the methodology and what's new, in each language.
. "$(dirname "$0")/lib.sh"
cd "$T"
"$BAYTRACK" load -q "$SRC"/datasets/*.csv
"$BAYTRACK" report -q -o rep || fail "report"
python3 "$SRC/tests/e2e/sitecheck.py" rep en > "$T/site" 2>&1 || fail "site check: $(head -5 "$T/site")"

# the methodology is HTML: no Markdown left to see, a heading per section
m=rep/methodology.html
grep -qF '<h2 id="status">Status</h2>' $m || fail "methodology: the status heading"
grep -qF '<li><strong>baseline</strong> (b, x_b)' $m || fail "methodology: a list with emphasis"
grep -qF '<th scope="col">status</th><th scope="col">rule</th>' $m || fail "methodology: a table"
grep -q '<pre tabindex="0"><code>progress  p = ' $m || fail "methodology: a formula block"
sed -n '/<main>/,$p' $m | grep -v '<pre\|<code' | grep -q '\*\*\|`' && fail "methodology: Markdown marks left in the text"
grep -qF '<p class="note">本頁尚未譯成中文，以下為英文原文。</p>' rep/methodology.zh-Hant.html \
    || fail "methodology in traditional Chinese: says it is English"
grep -qF '<div lang="en">' rep/methodology.zh-Hans.html || fail "methodology in simplified Chinese: the English body tagged"

# the charts: a narrow twin for each, chosen below the wide one's width
grep -qF '<source media="(max-width: 831px)" srcset="charts/immd.passengers.total.narrow.en.svg"' \
    rep/immd.passengers.total.html || fail "the chart's narrow twin"
grep -qF 'aria-describedby="chart-desc"' rep/immd.passengers.total.html || fail "the chart's description by reference"
# the dashboard: an SVG, with a narrow twin of one column, each titled
grep -qF '<source media="(max-width: 1131px)" srcset="dashboard.narrow.svg"' rep/index.html || fail "the dashboard's narrow twin"
grep -qF '<img src="dashboard.svg" width="1100"' rep/index.html || fail "the dashboard, an SVG"
grep -q '<title>Greater Bay Area soft connectivity: progress against the plan' rep/dashboard.svg || fail "the dashboard's own title"
grep -q '<title>Gnuplot</title>' rep/dashboard*.svg && fail "a dashboard titled by gnuplot"
grep -q '<object' rep/*.html && fail "a chart as an <object> (a tab stop of its own)"
# a long daily series shows its latest 400 rows, the whole table a link away
expect_eq "$(grep -c '^<tr><td>20' rep/immd.passengers.total.html)" 400 "rows of the IMMD page's data table"
grep -qF 'The latest 400 of 1893 rows; <a href="data/immd.passengers.total.csv" download>the whole table (CSV)</a>' \
    rep/immd.passengers.total.html || fail "the link to the whole table"

if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; then
    [ "$FAILED" = 0 ] || finish
    echo "SKIP: chromium or chromedriver not installed"
    exit 77
fi
# axe-core (./setup.sh test installs it in the build directory, or AXE_JS)
: "${AXE_JS:=$(dirname "$BAYTRACK")/axe/node_modules/axe-core/axe.min.js}"
if [ -f "$AXE_JS" ]; then export AXE_JS; else
    echo "NOTE: axe-core not installed: its WCAG 2.1 A/AA check is skipped" >&2
    unset AXE_JS
fi
pages=
for x in "" .zh-Hans .zh-Hant; do
    pages="$pages index$x.html immd.passengers.total$x.html methodology$x.html science.joint_labs$x.html news$x.html"
done
mkdir -p shots
for width in 390 1300; do
    # shellcheck disable=SC2086
    python3 "$SRC/tests/e2e/sitephone.py" rep $width shots $pages > "$T/phone" 2>&1 ||
        fail "at $width px: $(head -8 "$T/phone")"
done
[ -n "${KEEP_SHOT:-}" ] && cp shots/*.png "$KEEP_SHOT/"
# the check can fail: the old style (a table wider than a phone, a faint
# focus ring) is found
sed -i 's/\.wide{overflow-x:auto;/.wide{/; s/outline:3px solid #1a4f9c/outline:3px solid #ff7f0e/' rep/index.html
python3 "$SRC/tests/e2e/sitephone.py" rep 390 - index.html > "$T/bad" 2>&1 && fail "a page wider than the phone passes"
grep -q 'index.html at 390 px: the page is [0-9]* px wide in a 390 px viewport' "$T/bad" || fail "the width is not found: $(head -3 "$T/bad")"
grep -q 'focus ring rgb(255, 127, 14) on .* is 2.[0-9]*:1' "$T/bad" || fail "the faint focus ring is not found: $(head -3 "$T/bad")"
finish
