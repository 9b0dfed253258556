"""baytrack's benchmark: side by side in one run, on SYNTHETIC data.

usage: python3 bench/bench.py [--quick] [--SECTION-only] [--build DIR] [--before BINARY]
  --quick    30 and 300 series only, 1 repeat (a smoke run)
  --report-only  the report section only (rewrites its part of docs/benchmarks.md)
  --append-only  the append section only (rewrites its part of docs/benchmarks.md)
  --readers-only the collect-beside-readers section only (the same)
  --size-only    the size section only (the same)
  --sdmx-only    the SDMX-CSV section only (the same)
  --load-only    the load section only, against the floor (the same; no pipe)
  --memory-only  the memory section only (the same)
  --breakdowns-only  the breakdowns section only (the same)
  --prev NAME=BINARY  an earlier build of baytrack (the current layout),
             measured beside this one on the appends (repeatable)
  --before   an older baytrack binary, measured beside this one on
             sizes, the report and the breakdowns; the report takes the
             catalogue and datasets/ of its source tree (BINARY's ../..)
Writes bench/out/ (the synthetic inputs and databases, not committed) and
docs/benchmarks.md; prints the same table. Times are medians of REPEAT runs
(wall clock), memory is each process's peak RSS (wait4).

What runs:
  load     N series x 3650 days, long layout: baytrack load (parsing,
           validation, durable commit) / bench/floor.c (librrd batch update
           of the same values, nothing else) / `rrdtool -` pipe mode with one
           update per line (once: it is slow)
  revise   1 % of the old values changed and a week of new days per series,
           on a copy of the freshly loaded database, against the fresh load
  append   the nightly job: one new day for N = 300 and 3,000 daily series
           with 1 and 10 years of history, on copies of one database:
           baytrack load (in place, journalled, synced) / the same on one
           CPU (taskset -c 0: the appends in one process) / the same through a
           local rrdcached (unix socket, -j journal; baytrack writes the
           files, synced, the daemon is asked once) / bench/floor.c (one rrd_updatex_r per
           file) / `rrdtool -` (one update a line) / the same pipe and one
           syncfs (the durable floor)
  readers  a collect of six nightly files for 300 daily series, alone and
           beside two readers looping (export --all, status): the writer
           is not starved (DB/.gate)
  memory   the peak RSS of loading 3,000 series x 3,650 days (11 M rows)
  size     30,000 daily series of 30 days and a yearly series of 20 years:
           load time and disk use, beside --before
  sdmx     300 series x 3,650 days as SDMX-CSV 2.0 (as export writes it, and
           with labels as the .Stat Suite writes it) against the same
           observations in the long layout: load and --dry-run, rows per
           second of CPU time and peak RSS
  breakdowns  `status --by` over 3,000 breakdowns of one indicator against
           its total; the site of 100 yearly indicators x 30 breakdowns per
           chart against the same indicators without breakdowns, --before's
           and one `rrdtool graph` of one file per chart
  report   the site (3 languages) per chart / one rrdtool graph per series:
           100 yearly indicators, 20 daily ones of 3,650 days; and the real
           datasets/ with the shipped catalogue (and --before's, one language)
"""
import os
import shutil
import statistics
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "bench", "out")
QUICK = "--quick" in sys.argv
BUILD = sys.argv[sys.argv.index("--build") + 1] if "--build" in sys.argv else os.path.join(ROOT, "build")
BAYTRACK = os.path.join(BUILD, "baytrack")
BEFORE = sys.argv[sys.argv.index("--before") + 1] if "--before" in sys.argv else None
# earlier builds of the current layout, beside this one on the appends
PREV = [tuple(sys.argv[i + 1].split("=", 1)) for i, a in enumerate(sys.argv) if a == "--prev"]
FLOOR = os.path.join(OUT, "floor")
REPEAT = 1 if QUICK else 3
APPEND_REPEAT = 1 if QUICK else 7
SIZES = [30, 300] if QUICK else [30, 300, 1000]
DAYS = 3650
DAY0 = 16436  # 2015-01-01


def waited(cmd, stdin=None, env=None):
    """Runs cmd to its end; returns (wall seconds, its rusage)."""
    fin = open(stdin) if stdin else subprocess.DEVNULL
    t0 = time.perf_counter()
    p = subprocess.Popen(cmd, stdin=fin, stdout=subprocess.DEVNULL, env=env)
    _, status, usage = os.wait4(p.pid, 0)
    dt = time.perf_counter() - t0
    if status != 0:
        sys.exit("failed: %s" % " ".join(cmd))
    return dt, usage


def run(cmd, stdin=None, env=None):
    """Runs cmd; returns (seconds, peak RSS in MiB)."""
    dt, usage = waited(cmd, stdin, env)
    return dt, usage.ru_maxrss / 1024


def median_of(make, cmd, n=REPEAT, **kw):
    """Median time and peak memory of n runs, make() preparing each."""
    times, mems = [], []
    for _ in range(n):
        make()
        t, m = run(cmd, **kw)
        times.append(t)
        mems.append(m)
    return statistics.median(times), max(mems)


def fresh(path):
    shutil.rmtree(path, ignore_errors=True)
    os.makedirs(path)


def ring_rows(days):
    """baytrack's ring for a span of days (bt_store_ring_rows)."""
    if days <= 384:
        return 384
    p, q = 1, 4
    while p * 8 < days:
        p *= 2
    while q * p < days:
        q += 1
    return q * p


def pipe_commands(n, path, d):
    """rrdtool - input: create each file, then one update per line."""
    with open(path, "w") as f:
        for s in range(n):
            rrd = os.path.join(d, "series=s%04d.rrd" % s)
            f.write("create %s --start %d --step 86400 DS:value:GAUGE:86400:U:U "
                    "RRA:LAST:0.5:1:%d\n" % (rrd, DAY0 * 86400, ring_rows(DAYS)))
            for day in range(DAYS):
                tenths = (s * 7919 + day * 31) % 100000
                f.write("update %s %d:%g\n" % (rrd, (DAY0 + day + 1) * 86400, tenths / 10))


def replace_section(title, lines):
    """Rewrites the section of docs/benchmarks.md that starts with title
    (up to the next '## ') with lines (which start with a blank line)."""
    doc = os.path.join(ROOT, "docs", "benchmarks.md")
    text = open(doc).read()
    head, rest = text.split(title, 1)
    tail = rest[rest.index("\n## ") + 1:]
    with open(doc, "w") as f:
        f.write(head.rstrip("\n") + "\n" + "\n".join(lines) + "\n\n" + tail)


def setup():
    """Builds the floor program and the synthetic catalogue; returns the
    generator's command and the environment every run uses."""
    subprocess.check_call(["cc", "-O2", "-o", FLOOR, os.path.join(ROOT, "bench", "floor.c"), "-lrrd"])
    cat = os.path.join(OUT, "catalogue")
    os.makedirs(cat, exist_ok=True)
    gen = [sys.executable, os.path.join(ROOT, "bench", "synthetic.py")]
    subprocess.check_call(gen + ["catalogue", cat])
    return gen, dict(os.environ, BAYTRACK_CATALOGUE=cat, TZ="UTC", LC_ALL="C")


def main():
    os.makedirs(OUT, exist_ok=True)
    only = {"--readers-only": ("## Collect beside looping readers", bench_readers, readers_lines),
            "--append-only": ("## Append:", bench_append, append_lines),
            "--report-only": ("## Report", bench_report, report_lines),
            "--size-only": ("## Size", bench_size, size_lines),
            "--sdmx-only": ("## SDMX-CSV", bench_sdmx, sdmx_lines),
            "--load-only": ("## Load:", bench_load, load_lines),
            "--memory-only": ("## Memory:", bench_memory, memory_lines),
            "--breakdowns-only": ("## Breakdowns:", bench_breakdowns, breakdowns_lines)}
    for flag, (title, bench, lines_of) in only.items():
        if flag in sys.argv:  # one section: measured, printed, rewritten
            gen, env = setup()
            lines = lines_of(bench(gen, env))
            replace_section(title, lines)
            print("\n".join(lines))
            return
    gen, env = setup()
    rows = []
    for n in SIZES:
        csv = os.path.join(OUT, "synthetic_%dx%d.csv" % (n, DAYS))
        rev = os.path.join(OUT, "synthetic_%dx%d_revise.csv" % (n, DAYS))
        if not os.path.exists(csv):
            subprocess.check_call(gen + ["load", str(n), str(DAYS), csv])
            subprocess.check_call(gen + ["revise", str(n), str(DAYS), rev])
        db, fl, pp = (os.path.join(OUT, x) for x in ("db", "floor_db", "pipe_db"))
        bt = median_of(lambda: shutil.rmtree(db, ignore_errors=True),
                       [BAYTRACK, "load", "-q", "--db", db, csv], env=env)
        flo = median_of(lambda: fresh(fl), [FLOOR, str(n), str(DAYS), fl])
        cmds = os.path.join(OUT, "pipe_%d.txt" % n)
        pipe_commands(n, cmds, pp)
        pip = median_of(lambda: fresh(pp), ["rrdtool", "-"], n=1, stdin=cmds)
        os.remove(cmds)
        shutil.copytree(db, db + ".base")
        rv = median_of(lambda: (shutil.rmtree(db), shutil.copytree(db + ".base", db)),
                       [BAYTRACK, "load", "-q", "--db", db, rev], env=env)
        shutil.rmtree(db + ".base")
        rows.append((n, n * DAYS, bt, flo, pip, rv))
        print("%5d series: load %.2f s %.0f MiB, floor %.2f s, pipe %.1f s, revise %.2f s" %
              (n, bt[0], bt[1], flo[0], pip[0], rv[0]), flush=True)

    appends = bench_append(gen, env)
    readers = bench_readers(gen, env)
    mem = bench_memory(gen, env)
    sizes = bench_size(gen, env)
    sdmx = bench_sdmx(gen, env)

    breakdowns = bench_breakdowns(gen, env)
    reports = bench_report(gen, env)
    write_doc(rows, reports, appends, readers, mem, sizes, sdmx, breakdowns)


def machine_load():
    """The machine's load average over the last minute, as text."""
    return "%.1f" % os.getloadavg()[0]


def stamp(loads):
    """A line saying when and on what load a section was measured."""
    return ("Measured %s on 2 cores shared with other engineers' work (a CI run was going in this session): load "
            "average %s over the run's sections. Medians of %d runs." % (
                time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()), "–".join(loads), REPEAT))


def median_cpu(make, cmd, env, n=REPEAT):
    """Median wall and CPU seconds and the largest peak RSS of n runs."""
    runs = []
    for _ in range(n):
        make()
        runs.append(run_cpu(cmd, env))
    return (statistics.median(r[0] for r in runs), statistics.median(r[1] for r in runs),
            max(r[2] for r in runs))


def bench_load(gen, env):
    """The load of N series x 3,650 days against the librrd floor (no
    pipe: it takes minutes), wall and CPU time side by side."""
    out = {"loads": [machine_load()], "rows": []}
    for n in ([30, 300] if QUICK else [300, 1000]):
        csv = os.path.join(OUT, "synthetic_%dx%d.csv" % (n, DAYS))
        if not os.path.exists(csv):
            subprocess.check_call(gen + ["load", str(n), str(DAYS), csv])
        db, fl = os.path.join(OUT, "db"), os.path.join(OUT, "floor_db")
        bt, flo = [], []
        for _ in range(REPEAT):  # alternated, so both see the same machine
            shutil.rmtree(db, ignore_errors=True)
            bt.append(run_cpu([BAYTRACK, "load", "-q", "--db", db, csv], env))
            fresh(fl)
            flo.append(run_cpu([FLOOR, str(n), str(DAYS), fl], env))
        med = lambda rs: tuple(statistics.median(r[i] for r in rs) for i in (0, 1)) + (
            max(r[2] for r in rs),)
        out["rows"].append((n, med(bt), med(flo)))
        out["loads"].append(machine_load())
        print("load %d x %d: baytrack %.2f s (CPU %.2f s), floor %.2f s (CPU %.2f s)" % (
            n, DAYS, bt[-1][0], bt[-1][1], flo[-1][0], flo[-1][1]), flush=True)
    shutil.rmtree(os.path.join(OUT, "db"), ignore_errors=True)
    return out


def load_lines(r):
    """The load section of docs/benchmarks.md."""
    lines = ["", "## Load: N series × 3650 days, long layout", "",
             "| series | rows | baytrack: wall | CPU | floor (librrd batch): wall | CPU | baytrack / floor: wall | CPU | baytrack peak | floor peak |",
             "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for n, bt, fl in r["rows"]:
        lines.append("| %d | %d | %.2f s | %.2f s | %.2f s | %.2f s | %.2f× | %.2f× | %.0f MiB | %.0f MiB |" % (
            n, n * DAYS, bt[0], bt[1], fl[0], fl[1], bt[0] / fl[0], bt[1] / fl[1], bt[2], fl[2]))
    lines += ["", stamp(r["loads"]) + " baytrack and the floor run alternately, so that "
              "each pair sees the same machine.", "",
              "baytrack's time includes reading and decoding the CSV, checking every "
              "row, building each file in a temporary directory, one `syncfs` and a "
              "journalled rename per file (durable and atomic); the floor does none of it. "
              "`rrdtool -` with one update a line took 31× baytrack's time in the last full "
              "run (`bench.py` without a section flag); it is not re-run here."]
    return lines


def memory_lines(mem):
    """The memory section of docs/benchmarks.md."""
    n, size, t, m = mem[:4]
    lines = ["", "## Memory: %d series × %d days (%d rows, %.0f MiB of CSV)" % (
                 n, DAYS, n * DAYS, size / 1048576), "",
             "| load | peak RSS | bytes of peak per row |", "|---:|---:|---:|",
             "| %.1f s | %.0f MiB | %.1f |" % (t, m, m * 1048576 / (n * DAYS)),
             "", "The input is streamed in 1 MiB pieces; each observation is kept in 12 "
             "bytes until every row is checked; files are written series by series."]
    if len(mem) > 4:
        lines += ["", stamp(mem[4])]
    return lines


def sub_catalogue(kind):
    """A catalogue of the synthetic catalogue's indicators of one kind
    (yearly: synthetic.y*, daily: synthetic.d*); returns its directory."""
    sub = os.path.join(OUT, "catalogue_" + kind)
    os.makedirs(sub, exist_ok=True)
    for name in ("indicators.csv", "targets.csv"):
        with open(os.path.join(OUT, "catalogue", name)) as f, open(os.path.join(sub, name), "w") as g:
            g.writelines(l for l in f if not l.startswith("synthetic.") or
                         l.startswith("synthetic.%s0" % kind[0]))
    return sub


def bench_breakdowns(gen, env):
    """status --by over 3,000 breakdowns of one daily indicator (a year
    each) against its total; the site of 100 yearly indicators x 30
    breakdowns against the same indicators without breakdowns, --before's
    site of the same file and one rrdtool graph of one file per chart."""
    out = {"loads": [machine_load()]}
    n, days = (300, 365) if QUICK else (3000, 365)
    csv = os.path.join(OUT, "synthetic_%dx%d.csv" % (n, days))
    if not os.path.exists(csv):
        subprocess.check_call(gen + ["load", str(n), str(days), csv])
    db = os.path.join(OUT, "by_db")
    shutil.rmtree(db, ignore_errors=True)
    run([BAYTRACK, "load", "-q", "--db", db, csv], env=env)
    nothing = lambda: None
    st = {}
    for name, args in (("by", ["synthetic.daily", "--by", "series"]),
                       ("by_json", ["synthetic.daily", "--by", "series", "--json"]),
                       ("total", ["synthetic.daily"]), ("all", [])):
        st[name] = median_cpu(nothing, [BAYTRACK, "status", "--db", db] + args, env)
    if BEFORE:  # its status takes no indicator: every one, the total
        bdb = os.path.join(OUT, "by_db_before")
        shutil.rmtree(bdb, ignore_errors=True)
        run([BEFORE, "load", "-q", "--db", bdb, csv], env=env)
        st["before"] = median_cpu(nothing, [BEFORE, "status", "--db", bdb], env)
        shutil.rmtree(bdb, ignore_errors=True)
    out["status"], out["n"], out["days"] = st, n, days
    out["loads"].append(machine_load())
    print("status --by %d: %.2f s, total %.2f s" % (n, st["by"][0], st["total"][0]), flush=True)
    # the site: 100 yearly indicators x 30 breakdowns
    m = 30
    cenv = dict(env, BAYTRACK_CATALOGUE=sub_catalogue("yearly"))
    files = {"by": os.path.join(OUT, "synthetic_breakdowns%d.csv" % m),
             "total": os.path.join(OUT, "synthetic_yearly.csv")}
    subprocess.check_call(gen + ["breakdowns", str(m), files["by"]])
    subprocess.check_call(gen + ["yearly", files["total"]])
    rep = os.path.join(OUT, "by_site")
    site = {}
    for name, binary, data in (("by", BAYTRACK, "by"), ("total", BAYTRACK, "total"),
                               ("before", BEFORE, "by"), ("before_total", BEFORE, "total")):
        if not binary:
            continue
        rdb = os.path.join(OUT, "by_site_db_" + name)
        shutil.rmtree(rdb, ignore_errors=True)
        run([binary, "load", "-q", "--db", rdb, files[data]], env=cenv)
        t = median_cpu(lambda: shutil.rmtree(rep, ignore_errors=True),
                       [binary, "report", "-q", "--db", rdb, "-o", rep], cenv)
        site[name] = (t, count_charts(rep))
        print("site %s: %.2f s, %d charts" % (name, t[0], site[name][1]), flush=True)
    script = os.path.join(OUT, "graphs_breakdowns.sh")
    with open(script, "w") as f:  # one file a chart: the first breakdown of each
        for i in range(100):
            f.write("rrdtool graph %s/g_%03d.png -a PNG -w 800 -h 400 -s 1230768000 -e 1767225600 "
                    "DEF:v=%s/synthetic.y%03d/region=r00.rrd:value:LAST LINE2:v#1f77b4:value >/dev/null\n"
                    % (OUT, i, os.path.join(OUT, "by_site_db_by"), i))
    site["graph"] = (median_cpu(nothing, ["sh", script], env), 100)
    for name in list(site):
        if name != "graph":
            shutil.rmtree(os.path.join(OUT, "by_site_db_" + name), ignore_errors=True)
    shutil.rmtree(db, ignore_errors=True)
    out["site"], out["m"] = site, m
    out["loads"].append(machine_load())
    return out


def breakdowns_lines(r):
    """The breakdowns section of docs/benchmarks.md."""
    st, n = r["status"], r["n"]
    lines = ["", "## Breakdowns: `status --by` and the site of many breakdowns", "",
             "| `status` over %d breakdowns of one daily indicator (%d days each) | wall | CPU | peak | × the total (wall) |" % (n, r["days"]),
             "|---|---:|---:|---:|---:|"]
    labels = [("by", "`status synthetic.daily --by series`: %d lines" % n),
              ("by_json", "the same, `--json`"),
              ("total", "`status synthetic.daily`: the total (one line)"),
              ("all", "`status`: every indicator of the catalogue, the total"),
              ("before", "before (`--before`): `status`, every indicator, the total")]
    for key, label in labels:
        if key in st:
            w, c, p = st[key]
            lines.append("| %s | %.2f s | %.2f s | %.0f MiB | %.2f× |" % (
                label, w, c, p, w / st["total"][0]))
    site = r["site"]
    lines += ["", "| the site of 100 yearly indicators of 15 years | time (wall) | CPU | charts | per chart (wall) | per chart (CPU) | × without breakdowns (per chart, wall) | peak |",
              "|---|---:|---:|---:|---:|---:|---:|---:|"]
    base = site["total"][0][0] / site["total"][1]
    labels = [("by", "each in %d breakdowns (`region`), this build" % r["m"]),
              ("total", "without breakdowns, this build"),
              ("before", "each in %d breakdowns, before (`--before`)" % r["m"]),
              ("before_total", "without breakdowns, before (`--before`)"),
              ("graph", "one `rrdtool graph` of one breakdown's file a chart (100 charts)")]
    for key, label in labels:
        if key in site:
            (w, c, p), charts = site[key]
            lines.append("| %s | %.2f s | %.2f s | %d | %.1f ms | %.1f ms | %.2f× | %.0f MiB |" % (
                label, w, c, charts, w / charts * 1000, c / charts * 1000,
                (w / charts) / base, p))
    lines += ["", stamp(r["loads"]) + " The site draws each indicator's charts in three "
              "languages (SVG, one gnuplot process for all), and with breakdowns also each "
              "indicator's comparison chart and small multiples and its table of every "
              "breakdown's status; `rrdtool graph` draws one PNG of one file per process. "
              "The CPU column counts the report's own process and its children (gnuplot)."]
    return lines


def run_cpu(cmd, env):
    """Runs cmd; returns (wall seconds, CPU seconds (user + system), peak
    RSS in MiB). CPU time is what a loaded, shared machine leaves steady."""
    t0 = time.perf_counter()
    p = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, env=env)
    _, status, usage = os.wait4(p.pid, 0)
    dt = time.perf_counter() - t0
    if status != 0:
        sys.exit("failed: %s" % " ".join(cmd))
    return dt, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024


def bench_sdmx(gen, env):
    """The same observations loaded from the long layout, from SDMX-CSV
    2.0 as baytrack's export writes it and from SDMX-CSV 2.0 with labels
    as the .Stat Suite writes it: load and --dry-run (reading only), each
    into an empty database, medians of 2 * REPEAT + 1 runs."""
    n = 30 if QUICK else 300
    files = {"long": os.path.join(OUT, "synthetic_%dx%d.csv" % (n, DAYS)),
             "sdmx": os.path.join(OUT, "synthetic_%dx%d_sdmx.csv" % (n, DAYS)),
             "labels": os.path.join(OUT, "synthetic_%dx%d_sdmx_labels.csv" % (n, DAYS))}
    for kind, f in files.items():
        if not os.path.exists(f):
            subprocess.check_call(gen + [{"long": "load", "sdmx": "sdmx", "labels": "sdmx-labels"}[kind],
                                         str(n), str(DAYS), f])
    db = os.path.join(OUT, "sdmx_db")
    out = {"n": n, "rows": n * DAYS, "bytes": {k: os.path.getsize(f) for k, f in files.items()}}
    for kind, f in files.items():
        extra = [] if kind == "long" else ["--indicator", "synthetic.daily"]
        for mode, flag in (("load", []), ("dry", ["--dry-run"])):
            runs = []
            for _ in range(2 * REPEAT + 1):
                shutil.rmtree(db, ignore_errors=True)
                runs.append(run_cpu([BAYTRACK, "load", "-q", "--db", db] + flag + extra + [f], env))
            out[kind, mode] = (statistics.median(r[0] for r in runs),
                               statistics.median(r[1] for r in runs), max(r[2] for r in runs))
    shutil.rmtree(db, ignore_errors=True)
    print("sdmx: load CPU %.2f s, with labels %.2f s, long %.2f s" % (
        out["sdmx", "load"][1], out["labels", "load"][1], out["long", "load"][1]), flush=True)
    return out


def sdmx_lines(r):
    """The SDMX-CSV section of docs/benchmarks.md."""
    rows = r["rows"]
    lines = ["", "## SDMX-CSV against the long layout: %d series × %d days (%d rows)" % (
                 r["n"], DAYS, rows), "",
             "| file | size | load: wall | CPU | rows/s (CPU) | × long | peak | `--dry-run`: CPU | rows/s | × long |",
             "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|"]
    labels = {"long": "long layout (`indicator,date,value,series`)",
              "sdmx": "SDMX-CSV 2.0 as `export --format sdmx-csv` writes it (7 columns)",
              "labels": "SDMX-CSV 2.0 with labels, as the .Stat Suite writes it (16 columns)"}
    ratio = {}
    for kind in ("long", "sdmx", "labels"):
        wall, cpu, peak = r[kind, "load"]
        _, dcpu, _ = r[kind, "dry"]
        ratio[kind] = (r["long", "load"][1] / cpu, r["long", "dry"][1] / dcpu)
        lines.append("| %s | %.0f MiB | %.2f s | %.2f s | %.0f k | %.2f× | %.0f MiB | %.2f s | %.0f k | %.2f× |" % (
            labels[kind], r["bytes"][kind] / 2**20, wall, cpu, rows / cpu / 1000, ratio[kind][0],
            peak, dcpu, rows / dcpu / 1000, ratio[kind][1]))
    lines += ["", "Rows per second are counted on CPU time (user + system), which the shared "
              "machine leaves steady where the wall clock is not. SDMX-CSV as baytrack writes "
              "it loads at %.2f× the long layout's rows per second, with labels at %.2f×: a "
              "row with labels is %.1f times the bytes of a long row and has four times its "
              "fields; the label columns are split off with the rest (16 bytes at a time) "
              "and not read further. Memory is the same: both are streamed and held as 12 "
              "bytes an observation, the layout is known from the header and UTF-8 is checked "
              "as the file is read, so the file is read once." % (
                  ratio["sdmx"][0], ratio["labels"][0],
                  (r["bytes"]["labels"] / rows) / (r["bytes"]["long"] / rows))]
    return lines


def graphs(path, db, ids, start, end):
    """Writes a shell script of one `rrdtool graph` per indicator."""
    with open(path, "w") as f:
        for i in ids:
            f.write("rrdtool graph %s/g_%s.png -a PNG -w 800 -h 400 -s %d -e %d "
                    "DEF:v=%s/%s/_.rrd:value:LAST LINE2:v#1f77b4:value >/dev/null\n"
                    % (OUT, i, start, end, db, i))


def count_charts(site):
    """The charts of a site: charts/ and the dashboards (one a language)."""
    return len(os.listdir(os.path.join(site, "charts"))) + len(
        [f for f in os.listdir(site) if f.startswith("dashboard")])


def bench_report(gen, env):
    """The site (3 languages, SVG, one gnuplot) per chart against one
    `rrdtool graph` per series: 100 yearly indicators, then 20 daily ones of
    ten years; then the real datasets; each against --before."""
    out = []
    loads = [machine_load()]
    for kind, n, start in (("yearly", 100, 1230768000), ("daily", 20, 1420070400)):
        data = os.path.join(OUT, "synthetic_%s.csv" % kind)
        subprocess.check_call(gen + [kind, data])
        kenv = dict(env, BAYTRACK_CATALOGUE=sub_catalogue(kind))  # only this kind
        rdb, rep = os.path.join(OUT, kind + "_db"), os.path.join(OUT, kind + "_site")
        shutil.rmtree(rdb, ignore_errors=True)
        run([BAYTRACK, "load", "-q", "--db", rdb, data], env=kenv)
        rt = median_of(lambda: shutil.rmtree(rep, ignore_errors=True),
                       [BAYTRACK, "report", "-q", "--db", rdb, "-o", rep], env=kenv)
        charts = count_charts(rep)
        script = os.path.join(OUT, "graphs_%s.sh" % kind)
        graphs(script, rdb, ["synthetic.%s%03d" % (kind[0], i) for i in range(n)],
               start, 1767225600)
        gt = median_of(lambda: None, ["sh", script])
        bt = None
        if BEFORE:  # the same file loaded and drawn by the previous release
            bdb = rdb + "_before"
            shutil.rmtree(bdb, ignore_errors=True)
            run([BEFORE, "load", "-q", "--db", bdb, data], env=kenv)
            bt = median_of(lambda: shutil.rmtree(rep, ignore_errors=True),
                           [BEFORE, "report", "-q", "--db", bdb, "-o", rep], env=kenv)
            bt = bt + (count_charts(rep),)
            shutil.rmtree(bdb, ignore_errors=True)
        out.append((kind, n, charts, rt, gt, bt))
        print("%s: report %.2f s for %d charts, rrdtool graph %.2f s for %d" %
              (kind, rt[0], charts, gt[0], n), flush=True)
    # the real datasets with the shipped catalogue
    renv = dict(env, BAYTRACK_CATALOGUE=os.path.join(ROOT, "indicators"))
    rdb, rep = os.path.join(OUT, "real_db"), os.path.join(OUT, "real_site")
    shutil.rmtree(rdb, ignore_errors=True)
    datasets = sorted(os.path.join(ROOT, "datasets", f)
                      for f in os.listdir(os.path.join(ROOT, "datasets")) if f.endswith(".csv"))
    run([BAYTRACK, "load", "-q", "--db", rdb] + datasets, env=renv)
    real = median_of(lambda: shutil.rmtree(rep, ignore_errors=True),
                     [BAYTRACK, "report", "-q", "--db", rdb, "-o", rep], env=renv)
    pages = len([f for f in os.listdir(rep) if f.endswith(".html")])
    charts = count_charts(rep)
    before = None
    if BEFORE:  # its own shipped catalogue and datasets (its source tree)
        broot = os.path.dirname(os.path.dirname(os.path.abspath(BEFORE)))
        benv = dict(env, BAYTRACK_CATALOGUE=os.path.join(broot, "indicators"))
        bsets = sorted(os.path.join(broot, "datasets", f)
                       for f in os.listdir(os.path.join(broot, "datasets")) if f.endswith(".csv"))
        before = {}
        for name, binary in (("before", BEFORE), ("this", BAYTRACK)):
            bdb = os.path.join(OUT, "real_db_" + name)
            shutil.rmtree(bdb, ignore_errors=True)
            run([binary, "load", "-q", "--db", bdb] + bsets, env=benv)
            before[name] = median_of(lambda: shutil.rmtree(rep, ignore_errors=True),
                                     [binary, "report", "-q", "--db", bdb, "-o", rep], env=benv)
            before[name] += (count_charts(rep),)
            shutil.rmtree(bdb, ignore_errors=True)
        shutil.rmtree(rep, ignore_errors=True)
        real = median_of(lambda: shutil.rmtree(rep, ignore_errors=True),  # the last, again
                         [BAYTRACK, "report", "-q", "--db", rdb, "-o", rep], env=renv)
    out.append(("real", pages, charts, real, before))
    print("real: report %.2f s (%d pages, %d charts)%s" % (
        real[0], pages, charts, ", before %.2f s" % before["before"][0] if before else ""), flush=True)
    loads.append(machine_load())
    out.append(loads)
    return out


def timed(cmd, stdin=None, env=None):
    """Runs cmd; returns (wall seconds, CPU seconds: user + system of it
    and the children it waited for)."""
    dt, usage = waited(cmd, stdin, env)
    return dt, usage.ru_utime + usage.ru_stime


def through_daemon(work, night, env):
    """One nightly load through a local rrdcached serving work (started
    before the run, stopped after it; neither timed): (wall, CPU)."""
    sock = os.path.join(OUT, "rrdcached.sock")
    journal = os.path.join(OUT, "rrdcached.journal")
    fresh(journal)
    for f in (sock, sock + ".pid"):
        if os.path.exists(f):
            os.remove(f)
    d = subprocess.Popen(["rrdcached", "-g", "-l", "unix:" + sock, "-b", work, "-B",
                          "-F", "-j", journal, "-p", sock + ".pid", "-w", "3600",
                          "-f", "7200"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    while not os.path.exists(sock):
        time.sleep(0.05)
    r = timed([BAYTRACK, "--daemon", "unix:" + sock, "load", "-q", "--db", work, night], env=env)
    d.terminate()
    d.wait()
    return r


def log_lines(path, added, nights):
    """The logs of that many earlier nightly loads (loads.csv; added.csv
    with the last night's figures): the nightly job appends to logs that
    exist (db.c: in place, in the rollback journal)."""
    with open(path, "w") as f:
        f.write("loaded_at,file,added,revised,deleted,flags\n")
        for i in range(nights):
            day = time.gmtime(1420070400 + i * 86400)
            f.write("%sT02:00:00Z,spool/incoming/night-%04d.csv,3000,0,0,0\n" % (
                time.strftime("%Y-%m-%d", day), i))
    with open(added, "w") as f:
        f.write("added_at,series,date,value,file\n")
        for s in range(300):
            f.write("2017-12-30T02:00:00Z,synthetic.daily{series=s%04d},2017-12-29,1,"
                    "spool/incoming/night-1094.csv\n" % s)


def bench_append(gen, env):
    """One new day for N series with H days of history, on fresh copies
    of one database: APPEND_REPEAT rounds, each running every contender
    once in turn (baytrack, the durable floor, the pipe, the floor, the
    daemon, each --prev), so that each round's ratios are paired on the
    same moment of a shared machine. Each contender gets its wall and CPU
    times; each round its ratio to the durable floor."""
    out = []
    for hist in (365, 3650):
        for n in ([300] if QUICK else [300, 3000]):
            base = os.path.join(OUT, "append_%dx%d" % (n, hist))
            series_dir = os.path.join(base, "synthetic.daily")
            if not os.path.isdir(series_dir):
                os.makedirs(series_dir)
                subprocess.check_call([FLOOR, str(n), str(hist), series_dir])
            log_lines(os.path.join(base, "loads.csv"), os.path.join(base, "added.csv"), 3 * 365)
            night = os.path.join(OUT, "night_%dx%d.csv" % (n, hist))
            subprocess.check_call(gen + ["night", str(n), str(hist), night])
            cmds = os.path.join(OUT, "night_%dx%d.txt" % (n, hist))
            work = os.path.join(OUT, "append_work")
            with open(cmds, "w") as f:
                for s in range(n):
                    v = ((s * 7919 + hist * 31) % 100000) / 10
                    f.write("update %s/series=s%04d.rrd %d:%s\n" % (
                        os.path.join(work, "synthetic.daily"), s, (DAY0 + hist + 1) * 86400,
                        ("%.1f" % v).rstrip("0").rstrip(".")))

            def copy():
                shutil.rmtree(work, ignore_errors=True)
                shutil.copytree(base, work)
                os.sync()  # else the first syncfs timed writes out the copy

            contenders = [
                ("bt", lambda: timed([BAYTRACK, "load", "-q", "--db", work, night], env=env)),
                # the same on one CPU: the appends made in one process
                ("bt1", lambda: timed(["taskset", "-c", "0", BAYTRACK, "load", "-q", "--db",
                                       work, night], env=env)),
                # the durable floor: the same pipe, then one syncfs of the files
                ("durable", lambda: timed(["sh", "-c", 'rrdtool - < "$1" && sync -f "$2"',
                                           "durable", cmds, work])),
                ("pipe", lambda: timed(["rrdtool", "-"], stdin=cmds)),
                ("floor", lambda: timed([FLOOR, "append", str(n), str(hist),
                                         os.path.join(work, "synthetic.daily")])),
                ("daemon", lambda: through_daemon(work, night, env))]
            for name, binary in PREV:  # earlier builds, same files and layout
                contenders.append((name, lambda b=binary: timed([b, "load", "-q", "--db", work, night],
                                                               env=env)))
            runs = {name: [] for name, _ in contenders}
            for _ in range(APPEND_REPEAT):
                for name, fn in contenders:
                    copy()
                    runs[name].append(fn())
            r = {"n": n, "hist": hist, "runs": runs, "load": machine_load()}
            out.append(r)
            print("append %5d series x %4d days: %s" % (n, hist, ", ".join(
                "%s %.3f s (CPU %.3f s)" % (k, med(v, 0), med(v, 1)) for k, v in runs.items())),
                flush=True)
    shutil.rmtree(os.path.join(OUT, "append_work"), ignore_errors=True)
    return out


def med(runs, i):
    """The median of field i of runs."""
    return statistics.median(x[i] for x in runs)


def paired(r, a, b, i):
    """The median and the range of a's time over b's, round by round."""
    q = sorted(x[i] / y[i] for x, y in zip(r["runs"][a], r["runs"][b]))
    return statistics.median(q), q[0], q[-1]


def bench_readers(gen, env):
    """A collect of six nightly files for 300 series with 365 days of
    history, alone and beside two looping readers: medians of REPEAT."""
    n, hist = 300, 365
    base = os.path.join(OUT, "readers_base")
    if not os.path.isdir(base):
        os.makedirs(os.path.join(base, "synthetic.daily"))
        subprocess.check_call([FLOOR, str(n), str(hist), os.path.join(base, "synthetic.daily")])
    nights = []
    for k in range(6):
        f = os.path.join(OUT, "readers_night%d.csv" % k)
        subprocess.check_call(gen + ["night", str(n), str(hist + k), f])
        nights.append(f)
    work, spool = os.path.join(OUT, "readers_db"), os.path.join(OUT, "readers_spool")

    def prepare():
        for d in (work, spool):
            shutil.rmtree(d, ignore_errors=True)
        shutil.copytree(base, work)
        os.makedirs(os.path.join(spool, "incoming"))
        for k, f in enumerate(nights):
            dst = os.path.join(spool, "incoming", "night%d.csv" % k)
            shutil.copy(f, dst)
            os.utime(dst, (time.time() - 60, time.time() - 60))
        os.sync()

    cmd = [BAYTRACK, "collect", "--db", work, "--wait", "600", spool]
    alone = median_of(prepare, cmd, env=env)
    times = []
    for _ in range(REPEAT):
        prepare()
        readers = [subprocess.Popen(["sh", "-c", 'while :; do "$@" > /dev/null 2>&1; done', "loop",
                                     BAYTRACK, *args, "--db", work], env=env,
                                    start_new_session=True)
                   for args in (["export", "--all", "synthetic.daily"], ["status"])]
        time.sleep(0.5)
        t, _ = run(cmd, env=env)
        times.append(t)
        for r in readers:  # the loop and the reader it runs
            os.killpg(r.pid, 9)
            r.wait()
    beside = (statistics.median(times), 0)
    print("collect of 6 nights, 300 series: alone %.2f s, beside two readers %.2f s" %
          (alone[0], beside[0]), flush=True)
    return alone, beside


def readers_lines(r):
    alone, beside = r
    return ["", "## Collect beside looping readers", "",
            "| six nightly files, 300 daily series | alone | beside two looping readers | ratio |",
            "|---|---:|---:|---:|",
            "| `baytrack collect` | %.2f s | %.2f s | %.2f× |" % (alone[0], beside[0], beside[0] / alone[0]),
            "", "The readers loop `export --all` (300 series) and `status` on the same "
            "database. Each commit waits for the readers reading at that moment, holding "
            "`DB/.gate` meanwhile, so that readers arriving after it queue behind it. A "
            "reader holds `.commit` only while it reads the files (each in one open, its "
            "ring read as it is on disk) and releases it before it formats and prints "
            "(`bt_db_read_end`); the previous release held it for the whole command and "
            "read every file's 60-year ring through librrd (4.05×). Two cores shared with "
            "other work: the readers also take CPU from the collect."]


def bench_memory(gen, env):
    """Time and peak memory of the 11 M-row load (one run)."""
    n = 300 if QUICK else 3000
    csv = os.path.join(OUT, "synthetic_%dx%d.csv" % (n, DAYS))
    if not os.path.exists(csv):
        subprocess.check_call(gen + ["load", str(n), str(DAYS), csv])
    db = os.path.join(OUT, "memory_db")
    loads = [machine_load()]
    t, m = median_of(lambda: shutil.rmtree(db, ignore_errors=True),
                     [BAYTRACK, "load", "-q", "--db", db, csv], env=env)
    shutil.rmtree(db, ignore_errors=True)
    loads.append(machine_load())
    print("memory: %d x %d rows in %.1f s, peak %.0f MiB" % (n, DAYS, t, m), flush=True)
    return (n, os.path.getsize(csv), t, m, loads)


def report_lines(reports):
    """The report section of docs/benchmarks.md."""
    before = reports[0][5] is not None
    lines = ["", "## Report: the site against `rrdtool graph`", "",
              "| series | baytrack report | charts | per chart | `rrdtool graph` per series | report / graph | report peak |%s" % (
                  " before | before's charts | before per chart | report / before | per chart / before's |" if before else ""),
              "|---|---:|---:|---:|---:|---:|---:|%s" % ("---:|---:|---:|---:|---:|" if before else "")]
    for kind, n, charts, rt, gt, bt in reports[:2]:
        lines.append("| %d %s indicators%s | %.2f s | %d | %.1f ms | %.1f ms | %.2f× | %.0f MiB |%s" % (
            n, kind, " of 3,650 days" if kind == "daily" else " of 15 years",
            rt[0], charts, rt[0] / charts * 1000, gt[0] / n * 1000,
            (rt[0] / charts) / (gt[0] / n), rt[1],
            " %.2f s | %d | %.1f ms | %.2f× | %.2f× |" % (
                bt[0], bt[2], bt[0] / bt[2] * 1000, rt[0] / bt[0], (rt[0] / charts) / (bt[0] / bt[2]))
            if bt else ""))
    _, pages, charts, real, before = reports[2]
    lines += ["", "The report draws each indicator's chart in three languages (SVG, one "
              "gnuplot process for all), the small multiples and a dashboard a language, and "
              "also reads and assesses every indicator and writes every page, CSV "
              "download and the what's-new page; `rrdtool graph` draws one PNG of one series "
              "per process. This build draws every chart and dashboard twice, wide and narrow "
              "(the site on a phone), so it draws twice the previous release's charts "
              "(`--before`), but its dashboards are SVG where the previous release's were "
              "PNG: for 100 indicators a dashboard is 7 megapixels, and their PNG encoding "
              "(libpng's filters and zlib, by `perf`) was most of the drawing.", "",
              "| the shipped catalogue and datasets/ (whole IMMD file) | time | peak |",
              "|---|---:|---:|",
              "| baytrack report: %d pages, %d charts, 3 languages | %.2f s | %.0f MiB |" % (
                  pages, charts, real[0], real[1])]
    if before:
        b, t = before["before"], before["this"]
        lines += ["| before (`--before`) with its own shipped catalogue and datasets/: %d charts | %.2f s | %.0f MiB |" % (b[2], b[0], b[1]),
                  "| this build with before's catalogue and datasets/: %d charts | %.2f s | %.0f MiB |" % (t[2], t[0], t[1]),
                  "", "This build's site takes %.2f× the previous release's time on the same "
                  "catalogue and datasets (the previous release cannot read today's "
                  "catalogue: its targets.csv has dimension columns), and %.2f× with today's "
                  "catalogue and datasets, which draw more." % (t[0] / b[0], real[0] / b[0])]
    if len(reports) > 3:
        lines += ["", stamp(reports[3])]
    return lines


def append_lines(appends):
    """The append section of docs/benchmarks.md."""
    prev = "".join(" %s: wall | CPU | %s / baytrack: wall | CPU |" % (name, name) for name, _ in PREV)
    lines = ["", "## Append: one new day per series, the nightly job", "",
             "| series | history | baytrack: wall | CPU | durable floor (pipe + one `syncfs`): wall | CPU "
             "| baytrack / durable: wall, median (range) | CPU | `rrdtool -` pipe: wall | CPU "
             "| baytrack / pipe: wall | CPU | baytrack on one CPU: wall | CPU | / durable: wall | CPU "
             "| floor (`rrd_updatex_r` per file) | through rrdcached |%s" % prev,
             "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|%s" % (
                 "---:|---:|---:|---:|" * len(PREV))]
    for r in appends:
        ru = r["runs"]
        w, wlo, whi = paired(r, "bt", "durable", 0)
        c = paired(r, "bt", "durable", 1)[0]
        extra = "".join(" %.3f s | %.3f s | %.2f× | %.2f× |" % (
            med(ru[name], 0), med(ru[name], 1), paired(r, name, "bt", 0)[0],
            paired(r, name, "bt", 1)[0]) for name, _ in PREV)
        lines.append("| %d | %d days | %.3f s | %.3f s | %.3f s | %.3f s | %.2f× (%.2f–%.2f) | %.2f× "
                     "| %.3f s | %.3f s | %.2f× | %.2f× | %.3f s | %.3f s | %.2f× | %.2f× "
                     "| %.3f s | %.3f s |%s" % (
                         r["n"], r["hist"], med(ru["bt"], 0), med(ru["bt"], 1),
                         med(ru["durable"], 0), med(ru["durable"], 1), w, wlo, whi, c,
                         med(ru["pipe"], 0), med(ru["pipe"], 1),
                         paired(r, "bt", "pipe", 0)[0], paired(r, "bt", "pipe", 1)[0],
                         med(ru["bt1"], 0), med(ru["bt1"], 1),
                         paired(r, "bt1", "durable", 0)[0], paired(r, "bt1", "durable", 1)[0],
                         med(ru["floor"], 0), med(ru["daemon"], 0), extra))
    lines += ["", "Measured %s on 2 cores shared with other engineers' work: load average %s "
              "over the rows. %d rounds; in each round every contender runs once, in turn, "
              "on a fresh copy of the same database, synced to disk (neither is timed), so "
              "that a ratio is taken within a round (the median of the rounds' ratios, and "
              "their range) and a busy moment of the shared machine falls on both sides of it. "
              "CPU is user + system time of the process and its children, which the shared "
              "machine leaves steadier than the wall clock: the wall clock of a durable append "
              "is mostly the one `syncfs`, a file-system-wide sync that also waits for other "
              "users' dirty pages." % (
                  time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()),
                  "–".join(r["load"] for r in appends), APPEND_REPEAT),
              "",
              "baytrack reads each file's header (one `pread`) and the rows the new day fills, "
              "saves those bytes in a rollback journal (fsynced), appends in place, appends the "
              "load's line to `loads.csv` in place (its old length in the rollback journal), "
              "syncs everything with one `syncfs` and commits by removing the rollback journal: "
              "the load is all or nothing. The appends in place are shared out between "
              "processes, one per 64 files and no more than the CPUs (here 2; docs/storage.md); "
              "*on one CPU* is the same load under `taskset -c 0`, all in one process. The database holds a `loads.csv` of three years of "
              "nightly loads and an `added.csv`, as a nightly database does (their lines are "
              "appended in place too). Through rrdcached "
              "(a local daemon on a unix socket, started with `-j`, fresh for each run), "
              "baytrack writes the same way after one `STATS` question to the daemon (it "
              "holds nothing for any file, so no file needs asking about; one `LAST` a "
              "file when it does), so the load is on disk when it exits. The floor and `rrdtool -` "
              "update the same files in place with no journal, no check and no sync; the "
              "durable floor is the same pipe followed by one `syncfs` (`sync -f`) of the "
              "database's file system, the least an append that survives a power cut can "
              "cost. Each file's ring is sized to its span (docs/storage.md), and an "
              "append touches the same rows whatever the history: its cost grows with the "
              "number of series, not with the history.%s" % (
                  " %s: earlier builds (`--prev NAME=BINARY`) on the same files." % ", ".join(
                      "*%s*" % name for name, _ in PREV) if PREV else "")]
    return lines


def bench_size(gen, env):
    """Disk use and load time of many short series and of one long sparse
    one, for this build and (with --before) the previous release."""
    n, m = (3000, 30) if QUICK else (30000, 30)
    csv = os.path.join(OUT, "synthetic_%dx%d.csv" % (n, m))
    if not os.path.exists(csv):
        subprocess.check_call(gen + ["load", str(n), str(m), csv])
    yearly = os.path.join(OUT, "synthetic_yearly20.csv")
    with open(yearly, "w") as f:
        f.write("indicator,date,value\n")
        for y in range(2005, 2025):
            f.write("synthetic.y000,%d,%d\n" % (y, 100 + y - 2005))
    out = []
    for name, binary in (("baytrack", BAYTRACK), ("before", BEFORE)):
        if not binary:
            continue
        db = os.path.join(OUT, "size_db")
        shutil.rmtree(db, ignore_errors=True)
        t, mem = run([binary, "load", "-q", "--db", db, csv], env=env)
        du = int(subprocess.check_output(["du", "-sk", db]).split()[0]) * 1024
        shutil.rmtree(db, ignore_errors=True)
        run([binary, "load", "-q", "--db", db, yearly], env=env)
        f = os.path.join(db, "synthetic.y000", "_.rrd")
        year = (os.path.getsize(f), os.stat(f).st_blocks * 512)
        shutil.rmtree(db, ignore_errors=True)
        out.append((name, n, m, t, mem, du, year))
        print("size %s: %d x %d in %.1f s, %.0f MB on disk; 20 yearly values %d bytes" % (
            name, n, m, t, du / 1e6, year[0]), flush=True)
    return out


def size_lines(sizes):
    """The size section of docs/benchmarks.md."""
    n, m = sizes[0][1], sizes[0][2]
    lines = ["", "## Size: files sized to what they hold", "",
             "| build | %d daily series of %d days: load | on disk (`du`) | a byte per observation | a yearly series of 20 years: file | on disk |" % (n, m),
             "|---|---:|---:|---:|---:|---:|"]
    for name, n, m, t, mem, du, year in sizes:
        lines.append("| %s | %.1f s | %.0f MB | %.0f | %.1f KB | %.1f KB |" % (
            name, t, du / 1e6, du / (n * m), year[0] / 1e3, year[1] / 1e3))
    lines += ["", "A new file's ring covers the series' span rounded up the quarter-octave "
              "ladder (at least 384 days, one 4 KiB block); *before* is the previous "
              "release, whose every file held 60 years of days and 60 years of weeks."]
    return lines


def write_doc(rows, reports, appends, readers, mem, sizes, sdmx, breakdowns):
    lines = ["# Benchmarks", "",
             "Produced by `python3 bench/bench.py` (this file is rewritten by it). "
             "Synthetic data (`bench/synthetic.py`), medians of %d runs, wall clock; "
             "memory is the peak RSS of each process. The machine is shared and "
             "noisy: compare within one run, not across runs." % REPEAT, "",
             "## Load: N series × 3650 days, long layout", "",
             "| series | rows | baytrack | floor (librrd batch) | `rrdtool -` pipe | baytrack / floor | pipe / baytrack | baytrack peak | floor peak | pipe peak |",
             "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for n, r, bt, fl, pp, rv in rows:
        lines.append("| %d | %d | %.2f s | %.2f s | %.1f s | %.2f× | %.0f× | %.0f MiB | %.0f MiB | %.0f MiB |"
                     % (n, r, bt[0], fl[0], pp[0], bt[0] / fl[0], pp[0] / bt[0], bt[1], fl[1], pp[1]))
    lines += ["", "baytrack's time includes reading and decoding the CSV, checking every "
              "row, building each file in a temporary directory, one `syncfs` and a "
              "journalled rename per file (durable and atomic); the floor does none of it.",
              "", "## Revise: 1 % of the values changed, a week of new days added", "",
              "| series | fresh load | revise | revise / fresh | revise peak |", "|---:|---:|---:|---:|---:|"]
    for n, r, bt, fl, pp, rv in rows:
        lines.append("| %d | %.2f s | %.2f s | %.2f× | %.0f MiB |" % (n, bt[0], rv[0], rv[0] / bt[0], rv[1]))
    lines += ["", "A revision rebuilds every touched file (librrd refuses updates older than "
              "a file's last one): read back, merge, write anew, rename."]
    lines += append_lines(appends)
    lines += readers_lines(readers)
    lines += size_lines(sizes)
    lines += memory_lines(mem)
    lines += breakdowns_lines(breakdowns)
    lines += report_lines(reports)
    lines += sdmx_lines(sdmx)
    lines += ["", "## Reproduce", "", "    cmake -S . -B build && cmake --build build",
              "    python3 bench/bench.py            # about ten minutes",
              "    python3 bench/bench.py --quick    # 30 and 300 series, one run",
              "    python3 bench/bench.py --breakdowns-only --before OLD/build/baytrack   # one section",
              "    git worktree add --detach OLD 96abc16 && cmake -S OLD -B OLD/build && "
              "cmake --build OLD/build --target baytrack   # the previous release", ""]
    with open(os.path.join(ROOT, "docs", "benchmarks.md"), "w") as f:
        f.write("\n".join(lines))
    print("\n".join(lines))


if __name__ == "__main__":
    main()
