import Foundation
import Testing

/// `tutti slices --per-class` in every format.
@Suite struct SlicesPerClassCommandTests {
    private static let csv = "group,label,prediction\n" + [
        "a,cat,cat", "a,cat,dog", "a,dog,dog", "a,bird,cat", "b,dog,dog", "b,cat,cat", "b,bird,bird", "b,dog,cat",
    ].joined(separator: "\n") + "\n"

    private func run(_ arguments: [String]) throws -> String {
        let outcome = try CommandRunner.run(["slices", "-", "--by", "group", "--per-class"] + arguments, stdin: Data(Self.csv.utf8))
        #expect(outcome.status == 0, "\(outcome.stderr)")
        return outcome.stdout
    }

    @Test func jsonHoldsEachClassInOverallAndSlices() throws {
        let object = try #require(try JSONSerialization.jsonObject(with: Data(run(["--format", "json"]).utf8)) as? [String: Any])
        let overall = try #require((object["overall"] as? [String: Any])?["per_class"] as? [String: Any])
        let classes = try #require(overall["classes"] as? [[String: Any]])
        #expect(classes.map { $0["class"] as? String } == ["bird", "cat", "dog"])
        // cat: labelled 3 times (2 right), predicted 4 times.
        let cat = classes[1]
        #expect(cat["support"] as? Int == 3)
        #expect(abs((cat["precision"] as? Double ?? 0) - 0.5) < 1e-12)
        #expect(abs((cat["recall"] as? Double ?? 0) - 2.0 / 3) < 1e-12)
        let micro = try #require(overall["micro"] as? [String: Double])
        #expect(abs(micro["f1"]! - 5.0 / 8) < 1e-12)
        let slices = try #require(object["slices"] as? [[String: Any]])
        #expect(slices.count == 2 && slices.allSatisfy { (($0["metrics"] as? [String: Any])?["per_class"]) != nil })
    }

    @Test func tableMarkdownAndCSV() throws {
        let table = try run([])
        #expect(table.contains("per class, all rows:"))
        #expect(table.contains("weighted avg"))
        let markdown = try run(["--format", "markdown"])
        #expect(markdown.contains("| class | precision | recall | f1 | support |"))
        let csv = try run(["--format", "csv"])
        let lines = csv.split(separator: "\n")
        #expect(lines.first == "slice,class,precision,recall,f1,support")
        // Three classes and three averages for all rows and each of the two groups.
        #expect(lines.count == 1 + 3 * 6)
        #expect(lines.contains("(all rows),cat,0.5,0.6666666666666666,0.5714285714285714,3"))
    }

    @Test func needsClasses() throws {
        let outcome = try CommandRunner.run(["slices", "-", "--by", "x", "--per-class"], stdin: Data("x,loss\n1,0.5\n2,0.1\n".utf8))
        #expect(outcome.status == 1)
        #expect(outcome.stderr.contains("--per-class needs label and prediction columns"))
    }
}
