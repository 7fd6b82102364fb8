#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One column of the key that exact duplicate search compares: a per-row hash, mixed into the
/// row's hash column by column over the arrays, and an exact equality test that confirms it.
///
/// Cells hash by value: categories by code, numbers by bit pattern (with -0 read as 0 and every
/// NaN as one value), booleans as 0 / 1, text and vectors over their bytes; a missing cell hashes
/// to a fixed sentinel. Equality agrees: missing equals missing, -0 equals 0, NaN equals NaN.
struct KeyColumn {
    let column: Column
    /// Whether rows `a` and `b` hold equal cells.
    let equal: (Int, Int) -> Bool
    /// Whether no cell is missing.
    private let complete: Bool

    private static let missingHash: UInt64 = 0x6A09_E667_F3BC_C909

    init(_ column: Column) {
        self.column = column
        equal = Self.equality(column)
        complete = column.missingCount == 0
    }

    /// Mixes each row's cell into the hashes: `hashes[i]` takes the cell of row `rows[i]`.
    func mix(rows: UnsafeBufferPointer<Int32>, into hashes: UnsafeMutablePointer<UInt64>) {
        let validity = column.validity, complete = complete
        @inline(__always)
        func each(_ cell: (Int) -> UInt64) {
            for i in 0..<rows.count {
                let row = Int(rows[i])
                let value = complete || validity.contains(row) ? cell(row) : Self.missingHash
                hashes[i] = Self.combine(hashes[i], value)
            }
        }
        switch column.data {
        case .integer(let values), .datetime(let values):
            values.withUnsafeBufferPointer { v in each { UInt64(bitPattern: v[$0]) } }
        case .float(let values):
            values.withUnsafeBufferPointer { v in each { Self.bits(v[$0]) } }
        case .boolean(let values):
            values.withUnsafeBufferPointer { v in each { v[$0] ? 1 : 0 } }
        case .categorical(let codes, _):
            codes.withUnsafeBufferPointer { c in each { UInt64(c[$0]) } }
        case .text(let table):
            table.bytes.withUnsafeBufferPointer { bytes in
                table.offsets.withUnsafeBufferPointer { offsets in
                    // An empty arena means every text is empty.
                    guard let base = bytes.baseAddress else { return each { _ in 0 } }
                    each { ByteHasher.hash(base + offsets[$0], offsets[$0 + 1] - offsets[$0]) }
                }
            }
        case .vector(let width, let values):
            values.withUnsafeBufferPointer { v in
                each { row in
                    var h = UInt64(width)
                    for k in (row * width)..<((row + 1) * width) { h = Self.combine(h, UInt64(Self.bits(v[k]))) }
                    return h
                }
            }
        }
    }

    /// Whether `rows` hold at least two different values; missing cells are no value (a row
    /// without a label contradicts no other, a row without a split is in no split).
    func differs<Rows: Sequence>(among rows: Rows) -> Bool where Rows.Element: BinaryInteger {
        var first: Int?
        for element in rows {
            let row = Int(element)
            guard column.isPresent(row) else { continue }
            guard let first else {
                first = row
                continue
            }
            if !equal(first, row) { return true }
        }
        return false
    }

    /// Folds a cell hash into a row hash (order matters: columns are not interchangeable).
    @inline(__always)
    static func combine(_ hash: UInt64, _ cell: UInt64) -> UInt64 {
        (hash &* 0x9E37_79B9_7F4A_7C15 &+ 0x632B_E59B_D9B4_E019) ^ ByteHasher.mix(cell)
    }

    @inline(__always)
    private static func bits(_ value: Double) -> UInt64 {
        value == 0 ? 0 : value.isNaN ? Double.nan.bitPattern : value.bitPattern
    }

    @inline(__always)
    private static func bits(_ value: Float) -> UInt32 {
        value == 0 ? 0 : value.isNaN ? Float.nan.bitPattern : value.bitPattern
    }

    private static func equality(_ column: Column) -> (Int, Int) -> Bool {
        let validity = column.validity
        /// Missing equals missing; present cells are compared by `values`.
        @inline(__always)
        func same(_ a: Int, _ b: Int, _ values: (Int, Int) -> Bool) -> Bool {
            let present = validity.contains(a)
            guard present == validity.contains(b) else { return false }
            return !present || values(a, b)
        }
        switch column.data {
        case .integer(let values), .datetime(let values):
            return { same($0, $1) { values[$0] == values[$1] } }
        case .float(let values):
            return { same($0, $1) { bits(values[$0]) == bits(values[$1]) } }
        case .boolean(let values):
            return { same($0, $1) { values[$0] == values[$1] } }
        case .categorical(let codes, _):
            return { same($0, $1) { codes[$0] == codes[$1] } }
        case .text(let table):
            return {
                same($0, $1) { a, b in
                    let length = table.length(at: a)
                    guard length == table.length(at: b) else { return false }
                    guard length > 0 else { return true }
                    return table.bytes.withUnsafeBufferPointer { bytes in
                        memcmp(bytes.baseAddress! + table.offsets[a], bytes.baseAddress! + table.offsets[b], length) == 0
                    }
                }
            }
        case .vector(let width, let values):
            return {
                same($0, $1) { a, b in
                    for k in 0..<width where bits(values[a * width + k]) != bits(values[b * width + k]) { return false }
                    return true
                }
            }
        }
    }
}
