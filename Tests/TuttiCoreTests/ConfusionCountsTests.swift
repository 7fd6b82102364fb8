import Testing
@testable import TuttiCore

@Suite struct ConfusionCountsTests {
    @Test func countsMatchBruteForceAndCellsReselectByExpression() throws {
        let labels = try ColumnBinning(dataset: adult, column: "label", bins: 12)
        let predictions = try ColumnBinning(dataset: adult, column: "prediction", bins: 12)
        let test = try FilterExpression("split == \"test\"", dataset: adult).evaluate(adult)
        let selection = try FilterExpression("sex == \"Female\"", dataset: adult).evaluate(adult)
        let counts = ConfusionCounts(labels: labels, predictions: predictions, filter: test, selection: selection)
        #expect(counts.labels.labels == ["0", "1"])
        let total = counts.filtered.flatMap { $0 }.reduce(0, +)
        #expect(total == 16_281)
        // Test accuracy 0.8716 (shared/data/README.md): the diagonal holds 87.16% of the test rows.
        let correct = counts.filtered[0][0] + counts.filtered[1][1]
        #expect(abs(Double(correct) / Double(total) - 0.8716) < 0.00005)
        let label = adult.column(named: "label")!, prediction = adult.column(named: "prediction")!
        var female = 0
        for row in 0..<adult.rowCount where test.contains(row) && selection.contains(row)
            && label.number(at: row) == 1 && prediction.number(at: row) == 0 {
            female += 1
        }
        #expect(counts.selected[1][0] == female)
        let text = counts.predicates(label: 1, prediction: 0).map { "\($0.column) \($0.op) \($0.value)" }.joined(separator: " and ")
        #expect(text == "label == 1 and prediction == 0")
        #expect(try FilterExpression(text, dataset: adult).evaluate(adult) == counts.rows(label: 1, prediction: 0))
    }

    @Test func categoricalCellsUseStringLiterals() throws {
        let income = try ColumnBinning(dataset: adult, column: "income", bins: 12)
        let sex = try ColumnBinning(dataset: adult, column: "sex", bins: 12)
        let counts = ConfusionCounts(labels: income, predictions: sex, filter: RowSet(rowCount: adult.rowCount, allSet: true),
                                     selection: nil)
        let predicates = counts.predicates(label: 0, prediction: 1)
        let text = predicates.map { "\($0.column) \($0.op) \($0.value)" }.joined(separator: " and ")
        #expect(try FilterExpression(text, dataset: adult).evaluate(adult) == counts.rows(label: 0, prediction: 1))
    }
}
