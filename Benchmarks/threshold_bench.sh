#!/usr/bin/env bash
# Frames after state changes on synthetic rows in the interface (default layout, the confusion
# pane, the score histogram's reliability curve): threshold steps (→ while moving it; the key
# and the frame) and filter changes (the first frame, and the time until the background work
# it asked for has ended and a frame shows it), median and p99, release build. Runs twice:
# background work on worker threads (as in the interface), then inline (all of it on the frame).
#
# Usage: Benchmarks/threshold_bench.sh [ROWS]   (default 1000000)
set -euo pipefail
# BUILD (default .build) is the build folder, for a release build kept apart from the debug one.
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
BUILD=${BUILD:-.build}
swift build -c release --scratch-path "$BUILD" --product tutti-bench >&2
"$BUILD"/release/tutti-bench threshold "${1:-1000000}"
"$BUILD"/release/tutti-bench threshold "${1:-1000000}" inline
