#!/usr/bin/env python3
"""Parquet benchmark: tutti vs pyarrow and polars on a 1M-row evaluation table, and Parquet export.

Usage: python3 Benchmarks/parquet_bench.py [--rows 1000000] [--runs 3] [--tutti .build/release/tutti]

1. Writes Benchmarks/data/eval_<rows>.parquet from Benchmarks/gen_eval_table.py's CSV with pyarrow
   (snappy, dictionary encoding: pyarrow's defaults), if missing.
2. Load: each tool reads the file in a fresh process, RUNS times, tools alternating; wall = the whole
   process (start-up and imports included), peak = max RSS from wait4.
   tutti: `tutti count FILE` (loads every column). pyarrow: `pq.read_table` (an Arrow table, no pandas).
   polars: `pl.read_parquet`.
3. Export: `tutti export FILE -o out.parquet` (snappy) vs a polars process that reads the file and
   calls `write_parquet` (snappy); also polars' write alone, timed inside its process, and the
   write alone of each by CPU time (the export process less the load process of step 2).
4. Checks that pyarrow, polars and DuckDB read tutti's file back with the same values as pyarrow
   reads from the original (integers as int64, categoricals as strings).
Prints Markdown tables for BENCHMARKS.md.
"""
import argparse
import pathlib
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = pathlib.Path(__file__).resolve().parents[1]


def run_once(cmd):
    """Wall seconds, CPU seconds (user + system), peak RSS in MiB and stdout of one fresh process.
    /usr/bin/time measures it, so the benchmark's own memory does not count (a child forked from
    this Python process would report this process's pages as its own)."""
    start = time.perf_counter()
    proc = subprocess.run(["/usr/bin/time", "-f", "%U %S %M", *cmd], capture_output=True)
    wall = time.perf_counter() - start
    if proc.returncode != 0:
        sys.exit(f"{cmd} failed: {proc.stderr.decode()[:500]}")
    user, system, peak = proc.stderr.decode().strip().splitlines()[-1].split()
    return wall, float(user) + float(system), int(peak) / 1024, proc.stdout.decode()


def python(code):
    return [sys.executable, "-c", code]


def make_file(rows):
    import pyarrow.csv as pacsv
    import pyarrow.parquet as pq
    tag = f"{rows // 1_000_000}m" if rows % 1_000_000 == 0 else str(rows)
    data = ROOT / "Benchmarks/data"
    data.mkdir(parents=True, exist_ok=True)
    parquet = data / f"eval_{tag}.parquet"
    if not parquet.exists():
        csv = data / f"eval_{tag}.csv"
        if not csv.exists():
            subprocess.run([sys.executable, str(ROOT / "Benchmarks/gen_eval_table.py"), "--rows", str(rows), "-o", str(csv)],
                           check=True)
        table = pacsv.read_csv(csv)
        pq.write_table(table, parquet, compression="snappy", use_dictionary=True)
    return parquet


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--tutti", default=str(ROOT / ".build/release/tutti"))
    args = parser.parse_args()
    import pyarrow as pa
    import pyarrow.parquet as pq
    import polars as pl
    import duckdb

    file = make_file(args.rows)
    table = pq.read_table(file)
    decoded = table.nbytes
    print(f"file: {file} ({file.stat().st_size / 2**20:.1f} MiB), {table.num_rows:,} rows, {table.num_columns} columns; "
          f"decoded column data (Arrow nbytes) {decoded / 2**20:.1f} MiB")
    print(f"pyarrow {pa.__version__}, polars {pl.__version__}, duckdb {duckdb.__version__}")

    tools = {
        "tutti count": [args.tutti, "count", str(file)],
        "pyarrow read_table": python(f"import pyarrow.parquet as pq; pq.read_table({str(file)!r})"),
        "polars read_parquet": python(f"import polars as pl; pl.read_parquet({str(file)!r})"),
    }
    results = {name: [] for name in tools}
    for _ in range(args.runs):
        for name, cmd in tools.items():
            results[name].append(run_once(cmd)[:3])
    print("\n| tool | best s | median s | median CPU s | peak MiB | peak / decoded |\n| --- | ---: | ---: | ---: | ---: | ---: |")
    for name, runs in results.items():
        walls = [w for w, _, _ in runs]
        peak = max(p for _, _, p in runs)
        print(f"| {name} | {min(walls):.2f} | {statistics.median(walls):.2f} | {statistics.median(c for _, c, _ in runs):.2f} "
              f"| {peak:.0f} | {peak * 2**20 / decoded:.2f} |")

    with tempfile.TemporaryDirectory() as folder:
        out = pathlib.Path(folder) / "tutti.parquet"
        polars_out = pathlib.Path(folder) / "polars.parquet"
        export = {"tutti export": [args.tutti, "export", str(file), "-o", str(out), "--force"],
                  "polars read + write_parquet": python(
                      "import time, polars as pl\n"
                      f"frame = pl.read_parquet({str(file)!r})\n"
                      "start = time.perf_counter()\n"
                      f"frame.write_parquet({str(polars_out)!r}, compression='snappy')\n"
                      "print(time.perf_counter() - start)")}
        timings = {name: [] for name in export}
        for _ in range(args.runs):
            for name, cmd in export.items():
                timings[name].append(run_once(cmd))
        print("\n| export, whole process | best s | median s | median CPU s | peak MiB |\n| --- | ---: | ---: | ---: | ---: |")
        for name, runs in timings.items():
            walls = [w for w, _, _, _ in runs]
            print(f"| {name} | {min(walls):.2f} | {statistics.median(walls):.2f} | {statistics.median(c for _, c, _, _ in runs):.2f} "
                  f"| {max(p for _, _, p, _ in runs):.0f} |")
        writes = [float(o) for _, _, _, o in timings["polars read + write_parquet"]]
        print(f"\npolars write_parquet alone (inside its process): best {min(writes):.2f} s, median {statistics.median(writes):.2f} s")

        # The write alone, CPU: the export (or read + write) process less the load process, medians.
        def median_cpu(runs):
            return statistics.median(run[1] for run in runs)
        tutti_write = median_cpu(timings["tutti export"]) - median_cpu(results["tutti count"])
        polars_write = median_cpu(timings["polars read + write_parquet"]) - median_cpu(results["polars read_parquet"])
        tutti_wall = statistics.median(w for w, _, _, _ in timings["tutti export"]) - statistics.median(w for w, _, _ in results["tutti count"])
        print(f"write alone, CPU (export less load, medians): tutti {tutti_write:.2f} s, polars {polars_write:.2f} s "
              f"({tutti_write / polars_write:.2f}x); wall: tutti {tutti_wall:.2f} s, polars {statistics.median(writes):.2f} s")
        print(f"tutti file: {out.stat().st_size / 2**20:.1f} MiB; polars file: {polars_out.stat().st_size / 2**20:.1f} MiB")

        # Peers read tutti's file back with the same values.
        def normal(t):
            return {name: t.column(name).cast(pa.string()).to_pylist() if pa.types.is_dictionary(t.column(name).type)
                    else t.column(name).to_pylist() for name in t.column_names}
        original = normal(table)
        back = normal(pq.read_table(out))
        polars_back = pl.read_parquet(out)
        duck = duckdb.sql(f"select * from '{out}'").fetchnumpy()
        checks = []
        for name, values in original.items():
            same_arrow = back[name] == values
            same_polars = polars_back[name].to_list() == values
            same_duck = [None if v is None or (isinstance(v, float) and v != v) else v
                         for v in duck[name].tolist()] == values if name in duck else False
            checks.append((name, same_arrow, same_polars, same_duck))
        ok = all(a and p and d for _, a, p, d in checks)
        print("\nread back by pyarrow / polars / DuckDB with the same values: " + ("yes, every column" if ok else "NO"))
        for name, a, p, d in checks:
            if not (a and p and d):
                print(f"  {name}: pyarrow {a}, polars {p}, duckdb {d}")


if __name__ == "__main__":
    main()
