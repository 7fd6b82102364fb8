import Testing
@testable import TuttiCore

@Suite struct ConfusionGroupTests {
    @Test func perGroupCountsMatchCountsOverEachGroup() throws {
        let labels = try ColumnBinning(dataset: adult, column: "label", bins: 12)
        let predictions = try ColumnBinning(dataset: adult, column: "prediction", bins: 12)
        let filter = try FilterExpression("age >= 30", dataset: adult).evaluate(adult)
        let selection = try FilterExpression("sex == \"Female\"", dataset: adult).evaluate(adult)
        let split = try GroupSplit(dataset: adult, column: "split", filter: filter)
        let grouped = ConfusionCounts.grouped(labels: labels, predictions: predictions, by: split.feature, filter: filter,
                                              selection: selection)
        #expect(grouped.count == split.feature.valueCount)
        #expect(split.groups.count == 2)
        for group in split.groups {
            let alone = ConfusionCounts(labels: labels, predictions: predictions, filter: group.rows, selection: selection)
            #expect(grouped[group.value] == alone)
            #expect(alone.filtered.joined().reduce(0, +) == group.rows.count)
        }
        let whole = ConfusionCounts(labels: labels, predictions: predictions, filter: filter, selection: selection)
        for l in 0...labels.binCount {
            for p in 0...predictions.binCount {
                #expect(grouped.reduce(0) { $0 + $1.filtered[l][p] } == whole.filtered[l][p])
                #expect(grouped.reduce(0) { $0 + $1.selected[l][p] } == whole.selected[l][p])
            }
        }
    }

    @Test func rowsInNoGroupAreNotCounted() throws {
        let dataset = makeDataset([
            "label": .integers([0, 1, 1, 0, 1]), "prediction": .integers([0, 1, 0, 0, 1]), "g": .floats([1, .nan, 2, 1, 2]),
        ])
        let labels = try ColumnBinning(dataset: dataset, column: "label", bins: 12)
        let predictions = try ColumnBinning(dataset: dataset, column: "prediction", bins: 12)
        let all = RowSet(rowCount: 5, allSet: true)
        let split = try GroupSplit(dataset: dataset, column: "g", filter: all)
        let grouped = ConfusionCounts.grouped(labels: labels, predictions: predictions, by: split.feature, filter: all,
                                              selection: nil)
        #expect(split.groups.map(\.rows.members) == [[0, 3], [2, 4]])
        #expect(grouped.reduce(0) { $0 + $1.filtered.joined().reduce(0, +) } == 4)
    }
}
