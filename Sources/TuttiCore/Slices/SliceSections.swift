/// The choices a computation of slice sections depends on: the sort and the minimum size.
public struct SliceSectionOptions: Sendable, Equatable {
    /// The metric slices are sorted by.
    public var sortMetric: SliceMetric
    /// Whether the highest values come first.
    public var descending: Bool
    /// The fewest rows a found slice may have (nil: SliceLine's default).
    public var minimumSize: Int?
    /// Which found slices are kept: the diverse ones (the default) or all.
    public var ordering: SliceOrdering

    /// Options; by default sorted by error, highest first, with SliceLine's minimum size, diverse.
    public init(sortMetric: SliceMetric = .error, descending: Bool = true, minimumSize: Int? = nil,
                ordering: SliceOrdering = .diverse) {
        self.sortMetric = sortMetric
        self.descending = descending
        self.minimumSize = minimumSize
        self.ordering = ordering
    }
}

/// The slices of the filtered rows as the slices pane and reports show them, computed from the
/// state and the options by `compute`.
///
/// Without group columns there is one section, every filtered row, holding the slices SliceLine
/// finds. With group columns, the filtered rows are split by the first one (`GroupSplit`): one
/// section per value, holding the slices SliceLine finds within it, or, with more group
/// columns, the groups of the others within it. With one group column and no other column to
/// search, the groups themselves are the slices, in one section of every filtered row; with no
/// group column and no column to search, there is no section (`nothingToSearch`).
public struct SliceSections: Sendable {
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
        /// The group's filtered rows.
        public let rows: RowSet
        /// The group's metrics.
        public let metrics: SliceMetrics
        /// The slices, in the order of `SliceSections.sortMetric`.
        public fileprivate(set) var slices: [Slice]
        /// The search within the section (nil when grouped by further columns).
        public let search: SliceLineResult?
        /// The minimum size of the search within the section (nil when grouped by further columns).
        /// Stored, not derived from `search`: Swift 6.3's optimiser crashes on the derived form.
        public let minimumSize: Int?
    }

    /// The metrics of all filtered rows.
    public let overall: SliceMetrics
    /// What counts as an error: wrong predictions with classes, the absolute error of a regression,
    /// else the loss.
    public let objective: SliceObjective
    /// The evaluator of the metrics: the classes, and the metrics the roles allow.
    public let evaluator: SliceEvaluator
    /// The group columns: the first splits the rows into sections, the others group each section.
    public let groupColumns: [String]
    /// Groups of the first group column beyond the limit, not shown.
    public let omittedGroups: Int
    /// The columns the searches left out, and why (empty when grouped by further columns).
    public let excluded: [ExcludedColumn]
    /// The sections, in the order of the first group column's values.
    public private(set) var sections: [Section]
    /// The metric the slices within each section are sorted by.
    public private(set) var sortMetric: SliceMetric
    /// Whether the highest values come first.
    public private(set) var descending: Bool

    /// Whether no column was left to search: the group column's values are the slices, or,
    /// without group columns, there are none.
    public let nothingToSearch: Bool
    /// How many found slices the diverse ordering skipped, over every section.
    public let skippedSimilar: Int

    /// Whether SliceLine found the slices (rather than the group columns making them).
    public var isSearch: Bool { groupColumns.count < 2 && !nothingToSearch }

    /// Whether the sections are groups with headings (rather than one section of every filtered row).
    public var isHeaded: Bool { !groupColumns.isEmpty && !nothingToSearch }

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

    /// Computes the sections of `state` (its filter, group columns and roles) under `options`.
    /// Pure: safe to run on a worker thread. Throws when the roles allow no error measure, a
    /// group column cannot be cut, or when `work` is cancelled; reports each section (and each
    /// level of its search) to `progress`.
    public static func compute(state: ExplorerState, options: SliceSectionOptions, work: WorkContext = WorkContext(),
                               progress: (@Sendable (SliceSectionProgress) -> Void)? = nil) throws -> SliceSections {
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
        let objective = evaluator.defaultObjective ?? .loss
        let overall = evaluator.metrics(of: filter, filteredCount: filter.count)
        if inner.isEmpty, features.isEmpty {
            return try unsearched(state: state, evaluator: evaluator, objective: objective, overall: overall,
                                  excluded: columns?.excluded ?? [], options: options)
        }
        var sections: [Section] = []
        var skipped = 0
        for (index, (group, rows)) in groups.enumerated() {
            if work.isCancelled { throw TuttiError("the slice search was cancelled") }
            progress?(SliceSectionProgress(section: index, sections: groups.count, search: nil))
            let report: SliceReport
            if inner.isEmpty {
                let count = groups.count
                let searchProgress: (@Sendable (SliceLineProgress) -> Void)? = progress.map { tell in
                    { @Sendable search in tell(SliceSectionProgress(section: index, sections: count, search: search)) }
                }
                report = try SliceReport.discovered(
                    features: features, evaluator: evaluator, objective: objective,
                    options: SliceLineOptions(minimumSupport: options.minimumSize), ordering: options.ordering, filter: rows,
                    work: work, progress: searchProgress)
                skipped += report.skippedSimilar
            } else {
                report = try SliceReport.grouped(dataset: dataset, evaluator: evaluator, columns: inner,
                                                 binning: GroupSplit.binning, filter: rows)
            }
            let slices = try report.entries.map { entry in
                Slice(entry: entry, rows: try SliceReport.rows(matching: entry.predicates, dataset: dataset, filter: rows),
                      predicates: group + entry.predicates)
            }
            sections.append(Section(group: group, rows: rows, metrics: report.overall, slices: slices, search: report.search,
                                    minimumSize: report.search?.minimumSupport))
        }
        var model = SliceSections(overall: overall, objective: objective, evaluator: evaluator, groupColumns: groupColumns,
                                  omittedGroups: split?.omitted ?? 0, excluded: columns?.excluded ?? [], sections: sections,
                                  sortMetric: options.sortMetric, descending: options.descending, nothingToSearch: false,
                                  skippedSimilar: skipped)
        model.sort(by: options.sortMetric, descending: options.descending)
        return model
    }

    /// The sections when no column is left to search: with a group column, its groups as the
    /// slices of one section; without, no section.
    private static func unsearched(state: ExplorerState, evaluator: SliceEvaluator, objective: SliceObjective,
                                   overall: SliceMetrics, excluded: [ExcludedColumn],
                                   options: SliceSectionOptions) throws -> SliceSections {
        let dataset = state.dataset, filter = state.filter.rows
        var sections: [Section] = []
        if let group = state.groupColumns.first {
            let report = try SliceReport.grouped(dataset: dataset, evaluator: evaluator, columns: [group],
                                                 binning: GroupSplit.binning, filter: filter)
            let slices = try report.entries.map { entry in
                Slice(entry: entry, rows: try SliceReport.rows(matching: entry.predicates, dataset: dataset, filter: filter),
                      predicates: entry.predicates)
            }
            sections = [Section(group: [], rows: filter, metrics: overall, slices: slices, search: nil, minimumSize: nil)]
        }
        var model = SliceSections(overall: overall, objective: objective, evaluator: evaluator,
                                  groupColumns: Array(state.groupColumns.prefix(1)), omittedGroups: 0, excluded: excluded,
                                  sections: sections, sortMetric: options.sortMetric, descending: options.descending,
                                  nothingToSearch: true, skippedSimilar: 0)
        model.sort(by: options.sortMetric, descending: options.descending)
        return model
    }
}

// In this file: the memberwise initialisers of the sections are file-private.
extension SliceSections {
    /// What a measure of the slices elsewhere (a SQL engine, over a whole table the sections
    /// were found on a sample of) needs: each headed section's group, then every slice by its
    /// whole conditions (its group's included); each once, in that order.
    public var measuredPredicates: [[SlicePredicate]] {
        var seen: Set<String> = [], wanted: [[SlicePredicate]] = []
        let groups = isHeaded ? sections.map(\.group) : []
        for predicates in groups + slices.map(\.predicates) where seen.insert(SliceReport.expression(predicates)).inserted {
            wanted.append(predicates)
        }
        return wanted
    }

    /// These sections with the metrics measured elsewhere: `overall` for all filtered rows, and
    /// `metrics` by the expression (`SliceReport.expression`) of each of `measuredPredicates`;
    /// the rows, predicates and search stay the sample's, and the slices are sorted again by the
    /// new values. Nil when `metrics` lacks one of them.
    public func measured(overall: SliceMetrics, metrics: [String: SliceMetrics]) -> SliceSections? {
        let of = { (predicates: [SlicePredicate]) in predicates.isEmpty ? overall : metrics[SliceReport.expression(predicates)] }
        var sections: [Section] = []
        for section in self.sections {
            guard let metrics = of(section.group) else { return nil }
            var slices: [Slice] = []
            for slice in section.slices {
                guard let measured = of(slice.predicates) else { return nil }
                let entry = SliceReport.Entry(predicates: slice.entry.predicates, metrics: measured, score: slice.entry.score)
                slices.append(Slice(entry: entry, rows: slice.rows, predicates: slice.predicates))
            }
            sections.append(Section(group: section.group, rows: section.rows, metrics: metrics, slices: slices,
                                    search: section.search, minimumSize: section.minimumSize))
        }
        var model = SliceSections(overall: overall, objective: objective, evaluator: evaluator, groupColumns: groupColumns,
                                  omittedGroups: omittedGroups, excluded: excluded, sections: sections, sortMetric: sortMetric,
                                  descending: descending, nothingToSearch: nothingToSearch, skippedSimilar: skippedSimilar)
        model.sort(by: sortMetric, descending: descending)
        return model
    }
}
