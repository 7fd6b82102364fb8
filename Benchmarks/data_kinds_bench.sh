#!/bin/sh
# Issue 12 targets: recognising an ISO time column adds ≤ 20% to the load of a 1M-row table,
# and a derived column over 1M rows takes ≤ 20 ms. Usage: Benchmarks/data_kinds_bench.sh [ROWS]
set -eu
ROWS=${1:-1000000}
cd "$(dirname "$0")/.."
swift build -c release --product tutti-bench >/dev/null
DATA=$(mktemp -d)
trap 'rm -rf "$DATA"' EXIT
python3 - "$ROWS" "$DATA/times.csv" <<'PY'
import random, sys, time
rows, path = int(sys.argv[1]), sys.argv[2]
random.seed(12)
start = 1_230_000_000  # 2008-12-23
with open(path, "w") as f:
    f.write("id,created_at,score,label,prediction\n")
    for i in range(rows):
        t = start + random.randrange(400_000_000)
        s = random.random()
        # ISO 8601 with Z, as tweets and most exports write them.
        stamp = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(t))
        f.write(f"{i},{stamp},{s:.4f},{int(s > 0.4)},{int(random.random() > 0.5)}\n")
PY
echo "rows: $ROWS"
.build/release/tutti-bench timeload "$DATA/times.csv" created_at
.build/release/tutti-bench derive "$DATA/times.csv" 'margin=abs(score - 0.5)'
.build/release/tutti-bench derive "$DATA/times.csv" 'correct=label == prediction'
.build/release/tutti-bench derive "$DATA/times.csv" 'year=year(created_at)'
