"""Byte-level mutations of data files, shared by the csv, jsonl and view targets.

Every mutation takes a random.Random and the bytes, and returns new bytes; nothing here
reads a clock or global state, so the same seed gives the same file.
"""

import gzip
import random

# Sizes stay well under the memory limit of a run: the largest single mutation writes a few MB.
HUGE_FIELD_MAX = 4 << 20
CELLS_MAX = 400_000

INVALID_UTF8 = [b"\xff", b"\xfe", b"\xc3", b"\xe2\x82", b"\xc0\xaf", b"\xed\xa0\x80", b"\xf4\x90\x80\x80",
                b"\x80", b"\xbf\xbf", b"\xf0\x9f\x98"]
BOMS = [b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff", b"\xef\xbb\xbf\xef\xbb\xbf"]
GRAPHEMES = ["e\u0301", "\u0301", "🇫🇷", "👩\u200d👩\u200d👧", "\u200b", "\u202e", "ﷺ", "𝕏", "\u00a0", "a\u0308\u0332",
             "\ufeff", "\u0085", "\x1b]52;c;aGk=\x07", "\x1b[2J", "\x9b31m"]
MISSING = [b"", b"NA", b"N/A", b"null", b"None", b"?", b"NaN", b"nan", b'""', b'"NA"']
NUMBERS = [b"0", b"-0", b"1e309", b"-1e309", b"1e-400", b"9223372036854775807", b"9223372036854775808",
           b"-9223372036854775809", b"0x1F", b"1_000", b"+5", b".5", b"5.", b"1e", b"inf", b"-Infinity", b"NaN",
           b"00001", b"1" * 400, b"3.14159265358979323846264338327950288419716939937510"]


def position(rng: random.Random, data: bytes) -> int:
    return rng.randint(0, len(data))


def flip_bits(rng, data):
    if not data:
        return data
    out = bytearray(data)
    for _ in range(rng.randint(1, 8)):
        index = rng.randrange(len(out))
        out[index] ^= 1 << rng.randrange(8)
    return bytes(out)


def random_bytes(rng, data):
    at = position(rng, data)
    return data[:at] + bytes(rng.randrange(256) for _ in range(rng.randint(1, 32))) + data[at:]


def delete_range(rng, data):
    if not data:
        return data
    start = rng.randrange(len(data))
    return data[:start] + data[start + rng.randint(1, max(1, len(data) // 4)):]


def duplicate_range(rng, data):
    if not data:
        return data
    start = rng.randrange(len(data))
    piece = data[start:start + rng.randint(1, 256)]
    at = position(rng, data)
    return data[:at] + piece * rng.randint(1, 64) + data[at:]


def insert_token(rng, data, tokens):
    out = data
    for _ in range(rng.randint(1, 16)):
        at = position(rng, out)
        out = out[:at] + rng.choice(tokens) + out[at:]
    return out


def insert_quote(rng, data):
    return insert_token(rng, data, [b'"', b'""', b"'", b'"""', b'\\"', b'"\n"'])


def insert_delimiter(rng, data):
    return insert_token(rng, data, [b",", b";", b"\t", b"|", b",,,,", b"\t\t"])


def insert_newline(rng, data):
    return insert_token(rng, data, [b"\n", b"\r\n", b"\r", b"\n\n\n", b"\r\r\n", b"\x0b", b"\x0c", "\u2028".encode()])


def insert_invalid_utf8(rng, data):
    return insert_token(rng, data, INVALID_UTF8)


def insert_nul(rng, data):
    return insert_token(rng, data, [b"\x00", b"\x00\x00", b"a\x00b"])


def insert_graphemes(rng, data):
    return insert_token(rng, data, [g.encode() for g in GRAPHEMES])


def insert_values(rng, data):
    return insert_token(rng, data, MISSING + NUMBERS)


def add_bom(rng, data):
    return rng.choice(BOMS) + data


def to_crlf(rng, data):
    return data.replace(b"\r\n", b"\n").replace(b"\n", rng.choice([b"\r\n", b"\r", b"\n\r"]))


def huge_field(rng, data):
    size = int(2 ** rng.uniform(10, 22)) if rng.random() < 0.9 else HUGE_FIELD_MAX
    body = rng.choice([b"x", b"ab", b"\xc3\xa9", b'""', b"1", b"\n", b"\\"]) * (size // 2 + 1)
    field = b'"' + body.replace(b'"', b'""') + b'"' if rng.random() < 0.5 else body.replace(b"\n", b" ")
    at = position(rng, data)
    return data[:at] + field[:HUGE_FIELD_MAX] + data[at:]


def splice(rng, data, other):
    if not data or not other:
        return data + other
    return data[:rng.randrange(len(data))] + other[rng.randrange(len(other)):]


def shuffle_lines(rng, data):
    lines = data.split(b"\n")
    head, rest = lines[:1], lines[1:]
    rng.shuffle(rest)
    return b"\n".join(head + rest)


def truncate(rng, data):
    return data[:position(rng, data)]


def gzip_bytes(rng: random.Random, data: bytes) -> bytes:
    """gzip-compressed `data`: sometimes in several members, sometimes damaged afterwards."""
    if rng.random() < 0.3 and len(data) > 1:
        cut = rng.randrange(1, len(data))
        packed = gzip.compress(data[:cut], mtime=0) + gzip.compress(data[cut:], mtime=0)
    else:
        packed = gzip.compress(data, compresslevel=rng.choice([1, 6, 9]), mtime=0)
    roll = rng.random()
    if roll < 0.1:
        packed = packed[:rng.randrange(len(packed))]
    elif roll < 0.2:
        packed = packed[:10] + flip_bits(rng, packed[10:])
    elif roll < 0.25:
        packed = packed + rng.choice([b"\x00" * 8, b"garbage", packed])
    return packed


COMMON = [flip_bits, random_bytes, delete_range, duplicate_range, insert_quote, insert_delimiter, insert_newline,
          insert_invalid_utf8, insert_nul, insert_graphemes, insert_values, add_bom, to_crlf, huge_field,
          shuffle_lines, truncate]


def mutate(rng: random.Random, data: bytes, others: list, extra=()) -> bytes:
    """`data` after one to four mutations drawn from the common ones, `extra`, and splices
    with `others` (the other seeds)."""
    pool = COMMON + list(extra)
    for _ in range(rng.randint(1, 4)):
        if others and rng.random() < 0.1:
            data = splice(rng, data, rng.choice(others))
        else:
            data = rng.choice(pool)(rng, data)
    return data
