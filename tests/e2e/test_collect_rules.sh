# collect for a year unattended: SPOOL/rules gives each night's file its
# mapping by name (no companion .map), collect --map covers the rest;
# three nights, the second with a failing file, and every file of every
# night accounted for in done/ or failed/ with the mapping it was read
# through (and its .err), no name ever reused; --verbose logs each file's
# summary; the exit code says whether a file failed; a broken rule stops
# the run before any file is touched; kills at each crash point of the
# new write path (a rule's mapping copied beside the file) lose nothing.
. "$(dirname "$0")/lib.sh"
REC="$SRC/tests/records"
cd "$T"
mkdir cat
cp "$SRC/indicators/"*.csv cat/
printf '%s\n' 'synthetic.employed,Employed persons (synthetic),就业人数（合成）,就業人數（合成）,persons,up,yearly,test: records,"synthetic (tests/records/gen_synthetic_record_table.py)"' >> cat/indicators.csv
export BAYTRACK_CATALOGUE="$T/cat"
S="$T/spool"

# spool_files: every file of the spool but the database's, sorted
spool_files() { (cd "$S" && find . -type f ! -path './maps/*' ! -name rules | sort | tr '\n' ' '); }
# labs FILE YEAR VALUE: an office's file, as its downloader leaves it
labs() { printf 'Year,Joint labs\n%s,%s\n' "$2" "$3" > "$S/incoming/$1"; }
new_spool() {
    rm -rf "$S"; mkdir -p "$S/incoming" "$S/maps"
    printf 'indicator science.joint_labs\ntime Year\nvalue "Joint labs"\n' > "$S/maps/labs.map"
    cp "$REC/synthetic_record_table.map" "$S/maps/record.map"
    cat > "$S/rules" <<'RULES'
# a night's files get their mapping by name
labs_*.csv      --map maps/labs.map
employed_*.csv  --map maps/record.map --encoding UTF-8
RULES
}
# night N [COLLECT OPTIONS]: runs collect on what incoming/ holds
night() {
    n=$1; shift
    run collect --min-age 0 --verbose "$@" "$S"
    cp "$T/out" "night$n.out"; cp "$T/err" "night$n.err"
}
new_spool

# night 1: two files through rules, one long file needing no mapping
labs labs_2021.csv 2021 10
python3 "$REC/gen_synthetic_record_table.py" table 7 > "$S/incoming/employed_night1.csv"
printf 'indicator,date,value\nscience.joint_labs,2020,8\n' > "$S/incoming/plain.csv"
night 1
expect_eq "$RC:$(cat night1.err)" "0:" "night 1: exit 0, nothing on stderr"
expect_eq "$(spool_files)" "./done/employed_night1.csv ./done/employed_night1.map ./done/labs_2021.csv ./done/labs_2021.map ./done/plain.csv " "night 1: every file in done/, a rule's mapping beside its file"
cmp -s "$S/done/labs_2021.map" "$S/maps/labs.map" || fail "night 1: labs_2021.map is the rule's mapping"
cmp -s "$S/done/employed_night1.map" "$REC/synthetic_record_table.map" || fail "night 1: employed_night1.map is the rule's mapping"
expect_eq "$(sed 's/^[0-9T:Z-]* //' night1.out)" "collect: $S/incoming/employed_night1.csv: 13 rows (mapped layout): 65 added, 0 revised, 0 unchanged, 13 missing, 0 rejected; skipped 3 before the header, 16 filtered out (keep, drop), 1 empty; 26 flags changed; mapping $S/maps/record.map (rule $S/rules:3); moved to $S/done/employed_night1.csv
collect: $S/incoming/labs_2021.csv: 1 rows (mapped layout): 1 added, 0 revised, 0 unchanged, 0 missing, 0 rejected; mapping $S/maps/labs.map (rule $S/rules:2); moved to $S/done/labs_2021.csv
collect: $S/incoming/plain.csv: 1 rows (long layout): 1 added, 0 revised, 0 unchanged, 0 missing, 0 rejected; moved to $S/done/plain.csv" "night 1: --verbose logs each file's summary and mapping"

# night 2: one file fails; the others load; its mapping and error are kept
labs labs_2022.csv 2022 x
python3 "$REC/gen_synthetic_record_table.py" table 8 > "$S/incoming/employed_night2.csv"
printf 'Year,Joint labs\n2019,6\n' > "$S/incoming/own.csv"
printf 'indicator science.joint_labs\ntime Year\nvalue "Joint labs"\n# its own\n' > "$S/incoming/own.map"
night 2
expect_eq "$RC" 1 "night 2: a file failed: exit 1"
expect_eq "$(spool_files)" "./done/employed_night1.csv ./done/employed_night1.map ./done/employed_night2.csv ./done/employed_night2.map ./done/labs_2021.csv ./done/labs_2021.map ./done/own.csv ./done/own.map ./done/plain.csv ./failed/labs_2022.csv ./failed/labs_2022.err ./failed/labs_2022.map " "night 2: every file accounted for"
cmp -s "$S/failed/labs_2022.map" "$S/maps/labs.map" || fail "night 2: the failed file keeps the rule's mapping"
grep -q '^# its own$' "$S/done/own.map" || fail "night 2: a companion .map wins over the rules and moves with its file"
expect_eq "$(cat "$S/failed/labs_2022.err")" "labs_2022.csv:2:2: value 'x': not a number (declare words with 'missing' or 'means', flag marks with 'marks')
labs_2022.csv: not loaded; nothing written" "night 2: the .err says why"
grep -q "labs_2022.csv: failed, moved to $S/failed/labs_2022.csv" night2.err || fail "night 2: the failure on stderr"
grep -q "employed_night2.csv: 13 rows (mapped layout): 13 added, 60 revised, 0 unchanged, 5 missing, 0 rejected;" night2.out || fail "night 2: the second table revises: $(cat night2.out)"
grep -q "collect: $S/incoming/labs_2022.csv: 1 rows (mapped layout): 0 added, 0 revised, 0 unchanged, 0 missing, 1 rejected; mapping $S/maps/labs.map (rule $S/rules:2); not loaded; moved to $S/failed/labs_2022.csv$" night2.out || fail "night 2: the failed file's summary line: $(cat night2.out)"

# night 3: the corrected file under the failed one's name, a file of
# night 1's name again, and one no rule names, through --map
labs labs_2022.csv 2022 12
python3 "$REC/gen_synthetic_record_table.py" table 7 > "$S/incoming/employed_night1.csv"
printf 'Year,Joint labs\n2023,15\n' > "$S/incoming/office.csv"
night 3 --map "$S/maps/labs.map"
expect_eq "$RC:$(cat night3.err)" "0:" "night 3: exit 0"
expect_eq "$(spool_files)" "./done/employed_night1.2.csv ./done/employed_night1.2.map ./done/employed_night1.csv ./done/employed_night1.map ./done/employed_night2.csv ./done/employed_night2.map ./done/labs_2021.csv ./done/labs_2021.map ./done/labs_2022.csv ./done/labs_2022.map ./done/office.csv ./done/office.map ./done/own.csv ./done/own.map ./done/plain.csv ./failed/labs_2022.csv ./failed/labs_2022.err ./failed/labs_2022.map " "night 3: every file of every night accounted for, no name reused"
grep -q "office.csv: .*mapping $S/maps/labs.map (--map)" night3.out || fail "night 3: --map for a file no rule names"
run export science.joint_labs
expect_eq "$(sed 1d "$T/out")" "science.joint_labs,2019,6
science.joint_labs,2020,8
science.joint_labs,2021,10
science.joint_labs,2022,12
science.joint_labs,2023,15" "three nights: every figure"
run collect --min-age 0 "$S"
expect_eq "$RC:$(cat "$T/out" "$T/err")" "0:" "a fourth run with nothing to do: quiet"

# a broken rule, or a broken --map: exit 78, nothing loaded or moved
before=$(db_sum)
labs labs_2024.csv 2024 16
printf 'labs_*.csv --mapping maps/labs.map\n' > "$S/rules"
run collect --min-age 0 "$S"
expect_eq "$RC" 78 "unknown option in a rule: exit 78"
expect_eq "$(head -1 "$T/err")" "$S/rules:1:12: unknown option '--mapping': a rule takes --map FILE, --indicator ID and --encoding NAME, each once with its value" "unknown option: at its place"
printf 'labs_*.csv --map maps/bad.map\n' > "$S/rules"
printf 'indicator science.joint_labs\ntime Year\nvalue "Joint labs" scale=7\n' > "$S/maps/bad.map"
run collect --min-age 0 "$S"
expect_eq "$RC:$(head -1 "$T/err")" "78:$S/maps/bad.map:3:20: scale must be a power of ten from 1e-30 to 1e30 (1e8, 1000, 0.01) or thousand, million, billion, 万, 亿" "a rule's broken mapping: at its place"
printf '' > "$S/rules"
run collect --min-age 0 --map "$S/maps/missing.map" "$S"
expect_eq "$RC" 78 "--map that cannot be read: exit 78"
[ -f "$S/incoming/labs_2024.csv" ] || fail "a broken configuration moves no file"
expect_eq "$(db_sum)" "$before" "a broken configuration loads nothing"

# kills at each crash point of the moves of a file whose mapping is a
# rule's (copied to SPOOL/.map.new, then moved by the journal)
for point in collect-staged collect-journaled collect-moved-one; do
    new_spool
    labs labs_2021.csv 2021 10
    set +e; BAYTRACK_TEST_CRASH=$point "$BAYTRACK" collect --min-age 0 "$S" 2>/dev/null; rc=$?; set -e
    expect_eq "$rc" 137 "killed at $point"
    run collect --min-age 0 "$S"
    expect_eq "$RC:$(cat "$T/err")" "0:" "after a kill at $point: the next run"
    expect_eq "$(spool_files)" "./done/labs_2021.csv ./done/labs_2021.map " "after a kill at $point: the file and its mapping in done/, nothing else"
    cmp -s "$S/done/labs_2021.map" "$S/maps/labs.map" || fail "after a kill at $point: the mapping whole"
    run export science.joint_labs
    expect_eq "$(sed -n 's/^science.joint_labs,2021,//p' "$T/out")" 10 "after a kill at $point: loaded"
done
# a rule's --indicator: an SDMX-CSV file (docs/formats.md) needs no mapping,
# and a file the rule does not match is not given its indicator
sed 1d "$SRC/tests/sdmx/indicators.csv" >> cat/indicators.csv
mkdir -p "$T/syn" && python3 "$SRC/tests/sdmx/gen_synthetic.py" "$T/syn"
new_spool
echo 'eurostat_*.csv --indicator synthetic.eurostat' >> "$S/rules"
cp "$T/syn/synthetic_eurostat_sdmx1.csv" "$S/incoming/eurostat_2026.csv"
cp "$T/syn/synthetic_eurostat_sdmx1.csv" "$S/incoming/other_2026.csv"
night 4
expect_eq "$RC" 1 "a rule's --indicator: the unmatched file fails"
expect_eq "$(spool_files)" "./done/eurostat_2026.csv ./failed/other_2026.csv ./failed/other_2026.err " "a rule's --indicator: the matched file loaded"
expect_eq "$(grep -c '28 added' night4.out)" 1 "a rule's --indicator: its summary"
expect_eq "$(grep -c "eurostat_2026.csv: .*; rule $S/rules:4; moved to $S/done/eurostat_2026.csv$" night4.out)" 1 "a rule's --indicator: its summary names the rule"

# a rule's --indicator not in the catalogue: refused before any file is
# touched, at its place, as a broken --map is
new_spool
echo 'eurostat_* --indicator nope.none' >> "$S/rules"
cp "$T/syn/synthetic_eurostat_sdmx1.csv" "$S/incoming/eurostat_2027.csv"
before=$(db_sum)
run collect --min-age 0 "$S"
expect_eq "$RC:$(head -1 "$T/err")" "78:$S/rules:4:24: unknown indicator 'nope.none'" "a rule's unknown --indicator: exit 78, at its place"
expect_eq "$(spool_files)" "./incoming/eurostat_2027.csv " "a rule's unknown --indicator: no file touched"
expect_eq "$(db_sum)" "$before" "a rule's unknown --indicator: nothing loaded"

# the logs name each night's file as it is kept in done/, so that a
# revision leads to its archived file, not to incoming/ of either night
new_spool
rm -rf "$BAYTRACK_DB"
labs labs_2030.csv 2030 10
run collect --min-age 0 "$S"
labs labs_2030.csv 2030 11
run collect --min-age 0 "$S"
expect_eq "$(spool_files)" "./done/labs_2030.2.csv ./done/labs_2030.2.map ./done/labs_2030.csv ./done/labs_2030.map " "two nights of one name: both kept"
expect_eq "$(sed 1d "$BAYTRACK_DB/loads.csv" | cut -d, -f2 | tr '\n' ' ')" "$S/done/labs_2030.csv $S/done/labs_2030.2.csv " "loads.csv: the names in done/"
expect_eq "$(sed 1d "$BAYTRACK_DB/revisions.csv" | cut -d, -f2-)" "science.joint_labs,2030-12-31,10,11,$S/done/labs_2030.2.csv" "revisions.csv: the second night's file"
run log
grep -q "$S/done/labs_2030.2.csv" "$T/out" || fail "log: the name in done/ ($(cat "$T/out"))"
finish
