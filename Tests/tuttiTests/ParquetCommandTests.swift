import Foundation
import Testing
import TuttiCore

/// Parquet through the commands: export with a codec, --columns on info and count, and a bad
/// file as one line on stderr with exit 1.
@Suite struct ParquetCommandTests {
    @Test func exportParquetThenReadOnlyChosenColumns() throws {
        let folder = try ScratchFolder()
        let out = folder.path("adult.parquet")
        let export = try CommandRunner.run(["export", "--demo", "-o", out, "--compression", "zstd"])
        #expect(export.status == 0)
        #expect(export.stderr == "wrote 48,842 rows × 20 columns to \(out)\n")
        let count = try CommandRunner.run(["count", out, "--columns", "sex,age", "--where", "sex == \"Female\" and age > 60"])
        let demo = try CommandRunner.run(["count", "--demo", "--where", "sex == \"Female\" and age > 60"])
        #expect(count.status == 0)
        #expect(count.stdout == demo.stdout)
        let info = try CommandRunner.run(["info", out, "--columns", "age,sex", "--format", "json"])
        #expect(info.status == 0)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(info.stdout.utf8)) as? [String: Any])
        let columns = try #require(json["columns"] as? [[String: Any]])
        #expect(columns.compactMap { $0["name"] as? String } == ["age", "sex"])
    }

    @Test func compressionOnlyForParquet() throws {
        let folder = try ScratchFolder()
        let outcome = try CommandRunner.run(["export", "--demo", "-o", folder.path("x.csv"), "--compression", "zstd"])
        #expect(outcome.status == 2)
        #expect(outcome.stderr.contains("--compression applies to .parquet output only"))
    }

    @Test func badParquetIsOneLineAndExitOne() throws {
        let folder = try ScratchFolder()
        let path = folder.path("cut.parquet")
        let source = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("TuttiCoreTests/Fixtures/parquet/duckdb.parquet")
        let bytes = try Data(contentsOf: source)
        try bytes.prefix(bytes.count - 100).write(to: URL(fileURLWithPath: path))
        let outcome = try CommandRunner.run(["info", path])
        #expect(outcome.status == 1)
        #expect(outcome.stderr == "tutti: \(path): does not end with Parquet's PAR1 marker: the file is truncated or not Parquet\n")
    }
}

/// A temporary folder removed when the value is released.
private final class ScratchFolder {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("tutti-parquet-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    func path(_ name: String) -> String { url.path + "/" + name }

    deinit { try? FileManager.default.removeItem(at: url) }
}
