/// Encodes small unsigned integers (levels, dictionary indices) in Parquet's RLE / bit-packing
/// hybrid: runs of eight or more equal values as one run, the rest bit-packed in groups of eight.
/// The values are read in place and the bytes appended to the caller's buffer (a page body).
enum RLEHybridEncoder {
    /// The bit width needed for values up to `maxValue`.
    static func bitWidth(for maxValue: Int) -> Int { maxValue <= 0 ? 0 : Int.bitWidth - maxValue.leadingZeroBitCount }

    /// Appends one run of `count` copies of `value` (nothing when `count` is 0).
    static func appendRun(of value: UInt32, count: Int, bitWidth: Int, to bytes: inout [UInt8]) {
        guard count > 0 else { return }
        appendVarint(count << 1, to: &bytes)
        for i in 0..<((bitWidth + 7) / 8) { bytes.append(UInt8(truncatingIfNeeded: value >> (8 * UInt32(i)))) }
    }

    /// Appends `values` (each below 2^`bitWidth`) encoded. Values between runs are bit-packed;
    /// before a run, the pending bit-packed values are filled up to a group of eight from the run.
    static func append(_ values: UnsafeBufferPointer<UInt32>, bitWidth: Int, to bytes: inout [UInt8]) {
        let count = values.count
        // The pending bit-packed values are always values[literalStart ..< index].
        var literalStart = 0
        var index = 0
        while index < count {
            let value = values[index]
            var runEnd = index + 1
            while runEnd < count, values[runEnd] == value { runEnd += 1 }
            let pending = index - literalStart
            let start = index + min((8 - pending % 8) % 8, runEnd - index)
            if runEnd - start >= 8 {
                appendPacked(values, literalStart..<start, bitWidth: bitWidth, to: &bytes)
                appendRun(of: value, count: runEnd - start, bitWidth: bitWidth, to: &bytes)
                literalStart = runEnd
            }
            index = runEnd
        }
        appendPacked(values, literalStart..<count, bitWidth: bitWidth, to: &bytes)
    }

    private static func appendVarint(_ value: Int, to bytes: inout [UInt8]) {
        var value = UInt64(value)
        while value >= 0x80 {
            bytes.append(UInt8(value & 0x7F) | 0x80)
            value >>= 7
        }
        bytes.append(UInt8(value))
    }

    /// One bit-packed run of `values[range]`, padded with zeros to a multiple of eight values.
    private static func appendPacked(_ values: UnsafeBufferPointer<UInt32>, _ range: Range<Int>, bitWidth: Int, to bytes: inout [UInt8]) {
        guard !range.isEmpty else { return }
        let groups = (range.count + 7) / 8
        appendVarint(groups << 1 | 1, to: &bytes)
        let start = bytes.count
        let length = groups * bitWidth
        bytes.append(contentsOf: repeatElement(0, count: length))
        guard bitWidth > 0 else { return }
        bytes.withUnsafeMutableBufferPointer { buffer in
            let out = buffer.baseAddress! + start
            var at = 0
            var pending: UInt64 = 0
            var bits = 0
            for i in range {
                pending |= UInt64(values[i]) << UInt64(bits)
                bits += bitWidth
                while bits >= 8 {
                    out[at] = UInt8(truncatingIfNeeded: pending)
                    pending >>= 8
                    bits -= 8
                    at += 1
                }
            }
            if bits > 0 { out[at] = UInt8(truncatingIfNeeded: pending) }
        }
    }
}
