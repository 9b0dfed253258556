# A record-typed table (the shape of a C&SD CSV download: DataType rows,
# titles over Title1..Title5, a remark column after each period, [12.2]
# rows, N.A., footnotes), generated as synthetic by
# tests/records/gen_synthetic_record_table.py, loads through
# tests/records/synthetic_record_table.map: every figure equal to what the
# generator's own reading of the raw file says, a total and its parts
# different series, every line accounted for, each year's remark column
# the flag of its values ('flag next'; 'note next' their note). Then the
# mapping's errors:
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
table.csv: skipped 20 lines: 3 before the header, 16 filtered out (keep, drop), 1 empty
table.csv: 26 flags set, changed or cleared (logged in flags.csv)" "load: summary"

# every figure, against the raw file
"$BAYTRACK" export --all synthetic.employed > all.csv
python3 "$REC/gen_synthetic_record_table.py" expected table.csv > want.txt
python3 - all.csv > got.txt <<'PY'
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1], newline="")))
print("\n".join(sorted(f"{r['industry']}|{r['date']}-12-31|{r['value']}|{r['flag']}" for r in rows)))
PY
expect_eq "$(wc -l < want.txt)" 65 "observations in the raw file"
cmp -s want.txt got.txt || fail "figures differ from the raw file: $(diff want.txt got.txt | head -10)"
# the remarks read back as flags: the Period row's (a) on every value of
# 2022 and 2023, a cell's own (b) after it
expect_eq "$(cut -d'|' -f4 want.txt | sort | uniq -c | tr -s ' ' | tr '\n' ';')" \
    " 39 ; 17 (a); 4 (a) (b); 5 (b);" "remarks in the raw file"

# the total and its parts are different series; --where picks the total
"$BAYTRACK" export synthetic.employed --where 'industry=All industries' > total.csv ||
    fail "export --where the total"
expect_eq "$(sed 1d total.csv | cut -d, -f2,3)" "$(grep '^All industries|' want.txt | sed 's/^[^|]*|\([0-9]*\)-12-31|\([0-9]*\)|.*/\1,\2/')" "the total alone"
expect_eq "$(cut -d'|' -f1 got.txt | sort -u | grep -c ' / Male$')" 3 "three Male series, each under its parent"

# loading again changes nothing
before=$(db_sum)
run load --map "$REC/synthetic_record_table.map" table.csv
expect_eq "$(head -1 "$T/out")" "table.csv: 13 rows (mapped layout): 0 added, 0 revised, 65 unchanged, 13 missing, 0 rejected" "reload"
expect_eq "$(db_sum)" "$before" "reload: database unchanged"

# 'note next': the same remarks as each value's note instead
sed 's/^flag next$/note next/' "$REC/synthetic_record_table.map" > note.map
BAYTRACK_DB="$T/notes" "$BAYTRACK" load -q --map note.map table.csv || fail "note next: load"
BAYTRACK_DB="$T/notes" "$BAYTRACK" export --all --annotated synthetic.employed > notes.csv
python3 - notes.csv > gotnotes.txt <<'PY'
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1], newline="")))
print("\n".join(sorted(f"{r['industry']}|{r['date']}-12-31|{r['value']}|{r['note']}" for r in rows)))
PY
cmp -s want.txt gotnotes.txt || fail "note next: notes differ from the remarks: $(diff want.txt gotnotes.txt | head -5)"

# 'next' where the column after is no remark column: an error at the
# mapping's word, nothing read
printf 'header 4\nkeep @1 Value\nindicator synthetic.employed\ndimension industry @2 @3 @4 @5 @6\ntime header\nignore "(a)"\nflag next\nmissing N.A.\n' > ign.map
run load --map ign.map table.csv
expect_eq "$RC" 65 "next and ignore: exit code"
expect_eq "$(head -1 "$T/err")" "ign.map:7:6: with 'next', the column after period '2022' (@15) is its remark, but @16 is named by another statement: '(a)'" "next and ignore: message"
printf 'Item,2021,2022\nA,1,2\n' > plain.csv
printf 'indicator synthetic.employed\ndimension item Item\ntime header\nnote next\n' > plain.map
run load --map plain.map plain.csv
expect_eq "$(head -1 "$T/err")" "plain.map:4:6: with 'next', the column after period '2021' (@2) is its remark, but @3 is the period '2022'" "next without remark columns: message"
printf 'time Year\nvalue synthetic.employed V flag=next\n' > last.map
printf 'Year,V\n2021,1\n' > last.csv
run load --map last.map last.csv
expect_eq "$(head -1 "$T/err")" "last.map:2:33: the column after value column @2 ('V'), its remark by the mapping's 'next', is past the header's last column" "next past the last column: message"

# a name the header has several times is never bound: an error at the
# mapping's word listing every candidate
sed 's/^dimension industry @2 @3 @4 @5 @6$/dimension industry ""/' "$REC/synthetic_record_table.map" > amb.map
run load --map amb.map table.csv
expect_eq "$RC" 65 "ambiguous: exit code"
expect_eq "$(cat "$T/err")" "amb.map:8:20: column '' of the mapping's dimension 'industry' is ambiguous: the header has it 9 times, at @2, @3, @4, @5, @6, @8, @10, @12, @14; name one by its position (@N)
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
# the C&SD file of the shared data (a multi-row header, not record-typed:
# no real record-typed file is there) through a mapping written from
# docs/mapping.md alone: the same figures as tests/publishers' mapping
PUB="$SRC/../shared/data/publishers"
CSD="$PUB/hk_censtatd_table_650-80001_visitor_arrivals_multiheader_crlf.csv"
if [ -f "$CSD" ]; then
    export BAYTRACK_CATALOGUE="$SRC/tests/publishers/indicators"
    BAYTRACK_DB="$T/csd1" run load --map "$REC/hk_censtatd_650-80001_from_docs.map" "$CSD"
    expect_eq "$(sed "s|$PUB/||" "$T/out")" "hk_censtatd_table_650-80001_visitor_arrivals_multiheader_crlf.csv: 73 rows (mapped layout): 876 added, 0 revised, 0 unchanged, 0 missing, 0 rejected
hk_censtatd_table_650-80001_visitor_arrivals_multiheader_crlf.csv: skipped 12 lines: 4 before the header, 7 notes after the data, 1 blank" "c&sd from the docs: summary"
    BAYTRACK_DB="$T/csd2" "$BAYTRACK" load -q --map "$SRC/tests/publishers/hk_censtatd_650-80001.map" "$CSD"
    for i in hk.visitor_arrivals hk.visitor_arrivals.annual; do
        BAYTRACK_DB="$T/csd1" "$BAYTRACK" export --all $i > a.csv
        BAYTRACK_DB="$T/csd2" "$BAYTRACK" export --all $i > b.csv
        cmp -s a.csv b.csv || fail "c&sd from the docs: $i differs: $(diff a.csv b.csv | head -5)"
    done
fi
exit $FAILED
