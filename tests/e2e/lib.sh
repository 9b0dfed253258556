# lib.sh - shared by the end-to-end tests. Sourced; expects BAYTRACK (the
# built program) and SRC (the source tree) from ctest.
set -eu
: "${BAYTRACK:?set BAYTRACK to the built baytrack}" "${SRC:?set SRC to the source tree}"
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
export TZ=UTC LC_ALL=C.UTF-8
export BAYTRACK_CATALOGUE="$SRC/indicators" BAYTRACK_DB="$T/db"
unset RRDCACHED_ADDRESS
FAILED=0

fail() {
    echo "FAIL: $*" >&2
    FAILED=1
}

# expect_eq GOT WANT WHAT
expect_eq() {
    if [ "$1" != "$2" ]; then
        fail "$3"
        printf '  got:  %s\n  want: %s\n' "$1" "$2" >&2
    fi
}

# A fingerprint of every file in the database (names and bytes).
db_sum() {
    (cd "$BAYTRACK_DB" 2>/dev/null && find . -type f ! -name .lock -print0 |
        sort -z | xargs -0 -r md5sum) | md5sum | cut -d' ' -f1
}

# immd_recent OUT: the bundled IMMD daily file from 01-12-2025 on, as
# published (BOM, CRLF, trailing comma), with its mapping as OUT's .map:
# 98 days that keep the Macau/Macao renaming of 01-01-2026.
immd_recent() {
    awk -F, 'NR == 1 { print; next }
             { split($1, d, "-"); if (d[3] d[2] d[1] >= "20251201") print }' \
        "$SRC/datasets/immd_passenger_traffic.csv" > "$1"
    cp "$SRC/datasets/immd_passenger_traffic.map" "${1%.csv}.map"
}

# run CMD...: runs baytrack, keeping stdout, stderr and the exit code.
run() {
    set +e
    "$BAYTRACK" "$@" >"$T/out" 2>"$T/err"
    RC=$?
    set -e
}

# refused NAME CONTENT EXPECTED_STDERR: CONTENT (printf format) goes to
# NAME.csv; its load must exit 65 with exactly that message, print nothing
# on stdout and leave the database as $before (a db_sum) says it was
refused() {
    printf "$2" > "$1.csv"
    run load "$1.csv"
    expect_eq "$RC" 65 "$1: exit code"
    expect_eq "$(cat "$T/err")" "$3" "$1: message"
    expect_eq "$(cat "$T/out")" "" "$1: nothing on stdout"
    expect_eq "$(db_sum)" "$before" "$1: database unchanged"
}

finish() {
    [ "$FAILED" = 0 ] && echo PASS
    exit "$FAILED"
}

# wait_listening ADDR: waits (10 s at most) until an rrdcached accepts
# connections at ADDR ("unix:PATH" or "HOST:PORT"); 1 if it never does.
wait_listening() {
    i=0
    until python3 -c 'import socket, sys
a = sys.argv[1]
if a.startswith("unix:"):
    s = socket.socket(socket.AF_UNIX); s.connect(a[5:])
else:
    h, p = a.rsplit(":", 1); socket.create_connection((h, int(p)))' "$1" 2>/dev/null; do
        i=$((i + 1))
        [ $i -lt 100 ] || return 1
        sleep 0.1
    done
}

# free_port: a TCP port on 127.0.0.1 that nothing listens on now
free_port() {
    python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}
