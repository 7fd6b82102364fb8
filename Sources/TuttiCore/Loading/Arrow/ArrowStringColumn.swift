/// Builds the strings of one Arrow array straight from its buffers in the (mapped) file, without
/// copying the values out first:
/// - a plain `utf8` / `binary` array is coded in place (`ArrowStringCoder`), its bytes checked
///   as UTF-8 once for the whole data buffer, not value by value; where that coder gives up
///   (values that do not repeat, bytes that are not UTF-8) it is hashed value by value into the
///   chunk's dictionary;
/// - a dictionary-encoded array maps its indices through its dictionary's codes, which were
///   hashed once when the dictionary batch was read (`ArrowDictionary.coded`): no value is hashed.
enum ArrowStringColumn {
    /// The strings of a `utf8` / `binary` array of `length` values: `offsets` (32- or 64-bit,
    /// checked to ascend within `data`) and `data`; missing rows as `presence` says.
    static func plain(offsets: UnsafeRawBufferPointer, data: UnsafeRawBufferPointer, length: Int, large: Bool,
                      presence: ColumnarMapping.Presence) throws -> StringColumnBuilder {
        let width = large ? 8 : 4
        guard length < Int.max / 8, offsets.count / width >= length + 1 else {
            if length == 0 { return StringColumnBuilder() }
            throw ArrowFormatError("corrupt offsets buffer (shorter than its array)")
        }
        let ends = try checkedEnds(offsets, length: length, large: large, dataCount: data.count)
        var builder = StringColumnBuilder(switchesWhenUnique: true)
        builder.reserve(length)
        guard length > 0, let base = data.baseAddress?.assumingMemoryBound(to: UInt8.self) else {
            for row in 0..<length {
                if presence.isPresent(row) { builder.append(UnsafePointer(bitPattern: 1)!, 0) } else { builder.appendMissing() }
            }
            return builder
        }
        let first = ends.first, last = ends.last
        // Every value is valid UTF-8 when the whole range is and every value starts and ends on
        // a character boundary; otherwise each value is checked (and repaired) on its own.
        let wholeValid = TextDecoding.isValidUTF8(base + first, last - first)
        if wholeValid {
            var coder = ArrowStringCoder()
            var coded = true
            let codes = [UInt32](unsafeUninitializedCapacity: length) { out, initialized in
                coded = large ? coder.code(offsets: offsets, as: Int64.self, data: base, dataCount: data.count, length: length, last: last,
                                           presence: presence, into: out.baseAddress!)
                    : coder.code(offsets: offsets, as: Int32.self, data: base, dataCount: data.count, length: length, last: last,
                                 presence: presence, into: out.baseAddress!)
                initialized = coded ? length : 0
            }
            if coded { return StringColumnBuilder(codes: codes, dictionary: coder.dictionary(), invalidUTF8Cells: 0) }
        }
        for row in 0..<length {
            guard presence.isPresent(row) else {
                builder.appendMissing()
                continue
            }
            let from = ends.at(row), to = ends.at(row + 1)
            if wholeValid, from == to || (base[from] & 0xC0 != 0x80 && (to == last || base[to] & 0xC0 != 0x80)) {
                builder.appendValid(base + from, to - from)
            } else {
                builder.append(base + from, to - from)
            }
        }
        return builder
    }

    /// The strings of a dictionary-encoded array: `length` indices of `bits` bits (signed or
    /// not) in `indices`, each checked to fall inside `dictionary`.
    static func coded(indices: UnsafeRawBufferPointer, bits: Int, signed: Bool, length: Int, presence: ColumnarMapping.Presence,
                      dictionary: ArrowDictionary.Coded) throws -> StringColumnBuilder {
        let width = bits / 8
        guard [1, 2, 4, 8].contains(width), indices.count / width >= length else {
            throw ArrowFormatError("corrupt data buffer (shorter than its array)")
        }
        let count = dictionary.remap.count
        var bad: Int64?
        let codes = [UInt32](unsafeUninitializedCapacity: length) { out, initialized in
            dictionary.remap.withUnsafeBufferPointer { remap in
                for row in 0..<length {
                    guard presence.isPresent(row) else {
                        out[row] = StringColumnBuilder.missingCode
                        continue
                    }
                    let index: Int64 = switch (width, signed) {
                    case (1, true): Int64(indices.load(fromByteOffset: row, as: Int8.self))
                    case (1, false): Int64(indices.load(fromByteOffset: row, as: UInt8.self))
                    case (2, true): Int64(indices.loadUnaligned(fromByteOffset: 2 * row, as: Int16.self))
                    case (2, false): Int64(indices.loadUnaligned(fromByteOffset: 2 * row, as: UInt16.self))
                    case (4, true): Int64(indices.loadUnaligned(fromByteOffset: 4 * row, as: Int32.self))
                    case (4, false): Int64(indices.loadUnaligned(fromByteOffset: 4 * row, as: UInt32.self))
                    default: indices.loadUnaligned(fromByteOffset: 8 * row, as: Int64.self)
                    }
                    guard index >= 0, index < Int64(count) else {
                        bad = bad ?? index
                        out[row] = StringColumnBuilder.missingCode
                        continue
                    }
                    out[row] = remap[Int(index)]
                }
            }
            initialized = length
        }
        if let bad { throw ArrowFormatError("has a dictionary index (\(bad)) past its dictionary's \(count) values") }
        return StringColumnBuilder(codes: codes, dictionary: dictionary.dictionary, invalidUTF8Cells: dictionary.invalidUTF8Entries)
    }

    /// The offsets of a variable-length array, checked to ascend within `dataCount` bytes, read
    /// in place.
    static func checkedEnds(_ buffer: UnsafeRawBufferPointer, length: Int, large: Bool, dataCount: Int) throws -> Ends {
        var previous = 0
        for index in 0...length {
            let value = large ? Int(buffer.loadUnaligned(fromByteOffset: 8 * index, as: Int64.self))
                : Int(buffer.loadUnaligned(fromByteOffset: 4 * index, as: Int32.self))
            guard value >= previous, value <= dataCount else {
                throw ArrowFormatError("corrupt offsets buffer (an offset goes backwards or past its data)")
            }
            previous = value
        }
        return Ends(buffer: buffer, length: length, large: large)
    }

    /// Checked offsets, read from their buffer.
    struct Ends {
        let buffer: UnsafeRawBufferPointer
        let length: Int
        let large: Bool

        var first: Int { at(0) }
        var last: Int { at(length) }

        /// Offset `index`.
        @inline(__always)
        func at(_ index: Int) -> Int {
            large ? Int(buffer.loadUnaligned(fromByteOffset: 8 * index, as: Int64.self))
                : Int(buffer.loadUnaligned(fromByteOffset: 4 * index, as: Int32.self))
        }
    }
}

extension ColumnarMapping.Presence {
    /// Whether `row` holds a value.
    @inline(__always)
    func isPresent(_ row: Int) -> Bool { levels.isEmpty || levels[row] == presentLevel }
}
