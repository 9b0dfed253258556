#!/usr/bin/env python3
"""Writes small synthetic SDMX-CSV files (made-up figures, named
synthetic) into DIR, each in a form a publisher writes:

  synthetic_eurostat_sdmx1.csv   SDMX-CSV 1.0 as Eurostat's API writes it:
      DATAFLOW,LAST UPDATE,freq,unit,geo,TIME_PERIOD,OBS_VALUE,OBS_FLAG,
      CONF_STATUS, flags e b p u and be, ':' values, confidential cells
      empty with CONF_STATUS C (yearly)
  synthetic_eurostat_sdmx1_labels.csv  the same with Eurostat's labels: a
      label column after each code column ("freq,Time frequency,...")
  synthetic_sdmx2_coded.csv      SDMX-CSV 2.0 with labels=both: headers
      "ID: Name", cells "CODE: Label", UNIT_MULT 3, 6 and -2, OBS_STATUS,
      OBS_COMMENT, an INDICATOR dimension, NaN (quarterly)
  synthetic_sdmx2_periods.csv    SDMX-CSV 2.0 without labels: every
      TIME_PERIOD form (2024-W05, 2024-D060, 2024-S1, 2024-T2, 2024-A1,
      2024-M03, 2024-Q4, 2024-02-29T12:00:00 ...), for a daily indicator
  synthetic_sdg_sdmx1.csv        SDMX-CSV 1.0 as the UN SDG database
      (DF_SDG_GLH) writes it: 15 dimensions filled in every row, most of
      them _T or _Z, UNIT_MULT 3 and attributes after OBS_VALUE (yearly)
  synthetic_sdmx2_insert.csv     four observations, two flagged P
  synthetic_sdmx2_delete.csv     ACTION D for one of them and for one never
      stored, R (a revision) for another

usage: gen_synthetic.py DIR"""
import os
import random
import sys

out = sys.argv[1]
rnd = random.Random(19)


def write(name, lines):
    with open(os.path.join(out, name), "w", encoding="utf-8", newline="") as f:
        f.write("\r\n".join(lines) + "\r\n")


def eurostat():
    lines = ["DATAFLOW,LAST UPDATE,freq,unit,geo,TIME_PERIOD,OBS_VALUE,"
             "OBS_FLAG,CONF_STATUS"]
    flags = ["", "", "", "e", "b", "p", "u", "be"]
    for geo in ("XA1", "XA2", "XB"):
        for year in range(2012, 2024):
            value = "%.1f" % rnd.uniform(100, 99999)
            flag, conf = rnd.choice(flags), ""
            r = rnd.random()
            if r < 0.08:
                value, conf = "", "C"          # confidential
            elif r < 0.14:
                value = ":"                    # not available
            elif r < 0.2:
                conf = "F"                     # free for publication
            lines.append("ESTAT:SYNTH_D2JAN(1.0),21/03/24 23:00:00,A,NR,%s,"
                         "%d,%s,%s,%s" % (geo, year, value, flag, conf))
    return lines


def eurostat_labels(lines):
    """lines with a label column after each code column, as Eurostat's
    data browser writes SDMX-CSV 1.0 with labels."""
    labels = {"freq": "Time frequency", "unit": "Unit of measure",
              "geo": "Geopolitical entity (reporting)", "TIME_PERIOD": "Time",
              "OBS_VALUE": "Observation value",
              "OBS_FLAG": "Observation status (Flag) V2 structure",
              "CONF_STATUS": "Confidentiality status (flag)"}
    words = {"A": "Annual", "NR": "Number", "XA1": "Area one", "XA2": "Area two",
             "XB": "Area B", "e": "estimated", "b": "break in time series",
             "p": "provisional", "u": "low reliability", "be": "", "C": "Confidential",
             "F": "Free"}
    head = lines[0].split(",")
    out = [",".join(sum(([h, labels[h]] if h in labels else [h] for h in head), []))]
    for line in lines[1:]:
        cells = line.split(",")
        row = []
        for h, c in zip(head, cells):
            row.append(c)
            if h in labels:
                row.append("" if h in ("TIME_PERIOD", "OBS_VALUE") else words.get(c, ""))
        out.append(",".join(row))
    return out


def coded():
    lines = ["STRUCTURE,STRUCTURE_ID,STRUCTURE_NAME,ACTION,FREQ: Frequency,"
             "REF_AREA: Reference area,INDICATOR: Indicator,TIME_PERIOD: Time,"
             "OBS_VALUE,UNIT_MULT: Unit multiplier,OBS_STATUS: Observation status,"
             "OBS_COMMENT: Comment,DECIMALS: Decimals"]
    areas = [("HK", "Hong Kong"), ("MO", "Macao"), ("GD", "Guangdong")]
    mults = [("3", "Thousands"), ("6", "Millions"), ("-2", "Hundredths"),
             ("", "")]
    statuses = [("A", "Normal value"), ("E", "Estimated value"),
                ("P", "Provisional value")]
    for code, label in areas:
        for year in (2022, 2023):
            for q in range(1, 5):
                m, mlabel = rnd.choice(mults)
                s, slabel = rnd.choice(statuses)
                value = "%.3f" % rnd.uniform(1, 9999)
                if rnd.random() < 0.1:
                    value = "NaN"
                comment = "synthetic note %d" % rnd.randrange(100) if rnd.random() < 0.3 else ""
                lines.append(
                    'dataflow,SYNTH:DF_TRADE(1.0),"Synthetic trade, quarterly",I,'
                    'Q: Quarterly,%s: %s,TRD: Trade,%d-Q%d,%s,%s,%s,%s,1: One' % (
                        code, label, year, q, value,
                        "%s: %s" % (m, mlabel) if m else "",
                        "%s: %s" % (s, slabel), comment))
    return lines


def periods():
    lines = ["STRUCTURE,STRUCTURE_ID,ACTION,SERIES,TIME_PERIOD,OBS_VALUE"]
    forms = ["2024-W05", "2024-D060", "2024-S1", "2024-T2", "2024-A1",
             "2024-M03", "2024-Q4", "2024-02-29T12:00:00", "2023-W52",
             "2020-W53", "2024-07", "2024-08-15", "2019"]
    for i, p in enumerate(forms):
        lines.append("dataflow,SYNTH:DF_DAYS(1.0),,S%02d,%s,%d" % (i, p, i + 1))
    return lines


def sdg():
    dims = ["REPORTING_TYPE", "SERIES", "REF_AREA", "SEX", "AGE", "URBANISATION",
            "INCOME_WEALTH_QUANTILE", "EDUCATION_LEV", "OCCUPATION",
            "CUST_BREAKDOWN", "COMPOSITE_BREAKDOWN", "DISABILITY_STATUS",
            "ACTIVITY", "PRODUCT", "NATURE_OF_DATA"]
    lines = ["DATAFLOW,FREQ," + ",".join(dims) + ",TIME_PERIOD,OBS_VALUE,"
             "UPPER_BOUND,LOWER_BOUND,UNIT_MULT,UNIT_MEASURE,NATURE,"
             "SOURCE_DETAIL,FOOT_NOTE,OBS_STATUS"]
    for area in ("344", "446", "156"):
        for sex in ("_T", "F", "M"):
            for year in range(2020, 2024):
                value = "%.1f" % rnd.uniform(100, 9999)
                cells = ["G", "SP_POP_TOTL", area, sex, "_T", "_T", "_T",
                         "_Z", "_Z", "_Z", "_Z", "_Z", "_Z", "_Z", "C"]
                lines.append("IAEG-SDGs:DF_SDG_GLH(1.17),A," + ",".join(cells) +
                             ',%d,%s,,,3,NUMBER,C,"UN DESA, synthetic",,A' % (year, value))
    return lines


def insert():
    return ["STRUCTURE,STRUCTURE_ID,ACTION,REF_AREA,TIME_PERIOD,OBS_VALUE,OBS_STATUS",
            "dataflow,SYNTH:DF_D(1.0),I,HK,2021,0.5,",
            "dataflow,SYNTH:DF_D(1.0),I,HK,2022,1.5,P",
            "dataflow,SYNTH:DF_D(1.0),I,HK,2023,2.5,P",
            "dataflow,SYNTH:DF_D(1.0),I,MO,2022,7,"]


def delete():
    # HK 2022 deleted (its flag with it), HK 2023 revised, MO 2020 deleted
    # though never stored (nothing to do), MO 2022 kept
    return ["STRUCTURE,STRUCTURE_ID,ACTION,REF_AREA,TIME_PERIOD,OBS_VALUE,OBS_STATUS",
            "dataflow,SYNTH:DF_D(1.0),D,HK,2022,,",
            "dataflow,SYNTH:DF_D(1.0),R,HK,2023,2.75,",
            "dataflow,SYNTH:DF_D(1.0),D,MO,2020,,"]


estat = eurostat()
write("synthetic_eurostat_sdmx1.csv", estat)
write("synthetic_eurostat_sdmx1_labels.csv", eurostat_labels(estat))
write("synthetic_sdmx2_coded.csv", coded())
write("synthetic_sdmx2_periods.csv", periods())
write("synthetic_sdg_sdmx1.csv", sdg())
write("synthetic_sdmx2_insert.csv", insert())
write("synthetic_sdmx2_delete.csv", delete())
