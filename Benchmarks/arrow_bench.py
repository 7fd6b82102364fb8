#!/usr/bin/env python3
"""Times `tutti count` on Arrow IPC files made from an evaluation CSV, against pyarrow
`ipc.open_file(...).read_all()` in the same run. Called by Benchmarks/arrow_bench.sh.

Both are whole processes (start-up and imports included) and the median of --runs runs, tools
alternating; CPU = user + system time of the process (from /usr/bin/time), steadier than wall time
on a busy machine. The pyarrow row also gives the read alone, timed inside the process. Files:
uncompressed, ZSTD, and "dict" (uncompressed, the string columns dictionary-encoded).
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


def convert(csv, compression, dictionary=False):
    suffix = ("" if compression is None else "_" + compression) + ("_dict" if dictionary else "")
    path = csv.with_name(csv.stem + suffix + ".arrow")
    if not path.exists():
        table = pacsv.read_csv(csv)
        if dictionary:
            for index, field in enumerate(table.schema):
                if pa.types.is_string(field.type):
                    table = table.set_column(index, field.name, table.column(index).dictionary_encode())
        with ipc.new_file(path, table.schema, options=ipc.IpcWriteOptions(compression=compression)) as writer:
            writer.write_table(table, max_chunksize=64 * 1024)
    return path


def run_once(command):
    """Wall seconds, CPU seconds (user + system) and stdout of one process."""
    start = time.perf_counter()
    proc = subprocess.run(["/usr/bin/time", "-f", "%U %S", *command], check=True, capture_output=True, text=True)
    wall = time.perf_counter() - start
    user, system = proc.stderr.strip().splitlines()[-1].split()
    return wall, float(user) + float(system), proc.stdout


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("csv", type=pathlib.Path)
    parser.add_argument("--tutti", required=True)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    print(f"pyarrow {pa.__version__}, {args.runs} runs each, tools alternating (medians; whole processes)\n")
    print("| file | size | tutti count wall | tutti CPU | pyarrow read_all wall (process) | pyarrow CPU | pyarrow read alone |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    for compression, dictionary in [(None, False), ("zstd", False), (None, True)]:
        path = convert(args.csv, compression, dictionary)
        tutti, peer = [], []
        for _ in range(args.runs):
            tutti.append(run_once([args.tutti, "count", str(path)]))
            peer.append(run_once([sys.executable, "-c", PEER, str(path)]))
        rows = peer[-1][2].split()[0]
        assert tutti[-1][2].split()[0].replace(",", "") == rows, (tutti[-1][2], rows)
        size = path.stat().st_size / 1e6

        def median(runs, field):
            return statistics.median(run[field] for run in runs)
        inside = statistics.median(float(run[2].split()[1]) for run in peer)
        print(f"| {path.name} | {size:.0f} MB | {median(tutti, 0):.3f} s | {median(tutti, 1):.2f} s "
              f"| {median(peer, 0):.3f} s | {median(peer, 1):.2f} s | {inside:.3f} s |")


if __name__ == "__main__":
    main()
