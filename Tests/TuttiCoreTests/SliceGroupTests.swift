import Foundation
import Testing
@testable import TuttiCore

@Suite struct SliceGroupTests {
    /// A random table with every kind of column that can be sliced, missing cells included.
    static func table(seed: Int, rows: Int) -> Dataset {
        var random = ExpressionRandom(seed: UInt64(seed))
        func maybe<T>(_ value: T) -> T? { Int.random(in: 0..<8, using: &random) == 0 ? nil : value }
        let fruit = ["apple", "pear", "fig \"dried\"", "kiwi\\lime"]
        return makeDataset([
            "small": .integers((0..<rows).map { _ in maybe(Int64.random(in: -2...4, using: &random)) }),
            "wide": .integers((0..<rows).map { _ in maybe(Int64.random(in: -1000...250_000, using: &random)) }),
            "ratio": .floats((0..<rows).map { _ in maybe(Double.random(in: -0.3...0.7, using: &random)) }),
            "fruit": .categorical((0..<rows).map { _ in maybe(fruit.randomElement(using: &random)!) }),
            "flag": .booleans((0..<rows).map { _ in maybe(Bool.random(using: &random)) }),
            "label": .integers((0..<rows).map { _ in Int64.random(in: 0...1, using: &random) }),
            "prediction": .integers((0..<rows).map { _ in Int64.random(in: 0...1, using: &random) }),
        ])
    }

    static let groupings: [[String]] = [["small"], ["wide"], ["ratio"], ["fruit"], ["flag"], ["ratio", "fruit"],
                                        ["small", "flag", "wide"], ["fruit", "ratio", "flag"]]

    @Test(arguments: 0..<8)
    func predicatesReselectTheSameRows(seed: Int) throws {
        let dataset = Self.table(seed: seed, rows: 50 + seed * 97)
        let filter = try FilterExpression(seed % 2 == 0 ? "" : "label == 1 or small > 0", dataset: dataset).evaluate(dataset)
        for binning in [SliceBinning.equalWidth(10), .equalWidth(3), .quantiles(4), .quantiles(7)] {
            for columns in Self.groupings {
                let groups = try SliceGroups(dataset: dataset, columns: columns, binning: binning, filter: filter)
                var covered = RowSet(rowCount: dataset.rowCount)
                for index in groups.slices.indices {
                    let rows = groups.rows(of: index)
                    #expect(!rows.isEmpty)
                    #expect(rows.subtracting(filter).isEmpty)
                    #expect(covered.intersectionCount(rows) == 0)
                    covered = covered.union(rows)
                    let predicates = groups.slices[index]
                    let again = try SliceReport.rows(matching: predicates, dataset: dataset, filter: filter)
                    #expect(again == rows, "\(binning) \(columns): \(SliceReport.expression(predicates))")
                }
                // Every filtered row is in exactly one slice.
                #expect(covered == filter, "\(binning) \(columns)")
            }
        }
    }

    @Test func predicatesAreReadable() throws {
        let dataset = makeDataset(["n": .integers([1, 2, 3, 3, nil]), "x": .floats([0.5, 1.5, 2, 9.5, 3]),
                                   "c": .categorical(["a \"q\"", "b", nil, "b", "a \"q\""]),
                                   "hours per week": .integers([10, 20, 30, 40, 50])])
        let all = RowSet(rowCount: 5, allSet: true)
        let byCount = try SliceGroups(dataset: dataset, columns: ["n"], binning: .equalWidth(10), filter: all)
        #expect(byCount.slices.map { $0.map(\.value) } == [["1"], ["2"], ["3"], ["null"]])
        #expect(byCount.slices[0] == [SlicePredicate(column: "n", op: "==", value: "1")])
        let byX = try SliceGroups(dataset: dataset, columns: ["x"], binning: .equalWidth(5), filter: all)
        // The first bin has no lower bound and the last no upper bound: nothing lies beyond them.
        #expect(byX.slices.first == [SlicePredicate(column: "x", op: "<", value: "2")])
        #expect(byX.slices[1] == [SlicePredicate(column: "x", op: ">=", value: "2"), SlicePredicate(column: "x", op: "<", value: "4")])
        #expect(byX.slices.last == [SlicePredicate(column: "x", op: ">=", value: "8")])
        let byC = try SliceGroups(dataset: dataset, columns: ["c"], binning: .equalWidth(10), filter: all)
        #expect(byC.slices.map { $0[0].value } == ["\"a \\\"q\\\"\"", "\"b\"", "null"])
        let quantiles = try SliceGroups(dataset: dataset, columns: ["n"], binning: .quantiles(2), filter: all)
        #expect(quantiles.slices.map { $0.map { "\($0.op) \($0.value)" } } == [["< 3"], ["== 3"], ["is null"]])
        let spaced = try SliceGroups(dataset: dataset, columns: ["hours per week", "c"], binning: .quantiles(2), filter: all)
        #expect(SliceReport.expression(spaced.slices[0]) == "`hours per week` < 30 and c == \"a \\\"q\\\"\"")
    }

    @Test func quantileBinsHoldAboutEqualRows() throws {
        let dataset = makeDataset(["x": .floats((0..<1000).map { Double($0 * $0) })])
        let groups = try SliceGroups(dataset: dataset, columns: ["x"], binning: .quantiles(4),
                                     filter: RowSet(rowCount: 1000, allSet: true))
        #expect((0..<4).map { groups.rows(of: $0).count } == [250, 250, 250, 250])
    }

    @Test func badGroupings() throws {
        let dataset = Self.table(seed: 1, rows: 20)
        let all = RowSet(rowCount: 20, allSet: true)
        #expect(throws: TuttiError.self) { try SliceGroups(dataset: dataset, columns: [], binning: .equalWidth(10), filter: all) }
        #expect(throws: TuttiError.self) {
            try SliceGroups(dataset: dataset, columns: ["small", "wide", "ratio", "flag"], binning: .equalWidth(10), filter: all)
        }
        #expect(throws: TuttiError.self) { try SliceGroups(dataset: dataset, columns: ["flag", "flag"], binning: .equalWidth(10), filter: all) }
        #expect(throws: TuttiError.unknownColumn("frut", suggestion: "fruit")) {
            try SliceGroups(dataset: dataset, columns: ["frut"], binning: .equalWidth(10), filter: all)
        }
        let text = makeDataset(["t": .text(["a", "b"])])
        #expect(throws: TuttiError.self) {
            try SliceGroups(dataset: text, columns: ["t"], binning: .equalWidth(10), filter: RowSet(rowCount: 2, allSet: true))
        }
    }

    @Test func adultTestSplitBySex() throws {
        let filter = try FilterExpression("split == \"test\"", dataset: adult).evaluate(adult)
        let roles = ColumnRoles.infer(from: adult)
        let evaluator = try SliceEvaluator(dataset: adult, roles: roles)
        var report = try SliceReport.grouped(dataset: adult, evaluator: evaluator, columns: ["sex"],
                                             binning: .equalWidth(10), filter: filter)
        report.sort(by: .error)
        #expect(report.overall.size == 16_281)
        #expect(report.entries.map(\.expression) == ["sex == \"Male\"", "sex == \"Female\""])
        let male = report.entries[0].metrics, female = report.entries[1].metrics
        #expect(male.size == 10_860 && female.size == 5_421)
        #expect(abs(male.value(.error)! - 0.1619) < 0.00005)
        #expect(abs(female.value(.error)! - 0.0614) < 0.00005)
        #expect(abs(male.gap(.error, to: report.overall)! - (male.value(.error)! - report.overall.value(.error)!)) < 1e-12)
        let interval = try #require(female.interval(.error))
        #expect(interval.lower < 0.0614 && interval.upper > 0.0614 && interval.upper - interval.lower < 0.02)
        #expect(try SliceReport.rows(matching: report.entries[1].predicates, dataset: adult, filter: filter).count == 5_421)
    }
}

