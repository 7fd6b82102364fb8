/// The columnar value type of a Parquet leaf: its physical type read through its logical type.
enum ParquetTypeMapping {
    static func valueType(of leaf: ParquetLeaf) -> ColumnarValueType {
        let physical = leaf.physicalType
        switch leaf.logicalType {
        case .integer(let bits, let signed)?: return physical == .int32 || physical == .int64 ? .integer(bits: bits, signed: signed) : fallback(physical)
        case .decimal(let scale)?: return .decimal(scale: scale)
        case .date?: return physical == .int32 ? .date : fallback(physical)
        case .timestamp(let unit, let utc)?: return physical == .int64 ? .timestamp(timeUnit(unit), adjustedToUTC: utc) : fallback(physical)
        case .time(let unit)?: return physical == .int32 || physical == .int64 ? .time(timeUnit(unit)) : fallback(physical)
        case .float16?: return physical == .fixedLenByteArray && leaf.typeLength == 2 ? .float16 : fallback(physical)
        case .uuid?: return physical == .fixedLenByteArray && leaf.typeLength == 16 ? .uuid : fallback(physical)
        case .string?, .enumeration?, .json?: return physical == .byteArray || physical == .fixedLenByteArray ? .string : fallback(physical)
        default: return fallback(physical)
        }
    }

    private static func fallback(_ physical: ParquetPhysicalType) -> ColumnarValueType {
        switch physical {
        case .boolean: .boolean
        case .int32: .integer(bits: 32, signed: true)
        case .int64: .integer(bits: 64, signed: true)
        case .int96: .timestamp(.nanos, adjustedToUTC: true)
        case .float: .float32
        case .double: .float64
        case .byteArray: .string
        case .fixedLenByteArray: .binary
        }
    }

    private static func timeUnit(_ unit: ParquetTimeUnit) -> ColumnarTimeUnit {
        switch unit {
        case .millis: .millis
        case .micros: .micros
        case .nanos: .nanos
        }
    }
}
