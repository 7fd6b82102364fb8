/// A search for duplicate rows: exact duplicates, identical inputs with different labels
/// (conflicts), rows shared across splits (leaks), and near-duplicate texts and vectors.
///
/// Build it (which checks the options against the dataset), then `run()` it, on a background
/// thread if need be: it uses every core, reports progress and stops when cancelled.
public struct DuplicateSearch: Sendable {
    public let dataset: Dataset
    public let roles: ColumnRoles
    public let options: DuplicateOptions
    /// The columns compared for exact duplicates, in dataset order.
    public let comparedColumns: [String]

    /// Roles whose columns are left out of the exact comparison by default.
    public static let excludedRoles: [ColumnRole] = [.id, .split, .prediction, .score, .loss]

    /// A search over `dataset`. Throws a message naming the problem when a column does not exist,
    /// has the wrong kind, or a kind of search lacks the column it needs.
    public init(dataset: Dataset, roles: ColumnRoles, options: DuplicateOptions) throws {
        self.dataset = dataset
        self.roles = roles
        self.options = options
        let ignored = Set(try Self.check(options.ignoredColumns, in: dataset, context: "--ignore"))
        let compared: [String]
        if let columns = options.columns {
            let chosen = Set(try Self.check(columns, in: dataset, context: "--columns"))
            compared = dataset.columnNames.filter { chosen.contains($0) && !ignored.contains($0) }
        } else {
            let excluded = Set(Self.excludedRoles.compactMap { roles[$0] })
            compared = dataset.columnNames.filter { !excluded.contains($0) && !ignored.contains($0) }
        }
        comparedColumns = compared
        if let rows = options.rows, rows.rowCount != dataset.rowCount {
            throw TuttiError("the rows to search range over \(rows.rowCount) rows, the dataset has \(dataset.rowCount)")
        }
        if options.exact || options.conflicts || options.leaks, compared.isEmpty {
            throw TuttiError("no columns left to compare for exact duplicates")
        }
        if options.conflicts, roles[.label] == nil {
            throw TuttiError("label conflicts need a label column: name it with --label")
        }
        if options.conflicts, compared.allSatisfy({ $0 == roles[.label] || $0 == roles[.split] }) {
            throw TuttiError("label conflicts need feature columns besides the label")
        }
        if options.leaks, roles[.split] == nil {
            throw TuttiError("leaks across splits need a split column: name it with --split")
        }
        if let text = options.textColumn {
            _ = try Self.check([text], in: dataset, context: "--text")
            let kind = dataset.column(named: text)!.kind
            guard kind == .text || kind == .categorical else {
                throw TuttiError("--text: column '\(text)' holds \(kind.rawValue); "
                                 + "near-duplicate text needs a text or categorical column")
            }
        }
        if !options.vectorColumns.isEmpty {
            let kinds = try Self.check(options.vectorColumns, in: dataset, context: "--vector-columns")
                .map { dataset.column(named: $0)!.kind }
            let oneVector = kinds == [.vector]
            let numbers = kinds.allSatisfy { $0.isNumeric || $0 == .boolean }
            guard oneVector || numbers else {
                throw TuttiError("near-duplicate vectors need one vector column or numeric columns")
            }
        }
        for (name, value) in [("text", options.textThreshold), ("vector", options.vectorThreshold)]
        where !(value > 0 && value <= 1) {
            throw TuttiError("the \(name) similarity threshold must be above 0 and at most 1, got \(value)")
        }
    }

    /// The names, checked to exist (with a suggestion for a misspelt one).
    private static func check(_ names: [String], in dataset: Dataset, context: String) throws -> [String] {
        for name in names where dataset.columnIndex(named: name) == nil {
            throw TuttiError.unknownColumn(name, suggestion: NameSuggestion.nearest(to: name, in: dataset.columnNames),
                                           context: context)
        }
        return names
    }

    /// The kinds of cluster this search looks for.
    public var kinds: Set<DuplicateKind> {
        var kinds: Set<DuplicateKind> = []
        if options.exact { kinds.insert(.exact) }
        if options.conflicts { kinds.insert(.conflict) }
        if options.leaks { kinds.insert(.leak) }
        if options.textColumn != nil { kinds.insert(.nearText) }
        if !options.vectorColumns.isEmpty { kinds.insert(.nearVector) }
        return kinds
    }

    /// Runs the search, reporting progress to `work`. Throws "duplicate search cancelled" when
    /// `work` is cancelled.
    public func run(work: WorkContext = WorkContext()) throws -> DuplicateReport {
        let rows = options.rows.map { $0.members.map { Int32($0) } } ?? Array(0..<Int32(dataset.rowCount))
        let label = roles[.label].flatMap(dataset.column(named:))
        let split = roles[.split].flatMap(dataset.column(named:))
        var found: [(kind: DuplicateKind, basis: DuplicateKind?, rows: [Int], similarity: Double?)] = []
        var labelCopies: [String] = []
        // Kinds are searched strongest first (exact, conflict, near text, near vectors): a group of
        // rows already found is not reported again under a weaker kind, among clusters or leaks.
        let nearKinds = options.textColumn != nil || !options.vectorColumns.isEmpty
        var reported: Set<[Int]> = [], reportedLeaks: Set<[Int]> = []
        func add(_ kind: DuplicateKind, basis: DuplicateKind? = nil, _ rows: [Int], similarity: Double? = nil) {
            if nearKinds {
                let fresh = kind == .leak ? reportedLeaks.insert(rows).inserted : reported.insert(rows).inserted
                guard fresh else { return }
            }
            found.append((kind, basis, rows, similarity))
        }
        let splitKey = options.leaks ? split.map(KeyColumn.init) : nil
        func addNear(_ kind: DuplicateKind, _ found: [NearCluster]) {
            for cluster in found {
                add(kind, cluster.rows, similarity: cluster.similarity)
                if let splitKey, splitKey.differs(among: cluster.rows) {
                    add(.leak, basis: kind, cluster.rows, similarity: cluster.similarity)
                }
            }
        }
        if options.exact || options.conflicts || options.leaks {
            let search = ExactSearch(compared: comparedColumns.map { dataset.column(named: $0)! }, label: label,
                                     split: split, rowHashMask: options.rowHashMask, work: work)
            let outcome = try search.run(rows: rows, exact: options.exact, conflicts: options.conflicts,
                                         leaks: options.leaks)
            labelCopies = outcome.labelCopies
            for group in outcome.exact { add(.exact, group) }
            for group in outcome.conflicts { add(.conflict, group) }
            for group in outcome.leaks { add(.leak, basis: .exact, group) }
        }
        if let name = options.textColumn {
            let search = NearTextSearch(column: dataset.column(named: name)!, threshold: options.textThreshold,
                                        work: work)
            addNear(.nearText, try search.run(rows: rows))
        }
        if !options.vectorColumns.isEmpty {
            let search = NearVectorSearch(columns: options.vectorColumns.map { dataset.column(named: $0)! },
                                          threshold: options.vectorThreshold, exactLimit: options.exactVectorLimit,
                                          work: work)
            addNear(.nearVector, try search.run(rows: rows))
        }
        // Each cluster's splits and labels, counted on all cores.
        let splitTally = split.map(ValueTally.init), labelTally = label.map(ValueTally.init)
        let clusters = WorkChunks(items: found.count, minimumChunk: 4096).map { range in
            found[range].map { cluster in
                DuplicateCluster(kind: cluster.kind, basis: cluster.basis, rows: cluster.rows, similarity: cluster.similarity,
                                 splits: splitTally?.counts(cluster.rows) ?? [:],
                                 labels: labelTally?.counts(cluster.rows) ?? [:])
            }
        }
        return DuplicateReport(rowCount: dataset.rowCount, comparedColumns: comparedColumns, labelCopies: labelCopies,
                               kinds: kinds, clusters: Array(clusters.joined()))
    }
}

/// A cluster of near duplicates: rows (ascending) and the weakest verified link.
struct NearCluster {
    let rows: [Int]
    let similarity: Double
}
