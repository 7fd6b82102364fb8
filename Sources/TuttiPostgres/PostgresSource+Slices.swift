import TuttiCore

extension PostgresSource {
    /// The task the roles make (classes, positive class, regression), decided as in memory from
    /// the engine's answers: the label's first distinct values (is it a regression?), then the
    /// (label, prediction) pairs with their counts, or a regression's mean label.
    public func sliceTask(positiveClass: String?) throws -> EngineSliceTask {
        let role = { (role: ColumnRole) throws -> SQLColumn? in try self.roles[role].map(self.column(named:)) }
        let columns = EngineSliceTask.RoleColumns(label: try role(.label), prediction: try role(.prediction),
                                              score: try role(.score), loss: try role(.loss))
        var labelValues: [String] = [], pairs: [GroupCount] = [], center: Double?
        if columns.mayBeRegression, let label = columns.label {
            let name = try connection.identifier(label.name)
            let rows = try connection.select("SELECT \(name) FROM \(relation) WHERE \(name) IS NOT NULL GROUP BY \(name) "
                                             + "LIMIT \(RegressionTask.minimumDistinctLabels + 2)")
            labelValues = (0..<rows.count).compactMap { rows.text($0, 0).map { PostgresValues.text($0, kind: label.kind) } }
        }
        if let label = columns.label, let prediction = columns.prediction {
            if EngineSliceTask.isRegression(columns, labelValues: labelValues) {
                let l = try connection.identifier(label.name), p = try connection.identifier(prediction.name)
                let rows = try connection.select("SELECT SUM(CAST(\(l) AS DOUBLE PRECISION)), COUNT(*) FROM \(relation) "
                                                 + "WHERE \(l) IS NOT NULL AND \(p) IS NOT NULL")
                let count = rows.integer(0, 1) ?? 0
                center = count > 0 ? (rows.double(0, 0) ?? 0) / Double(count) : 0
            } else {
                pairs = try groupCounts(by: [label.name, prediction.name], where: "")
            }
        }
        return try EngineSliceTask(columns: columns, labelValues: labelValues, pairs: pairs, center: center,
                                   positiveClass: positiveClass)
    }

    /// Slices of the rows passing `filter` by the columns `names` (1 to 3), every non-empty
    /// combination of their values one slice in value order, with their metrics for `task`:
    /// one `GROUP BY` over the slices' values (numbers put in bins by the slices' own
    /// conditions), the pair and the score's calibration bin, whose groups also add up to the
    /// metrics of all rows.
    public func groupedSlices(by names: [String], binning: SliceBinning, where filter: String,
                              task: EngineSliceTask) throws -> SliceReport {
        guard (1...SliceGroups.maxColumns).contains(names.count) else {
            throw TuttiError("slices group by 1 to \(SliceGroups.maxColumns) columns, not \(names.count)")
        }
        guard Set(names).count == names.count else { throw TuttiError("a column is named twice in the grouping") }
        let cut = try names.map { try sliceColumn($0, binning: binning) }
        let keys = try cut.map { column -> String in
            let name = try connection.identifier(column.column.name)
            guard column.isBinned else { return name }
            let branches = try column.predicates.enumerated().map { value, predicates in
                "WHEN \(try conditionOf(predicates)) THEN \(value)"
            }
            return "CASE \(branches.joined(separator: " ")) END"
        }
        let condition = try compiled(filter).condition
        // The values of each column of a group's keys, nil where a row is in no value.
        let valuesOf = { (texts: [String?]) -> [Int]? in
            var values: [Int] = []
            for (column, text) in zip(cut, texts) {
                let value: Int?
                if column.isBinned {
                    value = text.flatMap { Int($0) }
                } else {
                    value = text.map { column.valueOfText[PostgresValues.text($0, kind: column.column.kind)] } ?? column.missingValue
                }
                guard let value else { return nil }
                values.append(value)
            }
            return values
        }
        var sliceOfValues: [[Int]: Int] = [:]
        let counted = try sliceGroups(task: task, keys: keys, condition: condition)
        let combinations = Set(counted.compactMap { valuesOf($0.keys) }).sorted { $0.lexicographicallyPrecedes($1) }
        for (slice, values) in combinations.enumerated() { sliceOfValues[values] = slice }
        // Every group counts in all rows (the slice past the last), and in its slice if it has one.
        let all = combinations.count
        let groups = counted.flatMap { entry in
            [entry.group.moved(to: all)] + (valuesOf(entry.keys).flatMap { sliceOfValues[$0] }.map { [entry.group.moved(to: $0)] } ?? [])
        }
        let filtered = counted.reduce(0) { $0 + $1.group.count }
        let metrics = try EngineSliceTally(task: task).metrics(groups, sliceCount: all + 1, filteredCount: filtered)
        let slices = zip(combinations, metrics).map { values, metrics in
            (predicates: zip(cut, values).flatMap { $0.predicates[$1] }, metrics: metrics, score: Double?.none)
        }
        return SliceReport.measured(overall: metrics[all], slices: slices)
    }

    /// The exact metrics for `task` of the rows passing `filter` and of each slice of `slices`
    /// (their predicates, as found on a sample), in one `GROUP BY` with one `CASE` per slice,
    /// the slices a row is in packed as bits into a few numbers.
    public func measure(_ slices: [[SlicePredicate]], where filter: String,
                        task: EngineSliceTask) throws -> (overall: SliceMetrics, slices: [SliceMetrics]) {
        // Each row's slices as bits of a few numbers (`sliceBits` slices each): the engine hashes
        // one number per `sliceBits` slices instead of one column per slice.
        let conditions = try slices.map(conditionOf)
        let keys = stride(from: 0, to: conditions.count, by: Self.sliceBits).map { first in
            conditions[first..<min(first + Self.sliceBits, conditions.count)].enumerated().map { bit, condition in
                "CASE WHEN \(condition) THEN CAST(\(1 << bit) AS BIGINT) ELSE 0 END"
            }.joined(separator: " + ")
        }
        let counted = try sliceGroups(task: task, keys: keys, condition: try compiled(filter).condition)
        // Every group counts in all rows (the slice past the last), and in each slice it is in.
        let groups = try counted.flatMap { entry in
            let words = try entry.keys.map { text in
                guard let word = text.flatMap({ Int($0) }) else { throw TuttiError("the database sent a slice key that is not a number") }
                return word
            }
            let members = slices.indices.filter { words[$0 / Self.sliceBits] >> ($0 % Self.sliceBits) & 1 == 1 }
            return (members + [slices.count]).map { entry.group.moved(to: $0) }
        }
        let filtered = counted.reduce(0) { $0 + $1.group.count }
        let metrics = try EngineSliceTally(task: task).metrics(groups, sliceCount: slices.count + 1, filteredCount: filtered)
        return (metrics[slices.count], Array(metrics.prefix(slices.count)))
    }

    /// Slices per number of a row's slice bits in `measure` (a `BIGINT` holds 63 bits).
    static let sliceBits = 62

    /// The column `name` cut for slices, from its distinct values (categories, booleans) or its
    /// finite minimum and maximum (numbers) over the whole table.
    private func sliceColumn(_ name: String, binning: SliceBinning) throws -> EngineSliceColumn {
        let column = try column(named: name)
        let quoted = try connection.identifier(column.name)
        let counts = try connection.select("SELECT COUNT(*), COUNT(\(quoted)) FROM \(relation)")
        let rows = counts.integer(0, 0) ?? 0, present = counts.integer(0, 1) ?? 0
        var values: [String] = []
        switch column.kind {
        case .integer, .float:
            let finite = "CASE WHEN \(quoted) - \(quoted) = 0 THEN \(quoted) END"
            let range = try connection.select("SELECT MIN(\(finite)), MAX(\(finite)) FROM \(relation)")
            values = [range.text(0, 0), range.text(0, 1)].compactMap { $0.map { PostgresValues.text($0, kind: column.kind) } }
        case .datetime:
            break
        default:
            let limit = EngineSliceColumn.categoryLimit + 1
            let distinct = try connection.select("SELECT \(quoted) FROM \(relation) WHERE \(quoted) IS NOT NULL "
                                                 + "GROUP BY \(quoted) LIMIT \(limit)")
            values = (0..<distinct.count).compactMap { distinct.text($0, 0).map { PostgresValues.text($0, kind: column.kind) } }
        }
        return try EngineSliceColumn(column: column, values: values, hasMissing: present < rows, presentRows: present,
                                     binning: binning)
    }

    /// The SQL condition of a slice's predicates (their filter expression, compiled).
    private func conditionOf(_ predicates: [SlicePredicate]) throws -> String {
        try compiled(SliceReport.expression(predicates)).condition ?? "1 = 1"
    }

    /// The rows passing `condition` grouped by `keys`, the (label, prediction) pair and the
    /// score's calibration bin, as the task needs them: per group its keys' texts and its counts
    /// and sums (in slice 0).
    private func sliceGroups(task: EngineSliceTask, keys: [String],
                             condition: String?) throws -> [(keys: [String?], group: EngineSliceTally.PairCounts)] {
        let evaluator = task.evaluator
        let role = { (role: ColumnRole) throws -> SQLColumn? in try self.roles[role].map(self.column(named:)) }
        let label = try role(.label), prediction = try role(.prediction)
        let score = evaluator.availableMetrics.contains(.meanScore) ? try role(.score) : nil
        let loss = evaluator.availableMetrics.contains(.meanLoss) ? try role(.loss) : nil
        var inner = keys.enumerated().map { "\($1) AS tutti_k\($0)" }
        var grouped = keys.indices.map { "tutti_k\($0)" }
        let classes = evaluator.classes != nil
        if classes, let label, let prediction {
            inner += ["\(try connection.identifier(label.name)) AS tutti_label",
                      "\(try connection.identifier(prediction.name)) AS tutti_prediction"]
            grouped += ["tutti_label", "tutti_prediction"]
        }
        let number = { (column: SQLColumn) throws -> String in
            let name = try self.connection.identifier(column.name)
            return column.kind == .boolean ? "CASE WHEN \(name) THEN \(SQLFilter.double(1)) WHEN NOT \(name) THEN \(SQLFilter.double(0)) END"
                                           : "CAST(\(name) AS DOUBLE PRECISION)"
        }
        let calibrates = score != nil && evaluator.classes?.isBinary == true
        if let score {
            let value = try number(score)
            inner.append("\(value) AS tutti_score")
            if calibrates {
                let branches = (1..<CalibrationBins.binCount).reversed().map {
                    "WHEN \(value) * \(SQLFilter.double(Double(CalibrationBins.binCount))) >= \($0) THEN \($0)"
                }
                inner.append("CASE WHEN \(value) IS NULL THEN NULL \(branches.joined(separator: " ")) ELSE 0 END AS tutti_bin")
                grouped.append("tutti_bin")
            }
        }
        if let loss { inner.append("\(try number(loss)) AS tutti_loss") }
        let center = task.regressionCenter
        if let center, let label, let prediction {
            let l = try number(label), p = try number(prediction)
            inner += ["\(p) - \(l) AS tutti_error",
                      "CASE WHEN \(p) IS NOT NULL THEN \(l) - \(SQLFilter.double(center)) END AS tutti_centered"]
        }
        var outer = grouped + ["COUNT(*)"]
        outer += score != nil ? ["COUNT(tutti_score)", "SUM(tutti_score)"] : ["0", "0"]
        outer += loss != nil ? ["COUNT(tutti_loss)", "SUM(tutti_loss)"] : ["0", "0"]
        if center != nil {
            outer += ["COUNT(tutti_error)", "SUM(ABS(tutti_error))", "SUM(tutti_error * tutti_error)", "SUM(tutti_error)",
                      "SUM(tutti_centered)", "SUM(tutti_centered * tutti_centered)"]
        }
        if inner.isEmpty { inner.append("1 AS tutti_one") }
        let sql = "SELECT \(outer.joined(separator: ", ")) FROM (SELECT \(inner.joined(separator: ", ")) FROM \(relation)"
            + (condition.map { " WHERE \($0)" } ?? "") + ") AS tutti_slices"
            + (grouped.isEmpty ? "" : " GROUP BY \(grouped.joined(separator: ", "))")
        let rows = try connection.select(sql)
        let first = grouped.count
        return (0..<rows.count).map { row in
            let keyTexts = keys.indices.map { rows.text(row, $0) }
            var pair: [String?] = []
            if classes, let label, let prediction {
                pair = [rows.text(row, keys.count).map { PostgresValues.text($0, kind: label.kind) },
                        rows.text(row, keys.count + 1).map { PostgresValues.text($0, kind: prediction.kind) }]
            }
            let bin = calibrates ? rows.integer(row, first - 1) : nil
            let regression = center == nil ? [] : (0..<6).map { rows.double(row, first + 5 + $0) ?? 0 }
            return (keyTexts, EngineSliceTally.PairCounts(
                slice: 0, pair: pair, scoreBin: bin, count: rows.integer(row, first) ?? 0,
                scoreCount: rows.integer(row, first + 1) ?? 0, scoreSum: rows.double(row, first + 2) ?? 0,
                lossCount: rows.integer(row, first + 3) ?? 0, lossSum: rows.double(row, first + 4) ?? 0,
                regression: regression))
        }
    }
}
