/// Encodes small unsigned integers (levels, dictionary indices) in Parquet's RLE / bit-packing
/// hybrid: runs of eight or more equal values as one run, the rest bit-packed in groups of eight.
struct RLEHybridEncoder {
    let bitWidth: Int
    private(set) var bytes: [UInt8] = []
    private var literals: [UInt32] = []

    init(bitWidth: Int) { self.bitWidth = bitWidth }

    /// The bit width needed for values up to `maxValue`.
    static func bitWidth(for maxValue: Int) -> Int { maxValue <= 0 ? 0 : Int.bitWidth - maxValue.leadingZeroBitCount }

    /// One run of `count` copies of `value`.
    static func run(of value: UInt32, count: Int, bitWidth: Int) -> [UInt8] {
        var encoder = RLEHybridEncoder(bitWidth: bitWidth)
        if count > 0 { encoder.appendRun(value, count: count) }
        return encoder.bytes
    }

    /// Encodes `values` and returns the bytes.
    static func encode(_ values: UnsafeBufferPointer<UInt32>, bitWidth: Int) -> [UInt8] {
        var encoder = RLEHybridEncoder(bitWidth: bitWidth)
        var index = 0
        let count = values.count
        while index < count {
            let value = values[index]
            var runEnd = index + 1
            while runEnd < count, values[runEnd] == value { runEnd += 1 }
            var start = index
            // Fill the pending bit-packed group up to a multiple of eight before a run starts.
            while encoder.literals.count % 8 != 0, start < runEnd {
                encoder.literals.append(value)
                start += 1
            }
            if runEnd - start >= 8 {
                encoder.flushLiterals()
                encoder.appendRun(value, count: runEnd - start)
            } else {
                encoder.literals.append(contentsOf: repeatElement(value, count: runEnd - start))
            }
            index = runEnd
        }
        encoder.flushLiterals()
        return encoder.bytes
    }

    private mutating func appendVarint(_ value: Int) {
        var value = UInt64(value)
        while value >= 0x80 {
            bytes.append(UInt8(value & 0x7F) | 0x80)
            value >>= 7
        }
        bytes.append(UInt8(value))
    }

    private mutating func appendRun(_ value: UInt32, count: Int) {
        appendVarint(count << 1)
        for i in 0..<((bitWidth + 7) / 8) { bytes.append(UInt8(truncatingIfNeeded: value >> (8 * UInt32(i)))) }
    }

    private mutating func flushLiterals() {
        guard !literals.isEmpty else { return }
        while literals.count % 8 != 0 { literals.append(0) }
        appendVarint((literals.count / 8) << 1 | 1)
        let start = bytes.count
        bytes.append(contentsOf: repeatElement(0, count: literals.count * bitWidth / 8))
        var bit = 0
        bytes.withUnsafeMutableBufferPointer { out in
            for value in literals {
                var v = UInt64(value)
                var at = bit
                var left = bitWidth
                while left > 0 {
                    let shift = at & 7
                    out[start + (at >> 3)] |= UInt8(truncatingIfNeeded: v << UInt64(shift))
                    let written = min(8 - shift, left)
                    v >>= UInt64(written)
                    at += written
                    left -= written
                }
                bit += bitWidth
            }
        }
        literals.removeAll(keepingCapacity: true)
    }
}
