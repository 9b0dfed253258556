# Appends in place (docs/storage.md): a load that only adds days after a
# series' last one updates its file in place, gives the same rows as a
# rebuilt file, and is still all or nothing across every series of the
# file at each crash point of the protocol and at random kills.
. "$(dirname "$0")/lib.sh"
cd "$T"
IND=talent.hkmo_professionals
S=${APPEND_SERIES:-300}
N=${APPEND_KILLS:-25}

# gen FIRST LAST VALUE_OFFSET > file: S daily series, days FIRST..LAST
# (days since 2020-01-01), value = day + offset + series
gen() {
    awk -v a="$1" -v b="$2" -v off="$3" -v s="$S" 'BEGIN {
        print "indicator,date,value,city"
        for (c = 0; c < s; c++) for (d = a; d <= b; d++)
            printf "'$IND',%s,%d,c%03d\n", strftime("%Y-%m-%d", 1577836800 + d * 86400, 1), d + off + c, c }'
}
# last: every series' last update and value, counted: "COUNT TIME:VALUE-SERIES"
# lines; an all-or-nothing state has one distinct time
last_times() {
    printf 'lastupdate %s\n' "$BAYTRACK_DB/$IND"/*.rrd | rrdtool - |
        awk -F': ' '/^[0-9]+: / { print $1 }' | sort | uniq -c | awk '{ print $2 }' | tr '\n' ' '
}
inode() { stat -c %i "$BAYTRACK_DB/$IND/city=c000.rrd"; }
day_t() { echo $(((18262 + $1 + 1) * 86400)); } # update time of day N

# -- an append is made in place and reads back like a rebuild ----------
gen 0 59 0 > hist.csv
gen 55 60 0 > night.csv # five days sent again, one new
"$BAYTRACK" load -q hist.csv
size=$(stat -c %s "$BAYTRACK_DB/$IND/city=c000.rrd")
ino=$(inode)
run load night.csv
expect_eq "$RC" 0 "the nightly load succeeds"
expect_eq "$(cat out)" "night.csv: $((S * 6)) rows (long layout): $S added, 0 revised, $((S * 5)) unchanged, 0 missing, 0 rejected" "the nightly load's summary"
expect_eq "$(inode)" "$ino" "an append keeps the file (same inode: in place)"
expect_eq "$(stat -c %s "$BAYTRACK_DB/$IND/city=c000.rrd")" "$size" "an append keeps the file size"
expect_eq "$(last_times)" "$(day_t 60) " "every series has the new day"
# the same days loaded into another database through a rebuild (day 30
# arrives late) give the same rows
gen 0 59 0 | awk -F, '$2 != "2020-01-31"' > ref1.csv
gen 30 60 0 > ref2.csv
BAYTRACK_DB=$T/ref "$BAYTRACK" load -q ref1.csv
BAYTRACK_DB=$T/ref "$BAYTRACK" load -q ref2.csv
rows() { rrdtool dump "$1" | grep '<row>'; }
for c in c000 c001 c$(printf %03d $((S - 1))); do
    rows "$T/ref/$IND/city=$c.rrd" > rows.ref
    rows "$BAYTRACK_DB/$IND/city=$c.rrd" | cmp -s - rows.ref ||
        fail "series $c: the in-place append's rows differ from a rebuilt file's"
done
[ ! -e "$BAYTRACK_DB/.rollback" ] || fail "a rollback journal is left after a load"
run load night.csv
expect_eq "$(cat out)" "night.csv: $((S * 6)) rows (long layout): 0 added, 0 revised, $((S * 6)) unchanged, 0 missing, 0 rejected" "the same night twice changes nothing"
expect_eq "$(inode)" "$ino" "the same night twice rewrites nothing"

# a gap stays unknown and a late day in the gap is a rebuild
gen 65 65 0 > gap.csv
"$BAYTRACK" load -q gap.csv
expect_eq "$(inode)" "$ino" "a day after a gap is appended in place"
v=$(rrdtool fetch "$BAYTRACK_DB/$IND/city=c000.rrd" LAST -s "$(day_t 59)" -e "$(day_t 64)" |
    awk '/^[0-9]+: / { printf "%s ", $2 ~ /nan/ ? "nan" : $2 + 0 }')
expect_eq "$v" "60 nan nan nan nan 65 " "the days of the gap are unknown"
gen 62 62 0 > late.csv
run load late.csv
expect_eq "$(cat out)" "late.csv: $S rows (long layout): $S added, 0 revised, 0 unchanged, 0 missing, 0 rejected" "late data"
[ "$(inode)" != "$ino" ] || fail "late data must rebuild the file"

# -- each crash point: before the commit point nothing, after it all -----
i=0
for point in staged journaled logged appended-half appended committed; do
    i=$((i + 1))
    rm -rf "$T/before"
    cp -a "$BAYTRACK_DB" "$T/before"
    # one series revised (a rebuild) beside appends to the others
    gen $((65 + i)) $((65 + i)) 0 | awk -F, -v r="$(date -u -d @$(( (18262 + 65) * 86400)) +%F)" '
        { print } NR == 2 { print "'$IND'," r ",-1,c000" }' > crash$i.csv
    set +e; BAYTRACK_TEST_CRASH=$point "$BAYTRACK" load -q crash$i.csv 2>/dev/null; rc=$?; set -e
    expect_eq "$rc" 137 "killed at $point"
    # a reader recovers first and sees all or nothing
    "$BAYTRACK" series > /dev/null
    [ ! -e "$BAYTRACK_DB/.rollback" ] && [ ! -e "$BAYTRACK_DB/.journal" ] ||
        fail "$point: a journal is left after recovery"
    case $point in
    committed)
        expect_eq "$(last_times)" "$(day_t $((65 + i))) " "after a kill at $point: every series appended"
        expect_eq "$(wc -l < "$BAYTRACK_DB/loads.csv")" "$(($(wc -l < "$T/before/loads.csv") + 1))" "after a kill at $point: the load logged once" ;;
    *)
        for f in "$T/before/$IND"/*.rrd; do
            cmp -s "$f" "$BAYTRACK_DB/$IND/${f##*/}" || { fail "after a kill at $point ${f##*/} is not as before, byte for byte"; break; }
        done
        cmp -s "$T/before/loads.csv" "$BAYTRACK_DB/loads.csv" || fail "after a kill at $point loads.csv is not as before"
        cmp -s "$T/before/added.csv" "$BAYTRACK_DB/added.csv" || fail "after a kill at $point added.csv is not as before"
        run load --wait 0 crash$i.csv
        expect_eq "$RC" 0 "after a kill at $point the next load succeeds"
        expect_eq "$(last_times)" "$(day_t $((65 + i))) " "after a kill at $point and a new load" ;;
    esac
    [ -z "$(ls -A "$BAYTRACK_DB/.tmp")" ] || fail "$point: .tmp is not empty"
done

# -- each crash point of a night of appends alone (no journal: removing
# .rollback is its commit point) -------------------------------------------
# The load's line is appended to loads.csv in place (its length before in
# the rollback journal): a kill at logged has the line written and no
# series appended yet
for point in staged journaled logged appended-half appended committed; do
    rm -rf "$T/before"
    cp -a "$BAYTRACK_DB" "$T/before"
    gen 72 72 0 > pure.csv
    set +e; BAYTRACK_TEST_CRASH=$point "$BAYTRACK" load -q pure.csv 2>/dev/null; rc=$?; set -e
    expect_eq "$rc" 137 "appends alone: killed at $point"
    "$BAYTRACK" series > /dev/null
    [ ! -e "$BAYTRACK_DB/.rollback" ] && [ ! -e "$BAYTRACK_DB/.journal" ] ||
        fail "appends alone: $point: a journal is left after recovery"
    case $point in
    committed)
        expect_eq "$(last_times)" "$(day_t 72) " "appends alone: after a kill at $point every series appended"
        expect_eq "$(head -c "$(stat -c %s "$T/before/loads.csv")" "$BAYTRACK_DB/loads.csv" | cmp - "$T/before/loads.csv" && tail -n +"$(($(wc -l < "$T/before/loads.csv") + 1))" "$BAYTRACK_DB/loads.csv" | cut -d, -f2-)" \
            "pure.csv,$S,0,0,0" "appends alone: after a kill at $point the load logged once, after the old lines"
        expect_eq "$(head -c "$(stat -c %s "$T/before/added.csv")" "$BAYTRACK_DB/added.csv" | cmp - "$T/before/added.csv" && tail -n +"$(($(wc -l < "$T/before/added.csv") + 1))" "$BAYTRACK_DB/added.csv" | wc -l)" \
            "$S" "appends alone: after a kill at $point each series' figure logged once in added.csv, after the old lines" ;;
    *)
        for f in "$T/before/$IND"/*.rrd; do
            cmp -s "$f" "$BAYTRACK_DB/$IND/${f##*/}" || { fail "appends alone: after a kill at $point ${f##*/} is not as before, byte for byte"; break; }
        done
        cmp -s "$T/before/loads.csv" "$BAYTRACK_DB/loads.csv" || fail "appends alone: after a kill at $point loads.csv is not as before"
        cmp -s "$T/before/added.csv" "$BAYTRACK_DB/added.csv" || fail "appends alone: after a kill at $point added.csv is not as before" ;;
    esac
    rm -rf "$BAYTRACK_DB"
    cp -a "$T/before" "$BAYTRACK_DB"
done
rm -f strace.out
if command -v strace > /dev/null; then
    # the rollback journal put in place is the only rename: the load log
    # is appended in place, and no .journal is written
    # (LeakSanitizer cannot run under ptrace: the sanitizer build's leak
    # check is left to the other loads)
    RC=0
    ASAN_OPTIONS=${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0 strace -f -e trace=rename,renameat,renameat2 \
        -o strace.out "$BAYTRACK" load -q pure.csv > out 2>&1 || RC=$?
    grep rename strace.out | grep -v '/\.tmp/rollback", "[^"]*/\.rollback"' > renames || true
    [ ! -s renames ] || fail "appends alone: a load renames more than its rollback journal: $(head -3 renames)"
else
    run load pure.csv
fi
expect_eq "$RC:$(last_times)" "0:$(day_t 72) " "appends alone: the load"
expect_eq "$(tail -1 "$BAYTRACK_DB/loads.csv" | cut -d, -f2-)" "pure.csv,$S,0,0,0" "appends alone: the load logged"
[ ! -e "$BAYTRACK_DB/.journal" ] && [ ! -e "$BAYTRACK_DB/.rollback" ] ||
    fail "appends alone: a journal is left"
rm -rf "$BAYTRACK_DB"
cp -a "$T/before" "$BAYTRACK_DB"

# -- random kills of nightly appends over S series ------------------------
d=71 # a day after the crash points' 66..71
killed=0
for k in $(seq 1 "$N"); do
    d=$((d + 1))
    gen $((d - 2)) $d 0 > n$d.csv
    "$BAYTRACK" load -q n$d.csv 2>/dev/null &
    pid=$!
    sleep "0.0$(awk -v s=$k 'BEGIN { srand(s); printf "%02d", int(rand() * 60) }')"
    kill -9 $pid 2>/dev/null && killed=$((killed + 1))
    wait $pid 2>/dev/null || true
    "$BAYTRACK" series > /dev/null # a reader recovers
    got=$(last_times)
    case "$got" in
    "$(day_t $((d - 1))) " | "$(day_t "$d") ") ;;
    *) fail "after a kill during night $d the series end at: $got" ;;
    esac
    run load --wait 0 n$d.csv
    expect_eq "$RC" 0 "night $d: the next load succeeds"
    expect_eq "$(last_times)" "$(day_t "$d") " "night $d: every series has its day"
done
echo "random kills: $killed of $N nightly loads killed mid-way" >&2

# -- appends that fail from the middle on (a broken disk), in whichever of
# the processes that share them (base/parallel.h), leave every file as it
# was and say why ------------------------------------------------------------
rm -rf "$T/before"
cp -a "$BAYTRACK_DB" "$T/before"
d=$((d + 1))
gen $d $d 0 > broken.csv
set +e; BAYTRACK_TEST_FAIL=append "$BAYTRACK" load -q broken.csv > out 2> err; rc=$?; set -e
expect_eq "$rc:$(cat err)" "74:baytrack: load: cannot append '$BAYTRACK_DB/$IND/city=c$(printf %03d $((S / 2))).rrd': BAYTRACK_TEST_FAIL=append
broken.csv: not loaded; nothing written" "appends that fail: the load fails and names the first file that failed"
for f in "$T/before/$IND"/*.rrd "$T/before/loads.csv" "$T/before/added.csv"; do
    cmp -s "$f" "$BAYTRACK_DB/${f#"$T/before/"}" || fail "appends that fail: ${f#"$T/before/"} is not as before, byte for byte"
done
[ ! -e "$BAYTRACK_DB/.rollback" ] || fail "appends that fail: .rollback is left"
run load broken.csv
expect_eq "$RC:$(last_times)" "0:$(day_t "$d") " "appends that fail: the next load succeeds"
# -- a ring outgrown: the append rebuilds into the next rung -------------
# (docs/storage.md) half the series fill their ring of 384 days and the
# next night outgrows it; the other half have room and append in place
export BAYTRACK_DB=$T/grow
G=20
# grown FIRST_FULL FIRST_ROOM LAST > file: series g00..g09 from day
# FIRST_FULL, g10..g19 from FIRST_ROOM, all to LAST
grown() {
    awk -v a="$1" -v b="$2" -v z="$3" -v g=$G 'BEGIN {
        print "indicator,date,value,city"
        for (c = 0; c < g; c++) for (d = (c < g / 2 ? a : b); d <= z; d++)
            printf "'$IND',%s,%d,g%02d\n", strftime("%Y-%m-%d", 1577836800 + d * 86400, 1), d * 3 + c, c }'
}
ring() { rrdtool info "$BAYTRACK_DB/$IND/city=$1.rrd" | awk '/^rra\[0\].rows/ { print $3 }'; }
gino() { stat -c %i "$BAYTRACK_DB/$IND/city=$1.rrd"; }
grown 0 100 383 > ghist.csv
"$BAYTRACK" load -q ghist.csv
expect_eq "$(ring g00):$(ring g10)" "384:384" "spans of 384 and 284 days: the smallest ring"
expect_eq "$(stat -c %s "$BAYTRACK_DB/$IND/city=g00.rrd")" 3656 "a ring of 384 days: 3656 bytes"
rm -rf "$T/gbefore"
cp -a "$BAYTRACK_DB" "$T/gbefore"
grown 380 380 384 > gnight.csv
g_last() {
    printf 'lastupdate %s\n' "$BAYTRACK_DB/$IND"/city=g*.rrd | rrdtool - |
        awk -F': ' '/^[0-9]+: / { print $1 }' | sort | uniq -c | awk '{ print $2 }' | tr '\n' ' '
}
for point in staged journaled appended-half appended committed renamed-one; do
    rm -rf "$BAYTRACK_DB"
    cp -a "$T/gbefore" "$BAYTRACK_DB"
    set +e; BAYTRACK_TEST_CRASH=$point "$BAYTRACK" load -q gnight.csv 2>/dev/null; rc=$?; set -e
    expect_eq "$rc" 137 "grow: killed at $point"
    "$BAYTRACK" series > /dev/null # a reader recovers
    case $point in
    committed | renamed-one)
        expect_eq "$(g_last)" "$(day_t 384) " "grow: after a kill at $point every series has the new day"
        expect_eq "$(ring g00):$(ring g10)" "448:384" "grow: after a kill at $point the rings" ;;
    *)
        for f in "$T/gbefore/$IND"/city=g*.rrd; do
            cmp -s "$f" "$BAYTRACK_DB/$IND/${f##*/}" || { fail "grow: after a kill at $point ${f##*/} is not as before, byte for byte"; break; }
        done ;;
    esac
    run load --wait 0 gnight.csv
    expect_eq "$RC:$(g_last)" "0:$(day_t 384) " "grow: after a kill at $point the next load completes"
    [ -z "$(ls -A "$BAYTRACK_DB/.tmp")" ] || fail "grow: $point: .tmp is not empty"
done
rm -rf "$BAYTRACK_DB"
cp -a "$T/gbefore" "$BAYTRACK_DB"
full=$(gino g00) room=$(gino g10)
run load gnight.csv
expect_eq "$(cat out)" "gnight.csv: 100 rows (long layout): $G added, 0 revised, 80 unchanged, 0 missing, 0 rejected" "grow: the night's summary"
expect_eq "$(ring g00):$(ring g10)" "448:384" "grow: 385 days take the next rung, 285 stay"
[ "$(gino g00)" != "$full" ] || fail "grow: an outgrown ring must be rebuilt"
expect_eq "$(gino g10)" "$room" "grow: a ring with room is appended in place"
grown 0 100 384 > gref.csv
BAYTRACK_DB=$T/gref "$BAYTRACK" load -q gref.csv
for c in g00 g09 g10 g19; do
    rrdtool dump "$BAYTRACK_DB/$IND/city=$c.rrd" > dump.got
    rrdtool dump "$T/gref/$IND/city=$c.rrd" | cmp -s - dump.got ||
        fail "grow: series $c: rrdtool dump differs from a file built at once"
done

# -- a file of an earlier release (a 60-year ring and a weekly one) ------
# is read, and rebuilt in the current layout by the next change
export BAYTRACK_DB=$T/v1
mkdir -p "$BAYTRACK_DB/$IND"
f="$BAYTRACK_DB/$IND/city=c000.rrd"
rrdtool create "$f" --step 86400 --start $(((18262 + 10) * 86400)) \
    DS:value:GAUGE:86400:U:U RRA:LAST:0.5:1:21915 RRA:AVERAGE:0.5:7:3131
rrdtool update "$f" $(day_t 10):7 $(day_t 11):8
expect_eq "$("$BAYTRACK" export "$IND" | sed 1d | tr '\n' ' ')" "$IND,2020-01-11,7,c000 $IND,2020-01-12,8,c000 " "v1: read"
printf 'indicator,date,value,city\n%s,2020-01-12,8,c000\n%s,2020-01-13,9,c000\n' $IND $IND > v1.csv
run load v1.csv
expect_eq "$RC" 0 "v1: an append loads"
expect_eq "$(rrdtool info "$f" | grep -c '^rra\[[0-9]*\].rows')" 1 "v1: rebuilt with one ring"
expect_eq "$("$BAYTRACK" export "$IND" | sed 1d | tr '\n' ' ')" "$IND,2020-01-11,7,c000 $IND,2020-01-12,8,c000 $IND,2020-01-13,9,c000 " "v1: every day kept"
finish
