#!/usr/bin/env bash
# Two models compared on synthetic rows: agreement matrix, both models' metrics and per-slice
# deltas by a column of 8 values, from evaluators built once (median of 5, release build), and
# building the evaluators apart.
#
# Usage: Benchmarks/compare_bench.sh [ROWS]   (default 1000000)
set -euo pipefail
# BUILD (default .build) is the build folder, for a release build kept apart from the debug one.
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
BUILD=${BUILD:-.build}
swift build -c release --scratch-path "$BUILD" --product tutti-bench >&2
"$BUILD"/release/tutti-bench compare "${1:-1000000}"
