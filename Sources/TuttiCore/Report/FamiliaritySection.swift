/// The familiarity pane: every filtered row scored among the filtered rows (as the pane does,
/// with the state's k), a histogram of the scores, and the least familiar rows as a table — in
/// one table, or, when the pane groups by a column (its own, else the first shared group
/// column), a summary of the groups and a table per group.
enum FamiliaritySection {
    /// Bins asked of the score histogram (its edges are rounded, so it may get a few more or fewer).
    static let bins = 20
    /// Rows listed without groups.
    static let listed = 20
    /// Rows listed per group.
    static let listedPerGroup = 5
    /// Columns of the data shown beside each row's score.
    static let shownColumns = 8

    static func make(state: ExplorerState, settings: PaneSettings, work: WorkContext) throws -> ReportSection {
        guard let compared = NeighborColumns(state) else {
            return ReportSection(heading: "Familiarity", blocks: [.note("No familiarity: \(NeighborColumns.missing).")])
        }
        let familiarity: Familiarity
        do {
            familiarity = try Familiarity(columns: compared.columns(in: state.dataset), k: state.neighborCount,
                                          rows: state.filter.rows, context: work)
        } catch {
            if work.isCancelled { throw ReportBuilder.cancelled }
            return ReportSection(heading: "Familiarity", blocks: [.note("Cannot score familiarity: \(error).")])
        }
        let order = familiarity.rowsLeastFamiliarFirst()
        let scores = familiarity.column(named: "familiarity")
        let table = Dataset(source: "familiarity", rowCount: scores.rowCount, columns: [scores])
        guard let binning = try? ColumnBinning(dataset: table, column: scores.name, bins: bins) else {
            return ReportSection(heading: "Familiarity", blocks: [.note("Cannot bin the familiarity scores.")])
        }
        let group = settings.column ?? state.groupColumns.first
        var heading = "Familiarity: k \(familiarity.k) · \(compared.summary)"
        var blocks: [ReportBlock] = [.paragraph([.plain(explanation(familiarity, compared: compared, scored: order.count, state: state))]),
                                     .histogram(histogram(binning, state: state))]
        let rows = RowTable(state: state, compared: compared, scores: familiarity.scores)
        guard let group else {
            blocks.append(.table(rows.table(order, shown: listed)))
            return ReportSection(heading: heading, blocks: blocks)
        }
        heading += " · by \(group)"
        let split: GroupSplit
        do {
            split = try GroupSplit(dataset: state.dataset, column: group, filter: state.filter.rows)
        } catch {
            blocks.append(.note("Cannot group by \(group): \(error)."))
            blocks.append(.table(rows.table(order, shown: listed)))
            return ReportSection(heading: heading, blocks: blocks)
        }
        let groups = grouped(order, split: split)
        blocks.append(.table(summary(groups, scores: familiarity.scores, binning: binning, omitted: split.omitted)))
        for (expression, members) in groups {
            blocks.append(.subheading([expression.map(ReportText.code) ?? .plain("Other rows"),
                                       .plain(": " + NumberFormatting.rows(members.count))]))
            blocks.append(.table(rows.table(members, shown: listedPerGroup)))
        }
        return ReportSection(heading: heading, blocks: blocks)
    }

    /// What the scores mean and what was scored.
    private static func explanation(_ familiarity: Familiarity, compared: NeighborColumns, scored: Int,
                                    state: ExplorerState) -> String {
        let among = state.filter.isEmpty ? "all \(NumberFormatting.rows(state.dataset.rowCount))"
            : "the \(NumberFormatting.rows(state.filteredCount)) passing the filter"
        let similarity = compared.isVector ? "cosine similarity in \(compared.names[0])"
            : "1 / (1 + d / √m) for the Euclidean distance d in the \(compared.names.count) standardised numeric columns"
                + " (\(compared.names.joined(separator: ", ")))"
        var text = "A row's familiarity is the mean similarity to its \(familiarity.k) nearest neighbours among \(among), by "
            + similarity + ": near 1, a row like many others; low, a row unlike the rest (an outlier, a rare case, a blind spot)."
        let unscored = state.filteredCount - scored
        if unscored > 0 { text += " \(NumberFormatting.rows(unscored)) without usable values have no score." }
        text += " Each bar is the number of scored rows in a range of scores"
        return text + (state.selection != nil ? ", its ▓ (hatched) part the selected ones among them." : ".")
    }

    /// The scores binned, with the filtered and selected counts (unscored rows left out).
    private static func histogram(_ binning: ColumnBinning, state: ExplorerState) -> ReportHistogram {
        let counts = HistogramCounts(binning, filter: state.filter.rows, selection: state.selection?.rows)
        let bins = (0..<binning.binCount).map { bin in
            ReportHistogram.Bin(label: HistogramSection.label(binning, bin: bin), detail: HistogramSection.detail(binning, bin: bin),
                                all: counts.all[bin], filtered: counts.filtered[bin], selected: counts.selected[bin])
        }
        return ReportHistogram(column: binning.column, bins: bins, hasSelection: state.selection != nil)
    }

    /// The scored rows of `order` by group (its expression), least familiar first in each; rows
    /// without a group value (or in an omitted group) last, with no expression.
    private static func grouped(_ order: [Int], split: GroupSplit) -> [(expression: String?, rows: [Int])] {
        var slot = [Int](repeating: -1, count: split.feature.valueCount)
        for (index, group) in split.groups.enumerated() { slot[group.value] = index }
        var members = [[Int]](repeating: [], count: split.groups.count + 1)
        for row in order {
            let code = split.feature.codes[row]
            let index = code == SliceFeature.noValue ? -1 : slot[Int(code)]
            members[index >= 0 ? index : split.groups.count].append(row)
        }
        let expressions: [String?] = split.groups.map { SliceReport.expression($0.predicates) } + [nil]
        return zip(expressions, members).filter { !$0.1.isEmpty }.map { (expression: $0.0, rows: $0.1) }
    }

    /// One line per group: its rows, median and lowest score, and how its scores spread over the
    /// histogram's bins.
    private static func summary(_ groups: [(expression: String?, rows: [Int])], scores: [Double], binning: ColumnBinning,
                                omitted: Int) -> ReportTable {
        let lines = groups.map { expression, rows -> [String] in
            var counts = [Int](repeating: 0, count: binning.binCount)
            for row in rows {
                let code = Int(binning.codes[row])
                if code < counts.count { counts[code] += 1 }
            }
            let median = scores[rows[rows.count / 2]], lowest = scores[rows[0]]
            return [expression ?? "other rows", NumberFormatting.grouped(rows.count), NumberFormatting.fixed(median, decimals: 3),
                    NumberFormatting.fixed(lowest, decimals: 3), TextBars.sparkline(counts)]
        }
        let left = omitted > 0 ? " \(NumberFormatting.grouped(omitted)) smaller groups are counted among the other rows." : ""
        return ReportTable(headers: ["group", "rows", "median", "lowest", "scores"], rows: lines, rightAligned: [1, 2, 3],
                           codeColumns: [0, 4],
                           caption: "Familiarity per group; the scores column spreads the group's rows over the histogram's bins."
                               + left)
    }

    /// Rows as a table: the row, whether it is selected, its score, and the first columns of the
    /// data that are not vectors — the compared numeric columns first (what makes a row unlike
    /// the others), then the label and the prediction, then the rest in the data's order.
    private struct RowTable {
        let columns: [Column]
        let selection: RowSet?
        let scores: [Double]
        /// What the columns shown leave out, for the caption.
        let columnsNote: String

        init(state: ExplorerState, compared: NeighborColumns, scores: [Double]) {
            let first = (compared.isVector ? [] : compared.names) + [ColumnRole.label, .prediction].compactMap { state.roles[$0] }
            let plain = state.dataset.columns.filter { $0.kind != .vector }
            let ordered = first.compactMap { name in plain.first { $0.name == name } } + plain.filter { !first.contains($0.name) }
            columns = Array(ordered.prefix(FamiliaritySection.shownColumns))
            selection = state.visibleSelection
            self.scores = scores
            columnsNote = plain.count > columns.count ? " (\(columns.count) of the \(plain.count) columns)" : ""
        }

        /// The first `shown` rows of `order` (scored rows, least familiar first).
        func table(_ order: [Int], shown: Int) -> ReportTable {
            let rows = order.prefix(shown)
            var headers = ["row"]
            if selection != nil { headers.append("selected") }
            headers.append("familiarity")
            let first = headers.count
            headers += columns.map(\.name)
            let lines = rows.map { row -> [String] in
                var cells = [String(row)]
                if let selection { cells.append(selection.contains(row) ? "▓ yes" : "") }
                cells.append(NumberFormatting.fixed(scores[row], decimals: 3))
                return cells + columns.map { $0.isPresent(row) ? RowsSection.cell($0.text(at: row)) : "" }
            }
            let numeric = columns.indices.filter { columns[$0].kind.isNumeric }.map { $0 + first }
            let which = rows.count < order.count
                ? "The \(NumberFormatting.rows(rows.count)) least familiar of \(NumberFormatting.grouped(order.count))"
                : "All \(NumberFormatting.rows(order.count)), least familiar first"
            return ReportTable(headers: headers, rows: lines, rightAligned: Set([0, first - 1] + numeric),
                               caption: which + columnsNote + ". Row numbers count from 0; an empty cell is a missing value.")
        }
    }
}
