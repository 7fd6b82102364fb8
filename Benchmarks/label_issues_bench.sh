#!/usr/bin/env bash
# Likely label errors: tutti's confident learning against cleanlab's find_label_issues (defaults).
#
# Usage: Benchmarks/label_issues_bench.sh [ADULT_FILE] [ROWS] [CLASSES]
#        (default: /work/shared/data/adult_scored.csv, else ../shared/data/…, else the demo file;
#        1000000 rows, 10 classes)
#
# 1. Adult (two classes, the model's score): `tutti label-issues FILE --format json` against
#    cleanlab's set on the same labels and probabilities [1 - score, score]: Jaccard overlap.
# 2. Synthetic ROWS x CLASSES probabilities (5% of the labels flipped): `tutti-bench labelissues`
#    times ConfidentLearning.issues (median of 5, release build) and writes the inputs; cleanlab
#    runs on the same inputs (timed once, all cores as it chooses): time and Jaccard overlap.
# cleanlab is installed into .venv-bench when python3 lacks it. Prints one JSON line per part.
set -euo pipefail
# BUILD (default .build) is the build folder, for a release build kept apart from the debug one.
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
BUILD=${BUILD:-.build}
FILE=${1:-/work/shared/data/adult_scored.csv}
[[ -f $FILE ]] || FILE=../shared/data/adult_scored.csv
[[ -f $FILE ]] || FILE=Sources/TuttiCore/Demo/adult_scored.csv.gz
ROWS=${2:-1000000}
CLASSES=${3:-10}

swift build -c release --scratch-path "$BUILD" --product tutti >&2
swift build -c release --scratch-path "$BUILD" --product tutti-bench >&2
PYTHON=.venv-bench/bin/python
if python3 -c "import cleanlab, pandas" 2> /dev/null; then
    PYTHON=python3
elif ! "$PYTHON" -c "import cleanlab, pandas" 2> /dev/null; then
    [[ -x $PYTHON ]] || python3 -m venv .venv-bench
    "$PYTHON" -m pip install --quiet --disable-pip-version-check cleanlab pandas
fi

WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
start=$(date +%s.%N)
"$BUILD"/release/tutti label-issues "$FILE" --format json > "$WORK/adult.json"
end=$(date +%s.%N)
echo "adult: $("$PYTHON" Benchmarks/label_issues_peer.py adult "$FILE" "$WORK/adult.json" "$(echo "$end - $start" | bc)")"
tutti=$("$BUILD"/release/tutti-bench labelissues "$ROWS" "$CLASSES" "$WORK/synthetic.bin")
echo "synthetic tutti: $tutti"
echo "synthetic cleanlab: $("$PYTHON" Benchmarks/label_issues_peer.py synthetic "$WORK/synthetic.bin" "$ROWS" "$CLASSES")"
