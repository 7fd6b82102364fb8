/// What the values of a column look like, from an even sample of its present rows: enough to
/// tell prose from codes and ids when inferring roles.
struct ColumnShape {
    /// Most rows sampled.
    static let sampleSize = 2_000

    /// Mean whitespace-separated words per value.
    let meanWords: Double
    /// Mean length of a value, in bytes.
    let meanBytes: Double
    /// Whether every sampled value is one token (no white space) and no two are equal.
    let uniqueSingleTokens: Bool

    /// The shape of a text or integer column; nil for other kinds or a column with no value.
    init?(_ column: Column) {
        guard column.validity.count > 0 else { return nil }
        let rows = stride(from: 0, to: column.rowCount, by: max(1, column.rowCount / Self.sampleSize))
            .lazy.filter { column.isPresent($0) }
        var words = 0, bytes = 0, sampled = 0
        var singleTokens = true
        switch column.data {
        case .text(let table):
            var seen = Set<[UInt8]>()
            for row in rows {
                table.withBytes(at: row) { value in
                    let count = Self.words(value)
                    words += count
                    bytes += value.count
                    if count != 1 { singleTokens = false }
                    if singleTokens, !seen.insert(Array(value)).inserted { singleTokens = false }
                }
                sampled += 1
            }
        case .integer(let values):
            var seen = Set<Int64>()
            for row in rows {
                words += 1
                if singleTokens, !seen.insert(values[row]).inserted { singleTokens = false }
                sampled += 1
            }
        default:
            return nil
        }
        meanWords = Double(words) / Double(max(sampled, 1))
        meanBytes = Double(bytes) / Double(max(sampled, 1))
        uniqueSingleTokens = singleTokens && sampled > 1
    }

    /// The number of runs of non-space bytes.
    private static func words(_ value: UnsafeBufferPointer<UInt8>) -> Int {
        var count = 0
        var inWord = false
        for byte in value {
            let space = byte == 0x20 || byte == 0x09 || byte == 0x0a || byte == 0x0d
            if !space, !inWord { count += 1 }
            inWord = !space
        }
        return count
    }
}
