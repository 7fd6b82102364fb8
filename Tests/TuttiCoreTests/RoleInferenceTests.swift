import Foundation
import Testing
@testable import TuttiCore

@Suite struct RoleInferenceTests {
    static let reviews = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures/reviews.csv").path

    @Test func proseGetsTheTextRoleAndUniqueCodesDoNot() throws {
        let data = try DatasetLoader.load(Self.reviews).dataset
        let roles = ColumnRoles.infer(from: data)
        #expect(roles[.text] == "review")
        #expect(roles.reasons[.text]?.contains("prose") == true)
        #expect(roles[.id] == "id")
        #expect(roles[.split] == "split")
        #expect(roles.role(ofColumn: "product_id") == nil)
    }

    @Test func uniqueSingleTokensAreTheIdWhenNothingIsNamedSo() throws {
        var text = "id_str,text,lang\n"
        for row in 0..<50 { text += "\"\(1_000_000_000_000 + row * 7)\",\"tweet number \(row) says hello\",en\n" }
        let data = try load(text, name: "tweets.csv", options: LoadOptions(textColumns: ["id_str"])).dataset
        let roles = ColumnRoles.infer(from: data)
        #expect(roles[.id] == "id_str")
        #expect(roles.reasons[.id]?.contains("unique single tokens") == true)
        #expect(roles[.text] == "text")
    }

    @Test func aColumnOfUniqueCodesIsNeverTheText() throws {
        var text = "code,name\n"
        for row in 0..<30 { text += "B00\(row)X,item\(row % 3)\n" }
        let roles = ColumnRoles.infer(from: try load(text).dataset)
        #expect(roles[.text] != "code")
        #expect(roles[.id] == "code")
    }

    @Test func severalModelsAreListedWithOneDefault() throws {
        let text = "label,prediction_a,score_a,b_pred,b_score,age\n1,1,0.9,0,0.2,30\n0,0,0.1,1,0.7,40\n"
        let roles = ColumnRoles.infer(from: try load(text).dataset)
        #expect(roles.models.map(\.name) == ["a", "b"])
        #expect(roles.models[1] == ModelColumns(name: "b", prediction: "b_pred", score: "b_score"))
        #expect(roles[.prediction] == "prediction_a" && roles[.score] == "score_a")
        #expect(roles.defaultModel?.name == "a")
        #expect(roles.reasons[.prediction]?.contains("model a") == true)
    }

    @Test func aPlainPredictionIsTheDefaultModel() throws {
        let text = "label,prediction,prediction_b,age\n1,1,0,30\n0,0,1,40\n"
        let roles = ColumnRoles.infer(from: try load(text).dataset)
        #expect(roles[.prediction] == "prediction")
        #expect(roles.models.map(\.prediction) == ["prediction", "prediction_b"])
        #expect(roles.defaultModel?.prediction == "prediction")
    }

    @Test func userRolesCarryNoReason() throws {
        var roles = ColumnRoles.infer(from: try DatasetLoader.load(Self.reviews).dataset)
        try roles.assign(.text, to: "product_id", in: try DatasetLoader.load(Self.reviews).dataset)
        #expect(roles[.text] == "product_id" && roles.reasons[.text] == nil)
    }
}
