#!/usr/bin/env bash
# Load benchmark: tutti vs pyarrow, pandas, polars and DuckDB on one CSV file.
#
# Usage: Benchmarks/load_bench.sh [ROWS]        (ROWS defaults to 1000000)
#   RUNS=3        runs per tool (wall time = median of RUNS)
#   SKIP_BUILD=1  do not build tutti; use .build/release/tutti{,-bench} if present
#   PEERS=a,b     only these peers (default: all installed of pyarrow, pandas,
#                 pandas[pyarrow], polars, duckdb, duckdb->arrow)
#
# "tutti" is a load alone (tutti-bench load FILE), "tutti (read)" the same load
# reading the file's chunks with pread instead of through its mapping; "tutti count" and "tutti info"
# are whole commands (`tutti info FILE --format json` also computes column statistics).
#
# Steps: generate Benchmarks/data/eval_text_<rows>.csv if missing
# (Benchmarks/gen_eval_table.py --unique-text: 15 columns, one of them six
# unique words per row), build tutti in release, use python3 if it has
# pyarrow, polars and duckdb, else create .venv-bench and install pyarrow,
# pandas, polars and duckdb in it if missing, then run
# Benchmarks/load_bench.py, which prints a plain table and the same table as
# Markdown (for BENCHMARKS.md). If tutti does not build, the peers still run
# and tutti is marked "not built".
set -euo pipefail

ROWS=${1:-1000000}
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"

if (( ROWS % 1000000 == 0 )); then tag=$((ROWS / 1000000))m
elif (( ROWS % 1000 == 0 )); then tag=$((ROWS / 1000))k
else tag=$ROWS; fi
FILE=Benchmarks/data/eval_text_${tag}.csv
[[ -f $FILE ]] || python3 Benchmarks/gen_eval_table.py --rows "$ROWS" --unique-text -o "$FILE"

TUTTI=$ROOT/.build/release/tutti
BENCH=$ROOT/.build/release/tutti-bench
tutti_arg=() note="not built"
if [[ ${SKIP_BUILD:-0} != 1 ]] && ! swift build -c release --product tutti >&2; then
    echo "load_bench: tutti release build failed; benchmarking the peers only" >&2
    note="not built (build failed)"
elif [[ ${SKIP_BUILD:-0} != 1 ]] && ! swift build -c release --product tutti-bench >&2; then
    note="not built (build failed)"
fi
[[ -x $TUTTI ]] && tutti_arg+=(--tutti "$TUTTI")
[[ -x $BENCH ]] && tutti_arg+=(--tutti-bench "$BENCH")

PYTHON=python3
if ! python3 -c "import pyarrow, polars, duckdb" 2> /dev/null; then
    VENV=.venv-bench
    PYTHON=$VENV/bin/python
    if ! "$PYTHON" -c "import pyarrow, pandas, polars, duckdb" 2> /dev/null; then
        [[ -x $PYTHON ]] || python3 -m venv "$VENV"
        "$PYTHON" -m pip install --quiet --disable-pip-version-check \
            pyarrow pandas polars duckdb
    fi
fi

exec "$PYTHON" Benchmarks/load_bench.py "$FILE" --runs "${RUNS:-3}" ${PEERS:+--peers "$PEERS"} \
    --tutti-note "$note" ${tutti_arg[@]+"${tutti_arg[@]}"}
