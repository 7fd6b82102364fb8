"""Embedding benchmark data and the scikit-learn peer.

    embeddings_peer.py gen ROWS WIDTH OUT.jsonl   ROWS vectors of WIDTH floats: a mixture of
                                                  1,000 Gaussian clusters (centres N(0, 1), spreads
                                                  0.25 to 0.75), one JSON object per line {"v": [...]}
    embeddings_peer.py pca FILE                   PCA to 2 components (full and randomized SVD)
    embeddings_peer.py knn FILE K                 exact k nearest neighbours by cosine (brute force)
                                                  and the familiarity scores from them

Each timed command prints one JSON line; loading is not timed.
"""
import json
import sys
import time

import numpy as np


def generate(rows, width, path):
    rng = np.random.default_rng(13)
    centres = rng.standard_normal((1000, width))
    spreads = rng.uniform(0.25, 0.75, 1000)
    cluster = rng.integers(0, 1000, rows)
    vectors = centres[cluster] + rng.standard_normal((rows, width)) * spreads[cluster, None]
    with open(path, "w") as out:
        for vector in vectors:
            out.write('{"v":[' + ",".join(f"{x:.4f}" for x in vector) + "]}\n")


def load(path):
    with open(path) as lines:
        return np.array([json.loads(line)["v"] for line in lines], dtype=np.float32)


def best(body, runs=3):
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        result = body()
        times.append(time.perf_counter() - start)
    return min(times), result


def pca(path):
    from sklearn.decomposition import PCA
    x = load(path)
    for solver in ("full", "randomized"):
        seconds, model = best(lambda: PCA(n_components=2, svd_solver=solver, random_state=0).fit(x))
        ratios = [round(float(r), 6) for r in model.explained_variance_ratio_]
        print(json.dumps({"peer": f"sklearn PCA ({solver})", "rows": len(x), "width": x.shape[1],
                          "seconds": round(seconds, 3), "explained_variance_ratio": ratios}))


def knn(path, k):
    from sklearn.neighbors import NearestNeighbors
    x = load(path)

    def run():
        model = NearestNeighbors(n_neighbors=k + 1, algorithm="brute", metric="cosine").fit(x)
        distances, _ = model.kneighbors(x)
        return (1 - distances[:, 1:]).mean(axis=1)

    seconds, scores = best(run, runs=1)
    print(json.dumps({"peer": "sklearn NearestNeighbors (brute, cosine, exact)", "rows": len(x), "k": k,
                      "seconds": round(seconds, 3), "mean_familiarity": round(float(scores.mean()), 6)}))


if __name__ == "__main__":
    command = sys.argv[1]
    if command == "gen":
        generate(int(sys.argv[2]), int(sys.argv[3]), sys.argv[4])
    elif command == "pca":
        pca(sys.argv[2])
    elif command == "knn":
        knn(sys.argv[2], int(sys.argv[3]))
    else:
        sys.exit(__doc__)
