#!/usr/bin/env python3
"""A synthetic record-typed statistical table, in the shape the Census and
Statistics Department's tables are downloaded as CSV (see docs/mapping.md,
"A record-typed table"). The figures are made up: the file is synthetic.

  gen_synthetic_record_table.py table SEED   the table on stdout (CRLF)
  gen_synthetic_record_table.py expected FILE
      the observations FILE holds, as sorted lines
      "industry|date|value|flag", computed with Python's csv module and
      nothing of baytrack's; the flag is a value's remarks: the one the
      Period row gives its column ((a), provisional) and its own cell's
      ((b), revised), joined by a space

The shape: a DataType first column whose rows are Table, Unit, Period,
Value, [12.2] (the percentage change after each value row) and Footnote;
the row titles over Title1..Title5 (a total row, then its parts with
Title2 filled, then their parts with Title3 filled); each period column
followed by a remark column; the Period row repeating the remark (a) over
the provisional years; N.A. for missing; a blank line before the notes.
"""
import csv
import io
import random
import sys

YEARS = [2018, 2019, 2020, 2021, 2022, 2023]
PROVISIONAL = {2022, 2023}
# (level, title): level 1 is Title1
ROWS = [
    (1, "All industries"),
    (2, "Manufacturing"),
    (3, "Male"), (3, "Female"),
    (2, "Construction"),
    (3, "Male"), (3, "Female"),
    (2, "Import/export, wholesale and retail trades"),
    (3, "Import/export trade"),
    (4, "Male"), (4, "Female"),
    (3, "Wholesale and retail trades"),
    (2, "Accommodation and food services"),
]


def table(seed):
    rnd = random.Random(seed)
    width = 6 + 2 * len(YEARS)
    out = io.StringIO()
    w = csv.writer(out, lineterminator="\r\n")
    pad = lambda cells: cells + [""] * (width - len(cells))
    w.writerow(pad(["DataType", "Title1", "Title2", "Title3", "Title4", "Title5"]))
    w.writerow(pad(["Table", "Table 999-99901 : Employed persons by industry "
                    "and sex (synthetic figures)"]))
    w.writerow(pad(["Unit", "Number ('000)"]))
    period = ["Period", "", "", "", "", ""]
    for y in YEARS:
        period += [str(y), "(a)" if y in PROVISIONAL else ""]
    w.writerow(period)
    for level, title in ROWS:
        titles = [""] * 5
        titles[level - 1] = title
        values, changes = [], []
        prev = None
        for y in YEARS:
            if rnd.random() < 0.1:
                values += ["N.A.", ""]
                changes += ["N.A.", ""]
                prev = None
                continue
            v = round(rnd.uniform(5, 4000) / level, 1)
            values += [f"{v:,.1f}", "(b)" if rnd.random() < 0.1 else ""]
            changes += [f"{(v / prev - 1) * 100:.1f}" if prev else "N.A.", ""]
            prev = v
        w.writerow(["Value"] + titles + values)
        w.writerow(["[12.2]"] + [""] * 5 + changes)
    out.write("\r\n")
    w.writerow(pad(["Footnote", "(a) Provisional figures."]))
    w.writerow(pad(["Footnote", "(b) Revised figures."]))
    w.writerow(pad(["Footnote", "N.A. Not applicable."]))
    sys.stdout.write(out.getvalue())


def expected(path):
    with open(path, newline="", encoding="utf-8") as f:
        rows = list(csv.reader(f))
    header = next(r for r in rows if r and r[0] == "Period")
    titles = [""] * 5
    out = []
    for r in rows:
        if not r or r[0] != "Value":
            continue
        filled = [i for i in range(5) if r[1 + i].strip()]
        deepest = filled[-1]
        for i in range(5):
            if i in filled:
                titles[i] = r[1 + i].strip()
            elif i > deepest:
                titles[i] = ""
        path_ = " / ".join(t for t in titles[:deepest + 1] if t)
        for c in range(6, len(header), 2):
            cell = r[c].strip()
            if cell == "N.A.":
                continue
            # in thousands: a tenth of a thousand is 100, exactly
            value = int(round(float(cell.replace(",", "")) * 10)) * 100
            flag = " ".join(x for x in (header[c + 1].strip(), r[c + 1].strip()) if x)
            out.append(f"{path_}|{header[c]}-12-31|{value}|{flag}")
    print("\n".join(sorted(out)))


if __name__ == "__main__":
    if sys.argv[1] == "table":
        table(int(sys.argv[2]))
    else:
        expected(sys.argv[2])
