/// The units of time and timestamp values in columnar files.
enum ColumnarTimeUnit: Sendable, Equatable {
    case seconds, millis, micros, nanos

    /// Units per second.
    var perSecond: Int64 {
        switch self {
        case .seconds: 1
        case .millis: 1_000
        case .micros: 1_000_000
        case .nanos: 1_000_000_000
        }
    }
}

/// The type of a column's values in a columnar file (Parquet, Arrow), independent of how the
/// format stores them; `ColumnarMapping` turns values of each type into a tutti column.
enum ColumnarValueType: Sendable, Equatable {
    case boolean
    case integer(bits: Int, signed: Bool)
    case float16, float32, float64
    /// A fixed-point decimal: the stored integer divided by 10^scale.
    case decimal(scale: Int)
    /// Days since 1970-01-01.
    case date
    /// Since 1970-01-01 (UTC when `adjustedToUTC`, else local wall-clock time).
    case timestamp(ColumnarTimeUnit, adjustedToUTC: Bool)
    /// Since midnight.
    case time(ColumnarTimeUnit)
    /// UTF-8 text (strings, enums, JSON documents).
    case string
    /// Bytes with no text meaning (shown as text, invalid UTF-8 replaced).
    case binary
    /// A 16-byte UUID, shown in its usual hexadecimal form.
    case uuid
}
