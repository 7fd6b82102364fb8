import TuttiCore

/// Every filtered row's familiarity, computed in the background for the familiarity pane: the
/// scores, the scored rows least familiar first, and the scores as a one-column table (so they
/// can be binned and brushed like a column).
struct FamiliarityScores: Sendable {
    /// The name the scores go by in the pane's histogram and its selections.
    static let columnName = "familiarity"

    /// Neighbours each score averages over.
    let k: Int
    /// Each row's score; NaN for a row without one (filtered out, or no usable values).
    let scores: [Double]
    /// The scored rows, least familiar first.
    let order: [Int]
    /// The scores as the float column `familiarity` (missing where there is no score).
    let table: Dataset

    /// Scores the rows of `filter` among themselves in `columns` with `k` neighbours.
    init(columns: [Column], k: Int, filter: RowSet, handle: JobHandle) throws {
        let context = WorkContext(progress: { handle.report($0.fraction, detail: $0.phase) }, cancellation: handle.cancellation)
        let familiarity = try Familiarity(columns: columns, k: k, rows: filter, context: context)
        self.k = familiarity.k
        scores = familiarity.scores
        order = familiarity.rowsLeastFamiliarFirst()
        let column = familiarity.column(named: Self.columnName)
        table = Dataset(source: Self.columnName, rowCount: column.rowCount, columns: [column])
    }
}

/// What the familiarity pane lists: the scored rows least familiar first, in one run, or, split
/// by a group column, in a section per group value, each under a heading line.
struct FamiliarityListing {
    /// One line of the list.
    enum Entry: Equatable {
        /// The heading of section `index`.
        case heading(Int)
        /// A dataset row.
        case row(Int)
    }

    /// A group's section: what it holds and how its scores are spread over the histogram's bins.
    struct Section {
        /// The group's conditions, as an expression: `sex == "Female"`.
        let title: String
        let count: Int
        let median: Double
        /// Rows per bin of the pane's histogram.
        let binCounts: [Int]
    }

    let entries: [Entry]
    let sections: [Section]

    /// The scored rows of `scores`, split by `split` when there is one (rows without a group
    /// value last, as "other rows"); `binning` bins the sections' scores.
    init(_ scores: FamiliarityScores, split: GroupSplit?, binning: ColumnBinning) {
        guard let split else {
            entries = scores.order.map { .row($0) }
            sections = []
            return
        }
        var slot = [Int](repeating: -1, count: split.feature.valueCount)
        for (index, group) in split.groups.enumerated() { slot[group.value] = index }
        var members = [[Int]](repeating: [], count: split.groups.count + 1)
        for row in scores.order {
            let code = split.feature.codes[row]
            let index = code == SliceFeature.noValue ? -1 : slot[Int(code)]
            members[index >= 0 ? index : split.groups.count].append(row)
        }
        var titles = split.groups.map { group in
            group.predicates.map { "\($0.column) \($0.op) \($0.value)" }.joined(separator: " and ")
        }
        titles.append("other rows")
        var entries: [Entry] = []
        var sections: [Section] = []
        for (index, rows) in members.enumerated() where !rows.isEmpty {
            var binCounts = [Int](repeating: 0, count: binning.binCount)
            for row in rows {
                let code = Int(binning.codes[row])
                if code < binCounts.count { binCounts[code] += 1 }
            }
            entries.append(.heading(sections.count))
            sections.append(Section(title: titles[index], count: rows.count, median: scores.scores[rows[rows.count / 2]],
                                    binCounts: binCounts))
            entries += rows.map { .row($0) }
        }
        self.entries = entries
        self.sections = sections
    }

    /// The row of entry `index`, nil for a heading or past the end.
    func row(at index: Int) -> Int? {
        guard index >= 0, index < entries.count, case .row(let row) = entries[index] else { return nil }
        return row
    }
}
