# Hostile files in the spool, and the report's own files: a row of
# millions of fields is read in bounded memory and never blocks the files
# behind it; a mapping of 40000 'marks' statements is read in linear time;
# collect keeps every failure, each CSV with its mapping and error under
# one name, loses no file when killed between moves, and sets aside a file
# that killed two runs; chart and report write the very names given, a
# newline in them too; a report killed at any moment leaves every file of
# its site whole and no temporary file outside it; a chart gnuplot fails
# on never stops the rest of the report.
. "$(dirname "$0")/lib.sh"
cd "$T"
S="$T/spool"
mkdir -p "$S/incoming"

# maxrss CMD...: runs CMD, keeping its exit code in RC and printing its
# peak resident memory in KiB
maxrss() {
    python3 -c '
import resource, subprocess, sys
rc = subprocess.call(sys.argv[2:], stdout=open(sys.argv[1] + ".out", "w"),
                     stderr=open(sys.argv[1] + ".err", "w"))
print(rc, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)' "$T/rss" "$@"
}

# one line of 30 million empty fields (1 GB of memory when every field was
# kept): counted, not kept; the error is the row's, and the next file loads
{ printf 'indicator,date,value\n'; head -c 30000000 /dev/zero | tr '\0' ,; echo; } > "$S/incoming/a_wide.csv"
printf 'indicator,date,value\nscience.joint_labs,2021,10\n' > "$S/incoming/b_good.csv"
set -- $(maxrss "$BAYTRACK" collect --min-age 0 "$S")
expect_eq "$1" 1 "a wide row: collect exits 1"
[ "$2" -lt 200000 ] || fail "a wide row: collect took $2 KiB"
expect_eq "$(cat "$S/failed/a_wide.err")" "a_wide.csv:2:4: expected 3 fields, found 30000001
a_wide.csv: not loaded; nothing written" "a wide row: its error"
run export science.joint_labs
expect_eq "$(sed 1d "$T/out")" "science.joint_labs,2021,10" "a wide row: the file behind it loads"

# a header of 70000 fields, and a field of 9 MiB: errors at their place
head -c 70000 /dev/zero | tr '\0' , > wide_header.csv
{ printf 'indicator,date,value\n'; head -c 9437184 /dev/zero | tr '\0' x; echo; } > long_field.csv
run load wide_header.csv
expect_eq "$RC:$(head -1 "$T/err")" "65:wide_header.csv:1:65537: more than 65536 fields" "a header of 70000 fields"
run load long_field.csv
expect_eq "$RC:$(head -1 "$T/err")" "65:long_field.csv:2:1: row is longer than 8 MiB" "a field of 9 MiB"

# 40000 'marks' statements, one a line: sorted once, looked up by length
# (58 s when each statement sorted them all; a generous bound, not a timing)
rm -rf "$S"/*/*
{ printf 'time Date\nindicator legal.gba_lawyers\nvalue Value\n'
  awk 'BEGIN { for (i = 1; i <= 40000; i++) printf "marks m%d\n", i }'
  printf 'marks "#"\n'; } > "$S/incoming/marks.map"
printf 'Date,Value\n2024-01,5#\n2024-02,6m39999\n' > "$S/incoming/marks.csv"
set +e; timeout 20 "$BAYTRACK" collect --min-age 0 "$S"; rc=$?; set -e
expect_eq "$rc" 0 "40000 marks: collect in under 20 s"
run export --annotated legal.gba_lawyers
expect_eq "$(sed 1d "$T/out" | cut -d, -f2,3,5 | tr '\n' ' ')" "2024-01,5,# 2024-02,6,m39999 " "40000 marks: the marks are the flags"
# a companion NAME.map that is a link (to a mapping or to any file) is
# refused as a linked CSV is: both left in incoming/, neither read, said
rm -rf "$S"/*/*
mkdir -p elsewhere
printf 'time Date\nindicator legal.gba_lawyers\nvalue Value\n' > elsewhere/td.map
printf 'Date,Value\n2024-03,7\n' > "$S/incoming/td.csv"
ln -s "$T/elsewhere/td.map" "$S/incoming/td.map"
printf 'secret\n' > outside.txt
printf 'Date,Value\n2024-04,8\n' > "$S/incoming/a.csv"
ln -s "$T/outside.txt" "$S/incoming/a.map"
run collect --min-age 0 "$S"
expect_eq "$RC" 1 "a linked .map: collect exits 1"
expect_eq "$(sed 's/^[0-9TZ:-]* collect:/collect:/' "$T/err")" "collect: $S/incoming/a.csv: failed, left in incoming/
$S/incoming/a.map: not a regular file (a symbolic link, a FIFO or a directory): left in incoming/ with '$S/incoming/a.csv', neither read; put the file itself there
collect: $S/incoming/td.csv: failed, left in incoming/
$S/incoming/td.map: not a regular file (a symbolic link, a FIFO or a directory): left in incoming/ with '$S/incoming/td.csv', neither read; put the file itself there" "a linked .map: each said"
expect_eq "$(ls "$S/incoming" | tr '\n' ' '):$(find "$S/done" "$S/failed" -mindepth 1 | wc -l)" "a.csv a.map td.csv td.map :0" "a linked .map: both left in incoming/, nothing moved"
[ -L "$S/incoming/td.map" ] && [ -L "$S/incoming/a.map" ] || fail "a linked .map: the links left as they were"
run export legal.gba_lawyers
grep -q '2024-0[34]' "$T/out" && fail "a linked .map: nothing loaded through it"
rm "$S/incoming/td.map" "$S/incoming/a.map" "$S/incoming/a.csv"
cp elsewhere/td.map "$S/incoming/td.map"
run collect --min-age 0 "$S" --verbose
expect_eq "$RC" 0 "the .map itself: collect loads"
[ -f "$S/done/td.map" ] && [ ! -L "$S/done/td.map" ] || fail "the .map itself: filed in done/"

# spool_files: every file of the spool, dot-files too, as one line
spool_files() {
    (cd "$S" && find . -type f | sort | tr '\n' ' ')
}
# night I: incoming/night.csv (whose value is x$I, not a number) and
# night.map (run I's)
night() {
    printf 'time Date\nindicator legal.gba_lawyers\nvalue Value\n# run %s\n' "$1" > "$S/incoming/night.map"
    printf 'Date,Value\n2024-0%s,x%s\n' "$1" "$1" > "$S/incoming/night.csv"
}

# the same night.csv and night.map fail three times: each failure is kept
rm -rf "$S"; mkdir -p "$S/incoming"
for i in 1 2 3; do
    night $i
    run collect --min-age 0 "$S"
    expect_eq "$RC" 1 "night $i fails"
done
expect_eq "$(spool_files)" "./failed/night.2.csv ./failed/night.2.err ./failed/night.2.map ./failed/night.3.csv ./failed/night.3.err ./failed/night.3.map ./failed/night.csv ./failed/night.err ./failed/night.map " "three failures of one name: every file kept"
for i in 1 2 3; do
    n=night; [ $i = 1 ] || n=night.$i
    grep -q "^# run $i\$" "$S/failed/$n.map" || fail "$n.map is run $i's mapping"
    expect_eq "$(head -1 "$S/failed/$n.err")" "night.csv:2:2: value 'x$i': not a number (declare words with 'missing' or 'means', flag marks with 'marks')" "$n.err is run $i's error"
    grep -q ",x$i\$" "$S/failed/$n.csv" || fail "$n.csv is run $i's file"
done
# in done/, a name already there: the CSV and its mapping get one number
for i in 1 2; do
    printf 'time Date\nindicator legal.gba_lawyers\nvalue Value\n' > "$S/incoming/ok.map"
    printf 'Date,Value\n2024-0%s,%s\n' $i $i > "$S/incoming/ok.csv"
    run collect --min-age 0 "$S"
    expect_eq "$RC" 0 "ok $i loads"
done
expect_eq "$(cd "$S/done" && ls | tr '\n' ' ')" "ok.2.csv ok.2.map ok.csv ok.map " "done/: a name already there"

# a kill between the moves loses nothing and parts nothing: the next run
# finishes them (the journal SPOOL/.moving) before anything else
for point in collect-journaled collect-moved-one; do
    rm -rf "$S"; mkdir -p "$S/incoming"
    night 1
    set +e; BAYTRACK_TEST_CRASH=$point "$BAYTRACK" collect --min-age 0 "$S" 2>/dev/null; rc=$?; set -e
    expect_eq "$rc" 137 "killed at $point"
    [ -e "$S/.moving" ] || fail "killed at $point: the journal is there"
    run collect --min-age 0 "$S"
    expect_eq "$RC:$(cat "$T/err")" "0:" "after a kill at $point: the next run"
    expect_eq "$(spool_files)" "./failed/night.csv ./failed/night.err ./failed/night.map " "after a kill at $point: the moves finished"
done

# a file whose load kills collect (out of memory, a crash): after two runs
# died on it, the third sets it aside and loads the file behind it
rm -rf "$S"; mkdir -p "$S/incoming"
printf 'indicator,date,value\nscience.joint_labs,2022,11\n' > "$S/incoming/a_dies.csv"
printf 'indicator,date,value\nscience.joint_labs,2023,12\n' > "$S/incoming/b_good.csv"
for i in 1 2; do
    set +e; BAYTRACK_TEST_CRASH=collect-loading "$BAYTRACK" collect --min-age 0 "$S"; rc=$?; set -e
    expect_eq "$rc" 137 "run $i dies loading a_dies.csv"
done
run collect --min-age 0 "$S"
expect_eq "$RC" 1 "the third run: a_dies.csv fails"
expect_eq "$(cat "$S/failed/a_dies.err")" "a_dies.csv: 2 runs of collect died while loading this file (out of memory, a crash or a kill); set aside without loading it again" "a_dies.err says why"
run export science.joint_labs
expect_eq "$(sed 1d "$T/out" | tr '\n' ' ')" "science.joint_labs,2021,10 science.joint_labs,2023,12 " "the file behind it loads, the one set aside does not"
expect_eq "$(spool_files)" "./done/b_good.csv ./failed/a_dies.csv ./failed/a_dies.err " "nothing else left in the spool"
# collect takes .csv in any case (NIGHT.CSV), with its own NAME.MAP
rm -rf "$S" "$BAYTRACK_DB"; mkdir -p "$S/incoming"
printf 'indicator,date,value\nscience.joint_labs,2021,10\n' > "$S/incoming/UP.CSV"
printf 'Date,Value\n2024-01,5\n' > "$S/incoming/M.CSV"
printf 'time Date\nindicator legal.gba_lawyers\nvalue Value\n' > "$S/incoming/M.MAP"
run collect --min-age 0 "$S"
expect_eq "$RC:$(cat "$T/err")" "0:" "upper-case .CSV: collected"
expect_eq "$(spool_files)" "./done/M.CSV ./done/M.map ./done/UP.CSV " "upper-case .CSV: done, with its mapping"
expect_eq "$("$BAYTRACK" export legal.gba_lawyers | sed 1d)" "legal.gba_lawyers,2024-01,5" "upper-case .MAP: the file read through it"
# a spool journal planted as a link is refused, never read through; as a
# directory, refused too: the files stay in incoming/
for kind in link dir; do
    rm -rf "$S"; mkdir -p "$S/incoming"
    printf 'indicator,date,value\nscience.joint_labs,2022,11\n' > "$S/incoming/night.csv"
    echo 'secret' > outside.txt
    if [ $kind = link ]; then ln -s "$T/outside.txt" "$S/.moving"; else mkdir "$S/.moving"; fi
    run collect --min-age 0 "$S"
    expect_eq "$RC" 74 "a spool journal that is a $kind: refused"
    case $kind in
        link) want="baytrack: collect: '$S/.moving' is a symbolic link" ;;
        dir) want="baytrack: collect: '$S/.moving' is not a regular file" ;;
    esac
    expect_eq "$(head -1 "$T/err" | cut -c1-${#want})" "$want" "a spool journal that is a $kind: message"
    [ -f "$S/incoming/night.csv" ] || fail "a spool journal that is a $kind: the file stays"
done
rm -f outside.txt
# a good file whose run was killed twice once it was read and checked
# (while its load was written or committed, or while it was moved) is
# retried, never set aside: only deaths while reading it count
# (an appending night passes the append's points; a revising night, which
# rebuilds the file and commits through the rename journal, the rebuild's)
for point in staged journaled logged appended-half appended committed collect-staged collect-journaled collect-moved-one \
    revise:staged revise:committed revise:renamed-one; do
    night='science.joint_labs,2022,11' want='science.joint_labs,2021,10 science.joint_labs,2022,11 '
    case $point in revise:*)
        point=${point#revise:} night='science.joint_labs,2021,12' want='science.joint_labs,2021,12 ' ;;
    esac
    rm -rf "$S" "$BAYTRACK_DB"; mkdir -p "$S/incoming"
    printf 'indicator,date,value\nscience.joint_labs,2021,10\n' > first.csv
    "$BAYTRACK" load -q first.csv
    printf 'indicator,date,value\n%s\n' "$night" > "$S/incoming/night.csv"
    set +e
    BAYTRACK_TEST_CRASH=$point "$BAYTRACK" collect --min-age 0 "$S" 2>/dev/null; rc1=$?
    BAYTRACK_TEST_CRASH=$point "$BAYTRACK" collect --min-age 0 "$S" 2>/dev/null; rc2=$?
    set -e
    expect_eq "$rc1" 137 "killed at $point"
    case $rc2 in 0|137) ;; *) fail "killed at $point again: exit $rc2" ;; esac
    run collect --min-age 0 "$S"
    expect_eq "$RC" 0 "twice killed at $point: the next run loads the file"
    expect_eq "$(spool_files)" "./done/night.csv " "twice killed at $point: done, not failed"
    expect_eq "$("$BAYTRACK" export science.joint_labs | sed 1d | tr '\n' ' ')" "$want" "twice killed at $point: loaded"
done
rm -f first.csv
# a newline in an output name: gnuplot gets it escaped, nothing is renamed
nl='
'
run chart legal.gba_lawyers -o "c${nl}x.svg"
expect_eq "$RC:$(cat "$T/err")" "0:" "chart -o with a newline"
[ -s "c${nl}x.svg" ] || fail "chart -o with a newline: the file"
[ ! -e "c x.svg" ] || fail "chart -o with a newline: renamed with a space"
run report -q -o "r${nl}x"
expect_eq "$RC:$(cat "$T/err")" "0:" "report -o with a newline"
for f in index.html dashboard.svg charts/legal.gba_lawyers.en.svg; do
    [ -s "r${nl}x/$f" ] || fail "report -o with a newline: no $f"
done
# kill -9 of the report's process group (it and gnuplot) at many moments:
# every file of the site stays whole (old or new), nothing is left in the
# system's temporary directory, and the next report empties OUT/.tmp/
export BAYTRACK_DB="$T/rdb" TMPDIR="$T/tmp"
mkdir -p "$TMPDIR"
"$BAYTRACK" load -q "$SRC"/datasets/*.csv
"$BAYTRACK" report -q -o site
python3 "$SRC/tests/e2e/sitewhole.py" site > "$T/whole" || fail "the site before the kills: $(head -3 "$T/whole")"
for d in 0.05 0.1 0.15 0.2 0.3 0.4 0.5 0.6 0.7 0.8 1.0 1.2 1.5 1.8 2.2 2.7; do
    setsid "$BAYTRACK" report -q -o site >/dev/null 2>&1 &
    pid=$!
    sleep $d
    kill -KILL -$pid 2>/dev/null || true
    wait $pid 2>/dev/null || true
    python3 "$SRC/tests/e2e/sitewhole.py" site > "$T/whole" || fail "killed after $d s: $(head -3 "$T/whole")"
    [ -z "$(ls -A "$TMPDIR")" ] || fail "killed after $d s: left in TMPDIR: $(ls -A "$TMPDIR" | head -3)"
done
run report -q -o site
expect_eq "$RC:$(ls -A site/.tmp)" "0:.lock" "the next report empties site/.tmp/"
python3 "$SRC/tests/e2e/sitewhole.py" site > "$T/whole" || fail "the site after the kills: $(head -3 "$T/whole")"

# one series gnuplot fails on (a stub fails on any datablock holding
# 777777, as gnuplot does on a value it cannot handle): the report writes
# every other file, says which charts and why, and exits 1; the dashboards
# are drawn again without that series
printf 'indicator,date,value\nlegal.gba_lawyers,2026-01-05,777777\n' > odd.csv
"$BAYTRACK" load -q odd.csv
cat > gnuplot-stub <<'EOF'
#!/bin/sh
awk '/<< EOD$/ { bad = 0 } / 777777( |$)/ { bad = 1 }
     { print } /^EOD$/ && bad { print "print undefined_in_the_test"; bad = 0 }' "$1" > "$1.stub"
gnuplot "$1.stub"; rc=$?
rm -f "$1.stub"
exit $rc
EOF
chmod +x gnuplot-stub
BAYTRACK_GNUPLOT="$T/gnuplot-stub" run report -o site
expect_eq "$RC" 1 "a chart not drawn: exit 1"
expect_eq "$(cat "$T/out")" "site/index.html: 36 indicators, 264 charts, 117 pages in 3 languages; 6 charts not drawn" "a chart not drawn: the summary"
expect_eq "$(sed 's/line [0-9]*:/line N:/' "$T/err")" "baytrack: report: chart of 'legal.gba_lawyers' (site/charts/legal.gba_lawyers.en.svg) not drawn: gnuplot: line N: undefined variable: undefined_in_the_test
baytrack: report: chart of 'legal.gba_lawyers' (site/charts/legal.gba_lawyers.narrow.en.svg) not drawn: gnuplot: line N: undefined variable: undefined_in_the_test
baytrack: report: chart of 'legal.gba_lawyers' (site/charts/legal.gba_lawyers.zh-Hans.svg) not drawn: gnuplot: line N: undefined variable: undefined_in_the_test
baytrack: report: chart of 'legal.gba_lawyers' (site/charts/legal.gba_lawyers.narrow.zh-Hans.svg) not drawn: gnuplot: line N: undefined variable: undefined_in_the_test
baytrack: report: chart of 'legal.gba_lawyers' (site/charts/legal.gba_lawyers.zh-Hant.svg) not drawn: gnuplot: line N: undefined variable: undefined_in_the_test
baytrack: report: chart of 'legal.gba_lawyers' (site/charts/legal.gba_lawyers.narrow.zh-Hant.svg) not drawn: gnuplot: line N: undefined variable: undefined_in_the_test" "a chart not drawn: which, and why"
expect_eq "$(ls site/charts | grep -c .):$(ls site/charts | grep -c lawyers)" "258:0" "every other chart drawn (wide and narrow), the old ones of the failed removed"
grep -q '<p class="note">The chart could not be drawn: gnuplot: line [0-9]*: undefined variable: undefined_in_the_test</p>' site/legal.gba_lawyers.html ||
    fail "a chart not drawn: its page says why"
grep -q '<img src="dashboard.svg"' site/index.html || fail "a chart not drawn: the dashboard is drawn without it"
python3 "$SRC/tests/e2e/sitecheck.py" site en > "$T/check" 2>&1 || fail "a chart not drawn: site check: $(head -5 "$T/check")"
python3 "$SRC/tests/e2e/sitewhole.py" site > "$T/whole" || fail "a chart not drawn: $(head -3 "$T/whole")"
[ -z "$(find site -newer odd.csv -name '*.svg' | grep lawyers)" ] || fail "a chart not drawn: no chart of it"
[ "$(find site -newer odd.csv -type f ! -path 'site/.tmp/*' | wc -l)" -ge 117 ] || fail "a chart not drawn: every other file written again"
finish
