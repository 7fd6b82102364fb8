import Foundation
import Synchronization
import Testing
@testable import TuttiCore

/// Runs a duplicate search over CSV text with the inferred roles, for every kind that applies
/// unless `configure` changes the options.
func duplicates(_ csv: String, configure: (inout DuplicateOptions) -> Void = { _ in }) throws -> DuplicateReport {
    let dataset = try load(csv).dataset
    let roles = ColumnRoles.infer(from: dataset)
    var options = DuplicateOptions.allApplicable(roles: roles)
    configure(&options)
    return try DuplicateSearch(dataset: dataset, roles: roles, options: options).run()
}

/// The rows of every cluster of one kind.
func rows(_ report: DuplicateReport, _ kind: DuplicateKind) -> [[Int]] {
    report.clusters(of: kind).map(\.rows)
}

@Suite struct DuplicateExactTests {
    static let csv = """
    id,a,b,c,split,label,prediction,score
    1,1,x,0.5,train,0,0,0.1
    2,1,x,0.5,test,0,1,0.9
    3,2,y,0.5,train,1,1,0.8
    4,1,x,0.5,train,0,0,0.2
    5,2,y,0.5,train,0,0,0.3
    6,3,z,1.5,test,1,1,0.7
    7,2,y,0.5,train,1,1,0.6
    """

    @Test func clustersIgnoreIdSplitAndModelOutputs() throws {
        let report = try duplicates(Self.csv)
        #expect(report.comparedColumns == ["a", "b", "c", "label"])
        #expect(rows(report, .exact) == [[0, 1, 3], [2, 6]])
        #expect(report.summary.exactClusters == 2)
        #expect(report.summary.exactExtraRows == 3)
        let first = report.clusters(of: .exact)[0]
        #expect(first.splits == ["train": 2, "test": 1])
        #expect(first.labels == ["0": 3])
        #expect(first.similarity == nil)
        #expect(report.rowSet(ofCluster: 0) == RowSet(rowCount: 7, rows: [0, 1, 3]))
    }

    @Test func conflictsAreIdenticalFeaturesWithDifferentLabels() throws {
        let report = try duplicates(Self.csv)
        #expect(rows(report, .conflict) == [[2, 4, 6]])
        #expect(report.clusters(of: .conflict)[0].labels == ["1": 2, "0": 1])
    }

    @Test func leaksSpanSplits() throws {
        let report = try duplicates(Self.csv)
        let leaks = report.clusters(of: .leak)
        #expect(leaks.map(\.rows) == [[0, 1, 3]])
        #expect(leaks[0].basis == .exact)
        #expect(leaks[0].splits == ["train": 2, "test": 1])
    }

    @Test func comparingTheSplitSeparatesSplitsButStillFindsLeaks() throws {
        let report = try duplicates(Self.csv) { $0.columns = ["a", "b", "split"] }
        #expect(rows(report, .exact) == [[2, 4, 6], [0, 3]])
        #expect(rows(report, .leak) == [[0, 1, 3]])
    }

    @Test func copiesOfTheLabelAreNotFeatures() throws {
        let csv = """
        a,outcome,label,code
        1,yes,1,p
        1,no,0,p
        2,no,0,q
        2,no,0,r
        3,yes,1,p
        3,yes,1,p
        """
        let report = try duplicates(csv)
        // `outcome` recodes `label`; `code` does not (p goes with 1 and 0).
        #expect(report.labelCopies == ["outcome"])
        #expect(rows(report, .conflict) == [[0, 1]])
        #expect(rows(report, .exact) == [[4, 5]])
        // Without the label compared, exact clusters still tell the copy's values apart.
        let unlabeled = try duplicates(csv) { $0.ignoredColumns = ["label", "code"] }
        #expect(unlabeled.labelCopies == ["outcome"])
        #expect(rows(unlabeled, .exact) == [[2, 3], [4, 5]])
        #expect(rows(unlabeled, .conflict) == [[0, 1]])
    }

    @Test func ignoringColumns() throws {
        let report = try duplicates(Self.csv) { $0.ignoredColumns = ["label"] }
        #expect(report.comparedColumns == ["a", "b", "c"])
        #expect(rows(report, .exact) == [[0, 1, 3], [2, 4, 6]])
    }

    @Test func missingEqualsMissingAndNegativeZeroEqualsZero() throws {
        let csv = """
        a,b,t
        -0.0,,hello
        0.0,,hello
        0.0,1,hello
        0.0,1,
        0.0,1,
        -0.0,,hello world
        """
        let report = try duplicates(csv)
        #expect(rows(report, .exact) == [[0, 1], [3, 4]])
    }

    @Test func missingNeverEqualsAPlaceholderValue() throws {
        // Missing cells hold placeholders (0, "", code = dictionary size); a present 0 is not missing.
        let csv = """
        n,c
        0,red
        ,red
        0,
        0,
        """
        #expect(rows(try duplicates(csv), .exact) == [[2, 3]])
    }

    @Test func textVectorAndBooleanColumnsCompareByValue() throws {
        let jsonl = """
        {"t": "a long enough text", "v": [1.0, -0.0], "f": true}
        {"t": "a long enough text", "v": [1.0, 0.0], "f": true}
        {"t": "a long enough text", "v": [1.0, 0.0], "f": false}
        {"t": "another text", "v": [1.0, 0.0], "f": true}
        """
        let dataset = try load(jsonl, name: "x.jsonl", options: LoadOptions(textColumns: ["t"])).dataset
        #expect(dataset.column(named: "t")?.kind == .text)
        #expect(dataset.column(named: "v")?.kind == .vector)
        let report = try DuplicateSearch(dataset: dataset, roles: ColumnRoles(), options: DuplicateOptions()).run()
        #expect(rows(report, .exact) == [[0, 1]])
    }

    /// Truncated hashes put every row in a few buckets; equality still decides.
    @Test(arguments: [UInt64(0), 1, 7])
    func hashCollisionsNeverJoinDifferentRows(mask: UInt64) throws {
        // Rows i and i + 150 share a and b; their labels differ when one is a multiple of 7.
        var lines = ["a,b,label,split"]
        for i in 0..<300 {
            lines.append("\(i % 50),\(["p", "q", "r"][i % 3]),\(i % 7 == 0 ? 1 : 0),\(i < 150 ? "train" : "test")")
        }
        let csv = lines.joined(separator: "\n")
        let expected = try duplicates(csv)
        let forced = try duplicates(csv) { $0.rowHashMask = mask }
        #expect(forced.clusters == expected.clusters)
        #expect(forced.summary.exactClusters == 107)
        #expect(forced.summary.conflictClusters == 43)
        #expect(forced.summary.leakClusters == 107)
        // Every row distinct: no cluster at all, however the hashes collide.
        let distinct = (0..<200).map { "\($0),\($0 * 3)" }.joined(separator: "\n")
        #expect(try duplicates("a,b\n" + distinct) { $0.rowHashMask = mask }.clusters.isEmpty)
        for cluster in forced.clusters(of: .exact) {
            let keys = Set(cluster.rows.map { lines[$0 + 1].split(separator: ",").prefix(3).joined(separator: ",") })
            #expect(keys.count == 1)
        }
    }

    /// Enough rows for the grouping to split them into partitions by hash, grouped in parallel.
    @Test func manyRowsGroupedInPartitions() throws {
        let csv = "a,b\n" + (0..<70_000).map { "\($0 % 1000),\($0 % 7)" }.joined(separator: "\n")
        let report = try duplicates(csv)
        // Row i has the key i mod 7000: 7,000 clusters of 10 rows, ordered by first row.
        #expect(report.summary.exactClusters == 7000)
        #expect(report.summary.exactExtraRows == 63_000)
        let clusters = report.clusters(of: .exact)
        #expect(clusters.map { $0.rows[0] } == Array(0..<7000))
        #expect(clusters.allSatisfy { cluster in cluster.rows == (0..<10).map { cluster.rows[0] + 7000 * $0 } })
    }

    @Test func onlyTheGivenRows() throws {
        let report = try duplicates(Self.csv) { $0.rows = RowSet(rowCount: 7, rows: [1, 2, 3, 5, 6]) }
        #expect(rows(report, .exact) == [[1, 3], [2, 6]])
        #expect(report.rowCount == 7)
    }

    @Test func checksColumnsAndRoles() throws {
        let dataset = try load(Self.csv).dataset
        let roles = ColumnRoles.infer(from: dataset)
        #expect(throws: TuttiError.unknownColumn("lable", suggestion: "label", context: "--ignore")) {
            try DuplicateSearch(dataset: dataset, roles: roles, options: DuplicateOptions(ignoredColumns: ["lable"]))
        }
        #expect(throws: TuttiError("label conflicts need a label column: name it with --label")) {
            try DuplicateSearch(dataset: dataset, roles: ColumnRoles(), options: DuplicateOptions(conflicts: true))
        }
        #expect(throws: TuttiError("leaks across splits need a split column: name it with --split")) {
            try DuplicateSearch(dataset: dataset, roles: ColumnRoles(), options: DuplicateOptions(leaks: true))
        }
        #expect(throws: TuttiError("--text: column 'a' holds integer; near-duplicate text needs a text or categorical column")) {
            try DuplicateSearch(dataset: dataset, roles: roles, options: DuplicateOptions(textColumn: "a"))
        }
        #expect(throws: TuttiError("near-duplicate vectors need one vector column or numeric columns")) {
            try DuplicateSearch(dataset: dataset, roles: roles, options: DuplicateOptions(vectorColumns: ["a", "b"]))
        }
        #expect(throws: TuttiError("no columns left to compare for exact duplicates")) {
            try DuplicateSearch(dataset: dataset, roles: roles, options: DuplicateOptions(columns: ["a"], ignoredColumns: ["a"]))
        }
        #expect(throws: TuttiError("the text similarity threshold must be above 0 and at most 1, got 1.5")) {
            try DuplicateSearch(dataset: dataset, roles: roles, options: DuplicateOptions(textThreshold: 1.5))
        }
    }

    @Test func cancelledSearchThrows() throws {
        let dataset = try load(Self.csv).dataset
        let flag = CancellationFlag()
        flag.cancel()
        let search = try DuplicateSearch(dataset: dataset, roles: .infer(from: dataset),
                                         options: DuplicateOptions(textColumn: "b"))
        #expect(throws: TuttiError("duplicate search cancelled")) { try search.run(work: WorkContext(cancellation: flag)) }
    }

    @Test func reportsProgress() throws {
        let dataset = try load(Self.csv).dataset
        let phases = Mutex<Set<String>>([])
        let options = DuplicateOptions(textColumn: "b", vectorColumns: ["a", "c"])
        let work = WorkContext(progress: { progress in _ = phases.withLock { $0.insert(progress.phase) } })
        _ = try DuplicateSearch(dataset: dataset, roles: .infer(from: dataset), options: options).run(work: work)
        let seen = phases.withLock { $0 }
        #expect(seen.isSuperset(of: ["hashing rows", "grouping rows", "near-duplicate text: signatures",
                                     "near-duplicate vectors: pairs"]))
    }
}
