import Foundation
import Testing
import TuttiCore
import TuttiTestSupport

/// `tutti familiarity`, `tutti neighbors` and `tutti project`, and the `familiarity(…)` derived
/// column, on sklearn's digits with planted rows.
@Suite struct EmbeddingCommandTests {
    static let digits = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("TuttiCoreTests/Fixtures/digits.jsonl.gz").path

    /// Rows planted after the 1,797 digits: 5 uniform-noise images (rows 1797–1801) and a copy of
    /// row 42 with one pixel changed (row 1802).
    static let plantedFile: String = {
        let lines = try! ChildProcess.run("/usr/bin/env", ["gzip", "-dc", digits]).output
            .split(separator: "\n").map(String.init)
        struct Row: Decodable { let id: Int; let label: Int; let pixels: [Int] }
        var random: UInt64 = 42
        func next() -> Int {
            random = random &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int(random >> 33) % 17
        }
        var planted = lines
        for index in 0..<5 {
            let pixels = (0..<64).map { _ in next() }
            planted.append("{\"id\":\(1797 + index),\"label\":-1,\"pixels\":[\(pixels.map(String.init).joined(separator: ","))]}")
        }
        var copy = try! JSONDecoder().decode(Row.self, from: Data(lines[42].utf8)).pixels
        copy[20] += 1
        planted.append("{\"id\":1802,\"label\":-2,\"pixels\":[\(copy.map(String.init).joined(separator: ","))]}")
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("tutti-embeddings-\(getpid()).jsonl").path
        try! (planted.joined(separator: "\n") + "\n").write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }()

    struct FamiliarityReport: Decodable {
        struct Row: Decodable { let row: Int; let familiarity: Double }
        let rows: [Row]
    }

    struct NeighborReport: Decodable {
        struct Neighbor: Decodable { let row: Int; let similarity: Double }
        let neighbors: [Neighbor]
    }

    static func json<T: Decodable>(_ type: T.Type, _ arguments: [String]) throws -> T {
        let outcome = try CommandRunner.run(arguments + ["--format", "json"])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        return try JSONDecoder().decode(T.self, from: Data(outcome.stdout.utf8))
    }

    @Test func plantedNoiseIsListedLeastFamiliarFirst() throws {
        let report = try Self.json(FamiliarityReport.self, ["familiarity", Self.plantedFile, "--k", "10"])
        #expect(report.rows.count == 1_803)
        #expect(Set(report.rows.prefix(5).map(\.row)) == Set(1797...1801))
        #expect(zip(report.rows, report.rows.dropFirst()).allSatisfy { $0.familiarity <= $1.familiarity })
        // The derived column holds the same scores: a filter between the 5th and 6th lowest keeps the 5.
        let cut = (report.rows[4].familiarity + report.rows[5].familiarity) / 2
        let count = try CommandRunner.run(["count", Self.plantedFile, "--derive", "familiarity=familiarity(pixels, 10)",
                                           "--where", "familiarity < \(cut)"])
        #expect(count.status == 0, "\(count.stderr)")
        #expect(count.stdout == "5\n")
    }

    @Test func familiarityTablesAndLimit() throws {
        let csv = try CommandRunner.run(["familiarity", Self.plantedFile, "--limit", "3", "--format", "csv"])
        #expect(csv.status == 0, "\(csv.stderr)")
        let lines = csv.stdout.split(separator: "\n")
        #expect(lines.count == 4 && lines[0] == "row,familiarity")
        let table = try CommandRunner.run(["familiarity", Self.digits, "--where", "label == 3", "--limit", "2"])
        #expect(table.status == 0, "\(table.stderr)")
        #expect(table.stdout.split(separator: "\n").count == 3)
    }

    @Test func aPlantedNearCopyIsAmongTheNeighbours() throws {
        let report = try Self.json(NeighborReport.self, ["neighbors", Self.plantedFile, "--row", "42", "--k", "5"])
        #expect(report.neighbors.count == 5)
        #expect(report.neighbors.first?.row == 1802)
        #expect(!report.neighbors.map(\.row).contains(42))
        let markdown = try CommandRunner.run(["neighbors", Self.plantedFile, "--row", "1802", "--k", "1", "--format", "markdown"])
        #expect(markdown.stdout.hasPrefix("| row | similarity |"))
        #expect(markdown.stdout.contains("| 42 | 0.99"))
    }

    @Test func numericColumnsAreComparedStandardised() throws {
        let data = "a,b\n" + (0..<50).map { "\($0 % 7),\(($0 * 3) % 11)" }.joined(separator: "\n") + "\n1000,-500\n"
        let outcome = try CommandRunner.run(["familiarity", "-", "--vector-columns", "a,b", "--k", "3", "--limit", "1",
                                             "--format", "csv"], stdin: Data(data.utf8))
        #expect(outcome.status == 0, "\(outcome.stderr)")
        #expect(outcome.stdout.split(separator: "\n").last?.hasPrefix("50,") == true)
    }

    @Test func projectWritesTheCoordinates() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tutti-project-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let output = folder.appendingPathComponent("xy.csv").path
        let outcome = try CommandRunner.run(["project", Self.digits, "--vector", "pixels", "-o", output])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        #expect(outcome.stderr.contains("PCA of pixels: explained variance"))
        let lines = try String(contentsOfFile: output, encoding: .utf8).split(separator: "\n")
        #expect(lines.first == "row,id,projection_pca_x,projection_pca_y")
        #expect(lines.count == 1 + 1_797)
        // Loaded back, the coordinates are numbers centred on 0.
        let info = try CommandRunner.run(["count", output, "--where", "projection_pca_x > 0"])
        let positive = Int(info.stdout.trimmingCharacters(in: .whitespacesAndNewlines)) ?? -1
        #expect(positive > 300 && positive < 1_500)
        let again = try CommandRunner.run(["project", Self.digits, "-o", output])
        #expect(again.status == 1 && again.stderr.contains("exists"))
        let filtered = try CommandRunner.run(["project", Self.digits, "--where", "label == 0", "--columns", "label",
                                              "-o", output, "--force"])
        #expect(filtered.status == 0, "\(filtered.stderr)")
        let kept = try String(contentsOfFile: output, encoding: .utf8).split(separator: "\n")
        #expect(kept.first == "row,label,projection_pca_x,projection_pca_y")
        #expect(kept.dropFirst().allSatisfy { $0.split(separator: ",")[1] == "0" })
    }

    @Test func aReportOfTheFamiliarityPaneListsThePlantedNoiseFirst() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tutti-familiarity-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let dataset = try DatasetLoader.load(Self.plantedFile).dataset
        let state = ExplorerState(dataset: dataset, roles: ColumnRoles.infer(from: dataset))
        let view = ViewDocument(state: state, datasetPath: Self.plantedFile, layout: .pane(ViewPane(kind: .familiarity)),
                                focus: 0, theme: nil)
        let viewPath = folder.appendingPathComponent("v.json").path, reportPath = folder.appendingPathComponent("r.md").path
        try view.write(to: viewPath, overwrite: false)
        let outcome = try CommandRunner.run(["report", "--view", viewPath, "-o", reportPath])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        let text = try String(contentsOfFile: reportPath, encoding: .utf8)
        let section = try #require(text.components(separatedBy: "## Familiarity: k 10 · cosine in pixels\n").dropFirst().first)
        #expect(section.contains("```text\n"))
        let rows = section.split(separator: "\n").filter { $0.hasPrefix("| ") }.dropFirst()
            .compactMap { Int($0.dropFirst(2).prefix { $0 != " " }) }
        #expect(Set(rows.prefix(5)) == Set(1797...1801), "\(rows)")
    }

    @Test func badInputGetsAClearMessage() throws {
        let row = try CommandRunner.run(["neighbors", Self.digits, "--row", "5000"])
        #expect(row.status == 1 && row.stderr.contains("row 5000 is out of range"))
        let noVectors = try CommandRunner.run(["familiarity", "--demo"])
        #expect(noVectors.status == 1 && noVectors.stderr.contains("no vector column"))
        let text = try CommandRunner.run(["familiarity", "--demo", "--vector-columns", "age,sex"])
        #expect(text.status == 1 && text.stderr.contains("'sex'"))
        let k = try CommandRunner.run(["familiarity", Self.digits, "--k", "0"])
        #expect(k.status == 2)
        let nested = try CommandRunner.run(["count", Self.digits, "--where", "familiarity(pixels) < 0.5"])
        #expect(nested.status == 1 && nested.stderr.contains("derived column's whole expression"))
    }
}
