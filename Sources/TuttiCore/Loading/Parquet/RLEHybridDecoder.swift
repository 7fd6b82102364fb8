/// Decodes Parquet's RLE / bit-packing hybrid encoding (levels, dictionary indices, booleans):
/// runs of one repeated value and groups of eight bit-packed values.
struct RLEHybridDecoder {
    private var cursor: ParquetByteCursor
    private let bitWidth: Int

    /// A decoder over `cursor`'s bytes of values `bitWidth` bits wide (0...32).
    init(_ cursor: ParquetByteCursor, bitWidth: Int) throws {
        guard (0...32).contains(bitWidth) else { throw ParquetFormatError("a page gives a bit width of \(bitWidth)") }
        self.cursor = cursor
        self.bitWidth = bitWidth
    }

    /// Decodes exactly `count` values into `out`; throws when the data ends first.
    mutating func decode(count: Int, into out: UnsafeMutablePointer<UInt32>) throws {
        var done = 0
        var scratch = [UInt64](repeating: 0, count: 8 * 64)
        let valueBytes = (bitWidth + 7) / 8
        while done < count {
            let header = try cursor.readVarint()
            if header & 1 == 0 {
                let run = header >> 1
                let value = UInt32(truncatingIfNeeded: try cursor.readLittleEndian(valueBytes))
                guard run > 0 else { continue }
                let n = Int(min(UInt64(count - done), run))
                (out + done).update(repeating: value, count: n)
                done += n
            } else {
                let groups = header >> 1
                guard groups > 0 else { continue }
                guard groups <= UInt64(cursor.remaining + 1) else { throw ParquetFormatError("a page ends early (its data is truncated or corrupt)") }
                var values = Int(groups) * 8
                let byteCount = (values * bitWidth + 7) / 8
                // The last group may be cut short at the end of the page.
                let available = min(byteCount, cursor.remaining)
                if available < byteCount { values = available * 8 / max(bitWidth, 1) }
                let wanted = min(values, count - done)
                guard wanted > 0 || bitWidth == 0 else { throw ParquetFormatError("a page ends early (its data is truncated or corrupt)") }
                var unpacked = 0
                while unpacked < wanted {
                    let step = min(scratch.count, wanted - unpacked)
                    scratch.withUnsafeMutableBufferPointer { buffer in
                        BitUnpacking.unpack(cursor.base + cursor.position + unpacked * bitWidth / 8, bitWidth: bitWidth,
                                            count: step, into: buffer.baseAddress!)
                        for i in 0..<step { out[done + unpacked + i] = UInt32(truncatingIfNeeded: buffer[i]) }
                    }
                    unpacked += step
                }
                done += wanted
                cursor.position += available
            }
        }
    }
}
