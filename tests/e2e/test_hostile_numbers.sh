# Numbers at the edges of the double range (issue 18): huge values chart
# and report, values librrd cannot keep are refused at their cell, and
# every value comes back from RRD as it was loaded.
. "$(dirname "$0")/lib.sh"
cd "$T"
H='indicator,date,value\n'

# huge values chart and report, labelled in scientific form
printf "$H"'legal.gba_lawyers,2024-01,1e45\nlegal.gba_lawyers,2024-02,1e60\nlegal.gba_lawyers,2024-03,-1e300\n' > huge.csv
run load huge.csv
expect_eq "$RC" 0 "huge values load"
CAPTURE="$T/huge.gp" BAYTRACK_GNUPLOT="$SRC/tests/e2e/capture-gnuplot" \
    "$BAYTRACK" chart legal.gba_lawyers -o huge.svg --lang zh-Hant
expect_eq "$(grep '^set ytics' "$T/huge.gp")" \
    "set ytics ('-1.25e+300' -1.25e+300, '-1e+300' -1e+300, '-7.5e+299' -7.5e+299, '-5e+299' -5e+299, '-2.5e+299' -2.5e+299, '0' 0, '2.5e+299' 2.5e+299)" \
    "y tics of huge values"
run chart legal.gba_lawyers -o huge.svg
expect_eq "$RC" 0 "chart of huge values exits 0"
head -c 5 huge.svg | grep -q '<?xml' || fail "chart of huge values: no SVG"
run report -o site
expect_eq "$RC" 0 "report with huge values exits 0"
grep -q '1e+60' site/legal.gba_lawyers.html || fail "report: the page shows 1e+60"
rm -rf "$BAYTRACK_DB" site

# rejected NAME CSV MAP EXPECTED_STDERR: CSV (and MAP, unless empty) are
# printf formats for NAME.csv and NAME.map; the load exits 65, prints
# EXPECTED_STDERR and writes nothing
rejected() {
    printf "$2" > "$1.csv"
    rm -f "$1.map"
    [ -z "$3" ] || printf "$3" > "$1.map"
    before=$(db_sum)
    run load "$1.csv"
    expect_eq "$RC" 65 "$1: exit code"
    expect_eq "$(cat "$T/err")" "$4" "$1: message"
    expect_eq "$(db_sum)" "$before" "$1: database unchanged"
}

# what librrd would keep as inf (it stores value x 86400) is refused at its
# cell, scaled or not; the largest value accepted exports and loads back
G='legal.gba_lawyers,2024-01,1\n'
rejected big "$H$G"'legal.gba_lawyers,2024-02,3e303\nlegal.gba_lawyers,2024-03,-1e308\nlegal.gba_lawyers,2024-04,1e400\n' '' \
"big.csv:3:3: value '3e303': number is out of range (beyond ±1e303)
big.csv:4:3: value '-1e308': number is out of range (beyond ±1e303)
big.csv:5:3: value '1e400': number is out of range (beyond ±1e303)
big.csv: rejected: 3 of 4 rows have problems; nothing written"
rejected yi 'Year,People\n2020,1\n2021,1.79e300\n' \
    'indicator legal.gba_lawyers\ntime Year\nvalue People scale=亿\n' \
"yi.csv:3:2: value '1.79e300': number overflows after scaling (beyond ±1e303)
yi.csv: rejected: 1 of 2 rows have problems; nothing written"
# not 'not a number', with marks or words declared or without
rejected s30 'Year,People\n2021,1e300\n2022,1e274#\n' \
    'indicator legal.gba_lawyers\ntime Year\nvalue People\nscale 1e30\nmarks "#"\n' \
"s30.csv:2:2: value '1e300': number overflows after scaling (beyond ±1e303)
s30.csv:3:2: value '1e274#': number overflows after scaling (beyond ±1e303)
s30.csv: rejected: 2 of 2 rows have problems; nothing written"
rejected plain 'Year,People\n2021,1e400\n' \
    'indicator legal.gba_lawyers\ntime Year\nvalue People\nscale 1000\n' \
"plain.csv:2:2: value '1e400': number is out of range (beyond ±1e303)
plain.csv: rejected: 1 of 1 rows have problems; nothing written"
printf "$H"'legal.gba_lawyers,2024-01,1e303\nlegal.gba_lawyers,2024-02,-1e303\nlegal.gba_lawyers,2024-03,4.9406564584124654e-324\n' > edge.csv
run load edge.csv
expect_eq "$RC" 0 "the largest and smallest values load"
run export legal.gba_lawyers
expect_eq "$(cat "$T/out")" "indicator,date,value
legal.gba_lawyers,2024-01,1e+303
legal.gba_lawyers,2024-02,-1e+303
legal.gba_lawyers,2024-03,4.94065645841247e-324" "the largest and smallest values export"
cp "$T/out" edge-export.csv
rm -rf "$BAYTRACK_DB"
run load edge-export.csv
expect_eq "$RC" 0 "their export loads back"
run export legal.gba_lawyers
expect_eq "$(cat "$T/out")" "$(cat edge-export.csv)" "their export loads back the same"
rm -rf "$BAYTRACK_DB"

# a line number too large for the mapping is an error at the number (not
# "line 18446744073709551615": strtoul saturated)
M='indicator legal.gba_lawyers\ntime Year\nvalue People\n'
for h in 99999999999999999999:8 18446744073709551615:8 1000000001:8 3-99999999999999999999:10; do
    rejected header 'Year,People\n2021,5\n' "header ${h%:*}\n$M" \
"baytrack: load: header.map:1:${h#*:}: line number is out of range (at most 1000000000)
header.csv: rejected: its mapping is not valid; nothing written"
done

# a mark after a space is not the number's exponent: 123 e at scale 1000
# is 123000 flagged e (the parser reads only the cell's bytes)
printf 'Year,People\n2021,123 e\n2022,5e1\n' > marks.csv
printf 'indicator legal.gba_lawyers\ntime Year\nvalue People\nmarks e\nscale 1000\n' > marks.map
run load marks.csv
expect_eq "$RC" 0 "marks with scale: exit code"
run export legal.gba_lawyers --annotated
expect_eq "$(cat "$T/out")" "indicator,date,value,unit,flag,note,source
legal.gba_lawyers,2021-12,123000,people,e,,
legal.gba_lawyers,2022-12,50000,people,,," "marks with scale: values and flags"
rm -rf "$BAYTRACK_DB"

finish
