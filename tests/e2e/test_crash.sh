# SIGKILL at any moment of a load leaves each file's data all there or not
# there at all, and the next command, reader or writer, recovers by itself:
# no stale lock, no temporary file left or taken for data.
. "$(dirname "$0")/lib.sh"
cd "$T"
N=${CRASH_RUNS:-40}

# gen I: one file revising 60 yearly series x 20 years to the value I
gen() {
    awk -v it="$1" 'BEGIN { print "indicator,date,value,city"
        for (c = 0; c < 60; c++) for (y = 2001; y <= 2020; y++)
            printf "talent.hkmo_professionals,%d,%d,c%02d\n", y, it, c }' > "it$1.csv"
}
# values: every distinct value stored, as one line
values() {
    for f in "$BAYTRACK_DB"/talent.hkmo_professionals/*.rrd; do
        rrdtool fetch "$f" LAST -s 978307200 -e 1609545600 | awk '/^[0-9]+: / && $2 !~ /nan/ { print $2 + 0 }'
    done | sort -u | tr '\n' ' '
}
clean() { # no journal, nothing staged, nothing but series and the log
    [ ! -e "$BAYTRACK_DB/.journal" ] || fail "$1: a journal is left"
    [ -z "$(ls -A "$BAYTRACK_DB/.tmp")" ] || fail "$1: .tmp is not empty"
    find "$BAYTRACK_DB" -type f ! -name '*.rrd' ! -name .lock ! -name .commit ! -name .gate ! -name revisions.csv ! -name loads.csv ! -name added.csv | grep . && fail "$1: stray files"
    return 0
}
# loads: the lines of DB/loads.csv, each checked whole (six fields, the
# file named, a newline at the end), as one number
loads() {
    [ -e "$BAYTRACK_DB/loads.csv" ] || { echo 0; return; }
    [ -z "$(tail -c1 "$BAYTRACK_DB/loads.csv")" ] || fail "loads.csv ends in half a line"
    awk -F, 'NR > 1 && (NF != 6 || $2 !~ /^it[0-9]+\.csv$/) { print "bad line " NR ": " $0; exit 1 }
             END { print NR - 1 }' "$BAYTRACK_DB/loads.csv" || fail "loads.csv has a broken line"
}
# added: the lines of DB/added.csv for science.joint_labs (the figure a
# deterministic kill's load adds), the log checked whole, as one number
added() {
    [ -e "$BAYTRACK_DB/added.csv" ] || { echo 0; return; }
    [ -z "$(tail -c1 "$BAYTRACK_DB/added.csv")" ] || fail "added.csv ends in half a line"
    awk -F, 'NR > 1 && (NF != 5 || $5 !~ /^it[0-9]+\.csv$/) { print "bad line " NR ": " $0; exit 1 }
             $2 == "science.joint_labs" { n++ } END { print n + 0 }' "$BAYTRACK_DB/added.csv" ||
        fail "added.csv has a broken line"
}

gen 0
"$BAYTRACK" load -q it0.csv
expect_eq "$(values)" "0 " "first load"
expect_eq "$(loads)" 1 "first load: one line in loads.csv"

# the crash points of a commit, deterministically: before the commit point
# the load is not there, after it the next writer finishes it
i=0
for point in staged committed renamed-one; do
    i=$((i + 1))
    gen $i
    echo "science.joint_labs,$((2030 + i)),$i," >> it$i.csv # a figure added
    set +e; BAYTRACK_TEST_CRASH=$point "$BAYTRACK" load -q it$i.csv; rc=$?; set -e
    expect_eq "$rc" 137 "killed at $point"
    case $point in
        staged) want="$((i - 1)) " ;;
        *) want="$i " ;;
    esac
    # the next writer (an empty load) recovers first
    printf 'indicator,date,value\n' > empty.csv
    run load --wait 0 empty.csv
    expect_eq "$RC" 0 "after a kill at $point the lock is free"
    # it says once what it recovered, and from when
    case $point in
        staged) want_err="^baytrack: load: recovered: removed 6[0-9] files that a load killed before its commit point staged in '$BAYTRACK_DB/.tmp' (the last at 20[0-9-]*T[0-9:]*Z); that load is not in the database\$" ;;
        *) want_err="^baytrack: load: recovered: the load of 'it$i.csv', committed at 20[0-9-]*T[0-9:]*Z by a command killed or stopped by an error before it had put it all in place, is finished: [0-9]* files renamed into place\$" ;;
    esac
    expect_eq "$(wc -l < "$T/err")" 1 "after a kill at $point: one line on stderr"
    grep -q "$want_err" "$T/err" || fail "after a kill at $point: what was recovered: $(cat "$T/err")"
    run load --wait 0 empty.csv
    expect_eq "$RC:$(cat "$T/err")" "0:" "after a kill at $point: said once"
    expect_eq "$(values)" "$want" "after a kill at $point: all or nothing"
    # the load log with it: its line is there exactly when the load is
    case $point in
        staged) expect_eq "$(loads)" "$i" "killed at $point: no line logged" ;;
        *) expect_eq "$(loads)" "$((i + 1))" "killed at $point: its line logged once" ;;
    esac
    # and the figure it added: logged exactly when the load is in
    case $point in
        staged) expect_eq "$(added)" "$((i - 1))" "killed at $point: no figure added logged" ;;
        *) expect_eq "$(added)" "$i" "killed at $point: the figure added logged once" ;;
    esac
    clean "$point"
    [ "$point" = staged ] && "$BAYTRACK" load -q it$i.csv
done
expect_eq "$(loads)" "$((i + 1))" "every committed load logged once"

# an append in place killed before its commit point: the next writer
# rolls it back and says so once, with how many files and from when
(
    export BAYTRACK_DB="$T/adb"
    printf 'indicator,date,value\nlegal.gba_lawyers,2024-01-01,1\n' > a1.csv
    printf 'indicator,date,value\nlegal.gba_lawyers,2024-01-02,2\n' > a2.csv
    "$BAYTRACK" load -q a1.csv
    set +e; BAYTRACK_TEST_CRASH=appended "$BAYTRACK" load -q a2.csv 2>/dev/null; rc=$?; set -e
    expect_eq "$rc" 137 "append killed at appended"
    run load --wait 0 empty.csv
    expect_eq "$RC" 0 "after an append killed: the next writer"
    grep -q "^baytrack: load: recovered: a load killed before its commit point (appending in place since 20[0-9-]*T[0-9:]*Z) is undone: 1 series file restored byte for byte; that load is not in the database\$" "$T/err" ||
        fail "after an append killed: what was recovered: $(cat "$T/err")"
    exit $FAILED
) || FAILED=1
expect_eq "$(added)" "$i" "every figure added logged once"

# random kills while loading
last=$i
killed=0
while [ $i -lt $((last + N)) ]; do
    i=$((i + 1))
    gen $i
    "$BAYTRACK" load -q it$i.csv 2>/dev/null &
    pid=$!
    sleep "0.0$(awk -v s=$i 'BEGIN { srand(s); printf "%02d", int(rand() * 90) }')"
    kill -9 $pid 2>/dev/null && killed=$((killed + 1))
    wait $pid 2>/dev/null || true
    # a reader (status: the total of the 60 series) sees whole loads only,
    # finishing a killed commit first; then the files hold one value
    total=$("$BAYTRACK" status --json | grep '"talent.hkmo_professionals"' |
            sed 's/.*"latest_value":\([0-9]*\).*/\1/')
    case "$total" in
        "$((60 * (i - 1)))" | "$((60 * i))") ;;
        *) fail "after a kill during load $i a reader sees the total $total" ;;
    esac
    v=$(values)
    case "$v" in
        "$((i - 1)) " | "$i ") ;;
        *) fail "after a kill during load $i and a reader, the series hold: $v" ;;
    esac
    run load --wait 0 empty.csv
    expect_eq "$RC" 0 "load $i: no stale lock"
    v2=$(values)
    case "$v2" in
        "$((i - 1)) ") "$BAYTRACK" load -q it$i.csv ;; # not committed: load it again
        "$i ") ;;
        *) fail "after recovery from load $i: $v2" ;;
    esac
    # one whole line per committed load, whatever the moment of the kill
    expect_eq "$(loads)" "$((i + 1))" "load $i: loads.csv has one line per committed load"
    clean "load $i"
done
echo "random kills: $killed of $N loads killed mid-way" >&2
expect_eq "$(values)" "$i " "the end: every load there"
expect_eq "$("$BAYTRACK" log --json | grep -c '"file":"it[0-9]*.csv","added":[01],"revised":1200,')" "$i" "log: every revising load"
finish
