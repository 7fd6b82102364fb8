/// Parquet's physical types (the `Type` enum of the format).
enum ParquetPhysicalType: Int32 {
    case boolean = 0, int32 = 1, int64 = 2, int96 = 3, float = 4, double = 5, byteArray = 6, fixedLenByteArray = 7
}

/// The units of Parquet's TIME and TIMESTAMP types.
enum ParquetTimeUnit: Sendable, Equatable {
    case millis, micros, nanos
}

/// The logical (or legacy converted) type annotating a Parquet schema node, as far as tutti reads it.
enum ParquetLogicalType: Sendable, Equatable {
    case string, enumeration, json, bson, uuid, float16, list, map, unknown
    case decimal(scale: Int)
    case date
    case time(ParquetTimeUnit)
    case timestamp(ParquetTimeUnit, adjustedToUTC: Bool)
    case integer(bitWidth: Int, signed: Bool)
    /// An annotation tutti does not know (read by the physical type alone).
    case other
}

/// One node of a Parquet schema (a `SchemaElement`).
struct ParquetSchemaElement {
    var physicalType: ParquetPhysicalType?
    var typeLength = 0
    /// 0 required, 1 optional, 2 repeated.
    var repetition: Int32 = 0
    var name = ""
    var childCount = 0
    var logicalType: ParquetLogicalType?
}

/// The metadata of one column chunk (a `ColumnMetaData`).
struct ParquetColumnChunkMetadata {
    var physicalType: ParquetPhysicalType = .int32
    var path: [String] = []
    var codec: Int32 = 0
    var valueCount: Int64 = 0
    var compressedSize: Int64 = 0
    var dataPageOffset: Int64 = 0
    var dictionaryPageOffset: Int64?
}

/// One row group: its column chunks and row count.
struct ParquetRowGroup {
    var columns: [ParquetColumnChunkMetadata] = []
    var rowCount: Int64 = 0
}

/// A Parquet file's footer (a `FileMetaData`).
struct ParquetFileMetadata {
    var schema: [ParquetSchemaElement] = []
    var rowCount: Int64 = 0
    var rowGroups: [ParquetRowGroup] = []
}

/// Decodes the footer's structures from compact Thrift.
extension ParquetFileMetadata {
    init(thrift bytes: UnsafeRawBufferPointer) throws {
        var reader = ThriftCompactReader(bytes)
        var metadata = ParquetFileMetadata()
        try reader.readStruct { reader, id, _ in
            switch id {
            case 2: try reader.readList { reader, _ in metadata.schema.append(try ParquetSchemaElement(reader: &reader)) }
            case 3: metadata.rowCount = try reader.readI64()
            case 4: try reader.readList { reader, _ in metadata.rowGroups.append(try ParquetRowGroup(reader: &reader)) }
            case 8: throw ParquetFormatError("is encrypted; tutti reads unencrypted Parquet files")
            default: return false
            }
            return true
        }
        self = metadata
    }
}

extension ParquetSchemaElement {
    init(reader: inout ThriftCompactReader) throws {
        var element = ParquetSchemaElement()
        var converted: Int32?
        var scale = 0
        try reader.readStruct { reader, id, _ in
            switch id {
            case 1:
                let raw = try reader.readI32()
                guard let type = ParquetPhysicalType(rawValue: raw) else { throw ParquetFormatError("unknown physical type \(raw)") }
                element.physicalType = type
            case 2: element.typeLength = Int(try reader.readI32())
            case 3: element.repetition = try reader.readI32()
            case 4: element.name = try reader.readString()
            case 5: element.childCount = Int(try reader.readI32())
            case 6: converted = try reader.readI32()
            case 7: scale = Int(try reader.readI32())
            case 10: element.logicalType = try Self.logicalType(&reader)
            default: return false
            }
            return true
        }
        if element.logicalType == nil || element.logicalType == .other, let converted {
            element.logicalType = Self.convertedType(converted, scale: scale)
        }
        self = element
    }

    /// The `LogicalType` union.
    private static func logicalType(_ reader: inout ThriftCompactReader) throws -> ParquetLogicalType {
        var result = ParquetLogicalType.other
        try reader.readStruct { reader, id, _ in
            switch id {
            case 1: result = .string
            case 2: result = .map
            case 3: result = .list
            case 4: result = .enumeration
            case 5:
                var scale = 0
                try reader.readStruct { reader, id, _ in
                    guard id == 1 else { return false }
                    scale = Int(try reader.readI32())
                    return true
                }
                result = .decimal(scale: scale)
                return true
            case 6: result = .date
            case 7, 8:
                var unit = ParquetTimeUnit.micros
                var utc = false
                try reader.readStruct { reader, field, _ in
                    switch field {
                    case 1: utc = reader.readFieldBool()
                    case 2: unit = try timeUnit(&reader)
                    default: return false
                    }
                    return true
                }
                result = id == 7 ? .time(unit) : .timestamp(unit, adjustedToUTC: utc)
                return true
            case 10:
                var bits = 64
                var signed = true
                try reader.readStruct { reader, field, _ in
                    switch field {
                    case 1: bits = Int(Int8(bitPattern: try reader.readByte()))
                    case 2: signed = reader.readFieldBool()
                    default: return false
                    }
                    return true
                }
                result = .integer(bitWidth: bits, signed: signed)
                return true
            case 11: result = .unknown
            case 12: result = .json
            case 13: result = .bson
            case 14: result = .uuid
            case 15: result = .float16
            default: result = .other
            }
            return false
        }
        return result
    }

    private static func timeUnit(_ reader: inout ThriftCompactReader) throws -> ParquetTimeUnit {
        var unit = ParquetTimeUnit.micros
        try reader.readStruct { _, id, _ in
            switch id {
            case 1: unit = .millis
            case 2: unit = .micros
            case 3: unit = .nanos
            default: break
            }
            return false
        }
        return unit
    }

    /// The legacy `ConvertedType` annotation.
    private static func convertedType(_ raw: Int32, scale: Int) -> ParquetLogicalType {
        switch raw {
        case 0: .string
        case 1, 2: .map
        case 3: .list
        case 4: .enumeration
        case 5: .decimal(scale: scale)
        case 6: .date
        case 7: .time(.millis)
        case 8: .time(.micros)
        case 9: .timestamp(.millis, adjustedToUTC: true)
        case 10: .timestamp(.micros, adjustedToUTC: true)
        case 11: .integer(bitWidth: 8, signed: false)
        case 12: .integer(bitWidth: 16, signed: false)
        case 13: .integer(bitWidth: 32, signed: false)
        case 14: .integer(bitWidth: 64, signed: false)
        case 15: .integer(bitWidth: 8, signed: true)
        case 16: .integer(bitWidth: 16, signed: true)
        case 17: .integer(bitWidth: 32, signed: true)
        case 18: .integer(bitWidth: 64, signed: true)
        case 19: .json
        case 20: .bson
        default: .other
        }
    }
}

extension ParquetRowGroup {
    init(reader: inout ThriftCompactReader) throws {
        var group = ParquetRowGroup()
        try reader.readStruct { reader, id, _ in
            switch id {
            case 1: try reader.readList { reader, _ in group.columns.append(try Self.columnChunk(&reader)) }
            case 3: group.rowCount = try reader.readI64()
            default: return false
            }
            return true
        }
        self = group
    }

    /// A `ColumnChunk` and its `ColumnMetaData`.
    private static func columnChunk(_ reader: inout ThriftCompactReader) throws -> ParquetColumnChunkMetadata {
        var chunk = ParquetColumnChunkMetadata()
        var hasMetadata = false
        try reader.readStruct { reader, id, _ in
            switch id {
            case 1: throw ParquetFormatError("keeps column data in another file; tutti reads single-file Parquet")
            case 3:
                hasMetadata = true
                try reader.readStruct { reader, field, _ in
                    switch field {
                    case 1:
                        let raw = try reader.readI32()
                        guard let type = ParquetPhysicalType(rawValue: raw) else { throw ParquetFormatError("unknown physical type \(raw)") }
                        chunk.physicalType = type
                    case 3: chunk.path = try reader.readStringList()
                    case 4: chunk.codec = try reader.readI32()
                    case 5: chunk.valueCount = try reader.readI64()
                    case 7: chunk.compressedSize = try reader.readI64()
                    case 9: chunk.dataPageOffset = try reader.readI64()
                    case 11: chunk.dictionaryPageOffset = try reader.readI64()
                    default: return false
                    }
                    return true
                }
            case 8, 9: throw ParquetFormatError("is encrypted; tutti reads unencrypted Parquet files")
            default: return false
            }
            return true
        }
        guard hasMetadata else { throw ParquetFormatError("a column chunk without metadata") }
        return chunk
    }
}
