import Foundation
import Testing

@Suite struct DuplicatesCommandTests {
    struct Report: Decodable {
        struct Summary: Decodable {
            let exact_clusters, exact_extra_rows, conflict_clusters, leak_clusters, near_text_clusters,
                near_vector_clusters: Int
        }
        struct Cluster: Decodable {
            let kind: String
            let basis: String?
            let rows: [Int]
            let similarity: Double?
            let splits: [String: Int]
            let labels: [String: Int]
        }
        let summary: Summary
        let clusters: [Cluster]
    }

    static func report(_ arguments: [String], stdin: String? = nil) throws -> Report {
        let outcome = try CommandRunner.run(["duplicates"] + arguments + ["--format", "json"], stdin: stdin.map { Data($0.utf8) })
        #expect(outcome.status == 0, "\(outcome.stderr)")
        return try JSONDecoder().decode(Report.self, from: Data(outcome.stdout.utf8))
    }

    static let reviews = """
    id,review,split,label
    1,"Great product, would buy again!",train,1
    2,great product would buy again,test,1
    3,Terrible battery life and slow shipping,train,0
    4,Terrible batery life and slow shipping,train,0
    5,Arrived broken. Support never answered.,train,0
    6,Arrived broken. Support never answered.,train,1
    """

    @Test func demoEveryKindThatApplies() throws {
        let report = try Self.report(["--demo"])
        #expect(report.summary.exact_clusters == 49)
        #expect(report.summary.exact_extra_rows == 52)
        #expect(report.summary.conflict_clusters == 5)
        #expect(report.summary.leak_clusters == 23)
        #expect(report.summary.near_text_clusters == 0)
        let leaks = report.clusters.filter { $0.kind == "leak" }
        #expect(leaks.reduce(0) { $0 + ($1.splits["test"] ?? 0) } == 23)
        #expect(leaks.allSatisfy { $0.basis == "exact" && $0.similarity == nil })
        let conflicts = report.clusters.filter { $0.kind == "conflict" }
        #expect(conflicts.reduce(0) { $0 + $1.rows.count } == 10)
        #expect(conflicts.allSatisfy { $0.labels == ["0": 1, "1": 1] })
    }

    @Test func kindFlagsChooseWhatIsSearched() throws {
        let report = try Self.report(["--demo", "--exact"])
        #expect(report.summary.exact_clusters == 49)
        #expect(report.summary.conflict_clusters == 0)
        #expect(report.summary.leak_clusters == 0)
        #expect(Set(report.clusters.map(\.kind)) == ["exact"])
    }

    @Test func textTableNamesTheColumnsAndCounts() throws {
        let outcome = try CommandRunner.run(["duplicates", "--demo"])
        #expect(outcome.status == 0)
        let lines = outcome.stdout.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.prefix(6) == [
            "adult_scored.csv (demo): 48,842 rows",
            "compared: 16 of 20 columns (not split, prediction, score, loss)",
            "exact duplicates: 49 clusters, 52 extra rows",
            "label conflicts: 5 clusters (features less income, a copy of the label)",
            "leaks across splits: 23 clusters",
            "",
        ])
        #expect(lines[6].split(separator: " ", omittingEmptySubsequences: true)
            == ["kind", "rows", "similarity", "splits", "labels", "row", "numbers"])
        let leak = lines.first { $0.hasPrefix("leak (exact)") && $0.hasSuffix(" 2195 45049") }
        #expect(leak?.contains(" 2 ") == true)
        #expect(leak?.contains("test (1), train (1)") == true)
    }

    @Test func nearDuplicateTextFromStandardInput() throws {
        let report = try Self.report(["-", "--text", "review", "--near-text"], stdin: Self.reviews)
        let near = report.clusters.filter { $0.kind == "near_text" }
        #expect(near.map(\.rows) == [[0, 1], [2, 3], [4, 5]])
        #expect(near.map(\.similarity) == [1, 31.0 / 38.0, 1])
        #expect(report.summary.exact_clusters == 0)
        // --near-text alone asks for near-duplicate text only.
        #expect(report.clusters.allSatisfy { $0.kind == "near_text" })
        let withLeaks = try Self.report(["-", "--text", "review", "--leaks", "--near-text"], stdin: Self.reviews)
        #expect(withLeaks.clusters.filter { $0.kind == "leak" }.map(\.rows) == [[0, 1]])
        #expect(withLeaks.clusters.first { $0.kind == "leak" }?.basis == "near_text")
    }

    @Test func namingTheTextColumnKeepsEveryKind() throws {
        let outcome = try CommandRunner.run(["duplicates", "-", "--text", "review"], stdin: Data(Self.reviews.utf8))
        #expect(outcome.status == 0)
        for line in ["exact duplicates: 0 clusters, 0 extra rows", "label conflicts: 1 cluster",
                     "leaks across splits: 1 cluster", "near-duplicate text (review, Jaccard >= 0.8): 2 clusters"] {
            #expect(outcome.stdout.contains(line), "missing: \(line)")
        }
        let noText = try CommandRunner.run(["duplicates", "-", "--near-text"], stdin: Data("a,b\n1,2\n".utf8))
        #expect(noText.status == 1)
        #expect(noText.stderr.contains("--near-text needs a text column: name it with --text"))
        let noVector = try CommandRunner.run(["duplicates", "-", "--near-vectors"], stdin: Data("a,b\n1,2\n".utf8))
        #expect(noVector.status == 1)
        #expect(noVector.stderr.contains("--near-vectors needs a vector column"))
    }

    @Test func everyKindThatAppliesIncludesTheInferredTextColumn() throws {
        let report = try Self.report(["-"], stdin: Self.reviews)
        // Rows 5 and 6 are identical but for the label: a conflict, not also near-duplicate text.
        #expect(report.clusters.filter { $0.kind == "near_text" }.map(\.rows) == [[0, 1], [2, 3]])
        #expect(report.summary.near_text_clusters == 2)
        #expect(report.summary.exact_clusters == 0)
        #expect(report.clusters.filter { $0.kind == "conflict" }.map(\.rows) == [[4, 5]])
        #expect(report.summary.leak_clusters == 1)
    }

    @Test func thresholdAndVectorColumns() throws {
        let csv = "x,y,z\n1,2,3\n2,4,6\n1,2,3.3\n-1,5,0\n"
        let strict = try Self.report(["-", "--vector-columns", "x,y,z", "--threshold", "0.999"], stdin: csv)
        #expect(strict.clusters.map(\.rows) == [[0, 1]])
        let loose = try Self.report(["-", "--vector-columns", "x, y, z", "--threshold", "0.99"], stdin: csv)
        #expect(loose.clusters.map(\.rows) == [[0, 1, 2]])
        #expect(loose.summary.near_vector_clusters == 1)
        #expect(abs((loose.clusters[0].similarity ?? 0) - 14.9 / (14.0 * 15.89).squareRoot()) < 1e-6)
    }

    @Test func whereColumnsAndIgnore() throws {
        let filtered = try Self.report(["--demo", "--exact", "--where", "split == \"test\""])
        #expect(filtered.summary.exact_extra_rows == 5)
        #expect(filtered.clusters.allSatisfy { $0.splits == ["test": $0.rows.count] })
        let few = try Self.report(["--demo", "--exact", "--columns", "sex,race"])
        #expect(few.summary.exact_clusters == 10)
        #expect(few.summary.exact_extra_rows == 48_832)
        let ignored = try Self.report(["--demo", "--exact", "--ignore", "fnlwgt"])
        #expect(ignored.summary.exact_extra_rows > 52)
    }

    @Test func csvAndMarkdown() throws {
        let csv = try CommandRunner.run(["duplicates", "--demo", "--conflicts", "--format", "csv"])
        #expect(csv.status == 0)
        let lines = csv.stdout.split(separator: "\n")
        #expect(lines.first == "kind,rows,similarity,splits,labels,row numbers")
        #expect(lines.count == 6)
        #expect(lines.dropFirst().allSatisfy { $0.hasPrefix("conflict,2,,") })
        let markdown = try CommandRunner.run(["duplicates", "--demo", "--exact", "--format", "markdown"])
        #expect(markdown.stdout.hasPrefix("- adult_scored.csv (demo): 48,842 rows\n"))
        #expect(markdown.stdout.contains("| kind | rows | similarity | splits | labels | row numbers |"))
    }

    @Test func badArguments() throws {
        let unknown = try CommandRunner.run(["duplicates", "--demo", "--ignore", "fnlwg"])
        #expect(unknown.status == 1)
        #expect(unknown.stderr.contains("--ignore: unknown column 'fnlwg' — did you mean 'fnlwgt'?"))
        let both = try CommandRunner.run(["duplicates", "--demo", "--vector", "age", "--vector-columns", "age"])
        #expect(both.status == 2)
        let threshold = try CommandRunner.run(["duplicates", "--demo", "--threshold", "1.5"])
        #expect(threshold.status == 2)
        #expect(threshold.stderr.contains("--threshold must be above 0 and at most 1"))
        let noLabel = try CommandRunner.run(["duplicates", "-", "--conflicts"], stdin: Data("a,b\n1,2\n".utf8))
        #expect(noLabel.status == 1)
        #expect(noLabel.stderr.contains("label conflicts need a label column"))
        let notVector = try CommandRunner.run(["duplicates", "--demo", "--vector", "age"])
        #expect(notVector.status == 1)
        #expect(notVector.stderr.contains("--vector: column 'age' holds integer, not vectors; use --vector-columns"))
    }
}
