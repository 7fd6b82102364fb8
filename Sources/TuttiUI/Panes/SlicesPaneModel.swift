import TuttiCore

/// The user's choices that the slices pane's computation depends on.
public struct SlicesPaneOptions: Sendable, Equatable {
    /// The metric slices are sorted by, and the order.
    public var sortMetric: SliceMetric
    public var descending: Bool
    /// The fewest rows a found slice may have (nil: SliceLine's default).
    public var minimumSize: Int?

    public init(sortMetric: SliceMetric = .error, descending: Bool = true, minimumSize: Int? = nil) {
        self.sortMetric = sortMetric
        self.descending = descending
        self.minimumSize = minimumSize
    }
}

/// How far a computation of the slices pane has come: the section being worked on, and the
/// slice search's progress in it.
public struct SlicesPaneProgress: Sendable, Equatable {
    /// The section (0-based) and the number of sections.
    public let section: Int
    public let sections: Int
    /// The search's progress within the section, when it runs SliceLine.
    public let search: SliceLineProgress?

    /// The share done, from 0 to 1.
    public var fraction: Double {
        var within = 0.0
        if let search, search.maxLevel > 0 {
            let level = search.candidates > 0 ? Double(search.evaluated) / Double(search.candidates) : 0
            within = max(0, Double(search.level - 1) + level) / Double(search.maxLevel)
        }
        return (Double(section) + min(1, within)) / Double(max(1, sections))
    }

    /// What is being done, for a status line: "group 2 of 5, level 2 of 3".
    public var detail: String {
        var parts: [String] = []
        if sections > 1 { parts.append("group \(section + 1) of \(sections)") }
        if let search { parts.append("level \(search.level) of \(search.maxLevel)") }
        return parts.joined(separator: ", ")
    }
}

/// Everything the slices pane shows, computed from the state and the options by `compute`;
/// rendering only reads it (and the live selection).
///
/// Without group columns there is one section, every filtered row, holding the slices SliceLine
/// finds. With group columns, the filtered rows are split by the first one (`GroupSplit`): one
/// section per value, holding the slices SliceLine finds within it, or, with more group
/// columns, the groups of the others within it.
public struct SlicesPaneModel: Sendable {
    /// One slice of a section.
    public struct Slice: Sendable {
        /// The slice as found within its section: its own conditions and its metrics over the
        /// section's rows.
        public let entry: SliceReport.Entry
        /// Its filtered rows.
        public let rows: RowSet
        /// The conditions that select it among all rows: the section's, then the slice's own.
        public let predicates: [SlicePredicate]
    }

    /// The slices of one group of rows.
    public struct Section: Sendable {
        /// The group's conditions (empty for every filtered row, without group columns).
        public let group: [SlicePredicate]
        /// The group's filtered rows and their metrics.
        public let rows: RowSet
        public let metrics: SliceMetrics
        /// The slices, sorted by the model's metric.
        public fileprivate(set) var slices: [Slice]
        /// The minimum size of the search within the section (nil when grouped by further columns).
        public let minimumSize: Int?
    }

    /// The metrics of all filtered rows.
    public let overall: SliceMetrics
    /// The group columns: the first splits the rows into sections, the others group each section.
    public let groupColumns: [String]
    /// Groups of the first group column beyond the limit, not shown.
    public let omittedGroups: Int
    /// The columns the searches left out, and why (empty when grouped by further columns).
    public let excluded: [ExcludedColumn]
    public private(set) var sections: [Section]
    /// The order of the slices within each section.
    public private(set) var sortMetric: SliceMetric
    public private(set) var descending: Bool

    /// Whether SliceLine found the slices (rather than the group columns making them).
    public var isSearch: Bool { groupColumns.count < 2 }

    /// Every slice, section after section.
    public var slices: [Slice] { sections.flatMap(\.slices) }

    /// Sorts the slices of every section by `metric`.
    public mutating func sort(by metric: SliceMetric, descending: Bool) {
        sortMetric = metric
        self.descending = descending
        for index in sections.indices {
            sections[index].slices.sort { SliceReport.precedes($0.entry, $1.entry, by: metric, descending: descending) }
        }
    }

    /// Computes the pane's content for `state` (its filter, group columns and roles) and
    /// `options`. Pure: safe to run on a worker thread. Throws when the roles allow no error
    /// measure, a group column cannot be cut, there is no column to search, or when cancelled.
    public static func compute(state: ExplorerState, options: SlicesPaneOptions, cancellation: CancellationFlag? = nil,
                               progress: (@Sendable (SlicesPaneProgress) -> Void)? = nil) throws -> SlicesPaneModel {
        let dataset = state.dataset, filter = state.filter.rows
        let evaluator = try SliceEvaluator(dataset: dataset, roles: state.roles)
        let groupColumns = Array(state.groupColumns.prefix(SliceGroups.maxColumns))
        let split = try groupColumns.first.map { try GroupSplit(dataset: dataset, column: $0, filter: filter) }
        let groups = split?.groups.map { ($0.predicates, $0.rows) } ?? [([], filter)]
        let inner = Array(groupColumns.dropFirst())
        let columns = inner.isEmpty ? SliceSearchColumns(dataset: dataset, roles: state.roles, rows: filter, groups: groupColumns)
                                    : nil
        let features = try (columns?.searched ?? []).map {
            try SliceFeature(dataset: dataset, column: $0, binning: .equalWidth(10), rows: filter)
        }
        let objective: SliceObjective = state.roles[.label] != nil && state.roles[.prediction] != nil ? .error : .loss
        var sections: [Section] = []
        for (index, (group, rows)) in groups.enumerated() {
            if cancellation?.isCancelled == true { throw TuttiError("the slice search was cancelled") }
            progress?(SlicesPaneProgress(section: index, sections: groups.count, search: nil))
            let report: SliceReport
            if inner.isEmpty {
                let count = groups.count
                let searchProgress: (@Sendable (SliceLineProgress) -> Void)? = progress.map { tell in
                    { @Sendable search in tell(SlicesPaneProgress(section: index, sections: count, search: search)) }
                }
                report = try SliceReport.discovered(
                    features: features, evaluator: evaluator, objective: objective,
                    options: SliceLineOptions(minimumSupport: options.minimumSize), filter: rows, cancellation: cancellation,
                    progress: searchProgress)
            } else {
                report = try SliceReport.grouped(dataset: dataset, evaluator: evaluator, columns: inner,
                                                 binning: GroupSplit.binning, filter: rows)
            }
            let slices = try report.entries.map { entry in
                Slice(entry: entry, rows: try SliceReport.rows(matching: entry.predicates, dataset: dataset, filter: rows),
                      predicates: group + entry.predicates)
            }
            sections.append(Section(group: group, rows: rows, metrics: report.overall, slices: slices,
                                    minimumSize: report.search?.minimumSupport))
        }
        var model = SlicesPaneModel(overall: evaluator.metrics(of: filter, filteredCount: filter.count),
                                    groupColumns: groupColumns, omittedGroups: split?.omitted ?? 0,
                                    excluded: columns?.excluded ?? [], sections: sections, sortMetric: options.sortMetric,
                                    descending: options.descending)
        model.sort(by: options.sortMetric, descending: options.descending)
        return model
    }
}
