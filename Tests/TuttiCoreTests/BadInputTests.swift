import Foundation
import Testing
import TuttiTestSupport
@testable import TuttiCore

@Suite struct BadInputTests {
    @Test func missingFile() {
        #expect(throws: TuttiError("no such file", file: "/nonexistent/x.csv")) {
            try DatasetLoader.load("/nonexistent/x.csv")
        }
    }

    @Test func directory() throws {
        let folder = try TemporaryFolder()
        #expect(throws: TuttiError("is a directory, not a data file", file: folder.url.path)) {
            try DatasetLoader.load(folder.url.path)
        }
    }

    @Test func permissionDenied() throws {
        let folder = try TemporaryFolder()
        let path = try folder.write("secret.csv", "a\n1\n")
        chmod(path, 0)
        defer { chmod(path, 0o644) }
        // Root reads anything; the check only means something for other users.
        if getuid() != 0 {
            #expect(throws: TuttiError("permission denied", file: path)) { try DatasetLoader.load(path) }
        } else {
            #expect(try DatasetLoader.load(path).dataset.rowCount == 1)
        }
    }

    @Test func emptyFile() throws {
        let folder = try TemporaryFolder()
        let path = try folder.write("empty.csv", "")
        #expect(throws: TuttiError("the file is empty", file: path)) { try DatasetLoader.load(path) }
        #expect(loadError("\n\n  \n")?.message == "the input is empty")
    }

    @Test func headerOnly() {
        #expect(loadError("a,b,c\n")?.message == "has a header row but no data rows")
        #expect(loadError("a,b,c")?.message == "has a header row but no data rows")
    }

    @Test func binaryData() {
        let bytes: [UInt8] = [0x7F, 0x45, 0x4C, 0x46, 0x02, 0x01, 0x00, 0x00, 0x10]
        let error = try? #require(throws: TuttiError.self) { try DatasetLoader.load(bytes: bytes, name: "prog") }
        #expect(error?.message.contains("binary") == true)
        #expect(error?.file == "prog")
    }

    @Test func invalidUTF8IsReplacedCountedAndWarned() throws {
        var bytes = Array("name,n\n".utf8)
        bytes += Array("caf".utf8) + [0xE9] + Array(",1\n".utf8)
        bytes += Array("ok,2\n".utf8) + [0xFF, 0xFE, 0x41] + Array(",3\n".utf8)
        let result = try DatasetLoader.load(bytes: bytes, name: "latin1.csv")
        #expect(cells(result.dataset, "name") == ["caf\u{FFFD}", "ok", "\u{FFFD}\u{FFFD}A"])
        #expect(result.warnings.count == 1)
        #expect(result.warnings.first?.message.contains("2 cells of column 'name' were not valid UTF-8") == true)
    }

    @Test func shortRowsArePaddedAndWarned() throws {
        let result = try load("a,b,c\n1,2,3\n4,5\n6\n7,8,9\n", name: "short.csv")
        #expect(cells(result.dataset, "c") == ["3", nil, nil, "9"])
        #expect(cells(result.dataset, "b") == ["2", "5", nil, "8"])
        #expect(result.warnings.map(\.message) == ["short.csv: 2 rows have fewer cells than the header (first at line 3); the missing cells are treated as missing values"])
    }

    @Test func rowWithExtraCellsIsAnErrorNamingItsLine() {
        let error = loadError("a,b\n1,2\n\"multi\nline\",2\n3,4,5\n", name: "wide.csv")
        #expect(error?.description == "wide.csv:5: has 3 cells but the header has 2")
    }

    @Test func unterminatedQuote() {
        let error = loadError("a,b\n1,2\n3,\"open\n4,5\n", name: "q.csv")
        #expect(error?.line == 3)
        #expect(error?.column == 2)
        #expect(error?.message.contains("unterminated quoted field") == true)
    }

    @Test func duplicateColumnNamesAreRenamed() throws {
        let result = try load("a,b,a,,a\n1,2,3,4,5\n", name: "dup.csv")
        #expect(result.dataset.columnNames == ["a", "b", "a_2", "column_4", "a_3"])
        #expect(result.warnings.first?.message.contains("'a' → 'a_2'") == true)
    }

    @Test func utf16IsRefusedWithAHint() {
        let error = try? #require(throws: TuttiError.self) {
            try DatasetLoader.load(bytes: [0xFF, 0xFE, 0x61, 0x00], name: "w.csv")
        }
        #expect(error?.message.contains("UTF-16") == true)
    }

    @Test func corruptAndTruncatedGzip() throws {
        let gz = try gzipped(Array("a,b\n1,2\n3,4\n".utf8))
        #expect(try DatasetLoader.load(bytes: gz, name: "ok.csv.gz").dataset.rowCount == 2)
        let truncated = Array(gz.prefix(gz.count - 12))
        let error = try? #require(throws: TuttiError.self) { try DatasetLoader.load(bytes: truncated, name: "t.gz") }
        #expect(error?.message.contains("truncated") == true)
        var corrupt = gz
        corrupt[12] ^= 0xFF
        corrupt[13] ^= 0xFF
        #expect(throws: TuttiError.self) { try DatasetLoader.load(bytes: corrupt, name: "c.gz") }
    }

    @Test func cancellationStopsTheLoad() {
        let flag = CancellationFlag()
        flag.cancel()
        #expect(throws: TuttiError.cancelled(file: "x.csv")) {
            try DatasetLoader.load(bytes: Array("a\n1\n".utf8), name: "x.csv", work: WorkContext(cancellation: flag))
        }
    }
}

/// Compresses bytes with the system gzip.
func gzipped(_ bytes: [UInt8]) throws -> [UInt8] {
    let folder = try TemporaryFolder()
    let path = try folder.write("data", bytes)
    _ = try ChildProcess.run("/bin/gzip", ["-k", "-n", path])
    return Array(try Data(contentsOf: URL(fileURLWithPath: path + ".gz")))
}
