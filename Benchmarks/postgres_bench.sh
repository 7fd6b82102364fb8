#!/usr/bin/env bash
# tutti over PostgreSQL at ROWS rows of the synthetic evaluation table with its unique `text`
# column: (a) the explorer's first screen, (b) a brush start with 7 linked views and its steps,
# (c) a filter's count against the engine's own count(*) under the same WHERE, (d) `tutti info`;
# then the in-memory filter benchmark of the same rows, to check it does not move.
#
# Usage: Benchmarks/postgres_bench.sh [ROWS]   (default 10000000)
#
# Starts a throwaway server as the tests do (initdb in a temporary folder, trust authentication,
# 127.0.0.1 on a free port, fsync=off; as root the server runs as the postgres user), generates
# Benchmarks/data/eval_text_<n>.csv if missing (or symlink an existing one there) and loads it
# with COPY. (a) is Benchmarks/engine_screen.py: `tutti explore URL` in tmux, from the start of
# the process to the first screen saying `sample 100,000 of ROWS rows` (median of 3). (b) is
# `tutti-bench engine`: the Falcon tables of score against 7 views, built by the engine, then
# 2000 steps. (c) is the median of 5 whole processes each. (d) runs once (it takes minutes at
# 10M rows). The server and its folder are removed on exit.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
ROWS=${1:-10000000}
BUILD=${BUILD:-.build}

swift build -c release --scratch-path "$BUILD" --product tutti >&2
swift build -c release --scratch-path "$BUILD" --product tutti-bench >&2
TUTTI=$BUILD/release/tutti

if (( ROWS % 1000000 == 0 )); then tag=$((ROWS / 1000000))m; else tag=$((ROWS / 1000))k; fi
FILE=Benchmarks/data/eval_text_${tag}.csv
mkdir -p Benchmarks/data
[[ -f $FILE ]] || python3 Benchmarks/gen_eval_table.py --rows "$ROWS" --unique-text -o "$FILE" >&2

BIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
FOLDER=$(mktemp -d /tmp/tutti-pgbench-XXXXXX)
chmod 755 "$FOLDER"
AS=()
if [[ $(id -u) == 0 ]]; then
    chown postgres: "$FOLDER"
    AS=(/usr/sbin/runuser -u postgres --)
fi
PORT=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
stop() {
    "${AS[@]}" "$BIN/pg_ctl" -D "$FOLDER/data" -m immediate -w stop > /dev/null 2>&1 || true
    rm -rf "$FOLDER"
}
trap stop EXIT
"${AS[@]}" "$BIN/initdb" -D "$FOLDER/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 --no-sync --no-instructions > /dev/null
"${AS[@]}" "$BIN/pg_ctl" -D "$FOLDER/data" -l "$FOLDER/server.log" -w -t 60 \
    -o "-p $PORT -k $FOLDER -c listen_addresses=127.0.0.1 -c fsync=off" start > /dev/null
PSQL=("$BIN/psql" -X -q -A -t -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$PORT" -U postgres -d postgres)
URL="postgresql://postgres@127.0.0.1:$PORT/postgres?table=eval"

"${PSQL[@]}" -c "CREATE TABLE eval (id BIGINT, age BIGINT, hours_per_week BIGINT, income DOUBLE PRECISION,
    tenure_years DOUBLE PRECISION, country TEXT, device TEXT, segment TEXT, comment TEXT, text TEXT, split TEXT,
    label BIGINT, prediction BIGINT, score DOUBLE PRECISION, loss DOUBLE PRECISION)"
start=$(date +%s.%N)
"${PSQL[@]}" -c "\\copy eval FROM '$ROOT/$FILE' WITH (FORMAT csv, HEADER true)"
"${PSQL[@]}" -c "VACUUM ANALYZE eval"
echo "loaded $ROWS rows with COPY in $(echo "$(date +%s.%N) - $start" | bc) s"

# The median wall time in seconds of 5 runs of a command (its output discarded).
median() {
    local times=()
    for _ in 1 2 3 4 5; do
        local t0 t1
        t0=$(date +%s.%N)
        "$@" > /dev/null
        t1=$(date +%s.%N)
        times+=("$(echo "$t1 - $t0" | bc)")
    done
    printf '%s\n' "${times[@]}" | sort -g | sed -n 3p
}

"$TUTTI" count "$URL" > /dev/null  # warm the cache once
FILTER='split == "test" and label != prediction'
WHERE="split = 'test' AND label <> prediction"
echo "== $ROWS rows, PostgreSQL $("${PSQL[@]}" -c 'SHOW server_version'), load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "(a) first screen, tutti explore in tmux:"
python3 Benchmarks/engine_screen.py "$TUTTI" "$URL" "$ROWS" 3 | tail -1
echo "(b) brush start, 7 linked views, and steps:"
"$BUILD"/release/tutti-bench engine "$URL" score age hours_per_week income tenure_years country device segment
tutti_filter=$(median "$TUTTI" count "$URL" --where "$FILTER")
engine_filter=$(median "${PSQL[@]}" -c "SELECT count(*) FROM eval WHERE $WHERE")
echo "(c) tutti count --where '$FILTER': $tutti_filter s"
echo "    psql SELECT count(*) … WHERE $WHERE: $engine_filter s"
echo "    ratio: $(echo "scale=3; $tutti_filter / $engine_filter" | bc)"
start=$(date +%s.%N)
"$TUTTI" info "$URL" > /dev/null
echo "(d) tutti info (exact summaries of every column): $(echo "$(date +%s.%N) - $start" | bc) s"
echo -n "in memory, tutti-bench filter: "
"$BUILD"/release/tutti-bench filter "$FILE" "$FILTER"
