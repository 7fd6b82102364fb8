import Testing
@testable import TuttiCore

/// Number columns written in place by the chunks of a delimited file (`PlacedColumns`) give the
/// table a load in one chunk gives, whatever the chunks hold.
@Suite struct PlacedColumnTests {
    /// Loads `text` in chunks of `chunkSize` bytes and in one chunk; expects the same columns.
    private func loadsAlike(_ text: String, chunkSize: Int = 97) throws -> Dataset {
        let small = try load(text, options: LoadOptions(chunkSize: chunkSize)).dataset
        let whole = try load(text, options: LoadOptions(chunkSize: 1 << 30)).dataset
        #expect(small.rowCount == whole.rowCount)
        #expect(small.columns == whole.columns)
        return small
    }

    private func kind(_ dataset: Dataset, _ name: String) -> String {
        switch dataset.column(named: name)?.data {
        case .integer: "integer"
        case .float: "float"
        case .boolean: "boolean"
        case .categorical: "categorical"
        case .text: "text"
        default: "other"
        }
    }

    @Test func integersAndFloatsWithMissingCellsAcrossManyChunks() throws {
        var text = "id,n,x\n"
        for i in 0..<3_000 { text += "\(i),\(i % 7 == 0 ? "" : String(i * 3)),\(i % 11 == 0 ? "NA" : String(Double(i) / 4))\n" }
        let data = try loadsAlike(text)
        #expect(kind(data, "n") == "integer" && kind(data, "x") == "float")
        #expect(cells(data, "id") == (0..<3_000).map { String($0) })
        #expect(cells(data, "n")[7] == nil && cells(data, "n")[8] == "24")
        #expect(data.column(named: "x")?.isPresent(11) == false)
    }

    @Test func aColumnOfIntegersThatTurnsFloatInALaterChunk() throws {
        var text = "n,m\n"
        for i in 0..<2_000 { text += i == 1_500 ? "2.5,\(i)\n" : "\(i),\(i)\n" }
        let data = try loadsAlike(text)
        #expect(kind(data, "n") == "float" && kind(data, "m") == "integer")
        if case .float(let values) = data.column(named: "n")?.data {
            #expect(values[1_499] == 1_499 && values[1_500] == 2.5 && values[1_999] == 1_999)
        } else {
            Issue.record("n is not a float column")
        }
    }

    @Test func floatsFirstThenChunksOfIntegersOnly() throws {
        var text = "x\n"
        for i in 0..<2_000 { text += i < 20 ? "\(i).5\n" : "\(i)\n" }
        let data = try loadsAlike(text)
        if case .float(let values) = data.column(named: "x")?.data {
            #expect(values[0] == 0.5 && values[20] == 20 && values[1_999] == 1_999)
        } else {
            Issue.record("x is not a float column")
        }
    }

    @Test func numbersThatTurnToTextInALaterChunk() throws {
        var text = "v,w\n"
        for i in 0..<2_000 { text += i == 1_800 ? "oops,\(i)\n" : "\(i),\(Double(i) / 2)\n" }
        let data = try loadsAlike(text)
        #expect(cells(data, "v")[1_800] == "oops")
        #expect(cells(data, "v")[1_799] == "1799")
        #expect(kind(data, "w") == "float")
    }

    @Test func aFirstChunkOfFewWideRowsThenManyNarrowOnes() throws {
        // Chunk 0 holds few rows per byte, so the storage sized from it is too small for the rest.
        var text = "id,n,note\n"
        for i in 0..<3 { text += "\(i),\(i),\(String(repeating: "w", count: 4_000))\n" }
        for i in 3..<20_000 { text += "\(i),\(i * 2),\n" }
        let data = try loadsAlike(text, chunkSize: 4_096)
        #expect(cells(data, "id").last == "19999")
        if case .integer(let values) = data.column(named: "n")?.data {
            let expected: [Int64] = [0, 1, 2] + (3..<20_000).map { Int64($0) * 2 }
            #expect(values == expected)
        } else {
            Issue.record("n is not an integer column")
        }
    }

    @Test func quotedLineBreaksAtChunkStartsBreakTheChain() throws {
        var text = "id,quote,n\n"
        for i in 0..<1_500 {
            text += i % 9 == 0 ? "\(i),\"line one\nline two \(i)\",\(i)\n" : "\(i),plain \(i % 3),\(i)\n"
        }
        let data = try loadsAlike(text, chunkSize: 61)
        if case .integer(let values) = data.column(named: "n")?.data {
            #expect(values == (0..<1_500).map { Int64($0) })
        } else {
            Issue.record("n is not an integer column")
        }
    }

    @Test func aFileOfOneChunkIsUnchanged() throws {
        let data = try loadsAlike("a,b\n1,2.5\n3,\n", chunkSize: 1 << 20)
        #expect(cells(data, "a") == ["1", "3"])
        #expect(cells(data, "b") == ["2.5", nil])
    }
}
