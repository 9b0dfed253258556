# Breakdowns as subjects of their own, on real files: the NBS provincial
# GDP table (31 provinces) and the Immigration Department's daily file by
# control point. targets.csv sets targets for region=广东省 and 浙江省 and
# for control_point=Lo Wu; status assesses each on its own targets exactly
# as tests/e2e/breakdown_expected.py computes from the raw files by
# docs/methodology.md, and the others on their trend; --where, --by and
# --total in text, --json and --csv; export --total; the errors.
# Skipped (77) where the shared data is not present.
. "$(dirname "$0")/lib.sh"
PUB="$SRC/../shared/data/publishers"
IMMD="$SRC/../shared/data/immd/statistics_on_daily_passenger_traffic.csv"
[ -d "$PUB" ] && [ -f "$IMMD" ] || { echo "SKIP: shared data not present"; exit 77; }
NBS="$PUB/nbs_province_gdp_annual_1993_2017_gbk.csv"
EXP="python3 $SRC/tests/e2e/breakdown_expected.py"
cd "$T"

# a catalogue: the publishers' indicators and the shipped IMMD ones, with
# targets for three breakdowns and one for a total
mkdir cat
cp "$SRC/tests/publishers/indicators/indicators.csv" cat/
grep -E '^immd\.passengers\.(total|hk_residents|mainland_visitors|other_visitors),' \
    "$SRC/indicators/indicators.csv" >> cat/indicators.csv
cat > cat/targets.csv <<'EOF'
indicator,date,value,kind,source,illustrative,Region,Control Point
nbs.gdp.province,2015,7281255000000,baseline,"NBS: 广东省 2015, 72812.55 亿元",,广东省,
nbs.gdp.province,2020,11000000000000,target,illustrative,yes,广东省,
nbs.gdp.province,2010,2772231000000,baseline,"NBS: 浙江省 2010, 27722.31 亿元",,浙江省,
nbs.gdp.province,2020,6000000000000,target,illustrative,yes,浙江省,
immd.passengers.total,2021-01-01,4510,baseline,IMMD: every control point on 01-01-2021,,,
immd.passengers.total,2035,1500000,target,illustrative,yes,,
immd.passengers.total,2023,100000,baseline,illustrative,yes,,Lo Wu
immd.passengers.total,2030,400000,target,illustrative,yes,,Lo Wu
EOF
export BAYTRACK_CATALOGUE="$T/cat"
run load --map "$SRC/tests/publishers/nbs_province_gdp_annual.map" "$NBS"
expect_eq "$RC" 0 "NBS load"
run load --map "$SRC/datasets/immd_passenger_traffic.map" "$IMMD"
expect_eq "$RC" 0 "IMMD load"
# a target whose breakdown matches no stored series is said, not ignored:
# a value misspelt (广东 for 广东省), a dimension the indicator has not
cp cat/targets.csv targets.good
printf 'indicator,date,value,kind,source,illustrative,Region\nnbs.gdp.province,2020,1,target,illustrative,yes,广东\nimmd.passengers.total,2030,1,target,illustrative,yes,北京市\n' > cat/targets.csv
run status nbs.gdp.province --as-of 2018-06-30
expect_eq "$RC" 0 "a target matching nothing: status still runs"
expect_eq "$(cat "$T/err")" "baytrack: status: warning: targets.csv: the targets of 'immd.passengers.total' for region=北京市 match no stored series, so they are not assessed (a value must be spelled as loaded: 'baytrack series immd.passengers.total' lists them)
baytrack: status: warning: targets.csv: the targets of 'nbs.gdp.province' for region=广东 match no stored series, so they are not assessed (a value must be spelled as loaded: 'baytrack series nbs.gdp.province' lists them)" "a target matching nothing: warned"
cp targets.good cat/targets.csv

# json_get FILE KEY...: fields of the first object of a status --json,
# numbers as written
json_get() {
    python3 -c 'import json,sys
o=json.load(open(sys.argv[1]), parse_float=str, parse_int=str)[0]
print(" ".join(str(o[k]) for k in sys.argv[2:]))' "$@"
}
# csv_cols FILE N...: columns N... (from 1) of each data row of a CSV
csv_cols() {
    python3 -c 'import csv,sys
for r in list(csv.reader(open(sys.argv[1])))[1:]:
    print(" ".join(r[int(n) - 1] for n in sys.argv[2:]))' "$@"
}

# Guangdong on its own baseline and target: the growth method
run status nbs.gdp.province --as-of 2018-06-30 --where region=广东省 --json
expect_eq "$RC" 0 "status --where: exit 0"
cp "$T/out" gd.json
expect_eq "$(json_get gd.json progress pace status projected_date)" \
    "$($EXP nbs "$NBS" 广东省 2015 7281255000000 2020 11000000000000)" \
    "广东省 assessed by the method"
expect_eq "$(json_get gd.json breakdown baseline_value target_value series)" \
    "{'region': '广东省'} 7281255000000 11000000000000 1" "广东省: its own targets, one series"
# Zhejiang: a baseline seven years back, so the fit keeps the last five
run status nbs.gdp.province --as-of 2018-06-30 --where region=浙江省 --json
cp "$T/out" zj.json
expect_eq "$(json_get zj.json progress pace status projected_date)" \
    "$($EXP nbs "$NBS" 浙江省 2010 2772231000000 2020 6000000000000)" \
    "浙江省 assessed by the method (five-year fit)"
# Beijing has no target: its trend, never the others' targets
run status nbs.gdp.province --as-of 2018-06-30 --where region=北京市 --json
cp "$T/out" bj.json
expect_eq "$(json_get bj.json trend_date growth status)" "$($EXP nbs "$NBS" 北京市)" \
    "北京市: the trend"
expect_eq "$(json_get bj.json target_value baseline_date)" "None 1993" "北京市: no target of another's"

# --by: one line per province, largest first; --total puts the total first
$EXP nbs-order "$NBS" > order.txt
run status nbs.gdp.province --as-of 2018-06-30 --by region --csv
expect_eq "$RC" 0 "status --by --csv: exit 0"
expect_eq "$(head -1 "$T/out")" "indicator,breakdown,name,unit,latest_date,latest_value,baseline_date,baseline_value,target_date,target_value,target_illustrative,progress,elapsed,pace,status,projected_date,trend_date,growth,assessed_date,assessed_value,assessed,stale,age_days,release_interval_days,break_date" "--csv header"
expect_eq "$(csv_cols "$T/out" 2 6 | sed 's/^region=//')" \
    "$(sed '$d' order.txt)" "--by region: every province by its 2017 value"
expect_eq "$(csv_cols "$T/out" 15 | grep -c '^on_track$')" 2 "--csv: the two provinces with targets on track"
run status nbs.gdp.province --as-of 2018-06-30 --by region --total --json
expect_eq "$(python3 -c 'import json,sys; a=json.load(open(sys.argv[1]))
print(len(a), a[0]["breakdown"], a[0]["latest_value"], a[1]["breakdown"]["region"])' "$T/out")" \
    "32 {} $(tail -1 order.txt | cut -d' ' -f2) 广东省" "--by --total --json: the total, then 31"
run status nbs.gdp.province --as-of 2018-06-30 --by region --total
expect_eq "$(sed -n 2p "$T/out" | grep -c "  total  *2017  *$(tail -1 order.txt | cut -d' ' -f2)  ")" 1 "text: the total's line"
expect_eq "$(sed -n 3p "$T/out" | grep -c '^ *region=广东省 .* 45% *on track')" 1 "text: Guangdong on track, on the line after"
expect_eq "$(wc -l < "$T/out")" 34 "text: header, total, 31 provinces, the note"
run status nbs.gdp.province --as-of 2018-06-30 --by region --lang zh-Hans
expect_eq "$(head -1 "$T/out" | awk '{print $1, $2}')" "名称 分项" "zh-Hans headers"

# the default status is the total, as before, with no breakdown column
run status nbs.gdp.province --as-of 2018-06-30 --csv
expect_eq "$(csv_cols "$T/out" 1 4 5 | head -1)" "nbs.gdp.province 2017 $(tail -1 order.txt | cut -d' ' -f2)" "default: the total"
run status --total --json
expect_eq "$(grep -c breakdown "$T/out")" 0 "--total alone: the total, no breakdown field"

# the IMMD file: Lo Wu on its own targets, on the mean of its last
# complete month (both directions summed)
run status immd.passengers.total --where control_point="Lo Wu" --json
cp "$T/out" lowu.json
set -- $($EXP immd "$IMMD" "Lo Wu")
expect_eq "$(json_get lowu.json assessed_date assessed_value series)" "$1 $(printf '%.0f' "$2") 2" "Lo Wu: last complete month's mean, 2 series"
expect_eq "$(json_get lowu.json baseline_value target_value target_illustrative)" "100000 400000 True" "Lo Wu: its own targets"
run status immd.passengers.total --by control_point --total
expect_eq "$(sed -n 3p "$T/out" | grep -c 'control_point=Lo Wu .* 2030-12-31 .*400000\*')" 1 "--by control_point: Lo Wu first, with its target"
expect_eq "$(grep -c 'no target' "$T/out")" 15 "--by control_point: the other 15 on their trend"
# every control point without a series of its own total: Lo Wu and
# direction=Arrival is one series
run status immd.passengers.total --where control_point="Lo Wu" --where direction=Arrival --json
expect_eq "$(json_get "$T/out" series target_value)" "1 None" "two dimensions: one series, no target of its own"
# status over every indicator: those without the dimension are left out
run status --by control_point --csv
expect_eq "$(csv_cols "$T/out" 1 | sort | uniq -c | sed 's/^ *//')" "$(printf '16 immd.passengers.%s\n' hk_residents mainland_visitors other_visitors total)" "--by over every indicator: those with control points"

# export --total: the total status assesses, as one series that loads back
run export nbs.gdp.province
expect_eq "$RC" 64 "export of 31 series without --all or --total"
run export nbs.gdp.province --total
expect_eq "$(grep '^nbs.gdp.province,2017,' "$T/out")" "nbs.gdp.province,2017,$(tail -1 order.txt | cut -d' ' -f2)" "export --total: the sum"
cp "$T/out" total.csv
BAYTRACK_DB="$T/round" "$BAYTRACK" load -q total.csv || fail "export --total loads back"
expect_eq "$(BAYTRACK_DB="$T/round" "$BAYTRACK" export nbs.gdp.province)" "$(cat total.csv)" "export --total reads back the same"
run export immd.passengers.total --where control_point="Lo Wu" --total
expect_eq "$(head -1 "$T/out")" "indicator,date,value,control_point" "export --where --total: named by its breakdown"
expect_eq "$(grep -c ',Lo Wu$' "$T/out")" "$(($(wc -l < "$T/out") - 1))" "export --where --total: every row Lo Wu"

# names and values in Chinese where dimensions.csv has them, as loaded
# where it does not
printf 'dimension,value,zh_hans,zh_hant\ncontrol_point,,管制站,管制站\ncontrol_point,Lo Wu,罗湖,羅湖\nregion,,地区,地區\n' > cat/dimensions.csv
run status immd.passengers.total --by control_point --lang zh-Hant
expect_eq "$(sed -n 2p "$T/out" | grep -c '^香港各管制站每日旅客出入境人次 *管制站：羅湖 ')" 1 "zh-Hant: dimension and value translated"
expect_eq "$(sed -n 3p "$T/out" | grep -c ' 管制站：Lok Ma Chau Spur Line ')" 1 "zh-Hant: a value without a translation as loaded"
run status nbs.gdp.province --as-of 2018-06-30 --where region=广东省 --lang zh-Hans
expect_eq "$(sed -n 2p "$T/out" | grep -c ' 地区：广东省 ')" 1 "zh-Hans: region"
run status immd.passengers.total --by control_point --json
expect_eq "$(json_get "$T/out" breakdown)" "{'control_point': 'Lo Wu'}" "--json keeps the names as loaded"
printf 'dimension,value,zh_hans,zh_hant\nControl Point,,管制站,管制站\n' > cat/dimensions.csv
run status
expect_eq "$RC:$(cat "$T/err")" "78:baytrack: status: $T/cat/dimensions.csv:2:1: dimension 'Control Point' is not a dimension name as loaded (lower case, '_' between words)" "dimensions.csv: a header, not a name"
rm cat/dimensions.csv

# chart: a breakdown on its own targets; breakdowns compared on one axis,
# each line in its own colour (Guangdong 20 times Ningxia, one scale)
command -v gnuplot >/dev/null || { echo "SKIP: gnuplot not installed"; exit 77; }
run chart nbs.gdp.province --where region=广东省 -o gd.svg
expect_eq "$RC" 0 "chart --where: exit 0"
grep -q 'target 2020: 11 T\*' gd.svg || fail "chart --where: Guangdong's own target drawn"
run chart nbs.gdp.province --where region=广东省 --where region=江苏省 --where region=宁夏回族自治区 -o cmp.png
expect_eq "$RC" 0 "chart: three regions compared"
set -- $(python3 "$SRC/tests/e2e/pngcolors.py" cmp.png 4e79a7 f28e2b e15759)
[ "$3" -gt 200 ] && [ "$4" -gt 200 ] && [ "$5" -gt 200 ] ||
    fail "comparison: three lines of three colours ($3, $4, $5 pixels)"
run chart immd.passengers.total --by control_point --top 4 --total --lang zh-Hant -o top.svg
expect_eq "$RC" 0 "chart --by --top --total: exit 0"
for want in '合計' 'Lo Wu' 'Lok Ma Chau Spur Line' 'Shenzhen Bay' 'Airport'; do
    grep -qF "$want" top.svg || fail "chart --by --top 4 --total: no '$want' in the legend"
done
grep -qF 'Express Rail Link West Kowloon' top.svg && fail "chart --top 4: a fifth control point"
run chart nbs.gdp.province --where region=广东省 --where region=火星 -o x.png
expect_eq "$RC:$(cat "$T/err")" "66:baytrack: chart: no stored series of 'nbs.gdp.province' matches region=火星; 'baytrack series nbs.gdp.province' lists them" "chart: an unknown breakdown"
run chart immd.passengers.total --where control_point=Airport --where control_point="Lo Wu" --where direction=Arrival --where direction=Departure -o x.png
expect_eq "$RC" 64 "chart: two dimensions repeated"
run chart nbs.gdp.province --total -o x.png
expect_eq "$RC" 64 "chart: --total without a comparison"

# derived series from any frequency, per breakdown, exported: M2's change
# on a year earlier, M1 as a share of M2, C&SD's quarterly sums of monthly
# arrivals, Guangdong's growth; each as Python computes it from the raw
# files (every value, to the last bit but one)
cat >> cat/indicators.csv <<'EOF'
nbs.m2.yoy,"Money supply M2, change on a year earlier (derived)",M2同比增长（推算）,M2同比增長（推算）,%,up,monthly,test: publishers,derived
nbs.m1.share,M1 as a share of M2 (derived),M1占M2比重（推算）,M1佔M2比重（推算）,%,up,monthly,test: publishers,derived
hk.visitor_arrivals.quarterly,"Visitor arrivals to Hong Kong, quarterly (derived)",访港旅客（每季，推算）,訪港旅客（每季，推算）,visitors,up,quarterly,test: publishers,derived
nbs.gdp.province.growth,"Gross regional product, change on a year earlier (derived)",地区生产总值增长（推算）,地區生產總值增長（推算）,%,up,yearly,test: publishers,derived
EOF
cat > cat/derived.csv <<'EOF'
indicator,from,period,function,denominator,scale
nbs.m2.yoy,nbs.m2,,yoy_pct,,
nbs.m1.share,nbs.m1,,ratio,nbs.m2,100
hk.visitor_arrivals.quarterly,hk.visitor_arrivals,quarter,sum,,
nbs.gdp.province.growth,nbs.gdp.province,,yoy_pct,,
EOF
run load --map "$SRC/tests/publishers/nbs_money_supply_monthly.map" "$PUB/nbs_money_supply_monthly_1999_2021_gbk.csv"
expect_eq "$RC" 0 "NBS monthly load"
run load --map "$SRC/tests/publishers/hk_censtatd_650-80001.map" "$PUB/hk_censtatd_table_650-80001_visitor_arrivals_multiheader_crlf.csv"
expect_eq "$RC" 0 "C&SD load"
python3 "$SRC/tests/publishers/expected.py" raw "$PUB" > raw.txt
$EXP derived raw.txt > want.txt
for i in nbs.m2.yoy nbs.m1.share hk.visitor_arrivals.quarterly; do
    "$BAYTRACK" export "$i" > "d.$i.csv" || fail "export $i"
done
"$BAYTRACK" export nbs.gdp.province.growth --where region=广东省 > d.gd.csv || fail "export growth of 广东省"
$EXP export d.*.csv > got.txt
expect_eq "$(cut -d' ' -f1 got.txt | uniq -c | sed 's/^ *//' | tr '\n' ';')" \
    "$(cut -d' ' -f1 want.txt | uniq -c | sed 's/^ *//' | tr '\n' ';')" "derived: as many values as computed"
python3 -c '
import sys
want = [l.split() for l in open(sys.argv[1])]
got = [l.split() for l in open(sys.argv[2])]
assert len(want) == len(got) and len(want) > 500, (len(want), len(got))
for w, g in zip(want, got):
    assert w[:2] == g[:2], (w, g)
    assert abs(float(w[2]) - float(g[2])) <= 1e-12 * max(1, abs(float(w[2]))), (w, g)
' want.txt got.txt || fail "derived values differ from Python's: $(diff want.txt got.txt | head -5)"
expect_eq "$(grep -c '^hk.visitor_arrivals.quarterly 2024Q3 ' got.txt)" 0 "derived: 2024Q3 (to August) is not complete"
# assessed as any indicator, per breakdown too (Guangdong's growth)
run status nbs.gdp.province.growth --as-of 2018-06-30 --where region=广东省 --json
expect_eq "$(json_get "$T/out" latest_date)" "2017" "derived growth per breakdown: status"
# (a derived value is shown to six significant digits, docs/methodology.md)
expect_eq "$(json_get "$T/out" latest_value)" \
    "$(python3 -c 'import sys; print("%.6g" % float(sys.argv[1]))' \
       "$(grep '^nbs.gdp.province.growth 2017 ' want.txt | cut -d' ' -f3)")" "derived growth per breakdown: its value"
run status nbs.gdp.province.growth --as-of 2018-06-30 --by region --csv
expect_eq "$(csv_cols "$T/out" 2 | wc -l)" 31 "derived per breakdown: --by region"
# a ratio without a denominator, a sum over a period no longer than its
# source's: refused where they are
printf 'indicator,from,period,function,denominator,scale\nnbs.m1.share,nbs.m1,,ratio,,\n' > cat/derived.csv
run status
expect_eq "$RC:$(cat "$T/err")" "78:baytrack: status: $T/cat/derived.csv:2:5: a ratio needs a denominator and a scale" "derived.csv: a ratio without a denominator"
printf 'indicator,from,period,function\nhk.visitor_arrivals.quarterly,nbs.gdp.province,quarter,sum\n' > cat/derived.csv
run status
expect_eq "$RC:$(cat "$T/err")" "78:baytrack: status: $T/cat/derived.csv:2:3: period 'quarter' must be longer than the yearly periods of 'nbs.gdp.province'" "derived.csv: a quarter of a yearly source"
rm cat/derived.csv

# errors: each names what is wrong
run status nbs.gdp.province --as-of 2018-06-30 --where region=广东省 --where region=江苏省
expect_eq "$RC:$(head -1 "$T/err")" "64:baytrack: status: --where: dimension 'region' is given twice: a breakdown has one value of each" "status: one value a dimension"
run status nbs.gdp.province --as-of 2018-06-30 --where region=火星
expect_eq "$RC:$(cat "$T/err")" "66:baytrack: status: no stored series of 'nbs.gdp.province' matches region=火星; 'baytrack series nbs.gdp.province' lists them" "status: no such breakdown"
run status nbs.gdp.province --as-of 2018-06-30 --by city
expect_eq "$RC:$(cat "$T/err")" "66:baytrack: status: no stored series of 'nbs.gdp.province' has a dimension 'city'; 'baytrack series nbs.gdp.province' lists them" "status: no such dimension"
run status --where region=广东省 --total
expect_eq "$RC" 64 "status: --where with --total"
run status nbs.gdp.province --as-of 2018-06-30 --by region --where region=广东省
expect_eq "$RC" 64 "status: --by and --where on one dimension"
run export nbs.gdp.province --total --all
expect_eq "$RC" 64 "export: --total with --all"
printf 'indicator,date,value,kind,source,Flag\nnbs.gdp.province,2020,1,target,x,a\n' > cat/targets.csv
run status
expect_eq "$RC:$(cat "$T/err")" "78:baytrack: status: $T/cat/targets.csv:1:6: header 'Flag': dimension 'flag' is a column already or a reserved name" "targets.csv: reserved dimension"
printf 'indicator,date,value,kind,source,region\nnbs.gdp.province,2020,1,target,x,"a\001b"\n' > cat/targets.csv
run status
expect_eq "$RC:$(sed 's/:[^:]*$//' "$T/err")" "78:baytrack: status: $T/cat/targets.csv:2:6" "targets.csv: a bad value at its cell"
printf 'indicator,date,value,kind,source,region\nnbs.gdp.province,2020,1,target\n' > cat/targets.csv
run status
expect_eq "$RC:$(cat "$T/err")" "78:baytrack: status: $T/cat/targets.csv:2:0: expected 5 to 6 fields, found 4" "targets.csv: a short row"
printf 'indicator,date,value,kind,source,region\nnbs.gdp.province,2020,1,target,x,a,b\n' > cat/targets.csv
run status
expect_eq "$RC:$(cat "$T/err")" "78:baytrack: status: $T/cat/targets.csv:2:0: expected 5 to 6 fields, found 7" "targets.csv: a long row"

# --by orders by the latest value as printed, not the 3-month mean a
# monthly series is assessed on: B (latest 150, mean 56.67) before A
# (latest 100, mean 100)
mkdir -p mcat
printf 'id,name_en,name_zh_hans,name_zh_hant,unit,direction,frequency,domain,source\nt.m,Test monthly,测试月,測試月,things,up,monthly,test,synthetic\n' > mcat/indicators.csv
printf 'indicator,date,value,kind,source\n' > mcat/targets.csv
printf 'indicator,date,value,region\nt.m,2024-01,100,A\nt.m,2024-02,100,A\nt.m,2024-03,100,A\nt.m,2024-01,10,B\nt.m,2024-02,10,B\nt.m,2024-03,150,B\n' > monthly.csv
BAYTRACK_CATALOGUE="$T/mcat" BAYTRACK_DB="$T/mdb" "$BAYTRACK" load -q monthly.csv
BAYTRACK_CATALOGUE="$T/mcat" BAYTRACK_DB="$T/mdb" run status t.m --by region --as-of 2024-04-15 --csv
expect_eq "$RC:$(cut -d, -f2,6,20 "$T/out" | tr '\n' ' ')" \
    "0:breakdown,latest_value,assessed_value region=B,150,56.6667 region=A,100,100 " \
    "--by: largest latest value first, not the largest assessed mean"
finish
