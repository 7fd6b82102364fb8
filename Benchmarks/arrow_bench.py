#!/usr/bin/env python3
"""Times `tutti count` on Arrow IPC files made from an evaluation CSV, against pyarrow
`ipc.open_file(...).read_all()` in the same run. Called by Benchmarks/arrow_bench.sh.

Both are whole processes (start-up and imports included) and the median of --runs runs; the
pyarrow row also gives the read alone, timed inside the process.
"""
import argparse
import pathlib
import statistics
import subprocess
import sys
import time

import pyarrow as pa
import pyarrow.csv as pacsv
import pyarrow.ipc as ipc

PEER = """
import sys, time
import pyarrow.ipc as ipc
start = time.perf_counter()
table = ipc.open_file(sys.argv[1]).read_all()
print(table.num_rows, time.perf_counter() - start)
"""


def convert(csv, compression):
    suffix = "" if compression is None else "_" + compression
    path = csv.with_name(csv.stem + suffix + ".arrow")
    if not path.exists():
        table = pacsv.read_csv(csv)
        with ipc.new_file(path, table.schema, options=ipc.IpcWriteOptions(compression=compression)) as writer:
            writer.write_table(table, max_chunksize=64 * 1024)
    return path


def wall(command, runs):
    times, out = [], ""
    for _ in range(runs):
        start = time.perf_counter()
        out = subprocess.run(command, check=True, capture_output=True, text=True).stdout
        times.append(time.perf_counter() - start)
    return statistics.median(times), out


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("csv", type=pathlib.Path)
    parser.add_argument("--tutti", required=True)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    print(f"pyarrow {pa.__version__}, {args.runs} runs each (median wall time, whole process)\n")
    print("| file | size | tutti count | pyarrow read_all (process) | pyarrow read_all (read alone) |")
    print("|---|---:|---:|---:|---:|")
    for compression in [None, "zstd"]:
        path = convert(args.csv, compression)
        tutti, out = wall([args.tutti, "count", str(path)], args.runs)
        peer, peer_out = wall([sys.executable, "-c", PEER, str(path)], args.runs)
        rows, inside = peer_out.split()
        assert out.split()[0].replace(",", "") == rows, (out, rows)
        size = path.stat().st_size / 1e6
        print(f"| {path.name} | {size:.0f} MB | {tutti:.3f} s | {peer:.3f} s | {float(inside):.3f} s |")


if __name__ == "__main__":
    main()
