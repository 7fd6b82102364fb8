import Foundation
import Testing
@testable import TuttiCore

@Suite struct ExportTests {
    static let fileNames = ["t.csv", "t.tsv", "t.jsonl", "t.csv.gz", "t.tsv.gz", "t.jsonl.gz"]

    @Test(arguments: fileNames)
    func roundTripKeepsKindsAndValues(name: String) throws {
        let table = sampleTable()
        let reloaded = try roundTrip(RowExporter(dataset: table), name: name)
        #expect(reloaded.rowCount == table.rowCount)
        #expect(reloaded.columnNames == table.columnNames)
        // CSV and TSV cells hold vectors as bracketed lists, which load as vectors again.
        for column in table.columns {
            expectSameColumn(reloaded.column(named: column.name), column)
        }
    }

    @Test(arguments: fileNames)
    func subsetOfRowsAndColumnsInTheGivenOrder(name: String) throws {
        let table = sampleTable()
        let rows = RowSet(rowCount: table.rowCount, rows: [1, 2, 5, 6, 9])
        let columns = try table.columns(named: ["flag", "id", "x"])
        let reloaded = try roundTrip(RowExporter(dataset: table, columns: columns, rows: rows), name: name)
        #expect(reloaded.columnNames == ["flag", "id", "x"])
        for column in columns {
            #expect(cells(reloaded, column.name) == rows.members.map { column.isPresent($0) ? column.text(at: $0) : nil })
        }
    }

    @Test(arguments: ["adult.csv", "adult.tsv.gz", "adult.jsonl"])
    func adultRoundTripsToTheSameColumns(name: String) throws {
        let reloaded = try roundTrip(RowExporter(dataset: adult), name: name)
        #expect(reloaded.rowCount == adult.rowCount)
        #expect(reloaded.columns == adult.columns)
    }

    @Test func exactBytes() throws {
        let table = Dataset(source: "t", rowCount: 3, columns: [
            Column(name: "id", data: .integer([1, -2, 3]), validity: RowSet(rowCount: 3, rows: [0, 1])),
            Column(name: "x", data: .float([1, -0.0, .infinity]), validity: RowSet(rowCount: 3, allSet: true)),
            Column(name: "note, long", data: .text(StringTable(["a,b", "say \"hi\"", ""])),
                   validity: RowSet(rowCount: 3, allSet: true)),
            Column(name: "ok", data: .boolean([true, false, true]), validity: RowSet(rowCount: 3, rows: [0, 1])),
        ])
        #expect(try exportedText(RowExporter(dataset: table), name: "t.csv") == """
            id,x,"note, long",ok
            1,1.0,"a,b",true
            -2,-0.0,"say ""hi\""",false
            ,1e999,"",

            """)
        #expect(try exportedText(RowExporter(dataset: table), name: "t.jsonl") == """
            {"id":1,"x":1.0,"note, long":"a,b","ok":true}
            {"id":-2,"x":-0.0,"note, long":"say \\"hi\\"","ok":false}
            {"id":null,"x":null,"note, long":"","ok":null}

            """)
    }

    @Test func tsvQuotesEveryDelimiterTheLoaderMightSniff() throws {
        let table = Dataset(source: "t", rowCount: 2, columns: [
            Column(name: "a", data: .text(StringTable(["x\ty", "1,2;3|4"])), validity: RowSet(rowCount: 2, allSet: true)),
            Column(name: "b", data: .text(StringTable(["plain", "line\nbreak"])), validity: RowSet(rowCount: 2, allSet: true)),
        ])
        #expect(try exportedText(RowExporter(dataset: table), name: "t.tsv") == "a\tb\n\"x\ty\"\tplain\n\"1,2;3|4\"\t\"line\nbreak\"\n")
    }

    @Test func jsonEscapesControlCharacters() throws {
        let text = "tab\t nul\u{0} bell\u{7} back\\slash \u{1F} é \u{2028}"
        let table = Dataset(source: "t", rowCount: 1, columns: [
            Column(name: "k\"ey", data: .text(StringTable([text])), validity: RowSet(rowCount: 1, allSet: true)),
        ])
        #expect(try exportedText(RowExporter(dataset: table), name: "t.jsonl")
            == "{\"k\\\"ey\":\"tab\\t nul\\u0000 bell\\u0007 back\\\\slash \\u001f é \u{2028}\"}\n")
        let reloaded = try roundTrip(RowExporter(dataset: table), name: "t.jsonl")
        #expect(cells(reloaded, "k\"ey") == [text])
    }

    /// Strings that read as missing markers: JSON Lines keeps them; CSV quotes them, and tutti
    /// reads a quoted marker as text, so only the empty string comes back missing.
    @Test(arguments: ["t.csv", "t.jsonl"])
    func missingMarkerStrings(name: String) throws {
        let strings = ["NA", "", "null", "?", "N/A", " NA ", "None", "nan", "ok", "NULL"]
        let table = Dataset(source: "t", rowCount: strings.count + 1, columns: [
            Column(name: "n", data: .integer(Array(0...Int64(strings.count))), validity: RowSet(rowCount: strings.count + 1, allSet: true)),
            Column(name: "s", data: .text(StringTable(strings + [""])),
                   validity: RowSet(rowCount: strings.count + 1, rows: 0..<strings.count)),
        ])
        let reloaded = try roundTrip(RowExporter(dataset: table), name: name)
        let expected: [String?] = name.hasSuffix(".jsonl")
            ? strings + [nil]
            : strings.map { $0.isEmpty ? nil : $0 } + [nil]
        #expect(cells(reloaded, "s") == expected)
        if name.hasSuffix(".csv") {
            #expect(try exportedText(RowExporter(dataset: table), name: name).contains("\n0,\"NA\"\n1,\"\"\n"))
        }
    }

    @Test func infinitiesRoundTripInCSVAndBecomeNullInJSON() throws {
        let table = Dataset(source: "t", rowCount: 4, columns: [
            Column(name: "x", data: .float([.infinity, -.infinity, .nan, 2.5]), validity: RowSet(rowCount: 4, allSet: true)),
            Column(name: "v", data: .vector(width: 2, values: [1, .infinity, 2, 3, 4, 5, 6, 7]),
                   validity: RowSet(rowCount: 4, allSet: true)),
        ])
        let csv = try roundTrip(RowExporter(dataset: table), name: "t.csv")
        #expect(csv.column(named: "x")?.data == .float([.infinity, -.infinity, 0, 2.5]))
        #expect(csv.column(named: "x")?.validity == RowSet(rowCount: 4, rows: [0, 1, 3]))
        let json = try roundTrip(RowExporter(dataset: table), name: "t.jsonl")
        #expect(json.column(named: "x")?.data == .float([0, 0, 0, 2.5]))
        #expect(json.column(named: "x")?.validity == RowSet(rowCount: 4, rows: [3]))
        #expect(json.column(named: "v")?.data == .vector(width: 2, values: [0, 0, 2, 3, 4, 5, 6, 7]))
        #expect(json.column(named: "v")?.validity == RowSet(rowCount: 4, rows: [1, 2, 3]))
    }

    @Test(arguments: ["t.csv", "t.tsv", "t.jsonl"])
    func singleColumnWithMissingCellsKeepsEveryRow(name: String) throws {
        let table = Dataset(source: "t", rowCount: 4, columns: [
            Column(name: "x", data: .integer([1, 0, 0, 4]), validity: RowSet(rowCount: 4, rows: [0, 3])),
        ])
        let reloaded = try roundTrip(RowExporter(dataset: table), name: name)
        #expect(cells(reloaded, "x") == ["1", nil, nil, "4"])
    }

    @Test func noRows() throws {
        let rows = RowSet(rowCount: adult.rowCount)
        let exporter = RowExporter(dataset: adult, columns: try adult.columns(named: ["age", "sex"]), rows: rows)
        #expect(try exportedText(exporter, name: "none.csv") == "age,sex\n")
        #expect(try exportedText(exporter, name: "none.jsonl") == "")
    }

    @Test func largeGzipOutputSpansManyBlocks() throws {
        let count = 200_000
        let table = Dataset(source: "big", rowCount: count, columns: [
            Column(name: "i", data: .integer((0..<Int64(count)).map { $0 * 7919 }), validity: RowSet(rowCount: count, allSet: true)),
            Column(name: "f", data: .float((0..<count).map { Double($0) / 7 }), validity: RowSet(rowCount: count, allSet: true)),
        ])
        for name in ["big.csv.gz", "big.jsonl.gz"] {
            let reloaded = try roundTrip(RowExporter(dataset: table), name: name)
            #expect(reloaded.columns == table.columns)
        }
    }

    @Test func fileTypeFromTheExtension() throws {
        #expect(try ExportFileType(path: "out.csv") == ExportFileType(format: .csv))
        #expect(try ExportFileType(path: "a/b.c/OUT.TSV.GZ") == ExportFileType(format: .tsv, gzip: true))
        #expect(try ExportFileType(path: "x.jsonl.gz") == ExportFileType(format: .jsonl, gzip: true))
        #expect(try ExportFileType(path: "x.Parquet") == ExportFileType(format: .parquet))
        for bad in ["out.json", "out.gz", "csv", ".csv.gz", "out.csv.zip", "dir.csv/out", "out.parquet.gz"] {
            let error = try #require(throws: TuttiError.self) { try ExportFileType(path: bad) }
            #expect(error.description == "\(bad): cannot tell the format from the name; use one of .csv, .tsv, .jsonl, .parquet, .csv.gz, .tsv.gz, .jsonl.gz")
        }
    }

    @Test func columnSelection() throws {
        #expect(try adult.columns(named: ["sex", "age"]).map(\.name) == ["sex", "age"])
        #expect(throws: TuttiError.unknownColumn("agee", suggestion: "age", context: "--columns")) {
            try adult.columns(named: ["agee"], context: "--columns")
        }
        #expect(throws: TuttiError("--columns: column 'age' is listed twice")) {
            try adult.columns(named: ["age", "sex", "age"], context: "--columns")
        }
    }

    @Test func summaryLine() throws {
        let folder = try TemporaryFolder()
        let path = folder.url.appendingPathComponent("s.csv").path
        let summary = try RowExporter(dataset: adult).export(to: path)
        #expect(summary.description == "wrote 48,842 rows × 20 columns to \(path)")
        #expect(summary.byteCount == (try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int))
        let one = try RowExporter(dataset: adult, columns: try adult.columns(named: ["age"]),
                                    rows: RowSet(rowCount: adult.rowCount, rows: [3]))
            .export(to: folder.url.appendingPathComponent("one.csv").path)
        #expect(one.description.hasPrefix("wrote 1 row × 1 column to "))
    }
}

// MARK: - Helpers

/// A table with every kind of column and the values that are hard to write and read back.
func sampleTable() -> Dataset {
    let rowCount = 10
    func present(except missing: [Int]) -> RowSet {
        RowSet(rowCount: rowCount, rows: (0..<rowCount).filter { !missing.contains($0) })
    }
    let texts = ["plain", "a,b", "say \"hi\"", "line\nbreak", "crlf\r\nend", "  leading", "trailing ", "日本語 ✓ café",
                 "tab\there", ""]
    return Dataset(source: "sample", rowCount: rowCount, columns: [
        Column(name: "id", data: .integer([0, 1, -1, 42, .max, .min, 7, 0, 123_456_789_012, -5]),
               validity: present(except: [7])),
        Column(name: "x", data: .float([1, -0.0, 1e-300, 0.1, 2.5, 1e16, 0, -3, .leastNonzeroMagnitude, .greatestFiniteMagnitude]),
               validity: present(except: [6])),
        Column(name: "whole", data: .float([1, 2, 3, -0.0, 0, 100, 7, 8, 9, 1e20]), validity: present(except: [4])),
        Column(name: "flag", data: .boolean([true, false, false, true, true, false, true, false, true, true]),
               validity: present(except: [2])),
        Column(name: "color", data: .categorical(codes: [0, 1, 2, 0, 1, 3, 2, 0, 1, 2],
                                                 dictionary: StringTable(["red", "green", "blue, dark \"navy\""])),
               validity: present(except: [5])),
        Column(name: "note", data: .text(StringTable(texts)), validity: present(except: [9])),
        Column(name: "embedding", data: .vector(width: 3, values: (0..<30).map { Float($0) * 0.1 - 1 }),
               validity: present(except: [3])),
    ])
}

/// Exports with `exporter` to a file called `name` in a fresh folder and loads it back.
func roundTrip(_ exporter: RowExporter, name: String) throws -> Dataset {
    let folder = try TemporaryFolder()
    let path = folder.url.appendingPathComponent(name).path
    try exporter.export(to: path)
    return try DatasetLoader.load(path).dataset
}

/// The text of the file `exporter` writes when called `name`.
func exportedText(_ exporter: RowExporter, name: String) throws -> String {
    let folder = try TemporaryFolder()
    let path = folder.url.appendingPathComponent(name).path
    try exporter.export(to: path)
    return try String(contentsOfFile: path, encoding: .utf8)
}

/// Checks that two columns hold the same kind, missing cells and values (floats bit for bit).
func expectSameColumn(_ actual: Column?, _ expected: Column, sourceLocation: SourceLocation = #_sourceLocation) {
    guard let actual else {
        Issue.record("column \(expected.name) is missing", sourceLocation: sourceLocation)
        return
    }
    #expect(actual.kind == expected.kind, "\(expected.name)", sourceLocation: sourceLocation)
    #expect(actual.validity == expected.validity, "\(expected.name)", sourceLocation: sourceLocation)
    expected.validity.forEachMember { row in
        switch (actual.data, expected.data) {
        case (.float(let a), .float(let b)):
            #expect(a[row].bitPattern == b[row].bitPattern, "\(expected.name)[\(row)]: \(a[row]) vs \(b[row])",
                    sourceLocation: sourceLocation)
        case (.vector(let wa, let a), .vector(let wb, let b)):
            #expect(wa == wb && a[(row * wa)..<((row + 1) * wa)] == b[(row * wb)..<((row + 1) * wb)],
                    "\(expected.name)[\(row)]", sourceLocation: sourceLocation)
        default:
            #expect(actual.text(at: row) == expected.text(at: row), "\(expected.name)[\(row)]", sourceLocation: sourceLocation)
        }
    }
}
