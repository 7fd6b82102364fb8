"""cleanlab's find_label_issues (default arguments) on the inputs tutti saw; see label_issues_bench.sh.

adult FILE TUTTI_JSON TUTTI_SECONDS: labels and [1 - score, score] from the Adult file; prints the
    sizes of both sets, their Jaccard overlap and cleanlab's time.
synthetic BIN ROWS CLASSES: the labels (int32) and probabilities (float64) tutti-bench wrote, and
    the rows it found (BIN.tutti); prints the same.
"""
import json
import sys
import time

import numpy as np
from cleanlab.filter import find_label_issues


def compare(labels, probabilities, tutti_rows, extra):
    start = time.perf_counter()
    mask = find_label_issues(labels, probabilities)
    seconds = time.perf_counter() - start
    theirs = set(np.flatnonzero(mask).tolist())
    mine = set(tutti_rows)
    union = mine | theirs
    jaccard = len(mine & theirs) / len(union) if union else 1.0
    print(json.dumps({"rows": len(labels), "tutti_issues": len(mine), "cleanlab_issues": len(theirs),
                      "both": len(mine & theirs), "jaccard": round(jaccard, 4),
                      "cleanlab_seconds": round(seconds, 3), **extra}))


def main():
    if sys.argv[1] == "adult":
        import pandas as pd
        frame = pd.read_csv(sys.argv[2])
        labels = frame["label"].to_numpy().astype(int)
        score = frame["score"].to_numpy(dtype=float)
        probabilities = np.column_stack([1 - score, score])
        with open(sys.argv[3]) as handle:
            rows = [issue["row"] for issue in json.load(handle)["issues"]]
        compare(labels, probabilities, rows, {"tutti_seconds_with_load": round(float(sys.argv[4]), 3)})
    else:
        rows, classes = int(sys.argv[3]), int(sys.argv[4])
        data = open(sys.argv[2], "rb").read()
        labels = np.frombuffer(data, dtype="<i4", count=rows).astype(int)
        probabilities = np.frombuffer(data, dtype="<f8", offset=4 * rows).reshape(rows, classes)
        with open(sys.argv[2] + ".tutti") as handle:
            found = [int(line) for line in handle if line.strip()]
        compare(labels, probabilities, found, {})


main()
