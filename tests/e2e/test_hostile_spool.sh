# Hostile files in the spool, and the report's own files: a row of
# millions of fields is read in bounded memory and never blocks the files
# behind it; a mapping of 40000 'marks' statements is read in linear time.
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
finish
