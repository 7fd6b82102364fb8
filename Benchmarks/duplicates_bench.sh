#!/usr/bin/env bash
# Duplicate benchmark: exact duplicates and conflicts over the 1M-row synthetic file (tutti vs
# pandas), near-duplicate text over generated short documents (tutti vs datasketch MinHashLSH),
# and near-duplicate vectors over 100k generated 128-dimensional vectors (tutti). Prints JSON lines.
#
# Usage: Benchmarks/duplicates_bench.sh [DOCS] [PEER_DOCS]
#   DOCS       documents for the text benchmark (default 200000)
#   PEER_DOCS  of which datasketch gets the first (default 20000: it is slow)
# The release build goes to $SCRATCH (default .build).
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
DOCS=${1:-200000}
PEER_DOCS=${2:-20000}
SCRATCH=${SCRATCH:-.build}

swift build -c release --product tutti-bench --scratch-path "$SCRATCH" >&2
BENCH=$SCRATCH/release/tutti-bench
VENV=.venv-bench
if ! "$VENV/bin/python" -c "import pandas, datasketch" 2> /dev/null; then
    [[ -x $VENV/bin/python ]] || python3 -m venv "$VENV"
    "$VENV/bin/python" -m pip install --quiet --disable-pip-version-check pandas datasketch
fi

EVAL=Benchmarks/data/eval_1m.csv
[[ -f $EVAL ]] || python3 Benchmarks/gen_eval_table.py --rows 1000000 -o "$EVAL" >&2
TEXTS=Benchmarks/data/docs_${DOCS}.csv
[[ -f $TEXTS ]] || "$VENV/bin/python" Benchmarks/duplicates_peer.py docs "$DOCS" "$TEXTS"

echo -n "tutti exact+conflicts:  "; "$BENCH" duplicates exact "$EVAL"
echo -n "pandas exact+conflicts: "; "$VENV/bin/python" Benchmarks/duplicates_peer.py exact "$EVAL"
echo -n "tutti exact, 4 columns: "; "$BENCH" duplicates exact "$EVAL" age country device segment
echo -n "pandas exact, 4 columns:"; "$VENV/bin/python" Benchmarks/duplicates_peer.py exact "$EVAL" age country device segment
echo -n "tutti text:             "; "$BENCH" duplicates text "$TEXTS" text
echo -n "datasketch text:        "; "$VENV/bin/python" Benchmarks/duplicates_peer.py text "$TEXTS" "$PEER_DOCS"
echo -n "tutti vectors:          "; "$BENCH" duplicates vectors 100000 128
