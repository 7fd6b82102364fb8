#!/usr/bin/env bash
# Arrow IPC load benchmark: `tutti count` (the whole process) on a 1M-row evaluation table
# written as an Arrow IPC file by pyarrow, with pyarrow `ipc.open_file(...).read_all()` as the
# peer in the same run.
#
# Usage: Benchmarks/arrow_bench.sh [ROWS]        (ROWS defaults to 1000000)
#   RUNS=5        runs per tool (wall time = median of RUNS)
#   SKIP_BUILD=1  do not build tutti; use .build/release/tutti if present
#
# Steps: generate Benchmarks/data/eval_<rows>.csv if missing (Benchmarks/gen_eval_table.py),
# convert it with pyarrow to eval_<rows>.arrow (uncompressed), eval_<rows>_zstd.arrow and
# eval_<rows>_dict.arrow (string columns dictionary-encoded), build tutti in release, then run
# Benchmarks/arrow_bench.py, which prints a Markdown table (wall and CPU times).
set -euo pipefail

ROWS=${1:-1000000}
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"

if (( ROWS % 1000000 == 0 )); then tag=$((ROWS / 1000000))m
elif (( ROWS % 1000 == 0 )); then tag=$((ROWS / 1000))k
else tag=$ROWS; fi
CSV=Benchmarks/data/eval_${tag}.csv
[[ -f $CSV ]] || python3 Benchmarks/gen_eval_table.py --rows "$ROWS" -o "$CSV"

PYTHON=python3
if ! "$PYTHON" -c "import pyarrow" 2> /dev/null; then
    VENV=.venv-bench
    [[ -x $VENV/bin/python ]] || python3 -m venv "$VENV"
    "$VENV/bin/python" -c "import pyarrow" 2> /dev/null \
        || "$VENV/bin/python" -m pip install --quiet --disable-pip-version-check pyarrow
    PYTHON=$VENV/bin/python
fi

[[ ${SKIP_BUILD:-0} == 1 ]] || swift build -c release --product tutti >&2
exec "$PYTHON" Benchmarks/arrow_bench.py "$CSV" --tutti "$ROOT/.build/release/tutti" --runs "${RUNS:-5}"
