#!/usr/bin/env bash
# Frame benchmark: key press to flushed screen for a brush step with five panes open, in a real
# terminal (tmux, 160x50), on the 1M-row synthetic file. Prints one JSON line with the state
# update, the render and the flush measured separately.
#
# Usage: Benchmarks/frame_bench.sh [ROWS]     (default 1000000)
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
ROWS=${1:-1000000}
if (( ROWS % 1000000 == 0 )); then tag=$((ROWS / 1000000))m; else tag=$((ROWS / 1000))k; fi
FILE=Benchmarks/data/eval_${tag}.csv
[[ -f $FILE ]] || python3 Benchmarks/gen_eval_table.py --rows "$ROWS" -o "$FILE" >&2
swift build -c release --product tutti-bench >&2
OUT=$(mktemp)
SESSION=tutti-frame-bench-$$
tmux new-session -d -x 160 -y 50 -s "$SESSION" "TERM=xterm-256color $ROOT/.build/release/tutti-bench frame $FILE $OUT; tmux wait-for -S $SESSION-done"
tmux wait-for "$SESSION-done"
tmux kill-session -t "$SESSION" 2> /dev/null || true
cat "$OUT"
rm -f "$OUT"
