import TuttiCore

/// Rows of `COPY … TO STDOUT` (text format) gathered into columns of tutti's kinds, a batch at a
/// time, for `StreamingRowExporter`.
///
/// The text format: one line per row, fields split by tabs, `\N` for NULL, and backslash escapes
/// (`\\`, `\t`, `\n`, `\r`, `\b`, `\f`, `\v`, octal `\NNN`, `\xHH`) for the bytes that would break
/// the layout.
struct CopyBatch {
    /// Rows per batch.
    static let size = 65_536

    private let columns: [SQLColumn]
    private var integers: [[Int64]]
    private var doubles: [[Double]]
    private var booleans: [[Bool]]
    private var strings: [StringTable]
    private var present: [[Int]]
    private(set) var rowCount = 0

    init(columns: [SQLColumn]) {
        self.columns = columns
        integers = Array(repeating: [], count: columns.count)
        doubles = Array(repeating: [], count: columns.count)
        booleans = Array(repeating: [], count: columns.count)
        strings = Array(repeating: StringTable(), count: columns.count)
        present = Array(repeating: [], count: columns.count)
    }

    /// Adds one line (its line end included or not). Throws a `TuttiError` when it does not
    /// have one field per column or a value does not read as its column's kind.
    mutating func append(_ line: UnsafeBufferPointer<UInt8>) throws {
        var end = line.count
        if end > 0, line[end - 1] == UInt8(ascii: "\n") { end -= 1 }
        var start = 0, index = 0
        while index < columns.count {
            var stop = start
            while stop < end, line[stop] != UInt8(ascii: "\t") { stop += 1 }
            guard stop < end || index == columns.count - 1 else { break }
            try add(line, start..<stop, to: index)
            index += 1
            start = stop + 1
        }
        guard index == columns.count, start == end + 1 else {
            throw TuttiError("the database sent a row of COPY data with another number of fields than columns")
        }
        rowCount += 1
    }

    /// Adds the field in `range` of `line` to column `index`: read in place when it holds no
    /// escape (most fields), else once its escapes are decoded.
    private mutating func add(_ line: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, to index: Int) throws {
        guard line[range].contains(UInt8(ascii: "\\")) else {
            return try add(UnsafeBufferPointer(rebasing: line[range]), to: index)
        }
        guard let field = Self.unescaped(line, range) else { return try add(nil, to: index) }
        try field.withUnsafeBufferPointer { try add($0, to: index) }
    }

    private mutating func add(_ field: UnsafeBufferPointer<UInt8>?, to index: Int) throws {
        let row = rowCount
        let kind = columns[index].kind
        if field != nil { present[index].append(row) }
        switch kind {
        case .integer:
            guard let field else { integers[index].append(0); return }
            guard let base = field.baseAddress, let value = ValueParser.parseInteger(base, field.count) else {
                throw unreadable(field, index)
            }
            integers[index].append(value)
        case .float:
            guard let field else { doubles[index].append(0); return }
            guard let value = PostgresTypes.double(String(decoding: field, as: UTF8.self)) else { throw unreadable(field, index) }
            doubles[index].append(value)
        case .datetime:
            guard let field else { integers[index].append(0); return }
            guard let value = TimeParser.iso(String(decoding: field, as: UTF8.self)) else { throw unreadable(field, index) }
            integers[index].append(value)
        case .boolean:
            guard let field else { booleans[index].append(false); return }
            guard field.count == 1, field[0] == UInt8(ascii: "t") || field[0] == UInt8(ascii: "f") else {
                throw unreadable(field, index)
            }
            booleans[index].append(field[0] == UInt8(ascii: "t"))
        default:
            guard let field else { return strings[index].append("") }
            // ASCII is valid UTF-8 as it is; other bytes are checked (and repaired) by decoding.
            if field.allSatisfy({ $0 < 0x80 }) {
                strings[index].append(field)
            } else {
                strings[index].append(String(decoding: field, as: UTF8.self))
            }
        }
    }

    private func unreadable(_ field: UnsafeBufferPointer<UInt8>, _ index: Int) -> TuttiError {
        TuttiError("the database sent '\(String(decoding: field, as: UTF8.self))' in column '\(columns[index].name)', "
                   + "which is not \(columns[index].kind.rawValue)")
    }

    /// The rows gathered so far, as a table of as many rows.
    func dataset() -> Dataset {
        Dataset(source: "", rowCount: rowCount, columns: columns.indices.map { index in
            let data: ColumnData = switch columns[index].kind {
            case .integer: .integer(integers[index])
            case .float: .float(doubles[index])
            case .boolean: .boolean(booleans[index])
            case .datetime: .datetime(integers[index])
            default: .text(strings[index])
            }
            return Column(name: columns[index].name, data: data,
                          validity: RowSet(rowCount: rowCount, rows: present[index]))
        })
    }

    /// The bytes of a field with its escapes decoded; nil for `\N` (NULL).
    static func unescaped(_ line: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> [UInt8]? {
        if range.count == 2, line[range.lowerBound] == UInt8(ascii: "\\"), line[range.lowerBound + 1] == UInt8(ascii: "N") {
            return nil
        }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(range.count)
        var index = range.lowerBound
        while index < range.upperBound {
            let byte = line[index]
            index += 1
            guard byte == UInt8(ascii: "\\"), index < range.upperBound else {
                bytes.append(byte)
                continue
            }
            let code = line[index]
            index += 1
            switch code {
            case UInt8(ascii: "t"): bytes.append(9)
            case UInt8(ascii: "n"): bytes.append(10)
            case UInt8(ascii: "r"): bytes.append(13)
            case UInt8(ascii: "b"): bytes.append(8)
            case UInt8(ascii: "f"): bytes.append(12)
            case UInt8(ascii: "v"): bytes.append(11)
            case UInt8(ascii: "0")...UInt8(ascii: "7"):
                var value = Int(code - UInt8(ascii: "0"))
                var digits = 1
                while digits < 3, index < range.upperBound, (UInt8(ascii: "0")...UInt8(ascii: "7")).contains(line[index]) {
                    value = value * 8 + Int(line[index] - UInt8(ascii: "0"))
                    index += 1
                    digits += 1
                }
                bytes.append(UInt8(truncatingIfNeeded: value))
            case UInt8(ascii: "x"):
                var value = 0, digits = 0
                while digits < 2, index < range.upperBound, let digit = Self.hexDigit(line[index]) {
                    value = value * 16 + digit
                    index += 1
                    digits += 1
                }
                bytes.append(UInt8(value))
            default: bytes.append(code)
            }
        }
        return bytes
    }

    private static func hexDigit(_ byte: UInt8) -> Int? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): Int(byte - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f"): Int(byte - UInt8(ascii: "a")) + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): Int(byte - UInt8(ascii: "A")) + 10
        default: nil
        }
    }
}
