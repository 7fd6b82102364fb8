"""Peers for the duplicate benchmark, and its document generator.

Usage:
    .venv-bench/bin/python Benchmarks/duplicates_peer.py docs N OUT.csv
        writes N short documents (3 to 8 words, 5% of them edited copies of earlier ones:
        a typo, other case, added punctuation) as a one-column CSV `text`
    .venv-bench/bin/python Benchmarks/duplicates_peer.py exact FILE [COLUMN...]
        pandas: exact duplicates over the columns (default: every column but id, split and
        model outputs) with `duplicated()`, and conflicts (rows identical in the features, the
        columns less the label, whose labels differ)
    .venv-bench/bin/python Benchmarks/duplicates_peer.py text FILE [LIMIT]
        datasketch: MinHash (128 permutations) of each document's character 5-grams after the
        same normalisation as tutti, MinHashLSH at threshold 0.8, then a query per document;
        on the first LIMIT documents (default all)

Loading is not timed. Each run prints one JSON line.
"""
import json
import random
import re
import sys
import time


def docs(n, out):
    import csv
    rng = random.Random(1)
    words = """the a and or but not very really good great bad poor nice fine okay awful
    fast slow cheap expensive easy hard simple broken solid love like hate return refund
    order bought use work works broke fixed install update crash delivery shipping package
    box item product service support staff app website page screen button battery charger
    cable case size color quality price value day week month time first last again never
    always customer experience purchase review rating feedback issue problem bug feature
    arrived missing damaged wrong exactly expected described response reply ticket wait
    subscription plan trial upgrade cancel store seller brand laptop phone tablet camera""".split()
    texts = []
    for i in range(n):
        if i > 20 and rng.random() < 0.05:
            text = texts[rng.randrange(len(texts))]
            edit = rng.randrange(3)
            if edit == 0 and len(text) > 6:
                k = rng.randrange(len(text))
                text = text[:k] + rng.choice("abcdefghijklmnopqrstuvwxyz") + text[k + 1:]
            elif edit == 1:
                text = text.upper()
            else:
                text = text + "!!"
        else:
            text = " ".join(rng.choice(words) for _ in range(rng.randint(3, 8)))
        texts.append(text)
    with open(out, "w", newline="") as f:
        writer = csv.writer(f)
        writer.writerow(["text"])
        for text in texts:
            writer.writerow([text])


def exact(path, columns):
    import pandas as pd
    df = pd.read_csv(path)
    skip = {"id", "split", "prediction", "score", "loss"}
    compared = columns or [c for c in df.columns if c not in skip]
    features = [c for c in compared if c != "label"]
    times = []
    for _ in range(3):
        start = time.perf_counter()
        duplicated = df.duplicated(subset=compared, keep=False)
        extra = int(df.duplicated(subset=compared).sum())
        labels = df.groupby(features, dropna=False)["label"].transform("nunique")
        conflicts = int((labels > 1).sum())
        times.append(time.perf_counter() - start)
    print(json.dumps({"rows": len(df), "columns": len(compared), "seconds": min(times),
                      "rows_in_exact_clusters": int(duplicated.sum()), "exact_extra_rows": extra,
                      "rows_in_conflicts": conflicts, "pandas": pd.__version__}))


def normalize(text):
    return " ".join(re.sub(r"[\W_]+", " ", text.lower()).split())


def shingles(text):
    data = normalize(text).encode()
    if len(data) < 5:
        return {data}
    return {data[i:i + 5] for i in range(len(data) - 4)}


def text(path, limit):
    import datasketch
    import pandas as pd
    texts = pd.read_csv(path, keep_default_na=False)["text"].tolist()
    if limit:
        texts = texts[:limit]
    start = time.perf_counter()
    lsh = datasketch.MinHashLSH(threshold=0.8, num_perm=128)
    hashes = []
    for i, t in enumerate(texts):
        m = datasketch.MinHash(num_perm=128)
        for s in shingles(t):
            m.update(s)
        lsh.insert(i, m)
        hashes.append(m)
    pairs = 0
    for i, m in enumerate(hashes):
        pairs += sum(1 for j in lsh.query(m) if j > i)
    seconds = time.perf_counter() - start
    print(json.dumps({"documents": len(texts), "seconds": seconds, "documents_per_second": len(texts) / seconds,
                      "candidate_pairs": pairs, "datasketch": datasketch.__version__}))


if __name__ == "__main__":
    command = sys.argv[1]
    if command == "docs":
        docs(int(sys.argv[2]), sys.argv[3])
    elif command == "exact":
        exact(sys.argv[2], sys.argv[3:])
    elif command == "text":
        text(sys.argv[2], int(sys.argv[3]) if len(sys.argv) > 3 else 0)
    else:
        sys.exit(__doc__)
