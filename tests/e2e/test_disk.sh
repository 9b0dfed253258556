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

# a nightly append whose rollback journal does not fit: nothing is left
# staged, and the next command has nothing to recover
printf 'indicator,date,value\nimmd.passengers.total,2024-01-01,5\n' > d1.csv
printf 'indicator,date,value\nimmd.passengers.total,2024-01-02,6\n' > d2.csv
run load d1.csv
expect_eq "\$RC" 0 "daily series fits"
daily=\$(db_sum)
dd if=/dev/zero of="$T/small/filler" bs=4096 2>/dev/null || true
run load d2.csv
expect_eq "\$RC" 74 "journal disk full: exit code: \$(cat "\$T/err")"
expect_eq "\$(ls -A "\$BAYTRACK_DB/.tmp")" "" "journal disk full: nothing staged is left"
rm "$T/small/filler"
expect_eq "\$(db_sum)" "\$daily" "journal disk full: the database is as it was"
run load d2.csv
expect_eq "\$RC:\$(grep -c recovered "\$T/err")" "0:0" "journal disk full: the next load has nothing to recover"

# read-only: writers fail clearly, readers read (a load killed before
# its commit point, which no one can undo on a read-only disk, is said)
printf 'indicator,date,value\nimmd.passengers.total,2024-01-03,7\n' > d3.csv
set +e; BAYTRACK_TEST_CRASH=appended "\$BAYTRACK" load -q d3.csv 2>/dev/null; set -e
[ -e "\$BAYTRACK_DB/.rollback" ] || fail "a killed append left its rollback journal"
mount -o remount,ro "$T/small"
run export immd.passengers.total
expect_eq "\$RC" 0 "read-only, interrupted load: export reads"
grep -q "warning: a load was interrupted and cannot be finished now (cannot open lock .*Read-only file system), so what is read may hold part of it" "\$T/err" ||
    fail "read-only, interrupted load: the warning says so: \$(cat "\$T/err")"
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
