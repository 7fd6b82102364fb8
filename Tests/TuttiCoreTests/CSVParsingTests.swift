import Testing
@testable import TuttiCore

@Suite struct CSVParsingTests {
    @Test func quotedFieldsWithDelimitersQuotesAndNewlines() throws {
        let text = "id,note\n1,\"a, b\"\n2,\"she said \"\"hi\"\"\"\n3,\"two\nlines\"\n4,plain\n"
        let data = try load(text).dataset
        #expect(data.rowCount == 4)
        #expect(cells(data, "note") == ["a, b", "she said \"hi\"", "two\nlines", "plain"])
        #expect(cells(data, "id") == ["1", "2", "3", "4"])
    }

    @Test func crlfLineEndsAndNoFinalNewline() throws {
        let data = try load("a,b\r\n1,x\r\n2,y").dataset
        #expect(data.rowCount == 2)
        #expect(cells(data, "b") == ["x", "y"])
        #expect(data.column(named: "a")?.kind == .integer)
    }

    @Test func byteOrderMarkIsSkipped() throws {
        let data = try load("\u{FEFF}name,value\nx,1\n").dataset
        #expect(data.columnNames == ["name", "value"])
    }

    @Test(arguments: [("\t", "t.tsv"), (";", "t.csv"), ("|", "t.txt"), (",", "t.dat")])
    func delimiterIsSniffed(delimiter: String, name: String) throws {
        let text = ["a", "b", "c"].joined(separator: delimiter) + "\n"
            + ["1", "x y", "2.5"].joined(separator: delimiter) + "\n"
            + ["2", "z, w", "3"].joined(separator: delimiter) + "\n"
        let body = delimiter == "," ? "a,b,c\n1,x y,2.5\n2,\"z, w\",3\n" : text
        let data = try load(body, name: name).dataset
        #expect(data.columnNames == ["a", "b", "c"])
        #expect(cells(data, "b") == ["x y", "z, w"])
        #expect(data.column(named: "c")?.kind == .float)
    }

    @Test func missingMarkers() throws {
        let markers = ["", "NA", "N/A", "NaN", "null", "None", "?", "nan", "NULL", "n/a"]
        let text = "v,s\n" + markers.map { "\($0),\($0)" }.joined(separator: "\n") + "\n5,x\n"
        let data = try load(text).dataset
        #expect(data.column(named: "v")?.missingCount == markers.count)
        #expect(data.column(named: "v")?.kind == .integer)
        #expect(data.column(named: "s")?.missingCount == markers.count)
        #expect(cells(data, "s").last == "x")
    }

    @Test func blankLinesAreSkipped() throws {
        let data = try load("a,b\n1,2\n\n3,4\n\n").dataset
        #expect(data.rowCount == 2)
    }

    @Test func hugeFieldIsAccepted() throws {
        let big = String(repeating: "x", count: 1_500_000)
        let data = try load("id,blob\n1,\(big)\n2,small\n").dataset
        #expect(data.column(named: "blob").map { $0.text(at: 0).utf8.count } == 1_500_000)
    }

    @Test func manyChunksGiveTheSameResultAsOne() throws {
        // Quoted newlines land on chunk boundaries: the parser must re-parse those chunks.
        var text = "id,note,x\n"
        for i in 0..<5000 {
            text += i % 7 == 0 ? "\(i),\"line one\nline two, \"\"quoted\"\"\",\(Double(i) / 4)\n" : "\(i),plain \(i % 13),\(i)\n"
        }
        let small = try load(text, options: LoadOptions(chunkSize: 97)).dataset
        let whole = try load(text, options: LoadOptions(chunkSize: 1 << 30)).dataset
        #expect(small.rowCount == 5000)
        #expect(small.columns == whole.columns)
        #expect(small.column(named: "x")?.kind == .float)
        #expect(cells(small, "note")[7] == "line one\nline two, \"quoted\"")
    }
}

@Suite struct QuotedMissingMarkerTests {
    @Test func quotedMarkersAreTextAndQuotedEmptyIsMissing() throws {
        let data = try load("s,n\n\"NA\",1\n\"\",2\nNA,3\n\"x \"\"y\"\"\",4\n\"N/A\",5\n").dataset
        #expect(cells(data, "s") == ["NA", nil, nil, "x \"y\"", "N/A"])
    }

    @Test func quotedNumbersAreNumbers() throws {
        let data = try load("n\n\"1\"\n\"2.5\"\n\"\"\n").dataset
        #expect(data.column(named: "n")?.kind == .float)
        #expect(cells(data, "n") == ["1", "2.5", nil])
    }
}
