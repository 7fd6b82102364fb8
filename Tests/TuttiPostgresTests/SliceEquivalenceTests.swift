import Testing
import TuttiCore
import TuttiPostgres
import TuttiTestSupport

/// Slice metrics counted by PostgreSQL (`groupedSlices`, `measure`) are those of the in-memory
/// `SliceReport` on the same rows: counts exactly, sums of scores, losses and errors up to the
/// last digits of a double (the engine adds them in its own order).
@Suite struct SliceEquivalenceTests {
    /// Adult with the label missing where age is 30 and the prediction missing where age is 31.
    static let adultWithNulls: Dataset = {
        let adult = AdultFixture.dataset
        let age = adult.column(named: "age")!
        let columns = adult.columns.map { column -> Column in
            let missingAge: Int64? = switch column.name {
            case "label": 30
            case "prediction": 31
            default: nil
            }
            guard let missingAge, case .integer(let ages) = age.data else { return column }
            var validity = column.validity
            for row in 0..<adult.rowCount where ages[row] == missingAge { validity.remove(row) }
            return Column(name: column.name, data: column.data, validity: validity)
        }
        return Dataset(source: "adult_nulls", rowCount: adult.rowCount, columns: columns)
    }()

    /// Categories in a column whose name and values need quoting, a loss, a missing cell.
    static let quoted: Dataset = {
        let values = ["x'; DROP TABLE nulls; --", "a\"b", "é"]
        let codes: [UInt32] = [0, 1, 0, 2, 1, 0, 3, 2, 0]
        return Dataset(source: "slice_quoted", rowCount: codes.count, columns: [
            Column(name: "it's \"odd\"", data: .categorical(codes: codes, dictionary: StringTable(values)),
                   validity: RowSet(rowCount: codes.count, rows: [0, 1, 2, 3, 4, 5, 7, 8])),
            Column(name: "n", data: .integer([1, 2, 3, 4, 5, 6, 7, 8, 9]), validity: RowSet(rowCount: codes.count, allSet: true)),
            Column(name: "loss", data: .float([0.5, 1, 0.25, 2, 0, 1.5, 3, 0.75, 1]),
                   validity: RowSet(rowCount: codes.count, rows: [0, 1, 2, 3, 4, 5, 6, 7])),
        ])
    }()

    private static let loaded: Result<Void, PostgresServer.Unavailable> = {
        do {
            try PostgresTables.server().load(quoted, as: "slice_quoted")
            try PostgresTables.server().load(adultWithNulls, as: "adult_nulls")
            return .success(())
        } catch let error as PostgresServer.Unavailable {
            return .failure(error)
        } catch {
            return .failure(PostgresServer.Unavailable(description: "\(error)"))
        }
    }()

    /// The engine's source over `table` and the in-memory dataset, both with `roles` assigned
    /// (by name otherwise).
    private func sources(_ table: String, _ dataset: Dataset,
                         roles assigned: [ColumnRole: String] = [:]) throws -> (PostgresSource, Dataset, ColumnRoles) {
        if ["adult_nulls", "slice_quoted"].contains(table) { try Self.loaded.get() }
        var source = try PostgresTables.source(table)
        var sqlRoles = source.roles, memoryRoles = ColumnRoles.infer(from: dataset)
        let shape = SQLColumn.emptyDataset(source.columns, source: table)
        for (role, name) in assigned {
            try sqlRoles.assign(role, to: name, in: shape)
            try memoryRoles.assign(role, to: name, in: dataset)
        }
        source = source.with(roles: sqlRoles)
        return (source, dataset, memoryRoles)
    }

    private func close(_ a: Double?, _ b: Double?) -> Bool {
        guard let a, let b else { return a == nil && b == nil }
        return abs(a - b) <= 1e-9 * max(1, abs(a), abs(b))
    }

    /// Expects two slices' metrics to agree: counts exactly, every metric the roles allow closely.
    private func expectSame(_ sql: SliceMetrics, _ memory: SliceMetrics, metrics: [SliceMetric], _ what: String,
                            sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(sql.size == memory.size && sql.classified == memory.classified && sql.correct == memory.correct,
                "\(what): size \(sql.size) vs \(memory.size)", sourceLocation: sourceLocation)
        #expect(sql.confusion == memory.confusion && sql.multiClassCounts == memory.multiClassCounts, "\(what)",
                sourceLocation: sourceLocation)
        #expect(sql.scoreCount == memory.scoreCount && sql.lossCount == memory.lossCount, "\(what)",
                sourceLocation: sourceLocation)
        #expect(sql.calibration?.counts == memory.calibration?.counts
                && sql.calibration?.positives == memory.calibration?.positives, "\(what)", sourceLocation: sourceLocation)
        #expect(sql.regression?.count == memory.regression?.count, "\(what)", sourceLocation: sourceLocation)
        #expect(close(sql.share, memory.share), "\(what)", sourceLocation: sourceLocation)
        for metric in metrics {
            #expect(close(sql.value(metric), memory.value(metric)),
                    "\(what) \(metric): \(String(describing: sql.value(metric))) vs \(String(describing: memory.value(metric)))",
                    sourceLocation: sourceLocation)
        }
    }

    /// Groups `table` by `columns` under `filter` in the engine and in memory and expects the same
    /// slices with the same metrics; returns the slices' count.
    @discardableResult
    private func expectSameGroups(_ table: String, _ dataset: Dataset, by columns: [String], filter: String = "",
                                  binning: SliceBinning = .equalWidth(10), roles: [ColumnRole: String] = [:],
                                  sourceLocation: SourceLocation = #_sourceLocation) throws -> Int {
        let (source, dataset, memoryRoles) = try sources(table, dataset, roles: roles)
        let task = try source.sliceTask(positiveClass: nil)
        let sql = try source.groupedSlices(by: columns, binning: binning, where: filter, task: task)
        let evaluator = try SliceEvaluator(dataset: dataset, roles: memoryRoles)
        let rows = try MemorySource(dataset: dataset, roles: memoryRoles).rows(where: filter)
        let memory = try SliceReport.grouped(dataset: dataset, evaluator: evaluator, columns: columns, binning: binning, filter: rows)
        #expect(task.evaluator.availableMetrics == evaluator.availableMetrics, sourceLocation: sourceLocation)
        #expect(task.evaluator.classes?.classes == evaluator.classes?.classes
                && task.evaluator.classes?.positive == evaluator.classes?.positive, sourceLocation: sourceLocation)
        #expect((task.evaluator.regression == nil) == (evaluator.regression == nil), sourceLocation: sourceLocation)
        expectSame(sql.overall, memory.overall, metrics: evaluator.availableMetrics, "all rows", sourceLocation: sourceLocation)
        let memoryEntries = Dictionary(uniqueKeysWithValues: memory.entries.map { ($0.expression, $0.metrics) })
        #expect(Set(sql.entries.map(\.expression)) == Set(memoryEntries.keys), sourceLocation: sourceLocation)
        for entry in sql.entries {
            guard let metrics = memoryEntries[entry.expression] else { continue }
            expectSame(entry.metrics, metrics, metrics: evaluator.availableMetrics, entry.expression,
                       sourceLocation: sourceLocation)
        }
        return sql.entries.count
    }

    @Test func adultSlicesByColumnsMatchMemory() throws {
        let adult = AdultFixture.dataset
        #expect(try expectSameGroups("adult", adult, by: ["sex"]) == 2)
        try expectSameGroups("adult", adult, by: ["relationship", "workclass"], filter: "split == \"test\"")
        // workclass has missing cells (a slice of their own); age is cut into bins.
        try expectSameGroups("adult", adult, by: ["workclass", "age"])
        try expectSameGroups("adult", adult, by: ["hours_per_week", "capital_gain", "sex"], binning: .equalWidth(4))
        try expectSameGroups("adult", adult, by: ["education_num"], filter: "age >= 60 or workclass is null")
    }

    @Test func missingLabelsAndPredictionsCountAsInMemory() throws {
        let count = try expectSameGroups("adult_nulls", Self.adultWithNulls, by: ["age"], binning: .equalWidth(100))
        #expect(count > 40)
        try expectSameGroups("adult_nulls", Self.adultWithNulls, by: ["race", "sex"], filter: "age < 35")
    }

    @Test func otherTasksMatchMemory() throws {
        let adult = AdultFixture.dataset
        // A regression: hours per week predicted by age (integers with many values).
        try expectSameGroups("adult", adult, by: ["sex", "race"], roles: [.label: "hours_per_week", .prediction: "age"])
        // Many classes (macro averages).
        try expectSameGroups("adult", adult, by: ["sex"], roles: [.label: "marital_status", .prediction: "relationship"])
    }

    @Test func slicesOfNamesThatNeedQuotingMatchMemory() throws {
        let quoted = Self.quoted
        #expect(try expectSameGroups("slice_quoted", quoted, by: ["it's \"odd\""]) == 4)
        try expectSameGroups("slice_quoted", quoted, by: ["n", "it's \"odd\""], filter: "n != 3", binning: .equalWidth(3))
        let (source, _, _) = try sources("slice_quoted", quoted)
        let task = try source.sliceTask(positiveClass: nil)
        #expect(throws: TuttiError.self) {
            try source.groupedSlices(by: ["n\"; DROP TABLE nulls; --"], binning: .equalWidth(10), where: "", task: task)
        }
        #expect(try PostgresTables.source("nulls").rowCount(where: "") == PostgresTables.nulls.rowCount)
    }

    @Test func slicesFoundElsewhereAreMeasuredExactly() throws {
        let (source, adult, roles) = try sources("adult_nulls", Self.adultWithNulls)
        let few: [[SlicePredicate]] = [
            [SlicePredicate(column: "sex", op: "==", value: "\"Female\"")],
            [SlicePredicate(column: "age", op: ">=", value: "30"), SlicePredicate(column: "age", op: "<", value: "40")],
            [SlicePredicate(column: "workclass", op: "is", value: "null")],
            [SlicePredicate(column: "relationship", op: "==", value: "\"Husband\""),
             SlicePredicate(column: "hours_per_week", op: ">=", value: "50")],
        ]
        // Past 62 slices their bits take a second number: overlapping ages, each with a sex.
        let many = (0..<70).map { start in
            [SlicePredicate(column: "age", op: ">=", value: "\(17 + start)"),
             SlicePredicate(column: "sex", op: "==", value: start % 2 == 0 ? "\"Male\"" : "\"Female\"")]
        }
        let slices = few + many
        let filter = "split == \"test\""
        let measured = try source.measure(slices, where: filter, task: try source.sliceTask(positiveClass: nil))
        let evaluator = try SliceEvaluator(dataset: adult, roles: roles)
        let rows = try MemorySource(dataset: adult, roles: roles).rows(where: filter)
        expectSame(measured.overall, evaluator.metrics(of: rows, filteredCount: rows.count),
                   metrics: evaluator.availableMetrics, "all rows")
        #expect(measured.slices.count == slices.count)
        for (predicates, metrics) in zip(slices, measured.slices) {
            let sliceRows = try SliceReport.rows(matching: predicates, dataset: adult, filter: rows)
            expectSame(metrics, evaluator.metrics(of: sliceRows, filteredCount: rows.count), metrics: evaluator.availableMetrics,
                       SliceReport.expression(predicates))
        }
    }

    @Test func timesAndQuantilesAreRefusedClearly() throws {
        let (source, _, _) = try sources("adult", AdultFixture.dataset)
        let task = try source.sliceTask(positiveClass: nil)
        #expect(throws: TuttiError.self) { try source.groupedSlices(by: ["age"], binning: .quantiles(4), where: "", task: task) }
        #expect(throws: TuttiError.self) { try source.groupedSlices(by: ["nowhere"], binning: .equalWidth(4), where: "", task: task) }
    }
}
