import Foundation
import Testing

/// The roles inferred from a reviews file with an id, a product code and a prose column.
@Suite struct RoleInferenceCommandTests {
    static let reviews = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("TuttiCoreTests/Fixtures/reviews.csv").path

    @Test func duplicatesWithoutFlagsFindTheProseDuplicatesAndTheLeaks() throws {
        let report = try DuplicatesCommandTests.report([Self.reviews])
        #expect(report.summary.near_text_clusters == 4)
        #expect(report.summary.leak_clusters == 3)
        let text = report.clusters.filter { $0.kind == "near_text" || $0.kind == "nearText" || $0.basis == nil }
        #expect(!text.isEmpty)
    }

    @Test func infoSaysWhyTheRolesWereChosen() throws {
        let outcome = try CommandRunner.run(["info", Self.reviews])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        #expect(outcome.stdout.contains("text: review (reads most like prose"))
        let json = try CommandRunner.run(["info", Self.reviews, "--format", "json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let roles = try #require(object["roles"] as? [[String: Any]])
        let text = try #require(roles.first { $0["role"] as? String == "text" })
        #expect(text["column"] as? String == "review")
        #expect((text["reason"] as? String)?.contains("prose") == true)
    }

    @Test func infoListsTheModels() throws {
        let csv = "label,prediction_a,score_a,prediction_b,score_b\n1,1,0.9,0,0.2\n0,0,0.1,1,0.7\n"
        let outcome = try CommandRunner.run(["info", "-", "--format", "json"], stdin: Data(csv.utf8))
        #expect(outcome.status == 0, "\(outcome.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(outcome.stdout.utf8)) as? [String: Any])
        let models = try #require(object["models"] as? [[String: Any]])
        #expect(models.map { $0["name"] as? String } == ["a", "b"])
        #expect(models.map { $0["default"] as? Bool } == [true, false])
    }
}
