"""Inputs for the parquet and arrow targets: the committed test fixtures mutated where their
metadata lies (integers, lengths and counts in Parquet's Thrift footer and page headers, words
of Arrow's flatbuffer messages, field nodes, buffers and compressed lengths), nested deeper
than any reader should follow, truncated or flipped, and read by `tutti info`, `count` or from
standard input. Python 3 standard library only."""

import random
import struct

import mutations as m
from case import Case

DEPTH_MAX = 200_000


def log_uniform(rng: random.Random, low: int, high: int) -> int:
    return int(round(2 ** rng.uniform(low.bit_length() - 1, high.bit_length() - 1)))


def hostile(rng: random.Random, value: int, size: int) -> int:
    """A number a reader must not trust: an edge of its type, the file size, or `value` bent."""
    return rng.choice([0, 1, -1, 2**31 - 1, -2**31, 2**32 - 1, 2**32, 2**40, 2**62, 2**63 - 1, -2**63,
                       size, size + 1, size * 8, value + 1, value - 1, value * 2, value * 1000, -value,
                       rng.randrange(-2**63, 2**63)])


# ---- Thrift compact protocol (Parquet) -----------------------------------------------------

class ThriftError(Exception):
    pass


def varint(value: int) -> bytes:
    value &= (1 << 64) - 1
    out = bytearray()
    while True:
        byte = value & 0x7F
        value >>= 7
        if value:
            out.append(byte | 0x80)
        else:
            out.append(byte)
            return bytes(out)


def zigzag(value: int) -> int:
    value = max(-2**63, min(2**63 - 1, value))
    return (value << 1) ^ (value >> 63)


class Thrift:
    """Parses compact-protocol structs into dicts (field id → value) and remembers where every
    integer, length and list size lies, so a mutation can replace one."""

    def __init__(self, data: bytes, start: int, end: int):
        self.data, self.position, self.end = data, start, end
        # (start, end, kind, list element type): kind is "int", "length" or "list".
        self.spots = []

    def byte(self) -> int:
        if self.position >= self.end:
            raise ThriftError("ends early")
        self.position += 1
        return self.data[self.position - 1]

    def uvarint(self) -> int:
        result, shift = 0, 0
        while True:
            byte = self.byte()
            result |= (byte & 0x7F) << shift
            if not byte & 0x80:
                return result
            shift += 7
            if shift > 70:
                raise ThriftError("long varint")

    def integer(self) -> int:
        start = self.position
        raw = self.uvarint()
        self.spots.append((start, self.position, "int", None))
        return (raw >> 1) ^ -(raw & 1)

    def value(self, kind: int, depth: int):
        if depth > 64:
            raise ThriftError("deep")
        if kind in (1, 2):
            return kind == 1
        if kind == 3:
            return self.byte()
        if kind in (4, 5, 6):
            return self.integer()
        if kind == 7:
            self.position += 8
            return 0.0
        if kind == 8:
            start = self.position
            length = self.uvarint()
            self.spots.append((start, self.position, "length", None))
            self.position += length
            if self.position > self.end:
                raise ThriftError("long binary")
            return self.data[self.position - length:self.position]
        if kind in (9, 10):
            start = self.position
            header = self.byte()
            count, element = header >> 4, header & 0x0F
            if count == 15:
                count = self.uvarint()
            self.spots.append((start, self.position, "list", element))
            if count > self.end - self.position:
                raise ThriftError("long list")
            return [self.byte() == 1 if element in (1, 2) else self.value(element, depth + 1) for _ in range(count)]
        if kind == 11:
            count = self.uvarint()
            # Every entry takes at least a byte: a mutated count past the bytes left would
            # otherwise loop on entries that read nothing (booleans) for ever.
            if count > self.end - self.position:
                raise ThriftError("long map")
            if count:
                types = self.byte()
                for _ in range(count):
                    self.value(types >> 4, depth + 1)
                    self.value(types & 0x0F, depth + 1)
            return {}
        if kind == 12:
            return self.struct(depth + 1)
        raise ThriftError(f"type {kind}")

    def struct(self, depth: int = 0) -> dict:
        fields, last = {}, 0
        while True:
            header = self.byte()
            kind = header & 0x0F
            if kind == 0:
                return fields
            delta = header >> 4
            last = last + delta if delta else (lambda raw: (raw >> 1) ^ -(raw & 1))(self.uvarint())
            fields[last] = self.value(kind, depth)


def replace_spot(rng, data: bytes, spot, size: int) -> bytes:
    start, end, kind, element = spot
    if kind == "int":
        raw = data[start:end]
        value = Thrift(raw, 0, len(raw)).integer()
        new = varint(zigzag(hostile(rng, value, size)))
    elif kind == "length":
        new = varint(hostile(rng, Thrift(data, start, end).uvarint(), size))
    else:
        new = bytes([0xF0 | element]) + varint(hostile(rng, 15, size))
    return data[:start] + new + data[end:]


def parquet_footer(data: bytes):
    """The footer's range, or None when the file's tail does not describe one."""
    if len(data) < 12 or data[-4:] != b"PAR1":
        return None
    length = struct.unpack_from("<I", data, len(data) - 8)[0]
    if length == 0 or length > len(data) - 12:
        return None
    return len(data) - 8 - length, len(data) - 8


def with_footer(data: bytes, start: int, footer: bytes) -> bytes:
    return data[:start] + footer + struct.pack("<I", len(footer)) + b"PAR1"


def parquet_page_headers(data: bytes, footer_start: int, footer_end: int, metadata: dict):
    """The ranges of the page headers of every column chunk the footer lists."""
    headers = []
    groups = metadata.get(4)
    for group in groups if isinstance(groups, list) else []:
        chunks = group.get(1) if isinstance(group, dict) else None
        for chunk in chunks if isinstance(chunks, list) else []:
            meta = chunk.get(3) if isinstance(chunk, dict) else None
            if not isinstance(meta, dict):
                continue
            first = meta.get(11) or meta.get(9)
            total = meta.get(7, 0)
            if not isinstance(first, int) or not isinstance(total, int):
                continue
            offset = first
            while 4 <= offset < min(first + total, footer_start) and len(headers) < 4096:
                parser = Thrift(data, offset, footer_start)
                try:
                    header = parser.struct()
                except ThriftError:
                    break
                headers.append((offset, parser.position))
                offset = parser.position + max(0, header.get(3, 0) if isinstance(header.get(3), int) else 0)
    return headers


def parquet_footer_number(rng, data):
    place = parquet_footer(data)
    if not place:
        return m.flip_bits(rng, data)
    parser = Thrift(data, *place)
    try:
        parser.struct()
    except ThriftError:
        pass
    if not parser.spots:
        return data
    footer = data[place[0]:place[1]]
    spot = rng.choice(parser.spots)
    shifted = (spot[0] - place[0], spot[1] - place[0], spot[2], spot[3])
    return with_footer(data, place[0], replace_spot(rng, footer, shifted, len(data)))


def parquet_page_number(rng, data):
    place = parquet_footer(data)
    if not place:
        return m.flip_bits(rng, data)
    try:
        metadata = Thrift(data, *place).struct()
    except ThriftError:
        return m.flip_bits(rng, data)
    headers = parquet_page_headers(data, place[0], place[1], metadata)
    if not headers:
        return m.flip_bits(rng, data)
    start, end = rng.choice(headers)
    parser = Thrift(data, start, end)
    parser.struct()
    spot = rng.choice(parser.spots)
    if spot[2] == "int" and rng.random() < 0.7:
        # Keep the header's length, so that the footer's offsets still hold: pad the varint.
        value = hostile(rng, 0, len(data))
        encoded = varint(zigzag(value))
        width = spot[1] - spot[0]
        if len(encoded) <= width:
            padded = bytes(b | 0x80 for b in encoded[:-1]) + bytes([encoded[-1] | (0x80 if width > len(encoded) else 0)])
            padded += b"\x80" * (width - len(encoded) - 1) + (b"\x00" if width > len(encoded) else b"")
            return data[:spot[0]] + padded + data[spot[1]:]
    return replace_spot(rng, data, spot, len(data))


def parquet_footer_length(rng, data):
    if len(data) < 8:
        return data
    return data[:-8] + struct.pack("<I", hostile(rng, len(data), len(data)) & 0xFFFFFFFF) + data[-4:]


def parquet_nested_structs(rng, data):
    """A field of structs nested deep inside the footer."""
    place = parquet_footer(data)
    if not place:
        return data
    depth = log_uniform(rng, 2, DEPTH_MAX)
    bomb = b"\x1c" * depth + b"\x00" * depth if rng.random() < 0.5 else b"\x19" * (depth + 1)
    footer = data[place[0]:place[1]]
    at = rng.choice([0, len(footer) - 1, rng.randrange(len(footer))])
    return with_footer(data, place[0], footer[:at] + bomb + footer[at:])


def thrift_field(delta: int, kind: int) -> bytes:
    return bytes([(delta << 4) | kind])


def thrift_string(delta: int, text: bytes) -> bytes:
    return thrift_field(delta, 8) + varint(len(text)) + text


def thrift_i32(delta: int, value: int) -> bytes:
    return thrift_field(delta, 5) + varint(zigzag(value))


def parquet_deep_schema(rng, _data):
    """A whole file whose schema nests groups deeper than any reader should follow, or claims
    more children than it lists."""
    depth = log_uniform(rng, 2, DEPTH_MAX)
    elements = []
    for level in range(depth):
        # SchemaElement: repetition_type (3), name (4), num_children (5).
        elements.append(thrift_i32(3, rng.choice([0, 1, 2])) + thrift_string(1, b"g%d" % level) + thrift_i32(1, 1) + b"\x00")
    # The leaf: type (1) INT32, repetition (3) OPTIONAL, name (4).
    elements.append(thrift_i32(1, 1) + thrift_i32(2, 1) + thrift_string(1, b"x") + b"\x00")
    if rng.random() < 0.3:
        elements[0] = thrift_i32(3, 0) + thrift_string(1, b"root") + thrift_i32(1, hostile(rng, depth, depth)) + b"\x00"
    schema = thrift_field(1, 9) + b"\xfc" + varint(len(elements)) + b"".join(elements)
    rows = rng.choice([0, 1, 2**31 - 1, 2**62])
    # RowGroup: columns (1, none), total_byte_size (2), num_rows (3).
    group = thrift_field(1, 9) + b"\x0c" + thrift_field(1, 6) + varint(0) + thrift_field(1, 6) + varint(zigzag(rows)) + b"\x00"
    groups = thrift_field(1, 9) + b"\x1c" + group if rng.random() < 0.5 else b""
    # FileMetaData: version (1), schema (2), num_rows (3), row_groups (4).
    footer = thrift_i32(1, 1) + schema + thrift_field(1, 6) + varint(zigzag(rows)) + groups + b"\x00"
    return b"PAR1" + footer + struct.pack("<I", len(footer)) + b"PAR1"


PARQUET_MUTATIONS = [parquet_footer_number, parquet_footer_number, parquet_page_number, parquet_page_number,
                     parquet_footer_length, parquet_nested_structs]
PARQUET_WHOLE = [parquet_deep_schema]


# ---- Flatbuffers (Arrow) -------------------------------------------------------------------

class FlatError(Exception):
    pass


def u32(data, at):
    if at < 0 or at + 4 > len(data):
        raise FlatError("outside")
    return struct.unpack_from("<I", data, at)[0]


def table_field(data, table: int, field: int):
    """Where field `field` of the table at `table` lies, or None."""
    vtable = table - struct.unpack_from("<i", data, table)[0]
    if vtable < 0 or vtable + 4 > len(data):
        raise FlatError("vtable")
    size = struct.unpack_from("<H", data, vtable)[0]
    slot = 4 + 2 * field
    if slot + 2 > size or vtable + slot + 2 > len(data):
        return None
    offset = struct.unpack_from("<H", data, vtable + slot)[0]
    return table + offset if offset else None


def table_target(data, table, field):
    at = table_field(data, table, field)
    return None if at is None else at + u32(data, at)


def arrow_message_at(data: bytes, offset: int):
    """(metadata start, metadata end, body start, body end) of the message at `offset`, or None."""
    if offset < 0 or offset + 8 > len(data):
        return None
    length = struct.unpack_from("<i", data, offset)[0]
    start = offset + 4
    if length == -1:
        length = struct.unpack_from("<i", data, offset + 4)[0]
        start += 4
    if length <= 0 or start + length > len(data):
        return None
    meta = data[start:start + length]
    try:
        at = table_field(meta, u32(meta, 0), 3)
        body = struct.unpack_from("<q", meta, at)[0] if at is not None else 0
    except (FlatError, struct.error):
        return None
    if body < 0 or start + length + body > len(data):
        return None
    return start, start + length, start + length, start + length + body


def arrow_file_blocks(data: bytes):
    """The message offsets a file's footer lists (dictionaries, then record batches)."""
    if len(data) < 18 or data[-6:] != b"ARROW1":
        return []
    length = struct.unpack_from("<i", data, len(data) - 10)[0]
    if not 0 < length <= len(data) - 18:
        return []
    footer = data[len(data) - 10 - length:len(data) - 10]
    offsets = []
    try:
        root = u32(footer, 0)
        for field in (2, 3):
            at = table_target(footer, root, field)
            if at is not None:
                for index in range(min(u32(footer, at), 10_000)):
                    offsets.append(struct.unpack_from("<q", footer, at + 4 + 24 * index)[0])
    except (FlatError, struct.error):
        pass
    return offsets


def arrow_messages(data: bytes):
    """(metadata start, metadata end, body start, body end) of every message: in a file, the
    schema and the blocks its footer lists; in a stream, one after another."""
    if data[:6] == b"ARROW1":
        found = [arrow_message_at(data, 8)] + [arrow_message_at(data, offset) for offset in arrow_file_blocks(data)]
        return [message for message in found if message]
    offset, found = 0, []
    while len(found) < 10_000:
        message = arrow_message_at(data, offset)
        if not message:
            return found
        found.append(message)
        offset = message[3]
    return found


def arrow_vectors(data: bytes, message):
    """(position, element count, element size) of a batch's field nodes and buffers, and the
    absolute positions of its buffers in the body."""
    start, end, body, _ = message
    meta = data[start:end]
    root = u32(meta, 0)
    header = table_target(meta, root, 2)
    kind_at = table_field(meta, root, 1)
    if header is None or kind_at is None:
        return [], []
    kind = meta[kind_at]
    if kind == 2:
        header = table_target(meta, header, 1)
        if header is None:
            return [], []
    elif kind != 3:
        return [], []
    vectors, buffers = [], []
    length_at = table_field(meta, header, 0)
    if length_at is not None:
        vectors.append((start + length_at, 1, 8))
    for field in (1, 2):
        at = table_target(meta, header, field)
        if at is not None:
            count = u32(meta, at)
            vectors.append((start + at + 4, min(count, 10_000), 16))
            if field == 2:
                for index in range(min(count, 10_000)):
                    offset = struct.unpack_from("<q", meta, at + 4 + 16 * index)[0]
                    buffers.append(body + offset)
    return vectors, buffers


def put64(data: bytes, at: int, value: int) -> bytes:
    if at < 0 or at + 8 > len(data):
        return data
    return data[:at] + struct.pack("<q", max(-2**63, min(2**63 - 1, value))) + data[at + 8:]


def arrow_batch_number(rng, data):
    """A row count, a field node's length or null count, or a buffer's offset or length made hostile."""
    try:
        messages = arrow_messages(data)
        places = [v for message in messages for v in arrow_vectors(data, message)[0]]
    except (FlatError, struct.error, IndexError):
        places = []
    places = [p for p in places if p[1] > 0]
    if not places:
        return m.flip_bits(rng, data)
    at, count, size = rng.choice(places)
    at += size * rng.randrange(count) + (8 * rng.randrange(size // 8))
    old = struct.unpack_from("<q", data, at)[0] if at + 8 <= len(data) else 0
    return put64(data, at, hostile(rng, old, len(data)))


def arrow_compressed_length(rng, data):
    """The uncompressed length that starts every compressed buffer, made hostile."""
    try:
        buffers = [b for message in arrow_messages(data) for b in arrow_vectors(data, message)[1]]
    except (FlatError, struct.error, IndexError):
        buffers = []
    if not buffers:
        return m.flip_bits(rng, data)
    at = rng.choice(buffers)
    return put64(data, at, hostile(rng, 0, len(data)))


def arrow_metadata_word(rng, data):
    """A 4- or 8-byte word of some message's (or the file footer's) flatbuffer made hostile."""
    regions = [(start, end) for start, end, _, _ in arrow_messages(data)]
    if data[:6] == b"ARROW1" and len(data) >= 18 and data[-6:] == b"ARROW1":
        length = struct.unpack_from("<i", data, len(data) - 10)[0]
        if 0 < length <= len(data) - 18:
            regions.append((len(data) - 10 - length, len(data) - 10))
    regions = [r for r in regions if r[1] - r[0] >= 8]
    if not regions:
        return m.flip_bits(rng, data)
    start, end = rng.choice(regions)
    width = rng.choice([2, 4, 4, 8])
    at = start + rng.randrange((end - start) // width) * width
    value = hostile(rng, int.from_bytes(data[at:at + width], "little", signed=True), end - start)
    return data[:at] + (value & ((1 << (8 * width)) - 1)).to_bytes(width, "little") + data[at + width:]


def arrow_message_length(rng, data):
    messages = arrow_messages(data)
    if not messages:
        return m.flip_bits(rng, data)
    start = rng.choice(messages)[0] - 4
    return data[:start] + struct.pack("<I", hostile(rng, 0, len(data)) & 0xFFFFFFFF) + data[start + 4:]


class FlatBuilder:
    """Writes a flatbuffer front to back: a table's children come after it, so every offset
    points forward as uoffset_t requires; vtables are written just before their tables."""

    def __init__(self):
        self.out = bytearray(b"\x00" * 4)

    def align(self, size=4):
        while len(self.out) % size:
            self.out.append(0)

    def table(self, scalars: list, offsets: list) -> tuple:
        """`scalars`: (field, format, value); `offsets`: fields holding offsets to patch later.
        Returns the table's position and where each offset field lies. Fields are laid out
        widest first after the table's 8-aligned start, so each is aligned to its size."""
        entries = [(field, fmt, value) for field, fmt, value in scalars] + [(field, "I", 0) for field in offsets]
        entries.sort(key=lambda entry: -struct.calcsize("<" + entry[1]))
        count = max((entry[0] for entry in entries), default=-1) + 1
        layout, size = {}, 4
        for field, fmt, _ in entries:
            layout[field] = size
            size += struct.calcsize("<" + fmt)
        self.align(2)
        vtable = len(self.out)
        self.out += struct.pack("<HH", 4 + 2 * count, size)
        for field in range(count):
            self.out += struct.pack("<H", layout.get(field, 0))
        while (len(self.out) + 4) % 8:
            self.out.append(0)
        table = len(self.out)
        self.out += struct.pack("<i", table - vtable)
        for field, fmt, value in entries:
            self.out += struct.pack("<" + fmt, value)
        return table, {field: table + layout[field] for field in offsets}

    def point(self, at: int, target: int):
        struct.pack_into("<I", self.out, at, target - at)

    def vector(self, count: int) -> int:
        self.align(4)
        at = len(self.out)
        self.out += struct.pack("<I", count) + b"\x00" * (4 * count)
        return at


def arrow_nested_schema(rng, _data):
    """A whole stream whose schema nests list fields deeper than any reader should follow, or
    whose fields share children level after level (a short file, exponentially many fields)."""
    builder = FlatBuilder()
    message, message_slots = builder.table([(0, "h", 4), (1, "B", 1), (3, "q", 0)], [2])
    builder.point(0, message)
    schema, schema_slots = builder.table([], [1])
    builder.point(message_slots[2], schema)
    fields = builder.vector(1)
    builder.point(schema_slots[1], fields)
    parents = [fields + 4]
    shared = rng.random() < 0.4
    depth = rng.randint(8, 80) if shared else log_uniform(rng, 2, DEPTH_MAX // 4)
    width = rng.randint(2, 8) if shared else 1
    for level in range(depth):
        last = level == depth - 1
        # Field: nullable (1), type_type (2) = List (12) or Struct_ (13), type (3), children (5).
        field, slots = builder.table([(1, "B", 1), (2, "B", 13 if shared else 12)], [3] if last else [3, 5])
        for parent in parents:
            builder.point(parent, field)
        empty, _ = builder.table([], [])
        builder.point(slots[3], empty)
        if not last:
            children = builder.vector(width)
            builder.point(slots[5], children)
            parents = [children + 4 + 4 * index for index in range(width)]
    builder.align(8)
    meta = bytes(builder.out)
    return struct.pack("<ii", -1, len(meta)) + meta + struct.pack("<ii", -1, 0)


ARROW_MUTATIONS = [arrow_batch_number, arrow_batch_number, arrow_compressed_length, arrow_metadata_word,
                   arrow_metadata_word, arrow_message_length]
ARROW_WHOLE = [arrow_nested_schema]
BYTE_MUTATIONS = [m.flip_bits, m.truncate, m.delete_range, m.duplicate_range, m.random_bytes]


# ---- cases --------------------------------------------------------------------------------

def columnar_case(rng: random.Random, seeds: dict, structural, whole, suffixes) -> Case:
    names = sorted(seeds)
    if rng.random() < 0.1:
        data = rng.choice(whole)(rng, b"")
    else:
        data = seeds[rng.choice(names)]
        for _ in range(rng.randint(1, 3)):
            roll = rng.random()
            try:
                if roll < 0.6:
                    data = rng.choice(structural)(rng, data)
                elif roll < 0.95:
                    data = rng.choice(BYTE_MUTATIONS)(rng, data)
                else:
                    data = m.splice(rng, data, seeds[rng.choice(names)])
            except (ThriftError, FlatError, struct.error, IndexError, ValueError, OverflowError, AttributeError, TypeError):
                data = m.flip_bits(rng, data)
    name = "input" + rng.choice(suffixes)
    budget = ["--max-memory", rng.choice(["64M", "256M"])]
    roll = rng.random()
    if roll < 0.55:
        return Case({name: data}, ["info", name] + budget)
    if roll < 0.7:
        return Case({name: data}, ["info", name, "--format", "json"] + budget)
    if roll < 0.85:
        return Case({name: data}, ["info", "-"] + budget, stdin=name)
    return Case({name: data}, ["count", name] + budget)


def parquet_case(rng, seeds):
    return columnar_case(rng, seeds, PARQUET_MUTATIONS, PARQUET_WHOLE, [".parquet", ".parquet", ".bin"])


def arrow_case(rng, seeds):
    return columnar_case(rng, seeds, ARROW_MUTATIONS, ARROW_WHOLE, [".arrow", ".arrows", ".feather", ".bin"])
