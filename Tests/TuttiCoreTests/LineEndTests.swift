import Testing
@testable import TuttiCore

@Suite struct LineEndTests {
    @Test func loneCarriageReturnInAnLFFileIsData() throws {
        let result = try load("id,note\n1,scraped\rtext\n2,more\r\rtext\n3,plain\n")
        #expect(result.dataset.rowCount == 3)
        #expect(result.warnings.isEmpty)
        #expect(cells(result.dataset, "note") == ["scraped\rtext", "more\r\rtext", "plain"])
        #expect(result.dataset.column(named: "id")?.kind == .integer)
    }

    @Test func crlfEndsLinesAndALoneCarriageReturnStaysData() throws {
        let result = try load("id,note\r\n1,a\rb\r\n2,c\r\n")
        #expect(result.dataset.rowCount == 2)
        #expect(cells(result.dataset, "note") == ["a\rb", "c"])
    }

    @Test func aFileWhoseLinesEndInCarriageReturnsIsSplitAtThem() throws {
        let result = try load("id,note\r1,a\r2,b\r")
        #expect(result.dataset.rowCount == 2)
        #expect(cells(result.dataset, "note") == ["a", "b"])
    }

    @Test func terminatorIsDecidedOutsideQuotes() {
        let text = Array("\"a\rb\",c\nx,y\n".utf8)
        let terminator = text.withUnsafeBufferPointer { LineTerminator.sniff($0.baseAddress!, end: $0.count, from: 0) }
        #expect(terminator == .lineFeed)
        let mac = Array("a,b\r1,2\r".utf8)
        #expect(mac.withUnsafeBufferPointer { LineTerminator.sniff($0.baseAddress!, end: $0.count, from: 0) } == .carriageReturn)
    }

    @Test func loneCarriageReturnsSurviveManyChunks() throws {
        var text = "id,note\n"
        for row in 0..<3_000 { text += "\(row),line\(row)\rrest\n" }
        let result = try load(text, options: LoadOptions(chunkSize: 1_024))
        #expect(result.dataset.rowCount == 3_000)
        #expect(cells(result.dataset, "note")[2_999] == "line2999\rrest")
    }
}
