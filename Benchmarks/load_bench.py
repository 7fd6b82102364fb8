#!/usr/bin/env python3
"""Time a full load of one CSV file by tutti and by Python peers.

Normally started by Benchmarks/load_bench.sh, which makes the file, builds
tutti and the .venv-bench virtual environment. By hand:

    .venv-bench/bin/python Benchmarks/load_bench.py FILE [--tutti PATH] [--runs 3]

Every load runs in its own fresh process; runs go round-robin over the tools.
Wall time is the whole process (start-up and imports included), reported as
the best and the median of --runs; ratios use the best. "read s" is the best
time of the load call alone, timed inside the Python peers. (On VMs that hand
freed memory back to the host, e.g. Firecracker with free page reporting, a
run now and then pays ~0.5 s of extra page faults; the best is less noisy.) Peak RSS (max over the runs) comes from os.wait4 on
that very process. Each peer prints "rows=N read=S" to stderr and all row
counts must agree (exit status 1 if not, or if a tool fails).
`tutti info FILE --format json` also computes per-column statistics, so it
does more work than the peers, which only parse into memory.
"""
import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import threading
import time

# name: (imports, load code that sets n = rows loaded); p is the file path.
PEERS = {
    "pyarrow": ("import pyarrow.csv", "n = pyarrow.csv.read_csv(p).num_rows"),
    "pandas": ("import pandas as pd", "n = len(pd.read_csv(p))"),
    "pandas[pyarrow]": ("import pandas as pd", "n = len(pd.read_csv(p, engine='pyarrow'))"),
    "polars": ("import polars as pl", "n = pl.read_csv(p).height"),
    "duckdb": ("import duckdb", """con = duckdb.connect()
con.execute("create table t as select * from read_csv_auto(?)", [p])
n = con.execute("select count(*) from t").fetchone()[0]"""),
    "duckdb->arrow": ("import duckdb", """r = duckdb.sql("select * from read_csv_auto(?)", params=[p])
n = (r.to_arrow_table() if hasattr(r, "to_arrow_table") else r.arrow()).num_rows"""),
}
# Imports happen before the clock starts, so "read s" is the load alone.
SNIPPET = """import sys, time
p = sys.argv[1]
{imports}
t0 = time.perf_counter()
{load}
print(f"rows={{n}} read={{time.perf_counter() - t0:.3f}}", file=sys.stderr)
"""
ROW_KEYS = ("rows", "rowCount", "row_count", "numRows", "num_rows", "nrows")
TIMEOUT = 900


def peer_cmd(imports, load):
    return [sys.executable, "-c", SNIPPET.format(imports=imports, load=load)]


def run_once(cmd):
    """Run cmd; return (rc, wall s, peak RSS MiB, stdout, stderr)."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        t0 = time.perf_counter()
        proc = subprocess.Popen(cmd, stdout=out, stderr=err)
        killer = threading.Timer(TIMEOUT, proc.kill)
        killer.start()
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - t0
        killer.cancel()
        proc.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        scale = 1 if sys.platform == "darwin" else 1024  # ru_maxrss unit
        return (proc.returncode, wall, usage.ru_maxrss * scale / 2**20,
                out.read().decode(errors="replace"), err.read().decode(errors="replace"))


def find_rows(obj):
    """Row count in tutti's JSON output, whatever nesting it uses."""
    if isinstance(obj, dict):
        for k in ROW_KEYS:
            if isinstance(obj.get(k), int):
                return obj[k]
        obj = list(obj.values())
    if isinstance(obj, list):
        for v in obj:
            if (n := find_rows(v)) is not None:
                return n
    return None


def parse_rows(tool, stdout, stderr):
    if tool.startswith("tutti"):
        try:
            return find_rows(json.loads(stdout)), None
        except ValueError:
            return None, None
    fields = dict(kv.split("=", 1) for kv in stderr.split() if "=" in kv)
    return int(fields["rows"]), float(fields["read"])


def versions():
    code = ("import pyarrow, pandas, polars, duckdb; "
            "print(f'pyarrow {pyarrow.__version__}, pandas {pandas.__version__}, "
            "polars {polars.__version__}, duckdb {duckdb.__version__}')")
    return subprocess.run([sys.executable, "-c", code], capture_output=True,
                          text=True).stdout.strip()


def cpu_name():
    try:
        for line in open("/proc/cpuinfo"):
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def main():
    ap = argparse.ArgumentParser(description="load benchmark runner")
    ap.add_argument("file")
    ap.add_argument("--tutti", default="", help="tutti binary; empty = not built")
    ap.add_argument("--tutti-note", default="not built")
    ap.add_argument("--tutti-bench", default="", help="tutti-bench binary (load only)")
    ap.add_argument("--runs", type=int, default=3)
    args = ap.parse_args()

    path = os.path.abspath(args.file)
    size_mib = os.path.getsize(path) / 2**20
    with open(path, "rb") as f:  # warm the page cache for every tool alike
        while f.read(1 << 23):
            pass

    tools = {}
    if args.tutti_bench:
        tools["tutti"] = [args.tutti_bench, "load", path]
    if args.tutti:
        tools["tutti info"] = [args.tutti, "info", path, "--format", "json"]
    tools.update({name: peer_cmd(*code) + [path] for name, code in PEERS.items()})

    res = {name: {"walls": [], "rss": 0.0, "rows": None, "read": [], "error": None}
           for name in tools}
    for run in range(args.runs):
        for name, cmd in tools.items():
            r = res[name]
            if r["error"]:
                continue
            rc, wall, rss, out, err = run_once(cmd)
            if rc != 0:
                r["error"] = f"failed (exit {rc})"
                print(f"{name}: exit {rc}\n{err[-2000:]}", file=sys.stderr)
                continue
            rows, read = parse_rows(name, out, err)
            r["walls"].append(wall)
            r["rss"] = max(r["rss"], rss)
            r["rows"] = rows
            if read is not None:
                r["read"].append(read)
            print(f"  run {run + 1}/{args.runs} {name:16} {wall:7.2f} s "
                  f"{rss:8.0f} MiB  rows={rows if rows is not None else '?'}",
                  file=sys.stderr)

    # Row counts must agree.
    peer_rows = {res[n]["rows"] for n in PEERS if not res[n]["error"]}
    ok = len(peer_rows) == 1
    for tutti_rows in (r["rows"] for n, r in res.items() if n.startswith("tutti")):
        if ok and tutti_rows is not None and tutti_rows not in peer_rows:
            ok = False
    print("row counts: " + ", ".join(
        f"{n}={r['rows']}" for n, r in res.items()) + ("" if ok else "  MISMATCH"),
        file=sys.stderr)

    # Table.
    header = ["tool", "best s", "median s", "read s", "peak MiB",
              "peak / file", "rows"]
    table = []
    if not args.tutti:
        table.append(["tutti", args.tutti_note, "", "", "", "", ""])
    for name, r in res.items():
        if r["error"]:
            table.append([name, r["error"], "", "", "", "", ""])
            continue
        table.append([
            name, f"{min(r['walls']):.2f}", f"{statistics.median(r['walls']):.2f}",
            f"{min(r['read']):.2f}" if r["read"] else "-",
            f"{r['rss']:.0f}", f"{r['rss'] / size_mib:.2f}",
            str(r["rows"]) if r["rows"] is not None else "?",
        ])
    notes = []
    best = {n: min(r["walls"]) for n, r in res.items() if r["walls"]}
    if "tutti" in best and len(best) > 1:
        fastest = min((n for n in best if not n.startswith("tutti")), key=best.get)
        notes.append(f"tutti / fastest peer ({fastest}): {best['tutti'] / best[fastest]:.2f}x wall time (best)")
        if "pyarrow" in best:
            notes.append(f"tutti / pyarrow: {best['tutti'] / best['pyarrow']:.2f}x wall time (best)")
    else:
        why = res["tutti"]["error"] if "tutti" in res else args.tutti_note
        notes.append(f"tutti: {why}; no ratios")

    rows = next(iter(peer_rows)) if peer_rows else "?"
    print(f"\nfile: {path} ({size_mib:.1f} MiB, {rows} rows)")
    widths = [max(len(row[i]) for row in [header] + table) for i in range(len(header))]
    for row in [header] + table:
        print("  ".join(c.ljust(w) if i == 0 else c.rjust(w)
                        for i, (c, w) in enumerate(zip(row, widths))))
    for n in notes:
        print(n)

    mem = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    print("\n--- Markdown ---\n")
    print(f"Load of `{os.path.basename(path)}` ({size_mib:.1f} MiB, {rows} rows, "
          f"14 columns); {cpu_name()}, {os.cpu_count()} cores, {mem:.0f} GiB RAM; "
          f"{platform.python_implementation()} {platform.python_version()}, {versions()}. "
          f"Each load is a fresh process, {args.runs} runs; wall = whole process "
          f"(start-up and imports included), best and median; read = the load call "
          f"alone (best); peak = max RSS. `tutti info --format json` also computes "
          f"per-column stats.\n")
    print("| " + " | ".join(header) + " |")
    print("|" + "|".join(["---"] + ["---:"] * (len(header) - 1)) + "|")
    for row in table:
        print("| " + " | ".join(row) + " |")
    print()
    for n in notes:
        print(f"- {n}")
    return 0 if ok and not any(r["error"] for r in res.values()) else 1


if __name__ == "__main__":
    sys.exit(main())
