"""Peer for the slice benchmark: the PyPI `sliceline` package on the rows tutti searched.

Usage: .venv-bench/bin/python Benchmarks/sliceline_peer.py BINS.csv MIN_SUPPORT [ALPHA K MAX_LEVEL]

BINS.csv is written by `tutti-bench slices ADULT BINS.csv`: one column per feature holding each
row's value (its predicate text, so both tools slice on exactly the same bins; an empty cell is a
number outside every bin), then the 0/1 `error`. Runs Slicefinder(alpha=0.95, k=10, max_l=3,
min_sup=MIN_SUPPORT) (or the ALPHA, K and MAX_LEVEL given) and times `fit` (median of 5 runs; reading the CSV not timed; with numba,
a first untimed run compiles). Prints one JSON line with the top slices.
"""
import json
import statistics
import sys
import time
import warnings

import pandas as pd

warnings.filterwarnings("ignore")
from sliceline.slicefinder import Slicefinder, is_numba_available  # noqa: E402


def main():
    path, min_support = sys.argv[1], int(sys.argv[2])
    alpha, k, max_level = (float(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5])) if len(sys.argv) > 5 else (0.95, 10, 3)
    data = pd.read_csv(path, dtype=str, keep_default_na=False)
    features = [c for c in data.columns if c != "error"]
    x = data[features].to_numpy()
    errors = data["error"].astype(float).to_numpy()

    def fit():
        finder = Slicefinder(alpha=alpha, k=k, max_l=max_level, min_sup=min_support, verbose=False)
        finder.fit(x, errors)
        return finder

    if is_numba_available():
        fit()
    times = []
    finder = None
    for _ in range(5):
        start = time.perf_counter()
        finder = fit()
        times.append(time.perf_counter() - start)
    top = []
    for values, stats in zip(finder.top_slices_, finder.top_slices_statistics_):
        predicates = [v for v in values if v is not None]
        top.append({"slice": " and ".join(predicates), "size": int(stats["slice_size"]),
                    "error": stats["slice_average_error"], "score": stats["slice_score"]})
    import sliceline
    print(json.dumps({"rows": len(data), "seconds": statistics.median(times), "numba": is_numba_available(),
                      "sliceline": getattr(sliceline, "__version__", "?"), "returned": len(top), "top": top}))


if __name__ == "__main__":
    main()
