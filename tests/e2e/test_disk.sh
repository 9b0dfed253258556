# A full disk and a read-only database: a clear error, the previous data
# intact, nothing staged left behind; readers still work. Runs in a private
# mount namespace with a 1 MiB tmpfs (skipped where that is not allowed).
. "$(dirname "$0")/lib.sh"
cd "$T"
mkdir -p small
unshare -rm sh -c "mount -t tmpfs -o size=1m tmpfs '$T/small'" 2>/dev/null ||
    { echo "SKIP: cannot mount a tmpfs in a user namespace"; exit 77; }
cat > inner.sh <<INNER
set -eu
. "$SRC/tests/e2e/lib.sh"
mount -t tmpfs -o size=1m tmpfs "$T/small"
export BAYTRACK_DB="$T/small/db"
cd "$T"
printf 'indicator,date,value\nscience.joint_labs,2021,10\n' > a.csv
run load a.csv
expect_eq "\$RC" 0 "first load fits"
before=\$(db_sum)

# ten new series of 70 years, about 230 KB each, do not fit in the 1 MiB
awk 'BEGIN { print "indicator,date,value,city"
             for (c = 0; c < 10; c++) printf "talent.hkmo_professionals,1971,%d,c%d\ntalent.hkmo_professionals,2040,%d,c%d\n", c, c, c, c }' > b.csv
run load b.csv
expect_eq "\$RC" 74 "disk full: exit code"
grep -q "No space left on device" "\$T/err" || fail "disk full: the message says so: \$(cat "\$T/err")"
expect_eq "\$(tail -1 "\$T/err")" "b.csv: not loaded; nothing written" "disk full: nothing written"
expect_eq "\$(db_sum)" "\$before" "disk full: the database is as it was"
expect_eq "\$(ls -A "\$BAYTRACK_DB/.tmp")" "" "disk full: nothing staged is left"
run export science.joint_labs
expect_eq "\$(sed 1d "\$T/out")" "science.joint_labs,2021,10" "disk full: the old data reads"

# read-only: writers fail clearly, readers read
mount -o remount,ro "$T/small"
run load a.csv
expect_eq "\$RC" 74 "read-only: exit code"
expect_eq "\$(cat "\$T/err")" "baytrack: load: cannot open lock '\$BAYTRACK_DB/.lock': Read-only file system" "read-only: message"
run export science.joint_labs
expect_eq "\$RC:\$(sed 1d "\$T/out")" "0:science.joint_labs,2021,10" "read-only: export works"
run status --json
expect_eq "\$RC" 0 "read-only: status works"
finish
INNER
unshare -rm sh inner.sh
