import TuttiCore
import TuttiPostgres

extension SlicesCommand {
    /// The rows SliceLine searches over a database when `--sample` is not given.
    static let defaultSample = 100_000

    /// `tutti slices` over a database. `--by`: each slice's size and metrics counted by the engine
    /// in one `GROUP BY`, no row pulled. `--discover`: SliceLine searches a random sample of the
    /// rows passing `--where` pulled into memory (only the columns it needs), then the engine
    /// measures the slices found over every row.
    func runOnDatabase() throws {
        let source = try data.openDatabase()
        let task = try source.sliceTask(positiveClass: positive)
        let evaluator = task.evaluator
        let objective = try objective(evaluator)
        let binning = binningOptions.binning
        let tableRows = try source.rowCount(where: "")
        var report: SliceReport
        var sampled: SliceReportJSON.Sample?
        if let by {
            try checkGrouped(evaluator, objective)
            report = try filter.asking { try source.groupedSlices(by: CommaList.names(by), binning: binning, where: $0, task: task) }
            trimGrouped(&report, objective)
        } else {
            (report, sampled) = try discoverOnSample(source, task: task, objective: objective, binning: binning)
        }
        try write(SlicesOutput(report: report, evaluator: evaluator, objective: objective, binning: binning,
                               name: data.displayName, rowCount: tableRows, filter: filter.expression,
                               grouping: by.map(CommaList.names), shown: top ?? 10, perClass: perClass, sample: sampled))
    }

    /// SliceLine on a sample of the rows passing `--where`, the slices found measured again by
    /// the engine over every such row; the sample's size and the rows it was drawn from.
    private func discoverOnSample(_ source: PostgresSource, task: EngineSliceTask, objective: SliceObjective,
                                  binning: SliceBinning) throws -> (SliceReport, SliceReportJSON.Sample) {
        let roleColumns = [ColumnRole.label, .prediction, .score, .loss].compactMap { source.roles[$0] }
        let wanted = columns.map { names in
            source.columnNames.filter { roleColumns.contains($0) || CommaList.names(names).contains($0) }
        }
        let pulled = try filter.asking { expression in
            try source.pull(columns: wanted, sample: sample ?? Self.defaultSample, where: expression, options: data.loadOptions())
        }.dataset
        Console.error("tutti: searching slices on a random sample of \(pulled.rowCount) rows × \(pulled.columns.count) columns "
                      + "from \(data.displayName); their metrics are then counted by the database")
        let roles = try data.roles(for: pulled)
        let rows = RowSet(rowCount: pulled.rowCount, allSet: true)
        // The sample is measured with the table's positive class, not the one its own counts would pick.
        let positiveClass = positive ?? task.evaluator.classes.flatMap { classes in classes.positive.map { classes.classes[$0] } }
        let evaluator = try SliceEvaluator(dataset: pulled, roles: roles, positiveClass: positiveClass)
        if columns == nil, SliceSearchColumns(dataset: pulled, roles: roles, rows: rows).searched.isEmpty {
            throw TuttiError("there is no column to search for slices (every column has a role or holds text); "
                             + "compare groups with --by COL")
        }
        let options = SliceLineOptions(alpha: alpha ?? 0.95, minimumSupport: minSize, maxLevel: maxLevel ?? 3, count: top ?? 10)
        let found = try SliceReport.discovered(dataset: pulled, roles: roles, evaluator: evaluator, objective: objective,
                                               columns: columns.map(CommaList.names), binning: binning, options: options,
                                               ordering: all ? .all : .diverse, filter: rows)
        let measured = try filter.asking { try source.measure(found.entries.map(\.predicates), where: $0, task: task) }
        let report = SliceReport.measured(
            overall: measured.overall,
            slices: zip(found.entries, measured.slices).map { (predicates: $0.predicates, metrics: $1, score: $0.score) },
            search: found.search, skippedSimilar: found.skippedSimilar, excludedColumns: found.excludedColumns)
        return (report, SliceReportJSON.Sample(rows: pulled.rowCount, of: measured.overall.size))
    }
}
