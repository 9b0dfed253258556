# Revisions and late data: a new value for a stored date replaces the old
# one and is logged; data older than the last update is merged in.
. "$(dirname "$0")/lib.sh"
cd "$T"
printf 'indicator,date,value\nstandards.bay_area,2023-06,100\nstandards.bay_area,2025-11,262\n' > first.csv
"$BAYTRACK" load -q first.csv

# a revision and an older observation in one file
printf 'indicator,date,value\nstandards.bay_area,2025-11,263\nstandards.bay_area,2021-03,5\nstandards.bay_area,2023-06,100\n' > second.csv
run load second.csv
expect_eq "$RC" 0 "revising load exits 0"
expect_eq "$(cat "$T/out")" "second.csv: 3 rows (long layout): 1 added, 1 revised, 1 unchanged, 0 missing, 0 rejected" "revision summary"
run export standards.bay_area
expect_eq "$(cat "$T/out")" "indicator,date,value
standards.bay_area,2021-03,5
standards.bay_area,2023-06,100
standards.bay_area,2025-11,263" "merged and revised series"
expect_eq "$(head -1 "$BAYTRACK_DB/revisions.csv")" "revised_at,series,date,old,new,file" "revision log header"
expect_eq "$(tail -1 "$BAYTRACK_DB/revisions.csv" | cut -d, -f2-)" 'standards.bay_area,2025-11-30,262,263,second.csv' "revision log line"
tail -1 "$BAYTRACK_DB/revisions.csv" | grep -Eq '^20[0-9]{2}-[0-9]{2}-[0-9]{2}T[0-9:]{8}Z,' || fail "revision time stamp"

# stock rrdtool sees the rebuilt file: 5 on 2021-03-31 (ends 2021-04-01)
f="$BAYTRACK_DB/standards.bay_area/_.rrd"
expect_eq "$(rrdtool fetch "$f" LAST -s 1617148800 -e 1617235200 | grep '^1617235200')" \
    "1617235200: 5.0000000000e+00" "rrdtool reads the merged older value"

# reloading the revised file changes nothing, the log included
before=$(db_sum)
run load second.csv
expect_eq "$(cat "$T/out")" "second.csv: 3 rows (long layout): 0 added, 0 revised, 3 unchanged, 0 missing, 0 rejected" "reload after revision"
expect_eq "$(db_sum)" "$before" "reload after revision changes no byte"

# a dry run counts and writes nothing
printf 'indicator,date,value\nstandards.bay_area,2025-11,270\nstandards.bay_area,2026-01,300\n' > third.csv
run load --dry-run third.csv
expect_eq "$(cat "$T/out")" "third.csv: 2 rows (long layout): 1 added, 1 revised, 0 unchanged, 0 missing, 0 rejected (dry run: nothing written)" "dry run summary"
expect_eq "$(db_sum)" "$before" "dry run writes nothing"

# no temporary file is left behind, nothing else is in the database
expect_eq "$(cd "$BAYTRACK_DB" && find . -type f | sort | tr '\n' ' ')" "./.commit ./.gate ./.lock ./added.csv ./loads.csv ./revisions.csv ./standards.bay_area/_.rrd " "database contents"
finish
