# Through a real rrdcached, over a unix socket and over TCP: loads (new
# files, appends batched through the daemon, revisions) and reports equal
# the local ones; two collectors at once lose nothing; the data is on disk
# after the daemon stops.
. "$(dirname "$0")/lib.sh"
command -v rrdcached >/dev/null || { echo "SKIP: rrdcached not installed"; exit 77; }
cd "$T"

# the IMMD file's last 98 days in two halves: the second appends to the first
E="$T/recent.csv"
immd_recent "$E"
awk -F, 'NR == 1 || $1 ~ /-(12-2025|01-2026)$/' "$E" > part1.csv
awk -F, 'NR == 1 || $1 !~ /-(12-2025|01-2026)$/' "$E" > part2.csv
cp "$T/recent.map" part1.map
cp part1.map part2.map
printf 'indicator,date,value\nstandards.bay_area,2025-11,263\nstandards.bay_area,2021-03,5\n' > revise.csv
steps="part1.csv part2.csv $SRC/datasets/seeds_soft_connectivity.csv revise.csv"

# start_daemon NAME LISTEN: an rrdcached for database $T/NAME
start_daemon() {
    mkdir -p "$T/$1" "$T/$1.journal"
    rrdcached -g -l "$2" -b "$T/$1" -B -F -j "$T/$1.journal" -p "$T/$1.pid" \
        -w 3600 -f 7200 -z 1 > "$T/$1.log" 2>&1 &
    eval "pid_$1=\$!"
    wait_listening "$2" || fail "$1: rrdcached does not listen at $2: $(cat "$T/$1.log")"
}
stop_daemon() { # stop_daemon NAME: TERM, and wait until it has written all
    eval "kill \$pid_$1; wait \$pid_$1" 2>/dev/null || true
}

# reference: the same loads, locally
for f in $steps; do BAYTRACK_DB="$T/local" "$BAYTRACK" load -q "$f"; done
BAYTRACK_DB="$T/local" "$BAYTRACK" status --json > local.json
BAYTRACK_DB="$T/local" "$BAYTRACK" report -q -o local.report
for s in "immd.passengers.total --where control_point=Airport --where direction=Arrival" \
         "standards.bay_area" "clearance.macao_hengqin_commute"; do
    BAYTRACK_DB="$T/local" "$BAYTRACK" export $s
done > local.export

check_daemon() { # check_daemon NAME ADDRESS
    for f in $steps; do
        BAYTRACK_DB="$T/$1" "$BAYTRACK" --daemon "$2" load -q "$f" 2>>"$T/$1.err" ||
            fail "$1: load $f through the daemon: $(cat "$T/$1.err")"
    done
    BAYTRACK_DB="$T/$1" RRDCACHED_ADDRESS="$2" "$BAYTRACK" status --json > "$1.json"
    cmp -s local.json "$1.json" || fail "$1: status through the daemon differs"
    BAYTRACK_DB="$T/$1" "$BAYTRACK" report -q --daemon "$2" -o "$1.report"
    cmp -s local.report/report.md "$1.report/report.md" || fail "$1: report through the daemon differs"
    for s in "immd.passengers.total --where control_point=Airport --where direction=Arrival" \
             "standards.bay_area" "clearance.macao_hengqin_commute"; do
        BAYTRACK_DB="$T/$1" "$BAYTRACK" export --daemon "$2" $s
    done > "$1.export"
    cmp -s local.export "$1.export" || fail "$1: exports through the daemon differ"
    expect_eq "$(tail -1 "$T/$1/revisions.csv" | cut -d, -f2-5)" 'standards.bay_area,2025-11-30,262,263' "$1: revision logged"
}

start_daemon unixdb "unix:$T/rrdcached.sock"
check_daemon unixdb "unix:$T/rrdcached.sock"
# the appends of part2 went to the daemon: before it stops, the newest day
# of a series may not be on disk yet; after it stops, everything is
stop_daemon unixdb
BAYTRACK_DB="$T/unixdb" "$BAYTRACK" export immd.passengers.total --where control_point=Airport --where direction=Arrival > ondisk.export
head -n "$(wc -l < ondisk.export)" local.export | cmp -s - ondisk.export || fail "unix: data on disk after the daemon stopped"
[ "$(grep -c '^immd' ondisk.export)" = 98 ] || fail "unix: all 98 days on disk"

port=$(free_port)
start_daemon tcpdb "127.0.0.1:$port"
check_daemon tcpdb "127.0.0.1:$port"

# two collectors at once against one daemon: nothing lost
mkdir -p s1/incoming s2/incoming
for y in 2001 2002 2003 2004 2005; do
    printf 'indicator,date,value\nscience.provincial_labs,%s,%s\n' $y ${y#200} > s1/incoming/p$y.csv
    printf 'indicator,date,value\nscience.joint_labs,%s,%s\n' $y ${y#200} > s2/incoming/j$y.csv
done
touch -d '1 minute ago' s1/incoming/* s2/incoming/*
BAYTRACK_DB="$T/tcpdb" "$BAYTRACK" collect --daemon "127.0.0.1:$port" s1 & c1=$!
BAYTRACK_DB="$T/tcpdb" "$BAYTRACK" collect --daemon "127.0.0.1:$port" s2 & c2=$!
wait $c1 || fail "collector 1 failed"
wait $c2 || fail "collector 2 failed"
stop_daemon tcpdb
for id in science.provincial_labs science.joint_labs; do
    expect_eq "$(BAYTRACK_DB="$T/tcpdb" "$BAYTRACK" export $id | sed 1d | cut -d, -f2- | tr '\n' ' ')" \
        "2001,1 2002,2 2003,3 2004,4 2005,5 2020,10 " "two collectors: all of $id on disk (and the seeds' 2020)"
done
BAYTRACK_DB="$T/tcpdb" "$BAYTRACK" export immd.passengers.total --where control_point=Airport --where direction=Arrival > tcp.ondisk
[ "$(grep -c '^immd' tcp.ondisk)" = 98 ] || fail "tcp: all 98 days on disk after the daemon stopped"

# through the daemon (docs/reliability.md, "Through rrdcached"): a load
# killed while it sends its appends leaves each series with all of its new
# days or none of them, and loading the file again completes the load
night() { # night DAY > file: 200 series, days DAY-1 and DAY (from 2020-01-01)
    awk -v d="$1" 'BEGIN { print "indicator,date,value,city"
        for (c = 0; c < 200; c++) for (k = d - 1; k <= d; k++)
            printf "talent.hkmo_professionals,%s,%d,c%03d\n", strftime("%Y-%m-%d", 1577836800 + k * 86400, 1), k, c }'
}
ends() { # the distinct last update times of the 200 series, via the daemon
    rrdtool flushcached --daemon "unix:$T/kill.sock" "$T/killdb/talent.hkmo_professionals"/*.rrd
    printf 'lastupdate %s\n' "$T/killdb/talent.hkmo_professionals"/*.rrd | rrdtool - | awk -F': ' '/^[0-9]+: / { print $1 }' | sort -u | tr '\n' ' '
}
start_daemon killdb "unix:$T/kill.sock"
export BAYTRACK_DB="$T/killdb" RRDCACHED_ADDRESS="unix:$T/kill.sock"
night 1 > n1.csv
"$BAYTRACK" load -q n1.csv
for d in 2 3 4 5 6 7 8 9; do
    night $d > n$d.csv
    "$BAYTRACK" load -q n$d.csv 2>/dev/null & pid=$!
    sleep "0.0$(awk -v s=$d 'BEGIN { srand(s); printf "%02d", int(rand() * 40) }')"
    kill -9 $pid 2>/dev/null || true
    wait $pid 2>/dev/null || true
    for t in $(ends); do
        case $t in
        $(((18262 + d) * 86400)) | $(((18262 + d + 1) * 86400))) ;;
        *) fail "through the daemon, night $d: a series ends at $t, neither before nor after" ;;
        esac
    done
    "$BAYTRACK" load -q n$d.csv || fail "through the daemon, night $d: loading again fails"
    expect_eq "$(ends)" "$(((18262 + d + 1) * 86400)) " "through the daemon, night $d: loading again completes it"
done
unset RRDCACHED_ADDRESS
stop_daemon killdb
finish
