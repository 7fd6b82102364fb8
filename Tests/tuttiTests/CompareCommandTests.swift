import Foundation
import Testing

/// `tutti compare` on the two-model fixture.
@Suite struct CompareCommandTests {
    static let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("TuttiCoreTests/Fixtures/two_models.csv").path

    @Test func jsonByRegion() throws {
        let outcome = try CommandRunner.run(["compare", Self.fixture, "--models", "hgb=prediction_hgb:score_hgb,lr=prediction_lr:score_lr",
                                             "--by", "region", "--format", "json"])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(outcome.stdout.utf8)) as? [String: Any])
        #expect(object["models"] as? [String] == ["hgb", "lr"] && object["metric"] as? String == "error")
        let overall = try #require(object["overall"] as? [String: [String: Any]])
        #expect(overall["hgb"]?["error"] is Double && overall["lr"]?["ece"] is Double)
        let agreement = try #require(object["agreement"] as? [String: Int])
        #expect(agreement.values.reduce(0, +) == 400)
        let slices = try #require(object["slices"] as? [[String: Any]])
        #expect(slices.count == 4 && slices.last?["expression"] as? String == "region == \"south\"")
        #expect(slices.allSatisfy { $0["delta"] is Double && $0["size"] as? Int == 100 })
    }

    @Test func tableAndCSV() throws {
        let table = try CommandRunner.run(["compare", Self.fixture, "--where", "age < 60"])
        #expect(table.status == 0, "\(table.stderr)")
        #expect(table.stdout.contains("model A hgb, model B lr"))
        #expect(table.stdout.contains("agreement:") && table.stdout.contains("lr right") && table.stdout.contains("hgb wrong"))
        #expect(table.stdout.contains("SliceLine on hgb wrong and lr right"))
        let csv = try CommandRunner.run(["compare", Self.fixture, "--by", "region", "--format", "csv"])
        #expect(csv.stdout.split(separator: "\n").first == "slice,size,hgb_error,lr_error,delta")
        #expect(csv.stdout.split(separator: "\n").count == 5)
        let markdown = try CommandRunner.run(["compare", Self.fixture, "--by", "region", "--format", "markdown"])
        #expect(markdown.stdout.contains("| model | prediction | score |"))
    }

    @Test func errors() throws {
        let one = try CommandRunner.run(["compare", "--demo"])
        #expect(one.status == 1 && one.stderr.contains("comparing needs two models"))
        let both = try CommandRunner.run(["compare", Self.fixture, "--by", "region", "--discover"])
        #expect(both.status == 2)
    }
}
