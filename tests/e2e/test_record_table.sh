# A record-typed table (the shape of a C&SD CSV download: DataType rows,
# titles over Title1..Title5, a remark column after each period, [12.2]
# rows, N.A., footnotes), generated as synthetic by
# tests/records/gen_synthetic_record_table.py, loads through
# tests/records/synthetic_record_table.map: every figure equal to what the
# generator's own reading of the raw file says, a total and its parts
# different series, every line accounted for. Then the mapping's errors:
# ambiguous names at MAP:LINE:COLUMN with their candidates, every problem
# at once, and a mapping without its dimension counting its rejected rows.
. "$(dirname "$0")/lib.sh"
REC="$SRC/tests/records"
cd "$T"
mkdir cat
printf '%s\n' 'id,name_en,name_zh_hans,name_zh_hant,unit,direction,frequency,domain,source' \
    'synthetic.employed,Employed persons (synthetic),就业人数（合成）,就業人數（合成）,persons,up,yearly,test: records,"synthetic (tests/records/gen_synthetic_record_table.py)"' \
    > cat/indicators.csv
echo 'indicator,date,value,kind,source,illustrative' > cat/targets.csv
export BAYTRACK_CATALOGUE="$T/cat"
python3 "$REC/gen_synthetic_record_table.py" table 7 > table.csv

run load --map "$REC/synthetic_record_table.map" table.csv
expect_eq "$RC" 0 "load: exit code"
expect_eq "$(cat "$T/out")" "table.csv: 13 rows (mapped layout): 65 added, 0 revised, 0 unchanged, 13 missing, 0 rejected
table.csv: skipped 20 lines: 3 before the header, 16 filtered out (keep, drop), 1 empty" "load: summary"

# every figure, against the raw file
"$BAYTRACK" export --all synthetic.employed > all.csv
python3 "$REC/gen_synthetic_record_table.py" expected table.csv > want.txt
python3 - all.csv > got.txt <<'PY'
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1], newline="")))
print("\n".join(sorted(f"{r['industry']}|{r['date']}-12-31|{r['value']}" for r in rows)))
PY
expect_eq "$(wc -l < want.txt)" 65 "observations in the raw file"
cmp -s want.txt got.txt || fail "figures differ from the raw file: $(diff want.txt got.txt | head -10)"

# the total and its parts are different series; --where picks the total
"$BAYTRACK" export synthetic.employed --where 'industry=All industries' > total.csv ||
    fail "export --where the total"
expect_eq "$(sed 1d total.csv | cut -d, -f2,3)" "$(grep '^All industries|' want.txt | sed 's/^[^|]*|\([0-9]*\)-12-31|/\1,/')" "the total alone"
expect_eq "$(cut -d'|' -f1 got.txt | sort -u | grep -c ' / Male$')" 3 "three Male series, each under its parent"

# loading again changes nothing
before=$(db_sum)
run load --map "$REC/synthetic_record_table.map" table.csv
expect_eq "$(head -1 "$T/out")" "table.csv: 13 rows (mapped layout): 0 added, 0 revised, 65 unchanged, 13 missing, 0 rejected" "reload"
expect_eq "$(db_sum)" "$before" "reload: database unchanged"

# a name the header has several times is never bound: an error at the
# mapping's word listing every candidate
sed 's/^dimension industry @2 @3 @4 @5 @6$/dimension industry ""/' "$REC/synthetic_record_table.map" > amb.map
run load --map amb.map table.csv
expect_eq "$RC" 65 "ambiguous: exit code"
expect_eq "$(cat "$T/err")" "amb.map:7:20: column '' of the mapping's dimension 'industry' is ambiguous: the header has it 9 times, at @2, @3, @4, @5, @6, @8, @10, @12, @14; name one by its position (@N)
table.csv: rejected: no data rows could be read; nothing written" "ambiguous: message"
expect_eq "$(db_sum)" "$before" "ambiguous: database unchanged"

# every problem of a mapping at once, each at its place
printf 'header 4\nkeep @1 Value\nindicator synthetic.employed\ntime header\nfrobnicate\ndimension industry @2 @99\nignore Nothing\nscale 7\n' > many.map
run load --map many.map table.csv
expect_eq "$RC" 65 "many: exit code"
expect_eq "$(cut -d: -f1-3 "$T/err" | head -3)" "many.map:5:1
many.map:8:7
table.csv: rejected: its mapping is not valid; nothing written" "many: both syntax errors, in order"
printf 'header 4\nkeep @1 Value\nindicator synthetic.employed\ntime header\ndimension industry @2 @99\nignore Nothing\n' > names.map
run load --map names.map table.csv
expect_eq "$(cut -d: -f1-4 "$T/err")" "names.map:5:23: column @99 of the mapping's dimension 'industry'
names.map:6:8: header has no column 'Nothing' named by the mapping's ignore; its columns are
table.csv: rejected: no data rows could be read; nothing written" "names: both names, at their words"

# without its dimension the rows collide: the summary counts them
grep -v '^dimension' "$REC/synthetic_record_table.map" > nodim.map
run load --map nodim.map table.csv
expect_eq "$RC" 65 "no dimension: exit code"
bad=$(grep 'conflicting duplicate' "$T/err" | cut -d: -f2 | sort -u | wc -l)
[ "$bad" -gt 0 ] || fail "no dimension: conflicts reported"
expect_eq "$(tail -1 "$T/err")" "table.csv: rejected: $bad of 13 rows have problems; nothing written" "no dimension: rows with problems counted"
expect_eq "$(db_sum)" "$before" "no dimension: database unchanged"
exit $FAILED
