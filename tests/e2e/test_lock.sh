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
# loads and collects at once, with a reader all the while: nothing lost,
# and the reader never sees a file it cannot read
mkdir -p s1/incoming s2/incoming
for y in 2011 2012 2013; do
    printf 'indicator,date,value\nscience.provincial_labs,%s,%s\n' $y ${y#20} > s1/incoming/y$y.csv
done
for y in 2014 2015 2016; do
    printf 'indicator,date,value\nscience.provincial_labs,%s,%s\n' $y ${y#20} > s2/incoming/y$y.csv
done
touch -d '1 minute ago' s1/incoming/* s2/incoming/*
(
    while [ ! -e "$T/stop" ]; do
        "$BAYTRACK" export science.provincial_labs > "$T/read.csv" 2>"$T/read.err" ||
            { echo "reader failed: $(cat "$T/read.err")"; break; }
        sed 1d "$T/read.csv" | grep -qv '^science.provincial_labs,20[0-9][0-9],[0-9]*$' &&
            { echo "reader saw: $(cat "$T/read.csv")"; break; }
    done > "$T/reader.log"
) &
reader=$!
"$BAYTRACK" collect --wait 30 s1 & writers=$!
"$BAYTRACK" collect --wait 30 s2 & writers="$writers $!"
for y in 2017 2018 2019 2020; do
    printf 'indicator,date,value\nscience.provincial_labs,%s,%s\n' $y ${y#20} > z$y.csv
    "$BAYTRACK" load -q --wait 30 z$y.csv & writers="$writers $!"
done
for p in $writers; do wait $p || fail "a writer failed"; done
touch "$T/stop"
wait $reader || true # its status is its last check's
expect_eq "$(cat "$T/reader.log")" "" "the reader always read whole files"
run export science.provincial_labs
expect_eq "$(sed 1d "$T/out" | cut -d, -f2 | tr '\n' ' ')" "2001 2002 2003 2004 2005 2006 2007 2008 2011 2012 2013 2014 2015 2016 2017 2018 2019 2020 " "loads and collects at once lose nothing"
# a reader holds .commit only while it reads: an export whose output
# waits on a slow pipe does not hold back a load's commit
awk 'BEGIN { print "indicator,date,value,city"
             for (c = 0; c < 100; c++) for (d = 0; d < 60; d++)
                 printf "talent.hkmo_professionals,%s,%d,c%03d\n", strftime("%Y-%m-%d", 1577836800 + d * 86400, 1), d + c, c }' > many.csv
"$BAYTRACK" load -q many.csv
printf 'indicator,date,value\nscience.provincial_labs,2021,21\n' > late.csv
rm -f "$T/fifo"; mkfifo "$T/fifo"
"$BAYTRACK" export --all talent.hkmo_professionals > "$T/fifo" & slow=$!
exec 3< "$T/fifo" # opened, not read: the export blocks once the pipe is full
sleep 1
run load --wait 2 late.csv
expect_eq "$RC" 0 "a load commits while an export waits to print"
cat <&3 > /dev/null; exec 3<&-
wait $slow || fail "the slow export failed"
finish
