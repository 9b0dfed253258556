# Faults through a real rrdcached, as an operator meets them: the daemon
# killed after a load, stopped, unreachable, dropping the connection, or
# serving another database; loads killed at each point of a commit; a
# reader looping during loads; readers looping beside a collector. Every
# file is checked afterwards with stock rrdtool, without the daemon.
. "$(dirname "$0")/lib.sh"
command -v rrdcached >/dev/null || { echo "SKIP: rrdcached not installed"; exit 77; }
cd "$T"
DPID=
trap 'kill -CONT $DPID 2>/dev/null || true; kill $DPID 2>/dev/null || true; rm -rf "$T"' EXIT
N=300 # series a night
S="unix:$T/d.sock"

# start_daemon DB LISTEN: an rrdcached for DB as operators run it (journal,
# long flush timers, so that only a flush puts data in the files)
start_daemon() {
    mkdir -p "$1" "$1.j"
    rm -f "$1.pid"
    case $2 in unix:*) rm -f "${2#unix:}" ;; esac # a socket left by kill -9
    rrdcached -g -l "$2" -b "$1" -B -F -j "$1.j" -p "$1.pid" -w 3600 -f 7200 \
        -z 1 > "$1.log" 2>&1 &
    DPID=$!
    wait_listening "$2" || true # a test that follows says what is missing
}
stop_daemon() {
    kill -CONT "$DPID" 2>/dev/null || true
    kill "$DPID" 2>/dev/null || true
    wait "$DPID" 2>/dev/null || true
}
# night DAY > FILE: day DAY of January 2020 for N series
night() {
    awk -v d="$1" -v n=$N 'BEGIN { print "indicator,date,value,city"
        for (c = 0; c < n; c++) printf "talent.hkmo_professionals,2020-01-%02d,%d,c%03d\n", d, d * 1000 + c, c }'
}
# ends DB: how many series end on each day, read from the files with
# stock rrdtool (no daemon): "COUNT:STAMP ..."
ends() {
    for f in "$1"/talent.hkmo_professionals/*.rrd; do
        rrdtool last "$f"
    done | sort | uniq -c | awk '{ printf "%s:%s ", $1, $2 }'
}
stamp() { echo $(((18261 + $1 + 1) * 86400)); } # the last update of day DAY
for d in 1 2 3 4 5 6 7 8 9 10 11 12; do night $d > n$d.csv; done

# --- exit 0 means durable: the daemon killed right after each load ------
DB="$T/dur"
export BAYTRACK_DB="$DB"
start_daemon "$DB" "$S"
"$BAYTRACK" --daemon "$S" load -q n1.csv
stop_daemon
for d in 2 3 4; do
    start_daemon "$DB" "$S"
    run --daemon "$S" load n$d.csv
    expect_eq "$RC" 0 "durable, night $d: exit 0"
    kill -9 "$DPID"
    wait "$DPID" 2>/dev/null || true
    expect_eq "$(ends "$DB")" "$N:$(stamp $d) " "durable, night $d: every series has the day on disk after kill -9 of the daemon"
done

# --- what another client queued in the daemon is written first ---------
start_daemon "$DB" "$S"
rrdtool update --daemon "$S" "$DB/talent.hkmo_professionals/city=c000.rrd" "$(stamp 5):5000"
run --daemon "$S" load n5.csv
expect_eq "$RC" 0 "a value queued by another client: load exit 0"
expect_eq "$(tail -1 "$T/out")" "n5.csv: $N rows (long layout): $((N - 1)) added, 0 revised, 1 unchanged, 0 missing, 0 rejected" "a value queued by another client: written before the load compares"
expect_eq "$(ends "$DB")" "$N:$(stamp 5) " "a value queued by another client: every series has the day"
stop_daemon

# --- the daemon stopped: a timeout, a message, the lock released --------
start_daemon "$DB" "$S"
kill -STOP "$DPID"
start=$(date +%s)
run --daemon "$S" --daemon-timeout 1 load n5.csv
took=$(($(date +%s) - start))
expect_eq "$RC" 74 "stopped daemon: exit 74"
expect_eq "$(head -1 "$T/err")" "baytrack: load: rrdcached at '$S' did not answer within 1 s to read '$DB/.marker.rrd' (see --daemon-timeout)" "stopped daemon: message"
expect_eq "$(sed -n 2p "$T/err")" "n5.csv: not loaded; nothing written" "stopped daemon: nothing written"
[ "$took" -le 10 ] || fail "stopped daemon: gave up after $took s"
flock -n "$DB/.lock" true || fail "stopped daemon: the lock is released"
run --daemon "$S" --daemon-timeout 1 export talent.hkmo_professionals --where city=c000
expect_eq "$RC" 74 "stopped daemon: a reader times out too"
# stopped in the middle of a load: the summary says what was sent
"$BAYTRACK" --daemon "$S" --daemon-timeout 1 load n5.csv 2>/dev/null || true
kill -CONT "$DPID"
"$BAYTRACK" --daemon "$S" load -q n5.csv
for d in 6 7 8; do
    "$BAYTRACK" --daemon "$S" --daemon-timeout 1 load -q n$d.csv 2>"$T/err$d" & pid=$!
    sleep "0.0$(awk -v s=$d 'BEGIN { srand(s); printf "%02d", 5 + int(rand() * 60) }')"
    kill -STOP "$DPID"
    wait $pid && rc=0 || rc=$?
    kill -CONT "$DPID"
    rrdtool flushcached --daemon "$S" "$DB"/talent.hkmo_professionals/*.rrd
    got=$(ends "$DB")
    case $rc:$(tail -1 "$T/err$d") in
    "0:") expect_eq "$got" "$N:$(stamp $d) " "stopped mid-load, night $d: exit 0, all there" ;;
    "74:n$d.csv: not loaded; nothing written")
        expect_eq "$got" "$N:$(stamp $((d - 1))) " "stopped mid-load, night $d: nothing written" ;;
    *) fail "stopped mid-load, night $d: exit $rc: $(cat "$T/err$d")" ;;
    esac
    "$BAYTRACK" --daemon "$S" load -q n$d.csv || fail "stopped mid-load, night $d: loading again"
    expect_eq "$(ends "$DB")" "$N:$(stamp $d) " "stopped mid-load, night $d: loading again completes it"
done
stop_daemon

# --- unreachable or dropping: the address and the operation -------------
run --daemon "unix:$T/none.sock" load n9.csv
expect_eq "$RC" 74 "no socket: exit 74"
expect_eq "$(head -1 "$T/err")" "baytrack: load: rrdcached at 'unix:$T/none.sock': cannot connect for '$DB': Unable to connect to rrdcached: No such file or directory" "no socket: message"
expect_eq "$(ends "$DB")" "$N:$(stamp 8) " "no socket: nothing written"
python3 - "$T/drop.sock" <<'EOF' &
import os, socket, sys
s = socket.socket(socket.AF_UNIX)
s.bind(sys.argv[1])
s.listen(8)
for _ in range(8):
    c, _ = s.accept()
    c.recv(16)
    c.close()
EOF
dropper=$!
i=0; while [ ! -S "$T/drop.sock" ] && [ $i -lt 50 ]; do sleep 0.1; i=$((i + 1)); done
run --daemon "unix:$T/drop.sock" load n9.csv
expect_eq "$RC" 74 "dropped connection: exit 74, not a silent SIGPIPE"
grep -q "^baytrack: load: rrdcached at 'unix:$T/drop.sock': cannot read '$DB/.marker.rrd': " "$T/err" || fail "dropped connection: message: $(cat "$T/err")"
kill $dropper 2>/dev/null || true

# --- a spool stops at a daemon it cannot reach, and keeps its files -----
mkdir -p spool/incoming
cp n9.csv n10.csv n11.csv spool/incoming/
touch -d '1 minute ago' spool/incoming/*
run --daemon "unix:$T/none.sock" collect spool
expect_eq "$RC" 74 "spool, no daemon: exit 74"
expect_eq "$(cat "$T/err")" "baytrack: collect: rrdcached at 'unix:$T/none.sock': cannot connect for '$DB': Unable to connect to rrdcached: No such file or directory; stopped: 3 files left in incoming/ for the next run" "spool, no daemon: message"
expect_eq "$(ls spool/incoming | tr '\n' ' ')" "n10.csv n11.csv n9.csv " "spool, no daemon: every file left in incoming/"
expect_eq "$(ls spool/failed spool/done 2>/dev/null | grep -c csv)" 0 "spool, no daemon: nothing in failed/ or done/"
rm -rf spool

# --- a daemon that serves another database is refused -------------------
OTHER="$T/other"
PORT=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
start_daemon "$OTHER" "127.0.0.1:$PORT"
BAYTRACK_DB="$OTHER" "$BAYTRACK" --daemon "127.0.0.1:$PORT" load -q n1.csv
before=$(cd "$OTHER" && find . -name '*.rrd' -exec md5sum {} + | sort | md5sum)
run --daemon "127.0.0.1:$PORT" load n9.csv
expect_eq "$RC" 74 "another database: refused"
expect_eq "$(head -1 "$T/err")" "baytrack: load: rrdcached at '127.0.0.1:$PORT' does not serve the database '$DB': it sees another marker '.marker.rrd' (start the daemon with -b on this database directory)" "another database: message"
expect_eq "$(cd "$OTHER" && find . -name '*.rrd' -exec md5sum {} + | sort | md5sum)" "$before" "another database: untouched"
stop_daemon
EMPTY="$T/empty"
start_daemon "$EMPTY" "127.0.0.1:$PORT"
run --daemon "127.0.0.1:$PORT" load n9.csv
expect_eq "$RC" 74 "empty base directory: refused"
grep -q "cannot read its marker" "$T/err" || fail "empty base directory: message: $(cat "$T/err")"
stop_daemon
expect_eq "$(ends "$DB")" "$N:$(stamp 8) " "wrong daemons: nothing written"

# --- a load killed at each point of its commit, through the daemon -----
start_daemon "$DB" "$S"
d=9
for point in staged journaled appended-half appended committed; do
    set +e
    BAYTRACK_TEST_CRASH=$point "$BAYTRACK" --daemon "$S" load -q n$d.csv 2>/dev/null
    set -e
    "$BAYTRACK" --daemon "$S" series > /dev/null # a reader recovers
    case $point in committed) want=$d ;; *) want=$((d - 1)) ;; esac
    rrdtool flushcached --daemon "$S" "$DB"/talent.hkmo_professionals/*.rrd
    expect_eq "$(ends "$DB")" "$N:$(stamp $want) " "killed at $point: all or nothing"
    "$BAYTRACK" --daemon "$S" load -q n$d.csv || fail "killed at $point: loading again"
    expect_eq "$(ends "$DB")" "$N:$(stamp $d) " "killed at $point: loading again completes it"
    d=$((d + 1))
    [ $d -le 12 ] || d=12
    [ $point = committed ] || { night $d > n$d.csv; }
done

# --- a reader looping during loads never sees half of one ---------------
for d in 13 14 15 16 17 18; do night $d > n$d.csv; done
( for d in 13 14 15 16 17 18; do
      "$BAYTRACK" --daemon "$S" load -q n$d.csv || echo "n$d.csv failed" >> loads.err
  done; touch loads.done ) &
loader=$!
snaps=0
while { [ ! -e loads.done ] || [ $snaps -lt 3 ]; } && [ $snaps -lt 500 ]; do
    "$BAYTRACK" --daemon "$S" export --all talent.hkmo_professionals > snap.csv
    last=$(awk -F, 'NR > 1 { if ($2 > m[$4]) m[$4] = $2 } END { for (c in m) print m[c] }' snap.csv | sort -u | tr '\n' ' ')
    case $last in
    *" "*" "*) fail "reader through the daemon saw a load half applied: last days $last" ;;
    esac
    snaps=$((snaps + 1))
done
wait $loader
[ ! -e loads.err ] || fail "loads beside the reader: $(cat loads.err)"
expect_eq "$(ends "$DB")" "$N:$(stamp 18) " "loads beside the reader: all there"
echo "reader: $snaps snapshots, each of one load"
stop_daemon

# --- readers looping do not starve a collector (locally) ----------------
unset RRDCACHED_ADDRESS
L="$T/fair"
export BAYTRACK_DB="$L"
"$BAYTRACK" load -q n1.csv
mkdir -p spool/incoming
for d in 2 3 4 5 6 7; do cp n$d.csv spool/incoming/; done
touch -d '1 minute ago' spool/incoming/*
( while [ ! -e fair.done ]; do "$BAYTRACK" export --all talent.hkmo_professionals > /dev/null; done ) &
r1=$!
( while [ ! -e fair.done ]; do "$BAYTRACK" status > /dev/null 2>&1; done ) &
r2=$!
run collect --wait 60 spool
touch fair.done
wait $r1 $r2 2>/dev/null || true
expect_eq "$RC" 0 "collector beside two looping readers: done within its --wait"
expect_eq "$(ends "$L")" "$N:$(stamp 7) " "collector beside two looping readers: every file loaded"
finish
