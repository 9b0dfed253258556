# Links and FIFOs planted where baytrack writes or reads on its own: the
# report's directory (its .tmp/ is emptied, its files renamed into place)
# and the spool (incoming/, done/, failed/, rules). Nothing is followed,
# nothing outside is touched, and the run says which entry it refused.
. "$(dirname "$0")/lib.sh"
cd "$T"
H='indicator,date,value\n'
printf "$H"'legal.gba_lawyers,2024-01,5\n' > a.csv
run load a.csv
expect_eq "$RC" 0 "load"
mkdir precious && echo keep > precious/important.txt

# the report: a linked .tmp/ would be emptied, a linked data/ written into
mkdir site && ln -s "$T/precious" site/.tmp
run report -q -o site --as-of 2026-03-08
expect_eq "$RC" 74 "report: a linked .tmp/ refused"
expect_eq "$(grep -c 'site/.tmp. is a symbolic link' "$T/err")" 1 "report: a linked .tmp/: message"
expect_eq "$(ls precious)" "important.txt" "report: nothing removed through a linked .tmp/"
rm site/.tmp && ln -s "$T/precious" site/data
run report -q -o site --as-of 2026-03-08
expect_eq "$RC" 74 "report: a linked data/ refused"
expect_eq "$(ls precious)" "important.txt" "report: nothing written through a linked data/"

# the spool: a linked or FIFO file is left, unread; linked folders refused
S="$T/spool"
mkdir -p "$S/incoming" outside
printf 'secret data\n' > outside/secret.csv
ln -s "$T/outside/secret.csv" "$S/incoming/evil.csv"
mkfifo "$S/incoming/fifo.csv"
cp a.csv "$S/incoming/good.csv"
run collect --min-age 0 "$S"
expect_eq "$RC" 1 "collect: a link and a FIFO in incoming/ fail the run"
expect_eq "$(grep -c 'not a regular file' "$T/err")" 2 "collect: each said"
grep -q 'secret data' "$T/err" "$S"/failed/* 2>/dev/null && fail "collect: a linked file was read"
expect_eq "$(ls "$S/done")" "good.csv" "collect: the regular file loaded"
expect_eq "$(ls "$S/incoming" | tr "\n" " ")" "evil.csv fifo.csv " "collect: the others left where they were"
rm "$S/incoming/evil.csv" "$S/incoming/fifo.csv"
mv "$S/done" "$S/done.old" && mkdir elsewhere && ln -s "$T/elsewhere" "$S/done"
cp a.csv "$S/incoming/again.csv"
run collect --min-age 0 "$S"
expect_eq "$RC" 74 "collect: a linked done/ refused"
expect_eq "$(ls elsewhere | wc -l)" 0 "collect: nothing moved through a linked done/"
expect_eq "$(ls "$S/incoming")" "again.csv" "collect: the file waits in incoming/"
rm "$S/done" && mv "$S/done.old" "$S/done"
mkfifo "$S/rules"
run collect --min-age 0 "$S"
[ "$RC" != 0 ] || fail "collect: a FIFO as rules refused"
grep -q "is not a regular file" "$T/err" || fail "collect: a FIFO as rules: message ($(cat "$T/err"))"
finish
