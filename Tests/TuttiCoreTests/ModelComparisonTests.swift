import Foundation
import Testing
@testable import TuttiCore

/// Two models on a committed fixture, checked against counts taken from the file's text.
@Suite struct ModelComparisonTests {
    static let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures/two_models.csv").path

    /// The fixture's rows as text fields, read without tutti.
    static let records: [[String: String]] = {
        let lines = try! String(contentsOfFile: path, encoding: .utf8).split(separator: "\n")
        let header = lines[0].split(separator: ",").map(String.init)
        return lines.dropFirst().map { line in
            Dictionary(uniqueKeysWithValues: zip(header, line.split(separator: ",").map(String.init)))
        }
    }()

    static func load() throws -> (Dataset, ColumnRoles) {
        let dataset = try DatasetLoader.load(path).dataset
        return (dataset, ColumnRoles.infer(from: dataset))
    }

    @Test func agreementMatchesTheText() throws {
        let (dataset, roles) = try Self.load()
        let models = try ModelList.parse(nil, dataset: dataset, roles: roles)
        #expect(models.map(\.name) == ["hgb", "lr"])
        #expect(models[1] == ModelColumns(name: "lr", prediction: "prediction_lr", score: "score_lr"))
        let all = RowSet(rowCount: dataset.rowCount, allSet: true)
        let comparison = try ModelComparison(dataset: dataset, roles: roles, models: models, filter: all)
        var expected = [0, 0, 0, 0]
        for record in Self.records {
            let a = record["prediction_hgb"] == record["label"], b = record["prediction_lr"] == record["label"]
            expected[a ? (b ? 0 : 1) : (b ? 2 : 3)] += 1
        }
        let agreement = try #require(comparison.agreement)
        #expect([agreement.bothRight, agreement.onlyA, agreement.onlyB, agreement.bothWrong] == expected)
        #expect(expected.reduce(0, +) == 400 && expected[1] > 0 && expected[2] > 0)
        // Each model's error over all rows.
        let wrongA = Self.records.filter { $0["prediction_hgb"] != $0["label"] }.count
        #expect(comparison.overall[0].value(.error) == Double(wrongA) / 400)
        #expect(comparison.overall[1].value(.error) == Double(expected[1] + expected[3]) / 400)
        // A filter restricts the counts.
        let south = try FilterExpression("region == \"south\"", dataset: dataset).evaluate(dataset)
        let inSouth = try ModelComparison(dataset: dataset, roles: roles, models: models, filter: south).agreement!
        let southRecords = Self.records.filter { $0["region"] == "south" }
        #expect(inSouth.bothWrong == southRecords.filter { $0["prediction_hgb"] != $0["label"] && $0["prediction_lr"] != $0["label"] }.count)
        #expect(inSouth.bothRight + inSouth.onlyA + inSouth.onlyB + inSouth.bothWrong == southRecords.count)
    }

    @Test func slicesByRegionSortedByDelta() throws {
        let (dataset, roles) = try Self.load()
        let models = try ModelList.parse("hgb,lr", dataset: dataset, roles: roles)
        let all = RowSet(rowCount: dataset.rowCount, allSet: true)
        var comparison = try ModelComparison(dataset: dataset, roles: roles, models: models, filter: all)
        try comparison.group(dataset: dataset, columns: ["region"], binning: .equalWidth(10), filter: all)
        #expect(comparison.slices.count == 4)
        for slice in comparison.slices {
            let region = try #require(slice.predicates.first?.jsonValue)
            let rows = Self.records.filter { PredicateValue.string($0["region"]!) == region }
            let errorA = Double(rows.filter { $0["prediction_hgb"] != $0["label"] }.count) / Double(rows.count)
            let errorB = Double(rows.filter { $0["prediction_lr"] != $0["label"] }.count) / Double(rows.count)
            #expect(abs(comparison.delta(slice.metrics)! - (errorA - errorB)) < 1e-12)
        }
        let deltas = comparison.slices.map { comparison.delta($0.metrics)! }
        #expect(deltas == deltas.sorted(by: >))
        // Where lr loses most to hgb: the south is last (hgb − lr most negative).
        #expect(comparison.slices.last?.expression == "region == \"south\"")
    }

    @Test func discoverFindsWhereBIsBetter() throws {
        let (dataset, roles) = try Self.load()
        // A = lr, B = hgb: SliceLine looks for lr wrong and hgb right.
        let models = try ModelList.parse("lr=prediction_lr:score_lr,hgb=prediction_hgb", dataset: dataset, roles: roles)
        #expect(models[1].score == nil)
        let all = RowSet(rowCount: dataset.rowCount, allSet: true)
        var comparison = try ModelComparison(dataset: dataset, roles: roles, models: models, filter: all)
        try comparison.discover(dataset: dataset, roles: roles, options: SliceLineOptions(minimumSupport: 20, maxLevel: 1), filter: all)
        #expect(comparison.search?.features.map(\.column).sorted() == ["age", "region"])
        #expect(comparison.slices.first?.expression == "region == \"south\"")
        #expect(comparison.delta(comparison.slices.first!.metrics)! > 0.2)
        let json = try ComparisonJSON(comparison: comparison, name: "two_models.csv", rowCount: 400, filter: nil).text()
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        #expect(object["models"] as? [String] == ["lr", "hgb"] && object["mode"] as? String == "discover")
        let agreement = try #require(object["agreement"] as? [String: Int])
        #expect(Set(agreement.keys) == ["both_right", "only_a", "only_b", "both_wrong"])
        let slices = try #require(object["slices"] as? [[String: Any]])
        #expect((slices.first?["metrics"] as? [String: Any])?.keys.sorted() == ["hgb", "lr"])
    }

    @Test func clearMessages() throws {
        let (dataset, roles) = try Self.load()
        for (text, message) in [("hgb", "two models"), ("hgb,hgb", "named twice"), ("hgb,lrr", "did you mean 'lr'"),
                                ("x=nope", "unknown column 'nope'"), ("x=", "name=prediction")] {
            do {
                _ = try ModelList.parse(text, dataset: dataset, roles: roles)
                Issue.record("\(text) was accepted")
            } catch {
                #expect("\(error)".contains(message), "\(text): \(error)")
            }
        }
    }
}
