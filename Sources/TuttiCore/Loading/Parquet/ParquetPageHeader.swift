/// The encodings of Parquet values and levels (the `Encoding` enum of the format).
enum ParquetEncoding: Int32 {
    case plain = 0, plainDictionary = 2, rle = 3, bitPacked = 4, deltaBinaryPacked = 5
    case deltaLengthByteArray = 6, deltaByteArray = 7, rleDictionary = 8, byteStreamSplit = 9

    /// The name the format gives it, for messages.
    static func name(_ raw: Int32) -> String {
        switch raw {
        case 0: "PLAIN"
        case 2: "PLAIN_DICTIONARY"
        case 3: "RLE"
        case 4: "BIT_PACKED"
        case 5: "DELTA_BINARY_PACKED"
        case 6: "DELTA_LENGTH_BYTE_ARRAY"
        case 7: "DELTA_BYTE_ARRAY"
        case 8: "RLE_DICTIONARY"
        case 9: "BYTE_STREAM_SPLIT"
        case 10: "ALP"
        default: "encoding \(raw)"
        }
    }
}

/// A page header (a `PageHeader` with the parts tutti reads).
struct ParquetPageHeader {
    enum Kind { case dataV1, dictionary, dataV2, other }

    var kind = Kind.other
    var uncompressedSize = 0
    var compressedSize = 0
    /// Level and value count of a data page, or the entry count of a dictionary page.
    var valueCount = 0
    var encoding: Int32 = 0
    var definitionLevelEncoding: Int32 = 3
    var repetitionLevelEncoding: Int32 = 3
    /// v2 only: the byte lengths of the (never compressed) level sections.
    var definitionLevelsLength = 0
    var repetitionLevelsLength = 0
    /// v2 only: whether the values section is compressed.
    var isCompressed = true

    init(reader: inout ThriftCompactReader) throws {
        var type: Int32 = -1
        try reader.readStruct { reader, id, _ in
            switch id {
            case 1: type = try reader.readI32()
            case 2: uncompressedSize = Int(try reader.readI32())
            case 3: compressedSize = Int(try reader.readI32())
            case 5:
                try reader.readStruct { reader, field, _ in
                    switch field {
                    case 1: valueCount = Int(try reader.readI32())
                    case 2: encoding = try reader.readI32()
                    case 3: definitionLevelEncoding = try reader.readI32()
                    case 4: repetitionLevelEncoding = try reader.readI32()
                    default: return false
                    }
                    return true
                }
            case 7:
                try reader.readStruct { reader, field, _ in
                    switch field {
                    case 1: valueCount = Int(try reader.readI32())
                    case 2: encoding = try reader.readI32()
                    default: return false
                    }
                    return true
                }
            case 8:
                try reader.readStruct { reader, field, _ in
                    switch field {
                    case 1: valueCount = Int(try reader.readI32())
                    case 4: encoding = try reader.readI32()
                    case 5: definitionLevelsLength = Int(try reader.readI32())
                    case 6: repetitionLevelsLength = Int(try reader.readI32())
                    case 7: isCompressed = reader.readFieldBool()
                    default: return false
                    }
                    return true
                }
            default: return false
            }
            return true
        }
        kind = switch type {
        case 0: .dataV1
        case 2: .dictionary
        case 3: .dataV2
        default: .other
        }
        guard uncompressedSize >= 0, compressedSize >= 0, valueCount >= 0,
              definitionLevelsLength >= 0, repetitionLevelsLength >= 0 else {
            throw ParquetFormatError("corrupt page header (a negative size)")
        }
    }
}
