import Foundation
import Testing

/// `tutti label-issues`.
@Suite struct LabelIssuesCommandTests {
    /// Three classes with per-class probability columns; rows 5 and 11 are labelled against a
    /// sure model.
    private static let csv: String = {
        var lines = ["label,prob_a,prob_b,prob_c"]
        let sure = ["a": "0.9,0.05,0.05", "b": "0.05,0.9,0.05", "c": "0.05,0.05,0.9"]
        let fair = ["a": "0.6,0.3,0.1", "b": "0.2,0.7,0.1", "c": "0.1,0.2,0.7"]
        for index in 0..<30 {
            let truth = ["a", "b", "c"][index % 3]
            let label = index == 5 ? "a" : index == 11 ? "b" : truth
            lines.append("\(label),\(index % 2 == 0 || index == 5 || index == 11 ? sure[truth]! : fair[truth]!)")
        }
        return lines.joined(separator: "\n") + "\n"
    }()

    @Test func findsTheMislabelledRows() throws {
        let outcome = try CommandRunner.run(["label-issues", "-", "--format", "json"], stdin: Data(Self.csv.utf8))
        #expect(outcome.status == 0, "\(outcome.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(outcome.stdout.utf8)) as? [String: Any])
        let issues = try #require(object["issues"] as? [[String: Any]])
        #expect(Set(issues.compactMap { $0["row"] as? Int }) == [5, 11])
        let five = try #require(issues.first { $0["row"] as? Int == 5 })
        #expect(five["label"] as? String == "a" && five["suggested"] as? String == "c")
        #expect(five["self_confidence"] as? Double == 0.05)
        #expect(object["classes"] as? [String] == ["a", "b", "c"])
    }

    @Test func tableCSVAndDemo() throws {
        let table = try CommandRunner.run(["label-issues", "-"], stdin: Data(Self.csv.utf8))
        #expect(table.stdout.contains("2 likely label errors among 30 rows, from the probability columns prob_a, prob_b, prob_c"))
        let csv = try CommandRunner.run(["label-issues", "-", "--format", "csv"], stdin: Data(Self.csv.utf8))
        #expect(csv.stdout.hasPrefix("row,label,suggested,self_confidence\n"))
        let demo = try CommandRunner.run(["label-issues", "--demo", "--top", "3"])
        #expect(demo.status == 0, "\(demo.stderr)")
        #expect(demo.stdout.contains("from the score column 'score' (positive class 1)") && demo.stdout.contains("more (--top N"))
    }

    @Test func errors() throws {
        let none = try CommandRunner.run(["label-issues", "-"], stdin: Data("label,x\n0,1\n1,2\n".utf8))
        #expect(none.status == 1 && none.stderr.contains("label issues need class probabilities"))
        let unknown = try CommandRunner.run(["label-issues", "-", "--probabilities", "prob_x,prob_b"], stdin: Data(Self.csv.utf8))
        #expect(unknown.status == 1 && unknown.stderr.contains("unknown column 'prob_x'"))
    }
}
