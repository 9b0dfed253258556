# Hostile files in the spool, and the report's own files: a row of
# millions of fields is read in bounded memory and never blocks the files
# behind it.
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
finish
