"""Inputs for the csv and jsonl targets: seed files mutated, or hostile files made whole
(many columns, wide rows, deep nesting, …), plain or gzipped, read by `tutti info`,
`tutti info --format json`, `tutti count` or from standard input."""

import json
import math
import random

import mutations as m
from case import Case

COLUMNS_MAX = 70_000


def log_uniform(rng: random.Random, low: int, high: int) -> int:
    """A size between `low` and `high`, small sizes as likely as large ones."""
    return int(round(2 ** rng.uniform(math.log2(low), math.log2(high))))


# ---- CSV -------------------------------------------------------------------------------

def csv_many_columns(rng, _seed):
    count = rng.choice([32_767, 32_768, 65_536, COLUMNS_MAX]) if rng.random() < 0.1 else log_uniform(rng, 2, COLUMNS_MAX)
    pool = rng.choice([["a"], [""], ["a", "", "a_2", "column_3", "b"], None])
    names = [f"c{index}" for index in range(count)] if pool is None else rng.choices(pool, k=count)
    rows = [",".join(names)] + [",".join(rng.choices("0123456789", k=count)) for _ in range(rng.randint(1, 3))]
    return ("\n".join(rows) + "\n").encode()


def cell_pool(rng, kind):
    """Values of one kind of column, with its awkward cases among them."""
    if kind == "int":
        return [str(rng.randint(-10**18, 10**18)) for _ in range(30)] + ["9223372036854775808", "-0", "007"]
    if kind == "float":
        return [repr(rng.uniform(-1e6, 1e6)) for _ in range(30)] + ["1e309", "-1e-400", "NaN", "inf", "1."]
    if kind == "bool":
        return ["true", "false", "TRUE", "False"]
    if kind == "cat":
        return ["a", "b", "c", "é", "🇫🇷", "e\u0301"]
    if kind == "text":
        return [f"text {rng.random()}" for _ in range(200)]
    if kind == "missing":
        return ["", "NA", "null", "?", "None"]
    return ["1", "2.5", "true", "x", "", '"q,uote"', '"multi\nline"']


def csv_many_rows(rng, _seed):
    kinds = [rng.choice(["int", "float", "bool", "cat", "text", "mixed", "missing"]) for _ in range(rng.randint(1, 8))]
    count = log_uniform(rng, 1, m.CELLS_MAX // len(kinds))
    columns = [rng.choices(cell_pool(rng, kind), k=count) for kind in kinds]
    header = ",".join(f"k{i}_{kind}" for i, kind in enumerate(kinds))
    return (header + "\n" + "\n".join(map(",".join, zip(*columns))) + "\n").encode()


def csv_wide_row(rng, seed):
    lines = seed.split(b"\n")
    at = rng.randint(1, max(1, len(lines) - 1))
    extra = b"," * log_uniform(rng, 1, COLUMNS_MAX)
    lines.insert(at, lines[at - 1] + extra)
    return b"\n".join(lines)


def csv_unterminated(rng, seed):
    at = m.position(rng, seed)
    return seed[:at] + b'"' + seed[at:].replace(b'"', b"")


CSV_WHOLE = [csv_many_columns, csv_many_rows]
CSV_EXTRA = [csv_wide_row, csv_unterminated]


# ---- JSON Lines --------------------------------------------------------------------------

def json_deep(rng, _seed):
    depth = log_uniform(rng, 2, 1_000_000)
    opener, closer = rng.choice([(b"[", b"]"), (b'{"a":', b"}"), (b'[{"a":', b"}]")])
    inner = opener * depth + rng.choice([b"1", b"null", b'"x"', b""]) + closer * (depth if rng.random() < 0.9 else depth // 2)
    line = b'{"id": 1, "deep": ' + inner + b"}"
    return b'{"id": 0, "deep": 1}\n' + line + b"\n"


def json_vectors(rng, _seed):
    lines = []
    width = log_uniform(rng, 1, 100_000)
    for row in range(rng.randint(1, max(1, min(50, m.CELLS_MAX // width)))):
        w = width if rng.random() < 0.9 else rng.randint(0, width * 2)
        values = [rng.choice([rng.uniform(-1, 1), 0, 1e308, -1e308, None, 1e-320]) if rng.random() < 0.05 else rng.random()
                  for _ in range(w)]
        lines.append(json.dumps({"id": row, "emb": values}))
    return ("\n".join(lines) + "\n").encode()


def json_many_keys(rng, _seed):
    count = log_uniform(rng, 2, COLUMNS_MAX)
    same = rng.random() < 0.3
    lines = []
    for row in range(rng.randint(1, 3)):
        pairs = ", ".join(f'"{"k" if same else "k" + str(i)}": {i}' for i in range(count))
        lines.append("{" + pairs + "}")
    return ("\n".join(lines) + "\n").encode()


def json_odd_lines(rng, seed):
    odd = [b"[1,2,3]", b"3", b'"x"', b"null", b"", b"{}", b'{"a":1,}', b'{"a":1}{"b":2}', b"{'a': 1}",
           b'{"a": NaN}', b'{"a": Infinity}', b'{"a": 1e999}', b'{"a": -0}', b'{"a": "\\ud800"}', b'{"a": "\\u0000"}',
           b'{"a": "\\udc00\\ud800"}', b'{"a": "\\uZZZZ"}', b'{"a": "\\x41"}', b'{"a" 1}', b'{"a":', b'{"": 1}',
           b'{"a": 1, "a": "two"}', b"// comment", b'{"a": [1, "x", null]}', b'{"a": {"b": [1, {"c": 2}]}}',
           b'{"a": 12345678901234567890123}', b'{"a": true, "b": tru}', b"\xef\xbb\xbf{\"a\": 1}"]
    lines = seed.split(b"\n")
    for _ in range(rng.randint(1, 6)):
        lines.insert(rng.randint(0, len(lines)), rng.choice(odd))
    return b"\n".join(lines)


def json_tokens(rng, seed):
    return m.insert_token(rng, seed, [b"{", b"}", b"[", b"]", b":", b",", b'"', b"\\", b"true", b"nul", b"-", b"e",
                                      b"\\u", b"0.", b'"\\"'])


JSONL_WHOLE = [json_deep, json_vectors, json_many_keys]
JSONL_EXTRA = [json_odd_lines, json_tokens]


# ---- cases --------------------------------------------------------------------------------

def loader_case(rng: random.Random, seeds: dict, whole, extra, suffixes) -> Case:
    """One input file (from a seed or made whole, mutated, maybe gzipped) and one command
    that loads it."""
    names = sorted(seeds)
    seed = seeds[rng.choice(names)]
    if rng.random() < 0.2:
        data = rng.choice(whole)(rng, seed)
        if rng.random() < 0.3:
            data = m.mutate(rng, data, [], extra)
    else:
        data = m.mutate(rng, seed, [seeds[n] for n in names], extra)
    suffix = rng.choice(suffixes)
    if rng.random() < 0.25:
        data, suffix = m.gzip_bytes(rng, data), suffix + ".gz"
    name = "input" + suffix
    roll = rng.random()
    if roll < 0.6:
        return Case({name: data}, ["info", name])
    if roll < 0.75:
        return Case({name: data}, ["info", name, "--format", "json"])
    if roll < 0.9:
        return Case({name: data}, ["info", "-"], stdin=name)
    return Case({name: data}, ["count", name])


def csv_case(rng, seeds):
    return loader_case(rng, seeds, CSV_WHOLE, CSV_EXTRA, [".csv", ".tsv", ".txt", ".dat"])


def jsonl_case(rng, seeds):
    return loader_case(rng, seeds, JSONL_WHOLE, JSONL_EXTRA, [".jsonl", ".ndjson", ".json"])
