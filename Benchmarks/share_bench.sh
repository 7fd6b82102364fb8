#!/usr/bin/env bash
# Sharing benchmark: saving and restoring a view, exporting a selection (what x does) and
# writing an HTML report, on the 1M-row synthetic file and on Adult; the peer exports the same
# selection with pandas and polars. Prints JSON lines.
#
# Usage: Benchmarks/share_bench.sh        (the release build goes to $SCRATCH, default .build)
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
SCRATCH=${SCRATCH:-.build}
swift build -c release --product tutti-bench --scratch-path "$SCRATCH" >&2
BENCH=$SCRATCH/release/tutti-bench
VENV=.venv-bench
if ! "$VENV/bin/python" -c "import pandas, polars" 2> /dev/null; then
    [[ -x $VENV/bin/python ]] || python3 -m venv "$VENV"
    "$VENV/bin/python" -m pip install --quiet --disable-pip-version-check pandas polars
fi
EVAL=Benchmarks/data/eval_1m.csv
[[ -f $EVAL ]] || python3 Benchmarks/gen_eval_table.py --rows 1000000 -o "$EVAL" >&2
ADULT=../shared/data/adult_scored.csv
OUT=$(mktemp -d)
trap 'rm -rf "$OUT"' EXIT

echo -n "tutti 1M:   "; "$BENCH" share "$EVAL" "score >= 0.5" "$OUT"
echo -n "peers 1M:   "; "$VENV/bin/python" - "$EVAL" "$OUT" <<'PY'
import json, sys, time
import pandas as pd, polars as pl
path, out = sys.argv[1], sys.argv[2]
def best(f):
    times = []
    for _ in range(3):
        t = time.perf_counter(); f(); times.append(time.perf_counter() - t)
    return min(times)
df = pd.read_csv(path); sel = df[df.score >= 0.5]
pf = pl.read_csv(path); psel = pf.filter(pl.col("score") >= 0.5)
print(json.dumps({"selected": len(sel), "pandas_to_csv_s": best(lambda: sel.to_csv(out + "/p.csv", index=False)),
                  "polars_write_csv_s": best(lambda: psel.write_csv(out + "/q.csv"))}))
PY
echo -n "tutti Adult: "; "$BENCH" share "$ADULT" "hours_per_week >= 50" "$OUT"
