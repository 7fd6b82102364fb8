#!/usr/bin/env bash
# SliceLine benchmark: tutti vs the PyPI `sliceline` package on the Adult data.
#
# Usage: Benchmarks/sliceline_bench.sh [ADULT_FILE]
#        (default: ../shared/data/adult_scored.csv, else the demo file)
#
# Runs `tutti-bench slices FILE BINS.csv` (14 feature columns, numbers in 10 equal-width bins,
# 0/1 errors, alpha 0.95, k 10, max level 3, minimum support max(32, 1%)), which also writes
# the binned rows it searched; then Benchmarks/sliceline_peer.py on those same bins with the same
# parameters, from .venv-bench (sliceline[optimized] installed there if missing). Prints one JSON
# line each: time, slices evaluated (tutti), top slices.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
FILE=${1:-../shared/data/adult_scored.csv}
[[ -f $FILE ]] || FILE=Sources/TuttiCore/Demo/adult_scored.csv.gz

swift build -c release --product tutti-bench >&2
VENV=.venv-bench
if ! "$VENV/bin/python" -c "import sliceline" 2> /dev/null; then
    [[ -x $VENV/bin/python ]] || python3 -m venv "$VENV"
    "$VENV/bin/python" -m pip install --quiet --disable-pip-version-check "sliceline[optimized]"
fi

BINS=$(mktemp --suffix .csv)
trap 'rm -f "$BINS"' EXIT
tutti=$(.build/release/tutti-bench slices "$FILE" "$BINS")
echo "tutti:     $tutti"
support=$(python3 -c 'import json, sys; print(json.loads(sys.argv[1])["minimum_support"])' "$tutti")
echo "sliceline: $("$VENV/bin/python" Benchmarks/sliceline_peer.py "$BINS" "$support")"
