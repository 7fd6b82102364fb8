/// The present (non-null) values of one leaf column chunk, in the layout of their physical type:
/// only the array for that type is used. Byte arrays stay dictionary-coded (`codes` into the
/// chunk's dictionary) as long as every page is dictionary-encoded.
struct ParquetLeafValues {
    let physicalType: ParquetPhysicalType
    /// The width of a FIXED_LEN_BYTE_ARRAY value.
    let width: Int
    var booleans: [Bool] = []
    var ints32: [Int32] = []
    /// INT64 values, and INT96 timestamps as nanoseconds since 1970.
    var ints64: [Int64] = []
    var floats: [Float] = []
    var doubles: [Double] = []
    /// Byte-array values back to back (fixed-width ones too), entry `i` at `offsets[i] ..< offsets[i + 1]`.
    var arena: [UInt8] = []
    var offsets: [Int] = [0]
    /// Dictionary codes of byte-array values while every page so far was dictionary-encoded.
    var codes: [UInt32] = []
    /// The dictionary `codes` index, once a dictionary page was read.
    var dictionary: StringTable?

    init(physicalType: ParquetPhysicalType, width: Int) {
        self.physicalType = physicalType
        self.width = width
    }

    /// Whether byte-array values are held as dictionary codes.
    var isDictionaryCoded: Bool { dictionary != nil && offsets.count == 1 && (physicalType == .byteArray || physicalType == .fixedLenByteArray) }

    /// The number of values held.
    var count: Int {
        switch physicalType {
        case .boolean: booleans.count
        case .int32: ints32.count
        case .int64, .int96: ints64.count
        case .float: floats.count
        case .double: doubles.count
        case .byteArray, .fixedLenByteArray: isDictionaryCoded ? codes.count : offsets.count - 1
        }
    }

    mutating func reserve(_ count: Int) {
        switch physicalType {
        case .boolean: booleans.reserveCapacity(count)
        case .int32: ints32.reserveCapacity(count)
        case .int64, .int96: ints64.reserveCapacity(count)
        case .float: floats.reserveCapacity(count)
        case .double: doubles.reserveCapacity(count)
        case .byteArray, .fixedLenByteArray: offsets.reserveCapacity(count + 1)
        }
    }

    /// Turns dictionary codes into plain byte arrays (when a page falls back from the dictionary).
    mutating func materializeCodes() {
        guard let dictionary, offsets.count == 1, !codes.isEmpty else { return }
        for code in codes {
            dictionary.withBytes(at: Int(code)) { arena.append(contentsOf: $0) }
            offsets.append(arena.count)
        }
        codes = []
    }

    /// Appends the values of `source` at `indices` (dictionary indices, already checked to be in range).
    mutating func gather(from source: ParquetLeafValues, indices: UnsafeBufferPointer<UInt32>) {
        switch physicalType {
        case .boolean: booleans.append(contentsOf: indices.lazy.map { source.booleans[Int($0)] })
        case .int32: source.ints32.withUnsafeBufferPointer { s in ints32.append(contentsOf: indices.lazy.map { s[Int($0)] }) }
        case .int64, .int96: source.ints64.withUnsafeBufferPointer { s in ints64.append(contentsOf: indices.lazy.map { s[Int($0)] }) }
        case .float: source.floats.withUnsafeBufferPointer { s in floats.append(contentsOf: indices.lazy.map { s[Int($0)] }) }
        case .double: source.doubles.withUnsafeBufferPointer { s in doubles.append(contentsOf: indices.lazy.map { s[Int($0)] }) }
        case .byteArray, .fixedLenByteArray:
            if isDictionaryCoded {
                codes.append(contentsOf: indices)
            } else {
                for index in indices {
                    arena.append(contentsOf: source.arena[source.offsets[Int(index)]..<source.offsets[Int(index) + 1]])
                    offsets.append(arena.count)
                }
            }
        }
    }
}
