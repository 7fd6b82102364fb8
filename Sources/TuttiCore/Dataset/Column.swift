/// What a column holds.
public enum ColumnKind: String, Sendable, CaseIterable, Codable {
    /// 64-bit signed integers.
    case integer
    /// 64-bit floating-point numbers.
    case float
    /// `true` / `false`.
    case boolean
    /// Strings from a small set of values, stored as dictionary codes.
    case categorical
    /// Free text, stored in one byte arena with offsets.
    case text
    /// Fixed-width vectors of 32-bit floats (embeddings), in one flat array.
    case vector
    /// Points in time: 64-bit microseconds since 1970-01-01T00:00:00Z (UTC).
    case datetime

    /// Whether values are numbers (integer or float).
    public var isNumeric: Bool { self == .integer || self == .float }
}

/// The values of a column, in a typed contiguous layout.
///
/// A missing cell holds a placeholder (0, `false`, code 0, an empty string, zeros) and is
/// marked by the column's validity bitmap.
public enum ColumnData: Sendable, Equatable {
    case integer([Int64])
    case float([Double])
    case boolean([Bool])
    /// `codes[row]` indexes `dictionary`.
    case categorical(codes: [UInt32], dictionary: StringTable)
    case text(StringTable)
    /// Row `r` is `values[r * width ..< (r + 1) * width]`.
    case vector(width: Int, values: [Float])
    /// Microseconds since 1970-01-01T00:00:00Z (UTC).
    case datetime([Int64])

    /// The kind of these values.
    public var kind: ColumnKind {
        switch self {
        case .integer: .integer
        case .float: .float
        case .boolean: .boolean
        case .categorical: .categorical
        case .text: .text
        case .vector: .vector
        case .datetime: .datetime
        }
    }
}

/// One named column of a dataset.
public struct Column: Sendable, Equatable {
    /// The column's name, unique within its dataset.
    public let name: String
    /// The values.
    public let data: ColumnData
    /// Rows whose value is present (not missing).
    public let validity: RowSet

    /// A column; `validity` must range over as many rows as `data` holds.
    public init(name: String, data: ColumnData, validity: RowSet) {
        self.name = name
        self.data = data
        self.validity = validity
    }

    /// The kind of the values.
    public var kind: ColumnKind { data.kind }
    /// The number of rows.
    public var rowCount: Int { validity.rowCount }
    /// The number of missing cells.
    public var missingCount: Int { rowCount - validity.count }

    /// Whether row `row` holds a value.
    @inline(__always)
    public func isPresent(_ row: Int) -> Bool { validity.contains(row) }

    /// The value of a numeric, boolean or datetime column (microseconds) at `row` as a `Double`
    /// (nil if missing or not numeric).
    public func number(at row: Int) -> Double? {
        guard isPresent(row) else { return nil }
        switch data {
        case .integer(let values), .datetime(let values): return Double(values[row])
        case .float(let values): return values[row]
        case .boolean(let values): return values[row] ? 1 : 0
        default: return nil
        }
    }

    /// The value at `row` as display text ("" if missing).
    public func text(at row: Int) -> String {
        guard isPresent(row) else { return "" }
        switch data {
        case .integer(let values): return String(values[row])
        case .float(let values): return NumberFormatting.shortest(values[row])
        case .boolean(let values): return values[row] ? "true" : "false"
        case .categorical(let codes, let dictionary): return dictionary[Int(codes[row])]
        case .text(let table): return table[row]
        case .vector(let width, let values):
            let slice = values[(row * width)..<((row + 1) * width)]
            return "[" + slice.map { NumberFormatting.shortest(Double($0)) }.joined(separator: ", ") + "]"
        case .datetime(let values): return TimeFormatting.iso(values[row])
        }
    }
}
