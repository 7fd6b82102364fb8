#!/usr/bin/env bash
# Shared-state benchmark: filter evaluation and brush steps, tutti vs DuckDB, at 1M and 10M rows.
#
# Usage: Benchmarks/state_bench.sh [ROWS...]      (default: 1000000 10000000)
#
# For each size: generates Benchmarks/data/eval_<n>.csv if missing, then runs
#   tutti-bench filter FILE 'split == "test" and label != prediction'
#   tutti-bench brush FILE score age hours_per_week income tenure_years country device segment
# and the DuckDB peers (Benchmarks/filter_peer_duckdb.py, Benchmarks/brush_peer_duckdb.py)
# from .venv-bench (created by load_bench.sh; installed here if missing). Prints JSON lines.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
SIZES=("$@")
[[ ${#SIZES[@]} -gt 0 ]] || SIZES=(1000000 10000000)

swift build -c release --product tutti-bench >&2
VENV=.venv-bench
if ! "$VENV/bin/python" -c "import duckdb" 2> /dev/null; then
    [[ -x $VENV/bin/python ]] || python3 -m venv "$VENV"
    "$VENV/bin/python" -m pip install --quiet --disable-pip-version-check duckdb
fi

VIEWS=(age hours_per_week income tenure_years country device segment)
for rows in "${SIZES[@]}"; do
    if (( rows % 1000000 == 0 )); then tag=$((rows / 1000000))m; else tag=$((rows / 1000))k; fi
    file=Benchmarks/data/eval_${tag}.csv
    [[ -f $file ]] || python3 Benchmarks/gen_eval_table.py --rows "$rows" -o "$file" >&2
    echo "== $rows rows"
    echo -n "tutti filter:  "; .build/release/tutti-bench filter "$file" 'split == "test" and label != prediction'
    echo -n "duckdb filter: "; "$VENV/bin/python" Benchmarks/filter_peer_duckdb.py "$file" "split = 'test' and label <> prediction"
    echo -n "tutti brush:   "; .build/release/tutti-bench brush "$file" score "${VIEWS[@]}"
    echo -n "duckdb brush:  "; "$VENV/bin/python" Benchmarks/brush_peer_duckdb.py "$file" score "${VIEWS[@]}"
done
