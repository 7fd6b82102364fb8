#!/usr/bin/env bash
# Embedding benchmark: PCA to 2-D and familiarity (k nearest neighbours) over ROWS generated
# vectors of WIDTH floats (a mixture of Gaussian clusters), tutti against scikit-learn in the
# same run. tutti's familiarity recall is measured against exact search on SAMPLE rows.
# Prints JSON lines.
#
# Usage: Benchmarks/embeddings_bench.sh [ROWS] [WIDTH] [K] [SAMPLE]   (default 100000 128 10 1000)
# The release build goes to $SCRATCH (default .build).
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
ROWS=${1:-100000}
WIDTH=${2:-128}
K=${3:-10}
SAMPLE=${4:-1000}
SCRATCH=${SCRATCH:-.build}

swift build -c release --product tutti-bench --scratch-path "$SCRATCH" >&2
BENCH=$SCRATCH/release/tutti-bench
PYTHON=python3
if ! "$PYTHON" -c "import numpy, sklearn" 2> /dev/null; then
    VENV=.venv-bench
    [[ -x $VENV/bin/python ]] || python3 -m venv "$VENV"
    "$VENV/bin/python" -m pip install --quiet --disable-pip-version-check numpy scikit-learn
    PYTHON=$VENV/bin/python
fi

DATA=Benchmarks/data/vectors_${ROWS}x${WIDTH}.jsonl
mkdir -p Benchmarks/data
[[ -f $DATA ]] || "$PYTHON" Benchmarks/embeddings_peer.py gen "$ROWS" "$WIDTH" "$DATA"

"$BENCH" embeddings "$DATA" v "$K" "$SAMPLE"
"$PYTHON" Benchmarks/embeddings_peer.py pca "$DATA"
"$PYTHON" Benchmarks/embeddings_peer.py knn "$DATA" "$K"
