"""Inputs for the view target: saved view files (seeds/views) with their JSON mutated —
values of the wrong type or size, keys dropped, lists multiplied (thousands of panes),
hostile filter expressions — or their bytes mutated, read by `tutti export --view` and
`tutti report --view` on the small eval data. A share of the mutations aims at known
weak spots: hostile filter and selection expressions, and layouts of thousands of panes."""

import json
import random
import re

import expressions
import mutations as m
from case import Case

# A string value that stands for JSON nested this deep (Python's json cannot write it).
DEEP = "@@deep@@"


def expand_deep(text: str) -> str:
    """`text` with each DEEP placeholder replaced by arrays or objects nested that deep."""
    def nested(match):
        depth = int(match.group(1))
        opener, closer = ("[", "]") if depth % 2 else ('{"a":', "}")
        return opener * depth + "1" + closer * depth
    return re.sub('"' + re.escape(DEEP) + r'(\d+)"', nested, text)


def odd_value(rng: random.Random, exprs: list):
    roll = rng.random()
    if roll < 0.3:
        return rng.choice([None, True, False, 0, -1, 1, 2**31, 2**63 - 1, 2**63, 2**64, -2**63 - 1, 10**400, 1.5, -0.0,
                           1e308, 5e-324, "", "summary", "histogram", "rows", "slices", "confusion", "duplicates", [], {}])
    if roll < 0.45:
        if rng.random() < 0.3:
            return "x" * int(2 ** rng.uniform(4, 20))
        text = expressions.expression(rng, exprs)
        return text.decode("utf-8", "replace") if isinstance(text, bytes) else text
    if roll < 0.55:
        return rng.choice(expressions.GRAPHEMES) * rng.randint(1, 50)
    if roll < 0.6:
        return f"{DEEP}{int(2 ** rng.uniform(2, 17))}"
    if roll < 0.8:
        return [[rng.randint(-5, 10**6), rng.randint(-5, 10**6)] for _ in range(int(2 ** rng.uniform(0, 14)))]
    return {"kind": rng.choice(["summary", "histogram", "rows", "slices", "confusion", "duplicates", "scatter", ""]),
            "settings": {"column": rng.choice(expressions.ALL + ["nope", ""]), "bins": rng.choice([0, -1, 1, 10**9, 3.5])}}


def slots(node, found):
    """Every (container, key) pair in the JSON tree."""
    if isinstance(node, dict):
        for key in list(node):
            found.append((node, key))
            slots(node[key], found)
    elif isinstance(node, list):
        for index in range(len(node)):
            found.append((node, index))
            slots(node[index], found)
    return found


def same_kind(rng, value, exprs):
    """An odd value of the same JSON type as `value`, so that the view still decodes and
    the odd value reaches the code that restores it."""
    if isinstance(value, bool):
        return not value
    if isinstance(value, (int, float)):
        return rng.choice([0, -1, 1, 2**31, 2**53 + 1, 2**63 - 1, -2**63, 1e308, -1e308, 5e-324, -0.0, 0.5,
                           value + 1, -value, value * 1000, 10**6])
    if isinstance(value, str):
        roll = rng.random()
        if roll < 0.4:
            text = expressions.expression(rng, exprs)
            return text.decode("utf-8", "replace") if isinstance(text, bytes) else text
        if roll < 0.6:
            return rng.choice(expressions.ALL + ["", "nope", "summary", "histogram", "slices", "scatter", "log", "error"])
        if roll < 0.8:
            return expressions.mutate_text(rng, value)
        return rng.choice(expressions.GRAPHEMES) * rng.randint(1, 50)
    if isinstance(value, list):
        if not value:
            return [odd_value(rng, exprs)]
        roll = rng.random()
        if roll < 0.4:
            return value * int(2 ** rng.uniform(1, 13))
        if roll < 0.6:
            return value[:rng.randrange(len(value))]
        if roll < 0.8:
            return list(reversed(value))
        return value + [rng.choice(value)]
    if isinstance(value, dict) and value:
        copy = dict(value)
        del copy[rng.choice(sorted(copy))]
        return copy
    return odd_value(rng, exprs)


def mutate_tree(rng, document, exprs):
    for _ in range(rng.randint(1, 3)):
        places = slots(document, [])
        if not places:
            return odd_value(rng, exprs)
        container, key = rng.choice(places)
        roll = rng.random()
        if roll < 0.7:
            container[key] = same_kind(rng, container[key], exprs)
        elif roll < 0.85:
            container[key] = odd_value(rng, exprs)
        elif isinstance(container, dict):
            del container[key]
    return document


PANE_KINDS = ["summary", "histogram", "rows", "slices", "confusion", "duplicates"]


def hostile_expression(rng):
    """An expression meant to break the parser or the regex engine."""
    roll = rng.random()
    if roll < 0.5:
        return expressions.deep(rng)
    if roll < 0.8:
        return f"{rng.choice(expressions.STRINGS)} ~ {expressions.quoted(rng, rng.choice(expressions.CATASTROPHIC))}"
    return expressions.long_string(rng)


def aim(rng, document):
    """One mutation aimed at what a view file is known to stress: a hostile filter or
    selection expression, or a layout of thousands of panes."""
    roll = rng.random()
    if roll < 0.4 and isinstance(document.get("filter"), dict):
        document["filter"]["expression"] = hostile_expression(rng)
    elif roll < 0.6 and isinstance(document.get("selection"), dict):
        document["selection"]["expression"] = hostile_expression(rng)
    else:
        count = int(2 ** rng.uniform(1, 15))
        panes = [{"pane": {"kind": rng.choice(PANE_KINDS), "settings": {}}} for _ in range(count)]
        document["layout"] = {"children": panes, "split": rng.choice(["horizontal", "vertical"]), "weights": [1] * count}
    return document


def view_case(rng: random.Random, data: bytes, views: dict, exprs: list) -> Case:
    name = rng.choice(sorted(views))
    if rng.random() < 0.9:
        document = json.loads(views[name])
        document = aim(rng, document) if rng.random() < 0.3 else mutate_tree(rng, document, exprs)
        text = expand_deep(json.dumps(document, indent=rng.choice([None, 2]), ensure_ascii=rng.random() < 0.5)).encode()
        if rng.random() < 0.1:
            text = m.mutate(rng, text, [])
    else:
        text = m.mutate(rng, views[name], list(views.values()))
    files = {"data.csv": data, "view.json": text}
    roll = rng.random()
    if roll < 0.5:
        return Case(files, ["export", "data.csv", "--view", "view.json", "-o", "out.csv", "--force"])
    if roll < 0.7:
        return Case(files, ["report", "data.csv", "--view", "view.json", "-o", "out.md", "--force"])
    if roll < 0.85:
        return Case(files, ["report", "data.csv", "--view", "view.json", "-o", "out.html", "--force"])
    return Case(files, ["export", "--view", "view.json", "-o", "out.jsonl", "--force"])
