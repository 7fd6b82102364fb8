"""Filter expressions for the expr target: made from the grammar of README's "Filter
expressions", mutated as text, or hostile on purpose (deep nesting, catastrophic regular
expressions, long strings, grapheme clusters, invalid UTF-8)."""

import random

from case import Case

# The columns of seeds/data/eval.csv, by kind.
NUMBERS = ["id", "age", "score", "label", "prediction", "loss"]
STRINGS = ["split", "sex", "education", "text"]
BOOLEANS = ["flag"]
ALL = NUMBERS + STRINGS + BOOLEANS

# Linux refuses a single argument longer than 128 KiB (MAX_ARG_STRLEN); this many bytes
# leaves room for the option's name.
ARGUMENT_MAX = 120_000

CATASTROPHIC = ["(.*.*)*x", "(a+)+$", "(a|aa)*b", "(x+x+)+y", "^(([a-z])+.)+[A-Z]([a-z])+$", "(a*)*b", "(.*)*$x",
                "((a|b|ab)*)*c", "(\\w+\\s?)*$!", "(.+)+(.+)+(.+)+z", "(a?){30}a{30}", "(?:(?:a*)*)*b",
                "(.*a){20}", "((((((((((a*)*)*)*)*)*)*)*)*)*)*y"]
ODD_REGEX = ["[", "(", "*", "a{99999}", "a{2,1}", "\\", "(?<", "[z-a]", "(?i", "\\p{Lu}+", "\\X", ".{0,65536}",
             "(?=a)", "\\1", "(a)\\1", "[[:alpha:]]", "^$", "\u0301", "🇫🇷+", "\\u{1F1EB}", "(?m)^", "a**", "a{,5}"]
GRAPHEMES = ["e\u0301", "\u0301", "🇫🇷", "👩\u200d👩\u200d👧", "\u200b", "\u202e", "é", "ﷺ", "𝕏", "\ufe0f", "🏳️\u200d🌈",
             "a\u0308\u0332\u0301", "\u0085", "\x1b[2J", "\u00a0"]
STRING_VALUES = ["test", "train", "Male", "Female", "Bachelors", "HS-grad", "", "a", "NA", "\\", "'", "\""]


def quoted(rng: random.Random, text: str) -> str:
    if rng.random() < 0.5:
        return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'
    return "'" + text.replace("\\", "\\\\").replace("'", "\\'") + "'"


def number(rng):
    return rng.choice([str(rng.randint(-5, 100)), repr(rng.uniform(-2, 2)), "0", "1e308", "1e400", "-0", ".5",
                       "9223372036854775807", "9223372036854775808", "1e-320", "3.", "0.0"])


def numeric(rng, depth):
    if depth <= 0 or rng.random() < 0.35:
        return rng.choice(NUMBERS) if rng.random() < 0.6 else number(rng)
    roll = rng.random()
    if roll < 0.45:
        return f"{numeric(rng, depth - 1)} {rng.choice(['+', '-', '*', '/', '%'])} {numeric(rng, depth - 1)}"
    if roll < 0.55:
        return f"-{numeric(rng, depth - 1)}"
    if roll < 0.7:
        return f"{rng.choice(['abs', 'log'])}({numeric(rng, depth - 1)})"
    if roll < 0.8:
        return f"len({string(rng, depth - 1)})"
    return f"({numeric(rng, depth - 1)})"


def string(rng, depth):
    if depth <= 0 or rng.random() < 0.5:
        return rng.choice(STRINGS) if rng.random() < 0.6 else quoted(rng, rng.choice(STRING_VALUES + GRAPHEMES))
    return f"lower({string(rng, depth - 1)})"


def regex(rng):
    roll = rng.random()
    if roll < 0.3:
        return rng.choice(CATASTROPHIC)
    if roll < 0.5:
        return rng.choice(ODD_REGEX)
    pieces = [rng.choice(["a", ".", "\\w", "x", "(a|b)", "[a-z]", "\\d", "é", "🇫🇷", "(?i)", "^", "$"]) +
              rng.choice(["", "*", "+", "?", "{2,}", "*?"]) for _ in range(rng.randint(1, 6))]
    text = "".join(pieces)
    for _ in range(rng.randint(0, 3)):
        text = "(" + text + ")" + rng.choice(["*", "+", "", "{1,9}"])
    return text


def boolean(rng, depth):
    roll = rng.random()
    if depth <= 0 or roll < 0.3:
        choice = rng.random()
        if choice < 0.4:
            return f"{numeric(rng, 1)} {rng.choice(['==', '!=', '<', '<=', '>', '>=', '=', '<>'])} {numeric(rng, 1)}"
        if choice < 0.6:
            return f"{string(rng, 1)} {rng.choice(['==', '!=', '<'])} {string(rng, 1)}"
        if choice < 0.7:
            return rng.choice(BOOLEANS + ["true", "false", "null"])
        if choice < 0.85:
            return f"{string(rng, 1)} ~ {quoted(rng, regex(rng))}"
        return f"contains({string(rng, 1)}, {quoted(rng, rng.choice(STRING_VALUES + GRAPHEMES))})"
    if roll < 0.55:
        return f"{boolean(rng, depth - 1)} {rng.choice(['and', 'or', '&&', '||'])} {boolean(rng, depth - 1)}"
    if roll < 0.65:
        return f"{rng.choice(['not ', '!'])}{boolean(rng, depth - 1)}"
    if roll < 0.75:
        values = ", ".join(rng.choice([number(rng), quoted(rng, rng.choice(STRING_VALUES))]) for _ in range(rng.randint(0, 5)))
        return f"{rng.choice(ALL)} {rng.choice(['in', 'not in'])} ({values})"
    if roll < 0.82:
        return f"{numeric(rng, depth - 1)} between {numeric(rng, 0)} and {numeric(rng, 0)}"
    if roll < 0.9:
        return f"{rng.choice(ALL + ['`hours per week`', '`a``b`', 'sexx', 'agee'])} is {rng.choice(['', 'not '])}null"
    return f"({boolean(rng, depth - 1)})"


def deep(rng):
    """Nesting deep enough to exhaust a recursive parser's stack."""
    depth = int(2 ** rng.uniform(3, 16))
    shape = rng.choice(["parens", "not", "bang", "minus", "abs", "lower", "and", "mixed", "unbalanced"])
    if shape == "parens":
        text = "(" * depth + "age > 1" + ")" * depth
    elif shape == "not":
        text = "not " * depth + "flag"
    elif shape == "bang":
        text = "!" * depth + "flag"
    elif shape == "minus":
        text = "-" * depth + "age > 0"
    elif shape == "abs":
        text = "abs(" * depth + "age" + ")" * depth + " > 1"
    elif shape == "lower":
        text = "lower(" * depth + "sex" + ")" * depth + ' == "male"'
    elif shape == "and":
        text = " and ".join(["age > 1"] * depth)
    elif shape == "mixed":
        text = "".join(rng.choice(["(", "not ", "-", "!"]) for _ in range(depth)) + "age > 1" + ")" * depth
    else:
        text = "(" * depth + "age > 1" + ")" * rng.randint(0, depth)
    return text[:ARGUMENT_MAX]


def long_string(rng):
    size = int(2 ** rng.uniform(8, 16.8))
    filler = rng.choice(["x", "é", "🇫🇷", "e\u0301", "\\\\", "\\\"", "a"])
    body = (filler * (size // len(filler) + 1))[:size]
    return rng.choice([f'text == "{body}"', f'text ~ "{body}"', f'contains(text, "{body}")', f'"{body}" == "{body}"',
                       f'text in ("{body}", "{body}")'])[:ARGUMENT_MAX]


TOKENS = ["(", ")", "and", "or", "not", "~", "==", "in", "between", "is", "null", '"', "'", "`", ",", "-", "abs(",
          "len(", "lower(", "contains(", "age", "text", "1e999", "\\", "\n", "\t", "(?i)"] + GRAPHEMES


def mutate_text(rng, text):
    for _ in range(rng.randint(1, 4)):
        at = rng.randint(0, len(text))
        roll = rng.random()
        if roll < 0.3:
            text = text[:at] + text[at + rng.randint(1, 8):]
        elif roll < 0.7:
            text = text[:at] + rng.choice(TOKENS) + text[at:]
        elif roll < 0.85:
            piece = text[at:at + rng.randint(1, 20)]
            text = text[:at] + piece * rng.randint(2, 50) + text[at:]
        else:
            text = text[:at]
    return text


def expression(rng: random.Random, seeds: list):
    """One expression, as str, or as bytes when it carries invalid UTF-8."""
    roll = rng.random()
    if roll < 0.15:
        text = deep(rng)
    elif roll < 0.3:
        text = f"{rng.choice(STRINGS)} ~ {quoted(rng, regex(rng))}"
    elif roll < 0.38:
        text = long_string(rng)
    elif roll < 0.7:
        text = boolean(rng, rng.randint(0, 6))
    else:
        text = mutate_text(rng, rng.choice(seeds) if seeds and rng.random() < 0.5 else boolean(rng, 3))
    if rng.random() < 0.1:
        at = rng.randint(0, len(text))
        text = text[:at] + rng.choice(GRAPHEMES) + text[at:]
    raw = text.replace("\x00", "").encode()[:ARGUMENT_MAX]
    if rng.random() < 0.05:
        at = rng.randint(0, len(raw))
        return raw[:at] + rng.choice([b"\xff", b"\xc3", b"\xed\xa0\x80", b"\x80"]) + raw[at:]
    return raw.decode("utf-8", "ignore")


def expr_case(rng: random.Random, data: bytes, seeds: list) -> Case:
    """`tutti count` on the small eval data with one expression."""
    text = expression(rng, seeds)
    prefix = b"--where=" if isinstance(text, bytes) else "--where="
    return Case({"data.csv": data}, ["count", "data.csv", prefix + text])
