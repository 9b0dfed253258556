# Loading the bundled datasets: summaries, stock rrdtool reads the files,
# every observation reads back exactly, reloading and exports change nothing.
. "$(dirname "$0")/lib.sh"
cd "$SRC"

run load datasets/*.csv
expect_eq "$RC" 0 "load exits 0"
expect_eq "$(cat "$T/out")" "datasets/immd_passenger_traffic.csv: 56424 rows (mapped layout): 225696 added, 0 revised, 0 unchanged, 0 missing, 0 rejected
datasets/published_figures.csv: 47 rows (long layout): 47 added, 0 revised, 0 unchanged, 0 missing, 0 rejected
datasets/published_figures.csv: 25 flags set, changed or cleared (logged in flags.csv)
datasets/seeds_soft_connectivity.csv: 13 rows (long layout): 13 added, 0 revised, 0 unchanged, 0 missing, 0 rejected
datasets/seeds_soft_connectivity.csv: 6 flags set, changed or cleared (logged in flags.csv)
datasets/seeds_travel_times.csv: 1 rows (long layout): 1 added, 0 revised, 0 unchanged, 0 missing, 0 rejected
datasets/seeds_travel_times.csv: 1 flag set, changed or cleared (logged in flags.csv)" "load summary"

# stock rrdtool reads the files: layout and one value
f="$BAYTRACK_DB/clearance.macao_hengqin_commute/_.rrd"
info=$(rrdtool info "$f")
echo "$info" | grep -q '^step = 86400$' || fail "rrdtool info: step"
echo "$info" | grep -q '^ds\[value\].type = "GAUGE"$' || fail "rrdtool info: GAUGE"
echo "$info" | grep -q '^rra\[0\].cf = "LAST"$' || fail "rrdtool info: LAST RRA"
# 2024 is dated 2024-12-31, held by the primary data point ending 2025-01-01
expect_eq "$(rrdtool fetch "$f" LAST -s 1735603200 -e 1735689600 | grep '^1735689600')" \
    "1735689600: 2.5000000000e+01" "rrdtool fetch reads 25 minutes for 2024"
rrdtool dump "$f" | grep -q '<step>86400</step>' || fail "rrdtool dump"
expect_eq "$(rrdtool lastupdate "$f" | tail -1)" "1735689600: 25" "rrdtool lastupdate"

# every observation of the seeds file reads back as written
run export clearance.macao_hengqin_commute
expect_eq "$(cat "$T/out")" "indicator,date,value
clearance.macao_hengqin_commute,2020,45
clearance.macao_hengqin_commute,2024,25" "export csv"
run export standards.bay_area --format json
expect_eq "$(cat "$T/out")" '{"indicator":"standards.bay_area","frequency":"monthly","dimensions":{},"observations":[{"date":"2023-04-24","value":110},{"date":"2025-05-21","value":235},{"date":"2025-11","value":262}]}' "export json"
run export immd.passengers.total --where "control_point=Macao Ferry Terminal" --where direction=Arrival
expect_eq "$(sed -n '2p;$p' "$T/out")" "immd.passengers.total,2021-01-01,0,Macao Ferry Terminal,Arrival
immd.passengers.total,2026-03-08,11299,Macao Ferry Terminal,Arrival" "export where (Macau renamed Macao: one series)"
run export immd.passengers.total
expect_eq "$RC" 64 "export of a disaggregated indicator without --where"
grep -q "series of 'immd.passengers.total' match; choose one with --where" "$T/err" || fail "export: ambiguous message"

# reloading the same files changes no byte
before=$(db_sum)
run load datasets/*.csv
expect_eq "$(sed -n 1p "$T/out")" "datasets/immd_passenger_traffic.csv: 56424 rows (mapped layout): 0 added, 0 revised, 225696 unchanged, 0 missing, 0 rejected" "reload summary"
expect_eq "$(db_sum)" "$before" "reload changes no byte"

# an export loads back unchanged, for every series
"$BAYTRACK" series > "$T/series"
# 16 control points once Macau and Macao merge, x 2 directions x 4 = 128,
# plus 27 series of published figures and seeds and 1 travel-time route
expect_eq "$(wc -l < "$T/series")" 156 "series count"
for id in $(cut -d'{' -f1 "$T/series" | sort -u | grep -v '^immd'); do
    "$BAYTRACK" export "$id" > "$T/export.csv"
    run load "$T/export.csv"
    case "$(cat "$T/out")" in
        *": "*" 0 added, 0 revised, "*) ;;
        *) fail "export of $id does not load back unchanged: $(cat "$T/out" "$T/err")" ;;
    esac
done
"$BAYTRACK" export immd.passengers.hk_residents --where control_point=Airport --where direction=Departure > "$T/export.csv"
run load "$T/export.csv"
expect_eq "$(cat "$T/out")" "$T/export.csv: 1893 rows (long layout): 0 added, 0 revised, 1893 unchanged, 0 missing, 0 rejected" "IMMD export loads back unchanged"
expect_eq "$(db_sum)" "$before" "loading exports changes no byte"
[ ! -e "$BAYTRACK_DB/revisions.csv" ] || fail "no revision log without revisions"

# notes and sources are kept per observation: the annotated export shows
# them, a file with a note column replaces a day's note, one without keeps it
run export clearance.macao_hengqin_commute --annotated
expect_eq "$(sed -n 3p "$T/out")" 'clearance.macao_hengqin_commute,2024,25,minutes,said at the consultation of 9 July; five years after the 2019 Outline: 2024,"seed 000_80ceadc882f13709.txt, Guangdong CPPCC, 议事厅 page on the consultation of 9 July (in the seeds), 2024-07-09"' "annotated export"
printf 'indicator,date,value,note\nclearance.macao_hengqin_commute,2024,25,"a new, corrected note"\n' > "$T/note.csv"
run load "$T/note.csv"
expect_eq "$(cat "$T/out")" "$T/note.csv: 1 rows (long layout): 0 added, 0 revised, 1 unchanged, 0 missing, 0 rejected" "a note alone revises no value"
run export clearance.macao_hengqin_commute --annotated
expect_eq "$(sed -n 3p "$T/out")" 'clearance.macao_hengqin_commute,2024,25,minutes,"a new, corrected note","seed 000_80ceadc882f13709.txt, Guangdong CPPCC, 议事厅 page on the consultation of 9 July (in the seeds), 2024-07-09"' "the note replaced, the source kept"
"$BAYTRACK" export clearance.macao_hengqin_commute > "$T/plain.csv"
run load "$T/plain.csv"
run export clearance.macao_hengqin_commute --annotated
expect_eq "$(sed -n 3p "$T/out" | cut -d, -f5-6)" '"a new, corrected note"' "a file without notes keeps them"
finish
