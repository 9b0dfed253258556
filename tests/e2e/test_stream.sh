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
finish
