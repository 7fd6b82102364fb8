import Foundation
import Synchronization
import Testing
@testable import TuttiCore

/// Refusals, atomic replacement and clean-up of exports.
@Suite struct ExportSafetyTests {
    @Test func refusesAnExistingFileWithoutOverwrite() throws {
        let folder = try TemporaryFolder()
        let path = try folder.write("out.csv", "old\n")
        #expect(throws: TuttiError("exists; use --force to overwrite", file: path)) {
            try RowExporter(dataset: sampleTable()).export(to: path)
        }
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "old\n")
        try RowExporter(dataset: sampleTable()).export(to: path, options: ExportOptions(overwrite: true))
        #expect(try DatasetLoader.load(path).dataset.rowCount == 10)
        #expect(try folderContents(folder) == ["out.csv"])
    }

    @Test func neverWritesOverTheInput() throws {
        let folder = try TemporaryFolder()
        let input = try folder.write("in.csv", "a,b\n1,2\n")
        let dataset = try DatasetLoader.load(input).dataset
        let link = folder.url.appendingPathComponent("link.csv").path
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: input)
        let hardLink = folder.url.appendingPathComponent("hard.csv").path
        try FileManager.default.linkItem(atPath: input, toPath: hardLink)
        let spellings = [input, folder.url.path + "/./in.csv", folder.url.path + "//in.csv", link, hardLink]
        for path in spellings {
            let error = try #require(throws: TuttiError.self) {
                try RowExporter(dataset: dataset).export(to: path, options: ExportOptions(overwrite: true, inputPaths: [input]))
            }
            #expect(error.message.hasPrefix("refusing to write over the input file"))
            #expect(error.file == path)
        }
        // The file the dataset came from is protected without being named.
        #expect(throws: TuttiError("refusing to write over the input file", file: input)) {
            try RowExporter(dataset: dataset).export(to: input, options: ExportOptions(overwrite: true))
        }
        #expect(throws: TuttiError("refusing to write over the input file \(input)", file: link)) {
            try RowExporter.checkDestination(link, options: ExportOptions(overwrite: true, inputPaths: [input]))
        }
        #expect(try String(contentsOfFile: input, encoding: .utf8) == "a,b\n1,2\n")
        #expect(try folderContents(folder) == ["hard.csv", "in.csv", "link.csv"])
    }

    @Test func aFileThatAppearsDuringTheExportIsKept() throws {
        let folder = try TemporaryFolder()
        let path = folder.url.appendingPathComponent("out.csv").path
        let work = WorkContext(progress: { _ in
            if !FileManager.default.fileExists(atPath: path) {
                _ = FileManager.default.createFile(atPath: path, contents: Data("theirs\n".utf8))
            }
        })
        #expect(throws: TuttiError("exists; use --force to overwrite", file: path)) {
            try RowExporter(dataset: bigTable).export(to: path, work: work)
        }
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "theirs\n")
        #expect(try folderContents(folder) == ["out.csv"])
    }

    @Test func checkingTheDestinationWritesNothing() throws {
        let folder = try TemporaryFolder()
        let existing = try folder.write("old.csv", "x\n")
        #expect(throws: TuttiError("exists; use --force to overwrite", file: existing)) {
            try RowExporter.checkDestination(existing, options: ExportOptions())
        }
        try RowExporter.checkDestination(existing, options: ExportOptions(overwrite: true))
        try RowExporter.checkDestination(folder.url.path + "/new.jsonl.gz", options: ExportOptions())
        #expect(try folderContents(folder) == ["old.csv"])
    }

    @Test func missingFolderDirectoryAndFileInThePath() throws {
        let folder = try TemporaryFolder()
        let exporter = RowExporter(dataset: sampleTable())
        let missing = folder.url.appendingPathComponent("nope/out.csv").path
        #expect(throws: TuttiError("the folder \(folder.url.path)/nope does not exist", file: missing)) {
            try exporter.export(to: missing)
        }
        let directory = folder.url.appendingPathComponent("dir.csv").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: false)
        #expect(throws: TuttiError("is a directory", file: directory)) {
            try exporter.export(to: directory, options: ExportOptions(overwrite: true))
        }
        let file = try folder.write("file", "x")
        #expect(throws: TuttiError("\(file) is not a folder", file: file + "/out.csv")) {
            try exporter.export(to: file + "/out.csv")
        }
        #expect(try folderContents(folder) == ["dir.csv", "file"])
    }

    @Test func theFolderOfAPath() throws {
        #expect(try ExportDestination(path: "tutti-export-test-bare.csv", options: ExportOptions()).folder == ".")
        #expect(try ExportDestination(path: "/tutti-export-test.csv", options: ExportOptions()).folder == "/")
        let folder = try TemporaryFolder()
        #expect(try ExportDestination(path: folder.url.path + "/a.tsv", options: ExportOptions()).folder == folder.url.path)
    }

    @Test(arguments: ["big.csv", "big.jsonl.gz"])
    func cancellingMidwayLeavesNothingBehind(name: String) throws {
        let folder = try TemporaryFolder()
        let previous = try folder.write("keep-" + name, "previous\n")
        for (path, overwrite) in [(folder.url.appendingPathComponent(name).path, false), (previous, true)] {
            let flag = CancellationFlag()
            let reports = Mutex<[WorkProgress]>([])
            let work = WorkContext(progress: { progress in
                reports.withLock { $0.append(progress) }
                flag.cancel()
            }, cancellation: flag)
            #expect(throws: TuttiError("export cancelled; nothing was written", file: path)) {
                try RowExporter(dataset: bigTable).export(to: path, options: ExportOptions(overwrite: overwrite), work: work)
            }
            let seen = reports.withLock { $0 }
            #expect(seen.count == 1)
            #expect(seen.first.map { $0.done > 0 && $0.done < bigTable.rowCount } == true)
        }
        #expect(try folderContents(folder) == ["keep-" + name])
        #expect(try String(contentsOfFile: previous, encoding: .utf8) == "previous\n")
    }

    @Test func cancelledBeforeTheStartCreatesNothing() throws {
        let folder = try TemporaryFolder()
        let flag = CancellationFlag()
        flag.cancel()
        let path = folder.url.appendingPathComponent("out.csv").path
        #expect(throws: TuttiError("export cancelled; nothing was written", file: path)) {
            try RowExporter(dataset: sampleTable()).export(to: path, work: WorkContext(cancellation: flag))
        }
        #expect(try folderContents(folder) == [])
    }

    @Test func progressRisesToTheTotal() throws {
        let folder = try TemporaryFolder()
        let reports = Mutex<[WorkProgress]>([])
        let work = WorkContext(progress: { progress in reports.withLock { $0.append(progress) } })
        try RowExporter(dataset: bigTable).export(to: folder.url.appendingPathComponent("big.tsv").path, work: work)
        let seen = reports.withLock { $0 }
        #expect(seen.count > 2)
        #expect(seen.map(\.done) == seen.map(\.done).sorted())
        #expect(seen.allSatisfy { $0.total == bigTable.rowCount })
        #expect(seen.last?.fraction == 1)
        #expect(try folderContents(folder) == ["big.tsv"])
    }

    @Test func nothingToExport() throws {
        let folder = try TemporaryFolder()
        let path = folder.url.appendingPathComponent("out.csv").path
        #expect(throws: TuttiError("there are no columns to export", file: path)) {
            try RowExporter(dataset: sampleTable(), columns: []).export(to: path)
        }
    }

    @Test func gzipFilesAreGzip() throws {
        let folder = try TemporaryFolder()
        let path = folder.url.appendingPathComponent("out.csv.gz").path
        let summary = try RowExporter(dataset: adult).export(to: path)
        let bytes = try Data(contentsOf: URL(fileURLWithPath: path))
        #expect(Array(bytes.prefix(2)) == [0x1F, 0x8B])
        #expect(summary.byteCount == bytes.count)
        #expect(summary.fileType == ExportFileType(format: .csv, gzip: true))
    }
}

/// 300,000 rows: several MiB of output, so several blocks.
let bigTable: Dataset = {
    let count = 300_000
    return Dataset(source: "big", rowCount: count, columns: [
        Column(name: "i", data: .integer((0..<Int64(count)).map { $0 * 31 }), validity: RowSet(rowCount: count, allSet: true)),
        Column(name: "f", data: .float((0..<count).map { Double($0) / 3 }), validity: RowSet(rowCount: count, allSet: true)),
    ])
}()

/// The names in a temporary folder, sorted (hidden temporary files included).
func folderContents(_ folder: TemporaryFolder) throws -> [String] {
    try FileManager.default.contentsOfDirectory(atPath: folder.url.path).sorted()
}
