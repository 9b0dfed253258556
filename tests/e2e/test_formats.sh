# Layouts, encodings and value formats planners send.
. "$(dirname "$0")/lib.sh"
cd "$T"

# wide layout, as yearbooks print; blanks are missing, not zero
printf 'indicator,2021,2022Q4,2023年\nscience.joint_labs,10,,12\nscience.provincial_labs,-,10,N/A\n' > wide.csv
run load wide.csv
expect_eq "$(cat "$T/out")" "wide.csv: 2 rows (wide layout): 3 added, 0 revised, 0 unchanged, 3 missing, 0 rejected" "wide layout"
run export science.joint_labs
expect_eq "$(cat "$T/out")" "indicator,date,value
science.joint_labs,2021,10
science.joint_labs,2023,12" "wide layout values"

# UTF-8 with BOM and CRLF, quoted thousands separators, Chinese periods
printf '\357\273\277indicator,date,value\r\nhealth.drugs_devices_patients,2024年6月,"1,186"\r\nhealth.drugs_devices_patients,2024年第三季度,"2,345.5"\r\n' > bom.csv
run load bom.csv
expect_eq "$(cat "$T/out")" "bom.csv: 2 rows (long layout): 2 added, 0 revised, 0 unchanged, 0 missing, 0 rejected" "BOM and CRLF"
run export health.drugs_devices_patients
expect_eq "$(cat "$T/out")" "indicator,date,value
health.drugs_devices_patients,2024-06,1186
health.drugs_devices_patients,2024-09,2345.5" "thousands separators and Chinese periods"

# GB18030 (GBK) is detected; the dimension value 广州 is stored as UTF-8
printf 'indicator,date,value,city\r\ntalent.hkmo_professionals,2024,120,\271\343\326\335\r\n' > gbk.csv
run load gbk.csv
expect_eq "$(cat "$T/out")" "gbk.csv: 1 rows (long layout): 1 added, 0 revised, 0 unchanged, 0 missing, 0 rejected" "GB18030 detected"
run export talent.hkmo_professionals --where city=广州
expect_eq "$(cat "$T/out")" "indicator,date,value,city
talent.hkmo_professionals,2024,120,广州" "GB18030 text"
# forcing UTF-8 on GB18030 bytes is an error with a place
run load --encoding UTF-8 gbk.csv
expect_eq "$(head -1 "$T/err")" "gbk.csv:2:36: bytes are not valid UTF-8" "--encoding UTF-8 refuses GBK bytes"
# naming the encoding works too
printf 'indicator,date,value,city\ntalent.hkmo_professionals,2025,130,\263\311\266\274\n' > big.csv
run load --encoding GBK big.csv
run export talent.hkmo_professionals --where city=成都
expect_eq "$(tail -1 "$T/out")" "talent.hkmo_professionals,2025,130,成都" "--encoding GBK"

# a mapping beside the file is used; a DD-MM-YYYY mapping with aliases
printf 'Day,Where,People\n31-12-2025,Macau,5\n01-01-2026,Macao,6\n' > ferry.csv
printf 'time Day DD-MM-YYYY\ndimension control_point Where\nvalue immd.passengers.total People\nalias control_point Macau Macao\n' > ferry.map
run load -v ferry.csv
expect_eq "$(cat "$T/out")" "ferry.csv: read through mapping ferry.map
ferry.csv: 2 rows (mapped layout): 2 added, 0 revised, 0 unchanged, 0 missing, 0 rejected" "sibling mapping"
run export immd.passengers.total --where control_point=Macao
expect_eq "$(sed 1d "$T/out")" "immd.passengers.total,2025-12-31,5,Macao
immd.passengers.total,2026-01-01,6,Macao" "alias merges the renamed label"
# a broken mapping is rejected like bad data (65), with its place
printf 'time Day\nvalue immd.passengers.total "People\n' > bad.map
run load --map bad.map ferry.csv
expect_eq "$RC" 65 "bad mapping: exit code (invalid input, like a bad file)"
expect_eq "$(head -1 "$T/err")" "bad.map:2:29: unterminated quote" "bad mapping: message"

# TZ changes nothing: the same files give the same RRD contents (rrdtool
# dump: librrd starts each new file's ring at a random row, so bytes of two
# separately created files differ whatever the TZ) and the same exports
immd_recent "$T/recent.csv"
n=0
for tz in UTC Asia/Hong_Kong America/Los_Angeles Pacific/Kiritimati; do
    n=$((n + 1))
    TZ=$tz BAYTRACK_DB="$T/tz$n" "$BAYTRACK" load -q "$SRC/datasets/seeds_soft_connectivity.csv" "$T/recent.csv"
    (cd "$T/tz$n" && find . -name '*.rrd' | sort | while read -r f; do
        echo "$f $(rrdtool dump "$f" | md5sum)"; done) > "$T/sum$n"
    TZ=$tz BAYTRACK_DB="$T/tz$n" "$BAYTRACK" export immd.passengers.total --where control_point=Airport --where direction=Arrival > "$T/exp$n"
    [ $n = 1 ] && continue
    cmp -s "$T/sum1" "$T/sum$n" || fail "TZ=$tz changes the RRD files"
    cmp -s "$T/exp1" "$T/exp$n" || fail "TZ=$tz changes the export"
done
[ "$(wc -l < "$T/sum1")" = 124 ] || fail "TZ test loaded 124 series (12 seed, 112 IMMD)"
finish
