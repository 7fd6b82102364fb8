import Foundation
import Testing
@testable import TuttiCore

/// Confident learning on data with planted label errors.
@Suite struct LabelIssuesTests {
    /// `rows` rows of `classes` classes whose model is right and fairly sure (the true class
    /// gets 0.55 to 0.95), with the labels of `flips` rows the model is very sure of (≥ 0.85)
    /// changed to another class. Returns the dataset columns and the flipped rows.
    static func planted(rows: Int, classes: Int, flips: Int, seed: UInt64)
        -> (labels: [String?], probabilities: [[Double]], flipped: Set<Int>) {
        var random = ExpressionRandom(seed: seed)
        var labels: [String?] = [], probabilities: [[Double]] = []
        for _ in 0..<rows {
            let truth = Int.random(in: 0..<classes, using: &random)
            let sure = Double.random(in: 0.55...0.95, using: &random)
            var rest = (0..<(classes - 1)).map { _ in Double.random(in: 0.1...1, using: &random) }
            let total = rest.reduce(0, +)
            rest = rest.map { $0 / total * (1 - sure) }
            var p = [Double](repeating: 0, count: classes)
            var other = 0
            for c in 0..<classes {
                if c == truth { p[c] = sure } else { p[c] = rest[other]; other += 1 }
            }
            labels.append("c\(truth)")
            probabilities.append(p)
        }
        let confident = (0..<rows).filter { probabilities[$0].max()! >= 0.85 }.shuffled(using: &random)
        var flipped = Set<Int>()
        for row in confident.prefix(flips) {
            let truth = Int(labels[row]!.dropFirst())!
            labels[row] = "c\((truth + Int.random(in: 1..<classes, using: &random)) % classes)"
            flipped.insert(row)
        }
        return (labels, probabilities, flipped)
    }

    @Test(arguments: [(2, UInt64(1)), (3, 2), (5, 3)])
    func plantedFlipsAreFound(classes: Int, seed: UInt64) throws {
        let rows = 4_000, flips = 120
        let (labels, probabilities, flipped) = Self.planted(rows: rows, classes: classes, flips: flips, seed: seed)
        var columns: [(String, TestColumn)] = [("label", .categorical(labels))]
        if classes == 2 {
            columns.append(("score", .floats(probabilities.map { $0[1] })))
        } else {
            for c in 0..<classes { columns.append(("prob_c\(c)", .floats(probabilities.map { $0[c] }))) }
        }
        let dataset = Dataset(source: "test", rowCount: rows, columns: columns.map { $0.1.column(named: $0.0) })
        // The score is the probability of c1 (which need not be the rarer label).
        let source = try LabelIssueSource(dataset: dataset, roles: ColumnRoles.infer(from: dataset),
                                          positiveClass: classes == 2 ? "c1" : nil)
        #expect(source.classes == (0..<classes).map { "c\($0)" })
        let issues = try source.issues(in: dataset, filter: RowSet(rowCount: rows, allSet: true))
        let found = Set(issues.map(\.row))
        let caught = found.intersection(flipped).count
        #expect(Double(caught) >= 0.9 * Double(flips), "caught \(caught) of \(flips)")
        #expect(Double(found.count - caught) <= 0.1 * Double(flips), "\(found.count - caught) false alarms")
        // Ranked by self-confidence; the suggestion of a flipped row is its true class.
        #expect(issues.map(\.selfConfidence) == issues.map(\.selfConfidence).sorted())
        for issue in issues where flipped.contains(issue.row) {
            let truth = probabilities[issue.row].indices.max { probabilities[issue.row][$0] < probabilities[issue.row][$1] }!
            #expect(issue.suggested == truth && issue.label != truth)
        }
    }

    @Test func vectorAndFilter() throws {
        let (labels, probabilities, flipped) = Self.planted(rows: 1_000, classes: 3, flips: 30, seed: 9)
        let dataset = makeDataset(["label": .categorical(labels),
                                   "probs": .vectors(probabilities.map { $0.map(Float.init) }, width: 3)])
        let source = try LabelIssueSource(dataset: dataset, roles: ColumnRoles.infer(from: dataset))
        #expect(source.kind == .vector("probs"))
        let firstHalf = RowSet(rowCount: 1_000, rows: Array(0..<500))
        let issues = try source.issues(in: dataset, filter: firstHalf)
        #expect(issues.allSatisfy { $0.row < 500 })
        #expect(Set(issues.map(\.row)).intersection(flipped).count >= flipped.filter { $0 < 500 }.count * 8 / 10)
    }

    @Test func clearMessages() throws {
        let noProbabilities = makeDataset(["label": .integers([0, 1, 2]), "x": .floats([0.1, 0.2, 0.3])])
        #expect(throws: TuttiError.self) {
            try LabelIssueSource(dataset: noProbabilities, roles: ColumnRoles.infer(from: noProbabilities))
        }
        let threeClassesOneScore = makeDataset(["label": .integers([0, 1, 2]), "score": .floats([0.1, 0.2, 0.3])])
        do {
            _ = try LabelIssueSource(dataset: threeClassesOneScore, roles: ColumnRoles.infer(from: threeClassesOneScore))
            Issue.record("a score for three classes was accepted")
        } catch {
            #expect("\(error)".contains("two classes"))
        }
    }

    @Test func roundingKeepsRowTotals() {
        #expect(ConfidentLearning.roundedKeepingSum([0.5, 1.5, 2.4, 0.6]) == [0, 2, 2, 1])
        let values = [1.3, 1.3, 1.4]
        #expect(ConfidentLearning.roundedKeepingSum(values).reduce(0, +) == 4)
        var indices: [Int32] = Array(0..<8)
        TopSelection.selectLargest(3, of: &indices, by: [5, 1, 7, 7, 0, 9, 2, 3])
        #expect(Set(indices.prefix(3)) == [5, 2, 3])
    }
}
