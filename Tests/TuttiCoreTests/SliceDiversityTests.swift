import Foundation
import Testing
@testable import TuttiCore

/// The diverse ordering of found slices, bins open at the column's ends, and the groups as
/// slices when nothing is left to search.
@Suite struct SliceDiversityTests {
    /// The share of `rows` that lies in `other`.
    static func overlap(_ rows: RowSet, _ other: RowSet) -> Double {
        Double(rows.intersection(other).count) / Double(rows.count)
    }

    @Test func adultDiverseSlicesAreNotVariantsOfABetterOne() throws {
        let roles = ColumnRoles.infer(from: adult)
        let evaluator = try SliceEvaluator(dataset: adult, roles: roles)
        let filter = RowSet(rowCount: adult.rowCount, allSet: true)
        func rows(_ report: SliceReport) throws -> [RowSet] {
            try report.entries.map { try SliceReport.rows(matching: $0.predicates, dataset: adult, filter: filter) }
        }
        let all = try SliceReport.discovered(dataset: adult, roles: roles, evaluator: evaluator, objective: .error,
                                             ordering: .all, filter: filter)
        let allRows = try rows(all)
        // Every slice SliceLine ranks: the second is mostly the first's rows.
        #expect(all.entries.count == 10)
        #expect(Self.overlap(allRows[1], allRows[0]) > SliceOrdering.maxOverlap)
        #expect(all.skippedSimilar == 0)

        let diverse = try SliceReport.discovered(dataset: adult, roles: roles, evaluator: evaluator, objective: .error,
                                                 filter: filter)
        let diverseRows = try rows(diverse)
        #expect(diverse.entries.first == all.entries.first)
        #expect(diverse.entries.count >= 3 && diverse.entries.count <= 10)
        #expect(diverse.skippedSimilar > 0)
        for (index, slice) in diverseRows.enumerated() {
            for better in diverseRows[..<index] { #expect(Self.overlap(slice, better) <= SliceOrdering.maxOverlap) }
        }
        // Scores keep SliceLine's order.
        let scores = diverse.entries.compactMap(\.score)
        #expect(scores == scores.sorted(by: >))
    }

    @Test func diverseKeepsTheFirstOfOverlappingSlices() {
        let a = RowSet(rowCount: 100, rows: Array(0..<50)), b = RowSet(rowCount: 100, rows: Array(0..<46))
        let c = RowSet(rowCount: 100, rows: Array(40..<90)), d = RowSet(rowCount: 100, rows: Array(0..<44) + [95, 96, 97, 98, 99])
        // b is 100% inside a; c overlaps a by 20%; d by 44 of 49, 89.8%.
        #expect(SliceOrdering.diverse([a, b, c, d], limit: 10) == [0, 2, 3])
        #expect(SliceOrdering.diverse([a, b, c, d], limit: 2) == [0, 2])
    }

    @Test func binsAreOpenAtTheColumnsEnds() throws {
        let values: [Double?] = [-.infinity, 0.5, 3, 9.5, .infinity, .nan, nil, 2]
        let dataset = makeDataset(["x": .floats(values)])
        let all = RowSet(rowCount: values.count, allSet: true)
        let groups = try SliceGroups(dataset: dataset, columns: ["x"], binning: .equalWidth(5), filter: all)
        let expressions = groups.slices.map(SliceReport.expression)
        #expect(expressions.first == "x < 2")
        #expect(expressions.dropLast().last == "x >= 8")
        #expect(expressions.last == "x is null")
        // −∞ is in the first bin, +∞ in the last, NaN in none; each expression reselects its rows.
        #expect(groups.rows(of: 0).members == [0, 1])
        #expect(groups.rows(of: groups.slices.count - 2).members == [3, 4])
        #expect(!(0..<groups.slices.count).contains { groups.rows(of: $0).contains(5) })
        for index in groups.slices.indices {
            let selected = try SliceReport.rows(matching: groups.slices[index], dataset: dataset, filter: all)
            #expect(selected == groups.rows(of: index), "\(expressions[index])")
        }
    }

    @Test func theGroupsAreTheSlicesWhenNothingIsLeftToSearch() throws {
        let csv = "split,label,prediction\n" + (0..<40).map { i in
            i < 20 ? "train,1,\(i % 10 == 0 ? 0 : 1)" : "test,1,\(i % 2)"
        }.joined(separator: "\n")
        let dataset = try load(csv).dataset
        let state = ExplorerState(dataset: dataset, roles: .infer(from: dataset))
        let ungrouped = try SliceSections.compute(state: state, options: SliceSectionOptions())
        #expect(ungrouped.nothingToSearch && ungrouped.sections.isEmpty && !ungrouped.isSearch)

        let grouped = try SliceSections.compute(state: try Explorer.reduce(state, .setGroupColumns(["split"])).0,
                                                options: SliceSectionOptions())
        #expect(grouped.nothingToSearch && !grouped.isHeaded && !grouped.isSearch)
        #expect(grouped.sections.count == 1)
        let slices = grouped.slices.map { ($0.entry.expression, $0.entry.metrics.size, $0.entry.metrics.value(.error)) }
        #expect(slices.map(\.0) == ["split == \"test\"", "split == \"train\""])
        #expect(slices.map(\.1) == [20, 20])
        #expect(slices.map(\.2) == [0.5, 0.1])
    }
}
