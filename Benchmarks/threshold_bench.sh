#!/usr/bin/env bash
# One step of the live score threshold (→ while moving it) on synthetic rows in the interface:
# the key (predictions re-derived) and the frame (default layout plus the confusion pane),
# median and p99 of 60 steps, release build.
#
# Usage: Benchmarks/threshold_bench.sh [ROWS]   (default 1000000)
set -euo pipefail
# BUILD (default .build) is the build folder, for a release build kept apart from the debug one.
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
BUILD=${BUILD:-.build}
swift build -c release --scratch-path "$BUILD" --product tutti-bench >&2
"$BUILD"/release/tutti-bench threshold "${1:-1000000}"
