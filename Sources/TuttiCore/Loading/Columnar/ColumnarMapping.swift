/// Turns the decoded values of a columnar file's column (Parquet, Arrow) into the per-chunk
/// column the loader joins: the mapping from physical and logical types to tutti's kinds.
///
/// - booleans → boolean; integers (signed or not, any width) → integer (unsigned 64-bit values
///   past `Int64.max` make the column float); floats, half floats and decimals → float;
/// - strings, enums, JSON, binary → strings (categorical or text, decided when chunks join);
///   a dictionary-encoded column keeps its dictionary: values are not hashed one by one;
/// - dates, times and timestamps → `TemporalText.chunkValues(times:type:)`.
enum ColumnarMapping {
    /// Which rows hold a value: row `r` is present when `levels[r] == presentLevel`, or always
    /// when `levels` is empty.
    struct Presence {
        var levels: [UInt8]
        var presentLevel: UInt8
        var rowCount: Int

        /// The missing rows, ascending.
        var missingRows: [Int32] {
            guard !levels.isEmpty else { return [] }
            var rows: [Int32] = []
            for (row, level) in levels.enumerated() where level != presentLevel { rows.append(Int32(row)) }
            return rows
        }
    }

    /// The chunk column for `values` (the present values, in row order) of `type`.
    static func chunkColumn(_ values: ParquetLeafValues, type: ColumnarValueType, presence: Presence,
                            forceText: Bool) -> ChunkColumn {
        let missing = presence.missingRows
        var column = ChunkColumn(values: .allMissing, missingRows: missing, rowCount: presence.rowCount, failure: nil)
        guard missing.count < presence.rowCount else { return column }
        column.values = chunkValues(values, type: type, presence: presence)
        if forceText { column.values = textValues(column.values, presence: presence) }
        return column
    }

    private static func chunkValues(_ values: ParquetLeafValues, type: ColumnarValueType, presence: Presence) -> ChunkValues {
        switch type {
        case .boolean:
            return .boolean(scatter(values.booleans, presence, placeholder: false))
        case .integer(_, let signed):
            if values.physicalType == .int32 {
                let widened = signed ? values.ints32.map { Int64($0) } : values.ints32.map { Int64(UInt32(bitPattern: $0)) }
                return .integer(scatter(widened, presence, placeholder: 0))
            }
            if !signed, values.ints64.contains(where: { $0 < 0 }) {
                return .float(scatter(values.ints64.map { Double(UInt64(bitPattern: $0)) }, presence, placeholder: 0))
            }
            return .integer(scatter(values.ints64, presence, placeholder: 0))
        case .float32:
            return .float(scatter(values.floats.map(Double.init), presence, placeholder: 0))
        case .float64:
            return .float(scatter(values.doubles, presence, placeholder: 0))
        case .float16:
            return .float(scatter(fixedWidthEntries(values).map { Double(halfFloat($0)) }, presence, placeholder: 0))
        case .decimal(let scale):
            return .float(scatter(decimals(values, scale: scale), presence, placeholder: 0))
        case .date, .timestamp, .time:
            let raw = values.physicalType == .int32 ? values.ints32.map { Int64($0) } : values.ints64
            return TemporalText.chunkValues(times: raw, type: type, presence: presence)
        case .uuid:
            let texts = fixedWidthEntries(values).map(uuidText)
            return .strings(stringBuilder(texts, presence))
        case .string, .binary:
            return .strings(byteStrings(values, presence))
        }
    }

    /// Present values spread over the rows, `placeholder` in missing rows.
    static func scatter<T>(_ dense: [T], _ presence: Presence, placeholder: T) -> [T] {
        guard !presence.levels.isEmpty else { return dense }
        var out = [T](repeating: placeholder, count: presence.rowCount)
        var next = 0
        presence.levels.withUnsafeBufferPointer { levels in
            out.withUnsafeMutableBufferPointer { target in
                dense.withUnsafeBufferPointer { source in
                    for row in 0..<levels.count where levels[row] == presence.presentLevel && next < source.count {
                        target[row] = source[next]
                        next += 1
                    }
                }
            }
        }
        return out
    }

    /// Text values (of the present rows, in order) as strings, missing rows marked.
    static func stringBuilder(_ texts: [String], _ presence: Presence) -> StringColumnBuilder {
        var builder = StringColumnBuilder()
        var next = 0
        for row in 0..<presence.rowCount {
            if presence.levels.isEmpty || presence.levels[row] == presence.presentLevel, next < texts.count {
                var text = texts[next]
                next += 1
                text.withUTF8 { builder.append($0.baseAddress ?? UnsafePointer(bitPattern: 1)!, $0.count) }
            } else {
                builder.appendMissing()
            }
        }
        return builder
    }

    /// Byte-array values as strings: from the file's dictionary when every page used it, else value by value.
    private static func byteStrings(_ values: ParquetLeafValues, _ presence: Presence) -> StringColumnBuilder {
        let rows = presence.rowCount
        if values.isDictionaryCoded, let entries = values.dictionary, entries.count <= ColumnAssembler.maxCategories {
            let (dictionary, remap, invalid) = coded(entries)
            var codes = [UInt32](repeating: StringColumnBuilder.missingCode, count: rows)
            var next = 0
            values.codes.withUnsafeBufferPointer { source in
                remap.withUnsafeBufferPointer { remap in
                    codes.withUnsafeMutableBufferPointer { target in
                        if presence.levels.isEmpty {
                            for row in 0..<min(rows, source.count) { target[row] = remap[Int(source[row])] }
                        } else {
                            for row in 0..<rows where presence.levels[row] == presence.presentLevel && next < source.count {
                                target[row] = remap[Int(source[next])]
                                next += 1
                            }
                        }
                    }
                }
            }
            return StringColumnBuilder(codes: codes, dictionary: dictionary, invalidUTF8Cells: invalid)
        }
        // Plain values are hashed as CSV cells are: a column of few distinct values is categorical.
        var plain = values
        plain.materializeCodes()
        var builder = StringColumnBuilder()
        builder.reserve(rows)
        var next = 0
        plain.arena.withUnsafeBufferPointer { arena in
            let base = arena.baseAddress ?? UnsafePointer(bitPattern: 1)!
            for row in 0..<rows {
                guard presence.levels.isEmpty || presence.levels[row] == presence.presentLevel, next + 1 < plain.offsets.count else {
                    builder.appendMissing()
                    continue
                }
                let start = plain.offsets[next], end = plain.offsets[next + 1]
                next += 1
                builder.append(base + start, end - start)
            }
        }
        return builder
    }

    /// A file's dictionary of strings hashed once: a dictionary of its distinct values (invalid
    /// UTF-8 repaired), the code of each of its entries there, and how many entries were repaired.
    static func coded(_ entries: StringTable) -> (dictionary: ByteDictionary, remap: [UInt32], invalidUTF8Entries: Int) {
        var dictionary = ByteDictionary(capacity: entries.count)
        var invalid = 0
        var remap = [UInt32]()
        remap.reserveCapacity(entries.count)
        for entry in 0..<entries.count {
            entries.withBytes(at: entry) { bytes in
                let base = bytes.baseAddress ?? UnsafePointer(bitPattern: 1)!
                if TextDecoding.isValidUTF8(base, bytes.count) {
                    remap.append(dictionary.code(of: base, bytes.count))
                } else {
                    invalid += 1
                    let repaired = TextDecoding.repairedUTF8(base, bytes.count)
                    remap.append(repaired.withUnsafeBufferPointer { dictionary.code(of: $0.baseAddress!, $0.count) })
                }
            }
        }
        return (dictionary, remap, invalid)
    }

    /// The values of a fixed-width or byte-array column, one byte array each.
    static func fixedWidthEntries(_ values: ParquetLeafValues) -> [[UInt8]] {
        var plain = values
        plain.materializeCodes()
        return (0..<(plain.offsets.count - 1)).map { Array(plain.arena[plain.offsets[$0]..<plain.offsets[$0 + 1]]) }
    }

    /// Decimals stored as INT32, INT64 or big-endian two's-complement bytes, as floats.
    private static func decimals(_ values: ParquetLeafValues, scale: Int) -> [Double] {
        let divisor = pow10(scale)
        switch values.physicalType {
        case .int32: return values.ints32.map { Double($0) / divisor }
        case .int64: return values.ints64.map { Double($0) / divisor }
        default:
            return fixedWidthEntries(values).map { bytes in
                guard let first = bytes.first else { return 0 }
                var value = first >= 0x80 ? -1.0 : 0.0
                if first >= 0x80 {
                    // Two's complement: the value is -(~bits + 1).
                    var magnitude = 0.0
                    for byte in bytes { magnitude = magnitude * 256 + Double(~byte) }
                    value = -(magnitude + 1)
                } else {
                    value = 0
                    for byte in bytes { value = value * 256 + Double(byte) }
                }
                return value / divisor
            }
        }
    }

    private static func pow10(_ exponent: Int) -> Double {
        var result = 1.0
        for _ in 0..<min(max(exponent, 0), 400) { result *= 10 }
        return result
    }

    /// An IEEE 754 half-precision float from its two little-endian bytes.
    static func halfFloat(_ bytes: [UInt8]) -> Float {
        guard bytes.count == 2 else { return .nan }
        return Float(Float16(bitPattern: UInt16(bytes[0]) | UInt16(bytes[1]) << 8))
    }

    private static func uuidText(_ bytes: [UInt8]) -> String {
        let hex = Array("0123456789abcdef")
        var text = ""
        for (index, byte) in bytes.enumerated() {
            if [4, 6, 8, 10].contains(index) { text.append("-") }
            text.append(hex[Int(byte >> 4)])
            text.append(hex[Int(byte & 0x0F)])
        }
        return text
    }

    /// Numbers and booleans as their text (for columns the user keeps as text).
    static func textValues(_ values: ChunkValues, presence: Presence) -> ChunkValues {
        let texts: [String]
        switch values {
        case .integer(let v): texts = v.map { String($0) }
        case .float(let v): texts = v.map { NumberFormatting.shortest($0) }
        case .boolean(let v): texts = v.map { $0 ? "true" : "false" }
        default: return values
        }
        var builder = StringColumnBuilder()
        for row in 0..<texts.count {
            if presence.levels.isEmpty || presence.levels[row] == presence.presentLevel {
                var text = texts[row]
                text.withUTF8 { builder.append($0.baseAddress ?? UnsafePointer(bitPattern: 1)!, $0.count) }
            } else {
                builder.appendMissing()
            }
        }
        return .strings(builder)
    }
}
