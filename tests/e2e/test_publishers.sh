# Five files exactly as statistics offices publish them load through the
# mappings in tests/publishers/, and every figure reads back equal to what
# tests/publishers/expected.py computes from the raw file without baytrack.
# Then: flags (kept, exported, cleared and logged), reloads that change
# nothing, export --all loading back unchanged, mapped rows that are not
# readable, and kills at each crash point of a load that changes flags.
# Skipped (77) where the shared data is not present.
. "$(dirname "$0")/lib.sh"
PUB="$SRC/../shared/data/publishers"
[ -d "$PUB" ] || { echo "SKIP: $PUB not present"; exit 77; }
MAPS="$SRC/tests/publishers"
export BAYTRACK_CATALOGUE="$MAPS/indicators"
cd "$T"

# load FILE MAP SUMMARY...: loads and checks the summary lines
load() {
    f=$1 m=$2
    shift 2
    run load --map "$MAPS/$m" "$PUB/$f"
    expect_eq "$RC" 0 "$f: exit code"
    expect_eq "$(sed "s|$PUB/||" "$T/out")" "$(printf '%s\n' "$@")" "$f: summary"
}
load nbs_province_gdp_annual_1993_2017_gbk.csv nbs_province_gdp_annual.map \
    "nbs_province_gdp_annual_1993_2017_gbk.csv: 31 rows (mapped layout): 775 added, 0 revised, 0 unchanged, 0 missing, 0 rejected" \
    "nbs_province_gdp_annual_1993_2017_gbk.csv: skipped 5 lines: 3 before the header, 2 notes after the data"
load nbs_money_supply_monthly_1999_2021_gbk.csv nbs_money_supply_monthly.map \
    "nbs_money_supply_monthly_1999_2021_gbk.csv: 258 rows (mapped layout): 1548 added, 0 revised, 0 unchanged, 0 missing, 0 rejected" \
    "nbs_money_supply_monthly_1999_2021_gbk.csv: skipped 4 lines: 2 before the header, 2 notes after the data"
load hk_td_mttd_table11_annual_indicators_utf8bom.csv hk_td_table11.map \
    "hk_td_mttd_table11_annual_indicators_utf8bom.csv: 17 rows (mapped layout): 153 added, 0 revised, 0 unchanged, 0 missing, 0 rejected" \
    "hk_td_mttd_table11_annual_indicators_utf8bom.csv: 8 flags set, changed or cleared (logged in flags.csv)"
load hk_censtatd_table_650-80001_visitor_arrivals_multiheader_crlf.csv hk_censtatd_650-80001.map \
    "hk_censtatd_table_650-80001_visitor_arrivals_multiheader_crlf.csv: 73 rows (mapped layout): 876 added, 0 revised, 0 unchanged, 0 missing, 0 rejected" \
    "hk_censtatd_table_650-80001_visitor_arrivals_multiheader_crlf.csv: skipped 10 lines: 2 before the header, 7 notes after the data, 1 blank"
load opensdg_uk_indicator_5-2-1_crlf.csv opensdg_5-2-1.map \
    "opensdg_uk_indicator_5-2-1_crlf.csv: 386 rows (mapped layout): 365 added, 0 revised, 0 unchanged, 21 missing, 0 rejected"

# every figure, against the raw files
inds=$(sed 1d "$MAPS/indicators/indicators.csv" | cut -d, -f1)
for i in $inds; do
    "$BAYTRACK" export --all "$i" > "exp.$i.csv" || fail "export --all $i"
done
python3 "$MAPS/expected.py" raw "$PUB" > want.txt
python3 "$MAPS/expected.py" export exp.*.csv > got.txt
expect_eq "$(wc -l < got.txt)" 3717 "observations read back"
python3 "$MAPS/expected.py" compare want.txt got.txt > cmp.txt ||
    fail "figures differ from the raw files: $(head -20 cmp.txt)"
echo "publishers: $(tail -1 cmp.txt)" >&2
expect_eq "$(sed -n 's/^nbs.gdp.province,2017,\([0-9]*\),北京市$/\1/p' exp.nbs.gdp.province.csv)" \
    2801494000000 "亿元 scaled exactly (28014.94 × 10⁸)"

# loading again changes nothing, flags included
before=$(db_sum)
run load --map "$MAPS/hk_td_table11.map" "$PUB/hk_td_mttd_table11_annual_indicators_utf8bom.csv"
expect_eq "$(sed "s|$PUB/||" "$T/out")" "hk_td_mttd_table11_annual_indicators_utf8bom.csv: 17 rows (mapped layout): 0 added, 0 revised, 153 unchanged, 0 missing, 0 rejected" "reload: summary"
expect_eq "$(db_sum)" "$before" "reload: database unchanged"

# the final figures replace the provisional ones: flags cleared and logged
sed 's/"#"/""/g' "$PUB/hk_td_mttd_table11_annual_indicators_utf8bom.csv" > final.csv
run load --map "$MAPS/hk_td_table11.map" final.csv
expect_eq "$(sed -n 2p "$T/out")" "final.csv: 8 flags set, changed or cleared (logged in flags.csv)" "final: flags cleared"
expect_eq "$(grep -c ',#,,final.csv$' "$BAYTRACK_DB/flags.csv")" 8 "final: logged old and new flag"
expect_eq "$(grep -c '#' "$BAYTRACK_DB/td.passenger_trips/_.flags")" 0 "final: flags file emptied"
"$BAYTRACK" export td.passenger_trips > trips.csv
expect_eq "$(head -1 trips.csv)" "indicator,date,value" "no flag column when nothing is flagged"

# export --all loads back unchanged, bit for bit (values as librrd keeps
# them), flags and totals (no dimension) too
run load --map "$MAPS/hk_td_table11.map" "$PUB/hk_td_mttd_table11_annual_indicators_utf8bom.csv"
for i in uk.sdg.5-2-1 td.passenger_trips hk.visitor_arrivals; do
    "$BAYTRACK" export --all $i > a.csv
    BAYTRACK_DB="$T/round" "$BAYTRACK" load -q a.csv || fail "$i: export loads back"
    BAYTRACK_DB="$T/round" "$BAYTRACK" export --all $i > b.csv
    python3 "$MAPS/expected.py" export a.csv > a.txt
    python3 "$MAPS/expected.py" export b.csv > b.txt
    cmp -s a.txt b.txt ||
        fail "$i: export --all does not load back: $(diff a.txt b.txt | head -5)"
done
grep -qx 'hk.visitor_arrivals,2024-08,4453877,' a.csv || fail "C&SD total: a series without region"
expect_eq "$(grep -c ',#$' exp.td.passenger_trips.csv)" 1 "provisional flag exported"

# a value neither a number nor declared: rejected with its place; then
# declared, or skipped on purpose and counted (in a database of their own)
export BAYTRACK_DB="$T/small"
printf 'Year,Month,Arrivals\n2023,Jan,12\n2023,Feb,***\n2023,Mar,Trace\n1900,Feb,5\n' > odd.csv
printf 'indicator hk.visitor_arrivals\ntime year=Year month=Month\nvalue Arrivals\n' > odd.map
run load --map odd.map odd.csv
expect_eq "$RC" 65 "undeclared marker: exit 65"
expect_eq "$(head -3 "$T/err")" "odd.csv:3:3: value '***': not a number (declare words with 'missing' or 'means', flag marks with 'marks')
odd.csv:4:3: value 'Trace': not a number (declare words with 'missing' or 'means', flag marks with 'marks')
odd.csv:5:1: date '1900': before 1970-01-02, which RRD files cannot hold" "undeclared marker: places"
printf 'missing ***\nmeans Trace 0.05\nskip invalid\n' >> odd.map
run load --map odd.map odd.csv
expect_eq "$(cat "$T/out")" "odd.csv: 3 rows (mapped layout): 2 added, 0 revised, 0 unchanged, 1 missing, 0 rejected
odd.csv: skipped 1 line: 1 unreadable" "declared words, skipped row counted"

# marks on the value: 123# and >8000 keep their flag
printf 'Year,People\n2021,123#\n2022,>8000\n2023,9000\n' > marks.csv
printf 'indicator hk.visitor_arrivals.annual\ntime Year\nvalue People\nmarks "#" ">"\n' > marks.map
run load --map marks.map marks.csv
"$BAYTRACK" export hk.visitor_arrivals.annual > m.csv
expect_eq "$(cat m.csv)" "indicator,date,value,flag
hk.visitor_arrivals.annual,2021,123,#
hk.visitor_arrivals.annual,2022,8000,>
hk.visitor_arrivals.annual,2023,9000," "marks kept as flags"

# annual rows skipped on purpose, short note rows skipped, new period
# forms in a period column, a fixed dimension per value column
export BAYTRACK_DB="$T/split"
printf 'Year,Month,In,Out\n2023,,30,31\n2023,Jan,1,2\n2023,Feb,3,4\nEnd of table\n' > split.csv
printf 'indicator hk.visitor_arrivals\ntime year=Year month=Month\nannual skip\nskip short\nvalue In direction=Arrival\nvalue Out direction=Departure\n' > split.map
run load --map split.map split.csv
expect_eq "$(cat "$T/out")" "split.csv: 2 rows (mapped layout): 4 added, 0 revised, 0 unchanged, 0 missing, 0 rejected
split.csv: skipped 2 lines: 1 short, 1 annual (annual skip)" "annual skip, skip short"
"$BAYTRACK" export --all hk.visitor_arrivals > split.out
expect_eq "$(cat split.out)" "indicator,date,value,direction
hk.visitor_arrivals,2023-01,1,Arrival
hk.visitor_arrivals,2023-02,3,Arrival
hk.visitor_arrivals,2023-01,2,Departure
hk.visitor_arrivals,2023-02,4,Departure" "fixed dimensions per value column"
printf 'When,Value\nQ1 2023,1\nApr-2023,2\n2023年1-6月,3\n' > forms.csv
printf 'indicator hk.visitor_arrivals\ntime When\nvalue Value region=Forms\n' > forms.map
run load --map forms.map forms.csv
"$BAYTRACK" export hk.visitor_arrivals --where region=Forms > forms.out
expect_eq "$(cut -d, -f2,3 forms.out)" "date,value
2023-03,1
2023-04,2
2023-06,3" "Q1 2023, Apr-2023, 2023年1-6月"

# a bad mapping: MAP:LINE:COLUMN and 65
printf 'header 3\nvalue nbs.m2 "x" scale=7\ntime t\n' > bad.map
run load --map bad.map "$PUB/nbs_money_supply_monthly_1999_2021_gbk.csv"
expect_eq "$RC:$(head -1 "$T/err")" "65:bad.map:2:18: scale must be a power of ten from 1e-30 to 1e30 (1e8, 1000, 0.01) or thousand, million, billion, 万, 亿" "bad mapping"

# a missing column names every column the header has
printf 'header 3\ntime "Month"\nvalue nbs.m2 "M2"\n' > wrong.map
run load --map wrong.map "$PUB/nbs_money_supply_monthly_1999_2021_gbk.csv"
expect_eq "$RC" 65 "wrong column: 65"
grep -q "^wrong.map:2:6: header has no column 'Month' named by the mapping's 'time'; its columns are: '时间', '货币和准货币(M2)供应量期末值(亿元)'" "$T/err" ||
    fail "wrong column: message at the mapping's word, listing the columns: $(head -c 300 "$T/err")"
grep -q "^wrong.map:3:14: header has no column 'M2' named by the mapping's value 'nbs.m2'" "$T/err" ||
    fail "wrong column: every name the header lacks, not only the first: $(head -c 600 "$T/err")"

# killed at each crash point of a load that sets flags: all or nothing
for point in staged committed renamed-one; do
    rm -rf "$T/k"
    export BAYTRACK_DB="$T/k"
    "$BAYTRACK" load -q --map "$MAPS/hk_td_table11.map" final.csv
    old=$(db_sum)
    set +e
    BAYTRACK_TEST_CRASH=$point "$BAYTRACK" load -q --map "$MAPS/hk_td_table11.map" \
        "$PUB/hk_td_mttd_table11_annual_indicators_utf8bom.csv"
    rc=$?
    set -e
    expect_eq "$rc" 137 "flags: killed at $point"
    "$BAYTRACK" export td.passenger_trips > k.csv 2>/dev/null || true
    flagged=$(grep -c ',#$' k.csv || true)
    case $point in
        staged)
            expect_eq "$flagged" 0 "flags: killed at $point: nothing applied" ;;
        *)
            expect_eq "$flagged" 1 "flags: killed at $point: all applied" ;;
    esac
    run load --map "$MAPS/hk_td_table11.map" "$PUB/hk_td_mttd_table11_annual_indicators_utf8bom.csv"
    expect_eq "$RC" 0 "flags: load after the kill at $point"
done
finish
