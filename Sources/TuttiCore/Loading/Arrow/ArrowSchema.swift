/// The type of an Arrow field, as far as tutti reads it (Schema.fbs, union `Type`).
indirect enum ArrowType: Sendable {
    case null
    case integer(bits: Int, signed: Bool)
    case float(bits: Int)
    case boolean
    case utf8(large: Bool)
    case binary(large: Bool)
    case utf8View, binaryView
    case fixedSizeBinary(width: Int)
    case decimal(bits: Int, scale: Int)
    /// Days (32-bit) or milliseconds (64-bit) since 1970-01-01.
    case date(millis: Bool)
    case time(ColumnarTimeUnit, bits: Int)
    case timestamp(ColumnarTimeUnit, utc: Bool)
    case duration
    case list(large: Bool)
    case fixedSizeList(size: Int)
    case structure
    case map
    /// A type tutti cannot read, named; `buffers` says how many buffers it takes in a batch.
    case unsupported(String, buffers: Int)

    /// The number of buffers one array of this type has in a record batch (Columnar.rst,
    /// "Buffer Layout"), not counting variadic buffers of view types.
    var bufferCount: Int {
        switch self {
        case .null: 0
        case .utf8, .binary: 3
        case .utf8View, .binaryView: 2
        case .fixedSizeList, .structure: 1
        case .unsupported(_, let buffers): buffers
        default: 2
        }
    }
}

/// One field of an Arrow schema: its type, children and dictionary encoding.
struct ArrowField: Sendable {
    var name: String
    var type: ArrowType
    var children: [ArrowField]
    /// The dictionary id and index type when the field is dictionary-encoded.
    var dictionary: (id: Int64, indexBits: Int, indexSigned: Bool)?

    /// The field nodes (itself and every descendant) it takes in a record batch.
    var nodeCount: Int { dictionary != nil ? 1 : 1 + children.reduce(0) { $0 + $1.nodeCount } }

    /// Reads the field in `table` and its children, at most `depth` levels below the schema.
    /// `budget` is how many more fields the schema may hold: fields may share children in a
    /// flatbuffer, so a short file could otherwise name exponentially many.
    init(_ table: FlatBufferTable, depth: Int = 0, budget: inout Int) throws {
        guard depth < 64 else { throw ArrowFormatError("corrupt schema (fields nested more than 64 deep)") }
        budget -= 1
        guard budget >= 0 else { throw ArrowFormatError("corrupt schema (more fields than its metadata could hold)") }
        name = try table.string(0) ?? ""
        children = try table.tables(5).map { try ArrowField($0, depth: depth + 1, budget: &budget) }
        let typeTable = try table.table(3)
        type = try Self.type(code: table.uint8(2), typeTable, childCount: children.count)
        if let encoding = try table.table(4) {
            let index = try encoding.table(1)
            dictionary = (try encoding.int64(0), Int(try index?.int32(0) ?? 32), try index?.bool(1) ?? true)
        }
    }

    private static func timeUnit(_ raw: Int16) throws -> ColumnarTimeUnit {
        switch raw {
        case 0: .seconds
        case 1: .millis
        case 2: .micros
        case 3: .nanos
        default: throw ArrowFormatError("corrupt schema (time unit \(raw))")
        }
    }

    private static func type(code: UInt8, _ table: FlatBufferTable?, childCount: Int) throws -> ArrowType {
        func need(_ children: Int) throws {
            guard childCount == children else { throw ArrowFormatError("corrupt schema (a nested type with \(childCount) children)") }
        }
        switch code {
        case 1: return .null
        case 2:
            let bits = Int(try table?.int32(0) ?? 0)
            guard [8, 16, 32, 64].contains(bits) else { throw ArrowFormatError("corrupt schema (an integer of \(bits) bits)") }
            return .integer(bits: bits, signed: try table?.bool(1) ?? false)
        case 3:
            switch try table?.int16(0) ?? 0 {
            case 0: return .float(bits: 16)
            case 1: return .float(bits: 32)
            case 2: return .float(bits: 64)
            case let other: throw ArrowFormatError("corrupt schema (floating-point precision \(other))")
            }
        case 4: return .binary(large: false)
        case 5: return .utf8(large: false)
        case 6: return .boolean
        case 7:
            let bits = Int(try table?.int32(2, default: 128) ?? 128)
            guard [32, 64, 128, 256].contains(bits) else { throw ArrowFormatError("corrupt schema (a decimal of \(bits) bits)") }
            return .decimal(bits: bits, scale: Int(try table?.int32(1) ?? 0))
        case 8: return .date(millis: try table?.int16(0, default: 1) ?? 1 == 1)
        case 9:
            let bits = Int(try table?.int32(1, default: 32) ?? 32)
            guard bits == 32 || bits == 64 else { throw ArrowFormatError("corrupt schema (a time of \(bits) bits)") }
            return .time(try timeUnit(table?.int16(0, default: 1) ?? 1), bits: bits)
        case 10: return .timestamp(try timeUnit(table?.int16(0) ?? 0), utc: try table?.string(1) != nil)
        case 11: return .unsupported("an interval", buffers: 2)
        case 12: try need(1); return .list(large: false)
        case 13: return .structure
        case 14:
            let dense = try table?.int16(0) ?? 0 == 1
            return .unsupported("a union", buffers: dense ? 2 : 1)
        case 15:
            let width = Int(try table?.int32(0) ?? 0)
            guard width >= 0 else { throw ArrowFormatError("corrupt schema (a negative fixed size)") }
            return .fixedSizeBinary(width: width)
        case 16:
            try need(1)
            let size = Int(try table?.int32(0) ?? 0)
            guard size >= 0 else { throw ArrowFormatError("corrupt schema (a negative list size)") }
            return .fixedSizeList(size: size)
        case 17: try need(1); return .map
        case 18: return .duration
        case 19: return .binary(large: true)
        case 20: return .utf8(large: true)
        case 21: try need(1); return .list(large: true)
        case 22: return .unsupported("run-end encoded", buffers: 0)
        case 23: return .binaryView
        case 24: return .utf8View
        case 25, 26: return .unsupported("a list view", buffers: 3)
        default: throw ArrowFormatError("uses Arrow type number \(code), which tutti does not know")
        }
    }
}

/// An Arrow schema: its top-level fields.
struct ArrowSchema: Sendable {
    var fields: [ArrowField]

    init(_ table: FlatBufferTable) throws {
        guard try table.int16(0) == 0 else { throw ArrowFormatError("is big-endian; tutti reads little-endian Arrow files") }
        // A field takes a table and its vtable: more than eight bytes of the metadata.
        var budget = table.bytes.count / 8
        fields = try table.tables(1).map { try ArrowField($0, budget: &budget) }
    }
}
