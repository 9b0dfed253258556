# What changed: `log` lists the loads logged in DB/loads.csv, text and
# --json, --since filters by the UTC day; the report's "what's new" page
# (three languages, linked from the index) lists the newest figure each
# load added to each series (DB/added.csv), every revision and the loads
# since a day. Times are UTC: TZ changes nothing.
. "$(dirname "$0")/lib.sh"
cd "$T"
today=$(date -u +%Y-%m-%d)
printf 'indicator,date,value\nstandards.bay_area,2023-06,100\nstandards.bay_area,2025-11,262\n' > first.csv
printf 'indicator,date,value\nstandards.bay_area,2025-11,263\nstandards.bay_area,2025-12,270\nstandards.bay_area,2023-06,100\n' > second.csv
"$BAYTRACK" load -q first.csv
"$BAYTRACK" load -q second.csv
"$BAYTRACK" load -q second.csv # changes nothing: not logged

expect_eq "$(head -1 "$BAYTRACK_DB/loads.csv")" "loaded_at,file,added,revised,deleted,flags" "loads.csv header"
expect_eq "$(sed 1d "$BAYTRACK_DB/loads.csv" | cut -d, -f2-)" "first.csv,2,0,0,0
second.csv,1,1,0,0" "one line per load that changed the database"
sed 1d "$BAYTRACK_DB/loads.csv" | grep -Evq "^${today}T[0-9]{2}:[0-9]{2}:[0-9]{2}Z," && fail "load time stamps in UTC"

run log
expect_eq "$RC" 0 "log exits 0"
expect_eq "$(sed 1d "$T/out" | awk '{ print $2, $3, $4, $5, $6 }')" "2 0 0 0 first.csv
1 1 0 0 second.csv" "log: added, revised, deleted, flags, file"
expect_eq "$(head -1 "$T/out" | tr -s ' ')" "loaded_at added revised deleted flags file" "log: header"
run log --json
expect_eq "$(sed 's/"loaded_at":"[^"]*",//' "$T/out")" '{"file":"first.csv","added":2,"revised":0,"deleted":0,"flags":0}
{"file":"second.csv","added":1,"revised":1,"deleted":0,"flags":0}' "log --json"
python3 -c 'import json, sys
for line in open(sys.argv[1]): json.loads(line)' "$T/out" || fail "log --json: one JSON object a line"

# --since: a line logged on an earlier day (as an older database has it)
# is left out from the day after it on
awk 'NR == 1 { print; print "2020-01-05T23:59:59Z,old.csv,3,0,0,0"; next } { print }' \
    "$BAYTRACK_DB/loads.csv" > loads.tmp && mv loads.tmp "$BAYTRACK_DB/loads.csv"
expect_eq "$("$BAYTRACK" log --since 2020-01-05 | sed 1d | awk '{ print $6 }' | tr '\n' ' ')" "old.csv first.csv second.csv " "--since the day of a load keeps it"
expect_eq "$("$BAYTRACK" log --since 2020-01-06 | sed 1d | awk '{ print $6 }' | tr '\n' ' ')" "first.csv second.csv " "--since the day after leaves it out"
expect_eq "$("$BAYTRACK" log --json --since 2099-01-01)" "" "--since the future: nothing"
run log --since yesterday
expect_eq "$RC" 64 "--since: a bad date is a usage error"

# TZ changes nothing: times are UTC throughout
for tz in Asia/Hong_Kong America/Los_Angeles Pacific/Kiritimati; do
    expect_eq "$(TZ=$tz "$BAYTRACK" log --since 2020-01-06)" "$("$BAYTRACK" log --since 2020-01-06)" "log under TZ=$tz"
done

# the what's new page, in three languages, linked from every index
run report -o site -q
expect_eq "$RC" 0 "report exits 0"
for page in news.html news.zh-Hans.html news.zh-Hant.html; do
    [ -s "site/$page" ] || fail "$page written"
    grep -q '<td>2025-11-30</td><td class="num">262 → 263</td><td><code>second.csv</code></td>' "site/$page" || fail "$page: the revision, old → new, file"
    grep -q '<td><code>second.csv</code></td><td class="num">1</td><td class="num">1</td>' "site/$page" || fail "$page: the load of second.csv"
    grep -q 'old.csv' "site/$page" && fail "$page: a load older than 30 days is not listed"
done
# after the revision: the newest figure each load added, rounded by the
# rule, with its indicator, series, unit and file, in each language; the
# revision old -> new
expect_eq "$(cut -d, -f2- "$BAYTRACK_DB/added.csv")" "series,date,value,file
standards.bay_area,2025-11-30,262,first.csv
standards.bay_area,2025-12-31,270,second.csv" "added.csv: the newest figure each load added to each series"
grep -q '<tr><th scope="row"><a href="standards.bay_area.html">Bay Area standards (<span lang="zh">湾区标准</span>) published</a></th><td style="white-space:nowrap">2025-12-31</td><td class="num">270</td><td>standards</td><td><code>second.csv</code></td></tr>' site/news.html || fail "news: the latest figure added"
grep -q '<h2 id="added">Latest figures added</h2>' site/news.html || fail "news: the added figures' heading"
grep -q '<ul class="note"><li><a href="#revisions">Revisions</a>: 1</li><li><a href="#added">Latest figures added</a>: 2</li><li><a href="#loads">Figures added, by load</a>: 2</li></ul>' site/news.html || fail "news: what the page holds, linked"
grep -q '<tr><th scope="row"><a href="standards.bay_area.zh-Hans.html">“湾区标准”数量</a></th><td style="white-space:nowrap">2025-12-31</td><td class="num">270</td><td>项标准</td><td><code>second.csv</code></td></tr>' site/news.zh-Hans.html || fail "news.zh-Hans: the latest figure added"
grep -q '<h2 id="added">最新新增数据</h2>' site/news.zh-Hans.html || fail "news.zh-Hans: the added figures' heading"
grep -q '<h2 id="revisions">修订</h2>' site/news.zh-Hans.html || fail "news.zh-Hans: the revisions' heading"
grep -q '<th scope="col" class="num">旧值 → 新值</th>' site/news.zh-Hans.html || fail "news.zh-Hans: old → new"
grep -q '<h2 id="added">最新新增數據</h2>' site/news.zh-Hant.html || fail "news.zh-Hant: the added figures' heading"
python3 "$SRC/tests/e2e/sigdigits.py" site > "$T/digits" || fail "news: too many digits: $(head -3 "$T/digits")"
grep -q "since $(date -u -d "$today - 30 days" +%Y-%m-%d) (UTC). (the 30 days before $today)" site/news.html || fail "news: says the default period"
grep -q '<h1>最新变动</h1>' site/news.zh-Hans.html || fail "news.zh-Hans: title"
grep -q '<h1>最新變動</h1>' site/news.zh-Hant.html || fail "news.zh-Hant: title"
grep -q '<html lang="zh-Hant">' site/news.zh-Hant.html || fail "news.zh-Hant: lang"
grep -q '<a href="news.html">What' site/index.html || fail "index links to what's new"
grep -q '<a href="news.zh-Hans.html">最新变动</a>' site/index.zh-Hans.html || fail "index.zh-Hans links to its what's new"
grep -q '<a href="news.zh-Hant.html">最新變動</a>' site/index.zh-Hant.html || fail "index.zh-Hant links to its what's new"

# the page names a file by its base name, the log by the path loaded
mkdir -p sub && cp first.csv sub/third.csv && sed -i 's/,100$/,101/' sub/third.csv
"$BAYTRACK" load -q sub/third.csv
expect_eq "$("$BAYTRACK" log | tail -1 | awk '{ print $6 }')" "sub/third.csv" "log: the path as loaded"
"$BAYTRACK" report -o site4 -q
grep -q '<td>2023-06-30</td><td class="num">100 → 101</td><td><code>third.csv</code></td>' site4/news.html || fail "news: the file's base name"
python3 "$SRC/tests/e2e/sitecheck.py" site4 en > "$T/check" 2>&1 || fail "news pages pass the site check: $(head -3 "$T/check")"

# counts grouped as every number of the site (1,200, not 1200), a
# figure rounded by the rule (4,322.23, not 4322.225806451613)
awk 'BEGIN { print "indicator,date,value,city"
    for (c = 0; c < 60; c++) for (y = 2001; y <= 2020; y++)
        printf "talent.hkmo_professionals,%d,%d,c%02d\n", y, y, c
    print "science.joint_labs,2019,4322.225806451613," }' > many.csv
"$BAYTRACK" load -q many.csv
"$BAYTRACK" report -o site5 -q
grep -q '<td><code>many.csv</code></td><td class="num">1,201</td><td class="num">0</td>' site5/news.html || fail "news: a count grouped: $(grep -o '<td><code>many.csv</code></td><td class="num">[^<]*' site5/news.html)"
grep -q '<td style="white-space:nowrap">2019-12-31</td><td class="num">4,322.23</td>' site5/news.html || fail "news: an added figure rounded by the rule"
grep -q '<br><code>city=c59</code></th><td style="white-space:nowrap">2020-12-31</td><td class="num">2,020</td>' site5/news.zh-Hans.html || fail "news.zh-Hans: a breakdown's newest figure"
python3 "$SRC/tests/e2e/sigdigits.py" site5 > "$T/digits" || fail "news: too many digits: $(head -3 "$T/digits")"

# --since reaches back to the old load; TZ changes no page
run report -o site2 -q --since 2020-01-01
grep -q '<td><code>old.csv</code></td><td class="num">3</td>' site2/news.html || fail "report --since: the old load listed"
grep -q 'the 30 days' site2/news.html && fail "report --since: no default period said"
TZ=Asia/Hong_Kong "$BAYTRACK" report -o site3 -q --since 2020-01-01
for page in news.html news.zh-Hans.html news.zh-Hant.html index.html; do
    cmp -s "site2/$page" "site3/$page" || fail "$page: the same under TZ=Asia/Hong_Kong"
done

# a broken log is named with its line, and nothing is listed
printf '2021-01-01T00:00:00Z,x.csv,1,2\n' >> "$BAYTRACK_DB/loads.csv"
run log
expect_eq "$RC" 74 "a broken loads.csv: exit code"
expect_eq "$(cat "$T/err")" "baytrack: log: $BAYTRACK_DB/loads.csv:7:5: expected 6 fields, found 4" "a broken loads.csv: named at its line and column"
sed -i '$d' "$BAYTRACK_DB/loads.csv"
printf '2021-01-01T00:00:00Z,x.csv,1,2,z,0\n' >> "$BAYTRACK_DB/loads.csv"
run log
expect_eq "$(cat "$T/err")" "baytrack: log: $BAYTRACK_DB/loads.csv:7:5: a count is not a whole number" "a bad count: at its cell"
finish
