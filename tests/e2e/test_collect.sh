# collect: the spool for cron. Loads ready files, moves them to done/ or
# failed/ (with NAME.err), leaves files being written, is quiet when all
# went well, exits 1 when a file failed, and a second run changes nothing.
. "$(dirname "$0")/lib.sh"
cd "$T"
S="$T/spool"
mkdir -p "$S/incoming"
printf 'indicator,date,value\nscience.joint_labs,2021,10\n' > "$S/incoming/good.csv"
printf 'indicator,date,value\nscience.joint_labs,2022,x\n' > "$S/incoming/bad.csv"
printf 'indicator,date,value\nscience.joint_labs,2023,12\n' > "$S/incoming/.partial.csv"
printf 'indicator,date,value\nscience.joint_labs,2024,13\n' > "$S/incoming/young.csv"
immd_recent "$S/incoming/immd_passenger_traffic.csv"
touch -d '1 minute ago' "$S/incoming/good.csv" "$S/incoming/bad.csv" "$S/incoming/immd_passenger_traffic.csv"

run collect "$S"
expect_eq "$RC" 1 "a failed file: exit 1"
expect_eq "$(cat "$T/out")" "" "nothing on stdout"
expect_eq "$(sed 's/^[0-9T:Z-]* //' "$T/err")" "collect: $S/incoming/bad.csv: failed, moved to $S/failed/bad.csv
bad.csv:2:3: value 'x': not a number
bad.csv: not loaded; nothing written" "failure report on stderr"
head -1 "$T/err" | grep -Eq '^20[0-9]{2}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}Z ' || fail "log lines carry a time stamp"
expect_eq "$(cat "$S/failed/bad.err")" "bad.csv:2:3: value 'x': not a number
bad.csv: not loaded; nothing written" "bad.err says why"
expect_eq "$(cd "$S" && find . -type f | sort | tr '\n' ' ')" "./done/good.csv ./done/immd_passenger_traffic.csv ./done/immd_passenger_traffic.map ./failed/bad.csv ./failed/bad.err ./incoming/.partial.csv ./incoming/young.csv " "spool after the run"
run export science.joint_labs
expect_eq "$(sed 1d "$T/out")" "science.joint_labs,2021,10" "good file loaded"
run series immd.passengers.total
expect_eq "$(wc -l < "$T/out")" 28 "IMMD loaded through the mapping beside it"

# a second run: nothing to do, quiet, exit 0, nothing changes
before=$(db_sum)
run collect "$S"
expect_eq "$RC:$(cat "$T/out" "$T/err")" "0:" "second run: quiet and 0"
expect_eq "$(db_sum)" "$before" "second run changes nothing"

# the young file, once old enough, loads; --verbose says so, one line a
# file as load's summary: rows, layout, added, revised, unchanged,
# missing, rejected, where it went; a rejected file too (and on stderr why)
touch -d '1 minute ago' "$S/incoming/young.csv"
printf 'indicator,date,value\nscience.joint_labs,2025,x\nscience.joint_labs,2026,y\nscience.joint_labs,2027,15\n' > "$S/incoming/worse.csv"
touch -d '1 minute ago' "$S/incoming/worse.csv"
run collect --verbose "$S"
expect_eq "$RC" 1 "verbose run with a rejected file exits 1"
expect_eq "$(sed 's/^[0-9T:Z-]* //' "$T/out")" "collect: $S/incoming/worse.csv: 3 rows (long layout): 0 added, 0 revised, 0 unchanged, 0 missing, 2 rejected; not loaded; moved to $S/failed/worse.csv
collect: $S/incoming/young.csv: 1 rows (long layout): 1 added, 0 revised, 0 unchanged, 0 missing, 0 rejected; moved to $S/done/young.csv" "verbose: one summary line a file"
grep -q "collect: $S/incoming/worse.csv: failed, moved to $S/failed/worse.csv" "$T/err" || fail "verbose: the failure still on stderr: $(cat "$T/err")"
grep -q "partial" "$T/out" "$T/err" && fail "dot-files are not even mentioned"

# the same name again goes beside the first, never over it
printf 'indicator,date,value\nscience.joint_labs,2021,10\n' > "$S/incoming/good.csv"
run collect --min-age 0 "$S"
[ -f "$S/done/good.2.csv" ] || fail "a second good.csv is kept as good.2.csv"

# flags across the loads of one run: the first load flags 2028 of a
# series that has no flags file yet, the next one 2029; the second must
# see the flags file the first put in (a writer lists an indicator's
# flags files once, and drops that listing at each commit)
printf 'indicator,date,value,flag\nscience.joint_labs,2028,16,p\n' > "$S/incoming/f1.csv"
printf 'indicator,date,value,flag\nscience.joint_labs,2029,17,e\n' > "$S/incoming/f2.csv"
run collect --min-age 0 "$S"
expect_eq "$RC" 0 "two flagged files: exit 0"
expect_eq "$(cat "$BAYTRACK_DB/science.joint_labs/_.flags")" "date,flag
2028-12-31,p
2029-12-31,e" "the second load of a run keeps the flag the first set"

# a held lock: wait, then a clear failure with exit 75
flock "$BAYTRACK_DB/.lock" sleep 3 &
sleep 0.3
run collect --wait 1 "$S"
expect_eq "$RC" 75 "lock held: exit 75"
expect_eq "$(cat "$T/err")" "baytrack: collect: database '$BAYTRACK_DB' is locked by another writer; gave up after 1 s (see --wait)" "lock held: message"
wait
finish
