"""baytrack's benchmark: side by side in one run, on SYNTHETIC data.

usage: python3 bench/bench.py [--quick] [--report-only | --append-only | --readers-only | --size-only] [--build DIR] [--before BINARY]
  --quick    30 and 300 series only, 1 repeat (a smoke run)
  --report-only  the report section only (rewrites its part of docs/benchmarks.md)
  --append-only  the append section only (rewrites its part of docs/benchmarks.md)
  --readers-only the collect-beside-readers section only (the same)
  --size-only    the size section only (the same)
  --before   an older baytrack binary, measured beside this one on appends
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
           baytrack load (in place, journalled, synced) / the same through a
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
FLOOR = os.path.join(OUT, "floor")
REPEAT = 1 if QUICK else 3
SIZES = [30, 300] if QUICK else [30, 300, 1000]
DAYS = 3650
DAY0 = 16436  # 2015-01-01


def run(cmd, stdin=None, env=None):
    """Runs cmd; returns (seconds, peak RSS in MiB)."""
    fin = open(stdin) if stdin else subprocess.DEVNULL
    t0 = time.perf_counter()
    p = subprocess.Popen(cmd, stdin=fin, stdout=subprocess.DEVNULL, env=env)
    _, status, usage = os.wait4(p.pid, 0)
    dt = time.perf_counter() - t0
    if status != 0:
        sys.exit("failed: %s" % " ".join(cmd))
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
            "--size-only": ("## Size", bench_size, size_lines)}
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

    reports = bench_report(gen, env)
    write_doc(rows, reports, appends, readers, mem, sizes)


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
    ten years; then the real datasets, against --before (one language)."""
    out = []
    for kind, n, start in (("yearly", 100, 1230768000), ("daily", 20, 1420070400)):
        data = os.path.join(OUT, "synthetic_%s.csv" % kind)
        subprocess.check_call(gen + [kind, data])
        sub = os.path.join(OUT, "catalogue_" + kind)  # only this kind
        os.makedirs(sub, exist_ok=True)
        for name in ("indicators.csv", "targets.csv"):
            with open(os.path.join(OUT, "catalogue", name)) as f, open(os.path.join(sub, name), "w") as g:
                g.writelines(l for l in f if not l.startswith("synthetic.") or
                             l.startswith("synthetic.%s0" % kind[0]))
        kenv = dict(env, BAYTRACK_CATALOGUE=sub)
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
        out.append((kind, n, charts, rt, gt))
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
    if BEFORE:
        before = median_of(lambda: shutil.rmtree(rep, ignore_errors=True),
                           [BEFORE, "report", "-q", "--db", rdb, "-o", rep], env=renv)
    out.append(("real", pages, charts, real, before))
    print("real: report %.2f s (%d pages, %d charts)%s" % (
        real[0], pages, charts, ", before %.2f s" % before[0] if before else ""), flush=True)
    return out


def bench_append(gen, env):
    """One new day for N series with H days of history: medians of
    REPEAT runs, each on a fresh copy of the same database."""
    out = []
    for hist in (365, 3650):
        for n in ([300] if QUICK else [300, 3000]):
            base = os.path.join(OUT, "append_%dx%d" % (n, hist))
            series_dir = os.path.join(base, "synthetic.daily")
            if not os.path.isdir(series_dir):
                os.makedirs(series_dir)
                subprocess.check_call([FLOOR, str(n), str(hist), series_dir])
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

            r = {"n": n, "hist": hist}
            r["bt"] = median_of(copy, [BAYTRACK, "load", "-q", "--db", work, night], env=env)
            if BEFORE:  # on the same files in the previous release's layout
                base_v1 = base + "_v1"
                if not os.path.isdir(base_v1):
                    os.makedirs(os.path.join(base_v1, "synthetic.daily"))
                    subprocess.check_call([FLOOR, str(n), str(hist),
                                           os.path.join(base_v1, "synthetic.daily"), "v1"])

                def copy_v1():
                    shutil.rmtree(work, ignore_errors=True)
                    shutil.copytree(base_v1, work)
                    os.sync()
                r["before"] = median_of(copy_v1, [BEFORE, "load", "-q", "--db", work, night], env=env)
            r["daemon"] = median_through_daemon(copy, work, night, env)
            r["floor"] = median_of(copy, [FLOOR, "append", str(n), str(hist),
                                          os.path.join(work, "synthetic.daily")])
            r["pipe"] = median_of(copy, ["rrdtool", "-"], stdin=cmds)
            # the durable floor: the same pipe, then one syncfs of the files
            r["durable"] = median_of(copy, ["sh", "-c", 'rrdtool - < "$1" && sync -f "$2"',
                                            "durable", cmds, work])
            out.append(r)
            print("append %5d series x %4d days: baytrack %.3f s, through rrdcached %.3f s, "
                  "floor %.3f s, pipe %.3f s, pipe + syncfs %.3f s%s" % (
                n, hist, r["bt"][0], r["daemon"][0], r["floor"][0], r["pipe"][0], r["durable"][0],
                ", before %.3f s" % r["before"][0] if BEFORE else ""), flush=True)
    shutil.rmtree(os.path.join(OUT, "append_work"), ignore_errors=True)
    return out


def median_through_daemon(copy, work, night, env):
    """Median time of the nightly load through a local rrdcached serving
    work (started after each copy, stopped after each run; neither timed)."""
    sock = os.path.join(OUT, "rrdcached.sock")
    journal = os.path.join(OUT, "rrdcached.journal")
    times = []
    for _ in range(REPEAT):
        copy()
        fresh(journal)
        for f in (sock, sock + ".pid"):
            if os.path.exists(f):
                os.remove(f)
        d = subprocess.Popen(["rrdcached", "-g", "-l", "unix:" + sock, "-b", work, "-B",
                              "-F", "-j", journal, "-p", sock + ".pid", "-w", "3600",
                              "-f", "7200"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        while not os.path.exists(sock):
            time.sleep(0.05)
        t, _ = run([BAYTRACK, "--daemon", "unix:" + sock, "load", "-q", "--db", work, night], env=env)
        times.append(t)
        d.terminate()
        d.wait()
    return statistics.median(times), 0


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
    shutil.rmtree(db, ignore_errors=True)
    t, m = run([BAYTRACK, "load", "-q", "--db", db, csv], env=env)
    shutil.rmtree(db, ignore_errors=True)
    print("memory: %d x %d rows in %.1f s, peak %.0f MiB" % (n, DAYS, t, m), flush=True)
    return (n, os.path.getsize(csv), t, m)


def report_lines(reports):
    """The report section of docs/benchmarks.md."""
    lines = ["", "## Report: the site against `rrdtool graph`", "",
              "| series | baytrack report | charts | per chart | `rrdtool graph` per series | report / graph | report peak |",
              "|---|---:|---:|---:|---:|---:|---:|"]
    for kind, n, charts, rt, gt in reports[:2]:
        lines.append("| %d %s indicators%s | %.2f s | %d | %.1f ms | %.1f ms | %.2f× | %.0f MiB |" % (
            n, kind, " of 3,650 days" if kind == "daily" else " of 15 years",
            rt[0], charts, rt[0] / charts * 1000, gt[0] / n * 1000,
            (rt[0] / charts) / (gt[0] / n), rt[1]))
    _, pages, charts, real, before = reports[2]
    lines += ["", "The report draws each indicator's chart in three languages (SVG, one "
              "gnuplot process for all), the small multiples and a PNG dashboard a language, and "
              "also reads and assesses every indicator and writes every page and CSV "
              "download; `rrdtool graph` draws one PNG of one series per process.", "",
              "| the shipped catalogue and datasets/ (whole IMMD file) | time | peak |",
              "|---|---:|---:|",
              "| baytrack report: %d pages, %d charts, 3 languages | %.2f s | %.0f MiB |" % (
                  pages, charts, real[0], real[1])]
    if before:
        lines += ["| before (`--before`): one language, PNG | %.2f s | %.0f MiB |" % before,
                  "", "Three languages take %.2f× the one-language time of the previous "
                  "release." % (real[0] / before[0])]
    return lines


def append_lines(appends):
    """The append section of docs/benchmarks.md."""
    lines = ["", "## Append: one new day per series, the nightly job", "",
             "| series | history | baytrack | through rrdcached | floor (`rrd_updatex_r` per file) | `rrdtool -` pipe | pipe + one `syncfs` (durable floor) | baytrack / durable | baytrack / pipe | baytrack / floor | rrdcached / baytrack |%s" % (" before | before / baytrack |" if BEFORE else ""),
             "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|%s" % ("---:|---:|" if BEFORE else "")]
    for r in appends:
        extra = " %.3f s | %.2f× |" % (r["before"][0], r["before"][0] / r["bt"][0]) if BEFORE else ""
        lines.append("| %d | %d days | %.3f s | %.3f s | %.3f s | %.3f s | %.3f s | %.2f× | %.2f× | %.2f× | %.2f× |%s" % (
            r["n"], r["hist"], r["bt"][0], r["daemon"][0], r["floor"][0], r["pipe"][0],
            r["durable"][0], r["bt"][0] / r["durable"][0], r["bt"][0] / r["pipe"][0],
            r["bt"][0] / r["floor"][0], r["daemon"][0] / r["bt"][0], extra))
    lines += ["", "Each run starts from a copy of the same database, synced to disk (neither is timed). "
              "baytrack reads each file's header and appends in place, after saving the "
              "bytes the append changes in a rollback journal (fsynced); it syncs the "
              "appends with one `syncfs` and commits by removing the rollback journal: "
              "the load is all or nothing. Through rrdcached "
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
                  " *before* is the previous release (`--before`) on the same series in its "
                  "layout (60 years of days and of weeks, 200 KB a file): each run copies "
                  "600 MB at 3,000 series, so its reads and writes also miss the page cache; "
                  "that is part of what files 50 times larger cost." if BEFORE else "")]
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


def write_doc(rows, reports, appends, readers, mem, sizes):
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
    lines += ["", "## Memory: %d series × %d days (%d rows, %.0f MiB of CSV)" % (
                  mem[0], DAYS, mem[0] * DAYS, mem[1] / 1048576), "",
              "| load | peak RSS | bytes of peak per row |", "|---:|---:|---:|",
              "| %.1f s | %.0f MiB | %.1f |" % (mem[2], mem[3], mem[3] * 1048576 / (mem[0] * DAYS)),
              "", "The input is streamed in 1 MiB pieces; each observation is kept in 12 "
              "bytes until every row is checked; files are written series by series."]
    lines += report_lines(reports)
    lines += ["", "## Reproduce", "", "    cmake -S . -B build && cmake --build build",
              "    python3 bench/bench.py            # about ten minutes",
              "    python3 bench/bench.py --quick    # 30 and 300 series, one run", ""]
    with open(os.path.join(ROOT, "docs", "benchmarks.md"), "w") as f:
        f.write("\n".join(lines))
    print("\n".join(lines))


main()
