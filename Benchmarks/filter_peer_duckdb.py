"""Peer for the filter benchmark: DuckDB counting the rows of a WHERE clause.

Usage: .venv-bench/bin/python Benchmarks/filter_peer_duckdb.py FILE "WHERE CLAUSE"

Loads FILE into an in-memory DuckDB table (not timed), then times `select count(*) from t
where CLAUSE` (median of 20 runs). Prints one JSON line.
"""
import json
import statistics
import sys
import time

import duckdb


def main():
    path, clause = sys.argv[1], sys.argv[2]
    con = duckdb.connect()
    con.execute(f"create table t as select * from read_csv_auto('{path}')")
    times = []
    count = None
    for _ in range(20):
        start = time.perf_counter()
        count = con.execute(f"select count(*) from t where {clause}").fetchone()[0]
        times.append(time.perf_counter() - start)
    print(json.dumps({"rows_matched": count, "median_ms": statistics.median(times) * 1000,
                      "duckdb": duckdb.__version__}))


if __name__ == "__main__":
    main()
