# Whatever load accepts, export --all --annotated gives back and a reload
# keeps: dimensions named like the long layout's own columns are refused at
# their header cell (issue 18, finding 5), hostile names and values that
# are accepted come back byte for byte (test_roundtrip_generated.sh tries
# many random files the same way).
. "$(dirname "$0")/lib.sh"
cd "$T"
"$BAYTRACK" load -q "$SRC/datasets/seeds_soft_connectivity.csv"
before=$(db_sum)

R='legal.gba_lawyers,2024,1,x\n'
# every column of the long layout, spelled so that it would name a dimension
for h in Flag NOTE Source URL Quote Published Outlet Unit Indicator Date \
         Value _flag '"note "' '"Unit."' flag_ 'Date:'; do
    name=$(printf '%s' "$h" | tr -d '"' | tr 'A-Z' 'a-z' | tr -dc 'a-z')
    shown=$(printf '%s' "$h" | tr -d '"')
    refused "dim_$name" "indicator,date,value,$h\n$R" \
"dim_$name.csv:1:4: dimension column '$shown' would be named '$name', the name of a column of the long layout: rename it, or write '$name' to make it that column
dim_$name.csv: rejected: no data rows could be read; nothing written"
done
refused dim_later "indicator,date,value,city,Flag\nlegal.gba_lawyers,2024,1,a,x\n" \
"dim_later.csv:1:5: dimension column 'Flag' would be named 'flag', the name of a column of the long layout: rename it, or write 'flag' to make it that column
dim_later.csv: rejected: no data rows could be read; nothing written"
# a column of the long layout given twice is not one of them silently
refused twice_flag "indicator,date,value,flag,flag\nlegal.gba_lawyers,2024,1,x,y\n" \
"twice_flag.csv:1:5: column 'flag' appears twice
twice_flag.csv: rejected: no data rows could be read; nothing written"
refused twice_indicator "indicator,date,value,indicator\n$R" \
"twice_indicator.csv:1:4: column 'indicator' appears twice
twice_indicator.csv: rejected: no data rows could be read; nothing written"

# a mapping cannot name a dimension so either, as a column or fixed
printf 'Year,Place,Value\n2024,x,1\n' > mapped.csv
for m in 'dimension note Place' 'value Value unit=x'; do
    printf 'indicator legal.gba_lawyers\ntime Year\n%s\n' "$m" > mapped.map
    [ "${m#value}" = "$m" ] && echo 'value Value' >> mapped.map
    run load mapped.csv
    expect_eq "$RC" 65 "mapping '$m': exit code"
    case $m in dimension*) col=11 ;; *) col=13 ;; esac
    expect_eq "$(cat "$T/err")" "mapped.map:3:$col: the long layout has a column of this name: an export would read the dimension back as that column
mapped.csv: rejected: its mapping is not valid; nothing written" "mapping '$m': message"
    expect_eq "$(db_sum)" "$before" "mapping '$m': database unchanged"
done

# names close to the reserved ones, and hostile values, are dimensions
# that come back as they were
cat > hostile.csv <<'CSV'
indicator,date,value,flag,note,source,Flags,Notes,unit_price,source id,City
legal.gba_lawyers,2024,1,"p, r","a ""note""",src,"x,y"," lead",".hidden",100%,深圳/前海
legal.gba_lawyers,2023,2.5,,,,"x,y"," lead",".hidden",100%,"a=b+c"
legal.gba_lawyers,2022,-3e-7,#,,,=,'q',a/b,+1,"trail "
CSV
run load hostile.csv
expect_eq "$RC" 0 "hostile names and values load: $(cat "$T/err")"
"$BAYTRACK" export --all --annotated legal.gba_lawyers > hostile.export
expect_eq "$(head -1 hostile.export)" \
    "indicator,date,value,unit,flag,note,source,city,flags,notes,source_id,unit_price" \
    "export header: the reserved columns from the table, then the dimensions"
BAYTRACK_DB="$T/db2" run load hostile.export
expect_eq "$RC" 0 "the export loads into an empty database: $(cat "$T/err")"
BAYTRACK_DB="$T/db2" "$BAYTRACK" export --all --annotated legal.gba_lawyers > again.export
expect_eq "$(cat again.export)" "$(cat hostile.export)" "export, reload, export: the same bytes"
grep -qxF "legal.gba_lawyers,2022-12,-0.0000003,people,#,,,\"trail \",=,'q',+1,a/b" hostile.export ||
    fail "a hostile row exports as it was: $(grep 2022 hostile.export)"

# a flag or note with a tab at an edge is quoted, since reading trims it
printf 'indicator,date,value,flag,note\nlegal.gba_lawyers,2021-03,1,"\tx","y\t"\n' > tabs.csv
BAYTRACK_DB="$T/db3" run load tabs.csv
expect_eq "$RC" 0 "edge tabs load: $(cat "$T/err")"
BAYTRACK_DB="$T/db3" run export --annotated legal.gba_lawyers
expect_eq "$(sed -n 2p "$T/out")" "$(printf 'legal.gba_lawyers,2021-03,1,people,"\tx","y\t",')" \
    "edge tabs are kept in the flags file and quoted in the export"
# a series file name of 250 bytes is refused while the file is read (its
# flags file's name, 2 bytes longer, could not exist); 249 bytes load,
# export and reload unchanged
a=$(printf 'x%.0s' $(seq 200)) b=$(printf 'y%.0s' $(seq 45))
printf 'indicator,date,value,a,b\nlegal.gba_lawyers,2024-01,1,%s,%s\n' "$a" "$b" > long.csv
BAYTRACK_DB="$T/db4" run load long.csv
expect_eq "$RC:$(head -1 "$T/err")" "65:long.csv:2:5: the dimensions make a series file name of 250 bytes, more than 249 ('/', '%', '=', '+' and control characters take 3 bytes each)" "a 250-byte series name is refused"
b=$(printf 'y%.0s' $(seq 44))
printf 'indicator,date,value,a,b\nlegal.gba_lawyers,2024-01,1,%s,%s\n' "$a" "$b" > long.csv
BAYTRACK_DB="$T/db4" run load long.csv
expect_eq "$RC" 0 "a 249-byte series name loads: $(cat "$T/err")"
BAYTRACK_DB="$T/db4" run export legal.gba_lawyers
expect_eq "$RC:$(cat "$T/err")" "0:" "a 249-byte series name exports"
expect_eq "$(cat "$T/out")" "$(cat long.csv)" "... as it was loaded"
BAYTRACK_DB="$T/db4" run load long.csv
expect_eq "$(cat "$T/out")" "long.csv: 1 rows (long layout): 0 added, 0 revised, 1 unchanged, 0 missing, 0 rejected" \
    "... and reloads unchanged: $(cat "$T/err")"
finish
