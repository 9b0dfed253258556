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
    "$BAYTRACK" chart legal.gba_lawyers -o huge.svg --lang zh-Hant || :
# (the stand-in draws nothing, so chart then says the SVG cannot be opened)
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
# an underflow (1e-400) is refused at its cell, never stored as 0; a
# zero written with an exponent is 0
rejected tiny "$H$G"'legal.gba_lawyers,2024-02,1e-400\nlegal.gba_lawyers,2024-03,-2e-324\nlegal.gba_lawyers,2024-04,0e-400\n' '' \
"tiny.csv:3:3: value '1e-400': number underflows (not 0, but smaller in magnitude than 4.9406564584124654e-324, the smallest double above 0)
tiny.csv:4:3: value '-2e-324': number underflows (not 0, but smaller in magnitude than 4.9406564584124654e-324, the smallest double above 0)
tiny.csv: rejected: 2 of 4 rows have problems; nothing written"
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
"header.map:1:${h#*:}: line number is out of range (at most 1000000000)
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

# stored FILE DATE: the double RRD holds for DATE's observation (the row
# ending the next midnight), in %.17e, read by stock rrdtool: fetch and
# dump print 11 digits, a graph's PRINT as many as asked
stored() {
    t=$(( $(date -u -d "$2" +%s) + 86400 ))
    rrdtool graph /dev/null -s $((t - 86400)) -e $((t + 86400)) \
        DEF:v="$1":value:LAST VDEF:x=v,LAST PRINT:x:%.17le | tail -1
}
e17() { python3 -c "import sys; print('%.17e' % float(sys.argv[1]))" "$1"; }
f="$BAYTRACK_DB/legal.gba_lawyers/_.rrd"

# a revision in the 14th digit is a revision (it was within the 1e-13
# that load took for the same), stored exactly; the same text again is not
printf "$H"'legal.gba_lawyers,2024-04,1234567890123\n' > r1.csv
printf "$H"'legal.gba_lawyers,2024-04,1234567890123.1\n' > r2.csv
"$BAYTRACK" load -q r1.csv
run load r2.csv
expect_eq "$(cat "$T/out")" "r2.csv: 1 rows (long layout): 0 added, 1 revised, 0 unchanged, 0 missing, 0 rejected" "a revision in the 14th digit"
expect_eq "$(tail -1 "$BAYTRACK_DB/revisions.csv" | cut -d, -f2-)" \
    'legal.gba_lawyers,2024-04-30,1234567890123,1234567890123.1,r2.csv' "the revision is logged"
expect_eq "$(stored "$f" 2024-04-30)" "$(e17 1234567890123.1)" "rrdtool reads the revised value exactly"
before=$(db_sum)
run load r2.csv
expect_eq "$(cat "$T/out")" "r2.csv: 1 rows (long layout): 0 added, 0 revised, 1 unchanged, 0 missing, 0 rejected" "the same text again"
expect_eq "$(db_sum)" "$before" "the same text again changes no byte"

# one ulp apart is a revision too
printf "$H"'legal.gba_lawyers,2024-05,100.0000000000084\n' > u1.csv
printf "$H"'legal.gba_lawyers,2024-05,100.00000000000843\n' > u2.csv
"$BAYTRACK" load -q u1.csv
run load u2.csv
expect_eq "$(cat "$T/out")" "u2.csv: 1 rows (long layout): 0 added, 1 revised, 0 unchanged, 0 missing, 0 rejected" "a revision of one ulp"
expect_eq "$(stored "$f" 2024-05-31)" "$(e17 100.00000000000843)" "rrdtool reads it exactly"
rm -rf "$BAYTRACK_DB"

# a value librrd cannot hold (its area over the step moves it, twice over
# when stored again) is stored as the nearest one it keeps, 2 ulps away,
# once: a rebuild (a revision of another day) moves it no further, the
# same text is unchanged, and so is the export of it
printf "$H"'legal.gba_lawyers,2024-01,123456.7890000715\nlegal.gba_lawyers,2024-02,1\n' > m1.csv
"$BAYTRACK" load -q m1.csv
kept=123456.78900007153 first=$(stored "$f" 2024-01-31)
expect_eq "$first" "$(e17 $kept)" "a value librrd moves: stored as kept"
run export legal.gba_lawyers
expect_eq "$(sed -n 2p "$T/out")" "legal.gba_lawyers,2024-01,$kept" "a value librrd moves: exported as kept"
cp "$T/out" m-export.csv
printf "$H"'legal.gba_lawyers,2024-02,2\n' > m2.csv
"$BAYTRACK" load -q m2.csv
expect_eq "$(stored "$f" 2024-01-31)" "$first" "a rebuild moves no stored value"
for file in m1.csv m-export.csv; do
    run load "$file"
    case "$(cat "$T/out")" in
        *" 0 added, 1 revised, 1 unchanged,"*) ;; # 2024-02 is back to 1
        *) fail "$file loads as revised: $(cat "$T/out")" ;;
    esac
    printf "$H"'legal.gba_lawyers,2024-02,2\n' > m2.csv
    "$BAYTRACK" load -q m2.csv
done
expect_eq "$(stored "$f" 2024-01-31)" "$(e17 $kept)" "reloads leave the kept value as it is"
expect_eq "$(grep -c '2024-01-31' "$BAYTRACK_DB/revisions.csv")" 0 "no revision of the kept value is logged"
rm -rf "$BAYTRACK_DB"

# every limit is named in its message: a number of 70 digits, a dimension
# name of 70 letters, a scale beyond 1e30, a negative --wait
n70=$(printf '1%.0s' $(seq 70)); x70=$(printf 'x%.0s' $(seq 70))
printf 'indicator,date,value\nlegal.gba_lawyers,2024,%s\n' "$n70" > lim.csv
run load lim.csv
expect_eq "$RC:$(head -1 "$T/err")" "65:lim.csv:2:3: value '$n70': number is too long (more than 63 characters)" "a number too long: the limit"
printf 'indicator,date,value,%s\nlegal.gba_lawyers,2024,1,a\n' "$x70" > lim.csv
run load lim.csv
expect_eq "$RC:$(head -1 "$T/err")" "65:lim.csv:1:4: dimension column '$x70' is too long (more than 59 letters, digits and '_')" "a dimension name too long: the limit"
printf 'Year,People\n2021,1\n' > lim.csv
printf 'indicator legal.gba_lawyers\ntime Year\nvalue People\nscale 1e40\n' > lim.map
run load lim.csv
expect_eq "$RC:$(head -1 "$T/err")" "65:lim.map:4:7: scale must be a power of ten from 1e-30 to 1e30 (1e8, 1000, 0.01) or thousand, million, billion, 万, 亿" "a scale too large: the range"
rm lim.map
run load --wait -1 lim.csv
expect_eq "$RC:$(head -1 "$T/err")" "64:baytrack: load: --wait '-1' is not a number of seconds (0 or more)" "a negative --wait: the range"

finish
