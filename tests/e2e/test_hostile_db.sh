# Hostile names, spans, links and files planted in the database: each is
# refused with a clear message before anything is written, and no command
# ever writes, removes or renames anything outside the database.
. "$(dirname "$0")/lib.sh"
cd "$T"
H='indicator,date,value,city\n'

# --- names too long for a file: refused while the file is checked -------
long=$(printf '/%.0s' $(seq 200))
printf "${H}legal.gba_lawyers,2024-01,1,ok\nlegal.gba_lawyers,2024-01,2,%s\n" "$long" > a.csv
want="a.csv:3:4: the dimensions make a series file name of 605 bytes, more than 249 ('/', '%', '=', '+' and control characters take 3 bytes each)
a.csv: rejected: 1 of 2 rows have problems; nothing written"
run load --dry-run a.csv
expect_eq "$RC" 65 "long name: dry run refuses"
expect_eq "$(cat "$T/err")" "$want" "long name: dry run message"
run load a.csv
expect_eq "$RC" 65 "long name: load refuses"
expect_eq "$(cat "$T/err")" "$want" "long name: load message"
[ ! -e "$BAYTRACK_DB/legal.gba_lawyers" ] || fail "long name: nothing written"
run series
expect_eq "$RC" 0 "long name: the database still reads"
# 249 bytes is the longest stem: 'city=' and a value of 200 bytes that
# escapes to 244 (22 slashes and 178 letters) load and read back
v244=$(printf '/%.0s' $(seq 22))$(printf 'x%.0s' $(seq 178))
printf "${H}legal.gba_lawyers,2024-01,1,%s\n" "$v244" > b.csv
run load b.csv
expect_eq "$RC" 0 "longest name loads"
run export legal.gba_lawyers --where "city=$v244"
expect_eq "$(tail -1 "$T/out")" "legal.gba_lawyers,2024-01,1,$v244" "longest name exports"
# the same through a mapping
printf 'name,when,n\nx,2024,1\n%s,2024,2\n' "$long" > m.csv
printf 'header 1\nindicator legal.gba_lawyers\ntime when\nvalue n\ndimension city name\n' > m.map
run load m.csv
expect_eq "$RC" 65 "long name, mapped: refused"
expect_eq "$(head -1 "$T/err" | cut -d: -f1-3)" "m.csv:3:1" "long name, mapped: place"

# --- a span of any length: the ring grows (docs/storage.md) --------------
rm -rf "$BAYTRACK_DB"
printf 'indicator,date,value\nlegal.gba_lawyers,1971,1\nlegal.gba_lawyers,2040,2\n' > span.csv
run load --dry-run span.csv
expect_eq "$RC" 0 "span of 69 years: dry run accepts"
printf 'indicator,date,value\nlegal.gba_lawyers,1971,1\n' > old.csv
printf 'indicator,date,value\nlegal.gba_lawyers,2040,2\n' > new.csv
"$BAYTRACK" load -q old.csv
f="$BAYTRACK_DB/legal.gba_lawyers/_.rrd"
expect_eq "$(rrdtool info "$f" | grep -c '^rra\[')" "$(rrdtool info "$f" | grep -c '^rra\[0\]')" "a new file has one ring"
expect_eq "$(rrdtool info "$f" | awk '/^rra\[0\].rows/ { print $3 }')" 384 "a one-day series: the smallest ring"
run load new.csv
expect_eq "$RC" 0 "span of 69 years with stored days: loads"
expect_eq "$(rrdtool info "$f" | awk '/^rra\[0\].rows/ { print $3 }')" 28672 "25202 days: a ring of 7 * 2^12 days"
expect_eq "$("$BAYTRACK" export legal.gba_lawyers | tr '\n' ' ')" "indicator,date,value legal.gba_lawyers,1971-12,1 legal.gba_lawyers,2040-12,2 " "span of 69 years: both read back"
expect_eq "$(rrdtool dump "$f" | sed -n 's/.* \([0-9]*\) --> <row><v>\([0-9]\.[0-9]*e+00\)<.*/\1 \2/p' | tr '\n' ' ')" "63072000 1.0000000000e+00 2240611200 2.0000000000e+00 " "stock rrdtool reads both days of a 69-year file"

# --- a database that does not exist: readers name it, writers create it -
for c in status series log "export legal.gba_lawyers" "report -o $T/nosite"; do
    run $c --db "$T/no/such/db"
    expect_eq "$RC:$(cat "$T/err")" "74:baytrack: ${c%% *}: database '$T/no/such/db' does not exist: give --db DIR (or BAYTRACK_DB) of a database, or load a file into it first" "$c on a missing database"
done
[ ! -e "$T/no" ] || fail "readers create no database"
printf 'indicator,date,value\nlegal.gba_lawyers,2024,1\n' > mk.csv
run load --db "$T/no/such/db" mk.csv
expect_eq "$RC" 0 "load creates the database, parents too"
run status --db "$T/no/such/db"
expect_eq "$RC" 0 "then status reads it"
rm -rf "$T/no" "$T/nosite" mk.csv

# --- the span is bounded: no day after 2100-12-31 (docs/storage.md) ------
# (9999-12-31 made a 25 MB file from a 60-byte CSV; 1970-01-02 to
# 2100-12-31, the widest span, makes 393,800 bytes)
rm -rf "$BAYTRACK_DB"
printf 'indicator,date,value\nlegal.gba_lawyers,2024,1\nlegal.gba_lawyers,9999-12-31,2\n' > far.csv
run load far.csv
expect_eq "$RC:$(cat "$T/err")" "65:far.csv:3:2: date '9999-12-31': after 2100-12-31, the last day a series may hold (docs/storage.md)
far.csv: rejected: 1 of 2 rows have problems; nothing written" "a day far in the future: refused at its cell"
[ ! -e "$BAYTRACK_DB/legal.gba_lawyers" ] || fail "a day far in the future: nothing written"
printf 'indicator,2024,2101\nlegal.gba_lawyers,1,2\n' > farwide.csv
run load farwide.csv
expect_eq "$RC:$(head -1 "$T/err")" "65:farwide.csv:1:3: column '2101' is not a period (after 2100-12-31, the last day a series may hold (docs/storage.md)); a wide file has 'indicator' then one column per period" "a wide column after 2100: refused at its cell"
printf 'DATAFLOW,REF_AREA,TIME_PERIOD,OBS_VALUE\nX:Y(1.0),CN,2101-01,1\n' > farsdmx.csv
run load --indicator legal.gba_lawyers farsdmx.csv
expect_eq "$RC:$(head -1 "$T/err")" "65:farsdmx.csv:2:3: TIME_PERIOD '2101-01': after 2100-12-31, the last day a series may hold (docs/storage.md)" "an SDMX period after 2100: refused at its cell"
printf 'indicator,date,value\nlegal.gba_lawyers,1970-01-02,1\nlegal.gba_lawyers,2100-12-31,2\n' > widest.csv
run load widest.csv
expect_eq "$RC" 0 "the widest span loads"
expect_eq "$(stat -c %s "$BAYTRACK_DB/legal.gba_lawyers/_.rrd")" 393800 "the widest span: the largest file"

# --- links in the database are never followed --------------------------
rm -rf "$BAYTRACK_DB" outside
mkdir outside
printf 'indicator,date,value\nlegal.gba_lawyers,2024-01,1\n' > one.csv
printf 'indicator,date,value\nlegal.gba_lawyers,2024-02,2\n' > two.csv
"$BAYTRACK" load -q one.csv
# a series file that is a link to a file outside: not appended to
mv "$BAYTRACK_DB/legal.gba_lawyers/_.rrd" outside/victim.rrd
ln -s "$T/outside/victim.rrd" "$BAYTRACK_DB/legal.gba_lawyers/_.rrd"
sum=$(md5sum < outside/victim.rrd)
run load two.csv
expect_eq "$RC" 74 "linked series file: refused"
expect_eq "$(head -1 "$T/err")" "baytrack: load: '$BAYTRACK_DB/legal.gba_lawyers/_.rrd' is a symbolic link, not a series file: baytrack follows no link inside the database" "linked series file: message"
expect_eq "$(md5sum < outside/victim.rrd)" "$sum" "linked series file: outside file untouched"
run export legal.gba_lawyers
expect_eq "$RC" 74 "linked series file: readers refuse it too"
# refused_at_once WHAT MESSAGE: loading two.csv fails at once (within
# 20 s: nothing planted is waited on) with exit 74 and MESSAGE, nothing
# written
refused_at_once() {
    before=$(db_sum)
    set +e
    timeout 20 "$BAYTRACK" load two.csv >"$T/out" 2>"$T/err"
    RC=$?
    set -e
    expect_eq "$RC" 74 "$1: refused, not waited on"
    expect_eq "$(head -1 "$T/err")" "$2" "$1: message"
    expect_eq "$(db_sum)" "$before" "$1: nothing written"
}
# a FIFO or a directory where the series file was
for kind in fifo dir; do
    rm -f "$BAYTRACK_DB/legal.gba_lawyers/_.rrd"
    if [ $kind = fifo ]; then mkfifo "$BAYTRACK_DB/legal.gba_lawyers/_.rrd"
    else mkdir "$BAYTRACK_DB/legal.gba_lawyers/_.rrd"; fi
    refused_at_once "a $kind as series file" "baytrack: load: '$BAYTRACK_DB/legal.gba_lawyers/_.rrd' is not a file, not a series file: baytrack follows no link inside the database"
    rm -rf "$BAYTRACK_DB/legal.gba_lawyers/_.rrd"
done
# a FIFO where a log of the database is
rm -rf "$BAYTRACK_DB"
"$BAYTRACK" load -q one.csv
rm "$BAYTRACK_DB/added.csv"
mkfifo "$BAYTRACK_DB/added.csv"
refused_at_once "a FIFO as added.csv" "baytrack: load: '$BAYTRACK_DB/added.csv' is not a file: baytrack writes its log there"
# and where loads.csv is, the log command says so (it read an empty log)
rm "$BAYTRACK_DB/loads.csv"
mkfifo "$BAYTRACK_DB/loads.csv"
set +e; timeout 20 "$BAYTRACK" log >"$T/out" 2>"$T/err"; RC=$?; set -e
expect_eq "$RC:$(cat "$T/err")" "74:baytrack: log: '$BAYTRACK_DB/loads.csv' is not a regular file" "a FIFO as loads.csv: log refuses it, not waited on"
# an indicator directory that is a link: no series made outside
rm -rf "$BAYTRACK_DB" outside/*
mkdir -p "$BAYTRACK_DB"
ln -s "$T/outside" "$BAYTRACK_DB/legal.gba_lawyers"
run load one.csv
expect_eq "$RC" 74 "linked indicator directory: refused"
expect_eq "$(ls outside)" "" "linked indicator directory: nothing written outside"
run series
expect_eq "$RC" 74 "linked indicator directory: series refuses it"
grep -q "is a symbolic link" "$T/err" || fail "linked indicator directory: series says why"
# .tmp as a link: its target is not emptied
rm -rf "$BAYTRACK_DB" outside/*
mkdir -p "$BAYTRACK_DB"
touch outside/keep
ln -s "$T/outside" "$BAYTRACK_DB/.tmp"
printf 'indicator,date,value\n' > empty.csv
run load empty.csv
expect_eq "$RC" 74 "linked .tmp: refused"
expect_eq "$(ls outside)" "keep" "linked .tmp: target not emptied"
# .lock and .commit as links: not created or locked through
rm -rf "$BAYTRACK_DB"
mkdir -p "$BAYTRACK_DB"
ln -s "$T/outside/made" "$BAYTRACK_DB/.lock"
run load one.csv
expect_eq "$RC" 74 "linked .lock: refused"
[ ! -e outside/made ] || fail "linked .lock: nothing created outside"
# a planted journal line that renames a file out of the database
rm -rf "$BAYTRACK_DB" outside/*
"$BAYTRACK" load -q one.csv
printf 'legal.gba_lawyers/_.rrd\t../outside/stolen.rrd\n' > "$BAYTRACK_DB/.journal"
run status
expect_eq "$RC" 0 "planted journal: reads keep working"
grep -q "warning: cannot finish the interrupted commit" "$T/err" || fail "planted journal: reader warned"
[ ! -e outside/stolen.rrd ] || fail "planted journal: nothing moved out"
[ -e "$BAYTRACK_DB/legal.gba_lawyers/_.rrd" ] || fail "planted journal: file still there"
run load two.csv
expect_eq "$RC" 74 "planted journal: writers refuse"
expect_eq "$(cat "$T/err")" "baytrack: load: cannot finish the interrupted commit in '$BAYTRACK_DB': journal '$BAYTRACK_DB/.journal' renames 'legal.gba_lawyers/_.rrd' to '../outside/stolen.rrd', which is not a file of the database; its journal is kept for the next command to try again (doing so twice is harmless): fix the cause, or move '.journal' and '.rollback' out of the database to keep it as it is (docs/reliability.md)" "planted journal: message"
mv "$BAYTRACK_DB/.journal" journal.aside
run load two.csv
expect_eq "$RC" 0 "planted journal: moved aside, loads go on"
# a planted rollback journal naming a file outside
rm -rf "$BAYTRACK_DB" outside/*
"$BAYTRACK" load -q one.csv
cp "$BAYTRACK_DB/legal.gba_lawyers/_.rrd" outside/x.rrd
python3 - "$BAYTRACK_DB/.rollback" <<'EOF'
import struct, sys
body = b"baytrack rollback 1\n"
p = b"../outside/x.rrd"
body += struct.pack("=I", len(p)) + p + struct.pack("=QQ", 0, 4) + b"XXXX"
body += struct.pack("=I", 0)
h = 1469598103934665603
for c in body:
    h = ((h ^ c) * 1099511628211) & (2**64 - 1)
open(sys.argv[1], "wb").write(body + struct.pack("=Q", h))
EOF
sum=$(md5sum < outside/x.rrd)
run load two.csv
expect_eq "$RC" 74 "planted rollback: refused"
grep -q "names '../outside/x.rrd', which is not a series file" "$T/err" || fail "planted rollback: message"
expect_eq "$(md5sum < outside/x.rrd)" "$sum" "planted rollback: outside file untouched"
# a flags file or a log that is a link: refused before the commit point
rm -rf "$BAYTRACK_DB" outside/*
printf 'indicator,date,value,flag\nlegal.gba_lawyers,2024-01,1,>\n' > flagged.csv
printf 'indicator,date,value,flag\nlegal.gba_lawyers,2024-01,2,\n' > revised.csv
"$BAYTRACK" load -q flagged.csv
mv "$BAYTRACK_DB/legal.gba_lawyers/_.flags" outside/x.flags
ln -s "$T/outside/x.flags" "$BAYTRACK_DB/legal.gba_lawyers/_.flags"
before=$(db_sum)
run load revised.csv
expect_eq "$RC" 74 "linked flags file: refused"
expect_eq "$(tail -1 "$T/err")" "revised.csv: not loaded; nothing written" "linked flags file: nothing written"
expect_eq "$(db_sum)" "$before" "linked flags file: database unchanged"
[ ! -e "$BAYTRACK_DB/.journal" ] || fail "linked flags file: no journal left"
rm "$BAYTRACK_DB/legal.gba_lawyers/_.flags"
mv outside/x.flags "$BAYTRACK_DB/legal.gba_lawyers/_.flags"
ln -s "$T/outside/log.csv" "$BAYTRACK_DB/revisions.csv"
run load revised.csv
expect_eq "$RC:$(tail -1 "$T/err")" "74:revised.csv: not loaded; nothing written" "linked revisions.csv: refused before the commit"
[ ! -e outside/log.csv ] || fail "linked revisions.csv: nothing written outside"
rm "$BAYTRACK_DB/revisions.csv"
# the load log takes the same path: a linked loads.csv is refused before
# the commit, nothing written through it
[ -e "$BAYTRACK_DB/loads.csv" ] || fail "loads.csv logged by the loads above"
mv "$BAYTRACK_DB/loads.csv" loads.keep
ln -s "$T/outside/loads.csv" "$BAYTRACK_DB/loads.csv"
before=$(db_sum)
run load revised.csv
expect_eq "$RC:$(tail -1 "$T/err")" "74:revised.csv: not loaded; nothing written" "linked loads.csv: refused before the commit"
[ ! -e outside/loads.csv ] || fail "linked loads.csv: nothing written outside"
expect_eq "$(db_sum)" "$before" "linked loads.csv: database unchanged"
rm "$BAYTRACK_DB/loads.csv"
mv loads.keep "$BAYTRACK_DB/loads.csv"
# a journal that is not text, or renames a link, is refused without
# printing its bytes
head -c 3000 /dev/urandom | tr -d '\n' | sed 's/^/\t/' > "$BAYTRACK_DB/.journal"
printf '\t\033]0;x\007\n' >> "$BAYTRACK_DB/.journal"
run load revised.csv
expect_eq "$RC" 74 "binary journal: refused"
LC_ALL=C grep -q "$(printf '\033')" "$T/err" && fail "binary journal: its bytes reach the terminal"
grep -q "holds a line that is not text" "$T/err" || fail "binary journal: message: $(cat "$T/err")"
# a journal that does not parse (a NUL, a line without a tab, empty, cut)
# is refused as a linked one is, never described as a committed load
for kind in nul notab empty cut; do
    case $kind in
        nul) printf 'hello\000world\n../../etc/passwd\n' ;;
        notab) printf 'hello world\n../../etc/passwd\n' ;;
        empty) : ;;
        cut) printf '.tmp/1-1.rrd\tlegal.gba_lawyers/_.rrd' ;;
    esac > "$BAYTRACK_DB/.journal"
    before=$(db_sum)
    run status
    grep -q "recovered:" "$T/err" && fail "a journal of $kind: taken for a committed load: $(cat "$T/err")"
    grep -q "warning: cannot finish the interrupted commit in '$BAYTRACK_DB': journal '$BAYTRACK_DB/.journal'" "$T/err" ||
        fail "a journal of $kind: a reader's warning naming it: $(cat "$T/err")"
    run load revised.csv
    expect_eq "$RC" 74 "a journal of $kind: writers stop"
    case $kind in
        nul) want="holds a line that is not text" ;;
        notab) want="'$BAYTRACK_DB/.journal':1: not 'STAGED<TAB>FILE'" ;;
        empty) want="'$BAYTRACK_DB/.journal' is empty" ;;
        cut) want="'$BAYTRACK_DB/.journal' is cut in the middle of a line" ;;
    esac
    grep -qF "$want" "$T/err" || fail "a journal of $kind: message: $(cat "$T/err")"
    expect_eq "$(db_sum)" "$before" "a journal of $kind: nothing renamed"
    [ -e "$BAYTRACK_DB/.journal" ] || fail "a journal of $kind: left in place"
done
rm -f "$BAYTRACK_DB/.journal"
mkdir -p "$BAYTRACK_DB/.tmp"
ln -s "$T/outside" "$BAYTRACK_DB/.tmp/lnk"
printf '.tmp/lnk\tlegal.gba_lawyers/new.rrd\n' > "$BAYTRACK_DB/.journal"
run load revised.csv
expect_eq "$RC" 74 "journal renaming a link: refused"
[ ! -e "$BAYTRACK_DB/legal.gba_lawyers/new.rrd" ] || fail "journal renaming a link: not renamed in"
rm -f "$BAYTRACK_DB/.journal" "$BAYTRACK_DB/.tmp/lnk"

# junk planted in .tmp/: a directory is left alone with a warning (it
# blocked every writer: 'cannot remove ... Is a directory'), a link is
# removed, never followed, and a journal renaming a file of .tmp/ that
# baytrack did not stage (its names are PID-N.rrd) is refused
rm -rf "$BAYTRACK_DB" outside/*
"$BAYTRACK" load -q one.csv
mkdir "$BAYTRACK_DB/.tmp/junkdir"
echo keep > outside/target
ln -s "$T/outside/target" "$BAYTRACK_DB/.tmp/junklink"
run load two.csv
expect_eq "$RC" 0 "a directory in .tmp: the load goes on"
grep -q "^baytrack: load: warning: left '$BAYTRACK_DB/.tmp/junkdir' alone: not a file baytrack stages (a directory, a FIFO or a device); remove it\$" "$T/err" || fail "a directory in .tmp: warned: $(cat "$T/err")"
[ -d "$BAYTRACK_DB/.tmp/junkdir" ] || fail "a directory in .tmp: left alone"
[ ! -e "$BAYTRACK_DB/.tmp/junklink" ] && [ "$(cat outside/target)" = keep ] || fail "a link in .tmp: removed, its target untouched"
rmdir "$BAYTRACK_DB/.tmp/junkdir"
echo junk > "$BAYTRACK_DB/.tmp/junk"
printf '.tmp/junk\tlegal.gba_lawyers/x.rrd\n' > "$BAYTRACK_DB/.journal"
run load two.csv
expect_eq "$RC" 74 "a journal renaming a file baytrack did not stage: refused"
grep -q "renames '.tmp/junk' to 'legal.gba_lawyers/x.rrd', which is not a file of the database" "$T/err" || fail "a journal renaming junk: message: $(cat "$T/err")"
[ ! -e "$BAYTRACK_DB/legal.gba_lawyers/x.rrd" ] || fail "a journal renaming junk: not renamed in"
rm -f "$BAYTRACK_DB/.journal" "$BAYTRACK_DB/.tmp/junk"

# the database directory itself may be a link
rm -rf "$BAYTRACK_DB" real
mkdir real
ln -s "$T/real" "$BAYTRACK_DB"
run load one.csv
expect_eq "$RC" 0 "linked database directory: loads"
run load two.csv
expect_eq "$RC" 0 "linked database directory: appends"
expect_eq "$("$BAYTRACK" export legal.gba_lawyers | tail -1)" "legal.gba_lawyers,2024-02,2" "linked database directory: reads"
rm "$BAYTRACK_DB"

# --- a file not laid out as baytrack creates it is not written into -----
rm -rf "$BAYTRACK_DB"
"$BAYTRACK" load -q one.csv
f="$BAYTRACK_DB/legal.gba_lawyers/_.rrd"
rm "$f"
rrdtool create "$f" --step 86400 --start 1577836800 DS:value:GAUGE:86400:U:U RRA:LAST:0.5:1:3
rrdtool update "$f" 1577923200:7
sum=$(md5sum < "$f")
printf 'indicator,date,value\nlegal.gba_lawyers,2020-01-05,8\n' > foreign.csv
run load foreign.csv
expect_eq "$RC" 74 "foreign layout: refused"
grep -q "is not laid out as baytrack creates series files (step 86400 s, 1 data sources, 1 RRAs, first ring 3 rows)" "$T/err" || fail "foreign layout: message"
expect_eq "$(md5sum < "$f")" "$sum" "foreign layout: file untouched"

# --- --wait bounds the wait for readers too -----------------------------
rm -rf "$BAYTRACK_DB"
"$BAYTRACK" load -q one.csv
rm -f holding
python3 -c 'import fcntl, sys, time
f = open(sys.argv[1]); fcntl.flock(f, fcntl.LOCK_SH); open("holding", "w").close()
time.sleep(8)' "$BAYTRACK_DB/.commit" & reader=$!
i=0; while [ ! -e holding ] && [ $i -lt 100 ]; do sleep 0.1; i=$((i + 1)); done
start=$(date +%s)
run load --wait 1 two.csv
took=$(($(date +%s) - start))
expect_eq "$RC" 75 "a reader holding .commit: exit 75"
expect_eq "$(head -1 "$T/err")" "baytrack: load: database '$BAYTRACK_DB' is busy ('.commit' stayed locked); gave up after 1 s (see --wait)" "a reader holding .commit: message"
expect_eq "$(sed -n 2p "$T/err")" "two.csv: not loaded; nothing written" "a reader holding .commit: nothing written"
[ "$took" -le 4 ] || fail "a reader holding .commit: --wait 1 returned after $took s"
kill $reader 2>/dev/null || true
wait $reader 2>/dev/null || true
run load --wait 1 two.csv
expect_eq "$RC" 0 "the reader gone: the load goes through"

# --- the logs quote what needs quoting ---------------------------------
rm -rf "$BAYTRACK_DB"
printf 'indicator,date,value\nlegal.gba_lawyers,2024-01,1\n' > 'b"x.csv'
printf 'indicator,date,value\nlegal.gba_lawyers,2024-01,2\n' > 'c,y.csv'
"$BAYTRACK" load -q 'b"x.csv' 'c,y.csv'
expect_eq "$(tail -1 "$BAYTRACK_DB/revisions.csv" | cut -d, -f2-)" 'legal.gba_lawyers,2024-01-31,1,2,"c,y.csv"' "revision log: file name quoted"
python3 - "$BAYTRACK_DB/revisions.csv" <<'EOF' || fail "revision log reads back as CSV"
import csv, sys
rows = list(csv.reader(open(sys.argv[1])))
assert rows[-1][-1] == "c,y.csv", rows
EOF

# --- one unreadable series file never fails the whole status or report -
# (a link and a file that is not an RRD file): each is named on stderr, its
# indicator shown without data (never as the sum of the other series), the
# rest printed or written, exit 1
rm -rf "$BAYTRACK_DB" outside/*
"$BAYTRACK" load -q "$SRC/datasets/seeds_soft_connectivity.csv"
immd_recent immd.csv
"$BAYTRACK" load -q immd.csv
mv "$BAYTRACK_DB/science.joint_labs/_.rrd" outside/labs.rrd
ln -s "$T/outside/labs.rrd" "$BAYTRACK_DB/science.joint_labs/_.rrd"
bay="$BAYTRACK_DB/immd.passengers.total/control_point=Lo Wu+direction=Arrival.rrd"
[ -f "$bay" ] || fail "unreadable series: the IMMD series is there"
echo 'not an rrd file' > "$bay"
want="baytrack: status: error: 'immd.passengers.total/control_point=Lo Wu+direction=Arrival.rrd' left out, its indicator shown without data: '$bay' is not an RRD file of this machine
baytrack: status: error: 'science.joint_labs/_.rrd' left out, its indicator shown without data: '$BAYTRACK_DB/science.joint_labs/_.rrd' is a symbolic link, not a series file: baytrack follows no link inside the database"
run status --json
expect_eq "$RC" 1 "unreadable series: status exits 1"
expect_eq "$(cat "$T/err")" "$want" "unreadable series: status names each file once"
grep -q '"indicator":"talent.hkmo_professionals",.*"latest_value":' "$T/out" || fail "unreadable series: the other indicators are printed"
grep -q '"indicator":"science.joint_labs",.*"latest_date":null,.*"series":0' "$T/out" || fail "unreadable series: its indicator has no data: $(grep joint_labs "$T/out")"
grep -q '"indicator":"immd.passengers.total",.*"latest_date":null,.*"series":0' "$T/out" || fail "unreadable series: no partial total"
run status immd.passengers.total --by control_point
expect_eq "$RC" 1 "unreadable series: status --by exits 1"
grep -q 'control_point=Shenzhen Bay' "$T/out" || fail "unreadable series: the other breakdowns are printed"
run report -q -o site
expect_eq "$RC" 1 "unreadable series: report exits 1"
expect_eq "$(cat "$T/err")" "$(echo "$want" | sed 's/^baytrack: status:/baytrack: report:/')" "unreadable series: report names each file once"
[ -s site/index.html ] && [ -s site/talent.hkmo_professionals.html ] && [ -s site/science.joint_labs.html ] || fail "unreadable series: every page written"
run export science.joint_labs
expect_eq "$RC" 74 "unreadable series: export of it still fails"
rm -rf site

# standard output that cannot be written (a pipe closed by its reader, as
# `| head` does once it has its lines): every command says so, exit 74
cat > closed.py <<'EOF'
import os, subprocess, sys
r, w = os.pipe()
os.close(r)
sys.exit(subprocess.call(sys.argv[1:], stdout=w))
EOF
export BAYTRACK_DB="$T/db.pipe"
"$BAYTRACK" load -q one.csv
for c in status log series "export legal.gba_lawyers"; do
    set +e; python3 closed.py "$BAYTRACK" $c 2> "$T/err"; rc=$?; set -e
    expect_eq "$rc:$(cat "$T/err")" "74:baytrack: ${c%% *}: cannot write output" "$c into a closed pipe"
done

# --- a commit that cannot put everything in place, then another load ---
# f1 commits but its renames fail (BAYTRACK_TEST_FAIL, as a broken disk
# would); f2 in the same command must neither stage over f1's files nor
# replace f1's journal: it finishes it first or, as here, writes nothing;
# the next command finishes f1, and f2 then loads beside it
rm -rf "$BAYTRACK_DB"
printf 'indicator,date,value\nlegal.gba_lawyers,2024-01,1\n' > one.csv
printf 'indicator,date,value,flag\nlegal.gba_lawyers,2024-02,2,p\n' > f1.csv
printf 'indicator,date,value,flag\nlegal.gba_lawyers,2024-03,3,e\n' > f2.csv
"$BAYTRACK" load -q one.csv
set +e
BAYTRACK_TEST_FAIL=rename "$BAYTRACK" load -q f1.csv f2.csv >"$T/out" 2>"$T/err"
RC=$?
set -e
expect_eq "$RC" 74 "renames that fail: exit 74"
grep -q "^f1.csv: loaded, but not yet all in place" "$T/err" || fail "f1 committed, not in place: $(cat "$T/err")"
grep -q "^f2.csv: not loaded; nothing written" "$T/err" || fail "f2 waits for f1: $(cat "$T/err")"
expect_eq "$(ls "$BAYTRACK_DB/.tmp" | wc -l)" 2 "f1's staged files are kept for recovery"
run load f2.csv
expect_eq "$RC" 0 "the next command finishes f1 and loads f2"
expect_eq "$(cat "$BAYTRACK_DB/legal.gba_lawyers/_.flags")" "date,flag
2024-02-29,p
2024-03-31,e" "f1's flag is kept beside f2's"

finish
