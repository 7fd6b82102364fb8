import Foundation
import Testing
@testable import TuttiCore

/// The rule of near-duplicate clusters (every two rows at least the threshold apart) and of
/// reporting a group of rows once, under its strongest kind.
@Suite struct DuplicateClusterRuleTests {
    /// sklearn's digits (1,797 images of 8×8 grey levels; see Fixtures/README.md).
    static let digits: Dataset = {
        let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("Fixtures/digits.jsonl.gz").path
        return try! DatasetLoader.load(path).dataset
    }()

    @Test func aChainIsSplitIntoClustersOfMutualNearDuplicates() {
        // 0–1–2–3 a chain of near pairs; 4 is near 0 and 1 only.
        let near: Set<[Int]> = [[0, 1], [1, 2], [2, 3], [0, 4], [1, 4]]
        let values: [[Int]: Double] = [[0, 1]: 0.9, [1, 2]: 0.95, [2, 3]: 0.85, [0, 4]: 0.97, [1, 4]: 0.88]
        let groups = NearClustering.split([0, 1, 2, 3, 4]) { a, b in
            near.contains([min(a, b), max(a, b)]) ? values[[min(a, b), max(a, b)]] : nil
        }
        #expect(groups.map(\.items) == [[0, 1, 4], [2, 3]])
        #expect(groups.map(\.similarity) == [0.88, 0.85])
    }

    @Test(arguments: [100_000, 0])
    func digitsClustersHoldNoPairBelowTheThreshold(exactLimit: Int) throws {
        let dataset = Self.digits
        #expect(dataset.rowCount == 1_797)
        #expect(dataset.column(named: "pixels")?.kind == .vector)
        var options = DuplicateOptions(exact: false, vectorColumns: ["pixels"])
        options.exactVectorLimit = exactLimit
        let roles = ColumnRoles.infer(from: dataset)
        let report = try DuplicateSearch(dataset: dataset, roles: roles, options: options).run()
        let clusters = report.clusters(of: .nearVector)
        #expect(clusters.count > 100)
        let pixels = dataset.column(named: "pixels")!
        var rowsSeen = Set<Int>()
        for cluster in clusters {
            var lowest = 1.0
            for (index, a) in cluster.rows.enumerated() {
                #expect(rowsSeen.insert(a).inserted)
                for b in cluster.rows[(index + 1)...] {
                    lowest = min(lowest, NearSimilarity.vector([pixels], a, b)!)
                }
            }
            #expect(lowest >= 0.95 - 1e-6, "cluster \(cluster.rows.prefix(5)) has a pair at \(lowest)")
            #expect(abs(cluster.similarity! - lowest) < 1e-5)
        }
        // The chained component mixed digits; clusters of mutual near duplicates hardly do.
        let largest = clusters.max { $0.size < $1.size }!
        #expect(largest.size < 100)
        #expect(largest.labels.values.max()! * 10 >= largest.size * 9)
    }

    @Test func textClustersHoldNoPairBelowTheThreshold() throws {
        // Each text one word away from the previous one: a chain, not one cluster.
        var words = (0..<12).map { "word\($0)" }
        var texts: [String] = []
        for step in 0..<12 {
            words[step] = "other\(step)"
            texts.append(words.joined(separator: " "))
        }
        let dataset = try DuplicateNearTextTests.dataset(texts)
        let report = try DuplicateNearTextTests.search(dataset, threshold: 0.7)
        let clusters = report.clusters(of: .nearText)
        #expect(!clusters.isEmpty)
        for cluster in clusters {
            for (index, a) in cluster.rows.enumerated() {
                for b in cluster.rows[(index + 1)...] { #expect(NearDuplicateData.jaccard(texts[a], texts[b]) >= 0.7) }
            }
            #expect(cluster.similarity! >= 0.7)
        }
        #expect(NearSimilarity.text(dataset.column(named: "t")!, 0, 1) == NearDuplicateData.jaccard(texts[0], texts[1]))
    }

    @Test func aGroupOfRowsIsReportedOnceUnderItsStrongestKind() throws {
        let csv = """
        text,split
        the quick brown fox jumps over the lazy dog,train
        the quick brown fox jumps over the lazy dog,test
        a completely different sentence about cats,train
        a completely different sentence about cats!,test
        nothing like the others at all here,train
        """
        let dataset = try load(csv, options: LoadOptions(textColumns: ["text"])).dataset
        var roles = ColumnRoles.infer(from: dataset)
        try roles.assign(.text, to: "text", in: dataset)
        let options = DuplicateOptions.allApplicable(roles: roles)
        let report = try DuplicateSearch(dataset: dataset, roles: roles, options: options).run()
        #expect(rows(report, .exact) == [[0, 1]])
        #expect(rows(report, .nearText) == [[2, 3]])
        let leaks = report.clusters(of: .leak)
        #expect(leaks.map(\.rows) == [[0, 1], [2, 3]])
        #expect(leaks.map(\.basis) == [.exact, .nearText])
    }
}
