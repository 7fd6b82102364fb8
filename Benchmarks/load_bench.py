#!/usr/bin/env python3
"""Time a full load of one CSV file by tutti and by Python peers.

Normally started by Benchmarks/load_bench.sh, which makes the file, builds
tutti and the .venv-bench virtual environment. By hand:

    .venv-bench/bin/python Benchmarks/load_bench.py FILE [--tutti PATH] [--runs 3]

Every load runs in its own fresh process; runs go round-robin over the tools.
Wall time is the whole process (start-up and imports included), reported as
the best and the median of --runs; ratios use the best. "read s" is the best
time of the load call alone, timed inside the Python peers. "user s" and
"sys s" are the CPU times of the run with the best wall time (os.wait4), so
the kernel's share (page faults, mappings) shows apart from parsing. (On VMs that hand
freed memory back to the host, e.g. Firecracker with free page reporting, a
run now and then pays ~0.5 s of extra page faults; the best is less noisy.) Peak RSS (max over the runs) comes from os.wait4 on
that very process. Each peer prints "rows=N read=S" to stderr and all row
counts must agree (exit status 1 if not, or if a tool fails).
"tutti" reads the file through its (guarded) mapping, "tutti (read)" its
chunks with pread (tutti-bench load-read). `tutti count FILE` is the whole command (load, then count every row);
`tutti info FILE --format json` also computes per-column statistics, so it
does more work than the peers, which only parse into memory. A peer whose
module is not installed is left out of the table.
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
    """Run cmd; return (rc, wall s, peak RSS MiB, user s, sys s, stdout, stderr)."""
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
                usage.ru_utime, usage.ru_stime, out.read().decode(errors="replace"), err.read().decode(errors="replace"))


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
    if tool == "tutti count":
        try:
            return int(stdout.strip()), None
        except ValueError:
            return None, None
    if tool.startswith("tutti"):
        try:
            return find_rows(json.loads(stdout)), None
        except ValueError:
            return None, None
    fields = dict(kv.split("=", 1) for kv in stderr.split() if "=" in kv)
    return int(fields["rows"]), float(fields["read"])


def installed(module):
    return subprocess.run([sys.executable, "-c", f"import {module}"],
                          capture_output=True).returncode == 0


def versions(modules):
    code = ("import importlib; print(', '.join(m + ' ' + importlib.import_module(m).__version__ "
            f"for m in {sorted(modules)!r}))")
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
    ap.add_argument("--peers", default=",".join(PEERS),
                    help="comma-separated peers to run (default: all installed)")
    args = ap.parse_args()
    modules = {name: PEERS[name][0].split()[1].split(".")[0] for name in PEERS}
    peers = [p for p in args.peers.split(",") if p in PEERS and installed(modules[p])]

    path = os.path.abspath(args.file)
    size_mib = os.path.getsize(path) / 2**20
    with open(path, encoding="utf-8", errors="replace") as f:
        columns = f.readline().count(",") + 1
    with open(path, "rb") as f:  # warm the page cache for every tool alike
        while f.read(1 << 23):
            pass

    tools = {}
    if args.tutti_bench:
        tools["tutti"] = [args.tutti_bench, "load", path]
        tools["tutti (read)"] = [args.tutti_bench, "load-read", path]
    if args.tutti:
        tools["tutti count"] = [args.tutti, "count", path]
        tools["tutti info"] = [args.tutti, "info", path, "--format", "json"]
    tools.update({name: peer_cmd(*PEERS[name]) + [path] for name in peers})

    res = {name: {"walls": [], "rss": 0.0, "rows": None, "read": [], "cpu": [], "error": None}
           for name in tools}
    for run in range(args.runs):
        for name, cmd in tools.items():
            r = res[name]
            if r["error"]:
                continue
            rc, wall, rss, user, system, out, err = run_once(cmd)
            if rc != 0:
                r["error"] = f"failed (exit {rc})"
                print(f"{name}: exit {rc}\n{err[-2000:]}", file=sys.stderr)
                continue
            rows, read = parse_rows(name, out, err)
            r["walls"].append(wall)
            r["cpu"].append((user, system))
            r["rss"] = max(r["rss"], rss)
            r["rows"] = rows
            if read is not None:
                r["read"].append(read)
            print(f"  run {run + 1}/{args.runs} {name:16} {wall:7.2f} s "
                  f"user {user:6.2f} sys {system:6.2f} {rss:8.0f} MiB  rows={rows if rows is not None else '?'}",
                  file=sys.stderr)

    # Row counts must agree.
    peer_rows = {res[n]["rows"] for n in peers if not res[n]["error"]}
    ok = len(peer_rows) == 1
    for tutti_rows in (r["rows"] for n, r in res.items() if n.startswith("tutti")):
        if ok and tutti_rows is not None and tutti_rows not in peer_rows:
            ok = False
    print("row counts: " + ", ".join(
        f"{n}={r['rows']}" for n, r in res.items()) + ("" if ok else "  MISMATCH"),
        file=sys.stderr)

    # Table.
    header = ["tool", "best s", "median s", "read s", "user s", "sys s", "peak MiB",
              "peak / file", "rows"]
    table = []
    if not args.tutti:
        table.append(["tutti", args.tutti_note] + [""] * (len(header) - 2))
    for name, r in res.items():
        if r["error"]:
            table.append([name, r["error"]] + [""] * (len(header) - 2))
            continue
        user, system = r["cpu"][r["walls"].index(min(r["walls"]))]
        table.append([
            name, f"{min(r['walls']):.2f}", f"{statistics.median(r['walls']):.2f}",
            f"{min(r['read']):.2f}" if r["read"] else "-",
            f"{user:.2f}", f"{system:.2f}",
            f"{r['rss']:.0f}", f"{r['rss'] / size_mib:.2f}",
            str(r["rows"]) if r["rows"] is not None else "?",
        ])
    notes = []
    best = {n: min(r["walls"]) for n, r in res.items() if r["walls"]}
    ours = [n for n in best if n.startswith("tutti")]
    theirs = [n for n in best if not n.startswith("tutti")]
    if ours and theirs:
        fastest = min(theirs, key=best.get)
        for tool in ours:
            notes.append(f"{tool} / fastest peer ({fastest}): {best[tool] / best[fastest]:.2f}x wall time (best)")
            if "polars" in best and fastest != "polars":
                notes.append(f"{tool} / polars: {best[tool] / best['polars']:.2f}x wall time (best)")
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
          f"{columns} columns); {cpu_name()}, {os.cpu_count()} cores, {mem:.0f} GiB RAM, "
          f"load average {os.getloadavg()[0]:.1f} at the end; "
          f"{platform.python_implementation()} {platform.python_version()}, "
          f"{versions({modules[p] for p in peers})}. "
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
