import Foundation
import Testing
import TuttiCore

@Suite struct ExportCommandTests {
    @Test func demoColumnsToCSV() throws {
        let folder = try ScratchFolder()
        let out = folder.path("x.csv")
        let outcome = try CommandRunner.run(["export", "--demo", "--columns", "age,sex", "-o", out])
        #expect(outcome.status == 0)
        #expect(outcome.stderr == "wrote 48,842 rows × 2 columns to \(out)\n")
        #expect(outcome.stdout.isEmpty)
        let dataset = try DatasetLoader.load(out).dataset
        #expect(dataset.columnNames == ["age", "sex"])
        #expect(dataset.rowCount == 48_842)
        #expect(dataset.column(named: "sex")?.kind == .categorical)
        #expect(try String(contentsOfFile: out, encoding: .utf8).hasPrefix("age,sex\n39,Male\n"))
    }

    @Test func whereWritesOnlyThePassingRows() throws {
        let folder = try ScratchFolder()
        let out = folder.path("errors.jsonl")
        let outcome = try CommandRunner.run(["export", "--demo", "--where", "label != prediction and split == \"test\"",
                                             "--columns", "label,prediction,split", "-o", out])
        #expect(outcome.status == 0)
        let count = try CommandRunner.run(["count", "--demo", "--where", "label != prediction and split == \"test\""])
        let expected = try #require(Int(count.stdout.trimmingCharacters(in: .whitespacesAndNewlines)))
        #expect(outcome.stderr == "wrote \(NumberFormatting.grouped(expected)) rows × 3 columns to \(out)\n")
        let dataset = try DatasetLoader.load(out).dataset
        #expect(dataset.rowCount == expected)
        let label = try #require(dataset.column(named: "label")), prediction = try #require(dataset.column(named: "prediction"))
        #expect((0..<dataset.rowCount).allSatisfy { label.text(at: $0) != prediction.text(at: $0) })
        #expect(try CommandRunner.run(["export", "--demo", "--where", "labl == 1", "-o", folder.path("x.csv")]).status == 1)
    }

    @Test func existingOutputNeedsForce() throws {
        let folder = try ScratchFolder()
        let out = folder.path("x.jsonl.gz")
        #expect(try CommandRunner.run(["export", "--demo", "-o", out]).status == 0)
        let refused = try CommandRunner.run(["export", "--demo", "--columns", "age", "-o", out])
        #expect(refused.status == 1)
        #expect(refused.stderr == "tutti: \(out): exists; use --force to overwrite\n")
        #expect(try DatasetLoader.load(out).dataset.columns.count == 20)
        let forced = try CommandRunner.run(["export", "--demo", "--columns", "age", "-o", out, "--force"])
        #expect(forced.status == 0)
        #expect(try DatasetLoader.load(out).dataset.columnNames == ["age"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.url.path) == ["x.jsonl.gz"])
    }

    @Test func refusesToWriteOverTheInput() throws {
        let folder = try ScratchFolder()
        let input = folder.path("in.csv")
        try Data("a,b\n1,x\n2,y\n".utf8).write(to: URL(fileURLWithPath: input))
        let outcome = try CommandRunner.run(["export", input, "-o", folder.path("./in.csv"), "--force"])
        #expect(outcome.status == 1)
        #expect(outcome.stderr.contains("refusing to write over the input file"))
        #expect(try String(contentsOfFile: input, encoding: .utf8) == "a,b\n1,x\n2,y\n")
        let copy = try CommandRunner.run(["export", input, "-o", folder.path("out.tsv")])
        #expect(copy.status == 0)
        #expect(try String(contentsOfFile: folder.path("out.tsv"), encoding: .utf8) == "a\tb\n1\tx\n2\ty\n")
    }

    @Test func unknownColumnSuggestsTheNearest() throws {
        let folder = try ScratchFolder()
        let outcome = try CommandRunner.run(["export", "--demo", "--columns", "age,sexx", "-o", folder.path("x.csv")])
        #expect(outcome.status == 1)
        #expect(outcome.stderr == "tutti: --columns: unknown column 'sexx' — did you mean 'sex'?\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.url.path).isEmpty)
    }

    @Test func errorsAndUsage() throws {
        let folder = try ScratchFolder()
        let missingFolder = try CommandRunner.run(["export", "--demo", "-o", folder.path("no/x.csv")])
        #expect(missingFolder.status == 1)
        #expect(missingFolder.stderr.contains("the folder \(folder.path("no")) does not exist"))
        let badExtension = try CommandRunner.run(["export", "--demo", "-o", folder.path("x.xlsx")])
        #expect(badExtension.status == 2)
        #expect(badExtension.stderr.contains("use one of .csv, .tsv, .jsonl, .parquet, .csv.gz, .tsv.gz, .jsonl.gz"))
        #expect(try CommandRunner.run(["export", "--demo"]).status == 2)
        #expect(try CommandRunner.run(["export", "-o", folder.path("x.csv")]).status == 2)
        #expect(try CommandRunner.run(["export", "--demo", "--columns", ",", "-o", folder.path("x.csv")]).status == 2)
        let help = try CommandRunner.run(["export", "--help"])
        #expect(help.status == 0)
        #expect(help.stdout.contains("--force"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.url.path).isEmpty)
    }
}

/// A temporary folder removed when the value is released.
private final class ScratchFolder {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("tutti-export-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    func path(_ name: String) -> String { url.path + "/" + name }

    deinit { try? FileManager.default.removeItem(at: url) }
}
