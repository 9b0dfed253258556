# Every class of bad input: the exact message, exit code 65, and the
# database exactly as it was (a rejected file is rejected whole).
. "$(dirname "$0")/lib.sh"
cd "$T"
"$BAYTRACK" load -q "$SRC/datasets/seeds_soft_connectivity.csv"
before=$(db_sum)

# the good row comes first each time: it must not be written either
G='talent.hkmo_professionals,2026,9000\n'
H='indicator,date,value\n'

refused unknown "$H$G"'no.such,2024,1\n' "unknown.csv:3:1: unknown indicator 'no.such'
unknown.csv: rejected: 1 of 2 rows have problems; nothing written"
refused number "$H$G"'legal.gba_lawyers,2024,12x\n' "number.csv:3:3: value '12x': not a number
number.csv: rejected: 1 of 2 rows have problems; nothing written"
refused separators "$H$G"'legal.gba_lawyers,2024,"1,18"\n' "separators.csv:3:3: value '1,18': bad thousands separator
separators.csv: rejected: 1 of 2 rows have problems; nothing written"
refused date "$H$G"'legal.gba_lawyers,Juin 2024,1\n' "date.csv:3:2: date 'Juin 2024': not a date or period
date.csv: rejected: 1 of 2 rows have problems; nothing written"
refused impossible "$H$G"'legal.gba_lawyers,2023-02-29,1\n' "impossible.csv:3:2: date '2023-02-29': impossible date
impossible.csv: rejected: 1 of 2 rows have problems; nothing written"
refused columns "$H$G"'legal.gba_lawyers,2024\n' "columns.csv:3:3: expected 3 fields, found 2
columns.csv: rejected: 1 of 2 rows have problems; nothing written"
refused quote "$H$G"'legal.gba_lawyers,2024,"5\nlegal.gba_lawyers,2025,6\n' "quote.csv:3:3: unterminated quoted field
quote.csv: rejected: 0 of 1 rows have problems; nothing written"
refused duplicate "$H$G"'legal.gba_lawyers,2024,5\nlegal.gba_lawyers,2024,6\n' "duplicate.csv:4:3: conflicting duplicate: 'legal.gba_lawyers' for 2024-12-31 is 6 here but 5 on line 3
duplicate.csv: rejected: 1 of 3 rows have problems; nothing written"
refused overflow "$H$G"'legal.gba_lawyers,2024,1e400\n' "overflow.csv:3:3: value '1e400': number is out of range (beyond ±1e303)
overflow.csv: rejected: 1 of 2 rows have problems; nothing written"
refused nan "$H$G"'legal.gba_lawyers,2024,nan\n' "nan.csv:3:3: value 'nan': not a number
nan.csv: rejected: 1 of 2 rows have problems; nothing written"
refused traversal "$H$G"'../../etc/passwd,2024,1\n' "traversal.csv:3:1: unknown indicator '../../etc/passwd'
traversal.csv: rejected: 1 of 2 rows have problems; nothing written"
refused control "indicator,date,value,city\n"'legal.gba_lawyers,2024,1,"a\tb"\n' "control.csv:2:4: city 'a\\tb' contains a control character
control.csv: rejected: 1 of 1 rows have problems; nothing written"
refused layout 'when,how much\n2024,1\n' "layout.csv:1:1: unknown layout: the header should be 'indicator,date,value' (long), 'indicator,PERIOD,...' (wide), SDMX-CSV (STRUCTURE,... or DATAFLOW,...) or an NBS export (数据库：...), or give a mapping with --map
layout.csv: rejected: no data rows could be read; nothing written"
refused utf16 '\377\376i\000n\000' "utf16.csv:1:1: file is UTF-16; save it as UTF-8
utf16.csv: rejected: no data rows could be read; nothing written"
refused binary "$H"'a\000b\n' "binary.csv:2:2: NUL byte: a binary or UTF-16 file, not CSV text
binary.csv: rejected: no data rows could be read; nothing written"
refused empty '' "empty.csv:1: file is empty: no header
empty.csv: rejected: no data rows could be read; nothing written"

# control characters quoted from the input are escaped, so that every
# message is one line of safe text: no terminal escape sequence (ESC, BEL,
# the C1 CSI U+009B), no line break; Chinese text is kept as it is
no_controls() { # FILE WHAT: no C0 but the line ends, no DEL, no C1
    if od -An -tx1 -v "$1" | tr ' ' '\n' | grep -qxE '0[0-9b-f]|1[0-9a-f]|7f'; then
        fail "$2: a control byte in the message"
    fi
    if LC_ALL=C grep -q "$(printf '\302[\200-\237]')" "$1"; then
        fail "$2: a C1 control character in the message"
    fi
}
printf 'indicator,date,value,kind\nlegal.gba_lawyers,2001,1,\033]0;PWNED\007\033[31mred\n' > esc.csv
printf '\033[2Jt.y,2001,1,a\nlegal.gba_lawyers,2002,\033[2Jx,a\n' >> esc.csv
printf 'legal.gba_lawyers,2003,1,"中\nb\302\233\177"\n' >> esc.csv
run load esc.csv
expect_eq "$RC" 65 "escapes: exit code"
no_controls "$T/err" "escapes: load"
expect_eq "$(cat "$T/err")" "esc.csv:2:4: kind '\\x1b]0;PWNED\\x07\\x1b[31mred' contains a control character
esc.csv:3:1: unknown indicator '\\x1b[2Jt.y'
esc.csv:4:3: value '\\x1b[2Jx': not a number
esc.csv:5:4: kind '中\\nb\\x9b\\x7f' contains a control character
esc.csv: rejected: 4 of 4 rows have problems; nothing written" "escapes: message"
expect_eq "$(db_sum)" "$before" "escapes: database unchanged"
mkdir -p spool/incoming
cp esc.csv spool/incoming/
touch -d '1 minute ago' spool/incoming/esc.csv
run collect spool
expect_eq "$RC" 1 "escapes: collect fails the file"
no_controls "$T/err" "escapes: collect stderr"
no_controls spool/failed/esc.err "escapes: failed/esc.err"
grep -qF "esc.csv:3:1: unknown indicator '\\x1b[2Jt.y'" spool/failed/esc.err ||
    fail "escapes: failed/esc.err: $(cat spool/failed/esc.err)"

# several problems are all reported, in line order
refused many "$H"'no.such,2024,1\nlegal.gba_lawyers,2024,x\nlegal.gba_lawyers,2024-13,1\n' "many.csv:2:1: unknown indicator 'no.such'
many.csv:3:3: value 'x': not a number
many.csv:4:2: date '2024-13': impossible date
many.csv: rejected: 3 of 3 rows have problems; nothing written"

# a dimension value that looks like a path stays inside its directory
printf 'indicator,date,value,city\nlegal.gba_lawyers,2024,1,../../../escape\n' > path.csv
run load path.csv
expect_eq "$RC" 0 "a path-like dimension value loads"
[ -z "$(find "$T" -name '*escape*' ! -path "$BAYTRACK_DB/legal.gba_lawyers/*" ! -name path.csv)" ] ||
    fail "a file was written outside the series directory"
ls "$BAYTRACK_DB/legal.gba_lawyers/" | grep -qx 'city=..%2F..%2F..%2Fescape.rrd' || fail "escaped file name"

# a missing file, an unknown command, a bad option
run load nowhere.csv
expect_eq "$RC" 74 "missing file: exit code"
expect_eq "$(head -1 "$T/err")" "baytrack: load: cannot open 'nowhere.csv': No such file or directory" "missing file: message"
# a mapped table: the row's dimensions and a value's fixed ones are
# counted and measured together, at the value's cell, before anything is
# written (16 and one more crashed; a name too long wedged the database)
before=$(db_sum)
{ printf 'Year'; for i in $(seq 0 15); do printf ',C%d' $i; done; printf ',Value\n2024'
  for i in $(seq 0 15); do printf ',v%d' $i; done; printf ',5\n'; } > wide16.csv
{ printf 'time year=Year\nindicator legal.gba_lawyers\n'
  for i in $(seq 0 15); do printf 'dimension c%d C%d\n' $i $i; done
  printf 'value Value f0=1\n'; } > wide16.map
run load --map wide16.map wide16.csv
expect_eq "$RC:$(head -1 "$T/err")" "65:wide16.csv:2:18: more than 16 dimensions filled in one row; a mapping's 'ignore COLUMN' leaves one out (docs/mapping.md)" \
    "16 dimensions and a fixed one: refused at the value's cell"
printf 'Year,A,Value\n2024,%s,5\n' "$(printf 'a%.0s' $(seq 200))" > longname.csv
printf 'time year=Year\nindicator legal.gba_lawyers\ndimension a A\nvalue Value zz=%s\n' "$(printf 'z%.0s' $(seq 60))" > longname.map
run load --map longname.map longname.csv
expect_eq "$RC:$(head -1 "$T/err")" "65:longname.csv:2:3: the dimensions make a series file name of 266 bytes, more than 249 ('/', '%', '=', '+' and control characters take 3 bytes each)" \
    "a fixed dimension making the name too long: refused at the value's cell"
expect_eq "$(db_sum)" "$before" "the database is as it was"
run load "$SRC/datasets/seeds_soft_connectivity.csv"
expect_eq "$RC" 0 "and loads go on"

run frobnicate
expect_eq "$RC" 64 "unknown command: exit code"
run load --bogus x.csv
expect_eq "$RC" 64 "unknown option: exit code"
finish
