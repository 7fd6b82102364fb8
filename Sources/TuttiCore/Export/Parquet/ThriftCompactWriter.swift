/// Writes Thrift compact-protocol structs (Parquet's footer and page headers).
struct ThriftCompactWriter {
    private(set) var bytes: [UInt8] = []
    private var lastIDs: [Int16] = [0]

    /// Starts a struct (a field's value or a list element).
    mutating func beginStruct() { lastIDs.append(0) }

    /// Ends the current struct with a stop byte.
    mutating func endStruct() {
        bytes.append(0)
        lastIDs.removeLast()
    }

    private mutating func fieldHeader(_ id: Int16, _ type: ThriftType) {
        let delta = id - lastIDs[lastIDs.count - 1]
        if delta > 0, delta <= 15 {
            bytes.append(UInt8(delta) << 4 | type.rawValue)
        } else {
            bytes.append(type.rawValue)
            writeVarint(UInt64(bitPattern: Int64((Int64(id) << 1) ^ (Int64(id) >> 63))))
        }
        lastIDs[lastIDs.count - 1] = id
    }

    private mutating func writeVarint(_ value: UInt64) {
        var value = value
        while value >= 0x80 {
            bytes.append(UInt8(value & 0x7F) | 0x80)
            value >>= 7
        }
        bytes.append(UInt8(value))
    }

    private mutating func writeZigZag(_ value: Int64) {
        writeVarint(UInt64(bitPattern: (value << 1) ^ (value >> 63)))
    }

    mutating func i32(_ id: Int16, _ value: Int32) {
        fieldHeader(id, .i32)
        writeZigZag(Int64(value))
    }

    mutating func i64(_ id: Int16, _ value: Int64) {
        fieldHeader(id, .i64)
        writeZigZag(value)
    }

    mutating func bool(_ id: Int16, _ value: Bool) {
        fieldHeader(id, value ? .boolTrue : .boolFalse)
    }

    mutating func string(_ id: Int16, _ value: String) {
        fieldHeader(id, .binary)
        writeVarint(UInt64(value.utf8.count))
        bytes.append(contentsOf: value.utf8)
    }

    /// Starts a struct-valued field; end it with `endStruct()`.
    mutating func structField(_ id: Int16) {
        fieldHeader(id, .structure)
        beginStruct()
    }

    /// Starts a list field of `count` elements of `type`; write the elements next.
    mutating func listField(_ id: Int16, count: Int, type: ThriftType) {
        fieldHeader(id, .list)
        if count < 15 {
            bytes.append(UInt8(count) << 4 | type.rawValue)
        } else {
            bytes.append(0xF0 | type.rawValue)
            writeVarint(UInt64(count))
        }
    }

    /// A list element of type i32.
    mutating func i32Element(_ value: Int32) { writeZigZag(Int64(value)) }

    /// A list element of type string.
    mutating func stringElement(_ value: String) {
        writeVarint(UInt64(value.utf8.count))
        bytes.append(contentsOf: value.utf8)
    }
}
