# The full Immigration Department file (56,424 rows) loads through the
# shipped mapping and reads back exactly: per indicator, the count and sum
# of the values rrdtool fetch returns equal what awk computes from the
# published CSV. Skipped (77) where the shared data is not present.
. "$(dirname "$0")/lib.sh"
FULL="$SRC/../shared/data/immd/statistics_on_daily_passenger_traffic.csv"
[ -f "$FULL" ] || { echo "SKIP: $FULL not present"; exit 77; }

start=$(date +%s.%N)
run load --map "$SRC/datasets/immd_passenger_traffic.map" "$FULL"
end=$(date +%s.%N)
expect_eq "$RC" 0 "full load exits 0"
expect_eq "$(sed 's|.*: 56424|56424|' "$T/out")" "56424 rows (mapped layout): 225696 added, 0 revised, 0 unchanged, 0 missing, 0 rejected" "full load summary"
awk -v a="$start" -v b="$end" 'BEGIN { printf "full IMMD load: %.2f s\n", b - a }' >&2

# independent sums: columns 4..7 of the published file
awk -F, 'NR > 1 { n++; for (c = 4; c <= 7; c++) s[c] += $c }
         END { printf "hk_residents %d %.0f\nmainland_visitors %d %.0f\nother_visitors %d %.0f\ntotal %d %.0f\n",
               n, s[4], n, s[5], n, s[6], n, s[7] }' "$FULL" > "$T/want"

# read back with the stock rrdtool CLI, 2021-01-01 .. 2026-03-09
for ind in hk_residents mainland_visitors other_visitors total; do
    for f in "$BAYTRACK_DB/immd.passengers.$ind"/*.rrd; do
        rrdtool fetch "$f" LAST -s 1609372800 -e 1773014400
    done | awk -v ind="$ind" '/^[0-9]+: / && $2 != "nan" && $2 != "-nan" { n++; s += $2 }
                              END { printf "%s %d %.0f\n", ind, n, s }'
done > "$T/got"
expect_eq "$(cat "$T/got")" "$(cat "$T/want")" "rrdtool reads back every count"
cat "$T/got" >&2

# 14 control points over the years, Macau and Macao as one; 2 directions
expect_eq "$(ls "$BAYTRACK_DB/immd.passengers.total" | wc -l)" 32 "series files (16 control points x 2)"

# a second load of the same file changes no byte
before=$(db_sum)
run load --map "$SRC/datasets/immd_passenger_traffic.map" "$FULL"
expect_eq "$(sed 's|.*: 56424|56424|' "$T/out")" "56424 rows (mapped layout): 0 added, 0 revised, 225696 unchanged, 0 missing, 0 rejected" "full reload summary"
expect_eq "$(db_sum)" "$before" "full reload changes no byte"
finish
