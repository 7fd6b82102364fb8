/// Decodes the values section of a data or dictionary page into a chunk's `ParquetLeafValues`.
extension ParquetLeafValues {
    /// Appends `count` values encoded with `encoding` from `cursor`. Dictionary indices look
    /// values up in `dictionary`.
    mutating func decode(_ cursor: inout ParquetByteCursor, count: Int, encoding: Int32,
                         dictionary: ParquetLeafValues?) throws {
        guard count > 0 else { return }
        switch encoding {
        case ParquetEncoding.plain.rawValue:
            try decodePlain(&cursor, count: count)
        case ParquetEncoding.plainDictionary.rawValue, ParquetEncoding.rleDictionary.rawValue:
            guard let dictionary else { throw ParquetFormatError("a page is dictionary-encoded but the column chunk has no dictionary page") }
            let bitWidth = Int(try cursor.readByte())
            var indices = [UInt32](repeating: 0, count: count)
            var decoder = try RLEHybridDecoder(cursor, bitWidth: bitWidth)
            try indices.withUnsafeMutableBufferPointer { try decoder.decode(count: count, into: $0.baseAddress!) }
            let limit = UInt32(clamping: dictionary.count)
            guard !indices.contains(where: { $0 >= limit }) else {
                throw ParquetFormatError("a page holds a dictionary index past the dictionary's \(dictionary.count) entries")
            }
            indices.withUnsafeBufferPointer { gather(from: dictionary, indices: $0) }
        case ParquetEncoding.rle.rawValue where physicalType == .boolean:
            let length = try cursor.readLength()
            var bits = [UInt32](repeating: 0, count: count)
            var decoder = try RLEHybridDecoder(ParquetByteCursor(UnsafeRawBufferPointer(start: cursor.base, count: cursor.end),
                                                                 from: cursor.position, to: cursor.position + length), bitWidth: 1)
            try bits.withUnsafeMutableBufferPointer { try decoder.decode(count: count, into: $0.baseAddress!) }
            booleans.append(contentsOf: bits.lazy.map { $0 != 0 })
            cursor.position += length
        case ParquetEncoding.deltaBinaryPacked.rawValue where physicalType == .int32 || physicalType == .int64:
            let values = try DeltaDecoders.binaryPacked(&cursor, count: count)
            if physicalType == .int32 { ints32.append(contentsOf: values.lazy.map { Int32(truncatingIfNeeded: $0) }) } else { ints64.append(contentsOf: values) }
        case ParquetEncoding.deltaLengthByteArray.rawValue where physicalType == .byteArray:
            materializeCodes()
            try DeltaDecoders.lengthByteArray(&cursor, count: count, into: &arena, offsets: &offsets)
        case ParquetEncoding.deltaByteArray.rawValue where physicalType == .byteArray || physicalType == .fixedLenByteArray:
            materializeCodes()
            try DeltaDecoders.byteArray(&cursor, count: count, into: &arena, offsets: &offsets)
        case ParquetEncoding.byteStreamSplit.rawValue:
            try decodeByteStreamSplit(&cursor, count: count)
        default:
            throw ParquetFormatError("uses the \(ParquetEncoding.name(encoding)) encoding for \(physicalType) values, which tutti does not read")
        }
    }

    private mutating func decodePlain(_ cursor: inout ParquetByteCursor, count: Int) throws {
        let base = cursor.base + cursor.position
        switch physicalType {
        case .boolean:
            try cursor.require((count + 7) / 8)
            booleans.append(contentsOf: (0..<count).lazy.map { base[$0 >> 3] & (1 << UInt8($0 & 7)) != 0 })
            cursor.position += (count + 7) / 8
        case .int32:
            try appendPlain(&ints32, &cursor, count: count)
        case .int64:
            try appendPlain(&ints64, &cursor, count: count)
        case .float:
            try appendPlain(&floats, &cursor, count: count)
        case .double:
            try appendPlain(&doubles, &cursor, count: count)
        case .int96:
            try cursor.require(count * 12)
            for i in 0..<count {
                let raw = UnsafeRawPointer(base + i * 12)
                let nanosOfDay = Int64(littleEndian: raw.loadUnaligned(as: Int64.self))
                let julianDay = Int64(Int32(littleEndian: raw.loadUnaligned(fromByteOffset: 8, as: Int32.self)))
                ints64.append((julianDay - 2_440_588) &* 86_400_000_000_000 &+ nanosOfDay)
            }
            cursor.position += count * 12
        case .byteArray:
            materializeCodes()
            for _ in 0..<count {
                let length = try cursor.readLength()
                arena.append(contentsOf: UnsafeBufferPointer(start: cursor.base + cursor.position, count: length))
                offsets.append(arena.count)
                cursor.position += length
            }
        case .fixedLenByteArray:
            materializeCodes()
            try cursor.require(count * width)
            arena.append(contentsOf: UnsafeBufferPointer(start: base, count: count * width))
            let last = offsets[offsets.count - 1]
            for i in 1...count { offsets.append(last + width * i) }
            cursor.position += count * width
        }
    }

    private mutating func decodeByteStreamSplit(_ cursor: inout ParquetByteCursor, count: Int) throws {
        let size: Int = switch physicalType {
        case .int32, .float: 4
        case .int64, .double: 8
        case .fixedLenByteArray: width
        default: throw ParquetFormatError("uses BYTE_STREAM_SPLIT for \(physicalType) values, which the format does not allow")
        }
        try cursor.require(count * size)
        var joined = [UInt8](repeating: 0, count: count * size)
        let base = cursor.base + cursor.position
        for stream in 0..<size {
            let source = base + stream * count
            for i in 0..<count { joined[i * size + stream] = source[i] }
        }
        cursor.position += count * size
        try joined.withUnsafeBytes { bytes in
            var plain = ParquetByteCursor(bytes)
            try decodePlain(&plain, count: count)
        }
    }

    /// Appends `count` little-endian values copied from the cursor (which need not be aligned)
    /// and moves past them.
    private func appendPlain<T: BitwiseCopyable>(_ array: inout [T], _ cursor: inout ParquetByteCursor, count: Int) throws {
        let byteCount = count * MemoryLayout<T>.stride
        try cursor.require(byteCount)
        let base = cursor.base + cursor.position
        let copied = [T](unsafeUninitializedCapacity: count) { buffer, initialized in
            UnsafeMutableRawPointer(buffer.baseAddress!).copyMemory(from: base, byteCount: byteCount)
            initialized = count
        }
        if array.isEmpty { array = copied } else { array.append(contentsOf: copied) }
        cursor.position += byteCount
    }
}
