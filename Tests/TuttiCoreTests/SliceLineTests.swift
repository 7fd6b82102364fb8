import Foundation
import Synchronization
import Testing
@testable import TuttiCore

@Suite struct SliceLineTests {
    /// Rows with a = 1 and b = 2 are wrong 80% of the time, the rest 5%.
    static func planted(rows: Int = 4000) -> (Dataset, SliceErrors) {
        var random = ExpressionRandom(seed: 7)
        let a = (0..<rows).map { _ in Int64.random(in: 0...4, using: &random) }
        let b = (0..<rows).map { _ in Int64.random(in: 0...4, using: &random) }
        let c = (0..<rows).map { _ in ["x", "y", "z"].randomElement(using: &random) }
        let d = (0..<rows).map { _ in Double.random(in: 0..<100, using: &random) }
        let wrong = (0..<rows).filter { row in
            Double.random(in: 0..<1, using: &random) < (a[row] == 1 && b[row] == 2 ? 0.8 : 0.05)
        }
        let dataset = makeDataset(["a": .integers(a), "b": .integers(b), "c": .categorical(c), "d": .floats(d)])
        return (dataset, .binary(RowSet(rowCount: rows, rows: wrong)))
    }

    static func features(_ dataset: Dataset, binning: SliceBinning = .equalWidth(10)) throws -> [SliceFeature] {
        let all = RowSet(rowCount: dataset.rowCount, allSet: true)
        return try dataset.columnNames.map { try SliceFeature(dataset: dataset, column: $0, binning: binning, rows: all) }
    }

    @Test func findsThePlantedSlice() throws {
        let (dataset, errors) = Self.planted()
        let all = RowSet(rowCount: dataset.rowCount, allSet: true)
        let result = try SliceLine.run(features: Self.features(dataset), rows: all, errors: errors, options: SliceLineOptions())
        let best = try #require(result.slices.first)
        #expect(SliceReport.expression(best.predicates) == "a == 1 and b == 2")
        #expect(best.level == 2)
        #expect(best.averageError > 0.7)
        #expect(result.minimumSupport == 40)
        #expect(result.slices.count == 10)
        #expect(zip(result.slices, result.slices.dropFirst()).allSatisfy { $0.score >= $1.score })
        let rows = result.rows(of: best, within: all)
        #expect(rows.count == best.size)
        #expect(try SliceReport.rows(matching: best.predicates, dataset: dataset, filter: all) == rows)
    }

    @Test(arguments: 0..<16)
    func equalsExhaustiveSearch(seed: Int) throws {
        var random = ExpressionRandom(seed: UInt64(1000 + seed))
        let rows = Int.random(in: 50...600, using: &random)
        let columnCount = Int.random(in: 2...5, using: &random)
        var columns: [(String, TestColumn)] = []
        for index in 0..<columnCount {
            let values = Int64.random(in: 2...5, using: &random)
            columns.append(("f\(index)", .integers((0..<rows).map { _ in
                Int.random(in: 0..<12, using: &random) == 0 ? nil : Int64.random(in: 0..<values, using: &random)
            })))
        }
        // A copy of a column: slices joining both have the rows of a parent.
        if seed % 3 == 0, case .integers(let copied) = columns[0].1 { columns.append(("copy", .integers(copied))) }
        let dataset = Dataset(source: "test", rowCount: rows, columns: columns.map { $0.1.column(named: $0.0) })
        let errors: SliceErrors
        if seed % 2 == 0 {
            errors = .binary(RowSet(rowCount: rows, rows: (0..<rows).filter { _ in Int.random(in: 0..<4, using: &random) == 0 }))
        } else {
            errors = .values((0..<rows).map { _ in Int.random(in: 0..<3, using: &random) == 0 ? 0 : Double.random(in: 0...2, using: &random) })
        }
        let universe = RowSet(rowCount: rows, rows: (0..<rows).filter { _ in Int.random(in: 0..<10, using: &random) > 0 })
        let options = SliceLineOptions(alpha: [0.95, 0.8, 0.5, 1][seed % 4], minimumSupport: Int.random(in: 3...20, using: &random),
                                       maxLevel: Int.random(in: 1...4, using: &random), count: Int.random(in: 1...12, using: &random))
        let features = try Self.features(dataset)
        let result = try SliceLine.run(features: features, rows: universe, errors: errors, options: options)
        let expected = ExhaustiveSlices(features: features, rows: universe, errors: errors, options: options).top()
        #expect(result.slices.map(\.predicates) == expected.map(\.predicates), "seed \(seed)")
        for (found, reference) in zip(result.slices, expected) {
            #expect(found.size == reference.size)
            #expect(abs(found.score - reference.score) < 1e-9)
            #expect(abs(found.errorSum - reference.errorSum) < 1e-9)
        }
    }

    @Test func aSliceWithItsParentsRowsIsReportedOnce() throws {
        let (dataset, errors) = Self.planted(rows: 2000)
        let a = try #require(dataset.column(named: "a"))
        let twin = Dataset(source: "twin", rowCount: dataset.rowCount,
                           columns: dataset.columns + [Column(name: "a2", data: a.data, validity: a.validity)])
        let all = RowSet(rowCount: twin.rowCount, allSet: true)
        let result = try SliceLine.run(features: Self.features(twin), rows: all, errors: errors, options: SliceLineOptions(count: 30))
        for slice in result.slices {
            let columns = Set(slice.predicates.map(\.column))
            #expect(!(columns.contains("a") && columns.contains("a2")), "\(SliceReport.expression(slice.predicates))")
        }
        let texts = result.slices.map { SliceReport.expression($0.predicates) }
        #expect(texts.contains("a == 1 and b == 2") && texts.contains("b == 2 and a2 == 1"))
    }

    @Test func cancellationAndProgress() throws {
        let (dataset, errors) = Self.planted()
        let all = RowSet(rowCount: dataset.rowCount, allSet: true)
        let flag = CancellationFlag()
        flag.cancel()
        #expect(throws: TuttiError.self) {
            try SliceLine.run(features: Self.features(dataset), rows: all, errors: errors, options: SliceLineOptions(),
                              work: WorkContext(cancellation: flag))
        }
        let seen = Mutex<[SliceLineProgress]>([])
        _ = try SliceLine.run(features: Self.features(dataset), rows: all, errors: errors, options: SliceLineOptions()) { progress in
            seen.withLock { $0.append(progress) }
        }
        let reports = seen.withLock { $0 }
        #expect(reports.first?.level == 1)
        #expect(Set(reports.map(\.level)) == [1, 2, 3])
        for level in 2...3 {
            let last = reports.filter { $0.level == level }.map(\.evaluated).max()
            #expect(last == reports.first { $0.level == level }?.candidates)
        }
    }

    @Test func edgeCases() throws {
        let (dataset, _) = Self.planted(rows: 300)
        let all = RowSet(rowCount: 300, allSet: true)
        let features = try Self.features(dataset)
        let none = try SliceLine.run(features: features, rows: all, errors: .binary(RowSet(rowCount: 300)), options: SliceLineOptions())
        #expect(none.slices.isEmpty && none.averageError == 0)
        let empty = try SliceLine.run(features: features, rows: RowSet(rowCount: 300), errors: .values([Double](repeating: 1, count: 300)),
                                      options: SliceLineOptions())
        #expect(empty.slices.isEmpty && empty.rowCount == 0)
        for bad in [SliceLineOptions(alpha: 0), SliceLineOptions(alpha: 1.5), SliceLineOptions(minimumSupport: 0),
                    SliceLineOptions(maxLevel: 0), SliceLineOptions(count: 0)] {
            #expect(throws: TuttiError.self) { try SliceLine.run(features: features, rows: all, errors: .binary(all), options: bad) }
        }
    }

    @Test func adultTopSliceReselectsItsRows() throws {
        let columns = ["age", "workclass", "fnlwgt", "education", "education_num", "marital_status", "occupation",
                       "relationship", "race", "sex", "capital_gain", "capital_loss", "hours_per_week", "native_country"]
        let roles = ColumnRoles.infer(from: adult)
        let evaluator = try SliceEvaluator(dataset: adult, roles: roles)
        let filter = RowSet(rowCount: adult.rowCount, allSet: true)
        let report = try SliceReport.discovered(dataset: adult, roles: roles, evaluator: evaluator, objective: .error,
                                                columns: columns, ordering: .all, filter: filter)
        let search = try #require(report.search)
        #expect(search.minimumSupport == 488)
        #expect(search.levels.map(\.level) == [1, 2, 3])
        #expect(report.entries.count == 10)
        let top = try #require(report.entries.first)
        let rows = try SliceReport.rows(matching: top.predicates, dataset: adult, filter: filter)
        #expect(rows.count == top.metrics.size)
        #expect(top.metrics.size == search.slices[0].size)
        #expect(top.metrics.value(.error)! > 2 * report.overall.value(.error)!)
        for entry in report.entries {
            #expect(try SliceReport.rows(matching: entry.predicates, dataset: adult, filter: filter).count == entry.metrics.size)
        }
        #expect(SliceSearchColumns(dataset: adult, roles: roles, rows: filter).searched == columns)
    }
}

/// Every slice up to the maximum level, scored one by one: the reference for SliceLine.
struct ExhaustiveSlices {
    let features: [SliceFeature]
    let rows: RowSet
    let errors: SliceErrors
    let options: SliceLineOptions

    struct Slice {
        let predicates: [SlicePredicate]
        let size: Int
        let errorSum: Double
        let score: Double
    }

    func top() -> [Slice] {
        let members = rows.members
        let n = members.count
        func error(_ row: Int) -> Double {
            switch errors {
            case .binary(let wrong): wrong.contains(row) ? 1 : 0
            case .values(let values): values[row]
            }
        }
        let total = members.reduce(0) { $0 + error($1) }
        guard n > 0, total > 0 else { return [] }
        let sigma = options.support(rows: n)
        let average = total / Double(n)
        var found: [Slice] = []
        func rowsOf(_ chosen: [(feature: Int, value: Int)]) -> [Int] {
            members.filter { row in chosen.allSatisfy { Int(features[$0.feature].codes[row]) == $0.value } }
        }
        func visit(_ chosen: [(feature: Int, value: Int)], from start: Int) {
            if !chosen.isEmpty {
                let inSlice = rowsOf(chosen)
                let size = inSlice.count
                // Sub-slices of a slice too small are too small.
                guard size >= sigma, size > 0 else { return }
                let parentSizes = chosen.indices.map { dropped in
                    rowsOf(chosen.enumerated().filter { $0.offset != dropped }.map(\.element)).count
                }
                let errorSum = inSlice.reduce(0) { $0 + error($1) }
                if size < parentSizes.min()! {
                    let score = options.alpha * (errorSum / Double(size) / average - 1)
                        - (1 - options.alpha) * (Double(n) / Double(size) - 1)
                    if score > 0 {
                        found.append(Slice(predicates: chosen.flatMap { features[$0.feature].predicates[$0.value] },
                                           size: size, errorSum: errorSum, score: score))
                    }
                }
            }
            guard chosen.count < options.maxLevel else { return }
            for feature in start..<features.count {
                for value in 0..<features[feature].valueCount {
                    visit(chosen + [(feature, value)], from: feature + 1)
                }
            }
        }
        visit([], from: 0)
        func text(_ slice: Slice) -> String {
            slice.predicates.map { "\($0.column) \($0.op) \($0.value)" }.joined(separator: " and ")
        }
        return Array(found.sorted { a, b in
            if a.score != b.score { return a.score > b.score }
            if a.size != b.size { return a.size > b.size }
            return text(a) < text(b)
        }.prefix(options.count))
    }
}
