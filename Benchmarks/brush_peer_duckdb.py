"""Peer for the brush benchmark: DuckDB answering one brush step with GROUP BY queries.

Usage: .venv-bench/bin/python Benchmarks/brush_peer_duckdb.py FILE BRUSHED COL...

Loads FILE into an in-memory DuckDB table (not timed), then times brush steps: for a
random range of BRUSHED, one GROUP BY query per other view counting the rows in the range
per bin (about 50 equal-width bins for numbers, the values for text columns), which is
what a histogram view needs after each brush move. Prints one JSON line.
"""
import json
import random
import statistics
import sys
import time

import duckdb


def main():
    path, brushed, views = sys.argv[1], sys.argv[2], sys.argv[3:]
    con = duckdb.connect()
    con.execute(f"create table t as select * from read_csv_auto('{path}')")
    types = dict(con.execute("select column_name, data_type from information_schema.columns "
                             "where table_name = 't'").fetchall())
    numeric = ("BIGINT", "INTEGER", "DOUBLE", "FLOAT", "SMALLINT", "TINYINT", "DECIMAL")

    def bin_expr(col):
        if not types[col].startswith(numeric):
            return f'"{col}"'
        lo, hi = con.execute(f'select min("{col}"), max("{col}") from t').fetchone()
        step = (hi - lo) / 50 or 1
        return f'floor(("{col}" - {lo}) / {step})'

    exprs = [bin_expr(v) for v in views]
    lo, hi = con.execute(f'select min("{brushed}"), max("{brushed}") from t').fetchone()
    rng = random.Random(1)
    times = []
    for _ in range(20):
        a = rng.uniform(lo, hi)
        b = rng.uniform(a, hi)
        start = time.perf_counter()
        for expr in exprs:
            con.execute(f'select {expr} as b, count(*) from t where "{brushed}" >= {a} '
                        f'and "{brushed}" < {b} group by b').fetchall()
        times.append(time.perf_counter() - start)
    rows = con.execute("select count(*) from t").fetchone()[0]
    print(json.dumps({"rows": rows, "views": len(views),
                      "step_median_ms": statistics.median(times) * 1000,
                      "duckdb": duckdb.__version__}))


if __name__ == "__main__":
    main()
