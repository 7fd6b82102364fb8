/// Exact duplicates, label conflicts and exact leaks, from one grouping of the rows.
///
/// The rows are grouped once by the *features*: the compared columns less the label, the split,
/// and the label's copies (columns holding the label under other values, like a text `income`
/// beside a 0/1 `label`: with them, identical features could never have different labels).
/// Those groups are the conflict candidates; split further by the label (or, when the label is
/// not compared, by its compared copies) they are the leak candidates (identical rows, split
/// ignored); split further by the split column (when compared) they are the exact clusters.
struct ExactSearch {
    let compared: [Column]
    let label: Column?
    let split: Column?
    let rowHashMask: UInt64
    let work: WorkContext

    struct Outcome {
        var exact: [[Int]] = []
        var conflicts: [[Int]] = []
        var leaks: [[Int]] = []
        /// Compared columns found to be copies of the label.
        var labelCopies: [String] = []
    }

    func run(rows: [Int32], exact: Bool, conflicts: Bool, leaks: Bool) throws -> Outcome {
        var outcome = Outcome()
        let labelKey = label.map(KeyColumn.init)
        let others = compared.filter { $0.name != label?.name && $0.name != split?.name }.map(KeyColumn.init)
        // Copies matter to conflicts only: elsewhere they are compared like any column.
        let copies = conflicts ? labelKey.map { LabelCopies.copies(of: $0, among: others, rows: rows) } ?? [] : []
        outcome.labelCopies = copies.map(\.column.name)
        let base = others.filter { column in !copies.contains { $0.column.name == column.column.name } }
        let hashes = try rowHashes(base, rows: rows)
        work.report("grouping rows", 0, 1)
        let equals = base.map(\.equal)
        let features = equals.withUnsafeBufferPointer { equals in
            RowGroups.grouping(rows: rows, hashes: hashes) { a, b in
                let rowA = Int(rows[a]), rowB = Int(rows[b])
                for index in 0..<equals.count where !equals[index](rowA, rowB) { return false }
                return true
            }
        }
        try work.check("duplicate search")
        if conflicts, let labelKey {
            outcome.conflicts = Self.groups(features) { labelKey.differs(among: $0) }
        }
        let labelCompared = label.map { label in compared.contains { $0.name == label.name } } ?? false
        let splitCompared = split.map { split in compared.contains { $0.name == split.name } } ?? false
        // The label and its copies hold the same information: refining by one refines by all.
        let identical = (labelCompared ? [labelKey!] : copies).reduce(features) { $0.refined(by: $1) }
        if leaks, let split {
            let splitKey = KeyColumn(split)
            outcome.leaks = Self.groups(identical) { splitKey.differs(among: $0) }
        }
        if exact {
            let clusters = splitCompared ? identical.refined(by: KeyColumn(split!)) : identical
            outcome.exact = Self.groups(clusters) { _ in true }
        }
        work.report("grouping rows", 1, 1)
        return outcome
    }

    /// The groups that pass `keep`, as row lists.
    private static func groups(_ groups: RowGroups, keep: (ArraySlice<Int32>) -> Bool) -> [[Int]] {
        (0..<groups.count).compactMap { index in
            let rows = groups[index]
            return keep(rows) ? rows.map(Int.init) : nil
        }
    }

    /// The key hash of every row, over the columns, computed column by column on all cores.
    private func rowHashes(_ columns: [KeyColumn], rows: [Int32]) throws -> [UInt64] {
        var hashes = [UInt64](repeating: 0, count: rows.count)
        let chunks = WorkChunks(items: rows.count, minimumChunk: 1 << 14)
        let progress = PhaseCounter("hashing rows", total: columns.count * chunks.count, work: work)
        rows.withUnsafeBufferPointer { rows in
            hashes.withUnsafeMutableBufferPointer { hashes in
                chunks.run { range in
                    let slice = UnsafeBufferPointer(rebasing: rows[range])
                    for column in columns {
                        if work.isCancelled { return }
                        column.mix(rows: slice, into: hashes.baseAddress! + range.lowerBound)
                        progress.advance()
                    }
                    for index in range { hashes[index] = ByteHasher.mix(hashes[index]) & rowHashMask }
                }
            }
        }
        try work.check("duplicate search")
        return hashes
    }
}
