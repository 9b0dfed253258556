# Display units and the site's languages, on a synthetic catalogue made
# here: display.csv's units on status (golden in three languages, pinned
# TZ and locale, and the same under other TZs and locales), on the
# chart's axis and the pages, the stored figures unchanged in --json,
# --csv and export; display.csv's and site.csv's errors at their cell; a
# site of two languages has nothing of the third.
. "$(dirname "$0")/lib.sh"
cd "$T"
GOLDEN="$SRC/tests/e2e/golden"

mkdir cat
cat > cat/indicators.csv <<'EOF'
id,name_en,name_zh_hans,name_zh_hant,unit,direction,frequency,domain,source
synthetic.gdp,Synthetic GDP,合成地区生产总值,合成地區生產總值,yuan,up,yearly,economy,synthetic: made by tests/e2e/test_display.sh
synthetic.fund,Synthetic fund,合成基金,合成基金,100 million yuan,up,yearly,economy,synthetic: made by tests/e2e/test_display.sh
synthetic.hkd,Synthetic HK$ spending,合成港元支出,合成港元支出,HK$,up,yearly,economy,synthetic: made by tests/e2e/test_display.sh
synthetic.mean,Synthetic mean,合成均值,合成均值,people,up,yearly,economy,synthetic: made by tests/e2e/test_display.sh
synthetic.yuan,Synthetic yuan without a display unit,合成人民币（无显示单位）,合成人民幣（無顯示單位）,yuan,up,yearly,economy,synthetic: made by tests/e2e/test_display.sh
EOF
cat > cat/targets.csv <<'EOF'
indicator,date,value,kind,source,illustrative
synthetic.gdp,2015,7000000000000,baseline,synthetic,yes
synthetic.gdp,2030,20000000000000,target,synthetic,yes
EOF
cat > cat/translations.csv <<'EOF'
text,zh_hans,zh_hant
economy,经济,經濟
yuan,元,元
100 million yuan,亿元,億元
HK$,港元,港元
people,人,人
EOF
cat > cat/display.csv <<'EOF'
indicator,language,divisor,unit
synthetic.gdp,en,1000000000000,trillion yuan
synthetic.gdp,zh-Hans,1000000000000,万亿元
synthetic.gdp,zh-Hant,1000000000000,萬億元
synthetic.fund,en,10,billion yuan
synthetic.fund,zh-Hans,10000,万亿元
synthetic.fund,zh-Hant,10000,萬億元
synthetic.hkd,en,1000000,HK$ million
synthetic.hkd,zh-Hans,100000000,亿港元
synthetic.hkd,zh-Hant,100000000,億港元
EOF
cat > synthetic.csv <<'EOF'
indicator,date,value
synthetic.gdp,2015,7000000000000
synthetic.gdp,2020,10123456789012
synthetic.gdp,2024,14148890000000
synthetic.fund,2023,138
synthetic.fund,2024,141488.9
synthetic.hkd,2024,3512345678
synthetic.mean,2023,4000
synthetic.mean,2024,4322.225806451613
synthetic.yuan,2023,500000000000
synthetic.yuan,2024,1500000000000
EOF
export BAYTRACK_CATALOGUE="$T/cat"
run load synthetic.csv
expect_eq "$RC" 0 "load the synthetic file"

# status for people: golden in three languages
for l in en zh-Hans zh-Hant; do
    run status --as-of 2025-06-30 --lang $l
    expect_eq "$RC" 0 "status --lang $l"
    if ! cmp -s "$T/out" "$GOLDEN/status_display.$l.txt"; then
        fail "status --lang $l differs from tests/e2e/golden/status_display.$l.txt"
        diff "$GOLDEN/status_display.$l.txt" "$T/out" >&2 || true
    fi
    # neither the TZ nor the locale of the process changes a byte
    for env in TZ=Asia/Hong_Kong TZ=Pacific/Kiritimati TZ=Etc/GMT+12 LC_ALL=C \
               LC_ALL=POSIX; do
        env $env "$BAYTRACK" status --as-of 2025-06-30 --lang $l > "$T/env" 2>&1
        cmp -s "$T/env" "$GOLDEN/status_display.$l.txt" || fail "status --lang $l differs under $env"
    done
done

# programs get the stored figures, and the display unit beside them
run status --as-of 2025-06-30 --json synthetic.gdp
expect_eq "$(python3 -c 'import json,sys; r=json.load(open(sys.argv[1]))[0]
print(r["latest_value"], r["target_value"], r["unit"], r["display_unit"], r["display_divisor"])' "$T/out")" \
    "14148890000000 20000000000000 yuan trillion yuan 1000000000000" "--json: stored figures, the display unit added"
run status --as-of 2025-06-30 --json --lang zh-Hant synthetic.fund
expect_eq "$(python3 -c 'import json,sys; r=json.load(open(sys.argv[1]))[0]
print(r["latest_value"], r["display_unit"], r["display_divisor"])' "$T/out")" \
    "141488.9 萬億元 10000" "--json --lang zh-Hant: the unit of that language"
run status --as-of 2025-06-30 --csv synthetic.gdp
expect_eq "$(sed -n 2p "$T/out" | cut -d, -f3,5)" "yuan,14148890000000" "--csv: stored"
run export synthetic.gdp
expect_eq "$(tail -1 "$T/out")" "synthetic.gdp,2024,14148890000000" "export: stored"

# the chart's axis and labels in the unit shown; without one, 万亿/萬億
CAPTURE="$T/gdp.gp" BAYTRACK_GNUPLOT="$SRC/tests/e2e/capture-gnuplot" \
    "$BAYTRACK" chart synthetic.gdp -o gdp.svg --lang zh-Hant 2>/dev/null || true
grep -qF "set ylabel '萬億元'" "$T/gdp.gp" || fail "chart: the display unit on the axis"
grep -qF "set ytics ('0' 0, '5' 5000000000000, '10' 10000000000000, '15' 15000000000000, '20' 20000000000000, '25' 25000000000000)" "$T/gdp.gp" ||
    fail "chart: tics in 萬億元 at the stored positions: $(grep ytics "$T/gdp.gp")"
grep -qF '"2024: 14.1489"' "$T/gdp.gp" || fail "chart: the tooltip in the unit shown"
grep -qF "目標 2030: 20*" "$T/gdp.gp" || fail "chart: the target's label in the unit shown"
CAPTURE="$T/yuan.gp" BAYTRACK_GNUPLOT="$SRC/tests/e2e/capture-gnuplot" \
    "$BAYTRACK" chart synthetic.yuan -o yuan.svg --lang zh-Hant 2>/dev/null || true
grep -qF "set ytics ('0' 0, '5,000億' 500000000000, '1萬億' 1000000000000, '1.5萬億' 1500000000000, '2萬億' 2000000000000)" "$T/yuan.gp" ||
    fail "chart: 1.5e12 in zh-Hant is 1.5萬億: $(grep ytics "$T/yuan.gp")"
grep -q "000億" "$T/yuan.gp" && grep -q ",000,000億" "$T/yuan.gp" && fail "chart: 1,500,000億"
CAPTURE="$T/yuan_hans.gp" BAYTRACK_GNUPLOT="$SRC/tests/e2e/capture-gnuplot" \
    "$BAYTRACK" chart synthetic.yuan -o yuan.svg --lang zh-Hans 2>/dev/null || true
grep -qF "'1.5万亿' 1500000000000" "$T/yuan_hans.gp" || fail "chart: 1.5万亿 in zh-Hans"

# display.csv's errors, each at its cell
bad_display() {
    printf 'indicator,language,divisor,unit\n%s\n' "$1" > cat/display.csv
    run status
    expect_eq "$RC:$(cat "$T/err")" "78:baytrack: status: $T/cat/display.csv:$2" "display.csv: $3"
}
bad_display "synthetic.nope,en,10,x" "2:1: unknown indicator 'synthetic.nope'" "an unknown indicator"
bad_display "synthetic.gdp,fr,10,x" "2:2: language 'fr' must be en, zh-Hans or zh-Hant" "an unknown language"
bad_display "synthetic.gdp,en,0,x" "2:3: divisor '0' must be a number from 1e-300 to 1e300 (10000: 亿元 shown as 万亿元)" "a divisor of 0"
bad_display "synthetic.gdp,en,1e-320,x" "2:3: divisor '1e-320' must be a number from 1e-300 to 1e300 (10000: 亿元 shown as 万亿元)" "a subnormal divisor"
bad_display "synthetic.gdp,en,1e400,x" "2:3: divisor '1e400': number is out of range (beyond ±1e303)" "a divisor too large: the parser's message, as load gives it"
bad_display "synthetic.gdp,en,10," "2:4: empty unit" "an empty unit"
bad_display "synthetic.gdp,en,10,x
synthetic.gdp,en,100,y" "3:2: indicator 'synthetic.gdp' has a unit in en already" "twice"
bad_display "synthetic.gdp,en,10" "2:0: expected 4 fields, found 3" "a short row"

# a site of two languages: nothing of the third, the first at index.html
printf 'indicator,language,divisor,unit\nsynthetic.gdp,en,1000000000000,trillion yuan\nsynthetic.gdp,zh-Hans,1000000000000,万亿元\n' > cat/display.csv
printf 'text,en,zh_hans,zh_hant\ntitle,Synthetic,合成,合成\nlanguages,en zh-Hans\n' > cat/site.csv
run report -o site --as-of 2025-06-30
expect_eq "$RC:$(cat "$T/out")" "0:site/index.html: 5 indicators, 24 charts, 16 pages in 2 languages" "two languages: the summary"
expect_eq "$(find site -name '*zh-Hant*' | wc -l)" 0 "two languages: no file of the third"
expect_eq "$(grep -rl 'zh-Hant\|繁體' site | wc -l)" 0 "two languages: no page or link names the third"
expect_eq "$(find site -name '*zh-Hans*.html' | wc -l)" 8 "two languages: every page in the second"
grep -q '<html lang="en">' site/index.html || fail "two languages: the first at index.html"
expect_eq "$(grep -o '<nav.*</nav>' site/index.html | grep -o 'hreflang="[^"]*"' | tr '\n' ' ')" \
    'hreflang="zh-Hans" ' "two languages: the switcher lists the other"
expect_eq "$(grep -c '<link rel="alternate" hreflang=' site/synthetic.gdp.html)" 2 "two languages: two alternates"
# the pages show the display unit, the download keeps the stored figure
grep -qF '<td>2024: 14.1489</td>' site/synthetic.gdp.html || fail "the page: the latest in trillion yuan"
grep -qF 'shown in trillion yuan: the stored figures divided by 1,000,000,000,000' site/synthetic.gdp.html ||
    fail "the page's metadata: how it is shown"
grep -qF '14.1489' site/index.html || fail "the index: the latest in trillion yuan"
grep -qF '14148890000000' site/data/synthetic.gdp.csv || fail "the download: stored"
python3 "$SRC/tests/e2e/sigdigits.py" site > "$T/digits" || fail "too many digits: $(head -3 "$T/digits")"
# the what's new page too, the added figures and a revision (old -> new)
printf 'indicator,date,value\nsynthetic.gdp,2024,14200000000000\n' > revised.csv
run load revised.csv
expect_eq "$RC" 0 "load a revision"
run report -o site4 --as-of 2025-06-30
expect_eq "$RC" 0 "report after a revision"
grep -qF '<td class="num">14.1489</td><td>trillion yuan</td>' site4/news.html ||
    fail "what's new: the added figure in trillion yuan"
grep -qF '14.1489 → 14.2 trillion yuan' site4/news.html ||
    fail "what's new: the revision in trillion yuan"
grep -qF '<td>万亿元</td>' site4/news.zh-Hans.html || fail "what's new (zh-Hans): the added figure in 万亿元"
grep -qF '14.1489 → 14.2 万亿元' site4/news.zh-Hans.html || fail "what's new (zh-Hans): the revision in 万亿元"
grep -qF '14,148,890,000,000' site4/news.html && fail "what's new: a stored figure where the display unit is shown"
printf 'text,en,zh_hans,zh_hant\nlanguages,zh-Hant en,,\n' > cat/site.csv
run report -o site2 --as-of 2025-06-30
expect_eq "$RC" 0 "languages zh-Hant en"
grep -q '<html lang="zh-Hant">' site2/index.html || fail "zh-Hant first: at index.html"
[ -f site2/index.en.html ] && [ ! -e site2/index.zh-Hans.html ] || fail "zh-Hant first: English beside it, no zh-Hans"
run report -o site3 --as-of 2025-06-30 --lang zh-Hans
expect_eq "$RC:$(head -1 "$T/err")" "64:baytrack: report: --lang 'zh-Hans' is not a language of the site (site.csv's languages row)" "--lang outside the site's languages"
run report -o site3 --as-of 2025-06-30 --lang en
grep -q '<html lang="en">' site3/index.html || fail "--lang en: one of the site's, at index.html"

# site.csv's languages errors at their cell
bad_site() {
    printf 'text,en,zh_hans,zh_hant\n%s\n' "$1" > cat/site.csv
    run status
    expect_eq "$RC:$(cat "$T/err")" "78:baytrack: status: $T/cat/site.csv:$2" "site.csv: $3"
}
bad_site "languages,en fr" "2:2: language 'fr' must be en, zh-Hans or zh-Hant" "an unknown language"
bad_site "languages,en en" "2:2: language 'en' is given twice" "a language twice"
bad_site "languages," "2:2: no language: give one or more of en, zh-Hans and zh-Hant, separated by spaces" "no language"
bad_site "languages,en,zh-Hans," "2:3: the languages go in the second cell alone (\"en zh-Hans\"): this one must be empty" "a language in the third cell"
bad_site "languages,en
languages,zh-Hans" "3:1: 'languages' is given twice" "the row twice"
# the other catalogue files' errors at their cell too: an indicator
# defined twice at its second row (naming the first), a target value
# with the number parser's own message, as load gives it
mkdir cat2
cp cat/indicators.csv cat/targets.csv cat2/
sed -n 3p cat/indicators.csv >> cat2/indicators.csv
BAYTRACK_CATALOGUE="$T/cat2" run status
expect_eq "$RC:$(cat "$T/err")" "78:baytrack: status: $T/cat2/indicators.csv:7:1: indicator 'synthetic.fund' is defined twice, first on line 3" "indicators.csv: twice"
cp cat/indicators.csv cat2/
printf 'synthetic.gdp,2040,1e400,target,synthetic,yes\n' >> cat2/targets.csv
BAYTRACK_CATALOGUE="$T/cat2" run status
expect_eq "$RC:$(cat "$T/err")" "78:baytrack: status: $T/cat2/targets.csv:4:3: value '1e400': number is out of range (beyond ±1e303)" "targets.csv: out of range"
printf 'indicator,date,value,kind,source,illustrative\nsynthetic.gdp,2040,12x,target,synthetic,yes\n' > cat2/targets.csv
BAYTRACK_CATALOGUE="$T/cat2" run status
expect_eq "$RC:$(cat "$T/err")" "78:baytrack: status: $T/cat2/targets.csv:2:3: value '12x': not a number" "targets.csv: not a number"

finish
