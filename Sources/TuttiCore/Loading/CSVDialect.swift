/// Guesses the delimiter of a delimited text file from its first lines.
enum CSVDialect {
    /// The candidates, in order of preference on a tie.
    static let candidates: [UInt8] = [UInt8(ascii: ","), UInt8(ascii: "\t"), UInt8(ascii: ";"), UInt8(ascii: "|")]

    /// The delimiter whose count per line (outside quotes) is the same on most sampled lines,
    /// preferring more cells, then the order of `candidates`; `fallback` if none occurs.
    static func sniff(_ input: UnsafeRawBufferPointer, fallback: UInt8) -> UInt8 {
        let sample = input.prefix(64 * 1024)
        var lines: [[UInt8: Int]] = []
        var counts: [UInt8: Int] = [:]
        var inQuotes = false
        var index = sample.startIndex
        while index < sample.endIndex, lines.count < 30 {
            let c = sample[index]
            if c == UInt8(ascii: "\"") {
                inQuotes.toggle()
            } else if !inQuotes, c == UInt8(ascii: "\n") {
                lines.append(counts)
                counts = [:]
            } else if !inQuotes, candidates.contains(c) {
                counts[c, default: 0] += 1
            }
            index += 1
        }
        if !counts.isEmpty, lines.count < 30 { lines.append(counts) }
        var best: (delimiter: UInt8, agreeing: Int, cells: Int)?
        for candidate in candidates {
            let perLine = lines.map { $0[candidate] ?? 0 }
            guard let mode = mostCommon(perLine), mode > 0 else { continue }
            let agreeing = perLine.filter { $0 == mode }.count
            if best == nil || agreeing > best!.agreeing || (agreeing == best!.agreeing && mode > best!.cells) {
                best = (candidate, agreeing, mode)
            }
        }
        return best?.delimiter ?? fallback
    }

    private static func mostCommon(_ values: [Int]) -> Int? {
        var tally: [Int: Int] = [:]
        for value in values { tally[value, default: 0] += 1 }
        return tally.max { a, b in a.value < b.value || (a.value == b.value && a.key < b.key) }?.key
    }
}
