/// A word-level comparison of two texts: the words of each side (split at white space) and
/// which of them are not part of a longest common subsequence of words, i.e. were inserted,
/// deleted or replaced.
///
/// The common leading and trailing words are matched first; the longest common subsequence
/// is then computed over the differing middle, capped at `wordLimit` words per side so that
/// huge texts cost a bounded amount of work. Words past the cap are left unmarked and
/// `isPartial` says so.
struct WordDiff {
    /// The most words of each side's differing middle that are compared.
    static let wordLimit = 2_000

    /// The words of the first text.
    let left: [String]
    /// The words of the second text.
    let right: [String]
    /// For each word of `left`: whether it is missing from, or replaced in, `right`.
    let leftChanged: [Bool]
    /// For each word of `right`: whether it is missing from, or replaced in, `left`.
    let rightChanged: [Bool]
    /// Whether the texts differ in more than `limit` words, so words past it were not compared.
    let isPartial: Bool

    /// Compares `a` with `b`, looking at no more than `limit` differing words of each.
    init(_ a: String, _ b: String, limit: Int = wordLimit) {
        left = Self.words(a)
        right = Self.words(b)
        var prefix = 0
        while prefix < left.count, prefix < right.count, left[prefix] == right[prefix] { prefix += 1 }
        var suffix = 0
        while suffix < left.count - prefix, suffix < right.count - prefix,
              left[left.count - 1 - suffix] == right[right.count - 1 - suffix] { suffix += 1 }
        let leftMiddle = prefix..<(left.count - suffix), rightMiddle = prefix..<(right.count - suffix)
        isPartial = leftMiddle.count > limit || rightMiddle.count > limit
        let compared = (left[leftMiddle].prefix(limit), right[rightMiddle].prefix(limit))
        let (leftMarks, rightMarks) = Self.unmatched(Array(compared.0), Array(compared.1))
        var leftChanged = [Bool](repeating: false, count: left.count)
        var rightChanged = [Bool](repeating: false, count: right.count)
        for (offset, mark) in leftMarks.enumerated() { leftChanged[prefix + offset] = mark }
        for (offset, mark) in rightMarks.enumerated() { rightChanged[prefix + offset] = mark }
        self.leftChanged = leftChanged
        self.rightChanged = rightChanged
    }

    /// The words of `text`: its runs of characters other than white space.
    static func words(_ text: String) -> [String] {
        text.split(whereSeparator: \.isWhitespace).map(String.init)
    }

    /// For each word of `a` and of `b`: whether it is outside a longest common subsequence.
    private static func unmatched(_ a: [String], _ b: [String]) -> ([Bool], [Bool]) {
        // Compare small integers, not strings.
        var ids: [String: Int] = [:]
        func id(_ word: String) -> Int {
            if let known = ids[word] { return known }
            ids[word] = ids.count
            return ids.count - 1
        }
        let x = a.map(id), y = b.map(id)
        let columns = y.count + 1
        // lengths[i * columns + j]: the length of a longest common subsequence of x[i...] and y[j...].
        var lengths = [UInt16](repeating: 0, count: (x.count + 1) * columns)
        for i in stride(from: x.count - 1, through: 0, by: -1) {
            for j in stride(from: y.count - 1, through: 0, by: -1) {
                lengths[i * columns + j] = x[i] == y[j] ? lengths[(i + 1) * columns + j + 1] + 1
                    : max(lengths[(i + 1) * columns + j], lengths[i * columns + j + 1])
            }
        }
        var leftMarks = [Bool](repeating: true, count: x.count)
        var rightMarks = [Bool](repeating: true, count: y.count)
        var i = 0, j = 0
        while i < x.count, j < y.count {
            if x[i] == y[j] {
                leftMarks[i] = false
                rightMarks[j] = false
                i += 1
                j += 1
            } else if lengths[(i + 1) * columns + j] >= lengths[i * columns + j + 1] {
                i += 1
            } else {
                j += 1
            }
        }
        return (leftMarks, rightMarks)
    }
}
