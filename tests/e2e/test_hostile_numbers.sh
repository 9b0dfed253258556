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
