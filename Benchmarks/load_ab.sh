#!/usr/bin/env bash
# Interleaved A/B load benchmark: `tutti count` and `tutti info --format json` of each binary
# given, then polars `read_csv`, round after round, so that every tool sees the same machine
# (a shared or virtual machine's speed drifts by 10-20% within minutes). Prints, per tool and
# command, the best and median wall time, the median user and system time, and the peak RSS.
#
# Usage: Benchmarks/load_ab.sh ROUNDS FILE NAME=BINARY [NAME=BINARY ...]
#   e.g. Benchmarks/load_ab.sh 5 Benchmarks/data/eval_text_10m.csv base=/tmp/base-tutti new=.build/release/tutti
# Needs python3 with polars, and GNU time at /usr/bin/time.
set -euo pipefail

(( $# >= 3 )) || { sed -n '2,10p' "$0" >&2; exit 2; }
rounds=$1 file=$2
shift 2
log=$(mktemp)
trap 'rm -f "$log"' EXIT
for _ in $(seq "$rounds"); do
    for pair in "$@"; do
        name=${pair%%=*} binary=${pair#*=}
        /usr/bin/time -f "$name count %e %U %S %M" "$binary" count "$file" > /dev/null 2>> "$log"
        /usr/bin/time -f "$name info %e %U %S %M" "$binary" info "$file" --format json > /dev/null 2>> "$log"
    done
    /usr/bin/time -f "polars read_csv %e %U %S %M" \
        python3 -c "import polars, sys; polars.read_csv(sys.argv[1])" "$file" 2>> "$log"
done
python3 - "$log" <<'PY'
import collections, statistics, sys
runs = collections.defaultdict(list)
for line in open(sys.argv[1]):
    fields = line.split()
    if len(fields) == 6:
        runs[(fields[0], fields[1])].append([float(x) for x in fields[2:]])
print("| tool | command | best s | median s | user s (median) | sys s (median) | sys / user | peak MiB |")
print("|---|---|---:|---:|---:|---:|---:|---:|")
for (tool, command), values in runs.items():
    wall, user, system, peak = zip(*values)
    u, s = statistics.median(user), statistics.median(system)
    print(f"| {tool} | {command} | {min(wall):.2f} | {statistics.median(wall):.2f} | {u:.2f} | {s:.2f} | "
          f"{s / u:.0%} | {max(peak) / 1024:.0f} |")
PY
