# For the people who run it: --help for every command from the command
# table, a man page that agrees with it and that cmake --install installs,
# and a progress bar only on a terminal.
. "$(dirname "$0")/lib.sh"
cd "$T"
BUILD=$(dirname "$BAYTRACK")
MAN="$BUILD/baytrack.1"
[ -s "$MAN" ] || fail "the build wrote no man page"

# every command of 'baytrack help' has --help, a man section and every
# option its --help names
commands=$("$BAYTRACK" help | sed -n '/^commands:/,/^$/p' | awk 'NF > 1 { print $1 }')
expect_eq "$(echo $commands)" "load collect export series status chart report log help" "the command table"
for c in $commands; do
    run $c --help
    expect_eq "$RC" 0 "$c --help exits 0"
    grep -q "^usage: baytrack $c " "$T/out" || fail "$c --help: usage line"
    grep -q "^\.SS $c\$" "$MAN" || fail "man page: no section for $c"
    sed 's/\\-/-/g' "$MAN" > man.txt
    synopsis=$(sed -n 's/^usage: baytrack //p' "$T/out")
    grep -qxF ".B baytrack $synopsis" man.txt || fail "man page: synopsis of $c differs from --help"
    for opt in $(sed -n '/^options:/,/^$/p' "$T/out" | grep -o '^  -[-a-z, ]*--[a-z-]*\|^  --[a-z-]*' | grep -o '\-\-[a-z-]*'); do
        grep -q -- "^\.B .*$opt" man.txt || fail "man page: $c option $opt missing"
    done
done
for code in 0 1 64 65 66 70 74 75 78; do
    grep -q "^\.B $code\$" "$MAN" || fail "man page: exit code $code"
    "$BAYTRACK" help | grep -q "^  $code " || fail "help: exit code $code"
done

# cmake --install puts the program and the man page in place
DESTDIR="$T/root" cmake --install "$BUILD" --prefix /usr > /dev/null
[ -x "$T/root/usr/bin/baytrack" ] || fail "install: program"
cmp -s "$MAN" "$T/root/usr/share/man/man1/baytrack.1" || fail "install: man page"

# a progress bar on a terminal, and only there
awk 'BEGIN { print "indicator,date,value,city"
             for (c = 0; c < 200; c++) for (y = 2001; y <= 2005; y++)
                 printf "talent.hkmo_professionals,%d,%d,city%03d\n", y, c + y, c }' > many.csv
command -v script >/dev/null || { echo "SKIP: script (util-linux) missing"; exit 77; }
script -qec "'$BAYTRACK' load many.csv" /dev/null > tty.out
grep -q '\[########################################\] 100% (199/200 series)\|% (' tty.out || fail "no progress bar on a terminal"
grep -q 'many.csv: 1000 rows (long layout): 0 added, 0 revised, 1000 unchanged\|many.csv: 1000 rows (long layout): 1000 added' tty.out || fail "summary after the bar"
run load many.csv
expect_eq "$(cat "$T/err")" "" "no progress bar when stderr is not a terminal"
script -qec "'$BAYTRACK' load --quiet many.csv" /dev/null > tty.out
expect_eq "$(cat tty.out)" "" "no progress bar with --quiet"
finish
