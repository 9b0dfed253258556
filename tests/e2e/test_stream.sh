# Input is read in pieces of 1 MiB (encoding.c, csv_read.c): files larger
# than a piece, with characters, lines and quoted fields cut at every
# boundary, read exactly as small ones; GB18030 is converted piece by
# piece; a bad byte far into the file is reported at its line and column.
. "$(dirname "$0")/lib.sh"
cd "$T"
# 60,000 rows, ~3 MiB, Chinese dimension values, some quoted with commas
awk 'BEGIN { print "indicator,date,value,city"
    split("广州 深圳 珠海 佛山 惠州 东莞 中山 江门 肇庆", c, " ")
    for (i = 0; i < 60000; i++) {
        city = c[i % 9 + 1] "市" (i % 7)
        if (i % 5 == 0) city = "\"" city ",区\""
        printf "talent.hkmo_professionals,%s,%d,%s\n", strftime("%Y-%m-%d", 946771200 + int(i / 63) * 86400, 1), i, city } }' > big.csv
lines=$(wc -l < big.csv)
iconv -f UTF-8 -t GB18030 big.csv > big_gb.csv
sed 's/$/\r/' big.csv | head -c -2 > big_crlf.csv # CRLF, no final line end
for f in big big_gb big_crlf; do
    run --db "$T/$f.db" load $f.csv
    expect_eq "$RC" 0 "$f loads"
    expect_eq "$(cat out)" "$f.csv: 60000 rows (long layout): 60000 added, 0 revised, 0 unchanged, 0 missing, 0 rejected" "$f: every row"
    "$BAYTRACK" --db "$T/$f.db" series > $f.series
    "$BAYTRACK" --db "$T/$f.db" export talent.hkmo_professionals --where 'city=深圳市3,区' > $f.export
done
expect_eq "$(wc -l < big.series)" 126 "126 series: 63 cities, each also quoted with a comma"
cmp -s big.series big_gb.series || fail "GB18030 read in pieces differs from UTF-8"
cmp -s big.export big_gb.export || fail "GB18030 export differs"
cmp -s big.series big_crlf.series || fail "CRLF read in pieces differs"
cmp -s big.export big_crlf.export || fail "CRLF export differs"
expect_eq "$(awk -F, 'NR > 1 { s += $3 } END { print NR - 1, s }' big.export)" \
    "$(awk -F, '/深圳市3,区/ { n++; s += $3 } END { print n, s }' big.csv)" "the values read back"
# a bad byte on the last line, past the first pieces
{ cat big.csv; printf 'talent.hkmo_professionals,2020-01-01,1,\377\n'; } > bad.csv
run load --encoding UTF-8 bad.csv
expect_eq "$RC" 65 "a bad byte is an input error"
expect_eq "$(head -1 err)" "bad.csv:$((lines + 1)):40: bytes are not valid UTF-8" "where the bad byte is"
# UTF-8 is checked as it is read, in one reading (encoding.h): what was
# read before a bad byte far into the file is void, its problems too. A
# file that turns out to be GB18030 after 3 MiB of ASCII is read again
# from its start, each problem said once, at its place
{ head -1 big.csv; echo 'no.such,2020-01-01,1,x'; tail -n +2 big_gb.csv; } > late_gb.csv
run load late_gb.csv
expect_eq "$RC" 65 "a bad row in a GB18030 file is an input error"
expect_eq "$(grep -c "unknown indicator" err)" 1 "the bad row said once"
expect_eq "$(head -1 err)" "late_gb.csv:2:1: unknown indicator 'no.such'" "the bad row, at its place"
# ... and loads whole, each row once, when it has no problem
{ awk 'BEGIN { print "indicator,date,value,city"
      for (i = 0; i < 65000; i++)
          printf "talent.hkmo_professionals,%s,%d,c%d\n", strftime("%Y-%m-%d", 946771200 + int(i / 5) * 86400, 1), i, i % 5 }'
  printf 'talent.hkmo_professionals,2020-01-01,7,深圳\n' | iconv -f UTF-8 -t GB18030; } > late_gb_ok.csv
run --db "$T/late_gb.db" load late_gb_ok.csv
expect_eq "$(cat out)" "late_gb_ok.csv: 65001 rows (long layout): 65001 added, 0 revised, 0 unchanged, 0 missing, 0 rejected" "a late GB18030 row: every row once"
# ... and, with conflicts, the second reading (which says where) too
{ cat late_gb_ok.csv; echo 'talent.hkmo_professionals,2000-01-02,1,c0'; } > late_gb_dup.csv
run --db "$T/late_gb.db" load late_gb_dup.csv
expect_eq "$(cat err)" "late_gb_dup.csv:65003:3: conflicting duplicate: 'talent.hkmo_professionals{city=c0}' for 2000-01-02 is 1 here but 0 on line 2
late_gb_dup.csv: rejected: 1 of 65002 rows have problems; nothing written" "a late GB18030 row: the conflict said once"
expect_eq "$("$BAYTRACK" --db "$T/late_gb.db" export talent.hkmo_professionals --where city=深圳 | tail -1)" \
    "talent.hkmo_professionals,2020-01-01,7,深圳" "the GB18030 row read back"
# a NUL far into the file: the only problem said, as when the bytes were
# checked before any row was read (the bad row, the unknown header too)
{ head -1 big.csv; echo 'no.such,2020-01-01,1,x'; tail -n +2 big.csv; printf 'a\000b\n'; } > late_nul.csv
{ echo 'what,ever'; tail -n +2 big.csv; printf 'a\000b\n'; } > late_nul_head.csv
for f in late_nul late_nul_head; do
    run load $f.csv
    expect_eq "$RC" 65 "$f: a NUL is an input error"
    expect_eq "$(grep -c '^[^:]*:[0-9]*:[0-9]*: ' err)" 1 "$f: one problem"
    expect_eq "$(grep -o 'NUL byte.*' err)" "NUL byte: a binary or UTF-16 file, not CSV text" "$f: the NUL"
done
expect_eq "$(head -1 err)" "late_nul_head.csv:$((lines + 1)):2: NUL byte: a binary or UTF-16 file, not CSV text" "where the NUL is"
finish
