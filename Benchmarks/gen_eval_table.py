#!/usr/bin/env python3
"""Deterministic generator of a synthetic ML evaluation table (CSV or JSONL).

Usage:
    python3 Benchmarks/gen_eval_table.py --rows 1000000 -o Benchmarks/data/eval_1m.csv
    python3 Benchmarks/gen_eval_table.py --rows 1000000 --format jsonl -o Benchmarks/data/eval_1m.jsonl
    python3 Benchmarks/gen_eval_table.py --rows 1000000 --unique-text -o Benchmarks/data/eval_text_1m.csv

Columns (14): id, age, hours_per_week, income, tenure_years, country, device,
segment, comment, split, label, prediction, score, loss; with --unique-text a
15th column, text, after comment.
- ~2% of income, ~1% of country and ~3% of comment cells are missing
  (empty cell in CSV, null in JSONL).
- comment is 3-8 words drawn from a few hundred words, Zipf-skewed over a pool
  of phrases that contains near-duplicates; some contain commas or double quotes
  and are quoted per RFC 4180, as is the country "Korea, Republic of".
- label ~ Bernoulli(true probability); score = noisy calibrated model output in
  (0, 1) (6 significant digits; tiny ones print as e.g. 3.2e-05);
  prediction = score >= 0.5; loss = log loss of score against label.
- text (--unique-text): six words per row from a 256-word list, never missing
  and unique in the whole file: the six words are the base-256 digits of a
  bijective scramble of the row number (seeded), so no two rows share them
  while neighbouring rows look unrelated. Free text like this defeats the
  dictionary encoding that the short comment column allows.

Same --seed and --rows give a byte-identical file. Rows come in fixed chunks,
each seeded from (seed, chunk index), so a smaller file is a prefix of a
larger one made with the same seed. Needs numpy; 1M rows take a few seconds.
"""
import argparse
import json
import os
import sys
import time

import numpy as np

CHUNK = 250_000
COLUMNS = ["id", "age", "hours_per_week", "income", "tenure_years", "country",
           "device", "segment", "comment", "split", "label", "prediction",
           "score", "loss"]

COUNTRIES = """United States|India|Germany|United Kingdom|Brazil|France|Japan|
Canada|Mexico|Italy|Spain|China|Australia|Netherlands|Poland|Turkey|
Korea, Republic of|Indonesia|Philippines|Vietnam|Nigeria|Egypt|South Africa|
Argentina|Colombia|Chile|Peru|Sweden|Norway|Denmark|Finland|Ireland|Portugal|
Greece|Czechia|Romania|Ukraine|Israel|Thailand|New Zealand""".replace("\n", "").split("|")
DEVICES = ["mobile", "desktop", "tablet", "smart_tv", "other"]
DEVICE_P = [0.55, 0.30, 0.10, 0.04, 0.01]
SEGMENTS = ["students", "young_professionals", "families", "retirees", "smb_owners",
            "enterprise", "freelancers", "gamers", "travelers", "creators",
            "bargain_hunters", "premium"]

WORDS = """
the a an and or but not very really quite too so just still also only even
good great bad poor nice fine okay awful excellent terrible amazing decent
fast slow quick late early cheap expensive pricey affordable fair overpriced
easy hard simple confusing clear messy clean broken solid flimsy sturdy
love like hate enjoy prefer recommend return refund replace order ordered
bought buy use used using work works worked working break broke fix fixed
install installed update updated crash crashed freeze froze load loads
delivery shipping package box item product service support staff agent
app website page screen button menu login account password email phone
battery charger cable case cover size color fit quality price value deal
day week month year time hour minute morning evening night weekend
first second third last next again never always sometimes often rarely
customer experience purchase review rating star stars feedback issue problem
bug feature option setting settings version release design layout font
would could should will can cannot might must may did does do had has have
was were is are be been being it this that these those they we i you
my our your their its me us them he she his her him
to of in on at for with from by about after before during without into
more less most least much many few lot lots bit little enough
happy unhappy satisfied disappointed annoyed impressed surprised frustrated
recommended useful useless helpful unhelpful friendly rude polite slowest
new old original second-hand refurbished genuine fake official local
store shop seller brand model device laptop tablet tv watch headphones
speaker camera printer router keyboard mouse monitor chair desk lamp
shoes shirt jacket bag bottle kettle blender vacuum fan heater
arrived missing damaged wrong correct exactly expected described advertised
response reply answer ticket chat call wait waited waiting hold queue
subscription plan trial upgrade downgrade cancel cancelled renew renewed
""".split()
PUNCT_WORDS = ["ok,", "well,", "honestly,", "however,", "sadly,", "overall,",
               '"meh"', '"fine"', "lol", "!!", "5/5", "10/10", "2/10", "100%"]


def csv_quote(s):
    """RFC 4180: quote a field holding a comma, a double quote or a newline."""
    if any(c in s for c in ',"\r\n'):
        return '"' + s.replace('"', '""') + '"'
    return s


def make_comment_pool(rng, n=20_000):
    """Distinct phrases plus near-duplicates (one word swapped, '!' or case)."""
    words = np.array(WORDS + PUNCT_WORDS)
    p = np.where(np.arange(len(words)) < len(WORDS), 1.0, 0.15)
    p /= p.sum()
    pool = []
    for _ in range(n):
        k = int(rng.integers(3, 9))
        pool.append(" ".join(rng.choice(words, size=k, p=p)))
    for i in range(n // 4):
        base = pool[int(rng.integers(0, n))].split(" ")
        kind = int(rng.integers(0, 3))
        if kind == 0:
            base[int(rng.integers(0, len(base)))] = str(rng.choice(words))
        elif kind == 1:
            base[-1] += "!"
        else:
            base[0] = base[0].capitalize()
        pool.append(" ".join(base))
    order = rng.permutation(len(pool))  # spread near-duplicates across ranks
    return [pool[i] for i in order]


TEXT_WORDS = 6
MASK48 = (1 << 48) - 1


def unique_text(seed, start, n):
    """Six words for rows start+1 .. start+n, unique across all rows: a
    bijection of the 48-bit row number (xor, odd multipliers and xor-shifts
    modulo 2**48 are all invertible), read as six base-256 digits."""
    words = np.array(WORDS[:256])
    key = np.random.default_rng([seed, 2**31 + 1]).integers(0, 1 << 48, 3, dtype=np.uint64)
    x = np.arange(start, start + n, dtype=np.uint64) ^ key[0]
    mask = np.uint64(MASK48)
    for multiplier in (key[1] | np.uint64(1), key[2] | np.uint64(1)):
        x = (x * multiplier) & mask  # wraps modulo 2**64, so exact modulo 2**48
        x ^= x >> np.uint64(24)
    digits = [words[((x >> np.uint64(8 * k)) & np.uint64(255)).astype(np.intp)]
              for k in range(TEXT_WORDS)]
    return [" ".join(ws) for ws in zip(*(d.tolist() for d in digits))]


def zipf_probs(n, s):
    p = 1.0 / np.arange(1, n + 1) ** s
    return p / p.sum()


def fmt(values, spec):
    return list(map(spec.format, values.tolist()))


def gen_chunk(seed, index, start, n, pools, fmt_kind, columns):
    """Rows start+1 .. start+n. A full CHUNK is always drawn, then cut to n,
    so a chunk's rows do not depend on the total row count."""
    rng = np.random.default_rng([seed, index])
    n_full = n
    n = CHUNK
    country_p = zipf_probs(len(COUNTRIES), 1.1)
    comment_p = pools["comment_p"]

    age = rng.integers(18, 91, n)
    hours = np.clip(np.rint(rng.normal(40, 10, n)), 1, 99).astype(np.int64)
    income = np.round(rng.lognormal(10.8, 0.6, n), 2)
    tenure = np.round(rng.exponential(4.0, n), 4)
    country = rng.choice(len(COUNTRIES), n, p=country_p)
    device = rng.choice(len(DEVICES), n, p=DEVICE_P)
    segment = rng.integers(0, len(SEGMENTS), n)
    comment = rng.choice(len(comment_p), n, p=comment_p)
    split = rng.random(n) < 0.8

    # Ground truth depends on features; the model sees it with noise.
    logit = (0.03 * (age - 45) + 0.04 * (hours - 40)
             + 0.8 * (np.log(income) - 10.8) - 1.0 + rng.normal(0, 1.0, n))
    label = (rng.random(n) < 1 / (1 + np.exp(-logit))).astype(np.int64)
    score = np.clip(1 / (1 + np.exp(-(1.8 * logit + rng.normal(0, 1.5, n)))),
                    1e-6, 1 - 1e-6)
    prediction = (score >= 0.5).astype(np.int64)
    loss = -np.where(label == 1, np.log(score), np.log1p(-score))

    miss_income = rng.random(n) < 0.02
    miss_country = rng.random(n) < 0.01
    miss_comment = rng.random(n) < 0.03

    n = n_full
    (age, hours, income, tenure, country, device, segment, comment, split,
     label, score, prediction, loss, miss_income, miss_country,
     miss_comment) = (a[:n] for a in (
        age, hours, income, tenure, country, device, segment, comment, split,
        label, score, prediction, loss, miss_income, miss_country,
        miss_comment))

    def strings(pool_key, idx, missing):
        pool = pools[pool_key]
        out = [pool[i] for i in idx.tolist()]
        for i in np.flatnonzero(missing).tolist():
            out[i] = pools["null"]
        return out

    income_s = fmt(income, "{:.2f}")
    for i in np.flatnonzero(miss_income).tolist():
        income_s[i] = pools["null"]
    dev = pools["device"]
    seg = pools["segment"]
    spl = pools["split"]
    cols = [
        map(str, range(start + 1, start + n + 1)),
        map(str, age.tolist()),
        map(str, hours.tolist()),
        income_s,
        fmt(tenure, "{:.4f}"),
        strings("country", country, miss_country),
        [dev[i] for i in device.tolist()],
        [seg[i] for i in segment.tolist()],
        strings("comment", comment, miss_comment),
        [spl[i] for i in split.tolist()],
        map(str, label.tolist()),
        map(str, prediction.tolist()),
        fmt(score, "{:.6g}"),
        fmt(loss, "{:.6g}"),
    ]
    if "text" in columns:
        quote = pools["quote"]
        cols.insert(columns.index("text"), [quote(t) for t in unique_text(seed, start, n)])
    rows = zip(*cols)
    if fmt_kind == "csv":
        return "".join(",".join(r) + "\n" for r in rows)
    template = "{{" + ",".join('"%s":{}' % c for c in columns) + "}}\n"
    return "".join(template.format(*r) for r in rows)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rows", type=int, default=1_000_000)
    ap.add_argument("-o", "--output", required=True)
    ap.add_argument("--format", choices=["csv", "jsonl"], default="csv")
    ap.add_argument("--seed", type=int, default=20240601)
    ap.add_argument("--unique-text", action="store_true",
                    help="add a text column: six words per row, unique")
    args = ap.parse_args()
    columns = list(COLUMNS)
    if args.unique_text:
        columns.insert(columns.index("comment") + 1, "text")

    t0 = time.perf_counter()
    pool_rng = np.random.default_rng([args.seed, 2**31])
    comments = make_comment_pool(pool_rng)
    if args.format == "csv":
        quote, null = csv_quote, ""
    else:
        quote, null = json.dumps, "null"
    pools = {
        "null": null,
        "quote": quote,
        "country": [quote(c) for c in COUNTRIES],
        "device": [quote(d) for d in DEVICES],
        "segment": [quote(s) for s in SEGMENTS],
        "comment": [quote(c) for c in comments],
        "split": [quote("test"), quote("train")],
        "comment_p": zipf_probs(len(comments), 0.9),
    }

    os.makedirs(os.path.dirname(os.path.abspath(args.output)), exist_ok=True)
    tmp = args.output + ".tmp"
    with open(tmp, "w", encoding="utf-8", newline="") as f:
        if args.format == "csv":
            f.write(",".join(columns) + "\n")
        for index, start in enumerate(range(0, args.rows, CHUNK)):
            n = min(CHUNK, args.rows - start)
            f.write(gen_chunk(args.seed, index, start, n, pools, args.format, columns))
    os.replace(tmp, args.output)
    size = os.path.getsize(args.output)
    print(f"wrote {args.output}: {args.rows} rows, {size} bytes "
          f"({size / 2**20:.1f} MiB) in {time.perf_counter() - t0:.1f}s",
          file=sys.stderr)


if __name__ == "__main__":
    main()
