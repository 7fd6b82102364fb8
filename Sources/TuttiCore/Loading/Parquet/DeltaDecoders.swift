/// Parquet's delta encodings: DELTA_BINARY_PACKED (integers), DELTA_LENGTH_BYTE_ARRAY and
/// DELTA_BYTE_ARRAY (strings).
enum DeltaDecoders {
    /// Decodes a DELTA_BINARY_PACKED block sequence: `count` integers (the header's count must
    /// cover them). Leaves `cursor` after the last miniblock used.
    static func binaryPacked(_ cursor: inout ParquetByteCursor, count: Int) throws -> [Int64] {
        let blockSize = Int(clamping: try cursor.readVarint())
        let miniblocks = Int(clamping: try cursor.readVarint())
        let total = Int(clamping: try cursor.readVarint())
        var value = try cursor.readZigZag()
        guard miniblocks > 0, blockSize > 0, blockSize <= 1 << 16, blockSize % 128 == 0, blockSize % miniblocks == 0,
              (blockSize / miniblocks) % 32 == 0 else {
            throw ParquetFormatError("a page holds a corrupt DELTA_BINARY_PACKED header")
        }
        guard total >= count else { throw ParquetFormatError("a page holds fewer values than its header says") }
        // Every block takes at least a byte; a header claiming more than the page could hold lies.
        guard count <= 1 || count - 1 <= (cursor.remaining + 1) * blockSize else {
            throw ParquetFormatError("a page holds fewer values than its header says")
        }
        var values: [Int64] = []
        values.reserveCapacity(count)
        if count > 0 { values.append(value) }
        let perMiniblock = blockSize / miniblocks
        var scratch = [UInt64](repeating: 0, count: perMiniblock)
        // The remaining values of the encoded run, read block by block.
        var left = total - 1
        while values.count < count, left > 0 {
            let minDelta = try cursor.readZigZag()
            try cursor.require(miniblocks)
            let widths = (0..<miniblocks).map { Int(cursor.base[cursor.position + $0]) }
            cursor.position += miniblocks
            for width in widths where left > 0 {
                guard width <= 64 else { throw ParquetFormatError("a page gives a bit width of \(width)") }
                let bytes = perMiniblock * width / 8
                // The last miniblock may be cut to the values that remain.
                let take = min(perMiniblock, left)
                let needed = min(bytes, (take * width + 7) / 8)
                try cursor.require(needed)
                scratch.withUnsafeMutableBufferPointer { buffer in
                    BitUnpacking.unpack(cursor.base + cursor.position, bitWidth: width, count: take, into: buffer.baseAddress!)
                }
                cursor.position += min(bytes, cursor.remaining)
                for i in 0..<take {
                    value = value &+ minDelta &+ Int64(bitPattern: scratch[i])
                    if values.count < count { values.append(value) }
                }
                left -= take
            }
        }
        guard values.count == count else { throw ParquetFormatError("a page holds fewer values than its header says") }
        return values
    }

    /// Decodes DELTA_LENGTH_BYTE_ARRAY: the lengths, delta-packed, then the bytes back to back.
    static func lengthByteArray(_ cursor: inout ParquetByteCursor, count: Int,
                                into arena: inout [UInt8], offsets: inout [Int]) throws {
        let lengths = try binaryPacked(&cursor, count: count)
        for length in lengths {
            guard length >= 0, length <= Int64(cursor.remaining) else { throw ParquetFormatError("a page gives a string longer than the bytes that remain") }
            arena.append(contentsOf: UnsafeBufferPointer(start: cursor.base + cursor.position, count: Int(length)))
            cursor.position += Int(length)
            offsets.append(arena.count)
        }
    }

    /// Decodes DELTA_BYTE_ARRAY: shared prefix lengths, then the suffixes as DELTA_LENGTH_BYTE_ARRAY.
    static func byteArray(_ cursor: inout ParquetByteCursor, count: Int,
                          into arena: inout [UInt8], offsets: inout [Int]) throws {
        let prefixes = try binaryPacked(&cursor, count: count)
        var suffixes: [UInt8] = []
        var suffixOffsets = [0]
        try lengthByteArray(&cursor, count: count, into: &suffixes, offsets: &suffixOffsets)
        var previous: Range<Int> = 0..<0
        for i in 0..<count {
            let prefix = prefixes[i]
            guard prefix >= 0, prefix <= Int64(previous.count) else { throw ParquetFormatError("a page holds a corrupt DELTA_BYTE_ARRAY prefix") }
            let start = arena.count
            arena.append(contentsOf: arena[previous.lowerBound..<(previous.lowerBound + Int(prefix))])
            arena.append(contentsOf: suffixes[suffixOffsets[i]..<suffixOffsets[i + 1]])
            offsets.append(arena.count)
            previous = start..<arena.count
        }
    }
}
