# SDMX-CSV and NBS exports load with --indicator alone (docs/formats.md):
# the OECD Data Explorer's SDMX-CSV 2.0 file with labels, figure by figure
# against tests/sdmx/expected.py's reading of the raw file (flags,
# UNIT_MULT, the rows before 1970 passed over); synthetic SDMX-CSV 1.0 in
# Eurostat's form, 2.0 with "ID: Name" labels and UNIT_MULT, and every
# period form (tests/sdmx/gen_synthetic.py) the same way; ACTION D; both
# NBS files without their mappings to the same figures as with them;
# export --format sdmx-csv loading back to the same; the errors. Then
# mappings of SDMX-CSV files (docs/formats.md, "With a mapping"): the
# OECD file and the synthetic Eurostat one renamed, filtered, a dimension
# fixed and others dropped, every figure and flag against expected.py's
# own reading of those rules; ACTION D through a mapping; the mapping's
# errors at MAP:LINE:COLUMN.
# Skipped (77) where the shared data is not present.
. "$(dirname "$0")/lib.sh"
PUB="$SRC/../shared/data/publishers"
[ -d "$PUB" ] || { echo "SKIP: $PUB not present"; exit 77; }
HERE="$SRC/tests/sdmx"
cd "$T"
mkdir cat syn
cp "$SRC/tests/publishers/indicators/"*.csv cat/
sed 1d "$HERE/indicators.csv" >> cat/indicators.csv
export BAYTRACK_CATALOGUE="$T/cat"
python3 "$HERE/gen_synthetic.py" syn

# check NAME FILE INDICATOR FREQ COUNT [RULE...]: every figure of the
# indicator read back equal to what expected.py computes from the raw
# FILE (with a mapping's RULEs)
check() {
    n=$1 file=$2 ind=$3 freq=$4 count=$5
    shift 5
    "$BAYTRACK" export --all --annotated "$ind" > "exp.$n.csv" || fail "$n: export"
    python3 "$HERE/expected.py" raw "$file" "$freq" "$@" > "want.$n"
    set -- "$n" "$file" "$ind" "$freq" "$count"
    python3 "$HERE/expected.py" export "exp.$1.csv" > "got.$1"
    expect_eq "$(wc -l < "got.$1")" "$5" "$1: observations read back"
    python3 "$HERE/expected.py" compare "want.$1" "got.$1" > "cmp.$1" ||
        fail "$1: figures differ from the raw file: $(head -20 "cmp.$1")"
    echo "$1: $(tail -1 "cmp.$1")" >&2
}

# the OECD file as the Data Explorer wrote it
OECD="$PUB/oecd_lfs_comp_sdmx_csv2_labels_crlf.csv"
run load --indicator oecd.lfs.comp "$OECD"
expect_eq "$RC" 0 "oecd: exit code"
expect_eq "$(sed "s|$PUB/||" "$T/out")" "oecd_lfs_comp_sdmx_csv2_labels_crlf.csv: 548 rows (sdmx layout): 548 added, 0 revised, 0 unchanged, 0 missing, 0 rejected
oecd_lfs_comp_sdmx_csv2_labels_crlf.csv: skipped 23 lines: 23 before 1970 (an RRD file cannot hold them)" "oecd: summary"
check oecd "$OECD" oecd.lfs.comp yearly 548
expect_eq "$("$BAYTRACK" series oecd.lfs.comp | wc -l)" 17 "oecd: series"
expect_eq "$(head -1 exp.oecd.csv)" "indicator,date,value,unit,note,source,age,labour_force_status,measure,ref_area,sex,unit_measure" \
    "oecd: dimensions by their ids in lower case, labels and attributes not"
grep -qx 'oecd.lfs.comp,1991,1.13146551724138,%,,,Y65T69,UNE,POP,ISL,F,PT_POP_SUB' exp.oecd.csv ||
    fail "oecd: Iceland 1991, the file's first row"
before=$(db_sum)
run load --indicator oecd.lfs.comp "$OECD"
expect_eq "$(sed -n 1p "$T/out" | sed "s|$PUB/||")" "oecd_lfs_comp_sdmx_csv2_labels_crlf.csv: 548 rows (sdmx layout): 0 added, 0 revised, 548 unchanged, 0 missing, 0 rejected" "oecd: reload"
expect_eq "$(db_sum)" "$before" "oecd: reload changes nothing"

# synthetic: Eurostat's SDMX-CSV 1.0, 2.0 with "ID: Name", every period
run load --indicator synthetic.eurostat syn/synthetic_eurostat_sdmx1.csv
expect_eq "$(sed -n 1p "$T/out")" "syn/synthetic_eurostat_sdmx1.csv: 36 rows (sdmx layout): 28 added, 0 revised, 0 unchanged, 8 missing, 0 rejected" "eurostat: summary"
check eurostat syn/synthetic_eurostat_sdmx1.csv synthetic.eurostat yearly 28
for f in e b p u be; do
    grep -q ",$f,,,\(XA1\|XA2\|XB\),NR$" exp.eurostat.csv || fail "eurostat: flag $f kept"
done
grep -q ',F,,,' exp.eurostat.csv && fail "eurostat: CONF_STATUS F is no flag"
# the same with Eurostat's label columns: the label columns are not read
BAYTRACK_DB="$T/labels" "$BAYTRACK" load -q --indicator synthetic.eurostat \
    syn/synthetic_eurostat_sdmx1_labels.csv || fail "eurostat labels: load"
expect_eq "$(BAYTRACK_DB="$T/labels" "$BAYTRACK" export --all --annotated synthetic.eurostat)" \
    "$(cat exp.eurostat.csv)" "eurostat labels: the same series, figures and flags as without labels"
# an attribute named with a space in a file of codes: no labels
printf 'DATAFLOW,LAST UPDATE,freq,unit,geo,TIME_PERIOD,OBS_VALUE,OBS_FLAG,Data note\nX,1,A,NR,DE,2020,5,,\n' > spaced.csv
BAYTRACK_DB="$T/spaced" "$BAYTRACK" load -q --indicator synthetic.eurostat spaced.csv || fail "spaced: load"
expect_eq "$(BAYTRACK_DB="$T/spaced" "$BAYTRACK" series)" "synthetic.eurostat{geo=DE,sdmx_unit=NR}" "spaced attribute: every code column read"
run load --indicator synthetic.trade syn/synthetic_sdmx2_coded.csv
expect_eq "$RC" 0 "coded: exit code"
check coded syn/synthetic_sdmx2_coded.csv synthetic.trade quarterly 21
grep -q ',synthetic note [0-9]*,' exp.coded.csv || fail "coded: OBS_COMMENT is the note"
expect_eq "$(head -1 exp.eurostat.csv)" "indicator,date,value,unit,flag,note,source,geo,sdmx_unit" "eurostat: unit is the dimension sdmx_unit"
expect_eq "$(head -1 exp.coded.csv)" "indicator,date,value,unit,flag,note,source,ref_area,sdmx_indicator" \
    "coded: INDICATOR is the dimension sdmx_indicator"
# 8040.901 in millions (UNIT_MULT 6), exactly; 7460.357 in hundredths
grep -qx 'synthetic.trade,2022Q1,8040901000,yuan,E,,,HK,TRD' exp.coded.csv || fail "coded: UNIT_MULT 6"
grep -qx 'synthetic.trade,2022Q2,74.60357,yuan,P,,,HK,TRD' exp.coded.csv || fail "coded: UNIT_MULT -2"
# the UN SDG database's 15 dimensions, with --indicator alone
run load --indicator synthetic.sdg syn/synthetic_sdg_sdmx1.csv
expect_eq "$RC" 0 "sdg: exit code: $(cat "$T/err")"
check sdg syn/synthetic_sdg_sdmx1.csv synthetic.sdg yearly 36
# 15 dimensions in the file name; UNIT_MULT 3 scaled exactly
expect_eq "$(ls "$BAYTRACK_DB/synthetic.sdg" | grep -c '^activity=_Z+age=_T+.*+sex=F+urbanisation=_T.rrd$')" 3 "sdg: a series of 15 dimensions per area and sex"
run load --indicator synthetic.days syn/synthetic_sdmx2_periods.csv
expect_eq "$RC" 0 "periods: exit code"
check periods syn/synthetic_sdmx2_periods.csv synthetic.days daily 13
for d in S00,2024-02-04 S01,2024-02-29 S02,2024-06-30 S03,2024-08-31 \
         S04,2024-12-31 S05,2024-03-31 S06,2024-12-31 S07,2024-02-29 \
         S08,2023-12-31 S09,2021-01-03; do
    grep -q "^synthetic.days,${d#*,},.*,${d%,*}\$" exp.periods.csv ||
        fail "periods: ${d%,*} is ${d#*,}"
done

# ACTION D deletes a stored observation, logged as a revision to nothing,
# its flag with it; a deletion of a day not stored does nothing
"$BAYTRACK" load -q --indicator synthetic.eurostat syn/synthetic_sdmx2_insert.csv
run load --indicator synthetic.eurostat syn/synthetic_sdmx2_delete.csv
expect_eq "$RC" 0 "delete: exit code"
expect_eq "$(cat "$T/out")" "syn/synthetic_sdmx2_delete.csv: 3 rows (sdmx layout): 0 added, 1 revised, 1 deleted, 0 unchanged, 0 missing, 0 rejected
syn/synthetic_sdmx2_delete.csv: 2 flags set, changed or cleared (logged in flags.csv)" "delete: summary"
"$BAYTRACK" export synthetic.eurostat --where ref_area=HK > hk.csv
"$BAYTRACK" export synthetic.eurostat --where ref_area=MO > mo.csv
expect_eq "$(sed 1d hk.csv | tr '\n' ' ')" "synthetic.eurostat,2021,0.5,HK synthetic.eurostat,2023,2.75,HK " \
    "delete: HK 2022 gone, 2021 kept, 2023 revised"
expect_eq "$(sed 1d mo.csv | tr '\n' ' ')" "synthetic.eurostat,2022,7,MO " "delete: MO 2022 kept, 2020 not made up"
expect_eq "$(grep -c ',synthetic.eurostat{ref_area=HK},2022-12-31,1.5,,syn/synthetic_sdmx2_delete.csv$' "$BAYTRACK_DB/revisions.csv")" 1 \
    "delete: logged as a revision to nothing"
expect_eq "$(grep -c ',synthetic.eurostat{ref_area=HK},2022-12-31,P,,syn/synthetic_sdmx2_delete.csv$' "$BAYTRACK_DB/flags.csv")" 1 \
    "delete: its flag cleared and logged"
# the day reads back unknown from the RRD file itself (2022-12-31 is the
# point at 2023-01-01 00:00 UTC), its neighbour not
expect_eq "$(rrdtool fetch "$BAYTRACK_DB/synthetic.eurostat/ref_area=HK.rrd" LAST -s 1640908800 -e 1672531200 |
    awk '$1 == "1640995200:" || $1 == "1672531200:" { print ($2 ~ /nan/) ? "unknown" : $2 + 0 }' | tr '\n' ' ')" \
    "0.5 unknown " "delete: rrdtool reads the day as unknown"
before=$(db_sum)
run load --indicator synthetic.eurostat syn/synthetic_sdmx2_delete.csv
expect_eq "$(head -1 "$T/out")" "syn/synthetic_sdmx2_delete.csv: 3 rows (sdmx layout): 0 added, 0 revised, 1 unchanged, 0 missing, 0 rejected" "delete again: nothing to do"
expect_eq "$(db_sum)" "$before" "delete again: database unchanged"
printf 'STRUCTURE,STRUCTURE_ID,ACTION,REF_AREA,TIME_PERIOD,OBS_VALUE\nx,y,D,MO,2022,\n' > delall.csv
run load --indicator synthetic.eurostat delall.csv
expect_eq "$RC" 65 "delete all: exit code"
expect_eq "$(head -1 "$T/err")" "delall.csv:2:3: this row deletes the last stored observation of 'synthetic.eurostat{ref_area=MO}'; a series cannot be left empty" "delete all: message"
printf 'STRUCTURE,STRUCTURE_ID,ACTION,REF_AREA,TIME_PERIOD,OBS_VALUE\nx,y,I,MO,2021,1\nx,y,D,MO,2021,\n' > both.csv
run load --indicator synthetic.eurostat both.csv
expect_eq "$(head -1 "$T/err")" "both.csv:3:3: conflicting duplicate: 'synthetic.eurostat{ref_area=MO}' for 2021-12-31 is deleted here but 1 on line 2" "I and D of one day: a conflict"
expect_eq "$(db_sum)" "$before" "refused deletions: database unchanged"
# killed at each crash point of a deletion: before the commit point the
# day is there, after it the next writer finishes the deletion
printf 'STRUCTURE,STRUCTURE_ID,ACTION,REF_AREA,TIME_PERIOD,OBS_VALUE\nx,y,D,HK,2021,\n' > del21.csv
printf 'STRUCTURE,STRUCTURE_ID,ACTION,REF_AREA,TIME_PERIOD,OBS_VALUE\nx,y,I,HK,2021,0.5\n' > put21.csv
for point in staged committed renamed-one; do
    set +e; BAYTRACK_TEST_CRASH=$point "$BAYTRACK" load -q --indicator synthetic.eurostat del21.csv; rc=$?; set -e
    expect_eq "$rc" 137 "delete killed at $point"
    printf 'indicator,date,value\n' > empty.csv
    run load --wait 0 empty.csv
    expect_eq "$RC" 0 "delete killed at $point: the next writer recovers"
    case $point in staged) want="synthetic.eurostat,2021,0.5,HK" ;; *) want="" ;; esac
    expect_eq "$("$BAYTRACK" export synthetic.eurostat --where ref_area=HK | grep '^synthetic.eurostat,2021,')" "$want" \
        "delete killed at $point: all or nothing"
    [ -z "$(ls -A "$BAYTRACK_DB/.tmp")" ] || fail "delete killed at $point: .tmp is not empty"
    "$BAYTRACK" load -q --indicator synthetic.eurostat put21.csv
done

# export --format sdmx-csv loads back to the same: values, flags, notes
for i in oecd.lfs.comp synthetic.eurostat synthetic.trade synthetic.days; do
    "$BAYTRACK" export --all --format sdmx-csv $i > s.csv || fail "$i: export sdmx-csv"
    BAYTRACK_DB="$T/round" "$BAYTRACK" load -q --indicator $i s.csv || fail "$i: sdmx-csv loads back"
    "$BAYTRACK" export --all --annotated $i > a.csv
    BAYTRACK_DB="$T/round" "$BAYTRACK" export --all --annotated $i > b.csv
    cmp -s a.csv b.csv || fail "$i: sdmx-csv round trip: $(diff a.csv b.csv | head -5)"
    BAYTRACK_DB="$T/round" "$BAYTRACK" export --all --format sdmx-csv $i > s2.csv
    cmp -s s.csv s2.csv || fail "$i: sdmx-csv written again differs"
done
"$BAYTRACK" export --all --format sdmx-csv synthetic.trade > s.csv
expect_eq "$(head -1 s.csv)" "STRUCTURE,STRUCTURE_ID,ACTION,FREQ,REF_AREA,INDICATOR,TIME_PERIOD,OBS_VALUE,OBS_STATUS,OBS_COMMENT" "sdmx-csv: header"
grep -qx 'dataflow,BAYTRACK:synthetic_trade(1.0),I,Q,HK,TRD,2022-Q1,8040901000,E,' s.csv ||
    fail "sdmx-csv: a row"

# NBS exports without their mappings: the same figures as with them
MAPS="$SRC/tests/publishers"
for f in nbs_province_gdp_annual_1993_2017_gbk nbs_money_supply_monthly_1999_2021_gbk; do
    BAYTRACK_DB="$T/mapped" "$BAYTRACK" load -q --map "$MAPS/$(echo $f | sed 's/_[0-9]*_[0-9]*_gbk$//').map" "$PUB/$f.csv" ||
        fail "$f: with its mapping"
done
run load --indicator nbs.gdp.province "$PUB/nbs_province_gdp_annual_1993_2017_gbk.csv"
expect_eq "$(sed "s|$PUB/||" "$T/out")" "nbs_province_gdp_annual_1993_2017_gbk.csv: 31 rows (nbs layout): 775 added, 0 revised, 0 unchanged, 0 missing, 0 rejected
nbs_province_gdp_annual_1993_2017_gbk.csv: skipped 5 lines: 3 before the header, 2 notes after the data" "nbs annual: summary"
"$BAYTRACK" export --all nbs.gdp.province > a.csv
BAYTRACK_DB="$T/mapped" "$BAYTRACK" export --all nbs.gdp.province > b.csv
expect_eq "$(wc -l < a.csv)" 776 "nbs annual: observations"
cmp -s a.csv b.csv || fail "nbs annual: not the mapping's figures: $(diff a.csv b.csv | head -5)"
run load --indicator nbs.money "$PUB/nbs_money_supply_monthly_1999_2021_gbk.csv"
expect_eq "$(sed "s|$PUB/||" "$T/out")" "nbs_money_supply_monthly_1999_2021_gbk.csv: 258 rows (nbs layout): 1548 added, 0 revised, 0 unchanged, 0 missing, 0 rejected
nbs_money_supply_monthly_1999_2021_gbk.csv: skipped 4 lines: 2 before the header, 2 notes after the data" "nbs monthly: summary"
for m in "nbs.m2:货币和准货币(M2)供应量期末值(亿元)" "nbs.m2.growth:货币和准货币(M2)供应量同比增长(%)" \
         "nbs.m1:货币(M1)供应量期末值(亿元)" "nbs.m1.growth:货币(M1)供应量同比增长(%)" \
         "nbs.m0:流通中现金(M0)供应量期末值(亿元)" "nbs.m0.growth:流通中现金(M0)供应量同比增长(%)"; do
    "$BAYTRACK" export nbs.money --where "measure=${m#*:}" | cut -d, -f2,3 > a.csv ||
        fail "nbs monthly: ${m#*:}"
    BAYTRACK_DB="$T/mapped" "$BAYTRACK" export "${m%%:*}" | cut -d, -f2,3 > b.csv
    expect_eq "$(wc -l < a.csv)" 259 "nbs monthly: ${m%%:*} observations"
    cmp -s a.csv b.csv || fail "nbs monthly: ${m%%:*} not the mapping's figures: $(diff a.csv b.csv | head -5)"
done

# errors: each names its place, and nothing is written
before=$(db_sum)
run load "$OECD"
expect_eq "$RC" 65 "no --indicator: exit code"
expect_eq "$(sed "s|$PUB/||" "$T/err" | head -1)" "oecd_lfs_comp_sdmx_csv2_labels_crlf.csv:1: an SDMX-CSV file names no indicator: say which with --indicator ID" "no --indicator: message"
run load --indicator nope "$OECD"
expect_eq "$(sed "s|$PUB/||" "$T/err" | head -1)" "oecd_lfs_comp_sdmx_csv2_labels_crlf.csv:1: unknown indicator 'nope' (--indicator): not in the catalogue's indicators.csv (--catalogue or BAYTRACK_CATALOGUE; docs/catalogue.md says how to add one)" "unknown --indicator"
printf 'indicator,date,value\nnbs.m2,2024-01,1\n' > long.csv
run load --indicator nbs.m2 long.csv
expect_eq "$(head -1 "$T/err")" "long.csv:1: --indicator names the indicator of an SDMX-CSV or NBS file; a long file names its own" "--indicator with a long file"
refused_sdmx() {
    printf "$2" > "$1.csv"
    run load --indicator "$3" "$1.csv"
    expect_eq "$RC" 65 "$1: exit code"
    expect_eq "$(head -1 "$T/err")" "$4" "$1: message"
}
refused_sdmx freq 'DATAFLOW,freq,geo,TIME_PERIOD,OBS_VALUE\nX,A,HK,2024,1\nX,M,HK,2024-01,1\n' \
    synthetic.eurostat "freq.csv:3:2: FREQ 'M' is not the frequency of synthetic.eurostat in the catalogue (yearly, 'A')"
refused_sdmx period 'DATAFLOW,geo,TIME_PERIOD,OBS_VALUE\nX,HK,2024-Q5,1\n' \
    synthetic.eurostat "period.csv:2:3: TIME_PERIOD '2024-Q5': no such period in the year"
refused_sdmx value 'DATAFLOW,geo,TIME_PERIOD,OBS_VALUE\nX,HK,2024,1,2\n' \
    synthetic.eurostat "value.csv:2:5: expected 4 fields, found 5"
refused_sdmx mult 'DATAFLOW,geo,TIME_PERIOD,OBS_VALUE,UNIT_MULT\nX,HK,2024,1,x\n' \
    synthetic.eurostat "mult.csv:2:5: UNIT_MULT 'x' is not a power of ten from -300 to 300"
refused_sdmx nobs 'STRUCTURE,STRUCTURE_ID,ACTION,geo,TIME_PERIOD\nX,Y,I,HK,2024\n' \
    synthetic.eurostat "nobs.csv:1:1: an SDMX-CSV header has TIME_PERIOD and OBS_VALUE columns; this one has no OBS_VALUE"
refused_sdmx nbshead '数据库：年度数据\n省份,2024年\n北京市,1\n' \
    nbs.gdp.province "nbshead.csv:2:1: an NBS export's header starts with 地区, 指标 or 时间, not '省份'"
expect_eq "$(db_sum)" "$before" "errors: database unchanged"
# a total coded in the data (SDMX's _T) is the total: its parts (sex=M,
# sex=F) are not added to it again (synthetic figures, written here)
export BAYTRACK_DB="$T/totals"
printf 'DATAFLOW,LAST UPDATE,freq,sex,geo,TIME_PERIOD,OBS_VALUE\n' > synthetic_totals.csv
for r in _T,XA1,2021,100 M,XA1,2021,60 F,XA1,2021,40 _T,XA1,2022,110 M,XA1,2022,65 F,XA1,2022,45 \
         _T,XA2,2021,10 M,XA2,2021,6 F,XA2,2021,4 _T,XA2,2022,11 M,XA2,2022,5 F,XA2,2022,6; do
    printf 'ESTAT:SYNTH(1.0),21/03/24 23:00:00,A,%s\n' "$r" >> synthetic_totals.csv
done
run load --indicator synthetic.eurostat synthetic_totals.csv
expect_eq "$RC" 0 "_T: load"
run export --total synthetic.eurostat
expect_eq "$(sed 1d "$T/out" | cut -d, -f2,3 | tr '\n' ' ')" "2021,110 2022,121 " "_T: the total is the publisher's, over both places"
run export --total synthetic.eurostat --where sex=M
expect_eq "$(sed 1d "$T/out" | cut -d, -f2,3 | tr '\n' ' ')" "2021,66 2022,70 " "_T: a part is still its own breakdown"
run export --total synthetic.eurostat --where geo=XA2
expect_eq "$(sed 1d "$T/out" | cut -d, -f2,3 | tr '\n' ' ')" "2021,10 2022,11 " "_T: a place's total is its _T"
# mappings of SDMX-CSV files: the SDMX layout reads them, every rule of
# docs/formats.md kept, the mapping's dimension statements applied
export BAYTRACK_DB="$T/mapped_sdmx"
cat > oecd.map <<'EOF'
# unemployment, both sexes, by region and age; the indicator named here
indicator oecd.lfs.comp
keep LABOUR_FORCE_STATUS UNE
keep sex _T
ignore SEX LABOUR_FORCE_STATUS MEASURE UNIT_MEASURE
dimension region REF_AREA
value OBS_VALUE source_db=oecd
EOF
run load --map oecd.map "$OECD"
expect_eq "$(sed "s|$PUB/||" "$T/out")" "oecd_lfs_comp_sdmx_csv2_labels_crlf.csv: 58 rows (sdmx layout): 58 added, 0 revised, 0 unchanged, 0 missing, 0 rejected
oecd_lfs_comp_sdmx_csv2_labels_crlf.csv: skipped 513 lines: 511 filtered out (keep, drop), 2 before 1970 (an RRD file cannot hold them)" "oecd mapped: summary"
check oecd_mapped "$OECD" oecd.lfs.comp yearly 58 keep:LABOUR_FORCE_STATUS=UNE keep:SEX=_T \
    ignore:SEX ignore:LABOUR_FORCE_STATUS ignore:MEASURE ignore:UNIT_MEASURE rename:REF_AREA=region fix:source_db=oecd
expect_eq "$(head -1 exp.oecd_mapped.csv)" "indicator,date,value,unit,note,source,age,region,source_db" "oecd mapped: the dimensions"
expect_eq "$("$BAYTRACK" series oecd.lfs.comp | wc -l)" "$(cut -d'|' -f1 want.oecd_mapped | sort -u | wc -l)" "oecd mapped: series (region and age)"

cat > eurostat.map <<'EOF'
value synthetic.eurostat obs_value scale=thousand sex=_T
dimension region GEO
drop geo XB
ignore unit
keep FREQ A
alias region XA2 "Area two"
EOF
run load --map eurostat.map syn/synthetic_eurostat_sdmx1.csv
expect_eq "$(cat "$T/out")" "syn/synthetic_eurostat_sdmx1.csv: 24 rows (sdmx layout): 19 added, 0 revised, 0 unchanged, 5 missing, 0 rejected
syn/synthetic_eurostat_sdmx1.csv: skipped 12 lines: 12 filtered out (keep, drop)
syn/synthetic_eurostat_sdmx1.csv: 11 flags set, changed or cleared (logged in flags.csv)" "eurostat mapped: summary"
"$BAYTRACK" export --all --annotated synthetic.eurostat | sed 's/,Area two,/,XA2,/' > exp.alias.csv
python3 "$HERE/expected.py" raw syn/synthetic_eurostat_sdmx1.csv yearly rename:geo=region drop:GEO=XB \
    ignore:unit keep:freq=A fix:sex=_T scale:3 > want.eurostat_mapped
python3 "$HERE/expected.py" export exp.alias.csv > got.eurostat_mapped
expect_eq "$(wc -l < got.eurostat_mapped)" 19 "eurostat mapped: observations read back"
python3 "$HERE/expected.py" compare want.eurostat_mapped got.eurostat_mapped > cmp.eurostat_mapped ||
    fail "eurostat mapped: figures differ: $(head -20 cmp.eurostat_mapped)"
echo "eurostat mapped: $(tail -1 cmp.eurostat_mapped)" >&2
expect_eq "$("$BAYTRACK" series synthetic.eurostat | sort | tr '\n' ' ')" \
    "synthetic.eurostat{region=Area two,sex=_T} synthetic.eurostat{region=XA1,sex=_T} " "eurostat mapped: series, XA2 aliased"
expect_eq "$(cut -d'|' -f4 want.eurostat_mapped | sort -u | tr '\n' ' ')" " b be e u " "eurostat mapped: the flags compared"

# an aggregate beside its members made the total: alias to ""
printf 'ignore unit\nalias geo XB ""\n' > aggregate.map
BAYTRACK_DB="$T/agg" "$BAYTRACK" load -q --map aggregate.map --indicator synthetic.eurostat \
    syn/synthetic_eurostat_sdmx1.csv || fail "aggregate: load"
expect_eq "$(BAYTRACK_DB="$T/agg" "$BAYTRACK" series synthetic.eurostat | sort | tr '\n' ' ')" \
    "synthetic.eurostat synthetic.eurostat{geo=XA1} synthetic.eurostat{geo=XA2} " \
    "aggregate: XB is the series without geo"
BAYTRACK_DB="$T/agg" "$BAYTRACK" export --total synthetic.eurostat | sed 1d | cut -d, -f2,3 > agg.total
grep ',XB,NR$' exp.eurostat.csv | cut -d, -f2,3 > agg.xb
expect_eq "$(cat agg.total)" "$(cat agg.xb)" "aggregate: the total is XB's figures, not a sum with XA1 and XA2"

# an alias of a dimension the file has not (misspelt) is an error at it
printf 'alias goe XB ""\n' > misspelt.map
run load --db "$T/misspelt" --map misspelt.map --indicator synthetic.eurostat syn/synthetic_eurostat_sdmx1.csv
expect_eq "$RC:$(head -1 "$T/err")" "65:misspelt.map:1:7: alias names dimension 'goe', which this file's series do not have" "alias of a misspelt dimension"

# ACTION D through a mapping deletes from the renamed series
printf 'dimension place REF_AREA\n' > place.map
BAYTRACK_DB="$T/place" "$BAYTRACK" load -q --map place.map --indicator synthetic.eurostat syn/synthetic_sdmx2_insert.csv ||
    fail "place: insert"
BAYTRACK_DB="$T/place" "$BAYTRACK" load --map place.map --indicator synthetic.eurostat syn/synthetic_sdmx2_delete.csv > place.out ||
    fail "place: delete"
expect_eq "$(head -1 place.out)" "syn/synthetic_sdmx2_delete.csv: 3 rows (sdmx layout): 0 added, 1 revised, 1 deleted, 0 unchanged, 0 missing, 0 rejected" "place: summary"
expect_eq "$(BAYTRACK_DB="$T/place" "$BAYTRACK" export synthetic.eurostat --where place=HK | sed 1d | tr '\n' ' ')" \
    "synthetic.eurostat,2021,0.5,HK synthetic.eurostat,2023,2.75,HK " "place: HK 2022 deleted from the renamed series"

# the mapping's problems, every one at MAP:LINE:COLUMN, nothing written
before=$(db_sum)
refused_map() {
    printf "$2" > "$1.map"
    run load --map "$1.map" $4 "$3"
    expect_eq "$RC" 65 "$1: exit code"
    expect_eq "$(grep -v ': rejected: ' "$T/err")" "$5" "$1: message"
}
refused_map statements 'indicator synthetic.eurostat\nmarks "#"\nnormal A\n' syn/synthetic_eurostat_sdmx1.csv "" \
    "statements.map:3:1: mapping needs a 'time' statement; without one it is a mapping for an SDMX-CSV file, where 'marks' (line 2) does not apply"
refused_map table 'time TIME_PERIOD\nvalue synthetic.eurostat OBS_VALUE\n' syn/synthetic_eurostat_sdmx1.csv "" \
    "table.map:1:1: 'time' does not apply to an SDMX-CSV file: its period is its TIME_PERIOD column"
refused_map names 'indicator synthetic.eurostat\ndimension region COUNTRY\ndimension period TIME_PERIOD\nignore OBS_VALUE\nkeep @99 A\nvalue OBS_FLAG\n' \
    syn/synthetic_eurostat_sdmx1.csv "" \
    "names.map:2:18: header has no column 'COUNTRY' named by the mapping's dimension 'region'; its SDMX ids are: 'DATAFLOW', 'LAST UPDATE', 'freq', 'unit', 'geo', 'TIME_PERIOD', 'OBS_VALUE', 'OBS_FLAG', 'CONF_STATUS'
names.map:3:18: column @6 'TIME_PERIOD' of the mapping's dimension 'period' is SDMX-CSV's own column, not a dimension
names.map:4:8: column @7 'OBS_VALUE' cannot be ignored: an SDMX-CSV file needs it to be read right
names.map:5:6: column @99 of the mapping's keep: the header has 9 columns
names.map:6:7: the values of an SDMX-CSV file are its OBS_VALUE column, not @8 'OBS_FLAG'"
refused_map twice 'dimension sdmx_unit geo\n' syn/synthetic_eurostat_sdmx1.csv "--indicator synthetic.eurostat" \
    "twice.map:1:21: dimension 'sdmx_unit' is also the name of column @4 'unit': rename or ignore that one"
refused_map which 'indicator synthetic.trade\n' syn/synthetic_eurostat_sdmx1.csv "--indicator synthetic.eurostat" \
    "which.map:1:11: the mapping's indicator 'synthetic.trade' is not --indicator's 'synthetic.eurostat'"
refused_map freq 'indicator synthetic.days\nkeep geo XA1\n' syn/synthetic_eurostat_sdmx1.csv "" \
    "$(for l in $(seq 2 13); do echo "syn/synthetic_eurostat_sdmx1.csv:$l:3: FREQ 'A' is not the frequency of synthetic.days in the catalogue (daily, 'D')"; done)"
printf 'indicator,date,value\nsynthetic.eurostat,2024,1\n' > long.csv
refused_map notsdmx 'indicator synthetic.eurostat\nkeep geo XA1\n' long.csv "" \
    "notsdmx.map:2:1: mapping needs a 'time' statement (a mapping without one is for an SDMX-CSV file, and this file is not one)"
expect_eq "$(db_sum)" "$before" "mapping errors: database unchanged"
exit $FAILED
