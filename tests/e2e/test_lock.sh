# Writers take the database lock: a held lock makes a load wait (--wait)
# or fail with exit 75; loads at once lose nothing.
. "$(dirname "$0")/lib.sh"
cd "$T"
mkdir -p "$BAYTRACK_DB"
printf 'indicator,date,value\nscience.joint_labs,2021,11\n' > a.csv

# hold the lock from outside for 2 seconds
flock "$BAYTRACK_DB/.lock" sleep 2 &
holder=$!
sleep 0.3
run load a.csv
expect_eq "$RC" 75 "locked: exit code"
expect_eq "$(cat "$T/err")" "baytrack: load: database '$BAYTRACK_DB' is locked by another writer; gave up after 0 s (see --wait)" "locked: message"
run load --wait 10 a.csv
expect_eq "$RC" 0 "--wait outlasts the holder"
wait $holder

# eight loads at once, each adding its own year: all eight arrive
for y in 2001 2002 2003 2004 2005 2006 2007 2008; do
    printf 'indicator,date,value\nscience.provincial_labs,%s,%s\n' $y ${y#200} > y$y.csv
    "$BAYTRACK" load -q --wait 30 y$y.csv &
done
wait
run export science.provincial_labs
expect_eq "$(sed 1d "$T/out" | tr '\n' ' ')" "science.provincial_labs,2001,1 science.provincial_labs,2002,2 science.provincial_labs,2003,3 science.provincial_labs,2004,4 science.provincial_labs,2005,5 science.provincial_labs,2006,6 science.provincial_labs,2007,7 science.provincial_labs,2008,8 " "concurrent loads lose nothing"
finish
